//! A key typed at the column of a block text's lines (`note: |`, its lines, then `email: …`
//! under them; a topic's `body: |`, then `- title: B` under its text): YAML reads it as one
//! more line of the text, and the key's value, or a whole topic, is printed as text without a
//! word (text37a F37a-10). The top level's keys are named by the checks of the briefing; these
//! rules name the keys of the mappings inside it.

use super::lines::{indent, key_column, key_of, line_at};
use super::tree::{Node, NodeKind, Style};
use super::KeySets;
use crate::diag::{Diagnostic, Span};

/// The mapping that holds a value: the keys some mapping could hold among its own, each once
/// (a few, however many it has), and whether it is a list's item.
#[derive(Clone, Default)]
struct Holder<'t> {
    keys: Vec<&'t str>,
    item: bool,
}

/// Each key of a mapping below the top level, and each item of a list, typed at the column
/// of a block text's lines in `root`, read from `text`.
pub(super) fn keys_in_blocks<'t>(root: &'t Node, text: &str, keys: &KeySets) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // (Depth first, with an explicit stack: the tree may be deep.) A node; the mapping that
    // holds it as a value (past a mapping of languages); whether the node is a list's item;
    // and the key it is the value of (past a language's, the key of the texts).
    let mut stack: Vec<(&Node, Holder<'t>, bool, &str)> = Vec::new();
    let key = |k: &'t Node| k.scalar().map_or("", |(t, _)| t);
    if let NodeKind::Map(entries) = &*root.kind {
        stack.extend(entries.iter().map(|(k, value)| (value, Holder::default(), false, key(k))));
    }
    while let Some((node, holder, item, owner)) = stack.pop() {
        match &*node.kind {
            NodeKind::Seq(items) => stack.extend(items.iter().map(|i| (i, Holder::default(), true, owner))),
            NodeKind::Map(entries) => {
                // (The keys some mapping holds, each once: what `fits` reads; a mapping of
                // 100,000 keys is a few.)
                let mut own: Vec<&str> = entries.iter().filter_map(|(k, _)| k.scalar().map(|(t, _)| t)).collect();
                let others = own.len();
                own.retain(|k| keys.any(k));
                own.sort_unstable();
                own.dedup();
                // (A mapping of languages, `en: |`, `ja: |`: its texts are its holder's.)
                let languages = others > 0 && own.is_empty();
                let holder = if languages { holder } else { Holder { keys: own, item } };
                stack.extend(
                    entries
                        .iter()
                        .map(|(k, value)| (value, holder.clone(), false, if languages { owner } else { key(k) })),
                );
            }
            NodeKind::Scalar { style: Style::Block, .. } if !holder.keys.is_empty() => {
                found.extend(key_in_block(text, node.span, (owner, &holder.keys), holder.item, keys));
            }
            NodeKind::Scalar { .. } => {}
        }
    }
    found.sort_by_key(|d| d.span.map(|s| s.start));
    found
}

/// The first line of the block text at `span` (from its `|` to its last character), the
/// value of `owner` in a mapping of the keys `holder`, that is a key the mapping could take
/// beside them, or, when the mapping is a list's item, a new item of that list (`- title:
/// B`), typed at the column of the text's lines.
fn key_in_block(
    text: &str,
    span: Span,
    (owner, holder): (&str, &[&str]),
    item: bool,
    keys: &KeySets,
) -> Option<Diagnostic> {
    let (opener_start, opener) = line_at(text, span.start);
    let first = opener_start + opener.len() + 1;
    let body = text.get(first..span.end)?;
    // (With an indentation indicator, `|2`, the text's column is the key's and two; text38a
    // F38a-10: the first line may be deeper.)
    let indicator = opener.trim_end().trim_end_matches(['+', '-']).bytes().last().filter(u8::is_ascii_digit);
    let column = match indicator {
        Some(d) => key_column(opener) + usize::from(d - b'0'),
        None => body.lines().find(|l| !l.trim().is_empty()).map(indent)?,
    };
    let mut at = first;
    // (Inside a fenced code block, a line is code: an example of YAML; text38a F38a-2.)
    let mut fenced = false;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        fenced ^= fence;
        if indent(line) != column || fenced || fence {
            continue;
        }
        let content = &line[column..];
        let Some((key, offset, value)) = key_of(content) else { continue };
        let new_item = offset > 0;
        let (fits, whose) = match new_item {
            // (`- title: B` above `  body: …`: keys of the item the text is in, so a new one;
            // a list of `- title: its heading` lines is text; text39a F39a-6.)
            true => {
                let next = text[at..].lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                let sibling = indent(next) == column + 2
                    && key_of(next.trim_start()).is_some_and(|(k, o, _)| o == 0 && k != key && holder.contains(&k));
                (
                    item && content.starts_with("- ") && holder.contains(&key) && sibling,
                    "the `- ` of the item above".into(),
                )
            }
            // (A key's value is a word, an address, a number, or on the lines below: words
            // after a colon are a sentence, `name: badge and passport.`; text38a F38a-2.)
            false => (keys.fits(key, holder) && !value.contains(char::is_whitespace), format!("`{owner}:`")),
        };
        if !fits {
            continue;
        }
        let shown = if new_item { format!("- {key}:") } else { format!("{key}:") };
        let place = Span::new(start + column, start + column + shown.len());
        return Some(
            Diagnostic::new(
                Some(place),
                "",
                format!("`{shown}` is indented as the text above it, so YAML reads it as that text"),
            )
            .with_help(format!("start `{shown}` in the column of {whose}, to the left")),
        );
    }
    None
}
