//! The count of changes in words: `--stat`'s lines, and the lines of the redline's box.

use std::collections::HashMap;

use super::{Part, PartChange, Redline, Stat};
use crate::markdown::Change;
use crate::theme::Labels;

/// What `briefing diff --stat` prints, in the words of `labels` (the briefing's language):
/// a line per changed part and per changed field, then the totals; `labels.unchanged` ("no
/// changes") when nothing changed.
pub fn stat_text(r: &Redline, labels: &Labels) -> String {
    if r.stat.is_empty() {
        return labels.unchanged.clone();
    }
    let mut out = String::new();
    for p in &r.parts {
        out.push_str(&part_line(p, labels));
        out.push('\n');
    }
    for f in &r.fields {
        // (As typed, in quotes: a Japanese name's full-width space is a space, not `\u{3000}`;
        // only what would not print as itself, a soft hyphen or a control character, as its
        // code point, `<U+00AD>`, which also shows a change of that alone: text44a F44a-26.)
        let shown = |v: &str| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                format!("\"{}\"", crate::validate::visible(v, &|_| true))
            }
        };
        out.push_str(&format!("{}: {} -> {}\n", field_name(&f.field, labels), shown(&f.old), shown(&f.new)));
    }
    out.push_str(&totals(&r.stat, labels));
    out
}

/// A changed, added or removed part with its counts: "changed topic "Data": 1 word
/// inserted, 0 deleted" (a line of `--stat` and of the redline's box).
pub fn part_line(p: &PartChange, labels: &Labels) -> String {
    let template = match p.change {
        // (No word changed, but a punctuation mark or a space: said so, not "0 words".)
        None if p.words_inserted + p.words_deleted + p.characters_inserted + p.characters_deleted == 0
            && p.marks > 0 =>
        {
            &labels.changed_punctuation
        }
        None => &labels.changed_part,
        Some(Change::Inserted) => &labels.added_part,
        Some(Change::Deleted) => &labels.removed_part,
    };
    let part = match &p.part {
        Part::Summary => labels.summary_part.clone(),
        Part::Overview => labels.overview_part.clone(),
        Part::Topic(title) => fill(&labels.topic_part, &[("title", title.clone())]),
    };
    let inserted = (p.words_inserted, p.characters_inserted);
    let mut values = word_counts(inserted, (p.words_deleted, p.characters_deleted), labels);
    values.push(("part", part));
    fill(template, &values)
}

/// Each topic's title and its language, given or detected, for [`title_in_line`]: the first
/// topic of a title. Made once for a box, not looked up in every topic for each of its lines
/// (text42b F42b-8: a box of 39,000 topics took 16 s).
pub fn topic_langs(r: &Redline) -> HashMap<&str, &str> {
    let mut langs = HashMap::new();
    for t in &r.briefing.topics {
        if let Some(lang) = t.lang.as_deref() {
            langs.entry(t.title.as_str()).or_insert(lang);
        }
    }
    langs
}

/// Where in `line` (its [`part_line`]) a topic's title is, and the topic's language (from
/// [`topic_langs`]), so that the title is read in it. `None` for the summary and the
/// overview, and for a topic of no language of its own.
pub fn title_in_line<'r>(
    p: &PartChange,
    line: &str,
    langs: &HashMap<&str, &'r str>,
) -> Option<(std::ops::Range<usize>, &'r str)> {
    let Part::Topic(title) = &p.part else { return None };
    let lang = *langs.get(title.as_str())?;
    let at = line.find(title.as_str())?;
    Some((at..at + title.len(), lang))
}

/// The language of a changed field's values: a topic's, for its title (`topics[2].title`);
/// `None` for the briefing's own fields.
pub fn field_lang<'r>(field: &str, r: &'r Redline) -> Option<&'r str> {
    let index = field.strip_prefix("topics[")?.strip_suffix("].title")?.parse::<usize>().ok()?;
    r.briefing.topics.get(index)?.lang.as_deref()
}

/// "changed date" (before the old and the new value). A topic's field says which topic a
/// reader sees, counted from 1: "changed topics[0].title (topic 1)".
pub fn field_name(field: &str, labels: &Labels) -> String {
    let topic =
        field.strip_prefix("topics[").and_then(|rest| rest.split_once(']')).and_then(|(n, _)| n.parse::<usize>().ok());
    let shown = match topic {
        Some(index) => format!("{field} ({})", fill(&labels.topic_number, &[("n", (index + 1).to_string())])),
        None => field.to_string(),
    };
    fill(&labels.changed_field, &[("field", shown)])
}

