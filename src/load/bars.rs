//! A text block whose `|` was lost or glued to its key: `body:|`, `body |`, `body|`, or
//! `body:` above lines of text with a colon in one (`The agenda was:`). YAML reads the lines
//! below as one long key, or as keys of their own, and trips at a line further down; the slip
//! is on the line that opens the block. Named there (`slips.rs`), and read as meant
//! (`recover.rs`): the key, made shorter by as many bytes as the mended opener needs, is read
//! under its own name, so every offset stays.

use super::lines::{has_content, indent, key_of, key_on, line_above, line_at, lines_below, looks_like_key};
use super::KeySets;
use crate::diag::{Diagnostic, Span};

/// The keys whose value is Markdown text, written over several lines after `|`.
const TEXT_KEYS: [&str; 4] = ["body", "summary", "overview", "note"];

/// How far up from the error the opener is looked for (a longer text is not read twice).
const MAX_LINES: usize = 2_000;

/// The line that opens a text block whose bar is lost or glued.
pub(super) struct Opener<'t> {
    /// Where the key starts.
    pub key_at: usize,
    pub key: &'t str,
    /// What follows the key up to the end of the opener: `:|`, ` |`, `|`, `:` (bar lost).
    pub written: &'t str,
    /// The indicator as typed (`|`, `>-`), or `|` when it was lost.
    pub indicator: &'t str,
}

impl Opener<'_> {
    /// The error to show at the opener.
    pub fn diagnostic(&self) -> Diagnostic {
        let key = self.key;
        let at = self.key_at + key.len();
        let bar = self.indicator;
        let (span, message) = match self.written.strip_suffix(bar) {
            Some(":") => (Span::new(at, at + 1), format!("no space between `{key}:` and `{bar}`")),
            Some(_) => (Span::new(at, at), format!("missing `:` after `{key}`")),
            None => (Span::new(self.key_at, at + 1), format!("the text under `{key}:` is not read as text")),
        };
        let help = if self.written.ends_with(bar) {
            format!("write `{key}: {bar}`: as written, YAML reads the lines below as more of this one")
        } else {
            format!(
                "write `{key}: |` to keep the lines below as text: without it, YAML reads a line with a colon \
                 as a key, and one that starts with `|` or `>` as a block"
            )
        };
        Diagnostic::new(Some(span), "", message).with_help(help)
    }

    /// The text with the opener written `ke: |` over the same bytes, and the key to read at
    /// its place; `None` when the key is too short to make room.
    pub fn mend(&self, text: &str) -> Option<(String, (usize, String))> {
        let bar = self.indicator;
        let room = self.key.len() + self.written.len();
        let opener = match room.checked_sub(self.key.len() + 2 + bar.len()) {
            // (`body   |`: room to spare, spaces.)
            Some(spare) => format!("{}:{} {bar}", self.key, " ".repeat(spare)),
            None => {
                let kept = room.checked_sub(2 + bar.len()).filter(|&k| k >= 1)?;
                format!("{}: {bar}", &self.key[..kept])
            }
        };
        let end = self.key_at + room;
        let mended = format!("{}{opener}{}", &text[..self.key_at], &text[end..]);
        Some((mended, (self.key_at, self.key.to_string())))
    }
}

/// For a syntax error at `at`, the line above it that opens a text block with its bar lost or
/// glued, when the lines between it and the error are its text.
pub(super) fn opener_above<'t>(text: &'t str, at: usize, keys: &KeySets) -> Option<Opener<'t>> {
    let (error_line, line) = line_at(text, at);
    // Up to the first line indented less than the one below it: the block's opener.
    let mut below = indent(line);
    let mut from = error_line;
    for _ in 0..MAX_LINES {
        let (start, above) = line_above(text, from)?;
        from = start;
        if !has_content(above) {
            continue;
        }
        if indent(above) < below {
            return opener_on(text, start, keys);
        }
        below = indent(above);
    }
    None
}

