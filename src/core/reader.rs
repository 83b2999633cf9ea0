//! Reading a report's text into a draft (REPORT.md §8): last year's report, pasted, or from a
//! `.txt` or `.docx`, becomes a new draft. Sections are found by their headings, fields by the
//! wording the seed document and the HTML export use. Nothing is dropped: a line that cannot be
//! placed is returned with where it stood, and an amount that does not parse is kept as typed
//! (the checker then says what is wrong with it).
//!
//! Tolerant of what Word and WPS give when copied or saved as text: full- and half-width
//! brackets and punctuation (`(一）`), blank lines, spaces and tabs, a title line or none, a
//! heading on its own line or run into its first sentence, small wording differences in
//! headings, sections in another order or missing.

use crate::json::{self, Value};
use crate::model::{Draft, PerformancePoint, ProjectRow, SpecialFund};
use crate::outline::Section;
use crate::text::{han_value, is_han_digit};

/// What reading a report's text gives: the draft, and what could not be placed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    pub draft: Draft,
    pub unplaced: Vec<Unplaced>,
}

/// A piece of the text that was not placed into a field, with where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// The line as it was, trimmed.
    pub text: String,
    /// Its line number in the text (from 1).
    pub line: usize,
    /// The heading it stood under (`二、一般公共预算支出情况`), or `标题前` before the first one.
    pub under: String,
}

impl Reading {
    /// The reading as JSON, to hand from the browser's on-demand module (which reads) to the app
    /// (which opens the draft): `{"draft": "<the draft file>", "unplaced": [{"text", "line",
    /// "under"}…]}`.
    pub fn to_json(&self) -> Result<String, crate::draft_file::WriteError> {
        let unplaced: Vec<Value> = self
            .unplaced
            .iter()
            .map(|u| {
                json::object([
                    ("text", u.text.as_str().into()),
                    ("line", u.line.into()),
                    ("under", u.under.as_str().into()),
                ])
            })
            .collect();
        let draft = crate::draft_file::write_draft(&self.draft)?;
        Ok(json::object([("draft", draft.into()), ("unplaced", unplaced.into())]).to_string())
    }

