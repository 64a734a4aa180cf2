//! Justified Japanese paragraphs broken as JLREQ 3.8 adjusts lines: of the ways to break the
//! paragraph, the one that needs the least spreading between characters, trying first the
//! breaks a line may take (spaces inside Latin phrases, before an opening bracket, after the
//! separators of an address), then shrinking what may shrink (the quarter em beside Latin
//! text, the blank halves of punctuation). A Latin word is broken inside only when it is
//! wider than the line; a run of small kana, which no line may start with, at a cost.

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

use super::super::jlreq::{self, Yakumono};
use super::{hangs, held, word_space, Break, Glyph, Paragraph, Span};

/// What breaking inside a Latin word costs: as much as a line spread by a sixteenth of an em
/// between every pair of characters (more is visible; less is better than a broken word).
const INSIDE_WORD: f64 = 35.0;
/// Breaking an address after one of its `/`, `.`, `?`, `&`, `=`, `_` or `-`.
const IN_ADDRESS: f64 = 10.0;
/// Breaking a name such as `ITU-R` at its hyphen.
const AT_NAME_HYPHEN: f64 = 400.0;
/// A break inside a run of small kana (`ぁぃぅ`, `っっっ`), which no break keeps whole: a
/// line then starts with one. About what moving a character to the next line costs on a
/// narrow line, so that a few lines take a character less, not every line of the paragraph.
const IN_SMALL_KANA: f64 = 50.0;
/// The shortest run of small kana broken inside: everyday words hold runs of two (`ニュース`,
/// `キャッシュ`, `コンピューター`), which are never broken (text21a J21-1).
const MIN_SMALL_KANA_RUN: usize = 3;
/// A break no rule allows (a line starting with `、`): only when nothing else fits.
const FORBIDDEN: f64 = 1e6;
/// Whether a line with no other place to spread (no Japanese character, no word space:
/// part of a word or an address wider than the line) may be spread between `a` and `b`:
/// letters of a Latin word or address. Any other line keeps its Latin words solid (JLREQ 3.8).
pub(super) fn between_letters(a: char, b: char) -> bool {
    jlreq::latin_word(a) && jlreq::latin_word(b)
}

/// How many break candidates shorter than a full line are tried as a line's start.
const SHORTER: usize = 48;
/// The same, for a line that ends inside a unit wider than the line (a long Latin word or
/// number, broken between every two characters): such a line is best full, and the text
/// of such units has a candidate at every character (3.9 MB of them took 10 s to set).
const SHORTER_INSIDE: usize = 4;
/// How far past the measure (in em, after shrinking) lines are still tried before the scan
/// stops: a line's width less what it may shrink grows with each character, but for the
/// spaces and brackets that hang at its start.
const WIDER: f64 = 4.0;

/// A last line of one or two characters.
const SHORT_LAST_LINE: f64 = 1e5;

/// Sets what the space after each glyph may give in a justified line (see [`jlreq::give`]),
/// in points: typed word spaces shrink to an eighth of an em and stretch to half an em too.
pub(super) fn give(glyphs: &mut [Glyph], spans: &[Span]) {
    let full_width = |g: &Glyph| g.face.is_some() && g.width >= 0.9 * spans[g.span].look.size;
    for i in 0..glyphs.len().saturating_sub(1) {
        let (g, next) = (glyphs[i], glyphs[i + 1]);
        let em = spans[g.span].look.size.max(spans[next.span].look.size);
        let give = if word_space(g.ch) {
            jlreq::Give { shrink: (g.width / em - 0.125).max(0.0), stretch: 0.25 }
        } else if g.face.is_none() || next.face.is_none() {
            jlreq::Give::default()
        } else {
            jlreq::give(g.ch, next.ch, (full_width(&g), full_width(&next)))
        };
        glyphs[i].give = jlreq::Give { shrink: give.shrink * em, stretch: give.stretch * em };
    }
}

/// A place a line may end: the glyph it ends before, whether it must end there, and what
/// ending there costs.
#[derive(Clone, Copy)]
struct Candidate {
    at: usize,
    hard: bool,
    penalty: f64,
    /// Whether it is a break only because it is inside a unit wider than the line.
    inside: bool,
}

