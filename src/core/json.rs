//! JSON as the draft files, backups and stored entries need it: objects keep their fields in
//! the order they came (a colleague's unknown fields survive in place), numbers keep the text
//! they were written as (`155.540` stays `155.540`), and a syntax error says where it is and,
//! in Chinese, what is wrong.
//!
//! Our own rather than serde_json: the draft format needs a JSON value, not serde's derive
//! machinery, and serde_json with `preserve_order` and `arbitrary_precision` cost the browser's
//! first load about 20 KB of wasm (issue 14). serde_json stays the tests' independent reader:
//! `tests/json.rs` checks that both accept and refuse the same texts, read them alike and print
//! alike.

use std::fmt;

/// Deeper nesting is a syntax error, so that no text can make the reader recurse without end.
/// (A draft file is refused at `draft_file::MAX_DEPTH` before it is read.)
pub const MAX_NESTING: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, kept as the text it was written as (always valid JSON number syntax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number as it was written: `155.540`, `-0`, `1E5`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number when it is written as a whole number from 0 to `u64::MAX`, without fraction
    /// or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The number as a float, for times in milliseconds: exact for whole numbers up to 2^53,
    /// within rounding otherwise. (Not the standard library's float parser, whose tables the
    /// browser's first load would carry for this alone.)
    pub fn as_f64(&self) -> f64 {
        let (negative, text) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, self.0.as_str()),
        };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (
                text.get(..at).unwrap_or(""),
                text.get(at + 1..).unwrap_or(""),
            ),
            None => (text, ""),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut value = 0.0f64;
        for digit in whole.bytes().chain(fraction.bytes()) {
            value = value * 10.0 + f64::from(digit.wrapping_sub(b'0'));
        }
        // Beyond ±400 every power of ten is 0 or infinite as a float: the exponent's own
        // digits need not be read further.
        let exponent = exponent.trim_start_matches('+');
        let shift = match exponent.strip_prefix('-') {
            Some(digits) => -small_int(digits),
            None => small_int(exponent),
        } - i32::try_from(fraction.len()).unwrap_or(i32::MAX).min(400);
        // Dividing by a power of ten that a float holds exactly rounds once, where multiplying
        // by its inexact inverse would round twice.
        let shift = shift.clamp(-800, 800);
        let value = if shift < 0 {
            value / 10f64.powi(-shift)
        } else {
            value * 10f64.powi(shift)
        };
        if negative {
            -value
        } else {
            value
        }
    }
}

/// Digits as a number, capped at 400.
fn small_int(digits: &str) -> i32 {
    digits.bytes().fold(0, |n: i32, d| {
        (n * 10 + i32::from(d.wrapping_sub(b'0'))).min(400)
    })
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number(n.to_string()))
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(Number(n.to_string()))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::Object(map)
    }
}

/// An object of fields whose names are known to differ (a literal's).
pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(Map(fields
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()))
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The field `key` of an object; `None` for a missing field or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The value as pretty-printed JSON: two spaces of indent, one field or item a line, as
    /// serde_json's `to_string_pretty` prints it.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

/// Compact JSON, as serde_json's `to_string` prints it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, None);
        f.write_str(&out)
    }
}

