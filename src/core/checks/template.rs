//! `weak.template_text`: a text that still holds the template's own wording instead of content —
//! an instruction sentence (主要包括资金到位、资金使用、资金管理…等。), a length hint (（100字以内）),
//! a request to the person filling it in (请填写, 请简要说明), or a placeholder (XX, ××, 20XX).
//!
//! "主要包括" alone is ordinary Chinese (该项目主要包括信访接待、矛盾调处等工作): only the template's
//! shape, 主要包括 then an ellipsis then 等 in one sentence, is its instruction.

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::Kind;
use crate::text::{ends_sentence_at, half_width};

rules! {
    /// A text still holds the template's own wording.
    WEAK_TEMPLATE_TEXT = "weak.template_text", Warning;
}

/// Requests to the person filling the template in, which no report's content says.
const INSTRUCTIONS: [&str; 4] = ["请填写", "请简要说明", "请详细说明", "请据实填写"];

/// A quoted phrase in a message is cut to this many characters.
const QUOTE_LIMIT: usize = 30;

pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    let text_fields = draft
        .fields()
        .filter(|p| matches!(p.kind(), Kind::Paragraphs | Kind::Line));
    for path in text_fields {
        let found = template_phrases(draft.field(path).unwrap_or_default());
        if !found.is_empty() {
            let quoted: Vec<String> = found.iter().map(|p| format!("“{p}”")).collect();
            findings.push(Finding::new(
                WEAK_TEMPLATE_TEXT,
                path,
                format!(
                    "{}中还留着模板文字{}：请换成本单位的实际内容",
                    path.describe(),
                    quoted.join("、")
                ),
            ));
        }
    }
}

/// The template phrases in a text, each once: the instruction sentences first, then length
/// hints, then placeholders. Substring searches over the text, no copy of it: a long paragraph
/// costs a few passes.
fn template_phrases(text: &str) -> Vec<String> {
    // Every phrase has one of these. A short text (a name, a row's cell) is ruled out in one
    // pass; a long one lets each detector search for its own word.
    let trigger = |c: char| matches!(c, '主' | '对' | '请' | '字' | 'X' | 'x' | '×' | 'Ｘ' | 'ｘ');
    if text.len() < 512 && !text.contains(trigger) {
        return Vec::new();
    }
    let mut found: Vec<String> = Vec::new();
    let mut add = |phrase: String| {
        if !found.contains(&phrase) {
            found.push(phrase);
        }
    };
    // Each detector first asks whether its word is there at all, with a string (not a `char`)
    // pattern: that search compares a whole character, while a search for a Han `char` stops at
    // every character that shares its last byte, which in a Han text is most of them.
    if let Some(sentence) = outline_instruction(text) {
        add(sentence);
    }
    if let Some(phrase) = against_goals(text) {
        add(phrase);
    }
    for instruction in INSTRUCTIONS {
        if text.contains(instruction) {
            add(instruction.to_owned());
        }
    }
    if text.contains("字") {
        for hint in length_hints(text) {
            add(hint);
        }
    }
    for placeholder in placeholders(text) {
        add(placeholder);
    }
    found
}

