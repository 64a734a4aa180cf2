//! Whether a language tag's primary subtag names a language: a two-letter one must be an
//! ISO 639-1 code, and a three-letter one that has a two-letter code is written with that
//! one (BCP 47 takes the shortest). A country code typed for its language (`jp` for Japanese)
//! and an old code (`iw`) are named with the code meant, so that the file can be read as meant.
//! Three-letter codes with no two-letter one (`fil`, `yue`) and private-use tags (`x-…`) pass
//! unchecked: the shape of a tag is [`super::is_language_tag`]'s business.

/// Every ISO 639-1 code, with its ISO 639-2 codes (terminology, then bibliographic where it
/// differs) and the language's English name.
const LANGUAGES: [(&str, &str, &str); 184] = [
    ("aa", "aar", "Afar"),
    ("ab", "abk", "Abkhazian"),
    ("ae", "ave", "Avestan"),
    ("af", "afr", "Afrikaans"),
    ("ak", "aka", "Akan"),
    ("am", "amh", "Amharic"),
    ("an", "arg", "Aragonese"),
    ("ar", "ara", "Arabic"),
    ("as", "asm", "Assamese"),
    ("av", "ava", "Avaric"),
    ("ay", "aym", "Aymara"),
    ("az", "aze", "Azerbaijani"),
    ("ba", "bak", "Bashkir"),
    ("be", "bel", "Belarusian"),
    ("bg", "bul", "Bulgarian"),
    ("bi", "bis", "Bislama"),
    ("bm", "bam", "Bambara"),
    ("bn", "ben", "Bengali"),
    ("bo", "bod tib", "Tibetan"),
    ("br", "bre", "Breton"),
    ("bs", "bos", "Bosnian"),
    ("ca", "cat", "Catalan"),
    ("ce", "che", "Chechen"),
    ("ch", "cha", "Chamorro"),
    ("co", "cos", "Corsican"),
    ("cr", "cre", "Cree"),
    ("cs", "ces cze", "Czech"),
    ("cu", "chu", "Church Slavonic"),
    ("cv", "chv", "Chuvash"),
    ("cy", "cym wel", "Welsh"),
    ("da", "dan", "Danish"),
    ("de", "deu ger", "German"),
    ("dv", "div", "Divehi"),
    ("dz", "dzo", "Dzongkha"),
    ("ee", "ewe", "Ewe"),
    ("el", "ell gre", "Greek"),
    ("en", "eng", "English"),
    ("eo", "epo", "Esperanto"),
    ("es", "spa", "Spanish"),
    ("et", "est", "Estonian"),
    ("eu", "eus baq", "Basque"),
    ("fa", "fas per", "Persian"),
    ("ff", "ful", "Fulah"),
    ("fi", "fin", "Finnish"),
    ("fj", "fij", "Fijian"),
    ("fo", "fao", "Faroese"),
    ("fr", "fra fre", "French"),
    ("fy", "fry", "Western Frisian"),
    ("ga", "gle", "Irish"),
    ("gd", "gla", "Scottish Gaelic"),
    ("gl", "glg", "Galician"),
    ("gn", "grn", "Guarani"),
    ("gu", "guj", "Gujarati"),
    ("gv", "glv", "Manx"),
    ("ha", "hau", "Hausa"),
    ("he", "heb", "Hebrew"),
    ("hi", "hin", "Hindi"),
    ("ho", "hmo", "Hiri Motu"),
    ("hr", "hrv", "Croatian"),
    ("ht", "hat", "Haitian Creole"),
    ("hu", "hun", "Hungarian"),
    ("hy", "hye arm", "Armenian"),
    ("hz", "her", "Herero"),
    ("ia", "ina", "Interlingua"),
    ("id", "ind", "Indonesian"),
    ("ie", "ile", "Interlingue"),
    ("ig", "ibo", "Igbo"),
    ("ii", "iii", "Sichuan Yi"),
    ("ik", "ipk", "Inupiaq"),
    ("io", "ido", "Ido"),
    ("is", "isl ice", "Icelandic"),
    ("it", "ita", "Italian"),
    ("iu", "iku", "Inuktitut"),
    ("ja", "jpn", "Japanese"),
    ("jv", "jav", "Javanese"),
    ("ka", "kat geo", "Georgian"),
    ("kg", "kon", "Kongo"),
    ("ki", "kik", "Kikuyu"),
    ("kj", "kua", "Kuanyama"),
    ("kk", "kaz", "Kazakh"),
    ("kl", "kal", "Kalaallisut"),
    ("km", "khm", "Khmer"),
    ("kn", "kan", "Kannada"),
    ("ko", "kor", "Korean"),
    ("kr", "kau", "Kanuri"),
    ("ks", "kas", "Kashmiri"),
    ("ku", "kur", "Kurdish"),
    ("kv", "kom", "Komi"),
    ("kw", "cor", "Cornish"),
    ("ky", "kir", "Kyrgyz"),
    ("la", "lat", "Latin"),
    ("lb", "ltz", "Luxembourgish"),
    ("lg", "lug", "Ganda"),
    ("li", "lim", "Limburgish"),
    ("ln", "lin", "Lingala"),
    ("lo", "lao", "Lao"),
    ("lt", "lit", "Lithuanian"),
    ("lu", "lub", "Luba-Katanga"),
    ("lv", "lav", "Latvian"),
    ("mg", "mlg", "Malagasy"),
    ("mh", "mah", "Marshallese"),
    ("mi", "mri mao", "Maori"),
    ("mk", "mkd mac", "Macedonian"),
    ("ml", "mal", "Malayalam"),
    ("mn", "mon", "Mongolian"),
    ("mr", "mar", "Marathi"),
    ("ms", "msa may", "Malay"),
    ("mt", "mlt", "Maltese"),
    ("my", "mya bur", "Burmese"),
    ("na", "nau", "Nauru"),
    ("nb", "nob", "Norwegian Bokmål"),
    ("nd", "nde", "North Ndebele"),
    ("ne", "nep", "Nepali"),
    ("ng", "ndo", "Ndonga"),
    ("nl", "nld dut", "Dutch"),
    ("nn", "nno", "Norwegian Nynorsk"),
    ("no", "nor", "Norwegian"),
    ("nr", "nbl", "South Ndebele"),
    ("nv", "nav", "Navajo"),
    ("ny", "nya", "Chichewa"),
    ("oc", "oci", "Occitan"),
    ("oj", "oji", "Ojibwe"),
    ("om", "orm", "Oromo"),
    ("or", "ori", "Odia"),
    ("os", "oss", "Ossetian"),
    ("pa", "pan", "Punjabi"),
    ("pi", "pli", "Pali"),
    ("pl", "pol", "Polish"),
    ("ps", "pus", "Pashto"),
    ("pt", "por", "Portuguese"),
    ("qu", "que", "Quechua"),
    ("rm", "roh", "Romansh"),
    ("rn", "run", "Kirundi"),
    ("ro", "ron rum", "Romanian"),
    ("ru", "rus", "Russian"),
    ("rw", "kin", "Kinyarwanda"),
    ("sa", "san", "Sanskrit"),
    ("sc", "srd", "Sardinian"),
    ("sd", "snd", "Sindhi"),
    ("se", "sme", "Northern Sami"),
    ("sg", "sag", "Sango"),
    ("sh", "hbs", "Serbo-Croatian"),
    ("si", "sin", "Sinhala"),
    ("sk", "slk slo", "Slovak"),
    ("sl", "slv", "Slovenian"),
    ("sm", "smo", "Samoan"),
    ("sn", "sna", "Shona"),
    ("so", "som", "Somali"),
    ("sq", "sqi alb", "Albanian"),
    ("sr", "srp", "Serbian"),
    ("ss", "ssw", "Swati"),
    ("st", "sot", "Southern Sotho"),
    ("su", "sun", "Sundanese"),
    ("sv", "swe", "Swedish"),
    ("sw", "swa", "Swahili"),
    ("ta", "tam", "Tamil"),
    ("te", "tel", "Telugu"),
    ("tg", "tgk", "Tajik"),
    ("th", "tha", "Thai"),
    ("ti", "tir", "Tigrinya"),
    ("tk", "tuk", "Turkmen"),
    ("tl", "tgl", "Tagalog"),
    ("tn", "tsn", "Tswana"),
    ("to", "ton", "Tongan"),
    ("tr", "tur", "Turkish"),
    ("ts", "tso", "Tsonga"),
    ("tt", "tat", "Tatar"),
    ("tw", "twi", "Twi"),
    ("ty", "tah", "Tahitian"),
    ("ug", "uig", "Uyghur"),
    ("uk", "ukr", "Ukrainian"),
    ("ur", "urd", "Urdu"),
    ("uz", "uzb", "Uzbek"),
    ("ve", "ven", "Venda"),
    ("vi", "vie", "Vietnamese"),
    ("vo", "vol", "Volapük"),
    ("wa", "wln", "Walloon"),
    ("wo", "wol", "Wolof"),
    ("xh", "xho", "Xhosa"),
    ("yi", "yid", "Yiddish"),
    ("yo", "yor", "Yoruba"),
    ("za", "zha", "Zhuang"),
    ("zh", "zho chi", "Chinese"),
    ("zu", "zul", "Zulu"),
];

