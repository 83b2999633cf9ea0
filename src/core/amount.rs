//! Reading what people type into amount, count and year fields (spec §4).
//!
//! Amounts are exact decimals (`rust_decimal`), never floats, so sums compare exactly. A value
//! that does not parse is an error naming what was typed; the typed text itself is never changed.

use std::fmt;

use rust_decimal::Decimal;

use crate::text::half_width;

/// The most digits before the decimal point. 10^15 万元 is far beyond any budget, and the limit
/// keeps the sum of any number of rows far from `Decimal`'s range, so sums cannot overflow.
const MAX_INTEGER_DIGITS: usize = 15;
/// The most digits after the decimal point (with 15 before, inside `Decimal`'s 28 digits).
const MAX_DECIMALS: usize = 12;

/// An amount in 万元 that parsed: a decimal that keeps the number of decimals typed
/// (`31.50` stays `31.50`). It may be negative; which fields allow that is the checks' business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount(Decimal);

impl Amount {
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The number of decimals typed.
    pub fn decimals(self) -> u32 {
        self.0.scale()
    }

    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }
}

impl fmt::Display for Amount {
    /// ASCII digits as typed, without separators or unit: `１，０００．５０万元` shows as `1000.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Why a typed amount is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountProblem {
    /// A unit other than 万元 or 元, e.g. `亿元`.
    WrongUnit(String),
    /// An amount in 元, with the same amount in 万元 when its number reads (`1226600元`:
    /// `122.66`), for the message to offer.
    Yuan {
        wan: Option<String>,
    },
    /// Something that is not part of a number, e.g. `约`.
    NotANumber,
    /// More than one decimal point.
    SeveralPoints,
    /// `。` typed where `.` was meant.
    FullStop,
    /// A decimal point with no digit before or after it.
    BarePoint,
    /// Thousands separators anywhere but between groups of three digits.
    Separators,
    /// A minus sign anywhere but at the start, or more than one.
    MisplacedSign,
    TooLarge,
    TooManyDecimals,
}

/// An amount field's text that is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{typed}”不是有效金额：{problem}")]
pub struct AmountError {
    pub typed: String,
    pub problem: AmountProblem,
}

impl fmt::Display for AmountProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountProblem::Yuan { wan: Some(wan) } => {
                write!(
                    f,
                    "金额以万元为单位，元不是万元：即 {wan} 万元，请填写 {wan}"
                )
            }
            AmountProblem::Yuan { wan: None } => {
                f.write_str("金额以万元为单位，元不是万元（请换算成万元）")
            }
            AmountProblem::WrongUnit(unit) => write!(f, "金额以万元为单位，不能用“{unit}”"),
            AmountProblem::NotANumber => f.write_str("只能填写数字，可带单位“万元”"),
            AmountProblem::SeveralPoints => f.write_str("有不止一个小数点"),
            AmountProblem::FullStop => f.write_str("小数点应为“.”，不是句号“。”"),
            AmountProblem::BarePoint => f.write_str("小数点前后都要有数字"),
            AmountProblem::Separators => f.write_str("千分位分隔符的位置不对"),
            AmountProblem::MisplacedSign => f.write_str("负号只能写在数字最前面"),
            AmountProblem::TooLarge => {
                write!(f, "数字过大（整数部分最多{MAX_INTEGER_DIGITS}位）")
            }
            AmountProblem::TooManyDecimals => write!(f, "小数位数过多（最多{MAX_DECIMALS}位）"),
        }
    }
}

/// A 分值 or 得分 field's text that is not a number of points.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{typed}”不是有效分值：只能填写数字，可带“分”，如 15 或 12.5")]
pub struct ScoreError {
    pub typed: String,
}

/// Reads a 分值 or 得分 of the 自评表 as typed: `Ok(None)` when blank; the number as
/// [`parse_amount`] reads it, with an optional trailing `分` and no 万 or 元.
pub fn parse_score(typed: &str) -> Result<Option<Amount>, ScoreError> {
    let fail = || ScoreError {
        typed: typed.trim().to_owned(),
    };
    let trimmed = typed.trim();
    let body = trimmed
        .strip_suffix('分')
        .or_else(|| trimmed.strip_suffix("分值"))
        .unwrap_or(trimmed);
    if body.contains(['万', '元']) {
        return Err(fail());
    }
    parse_amount(body).map_err(|_| fail())
}

