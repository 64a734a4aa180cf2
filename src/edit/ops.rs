//! Each edit as a change to a few bytes of the text, checked by reading the result back.

use crate::load::tree::{Node, NodeKind};

use super::checks::{own_problems, within, Checks};
use super::form::{self, FieldSpec, SpecKind};
use super::locate::{self, entry_end, line_end, line_start, value_end, Doc, Entry, Parsed, Place};
use super::scalar::{self, Context, Written};
use super::topics::{add_topic, move_topic, remove_topic};
use super::{Edit, EditError};

/// What is known of a text an edit made: its tree and its form's values, parsed to read the
/// edit back, for the next edit to start from rather than parse the text again (text45b
/// F45b-2: a 3.4 MB text took a fifth of a second to parse, and as long for its form).
pub(super) struct Known {
    parsed: Parsed,
    values: Values,
}

/// `text` with `edit` made, and what is known of the new text; `checks` keeps what `check`
/// found in the request's texts, and `known` is what is known of `text`, if anything.
pub(super) fn apply_one(
    text: &str,
    edit: &Edit,
    checks: &mut Checks,
    known: Option<Known>,
) -> Result<(String, Option<Known>), EditError> {
    let made = match edit {
        Edit::Set { path, lang, value } => set(text, path, lang.as_deref(), value, checks, known),
        Edit::AddTopic { at } => add_topic(text, *at).map(|t| (t, None)),
        Edit::RemoveTopic { index } => remove_topic(text, *index).map(|t| (t, None)),
        Edit::MoveTopic { from, to } => move_topic(text, *from, *to).map(|t| (t, None)),
    };
    match made {
        Err(EditError::NoReadBack { path, .. }) if has_aliases(text) => Err(EditError::Shared { path }),
        made => made,
    }
}

/// Whether `text` refers to an anchored value anywhere (`*name`).
fn has_aliases(text: &str) -> bool {
    saphyr_parser::Parser::new_from_str(text)
        .map_while(Result::ok)
        .any(|(e, _)| matches!(e, saphyr_parser::Event::Alias(_)))
}

/// Bytes `start..end` replaced by `with`.
#[derive(Debug, Clone)]
pub(super) struct Splice {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) with: String,
}

impl Splice {
    pub(super) fn new(start: usize, end: usize, with: impl Into<String>) -> Splice {
        Splice { start, end, with: with.into() }
    }

    /// `text` with the splice made; new line breaks follow the file's (`\r\n` in a file
    /// that has them).
    pub(super) fn apply(&self, text: &str) -> String {
        let with = if text.contains("\r\n") && self.with.contains('\n') {
            self.with.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            self.with.clone()
        };
        format!("{}{with}{}", &text[..self.start], &text[self.end..])
    }
}

/// Every value of the form: path, language, text.
type Values = Vec<(String, Option<String>, String)>;

fn values(doc: &Doc<'_>) -> Values {
    let form = form::form(doc);
    let all = form.fields.iter().chain(form.topics.iter().flat_map(|t| &t.fields)).chain(&form.contact);
    all.flat_map(|f| f.values.iter().map(|v| (f.path.clone(), v.lang.clone(), v.text.clone()))).collect()
}

