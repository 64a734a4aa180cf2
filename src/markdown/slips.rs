//! Lines of a body that Markdown reads other than their writer most likely meant, found while
//! the parser's events stream in: a note (`# TODO: …`) that is a heading, since a `#` line in
//! a text is no YAML comment; a heading with no text under it; the rows of a pipe table
//! without its `|---|` line, which print as one paragraph. And the lines that start a block of
//! their own, for validation to tell when YAML folded them into one.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

mod signs;
mod stars;

use signs::Signs;
use stars::{star_runs, Stars};

/// A line Markdown reads other than it was most likely meant (see the module's summary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub kind: SlipKind,
    /// The line's number in the text, from 0.
    pub line: usize,
    /// The line as written, without the spaces around it.
    pub written: String,
    /// Where in `written` the slip's marks (`**`) are, in bytes; `None` for the whole line.
    pub marks: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlipKind {
    /// A heading whose text is a note to the writers (`TODO`, `要確認`…).
    Note,
    /// A heading that ends the text.
    HeadingLast,
    /// A heading followed directly by one of the same or a higher level.
    HeadingThenHeading,
    /// The first of two or more lines of a paragraph that start and end with `|`.
    TableWithoutRule,
    /// A table's `|---|` line with another number of columns than its header row, which
    /// makes no table: the rule line as written.
    TableRuleColumns,
    /// A quote whose text starts with a number (`> 5%`): most likely "more than".
    QuoteOfNumber,
    /// A pair of emphasis marks left as text beside Japanese punctuation (`**「重要」**`),
    /// where Markdown's rules do not see them as marks.
    MarksBesideJapanese,
    /// A `**` in Japanese text that no other closes or opens, printed as typed.
    UnclosedMarks,
    /// A heading whose text starts with a lowercase letter (`# of participants: 40`): the
    /// sign for "number", not a heading.
    NumberSign,
    /// A list item that is a figure with its sign (`+ 5 % exports`, and `- 2 % imports` on a
    /// line of its own under one): the sign is taken for a bullet and not printed.
    SignedFigure,
    /// A list item of `*` under a line that ends with a star (`grew by 12 %.*` / `* Provisional
    /// figures`), or a list of that one item under a sentence with more text after it: the
    /// footnote's star is taken for a bullet and not printed. (Such an item that ends the
    /// text prints with its star: see `signs`.)
    FootnoteStar,
    /// A list whose items are all `+` (`+ Faster procedures`), with no `-` item next to it:
    /// plus signs or bullets, which the sign is taken for and not printed. (Mixed with `-`
    /// items, pros and cons, they print as typed: see `signs`.)
    PlusBullet,
    /// A sentence with a line of `---` (or `===`, the mark given) right under it, meant as a
    /// rule between parts: the sentence is printed as a heading and the line not at all.
    RuleUnderSentence(char),
    /// A numbered list item that breaks into a sentence (`trafen sich am` / `1. Oktober 2026 in
    /// Brüssel`): a date or a number a hand-wrapped line starts with, the sentence cut.
    NumberInSentence,
    /// A bullet that breaks into a sentence (`The EU side` / `- represented by DG CONNECT -`):
    /// a dash a hand-wrapped line starts with, not printed, the sentence cut.
    DashInSentence,
    /// A link whose address has a space (`[report](https://…/Final Report.pdf)`): no link is
    /// made, the brackets print, and the address's first word alone is linked.
    SpaceInAddress,
    /// A paragraph that starts with a year and its full stop (Hungarian `2026. május 12-én …`,
    /// Latvian `2026. gada …`): printed as item 2026 of a numbered list (text43a F43a-37).
    YearAsNumber,
    /// The first of two or more lines of a paragraph that start and end with the full-width
    /// `｜` of the Japanese input: a table Markdown does not read, its rows printed as one line
    /// (text43a F43a-31).
    WideTable,
    /// A paragraph of prose indented by a tab (`'\t'`, Word's first-line indent pasted) or
    /// four spaces (`' '`): a code block, printed in a monospaced face and tagged as code.
    IndentedProse(char),
    /// A line of ``` or `~~~` that no such line closes (the mark given): the text after it,
    /// to the end of the text or of its list item or quote, is printed as code (text46a F46a-34).
    UnclosedFence(char),
}

/// The line numbers of offsets into one text, counted from the last one asked for (offsets
/// mostly come in order: a text of 100,000 headings is read once, not once for each).
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, src: &str, offset: usize) -> usize {
        if offset < self.at {
            *self = LineCounter::default();
        }
        self.line += src.as_bytes()[self.at..offset].iter().filter(|&&b| b == b'\n').count();
        self.at = offset;
        self.line
    }
}

/// The line holding byte `at` of `src`, without the spaces around it.
fn line_at(src: &str, at: usize) -> &str {
    let start = src[..at].rfind('\n').map_or(0, |n| n + 1);
    src[start..].lines().next().unwrap_or("").trim()
}

/// Whether `tag` is a block's (not emphasis, a link or an image).
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn ends_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whether a heading's text is a note to the writers rather than a heading: it starts with
/// the word TODO, FIXME, XXX, TBD or NOTE: (in any case), or 要確認, 確認中 or メモ where no
/// more of a word follows (`要確認：数字`, not the heading `要確認事項`, "points to confirm";
/// `メモ 法務`, not `メモリ`).
fn is_note(text: &str) -> bool {
    let starts = |word: &str| text.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    let words = ["TODO", "FIXME", "XXX", "TBD"];
    let word_ends = |word: &str| !text[word.len()..].starts_with(|c: char| c.is_alphanumeric());
    // (No more of a word after them; and `メモ` only alone, or before a space or a colon:
    // `メモ（参考）`, "Memo (reference)", is a heading; text41a F41a-12.)
    let japanese = |word: &str| {
        text.strip_prefix(word).is_some_and(|rest| match word {
            "メモ" => rest.is_empty() || rest.starts_with([' ', '\u{3000}', ':', '：']),
            _ => !rest.starts_with(crate::script::is_kana_or_kanji),
        })
    };
    words.iter().any(|w| starts(w) && word_ends(w))
        || starts("note:")
        || starts("note：")
        || ["要確認", "確認中", "メモ"].into_iter().any(japanese)
}

