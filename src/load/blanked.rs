//! What the syntax errors of a file blanked out before the rest of it was read, and which
//! problems of the rest follow from them (and so are not reported again).

use std::collections::HashSet;

use super::slips;
use crate::diag::Diagnostic;

/// What the syntax errors of a file blanked out before the rest of it was read (see
/// [`tree::Recovered`]): a problem found there, in a mapping or list that held it, at a key
/// that held it (`title:` above a broken `ja:`), or a field missing because its key was
/// there, follows from a syntax error reported already.
#[derive(Debug, Default, Clone)]
pub struct Blanked {
    /// What was blanked, each from the start of the nearest key that holds it (`organisation:`
    /// above `  ja "総務省"`, which YAML read as more of `en:`'s value), or else with the line
    /// above it when that line's key takes its value from the lines below (`body: |` above
    /// text indented too little).
    ranges: Vec<std::ops::Range<usize>>,
    /// The keys written on the blanked lines.
    keys: HashSet<String>,
    /// Where the keys that hold a blanked line start: each line above it indented less.
    holders: HashSet<usize>,
}

impl Blanked {
    pub(super) fn new(text: &str, blanked: Vec<std::ops::Range<usize>>) -> Blanked {
        let keys = blanked
            .iter()
            .flat_map(|r| text.get(r.clone()).unwrap_or("").lines())
            .filter_map(slips::key_on)
            .map(str::to_string)
            .collect();
        let ranges: Vec<_> = blanked
            .into_iter()
            .map(|r| {
                let above = text[..r.start].trim_end_matches(['\n', '\r']);
                let line = above.rfind('\n').map_or(0, |i| i + 1);
                if r.start > 0 && slips::opens_value(&above[line..]) {
                    line..r.end
                } else {
                    r
                }
            })
            .collect();
        let (holders, ranges) = blanked_holders(text, ranges);
        Blanked { ranges, keys, holders }
    }

    /// Whether `d` follows from a syntax error (and so repeats it).
    pub fn follows(&self, d: &Diagnostic) -> bool {
        if self.ranges.is_empty() {
            return false;
        }
        let missing = d.message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`'));
        if missing.is_some_and(|key| self.keys.contains(key)) {
            return true;
        }
        let Some(span) = d.span else { return false };
        self.holders.contains(&span.start)
            || self.ranges.iter().any(|r| r.contains(&span.start) || (span.start <= r.start && r.end <= span.end))
    }
}

/// Where the key of each line that holds a blanked range starts (going up from the range,
/// each key line indented less than the last one found), and each range from the start of
/// the nearest such line when it holds a mapping (a list's other items are not the broken
/// one's: they keep their problems).
fn blanked_holders(text: &str, ranges: Vec<std::ops::Range<usize>>) -> (HashSet<usize>, Vec<std::ops::Range<usize>>) {
    let content_of = |line: &str| line.trim_start_matches([' ', '-']).len();
    let mut holders = HashSet::new();
    let mut widened = Vec::with_capacity(ranges.len());
    for r in ranges {
        let first = text[r.start..].lines().next().unwrap_or("");
        let mut indent = first.len() - first.trim_start_matches(' ').len();
        let mut end = r.start;
        let mut nearest = None;
        while indent > 0 && end > 0 {
            let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
            let line = text[start..end - 1].trim_end_matches('\r');
            end = start;
            let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
            let own = line.len() - line.trim_start_matches(' ').len();
            if blank || own >= indent {
                continue;
            }
            indent = own;
            if slips::key_on(line).is_some() {
                holders.insert(start + line.len() - content_of(line));
                nearest = nearest.or(Some(start));
            }
        }
        let item = |line: &str| line.trim_start().starts_with("- ") || line.trim() == "-";
        let holds_list = |at: usize| {
            let mut below =
                text[at..].lines().skip(1).filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
            below.next().is_some_and(item)
        };
        let nearest = nearest.filter(|&n| !item(first) && !holds_list(n));
        widened.push(nearest.map_or(r.start, |n: usize| n.min(r.start))..r.end);
    }
    (holders, widened)
}
