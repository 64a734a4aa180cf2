//! Words a line keeps together at a space (text48a F48a-4): an abbreviation written with full
//! stops and the word after it (`Dr. Müller`, `z. B. die`), a day and its month's name (`12
//! May`, `12. Mai`, `May 12`), an acronym and the number after it (`IEEE 802.11`).

/// Abbreviations written with a full stop that keep to the word after them, as a typesetter
/// sets a no-break space after them, in the EU's languages; one of words with spaces between
/// (`z. B.`) is not cut inside either. A known list: another word and its full stop, which may
/// end a sentence (`no.`, `ab.`), still breaks. An abbreviation that names a number (`Art. 5`,
/// `p. 7`, `Abs. 2`) keeps to it anyway (see `names_number` in the module above).
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    // German
    "z. B.", "z.B.", "d. h.", "d.h.", "u. a.", "u.a.", "u. U.", "z. T.", "s. o.", "s. u.", "o. Ä.", "i. d. R.",
    "vgl.", "Vgl.", "bzw.", "Hr.", "Fr.", "Nr.", "S.", "Abs.",
    // English
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "e.g.", "i.e.", "E.g.", "I.e.", "cf.", "vs.", "No.", "p.", "pp.",
    "vol.", "Vol.", "Art.", "art.",
    // French, Italian, Spanish, Portuguese, Polish, Czech and others
    "M.", "MM.", "Mme.", "Mlle.", "p. ex.", "Dott.", "Sig.", "Sr.", "Sra.", "dr.", "prof.", "mgr.", "Ing.", "nr.",
];

/// What may stand before an abbreviation's or a date's first word: an opening bracket or
/// quotation mark.
const OPENERS: &[char] = &['(', '[', '"', '“', '„', '‘', '‚', '«', '‹', '»'];

/// Whether the break between `before`, which ends with an ordinary space, and `after` is
/// held by one of this module's rules.
pub(super) fn held(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else { return false };
    let last = head.rsplit(char::is_whitespace).next().unwrap_or("").trim_start_matches(OPENERS);
    if last.is_empty() || after.starts_with(char::is_whitespace) {
        return false;
    }
    (last.ends_with(['.', ',']) && in_abbreviation(head, after))
        || day_and_month(last, after)
        || acronym_and_number(last, after)
}

/// Whether the break after `head` is inside or right after one of [`ABBREVIATIONS`]; a comma
/// may follow its last word (`e.g., the`).
fn in_abbreviation(head: &str, after: &str) -> bool {
    // (Most words before a break are none of their words: asked at each comma and full stop.)
    let last = head.rsplit(char::is_whitespace).next().unwrap_or("");
    let bare = last.trim_start_matches(OPENERS).trim_end_matches([',', ';', ':', ')', ']']);
    if !ABBREVIATIONS.iter().any(|a| a.split(' ').any(|part| part == bare)) {
        return false;
    }
    // The words before the break, the last first, and those after it.
    let behind: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    let ahead: Vec<&str> = after.split_whitespace().take(3).collect();
    ABBREVIATIONS.iter().any(|abbreviation| {
        let parts: Vec<&str> = abbreviation.split(' ').collect();
        let n = parts.len();
        let word = |t: &str, j: usize| {
            let t = if j == 0 { t.trim_start_matches(OPENERS) } else { t };
            let t = if j + 1 == n { t.trim_end_matches([',', ';', ':', ')', ']']) } else { t };
            t == parts[j]
        };
        // The first `k` words behind, the rest ahead.
        (1..=n).any(|k| {
            (0..k).all(|j| behind.get(k - 1 - j).is_some_and(|t| word(t, j)))
                && (k..n).all(|j| ahead.get(j - k).is_some_and(|t| word(t, j)))
        })
    })
}

