//! Fitting a briefing to N pages (`--fit-pages`): the largest scale of type and spacing, in
//! hundredths, at which it fits, found with as few layouts as the pages allow. The text of a
//! briefing fills an area that grows with the square of the scale (lines are taller, and
//! hold fewer words), so one layout at the template's sizes predicts the scale; each layout
//! after it refines the prediction (the last two give the power the area grows with), and
//! the search halves what is left only when four predictions were not enough. Each
//! prediction is laid out with the scale a hundredth above it (or below, at the top of what is
//! left), so that a prediction that fits is known to be the largest in the same round: side by
//! side on a machine with two cores or more, one after the other on one, the same scales.

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
    let mut work = work.max(4 * cost).saturating_sub(cost);
    if full.pages.len() <= pages {
        let fit = outcome(&full, 1.0, layouts);
        return (full, fit);
    }
    let floor = (theme.fit_floor.0 / body).min(1.0);
    // In hundredths: `hi` is known not to fit; `lo` is the lowest scale above the floor, and
    // fits only once a layout there says so (`lo_doc`). The page count only grows with the
    // scale.
    let (mut lo, mut hi) = ((floor * 100.0).ceil() as u32, 100u32);
    let mut lo_doc = None;
    let predicted = ((pages as f32 - 0.05).max(0.0) / extent(&full, theme)).sqrt() * 100.0;
    let mut next = predicted.floor() as u32;
    // Predicted below the floor: the floor first, which most likely does not fit either.
    let mut floor_doc = None;
    if predicted < lo as f32 {
        let doc = layout(b, &theme.scaled(floor), fonts, options);
        layouts += 1;
        if doc.pages.len() > pages {
            let fit = outcome(&doc, floor, layouts);
            return (doc, fit);
        }
        floor_doc = Some(doc);
    }
    // The scale and extent of the last prediction's layout, for the next prediction.
    let mut last = (1.0f32, extent(&full, theme));
    drop(full);
    let target = (pages as f32 - 0.05).max(0.01);
    let mut probes = 0;
    while hi > lo + 1 {
        // (Out of layouts: the largest scale known to fit, or else the floor.)
        if work < cost {
            break;
        }
        // The last layout there is work for: with no scale yet known to fit, halfway down to
        // the floor from the guess, which more likely fits than the guess; between a scale
        // that fits and one that does not, halfway, as a page count that moves in steps (a
        // line of Japanese holds a whole number of characters) misleads the guess (text21a
        // J21-2: 94 gave 141 pages, 90 gave 109).
        let mid = match (work < 2 * cost, &lo_doc) {
            (true, None) => (lo + next.max(lo)) / 2,
            (true, Some(_)) => (lo + hi) / 2,
            (false, _) => next,
        }
        .clamp(lo + 1, hi - 1);
        let scale = mid as f32 / 100.0;
        // (Which scales are laid out never hangs on the machine, only whether two are laid out
        // at once: the same input gives the same PDF on one core or many; text22b T22-1.)
        let beside = if work < 2 * cost {
            None
        } else if lo_doc.is_none() && work < 4 * cost {
            // (Work for three layouts or fewer, and none known to fit: beside the guess, one
            // halfway down to the floor, which more likely fits, so that the last layout
            // refines a scale that fits rather than settling there; text21a J21-2.)
            let safe = (lo + mid) / 2;
            (safe > lo).then_some(safe)
        } else if mid + 1 < hi {
            Some(mid + 1)
        } else {
            (mid > lo + 1).then(|| mid - 1)
        };
        // This scale's layout, and the neighbour's.
        let at = |n: u32| layout(b, &theme.scaled(n as f32 / 100.0), fonts, options);
        let (doc, other) = if side_by_side {
            std::thread::scope(|s| {
                let other = beside.map(|n| (n, s.spawn(move || at(n))));
                let doc = at(mid);
                (doc, other.map(|(n, h)| (n, h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))))
            })
        } else {
            (at(mid), beside.map(|n| (n, at(n))))
        };
        layouts += 1;
        probes += 1;
        work = work.saturating_sub(cost * (1 + u64::from(other.is_some())));
        let fits = doc.pages.len() <= pages;
        let here = (scale, extent(&doc, theme));
        // The next guess: where the line through this layout and the last, in logarithms
        // (extent = k * scale^p), reaches the target; p is 2 for running prose and nearer 1
        // for short lines (a contents page, one-line topics).
        let guess = {
            let (dl, de) = ((here.0 / last.0).ln(), (here.1 / last.1).ln());
            let p = if dl.abs() > 1e-6 && de > 0.0 { (de / dl).clamp(0.5, 4.0) } else { 2.0 };
            (here.0 * (target / here.1).powf(1.0 / p) * 100.0).floor() as u32
        };
        last = here;
        // The page count only grows with the scale: the lower of the two first.
        let mut results = vec![(mid, doc)];
        results.extend(other);
        results.sort_by_key(|r| r.0);
        for (n, doc) in results {
            if doc.pages.len() <= pages {
                if n > lo {
                    (lo, lo_doc) = (n, Some(doc));
                }
            } else {
                hi = hi.min(n);
            }
        }
        // Next the guess, but at least a step on the side not yet known; after four
        // rounds, halving.
        next = match (probes < 4, fits) {
            (true, true) => guess.max(mid + 1),
            (true, false) => guess.min(mid.saturating_sub(1)),
            (false, _) => (lo + hi) / 2,
        };
    }
    if let Some(doc) = lo_doc {
        let fit = outcome(&doc, lo as f32 / 100.0, layouts);
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
        // (Settling halfway to the floor, as before text21a J21-2, gave 0.78 for 0.8.)
        assert!(found.scale <= best + 0.001 && found.scale >= best - 0.015, "{} against {best}", found.scale);
        // The first layout and at most three more (two rounds, the first of two side by side).
        assert!(found.layouts <= 3, "{found:?}");
        let (_, unbounded) = fit(&b, &theme, &fonts, Options::default(), 3);
        assert!((unbounded.scale - best).abs() < 0.001);
        assert!(unbounded.layouts > found.layouts, "the bound must cut the search: {unbounded:?}");
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
}
