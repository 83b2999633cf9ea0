//! A list of rows (主要职能, 项目支出明细, 六（一） points, special funds) that can be added,
//! removed and moved.

use leptos::prelude::*;

use super::dom::{field_id, focus_css, focus_field};
use super::field::FieldMessages;
use super::form::row_view;
use super::state::AppState;
use crate::outline::List;
use crate::outline::Path;

/// The rows of `list`, each with buttons to move and remove it, and one to add a row at the end.
/// Rows are keyed (`AppState::row_keys`): adding, removing or moving one leaves the others'
/// elements as they are, and a moved row's elements move with it.
///
/// Focus stays with the user's work: a moved row's button keeps the focus in the row's new
/// place (so pressing it again moves the row on), a removal leaves the focus on the row before
/// (or the list's 添加 button), never on another 删除, and the undo is offered where the row was.
#[component]
pub fn Rows(list: List) -> impl IntoView {
    let state = expect_context::<AppState>();
    let keys = state.row_keys(list);
    let count = state.row_count(list);
    let noun = list.row_noun();
    let add = move |_| {
        state.add_row(list);
        // Bring the new row's first field up once it is drawn.
        let last = count.get_untracked().saturating_sub(1);
        focus_when_drawn(Target::Field(list.first_field(last)), 10);
    };
    let move_row = move |i: usize, up: bool| {
        state.move_row(list, i, up);
        let to = if up { i.saturating_sub(1) } else { i + 1 };
        focus_when_drawn(Target::MoveButton { list, row: to, up }, 10);
    };
    let remove = move |i: usize| {
        state.remove_row(list, i);
        let left = count.get_untracked();
        let target = match i.checked_sub(1) {
            Some(before) => Target::Field(list.first_field(before)),
            None if left > 0 => Target::Field(list.first_field(0)),
            None => Target::AddButton(list),
        };
        focus_when_drawn(target, 10);
    };
    // The undo of a removal from this list. One element for the list, put where the row was
    // by its flex `order` (the row at place i has 2i + 1, the undo 2 × its place), so that the
    // undo needs nothing of the rows.
    let undo = move || {
        let at = state
            .removed()
            .with(|r| r.as_ref().filter(|r| r.list == list).map(|r| r.at));
        at.map(|at| view! { <UndoRemove list=list at=at /> })
    };
    view! {
        <div class="rows" id=field_id(list.path()) tabindex="-1" data-path=list.path().to_string()>
            <FieldMessages path=list.path() />
            <For
                each=move || keys.get()
                key=|key| *key
                children=move |key| {
                    // The row's place: it changes when rows before it are removed or it moves.
                    let at = Memo::new(move |_| {
                        keys.with(|keys| keys.iter().position(|k| *k == key).unwrap_or_default())
                    });
                    let is_last = move || at.get() + 1 >= count.get();
                    view! {
                        <fieldset
                            class="row"
                            data-row=move || at.get()
                            style=move || format!("order:{}", 2 * at.get() + 1)
                        >
                            <legend>{move || format!("{noun} {}", at.get() + 1)}</legend>
                            <div class="row-fields">{row_view(list, at)}</div>
                            <div class="row-actions">
                                <button
                                    type="button"
                                    class="small"
                                    data-action="up"
                                    disabled=move || at.get() == 0
                                    on:click=move |_| move_row(at.get_untracked(), true)
                                >
                                    "上移"
                                </button>
                                <button
                                    type="button"
                                    class="small"
                                    data-action="down"
                                    disabled=is_last
                                    on:click=move |_| move_row(at.get_untracked(), false)
                                >
                                    "下移"
                                </button>
                                <button
                                    type="button"
                                    class="small danger"
                                    data-action="remove"
                                    on:click=move |_| remove(at.get_untracked())
                                >
                                    {move || format!("删除{noun} {}", at.get() + 1)}
                                </button>
                            </div>
                        </fieldset>
                    }
                }
            />
            {undo}
            <RowTotal list=list />
            <button type="button" class="add-row" data-add=list.path().to_string() on:click=add>
                {format!("＋ 添加{noun}")}
            </button>
        </div>
    }
}

/// The rows' amounts added up, under them (for 项目支出明细 and the special funds): the core's
/// `Figures::row_total`, shown, not typed.
#[component]
fn RowTotal(list: List) -> impl IntoView {
    let state = expect_context::<AppState>();
    let total = Memo::new(move |_| state.figures().with(|f| f.row_total(list)));
    view! {
        <p class="row-total" data-total=list.path().to_string() hidden=move || total.with(Option::is_none)>
            {move || total.get().unwrap_or_default()}
        </p>
    }
}

/// 撤销删除, where the removed row was, announced to screen readers.
#[component]
fn UndoRemove(list: List, at: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let what = state.removed().with_untracked(|r| {
        r.as_ref()
            .map(|r| format!("已删除{}。", r.what))
            .unwrap_or_default()
    });
    let undo = move |_| {
        state.undo_remove();
        focus_when_drawn(Target::Field(list.first_field(at)), 10);
    };
    view! {
        <div class="notice undo" id="undo" role="status" style=format!("order:{}", 2 * at)>
            <p>{what}</p>
            <button type="button" class="small" id="undo-remove" on:click=undo>
                "撤销删除"
            </button>
        </div>
    }
}

/// Where the focus goes after a row action.
#[derive(Clone, Copy)]
pub(super) enum Target {
    Field(Path),
    /// A row's 上移 (`up`) or 下移 button; the other one when that one is disabled (the row is
    /// now first or last).
    MoveButton {
        list: List,
        row: usize,
        up: bool,
    },
    AddButton(List),
}

impl Target {
    fn focus(self) -> bool {
        match self {
            Target::Field(path) => focus_field(path),
            Target::MoveButton { list, row, up } => {
                let button = |up: bool| {
                    format!(
                        ".rows[data-path='{}'] fieldset[data-row='{row}'] button[data-action='{}']:not(:disabled)",
                        list.path(),
                        if up { "up" } else { "down" }
                    )
                };
                focus_css(&button(up)) || focus_css(&button(!up))
            }
            Target::AddButton(list) => focus_css(&format!("button[data-add='{}']", list.path())),
        }
    }
}

/// Focuses a target as soon as it is on the page, trying again for a few frames (a row is drawn
/// by an effect that may not have run yet).
pub(super) fn focus_when_drawn(target: Target, frames: u32) {
    request_animation_frame(move || {
        if !target.focus() && frames > 0 {
            focus_when_drawn(target, frames - 1);
        }
    });
}
