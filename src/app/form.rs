//! The report as a form: every field of the outline under its section heading, in the order
//! of the document. The form is a table of items drawn by one loop, which keeps the code (and the
//! wasm) small and the order easy to check against the outline.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::dom::{document, keep_in_place, path_of, section_id, target_element};
use super::field::Field;
use super::later::{draw_in_turn, draw_the_rest};
use super::rows::Rows;
use super::scorecard::{ComputedScore, ScoreLine, ScoreStart, ScoreTotal};
use super::state::{AppState, At};
use crate::checks::sums::COUNT_SPECIAL_FUNDS;
use crate::outline::{FundField, IndicatorField, List, Path, PointField, ProjectField, Section};

/// One field as the form shows it.
#[derive(Clone, Copy)]
struct FieldSpec {
    path: Path,
    optional: bool,
    hint: &'static str,
    /// A label other than the outline's.
    label: Option<&'static str>,
    /// Shows what the field stands for when blank (the 自评表's header).
    stands_for: bool,
}

const fn field(path: Path) -> FieldSpec {
    FieldSpec {
        path,
        optional: false,
        hint: "",
        label: None,
        stands_for: false,
    }
}

const fn hinted(path: Path, hint: &'static str) -> FieldSpec {
    FieldSpec {
        path,
        optional: false,
        hint,
        label: None,
        stands_for: false,
    }
}

const fn optional(path: Path, hint: &'static str) -> FieldSpec {
    FieldSpec {
        path,
        optional: true,
        hint,
        label: None,
        stands_for: false,
    }
}

const fn labelled(path: Path, label: &'static str) -> FieldSpec {
    FieldSpec {
        path,
        optional: false,
        hint: "",
        label: Some(label),
        stands_for: false,
    }
}

/// An optional field of the 自评表 that takes the report's value when blank.
const fn standing(path: Path, label: Option<&'static str>) -> FieldSpec {
    FieldSpec {
        path,
        optional: true,
        hint: "不填时取报告中的数",
        label,
        stands_for: true,
    }
}

