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
/// fits in `budget` and it is at most [`LONGEST`] long, else it is one replacement.
pub(super) fn diff<T: Hash + Eq>(old: &[T], new: &[T], budget: &mut u64) -> Vec<Op> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (o, n) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    let mut ops = Vec::new();
    if prefix > 0 {
        ops.push(Op { same: true, old: 0..prefix, new: 0..prefix });
    }
    let size = o.len() + n.len();
    let worst = (size as u64).saturating_mul(size as u64);
    if o.is_empty() || n.is_empty() || size > LONGEST || worst > *budget {
        if size > 0 {
            ops.push(Op { same: false, old: o.clone(), new: n.clone() });
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
            ops.push(Op { same: tag == DiffTag::Equal, old: shift(x), new: shift(y) });
        }
    }
    if suffix > 0 {
        ops.push(Op { same: true, old: old.len() - suffix..old.len(), new: new.len() - suffix..new.len() });
    }
    ops
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
        let Op { same, old: o, new: n } = self;
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