/// Country codes (ISO 3166) that are no language's code, typed for the language of the
/// country: the country's name and the language's code. A country code that is a language's
/// code too (`se`, Northern Sami, not Swedish) is taken as the language, unless the file
/// shows otherwise (see [`ALSO_COUNTRIES`]).
const COUNTRIES: [(&str, &str, &str); 21] = [
    ("al", "Albania", "sq"),
    ("at", "Austria", "de"),
    ("by", "Belarus", "be"),
    ("cn", "China", "zh"),
    ("cz", "Czechia", "cs"),
    ("dk", "Denmark", "da"),
    ("gb", "the United Kingdom", "en"),
    ("ge", "Georgia", "ka"),
    ("gr", "Greece", "el"),
    ("hk", "Hong Kong", "zh"),
    ("il", "Israel", "he"),
    ("ir", "Iran", "fa"),
    ("jp", "Japan", "ja"),
    ("kp", "North Korea", "ko"),
    ("mx", "Mexico", "es"),
    ("pk", "Pakistan", "ur"),
    ("rs", "Serbia", "sr"),
    ("tj", "Tajikistan", "tg"),
    ("ua", "Ukraine", "uk"),
    ("us", "the United States", "en"),
    ("vn", "Viet Nam", "vi"),
];

/// Language codes that are a country's code (ISO 3166) too, with the country and the codes of
/// its languages: `kr` is Kanuri, and South Korea's code. Such a code is the language it names
/// unless the text values of the file give one of the country's languages in its place.
const ALSO_COUNTRIES: [(&str, &str, &str); 24] = [
    ("am", "Armenia", "hy"),
    ("ar", "Argentina", "es"),
    ("ba", "Bosnia and Herzegovina", "bs hr sr"),
    ("be", "Belgium", "nl fr de"),
    ("bn", "Brunei", "ms"),
    ("bo", "Bolivia", "es"),
    ("ca", "Canada", "en fr"),
    ("ch", "Switzerland", "de fr it rm"),
    ("co", "Colombia", "es"),
    ("cr", "Costa Rica", "es"),
    ("cu", "Cuba", "es"),
    ("cy", "Cyprus", "el tr"),
    ("ee", "Estonia", "et"),
    ("ie", "Ireland", "ga en"),
    ("kr", "South Korea", "ko"),
    ("my", "Malaysia", "ms"),
    ("pa", "Panama", "es"),
    ("ps", "Palestine", "ar"),
    ("sa", "Saudi Arabia", "ar"),
    ("se", "Sweden", "sv"),
    ("si", "Slovenia", "sl"),
    ("sr", "Suriname", "nl"),
    ("tw", "Taiwan", "zh"),
    // (The United Kingdom's own code is `gb`, but `uk` is what its web addresses and most
    // people write: text47a F47a-20, English text tagged Ukrainian.)
    ("uk", "the United Kingdom", "en"),
];

