//! Escapes in YAML's double-quoted texts that write no character (`\ud83d`, `\u12`, `\q`), or
//! another than the backslash and letters typed (`\n` in `C:\new`, `\P` in `C:\Program
//! Files`), named at themselves, in words, with the fix; each read by [`escapes::read`].

use super::escapes::{self, Escape};
use super::quoted::first_block_line;
use crate::diag::{Diagnostic, Span};

/// How to write a path in double quotes.
const PATH_HELP: &str = "write `\\\\` for each backslash of a path in double quotes, or put the text in single quotes";

/// How to write a backslash in double quotes.
const BACKSLASH_HELP: &str = "write `\\\\` for a backslash, or put the text in single quotes";

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

/// The fields whose text is Markdown, where one line break prints as a space.
const MARKDOWN: [&str; 3] = ["summary", "overview", "body"];

/// An escape in double quotes that YAML reads, but as something else than the backslash and
/// the letters typed, named at the first such escape of the double-quoted text at `start`
/// (see [`slip_at`]); `keys` are those the text is the value of, outermost first.
pub(super) fn in_a_path<'k>(text: &str, start: usize, mut keys: impl Iterator<Item = &'k str>) -> Option<Diagnostic> {
    let quoted = text.get(start..)?.strip_prefix('"')?;
    let markdown = keys.any(|key| MARKDOWN.contains(&key));
    let mut i = 0;
    while let Some(at) = quoted[i..].find(['\\', '"']).map(|k| i + k) {
        if quoted[at..].starts_with('"') {
            return None;
        }
        let escape = escapes::read(&quoted[at..])?;
        // (Control characters other than a line break and a tab are named by the checks of
        // printed text.)
        if let Escape::Char { c, len } = escape {
            if let Some((message, help)) = slip_at(quoted, at, c, len, markdown) {
                let place = Span::new(start + 1 + at, start + 1 + at + len);
                return Some(Diagnostic::new(Some(place), "", message).with_help(help));
            }
        }
        i = at + escape.source_len();
    }
    None
}

/// What is wrong with the escape at `at` of `quoted` (`len` bytes, writing `c`) and how to
/// mend it, when it is a slip: a line break or a tab in a path (`"C:\new\table.xlsx"` is
/// "C:", a line break, "ew", a tab, "able.xlsx"; text37a F37a-5); a paragraph or line
/// separator, `\P`, `\L`, anywhere, as no one types one so (`C:\Program Files`,
/// `D:\Public\Logs`; text40a F40a-41); in a path, a no-break space (`\_Archive`), a space
/// (`C:\ `) or a character by its number (`C:\x41pps`).
fn slip_at(quoted: &str, at: usize, c: char, len: usize, markdown: bool) -> Option<(String, String)> {
    let escape = &quoted[at..at + len];
    let (path_start, path) = path_around(quoted, at);
    let on_path = has_drive(path) || path.contains("\\\\");
    let number;
    let (what, kept) = match escape {
        "\\n" | "\\t" if !path_break(path, at - path_start) => return None,
        "\\n" => ("a line break", Some("\\u000A")),
        "\\t" => ("a tab", Some("\\u0009")),
        "\\P" => ("a paragraph separator (U+2029)", Some("\\u2029")),
        "\\L" => ("a line separator (U+2028)", Some("\\u2028")),
        _ if !on_path => return None,
        // (After a file's path with its backslashes doubled, a program wrote it, as PyYAML
        // writes a no-break space, `C:\\Temp\\Bericht.docx\_S.\_3`: text41a F41a-24.)
        "\\_" if machine_written(&path[..at - path_start]) => return None,
        "\\_" => ("a no-break space", Some("\\u00A0")),
        "\\ " => ("a space", None),
        // (A path with its backslashes doubled is written by a program, as PyYAML writes `é`
        // in `\\Jos\xE9\\`: it means its `\x`.)
        _ if escape.starts_with("\\x") && doubled(&path[..at - path_start]) => return None,
        _ if escape.starts_with("\\x") => {
            let shown = !c.is_control() && !c.is_whitespace();
            number = if shown { format!("`{c}`") } else { format!("U+{:04X}", c as u32) };
            (number.as_str(), None)
        }
        _ => return None,
    };
    let typed = match escape[1..].chars().next() {
        Some(l) if l.is_ascii_alphabetic() && len == 2 => "a letter".to_string(),
        Some(' ') => "a space".to_string(),
        _ => format!("`{}`", &escape[1..]),
    };
    let message = format!("`{escape}` in double quotes is {what}, not a backslash and {typed}");
    let how = if on_path || matches!(escape, "\\n" | "\\t") { PATH_HELP } else { BACKSLASH_HELP };
    // (A character meant as written has a way to stay; text39a F39a-1.)
    let help = match kept {
        // (There one line break prints as a space, `\u000A` too; text40a F40a-35.)
        Some(_) if markdown && escape == "\\n" => {
            format!("{how}; in Markdown, as this text is, one line break prints as a space: for a new paragraph as meant, write `\\u000A\\u000A`")
        }
        Some(kept) => format!("{how}; for {what} as meant, write `{kept}`"),
        None => how.to_string(),
    };
    Some((message, help))
}

