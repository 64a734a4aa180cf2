//! What a line keeps together where Unicode line breaking (UAX #14) would let it break: a
//! number and its unit, sign, currency or the abbreviation that names it, its digit groups,
//! a spaced dash or French punctuation and the word before it, and a word typed in full width.
//! Pure functions of the text around a break opportunity, for every way of breaking lines.

use super::super::jlreq;

mod words;

/// Whether the break after a space at `byte` of `text` is held: a spaced dash (" – ", " — ")
/// stays with the word before it, no line ends with an opening guillemet, and none starts with
/// a closing one or a French `:`, `;`, `?` or `!` typed with an ordinary space (text42a
/// F42a-18: lines ended "la stratégie «").
///
/// Nor is a number cut at a space: between digit groups (`2 530 423`), before a sign or unit
/// after its figure (`423 €`, `5 %`, `20 °C`, `10 km/h`, `10 Mio. €`, `5 EUR`, `5 lei`), or
/// after a sign, currency code or abbreviation before the figure it names (`€ 5`, `EUR 5`,
/// `§ 12`, `art. 5`, `No. 3`, `p. 7`) (text43a F43a-9: "share 2 530" / "423 €" read as two
/// numbers; text46a F46a-3). A thin space there holds as an ordinary one does (text46a
/// F46a-16: `5 000`, `5 %`). Nor are the two `\\` a Windows share's name starts with split
/// (text43a F43a-11: "and \" / "\server\share", a local path). Nor is a word or number typed in
/// full width (see [`jlreq::inside_full_width_word`]).
///
/// Nor is an abbreviation with full stops parted from the word after it or cut inside
/// (`Dr. Müller`, `z. B. die`, `e.g. the`), a day from its month's name (`12 May`, `12. Mai`,
/// `May 12`), or an acronym from the number after it (`IEEE 802.11`, `ISO 27001`) (text48a
/// F48a-4: lines ended "z." / "B.", "Dr." / "Müller", "12" / "May 2026", "IEEE" / "802.11").
pub(super) fn held(text: &str, byte: usize) -> bool {
    let (before, after) = text.split_at(byte);
    // (A narrow space is taken for the ordinary one it stands for.)
    let spaced: std::borrow::Cow<str> = match before.strip_suffix(narrow_space) {
        Some(rest) => format!("{rest} ").into(),
        None => before.into(),
    };
    before.ends_with('\\') && after.starts_with('\\')
        || spaced.ends_with("« ")
        || spaced.ends_with("‹ ")
        || spaced.ends_with(' ') && after.starts_with(['–', '—', '»', '›', ':', ';', '?', '!'])
        || in_number(&spaced, after)
        || jlreq::inside_full_width_word(before, after)
        || in_unit(before, after)
        || words::held(&spaced, after)
}

/// Whether a break after a `/` is inside a unit written with one, `km/h`, `m/s`, `kWh/m²`,
/// `€/MWh`: a word of at most four letters (or a unit sign) on each side, the one before it
/// starting the word (text47a F47a-4: lines ended "10 km/" and started "h"). An address or a
/// path, whose part before the `/` is longer or holds a `.` or `:`, still breaks there.
fn in_unit(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix('/') else { return false };
    let unit = |part: &str| {
        let n = part.chars().count();
        (1..=4).contains(&n)
            && part.chars().all(|c| c.is_alphabetic() || matches!(c, '²' | '³' | '€' | '$' | '£' | '%'))
    };
    // (Split, not found and stepped past: the space before the word may be a no-break,
    // narrow or ideographic one of two or three bytes; text48a F48a-6.)
    let word = head.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or(head);
    let tail =
        after.split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | '/')).next().unwrap_or("");
    unit(word) && unit(tail)
}

/// The longest stretch [`kept_whole`] gives: a longer one is left for a browser to break, not
/// run past the edge of a narrow screen.
const MOST_KEPT: usize = 40;

