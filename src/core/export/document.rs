//! The report as the exports print it, before any format: the title, the headings, the sentences
//! the original report writes around the draft's values, the 落款 and the 自评表. The HTML export
//! and the Word export both render this one composition, so the wording is declared once.
//!
//! For the seed draft every sentence of the seed document appears in it. Text here is plain text:
//! each renderer escapes it for its own format.

use crate::amount::{parse_amount, parse_count, parse_score, parse_year};
use crate::model::{Draft, SpecialFund};
use crate::outline::Section;
use crate::scorecard::{expected_goal, is_started, ScoreFigures, Stood};
use crate::text::{chinese_numeral, ends_sentence, is_blank, paragraphs};

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The title's parts (the unit, then the year and the kind of report): a long title breaks
    /// between them. Blank parts are left out.
    pub title: Vec<String>,
    pub body: Vec<Block>,
    /// The 自评表, when started, on a page of its own after the report.
    pub scorecard: Option<ScoreTable>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Level, String),
    Paragraph(Vec<Run>),
    /// A line of the 落款, right-aligned at the end: the unit, then the date.
    Signature {
        text: String,
        date: bool,
    },
}

/// The three heading levels of the report's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `一、基本情况`: 黑体.
    Section,
    /// `（一）基本支出情况`: 楷体.
    Part,
    /// `1、主要职能。`: 仿宋, bold.
    Item,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text(String),
    /// A value the draft leaves blank: printed as a line to fill in.
    Blank,
}

/// The 自评表: eight columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreTable {
    /// `附件：…自评表`.
    pub title: String,
    /// Each column's share of the width, in percent.
    pub widths: [u8; 8],
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    /// A paged format repeats this row at the top of every page the table runs over (the rows
    /// that repeat are the first ones).
    pub repeats: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub header: bool,
    pub colspan: u8,
    pub rowspan: u8,
    pub text: String,
}

/// The report of `draft`, composed.
pub fn compose(draft: &Draft) -> Report {
    let (unit, rest) = draft.title_parts();
    let title = [unit.to_owned(), rest]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let mut body = Body::default();
    basic(&mut body, draft);
    general_budget(&mut body, draft);
    for (section, text) in [
        (Section::GovFundBudget, &draft.gov_fund_budget.text),
        (
            Section::StateCapitalBudget,
            &draft.state_capital_budget.text,
        ),
        (
            Section::SocialInsuranceBudget,
            &draft.social_insurance_budget.text,
        ),
    ] {
        body.heading(Level::Section, section.heading());
        body.paragraphs(Line::default(), text);
    }
    performance(&mut body, draft);
    for (section, text) in [
        (Section::Problems, &draft.problems),
        (Section::Improvements, &draft.improvements),
        (Section::ResultUse, &draft.result_use),
        (Section::Other, &draft.other),
    ] {
        body.heading(Level::Section, section.heading());
        body.paragraphs(Line::default(), text);
    }
    signature(&mut body, draft);
    Report {
        title,
        body: body.0,
        scorecard: is_started(draft).then(|| scorecard(draft)),
    }
}

/// 落款: the unit's name and, when given, the date.
fn signature(body: &mut Body, d: &Draft) {
    let unit = d.meta.department.trim();
    let date = d.meta.date.trim();
    for (i, line) in [unit, date]
        .into_iter()
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        body.0.push(Block::Signature {
            text: line.to_owned(),
            date: i > 0,
        });
    }
}

fn basic(body: &mut Body, d: &Draft) {
    let name = d.display_name();
    body.heading(Level::Section, Section::Basic.heading());
    body.heading(Level::Part, format!("（一）{name}基本情况"));

    body.heading(Level::Item, "1、主要职能。");
    body.paragraph(Line::default().text("本部门主要职能是："));
    for (i, function) in d.basic.functions.iter().enumerate() {
        body.paragraphs(Line::default().text(&format!("（{}）", i + 1)), function);
    }
    body.heading(Level::Item, "2、机构情况。");
    body.paragraphs(Line::default(), &d.basic.organization);
    body.heading(Level::Item, "3、人员情况。");
    let staff = &d.basic.staff;
    body.paragraph(
        Line::default()
            .text("本部门截止")
            .value(staff.as_of.trim())
            .text("实有人数总计")
            .value(&count(&staff.total))
            .text("人，其中在职")
            .value(&count(&staff.active))
            .text("人，退休")
            .value(&count(&staff.retired))
            .text("人。"),
    );

    body.heading(
        Level::Part,
        format!(
            "（二）{name}年度整体支出绩效目标，部门专项资金绩效目标、其他项目支出（除省级专项资金以外）绩效目标"
        ),
    );
    let goals = [
        ("年度整体支出绩效目标", &d.goals.overall, true),
        ("部门专项资金绩效目标", &d.goals.special_funds, false),
        (
            "其他项目支出（除省级专项资金以外）绩效目标",
            &d.goals.other_projects,
            false,
        ),
    ];
    let shown = goals
        .into_iter()
        .filter(|(_, text, required)| *required || !is_blank(text));
    for (n, (label, text, _)) in shown.enumerate() {
        body.heading(Level::Item, format!("{}、{label}", n + 1));
        body.paragraphs(Line::default(), text);
    }
}