/// Codes ISO 639-1 once had, and the ones that replaced them.
const WITHDRAWN: [(&str, &str); 5] = [("in", "id"), ("iw", "he"), ("ji", "yi"), ("jw", "jv"), ("mo", "ro")];

/// A tag whose primary language subtag names no language as BCP 47 writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misnamed {
    /// What is wrong with it, naming the code meant when it is known.
    pub message: String,
    /// The tag as meant (its other subtags kept: `jp-JP` → `ja-JP`), when that is known.
    pub meant: Option<String>,
}

/// What is wrong with the primary language subtag of `tag` (a tag in the shape
/// [`super::is_language_tag`] accepts), if anything.
pub fn misnamed(tag: &str) -> Option<Misnamed> {
    let (primary, rest) = tag.split_once('-').map_or((tag, ""), |(p, r)| (p, r));
    let code = primary.to_ascii_lowercase();
    let meant = |two: &str| Some(if rest.is_empty() { two.to_string() } else { format!("{two}-{rest}") });
    match code.len() {
        2 if LANGUAGES.iter().any(|l| l.0 == code) => None,
        2 => {
            if let Some(&(_, country, two)) = COUNTRIES.iter().find(|c| c.0 == code) {
                let message = format!(
                    "`{primary}` is the country code of {country}, not a language code; {} is `{two}`",
                    language_name(two)
                );
                return Some(Misnamed { message, meant: meant(two) });
            }
            if let Some(&(_, two)) = WITHDRAWN.iter().find(|w| w.0 == code) {
                let message = format!("`{primary}` is a withdrawn code; {} is `{two}`", language_name(two));
                return Some(Misnamed { message, meant: meant(two) });
            }
            let message = format!("`{primary}` is not a language code (ISO 639-1)");
            Some(Misnamed { message, meant: None })
        }
        3 => {
            let &(two, _, language) = LANGUAGES.iter().find(|l| l.1.split(' ').any(|c| c == code))?;
            let message = format!(
                "`{primary}` is the three-letter code for {language}; a language tag uses the two-letter one, `{two}`"
            );
            Some(Misnamed { message, meant: meant(two) })
        }
        _ => None,
    }
}

