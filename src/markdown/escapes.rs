//! Which backslashes Markdown may take away. CommonMark drops a backslash before any ASCII
//! punctuation, so `\\server\share`, `C:\Users\_data` and `\d+\.\d+` would print one
//! character short. A briefing keeps a backslash unless it stops markup that would
//! otherwise apply at that place: `\*`, `` \` ``, `\[`, `\]`, `\!` before `[`, `\(` after
//! `]`, `\|` in a table, and the character that would start a block at the start of a line
//! (`\#`, `\>`, `\-`, `\+`, `\=`, `` \~ ``, `1\.`, `1\)`). Everything else keeps its
//! backslash, as typed.

/// Every run of backslashes in a text, found in one pass, so that whether a place follows an
/// escaping backslash is a search, not a walk back over the run (a body of a million
/// backslashes would otherwise take time in the square of its length).
pub(super) struct Backslashes(Vec<(usize, usize)>);

impl Backslashes {
    pub(super) fn of(src: &str) -> Backslashes {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (at, _) in src.match_indices('\\') {
            match runs.last_mut() {
                Some(run) if run.1 == at => run.1 = at + 1,
                _ => runs.push((at, at + 1)),
            }
        }
        Backslashes(runs)
    }

    /// Whether the text that starts at `at` follows a backslash that escapes it (an odd run
    /// of backslashes: in `\\*` the second backslash is itself the escaped character).
    pub(super) fn escape(&self, at: usize) -> bool {
        let k = self.0.partition_point(|run| run.1 < at);
        // (The escaped character may be a backslash itself, inside the run.)
        self.0.get(k).is_some_and(|&(start, _)| start < at && (at - start) % 2 == 1)
    }
}

/// Whether the escape of the character at `at` (with its backslash just before it) stops
/// markup, so that the backslash goes, as CommonMark has it; `false` keeps the backslash.
pub(super) fn stops_markup(src: &str, at: usize, in_table: bool) -> bool {
    let bytes = src.as_bytes();
    let Some(&c) = bytes.get(at) else { return false };
    let slash = at - 1;
    match c {
        b'*' | b'`' | b'[' | b']' => true,
        b'!' => bytes.get(at + 1) == Some(&b'['),
        b'(' => slash > 0 && bytes[slash - 1] == b']',
        b'|' => in_table,
        b'#' | b'>' | b'-' | b'+' | b'=' | b'~' | b'.' | b')' => {
            // Only what can stand before a block's first character on its line: indentation,
            // quote marks, list markers, and for `1.` and `1)` the number. (Read backwards
            // from the backslash, and only as far as such characters go.)
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
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(src: &str) -> Vec<bool> {
        // Where CommonMark sees an escape: ASCII punctuation after an odd run of backslashes.
        let runs = Backslashes::of(src);
        let escapes = (1..src.len()).filter(|&i| src.as_bytes()[i].is_ascii_punctuation() && runs.escape(i));
        escapes.map(|i| !stops_markup(src, i, false)).collect()
    }

    #[test]
    fn backslashes_that_stop_markup_go_and_the_rest_stay() {
        assert_eq!(kept(r"\*a\* \[b\] \`c"), [false, false, false, false, false]);
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