    /// The reading [`Reading::to_json`] wrote; `None` for anything else.
    pub fn from_json(text: &str) -> Option<Reading> {
        let value = json::parse(text).ok()?;
        let draft = crate::draft_file::read_draft(value.get("draft")?.as_str()?).ok()?;
        let unplaced = value
            .get("unplaced")?
            .as_array()?
            .iter()
            .map(|u| {
                Some(Unplaced {
                    text: u.get("text")?.as_str()?.to_owned(),
                    line: usize::try_from(u.get("line")?.as_u64()?).ok()?,
                    under: u.get("under")?.as_str()?.to_owned(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Reading { draft, unplaced })
    }
}

impl Unplaced {
    /// Where the piece stood, for the user: `第 12 行（二、一般公共预算支出情况）`.
    pub fn place(&self) -> String {
        format!("第 {} 行（{}）", self.line, self.under)
    }
}

/// Where the reader is within the report: what the next line may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Top,
    Functions,
    Organization,
    Staff,
    /// A goal text of 一（二）: 0 overall, 1 special funds, 2 other projects.
    Goal(u8),
    /// 一（二） before its first numbered goal.
    Goals,
    BudgetBasic,
    BudgetProjects,
    Text(Section),
    Points,
    Funds,
    /// Within a section, under a heading that is not one the reader knows.
    Unknown,
    /// After the 落款 (the unit's name at the end): its date may follow.
    Signature,
    /// The attached 自评表: its lines are not read into the report.
    Attachment,
}

/// Reads the plain text of a report into a draft.
pub fn read_report(text: &str) -> Reading {
    let mut r = Reader {
        reading: Reading::default(),
        at: At::Top,
        under: "标题前".to_owned(),
        section: None,
        open: Open::None,
        title_head: None,
    };
    for (n, raw) in text.lines().enumerate() {
        let line = clean(raw);
        if !line.is_empty() {
            r.line(n + 1, line);
        }
    }
    r.finish();
    r.reading
}

/// The text a paragraph is being added to, for paragraphs that continue it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Function,
    Organization,
    Goal(u8),
    Text(Section),
    Point,
    Fund,
}

struct Reader {
    reading: Reading,
    at: At,
    under: String,
    section: Option<Section>,
    open: Open,
    /// A line before the title that may be its first part (a long title set on two lines: the
    /// unit, then the year and the kind of report), with its line number.
    title_head: Option<(usize, String)>,
}

impl Reader {
    fn draft(&mut self) -> &mut Draft {
        &mut self.reading.draft
    }

    fn unplaced(&mut self, line: usize, text: &str) {
        let under = self.under.clone();
        self.reading.unplaced.push(Unplaced {
            text: text.to_owned(),
            line,
            under,
        });
    }

    fn line(&mut self, n: usize, line: &str) {
        if let Some((head_line, head)) = self.title_head.take() {
            if self.at == At::Top && self.read_title(&format!("{head}{line}")) {
                return;
            }
            self.unplaced(head_line, &head);
        }
        let key = punctuation_folded(line);
        if self.at == At::Attachment {
            self.unplaced(n, line);
            return;
        }
        if key.starts_with("附件") && key.contains("自评表") {
            self.at = At::Attachment;
            self.open = Open::None;
            self.under = line.to_owned();
            self.unplaced(n, line);
            return;
        }
        // The 落款: the unit's name on a line of its own once the sections have begun, then
        // perhaps the date.
        let unit = self.reading.draft.meta.department.trim();
        if self.section.is_some() && !unit.is_empty() && line == unit {
            self.at = At::Signature;
            self.open = Open::None;
            self.under = "落款".to_owned();
            return;
        }
        if self.at == At::Signature && self.reading.draft.meta.date.is_empty() && is_date(line) {
            line.clone_into(&mut self.draft().meta.date);
            return;
        }
        if let Some((section, rest)) = section_heading(&key, line) {
            self.enter(section, line, rest);
            if !rest.is_empty() {
                self.line(n, rest);
            }
            return;
        }
        if self.at == At::Top {
            if !self.read_title(line) {
                self.title_head = Some((n, line.to_owned()));
            }
            return;
        }
        if let Some(rest) = sub_heading(&key) {
            if self.sub(line, &key, rest) {
                return;
            }
        }
        if self.content(line, &key) {
            return;
        }
        self.unplaced(n, line);
    }

    /// A heading of the ten sections.
    fn enter(&mut self, section: Section, line: &str, rest: &str) {
        self.section = Some(section);
        self.under = line.strip_suffix(rest).unwrap_or(line).trim().to_owned();
        self.open = Open::None;
        self.at = match section {
            Section::Basic => At::Unknown,
            Section::GeneralBudget => At::BudgetBasic,
            Section::Performance => At::Points,
            Section::GovFundBudget
            | Section::StateCapitalBudget
            | Section::SocialInsuranceBudget
            | Section::Problems
            | Section::Improvements
            | Section::ResultUse
            | Section::Other => At::Text(section),
            Section::Meta | Section::Scorecard => At::Unknown,
        };
        if let At::Text(section) = self.at {
            self.open = Open::Text(section);
        }
    }

    /// The title line: `{department}{year}年度部门整体支出绩效自评报告`.
    fn read_title(&mut self, line: &str) -> bool {
        let Some(head) = line.strip_suffix("部门整体支出绩效自评报告") else {
            return false;
        };
        let head = head.strip_suffix('度').unwrap_or(head);
        let head = head.strip_suffix('年').unwrap_or(head);
        let digits = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map_or(head.len(), |(i, _)| i);
        let (unit, year) = head.split_at(digits);
        let d = self.draft();
        unit.trim().clone_into(&mut d.meta.department);
        year.clone_into(&mut d.meta.year);
        true
    }

    /// A （一） or 1、 heading within a section; true when it was one the reader knows.
    fn sub(&mut self, line: &str, key: &str, rest: &str) -> bool {
        let section = self.section;
        match section {
            Some(Section::Basic) if key.starts_with('（') => {
                if rest.ends_with("基本情况") {
                    self.at = At::Unknown;
                    self.open = Open::None;
                    let name = rest.trim_end_matches("基本情况").trim();
                    // The heading names the unit by its short name when it has one.
                    let unit = self.reading.draft.meta.department.trim();
                    if !name.is_empty()
                        && name != unit
                        && self.reading.draft.meta.short_name.is_empty()
                    {
                        name.clone_into(&mut self.draft().meta.short_name);
                    }
                    self.under = line.to_owned();
                    return true;
                }
                if rest.contains("绩效目标") {
                    self.at = At::Goals;
                    self.open = Open::None;
                    self.under = line.to_owned();
                    return true;
                }
                false
            }
            Some(Section::Basic) => {
                let title = rest.trim_end_matches(['。', '：']);
                let (at, open) = if title.contains("主要职能") {
                    (At::Functions, Open::None)
                } else if title.contains("机构情况") {
                    (At::Organization, Open::Organization)
                } else if title.contains("人员情况") {
                    (At::Staff, Open::None)
                } else if title.contains("专项资金绩效目标") {
                    (At::Goal(1), Open::Goal(1))
                } else if title.contains("其他项目支出") && title.contains("目标") {
                    (At::Goal(2), Open::Goal(2))
                } else if title.contains("整体支出绩效目标") {
                    (At::Goal(0), Open::Goal(0))
                } else {
                    return false;
                };
                // A title run into its text: `2、机构情况。本部门…`.
                let after = text_after_title(rest);
                self.at = at;
                self.open = open;
                self.under = line.strip_suffix(after).unwrap_or(line).to_owned();
                if !after.is_empty() {
                    self.content(after, &punctuation_folded(after));
                }
                true
            }
            Some(Section::GeneralBudget) if key.starts_with('（') => {
                if rest.contains("项目支出") {
                    self.at = At::BudgetProjects;
                } else if rest.contains("基本支出") {
                    self.at = At::BudgetBasic;
                } else {
                    return false;
                }
                self.under = line.to_owned();
                true
            }
            Some(Section::Performance) if key.starts_with('（') => {
                if rest.contains("专项资金") {
                    self.at = At::Funds;
                } else if rest.contains("整体支出") {
                    self.at = At::Points;
                } else {
                    return false;
                }
                self.open = Open::None;
                self.under = line.to_owned();
                true
            }
            _ => false,
        }
    }

    /// A line of content where the reader is; true when it was placed.
    fn content(&mut self, line: &str, key: &str) -> bool {
        match self.at {
            At::Functions => {
                if key.starts_with("本部门主要职能") || key.starts_with("主要职能") {
                    return true;
                }
                if let Some(text) = numbered_paren(key, line) {
                    self.draft().basic.functions.push(text.to_owned());
                    self.open = Open::Function;
                    return true;
                }
                self.continue_open(line)
            }
            At::Organization => {
                // The unit's name comes from the title when there is one.
                if let Some((unit, short)) = unit_and_short_name(line) {
                    let meta = &mut self.draft().meta;
                    if meta.department.is_empty() {
                        meta.department = unit;
                    }
                    meta.short_name = short;
                }
                self.continue_open(line)
            }
            At::Staff => self.staff(line),
            At::Goal(_) => self.continue_open(line),
            At::BudgetBasic => self.budget_sentence(key),
            At::BudgetProjects => self.projects(line),
            At::Text(_) => self.continue_open(line),
            At::Points => self.point(key, line),
            At::Funds => self.fund(key, line),
            At::Goals | At::Unknown | At::Top | At::Signature | At::Attachment => false,
        }
    }

    /// Adds a paragraph to the text being read.
    fn continue_open(&mut self, line: &str) -> bool {
        let d = &mut self.reading.draft;
        let target = match self.open {
            Open::None => return false,
            Open::Function => match d.basic.functions.last_mut() {
                Some(f) => f,
                None => return false,
            },
            Open::Organization => &mut d.basic.organization,
            Open::Goal(0) => &mut d.goals.overall,
            Open::Goal(1) => &mut d.goals.special_funds,
            Open::Goal(_) => &mut d.goals.other_projects,
            Open::Text(section) => match section {
                Section::GovFundBudget => &mut d.gov_fund_budget.text,
                Section::StateCapitalBudget => &mut d.state_capital_budget.text,
                Section::SocialInsuranceBudget => &mut d.social_insurance_budget.text,
                Section::Problems => &mut d.problems,
                Section::Improvements => &mut d.improvements,
                Section::ResultUse => &mut d.result_use,
                _ => &mut d.other,
            },
            Open::Point => match d.performance.overall.last_mut() {
                Some(p) => &mut p.text,
                None => return false,
            },
            Open::Fund => match d.performance.special_funds.last_mut() {
                Some(f) => &mut f.effect,
                None => return false,
            },
        };
        append_paragraph(target, line);
        true
    }

    /// `本部门截止2024年12月底实有人数总计11人，其中在职9人，退休2人。`
    fn staff(&mut self, line: &str) -> bool {
        let key = punctuation_folded(line);
        let Some(rest) = key.split_once("截止").map(|(_, r)| r) else {
            return false;
        };
        let Some((as_of, rest)) = rest.split_once("实有人数") else {
            return false;
        };
        let rest = rest.trim_start_matches("总计").trim_start_matches('共');
        let (total, rest) = rest.split_once('人').unwrap_or((rest, ""));
        let active = between(rest, "在职", "人").unwrap_or_default();
        let retired = between(rest, "退休", "人").unwrap_or_default();
        let d = self.draft();
        let staff = &mut d.basic.staff;
        as_of.trim().clone_into(&mut staff.as_of);
        total.trim().clone_into(&mut staff.total);
        active.trim().clone_into(&mut staff.active);
        retired.trim().clone_into(&mut staff.retired);
        true
    }

    /// The three sentences of 二（一）.
    fn budget_sentence(&mut self, key: &str) -> bool {
        let body = without_number(key);
        let gb_year = year_in(body);
        if let Some(year) = gb_year {
            if self.reading.draft.meta.year.is_empty() {
                year.clone_into(&mut self.draft().meta.year);
            }
        }
        let gb = &mut self.reading.draft.general_budget;
        if body.contains("财政拨款收入") {
            gb.appropriation_income = amount_after(body, "财政拨款收入");
            return true;
        }
        if body.contains("财政拨款支出") {
            gb.appropriation_expense = amount_after(body, "财政拨款支出");
            gb.project_expense = amount_after(body, "项目支出");
            gb.basic_expense = amount_after(body, "基本支出");
            gb.personnel_expense = amount_after(body, "人员经费");
            gb.public_expense = amount_after(body, "公用经费");
            return true;
        }
        if body.contains("预算资金") {
            gb.annual_budget = amount_after(body, "预算资金");
            if body.contains("全年预算数") {
                gb.full_year_budget = amount_after(body, "全年预算数");
            }
            return true;
        }
        false
    }

    /// `2024年度项目支出合计118.29万元，其中：1.信访救助3万元；2.…。`
    fn projects(&mut self, line: &str) -> bool {
        let key = punctuation_folded(line);
        if !key.contains("项目支出合计") {
            return false;
        }
        let (head, list) = key.split_once("其中：").unwrap_or((&key, ""));
        let total = amount_after(head, "项目支出合计");
        if self.reading.draft.general_budget.project_expense.is_empty() {
            self.draft().general_budget.project_expense = total;
        }
        let list = list.trim_end_matches('。');
        for item in list.split('；').map(str::trim).filter(|i| !i.is_empty()) {
            let item = without_number(item);
            let (name, amount) = name_and_amount(item);
            self.draft().general_budget.projects.push(ProjectRow {
                name: name.to_owned(),
                amount,
                ..ProjectRow::default()
            });
        }
        true
    }

    /// A 六（一） point: `1、title。text`, or a paragraph continuing the last one.
    fn point(&mut self, key: &str, line: &str) -> bool {
        if let Some(body) = numbered(key, line) {
            let (title, text) = match body.find('。') {
                Some(i) => (&body[..i], &body[i + '。'.len_utf8()..]),
                None => ("", body),
            };
            self.draft().performance.overall.push(PerformancePoint {
                title: title.trim().to_owned(),
                text: text.trim().to_owned(),
                ..PerformancePoint::default()
            });
            self.open = Open::Point;
            return true;
        }
        self.continue_open(line)
    }

    /// 六（二）: the stated count, and each fund's sentence with its effect.
    fn fund(&mut self, key: &str, line: &str) -> bool {
        if key.starts_with("本单位") && key.contains("专项资金") {
            if let Some(count) = between(key, "专项资金共", "个") {
                if let Some(year) = year_in(key) {
                    if self.reading.draft.meta.year.is_empty() {
                        year.clone_into(&mut self.draft().meta.year);
                    }
                }
                count
                    .trim()
                    .clone_into(&mut self.draft().performance.special_funds_stated_count);
            }
            self.open = Open::None;
            return true;
        }
        if let Some(rest) = ordinal_lead(key) {
            if let Some((name, figures)) = rest.split_once("，年初预算资金") {
                let (figures, effect) = match figures.find('。') {
                    Some(i) => (&figures[..i], &figures[i + '。'.len_utf8()..]),
                    None => (figures, ""),
                };
                let initial = figures.split('，').next().map(wan).unwrap_or_default();
                let adjustment = if figures.contains("调减") {
                    let a = amount_after(figures, "调减");
                    if a.is_empty() {
                        a
                    } else {
                        format!("-{a}")
                    }
                } else {
                    amount_after(figures, "调增")
                };
                // The effect as written (punctuation as typed), from the original line.
                let effect_start = line.len().saturating_sub(effect.len());
                let effect = line.get(effect_start..).unwrap_or(effect);
                self.draft().performance.special_funds.push(SpecialFund {
                    name: name.trim().to_owned(),
                    initial_budget: initial,
                    adjustment,
                    actual: amount_after(figures, "实际支出"),
                    carryover: amount_after(figures, "结余结转"),
                    effect: effect.trim().to_owned(),
                    ..SpecialFund::default()
                });
                self.open = Open::Fund;
                return true;
            }
        }
        self.continue_open(line)
    }

    /// Tidies what was read: a section that says only "无。" is "无", as the draft keeps it.
    fn finish(&mut self) {
        if let Some((head_line, head)) = self.title_head.take() {
            self.unplaced(head_line, &head);
        }
        let d = &mut self.reading.draft;
        for text in [
            &mut d.gov_fund_budget.text,
            &mut d.state_capital_budget.text,
            &mut d.social_insurance_budget.text,
            &mut d.problems,
            &mut d.improvements,
            &mut d.result_use,
            &mut d.other,
        ] {
            if text == "无。" {
                "无".clone_into(text);
            }
        }
    }
}

/// A line without the white space around it (spaces, tabs, the ideographic space, a BOM).
fn clean(raw: &str) -> &str {
    raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}')
}

/// The line with half-width brackets, colons, semicolons and commas (not between digits) made
/// full-width, for matching the report's wording; a text field takes the line as it was.
fn punctuation_folded(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ';' => '；',
            ',' if !(digit(i.checked_sub(1)) && digit(Some(i + 1))) => '，',
            c => c,
        })
        .collect()
}

