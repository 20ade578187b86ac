//! The private folder where « Ouvrir pour imprimer » puts a PDF for the system viewer:
//! owner-only (0700 on Unix), random file names (nothing says what the contract is),
//! emptied at start, on lock and on exit, so no plaintext contract outlives its use.

use std::path::{Path, PathBuf};

/// `<cache dir>/impression`, created owner-only if missing. Files left by a crash are
/// removed at once.
pub fn prepare(cache_dir: &Path) -> PathBuf {
    let dir = cache_dir.join("impression");
    if !dir.is_dir() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            let _ = std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir);
        }
        #[cfg(not(unix))]
        let _ = std::fs::create_dir_all(&dir);
    }
    #[cfg(unix)]
    {
        // The folder is ours alone, whatever created it.
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    empty(&dir);
    dir
}

/// A new random file name in the folder, `.pdf`.
pub fn new_file(dir: &Path) -> PathBuf {
    dir.join(format!("{}.pdf", uuid::Uuid::new_v4().simple()))
}

/// Deletes every file in the folder. Best effort: a viewer may still hold one open
/// (Windows), then it goes at the next start.
pub fn empty(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let _ = std::fs::remove_file(entry.path());
    }
}

/// Writes `bytes` to a new private file in the folder and returns its path.
pub fn write(dir: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let path = new_file(dir);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_random_private_and_cleared() {
        let cache = tempfile::tempdir().expect("tempdir");
        let dir = prepare(cache.path());
        let first = write(&dir, b"%PDF-1.7 convention").expect("write");
        let second = write(&dir, b"%PDF-1.7 charte").expect("write");
        assert_ne!(first, second);
        let name = first
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert_eq!(name.len(), 32 + 4, "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&first), 0o600);
        }
        empty(&dir);
        assert_eq!(std::fs::read_dir(&dir).expect("ls").count(), 0);
        // A leftover from a crash goes at the next start.
        write(&dir, b"left behind").expect("write");
        prepare(cache.path());
        assert_eq!(std::fs::read_dir(&dir).expect("ls").count(), 0);
    }
}
