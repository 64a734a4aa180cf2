//! Text in capitals, as running heads and markings print it: Japanese as it is, Greek
//! without its accents (but where they tell words or sounds apart), Irish with its small
//! prefixes (in Irish text only: English `hEN` is `HEN`).

/// `v` in capitals, unless it is Japanese text: the Latin words inside it (`Beyond 5G`) keep
/// their case, as capitals belong to Latin-script running heads only. Greek in capitals has
/// no accents (`ΜΟΝΟ ΓΙΑ ΥΠΗΡΕΣΙΑΚΗ ΧΡΗΣΗ`, not `ΜΌΝΟ`); a diaeresis stays, and so does the
/// accent of `ή` ("or"), which tells it from the article `η`. Text in Irish (`lang` `ga`)
/// keeps its small prefixes (see [`irish_word_in_capitals`]); in any other language a word such as
/// `hEN` or `nGO` is all capitals.
pub fn capitals(v: &str, lang: &str) -> String {
    if v.chars().any(crate::script::is_japanese) {
        return v.to_string();
    }
    use unicode_normalization::UnicodeNormalization;
    // (A `ή` typed as `η` and its accent, composed; nothing else is.)
    let composed: std::borrow::Cow<str> =
        if v.contains(['η', 'Η']) && v.contains('\u{301}') { v.nfc().collect::<String>().into() } else { v.into() };
    let irish = crate::script::primary_language(lang) == "ga";
    let in_capitals = |word: &str| if irish { irish_word_in_capitals(word) } else { word_in_capitals(word) };
    // Each word apart, between any marks that are not letters (`ή/και`, `«ή»`, `(ή)`).
    let mut out = String::with_capacity(v.len());
    let mut rest = composed.as_ref();
    let apart = |c: char| !c.is_alphabetic() && !unicode_normalization::char::is_combining_mark(c);
    while let Some(at) = rest.find(apart) {
        let (word, tail) = rest.split_at(at);
        let mark = tail.chars().next().map_or(0, char::len_utf8);
        let after = &tail[mark..];
        // Irish `t-` and `n-` before a vowel (`an t-uisce`, `ár n-athair`) lose their hyphen
        // before the capital: `AN tUISCE`, `ÁR nATHAIR`.
        let hyphened = irish
            && matches!(word, "t" | "n")
            && matches!(&tail[..mark], "-" | "\u{2010}")
            && after.starts_with(|c: char| "aeiouáéíóúAEIOUÁÉÍÓÚ".contains(c));
        if hyphened {
            out.push_str(word);
        } else {
            out.push_str(&in_capitals(word));
            out.push_str(&tail[..mark]);
        }
        rest = after;
    }
    out.push_str(&in_capitals(rest));
    out
}

/// One word in capitals: `ή` (or `Ή`, typed) keeps its accent.
fn word_in_capitals(word: &str) -> String {
    if matches!(word, "ή" | "Ή") {
        return "Ή".to_string();
    }
    upper_bare(word)
}

/// One Irish word in capitals: it keeps the prefix written small before its capital
/// (`an tAcht`, `na hÉireann`, `i bhFeidhm`: `AN tACHT`, `NA hÉIREANN`, `I bhFEIDHM`).
fn irish_word_in_capitals(word: &str) -> String {
    // Each prefix, and the capitals it stands before: t, n and h before a vowel (`tAcht`,
    // `nÉireann`, `hÉireann`), t before S (`tSeirbhís`), and eclipsis (`nGaeilge`, `bPáras`,
    // `mBord`, `gCorcaigh`, `dTuaisceart`, `nDoire`, `bhFeidhm`).
    const VOWELS: &str = "AEIOUÁÉÍÓÚ";
    const PREFIXES: [(&str, &str); 8] =
        [("bh", "F"), ("t", "S"), ("n", "GD"), ("b", "P"), ("m", "B"), ("g", "C"), ("d", "T"), ("h", "")];
    for (prefix, before) in PREFIXES {
        let Some(rest) = word.strip_prefix(prefix) else { continue };
        let Some(first) = rest.chars().next() else { continue };
        let vowel = VOWELS.contains(first) && matches!(prefix, "t" | "n" | "h");
        if vowel || before.contains(first) {
            return format!("{prefix}{}", upper_bare(rest));
        }
    }
    word_in_capitals(word)
}