/// A line for each part or field with stretches compared as a whole ([`Whole`](super::Whole)), for the
/// terminal (in English, as diff's other messages): a few words changed in such a stretch
/// are counted, and marked, as all its words deleted and inserted, which a reader of the
/// redline could not tell from a rewrite (text48b F48b-6).
pub fn compared_whole(r: &Redline) -> Vec<String> {
    let parts = r.parts.iter().map(|p| (p.part.to_string(), p.whole));
    let fields = r.fields.iter().map(|f| (f.field.clone(), f.whole));
    parts
        .chain(fields)
        .filter(|(_, w)| w.stretches > 0)
        .map(|(what, w)| {
            let amount = |words: usize, characters: usize| {
                let unit = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
                match (words, characters) {
                    (w, 0) => unit(w, "word"),
                    (0, c) => unit(c, "character"),
                    (w, c) => format!("{} and {}", unit(w, "word"), unit(c, "character")),
                }
            };
            // (In one unit, the number inserted is bare: "7195 words marked deleted and 7195 inserted".)
            let words_only = w.characters == (0, 0);
            let inserted = if words_only || w.words == (0, 0) {
                (w.words.1 + w.characters.1).to_string()
            } else {
                amount(w.words.1, w.characters.1)
            };
            let by = if words_only { "word by word" } else { "character by character" };
            let (stretches, was) = if w.stretches == 1 {
                ("a stretch".to_string(), "was")
            } else {
                (format!("{} stretches", w.stretches), "were")
            };
            format!(
                "{what}: {stretches} too long to compare {by} {was} compared as a whole: {} marked deleted and {} \
                 inserted, those that did not change too",
                amount(w.words.0, w.characters.0),
                inserted
            )
        })
        .collect()
}

/// The counts, as the last line of [`stat_text`]: "2 topics changed, 1 added, 1 removed; 14
/// words inserted, 9 deleted".
pub fn totals(s: &Stat, labels: &Labels) -> String {
    let inserted = (s.words_inserted, s.characters_inserted);
    let mut values = word_counts(inserted, (s.words_deleted, s.characters_deleted), labels);
    values.extend([
        ("changed", count(&labels.one_topic, &labels.topics, s.topics_changed)),
        ("changed_n", s.topics_changed.to_string()),
        ("added", s.topics_added.to_string()),
        ("removed", s.topics_removed.to_string()),
    ]);
    // No word nor character inserted or deleted (a space or a punctuation mark changed, a
    // field): the counts of words are left out, not "挿入0語、削除0語" (in Japanese, which
    // counts 文字, and a nought is no change).
    let counted = s.words_inserted + s.words_deleted + s.characters_inserted + s.characters_deleted > 0;
    let template = if counted { labels.changes_totals.as_str() } else { without_counts(&labels.changes_totals) };
    let mut out = fill(template, &values);
    if s.fields_changed > 0 {
        let fields = [
            ("fields", count(&labels.one_field, &labels.fields, s.fields_changed)),
            ("fields_n", s.fields_changed.to_string()),
        ];
        out.push_str(&fill(&labels.changes_fields, &fields));
    }
    out
}

/// Words and characters inserted and deleted, each `(words, characters)`, as the labels'
/// placeholders: counted with their unit ("3 words", "12 文字", "3 words and 12 characters"),
/// and bare. A bare number is read in the unit of the count before it, so it is bare only
/// where the line counts in one unit; a nought is in the line's unit.
fn word_counts(inserted: (usize, usize), deleted: (usize, usize), labels: &Labels) -> Vec<(&'static str, String)> {
    let characters_only = inserted.0 + deleted.0 == 0 && inserted.1 + deleted.1 > 0;
    let one_unit = inserted.0 + deleted.0 == 0 || inserted.1 + deleted.1 == 0;
    let counted = |(words, characters): (usize, usize)| match (words, characters) {
        (0, _) if characters_only => count(&labels.one_character, &labels.characters, characters),
        (_, 0) => count(&labels.one_word, &labels.words, words),
        (0, _) => count(&labels.one_character, &labels.characters, characters),
        _ => fill(
            &labels.words_and_characters,
            &[
                ("words", count(&labels.one_word, &labels.words, words)),
                ("characters", count(&labels.one_character, &labels.characters, characters)),
            ],
        ),
    };
    let bare = |n: (usize, usize)| if one_unit { (n.0 + n.1).to_string() } else { counted(n) };
    vec![
        ("inserted", counted(inserted)),
        ("inserted_n", bare(inserted)),
        ("deleted", counted(deleted)),
        ("deleted_n", bare(deleted)),
    ]
}

/// A totals line's template without its counts of words: up to the separator (`;`, `；`,
/// `·`) before its first `{inserted…}` or `{deleted…}`, and the spaces before that; the
/// whole template when it has no such separator.
fn without_counts(template: &str) -> &str {
    let first = ["{inserted", "{deleted"].iter().filter_map(|p| template.find(p)).min();
    let cut = first.and_then(|at| template[..at].rfind([';', '；', '·']));
    cut.map_or(template, |at| template[..at].trim_end())
}

/// "1 word", "14 words": `one` or `many` with `{n}` the number.
fn count(one: &str, many: &str, n: usize) -> String {
    fill(if n == 1 { one } else { many }, &[("n", n.to_string())])
}

/// `template` with each `{name}` of `values` replaced by its value, in one pass (a value
/// that holds a `{name}`, such as a topic's title, is left as it is); others kept.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(k, _)| *k == name).map(|(_, v)| (v, close))
        });
        match found {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
