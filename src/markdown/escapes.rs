//! Which backslashes Markdown may take away. CommonMark drops a backslash before any ASCII
//! punctuation, so `\\server\share`, `C:\Users\_data` and `\d+\.\d+` would print one
//! character short. A briefing keeps a backslash unless it stops markup that would
//! otherwise apply at that place: `\*` and `` \` `` where another `*` or `` ` `` in the same
//! block could pair with them (so `C:\*.txt` alone keeps its backslash), `\[`, `\]`, `\!`
//! before `[`, `\(` after `]`, `\|` in a table, and the character that would start a block at
//! the start of a line (`\#`, `\>`, `\-`, `\+`, `\*`, `\=`, `` \~ ``, `1\.`, `1\)`).
//! Everything else keeps its backslash, as typed.

/// Every run of backslashes in a text, and where its asterisks, backticks and blank lines
/// are, found in one pass, so that whether a place follows an escaping backslash, or has a
/// partner in its block, is a search, not a walk over the text (a body of a million
/// backslashes would otherwise take time in the square of its length).
pub(super) struct Backslashes {
    runs: Vec<(usize, usize)>,
    /// Every asterisk outside code: its place, and for each, the place of the last one
    /// before it that could open emphasis and of the first after it that could close it.
    stars: Vec<usize>,
    openers_before: Vec<Option<usize>>,
    closers_after: Vec<Option<usize>>,
    ticks: Vec<usize>,
    /// Every `|`: emphasis does not cross a table's cells, and a `\*` kept where a `|`
    /// stands between it and its partner loses no character.
    bars: Vec<usize>,
    /// Where each blank line starts: the ends of blocks, near enough (a block between two
    /// holds every `*` that could pair with one inside it).
    blank_lines: Vec<usize>,
}

impl Backslashes {
    pub(super) fn of(src: &str) -> Backslashes {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let (mut stars, mut ticks, mut blank_lines, mut bars) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut flanks: Vec<(bool, bool)> = Vec::new();
        let mut line_start = 0;
        let mut blank = true;
        // Backticks so far in the block: after an odd number, text is in code, near enough.
        let mut ticks_in_block = 0usize;
        for (at, b) in src.bytes().enumerate() {
            match b {
                b'\\' => match runs.last_mut() {
                    Some(run) if run.1 == at => run.1 = at + 1,
                    _ => runs.push((at, at + 1)),
                },
                b'*' if ticks_in_block.is_multiple_of(2) => {
                    let escaped = runs.last().is_some_and(|run| run.1 == at && (run.1 - run.0) % 2 == 1);
                    stars.push(at);
                    flanks.push(flanking(src, if escaped { at - 1 } else { at }, at + 1));
                }
                b'|' => bars.push(at),
                b'`' => {
                    ticks.push(at);
                    ticks_in_block += 1;
                }
                b'\n' => {
                    if blank {
                        blank_lines.push(line_start);
                        ticks_in_block = 0;
                    }
                    line_start = at + 1;
                    blank = true;
                    continue;
                }
                _ => {}
            }
            blank &= b == b' ' || b == b'\t' || b == b'\r';
        }
        let mut openers_before = Vec::with_capacity(stars.len());
        let mut last = None;
        for (k, &at) in stars.iter().enumerate() {
            openers_before.push(last);
            if flanks[k].0 {
                last = Some(at);
            }
        }
        let mut closers_after = vec![None; stars.len()];
        let mut next = None;
        for (k, &at) in stars.iter().enumerate().rev() {
            closers_after[k] = next;
            if flanks[k].1 {
                next = Some(at);
            }
        }
        Backslashes { runs, stars, openers_before, closers_after, ticks, bars, blank_lines }
    }

    /// The block `at` is in: from the blank line before it to the one after.
    fn block(&self, at: usize) -> std::ops::Range<usize> {
        let k = self.blank_lines.partition_point(|&b| b <= at);
        let from = if k == 0 { 0 } else { self.blank_lines[k - 1] };
        from..self.blank_lines.get(k).copied().unwrap_or(usize::MAX)
    }