/// The section a heading names (`七、存在的问题及原因分析`), by its words rather than its numeral
/// (sections may be missing or in another order), with what follows the title on the same line.
fn section_heading<'a>(key: &str, line: &'a str) -> Option<(Section, &'a str)> {
    let numeral_end = key
        .char_indices()
        .find(|(_, c)| !is_han_digit(*c) && *c != '十')
        .map(|(i, _)| i)?;
    let numerals: Vec<char> = key.get(..numeral_end)?.chars().collect();
    if numerals.is_empty() || !(1..=10).contains(&han_value(&numerals)?) {
        return None;
    }
    let after = key.get(numeral_end..)?;
    let rest = after
        .strip_prefix('、')
        .or_else(|| after.strip_prefix('.'))
        .or_else(|| after.strip_prefix('．'))?
        .trim_start();
    let words: [(Section, &[&str]); 10] = [
        (Section::Basic, &["基本情况"]),
        (Section::GeneralBudget, &["一般公共预算"]),
        (Section::GovFundBudget, &["政府性基金"]),
        (Section::StateCapitalBudget, &["国有资本"]),
        (Section::SocialInsuranceBudget, &["社会保险基金"]),
        (Section::Performance, &["资金使用", "绩效情况"]),
        (Section::Problems, &["存在的问题", "存在问题"]),
        (Section::Improvements, &["改进措施"]),
        (
            Section::ResultUse,
            &["结果拟应用", "结果应用", "应用和公开"],
        ),
        (Section::Other, &["其他需要说明", "其他说明"]),
    ];
    let (section, _) = words
        .iter()
        .find(|(_, w)| w.iter().any(|w| rest.contains(w)))?;
    // Where the title ends: after the section's full title, else at the first sentence end
    // or colon; a short line is all title.
    let title = section.title();
    let tail_in_key = if let Some(tail) = rest.strip_prefix(title) {
        tail
    } else if let Some(i) = rest.find(['。', '：']) {
        let head = &rest[..i];
        if head.chars().count() > 24 {
            return None;
        }
        &rest[i..]
    } else if rest.chars().count() <= 24 {
        ""
    } else {
        return None;
    };
    let tail_in_key = tail_in_key.trim_start_matches(['。', '：']).trim();
    // The same tail in the line as it was (folding keeps the characters' count).
    let skip = key.chars().count() - tail_in_key.chars().count();
    let start = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
    Some((*section, line.get(start..).unwrap_or("").trim()))
}

