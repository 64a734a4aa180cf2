//! The shapes of a typed line that keep it a line of its own inside a paragraph, where
//! Markdown would join it to the line above: bullets and numbers as Japanese (and many other)
//! texts write them at a line's start.

use crate::script::is_japanese;

/// Whether a line that starts with `c` is a line of its own, not the rest of the line above:
/// a bullet, a note or a number as Japanese (and many other) texts write them at a line's
/// start (`・`, `○`, `●`, `■`, `◆`, `▲`, `★`, `※`, `＊`, `→`, `①`, `✓`; `▪`, `▷`, `❖`, and `✗`
/// after `✓`: F48a-16, F48a-18), and circled letters and katakana (`ⓐ`, `Ⓐ`, `㋐`: text45a F45a-22).
pub(super) fn starts_a_line(c: char) -> bool {
    matches!(c,
        '・' | '･' | '•' | '○' | '◯' | '●' | '◎' | '■' | '□' | '◆' | '◇' | '▲' | '△' | '▼' | '▽' | '★' | '☆'
        | '※' | '＊' | '→' | '⇒' | '➢' | '➤' | '▶' | '►' | '▷' | '▸' | '▪' | '❖' | '✓' | '✔' | '✗' | '✘' | '\u{2460}'..='\u{2487}' | '\u{2776}'..='\u{2793}'
        | '\u{24B6}'..='\u{24E9}' | '\u{32D0}'..='\u{32FE}')
}

/// Whether a line that starts with `text` starts with a sign of the Unicode blocks of arrows,
/// technical signs, geometric shapes, symbols and dingbats, circled and other math signs, and
/// emoji, before a space: a bullet, a check box or an arrow however typed (`☐ `, `➔ `, `♦ `,
/// `◉ `, `⦿ `, `❯ `: text49a F49a-20; they ran into the line above). By block, not by list.
pub(super) fn sign_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| {
        matches!(c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x27F0..=0x27FF
            | 0x2900..=0x297F | 0x29B0..=0x29D7 | 0x2B00..=0x2BFF | 0x1F300..=0x1FAFF)
    }) && matches!(chars.next(), Some(' ' | '\u{3000}'))
}

/// Whether `text` is a row of cells pasted from a spreadsheet: a tab between two cells (text49a
/// F49a-23: rows ran together). A row stays a line under another row.
pub(super) fn cells(text: &str) -> bool {
    text.trim().split_once('\t').is_some_and(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
}

/// Whether `text` is a Japanese label or item typed as a short head, a full-width space and
/// its text (`附則　施行期日`, `13日（水）　分科会`, `11:00～　講演`, `第1回　…`: text49a F49a-29;
/// they ran together, `開会13日（水）　分科会`). Japanese prose has no full-width space inside a
/// line; the head is 1 to 12 characters with no space and no sentence's punctuation.
pub(super) fn spaced_head(text: &str) -> bool {
    let Some((head, rest)) = text.trim_end().split_once('\u{3000}') else { return false };
    (1..=12).contains(&head.chars().count())
        && !head.contains(|c: char| c.is_whitespace() || "。、，,！？!?".contains(c))
        && !rest.trim_start_matches(['\u{3000}', ' ']).is_empty()
        && text.contains(is_japanese)
}

/// What follows 1 to 3 characters `of` at the start of `s` and one of `close` after them.
fn counted<'a>(s: &'a str, of: impl Fn(char) -> bool, close: &[char]) -> Option<&'a str> {
    let n = s.chars().take_while(|&c| of(c)).count();
    let number: usize = s.chars().take(n).map(char::len_utf8).sum();
    let rest = &s[number..];
    let c = rest.chars().next().filter(|c| (1..=3).contains(&n) && close.contains(c))?;
    Some(&rest[c.len_utf8()..])
}

/// Whether a line that starts with `text` starts with a bullet typed as a dash or a small
/// square before a space: the Japanese input's `ー　` and `－　` for `- `, Word's `◦ ` and `▪ `
/// (text43a F43a-32: they ran together, `ガバナンスー 半導体`, the bullet read as a long vowel);
/// the dots of other inputs, `· `, `∙ ` (text45a F45a-8), and a full-width `＋　` (F45a-22).
/// A full-width `－` glued to Japanese text too (`－一つ目の項目`: F48a-16), and `-> ` and `=> `
/// for `→` and `⇒` (F48a-18).
pub(super) fn dash_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    matches!(first, Some('ー' | '－' | '‐' | '◦' | '▪' | '▫' | '‣' | '⁃' | '·' | '∙' | '＋'))
        && matches!(second, Some(' ' | '\u{3000}'))
        || first == Some('－') && second.is_some_and(crate::script::is_kana_or_kanji)
        || text.starts_with("-> ")
        || text.starts_with("=> ")
}

