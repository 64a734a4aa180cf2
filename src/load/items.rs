//! A list item split in two by a `- ` typed before one of its keys (`  - title: Data` then
//! `  - body: Agreed.`): the first item lacks the key the second starts with, and the second
//! lacks the first's keys, two "missing field" errors neither at the slip. Said once, at the
//! `- ` that split them.

use super::lines::{indent, key_on, line_at, lines_below};
use crate::diag::{Diagnostic, Span};

/// For the error "missing field `field`" at the list item mapping `item`, when a `- ` typed
/// before a key split one item in two: where the next item's line starts (its own "missing
/// field" errors follow from the slip), and the error to show at its `- `.
pub(super) fn split(text: &str, item: Span, field: &str) -> Option<(usize, Diagnostic)> {
    let (start, first) = line_at(text, item.start);
    let column = item.start - start;
    // (An item's mapping: its first key after `- `.)
    if column < 2 || first.get(column - 2..column) != Some("- ") {
        return None;
    }
    let dash = column - 2;
    let keys_of = |from: usize, line: &'_ str| -> Vec<String> {
        let below =
            lines_below(text, from).take_while(|(_, l)| indent(l) >= column).filter(|(_, l)| indent(l) == column);
        below.filter_map(|(_, l)| key_on(l)).chain(key_on(line)).map(str::to_string).collect()
    };
    let own = keys_of(start, first);
    // The next item: `- field:` in the same column, right below this one, with none of its keys.
    let (next, below) = lines_below(text, start).find(|(_, l)| indent(l) < column)?;
    let starts = indent(below) == dash && below[dash..].starts_with("- ") && key_on(below) == Some(field);
    if !starts || own.iter().any(|k| k == field || keys_of(next, below).contains(k)) {
        return None;
    }
    let at = next + dash;
    let d = Diagnostic::new(
        Some(Span::new(at, at + 1)),
        "",
        format!("this `- ` starts a new item, so `{field}:` is not read as the item above's"),
    )
    .with_help(format!("remove the `- ` before `{field}:`, and indent it as the keys above it"));
    Some((next, d))
}

/// The field a "missing field" error names.
fn missing(d: &Diagnostic) -> Option<&str> {
    d.message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`'))
}

/// `diagnostics` with each pair of "missing field" errors that a `- ` splitting an item
/// makes replaced by one at that `- ` (see [`split`]).
pub fn name_splits(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    // (In the order of the items: the second item of a pair is not the first of another.)
    let mut order: Vec<usize> = (0..diagnostics.len()).filter(|&i| missing(&diagnostics[i]).is_some()).collect();
    order.sort_by_key(|&i| diagnostics[i].span.map(|s| s.start));
    let mut split_lines = std::collections::HashSet::new();
    let mut follow = std::collections::HashSet::new();
    for i in order {
        let Some(span) = diagnostics[i].span else { continue };
        if split_lines.contains(&line_at(text, span.start).0) {
            follow.insert(i);
            continue;
        }
        let field = missing(&diagnostics[i]).unwrap_or_default().to_string();
        if let Some((next, named)) = split(text, span, &field) {
            split_lines.insert(next);
            diagnostics[i] = named;
        }
    }
    let mut i = 0;
    diagnostics.retain(|_| {
        i += 1;
        !follow.contains(&(i - 1))
    });
}

/// `diagnostics` with the "missing field" errors of a mapping whose first key is unknown
/// (`- Data: Agreed.`, a topic's title written as a key) folded into that key's error: the
/// fields it lacks are named in its help, one error for the item.
pub fn fold_missing_into_unknown(diagnostics: &mut Vec<Diagnostic>) {
    let unknown = |d: &Diagnostic| d.message.starts_with("unknown field `") && !d.message.contains("did you mean");
    let mut lacking: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate().filter(|(_, d)| unknown(d)) {
        let fields: Vec<String> = diagnostics
            .iter()
            .filter(|m| m.span.map(|s| s.start) == d.span.map(|s| s.start) && m.path == d.path)
            .filter_map(|m| missing(m).map(|f| format!("`{f}:`")))
            .collect();
        if !fields.is_empty() {
            lacking.push((i, fields));
        }
    }
    for (i, fields) in &lacking {
        let d = &mut diagnostics[*i];
        let expected = d.help.take().unwrap_or_default();
        d.help = Some(format!("it has no {}: write each as a key, `key: value`; {expected}", fields.join(" or ")));
    }
    let folded: Vec<(Option<usize>, String)> =
        lacking.iter().map(|(i, _)| (diagnostics[*i].span.map(|s| s.start), diagnostics[*i].path.clone())).collect();
    diagnostics.retain(|m| missing(m).is_none() || !folded.contains(&(m.span.map(|s| s.start), m.path.clone())));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(text: &str, at: &str, field: &str) -> Diagnostic {
        let start = text.find(at).unwrap();
        Diagnostic::new(Some(Span::new(start, start + at.len())), "topics[0]", format!("missing field `{field}`"))
    }

    /// The pair becomes one error at the `- ` that split them; an item that is another item
    /// (its own `title:`), or a field missing alone, keeps its error.
    #[test]
    fn two_items_missing_each_others_fields_are_one_split_by_a_dash() {
        let text = "topics:\n  - title: Data\n  - body: Agreed.\n  - title: AI\n";
        let mut d = vec![missing(text, "title: Data", "body"), missing(text, "body: Agreed.", "title")];
        name_splits(text, &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.map(|s| s.start), text.find("- body"));
        assert!(d[0].message.starts_with("this `- ` starts a new item"));
        let text = "topics:\n  - title: Data\n  - title: AI\n    body: B\n";
        let mut d = vec![missing(text, "title: Data", "body")];
        name_splits(text, &mut d);
        assert_eq!(d[0].message, "missing field `body`");
        // (The next item starts with the field, but holds the first's key too.)
        let text = "topics:\n  - title: Data\n  - body: B\n    title: C\n";
        let mut d = vec![missing(text, "title: Data", "body")];
        name_splits(text, &mut d);
        assert_eq!(d[0].message, "missing field `body`");
    }
}