/// The text after a `（一）` or `1、` heading mark, if the line starts with one.
fn sub_heading(key: &str) -> Option<&str> {
    if let Some(rest) = key.strip_prefix('（') {
        let (numeral, rest) = rest.split_once('）')?;
        let chars: Vec<char> = numeral.chars().collect();
        if chars.is_empty() || !chars.iter().all(|c| is_han_digit(*c) || *c == '十') {
            return None;
        }
        return Some(rest.trim());
    }
    numbered_str(key)
}

/// The text after `1、` / `1.` / `1．` at the start of `key`.
fn numbered_str(key: &str) -> Option<&str> {
    let end = key.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 || end > 3 {
        return None;
    }
    let rest = key.get(end..)?;
    let rest = rest
        .strip_prefix('、')
        .or_else(|| rest.strip_prefix('．'))
        .or_else(|| {
            rest.strip_prefix('.')
                .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
        })?;
    Some(rest.trim_start())
}

/// The text of `line` after its `1、` mark (`key` is the folded line).
fn numbered<'a>(key: &str, line: &'a str) -> Option<&'a str> {
    let rest = numbered_str(key)?;
    tail_of(key, rest, line)
}

/// The text of `line` after its `（1）` mark.
fn numbered_paren<'a>(key: &str, line: &'a str) -> Option<&'a str> {
    let rest = key.strip_prefix('（')?;
    let (digits, rest) = rest.split_once('）')?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    tail_of(key, rest.trim_start(), line)
}

