//! The report as one self-contained HTML document laid out as the official document: no script,
//! no network, inline CSS with A4 print styles and the fonts of GB/T 9704 (小标宋 title, 黑体,
//! 楷体 and 仿宋 headings and body) with fallbacks.
//!
//! The wording follows the original report: for the seed draft every sentence of the seed
//! document appears in the export. Every user text is escaped.

use std::fmt::Write;

use crate::amount::{parse_amount, parse_count, parse_score, parse_year};
use crate::model::{Draft, SpecialFund};
use crate::outline::Section;
use crate::scorecard::{expected_goal, is_started, ScoreFigures, Stood};
use crate::text::{chinese_numeral, ends_sentence, is_blank, paragraphs};

const STYLE: &str = include_str!("report.css");

/// Scripts, frames, forms, network: nothing but inline styles is allowed in the document.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Renders the report. This is exactly what the app downloads and `selfeval export --html` writes.
pub fn render_html(draft: &Draft) -> String {
    let mut doc = Doc::default();
    let title = draft.title();
    doc.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    doc.raw(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
    ));
    doc.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    doc.raw("<meta name=\"generator\" content=\"selfeval\">\n<title>");
    doc.text(&title);
    doc.raw("</title>\n<style>\n");
    doc.raw(STYLE);
    doc.raw("</style>\n</head>\n<body>\n");
    article(&mut doc, draft);
    doc.raw("</body>\n</html>\n");
    doc.out
}

/// The report's style sheet (A4 pages, the official fonts), as the document carries it.
pub fn report_style() -> &'static str {
    STYLE
}

/// The report itself, `<article class="report">`, as in the document: the app puts it on the
/// page it prints, with [`report_style`].
pub fn render_article(draft: &Draft) -> String {
    let mut doc = Doc::default();
    article(&mut doc, draft);
    doc.out
}

fn article(doc: &mut Doc, draft: &Draft) {
    doc.raw("<article class=\"report\">\n<h1>");
    // Each part on a line of its own when the title does not fit on one.
    let (unit, rest) = draft.title_parts();
    for part in [unit, &rest].into_iter().filter(|p| !p.is_empty()) {
        doc.raw("<span class=\"title-part\">");
        doc.text(part);
        doc.raw("</span>");
    }
    doc.raw("</h1>\n");

    basic(doc, draft);
    general_budget(doc, draft);
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
        doc.heading(2, &section.heading());
        doc.paragraphs("", text);
    }
    performance(doc, draft);
    for (section, text) in [
        (Section::Problems, &draft.problems),
        (Section::Improvements, &draft.improvements),
        (Section::ResultUse, &draft.result_use),
        (Section::Other, &draft.other),
    ] {
        doc.heading(2, &section.heading());
        doc.paragraphs("", text);
    }
    signature(doc, draft);
    if is_started(draft) {
        scorecard(doc, draft);
    }
    doc.raw("</article>\n");
}

/// 落款: the unit's name and, when given, the date, at the report's end on the right.
fn signature(doc: &mut Doc, d: &Draft) {
    let unit = d.meta.department.trim();
    let date = d.meta.date.trim();
    if unit.is_empty() && date.is_empty() {
        return;
    }
    for (i, line) in [unit, date]
        .into_iter()
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        doc.raw(if i == 0 {
            "<p class=\"signature\">"
        } else {
            "<p class=\"signature date\">"
        });
        doc.text(line);
        doc.close_p();
    }
}

