//! Lists typed with signs, not bullets: pros and cons (`+ Faster procedures` over `- Higher
//! cost`), and a footnote's `*` under the text it notes (`* Figures are provisional.`).
//! Markdown takes each sign for a bullet, and a change of sign for a new list, so no sign
//! printed (text47a F47a-10). Here a run of bullet lists next to each other whose items mix
//! `+` and `-` is one list, its signs printed as its markers; a list of one `*` item that ends
//! the text, under a sentence, is a footnote, printed with its star. Where a writer could
//! have meant either, a list of `+` items alone, or such a `*` item with more text after it,
//! it is a slip, for `check` to tell.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{ends_block, is_block, LineCounter, Slip, SlipKind};

/// What the last block at one depth was, as far as signs go.
#[derive(Debug, Clone, Copy)]
enum Before {
    /// A paragraph that ends as a sentence does (see [`sentence`]).
    Sentence,
    /// A run of bullet lists next to each other, every item a `+` or a `-`.
    Signs(Run),
    /// A list of one `*` item with nothing in it but its text, at the text's top level
    /// under a sentence: where its item starts.
    /// (Under a block not a sentence, with text after it, a list: F49a-10.)
    Star(usize, bool),
    Other,
}

/// A run of bullet lists of signs (see [`Before::Signs`]).
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Where its first `+` item starts, if one is.
    plus: Option<usize>,
    /// One of its items is a `-`.
    minus: bool,
    /// Where its first list starts and its last one ends.
    from: usize,
    to: usize,
}

/// A bullet list being read.
#[derive(Debug)]
struct Reading {
    /// The depth of blocks it is at.
    depth: usize,
    /// The block before it at that depth.
    before: Before,
    /// Where its first item starts, and its first `+` item.
    at: Option<usize>,
    plus: Option<usize>,
    /// How many of its items are a `-`, a `*`, and written otherwise.
    minus: usize,
    stars: usize,
    others: usize,
    /// A block other than a paragraph is inside one of its items.
    nested: bool,
}

/// Finds the lists of signs of a text as its events stream in ([`Signs::see`] each).
#[derive(Debug, Default)]
pub(super) struct Signs {
    /// Blocks open around the event being read.
    depth: usize,
    /// For each depth of blocks open, the last block there.
    last: Vec<Before>,
    /// The bullet lists open, innermost last.
    lists: Vec<Reading>,
    /// The list that just ended goes on the run of lists of signs before it: the builder
    /// joins the two, and takes this back.
    pub(super) join: bool,
    /// The slips found, each with the byte it is at.
    pub(super) found: Vec<(SlipKind, usize)>,
    /// The runs printed with their signs.
    pub(super) kept: Vec<Range<usize>>,
    /// Where the footnote's item starts, when the text ends with one printed with its star.
    pub(super) footnote: Option<usize>,
}

/// Whether the paragraph written as `text` ends as a sentence does, for a footnote to follow:
/// with `.`, `!`, `?` (or Japanese `。`, `！`, `？`), maybe before a closing quote or bracket,
/// or with a star glued to its last word (`12 %.*`, `2026*`), the footnote's mark. Not with a
/// colon, which leads into a list, nor with a word alone (`**Bold**`), a list's title.
fn sentence(text: &str) -> bool {
    let text = text.trim_end();
    // (A star that closes emphasis ends a word that starts with one: `grew *fast*`.)
    let word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    text.ends_with('*') && !word.starts_with('*')
        || text
            .trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', '」', '』'])
            .ends_with(['.', '!', '?', '。', '．', '！', '？'])
}

impl Signs {
    /// The last block at `depth`, taken: the block that starts there now is the last.
    fn take(&mut self, depth: usize) -> Before {
        if self.last.len() <= depth {
            self.last.resize(depth + 1, Before::Other);
        }
        std::mem::replace(&mut self.last[depth], Before::Other)
    }

