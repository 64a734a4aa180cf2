//! Notes to the writers that a text would publish (text45a F45a-35): a ` # TODO` at the end of
//! a line of a `|` text, which YAML keeps as text there (outside a block it is a comment), and
//! an HTML comment, `<!-- … -->`, which a briefing prints as typed, in any field
//! (text46a F46a-6: a title's and a contact's were printed).
//!
//! A `#` (or the Japanese input's `＃`) is a note as YAML would read a comment after a value,
//! after a space (half- or full-width), when a writer's note follows it (`# TODO`, `#FIXME`,
//! `＃要確認`), or a space after a gap of two (`  # call Anna`); not a number or a hashtag
//! typed on purpose (`issue #5`, `Item # 5`, `#EUJapan`), which prints as typed.

use super::Checker;
use crate::diag::Span;
use crate::load::{opens_comment, starts_note, Spanned};

const WIDE_HASH: char = '\u{FF03}';
const WIDE_SPACE: char = '\u{3000}';

/// What a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// A `#` (or `＃`, the sign held) and the note after it, on a block text's line.
    Hash(char),
    /// `<!--` with a `-->` after it.
    Html,
}

/// The notes in `source`, a field's text as typed, in order, at most one a line (and none
/// inside an HTML comment): their offsets in it; and the bytes looked at to find them.
struct Found {
    notes: Vec<(usize, Note)>,
    /// The bytes read: one pass over the text, and a `-->` looked for once past each `<!--`
    /// that has one (the text skipped to it) or once to the end: at most about three times the
    /// text's length (text46a F46a-19: the rest of the text was searched at each `<!--`, and
    /// the line's backticks counted again at each `  #`; 13 s for 2.6 MB).
    work: usize,
}

/// [`Found`] in `source`, in one pass; `markdown` when backticks mark code there.
fn notes(source: &str, markdown: bool) -> Found {
    let block = source.starts_with(['|', '>']);
    let mut found = Found { notes: Vec::new(), work: 0 };
    // The line's state: where it starts, whether it is the block's mark's, whether it is
    // inside a code span (an odd number of backticks before), has text, has a note, is a
    // heading's.
    let mut line = 0;
    let mut first = true;
    let mut code = false;
    let mut text = false;
    let mut noted = false;
    let mut heading = false;
    // (Whether a `-->` may follow: once none does, none does for a later `<!--` either.)
    let mut closes = true;
    let mut at = 0;
    while let Some(c) = source[at..].chars().next() {
        let next = at + c.len_utf8();
        let marks = block && first;
        found.work += c.len_utf8();
        match c {
            '\n' => {
                (line, first, code, text, noted, heading) = (next, false, false, false, false, false);
            }
            '`' if markdown => code = !code,
            '<' if closes && !noted && !code && !marks && source[at..].starts_with("<!--") => {
                let Some(end) = source[at + 4..].find("-->") else {
                    found.work += source.len() - at - 4;
                    closes = false;
                    text = true;
                    at = next;
                    continue;
                };
                // (What the comment holds is its own: read on past it, on the line it ends.)
                let close = at + 4 + end + 3;
                found.work += 2 * (close - next);
                if let Some(i) = source[at..close].rfind('\n') {
                    (line, first, code, heading) = (at + i + 1, false, false, false);
                }
                found.notes.push((at, Note::Html));
                (text, noted) = (true, true);
                at = close;
                continue;
            }
            '#' | WIDE_HASH
                if block
                    && !first
                    && !noted
                    && !code
                    && text
                    && is_note(&source[line..at], &source[next..], heading && c == '#') =>
            {
                found.notes.push((at, Note::Hash(c)));
                noted = true;
            }
            '#' if !text => heading = true,
            _ => {}
        }
        text |= !matches!(c, ' ' | '\t' | '\r' | '\n' | WIDE_SPACE);
        at = next;
    }
    found
}

/// Whether a `#` or `＃` after `before` on its line, with `after` after it (to the text's
/// end), is a note: after a space, before a writer's note; or after two spaces (a tab, a
/// full-width space) before a space or the line's end. On a `heading`'s line, not the `#`
/// that closes it (`## Results  #`).
fn is_note(before: &str, after: &str, heading: bool) -> bool {
    let mut back = before.chars().rev();
    let (Some(last), second) = (back.next(), back.next()) else { return false };
    let space = |c: char| matches!(c, ' ' | '\t' | WIDE_SPACE);
    if !space(last) {
        return false;
    }
    if starts_note(after) {
        return true;
    }
    let gap = matches!(last, '\t' | WIDE_SPACE) || second.is_some_and(space);
    let rest = after.trim_start_matches([' ', '\t']);
    let closing = heading && (rest.is_empty() || rest.starts_with(['\r', '\n']));
    gap && opens_comment(after) && !closing
}

/// The note itself, for the comment line the help shows: what follows its sign or what the
/// HTML comment holds, when it is one short line (not empty); `Err(())` for an empty HTML comment.
fn shown(source: &str, at: usize, note: Note) -> Result<Option<&str>, ()> {
    let text = match note {
        Note::Hash(sign) => {
            let rest = &source[at + sign.len_utf8()..];
            rest[..rest.find('\n').unwrap_or(rest.len())].trim_matches([' ', '\t', '\r', WIDE_SPACE])
        }
        Note::Html => {
            let rest = &source[at + 4..];
            let inner =
                rest[..rest.find("-->").unwrap_or(rest.len())].trim_matches([' ', '\t', '\r', '\n', WIDE_SPACE]);
            if inner.is_empty() {
                return Err(());
            }
            inner
        }
    };
    Ok((!text.is_empty() && !text.contains(['\n', '`']) && text.chars().count() <= 60).then_some(text))
}