/// The part of `line` that corresponds to `tail`, the end of the folded `key`.
fn tail_of<'a>(key: &str, tail: &str, line: &'a str) -> Option<&'a str> {
    let skip = key.chars().count().checked_sub(tail.chars().count())?;
    let start = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
    line.get(start..)
}

/// What follows a heading's title on the same line: `机构情况。本部门…` gives `本部门…`.
fn text_after_title(rest: &str) -> &str {
    match rest.find(['。', '：']) {
        Some(i) => rest[i..].trim_start_matches(['。', '：']).trim(),
        None => "",
    }
}

/// `株洲市芦淞区信访局（以下简称区信访局）是…` gives the unit and its short name.
fn unit_and_short_name(line: &str) -> Option<(String, String)> {
    let key = punctuation_folded(line);
    let (unit, rest) = key.split_once("（以下简称")?;
    let (short, _) = rest.split_once('）')?;
    let short = short.trim_matches(['“', '”', '"']);
    Some((unit.trim().to_owned(), short.trim().to_owned()))
}

/// The text between `from` and the next `to` after it.
fn between<'a>(text: &'a str, from: &str, to: &str) -> Option<&'a str> {
    let (_, rest) = text.split_once(from)?;
    rest.split_once(to).map(|(inner, _)| inner)
}

