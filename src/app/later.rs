//! The form's sections drawn after the first frame. A first visit has the shell, the findings
//! and the first section on the screen before the other sections are built, one per task after
//! the frame that shows the one before, so the page is usable sooner on a slow PC. Whatever goes
//! to a field or a section ([`super::dom::focus_field`], [`super::dom::go_to_section`], a focus
//! in the form) draws the rest at once first ([`draw_the_rest`]). What a section's fields are is
//! the form's (`super::form`); this module only keeps the order and the owner.

use leptos::prelude::*;

use crate::outline::Section;

struct Later {
    /// The owner the sections are drawn under (the form's: their components find the app's
    /// state in its context).
    owner: Owner,
    /// Last section first.
    left: Vec<Section>,
    /// Draws one section's fields.
    draw: fn(Section),
    /// Set once the last is drawn.
    done: RwSignal<bool>,
}

thread_local! {
    static LATER: std::cell::RefCell<Option<Later>> = const { std::cell::RefCell::new(None) };
}

/// Keeps `sections` to be drawn by `draw` under the current owner: the first before the coming
/// frame, the others one per task after it. `done` is set once the last is drawn.
pub fn draw_in_turn(sections: Vec<Section>, draw: fn(Section), done: RwSignal<bool>) {
    if let Some(owner) = Owner::current() {
        let left = sections.into_iter().rev().collect();
        LATER.set(Some(Later {
            owner,
            left,
            draw,
            done,
        }));
    }
    // Once the form is on the page, before the first frame. (Untracked: what the fields read
    // is theirs, not this effect's.)
    Effect::new(move |_| {
        untrack(draw_next);
        draw_later();
    });
}

/// Draws the next section not drawn yet; false when there was none.
fn draw_next() -> bool {
    let next = LATER.with_borrow_mut(|later| {
        let later = later.as_mut()?;
        let section = later.left.pop()?;
        let last = later.left.is_empty().then_some(later.done);
        Some((later.owner.clone(), later.draw, section, last))
    });
    let Some((owner, draw, section, last)) = next else {
        return false;
    };
    owner.with(|| draw(section));
    if let Some(done) = last {
        done.set(true);
    }
    true
}

/// Draws every section not drawn yet (nothing once all are).
pub fn draw_the_rest() {
    while draw_next() {}
}

/// Draws the next section in a task after the coming frame, and so on to the last.
fn draw_later() {
    request_animation_frame(|| {
        set_timeout(
            || {
                if draw_next() {
                    draw_later();
                }
            },
            std::time::Duration::ZERO,
        );
    });
}
