//! Diagnostics that point at the user's file: `FILE:LINE:COL: error: message`, the source line
//! and a caret under the spot, in the shape `just` prints.

use std::collections::HashSet;

use unicode_width::UnicodeWidthChar;

/// Display columns a tab advances to when a source line is shown.
const TAB_STOP: usize = 4;

/// Longer source lines are shown as a window this wide round the span…
const MAX_LINE_WIDTH: usize = 100;
/// …starting this many columns before it.
const LINE_CONTEXT: usize = 30;
/// Bytes before the span past which a long line is not read.
const WALK_BACK: usize = 512;
/// Bytes after the span's start past which its line is not read: more than the window of
/// [`MAX_LINE_WIDTH`] columns can hold (four bytes a character at most).
const LOOK_AHEAD: usize = 4 * (MAX_LINE_WIDTH + 2) + 64;
/// Diagnostics [`render_all`] shows in full.
const MAX_RENDERED: usize = 100;

/// A byte range in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the file; `None` for problems with the file as a whole (empty, too large, …).
    pub span: Option<Span>,
    /// Field path such as `topics[2].body`; empty for the document root.
    pub path: String,
    /// What is wrong, in a sentence without the path (`missing field `body``).
    pub message: String,
    /// An optional hint shown under the snippet (`did you mean 'title'?` lives in `message`).
    pub help: Option<String>,
    /// Said of the run, not a problem of the file ("stopped after 20 syntax errors"): shown as
    /// a note, and not counted.
    pub note: bool,
}

impl Diagnostic {
    /// A diagnostic at `span` with no help line.
    pub fn new(span: Option<Span>, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { span, path: path.into(), message: message.into(), help: None, note: false }
    }

    /// A note about the run, of the file as a whole: shown, not counted as a problem.
    pub fn note(message: impl Into<String>) -> Self {
        Diagnostic { note: true, ..Diagnostic::new(None, "", message) }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Words of a message or help longer than this many characters are shortened (see
/// [`bounded`]).
const LONGEST_WORD: usize = 80;
/// The most characters of a message or help shown.
const LONGEST_MESSAGE: usize = 1_000;
/// The most characters of a help shown: a help may hold a value to copy (`put the value in
/// quotes: body: "…"`), up to 1,000 characters of it as typed, and is never cut inside a word.
const LONGEST_HELP: usize = 1_500;

/// `text` as shown: a word (a value quoted in a message, `'2222…'`) longer than
/// [`LONGEST_WORD`] characters as its start, `…` and the marks that close it, and the whole
/// no longer than [`LONGEST_MESSAGE`]: a 4 MiB value was printed whole in its message.
fn bounded(text: &str) -> String {
    if text.chars().count() <= LONGEST_WORD {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len().min(4 * LONGEST_MESSAGE));
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        match word.char_indices().nth(LONGEST_WORD) {
            Some(_) => {
                let cut = word.char_indices().nth(LONGEST_WORD - 20).map_or(word.len(), |(i, _)| i);
                let closing = word.len() - word.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                let closing = &word[word.len() - closing.min(3)..];
                out.push_str(&word[..cut]);
                out.push('…');
                out.push_str(closing);
                out.push_str(&piece[word.len()..]);
            }
            None => out.push_str(piece),
        }
        if out.chars().count() > LONGEST_MESSAGE {
            let end = out.char_indices().nth(LONGEST_MESSAGE).map_or(out.len(), |(i, _)| i);
            out.truncate(end);
            out.push('…');
            break;
        }
    }
    out
}

/// A help as shown: whole, however long its words (a Japanese sentence or a URL has no
/// space in 80 characters), as a help may give a value to copy, and a cut one, pasted, would
/// replace the value's end with `…` (text48a F48a-1); only a help longer than
/// [`LONGEST_HELP`] characters, which no help that gives a value builds, is cut at its end.
fn bounded_help(help: &str) -> String {
    match help.char_indices().nth(LONGEST_HELP) {
        Some((end, _)) => format!("{}…", &help[..end]),
        None => help.to_string(),
    }
}

/// An input file held in memory, with the name it is shown under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics, usually the path as given.
    pub name: String,
    /// The text, without a byte order mark; spans are byte offsets into it.
    pub text: String,
    /// The file started with a UTF-8 byte order mark (kept so the file can be given back
    /// byte for byte, as the PDF's attachment).
    pub bom: bool,
}

impl SourceFile {
    /// A file shown as `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile { name: name.into(), text: text.into(), bom: false }
    }

