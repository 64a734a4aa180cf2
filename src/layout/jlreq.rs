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
    // No kana or kanji comes before U+3005: Latin text, which asks at every pair of letters,
    // is answered at once (in a profile of 36,000 English topics: 0.94 % → 0.09 %; 3 % of
    // fitting them).
    if a < '\u{3005}' && b < '\u{3005}' {
        return false;
    }
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
        && !small_kana(b)
}

/// Small kana and the prolonged sound mark `ー` (JLREQ cl-11 and cl-10's `ー`): no line
/// starts with one, and no line is spread before one.
pub fn small_kana(c: char) -> bool {
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー".contains(c)
        || matches!(c, '\u{31F0}'..='\u{31FF}' | '\u{FF67}'..='\u{FF70}')
}

/// How far the space between two characters may give in a justified line before the line is
/// spread between characters, in em (JLREQ 3.8): its `shrink` and its `stretch`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Give {
    pub shrink: f32,
    pub stretch: f32,
}

/// What the space between `a` and `b` may give (JLREQ 3.8.3 and 3.8.2): the quarter em
/// beside Latin text shrinks to an eighth and stretches to half an em; the blank half of a
/// comma, a closing or opening bracket shrinks away (a middle dot's quarters too), unless
/// two marks already share their blanks (`squeezed`). Full stops keep theirs. `full`
/// says whether each is set full width (a Latin comma is not Japanese punctuation).
pub fn give(a: char, b: char, (a_full, b_full): (bool, bool)) -> Give {
    if spaced(a, b) {
        return Give { shrink: 0.125, stretch: 0.25 };
    }
    let ya = Yakumono::of(a).filter(|_| a_full);
    let yb = Yakumono::of(b).filter(|_| b_full);
    let shrink = match (ya, yb) {
        (Some(_), Some(_)) => 0.0,
        (Some(Yakumono::Closing), None) => 0.5,
        (Some(Yakumono::Stop), None) if !matches!(a, '。' | '．') => 0.5,
        (Some(Yakumono::Middle), None) | (None, Some(Yakumono::Middle)) => 0.25,
        (None, Some(Yakumono::Opening)) => 0.5,
        _ => 0.0,
    };
    Give { shrink, stretch: 0.0 }
}

/// A full-width Latin letter or digit (全角英数字: `Ａ`, `ｚ`, `０`).
pub fn is_full_width_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Whether a line ending between `before` and `after` would split a word or number typed in
/// full width, which JLREQ keeps whole as it does the same word in half width (3.1.10):
/// between its letters and digits (`２０２|７`, `ＣＯＮＮＥ|ＣＴ`), at the `，` `．` `：` `／`
/// inside a number (`１２，|３４５`, `１２．|５`), at the `．` `－` `／` inside a word
/// (`Ｗｉ－|Ｆｉ`), and before the squared unit after a number (`１００|㎡`, `５|㌔`). A word
/// typed in both widths is one word too (`５|G`, `Ｇ|7`), and so is one joined by an
/// ampersand of either width (`Ｒ|＆Ｄ`, `Ｒ＆|Ｄ`, `Ｒ|&D`: text46a F46a-2).
pub fn inside_full_width_word(before: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let (Some(a), Some(b)) = (back.next(), ahead.next()) else { return false };
    let digit = |c: Option<char>| c.is_some_and(|c| ('０'..='９').contains(&c));
    let letter = |c: Option<char>| c.is_some_and(is_full_width_alphanumeric);
    // A letter or digit of either width, and one of the pair or three in full width.
    let either = |c: Option<char>| c.is_some_and(|c| is_full_width_alphanumeric(c) || c.is_ascii_alphanumeric());
    let wide = |cs: &[Option<char>]| cs.iter().any(|&c| letter(c) || c == Some('＆'));
    let joins = |before: Option<char>, sign: char, after: Option<char>| {
        matches!(sign, '，' | '．' | '：' | '／') && digit(before) && digit(after)
            || matches!(sign, '．' | '－' | '／') && letter(before) && letter(after)
            || matches!(sign, '＆' | '&') && either(before) && either(after) && wide(&[before, Some(sign), after])
    };
    either(Some(a)) && either(Some(b)) && wide(&[Some(a), Some(b)])
        || joins(back.next(), a, Some(b))
        || joins(Some(a), b, ahead.next())
        || (digit(Some(a)) || a.is_ascii_digit())
            && matches!(b, '\u{3300}'..='\u{3357}' | '\u{3371}'..='\u{337A}' | '\u{3380}'..='\u{33DF}')
}

/// Whether `c` belongs to a Latin word or an address (`Beyond`, `5G`, `example.org/a?b=c`),
/// in half or full width (`ＣＯＮＮＥＣＴ`): in Japanese text such a word may be broken
/// between any two of its characters when nothing better is left.
pub fn latin_word(c: char) -> bool {
    is_western(c)
        || is_full_width_alphanumeric(c)
        || matches!(c, '/' | '.' | '-' | '_' | '?' | '=' | '&' | '%' | '#' | ':' | '~' | '+' | '@')
}

/// Whether a break between `a` and `b` splits a short unit of Japanese and Latin text such
/// as `日EU` or `AI法`: allowed, but a break elsewhere is better.
pub fn weak_break(a: char, b: char) -> bool {
    spaced(a, b)
}

/// Katakana, with its prolonged sound mark: a loanword, never broken in a heading.
fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