/// Each language briefings are written in (English, Japanese and the EU's), by its ISO 639-1
/// code, with its name in that language: the web page's language switcher shows it, and a
/// `lang:` that gives it in place of a tag is told the tag.
pub const OWN_NAMES: [(&str, &str); 25] = [
    ("bg", "Български"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mt", "Malti"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sv", "Svenska"),
];

/// The tag meant by a `lang:` that is not a tag but names a language (text47a F47a-21): a
/// POSIX locale (`ja_JP`, `de_DE.UTF-8`), a language's English name (`English`, `Japanese`),
/// or its own name for itself (`日本語`, `Deutsch`, `Français`). `None` for anything else.
pub fn tag_for_name(text: &str) -> Option<String> {
    // (Spellings typed without a keyboard's accents, and the Japanese words for two.)
    const OTHER_SPELLINGS: [(&str, &str); 5] =
        [("fr", "francais"), ("es", "espanol"), ("pt", "portugues"), ("ja", "にほんご"), ("en", "英語")];
    let text = text.trim();
    let locale = text.split('.').next().unwrap_or(text).replace('_', "-");
    if locale != text && super::is_language_tag(&locale) && misnamed(&locale).is_none() {
        return Some(locale);
    }
    let lower = text.to_lowercase();
    if let Some((two, _)) = OWN_NAMES.iter().chain(&OTHER_SPELLINGS).find(|(_, name)| name.to_lowercase() == lower) {
        return Some(two.to_string());
    }
    LANGUAGES
        .iter()
        .find(|l| l.2.split([';', ',']).any(|name| name.trim().eq_ignore_ascii_case(text)))
        .map(|l| l.0.to_string())
}

