//! The stretches of a paragraph that quote another language than its own, across its runs
//! (a redline's kept, inserted and deleted ones too), and a walk through them, inline by
//! inline, for layout and the web page to mark.

use std::ops::Range;

use super::Change;

/// The stretches of a paragraph's text, `runs` (each run's text and how a redline changed it)
/// one after the other, that quote another language than `lang`, with that language (see
/// [`crate::language::quoted_languages`]), as byte ranges of the runs' text together. A
/// redline's paragraph is two versions in one: its kept and inserted runs are the new
/// version, whose quotations they are in; its deleted runs are in the old version's, so that
/// a German minister's words keep their language however many of them changed.
pub fn quoted_languages(runs: &[(&str, Option<Change>)], lang: &str) -> Vec<(Range<usize>, &'static str)> {
    let version = |left_out: Change| -> String { runs.iter().filter(|r| r.1 != Some(left_out)).map(|r| r.0).collect() };
    if runs.iter().all(|r| r.1.is_none()) {
        return crate::language::quoted_languages(&version(Change::Deleted), lang);
    }
    // The new version, then the old: each one's quotations, the next not yet begun, those
    // begun and not ended (outer first, each with where its piece is in `out`), and where in
    // its text the run is. (Quotations are in order, as runs are: one pass.)
    let left_out = [Change::Deleted, Change::Inserted];
    let mut versions = left_out.map(|l| Version {
        quoted: crate::language::quoted_languages(&version(l), lang),
        next: 0,
        open: Vec::new(),
        from: 0,
    });
    // Each stretch with its language and how deep it is in others (0 for outermost).
    let mut out: Vec<(Range<usize>, &'static str, usize)> = Vec::new();
    // The stretches the run before reached.
    let mut ending: Vec<usize> = Vec::new();
    let mut at = 0;
    for &(text, change) in runs {
        let v = &mut versions[usize::from(change == Some(Change::Deleted))];
        let to = v.from + text.len();
        let mut here = std::mem::take(&mut v.open);
        here.retain(|(k, _)| v.quoted[*k].0.end > v.from);
        // (Not those that ended in runs of the other version's, behind.)
        while let Some((q, _)) = v.quoted.get(v.next).filter(|(q, _)| q.start < to) {
            if q.end > v.from {
                here.push((v.next, usize::MAX));
            }
            v.next += 1;
        }
        // (Those begun here nest as they are, in those still open.)
        let mut holding: Vec<usize> = Vec::new();
        let mut touched = Vec::new();
        for (k, piece_at) in &mut here {
            let (q, l) = &v.quoted[*k];
            while holding.last().is_some_and(|&h| v.quoted[h].0.end <= q.start) {
                holding.pop();
            }
            let depth = holding.len();
            holding.push(*k);
            let piece = at + q.start.max(v.from) - v.from..at + q.end.min(to) - v.from;
            // (Its piece in the run before, or the old version's and the new one's quotations,
            // one after the other, as deep, in the same language: one stretch.)
            let before = Some(*piece_at).into_iter().chain(ending.iter().copied());
            let same = before
                .filter(|&e| out.get(e).is_some_and(|o| o.0.end == piece.start))
                .find(|&e| e == *piece_at || (out[e].1 == *l && out[e].2 == depth));
            match same {
                Some(e) => {
                    out[e].0.end = piece.end;
                    *piece_at = e;
                }
                None => {
                    *piece_at = out.len();
                    out.push((piece, l, depth));
                }
            }
            touched.push(*piece_at);
        }
        ending = touched;
        here.retain(|(k, _)| v.quoted[*k].0.end > to);
        v.open = here;
        for (v, l) in versions.iter_mut().zip(left_out) {
            if change != Some(l) {
                v.from += text.len();
            }
        }
        at += text.len();
    }
    out.into_iter().map(|(q, l, _)| (q, l)).collect()
}

/// One version of a redline's paragraph, as [`quoted_languages`] goes through its runs.
struct Version {
    quoted: Vec<(Range<usize>, &'static str)>,
    next: usize,
    open: Vec<(usize, usize)>,
    from: usize,
}

/// Where a walk through a paragraph's quoted stretches ([`quoted_languages`]) is, from one
/// inline to the next: the next stretch not begun, and those begun and not ended, outer
/// first. The stretches are in order, each before those it holds, as the inlines are, so a
/// paragraph takes one pass over them.
#[derive(Debug, Default)]
pub struct Quoting {
    next: usize,
    open: Vec<usize>,
}

/// What [`Quoting::walk`] meets: a stretch that opens (or goes on from the inline before),
/// a piece of text with the stretches it is in (their indices, outer first), a stretch that
/// closes (or goes on in the next inline).
pub enum Quoted<'o> {
    Open(usize),
    Text(Range<usize>, &'o [usize]),
    Close,
}

impl Quoting {
    /// The text from byte `at` to byte `end` of the paragraph, cut where its `quoted`
    /// stretches begin and end: the stretches open at `at` opened first, those still open at
    /// `end` closed last.
    pub fn walk(&mut self, quoted: &[(Range<usize>, &str)], (at, end): (usize, usize), f: &mut dyn FnMut(Quoted<'_>)) {
        // (Those open hold `at`, outer first: a stretch begun before `at` and not ended joins them.)
        self.open.retain(|&k| quoted[k].0.end > at);
        while let Some((q, _)) = quoted.get(self.next).filter(|(q, _)| q.start <= at) {
            if q.end > at {
                self.open.push(self.next);
            }
            self.next += 1;
        }
        for &k in &self.open {
            f(Quoted::Open(k));
        }
        let mut from = at;
        while from < end {
            let ends = self.open.last().map_or(end, |&k| quoted[k].0.end.min(end));
            let begins = quoted.get(self.next).map_or(end, |(q, _)| q.start.min(end));
            let to = ends.min(begins);
            if to > from {
                f(Quoted::Text(from..to, &self.open));
            }
            from = to;
            if to < end && to == ends {
                self.open.pop();
                f(Quoted::Close);
            } else if to < end {
                f(Quoted::Open(self.next));
                self.open.push(self.next);
                self.next += 1;
            }
        }
        for _ in 0..self.open.len() {
            f(Quoted::Close);
        }
    }
}
