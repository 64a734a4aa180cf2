//! `briefing diff OLD NEW`: the new briefing with what changed since the old one marked, word
//! by word in Latin text and character by character in Japanese, and a count of the changes.
//! Pure: the CLI reads the files and the layout draws the marks ([`Inline::change`],
//! [`Topic::change`]).

use std::fmt;

use similar::{capture_diff_slices, get_diff_ratio, Algorithm, DiffTag};

use crate::markdown::{self, Block, Cell, Change, Inline};
use crate::model::{Briefing, Date, Topic};
use crate::script::is_japanese;

/// A briefing compared with an earlier version of it.
#[derive(Debug, Clone)]
pub struct Redline {
    /// NEW with the changes marked. In paragraphs, headings, list items and table cells,
    /// inserted runs have `change == Some(Inserted)`; deleted text from OLD is put back where
    /// it was as runs with `Some(Deleted)`, deleted before inserted where text was replaced.
    /// Topics only in OLD are put back after the topic that preceded them, with
    /// `Topic::change == Some(Deleted)` and all their text Deleted; topics only in NEW have
    /// `Some(Inserted)` and all their text Inserted. A code block that changed becomes a
    /// paragraph of code runs, so that it can carry marks; a deleted rule is left out.
    pub briefing: Briefing,
    /// Plain text fields that differ (title, date, contact…), which carry no marks.
    pub fields: Vec<FieldChange>,
    /// The summary, overview and topics that differ, in the order of `briefing`.
    pub parts: Vec<PartChange>,
    pub stat: Stat,
}

/// A plain text field that differs, as written (dates as `YYYY-MM-DD`, absent as "").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Its path: `date`, `contact.tel`, `topics[2].title` (the index in NEW)…
    pub field: String,
    pub old: String,
    pub new: String,
}

/// The summary, the overview or a topic, with how it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartChange {
    pub part: Part,
    /// `None` when changed, `Some(Inserted)` when added, `Some(Deleted)` when removed.
    pub change: Option<Change>,
    pub words_inserted: usize,
    pub words_deleted: usize,
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

/// How much changed. Words are Latin words and Japanese characters (not spaces, not
/// punctuation) in Markdown text, the bodies of added and removed topics included; titles and
/// other plain fields count as fields, not words.
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
    pub fields_changed: usize,
}

impl Stat {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Stat::default()
    }
}

/// Compares two checked briefings: NEW with the changes since OLD marked, and their count.
pub fn compare(old: &Briefing, new: &Briefing) -> Redline {
    let mut parts = Vec::new();
    let summary = diff_part(Part::Summary, &old.summary, &new.summary, &mut parts);
    let overview = diff_part(Part::Overview, &old.overview, &new.overview, &mut parts);
    let mut fields = briefing_fields(old, new);
    let topics = diff_topics(&old.topics, &new.topics, &mut parts, &mut fields);
    let count = |f: &dyn Fn(&PartChange) -> bool| parts.iter().filter(|p| f(p)).count();
    let stat = Stat {
        topics_added: count(&|p| matches!(p.part, Part::Topic(_)) && p.change == Some(Change::Inserted)),
        topics_removed: count(&|p| matches!(p.part, Part::Topic(_)) && p.change == Some(Change::Deleted)),
        topics_changed: count(&|p| matches!(p.part, Part::Topic(_)) && p.change.is_none()),
        sections_changed: count(&|p| !matches!(p.part, Part::Topic(_))),
        words_inserted: parts.iter().map(|p| p.words_inserted).sum(),
        words_deleted: parts.iter().map(|p| p.words_deleted).sum(),
        fields_changed: fields.len(),
    };
    let briefing = Briefing { summary, overview, topics, ..new.clone() };
    Redline { briefing, fields, parts, stat }
}

