//! Every character of printed text: reported, once a field at its first place with the
//! other lines that hold it, when it is a control character, right-to-left text, a bullet
//! pasted from Word, a mark left by a copy, a radical copied in place of a kanji, a ligature
//! copied in place of its letters, or one no font has.

use std::collections::{HashMap, HashSet};

use super::text::{right_to_left, script_changes, Tally};
use super::Checker;
use crate::diag::Span;
use crate::load::Spanned;

impl Checker<'_> {
    /// Reports each control character, each character no font has and each bullet pasted from
    /// Word, once per field, at its first place in the field's source text (or the whole field,
    /// when it was written as an escape sequence and so is not in the source as such), with the
    /// other lines that hold it.
    pub(super) fn characters(&mut self, field: &Spanned<String>, path: &str) -> HashSet<char> {
        self.tally(Tally::Scripts, script_changes(&field.value), field.span, path);
        let mut reported = HashSet::new();
        self.check_characters(field.value.chars(), field, path, &mut reported);
        reported
    }

    /// [`Checker::characters`] for `chars`, a field's or what its Markdown printed, skipping
    /// those `reported` already.
    pub(super) fn check_characters(
        &mut self,
        chars: impl Iterator<Item = char>,
        field: &Spanned<String>,
        path: &str,
        reported: &mut HashSet<char>,
    ) {
        let mut right_to_left_reported = reported.iter().any(|&c| right_to_left(c));
        // Where each character first occurs in the source; read once, on the first problem.
        let mut places: Option<HashMap<char, usize>> = None;
        // And each character written as a reference (`&#x915;`), found on the first so written.
        let mut references: Option<HashMap<char, Span>> = None;
        // The field's source, and whether it may hold escapes: once, not for each character.
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let escapes = source.starts_with('"') && source.contains('\\');
        let mut chars = chars.peekable();
        let mut found = Vec::new();
        // Whether the field is Japanese, found on the first character that asks.
        let mut japanese: Option<bool> = None;
        // The character before, and each form of a kanji asked for that will not print.
        let (mut before, mut forms) = (None, Vec::new());
        while let Some(c) = chars.next() {
            // (`葛` U+E0100 printed as plain 葛, and said to be fine: text44a F44a-30.)
            super::instead::lost_form(self.covers, (before.replace(c), c), &mut forms);
            // (A Windows line break, `\r\n` as JSON writes one, is a line break: text41a
            // F41a-11, "control character U+000D".)
            if c == '\n' || c == '\t' || c == '\r' && chars.peek() == Some(&'\n') {
                continue;
            }
            let message = if c.is_control() {
                format!("control character U+{:04X}", c as u32)
            } else if right_to_left(c) && !crate::fonts::is_invisible(c) {
                // One report a field: a word of Hebrew is not four problems.
                if std::mem::replace(&mut right_to_left_reported, true) {
                    continue;
                }
                format!(
                    "right-to-left text (U+{:04X} '{c}') cannot be set yet: briefing sets lines left to right, \
                     so it would read backwards",
                    c as u32
                )
            } else if let Some(name) = super::places::word_bullet(c) {
                format!("{name} pasted from Word (U+{:04X}), which only Word's own font shows", c as u32)
            } else if let Some(what) = super::places::left_by_a_copy(c) {
                // (Printed, each is a box: `OBJ`, or a diamond with a question mark; text44a
                // F44a-28.)
                what.to_string()
            } else if let Some(kanji) = super::places::radical_of(c) {
                let code = c as u32;
                format!("`{c}` (U+{code:04X}) is a radical, which text copied from a PDF has in place of the kanji `{kanji}`")
            } else if let Some(letters) = super::places::ligature_letters(c) {
                let code = c as u32;
                format!(
                    "`{c}` (U+{code:04X}) is a ligature, which text copied from a PDF has in place of the letters \
                     `{letters}`: no search or spelling check finds a word written with it"
                )
            } else if !self.covers.covers(c) {
                format!("no font has U+{:04X} '{c}'", c as u32)
            } else {
                continue;
            };
            if !reported.insert(c) {
                continue;
            }
            let places = places.get_or_insert_with(|| super::places::first_places(&self.file.text, field.span));
            // Where it is first written: as typed; as an escape in double quotes (`\u0915`:
            // text24 F24-5, F25a-1); or as the parts it was composed from (각 of ᄀ, ᅡ and ᆨ:
            // text25 F25a-6, text26 F26-3). Each is a search before the place as typed, for the
            // first hundred characters of a field. Else as a reference (`&#x915;`).
            let raw = places.get(&c).map(|&at| at - field.span.start);
            let parts: String = unicode_normalization::UnicodeNormalization::nfd(c).collect();
            let search = (escapes || parts.chars().count() > 1) && (raw.is_none() || reported.len() <= 100);
            let before = raw.map_or(source.len(), |at| at + c.len_utf8());
            let earlier = [c.to_string(), parts]
                .iter()
                .filter(|_| search)
                .filter_map(|written| super::places::as_written(&source[..before], 0, written))
                .min_by_key(|found| found.start);
            let span = match (earlier, raw) {
                (Some(found), _) => Span::new(field.span.start + found.start, field.span.start + found.end),
                (None, Some(at)) => Span::new(field.span.start + at, field.span.start + at + c.len_utf8()),
                (None, None) => {
                    let references =
                        references.get_or_insert_with(|| super::places::reference_places(&self.file.text, field.span));
                    references.get(&c).copied().unwrap_or(field.span)
                }
            };
            // (`C:\budget` in double quotes: `\b` is the escape of U+0008; text37a F37a-5.)
            // (Not `\uFA2E`, which writes the character it names on purpose: its help is the
            // character's own.)
            let escape = self
                .file
                .text
                .get(span.start..span.end)
                .filter(|t| t.starts_with('\\') && !t.get(1..).is_some_and(|n| n.starts_with(['u', 'U', 'x'])));
            let help = escape.map(|escape| {
                format!(
                    "`{escape}` in double quotes writes this character: write `\\\\` for a backslash, or put the \
                     text in single quotes"
                )
            });
            let help = help.or_else(|| {
                super::places::word_bullet(c).map(|_| "write `- ` for a list item, and delete the tab after it".into())
            });
            let help = help.or_else(|| match c {
                '\u{FFFC}' => Some("delete it (to name the picture, write `![what it shows](https://…)`: its description and address print)".into()),
                '\u{FFFD}' => Some("retype the character that stood there, or copy the text again from its source".into()),
                // (Word's Shift+Enter and page break, as some copies bring them: text47a F47a-24.)
                '\u{000B}' => Some("a line break from Word (Shift+Enter): start a new line in its place".into()),
                '\u{000C}' => Some("a page break: leave a blank line in its place".into()),
                // (Windows-1252 punctuation read as Latin-1, a frequent paste: text47a F47a-14.)
                _ if super::places::windows_1252(c).is_some() => super::places::windows_1252(c).map(|w| {
                    format!("this is how `{w}` arrives when text in Windows-1252 is read as Latin-1: type `{w}` in its place")
                }),
                _ => super::places::radical_of(c)
                    .map(|k| format!("replace it with `{k}` (U+{:04X})", k as u32))
                    .or_else(|| super::places::ligature_letters(c).map(|l| format!("replace it with `{l}`"))),
            });
            // (`⑴`, `⒈`, `Ⓐ`, a name's `𠮷`: what prints the same, text44a F44a-8.)
            let help = help.or_else(|| self.instead(c, &field.value, &mut japanese));
            found.push((span, c, message, help));
        }
        for form in forms {
            self.form_lost(field, path, form);
        }
        if found.is_empty() {
            return;
        }
        // (Every place, as a count of lines: text42a F42a-13. The places of every character
        // reported are found in one reading of the field, their lines in the file's index:
        // text44a F44a-25, each report read the file before it and the field after it.)
        let wanted: HashSet<char> = found.iter().map(|f| f.1).collect();
        let mut offsets: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, c) in source.char_indices().filter(|(_, c)| wanted.contains(c)) {
            offsets.entry(c).or_default().push(field.span.start + i);
        }
        let index = self.lines.get_or_insert_with(|| super::places::LineIndex::new(&self.file.text));
        let found: Vec<_> = found
            .into_iter()
            .map(|(span, c, message, help)| {
                let places = super::places::elsewhere(index, span, offsets.get(&c).map_or(&[][..], Vec::as_slice));
                let message = match places {
                    Some(places) => format!("{message}; {places}"),
                    None => message,
                };
                (span, message, help)
            })
            .collect();
        for (span, message, help) in found {
            self.report_with_help(span, path, message, help);
        }
    }
}
