//! Files downloaded, and the backup of every stored draft.

use super::*;

impl AppState {
    /// The open draft was downloaded (JSON or HTML): its edits are in a file now.
    pub fn downloaded(&self) {
        if let Some(id) = self.current.get_untracked() {
            storage::clear_unexported(&[id]);
        }
        self.unexported_since.set(None);
    }

    /// The text of a backup of every stored draft (after saving the open one), and the ids it
    /// holds; the caller downloads it and then calls [`AppState::backed_up`].
    pub fn backup(&self) -> Result<(String, Vec<String>), String> {
        self.save_now();
        let entries = storage::entries().map_err(|e| e.to_string())?;
        let text = write_backup(&entries, now_ms()).map_err(|e| e.to_string())?;
        Ok((text, entries.into_iter().map(|e| e.id).collect()))
    }

    /// A backup of these drafts was downloaded.
    pub fn backed_up(&self, ids: &[String]) {
        storage::clear_unexported(ids);
        self.unexported_since.set(None);
        self.notify(false, format!("已下载 {} 份草稿的备份文件。", ids.len()));
    }

    /// Restores a backup file: adds what is not here at once, and asks before replacing older
    /// drafts here. A file that is not a backup leaves everything as it was.
    pub fn restore(&self, file_name: &str, bytes: &[u8]) {
        let backup = match read_backup_bytes(bytes) {
            Ok(backup) => backup,
            Err(e) => return self.refuse_restore(file_name, &e.to_string()),
        };
        // The open draft's edits are stored first, so that its revision here is current.
        self.save_now();
        let plan = plan_restore(backup, |id| storage::raw(id).ok().flatten());
        if plan.needs_confirmation() {
            self.pending.set(Some(Pending::Restore {
                file: file_name.to_owned(),
                plan,
            }));
        } else {
            self.apply_restore(file_name, plan, false);
        }
    }

    pub fn refuse_restore(&self, file_name: &str, reason: &str) {
        self.notify(
            true,
            format!("无法从“{file_name}”恢复：{reason}。本机的草稿没有改动。"),
        );
    }

    /// Writes a restore: the drafts to add and the copies, and the older ones here replaced
    /// when `replace` (the user confirmed). Reports what was done, and what could not be.
    pub fn apply_restore(&self, file_name: &str, plan: Plan, replace: bool) {
        let mut writes: Vec<&Entry> = plan.add.iter().chain(&plan.copies).collect();
        if replace {
            writes.extend(&plan.replace);
        }
        let mut failed: Vec<String> = Vec::new();
        let mut written = 0;
        for e in &writes {
            match storage::put_raw(&e.id, &e.raw) {
                Ok(()) => written += 1,
                Err(err) => failed.push(format!("“{}”（{err}）", e.name())),
            }
        }
        self.relist();
        // The open draft replaced by the backup's version: show that one.
        let open = self.current.get_untracked();
        if replace && plan.replace.iter().any(|e| Some(&e.id) == open.as_ref()) {
            if let Some(id) = open {
                if let Ok(Some(StoredDraft {
                    content: Ok(draft),
                    rev,
                    saved_at,
                    ..
                })) = storage::get(&id)
                {
                    self.load_saved(&id, draft, rev, saved_at);
                }
            }
        }
        let report = plan.report(file_name, replace, written, &failed);
        self.notify(!failed.is_empty(), report);
    }
}