    /// The file's bytes as they were read.
    pub fn original_bytes(&self) -> Vec<u8> {
        let bom: &[u8] = if self.bom { "\u{FEFF}".as_bytes() } else { &[] };
        [bom, self.text.as_bytes()].concat()
    }

    /// The 1-based line and column of byte `offset`; the column counts characters, not bytes.
    /// Offsets past the end are clamped to the end, offsets inside a character to its start.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = char_floor(&self.text, offset);
        scanned(offset);
        let before = &self.text[..offset];
        let line_start = line_start(&self.text, offset);
        let bytes = self.text.as_bytes();
        let line = if before.contains('\r') {
            (0..offset).filter(|&i| is_break(bytes, i)).count() + 1
        } else {
            before.bytes().filter(|&b| b == b'\n').count() + 1
        };
        (line, before[line_start..].chars().count() + 1)
    }

    /// Renders one diagnostic: the `FILE:LINE:COL: error: …` header, the source line with a
    /// caret under the span, and the help line if there is one. Ends with a newline.
    pub fn render(&self, d: &Diagnostic) -> String {
        let at = d.span.map(|s| {
            let start = char_floor(&self.text, s.start);
            (self.line_col(start), line_start(&self.text, start))
        });
        self.render_at(d, at, "error")
    }

    /// [`SourceFile::render`] with the line and column of the span's start, and where its
    /// line starts, already known, as a problem of kind `kind` (`error`, or `warning` for one
    /// a run goes on past).
    fn render_at(&self, d: &Diagnostic, at: Option<((usize, usize), usize)>, kind: &str) -> String {
        let message =
            if d.path.is_empty() { bounded(&d.message) } else { format!("{}: {}", d.path, bounded(&d.message)) };
        let mut out = String::new();
        let gutter = match d.span.zip(at) {
            None => {
                let kind = if d.note { "note" } else { kind };
                out.push_str(&format!("{}: {kind}: {message}\n", self.name));
                1
            }
            Some((span, ((line, col), line_start))) => {
                let gutter = line.to_string().len();
                let (shown, caret_col, caret_width) = self.snippet(span, line_start);
                out.push_str(&format!("{}:{line}:{col}: {kind}: {message}\n", self.name));
                out.push_str(&format!("{:gutter$} |\n", ""));
                out.push_str(format!("{line} | {shown}").trim_end());
                out.push('\n');
                let carets = "^".repeat(caret_width);
                out.push_str(&format!("{:gutter$} | {:caret_col$}{carets}\n", "", ""));
                gutter
            }
        };
        if let Some(help) = &d.help {
            out.push_str(&format!("{:gutter$} = help: {}\n", "", bounded_help(help)));
        }
        out
    }

    /// The line holding `span.start` as displayed (tabs expanded, control characters made
    /// visible, a long line cut to a window round the span), the display column where the
    /// span starts, and its width on that line. Costs the same however long the line is: the
    /// line's start (`line_start`) is given, and its end looked for no further than
    /// [`LOOK_AHEAD`] bytes past the span's start.
    fn snippet(&self, span: Span, line_start: usize) -> (String, usize, usize) {
        let text = &self.text;
        let start = char_floor(text, span.start);
        let ahead = char_floor(text, start.saturating_add(LOOK_AHEAD));
        let (feed, cut_short) = match text[start..ahead].find('\n') {
            Some(i) => (start + i, false),
            None => (ahead, ahead < text.len()),
        };
        let line_end = text[start..feed].find('\r').map_or(feed, |i| start + i);
        let end = span.end.clamp(start, line_end);
        // On a very long line, start reading shortly before the span.
        let (from, cut_left) = if start - line_start > WALK_BACK {
            (char_floor(text, start - WALK_BACK / 2), true)
        } else {
            (line_start, false)
        };
        let line = &text[from..line_end];
        let line = line.strip_suffix('\r').unwrap_or(line);

        // Each character as shown: its display column, width, and the character itself.
        let mut cells = Vec::new();
        let mut width = 0;
        let (mut caret_col, mut caret_end) = (None, None);
        let mut cut_right = false;
        for (i, c) in line.char_indices() {
            let at = from + i;
            if at >= start && caret_col.is_none() {
                caret_col = Some(width);
            }
            if at >= end && caret_end.is_none() {
                caret_end = Some(width);
            }
            if caret_col.is_some_and(|col| width > col + MAX_LINE_WIDTH) {
                cut_right = true;
                break;
            }
            // A mark that prints nothing (U+200B, a direction mark) is shown as its code point,
            // as the terminal's escaping shows it, and the caret counts it so (text47a
            // F47a-1: three LRMs shown `\u{200e}` put the caret 21 columns left of its place).
            // So is a line or paragraph separator, which breaks or blanks a terminal's line
            // (text48a F48a-11; text46a F46a-23 in a redline's summary).
            let separator = matches!(c, '\u{2028}' | '\u{2029}');
            if crate::script::is_invisible(c) || crate::script::is_direction_mark(c) || separator {
                for e in c.escape_unicode() {
                    cells.push((width, 1, e));
                    width += 1;
                }
                continue;
            }
            let (shown, w) = match c {
                '\t' => (' ', (width / TAB_STOP + 1) * TAB_STOP - width),
                c if c.is_control() => ('\u{FFFD}', 1),
                c => (c, c.width().unwrap_or(0)),
            };
            cells.push((width, w, shown));
            width += w;
        }
        // (Past `LOOK_AHEAD`, only characters of no width would still be unread.)
        let cut_right = cut_right || cut_short;
        let caret_col = caret_col.unwrap_or(width);
        let caret_width = caret_end.unwrap_or(width).saturating_sub(caret_col).max(1);

        let (left, right) = if width <= MAX_LINE_WIDTH && !cut_left && !cut_right {
            (0, width)
        } else {
            let left = caret_col.saturating_sub(LINE_CONTEXT).min(width.saturating_sub(MAX_LINE_WIDTH));
            (left, left + MAX_LINE_WIDTH)
        };
        let cut_left = cut_left || left > 0;
        let mut shown = String::new();
        if cut_left {
            shown.push('…');
        }
        let visible = |&&(col, w, _): &&(usize, usize, char)| col >= left && col + w <= right;
        for &(_, w, c) in cells.iter().filter(visible) {
            if c == ' ' {
                shown.extend(std::iter::repeat_n(' ', w));
            } else {
                shown.push(c);
            }
        }
        if cut_right || right < width {
            shown.push('…');
        }
        let caret_width = caret_width.min(right.saturating_sub(caret_col)).max(1);
        let caret_col = caret_col - left + usize::from(cut_left);
        (shown, caret_col, caret_width)
    }
}