/// The amount written after `label` and before `万元`, as typed (`""` when blank or missing).
fn amount_after(text: &str, label: &str) -> String {
    let Some((_, rest)) = text.split_once(label) else {
        return String::new();
    };
    let rest = rest.split(['，', '；', '。']).next().unwrap_or(rest);
    wan(rest)
}

/// An amount as a sentence writes it, `155.54万元`: the text before `万元` (the unit dropped).
fn wan(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_suffix("万元").unwrap_or(text);
    clean(text).to_owned()
}

/// `1.信访救助3万元` → (`信访救助`, `3`): the amount is the number before `万元` at the end.
fn name_and_amount(item: &str) -> (&str, String) {
    let Some(body) = item.strip_suffix("万元") else {
        return (item.trim(), String::new());
    };
    let is_number = |c: char| {
        c.is_ascii_digit()
            || matches!(c, '.' | ',' | '-' | '－' | '．' | '，')
            || ('０'..='９').contains(&c)
    };
    let start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_number(*c) || c.is_whitespace() || *c == '\u{3000}')
        .last()
        .map_or(body.len(), |(i, _)| i);
    let (name, amount) = body.split_at(start);
    (name.trim(), clean(amount).to_owned())
}

/// A list item or a sentence without its `1.` / `1、` mark.
fn without_number(text: &str) -> &str {
    numbered_str(text).unwrap_or(text)
}

