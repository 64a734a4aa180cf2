//! The run builder: a broken line's glyphs grouped into runs of one face and look, justified
//! (JLREQ's order of adjustment in Japanese), with hyphens shown and hyphenated words read
//! back whole.

use super::breaker::SHRINK;
use super::{hangs, japanese, jlreq, width_of, word_space, Glyph, Line, Look, Run, Span, WordPart};
use crate::fonts::{FaceId, FontBook};
use crate::script::is_kana_or_kanji;

/// Groups glyphs into runs of one span and face, dropping what is never drawn (line breaks,
/// invisible characters, spaces at the line's ends). An opening bracket starting the line
/// gives up its blank half. With a `target` width
/// the line is justified: the space missing goes between Japanese characters where there
/// are any, else into word spaces. A line that ends at a hyphenation point or a soft hyphen
/// shows a hyphen, read back as a soft hyphen (U+00AD) so that the word extracts whole.
/// `continues` says the line before ended inside a word (with a hyphen, or cut because the
/// word is wider than the line), and before which of the line's glyphs that word ends at the
/// latest: the line's first word fragment is a run of its own, and so is the fragment before
/// the line's own hyphen or `cut` (the glyph the cut word starts at, at the earliest: in
/// Japanese, no space says where) (see [`whole_words`]).
pub(super) fn make_line(
    glyphs: &[Glyph],
    spans: &[Span],
    fonts: &FontBook,
    target: Option<(f32, bool)>,
    (continues, hyphen, cut): (Option<usize>, bool, Option<usize>),
) -> Line {
    let visible = |g: &&Glyph| !hangs(g.ch);
    let first = glyphs.iter().position(|g| visible(&g));
    let last = glyphs.iter().rposition(|g| visible(&g));
    let mut line = Line::default();
    let (Some(first), Some(last)) = (first, last) else {
        line.size = glyphs.first().map_or(0.0, |g| spans[g.span].look.size);
        return line;
    };
    let shown = &glyphs[first..=last];
    // The space after each glyph shown: its own, but none after the last (what followed it is
    // on the next line).
    let mut after: Vec<f32> = shown.iter().map(|g| g.adj).collect();
    after[shown.len() - 1] = 0.0;
    let lead = shown[0].lead;
    let ends_soft = shown[shown.len() - 1].ch == '\u{00AD}';
    let look_last = &spans[shown[shown.len() - 1].span].look;
    let hyphen_face = if hyphen || ends_soft { fonts.face_for('\u{00AD}', look_last.style) } else { None };
    let hyphen_width = hyphen_face.map_or(0.0, |f| width_of(fonts, f, '\u{00AD}', look_last.size));
    if let Some((target, adjusted)) = target {
        let natural: f32 = shown.iter().zip(&after).map(|(g, a)| g.width + a).sum::<f32>() - lead + hyphen_width;
        justify(shown, &mut after, target - natural, adjusted);
    }
    // Word fragments either side of a hyphen or a cut are runs of their own.
    let first_word_end = continues.and_then(|end| {
        let space = shown.iter().position(|g| hangs(g.ch)).unwrap_or(shown.len());
        Some(space.min(end.saturating_sub(first))).filter(|&e| e < shown.len())
    });
    let last_word_start = (hyphen_face.is_some() || cut.is_some()).then(|| {
        let space = shown.iter().rposition(|g| hangs(g.ch)).map_or(0, |p| p + 1);
        space.max(cut.unwrap_or(0).saturating_sub(first))
    });
    let mut x = -lead;
    for (k, (g, &extra)) in shown.iter().zip(&after).enumerate() {
        let look = &spans[g.span].look;
        line.size = line.size.max(look.size);
        if Some(k) == first_word_end {
            line.continued = line.runs.len();
        }
        if Some(k) == last_word_start {
            line.hyphenated = Some(line.runs.len());
        }
        let fresh = Some(k) == first_word_end || Some(k) == last_word_start;
        match g.face {
            Some(face) if fresh => line.runs.push(Run::new(x, face, g.ch, g.width, extra, look)),
            Some(face) => push_char(&mut line.runs, x, face, g.ch, g.width, extra, look),
            // Not drawn (a soft hyphen inside the line): the space after it goes after the
            // character before.
            None => {
                if let Some(run) = line.runs.last_mut() {
                    run.gap(extra);
                }
            }
        }
        x += g.width + extra;
    }
    if continues.is_some() && first_word_end.is_none() {
        line.continued = line.runs.len();
    }
    if let Some(face) = hyphen_face {
        if line.hyphenated == Some(line.runs.len()) {
            // Only the hyphen after the break: a fragment of its own all the same.
            line.runs.push(Run::new(x, face, '\u{00AD}', hyphen_width, 0.0, look_last));
        } else {
            push_char(&mut line.runs, x, face, '\u{00AD}', hyphen_width, 0.0, look_last);
        }
        x += hyphen_width;
    } else if last + 1 < glyphs.len() {
        // The line ended at a space (or a hard break): one space stays at its end, past the
        // visible text, so that text read in order (by a screen reader, or copied) keeps
        // the last word of the line apart from the first of the next; the space typed, when
        // it is one of typography (a thin space, text40a F40a-16).
        let typed = glyphs[last + 1..].iter().map(|g| g.ch).find(|&c| typographic_space(c)).unwrap_or(' ');
        let end = fonts.face_for(typed, look_last.style).map(|f| (f, typed));
        if let Some((face, c)) = end.or_else(|| fonts.face_for(' ', look_last.style).map(|f| (f, ' '))) {
            let w = width_of(fonts, face, c, look_last.size);
            push_char(&mut line.runs, x, face, c, w, 0.0, look_last);
        }
    }
    line.width = x;
    // Japanese spaced by a quarter em beside Latin text, or stretched to the width, reads back
    // with spaces nobody typed: each run says what it holds.
    let spaced = shown.iter().zip(&after).any(|(g, &a)| a > 0.01 && !hangs(g.ch));
    // So does a typed space other than the plain one: poppler reads a no-break space, or a
    // thin one, as a plain space, a thin one between letters as none, or (U+3000, a full em)
    // as a break between paragraphs (text40a F40a-16).
    let typed_space = line.runs.iter().any(|r| r.text.contains(typographic_space));
    if (spaced && shown.iter().any(|g| is_kana_or_kanji(g.ch))) || typed_space {
        line.spaced = true;
        for run in &mut line.runs {
            run.actual = Some(run.text.clone());
        }
    }
    // A letter with the same mark twice (`n` and four tildes) reads back as typed: poppler
    // takes a glyph drawn again where one like it is as a bold letter's second print, and
    // drops it (text46a F46a-14).
    for run in line.runs.iter_mut().filter(|r| r.actual.is_none() && marks_repeated(&r.text)) {
        run.actual = Some(run.text.clone());
    }
    line
}

