//! Reading YAML input: bytes → spanned YAML tree → serde types, with limits and positions.
//!
//! [`read_source`] reads a file and refuses what cannot be YAML text (too large, not UTF-8,
//! empty). [`load`] parses the text with an event parser (`saphyr-parser`) into a tree whose
//! every node knows its byte span, then deserializes the tree through serde into any
//! `T: DeserializeOwned + Default`, reporting *every* problem rather than the first:
//!
//! - Scalars are read as their exact text for string targets (`2020`, `yes`, `0312` stay
//!   strings), as `true`/`false` (also `True`, `TRUE`, …) for booleans, and by YAML 1.2 core
//!   schema rules for numbers. For `Option` targets `null`, `~` and an empty plain scalar are
//!   `None`. Tags (`!!str`) are ignored.
//! - Every scalar is put in Unicode NFC, so `é` typed as `e` + U+0301 and as U+00E9 are the
//!   same text (and the same key); CJK compatibility ideographs stay as typed (`神` U+FA19).
//! - A value of the wrong type is reported at its span with its path (`topics[2].body:
//!   expected a string, found a mapping`) and replaced by a neutral value; an unknown key is
//!   reported at the key with the closest known field name; then loading goes on.
//! - [`Spanned<T>`] captures a value's byte span; use it in the raw model to point later
//!   diagnostics at the right line.
//! - [`Limits`] bound the input's size, nesting depth and node count (aliases expanded), so
//!   hostile input fails fast with a clear message instead of exhausting memory or stack.

mod around;
mod bars;
mod blanked;
mod block_keys;
mod block_spaces;
mod colon_slips;
mod de;
mod declared;
mod dedented;
mod duplicate;
mod escape_slips;
pub(crate) mod escapes;
mod folds;
mod glued;
mod iso639;
mod item_marks;
mod items;
mod keys;
mod languages;
mod layouts;
mod lines;
mod marks;
mod missing_dash;
mod offsets;
mod per_language;
mod quoted;
mod recover;
mod second_keys;
mod slips;
mod source;
mod starts;
mod translations;
pub mod tree;
mod wide;
mod wide_hash;
mod wide_keys;
mod wide_marks;

pub use blanked::Blanked;
pub(crate) use de::suggest;
pub use declared::declared_languages;
pub use glued::iso_date_parts;
pub use iso639::{
    also_country, country_languages, country_of_text, misnamed, not_latin, tag_for_name, Misnamed, OWN_NAMES,
};
pub use items::{fold_missing_into_unknown, name_splits};
pub use keys::{keys_of, KeySets};
pub use languages::{is_language_tag, translation_languages, MAX_LANGUAGES};
pub use lines::{key_before, key_in_block_text, swallowed_key};
pub use second_keys::after_comma;
pub(crate) use source::too_large_message;
pub use source::{is_blank, open_regular, read_source, source_from_bytes, LoadError, NotRegular};
pub use wide_hash::{opens_comment, starts_note};
pub use wide_marks::wide as block_mark_sign;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::diag::{Diagnostic, SourceFile, Span};

/// Bounds on what the loader accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes; also the most scalar text once aliases are expanded.
    pub max_bytes: usize,
    /// Deepest nesting of lists and mappings, aliases expanded. Deserialization recurses
    /// once per level, so keep this in the hundreds at most.
    pub max_depth: usize,
    /// Most nodes (scalars, lists, mappings) once aliases are expanded.
    pub max_nodes: usize,
}

impl Default for Limits {
    /// 4 MiB, 64 levels, 200 000 nodes: far beyond any briefing or template.
    fn default() -> Self {
        Limits { max_bytes: 4 << 20, max_depth: 64, max_nodes: 200_000 }
    }
}

/// Everything [`load_detailed`] found out about a file.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The value, with neutral values where the file had the wrong type.
    pub value: T,
    /// Every problem found, in no particular order.
    pub diagnostics: Vec<Diagnostic>,
    /// `false` when `value` is just `T::default()`: the text did not parse, hit a limit, or
    /// its root is not what `T` needs. Checking such a value further only adds noise.
    pub complete: bool,
    /// Spans of values that had the wrong type and were replaced by a neutral value (empty
    /// string, 0, false, empty list or mapping). They are reported already, so a later check
    /// that finds, say, an empty title at one of these spans should stay quiet.
    pub replaced: HashSet<Span>,
    /// Field paths such as `topics[0].body` that an unknown key was taken to be a misspelling
    /// of (`did you mean …?`); a "missing field" for them would repeat that report.
    pub misspelt: HashSet<String>,
    /// Keys written with no value (`date:`), by path, at the key.
    pub nulls: HashMap<String, Span>,
    /// The languages of a file written in several (`lang: [en, ja]`), in order; empty for a
    /// file in one language. `value` is then the file in one of them (see [`load_each`]).
    pub languages: Vec<String>,
    /// What syntax errors blanked out before the rest of the file was read.
    pub blanked: Blanked,
    /// Whether the whole text was read as typed: no syntax error read past (its lines
    /// blanked or mended) and no second document left unread. What a version read only to
    /// be compared (`diff`'s OLD) needs, whatever else is wrong with it.
    pub read_whole: bool,
    /// The tree `value` was read from (in its language), for [`Loaded::item_titles`].
    root: Option<tree::Node>,
}