/// The 自评表 (`SCORECARD.md` §1 and §6), on a page of its own after the report: a blank header
/// value prints the report's figure it stands for; 执行率, 得分, 总分 and 等级 are computed.
fn scorecard(doc: &mut Doc, d: &Draft) {
    let card = &d.scorecard;
    let f = ScoreFigures::of(d);
    let (unit, rest) = d.title_parts();
    let title = format!("{unit}{}", rest.replace("自评报告", "自评表"));
    doc.raw("<section class=\"scorecard\">\n<h2 class=\"attachment\">");
    doc.text(&format!("附件：{title}"));
    // Eight columns, sized for what they hold (the labels of the first, the indicators' names,
    // the figures, the deviation's text).
    doc.raw("</h2>\n<table>\n<colgroup>");
    for width in [11, 11, 15, 11, 11, 9, 9, 23] {
        let _ = write!(doc.out, "<col style=\"width:{width}%\">");
    }
    doc.raw("</colgroup>\n");
    let cell = |doc: &mut Doc, tag: &str, span: u8, text: &str| {
        let _ = if span > 1 {
            write!(doc.out, "<{tag} colspan=\"{span}\">")
        } else {
            write!(doc.out, "<{tag}>")
        };
        doc.text(text);
        let _ = write!(doc.out, "</{tag}>");
    };
    let stood = |s: Stood| s.value.map(|v| v.to_string()).unwrap_or_default();
    let points = |typed: &str| match parse_score(typed) {
        Ok(Some(a)) => a.to_string(),
        _ => typed.trim().to_owned(),
    };
    let amount = |typed: &str| match parse_amount(typed) {
        Ok(Some(a)) => a.to_string(),
        _ => typed.trim().to_owned(),
    };
    let row = |doc: &mut Doc, cells: &[(&str, u8, &str)]| {
        doc.raw("<tr>");
        for (tag, span, text) in cells {
            cell(doc, tag, *span, text);
        }
        doc.raw("</tr>\n");
    };
    row(doc, &[("th", 1, "预算部门、单位名称"), ("td", 7, unit)]);
    row(
        doc,
        &[
            ("th", 1, "年度预算申请（万元）"),
            ("th", 1, "年初预算数"),
            ("th", 1, "全年预算数"),
            ("th", 1, "全年执行数"),
            ("th", 1, "分值"),
            ("th", 1, "执行率"),
            ("th", 2, "自评得分"),
        ],
    );
    let rate = f.rate.map(|r| format!("{r}%")).unwrap_or_default();
    let budget_score = f.budget_score.map(|s| s.to_string()).unwrap_or_default();
    row(
        doc,
        &[
            ("th", 1, "年度资金总额"),
            ("td", 1, &stood(f.initial)),
            ("td", 1, &stood(f.full_year)),
            ("td", 1, &stood(f.executed)),
            ("td", 1, &points(&card.budget.weight)),
            ("td", 1, &rate),
            ("td", 2, &budget_score),
        ],
    );
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
    row(
        doc,
        &[
            ("th", 1, "按收入性质分"),
            ("td", 7, &format!("其中：{income}")),
        ],
    );
    let gb = &d.general_budget;
    let spending = format!(
        "其中：基本支出 {}；项目支出 {}",
        amount(&gb.basic_expense),
        amount(&gb.project_expense)
    );
    row(doc, &[("th", 1, "按支出性质分"), ("td", 7, &spending)]);
    if !is_blank(&card.budget.explanation) {
        row(
            doc,
            &[
                ("th", 1, "执行率未达 90% 的原因"),
                ("td", 7, card.budget.explanation.trim()),
            ],
        );
    }
    let expected = expected_goal(d);
    doc.raw("<tr><th rowspan=\"2\">年度总体目标</th><th colspan=\"4\">预期目标</th><th colspan=\"3\">实际完成情况</th></tr>\n<tr>");
    cell(doc, "td", 4, expected);
    cell(doc, "td", 3, card.goal.actual.trim());
    doc.raw("</tr>\n");
    row(
        doc,
        &[
            ("th", 1, "一级指标"),
            ("th", 1, "二级指标"),
            ("th", 1, "三级指标"),
            ("th", 1, "年度指标值"),
            ("th", 1, "实际完成值"),
            ("th", 1, "分值"),
            ("th", 1, "得分"),
            ("th", 1, "偏差原因分析及改进措施"),
        ],
    );
    for i in &card.indicators {
        row(
            doc,
            &[
                ("td", 1, i.level1.trim()),
                ("td", 1, i.level2.trim()),
                ("td", 1, i.name.trim()),
                ("td", 1, i.target.trim()),
                ("td", 1, i.actual.trim()),
                ("td", 1, &points(&i.weight)),
                ("td", 1, &points(&i.score)),
                ("td", 1, i.deviation.trim()),
            ],
        );
    }
    let weights = f.weights_total().map(|w| w.to_string()).unwrap_or_default();
    row(
        doc,
        &[
            ("th", 5, "总分"),
            ("td", 1, &weights),
            ("td", 1, &f.total_text()),
            ("td", 1, &format!("自评等级：{}", f.grade.label())),
        ],
    );
    doc.raw("</table>\n</section>\n");
}

