//! The date: `YYYY-MM-DD`, and a day that exists.

mod words;

use super::Checker;
use crate::load::Spanned;
use crate::model::Date;

impl Checker<'_> {
    pub(super) fn date(&mut self, field: Option<Spanned<String>>) -> Option<Date> {
        let field = self.present(field, "", "date", self.start)?;
        let text = field.value.trim();
        if let Some(date) = Date::parse_iso(text) {
            return Some(date);
        }
        self.report(field.span, "date", date_problem(text));
        None
    }
}

/// What is wrong with `text` as a `YYYY-MM-DD` date (one that `Date::parse_iso` refuses):
/// the same words for the YAML's `date:` and for `bundle --date`.
pub fn date_problem(text: &str) -> String {
    // (A date with its day of the week, `2026-05-12（火）`, was told it was more than one day;
    // a Japanese range, `2026年5月12日～13日`, only shown an example: text46a F46a-9.)
    // (Its name in an EU language, before the date or after it, `Tuesday, 12 May 2026`,
    // `mardi 12 mai 2026`, and the date in words: text49a F49a-5.)
    let in_words = |d: &str| <[String; 1]>::try_from(words::meant_in_words(d)).ok().map(|[iso]| iso);
    if let Some(day) = without_weekday(text)
        .and_then(|d| Date::parse_iso(d).map(|_| d.to_string()).or_else(|| meant(d)).or_else(|| in_words(d)))
    {
        return format!("'{text}' has its day of the week: `date:` is the date alone; write it as {day}");
    }
    if let Some(day) = text.split(['～', '〜', '~']).next().filter(|first| first.len() < text.len()).and_then(meant) {
        return more_than_one(text, &day);
    }
    if let Some(said) = more_than_a_day(text) {
        return said;
    }
    match no_such_date(text) {
        // (`2026-13-01`: the day and month swapped, as one used to day-first dates types:
        // text46a F46a-31.)
        Some(reason) => match crate::load::iso_date_parts(text) {
            Some((year, month, day)) if month > 12 && (1..=12).contains(&day) => {
                format!("{text} does not exist ({reason}); did you mean {year:04}-{day:02}-{month:02}?")
            }
            _ => format!("{text} does not exist ({reason})"),
        },
        None => match meant(text) {
            // (text43a F43a-14: a date typed the Japanese way, in full-width digits, or
            // `2026/5/12`, got only an example of another date.)
            Some(iso) => format!("'{text}' is not a date as briefing reads one; write it as {iso} (YYYY-MM-DD)"),
            // (Its month named in a language, or in Roman numerals, or eight digits:
            // text47a F47a-2.)
            None => match words::meant_in_words(text).as_slice() {
                [] => format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2020-10-06"),
                [iso] => format!("'{text}' is not a date as briefing reads one; write it as {iso} (YYYY-MM-DD)"),
                several => format!(
                    "'{text}' is not a date as briefing reads one; its month's name is another month's in \
                     another language: write it as {} (YYYY-MM-DD), by the language it is in",
                    several.join(" or ")
                ),
            },
        },
    }
}

/// What is wrong with a date written `YYYY-MM-DD` with more after it (a time, a second day),
/// or with a year of fewer than four digits; `None` when it is neither (text44a F44a-7: a
/// two-day meeting got only "write it as YYYY-MM-DD").
fn more_than_a_day(text: &str) -> Option<String> {
    let (day, rest) = (text.get(..10)?, text.get(10..)?);
    let (year, _, _) = crate::load::iso_date_parts(day)?;
    if rest.is_empty() {
        return (1..1000)
            .contains(&year)
            .then(|| format!("'{text}' has the year {year}; write the year in full, e.g. 2026-05-12"));
    }
    Date::parse_iso(day)?;
    let clock = rest.trim_start_matches(['T', ' ']);
    let is_time = rest.len() > clock.len()
        && clock.get(2..3) == Some(":")
        && clock.bytes().all(|b| b.is_ascii_digit() || b":.+-Z ".contains(&b));
    Some(if is_time {
        format!("'{text}' has a time: `date:` is the day only; write it as {day} (the time can go in the summary)")
    } else {
        more_than_one(text, day)
    })
}

/// That `text`, typed for `date:`, is more than one day, the first being `day`.
fn more_than_one(text: &str, day: &str) -> String {
    format!(
        "'{text}' is more than one day: `date:` is the briefing's date, one day; write it as {day}, and the meeting's days in the summary"
    )
}