/// Reads an amount as typed: `Ok(None)` when blank, `Ok(Some(_))` when it is an amount in 万元,
/// `Err` naming the problem otherwise.
///
/// Accepted: ASCII or full-width digits, `.` or `．`, thousands separators `,` `，` between
/// groups of three, surrounding spaces, a leading minus, a trailing `万元` or `万`.
pub fn parse_amount(typed: &str) -> Result<Option<Amount>, AmountError> {
    if let Some(amount) = plain_ascii_amount(typed) {
        return Ok(Some(amount));
    }
    let fail = |problem| AmountError {
        typed: typed.trim().to_owned(),
        problem,
    };
    let normalized: String = typed
        .chars()
        .map(half_width)
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let mut body = normalized.trim();
    if body.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = body
        .strip_suffix("万元")
        .or_else(|| body.strip_suffix('万'))
    {
        body = rest.trim_end();
    }
    let is_number_char = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '-');
    if !body.chars().all(is_number_char) {
        let unit_start = body
            .char_indices()
            .rev()
            .take_while(|&(_, c)| !is_number_char(c))
            .last()
            .map_or(body.len(), |(i, _)| i);
        let (number, unit) = body.split_at(unit_start);
        let unit = unit.trim();
        return Err(fail(
            if unit == "元" && number.chars().all(is_number_char) {
                // The same amount in 万元, exactly (a division by 10,000 never rounds here).
                let wan = parse_amount(number).ok().flatten().map(|yuan| {
                    (yuan.value() / Decimal::from(10_000))
                        .normalize()
                        .to_string()
                });
                AmountProblem::Yuan { wan }
            } else if unit.ends_with('元') && number.chars().all(is_number_char) {
                AmountProblem::WrongUnit(unit.to_owned())
            } else if body.contains('。') && body.chars().all(|c| is_number_char(c) || c == '。')
            {
                AmountProblem::FullStop
            } else {
                AmountProblem::NotANumber
            },
        ));
    }
    let (negative, unsigned) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    if unsigned.contains('-') {
        return Err(fail(AmountProblem::MisplacedSign));
    }
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((_, fraction)) if fraction.contains('.') => {
            return Err(fail(AmountProblem::SeveralPoints))
        }
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    if fraction.is_some_and(|f| f.contains(',')) || !separators_well_placed(integer) {
        return Err(fail(AmountProblem::Separators));
    }
    let digits: String = integer.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || fraction.is_some_and(str::is_empty) {
        return Err(fail(if digits.is_empty() && fraction.is_none() {
            AmountProblem::NotANumber
        } else {
            AmountProblem::BarePoint
        }));
    }
    if digits.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
        return Err(fail(AmountProblem::TooLarge));
    }
    let fraction = fraction.unwrap_or("");
    if fraction.len() > MAX_DECIMALS {
        return Err(fail(AmountProblem::TooManyDecimals));
    }
    let mut value = decimal(&digits, fraction).ok_or_else(|| fail(AmountProblem::NotANumber))?;
    // "-0" is zero, not a negative amount.
    value.set_sign_negative(negative && !value.is_zero());
    Ok(Some(Amount(value)))
}

