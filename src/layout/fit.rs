//! Fitting a briefing to N pages (`--fit-pages`): the largest scale of type and spacing, in
//! hundredths, at which it fits, found with as few layouts as the pages allow. The text of a
//! briefing fills an area that grows with the square of the scale (lines are taller, and
//! hold fewer words), so one layout at the template's sizes predicts the scale; each layout
//! after it refines the prediction (the last two give the power the area grows with), and
//! the search halves what is left only when four predictions were not enough. Each
//! prediction is laid out with the scale a hundredth above it (or below, at the top of what is
//! left), so that a prediction that fits is known to be the largest in the same round: side by
//! side on a machine with two cores or more, one after the other on one, the same scales.
//!
//! Asking for more pages never gives smaller type. A search that always ends at the largest
//! scale that fits keeps that promise, and one that halves the same range at the same scales
//! whatever the page count does too; a prediction that runs out of layouts does not (text23
//! F23-1: 195 pages gave 10.08 pt, 200 pages 9.66 pt). So predictions are made only while
//! the work left can still halve what is left to a hundredth; a briefing with too little work
//! for that from the first layout on is fitted by halving alone.

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::Theme;

use super::structure::{Artifact, Tag};
use super::text;
use super::{layout, Document, Fit, Item, Options};

/// The most text, in bytes, a briefing may have to be fitted (as counted by
/// [`Briefing::laid_out_bytes`]). Fitting lays a briefing out two to
/// five times: a briefing of 3.9 MB of Japanese took 10.6 to 18.5 s to fit, and 2 MB 5.2 s,
/// against 6.5 s and 3.2 s to lay out once. A longer one is set at the template's sizes.
pub const MAX_FIT_BYTES: u64 = 512 << 10;

/// The work all the layouts of one fitting may do together, as [`text::work_done`] counts it
/// (characters set, and line breaks weighed): as many layouts as the first's work goes into
/// it, four at least. Counted, not timed, so that a briefing fits alike on every machine.
/// It is about 4 s of setting on this machine: the slowest text to set, long mixed Japanese
/// and Latin headings, does 20,000 of it a millisecond (1 MB of them took 14 to 27 s to fit,
/// text19 H70-1), Japanese prose 38,000; so 512 KiB of such headings get four layouts, as
/// many of prose twenty. A briefing that runs out of layouts is set at the largest scale
/// found to fit, which may be under the largest there is, or at the floor when none was
/// found.
const FIT_WORK: u64 = 80_000_000;

/// Lays out `b` on at most `pages` pages: at the template's sizes if that fits, else with
/// type and spacing scaled down together by as little as needed (to a hundredth), never
/// below the template's `fit_floor` body size. When even the floor does not fit, the
/// briefing is set at the floor and the [`Fit`] says so.
pub fn fit(b: &Briefing, theme: &Theme, fonts: &FontBook, options: Options, pages: usize) -> (Document, Fit) {
    let side_by_side = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    fit_within(b, (theme, fonts, options), pages, (FIT_WORK, side_by_side))
}

/// [`fit`], its layouts doing `work` together at most ([`FIT_WORK`]; four layouts at least),
/// two at once when `side_by_side`.
fn fit_within(
    b: &Briefing,
    (theme, fonts, options): (&Theme, &FontBook, Options),
    pages: usize,
    (work, side_by_side): (u64, bool),
) -> (Document, Fit) {
    let body = theme.styles.body.size.0;
    let mut layouts = 1;
    let outcome = |doc: &Document, scale: f32, layouts: usize| Fit {
        pages,
        scale,
        body_size: body * scale,
        fits: doc.pages.len() <= pages,
        layouts,
    };
    let before = text::work_done();
    let full = layout(b, theme, fonts, options);
    // The work one layout does (each is counted as the first), and what is left after it.
    let cost = (text::work_done() - before).max(1);
    let work = work.max(4 * cost).saturating_sub(cost);
    if full.pages.len() <= pages {
        let fit = outcome(&full, 1.0, layouts);
        return (full, fit);
    }
    let floor = (theme.fit_floor.0 / body).min(1.0);
    // In hundredths: `hi` is known not to fit; `lo` is the lowest scale above the floor.
    let (lo, hi) = ((floor * 100.0).ceil() as u32, 100u32);
    let mut left = work / cost;
    // Whether the search ends at the largest scale that fits: work for halving the whole
    // range, after the floor's layout. Decided before the page count is looked at.
    let exact = left > halvings(hi - lo);
    let first = (1.0, extent(&full, theme));
    let predicted = ((pages as f32 - 0.05).max(0.0) / first.1).sqrt() * 100.0;
    drop(full);
    // Predicted below the floor: the floor first, which most likely does not fit either.
    let mut floor_doc = None;
    if predicted < lo as f32 {
        let doc = layout(b, &theme.scaled(floor), fonts, options);
        layouts += 1;
        left = left.saturating_sub(1);
        if doc.pages.len() > pages {
            let fit = outcome(&doc, floor, layouts);
            return (doc, fit);
        }
        floor_doc = Some(doc);
    }
    let at = |n: u32| {
        let doc = layout(b, &theme.scaled(n as f32 / 100.0), fonts, options);
        let measured = (doc.pages.len(), extent(&doc, theme));
        (doc, measured)
    };
    let search = Search { pages, range: (lo, hi), exact, side_by_side, first, predicted };
    let (found, rounds) = search.run(&at, left);
    layouts += rounds;
    if let Some((n, doc)) = found {
        let fit = outcome(&doc, n as f32 / 100.0, layouts);
        return (doc, fit);
    }
    // Nothing above the floor fits: the floor itself, fitting or not.
    let doc = floor_doc.unwrap_or_else(|| {
        layouts += 1;
        layout(b, &theme.scaled(floor), fonts, options)
    });
    let fit = outcome(&doc, floor, layouts);
    (doc, fit)
}

