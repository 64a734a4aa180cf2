//! What `check` finds in the texts a request's edits try, each whole text checked once at
//! most, and what it finds in a value on its own.
//!
//! A text over several lines can be written in up to three ways (a `>` or `|` block, double
//! quotes), and the first that `check` takes as typed is kept. A whole check of a large file
//! takes a good part of a second, so a request checks each text once (the text an edit starts
//! from is the one the edit before it chose), and an edit whose first way already has more
//! problems outside the value, and the value's own inside it, than the old text keeps that way
//! without checking the others, none of which could be taken (text45b F45b-2: ten edits of a
//! 3.4 MB file took 19 s, each way checked in full, and the old text once per edit).

use std::ops::Range;

use super::locate::{parse_path, Seg};
use super::scalar;

/// The problems `check` found in the last text checked in one request (fonts aside).
#[derive(Default)]
pub(super) struct Checks {
    last: Option<(String, Vec<Option<usize>>)>,
}

impl Checks {
    /// Where each problem `check` finds in `text` starts (`None`: it has no place), checked
    /// only if `text` is not the text checked last.
    pub fn starts(&mut self, text: &str) -> Vec<Option<usize>> {
        match &self.last {
            Some((known, starts)) if known == text => starts.clone(),
            _ => {
                let starts = starts_in(text);
                self.last = Some((text.to_string(), starts.clone()));
                starts
            }
        }
    }
}

/// Where each problem `check` finds in `text` (fonts aside) starts.
fn starts_in(text: &str) -> Vec<Option<usize>> {
    let limits = crate::load::Limits::default();
    let diagnostics = match crate::load::source_from_bytes("x.yaml", text.as_bytes().to_vec(), &limits) {
        Ok(file) => crate::validate::load_briefings(&file, &limits, &|_| true).err().unwrap_or_default(),
        Err(crate::load::LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Err(crate::load::LoadError::Io { .. }) => Vec::new(),
    };
    diagnostics.iter().map(|d| d.span.map(|s| s.start)).collect()
}

/// How many of `starts` fall in `range`.
pub(super) fn within(starts: &[Option<usize>], range: &Range<usize>) -> usize {
    starts.iter().filter(|s| s.is_some_and(|s| range.contains(&s))).count()
}

/// How many problems `check` finds at `value` itself, written in double quotes (which check
/// takes as typed) as the field at `path`, in language `lang` of `langs`, of a small briefing
/// that has nothing else to find fault with. `None` for a field it cannot stand for.
pub(super) fn own_problems(path: &str, lang: Option<&str>, langs: &[String], value: &str) -> Option<usize> {
    let segs = parse_path(path).ok()?;
    let key = |s: &Seg| match s {
        Seg::Key(k) => Some(k.clone()),
        Seg::Index(_) => None,
    };
    // The field's place: top level, a topic's, or the contact block's.
    let (part, field) = match segs.as_slice() {
        [k] => ("", key(k)?),
        [t, Seg::Index(_), k] if key(t)? == "topics" => ("topics", key(k)?),
        [c, k] if key(c)? == "contact" => ("contact", key(k)?),
        _ => return None,
    };
    if field == "lang" {
        return None;
    }
    let quoted = scalar::double(value);
    let mut text = String::new();
    let mut at = 0..0;
    let mut put = |text: &mut String, lead: &str| {
        text.push_str(lead);
        text.push_str(&format!("{field}: "));
        match lang {
            Some(lang) if !langs.is_empty() => {
                text.push('{');
                for (i, l) in langs.iter().enumerate() {
                    text.push_str(if i == 0 { "" } else { ", " });
                    text.push_str(&format!("{l}: "));
                    if l == lang {
                        at = text.len()..text.len() + quoted.len();
                        text.push_str(&quoted);
                    } else {
                        text.push_str("\"x\"");
                    }
                }
                text.push('}');
            }
            _ => {
                at = text.len()..text.len() + quoted.len();
                text.push_str(&quoted);
            }
        }
        text.push('\n');
    };
    if !langs.is_empty() {
        text.push_str(&format!("lang: [{}]\n", langs.join(", ")));
    }
    for (k, default) in [("title", "Title"), ("date", "2020-10-06")] {
        match (part, field.as_str()) {
            ("", f) if f == k => put(&mut text, ""),
            _ => text.push_str(&format!("{k}: {default}\n")),
        }
    }
    if part.is_empty() && !["title", "date"].contains(&field.as_str()) {
        put(&mut text, "");
    }
    text.push_str("topics:\n");
    for (k, default, lead) in [("title", "Topic", "  - "), ("body", "Body", "    ")] {
        match (part, field.as_str()) {
            ("topics", f) if f == k => put(&mut text, lead),
            _ => text.push_str(&format!("{lead}{k}: {default}\n")),
        }
    }
    if part == "topics" && !["title", "body"].contains(&field.as_str()) {
        put(&mut text, "    ");
    }
    text.push_str("contact:\n");
    match (part, field.as_str()) {
        ("contact", "tel") => put(&mut text, "  "),
        ("contact", _) => {
            text.push_str("  tel: \"1\"\n");
            put(&mut text, "  ");
        }
        _ => text.push_str("  tel: \"1\"\n"),
    }
    Some(within(&starts_in(&text), &at))
}
