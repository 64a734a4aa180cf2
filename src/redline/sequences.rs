//! Two sequences (of words, characters or blocks) compared within a budget of comparisons.

use std::cell::Cell as Counter;
use std::hash::Hash;
use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::algorithms::{myers, Capture, Replace};
use similar::DiffTag;

use crate::markdown::Change;

/// How many comparisons of two words, characters or blocks one redline may make, all its
/// parts together. The comparison of two runs of text (or of blocks) costs up to the square
/// of their length when they differ everywhere; a run is compared only when that square fits
/// in what is left, and what it really cost is then taken off. Past it, what differs is shown
/// as the old deleted and the new inserted, whole. The bound is a count, not a time, so the
/// same input always gives the same redline; it is far beyond any briefing a person wrote
/// (a thousand paragraphs rewritten word by word take a fifth of it). At 200 million, two
/// versions of 2 MB of mixed Japanese and Latin, every paragraph rewritten, took 3.7 s to
/// compare, before the redline was laid out.
pub const BUDGET: u64 = 100_000_000;

/// The longest stretch (of words, characters or blocks, both versions together, after what
/// they start and end with in common) compared element by element.
pub(super) const LONGEST: usize = 10_000;

/// One stretch of two sequences: equal, or `old` replaced by `new` (either may be empty).
#[derive(Clone)]
pub(super) struct Op {
    pub(super) same: bool,
    pub(super) old: Range<usize>,
    pub(super) new: Range<usize>,
    /// Whether this changed stretch (or a part of it) was not compared element by element,
    /// but replaced whole: past [`LONGEST`] with no element each version has once to cut it
    /// at, or past the budget. It marks more than changed, which is said (text48b F48b-6).
    pub(super) whole: bool,
}

/// An element as a number the diff compares, counting the comparisons it makes.
struct Counted<'c> {
    id: u32,
    count: &'c Counter<u64>,
}

impl PartialEq for Counted<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.count.set(self.count.get() + 1);
        self.id == other.id
    }
}

/// Compares two sequences (Myers' diff) within `budget`: what they start and end with in
/// common is equal; the stretch between is compared element by element when its worst cost
/// fits in `budget` and it is at most [`LONGEST`] long. A longer stretch is first cut at the
/// elements it has once in each version, in the same order ([`anchors`], as patience diff
/// does), and each piece between is compared so, in turn: a few words changed in a paragraph
/// of 7,000 were "6001 words inserted, 6001 deleted" (text48b F48b-6). What is still past the
/// bound is one replacement, marked [`Op::whole`].
pub(super) fn diff<T: Hash + Eq>(old: &[T], new: &[T], budget: &mut u64) -> Vec<Op> {
    let mut ops = Vec::new();
    diff_within(old, new, budget, DEPTH, &mut ops);
    ops
}

/// How many times a stretch past [`LONGEST`] is cut at its anchors, piece within piece.
const DEPTH: usize = 4;

/// [`diff`] of `old` and `new`, onto `ops` (each joined to the last when of the same kind).
fn diff_within<T: Hash + Eq>(old: &[T], new: &[T], budget: &mut u64, depth: usize, ops: &mut Vec<Op>) {
    let mut add = |same: bool, o: Range<usize>, n: Range<usize>, whole: bool| match ops.last_mut() {
        Some(last) if last.same == same && last.old.end == o.start && last.new.end == n.start => {
            (last.old.end, last.new.end) = (o.end, n.end);
            last.whole |= whole;
        }
        _ => ops.push(Op { same, old: o, new: n, whole }),
    };
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (o, n) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    if prefix > 0 {
        add(true, 0..prefix, 0..prefix, false);
    }
    let size = o.len() + n.len();
    let worst = (size as u64).saturating_mul(size as u64);
    if o.is_empty() || n.is_empty() || worst > *budget && size <= LONGEST {
        if size > 0 {
            // (Past the budget, both versions have text here that was not compared.)
            add(false, o.clone(), n.clone(), !o.is_empty() && !n.is_empty());
        }
    } else if size > LONGEST {
        // (Finding the anchors reads each element once: its cost is taken off too.)
        *budget = budget.saturating_sub(size as u64);
        let found = if depth > 0 && *budget > 0 { anchors(&old[o.clone()], &new[n.clone()]) } else { Vec::new() };
        if found.is_empty() {
            add(false, o.clone(), n.clone(), true);
        } else {
            let (mut i, mut j) = (o.start, n.start);
            for (x, y) in found {
                let (x, y) = (x + o.start, y + n.start);
                let mut piece = Vec::new();
                diff_within(&old[i..x], &new[j..y], budget, depth - 1, &mut piece);
                for op in piece {
                    add(op.same, op.old.start + i..op.old.end + i, op.new.start + j..op.new.end + j, op.whole);
                }
                add(true, x..x + 1, y..y + 1, false);
                (i, j) = (x + 1, y + 1);
            }
            let mut piece = Vec::new();
            diff_within(&old[i..o.end], &new[j..n.end], budget, depth - 1, &mut piece);
            for op in piece {
                add(op.same, op.old.start + i..op.old.end + i, op.new.start + j..op.new.end + j, op.whole);
            }
        }
    } else {
        let count = Counter::new(0);
        let mut ids: FxHashMap<&T, u32> = FxHashMap::default();
        let mut key = |x| {
            let next = ids.len() as u32;
            Counted { id: *ids.entry(x).or_insert(next), count: &count }
        };
        let a: Vec<Counted> = old[o.clone()].iter().map(&mut key).collect();
        let b: Vec<Counted> = new[n.clone()].iter().map(&mut key).collect();
        let mut hook = Replace::new(Capture::default());
        let Ok(()) = myers::diff(&mut hook, &a, 0..a.len(), &b, 0..b.len());
        *budget = budget.saturating_sub(count.get());
        for op in hook.into_inner().into_ops() {
            let (tag, x, y) = op.as_tag_tuple();
            let shift = |r: Range<usize>| r.start + prefix..r.end + prefix;
            add(tag == DiffTag::Equal, shift(x), shift(y), false);
        }
    }
    if suffix > 0 {
        add(true, old.len() - suffix..old.len(), new.len() - suffix..new.len(), false);
    }
}

