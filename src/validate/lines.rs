//! A Markdown text's lines as typed, against what they print: lines typed as blocks of their
//! own (list items, table rows, headings, quotes; labels and bullets typed one a line, `Date:
//! …`, `日時：…`, `・…`) that YAML joined into one because the key has no `|`, a `>` or a
//! full-width `｜` instead; a note typed as a `#` line, which is a heading; a heading with
//! nothing under it; a pipe table without its `|---|` line.

use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::load::{self, Spanned};
use crate::markdown::{self, Slip, SlipKind};

/// The full-width vertical line a Japanese input method types for `|`.
const WIDE_BAR: char = '\u{FF5C}';

/// The full-width `＞` a Japanese input method types for `>`.
const WIDE_GT: char = '\u{FF1E}';

/// How a text's lines were joined by YAML.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joined {
    /// A plain value on several lines (`body:` and the text below).
    Plain,
    /// A folded block (`body: >`).
    Folded,
    /// A plain value that starts with a full-width `｜`, meant as `|`.
    WideBar,
    /// A quoted text on several lines (text31a F31a-11: a `# note` line in it was printed
    /// inside the paragraph, silently).
    Quoted,
}

/// How the value written as `source` (a field's source text) had its lines joined, and its
/// lines as they were typed, indentation common to them removed: `None` for a value whose
/// lines are kept (`|`), written in quotes, or on one line.
fn joined_lines(source: &str) -> Option<(Joined, Vec<&str>)> {
    // (From the value's first character: a tab typed after the key's colon, reported as
    // that, stands before it.)
    let source = source.trim_start_matches([' ', '\t']);
    let mut lines: Vec<&str> = source.lines().map(str::trim_end).collect();
    // (A block's mark typed in full width with a sign, `｜２`, `＞－`: the loader named it and
    // reads it as the mark meant, see `load/wide_marks.rs`.)
    let half: String = source
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| load::block_mark_sign(c).unwrap_or(c))
        .collect();
    let wide_mark = half.chars().count() > 1 && half.chars().skip(1).all(|c| matches!(c, '-' | '+' | '0'..='9'));
    // (At a colon: a `|` the loader put back over the key's colon, having reported it, see
    // `load/bars.rs`.)
    let joined = if source.starts_with(['|', ':']) || wide_mark && half.starts_with('|') {
        return None;
    } else if source.starts_with(['"', '\'']) {
        // (Without its quotes: the first line's, and the last's.)
        lines[0] = &lines[0][1..];
        if let Some(last) = lines.last_mut().filter(|l| l.ends_with(['"', '\''])) {
            *last = &last[..last.len() - 1];
        }
        Joined::Quoted
    } else if source.starts_with('>') || wide_mark && half.starts_with('>') {
        lines.remove(0);
        Joined::Folded
    } else if source.strip_prefix(WIDE_BAR).is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        // (`＞` alone on its key's line, over the text: text42a F42a-11. Not `＞ 引用` on it.)
        || lines.len() > 1 && lines[0].trim() == WIDE_GT.to_string()
    {
        Joined::WideBar
    } else {
        Joined::Plain
    };
    if lines.len() < 2 && joined != Joined::WideBar {
        return None;
    }
    // (A plain value's first line is on its key's line: only the lines below are indented.)
    let from = usize::from(joined != Joined::Folded);
    let lines_below = lines.iter().skip(from).filter(|l| !l.trim().is_empty());
    let common = lines_below.map(|l| l.len() - l.trim_start_matches(' ').len()).min().unwrap_or(0);
    for line in lines.iter_mut().skip(from) {
        *line = line.get(common..).unwrap_or("");
    }
    Some((joined, lines))
}

