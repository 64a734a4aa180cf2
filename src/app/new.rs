//! `briefing new`: a commented starter briefing that builds as it is.

use std::path::Path;

use super::files::{self, Existing};
use super::Error;

/// The starter file, kept with the templates so it is reviewed with them.
pub const STARTER: &str = include_str!("../../templates/starter.yaml");

/// Writes the starter to `path`, never over an existing file, and whole or not at all (a full
/// disk leaves no empty file behind).
pub fn new(path: &Path) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Usage(format!("{} already exists; not overwriting it", path.display())));
    }
    files::on_signal(files::OnSignal::Exit);
    files::write_atomic(path, STARTER.as_bytes(), Existing::Keep)?;
    eprintln!("wrote {}; build it with: briefing build {}", path.display(), path.display());
    Ok(())
}
