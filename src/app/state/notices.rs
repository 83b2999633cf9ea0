//! Messages at the top of the page and the questions of the confirm bar.

use super::*;

/// A message at the top of the page (import results, storage problems).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub is_error: bool,
    pub text: String,
}

/// An action waiting for the user to confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    DeleteDraft {
        id: String,
        name: String,
    },
    Download {
        kind: DownloadKind,
        errors: usize,
    },
    /// A restore that would replace older drafts stored here: which, by name.
    Restore {
        file: String,
        plan: Plan,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadKind {
    Json,
    Html,
    /// The `.docx`, written by the on-demand module.
    Word,
}

impl DownloadKind {
    /// What is downloaded, as a message names it (spaced from the words around it).
    pub fn noun(self) -> &'static str {
        match self {
            DownloadKind::Json => " JSON ",
            DownloadKind::Html => " HTML 报告",
            DownloadKind::Word => " Word 文档",
        }
    }
}

impl AppState {
    pub fn notify(&self, is_error: bool, text: String) {
        self.notice.set(Some(Notice { is_error, text }));
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Asks the user to confirm an action (the confirm bar).
    pub fn ask(&self, pending: Pending) {
        self.pending.set(Some(pending));
    }

    /// The confirm bar is answered or closed.
    pub fn settle_pending(&self) {
        self.pending.set(None);
    }

    /// The reminder to download a backup is not shown again on this page.
    pub fn dismiss_reminder(&self) {
        self.reminder_dismissed.set(true);
    }
}
