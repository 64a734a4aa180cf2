//! Where a paragraph's lines break: greedy breaking at Unicode break opportunities (UAX #14),
//! total fit for justified Latin text, hyphenation of a word that does not fit, and the cut of
//! a stretch wider than the line between grapheme clusters. Justified Japanese is broken by
//! [`super::japanese`].

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

use super::super::jlreq;
use super::{held, in_date, narrow_space, width_of, Glyph, Setting, Span};
use crate::fonts::FontBook;

/// How many break candidates before a candidate total fit considers as the start of its
/// line: more than a line of any width holds in real text (a word and its hyphenation points
/// take several letters each).
const LOOK_BACK: usize = 500;

/// How far a justified line's word spaces may shrink, as a share of their width.
pub(super) const SHRINK: f32 = 0.75;

/// Where a line starts and ends in the glyphs, and how it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Break {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The paragraph's last line, or one ended by a hard break: never justified.
    pub(super) last: bool,
    /// Ends inside a word, at a hyphenation point: a hyphen is shown.
    pub(super) hyphen: bool,
    /// Ends inside a word wider than the line, cut between grapheme clusters: no hyphen is
    /// shown, but the word reads back whole all the same, as a hyphenated one does. The glyph
    /// the word starts at, at the earliest (in Japanese, where no space tells; else 0, and
    /// the line's last space says), and the glyph it ends before (a break opportunity), so
    /// that the next line's part of it ends there at the latest.
    pub(super) cut: Option<(usize, usize)>,
}

/// A paragraph's glyphs, ready to be broken into lines.
pub(super) struct Paragraph<'a> {
    pub(super) spans: &'a [Span],
    pub(super) fonts: &'a FontBook,
    pub(super) text: &'a str,
    pub(super) glyphs: &'a [Glyph],
    pub(super) widths: Widths,
    pub(super) setting: Setting<'a>,
    /// For each glyph, whether it is in a web or e-mail address (see [`addresses`]).
    pub(super) addresses: Vec<bool>,
    /// The word hyphenated last, with its hyphenation points: a word many lines long is
    /// hyphenated once, not again for each of its lines.
    pub(super) word: std::cell::RefCell<Option<Word>>,
}

/// A word's glyphs `[start, end)` and the glyph indices where it may take a hyphen, in
/// increasing order; `None` for code, which is never hyphenated, and for a stretch without
/// letters (`letters` false), remembered so that a long one is not searched again per line.
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) letters: bool,
    pub(super) cuts: Option<Vec<usize>>,
}

/// Whether a span is a web or e-mail address shown as itself (a link whose text is one word
/// with `://`, `www.`, `@` or `/` in it): never hyphenated, and broken before a hyphen of its
/// own rather than after it, so that no reader takes that hyphen for a hyphenation and drops
/// it when the lines are joined (`international-` / `policy` read back `internationalpolicy`).
pub(super) fn address(span: &Span) -> bool {
    let t = &span.text;
    span.look.link.is_some()
        && !t.contains(char::is_whitespace)
        && (t.contains("://") || t.starts_with("www.") || t.contains(['@', '/']))
}

/// For each glyph, whether it is in an address: a span that is one (see [`address`]), or,
/// in text that is not a link (a title), a word typed as an address (`https://…`, `www.…`),
/// which breaks as one does (text49a F49a-16: `regulatory-` / `framework` in a topic title
/// read back "regulatoryframework").
fn addresses(spans: &[Span], text: &str, glyphs: &[Glyph]) -> Vec<bool> {
    let linked: Vec<bool> = spans.iter().map(address).collect();
    let mut typed = Vec::new();
    let mut start = 0;
    for word in text.split(char::is_whitespace) {
        if word.contains("://") || word.starts_with("www.") {
            typed.push(start..start + word.len());
        }
        start += word.len() + text[start + word.len()..].chars().next().map_or(0, char::len_utf8);
    }
    glyphs
        .iter()
        .map(|g| {
            let look = &spans[g.span].look;
            linked[g.span] || !look.code && look.link.is_none() && typed.iter().any(|r| r.contains(&g.at))
        })
        .collect()
}

