//! Printed text: one-line fields and Markdown bodies. Every character must be one a font
//! has and not a control character, and no right-to-left text; Markdown must not nest too
//! deeply, tables must not be too wide, and a body must print some text. Tabs become spaces.

use std::collections::HashSet;

use super::invisible::{invisible_message, invisible_only};
use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::load::Spanned;
use crate::markdown::{self, Block, Inline};

/// Columns a tab in a code block advances to.
const TAB_STOP: usize = 4;

/// Deepest nesting of lists and quotes in a Markdown field. `Block` trees are walked (and
/// dropped) recursively, so a body of 100 000 `>` must not reach the layout.
const MAX_MARKDOWN_DEPTH: usize = markdown::MAX_NESTING;

/// The most columns a table may have: more cannot each get a legible width on a page (on A4
/// in the default template, 20 columns are about 23 pt each, three or four characters).
const MAX_TABLE_COLUMNS: usize = 20;

/// The most table cells, header cells included, that one briefing may hold. Each cell is a
/// structure element of the PDF and a place on a page: 198,000 cells of four words each
/// needed 1.55 GB to build, a redline of 80,000 1.17 GB, and 49,800 cells of one 75-letter
/// word each (20 columns, each word broken over many lines) 11 s and 1.4 GB; no briefing
/// needs a tenth of this.
pub(super) const MAX_TABLE_CELLS: usize = 25_000;

/// The most links one briefing may have (every web and e-mail address written in its text is
/// one): each is a structure element and an annotation on each line it is set on, and
/// 420,000 took 12 s and 1.1 GB to build.
pub(super) const MAX_LINKS: usize = 100_000;

/// The most blocks (paragraphs, headings, list items, quotes, lines of code, rules) one
/// briefing may have: each is a structure element and a place on a page, and 4 MB of
/// one-letter ones took 10 to 22 s and 1.3 to 2.4 GB to build (345,000 list items, 8 s and
/// 1.08 GB; a code block of a million empty lines 11 s and 1.27 GB). 100,000 paragraphs are
/// about 3,300 pages.
pub(super) const MAX_BLOCKS: usize = 100_000;

/// The most runs of text (a stretch in one style: plain, emphasis, strong, code, a link)
/// the Markdown of one briefing may hold: each is set, drawn and tagged on its own, and 4 MB
/// of `` `a` `` (a million code spans) took 14 s and 2.06 GB to build, of `*a* ` 9 s and
/// 1.37 GB (500,000 code spans: 6 s and 990 MB). Prose has a few in a paragraph.
pub(super) const MAX_RUNS: usize = 250_000;

/// The most changes between scripts (Latin, Greek or Cyrillic; Japanese; any other, or a
/// symbol) one briefing's text may make: each starts a run in another font, drawn, tagged and
/// read back on its own, and 4 MB of `日a ` (1.7 million changes) took 17 s and 1.7 GB to
/// build. 250,000 are more than 4 MB of Japanese with a Latin word in every sentence makes.
pub(super) const MAX_SCRIPT_CHANGES: usize = 250_000;

/// The changes of script in `text` (see [`MAX_SCRIPT_CHANGES`]); spaces and punctuation
/// belong to every script: ASCII's, and the general punctuation and currency signs the text
/// font has (`’ “ ” – €`: each counted twice, a 2.5 MB English text with curly quotes was
/// refused; text37b F37b-3).
pub(super) fn script_changes(text: &str) -> usize {
    let mut last = None;
    let mut changes = 0;
    for c in text.chars() {
        let script = match c {
            c if c.is_ascii_whitespace() || c.is_ascii_punctuation() => continue,
            '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => continue,
            c if c < '\u{0530}' => 0,
            c if crate::script::is_japanese(c) => 1,
            _ => 2,
        };
        changes += usize::from(last.is_some_and(|l| l != script));
        last = Some(script);
    }
    changes
}

/// The longest link address, in bytes: the most that every browser follows (2,048), and each
/// line a link's text is set on holds it again.
pub(super) const MAX_LINK: usize = 2_048;

