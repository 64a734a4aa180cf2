//! Translations written with a slip, read as meant: each slip named once, where it was typed,
//! and the tree mended so that nothing follows from it. A language's tag glued to its text
//! (`ja "AI"`, `ja:"B"`); a key read as another language (`jp:` when `lang:` lists `jp`,
//! read as `ja`).

use super::languages::{is_language_tag, named, scalar, translation_languages};
use super::tree::{Node, NodeKind, Style};
use crate::diag::{Diagnostic, Span};

/// `root` with the text values' keys read as `lang:` is (`jp:` as `ja:` when `lang:` lists
/// `jp`, read as `ja`): for each tag of `renamed` ([`super::declared::Declared::renamed`]), the help of the
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
            // `title: [en: B, ja: か]`: a translation between square brackets, which YAML reads
            // as a list of one-language mappings (text37a F37a-3: the help to quote it printed
            // the brackets), or as `- en: B` items. Named at its start, and read as meant.
            // (Or one item of them all, `- en: …` above `  ja: …`; text38a F38a-7.)
            let one_language = |i: &Node| match &*i.kind {
                NodeKind::Map(e) => {
                    !e.is_empty()
                        && e.iter().all(|(k, _)| k.scalar().is_some_and(|(t, _)| langs.iter().any(|l| l == t)))
                }
                _ => false,
            };
            let bracket = root.span.start;
            // (A topic written per language, `- en:` above `title:` and `body:`, then `ja:`: one
            // error at it, and read field by field; text44a F44a-27, the fixes went in a circle.)
            if !items.is_empty() && items.iter().all(|i| one_language(i) && super::per_language::per_language(i)) {
                let items = items.iter().map(|i| super::per_language::transposed(i, found)).collect();
                return root.with_kind(NodeKind::Seq(items));
            }
            if !items.is_empty() && items.iter().all(one_language) && root.span.end > bracket {
                found.push(
                    Diagnostic::new(
                        Some(Span::new(bracket, bracket + 1)),
                        "",
                        "a translation written as a list (`[…]` or `- ` items): YAML reads a list of languages",
                    )
                    .with_help("write the languages between `{` and `}`, as `{en: …, ja: …}`, or each on a line of its own, without `- `"),
                );
                let entries = items.iter().flat_map(|i| match &*i.kind {
                    NodeKind::Map(e) => e.clone(),
                    _ => Vec::new(),
                });
                let entries: Vec<_> = entries.map(|(k, v)| (k, mend_glued_translations(&v, langs, found))).collect();
                return root.with_kind(NodeKind::Map(entries));
            }
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

/// Translations typed out of place, each named at its key and read as meant:
///
/// - a language's key at the column of the mapping that holds the translation, after it
///   (`body:`, `  en: |`, its text, then `ja: |` under `body:`): moved into it, when the
///   translation lacks that language and the key is not one of the file's fields;
/// - a language's key inside the text of another (`en: |`, its lines, then `ja: …` at their
///   column): YAML reads it as the last lines of that text, which are split off as the
///   language's own, when the translation lacks it.
pub(super) fn mend_misplaced(
    node: &Node,
    langs: &[String],
    keys: &super::KeySets,
    source: &str,
    found: &mut Vec<Diagnostic>,
) -> Node {
    Misplaced { langs, keys, source, found }.node(node, "")
}

struct Misplaced<'a> {
    langs: &'a [String],
    keys: &'a super::KeySets,
    source: &'a str,
    found: &'a mut Vec<Diagnostic>,
}