impl Paragraph<'_> {
    /// Line breaks for a justified Japanese paragraph `max_width` wide (see the module's
    /// comment). Every line but the last fills the width; no line is wider.
    pub(super) fn japanese_fit(&self, max_width: f32) -> Vec<Break> {
        let (glyphs, widths) = (self.glyphs, &self.widths);
        let n = glyphs.len();
        let candidates = self.japanese_candidates(max_width);
        let em = f64::from(self.spans.iter().map(|s| s.look.size).fold(1.0, f32::max));
        // Running sums over the space after each glyph: what it may shrink and stretch, and
        // whether characters may be spread there (JLREQ 3.8) or it is a word space.
        let (mut shrink, mut stretch) = (vec![0.0f64; n + 1], vec![0.0f64; n + 1]);
        let (mut places, mut letters) = (vec![0u32; n + 1], vec![0u32; n + 1]);
        for i in 0..n {
            let g = &glyphs[i];
            shrink[i + 1] = shrink[i] + f64::from(g.give.shrink);
            stretch[i + 1] = stretch[i] + f64::from(g.give.stretch);
            let spreads = word_space(g.ch) || glyphs.get(i + 1).is_some_and(|h| jlreq::stretches(g.ch, h.ch));
            places[i + 1] = places[i] + u32::from(spreads);
            letters[i + 1] = letters[i] + u32::from(glyphs.get(i + 1).is_some_and(|h| between_letters(g.ch, h.ch)));
        }
        let visible = |from: usize, to: usize| {
            glyphs[from..to].iter().filter(|g| g.face.is_some() && !hangs(g.ch)).take(3).count()
        };
        let max = f64::from(max_width) + 0.01;
        let mut cost = vec![f64::INFINITY; candidates.len()];
        let mut from = vec![0usize; candidates.len()];
        cost[0] = 0.0;
        // The nearest hard break before each candidate: no line starts before it. And the
        // first candidate after it from which a line to the one at hand is no wider than the
        // measure, which only moves forward as lines end further on (found by walking, not
        // by a search through the paragraph for each candidate).
        let (mut hard_before, mut full_at, mut tried) = (0, 0, 0);
        for j in 1..candidates.len() {
            let Candidate { at: end, hard, penalty, inside } = candidates[j];
            let last = hard || j == candidates.len() - 1;
            // A line that ends at `j` is looked for from the candidate where it would be as
            // wide as the measure, plus a few shorter (`SHORTER`): a line much shorter than
            // the measure is never the best, and on a wide measure the scan from `j` back
            // took time in proportion to the characters of a line, for each character. The
            // last line may be of any length.
            if candidates[j - 1].hard {
                hard_before = j - 1;
            }
            full_at = full_at.max(hard_before);
            while full_at < j && widths.sum[end] - widths.sum[candidates[full_at].at] > max {
                full_at += 1;
            }
            let full = full_at - hard_before;
            let shorter = if inside { SHORTER_INSIDE } else { SHORTER };
            let nearest = if last { j - 1 } else { (hard_before + full + shorter).min(j - 1) };
            for i in (0..=nearest).rev() {
                tried += 1;
                let start = candidates[i].at;
                let first = widths.first[start];
                let vis_end = widths.visible[end];
                let width = f64::from(widths.content(glyphs, start, end));
                // What the line's inner spaces may give: not the space after its last glyph.
                let (lo, hi) = (first.min(vis_end), vis_end.saturating_sub(1).max(first.min(vis_end)));
                let room_in = shrink[hi] - shrink[lo];
                let room_out = stretch[hi] - stretch[lo];
                let mut spread = f64::from(places[hi] - places[lo]);
                let fits = if last { width <= max } else { width - room_in <= max };
                if !fits && i + 1 < j {
                    // (Past a few ems more than shrinking allows, longer lines fit less.)
                    if width - room_in > max + WIDER * em {
                        break;
                    }
                    if candidates[i].hard {
                        break;
                    }
                    continue;
                }
                if cost[i].is_finite() {
                    let slack = max - 0.01 - width;
                    let badness = if !fits {
                        // A single unit wider than the line: it goes on a line of its own.
                        FORBIDDEN * 10.0
                    } else if last {
                        if vis_end > first && visible(first, vis_end) <= 2 && !candidates[i].hard {
                            SHORT_LAST_LINE
                        } else {
                            0.0
                        }
                    } else if slack < 0.0 {
                        let r = -slack / room_in.max(1e-6);
                        10.0 * r * r
                    } else {
                        let eased = slack.min(room_out);
                        let rest = slack - eased;
                        if spread == 0.0 {
                            spread = f64::from(letters[hi] - letters[lo]);
                        }
                        let r = if room_out > 0.0 { eased / room_out } else { 0.0 };
                        // (A line with nowhere to spread, a character alone, is as bad as its
                        // whole gap in one place: not cheaper than a line spread evenly, or a
                        // paragraph before a long Latin word is set a character a line.)
                        let e = if rest > 0.01 { rest / spread.max(1.0) / em } else { 0.0 };
                        30.0 * r * r + 1e4 * e * e
                    };
                    let c = cost[i] + badness + penalty + 1.0;
                    if c < cost[j] {
                        cost[j] = c;
                        from[j] = i;
                    }
                }
                if candidates[i].hard {
                    break;
                }
            }
        }
        super::add_work(tried);
        lines_of(&candidates, &from)
    }

    /// Where a line of Japanese may end: the paragraph's start first, then the break
    /// opportunities of Unicode line breaking (UAX #14), before every opening bracket, after
    /// the separators of an address, and, at a cost, inside a run of small kana (`っっ`,
    /// which cannot be set otherwise). Inside a unit these leave unbroken that is wider than
    /// the line (`max_width`), and only there, between its grapheme clusters: inside a Latin
    /// word or an address at a cost, anywhere else at a far higher cost, against the rules.
    /// A Latin word that fits a line is never broken inside (`cyberse|curity`).
    fn japanese_candidates(&self, max_width: f32) -> Vec<Candidate> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        let n = glyphs.len();
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        // Per glyph boundary (the glyph a line would end before): the cheapest way to break.
        let mut best: Vec<Option<(bool, f64)>> = vec![None; n + 1];
        let offer = |best: &mut Vec<Option<(bool, f64)>>, at: usize, hard: bool, penalty: f64| {
            if at == 0 || at > n {
                return;
            }
            let slot = &mut best[at];
            *slot = Some(match *slot {
                Some((h, p)) => (h || hard, p.min(penalty)),
                None => (hard, penalty),
            });
        };
        for (byte, kind) in linebreaks(text) {
            if kind == BreakOpportunity::Allowed && held(text, byte) {
                continue;
            }
            let at = self.before_address_hyphen(index_of(byte));
            let (a, b) = (glyphs[at - 1].ch, glyphs.get(at).map_or(' ', |g| g.ch));
            let name_hyphen = a == '-' && jlreq::is_western(b) && at >= 2 && jlreq::is_western(glyphs[at - 2].ch);
            offer(&mut best, at, kind == BreakOpportunity::Mandatory, if name_hyphen { AT_NAME_HYPHEN } else { 0.0 });
        }
        // The length of the run of small kana each glyph is in (0 outside one).
        let mut runs = vec![0; n];
        let mut start = 0;
        for at in 0..=n {
            if glyphs.get(at).is_none_or(|g| !jlreq::small_kana(g.ch)) {
                runs[start..at].fill(at - start);
                start = at + 1;
            }
        }
        for at in 1..n {
            let (a, b) = (glyphs[at - 1], glyphs[at]);
            if matches!(Yakumono::of(b.ch), Some(Yakumono::Opening))
                && !matches!(Yakumono::of(a.ch), Some(Yakumono::Opening))
                && !hangs(a.ch)
            {
                offer(&mut best, at, false, 0.0);
            }
            if self.in_address(at - 1) && self.in_address(at) && self.after_separator(at) {
                offer(&mut best, at, false, IN_ADDRESS);
            }
            if runs[at] >= MIN_SMALL_KANA_RUN && jlreq::small_kana(a.ch) && jlreq::small_kana(b.ch) {
                offer(&mut best, at, false, IN_SMALL_KANA);
            }
        }
        // Units wider than the line, between the breaks found so far: broken inside.
        let mut unit_start = 0;
        let ends: Vec<usize> = (1..=n).filter(|&at| at == n || best[at].is_some()).collect();
        let mut inside = vec![false; n + 1];
        for end in ends {
            if f64::from(widths.content(glyphs, unit_start, end)) > f64::from(max_width) + 0.01 {
                let from = glyphs[unit_start].at;
                let to = glyphs.get(end).map_or(text.len(), |g| g.at);
                for (byte, _) in text[from..to].grapheme_indices(true).skip(1) {
                    let at = index_of(from + byte);
                    let penalty = self.inside_unit(at);
                    inside[at] = best[at].is_none();
                    offer(&mut best, at, false, penalty);
                }
            }
            unit_start = end;
        }
        let mut out = vec![Candidate { at: 0, hard: true, penalty: 0.0, inside: false }];
        out.extend(
            best.iter()
                .enumerate()
                .filter_map(|(at, c)| c.map(|(hard, penalty)| Candidate { at, hard, penalty, inside: inside[at] })),
        );
        out
    }

    /// Whether a break before glyph `at` follows a separator (`/`, `.`, `?`, `&`, `=`, `_`)
    /// before a letter or digit (`example.org/|ai`, never `https:/|/`), or a hyphen of a
    /// Latin word; in an address, it comes before its own hyphen instead (see `address`).
    fn after_separator(&self, at: usize) -> bool {
        let (a, b) = (self.glyphs[at - 1].ch, self.glyphs[at].ch);
        let hyphen = if self.in_address(at - 1) && self.in_address(at) { b == '-' } else { a == '-' };
        let separator = matches!(a, '/' | '.' | '?' | '&' | '=' | '_') && jlreq::is_western(b);
        jlreq::latin_word(a) && jlreq::latin_word(b) && (hyphen || separator)
    }

    /// What a break before glyph `at` costs inside a unit wider than the line: after a
    /// separator; inside a Latin word or an address with at least three letters either side
    /// (`Bey|ond`, never `B|eyond`); anywhere else, against the rules.
    fn inside_unit(&self, at: usize) -> f64 {
        let glyphs = self.glyphs;
        let letters = |from: usize, to: usize| glyphs[from..to].iter().all(|g| jlreq::latin_word(g.ch));
        if self.after_separator(at) {
            IN_ADDRESS
        } else if at >= 3 && at + 3 <= glyphs.len() && letters(at - 3, at + 3) {
            INSIDE_WORD
        } else {
            FORBIDDEN
        }
    }
}

