//! The pure core of `briefing edit`: a briefing's YAML seen as a form ([`snapshot`]), and
//! edits written back into the text where the old values stood ([`apply`]).
//!
//! No I/O: the server (in `app`) reads and writes the file; this module only turns text into
//! a form and text plus edits into new text.
//!
//! [`apply`] works on the spanned tree of [`crate::load::tree`]: a new value replaces the
//! bytes of the old one and nothing else (comments, key order, quoting, blank lines stay). A
//! value is written in its old style when that can still hold the new text (plain, quoted,
//! `|` or `>` block), else quoted (or, for several lines in a block mapping, as a `|` block);
//! a missing key is inserted next to its neighbours in the file's indentation; an optional
//! field set to empty text loses its key. After every edit the text is parsed again and the
//! edited value must read back exactly as given (in Unicode NFC, as the loader reads all
//! text), else the edit is refused with an [`EditError`]: never a silently different file.

mod checks;
mod form;
mod locate;
mod ops;
mod scalar;
mod topics;

use serde::{Deserialize, Serialize};

use crate::diag;
use crate::load::{self, Limits};
use crate::validate::Reading;

pub use form::{field_specs, FieldSpec};

/// The form view of one briefing's text, with every problem `briefing check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    /// `[]` for a file in one language; `["en", "ja"]` for one written in both (`lang:`).
    pub languages: Vec<String>,
    /// The language the text of a file in one language is in, typed (`lang:`) or found as
    /// `build` finds it (a file without `lang:` whose text is mostly Japanese is `ja`), for
    /// the page's fields' `lang`: `None` for a file in several languages (each value says its
    /// own) or one that cannot be read as a briefing.
    pub lang: Option<String>,
    /// `None` when the YAML does not parse at all.
    pub form: Option<Form>,
    /// Exactly what `briefing check` reports, every one, in the order it prints them.
    pub problems: Vec<Problem>,
}

/// Every field the form offers, present in the file or not.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    /// The briefing's own fields: title, date, organisation, summary, …
    pub fields: Vec<Field>,
    /// One entry per topic, in the file's order.
    pub topics: Vec<TopicForm>,
    /// The contact block's fields.
    pub contact: Vec<Field>,
}

/// One topic's fields: title, body, lang.
#[derive(Debug, Clone, Serialize)]
pub struct TopicForm {
    pub fields: Vec<Field>,
    /// The topic's own language, typed or found as `build` finds it, when it differs from
    /// the briefing's (in a file in one language).
    pub lang: Option<String>,
}

/// One field of the form.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// `title`, `topics[2].body`, `contact.tel`: the paths diagnostics use.
    pub path: String,
    /// The visible label ("Title", "Date", "Topic 3 body", …), unique in the form.
    pub label: String,
    pub kind: FieldKind,
    /// One per language of a translated field (in the order `lang:` lists them), else one
    /// with `lang: None`. A missing field has empty text.
    pub values: Vec<FieldValue>,
    /// The field may be left out (setting it to empty text removes its key).
    pub optional: bool,
    /// 1-based line of the value in the file (0 when the field is missing): for the Source tab.
    pub line: usize,
}

/// What kind of control a field wants. Serialized as `{"type": "line"}`,
/// `{"type": "choice", "options": [..]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Markdown, several lines.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `true` or `false` (the text is `"true"`, `"false"` or empty).
    Bool,
    /// One of `options`.
    Choice { options: Vec<String> },
}

/// A field's text in one language (`lang: None`: the only value, or one shared by all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValue {
    pub lang: Option<String>,
    pub text: String,
}

/// One problem, as `briefing check` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field path (`topics[2].body`), without check's `(topic 3, "…")`; empty for the
    /// file as a whole or the root.
    pub path: String,
    /// 1-based line and column (characters) of the problem; 0 when it has no place.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// The problem as `check` prints it: `FILE:LINE:COL: error: …`, the line and a caret.
    pub rendered: String,
}

/// One change to a briefing's text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Sets the field at `path` (in language `lang` of a translated field) to `value`.
    /// Empty text removes an optional field's key (a translated one's when every language is
    /// empty).
    Set { path: String, lang: Option<String>, value: String },
    /// A new, empty topic at index `at` (0 first; the number of topics: last).
    AddTopic { at: usize },
    /// Removes the topic at `index`.
    RemoveTopic { index: usize },
    /// Moves the topic at `from` so that it is at index `to` afterwards.
    MoveTopic { from: usize, to: usize },
}

