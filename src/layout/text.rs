//! Setting a paragraph into lines: Unicode line breaking (UAX #14, so Japanese breaks between
//! characters), a fallback face for every character the main face lacks, and words wider than
//! the line broken between characters instead of dropped.

use super::jlreq::{self, Yakumono};

mod breaker;
mod japanese;
mod keep;
mod runs;

use super::LinkTarget;
use crate::fonts::{is_invisible, FaceId, FontBook, FontStyle};
use crate::script::is_kana_or_kanji;
use crate::theme::Rgb;
use breaker::{hangs, word_space, Break, Paragraph};
pub use keep::kept_whole;
use keep::{held, in_date, narrow_space};
use runs::{make_line, whole_words};

/// How a stretch of text looks, and what it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub style: FontStyle,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
    /// Code (`inline code`).
    pub code: bool,
    /// Which inline element of its paragraph the text belongs to (a link, a code span), so
    /// that one link broken across lines stays one link; 0 for plain text.
    pub group: u32,
    /// The link, partly changed in a redline, that the text is part of (see
    /// `body::mixed_links`): one link element, holding the change spans; 0 for none.
    pub link_group: u32,
    /// Which stretch of Japanese text in text of another language this is; 0 for none.
    pub ja: u32,
    /// Which quotations in another language than the text around them this is in (numbered
    /// from 1), outer first, each with its language (see `flow::quotes`); none for the rest.
    pub quote: Vec<(u32, std::sync::Arc<str>)>,
    /// Running text of a template with `japanese_body: mincho`: Japanese characters in the
    /// Mincho face, not the Gothic one; Japanese text in the Gothic face: the signs it shares
    /// with Latin text from it.
    pub mincho: Mincho,
    /// Text a redline marks as inserted or deleted.
    pub change: Option<crate::markdown::Change>,
    /// The language of text in another than its paragraph's (BCP 47), for an inline element
    /// of its own (see `Flow::run_node`): a topic's title inside a line about it, deleted
    /// text in the language the paragraph was in before.
    pub lang: Option<std::sync::Arc<str>>,
    /// Drawn for the eye only, an artifact to a screen reader: the space a redline sets between
    /// a deleted word and the one inserted in its place ([`crate::redline::needs_gap`]).
    pub gap: bool,
    /// A change of spaces alone, which its label says ("Deleted: space").
    pub spaces: bool,
}

/// Where the Mincho face is used, or the Gothic one for shared signs (see [`Look::mincho`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mincho {
    /// Not at all.
    #[default]
    Off,
    /// For Japanese characters, in text of another language.
    Japanese,
    /// For every character it has, in Japanese text.
    All,
    /// Not at all, in Japanese text: the signs it shares with Latin text (`…`, `×`) from the
    /// Japanese Gothic face ([`FontBook::face_for_japanese`]).
    Gothic,
}

impl Look {
    /// Plain text in `style`, `size` and `color`: no link, not code, in no inline element.
    pub fn new(style: FontStyle, size: f32, color: Rgb) -> Look {
        Look {
            style,
            size,
            color,
            link: None,
            code: false,
            group: 0,
            link_group: 0,
            ja: 0,
            quote: Vec::new(),
            mincho: Mincho::Off,
            change: None,
            lang: None,
            gap: false,
            spaces: false,
        }
    }

    /// Marks this look as text a redline shows as `change`: in the change's colour, as inline
    /// element `group` of its paragraph. A link stays live: it is a link element inside the
    /// change's span.
    pub fn mark(&mut self, change: crate::markdown::Change, group: u32, colors: &crate::theme::Colors) {
        self.change = Some(change);
        self.group = group;
        self.color = colors.of(change);
    }

    /// The face that prints `c` in this look: the monospaced face for code, Mincho for
    /// Japanese running text that asks for it, else the fallback chain. Japanese in
    /// emphasis is set in the other Japanese face ([`FontBook::face_for_emphasis`]), Latin
    /// letters in it in their italic.
    pub fn face(&self, fonts: &FontBook, c: char) -> Option<crate::fonts::FaceId> {
        self.face_by(fonts, c, || fonts.face_for_japanese(c, self.style))
    }

    /// [`Look::face`] for the character at `k` of `text`, the paragraph it is in: in Japanese
    /// text in the Gothic face, a sign of words from the face of the words beside it
    /// ([`FontBook::face_for_japanese_at`]).
    pub fn face_at(&self, fonts: &FontBook, text: &[char], k: usize) -> Option<crate::fonts::FaceId> {
        self.face_by(fonts, text[k], || fonts.face_for_japanese_at(text, k, self.style))
    }

    /// The one choice of face behind [`Look::face`] and [`Look::face_at`], with `gothic` the
    /// face of Japanese text in the Gothic face: code first, then emphasis (a change of face),
    /// then the face the look asks for.
    fn face_by(
        &self,
        fonts: &FontBook,
        c: char,
        gothic: impl FnOnce() -> Option<crate::fonts::FaceId>,
    ) -> Option<crate::fonts::FaceId> {
        let mincho = matches!(self.mincho, Mincho::All | Mincho::Japanese);
        let emphasis = if self.style.italic { fonts.face_for_emphasis(c, self.style, mincho) } else { None };
        if self.code {
            fonts.face_for_code(c, self.style)
        } else if emphasis.is_some() {
            emphasis
        } else if self.style.italic && self.mincho == Mincho::All {
            fonts.face_for(c, self.style)
        } else if self.mincho == Mincho::Gothic {
            gothic()
        } else if self.mincho != Mincho::Off {
            fonts.face_for_mincho(c, self.style, self.mincho == Mincho::All)
        } else {
            fonts.face_for(c, self.style)
        }
    }
}