    pub(super) fn see(&mut self, src: &str, event: &Event<'_>, range: &Range<usize>) {
        match event {
            Event::Start(tag) if is_block(tag) => {
                let depth = self.depth;
                self.depth += 1;
                if let Some(list) = self.lists.last_mut() {
                    list.nested |= depth > list.depth + 1 && !matches!(tag, Tag::Paragraph);
                }
                let before = self.take(depth);
                match tag {
                    Tag::List(None) => self.lists.push(Reading {
                        depth,
                        before,
                        at: None,
                        plus: None,
                        minus: 0,
                        stars: 0,
                        others: 0,
                        nested: false,
                    }),
                    Tag::Item => {
                        if let Some(list) = self.lists.last_mut().filter(|l| l.depth + 1 == depth) {
                            let at = range.start + src[range.clone()].len() - src[range.clone()].trim_start().len();
                            list.at.get_or_insert(at);
                            match src[at..].bytes().next() {
                                Some(b'+') => _ = list.plus.get_or_insert(at),
                                Some(b'-') => list.minus += 1,
                                Some(b'*') => list.stars += 1,
                                _ => list.others += 1,
                            }
                        }
                    }
                    _ => self.close(before, false),
                }
            }
            Event::End(tag) if ends_block(tag) => {
                self.depth = self.depth.saturating_sub(1);
                let depth = self.depth;
                // (The blocks inside it end with it.)
                while self.last.len() > depth + 1 {
                    let inner = self.last.pop().unwrap_or(Before::Other);
                    self.close(inner, false);
                }
                let now = match tag {
                    TagEnd::List(false) => match self.lists.pop() {
                        Some(list) => self.ended(src, list, range.end),
                        None => Before::Other,
                    },
                    TagEnd::Paragraph if sentence(&src[range.clone()]) => Before::Sentence,
                    _ => Before::Other,
                };
                self.take(depth);
                self.last[depth] = now;
            }
            Event::Rule => {
                let before = self.take(self.depth);
                self.close(before, false);
            }
            _ => {}
        }
    }

    /// A bullet list ends at `end`: what it is, as the block before the next.
    fn ended(&mut self, src: &str, list: Reading, end: usize) -> Before {
        let Some(at) = list.at else { return Before::Other };
        if list.stars == 0 && list.others == 0 {
            let run = Run { plus: list.plus, minus: list.minus > 0, from: at, to: end };
            if let Before::Signs(before) = list.before {
                self.join = true;
                return Before::Signs(Run {
                    plus: before.plus.or(run.plus),
                    minus: before.minus || run.minus,
                    ..before
                });
            }
            self.close(list.before, false);
            return Before::Signs(run);
        }
        self.close(list.before, false);
        let lone = list.stars == 1 && list.minus == 0 && list.others == 0 && list.plus.is_none() && !list.nested;
        // (Under any block at the top level, a table, a list, a quote, code, or a paragraph
        // however it ends, but a colon's lead into a list: text49a F49a-10.)
        let above = src[..at].trim_end();
        let lead = above.ends_with([':', '：']) && !matches!(list.before, Before::Sentence);
        if lone && list.depth == 0 && !above.is_empty() && !lead {
            Before::Star(at, matches!(list.before, Before::Sentence))
        } else {
            Before::Other
        }
    }

    /// The block `before` has a block after it (or, when `last`, ends the text).
    fn close(&mut self, before: Before, last: bool) {
        match before {
            Before::Signs(run) if run.minus && run.plus.is_some() => self.kept.push(run.from..run.to),
            Before::Signs(Run { plus: Some(at), .. }) => self.found.push((SlipKind::PlusBullet, at)),
            Before::Star(at, _) if last => self.footnote = Some(at),
            Before::Star(at, true) => self.found.push((SlipKind::FootnoteStar, at)),
            _ => {}
        }
    }

    /// Leaves out of `slips` the signs that print as typed: a figure's in a list of pros and
    /// cons, and the star of a footnote that ends the text; whether the text ends so.
    pub(super) fn printed(&self, src: &str, slips: &mut Vec<Slip>) -> bool {
        let mut lines = LineCounter::default();
        let kept: Vec<(usize, usize)> =
            self.kept.iter().map(|r| (lines.line_of(src, r.start), lines.line_of(src, r.end))).collect();
        let footnote = self.footnote.map(|at| lines.line_of(src, at));
        slips.retain(|s| match s.kind {
            SlipKind::SignedFigure => !kept.iter().any(|&(from, to)| (from..=to).contains(&s.line)),
            SlipKind::FootnoteStar => footnote != Some(s.line),
            _ => true,
        });
        footnote.is_some()
    }

    /// The text ends: the last blocks have none after them.
    pub(super) fn finish(&mut self) {
        while let Some(before) = self.last.pop() {
            let last = self.last.is_empty();
            self.close(before, last);
        }
    }
}
