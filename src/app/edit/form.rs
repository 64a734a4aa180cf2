//! The seam between the server and the pure core of the editor (`crate::edit`): the form a
//! briefing's YAML makes, with its problems, and the edits the page sends, as JSON.

use serde_json::Value;

use crate::edit::{self, Edit};
use crate::fonts::FontBook;

/// The form and the problems of `source` (shown as `name`), as the page reads them; the
/// template's fonts decide which characters can be printed, as `check --template` does.
pub fn snapshot(name: &str, source: &str, fonts: &FontBook) -> Value {
    let snapshot = edit::snapshot_with(name, source, &|c| fonts.covers(c));
    serde_json::to_value(snapshot).unwrap_or(Value::Null)
}

/// `source` with `edits` (the page's JSON list of edits) made, or why not in words for the
/// page's alert.
pub fn apply(source: &str, edits: Value) -> Result<String, String> {
    let edits: Vec<Edit> =
        serde_json::from_value(edits).map_err(|e| format!("the page sent an edit this server does not know: {e}"))?;
    edit::apply(source, &edits).map_err(|e| e.to_string())
}