/// Whether the quote that starts at `at` (its `>`) starts with a number and is most likely
/// "more than" (`> 5%`) rather than a quotation: its `>` glued to the number (`>10 years`),
/// after other marks on its line (`- > 5%`), or under a line of text it breaks into (`rose
/// by` / `> 5%`). A quote set apart, after a blank line or a heading, is one, however it
/// starts (`> 5G and Beyond 5G are …`).
fn more_than(src: &str, at: usize) -> bool {
    let marks = src[at..].len() - src[at..].trim_start_matches(['>', ' ', '\t']).len();
    let quoted = &src[at..at + marks];
    if !src[at + marks..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
    let above = src[..line_start.saturating_sub(1)].rsplit('\n').next().filter(|_| line_start > 0);
    // (Inside a quote, the marks of the quotes around it are no text.)
    let text = |line: &str| line.trim_start_matches(['>', ' ', '\t']).trim_end().to_string();
    let above = above.map(text).unwrap_or_default();
    !quoted.trim_end_matches('>').ends_with([' ', '\t'])
        || !text(&src[line_start..at]).is_empty()
        || !(above.is_empty() || above.starts_with('#'))
}

/// The mark of the line under a heading written as `text` (`-` or `=`), if the heading is
/// a sentence over a line of `---` or `===`, which a writer typed as a rule between parts
/// (text42a F42a-23; `===`, text43a F43a-15): it ends as a sentence does, or runs over more
/// than one line. (In a quote, the line's `>` marks are no part of it.)
fn rule_under_sentence(text: &str) -> Option<char> {
    let text = text.trim_end();
    let (above, rule) = text.rsplit_once('\n')?;
    let rule = rule.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end();
    let sentence = above.trim_end().ends_with(['.', '。', '．', '!', '?', ':', '：', ';']) || above.contains('\n');
    let mark = rule.chars().next().filter(|&c| c == '-' || c == '=')?;
    (rule.chars().all(|c| c == mark) && sentence).then_some(mark)
}

/// Where each paragraph of the indented code block at `range` starts that is prose, with
/// the character it is indented by (a tab or a space): words, and a full stop at its end, and
/// none of the characters of code (`{`, `;`, `=`, `<`, `$`, `\\`, …), so that its writer
/// meant an indented paragraph (text43a F43a-16).
fn indented_prose(src: &str, range: &Range<usize>) -> Vec<(usize, char)> {
    let from = src[..range.start].rfind('\n').map_or(0, |n| n + 1);
    let mut out = Vec::new();
    let mut at = from;
    for paragraph in src[from..range.end].split_inclusive("\n\n") {
        let text = paragraph.trim();
        let start = at + paragraph.len() - paragraph.trim_start_matches('\n').len();
        at += paragraph.len();
        let code = |c: char| "{}[];=<>$\\`|~^_".contains(c);
        // (A call, `print(`, is code too; a full stop inside quotes ends a sentence.)
        let call = text.as_bytes().windows(2).any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'(');
        let ends =
            text.trim_end_matches(['"', '\'', '”', '’', '」']).ends_with(['.', '!', '?', '。', '．', '！', '？']);
        let words = text.split_whitespace().filter(|w| w.starts_with(char::is_alphabetic)).count();
        let japanese = text.chars().filter(|&c| crate::script::is_kana_or_kanji(c)).count();
        // (Or it starts with a bullet, `○ second level`, as Google Docs pastes a list: F45a-7.)
        let bullet = text.starts_with(super::shapes::starts_a_line) || super::shapes::dash_bullet(text);
        if (ends || bullet) && !call && !text.contains(code) && (words >= 3 || japanese >= 5) {
            let indent = if src[start..].starts_with('\t') { '\t' } else { ' ' };
            out.push((start + src[start..].len() - src[start..].trim_start().len(), indent));
        }
    }
    out
}

/// The mark of the fenced code block written as `text` (`` ` `` or `~`) when no line closes
/// it: its last line is no run of as many of the marks as open it, or more. (In a quote, the
/// line's `>` marks are no part of it.)
fn unclosed_fence(text: &str) -> Option<char> {
    let fence = |line: &str| line.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end().to_string();
    let mut lines = text.trim_end_matches(['\n', '\r']).lines();
    let open = fence(lines.next()?);
    let mark = open.chars().next().filter(|&c| c == '`' || c == '~')?;
    let marks = open.chars().take_while(|&c| c == mark).count();
    let last = lines.next_back().map(fence).unwrap_or_default();
    let closed = last.chars().all(|c| c == mark) && last.chars().count() >= marks;
    (!closed).then_some(mark)
}

