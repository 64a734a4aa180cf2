//! Marks typed for a list item's `- ` before a key (`– title:`, `ー title:`, `* title:`,
//! `1. title:`): what a word processor's autocorrect, a pasted list, a Japanese input method
//! or the habit of Markdown puts there. YAML reads the line as text, or the `*` as an alias,
//! and names neither (text37a F37a-8, text42a F42a-16, F42a-21); [`super::wide`] names each
//! at the mark and reads it as `- `.

use super::wide::WIDE_SPACE;

/// A full-width hyphen-minus, as the Japanese input types `-` in full width.
pub(super) const WIDE_DASH: char = '\u{FF0D}';

/// What a word processor or a paste puts for a list item's `-`: an en dash, an em dash, a
/// minus sign, a hyphen and a non-breaking hyphen, a figure dash, a hyphen bullet, a small
/// hyphen-minus; the bullets of a word processor's levels (`•`, `◦`, `▪`), a middle dot, a
/// white circle (`○`, as Japanese lists are written), a katakana middle dot, and the
/// long-vowel mark `ー`, which the Japanese input types for `-` (text42a F42a-16).
const LOOK_ALIKES: [char; 15] = ['–', '—', '−', '‐', '‑', '‒', '⁃', '﹣', '•', '◦', '▪', '·', '○', '・', 'ー'];

/// Whether `text` may hold a line that starts with one (before a key: the caller looks).
pub(super) fn may_hold(text: &str) -> bool {
    text.contains(WIDE_DASH)
        || text.contains(LOOK_ALIKES)
        || text.lines().any(|line| markdown_mark(line.trim_start_matches(' ')).is_some())
}

/// The length of a Markdown list's mark at the start of `rest`: `*`, `+`, `1.`, `1)`.
fn markdown_mark(rest: &str) -> Option<usize> {
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mark = match rest.chars().next()? {
        '*' | '+' => 1,
        _ if (1..=3).contains(&digits) && rest[digits..].starts_with(['.', ')']) => digits + 1,
        _ => return None,
    };
    rest[mark..].starts_with(' ').then_some(mark)
}

/// A list item's `- ` typed with another mark, or with a full-width space, at the start of
/// `rest` (`－ title:`, `-　title:`, `ー title:`, `* title:`, `1. title:`): the mark and its
/// space. Whether a key follows, the caller checks.
pub(super) fn typed_for_hyphen(rest: &str) -> Option<&str> {
    if rest.starts_with("-\u{3000}") {
        return Some(&rest[..4]);
    }
    let mark = match rest.chars().next()? {
        c if c == WIDE_DASH || LOOK_ALIKES.contains(&c) => c.len_utf8(),
        _ => markdown_mark(rest)?,
    };
    let after = &rest[mark..];
    // (A dot, a full-width dash or a long-vowel mark glued to the key, `・title:`, as Japanese
    // lists are typed.)
    let glued = rest.starts_with(['・', '•', WIDE_DASH, 'ー']) && after.starts_with(|c: char| c.is_ascii_lowercase());
    let space = after.chars().next().filter(|&c| c == ' ' || c == WIDE_SPACE).map_or(0, char::len_utf8);
    (space > 0 || glued).then(|| &rest[..mark + space])
}

/// What the error says about `mark` (from [`typed_for_hyphen`]), and its help.
pub(super) fn named(mark: &str) -> (String, String) {
    let typed = mark.trim_end_matches([' ', WIDE_SPACE]);
    let japanese = "start a list item with `- ` typed with the Japanese input off";
    let (message, help) = match typed.chars().next().unwrap_or('-') {
        '-' => ("a full-width space after `-`".to_string(), japanese.to_string()),
        c @ (WIDE_DASH | '・') => (format!("a full-width `{c}`"), japanese.to_string()),
        'ー' => ("`ー` (the long-vowel mark)".to_string(), japanese.to_string()),
        '*' | '+' => (
            format!("`{typed}` (a Markdown list's mark)"),
            "write `- ` instead: a list item in YAML starts with `- `".to_string(),
        ),
        c if c.is_ascii_digit() => (
            format!("`{typed}` (a Markdown list's number)"),
            "write `- ` instead: a list item in YAML starts with `- `, and is numbered by its place".to_string(),
        ),
        c => (format!("`{c}`"), "start a list item with `- ` typed as a hyphen on the keyboard".to_string()),
    };
    (format!("{message} where YAML needs `- `"), help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_the_long_vowel_mark_are_marks_typed_for_a_hyphen() {
        // text42a F42a-16: each was "indented no further than `body:`".
        for mark in ['ー', '○', '◦', '▪', '·', '⁃', '‒', '﹣'] {
            let rest = format!("{mark} title: B");
            assert_eq!(typed_for_hyphen(&rest), Some(&rest[..mark.len_utf8() + 1]), "{mark}");
        }
        assert_eq!(typed_for_hyphen("ーtitle: B"), Some("ー"));
        let (message, help) = named("ー ");
        assert_eq!(message, "`ー` (the long-vowel mark) where YAML needs `- `");
        assert!(help.ends_with("with the Japanese input off"), "{help}");
        // A line of text that starts with the mark is no item.
        assert_eq!(typed_for_hyphen("ーメン"), None);
    }
}