impl<'a> Paragraph<'a> {
    /// The paragraph of `spans`, whose `text` and `glyphs` are measured, set as `setting` says.
    pub(super) fn new(
        spans: &'a [Span],
        fonts: &'a FontBook,
        text: &'a str,
        glyphs: &'a [Glyph],
        setting: Setting<'a>,
    ) -> Paragraph<'a> {
        Paragraph {
            spans,
            fonts,
            text,
            glyphs,
            widths: Widths::new(glyphs),
            setting,
            addresses: addresses(spans, text, glyphs),
            word: std::cell::RefCell::new(None),
        }
    }

    /// Whether glyph `i` is part of an address (see [`address`]).
    pub(super) fn in_address(&self, i: usize) -> bool {
        self.addresses.get(i).copied().unwrap_or(false)
    }

    /// Where a break before glyph `at` goes: before the hyphen it follows, when that hyphen is
    /// inside an address (see [`address`]); else at `at`.
    pub(super) fn before_address_hyphen(&self, at: usize) -> usize {
        let inside = at >= 2 && self.in_address(at - 2) && self.in_address(at - 1) && self.in_address(at);
        if inside && self.glyphs[at - 1].ch == '-' {
            at - 1
        } else {
            at
        }
    }

    /// Whether the break opportunity at byte `byte` is not taken: see [`held`]; and inside
    /// code, any but after a space. A command breaks only where a space was typed, never after
    /// its own `-` or `/` (text47a F47a-6: `--` / `template` read back as `-- template`, an
    /// end of options); a stretch wider than the line is cut, and reads back whole.
    fn held(&self, byte: usize) -> bool {
        if held(self.text, byte) || self.setting.cell && in_date(self.text, byte) {
            return true;
        }
        let at = self.glyphs.partition_point(|g| g.at < byte);
        let code = |i: usize| self.glyphs.get(i).is_some_and(|g| self.spans[g.span].look.code);
        at > 0 && code(at - 1) && code(at) && !self.text[..byte].ends_with(char::is_whitespace)
    }

    /// Whether glyph `i` may never take a hyphen: code and addresses.
    fn unhyphenated(&self, i: usize) -> bool {
        self.spans[self.glyphs[i].span].look.code || self.addresses[i]
    }

    /// Greedy line breaking at Unicode break opportunities (UAX #14) for lines `max_width`
    /// wide: each line takes as much as fits. In a heading, a break inside a Japanese-and-Latin
    /// unit gives way to an earlier one; a word that does not fit is hyphenated when the setting has
    /// hyphenation, and a stretch wider than the line is cut between grapheme clusters.
    pub(super) fn breaks(&self, max_width: f32) -> Vec<Break> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        let max_width = max_width.max(0.0);
        let fits = |from: usize, to: usize| widths.content(glyphs, from, to) <= max_width + 0.01;
        // Byte offset → glyph index, for mapping break opportunities.
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        let mut out = Vec::new();
        let mut line_start = 0usize; // glyph index where the current line begins
        let mut last_fit: Option<usize> = None; // the latest break opportunity on this line
        let mut last_strong: Option<usize> = None; // the latest that splits no `日EU`
        let mut dash: Option<usize> = None; // a dash held to the word wider than the line before it
        let push = |out: &mut Vec<Break>, start: usize, end: usize, last: bool, hyphen: bool| {
            out.push(Break { start, end, last, hyphen, cut: None });
        };
        for (byte, kind) in opportunities(text) {
            if kind == BreakOpportunity::Allowed && self.held(byte) {
                continue;
            }
            let seg_end = self.before_address_hyphen(index_of(byte));
            // A word wider than the line keeps the dash typed against it (`…schreiben—Strich`):
            // it is cut between letters anyway, so the dash ends its last line (the word still
            // ends before it, and the dash reads as itself).
            let word_start = last_fit.filter(|&b| b > line_start).unwrap_or(line_start);
            if kind == BreakOpportunity::Allowed
                && text[byte..].starts_with(['—', '―'])
                && !text[..byte].ends_with(char::is_whitespace)
                && !fits(word_start, seg_end)
            {
                dash = Some(seg_end);
                continue;
            }
            if !fits(line_start, seg_end) {
                let mut brk = last_fit.filter(|&b| b > line_start);
                if self.setting.heading {
                    if let Some(strong) = last_strong.filter(|&s| s > line_start && brk.is_some()) {
                        brk = Some(strong);
                    }
                }
                // A word that does not fit may be hyphenated, the line taking what fits of it.
                let from = brk.unwrap_or(line_start);
                if let Some(cut) = self.hyphen_point(from, seg_end, line_start, max_width) {
                    push(&mut out, line_start, cut, false, true);
                    line_start = cut;
                } else if let Some(b) = brk {
                    push(&mut out, line_start, b, false, false);
                    line_start = b;
                }
                // The segment may still be too wide for a line of its own: break inside it.
                while !fits(line_start, seg_end) {
                    let (end, hyphen, spaced) = match self.hyphen_point(line_start, seg_end, line_start, max_width) {
                        Some(c) => (c, true, false),
                        None => {
                            let spaces = self.setting.cell;
                            let (c, spaced) = split_point(text, glyphs, (line_start, seg_end), max_width, spaces);
                            (c, false, spaced)
                        }
                    };
                    // (A cut at the stretch's end, were its glyphs' spacing to leave it there, or
                    // after a space of its own, is a break between words.)
                    let cut = (!hyphen && !spaced && end < seg_end)
                        .then_some((0, dash.filter(|&d| d > end).unwrap_or(seg_end)));
                    out.push(Break { start: line_start, end, last: false, hyphen, cut });
                    line_start = end;
                }
                last_strong = None;
            }
            dash = None;
            last_fit = Some(seg_end);
            let weak =
                seg_end > 0 && seg_end < glyphs.len() && jlreq::weak_break(glyphs[seg_end - 1].ch, glyphs[seg_end].ch);
            if !weak {
                last_strong = Some(seg_end);
            }
            if kind == BreakOpportunity::Mandatory {
                push(&mut out, line_start, seg_end, true, false);
                line_start = seg_end;
                last_fit = None;
                last_strong = None;
            }
        }
        out
    }

    /// The width of the widest stretch between two break opportunities that [`Self::breaks`]
    /// takes (its longest word), and of the widest with a digit in it (its longest figure).
    pub(super) fn widest_word(&self) -> (f32, f32) {
        let index_of = |byte: usize| self.glyphs.partition_point(|g| g.at < byte);
        let mut start = 0;
        let (mut widest, mut figure) = (0.0_f32, 0.0_f32);
        for (byte, kind) in opportunities(self.text) {
            if kind == BreakOpportunity::Allowed && self.held(byte) {
                continue;
            }
            let end = self.before_address_hyphen(index_of(byte));
            let width = self.widths.content(self.glyphs, start, end);
            widest = widest.max(width);
            if self.glyphs.get(start..end).is_some_and(|g| g.iter().any(|g| g.ch.is_numeric())) {
                figure = figure.max(width);
            }
            start = end;
        }
        (widest, figure)
    }

    /// Line breaks chosen for the paragraph as a whole (after Knuth and Plass): of all the
    /// ways to break it into lines that fit, the one whose word spaces stretch least, a
    /// hyphen costing as much as a line stretched to one and a half times. `None` when some
    /// stretch between two breaks is wider than the line (the line-by-line setting cuts it).
    pub(super) fn total_fit(&self, max_width: f32) -> Option<Vec<Break>> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        // Candidates: (glyph index, hard break, hyphen), the paragraph's start first.
        let mut candidates: Vec<(usize, bool, bool)> = vec![(0, true, false)];
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        let mut word_start = 0;
        for (byte, kind) in opportunities(text) {
            if kind == BreakOpportunity::Allowed && self.held(byte) {
                continue;
            }
            let end = self.before_address_hyphen(index_of(byte));
            if let Some(h) = self.setting.hyphens {
                let (from, to) = (glyphs[word_start].at, glyphs.get(end).map_or(text.len(), |g| g.at));
                let word = &text[from..to];
                let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
                let code = (word_start..end).any(|i| self.unhyphenated(i));
                if !code && letters.chars().all(char::is_alphabetic) && letters.chars().count() >= 5 {
                    for point in h.points(letters) {
                        candidates.push((index_of(from + point), false, true));
                    }
                }
            }
            // Breaks with nothing of width between them (zero-width spaces after combining
            // marks) give the same lines: the last of them stands for all.
            if let Some(&(prev, false, false)) = candidates.last().filter(|_| candidates.len() > 1) {
                if widths.sum[prev] == widths.sum[end] {
                    candidates.pop();
                }
            }
            candidates.push((end, kind == BreakOpportunity::Mandatory, false));
            word_start = end.min(glyphs.len().saturating_sub(1));
        }
        let look = &self.spans[glyphs[0].span].look;
        let hyphen = self.fonts.face_for('-', look.style).map_or(0.0, |f| width_of(self.fonts, f, '-', look.size));
        let space =
            self.fonts.face_for(' ', look.style).map_or(1.0, |f| width_of(self.fonts, f, ' ', look.size)).max(0.1);
        // Spaces before each glyph, to count a line's word spaces in constant time.
        let mut spaces = Vec::with_capacity(glyphs.len() + 1);
        let mut n = 0u32;
        spaces.push(0);
        for g in glyphs {
            n += u32::from(word_space(g.ch));
            spaces.push(n);
        }
        let inf = f64::INFINITY;
        let mut cost = vec![inf; candidates.len()];
        let mut from = vec![0usize; candidates.len()];
        cost[0] = 0.0;
        let mut tried = 0;
        for j in 1..candidates.len() {
            let (end, hard, hyph) = candidates[j];
            let last = hard || j == candidates.len() - 1;
            // A line holds a few hundred break candidates at most; more fall together only
            // where nothing has width (zero-width spaces after combining marks), and looking
            // back past them all would make the paragraph's cost quadratic.
            for i in (j.saturating_sub(LOOK_BACK)..j).rev() {
                tried += 1;
                let start = candidates[i].0;
                if start >= end {
                    if candidates[i].1 {
                        break;
                    }
                    continue;
                }
                let width = widths.content(glyphs, start, end) + if hyph { hyphen } else { 0.0 };
                let first = widths.first[start];
                let stretchable = spaces[widths.visible[end].max(first)] - spaces[first];
                // Word spaces may shrink to `SHRINK` of their width, as in TeX.
                let shrinkable = (1.0 - SHRINK) * space * stretchable as f32;
                // A last line is set at its natural width: it may not shrink.
                let shrinkable = if last { 0.0 } else { shrinkable };
                if width - shrinkable > max_width + 0.01 {
                    if width - shrinkable - max_width > max_width {
                        break;
                    }
                    continue;
                }
                if cost[i].is_finite() {
                    let slack = f64::from(max_width - width);
                    let badness = if last && slack >= 0.0 {
                        0.0
                    } else if stretchable == 0 {
                        if slack > 1.0 {
                            1e9
                        } else {
                            0.0
                        }
                    } else if slack < 0.0 {
                        100.0 * (-slack / f64::from(shrinkable)).powi(3)
                    } else {
                        let ratio = slack / (f64::from(stretchable) * f64::from(space));
                        100.0 * ratio.powi(3)
                    };
                    let c = cost[i] + badness + if hyph { 50.0 } else { 0.0 } + 1.0;
                    if c < cost[j] {
                        cost[j] = c;
                        from[j] = i;
                    }
                }
                if candidates[i].1 {
                    break;
                }
            }
            if hard && !cost[j].is_finite() {
                return None;
            }
        }
        super::add_work(tried);
        let mut j = candidates.len() - 1;
        if !cost[j].is_finite() {
            return None;
        }
        let mut out = Vec::new();
        while j > 0 {
            let i = from[j];
            let (end, hard, hyph) = candidates[j];
            let last = hard || j == candidates.len() - 1;
            out.push(Break { start: candidates[i].0, end, last, hyphen: hyph, cut: None });
            j = i;
        }
        out.reverse();
        Some(out)
    }

    /// The latest hyphenation point in the word `[from, to)` at which the line from
    /// `line_start` fits `max_width` with a hyphen, if the setting hyphenates. A word is the
    /// letters from the first after `from`; when `from` is inside the word last hyphenated
    /// (a word longer than a line), that word's points are used again.
    pub(super) fn hyphen_point(&self, from: usize, to: usize, line_start: usize, max_width: f32) -> Option<usize> {
        let hyphens = self.setting.hyphens?;
        let glyphs = self.glyphs;
        let mut cached = self.word.borrow_mut();
        let known = |w: &Word| w.start <= from && from < w.end && (w.letters || to <= w.end);
        if !cached.as_ref().is_some_and(known) {
            // The word: from the first letter after `from` to the last letter before `to`.
            let Some(start) = (from..to).find(|&i| glyphs[i].ch.is_alphabetic()) else {
                *cached = Some(Word { start: from, end: to, letters: false, cuts: None });
                return None;
            };
            let end = (start..to).find(|&i| !glyphs[i].ch.is_alphabetic()).unwrap_or(to);
            let cuts = (!(start..end).any(|i| self.unhyphenated(i))).then(|| {
                let word_start = glyphs[start].at;
                let word_end = glyphs.get(end).map_or(self.text.len(), |g| g.at);
                let points = hyphens.points(&self.text[word_start..word_end]);
                points.into_iter().map(|byte| glyphs.partition_point(|g| g.at < word_start + byte)).collect()
            });
            *cached = Some(Word { start, end, letters: true, cuts });
        }
        let word = cached.as_ref()?;
        let cuts = word.cuts.as_ref()?;
        let look = &self.spans[glyphs[word.start.max(line_start).min(glyphs.len() - 1)].span].look;
        let hyphen = self.fonts.face_for('-', look.style).map_or(0.0, |f| width_of(self.fonts, f, '-', look.size));
        // A line grows with each glyph it takes: the cuts that fit come first.
        let fitting = cuts.partition_point(|&cut| {
            cut <= line_start || (cut < to && self.widths.content(glyphs, line_start, cut) + hyphen <= max_width + 0.01)
        });
        cuts[..fitting].last().copied().filter(|&cut| cut > line_start)
    }

    /// Whether the paragraph's last line has only one or two characters, after a line above.
    pub(super) fn short_last_line(&self, breaks: &[Break]) -> bool {
        let Some(last) = breaks.iter().rev().find(|b| b.end > b.start) else { return false };
        let before = breaks.iter().rfind(|b| b.end <= last.start && b.end > b.start);
        let visible = self.glyphs[last.start..last.end].iter().filter(|g| g.face.is_some() && !hangs(g.ch)).count();
        visible <= 2 && before.is_some_and(|b| !b.last)
    }
}

