//! Where the spaces around a change go, so that the redline read without its insertions is
//! the old text and read without its deletions the new, and no space stands before a mark
//! that closes on its word.

use crate::markdown::{Change, Inline};

/// Puts the spaces around a change where each version reads right, removed or inserted text
/// aside, and no space stands before a mark that closes on its word (`,` `:` `)` `”`…):
/// `field and` now `field: and` is `field[:] and`, not `field [:]and`; `2, October` now
/// `2 and October` is `2[,] [and] October`, which reads `2, October` and `2 and October`. A
/// mark that opens (`(`, `“`, `—`) keeps the space before it.
pub(super) fn spaces_after_punctuation(runs: &mut Vec<Inline>) {
    let spaced = |r: &Inline| r.text.trim_end() != r.text;
    let trim = |r: &mut Inline| r.text.truncate(r.text.trim_end().len());
    let space_of = |r: &Inline| r.text[r.text.trim_end().len()..].to_string();
    let mut k = 0;
    while k + 1 < runs.len() {
        let (start, end) = (k + 1, k + 1 + runs[k + 1..].iter().take_while(|r| r.change.is_some()).count());
        if runs[k].change.is_some() || end == start {
            k += 1;
            continue;
        }
        // A space only the old version had, after the kept word.
        let old_space =
            end - start >= 2 && runs[start].change == Some(Change::Deleted) && runs[start].text.trim().is_empty();
        let first = start + usize::from(old_space);
        let (d, i) = match runs[first..end].iter().map(|r| r.change).collect::<Vec<_>>()[..] {
            [Some(Change::Deleted), Some(Change::Inserted)] => (Some(first), Some(first + 1)),
            [Some(Change::Deleted)] => (Some(first), None),
            [Some(Change::Inserted)] => (None, Some(first)),
            _ => {
                k = end;
                continue;
            }
        };
        let closes = |at: Option<usize>| at.is_some_and(|at| closing(&runs[at]));
        let plain_space = |from: &Inline| Inline { text: space_of(from), change: None, ..from.clone() };
        // Where the space goes: after the change, between the deleted and the inserted text,
        // or into the deleted text (old only); `None`: where it is.
        let (space, at) = if old_space {
            match (d, i) {
                // `field ` now `field: `: the old space is the new one's, after the mark.
                (None, Some(i)) if closes(Some(i)) && spaced(&runs[i]) => {
                    let space = plain_space(&runs.remove(start));
                    trim(&mut runs[i - 1]);
                    (space, i)
                }
                _ => {
                    k = end;
                    continue;
                }
            }
        } else if spaced(&runs[k]) {
            let kept = plain_space(&runs[k]);
            let d_closes = d.is_none_or(|d| closing(&runs[d]) && spaced(&runs[d]));
            let i_closes = i.is_none_or(|i| closing(&runs[i]) && spaced(&runs[i]));
            if d_closes && i_closes {
                // Both versions close on the kept word: the space after both.
                trim(&mut runs[k]);
                d.into_iter().chain(i).for_each(|r| trim(&mut runs[r]));
                (kept, end)
            } else if let (Some(d), Some(i), true) = (d, i, d_closes) {
                // Only the old version's mark closes on it: the space between.
                trim(&mut runs[k]);
                trim(&mut runs[d]);
                (kept, i)
            } else if let (Some(d), Some(_), true) = (d, i, i_closes) {
                // Only the new one's: the old keeps its space, deleted with its words.
                let space = kept.text.clone();
                trim(&mut runs[k]);
                runs[d].text.insert_str(0, &space);
                k = end;
                continue;
            } else {
                k = end;
                continue;
            }
        } else if let (Some(d), Some(i)) = (d, i) {
            // A word and a mark replaced, both with a space after: the space after them.
            if !(spaced(&runs[d]) && spaced(&runs[i]) && (closes(Some(d)) || closes(Some(i)))) {
                k = end;
                continue;
            }
            let space = plain_space(&runs[i]);
            trim(&mut runs[d]);
            trim(&mut runs[i]);
            (space, end)
        } else {
            k = end;
            continue;
        };
        runs.insert(at, space);
        k = at + 1;
    }
}

/// Whether `run` starts with a mark that closes on the word before it (`,` `.` `:` `)` `”`
/// `…` `、` `。`), which no space comes before.
fn closing(run: &Inline) -> bool {
    run.text.chars().next().is_some_and(|c| ",.;:!?)]}”’»…%、。，．：；！？）」』】〕".contains(c))
}
