//! `briefing diff OLD NEW`: the new briefing with what changed since the old one marked, word
//! by word in Latin text and character by character in mostly Japanese text, and a count of the changes.
//! Pure: the CLI reads the files and the layout draws the marks ([`Inline::change`](crate::markdown::Inline::change),
//! [`Topic::change`]).
//!
//! Here the briefing's fields and topics are matched; `words` compares bodies and text,
//! `code` code blocks line by line, `tokens` cuts text into what is compared, `sequences`
//! compares any two sequences within the budget, `spaces` places the spaces around a change,
//! `summary` words the counts.

mod code;
mod count;
mod sentences;
mod sequences;
mod spaces;
mod summary;
mod tables;
mod tokens;
mod words;

use std::collections::{BTreeSet, VecDeque};
use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::markdown::{self, Block, Change};
use crate::model::{Briefing, Date, Topic};
use count::Words;
pub use sequences::BUDGET;
pub use summary::{compared_whole, field_lang, field_name, part_line, stat_text, title_in_line, topic_langs, totals};
use tokens::tokens;
use words::{diff_blocks, diff_title, mark_blocks};

/// A briefing compared with an earlier version of it.
#[derive(Debug, Clone)]
pub struct Redline {
    /// NEW with the changes marked. In paragraphs, headings, list items and table cells,
    /// inserted runs have `change == Some(Inserted)`; deleted text from OLD is put back where
    /// it was as runs with `Some(Deleted)`, deleted before inserted where text was replaced.
    /// Topics only in OLD are put back after the topic that preceded them, with
    /// `Topic::change == Some(Deleted)` and all their text Deleted; topics only in NEW have
    /// `Some(Inserted)` and all their text Inserted. A code block that changed becomes a
    /// [`Block::MarkedCode`], so that it can carry marks; a deleted rule is left out.
    pub briefing: Briefing,
    /// Plain text fields that differ (title, date, contact…), which carry no marks.
    pub fields: Vec<FieldChange>,
    /// The summary, overview and topics that differ, in the order of `briefing`.
    pub parts: Vec<PartChange>,
    pub stat: Stat,
}

/// How many changes a redline marks: its runs of inserted or deleted text, in its summary,
/// overview, topics and their titles. (Each is a span of its own in the PDF, with its label.)
pub fn marks(redline: &Redline) -> usize {
    let b = &redline.briefing;
    let mut n = 0;
    let mut count = |blocks: &[markdown::Block]| {
        markdown::visit_inlines(blocks, &mut |i| n += usize::from(i.change.is_some()));
    };
    count(&b.summary);
    count(&b.overview);
    for t in &b.topics {
        count(&t.body);
    }
    n + b.topics.iter().flat_map(|t| t.marked_title.iter().flatten()).filter(|i| i.change.is_some()).count()
}

/// A plain text field that differs, as written (dates as `YYYY-MM-DD`, absent as "").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Its path: `date`, `contact.tel`, `topics[2].title` (the index in NEW)…
    pub field: String,
    pub old: String,
    pub new: String,
    /// For the title and the `heading:` line, printed as headings: the new text with its
    /// words deleted and inserted marked, as a topic's changed title is (text42b F42b-1: they
    /// printed plain, as if unchanged).
    pub marked: Option<Vec<markdown::Inline>>,
    /// What of `marked` was shown deleted and inserted whole, too long to compare word by word.
    pub whole: Whole,
}

impl FieldChange {
    pub fn plain(field: impl Into<String>, old: impl Into<String>, new: impl Into<String>) -> FieldChange {
        FieldChange { field: field.into(), old: old.into(), new: new.into(), marked: None, whole: Whole::default() }
    }
}

/// The summary, the overview or a topic, with how it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartChange {
    pub part: Part,
    /// `None` when changed, `Some(Inserted)` when added, `Some(Deleted)` when removed.
    pub change: Option<Change>,
    pub words_inserted: usize,
    pub words_deleted: usize,
    /// Japanese characters inserted and deleted, and the Latin letters and digits of mostly
    /// Japanese text, each one (counted apart from words: 文字).
    pub characters_inserted: usize,
    pub characters_deleted: usize,
    /// Punctuation marks or spaces changed, which count no word (`vrai?` now `vrai ?`).
    pub marks: usize,
    /// What of it was shown deleted and inserted whole, too long to compare word by word.
    pub whole: Whole,
}

/// Stretches of text shown deleted and inserted whole, not compared word by word: longer than
/// a comparison takes ([`sequences::LONGEST`] words or characters, both versions together)
/// with no word each version has once to cut them at, or past the [`BUDGET`]. Such a
/// stretch counts every word in it as changed, so it is said (text48b F48b-6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Whole {
    /// How many stretches.
    pub stretches: usize,
    /// Their words, and their characters (Japanese, 文字), deleted and inserted.
    pub words: (usize, usize),
    pub characters: (usize, usize),
}

/// A part of a briefing that holds Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Summary,
    Overview,
    /// A topic, by its new title (its old one when removed).
    Topic(String),
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Summary => f.write_str("summary"),
            Part::Overview => f.write_str("overview"),
            Part::Topic(title) => write!(f, "topic {title:?}"),
        }
    }
}

/// How much changed. Words are Latin words, characters Japanese ones (and the Latin letters
/// of mostly Japanese text), not spaces, not punctuation, in Markdown text, the bodies of added
/// and removed topics included; titles and other plain fields count as fields, not words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub topics_added: usize,
    pub topics_removed: usize,
    /// Topics in both whose title or body differs (a topic that only moved is not changed).
    pub topics_changed: usize,
    /// Whether the summary and the overview differ (0 to 2).
    pub sections_changed: usize,
    pub words_inserted: usize,
    pub words_deleted: usize,
    pub characters_inserted: usize,
    pub characters_deleted: usize,
    pub fields_changed: usize,
}

impl Stat {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Stat::default()
    }
}

/// Whether the change that starts at run `k` of `inlines` (the runs from there marked as it
/// is) is spaces alone (`EU and` now `EU—and`): it is said to be a space ("Deleted: space"),
/// as nothing else in it could be read.
pub fn spaces_alone(inlines: &[crate::markdown::Inline], k: usize) -> bool {
    let change = inlines[k].change;
    inlines[k..].iter().take_while(|i| i.change == change).all(|i| i.text.trim().is_empty())
}

/// Whether `inlines[k]`, deleted, is followed right away by the text inserted in its place,
/// with no space where they meet (`https://e.org/old` then `https://e.org/new`, `2` then `3`
/// before `日`): shown as they are, the two would read as one word (`23日`), so they are set
/// a space apart, a space that belongs to neither version. Inserted punctuation, and Japanese characters on both
/// sides of the meeting are left as they are: Japanese is written without spaces.
pub fn needs_gap(inlines: &[crate::markdown::Inline], k: usize) -> bool {
    let (Some(run), Some(next)) = (inlines.get(k), inlines.get(k + 1)) else { return false };
    let (end, start) = (run.text.chars().next_back(), next.text.chars().next());
    let apart = |c: Option<char>| c.is_none_or(char::is_whitespace);
    // (Full-width Latin letters and digits, `ＡＩ`, `２０２５`, are Latin.)
    let unspaced =
        |c: char| crate::script::is_japanese(c) && (crate::script::is_kana_or_kanji(c) || !c.is_alphanumeric());
    run.change == Some(Change::Deleted)
        && next.change == Some(Change::Inserted)
        && !apart(end)
        && !apart(start)
        && !(end.is_some_and(unspaced) && start.is_some_and(unspaced))
        // (Inserted punctuation belongs to the word before it: `and` replaced by `,`.)
        && start.is_some_and(char::is_alphanumeric)
}

/// Compares two checked briefings: NEW with the changes since OLD marked, and their count.
pub fn compare(old: &Briefing, new: &Briefing) -> Redline {
    compare_within(old, new, BUDGET)
}

/// [`compare`] with `budget` comparisons of two words or blocks to spend (see [`BUDGET`]).
fn compare_within(old: &Briefing, new: &Briefing, mut budget: u64) -> Redline {
    let budget = &mut budget;
    let mut parts = Vec::new();
    let summary = diff_part(Part::Summary, &old.summary, &new.summary, &mut parts, budget);
    let overview = diff_part(Part::Overview, &old.overview, &new.overview, &mut parts, budget);
    let mut fields = briefing_fields(old, new, budget);
    let topics = diff_topics(&old.topics, &new.topics, &mut parts, &mut fields, budget);
    let count = |f: &dyn Fn(&PartChange) -> bool| parts.iter().filter(|p| f(p)).count();
    let stat = Stat {
        topics_added: count(&|p| matches!(p.part, Part::Topic(_)) && p.change == Some(Change::Inserted)),
        topics_removed: count(&|p| matches!(p.part, Part::Topic(_)) && p.change == Some(Change::Deleted)),
        topics_changed: count(&|p| matches!(p.part, Part::Topic(_)) && p.change.is_none()),
        sections_changed: count(&|p| !matches!(p.part, Part::Topic(_))),
        words_inserted: parts.iter().map(|p| p.words_inserted).sum(),
        words_deleted: parts.iter().map(|p| p.words_deleted).sum(),
        characters_inserted: parts.iter().map(|p| p.characters_inserted).sum(),
        characters_deleted: parts.iter().map(|p| p.characters_deleted).sum(),
        fields_changed: fields.len(),
    };
    let briefing = Briefing { summary, overview, topics, ..new.clone() };
    Redline { briefing, fields, parts, stat }
}