/// The first sentence with `主要包括`, then an ellipsis (… or ...), then 等: from 主要包括 on, cut
/// to [`QUOTE_LIMIT`]. Each sentence is searched once, however often it says 主要包括.
fn outline_instruction(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find("主要包括") {
        let rest = text.get(from + at..)?;
        let end = rest.find(ends_sentence_at).unwrap_or(rest.len());
        let sentence = rest.get(..end)?;
        let ellipsis = sentence.find('…').or_else(|| sentence.find("..."));
        if ellipsis.is_some_and(|e| sentence.get(e..).is_some_and(|after| after.contains('等'))) {
            return Some(cut(sentence));
        }
        from += at + end.max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// `对照年度目标，说明` (any comma or none, spaces allowed), as the template writes it.
fn against_goals(text: &str) -> Option<String> {
    const LEAD: &str = "对照年度目标";
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find(LEAD) {
        from += at + LEAD.len();
        let after = text
            .get(from..)?
            .trim_start_matches([' ', '\u{3000}', '，', ',']);
        if after.starts_with("说明") {
            return Some("对照年度目标，说明".to_owned());
        }
    }
    None
}

/// `（100字以内）`, `(300字左右)`, `（限200字）`, `（不超过500字）`, in either kind of bracket.
fn length_hints(text: &str) -> Vec<String> {
    let mut hints = Vec::new();
    let full_width = text.contains("（").then(|| text.match_indices('（'));
    let opens = text.match_indices('(').chain(full_width.into_iter().flatten());
    for (open, bracket) in opens {
        let Some(rest) = text.get(open + bracket.len()..) else {
            continue;
        };
        // The text up to the closing bracket, at most 12 characters on: no copy.
        let Some((close, _)) = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ')' || *c == '）')
        else {
            continue;
        };
        let inner = rest.get(..close).unwrap_or_default();
        let body = inner
            .strip_prefix("限")
            .or_else(|| inner.strip_prefix("不超过"))
            .unwrap_or(inner);
        let body = body
            .strip_suffix("以内")
            .or_else(|| body.strip_suffix("左右"))
            .unwrap_or(body);
        let is_hint = body.strip_suffix('字').is_some_and(|n| {
            !n.is_empty() && n.chars().all(|c| half_width(c).is_ascii_digit())
        });
        if is_hint {
            hints.push(format!("（{inner}）"));
        }
    }
    hints
}

/// Runs of two or more X, x or × (full-width too) that stand alone, not inside a Latin word:
/// XX局, 20XX年, ××. Quoted with the digits they stand in (20XX).
fn placeholders(text: &str) -> Vec<String> {
    let is_x = |c: char| matches!(half_width(c), 'X' | 'x' | '×');
    let is_letter = |c: Option<char>| c.is_some_and(|c| half_width(c).is_ascii_alphabetic());
    // Where an X may start: one search per character, and only for those the text has.
    let mut starts: Vec<usize> = ["X", "x", "×", "Ｘ", "ｘ"]
        .into_iter()
        .filter(|x| text.contains(x))
        .flat_map(|x| text.match_indices(x).map(|(at, _)| at))
        .collect();
    crate::order::sort_by(&mut starts, Ord::cmp);
    let mut found = Vec::new();
    let mut read_up_to = 0;
    for at in starts {
        if at < read_up_to {
            continue;
        }
        let (Some(before), Some(from_x)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        let run_len: usize = from_x
            .chars()
            .take_while(|&c| is_x(c))
            .map(char::len_utf8)
            .sum();
        read_up_to = at + run_len;
        let (run, after) = from_x.split_at(run_len);
        let standalone = !is_letter(before.chars().next_back()) && !is_letter(after.chars().next());
        if run.chars().count() >= 2 && standalone {
            let digits: usize = before
                .chars()
                .rev()
                .take_while(|c| half_width(*c).is_ascii_digit())
                .map(char::len_utf8)
                .sum();
            let lead = before.get(before.len() - digits..).unwrap_or_default();
            found.push(format!("{lead}{run}").chars().map(half_width).collect());
        }
    }
    found
}

fn cut(text: &str) -> String {
    let mut cut: String = text.chars().take(QUOTE_LIMIT).collect();
    if text.chars().nth(QUOTE_LIMIT).is_some() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::template_phrases;

    #[test]
    fn finds_the_templates_own_wording() {
        let cases: [(&str, &[&str]); 8] = [
            (
                "主要包括资金到位、资金使用、资金管理…等。",
                &["主要包括资金到位、资金使用、资金管理…等"],
            ),
            ("主要包括……等方面", &["主要包括……等方面"]),
            ("（100字以内）", &["（100字以内）"]),
            ("简述项目情况(限２００字)", &["（限２００字）"]),
            ("对照年度目标, 说明完成情况", &["对照年度目标，说明"]),
            ("请填写本单位机构设置。", &["请填写"]),
            ("XX局20XX年度", &["XX", "20XX"]),
            ("××单位，xx万元", &["××", "xx"]),
        ];
        for (text, expected) in cases {
            assert_eq!(template_phrases(text), expected, "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_are_not_template_text() {
        for text in [
            "该项目主要包括信访接待、矛盾调处等工作。",
            "主要包括：办公室、财务室。",
            "完成培训（共100人）",
            "X光机1台，XXL码服装",
            "按照要求填写报表，简要说明了情况",
            "FOXX公司",
        ] {
            assert_eq!(template_phrases(text), Vec::<String>::new(), "{text}");
        }
    }
}