/// Renders every diagnostic, whole-file problems first and then by position (identical ones
/// once), followed by a summary line such as `error: 3 problems in data/x.yaml`. Past the
/// first hundred, problems are only counted.
pub fn render_all(file: &SourceFile, diags: &[Diagnostic]) -> String {
    rendered_as(file, diags, "error", "")
}

/// [`render_all`] for problems a run goes on past: each a `warning:`, and the summary line
/// (`warning: 2 problems in old.yaml`) followed by `then` (`; compared as typed`).
pub fn render_all_as_warnings(file: &SourceFile, diags: &[Diagnostic], then: &str) -> String {
    rendered_as(file, diags, "warning", then)
}

fn rendered_as(file: &SourceFile, diags: &[Diagnostic], kind: &str, then: &str) -> String {
    // Notes of the run ("stopped after 20 syntax errors") last, beside the count they qualify
    // (text44a F44a-22: at the top, 20 screens up, they were missed).
    let (notes, sorted): (Vec<&Diagnostic>, Vec<&Diagnostic>) = in_order(diags).into_iter().partition(|d| d.note);
    let mut out: Vec<String> =
        placed_as(file, &sorted[..sorted.len().min(MAX_RENDERED)], kind).into_iter().map(|p| p.rendered).collect();
    if sorted.len() > MAX_RENDERED {
        out.push(format!("… and {} more\n", sorted.len() - MAX_RENDERED));
    }
    out.extend(notes.iter().map(|d| file.render(d)));
    let n = problems(diags);
    out.push(format!("{kind}: {n} problem{} in {}{then}\n", if n == 1 { "" } else { "s" }, file.name));
    out.join("\n")
}