/// Where in `line` a link's address holds a space (`[report](https://…/Final Report.pdf)`):
/// after `](`, an address up to the `)`, with a space not followed by a quoted title.
fn space_in_address(line: &str) -> bool {
    line.match_indices("](").any(|(at, _)| {
        let rest = &line[at + 2..];
        let Some(end) = rest.find(')') else { return false };
        let address = rest[..end].trim();
        let starts = ["http://", "https://", "www.", "mailto:", "ftp://"];
        let Some(space) = address.find(char::is_whitespace) else { return false };
        let after = address[space..].trim_start();
        starts.iter().any(|s| address.get(..s.len()).is_some_and(|a| a.eq_ignore_ascii_case(s)))
            && !address.starts_with('<')
            && !after.starts_with(['"', '\'', '('])
    })
}

/// Finds the slips of a text as its events stream in ([`Watch::see`] each).
#[derive(Default)]
pub(super) struct Watch {
    /// Blocks open around the event being read: 0 at the text's top level.
    depth: usize,
    /// The last block at the top level was this heading, of this Markdown level, and not a
    /// note (which is reported as that only).
    heading: Option<(u8, Slip)>,
    lines: LineCounter,
    pub(super) slips: Vec<Slip>,
    /// The text's runs of `*`, found at the first text event.
    stars: Option<Vec<Stars>>,
    /// The runs of `*` (indices into `stars`) printed as stars in the block being read.
    printed: Vec<usize>,
    /// A code block is being read.
    code: bool,
    /// The line of the last item that was a figure with a `+` ([`SlipKind::SignedFigure`]).
    plus_figure: Option<usize>,
    /// A list has started and its first item not yet.
    first_item: bool,
    /// The last [`SlipKind::NumberInSentence`]'s start, the lines after it read to, and whether one is blank.
    number_in_sentence: Option<(usize, usize, bool)>,
    /// Where the last run of `*` printed as stars ends.
    printed_until: Option<usize>,
    /// The kinds and lines of the slips found by [`Watch::line_slip`].
    on_lines: std::collections::HashSet<(SlipKind, usize)>,
    /// The lists typed with signs (see `signs`).
    signs: Signs,
}

impl Watch {
    /// Whether a whole line is blank between the last [`SlipKind::NumberInSentence`] and the
    /// item at `at`, or the spaces before it on its line; its lines read once (text45a F45a-27).
    fn blank_since_named(&mut self, src: &str, at: usize) -> Option<bool> {
        let (named, read_to, blank) = self.number_in_sentence.as_mut()?;
        let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
        if !*blank && *read_to < line_start {
            *blank = src[*read_to..line_start].lines().any(|l| l.trim().is_empty());
            *read_to = line_start;
        }
        Some(line_start > *named && (*blank || at > line_start && src[line_start..at].trim().is_empty()))
    }

