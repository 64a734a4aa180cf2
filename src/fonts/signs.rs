//! Which signs Japanese text takes from the Japanese face ([`japanese_sign`]; those of words,
//! [`joins_words`], by the words beside them), and the series of numbered signs (`①`, `❶`)
//! that come from one face each ([`NUMBERED`]).

use std::sync::atomic::Ordering;

use super::{FaceId, FontBook, FontStyle};

impl FontBook {
    /// The face that prints `c` in Japanese text set in the Gothic face: a sign that Japanese
    /// and Latin text share, of East Asian ambiguous width ([`japanese_sign`]), from the
    /// Japanese face, full width, as JLREQ and a Japanese word processor set it (text45a
    /// F45a-2: `……` came from the Latin face, six small dots on the baseline); so a numbered
    /// sign (`①`, `❶`) whose whole series the Japanese face has; any other character as
    /// [`FontBook::face_for`] picks it.
    pub fn face_for_japanese(&self, c: char, style: FontStyle) -> Option<FaceId> {
        let japanese = |gothic: FaceId| match numbered(c) {
            Some(series) => self.gothic_has_series(gothic, series),
            None => japanese_sign(c) && self.metrics(gothic).is_some_and(|m| m.glyph(c).is_some()),
        };
        match self.mincho {
            Some((gothic, _)) if japanese(gothic) => Some(gothic),
            _ => self.face_for(c, style),
        }
    }

    /// [`FontBook::face_for_japanese`] for the character at `k` of `text`: a sign that goes
    /// with the words beside it ([`joins_words`]) comes from the Latin face beside Latin
    /// letters or digits and from the Japanese face beside Japanese text
    /// ([`beside_japanese`]), so that `“Data Free Flow with Trust”` in a Japanese sentence
    /// has Latin quotes and `“推進戦略”` Japanese ones (text46a F46a-15: the quotes of an
    /// English phrase came from the Japanese face, full width, with wide blanks beside them).
    pub fn face_for_japanese_at(&self, text: &[char], k: usize, style: FontStyle) -> Option<FaceId> {
        let c = text[k];
        match beside_japanese(text, k).filter(|_| joins_words(c)) {
            Some(false) => self.face_for(c, style),
            Some(true) => match self.mincho {
                Some((gothic, _)) if self.metrics(gothic).is_some_and(|m| m.glyph(c).is_some()) => Some(gothic),
                _ => self.face_for(c, style),
            },
            None => self.face_for_japanese(c, style),
        }
    }

    /// Whether the Japanese Gothic face `gothic` has every sign of series `series` of
    /// [`NUMBERED`] (noted once).
    fn gothic_has_series(&self, gothic: FaceId, series: usize) -> bool {
        let noted = &self.gothic_numbered[series];
        match noted.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let has = self.has_series(gothic, series);
                noted.store(if has { 1 } else { 2 }, Ordering::Relaxed);
                has
            }
        }
    }

    /// Whether face `face` has every sign of series `series` of [`NUMBERED`].
    pub(super) fn has_series(&self, face: FaceId, series: usize) -> bool {
        self.metrics(face).is_some_and(|m| NUMBERED[series].iter().all(|&(a, b)| (a..=b).all(|c| m.glyph(c).is_some())))
    }

    /// The first face of the chain that has the whole series `series` of numbered signs
    /// ([`NUMBERED`]) in `style` (noted once), if one has.
    pub(super) fn numbered_face(&self, series: usize, style: FontStyle) -> Option<FaceId> {
        let noted = &self.numbered[style.index()][series];
        match noted.load(Ordering::Relaxed) {
            0 => {}
            u16::MAX => return None,
            face => return Some(FaceId(face - 1)),
        }
        let face = self.chain(style).find(|&f| self.has_series(f, series));
        noted.store(face.map_or(u16::MAX, |f| f.0 + 1), Ordering::Relaxed);
        face
    }
}

