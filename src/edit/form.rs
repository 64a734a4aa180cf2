//! Which fields the form offers, and their values read from the tree.

use crate::load::tree::NodeKind;

use super::locate::{self, Doc, Place, Seg};
use super::{Field, FieldKind, FieldValue, Form, TopicForm};

/// What the editor knows about one key of the file format (README, "Input format").
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The key as written in the file.
    pub key: &'static str,
    /// The visible label.
    pub label: &'static str,
    pub kind: SpecKind,
    /// May be left out.
    pub optional: bool,
    /// Text that a file in several languages gives in each (a date or a phone number is shared).
    pub translatable: bool,
}

/// [`FieldKind`] without the options, for a table of constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecKind {
    Line,
    Text,
    Date,
    Bool,
}

const fn spec(key: &'static str, label: &'static str, kind: SpecKind, optional: bool, translatable: bool) -> FieldSpec {
    FieldSpec { key, label, kind, optional, translatable }
}

use SpecKind::{Bool, Date, Line, Text};

/// The briefing's own fields, in the order a file usually gives them (a missing key is
/// inserted after the one before it here).
const TOP: &[FieldSpec] = &[
    spec("lang", "Language", Line, true, false),
    spec("title", "Title", Line, false, true),
    spec("short_title", "Short title", Line, true, true),
    spec("date", "Date", Date, false, false),
    spec("organisation", "Organisation", Line, true, true),
    spec("summary", "Summary", Text, true, true),
    spec("heading", "Heading", Line, true, true),
    spec("overview", "Overview", Text, true, true),
    spec("subject", "Subject", Line, true, true),
    spec("marking", "Marking", Line, true, true),
    spec("draft", "Draft", Bool, true, false),
];

/// A topic's fields.
const TOPIC: &[FieldSpec] = &[
    spec("title", "title", Line, false, true),
    spec("body", "body", Text, false, true),
    spec("lang", "language", Line, true, false),
];

/// The contact block's fields.
const CONTACT: &[FieldSpec] = &[
    spec("note", "Contact note", Line, true, true),
    spec("name", "Name", Line, true, true),
    spec("division", "Division", Line, true, true),
    spec("bureau", "Bureau", Line, true, true),
    spec("organisation", "Contact organisation", Line, true, true),
    spec("tel", "Telephone", Line, true, false),
    spec("fax", "Fax", Line, true, false),
    spec("email", "Email", Line, true, false),
    spec("url", "Web address", Line, true, false),
];

/// The specs of the top level, a topic and the contact block.
pub fn field_specs() -> (&'static [FieldSpec], &'static [FieldSpec], &'static [FieldSpec]) {
    (TOP, TOPIC, CONTACT)
}

/// Where a path leads in the format: the spec of its field and the keys of its mapping (the
/// order to insert a missing one in).
pub(super) fn spec_for(path: &str, segs: &[Seg]) -> Option<(FieldSpec, &'static [FieldSpec])> {
    let find = |table: &'static [FieldSpec], key: &str| table.iter().find(|s| s.key == key).map(|s| (*s, table));
    match segs {
        [Seg::Key(k)] => find(TOP, k),
        [Seg::Key(t), Seg::Index(_), Seg::Key(k)] if t == "topics" => find(TOPIC, k),
        [Seg::Key(c), Seg::Key(k)] if c == "contact" => find(CONTACT, k),
        _ => {
            let _ = path;
            None
        }
    }
}

/// The form of `doc`: every field, with its text in each language.
pub(super) fn form(doc: &Doc<'_>) -> Form {
    let fields = TOP.iter().map(|s| field(doc, s, s.key.to_string(), s.label.to_string())).collect();
    let count = doc
        .topic_lists()
        .ok()
        .flatten()
        .and_then(|lists| {
            lists
                .iter()
                .map(|l| match &*l.kind {
                    NodeKind::Seq(items) => items.len(),
                    _ => 0,
                })
                .max()
        })
        .unwrap_or(0);
    let topics = (0..count)
        .map(|i| TopicForm {
            fields: TOPIC
                .iter()
                .map(|s| field(doc, s, format!("topics[{i}].{}", s.key), format!("Topic {} {}", i + 1, s.label)))
                .collect(),
            lang: None,
        })
        .collect();
    let contact = CONTACT.iter().map(|s| field(doc, s, format!("contact.{}", s.key), s.label.to_string())).collect();
    Form { fields, topics, contact }
}

fn field(doc: &Doc<'_>, spec: &FieldSpec, path: String, label: String) -> Field {
    let kind = match spec.kind {
        Line => FieldKind::Line,
        Text => FieldKind::Text,
        Date => FieldKind::Date,
        Bool => FieldKind::Bool,
    };
    let segs = locate::parse_path(&path).unwrap_or_default();
    // `lang: [en, ja]` is shown as `en, ja`.
    if path == "lang" {
        if let Some((_, v)) = locate::entry(&doc.root, "lang") {
            if let NodeKind::Seq(items) = &*v.kind {
                let text = items.iter().filter_map(|n| n.scalar().map(|(t, _)| t.to_string())).collect::<Vec<_>>();
                let values = vec![FieldValue { lang: None, text: text.join(", ") }];
                return Field { path, label, kind, values, optional: spec.optional, line: doc.line(v.span.start) };
            }
        }
    }
    let per_language = !doc.langs.is_empty() && (spec.translatable || shared_is_translated(doc, &segs));
    let mut line = 0;
    let values = if per_language {
        (0..doc.langs.len())
            .map(|l| {
                let (text, at) = text_at(doc, &path, &segs, Some(l));
                if line == 0 {
                    line = at;
                }
                FieldValue { lang: Some(doc.langs[l].clone()), text }
            })
            .collect()
    } else {
        let (text, at) = text_at(doc, &path, &segs, None);
        line = at;
        vec![FieldValue { lang: None, text }]
    };
    Field { path, label, kind, values, optional: spec.optional, line }
}

/// Whether a field shared by every language (a phone number) is given as a translation anyway.
fn shared_is_translated(doc: &Doc<'_>, segs: &[Seg]) -> bool {
    matches!(locate::locate(doc, "", segs, None), Err(super::EditError::NeedsLanguage(_)))
}

/// A field's text in language `lang` and its line; empty text and line 0 when it is missing
/// (or not text).
fn text_at(doc: &Doc<'_>, path: &str, segs: &[Seg], lang: Option<usize>) -> (String, usize) {
    match locate::locate(doc, path, segs, lang) {
        Ok(Place::Found { value, .. }) if !value.is_null() => {
            (value.scalar().map_or(String::new(), |(t, _)| t.to_string()), doc.line(value.span.start))
        }
        Ok(Place::Found { value, .. }) => (String::new(), doc.line(value.span.start)),
        _ => (String::new(), 0),
    }
}
