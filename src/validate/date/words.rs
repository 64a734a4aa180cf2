//! A date written with its month's name in one of the EU's languages (`12. Mai 2026`,
//! `12 maja 2026`, `2026. május 12.`, `12 de mayo de 2026`), its month in Roman numerals
//! (`12 V 2026`), or as eight digits (`20260512`): read only to tell the user the
//! `YYYY-MM-DD` date to write (text47a F47a-2: these got only an example of another date).

use crate::language::months::{months_named, plain};

/// Words a written date has besides its day, month and year: `de` (es, pt), `ta'` (mt),
/// `gada` (lv), `m.` and `d.` (lt), `r.` (pl), `г.` (bg), `le` (fr), `am` and `den` (de, da,
/// sv), `of` and `the` (en), and an ordinal's mark standing alone (`1.º`).
const FILLERS: &str = "de del ta gada m d r г g le am den of the º ª";

/// A month in Roman numerals, `I` to `XII`, as Polish, Hungarian and others write one.
fn roman(word: &str) -> Option<u32> {
    const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    (1..).zip(ROMAN).find(|(_, r)| *r == word).map(|(i, _)| i)
}

/// A day as written: digits, with an ordinal's ending or not (`1st`, `1er`, `1º`).
fn day(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let ending = &word[digits..];
    let ordinal = ["", "st", "nd", "rd", "th", "er", "re", "o", "a", "º", "ª"].contains(&ending);
    (digits > 0 && digits <= 2 && ordinal).then(|| word[..digits].parse().ok()).flatten()
}

/// The dates `text` is written as, each `YYYY-MM-DD`: one, or one for each month its month's
/// name is in a language (see [`months_named`]); none when it is not such a date, or the
/// date does not exist.
pub(super) fn meant_in_words(text: &str) -> Vec<String> {
    let text = text.trim();
    let dates = |year: u32, months: &[u32], day: u32| -> Vec<String> {
        months
            .iter()
            .filter(|&&m| crate::model::Date::new(year as i32, m as u8, day as u8).is_some())
            .map(|m| format!("{year:04}-{m:02}-{day:02}"))
            .collect()
    };
    // (Eight digits, year first: `20260512`.)
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let part = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
        return dates(part(0..4), &[part(4..6)], part(6..8));
    }
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphanumeric() && !"ºª".contains(c)).filter(|w| !w.is_empty()).collect();
    let (mut year, mut month, mut days) = (None, None, Vec::new());
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let pair = words.get(i + 1).map(|next| plain(&format!("{word}_{next}")));
        if let Some(named) = pair.map(|p| months_named(&p)).filter(|m| !m.is_empty()) {
            month = month.map_or(Some(named), |_| Some(Vec::new()));
            i += 2;
            continue;
        }
        i += 1;
        if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            year = year.map_or(word.parse::<u32>().ok(), |_| Some(0));
        } else if let Some(d) = day(word) {
            days.push(d);
        } else if let Some(m) = roman(word) {
            month = month.map_or(Some(vec![m]), |_| Some(Vec::new()));
        } else if !FILLERS.split(' ').any(|f| plain(word) == f) {
            let named = months_named(&plain(word));
            if named.is_empty() {
                return Vec::new();
            }
            month = month.map_or(Some(named), |_| Some(Vec::new()));
        }
    }
    match (year, month, days.as_slice()) {
        (Some(year), Some(months), [day]) if year > 0 => dates(year, &months, *day),
        _ => Vec::new(),
    }
}