/// What `briefing diff --stat` prints: a line per changed part and per changed field, then
/// the totals; "no changes" when nothing changed.
pub fn stat_text(r: &Redline) -> String {
    if r.stat.is_empty() {
        return "no changes".to_string();
    }
    let mut out = String::new();
    for p in &r.parts {
        let (i, d) = (p.words_inserted, p.words_deleted);
        let line = match p.change {
            None => format!("changed {}: {} inserted, {d} deleted", p.part, words(i)),
            Some(Change::Inserted) => format!("added {}: {}", p.part, words(i)),
            Some(Change::Deleted) => format!("removed {}: {}", p.part, words(d)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    for f in &r.fields {
        out.push_str(&format!("changed {}: {:?} -> {:?}\n", f.field, f.old, f.new));
    }
    out.push_str(&totals(&r.stat));
    out
}

/// The counts, as the last line of [`stat_text`]: "2 topics changed, 1 added, 1 removed; 14
/// words inserted, 9 deleted".
pub fn totals(s: &Stat) -> String {
    let topics = if s.topics_changed == 1 { "topic" } else { "topics" };
    let mut out = format!(
        "{} {topics} changed, {} added, {} removed; {} inserted, {} deleted",
        s.topics_changed,
        s.topics_added,
        s.topics_removed,
        words(s.words_inserted),
        s.words_deleted
    );
    if s.fields_changed > 0 {
        let fields = if s.fields_changed == 1 { "field" } else { "fields" };
        out.push_str(&format!("; {} {fields} changed", s.fields_changed));
    }
    out
}

/// "1 word", "14 words".
pub fn words(n: usize) -> String {
    format!("{n} {}", if n == 1 { "word" } else { "words" })
}

/// The plain text fields of the briefing that differ.
fn briefing_fields(old: &Briefing, new: &Briefing) -> Vec<FieldChange> {
    let date = |d: &Date| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let (oc, nc) = (&old.contact, &new.contact);
    let pairs = [
        ("title", old.title.clone(), new.title.clone()),
        ("short_title", old.short_title.clone(), new.short_title.clone()),
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
        .map(|(field, old, new)| FieldChange { field: field.to_string(), old, new })
        .collect()
}

/// The topics of NEW in its order, each compared with its match in OLD, and the topics only
/// in OLD put back after the topic that preceded them there.
fn diff_topics(old: &[Topic], new: &[Topic], parts: &mut Vec<PartChange>, fields: &mut Vec<FieldChange>) -> Vec<Topic> {
    let matched = match_topics(old, new);
    // Removed topics by the index in NEW they follow (0: before the first).
    let mut removed: Vec<Vec<&Topic>> = vec![Vec::new(); new.len() + 1];
    let mut after = 0;
    for (i, t) in old.iter().enumerate() {
        match matched.iter().position(|m| *m == Some(i)) {
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
                for (what, a, b) in
                    [("title", Some(&o.title), Some(&n.title)), ("lang", o.lang.as_ref(), n.lang.as_ref())]
                {
                    if a != b {
                        let text = |s: Option<&String>| s.cloned().unwrap_or_default();
                        fields.push(FieldChange { field: format!("topics[{j}].{what}"), old: text(a), new: text(b) });
                    }
                }
                let mut words = Words::default();
                let body = diff_blocks(&o.body, &n.body, &mut words);
                if o.title != n.title || o.body != n.body {
                    parts.push(words.part(Part::Topic(n.title.clone()), None));
                }
                Topic { body, ..n.clone() }
            }
        };
        out.push(topic);
        put_back(&removed[j + 1], &mut out, parts);
    }
    out
}

/// For each topic of NEW, the topic of OLD it is a version of: the one with the same title,
/// else the first unmatched one whose body is at least half the same.
fn match_topics(old: &[Topic], new: &[Topic]) -> Vec<Option<usize>> {
    let mut used = vec![false; old.len()];
    let mut matched = vec![None; new.len()];
    for (j, n) in new.iter().enumerate() {
        if let Some(i) = (0..old.len()).find(|&i| !used[i] && old[i].title == n.title) {
            used[i] = true;
            matched[j] = Some(i);
        }
    }
    let text = |t: &Topic| {
        let mut s = String::new();
        markdown::visit_text(&t.body, &mut |piece| s.push_str(piece));
        s
    };
    for (j, n) in new.iter().enumerate() {
        if matched[j].is_some() {
            continue;
        }
        let new_text = text(n);
        let new_tokens = tokens(&new_text);
        let similar = |i: &usize| {
            let old_text = text(&old[*i]);
            let old_tokens = tokens(&old_text);
            let ops = capture_diff_slices(Algorithm::Myers, &old_tokens, &new_tokens);
            get_diff_ratio(&ops, old_tokens.len(), new_tokens.len()) >= 0.5
        };
        if let Some(i) = (0..old.len()).filter(|&i| !used[i]).find(similar) {
            used[i] = true;
            matched[j] = Some(i);
        }
    }
    matched
}

/// A topic only in one version, all its text marked `change`.
fn only_in_one(t: &Topic, change: Change, parts: &mut Vec<PartChange>) -> Topic {
    let mut words = Words::default();
    let body = mark_blocks(&t.body, change, &mut words);
    parts.push(words.part(Part::Topic(t.title.clone()), Some(change)));
    Topic { body, change: Some(change), ..t.clone() }
}

/// The summary or overview compared; recorded in `parts` when it differs.
fn diff_part(part: Part, old: &[Block], new: &[Block], parts: &mut Vec<PartChange>) -> Vec<Block> {
    let mut words = Words::default();
    let out = diff_blocks(old, new, &mut words);
    if old != new {
        parts.push(words.part(part, None));
    }
    out
}

/// Words inserted and deleted so far.
#[derive(Default)]
struct Words {
    inserted: usize,
    deleted: usize,
}

impl Words {
    fn part(self, part: Part, change: Option<Change>) -> PartChange {
        PartChange { part, change, words_inserted: self.inserted, words_deleted: self.deleted }
    }
}

/// One step through two sequences: indices into OLD and NEW.
enum Step {
    /// Equal in both: the index in NEW.
    Same(usize),
    /// Differs: the index in OLD and in NEW, to compare further.
    Pair(usize, usize),
    /// Only in OLD (`Deleted`) or only in NEW (`Inserted`): the index there.
    Only(Change, usize),
}

/// Aligns two sequences: elements equal in both, then pairs of replaced ones, deleted
/// before inserted where one side has more.
fn align<'a, T: PartialEq>(old: &'a [T], new: &'a [T]) -> Vec<Step> {
    // Each element as the index of the first one equal to it, which the diff can hash.
    let mut seen: Vec<&'a T> = Vec::new();
    let mut key = |x: &'a T| match seen.iter().position(|s| *s == x) {
        Some(k) => k,
        None => {
            seen.push(x);
            seen.len() - 1
        }
    };
    let a: Vec<usize> = old.iter().map(&mut key).collect();
    let b: Vec<usize> = new.iter().map(&mut key).collect();
    let mut steps = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            steps.extend(n.map(Step::Same));
            continue;
        }
        let paired = o.len().min(n.len());
        steps.extend((0..paired).map(|k| Step::Pair(o.start + k, n.start + k)));
        steps.extend((o.start + paired..o.end).map(|i| Step::Only(Change::Deleted, i)));
        steps.extend((n.start + paired..n.end).map(|j| Step::Only(Change::Inserted, j)));
    }
    steps
}