/// The short title as written: empty when it is the title (as it is when not written).
fn written_short_title(b: &Briefing) -> String {
    if b.short_title == b.title {
        String::new()
    } else {
        b.short_title.clone()
    }
}

/// The plain text fields of the briefing that differ; the two printed as headings, marked.
fn briefing_fields(old: &Briefing, new: &Briefing, budget: &mut u64) -> Vec<FieldChange> {
    let date = |d: &Date| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let (oc, nc) = (&old.contact, &new.contact);
    let pairs = [
        ("title", old.title.clone(), new.title.clone()),
        // Not written, the short title is the title: a change of title is not one of it too.
        ("short_title", written_short_title(old), written_short_title(new)),
        ("date", date(&old.date), date(&new.date)),
        ("organisation", opt(&old.organisation), opt(&new.organisation)),
        ("heading", opt(&old.heading), opt(&new.heading)),
        ("subject", opt(&old.subject), opt(&new.subject)),
        ("lang", old.lang.clone(), new.lang.clone()),
        ("marking", opt(&old.marking), opt(&new.marking)),
        ("draft", old.draft.to_string(), new.draft.to_string()),
        ("contact.note", opt(&oc.note), opt(&nc.note)),
        ("contact.name", opt(&oc.name), opt(&nc.name)),
        ("contact.division", opt(&oc.division), opt(&nc.division)),
        ("contact.bureau", opt(&oc.bureau), opt(&nc.bureau)),
        ("contact.organisation", opt(&oc.organisation), opt(&nc.organisation)),
        ("contact.tel", opt(&oc.tel), opt(&nc.tel)),
        ("contact.fax", opt(&oc.fax), opt(&nc.fax)),
        ("contact.email", opt(&oc.email), opt(&nc.email)),
        ("contact.url", opt(&oc.url), opt(&nc.url)),
    ];
    pairs
        .into_iter()
        .filter(|(_, o, n)| o != n)
        .map(|(field, old, new)| {
            // (Their words count as the field's change, not as words of a section.)
            let mut whole = Whole::default();
            let marked = matches!(field, "title" | "heading").then(|| {
                let mut words = Words::new(budget);
                let marked = diff_title(&old, &new, &mut words);
                whole = words.whole;
                marked
            });
            FieldChange { marked, whole, ..FieldChange::plain(field, old, new) }
        })
        .collect()
}

/// The topics of NEW in its order, each compared with its match in OLD, and the topics only
/// in OLD put back after the topic that preceded them there.
fn diff_topics(
    old: &[Topic],
    new: &[Topic],
    parts: &mut Vec<PartChange>,
    fields: &mut Vec<FieldChange>,
    budget: &mut u64,
) -> Vec<Topic> {
    let matched = match_topics(old, new);
    let mut new_of_old = vec![None; old.len()];
    for (j, i) in matched.iter().enumerate() {
        if let Some(i) = *i {
            new_of_old[i] = Some(j);
        }
    }
    // Removed topics by the index in NEW they follow (0: before the first).
    let mut removed: Vec<Vec<&Topic>> = vec![Vec::new(); new.len() + 1];
    let mut after = 0;
    for (i, t) in old.iter().enumerate() {
        match new_of_old[i] {
            Some(j) => after = j + 1,
            None => removed[after].push(t),
        }
    }
    let put_back = |ts: &[&Topic], out: &mut Vec<Topic>, parts: &mut Vec<PartChange>| {
        out.extend(ts.iter().map(|t| only_in_one(t, Change::Deleted, parts)));
    };
    let mut out = Vec::new();
    put_back(&removed[0], &mut out, parts);
    for (j, n) in new.iter().enumerate() {
        let topic = match matched[j].and_then(|i| old.get(i)) {
            None => only_in_one(n, Change::Inserted, parts),
            Some(o) => {
                // (A language found from the text, not typed, is no field the user changed.)
                fn typed(t: &Topic) -> Option<&String> {
                    t.lang.as_ref().filter(|_| !t.lang_detected)
                }
                for (what, a, b) in [("title", Some(&o.title), Some(&n.title)), ("lang", typed(o), typed(n))] {
                    if a != b {
                        let text = |s: Option<&String>| s.cloned().unwrap_or_default();
                        fields.push(FieldChange::plain(format!("topics[{j}].{what}"), text(a), text(b)));
                    }
                }
                let mut words = Words::new(budget);
                let body = diff_blocks(&o.body, &n.body, &mut words);
                // (The title's words count with the body's: a title changed alone was "0 words
                // inserted, 0 deleted", text30 F30b-6.)
                let marked_title = (o.title != n.title).then(|| diff_title(&o.title, &n.title, &mut words));
                // (A body whose words all stayed, a paragraph split in two, is no change.)
                if o.title != n.title || words.counted() {
                    parts.push(words.part(Part::Topic(n.title.clone()), None));
                }
                Topic { body, marked_title, ..n.clone() }
            }
        };
        out.push(topic);
        put_back(&removed[j + 1], &mut out, parts);
    }
    out
}

/// For each topic of NEW, the topic of OLD it is a version of: one with the same title (of
/// several, as [`match_same_titles`] pairs them), else the first unmatched one with the same
/// body, else, of the [`NEAREST`] unmatched ones nearest in the list, the one with most words
/// in common, if at least half its words are. Each topic's words are counted once, so
/// matching takes time in proportion to the text.
fn match_topics(old: &[Topic], new: &[Topic]) -> Vec<Option<usize>> {
    let mut matched = vec![None; new.len()];
    let mut by_title: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (i, t) in old.iter().enumerate() {
        by_title.entry(t.title.as_str()).or_default().0.push(i);
    }
    for (j, n) in new.iter().enumerate() {
        if let Some((_, news)) = by_title.get_mut(n.title.as_str()) {
            news.push(j);
        }
    }
    let mut used = vec![false; old.len()];
    for (olds, news) in by_title.values() {
        for (i, j) in match_same_titles(old, olds, new, news) {
            used[i] = true;
            matched[j] = Some(i);
        }
    }
    let mut by_body: FxHashMap<&[Block], VecDeque<usize>> = FxHashMap::default();
    for (i, t) in old.iter().enumerate().filter(|(i, _)| !used[*i]) {
        by_body.entry(t.body.as_slice()).or_default().push_back(i);
    }
    for (j, n) in new.iter().enumerate() {
        if matched[j].is_some() {
            continue;
        }
        if let Some(i) = by_body.get_mut(n.body.as_slice()).and_then(VecDeque::pop_front) {
            used[i] = true;
            matched[j] = Some(i);
        }
    }
    let mut unused: BTreeSet<usize> = (0..old.len()).filter(|&i| !used[i]).collect();
    if unused.is_empty() {
        return matched;
    }
    let texts: Vec<String> =
        old.iter().enumerate().map(|(i, t)| if unused.contains(&i) { text(t) } else { String::new() }).collect();
    let bags: Vec<Bag> = texts.iter().map(|t| Bag::of(t)).collect();
    for (j, n) in new.iter().enumerate() {
        if matched[j].is_some() || unused.is_empty() {
            continue;
        }
        let new_text = text(n);
        let bag = Bag::of(&new_text);
        // The nearest unmatched topics of OLD, by distance in the list (the earlier first).
        let mut before = unused.range(..j).rev().peekable();
        let mut after = unused.range(j..).peekable();
        let mut best: Option<(usize, usize)> = None;
        for _ in 0..NEAREST {
            let next = match (before.peek(), after.peek()) {
                (Some(&&b), Some(&&a)) if j - b <= a - j => before.next(),
                (_, Some(_)) => after.next(),
                (Some(_), None) => before.next(),
                (None, None) => break,
            };
            let Some(&i) = next else { break };
            let common = bag.common(&bags[i]);
            // At least half the same: 2 × common ≥ half of both totals.
            let half_same = 4 * common >= bag.total + bags[i].total;
            if half_same && best.is_none_or(|(_, c)| common > c) {
                best = Some((i, common));
            }
        }
        if let Some((i, _)) = best {
            unused.remove(&i);
            matched[j] = Some(i);
        }
    }
    matched
}

/// Pairs topics of OLD (`olds`) and NEW (`news`) that share a title, each list in order. One
/// and one are a pair whatever their bodies. Of several, a topic is paired first with one
/// whose body is the same (in order), then with the one of the [`NEAREST`] about its place
/// that has most words in common (the most alike pairs first, nearer ones on a tie), and
/// those left in order: so a topic removed, or moved past one of the same title, is told
/// by its text rather than by its place.
fn match_same_titles(old: &[Topic], olds: &[usize], new: &[Topic], news: &[usize]) -> Vec<(usize, usize)> {
    if let ([i], [j]) = (olds, news) {
        return vec![(*i, *j)];
    }
    let mut pairs = Vec::new();
    let mut by_body: FxHashMap<&[Block], VecDeque<usize>> = FxHashMap::default();
    for &i in olds {
        by_body.entry(old[i].body.as_slice()).or_default().push_back(i);
    }
    let mut left_new = Vec::new();
    for &j in news {
        match by_body.get_mut(new[j].body.as_slice()).and_then(VecDeque::pop_front) {
            Some(i) => pairs.push((i, j)),
            None => left_new.push(j),
        }
    }
    let paired: FxHashSet<usize> = pairs.iter().map(|(i, _)| *i).collect();
    let left_old: Vec<usize> = olds.iter().copied().filter(|i| !paired.contains(i)).collect();
    if left_old.is_empty() || left_new.is_empty() {
        return pairs;
    }
    let texts: Vec<String> = left_old.iter().map(|&i| text(&old[i])).collect();
    let bags: Vec<Bag> = texts.iter().map(|t| Bag::of(t)).collect();
    // (words in common, distance between the places in the two lists, place in OLD's, in NEW's)
    let mut candidates = Vec::new();
    for (q, &j) in left_new.iter().enumerate() {
        let new_text = text(&new[j]);
        let bag = Bag::of(&new_text);
        let from = q.saturating_sub(NEAREST / 2).min(left_old.len().saturating_sub(NEAREST));
        for (p, other) in bags.iter().enumerate().skip(from).take(NEAREST) {
            let common = bag.common(other);
            if common > 0 {
                candidates.push((std::cmp::Reverse(common), p.abs_diff(q), p, q));
            }
        }
    }
    candidates.sort_unstable();
    let (mut old_done, mut new_done) = (vec![false; left_old.len()], vec![false; left_new.len()]);
    for (_, _, p, q) in candidates {
        if !old_done[p] && !new_done[q] {
            (old_done[p], new_done[q]) = (true, true);
            pairs.push((left_old[p], left_new[q]));
        }
    }
    let rest_old = left_old.iter().zip(&old_done).filter(|(_, d)| !**d).map(|(i, _)| *i);
    let rest_new = left_new.iter().zip(&new_done).filter(|(_, d)| !**d).map(|(j, _)| *j);
    pairs.extend(rest_old.zip(rest_new));
    pairs
}

