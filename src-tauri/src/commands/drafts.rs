//! Form drafts: a form's unsaved input kept in the vault while it is dirty, so that an
//! auto-lock loses nothing, and offered back after unlock. Writing a draft is not the
//! person's activity: these commands never restart the auto-lock countdown, so saving
//! drafts can never postpone the lock.

use allia_core::{FormDraft, FormDraftKey};

store_commands! {
    /// Keeps a form's unsaved input (`content`: its fields as a JSON object, at most
    /// 64 KiB) at `key`, replacing the one there. A `validation` error for a malformed
    /// key or content, `notFound` for an unknown alliance.
    fn draft_save(key: FormDraftKey, content: String) -> () =
        |store| store.save_form_draft(&key, &content);
    /// Every draft kept, newest first (asked after unlock).
    fn draft_list() -> Vec<FormDraft> = |store| store.form_drafts();
    /// Forgets the draft at `key` (the form was saved, or its input abandoned); true
    /// when there was one.
    fn draft_clear(key: FormDraftKey) -> bool = |store| store.clear_form_draft(&key);
}