enum Item {
    Heading(&'static str),
    Subheading(&'static str),
    /// A line of help for what follows.
    Hint(&'static str),
    Field(FieldSpec),
    /// Short fields side by side.
    Group(&'static [FieldSpec]),
    Rows(List),
    /// 专项资金个数, with 按行数填入 when it differs from the rows.
    StatedFundCount(FieldSpec),
    /// A line of the 自评表's figures, computed, not typed.
    ScoreLine(ScoreLine),
    /// 按模板新建, while the table has no rows.
    ScoreStart,
    /// 总分 and 自评等级, kept in view while the table is.
    ScoreTotal,
}

const NONE_HINT: &str = "没有时填“无”";

const FORM: &[(Section, &[Item])] = &[
    (
        Section::Meta,
        &[
            Item::Field(field(Path::Department)),
            Item::Field(optional(
                Path::ShortName,
                "报告标题中的小标题使用简称，如“区信访局”",
            )),
            Item::Field(hinted(Path::Year, "四位年份，如 2024")),
            Item::Field(optional(
                Path::Date,
                "报告末尾落款的日期，如“2025年3月15日”；不填时只落单位名称",
            )),
        ],
    ),
    (
        Section::Basic,
        &[
            Item::Heading("（一）基本情况"),
            Item::Subheading("1、主要职能"),
            Item::Rows(List::Functions),
            Item::Subheading("2、机构情况"),
            Item::Field(field(Path::Organization)),
            Item::Subheading("3、人员情况"),
            Item::Group(&[
                optional(Path::StaffAsOf, "如“2024年12月底”"),
                field(Path::StaffTotal),
                field(Path::StaffActive),
                field(Path::StaffRetired),
            ]),
            Item::Heading("（二）绩效目标"),
            Item::Field(hinted(
                Path::GoalsOverall,
                "宜写明可衡量的目标（数量、比例、时限）",
            )),
            Item::Field(optional(Path::GoalsSpecialFunds, "")),
            Item::Field(optional(Path::GoalsOtherProjects, "")),
        ],
    ),
    (
        Section::GeneralBudget,
        &[
            Item::Heading("（一）预算收支"),
            Item::Group(&[
                field(Path::AnnualBudget),
                optional(
                    Path::FullYearBudget,
                    "不填时按“预算资金 + 专项资金年中调整”计算",
                ),
                field(Path::AppropriationIncome),
                field(Path::AppropriationExpense),
            ]),
            Item::Group(&[
                labelled(Path::ProjectExpense, "其中：项目支出"),
                labelled(Path::BasicExpense, "其中：基本支出"),
                labelled(Path::PersonnelExpense, "基本支出中：人员经费"),
                labelled(Path::PublicExpense, "基本支出中：公用经费"),
            ]),
            Item::Heading("（二）项目支出明细"),
            Item::Rows(List::Projects),
        ],
    ),
    (
        Section::GovFundBudget,
        &[Item::Field(hinted(Path::GovFundBudget, NONE_HINT))],
    ),
    (
        Section::StateCapitalBudget,
        &[Item::Field(hinted(Path::StateCapitalBudget, NONE_HINT))],
    ),
    (
        Section::SocialInsuranceBudget,
        &[Item::Field(hinted(Path::SocialInsuranceBudget, NONE_HINT))],
    ),
    (
        Section::Performance,
        &[
            Item::Heading("（一）部门整体支出绩效情况"),
            Item::Rows(List::Points),
            Item::Heading("（二）专项资金支出绩效情况"),
            Item::StatedFundCount(hinted(Path::StatedFundCount, "报告中“专项资金共N个”的N")),
            Item::Rows(List::Funds),
        ],
    ),
    (Section::Problems, &[Item::Field(field(Path::Problems))]),
    (
        Section::Improvements,
        &[Item::Field(field(Path::Improvements))],
    ),
    (Section::ResultUse, &[Item::Field(field(Path::ResultUse))]),
    (
        Section::Other,
        &[Item::Field(hinted(Path::Other, NONE_HINT))],
    ),
    (
        Section::Scorecard,
        &[
            Item::ScoreStart,
            Item::Heading("年度预算申请（万元）"),
            Item::Group(&[
                standing(Path::ScoreInitial, None),
                standing(Path::ScoreFullYear, Some("全年预算数")),
                standing(Path::ScoreExecuted, None),
                labelled(Path::ScoreWeight, "分值（预算执行率）"),
            ]),
            Item::ScoreLine(ScoreLine::Budget),
            Item::Field(optional(Path::ScoreExplanation, "执行率低于 90% 时必须说明")),
            Item::Heading("按收入性质分"),
            Item::Group(&[
                standing(Path::IncomeGeneral, None),
                optional(Path::IncomeGovFund, ""),
                optional(Path::IncomeSpecialAccount, ""),
                optional(Path::IncomeOther, ""),
            ]),
            Item::Heading("按支出性质分"),
            Item::ScoreLine(ScoreLine::Spending),
            Item::Heading("年度总体目标"),
            Item::Field(FieldSpec {
                hint: "不填时取一（二）的年度整体支出绩效目标",
                ..standing(Path::GoalExpected, None)
            }),
            Item::Field(field(Path::GoalActual)),
            Item::Heading("绩效指标"),
            Item::Hint(
                "一级指标的分值原则上为产出 50 分、效益 30 分、满意度 10 分（另有预算执行率 10 分），可按实际调整。\
                 年度指标值写成可衡量的数值，如“≥9次”“100%”“≤30万元”；未完成的指标按完成比例计算得分。",
            ),
            Item::Rows(List::Indicators),
            Item::ScoreTotal,
        ],
    ),
];

/// The fields of row `i` of a list: first line, a group of amounts, last line.
fn row_items(list: List, i: usize) -> (Vec<FieldSpec>, Vec<FieldSpec>, Vec<FieldSpec>) {
    match list {
        List::Functions => (
            vec![labelled(Path::Function(i), "职能内容")],
            vec![],
            vec![],
        ),
        List::Projects => (
            vec![],
            vec![
                field(Path::Project(i, ProjectField::Name)),
                field(Path::Project(i, ProjectField::Amount)),
            ],
            vec![],
        ),
        List::Points => (
            vec![
                optional(Path::Point(i, PointField::Title), ""),
                field(Path::Point(i, PointField::Text)),
            ],
            vec![],
            vec![],
        ),
        List::Indicators => {
            let at = |f| Path::Indicator(i, f);
            (
                vec![],
                vec![
                    field(at(IndicatorField::Level1)),
                    field(at(IndicatorField::Level2)),
                ],
                vec![field(at(IndicatorField::Name))],
            )
        }
        List::Funds => (
            vec![field(Path::Fund(i, FundField::Name))],
            vec![
                field(Path::Fund(i, FundField::InitialBudget)),
                hinted(Path::Fund(i, FundField::Adjustment), "调减填负数"),
                field(Path::Fund(i, FundField::Actual)),
                field(Path::Fund(i, FundField::Carryover)),
            ],
            vec![field(Path::Fund(i, FundField::Effect))],
        ),
    }
}

fn field_view(spec: FieldSpec) -> AnyView {
    at_view(spec, spec.path.into())
}

/// A field whose path may change (a row's field follows its row's place).
fn at_view(spec: FieldSpec, path: At) -> AnyView {
    let placeholder = spec.stands_for.then(|| {
        let state = expect_context::<AppState>();
        let shown = Memo::new(move |_| {
            let path = path.get();
            state.draft().with(|d| {
                state
                    .score()
                    .with(|s| s.placeholder(d, path).unwrap_or_default())
            })
        });
        Signal::from(shown)
    });
    view! {
        <Field
            path=path
            optional=spec.optional
            hint=spec.hint
            label=spec.label
            placeholder=placeholder
        />
    }
    .into_any()
}

/// The fields of a row, at the row's place `at`.
fn row_fields_view(specs: Vec<FieldSpec>, at: Memo<usize>) -> AnyView {
    specs
        .into_iter()
        .map(|spec| at_view(spec, At::in_row(spec.path, at)))
        .collect_view()
        .into_any()
}

fn row_group_view(specs: Vec<FieldSpec>, at: Memo<usize>) -> AnyView {
    if specs.is_empty() {
        return ().into_any();
    }
    view! { <div class="field-group">{row_fields_view(specs, at)}</div> }.into_any()
}

fn group_view(specs: Vec<FieldSpec>) -> AnyView {
    if specs.is_empty() {
        return ().into_any();
    }
    view! { <div class="field-group">{specs.into_iter().map(field_view).collect_view()}</div> }
        .into_any()
}

/// The row at place `at` of a list, for [`Rows`]; its fields follow the place when rows move.
pub fn row_view(list: List, at: Memo<usize>) -> AnyView {
    if list == List::Indicators {
        return indicator_view(at);
    }
    let (first, group, last) = row_items(list, 0);
    (
        row_fields_view(first, at),
        row_group_view(group, at),
        row_fields_view(last, at),
    )
        .into_any()
}

/// An indicator row of the 自评表: its levels and name, its figures with the computed score
/// beside the typed one, and the deviation.
fn indicator_view(at: Memo<usize>) -> AnyView {
    let (_, levels, name) = row_items(List::Indicators, 0);
    let of = |f| Path::Indicator(0, f);
    let figures = vec![
        field(of(IndicatorField::Target)),
        field(of(IndicatorField::Actual)),
        field(of(IndicatorField::Weight)),
        field(of(IndicatorField::Score)),
    ];
    (
        row_group_view(levels, at),
        row_fields_view(name, at),
        row_group_view(figures, at),
        view! { <ComputedScore row=at /> },
        row_fields_view(
            vec![optional(of(IndicatorField::Deviation), "扣分时必须填写")],
            at,
        ),
    )
        .into_any()
}

fn item_view(item: &Item) -> AnyView {
    match item {
        Item::Heading(text) => view! { <h3>{*text}</h3> }.into_any(),
        Item::Subheading(text) => view! { <h4>{*text}</h4> }.into_any(),
        Item::Hint(text) => view! { <p class="hint">{*text}</p> }.into_any(),
        Item::Field(spec) => field_view(*spec),
        Item::Group(specs) => group_view(specs.to_vec()),
        Item::Rows(list) => view! { <Rows list=*list /> }.into_any(),
        Item::StatedFundCount(spec) => view! {
            <div class="with-action">{field_view(*spec)}<FillFromRows path=spec.path /></div>
        }
        .into_any(),
        Item::ScoreLine(line) => view! { <ScoreLine line=*line /> }.into_any(),
        Item::ScoreStart => view! { <ScoreStart /> }.into_any(),
        Item::ScoreTotal => view! { <ScoreTotal /> }.into_any(),
    }
}

/// 按行数填入: offered while the stated number of special funds differs from the rows (the
/// checker's `count.special_funds` finding is showing), it puts the number of rows in.
#[component]
fn FillFromRows(path: Path) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings_at(path.into());
    let rows = state.row_count(List::Funds);
    let differs = Memo::new(move |_| findings().iter().any(|f| f.rule == COUNT_SPECIAL_FUNDS));
    view! {
        <button
            type="button"
            class="small fill-from-rows"
            hidden=move || !differs.get()
            on:click=move |_| state.fill(path, rows.get_untracked().to_string())
        >
            {move || format!("按行数填入（{}）", rows.get())}
        </button>
    }
}

/// Draws a section's fields under its heading (the form has the heading from the start).
fn draw_section(section: Section) {
    let Some((_, items)) = FORM.iter().find(|(s, _)| *s == section) else {
        return;
    };
    let body = document()
        .and_then(|d| d.get_element_by_id(&section_id(section)))
        .and_then(|heading| heading.parent_element())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(body) = body {
        let drawn =
            leptos::mount::mount_to(body, move || items.iter().map(item_view).collect_view());
        // The fields stay as long as the form, which stays as long as the page.
        std::mem::forget(drawn);
    }
}

#[component]
pub fn ReportForm() -> impl IntoView {
    let sections = FORM.iter().map(|(section, _)| {
        view! {
            <section class="report-section" aria-labelledby=section_id(*section)>
                <h2 id=section_id(*section) tabindex="-1">{section.heading()}</h2>
            </section>
        }
    });
    let done = RwSignal::new(false);
    draw_in_turn(FORM.iter().map(|(s, _)| *s).collect(), draw_section, done);
    let state = expect_context::<AppState>();
    // Where the user is decides what of the findings shows (`crate::shown`); the field the focus
    // goes to stays where it is on the screen when messages appear or go.
    let on_focus_in = move |ev: web_sys::FocusEvent| {
        draw_the_rest();
        if let Some(path) = path_of(ev.target()) {
            keep_in_place(target_element(&ev), || state.enter(path));
        }
    };
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        if let Some(path) = path_of(ev.target()) {
            let next = ev.related_target().and_then(|t| t.dyn_into().ok());
            keep_in_place(next, || state.leave(path));
        }
    };
    // Sections off the screen are not drawn while the user types (`content-visibility`), once
    // each has been built and drawn for the draft on screen (again when it is replaced), so that
    // its size is known (the style sheet keeps it with `contain-intrinsic-size: auto`) and going
    // to a field lands where it should.
    let sized = RwSignal::new(false);
    Effect::new(move |_| {
        state.track_replaced();
        sized.set(false);
        if done.get() {
            request_animation_frame(move || request_animation_frame(move || sized.set(true)));
        }
    });
    view! {
        <form
            class="report-form"
            class:sized=move || sized.get()
            on:submit=|ev| ev.prevent_default()
            on:focusin=on_focus_in
            on:focusout=on_focus_out
            autocomplete="off"
        >
            {sections.collect_view()}
        </form>
    }
}