fn set(
    text: &str,
    path: &str,
    lang: Option<&str>,
    value: &str,
    checks: &mut Checks,
    known: Option<Known>,
) -> Result<(String, Option<Known>), EditError> {
    let (doc, before) = match known {
        Some(Known { parsed, values }) => (Doc::of(text, parsed), Some(values)),
        None => (Doc::parse(text)?, None),
    };
    let segs = locate::parse_path(path)?;
    let (spec, table) = form::spec_for(path, &segs).ok_or_else(|| EditError::UnknownField(path.to_string()))?;
    let lang_index = doc.lang_index(path, lang)?;
    let value = crate::script::nfc(value).into_owned();
    // (`en,ja` and `[en, ja]`, as YAML writes a list, are the list `en, ja`: text45b F45b-10.)
    let value = if path == "lang" { languages_typed(&value) } else { value };
    let attempts = if path == "lang" {
        set_lang(&doc, &value)?
    } else {
        set_field(&doc, path, &segs, spec, table, lang_index, &value)?
    };
    if attempts.is_empty() {
        let known = before.map(|values| Known { parsed: doc.parsed(), values });
        return Ok((text.to_string(), known));
    }
    let before = before.unwrap_or_else(|| values(&doc));
    let lang_name = lang_index.map(|l| doc.langs[l].clone());
    let mut detail = String::new();
    // A text over several lines that reads back may still be taken by the checks for
    // something else: a line of a `|` block that reads as a key (`summary: …` under a note,
    // text38b F38b-9), which `check` then refuses. The next way to write it, which they do
    // not (double quotes, at worst), is taken instead; failing that, the first. Each way is
    // a whole check of the file, so the others are not tried when the first shows that none
    // can be taken (text45b F45b-2).
    let mut first = None;
    let mut old_problems = None;
    let ways = attempts.len();
    for (i, splice) in attempts.into_iter().enumerate() {
        let new = splice.apply(text);
        match reads_back(&new, &before, path, lang_name.as_deref(), &value) {
            Ok(known) if !value.contains('\n') => return Ok((new, Some(known))),
            // (The last way, with none kept before it, is kept whatever check finds.)
            Ok(known) if first.is_none() && i + 1 == ways => return Ok((new, Some(known))),
            Ok(known) => {
                let old_problems = old_problems.get_or_insert_with(|| checks.starts(text));
                let new_problems = checks.starts(&new);
                if new_problems.len() <= old_problems.len() {
                    return Ok((new, Some(known)));
                }
                if first.is_none() && i + 1 < ways {
                    // Every way has the problems outside the value that this one has, and at
                    // least the value's own inside it: when those are already more than the
                    // old text's, none is taken, and this one, the first, is kept.
                    let span = splice.start..new.len() - (text.len() - splice.end);
                    let outside = new_problems.len() - within(&new_problems, &span);
                    let own = own_problems(path, lang_name.as_deref(), &doc.langs, &value);
                    if own.is_some_and(|own| outside + own > old_problems.len()) {
                        return Ok((new, Some(known)));
                    }
                }
                first.get_or_insert((new, known));
            }
            Err(d) => detail = d,
        }
    }
    first.map(|(new, known)| (new, Some(known))).ok_or(EditError::NoReadBack { path: path.to_string(), detail })
}

/// Whether `new` parses, gives `value` at `path` (in `lang`), and every other field as before;
/// what is then known of `new`.
fn reads_back(new: &str, before: &Values, path: &str, lang: Option<&str>, value: &str) -> Result<Known, String> {
    let doc = Doc::parse(new).map_err(|e| e.to_string())?;
    let after = values(&doc);
    let known = |after| Known { parsed: doc.parsed(), values: after };
    if path == "lang" {
        let got = after.iter().find(|(p, _, _)| p == "lang").map(|(_, _, t)| t.as_str());
        return match got == Some(value) {
            true => Ok(known(after)),
            false => Err(format!("it would read `{}`", got.unwrap_or(""))),
        };
    }
    if after.len() != before.len() {
        return Err("the form changed shape".into());
    }
    for ((p, l, old), (p2, l2, got)) in before.iter().zip(&after) {
        if p != p2 || l != l2 {
            return Err("the form changed shape".into());
        }
        let edited = p == path && (l.as_deref() == lang || l.is_none());
        let ok = if edited {
            got == value
        } else if p == path {
            got == old || got == value
        } else {
            got == old
        };
        if !ok {
            return Err(format!("`{p}` would read `{got}`"));
        }
    }
    Ok(known(after))
}

