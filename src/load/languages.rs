//! One file in several languages: `lang: [en, ja]` at the root, and any text value given as a
//! mapping from language to text (`title: { en: …, ja: … }`). A plain value is shared by every
//! language.
//!
//! A bilingual tree is *projected* onto one language before it is deserialized: each
//! translation mapping is replaced by its text in that language and `lang:` by that language,
//! so the rest of the pipeline sees an ordinary one-language briefing. A translation mapping
//! is a mapping whose keys all look like language tags and name at least one of the
//! briefing's languages; one that lacks some of them, or names one that is not among them, is
//! reported at its line (once, with the first language's projection).

use std::rc::Rc;

use super::tree::{Node, NodeKind, Style};
use crate::diag::{Diagnostic, Span};

/// The languages a root mapping names in a `lang:` sequence (`lang: [en, ja]`), in order, with
/// problems in the list. `None` when `lang` is absent or a single value.
pub(super) fn declared(root: &Node) -> Option<(Vec<String>, Vec<Diagnostic>)> {
    let NodeKind::Map(entries) = &*root.kind else { return None };
    let (_, value) = entries.iter().find(|(k, _)| k.scalar().is_some_and(|(t, _)| t == "lang"))?;
    let NodeKind::Seq(items) = &*value.kind else { return None };
    let mut langs: Vec<String> = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.scalar() {
            Some((tag, _)) if is_language_tag(tag) && !langs.iter().any(|l| l.eq_ignore_ascii_case(tag)) => {
                langs.push(tag.to_string());
            }
            Some((tag, _)) if is_language_tag(tag) => {
                diagnostics.push(Diagnostic::new(
                    Some(item.span),
                    format!("lang[{i}]"),
                    format!("`{tag}` is listed twice"),
                ));
            }
            _ => diagnostics.push(Diagnostic::new(
                Some(item.span),
                format!("lang[{i}]"),
                "expected a language tag such as `en` or `ja`",
            )),
        }
    }
    if langs.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::new(
            Some(value.span),
            "lang",
            "list at least one language, e.g. `lang: [en, ja]`",
        ));
    }
    Some((langs, diagnostics))
}

/// A BCP 47-shaped tag: a 2–3 letter lowercase primary language, then subtags (`pt-BR`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `root` with every translation mapping replaced by its text in `lang`, and `lang:` by
/// `lang`. Gaps (a translation lacking one of `langs`, or naming another language) are added
/// to `diagnostics` when `report` is set; a missing translation becomes an empty value.
pub(super) fn project(
    root: &Node,
    langs: &[String],
    lang: &str,
    report: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Node {
    let mut p = Projection { langs, lang, report, diagnostics };
    let NodeKind::Map(entries) = &*root.kind else { return root.clone() };
    let entries = entries
        .iter()
        .map(|(k, v)| match k.scalar() {
            Some(("lang", _)) if matches!(&*v.kind, NodeKind::Seq(_)) => (k.clone(), scalar(v.span, lang)),
            Some((key, _)) => {
                let key = key.to_string();
                (k.clone(), p.node(v, &key))
            }
            None => (k.clone(), v.clone()),
        })
        .collect();
    root.with_kind(NodeKind::Map(entries))
}

struct Projection<'a> {
    langs: &'a [String],
    lang: &'a str,
    report: bool,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Projection<'_> {
    fn node(&mut self, node: &Node, path: &str) -> Node {
        match &*node.kind {
            NodeKind::Scalar { .. } => node.clone(),
            NodeKind::Seq(items) => {
                let items = items.iter().enumerate().map(|(i, n)| self.node(n, &format!("{path}[{i}]"))).collect();
                node.with_kind(NodeKind::Seq(items))
            }
            NodeKind::Map(entries) if self.is_translation(entries) => self.translation(node, entries, path),
            NodeKind::Map(entries) => {
                let entries = entries
                    .iter()
                    .map(|(k, v)| {
                        let key = k.scalar().map_or_else(String::new, |(t, _)| t.to_string());
                        let child = if path.is_empty() { key } else { format!("{path}.{key}") };
                        (k.clone(), self.node(v, &child))
                    })
                    .collect();
                node.with_kind(NodeKind::Map(entries))
            }
        }
    }

    fn is_translation(&self, entries: &[(Node, Node)]) -> bool {
        let keys: Vec<&str> = entries.iter().filter_map(|(k, _)| k.scalar().map(|(t, _)| t)).collect();
        keys.len() == entries.len()
            && keys.iter().all(|k| is_language_tag(k))
            && keys.iter().any(|k| self.langs.iter().any(|l| l == k))
    }

    fn translation(&mut self, node: &Node, entries: &[(Node, Node)], path: &str) -> Node {
        let keys: Vec<&str> = entries.iter().filter_map(|(k, _)| k.scalar().map(|(t, _)| t)).collect();
        if self.report {
            let path = if path.is_empty() { "this value" } else { path };
            let missing: Vec<&str> = self.langs.iter().map(String::as_str).filter(|l| !keys.contains(l)).collect();
            if !missing.is_empty() {
                let present: Vec<&str> = keys.iter().copied().filter(|k| self.langs.iter().any(|l| l == k)).collect();
                let message = format!("{path} has {} but not {}", present.join(", "), missing.join(", "));
                self.diagnostics.push(Diagnostic::new(Some(node.span), "", message));
            }
            for (k, _) in entries {
                if let Some((key, _)) = k.scalar().filter(|(t, _)| !self.langs.iter().any(|l| l == t)) {
                    let message = format!(
                        "{path} has `{key}`, which is not one of the briefing's languages (lang: [{}])",
                        self.langs.join(", ")
                    );
                    self.diagnostics.push(Diagnostic::new(Some(k.span), "", message));
                }
            }
        }
        match entries.iter().find(|(k, _)| k.scalar().is_some_and(|(t, _)| t == self.lang)) {
            // A translation is text; a mapping in it would be another translation level.
            Some((_, value)) => value.clone(),
            None => scalar(node.span, ""),
        }
    }
}

fn scalar(span: Span, text: &str) -> Node {
    Node::scalar_node(span, text.to_string(), Style::Quoted)
}

impl Node {
    /// The node with `kind` in place of its own (same span).
    fn with_kind(&self, kind: NodeKind) -> Node {
        let mut node = self.clone();
        node.kind = Rc::new(kind);
        node
    }
}
