//! `briefing new`: a commented starter briefing that builds as it is.

use std::io::Write as _;
use std::path::Path;

use super::Failure;

/// The starter file, kept with the templates so it is reviewed with them.
pub const STARTER: &str = include_str!("../../templates/starter.yaml");

pub fn new(path: &Path) -> Result<(), Failure> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Io(format!("{} already exists; not overwriting it", path.display()))
        } else {
            Failure::io("cannot create", path, e)
        }
    })?;
    file.write_all(STARTER.as_bytes()).map_err(|e| Failure::io("cannot write", path, e))?;
    eprintln!("wrote {}; build it with: briefing build {}", path.display(), path.display());
    Ok(())
}