/// Text in one look.
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub look: Look,
}

/// A run of text in one face and look, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// From the line's left edge, in points.
    pub x: f32,
    pub width: f32,
    pub face: FaceId,
    pub text: String,
    pub look: Look,
    /// Extra space after the first `k` characters of `text`, for each `(k, points)`
    /// (see [`crate::layout::TextItem::gaps`]); `width` includes it.
    pub gaps: Vec<(u32, f32)>,
    /// The text as typed, when reading the run's glyphs back would not give it (see
    /// [`crate::layout::TextItem::actual`]).
    pub actual: Option<String>,
    /// Part of a word hyphenated across lines: the parts are one `Span` of the structure,
    /// whose `/ActualText` is the word (for readers that take text from the structure).
    pub word: Option<WordPart>,
    /// On a line whose Japanese is spaced (its runs' [`Run::actual`] set): the line's number
    /// in its paragraph. The runs of such a line that share an element are one `Span` of it,
    /// whose `/ActualText` is their text (for readers that take text from the structure),
    /// and so one stretch of marked content that reads as typed.
    pub spaced: Option<u32>,
}

/// Which part of a hyphenated word a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordPart {
    /// The first: its [`Run::actual`] is the word whole.
    First,
    /// One after it, on this line or the next.
    Rest,
}

/// One set line.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    /// The largest font size on the line, in points (sets the line's height).
    pub size: f32,
    /// How many runs at the start of the line are the end of a word hyphenated (or cut) on
    /// the line before (0 when the line before was not).
    continued: usize,
    /// The run where the word fragment before the line's hyphen starts, when it ends with one
    /// (or inside a word cut because it is wider than the line, with no hyphen).
    hyphenated: Option<usize>,
    /// Its Japanese is spaced beside Latin text or stretched to the width (see [`Run::spaced`]).
    spaced: bool,
}

/// Width of `c` in `face` at `size` points.
fn width_of(fonts: &FontBook, face: FaceId, c: char, size: f32) -> f32 {
    fonts.metrics(face).map_or(0.0, |m| m.char_width(c) * size)
}

/// One character ready to be set: where it is in the text, which span, face and width.
#[derive(Clone, Copy)]
struct Glyph {
    at: usize,
    ch: char,
    span: usize,
    face: Option<FaceId>,
    width: f32,
    /// Space added after it when the next character is on the same line, in points:
    /// punctuation compression (negative) and the quarter em beside Latin text.
    adj: f32,
    /// Blank that goes when the glyph starts a line (an opening bracket's first half). A
    /// closing bracket or stop ending a line keeps its full width, so that the line's last
    /// glyph ends at the margin (JLREQ 3.1.4 allows either).
    lead: f32,
    /// How far the space after it may shrink and stretch in a justified Japanese line before
    /// characters are spread, in points (see [`japanese::give`]).
    give: jlreq::Give,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Default)]
pub struct Setting<'h> {
    /// Every line but the last (and those ending at a hard break) fills the width: space goes
    /// between Japanese characters, or into word spaces.
    pub justify: bool,
    /// Japanese text: a last line of one or two characters is avoided by setting the lines
    /// above a little tighter.
    pub japanese: bool,
    /// A heading: a break inside a unit of Japanese and Latin text such as `日EU` is taken
    /// only when there is no other break on the line.
    pub heading: bool,
    /// A centred title or heading: Japanese lines of similar length.
    pub balance: bool,
    /// Hyphenation for the paragraph's language.
    pub hyphens: Option<&'h crate::hyphenate::Hyphenator>,
    /// A table's cell: a date written in words (`12 May 2026`) stays whole, as a figure does.
    pub cell: bool,
}

