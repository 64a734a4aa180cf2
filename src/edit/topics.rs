//! The topic edits: add, remove and move a topic (in every language's list at once), each
//! written in the style of the others and checked by reading the lists back.

use crate::load::tree::{Node, NodeKind};

use super::locate::{self, line_end, line_start, value_end, Doc};
use super::ops::Splice;
use super::EditError;

/// The source text of each topic in each list (one list, or one per language).
fn topic_texts(doc: &Doc<'_>) -> Result<Vec<Vec<String>>, EditError> {
    let lists = doc.topic_lists()?.unwrap_or_default();
    Ok(lists
        .iter()
        .map(|l| match &*l.kind {
            NodeKind::Seq(items) => {
                items.iter().map(|i| doc.text[i.span.start..value_end(doc.text, i)].to_string()).collect()
            }
            _ => Vec::new(),
        })
        .collect())
}

/// Runs a topic edit made of `splices` (in any order; they must not overlap) and checks that
/// each list of topics reads as `expect` says it should (`None`: a new topic).
fn topic_edit(
    text: &str,
    what: &str,
    mut splices: Vec<Splice>,
    expect: impl Fn(&[String]) -> Vec<Option<String>>,
) -> Result<String, EditError> {
    let before = topic_texts(&Doc::parse(text)?)?;
    splices.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut new = text.to_string();
    for s in &splices {
        new = s.apply(&new);
    }
    let fail = |detail: String| EditError::NoReadBack { path: what.to_string(), detail };
    let after = topic_texts(&Doc::parse(&new).map_err(|e| fail(e.to_string()))?)?;
    let expected: Vec<Vec<Option<String>>> = before.iter().map(|l| expect(l)).collect();
    let same = after.len() == expected.len()
        && after
            .iter()
            .zip(&expected)
            .all(|(a, e)| a.len() == e.len() && a.iter().zip(e).all(|(a, e)| e.as_ref().is_none_or(|e| e == a)));
    if !same {
        return Err(fail("the topics did not come out as asked".into()));
    }
    Ok(new)
}

/// The items of each list of topics (no lists when there is no `topics` key).
fn topic_items<'t>(doc: &'t Doc<'_>) -> Result<Vec<(&'t Node, Vec<&'t Node>)>, EditError> {
    Ok(doc
        .topic_lists()?
        .unwrap_or_default()
        .into_iter()
        .map(|l| match &*l.kind {
            NodeKind::Seq(items) => (l, items.iter().collect()),
            _ => (l, Vec::new()),
        })
        .collect())
}

/// Whether the items of a list are separated by blank lines.
fn spaced(text: &str, items: &[&Node]) -> bool {
    items.windows(2).next().is_some_and(|w| {
        let between =
            &text[line_end(text, value_end(text, w[0])).min(w[1].span.start)..line_start(text, w[1].span.start)];
        between.lines().any(|l| l.trim().is_empty())
    })
}

/// Where an item's lines start: the line of its `- `.
fn item_start(text: &str, item: &Node) -> usize {
    line_start(text, item.span.start)
}

/// Where an item's lines end: after the line of its last value.
fn item_end(text: &str, item: &Node) -> usize {
    line_end(text, value_end(text, item))
}

/// `start..end` widened to take one separating blank line with it (before, else after).
fn with_blank(text: &str, start: usize, end: usize) -> (usize, usize) {
    if start > 0 {
        let prev = line_start(text, start - 1);
        if text[prev..start].trim().is_empty() && prev < start {
            return (prev, end);
        }
    }
    if end < text.len() {
        let next = line_end(text, end);
        if text[end..next].trim().is_empty() {
            return (start, next);
        }
    }
    (start, end)
}

pub(super) fn add_topic(text: &str, at: usize) -> Result<String, EditError> {
    let doc = Doc::parse(text)?;
    let lists = topic_items(&doc)?;
    if lists.is_empty() {
        // No `topics:` at all: one topic, at the end.
        let new = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
        let pad = " ".repeat(doc.step);
        let item = format!("{new}topics:\n{pad}- title: \"\"\n{pad}  body: \"\"\n");
        let splice = Splice::new(text.len(), text.len(), item);
        return topic_edit(text, "topics", vec![splice], |_| vec![None]);
    }
    let mut splices = Vec::new();
    for (list, items) in &lists {
        if at > items.len() {
            return Err(EditError::NoSuchTopic(format!("topics[{at}]")));
        }
        splices.push(new_item(&doc, list, items, at)?);
    }
    topic_edit(text, "topics", splices, |l| {
        let mut e: Vec<Option<String>> = l.iter().cloned().map(Some).collect();
        e.insert(at, None);
        e
    })
}

