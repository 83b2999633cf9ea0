//! One field of the form: its label, its findings (GOV.UK style: the message between label and
//! input) and the input itself, carrying `data-path`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{field_id, keep_in_place_typing, target_element};
use super::state::{AppState, At};
use crate::finding::{Finding, Severity};
use crate::outline::{Kind, Path};

/// A row's field follows its row's place: when the place changes, the ids and the path that
/// name the field and its messages are set to the new place's, by one effect for the field
/// rather than one for each attribute (a draft of 500 + 500 rows has 4,000 such fields: with an
/// effect per attribute, opening it took 1,646 ms against 1,101 ms before rows were keyed).
fn follow_place(at: At, field: NodeRef<leptos::html::Div>) {
    if !at.moves() {
        return;
    }
    // As drawn: the place may change before the effect first runs.
    let drawn = at.get_untracked();
    Effect::new(move |before: Option<Path>| {
        let now = at.get();
        if before.unwrap_or(drawn) != now {
            if let Some(field) = field.get_untracked() {
                name_field(&field, now);
            }
        }
        now
    });
}

/// Sets the ids and the path of a field's elements (as the view first draws them) to `path`'s.
fn name_field(field: &web_sys::Element, path: Path) {
    let set = |css: &str, attributes: &[(&str, &str)]| {
        if let Ok(Some(element)) = field.query_selector(css) {
            for (name, value) in attributes {
                let _ = element.set_attribute(name, value);
            }
        }
    };
    let (id, messages) = (field_id(path), messages_id(path));
    set(
        "[data-path]",
        &[
            ("id", &id),
            ("data-path", &path.to_string()),
            ("aria-describedby", &messages),
        ],
    );
    set("label", &[("for", &id)]);
    set(".field-messages", &[("id", &messages)]);
}

/// The id of a field's message box (its `aria-describedby`).
fn messages_id(path: Path) -> String {
    format!("{}-msg", field_id(path))
}

/// The messages shown with a field (or a list). A row's field has the path of the row's place,
/// which changes when rows move.
#[component]
pub fn FieldMessages(#[prop(into)] path: At) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings_at(path);
    // Named for the field's first place: a row's field renames it when the row moves.
    let id = messages_id(path.get_untracked());
    view! {
        <div class="field-messages" id=id aria-live="polite">
            <For
                each=findings
                key=|f| f.clone()
                children=|f| {
                    let severity = f.severity();
                    view! {
                        <p class=format!("field-message sev-{}", severity.id()) data-rule=f.rule.id()>
                            <span class="sev-label">{severity.label()}"："</span>
                            {f.message}
                        </p>
                    }
                }
            />
        </div>
    }
}