/// The ways to make the edit, best first (none: nothing to change).
fn set_field(
    doc: &Doc<'_>,
    path: &str,
    segs: &[locate::Seg],
    spec: FieldSpec,
    table: &'static [FieldSpec],
    lang: Option<usize>,
    value: &str,
) -> Result<Vec<Splice>, EditError> {
    let remove = value.is_empty() && spec.optional;
    let text = doc.text;
    match locate::locate(doc, path, segs, lang)? {
        Place::Found { value: node, trail, translated } => {
            let old = node.scalar().map_or("", |(t, _)| t);
            let is_null = node.is_null();
            if (old == value && !is_null) || (is_null && remove) {
                return Ok(Vec::new());
            }
            let own = *trail.last().expect("a found value has its key");
            if remove && translated {
                // The whole key goes once every language is empty.
                let outer = trail.len().checked_sub(2).map(|i| trail[i]);
                let others_empty = locate::entries(own.map)
                    .iter()
                    .enumerate()
                    .all(|(i, (_, v))| i == own.index || v.is_null() || v.scalar().is_some_and(|(t, _)| t.is_empty()));
                if let (true, Some(outer)) = (others_empty, outer) {
                    return Ok(vec![remove_entry(doc, path, outer)?]);
                }
            } else if remove {
                return Ok(vec![remove_entry(doc, path, own)?]);
            }
            let ctx = context(doc, own, node, spec.kind);
            if !translated && lang.is_some() && spec.translatable && !doc.langs.is_empty() {
                return Ok(to_translation(doc, own, old, lang.unwrap_or(0), value, spec.kind));
            }
            // An empty value (`title:`) has no bytes of its own: the text goes after the colon.
            let (start, end, lead) = if node.span.start == node.span.end || is_null {
                let after_colon = colon_end(text, own.key.span.end);
                (after_colon, value_end(text, node).max(after_colon), " ")
            } else {
                (node.span.start, value_end(text, node), "")
            };
            // An empty `""` (a new topic's) is a place to fill, not a style to keep.
            let ctx = Context { old: (!old.is_empty()).then(|| Written::of(&text[node.span.start..])), ..ctx };
            Ok(scalar::candidates(value, &ctx)
                .into_iter()
                .map(|c| Splice::new(start, end, format!("{lead}{c}")))
                .collect())
        }
        Place::Missing { parent, trail, mut keys, translated } => {
            if remove {
                return Ok(Vec::new());
            }
            if let (false, Some(l), true, false) = (translated, lang, spec.translatable, doc.langs.is_empty()) {
                keys.push(doc.langs[l].clone());
            }
            let order: Vec<&str> = if translated {
                doc.langs.iter().map(String::as_str).collect()
            } else {
                table.iter().map(|s| s.key).collect()
            };
            insert(doc, path, parent, trail.last().copied(), &keys, &order, value, spec.kind)
        }
    }
}

/// Just past the `:` that follows a key ending at `key_end`.
fn colon_end(text: &str, key_end: usize) -> usize {
    text[key_end..].find(':').map_or(key_end, |i| key_end + i + 1)
}

/// How the value of `entry` is written.
fn context(doc: &Doc<'_>, entry: Entry<'_>, node: &Node, kind: SpecKind) -> Context {
    let key_col = doc.col(entry.key.span.start);
    let flow = doc.is_flow(entry.map) || inside_flow(doc, node);
    // A block scalar keeps its indentation.
    let text = doc.text;
    let indent = match Written::of(&text[node.span.start..]) {
        Written::Literal | Written::Folded => text[node.span.start..value_end(text, node)]
            .split('\n')
            .skip(1)
            .find(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start_matches(' ').len())
            .filter(|&i| i > key_col)
            .unwrap_or(key_col + doc.step),
        _ => key_col + doc.step,
    };
    Context { flow, key_col, indent, old: None, kind }
}

