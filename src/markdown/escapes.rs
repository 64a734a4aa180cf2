//! Which backslashes Markdown may take away. CommonMark drops a backslash before any ASCII
//! punctuation, so `\\server\share`, `C:\Users\_data` and `\d+\.\d+` would print one
//! character short. A briefing keeps a backslash unless it stops markup that would
//! otherwise apply at that place: `\*`, `` \` ``, `\[`, `\]`, `\!` before `[`, `\(` after
//! `]`, `\|` in a table, and the character that would start a block at the start of a line
//! (`\#`, `\>`, `\-`, `\+`, `\=`, `` \~ ``, `1\.`, `1\)`). Everything else keeps its
//! backslash, as typed.

/// Whether the text that starts at `at` follows a backslash that escapes it (an odd run of
/// backslashes: in `\\*` the second backslash is itself the escaped character).
pub(super) fn escaped(src: &str, at: usize) -> bool {
    let run = src.as_bytes()[..at].iter().rev().take_while(|&&b| b == b'\\').count();
    run % 2 == 1
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
            let line = &src[src[..slash].rfind('\n').map_or(0, |n| n + 1)..slash];
            // Only what can stand before a block's first character: indentation, quote
            // marks, list markers, and for `1.` and `1)` the number.
            let ordinal = matches!(c, b'.' | b')');
            let before = line.trim_end_matches(|ch: char| ordinal && ch.is_ascii_digit());
            (!ordinal || before.len() < line.len())
                && before.chars().all(|ch| matches!(ch, ' ' | '\t' | '>' | '-' | '+' | '*'))
                && (before.is_empty() || before.ends_with([' ', '\t', '>']))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(src: &str) -> Vec<bool> {
        // Where CommonMark sees an escape: ASCII punctuation after an odd run of backslashes.
        let escapes = (1..src.len()).filter(|&i| src.as_bytes()[i].is_ascii_punctuation() && escaped(src, i));
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
        assert!(escaped(r"\*", 1));
        assert!(!escaped(r"\\*", 2));
        assert!(escaped(r"\\\*", 3));
    }
}
