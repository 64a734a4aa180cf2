//! The months' names in the EU's languages (`12 mai 2026`, `12 maja 2026`, `May 12`): one
//! list, read where a date is told to write (`validate`'s dates) and where a timeline's date
//! keeps its line (`markdown`'s markers).

use std::sync::LazyLock;

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

/// Every name in [`MONTHS`], plain (see [`plain`]), with its month's number, in order: made
/// once, and searched, as each line of a text may be looked up (see `markdown`'s markers).
static NAMES: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let mut names: Vec<(String, u32)> =
        (1..).zip(MONTHS).flat_map(|(i, m)| m.split_whitespace().map(move |n| (plain(n), i))).collect();
    names.sort();
    names
});

/// `word` lower case, without its accents (`Mai`, `mai`; `Μαΐου`, `μαιου`), for matching.
pub fn plain(word: &str) -> String {
    // (The whole word made lower case, so that a final Σ is a final ς, as the names are written.)
    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase()
}

/// The months `word` (one word of a date, plain) names: the one whose name it is, or
/// begins (`sept`, `janv`, `Okt`: three letters or more) when it begins no other's; two or
/// more when the same name is another month's in another language (`listopad`: November in
/// Polish and Czech, October in Croatian).
pub fn months_named(word: &str) -> Vec<u32> {
    // (The names `hit` takes, from the first not before `word`: the ones equal to it or
    // beginning with it, which follow it in order.)
    let named = |hit: &dyn Fn(&str) -> bool| -> Vec<u32> {
        let from = NAMES.partition_point(|(n, _)| n.as_str() < word);
        let mut months: Vec<u32> = NAMES[from..].iter().take_while(|(n, _)| hit(n)).map(|&(_, i)| i).collect();
        months.sort_unstable();
        months.dedup();
        months
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

/// The month a date's word names, as a timeline's line writes it: its English name or the
/// name's first three letters (`May`, `Sep`), or its name in another EU language or the
/// name's first letters, that no other month's name begins with (`mai`, `maja`, `sept`).
pub fn month(word: &str) -> Option<u32> {
    const ENGLISH: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.to_lowercase();
    let english = ENGLISH.iter().position(|m| *m == lower || lower.len() == 3 && m.starts_with(&lower));
    match english {
        Some(m) => Some(m as u32 + 1),
        None => match months_named(&plain(word)).as_slice() {
            [m] => Some(*m),
            _ => None,
        },
    }
}

/// Whether `word`, as typed, is a month's name in one of the EU's languages (`May`, `Mai`,
/// `maja`, `Μαΐου`), or a name shortened with a full stop that begins one month's only
/// (`Sept.`, `janv.`); two-word names are joined with `_`. For line breaking, which keeps a
/// day with its month (text48a F48a-4).
pub fn names_a_month(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    let fits = (1..=16).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_alphabetic() || c == '_');
    if !fits {
        return false;
    }
    let letters = plain(letters);
    // (Shortened only with its full stop: `12 mar` is no date, `12 out of 20` none either.)
    if word.ends_with('.') {
        !months_named(&letters).is_empty()
    } else {
        NAMES.binary_search_by(|(n, _)| n.as_str().cmp(&letters)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::{month, names_a_month};

    #[test]
    fn a_month_is_named_in_english_and_the_eus_languages() {
        for (word, m) in [("May", 5), ("Sep", 9), ("Mar", 3), ("mai", 5), ("maja", 5), ("sept", 9), ("Μαΐου", 5)] {
            assert_eq!(month(word), Some(m), "{word}");
        }
        // (Two months in two languages, or none.)
        for word in ["listopad", "Foo", "ma", ""] {
            assert_eq!(month(word), None, "{word}");
        }
    }

    #[test]
    fn a_month_named_or_shortened_with_its_full_stop_keeps_to_its_day() {
        // Line breaking's question: a month's name, or one shortened with a full stop.
        for month in
            ["May", "Mai", "maja", "Μαΐου", "ΜΑΪΟΥ", "mai", "Sept.", "janv.", "Okt.", "meán_fómhair", "listopada"]
        {
            assert!(names_a_month(month), "{month}");
        }
        for not in ["mar", "out", "Sept", "topics", "12", "M.", "Ma.", "may-be", ""] {
            assert!(!names_a_month(not), "{not}");
        }
    }
}