/// A JSON object: its fields in the order they came, each name once (a name that comes again
/// sets the value in the first one's place, as serde_json's `preserve_order` does).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets the field: in its place when the map has it, after the others when not.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(old) => *old = value,
            None => self.0.push((key, value)),
        }
    }

    /// Takes the field out, keeping the others in order.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// Adds the fields of `other` that this map does not have, after its own, in `other`'s
    /// order. Each field is looked for among this map's own only (`other`'s names differ), so a
    /// file with very many unknown fields costs its length times this map's, not its square.
    pub fn extend_absent(&mut self, other: &Map) {
        let own = self.0.len();
        for (k, v) in &other.0 {
            if !self.0.iter().take(own).any(|(mine, _)| mine == k) {
                self.0.push((k.clone(), v.clone()));
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.into_iter()
    }

    /// Makes each name appear once, in its first place with its last value. Sorting the places
    /// by name finds the repeats of a large object in n log n, not n².
    fn settle_repeats(&mut self) {
        let fields = &mut self.0;
        let n = fields.len();
        let small_without_repeats = n <= 8
            && fields
                .iter()
                .enumerate()
                .all(|(i, (k, _))| !fields.iter().take(i).any(|(earlier, _)| earlier == k));
        if n < 2 || small_without_repeats {
            return;
        }
        let name = |i: usize| fields.get(i).map(|(k, _)| k.as_str());
        let order = crate::order::order(n, &|a, b| name(a).cmp(&name(b)));
        let mut keep = vec![true; n];
        let mut run = order.iter().copied().peekable();
        while let Some(first) = run.next() {
            let mut last = first;
            while let Some(&next) = run.peek() {
                if fields.get(next).map(|f| &f.0) != fields.get(first).map(|f| &f.0) {
                    break;
                }
                if let Some(k) = keep.get_mut(next) {
                    *k = false;
                }
                last = next;
                run.next();
            }
            if last != first {
                let value = fields
                    .get_mut(last)
                    .map(|f| std::mem::replace(&mut f.1, Value::Null));
                if let (Some(value), Some(f)) = (value, fields.get_mut(first)) {
                    f.1 = value;
                }
            }
        }
        let mut i = 0;
        fields.retain(|_| {
            i += 1;
            keep.get(i - 1).copied().unwrap_or(true)
        });
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(fields: I) -> Map {
        let mut map = Map(fields.into_iter().collect());
        map.settle_repeats();
        map
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// What is wrong with a text that is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// The text ends inside a value.
    Eof,
    ExpectedColon,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    ExpectedValue,
    KeyMustBeString,
    TrailingComma,
    TrailingCharacters,
    InvalidEscape,
    InvalidUnicodeEscape,
    InvalidNumber,
    ControlCharacter,
    TooDeep,
}

impl Syntax {
    /// The reason, for the user.
    pub fn reason(self) -> &'static str {
        match self {
            Syntax::Eof => "文件在 JSON 结束之前就断了，可能不完整",
            Syntax::ExpectedColon => "这里应当是冒号“:”",
            Syntax::ExpectedCommaOrBracket => "这里应当是逗号“,”或“]”",
            Syntax::ExpectedCommaOrBrace => "这里应当是逗号“,”或“}”",
            Syntax::ExpectedValue => "这里应当是一个值（文字要用英文双引号括起来）",
            Syntax::KeyMustBeString => "字段名必须用英文双引号括起来",
            Syntax::TrailingComma => "最后一项后面多了一个逗号",
            Syntax::TrailingCharacters => "JSON 结束之后还有多余的内容",
            Syntax::InvalidEscape => "反斜杠“\\”后的转义写法无效",
            Syntax::InvalidUnicodeEscape => "“\\u”转义的写法无效",
            Syntax::InvalidNumber => "数字的写法无效",
            Syntax::ControlCharacter => "文字中有换行或控制字符（JSON 文字中的换行应写作 \\n）",
            Syntax::TooDeep => "嵌套层数过多",
        }
    }
}

/// A text that is not JSON: what is wrong, and the byte where it was found (the text's length
/// when it ends too soon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub syntax: Syntax,
}

/// Reads a JSON text: one value, with nothing but white space around it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_space();
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(reader.error(Syntax::TrailingCharacters)),
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn error(&self, syntax: Syntax) -> SyntaxError {
        SyntaxError {
            at: self.at.min(self.text.len()),
            syntax,
        }
    }

    /// The error for what stands here instead of what was expected: `Eof` at the end.
    fn unexpected(&self, syntax: Syntax) -> SyntaxError {
        match self.peek() {
            None => self.error(Syntax::Eof),
            Some(_) => self.error(syntax),
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b'{') => self.nested(Reader::object),
            Some(b'[') => self.nested(Reader::array),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected(Syntax::ExpectedValue)),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, SyntaxError>,
    ) -> Result<Value, SyntaxError> {
        if self.depth >= MAX_NESTING {
            return Err(self.error(Syntax::TooDeep));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.unexpected(Syntax::ExpectedValue));
            }
            self.at += 1;
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error(Syntax::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.unexpected(Syntax::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.unexpected(Syntax::InvalidNumber));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.unexpected(Syntax::InvalidNumber));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(Number(text.to_owned())))
    }

    /// A string, its opening quote here.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run ends before an ASCII byte or at the end: a character boundary.
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(Syntax::ControlCharacter)),
                None => return Err(self.error(Syntax::Eof)),
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let short = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if self.peek() != Some(b'\\') {
                            return Err(self.unexpected(Syntax::InvalidUnicodeEscape));
                        }
                        self.at += 1;
                        if self.peek() != Some(b'u') {
                            return Err(self.unexpected(Syntax::InvalidUnicodeEscape));
                        }
                        self.at += 1;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error(Syntax::InvalidUnicodeEscape));
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => unit,
                };
                let c =
                    char::from_u32(code).ok_or_else(|| self.error(Syntax::InvalidUnicodeEscape))?;
                out.push(c);
                return Ok(());
            }
            _ => return Err(self.unexpected(Syntax::InvalidEscape)),
        };
        self.at += 1;
        out.push(short);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.unexpected(Syntax::InvalidUnicodeEscape)),
            };
            unit = unit * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(unit)
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        if !self.closes_at_once(b']') {
            loop {
                items.push(self.value()?);
                if self.closed_after_item(b']', Syntax::ExpectedCommaOrBracket)? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut fields = Vec::new();
        if !self.closes_at_once(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected(Syntax::KeyMustBeString));
                }
                let key = self.string()?;
                self.skip_space();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected(Syntax::ExpectedColon));
                }
                self.at += 1;
                fields.push((key, self.value()?));
                if self.closed_after_item(b'}', Syntax::ExpectedCommaOrBrace)? {
                    break;
                }
            }
        }
        Ok(Value::Object(fields.into_iter().collect()))
    }

    /// Just inside `[` or `{`: true, and past it, when `close` follows at once.
    fn closes_at_once(&mut self, close: u8) -> bool {
        self.skip_space();
        let closes = self.peek() == Some(close);
        if closes {
            self.at += 1;
        }
        closes
    }

    /// After an item of an array or object: past its comma (false, the next item's space
    /// skipped) or past `close` (true); a comma before `close` is a trailing comma, anything
    /// else is `missing`.
    fn closed_after_item(&mut self, close: u8, missing: Syntax) -> Result<bool, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                self.skip_space();
                if self.peek() == Some(close) {
                    return Err(self.error(Syntax::TrailingComma));
                }
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.unexpected(missing)),
        }
    }
}

