//! Cutting a running part short to its room: its title gives way first, and a part printed in
//! capitals still reads as typed up to where it is cut.

use super::flow::Flow;
use super::marking::cut_like;
use super::running::Fill;
use super::text::{self, Look};

/// The most characters a running part prints: more than a line holds, unless they have no
/// width (combining marks), which would otherwise be drawn in full on every page.
const MOST_CHARS: usize = 500;

#[cfg(test)]
thread_local! {
    /// How many times a text was cut to its room (see `running`'s tests).
    pub(super) static CLIPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// `s` if it is at most `room` wide (and [`MOST_CHARS`] long), else as much of it as fits
/// with `…` after it.
pub(super) fn clip(flow: &Flow<'_>, s: &str, room: f32, look: &Look) -> String {
    #[cfg(test)]
    CLIPS.with(|c| c.set(c.get() + 1));
    let most = s.char_indices().nth(MOST_CHARS).map_or(s.len(), |(i, _)| i);
    let keep = text::fitting_prefix(&s[..most], look, room, flow.fonts);
    if keep == s.len() {
        return s.to_string();
    }
    // (Cut between letters, never between a letter and its marks: text47a F47a-17, a title
    // of letters with stacked marks lost some of a letter's marks at the cut.)
    // (But a "letter" of more marks than the bound is cut inside: nothing else would print.)
    let bound = s.char_indices().nth(MOST_CHARS - 1).map_or(s.len(), |(i, _)| i);
    let most = Some(cluster_start(s, bound)).filter(|&start| start > 0).unwrap_or(bound);
    let keep = text::fitting_prefix(&s[..most], look, room - flow.str_width("…", look), flow.fonts);
    format!("{}…", s[..Some(cluster_start(s, keep)).filter(|&start| start > 0).unwrap_or(keep)].trim_end())
}

/// `at`, or the start of the letter with its marks (the grapheme cluster) that `at` is inside.
pub(super) fn cluster_start(s: &str, at: usize) -> usize {
    let mut cursor = unicode_segmentation::GraphemeCursor::new(at, s.len(), true);
    match cursor.is_boundary(s, 0) {
        Ok(false) => cursor.prev_boundary(s, 0).ok().flatten().unwrap_or(0),
        _ => at,
    }
}

/// `text`, a running part `printed` from `fill`, cut to `room`: its title gives way, so that
/// the date and the words around the title print whole ("RESULTS OF THE 10TH JAPAN-EU… ·
/// OCTOBER 6, 2020"); when not a letter of the title fits beside them, or the part has no
/// title, the part is cut at its end.
pub(super) fn clip_title(
    flow: &Flow<'_>,
    (text, printed): (&str, impl Fn(&Fill) -> String),
    fill: &Fill,
    room: f32,
    look: &Look,
) -> String {
    // The part printed with a mark for the title shows what is around it.
    let shape = printed(&marked(fill));
    if let Some((before, after)) = shape.split_once(MARK).filter(|(_, after)| !after.contains(MARK)) {
        if text.len() > before.len() + after.len() && text.starts_with(before) && text.ends_with(after) {
            let title = &text[before.len()..text.len() - after.len()];
            let title_room = room - flow.str_width(before, look) - flow.str_width(after, look);
            // What fits is found by the characters' advances; set as a line (Japanese
            // spacing), the cut title can come out a little wider: cut that much more.
            let mut cut = clip(flow, title, title_room, look);
            let over = flow.str_width(&cut, look) - title_room;
            if over > 0.0 {
                cut = clip(flow, title, title_room - over, look);
            }
            if cut != "…" && flow.str_width(&cut, look) <= title_room {
                return format!("{before}{cut}{after}");
            }
        }
    }
    clip(flow, text, room, look)
}

/// A mark in place of the title, in the part printed from [`marked`].
const MARK: &str = "\u{E000}";

/// `fill` with a mark for its title, to show what a part prints around it.
fn marked(fill: &Fill) -> Fill {
    Fill { title: MARK.into(), short_title: MARK.into(), ..fill.clone() }
}

/// The part as `typed`, cut where `shown` (its capitals cut by [`clip_title`]) is: in its
/// title when the title gave way, else at its end. `printed` and `as_typed` fill the part.
pub(super) fn typed_like(
    (typed, shown): (&str, &str),
    printed: impl Fn(&Fill) -> String,
    as_typed: impl Fn(&Fill) -> String,
    fill: &Fill,
) -> String {
    let (shape, typed_shape) = (printed(&marked(fill)), as_typed(&marked(fill)));
    let split = |s: &str| {
        s.split_once(MARK).filter(|(_, after)| !after.contains(MARK)).map(|(b, a)| (b.to_string(), a.to_string()))
    };
    if let (Some((before, after)), Some((typed_before, typed_after))) = (split(&shape), split(&typed_shape)) {
        let title = shown.strip_prefix(before.as_str()).and_then(|s| s.strip_suffix(after.as_str()));
        let typed_title = typed.strip_prefix(typed_before.as_str()).and_then(|s| s.strip_suffix(typed_after.as_str()));
        if let (Some(title), Some(typed_title)) = (title.filter(|t| t.ends_with('…')), typed_title) {
            return format!("{typed_before}{}{typed_after}", cut_like(typed_title, title));
        }
    }
    cut_like(typed, shown)
}

/// The most characters of a running part as filled in, before it is measured: far more than a
/// line holds even at 6 pt. (Its template is bounded, and each value it names cut to a line.)
const MOST_PART_CHARS: usize = 4 * MOST_CHARS;

/// `part`, a running part as filled in, cut at [`MOST_PART_CHARS`].
pub(super) fn bounded(mut part: String) -> String {
    if let Some((at, _)) = part.char_indices().nth(MOST_PART_CHARS) {
        part.truncate(cluster_start(&part, at));
    }
    part
}

/// What prints a running part cut short in full, said by what the template's `part` names:
/// the briefing's `short_title` (the title when it has none), or the title itself (text44b
/// F44b-1: a footer of `{title}` was told to shorten `short_title`, which it does not print).
pub(super) fn advice(part: &str) -> &'static str {
    if part.contains("{short_title}") {
        "a shorter `short_title` prints in full"
    } else if part.contains("{title}") {
        "the template's line prints the whole `{title}`: write `{short_title}` in its place, and give the briefing a shorter `short_title`"
    } else {
        "a shorter part of the template's header or footer prints in full"
    }
}