/// The layouts halving needs to find which of `k` scales is the largest to fit.
fn halvings(k: u32) -> u64 {
    u64::from(k.max(1).next_power_of_two().trailing_zeros())
}

/// A layout at a scale in hundredths, with its page count and [`extent`].
type At<'a, D> = &'a (dyn Fn(u32) -> (D, (usize, f32)) + Sync);

/// What the search for the largest scale that fits knows before it starts: the page count
/// asked for; the scales, in hundredths, from the lowest above the floor (which fits only once
/// a layout says so) to one known not to fit; whether it must end at the largest that fits;
/// whether it may lay out two scales at once; the first layout's scale and extent, and the
/// scale that predicts.
struct Search {
    pages: usize,
    range: (u32, u32),
    exact: bool,
    side_by_side: bool,
    first: (f32, f32),
    predicted: f32,
}

impl Search {
    /// The largest scale that fits, with `left` layouts at most, and its layout (none when no
    /// scale above the floor was found to fit); and how many rounds of layouts that took.
    fn run<D: Send>(&self, at: At<D>, mut left: u64) -> (Option<(u32, D)>, usize) {
        let Search { pages, range: (mut lo, mut hi), exact, side_by_side, first, predicted } = *self;
        let mut lo_doc = None;
        let mut next = predicted.floor() as u32;
        // The scale and extent of the last prediction's layout, for the next prediction.
        let mut last = first;
        let target = (pages as f32 - 0.05).max(0.01);
        let mut rounds = 0;
        while hi > lo + 1 && left > 0 {
            // A prediction and its neighbour, while the layouts left after them can still
            // halve what they leave; else halving, the middle scale alone.
            let (mid, beside) = if exact && left >= 2 + halvings(hi - lo - 1) {
                let mid = next.clamp(lo + 1, hi - 1);
                (mid, if mid + 1 < hi { Some(mid + 1) } else { (mid > lo + 1).then(|| mid - 1) })
            } else {
                ((lo + hi) / 2, None)
            };
            // This scale's layout, and the neighbour's. (Which scales are laid out never hangs
            // on the machine, only whether two are laid out at once: the same input gives the
            // same PDF on one core or many; text22b T22-1.)
            let (here, other) = if side_by_side {
                std::thread::scope(|s| {
                    let other = beside.map(|n| (n, s.spawn(move || at(n))));
                    let here = at(mid);
                    (here, other.map(|(n, h)| (n, h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))))
                })
            } else {
                (at(mid), beside.map(|n| (n, at(n))))
            };
            rounds += 1;
            left = left.saturating_sub(1 + u64::from(other.is_some()));
            let (fits, measured) = (here.1 .0 <= pages, (mid as f32 / 100.0, here.1 .1));
            // The next guess: where the line through this layout and the last, in logarithms
            // (extent = k * scale^p), reaches the target; p is 2 for running prose and nearer
            // 1 for short lines (a contents page, one-line topics).
            let guess = {
                let (dl, de) = ((measured.0 / last.0).ln(), (measured.1 / last.1).ln());
                let p = if dl.abs() > 1e-6 && de > 0.0 { (de / dl).clamp(0.5, 4.0) } else { 2.0 };
                (measured.0 * (target / measured.1).powf(1.0 / p) * 100.0).floor() as u32
            };
            last = measured;
            // The page count only grows with the scale: the lower of the two first.
            let mut results = vec![(mid, here)];
            results.extend(other);
            results.sort_by_key(|r| r.0);
            for (n, (doc, (count, _))) in results {
                if count <= pages {
                    if n > lo {
                        (lo, lo_doc) = (n, Some(doc));
                    }
                } else {
                    hi = hi.min(n);
                }
            }
            // Next the guess, but at least a step on the side not yet known; after four
            // rounds, halving.
            next = match (rounds < 4, fits) {
                (true, true) => guess.max(mid + 1),
                (true, false) => guess.min(mid.saturating_sub(1)),
                (false, _) => (lo + hi) / 2,
            };
        }
        (lo_doc.map(|doc| (lo, doc)), rounds)
    }
}