/// The opener of a text block with its bar lost or glued, when the line at `start` is one.
pub(super) fn opener_on<'t>(text: &'t str, start: usize, keys: &KeySets) -> Option<Opener<'t>> {
    let (start, line) = line_at(text, start);
    let content = line.trim_start();
    let item = content.strip_prefix("- ").map_or(content, |c| c.trim_start());
    let key_at = start + (line.len() - item.len());
    let key_len = item.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(item.len());
    let key = &item[..key_len];
    let rest = item[key_len..].split(" #").next().unwrap_or("").trim_end();
    if !looks_like_key(key) || !keys.near(key) {
        return None;
    }
    let bar = rest.trim_start_matches([':', ' ']);
    let indicator =
        matches!(bar.chars().next(), Some('|' | '>')) && bar[1..].chars().all(|c| matches!(c, '+' | '-' | '1'..='9'));
    let glued = indicator && (rest.strip_prefix(':') == Some(bar) || (!rest.contains(':') && rest.trim_start() == bar));
    // (The block: the lines below, deeper than the opener.)
    let mut block = lines_below(text, start).take_while(|(_, l)| indent(l) > indent(line)).peekable();
    let first = block.peek()?.1;
    if glued {
        return Some(Opener { key_at, key, written: rest, indicator: bar });
    }
    // `body:` above text: its first line not a key of the file's, and a line of it with a
    // colon that made it one.
    // (Not `en: A`, nor `division X` or `en "MIC"`, a key that lost its colon.)
    let text_line = !first.trim_start().starts_with("- ")
        && key_of(first.trim_start()).is_none()
        && key_on(first).is_none_or(|k| !keys.near(k) && !translation_tag(k));
    let colon = |l: &str| l.contains(": ") || l.trim_end().ends_with(':');
    // (Text lines all as deep as its first at least: not a stray line above keys.)
    let mut colons = false;
    for (_, l) in block {
        if indent(l) < indent(first) {
            return None;
        }
        colons |= colon(l);
    }
    // (A table's first row, or a quote, starts a block of its own.)
    let bar = first.trim_start().starts_with(['|', '>']);
    // (And a key that holds Markdown, or one of its translations: a mapping's key above
    // lines that are not its keys is another slip.)
    let holds_text = TEXT_KEYS.contains(&key) || translation_tag(key);
    (rest == ":" && holds_text && text_line && (colons || bar)).then_some(Opener {
        key_at,
        key,
        written: rest,
        indicator: "|",
    })
}

/// Whether `word` is a two-letter language code, as a translation's key is (`en "MIC"`, a
/// translation that lost its colon, is not a line of text).
fn translation_tag(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_lowercase()) && super::iso639::misnamed(word).is_none()
}

#[cfg(test)]
mod tests {
    use crate::diag::SourceFile;
    use crate::load::tree::{parse, NodeKind};
    use crate::load::Limits;

    /// Each opener is the one error, at its line, and the block is read as text under its key.
    #[test]
    fn a_bar_glued_or_lost_is_named_at_its_key_and_the_text_read() {
        let keys = crate::load::keys_of::<crate::model::RawBriefing>;
        for (opener, says) in [
            ("body:|", "no space between `body:` and `|`"),
            ("body |", "missing `:` after `body`"),
            ("body|", "missing `:` after `body`"),
            ("body:>-", "no space between `body:` and `>-`"),
            ("body:", "the text under `body:` is not read as text"),
        ] {
            let text = format!(
                "title: T\ntopics:\n  - title: A\n    {opener}\n      The agenda was:\n      1. Opening\n      2. Data\n  - title: B\n    bdy: C\n"
            );
            let file = SourceFile::new("t.yaml", &text);
            let broken = parse(&file, &Limits::default(), keys).err().unwrap();
            let found: Vec<(usize, &str)> = broken
                .diagnostics
                .iter()
                .map(|d| (file.line_col(d.span.unwrap().start).0, d.message.as_str()))
                .collect();
            assert_eq!(found, [(4, says)], "{text}");
            let tree = broken.recovered.unwrap().tree;
            let root = tree.root.unwrap();
            let NodeKind::Map(top) = &*root.kind else { panic!() };
            let NodeKind::Seq(items) = &*top[1].1.kind else { panic!() };
            let NodeKind::Map(first) = &*items[0].kind else { panic!() };
            assert_eq!(first[1].0.scalar().unwrap().0, "body", "{text}");
            assert!(first[1].1.scalar().unwrap().0.starts_with("The agenda was:"), "{text}");
            // The item after it is read: its misspelt key is there to be reported.
            assert!(format!("{:?}", items[1]).contains("\"bdy\""), "{text}");
        }
        // A mapping's key above lines of text is another slip.
        let text = "title: T\ncontact:\n  本ワーク\n  - title: A\n  本文\n";
        let d = parse(&SourceFile::new("t.yaml", text), &Limits::default(), keys).err().unwrap().diagnostics;
        assert!(d.iter().all(|d| !d.message.contains("is not read as text")), "{d:?}");
        // Text with no colon under `body:` is YAML's plain text, not this slip; nor a block of
        // the file's keys.
        for block in ["    body:\n      Agreed\n      today\n", "    body:\n      en: A\n      ja: B\n"] {
            let text = format!("title: T\ntopics:\n  - title: A\n{block}");
            assert!(parse(&SourceFile::new("t.yaml", &text), &Limits::default(), keys).is_ok(), "{text}");
        }
    }
}
