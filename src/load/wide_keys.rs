//! A key line typed wholly with the Japanese input on: full-width letters and a full-width
//! colon, `ｔｉｔｌｅ：　会合の結果` (text44a F44a-13: YAML read the line as text, and the keys
//! below as misplaced, with no word of the input mode). Named once, at the key, and read as
//! meant (every offset kept).

use super::wide::{mend_lines, IsKey, TextLines, Wrap, WIDE_SPACE};
use crate::diag::{Diagnostic, Span};

const WIDE_COLON: char = '\u{FF1A}';

/// The text with each such key made ASCII (padded with spaces before its colon), its colon
/// `:` and a full-width space after it spaces; with one error for each. `None` when there is
/// none.
pub(super) fn mend(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(WIDE_COLON) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        if lines.holds(body) != Wrap::None {
            return None;
        }
        let content = body.trim_start_matches(' ');
        let content = content.strip_prefix("- ").unwrap_or(content).trim_start_matches(' ');
        let lead = body.len() - content.len();
        let wide = content.find(|c: char| ascii_of(c).is_none()).unwrap_or(content.len());
        let key: String = content[..wide].chars().filter_map(ascii_of).collect();
        let after = content[wide..].strip_prefix(WIDE_COLON)?;
        if key.is_empty() || !is_key(&key, "") {
            return None;
        }
        let space = after.strip_prefix(WIDE_SPACE).map_or(0, |_| WIDE_SPACE.len_utf8());
        let value = after[space..].trim();
        let colon = lead + wide;
        let typed = &body[lead..colon + WIDE_COLON.len_utf8()];
        let message = format!("`{typed}` is typed with the Japanese input on (full-width letters and colon)");
        let help = format!("write `{key}: {value}` with the Japanese input off");
        found.push(Diagnostic::new(Some(Span::new(at + lead, at + lead + typed.len())), "", message).with_help(help));
        let mut mended = body[..lead].to_string();
        mended.push_str(&key);
        mended.push_str(&" ".repeat(wide - key.len()));
        mended.push_str(":  ");
        mended.push_str(&" ".repeat(space));
        mended.push_str(&after[space..]);
        Some(mended)
    });
    (!found.is_empty()).then_some((out, found))
}

/// The ASCII letter, digit or `_` that the full-width `c` is typed for (keys are lower case).
fn ascii_of(c: char) -> Option<char> {
    match c {
        'ａ'..='ｚ' | '０'..='９' | '＿' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}
