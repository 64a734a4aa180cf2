//! Bodies compared block by block, and text word by word (Latin) or character by character
//! (Japanese, and the Latin letters and digits in mostly Japanese text): the new text with
//! what was inserted and deleted marked.

use std::borrow::Cow;

use super::code::{code, diff_code};
use super::count::{count, Words};
use super::sentences::by_sentences;
use super::sequences::{align_by, diff, Op, Step, LONGEST};
use super::spaces::{self, Cut};
use super::tables::{diff_table, mark_cells};
use super::tokens::{inline_tokens, is_address, number_changes, number_marks, texts, words_of, Latin, Token};
use crate::markdown::{Block, Change, Inline};
use crate::script::is_break_hint;

/// Two bodies compared block by block.
pub(super) fn diff_blocks(old: &[Block], new: &[Block], words: &mut Words) -> Vec<Block> {
    if old == new {
        return new.to_vec();
    }
    let mut out = Vec::new();
    for op in diff(old, new, words.budget) {
        let (o, n) = (&old[op.old.clone()], &new[op.new.clone()]);
        if op.same || o.is_empty() || n.is_empty() {
            steps(op.steps(), old, new, words, &mut out);
            continue;
        }
        let (cut_o, cut_n) = (cut(o), cut(n));
        let alike = cut_o.len() == cut_n.len()
            && cut_o
                .iter()
                .zip(&cut_n)
                .all(|((_, a), (_, b))| a.map(std::mem::discriminant) == b.map(std::mem::discriminant));
        if !alike {
            steps(op.steps(), old, new, words, &mut out);
            continue;
        }
        // The same lists, tables, quotes… in both, between paragraphs: the paragraphs
        // between them compared together, so that a paragraph split in two, or two joined
        // into one, is not a paragraph changed and one deleted or inserted whole.
        for ((pa, a), (pb, b)) in cut_o.into_iter().zip(cut_n) {
            let plain = |ps: &[Block]| {
                ps.iter().all(|p| matches!(p, Block::Paragraph(i) if !i.iter().any(|i| i.text.contains(BREAK))))
            };
            if !pa.is_empty() && !pb.is_empty() && pa.len() != pb.len() && plain(pa) && plain(pb) {
                out.extend(diff_paragraphs(pa, pb, words));
            } else {
                let op = Op { same: false, old: 0..pa.len(), new: 0..pb.len(), whole: false };
                steps(op.steps(), pa, pb, words, &mut out);
            }
            if let (Some(a), Some(b)) = (a, b) {
                diff_block(a, b, words, &mut out);
            }
        }
    }
    out
}

/// `blocks` cut before each block that is not a paragraph: the paragraphs before it, and it;
/// last, the paragraphs after the last.
fn cut(blocks: &[Block]) -> Vec<(&[Block], Option<&Block>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, b) in blocks.iter().enumerate() {
        if !matches!(b, Block::Paragraph(_)) {
            out.push((&blocks[start..k], Some(b)));
            start = k + 1;
        }
    }
    out.push((&blocks[start..], None));
    out
}

/// The blocks of `steps` through OLD and NEW, compared, marked or kept.
fn steps(steps: Vec<Step>, old: &[Block], new: &[Block], words: &mut Words, out: &mut Vec<Block>) {
    for step in steps {
        match step {
            Step::Same(_, j) => out.push(new[j].clone()),
            Step::Pair(i, j) => diff_block(&old[i], &new[j], words, out),
            Step::Only(Change::Deleted, i) => out.extend(mark_block(&old[i], Change::Deleted, words)),
            Step::Only(Change::Inserted, j) => out.extend(mark_block(&new[j], Change::Inserted, words)),
        }
    }
}

/// Where a paragraph ends, in paragraphs run together to be compared as one text: a
/// character no one types (a private use one), neither a letter nor a space.
pub(super) const BREAK: char = '\u{E000}';