/// The break opportunities of `text` (UAX #14), and one after a `\` between two names of a
/// path (`C:\Users\` / `Public`, `\\server\` / `share`), as after `/` in an address; see
/// [`held`] for the `\\` a share's name starts with.
fn opportunities(text: &str) -> impl Iterator<Item = (usize, BreakOpportunity)> + '_ {
    let named = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut paths = text
        .match_indices('\\')
        .map(|(i, _)| i + 1)
        .filter(move |&i| named(text[..i - 1].chars().next_back()) && named(text[i..].chars().next()))
        .peekable();
    let mut rule = linebreaks(text).peekable();
    std::iter::from_fn(move || match (paths.peek().copied(), rule.peek().copied()) {
        (Some(path), Some((byte, _))) if path < byte => paths.next().map(|p| (p, BreakOpportunity::Allowed)),
        (Some(path), Some((byte, _))) if path == byte => {
            paths.next();
            rule.next()
        }
        (Some(_), None) => paths.next().map(|p| (p, BreakOpportunity::Allowed)),
        _ => rule.next(),
    })
}

/// Spaces that vanish at the ends of a line. No-break spaces (kept for indentation, e.g. in
/// code) and the ideographic space (a full character in Japanese text) stay.
pub(super) fn hangs(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}')
}

