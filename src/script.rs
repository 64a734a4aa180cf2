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

/// Whether a line ending with `before` and the next starting with `after` join without a
/// space, as Japanese lines do: a Japanese character beside another, or beside a mark Japanese
/// sets full width (`。`, `※`, `○`, `①`, `…`, `“`: no letter, digit or space of a Latin text),
/// or a digit beside a Japanese character, part of its sentence (`2020年10月` / `1日`; text42a
/// F42a-8). A Latin word beside a Japanese character joins it too when the two are Japanese
/// text, `日EU・ICT` / `戦略`, `AI` / `ガバナンスについて` (text43a F43a-26): when the Latin
/// side's word holds a Japanese character, or the Japanese side's holds hiragana (a
/// sentence's particles) or a Latin letter; a Japanese name in a Latin text, `the ministry
/// 総務省` / `said`, keeps its space, and so does a Latin sentence after a full stop. Markdown's line breaks (`markdown`) and those YAML
/// folds (`load`) alike.
pub fn joins_lines(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    let mark = |c: char| is_japanese(c) || (!c.is_ascii() && !c.is_alphabetic() && !c.is_whitespace());
    if (is_japanese(a) || is_japanese(b)) && mark(a) && mark(b)
        || is_japanese(a) && b.is_ascii_digit()
        || a.is_ascii_digit() && is_japanese(b)
    {
        return true;
    }
    let latin = |c: char| c.is_alphabetic() && !is_japanese(c);
    // (After a full stop a Latin sentence may start after a space: `確認した。` / `The EU`.)
    let japanese = |c: char| is_japanese(c) && !matches!(c, '。' | '．' | '！' | '？');
    // The words either side of the break, to a space; a few characters tell (and a long
    // Japanese paragraph has no space to stop at).
    let word = |chars: &mut dyn Iterator<Item = char>| -> Vec<char> {
        chars.take_while(|c| !c.is_whitespace()).take(24).collect()
    };
    let (latin_word, japanese_word) = match (latin(a) && japanese(b), japanese(a) && latin(b)) {
        (true, _) => (word(&mut before.chars().rev()), word(&mut after.chars())),
        (_, true) => (word(&mut after.chars()), word(&mut before.chars().rev())),
        _ => return false,
    };
    let hiragana = |c: &char| matches!(c, '\u{3041}'..='\u{309F}');
    latin_word.iter().any(|&c| is_japanese(c)) || japanese_word.iter().any(|c| hiragana(c) || latin(*c))
}

/// Whether `c` is Japanese in text of language `lang`: as [`is_japanese`], but in Chinese or
/// Korean text, where ideographs and the full-width forms are the text's own, only kana
/// (text40b F40b-20: every run of a Traditional Chinese page was marked Japanese, and read
/// with a Japanese voice).
pub fn is_japanese_in(c: char, lang: &str) -> bool {
    let kana = matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}');
    match primary_language(lang).as_str() {
        "zh" | "ko" => kana,
        _ => is_japanese(c),
    }
}

/// Kana and kanji (ideographs): the characters a quarter em keeps apart from Latin text.
pub fn is_kana_or_kanji(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}' | '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{2FA1F}')
}

/// Whether `c` is a CJK compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F): a
/// glyph variant chosen on purpose, often in a name, that NFC would replace by its unified
/// ideograph (`神` U+FA19 by `神` U+795E).
pub fn is_compatibility_ideograph(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// `text` in Unicode NFC, so that what the user sees and what is compared agree (`e` +
/// U+0301 is `é`), except that a CJK compatibility ideograph is kept as typed: to Unicode it
/// is the same text as its unified ideograph, but to a reader it is another glyph. (It is a
/// starter that nothing composes with, so normalizing the text on either side of it
/// separately is normalizing the whole.)
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(is_compatibility_ideograph) {
        match piece.chars().next_back() {
            Some(c) if is_compatibility_ideograph(c) => {
                out.extend(piece[..piece.len() - c.len_utf8()].nfc());
                out.push(c);
            }
            _ => out.extend(piece.nfc()),
        }
    }
    out.into()
}

