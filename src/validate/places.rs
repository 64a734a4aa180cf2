//! Where a problem in a field's value is written in the field's source: the value and its
//! source differ where YAML folds lines, escapes characters or indents a block.

use std::collections::HashMap;

use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::load::Spanned;
use crate::markdown;

/// A problem's message of a link's address (its first 60 characters) and whether it is a
/// reference link.
type Message<'a> = &'a dyn Fn(&str, bool) -> String;

impl Checker<'_> {
    /// Where `needle` first appears in the source of the field at `span` (the field, when it
    /// does not appear as written).
    pub(super) fn place_of(&self, needle: &str, span: Span) -> Span {
        let source = self.file.text.get(span.start..span.end).unwrap_or("");
        match source.find(needle.get(..needle.len().min(200)).unwrap_or(needle)) {
            Some(at) if !needle.is_empty() => Span::new(span.start + at, span.start + at + needle.len().min(200)),
            _ => span,
        }
    }

    /// Reports each of `links`, links no reader can follow, at its place: `message` of its
    /// address (its first 60 characters) and whether it is a reference link, and `help`.
    pub(super) fn unfollowable(
        &mut self,
        field: &Spanned<String>,
        path: &str,
        links: Vec<markdown::Written>,
        (message, help): (Message, &str),
    ) {
        let mut cursor = Cursor::default();
        for link in links {
            let shown: String = link.address.chars().take(60).collect();
            // (A reference link, `[words]` or `[words][label]`, has its address elsewhere.)
            let reference = !link.written.contains("](");
            let place = self.link_place(field, &link, &mut cursor);
            self.diagnostics.push(Diagnostic::new(Some(place), path, message(&shown, reference)).with_help(help));
        }
    }

    /// Where a link's address is written in a Markdown field's source (else its link's first
    /// line, else the field). `cursor` is where an earlier link is (links come in the order
    /// of the text).
    pub(super) fn link_place(&self, field: &Spanned<String>, link: &markdown::Written, cursor: &mut Cursor) -> Span {
        let at = link.at.clamp(cursor.at, field.value.len());
        cursor.line += field.value.as_bytes()[cursor.at..at].iter().filter(|&&b| b == b'\n').count();
        cursor.at = at;
        let written = link.written.as_str();
        // (The field's lines found once for all its links: text31 F31a-1.)
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let lines = cursor.lines.take().unwrap_or_else(|| SourceLines::of(source));
        let line_start = lines.start(cursor.line);
        let same = match cursor.same.take() {
            Some(same) if same.k == cursor.line => Some(same),
            _ => line_start.map(|from| self.same_line(field, cursor.line, from, at)),
        };
        let place =
            same.as_ref().and_then(|same| Self::same_line_place(field, same, at, written.len())).or_else(|| {
                // Else the first time it is written past the last place found, from its line on,
                // as it reads or with characters escaped (`\u200b`, `\xAD` in quotes); or its
                // first word (the rest of the line was folded from lines below).
                let head = written.split(char::is_whitespace).next().unwrap_or(written);
                let from = line_start.unwrap_or(0).max(cursor.source);
                [written, head].into_iter().filter(|w| !w.is_empty()).find_map(|w| {
                    let found = as_written(source, from, w)
                        .or_else(|| (from > cursor.source).then(|| as_written(source, cursor.source, w)).flatten())?;
                    Some(Span::new(field.span.start + found.start, field.span.start + found.end))
                })
            });
        let place = place.unwrap_or_else(|| self.line_place_in(field, &lines, cursor.line, written));
        cursor.lines = Some(lines);
        cursor.same = same;
        // (Past its first byte only: what is written after it, inside its line, comes next.)
        let past = (place.start + 1).saturating_sub(field.span.start).min(field.span.end - field.span.start);
        cursor.source = cursor.source.max(past);
        let found = place.end - place.start == written.len();
        if found && !link.address.is_empty() && written.ends_with(&link.address) {
            return Span::new(place.end - link.address.len(), place.end);
        }
        place
    }

    /// Line `k` of a Markdown field's text (the line of its byte `at`) beside the line that
    /// starts at byte `from` of its source: compared once for all the links on it (a line of
    /// 64,000 links was compared for each: text32 F32-1).
    fn same_line(&self, field: &Spanned<String>, k: usize, from: usize, at: usize) -> SameLine {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let written = source.get(from..).unwrap_or("").split('\n').next().unwrap_or("").trim_end_matches('\r');
        let start = field.value[..at].rfind('\n').map_or(0, |n| n + 1);
        let line = field.value[start..].split('\n').next().unwrap_or("");
        let (trimmed, written_trimmed) = (line.trim_start(), written.trim_start());
        SameLine {
            k,
            start: start + (line.len() - trimmed.len()),
            begin: from + (written.len() - written_trimmed.len()),
            len: trimmed.len(),
            same: trimmed == written_trimmed && !trimmed.is_empty(),
        }
    }

    /// Where the `len` bytes from byte `at` of a Markdown field's text, on the line `same`, are
    /// in its source, when that line is written there as it reads (as in a block scalar, `|`):
    /// by their place in the line, not by the first time the same words are written in it
    /// (the 51st of 60 `[r]`).
    fn same_line_place(field: &Spanned<String>, same: &SameLine, at: usize, len: usize) -> Option<Span> {
        let into = at.checked_sub(same.start).filter(|_| same.same)?;
        let begin = field.span.start + same.begin + into;
        Some(Span::new(begin, begin + len.min(same.len.checked_sub(into)?)))
    }

    /// Where line `k` (from 0) of a Markdown field's text, written as `line`, is in the field's
    /// source: the first time it is written from the `k`th line of the source on (one more in
    /// a block scalar, `|` or `>`, whose text starts on the line after), else anywhere in it.
    pub(super) fn line_place(&self, field: &Spanned<String>, k: usize, line: &str) -> Span {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        self.line_place_in(field, &SourceLines::of(source), k, line)
    }

    /// [`Checker::line_place`] with the field's source lines found once, for the many problems
    /// of one field (text31 F31a-1: each found them again, 64,000 empty headings took 32 s).
    pub(super) fn line_place_in(&self, field: &Spanned<String>, lines: &SourceLines, k: usize, line: &str) -> Span {
        let from = lines.start(k).unwrap_or(0);
        let rest = Span::new(field.span.start + from, field.span.end);
        match self.place_of(line, rest) {
            place if place == rest => self.place_of(line, field.span),
            place => place,
        }
    }

    /// [`Checker::place_of`], looked for from `from` (bytes into the field's source) on, and
    /// `from` moved past it.
    pub(super) fn place_after(&self, needle: &str, span: Span, from: &mut usize) -> Span {
        let start = span.start + (*from).min(span.end - span.start);
        let place = self.place_of(needle, Span::new(start, span.end));
        if place == Span::new(start, span.end) {
            return self.place_of(needle, span);
        }
        *from = place.end - span.start;
        place
    }
}

