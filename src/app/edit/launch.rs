//! Opening the editor in the user's browser without putting its token on a command line,
//! where every user of the machine reads it (`ps`, `/proc/PID/cmdline`; text45b F45b-6).
//! As Jupyter does: the browser is given a file that only this user can read, which sends it
//! on to the address with the token. The file is removed once the token is spent (it opens
//! nothing more), and however the editor stops, a signal too (text46b F46b-2).

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The file that forwards the browser to the editor; removed when dropped, or by the signal
/// handler.
pub struct LaunchFile {
    path: PathBuf,
}

impl LaunchFile {
    /// Writes, in `dir`, a new file readable by this user only that forwards to `url`.
    pub fn write(dir: &Path, url: &str, name: &str) -> std::io::Result<LaunchFile> {
        let path = dir.join(format!("briefing-edit-{name}.html"));
        let mut file = crate::app::files::create_noted(&path)?;
        let launch = LaunchFile { path };
        // (The address is the server's own: digits, letters and `:/?=.`, nothing to escape.)
        write!(
            file,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"refresh\" content=\"0;url={url}\"><title>briefing edit</title></head>\
             <body><p><a href=\"{url}\">Open the editor</a></p></body></html>\n"
        )?;
        Ok(launch)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LaunchFile {
    fn drop(&mut self) {
        crate::app::files::remove_noted(&self.path);
    }
}

/// Where the file goes: the user's own runtime folder when there is one (not readable by
/// others), else the temporary folder (the file itself is the user's alone).
pub fn folder() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).filter(|d| d.is_dir()).unwrap_or_else(std::env::temp_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_the_users_alone_holds_the_address_and_goes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let url = "http://127.0.0.1:4321/?token=abc123";
        let launch = LaunchFile::write(dir.path(), url, "4321-x").unwrap();
        let path = launch.path().to_path_buf();
        assert!(!path.to_string_lossy().contains("abc123"), "{path:?}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("content=\"0;url={url}\"")), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        // Never over a file that is there (a link planted by another user).
        assert!(LaunchFile::write(dir.path(), url, "4321-x").is_err());
        // text46b F46b-2: among the files a signal removes, as long as it is there.
        assert!(crate::app::files::is_noted(&path));
        drop(launch);
        assert!(!path.exists());
        assert!(!crate::app::files::is_noted(&path));
    }
}