impl Checker<'_> {
    /// Reports a Markdown text whose lines YAML joined into one where one of them starts a
    /// block of its own (a list item typed line by line becomes one item), and a full-width
    /// `｜` where `|` was meant: at the key's line, with the fix.
    pub(super) fn joined(&mut self, field: &Spanned<String>, path: &str) {
        if self.known.replaced.contains(&field.span) {
            return; // (Not text as written: the loader said what it is.)
        }
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let Some((joined, lines)) = joined_lines(source) else { return };
        let key = load::key_before(&self.file.text, field.span.start);
        let name = key.map_or("body", |(_, name)| name);
        let fix = format!("write `{name}: |` to keep every line as typed");
        if joined == Joined::WideBar {
            let at = field.span.start;
            let (wide, mark) = if source.trim_start().starts_with(WIDE_GT) { (WIDE_GT, '>') } else { (WIDE_BAR, '|') };
            let at = at + source.len() - source.trim_start().len();
            let message = format!(
                "a full-width `{wide}` after `{name}:`, where YAML needs `{mark}`: the `{wide}` would be printed and the lines below joined into one"
            );
            let d = Diagnostic::new(Some(Span::new(at, at + wide.len_utf8())), path, message);
            self.diagnostics.push(d.with_help(format!("{fix}, with the Japanese input off")));
            return;
        }
        // A line that starts a block after one that is not blank: YAML joins the two.
        let text = lines.join("\n");
        let blocks = markdown::block_lines(&text);
        // (`>` keeps the line breaks around a line indented further than the others, a nested
        // item's; text33a F33a-2.)
        let deeper = |line: &str| joined == Joined::Folded && line.starts_with([' ', '\t']);
        let joins = |k: usize| k > 0 && !lines[k - 1].trim().is_empty() && !deeper(lines[k - 1]) && !deeper(lines[k]);
        // A sentence wrapped before a number, a `>` or a dash (`dem` / `1. Oktober 2025`,
        // `auf` / `> 40 %`) is one sentence, as YAML reads it and its writer meant (text40a
        // F40a-9): such a line is an item or a quote typed line by line only after a line
        // that ends a sentence, or beside another.
        let wrapped = |k: usize| {
            let starts = lines[k].trim_start().starts_with(|c: char| "-*+>".contains(c) || c.is_ascii_digit());
            let mid_sentence = lines[k - 1].trim_end().ends_with(|c: char| c.is_alphanumeric() || c == ',');
            starts && mid_sentence && !blocks.contains(&(k - 1)) && !blocks.contains(&(k + 1))
        };
        let block = blocks.iter().copied().find(|&k| joins(k) && !wrapped(k));
        // A line that a `|` text keeps as a line of its own by its shape, a label or a bullet
        // (`Date: …` over `Venue: …`, `日時：…`, `・…`): joined, silently (F48a-12).
        let own = markdown::own_lines(&lines).find(|&k| joins(k));
        let block = block.into_iter().chain(own).min();
        // A blank line between two lines of text: YAML makes it one line break, which
        // Markdown reads as a space, so the two paragraphs print as one (text42a F42a-9). (A
        // line that starts a block, a list item or a heading, starts it after one break too.)
        let blank = |k: usize| lines[k].trim().is_empty();
        // (One blank line: n of them are n - 1 line breaks, a paragraph's end from two on.)
        let paragraph = (1..lines.len()).find(|&k| {
            let next = Some(k + 1).filter(|&j| j < lines.len() && !blank(j));
            let heading = lines[k - 1].trim_start().starts_with('#');
            let apart = next.is_some_and(|j| !blocks.contains(&j) && !deeper(lines[j]));
            blank(k) && !blank(k - 1) && !heading && !deeper(lines[k - 1]) && apart
        });
        let paragraph = paragraph.filter(|_| !self.known.reported_in(field.span));
        let (k, paragraphs) = match (block, paragraph) {
            (Some(b), Some(p)) if p < b => (p, true),
            (Some(b), _) => (b, false),
            (None, Some(p)) => (p, true),
            (None, None) => return,
        };
        let below = usize::from(joined == Joined::Folded) + k;
        let at = source.match_indices('\n').nth(below - 1).map_or(0, |(at, _)| at + 1);
        let line = self.file.line_col(field.span.start + at).0;
        let shown: String = lines[k].trim().chars().take(60).collect();
        let (how, help) = match joined {
            Joined::Folded => (format!("`{name}: >` folds them"), format!("{fix} (`|`, not `>`)")),
            Joined::Quoted => (
                "a quoted text folds them".to_string(),
                format!("write the text as a block after `{name}: |`, without its quotes, to keep every line as typed"),
            ),
            _ => (format!("`{name}:` has no `|`"), fix),
        };
        let message = if paragraphs {
            format!(
                "YAML joins the paragraphs of this text into one, as {how}: the blank line (line {line}) would not end a paragraph"
            )
        } else {
            format!("YAML joins the lines of this text into one, as {how}: `{shown}` (line {line}) would not be a line of its own")
        };
        let place = match (joined, key) {
            (Joined::Folded, _) => Span::new(field.span.start, field.span.start + 1),
            (_, Some((span, _))) => span,
            _ => field.span,
        };
        self.diagnostics.push(Diagnostic::new(Some(place), path, message).with_help(help));
    }

    /// Reports each line of a Markdown text that prints other than it was most likely meant
    /// (see [`Slip`]), at its place.
    pub(super) fn slips(&mut self, field: &Spanned<String>, path: &str, slips: Vec<Slip>) {
        if self.known.replaced.contains(&field.span) {
            return;
        }
        let key = path.rsplit('.').next().unwrap_or(path);
        let not_a_comment = "a `#` line inside a `|` text is a heading in the briefing, not a comment";
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let lines = super::places::SourceLines::of(source);
        // (The text's own lines, found once for all its tables: each table's header looked up
        // from the text's start took 17 s for 12,500 tables; text45a F45a-27.)
        let mut text_lines: Option<Vec<&str>> = None;
        for slip in slips {
            let shown: String = slip.written.chars().take(60).collect();
            let (message, help) = match slip.kind {
                SlipKind::Note => (
                    format!("`{shown}` is printed as a heading: {not_a_comment}"),
                    format!(
                        "move the note out of the text: a YAML comment line goes outside the block, indented no \
                         further than `{key}:`"
                    ),
                ),
                SlipKind::HeadingLast | SlipKind::HeadingThenHeading => {
                    let why = if slip.kind == SlipKind::HeadingLast {
                        "it ends the text"
                    } else {
                        "the next heading is of the same or a higher level"
                    };
                    let help = if slip.written.starts_with('#') {
                        format!("write its text under it, or remove the line ({not_a_comment})")
                    } else {
                        "write its text under it; a line of `---` or `===` right under a line of text makes that \
                         text a heading"
                            .to_string()
                    };
                    (format!("the heading `{shown}` has no text under it: {why}"), help)
                }
                SlipKind::TableWithoutRule => (
                    format!(
                        "`{shown}` and the rows under it are printed as one paragraph: a table needs a `|---|` line under its header row"
                    ),
                    "write a line such as `|---|---|` under the first row, one `---` for each column".to_string(),
                ),
                SlipKind::TableRuleColumns => {
                    let count = |line: &str| line.trim().trim_matches('|').split('|').count();
                    let text_lines = text_lines.get_or_insert_with(|| field.value.lines().collect());
                    let header = text_lines.get(slip.line.saturating_sub(1)).copied().map_or(0, count);
                    (
                        format!(
                            "the line `{shown}` under the table's header row has {} columns, the header {header}: \
                             no table is made, and its rows print as one paragraph",
                            count(&slip.written)
                        ),
                        "write one `---` for each column of the header, as `|---|---|---|` for three".to_string(),
                    )
                }
                SlipKind::QuoteOfNumber => (
                    format!("`{shown}` is printed as a quote, without its `>`: at the start of a line, `>` begins a quote"),
                    "for \"more than\", write `\\>` (as in `\\> 5%`) or the words; for a quote, set it apart: on a line \
                     of its own after a blank line, with a space after its `>`"
                        .to_string(),
                ),
                SlipKind::NumberSign => (
                    format!("`{shown}` is printed as a heading, without its `#`: at the start of a line, `# ` begins a heading"),
                    "for the sign, write `\\#` (as in `\\# of participants`) or the words (\"Number of …\"); a \
                     heading starts with a capital"
                        .to_string(),
                ),
                SlipKind::SignedFigure => (
                    format!(
                        "`{shown}` is printed as a bullet, without its sign: at the start of a line, `+ ` and `- ` \
                         begin a list"
                    ),
                    "write the sign before the number without a space (`+5 %`, `-2 %`), or as `\\+ 5 %`; lines of `+` \
                     and `-` items together (`+ 5 % exports` over `- 2 % imports`) print their signs as typed"
                        .to_string(),
                ),
                SlipKind::FootnoteStar => (
                    format!(
                        "`{shown}` is printed as a bullet, without its `*`: at the start of a line, `* ` begins a list"
                    ),
                    format!(
                        "for the footnote's star, write `\\*` (as in `\\* {}`); for a bullet, write `- `",
                        words_after_sign(&slip.written)
                    ),
                ),
                SlipKind::PlusBullet => (
                    format!(
                        "`{shown}` is printed as a bullet, without its `+`: at the start of a line, `+ ` begins a list"
                    ),
                    format!(
                        "for the plus sign, write `\\+` (as in `\\+ {}`), or put the list's `- ` items (pros and \
                         cons) right under it, which keeps every sign; for a bullet, write `- `",
                        words_after_sign(&slip.written)
                    ),
                ),
                SlipKind::RuleUnderSentence(mark) => {
                    let rule = mark.to_string().repeat(3);
                    let blank = if slip.written.starts_with('>') { " (in a quote, a line of `>` alone)" } else { "" };
                    (
                        format!(
                            "`{shown}` is printed as a heading and the `{rule}` under it not at all: a line of `{rule}` \
                             right under text makes that text a heading"
                        ),
                        if mark == '-' {
                            format!("for a rule between parts, put a blank line{blank} above the `---`")
                        } else {
                            format!(
                                "put a blank line{blank} above the `===` to print it as typed, or write `---` after a \
                                 blank line for a rule between parts"
                            )
                        },
                    )
                }
                SlipKind::NumberInSentence => (
                    format!(
                        "`{shown}` is printed as a numbered list item, cutting the sentence above: at the start of a \
                         line, a number and `. ` begin a list"
                    ),
                    {
                        let (number, rest) = slip.written.split_once(". ").unwrap_or(("1", ""));
                        let word = rest.split_whitespace().next().unwrap_or("");
                        format!("join the line to the one above, or write `\\.` after the number (as in `{number}\\. {word}`)")
                    },
                ),
                SlipKind::DashInSentence => (
                    format!(
                        "`{shown}` is printed as a bullet, without its dash, cutting the sentence above: at the start \
                         of a line, `- ` begins a list"
                    ),
                    {
                        let word = slip.written[1..].split_whitespace().next().unwrap_or("");
                        format!("join the line to the one above, or write `\\-` for the dash (as in `\\- {word}`)")
                    },
                ),
                SlipKind::YearAsNumber => (
                    {
                        let year = slip.written.split_once(". ").map_or("", |(y, _)| y);
                        format!(
                            "`{shown}` is printed as item {year} of a numbered list: at the start of a line, a number \
                             and `. ` begin a list"
                        )
                    },
                    {
                        let (year, rest) = slip.written.split_once(". ").unwrap_or(("2026", ""));
                        let word = rest.split_whitespace().next().unwrap_or("");
                        format!("write `\\.` after the year (as in `{year}\\. {word}`)")
                    },
                ),
                SlipKind::WideTable => (
                    format!(
                        "`{shown}` and the rows under it are printed as one line: a table is typed with `|` and `-`, \
                         not the full-width `｜` and `－` of the Japanese input"
                    ),
                    "type the table's bars and dashes with the Japanese input off, as `|国名|人数|` over `|---|---|`"
                        .to_string(),
                ),
                SlipKind::SpaceInAddress => (
                    format!(
                        "`{shown}` holds a link whose address has a space: no link is made, and a reader's click \
                         leads to the address's first word"
                    ),
                    "write each space in the address as `%20`".to_string(),
                ),
                SlipKind::IndentedProse(indent) => (
                    format!(
                        "`{shown}` is printed as code, in a monospaced face: a paragraph that starts with {} is a code \
                         block in Markdown",
                        if indent == '\t' { "a tab" } else { "four spaces" }
                    ),
                    "delete the indent; a code block is written between ``` lines".to_string(),
                ),
                SlipKind::UnclosedFence(mark) => {
                    let fence = mark.to_string().repeat(3);
                    (
                        format!(
                            "the line {shown} opens code that no line of {fence} closes: the text after it, to the end \
                             of the text or of its list item or quote, is printed as code"
                        ),
                        format!("write a line of {fence} where the code ends, or delete this line if it is no code"),
                    )
                }
                SlipKind::MarksBesideJapanese => (
                    format!(
                        "`{shown}` is printed with its `*`: beside Japanese brackets and punctuation, Markdown does not \
                         take `**` or `*` for bold or emphasis"
                    ),
                    "put the marks inside the brackets, as in 「**重要**」, or leave them out".to_string(),
                ),
                SlipKind::UnclosedMarks => (
                    format!("`{shown}` is printed with its `**`: no other `**` pairs with it to make the words bold"),
                    "put `**` on both sides of the bold words, as in 本日は**重要**な会合, or write `\\*\\*` to print \
                     the stars"
                        .to_string(),
                ),
            };
            let place = self.line_place_in(field, &lines, slip.line, &slip.written);
            // (The marks of a line found as written: at them, not at the line's start; F48a-9.)
            let written = self.file.text.get(place.start..).is_some_and(|t| t.starts_with(slip.written.as_str()));
            let place = match slip.marks.filter(|_| written) {
                Some(marks) => Span::new(place.start + marks.start, place.start + marks.end),
                None => place,
            };
            // (In double quotes YAML reads `\+` as an escape it does not know: the help, followed,
            // did not build; text49a F49a-19.)
            let help = if source.trim_start().starts_with('"') { in_double_quotes(&help) } else { help };
            self.diagnostics.push(Diagnostic::new(Some(place), path, message).with_help(help));
        }
    }
}