/// The most words (each Japanese character one) the tables of one briefing may hold: in a
/// table of many columns each word may be a line of its own, drawn and tagged, and 750,000
/// words in 20 columns took 11 s and 1.7 GB to build (240,000: 5.4 s, 670 MB).
pub(super) const MAX_TABLE_WORDS: usize = 200_000;

/// The tables in `blocks`, those in lists and quotes too: the most columns of any, and how
/// many cells and words they hold together (see [`MAX_TABLE_WORDS`]: each Japanese character
/// a word).
fn tables(blocks: &[Block]) -> (usize, usize, usize) {
    let words = |text: &str| -> usize {
        text.split_whitespace().map(|w| w.chars().filter(|&c| crate::script::is_japanese(c)).count().max(1)).sum()
    };
    let all =
        |(widest, cells, n): (usize, usize, usize), (w, c, k): (usize, usize, usize)| (widest.max(w), cells + c, n + k);
    blocks
        .iter()
        .map(|b| match b {
            Block::Table { header, rows, .. } => (
                rows.iter().map(Vec::len).chain([header.len()]).max().unwrap_or(0),
                header.len() + rows.iter().map(Vec::len).sum::<usize>(),
                header.iter().chain(rows.iter().flatten()).flatten().map(|i| words(&i.text)).sum(),
            ),
            Block::List { items, .. } => items.iter().map(|i| tables(i)).fold((0, 0, 0), all),
            Block::Quote(inner) => tables(inner),
            _ => (0, 0, 0),
        })
        .fold((0, 0, 0), all)
}

/// The blocks in `blocks`, those inside list items and quotes too (an item, one at least).
fn count_blocks(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            // (As the limit's message names them: an item holding a list is its own text and
            // that list's items, not one more for the list.)
            Block::List { items, .. } => items.iter().map(|i| count_blocks(i).max(1)).sum::<usize>().max(1),
            Block::Quote(inner) => count_blocks(inner).max(1),
            Block::Code(lines) => lines.len().max(1),
            _ => 1,
        })
        .sum()
}

/// Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…). No
/// ASCII character is one, and most characters of most briefings are ASCII.
pub(super) fn right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass;
    !c.is_ascii() && matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// `text` with each character that would not print as itself written as its code point