fn general_budget(body: &mut Body, d: &Draft) {
    let gb = &d.general_budget;
    let year = year(&d.meta.year);
    body.heading(Level::Section, Section::GeneralBudget.heading());
    body.heading(Level::Part, "（一）基本支出情况");

    let mut first = Line::default()
        .text("1、")
        .value(&year)
        .text("年预算资金")
        .amount(&gb.annual_budget);
    if !is_blank(&gb.full_year_budget) {
        first = first.text("，全年预算数").amount(&gb.full_year_budget);
    }
    body.paragraph(first.text("。"));
    body.paragraph(
        Line::default()
            .text("2、")
            .value(&year)
            .text("年度单位一般公共预算财政拨款收入")
            .amount(&gb.appropriation_income)
            .text("。"),
    );
    body.paragraph(
        Line::default()
            .text("3、")
            .value(&year)
            .text("年度单位一般公共预算财政拨款支出")
            .amount(&gb.appropriation_expense)
            .text("，其中：项目支出")
            .amount(&gb.project_expense)
            .text("，基本支出")
            .amount(&gb.basic_expense)
            .text("，其中：人员经费")
            .amount(&gb.personnel_expense)
            .text("，公用经费")
            .amount(&gb.public_expense)
            .text("。"),
    );

    body.heading(Level::Part, "（二）项目支出情况");
    let mut line = Line::default()
        .value(&year)
        .text("年度项目支出合计")
        .amount(&gb.project_expense);
    for (i, row) in gb.projects.iter().enumerate() {
        line = line
            .text(if i == 0 { "，其中：" } else { "；" })
            .text(&format!("{}.", i + 1))
            .value(row.name.trim())
            .amount(&row.amount);
    }
    body.paragraph(line.text("。"));
}

fn performance(body: &mut Body, d: &Draft) {
    let perf = &d.performance;
    body.heading(Level::Section, Section::Performance.heading());
    body.heading(Level::Part, "（一）部门整体支出绩效情况");
    for (i, point) in perf.overall.iter().enumerate() {
        let title = point.title.trim();
        let lead = if title.is_empty() {
            format!("{}、", i + 1)
        } else if ends_sentence(title) {
            format!("{}、{title}", i + 1)
        } else {
            format!("{}、{title}。", i + 1)
        };
        body.paragraphs(Line::default().text(&lead), &point.text);
    }

    body.heading(Level::Part, "（二）专项资金支出绩效情况");
    let year = year(&d.meta.year);
    let stated = perf.special_funds_stated_count.trim();
    let line = Line::default().text("本单位").value(&year);
    let line =
        match (stated.is_empty(), perf.special_funds.is_empty()) {
            (true, true) => line.text("年无专项资金。"),
            (true, false) => line.text("年专项资金情况如下："),
            (false, _) => line.text("年专项资金共").value(&count(stated)).text(
                if perf.special_funds.is_empty() {
                    "个。"
                } else {
                    "个，其中："
                },
            ),
        };
    body.paragraph(line);
    for (i, fund) in perf.special_funds.iter().enumerate() {
        special_fund(body, i, fund);
    }
}

fn special_fund(body: &mut Body, i: usize, fund: &SpecialFund) {
    let lead = Line::default()
        .text(&format!("{}是", chinese_numeral(i + 1)))
        .value(fund.name.trim())
        .text("，年初预算资金")
        .amount(&fund.initial_budget);
    let lead = match parse_amount(&fund.adjustment) {
        Ok(Some(a)) if a.is_negative() => lead
            .text("，年中执行调减")
            .value(&format!("{}万元", a.value().abs())),
        _ => lead.text("，年中执行调增").amount(&fund.adjustment),
    };
    let lead = lead
        .text("，实际支出")
        .amount(&fund.actual)
        .text("，结余结转")
        .amount(&fund.carryover)
        .text("。");
    body.paragraphs(lead, &fund.effect);
}