/// Two bodies compared block by block.
fn diff_blocks(old: &[Block], new: &[Block], words: &mut Words) -> Vec<Block> {
    let mut out = Vec::new();
    for step in align(old, new) {
        match step {
            Step::Same(j) => out.push(new[j].clone()),
            Step::Pair(i, j) => diff_block(&old[i], &new[j], words, &mut out),
            Step::Only(Change::Deleted, i) => out.extend(mark_block(&old[i], Change::Deleted, words)),
            Step::Only(Change::Inserted, j) => out.extend(mark_block(&new[j], Change::Inserted, words)),
        }
    }
    out
}

/// Two different blocks at the same place: compared inside when of the same kind, else the
/// old one deleted and the new one inserted.
fn diff_block(old: &Block, new: &Block, words: &mut Words, out: &mut Vec<Block>) {
    let block = match (old, new) {
        (Block::Paragraph(a), Block::Paragraph(b)) => Block::Paragraph(diff_inlines(a, b, words)),
        (Block::Heading(_, a), Block::Heading(l, b)) => Block::Heading(*l, diff_inlines(a, b, words)),
        (Block::Quote(a), Block::Quote(b)) => Block::Quote(diff_blocks(a, b, words)),
        (Block::Code(a), Block::Code(b)) => Block::Paragraph(diff_inlines(&code(a), &code(b), words)),
        (Block::List { items: a, markers: am, .. }, Block::List { start, items: b, markers: bm }) => {
            let (mut items, mut markers) = (Vec::new(), Vec::new());
            for step in align(a, b) {
                let (item, marker) = match step {
                    Step::Same(j) => (b[j].clone(), bm.get(j)),
                    Step::Pair(i, j) => (diff_blocks(&a[i], &b[j], words), bm.get(j)),
                    Step::Only(Change::Deleted, i) => (mark_blocks(&a[i], Change::Deleted, words), am.get(i)),
                    Step::Only(Change::Inserted, j) => (mark_blocks(&b[j], Change::Inserted, words), bm.get(j)),
                };
                items.push(item);
                markers.push(marker.cloned().unwrap_or_default());
            }
            Block::List { start: *start, items, markers }
        }
        (Block::Table { header: ah, rows: ar, .. }, Block::Table { aligns, header: bh, rows: br })
            if ah.len() == bh.len() =>
        {
            let mut rows = Vec::new();
            for step in align(ar, br) {
                rows.push(match step {
                    Step::Same(j) => br[j].clone(),
                    Step::Pair(i, j) => diff_cells(&ar[i], &br[j], words),
                    Step::Only(change @ Change::Deleted, i) => mark_cells(&ar[i], change, words),
                    Step::Only(change @ Change::Inserted, j) => mark_cells(&br[j], change, words),
                });
            }
            Block::Table { aligns: aligns.clone(), header: diff_cells(ah, bh, words), rows }
        }
        _ => {
            out.extend(mark_block(old, Change::Deleted, words));
            out.extend(mark_block(new, Change::Inserted, words));
            return;
        }
    };
    out.push(block);
}