impl<T> Loaded<T> {
    /// What each item of the list under the root's key `list` is called: the text of its field
    /// `name` (`topics`, `title`: each topic's title), `None` where it has none. Indices are
    /// the list's own, items that could not be read included.
    pub fn item_titles(&self, list: &str, name: &str) -> Vec<Option<String>> {
        let field = |node: &tree::Node, key: &str| match &*node.kind {
            tree::NodeKind::Map(entries) => {
                entries.iter().find(|(k, _)| k.scalar().is_some_and(|(t, _)| t == key)).map(|(_, v)| v.clone())
            }
            _ => None,
        };
        let Some(items) = self.root.as_ref().and_then(|r| field(r, list)) else { return Vec::new() };
        let tree::NodeKind::Seq(items) = &*items.kind else { return Vec::new() };
        items
            .iter()
            .map(|item| {
                let title = field(item, name)?;
                // (A title mended after a slip is not the one typed: no name rather than a
                // wrong one.)
                if self.blanked.mended(title.span) {
                    return None;
                }
                let (text, _) = title.scalar()?;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (!text.is_empty()).then_some(text)
            })
            .collect()
    }
}

/// Parses and deserializes `file` into `T`, collecting every problem. When something is
/// wrong the value holds what could be read, with neutral values in place of bad ones; see
/// [`load_detailed`] for how to tell how much of it to trust.
pub fn load<T: DeserializeOwned + Default>(file: &SourceFile, limits: &Limits) -> (T, Vec<Diagnostic>) {
    let loaded = load_detailed(file, limits);
    (loaded.value, loaded.diagnostics)
}

/// Serde errors (not type mismatches, which never stop loading) after which loading gives up.
const MAX_SERDE_ERRORS: usize = 32;

/// [`load`], with what a later validation step needs to avoid reporting a problem twice. A
/// file written in several languages (`lang: [en, ja]`) is read in its first.
pub fn load_detailed<T: DeserializeOwned + Default>(file: &SourceFile, limits: &Limits) -> Loaded<T> {
    let mut all = load_languages(file, limits, false, Keys::AsTyped);
    all.swap_remove(0)
}

/// [`load_detailed`] for a file that may be written in several languages (`lang: [en, ja]`,
/// text values as mappings from language to text): the file in each of its languages, in the
/// order `lang:` lists them (one, for a file in one language). The text is parsed once and
/// its tree projected onto each language. Problems of the text and of its translations (a
/// language missing, languages that differ in shape) come with the first language only, so
/// each is reported once.
pub fn load_each<T: DeserializeOwned + Default>(file: &SourceFile, limits: &Limits) -> Vec<Loaded<T>> {
    load_languages(file, limits, true, Keys::AsTyped)
}

/// How an unknown key is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// As typed: reported, its value skipped (and `did you mean …?` when it is near a field).
    AsTyped,
    /// As the one field it can be taken for (`contcat:` as `contact:`, `ｔｉｔｌｅ:` as
    /// `title:`), reported still: a version only read, to be compared (`diff`'s OLD; text47b
    /// F47b-3). A key that could be more than one field, or none, is read as typed.
    AsMeant,
}

/// [`load_each`], with unknown keys read as `keys` says.
pub fn load_each_with<T: DeserializeOwned + Default>(file: &SourceFile, limits: &Limits, keys: Keys) -> Vec<Loaded<T>> {
    load_languages(file, limits, true, keys)
}

/// A file that could not be read: the default value, not to be checked further.
fn failed<T: Default>(diagnostics: Vec<Diagnostic>) -> Vec<Loaded<T>> {
    vec![Loaded {
        value: T::default(),
        diagnostics,
        complete: false,
        replaced: HashSet::new(),
        misspelt: HashSet::new(),
        nulls: HashMap::new(),
        languages: Vec::new(),
        blanked: Blanked::default(),
        read_whole: false,
        root: None,
    }]
}