impl Misplaced<'_> {
    fn node(&mut self, node: &Node, path: &str) -> Node {
        match &*node.kind {
            NodeKind::Map(entries) if translation_languages(self.langs, entries).is_some() => {
                node.with_kind(NodeKind::Map(self.split_texts(entries, path)))
            }
            NodeKind::Map(entries) => {
                let mut mended: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let key = k.scalar().map_or("", |(t, _)| t);
                    if let Some((held, translation)) = mended.last_mut().filter(|_| !self.keys.any(key)) {
                        if let Some(first) = self.lacks(translation, key) {
                            let holder = held.scalar().map_or("", |(t, _)| t);
                            let message = format!(
                                "`{key}:` is indented as a field of {}, not as a translation of `{holder}`",
                                place(path)
                            );
                            self.found.push(
                                Diagnostic::new(Some(k.span), path, message)
                                    .with_help(format!("indent `{key}:` as `{first}:` above it")),
                            );
                            let NodeKind::Map(given) = &*translation.kind else { continue };
                            let mut moved =
                                translation.with_kind(NodeKind::Map([given, &[(k.clone(), v.clone())][..]].concat()));
                            moved.span = Span::new(translation.span.start, v.span.end);
                            *translation = moved;
                            continue;
                        }
                    }
                    mended.push((k.clone(), self.node(v, &join(path, key))));
                }
                node.with_kind(NodeKind::Map(mended))
            }
            NodeKind::Seq(items) => node.with_kind(NodeKind::Seq(
                items.iter().enumerate().map(|(i, n)| self.node(n, &format!("{path}[{i}]"))).collect(),
            )),
            NodeKind::Scalar { .. } => node.clone(),
        }
    }

    /// When `translation` is a translation that lacks the language `key` names: the key of
    /// its first language.
    fn lacks<'n>(&self, translation: &'n Node, key: &str) -> Option<&'n str> {
        let NodeKind::Map(entries) = &*translation.kind else { return None };
        let lang = named(self.langs, key)?;
        let given = translation_languages(self.langs, entries)?;
        (!given.contains(&Some(lang))).then(|| entries[0].0.scalar().map_or("", |(t, _)| t))
    }

    /// A translation's entries, with a language's key typed inside the block text (`|` or
    /// `>`) of another split off as that language's.
    fn split_texts(&mut self, entries: &[(Node, Node)], path: &str) -> Vec<(Node, Node)> {
        let mut mended: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            // Each line of a block text is a line of the file, after the one with `|` or `>`:
            // a folded text (`>`), whose lines YAML joins, is split on the file's lines.
            // (A span of a line whose slip was mended, a full-width space in its indent, is not
            // one of the file as typed: read as it is; text38a F38a-0, a panic.)
            let Some(written) = self.source.get(v.span.start..v.span.end) else {
                mended.push((k.clone(), v.clone()));
                continue;
            };
            let header_end = written.find('\n').map_or(v.span.end, |i| v.span.start + i + 1);
            let folded = self.source[v.span.start..].starts_with('>');
            let as_written = folded.then(|| dedent(&self.source[header_end..v.span.end]));
            let split = v.scalar().filter(|(_, style)| *style == Style::Block).and_then(|(text, _)| {
                let text = as_written.as_deref().unwrap_or(text);
                let given = translation_languages(self.langs, &[mended.as_slice(), entries].concat())?;
                let (line, lang) =
                    inner_key(text, |l| named(self.langs, l).is_some_and(|i| !given.contains(&Some(i))))?;
                Some((text, line, lang))
            });
            let Some((text, line, lang)) = split.filter(|_| self.source[v.span.start..].starts_with(['|', '>'])) else {
                mended.push((k.clone(), v.clone()));
                continue;
            };
            let Some(at) = nth_line_start(&self.source[..v.span.end], header_end, line) else {
                mended.push((k.clone(), v.clone()));
                continue;
            };
            let key_at = at + self.source[at..].len() - self.source[at..].trim_start_matches(' ').len();
            let own = k.scalar().map_or("", |(t, _)| t);
            let message = format!(
                "`{lang}:` is indented as the text of `{own}:` above it, so YAML reads it as part of that text"
            );
            self.found.push(
                Diagnostic::new(Some(Span::new(key_at, key_at + lang.len())), path, message)
                    .with_help(format!("indent `{lang}:` as `{own}:`")),
            );
            let (mut before, after) = split_at_line(text, line);
            if folded {
                before = fold(&before);
            }
            let kept = Node::scalar_node(Span::new(v.span.start, at), before, Style::Block);
            let value_at = key_at + lang.len() + 1;
            let theirs = Node::scalar_node(Span::new(value_at.min(v.span.end), v.span.end), after, Style::Block);
            mended.push((k.clone(), kept));
            mended.push((scalar(Span::new(key_at, key_at + lang.len()), lang), theirs));
        }
        mended
    }
}