/// (`<U+1F468>`): a control character, an invisible one (U+200B, U+202E), one no font has
/// (`covers`), right-to-left text. For
/// text the user did not type to be printed (a file's name), so that it is shown as it is
/// rather than refused or lost.
pub fn visible(text: &str, covers: &dyn Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // (A line or paragraph separator breaks or blanks a terminal's line: text46a F46a-23.)
        let breaks = matches!(c, '\u{2028}' | '\u{2029}');
        if c.is_control() || breaks || right_to_left(c) || crate::fonts::is_invisible(c) || !covers(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// What the briefing may hold only so many of, counted across its fields.
#[derive(Clone, Copy)]
pub(super) enum Tally {
    Cells,
    Links,
    Blocks,
    Scripts,
    TableWords,
    Runs,
}

impl Checker<'_> {
    /// Adds `n` to the briefing's count of `what`, and reports the field (at `span`) where the
    /// count passes what one briefing may hold: there only, not at every field after it.
    pub(super) fn tally(&mut self, what: Tally, n: usize, span: Span, path: &str) {
        let (count, limit, things, help) = match what {
            Tally::Cells => (
                &mut self.table_cells,
                MAX_TABLE_CELLS,
                ("tables", " cells"),
                "attach large data as a file of its own, or split the briefing",
            ),
            Tally::Links => {
                (&mut self.links, MAX_LINKS, ("links", ""), "write addresses as text in `code`, or split the briefing")
            }
            Tally::Blocks => (
                &mut self.blocks,
                MAX_BLOCKS,
                ("paragraphs, headings, list items and lines of code", ""),
                "a briefing is read in a few pages: split it, or attach long material as a file of its own",
            ),
            Tally::TableWords => (
                &mut self.table_words,
                MAX_TABLE_WORDS,
                ("tables", " words"),
                "attach large data as a file of its own, or split the briefing",
            ),
            Tally::Runs => (
                &mut self.runs,
                MAX_RUNS,
                ("texts", " runs of emphasis, code, links and plain text"),
                "each run is set on its own: emphasise less, or split the briefing",
            ),
            Tally::Scripts => (
                &mut self.script_changes,
                MAX_SCRIPT_CHANGES,
                ("texts", " changes between scripts"),
                "each change starts a run of text in another font; split the briefing",
            ),
        };
        let before = *count;
        *count += n;
        if before <= limit && *count > limit {
            let message = format!(
                "the briefing's {} reach {}{} here, more than the {limit} one briefing may have",
                things.0, *count, things.1
            );
            self.diagnostics.push(Diagnostic::new(Some(span), path, message).with_help(help));
        }
    }

    /// Printed text, checked, trimmed, tabs made spaces.
    pub(super) fn plain(&mut self, field: &Spanned<String>, path: &str) -> String {
        self.characters(field, path);
        // (A topic's title may be a slogan in quotes, a contact's note a quotation.)
        if !path.is_empty() && !path.starts_with("topics[") && path != "contact.note" {
            self.curly_quoted(field, path);
        }
        // (Not a line given elsewhere, `bundle --title`: no YAML comment to move a note to.)
        if !path.is_empty() {
            self.published_notes(field, path, false);
        }
        if let Some(c) = invisible_only(field.value.chars()) {
            self.report(field.span, path, invisible_message(c));
            return String::new();
        }
        field.value.trim().replace("\r\n", "\n").replace('\t', " ")
    }

    /// A Markdown field, checked and parsed.
    pub(super) fn markdown(&mut self, field: &Spanned<String>, path: &str) -> Vec<Block> {
        let mut reported = self.characters(field, path);
        self.joined(field, path);
        let (mut blocks, mut unprinted) = markdown::parse_checked(&field.value);
        if depth(&blocks) > MAX_MARKDOWN_DEPTH {
            let message = format!("lists and quotes are nested too deeply (limit {MAX_MARKDOWN_DEPTH} levels)");
            // At the line that goes past the limit, when it can be found as written.
            let place = unprinted.too_deep.as_ref().map_or(field.span, |(k, line)| self.line_place(field, *k, line));
            self.report(place, path, message);
            dismantle(blocks);
            return Vec::new();
        }
        self.slips(field, path, std::mem::take(&mut unprinted.slips));
        self.published_notes(field, path, true);
        // Characters written as references (`&#x1F600;`) where Markdown decodes them (a link's
        // address and title) are checked as printed.
        let mut printed = HashSet::new();
        markdown::visit_text(&blocks, &mut |t| {
            if !t.is_ascii() || t.chars().any(|c| c.is_ascii_control() && c != '\n' && c != '\t') {
                printed.extend(t.chars())
            }
        });
        if !printed.is_empty() {
            for c in field.value.chars() {
                printed.remove(&c);
            }
            let mut decoded: Vec<char> = printed.into_iter().collect();
            decoded.sort_unstable();
            self.check_characters(decoded.into_iter(), field, path, &mut reported);
        }
        // Each piece of the source that would not print, at its place, with the fix.
        let unused = unprinted.definitions.into_iter().map(|d| {
            (
                d,
                "defines a link that no link uses: it prints nothing",
                "write its label in brackets where the link goes, or remove the line",
            )
        });
        let redefined = unprinted.redefined.into_iter().map(|d| {
            (
                d,
                "defines a label again: links use the first definition, and this one prints nothing",
                "give this definition a label of its own, or remove the line",
            )
        });
        let rows = unprinted.rows.into_iter().map(|(row, cells, header)| {
            let message = format!("a table row of {cells} cells under a header of {header}: the cells past the header would not be printed");
            (row, message, "add the columns to the header, or write a `|` inside a cell as `\\|`".to_string())
        });
        // (A definition that was meant as text, `[Venue]: Brussels`, prints as typed with its
        // bracket escaped: text47a F47a-11.)
        let worded = |(d, what, help): (String, &str, &str)| {
            let shown: String = d.chars().take(60).collect();
            let message = format!("`{shown}` {what}");
            let line: String = d.lines().next().unwrap_or("").chars().take(60).collect();
            (d, message, format!("{help}; to print it as typed, write `\\{line}`"))
        };
        // Each list is in the order of the source: each is looked for after the one before
        // (60,000 unused definitions were each looked for from the field's start).
        let lists: [Vec<(String, String, String)>; 3] =
            [rows.collect(), unused.map(worded).collect(), redefined.map(worded).collect()];
        for list in lists {
            let mut from = 0;
            for (written, message, help) in list {
                let place = self.place_after(&written, field.span, &mut from);
                self.diagnostics.push(Diagnostic::new(Some(place), path, message).with_help(help));
            }
        }
        let schemes = markdown::LINK_SCHEMES.join(", ");
        let refused = |shown: &str, _| format!("a link to `{shown}`: links may lead to {schemes} addresses only");
        let help = "a link in a published briefing must not run code or open a file on the reader's machine";
        self.unfollowable(field, path, unprinted.links, (&refused, help));
        if let Some((expanded, label, written, fuel)) = &unprinted.unexpanded {
            // (As many bytes as the text has, 100 KB at least.)
            let message = format!(
                "the reference link `{label}` prints as typed: Markdown expands no more than {} KB of \
                 addresses in reference links of this text, here {expanded} of them",
                fuel / 1000
            );
            self.diagnostics.push(
                Diagnostic::new(Some(self.link_place(field, written, &mut Default::default())), path, message)
                    .with_help("write the addresses of the links from here on in full: [text](https://…)"),
            );
        }
        let nowhere = |shown: &str, reference| match shown.trim() {
            "" if reference => "this link has no address: the definition of its label gives none".to_string(),
            "" => "this link has no address: it prints its words alone, without the `()` typed after them".to_string(),
            _ => format!("a link to `{shown}` leads nowhere from a PDF or a published page"),
        };
        let help = "write the full address (https://…), or the words without a link";
        self.unfollowable(field, path, unprinted.relative, (&nowhere, help));
        let nowhere = |shown: &str, _| match shown.trim() {
            "" => "this image has no address (images are not drawn: only its description would print)".to_string(),
            _ => format!("images are not drawn: this one prints its description and `{shown}`, which leads nowhere"),
        };
        let help = "write the picture's full address (https://…), or describe it in words";
        self.unfollowable(field, path, unprinted.images, (&nowhere, help));
        let (mut long, mut links) = (None, 0);
        let mut previous: Option<&String> = None;
        markdown::visit_inlines(&blocks, &mut |i| {
            if let Some(link) = &i.link {
                // A link's text in several runs (`[a *b*](…)`, and the address printed after
                // it) is one link.
                links += usize::from(previous != Some(link));
                if link.len() > MAX_LINK {
                    long.get_or_insert_with(|| link.clone());
                }
            }
            previous = i.link.as_ref();
        });
        self.tally(Tally::Links, links, field.span, path);
        if let Some(link) = long {
            let shown: String = link.chars().take(60).collect();
            let message = format!("a link address of {} bytes (`{shown}…`): at most {MAX_LINK}", link.len());
            let place = self.place_of(link.trim_start_matches("mailto:").trim_start_matches("https://"), field.span);
            self.report(place, path, message);
        }
        let (columns, cells, table_words) = tables(&blocks);
        if columns > MAX_TABLE_COLUMNS {
            let message = format!(
                "a table of {columns} columns cannot be printed legibly: a page has room for {MAX_TABLE_COLUMNS} at most"
            );
            // (At the first row as wide, not the field's key: text49a F49a-28, a long body's
            // table was named at `body: |`.)
            let wide = field.value.lines().map(str::trim).find(|l| l.matches('|').count() + 1 >= columns);
            let place = wide.map_or(field.span, |row| self.place_of(row, field.span));
            self.diagnostics.push(
                Diagnostic::new(Some(place), path, message).with_help("split the table, or turn its rows into columns"),
            );
        }
        self.tally(Tally::Cells, cells, field.span, path);
        self.tally(Tally::TableWords, table_words, field.span, path);
        self.tally(Tally::Blocks, count_blocks(&blocks), field.span, path);
        let (mut visible, mut runs) = (false, 0);
        markdown::visit_text(&blocks, &mut |t| {
            runs += 1;
            visible |= t.chars().any(|c| !c.is_whitespace() && !crate::fonts::is_invisible(c))
        });
        self.tally(Tally::Runs, runs, field.span, path);
        self.filled(&blocks, field.span, path);
        if let Some(c) = invisible_only(field.value.chars()) {
            self.report(field.span, path, invisible_message(c));
        } else if !unprinted.unseen.is_empty() {
            // Parts that print nothing in a field that does (a bullet with no text, a link
            // shown as its address alone), each at its place.
            let mut cursor = super::places::Cursor::default();
            for part in unprinted.unseen {
                let place = self.link_place(field, &part.written, &mut cursor);
                let message = format!(
                    "part of this prints no text: {} of only invisible characters, such as U+{:04X}",
                    part.what, part.first as u32
                );
                self.report(place, path, message);
            }
        } else if !visible && !field.value.trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::new(Some(field.span), path, "this prints no text: it is all Markdown markup")
                    .with_help("write the text itself (a lone `*`, `-` or `#` starts a list or a heading)"),
            );
        }
        untab(&mut blocks);
        blocks
    }
}