/// Whether a line that starts with `text` is an item or a label of its own, as Japanese
/// official texts number and label them (text42a F42a-17: they ran together,
/// `…ガバナンス２．半導体`): `１．`, `1．`, `（１）`, `(1)`, `（ア）`, `ア．`, `Ⅰ．`, `一、`,
/// `第1条`, `第2章`, and a label in brackets (`【開催概要】`, `＜主な成果＞`, `〔参考〕`) or before a
/// full-width colon (`日時：`, `場所：`). And the numbers of the Cabinet's 公用文 style, which a
/// full-width space follows (text43a F43a-3: `…AIガバナンスイ　半導体第２　今後の予定`): `第１　`,
/// `１　`, `ア　`, `一　`, and the half-width `(ｱ)`, `ｱ `; the bullet `〇` (U+3007, what most inputs give for `○`); and a line
/// indented with a full-width space, as a Japanese paragraph starts. (Not a number that a
/// sentence goes on from: `１日に`, `1.5倍`, `一、二度`, `第2章で`.)
pub(super) fn numbered_line(text: &str) -> bool {
    const WIDE_SPACE: char = '\u{3000}';
    let wide_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let kanji_digit = |c: char| "一二三四五六七八九十".contains(c);
    let katakana = |c: char| ('ア'..='ン').contains(&c);
    // (Half-width, as old 公用文 layouts number their fifth level: `(ｱ)`, `ｱ `. text44a F44a-21.)
    let half_katakana = |c: char| ('ｱ'..='ﾝ').contains(&c);
    let hiragana = |c: char| ('あ'..='ん').contains(&c);
    let roman = |c: char| ('Ⅰ'..='Ⅻ').contains(&c) || ('ⅰ'..='ⅻ').contains(&c);
    let wide_letter = |c: char| ('ａ'..='ｚ').contains(&c) || ('Ａ'..='Ｚ').contains(&c);
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    // (A label before a full-width colon: `日時：`, `ＴＥＬ：`, `問合せ先：`.)
    let label = || {
        let label = text.chars().take_while(|&c| is_japanese(c) && c != '：').count();
        (1..=8).contains(&label) && text.chars().nth(label) == Some('：')
    };
    let item =
        |c: char| wide_digit(c) || katakana(c) || half_katakana(c) || hiragana(c) || c.is_ascii_lowercase() || roman(c);
    match first {
        '（' | '(' => counted(rest, item, &['）', ')']).is_some_and(|r| !r.starts_with(wide_digit)),
        '【' | '＜' | '〔' | '［' | '〈' | '《' => true,
        WIDE_SPACE => rest.starts_with(|c: char| !c.is_whitespace()),
        '第' => {
            let n: usize = rest.chars().take_while(|&c| wide_digit(c) || kanji_digit(c)).map(char::len_utf8).sum();
            let mut after = rest[n..].chars();
            // (A part of a law or a text, unless a sentence goes on from it: `第2章で`.)
            let part = |c| matches!(c, '章' | '節' | '条' | '項' | '款' | '編');
            n > 0
                && match after.next() {
                    // (An inserted provision, `第2条の2`, too: F48a-15.)
                    Some(c) if part(c) => match after.next() {
                        Some('の') => after.next().is_some_and(wide_digit),
                        next => !next.is_some_and(hiragana),
                    },
                    Some(WIDE_SPACE) => true,
                    // (`第1 総則`, but not a count typed with spaces: `第1 回`.)
                    Some(' ') => after
                        .next()
                        .is_some_and(|c| is_japanese(c) && !part(c) && !"回年月日号次期位番部名人".contains(c)),
                    _ => false,
                }
        }
        c if wide_digit(c) => {
            counted(text, wide_digit, &['．', '.', '）', ')', WIDE_SPACE]).is_some_and(|r| !r.starts_with(wide_digit))
                // (A number under a number, `１-１　`: text45a F45a-22.)
                || counted(text, wide_digit, &['-', '－', '‐'])
                    .and_then(|r| counted(r, wide_digit, &[WIDE_SPACE]))
                    .is_some()
        }
        c if kanji_digit(c) => {
            counted(text, kanji_digit, &['、', '．', WIDE_SPACE]).is_some_and(|r| !r.starts_with(kanji_digit))
        }
        // (And before a closing bracket, `ア）`, `イ）`/`ロ）`, `ⅰ）`; the full-width letters, `ａ．`,
        // `Ａ　`; a question, `問１　`, `Q１．`: text45a F45a-22.)
        c if katakana(c) => rest.starts_with(['．', '.', '）', ')', WIDE_SPACE]),
        c if half_katakana(c) => rest.starts_with(['．', '.', WIDE_SPACE, ' ']),
        c if hiragana(c) => rest.starts_with(['．', '）', ')', WIDE_SPACE]),
        c if roman(c) => rest.starts_with(['．', '.', '、', '）', ')', WIDE_SPACE, ' ']),
        c if wide_letter(c) => rest.starts_with(['．', '.', '）', ')', WIDE_SPACE]) || label(),
        '問' | 'Q' | 'Ｑ' => counted(rest, wide_digit, &['．', '.', WIDE_SPACE]).is_some() || label(),
        '〇' => {
            rest.starts_with([WIDE_SPACE, ' '])
                || rest.starts_with(|c: char| is_japanese(c) && !kanji_digit(c) && !"〇年月日時分".contains(c))
        }
        _ => label(),
    }
}

/// Whether the indented code block that starts at `at` starts on the line of a list item's
/// marker (`1.      Draft a note`, `-      Data`): five spaces or more after the marker, as
/// Outlook's plain text and Word's "Save as text" write the tab after a list's number, make
/// the item's text code in Markdown (text45a F45a-7). No one writes code there.
pub(super) fn after_marker(src: &str, at: usize) -> bool {
    let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
    let before = &src[line_start..at];
    let marker = |w: &str| {
        matches!(w, "-" | "*" | "+" | ">")
            || w.len() <= 10
                && w.len() > 1
                && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && w.ends_with(['.', ')'])
    };
    before.split_whitespace().next().is_some() && before.split_whitespace().all(marker)
}