/// `text` without a day of the week after it (`（火）`, `(Tue)`, ` Tue`, ` Tuesday`, `（火曜日）`,
/// `(Dienstag)`) or before it (`Tuesday, `, `mardi `; see [`words::is_day_name`]); `None` when
/// it has none.
fn without_weekday(text: &str) -> Option<&str> {
    const JAPANESE: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    let text = text.trim();
    let after = match text.strip_suffix([')', '）']) {
        Some(inner) => inner.rsplit_once(['(', '（']),
        None => text.rsplit_once(' '),
    };
    if let Some((rest, word)) = after {
        let word = word.trim().trim_end_matches(['.', ',']);
        let japanese = JAPANESE.iter().any(|d| [*d, &format!("{d}曜"), &format!("{d}曜日")].contains(&word));
        if japanese || words::is_day_name(word) {
            return Some(rest.trim_end().trim_end_matches(','));
        }
    }
    let (word, rest) = text.split_once([' ', ','])?;
    let rest = rest.trim_start_matches([' ', ',']);
    (words::is_day_name(word) && !rest.is_empty()).then_some(rest)
}

/// The one date `text` can be, written otherwise than `YYYY-MM-DD`: in full-width digits
/// (`２０２６－０５－１２`), the Japanese way (`2026年5月12日`), year first with other marks or
/// one-digit parts (`2026/5/12`, `2026.05.12`, `2026-5-12`), day first with full stops as the
/// languages that write the day first do (`12.05.2026`), or with an English month's name
/// (`May 12, 2026`, `12 May 2026`). `None` when none, or it does not exist.
fn meant(text: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text.nfkc().collect();
    // (The Japanese era, `令和8年5月12日`, `R8.5.12`: the year in full; text46a F46a-9.)
    let plain = in_full_years(&plain).unwrap_or(plain);
    let parts: Vec<&str> = plain
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(|p| p.split(['年', '月', '日']))
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| p.parse::<u32>().ok().filter(|_| p.bytes().all(|b| b.is_ascii_digit()));
    let month_of = |p: &str| {
        crate::model::MONTH_NAMES.iter().position(|m| {
            let (m, p) = (m.to_ascii_lowercase(), p.to_ascii_lowercase());
            p.len() >= 3 && m.starts_with(&p)
        })
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y)?, number(m)?, number(d)?),
        [d, m, y] if y.len() == 4 && plain.contains('.') && !plain.contains('/') => {
            (number(y)?, number(m)?, number(d)?)
        }
        [m, d, y] if y.len() == 4 && month_of(m).is_some() => (number(y)?, month_of(m)? as u32 + 1, number(d)?),
        [d, m, y] if y.len() == 4 && month_of(m).is_some() => (number(y)?, month_of(m)? as u32 + 1, number(d)?),
        _ => return None,
    };
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    Date::new(i32::try_from(year).ok()?, month, day)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Why a `YYYY-MM-DD` date does not exist; `None` if `text` is not of that shape.
pub(super) fn no_such_date(text: &str) -> Option<String> {
    let (year, month, day) = crate::load::iso_date_parts(text)?;
    let reason = match crate::model::MONTH_NAMES.get((month as usize).wrapping_sub(1)) {
        _ if year == 0 => "there is no year 0".to_string(),
        None => format!("there is no month {month}"),
        Some(_) if day == 0 => "there is no day 0".to_string(),
        Some(_) if month == 2 && day == 29 => format!("{year} is not a leap year"),
        Some(name) => {
            let days = (28..=31).rev().find(|&d| Date::new(year as i32, month as u8, d).is_some()).unwrap_or(28);
            format!("{name} has {days} days")
        }
    };
    Some(reason)
}

/// `text` with a year of the Japanese era (`令和8年`, `令和元年`, `R8.`, `平成31年`, `H31.`) as
/// the year in full; `None` when it starts with none.
fn in_full_years(text: &str) -> Option<String> {
    let eras = [("令和", 'R', 2018), ("平成", 'H', 1988)];
    for (name, letter, base) in eras {
        let Some(rest) = text.strip_prefix(name).or_else(|| text.strip_prefix(letter)) else { continue };
        let (year, rest) = match rest.strip_prefix("元") {
            Some(rest) => (1, rest),
            None => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let Ok(year) = rest[..digits].parse::<i32>() else { continue };
                (year, &rest[digits..])
            }
        };
        let mark = if text.starts_with(name) { "年" } else { "." };
        if let Some(rest) = rest.strip_prefix(mark) {
            return Some(format!("{}{mark}{rest}", base + year));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::without_weekday;

    #[test]
    fn a_days_name_before_or_after_a_date_is_left_out() {
        for (typed, left) in [
            ("Tuesday, 12 May 2026", "12 May 2026"),
            ("Mon, 12 May 2026", "12 May 2026"),
            ("mardi 12 mai 2026", "12 mai 2026"),
            ("Dienstag, 12. Mai 2026", "12. Mai 2026"),
            ("12 maja 2026 (wtorek)", "12 maja 2026"),
            ("terça-feira, 12 de maio de 2026", "12 de maio de 2026"),
            ("2026-05-12（火）", "2026-05-12"),
            ("2026-05-12 Tu", "2026-05-12"),
        ] {
            assert_eq!(without_weekday(typed), Some(left), "{typed}");
        }
        assert_eq!(without_weekday("12 May 2026"), None);
        assert_eq!(without_weekday("Monday"), None);
    }
}