impl Checker<'_> {
    /// Reports each note in a field that would be printed, at its place; `markdown` for a
    /// Markdown field.
    pub(super) fn published_notes(&mut self, field: &Spanned<String>, path: &str, markdown: bool) {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        if !source.contains("<!--") && !source.contains(['#', WIDE_HASH]) {
            return;
        }
        let key = path.rsplit('.').next().unwrap_or(path);
        for (at, note) in notes(source, markdown).notes {
            let start = field.span.start + at;
            let comment = match shown(source, at, note) {
                Err(()) => "delete it".to_string(),
                Ok(Some(text)) => format!("move the note onto a YAML comment line of its own above `{key}:`, `# {text}`, or delete it"),
                Ok(None) => format!(
                    "move the note onto YAML comment lines of their own above `{key}:`, each starting with `# `, or delete it"
                ),
            };
            let (span, message, help) = match note {
                Note::Hash(sign) => {
                    let mark = &source[..1];
                    let message = format!(
                        "this `{sign}` and what follows it are printed: inside a `{mark}` text, YAML keeps them as text, \
                         not as a comment"
                    );
                    // (One space before a `#` that starts no note prints it as typed.)
                    let help = match starts_note(&source[at + sign.len_utf8()..]) {
                        true => comment,
                        false => format!("{comment}; to print the `{sign}`, leave a single half-width space before it"),
                    };
                    (Span::new(start, start + sign.len_utf8()), message, help)
                }
                Note::Html => (
                    Span::new(start, start + 4),
                    "this HTML comment is printed as typed, not hidden".to_string(),
                    comment,
                ),
            };
            self.report_with_help(span, path, message, Some(help));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, markdown: bool) -> Vec<(&str, Note)> {
        let at = |at: usize| &text[at..text[at..].char_indices().nth(4).map_or(text.len(), |(i, _)| at + i)];
        notes(text, markdown).notes.into_iter().map(|(i, n)| (at(i), n)).collect()
    }

    #[test]
    fn notes_are_found_where_they_would_be_printed() {
        let text = "|\n  Both sides agreed.   # TODO check\n  Item # 5 and C# code.\n  See `a  # b`.\n  \
                    Agreed. <!-- internal -->\n  `<!-- x -->` is markup.\n  ## A heading\n";
        assert_eq!(found(text, true), [("# TO", Note::Hash('#')), ("<!--", Note::Html)]);
        // A plain or quoted value: ` # …` is YAML's comment there, or typed on purpose.
        assert!(notes("\"Agreed.   # TODO\"", true).notes.is_empty());
    }

    #[test]
    fn a_note_is_a_hash_before_a_writer_s_note_or_after_a_gap() {
        // (text46a F46a-6: after one space, glued to the note, full-width, in a heading.)
        let text = "|\n  Agreed. # TODO check\n  Autumn.  #TODO confirm\n  Data.　　＃要確認\n  Chips.  ＃ 要確認\n  \
                    Trust. # FIXME\n  Semis.\t# call Anna\n  双方は確認した。　＃要修正\n  ## Results  # TODO\n";
        let hashes: Vec<&str> = found(text, true).into_iter().map(|(s, _)| s).collect();
        assert_eq!(hashes, ["# TO", "#TOD", "＃要確認", "＃ 要確", "# FI", "# ca", "＃要修正", "# TO"]);
        // Numbers and hashtags, typed on purpose; a heading's closing `#`.
        let text = "|\n  Issue #5 and item # 5.\n  Follow us.  #EUJapan ＃日EU\n  Note # 3 (TODO list).\n  \
                    ## Results  #\n  ## Results ##\n  #TODO at the start\n  a `x  # TODO` b\n";
        assert_eq!(found(text, true), []);
    }

    #[test]
    fn an_html_comment_is_a_note_in_any_field() {
        // (text46a F46a-6: a title's or a contact's was printed.)
        assert_eq!(found("\"Results <!-- check -->\"", false), [("<!--", Note::Html)]);
        assert_eq!(found("Division `<!-- new name? -->`", false), [("<!--", Note::Html)]);
        assert_eq!(found("Results <!-- never closed", false), []);
        // (One note for a comment over lines, and what it holds is its own.)
        assert_eq!(found("|\n  a <!--\n  b  # TODO\n  --> c  # TODO\n", true), [("<!--", Note::Html)]);
    }

    #[test]
    fn the_help_shows_the_comment_line_to_write() {
        let text = "|\n  Agreed.  #TODO confirm\n  <!---->\n  <!-- a\n  b -->\n";
        let shows: Vec<_> = notes(text, true).notes.into_iter().map(|(at, n)| shown(text, at, n)).collect();
        assert_eq!(shows, [Ok(Some("TODO confirm")), Err(()), Ok(None)]);
    }

    #[test]
    fn notes_are_found_in_one_pass() {
        // (text46a F46a-19: the rest of the text was searched for `-->` at each `<!--`, and a
        // line's backticks counted again at each `  #`.)
        let unclosed = format!("|\n{}", "  <!-- x\n".repeat(20_000));
        let after_backtick = format!("|\n  S.\n  a `code{}\n", "  # x".repeat(20_000));
        let closed_at_the_end = format!("|\n{}  -->\n", "  <!-- x `\n".repeat(20_000));
        let glued = format!("|\n  a{}\n", " ＃".repeat(20_000));
        for text in [unclosed, after_backtick, closed_at_the_end, glued] {
            let found = notes(&text, true);
            assert!(found.work <= 3 * text.len(), "{} bytes read for {}", found.work, text.len());
        }
    }
}