/// The stretches of `text` that lines keep whole though Unicode line breaking (UAX #14) may
/// break inside them (see [`held`]), without the space after them: for the web page, whose
/// browser breaks by Unicode's rules alone (`5 %`, `EUR 5`, `Ｒ＆Ｄ`).
pub fn kept_whole(text: &str) -> Vec<std::ops::Range<usize>> {
    let (mut out, mut start, mut inside) = (Vec::new(), 0, false);
    for (byte, kind) in unicode_linebreak::linebreaks(text) {
        if kind == unicode_linebreak::BreakOpportunity::Allowed && held(text, byte) {
            inside = true;
            continue;
        }
        let end = start + text[start..byte].trim_end().len();
        if inside && text[start..end].chars().count() <= MOST_KEPT {
            out.push(start..end);
        }
        (start, inside) = (byte, false);
    }
    out
}

/// The spaces narrower than a word space that a line may break after (Unicode's class BA):
/// the thin, hair, four-, five- and six-per-em and punctuation spaces, typed between a number
/// and its unit or its digit groups as an ordinary space is.
pub(super) fn narrow_space(c: char) -> bool {
    matches!(c, '\u{2004}'..='\u{2006}' | '\u{2008}'..='\u{200A}')
}

/// Signs set after a number and a space as the EU's languages write them (`5 %`, `20 °C`,
/// `423 €`).
const SIGNS_AFTER: [char; 9] = ['%', '‰', '‱', '°', '€', '$', '£', '¥', '₩'];

/// Currency signs set before a number and a space (`€ 5`, `US$ 20`, `Fr. 10`).
const SIGNS_BEFORE: &[&str] = &["€", "$", "£", "¥", "₩", "₹", "US$", "A$", "C$", "HK$", "R$", "Fr.", "Rs."];

/// Unit symbols, currencies and the abbreviations of thousand, million and billion set after
/// a number and a space (`5 m²`, `10 km/h`, `100 Mbit/s`, `10 Mio. €`, `5 zł`, `5 lei`),
/// without a full stop after them; and every currency code (see [`currency_code`]). A known
/// list, so that a word after a number (`5 topics`) still breaks: no symbol that is also a
/// word (Czech `s`, `v`, `a`; Italian `ha`, `l'`).
const UNITS_AFTER: &[&str] = &[
    "m", "m²", "m³", "km", "km²", "km/h", "cm", "cm²", "cm³", "mm", "µm", "nm", "kg", "g", "mg", "t", "kt", "Mt", "Gt",
    "ml", "min", "h", "ms", "µs", "ns", "Hz", "kHz", "MHz", "GHz", "THz", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh",
    "kV", "mAh", "dB", "dBm", "pp", "bit", "kbit", "Mbit", "Gbit", "bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s",
    "kbps", "Mbps", "Gbps", "kB", "MB", "GB", "TB", "PB", "EB", "Tsd", "Mio", "Mrd", "Bio", "bn", "mln", "mld", "mrd",
    "tys", "Md", "M€", "Md€", "k€", "zł", "Kč", "Ft", "kr", "lei", "leu", "лв", "€/MWh", "€/kWh",
];

/// Abbreviations that name the number after them (`art. 5`, `No. 3`, `p. 7`, `§ 12`), in
/// the EU's languages; any other word of one to four letters and a full stop before a
/// number is taken for one too (`Abs. 2`, `Vol. 3`, `ca. 5`).
const NAMES_BEFORE: &[&str] = &["§", "§§", "Art.", "No.", "Nr.", "no.", "nr.", "p.", "pp.", "n°", "N°", "Nº", "№"];