/// Where the places of a field's problems found so far are: a byte of its text and its line
/// (from 0), and a byte of its source past the last place found.
#[derive(Default)]
pub(super) struct Cursor {
    at: usize,
    line: usize,
    source: usize,
    /// The field's source lines, found at its first link.
    lines: Option<SourceLines>,
    /// The line of the last link, compared with its source.
    same: Option<SameLine>,
}

/// A line of a field's text compared with the same line of its source ([`Checker::same_line`]).
struct SameLine {
    /// Which line (from 0).
    k: usize,
    /// Where its text starts in the field's text, past its leading spaces.
    start: usize,
    /// Where the same starts in the field's source.
    begin: usize,
    /// How long it is, past its leading spaces.
    len: usize,
    /// Whether it is written in the source as it reads.
    same: bool,
}

/// Where each line of a field's source starts, found once: [`SourceLines::start`].
pub(super) struct SourceLines {
    starts: Vec<usize>,
    /// A block scalar (`|`, `>`), whose text starts on the line after.
    block: bool,
}

impl SourceLines {
    pub(super) fn of(source: &str) -> SourceLines {
        let starts = std::iter::once(0).chain(source.match_indices('\n').map(|(at, _)| at + 1)).collect();
        SourceLines { starts, block: source.starts_with(['|', '>']) }
    }

    /// The byte of the field's source where line `k` (from 0) of its text starts, if the
    /// source has that many lines: one more in a block scalar (`|`, `>`), whose text starts on
    /// the line after.
    pub(super) fn start(&self, k: usize) -> Option<usize> {
        self.starts.get(k + usize::from(self.block)).copied()
    }
}

