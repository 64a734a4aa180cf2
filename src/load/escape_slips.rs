//! Escapes in YAML's double-quoted texts that write no character (`\ud83d`, `\u12`, `\q`),
//! named at themselves, in words, with the fix; each read by [`escapes::read`].

use super::escapes::{self, Escape};
use super::quoted::first_block_line;
use crate::diag::{Diagnostic, Span};

/// How to write a path in double quotes.
const PATH_HELP: &str = "write `\\\\` for each backslash of a path in double quotes, or put the text in single quotes";

/// An escape of half a UTF-16 pair.
pub(super) const NOT_A_CHARACTER: &str =
    "an escape in this quoted text is not a character (`\\ud800` to `\\udfff` are halves of a UTF-16 pair)";

/// An escape that writes no character: half of a UTF-16 pair (`\ud842`, as JSON writes
/// characters past U+FFFF), with the character it makes with the other half when that
/// follows; or a number past U+10FFFF.
enum BadEscape {
    Half(Option<char>),
    PastLast,
    /// Fewer hex digits than `\x` (2), `\u` (4) or `\U` (8) take.
    Short,
    /// A backslash before a character that starts no escape (`\q`, `\d` in `C:\dir`).
    Unknown,
}

/// The first [`BadEscape`] in the double-quoted text at `start`, and where it is. (Read byte
/// by byte, each escape by [`escapes::read`]: text25 F25a-7, it was at the quote; text26
/// F26-2, cut inside a character.)
fn bad_escape(text: &str, start: usize) -> Option<(Span, BadEscape)> {
    bad_escape_after(text, start, 1)
}

/// The first [`BadEscape`] in the double-quoted text at `start` from `from` bytes into it.
fn bad_escape_after(text: &str, start: usize, from: usize) -> Option<(Span, BadEscape)> {
    let quoted = text.get(start..)?;
    let bytes = quoted.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return None,
            // (A backslash is one byte: `i` is at a character.)
            b'\\' => {
                let (len, bad) = match escapes::read(&quoted[i..])? {
                    Escape::Char { len, .. } => {
                        i += len;
                        continue;
                    }
                    Escape::Continued => {
                        i += 2;
                        continue;
                    }
                    Escape::Half { value, len } => {
                        // With the other half after it, the character the two make.
                        let low = match escapes::read(&quoted[i + len..]) {
                            Some(Escape::Half { value: low, len: 6 }) if len == 6 => Some(low),
                            _ => None,
                        };
                        let pair = low.filter(|low| value < 0xDC00 && (0xDC00..0xE000).contains(low));
                        let c =
                            pair.and_then(|low| char::from_u32(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)));
                        (if c.is_some() { 12 } else { len }, BadEscape::Half(c))
                    }
                    Escape::PastLast { len } => (len, BadEscape::PastLast),
                    Escape::Short { len } => (len, BadEscape::Short),
                    Escape::Unknown { len } => (len, BadEscape::Unknown),
                };
                return Some((Span::new(start + i, start + i + len), bad));
            }
            _ => i += 1,
        }
    }
    None
}

/// An escape that writes a control character inside a path (`"C:\new\table.xlsx"` is "C:",
/// a line break, "ew", a tab, "able.xlsx"; text37a F37a-5): a backslash and a letter the
/// writer meant, named at the first such escape of the double-quoted text at `start`. A path
/// is a word on a share (`\\srv`), on a drive with a second step or a file's name, or of two
/// steps naming a file; `"one\ntwo"`, `"Q:\nWhen"` are line breaks as meant.
pub(super) fn in_a_path(text: &str, start: usize) -> Option<Diagnostic> {
    let quoted = text.get(start..)?.strip_prefix('"')?;
    let mut i = 0;
    while let Some(at) = quoted[i..].find(['\\', '"']).map(|k| i + k) {
        if quoted[at..].starts_with('"') {
            return None;
        }
        let len = match escapes::read(&quoted[at..])? {
            // (Other control characters are named by the checks of printed text.)
            Escape::Char { c, len } if len == 2 && matches!(c, '\n' | '\t') => {
                let (word_start, word) = word_around(quoted, at);
                // (Backslashes before a letter or digit, as in a path's `\srv\team`; not
                // `\n\nText`, a paragraph break.)
                let before_letter =
                    |k: usize| word.get(k + 2..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()));
                let letter = before_letter(at - word_start);
                let steps = word.match_indices('\\').filter(|&(k, _)| before_letter(k)).count();
                // (A drive is one letter, `C:\`; `Agenda:\n1.` is a line break; text38a F38a-5.)
                let drive = has_drive(word);
                // (Two steps make a path when it names a file, `docs\new\plan.xlsx`: not
                // `Columns:\tleft\tright`.)
                let file = word.trim_end_matches(['.', ',', ';', ')']).rsplit_once('.').is_some_and(|(_, ext)| {
                    (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                });
                // (A drive with one step and no file, `Q:\nWhen`, is a label and a line break;
                // text39a F39a-1.)
                let deeper = word.matches('\\').count() > 1 || file;
                if letter && (drive && deeper || word.contains("\\\\") || steps > 1 && file) {
                    let place = Span::new(start + 1 + at, start + 1 + at + 2);
                    let escape = &quoted[at..at + 2];
                    let (what, kept) = if c == '\n' { ("a line break", "\\u000A") } else { ("a tab", "\\u0009") };
                    return Some(
                        Diagnostic::new(
                            Some(place),
                            "",
                            format!("`{escape}` in double quotes is {what}, not a backslash and a letter"),
                        )
                        // (A break or a tab meant as one has a way to stay; text39a F39a-1.)
                        .with_help(format!("{PATH_HELP}; for {what} as meant, write `{kept}`")),
                    );
                }
                len
            }
            Escape::Char { len, .. }
            | Escape::Half { len, .. }
            | Escape::PastLast { len }
            | Escape::Short { len }
            | Escape::Unknown { len } => len,
            Escape::Continued => 2,
        };
        i = at + len;
    }
    None
}