/// The elements each version has exactly once, at their index in OLD and in NEW, the longest
/// run of them in the same order in both (patience sorting: n log n).
fn anchors<T: Hash + Eq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    // (Times in OLD, in NEW, and the last index in each.)
    let mut seen: FxHashMap<&T, (u32, u32, usize, usize)> = FxHashMap::default();
    for (i, x) in old.iter().enumerate() {
        let e = seen.entry(x).or_insert((0, 0, 0, 0));
        (e.0, e.2) = (e.0.saturating_add(1), i);
    }
    for (j, y) in new.iter().enumerate() {
        if let Some(e) = seen.get_mut(y) {
            (e.1, e.3) = (e.1.saturating_add(1), j);
        }
    }
    let mut pairs: Vec<(usize, usize)> =
        seen.into_values().filter(|e| e.0 == 1 && e.1 == 1).map(|e| (e.2, e.3)).collect();
    pairs.sort_unstable();
    // The longest increasing run of NEW's indices: `tops[k]`, the pair ending the best run of
    // k + 1 so far; `back`, each pair's predecessor.
    let (mut tops, mut back): (Vec<usize>, Vec<Option<usize>>) = (Vec::new(), Vec::with_capacity(pairs.len()));
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tops.partition_point(|&t| pairs[t].1 < j);
        back.push(at.checked_sub(1).map(|p| tops[p]));
        if at == tops.len() {
            tops.push(k);
        } else {
            tops[at] = k;
        }
    }
    let mut run = Vec::with_capacity(tops.len());
    let mut at = tops.last().copied();
    while let Some(k) = at {
        run.push(pairs[k]);
        at = back[k];
    }
    run.reverse();
    run
}

/// One step through two sequences: indices into OLD and NEW.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    /// Equal in both: the index in OLD and in NEW.
    Same(usize, usize),
    /// Differs: the index in OLD and in NEW, to compare further.
    Pair(usize, usize),
    /// Only in OLD (`Deleted`) or only in NEW (`Inserted`): the index there.
    Only(Change, usize),
}

/// Aligns two sequences: elements equal in both, then pairs of replaced ones, deleted
/// before inserted where one side has more.
pub(super) fn align<T: Hash + Eq>(old: &[T], new: &[T], budget: &mut u64) -> Vec<Step> {
    let mut steps = Vec::new();
    for op in diff(old, new, budget) {
        steps.extend(op.steps());
    }
    steps
}

/// [`align`] by a key of each element (a code line without its indentation, a list item by
/// its own text): elements whose keys are equal are aligned, the same when they are, else a
/// pair to compare further.
pub(super) fn align_by<'a, T: Eq, K: Hash + Eq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
    budget: &mut u64,
) -> Vec<Step> {
    let keys = |xs: &'a [T]| xs.iter().map(&key).collect::<Vec<K>>();
    let steps = align(&keys(old), &keys(new), budget);
    steps
        .into_iter()
        .map(|step| match step {
            Step::Same(i, j) if old[i] != new[j] => Step::Pair(i, j),
            step => step,
        })
        .collect()
}

impl Op {
    /// The op as steps: each element equal in both, or pairs of replaced ones, deleted
    /// before inserted where one side has more.
    pub(super) fn steps(self) -> Vec<Step> {
        let Op { same, old: o, new: n, .. } = self;
        if same {
            return o.zip(n).map(|(i, j)| Step::Same(i, j)).collect();
        }
        let paired = o.len().min(n.len());
        let mut steps: Vec<Step> = (0..paired).map(|k| Step::Pair(o.start + k, n.start + k)).collect();
        steps.extend((o.start + paired..o.end).map(|i| Step::Only(Change::Deleted, i)));
        steps.extend((n.start + paired..n.end).map(|j| Step::Only(Change::Inserted, j)));
        steps
    }
}
