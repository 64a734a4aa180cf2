//! A key typed with a Greek or Cyrillic keyboard layout left on (text46a F46a-29): a letter
//! that looks Latin (`tіtle` with a Cyrillic і, `tορics` with a Greek ο and ρ), or the whole
//! key typed on the other layout (`ешеду`, `title` on a Russian ЙЦУКЕН keyboard; `τιτλε` on
//! a Greek one). YAML reads such a key as a key no mapping holds, and "unknown field" alone
//! does not say why a key that looks right is not.

use crate::script::{look_alikes_in, name_look_alikes};

/// What a key was meant to be, and what is wrong with it.
pub(super) struct Slip {
    /// The key as meant, in ASCII.
    pub meant: String,
    /// "has a Cyrillic і (U+0456) where a Latin letter goes".
    pub what: String,
}

/// `name` with its Greek or Cyrillic look-alike letters made Latin, when that leaves it ASCII.
pub(super) fn look_alikes(name: &str) -> Option<Slip> {
    let (letters, meant) = look_alikes_in(name)?;
    let latin = if letters.len() > 1 { "Latin letters go" } else { "a Latin letter goes" };
    let what = format!("has {} where {latin}", name_look_alikes(&letters));
    meant.is_ascii().then_some(Slip { meant, what })
}

/// The Russian (ЙЦУКЕН, with the Ukrainian letters) and Greek layouts: each letter before
/// the Latin key it is on.
const LAYOUTS: [(&str, &str); 2] = [
    ("Russian (ЙЦУКЕН)", "йqцwуeкrеtнyгuшiщoзpфaыsвdаfпgрhоjлkдlяzчxсcмvиbтnьmіs"),
    ("Greek", "ςwεeρrτtυyθuιiοoπpαaσsδdφfγgηhξjκkλlζzχxψcωvβbνnμm"),
];

/// What `name` is when each of its letters is typed on the Latin key it is on in a Russian or
/// Greek layout: `ешеду` → `title`. Every letter must be of one layout.
pub(super) fn other_layout(name: &str) -> Option<Slip> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    // (A Greek letter with its accent, `ά`, is on its letter's key.)
    let bare: String = name.nfd().filter(|&c| !is_combining_mark(c)).flat_map(char::to_lowercase).collect();
    LAYOUTS.iter().find_map(|(layout, keys)| {
        let key_of = |c: char| {
            let mut pairs = keys.chars();
            while let (Some(letter), Some(latin)) = (pairs.next(), pairs.next()) {
                if letter == c {
                    return Some(latin);
                }
            }
            (c == '_' || c.is_ascii_digit()).then_some(c)
        };
        let meant: String = bare.chars().map(key_of).collect::<Option<_>>()?;
        let letters = meant.chars().any(|c| c.is_ascii_alphabetic());
        letters.then(|| Slip { meant, what: format!("is typed with the {layout} keyboard layout on") })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_on_another_layout_reads_as_typed_on_the_latin_keys() {
        let meant = |name: &str| other_layout(name).map(|s| s.meant);
        assert_eq!(meant("ешеду").as_deref(), Some("title"));
        assert_eq!(meant("ырщке_ешеду").as_deref(), Some("short_title"));
        assert_eq!(meant("τιτλε").as_deref(), Some("title"));
        assert_eq!(meant("ΤΙΤΛΕ").as_deref(), Some("title"));
        assert_eq!(meant("title"), None);
        assert_eq!(meant("tіtle"), None);
    }

    #[test]
    fn a_look_alike_letter_is_named_with_its_script_and_code() {
        let slip = look_alikes("tіtle").unwrap();
        assert_eq!(slip.meant, "title");
        assert_eq!(slip.what, "has a Cyrillic і (U+0456) where a Latin letter goes");
        let slip = look_alikes("tορics").unwrap();
        assert_eq!(slip.meant, "topics");
        assert!(slip.what.contains("a Greek ο (U+03BF) and a Greek ρ (U+03C1)"), "{}", slip.what);
        assert!(look_alikes("title").is_none() && look_alikes("заголовок").is_none());
    }
}