/// How deeply lists and quotes nest in `blocks` (0 for none).
fn depth(blocks: &[Block]) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(blocks, 0)];
    while let Some((blocks, level)) = stack.pop() {
        deepest = deepest.max(level);
        for block in blocks {
            match block {
                Block::List { items, .. } => stack.extend(items.iter().map(|i| (i.as_slice(), level + 1))),
                Block::Quote(inner) => stack.push((inner, level + 1)),
                _ => {}
            }
        }
    }
    deepest
}

/// Drops a block tree of any depth without recursing.
fn dismantle(blocks: Vec<Block>) {
    let mut pending = blocks;
    while let Some(block) = pending.pop() {
        match block {
            Block::List { items, .. } => pending.extend(items.into_iter().flatten()),
            Block::Quote(inner) => pending.extend(inner),
            _ => {}
        }
    }
}

/// Tabs become spaces: one in running text, up to the next tab stop in code. (After
/// Markdown parsing, where a leading tab means indentation.) Iterative: bodies may nest deep.
fn untab(blocks: &mut [Block]) {
    let mut stack = vec![blocks];
    while let Some(blocks) = stack.pop() {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) | Block::Heading(_, inlines) => untab_inlines(inlines),
                Block::List { items, .. } => stack.extend(items.iter_mut().map(Vec::as_mut_slice)),
                Block::Table { header, rows, .. } => {
                    for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                        untab_inlines(cell);
                    }
                }
                Block::Quote(inner) => stack.push(inner),
                Block::Code(lines) => {
                    for line in lines.iter_mut().filter(|l| l.contains('\t')) {
                        *line = expand_tabs(line);
                    }
                }
                Block::Rule | Block::MarkedCode(_) => {}
            }
        }
    }
}