/// A diagnostic with its place: as [`SourceFile::line_col`] and [`SourceFile::render`] give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// 1-based line and column (in characters) of the span's start; `None` without a span.
    pub at: Option<(usize, usize)>,
    /// The diagnostic as [`SourceFile::render`] shows it.
    pub rendered: String,
}

/// Each of `sorted` (in the order of [`in_order`]) placed and rendered, in one walk over the
/// text for all of them: a line and column found from the text's start for each made
/// problems × file size (text42b F42b-9, the editor's 299,495 problems).
pub fn placed(file: &SourceFile, sorted: &[&Diagnostic]) -> Vec<Placed> {
    placed_as(file, sorted, "error")
}

/// [`placed`], each rendered as a problem of kind `kind`.
fn placed_as(file: &SourceFile, sorted: &[&Diagnostic], kind: &str) -> Vec<Placed> {
    let mut positions = Positions::new(&file.text);
    sorted
        .iter()
        .map(|d| {
            let at = d.span.map(|s| {
                let at = positions.line_col(s.start);
                (at, positions.line_start)
            });
            Placed { at: at.map(|(at, _)| at), rendered: file.render_at(d, at, kind) }
        })
        .collect()
}

/// How many problems `diags` holds: each once, notes left out.
pub fn problems(diags: &[Diagnostic]) -> usize {
    in_order(diags).iter().filter(|d| !d.note).count()
}

/// The diagnostics in the order [`render_all`] shows them: whole-file problems first, then by
/// position; identical ones once.
pub fn in_order(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut seen = HashSet::new();
    let mut sorted: Vec<&Diagnostic> =
        diags.iter().filter(|d| seen.insert((d.span, &d.path, &d.message, &d.help))).collect();
    sorted.sort_by_key(|d| d.span.map(|s| (s.start, s.end)));
    sorted
}

