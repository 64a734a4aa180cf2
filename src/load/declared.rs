//! The root's `lang:` list (`lang: [en, ja]`): the languages of a file written in several,
//! as meant, each problem of the list said once at its place. A list written as text
//! (`lang: en, ja`), a country's code (`jp`) and a three-letter code (`jpn`) are named and
//! read as meant; so is a language's code that is a country's too (`kr`, Kanuri, and South
//! Korea's code) when the text values give the country's language (`ko:`) and never the one
//! listed. Two problems of one place (`lang: en, jp`) are one.

use std::collections::HashSet;

use super::languages::{is_language_tag, is_translation, resolve, Resolved, MAX_LANGUAGES};
use super::tree::{Node, NodeKind};
use crate::diag::{Diagnostic, Span};

/// What the root's `lang:` list says.
pub(super) struct Declared {
    /// The languages, in order, as meant (`jp` read as `ja`); empty when the list is unusable.
    pub langs: Vec<String>,
    /// Where each of `langs` is written, and its path (`lang[1]`, or `lang` for a list
    /// written as text).
    places: Vec<(Span, String)>,
    /// Problems in the list.
    pub problems: Vec<Diagnostic>,
    /// Problems (by index) whose help is the list as it should be written.
    list_help: Vec<usize>,
    /// Tags listed more than once (lower case).
    pub repeated: HashSet<String>,
    /// Tags read as another (`jp` as `ja`): as written, as read, and the index in `problems`
    /// of the problem that says so. The text values' keys are read the same way.
    pub renamed: Vec<(String, String, usize)>,
    /// Where the list is written.
    pub span: Span,
}

/// What is typed between languages in place of a list's commas and brackets: `en/ja`,
/// `en・ja`, `en、ja`, `［en，ja］`.
const SEPARATORS: [char; 12] = [',', ' ', '/', ';', '|', '&', '+', '・', '･', '、', '，', '\u{3000}'];
const WIDE_BRACKETS: [char; 2] = ['［', '］'];

/// The languages a root mapping names in a `lang:` sequence (`lang: [en, ja]`), in order, with
/// problems in the list. `None` when `lang` is absent or a single value.
pub(super) fn declared(root: &Node) -> Option<Declared> {
    let NodeKind::Map(entries) = &*root.kind else { return None };
    let (_, value) = entries.iter().find(|(k, _)| k.scalar().is_some_and(|(t, _)| t == "lang"))?;
    let mut declared = Declared {
        langs: Vec::new(),
        places: Vec::new(),
        problems: Vec::new(),
        list_help: Vec::new(),
        repeated: HashSet::new(),
        renamed: Vec::new(),
        span: value.span,
    };
    let items = match &*value.kind {
        NodeKind::Seq(items) => items,
        // `lang: en, ja`, `en/ja`, `［en, ja］`: the languages are plain, the list's brackets
        // lost or typed full width.
        NodeKind::Scalar { text, .. } => {
            let tags = tags_in_text(text).filter(|t| t.len() <= MAX_LANGUAGES)?;
            let message = if text.contains(WIDE_BRACKETS) {
                "a list in full-width brackets `［ ］`, which YAML reads as text"
            } else {
                "several languages are written as a list"
            };
            declared.list_help.push(0);
            declared.problems.push(Diagnostic::new(Some(value.span), "lang", message));
            for tag in tags {
                declared.add(tag, value.span, "lang", false);
            }
            declared.finish(root);
            return Some(declared);
        }
        _ => return None,
    };
    if items.len() > MAX_LANGUAGES {
        declared.problems.push(
            Diagnostic::new(
                Some(value.span),
                "lang",
                format!("{} languages listed; one file may hold at most {MAX_LANGUAGES}", items.len()),
            )
            .with_help("each language is a complete briefing; put the others in files of their own"),
        );
        return Some(declared);
    }
    for (i, item) in items.iter().enumerate() {
        let path = format!("lang[{i}]");
        let tags = match item.scalar() {
            Some((tag, _)) if is_language_tag(tag) => vec![tag],
            // `[en，ja]`: a full-width comma (or a slash) does not end an item.
            Some((text, _)) if tags_in_text(text).is_some() => {
                let tags = tags_in_text(text).unwrap_or_default();
                let between = text.trim_start_matches(|c| !SEPARATORS.contains(&c));
                let between = between.chars().next().unwrap_or(',');
                let message = format!("`{between}` does not separate a list's items: YAML reads `{text}` as one item");
                declared.list_help.push(declared.problems.len());
                declared.problems.push(Diagnostic::new(Some(item.span), path.as_str(), message));
                tags
            }
            _ => {
                declared.problems.push(Diagnostic::new(
                    Some(item.span),
                    path,
                    "expected a language tag such as `en` or `ja`",
                ));
                continue;
            }
        };
        for tag in tags {
            declared.add(tag, item.span, &path, true);
        }
    }
    if declared.langs.is_empty() && declared.problems.is_empty() {
        declared.problems.push(Diagnostic::new(
            Some(value.span),
            "lang",
            "list at least one language, e.g. `lang: [en, ja]`",
        ));
    }
    declared.finish(root);
    Some(declared)
}

impl Declared {
    /// `tag`, written at `span`, read as meant (see [`Declared::read`]) and added to the
    /// languages unless it is listed already; said to be listed twice when `say_twice`.
    fn add(&mut self, tag: &str, span: Span, path: &str, say_twice: bool) {
        let tag = self.read(tag, span, path);
        if !self.langs.iter().any(|l| l.eq_ignore_ascii_case(&tag)) {
            self.langs.push(tag);
            self.places.push((span, path.to_string()));
        } else if say_twice {
            self.repeated.insert(tag.to_ascii_lowercase());
            self.problems.push(Diagnostic::new(Some(span), path, format!("`{tag}` is listed twice")));
        }
    }