/// The days of the week in the EU's languages, plain (see [`plain`]): what a date may be
/// written with, before or after it (`Tuesday, 12 May 2026`, `mardi 12 mai 2026`).
const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday \
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag \
    lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miercoles jueves viernes sabado domingo \
    lunedi martedi mercoledi giovedi venerdi sabato domenica segunda terca quarta quinta sexta \
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag \
    poniedziałek wtorek sroda czwartek piatek sobota niedziela pondeli utery streda ctvrtek patek nedele \
    pondelok utorok stvrtok piatok nedela ponedeljek torek sreda cetrtek petek nedelja \
    ponedjeljak utorak srijeda cetvrtak subota nedjelja hetfo kedd szerda csutortok pentek szombat vasarnap \
    luni marti miercuri joi vineri sambata duminica mandag tirsdag onsdag torsdag fredag lørdag søndag \
    tisdag lordag sondag maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai \
    esmaspaev teisipaev kolmapaev neljapaev reede laupaev puhapaev \
    pirmdiena otrdiena tresdiena ceturtdiena piektdiena sestdiena svetdiena \
    pirmadienis antradienis treciadienis ketvirtadienis penktadienis sestadienis sekmadienis \
    δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη \
    понеделник вторник сряда четвъртък петък събота неделя luain mairt ceadaoin deardaoin aoine satharn domhnach";

/// Whether `word` names a day of the week in an EU language (`Tuesday`, `mardi`, `wtorek`,
/// `terça-feira`), or begins an English one (`Tu`, `Mon`, `Tue.`): what a date may be written
/// with, before or after it (text49a F49a-5).
pub(super) fn is_day_name(word: &str) -> bool {
    const ENGLISH: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let word = plain(word.trim_end_matches(['.', ',']));
    // (Portuguese's `-feira` goes with its day.)
    let word = word.strip_suffix("-feira").unwrap_or(&word);
    WEEKDAYS.split_whitespace().any(|d| d == word)
        || (word.chars().count() >= 2 && ENGLISH.iter().any(|d| d.starts_with(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_eu_languages_words_are_read() {
        for (typed, iso) in [
            ("12. Mai 2026", "2026-05-12"),
            ("12 maja 2026", "2026-05-12"),
            ("12 maja 2026 r.", "2026-05-12"),
            ("2026. május 12.", "2026-05-12"),
            ("12 V 2026", "2026-05-12"),
            ("12.V.2026", "2026-05-12"),
            ("20260512", "2026-05-12"),
            ("12 mai 2026", "2026-05-12"),
            ("1er mai 2026", "2026-05-01"),
            ("12 de mayo de 2026", "2026-05-12"),
            ("12 de maio de 2026", "2026-05-12"),
            ("12. května 2026", "2026-05-12"),
            ("12. toukokuuta 2026", "2026-05-12"),
            ("12 Μαΐου 2026", "2026-05-12"),
            ("12 ΜΑΪΟΥ 2026", "2026-05-12"),
            ("12 май 2026 г.", "2026-05-12"),
            ("2026 m. gegužės 12 d.", "2026-05-12"),
            ("2026. gada 12. maijs", "2026-05-12"),
            ("12 ta' Mejju 2026", "2026-05-12"),
            ("12 Deireadh Fómhair 2026", "2026-10-12"),
            ("12 Meán Fómhair 2026", "2026-09-12"),
            ("3. marts 2026", "2026-03-03"),
            ("12 sept. 2026", "2026-09-12"),
            ("12 janv. 2026", "2026-01-12"),
            ("1.º de maio de 2026", "2026-05-01"),
            ("12 ΙΑΝΟΥΑΡΙΟΣ 2026", "2026-01-12"),
            ("Dienstag, 12. Mai 2026", ""),
        ] {
            let want: Vec<String> = [iso].into_iter().filter(|i| !i.is_empty()).map(String::from).collect();
            assert_eq!(meant_in_words(typed), want, "{typed}");
        }
        // The same word, two months in two languages: both dates.
        assert_eq!(meant_in_words("12 listopada 2026"), ["2026-10-12", "2026-11-12"]);
        for not in ["12 mar 2026", "31 V 2026 2027", "12 13 V 2026", "20261312", "12 Foo 2026", "31. Juni 2026", "mai"]
        {
            assert!(meant_in_words(not).is_empty(), "{not}");
        }
    }
}
