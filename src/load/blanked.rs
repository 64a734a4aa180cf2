//! What the syntax errors of a file blanked out before the rest of it was read, and which
//! problems of the rest follow from them (and so are not reported again).

use std::collections::HashSet;

use super::lines;
use super::tree::{Node, NodeKind};
use crate::diag::{Diagnostic, Span};

/// What the syntax errors of a file blanked out before the rest of it was read (see
/// [`tree::Recovered`]): a problem found there, in a mapping or list that held it, at a key
/// that held it (`title:` above a broken `ja:`), or a field missing because its key was
/// there, follows from a syntax error reported already.
#[derive(Debug, Default, Clone)]
pub struct Blanked {
    /// What was blanked, each with the line above it when that line's key takes its value
    /// from the lines below (`body: |` above text indented too little).
    ranges: Vec<std::ops::Range<usize>>,
    /// The keys written on the blanked lines.
    keys: HashSet<String>,
    /// Whether a blanked line is the file's `lang:` (its languages cannot be known).
    languages: bool,
    /// Where problems that follow from a blanked line are reported: the lines that hold it
    /// (their key, or their text after `- `), and the start of what is left of the mapping
    /// that holds it (`organisation:` of a broken `ja:`, reported as given in en only).
    holders: HashSet<usize>,
    /// The values in which a slip inside a quoted text was mended ([`super::tree::Recovered`],
    /// [`mended_values`]): a problem of such a value is that slip's (`date: '2020's'` is no
    /// date); one of what holds it is not (its topic's missing `body`, text30 F30a-1).
    mended: Vec<std::ops::Range<usize>>,
}

impl Blanked {
    pub(super) fn new(
        text: &str,
        blanked: Vec<std::ops::Range<usize>>,
        mended: Vec<std::ops::Range<usize>>,
    ) -> Blanked {
        // (A slip in a value blanks only the value: the line is the one its start is on.)
        // The file's own `lang:`: in the first column, or indented by a slip but with no line
        // above it indented less (a topic's is inside its item).
        // (A value mended in place is not the one typed either: text29 F29a-3.)
        let languages = blanked.iter().chain(&mended).map(|r| r.start).any(|at| {
            let start = lines::line_start(text, at);
            let line = &text[start..];
            let top =
                text[..start].lines().filter(|l| lines::has_content(l)).all(|l| lines::lead(l) >= lines::lead(line));
            top && !line.trim_start().starts_with('-')
                && lines::key_on(line.lines().next().unwrap_or("")) == Some("lang")
        });
        let keys = blanked
            .iter()
            .flat_map(|r| text.get(r.clone()).unwrap_or("").lines())
            .filter_map(lines::key_on)
            .map(str::to_string)
            .collect();
        let holders = blanked_holders(text, &blanked);
        let ranges = blanked
            .into_iter()
            .map(|r| {
                let above = text[..r.start].trim_end_matches(['\n', '\r']);
                let line = lines::line_start(above, above.len());
                // (`body |`, its colon lost and mended, opens the value too.)
                let opens = lines::opens_value(&above[line..]) || above[line..].trim_end().ends_with(['|', '>']);
                if r.start > 0 && opens {
                    line..r.end
                } else {
                    r
                }
            })
            .collect();
        Blanked { ranges, keys, languages, holders, mended }
    }

    /// Whether the file's `lang:` line was blanked: its languages are then read off the text
    /// values ([`super::languages::restore_lost`]).
    pub fn languages_lost(&self) -> bool {
        self.languages
    }

    /// Whether the value at `span` is one in which a slip was mended (its text is not the one
    /// typed).
    pub fn mended(&self, span: Span) -> bool {
        self.mended.iter().any(|v| v.start <= span.start && span.end <= v.end)
    }