/// An input for one field of the draft. Typing goes to the draft as typed; the field shows the
/// draft's text again only when the draft on screen is replaced (see
/// `AppState::track_replaced`). A row's field moves with its row: its path follows the row's
/// place, its text stays as it is.
#[component]
pub fn Field(
    #[prop(into)] path: At,
    /// Marks the label （选填）.
    #[prop(optional)]
    optional: bool,
    /// A line of help under the label.
    #[prop(optional)]
    hint: &'static str,
    /// A label other than the outline's (e.g. within a row).
    #[prop(default = None)]
    label: Option<&'static str>,
    /// What a blank field stands for, shown in it (the 自评表's header takes the report's
    /// figures when left blank).
    #[prop(default = None)]
    placeholder: Option<Signal<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings_at(path);
    let worst = Memo::new(move |_| findings().iter().map(Finding::severity).min());
    // Named for the field's first place; `follow_place` renames a row's field when it moves.
    let first = path.get_untracked();
    let id = field_id(first);
    let described_by = messages_id(first);
    let data_path = first.to_string();
    let node = NodeRef::<leptos::html::Div>::new();
    follow_place(path, node);
    let value = move || {
        state.track_replaced();
        state
            .draft()
            .with_untracked(|d| d.field(path.get_untracked()).unwrap_or_default().to_owned())
    };
    let on_input = move |ev: web_sys::Event| {
        // While an input method composes (拼音 before it becomes 汉字), wait for the result.
        if ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(web_sys::InputEvent::is_composing)
        {
            return;
        }
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.set_rows(rows_for(&area.value()));
        }
        let text = event_target_value(&ev);
        keep_in_place_typing(target_element(&ev), || {
            state.edit(path.get_untracked(), text);
        });
    };
    let on_composed = move |ev: web_sys::CompositionEvent| {
        let text = event_target_value(&ev);
        keep_in_place_typing(target_element(&ev), || {
            state.edit(path.get_untracked(), text);
        });
    };
    let invalid = move || (worst.get() == Some(Severity::Error)).then_some("true");

    let placeholder = move || placeholder.map(|p| p.get());
    let control = match path.get_untracked().kind() {
        Kind::Choice => {
            // A select shows the draft's value at all times (no caret to keep), and its choices
            // follow the row (二级 offers its 一级's). A value from a file that is not a choice
            // stays, as typed, marked as such.
            // They follow the draft when it is replaced, a choice changes or the row moves, not
            // every keystroke.
            let current = Memo::new(move |_| {
                let path = path.get();
                state.track_choices();
                state.track_replaced();
                state
                    .draft()
                    .with_untracked(|d| d.field(path).unwrap_or_default().to_owned())
            });
            let offered = Memo::new(move |_| {
                let path = path.get();
                state.track_choices();
                state.track_replaced();
                state
                    .draft()
                    .with_untracked(|d| crate::scorecard::choices(d, path).unwrap_or_default())
            });
            let options = move || {
                let (current, offered) = (current.get(), offered.get());
                let stray = !current.trim().is_empty() && !offered.contains(&current.trim());
                let stray = stray.then(|| {
                    view! { <option value=current.clone() selected>{format!("{current}（不在可选范围内）")}</option> }
                });
                let choices = offered
                    .iter()
                    .map(|c| view! { <option value=*c selected=current.trim() == *c>{*c}</option> })
                    .collect_view();
                view! {
                    <option value="" selected=current.trim().is_empty()>"请选择"</option>
                    {stray}
                    {choices}
                }
            };
            let on_change =
                move |ev: web_sys::Event| state.edit(path.get_untracked(), event_target_value(&ev));
            view! {
                <select
                    id=id.clone()
                    data-path=data_path
                    prop:value=move || current.get()
                    aria-describedby=described_by
                    aria-invalid=invalid
                    on:change=on_change
                >
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Paragraphs => view! {
            <textarea
                id=id.clone()
                data-path=data_path
                rows=move || rows_for(&value())
                prop:value=value
                placeholder=placeholder
                aria-describedby=described_by
                aria-invalid=invalid
                on:input=on_input
                on:compositionend=on_composed
            ></textarea>
        }
        .into_any(),
        kind => {
            let amount = matches!(kind, Kind::Amount | Kind::SignedAmount | Kind::Score);
            let short = matches!(kind, Kind::Count | Kind::Year);
            let inputmode = match (amount, short) {
                (true, _) => "decimal",
                (_, true) => "numeric",
                _ => "text",
            };
            let input = view! {
                <input
                    type="text"
                    inputmode=inputmode
                    class=if short { "short" } else { "" }
                    autocomplete="off"
                    id=id.clone()
                    data-path=data_path
                    prop:value=value
                    placeholder=placeholder
                    aria-describedby=described_by
                    aria-invalid=invalid
                    on:input=on_input
                    on:compositionend=on_composed
                />
            };
            let unit = if kind == Kind::Score { "分" } else { "万元" };
            if amount {
                view! {
                    <span class="amount-input">
                        {input}
                        <span class="unit" aria-hidden="true">{unit}</span>
                    </span>
                }
                .into_any()
            } else {
                input.into_any()
            }
        }
    };

    view! {
        <div
            class="field"
            node_ref=node
            class:field-error=move || worst.get() == Some(Severity::Error)
            class:field-warning=move || worst.get() == Some(Severity::Warning)
        >
            <label for=id>
                {label.unwrap_or(path.get_untracked().label())}
                {optional.then_some(view! { <span class="optional">"（选填）"</span> })}
            </label>
            {(!hint.is_empty()).then_some(view! { <p class="hint">{hint}</p> })}
            <FieldMessages path=path />
            {control}
        </div>
    }
}

/// Rows for a text area: enough for its text, so it grows with its content (browsers with CSS
/// `field-sizing` size it exactly; this is the fallback for older ones).
fn rows_for(text: &str) -> u32 {
    let lines: usize = text.lines().map(|line| line.chars().count() / 40 + 1).sum();
    lines.clamp(2, 40) as u32
}
