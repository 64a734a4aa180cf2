//! The values a template sets: lengths, sizes, colours, page sizes and the named choices
//! (numbering, alignment, …), each parsed from one YAML scalar with an error that says what
//! is allowed.

pub use crate::markdown::Align;
use std::str::FromStr;

use super::Leaf;

impl Leaf for String {
    type Raw = String;
    fn parse(raw: String) -> Result<String, String> {
        Ok(raw)
    }
}

/// A file a template names (its logo, its fonts), relative to the template file, with where it
/// was written, so that a problem with the file points at the template's line. Only user
/// templates name files, so the place is always in the user's template.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FilePath {
    pub path: String,
    pub span: Option<crate::diag::Span>,
}

impl FilePath {
    /// The path, trimmed; empty when none is named.
    pub fn as_str(&self) -> &str {
        self.path.trim()
    }
}

impl super::Apply for FilePath {
    type Raw = crate::load::Spanned<String>;
    fn apply(&mut self, raw: Self::Raw, _path: &str, _diags: &mut Vec<crate::diag::Diagnostic>) {
        *self = FilePath { path: raw.value, span: Some(raw.span) };
    }
}

impl Leaf for bool {
    type Raw = bool;
    fn parse(raw: bool) -> Result<bool, String> {
        Ok(raw)
    }
}

/// A length in points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pt(pub f32);

impl Leaf for Pt {
    type Raw = f64;
    fn parse(raw: f64) -> Result<Pt, String> {
        if (0.0..=1000.0).contains(&raw) {
            Ok(Pt(raw as f32))
        } else {
            Err(format!("{raw} is not a length between 0 and 1000 points"))
        }
    }
}

/// A length given in millimetres, held in points: a margin, or the logo's width.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Mm(pub f32);

impl Mm {
    pub fn pt(self) -> f32 {
        self.0 * 72.0 / 25.4
    }
}

impl Leaf for Mm {
    type Raw = f64;
    fn parse(raw: f64) -> Result<Mm, String> {
        if (0.0..=200.0).contains(&raw) {
            Ok(Mm(raw as f32))
        } else {
            // (Not "a margin": the logo's width is one too; text43b F43b-12.)
            Err(format!("{raw} is not a length between 0 and 200 mm"))
        }
    }
}

/// A font size in points: fractions allowed (`10.5`), to a hundredth of a point.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FontSize(pub f32);

impl Leaf for FontSize {
    type Raw = f64;
    fn parse(raw: f64) -> Result<FontSize, String> {
        if (4.0..=144.0).contains(&raw) {
            Ok(FontSize(((raw * 100.0).round() / 100.0) as f32))
        } else {
            Err(format!("font size {raw} must be from 4 to 144 points"))
        }
    }
}

/// How many pages a briefing is fitted on; 0 leaves it as long as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageCount(pub u32);

impl Leaf for PageCount {
    type Raw = f64;
    fn parse(raw: f64) -> Result<PageCount, String> {
        if raw.fract() == 0.0 && (0.0..=1000.0).contains(&raw) {
            Ok(PageCount(raw as u32))
        } else {
            Err(format!("{raw} is not a whole number of pages from 0 (no fitting) to 1000"))
        }
    }
}

/// How many columns the sections are set in (1 to 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns(pub u8);

impl Leaf for Columns {
    type Raw = f64;
    fn parse(raw: f64) -> Result<Columns, String> {
        if raw.fract() == 0.0 && (1.0..=3.0).contains(&raw) {
            Ok(Columns(raw as u8))
        } else {
            Err(format!("{raw} columns: the sections are set in 1, 2 or 3 columns"))
        }
    }
}

/// A line-height factor (1.0 = the font's own line height).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Factor(pub f32);

impl Leaf for Factor {
    type Raw = f64;
    fn parse(raw: f64) -> Result<Factor, String> {
        if (0.8..=3.0).contains(&raw) {
            Ok(Factor(raw as f32))
        } else {
            Err(format!("line height {raw} must be between 0.8 and 3.0"))
        }
    }
}

/// The line pitch of Japanese running text, in em: from 1.2, as a line of Japanese fills its
/// whole em and closer lines would touch (JLREQ sets them 1.5 to 2 em apart; text44b F44b-20:
/// at 0.8 they were printed over each other).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct JapanesePitch(pub f32);

