//! What `check --verbose` says of a briefing's languages: the briefing's, given or detected,
//! each topic's that was detected, and each paragraph marked with a language of its own.

use crate::diag::SourceFile;
use crate::markdown::Block;
use crate::model::Briefing;

/// Words of a paragraph quoted to name it.
const QUOTED_WORDS: usize = 6;

/// The report of `b`'s languages, one line each, a paragraph's at its line of `file`.
pub(super) fn found(b: &Briefing, file: &SourceFile) -> String {
    let how = if b.lang_detected { "detected" } else { "given or default" };
    let mut out = format!("  lang: {} ({how})", b.lang);
    let mut paragraphs = 0;
    let source = Source::new(&file.text);
    let mut marked = |out: &mut String, body: &[Block], lang: &str, from: usize, what: &str| {
        let mut from = from;
        for (text, l) in crate::validate::own_languages(body, lang) {
            let line = match source.line_of(&text, &mut from) {
                Some(n) => format!("{}:{n}: ", file.name),
                None => format!("{}: ", file.name),
            };
            // (Quoted as Rust quotes, so that quotation marks inside it are told apart.)
            out.push_str(&format!("\n  {line}{what}: paragraph {:?}: lang: {l} (detected)", opening(&text)));
            paragraphs += 1;
        }
    };
    marked(&mut out, &b.summary, &b.lang, 0, "summary");
    marked(&mut out, &b.overview, &b.lang, 0, "overview");
    let (mut from, mut titles) = (0, 0);
    for (i, t) in b.topics.iter().enumerate() {
        from = file.text.get(from..).and_then(|rest| rest.find(t.title.as_str())).map_or(from, |at| from + at);
        if t.lang_detected {
            let lang = t.lang.as_deref().unwrap_or_default();
            out.push_str(&format!("\n  topics[{i}] ({}): lang: {lang} (detected)", t.title));
        }
        if let Some(l) = crate::language::other_than(&t.title, t.lang.as_deref().unwrap_or(&b.lang)) {
            out.push_str(&format!("\n  topics[{i}].title ({}): lang: {l} (detected)", t.title));
            titles += 1;
        }
        marked(&mut out, &t.body, t.lang.as_deref().unwrap_or(&b.lang), from, &format!("topics[{i}] ({})", t.title));
    }
    if paragraphs + titles > 0 || b.topics.iter().any(|t| t.lang_detected) {
        out.push_str(
            "\n  (`lang:` on a topic sets its language; a paragraph is marked when it is clearly in another \
             language than its topic's, and so is a title; a paragraph's language cannot be set in the YAML)",
        );
    }
    out
}

/// The first words of `text`, with "…" when there are more.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let more = if words.len() > QUOTED_WORDS { "…" } else { "" };
    format!("{}{more}", words[..words.len().min(QUOTED_WORDS)].join(" "))
}

/// Characters of a paragraph compared with its source to tell it from one that starts alike.
const COMPARED_CHARS: usize = 400;

/// Letters a partial match is looked past for a better one: a paragraph whose text differs
/// from its source (`&amp;` printed `&`) is not looked for through the rest of the file, so
/// that the report takes time in proportion to the file.
const LOOKED_PAST: usize = 20_000;

/// A source's letters and digits (see [`letters`]) and where its lines end, read once.
struct Source {
    letters: Vec<(usize, char)>,
    line_ends: Vec<usize>,
}

impl Source {
    fn new(source: &str) -> Source {
        let line_ends = source.match_indices('\n').map(|(at, _)| at).collect();
        Source { letters: letters(source), line_ends }
    }

    /// The line (from 1) where `text`, a paragraph as printed, starts: the place from byte
    /// `from` on where most of its letters and digits follow as written (Markdown marks, link
    /// addresses, line breaks and punctuation left out), the first such place when several
    /// match as far, and `from` moved past what matched, so that a paragraph that starts like
    /// an earlier one is found at its own line. `None` when not even its first few letters
    /// are there.
    fn line_of(&self, text: &str, from: &mut usize) -> Option<usize> {
        let wanted: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).take(COMPARED_CHARS).collect();
        let letters = &self.letters;
        let first = letters.partition_point(|&(at, _)| at < *from);
        let matched = |i: usize| letters[i..].iter().zip(&wanted).take_while(|((_, a), b)| a == *b).count();
        let (mut best, mut at) = (0, 0);
        for i in first..letters.len() {
            let n = matched(i);
            if n > best {
                (best, at) = (n, i);
                if n == wanted.len() {
                    break;
                }
            }
            if best >= 6 && i > at + LOOKED_PAST {
                break;
            }
        }
        // (A few letters alike by chance are not the paragraph.)
        if best == 0 || best < wanted.len().min(6) {
            return None;
        }
        let (start, _) = letters[at];
        let (last, c) = letters[at + best - 1];
        *from = last + c.len_utf8();
        Some(self.line_ends.partition_point(|&end| end < start) + 1)
    }
}

/// The letters and digits of `source` with their byte offsets, but for those of the address
/// of a Markdown link (`](…)`), which the printed paragraph does not have.
fn letters(source: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ']' && chars.peek().is_some_and(|(_, c)| *c == '(') {
            chars.by_ref().find(|(_, c)| *c == ')');
        } else if c.is_alphanumeric() {
            out.push((i, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Source;

    #[test]
    fn paragraphs_that_start_alike_are_each_found_at_their_own_line() {
        let source = "title: T\ntopics:\n  - title: A\n    body: |\n      The minister said \"Wir **unterstützen** die Zusammenarbeit\" and left.\n\n      The minister said \"Wir unterstützen die [Zusammenarbeit](https://e.de) mit Japan\" and left.\n\n      The minister said \"Wir unterstützen die Zusammenarbeit\n      mit Japan\" before leaving.\n";
        let mut from = 0;
        // The second paragraph alone is asked for first: the one at line 7, not the one
        // at line 5 that starts alike.
        let second = "The minister said “Wir unterstützen die Zusammenarbeit mit Japan” and left.";
        assert_eq!(Source::new(source).line_of(second, &mut from), Some(7));
        let third = "The minister said “Wir unterstützen die Zusammenarbeit mit Japan” before leaving.";
        assert_eq!(Source::new(source).line_of(third, &mut from), Some(9));
        // Each found in turn from the start.
        let first = "The minister said “Wir unterstützen die Zusammenarbeit” and left.";
        let mut from = 0;
        let lines: Vec<_> = [first, second, third].iter().map(|t| Source::new(source).line_of(t, &mut from)).collect();
        assert_eq!(lines, [Some(5), Some(7), Some(9)]);
        // Not there: no line.
        assert_eq!(Source::new(source).line_of("Der Rat hat sich geeinigt.", &mut 0), None);
    }
}