/// Two rows of cells compared cell by cell; cells only in one marked whole.
fn diff_cells(old: &[Cell], new: &[Cell], words: &mut Words) -> Vec<Cell> {
    let mut out: Vec<Cell> = old.iter().zip(new).map(|(a, b)| diff_inlines(a, b, words)).collect();
    out.extend(mark_cells(old.get(new.len()..).unwrap_or_default(), Change::Deleted, words));
    out.extend(mark_cells(new.get(old.len()..).unwrap_or_default(), Change::Inserted, words));
    out
}

fn mark_cells(cells: &[Cell], change: Change, words: &mut Words) -> Vec<Cell> {
    cells.iter().map(|c| mark_inlines(c, change, words)).collect()
}

fn mark_blocks(blocks: &[Block], change: Change, words: &mut Words) -> Vec<Block> {
    blocks.iter().filter_map(|b| mark_block(b, change, words)).collect()
}

/// A block with all its text marked `change`. A code block becomes a paragraph of code runs;
/// a deleted rule, which has nothing to mark, is left out.
fn mark_block(block: &Block, change: Change, words: &mut Words) -> Option<Block> {
    Some(match block {
        Block::Paragraph(i) => Block::Paragraph(mark_inlines(i, change, words)),
        Block::Heading(l, i) => Block::Heading(*l, mark_inlines(i, change, words)),
        Block::List { start, items, markers } => Block::List {
            start: *start,
            items: items.iter().map(|it| mark_blocks(it, change, words)).collect(),
            markers: markers.clone(),
        },
        Block::Table { aligns, header, rows } => Block::Table {
            aligns: aligns.clone(),
            header: mark_cells(header, change, words),
            rows: rows.iter().map(|r| mark_cells(r, change, words)).collect(),
        },
        Block::Quote(inner) => Block::Quote(mark_blocks(inner, change, words)),
        Block::Code(lines) => Block::Paragraph(mark_inlines(&code(lines), change, words)),
        Block::Rule if change == Change::Deleted => return None,
        Block::Rule => Block::Rule,
    })
}

