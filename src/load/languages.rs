//! One file in several languages: `lang: [en, ja]` at the root (read in [`super::declared`]),
//! and any text value given as a mapping from language to text (`title: { en: …, ja: … }`). A
//! plain value is shared by every language.
//!
//! The file is parsed once; its tree is *projected* onto each language before it is
//! deserialized: each translation mapping is replaced by its text in that language and `lang:`
//! by that language, so the rest of the pipeline sees an ordinary one-language briefing. A
//! translation mapping is a mapping whose keys all look like language tags and name at least
//! one of the briefing's languages (`ja` names `ja-JP` when no other listed language is
//! Japanese). [`check`] reports, each once and at its line, a translation that lacks a
//! language or names one not listed, and translations whose languages differ in shape (a list
//! of other length, a value empty in one language only): the languages of one file are one
//! briefing, set side by side by `--parallel`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::tree::{Node, NodeKind, Style};
use crate::diag::{Diagnostic, Span};
use crate::script::primary_language;

/// The most languages one file may list: each is a complete briefing to check and build.
pub const MAX_LANGUAGES: usize = 8;

/// When `entries` (a mapping's) are a translation in `langs` (see [`project`]), the language
/// each key names, as an index into `langs` (`None` for a key that names none, or two).
pub fn translation_languages(langs: &[String], entries: &[(Node, Node)]) -> Option<Vec<Option<usize>>> {
    if !is_translation(langs, entries) {
        return None;
    }
    Some(entries.iter().map(|(k, _)| named(langs, k.scalar().map_or("", |(t, _)| t))).collect())
}

/// A BCP 47-shaped tag, in any case (as BCP 47 is): a 2–3 letter primary language, or `x` or
/// `i` for a private or grandfathered one, then subtags of 1–8 letters or digits, a
/// one-character subtag (an extension such as `u`) followed by another (`pt-BR`,
/// `en-US-u-ca-gregory`, `x-klingon`).
pub fn is_language_tag(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let primary = parts[0];
    let private = primary.eq_ignore_ascii_case("x") || primary.eq_ignore_ascii_case("i");
    let primary_ok = (private && parts.len() > 1)
        || ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts[1..].iter().enumerate().all(|(k, p)| {
            (1..=8).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_alphanumeric())
                && (p.len() > 1 || k + 2 < parts.len())
        })
}

/// Which of `langs` a translation key names: the same tag (in any case), or, when one of the
/// two is a bare language (`ja`) and the other the same language with a region (`ja-JP`), that
/// one, provided no other listed language is the same language.
pub(super) fn resolve(langs: &[String], key: &str) -> Resolved {
    if let Some(i) = langs.iter().position(|l| l.eq_ignore_ascii_case(key)) {
        return Resolved::Lang(i);
    }
    let primary = primary_language(key);
    let bare = |tag: &str| !tag.contains('-');
    let same: Vec<usize> = (0..langs.len())
        .filter(|&i| primary_language(&langs[i]) == primary && (bare(key) || bare(&langs[i])))
        .collect();
    match same[..] {
        [i] => Resolved::Lang(i),
        [] => Resolved::Other,
        _ => Resolved::Ambiguous(same),
    }
}

/// The one of `langs` that the translation key `key` names, if it names one.
pub(super) fn named(langs: &[String], key: &str) -> Option<usize> {
    match resolve(langs, key) {
        Resolved::Lang(i) => Some(i),
        _ => None,
    }
}

pub(super) enum Resolved {
    Lang(usize),
    Other,
    Ambiguous(Vec<usize>),
}

/// Whether a mapping is a translation: every key a language tag, one of them naming one of
/// `langs`.
pub(super) fn is_translation(langs: &[String], entries: &[(Node, Node)]) -> bool {
    let mut names = false;
    for (k, v) in entries {
        let Some((key, _)) = k.scalar() else { return false };
        // (Text after a comma in `{ en: AI, data and chips, ja: … }`, a key with no value, is
        // named by [`Checker::translation`].)
        if cut_by_comma(key, v) {
            continue;
        }
        if !is_language_tag(key) {
            return false;
        }
        names |= !matches!(resolve(langs, key), Resolved::Other);
    }
    names
}