/// The 自评表 (`SCORECARD.md` §1 and §6): a blank header value prints the report's figure it
/// stands for; 执行率, 得分, 总分 and 等级 are computed.
fn scorecard(d: &Draft) -> ScoreTable {
    let card = &d.scorecard;
    let f = ScoreFigures::of(d);
    let (unit, rest) = d.title_parts();
    let mut t = Table::default();
    let stood = |s: Stood| s.value.map(|v| v.to_string()).unwrap_or_default();
    let points = |typed: &str| match parse_score(typed) {
        Ok(Some(a)) => a.to_string(),
        _ => typed.trim().to_owned(),
    };
    let amount = |typed: &str| match parse_amount(typed) {
        Ok(Some(a)) => a.to_string(),
        _ => typed.trim().to_owned(),
    };
    t.row(&[th("预算部门、单位名称"), td(unit).span(7)]);
    // The unit's row heads every page the table runs over, so a loose page says whose it is.
    if let Some(first) = t.0.first_mut() {
        first.repeats = true;
    }
    t.row(&[
        th("年度预算申请（万元）"),
        th("年初预算数"),
        th("全年预算数"),
        th("全年执行数"),
        th("分值"),
        th("执行率"),
        th("自评得分").span(2),
    ]);
    let rate = f.rate.map(|r| format!("{r}%")).unwrap_or_default();
    let budget_score = f.budget_score.map(|s| s.to_string()).unwrap_or_default();
    t.row(&[
        th("年度资金总额"),
        td(&stood(f.initial)),
        td(&stood(f.full_year)),
        td(&stood(f.executed)),
        td(&points(&card.budget.weight)),
        td(&rate),
        td(&budget_score).span(2),
    ]);
    let income = [
        ("一般公共预算", stood(f.income_general)),
        ("政府性基金拨款", amount(&card.income.gov_fund)),
        (
            "纳入专户管理的非税收入拨款",
            amount(&card.income.special_account),
        ),
        ("其他资金", amount(&card.income.other)),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(label, v)| format!("{label} {v}"))
    .collect::<Vec<_>>()
    .join("；");
    t.row(&[th("按收入性质分"), td(&format!("其中：{income}")).span(7)]);
    let gb = &d.general_budget;
    let spending = format!(
        "其中：基本支出 {}；项目支出 {}",
        amount(&gb.basic_expense),
        amount(&gb.project_expense)
    );
    t.row(&[th("按支出性质分"), td(&spending).span(7)]);
    if !is_blank(&card.budget.explanation) {
        t.row(&[
            th("执行率未达 90% 的原因"),
            td(card.budget.explanation.trim()).span(7),
        ]);
    }
    t.row(&[
        th("年度总体目标").rows(2),
        th("预期目标").span(4),
        th("实际完成情况").span(3),
    ]);
    t.row(&[
        td(expected_goal(d)).span(4),
        td(card.goal.actual.trim()).span(3),
    ]);
    t.row(&[
        th("一级指标"),
        th("二级指标"),
        th("三级指标"),
        th("年度指标值"),
        th("实际完成值"),
        th("分值"),
        th("得分"),
        th("偏差原因分析及改进措施"),
    ]);
    for i in &card.indicators {
        t.row(&[
            td(i.level1.trim()),
            td(i.level2.trim()),
            td(i.name.trim()),
            td(i.target.trim()),
            td(i.actual.trim()),
            td(&points(&i.weight)),
            td(&points(&i.score)),
            td(i.deviation.trim()),
        ]);
    }
    let weights = f.weights_total().map(|w| w.to_string()).unwrap_or_default();
    t.row(&[
        th("总分").span(5),
        td(&weights),
        td(&f.total_text()),
        td(&format!("自评等级：{}", f.grade.label())),
    ]);
    ScoreTable {
        title: format!("附件：{unit}{}", rest.replace("自评报告", "自评表")),
        // Sized for what the columns hold: the labels of the first, the indicators' names, the
        // figures, the deviation's text.
        widths: [11, 11, 15, 11, 11, 9, 9, 23],
        rows: t.0,
    }
}

fn th(text: &str) -> Cell {
    Cell {
        header: true,
        colspan: 1,
        rowspan: 1,
        text: text.to_owned(),
    }
}

fn td(text: &str) -> Cell {
    Cell {
        header: false,
        ..th(text)
    }
}