/// The first four-digit year followed by 年 in the text.
fn year_in(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let candidate = text.get(i..i + 4)?;
        let before_ok = i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
        (before_ok
            && candidate.bytes().all(|b| b.is_ascii_digit())
            && text.get(i + 4..)?.starts_with('年'))
        .then_some(candidate)
    })
}

/// A date as a 落款 writes it: `2025年3月15日` (digits may be full-width or Han numerals).
fn is_date(line: &str) -> bool {
    let Some(rest) = line.strip_suffix('日') else {
        return false;
    };
    let Some((year, rest)) = rest.split_once('年') else {
        return false;
    };
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    let numeral = |s: &str| {
        !s.is_empty()
            && s.chars().count() <= 4
            && s.chars()
                .all(|c| crate::text::is_numeral(c) || c == '〇' || c == '零')
    };
    numeral(year) && numeral(month) && numeral(day)
}

/// `一是…` / `二是…`: the text after a fund's ordinal lead.
fn ordinal_lead(key: &str) -> Option<&str> {
    let end = key.find(|c: char| !is_han_digit(c) && c != '十')?;
    if end == 0 {
        return None;
    }
    key.get(end..)?.strip_prefix('是')
}

/// Adds a paragraph to a text field, on a new line when it has text already.
fn append_paragraph(field: &mut String, paragraph: &str) {
    if !field.is_empty() {
        field.push('\n');
    }
    field.push_str(paragraph);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_DOCUMENT: &str = include_str!("../../tests/data/seed-2024.txt");

    #[test]
    fn the_seed_document_reads_into_the_seed_example() {
        let reading = read_report(SEED_DOCUMENT);
        assert_eq!(reading.unplaced, []);
        let mut expected = crate::read_draft(crate::sample::SEED_V1_JSON).unwrap();
        // Unknown fields aside (the example's meta.unit).
        expected.meta.extra.clear();
        let read = reading.draft;
        for path in expected.fields() {
            assert_eq!(read.field(path), expected.field(path), "{path}");
        }
        assert_eq!(read, expected);
    }

    /// The seed as Word users damage it: half-width brackets, full-width numbers, blank lines,
    /// a heading run into its text, a title line, two sections swapped, a heading missing and a
    /// paragraph nobody expects.
    #[test]
    fn a_damaged_report_still_reads_and_says_what_it_could_not_place() {
        let seed = crate::read_draft(crate::sample::SEED_V1_JSON).unwrap();
        let mut text = String::from("株洲市芦淞区信访局2024年度部门整体支出绩效自评报告\n\n");
        let mut lines: Vec<String> = SEED_DOCUMENT.lines().map(str::to_owned).collect();
        // Swap 三 and 四 (two lines each).
        let at = |lines: &[String], start: &str| {
            lines.iter().position(|l| l.starts_with(start)).unwrap()
        };
        let three = at(&lines, "三、");
        let four = at(&lines, "四、");
        lines.swap(three, four);
        lines.swap(three + 1, four + 1);
        // 八's heading lost; an extra paragraph under 二.
        let eight = at(&lines, "八、");
        lines.remove(eight);
        let two = at(&lines, "二、");
        lines.insert(two + 1, "（此页无正文）".to_owned());
        for line in lines {
            let damaged = line
                .replace('（', "(")
                .replace('）', ")")
                .replace("155.54", "１５５．５４")
                .replace("七、存在的问题及原因分析", "七、存在的问题及原因分析：");
            text.push_str(&damaged);
            text.push_str("\n\n \t\n");
        }
        // 七's heading run into its text.
        let text = text.replace(
            "七、存在的问题及原因分析：\n\n \t\n无。",
            "七、存在的问题及原因分析：无。",
        );
        let reading = read_report(&text);
        let d = &reading.draft;
        assert_eq!(d.meta.department, seed.meta.department);
        assert_eq!(d.meta.year, "2024");
        assert_eq!(d.general_budget.annual_budget, "１５５．５４");
        assert_eq!(
            crate::amount::parse_amount(&d.general_budget.annual_budget)
                .ok()
                .flatten()
                .map(|a| a.value()),
            crate::amount::parse_amount("155.54")
                .ok()
                .flatten()
                .map(|a| a.value())
        );
        assert_eq!(d.basic.functions.len(), 9);
        assert_eq!(d.gov_fund_budget.text, "无");
        assert_eq!(d.state_capital_budget.text, "无");
        assert_eq!(d.performance.overall.len(), 5);
        assert_eq!(d.performance.special_funds.len(), 3);
        assert_eq!(d.general_budget.projects, seed.general_budget.projects);
        assert_eq!(d.result_use, seed.result_use);
        // 八 is blank, so its finding says so; its text went on 七's.
        assert_eq!(d.improvements, "");
        assert!(crate::check(d)
            .iter()
            .any(|f| f.rule.id() == "required.section" && f.path == crate::Path::Improvements));
        assert_eq!(d.problems, "无。\n无。");
        // The paragraph nobody expects is listed, with where it stood.
        assert_eq!(reading.unplaced.len(), 1, "{:?}", reading.unplaced);
        assert_eq!(reading.unplaced[0].text, "(此页无正文)");
        assert!(
            reading.unplaced[0]
                .place()
                .contains("二、一般公共预算支出情况"),
            "{}",
            reading.unplaced[0].place()
        );
        // Everything else is as the seed has it.
        let mut same = d.clone();
        same.general_budget.annual_budget = seed.general_budget.annual_budget.clone();
        same.problems = seed.problems.clone();
        same.improvements = seed.improvements.clone();
        let mut expected = seed.clone();
        expected.meta.extra.clear();
        // Brackets typed half-width in the texts stay as typed.
        for path in expected.fields() {
            let (a, b) = (
                same.field(path).unwrap_or_default(),
                expected.field(path).unwrap_or_default(),
            );
            assert_eq!(a.replace('(', "（").replace(')', "）"), b, "{path}");
        }
    }

    #[test]
    fn odd_input_is_listed_never_lost_and_never_panics() {
        for text in [
            "",
            "\n\n",
            "随便一段话",
            "一、",
            "（",
            "1、",
            "一是",
            "十一、其他",
            "二、一般公共预算支出情况\n1、",
            "六、资金使用及绩效情况\n（二）专项资金\n一是，年初预算资金",
        ] {
            let reading = read_report(text);
            let kept: usize = reading
                .unplaced
                .iter()
                .map(|u| u.text.chars().count())
                .sum();
            let _ = kept;
        }
        let reading = read_report("前言一段\n一、基本情况\n不知所云");
        let texts: Vec<&str> = reading.unplaced.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["前言一段", "不知所云"]);
        assert_eq!(reading.unplaced[0].under, "标题前");
        assert_eq!(reading.unplaced[1].line, 3);
    }
}