    /// Whether the escaped asterisk at `at` (its backslash at `slash`) could pair with
    /// another in its block if it were not escaped: close one that could open before it, or
    /// open one that could close after it (CommonMark's flanking rules).
    fn star_pairs(&self, src: &str, slash: usize, at: usize) -> bool {
        let Ok(k) = self.stars.binary_search(&at) else { return false };
        // (A star that would print as typed without its backslash, between marks or beside a
        // path's slash (`C:\*.txt`), or between a letter and a lowercase one (`a\*b`), stops
        // nothing: text49b F49b-6, two in a paragraph lost their backslashes.)
        let before = src[..slash].chars().next_back();
        let after = src[at + 1..].chars().next();
        let inside_word = before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_lowercase);
        if super::literal::star_between(before, after) || inside_word {
            return false;
        }
        let (open, close) = flanking(src, slash, at + 1);
        let block = self.block(at);
        let bars =
            |from: usize, to: usize| self.bars.partition_point(|&b| b < to) - self.bars.partition_point(|&b| b < from);
        // (Nor a partner that prints as typed by the same rule, escaped or not.)
        let literal = |p: usize| {
            let head = &src[..p];
            let before = head.strip_suffix('\\').unwrap_or(head).chars().next_back();
            super::literal::star_between(before, src[p + 1..].chars().next())
        };
        let near = |p: usize| block.contains(&p) && bars(p.min(at), p.max(at)) == 0 && !literal(p);
        (close && self.openers_before[k].is_some_and(near)) || (open && self.closers_after[k].is_some_and(near))
    }

    /// Whether the text that starts at `at` follows a backslash that escapes it (an odd run
    /// of backslashes: in `\\*` the second backslash is itself the escaped character).
    pub(super) fn escape(&self, at: usize) -> bool {
        let k = self.runs.partition_point(|run| run.1 < at);
        // (The escaped character may be a backslash itself, inside the run.)
        self.runs.get(k).is_some_and(|&(start, _)| start < at && (at - start) % 2 == 1)
    }

    /// Whether the escape of the character at `at` (with its backslash just before it) stops
    /// markup, so that the backslash goes, as CommonMark has it; `false` keeps the backslash.
    pub(super) fn stops_markup(&self, src: &str, at: usize, in_table: bool) -> bool {
        let bytes = src.as_bytes();
        let Some(&c) = bytes.get(at) else { return false };
        let slash = at - 1;
        match c {
            // Emphasis needs a partner that could close or open it; code, a backtick after it.
            b'*' => {
                let bullet = matches!(bytes.get(at + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'*'));
                (bullet && at_block_start(bytes, slash, c)) || self.star_pairs(src, slash, at)
            }
            // (A backtick left open before it, by an odd count, or one after it.)
            b'`' => {
                let block = self.block(at);
                let (first, this) =
                    (self.ticks.partition_point(|&t| t < block.start), self.ticks.partition_point(|&t| t < at));
                (this - first) % 2 == 1 || self.ticks.get(this + 1).is_some_and(|t| block.contains(t))
            }
            b'[' | b']' => true,
            b'!' => bytes.get(at + 1) == Some(&b'['),
            b'(' => slash > 0 && bytes[slash - 1] == b']',
            b'|' => in_table,
            b'#' | b'>' | b'-' | b'+' | b'=' | b'~' | b'.' | b')' => at_block_start(bytes, slash, c),
            _ => false,
        }
    }
}

/// Whether only what can stand before a block's first character stands before the backslash
/// at `slash` on its line: indentation, quote marks, list markers, and for `1.` and `1)` (`c`
/// is `.` or `)`) the number. (Read backwards from the backslash, and only as far as such
/// characters go.)
fn at_block_start(bytes: &[u8], slash: usize, c: u8) -> bool {
    let mut before = bytes[..slash].iter().rev().take_while(|&&b| b != b'\n').peekable();
    if matches!(c, b'.' | b')') {
        let mut digits = 0;
        while before.next_if(|b| b.is_ascii_digit()).is_some() {
            digits += 1;
        }
        if digits == 0 {
            return false;
        }
    }
    match before.peek() {
        None => true,
        Some(b' ' | b'\t' | b'>') => before.all(|b| matches!(b, b' ' | b'\t' | b'>' | b'-' | b'+' | b'*')),
        Some(_) => false,
    }
}

/// Whether an asterisk between the text that ends at `before` and the text that starts at
/// `after` could open emphasis, and whether it could close it: CommonMark's left- and
/// right-flanking (`a * b` could do neither).
fn flanking(src: &str, before: usize, after: usize) -> (bool, bool) {
    let before = src[..before].chars().next_back();
    let after = src.get(after..).and_then(|s| s.chars().next());
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace()));
    let left = !space(after) && (!punct(after) || space(before) || punct(before));
    let right = !space(before) && (!punct(before) || space(after) || punct(after));
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(src: &str) -> Vec<bool> {
        // Where CommonMark sees an escape: ASCII punctuation after an odd run of backslashes.
        let runs = Backslashes::of(src);
        let escapes = (1..src.len()).filter(|&i| src.as_bytes()[i].is_ascii_punctuation() && runs.escape(i));
        escapes.map(|i| !runs.stops_markup(src, i, false)).collect()
    }

    #[test]
    fn backslashes_that_stop_markup_go_and_the_rest_stay() {
        assert_eq!(kept(r"\*a\* \[b\] \`c\`"), [false, false, false, false, false, false]);
        // Nothing to pair with in the block: no code span, no emphasis to stop.
        assert_eq!(kept("\\`c\n\n\\*.txt \\ b"), [true, true]);
        assert_eq!(kept("a \\* b"), [true]);
        // At a line's start, `*` and a space would be a list; `*.txt` would not.
        assert_eq!(kept("\\* a\n\n\\**b*"), [false, false]);
        assert_eq!(kept(r"C:\Users\_data \d+\.\d+ \& \< \%"), [true, true, true, true, true]);
        assert_eq!(kept(r"\# title"), [false]);
        assert_eq!(kept("x\n  \\- item"), [false]);
        assert_eq!(kept("1\\. no list"), [false]);
        assert_eq!(kept("> \\# in a quote"), [false]);
        assert_eq!(kept(r"a \# b"), [true]);
        assert_eq!(kept(r"\![alt](x) [a]\(b) a\(b"), [false, false, true]);
    }

    #[test]
    fn an_escaped_backslash_escapes_nothing_after_it() {
        assert!(Backslashes::of(r"\*").escape(1));
        assert!(!Backslashes::of(r"\\*").escape(2));
        assert!(Backslashes::of(r"a\\\* \\\\\\").escape(4));
        assert!(!Backslashes::of(r"a\\\* \\\\\\").escape(5));
        assert!(Backslashes::of(r"\\srv").escape(1));
    }
}
