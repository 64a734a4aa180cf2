//! Japanese composition rules from the W3C's *Requirements for Japanese Text Layout* (JLREQ):
//! which characters are punctuation with blank halves (yakumono, 3.1.4), how much of two
//! neighbours' blanks is kept, where a quarter em goes beside Latin text (3.2.2), and where
//! a justified line may take extra space (3.8). Pure functions of characters; `text` applies
//! them to set glyphs.

use crate::script::is_kana_or_kanji;

/// A full-width punctuation mark whose glyph fills only part of its em box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yakumono {
    /// 「『（［｛〔〈《【〘〖: ink in the right half.
    Opening,
    /// 」』）］｝〕〉》】〙〗: ink in the left half.
    Closing,
    /// 、。，．: ink in the left half.
    Stop,
    /// ・：；: ink in the middle half.
    Middle,
}

impl Yakumono {
    pub fn of(c: char) -> Option<Yakumono> {
        Some(match c {
            '「' | '『' | '（' | '［' | '｛' | '〔' | '〈' | '《' | '【' | '〘' | '〖' | '｟' | '〝' => {
                Yakumono::Opening
            }
            '」' | '』' | '）' | '］' | '｝' | '〕' | '〉' | '》' | '】' | '〙' | '〗' | '｠' | '〟' => {
                Yakumono::Closing
            }
            '、' | '。' | '，' | '．' => Yakumono::Stop,
            '・' | '：' | '；' => Yakumono::Middle,
            _ => return None,
        })
    }

    /// The blank before and after the ink, in em.
    pub fn blanks(self) -> (f32, f32) {
        match self {
            Yakumono::Opening => (0.5, 0.0),
            Yakumono::Closing | Yakumono::Stop => (0.0, 0.5),
            Yakumono::Middle => (0.25, 0.25),
        }
    }
}

/// How much of the blank between two adjacent full-width punctuation marks is removed, in
/// em (JLREQ 3.1.4): where both have blank on the facing sides, the smaller is kept (`）「`
/// keeps half an em, `）・` a quarter); where only one has, it goes (`）」`, `」、`, `（「`).
pub fn squeeze(a: Yakumono, b: Yakumono) -> f32 {
    let (_, trail) = a.blanks();
    let (lead, _) = b.blanks();
    let kept = if trail > 0.0 && lead > 0.0 { trail.min(lead) } else { 0.0 };
    trail + lead - kept
}

/// Latin letters and digits (and Greek and Cyrillic), as opposed to Japanese script.
pub fn is_western(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2E80
}

/// Whether a quarter em goes between `a` and `b` when nothing is typed between them
/// (JLREQ 3.2.2: `日EU` is set `日 EU` with a quarter em, not a word space).
pub fn spaced(a: char, b: char) -> bool {
    (is_kana_or_kanji(a) && is_western(b)) || (is_western(a) && is_kana_or_kanji(b))
}

/// Whether a justified line may take extra space between `a` and `b` (JLREQ 3.8: between
/// Japanese characters, not inside a Latin word, not after an opening bracket nor before a
/// closing one or a stop).
pub fn stretches(a: char, b: char) -> bool {
    let japanese = |c: char| is_kana_or_kanji(c) || Yakumono::of(c).is_some();
    if !(japanese(a) || japanese(b)) {
        return false;
    }
    !matches!(Yakumono::of(a), Some(Yakumono::Opening))
        && !matches!(Yakumono::of(b), Some(Yakumono::Closing | Yakumono::Stop | Yakumono::Middle))
        && !matches!(
            b,
            'ー' | 'ぁ'
                | 'ぃ'
                | 'ぅ'
                | 'ぇ'
                | 'ぉ'
                | 'っ'
                | 'ゃ'
                | 'ゅ'
                | 'ょ'
                | 'ァ'
                | 'ィ'
                | 'ゥ'
                | 'ェ'
                | 'ォ'
                | 'ッ'
                | 'ャ'
                | 'ュ'
                | 'ョ'
        )
}

/// Whether a break between `a` and `b` splits a short unit of Japanese and Latin text such
/// as `日EU` or `AI法`: allowed, but a break elsewhere is better.
pub fn weak_break(a: char, b: char) -> bool {
    spaced(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_keep_the_blank_jlreq_asks_for() {
        let y = |c| Yakumono::of(c).unwrap();
        assert_eq!(squeeze(y('）'), y('」')), 0.5, "closing + closing: solid");
        assert_eq!(squeeze(y('）'), y('、')), 0.5, "closing + stop: solid");
        assert_eq!(squeeze(y('、'), y('「')), 0.5, "stop + opening: half an em between");
        assert_eq!(squeeze(y('（'), y('「')), 0.5, "opening + opening: solid");
        assert_eq!(squeeze(y('）'), y('・')), 0.5, "closing + middle dot: a quarter between");
        assert_eq!(squeeze(y('「'), y('」')), 0.0, "opening + closing: nothing to remove");
    }

    #[test]
    fn quarter_em_goes_only_between_japanese_and_latin() {
        assert!(spaced('日', 'E') && spaced('I', '法') && spaced('G', '推') && spaced('5', 'の'));
        assert!(!spaced('E', 'U') && !spaced('日', '本') && !spaced('」', 'A') && !spaced('日', ' '));
    }

    #[test]
    fn lines_stretch_between_japanese_characters_only() {
        assert!(stretches('日', '本') && stretches('、', '日') && stretches('日', '「'));
        assert!(!stretches('E', 'U') && !stretches('「', '日') && !stretches('日', '、') && !stretches('日', '）'));
    }
}