/// How many pages `doc` fills, its last page counted by how far down its content reaches
/// (2.5: two full pages and half of a third).
fn extent(doc: &Document, theme: &Theme) -> f32 {
    let top = theme.page.margin_top.pt();
    let bottom = theme.page.size.height - theme.page.margin_bottom.pt();
    let Some(last) = doc.pages.last() else { return 0.0 };
    let reach = last
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !matches!(t.tag, Tag::Artifact(Artifact::Header | Artifact::Footer)) => Some(t.baseline),
            _ => None,
        })
        .fold(top, f32::max);
    (doc.pages.len() - 1) as f32 + ((reach - top) / (bottom - top).max(1.0)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::TemplateRef;

    /// The largest fitting scale by halving alone, from the floor: what `fit` must find.
    fn by_halving(b: &Briefing, theme: &Theme, fonts: &FontBook, pages: usize) -> (f32, usize) {
        let body = theme.styles.body.size.0;
        let floor = (theme.fit_floor.0 / body).min(1.0);
        let count = |s: f32| layout(b, &theme.scaled(s), fonts, Options::default()).pages.len();
        if count(1.0) <= pages {
            return (1.0, 1);
        }
        let (mut lo, mut hi, mut best, mut n) = ((floor * 100.0).ceil() as u32, 100u32, floor, 2);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            n += 1;
            if count(mid as f32 / 100.0) <= pages {
                (lo, best) = (mid, mid as f32 / 100.0);
            } else {
                hi = mid;
            }
        }
        (best, n)
    }

    /// The seed briefing, read and checked.
    fn seed() -> Briefing {
        let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/japan-eu-ict-workshop-10.yaml");
        let text = std::fs::read_to_string(seed).unwrap();
        let file = crate::diag::SourceFile::new("seed.yaml", &text);
        crate::validate::load_briefing(&file, &crate::load::Limits::default(), &|_| true).unwrap()
    }

    #[test]
    fn the_predicted_search_finds_the_scale_halving_finds_with_fewer_layouts() {
        let fonts = FontBook::builtin();
        let b = seed();
        // One-line topics, whose height grows more like the scale than its square.
        let topics: String =
            (0..150).map(|i| format!("  - title: Topic {i}\n    body: Both sides met on point {i}.\n")).collect();
        let yaml = format!("title: T\ndate: 2020-10-06\ntopics:\n{topics}contact:\n  tel: \"1\"\n");
        let file = crate::diag::SourceFile::new("short.yaml", &yaml);
        let short = crate::validate::load_briefing(&file, &crate::load::Limits::default(), &|_| true).unwrap();
        let (mut saved, mut cases) = (0i64, 0);
        for template in ["default", "one-pager", "press-release"] {
            let theme = Theme::resolve(TemplateRef::Builtin(template)).unwrap();
            // Longer: the seed's topics three times over.
            let mut long = b.clone();
            long.topics = b.topics.iter().chain(&b.topics).chain(&b.topics).cloned().collect();
            for (briefing, pages) in [(&b, 1), (&long, 2), (&long, 3), (&long, 4), (&short, 3), (&short, 5)] {
                let (doc, fit) = fit(briefing, &theme, &fonts, Options::default(), pages);
                let (scale, halving) = by_halving(briefing, &theme, &fonts, pages);
                assert!((fit.scale - scale).abs() < 0.001, "{template}, {pages} pages: {} vs {scale}", fit.scale);
                assert_eq!(fit.fits, doc.pages.len() <= pages);
                saved += halving as i64 - fit.layouts as i64;
                cases += 1;
            }
        }
        assert!(saved >= 2 * cases, "{saved} layouts saved over {cases} fits");
    }

    /// Out of layouts, the search stops at the largest scale it found to fit: the page count
    /// asked for, at most a few hundredths under the largest (text19 H70-1).
    #[test]
    fn a_search_out_of_layouts_keeps_the_largest_scale_it_found_to_fit() {
        let fonts = FontBook::builtin();
        let mut b = seed();
        b.topics = b.topics.iter().chain(&b.topics).chain(&b.topics).cloned().collect();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let (best, _) = by_halving(&b, &theme, &fonts, 3);
        let (doc, found) = fit_within(&b, (&theme, &fonts, Options::default()), 3, (0, true));
        // One core or two, the same scales are laid out (text22b T22-1).
        let (_, alone) = fit_within(&b, (&theme, &fonts, Options::default()), 3, (0, false));
        assert_eq!((alone.scale, alone.layouts), (found.scale, found.layouts));
        assert!(found.fits && doc.pages.len() <= 3, "{found:?}");
        // (Settling halfway to the floor, as before text21a J21-2, gave 0.78 for 0.8; three
        // halvings of the range leave three scales at most.)
        assert!(found.scale <= best + 0.001 && found.scale >= best - 0.025, "{} against {best}", found.scale);
        // The first layout and three more, halving (text23 F23-1).
        assert!(found.layouts <= 4, "{found:?}");
        // (The work each did, on this thread: a round may lay out two scales.)
        let counted = |work| {
            let before = text::work_done();
            let (_, fit) = fit_within(&b, (&theme, &fonts, Options::default()), 3, (work, false));
            (fit, text::work_done() - before)
        };
        let ((bounded, little), (unbounded, much)) = (counted(0), counted(u64::MAX));
        assert_eq!(bounded.scale, found.scale);
        assert!((unbounded.scale - best).abs() < 0.001);
        assert!(much > little, "the bound must cut the search: {unbounded:?}, {much} against {little}");
    }

    /// The work that bounds a fitting is counted, not timed: the same briefing laid out twice
    /// counts the same, so that it is fitted alike on every machine (text22b T22-1, T22-2).
    #[test]
    fn the_work_of_a_layout_is_counted_alike_each_time() {
        let fonts = FontBook::builtin();
        let b = seed();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let counted = || {
            let before = text::work_done();
            layout(&b, &theme, &fonts, Options::default());
            text::work_done() - before
        };
        let (first, second) = (counted(), counted());
        assert_eq!(first, second);
        assert!(first > b.text_bytes() / 2, "{first} for {} bytes", b.text_bytes());
    }

    /// The page counts of 512 KiB of long mixed Japanese and Latin headings (text23's
    /// big-titles.yaml) at each scale from 0.77 to 1.0: steps of up to 14 pages a hundredth.
    const HEADINGS: [usize; 24] = [
        120, 124, 129, 134, 138, 143, 146, 153, 156, 160, 162, 169, 174, 180, 181, 182, 183, 184, 190, 193, 207, 208,
        212, 212,
    ];

    /// The search over a briefing whose scale `n` hundredths fills `counts[n - 77]` pages,
    /// with `left` layouts: the scale found and the rounds it took.
    fn search_counts(counts: &[usize], pages: usize, left: u64) -> (Option<u32>, usize) {
        let measured = |n: u32| {
            let count = counts[n as usize - 77];
            ((), (count, count as f32 - 0.5))
        };
        let first = (1.0, counts[counts.len() - 1] as f32 - 0.5);
        let predicted = ((pages as f32 - 0.05) / first.1).sqrt() * 100.0;
        let exact = left > halvings(100 - 77);
        let search = Search { pages, range: (77, 100), exact, side_by_side: false, first, predicted };
        let (found, rounds) = search.run(&measured, left);
        (found.map(|f| f.0), rounds)
    }

    /// More pages never give smaller type, with work for three layouts after the first or
    /// more; with work for halving the range, the largest scale that fits (text23 F23-1: out
    /// of layouts, a prediction settled at 9.66 pt for 200 pages, 10.08 pt for 195).
    #[test]
    fn more_pages_never_give_smaller_type() {
        // (Above the floor's hundredth, 0.77, and below 1.0, which does not fit from 212 pages on.)
        let largest = |pages| (78..100u32).rev().find(|&n| HEADINGS[n as usize - 77] <= pages);
        for left in 3..=24 {
            let found: Vec<(usize, Option<u32>)> =
                (115..212).map(|pages| (pages, search_counts(&HEADINGS, pages, left).0)).collect();
            assert!(found.windows(2).all(|w| w[0].1 <= w[1].1), "{left} layouts: {found:?}");
            if left > halvings(23) {
                assert!(found.iter().all(|&(pages, n)| n == largest(pages)), "{left} layouts: {found:?}");
            } else {
                // (Three halvings of 23 scales leave three.)
                assert!(
                    found.iter().all(|&(pages, n)| n.unwrap_or(77) + 2 >= largest(pages).unwrap_or(77)),
                    "{found:?}"
                );
            }
        }
        let (found, rounds) = search_counts(&HEADINGS, 200, 3);
        assert!(found.is_some_and(|n| n >= 94) && rounds == 3, "{found:?} in {rounds} rounds");
    }
}
