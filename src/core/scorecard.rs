//! The 自评表's figures (`SCORECARD.md` §3): how a target and an actual value read, each
//! indicator's computed score, the budget execution's rate and score, 总分 and 自评等级. Exact
//! decimals throughout, rounded half up to two places where the spec rounds.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::amount::Amount;
use crate::figures::Figures;
use crate::model::{Draft, Indicator, Scorecard};
use crate::outline::{IndicatorField, Path};
use crate::text::{half_width, is_blank};
use crate::values::{self, Values};

/// The 一级指标 and the 二级指标 each of them offers, in the order the form offers them.
pub const LEVELS: [(&str, &[&str]); 4] = [
    (
        "产出指标",
        &["数量指标", "质量指标", "时效指标", "成本指标"],
    ),
    (
        "效益指标",
        &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    ),
    ("满意度指标", &["服务对象满意度指标"]),
    (
        "成本指标",
        &["经济成本指标", "社会成本指标", "生态环境成本指标"],
    ),
];

/// The 一级指标 every table must have a row under, with the weight 财预〔2020〕10号 gives them
/// "原则上" (a hint, not a rule).
pub const CORE_LEVELS: [(&str, u32); 3] = [("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)];

/// The weight a new table gives the budget execution rate.
pub const BUDGET_WEIGHT: &str = "10";

/// The 二级指标 of a 一级指标 (none for a value that is not one).
pub fn level2_choices(level1: &str) -> &'static [&'static str] {
    LEVELS
        .iter()
        .find(|(l1, _)| *l1 == level1.trim())
        .map_or(&[], |(_, l2)| l2)
}

/// The choices a 一级 or 二级指标 field offers (`None` for other fields): the 二级 ones follow the
/// row's 一级.
pub fn choices(draft: &Draft, path: Path) -> Option<&'static [&'static str]> {
    const LEVEL1: [&str; 4] = [LEVELS[0].0, LEVELS[1].0, LEVELS[2].0, LEVELS[3].0];
    match path {
        Path::Indicator(_, IndicatorField::Level1) => Some(&LEVEL1),
        Path::Indicator(i, IndicatorField::Level2) => Some(level2_choices(
            draft
                .field(Path::Indicator(i, IndicatorField::Level1))
                .unwrap_or_default(),
        )),
        _ => None,
    }
}

/// 预期目标 as the table shows it: as typed, or the report's 年度整体支出绩效目标 when blank.
pub fn expected_goal(draft: &Draft) -> &str {
    let typed = draft.scorecard.goal.expected.trim();
    if typed.is_empty() {
        draft.goals.overall.trim()
    } else {
        typed
    }
}

/// The report's figures and the table's, from one reading of the draft's numbers.
pub fn figures_of(draft: &Draft) -> (Figures, ScoreFigures) {
    let values = Values::of(draft);
    let figures = Figures::from_values(&values);
    let score = ScoreFigures::from_values(draft, &values, &figures);
    (figures, score)
}

/// The 二级指标 whose targets are upper limits: a target without a comparator means `≤`.
const COST_LEVELS: [&str; 4] = [
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
];

/// The 二级指标 whose targets should be figures (`score.target_unquantified`).
pub(crate) fn wants_quantity(level2: &str) -> bool {
    let level2 = level2.trim();
    matches!(level2, "数量指标" | "质量指标" | "时效指标") || COST_LEVELS.contains(&level2)
}

/// True when any field of the table is filled in or it has a row: only a started table is
/// checked and exported.
pub fn is_started(draft: &Draft) -> bool {
    let card = &draft.scorecard;
    !card.indicators.is_empty()
        || Path::SINGLE_FIELDS
            .into_iter()
            .filter(|p| p.section() == crate::outline::Section::Scorecard)
            .any(|p| !is_blank(draft.field(p).unwrap_or_default()))
}