/// The English name of the language whose ISO 639-1 code is `two` (lower case); empty for
/// none.
fn language_name(two: &str) -> &'static str {
    LANGUAGES.iter().find(|l| l.0 == two).map_or("", |l| l.2)
}

/// When `listed`, a language's code that is a country's code too, was typed for a language
/// of that country, as the text values show by giving it (`given`: their keys that name no
/// listed language) in its place: what to say, and the tag meant (the key as given). `kr`
/// with `ko:` keys is Korean, not Kanuri. `None` when no key, or more than one, is such a
/// language.
pub fn country_meant(listed: &str, given: &[String]) -> Option<Misnamed> {
    country_language(listed, given, "which the text values give")
}

/// When `listed`, a language's code that is a country's too, is the tag of a text written in
/// `written` (as detected), a language of that country: what to say, and the tag meant.
/// `lang: si` over Slovenian text is Sinhala to a screen reader (text43a F43a-7).
pub fn country_of_text(listed: &str, written: &str, why: &str) -> Option<Misnamed> {
    country_language(listed, &[written.to_string()], why)
}

/// Whether the language `tag` names, of those whose code is a country's too, is written in
/// other letters than Latin ones (`si`, Sinhala; `be`, Belarusian).
pub fn not_latin(tag: &str) -> bool {
    let code = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    ["am", "ar", "ba", "be", "bn", "bo", "cr", "cu", "my", "pa", "ps", "sa", "si", "uk"].contains(&code.as_str())
}

/// Whether `tag`'s language code is a country's too (`si`, `se`, `kr`).
pub fn also_country(tag: &str) -> bool {
    !country_languages(tag).is_empty()
}

/// The languages of the country whose code `tag`'s language code is too (`si`: `sl`).
pub fn country_languages(tag: &str) -> Vec<&'static str> {
    let code = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    ALSO_COUNTRIES.iter().find(|c| c.0 == code).map_or_else(Vec::new, |c| c.2.split(' ').collect())
}

fn country_language(listed: &str, given: &[String], why: &str) -> Option<Misnamed> {
    let primary = listed.split('-').next().unwrap_or(listed);
    let code = primary.to_ascii_lowercase();
    let &(_, country, languages) = ALSO_COUNTRIES.iter().find(|c| c.0 == code)?;
    let of_country = |tag: &&String| {
        let two = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        languages.split(' ').any(|l| l == two).then_some(two)
    };
    let mut candidates = given.iter().filter(|t| of_country(t).is_some());
    let (tag, None) = (candidates.next()?, candidates.next()) else { return None };
    let meant_name = language_name(&of_country(&tag).unwrap_or_default());
    let message = format!(
        "`{primary}` is {} (and the country code of {country}); {meant_name} is `{tag}`, {why}",
        language_name(&code)
    );
    Some(Misnamed { message, meant: Some(tag.clone()) })
}

#[cfg(test)]
mod names {
    use super::tag_for_name;