/// Whether `word` is a currency code as ISO 4217 writes them: three capital Latin letters
/// (`EUR`, `USD`, `RON`).
fn currency_code(word: &str) -> bool {
    word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `c` may be part of a word, sign or unit around a number: not a space, and not a
/// Japanese character or sign, which ends it as a space does (`、€ 5`, `5 km、`).
fn latin(c: char) -> bool {
    !c.is_whitespace() && c < '\u{2E80}'
}

/// Whether `word`, before a space, ends a quantity: a figure (`12,5`), or a figure and its
/// unit (`10 Mio.`, before `€`).
fn quantity(word: &str) -> bool {
    if word.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let (figure, unit) = word.rsplit_once(char::is_whitespace).unwrap_or(("", word));
    figure.ends_with(|c: char| c.is_ascii_digit()) && UNITS_AFTER.contains(&unit.trim_end_matches('.'))
}

/// Whether `after` starts with a sign or unit that the number before it goes with.
fn unit_after(after: &str) -> bool {
    let token = after.split(|c| !latin(c)).next().unwrap_or("");
    let token = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '»', '"', '”', '’']);
    after.starts_with(SIGNS_AFTER) || UNITS_AFTER.contains(&token) || currency_code(token)
}

/// Whether the last word of `word` (a text before a space) names the number after it: a
/// currency sign or code (`€`, `EUR`) or an abbreviation (`art.`, `No.`, `p.`, `§`).
fn names_number(word: &str) -> bool {
    let last = word.rsplit(|c| !latin(c) || c == '(').next().unwrap_or(word);
    let abbreviation = last
        .strip_suffix('.')
        .is_some_and(|w| (1..=4).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic));
    NAMES_BEFORE.contains(&last) || SIGNS_BEFORE.contains(&last) || currency_code(last) || abbreviation
}

/// Whether a break between `before` (ending with a space) and `after` cuts a number or
/// separates it from its sign or unit (text44a F44a-17: lines started with "%", "°C", "km/h"),
/// or from the sign, code or abbreviation before it (text46a F46a-3: "EUR" / "5", "art." / "5").
fn in_number(before: &str, after: &str) -> bool {
    let Some(word) = before.strip_suffix(' ') else { return false };
    let group = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&group) && digits == 3 || quantity(word) && unit_after(after) || digits > 0 && names_number(word)
}

/// Whether the break after a space at `byte` of `text` is inside a date written with its
/// month in words: day, month and year (`12 May 2026`, `12. Mai 2026`, `12 V 2026`), month,
/// day and year (`May 12, 2026`) or year, month and day (`2026. május 12.`), in any language,
/// as a table's cell keeps it (text47a F47a-15: "12 May" / "2026" in a narrow column). Its
/// day is one or two digits, its year four, its month a word of letters (or a Roman numeral),
/// each maybe followed by a `.` or `,`.
pub(super) fn in_date(text: &str, byte: usize) -> bool {
    let (before, after) = text.split_at(byte);
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    let bare = |t: &str| t.trim_start_matches(['(', '[']).trim_end_matches([',', '.', ')', ']', ';', ':']).to_string();
    let mut words: Vec<String> = before.split_whitespace().rev().take(2).map(bare).collect();
    words.reverse();
    let here = words.len();
    words.extend(after.split_whitespace().take(2).map(bare));
    let digits =
        |t: &str, n: std::ops::RangeInclusive<usize>| n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let (day, year) = (|t: &str| digits(t, 1..=2), |t: &str| digits(t, 4..=4));
    let month = |t: &str| {
        const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
        ROMAN.contains(&t) || (3..=12).contains(&t.chars().count()) && t.chars().all(char::is_alphabetic)
    };
    let date = |w: &[String]| {
        let [a, b, c] = [w[0].as_str(), w[1].as_str(), w[2].as_str()];
        day(a) && month(b) && year(c) || month(a) && day(b) && year(c) || year(a) && month(b) && day(c)
    };
    // The break is between words `here - 1` and `here`: a date of three words holds it when
    // it starts one or two words before it.
    (here.saturating_sub(2)..here).any(|start| words.len() >= start + 3 && date(&words[start..start + 3]))
}

#[cfg(test)]
mod tests {
    use super::held;

    /// Whether the break at the `|` of `text` is held.
    pub(super) fn at(text: &str) -> bool {
        let i = text.find('|').unwrap();
        held(&text.replacen('|', "", 1), i)
    }