/// A heading that takes one more line than it must.
const EXTRA_LINE: f64 = 1e4;
/// A break no phrase rule allows (inside a katakana or Latin word): only when no line can be
/// set otherwise.
const INSIDE_PHRASE: f64 = 1e5;

impl Paragraph<'_> {
    /// Line breaks for a Japanese title or heading `max_width` wide: as few lines as the
    /// heading needs, broken between phrases (see [`jlreq::phrase_break`]), never after a
    /// single character; with `balance` (a centred title), lines of similar length.
    pub(super) fn phrase_fit(&self, max_width: f32, balance: bool) -> Vec<Break> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        let n = glyphs.len();
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        let em = f64::from(self.spans.iter().map(|s| s.look.size).fold(1.0, f32::max));
        // Unicode's break opportunities (kinsoku among them), and a mandatory break's place.
        let mut allowed = vec![None::<bool>; n + 1];
        for (byte, kind) in linebreaks(text) {
            if kind == BreakOpportunity::Allowed && held(text, byte) {
                continue;
            }
            allowed[index_of(byte)] = Some(kind == BreakOpportunity::Mandatory);
        }
        let mut candidates = vec![Candidate { at: 0, hard: true, penalty: 0.0, inside: false }];
        for (byte, _) in text.grapheme_indices(true).skip(1).chain(std::iter::once((text.len(), ""))) {
            let at = index_of(byte);
            if at == 0 || candidates.last().is_some_and(|c| c.at == at) {
                continue;
            }
            let (a, b) = (glyphs[at - 1].ch, glyphs.get(at).map_or(' ', |g| g.ch));
            let before = at.checked_sub(2).map(|i| glyphs[i].ch);
            let (hard, penalty) = match allowed[at] {
                Some(true) => (true, 0.0),
                Some(false) => (false, jlreq::phrase_break(before, a, b).unwrap_or(INSIDE_PHRASE)),
                None => (false, FORBIDDEN),
            };
            candidates.push(Candidate { at, hard, penalty, inside: allowed[at].is_none() });
        }
        let max = f64::from(max_width) + 0.01;
        let mut cost = vec![f64::INFINITY; candidates.len()];
        let mut from = vec![0usize; candidates.len()];
        cost[0] = 0.0;
        let mut tried = 0;
        for j in 1..candidates.len() {
            let Candidate { at: end, penalty, .. } = candidates[j];
            for i in (0..j).rev() {
                tried += 1;
                let start = candidates[i].at;
                let width = f64::from(widths.content(glyphs, start, end));
                if width > max && i + 1 < j {
                    if candidates[i].hard {
                        break;
                    }
                    if width > 2.0 * max {
                        break;
                    }
                    continue;
                }
                if cost[i].is_finite() {
                    let shown = glyphs[start..end].iter().filter(|g| g.face.is_some() && !hangs(g.ch)).count();
                    let lone = if shown == 1 && n > 1 { INSIDE_PHRASE } else { 0.0 };
                    let over = if width > max { FORBIDDEN * 10.0 } else { 0.0 };
                    let slack = (max - width).max(0.0) / em;
                    let even = if balance { 20.0 * slack * slack } else { 0.0 };
                    let c = cost[i] + EXTRA_LINE + penalty + lone + over + even;
                    if c < cost[j] {
                        cost[j] = c;
                        from[j] = i;
                    }
                }
                if candidates[i].hard {
                    break;
                }
            }
        }
        super::add_work(tried);
        lines_of(&candidates, &from)
    }
}

