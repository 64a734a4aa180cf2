//! A date written with its month's name in one of the EU's languages (`12. Mai 2026`,
//! `12 maja 2026`, `2026. május 12.`, `12 de mayo de 2026`), its month in Roman numerals
//! (`12 V 2026`), or as eight digits (`20260512`): read only to tell the user the
//! `YYYY-MM-DD` date to write (text47a F47a-2: these got only an example of another date).

use unicode_normalization::UnicodeNormalization;

/// Each month's names: as the calendar names it, and as a date names it where that differs
/// (the genitive of Polish, Czech, Slovak, Slovenian, Croatian, Lithuanian, Greek; the
/// partitive of Finnish; the locative of Latvian). Two-word names are joined with `_`.
const MONTHS: [&str; 12] = [
    "january januar jänner januari janvier enero gennaio janeiro januarie jaanuar tammikuu tammikuuta \
     styczeń stycznia leden ledna január januára januarja siječanj siječnja sausis sausio janvāris janvārī \
     ιανουάριος ιανουαρίου януари eanáir jannar",
    "february februar februari février febrero febbraio fevereiro februarie veebruar helmikuu helmikuuta \
     luty lutego únor února február februára februarja veljača veljače vasaris vasario februāris februārī \
     φεβρουάριος φεβρουαρίου февруари feabhra frar",
    "march märz marts maart mars marzo março martie märts maaliskuu maaliskuuta marzec marca březen března \
     marec ožujak ožujka kovas kovo martā március μάρτιος μαρτίου март márta marzu",
    "april avril abril aprile aprilie aprill huhtikuu huhtikuuta kwiecień kwietnia duben dubna apríl apríla \
     aprila travanj travnja balandis balandžio aprīlis aprīlī április απρίλιος απριλίου април aibreán",
    "may mai maj mei mayo maggio maio toukokuu toukokuuta maja květen května máj mája svibanj svibnja \
     gegužė gegužės maijs maijā május μάιος μαΐου μάη май bealtaine mejju",
    "june juni juin junio giugno junho iunie juuni kesäkuu kesäkuuta czerwiec czerwca červen června jún júna \
     junij junija lipanj lipnja birželis birželio jūnijs jūnijā június ιούνιος ιουνίου юни meitheamh ġunju",
    "july juli juillet julio luglio julho iulie juuli heinäkuu heinäkuuta lipiec lipca červenec července \
     júl júla julij julija srpanj srpnja liepa liepos jūlijs jūlijā július ιούλιος ιουλίου юли iúil lulju",
    "august augusti août agosto augustus elokuu elokuuta sierpień sierpnia srpen srpna augusta avgust avgusta \
     kolovoz kolovoza rugpjūtis rugpjūčio augusts augustā augusztus αύγουστος αυγούστου август lúnasa awwissu",
    "september septembre septiembre settembre setembro septembrie syyskuu syyskuuta wrzesień września září \
     septembra rujan rujna rugsėjis rugsėjo septembris septembrī szeptember σεπτέμβριος σεπτεμβρίου \
     септември meán_fómhair settembru",
    "october oktober octobre octubre ottobre outubro octombrie oktoober lokakuu lokakuuta październik \
     października říjen října október októbra oktobra listopad listopada spalis spalio oktobris oktobrī \
     οκτώβριος οκτωβρίου октомври deireadh_fómhair ottubru",
    "november novembre noviembre novembro noiembrie marraskuu marraskuuta listopad listopada listopadu \
     novembra studeni studenoga studenog lapkritis lapkričio novembris novembrī νοέμβριος νοεμβρίου ноември \
     samhain novembru",
    "december dezember décembre diciembre dicembre dezembro decembrie detsember joulukuu joulukuuta grudzień \
     grudnia prosinec prosince decembra prosinac prosinca gruodis gruodžio decembris decembrī δεκέμβριος \
     δεκεμβρίου декември nollaig diċembru",
];

/// Words a written date has besides its day, month and year: `de` (es, pt), `ta'` (mt),
/// `gada` (lv), `m.` and `d.` (lt), `r.` (pl), `г.` (bg), `le` (fr), `am` and `den` (de, da,
/// sv), `of` and `the` (en), and an ordinal's mark standing alone (`1.º`).
const FILLERS: &str = "de del ta gada m d r г g le am den of the º ª";

/// `word` lower case, without its accents (`Mai`, `mai`; `Μαΐου`, `μαιου`), for matching.
fn plain(word: &str) -> String {
    // (The whole word made lower case, so that a final Σ is a final ς, as the names are written.)
    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase()
}

/// The months `word` (one word of a date, plain) names: the one whose name it is, or
/// begins (`sept`, `janv`, `Okt`: three letters or more) when it begins no other's; two or
/// more when the same name is another month's in another language (`listopad`: November in
/// Polish and Czech, October in Croatian).
fn months_named(word: &str) -> Vec<u32> {
    let names = |m: &str| m.split_whitespace().map(plain).collect::<Vec<_>>();
    let named = |hit: &dyn Fn(&str) -> bool| -> Vec<u32> {
        (1..).zip(MONTHS).filter(|(_, m)| names(m).iter().any(|n| hit(n))).map(|(i, _)| i).collect()
    };
    let exact = named(&|n| n == word);
    if !exact.is_empty() || word.chars().count() < 3 {
        return exact;
    }
    let begun = named(&|n| n.starts_with(word));
    if begun.len() == 1 {
        begun
    } else {
        Vec::new()
    }
}

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
