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

/// The most edits one request may make. The page sends one at a time; each edit parses the
/// whole text again (twice, to check it reads back), so thousands on a large file took
/// minutes, with every other request waiting.
pub const MAX_EDITS: usize = 10;

/// `source` with `edits` (the page's JSON list of edits) made, or why not: the status and the
/// words for the page's alert.
pub fn apply(source: &str, edits: Value) -> Result<String, (u16, String)> {
    let edits: Vec<Edit> = serde_json::from_value(edits)
        .map_err(|e| (422, format!("the page sent an edit this server does not know: {e}")))?;
    if edits.len() > MAX_EDITS {
        let n = edits.len();
        return Err((413, format!("{n} edits in one request; the editor makes at most {MAX_EDITS} at once")));
    }
    edit::apply(source, &edits).map_err(|e| (422, e.to_string()))
}