fn load_languages<T: DeserializeOwned + Default>(
    file: &SourceFile,
    limits: &Limits,
    all: bool,
    read: Keys,
) -> Vec<Loaded<T>> {
    // (Lines end at `\n` below, old Mac ones too: text42a F42a-3.)
    let file = &*source::with_line_feeds(file);
    if file.text.len() > limits.max_bytes {
        let size = Some(file.text.len() as u64);
        return failed(vec![Diagnostic::new(None, "", too_large_message(size, limits.max_bytes))]);
    }
    // After a syntax error, the rest of the file is read and checked too, and what follows
    // from the error is left out.
    let (mut tree, mut syntax, mut blanked, mended) = match tree::parse(file, limits, keys::keys_of::<T>) {
        Ok(tree) => (tree, Vec::new(), Vec::new(), Vec::new()),
        Err(tree::Broken { diagnostics, recovered: Some(r) }) => (r.tree, diagnostics, r.blanked, r.mended),
        Err(tree::Broken { diagnostics, recovered: None }) => return failed(diagnostics),
    };
    let mut read_whole = syntax.is_empty();
    // A second document is not read: what it holds is not "missing" from the first.
    if let Some(second) = tree.second_document.take() {
        read_whole = false;
        blanked.push(second.span.map_or(file.text.len(), |s| s.start)..file.text.len());
        syntax.push(second);
    }
    let mended = blanked::mended_values(tree.root.as_ref(), &mended);
    let blanked = Blanked::new(&file.text, blanked, mended);
    let keys = keys::keys_of::<T>();
    // A `lang:` line lost to a slip: the languages are read off the text values.
    if blanked.languages_lost() {
        match tree.root.as_ref().and_then(|root| languages::restore_lost(root, &keys)) {
            Some(root) => tree.root = Some(root),
            None => return failed(syntax),
        }
    } else if let Some(d) = tree.root.as_ref().and_then(|root| languages_unlisted(root, &keys)) {
        // Values given per language that `lang:` does not list: said once, and read in those
        // languages, rather than "expected a string" at each.
        if let Some(restored) = tree.root.as_ref().and_then(|root| languages::restore_lost(root, &keys)) {
            syntax.push(d);
            tree.root = Some(restored);
        }
    }
    // (A key typed as a block text's line: read as text, and nothing else is wrong.)
    syntax.extend(tree.root.as_ref().map_or(Vec::new(), |root| block_keys::keys_in_blocks(root, &file.text, &keys)));
    let mut all = from_tree(tree, &file.text, all, read);
    for (i, loaded) in all.iter_mut().enumerate() {
        loaded.diagnostics.retain(|d| !blanked.follows(d));
        if i == 0 {
            loaded.diagnostics.splice(0..0, syntax.iter().cloned());
        }
        dedented::fold_into_dedented_key(&file.text, &mut loaded.diagnostics);
        loaded.blanked = blanked.clone();
        loaded.read_whole &= read_whole;
    }
    all
}

/// Values given per language (two languages at least) in a file with no `lang:` list, named at
/// the first such value; or with `lang: en` naming one of them alone, named at that value, with
/// the list to write (text49a F49a-22: "expected a string" at each, with a help to quote the
/// text, which would print "en: Data ja: データ"). No tag may be a misspelt key of the file's:
/// `tle:` is a language tag too.
fn languages_unlisted(root: &tree::Node, keys: &keys::KeySets) -> Option<Diagnostic> {
    let tree::NodeKind::Map(entries) = &*root.kind else { return None };
    let (first, langs) = keys.any("lang").then(|| languages::given_languages(root, keys)).flatten()?;
    let tags: Vec<&str> = langs.iter().filter_map(|l| l.scalar().map(|(t, _)| t)).collect();
    if tags.len() < 2 || tags.len() < langs.len() || tags.iter().any(|t| keys.near(t)) {
        return None;
    }
    let listed = tags.join(", ");
    match entries.iter().find(|(k, _)| k.scalar().is_some_and(|(t, _)| t == "lang")) {
        None => {
            let message = format!("this value is given per language ({listed}), but the file has no `lang:` list");
            Some(
                Diagnostic::new(Some(first.span), "", message)
                    .with_help(format!("add `lang: [{listed}]` as the file's first line")),
            )
        }
        Some((_, value)) => {
            let (lang, _) = value.scalar()?;
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(lang)) {
                return None;
            }
            let message = format!("`lang: {lang}` names one language, but values are given per language ({listed})");
            Some(Diagnostic::new(Some(value.span), "", message).with_help(format!("write `lang: [{listed}]`")))
        }
    }
}