/// Whether the line break or tab escaped at byte `k` of `path` ([`path_around`]) is a
/// backslash and a letter of the path: `path` is a word on a share (`\\srv`), on a drive with
/// a second step or a file's name, or of two steps naming a file; `"one\ntwo"`,
/// `"Q:\nWhen"` are line breaks as meant.
fn path_break(path: &str, k: usize) -> bool {
    // (Backslashes before a letter or digit, as in a path's `\srv\team`; not `\n\nText`, a
    // paragraph break.)
    let before_letter =
        |k: usize| path.get(k + 2..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()));
    let steps = path.match_indices('\\').filter(|&(k, _)| before_letter(k)).count();
    // (A drive is one letter, `C:\`; `Agenda:\n1.` is a line break; text38a F38a-5.)
    let drive = has_drive(path);
    // (Two steps make a path when it names a file, `docs\new\plan.xlsx`: not
    // `Columns:\tleft\tright`.)
    let file = names_a_file(path);
    // (A drive with one step and no file, `Q:\nWhen`, is a label and a line break; text39a
    // F39a-1.)
    let deeper = path.matches('\\').count() > 1 || file;
    // (A path written with its backslashes doubled, `C:\\data\\x.xlsx\nNext`, ends at a line
    // break as meant, unless a backslash not doubled follows; text40a F40a-1.)
    let ended = doubled(&path[..k]) && escapes(&path[k + 2..]).all(|(_, doubled)| doubled);
    // (The steps before a file's name are folders: not `Annexes:\nagenda.pdf\nminutes.pdf`,
    // a list of files or addresses; text40a F40a-2. A folder may have a dot, `..`, `v1.2`:
    // text41a F41a-28.)
    let a_file = |name: &str| {
        names_a_file(name) && name.rsplit('.').next().is_some_and(|e| e.bytes().any(|b| b.is_ascii_alphabetic()))
    };
    let folders = path
        .split('\\')
        .rev()
        .skip(1)
        .all(|step| !(step.contains(['@', ':']) || a_file(step.get(1..).unwrap_or_default())));
    // (A drive's one step, when the escape's letter goes on in lower case, `C:\temp`,
    // `D:\new`, and a path from `..`, `.` or `%VAR%`, `..\table.xlsx`: text41a F41a-29.)
    let goes_on = path.get(k + 2..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()));
    let relative = path.starts_with("..\\")
        || path.starts_with(".\\")
        || path.strip_prefix('%').is_some_and(|r| r.find('%').is_some_and(|e| r[e + 1..].starts_with('\\')));
    before_letter(k)
        && !ended
        && (drive && (deeper || goes_on) || relative || path.contains("\\\\") || steps > 1 && file && folders)
}

/// Whether `path`, before a `\_`, is a file's path as a program writes one: its backslashes
/// doubled up to the file's name, then only such no-break spaces (`C:\\Temp\\a.docx\_S.`).
fn machine_written(path: &str) -> bool {
    let file = path.split("\\_").next().unwrap_or(path);
    names_a_file(file) && doubled(file)
}

/// Whether every backslash of `text` is written doubled, `\\`, and one at least after text,
/// as between two steps (`C:\\data`, `\\\\srv`): not only the two of a share, `\\srv`.
fn doubled(text: &str) -> bool {
    let mut pairs = escapes(text).map(|(at, doubled)| doubled.then_some(at > 0));
    pairs.clone().all(|pair| pair.is_some()) && pairs.any(|pair| pair == Some(true))
}

