//! A comment typed with the Japanese input on: a full-width `＃` (U+FF03), on a line of its
//! own or after a value and a space (half- or full-width: the input types `値　＃ メモ`, text45a
//! F45a-3), or a half-width `#` after the input's full-width space (`値　# メモ`, text46a
//! F46a-12); so after a closing quote or a block's mark (`"会合の結果"　＃仮題`, `summary: |　＃要修正`).
//! YAML reads either as text: after a value it was printed (`title: ＡＩ  ＃ 要確認`), and on
//! its own line it was text indented too little, whose fix printed it (text44a F44a-14). Named
//! at the `＃` (or at the space before the `#`), and read as the comment meant (every offset
//! kept).
//!
//! A comment is a `#` before a space or the line's end, or before a writer's note (`＃要修正`,
//! `#TODO`); a `＃` glued to any other word is a hashtag or a number sign (`＃EUJapan`,
//! `第３回会合 ＃３`), printed as typed (text46a F46a-20: refused, and told to be a comment).

use super::quoted::closing_quote;
use super::wide::{mend_lines, IsKey, TextLines, Wrap, WIDE_SPACE};
use crate::diag::{Diagnostic, Span};

const WIDE_HASH: char = '\u{FF03}';

/// The words a writer's note to the other writers starts with, after a `#`: `# TODO check`,
/// `＃要確認`. (ASCII ones in any case.)
const NOTE_WORDS: &[&str] = &[
    "TODO",
    "FIXME",
    "XXX",
    "TBD",
    "TBC",
    "要確認",
    "要修正",
    "要検討",
    "要調整",
    "要更新",
    "確認中",
    "未定",
    "未確定",
    "未確認",
    "仮",
    "仮題",
    "メモ",
];