/// The marks that set the direction of text and print nothing: LRM, RLM, ALM, and the
/// embeddings, overrides and isolates.
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that are never drawn: soft hyphen, zero-width spaces and joiners, bidi marks,
/// embeddings and isolates, invisible operators, variation selectors, byte order mark. They
/// still guide line breaking; dropping them loses no text.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// `address` without its invisible characters: a zero-width space that a web page, X or
/// Teams put inside an address to let it wrap, or a soft hyphen, is printed as nothing, and
/// must not lead the link elsewhere (text45a F45a-26: `%E2%80%8B` in the link, a dead one).
pub fn link_address(address: &str) -> std::borrow::Cow<'_, str> {
    match address.contains(is_invisible) {
        true => address.chars().filter(|&c| !is_invisible(c)).collect::<String>().into(),
        false => address.into(),
    }
}

/// Invisible characters that only say where a line may break, or may not: soft hyphen,
/// zero-width space, word joiner, zero-width no-break space. Adding or removing one changes
/// no word (unlike a joiner or a variation selector, which change how a character looks).
pub fn is_break_hint(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Greek and Cyrillic letters that look like a Latin one, each before the letter it looks
/// like: what a key or an address picks up when a Greek or Cyrillic keyboard layout is left on
/// (text46a F46a-29).
const LOOK_ALIKES: &str = "аaеeоoрpсcуyхxіiјjѕsһhԁdԛqԝwӏlкkАAВBЕEКKМMНHОOРPСCТTХXУYІIЈJЅS\
                           αaοoρpιiκkνvυuχxϲcΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX";

/// The Latin letter the Greek or Cyrillic `c` looks like, if it looks like one (`і` U+0456
/// for `i`, `ο` U+03BF for `o`).
pub fn latin_look_alike(c: char) -> Option<char> {
    let mut pairs = LOOK_ALIKES.chars().filter(|c| !c.is_whitespace());
    while let (Some(other), Some(latin)) = (pairs.next(), pairs.next()) {
        if other == c {
            return Some(latin);
        }
    }
    None
}

/// `Greek` or `Cyrillic`, for a letter of that script.
pub fn greek_or_cyrillic(c: char) -> Option<&'static str> {
    match c {
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some("Greek"),
        '\u{0400}'..='\u{052F}' => Some("Cyrillic"),
        _ => None,
    }
}

/// The Greek or Cyrillic letters of `text` that look like Latin ones, in a word of Latin
/// letters or in a text whose other letters are all Latin (`exаmple.org` with a Cyrillic `а`):
/// each once, and the text with them made Latin. `None` when there is none, or when they
/// are words of their own script (`пример.рф`).
pub fn look_alikes_in(text: &str) -> Option<(Vec<char>, String)> {
    let foreign = |c: char| greek_or_cyrillic(c).is_some();
    if !text.chars().any(|c| c.is_ascii_alphabetic()) || !text.chars().any(foreign) {
        return None;
    }
    let mixed_word = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && w.chars().any(foreign));
    let all_alike = text.chars().filter(|&c| foreign(c)).all(|c| latin_look_alike(c).is_some());
    if !mixed_word && !all_alike {
        return None;
    }
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| foreign(c) && latin_look_alike(c).is_some()) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    let latin = text.chars().map(|c| latin_look_alike(c).unwrap_or(c)).collect();
    (!found.is_empty()).then_some((found, latin))
}

/// `a Cyrillic і (U+0456)`, `a Greek ο (U+03BF) and a Greek ρ (U+03C1)`: the letters of
/// [`look_alikes_in`] named.
pub fn name_look_alikes(letters: &[char]) -> String {
    let names: Vec<String> = letters
        .iter()
        .map(|&c| format!("a {} {c} (U+{:04X})", greek_or_cyrillic(c).unwrap_or("non-Latin"), c as u32))
        .collect();
    crate::wording::and_list(&names)
}