/// [`load_languages`] once the text is parsed.
fn from_tree<T: DeserializeOwned + Default>(tree: tree::Tree, source: &str, all: bool, read: Keys) -> Vec<Loaded<T>> {
    // No document, or just `---` / `null`, is an empty mapping: every field missing.
    let root = match tree.root {
        Some(root) if !root.is_null() => root,
        _ => tree::Node::empty_map(Span::new(0, 0)),
    };
    let mut diagnostics = tree.diagnostics;
    let Some(declared) = declared::declared(&root) else {
        diagnostics.extend(tree.duplicates.iter().map(tree::Duplicate::diagnostic));
        return vec![deserialize(root, diagnostics, Vec::new(), read)];
    };
    // A language listed twice makes each translation give it twice too: one mistake, reported
    // once, at `lang:`.
    let mut follow_on: HashMap<String, usize> = HashMap::new();
    for d in &tree.duplicates {
        match declared.repeated.get(&d.key.to_ascii_lowercase()) {
            Some(tag) => *follow_on.entry(tag.clone()).or_default() += 1,
            None => diagnostics.push(d.diagnostic()),
        }
    }
    let mut problems = declared.problems;
    for d in &mut problems {
        let tag = d.message.strip_prefix('`').and_then(|m| m.strip_suffix("` is listed twice"));
        if let Some(n) = tag.and_then(|t| follow_on.remove(&t.to_ascii_lowercase())) {
            let places = if n == 1 { "1 place".to_string() } else { format!("{n} places") };
            d.help = Some(format!("the text values give it twice as well ({places}); keep one of each"));
        }
    }
    let keys = keys::keys_of::<T>();
    let root = translations::read_renamed(&root, &declared.renamed, &mut problems, &keys);
    diagnostics.extend(problems);
    let langs = declared.langs;
    let lang_span = declared.span;
    if langs.is_empty() {
        return failed(diagnostics);
    }
    let root = translations::mend_misplaced(&root, &langs, &keys, source, &mut diagnostics);
    let root = translations::mend_glued_translations(&root, &langs, &mut diagnostics);
    let (shapes, kinds) = languages::check(&root, &langs);
    diagnostics.extend(shapes);
    let count = if all { langs.len() } else { 1 };
    let mut loaded: Vec<Loaded<T>> = (0..count)
        .map(|i| {
            let mut gaps = Vec::new();
            let projected = languages::project(&root, &langs, i, &mut gaps);
            let found = if i == 0 { std::mem::take(&mut diagnostics) } else { Vec::new() };
            let mut loaded = deserialize(projected, found, langs.clone(), read);
            // A missing translation is reported as such, not again as, say, an empty title;
            // the language read off `lang:` was checked there.
            loaded.replaced.extend(gaps);
            loaded.replaced.insert(lang_span);
            loaded
        })
        .collect();
    languages::say_kinds_once(&kinds, &mut loaded.iter_mut().map(|l| &mut l.diagnostics).collect::<Vec<_>>());
    loaded
}