/// Paragraphs of OLD and NEW compared as one text each: the new paragraphs, with what was
/// deleted and inserted marked. Where the new text breaks, a paragraph ends; where only the
/// old text did, the break is gone.
fn diff_paragraphs(old: &[Block], new: &[Block], words: &mut Words) -> Vec<Block> {
    let joined = |blocks: &[Block]| -> Vec<Inline> {
        let mut out = Vec::new();
        for (k, b) in blocks.iter().enumerate() {
            if k > 0 {
                out.push(Inline { text: format!(" {BREAK} "), ..Inline::default() });
            }
            if let Block::Paragraph(inlines) = b {
                out.extend(inlines.iter().cloned());
            }
        }
        out
    };
    let (a, b) = (joined(old), joined(new));
    let mut paragraphs: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in diff_inlines(&a, &b, words) {
        if inline.change == Some(Change::Deleted) {
            let text = inline.text.replace(&format!(" {BREAK} "), " ").replace(BREAK, "");
            // (The space of a break gone is no text deleted.)
            if let Some(p) = paragraphs.last_mut().filter(|_| !text.trim().is_empty()) {
                p.push(Inline { text, ..inline });
            }
            continue;
        }
        for (k, part) in inline.text.split(BREAK).enumerate() {
            if k > 0 {
                paragraphs.push(Vec::new());
            }
            if let Some(p) = paragraphs.last_mut() {
                p.push(Inline { text: part.to_string(), ..inline.clone() });
            }
        }
    }
    paragraphs.into_iter().map(|p| Block::Paragraph(trimmed(p))).collect()
}

/// Runs without the spaces they start and end with, and without the runs left empty.
fn trimmed(mut runs: Vec<Inline>) -> Vec<Inline> {
    // (Only the spaces a break stands with: an ideographic space typed to indent a
    // Japanese paragraph stays.)
    runs.retain(|r| !r.text.is_empty());
    while let Some(last) = runs.last_mut() {
        last.text.truncate(last.text.trim_end_matches(' ').len());
        if !last.text.is_empty() {
            break;
        }
        runs.pop();
    }
    while let Some(first) = runs.first_mut() {
        first.text = first.text.trim_start_matches(' ').to_string();
        if !first.text.is_empty() {
            break;
        }
        runs.remove(0);
    }
    // Runs that look the same, parted by what was taken out between them, are one again.
    join_alike(&mut runs, 0);
    runs
}