/// A code block's lines as one code run with hard breaks.
fn code(lines: &[String]) -> Vec<Inline> {
    vec![Inline { text: lines.join("\n"), code: true, ..Inline::default() }]
}

fn mark_inlines(inlines: &[Inline], change: Change, words: &mut Words) -> Vec<Inline> {
    let mut out = Vec::new();
    push(&mut out, &inline_tokens(inlines), Some(change), words);
    out
}

/// A token with its look: text, strong, emphasis, code, link. Tokens compare equal only
/// when they look the same, so a word made bold shows as replaced.
type Token<'a> = (&'a str, bool, bool, bool, Option<&'a str>);

fn inline_tokens(inlines: &[Inline]) -> Vec<Token<'_>> {
    inlines
        .iter()
        .flat_map(|i| tokens(&i.text).into_iter().map(move |t| (t, i.strong, i.emphasis, i.code, i.link.as_deref())))
        .collect()
}

/// Two runs of text compared token by token.
fn diff_inlines<'a>(old: &'a [Inline], new: &'a [Inline], words: &mut Words) -> Vec<Inline> {
    let (a, b) = (inline_tokens(old), inline_tokens(new));
    // Compared without the spaces after them: `end` and `end ` are the same word.
    let key =
        |ts: &[Token<'a>]| -> Vec<Token<'a>> { ts.iter().map(|t| (t.0.trim_end(), t.1, t.2, t.3, t.4)).collect() };
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &key(&a), &key(&b)) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            push(&mut out, &b[n], None, words);
            continue;
        }
        push(&mut out, &a[o], Some(Change::Deleted), words);
        push(&mut out, &b[n], Some(Change::Inserted), words);
    }
    out
}

/// Appends tokens as runs marked `change`, joining runs that look the same, and counts the
/// words marked.
fn push(out: &mut Vec<Inline>, tokens: &[Token], change: Option<Change>, words: &mut Words) {
    for &(text, strong, emphasis, code, link) in tokens {
        let is_word = text.chars().any(char::is_alphanumeric);
        match change {
            Some(Change::Inserted) if is_word => words.inserted += 1,
            Some(Change::Deleted) if is_word => words.deleted += 1,
            _ => {}
        }
        match out.last_mut() {
            Some(last)
                if (last.strong, last.emphasis, last.code, last.link.as_deref(), last.change)
                    == (strong, emphasis, code, link, change) =>
            {
                last.text.push_str(text)
            }
            _ => out.push(Inline {
                text: text.to_string(),
                strong,
                emphasis,
                code,
                link: link.map(str::to_string),
                change,
            }),
        }
    }
}