/// Whether a letter in `text` carries the same combining mark more than once, or more than
/// three marks (which a reader may stack out of its order).
fn marks_repeated(text: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    let mut marks: Vec<char> = Vec::new();
    text.chars().any(|c| {
        if !is_combining_mark(c) {
            marks.clear();
            return false;
        }
        let again = marks.contains(&c);
        marks.push(c);
        again || marks.len() > 3
    })
}

/// A word hyphenated across lines, or cut because it is wider than the line, reads back
/// whole: the fragment before the break carries the word as typed (without the hyphen), and
/// the fragments after it nothing, so that text extraction, copying and screen readers get
/// `Workshop`, not `Work-` and `shop`. The word is the element its cut falls in: an address
/// or code followed by a full stop reads back whole, and the full stop after it as typed. A
/// word whose parts on either side of the cut belong to different elements (a link in it, or
/// the address printed after one) is left as it is: one span around its parts would take text
/// out of its link.
pub(super) fn whole_words(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let Some(start) = lines[i].hyphenated else {
            i += 1;
            continue;
        };
        // The lines the word goes on to, and how many runs of each are its own.
        let mut rest: Vec<(usize, usize)> = Vec::new();
        let mut j = i + 1;
        while let Some(next) = lines.get(j) {
            let end = next.continued.min(next.runs.len());
            rest.push((j, end));
            // A fragment that fills its line and is hyphenated again goes on to the next.
            if next.hyphenated != Some(0) || end < next.runs.len().saturating_sub(1) {
                break;
            }
            j += 1;
        }
        // The word is the element the cut falls in (code, a link, a change): text of another
        // typed against it, a bracket before or a full stop after, reads as itself.
        let element = |look: &Look| (look.group, look.link_group, look.ja, look.quote.clone());
        let own = lines[i].runs.last().map(|r| element(&r.look));
        let differs = |r: &Run| Some(element(&r.look)) != own;
        let start = start + lines[i].runs[start..].iter().take_while(|r| differs(r)).count();
        if let Some((j, end)) = rest.last_mut() {
            *end -= lines[*j].runs[..*end].iter().rev().take_while(|r| differs(r)).count();
        }
        let first = &lines[i].runs[start..];
        let parts = first.iter().chain(rest.iter().flat_map(|&(j, end)| &lines[j].runs[..end]));
        if !parts.clone().any(differs) {
            let mut word: String = parts.map(|r| r.text.as_str()).collect();
            word.retain(|c| c != '\u{00AD}');
            for &(j, end) in &rest {
                for run in &mut lines[j].runs[..end] {
                    run.actual = Some(String::new());
                    run.word = Some(WordPart::Rest);
                }
            }
            for (k, run) in lines[i].runs[start..].iter_mut().enumerate() {
                run.actual = Some(if k == 0 { word.clone() } else { String::new() });
                run.word = Some(if k == 0 { WordPart::First } else { WordPart::Rest });
            }
        }
        // The line the word ends on may hyphenate another after it.
        i = j.max(i + 1);
    }
}