/// `help` for a text in double quotes: each backslash in its code spans written as YAML reads
/// one there, `\\` (`\+` is `\\+`).
fn in_double_quotes(help: &str) -> String {
    let spans: Vec<String> = help
        .split('`')
        .enumerate()
        .map(|(k, part)| if k % 2 == 1 { part.replace('\\', "\\\\") } else { part.to_string() })
        .collect();
    let written = spans.join("`");
    if written == help {
        written
    } else {
        format!("{written} (in double quotes, YAML reads `\\\\` as one backslash)")
    }
}

/// A line's text after its sign and spaces (`* Figures are provisional.` gives `Figures are
/// provisional.`), up to 40 characters, for a help's example.
fn words_after_sign(line: &str) -> String {
    line.get(1..).unwrap_or("").trim_start().chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_of_a_value_are_read_as_typed() {
        let (joined, lines) = joined_lines("Both sides agreed.\n\n      - data flows\n        - nested").unwrap();
        assert!(joined == Joined::Plain);
        assert_eq!(lines, ["Both sides agreed.", "", "- data flows", "  - nested"]);
        let (joined, lines) = joined_lines(">-\n      Both sides agreed.\r\n      - data flows").unwrap();
        assert!(joined == Joined::Folded);
        assert_eq!(lines, ["Both sides agreed.", "- data flows"]);
        let (joined, lines) = joined_lines("｜\n      双方は合意した。").unwrap();
        assert!(joined == Joined::WideBar);
        assert_eq!(lines, ["｜", "双方は合意した。"]);
        assert!(joined_lines("| kept\n  - a").is_none());
        // text31a F31a-11: a quoted text's lines are joined too, without their quotes.
        let (joined, lines) = joined_lines("\"quoted\n  # note\"").unwrap();
        assert!(joined == Joined::Quoted);
        assert_eq!(lines, ["quoted", "# note"]);
        assert!(joined_lines("'one line'").is_none());
        assert!(joined_lines("one line").is_none());
        assert!(joined_lines("｜text on one line").is_none());
        // A block's mark typed in full width with a sign: read as the mark meant (the loader
        // named it).
        assert!(joined_lines("｜２\n      ・次回\n      ・作業").is_none());
        let (joined, lines) = joined_lines("＞－\n  双方は\n  合意した。").unwrap();
        assert!(joined == Joined::Folded);
        assert_eq!(lines, ["双方は", "合意した。"]);
    }
}