    /// text47a F47a-15: a table's cell keeps a date written in words whole, in the EU's
    /// orders; a number before or after a word is not taken for one.
    #[test]
    fn a_date_in_words_is_one_stretch() {
        let at = |text: &str| {
            let i = text.find('|').unwrap();
            super::in_date(&text.replacen('|', "", 1), i)
        };
        for kept in [
            "12 |May 2026",
            "12 May |2026",
            "on 12 May |2026, the",
            "(12 |May 2026)",
            "May |12, 2026",
            "May 12, |2026",
            "12. |Mai 2026",
            "12 |maja 2026 r.",
            "2026. |május 12.",
            "2026. május |12.",
            "12 |V 2026",
            "12 |Μαΐου 2026",
        ] {
            assert!(at(kept), "{kept}");
        }
        for free in ["on |12 May 2026", "12 May 2026 |and", "in 2026 |500 projects", "5 |topics", "12 |of 2026"] {
            assert!(!at(free), "{free}");
        }
    }

    /// text47a F47a-4: a unit written with a `/` is not broken after it; an address or path is.
    #[test]
    fn a_unit_with_a_slash_stays_whole() {
        for kept in ["10 km/|h", "5 m/|s", "3 kWh/|m² here", "20 €/|MWh", "(km/|h)", "and/|or"] {
            assert!(at(kept), "{kept}");
        }
        for free in ["https://example.org/|policy", "docs/|annex", "C:/data/|x", "2026/|2027", "EU/|Japan-wide"] {
            assert!(!at(free), "{free}");
        }
    }

    /// text48a F48a-6: the word before a `/` may follow a space of two or three bytes (a
    /// no-break, narrow, em or ideographic one, or a tab's stand-in); it panicked there.
    #[test]
    fn a_unit_with_a_slash_after_a_wide_space_stays_whole() {
        for space in ['\u{00A0}', '\u{202F}', '\u{2009}', '\u{2003}', '\u{3000}', '\t'] {
            for kept in ["10{}km/|h", "資料{}and/|or", "x{}(km/|h)"] {
                let text = kept.replace("{}", &space.to_string());
                assert!(at(&text), "{text:?}");
            }
            let free = format!("«{space}https:/|/example.org");
            assert!(!at(&free), "{free:?}");
        }
    }

    /// text46a F46a-3: currency codes and signs before or after a number, and abbreviations
    /// naming one, stay with it; a word after or before a number does not.
    #[test]
    fn a_number_keeps_its_currency_unit_and_name() {
        for kept in [
            "EUR |5",
            "USD |1.5",
            "RON |20",
            "(CHF |20)",
            "5 |EUR",
            "5 |PLN.",
            "5 |lei",
            "5 |лв",
            "art. |5",
            "Art. |12",
            "No. |3",
            "p. |7",
            "Abs. |2",
            "(vol. |3)",
            "€ |5",
            "US$ |20",
            "5 |%",
            "5 |km",
            "§ |12",
            "№ |4",
            "、€ |5",
            "は5 |km、",
            "、art. |5",
            "（EUR |5）",
            "5 |lei、",
        ] {
            assert!(at(kept), "{kept}");
        }
        for free in ["5 |topics", "in 2026 |500", "the |5", "said |5", "EU-Japan |5", "5 |Euro-area"] {
            assert!(!at(free), "{free}");
        }
    }

    /// text46a F46a-16: a thin space (or a hair or six-per-em one), which a line may break
    /// after, holds a number to its unit and its digit groups as an ordinary space does.
    #[test]
    fn a_thin_space_in_a_number_holds_as_a_space_does() {
        for space in ['\u{2009}', '\u{200A}', '\u{2006}'] {
            for kept in ["5{}|%", "5{}|000", "5{}|km", "EUR{}|5", "1{}|000{}000", "Budget{}|: 5"] {
                let text = kept.replace("{}", &space.to_string());
                assert!(at(&text), "{text:?}");
            }
            let free = format!("5{space}|topics");
            assert!(!at(&free), "{free:?}");
        }
    }
}
