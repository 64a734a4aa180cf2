//! The date: `YYYY-MM-DD`, and a day that exists.

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
    match no_such_date(text) {
        Some(reason) => format!("{text} does not exist ({reason})"),
        None => format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2020-10-06"),
    }
}

/// Why a `YYYY-MM-DD` date does not exist; `None` if `text` is not of that shape.
pub(super) fn no_such_date(text: &str) -> Option<String> {
    let number = |range: std::ops::Range<usize>| {
        text.get(range).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).and_then(|p| p.parse::<u32>().ok())
    };
    let dashes = text.len() == 10 && text.get(4..5) == Some("-") && text.get(7..8) == Some("-");
    if !dashes {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
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