/// Why an edit could not be made. The text is then left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The text does not parse as YAML, so there is no tree to edit (fix it in the Source tab).
    #[error("the YAML does not parse (line {line}: {message}); fix it in the source first")]
    Unparsable { line: usize, message: String },
    /// No such field in the form.
    #[error("`{0}` is not a field the editor knows")]
    UnknownField(String),
    /// The path names a topic that is not there.
    #[error("`{0}`: there is no such topic")]
    NoSuchTopic(String),
    /// A language the file is not written in.
    #[error("`{path}`: the briefing is not written in `{lang}`")]
    UnknownLanguage { path: String, lang: String },
    /// A translated field needs the language the value is in.
    #[error("`{0}` is given in several languages: say which one")]
    NeedsLanguage(String),
    /// The file's shape at `path` is not one the editor can change (a list where text should
    /// be, a flow list of topics, …).
    #[error("`{path}`: {reason}")]
    Unsupported { path: String, reason: String },
    /// The edit was written, but the result did not read back as asked: it is refused.
    #[error("`{path}`: the edited file would not read back as typed ({detail})")]
    NoReadBack { path: String, detail: String },
    /// The edit would not read back, in a file that shares values through anchors and
    /// aliases (`&name`, `*name`): the edited bytes stand for more than one field, or carry
    /// the anchor others refer to.
    #[error(
        "`{path}`: the file shares values through anchors and aliases (`&name`, `*name`), and the form cannot \
         change this one without changing the others; edit it in the Source tab"
    )]
    Shared { path: String },
    /// The edit would make the file larger than the input limit, which `build` refuses.
    #[error(
        "`{path}`: with this edit the file would be too large: {bytes} bytes, and the limit is {} MiB ({limit} bytes); \
         shorten the text",
        limit >> 20
    )]
    TooLarge { path: String, bytes: usize, limit: usize },
}

/// The form and problems of `source` (the file's text, shown as `name` in problems), with the
/// built-in fonts deciding which characters can be printed.
pub fn snapshot(name: &str, source: &str) -> Snapshot {
    let fonts = crate::fonts::FontBook::builtin();
    snapshot_with(name, source, &fonts)
}

/// [`snapshot`] with the fonts of a template: `covers(c)` says whether some font prints `c`
/// (`FontBook::covers`), as `check --template` does.
pub fn snapshot_with(name: &str, source: &str, covers: &dyn crate::validate::Coverage) -> Snapshot {
    let limits = Limits::default();
    let mut languages = (None, Vec::new());
    let (file, diagnostics) = match load::source_from_bytes(name, source.as_bytes().to_vec(), &limits) {
        Ok(file) => {
            let (briefings, diagnostics) = match crate::validate::load_briefings(&file, &limits, covers) {
                Ok(briefings) => (briefings, Vec::new()),
                // (Read as typed for its languages only, as `diff` reads an old version.)
                Err(d) => {
                    let typed = crate::validate::read_briefings(&file, &limits, covers, Reading::AsTyped);
                    (typed.map(|(b, _)| b).unwrap_or_default(), d)
                }
            };
            languages = text_languages(&briefings);
            (file, diagnostics)
        }
        Err(load::LoadError::Invalid { file, diagnostics }) => (file, diagnostics),
        Err(load::LoadError::Io { .. }) => unreachable!("no I/O on bytes in memory"),
    };
    let sorted = diag::in_order(&diagnostics);
    let placed = diag::placed(&file, &sorted);
    let problems = sorted.into_iter().zip(placed).map(|(d, placed)| problem(d, placed)).collect();
    let text = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    match locate::Doc::parse(text) {
        Ok(doc) => {
            let mut form = form::form(&doc);
            let (lang, topics) = if doc.langs.is_empty() { languages } else { (None, Vec::new()) };
            for (topic, lang) in form.topics.iter_mut().zip(topics) {
                topic.lang = lang;
            }
            Snapshot { languages: doc.langs.clone(), lang, form: Some(form), problems }
        }
        Err(_) => Snapshot { languages: Vec::new(), lang: None, form: None, problems },
    }
}

/// The language of a briefing in one language, and of each of its topics that has its own
/// (text48b F48b-7: a Japanese briefing without `lang:` had its fields read as English).
fn text_languages(briefings: &[crate::model::Briefing]) -> (Option<String>, Vec<Option<String>>) {
    match briefings {
        [one] => (Some(one.lang.clone()), one.topics.iter().map(|t| t.lang.clone()).collect()),
        _ => (None, Vec::new()),
    }
}

fn problem(d: &diag::Diagnostic, placed: diag::Placed) -> Problem {
    let (line, column) = placed.at.unwrap_or((0, 0));
    // check names topics as readers count them: `topics[4].body (topic 5, "…")`.
    let path = d.path.split(" (topic ").next().unwrap_or("").to_string();
    Problem { path, line, column, message: d.message.clone(), help: d.help.clone(), rendered: placed.rendered }
}

/// `source` with `edits` made one after the other. Only the bytes of what is edited change;
/// after each edit the text is parsed again and the edited value checked. A leading byte
/// order mark stays.
pub fn apply(source: &str, edits: &[Edit]) -> Result<String, EditError> {
    let (bom, mut text) = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => ("\u{FEFF}", rest.to_string()),
        None => ("", source.to_string()),
    };
    let mut checks = checks::Checks::default();
    let mut known = None;
    for edit in edits {
        (text, known) = ops::apply_one(&text, edit, &mut checks, known)?;
        within_limit(bom.len() + text.len(), edit)?;
    }
    Ok(format!("{bom}{text}"))
}

/// Refuses a text of `bytes` that `edit` made past the input limit, naming the field.
fn within_limit(bytes: usize, edit: &Edit) -> Result<(), EditError> {
    let limit = Limits::default().max_bytes;
    if bytes <= limit {
        return Ok(());
    }
    let path = match edit {
        Edit::Set { path, .. } => path.clone(),
        Edit::AddTopic { at } => format!("topics[{at}]"),
        Edit::RemoveTopic { .. } | Edit::MoveTopic { .. } => "topics".to_string(),
    };
    Err(EditError::TooLarge { path, bytes, limit })
}

#[cfg(test)]
mod tests;
