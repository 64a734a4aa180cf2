//! Hyphenation: the one room that knows the hyphenation crate. Knuth–Liang patterns (TeX's),
//! compiled into the binary, found by the briefing's language tag.

use std::sync::{Arc, Mutex, OnceLock};

use hyphenation::{Hyphenator as _, Language, Load, Standard};

/// The hyphenators loaded so far, by language.
type Loaded = Vec<(Language, Arc<Hyphenator>)>;

/// Finds hyphenation points in words of one language.
pub struct Hyphenator {
    dictionary: Standard,
}

impl std::fmt::Debug for Hyphenator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Hyphenator({})", self.dictionary.language().code())
    }
}

/// The patterns' language for a BCP 47 tag: the tag itself where the crate names it
/// (`en-gb`), else its primary language, with the current spelling where there are several
/// (`de` → 1996 rules, `el` → monotonic, `en` → US).
fn language(tag: &str) -> Option<Language> {
    let tag = tag.to_ascii_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    Language::try_from_code(&tag).or_else(|| {
        Some(match primary {
            "en" => Language::EnglishUS,
            "de" => Language::German1996,
            "el" => Language::GreekMono,
            "sr" => Language::SerbianCyrillic,
            "no" => Language::NorwegianBokmal,
            other => Language::try_from_code(other)?,
        })
    })
}

impl Hyphenator {
    /// The hyphenator for a language tag (`en`, `de-AT`), or `None` when no patterns are
    /// compiled in for it (Japanese, which is never hyphenated, among others). Loaded once
    /// per language and process.
    pub fn for_language(tag: &str) -> Option<Arc<Hyphenator>> {
        static LOADED: OnceLock<Mutex<Loaded>> = OnceLock::new();
        let lang = language(tag)?;
        let loaded = LOADED.get_or_init(Default::default);
        let mut loaded = loaded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, h)) = loaded.iter().find(|(l, _)| *l == lang) {
            return Some(h.clone());
        }
        let dictionary = Standard::from_embedded(lang).ok()?;
        let h = Arc::new(Hyphenator { dictionary });
        loaded.push((lang, h.clone()));
        Some(h)
    }

    /// Byte offsets in `word` where it may be broken with a hyphen, in increasing order.
    pub fn points(&self, word: &str) -> Vec<usize> {
        self.dictionary.hyphenate(word).breaks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_language_hyphenates() {
        for (tag, word) in [
            ("en", "telecommunications"),
            ("de", "Digitalisierungsstrategie"),
            ("fr", "télécommunications"),
            ("es", "telecomunicaciones"),
            ("it", "telecomunicazioni"),
            ("nl", "telecommunicatie"),
            ("pl", "telekomunikacyjnych"),
            ("pt", "telecomunicações"),
        ] {
            let h = Hyphenator::for_language(tag).unwrap_or_else(|| panic!("{tag}"));
            let points = h.points(word);
            assert!(points.len() >= 2, "{tag}: {word} {points:?}");
            assert!(points.iter().all(|&p| word.is_char_boundary(p) && p > 0 && p < word.len()));
        }
        assert_eq!(Hyphenator::for_language("en").unwrap().points("hyphenation"), [2, 6, 7]);
    }

    #[test]
    fn japanese_has_no_patterns() {
        assert!(Hyphenator::for_language("ja").is_none());
        assert!(Hyphenator::for_language("en-GB").is_some());
    }
}