/// A body's text, all its runs one after another.
fn text(t: &Topic) -> String {
    let mut s = String::new();
    markdown::visit_text(&t.body, &mut |piece| s.push_str(piece));
    s
}

/// How many unmatched topics of OLD a topic of NEW with neither its title nor its body is
/// compared with.
const NEAREST: usize = 16;

/// The words of a text, counted (spaces and punctuation left out).
struct Bag<'a> {
    counts: FxHashMap<&'a str, u32>,
    total: usize,
}

impl<'a> Bag<'a> {
    fn of(text: &'a str) -> Bag<'a> {
        let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
        let mut total = 0;
        for t in tokens(text) {
            let t = t.trim_end();
            if t.chars().any(char::is_alphanumeric) {
                *counts.entry(t).or_default() += 1;
                total += 1;
            }
        }
        Bag { counts, total }
    }

    /// How many words the two have in common.
    fn common(&self, other: &Bag) -> usize {
        let (small, large) = if self.counts.len() <= other.counts.len() { (self, other) } else { (other, self) };
        small.counts.iter().map(|(w, &c)| c.min(large.counts.get(w).copied().unwrap_or(0)) as usize).sum()
    }
}

/// A topic only in one version, all its text marked `change`.
fn only_in_one(t: &Topic, change: Change, parts: &mut Vec<PartChange>) -> Topic {
    // Marking compares nothing: no budget to spend.
    let mut none = 0;
    let mut words = Words::new(&mut none);
    let body = mark_blocks(&t.body, change, &mut words);
    parts.push(words.part(Part::Topic(t.title.clone()), Some(change)));
    Topic { body, change: Some(change), ..t.clone() }
}

/// The summary or overview compared; recorded in `parts` when it differs.
fn diff_part(part: Part, old: &[Block], new: &[Block], parts: &mut Vec<PartChange>, budget: &mut u64) -> Vec<Block> {
    let mut words = Words::new(budget);
    let out = diff_blocks(old, new, &mut words);
    if words.counted() {
        parts.push(words.part(part, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sequences::LONGEST;
    use super::tokens::Latin;
    use super::*;
    use crate::diag::SourceFile;
    use crate::load::Limits;
    use crate::markdown::Inline;
    use crate::theme::Labels;
    use crate::validate::load_briefing;

    fn briefing(yaml: &str) -> Briefing {
        load_briefing(&SourceFile::new("t.yaml", yaml), &Limits::default(), &|_| true)
            .unwrap_or_else(|d| panic!("{d:?}\n{yaml}"))
    }

    /// A briefing with this date, phone number, summary and topics (title, body).
    fn doc(date: &str, tel: &str, summary: &str, topics: &[(&str, &str)]) -> Briefing {
        let mut y = format!("title: Workshop\ndate: {date}\nsummary: {summary}\ncontact:\n  tel: \"{tel}\"\ntopics:\n");
        for (title, body) in topics {
            y += &format!("  - title: \"{title}\"\n    body: |\n      {}\n", body.replace('\n', "\n      "));
        }
        briefing(&y)
    }

    fn topics(list: &[(&str, &str)]) -> Briefing {
        doc("2020-10-06", "+81 3 5253 5920", "Short.", list)
    }

    /// The redline of two briefings that differ only in their topics.
    fn redline(old: &[(&str, &str)], new: &[(&str, &str)]) -> Redline {
        compare(&topics(old), &topics(new))
    }

    /// Every run in `blocks`, in reading order.
    fn runs(blocks: &[Block]) -> Vec<&Inline> {
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Block::Paragraph(i) | Block::Heading(_, i) | Block::MarkedCode(i) => out.extend(i),
                Block::List { items, .. } => items.iter().for_each(|it| out.extend(runs(it))),
                Block::Table { header, rows, .. } => out.extend(header.iter().chain(rows.iter().flatten()).flatten()),
                Block::Quote(inner) => out.extend(runs(inner)),
                Block::Code(_) | Block::Rule => {}
            }
        }
        out
    }

    /// The marked runs of `blocks`: (change, text).
    fn marks(blocks: &[Block]) -> Vec<(Change, &str)> {
        runs(blocks).into_iter().filter_map(|i| Some((i.change?, i.text.as_str()))).collect()
    }

    /// The topics of the redline: title and mark.
    fn order(r: &Redline) -> Vec<(&str, Option<Change>)> {
        r.briefing.topics.iter().map(|t| (t.title.as_str(), t.change)).collect()
    }

    /// Asserts the redline's counts and the `--stat` text.
    fn assert_stat(r: &Redline, stat: Stat, text: &str) {
        assert_eq!(r.stat, stat);
        assert_eq!(stat_text(r, &english()), text);
    }

    /// The labels of the default template, in English.
    fn english() -> Labels {
        crate::theme::Theme::resolve(crate::theme::TemplateRef::Builtin("default")).unwrap().labels
    }

    /// … and of a Japanese briefing.
    fn japanese() -> Labels {
        crate::theme::Theme::resolve_for(crate::theme::TemplateRef::Builtin("default"), "ja").unwrap().labels
    }

    const D: Change = Change::Deleted;
    const I: Change = Change::Inserted;

    #[test]
    fn text_splits_into_words_and_japanese_characters() {
        let text = " Version 2.0 is out, 第10回 EU";
        assert_eq!(Latin::of([text]), Latin::Words);
        assert_eq!(tokens(text), [" ", "Version ", "2.0 ", "is ", "out", ", ", "第", "10", "回 ", "EU"]);
        // In mostly Japanese text too, a Latin word is whole (full-width ones too); its
        // letters count one each, as the Japanese characters around them do.
        let text = "第10回会合でABC DEFとＡＩ法を議論";
        assert_eq!(Latin::of([text]), Latin::Characters);
        assert_eq!(
            tokens(text),
            ["第", "10", "回", "会", "合", "で", "ABC ", "DEF", "と", "ＡＩ", "法", "を", "議", "論"]
        );
        // A character keeps its variation selector or combining mark.
        assert_eq!(tokens("葛\u{E0100}城"), ["葛\u{E0100}", "城"]);
        assert_eq!(tokens("Ame\u{301}lie"), ["Ame\u{301}lie"]);
        // A word with a no-break or a soft hyphen is one word, as with a hyphen.
        assert_eq!(
            tokens("e-mail e\u{2010}mail e\u{2011}mail e\u{ad}mail"),
            ["e-mail ", "e\u{2010}mail ", "e\u{2011}mail ", "e\u{ad}mail"]
        );
    }

    #[test]
    fn a_changed_word_shows_old_deleted_then_new_inserted_and_styling_stays() {
        let r = redline(
            &[("Data", "Japan and **the EU** agreed to meet in May.")],
            &[("Data", "Japan and **the EU** agreed to meet in June.")],
        );
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, "May"), (I, "June")]);
        assert!(runs(body).iter().any(|i| i.text == "the EU" && i.strong && i.change.is_none()));
        assert_eq!(r.briefing.topics[0].change, None);
        assert_stat(
            &r,
            Stat { topics_changed: 1, words_inserted: 1, words_deleted: 1, ..Stat::default() },
            "changed topic \"Data\": 1 word inserted, 1 deleted\n\
             1 topic changed, 0 added, 0 removed; 1 word inserted, 1 deleted",
        );
    }

    #[test]
    fn added_and_removed_topics_are_marked_in_place_and_counted() {
        let r = redline(
            &[("A", "Alpha text."), ("B", "Bravo goes away now."), ("C", "Charlie.")],
            &[("A", "Alpha text."), ("C", "Charlie."), ("D", "Delta arrives.")],
        );
        assert_eq!(order(&r), [("A", None), ("B", Some(D)), ("C", None), ("D", Some(I))]);
        assert_eq!(marks(&r.briefing.topics[1].body), [(D, "Bravo goes away now.")]);
        assert_eq!(marks(&r.briefing.topics[3].body), [(I, "Delta arrives.")]);
        assert_stat(
            &r,
            Stat { topics_added: 1, topics_removed: 1, words_inserted: 2, words_deleted: 4, ..Stat::default() },
            "removed topic \"B\": 4 words\nadded topic \"D\": 2 words\n\
             0 topics changed, 1 added, 1 removed; 2 words inserted, 4 deleted",
        );
    }

    #[test]
    fn a_reordered_topic_is_not_a_change() {
        let r = redline(
            &[("A", "Alpha."), ("B", "Bravo."), ("C", "Charlie.")],
            &[("C", "Charlie."), ("A", "Alpha."), ("B", "Bravo.")],
        );
        assert_eq!(order(&r), [("C", None), ("A", None), ("B", None)]);
        assert!(r.briefing.topics.iter().all(|t| marks(&t.body).is_empty()));
        assert!(r.stat.is_empty() && r.parts.is_empty());
        assert_eq!(stat_text(&r, &english()), "no changes");
    }

    #[test]
    fn of_topics_sharing_a_title_the_one_removed_is_told_by_its_text() {
        // The first of two "Same" removed: the second is untouched, the first deleted whole.
        let r =
            redline(&[("Same", "alpha beta gamma"), ("Same", "delta epsilon zeta")], &[("Same", "delta epsilon zeta")]);
        assert_eq!(order(&r), [("Same", Some(D)), ("Same", None)]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "alpha beta gamma")]);
        assert!(marks(&r.briefing.topics[1].body).is_empty());
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted, r.stat.topics_removed), (0, 3, 1));
        assert_eq!(r.stat.topics_changed, 0);
        // And the one kept edited a little: still that one, with its edit.
        let r = redline(
            &[("Same", "alpha beta gamma"), ("Same", "delta epsilon zeta")],
            &[("Same", "delta epsilon zeta eta")],
        );
        assert_eq!(order(&r), [("Same", Some(D)), ("Same", None)]);
        assert_eq!(marks(&r.briefing.topics[1].body), [(I, " eta")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (1, 3));
    }

    #[test]
    fn topics_sharing_a_title_that_swap_places_are_not_changed() {
        let r = redline(
            &[("Same", "alpha beta gamma"), ("Same", "delta epsilon zeta"), ("Other", "one two three")],
            &[("Same", "delta epsilon zeta"), ("Other", "one two three four"), ("Same", "alpha beta gamma")],
        );
        assert_eq!(order(&r), [("Same", None), ("Other", None), ("Same", None)]);
        assert!(marks(&r.briefing.topics[0].body).is_empty() && marks(&r.briefing.topics[2].body).is_empty());
        assert_eq!(marks(&r.briefing.topics[1].body), [(I, " four")]);
        assert_eq!((r.stat.topics_changed, r.stat.words_inserted, r.stat.words_deleted), (1, 1, 0));
        // Edited as well as swapped: each is paired with the one it is most like.
        let r = redline(
            &[("Same", "alpha beta gamma delta"), ("Same", "one two three four")],
            &[("Same", "one two three five"), ("Same", "alpha beta gamma omega")],
        );
        assert_eq!((r.stat.topics_changed, r.stat.words_inserted, r.stat.words_deleted), (2, 2, 2));
        assert_eq!((r.stat.topics_added, r.stat.topics_removed), (0, 0));
    }

    #[test]
    fn japanese_is_compared_character_by_character_and_a_number_whole() {
        let r = redline(
            &[("概要", "第10回日EU・ICT政策会議を開催した。")],
            &[("概要", "第11回日EU・ICT政策対話を開催した。")],
        );
        // (A number is not cut: `第101回` would read as the 101st.) Each digit counts one 文字.
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "10"), (I, "11"), (D, "会議"), (I, "対話")]);
        assert_eq!((r.stat.characters_inserted, r.stat.characters_deleted, r.stat.topics_changed), (4, 4, 1));
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (0, 0), "characters, not words");
    }

    #[test]
    fn latin_in_japanese_text_is_split_the_same_way_in_both_versions() {
        // Only what was added is marked: no kept letter is deleted and inserted again.
        for (old, new, inserted, count) in [
            (
                "日本と欧州委員会はABCの実現を行うことで合意した。",
                "日本と欧州委員会はABC DEFの実現を行うことで合意した。",
                " DEF",
                3,
            ),
            (
                "Beyond 5Gの早期実現に向けた協力に合意しました。",
                "Beyond 5G and 6Gの早期実現に向けた協力に合意しました。",
                " and 6G",
                5,
            ),
        ] {
            let r = redline(&[("概要", old)], &[("概要", new)]);
            let body = &r.briefing.topics[0].body;
            assert_eq!(marks(body), [(I, inserted)], "{old}");
            // The new text, every character once (the space before the inserted words kept).
            assert_eq!(sides(body).1, new);
            assert_eq!((r.stat.characters_inserted, r.stat.characters_deleted), (count, 0), "one 文字 a letter");
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (0, 0), "no word");
        }
        // Mostly Latin text keeps its words whole, even written against Japanese.
        let r = redline(
            &[("T", "Japan presented its Beyond 5G推進戦略 to the EU side.")],
            &[("T", "Japan presented its Beyond 6G推進戦略 to the EU side.")],
        );
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "5G"), (I, "6G")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (1, 1));
    }

    #[test]
    fn an_address_is_one_word_replaced_whole() {
        for (old, new, gone, came) in [
            (
                "See https://example.org/abc here.",
                "See https://example.org/abd here.",
                "https://example.org/abc",
                "https://example.org/abd",
            ),
            ("Mail info@example.org now.", "Mail help@example.org now.", "info@example.org", "help@example.org"),
            (
                "詳細はhttps://example.org/abcを参照。",
                "詳細はhttps://example.org/xyzzyを参照。",
                "https://example.org/abc",
                "https://example.org/xyzzy",
            ),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert_eq!(marks(&r.briefing.topics[0].body), [(D, gone), (I, came)], "{old}");
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (1, 1), "{old}");
        }
        // The address a link prints after its text too: its parentheses are no words. (Nor
        // do its letters make Japanese text count Latin as words: `AI` → `DX` is 2 文字.)
        // (An address is one word, in Japanese text too.)
        for (old, new, words, characters) in [
            (
                "詳細は[協定](https://example.org/a)とAI法を参照してください。",
                "詳細は[協定](https://example.org/a)とDX法を参照してください。",
                0,
                2,
            ),
            ("予算は１，０００円です。", "予算は２，５００円です。", 0, 4),
            // A link whose address alone changed: its words stay, its address is replaced.
            ("See [agreement](https://example.org/a) now.", "See [agreement](https://example.org/b) now.", 1, 0),
            ("詳細は[協定](https://example.org/old)を参照。", "詳細は[協定](https://example.org/new)を参照。", 1, 0),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (words, words), "{old}");
            assert_eq!((r.stat.characters_inserted, r.stat.characters_deleted), (characters, characters), "{old}");
        }
        // A full-width number is whole, its comma too: not `１ ２，０００ ５００`. A list
        // written with commas is words.
        let r = redline(&[("T", "予算は１，０００円です。")], &[("T", "予算は２，５００円です。")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "１，０００"), (I, "２，５００")]);
        let r =
            redline(&[("T", "重点分野をＡＩ，ＩｏＴ，５Ｇとした。")], &[("T", "重点分野をＡＩ，ＩＣＴ，５Ｇとした。")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "ＩｏＴ"), (I, "ＩＣＴ")]);
        let r = redline(&[("T", "In 2024,2025 and 1,000 cases.")], &[("T", "In 2024,2026 and 1,500 cases.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "2025"), (I, "2026"), (D, "1,000"), (I, "1,500")]);
    }

    #[test]
    fn identical_briefings_have_no_changes() {
        let b = briefing(include_str!("../../data/japan-eu-ict-workshop-10.yaml"));
        let r = compare(&b, &b);
        assert!(r.stat.is_empty() && r.fields.is_empty() && r.parts.is_empty());
        assert_eq!(stat_text(&r, &english()), "no changes");
        let all =
            [&r.briefing.summary, &r.briefing.overview].into_iter().chain(r.briefing.topics.iter().map(|t| &t.body));
        assert!(all.flat_map(|blocks| runs(blocks)).all(|i| i.change.is_none()));
        assert!(r.briefing.topics.iter().all(|t| t.change.is_none()));
        assert_eq!(r.briefing.topics.len(), b.topics.len());
    }

    #[test]
    fn words_are_counted_through_paragraphs_lists_tables_and_the_summary() {
        let old_body = "The council met on Monday and agreed three points.\n\n- Budget for 2021\n- Staffing\n\n\
                        | Item | Cost |\n|------|------|\n| Servers | 10 |";
        let new_body =
            "The council met on Tuesday and agreed four points, as planned.\n\n- Budget for 2021\n- Staffing\n\
                        - Travel rules\n\n| Item | Cost |\n|------|------|\n| Servers | 12 |";
        let old = doc("2020-10-06", "1", "Short.", &[("T", old_body)]);
        let new = doc("2020-10-06", "1", "Short summary.", &[("T", new_body)]);
        let r = compare(&old, &new);
        assert_eq!(marks(&r.briefing.summary), [(I, " summary")]);
        assert_eq!(
            marks(&r.briefing.topics[0].body),
            [
                (D, "Monday"),
                (I, "Tuesday"),
                (D, "three"),
                (I, "four"),
                (I, ", as planned"),
                (I, "Travel rules"),
                (D, "10"),
                (I, "12"),
            ]
        );
        let stat =
            Stat { topics_changed: 1, sections_changed: 1, words_inserted: 8, words_deleted: 3, ..Stat::default() };
        assert_eq!(r.stat, stat);
        assert_eq!(
            stat_text(&r, &english()),
            "changed summary: 1 word inserted, 0 deleted\nchanged topic \"T\": 7 words inserted, 3 deleted\n\
             1 topic changed, 0 added, 0 removed; 8 words inserted, 3 deleted"
        );
    }

    #[test]
    fn changed_plain_fields_are_listed() {
        let old = doc("2020-10-06", "+81 3 5253 5920", "Short.", &[("Data", "Same text.")]);
        let new = doc("2020-10-07", "+81 3 5253 5921", "Short.", &[("Data and AI", "Same text.")]);
        let r = compare(&old, &new);
        let field = |f: &str, o: &str, n: &str| FieldChange::plain(f, o, n);
        assert_eq!(
            r.fields,
            [
                field("date", "2020-10-06", "2020-10-07"),
                field("contact.tel", "+81 3 5253 5920", "+81 3 5253 5921"),
                field("topics[0].title", "Data", "Data and AI"),
            ]
        );
        assert!(marks(&r.briefing.topics[0].body).is_empty());
        // (The title's two words inserted count with its topic.)
        let stat = Stat { topics_changed: 1, fields_changed: 3, words_inserted: 2, ..Stat::default() };
        assert_eq!(r.stat, stat);
        assert!(stat_text(&r, &english()).contains("changed date: \"2020-10-06\" -> \"2020-10-07\"\n"));
        assert!(stat_text(&r, &english()).ends_with("2 words inserted, 0 deleted; 3 fields changed"));
        // text44a F44a-26: values as typed, not in Rust's escapes; what would not print as
        // itself as its code point.
        let mut shown = r.clone();
        shown.fields =
            vec![field("contact.name", "山田\u{3000}太郎", "佐藤\u{3000}花子"), field("division", "課", "課\u{ad}")];
        let text = stat_text(&shown, &english());
        assert!(text.contains("\"山田\u{3000}太郎\" -> \"佐藤\u{3000}花子\"\n"), "{text}");
        assert!(text.contains("\"課\" -> \"課<U+00AD>\"\n"), "{text}");
        // text46a F46a-23: a line separator was shown raw, breaking the terminal's line.
        shown.fields = vec![field("title", "会合\u{2028}結果", "会合\u{2029}結果")];
        let text = stat_text(&shown, &english());
        assert!(text.contains("\"会合<U+2028>結果\" -> \"会合<U+2029>結果\"\n"), "{text}");
        // A topic's language found from its text is no field the user changed.
        let german = "Die Minister bekräftigten die enge Zusammenarbeit bei der Datenwirtschaft und vereinbarten \
                      weitere Gespräche über künstliche Intelligenz im kommenden Jahr.";
        let english = "The ministers confirmed their close cooperation on the data economy and agreed on further \
                       talks on artificial intelligence in the coming year.";
        let r = redline(&[("Data", german)], &[("Data", english)]);
        assert_eq!(topics(&[("Data", german)]).topics[0].lang.as_deref(), Some("de"), "found from its text");
        assert!(r.fields.is_empty(), "{:?}", r.fields);
    }

    /// The text of the old and of the new version in a redline's runs: all but the inserted,
    /// all but the deleted.
    fn sides(blocks: &[Block]) -> (String, String) {
        let side =
            |skip: Change| runs(blocks).iter().filter(|i| i.change != Some(skip)).map(|i| i.text.clone()).collect();
        (side(I), side(D))
    }

    /// Runs as text with what they mark in brackets: `[-deleted]`, `[+inserted]`.
    fn bracketed(runs: &[Inline]) -> String {
        runs.iter()
            .map(|i| match i.change {
                Some(D) => format!("[-{}]", i.text),
                Some(I) => format!("[+{}]", i.text),
                None => i.text.clone(),
            })
            .collect()
    }

    /// `n` words, `w0 w1 …` with `prefix` before each number.
    fn numbered(prefix: &str, n: usize) -> String {
        (0..n).map(|k| format!("{prefix}{k}")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_long_paragraph_with_a_few_changes_is_marked_word_by_word() {
        let old = numbered("w", 4_000);
        let new = old.replacen("w7 ", "seven ", 1).replacen("w2000 ", "w2000 more ", 1).replacen("w3999", "end", 1);
        let r = redline(&[("T", &old)], &[("T", &new)]);
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, "w7"), (I, "seven"), (I, "more "), (D, "w3999"), (I, "end")]);
        assert_eq!(sides(body), (old, new));
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (3, 2));
    }

    /// A column added to a table is inserted, cell by cell; the cells it had stay unmarked
    /// (text40b F40b-8: every cell was deleted and inserted again). A column lost makes the
    /// table replaced whole, as before.
    #[test]
    fn a_column_added_to_a_table_is_inserted_and_the_rest_kept() {
        let r = redline(
            &[("T", "| A | B |\n|---|---|\n| one | two |")],
            &[("T", "| A | B | C |\n|---|---|---|\n| one | two | six |")],
        );
        let body = &r.briefing.topics[0].body;
        assert_eq!(body.len(), 1, "one table: {body:?}");
        assert_eq!(marks(body), [(I, "C"), (I, "six")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (2, 0));
        // A new column in the middle, and a row changed too.
        let r = redline(
            &[("T", "| A | C |\n|---|---|\n| one | six |\n| x | y |")],
            &[("T", "| A | B | C |\n|---|---|---|\n| one | two | six |\n| x | z | w |")],
        );
        assert_eq!(marks(&r.briefing.topics[0].body), [(I, "B"), (I, "two"), (I, "z"), (D, "y"), (I, "w")]);
        let r = redline(&[("T", "| A | B |\n|---|---|\n| one | two |")], &[("T", "| A |\n|---|\n| one |")]);
        assert_eq!(r.briefing.topics[0].body.len(), 2, "a column lost: the old table deleted, the new inserted");
    }

    /// A stretch too long to compare word by word is replaced whole, the words both versions
    /// start and end with kept, without its tokens copied over and over (text40b F40b-9: two
    /// 4 MiB texts took 1.7 GB).
    #[test]
    fn a_stretch_too_long_to_compare_is_replaced_whole_between_what_is_kept() {
        let (old, new) = (
            format!("Kept words. {}end.", "old ".repeat(15_000)),
            format!("Kept words. {}end.", "new ".repeat(15_000)),
        );
        let r = redline(&[("T", &old)], &[("T", &new)]);
        let body = &r.briefing.topics[0].body;
        let m = marks(body);
        assert_eq!(m.len(), 2, "one deletion, one insertion");
        // (The space before `end.`, in both, is kept, as in a shorter stretch.)
        assert_eq!((m[0].0, m[0].1.len(), m[1].0, m[1].1.len()), (D, 4 * 15_000 - 1, I, 4 * 15_000 - 1));
        let text: String = runs(body).iter().filter(|i| i.change != Some(D)).map(|i| i.text.as_str()).collect();
        assert_eq!(text, new, "the new version reads as typed");
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (15_000, 15_000));
    }

    /// A soft hyphen or zero-width space added or removed changes no word: the redline marks
    /// none, and prints the word as the new version has it (text37b F37b-6).
    #[test]
    fn a_break_hint_added_or_removed_is_no_change() {
        let r = redline(
            &[("Data", "The Workshop agreed on cooperation. 日本の協力")],
            &[("Data", "The Work\u{AD}shop agreed on full co\u{200B}operation. 日本\u{200B}の協力")],
        );
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(I, "full ")]);
        let text: String = runs(body).iter().map(|i| i.text.as_str()).collect();
        assert_eq!(text, "The Work\u{AD}shop agreed on full co\u{200B}operation. 日本\u{200B}の協力");
        let r = redline(&[("Data", "co\u{200B}operation, 日本\u{200B}の")], &[("Data", "cooperation, 日本の")]);
        assert_eq!(marks(&r.briefing.topics[0].body), []);
        // A variation selector is a change: it changes the character (葛 and 葛󠄀).
        let r = redline(&[("Data", "葛飾区")], &[("Data", "葛\u{E0100}飾区")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "葛"), (I, "葛\u{E0100}")]);
    }

    /// text42b F42b-3: a hyphen made a dash, or a space, changes no word.
    #[test]
    fn a_hyphen_made_a_dash_or_a_space_changes_a_mark_not_words() {
        for (old, new) in [
            ("The Japan-EU workshop met.", "The Japan–EU workshop met."),
            ("An AI-based tool.", "An AI based tool."),
            ("The Japan-EU workshop met.", "The Japan—EU workshop met."),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (0, 0), "{old} → {new}");
            assert_eq!(r.parts[0].marks, 1, "{old} → {new}");
            assert_eq!(sides(&r.briefing.topics[0].body), (old.to_string(), new.to_string()));
        }
        // A word changed with it still counts.
        let r = redline(&[("T", "The Japan-EU workshop.")], &[("T", "The Japan–US workshop.")]);
        assert!(r.stat.words_inserted > 0 && r.stat.words_deleted > 0);
    }

    /// text47b F47b-5: a word split in two, or two joined into one, is spelt otherwise: words
    /// changed, in `--stat` and the box, in English and in Japanese, not "punctuation or
    /// spacing only". Spaces between words that stay the same words are still spacing.
    #[test]
    fn a_word_split_or_joined_changes_words_not_spacing() {
        for (old, new, inserted, deleted) in [
            ("Our Cybersecurity plan.", "Our Cyber security plan.", 2, 1),
            ("Our Cyber security plan.", "Our Cybersecurity plan.", 1, 2),
            ("Send an e-mail today.", "Send an email today.", 1, 1),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            let counted = (r.stat.words_inserted, r.stat.words_deleted, r.parts[0].marks);
            assert_eq!(counted, (inserted, deleted, 0), "{old} → {new}");
            assert_eq!(sides(&r.briefing.topics[0].body), (old.to_string(), new.to_string()));
            let line = stat_text(&r, &english());
            assert!(line.starts_with("changed topic \"T\": ") && !line.contains("punctuation"), "{line}");
        }
        // In mostly Japanese text, its Latin letters counted: 文字 changed, not 句読点・空白のみ.
        let (old, new) = (
            "日本とEUの会議で、Cybersecurityの計画を詳しく議論しました。",
            "日本とEUの会議で、Cyber securityの計画を詳しく議論しました。",
        );
        let r = redline(&[("T", old)], &[("T", new)]);
        assert_eq!((r.stat.characters_inserted, r.stat.characters_deleted, r.parts[0].marks), (13, 13, 0));
        let line = stat_text(&r, &japanese());
        assert!(!line.contains("句読点") && line.contains("13文字"), "{line}");
        // The same words, spaced otherwise: spacing still. (Japanese parts no words by its
        // spaces: a space between two of its characters is spacing.)
        for (old, new) in [
            ("An AI-based tool.", "An AI based tool."),
            ("The EU and Japan agreed.", "The EU—and Japan agreed."),
            ("サイバーセキュリティの会議を開いた。", "サイバー セキュリティの会議を開いた。"),
            ("会議でAI-basedの計画を議論した。", "会議でAI basedの計画を議論した。"),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            let s = &r.stat;
            let counted = (s.words_inserted, s.words_deleted, s.characters_inserted, s.characters_deleted);
            assert_eq!(counted, (0, 0, 0, 0), "{old} → {new}");
            assert!(r.parts[0].marks > 0, "{old} → {new}");
            assert_eq!(sides(&r.briefing.topics[0].body), (old.to_string(), new.to_string()));
        }
    }

    /// text43b F43b-10: a decimal point, a sign or a currency symbol changed changes the
    /// number: a word, replaced whole, not "punctuation or spacing only".
    #[test]
    fn a_mark_that_changes_a_number_changes_a_word() {
        for (old, new, deleted, inserted) in [
            ("It is 10.5 million.", "It is 105 million.", "10.5", "105"),
            ("It fell to -5 degrees.", "It fell to 5 degrees.", "-5", "5"),
            ("It costs $5 now.", "It costs €5 now.", "$5", "€5"),
            ("Up 2.5% on the year.", "Up 25% on the year.", "2.5", "25"),
            ("See Article 5(1) there.", "See Article 51 there.", "5(1)", "51"),
            // text44b F44b-7: a currency or percent sign after the number.
            ("Costs 5 € now.", "Costs 5 $ now.", "5 €", "5 $"),
            ("Costs 5€ now.", "Costs 5$ now.", "5€", "5$"),
            ("Up 5% today.", "Up 5 today.", "5%", "5"),
            ("Up 50 % today.", "Up 50 today.", "50 %", "50"),
            ("Fell 5‰ now.", "Fell 5% now.", "5‰", "5%"),
            // text45b F45b-21: a prime, minutes to seconds.
            ("Took 5′ then.", "Took 5″ then.", "5′", "5″"),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted, r.parts[0].marks), (1, 1, 0), "{old} → {new}");
            let body = &r.briefing.topics[0].body;
            assert_eq!(marks(body), [(D, deleted), (I, inserted)], "{old} → {new}");
            assert_eq!(sides(body), (old.to_string(), new.to_string()));
        }
        // A mark that is not part of a number stays a mark: the hyphen of `COVID-19`, a full
        // stop after a number, a bracket around one.
        for (old, new) in [
            ("The COVID-19 plan.", "The COVID–19 plan."),
            ("They were 5.", "They were 5!"),
            ("Point (5) stays.", "Point [5] stays."),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (0, 0), "{old} → {new}");
            assert!(r.parts[0].marks > 0, "{old} → {new}");
        }
    }

    #[test]
    fn a_word_deleted_after_the_last_shared_word_keeps_its_space() {
        for (old, new) in [
            ("Agreed on *digital economy* and more.", "Agreed on *digital* and more."),
            ("Agreed on `green digital` code.", "Agreed on `green` code."),
            ("Agreed on **green digital** economy.", "Agreed on **green** economy."),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            let body = &r.briefing.topics[0].body;
            assert_eq!(sides(body), (old.replace(['*', '`'], ""), new.replace(['*', '`'], "")));
            assert!(marks(body).iter().all(|m| m.0 == D), "{:?}", marks(body));
            assert!(
                marks(body).iter().any(|m| m.1.starts_with(' ')),
                "the space goes with the word: {:?}",
                marks(body)
            );
            assert_eq!(r.stat.words_deleted, 1);
        }
    }

    #[test]
    fn past_the_budget_a_changed_stretch_is_deleted_and_inserted_whole_and_no_text_is_lost() {
        let (old, new) = ("Keep this. The old words here. Keep that.", "Keep this. The new words there. Keep that.");
        let (a, b) = (topics(&[("T", old)]), topics(&[("T", new)]));
        // Within the budget: word by word.
        let r = compare(&a, &b);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "old"), (I, "new"), (D, "here"), (I, "there")]);
        // With no budget left: the stretch between what both start and end with, whole.
        let r = compare_within(&a, &b, 0);
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, "old words here"), (I, "new words there")]);
        assert_eq!(sides(body), (old.to_string(), new.to_string()));
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (3, 3));
        // And said so (text48b F48b-6); word by word, nothing is.
        let whole = Whole { stretches: 1, words: (3, 3), characters: (0, 0) };
        assert_eq!(r.parts[0].whole, whole);
        assert!(compared_whole(&r)[0].starts_with("topic \"T\": a stretch too long to compare word by word"));
        assert!(compared_whole(&compare(&a, &b)).is_empty());
    }

    #[test]
    fn a_stretch_longer_than_the_bound_is_replaced_whole_in_latin_and_japanese() {
        let (old, new) = (numbered("a", LONGEST / 2 + 1), numbered("b", LONGEST / 2 + 1));
        let r = redline(&[("T", &old)], &[("T", &new)]);
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, old.as_str()), (I, new.as_str())]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (LONGEST / 2 + 1, LONGEST / 2 + 1));
        // Japanese, compared by character, within the same bound.
        let (old, new) = ("日".repeat(LONGEST / 2 + 1), "本".repeat(LONGEST / 2 + 1));
        let r = redline(&[("T", &old)], &[("T", &new)]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, old.as_str()), (I, new.as_str())]);
        // Said so, in characters (text48b F48b-6).
        let counted = (LONGEST / 2 + 1, LONGEST / 2 + 1);
        assert_eq!(r.parts[0].whole, Whole { stretches: 1, words: (0, 0), characters: counted });
        let said = compared_whole(&r);
        assert!(said[0].contains(" too long to compare character by character was compared as a whole: 5001 characters marked deleted and 5001 inserted"), "{said:?}");
        // Under it: character by character.
        let (old, new) = ("日本語".repeat(100), "日本語".repeat(50) + "文" + &"日本語".repeat(50));
        let r = redline(&[("T", &old)], &[("T", &new)]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(I, "文")]);
    }

    /// A stretch past the bound is compared sentence by sentence, and the sentences that
    /// differ word by word or character by character (text41a F41a-26: a Japanese paragraph
    /// of 12,000 characters with two edits far apart was replaced whole).
    #[test]
    fn a_long_paragraph_with_changes_far_apart_is_compared_sentence_by_sentence() {
        let sentence = |k: usize| format!("第{k}回の会合では、データの流通と人工知能の安全性について意見を交換した。");
        let old: String = (0..400).map(sentence).collect();
        assert!(old.chars().count() > LONGEST, "{}", old.chars().count());
        let new =
            old.replacen("第3回の会合では", "第3回の会議では", 1).replacen("第396回の会合", "第396回の全体会合", 1);
        let r = redline(&[("T", &old)], &[("T", &new)]);
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, "合"), (I, "議"), (I, "全体")]);
        assert_eq!(sides(body), (old.clone(), new.clone()));
        // In English too, word by word, and a sentence added in the middle is inserted whole.
        let sentence =
            |k: usize| format!("Meeting {k} discussed data flows and the safety of artificial intelligence. ");
        let old: String = (0..1_500).map(sentence).collect();
        let new = old
            .replacen("Meeting 3 discussed", "Meeting 3 reviewed", 1)
            .replacen("Meeting 700 ", "Added here. Meeting 700 ", 1)
            .replacen("Meeting 1498 discussed data", "Meeting 1498 discussed open data", 1);
        let r = redline(&[("T", old.trim_end())], &[("T", new.trim_end())]);
        let body = &r.briefing.topics[0].body;
        assert_eq!(marks(body), [(D, "discussed"), (I, "reviewed"), (I, "Added here. "), (I, "open ")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (4, 1));
    }

    /// A few changes spread through a paragraph too long to compare word by word, and with no
    /// sentence end to cut it at, are found at the words it has once (text48b F48b-6: 7 words
    /// changed in 7,000 were "6001 words inserted, 6001 deleted"); and a Japanese paragraph of
    /// 8,000 characters, under twice the bound, is cut at its sentences (5 characters changed
    /// were "挿入6101文字、削除6101文字").
    #[test]
    fn a_few_changes_far_apart_in_a_very_long_paragraph_are_counted_exactly() {
        let old = numbered("w", 7_000);
        let mut new = old.clone();
        for k in (500..7_000).step_by(1_000) {
            new = new.replacen(&format!(" w{k} "), &format!(" x{k} "), 1);
        }
        let r = redline(&[("T", &old)], &[("T", &new)]);
        let body = &r.briefing.topics[0].body;
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (7, 7));
        assert_eq!(marks(body).len(), 14, "{:?}", marks(body));
        assert_eq!(sides(body), (old.clone(), new.clone()));
        // Words added and removed far apart, too.
        let new = old.replacen(" w100 ", " w100 new words ", 1).replacen(" w6000 w6001 ", " ", 1);
        let r = redline(&[("T", &old)], &[("T", &new)]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(I, "new words "), (D, "w6000 w6001 ")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (2, 2));
        // Japanese: 8,000 characters in sentences, 5 changed far apart.
        let sentence = |k: usize| format!("第{k}回の会合では、安全性について意見を交換した。");
        let old: String = (0..320).map(sentence).collect();
        assert!((LONGEST..2 * LONGEST).contains(&(2 * old.chars().count())), "{}", old.chars().count());
        let mut new = old.clone();
        for k in [10, 80, 150, 220, 300] {
            new = new.replacen(&format!("第{k}回の会合"), &format!("第{k}回の会議"), 1);
        }
        let r = redline(&[("T", &old)], &[("T", &new)]);
        assert_eq!((r.stat.characters_inserted, r.stat.characters_deleted), (5, 5));
        assert_eq!(sides(&r.briefing.topics[0].body), (old, new));
    }

    #[test]
    fn renamed_topics_are_matched_by_their_body() {
        let n = 300;
        let body = |k: usize| format!("Topic number {k} says something about item {k} and item {}.", k + 1);
        let old: Vec<(String, String)> = (0..n).map(|k| (format!("Old {k}"), body(k))).collect();
        // Renamed, and every tenth body edited a little.
        let new: Vec<(String, String)> = (0..n)
            .map(|k| (format!("New {k}"), if k % 10 == 0 { body(k).replace("says", "tells") } else { body(k) }))
            .collect();
        fn as_refs(v: &[(String, String)]) -> Vec<(&str, &str)> {
            v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
        }
        let r = redline(&as_refs(&old), &as_refs(&new));
        assert_eq!((r.stat.topics_added, r.stat.topics_removed, r.stat.topics_changed), (0, 0, n));
        assert_eq!(r.fields.len(), n, "every title changed");
        // (Each title's word `Old` made `New`, and every tenth body's word.)
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (n + n / 10, n + n / 10));
    }

    #[test]
    fn the_summary_speaks_the_labels_language_and_counts_japanese_characters() {
        let r = redline(
            &[("概要", "第10回日EU・ICT政策対話を開催した。"), ("旧", "削除される。")],
            &[("概要", "第11回日EU・ICT政策対話を開催しました。")],
        );
        assert_eq!(
            stat_text(&r, &japanese()),
            "トピック「概要」を変更：挿入4文字、削除2文字\nトピック「旧」を削除：5文字\n\
             langを変更: \"ja\" -> \"en\"\n\
             変更したトピック1件、追加0件、削除1件；挿入4文字、削除7文字；変更した項目1件"
        );
        // A title is not read as a placeholder.
        let r = redline(&[("{n} {part}", "Old.")], &[("{n} {part}", "New.")]);
        assert!(stat_text(&r, &english()).starts_with("changed topic \"{n} {part}\": 1 word inserted, 1 deleted\n"));
    }

    /// Only a punctuation mark or a space changed: the totals count no words, not
    /// "挿入0語、削除0語" (Japanese counts 文字, and a nought is no change), in every language.
    #[test]
    fn totals_of_punctuation_alone_print_no_counts_of_words() {
        let r = redline(&[("概要", "政策対話を開催した、東京で。")], &[("概要", "政策対話を開催した，東京で。")]);
        assert_eq!((r.stat.words_inserted + r.stat.characters_inserted, r.stat.topics_changed), (0, 1));
        let text = stat_text(&r, &japanese());
        assert!(text.ends_with("\n変更したトピック1件、追加0件、削除0件"), "{text}");
        let r = redline(&[("T", "Data, flows.")], &[("T", "Data; flows.")]);
        assert!(stat_text(&r, &english()).ends_with("\n1 topic changed, 0 added, 0 removed"), "{:?}", r.stat);
        for l in crate::theme::LANGUAGES {
            let labels =
                crate::theme::Theme::resolve_for(crate::theme::TemplateRef::Builtin("default"), l.name).unwrap().labels;
            let last = stat_text(&r, &labels).lines().last().unwrap_or_default().to_string();
            let nought = |unit: &str| unit.replace("{n}", "0");
            assert!(!last.contains('{') && !last.is_empty(), "{}: {last}", l.name);
            assert!(!last.contains(&nought(&labels.words)), "{}: {last}", l.name);
            assert!(!last.contains(&nought(&labels.characters)), "{}: {last}", l.name);
        }
    }

    #[test]
    fn every_language_with_labels_has_the_redlines_words_in_it() {
        let en = english();
        let r = redline(&[("T", "Old words.")], &[("T", "New words.")]);
        for l in crate::theme::LANGUAGES {
            let labels =
                crate::theme::Theme::resolve_for(crate::theme::TemplateRef::Builtin("default"), l.name).unwrap().labels;
            assert_eq!(labels.changes_lang, l.name, "the box is tagged with the language its words are in");
            for (what, mine, english) in [
                ("changes_since", &labels.changes_since, &en.changes_since),
                ("changes_totals", &labels.changes_totals, &en.changes_totals),
                ("changes_legend", &labels.changes_legend, &en.changes_legend),
                ("changes_legend_web", &labels.changes_legend_web, &en.changes_legend_web),
                ("unchanged", &labels.unchanged, &en.unchanged),
                ("changed_punctuation", &labels.changed_punctuation, &en.changed_punctuation),
            ] {
                assert_ne!(mine, english, "{}: {what} is translated", l.name);
            }
            // Every placeholder is filled.
            let text = stat_text(&r, &labels);
            assert!(!text.contains('{') && text.contains('1'), "{}: {text}", l.name);
        }
        // A language without a patch: English words, tagged English.
        let is = crate::theme::Theme::resolve_for(crate::theme::TemplateRef::Builtin("default"), "is").unwrap().labels;
        assert_eq!((is.changes_lang.as_str(), is.changes_since.as_str()), ("en", "Changes since {since}"));
    }

    #[test]
    fn a_renamed_topic_shows_its_words_changed_in_its_title_and_is_named_as_printed() {
        let r = redline(&[("Data flows", "Same.")], &[("Data free flows", "Same.")]);
        let title = r.briefing.topics[0].marked_title.as_deref().expect("the changed title is marked");
        let shown: Vec<(Option<Change>, &str)> = title.iter().map(|i| (i.change, i.text.as_str())).collect();
        assert_eq!(shown, [(None, "Data "), (Some(I), "free "), (None, "flows")]);
        // A title's words count with its topic's (text30 F30b-6: "0 words inserted" for a
        // topic renamed alone); the field says which topic a reader sees.
        assert_eq!((r.stat.words_inserted, r.stat.fields_changed), (1, 1));
        assert!(stat_text(&r, &english()).contains("changed topic \"Data free flows\": 1 word inserted, 0 deleted"));
        assert!(stat_text(&r, &english()).contains("changed topics[0].title (topic 1): \"Data flows\""));
        let same = redline(&[("Data", "Old.")], &[("Data", "New.")]);
        assert!(same.briefing.topics[0].marked_title.is_none(), "a title that stayed has no marks");
    }

    #[test]
    fn a_paragraph_split_in_two_or_two_joined_is_no_text_deleted_and_inserted() {
        let one = "Both sides met and talked at length. Then they agreed to meet again in Tokyo.\n\nLast.";
        let two = "Both sides met and talked at length.\n\nThen they agreed to meet again in Tokyo.\n\nLast.";
        for (old, new) in [(one, two), (two, one)] {
            let r = redline(&[("T", old)], &[("T", new)]);
            assert!(marks(&r.briefing.topics[0].body).is_empty(), "{old:?}: {:?}", r.briefing.topics[0].body);
            assert_eq!(
                r.briefing.topics[0].body,
                topics(&[("T", new)]).topics[0].body,
                "the new paragraphs, as written"
            );
            // No word changed: no change to count, as none is marked.
            assert!(r.stat.is_empty(), "{:?}", r.stat);
        }
        // Split, with a word changed: that word alone is marked, in the paragraph it is now in.
        let r = redline(&[("T", one)], &[("T", &two.replace("Tokyo", "Brussels"))]);
        let body = &r.briefing.topics[0].body;
        assert_eq!(body.len(), 3);
        assert_eq!(marks(&body[1..2]), [(D, "Tokyo"), (I, "Brussels")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (1, 1));
        // Japanese, each paragraph indented with an ideographic space, which stays.
        let one = "\u{3000}両者は協力を確認した。次回は東京で開催する。";
        let two = "\u{3000}両者は協力を確認した。\n\n\u{3000}次回は東京で開催する。";
        let r = redline(&[("T", one)], &[("T", two)]);
        // (The new paragraph's indent is inserted: a space, which has nothing to mark.)
        let body = &r.briefing.topics[0].body;
        assert!(marks(body).iter().all(|(_, t)| t.trim().is_empty()), "{body:?}");
        let text = |b: &[Block]| {
            b.iter()
                .map(|b| runs(std::slice::from_ref(b)).iter().map(|i| i.text.as_str()).collect())
                .collect::<Vec<String>>()
        };
        assert_eq!(text(body), ["\u{3000}両者は協力を確認した。", "\u{3000}次回は東京で開催する。"]);
    }

    #[test]
    fn a_kept_space_stays_after_edited_punctuation_and_each_version_reads_as_typed() {
        for (old, new, shown) in [
            ("Work in the field and more.", "Work in the field: and more.", "Work in the field[+:] and more."),
            (
                "Held on October 2, October 3.",
                "Held on October 2 and October 3.",
                "Held on October 2[-,] [+and ]October 3.",
            ),
            (
                "Held on October 2 and October 3.",
                "Held on October 2, October 3.",
                "Held on October 2[- and][+,] October 3.",
            ),
            ("Work in the field, and more.", "Work in the field; and more.", "Work in the field[-,][+;] and more."),
            ("We met in Tokyo and Osaka.", "We met in Kyoto and Osaka.", "We met in [-Tokyo][+Kyoto] and Osaka."),
            // A mark that opens keeps the space before it.
            ("The EU side explained.", "The EU side (new) explained.", "The EU side [+(new) ]explained."),
            ("The EU side explained.", "The EU side \"quoted\" explained.", "The EU side [+\"quoted\" ]explained."),
            ("Amending the rule.", "Amending — the rule.", "Amending [+— ]the rule."),
            ("Japan's \"Beyond 5G\" plan.", "Japan's Tokyo 5G\" plan.", "Japan's [-\"Beyond][+Tokyo] 5G\" plan."),
            ("The rules, as agreed.", "The rules as agreed.", "The rules[-,] as agreed."),
            // A dash set closed replaces the space; one set open keeps it.
            ("The EU and Japan agreed.", "The EU—and Japan—agreed.", "The EU[- ][+—]and Japan[- ][+—]agreed."),
            ("The EU agreed on it.", "The EU—in principle—agreed on it.", "The EU[- ][+—in principle—]agreed on it."),
            ("The Ministry and the EU met.", "The Ministry— and the EU met.", "The Ministry[+—] and the EU met."),
            // A mark standing alone keeps the space typed before it.
            ("The EU agreed on it.", "The EU agreed … on it.", "The EU agreed [+… ]on it."),
            // Words inserted before a closing mark bring their space with them.
            ("They met in Tokyo.", "They met in Tokyo (Japan).", "They met in Tokyo[+ (Japan)]."),
            (
                "The EU explained its policy.",
                "The EU explained, *in detail*, its policy.",
                "The EU explained[+, ][+in detail][+,] its policy.",
            ),
            // A space alone added, or made a no-break one.
            ("Est-ce vrai? Oui.", "Est-ce vrai ? Oui.", "Est-ce vrai[+ ]? Oui."),
            ("Les 10 000 cas.", "Les 10\u{a0}000 cas.", "Les 10[- ][+\u{a0}]000 cas."),
            // French spacing before `:` and `;`, plain or narrow no-break, as typed.
            ("Les données et", "Les données : elle avance ; et", "Les données [+: elle avance ; ]et"),
            (
                "Les données et",
                "Les données\u{202f}: elle avance\u{202f}; et",
                "Les données[+\u{202f}: elle avance\u{202f};] et",
            ),
        ] {
            let r = redline(&[("T", old)], &[("T", new)]);
            let Block::Paragraph(runs) = &r.briefing.topics[0].body[0] else { panic!() };
            assert_eq!(bracketed(runs), shown, "{old:?} → {new:?}");
            // Without its insertions the redline reads the old text, without its deletions the new.
            let reading = |without: Change| {
                runs.iter().filter(|i| i.change != Some(without)).map(|i| i.text.as_str()).collect::<String>()
            };
            let plain = |b: &Briefing| match &b.topics[0].body[0] {
                Block::Paragraph(i) => i.iter().map(|i| i.text.as_str()).collect::<String>(),
                _ => panic!(),
            };
            assert_eq!(reading(I), plain(&topics(&[("T", old)])), "old: {old:?}");
            assert_eq!(reading(D), plain(&topics(&[("T", new)])), "new: {new:?}");
            // A punctuation mark changed is a change, though it is no word.
            assert_eq!(r.stat.topics_changed, 1, "{old:?} → {new:?}");
        }
    }

    #[test]
    fn a_list_number_typed_differently_is_shown_deleted_and_the_new_one_inserted() {
        let r = redline(&[("T", "1. First.\n2. Second.")], &[("T", "3. First.\n4. Second.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "1. "), (D, "2. ")]);
        // The new numbers are marked inserted: each number counts one word, old and new.
        let Block::List { changed, .. } = &r.briefing.topics[0].body[0] else { panic!() };
        assert_eq!(changed, &[Some(I), Some(I)]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted), (2, 2));
        let same = redline(&[("T", "1. First.\n2. Second.")], &[("T", "1. First.\n2. Second, now.")]);
        assert_eq!(marks(&same.briefing.topics[0].body), [(I, ", now")]);
        // Numbers now bullets, and bullets now numbers, are marked too (text38b F38b-8); a
        // bullet typed otherwise (`-` now `*`) prints the same, and is not.
        let r = redline(&[("T", "1. First.\n2. Second.")], &[("T", "- First.\n- Second.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "1. "), (D, "2. ")]);
        let Block::List { changed, .. } = &r.briefing.topics[0].body[0] else { panic!() };
        assert_eq!(changed, &[Some(I), Some(I)]);
        let r = redline(&[("T", "- First.\n- Second.")], &[("T", "1. First.\n2. Second.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "• "), (D, "• ")]);
        let r = redline(&[("T", "- First.\n- Second.")], &[("T", "* First.\n* Second.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), []);
        // A sign of pros and cons changed prints as typed, and is marked (text47a F47a-10).
        let r = redline(&[("T", "+ Faster.\n- Dearer.")], &[("T", "- Faster.\n- Dearer.\n+ Simpler.")]);
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "+ "), (I, "Simpler.")]);
        let Block::List { changed, .. } = &r.briefing.topics[0].body[0] else { panic!() };
        assert_eq!(changed, &[Some(I), None, Some(I)]);
    }

    #[test]
    fn a_changed_code_block_stays_code_line_by_line_and_each_version_reads_as_typed() {
        for (old, new, shown) in [
            ("x = 1\ny = 2", "x = 1\ny = 3", "x = 1\ny = [-2][+3]"),
            ("if a:\n  b()\nc()", "if a:\n    b()\nc()", "if a:\n  [+  ]b()\nc()"),
            ("import os\nrun()", "run()", "[-import os\n]run()"),
            ("run()", "import os\nrun()", "[+import os\n]run()"),
            ("run()\nexit()", "run()", "run()[-\nexit()]"),
            ("run()", "run()\n    exit()", "run()[+\n    exit()]"),
            ("a\n\nb", "a\nb", "a[-\n]\nb"),
            ("old", "new", "[-old][+new]"),
            // A line reindented is the same line, and not paired with one inserted before it.
            ("f()\n  done()", "f()\n    log()\n    done()", "f()[+\n    log()]\n  [+  ]done()"),
        ] {
            let fenced = |code: &str| format!("```\n{code}\n```");
            let r = redline(&[("T", &fenced(old))], &[("T", &fenced(new))]);
            let body = &r.briefing.topics[0].body;
            let [Block::MarkedCode(runs)] = body.as_slice() else { panic!("{old:?} → {new:?}: {body:?}") };
            assert!(runs.iter().all(|i| i.code), "{runs:?}");
            assert_eq!(bracketed(runs), shown, "{old:?} → {new:?}");
            assert_eq!(sides(body), (old.to_string(), new.to_string()));
            assert_eq!(r.stat.topics_changed, 1);
        }
    }
    #[test]
    fn english_in_japanese_counts_words_and_japanese_in_english_characters() {
        // text19 H70-11: "and Atlantic regions" for "region" in a Japanese briefing was
        // "挿入3文字、削除1文字", letters though it counted words.
        let r = redline(
            &[("概要", "The Pacific region."), ("二", "本会議を開催した。")],
            &[("概要", "The Pacific and Atlantic regions."), ("二", "本会議を東京で開催した。")],
        );
        let text = stat_text(&r, &japanese());
        assert!(text.contains("トピック「概要」を変更：挿入3語、削除1語\n"), "{text}");
        assert!(text.contains("トピック「二」を変更：挿入3文字、削除0文字\n"), "{text}");
        assert!(text.ends_with("変更したトピック2件、追加0件、削除0件；挿入3語と3文字、削除1語"), "{text}");
        // In English, a bare number is not read in another unit than the one it follows.
        let text = stat_text(&r, &english());
        assert!(text.contains("changed topic \"二\": 3 characters inserted, 0 deleted\n"), "{text}");
        assert!(text.ends_with("; 3 words and 3 characters inserted, 1 word deleted"), "{text}");
        // Every language's labels count in their units, with no bare number in another unit
        // (text22a R22-5: "palabras insertadas: 6" for six characters).
        for lang in ["de", "es", "fr", "it", "nl", "pl", "pt"] {
            let labels =
                crate::theme::Theme::resolve_for(crate::theme::TemplateRef::Builtin("default"), lang).unwrap().labels;
            let text = stat_text(&r, &labels);
            let (words, characters) = (labels.words.replace("{n}", "3"), labels.characters.replace("{n}", "3"));
            assert!(text.contains(&words) && text.contains(&characters), "{lang}: {text}");
            let only_characters = text.lines().find(|l| l.contains('二')).unwrap();
            assert!(only_characters.contains(&characters) && !only_characters.contains(&words), "{lang}: {text}");
            assert!(!labels.one_word.contains("word") && !labels.characters.contains("character"), "{lang}");
        }
    }
}