/// Spaces a justified line stretches and shrinks: those that hang at its ends, but for the
/// narrow ones (see [`narrow_space`]), typed for their width (`5 000`, `5 %`): stretched as
/// word spaces are, they printed `5   000` (text46a F46a-16).
pub(super) fn word_space(c: char) -> bool {
    hangs(c) && !narrow_space(c)
}

/// Widths of stretches of glyphs in constant time, so that a 4 MB word costs no more per
/// line than a short one.
pub(super) struct Widths {
    /// `sum[i]`: the width of glyphs `0..i`, with the space after each (f64: millions of
    /// glyphs add up).
    pub(super) sum: Vec<f64>,
    /// `visible[i]`: one past the last glyph before `i` that is not a space.
    pub(super) visible: Vec<usize>,
    /// `first[i]`: the first glyph at or after `i` that is not a space.
    pub(super) first: Vec<usize>,
}

impl Widths {
    pub(super) fn new(glyphs: &[Glyph]) -> Widths {
        let mut sum = Vec::with_capacity(glyphs.len() + 1);
        let mut visible = Vec::with_capacity(glyphs.len() + 1);
        let (mut s, mut v) = (0.0, 0);
        sum.push(s);
        visible.push(v);
        for (i, g) in glyphs.iter().enumerate() {
            s += f64::from(g.width + g.adj);
            if !hangs(g.ch) {
                v = i + 1;
            }
            sum.push(s);
            visible.push(v);
        }
        let mut first = vec![glyphs.len(); glyphs.len() + 1];
        for i in (0..glyphs.len()).rev() {
            first[i] = if hangs(glyphs[i].ch) { first[i + 1] } else { i };
        }
        Widths { sum, visible, first }
    }