/// A language's entry of a `{ … }` (its key and text) and the pieces a comma cut from it.
type Cut<'t> = (&'t str, String, Vec<(Span, &'t str)>);

/// Whether an entry of a `{ … }` (`key`, value `v`) is text a comma cut from the entry before:
/// words and no value (`data and chips` of `{ en: AI, data and chips }`).
fn cut_by_comma(key: &str, v: &Node) -> bool {
    v.is_null() && !is_language_tag(key) && key.chars().any(char::is_alphanumeric)
}

/// `root` with every translation mapping replaced by its text in `langs[lang]`, and `lang:`
/// by that language. A missing translation becomes an empty value ([`check`] reports it); its
/// span is added to `gaps`.
pub(super) fn project(root: &Node, langs: &[String], lang: usize, gaps: &mut Vec<Span>) -> Node {
    let NodeKind::Map(entries) = &*root.kind else { return root.clone() };
    let entries = entries
        .iter()
        .map(|(k, v)| match k.scalar() {
            // (`lang: en, ja` too, reported as such by [`declared`].)
            Some(("lang", _)) => (k.clone(), scalar(v.span, &langs[lang])),
            _ => (k.clone(), projected(v, langs, lang, gaps)),
        })
        .collect();
    root.with_kind(NodeKind::Map(entries))
}

fn projected(node: &Node, langs: &[String], lang: usize, gaps: &mut Vec<Span>) -> Node {
    match &*node.kind {
        NodeKind::Scalar { .. } => node.clone(),
        NodeKind::Seq(items) => {
            node.with_kind(NodeKind::Seq(items.iter().map(|n| projected(n, langs, lang, gaps)).collect()))
        }
        NodeKind::Map(entries) if is_translation(langs, entries) => {
            let names = |k: &Node, exact: bool| {
                k.scalar().is_some_and(|(t, _)| match resolve(langs, t) {
                    Resolved::Lang(i) => i == lang,
                    Resolved::Ambiguous(which) => !exact && which.contains(&lang),
                    Resolved::Other => false,
                })
            };
            // The language's own key, else one that could be it (`pt` for pt-BR, reported).
            match entries.iter().find(|(k, _)| names(k, true)).or_else(|| entries.iter().find(|(k, _)| names(k, false)))
            {
                // A translation is text; a mapping in it would be another translation level.
                Some((_, value)) => value.clone(),
                None => {
                    gaps.push(node.span);
                    scalar(node.span, "")
                }
            }
        }
        NodeKind::Map(entries) => node.with_kind(NodeKind::Map(
            entries.iter().map(|(k, v)| (k.clone(), projected(v, langs, lang, gaps))).collect(),
        )),
    }
}

/// Every problem of the translations in `root`, each once at its line: a language missing, a
/// key that names none of `langs` (or two of them), a language given twice, and languages
/// whose values differ in shape; and, for those that differ in kind, where and how.
pub(super) fn check(root: &Node, langs: &[String]) -> (Vec<Diagnostic>, Vec<Kinds>) {
    let mut c = Checker { langs, diagnostics: Vec::new(), kinds: Vec::new() };
    if let NodeKind::Map(entries) = &*root.kind {
        for (k, v) in entries {
            match k.scalar() {
                Some(("lang", _)) => {}
                Some((key, _)) => c.node(v, key),
                None => {}
            }
        }
    }
    (c.diagnostics, c.kinds)
}

/// Two languages whose values differ in kind (`en:` a list, `ja:` text): the problem
/// [`check`] says of it, and each value's place, language and kind.
pub(super) struct Kinds {
    said: Diagnostic,
    sides: [(Span, String, &'static str); 2],
}

/// Where a value of two that differ in kind is of the wrong kind for its field (its type
/// error is in one of `found`, each a language's problems), that error says the difference,
/// and the difference is not said again: one problem, at the value to mend.
pub(super) fn say_kinds_once(kinds: &[Kinds], found: &mut [&mut Vec<Diagnostic>]) {
    for k in kinds {
        let mut told = false;
        for (i, (span, lang, _)) in k.sides.iter().enumerate() {
            let (_, other, other_kind) = &k.sides[1 - i];
            for d in found.iter_mut().flat_map(|f| f.iter_mut()) {
                if d.span == Some(*span) && d.message.starts_with("expected ") {
                    d.message = format!("{} in {lang}, where {other} gives {other_kind}", d.message);
                    told = true;
                }
            }
        }
        for f in found.iter_mut().filter(|_| told) {
            f.retain(|d| !(d.span == k.said.span && d.message == k.said.message));
        }
    }
}

struct Checker<'a> {
    langs: &'a [String],
    diagnostics: Vec<Diagnostic>,
    kinds: Vec<Kinds>,
}

impl Checker<'_> {
    fn node(&mut self, node: &Node, path: &str) {
        match &*node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Seq(items) => {
                for (i, n) in items.iter().enumerate() {
                    self.node(n, &format!("{path}[{i}]"));
                }
            }
            NodeKind::Map(entries) if is_translation(self.langs, entries) => self.translation(node, entries, path),
            NodeKind::Map(entries) => {
                for (k, v) in entries {
                    let key = k.scalar().map_or("", |(t, _)| t);
                    self.node(v, &format!("{path}.{key}"));
                }
            }
        }
    }

    fn report(&mut self, span: Span, path: &str, message: String) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(Some(span), path, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Text a comma cut from a language's entry of a `{ … }` (`lang`, its text, and the
    /// pieces after it, each read as a key with no value): named at the first piece, with the
    /// entry quoted whole as the fix.
    fn comma_cut(&mut self, cut: Option<Cut<'_>>, path: &str) {
        let Some((lang, text, pieces)) = cut else { return };
        let Some(&(first, word)) = pieces.first() else { return };
        let whole = std::iter::once(text.as_str()).chain(pieces.iter().map(|p| p.1)).collect::<Vec<_>>().join(", ");
        let message =
            format!("`{word}` is read as another entry of this `{{…}}`: a comma inside `{{ }}` ends an entry");
        self.report(first, path, message).help =
            Some(format!("put the text in quotes: `{lang}: \"{}\"`", whole.replace('"', "\\\"")));
    }

    fn translation(&mut self, node: &Node, entries: &[(Node, Node)], path: &str) {
        let langs = self.langs;
        // The value each language has here, in the order of `langs`.
        let mut given: Vec<Option<(&Node, &Node)>> = vec![None; langs.len()];
        // Languages a key could be (`pt` for pt-BR or pt-PT): reported as such, not as missing.
        let mut maybe = HashSet::new();
        // Keys that are none of them (`jp`).
        let mut others: Vec<(Span, &str)> = Vec::new();
        // The text of the language entry before, and what commas cut from it (text43a F43a-22:
        // "expected a string, found a mapping", the comma not named).
        let mut cut: Option<Cut<'_>> = None;
        for (k, v) in entries {
            let key = k.scalar().map_or("", |(t, _)| t);
            if cut_by_comma(key, v) {
                if let Some((_, _, pieces)) = &mut cut {
                    pieces.push((k.span, key));
                }
                continue;
            }
            self.comma_cut(cut.take(), path);
            if let (Resolved::Lang(_), Some((text, _))) = (resolve(langs, key), v.scalar()) {
                cut = Some((key, text.to_string(), Vec::new()));
            }
            match resolve(langs, key) {
                Resolved::Lang(i) => match given[i] {
                    Some((first, _)) => {
                        let first = first.scalar().map_or("", |(t, _)| t).to_string();
                        self.report(k.span, path, format!("`{key}` and `{first}` both give {}", langs[i])).help =
                            Some("keep one of them".into());
                    }
                    None => given[i] = Some((k, v)),
                },
                Resolved::Other => others.push((k.span, key)),
                Resolved::Ambiguous(which) => {
                    maybe.extend(which.iter().copied());
                    let which: Vec<&str> = which.iter().map(|&i| langs[i].as_str()).collect();
                    self.report(k.span, path, format!("`{key}` could be {}", which.join(" or "))).help =
                        Some("write the language's tag as `lang:` lists it".into());
                }
            }
        }
        self.comma_cut(cut, path);
        let present: Vec<&str> = (0..langs.len()).filter(|&i| given[i].is_some()).map(|i| langs[i].as_str()).collect();
        let missing: Vec<&str> = (0..langs.len())
            .filter(|&i| given[i].is_none() && !maybe.contains(&i))
            .map(|i| langs[i].as_str())
            .collect();
        let listed = langs.join(", ");
        match (&others[..], &missing[..]) {
            // One language missing, one key none of them: that key is the language, mistyped.
            ([(span, key)], [lang]) => {
                let message = format!("`{key}` is not one of the briefing's languages (lang: [{listed}])");
                self.report(*span, path, message).help = Some(format!("is it `{lang}`, which this value lacks?"));
            }
            _ => {
                for (span, key) in &others {
                    let message = format!("`{key}` is not one of the briefing's languages (lang: [{listed}])");
                    self.report(*span, path, message);
                }
                if !missing.is_empty() {
                    let message = format!("given in {} but not in {}", present.join(", "), missing.join(", "));
                    self.report(node.span, path, message);
                }
            }
        }
        // Every language's value has the shape of the first one given.
        let mut values = (0..langs.len()).filter_map(|i| given[i].map(|(_, v)| (langs[i].as_str(), v)));
        let Some((first, reference)) = values.next() else { return };
        for (lang, value) in values {
            if let Some((d, kinds)) = differ(reference, value, path, (first, lang)) {
                if let Some([(a, kind_a), (b, kind_b)]) = kinds {
                    let sides = [(a, first.to_string(), kind_a), (b, lang.to_string(), kind_b)];
                    self.kinds.push(Kinds { said: d.clone(), sides });
                }
                self.diagnostics.push(d);
                break;
            }
        }
    }
}

/// The first place where `b` (in language `langs.1`) differs in shape from `a` (in
/// `langs.0`), as a diagnostic at it: a value of another kind, empty in one only, a list of
/// other length, a mapping with other keys; for values of other kinds, each one's place and
/// kind too.
fn differ(a: &Node, b: &Node, path: &str, langs: (&str, &str)) -> Option<Shape> {
    let (la, lb) = langs;
    let same_items = "every language gives the same items, so that its briefing matches the others \
                      (and `--parallel` sets them side by side)";
    let d = |span: Span, message: String, help: &str| {
        Some((Diagnostic::new(Some(span), path, message).with_help(help), None))
    };
    match (&*a.kind, &*b.kind) {
        (NodeKind::Scalar { .. }, NodeKind::Scalar { .. }) => match (blank(a), blank(b)) {
            (true, false) => d(
                a.span,
                format!("empty in {la} but not in {lb}"),
                "give the text in every language, or leave the field out",
            ),
            (false, true) => d(
                b.span,
                format!("empty in {lb} but not in {la}"),
                "give the text in every language, or leave the field out",
            ),
            _ => None,
        },
        (NodeKind::Seq(x), NodeKind::Seq(y)) if x.len() != y.len() => {
            let items = |n: usize| if n == 1 { "1 item".to_string() } else { format!("{n} items") };
            d(b.span, format!("{} in {lb} but {} in {la}", items(y.len()), items(x.len())), same_items)
        }
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| differ(p, q, &format!("{path}[{i}]"), langs))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            let keys_x: HashSet<&str> = x.iter().map(|(k, _)| key(k)).collect();
            let keys_y: HashMap<&str, &Node> = y.iter().map(|(k, v)| (key(k), v)).collect();
            if let Some((k, _)) = y.iter().find(|(k, _)| !keys_x.contains(key(k))) {
                return d(k.span, format!("`{}` is given in {lb} but not in {la}", key(k)), same_items);
            }
            if let Some((k, _)) = x.iter().find(|(k, _)| !keys_y.contains_key(key(k))) {
                return d(b.span, format!("`{}` is given in {la} but not in {lb}", key(k)), same_items);
            }
            x.iter().find_map(|(k, v)| differ(v, keys_y[key(k)], &format!("{path}.{}", key(k)), langs))
        }
        _ => {
            let message = format!("{} in {lb} but {} in {la}", kind(b), kind(a));
            let said = Diagnostic::new(Some(b.span), path, message).with_help(same_items);
            Some((said, Some([(a.span, kind(a)), (b.span, kind(b))])))
        }
    }
}