/// The decimal of ASCII digits before and after the point. The caller has checked that they are
/// digits and within the limits (at most 27 digits in all, well inside `i128` and `Decimal`).
pub(crate) fn decimal(integer: &str, fraction: &str) -> Option<Decimal> {
    let mantissa = integer
        .bytes()
        .chain(fraction.bytes())
        .try_fold(0i128, |m, b| {
            m.checked_mul(10)?
                .checked_add(i128::from(b.checked_sub(b'0').filter(|d| *d <= 9)?))
        })?;
    let scale = u32::try_from(fraction.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// The common case without allocating: ASCII digits with at most one inner `.`, nothing else.
fn plain_ascii_amount(typed: &str) -> Option<Amount> {
    let (integer, fraction) = match typed.split_once('.') {
        Some((i, f)) => (i, f),
        None => (typed, ""),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = !integer.is_empty()
        && digits_only(integer)
        && digits_only(fraction)
        && (fraction.len() <= MAX_DECIMALS)
        && (typed.len() == integer.len() || !fraction.is_empty())
        && integer.trim_start_matches('0').len() <= MAX_INTEGER_DIGITS;
    if !plain {
        return None;
    }
    decimal(integer, fraction).map(Amount)
}

/// True when the integer part has no separators, or has them between groups of exactly three
/// digits with one to three digits in front (`1,234,567`).
fn separators_well_placed(integer: &str) -> bool {
    if !integer.contains(',') {
        return true;
    }
    let mut groups = integer.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

/// A count or year field's text that is not a whole number of the right kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WholeError {
    #[error("“{0}”不是有效的数目：应为不小于0的整数")]
    NotACount(String),
    #[error("“{0}”不是有效年度：应为2000至2100之间的四位年份，如2024")]
    NotAYear(String),
}

/// Reads a count (staff, number of funds): `Ok(None)` when blank. Digits may be full-width and
/// may carry a trailing 人, 名, 个 or 项.
pub fn parse_count(typed: &str) -> Result<Option<u32>, WholeError> {
    match whole_number(typed, &['人', '名', '个', '项']) {
        Whole::Blank => Ok(None),
        Whole::Digits(digits) if digits.len() <= 9 => digits
            .parse()
            .map(Some)
            .map_err(|_| WholeError::NotACount(typed.trim().to_owned())),
        _ => Err(WholeError::NotACount(typed.trim().to_owned())),
    }
}

/// Reads a year: four digits between 2000 and 2100, possibly full-width, possibly followed by 年.
pub fn parse_year(typed: &str) -> Result<Option<u16>, WholeError> {
    let fail = || WholeError::NotAYear(typed.trim().to_owned());
    match whole_number(typed, &['年']) {
        Whole::Blank => Ok(None),
        Whole::Digits(digits) if digits.len() == 4 => match digits.parse::<u16>() {
            Ok(year) if (2000..=2100).contains(&year) => Ok(Some(year)),
            _ => Err(fail()),
        },
        _ => Err(fail()),
    }
}

enum Whole {
    Blank,
    Digits(String),
    Other,
}

fn whole_number(typed: &str, units: &[char]) -> Whole {
    let normalized: String = typed.chars().map(half_width).collect();
    let trimmed = normalized.trim();
    if trimmed.is_empty() {
        return Whole::Blank;
    }
    let number = trimmed.strip_suffix(units).unwrap_or(trimmed).trim_end();
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        Whole::Digits(number.to_owned())
    } else {
        Whole::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(typed: &str) -> String {
        match parse_amount(typed) {
            Ok(Some(amount)) => amount.to_string(),
            other => panic!("{typed:?} should parse, got {other:?}"),
        }
    }

    fn problem(typed: &str) -> AmountProblem {
        match parse_amount(typed) {
            Err(e) => e.problem,
            other => panic!("{typed:?} should be refused, got {other:?}"),
        }
    }

    #[test]
    fn accepted_amounts_keep_their_decimals() {
        let cases = [
            ("155.54", "155.54"),
            ("３", "3"),
            ("１５５．５４", "155.54"),
            ("31.50", "31.50"),
            ("  272.44  ", "272.44"),
            ("\u{3000}272.44\u{3000}", "272.44"),
            ("115.05万元", "115.05"),
            ("115.05 万元", "115.05"),
            ("3万", "3"),
            ("1,234.5", "1234.5"),
            ("1，234，567", "1234567"),
            ("12,345,678.90万元", "12345678.90"),
            ("0", "0"),
            ("0.24", "0.24"),
            ("007", "7"),
            ("0.125", "0.125"),
            ("-3", "-3"),
            ("－3", "-3"),
            ("−0.5", "-0.5"),
            ("-0", "0"),
            ("999999999999999", "999999999999999"),
        ];
        for (typed, shown) in cases {
            assert_eq!(ok(typed), shown, "{typed:?}");
        }
    }

    #[test]
    fn blank_is_not_an_error() {
        for typed in ["", "   ", "\u{3000}", "\n\t"] {
            assert_eq!(parse_amount(typed), Ok(None), "{typed:?}");
        }
    }

    #[test]
    fn refused_amounts_say_why() {
        use AmountProblem::*;
        let cases = [
            (
                "272.44元",
                Yuan {
                    wan: Some("0.027244".into()),
                },
            ),
            (
                "1,226,600 元",
                Yuan {
                    wan: Some("122.66".into()),
                },
            ),
            ("1.2.3元", Yuan { wan: None }),
            ("3 亿元", WrongUnit("亿元".into())),
            ("约100", NotANumber),
            ("100左右", NotANumber),
            ("abc", NotANumber),
            ("1.2.3", SeveralPoints),
            ("155。54", FullStop),
            (".5", BarePoint),
            ("5.", BarePoint),
            (".", BarePoint),
            ("12,34", Separators),
            ("1,2345", Separators),
            (",123", Separators),
            ("1.234,5", Separators),
            ("3-", MisplacedSign),
            ("--3", MisplacedSign),
            ("-", NotANumber),
            ("万元", NotANumber),
            ("1 000", NotANumber),
            ("+3", NotANumber),
            ("1e5", NotANumber),
            ("9999999999999999", TooLarge),
            ("0.1234567890123", TooManyDecimals),
        ];
        for (typed, expected) in cases {
            assert_eq!(problem(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn the_message_names_what_was_typed() {
        let err = parse_amount(" 1226600元 ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "“1226600元”不是有效金额：金额以万元为单位，元不是万元：即 122.66 万元，请填写 122.66"
        );
        assert_eq!(
            parse_amount("1..2元").unwrap_err().to_string(),
            "“1..2元”不是有效金额：金额以万元为单位，元不是万元（请换算成万元）"
        );
    }

    #[test]
    fn negative_amounts_parse_and_say_so() {
        assert!(parse_amount("-3").unwrap().unwrap().is_negative());
        assert!(!parse_amount("-0.00").unwrap().unwrap().is_negative());
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("11"), Ok(Some(11)));
        assert_eq!(parse_count("１１人"), Ok(Some(11)));
        assert_eq!(parse_count(" 3个 "), Ok(Some(3)));
        assert_eq!(parse_count(""), Ok(None));
        for typed in ["-1", "1.5", "十一", "11人人", "1234567890", "人"] {
            assert!(parse_count(typed).is_err(), "{typed:?}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2024"), Ok(Some(2024)));
        assert_eq!(parse_year("２０２４年"), Ok(Some(2024)));
        assert_eq!(parse_year(""), Ok(None));
        for typed in ["24", "1999", "2101", "20245", "二〇二四", "2024.0"] {
            assert!(parse_year(typed).is_err(), "{typed:?}");
        }
    }
}