/// Deserializes `root` into `T` after `diagnostics` (found earlier), reporting every problem.
fn deserialize<T: DeserializeOwned + Default>(
    root: tree::Node,
    mut diagnostics: Vec<Diagnostic>,
    languages: Vec<String>,
    read: Keys,
) -> Loaded<T> {
    let mut poisoned = HashSet::new();
    loop {
        let ctx = de::Ctx { poisoned, as_meant: read == Keys::AsMeant, ..de::Ctx::default() };
        let result = T::deserialize(de::De::new(&root, &ctx, &de::Path::Root));
        let mut found = std::mem::take(&mut *ctx.diagnostics.borrow_mut());
        de::place_strays(&ctx, &mut found);
        let de::Ctx { poisoned: p, replaced, misspelt, nulls, .. } = ctx;
        poisoned = p;
        let (replaced, misspelt, nulls) = (replaced.into_inner(), misspelt.into_inner(), nulls.into_inner());
        let error = match result {
            Ok(value) => {
                diagnostics.extend(found);
                let complete = !replaced.contains(&root.span);
                let blanked = Blanked::default();
                return Loaded {
                    value,
                    diagnostics,
                    complete,
                    replaced,
                    misspelt,
                    nulls,
                    languages,
                    blanked,
                    read_whole: true,
                    root: Some(root),
                };
            }
            Err(error) => error,
        };
        let gave_up = |diagnostics, replaced, misspelt, languages| Loaded {
            value: T::default(),
            diagnostics,
            complete: false,
            replaced,
            misspelt,
            nulls: HashMap::new(),
            languages,
            blanked: Blanked::default(),
            read_whole: false,
            root: None,
        };
        // Serde gave up at `error.at`: report it (unless it follows from a wrong type reported
        // there already), keep what this pass found inside that node (the next pass skips
        // it), and try again.
        let Some(at) = error.at else {
            diagnostics.push(Diagnostic::new(None, "", error.message));
            diagnostics.extend(found);
            return gave_up(diagnostics, replaced, misspelt, languages);
        };
        // (Nor when it is a required field missing whose key was misspelt: `did you mean …?`.)
        let missing = error.message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`'));
        let misspelt_here = missing.is_some_and(|f| {
            misspelt.contains(&if at.path.is_empty() { f.to_string() } else { format!("{}.{f}", at.path) })
        });
        if !replaced.contains(&at.span) && !misspelt_here {
            diagnostics.push(Diagnostic::new(Some(at.span), at.path, error.message));
        }
        let retry = at.node != de::address(&root) && poisoned.len() < MAX_SERDE_ERRORS && poisoned.insert(at.node);
        if !retry {
            diagnostics.extend(found);
            return gave_up(diagnostics, replaced, misspelt, languages);
        }
        let inside = |d: &Diagnostic| d.span.is_some_and(|s| at.span.start <= s.start && s.end <= at.span.end);
        diagnostics.extend(found.into_iter().filter(inside));
    }
}

/// A value together with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// Where the value was written: the text of a scalar (quotes included; a block scalar
    /// from its `|` or `>`), a whole list or mapping, or the `*name` of an alias.
    pub span: Span,
    /// The value itself.
    pub value: T,
}

/// The name and fields through which [`Spanned`] asks the loader's deserializer for a span
/// (the trick `toml`'s `serde_spanned` uses): no real struct is called this.
const SPANNED_NAME: &str = "$__briefing_private_Spanned";
const SPANNED_FIELDS: &[&str] = &["$__briefing_private_start", "$__briefing_private_end", "$__briefing_private_value"];

const NOT_SPANNED: &str = "a value with a position (only briefing's YAML loader provides one)";

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    /// Works only with this module's deserializer ([`load`]); others report an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(NOT_SPANNED)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                let start = field(&mut map, 0)?;
                let end = field(&mut map, 1)?;
                let value = field(&mut map, 2)?;
                Ok(Spanned { span: Span::new(start, end), value })
            }
        }

        fn field<'de, A: MapAccess<'de>, V: Deserialize<'de>>(map: &mut A, i: usize) -> Result<V, A::Error> {
            match map.next_key::<&str>()? {
                Some(key) if SPANNED_FIELDS.get(i) == Some(&key) => map.next_value(),
                _ => Err(serde::de::Error::custom(NOT_SPANNED)),
            }
        }

        deserializer.deserialize_struct(SPANNED_NAME, SPANNED_FIELDS, SpannedVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    struct Doc {
        title: Option<Spanned<String>>,
        count: Option<u8>,
        ratio: Option<f64>,
        flag: Option<bool>,
        tags: Option<Vec<Spanned<String>>>,
        inner: Option<Spanned<Inner>>,
        map: Option<HashMap<String, u32>>,
        align: Option<Align>,
    }

    #[derive(Debug, Default, Deserialize, PartialEq)]
    struct Inner {
        name: Option<String>,
        tel: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Align {
        Left,
        Center,
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t.yaml", text)
    }

    fn load_doc(text: &str) -> (Doc, Vec<Diagnostic>) {
        load(&file(text), &Limits::default())
    }

    fn messages(diags: &[Diagnostic]) -> Vec<String> {
        diags
            .iter()
            .map(|d| if d.path.is_empty() { d.message.clone() } else { format!("{}: {}", d.path, d.message) })
            .collect()
    }

    #[test]
    fn scalars_keep_their_text_for_strings() {
        #[derive(Debug, Default, Deserialize)]
        struct S {
            a: String,
            b: String,
            c: String,
            d: String,
        }
        let (s, d): (S, _) = load(&file("a: 2020\nb: yes\nc: 0312\nd: 'x'\n"), &Limits::default());
        assert!(d.is_empty(), "{d:?}");
        assert_eq!((s.a.as_str(), s.b.as_str(), s.c.as_str(), s.d.as_str()), ("2020", "yes", "0312", "x"));
    }

    #[test]
    fn numbers_booleans_and_nulls_follow_the_core_schema() {
        let (doc, d) = load_doc("count: 0x1f\nratio: 1.5e1\nflag: TRUE\ntitle: ~\ntags: null\ninner:\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(doc.count, Some(31));
        assert_eq!(doc.ratio, Some(15.0));
        assert_eq!(doc.flag, Some(true));
        assert_eq!((doc.title, doc.tags, doc.inner), (None, None, None));
        let (doc, _) = load_doc("ratio: 3\n");
        assert_eq!(doc.ratio, Some(3.0));
    }

    #[test]
    fn wrong_types_are_reported_and_loading_goes_on() {
        let text = "title: {a: 1}\ncount: 300\nratio: abc\nflag: yes\ntags: oops\ninner: [1]\nalign: centre\n";
        let (doc, d) = load_doc(text);
        assert_eq!(
            messages(&d),
            [
                "title: expected a string, found a mapping",
                "count: expected an integer from 0 to 255, found `300`",
                "ratio: expected a number, found `abc`",
                "flag: expected true or false, found `yes`",
                "tags: expected a list, found `oops`",
                "inner: expected a mapping, found a list",
                "align: unknown value `centre`, did you mean `center`?",
            ]
        );
        assert_eq!(d[0].span, Some(Span::new(7, 13)));
        assert_eq!(doc.title.map(|t| t.value), Some(String::new()));
        assert_eq!(doc.count, Some(0));
        assert_eq!(doc.tags, Some(vec![]));
    }

    #[test]
    fn quoted_numbers_are_text() {
        let (_, d) = load_doc("count: \"12\"\n");
        assert_eq!(messages(&d), ["count: expected an integer, found the quoted text \"12\""]);
    }

    #[test]
    fn keys_that_belong_to_another_mapping_say_where() {
        let (_, d) = load_doc("inner:\n  name: x\n  count: 3\ntel: 1\n");
        assert_eq!(messages(&d), ["inner: unknown field `count`", "unknown field `tel`"]);
        let help: Vec<&str> = d.iter().map(|d| d.help.as_deref().unwrap_or("")).collect();
        assert!(help[0].starts_with("`count` is a key of the top level:"), "{help:?}");
        assert!(help[1].starts_with("`tel` is a key of `inner`:"), "{help:?}");
        // A key no mapping has keeps the list of what is expected.
        let (_, d) = load_doc("inner:\n  name: x\nzzz: 1\n");
        assert!(d[0].help.as_deref().unwrap_or("").starts_with("expected one of"), "{d:?}");
        assert_eq!(de::describe_place("topics[3]"), "each item of `topics`");
    }

    #[test]
    fn a_block_whose_only_or_first_key_lost_its_colon_is_told_so() {
        let text = "title: W\ndate: 2020-10-06\ntopics:\n  - title D\n    body T\ncontact:\n  tel \"1\"\n";
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
        assert_eq!(
            messages(&loaded.diagnostics),
            ["topics[0]: missing `:` after `title`", "contact: missing `:` after `tel`"]
        );
        let at: Vec<_> = loaded.diagnostics.iter().map(|d| file(text).line_col(d.span.unwrap().start)).collect();
        assert_eq!(at, [(4, 10), (7, 6)]);
        // Text that merely starts with a word of the block's keys' kind is still not a mapping.
        let text = "title: W\ndate: 2020-10-06\ntopics:\n  - Data flows\ncontact:\n  tel: \"1\"\n";
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
        assert_eq!(messages(&loaded.diagnostics), ["topics[0]: expected a mapping, found `Data flows`"]);
        let text =
            "title: W\ndate: 2020-10-06\ntopics:\n  - title:データ\n    body:|\n      本文\ncontact:\n  tel: \"1\"\n";
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
        assert_eq!(messages(&loaded.diagnostics), ["topics[0]: no space after `title:`"]);
        assert_eq!(file(text).line_col(loaded.diagnostics[0].span.unwrap().start), (4, 10));
        // A value that starts with an apostrophe (`'t Hooft`): the help keeps it, in double
        // quotes, and followed it reads as typed (text40a F40a-32: "add its closing quote",
        // followed, dropped it).
        let first_help = |text: &str| {
            let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
            loaded.diagnostics[0].help.clone().unwrap_or_default()
        };
        let help = first_help("title: 't Hooft, Jan\ndate: 2020-10-06\n");
        let fixed = help.rsplit("double quotes: ").next().unwrap_or_default();
        assert_eq!(fixed, "title: \"'t Hooft, Jan\"", "{help}");
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(&format!("{fixed}\n")), &Limits::default());
        assert_eq!(loaded.value.title.map(|t| t.value).as_deref(), Some("'t Hooft, Jan"));
        // (And one that single quotes seemed to close, `'t Hooft's office`: text41a F41a-2.)
        let help = first_help("title: 't Hooft's office\ndate: 2020-10-06\n");
        assert!(help.ends_with("title: \"'t Hooft's office\""), "{help}");
        // (Inside `{…}`, the line holds other values: no such help; text41a F41a-25.)
        let text = "title: {en: 's-Gravenhage meeting, ja: 会合}\nlang: [en, ja]\n";
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
        assert!(
            loaded.diagnostics.iter().all(|d| !d.help.as_deref().unwrap_or_default().contains("ja: 会合")),
            "{:?}",
            loaded.diagnostics
        );
        // (A ` #` in it is text, in the help too: text41a F41a-18.)
        let help = first_help("title: 's-Gravenhage #1 city\ndate: 2020-10-06\n");
        assert!(help.ends_with("title: \"'s-Gravenhage #1 city\""), "{help}");
        // With a `: ` in the value too, the help quotes it whole (text40a F40a-13).
        let text = "title:Results: the 10th \"EU\" workshop\ndate: 2020-10-06\ntopics:\n  - title: A\n    body: B\n";
        let loaded = load_detailed::<crate::model::RawBriefing>(&file(text), &Limits::default());
        assert_eq!(messages(&loaded.diagnostics), ["no space after `title:`"]);
        let help = loaded.diagnostics[0].help.as_deref().unwrap_or_default();
        assert!(help.ends_with("`title: \"Results: the 10th \\\"EU\\\" workshop\"`"), "{help}");
    }

    #[test]
    fn unknown_keys_are_reported_at_the_key_with_a_suggestion() {
        let (doc, d) = load_doc("titel: x\ninner:\n  nmae: y\n  tel: 1\n  zzz: 2\n");
        assert_eq!(
            messages(&d),
            [
                "unknown field `titel`, did you mean `title`?",
                "inner: unknown field `nmae`, did you mean `name`?",
                "inner: unknown field `zzz`"
            ]
        );
        assert_eq!(d[0].span, Some(Span::new(0, 5)));
        assert_eq!(d[2].help.as_deref(), Some("expected one of `name`, `tel`"));
        assert_eq!(doc.inner.map(|i| i.value.tel), Some(Some("1".to_string())));
        let loaded = load_detailed::<Doc>(&file("titel: x\ninner:\n  nmae: y\n"), &Limits::default());
        let mut misspelt: Vec<_> = loaded.misspelt.into_iter().collect();
        misspelt.sort();
        assert_eq!(misspelt, ["inner.name", "title"]);
    }

    #[test]
    fn suggestions_need_to_be_close() {
        let fields = &["title", "tel", "fax", "email", "contact"];
        assert_eq!(de::suggest("contcat", fields), Some("contact"));
        assert_eq!(de::suggest("Title", fields), Some("title"));
        assert_eq!(de::suggest("emial", fields), Some("email"));
        assert_eq!(de::suggest("tl", fields), Some("tel"));
        assert_eq!(de::suggest("bar", fields), None);
        assert_eq!(de::suggest("phone", fields), None);
    }

    #[test]
    fn spanned_values_know_their_bytes() {
        let text = "title: \"Ünï\"\ntags:\n  - one\n  - two\ninner: {name: n}\n";
        let (doc, d) = load_doc(text);
        assert!(d.is_empty(), "{d:?}");
        let title = doc.title.unwrap();
        assert_eq!(&text[title.span.start..title.span.end], "\"Ünï\"");
        let tags = doc.tags.unwrap();
        assert_eq!(&text[tags[1].span.start..tags[1].span.end], "two");
        assert_eq!(&text[doc.inner.unwrap().span.start..], "{name: n}\n");
    }

    #[test]
    fn maps_and_paths_in_lists() {
        #[derive(Debug, Default, Deserialize)]
        struct L {
            items: Vec<Inner>,
        }
        let (l, d): (L, _) = load(&file("items:\n  - name: a\n  - name: [b]\n"), &Limits::default());
        assert_eq!(messages(&d), ["items[1].name: expected a string, found a list"]);
        assert_eq!(l.items.len(), 2);
        let (doc, d) = load_doc("map: {a: 1, b: x}\n");
        assert_eq!(messages(&d), ["map.b: expected an integer, found `x`"]);
        assert_eq!(doc.map.unwrap().get("a"), Some(&1));
    }

    #[test]
    fn a_missing_required_field_skips_its_mapping_and_keeps_the_rest() {
        #[derive(Debug, Default, Deserialize)]
        struct Outer {
            a: Option<Required>,
            b: Option<String>,
        }
        #[derive(Debug, Default, Deserialize)]
        struct Required {
            #[allow(dead_code)]
            x: String,
        }
        let text = "a:\n  y: 1\nb: kept\n";
        let loaded = load_detailed::<Outer>(&file(text), &Limits::default());
        assert_eq!(messages(&loaded.diagnostics), ["a: missing field `x`", "a: unknown field `y`"]);
        assert_eq!(loaded.diagnostics[0].span, Some(Span::new(5, 9)));
        assert!(loaded.complete);
        assert!(loaded.value.a.is_none());
        assert_eq!(loaded.value.b.as_deref(), Some("kept"));
        // Its key typed in full-width letters or with an invisible character: that, named
        // by what it reads as, and not the field missing as well.
        for (key, what) in
            [("ｘ", "is typed in full-width letters"), ("x\u{200B}", "holds an invisible U+200B (zero width space)")]
        {
            let loaded = load_detailed::<Outer>(&file(&format!("a:\n  {key}: 1\nb: kept\n")), &Limits::default());
            let shown = key.replace('\u{200B}', "\\u200B");
            assert_eq!(messages(&loaded.diagnostics), [format!("a: unknown field `{shown}`, did you mean `x`?")]);
            assert_eq!(loaded.diagnostics[0].help, Some(format!("`{shown}` {what}: type it as `x`")));
        }
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        let (doc, _) = load_doc("title: Cafe\u{301} \u{FA19}\u{2F800}\n");
        // A compatibility ideograph is another glyph to a reader: kept as typed.
        assert_eq!(doc.title.unwrap().value, "Caf\u{e9} \u{FA19}\u{2F800}");
    }

    #[test]
    fn a_file_of_markers_nulls_and_comments_is_blank() {
        for text in ["", "\n# c\n", "---\n", "~", "--- ~ # c\n...\n", "null\n"] {
            assert!(is_blank(text), "{text:?}");
        }
        for text in ["a", "--- a\n", "~a\n", "x#y\n", "'~'\n", "[]\n", "# c\rtitle: T\r"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn an_empty_document_is_an_empty_mapping_and_a_wrong_root_is_incomplete() {
        let loaded = load_detailed::<Doc>(&file("# just a comment\n"), &Limits::default());
        assert!(loaded.diagnostics.is_empty() && loaded.complete);
        let loaded = load_detailed::<Doc>(&file("- a\n- b\n"), &Limits::default());
        assert_eq!(messages(&loaded.diagnostics), ["expected a mapping, found a list"]);
        assert!(!loaded.complete);
    }

    #[test]
    fn after_a_syntax_error_the_rest_is_read_and_what_follows_is_left_out() {
        let loaded = load_detailed::<Doc>(&file("title: 'It's'\ncount: 3\nflag: x\n"), &Limits::default());
        assert!(loaded.complete);
        // (The title read on past the apostrophe that ended it, made a space: text29 F29a-3.)
        assert_eq!((loaded.value.title.map(|t| t.value), loaded.value.count), (Some("It s".into()), Some(3)));
        // The slip, and the wrong type after it; not the title's missing value.
        assert_eq!(loaded.diagnostics.len(), 2, "{:?}", messages(&loaded.diagnostics));
        assert!(loaded.diagnostics[0].message.contains("apostrophe"));
        assert_eq!(loaded.diagnostics[1].path, "flag");
        // A limit still stops the reading: nothing is checked further.
        let limits = Limits { max_depth: 2, ..Limits::default() };
        let loaded = load_detailed::<Doc>(&file("title: 'It's'\ninner: {name: [[x]]}\n"), &limits);
        assert!(!loaded.complete);
        assert_eq!(loaded.value, Doc::default());
    }

    #[test]
    fn an_alias_bomb_fails_fast() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ('a'..='h').zip('b'..='i') {
            text.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let (_, d): (Doc, _) = load(&file(&text), &Limits::default());
        assert_eq!(messages(&d), ["too many nodes after expanding aliases (limit 200000)"]);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for text in ["[".repeat(20_000), "{a: ".repeat(20_000), format!("{}1{}", "[".repeat(100), "]".repeat(100))] {
            let (_, d): (Doc, _) = load(&file(&text), &Limits::default());
            assert_eq!(messages(&d), ["nested too deeply (limit 64 levels)"]);
        }
    }

    #[test]
    fn the_size_limit_applies_to_text_too() {
        let limits = Limits { max_bytes: 10, ..Limits::default() };
        let (_, d): (Doc, _) = load(&file("title: a long title\n"), &limits);
        assert_eq!(messages(&d), ["the file is too large: 20 bytes, and the limit is 10 bytes"]);
    }

    fn from_bytes(bytes: &[u8]) -> Result<SourceFile, LoadError> {
        source_from_bytes("t.yaml", bytes.to_vec(), &Limits::default())
    }

    fn invalid(r: Result<SourceFile, LoadError>) -> (SourceFile, Vec<Diagnostic>) {
        match r {
            Err(LoadError::Invalid { file, diagnostics }) => (file, diagnostics),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sources_must_be_utf8_text() {
        let (file, d) = invalid(from_bytes(b"title: ok\ndate: caf\xe9\n"));
        assert_eq!(d[0].message, "not valid UTF-8 at byte 19");
        assert_eq!(file.line_col(d[0].span.unwrap().start), (2, 10));
        let (_, d) = invalid(from_bytes(b"\xff\xfet\x00"));
        assert!(d[0].message.contains("UTF-16"));
        // A briefing's PDF, given for its YAML, says how to get the YAML (text40b F40b-22).
        let (_, d) = invalid(from_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"));
        assert_eq!(d[0].message, "this is a PDF, not a briefing's YAML");
        assert!(d[0].help.as_deref().is_some_and(|h| h.starts_with("`briefing extract ")), "{d:?}");
        let (_, d) = invalid(from_bytes(b"\n  # only a comment\n\n"));
        assert_eq!(d[0].message, "the file is empty: a briefing needs at least title, date, topics and contact");
        assert_eq!(from_bytes(b"\xef\xbb\xbftitle: x\n").unwrap().text, "title: x\n");
    }

    #[test]
    fn read_source_refuses_large_files_before_reading_and_reports_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::write(&path, "title: x\n".repeat(20)).unwrap();
        let limits = Limits { max_bytes: 100, ..Limits::default() };
        let (_, d) = invalid(read_source(&path, &limits));
        assert_eq!(d[0].message, "the file is too large: 180 bytes, and the limit is 100 bytes");
        assert_eq!(read_source(&path, &Limits::default()).unwrap().text.len(), 180);
        match read_source(&dir.path().join("missing.yaml"), &limits) {
            Err(LoadError::Io { path, .. }) => assert!(path.ends_with("missing.yaml")),
            other => panic!("{other:?}"),
        }
    }
}