/// "按模板新建": one blank row under each of 产出, 效益 and 满意度, and the budget weight 10. What is
/// already typed in the table stays; the rows are added after the ones there are.
pub fn start_from_template(card: &mut Scorecard) {
    if is_blank(&card.budget.weight) {
        BUDGET_WEIGHT.clone_into(&mut card.budget.weight);
    }
    for (level1, _) in CORE_LEVELS {
        card.indicators.push(Indicator {
            level1: level1.to_owned(),
            ..Indicator::default()
        });
    }
}

/// How a target compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    AtLeast,
    Above,
    AtMost,
    Below,
    Equal,
}

/// A target or actual value that reads as a figure: `≥3万份` is at least 30000 份.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// `None` when the text has no comparator.
    pub comparator: Option<Comparator>,
    pub value: Decimal,
    pub unit: String,
}

/// Reads a target or actual value (§3): an optional comparator, a number (ASCII or full-width
/// digits, one decimal point; `零` alone is 0), an optional `万`, an optional `余` or `多`, then a
/// unit. `None` for a qualitative value (`按时完成`).
pub fn quantity(text: &str) -> Option<Quantity> {
    let text: String = text.chars().map(half_width).collect();
    let mut rest = text.trim();
    let mut comparator = None;
    for (sign, c) in [
        ("≥", Comparator::AtLeast),
        (">=", Comparator::AtLeast),
        ("≤", Comparator::AtMost),
        ("<=", Comparator::AtMost),
        (">", Comparator::Above),
        ("<", Comparator::Below),
        ("=", Comparator::Equal),
    ] {
        if let Some(after) = rest.strip_prefix(sign) {
            comparator = Some(c);
            rest = after.trim_start();
            break;
        }
    }
    let (mut value, after) = if let Some(after) = rest.strip_prefix('零') {
        (Decimal::ZERO, after)
    } else {
        let end = rest
            .char_indices()
            .find(|(_, c)| !c.is_ascii_digit() && *c != '.')
            .map_or(rest.len(), |(i, _)| i);
        let number = rest.get(..end)?;
        let digits_ok = number.starts_with(|c: char| c.is_ascii_digit())
            && !number.ends_with('.')
            && number.matches('.').count() <= 1;
        if !digits_ok {
            return None;
        }
        let (integer, fraction) = number.split_once('.').unwrap_or((number, ""));
        (crate::amount::decimal(integer, fraction)?, rest.get(end..)?)
    };
    let mut unit = after;
    if let Some(after) = unit.strip_prefix('万') {
        value = value.checked_mul(Decimal::from(10_000))?;
        unit = after;
    }
    unit = unit
        .strip_prefix('余')
        .or_else(|| unit.strip_prefix('多'))
        .unwrap_or(unit);
    Some(Quantity {
        comparator,
        value,
        unit: unit.trim().to_owned(),
    })
}

/// Rounded half up to two decimals, as the table prints scores and rates.
fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The score the indicator earns by its figures (§3), when its target and actual value are
/// comparable and its weight is known; `None` otherwise (a judgement: the typed score stands).
pub fn computed_score(
    target: &str,
    actual: &str,
    level2: &str,
    weight: Decimal,
) -> Option<Decimal> {
    let (target, actual) = (quantity(target)?, quantity(actual)?);
    if target.unit != actual.unit {
        return None;
    }
    let comparator = target
        .comparator
        .unwrap_or(if COST_LEVELS.contains(&level2.trim()) {
            Comparator::AtMost
        } else {
            Comparator::AtLeast
        });
    let (t, a) = (target.value, actual.value);
    let share = match comparator {
        Comparator::AtLeast if a >= t => Decimal::ONE,
        Comparator::Above if a > t => Decimal::ONE,
        Comparator::AtLeast | Comparator::Above => a.checked_div(t)?,
        Comparator::AtMost if a <= t => Decimal::ONE,
        Comparator::Below if a < t => Decimal::ONE,
        Comparator::AtMost | Comparator::Below if a > Decimal::ZERO => t.checked_div(a)?,
        Comparator::AtMost | Comparator::Below => return None,
        Comparator::Equal if a == t => Decimal::ONE,
        Comparator::Equal => return None,
    };
    Some(round2(weight.checked_mul(share)?))
}