/// The lines of the best way through `candidates`: `from[j]` is the break before break `j`
/// on it, walked back from the end of the paragraph. A line that ends inside a unit (a break
/// there only because the unit is wider than the line) is cut: the unit, from the break
/// before it to the break after it, reads back whole.
fn lines_of(candidates: &[Candidate], from: &[usize]) -> Vec<Break> {
    // For each candidate, where the unit it is inside starts and ends: the candidates before
    // and after it that are not inside one.
    let n = candidates.len();
    let (mut unit_start, mut unit_end) = (vec![0; n], vec![candidates[n - 1].at; n]);
    for k in 1..n {
        unit_start[k] = if candidates[k - 1].inside { unit_start[k - 1] } else { candidates[k - 1].at };
    }
    for k in (0..n - 1).rev() {
        unit_end[k] = if candidates[k + 1].inside { unit_end[k + 1] } else { candidates[k + 1].at };
    }
    let mut out = Vec::new();
    let mut j = n - 1;
    while j > 0 {
        let i = from[j];
        let (end, hard) = (candidates[j].at, candidates[j].hard);
        let last = hard || j == n - 1;
        let cut = (candidates[j].inside && !last).then_some((unit_start[j], unit_end[j]));
        out.push(Break { start: candidates[i].at, end, last, hyphen: false, cut });
        j = i;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::super::{set, set_with, Line, Setting, Span};
    use crate::fonts::{FontBook, FontStyle};
    use crate::layout::text::Look;
    use crate::script::is_kana_or_kanji;
    use crate::theme::Rgb;

    fn plain(text: &str) -> Vec<Span> {
        vec![Span { text: text.into(), look: Look::new(FontStyle::REGULAR, 10.0, Rgb(0, 0, 0)) }]
    }

    /// `text` with its web address a link, as Markdown makes it.
    fn linked(text: &str) -> Vec<Span> {
        let start = text.find("https://").unwrap();
        let end = start + text[start..].find(|c: char| !c.is_ascii()).unwrap_or(text.len() - start);
        let address = &text[start..end];
        let link = Some(crate::layout::LinkTarget::Uri(address.to_string()));
        let look = Look { link, group: 1, ..plain("")[0].look.clone() };
        let mut spans = plain(&text[..start]);
        spans.push(Span { text: address.into(), look });
        spans.extend(plain(&text[end..]));
        spans
    }

    /// The widest space between two kana or kanji on `line`, and between two letters of a
    /// Latin word, in em of 10 pt.
    fn letter_spacing(line: &Line) -> (f32, f32) {
        let (mut kana, mut letters) = (0.0f32, 0.0f32);
        for run in &line.runs {
            let chars: Vec<char> = run.text.chars().collect();
            for &(k, extra) in &run.gaps {
                let k = k as usize;
                if k == 0 || k >= chars.len() {
                    continue;
                }
                let (a, b) = (chars[k - 1], chars[k]);
                if is_kana_or_kanji(a) && is_kana_or_kanji(b) {
                    kana = kana.max(extra / 10.0);
                } else if super::between_letters(a, b) {
                    letters = letters.max(extra / 10.0);
                }
            }
        }
        (kana, letters)
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn latin_phrases_and_addresses_break_instead_of_spreading_the_line() {
        let fonts = FontBook::builtin();
        let text = "EU側は、日本の「Beyond 5G推進戦略」と「革新的情報通信技術（Beyond 5G（6G））基金事業」に\
                    高い関心を示しました。会合で使用された資料のうち公開可能なものは\
                    https://www.soumu.go.jp/menu_news/s-news/01tsushin08_02000150.htmlに掲載しています。";
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let mut spread_before = 0;
        for width in (200..420).step_by(5) {
            let width = width as f32;
            let lines = set_with(&linked(text), width, &fonts, japanese);
            let texts = texts(&lines);
            assert_eq!(texts.concat().replace(' ', ""), text.replace(' ', ""), "nothing lost at {width}");
            for (line, t) in lines[..lines.len() - 1].iter().zip(&texts) {
                assert!((line.width - width).abs() < 0.01, "justified to {width}: {} {t}", line.width);
                // (`Beyond` is never broken, so a line before it may spread a little more.)
                let (kana, letters) = letter_spacing(line);
                assert!(kana <= 1.0 / 8.0, "at {width}: {kana} em in {t}");
                // Letters are spread only on a line of the address alone, with no other place.
                let alone = !t.chars().any(|c| is_kana_or_kanji(c) || c == ' ');
                assert!(letters <= 1.0 / 8.0 && (letters == 0.0 || alone), "at {width}: {letters} em in {t}");
            }
            // Line by line, breaking only where Unicode allows and spreading the rest, as before.
            let greedy = set(&plain(text), width, &fonts);
            let full = |l: &Line| l.runs.iter().map(|r| r.text.chars().count()).sum::<usize>() as f32;
            spread_before += greedy[..greedy.len() - 1].iter().filter(|l| (width - l.width) / full(l) > 1.6).count();
        }
        assert!(spread_before > 0, "the greedy setting would have spread some lines");
    }

    /// Breaking `あ…あ英単語WORDを含みます。` at every place: each word is whole on a line
    /// when it fits one, and only then (JLREQ, UAX #14: a Latin word breaks at its own
    /// break opportunities). Broken anywhere at a cost, `cybersecurity` came out
    /// `cyberse|curity` and `Beyond` `Bey|ond`.
    #[test]
    fn a_latin_word_in_japanese_text_breaks_only_when_it_cannot_fit_a_line() {
        let fonts = FontBook::builtin();
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let words = ["Interoperability", "cybersecurity", "Beyond", "2025-2026", "ABCDEFGHIJ"];
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        for width in [150.0, 230.0, 300.0, 414.0] {
            for word in words.iter().chain([&long]) {
                let fits = set(&plain(word), f32::INFINITY, &fonts)[0].width <= width;
                for n in 0..40 {
                    let text = format!("{}英単語{word}を含みます。", "あ".repeat(n));
                    let lines = texts(&set_with(&plain(&text), width, &fonts, japanese));
                    assert_eq!(lines.concat(), text, "nothing lost");
                    let whole = lines.iter().any(|l| l.contains(word));
                    assert_eq!(whole, fits, "{word} at {width} pt after {n}: {lines:?}");
                }
            }
        }
    }

    /// text44a F44a-1: a word or number typed in full width (全角英数字) is kept whole as its
    /// half-width twin is, in a justified paragraph, a heading and a ragged line alike:
    /// `２０２|７年`, `１|２，３４５円`, `１２．|５％`, `ＣＯＮＮＥ|ＣＴ`, `Ｗｉ－|Ｆｉ` read as two
    /// words. One wider than the line still breaks, and nothing is lost.
    #[test]
    fn a_full_width_word_or_number_breaks_only_when_it_cannot_fit_a_line() {
        let fonts = FontBook::builtin();
        let justified = Setting { justify: true, japanese: true, ..Setting::default() };
        let heading = Setting { japanese: true, heading: true, ..Setting::default() };
        let ragged = Setting { japanese: true, ..Setting::default() };
        let words =
            ["２０２７", "１２，３４５", "１２．５％", "ＣＯＮＮＥＣＴ", "Ｗｉ－Ｆｉ", "１００㎡", "ｈｔｔｐｓ"];
        for setting in [justified, heading, ragged] {
            for width in [90.0, 150.0, 230.0] {
                for word in words {
                    for n in 0..24 {
                        let text = format!("{}価格は{word}とした。", "あ".repeat(n));
                        let lines = texts(&set_with(&plain(&text), width, &fonts, setting));
                        assert_eq!(lines.concat(), text, "nothing lost");
                        assert!(lines.iter().any(|l| l.contains(word)), "{word} at {width} pt after {n}: {lines:?}");
                    }
                }
            }
        }
        let long = "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴ１２３４５６７８９０";
        for setting in [justified, heading, ragged] {
            let text = format!("略称は{long}です。");
            let lines = texts(&set_with(&plain(&text), 100.0, &fonts, setting));
            assert_eq!(lines.concat(), text, "nothing lost");
            assert!(lines.len() >= 3, "{lines:?}");
        }
    }

    /// The Japanese before a long Latin word that fits a line of its own stays on one line,
    /// spread, rather than set a character a line (text20 N-1: a character alone, with
    /// nowhere to spread, cost less than a line spread evenly).
    #[test]
    fn the_text_before_a_long_latin_word_is_not_set_a_character_a_line() {
        let fonts = FontBook::builtin();
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz";
        let width = set(&plain(word), f32::INFINITY, &fonts)[0].width + 40.0;
        for n in 0..12 {
            let text = format!(
                "{}ドイツの{word}について説明を受けました。",
                "総務省は".repeat(n).chars().take(n).collect::<String>()
            );
            let lines = texts(&set_with(&plain(&text), width, &fonts, japanese));
            assert_eq!(lines.concat(), text, "nothing lost");
            assert!(lines.len() <= 3, "{n}: {lines:?}");
        }
    }

    /// A run of small kana, which no line may start with, is broken inside rather than kept
    /// whole by spreading every line above it: at most two lines more are spread than in
    /// the paragraph without the run, by a character's width at most (a sixteenth of an em
    /// here). Kept whole, the run spread up to all the lines of the paragraph.
    #[test]
    fn a_run_of_small_kana_breaks_inside_rather_than_spread_the_paragraph() {
        let fonts = FontBook::builtin();
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let base = "総務省は欧州委員会との間で政策対話をオンラインで開催しました。本対話では、双方の最新の\
                    政策動向を共有するとともに、今後の協力の方向性について議論しました。";
        let spread = |lines: &[Line]| lines[..lines.len() - 1].iter().filter(|l| letter_spacing(l).0 > 0.001).count();
        for width in [200.0, 300.0, 360.0] {
            for n in 0..40 {
                let plain_text = format!("{base}{}。", "あ".repeat(n));
                let before = spread(&set_with(&plain(&plain_text), width, &fonts, japanese));
                let text = format!("{base}{}ぁぃぅぇぉっゃゅょゎ、ァィゥェォッャュョヮヵヶ。", "あ".repeat(n));
                let lines = set_with(&plain(&text), width, &fonts, japanese);
                assert_eq!(texts(&lines).concat(), text, "nothing lost");
                let at = format!("after {n} at {width}: {:?}", texts(&lines));
                assert!(spread(&lines) <= before + 2, "{} spread lines, {before} without the run {at}", spread(&lines));
                for line in &lines[..lines.len() - 1] {
                    assert!(letter_spacing(line).0 <= 1.0 / 16.0 + 1e-4, "{} em {at}", letter_spacing(line).0);
                }
                // No line starts with a small kana but inside a run of them.
                for pair in texts(&lines).windows(2) {
                    let (a, b) = (pair[0].chars().last().unwrap(), pair[1].chars().next().unwrap());
                    assert!(!super::jlreq::small_kana(b) || super::jlreq::small_kana(a), "{pair:?}");
                }
            }
        }
    }

    fn heading_lines(text: &str, width: f32, balance: bool) -> Vec<String> {
        let fonts = FontBook::builtin();
        let heading = Setting { heading: true, japanese: true, balance, ..Setting::default() };
        let lines = set_with(&plain(text), width, &fonts, heading);
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>()).collect()
    }

    #[test]
    fn headings_break_between_phrases() {
        let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー');
        let titles = [
            "第10回日EU・ICT戦略ワークショップの結果",
            "第31回日EU・ICT政策対話の結果（Beyond 5G（6G）及びAI法を中心に）",
            "ITU-R及び3GPPにおける標準化の進捗と今後の課題",
            "気候変動対応のためのデジタル・スマートシティ",
        ];
        let mut split_before = 0;
        for title in titles {
            for width in (70..320).step_by(4) {
                for balance in [false, true] {
                    let lines = heading_lines(title, width as f32, balance);
                    assert_eq!(lines.concat().replace(' ', ""), title.replace(' ', ""));
                    for pair in lines.windows(2) {
                        let (a, b) = (pair[0].trim_end().chars().last().unwrap(), pair[1].chars().next().unwrap());
                        let at = format!("at {width}: {lines:?}");
                        assert!(!(katakana(a) && katakana(b)), "inside a katakana word {at}");
                        assert!(!a.is_ascii_digit() || b.is_ascii(), "a number from its counter {at}");
                        assert!(!pair[0].ends_with("ITU-"), "ITU-R split {at}");
                        assert!(!pair[0].ends_with('第'), "第 from its number {at}");
                        assert!(pair.iter().all(|l| l.trim().chars().count() > 1), "a line of one character {at}");
                    }
                }
                let plain_lines = set(&plain(title), width as f32, &FontBook::builtin());
                let texts: Vec<String> =
                    plain_lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect();
                split_before += texts
                    .windows(2)
                    .filter(|p| {
                        let (a, b) = (p[0].trim_end().chars().last().unwrap(), p[1].chars().next().unwrap());
                        katakana(a) && katakana(b)
                    })
                    .count();
            }
        }
        assert!(split_before > 0, "breaking by Unicode alone splits katakana words");
    }

    #[test]
    fn centred_titles_are_balanced() {
        let fonts = FontBook::builtin();
        let title = "第10回日EU・ICT戦略ワークショップの結果";
        let setting = |balance| Setting { heading: true, japanese: true, balance, ..Setting::default() };
        let mut better = 0;
        for width in (120..240).step_by(10) {
            let ragged = set_with(&plain(title), width as f32, &fonts, setting(false));
            let even = set_with(&plain(title), width as f32, &fonts, setting(true));
            assert_eq!(ragged.len(), even.len(), "balancing never adds a line at {width}");
            let spread = |lines: &[Line]| {
                let w: Vec<f32> = lines.iter().map(|l| l.width).collect();
                w.iter().cloned().fold(0.0, f32::max) - w.iter().cloned().fold(f32::MAX, f32::min)
            };
            assert!(spread(&even) <= spread(&ragged) + 0.01, "at {width}");
            better += usize::from(spread(&even) + 10.0 < spread(&ragged));
        }
        assert!(better > 0, "some titles are more even balanced");
    }

    /// Everyday loanwords hold runs of two small kana or `ー` (`ニュース`, `キャッシュ`): no
    /// line starts with one of them, wherever the word falls (text21a J21-1: `コンピュ|ーティング`).
    #[test]
    fn a_loanword_s_small_kana_never_start_a_line() {
        let fonts = FontBook::builtin();
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let words =
            ["ニュースリリース", "コンピューティング", "キャッシュレス", "フィードバック", "レビュー", "ショッピング"];
        for width in [150.0, 230.0] {
            for word in words {
                for n in 0..30 {
                    let text = format!("{}{word}を行った。", "あ".repeat(n));
                    let lines = texts(&set_with(&plain(&text), width, &fonts, japanese));
                    assert_eq!(lines.concat(), text, "nothing lost");
                    for line in &lines[1..] {
                        assert!(!super::jlreq::small_kana(line.chars().next().unwrap()), "{lines:?}");
                    }
                }
            }
        }
    }
}
