//! The findings panel (GOV.UK error summary: grouped by section, errors first, each a link that
//! moves focus to its field), the section navigation with counts, and the figures.

use leptos::prelude::*;

use super::dom::{field_id, focus_field, go_to_section, section_id};
use super::state::AppState;
use crate::finding::{by_section, Finding, Tally};
use crate::outline::{Path, Section};

#[component]
pub fn FindingsSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = Memo::new(move |_| state.shown().with(|s| by_section(&s.findings)));
    let tally = Memo::new(move |_| state.shown().with(|s| Tally::of(&s.findings)));
    let todo = Memo::new(move |_| state.shown().with(|s| s.todo.len()));
    let title = Signal::derive(move || {
        let (t, todo) = (tally.get(), todo.get());
        let found = format!(
            "发现 {} 个错误、{} 个警告、{} 个提示",
            t.errors, t.warnings, t.infos
        );
        match (t == Tally::default(), todo) {
            (true, 0) => "没有发现问题".to_owned(),
            (true, n) => format!("还有 {n} 项待填写"),
            (false, 0) => found,
            (false, n) => format!("{found}；还有 {n} 项待填写"),
        }
    });
    let has_errors = move || -> bool { tally.get().errors > 0 };
    let has_todo = move || -> bool { todo.get() > 0 };
    view! {
        <section
            class="summary"
            class:summary-errors=has_errors
            class:summary-todo=has_todo
            id=super::dom::SUMMARY_ID
            aria-labelledby="findings-title"
        >
            <h2 id="findings-title" aria-live="polite">{title}</h2>
            <TodoList />
            <For
                each=move || groups.get()
                key=|(section, items)| (*section, items.clone())
                children=|(section, items)| {
                    view! {
                        <div class="summary-group" data-section=section.anchor()>
                            <h3>{section.heading()}</h3>
                            <ul>
                                {items.into_iter().map(|f| view! { <li><FindingLink finding=f /></li> }).collect_view()}
                            </ul>
                        </div>
                    }
                }
            />
        </section>
    }
}

/// The blank required fields not yet shown as errors: one line per section, each field a link.
#[component]
fn TodoList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = Memo::new(move |_| {
        state.shown().with(|s| {
            by_section(&s.todo)
                .into_iter()
                .map(|(section, items)| (section, items.iter().map(|f| f.path).collect()))
                .collect::<Vec<(Section, Vec<Path>)>>()
        })
    });
    view! {
        <div class="todo" id="todo" hidden=move || groups.with(Vec::is_empty)>
            <For
                each=move || groups.get()
                key=|group| group.clone()
                children=|(section, paths)| {
                    let links = paths
                        .into_iter()
                        .enumerate()
                        .map(|(n, p)| {
                            view! {
                                {(n > 0).then_some("、")}
                                <FieldLink path=p class="todo-item">{p.describe()}</FieldLink>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="todo-group" data-section=section.anchor()>
                            <span class="todo-section">{section.heading()}"："</span>
                            {links}
                        </p>
                    }
                }
            />
        </div>
    }
}

/// A finding as a link to its field, then, for a comparison, a link to each field it involves:
/// the mistake may be in any of them (a mistyped 人员经费 shows as a wrong 基本支出).
#[component]
fn FindingLink(finding: Finding) -> impl IntoView {
    let path = finding.path;
    let severity = finding.severity();
    let involves = (!finding.involves.is_empty()).then(|| {
        let links = finding
            .involves
            .iter()
            .map(|&p| view! { " " <FieldLink path=p class="involved">{p.describe()}</FieldLink> })
            .collect_view();
        view! { <span class="involves">"涉及："{links}</span> }
    });
    view! {
        <FieldLink path=path class=format!("finding sev-{}", severity.id()) rule=finding.rule.id()>
            <span class="sev-label">{severity.label()}</span>
            <span class="finding-message">{finding.message}</span>
        </FieldLink>
        {involves}
    }
}

/// A link that moves the focus to a field.
#[component]
fn FieldLink(
    path: Path,
    #[prop(into)] class: String,
    #[prop(optional)] rule: &'static str,
    children: Children,
) -> impl IntoView {
    let on_click = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        focus_field(path);
    };
    view! {
        <a
            href=format!("#{}", field_id(path))
            class=class
            data-rule=(!rule.is_empty()).then_some(rule)
            data-path=path.to_string()
            on:click=on_click
        >
            {children()}
        </a>
    }
}

/// The sections with their counts of errors and warnings.
#[component]
pub fn SectionNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let super::PreviewOpen(preview) = expect_context::<super::PreviewOpen>();
    let counts = Memo::new(move |_| {
        state.shown().with(|shown| {
            Section::ALL.map(|s| {
                let in_section = |f: &&Finding| f.path.section() == s;
                (
                    Tally::of(shown.findings.iter().filter(in_section)),
                    shown.todo_in(s),
                )
            })
        })
    });
    let items = Section::ALL.into_iter().enumerate().map(move |(n, section)| {
        // One count as its text and whether it is hidden: one pair of closure types for the
        // three counts.
        let count = move |pick: fn(&(Tally, usize)) -> usize| {
            let count = move || counts.with(|c| c.get(n).map(pick).unwrap_or_default());
            (
                Signal::derive(move || count().to_string()),
                Signal::derive(move || count() == 0),
            )
        };
        let (errors, no_errors) = count(|c| c.0.errors);
        let (warnings, no_warnings) = count(|c| c.0.warnings);
        let (todo_text, no_todo) = count(|c| c.1);
        view! {
            <li>
                <a
                    href=format!("#{}", section_id(section))
                    data-section=section.anchor()
                    on:click=move |ev: web_sys::MouseEvent| {
                        ev.prevent_default();
                        // From the preview, back to the form first: the section is drawn there.
                        if preview.get_untracked() {
                            preview.set(false);
                            request_animation_frame(move || go_to_section(section));
                        } else {
                            go_to_section(section);
                        }
                    }
                >
                    <span class="nav-title">{section.heading()}</span>
                    <span class="nav-counts">
                        <span class="count count-error" title="错误" hidden=no_errors>{errors}</span>
                        <span class="count count-warning" title="警告" hidden=no_warnings>{warnings}</span>
                        <span class="count count-todo" title="待填写" hidden=no_todo>{todo_text}</span>
                    </span>
                </a>
            </li>
        }
    });
    view! {
        <nav class="section-nav" aria-label="报告章节">
            <ol>{items.collect_view()}</ol>
        </nav>
    }
}

#[component]
pub fn FiguresPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="figures" aria-labelledby="figures-title">
            <h2 id="figures-title">"计算数字"</h2>
            <dl>
                {move || {
                    state
                        .figures()
                        .with(|f| f.lines())
                        .into_iter()
                        .map(|line| {
                            view! {
                                <div class="figure" data-figure=line.label>
                                    <dt>{line.label}</dt>
                                    <dd>
                                        <span class="figure-value">{line.value}</span>
                                        <span class="figure-note">{line.note}</span>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
            <p class="hint">"仅供核对，不写入导出的报告。"</p>
        </section>
    }
}