/// 自评等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    /// 优 from 90, 良 from 80, 中 from 60, 差 below.
    pub fn of(total: Decimal) -> Grade {
        if total >= Decimal::from(90) {
            Grade::Excellent
        } else if total >= Decimal::from(80) {
            Grade::Good
        } else if total >= Decimal::from(60) {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }
}

/// A header value of the table: typed, or the report's figure it stands for when blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stood {
    pub value: Option<Decimal>,
    /// True when the field is blank and `value` is the report's.
    pub from_report: bool,
}

/// One indicator's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndicatorFigures {
    /// The weight and the typed score, when they read (`None` when blank or with an error).
    pub weight: Option<Decimal>,
    pub score: Option<Decimal>,
    /// The score its figures earn, when they are comparable.
    pub computed: Option<Decimal>,
}

/// The table's figures (§3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreFigures {
    pub initial: Stood,
    pub full_year: Stood,
    pub executed: Stood,
    /// 一般公共预算 of 按收入性质分.
    pub income_general: Stood,
    /// 按支出性质分: 基本支出 and 项目支出 of 二（一）, not typed in the table.
    pub basic_expense: Option<Decimal>,
    pub project_expense: Option<Decimal>,
    pub budget_weight: Option<Decimal>,
    /// 执行率 in percent, two decimals.
    pub rate: Option<Decimal>,
    /// 分值 × min(执行率, 100 %), two decimals.
    pub budget_score: Option<Decimal>,
    pub indicators: Vec<IndicatorFigures>,
    /// The budget score and the typed scores added up; blank and invalid ones count as 0.
    pub total: Decimal,
    /// True when the budget score or a typed score is missing from the total.
    pub incomplete: bool,
    pub grade: Grade,
}

impl ScoreFigures {
    pub fn of(draft: &Draft) -> ScoreFigures {
        figures_of(draft).1
    }

