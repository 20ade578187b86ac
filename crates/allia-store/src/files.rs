//! Writing the vault's files safely: private modes on Unix, atomic replacement, and
//! the folder synced after a rename so the new name survives a power cut.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::StoreResult;

/// Creates `dir` (and its parents) readable by the owner only when it does not exist
/// yet; an existing folder keeps the mode its owner chose.
pub(crate) fn create_private_dir(dir: &Path) -> StoreResult<()> {
    if dir.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    Ok(())
}

/// Opens a new file for writing, mode 0600 on Unix, failing if it exists.
pub(crate) fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Sets mode 0600 on an existing file (Unix; elsewhere the user's profile folder
/// already restricts access).
pub(crate) fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A sibling of `path` for writing before the rename: same folder (so the rename is
/// atomic), a random part (two writers never share it), a name cleanup recognises.
pub(crate) fn temp_sibling(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(
        ".{name}.{}.tmp",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    ))
}

/// Writes `bytes` to `path` atomically: a private temp file in the same folder (mode
/// 0600, named like [`temp_sibling`]'s so cleanup recognises a leftover), synced,
/// renamed over the target, then the folder synced. The temp file is removed on any
/// failure.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> StoreResult<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_parent(path);
    Ok(())
}

/// Syncs the folder holding `path` so a rename in it is durable. Best effort: not
/// every platform can open a folder (Windows cannot, and NTFS journals renames).
pub(crate) fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_existing_folders_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().expect("tempdir");
        let shared = root.path().join("partagé");
        std::fs::create_dir(&shared).expect("mkdir");
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        create_private_dir(&shared).expect("existing");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&shared), 0o755);
        let new_dir = root.path().join("nouveau/coffre");
        create_private_dir(&new_dir).expect("new");
        assert_eq!(mode(&new_dir), 0o700);
        let file = new_dir.join("allia.vault.keys");
        write_atomically(&file, b"{}").expect("write");
        assert_eq!(mode(&file), 0o600);
        write_atomically(&file, b"{\"a\":1}").expect("replace");
        assert_eq!(std::fs::read(&file).expect("read"), b"{\"a\":1}");
        assert_eq!(
            std::fs::read_dir(&new_dir).expect("ls").count(),
            1,
            "no temp left"
        );
        // A rename that fails (the target is a folder) leaves the target and no temp.
        let folder = new_dir.join("dossier");
        std::fs::create_dir(&folder).expect("mkdir");
        assert!(write_atomically(&folder, b"x").is_err());
        assert!(folder.is_dir());
        assert_eq!(
            std::fs::read_dir(&new_dir).expect("ls").count(),
            2,
            "no temp left after a failure"
        );
    }
}