    /// text47a F47a-21: `lang: English`, `日本語`, `ja_JP` got no tag to write.
    #[test]
    fn a_language_named_or_written_as_a_locale_gives_its_tag() {
        assert_eq!(tag_for_name("English").as_deref(), Some("en"));
        assert_eq!(tag_for_name("japanese").as_deref(), Some("ja"));
        assert_eq!(tag_for_name("日本語").as_deref(), Some("ja"));
        assert_eq!(tag_for_name("Deutsch").as_deref(), Some("de"));
        assert_eq!(tag_for_name("ja_JP").as_deref(), Some("ja-JP"));
        assert_eq!(tag_for_name("de_DE.UTF-8").as_deref(), Some("de-DE"));
        assert_eq!(tag_for_name("Klingon"), None);
        assert_eq!(tag_for_name("en"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_sorted_lower_case_and_do_not_overlap() {
        assert!(LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0));
        for (two, three, _) in LANGUAGES {
            assert!(two.len() == 2 && two.bytes().all(|b| b.is_ascii_lowercase()), "{two}");
            assert!(three.split(' ').all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase())), "{three}");
        }
        for (code, _, two) in COUNTRIES {
            assert!(misnamed(code).is_some() && misnamed(two).is_none(), "{code} → {two}");
        }
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        // A language's code that is a country's too names a language, and so does each of the
        // country's languages.
        assert!(ALSO_COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, _, langs) in ALSO_COUNTRIES {
            assert!(misnamed(code).is_none() && langs.split(' ').all(|l| misnamed(l).is_none()), "{code} → {langs}");
        }
        for (code, two) in WITHDRAWN {
            assert!(misnamed(code).is_some() && misnamed(two).is_none(), "{code} → {two}");
        }
    }

    #[test]
    fn a_tag_names_a_language_by_its_shortest_code() {
        for good in ["en", "ja", "JA-jp", "pt-BR", "se", "kr", "zh-Hant-TW", "fil", "yue", "gsw", "x-klingon"] {
            assert_eq!(misnamed(good), None, "{good}");
        }
        let meant = |tag: &str| misnamed(tag).and_then(|m| m.meant);
        assert_eq!(meant("jp").as_deref(), Some("ja"));
        assert_eq!(meant("jp-JP").as_deref(), Some("ja-JP"));
        assert_eq!(meant("cn").as_deref(), Some("zh"));
        assert_eq!(meant("gr").as_deref(), Some("el"));
        assert_eq!(meant("jpn").as_deref(), Some("ja"));
        assert_eq!(meant("ENG").as_deref(), Some("en"));
        assert_eq!(meant("fre").as_deref(), Some("fr"));
        assert_eq!(meant("ger-AT").as_deref(), Some("de-AT"));
        assert_eq!(meant("iw").as_deref(), Some("he"));
        assert_eq!(meant("qq"), None);
        assert_eq!(
            misnamed("jp").unwrap().message,
            "`jp` is the country code of Japan, not a language code; Japanese is `ja`"
        );
        assert_eq!(
            misnamed("jpn").unwrap().message,
            "`jpn` is the three-letter code for Japanese; a language tag uses the two-letter one, `ja`"
        );
        assert_eq!(misnamed("qq").unwrap().message, "`qq` is not a language code (ISO 639-1)");
    }

    #[test]
    fn a_country_s_code_is_its_language_only_when_the_keys_give_it() {
        let given = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
        let meant = |listed: &str, keys: &[&str]| country_meant(listed, &given(keys)).and_then(|m| m.meant);
        assert_eq!(meant("kr", &["ko"]).as_deref(), Some("ko"));
        assert_eq!(meant("KR", &["ko-KR"]).as_deref(), Some("ko-KR"));
        assert_eq!(meant("se", &["fr", "sv"]).as_deref(), Some("sv"));
        assert_eq!(meant("ch", &["de"]).as_deref(), Some("de"));
        // No key of the country's languages, or two of them, or a code that is no country's.
        assert_eq!(meant("kr", &["ja"]), None);
        assert_eq!(meant("ch", &["de", "fr"]), None);
        assert_eq!(meant("ja", &["ko"]), None);
        assert_eq!(
            country_meant("kr", &given(&["ko"])).unwrap().message,
            "`kr` is Kanuri (and the country code of South Korea); Korean is `ko`, which the text values give"
        );
    }
}