/// The curly quotes a value may be typed in, each opening with the closings it may have:
/// Word's English `“…”` and `‘…’`, its German `„…“`, and `”…”` (Japanese input).
const CURLY_PAIRS: [(char, &[char]); 6] =
    [('“', &['”', '“']), ('”', &['”']), ('„', &['“', '”']), ('‘', &['’', '‘']), ('’', &['’']), ('‚', &['‘', '’'])];

/// The curly quotes `written` (a value as typed in the file) starts and ends with, when it is
/// wholly in curly quotes and so was written without YAML's own: Word and Outlook turn a
/// typed `"` into `“`.
pub fn curly_pair(written: &str) -> Option<(char, char)> {
    let written = written.trim();
    let mut chars = written.chars();
    let (open, close) = (chars.next()?, chars.next_back()?);
    CURLY_PAIRS.iter().any(|(o, closes)| *o == open && closes.contains(&close)).then_some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_alike_letter_is_found_among_latin_ones_not_in_a_word_of_its_own_script() {
        let (letters, latin) = look_alikes_in("sato@exаmple.org").unwrap();
        assert_eq!((letters, latin.as_str()), (vec!['а'], "sato@example.org"));
        assert_eq!(name_look_alikes(&['ο', 'ρ']), "a Greek ο (U+03BF) and a Greek ρ (U+03C1)");
        // (`рау` is all look-alikes: a Latin word typed on the other layout.)
        assert_eq!(look_alikes_in("www.рау.com").map(|l| l.1).as_deref(), Some("www.pay.com"));
        for text in ["info@пример.рф", "пример.рф", "sato@example.org", "Αθήνα", "https://мвд.рф/en"]
        {
            assert_eq!(look_alikes_in(text), None, "{text}");
        }
    }

    #[test]
    fn japanese_script_is_recognised() {
        assert!("日本、カタカナ。ひらがな（全角）".chars().all(is_japanese));
        assert!(!"Japan-EU 5G é ≤".chars().any(is_japanese));
        assert!("日本かなカナ".chars().all(is_kana_or_kanji));
        assert!(!"、。「」A".chars().any(is_kana_or_kanji));
    }

    #[test]
    fn text_is_nfc_but_compatibility_ideographs_stay_as_typed() {
        assert_eq!(nfc("Cafe\u{301}"), "Caf\u{e9}");
        // 神 U+FA19 and 丽 U+2F800 would become U+795E and U+4E3D: another glyph.
        assert_eq!(nfc("\u{FA19}社 e\u{301} \u{2F800}\u{2F800}a\u{30A}"), "\u{FA19}社 \u{e9} \u{2F800}\u{2F800}\u{e5}");
        assert_eq!(nfc("plain"), "plain");
    }

    #[test]
    fn a_latin_word_joins_a_japanese_line_in_japanese_text() {
        // text43a F43a-26: "日EU・ICT 戦略", "AI ガバナンス".
        assert!(joins_lines("第10回日EU・ICT", "戦略ワークショップ"));
        assert!(joins_lines("5G及びAI", "ガバナンスについて"));
        assert!(joins_lines("の公募を", "Beyond 5G"));
        assert!(joins_lines("開催し、", "Beyond 5G") && joins_lines("ICT", "（戦略）について"));
        assert!(!joins_lines("確認した。", "The EU side"), "a Latin sentence after a full stop");
        assert!(!joins_lines("開催し、Beyond", "5G及び"), "two Latin words");
        assert!(!joins_lines("the ministry 総務省", "said"), "a Japanese name in English");
        assert!(!joins_lines("met the", "総務省 staff"));
        assert!(joins_lines("2020年10月", "1日") && joins_lines("双方は", "確認"));
        assert!(!joins_lines("", "日") && !joins_lines("one", "two"));
    }

    #[test]
    fn the_primary_subtag_is_lower_case() {
        assert_eq!(primary_language("ja-JP"), "ja");
        assert_eq!(primary_language("EN"), "en");
        assert_eq!(primary_language("pt-PT"), "pt");
    }
}