    pub(super) fn see(&mut self, src: &str, event: &Event<'_>, range: &Range<usize>) {
        self.signs.see(src, event, range);
        match event {
            Event::Start(tag) if is_block(tag) => {
                self.stars_printed(src);
                self.code = matches!(tag, Tag::CodeBlock(_));
                let indented = matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented));
                // (Not an item's text after its marker's spaces, which prints as text.)
                if let Tag::CodeBlock(CodeBlockKind::Fenced(_)) = tag {
                    if let Some(mark) = unclosed_fence(&src[range.clone()]) {
                        self.line_slip(src, SlipKind::UnclosedFence(mark), range.start);
                    }
                }
                if indented && !super::shapes::after_marker(src, range.start) {
                    for (at, indent) in indented_prose(src, range) {
                        self.line_slip(src, SlipKind::IndentedProse(indent), at);
                    }
                }
                if let Tag::Heading { level, .. } = tag {
                    self.heading_at(src, *level as u8, range.start);
                    if let Some(mark) = rule_under_sentence(&src[range.clone()]) {
                        self.line_slip(src, SlipKind::RuleUnderSentence(mark), range.start);
                    }
                } else if self.depth == 0 {
                    self.heading = None;
                }
                if matches!(tag, Tag::Paragraph) {
                    self.paragraph(src, range);
                }
                if matches!(tag, Tag::BlockQuote(_)) && more_than(src, range.start) {
                    self.line_slip(src, SlipKind::QuoteOfNumber, range.start);
                }
                self.first_item |= matches!(tag, Tag::List(_));
                if matches!(tag, Tag::Item) {
                    self.item(src, range.start);
                }
                self.depth += 1;
            }
            Event::Text(_) if !self.code && src[range.clone()].contains('*') => {
                let runs = self.stars.get_or_insert_with(|| star_runs(src));
                // (The runs with a star in the text: those that end after its start and
                // begin before its end.)
                let first = runs.partition_point(|r| r.range.end <= range.start);
                let within = runs[first..].iter().take_while(|r| r.range.start < range.end).count();
                for (k, run) in runs.iter().enumerate().skip(first).take(within) {
                    if self.printed.last() != Some(&k) {
                        self.printed.push(k);
                    }
                    self.printed_until = Some(run.range.end);
                }
            }
            Event::End(tag) if ends_block(tag) => {
                self.stars_printed(src);
                self.code = false;
                self.depth = self.depth.saturating_sub(1)
            }
            Event::Rule if self.depth == 0 => self.heading = None,
            _ => {}
        }
    }

    /// The block whose stars were gathered in `printed` ends: a pair of them beside Japanese
    /// punctuation, or a `**` that pairs with none, is a slip ([`stars::slip_of`]), at its marks.
    fn stars_printed(&mut self, src: &str) {
        let printed = std::mem::take(&mut self.printed);
        let Some(runs) = &self.stars else { return };
        let Some((kind, k)) = stars::slip_of(runs, &printed) else { return };
        let (at, marks) = (runs[k].range.start, stars::on_its_line(src, &runs[k].range));
        let found = self.slips.len();
        self.line_slip(src, kind, at);
        if let Some(slip) = self.slips.get_mut(found) {
            slip.marks = Some(marks);
        }
    }

    /// A slip of `kind` on the line of `at`, once for each line. (Looked up in a set: a text
    /// of 150,000 slips, each checked against every one before, took 18 s; text42a F42a-6.)
    fn line_slip(&mut self, src: &str, kind: SlipKind, at: usize) {
        let line = self.lines.line_of(src, at);
        if !self.on_lines.insert((kind, line)) {
            return;
        }
        self.slips.push(Slip { kind, line, written: line_at(src, at).to_string(), marks: None });
    }

    /// A list item starts at `at` (its marker): a figure with its sign, or a footnote's star,
    /// taken for a bullet, is a slip.
    fn item(&mut self, src: &str, at: usize) {
        let written = src[at..].trim_start_matches([' ', '\t']);
        let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
        // The line above, if it is running text that goes on: not blank, and ending with a
        // lowercase letter or a comma, after three words or more (`trafen sich am`, `The EU
        // side`; not `Participants` or `Agenda:`).
        let above = src[..line_start].strip_suffix('\n').unwrap_or("");
        let above = above.strip_suffix('\r').unwrap_or(above);
        let above = &above[above.rfind('\n').map_or(0, |n| n + 1)..];
        let above = above.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end();
        let sentence = above.split_whitespace().count() >= 3 && above.ends_with(|c: char| c.is_lowercase() || c == ',');
        // (The first item of a list at the text's top level, which breaks into a paragraph.)
        let first = std::mem::take(&mut self.first_item) && self.depth == 1 && line_start == at;
        let number = written.bytes().take_while(u8::is_ascii_digit).count();
        if number > 0 && written[number..].starts_with(". ") {
            let text = written[number + 2..].trim_start();
            // (A year, then a word in lower case, starting a list: a sentence that starts with
            // the date, as Hungarian and Latvian write it; no one numbers a list from 1000.)
            let year = number == 4 && (b'1'..=b'2').contains(&written.as_bytes()[0]);
            if year && first && text.starts_with(char::is_lowercase) {
                self.line_slip(src, SlipKind::YearAsNumber, at);
                return;
            }
            // (Months as the languages that write the day as an ordinal name them after it.)
            let months = "januar jänner februar märz april mai juni juli august september oktober november \
                          dezember january february march may june july october december marts maj \
                          ledna února března dubna května června července srpna září října listopadu prosince \
                          januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra \
                          januarja februarja aprila junija julija avgusta oktobra novembra decembra \
                          stycznia lutego kwietnia czerwca lipca sierpnia września października listopada grudnia \
                          siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna studenoga prosinca \
                          tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta \
                          syyskuuta lokakuuta marraskuuta joulukuuta jaanuaril veebruaril märtsil aprillil mail \
                          juunil juulil augustil septembril oktoobril novembril detsembril";
            // (Its first word: the text's rest, made lower case for each item, took 20 s; F45a-27.)
            let word = &text[..text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len())];
            let lower = word.to_lowercase();
            let month = months
                .split_whitespace()
                .any(|m| lower.strip_prefix(m).is_some_and(|r| !r.starts_with(char::is_alphabetic)));
            // (A date only: a list of lower-case items under a sentence with no colon, `The
            // steps are` / `1. open the file`, is a list as meant. An item after one named so,
            // with no blank line between, goes on the same sentence.)
            if sentence && month && (first || self.blank_since_named(src, at) == Some(false)) {
                self.number_in_sentence = Some((at, src[at..].find('\n').map_or(src.len(), |n| at + n + 1), false));
                self.line_slip(src, SlipKind::NumberInSentence, at);
            }
            return;
        }
        // (Not a key: `- list: item`.)
        let word = written.get(2..).and_then(|w| w.split_whitespace().next()).unwrap_or("");
        // (A parenthesis between dashes only, its closing dash on the line: a list of
        // lower-case items, `We discussed` / `- data flows`, is a list as meant.)
        let rest = written.lines().next().and_then(|l| l.get(2..)).unwrap_or("").trim_end();
        let parenthesis = rest.ends_with(['-', '–', '—']) || [" - ", " – ", " — "].iter().any(|d| rest.contains(d));
        if written.starts_with("- ")
            && sentence
            && first
            && parenthesis
            && word.starts_with(char::is_lowercase)
            && !word.ends_with(':')
        {
            self.line_slip(src, SlipKind::DashInSentence, at);
        }
        let Some(marker) = written.chars().next().filter(|c| "+-*".contains(*c)) else { return };
        let text = written[1..].trim_start_matches([' ', '\t']);
        let line = self.lines.line_of(src, at);
        let figure = text.starts_with(|c: char| c.is_ascii_digit());
        if figure && marker == '+' {
            self.plus_figure = Some(line);
            self.line_slip(src, SlipKind::SignedFigure, at);
        } else if figure && marker == '-' && self.plus_figure.is_some_and(|plus| line.saturating_sub(plus) <= 2) {
            self.line_slip(src, SlipKind::SignedFigure, at);
        } else if marker == '*' {
            // (The line above it, blank lines aside, ends with a single star glued to its
            // text, printed as a star: not one that closes emphasis.)
            let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
            let above = src[..line_start].trim_end();
            let footnote =
                above.strip_suffix('*').is_some_and(|rest| rest.ends_with(|c: char| !c.is_whitespace() && c != '*'));
            if footnote && self.printed_until == Some(above.len()) {
                self.line_slip(src, SlipKind::FootnoteStar, at);
            }
        }
    }

    /// A heading of Markdown level `level` starts at `at`.
    fn heading_at(&mut self, src: &str, level: u8, at: usize) {
        let line = self.lines.line_of(src, at);
        let written = line_at(src, at);
        let slip = |kind| Slip { kind, line, written: written.to_string(), marks: None };
        let text = src[at..].lines().next().unwrap_or("").trim_start_matches('#').trim_start();
        if is_note(text) {
            self.slips.push(slip(SlipKind::Note));
            self.heading = None;
            return;
        }
        if text.starts_with(char::is_lowercase) {
            self.slips.push(slip(SlipKind::NumberSign));
            self.heading = None;
            return;
        }
        if self.depth > 0 {
            return;
        }
        if let Some((above, slip)) = self.heading.take() {
            if level <= above {
                self.slips.push(Slip { kind: SlipKind::HeadingThenHeading, ..slip });
            }
        }
        self.heading = Some((level, slip(SlipKind::HeadingLast)));
    }

    /// A paragraph at `range`: two lines in a row in it that start and end with `|` are the
    /// rows of a table without its `|---|` line.
    fn paragraph(&mut self, src: &str, range: &Range<usize>) {
        let text = &src[range.clone()];
        let row = |line: &str| {
            let line = line.trim();
            line.len() > 1 && line.starts_with(['|', '｜']) && line.ends_with(['|', '｜'])
        };
        // (Typed with the Japanese input on: `｜国名｜人数｜`, which Markdown reads as text.)
        let wide = |line: &str| line.trim().starts_with('｜');
        let mut offset = range.start;
        let mut above: Option<(usize, &str)> = None;
        for line in text.split_inclusive('\n') {
            if line.contains("](") && space_in_address(line) {
                self.line_slip(src, SlipKind::SpaceInAddress, offset);
            }
            if row(line) {
                if let Some((at, first)) = above {
                    // (A `|---|` line under the header, of other columns: that is the slip.)
                    let rule = line.trim().chars().all(|c| "|-: \t".contains(c)) && line.contains('-');
                    let (kind, at, written) = if wide(first) && wide(line) {
                        (SlipKind::WideTable, at, first.trim())
                    } else if wide(first) || wide(line) {
                        above = Some((offset, line));
                        offset += line.len();
                        continue;
                    } else if rule {
                        (SlipKind::TableRuleColumns, offset, line.trim())
                    } else {
                        (SlipKind::TableWithoutRule, at, first.trim())
                    };
                    let line = self.lines.line_of(src, at);
                    self.slips.push(Slip { kind, line, written: written.to_string(), marks: None });
                    return;
                }
                above = Some((offset, line));
            } else {
                above = None;
            }
            offset += line.len();
        }
    }

    /// Whether the list that just ended goes on the one before it, as one list of signs
    /// (`+ Faster procedures` / `- Higher cost`, see `signs`): asked once, at its end.
    pub(super) fn joins(&mut self) -> bool {
        std::mem::take(&mut self.signs.join)
    }

    /// The slips found, in the order of the text, and whether the text ends with a footnote
    /// that Markdown reads as a list of one `*` item, to print with its star (see `signs`).
    pub(super) fn finish(mut self, src: &str) -> (Vec<Slip>, bool) {
        self.stars_printed(src);
        self.signs.finish();
        for (kind, at) in std::mem::take(&mut self.signs.found) {
            // (A `+` figure is told as that: `+ 5 % exports`.)
            let line = self.lines.line_of(src, at);
            if !(kind == SlipKind::PlusBullet && self.on_lines.contains(&(SlipKind::SignedFigure, line))) {
                self.line_slip(src, kind, at);
            }
        }
        let footnote = self.signs.printed(src, &mut self.slips);
        self.slips.extend(self.heading.take().map(|(_, slip)| slip));
        self.slips.sort_by_key(|s| s.line);
        (self.slips, footnote)
    }
}

