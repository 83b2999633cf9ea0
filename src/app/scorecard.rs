//! The parts of the 自评表's section that are not typed: the computed lines (执行率 and its
//! score, 按支出性质分, each indicator's computed score), 按模板新建 and the 总分 bar. Every figure
//! and its wording comes from the core (`crate::scorecard::ScoreFigures`).

use leptos::prelude::*;

use super::state::AppState;
use crate::outline::{IndicatorField, List, Path};

/// A computed line of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ScoreLine {
    /// 执行率 and its 得分, beside the budget's 分值.
    Budget,
    /// 按支出性质分, from 二（一）.
    Spending,
}

#[component]
pub fn ScoreLine(line: ScoreLine) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Memo::new(move |_| {
        state.score().with(|s| match line {
            ScoreLine::Budget => s.budget_text(),
            ScoreLine::Spending => s.spending_text(),
        })
    });
    let class = match line {
        ScoreLine::Budget => "computed score-budget",
        ScoreLine::Spending => "computed score-spending",
    };
    view! { <p class=class aria-live="polite">{text}</p> }
}

/// 按模板新建, offered while the table has no indicator rows.
#[component]
pub fn ScoreStart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = state.row_count(List::Indicators);
    let start = move |_| {
        state.start_scorecard();
        super::rows::focus_when_drawn(
            super::rows::Target::Field(Path::Indicator(0, IndicatorField::Level2)),
            10,
        );
    };
    view! {
        <div class="score-start" hidden=move || { rows.get() > 0 }>
            <p>
                "自评表与报告一同报送：按预算执行率和绩效指标打分，满分 100 分。"
                "不填写自评表时，本部分不检查、不导出。"
            </p>
            <button type="button" id="score-template" on:click=start>
                "按模板新建（产出、效益、满意度各一项，预算执行率 10 分）"
            </button>
        </div>
    }
}

/// The computed score of the indicator at `row`, beside its typed 得分 (nothing when its figures
/// are not comparable).
#[component]
pub fn ComputedScore(row: Memo<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Memo::new(move |_| state.score().with(|s| s.computed_text(row.get())));
    view! {
        <p class="computed score-computed" data-row=row hidden=move || text.with(Option::is_none)>
            {move || text.get().unwrap_or_default()}
        </p>
    }
}

/// 总分 and 自评等级, at the foot of the table and kept in view while the table is on screen.
#[component]
pub fn ScoreTotal() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Memo::new(move |_| state.score().with(|s| s.summary()));
    view! { <p class="score-total" id="score-total" role="status">{text}</p> }
}