fn is_kanji(c: char) -> bool {
    is_kana_or_kanji(c) && !is_katakana(c) && !is_hiragana(c)
}

/// What a break between `a` and `b` costs in a title or heading, where lines should end
/// between phrases (文節): nothing after punctuation, a closing bracket, a particle or other
/// kana before a word in kanji, katakana or Latin letters, or before an opening bracket; a
/// little at a change between kanji and katakana words; more inside a word in kanji or
/// after one (`政|策`, `及|び`); `None` inside a katakana word, a Latin word or a number with
/// its counter (`10回`, `第10`), and at the hyphen of a name such as `ITU-R`. `before` is
/// the character before `a`, if any.
pub fn phrase_break(before: Option<char>, a: char, b: char) -> Option<f64> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if a.is_whitespace() || b.is_whitespace() {
        return Some(0.0);
    }
    if is_katakana(a) && is_katakana(b) {
        return None;
    }
    if is_western(a) && is_western(b) {
        return None;
    }
    if a == '-' && is_western(b) && before.is_some_and(is_western) {
        return None;
    }
    if (digit(a) && is_kanji(b)) || (a == '第' && digit(b)) {
        return None;
    }
    let ya = Yakumono::of(a);
    let yb = Yakumono::of(b);
    if matches!(ya, Some(Yakumono::Closing | Yakumono::Stop | Yakumono::Middle))
        || matches!(yb, Some(Yakumono::Opening))
    {
        return Some(0.0);
    }
    Some(if is_hiragana(a) && !is_hiragana(b) {
        0.0
    } else if (is_kanji(a) && is_katakana(b)) || (is_katakana(a) && is_kanji(b)) {
        50.0
    } else if is_western(a) || is_western(b) {
        100.0
    } else if is_kanji(a) && is_kanji(b) {
        250.0
    } else if is_hiragana(a) && is_hiragana(b) {
        300.0
    } else {
        // Kanji or katakana before the kana that end their phrase (`政策の`, `及び`).
        500.0
    })
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

    /// The shortcut for text with no kana or kanji gives what the rule gives, at its edge too.
    #[test]
    fn the_shortcut_for_latin_text_agrees_with_the_rule() {
        let chars = ['A', 'z', '5', 'é', 'Ω', '\u{2E7F}', '\u{3004}', '々', '〆', '〇', 'ぁ', '日', ' ', '-'];
        for a in chars {
            for b in chars {
                let rule = (is_kana_or_kanji(a) && is_western(b)) || (is_western(a) && is_kana_or_kanji(b));
                assert_eq!(spaced(a, b), rule, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn quarter_em_goes_only_between_japanese_and_latin() {
        assert!(spaced('日', 'E') && spaced('I', '法') && spaced('G', '推') && spaced('5', 'の'));
        assert!(!spaced('E', 'U') && !spaced('日', '本') && !spaced('」', 'A') && !spaced('日', ' '));
    }

    #[test]
    fn spaces_give_in_jlreq_order() {
        let full = (true, true);
        assert_eq!(give('日', 'E', full), Give { shrink: 0.125, stretch: 0.25 });
        assert_eq!(give('、', '日', full).shrink, 0.5);
        assert_eq!(give('」', '日', full).shrink, 0.5);
        assert_eq!(give('日', '「', full).shrink, 0.5);
        assert_eq!(give('日', '・', full).shrink, 0.25);
        assert_eq!(give('。', '日', full).shrink, 0.0, "full stops keep their blank");
        assert_eq!(give('）', '」', full).shrink, 0.0, "already solid");
        assert_eq!(give('日', '本', full), Give::default());
        assert_eq!(give('、', '日', (false, true)).shrink, 0.0, "not full width");
    }

    #[test]
    fn full_width_words_and_numbers_hold_together() {
        let inside = |text: &str| {
            let at = text.find('|').unwrap();
            inside_full_width_word(&text[..at], &text[at + 1..])
        };
        for held in [
            "２０２|７年",
            "ＣＯＮＮＥ|ＣＴ",
            "１２，|３４５",
            "１２．|５",
            "１０：|３０",
            "Ｗｉ－|Ｆｉ",
            "Ｗｉ|－Ｆｉ",
            "１００|㎡",
            "5|㎏",
            "Ｒ|＆Ｄ",
            "Ｒ＆|Ｄ",
            "Ｒ|&Ｄ",
            "Ｒ&|Ｄ",
            "Ｒ|&D",
            "R|＆D",
            "R＆|D",
            "５|G",
            "5|Ｇ",
            "Ｇ|7",
            "Ｉ|ｏＴ",
        ] {
            assert!(inside(held), "{held}");
        }
        for free in [
            "は|２０２７",
            "２０２７|年",
            "年，|３",
            "ＡＩ，|ＤＦＦＴ",
            "ＤＧ　|ＣＯＮＮＥＣＴ",
            "|Ａ",
            "Ａ|",
            "日|本",
            "ＥＵ・|日本",
            "R|&D",
            "５G|の",
            "＆|日",
        ] {
            assert!(!inside(free), "{free}");
        }
    }

    #[test]
    fn lines_stretch_between_japanese_characters_only() {
        assert!(stretches('日', '本') && stretches('、', '日') && stretches('日', '「'));
        assert!(!stretches('E', 'U') && !stretches('「', '日') && !stretches('日', '、') && !stretches('日', '）'));
    }
}
