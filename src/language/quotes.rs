//! Quotations: where a text quotes, by the marks of the languages detected, and which of its
//! quotations are in another language than the text around them.

use std::ops::Range;

use super::{other_than, MIN_LETTERS};

/// How many quotations [`quotations`] keeps open at once.
const DEEPEST: usize = 8;

/// Quotation marks, in the ways of the languages detected.
const QUOTE_MARKS: &str = "\"'“”„‟«»‹›‘’‚「」『』";

/// The marks that close a quotation opened with `open`: `“…”` and `„…“` or `„…”`, `«…»`
/// and `»…«` or `»…»` (Swedish and Finnish), `‘…’` and `‚…‘`, `"…"`, `'…'`, `”…”` and `’…’`, and Japanese corner brackets, `「…」` and
/// `『…』`, which open and close wherever they stand, after kana or kanji as in Japanese text.
/// None for a mark that only closes.
fn closing(open: char) -> &'static [char] {
    match open {
        '「' => &['」'],
        '『' => &['』'],
        '」' | '』' => &[],
        '“' => &['”'],
        '„' | '‟' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«', '»'],
        '‹' => &['›'],
        '›' => &['‹'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '\'' => &['\''],
        '”' => &['”'],
        '’' => &['’'],
        _ => &['"'],
    }
}

/// What `text` quotes, outermost quotations only: the byte range inside each pair of marks,
/// in order. A mark opens a quotation at the start or after a space, a bracket, a dash or
/// another mark, before other text, and closes one before the end, a space or punctuation,
/// after other text (guillemets, spaced in French, need no text beside them):
/// an apostrophe inside a word (`minister's`) does neither. It closes the nearest quotation
/// opened with a mark it closes; a quotation opened and not closed quotes nothing, so an
/// unbalanced mark does not make the rest of the text a quotation. Of quotations open at
/// once, the [`DEEPEST`] latest are kept (no text nests deeper), so that marks never closed
/// cost no more than the others: time in proportion to the text.
pub fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut outer: Vec<Range<usize>> = Vec::new();
    for r in nested_quotations(text) {
        if outer.last().is_none_or(|o| r.start >= o.end) {
            outer.push(r);
        }
    }
    outer
}

/// [`quotations`], and the quotations inside them: each one before those it holds (in order
/// of their start, the outer first). Two are apart or one holds the other.
fn nested_quotations(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut found: Vec<Range<usize>> = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !QUOTE_MARKS.contains(c) {
            continue;
        }
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, a)| a);
        // (French sets its guillemets apart from what they quote by a space; Japanese sets its
        // corner brackets solid, between its own words.)
        let (spaced, corner) = ("«»‹›".contains(c), "「」『』".contains(c));
        let opens = corner
            || before.is_none_or(|b| b.is_whitespace() || "([{/—–-".contains(b) || QUOTE_MARKS.contains(b))
                && (spaced || after.is_some_and(|a| !a.is_whitespace()));
        let closes = corner
            || after.is_none_or(|a| !a.is_alphanumeric()) && (spaced || before.is_some_and(|b| !b.is_whitespace()));
        let opened = open.iter().rposition(|&(o, _)| closing(o).contains(&c));
        match opened {
            Some(j) if closes => {
                found.push(open[j].1..at);
                open.truncate(j);
            }
            _ if opens && !closing(c).is_empty() => {
                if open.len() == DEEPEST {
                    open.remove(0);
                }
                open.push((c, at + c.len_utf8()));
            }
            _ => {}
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    found
}

/// The quotations of `text` (see [`quotations`]) clearly in another language than `lang`,
/// the language of the text around them, with that language: a German minister's words in an
/// English sentence. Short quotations (a name, a term) have none of their own. A quotation
/// inside one is compared with the language of the one around it: French quoted in a German
/// quotation is French, inside the German (each quotation before those it holds, in order of
/// their start; two are apart or one holds the other).
pub fn quoted_languages(text: &str, lang: &str) -> Vec<(Range<usize>, &'static str)> {
    let mut out = Vec::new();
    // The quotations around the one at hand: where each ends, and its language.
    let mut around: Vec<(usize, &str)> = Vec::new();
    for q in nested_quotations(text) {
        while around.last().is_some_and(|&(end, _)| q.start >= end) {
            around.pop();
        }
        // (Too short to have a language, nor can any quotation inside it.)
        if q.len() < MIN_LETTERS {
            continue;
        }
        let in_lang = around.last().map_or(lang, |a| a.1);
        // (Without the spaces inside guillemets.)
        let inner = &text[q.clone()];
        let start = q.start + inner.len() - inner.trim_start().len();
        let trimmed = start..start + inner.trim().len();
        let own = other_than(&text[trimmed.clone()], in_lang);
        if let Some(l) = own {
            out.push((trimmed, l));
        }
        around.push((q.end, own.unwrap_or(in_lang)));
    }
    out
}