/// A difference in shape, as said, and for values of other kinds each one's place and kind.
type Shape = (Diagnostic, Option<[(Span, &'static str); 2]>);

fn key(k: &Node) -> &str {
    k.scalar().map_or("", |(t, _)| t)
}

fn blank(node: &Node) -> bool {
    node.is_null() || node.scalar().is_some_and(|(t, _)| t.trim().is_empty())
}

fn kind(node: &Node) -> &'static str {
    match &*node.kind {
        NodeKind::Scalar { .. } => "text",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "a mapping",
    }
}

/// When the file's `lang:` line was lost to a syntax error: the root as it would read with
/// it. The languages are those the text values are given in (see [`given_languages`]), put
/// back as a `lang:` list; with no such mapping, the file is in one language (the root as it
/// is).
pub fn restore_lost(root: &Node, keys: &super::KeySets) -> Option<Node> {
    let NodeKind::Map(entries) = &*root.kind else { return None };
    let Some((first, langs)) = given_languages(root, keys) else { return Some(root.clone()) };
    if langs.len() > MAX_LANGUAGES {
        return None;
    }
    // (Its key may be left, with no value.)
    let mut entries: Vec<(Node, Node)> =
        entries.iter().filter(|(k, _)| k.scalar().is_none_or(|(t, _)| t != "lang")).cloned().collect();
    entries
        .push((scalar(Span::new(first.span.start, first.span.start), "lang"), first.with_kind(NodeKind::Seq(langs))));
    Some(root.with_kind(NodeKind::Map(entries)))
}

/// The languages a file's text values are given in: every mapping whose keys are all
/// language tags and none a key the file is read for (`tel` is both), the tags in the order
/// they first appear; with the first such mapping. `None` when there is none.
pub fn given_languages<'n>(root: &'n Node, keys: &super::KeySets) -> Option<(&'n Node, Vec<Node>)> {
    let mut langs: Vec<Node> = Vec::new();
    let mut first: Option<&Node> = None;
    translations(root, keys, &mut |map, tags| {
        first = first.or(Some(map));
        for k in tags {
            let tag = k.scalar().map_or("", |(t, _)| t);
            if !langs.iter().any(|l| l.scalar().is_some_and(|(t, _)| t.eq_ignore_ascii_case(tag))) {
                langs.push(k.clone());
            }
        }
    });
    first.map(|first| (first, langs))
}

/// Calls `found` with each mapping under `node` whose keys are all language tags, and its keys.
fn translations<'n>(node: &'n Node, keys: &super::KeySets, found: &mut dyn FnMut(&'n Node, Vec<&'n Node>)) {
    match &*node.kind {
        NodeKind::Map(entries) => {
            let tag = |k: &Node| k.scalar().is_some_and(|(t, _)| is_language_tag(t) && !keys.any(t));
            if !entries.is_empty() && entries.iter().all(|(k, _)| tag(k)) {
                found(node, entries.iter().map(|(k, _)| k).collect());
                return;
            }
            for (_, v) in entries {
                translations(v, keys, found);
            }
        }
        NodeKind::Seq(items) => items.iter().for_each(|i| translations(i, keys, found)),
        NodeKind::Scalar { .. } => {}
    }
}

pub(super) fn scalar(span: Span, text: &str) -> Node {
    Node::scalar_node(span, text.to_string(), Style::Quoted)
}

impl Node {
    /// The node with `kind` in place of its own (same span).
    pub(super) fn with_kind(&self, kind: NodeKind) -> Node {
        let mut node = self.clone();
        node.kind = Rc::new(kind);
        node
    }
}
