//! A stretch of text too long to compare token by token, compared sentence by sentence first.

use std::ops::Range;

use super::count::Words;
use super::sequences::{diff, Op};
use super::tokens::{Latin, Token};
use super::words::{diff_tokens, key_of, push, Key, BREAK};
use crate::markdown::Inline;

/// Two stretches too long to compare token by token, compared sentence by sentence: the
/// sentences both have are kept, and the tokens of those that differ compared ([`diff`]
/// cuts a stretch past [`LONGEST`](super::sequences::LONGEST) at the words each version has once). (text41a F41a-26: a
/// Japanese paragraph of over 10,000 characters, compared character by character, with two
/// edits far apart, was replaced whole.)
pub(super) fn by_sentences<'t>(
    old: &[Token<'t>],
    new: &[Token<'t>],
    out: &mut Vec<Inline>,
    (latin, words): (Latin, &mut Words),
) {
    let (x, y) = (sentences(old), sentences(new));
    let keys = |ts: &[Token<'t>], spans: &[Range<usize>]| -> Vec<Vec<Key<'t>>> {
        spans.iter().map(|s| ts[s.clone()].iter().map(key_of).collect()).collect()
    };
    // The tokens of sentences `k`: from the first one's start to the last one's end.
    let tokens = |spans: &[Range<usize>], k: Range<usize>| match (spans.get(k.start), k.end.checked_sub(1)) {
        (Some(first), Some(last)) if !k.is_empty() => first.start..spans[last].end,
        _ => 0..0,
    };
    // (The keys, as many as the tokens, are let go before the tokens are compared.)
    let ops = diff(&keys(old, &x), &keys(new, &y), words.budget);
    for Op { same, old: o, new: n, .. } in ops {
        let (o, n) = (tokens(&x, o), tokens(&y, n));
        if same {
            push(out, &new[n], None, (latin, words));
        } else {
            // (Past [`LONGEST`](super::sequences::LONGEST) too: [`diff`] cuts it at the words each has once, text48b F48b-6.)
            diff_tokens(&old[o], &new[n], out, (latin, &mut *words));
        }
    }
}

/// Where the sentences of `tokens` start and end: after a token that ends one (`。`, `？`,
/// `.`, `!`, a paragraph's end), and the rest.
fn sentences(tokens: &[Token]) -> Vec<Range<usize>> {
    let ends = |t: &Token| {
        let word = t.0.trim_end();
        word.contains(BREAK) || word.ends_with(['。', '．', '！', '？', '.', '!', '?'])
    };
    let mut spans = Vec::new();
    let mut start = 0;
    for (k, t) in tokens.iter().enumerate() {
        if ends(t) {
            spans.push(start..k + 1);
            start = k + 1;
        }
    }
    if start < tokens.len() {
        spans.push(start..tokens.len());
    }
    spans
}
