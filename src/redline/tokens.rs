//! What a text is compared in: its tokens (Latin words, Japanese characters, punctuation
//! marks, each with the spaces after it, and each with the look of its run), and how its
//! Latin counts.

use crate::markdown::Inline;
use crate::script::{is_break_hint, is_kana_or_kanji};

/// How the Latin letters and digits of a text count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Latin {
    /// A word one, in text that is mostly Latin (`第10回`: `第`, `10`, `回`, three).
    Words,
    /// Each letter and digit one, like the Japanese text they are written in (`第10回`:
    /// four 文字). An address is one all the same.
    Characters,
}

impl Latin {
    /// How the Latin of `texts` counts, decided for them all together (both versions of a
    /// paragraph): letter by letter when they are mostly Japanese, with at least as many kana
    /// and kanji as Latin letters and digits.
    pub(super) fn of<'t>(texts: impl IntoIterator<Item = &'t str>) -> Latin {
        let (mut japanese, mut latin) = (0usize, 0usize);
        for c in texts.into_iter().flat_map(str::chars) {
            if is_kana_or_kanji(c) {
                japanese += 1;
            } else if c.is_alphanumeric() {
                latin += 1;
            }
        }
        if japanese >= latin {
            Latin::Characters
        } else {
            Latin::Words
        }
    }
}

/// Splits text into what the diff compares: a Latin word (letters and digits, full-width
/// ones too, with `.`, `,`, `'`, `’` or `-`, or their full-width forms, between them), a
/// Japanese character, or a punctuation mark; each with the spaces after it. A Latin word is whole in Japanese text
/// too (`5Gの`: `5G`, `の`), so that a word kept is never shown cut, and a word replaced is
/// replaced whole. Spaces at the start are a token of their own.
///
/// A character is never parted from the marks that belong to it (a grapheme cluster: `葛`
/// and its variation selector, `e` and a combining accent), so that a change to one of them
/// marks the character it changes, not an invisible mark alone.
pub(super) fn tokens(text: &str) -> Vec<&str> {
    use unicode_segmentation::UnicodeSegmentation;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Whether each character starts a grapheme cluster.
    let mut starts = vec![false; chars.len() + 1];
    let mut k = 0;
    for (at, _) in text.grapheme_indices(true) {
        while chars.get(k).is_some_and(|&(b, _)| b < at) {
            k += 1;
        }
        starts[k] = true;
    }
    starts[chars.len()] = true;
    let extend = |mut end: usize| {
        while !starts[end] {
            end += 1;
        }
        end
    };
    let latin = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric() && !is_kana_or_kanji(c));
    let mut out = Vec::new();
    let (mut start, mut k) = (0, 0);
    while let Some(&(at, c)) = chars.get(k) {
        // (A break hint, invisible, goes with the spaces after a token: `日本\u{200B}の` is
        // `日本` and `の` as `日本の` is.)
        if c.is_whitespace() || is_break_hint(c) {
            k += 1;
            continue;
        }
        if at > start {
            out.push(&text[start..at]);
            start = at;
        }
        let mut end = k + 1;
        if latin(k) {
            loop {
                // A comma joins only digits in groups of three (`1,000`, `１，０００`): between
                // words it lists them (`AI,IoT,5G`, `２０２４，２０２５`).
                let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_numeric());
                let thousands = digit(end - 1) && (1..=3).all(|d| digit(end + d)) && !digit(end + 4);
                let joins = chars.get(end).is_some_and(|&(_, c)| match c {
                    // (And the Unicode, the no-break and the soft hyphen: `a‑b` is one word
                    // as `a-b` is.)
                    '.' | '\'' | '’' | '-' | '．' | '－' | '\u{2010}' | '\u{2011}' => true,
                    // (And a break hint: `Work\u{AD}shop` is the word `Workshop`.)
                    c if is_break_hint(c) => true,
                    ',' | '，' => thousands,
                    _ => false,
                });
                if latin(end) || !starts[end] {
                    end += 1;
                } else if joins && latin(end + 1) {
                    end += 2;
                } else {
                    break;
                }
            }
        }
        k = extend(end);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The text of `inlines` whose letters say how Latin counts ([`Latin::of`]): addresses,
/// which count one whatever their length, left out.
pub(super) fn texts(inlines: &[Inline]) -> impl Iterator<Item = &str> {
    inlines.iter().flat_map(|i| {
        let text = i.text.as_str();
        match (is_address(text, i.link.as_deref()), printed_address(i)) {
            (true, _) => ["", ""],
            (false, Some((at, end))) => [&text[..at], &text[end..]],
            (false, None) => [text, ""],
        }
    })
}

/// A token with its look: text, strong, emphasis, code, link, raw HTML. Tokens compare equal
/// only when they look the same, so a word made bold shows as replaced.
pub(super) type Token<'a> = (&'a str, bool, bool, bool, Option<&'a str>, bool);

