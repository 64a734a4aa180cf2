//! The seam between the server and the pure core of the editor (`crate::edit`): the form a
//! briefing's YAML makes, with its problems, and the edits the page sends, as JSON.

use serde_json::{json, Value};

use crate::diag::SourceFile;
use crate::load::Limits;

/// The form and the problems of `source` (shown as `name`), as the page reads them.
pub fn snapshot(name: &str, source: &str) -> Value {
    let file = SourceFile::new(name, source);
    let fonts = crate::fonts::FontBook::builtin();
    let problems = match crate::validate::load_briefings(&file, &Limits::default(), &|c| fonts.covers(c)) {
        Ok(_) => Vec::new(),
        Err(diags) => diags
            .iter()
            .map(|d| {
                let (line, column) = d.span.map_or((0, 0), |s| file.line_col(s.start));
                json!({
                    "path": d.path, "line": line, "column": column, "message": d.message,
                    "help": d.help, "rendered": file.render(d),
                })
            })
            .collect(),
    };
    json!({ "languages": [], "form": null, "problems": problems })
}

/// `source` with `edits` made.
pub fn apply(_source: &str, _edits: Value) -> Result<String, String> {
    Err("the form cannot edit yet; use the Source tab".into())
}