impl Cell {
    fn span(self, colspan: u8) -> Cell {
        Cell { colspan, ..self }
    }

    fn rows(self, rowspan: u8) -> Cell {
        Cell { rowspan, ..self }
    }
}

#[derive(Default)]
struct Table(Vec<TableRow>);

impl Table {
    fn row(&mut self, cells: &[Cell]) {
        self.0.push(TableRow {
            cells: cells.to_vec(),
            repeats: false,
        });
    }
}

/// The report's blocks as they are composed.
#[derive(Default)]
struct Body(Vec<Block>);

impl Body {
    fn heading(&mut self, level: Level, text: impl Into<String>) {
        self.0.push(Block::Heading(level, text.into()));
    }

    fn paragraph(&mut self, line: Line) {
        self.0.push(Block::Paragraph(line.0));
    }

    /// A text of one or more paragraphs, `lead` in front of the first; the last paragraph gets
    /// a full stop when it has no closing punctuation (the report prints "无。" for "无"). A blank
    /// text is the lead and a line to fill in.
    fn paragraphs(&mut self, lead: Line, text: &str) {
        let paras: Vec<&str> = paragraphs(text).collect();
        let Some(last) = paras.len().checked_sub(1) else {
            self.paragraph(lead.value(""));
            return;
        };
        let mut lead = Some(lead);
        for (i, para) in paras.into_iter().enumerate() {
            let mut line = lead.take().unwrap_or_default().text(para);
            if i == last && !ends_sentence(para) {
                line = line.text("。");
            }
            self.paragraph(line);
        }
    }
}

/// A paragraph's runs as they are composed; neighbouring texts join into one run.
#[derive(Default)]
struct Line(Vec<Run>);

impl Line {
    fn text(mut self, text: &str) -> Line {
        if text.is_empty() {
            return self;
        }
        match self.0.last_mut() {
            Some(Run::Text(last)) => last.push_str(text),
            _ => self.0.push(Run::Text(text.to_owned())),
        }
        self
    }

    /// A value from the draft; a blank one prints as a line to fill in.
    fn value(self, text: &str) -> Line {
        if text.trim().is_empty() {
            let mut line = self;
            line.0.push(Run::Blank);
            line
        } else {
            self.text(text)
        }
    }

    /// An amount as typed, normalized to ASCII (`１５．５万元` prints `15.5万元`); one that does
    /// not parse prints as typed, so the export never hides what the draft says.
    fn amount(self, typed: &str) -> Line {
        match parse_amount(typed) {
            Ok(Some(a)) => self.text(&format!("{a}万元")),
            Ok(None) => self.value("").text("万元"),
            Err(_) => self.text(typed.trim()),
        }
    }
}

/// A count as the report prints it: the number, without a unit typed after it.
fn count(typed: &str) -> String {
    match parse_count(typed) {
        Ok(Some(n)) => n.to_string(),
        _ => typed.trim().to_owned(),
    }
}

fn year(typed: &str) -> String {
    match parse_year(typed) {
        Ok(Some(y)) => y.to_string(),
        _ => typed.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_draft;

    #[test]
    fn a_blank_value_is_a_line_to_fill_in_and_texts_join() {
        let mut d = sample_draft();
        d.basic.staff.total = String::new();
        let report = compose(&d);
        let staff = report
            .body
            .iter()
            .find_map(|b| match b {
                Block::Paragraph(runs)
                    if matches!(runs.first(), Some(Run::Text(t)) if t.starts_with("本部门截止")) =>
                {
                    Some(runs.clone())
                }
                _ => None,
            })
            .expect("the staff sentence");
        assert_eq!(staff.len(), 3, "{staff:?}");
        assert_eq!(staff[1], Run::Blank);
    }

    #[test]
    fn the_unit_row_repeats_and_the_table_waits_for_a_start() {
        let report = compose(&sample_draft());
        let table = report.scorecard.expect("the sample's table is started");
        let repeating: Vec<&TableRow> = table.rows.iter().filter(|r| r.repeats).collect();
        assert_eq!(repeating.len(), 1);
        assert_eq!(repeating[0].cells[0].text, "预算部门、单位名称");
        assert!(table.rows[0].repeats);
        assert_eq!(table.widths.iter().map(|&w| u32::from(w)).sum::<u32>(), 100);
        let v1 = crate::draft_file::read_draft(crate::sample::SEED_V1_JSON).expect("v1 seed");
        assert_eq!(compose(&v1).scorecard, None);
    }
}