/// How a diagnostic names the mapping at `path`.
fn place(path: &str) -> String {
    match path.rsplit_once('.').map_or(path, |(_, last)| last) {
        "" => "the top level".to_string(),
        last if last.starts_with("topics[") => "the topic".to_string(),
        last => format!("`{last}`"),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The first line of `text` (by index) that reads `lang:`, `lang: |` or `lang: text` for a
/// `lang` that `wanted` accepts, after a line of text; and that `lang`.
fn inner_key(text: &str, wanted: impl Fn(&str) -> bool) -> Option<(usize, &str)> {
    let mut seen_text = false;
    for (i, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let key = content.split_once(':').filter(|(_, rest)| rest.is_empty() || rest.starts_with(' ')).map(|(k, _)| k);
        match key {
            Some(key) if seen_text && is_language_tag(key) && wanted(key) => return Some((i, key)),
            _ => seen_text |= !content.is_empty(),
        }
    }
    None
}

/// The lines of a block text as written, less their common indent.
fn dedent(lines: &str) -> String {
    let indent =
        lines.lines().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start_matches(' ').len()).min();
    lines.lines().map(|l| l.get(indent.unwrap_or(0)..).unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// A folded text's lines as YAML joins them: lines next to each other by a space, a blank
/// line as a line break; one line break at the end.
fn fold(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}\n", paragraphs.join("\n"))
}

/// The byte at which the `n`th line (from 0) after `from` starts in `text`.
fn nth_line_start(text: &str, from: usize, n: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..n {
        at += text[at..].find('\n')? + 1;
    }
    (at < text.len()).then_some(at)
}

/// `text` before its line `line` (blank lines at its end dropped, one newline kept), and the
/// value that line begins: the text after its `lang:`, or, after `lang: |` (or `>`, or
/// nothing), the lines below it less their common indent.
fn split_at_line(text: &str, line: usize) -> (String, String) {
    let lines: Vec<&str> = text.lines().collect();
    let before = format!("{}\n", lines[..line].join("\n").trim_end());
    let rest = lines[line].split_once(':').map_or("", |(_, r)| r).trim();
    let below = &lines[line + 1..];
    let after = if rest.is_empty() || rest.starts_with(['|', '>']) {
        let indent = below.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min();
        let body: Vec<&str> = below.iter().map(|l| l.get(indent.unwrap_or(0)..).unwrap_or("")).collect();
        format!("{}\n", body.join("\n").trim_end())
    } else {
        [rest].iter().chain(below.iter()).map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
    };
    (before, after)
}

#[cfg(test)]
mod tests {
    use crate::diag::SourceFile;
    use crate::load::{load_each, Limits};
    use crate::model::RawBriefing;

    /// Each problem as `line:col message | help`, and each language's topic bodies.
    fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let file = SourceFile::new("t.yaml", text);
        let all = load_each::<RawBriefing>(&file, &Limits::default());
        let problems = all[0]
            .diagnostics
            .iter()
            .map(|d| {
                let (line, col) = file.line_col(d.span.unwrap().start);
                format!("{line}:{col} {} | {}", d.message, d.help.as_deref().unwrap_or(""))
            })
            .collect();
        let bodies = all
            .iter()
            .map(|l| {
                let topics = l.value.topics.as_ref().unwrap();
                topics.value.iter().map(|t| t.value.body.as_ref().unwrap().value.clone()).collect()
            })
            .collect();
        (problems, bodies)
    }

    const HEAD: &str = "lang: [en, ja]\ntitle: { en: Results, ja: 結果 }\ndate: 2026-01-15\ntopics:\n";
    const TAIL: &str = "contact:\n  tel: \"1\"\n";

    #[test]
    fn a_language_key_at_the_column_of_the_field_it_translates_is_moved_into_it() {
        let topics =
            "  - title: { en: Data, ja: データ }\n    body:\n      en: |\n        The EU side explained.\n    \
                      ja: |\n        EU側は説明した。\n";
        let (problems, bodies) = read(&format!("{HEAD}{topics}{TAIL}"));
        assert_eq!(
            problems,
            ["9:5 `ja:` is indented as a field of the topic, not as a translation of `body` | indent `ja:` as `en:` above it"]
        );
        assert_eq!(bodies, [["The EU side explained.\n"], ["EU側は説明した。\n"]]);
        // A field's key stays a field, and a language the translation has is not moved.
        let topics = "  - title: { en: Data, ja: データ }\n    body:\n      en: |\n        Met.\n      ja: 会合。\n    ja: |\n        x\n";
        let (problems, _) = read(&format!("{HEAD}{topics}{TAIL}"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("10:5 unknown field `ja`"), "{problems:?}");
    }

    #[test]
    fn a_language_key_inside_the_text_of_another_is_named_there_and_split_off() {
        for (ja, text) in [
            ("ja: 双方は合意した。\n", "双方は合意した。"),
            ("ja: |\n          双方は\n          合意した。\n", "双方は\n合意した。\n"),
        ] {
            let topics = format!("  - title: {{ en: Data, ja: データ }}\n    body:\n      en: |\n        Both sides agreed.\n\n        {ja}");
            let (problems, bodies) = read(&format!("{HEAD}{topics}{TAIL}"));
            assert_eq!(
                problems,
                ["10:9 `ja:` is indented as the text of `en:` above it, so YAML reads it as part of that text \
                  | indent `ja:` as `en:`"]
            );
            assert_eq!(bodies, [["Both sides agreed.\n"], [text]]);
        }
        // Text that merely starts with a language's name, or a language the value has, stays text.
        let topics = "  - title: { en: Data, ja: データ }\n    body:\n      en: |\n        Agreed.\n        \
                      en: as said\n      ja: 合意。\n";
        let (problems, bodies) = read(&format!("{HEAD}{topics}{TAIL}"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(bodies[0], ["Agreed.\nen: as said\n"]);
    }

    #[test]
    fn a_language_key_inside_a_folded_text_is_split_off_too() {
        let topics = "  - title: { en: Data, ja: データ }\n    body:\n      en: >\n        Both sides\n        agreed.\n        \
                      ja: 双方は\n        合意した。\n";
        let (problems, bodies) = read(&format!("{HEAD}{topics}{TAIL}"));
        assert_eq!(
            problems,
            ["10:9 `ja:` is indented as the text of `en:` above it, so YAML reads it as part of that text \
              | indent `ja:` as `en:`"]
        );
        assert_eq!(bodies, [["Both sides agreed.\n"], ["双方は 合意した。"]]);
    }
}