/// Writes `value`, pretty at `indent` levels or compact (`None`).
fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&n.0),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            write_list(out, ('[', ']'), items.iter(), indent, |out, item, inner| {
                write_value(out, item, inner);
            });
        }
        Value::Object(map) => {
            write_list(
                out,
                ('{', '}'),
                map.0.iter(),
                indent,
                |out, (k, v), inner| {
                    write_string(out, k);
                    out.push_str(if inner.is_some() { ": " } else { ":" });
                    write_value(out, v, inner);
                },
            );
        }
    }
}

fn write_list<T>(
    out: &mut String,
    (open, close): (char, char),
    items: impl ExactSizeIterator<Item = T>,
    indent: Option<usize>,
    write: impl Fn(&mut String, T, Option<usize>),
) {
    out.push(open);
    let empty = items.len() == 0;
    let inner = indent.map(|n| n + 1);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        new_line(out, inner);
        write(out, item, inner);
    }
    if !empty {
        new_line(out, indent);
    }
    out.push(close);
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(n) = indent {
        out.push('\n');
        for _ in 0..n {
            out.push_str("  ");
        }
    }
}

/// A string in quotes, escaped as serde_json escapes it: the quote, the backslash and the
/// control characters, nothing else.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        start = i + 1;
        if short.is_empty() {
            out.push_str("\\u00");
            for digit in [b >> 4, b & 0xF] {
                out.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
            }
        } else {
            out.push_str(short);
        }
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text_and_read_as_whole_numbers_or_floats() {
        let v =
            parse(r#"[155.540, -0, 1E5, 18446744073709551616, 1733100000000.0, 2.5e-3]"#).unwrap();
        let items = v.as_array().unwrap();
        let texts: Vec<String> = items.iter().map(Value::to_string).collect();
        assert_eq!(
            texts,
            [
                "155.540",
                "-0",
                "1E5",
                "18446744073709551616",
                "1733100000000.0",
                "2.5e-3"
            ]
        );
        assert_eq!(items[0].as_u64(), None);
        assert_eq!(items[3].as_u64(), None);
        assert_eq!(parse("42").unwrap().as_u64(), Some(42));
        assert_eq!(items[4].as_f64(), Some(1_733_100_000_000.0));
        assert_eq!(items[2].as_f64(), Some(100_000.0));
        assert!((items[5].as_f64().unwrap() - 0.0025).abs() < 1e-15);
        assert_eq!(parse("-12.5").unwrap().as_f64(), Some(-12.5));
        assert_eq!(
            parse("1e999999999999").unwrap().as_f64(),
            Some(f64::INFINITY)
        );
        assert_eq!(parse("1e-999999999999").unwrap().as_f64(), Some(0.0));
    }

    #[test]
    fn a_repeated_name_keeps_its_first_place_and_last_value() {
        let v = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(v.to_string(), r#"{"a":3,"b":2}"#);
        let many: String = (0..40).map(|i| format!("\"k{}\":{i},", i % 7)).collect();
        let v = parse(&format!("{{{many}\"z\":0}}")).unwrap();
        assert_eq!(
            v.to_string(),
            r#"{"k0":35,"k1":36,"k2":37,"k3":38,"k4":39,"k5":33,"k6":34,"z":0}"#
        );
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        let cases = [
            ("", 0, Syntax::Eof),
            ("{\"a\" 1}", 5, Syntax::ExpectedColon),
            ("[1 2]", 3, Syntax::ExpectedCommaOrBracket),
            ("{\"a\":1 \"b\":2}", 7, Syntax::ExpectedCommaOrBrace),
            ("[1,]", 3, Syntax::TrailingComma),
            ("{\"a\":1,}", 7, Syntax::TrailingComma),
            ("{a:1}", 1, Syntax::KeyMustBeString),
            ("{\"a\":}", 5, Syntax::ExpectedValue),
            ("tru", 3, Syntax::Eof),
            ("trux", 3, Syntax::ExpectedValue),
            ("01", 1, Syntax::InvalidNumber),
            ("-x", 1, Syntax::InvalidNumber),
            ("1.e5", 2, Syntax::InvalidNumber),
            ("\"\\x\"", 2, Syntax::InvalidEscape),
            ("\"\\ud800\"", 7, Syntax::InvalidUnicodeEscape),
            ("\"\\udc00\"", 7, Syntax::InvalidUnicodeEscape),
            ("\"a\nb\"", 2, Syntax::ControlCharacter),
            ("{} x", 3, Syntax::TrailingCharacters),
            ("\"株洲", 7, Syntax::Eof),
        ];
        for (text, at, syntax) in cases {
            assert_eq!(parse(text), Err(SyntaxError { at, syntax }), "{text:?}");
        }
        let deep = "[".repeat(MAX_NESTING + 1);
        assert_eq!(parse(&deep).unwrap_err().syntax, Syntax::TooDeep);
        assert!(parse(&format!(
            "{}{}",
            "[".repeat(MAX_NESTING),
            "]".repeat(MAX_NESTING)
        ))
        .is_ok());
    }

    #[test]
    fn strings_read_and_write_their_escapes() {
        let v = parse(r#""\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00\u0001""#).unwrap();
        assert_eq!(v.as_str(), Some("\"\\/\u{8}\u{c}\n\r\té😀\u{1}"));
        assert_eq!(v.to_string(), r#""\"\\/\b\f\n\r\té😀\u0001""#);
    }

    #[test]
    fn pretty_printing_indents_by_two_spaces() {
        let v = parse(r#"{"a":[1,{"b":null}],"c":{},"d":[],"e":"x"}"#).unwrap();
        assert_eq!(
            v.to_pretty(),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": [],\n  \"e\": \"x\"\n}"
        );
    }

    #[test]
    fn maps_insert_in_place_and_extend_with_what_they_lack() {
        let mut m: Map = [
            ("a".to_owned(), Value::from(1u64)),
            ("b".to_owned(), Value::from(2u64)),
        ]
        .into_iter()
        .collect();
        m.insert("a".into(), Value::from("x"));
        m.insert("c".into(), Value::Null);
        assert_eq!(
            Value::from(m.clone()).to_string(),
            r#"{"a":"x","b":2,"c":null}"#
        );
        let other: Map = [
            ("c".to_owned(), Value::from(true)),
            ("d".to_owned(), Value::from(4u64)),
        ]
        .into_iter()
        .collect();
        m.extend_absent(&other);
        assert_eq!(
            Value::from(m.clone()).to_string(),
            r#"{"a":"x","b":2,"c":null,"d":4}"#
        );
        assert_eq!(m.remove("b"), Some(Value::from(2u64)));
        assert_eq!(m.len(), 3);
    }
}