/// Whether `word` names a drive, `C:\` (one letter, then `:\`).
fn has_drive(word: &str) -> bool {
    let bytes = word.as_bytes();
    word.match_indices(":\\")
        .any(|(k, _)| k >= 1 && bytes[k - 1].is_ascii_alphabetic() && (k == 1 || !bytes[k - 2].is_ascii_alphanumeric()))
}

/// Whether the escape at `at` in `text` is in a word that is a path on a drive or a share
/// (`C:\Users\…`, `\\srv\…`): its backslashes were meant as such.
fn in_a_path_word(text: &str, at: usize) -> bool {
    let (_, word) = word_around(text, at);
    has_drive(word) || word.contains("\\\\")
}

/// The word of `text` around byte `at`, between white space or quotation marks, and where it
/// starts.
fn word_around(text: &str, at: usize) -> (usize, &str) {
    let apart = |c: char| c.is_whitespace() || c == '"';
    let start = at - text[..at].rsplit(apart).next().unwrap_or("").len();
    let end = text[at..].find(apart).map_or(text.len(), |i| at + i);
    (start, &text[start..end])
}

/// Whether the parser's `info` is about an escape in a quoted text that writes no character.
pub(super) fn is_escape(info: &str) -> bool {
    info.contains("invalid Unicode character escape")
        || info.contains("expected hexadecimal number")
        || info.contains("unknown escape")
}

/// The problem with the escape the parser stopped at, in the double-quoted text whose quote
/// is at `start`: named at the escape, not the quote (text25 F25a-7, text27 F27-3); or, past a
/// line that starts a key, an item or a comment, the text never closed (text30 F30a-6).
pub(super) fn named(text: &str, start: usize) -> Option<Diagnostic> {
    let (place, bad) = bad_escape(text, start)?;
    if first_block_line(text, start).is_some_and(|line| line < place.start) {
        return Some(super::quoted::never_closed(start));
    }
    // (`"C:\Users\…"`: `\U` starts an escape cut short; the slip is the path's; text38a F38a-6.)
    if in_a_path_word(text, place.start) {
        let message = "a backslash of a path in double quotes starts an escape";
        return Some(Diagnostic::new(Some(place), "", message).with_help(PATH_HELP));
    }
    Some(described(place, bad))
}

/// The first `most` escapes that write no character in the double-quoted text at `start`
/// (which is closed), in order: the slips inside a text that is blanked whole, which the
/// parser does not reach (text32 F32-5).
pub(super) fn all_in(text: &str, start: usize, most: usize) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut from = 1;
    while let Some((place, bad)) = bad_escape_after(text, start, from).filter(|_| found.len() < most) {
        from = place.end - start;
        found.push(described(place, bad));
    }
    found
}

/// The error for the escape `bad` at `place`.
fn described(place: Span, bad: BadEscape) -> Diagnostic {
    let (message, help) = match bad {
        BadEscape::Half(Some(c)) => {
            (NOT_A_CHARACTER, format!("write the character itself, {c}, or `\\U{:08X}`", c as u32))
        }
        BadEscape::Half(None) => (
            NOT_A_CHARACTER,
            "write the character itself, or `\\U0001F600` with eight digits for one beyond U+FFFF".into(),
        ),
        BadEscape::Short => (
            "an escape in this quoted text is cut short: `\\x` takes two hex digits, `\\u` four, `\\U` eight",
            "write the character itself, or its number in full, as `\\u00E9` or `\\U0001F600`".into(),
        ),
        BadEscape::Unknown => (
            "an unknown escape in double quotes (a backslash starts one)",
            "write `\\\\` for a backslash, or put the text in single quotes".into(),
        ),
        BadEscape::PastLast => (
            "an escape in this quoted text is not a character: the last there is, U+10FFFF, is `\\U0010FFFF`",
            "write the character itself, or the eight digits of its number after `\\U`".into(),
        ),
    };
    Diagnostic::new(Some(place), "", message).with_help(help)
}