fn untab_inlines(inlines: &mut [Inline]) {
    for inline in inlines.iter_mut().filter(|i| i.text.contains('\t')) {
        inline.text = inline.text.replace('\t', " ");
    }
}

fn expand_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let to = (column / TAB_STOP + 1) * TAB_STOP;
            out.extend(std::iter::repeat_n(' ', to - column));
            column = to;
        } else {
            out.push(c);
            column += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks counted against the limit are those its message names: paragraphs,
    /// headings, list items and lines of code, an item holding a list counted once.
    #[test]
    fn blocks_are_counted_as_the_limit_names_them() {
        let count = |md: &str| count_blocks(&markdown::parse_checked(md).0);
        assert_eq!(count("One.\n\nTwo."), 2);
        assert_eq!(count("- a\n- b\n- c"), 3);
        assert_eq!(count("- a\n  - b\n    - c\n- d"), 4, "four items, whatever their nesting");
        assert_eq!(count("> quoted\n\n```\nx\ny\n```"), 3);
    }

    /// Only a change of script counts: the punctuation and currency signs any text uses do
    /// not (text37b F37b-3: `’` counted two).
    #[test]
    fn punctuation_changes_no_script() {
        assert_eq!(script_changes("“It’s €5 – they said” and „so“ …"), 0);
        assert_eq!(script_changes("日本 Japan 日本"), 2);
        assert_eq!(script_changes("a“あ”a"), 2);
    }
}
