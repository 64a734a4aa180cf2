//! Which language a stretch of text is written in, when the YAML does not say: whatlang's
//! trigram statistics, among the languages briefings are written in (English, Japanese and
//! the EU's), and only when the text is long enough and the answer clear. Anything short or
//! ambiguous gets no answer, and keeps the language of what it is in.

use whatlang::{Detector, Lang};

/// Letters a text needs before its language is guessed (about ten words).
const MIN_LETTERS: usize = 60;
/// Kana and kanji a text needs to be taken for Japanese.
const MIN_JAPANESE: usize = 20;
/// How sure whatlang must be (0 to 1).
const MIN_CONFIDENCE: f64 = 0.9;

/// The languages detected, with their BCP 47 tags.
const LANGUAGES: [(Lang, &str); 22] = [
    (Lang::Eng, "en"),
    (Lang::Deu, "de"),
    (Lang::Fra, "fr"),
    (Lang::Spa, "es"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ell, "el"),
    (Lang::Bul, "bg"),
    (Lang::Ces, "cs"),
    (Lang::Dan, "da"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Hun, "hu"),
    (Lang::Lit, "lt"),
    (Lang::Lav, "lv"),
    (Lang::Ron, "ro"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Swe, "sv"),
    (Lang::Hrv, "hr"),
];

/// The language `text` is written in (a BCP 47 tag), when that is clear: mostly kana and
/// kanji is Japanese; otherwise at least [`MIN_LETTERS`] letters that whatlang places with
/// confidence. `None` for anything shorter or less certain.
pub fn of(text: &str) -> Option<&'static str> {
    let (mut letters, mut japanese) = (0usize, 0usize);
    for c in text.chars() {
        if crate::script::is_kana_or_kanji(c) {
            japanese += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if japanese >= MIN_JAPANESE && 2 * japanese > letters {
        return Some("ja");
    }
    if japanese > 0 || letters < MIN_LETTERS {
        return None;
    }
    let detector = Detector::with_allowlist(LANGUAGES.iter().map(|l| l.0).collect());
    let info = detector.detect(text)?;
    if !info.is_reliable() || info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    LANGUAGES.iter().find(|l| l.0 == info.lang()).map(|l| l.1)
}

/// `text`'s language when it is clearly another than `lang` (whose primary subtag is
/// compared: `en-GB` text is not marked `en`).
pub fn other_than(text: &str, lang: &str) -> Option<&'static str> {
    of(text).filter(|&l| l != crate::script::primary_language(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_clear_text_is_placed_and_short_or_mixed_text_is_not() {
        let cases = [
            ("The Commission presented its strategy for data and artificial intelligence, and both sides agreed to continue.", Some("en")),
            ("Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη και οι δύο πλευρές συμφώνησαν.", Some("el")),
            ("Комисията представи своята стратегия за данните и изкуствения интелект и двете страни се съгласиха да продължат.", Some("bg")),
            ("Komisja przedstawiła swoją strategię dotyczącą danych i sztucznej inteligencji, a obie strony zgodziły się kontynuować prace.", Some("pl")),
            ("総務省と欧州委員会は、第10回日EU・ICT戦略ワークショップをウェブ会議形式で開催しました。", Some("ja")),
            ("Beyond 5G and 6G", None),
            ("Données", None),
        ];
        for (text, lang) in cases {
            assert_eq!(of(text), lang, "{text}");
        }
        assert_eq!(other_than(cases[0].0, "en-GB"), None);
        assert_eq!(other_than(cases[1].0, "en"), Some("el"));
    }
}