/// Splits text into what the diff compares: a Latin word (letters and digits, with `.`,
/// `,`, `'`, `’` or `-` between them), a Japanese character or a punctuation mark, each with
/// the spaces after it. Letters and digits written against Japanese text are taken one by one
/// like it (`第10回`: `第`, `1`, `0`, `回`). Spaces at the start are a token of their own.
fn tokens(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let latin = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric() && !is_japanese(c));
    let japanese = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_japanese(c));
    let mut out = Vec::new();
    let (mut start, mut k) = (0, 0);
    while let Some(&(at, c)) = chars.get(k) {
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if at > start {
            out.push(&text[start..at]);
            start = at;
        }
        let mut end = k + 1;
        if latin(k) {
            loop {
                let joins = chars.get(end).is_some_and(|&(_, c)| matches!(c, '.' | ',' | '\'' | '’' | '-'));
                if latin(end) {
                    end += 1;
                } else if joins && latin(end + 1) {
                    end += 2;
                } else {
                    break;
                }
            }
            if (k > 0 && japanese(k - 1)) || japanese(end) {
                end = k + 1;
            }
        }
        k = end;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::load::Limits;
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
                Block::Paragraph(i) | Block::Heading(_, i) => out.extend(i),
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
        assert_eq!(stat_text(r), text);
    }

    const D: Change = Change::Deleted;
    const I: Change = Change::Inserted;

    #[test]
    fn text_splits_into_words_and_japanese_characters() {
        assert_eq!(
            tokens(" Version 2.0 is out, 第10回 EU"),
            [" ", "Version ", "2.0 ", "is ", "out", ", ", "第", "1", "0", "回 ", "EU"]
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
        assert_eq!(stat_text(&r), "no changes");
    }

    #[test]
    fn japanese_is_compared_character_by_character() {
        let r = redline(
            &[("概要", "第10回日EU・ICT政策対話を開催した。")],
            &[("概要", "第11回日EU・ICT政策対話を開催した。")],
        );
        assert_eq!(marks(&r.briefing.topics[0].body), [(D, "0"), (I, "1")]);
        assert_eq!((r.stat.words_inserted, r.stat.words_deleted, r.stat.topics_changed), (1, 1, 1));
    }

    #[test]
    fn identical_briefings_have_no_changes() {
        let b = briefing(include_str!("../data/japan-eu-ict-workshop-10.yaml"));
        let r = compare(&b, &b);
        assert!(r.stat.is_empty() && r.fields.is_empty() && r.parts.is_empty());
        assert_eq!(stat_text(&r), "no changes");
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
        assert_eq!(marks(&r.briefing.summary), [(I, "summary")]);
        assert_eq!(
            marks(&r.briefing.topics[0].body),
            [
                (D, "Monday "),
                (I, "Tuesday "),
                (D, "three "),
                (I, "four "),
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
            stat_text(&r),
            "changed summary: 1 word inserted, 0 deleted\nchanged topic \"T\": 7 words inserted, 3 deleted\n\
             1 topic changed, 0 added, 0 removed; 8 words inserted, 3 deleted"
        );
    }

    #[test]
    fn changed_plain_fields_are_listed() {
        let old = doc("2020-10-06", "+81 3 5253 5920", "Short.", &[("Data", "Same text.")]);
        let new = doc("2020-10-07", "+81 3 5253 5921", "Short.", &[("Data and AI", "Same text.")]);
        let r = compare(&old, &new);
        let field = |f: &str, o: &str, n: &str| FieldChange { field: f.into(), old: o.into(), new: n.into() };
        assert_eq!(
            r.fields,
            [
                field("date", "2020-10-06", "2020-10-07"),
                field("contact.tel", "+81 3 5253 5920", "+81 3 5253 5921"),
                field("topics[0].title", "Data", "Data and AI"),
            ]
        );
        assert!(marks(&r.briefing.topics[0].body).is_empty());
        let stat = Stat { topics_changed: 1, fields_changed: 3, ..Stat::default() };
        assert_eq!(r.stat, stat);
        assert!(stat_text(&r).contains("changed date: \"2020-10-06\" -> \"2020-10-07\"\n"));
        assert!(stat_text(&r).ends_with("0 words inserted, 0 deleted; 3 fields changed"));
    }
}
