//! The briefing as a user writes it (`Raw*`, straight from YAML) and as the rest of the
//! pipeline sees it after validation (`Briefing`, `Topic`, `Contact`, `Date`).
//!
//! The raw types are deliberately loose: every field is optional and carries its source span,
//! so that validation can report *every* missing or malformed field in one run, each pointing
//! at its line. Unknown keys are rejected by the loader (`load.rs`), which reports all of them
//! with a suggestion instead of stopping at the first as `#[serde(deny_unknown_fields)]` would.

use serde::Deserialize;

use crate::load::Spanned;
use crate::markdown::Block;
pub use crate::markdown::Change;

/// `briefing.yaml` as written. Key names are part of the file format: see README "Input format".
#[derive(Debug, Default, Deserialize)]
pub struct RawBriefing {
    pub title: Option<Spanned<String>>,
    pub short_title: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub organisation: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub heading: Option<Spanned<String>>,
    pub overview: Option<Spanned<String>>,
    pub topics: Option<Spanned<Vec<Spanned<RawTopic>>>>,
    pub contact: Option<Spanned<RawContact>>,
    pub subject: Option<Spanned<String>>,
    pub lang: Option<Spanned<String>>,
    pub marking: Option<Spanned<String>>,
    pub draft: Option<Spanned<bool>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawTopic {
    pub title: Option<Spanned<String>>,
    pub body: Option<Spanned<String>>,
    pub lang: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawContact {
    pub note: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub division: Option<Spanned<String>>,
    pub bureau: Option<Spanned<String>>,
    pub organisation: Option<Spanned<String>>,
    pub tel: Option<Spanned<String>>,
    pub fax: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date that exists (validated on construction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Returns `None` for dates that do not exist (2021-02-29, 2020-13-01, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that shape; anything else is `None`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let (year, month, day) = crate::load::iso_date_parts(s)?;
        // (`0026-05-12` is a slip for a year in full: text44a F44a-7.)
        if year < 1000 {
            return None;
        }
        Date::new(year as i32, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> u8 {
        self.month
    }
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Seconds since the Unix epoch at 00:00 UTC on this date.
    pub fn unix_seconds(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
}

/// A validated briefing: everything the layout needs, nothing it must re-check.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub title: String,
    /// Used in running headers; defaults to the title.
    pub short_title: String,
    pub date: Date,
    pub organisation: Option<String>,
    pub summary: Vec<Block>,
    /// Heading printed above the numbered sections (e.g. "Major achievements of …").
    pub heading: Option<String>,
    pub overview: Vec<Block>,
    /// Never empty.
    pub topics: Vec<Topic>,
    pub contact: Contact,
    /// PDF Subject; defaults to the first sentence of the summary.
    pub subject: Option<String>,
    /// BCP 47 language tag; `en` unless the YAML says otherwise, or `ja` for a briefing
    /// without `lang:` whose text is mostly Japanese.
    pub lang: String,
    /// `lang` was found from the text, not written in the YAML.
    pub lang_detected: bool,
    pub marking: Option<String>,
    pub draft: bool,
}

impl Briefing {
    /// The bytes of its text, aliases expanded: what the 4 MiB limit bounds once a briefing
    /// is read (a briefing of 42 KB may repeat a long text by alias to 4 MiB). Its contact
    /// block's too, which is laid out as its topics are.
    pub fn text_bytes(&self) -> u64 {
        let mut n = [&self.title, &self.short_title].iter().map(|s| s.len()).sum::<usize>();
        let c = &self.contact;
        n += [&self.organisation, &self.heading, &self.subject, &self.marking]
            .into_iter()
            .chain([&c.note, &c.name, &c.division, &c.bureau, &c.organisation, &c.tel, &c.fax, &c.email, &c.url])
            .filter_map(|s| s.as_ref())
            .map(String::len)
            .sum::<usize>();
        self.visit_markdown(&mut |t| n += t.len());
        (n + self.topics.iter().map(|t| t.title.len()).sum::<usize>()) as u64
    }

    /// Its topics and runs of text (each paragraph, list item or cell, and each look in one):
    /// what a dossier counts of it, beside its bytes.
    pub fn pieces(&self) -> usize {
        let mut n = self.topics.len();
        self.visit_markdown(&mut |_| n += 1);
        n
    }

    /// Each run of text of its Markdown parts: the summary, the overview, each topic's body.
    fn visit_markdown<'a>(&'a self, f: &mut dyn FnMut(&'a str)) {
        for blocks in [&self.summary, &self.overview].into_iter().chain(self.topics.iter().map(|t| &t.body)) {
            crate::markdown::visit_text(blocks, f);
        }
    }

    /// Each text it prints, to change in place: its one-line fields and its contact block's,
    /// each topic's title, and every run of text, line of code and list marker of its
    /// Markdown parts.
    pub fn visit_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for s in [&mut self.title, &mut self.short_title] {
            f(s);
        }
        let c = &mut self.contact;
        let lines =
            [&mut self.organisation, &mut self.heading, &mut self.subject, &mut self.marking].into_iter().chain([
                &mut c.note,
                &mut c.name,
                &mut c.division,
                &mut c.bureau,
                &mut c.organisation,
                &mut c.tel,
                &mut c.fax,
                &mut c.email,
                &mut c.url,
            ]);
        lines.flatten().for_each(&mut *f);
        visit_text_mut(&mut self.summary, f);
        visit_text_mut(&mut self.overview, f);
        for t in &mut self.topics {
            f(&mut t.title);
            visit_text_mut(&mut t.body, f);
        }
    }

    /// The bytes of text a layout of it lays out: [`Briefing::text_bytes`], and with a table of
    /// `contents` the briefing's title and each topic's again (a briefing of 2 MB of long
    /// headings took 8.7 s to build with contents, and one of 4 MB 17 s).
    pub fn laid_out_bytes(&self, contents: bool) -> u64 {
        let titles = || (self.title.len() + self.topics.iter().map(|t| t.title.len()).sum::<usize>()) as u64;
        self.text_bytes() + if contents { titles() } else { 0 }
    }
}

/// Every piece of text in `blocks` that prints, to change in place: [`crate::markdown::visit_text`]'s, and
/// each list item's marker as typed.
fn visit_text_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut String)) {
    for b in blocks {
        match b {
            Block::Paragraph(i) | Block::Heading(_, i) | Block::MarkedCode(i) => {
                i.iter_mut().for_each(|i| f(&mut i.text))
            }
            Block::List { items, markers, .. } => {
                markers.iter_mut().for_each(&mut *f);
                items.iter_mut().for_each(|it| visit_text_mut(it, f));
            }
            Block::Table { header, rows, .. } => {
                for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    cell.iter_mut().for_each(|i| f(&mut i.text));
                }
            }
            Block::Quote(inner) => visit_text_mut(inner, f),
            Block::Code(lines) => lines.iter_mut().for_each(&mut *f),
            Block::Rule => {}
        }
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub title: String,
    pub body: Vec<Block>,
    /// The topic's own language (BCP 47), when it differs from the briefing's.
    pub lang: Option<String>,
    /// `lang` was found from the topic's text, not written in the YAML.
    pub lang_detected: bool,
    /// In a redline ([`crate::redline`]): the topic is only in the new version (`Inserted`)
    /// or only in the old one (`Deleted`). `None` everywhere else.
    pub change: Option<Change>,
    /// In a redline: the title, when it changed, with the words deleted and inserted marked
    /// as in the body. `None` everywhere else.
    pub marked_title: Option<Vec<crate::markdown::Inline>>,
}

/// The inquiry block. Validation guarantees at least one way to get in touch.
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub note: Option<String>,
    pub name: Option<String>,
    pub division: Option<String>,
    pub bureau: Option<String>,
    pub organisation: Option<String>,
    pub tel: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_exist_are_rejected() {
        assert!(Date::parse_iso("2020-10-06").is_some());
        assert!(Date::parse_iso("2020-02-29").is_some());
        assert!(Date::parse_iso("2021-02-29").is_none());
        assert!(Date::parse_iso("1900-02-29").is_none());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("2020-13-01").is_none());
        assert!(Date::parse_iso("2020-04-31").is_none());
        assert!(Date::parse_iso("October 6, 2020").is_none());
        assert!(Date::parse_iso("2020-1-06").is_none());
        assert!(Date::parse_iso("2020-10-0x").is_none());
    }

    #[test]
    fn unix_seconds_match_known_dates() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().unix_seconds(), 0);
        assert_eq!(Date::new(2020, 10, 6).unwrap().unix_seconds(), 1_601_942_400);
    }
}