/// Line and column of ascending offsets in one pass over the text.
struct Positions<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
    /// Where the line of `offset` starts.
    line_start: usize,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        Positions { text, offset: 0, line: 1, col: 1, line_start: 0 }
    }

    fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let offset = char_floor(self.text, offset);
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        let bytes = self.text.as_bytes();
        scanned(offset - self.offset);
        for (i, _) in self.text[self.offset..offset].char_indices() {
            if is_break(bytes, self.offset + i) {
                self.line += 1;
                self.col = 1;
                self.line_start = self.offset + i + 1;
            } else {
                self.col += 1;
            }
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

/// Whether byte `i` ends a line: a line feed, or a carriage return not followed by one (YAML
/// reads a lone CR as a line break, as old Mac files have them).
pub(crate) fn is_break(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
}

/// Where the line that holds byte `offset` starts.
fn line_start(text: &str, offset: usize) -> usize {
    // (Line feeds found with `memchr`: a long line costs little.)
    let after_feed = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    scanned(offset - after_feed);
    let mut end = offset;
    while let Some(i) = text[after_feed..end].rfind('\r') {
        if is_break(text.as_bytes(), after_feed + i) {
            return after_feed + i + 1;
        }
        end = after_feed + i;
    }
    after_feed
}

#[cfg(test)]
thread_local! {
    /// Bytes of text read on this thread to find diagnostics' lines and columns.
    pub(crate) static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `bytes` read to place a diagnostic, in tests that the work stays linear in the
/// file's size (none outside tests).
fn scanned(bytes: usize) {
    #[cfg(test)]
    SCANNED.with(|n| n.set(n.get() + bytes));
    let _ = bytes;
}

/// `offset` clamped to `text` and moved back to the start of the character it falls in.
pub(crate) fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("data/x.yaml", text)
    }

    fn at(start: usize, end: usize, message: &str) -> Diagnostic {
        Diagnostic::new(Some(Span::new(start, end)), "", message)
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = file("a: é\nbé: 日本\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (1, 4));
        assert_eq!(f.line_col(6), (2, 1));
        // `日` starts at byte 12: "bé: " is four characters.
        assert_eq!(f.line_col(12), (2, 5));
        // Inside `日` and past the end are clamped.
        assert_eq!(f.line_col(13), (2, 5));
        assert_eq!(f.line_col(999), (3, 1));
    }

    /// Old Mac files end lines with CR alone, as YAML allows: each is a line of its own.
    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let f = file("a: 1\rb: 2\r\nc: x\rd: 4\r");
        let at = f.text.find('x').unwrap();
        assert_eq!(f.line_col(at), (3, 4));
        assert_eq!(f.line_col(f.text.find('d').unwrap()), (4, 1));
        let d = Diagnostic::new(Some(Span::new(at, at + 1)), "", "m");
        let rendered = f.render(&d);
        assert!(rendered.contains("3 | c: x\n"), "{rendered}");
        assert_eq!(render_all(&f, &[d]).lines().next(), rendered.lines().next());
    }

    #[test]
    fn a_long_value_in_a_message_or_help_is_shortened() {
        let value = "2".repeat(4 << 20);
        let file = SourceFile::new("x.yaml", format!("date: '{value}'\n"));
        let d = at(6, 8, &format!("'{value}' is not a date")).with_help(format!("write {value}, or not"));
        let out = file.render(&d);
        assert!(out.len() < 3_000, "{}", out.len());
        assert!(out.contains(&format!("error: '{}…' is not a date", "2".repeat(59))), "{out}");
        // A help (which may give a value to copy, text48a F48a-1) is cut only at its end.
        assert!(out.contains(&format!("help: write {}…\n", "2".repeat(LONGEST_HELP - 6))), "{out}");
        let long = format!("write {}, or not", "2".repeat(200));
        assert!(file.render(&at(6, 8, "x").with_help(long.clone())).contains(&long));
        let words = "word ".repeat(1_000_000);
        let out = file.render(&at(6, 8, &words));
        assert!(out.len() < 2_000 && out.contains("word word") && out.contains('…'), "{}", out.len());
        // Messages of ordinary length are as written.
        let plain = "unknown field `contcat`, did you mean `contact`? ".repeat(3);
        assert!(file.render(&at(0, 4, &plain)).contains(&plain));
    }

    #[test]
    fn renders_like_just() {
        let f = file("title: x\ndate: 2020-10-06\ntopics: []\ncontact: {}\n\ncontcat:\n");
        let d = at(50, 57, "unknown field `contcat`, did you mean `contact`?");
        insta::assert_snapshot!(f.render(&d), @r"
        data/x.yaml:6:1: error: unknown field `contcat`, did you mean `contact`?
          |
        6 | contcat:
          | ^^^^^^^
        ");
    }

    #[test]
    fn path_prefixes_the_message_and_help_follows() {
        let f = file("topics:\n  - title: Data\n");
        let mut d = at(12, 23, "missing field `body`");
        d.path = "topics[0]".into();
        d.help = Some("every topic needs a title and a body".into());
        insta::assert_snapshot!(f.render(&d), @r"
        data/x.yaml:2:5: error: topics[0]: missing field `body`
          |
        2 |   - title: Data
          |     ^^^^^^^^^^^
          = help: every topic needs a title and a body
        ");
    }

    #[test]
    fn without_a_span_only_the_header_is_shown() {
        let f = file("");
        let d = Diagnostic::new(None, "", "the file is empty").with_help("write something");
        insta::assert_snapshot!(f.render(&d), @r"
        data/x.yaml: error: the file is empty
          = help: write something
        ");
    }

    #[test]
    fn tabs_and_wide_characters_keep_the_caret_aligned() {
        let text = "a:\tb\ntitle: 日本語😀x\n";
        let f = file(text);
        let emoji = text.find('😀').unwrap();
        let d = at(emoji, emoji + 4, "no font has U+1F600 '😀'");
        insta::assert_snapshot!(f.render(&d), @r"
        data/x.yaml:2:11: error: no font has U+1F600 '😀'
          |
        2 | title: 日本語😀x
          |              ^^
        ");
        let b = text.find('b').unwrap();
        insta::assert_snapshot!(f.render(&at(b, b + 1, "here")), @r"
        data/x.yaml:1:4: error: here
          |
        1 | a:  b
          |     ^
        ");
    }

    #[test]
    fn gutter_grows_with_the_line_number() {
        let text = "x\n".repeat(11) + "key: value\n";
        let f = file(&text);
        let d = at(22 + 5, 22 + 10, "bad value");
        insta::assert_snapshot!(f.render(&d), @r"
        data/x.yaml:12:6: error: bad value
           |
        12 | key: value
           |      ^^^^^
        ");
    }

    #[test]
    fn multi_line_spans_underline_to_the_end_of_the_first_line() {
        let f = file("summary: |\n  one\n  two\n");
        insta::assert_snapshot!(f.render(&at(9, 24, "too long")), @r"
        data/x.yaml:1:10: error: too long
          |
        1 | summary: |
          |          ^
        ");
        let f = file("a: b\n  c\n");
        insta::assert_snapshot!(f.render(&at(3, 8, "two lines")), @r"
        data/x.yaml:1:4: error: two lines
          |
        1 | a: b
          |    ^
        ");
    }

    #[test]
    fn marks_that_print_nothing_are_shown_as_code_points_with_the_caret_under_its_place() {
        // (And a line separator, which broke the terminal's line: text48a F48a-11.)
        let text = "body: Paste\u{200E} from\u{200B} Word\u{2028} then ㅤ x\n";
        let file = SourceFile::new("m.yaml", text);
        let at = text.find('ㅤ').unwrap();
        let out = file.render(&Diagnostic::new(Some(Span::new(at, at + 3)), "body", "here"));
        let lines: Vec<&str> = out.lines().collect();
        let (shown, caret) = (lines[2], lines[3]);
        assert!(shown.contains("Paste\\u{200e} from\\u{200b} Word\\u{2028} then"), "{out}");
        let column = |line: &str, i: usize| line[..i].chars().count();
        assert_eq!(column(caret, caret.find('^').unwrap()), column(shown, shown.find('ㅤ').unwrap()), "{out}");
    }

    #[test]
    fn empty_spans_and_spans_at_the_end_get_one_caret() {
        let f = file("a: b");
        insta::assert_snapshot!(f.render(&at(4, 4, "end of file")), @r"
        data/x.yaml:1:5: error: end of file
          |
        1 | a: b
          |     ^
        ");
    }

    #[test]
    fn control_characters_are_shown_as_replacement_characters() {
        let f = file("a: b\u{7}c\r\n");
        insta::assert_snapshot!(f.render(&at(4, 5, "control character U+0007")), @r"
        data/x.yaml:1:5: error: control character U+0007
          |
        1 | a: b�c
          |     ^
        ");
    }

    #[test]
    fn long_lines_are_cut_to_a_window_round_the_span() {
        let text = format!("key: {}X{}\n", "a".repeat(200), "b".repeat(200));
        let x = text.find('X').unwrap();
        let f = file(&text);
        insta::assert_snapshot!(f.render(&at(x, x + 1, "here")), @r"
        data/x.yaml:1:206: error: here
          |
        1 | …aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…
          |                                ^
        ");
        let end = text.len() - 1;
        let rendered = f.render(&at(end - 1, end, "at the end"));
        assert!(rendered.contains("| …bbbb"), "{rendered}");
        assert!(rendered.lines().all(|l| l.chars().count() < 110), "{rendered}");
        let rendered = f.render(&at(0, 3, "at the start"));
        assert!(rendered.contains("1 | key: aaa") && rendered.contains("  | ^^^\n"), "{rendered}");
    }

    #[test]
    fn rendering_many_problems_on_a_huge_line_stays_fast() {
        let text = "x ".repeat(2 << 20);
        let f = file(&text);
        let diags: Vec<_> = (0..100_000).map(|i| at(i * 40, i * 40 + 1, "bad x")).collect();
        let out = render_all(&f, &diags);
        assert!(out.ends_with("… and 99900 more\n\nerror: 100000 problems in data/x.yaml\n"));
        assert!(out.contains("data/x.yaml:1:3961: error: bad x"), "{out}");
    }

    /// [`placed`] gives every diagnostic the place and rendering [`SourceFile::line_col`] and
    /// [`SourceFile::render`] give it alone: across line feeds, CR LF, lone CRs, tabs, wide
    /// characters, offsets inside a character and past the end, spans over lines.
    #[test]
    fn placed_in_one_walk_is_placed_as_alone() {
        let long = format!("k: {}é{}\n", "a".repeat(700), "b".repeat(700));
        for text in ["a: é\nbé: 日本\n", "a: 1\rb: 2\r\nc:\tx\rd: 4\r", "\n\n\r\r\n", "x", "", long.as_str()] {
            let f = file(text);
            let diags: Vec<Diagnostic> =
                (0..=text.len() + 1).flat_map(|i| [at(i, i + 1, "one"), at(i, i + 9, "more")]).collect();
            let sorted = in_order(&diags);
            for (d, p) in sorted.iter().zip(placed(&f, &sorted)) {
                let start = d.span.unwrap().start;
                assert_eq!(p.at, Some(f.line_col(start)), "{text:?} at {start}");
                assert_eq!(p.rendered, f.render(d), "{text:?} at {start}");
            }
        }
    }

    /// Each problem's place was found from the text's start (and its snippet's line from the
    /// span back to the line's start): problems × file size (text42b F42b-9).
    #[test]
    fn every_problem_is_placed_in_one_walk_over_the_text() {
        let lines = file(&"key: value\n".repeat(20_000));
        let on_one_line = file(&"x ".repeat(200_000));
        for (f, step) in [(&lines, 11), (&on_one_line, 8)] {
            let diags: Vec<_> = (0..f.text.len() / step).map(|i| at(i * step + 5, i * step + 6, "bad")).collect();
            let sorted = in_order(&diags);
            SCANNED.with(|n| n.set(0));
            let placed = placed(f, &sorted);
            assert_eq!(placed.len(), diags.len());
            let read = SCANNED.with(|n| n.get());
            assert!(read <= f.text.len(), "{read} bytes read to place {} problems in {}", diags.len(), f.text.len());
        }
        assert!(placed(&on_one_line, &in_order(&[at(399_995, 399_996, "bad")]))[0].rendered.contains(":1:399996:"));
    }

    /// A line is read no further than the window shown, even where its characters take no
    /// width (it is then cut with `…`).
    #[test]
    fn a_line_of_characters_without_width_is_cut() {
        let f = file(&format!("key: x{}\n", "\u{301}".repeat(100_000)));
        let out = f.render(&at(5, 6, "here"));
        assert!(out.len() < 2_000 && out.contains("1 | key: x\u{301}") && out.contains("…\n"), "{}", out.len());
    }

    #[test]
    fn render_all_sorts_dedupes_and_counts() {
        let f = file("a: 1\nb: 2\n");
        let diags =
            vec![at(8, 9, "second"), at(3, 4, "first"), Diagnostic::new(None, "", "whole file"), at(8, 9, "second")];
        insta::assert_snapshot!(render_all(&f, &diags), @r"
        data/x.yaml: error: whole file

        data/x.yaml:1:4: error: first
          |
        1 | a: 1
          |    ^

        data/x.yaml:2:4: error: second
          |
        2 | b: 2
          |    ^

        error: 3 problems in data/x.yaml
        ");
        assert_eq!(render_all(&f, &diags[2..3]).lines().last(), Some("error: 1 problem in data/x.yaml"));
    }
}