/// Where `text` is first written in `source` (a field's source) from byte `from` on: each of
/// its characters as it reads or, in double quotes, as they escape it (`\u200b`, `\u200B`,
/// `\U0000200B`, `\xAD`, `\t`, `\N`…), however each is written (text24 F24-4: `\xAD`, and
/// escapes mixed with each other or with the character as it reads, were not found). In
/// double quotes, `\\` is a backslash, not the start of an escape, and a line may go on past a
/// `\` at its end (text25 F25a-1, F25a-5).
pub(super) fn as_written(source: &str, from: usize, text: &str) -> Option<std::ops::Range<usize>> {
    let first = text.chars().next()?;
    let rest = source.get(from..)?;
    let quoted = source.starts_with('"');
    // (Where it may start: its first character, or a backslash that starts an escape.)
    let mut starts = rest
        .match_indices([first, '\\'])
        .map(|(at, _)| at)
        .filter(|&at| !quoted || source[..from + at].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 0);
    let found = starts.find_map(|at| Some(from + at..from + at + written_len(&rest[at..], text, quoted)?))?;
    // (From its first character: not the end of the line before it, escaped.)
    let skip = if quoted { continued(&source[found.start..]) } else { 0 };
    Some(found.start + skip..found.end)
}

/// How many bytes at the start of `source` write `text`, its characters as they read or, in
/// double quotes (`quoted`), escaped.
fn written_len(source: &str, text: &str, quoted: bool) -> Option<usize> {
    let mut at = 0;
    for c in text.chars() {
        if quoted {
            at += continued(&source[at..]);
        }
        let rest = &source[at..];
        at += if quoted && rest.starts_with('\\') {
            escape_len(rest, c)?
        } else if rest.starts_with(c) {
            c.len_utf8()
        } else if quoted && c == ' ' && rest.starts_with(['\n', '\r']) {
            // (A line break in double quotes reads as a space.)
            rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len()
        } else {
            return None;
        };
    }
    Some(at)
}

/// The length of a line's end escaped in double quotes at the start of `source` (`\` and
/// the line break, then the next line's indentation), which writes nothing; 0 for none.
fn continued(source: &str) -> usize {
    let Some(after) = source.strip_prefix('\\').and_then(|s| s.strip_prefix("\r\n").or_else(|| s.strip_prefix('\n')))
    else {
        return 0;
    };
    source.len() - after.trim_start_matches([' ', '\t']).len()
}

/// The length of the escape at the start of `source` if it writes `c`.
fn escape_len(source: &str, c: char) -> Option<usize> {
    match crate::load::escapes::read(source)? {
        crate::load::escapes::Escape::Char { c: written, len } if written == c => Some(len),
        _ => None,
    }
}

/// What a bullet Word puts on the clipboard as a character of its Symbol or Wingdings font
/// (U+F0B7 `•`, U+F0A7 `▪`, U+F0D8 `➢`) is called: a private-use character that stands for a
/// bullet in that font only (text42a F42a-13).
pub(super) fn word_bullet(c: char) -> Option<&'static str> {
    match c {
        '\u{F0B7}' => Some("a bullet"),
        '\u{F0A7}' => Some("a square bullet"),
        '\u{F0D8}' => Some("an arrow bullet"),
        _ => None,
    }
}

/// What a character that copying leaves in place of what it could not copy says: U+FFFC,
/// where a picture or a chart stood in Word, Outlook, Pages or Notes; U+FFFD, where a
/// character was lost when the text was converted from another encoding (text44a F44a-28).
pub(super) fn left_by_a_copy(c: char) -> Option<&'static str> {
    match c {
        '\u{FFFC}' => Some("U+FFFC marks an object (a picture or a chart) that did not come with the copied text"),
        '\u{FFFD}' => Some("U+FFFD '\u{FFFD}' stands for a character lost when the text was converted"),
        _ => None,
    }
}