impl Leaf for JapanesePitch {
    type Raw = f64;
    fn parse(raw: f64) -> Result<JapanesePitch, String> {
        if (1.2..=3.0).contains(&raw) {
            Ok(JapanesePitch(raw as f32))
        } else {
            Err(format!(
                "Japanese line pitch {raw} must be between 1.2 and 3.0 em: a line of Japanese is a full em tall, and closer lines touch"
            ))
        }
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Rgb, String> {
        let bad = || format!("colour '{s}' is not of the form #rrggbb or #rgb");
        let hex = s.strip_prefix('#').ok_or_else(bad)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).map_err(|_| bad());
        match hex.len() {
            6 => Ok(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Ok(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => Err(bad()),
        }
    }
}

/// The most characters of a month's name.
pub const MOST_MONTH_CHARS: usize = 40;

/// The twelve month names, January first, as `%B` prints them (`%b` prints their first
/// three letters).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Months(pub Vec<String>);

impl Leaf for Months {
    type Raw = Vec<String>;
    fn parse(raw: Vec<String>) -> Result<Months, String> {
        let names: Vec<String> = raw.iter().map(|m| m.trim().to_string()).collect();
        if names.len() != 12 || names.iter().any(String::is_empty) {
            return Err(format!("give the twelve month names, January first (found {})", raw.len()));
        }
        // Printed by every `%B` of every date (text44b F44b-2: names of 100,000 letters).
        if let Some(long) = names.iter().find(|m| m.chars().count() > MOST_MONTH_CHARS) {
            let shown: String = long.chars().take(20).collect();
            return Err(format!(
                "the month name \"{shown}…\" is {} characters long: a month's name may be at most {MOST_MONTH_CHARS}",
                long.chars().count()
            ));
        }
        Ok(Months(names))
    }
}

/// Leaves that are parsed from a string with `FromStr`.
macro_rules! leaf_from_str {
    ($($t:ty),*) => {$(
        impl Leaf for $t {
            type Raw = String;
            fn parse(raw: String) -> Result<$t, String> {
                raw.trim().parse()
            }
        }
    )*};
}

leaf_from_str!(Rgb, PageSize, Numbering, Align, DatePlacement, ContactStyle, OfficeOrder, JapaneseFace);

/// Paper size in points.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl FromStr for PageSize {
    type Err = String;
    fn from_str(s: &str) -> Result<PageSize, String> {
        let mm = |w: f32, h: f32| PageSize { width: Mm(w).pt(), height: Mm(h).pt() };
        match s.to_ascii_lowercase().as_str() {
            "a4" => Ok(mm(210.0, 297.0)),
            "a5" => Ok(mm(148.0, 210.0)),
            "a3" => Ok(mm(297.0, 420.0)),
            "letter" => Ok(PageSize { width: 612.0, height: 792.0 }),
            "legal" => Ok(PageSize { width: 612.0, height: 1008.0 }),
            other => {
                let bad =
                    || format!("page size '{s}' is not A3, A4, A5, Letter, Legal or WIDTHxHEIGHT in mm (e.g. 210x297)");
                let (w, h) = other.trim_end_matches("mm").split_once('x').ok_or_else(bad)?;
                let (w, h): (f32, f32) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
                if (50.0..=1000.0).contains(&w) && (50.0..=1000.0).contains(&h) {
                    Ok(mm(w, h))
                } else {
                    Err(format!("page size '{s}': each side must be between 50 and 1000 mm"))
                }
            }
        }
    }
}

/// How sections and topics are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbering {
    /// `1.`, with topics numbered `1.`, `2.` again under their section.
    #[default]
    Arabic,
    /// `1.`, with topics numbered `2.1`, `2.2` under section 2.
    Decimal,
    /// `i.`, `ii.`
    Roman,
    None,
}

impl FromStr for Numbering {
    type Err = String;
    fn from_str(s: &str) -> Result<Numbering, String> {
        match s {
            "1." | "1" => Ok(Numbering::Arabic),
            "1.1" | "1.1." => Ok(Numbering::Decimal),
            "i." | "i" => Ok(Numbering::Roman),
            "none" | "" => Ok(Numbering::None),
            _ => Err(format!("numbering '{s}' is not one of \"1.\", \"1.1\", \"i.\", \"none\"")),
        }
    }
}