pub(super) fn inline_tokens(inlines: &[Inline]) -> Vec<Token<'_>> {
    inlines
        .iter()
        .flat_map(|i| {
            // An address is one word, however many its parts: changed, it is replaced whole.
            // So is the address a link prints after its text (`agreement (https://…)`).
            let text = i.text.as_str();
            let parts = match (is_address(text, i.link.as_deref()), printed_address(i)) {
                (true, _) => vec![text],
                (false, Some((at, end))) => {
                    let mut parts = tokens(&text[..at]);
                    parts.push(&text[at..end]);
                    parts.extend(tokens(&text[end..]));
                    parts
                }
                (false, None) => tokens(text),
            };
            parts.into_iter().map(move |t| (t, i.strong, i.emphasis, i.code, i.link.as_deref(), i.raw))
        })
        .collect()
}

/// Whether `text` is the address `link` leads to (typed plain, or as `<https://…>`): its
/// target, but for `mailto:` or a scheme left unwritten.
pub(super) fn is_address(text: &str, link: Option<&str>) -> bool {
    let Some(target) = link else { return false };
    let bare = ["mailto:", "https://", "http://"].iter().find_map(|p| target.strip_prefix(p));
    !text.is_empty() && (target == text || bare == Some(text))
}

/// Where in a link's text (`agreement (https://…)`) the address it prints after it is.
fn printed_address(i: &Inline) -> Option<(usize, usize)> {
    let target = i.link.as_deref()?;
    let at = i.text.rfind(&format!(" ({target}"))? + 2;
    Some((at, at + target.len()))
}

/// The words of `text` as a reader parts them: each run of Latin letters and digits (with
/// the accents on them) one, each Japanese character one. Two versions with the same letters
/// but not the same words (`Cybersecurity` now `Cyber security`, `e-mail` now `email`) are
/// spelt otherwise: words changed, not spacing (text47b F47b-5); `AI-based` now `AI based`,
/// or `データ分析` now `データ 分析`, have the same words.
pub(super) fn words_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let latin = c.is_alphanumeric() && !is_kana_or_kanji(c);
        if latin || (start.is_some() && unicode_normalization::char::is_combining_mark(c)) {
            start.get_or_insert(at);
            continue;
        }
        out.extend(start.take().map(|s| &text[s..at]));
        if is_kana_or_kanji(c) {
            out.push(&text[at..at + c.len_utf8()]);
        }
    }
    out.extend(start.map(|s| &text[s..]));
    out
}

/// The digits of `text` with the marks that are part of a number: a sign, a currency symbol,
/// a decimal point or a separator right before a digit, and not after a letter (`-5`, `$5`,
/// `10.5`, `5(1)`; not the hyphen of `COVID-19`, nor a bracket or quote opened before a
/// number). A hyphen and a minus sign are the same mark.
pub(super) fn number_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mark = |k: usize| {
        let c = chars[k];
        let opens = matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '「' | '『' | '（' | '［');
        !c.is_alphanumeric()
            && !c.is_whitespace()
            && chars.get(k + 1).is_some_and(|n| n.is_numeric())
            && match k.checked_sub(1).map(|j| chars[j]) {
                Some(b) if b.is_numeric() => true,
                Some(b) if b.is_alphabetic() => false,
                _ => !opens,
            }
    };
    // (A currency, percent or per-mille sign after a number, spaces between or not: `5 €`,
    // `5%`, `50 ‰`; text44b F44b-7.)
    let after = |k: usize| {
        is_amount_sign(chars[k]) && chars[..k].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| c.is_numeric())
    };
    (0..chars.len())
        .filter(|&k| chars[k].is_numeric() || mark(k) || after(k))
        .map(|k| if matches!(chars[k], '−' | '‐' | '‑' | '–') { '-' } else { chars[k] })
        .collect()
}

/// Whether a number kept in both versions (`x` in OLD, `y` in NEW) changes with the marks
/// changed around it, letters and digits none (`before` it, or `after`): its sign, currency
/// or decimal point (`-5` now `5`, `$5` now `€5`, `5 €` now `5 $`, `5%` now `5`).
pub(super) fn number_changes(
    (before, x, after): (&[Token], &Token, &[Token]),
    (before_y, y, after_y): (&[Token], &Token, &[Token]),
) -> bool {
    let text = |b: &[Token], t: &Token, a: &[Token]| b.iter().chain([t]).chain(a).map(|t| t.0).collect::<String>();
    let letterless =
        !before.iter().chain(after).chain(before_y).chain(after_y).any(|t| t.0.chars().any(char::is_alphanumeric));
    letterless && number_marks(&text(before, x, after)) != number_marks(&text(before_y, y, after_y))
}

/// A sign that says what a number counts: a currency symbol (Unicode's Sc), `%`, `‰` or `‱`,
/// or a prime (`5′` minutes or feet, `5″` seconds or inches: text45b F45b-21).
pub(super) fn is_amount_sign(c: char) -> bool {
    matches!(c, '%' | '‰' | '‱' | '％' | '′' | '″' | '‴' | '$' | '¢'..='¥' | '֏' | '؋' | '߾' | '߿' | '৲' | '৳' | '৻' | '૱' | '௹' | '฿' | '៛' | '₠'..='⃀' | '꠸' | '﷼' | '﹩' | '＄' | '￠' | '￡' | '￥' | '￦')
}
