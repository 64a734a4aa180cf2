//! Languages and scripts: what a language tag's primary subtag is, and which characters are
//! Japanese. The lowest room of the house: markdown, validation, the redline and layout all
//! ask it, and it asks nobody.

/// The primary language subtag of a BCP 47 tag, in lower case: `ja` for `ja-JP`.
pub fn primary_language(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

/// Whether `c` is Japanese script: kana, kanji, and the CJK punctuation and full-width forms
/// that go with them.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Kana and kanji (ideographs): the characters a quarter em keeps apart from Latin text.
pub fn is_kana_or_kanji(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}' | '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_script_is_recognised() {
        assert!("日本、カタカナ。ひらがな（全角）".chars().all(is_japanese));
        assert!(!"Japan-EU 5G é ≤".chars().any(is_japanese));
        assert!("日本かなカナ".chars().all(is_kana_or_kanji));
        assert!(!"、。「」A".chars().any(is_kana_or_kanji));
    }

    #[test]
    fn the_primary_subtag_is_lower_case() {
        assert_eq!(primary_language("ja-JP"), "ja");
        assert_eq!(primary_language("EN"), "en");
        assert_eq!(primary_language("pt-PT"), "pt");
    }
}