impl Numbering {
    /// The label of a top-level section (`n` from 1).
    pub fn section(self, n: usize) -> String {
        match self {
            Numbering::Arabic | Numbering::Decimal => format!("{n}."),
            Numbering::Roman => format!("{}.", roman(n)),
            Numbering::None => String::new(),
        }
    }

    /// The label of item `n` (from 1) under section `parent`.
    pub fn subsection(self, parent: usize, n: usize) -> String {
        match self {
            Numbering::Arabic => format!("{n}."),
            Numbering::Decimal => format!("{parent}.{n}"),
            Numbering::Roman => format!("{}.", roman(n)),
            Numbering::None => String::new(),
        }
    }
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The face of Japanese characters in running text (titles and headings are always Gothic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JapaneseFace {
    /// IPAexGothic, a sans-serif.
    #[default]
    Gothic,
    /// IPAexMincho, the serif face of Japanese press releases and books.
    Mincho,
}

impl FromStr for JapaneseFace {
    type Err = String;
    fn from_str(s: &str) -> Result<JapaneseFace, String> {
        match s {
            "gothic" => Ok(JapaneseFace::Gothic),
            "mincho" => Ok(JapaneseFace::Mincho),
            _ => Err(format!("Japanese face '{s}' is not gothic or mincho")),
        }
    }
}

/// Where the date goes in the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DatePlacement {
    /// On its own line under the title, with the organisation.
    #[default]
    BelowTitle,
    /// Right-aligned above the title, as on a ministry press release.
    AboveRight,
}

impl FromStr for DatePlacement {
    type Err = String;
    fn from_str(s: &str) -> Result<DatePlacement, String> {
        match s {
            "below-title" => Ok(DatePlacement::BelowTitle),
            "above-right" => Ok(DatePlacement::AboveRight),
            _ => Err(format!("date placement '{s}' is not below-title or above-right")),
        }
    }
}

/// How the contact block is set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContactStyle {
    /// A frame all round.
    #[default]
    Frame,
    /// A rule above.
    Rule,
}

impl FromStr for ContactStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<ContactStyle, String> {
        match s {
            "frame" => Ok(ContactStyle::Frame),
            "rule" => Ok(ContactStyle::Rule),
            _ => Err(format!("contact style '{s}' is not frame or rule")),
        }
    }
}

/// The order of the contact's office names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OfficeOrder {
    /// Division, bureau, organisation, as English addresses go.
    #[default]
    SmallestFirst,
    /// Organisation, bureau, division, as Japanese ones go (総務省　国際戦略局　国際政策課).
    LargestFirst,
}

impl FromStr for OfficeOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<OfficeOrder, String> {
        match s {
            "smallest-first" => Ok(OfficeOrder::SmallestFirst),
            "largest-first" => Ok(OfficeOrder::LargestFirst),
            _ => Err(format!("office order '{s}' is not smallest-first or largest-first")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles() {
        assert_eq!(Numbering::Decimal.subsection(2, 3), "2.3");
        assert_eq!(Numbering::Arabic.subsection(2, 3), "3.");
        assert_eq!(Numbering::Roman.section(14), "xiv.");
        assert_eq!(Numbering::None.section(1), "");
        assert!("1)".parse::<Numbering>().is_err());
    }

    #[test]
    fn japanese_lines_are_never_set_close_enough_to_touch() {
        assert_eq!(JapanesePitch::parse(1.7), Ok(JapanesePitch(1.7)));
        assert_eq!(JapanesePitch::parse(1.2), Ok(JapanesePitch(1.2)));
        for touching in [0.8, 1.0, 1.19] {
            let (_, p) = crate::theme::user_problems(&format!("japanese_line_height: {touching}\n"));
            assert_eq!(p.len(), 1, "{touching}: {p:?}");
            assert_eq!(p[0].path, "japanese_line_height");
            let e = &p[0].message;
            assert!(e.starts_with(&format!("Japanese line pitch {touching} must be between 1.2 and 3.0 em")), "{e}");
        }
    }

    #[test]
    fn colours_parse() {
        assert_eq!("#1f3a68".parse::<Rgb>(), Ok(Rgb(0x1f, 0x3a, 0x68)));
        assert_eq!("#fff".parse::<Rgb>(), Ok(Rgb(255, 255, 255)));
        assert!("blue".parse::<Rgb>().is_err());
        assert!("#12345g".parse::<Rgb>().is_err());
    }
}