    pub(crate) fn from_values(draft: &Draft, values: &Values, figures: &Figures) -> ScoreFigures {
        let read = |path: Path| {
            values::amount(path, draft.field(path).unwrap_or_default())
                .ok()
                .flatten()
                .map(Amount::value)
        };
        let stood = |path: Path, report: Option<Decimal>| {
            if is_blank(draft.field(path).unwrap_or_default()) {
                Stood {
                    value: report,
                    from_report: true,
                }
            } else {
                Stood {
                    value: read(path),
                    from_report: false,
                }
            }
        };
        let report = |a: Option<Amount>| a.map(Amount::value);
        let initial = stood(Path::ScoreInitial, report(values.annual_budget));
        let full_year = stood(Path::ScoreFullYear, figures.full_year_budget);
        let executed = stood(Path::ScoreExecuted, report(values.appropriation_expense));
        let income_general = stood(Path::IncomeGeneral, report(values.appropriation_income));
        let budget_weight = read(Path::ScoreWeight);
        let ratio = executed
            .value
            .zip(full_year.value)
            .and_then(|(e, f)| e.checked_div(f));
        let rate = ratio
            .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
            .map(round2);
        let budget_score = ratio
            .zip(budget_weight)
            .and_then(|(r, w)| w.checked_mul(r.min(Decimal::ONE)))
            .map(round2);
        let indicators: Vec<IndicatorFigures> = draft
            .scorecard
            .indicators
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let weight = read(Path::Indicator(i, IndicatorField::Weight));
                IndicatorFigures {
                    weight,
                    score: read(Path::Indicator(i, IndicatorField::Score)),
                    computed: weight
                        .and_then(|w| computed_score(&row.target, &row.actual, &row.level2, w)),
                }
            })
            .collect();
        let mut incomplete = budget_score.is_none();
        let mut total = budget_score.unwrap_or_default();
        for score in indicators.iter().map(|f| f.score) {
            match score.and_then(|s| total.checked_add(s)) {
                Some(sum) => total = sum,
                None => incomplete = true,
            }
        }
        ScoreFigures {
            initial,
            full_year,
            executed,
            income_general,
            basic_expense: report(values.basic_expense),
            project_expense: report(values.project_expense),
            budget_weight,
            rate,
            budget_score,
            indicators,
            total,
            incomplete,
            grade: Grade::of(total),
        }
    }

    /// The budget's weight and the indicators' weights added up; `None` when one of them is
    /// blank or does not read.
    pub fn weights_total(&self) -> Option<Decimal> {
        std::iter::once(self.budget_weight)
            .chain(self.indicators.iter().map(|f| f.weight))
            .sum()
    }

    /// What a blank field of the table stands for, for the form to show in it: the report's
    /// figure, or for 预期目标 the report's 年度整体支出绩效目标.
    pub fn placeholder(&self, draft: &Draft, path: Path) -> Option<String> {
        match path {
            Path::GoalExpected if is_blank(&draft.scorecard.goal.expected) => {
                let goal = expected_goal(draft);
                (!goal.is_empty()).then(|| format!("（同年度整体支出绩效目标）{goal}"))
            }
            _ => self.stands_for(path),
        }
    }

    /// What a blank header field stands for, for the form to show in it: `None` when the field
    /// is not one of those or the report's figure is not known.
    pub fn stands_for(&self, path: Path) -> Option<String> {
        let (stood, what) = match path {
            Path::ScoreInitial => (self.initial, "预算资金"),
            Path::ScoreFullYear => (self.full_year, "全年预算数"),
            Path::ScoreExecuted => (self.executed, "财政拨款支出"),
            Path::IncomeGeneral => (self.income_general, "财政拨款收入"),
            _ => return None,
        };
        let value = stood.value.filter(|_| stood.from_report)?;
        Some(format!("{value}（同{what}）"))
    }

    /// 按支出性质分 as the form shows it: taken from 二（一）.
    pub fn spending_text(&self) -> String {
        let amount = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| format!("{d} 万元"));
        format!(
            "基本支出 {}，项目支出 {}（取自二（一），无需填写）",
            amount(self.basic_expense),
            amount(self.project_expense)
        )
    }

    /// 总分 and 自评等级 as the bar under the table shows them.
    pub fn summary(&self) -> String {
        format!(
            "总分 {}　自评等级 {}",
            self.total_text(),
            self.grade.label()
        )
    }

    /// 执行率 and its score as the form shows them beside the budget's weight.
    pub fn budget_text(&self) -> String {
        let rate = self
            .rate
            .map_or_else(|| "—".to_owned(), |r| format!("{r}%"));
        let score = self
            .budget_score
            .map_or_else(|| "—".to_owned(), |s| s.to_string());
        format!("执行率 {rate}，得分 {score}")
    }

    /// The computed score of row `i`, as the form shows it beside the typed one.
    pub fn computed_text(&self, i: usize) -> Option<String> {
        let computed = self.indicators.get(i)?.computed?;
        Some(format!("按指标值计算得分 {computed}"))
    }

    /// 总分 as the table shows it: `99.95`, or `90（不完整）` when a score is missing.
    pub fn total_text(&self) -> String {
        if self.incomplete {
            format!("{}（不完整）", self.total)
        } else {
            self.total.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn targets_and_actual_values_read_as_the_spec_says() {
        let q = |t: &str| quantity(t).map(|q| (q.comparator, q.value.to_string(), q.unit));
        use Comparator::*;
        assert_eq!(q("≥9次"), Some((Some(AtLeast), "9".into(), "次".into())));
        assert_eq!(q(">= 9 次"), Some((Some(AtLeast), "9".into(), "次".into())));
        assert_eq!(q("＞５件"), Some((Some(Above), "5".into(), "件".into())));
        assert_eq!(
            q("≤30万元"),
            Some((Some(AtMost), "300000".into(), "元".into()))
        );
        assert_eq!(
            q("<=1.5天"),
            Some((Some(AtMost), "1.5".into(), "天".into()))
        );
        assert_eq!(q("＜2天"), Some((Some(Below), "2".into(), "天".into())));
        assert_eq!(q("=0起"), Some((Some(Equal), "0".into(), "起".into())));
        assert_eq!(q("＝0起"), Some((Some(Equal), "0".into(), "起".into())));
        assert_eq!(q("零起"), Some((None, "0".into(), "起".into())));
        assert_eq!(q("2万余份"), Some((None, "20000".into(), "份".into())));
        assert_eq!(q("300多人"), Some((None, "300".into(), "人".into())));
        assert_eq!(q("１００％"), Some((None, "100".into(), "%".into())));
        assert_eq!(q("100%"), Some((None, "100".into(), "%".into())));
        assert_eq!(q("12"), Some((None, "12".into(), "".into())));
        for qualitative in [
            "按时完成",
            "完成",
            "较好",
            "",
            "≥",
            ".5次",
            "5.次",
            "1.2.3次",
            "三次",
        ] {
            assert_eq!(quantity(qualitative), None, "{qualitative}");
        }
    }

    #[test]
    fn computed_scores_follow_the_comparator() {
        let w = d("15");
        let c = |t: &str, a: &str, l2: &str| computed_score(t, a, l2, w).map(|s| s.to_string());
        // ≥: met, missed in proportion.
        assert_eq!(c("≥9次", "9次", "数量指标").as_deref(), Some("15"));
        assert_eq!(
            c("≥3万份", "2万余份", "可持续影响指标").as_deref(),
            Some("10.00")
        );
        assert_eq!(c("≥9次", "6次", "数量指标").as_deref(), Some("10.00"));
        // No comparator: ≥, except under a cost indicator, where it is ≤.
        assert_eq!(c("100%", "95%", "时效指标").as_deref(), Some("14.25"));
        assert_eq!(
            c("30万元", "40万元", "经济成本指标").as_deref(),
            Some("11.25")
        );
        assert_eq!(c("30万元", "20万元", "成本指标").as_deref(), Some("15"));
        // > and <: strict.
        assert_eq!(c(">10件", "10件", "数量指标").as_deref(), Some("15"));
        assert_eq!(c(">10件", "8件", "数量指标").as_deref(), Some("12.00"));
        assert_eq!(c(">0件", "0件", "数量指标"), None);
        assert_eq!(c("≤5天", "6天", "时效指标").as_deref(), Some("12.50"));
        assert_eq!(c("<5天", "4天", "时效指标").as_deref(), Some("15"));
        assert_eq!(c("<0天", "0天", "时效指标"), None);
        // =: met or a judgement.
        assert_eq!(c("=0起", "0起", "社会效益指标").as_deref(), Some("15"));
        assert_eq!(c("=0起", "1起", "社会效益指标"), None);
        assert_eq!(c("=0次", "零次", "质量指标").as_deref(), Some("15"));
        // Full-width digits, units that differ, qualitative values.
        assert_eq!(c("≥９次", "８次", "数量指标").as_deref(), Some("13.33"));
        assert_eq!(c("≥9次", "9件", "数量指标"), None);
        assert_eq!(c("按时完成", "完成", "时效指标"), None);
        assert_eq!(c("≥9次", "完成", "数量指标"), None);
        // Rounding half up at .005: 1 × 2.01 ÷ 2 = 1.005 → 1.01.
        assert_eq!(
            computed_score("≥2次", "2.01次", "数量指标", d("1"))
                .map(|s| s.to_string())
                .as_deref(),
            Some("1")
        );
        assert_eq!(
            computed_score("≥200次", "201次", "数量指标", d("1"))
                .map(|s| s.to_string())
                .as_deref(),
            Some("1")
        );
        assert_eq!(
            computed_score("≥2次", "1.005次", "数量指标", d("2"))
                .map(|s| s.to_string())
                .as_deref(),
            Some("1.01")
        );
    }

    #[test]
    fn grades_at_their_boundaries() {
        for (total, grade) in [
            ("59.99", "差"),
            ("60", "中"),
            ("79.99", "中"),
            ("80", "良"),
            ("89.99", "良"),
            ("90", "优"),
            ("100", "优"),
            ("0", "差"),
        ] {
            assert_eq!(Grade::of(d(total)).label(), grade, "{total}");
        }
    }

    #[test]
    fn the_v2_example_scores_99_95_and_grades_excellent() {
        let draft = crate::sample::sample_draft();
        let f = ScoreFigures::of(&draft);
        assert_eq!(f.rate.map(|r| r.to_string()).as_deref(), Some("99.49"));
        assert_eq!(
            f.budget_score.map(|r| r.to_string()).as_deref(),
            Some("9.95")
        );
        assert_eq!(f.total.to_string(), "99.95");
        assert!(!f.incomplete);
        assert_eq!(f.total_text(), "99.95");
        assert_eq!(f.grade, Grade::Excellent);
        let computed = f.indicators.get(6).and_then(|i| i.computed);
        assert_eq!(computed.map(|c| c.to_string()).as_deref(), Some("10.00"));
        // The blank header fields stand for the report's figures.
        assert_eq!(
            f.stands_for(Path::ScoreInitial).as_deref(),
            Some("155.54（同预算资金）")
        );
        assert_eq!(
            f.stands_for(Path::ScoreExecuted).as_deref(),
            Some("272.44（同财政拨款支出）")
        );
        assert_eq!(
            f.full_year.value.map(|v| v.to_string()).as_deref(),
            Some("273.83")
        );
        assert_eq!(f.stands_for(Path::ScoreWeight), None);
        assert!(f
            .placeholder(&draft, Path::GoalExpected)
            .is_some_and(|p| p.starts_with("（同年度整体支出绩效目标）信访形势总体平稳")));
        assert_eq!(
            f.spending_text(),
            "基本支出 154.15 万元，项目支出 118.29 万元（取自二（一），无需填写）"
        );
        assert_eq!(f.summary(), "总分 99.95　自评等级 优");
    }

    #[test]
    fn a_missing_score_makes_the_total_incomplete() {
        let mut draft = crate::sample::sample_draft();
        draft.scorecard.indicators[0].score = "十五".into();
        draft.scorecard.indicators[1].score = String::new();
        let f = ScoreFigures::of(&draft);
        assert_eq!(f.total.to_string(), "74.95");
        assert!(f.incomplete);
        assert_eq!(f.total_text(), "74.95（不完整）");
        assert_eq!(f.grade, Grade::Fair);
        draft.scorecard.budget.weight = String::new();
        assert_eq!(ScoreFigures::of(&draft).budget_score, None);
    }

    #[test]
    fn level_choices_and_the_template() {
        let seed = crate::sample::sample_draft();
        let l2 = Path::Indicator(7, IndicatorField::Level2);
        assert_eq!(choices(&seed, l2), Some(&["服务对象满意度指标"][..]));
        assert_eq!(
            choices(&seed, Path::Indicator(0, IndicatorField::Level1)).map(<[_]>::len),
            Some(4)
        );
        assert_eq!(
            choices(&seed, Path::Indicator(99, IndicatorField::Level2)),
            Some(&[][..])
        );
        assert_eq!(choices(&seed, Path::Department), None);
        let f = ScoreFigures::of(&seed);
        assert_eq!(f.budget_text(), "执行率 99.49%，得分 9.95");
        assert_eq!(
            f.computed_text(6).as_deref(),
            Some("按指标值计算得分 10.00")
        );
        assert_eq!(f.computed_text(99), None);
        assert_eq!(level2_choices("满意度指标"), ["服务对象满意度指标"]);
        assert_eq!(level2_choices(" 成本指标 ").len(), 3);
        assert!(level2_choices("别的").is_empty());
        let mut draft = Draft::default();
        assert!(!is_started(&draft));
        draft.scorecard.budget.explanation = " ".into();
        assert!(!is_started(&draft));
        start_from_template(&mut draft.scorecard);
        assert!(is_started(&draft));
        assert_eq!(draft.scorecard.budget.weight, "10");
        let levels: Vec<&str> = draft
            .scorecard
            .indicators
            .iter()
            .map(|i| i.level1.as_str())
            .collect();
        assert_eq!(levels, ["产出指标", "效益指标", "满意度指标"]);
        let mut one = Draft::default();
        one.scorecard.goal.actual = "x".into();
        assert!(is_started(&one));
    }
}