    /// Whether `d` follows from a syntax error (and so repeats it).
    pub fn follows(&self, d: &Diagnostic) -> bool {
        if d.span.is_some_and(|s| self.mended(s)) {
            return true;
        }
        if self.ranges.is_empty() {
            return false;
        }
        // A field is missing because of a slip when its key was on a blanked line; one never
        // written is missing wherever the mapping starts (a blanked first line too).
        let missing = d.message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`'));
        if let Some(key) = missing {
            return self.keys.contains(key);
        }
        let Some(span) = d.span else { return false };
        // (A key typed wrong is the user's, wherever a slip is.)
        (self.holders.contains(&span.start) && !d.message.starts_with("unknown field"))
            || self.ranges.iter().any(|r| r.contains(&span.start) || (span.start <= r.start && r.end <= span.end))
    }
}

/// The values of `root` (scalars, quotes and all) that hold an offset of `mended`: a character
/// a slip inside a quoted text was mended at.
pub(super) fn mended_values(root: Option<&Node>, mended: &[usize]) -> Vec<std::ops::Range<usize>> {
    fn walk(node: &Node, mended: &[usize], out: &mut Vec<std::ops::Range<usize>>) {
        let span = node.span;
        match &*node.kind {
            NodeKind::Scalar { .. } if mended.iter().any(|m| span.start <= *m && *m < span.end) => {
                out.push(span.start..span.end)
            }
            NodeKind::Scalar { .. } => {}
            NodeKind::Seq(items) => items.iter().for_each(|item| walk(item, mended, out)),
            NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
                walk(k, mended, out);
                walk(v, mended, out);
            }),
        }
    }
    let mut out = Vec::new();
    if let Some(root) = root.filter(|_| !mended.is_empty()) {
        walk(root, mended, &mut out);
    }
    out
}

/// Where problems that follow from the blanked ranges are reported: the content of each line
/// that holds one (going up from it, each line indented less than the last one found), and
/// the first entry left of the mapping that the nearest key above holds (a language missing,
/// a field missing: the mapping is reported at its start). A list's items are each their own:
/// the others keep their problems.
fn blanked_holders(text: &str, ranges: &[std::ops::Range<usize>]) -> HashSet<usize> {
    let content_of = |line: &str| line.trim_start_matches([' ', '-']).len();
    let gone = |at: usize| ranges.iter().any(|r| r.contains(&at));
    let mut holders = HashSet::new();
    for r in ranges {
        // The whole first line, its key too when only its value was blanked.
        let line_start = lines::line_start(text, r.start);
        let first = text[line_start..].lines().next().unwrap_or("");
        // (A line indented with a tab, which YAML refuses, at the depth it was meant to have.)
        let mut indent = lines::depth(text, line_start);
        let mut end = line_start;
        let mut nearest = None;
        // The line just above, when it lost its colon or the space after it (`lang [en, ja]`,
        // `- title:Data` above a blanked line), is read as text the blanked lines go on: it
        // holds them too.
        if let Some((start, line)) = lines::line_above(text, r.start) {
            let text_only = !line.contains(": ") && !line.trim_end().ends_with(':');
            if text_only && lines::key_on(line).is_some() {
                holders.insert(start + line.len() - content_of(line));
            }
        }
        while indent > 0 && end > 0 {
            let start = lines::line_start(text, end - 1);
            let line = text[start..end - 1].trim_end_matches('\r');
            end = start;
            let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
            if blank || lines::indent(line) >= indent {
                continue;
            }
            indent = lines::indent(line);
            // A key whose value is on the lines below holds them; so does a line that lost its
            // colon (`- title Data` is read as text where a mapping should be). A key with its
            // value on its line (`date: 2020-10-06`) holds nothing.
            // (A key alone that lost its colon was given it back: it holds the lines below.)
            let bare = lines::bare_key(line).is_some();
            let opens = lines::opens_value(line) || bare;
            if opens || !line.contains(':') {
                holders.insert(start + line.len() - content_of(line));
            }
            if opens {
                nearest = nearest.or(Some((start, indent)));
            }
        }
        let item = |line: &str| line.trim_start().starts_with("- ") || line.trim() == "-";
        let Some((key, depth)) = nearest.filter(|_| !item(first)) else { continue };
        // The first entry of its mapping that is left, if it holds a mapping.
        let mut at = key + text[key..].find('\n').map_or(text.len() - key, |i| i + 1);
        for line in text[at..].split_inclusive('\n') {
            let content = line.trim();
            let start = at + lines::indent(line);
            at += line.len();
            if content.is_empty() || content.starts_with('#') || gone(start) {
                continue;
            }
            if lines::indent(line) > depth && !item(line) {
                holders.insert(start);
            }
            break;
        }
    }
    holders
}