/// Whether `node` lies inside some flow collection of the document.
fn inside_flow(doc: &Doc<'_>, node: &Node) -> bool {
    let mut stack = vec![&doc.root];
    while let Some(n) = stack.pop() {
        if n.span.start <= node.span.start && node.span.end <= n.span.end {
            if doc.is_flow(n) && !std::ptr::eq(n, node) {
                return true;
            }
            match &*n.kind {
                NodeKind::Map(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
                NodeKind::Seq(items) => stack.extend(items),
                NodeKind::Scalar { .. } => {}
            }
        }
    }
    false
}

/// A shared value (`title: X` in a file in several languages) made a translation with `value`
/// in language `lang` and the old text in the others.
fn to_translation(doc: &Doc<'_>, own: Entry<'_>, old: &str, lang: usize, value: &str, kind: SpecKind) -> Vec<Splice> {
    let texts: Vec<&str> = (0..doc.langs.len()).map(|l| if l == lang { value } else { old }).collect();
    let key_col = doc.col(own.key.span.start);
    let flow = doc.is_flow(own.map) || inside_flow(doc, own.value);
    let col = key_col + doc.step;
    let ctx = Context { flow, key_col: col, indent: col + doc.step, old: None, kind };
    let start = own.key.span.end;
    let end = value_end(doc.text, own.value).max(colon_end(doc.text, start));
    let mut out = Vec::new();
    for safest in [false, true] {
        let pick = |t: &str| {
            let c = scalar::candidates(t, &ctx);
            if safest {
                scalar::double(t)
            } else {
                c.into_iter().next().unwrap_or_default()
            }
        };
        let with = if flow {
            let parts: Vec<String> = doc.langs.iter().zip(&texts).map(|(l, t)| format!("{l}: {}", pick(t))).collect();
            format!(": {{ {} }}", parts.join(", "))
        } else {
            let pad = " ".repeat(col);
            let parts: Vec<String> =
                doc.langs.iter().zip(&texts).map(|(l, t)| format!("\n{pad}{l}: {}", pick(t))).collect();
            format!(":{}", parts.concat())
        };
        out.push(Splice::new(start, end, with));
    }
    out
}

/// The languages typed in the form's field, as the field shows them: tags separated by a
/// comma and a space, whether typed with commas, spaces or YAML's brackets.
fn languages_typed(value: &str) -> String {
    let inside = value.trim().trim_start_matches('[').trim_end_matches(']');
    let tags: Vec<&str> = inside.split([',', ' ']).map(str::trim).filter(|t| !t.is_empty()).collect();
    match tags.is_empty() {
        true => value.to_string(),
        false => tags.join(", "),
    }
}

/// `lang:` set from text: one tag, or several separated by commas (`en, ja`: a list).
fn set_lang(doc: &Doc<'_>, value: &str) -> Result<Vec<Splice>, EditError> {
    let tags: Vec<&str> = value.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
    let written = if value.contains(',') { format!("[{}]", tags.join(", ")) } else { value.trim().to_string() };
    let existing = locate::entry(&doc.root, "lang");
    let old = match existing.map(|(_, v)| &*v.kind) {
        Some(NodeKind::Seq(items)) => {
            items.iter().filter_map(|n| n.scalar().map(|(t, _)| t)).collect::<Vec<_>>().join(", ")
        }
        Some(NodeKind::Scalar { text, .. }) => text.clone(),
        _ => String::new(),
    };
    if old == value {
        return Ok(Vec::new());
    }
    let kind = SpecKind::Line;
    match existing {
        Some((k, v)) => {
            let NodeKind::Map(entries) = &*doc.root.kind else { unreachable!("lang was found in a mapping") };
            let index = entries.iter().position(|(key, _)| std::ptr::eq(key, k)).unwrap_or(0);
            let own = Entry { map: &doc.root, index, key: k, value: v };
            if value.trim().is_empty() {
                return Ok(vec![remove_entry(doc, "lang", own)?]);
            }
            if value.contains(',') || matches!(&*v.kind, NodeKind::Seq(_)) {
                return Ok(vec![Splice::new(v.span.start, value_end(doc.text, v), written)]);
            }
            let ctx = Context { old: Some(Written::of(&doc.text[v.span.start..])), ..context(doc, own, v, kind) };
            Ok(scalar::candidates(value, &ctx)
                .into_iter()
                .map(|c| Splice::new(v.span.start, value_end(doc.text, v), c))
                .collect())
        }
        None if value.trim().is_empty() => Ok(Vec::new()),
        None => {
            let order: Vec<&str> = form::field_specs().0.iter().map(|s| s.key).collect();
            let mut all = insert(doc, "lang", &doc.root, None, &["lang".to_string()], &order, &written, kind)?;
            if value.contains(',') {
                // The list is written as it is, not quoted.
                all.truncate(1);
                let first = &mut all[0];
                let quoted = scalar::double(&written);
                first.with = first.with.replace(&quoted, &written);
                if !first.with.contains(&written) {
                    let with = first.with.clone();
                    let at = with.find("lang: ").map_or(0, |i| i + 6);
                    let line_end = with[at..].find('\n').map_or(with.len(), |i| at + i);
                    first.with = format!("{}{written}{}", &with[..at], &with[line_end..]);
                }
            }
            Ok(all)
        }
    }
}

/// The keys `keys` (each inside the one before) with `value` at the end, inserted under
/// `parent`: after the last key that comes before the first of `keys` in `order`.
#[allow(clippy::too_many_arguments)]
fn insert(
    doc: &Doc<'_>,
    path: &str,
    parent: &Node,
    owner: Option<Entry<'_>>,
    keys: &[String],
    order: &[&str],
    value: &str,
    kind: SpecKind,
) -> Result<Vec<Splice>, EditError> {
    let text = doc.text;
    let rank = |k: &str| order.iter().position(|o| *o == k);
    if doc.is_flow(parent) {
        let close = parent.span.end.saturating_sub(1);
        if text.as_bytes().get(close) != Some(&b'}') {
            let reason = "a mapping in braces the editor cannot extend".to_string();
            return Err(EditError::Unsupported { path: path.to_string(), reason });
        }
        let entries = locate::entries(parent);
        let ctx = Context { flow: true, key_col: 0, indent: 0, old: None, kind };
        return Ok(scalar::candidates(value, &ctx)
            .into_iter()
            .map(|c| {
                let mut nested = c;
                for k in keys.iter().skip(1).rev() {
                    nested = format!("{{ {k}: {nested} }}");
                }
                let item = format!("{}: {nested}", keys[0]);
                match entries.last() {
                    Some((k, v)) => Splice::new(entry_end(text, k, v), entry_end(text, k, v), format!(", {item}")),
                    None => Splice::new(parent.span.start + 1, parent.span.start + 1, item),
                }
            })
            .collect());
    }
    let entries = locate::entries(parent);
    let (at, base_col) = match (&*parent.kind, owner) {
        (NodeKind::Map(_), _) if !entries.is_empty() => {
            let first = &entries[0].0;
            let col = doc.col(first.span.start);
            let new_rank = rank(&keys[0]);
            let before = entries.iter().rposition(|(k, _)| {
                let r = k.scalar().and_then(|(t, _)| rank(t));
                matches!((r, new_rank), (Some(r), Some(n)) if r < n)
            });
            let own_line = text[line_start(text, first.span.start)..first.span.start].trim().is_empty();
            let at = match before {
                Some(i) => line_end(text, entry_end(text, &entries[i].0, &entries[i].1)),
                None if own_line => line_start(text, first.span.start),
                None => {
                    let (k, v) = entries.last().expect("not empty");
                    line_end(text, entry_end(text, k, v))
                }
            };
            (at, col)
        }
        (NodeKind::Map(_), None) => (text.len(), 0),
        (NodeKind::Scalar { .. }, Some(owner)) => {
            (line_end(text, entry_end(text, owner.key, owner.value)), doc.col(owner.key.span.start) + doc.step)
        }
        _ => {
            let reason = "there is no mapping to add it to".to_string();
            return Err(EditError::Unsupported { path: path.to_string(), reason });
        }
    };
    let newline = if at == text.len() && !text.is_empty() && !text.ends_with('\n') { "\n" } else { "" };
    let last_col = base_col + doc.step * (keys.len() - 1);
    let ctx = Context { flow: false, key_col: last_col, indent: last_col + doc.step, old: None, kind };
    Ok(scalar::candidates(value, &ctx)
        .into_iter()
        .map(|c| {
            let mut lines = String::from(newline);
            for (depth, k) in keys.iter().enumerate() {
                let pad = " ".repeat(base_col + doc.step * depth);
                if depth + 1 == keys.len() {
                    lines.push_str(&format!("{pad}{k}: {c}\n"));
                } else {
                    lines.push_str(&format!("{pad}{k}:\n"));
                }
            }
            Splice::new(at, at, lines)
        })
        .collect())
}

/// The key and value of `entry` taken out of its mapping.
fn remove_entry(doc: &Doc<'_>, path: &str, entry: Entry<'_>) -> Result<Splice, EditError> {
    let text = doc.text;
    let entries = locate::entries(entry.map);
    let next = entries.get(entry.index + 1);
    let end = entry_end(text, entry.key, entry.value);
    if doc.is_flow(entry.map) {
        return Ok(match (next, entry.index.checked_sub(1).map(|i| &entries[i])) {
            (Some((k, _)), _) => Splice::new(entry.key.span.start, k.span.start, ""),
            (None, Some((pk, pv))) => Splice::new(entry_end(text, pk, pv), end, ""),
            (None, None) => Splice::new(entry.key.span.start, end, ""),
        });
    }
    let from = line_start(text, entry.key.span.start);
    if text[from..entry.key.span.start].trim().is_empty() {
        return Ok(Splice::new(from, line_end(text, end), ""));
    }
    // The key follows `- ` on its line: the next key moves up to take its place.
    match next {
        Some((k, _)) => Ok(Splice::new(entry.key.span.start, k.span.start, "")),
        None => Err(EditError::Unsupported {
            path: path.to_string(),
            reason: "it is the only key of its item; remove the topic instead".into(),
        }),
    }
}