/// The lines of `src` (numbers from 0) on which Markdown starts a block of its own: a list
/// item, a heading, a table row, a quote, a fenced code block or a rule. (A paragraph's
/// lines after its first are no such line.)
pub fn block_lines(src: &str) -> Vec<usize> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut lines = LineCounter::default();
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let own = match &event {
            Event::Start(tag) => matches!(
                tag,
                Tag::Item
                    | Tag::Heading { .. }
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(CodeBlockKind::Fenced(_))
            ),
            Event::Rule => true,
            _ => false,
        };
        if own {
            let line = lines.line_of(src, range.start);
            if out.last() != Some(&line) {
                out.push(line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slips(src: &str) -> Vec<(SlipKind, usize, String)> {
        crate::markdown::parse_checked(src).1.slips.into_iter().map(|s| (s.kind, s.line, s.written)).collect()
    }

    fn one(kind: SlipKind, line: usize, written: &str) -> Vec<(SlipKind, usize, String)> {
        vec![(kind, line, written.to_string())]
    }

    #[test]
    fn prose_indented_as_code_is_found_and_code_is_not() {
        // text43a F43a-16: Word's first-line indent, a tab, made a paragraph a code block.
        let src = "Intro.\n\n\tJapan presented its Beyond 5G strategy.\n\n\t双方は協力を確認した。\n\n    Four spaces: \"We agree.\"";
        assert_eq!(
            slips(src),
            [
                (SlipKind::IndentedProse('\t'), 2, "Japan presented its Beyond 5G strategy.".to_string()),
                (SlipKind::IndentedProse('\t'), 4, "双方は協力を確認した。".to_string()),
                (SlipKind::IndentedProse(' '), 6, "Four spaces: \"We agree.\"".to_string()),
            ]
        );
        for code in [
            "    x = 1;",
            "    print(\"Both sides agreed.\")",
            "    $ briefing build seed.yaml",
            "    C:\\Users\\Public",
            "    see_also the file.",
            "    Done",
            "```\nThe Commission presented it.\n```",
        ] {
            assert_eq!(slips(&format!("Intro.\n\n{code}")), [], "{code}");
        }
        // A bullet indented as Google Docs pastes a second level, after a blank line, is named
        // though it ends with no full stop; an item's text after its marker's spaces prints as
        // text and is not (text45a F45a-7).
        let src = "Next steps:\n\n    ○ second level after blank";
        assert_eq!(slips(src), one(SlipKind::IndentedProse(' '), 2, "○ second level after blank"));
        assert_eq!(slips("Next steps:\n\n1.      Draft a joint note.\n\n2.      Hold a call."), []);
    }

    #[test]
    fn a_note_written_as_a_heading_is_found() {
        let src = "Both sides agreed.\n# TODO: check figures with legal before release\nThe next meeting is in Tokyo.";
        assert_eq!(slips(src), one(SlipKind::Note, 1, "# TODO: check figures with legal before release"));
        for note in [
            "## fixme",
            "# XXX check",
            "# tbd",
            "# Note: ask",
            "# 要確認：数字",
            "# 要確認 法務",
            "# 要確認（数字）",
            "# 確認中",
            "# 確認中。",
            "# メモ 法務",
            "- # TODO",
        ] {
            assert_eq!(slips(&format!("{note}\n\nText.")).len(), 1, "{note}");
        }
        // text40a F40a-27: a word that starts as a note's does is a heading's.
        for heading in [
            "# Todos for 2026",
            "# Notes",
            "# メモリ市場",
            "# TBDs",
            "# XXXL sizes",
            "## 要確認事項",
            "## 確認中の論点",
            "# メモ帳",
            "## メモ（参考）",
            "## 要確認事項（第2版）",
        ] {
            assert_eq!(slips(&format!("{heading}\n\nText.")), [], "{heading}");
        }
    }

    /// text42a F42a-23: a sentence over `---` is a heading; F42a-27: an address with a space
    /// is no link.
    #[test]
    fn a_rule_under_a_sentence_and_a_space_in_an_address_are_found() {
        let src = "Both sides agreed on the roadmap.\n---\nThe next meeting is in Tokyo.";
        assert_eq!(slips(src), one(SlipKind::RuleUnderSentence('-'), 0, "Both sides agreed on the roadmap."));
        assert_eq!(slips("Line one\nline two\n---\n\nText.").len(), 1, "two lines over it");
        assert_eq!(slips("Overview\n---\nText."), [], "a heading written so");
        assert_eq!(slips("Text.\n\n---\n\nMore."), [], "a rule after a blank line");
        // text43a F43a-15: and so is one over `===`, and in a quote or a list item.
        let sentence = "Both sides agreed on the roadmap, including a review in spring.";
        for (typed, mark, written) in [
            (format!("{sentence}\n===\nNext."), '=', sentence.to_string()),
            (format!("> {sentence}\n> ---\n> Quote end."), '-', format!("> {sentence}")),
            (format!("> > {sentence}\n> > ==="), '=', format!("> > {sentence}")),
            (format!("- {sentence}\n  ===\n- Next."), '=', format!("- {sentence}")),
        ] {
            assert_eq!(slips(&typed), one(SlipKind::RuleUnderSentence(mark), 0, &written), "{typed}");
        }
        assert_eq!(slips("> Overview\n> ===\n> Text."), [], "a heading in a quote");
        let link = "See [the report](https://www.soumu.go.jp/Final Report 2026.pdf) for details.";
        assert_eq!(slips(link), one(SlipKind::SpaceInAddress, 0, link));
        for fine in [
            "See [the report](https://example.org/a \"Title\").",
            "See [the report](<https://example.org/a b>).",
            "See [the report](https://example.org/a%20b) (page 2).",
        ] {
            assert_eq!(slips(fine), [], "{fine}");
        }
    }

    /// text43a F43a-4: a date a hand-wrapped line starts with (`am` / `1. Oktober`) is a
    /// numbered item; F43a-5: a dash (`The EU side` / `- represented by`) is a bullet.
    #[test]
    fn a_number_or_a_dash_that_breaks_into_a_sentence_is_found() {
        let german = "Die Delegationen trafen sich am\n1. Oktober 2026 in Brüssel und vereinbarten, sich am\n12. Mai 2027 in Tokio wieder zu treffen.";
        let kinds = |src: &str| slips(src).into_iter().map(|(k, line, _)| (k, line)).collect::<Vec<_>>();
        assert_eq!(kinds(german), [(SlipKind::NumberInSentence, 1), (SlipKind::NumberInSentence, 2)]);
        let czech =
            "Delegace se sešly v Bruselu dne\n1. října 2026 a dohodly se, že se znovu sejdou\n3. března 2027 v Tokiu.";
        assert_eq!(kinds(czech), [(SlipKind::NumberInSentence, 1), (SlipKind::NumberInSentence, 2)]);
        let dash = "The EU side\n- represented by DG CONNECT and DG TRADE -\nexplained the new regulation.";
        assert_eq!(slips(dash), one(SlipKind::DashInSentence, 1, "- represented by DG CONNECT and DG TRADE -"));
        for fine in [
            "The agenda was as follows:\n1. opening\n2. closing",
            "Agenda\n1. Opening\n2. Closing",
            "Participants\n- ministers\n- officials",
            "title: the same\n- list: item",
            "We discussed the following\n- Data flows\n- Semiconductors",
            "We met on\n\n1. Oktober",
            "- a first item that runs over\n  two lines and goes on\n  - a nested one",
            "- a first item that runs over\n  two lines and goes on\n- a second one",
            "1. Opening of the meeting by the\n2. chair",
            "We discussed the following\n- data flows\n- semiconductors",
            "The steps are as follows\n1. open the file\n2. save it",
            "Die nächsten Schritte sind\n1. prüfen\n2. senden",
        ] {
            assert_eq!(slips(fine), [], "{fine}");
        }
    }

    /// text43a F43a-31: a table typed with the Japanese input's `｜` and `－`.
    #[test]
    fn a_table_of_full_width_bars_is_found() {
        let src = "表のとおり。\n\n｜国名｜人数｜\n｜－－－｜－－－｜\n｜日本｜１２｜";
        assert_eq!(slips(src), one(SlipKind::WideTable, 2, "｜国名｜人数｜"));
        for fine in ["｜国名｜人数｜", "｜国名｜\n|a|", "参照｜資料｜\n｜日本｜"] {
            assert_eq!(slips(fine), [], "{fine}");
        }
    }

    /// text43a F43a-37: a paragraph that starts with the year, as Hungarian and Latvian write
    /// the date, is item 2026 of a list.
    #[test]
    fn a_paragraph_that_starts_with_a_year_is_found() {
        let hungarian = "Bevezetés.\n\n2026. május 12-én a két fél Brüsszelben találkozott.";
        assert_eq!(
            slips(hungarian),
            one(SlipKind::YearAsNumber, 2, "2026. május 12-én a két fél Brüsszelben találkozott.")
        );
        assert_eq!(slips("2026. gada 12. maijā puses tikās.").len(), 1);
        for fine in ["2026. Május", "1. május", "12. május", "3000. lépés", "Agenda\n\n1990. A year"] {
            assert_eq!(slips(fine), [], "{fine}");
        }
    }

    /// text42a F42a-4: `# of participants` is the sign for "number"; F42a-5: `+ 5 %` and `- 2 %`
    /// are figures with their signs, and `* Provisional` under `12 %.*` is a footnote's star.
    #[test]
    fn signs_and_stars_taken_for_markup_are_found() {
        let src = "# of participants: 40 from Japan.\n\nBoth sides welcomed it.\n- # of side events: 6";
        assert_eq!(
            slips(src),
            [
                (SlipKind::NumberSign, 0, "# of participants: 40 from Japan.".to_string()),
                (SlipKind::NumberSign, 3, "- # of side events: 6".to_string())
            ]
        );
        // (A `+` figure alone; under it a `-` one, the two signs print: F47a-10.)
        assert_eq!(slips("Year on year:\n\n+ 5 % exports\n\nMore."), one(SlipKind::SignedFigure, 2, "+ 5 % exports"));
        assert_eq!(slips("Year on year:\n\n+ 5 % exports\n- 2 % imports"), []);
        assert_eq!(
            slips("Trade grew by 12 %.*\n\n* Provisional figures, Eurostat.\n* Source: OECD."),
            one(SlipKind::FootnoteStar, 2, "* Provisional figures, Eurostat.")
        );
        // Headings, bullets of years and figures, and lists of stars after emphasis, are theirs.
        for src in [
            "# Overview\n\nText.",
            "# 概要\n\nText.",
            "# 5G and Beyond\n\nText.",
            "- 2024: launch\n- 2026: review",
            "- 5 % growth\n- 3 % inflation",
            "Agreed on *this*\n\n* one\n* two",
            "Text.\n\n* one\n* two",
            "Text:\n* one",
            "**Bold**\n* item",
            "* a\n* b",
        ] {
            assert_eq!(slips(src), [], "{src}");
        }
    }

    #[test]
    fn plus_items_alone_and_a_footnote_star_before_more_text_are_found() {
        // text47a F47a-10: plus signs or bullets, a footnote or a bullet, which the tool
        // cannot know; pros and cons, and a footnote that ends the text, print as typed.
        assert_eq!(
            slips("Pros:\n\n+ Faster procedures\n+ Less paperwork\n\nCons follow."),
            one(SlipKind::PlusBullet, 2, "+ Faster procedures")
        );
        assert_eq!(slips("- Pros\n  + Faster procedures"), one(SlipKind::PlusBullet, 1, "+ Faster procedures"));
        assert_eq!(
            slips("Trade grew by 12 % in 2025.\n\n* Figures are provisional.\n\nThe next meeting is in May."),
            one(SlipKind::FootnoteStar, 2, "* Figures are provisional.")
        );
        for src in [
            "The Council weighed it.\n\n+ Faster procedures\n- Higher cost\n+ Less paperwork",
            "+ Faster procedures\n\n- Higher cost\n\nText.",
            "> + Faster\n> - Dearer",
            "Trade grew by 12 % in 2025.\n* Figures are provisional.",
            "Trade grew by 12 %.*\n\n* Provisional figures, Eurostat.",
            "「数字は暫定値。」\n\n* 出典：総務省",
            "Agenda:\n\n* One point only.\n\nText.",
            "**Bold**\n* item\n\nText.",
            "Text.\n\n* one\n* two\n\nText.",
            "# Heading\n\n* one\n\nText.",
            "- a\n- b",
            "Text \\+ Faster",
        ] {
            assert_eq!(slips(src), [], "{src}");
        }
    }

    #[test]
    fn a_heading_with_no_text_under_it_is_found() {
        assert_eq!(slips("Text.\n\n## Next steps"), one(SlipKind::HeadingLast, 2, "## Next steps"));
        assert_eq!(
            slips("# One\n# Two\n\nText."),
            one(SlipKind::HeadingThenHeading, 0, "# One"),
            "a heading then one of the same level"
        );
        assert_eq!(slips("### Three\n## Two\ntext"), one(SlipKind::HeadingThenHeading, 0, "### Three"));
        // A deeper heading, a list or a rule under it is something under it.
        assert_eq!(slips("# One\n## Two\ntext\n\n# Three\n- a\n\n# Four\n\n---\n\ntext"), []);
        // Headings in lists and quotes are theirs.
        assert_eq!(slips("- # Item"), []);
    }

    #[test]
    fn a_quote_that_starts_with_a_number_is_found() {
        assert_eq!(slips("Of the operators,\n> 5% agreed."), one(SlipKind::QuoteOfNumber, 1, "> 5% agreed."));
        assert_eq!(slips(">10 years"), one(SlipKind::QuoteOfNumber, 0, ">10 years"));
        assert_eq!(slips("Text.\n\n>>5 %").len(), 1, "glued to the number");
        assert_eq!(slips("> A quote.\n> 5 more lines"), [], "a number on a quote's later line");
        assert_eq!(slips("- > 5%").len(), 1, "in a list item too");
        assert_eq!(slips("- rose by\n  > 5%").len(), 1, "under an item's text");
        assert_eq!(slips("> it rose by\n> > 5%").len(), 1, "under a quote's text");
        // text40a F40a-7: a quotation set apart, after a blank line or a heading, is one.
        for quote in [
            "> 5G and Beyond 5G are the backbone.",
            "Commissioner Virkkunen opened the session:\n\n> 5G and Beyond 5G are the backbone.",
            "## Opening\n> 2030 is the target for the Digital Decade.",
            "> A quote.\n>\n> > 6G in 2030.",
            "- Intro:\n\n  > 5G is here.",
        ] {
            assert_eq!(slips(quote), [], "{quote}");
        }
    }

    #[test]
    fn emphasis_marks_beside_japanese_punctuation_are_found() {
        assert_eq!(
            slips("これは**「重要」**です。"),
            one(SlipKind::MarksBesideJapanese, 0, "これは**「重要」**です。")
        );
        assert_eq!(slips("結果は*「未定」*。\n\n次も**。**").len(), 2);
        // Marks that made bold or emphasis, and stars beside other characters, are no slip.
        for fine in ["これは「**重要**」です。", "「重要」*注*。", "**重要**です", "2 * 3", "a ** b", "「a」 * 2"]
        {
            assert_eq!(slips(fine), [], "{fine}");
        }
        // text40a F40a-28: a footnote mark is a star that pairs with nothing.
        for fine in [
            "AI関連投資額は前年比20%増（*1）となった。\n\n*1：2024年度実績。",
            "20%増（*1）、30%減（*2）となった。",
            "20%増(*1)、30%減(*2)。",
            "増加した。*\n\n*：速報値。",
            "```\n**「code」**\n```",
        ] {
            assert_eq!(slips(fine), [], "{fine}");
        }
        // A pair on two lines of a paragraph, or in a list item, is named at the first.
        assert_eq!(
            slips("結果は**「未定」\nのまま**です。"),
            one(SlipKind::MarksBesideJapanese, 0, "結果は**「未定」")
        );
        assert_eq!(slips("- 次回は*「東京」*で開催。").len(), 1);
        // text48a F48a-9: a `**` in Japanese text that no other closes, printed as typed.
        let unclosed = "本日は**重要な会合を開催した。";
        assert_eq!(slips(unclosed), one(SlipKind::UnclosedMarks, 0, unclosed));
        assert_eq!(slips("前置き。\n\n重要な**会合を開催した。")[0].0, SlipKind::UnclosedMarks);
        for fine in ["本日は**重要**な会合", "2**3", "a ** b", "The **important meeting.", "増加（*1）", "「**」"]
        {
            assert_eq!(slips(fine), [], "{fine}");
        }
    }

    /// text42a F42a-19: a rule line of fewer columns than the header is named as that.
    #[test]
    fn a_rule_line_of_other_columns_is_found() {
        let src = "| Country | Delegates | Head |\n|---|---|\n| Japan | 40 | Sato |";
        assert_eq!(slips(src), one(SlipKind::TableRuleColumns, 1, "|---|---|"));
        assert_eq!(slips("| A | B |\n|---|---|\n| 1 | 2 |"), [], "a table");
    }

    #[test]
    fn table_rows_without_the_rule_line_are_found() {
        let src = "Budget:\n\n| Item | Amount |\n| 5G   | 10     |\n| AI   | 20     |\n";
        assert_eq!(slips(src), one(SlipKind::TableWithoutRule, 2, "| Item | Amount |"));
        // With its rule, a table; one line alone, or lines that only start with `|`, text.
        assert_eq!(slips("| a | b |\n|---|---|\n| 1 | 2 |\n"), []);
        assert_eq!(slips("| a | b |\ntext\n| c |\n"), []);
        assert_eq!(slips("| a\n| b\n"), []);
        // The rule with a column too few is no rule.
        assert_eq!(slips("| a | b |\n|---|\n| 1 | 2 |\n").len(), 1);
    }

    #[test]
    fn lines_that_start_blocks_are_listed() {
        let src = "Intro\n- a\n- b\n\n| x |\n|---|\n| 1 |\n> q\n# h\n1. one\n```\ncode\n```\ntext\n***";
        assert_eq!(block_lines(src), [1, 2, 4, 6, 7, 8, 9, 10, 14]);
        assert_eq!(block_lines("Both sides agreed\non a wrapped\nparagraph.\n\n2026. Is no list here."), [4]);
        assert!(block_lines("Wrapped\n2026. is no list").is_empty());
    }
}
