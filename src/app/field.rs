//! One field of the form: its label, its findings (GOV.UK style: the message between label and
//! input) and the input itself, carrying `data-path`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{field_id, keep_in_place_typing, target_element};
use super::state::AppState;
use crate::finding::{Finding, Severity};
use crate::outline::{Kind, Path};

/// The messages shown with a field (or a list).
#[component]
pub fn FieldMessages(path: Path) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings_on(path);
    let id = format!("{}-msg", field_id(path));
    view! {
        <div class="field-messages" id=id aria-live="polite">
            <For
                each=move || findings.get()
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
/// draft's text again only when another draft is loaded or rows move (see `AppState::loaded`).
#[component]
pub fn Field(
    path: Path,
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
    let findings = state.findings_on(path);
    let worst = Memo::new(move |_| findings.with(|fs| fs.iter().map(Finding::severity).min()));
    let id = field_id(path);
    let described_by = format!("{id}-msg");
    let data_path = path.to_string();
    let value = move || {
        state.loaded.track();
        state
            .draft
            .with_untracked(|d| d.field(path).unwrap_or_default().to_owned())
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
        keep_in_place_typing(target_element(&ev), || state.edit(path, text));
    };
    let on_composed = move |ev: web_sys::CompositionEvent| {
        let text = event_target_value(&ev);
        keep_in_place_typing(target_element(&ev), || state.edit(path, text));
    };
    let invalid = move || (worst.get() == Some(Severity::Error)).then_some("true");

    let placeholder = move || placeholder.map(|p| p.get());
    let control = match path.kind() {
        Kind::Choice => {
            // A select shows the draft's value at all times (no caret to keep), and its choices
            // follow the row (二级 offers its 一级's). A value from a file that is not a choice
            // stays, as typed, marked as such.
            // They follow the draft when it is loaded or a choice changes, not every keystroke.
            let current = Memo::new(move |_| {
                state.loaded.track();
                state.choices_changed.track();
                state
                    .draft
                    .with_untracked(|d| d.field(path).unwrap_or_default().to_owned())
            });
            let offered = Memo::new(move |_| {
                state.loaded.track();
                state.choices_changed.track();
                state
                    .draft
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
            let on_change = move |ev: web_sys::Event| state.edit(path, event_target_value(&ev));
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
            class:field-error=move || worst.get() == Some(Severity::Error)
            class:field-warning=move || worst.get() == Some(Severity::Warning)
        >
            <label for=id>
                {label.unwrap_or(path.label())}
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