/// Whether `last`, the word before the break, is a day (`12`, `12.`, `1st`, `1er`) and
/// `after` starts with a month's name (see [`crate::language::months::names_a_month`]), or `last` is
/// a month's name and `after` starts with a day (`May 12, 2026`).
fn day_and_month(last: &str, after: &str) -> bool {
    let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let day = |t: &str, endings: &[&str]| (1..=2).contains(&digits(t)) && endings.contains(&&t[digits(t)..]);
    let month = |t: &str| {
        let t = t.trim_end_matches([',', ';', ':', ')', ']']);
        t.starts_with(char::is_alphabetic) && crate::language::months::names_a_month(t)
    };
    let mut ahead = after.split_whitespace();
    let next = ahead.next().unwrap_or("");
    if day(last, &["", ".", "st", "nd", "rd", "th", "er", "o", "º", "ª", ".º"]) {
        // (Or a month of two words: Irish `Meán Fómhair`.)
        return month(next) || ahead.next().is_some_and(|two| month(&format!("{next}_{two}")));
    }
    let ends = ["", ",", ".", ";", ")", "st", "nd", "rd", "th", "st,", "nd,", "rd,", "th,"];
    last.starts_with(char::is_alphabetic) && day(next, &ends) && month(last)
}

/// Whether `last` is an acronym, two capital letters or more (`IEEE`, `ISO/IEC`, `ΕΕ`), and
/// `after` starts with a figure: a standard, a regulation or a model's number.
fn acronym_and_number(last: &str, after: &str) -> bool {
    let capitals = last.chars().filter(|c| c.is_uppercase()).count();
    after.starts_with(|c: char| c.is_ascii_digit())
        && capitals >= 2
        && last.starts_with(char::is_uppercase)
        && last.ends_with(char::is_uppercase)
        && last.chars().all(|c| c.is_uppercase() || matches!(c, '/' | '-' | '&'))
}

#[cfg(test)]
mod tests {
    use super::super::tests::at;

    /// text48a F48a-4: abbreviations with full stops stay with the word after them and are
    /// not cut inside; a day stays with its month's name; an acronym with its number. Words
    /// that only look like them still break.
    #[test]
    fn abbreviations_days_and_acronyms_keep_to_the_word_after_them() {
        for kept in [
            "z. |B. die",
            "z. B. |die",
            "(z. |B. die)",
            "d. |h. wir",
            "d. h. |wir",
            "u. a. |die",
            "i. |d. R.",
            "i. d. |R. so",
            "i. d. R. |so",
            "z.B. |die",
            "Dr. |Müller",
            "Prof. Dr. |Müller",
            "Prof. |Dr. Müller",
            "Mr. |Tanaka",
            "Mrs. |Tanaka",
            "Ms. |Tanaka",
            "e.g. |the",
            "e.g., |the",
            "i.e. |the",
            "No. |5",
            "p. |ex. la",
            "p. ex. |la",
            "vol. |II",
            "12 |May 2026",
            "on 12 |May",
            "12. |Mai 2026",
            "1st |May",
            "1er |mai",
            "12 |maja 2026",
            "12 |Μαΐου 2026",
            "12 |Sept. 2026",
            "12 |May.",
            "12 |Meán Fómhair",
            "May |12, 2026",
            "(May |12)",
            "May |1st,",
            "IEEE |802.11",
            "ISO |27001",
            "ISO/IEC |27001",
            "GDPR |2016/679",
            "EURO |5",
            "ΕΕ |2026",
        ] {
            assert!(at(kept), "{kept}");
        }
        for free in [
            "z. B. die |Zahl",
            "the |z. B.",
            "was |Dr. Müller",
            "no. |The answer",
            "xDr. |Müller",
            "e.g.x |the",
            "12 May |2026",
            "on |12 May",
            "12 |mar 2026",
            "12 |out of 20",
            "12 |topics",
            "123 |May",
            "May |2026",
            "May |5G networks",
            "May |123",
            "Eu |5",
            "I |5",
            "IEEE |standard",
            "ISO- |5",
            "mIEEE |5",
        ] {
            assert!(!at(free), "{free}");
        }
    }
}