/// Two different blocks at the same place: compared inside when of the same kind, else the
/// old one deleted and the new one inserted.
fn diff_block(old: &Block, new: &Block, words: &mut Words, out: &mut Vec<Block>) {
    if let Some(table) = diff_table(old, new, words) {
        out.push(table);
        return;
    }
    let block = match (old, new) {
        (Block::Paragraph(a), Block::Paragraph(b)) => Block::Paragraph(diff_inlines(a, b, words)),
        (Block::Heading(_, a), Block::Heading(l, b)) => Block::Heading(*l, diff_inlines(a, b, words)),
        (Block::Quote(a), Block::Quote(b)) => Block::Quote(diff_blocks(a, b, words)),
        (Block::Code(a), Block::Code(b)) => Block::MarkedCode(diff_code(a, b, words)),
        (
            Block::List { start: old_start, items: a, markers: am, .. },
            Block::List { start, items: b, markers: bm, .. },
        ) => {
            let (mut items, mut markers, mut changed) = (Vec::new(), Vec::new(), Vec::new());
            // A number typed differently (`1.` now `3.`): the old one is shown deleted, the
            // new one inserted.
            // So is a list's kind changed: numbers now bullets, or bullets now numbers (text38b
            // F38b-8: unmarked), a bullet shown as the reader saw it.
            // (So is a sign of pros and cons, `+` now `-`: F47a-10; read once a list, not an item.)
            let (old_signs, signs) = (crate::markdown::signed(am), crate::markdown::signed(bm));
            let numbered =
                old_start.is_some() && start.is_some() || old_start.or(*start).is_none() && (old_signs || signs);
            let kind_changed = old_start.is_some() != start.is_some();
            let seen =
                |marker: &str| if old_start.is_some() || old_signs { marker.to_string() } else { "•".to_string() };
            let renumber = |item: Vec<Block>, i: usize, j: usize, words: &mut Words| match (am.get(i), bm.get(j)) {
                (Some(was), Some(is)) if (numbered && was != is) || kind_changed => {
                    renumber(item, (&seen(was), is), words)
                }
                _ => (item, None),
            };
            // Items are aligned by their own text (their first block), not by what is nested
            // in them: two items swapped, a sublist moving from one to the other, are one
            // item moved (deleted there, inserted here), not both rewritten word by word.
            for step in align_by(a, b, |item| item.first(), words.budget) {
                // (The number or bullet of an item deleted or inserted is marked with it.)
                let ((item, change), marker) = match step {
                    Step::Same(i, j) => (renumber(b[j].clone(), i, j, words), bm.get(j)),
                    Step::Pair(i, j) => (renumber(diff_blocks(&a[i], &b[j], words), i, j, words), bm.get(j)),
                    Step::Only(change @ Change::Deleted, i) => {
                        ((mark_blocks(&a[i], change, words), Some(change)), am.get(i))
                    }
                    Step::Only(change @ Change::Inserted, j) => {
                        ((mark_blocks(&b[j], change, words), Some(change)), bm.get(j))
                    }
                };
                // (The number of an item deleted or inserted counts as a word, as a number
                // typed anew does.)
                if let (Step::Only(change, _), Some(marker), Some(_)) = (step, marker, start) {
                    count(marker, None, Some(change), (Latin::Words, words));
                }
                items.push(item);
                markers.push(marker.cloned().unwrap_or_default());
                changed.push(change);
            }
            Block::List { start: *start, items, markers, changed }
        }
        _ => {
            out.extend(mark_block(old, Change::Deleted, words));
            out.extend(mark_block(new, Change::Inserted, words));
            return;
        }
    };
    out.push(block);
}

/// A list item whose number was typed differently: its old number (`1.`), deleted, before
/// its text, and how its new number is marked when it is shown so: inserted. (The new one is
/// its label; each counts as a word.)
fn renumber(mut item: Vec<Block>, (was, is): (&str, &str), words: &mut Words) -> (Vec<Block>, Option<Change>) {
    let Some(Block::Paragraph(inlines)) = item.first_mut() else { return (item, None) };
    count(is, None, Some(Change::Inserted), (Latin::Words, words));
    let mut old = Vec::new();
    let number = format!("{was} ");
    push(&mut old, &[(&number, false, false, false, None, false)], Some(Change::Deleted), (Latin::Words, words));
    old.append(inlines);
    *inlines = old;
    (item, Some(Change::Inserted))
}

pub(super) fn mark_blocks(blocks: &[Block], change: Change, words: &mut Words) -> Vec<Block> {
    blocks.iter().filter_map(|b| mark_block(b, change, words)).collect()
}

