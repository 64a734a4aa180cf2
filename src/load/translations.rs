//! Translations written with a slip, read as meant: each slip named once, where it was typed,
//! and the tree mended so that nothing follows from it. A language's tag glued to its text
//! (`ja "AI"`, `ja:"B"`); a key read as another language (`jp:` when `lang:` lists `jp`,
//! read as `ja`).

use super::languages::{is_language_tag, scalar};
use super::tree::{Node, NodeKind};
use crate::diag::{Diagnostic, Span};

/// `root` with the text values' keys read as `lang:` is (`jp:` as `ja:` when `lang:` lists
/// `jp`, read as `ja`): for each tag of `renamed` ([`super::languages::Declared::renamed`]), the help of the
/// problem that says so counts them.
pub(super) fn read_renamed(
    root: &Node,
    renamed: &[(String, String, usize)],
    problems: &mut [Diagnostic],
    keys: &super::KeySets,
) -> Node {
    let mut root = root.clone();
    for (from, to, at) in renamed {
        let mut n = 0;
        root = rename_keys(&root, from, to, keys, &mut n);
        if n > 0 {
            let places = if n == 1 { "1 place".to_string() } else { format!("{n} places") };
            let help = problems[*at].help.take().unwrap_or_default();
            problems[*at].help = Some(format!("{help}, and `{to}:` for `{from}:` in the text values ({places})"));
        }
    }
    root
}

/// `node` with each translation key `from` (in any case) read as `to`, counted in `count`:
/// the `jp:` keys of a file whose `lang:` lists `jp`, read as `ja`. Only in mappings whose
/// keys are all language tags and none a field of the file (`tel`).
fn rename_keys(node: &Node, from: &str, to: &str, keys: &super::KeySets, count: &mut usize) -> Node {
    match &*node.kind {
        NodeKind::Map(entries) => {
            let tag = |k: &Node| k.scalar().is_some_and(|(t, _)| is_language_tag(t) && !keys.any(t));
            let translation = entries.iter().all(|(k, _)| tag(k));
            let entries = entries
                .iter()
                .map(|(k, v)| match k.scalar() {
                    Some((t, _)) if translation && t.eq_ignore_ascii_case(from) => {
                        *count += 1;
                        (scalar(k.span, to), v.clone())
                    }
                    _ => (k.clone(), rename_keys(v, from, to, keys, count)),
                })
                .collect();
            node.with_kind(NodeKind::Map(entries))
        }
        NodeKind::Seq(items) => {
            node.with_kind(NodeKind::Seq(items.iter().map(|i| rename_keys(i, from, to, keys, count)).collect()))
        }
        NodeKind::Scalar { .. } => node.clone(),
    }
}

/// A translation between braces whose colon was lost, or the space after it (`{ en: AI, ja
/// "AI" }`, `{ en: A, ja:"B" }`): YAML reads `ja "AI"` as a key with no value, and the whole
/// value as a mapping of the wrong kind. Each is named, and read as the translation meant.
pub(super) fn mend_glued_translations(root: &Node, langs: &[String], found: &mut Vec<Diagnostic>) -> Node {
    match &*root.kind {
        NodeKind::Map(entries) => {
            let given = |k: &Node| k.scalar().is_some_and(|(t, _)| langs.iter().any(|l| l == t));
            let translation = entries.iter().any(|(k, _)| given(k));
            let mended = entries
                .iter()
                .map(|(k, v)| {
                    let glued = translation && v.is_null();
                    match k.scalar().filter(|_| glued).and_then(|(t, _)| glued_tag(t, langs)) {
                        Some((lang, rest)) => {
                            let at = k.span.start + lang.len();
                            found.push(if rest.starts_with(':') {
                                super::slips::no_space_after(at, "", lang)
                            } else {
                                super::slips::missing_colon(at, "", lang)
                            });
                            let value = rest.trim_start_matches(':').trim();
                            let unquoted = value
                                .strip_prefix('"')
                                .and_then(|v| v.strip_suffix('"'))
                                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                                .unwrap_or(value);
                            // (From the tag on: the key as written, not as normalized, may be longer.)
                            let span = Span::new(at, k.span.end);
                            (scalar(Span::new(k.span.start, at), lang), scalar(span, unquoted))
                        }
                        None => (k.clone(), mend_glued_translations(v, langs, found)),
                    }
                })
                .collect();
            root.with_kind(NodeKind::Map(mended))
        }
        NodeKind::Seq(items) => {
            root.with_kind(NodeKind::Seq(items.iter().map(|i| mend_glued_translations(i, langs, found)).collect()))
        }
        NodeKind::Scalar { .. } => root.clone(),
    }
}

/// The language `key` starts with, glued to a value (`ja "AI"`, `ja:"B"`), and the rest.
fn glued_tag<'k>(key: &'k str, langs: &'k [String]) -> Option<(&'k str, &'k str)> {
    langs.iter().find_map(|l| {
        let rest = key.strip_prefix(l.as_str())?;
        rest.starts_with([' ', ':', '"', '\'']).then_some((l.as_str(), rest))
    })
}