thread_local! {
    /// The work this thread's paragraphs took to set: characters, and line breaks weighed.
    /// Counted, not timed, so that what is decided by it is the same on every machine.
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The work ([`WORK`]) this thread has done setting paragraphs so far.
pub fn work_done() -> u64 {
    WORK.with(std::cell::Cell::get)
}

/// Counts `n` more of [`WORK`].
fn add_work(n: usize) {
    WORK.with(|w| w.set(w.get().saturating_add(n as u64)));
}

/// Sets `spans` into lines at most `max_width` points wide, ragged right. See [`set_with`].
pub fn set(spans: &[Span], max_width: f32, fonts: &FontBook) -> Vec<Line> {
    set_with(spans, max_width, fonts, Setting::default())
}

/// Sets `spans` into lines at most `max_width` points wide. Nothing is dropped: a word wider
/// than the line is broken between grapheme clusters; a character no face has keeps zero
/// width here (validation reports those before layout runs). A `max_width` below zero (a
/// table column narrower than its padding) is zero: one grapheme cluster per line.
/// Japanese punctuation is compressed and Latin words inside Japanese text are spaced by a
/// quarter em, as JLREQ asks (see [`super::jlreq`]).
pub fn set_with(spans: &[Span], max_width: f32, fonts: &FontBook, setting: Setting<'_>) -> Vec<Line> {
    // Below zero even an empty line would be too wide, and breaking could never stop.
    let max_width = if max_width.is_nan() { 0.0 } else { max_width.max(0.0) };
    let (text, mut glyphs) = glyphs_of(spans, fonts);
    if glyphs.is_empty() {
        return Vec::new();
    }
    // Justified Japanese is adjusted in JLREQ's order, and broken for the whole paragraph.
    let adjusted = setting.justify && setting.japanese;
    if adjusted {
        japanese::give(&mut glyphs, spans);
    }
    let paragraph = Paragraph::new(spans, fonts, &text, &glyphs, setting);
    // Justified Latin text is broken for the whole paragraph at once (fewer wide spaces);
    // Japanese stretches between every character and is set line by line.
    let total_fit = (setting.justify && !setting.japanese).then(|| paragraph.total_fit(max_width)).flatten();
    let japanese_fit = adjusted.then(|| paragraph.japanese_fit(max_width));
    let phrases = (setting.japanese && setting.heading).then(|| paragraph.phrase_fit(max_width, setting.balance));
    let mut breaks = total_fit.or(japanese_fit).or(phrases).unwrap_or_else(|| paragraph.breaks(max_width));
    if setting.japanese
        && !setting.justify
        && !setting.heading
        && breaks.len() > 1
        && paragraph.short_last_line(&breaks)
    {
        // Tighter lines above move characters down: a little narrower each time, for as long
        // as the last line is still short (the lines are then justified to the full width).
        let em = spans.iter().map(|s| s.look.size).fold(0.0, f32::max);
        for k in 1..=4 {
            let tighter = paragraph.breaks(max_width - k as f32 * em);
            if !paragraph.short_last_line(&tighter) {
                breaks = tighter;
                break;
            }
        }
    }
    // Where the word broken at the end of the line before ends, at the latest (glyph index).
    let mut continues: Option<usize> = None;
    let mut lines: Vec<Line> = breaks
        .iter()
        .map(|b| {
            let target = (setting.justify && !b.last).then_some(max_width);
            let cut = b.cut.map(|(from, _)| from.saturating_sub(b.start));
            let word = (continues.map(|end| end.saturating_sub(b.start)), b.hyphen, cut);
            let line = make_line(&glyphs[b.start..b.end], spans, fonts, target.map(|t| (t, adjusted)), word);
            continues = line.hyphenated.is_some().then(|| b.cut.map_or(usize::MAX, |(_, end)| end));
            line
        })
        .collect();
    for (i, line) in lines.iter_mut().enumerate().filter(|(_, l)| l.spaced) {
        for run in &mut line.runs {
            run.spaced = Some(i as u32);
        }
    }
    whole_words(&mut lines);
    // The end of the text is a mandatory break; after a final hard break it leaves an empty
    // line, which is not content.
    while lines.len() > 1 && lines.last().is_some_and(|l: &Line| l.runs.is_empty()) {
        lines.pop();
    }
    lines
}

/// The text of `spans` and its glyphs, measured and spaced as JLREQ asks (see
/// [`compose_japanese`]), counted in [`WORK`].
fn glyphs_of(spans: &[Span], fonts: &FontBook) -> (String, Vec<Glyph>) {
    let mut text = String::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    // (The paragraph's characters, for the signs set by the words beside them.)
    let chars: Vec<char> = spans.iter().flat_map(|s| s.text.chars()).collect();
    for (si, span) in spans.iter().enumerate() {
        let size = span.look.size;
        for (i, ch) in span.text.char_indices() {
            let ch = if ch == '\t' { ' ' } else { ch };
            let (face, width) = if ch == '\n' || is_invisible(ch) {
                (None, 0.0)
            } else {
                match span.look.face_at(fonts, &chars, glyphs.len()) {
                    Some(f) => (Some(f), width_of(fonts, f, ch, size)),
                    None => (None, 0.0),
                }
            };
            let give = jlreq::Give::default();
            glyphs.push(Glyph { at: text.len() + i, ch, span: si, face, width, adj: 0.0, lead: 0.0, give });
        }
        text.push_str(&span.text);
    }
    add_work(glyphs.len());
    compose_japanese(&mut glyphs, spans);
    (text, glyphs)
}

/// The widths of the widest stretch of `spans` between two places a line may break, as
/// [`set_with`] sets it with `setting`: its longest word, the narrowest a line can be without
/// cutting one; and of the widest such stretch with a digit in it, a figure, date or code,
/// whose cut changes what it reads.
pub fn widest_word(spans: &[Span], fonts: &FontBook, setting: Setting<'_>) -> (f32, f32) {
    let (text, glyphs) = glyphs_of(spans, fonts);
    Paragraph::new(spans, fonts, &text, &glyphs, setting).widest_word()
}

/// Full-width punctuation next to full-width punctuation gives up the blank JLREQ 3.1.4 says
/// it does; kana or kanji next to a Latin letter or digit, or a sign of its words in the Latin
/// face, with nothing typed between, get a quarter em (3.2.2). An opening bracket starting a line gives up its blank half when the
/// line is made.
fn compose_japanese(glyphs: &mut [Glyph], spans: &[Span]) {
    let full_width = |g: &Glyph| g.face.is_some() && g.width >= 0.9 * spans[g.span].look.size;
    // A sign of Latin words in Japanese text, set from the Latin face beside them (`の“AI”を`,
    // see `Look::face_at`), is spaced from kana and kanji as its words are.
    let latin_sign = |g: &Glyph| {
        spans[g.span].look.mincho == Mincho::Gothic
            && crate::fonts::joins_words(g.ch)
            && g.face.is_some()
            && !full_width(g)
    };
    for i in 0..glyphs.len() {
        let g = glyphs[i];
        let size = spans[g.span].look.size;
        let yaku = Yakumono::of(g.ch).filter(|_| full_width(&g));
        if yaku == Some(Yakumono::Opening) {
            glyphs[i].lead = Yakumono::Opening.blanks().0 * size;
        }
        let Some(next) = glyphs.get(i + 1).copied() else { continue };
        if next.face.is_none() || g.face.is_none() {
            continue;
        }
        if let (Some(a), Some(b)) = (yaku, Yakumono::of(next.ch).filter(|_| full_width(&next))) {
            glyphs[i].adj -= jlreq::squeeze(a, b) * size;
        } else if jlreq::spaced(g.ch, next.ch)
            || is_kana_or_kanji(g.ch) && latin_sign(&next)
            || latin_sign(&g) && is_kana_or_kanji(next.ch)
        {
            let japanese_size = if is_kana_or_kanji(g.ch) { size } else { spans[next.span].look.size };
            glyphs[i].adj += 0.25 * japanese_size;
        }
    }
}

/// The length in bytes of the longest prefix of `text` that is at most `max_width` points wide
/// on one line in `look`, found without measuring anything past it.
pub fn fitting_prefix(text: &str, look: &Look, max_width: f32, fonts: &FontBook) -> usize {
    let size = look.size;
    let mut width = 0.0;
    let chars: Vec<char> = text.chars().collect();
    for (k, (i, ch)) in text.char_indices().enumerate() {
        let ch = if ch == '\t' { ' ' } else { ch };
        if ch != '\n' && !is_invisible(ch) {
            width += look.face_at(fonts, &chars, k).map_or(0.0, |f| width_of(fonts, f, ch, size));
        }
        if width > max_width {
            return i;
        }
    }
    text.len()
}

/// `spans` with every stretch of Japanese text numbered in its look (`ja`): from a Japanese
/// character to the last one before a space, with the digits and Latin letters between
/// (`第10回日EU・ICT戦略`), so that each stretch can be marked as Japanese whole.
pub fn mark_japanese(spans: &[Span], lang: &str) -> Vec<Span> {
    let is_japanese = |c: char| crate::script::is_japanese_in(c, lang);
    let chars: Vec<(usize, char)> =
        spans.iter().enumerate().flat_map(|(i, s)| s.text.chars().map(move |c| (i, c))).collect();
    let mut ids = vec![0u32; chars.len()];
    let mut next = 0;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && !chars[i].1.is_whitespace() {
            i += 1;
        }
        let word = start..i;
        let first = word.clone().find(|&k| is_japanese(chars[k].1));
        let last = word.clone().rev().find(|&k| is_japanese(chars[k].1));
        if let (Some(a), Some(b)) = (first, last) {
            next += 1;
            ids[a..=b].iter_mut().for_each(|id| *id = next);
        }
        i += 1;
    }
    if next == 0 {
        return spans.to_vec();
    }
    let mut out: Vec<Span> = Vec::new();
    for (k, &(span, c)) in chars.iter().enumerate() {
        match out.last_mut() {
            Some(last) if last.look.ja == ids[k] && k > 0 && chars[k - 1].0 == span => last.text.push(c),
            _ => {
                let mut look = spans[span].look.clone();
                look.ja = ids[k];
                out.push(Span { text: c.to_string(), look });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(size: f32) -> Look {
        Look::new(FontStyle::REGULAR, size, Rgb(0, 0, 0))
    }

    fn plain(text: &str) -> Vec<Span> {
        vec![Span { text: text.into(), look: look(10.0) }]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("Hello world"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["Hello world"]);
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let fonts = FontBook::builtin();
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away";
        let lines = set(&plain(text), 100.0, &fonts);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        // Each line but the last keeps the space it broke at, so the text reads back whole.
        assert_eq!(texts(&lines).concat(), text);
        assert!(texts(&lines).iter().rev().skip(1).all(|l| l.ends_with(' ')));
    }

    #[test]
    fn japanese_breaks_between_characters() {
        let fonts = FontBook::builtin();
        let text =
            "日本と欧州連合は、第五世代移動通信システムの国際標準化の重要性を確認し、研究開発での協力に合意した。";
        let lines = set(&plain(text), 120.0, &fonts);
        assert!(lines.len() > 2, "{:?}", texts(&lines));
        assert_eq!(texts(&lines).concat(), text);
        assert!(lines.iter().all(|l| l.width <= 120.01));
        let ipa = lines[0].runs[0].face;
        assert_eq!(fonts.source(ipa).name, "IPAexGothic");
    }

    #[test]
    fn overlong_words_and_urls_are_broken_not_dropped() {
        let fonts = FontBook::builtin();
        let word = "x".repeat(200);
        let url = format!("https://example.org/{}", "abcdefghij".repeat(28));
        let text = format!("Before {word} and {url} after");
        let lines = set(&plain(&text), 150.0, &fonts);
        assert!(lines.iter().all(|l| l.width <= 150.01));
        let joined: String = texts(&lines).concat().split_whitespace().collect();
        let expected: String = text.split_whitespace().collect();
        assert_eq!(joined, expected);
    }

    #[test]
    fn a_word_wider_than_the_line_reads_back_whole_up_to_its_end() {
        let fonts = FontBook::builtin();
        let word = "x".repeat(200);
        let lines = set(&plain(&format!("Before {word}\u{2014}after it")), 150.0, &fonts);
        let runs: Vec<&Run> = lines.iter().flat_map(|l| &l.runs).collect();
        let parts: Vec<&&Run> = runs.iter().filter(|r| r.text.contains('x')).collect();
        assert!(parts.len() > 2, "{:?}", texts(&lines));
        assert!(parts.iter().all(|r| r.text.chars().all(|c| c == 'x')), "{:?}", texts(&lines));
        assert_eq!(parts[0].actual.as_deref(), Some(word.as_str()));
        assert_eq!(parts[0].word, Some(WordPart::First));
        assert!(parts[1..].iter().all(|r| r.actual.as_deref() == Some("") && r.word == Some(WordPart::Rest)));
        // The dash after the word, on its last line, is a break: what follows reads as itself.
        assert!(texts(&lines).iter().any(|t| t.contains("x\u{2014}after")), "{:?}", texts(&lines));
        assert!(runs.iter().filter(|r| !r.text.contains('x')).all(|r| r.actual.is_none() && r.word.is_none()));
        // A word part of which is a link is left in its parts: one span would take the rest
        // into the link.
        let mut spans = plain(&"x".repeat(100));
        spans.push(Span { text: "y".repeat(100), look: Look { group: 1, ..look(10.0) } });
        let lines = set(&spans, 150.0, &fonts);
        assert!(lines.len() > 2 && lines.iter().flat_map(|l| &l.runs).all(|r| r.actual.is_none() && r.word.is_none()));
    }

    #[test]
    fn a_width_below_zero_sets_one_cluster_per_line() {
        let fonts = FontBook::builtin();
        for width in [-5.0, 0.0, f32::NAN] {
            let lines = set(&plain("ab\u{301}c"), width, &fonts);
            assert_eq!(texts(&lines), ["a", "b\u{301}", "c"], "width {width}");
        }
    }

    #[test]
    fn a_long_word_sets_whole() {
        // Measuring the rest of the word from scratch after every cut made this quadratic
        // (minutes); it stays fast, but what is asserted is only that nothing is lost.
        let fonts = FontBook::builtin();
        let word = "x".repeat(300_000);
        let lines = set(&plain(&word), 100.0, &fonts);
        let unlimited = set(&plain(&"word ".repeat(60_000)), f32::INFINITY, &fonts);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(texts(&lines).concat(), word);
        assert_eq!(unlimited.len(), 1);
    }

    #[test]
    fn no_break_spaces_keep_their_width_at_the_start_of_a_line() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("\u{A0}\u{A0}indented"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["\u{A0}\u{A0}indented"]);
        assert!(lines[0].runs[0].width > 0.0);
    }

    /// text42a F42a-25: a paragraph pasted from an e-mail, every space a no-break one, was
    /// cut between any two letters ("review it a" / "t the").
    #[test]
    fn a_stretch_of_words_joined_by_no_break_spaces_is_cut_at_those_spaces() {
        let fonts = FontBook::builtin();
        let text =
            "Both sides decided to review it at the next Council in Tokyo in spring 2027 with the joint research calls"
                .replace(' ', "\u{A0}");
        let lines = set(&plain(&text), 120.0, &fonts);
        assert!(lines.len() > 3, "{:?}", texts(&lines));
        assert_eq!(texts(&lines).concat(), text);
        for line in &texts(&lines)[..lines.len() - 1] {
            assert!(line.ends_with('\u{A0}'), "cut inside a word: {:?}", texts(&lines));
        }
    }

    /// text42a F42a-18: guillemets typed with ordinary spaces stay with their words.
    #[test]
    fn guillemets_typed_with_spaces_stay_with_their_words() {
        let fonts = FontBook::builtin();
        let text =
            "Le commissaire a présenté la stratégie « Décennie numérique » puis le processus « Hiroshima » ; vrai ?";
        for width in (60..400).step_by(7) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            for line in &lines {
                let line = line.trim_end();
                assert!(!line.ends_with('«'), "{width}: {lines:?}");
                assert!(!line.starts_with(['»', ';', '?']), "{width}: {lines:?}");
            }
        }
    }

    /// text43a F43a-9: a number typed with spaces between its digit groups, its currency after
    /// it, or named by `§`, `Art.`, `p.`, is not cut at those spaces.
    #[test]
    fn a_number_typed_with_spaces_is_not_cut_at_them() {
        let fonts = FontBook::builtin();
        let text = "La part atteint 2 530 423 € et le budget 1 996 100 € selon § 12 et Art. 5, voir p. 12 et 12 345 678 habitants.";
        for width in (60..400).step_by(5) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].trim_end(), pair[1].as_str());
                let cut = |a: &str, b: &str| end.ends_with(a) && start.starts_with(b);
                assert!(
                    !cut("2", "530") && !cut("530", "423") && !cut("423", "€") && !cut("1", "996"),
                    "{width}: {lines:?}"
                );
                assert!(
                    !cut("§", "12") && !cut("Art.", "5") && !cut("p.", "12") && !cut("345", "678"),
                    "{width}: {lines:?}"
                );
            }
        }
        // Years and counts side by side are two numbers, cut as words are.
        let lines = texts(&set(&plain("in 2026 500 delegates"), 40.0, &fonts));
        assert!(lines.iter().any(|l| l.trim_end().ends_with("2026")), "{lines:?}");
    }

    /// text44a F44a-17: a number and its sign or unit typed with a space, as the EU's
    /// languages write them, are not cut at it (lines started with "%", "°C", "km/h"); a word
    /// after a number still is, and the space is the one typed.
    #[test]
    fn a_number_and_its_unit_typed_with_a_space_stay_together() {
        let fonts = FontBook::builtin();
        let text = "Der Anteil stieg um 5 % auf 12,5 % und 3 ‰, bei 20 °C und 5 m² Fläche, mit 10 km/h \
                    und 100 Mbit/s für 10 Mio. € und 2 Mrd. EUR, also 5 topics and 7 days.";
        let (mut topics, mut days) = (false, false);
        for width in (40..400).step_by(3) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].trim_end(), pair[1].as_str());
                assert!(
                    !(end.ends_with(|c: char| c.is_ascii_digit() || c == '.')
                        && start.starts_with(['%', '‰', '°', 'm', 'k', 'M', '€', 'E'])),
                    "{width}: {lines:?}"
                );
                topics |= end.ends_with('5') && start.starts_with("topics");
                days |= end.ends_with('7') && start.starts_with("days");
            }
        }
        assert!(topics && days, "a word after a number may start a line");
    }

    /// text46a F46a-3 and F46a-16: a number keeps its currency code, sign, unit or the
    /// abbreviation naming it, typed with a space or a thin space, in a Latin paragraph and a
    /// Japanese one (justified or in a heading) alike; and a thin or narrow no-break space keeps
    /// its width in a justified line, where word spaces stretch.
    #[test]
    fn a_number_keeps_its_currency_and_name_and_a_thin_space_its_width() {
        let fonts = FontBook::builtin();
        let kept = [
            "EUR 5",
            "5 EUR",
            "5 lei",
            "art. 5",
            "Art. 12",
            "No. 3",
            "p. 7",
            "€ 5",
            "5 %",
            "5 km",
            "USD 1.5",
            "5\u{2009}%",
            "5\u{202F}%",
            "5\u{2009}000",
            "5\u{202F}000",
            "5\u{2009}km",
            "EUR\u{2009}5",
        ];
        let latin = format!("In total {} were counted.", kept.join(" and "));
        let japanese = format!("合計は{}でした。", kept.join("、"));
        let settings = [
            Setting::default(),
            Setting { justify: true, ..Setting::default() },
            Setting { justify: true, japanese: true, ..Setting::default() },
            Setting { japanese: true, heading: true, ..Setting::default() },
        ];
        for (n, (text, setting)) in [&latin, &latin, &japanese, &japanese].into_iter().zip(settings).enumerate() {
            // (From a width that holds each unit and the punctuation after it.)
            for width in (70..400).step_by(3) {
                let lines = set_with(&plain(text), width as f32, &fonts, setting);
                let texts = texts(&lines);
                assert_eq!(texts.concat(), *text, "nothing lost");
                for pair in texts.windows(2) {
                    let joined = pair.concat();
                    for unit in kept {
                        let inside = (1..unit.len()).filter(|&i| unit.is_char_boundary(i));
                        for cut in inside.filter(|&i| !unit[..i].ends_with(' ')) {
                            let (a, b) = unit.split_at(cut);
                            let (a, b) = (a.trim_end(), b.trim_start());
                            assert!(
                                !(pair[0].trim_end().ends_with(a) && pair[1].starts_with(b) && joined.contains(unit)),
                                "{unit:?} cut at {width} (setting {n}): {pair:?}"
                            );
                        }
                    }
                }
                if !setting.justify {
                    continue;
                }
                for line in &lines[..lines.len() - 1] {
                    for run in &line.runs {
                        let chars: Vec<char> = run.text.chars().collect();
                        for &(k, extra) in &run.gaps {
                            let after = chars.get((k as usize).wrapping_sub(1)).copied().unwrap_or(' ');
                            let narrow = matches!(after, '\u{2009}' | '\u{202F}');
                            assert!(!narrow || extra.abs() < 0.01, "{extra} pt after {after:?} at {width}: {texts:?}");
                        }
                    }
                }
            }
        }
    }

    /// text43a F43a-11: `\\server\share` was broken between its two backslashes, the next line
    /// reading `\server\share`, another path. A path breaks after a `\` that follows a name.
    #[test]
    fn a_share_path_is_not_split_inside_its_leading_backslashes() {
        let fonts = FontBook::builtin();
        let text = r"Regex ^\d{3}\s\w+$ and path C:\Users\Public\ and \\server\share and \n newline, or \\fileserver01\departments\international\reports";
        let mut after_a_name = false;
        for width in (40..400).step_by(3) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].trim_end(), pair[1].as_str());
                assert!(!(end.ends_with('\\') && start.starts_with('\\')), "{width}: {lines:?}");
                after_a_name |= end.ends_with(r"\departments\") || end.ends_with(r"\international\");
            }
        }
        assert!(after_a_name, "a long path breaks after a `\\` that follows a name");
    }

    #[test]
    fn no_line_starts_with_a_spaced_dash() {
        let fonts = FontBook::builtin();
        let text = "Japan and the EU agreed – after long talks — on closer cooperation in research";
        // (Narrower than "agreed –", a line is cut wherever it must.)
        for width in (60..300).step_by(3) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            assert!(!lines.iter().any(|l| l.starts_with(['–', '—'])), "at {width} pt: {lines:?}");
        }
    }

    #[test]
    fn hard_breaks_end_lines() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("one\ntwo"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["one ", "two"]);
    }

    #[test]
    fn mixed_scripts_get_runs_per_face() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("EU と日本 ≤ 5G"), 500.0, &fonts);
        let faces: Vec<&str> = lines[0].runs.iter().map(|r| fonts.source(r.face).name.as_str()).collect();
        assert_eq!(faces, ["NotoSans-Regular", "IPAexGothic", "NotoSans-Regular", "DejaVuSans", "NotoSans-Regular"]);
        assert_eq!(texts(&lines), ["EU と日本 ≤ 5G"]);
    }

    #[test]
    fn soft_hyphen_shows_as_hyphen_only_at_a_break() {
        let fonts = FontBook::builtin();
        let text = "tele\u{AD}communications tele\u{AD}communications tele\u{AD}communications";
        let lines = set(&plain(text), 90.0, &fonts);
        let t = texts(&lines);
        // Shown as a hyphen, kept as a soft hyphen so the word extracts whole.
        assert!(t.iter().any(|l| l.ends_with("tele\u{AD}")), "{t:?}");
        assert_eq!(t.concat().matches('\u{AD}').count(), t.iter().filter(|l| l.ends_with('\u{AD}')).count());
        let last = lines.iter().find(|l| texts(&[(*l).clone()])[0].ends_with('\u{AD}')).unwrap().runs.last().unwrap();
        assert!(last.width > 2.0, "the hyphen has a width");
    }

    fn visible(line: &Line) -> usize {
        line.runs.iter().flat_map(|r| r.text.chars()).filter(|c| !c.is_whitespace()).count()
    }

    #[test]
    fn japanese_paragraphs_do_not_end_on_one_or_two_characters() {
        let fonts = FontBook::builtin();
        let text = "日本とEUは、開始された5Gサービスの状況及びBeyond 5Gの状況をそれぞれ紹介しました。\
                    双方は、共同研究の公募を来年度も継続することを確認しました。";
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let mut short = 0;
        for width in 100..400 {
            let greedy = set(&plain(text), width as f32, &fonts);
            if greedy.len() > 1 && visible(greedy.last().unwrap()) <= 2 {
                short += 1;
            }
            let lines = set_with(&plain(text), width as f32, &fonts, japanese);
            assert!(lines.len() == 1 || visible(lines.last().unwrap()) > 2, "at {width} pt: {:?}", texts(&lines));
            assert_eq!(texts(&lines).concat(), text);
            for line in &lines[..lines.len() - 1] {
                assert!((line.width - width as f32).abs() < 0.01, "justified to {width}: {}", line.width);
            }
        }
        assert!(short > 5, "greedy setting leaves a short last line at some widths ({short})");
    }

    #[test]
    fn headings_keep_japanese_and_latin_units_together() {
        let fonts = FontBook::builtin();
        let text = "第31回日EU・ICT政策対話の結果";
        let heading = Setting { heading: true, ..Setting::default() };
        let mut split = 0;
        for width in 60..200 {
            let breaks_inside = |lines: &[Line]| texts(lines).iter().any(|l| l.ends_with('日'));
            split += usize::from(breaks_inside(&set(&plain(text), width as f32, &fonts)));
            let lines = set_with(&plain(text), width as f32, &fonts, heading);
            assert!(!breaks_inside(&lines), "at {width}: {:?}", texts(&lines));
        }
        assert!(split > 0, "body text may break inside 日EU");
    }

    /// Lines of `text` justified at `width` and the number of them (last lines aside) whose
    /// word spaces stretch beyond twice their width.
    fn wide_lines(text: &str, width: f32, hyphens: Option<&crate::hyphenate::Hyphenator>) -> (Vec<Line>, usize) {
        let fonts = FontBook::builtin();
        let space = width_of(&fonts, FaceId(0), ' ', 10.0);
        let lines = set_with(&plain(text), width, &fonts, Setting { justify: true, hyphens, ..Setting::default() });
        let wide = lines[..lines.len() - 1]
            .iter()
            .filter(|line| {
                // (A hyphenated word's parts are runs of their own.)
                let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                let spaces = text.trim_end().matches(' ').count().max(1);
                let gaps: f32 = line.runs.iter().flat_map(|r| &r.gaps).map(|g| g.1).sum();
                // Justified to the width, unless its spaces are as wide as they may be.
                let full = (line.width - width).abs() < 0.01;
                let widest = gaps / spaces as f32 >= (runs::MOST_STRETCH - 1.0) * space - 0.01;
                assert!(full || widest, "justified to {width}: {} {:?}", line.width, texts(&lines));
                space + gaps / spaces as f32 > 2.0 * space + 0.01
            })
            .count();
        (lines, wide)
    }

    #[test]
    fn justified_latin_spaces_stay_under_twice_their_width_with_hyphenation() {
        let text = "The Ministry of Internal Affairs and Communications and the European Commission held \
                    the tenth Japan-EU ICT Strategy Workshop in the form of a web-conference. Japan and the \
                    European Commission pointed out the importance of international standardization, as well \
                    as research and development, and agreed on their cooperation toward the early realization \
                    of Beyond 5G. Furthermore, Japan and the EU confirmed discussions to promote the \
                    cooperation of information sharing organizations.";
        let en = crate::hyphenate::Hyphenator::for_language("en").unwrap();
        let (mut hyphenated, mut wide, mut wide_unhyphenated) = (0, 0, 0);
        for width in (150..460).step_by(10) {
            let (lines, n) = wide_lines(text, width as f32, Some(&en));
            assert_eq!(texts(&lines).concat().replace('\u{AD}', ""), text, "nothing lost or added");
            assert!(lines.iter().all(|l| l.width <= width as f32 + 0.01), "no line is wider than the column");
            // From a column of about 45 characters, hyphenation always keeps spaces in bound.
            assert!(width < 240 || n == 0, "at {width}: {n} lines with spaces over twice their width");
            hyphenated += texts(&lines).iter().filter(|l| l.ends_with('\u{AD}')).count();
            wide += n;
            wide_unhyphenated += wide_lines(text, width as f32, None).1;
        }
        assert!(hyphenated > 10, "words were hyphenated ({hyphenated})");
        assert!(wide * 3 < wide_unhyphenated, "hyphenation: {wide} wide lines, without: {wide_unhyphenated}");
    }

    #[test]
    fn justified_word_spaces_stretch_to_three_times_their_width_at_most() {
        // "Write to" cannot share a line with the address: stretched to the width, its one
        // space was a gap readers took for two columns, reading "to" after the address.
        let fonts = FontBook::builtin();
        let space = width_of(&fonts, FaceId(0), ' ', 10.0);
        let text = "Write to averyveryveryverylongmailboxname@subdomain.example-ministry.europa.eu today.";
        let lines = set_with(&plain(text), 250.0, &fonts, Setting { justify: true, ..Setting::default() });
        assert_eq!(texts(&lines)[0].trim_end(), "Write to");
        let gaps: f32 = lines[0].runs.iter().flat_map(|r| &r.gaps).map(|g| g.1).sum();
        assert!((gaps - 2.0 * space).abs() < 0.01, "{gaps} {space}");
        assert!(lines[0].width < 100.0, "{}", lines[0].width);
    }

    #[test]
    fn a_latin_paragraph_spreads_its_word_spaces_not_the_japanese_in_it() {
        // Justified, a line of an English paragraph with `ｶﾀｶﾅ` in it spread the katakana
        // apart as much as its word spaces (`ｶ ﾀ ｶ ﾅ`).
        let fonts = FontBook::builtin();
        let text = "The delegations noted ｶﾀｶﾅ half-width and ＡＢＣ full-width forms in the joint \
                    statement, and agreed that ｶﾀｶﾅ should not be spaced out in justified lines.";
        let mut spread = 0;
        for width in (120..320).step_by(9) {
            let lines = set_with(&plain(text), width as f32, &fonts, Setting { justify: true, ..Setting::default() });
            for line in &lines[..lines.len() - 1] {
                let shown: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                if !shown.trim().contains(' ') {
                    continue;
                }
                for run in &line.runs {
                    let chars: Vec<char> = run.text.chars().collect();
                    for &(k, extra) in &run.gaps {
                        let k = k as usize;
                        spread += usize::from(extra > 0.01);
                        if k > 0 && k < chars.len() && !chars[k - 1].is_ascii() && !chars[k].is_ascii() {
                            assert!(
                                extra.abs() < 0.01,
                                "at {width}: {extra} between {:?}: {shown:?}",
                                &chars[k - 1..=k]
                            );
                        }
                    }
                }
            }
        }
        assert!(spread > 50, "the lines were justified ({spread} gaps)");
    }

    #[test]
    fn an_address_takes_no_hyphen_and_breaks_before_its_own() {
        // Broken after its own hyphen, an address read back without it (readers take a hyphen
        // at a line's end for a hyphenation); hyphenated, it printed one it does not have.
        let fonts = FontBook::builtin();
        let en = crate::hyphenate::Hyphenator::for_language("en").unwrap();
        let address = "https://www.example-ministry.go.jp/international-policy-division/communications";
        let link = Some(LinkTarget::Uri(address.to_string()));
        let before = "See ";
        let spans = [
            Span { text: before.into(), look: look(10.0) },
            Span { text: address.into(), look: Look { link, group: 1, ..look(10.0) } },
            Span { text: " for international telecommunications.".into(), look: look(10.0) },
        ];
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let inside = before.len() + 1..before.len() + address.len();
        let mut broken_inside = 0;
        for width in (60..300).step_by(7) {
            for justify in [false, true] {
                let setting = Setting { justify, hyphens: Some(&en), ..Setting::default() };
                let shown = texts(&set_with(&spans, width as f32, &fonts, setting));
                assert_eq!(shown.concat().replace('\u{AD}', ""), text, "nothing lost or added");
                let mut at = 0;
                for line in &shown[..shown.len() - 1] {
                    at += line.replace('\u{AD}', "").len();
                    if inside.contains(&at) {
                        broken_inside += 1;
                        assert!(!line.ends_with('\u{AD}') && !line.ends_with('-'), "at {width}: {shown:?}");
                    }
                }
            }
        }
        assert!(broken_inside > 20, "the address was broken inside ({broken_inside})");
    }

    #[test]
    fn a_word_many_lines_long_breaks_at_the_whole_words_points() {
        // The word is hyphenated once, whole; each line (ragged right, set line by line) takes
        // the last of its points that fits.
        let fonts = FontBook::builtin();
        let en = crate::hyphenate::Hyphenator::for_language("en").unwrap();
        let word = "telecommunication".repeat(40);
        let points = en.points(&word);
        let width_of = |s: &str| set(&plain(s), 1e9, &fonts)[0].width;
        let hyphen = width_of("-");
        for width in [80.0, 150.0, 300.0] {
            let setting = Setting { hyphens: Some(&en), ..Setting::default() };
            let lines = texts(&set_with(&plain(&word), width, &fonts, setting));
            assert_eq!(lines.concat().replace('\u{AD}', ""), word, "nothing lost");
            let (mut at, mut expected) = (0, Vec::new());
            while width_of(&word[at..]) > width {
                let cut =
                    *points.iter().filter(|&&p| p > at && width_of(&word[at..p]) + hyphen <= width).max().unwrap();
                expected.push(format!("{}\u{AD}", &word[at..cut]));
                at = cut;
            }
            expected.push(word[at..].to_string());
            assert_eq!(lines, expected, "at {width} pt");
        }
    }

    #[test]
    fn zero_width_breaks_lose_nothing_and_add_no_lines() {
        let fonts = FontBook::builtin();
        let text = format!("a{}", "\u{301}\u{200B}".repeat(5000));
        let setting = Setting { justify: true, ..Setting::default() };
        let lines = set_with(&plain(&text), 200.0, &fonts, setting);
        assert_eq!(lines.len(), 1);
        let visible: String = text.chars().filter(|c| !crate::fonts::is_invisible(*c)).collect();
        assert_eq!(texts(&lines).concat(), visible);
    }

    #[test]
    fn fractional_sizes_set_fractional_widths() {
        let fonts = FontBook::builtin();
        let spans = |size: f32| vec![Span { text: "Briefing".into(), look: look(size) }];
        let (ten, half) = (set(&spans(10.0), 500.0, &fonts), set(&spans(10.5), 500.0, &fonts));
        assert!((half[0].width / ten[0].width - 1.05).abs() < 1e-4);
        assert_eq!(half[0].size, 10.5);
    }
}