/// Spreads `slack` points over the places a line may stretch: in Japanese, first what may
/// give (JLREQ 3.8: the spaces beside and inside Latin text; punctuation shrinks to half
/// width), then between Japanese characters where the line has any, else its word spaces;
/// in a Latin paragraph, its word spaces (Japanese characters only where it has none).
/// Lines with neither, and lines already full, stay as they are. In a Japanese paragraph
/// (`japanese_paragraph`), Latin words are never spread apart (JLREQ 3.8), but on a line
/// with no other place (part of an address wider than the line).
fn justify(shown: &[Glyph], after: &mut [f32], mut slack: f32, japanese_paragraph: bool) {
    let n = shown.len();
    let inner = &shown[..n.saturating_sub(1)];
    let room: f32 = inner.iter().map(|g| if slack < 0.0 { g.give.shrink } else { g.give.stretch }).sum();
    if room > 0.0 && slack.abs() > 0.01 {
        let share = (slack.abs() / room).min(1.0);
        for (i, g) in inner.iter().enumerate() {
            after[i] += if slack < 0.0 { -g.give.shrink * share } else { g.give.stretch * share };
        }
        slack -= slack.signum() * share * room;
    }
    if slack < -0.01 {
        // A line broken for the whole paragraph may be set a little tight: its word spaces
        // shrink (never below [`SHRINK`] of their width; the breaking made sure).
        let spaces: Vec<usize> = (1..n.saturating_sub(1)).filter(|&i| word_space(shown[i].ch)).collect();
        if !spaces.is_empty() {
            let each = slack / spaces.len() as f32;
            for i in spaces {
                after[i] += each.max(-(1.0 - SHRINK) * shown[i].width);
            }
        }
        return;
    }
    if slack <= 0.01 {
        return;
    }
    let japanese: Vec<usize> =
        (0..n.saturating_sub(1)).filter(|&i| jlreq::stretches(shown[i].ch, shown[i + 1].ch)).collect();
    let spaces: Vec<usize> = (1..n.saturating_sub(1)).filter(|&i| word_space(shown[i].ch)).collect();
    // A Latin paragraph spreads its word spaces, as Latin type does, even where a line holds
    // a few Japanese characters: spacing those out (`ｶ ﾀ ｶ ﾅ`) is the last resort, for a line
    // with no word space.
    let latin = !japanese_paragraph && (japanese.is_empty() || !spaces.is_empty());
    let mut places: Vec<usize> =
        if latin || japanese.is_empty() { spaces } else { japanese.into_iter().chain(spaces).collect() };
    if japanese_paragraph && places.is_empty() {
        places.extend((0..n.saturating_sub(1)).filter(|&i| japanese::between_letters(shown[i].ch, shown[i + 1].ch)));
    }
    if places.is_empty() {
        return;
    }
    let each = slack / places.len() as f32;
    // Latin word spaces stretch to at most [`MOST_STRETCH`] times their width: a line with a
    // word or two beside a long address stays short of the width rather than open gaps that
    // readers take for columns (pdftotext then reads the words out of order).
    for i in places {
        after[i] += if latin { each.min((MOST_STRETCH - 1.0) * shown[i].width) } else { each };
    }
}

/// How many times its width a justified line's Latin word space may become.
pub(super) const MOST_STRETCH: f32 = 3.0;

/// Appends a character to the last run if it has the same face and look, else starts a run;
/// `extra` is the space after it.
fn push_char(runs: &mut Vec<Run>, x: f32, face: FaceId, ch: char, width: f32, extra: f32, look: &Look) {
    match runs.last_mut() {
        Some(r) if r.face == face && r.look == *look => {
            r.text.push(ch);
            r.width += width;
            r.gap(extra);
        }
        _ => runs.push(Run::new(x, face, ch, width, extra, look)),
    }
}

impl Run {
    /// A run of one character, with `extra` points after it.
    fn new(x: f32, face: FaceId, ch: char, width: f32, extra: f32, look: &Look) -> Run {
        let mut run = Run {
            x,
            width,
            face,
            text: ch.to_string(),
            look: look.clone(),
            gaps: Vec::new(),
            actual: None,
            word: None,
            spaced: None,
        };
        run.gap(extra);
        run
    }

    /// Adds `extra` points after the run's text so far.
    fn gap(&mut self, extra: f32) {
        if extra == 0.0 {
            return;
        }
        let k = self.text.chars().count() as u32;
        match self.gaps.last_mut() {
            Some((at, e)) if *at == k => *e += extra,
            _ => self.gaps.push((k, extra)),
        }
        self.width += extra;
    }
}

/// A space typed that is not the plain one: no-break, figure, thin, hair, em and the rest of
/// typography's, and the ideographic space. (A tab prints as a plain space.)
fn typographic_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, ' ' | '\t' | '\n' | '\r')
}