fn basic(doc: &mut Doc, d: &Draft) {
    let name = d.display_name();
    doc.heading(2, &Section::Basic.heading());
    doc.heading(3, &format!("（一）{name}基本情况"));

    doc.heading(4, "1、主要职能。");
    doc.paragraph_text("本部门主要职能是：");
    for (i, function) in d.basic.functions.iter().enumerate() {
        doc.paragraphs(&format!("（{}）", i + 1), function);
    }
    doc.heading(4, "2、机构情况。");
    doc.paragraphs("", &d.basic.organization);
    doc.heading(4, "3、人员情况。");
    let staff = &d.basic.staff;
    doc.open_p();
    doc.text("本部门截止");
    doc.value(staff.as_of.trim());
    doc.text("实有人数总计");
    doc.value(&count(&staff.total));
    doc.text("人，其中在职");
    doc.value(&count(&staff.active));
    doc.text("人，退休");
    doc.value(&count(&staff.retired));
    doc.text("人。");
    doc.close_p();

    doc.heading(
        3,
        &format!(
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
        doc.heading(4, &format!("{}、{label}", n + 1));
        doc.paragraphs("", text);
    }
}

fn general_budget(doc: &mut Doc, d: &Draft) {
    let gb = &d.general_budget;
    let year = year(&d.meta.year);
    doc.heading(2, &Section::GeneralBudget.heading());
    doc.heading(3, "（一）基本支出情况");

    doc.open_p();
    doc.text("1、");
    doc.value(&year);
    doc.text("年预算资金");
    doc.amount(&gb.annual_budget);
    if !is_blank(&gb.full_year_budget) {
        doc.text("，全年预算数");
        doc.amount(&gb.full_year_budget);
    }
    doc.text("。");
    doc.close_p();

    doc.open_p();
    doc.text("2、");
    doc.value(&year);
    doc.text("年度单位一般公共预算财政拨款收入");
    doc.amount(&gb.appropriation_income);
    doc.text("。");
    doc.close_p();

    doc.open_p();
    doc.text("3、");
    doc.value(&year);
    doc.text("年度单位一般公共预算财政拨款支出");
    doc.amount(&gb.appropriation_expense);
    doc.text("，其中：项目支出");
    doc.amount(&gb.project_expense);
    doc.text("，基本支出");
    doc.amount(&gb.basic_expense);
    doc.text("，其中：人员经费");
    doc.amount(&gb.personnel_expense);
    doc.text("，公用经费");
    doc.amount(&gb.public_expense);
    doc.text("。");
    doc.close_p();

    doc.heading(3, "（二）项目支出情况");
    doc.open_p();
    doc.value(&year);
    doc.text("年度项目支出合计");
    doc.amount(&gb.project_expense);
    for (i, row) in gb.projects.iter().enumerate() {
        doc.text(if i == 0 { "，其中：" } else { "；" });
        doc.text(&format!("{}.", i + 1));
        doc.value(row.name.trim());
        doc.amount(&row.amount);
    }
    doc.text("。");
    doc.close_p();
}

fn performance(doc: &mut Doc, d: &Draft) {
    let perf = &d.performance;
    doc.heading(2, &Section::Performance.heading());
    doc.heading(3, "（一）部门整体支出绩效情况");
    for (i, point) in perf.overall.iter().enumerate() {
        let title = point.title.trim();
        let lead = if title.is_empty() {
            format!("{}、", i + 1)
        } else if ends_sentence(title) {
            format!("{}、{title}", i + 1)
        } else {
            format!("{}、{title}。", i + 1)
        };
        doc.paragraphs(&lead, &point.text);
    }

    doc.heading(3, "（二）专项资金支出绩效情况");
    let year = year(&d.meta.year);
    let stated = perf.special_funds_stated_count.trim();
    doc.open_p();
    doc.text("本单位");
    doc.value(&year);
    match (stated.is_empty(), perf.special_funds.is_empty()) {
        (true, true) => doc.text("年无专项资金。"),
        (true, false) => doc.text("年专项资金情况如下："),
        (false, _) => {
            doc.text("年专项资金共");
            doc.value(&count(stated));
            doc.text(if perf.special_funds.is_empty() {
                "个。"
            } else {
                "个，其中："
            });
        }
    }
    doc.close_p();
    for (i, fund) in perf.special_funds.iter().enumerate() {
        special_fund(doc, i, fund);
    }
}

fn special_fund(doc: &mut Doc, i: usize, fund: &SpecialFund) {
    let mut lead = Doc::default();
    lead.text(&format!("{}是", chinese_numeral(i + 1)));
    lead.value(fund.name.trim());
    lead.text("，年初预算资金");
    lead.amount(&fund.initial_budget);
    match parse_amount(&fund.adjustment) {
        Ok(Some(a)) if a.is_negative() => {
            lead.text("，年中执行调减");
            lead.value(&format!("{}万元", a.value().abs()));
        }
        _ => {
            lead.text("，年中执行调增");
            lead.amount(&fund.adjustment);
        }
    }
    lead.text("，实际支出");
    lead.amount(&fund.actual);
    lead.text("，结余结转");
    lead.amount(&fund.carryover);
    lead.text("。");
    doc.paragraphs_after_markup(&lead.out, &fund.effect);
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

/// The HTML being written. Every method that takes user text escapes it.
#[derive(Default)]
struct Doc {
    out: String,
}

impl Doc {
    fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// A value from the draft; a blank one prints as a line to fill in.
    fn value(&mut self, text: &str) {
        if text.trim().is_empty() {
            self.raw("<span class=\"blank\">\u{3000}\u{3000}\u{3000}</span>");
        } else {
            self.text(text);
        }
    }

    /// An amount as typed, normalized to ASCII (`１５．５万元` prints `15.5万元`); one that does
    /// not parse prints as typed, so the export never hides what the draft says.
    fn amount(&mut self, typed: &str) {
        match parse_amount(typed) {
            Ok(Some(a)) => self.text(&format!("{a}万元")),
            Ok(None) => {
                self.value("");
                self.text("万元");
            }
            Err(_) => self.text(typed.trim()),
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let _ = write!(self.out, "<h{level}>");
        self.text(text);
        let _ = writeln!(self.out, "</h{level}>");
    }

    fn open_p(&mut self) {
        self.raw("<p>");
    }

    fn close_p(&mut self) {
        self.raw("</p>\n");
    }

    fn paragraph_text(&mut self, text: &str) {
        self.open_p();
        self.text(text);
        self.close_p();
    }

    /// A text of one or more paragraphs, `lead` in front of the first; the last paragraph gets
    /// a full stop when it has no closing punctuation (the report prints "无。" for "无").
    fn paragraphs(&mut self, lead: &str, text: &str) {
        let mut escaped = String::new();
        escape_into(&mut escaped, lead);
        self.paragraphs_after_markup(&escaped, text);
    }

    fn paragraphs_after_markup(&mut self, lead_html: &str, text: &str) {
        let paras: Vec<&str> = paragraphs(text).collect();
        if paras.is_empty() {
            self.open_p();
            self.raw(lead_html);
            self.value("");
            self.close_p();
            return;
        }
        let last = paras.len() - 1;
        for (i, para) in paras.into_iter().enumerate() {
            self.open_p();
            if i == 0 {
                self.raw(lead_html);
            }
            self.text(para);
            if i == last && !ends_sentence(para) {
                self.text("。");
            }
            self.close_p();
        }
    }
}

/// Escapes text for HTML element content and attribute values; direction controls are shown as
/// `<U+202E>` rather than obeyed (see `text::show_direction_controls`).
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in crate::text::show_direction_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