/// A block with all its text marked `change`. A code block becomes a marked one;
/// a deleted rule, which has nothing to mark, is left out.
fn mark_block(block: &Block, change: Change, words: &mut Words) -> Option<Block> {
    Some(match block {
        Block::Paragraph(i) => Block::Paragraph(mark_inlines(i, change, words)),
        Block::Heading(l, i) => Block::Heading(*l, mark_inlines(i, change, words)),
        Block::List { start, items, markers, .. } => {
            // (Its numbers marked count as words, as in a list compared.)
            if start.is_some() {
                markers.iter().for_each(|m| count(m, None, Some(change), (Latin::Words, words)));
            }
            Block::List {
                start: *start,
                items: items.iter().map(|it| mark_blocks(it, change, words)).collect(),
                markers: markers.clone(),
                changed: vec![Some(change); items.len()],
            }
        }
        Block::Table { aligns, header, rows } => Block::Table {
            aligns: aligns.clone(),
            header: mark_cells(header, change, words),
            rows: rows.iter().map(|r| mark_cells(r, change, words)).collect(),
        },
        Block::Quote(inner) => Block::Quote(mark_blocks(inner, change, words)),
        Block::Code(lines) => Block::MarkedCode(mark_inlines(&code(lines), change, words)),
        Block::MarkedCode(i) => Block::MarkedCode(mark_inlines(i, change, words)),
        Block::Rule if change == Change::Deleted => return None,
        Block::Rule => Block::Rule,
    })
}

pub(super) fn mark_inlines(inlines: &[Inline], change: Change, words: &mut Words) -> Vec<Inline> {
    let mut out = Vec::new();
    push(&mut out, &inline_tokens(inlines), Some(change), (Latin::of(texts(inlines)), words));
    out
}

/// A topic's title that changed, word by word: the new title with what was deleted and
/// inserted marked, its words counted with the topic's (listed as a field too).
pub(super) fn diff_title(old: &str, new: &str, words: &mut Words) -> Vec<Inline> {
    let run = |text: &str| [Inline { text: text.to_string(), ..Inline::default() }];
    diff_inlines(&run(old), &run(new), words)
}

/// A token as the comparison sees it: its word without the spaces after it (`end` and `end `
/// are the same word) or any break hint (`Work\u{AD}shop`, `co\u{200B}operation` read the same,
/// and are printed as the new version has them, unmarked), its look, and whether it is in a
/// link, but not the link's address: the address, printed after the words, shows the change
/// (`the agreement (https://…)`), and the words are not struck and inserted again.
pub(super) type Key<'t> = (Cow<'t, str>, bool, bool, bool, bool, bool);

pub(super) fn key_of<'t>(t: &Token<'t>) -> Key<'t> {
    let word = t.0.trim_end_matches(|c: char| c.is_whitespace() || is_break_hint(c));
    let word = if word.contains(is_break_hint) {
        Cow::Owned(word.chars().filter(|&c| !is_break_hint(c)).collect())
    } else {
        Cow::Borrowed(word)
    };
    (word, t.1, t.2, t.3, t.4.is_some(), t.5)
}

/// Two runs of text compared token by token, both split the same way: a word kept is the
/// same token in both.
pub(super) fn diff_inlines<'a>(old: &'a [Inline], new: &'a [Inline], words: &mut Words) -> Vec<Inline> {
    let latin = Latin::of(texts(old).chain(texts(new)));
    let (a, b) = (inline_tokens(old), inline_tokens(new));
    let mut out = Vec::new();
    // A stretch past [`LONGEST`] is compared by sentence ([`by_sentences`]; not from twice it:
    // 5 characters changed of 8,000 were 6,101, text48b F48b-6), what both start and end with
    // kept, straight from the tokens (paired through [`diff_tokens`]'s stretches, they were
    // copied over and over: two 4 MiB texts took 1.7 GB, text40b F40b-9).
    if a.len() + b.len() > LONGEST {
        let same = |x: &Token<'a>, y: &Token<'a>| key_of(x) == key_of(y);
        let front = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
        let back = a[front..].iter().rev().zip(b[front..].iter().rev()).take_while(|(x, y)| same(x, y)).count();
        if a.len() + b.len() - 2 * (front + back) > LONGEST {
            push(&mut out, &b[..front], None, (latin, words));
            by_sentences(&a[front..a.len() - back], &b[front..b.len() - back], &mut out, (latin, words));
            push(&mut out, &b[b.len() - back..], None, (latin, words));
            return out;
        }
    }
    diff_tokens(&a, &b, &mut out, (latin, words));
    out
}