/// The kanji a radical stands for, in text copied out of a PDF: its fonts map 日 to the
/// Kangxi radical SUN (U+2F47), which looks the same and reads as its name, and which no
/// search for 日 finds (text45a F45a-12). `None` for any other character.
pub(super) fn radical_of(c: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    if !('\u{2E80}'..='\u{2FDF}').contains(&c) {
        return None;
    }
    let mut kanji = std::iter::once(c).nfkc();
    // (Of the CJK Radicals Supplement, NFKC maps only `⺟` and `⻳`: `⻑` printed, read back
    // as itself and was said to be fine; text46a F46a-11.)
    kanji.next().filter(|&k| k != c && kanji.next().is_none()).or_else(|| supplement_kanji(c))
}

/// The ideograph a character of the CJK Radicals Supplement stands for, as Unicode's
/// EquivalentUnifiedIdeograph.txt gives it (those it maps to the CJK Unified block, which
/// the fonts have; checked against that file, where the list was first written from
/// memory), for those a Japanese or Chinese text may hold in place
/// of a kanji: the whole characters (`⻑` 長, `⻄` 西) and the forms they take as a part
/// (`⺅` 亻, `⺡` 氵).
fn supplement_kanji(c: char) -> Option<char> {
    // Each radical, then its ideograph.
    const SUPPLEMENT: &str = "⺀冫⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺉刂⺊卜⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌\
        ⺙攵⺛旡⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺥爫⺦丬⺨犭⺫罒⺬示⺭礻⺯糹⺰纟⺱罓\
        ⺹耂⺺肀⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻈讠⻉贝⻋车⻍辶⻏阝⻐钅\
        ⻑長⻒镸⻓长⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤\
        ⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";
    let mut pairs = SUPPLEMENT.chars();
    std::iter::from_fn(|| Some((pairs.next()?, pairs.next()?))).find(|&(r, _)| r == c).map(|(_, k)| k)
}

/// The character a C1 control (U+0080 to U+009F) stands for in Windows-1252: the code of
/// `’` (0x92) in a page or mail in that encoding, read as Latin-1, is U+0092, which prints
/// nothing (text47a F47a-14). `None` for any other character, and for the five codes
/// Windows-1252 leaves unused.
pub(super) fn windows_1252(c: char) -> Option<char> {
    const FROM_0X80: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    let i = (c as u32).checked_sub(0x80).filter(|&i| i < 32)? as usize;
    FROM_0X80.chars().nth(i).filter(|w| !w.is_control())
}

/// The letters a ligature stands for (`ﬁ` U+FB01 → `fi`), in text copied out of a PDF, whose
/// fonts map the glyph to the ligature: no search or spelling check finds a word written
/// with it (text46a F46a-28). `None` for any other character.
pub(super) fn ligature_letters(c: char) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    ('\u{FB00}'..='\u{FB06}').contains(&c).then(|| std::iter::once(c).nfkc().collect())
}

/// Where the lines of a file start, found in one reading, to number many places without
/// reading the file again for each (text44a F44a-25: each report counted the lines from the
/// file's start, and 16,000 topics with a `⑴` each took 25 s).
pub(super) struct LineIndex(Vec<usize>);

impl LineIndex {
    /// Lines end where a diagnostic's do ([`crate::diag::is_break`]): at a line feed, or at a
    /// carriage return alone, as in old Mac files.
    pub(super) fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let starts = (0..bytes.len()).filter(|&i| crate::diag::is_break(bytes, i)).map(|i| i + 1).collect();
        LineIndex(starts)
    }

    /// The number (from 1) of the line that holds byte `at`.
    pub(super) fn line_of(&self, at: usize) -> usize {
        self.0.partition_point(|&start| start <= at) + 1
    }
}