/// A new empty topic in the style of the list's others, at index `at`.
fn new_item(doc: &Doc<'_>, list: &Node, items: &[&Node], at: usize) -> Result<Splice, EditError> {
    let text = doc.text;
    let Some(model) = items.get(at.min(items.len().saturating_sub(1))) else {
        // An empty list (`topics:` with nothing): items one step in from the key.
        let key_line = line_start(text, list.span.start.min(text.len()));
        let col = text[key_line..].len() - text[key_line..].trim_start_matches(' ').len() + doc.step;
        let pad = " ".repeat(col);
        let at = line_end(text, value_end(text, list));
        let lead = if at == text.len() && !text.ends_with('\n') { "\n" } else { "" };
        return Ok(Splice::new(at, at, format!("{lead}{pad}- title: \"\"\n{pad}  body: \"\"\n")));
    };
    let dash_line = item_start(text, model);
    let dash_col = text[dash_line..model.span.start].find('-').unwrap_or(0);
    let key_col = doc.col(model.span.start);
    let mut lines = Vec::new();
    for (k, v) in locate::entries(model) {
        let Some((key, _)) = k.scalar() else { continue };
        if key != "title" && key != "body" {
            continue;
        }
        let empty = match doc.translation(v) {
            Some(_) if doc.is_flow(v) => {
                let parts: Vec<String> = doc.langs.iter().map(|l| format!("{l}: \"\"")).collect();
                format!(" {{ {} }}", parts.join(", "))
            }
            Some(_) => {
                let pad = " ".repeat(key_col + doc.step);
                doc.langs.iter().map(|l| format!("\n{pad}{l}: \"\"")).collect()
            }
            None => " \"\"".to_string(),
        };
        lines.push(format!("{key}:{empty}"));
    }
    if lines.is_empty() {
        lines = vec!["title: \"\"".into(), "body: \"\"".into()];
    }
    let gap = " ".repeat(key_col - dash_col - 1);
    let pad = " ".repeat(key_col);
    let mut item = format!("{}-{gap}{}\n", " ".repeat(dash_col), lines[0]);
    for l in &lines[1..] {
        item.push_str(&format!("{pad}{l}\n"));
    }
    let blank = spaced(text, items);
    Ok(if at < items.len() {
        let start = item_start(text, items[at]);
        // Comments right above the topic stay with it.
        let start = comments_above(text, start);
        Splice::new(start, start, if blank { format!("{item}\n") } else { item })
    } else {
        let end = item_end(text, items[items.len() - 1]);
        let lead = if end == text.len() && !text.ends_with('\n') { "\n" } else { "" };
        Splice::new(end, end, format!("{lead}{}{item}", if blank { "\n" } else { "" }))
    })
}

/// The start of the comment lines directly above the line starting at `start`.
fn comments_above(text: &str, mut start: usize) -> usize {
    while start > 0 {
        let prev = line_start(text, start - 1);
        if !text[prev..start].trim_start().starts_with('#') {
            break;
        }
        start = prev;
    }
    start
}

pub(super) fn remove_topic(text: &str, index: usize) -> Result<String, EditError> {
    let doc = Doc::parse(text)?;
    let lists = topic_items(&doc)?;
    let mut splices = Vec::new();
    for (_, items) in &lists {
        let Some(item) = items.get(index) else { return Err(EditError::NoSuchTopic(format!("topics[{index}]"))) };
        let (start, end) = (item_start(text, item), item_end(text, item));
        let (start, end) = if spaced(text, items) { with_blank(text, start, end) } else { (start, end) };
        splices.push(Splice::new(start, end, ""));
    }
    if splices.is_empty() {
        return Err(EditError::NoSuchTopic(format!("topics[{index}]")));
    }
    topic_edit(text, "topics", splices, |l| {
        let mut e: Vec<Option<String>> = l.iter().cloned().map(Some).collect();
        e.remove(index);
        e
    })
}

pub(super) fn move_topic(text: &str, from: usize, to: usize) -> Result<String, EditError> {
    if from == to {
        let doc = Doc::parse(text)?;
        let ok = topic_items(&doc)?.iter().all(|(_, items)| from < items.len());
        return if ok { Ok(text.to_string()) } else { Err(EditError::NoSuchTopic(format!("topics[{from}]"))) };
    }
    let doc = Doc::parse(text)?;
    let lists = topic_items(&doc)?;
    let mut splices = Vec::new();
    for (_, items) in &lists {
        let (Some(item), true) = (items.get(from), to < items.len()) else {
            return Err(EditError::NoSuchTopic(format!("topics[{}]", from.max(to))));
        };
        let (start, end) = (item_start(text, item), item_end(text, item));
        let mut block = text[start..end].to_string();
        if !block.ends_with('\n') {
            block.push('\n');
        }
        let blank = spaced(text, items);
        let (cut_start, cut_end) = if blank { with_blank(text, start, end) } else { (start, end) };
        splices.push(Splice::new(cut_start, cut_end, ""));
        // The place among the others: before the item now at `to`, or after the last.
        let others: Vec<&&Node> = items.iter().enumerate().filter(|(i, _)| *i != from).map(|(_, n)| n).collect();
        let splice = if to < others.len() {
            let at = comments_above(text, item_start(text, others[to]));
            Splice::new(at, at, if blank { format!("{block}\n") } else { block })
        } else {
            let at = item_end(text, others[others.len() - 1]);
            let lead = if at == text.len() && !text.ends_with('\n') { "\n" } else { "" };
            Splice::new(at, at, format!("{lead}{}{block}", if blank { "\n" } else { "" }))
        };
        splices.push(splice);
    }
    topic_edit(text, "topics", splices, |l| {
        let mut e: Vec<Option<String>> = l.iter().cloned().map(Some).collect();
        let item = e.remove(from);
        e.insert(to, item);
        e
    })
}