/// `v` in capitals, Greek without its accents (see [`capitals`]).
fn upper_bare(v: &str) -> String {
    let upper = v.to_uppercase();
    let greek = |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}');
    if !upper.chars().any(greek) {
        return upper;
    }
    use unicode_normalization::UnicodeNormalization;
    // An accent on the first of two vowels says they are not one sound (`Μάιος`, May): without
    // it, a diaeresis on the second says so (`ΜΑΪΟΣ`, not `ΜΑΙΟΣ`).
    let nfd: Vec<char> = upper.nfd().collect();
    let mut parted = Vec::with_capacity(nfd.len() + 2);
    for (i, &c) in nfd.iter().enumerate() {
        parted.push(c);
        let after_accent = i >= 2 && nfd[i - 1] == '\u{0301}' && "ΑΕΗΟΥ".contains(nfd[i - 2]);
        let bare_next = nfd.get(i + 1).is_none_or(|&n| !unicode_normalization::char::is_combining_mark(n));
        if "ΙΥ".contains(c) && after_accent && bare_next {
            parted.push('\u{0308}');
        }
    }
    let mut after_greek = false;
    let bare: String = parted
        .into_iter()
        .filter(|&c| {
            let accent = matches!(c, '\u{0300}' | '\u{0301}' | '\u{0313}' | '\u{0314}' | '\u{0342}' | '\u{0345}');
            if unicode_normalization::char::is_combining_mark(c) {
                return !(accent && after_greek);
            }
            after_greek = greek(c);
            true
        })
        .collect();
    bare.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capitals_el(v: &str) -> String {
        capitals(v, "el")
    }

    #[test]
    fn greek_in_capitals_drops_its_accents_and_nothing_else_does() {
        assert_eq!(capitals_el("Μόνο για υπηρεσιακή χρήση"), "ΜΟΝΟ ΓΙΑ ΥΠΗΡΕΣΙΑΚΗ ΧΡΗΣΗ");
        // A diaeresis stays; Latin accents beside Greek stay.
        assert_eq!(capitals_el("Προϊόν — Café"), "ΠΡΟΪΟΝ — CAFÉ");
        assert_eq!(capitals("Réservé à l’usage officiel", "fr"), "RÉSERVÉ À L’USAGE OFFICIEL");
        // An accent that parted two vowels becomes a diaeresis on the second.
        assert_eq!(capitals_el("Μάιος, ρολόι, κοροϊδο, ουσία"), "ΜΑΪΟΣ, ΡΟΛΟΪ, ΚΟΡΟΪΔΟ, ΟΥΣΙΑ");
        // "Or" keeps its accent: without it, it is the article.
        assert_eq!(capitals_el("Προϊόντα ή υπηρεσίες, ή"), "ΠΡΟΪΟΝΤΑ Ή ΥΠΗΡΕΣΙΕΣ, Ή");
        assert_eq!(capitals_el("και/ή «ή» (ή) ή… Ή, ήταν"), "ΚΑΙ/Ή «Ή» (Ή) Ή… Ή, ΗΤΑΝ");
        assert_eq!(capitals_el("Μα\u{301}ιος η\u{301} ή"), "ΜΑΪΟΣ Ή Ή", "decomposed as typed");
        // Irish keeps its prefixes small; other words written so are capitals.
        assert_eq!(
            capitals("Rialtas na hÉireann · an tAcht · i bhFeidhm", "ga"),
            "RIALTAS NA hÉIREANN · AN tACHT · I bhFEIDHM"
        );
        assert_eq!(capitals("iPhone, eBay, tBond, the NATO", "ga"), "IPHONE, EBAY, TBOND, THE NATO");
        assert_eq!(
            capitals("ár nGaeilge · i bPáras · ar an mBord · an tSeirbhís · i dTuaisceart · i gCorcaigh", "ga-IE"),
            "ÁR nGAEILGE · I bPÁRAS · AR AN mBORD · AN tSEIRBHÍS · I dTUAISCEART · I gCORCAIGH"
        );
    }

    #[test]
    fn irish_t_and_n_before_a_vowel_lose_their_hyphen_in_capitals() {
        assert_eq!(
            capitals("an t-uisce · ár n-athair · an t-Éireannach", "ga"),
            "AN tUISCE · ÁR nATHAIR · AN tÉIREANNACH"
        );
        // Before a consonant, or not after t or n, the hyphen is a hyphen.
        assert_eq!(capitals("an t-sráid, ró-mhór", "ga"), "AN T-SRÁID, RÓ-MHÓR");
    }

    #[test]
    fn small_prefixes_are_irish_only() {
        // In English (or any language but Irish) such words are all capitals.
        assert_eq!(capitals("The hEN and nGO tAX mBoard, t-shirt", "en"), "THE HEN AND NGO TAX MBOARD, T-SHIRT");
        assert_eq!(capitals("an t-uisce, na hÉireann", "en-GB"), "AN T-UISCE, NA HÉIREANN");
        assert_eq!(capitals("Rialtas na hÉireann", "ga"), "RIALTAS NA hÉIREANN");
    }
}
