//! A list item written per language (`- en:` with `title:` and `body:` under it, then `ja:`
//! with its own): a topic is translated field by field, so the item is read as one, each
//! field a translation (text44a F44a-27).

use super::tree::{Node, NodeKind};
use crate::diag::{Diagnostic, Span};

/// Whether `item`, a mapping of languages, gives a mapping (a whole item) for each.
pub(super) fn per_language(item: &Node) -> bool {
    match &*item.kind {
        NodeKind::Map(e) => e.iter().all(|(_, v)| matches!(&*v.kind, NodeKind::Map(_))),
        _ => false,
    }
}

/// `item` read field by field (`title: {en: …, ja: …}`), with the error at its first language.
pub(super) fn transposed(item: &Node, found: &mut Vec<Diagnostic>) -> Node {
    let NodeKind::Map(langs) = &*item.kind else { return item.clone() };
    let at = item.span.start;
    found.push(
        Diagnostic::new(
            Some(Span::new(at, langs.first().map_or(at, |(k, _)| k.span.end))),
            "",
            "an item written per language: YAML reads the languages as its fields",
        )
        .with_help(
            "translate it field by field, `- title: {en: AI, ja: AI}` and `body: {en: …, ja: …}`; \
             or give each language its own list, `topics: {en: [- …], ja: [- …]}`",
        ),
    );
    let mut fields: Vec<(Node, Vec<(Node, Node)>)> = Vec::new();
    for (lang, value) in langs {
        let NodeKind::Map(entries) = &*value.kind else { continue };
        for (k, v) in entries {
            let name = k.scalar().map(|(t, _)| t);
            match fields.iter_mut().find(|(f, _)| f.scalar().map(|(t, _)| t) == name) {
                Some((_, by_lang)) => by_lang.push((lang.clone(), v.clone())),
                None => fields.push((k.clone(), vec![(lang.clone(), v.clone())])),
            }
        }
    }
    let fields = fields.into_iter().map(|(k, by_lang)| {
        let value = by_lang[0].1.with_kind(NodeKind::Map(by_lang.clone()));
        (k, value)
    });
    item.with_kind(NodeKind::Map(fields.collect()))
}