/// Whether `after`, what follows a `#` or `＃`, is a writer's note: one of its words, after
/// spaces or not, ending there or before a sign (`TODO:`, `要確認）`), not the start of a
/// longer word (`#TODOs`, `＃仮説`).
pub fn starts_note(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t', WIDE_SPACE]);
    NOTE_WORDS.iter().any(|word| {
        rest.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
            && !rest[word.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// Whether `after`, what follows a `#` or `＃` typed after a space, reads as a comment: a
/// space, the line's end, or a writer's note ([`starts_note`]); not a hashtag or a number.
pub fn opens_comment(after: &str) -> bool {
    after.is_empty() || after.starts_with([' ', '\t', '\r', '\n', WIDE_SPACE]) || starts_note(after)
}

/// The text with each such `＃` made `#` and two spaces, and the full-width spaces before it
/// (or before such a `#`) spaces; with one error for each. `None` when there is none.
pub(super) fn mend(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(WIDE_HASH) && !text.contains("\u{3000}#") {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let held = lines.holds(body);
        let content = body.trim_start_matches([' ', WIDE_SPACE]);
        let own_line = content.starts_with(WIDE_HASH);
        let (hash, glued) = if own_line {
            // (A line of a block's text is text.)
            if matches!(held, Wrap::Block(_) | Wrap::Quoted(_)) {
                return None;
            }
            (body.len() - content.len(), false)
        } else {
            if held != Wrap::None {
                return None;
            }
            let value = content.strip_prefix("- ").unwrap_or(content);
            let value = value.split_once(": ").map_or(value, |(_, v)| v).trim_start();
            let start = body.len() - value.len();
            // After a plain value, a closing quote or a block's mark (`|-`).
            let (from, closed) = match value.chars().next() {
                Some('"' | '\'') => match closing_quote(body, start) {
                    end if end == start => return None,
                    end => (end, true),
                },
                Some('|' | '>') => {
                    let marks = value[1..].trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-'));
                    (body.len() - marks.len(), true)
                }
                Some('{' | '[') => return None,
                _ => (start, false),
            };
            comment_in(body, from, closed)?
        };
        let sign = body[hash..].chars().next().unwrap_or('#');
        let span = match sign {
            WIDE_HASH => Span::new(at + hash, at + hash + WIDE_HASH.len_utf8()),
            _ => Span::new(at + hash - WIDE_SPACE.len_utf8(), at + hash + 1),
        };
        let message = match sign {
            WIDE_HASH => "a full-width `＃`, which YAML reads as text",
            _ => "a full-width space before `#`, which YAML reads as text",
        };
        found.push(Diagnostic::new(Some(span), "", message).with_help(
            "a comment is a half-width space, `#` and a space, ` # `: type them with the Japanese input off",
        ));
        let lead = &body[..hash];
        // (The full-width spaces before it made spaces, each of the same bytes: YAML wants a
        // half-width one before a comment.)
        let spaces = lead.trim_end_matches(WIDE_SPACE);
        let mut mended = match own_line {
            true => " ".repeat(hash),
            false => format!("{spaces}{}", " ".repeat(lead.len() - spaces.len())),
        };
        if sign == '#' && !body[hash + 1..].starts_with([' ', '\t', WIDE_SPACE]) {
            // (`　#確認中`: the `#` a space further back, to write the one YAML wants after it.)
            mended.truncate(mended.len() - 1);
            mended.push_str("# ");
        } else {
            mended.push_str(match (sign, glued) {
                (WIDE_HASH, false) => "#  ",
                // (Right after a closing quote: the space YAML wants, then the `#`.)
                (WIDE_HASH, true) => " # ",
                _ => "#",
            });
        }
        mended.push_str(&body[hash + sign.len_utf8()..]);
        if !own_line {
            // (What the line opens is read from it as mended: `summary: |　＃…` opens a block.)
            lines = TextLines(Wrap::None);
            lines.holds(&mended);
        }
        Some(mended)
    });
    (!found.is_empty()).then_some((out, found))
}

/// Where in `body`, from `from` on (past a value, or past a closing quote or a block's mark
/// when `closed`), a comment typed with the Japanese input starts: a `＃` after a space or
/// right after what closed the value, or a `#` after a full-width space, before what reads
/// as a comment ([`opens_comment`]). With whether it is glued to what closed the value.
/// `None` past a comment YAML reads as one (` #`), or when there is none.
fn comment_in(body: &str, from: usize, closed: bool) -> Option<(usize, bool)> {
    for (i, c) in body[from..].char_indices() {
        let i = from + i;
        let before = &body[..i];
        let after = &body[i + c.len_utf8()..];
        match c {
            '#' if before.ends_with([' ', '\t']) => return None,
            '#' if before.ends_with(WIDE_SPACE) && opens_comment(after) => return Some((i, false)),
            WIDE_HASH if opens_comment(after) => {
                if before.ends_with([' ', '\t', WIDE_SPACE]) {
                    return Some((i, false));
                }
                if closed && i == from {
                    return Some((i, true));
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mended(text: &str) -> Option<String> {
        mend(text, &|_, _| false).map(|(out, _)| out)
    }

    #[test]
    fn a_hash_glued_to_a_word_is_a_comment_only_before_a_note() {
        for note in ["＃要修正", "＃ メモ", "＃", "＃TODO: 日付", "＃仮）"] {
            let text = format!("title: 会合　{note}\n");
            assert!(mended(&text).is_some_and(|m| m.starts_with("title: 会合   #")), "{text}");
        }
        for tag in ["＃EUJapan", "＃３", "＃デジタル協力 ＃日EU", "＃仮説", "＃TODOs"] {
            let text = format!("title: 日EU ＃キャンペーン {tag}\n");
            assert_eq!(mended(&text), None, "{text}");
        }
    }

    #[test]
    fn a_half_width_hash_after_a_full_width_space_is_a_comment() {
        assert_eq!(mended("title: ＡＩ　# 仮\n").as_deref(), Some("title: ＡＩ   # 仮\n"));
        assert_eq!(mended("tel: 03　#確認中\n").as_deref(), Some("tel: 03  # 確認中\n"));
        assert_eq!(mended("title: 日EU　#EUJapan\n"), None);
        // (A comment YAML reads as one holds anything.)
        assert_eq!(mended("title: AI # 仮　#メモ ＃要確認\n"), None);
    }

    #[test]
    fn after_a_closing_quote_or_a_block_s_mark_it_is_a_comment_too() {
        assert_eq!(mended("title: \"会合の結果\"　＃仮題\n").as_deref(), Some("title: \"会合の結果\"   #  仮題\n"));
        assert_eq!(mended("tel: \"03\"　# 直通\n").as_deref(), Some("tel: \"03\"   # 直通\n"));
        assert_eq!(mended("title: \"会合\"＃仮題\n").as_deref(), Some("title: \"会合\" # 仮題\n"));
        assert_eq!(mended("body: >-　＃メモ\n  text\n").as_deref(), Some("body: >-   #  メモ\n  text\n"));
        // (The block it opens is text: a `＃` in it is typed.)
        assert_eq!(mended("body: |　＃メモ\n  a ＃ b\n").as_deref(), Some("body: |   #  メモ\n  a ＃ b\n"));
        assert_eq!(mended("title: \"会合\"　＃EUJapan\n"), None);
    }
}