    /// `tag` as meant: a country's code or a three-letter code read as the language's code
    /// (`jp`, `jpn` as `ja`), said at `span`. A code that names no language is kept as
    /// written, and said too.
    fn read(&mut self, tag: &str, span: Span, path: &str) -> String {
        let Some(wrong) = super::misnamed(tag) else { return tag.to_string() };
        let help = (wrong.meant.is_none()).then_some("write a BCP 47 tag such as en, ja or pt-PT");
        let mut d = Diagnostic::new(Some(span), path, wrong.message);
        d.help = help.map(String::from);
        self.problems.push(d);
        match wrong.meant {
            Some(meant) => {
                self.renamed.push((tag.to_string(), meant.clone(), self.problems.len() - 1));
                meant
            }
            None => tag.to_string(),
        }
    }

    /// Once every language is read: those the text values show were meant as another read
    /// so, the problems of one place made one, and the list as it should be written given
    /// as help.
    fn finish(&mut self, root: &Node) {
        self.read_by_keys(root);
        self.merge_at_same_place();
        self.help_with_list();
    }

    /// A listed language that no text value gives, whose code is a country's too, read as
    /// the country's language when the text values give that instead (`lang: [en, kr]` with
    /// `ko:` keys: Korean, not Kanuri), and said at its place.
    fn read_by_keys(&mut self, root: &Node) {
        let mut given = vec![false; self.langs.len()];
        let mut others: Vec<String> = Vec::new();
        keys_of_translations(root, &self.langs, &mut |key| match resolve(&self.langs, key) {
            Resolved::Lang(i) => given[i] = true,
            Resolved::Ambiguous(which) => which.iter().for_each(|&i| given[i] = true),
            Resolved::Other if !others.iter().any(|o| o.eq_ignore_ascii_case(key)) => others.push(key.to_string()),
            Resolved::Other => {}
        });
        for i in (0..self.langs.len()).filter(|&i| !given[i]) {
            let Some(wrong) = super::iso639::country_meant(&self.langs[i], &others) else { continue };
            let Some(meant) = wrong.meant.filter(|m| !self.langs.iter().any(|l| l.eq_ignore_ascii_case(m))) else {
                continue;
            };
            let (span, path) = &self.places[i];
            self.problems.push(Diagnostic::new(Some(*span), path.as_str(), wrong.message));
            let listed = std::mem::replace(&mut self.langs[i], meant.clone());
            self.renamed.push((listed, meant, self.problems.len() - 1));
        }
    }

    /// Problems at one place (`lang: en, jp`: a list written as text, and a country's code
    /// in it) as one problem that says each.
    fn merge_at_same_place(&mut self) {
        let mut merged: Vec<Diagnostic> = Vec::with_capacity(self.problems.len());
        // Where each problem went, by its index.
        let mut went = Vec::with_capacity(self.problems.len());
        for d in self.problems.drain(..) {
            match merged.iter().position(|m| m.span == d.span) {
                Some(j) => {
                    let first = &mut merged[j];
                    first.message = format!("{}, and {}", first.message, d.message);
                    first.help = first.help.take().or(d.help);
                    went.push(j);
                }
                None => {
                    went.push(merged.len());
                    merged.push(d);
                }
            }
        }
        self.problems = merged;
        for r in &mut self.renamed {
            r.2 = went[r.2];
        }
        for i in &mut self.list_help {
            *i = went[*i];
        }
    }

    /// The list as it should be written, as the help of the problems that ask for it and of
    /// each tag read as another; a code that names no language is to be replaced.
    fn help_with_list(&mut self) {
        let mut help = format!("write `lang: [{}]`", self.langs.join(", "));
        let unknown: Vec<&str> =
            self.langs.iter().filter(|l| super::misnamed(l).is_some()).map(String::as_str).collect();
        if !unknown.is_empty() {
            help.push_str(&format!(", with a language's code (ISO 639-1) in place of `{}`", unknown.join("`, `")));
        }
        let renamed = self.renamed.iter().map(|r| r.2);
        for i in self.list_help.iter().copied().chain(renamed) {
            self.problems[i].help = Some(help.clone());
        }
    }
}

/// Calls `found` with each key of every translation under `node` (see [`is_translation`]).
fn keys_of_translations(node: &Node, langs: &[String], found: &mut dyn FnMut(&str)) {
    match &*node.kind {
        NodeKind::Map(entries) if is_translation(langs, entries) => {
            entries.iter().filter_map(|(k, _)| k.scalar()).for_each(|(key, _)| found(key));
        }
        NodeKind::Map(entries) => entries.iter().for_each(|(_, v)| keys_of_translations(v, langs, found)),
        NodeKind::Seq(items) => items.iter().for_each(|i| keys_of_translations(i, langs, found)),
        NodeKind::Scalar { .. } => {}
    }
}

/// The language tags of a list written as text (`en, ja`, `en/ja`, `［en、ja］`): two or
/// more, each a tag. `None` for anything else.
fn tags_in_text(text: &str) -> Option<Vec<&str>> {
    let inner = text.trim().trim_start_matches(['[', '［']).trim_end_matches([']', '］']);
    let tags: Vec<&str> = inner.split(SEPARATORS).filter(|t| !t.is_empty()).collect();
    (tags.len() >= 2 && tags.iter().all(|t| is_language_tag(t))).then_some(tags)
}

/// The languages the root's `lang:` list names (`lang: [en, ja]`), in order, as meant; empty
/// for a file in one language (or a list with no usable tag).
pub fn declared_languages(root: &Node) -> Vec<String> {
    declared(root).map(|d| d.langs).unwrap_or_default()
}