/// Two runs of tokens compared token by token, onto `out`.
pub(super) fn diff_tokens<'t>(
    a: &[Token<'t>],
    b: &[Token<'t>],
    out: &mut Vec<Inline>,
    (latin, words): (Latin, &mut Words),
) {
    let key = |ts: &[Token<'t>]| ts.iter().map(key_of).collect::<Vec<_>>();
    // The stretch since the last word kept, in each version: the space after that word, then
    // the tokens changed; and the link the new tokens are all within, if any.
    let (mut was, mut is): (Vec<Token>, Vec<Token>) = (Vec::new(), Vec::new());
    let mut within: Option<Option<&str>> = None;
    let ops = diff(&key(a), &key(b), words.budget);
    for (k, Op { same, old: o, new: n, whole }) in ops.iter().cloned().enumerate() {
        if !same {
            if whole {
                words.compared_whole(&a[o.clone()], &b[n.clone()], latin);
            }
            // Inside a link whose address changed (`report (https://…/old)` → `…/new)`), the
            // old words, deleted, are part of the one link the new text has, not a link of
            // their own; the old address, printed, still leads where it says ([`stretch`]).
            let link = n.start.checked_sub(1).and_then(|k| b[k].4);
            let inside = a[o.clone()].iter().all(|t| t.4.is_some()) && b[n.clone()].iter().all(|t| t.4 == link);
            within = Some(link.filter(|_| inside && within.is_none_or(|w| w == link)));
            was.extend_from_slice(&a[o]);
            is.extend_from_slice(&b[n]);
            continue;
        }
        let last = o.end - 1;
        for (x, y) in a[o.clone()].iter().zip(&b[n]) {
            // A sign or a currency symbol changed before a number kept (`-5` now `5`, `$5`
            // now `€5`) changes the number: it is replaced whole, and counts as a word
            // (text43b F43b-10: "punctuation or spacing only", the minus struck alone).
            // So does one after it (`5 €` now `5 $`, `5%` now `5`: text44b F44b-7): the number
            // goes into the change that follows it.
            let next = ops.get(k + 1).filter(|_| std::ptr::eq(x, &a[last]));
            let after = next.map(|next| (&a[next.old.clone()], &b[next.new.clone()]));
            if number_changes((&was, x, &[]), (&is, y, &[]))
                || after.is_some_and(|(gone, come)| number_changes((&[], x, gone), (&[], y, come)))
            {
                was.push(*x);
                is.push(*y);
                continue;
            }
            stretch(out, (std::mem::take(&mut was), std::mem::take(&mut is)), within.flatten(), (latin, words));
            let ((_, gone), (word, space)) = (
                split(std::slice::from_ref(x), x.0.trim_end().len()),
                split(std::slice::from_ref(y), y.0.trim_end().len()),
            );
            push(out, &word, None, (latin, words));
            (was, is, within) = (gone, space, None);
        }
    }
    stretch(out, (was, is), within.flatten(), (latin, words));
}

/// A changed stretch ([`spaces::cut`]): the spaces both versions have kept, the rest of
/// OLD deleted and of NEW inserted; inside `link` when the new text is all within one, but
/// for an old address deleted, which still leads to itself: struck, it reads what the link
/// was, and a click on it goes there, not to the new address. (Its own: each version is let
/// go once cut.)
fn stretch<'t>(
    out: &mut Vec<Inline>,
    (old, new): (Vec<Token<'t>>, Vec<Token<'t>>),
    link: Option<&'t str>,
    (latin, words): (Latin, &mut Words),
) {
    // (Mostly the same space after a word kept in both: compared before it is copied.)
    if set(&old).eq(set(&new)) {
        push(out, &new, None, (latin, words));
        return;
    }
    let text = |ts: &[Token]| ts.iter().map(|t| t.0).collect::<String>();
    let (was, is) = (text(&old), text(&new));
    let (kept, mut deleted, space, inserted, after) = if was == is {
        // The same text set otherwise (`*word*` now `**word**`): the words whose look changed
        // are deleted in the old look and inserted in the new, so that the change shows.
        let front = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let back = old[front..].iter().rev().zip(new[front..].iter().rev()).take_while(|(a, b)| a == b).count();
        let (o, n) = (&old[front..old.len() - back], &new[front..new.len() - back]);
        (new[..front].to_vec(), o.to_vec(), Vec::new(), n.to_vec(), new[new.len() - back..].to_vec())
    } else {
        let Cut { lead, middle, tail } = spaces::cut(&was, &is);
        // (In one pass each, a version let go once cut: two versions of 4 MiB of `&#7;`, 4
        // million tokens each, held 1.8 GB, each piece cut from a copy of the rest.)
        let gone = was.len() - middle - tail;
        let [_, deleted, ..] = pieces(&old, [lead, gone, gone]);
        drop(old);
        let [kept, space, inserted, after] = pieces(&new, [lead, lead + middle, is.len() - tail]);
        (kept, deleted, space, inserted, after)
    };
    if link.is_some() {
        deleted.iter_mut().filter(|t| !is_address(t.0, t.4)).for_each(|t| t.4 = link);
    }
    push(out, &kept, None, (latin, words));
    let from = out.len();
    // The same letters and digits in both, only a mark between them changed (`Japan-EU` now
    // `Japan–EU`, `AI-based` now `AI based`): a punctuation mark changed, no word (text42b
    // F42b-3: "2 words inserted, 1 deleted").
    let letters =
        |ts: &[Token]| ts.iter().flat_map(|t| t.0.chars()).filter(|c| c.is_alphanumeric()).collect::<String>();
    // (Not a word set otherwise, `*word*` now `**word**`: the same text, a change of words;
    // nor a number whose decimal point, sign or currency changed, `10.5` now `105`: text43b
    // F43b-10.)
    let same_letters = was != is && !deleted.is_empty() && !inserted.is_empty() && {
        let gone = letters(&deleted);
        !gone.is_empty() && gone == letters(&inserted)
    };
    let number = same_letters && number_marks(&text(&deleted)) != number_marks(&text(&inserted));
    // (Nor one word made two, or two one: `Cybersecurity` now `Cyber security`.)
    let marks_only = same_letters && !number && words_of(&text(&deleted)) == words_of(&text(&inserted));
    let counted = (words.inserted, words.deleted, words.characters, words.marks);
    if space.is_empty() {
        replace(out, &deleted, &inserted, (latin, words));
    } else {
        push(out, &deleted, Some(Change::Deleted), (latin, words));
        push(out, &space, None, (latin, words));
        push(out, &inserted, Some(Change::Inserted), (latin, words));
    }
    if marks_only {
        (words.inserted, words.deleted, words.characters, words.marks) = counted;
        words.marks += 1;
    } else if number {
        // One number replaced, one word (`5(1)` now `51`, not two deleted); its marks are
        // part of it, not marks changed besides.
        words.marks = counted.3;
        if latin == Latin::Words {
            (words.inserted, words.deleted) = (counted.0 + 1, counted.1 + 1);
        }
    }
    if link.is_some() {
        join_alike(out, from.saturating_sub(1));
    }
    push(out, &after, None, (latin, words));
}

/// Each character of `tokens` with how it is set: strong, emphasis, code, in a link, raw.
fn set<'a, 't: 'a>(tokens: &'a [Token<'t>]) -> impl Iterator<Item = (char, [bool; 5])> + 'a {
    tokens.iter().flat_map(|t| t.0.chars().map(move |c| (c, [t.1, t.2, t.3, t.4.is_some(), t.5])))
}

/// Tokens cut at byte `at` of their text; no token is left empty.
fn split<'t>(tokens: &[Token<'t>], at: usize) -> (Vec<Token<'t>>, Vec<Token<'t>>) {
    let [before, _, _, after] = pieces(tokens, [at, at, at]);
    (before, after)
}