    /// Width of glyphs `from..to` as they would sit on a line: spaces at its ends hang in
    /// the margin, and so does the first half of an opening bracket that starts it.
    pub(super) fn content(&self, glyphs: &[Glyph], from: usize, to: usize) -> f32 {
        let start = self.first[from];
        let end = self.visible[to];
        if end <= start {
            return 0.0;
        }
        let last = &glyphs[end - 1];
        (self.sum[end] - self.sum[start]) as f32 - last.adj - glyphs[start].lead
    }
}

/// The glyph index at which to cut an over-wide stretch `[from, to)`: as many whole grapheme
/// clusters as fit, and at least one so that every cut makes progress. The part after the
/// cut starts with a letter or digit where the part before has one to give: punctuation
/// typed against the word (`,` `.` `)` `”` `/` `—`) stays on the line with its last letters.
/// In a table's cell (`spaces`), a stretch kept whole at a space of its own (`12 May 2026`,
/// `EUR 5`) is broken after that space, as words are, the second of the pair saying so
/// (text47a F47a-15: "12 Ma" / "y 2026"); elsewhere it is cut as a word is, so that no line
/// ends with `«` or starts with `%`.
fn split_point(
    text: &str,
    glyphs: &[Glyph],
    (from, to): (usize, usize),
    max_width: f32,
    spaces: bool,
) -> (usize, bool) {
    let start_byte = glyphs[from].at;
    let end_byte = glyphs.get(to).map_or(text.len(), |g| g.at);
    let mut width = 0.0;
    let mut cut = from;
    // The last cluster that fits, after the first, that starts with a letter or digit; and the
    // last no-break space that fits, after which the stretch is cut before inside a word (text
    // pasted from an e-mail has no other space: text42a F42a-25 printed "review it a" / "t the").
    let (mut letter, mut space, mut word_space) = (None, None, None);
    for (off, cluster) in text[start_byte..end_byte].grapheme_indices(true) {
        let first = glyphs.partition_point(|g| g.at < start_byte + off);
        let next = glyphs.partition_point(|g| g.at < start_byte + off + cluster.len());
        let w: f32 = glyphs[first..next].iter().map(|g| g.width).sum();
        // A word space hangs past the line's end: the break after it is taken even when it
        // does not fit (text49a F49a-14: `Word –` cut as "Word" / "– ", its space lost).
        let word_space_here = spaces && first > from && (cluster == " " || cluster.chars().all(narrow_space));
        if word_space_here && next < to {
            word_space = Some(next);
        }
        if width + w > max_width && cut > from {
            break;
        }
        if first > from && glyphs[first].ch.is_alphanumeric() {
            letter = Some(first);
        }
        if first > from && matches!(cluster, "\u{A0}" | "\u{202F}" | "\u{2007}") && next < to {
            space = Some(next);
        }
        width += w;
        cut = next;
    }
    let cut = cut.max(from + 1).min(to);
    if let Some(word_space) = word_space.filter(|&w| cut < to && space.is_none_or(|s| w > s)) {
        return (word_space, true);
    }
    if let Some(space) = space.filter(|_| cut < to) {
        return (space, false);
    }
    match (letter, glyphs.get(cut)) {
        (Some(earlier), Some(g)) if cut < to && !g.ch.is_alphanumeric() && !hangs(g.ch) => (earlier, false),
        _ => (cut, false),
    }
}