/// The escapes of `text` read from its start: where each is, and whether it is `\\`.
fn escapes(text: &str) -> impl Iterator<Item = (usize, bool)> + Clone + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = i + text.get(i..)?.find('\\')?;
        let escape = escapes::read(&text[at..])?;
        i = at + escape.source_len();
        Some((at, matches!(escape, Escape::Char { c: '\\', .. })))
    })
}

/// Whether `word` ends in a file's name: a dot and one to five letters or digits after it
/// (`plan.xlsx`), a mark after it left out.
fn names_a_file(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';', ')']);
    word.rsplit_once('.')
        .is_some_and(|(_, ext)| (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `word` names a drive, `C:\` (one letter, then `:\`).
fn has_drive(word: &str) -> bool {
    let bytes = word.as_bytes();
    word.match_indices(":\\")
        .any(|(k, _)| k >= 1 && bytes[k - 1].is_ascii_alphabetic() && (k == 1 || !bytes[k - 2].is_ascii_alphanumeric()))
}

/// Whether the escape at `at` in `text` is in a path on a drive or a share (`C:\Users\…`,
/// `\\srv\…`): its backslashes were meant as such.
fn in_a_path_word(text: &str, at: usize) -> bool {
    let (_, path) = path_around(text, at);
    has_drive(path) || path.contains("\\\\")
}

/// The path the escape at `at` of `text` may be in, and where it starts: the word around it,
/// or, when that word names a file and has no drive or share, the words back to one that has,
/// with two at most between (`C:\Program Files\new.txt`, `C:\budget files\new.txt`: a path
/// with a space; text40a F40a-41). A word that ends a sentence or a clause, or holds a
/// colon, ends the words looked back over.
fn path_around(text: &str, at: usize) -> (usize, &str) {
    let (start, word) = word_around(text, at);
    if has_drive(word) || word.contains("\\\\") || !names_a_file(word) {
        return (start, word);
    }
    let mut from = start;
    for _ in 0..3 {
        let Some(before) = text[..from].strip_suffix(' ') else { break };
        let back = before.rsplit(apart).next().unwrap_or("");
        let back_start = before.len() - back.len();
        // (Not from a label and a line break, `Q:\nSee the\nagenda.pdf`.)
        let label = back.match_indices(":\\").all(|(k, _)| back[k + 2..].starts_with(['n', 't']));
        if has_drive(back) && !label || back.starts_with("\\\\") {
            return (back_start, &text[back_start..start + word.len()]);
        }
        if back.is_empty() || back.contains(':') || back.ends_with(['.', ',', ';', '?', '!']) {
            break;
        }
        from = back_start;
    }
    (start, word)
}

/// What ends a word: white space or a quotation mark.
fn apart(c: char) -> bool {
    c.is_whitespace() || c == '"'
}

/// The word of `text` around byte `at`, between white space or quotation marks, and where it
/// starts.
fn word_around(text: &str, at: usize) -> (usize, &str) {
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
        BadEscape::Unknown => ("an unknown escape in double quotes (a backslash starts one)", BACKSLASH_HELP.into()),
        BadEscape::PastLast => (
            "an escape in this quoted text is not a character: the last there is, U+10FFFF, is `\\U0010FFFF`",
            "write the character itself, or the eight digits of its number after `\\U`".into(),
        ),
    };
    Diagnostic::new(Some(place), "", message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message and help of the slip named in the double-quoted `value`, if any.
    fn slip(value: &str) -> Option<(String, String)> {
        in_a_path(&format!("\"{value}\""), 0, std::iter::empty()).map(|d| (d.message, d.help.unwrap_or_default()))
    }

    #[test]
    fn escapes_that_eat_a_path_s_letters_are_named() {
        // text40a F40a-41: `\P`, `\L`, `\_`, `\x41` and `\ ` printed a separator, a no-break
        // space, a letter or a space for a path's backslash and letter, and check said ok.
        for (value, says) in [
            (r"The tool is in C:\Program Files", "`\\P` in double quotes is a paragraph separator (U+2029)"),
            (r"Logs in D:\\Public\Logs.", "`\\L` in double quotes is a line separator (U+2028)"),
            (r"Share \\\\fs\_Archive", "`\\_` in double quotes is a no-break space, not a backslash and `_`"),
            (r"Open C:\x41pps", "`\\x41` in double quotes is `A`, not a backslash and `x41`"),
            (r"Save to C:\ or D:", "`\\ ` in double quotes is a space, not a backslash and a space"),
            // A path with a space: the word of the escape names a file, a drive before it.
            (r"See C:\budget files\new.txt", "`\\n` in double quotes is a line break"),
        ] {
            let (message, help) = slip(value).unwrap_or_else(|| panic!("{value}: not named"));
            assert!(message.starts_with(says), "{value}: {message}");
            assert!(help.starts_with(PATH_HELP), "{value}: {help}");
        }
        // Anywhere, with how to keep one meant.
        let (_, help) = slip(r"One\Ltwo").expect("named");
        assert_eq!(help, format!("{BACKSLASH_HELP}; for a line separator (U+2028) as meant, write `\\u2028`"));
        // Written so by YAML and JSON writers, or meant: as typed.
        for value in [
            r"10\_km",
            r"https:\/\/example.org",
            r"C:\/data",
            r"\x41\u2028",
            r"C:\\Program Files\\x41",
            r"Q:\nSee the\nagenda.pdf",
            r"Results\nin C:\\data",
            r"C:\\Users\\Jos\xE9\\x.docx",
        ] {
            assert_eq!(slip(value), None, "{value}");
        }
    }

    #[test]
    fn a_path_written_as_meant_and_lists_end_at_a_line_break() {
        // text40a F40a-1: a path with its backslashes doubled, then `\n`, was "a line break,
        // not a backslash and a letter"; F40a-2: so were lists of files and addresses.
        for value in [
            r"Protokollet ligger på \\\\srv\\delat\\PM\nUtkastet kommer i maj.",
            r"Sökväg: C:\\Temp\\protokoll.docx\nSkickas i dag.",
            r"C:\\data\\x.xlsx\nsecond line",
            r"Saved in C:\\data and the\nagenda.pdf",
            r"Annexes:\nagenda.pdf\nminutes.pdf",
            r"Kontakt:\nanna@example.se\npress@example.se",
            r"Versions:\tv1.2\tv1.3.pdf",
            // (A label and a line break, `Q:\nWhen`, stays one.)
            r"Q:\nWhen do we meet?",
            r"A:\tYes.",
            // (PyYAML's no-break space after a path it wrote: text41a F41a-24.)
            r"Siehe C:\\Temp\\Bericht.docx\_S.\_3",
        ] {
            assert_eq!(slip(value), None, "{value}");
        }
        // A path with a backslash not doubled, a share of two, a path of folders: named.
        for value in [
            r"Files in C:\new\table.xlsx",
            r"Shared drive: \\srv\team",
            r"C:\\data\new\table.xlsx",
            r"See reports\new\table.xlsx",
            r"Option A:\tkeep\nOption B: drop",
            // text41a F41a-28: a folder with a dot; F41a-29: one step from a drive, `..` or a
            // variable.
            r"Open v1.2\new\table.xlsx now",
            r"Open ..\new\table.txt now",
            r"Save it to C:\temp",
            r"or D:\new, or",
            r"or ..\table.xlsx",
            r"or %TEMP%\new",
        ] {
            assert!(slip(value).is_some_and(|(m, _)| m.contains("in double quotes is a")), "{value}");
        }
    }

    #[test]
    fn a_line_break_meant_in_markdown_is_kept_as_a_paragraph() {
        // text40a F40a-35: `\u000A`, as the help said, printed a space in a summary.
        let text = r#""Files in C:\new\table.xlsx""#;
        let help = |keys: &[&str]| in_a_path(text, 0, keys.iter().copied()).and_then(|d| d.help).unwrap_or_default();
        for keys in [&["summary"][..], &["topics", "body"], &["overview", "en"]] {
            assert!(help(keys).ends_with("for a new paragraph as meant, write `\\u000A\\u000A`"), "{keys:?}");
        }
        for keys in [&["title"][..], &["topics", "title"], &["contact", "note"]] {
            assert!(help(keys).ends_with("for a line break as meant, write `\\u000A`"), "{keys:?}");
        }
    }
}
