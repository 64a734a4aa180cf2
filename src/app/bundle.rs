//! `briefing bundle` (to be written).
use std::path::{Path, PathBuf};

use super::Failure;
use crate::cli::RenderArgs;

pub fn bundle(
    _inputs: &[PathBuf],
    _output: &Path,
    _title: &str,
    _date: Option<&str>,
    _render: &RenderArgs,
) -> Result<(), Failure> {
    Err(Failure::Io("bundle is not available yet".into()))
}