/// The size `text` is set at in `room`: the largest on half-point steps down from `look`'s
/// (to `smallest`) at which it fits, or the last step when none does; as measuring at each
/// step would find, but measured at a few, the first guessed from the width at full size
/// (the width grows with the size). A 28-pt line measured its 2,000 characters at up to 44
/// sizes, on each of 18,000 pages when it held the page number (text46b F46b-1).
pub(super) fn fitting_size(flow: &Flow<'_>, text: &str, look: &Look, room: f32, smallest: f32) -> f32 {
    let width = |size: f32| flow.str_width(text, &Look { size, ..look.clone() });
    let full = look.size;
    let fits = |k: u32| width(full - 0.5 * k as f32) <= room;
    // The steps there are: `full - 0.5 k` down to `smallest`.
    let last = if full - 0.5 >= smallest { ((full - smallest) / 0.5).floor() as u32 } else { 0 };
    let at_full = width(full);
    if at_full <= room || last == 0 {
        return full;
    }
    let guess = full * room / at_full;
    let mut k = (((full - guess) / 0.5).ceil().max(1.0) as u32).min(last);
    // Up while the step above fits too; then down while this one does not.
    while k > 1 && fits(k - 1) {
        k -= 1;
    }
    while k < last && !fits(k) {
        k += 1;
    }
    full - 0.5 * k as f32
}