/// Where else after `first` a field has a character, given where the field has it
/// (`offsets`, in order), for a message: "here and on line 8", "here, twice more on this line
/// and on lines 8, 9 and 11", the first ten lines and how many more; `None` when it has it
/// nowhere else (text42a F42a-13: five lines held it, and one was named; text47a F47a-5: two
/// more on the first line went unsaid, and came back one a run as each was deleted).
pub(super) fn elsewhere(index: &LineIndex, first: Span, offsets: &[usize]) -> Option<String> {
    let first_line = index.line_of(first.end);
    let mut lines: Vec<usize> = Vec::new();
    let mut same = 0;
    for &at in &offsets[offsets.partition_point(|&at| at < first.end)..] {
        let line = index.line_of(at);
        if line == first_line {
            same += 1;
        } else if lines.last() != Some(&line) {
            lines.push(line);
        }
    }
    let shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    let on_lines = match (lines.len(), shown.split_last()) {
        (_, None) => None,
        (1, _) => Some(format!("line {}", shown[0])),
        (n, Some((last, rest))) if n == shown.len() => Some(format!("lines {} and {last}", rest.join(", "))),
        (n, Some(_)) => Some(format!("lines {} and {} more", shown.join(", "), n - shown.len())),
    };
    let this_line = match same {
        0 => None,
        1 => Some("once more on this line".to_string()),
        2 => Some("twice more on this line".to_string()),
        n => Some(format!("{n} more times on this line")),
    };
    match (this_line, on_lines) {
        (None, None) => None,
        (None, Some(lines)) => Some(format!("here and on {lines}")),
        (Some(this), None) => Some(format!("here and {this}")),
        (Some(this), Some(lines)) => Some(format!("here, {this} and on {lines}")),
    }
}

/// Where each character written as a numeric character reference (`&#x1F600;`, `&#128512;`,
/// in any case) is first so written in `text[span]`.
pub(super) fn reference_places(text: &str, span: Span) -> HashMap<char, Span> {
    // (Found in one reading of the field, for every character reported: text44a F44a-25.)
    let source = text.get(span.start..span.end).unwrap_or("");
    let mut places = HashMap::new();
    for (at, _) in source.match_indices("&#") {
        let rest = &source[at + 2..];
        let (hex, digits) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (true, hex),
            None => (false, rest),
        };
        let len = digits.bytes().take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() }).count();
        if len == 0 || len > 8 || !digits[len..].starts_with(';') {
            continue;
        }
        let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok().and_then(char::from_u32);
        let end = at + 2 + usize::from(hex) + len + 1;
        if let Some(c) = code {
            places.entry(c).or_insert(Span::new(span.start + at, span.start + end));
        }
    }
    places
}

/// The byte offset of the first occurrence of each character of `text[span]`.
pub(super) fn first_places(text: &str, span: Span) -> HashMap<char, usize> {
    let mut places = HashMap::new();
    for (i, c) in text.get(span.start..span.end).unwrap_or("").char_indices() {
        places.entry(c).or_insert(span.start + i);
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_punctuation_read_as_latin_1_is_named() {
        assert_eq!(windows_1252('\u{92}'), Some('’'));
        assert_eq!(windows_1252('\u{85}'), Some('…'));
        assert_eq!(windows_1252('\u{80}'), Some('€'));
        assert_eq!(windows_1252('\u{9F}'), Some('Ÿ'));
        assert_eq!(windows_1252('\u{81}'), None);
        assert_eq!(windows_1252('\u{7F}'), None);
        assert_eq!(windows_1252('’'), None);
    }

    #[test]
    fn the_other_places_that_hold_a_character_are_named_or_counted() {
        let at = |text: &str, c: char| text.match_indices(c).map(|(i, _)| i).collect::<Vec<_>>();
        let text = "body: |\n  a 😀\n  b 😀 😀\n  c\r  d 😀\r\n";
        let index = LineIndex::new(text);
        assert_eq!(elsewhere(&index, Span::new(12, 16), &at(text, '😀')).as_deref(), Some("here and on lines 3 and 5"));
        assert_eq!(elsewhere(&LineIndex::new("x 😀\n"), Span::new(2, 6), &[2]), None);
        let many = "😀\n".repeat(13);
        assert_eq!(
            elsewhere(&LineIndex::new(&many), Span::new(0, 4), &at(&many, '😀')).as_deref(),
            Some("here and on lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more")
        );
        // More on the first line are counted (text47a F47a-5).
        let line = "a 😀 b 😀 c 😀\nd 😀\n";
        let first = Span::new(2, 6);
        assert_eq!(
            elsewhere(&LineIndex::new(line), first, &at(line, '😀')).as_deref(),
            Some("here, twice more on this line and on line 2")
        );
        let line = "a 😀 b 😀";
        assert_eq!(
            elsewhere(&LineIndex::new(line), first, &at(line, '😀')).as_deref(),
            Some("here and once more on this line")
        );
        assert_eq!((index.line_of(0), index.line_of(7), index.line_of(8)), (1, 1, 2));
    }
}