/// Tokens cut at the bytes `at` of their text (in order), in one pass: the four pieces
/// before, between and after; no token is left empty.
fn pieces<'t>(tokens: &[Token<'t>], at: [usize; 3]) -> [Vec<Token<'t>>; 4] {
    let bounds = [0, at[0], at[1], at[2], usize::MAX];
    let mut out: [Vec<Token<'t>>; 4] = Default::default();
    let mut start = 0;
    for t in tokens {
        let end = start + t.0.len();
        for (k, piece) in out.iter_mut().enumerate() {
            let (lo, hi) = (bounds[k].clamp(start, end), bounds[k + 1].clamp(start, end));
            if lo < hi {
                piece.push((&t.0[lo - start..hi - start], t.1, t.2, t.3, t.4, t.5));
            }
        }
        start = end;
    }
    out
}

/// Joins the runs of `runs` from `from` on that look the same.
pub(super) fn join_alike(runs: &mut Vec<Inline>, from: usize) {
    let mut k = from + 1;
    while k < runs.len() {
        if look(&runs[k - 1]) == look(&runs[k]) {
            let text = runs.remove(k).text;
            runs[k - 1].text.push_str(&text);
        } else {
            k += 1;
        }
    }
}

/// How a run looks, all but its text: strong, emphasis, code, link, change, raw HTML. Runs
/// that look the same are one.
fn look(run: &Inline) -> (bool, bool, bool, Option<&str>, Option<Change>, bool) {
    (run.strong, run.emphasis, run.code, run.link.as_deref(), run.change, run.raw)
}

/// Tokens of OLD replaced by tokens of NEW: deleted before inserted, but where both cross a
/// link's edge alike, each side of it on its own (`the [draft text]` → `a [final text]`:
/// `the`, `a`, then `draft`, `final` and `text` in the link), so that a link stays one.
fn replace<'t>(out: &mut Vec<Inline>, old: &[Token<'t>], new: &[Token<'t>], (latin, words): (Latin, &mut Words)) {
    let by_link = |ts: &[Token]| -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (k, t) in ts.iter().enumerate() {
            match runs.last_mut() {
                Some(run) if ts[run.0].4 == t.4 => run.1 = k + 1,
                _ => runs.push((k, k + 1)),
            }
        }
        runs
    };
    let (a, b) = (by_link(old), by_link(new));
    let links = |ts: &[Token<'t>], runs: &[(usize, usize)]| runs.iter().map(|r| ts[r.0].4).collect::<Vec<_>>();
    if a.len() < 2 || links(old, &a) != links(new, &b) {
        push(out, old, Some(Change::Deleted), (latin, words));
        push(out, new, Some(Change::Inserted), (latin, words));
        return;
    }
    for (x, y) in a.into_iter().zip(b) {
        push(out, &old[x.0..x.1], Some(Change::Deleted), (latin, words));
        push(out, &new[y.0..y.1], Some(Change::Inserted), (latin, words));
    }
}

/// Appends tokens as runs marked `change`, joining runs that look the same, and counts the
/// words marked, as `latin` counts them.
pub(super) fn push(
    out: &mut Vec<Inline>,
    tokens: &[Token],
    change: Option<Change>,
    (latin, words): (Latin, &mut Words),
) {
    for &(text, strong, emphasis, code, link, raw) in tokens {
        count(text, link, change, (latin, &mut *words));
        match out.last_mut() {
            Some(last) if look(last) == (strong, emphasis, code, link, change, raw) => last.text.push_str(text),
            _ => out.push(Inline {
                text: text.to_string(),
                strong,
                emphasis,
                code,
                link: link.map(str::to_string),
                change,
                raw,
            }),
        }
    }
}
