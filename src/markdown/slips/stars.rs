//! The runs of `*` in a body and what stands beside them, for the slip of emphasis marks
//! left as text beside Japanese punctuation (`**「重要」**`).

use std::ops::Range;

use super::SlipKind;

/// A run of `*` in a text, and what stands beside it.
pub(super) struct Stars {
    pub(super) range: Range<usize>,
    /// It could open emphasis: a character follows that is no space and no closing bracket.
    opens: bool,
    /// It could close emphasis: a character comes before it that is no space and no opening
    /// bracket.
    closes: bool,
    /// The character it would open onto is Japanese punctuation (`**「`, `*。`).
    opens_onto_japanese: bool,
    /// The character it would close after is Japanese punctuation (`」**`, `。*`).
    closes_onto_japanese: bool,
    /// A kana or a kanji stands before or after it.
    beside_kana_or_kanji: bool,
}

/// The runs of `*` in `src`, in order: found in one pass over the text, so that a run of
/// many thousand stars costs no more than its length.
pub(super) fn star_runs(src: &str) -> Vec<Stars> {
    let japanese_punctuation = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}');
    let opening = |c: char| "([{（［｛「『〔〈《【〘〖〚｢".contains(c);
    let closing = |c: char| ")]}）］｝」』〕〉》】〙〗〛｣".contains(c);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = src[from..].find('*') {
        let start = from + k;
        let end = src[start..].find(|c| c != '*').map_or(src.len(), |n| start + n);
        let before = src[..start].chars().next_back().filter(|c| !c.is_whitespace() && !opening(*c));
        let after = src[end..].chars().next().filter(|c| !c.is_whitespace() && !closing(*c));
        out.push(Stars {
            range: start..end,
            opens: after.is_some(),
            closes: before.is_some(),
            opens_onto_japanese: after.is_some_and(japanese_punctuation),
            closes_onto_japanese: before.is_some_and(japanese_punctuation),
            beside_kana_or_kanji: [before, after].iter().flatten().any(|&c| crate::script::is_kana_or_kanji(c)),
        });
        from = end;
    }
    out
}

/// Of the runs of `*` a block printed as stars (`printed`, indices into `runs`, in order),
/// the slip and the run it is at: a pair beside Japanese punctuation
/// ([`unpaired_beside_japanese`]); else the only `**` (or `***`) of the block, in Japanese
/// text, which no other closes or opens (`本日は**重要な会合を開催した。`: text48a F48a-9). A
/// star alone (`（*1）`) is a footnote's.
pub(super) fn slip_of(runs: &[Stars], printed: &[usize]) -> Option<(SlipKind, usize)> {
    if let Some(k) = unpaired_beside_japanese(runs, printed) {
        return Some((SlipKind::MarksBesideJapanese, k));
    }
    let mut marks = printed.iter().filter(|&&k| runs[k].range.len() >= 2);
    let (Some(&k), None) = (marks.next(), marks.next()) else { return None };
    let run = &runs[k];
    (run.range.len() <= 3 && run.beside_kana_or_kanji && (run.opens || run.closes))
        .then_some((SlipKind::UnclosedMarks, k))
}

/// Of the runs of `*` a block printed as stars (`printed`, indices into `runs`, in order),
/// the first of a pair that Markdown would have taken for emphasis but for Japanese
/// punctuation inside them: one that could open before one that could close, one of the two
/// beside the punctuation (`**「重要」**`, `*「未定」*`). A star alone (`（*1）`), or stars
/// that could not pair (`（*1）…（*2）`, each after an opening bracket), are no slip.
fn unpaired_beside_japanese(runs: &[Stars], printed: &[usize]) -> Option<usize> {
    // The first run before that could open, and the first that could open onto Japanese
    // punctuation.
    let (mut opener, mut onto_japanese) = (None, None);
    for &k in printed {
        let run = &runs[k];
        if run.closes {
            if let Some(first) = onto_japanese.or(opener.filter(|_| run.closes_onto_japanese)) {
                return Some(first);
            }
        }
        if run.opens {
            opener = opener.or(Some(k));
            if run.opens_onto_japanese {
                onto_japanese = onto_japanese.or(Some(k));
            }
        }
    }
    None
}

/// Where the run of `*` at `range` of `src` is on its line without the spaces that start it
/// (the line as a slip gives it), in bytes.
pub(super) fn on_its_line(src: &str, range: &Range<usize>) -> Range<usize> {
    let line_start = src[..range.start].rfind('\n').map_or(0, |n| n + 1);
    let before = &src[line_start..range.start];
    let from = before.trim_start().len();
    from..from + range.len()
}
