//! A list of rows (主要职能, 项目支出明细, 六（一） points, special funds) that can be added,
//! removed and moved.

use leptos::prelude::*;

use super::dom::{field_id, focus_field};
use super::field::FieldMessages;
use super::form::row_view;
use super::state::AppState;
use crate::outline::List;
use crate::outline::Path;

/// The rows of `list`, each with buttons to move and remove it, and one to add a row at the end.
#[component]
pub fn Rows(list: List) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = state.row_count(list);
    let noun = list.row_noun();
    let add = move |_| {
        state.add_row(list);
        // Bring the new row's first field up once it is drawn.
        let last = count.get_untracked().saturating_sub(1);
        focus_when_drawn(list.first_field(last), 10);
    };
    view! {
        <div class="rows" id=field_id(list.path()) tabindex="-1" data-path=list.path().to_string()>
            <FieldMessages path=list.path() />
            <For
                each=move || 0..count.get()
                key=|i| *i
                children=move |i| {
                    let is_last = move || i + 1 >= count.get();
                    view! {
                        <fieldset class="row" data-row=i>
                            <legend>{format!("{noun} {}", i + 1)}</legend>
                            <div class="row-fields">{row_view(list, i)}</div>
                            <div class="row-actions">
                                <button
                                    type="button"
                                    class="small"
                                    disabled=move || i == 0
                                    on:click=move |_| state.move_row(list, i, true)
                                >
                                    "上移"
                                </button>
                                <button
                                    type="button"
                                    class="small"
                                    disabled=is_last
                                    on:click=move |_| state.move_row(list, i, false)
                                >
                                    "下移"
                                </button>
                                <button
                                    type="button"
                                    class="small danger"
                                    on:click=move |_| state.remove_row(list, i)
                                >
                                    {format!("删除{noun} {}", i + 1)}
                                </button>
                            </div>
                        </fieldset>
                    }
                }
            />
            <button type="button" class="add-row" data-add=list.path().to_string() on:click=add>
                {format!("＋ 添加{noun}")}
            </button>
        </div>
    }
}

/// Focuses a field as soon as it is on the page, trying again for a few frames (a new row is
/// drawn by an effect that may not have run yet).
fn focus_when_drawn(path: Path, frames: u32) {
    request_animation_frame(move || {
        if !focus_field(path) && frames > 0 {
            focus_when_drawn(path, frames - 1);
        }
    });
}