/// A sign that Japanese text shares with Latin text, of East Asian ambiguous width: a
/// Japanese face draws it a full em wide (the ellipsis's dots centred), a Latin face narrow.
/// Not the apostrophe `’`, which stays with the Latin word it is in (`EU’s`).
///
/// With them the other signs of JIS X 0208 (and NEC's additions to it) that Japanese documents
/// use and Unicode gives an ambiguous width (text46a F46a-1): the reference mark `※`, `‰`,
/// `℃`, `№`, `℡`, the ångström sign `Å` (not the letter `Å`), arrows (`→`, `⇒`), the signs
/// of relations and logic (`≒`, `≦`, `∞`, `∴`), the shapes used as line marks (`○`, `◎`,
/// `■`, `△`, `◆`, `☆`), `♪` `♯` `♭` `♂` `♀`, and the Roman numerals (`Ⅰ`, `ⅳ`). Not Greek
/// or Cyrillic letters, nor the middle dot `·`: they are words and separators of Latin text.
pub fn japanese_sign(c: char) -> bool {
    matches!(
        c,
        '…' | '‥'
            | '“'
            | '”'
            | '×'
            | '÷'
            | '±'
            | '°'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
            | '※'
            | '‰'
            | '℃'
            | '№'
            | '℡'
            | '\u{212B}'
            | '←'..='↔'
            | '⇒'
            | '⇔'
            | '∀'
            | '∂'
            | '∃'
            | '∇'
            | '∈'
            | '∋'
            | '√'
            | '∝'
            | '∞'
            | '∠'
            | '∧'..='∬'
            | '∴'
            | '∵'
            | '∽'
            | '≒'
            | '≠'
            | '≡'
            | '≦'
            | '≧'
            | '≪'
            | '≫'
            | '⊂'..='⊇'
            | '⊥'
            | '■'
            | '□'
            | '▲'
            | '△'
            | '▼'
            | '▽'
            | '◆'
            | '◇'
            | '○'
            | '◎'
            | '●'
            | '◯'
            | '★'
            | '☆'
            | '♀'
            | '♂'
            | '♪'
            | '♭'
            | '♯'
            | 'Ⅰ'..='Ⅻ'
            | 'ⅰ'..='ⅻ'
    )
}

/// A sign of words that Japanese and Latin text share, set in the face of the words beside it
/// (see [`FontBook::face_for_japanese_at`]): quotation marks and the apostrophe, dashes,
/// ellipses, primes and the degree sign. The other shared signs ([`japanese_sign`]: `×`,
/// `※`, `→`, `○`) are the Japanese text's own wherever they stand.
pub fn joins_words(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '―' | '…' | '‥' | '′' | '″' | '°')
}

/// How far [`beside_japanese`] looks on each side for a word.
const NEAR: usize = 16;

/// Whether the sign at `k` of `text` stands beside Japanese text (`Some(true)`), beside Latin
/// (or other) letters and digits (`Some(false)`), or beside neither within [`NEAR`]
/// characters: spaces, punctuation and other signs are passed over. An opening quote goes
/// with the word after it, a closing one or another sign with the word before it, and failing
/// that with the one on the other side. Japanese text is kana, kanji, Japanese punctuation and
/// full-width forms (`。`, `「`, `２`).
pub fn beside_japanese(text: &[char], k: usize) -> Option<bool> {
    let side = |c: char| {
        if crate::script::is_japanese(c) {
            Some(true)
        } else {
            c.is_alphanumeric().then_some(false)
        }
    };
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let (before, after) = (word(k.checked_sub(1).and_then(|j| text.get(j))), word(text.get(k + 1)));
    // (A mark after a word and before none closes, German `„Wir“`; one before a word and after
    // none opens, Swedish `”Sverige”`.)
    let opening = match text[k] {
        '“' | '‘' => !before || after,
        '”' | '’' => !before && after,
        _ => false,
    };
    let ahead = || text[k + 1..].iter().take(NEAR).find_map(|&c| side(c));
    let behind = || text[..k].iter().rev().take(NEAR).find_map(|&c| side(c));
    if opening {
        ahead().or_else(behind)
    } else {
        behind().or_else(ahead)
    }
}

/// The series of numbered signs a list counts with (`①`–`㊿`, `⑴`–`⒇`, `❶`–`⓴`, `ⓐ`–`ⓩ`),
/// each as its ranges of code points: the signs of one series come from one face, the first
/// that has the whole series (see [`FontBook::face_for`]). DejaVu Sans has `①`–`⑩` and
/// IPAexGothic `①`–`㊿`: a list `①`…`⑫` changed face, size and width at `⑪` (text46a F46a-10).
pub(super) const NUMBERED: [&[(char, char)]; 10] = [
    &[('①', '⑳'), ('㉑', '㉟'), ('㊱', '㊿')],
    &[('⑴', '⒇')],
    &[('⒈', '⒛')],
    &[('⒜', '⒵')],
    &[('Ⓐ', 'Ⓩ')],
    &[('ⓐ', 'ⓩ')],
    &[('❶', '❿'), ('⓫', '⓴')],
    &[('⓵', '⓾')],
    &[('➀', '➉')],
    &[('➊', '➓')],
];

/// Which series of [`NUMBERED`] `c` is in, if any.
pub(super) fn numbered(c: char) -> Option<usize> {
    if !matches!(c, '\u{2460}'..='\u{24FF}' | '\u{2776}'..='\u{2793}' | '\u{3251}'..='\u{32BF}') {
        return None;
    }
    NUMBERED.iter().position(|ranges| ranges.iter().any(|&(a, b)| (a..=b).contains(&c)))
}
