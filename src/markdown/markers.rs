//! The markers of lists typed as text, one item a line, that Markdown does not read as a
//! list: letters and Roman numbers (`(a)`, `b)`, `ii.`, German `aa)`), numbers in brackets
//! (`(1)`), ordinals (`1°`, `1.º`), provisions (`§ 1`, `Art. 1`) and dashes (`– `), as EU
//! texts and Outlook write them; a list typed without the space after its marker (`-Data`,
//! `1.Draft`); a programme's times (`09:30 `) and a timeline's dates, in order; labels
//! (`Venue: `); and the marker of a list pasted from Word, which a tab follows (`o<tab>`,
//! `§<tab>`) or spaces for it (`·   `, `o   `).

use crate::language::months::month;

/// How a marker is written around its letter or number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `(a)`
    Bracketed,
    /// `a)`
    Closed,
    /// `a.`
    Stopped,
    /// `– `, `— `: every item the same.
    Dash(char),
    /// `-AI`, `*First`, `+Data`: a bullet with no space after it, every item the same.
    Glued(char),
    /// `1°`, `1º`, `1.º`, `1.ª`: an ordinal, as French, Italian, Spanish and Portuguese texts
    /// number their points.
    Ordinal,
    /// `§ 1`, `Art. 1`: a provision (`'§'`, or `'A'` for an article).
    Provision(char),
    /// `09:30`, `１０：００`: a programme's time, each later than the one before.
    Time,
    /// `2026-05-12`, `12.05.2026`, `12 May 2026`: a timeline's date, none before the one before.
    Date,
    /// `Venue: `, `Japan: `: a short label before a colon, one a line.
    Label,
    /// `12/05/2026`: a date with slashes, day or month first.
    Slashed,
}

/// The marker a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    shape: Shape,
    upper: bool,
    /// The place in the alphabet of a letter (`a` is 1), written `repeat` times (`aa` is 1,
    /// twice: the level under `a)` in German texts).
    letter: Option<u32>,
    repeat: usize,
    /// The value of a Roman number (`iv` is 4).
    roman: Option<u32>,
    /// The number; for a time, its minutes since midnight, and for a date, YYYYMMDD.
    number: Option<u32>,
    /// A tab follows it, as in a list pasted from Word.
    pub(super) tab: bool,
    /// No space follows it (`1.Draft`).
    glued: bool,
}

/// What follows a marker: a tab (`Some(true)`), a space (`Some(false)`), or neither.
fn space(rest: &str) -> Option<bool> {
    match rest.chars().next() {
        Some('\t') => Some(true),
        Some(' ' | '\u{3000}') => Some(false),
        _ => None,
    }
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
}

/// The number of 1 to `most` digits, ASCII or full-width, at the start of `s`, and the rest.
fn digits(s: &str, most: usize) -> Option<(u32, usize, &str)> {
    let n = s.chars().take_while(|&c| digit(c).is_some()).count();
    // (The count first: the value of a long run of digits overflowed, a panic in a debug
    // build, which the editor's property test met.)
    if !(1..=most).contains(&n) {
        return None;
    }
    let len: usize = s.chars().take(n).map(char::len_utf8).sum();
    let value = s[..len].chars().try_fold(0u32, |v, c| v.checked_mul(10)?.checked_add(digit(c)?))?;
    Some((value, n, &s[len..]))
}

/// Whether the text after a time or a date reads as a sentence going on (`10:00 and`), not
/// as an item (`09:30 Registration`, `12 May 2026 – meeting`, `10:00　開会`).
fn goes_on(rest: &str) -> bool {
    rest.trim_start().starts_with(|c: char| c.is_lowercase())
}

impl Marker {
    fn plain(shape: Shape, number: Option<u32>, tab: bool) -> Marker {
        Marker { shape, upper: false, letter: None, repeat: 1, roman: None, number, tab, glued: false }
    }

    /// The marker `line` starts with, if a space or a tab follows it: `(a) `, `a) `, `a. `,
    /// `(iv) `, `(1) `, `aa) `, `1° `, `§ 1 `, `– `, `09:30 `, `2026-05-12 `, `Venue: `; or
    /// `-`, `*`, `+` or a number and `.` glued to a word (`-Data`, `1.Draft`).
    pub(super) fn of(line: &str) -> Option<Marker> {
        let mut chars = line.chars();
        match (chars.next(), chars.next()) {
            (Some(dash @ ('–' | '—')), _) => {
                let tab = space(&line[dash.len_utf8()..])?;
                return Some(Marker::plain(Shape::Dash(dash), None, tab));
            }
            // (`-- ` and `--- `, the README's way to type `– ` and `— `: F48a-18.)
            (Some('-'), Some('-')) => {
                let rest = line.trim_start_matches('-');
                let dash = match line.len() - rest.len() {
                    2 => '–',
                    3 => '—',
                    _ => return None,
                };
                return Some(Marker::plain(Shape::Dash(dash), None, space(rest)?));
            }
            (Some(bullet @ ('-' | '*' | '+')), Some(c)) if c.is_alphabetic() => {
                return Some(Marker { glued: true, ..Marker::plain(Shape::Glued(bullet), None, false) });
            }
            _ => {}
        }
        Marker::counted(line)
            .or_else(|| Marker::provision(line))
            .or_else(|| Marker::time(line))
            .or_else(|| Marker::date(line))
            .or_else(|| Marker::named_date(line))
            .or_else(|| Marker::japanese_date(line))
            .or_else(|| Marker::label(line))
    }

    /// A letter, a Roman number or a number, in brackets or before `)`, `.`, `°`.
    fn counted(line: &str) -> Option<Marker> {
        let (bracketed, rest) = match line.strip_prefix('(') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let body = rest.find(|c: char| !c.is_ascii_alphanumeric()).filter(|&n| (1..=4).contains(&n))?;
        let (body, rest) = rest.split_at(body);
        let number = body.parse().ok();
        let ordinal = ["°", "º", "ª", ".º", ".ª", ".°"].iter().find_map(|o| rest.strip_prefix(o));
        let (shape, rest) = match (bracketed, rest.chars().next()?, ordinal) {
            (false, _, Some(rest)) if number.is_some() => (Shape::Ordinal, rest),
            (true, ')', _) => (Shape::Bracketed, &rest[1..]),
            (false, ')', _) => (Shape::Closed, &rest[1..]),
            (false, '.', _) => (Shape::Stopped, &rest[1..]),
            _ => return None,
        };
        // (A number glued to its item's word, `1.Draft a note`: text45a F45a-32.)
        let (tab, glued) = match space(rest) {
            Some(tab) => (tab, false),
            None if number.is_some() && shape == Shape::Stopped && rest.starts_with(char::is_alphabetic) => {
                (false, true)
            }
            None => return None,
        };
        let upper = body.chars().all(|c| c.is_ascii_uppercase());
        let lower = body.chars().all(|c| c.is_ascii_lowercase());
        // (`aa`, `bb`: German texts' level under `a)`, `b)`; text45a F45a-14.)
        let repeat = body.len();
        let letter = (repeat <= 3 && (upper || lower) && body.bytes().all(|b| b == body.as_bytes()[0]))
            .then(|| u32::from(body.as_bytes()[0].to_ascii_lowercase() - b'a') + 1);
        let roman = (upper || lower).then(|| roman(&body.to_ascii_lowercase())).flatten();
        (number.is_some() || letter.is_some() || roman.is_some()).then_some(Marker {
            shape,
            upper,
            letter,
            repeat,
            roman,
            number,
            tab,
            glued,
        })
    }

    /// `§ 1 `, `§1 `, `Art. 1 `, `Article 1 `: a provision, one a line.
    fn provision(line: &str) -> Option<Marker> {
        let (mark, rest) = [("§", '§'), ("Art.", 'A'), ("Article", 'A'), ("Artikel", 'A')]
            .iter()
            .find_map(|(prefix, mark)| Some((*mark, line.strip_prefix(prefix)?)))?;
        let rest = rest.strip_prefix([' ', '\u{a0}']).unwrap_or(rest);
        let (number, _, rest) = digits(rest, 4)?;
        // (An inserted provision, `Art. 10a`, `§ 2a`, counts as the 1st after `10`, `2`: F48a-15.)
        let inserted = rest.chars().next().filter(char::is_ascii_lowercase);
        let rest = &rest[inserted.map_or(0, char::len_utf8)..];
        let inserted = inserted.map_or(0, |c| c as u32 - 'a' as u32 + 1);
        (!rest.starts_with(char::is_alphanumeric)).then_some(())?;
        Some(Marker::plain(Shape::Provision(mark), Some(number * 100 + inserted), space(rest)?))
    }

    /// `09:30 `, `9.30 `, `１０：００　`, `09:30–10:00 `: a time (and where it runs to), not
    /// before a word in lower case that a sentence goes on with.
    fn time(line: &str) -> Option<Marker> {
        fn clock(s: &str) -> Option<(u32, &str)> {
            // (`午前9時30分`, `午後2時`: F48a-14.)
            let (noon, s) = match s.strip_prefix("午前").or_else(|| s.strip_prefix("午後")) {
                Some(rest) => (Some(s.starts_with("午後")), rest),
                None => (None, s),
            };
            let (hours, _, rest) = digits(s, 2)?;
            fn minutes(rest: &str, two: bool) -> Option<(u32, &str)> {
                digits(rest, 2).filter(|(m, n, _)| (*n == 2 || !two) && *m < 60).map(|(m, _, r)| (m, r))
            }
            let (minutes, rest) = if let Some(rest) = rest.strip_prefix([':', '.', '：']) {
                minutes(rest, true)?
            } else if let Some(rest) = rest.strip_prefix('時') {
                minutes(rest, false).and_then(|(m, r)| Some((m, r.strip_prefix('分')?))).unwrap_or((0, rest))
            } else {
                // (French: `9h30`, `14 h 30`, `15 h`: F48a-13.)
                let rest = rest.strip_prefix(" h").or_else(|| rest.strip_prefix('h'))?;
                minutes(rest.trim_start_matches(' '), false).unwrap_or((0, rest))
            };
            // (`9:30 am`, `2.00 p.m.`, `12:30pm`: F48a-13.)
            let (after, rest) = [" am", " pm", " a.m.", " p.m.", "am", "pm", "a.m.", "p.m."]
                .iter()
                .find_map(|m| {
                    let head = rest.get(..m.len())?;
                    let after = &rest[m.len()..];
                    (head.eq_ignore_ascii_case(m) && !after.starts_with(char::is_alphanumeric))
                        .then(|| (Some(m.contains('p')), after))
                })
                .unwrap_or((noon, rest));
            let hours = match after {
                Some(pm) if (1..=12).contains(&hours) => hours % 12 + if pm { 12 } else { 0 },
                Some(_) => return None,
                None => hours,
            };
            (hours <= 24).then_some((hours * 60 + minutes, rest))
        }
        let (minutes, rest) = clock(line)?;
        let to = rest.strip_prefix(['-', '–', '—', '~', '～', '〜']).and_then(clock);
        let rest = to.map_or(rest, |(_, r)| r);
        let tab = space(rest)?;
        (!goes_on(rest)).then(|| Marker::plain(Shape::Time, Some(minutes), tab))
    }

    /// `2026-05-12 `, `12.05.2026 `, `12 May 2026 `, `12 mai 2026 `: a date, its month named
    /// in any of the EU's languages or not, not before a word in lower case.
    fn date(line: &str) -> Option<Marker> {
        let (first, n, rest) = digits(line, 4)?;
        let (year, month, day, rest) = if n == 4 {
            let (month, _, rest) = digits(rest.strip_prefix('-')?, 2)?;
            let (day, _, rest) = digits(rest.strip_prefix('-')?, 2)?;
            (first, month, day, rest)
        } else if let Some(rest) = rest.strip_prefix('.') {
            let (month, _, rest) = digits(rest, 2)?;
            let (year, n, rest) = digits(rest.strip_prefix('.')?, 4)?;
            (n == 4).then_some((year, month, first, rest))?
        } else {
            // (The month named in any of the EU's languages, `12 mai 2026`, `12 maja 2026`.)
            let rest = rest.strip_prefix(' ')?;
            let word = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
            let after = rest[word.len()..].strip_prefix('.').unwrap_or(&rest[word.len()..]);
            let (year, n, rest) = digits(after.strip_prefix(' ')?, 4)?;
            (n == 4).then_some(())?;
            (year, month(word)?, first, rest)
        };
        let tab = space(rest)?;
        let real = (1..=12).contains(&month) && (1..=31).contains(&day);
        (real && !goes_on(rest)).then(|| Marker::plain(Shape::Date, Some(year * 10_000 + month * 100 + day), tab))
    }

    /// `12/05/2026 `, `May 12 `, `May 12, 2026 `: a date written with slashes, day or month
    /// first (in any order: which comes first is not known), or with the month's name before
    /// the day (F48a-13).
    fn named_date(line: &str) -> Option<Marker> {
        if let Some((first, _, rest)) = digits(line, 2) {
            let (second, _, rest) = digits(rest.strip_prefix('/')?, 2)?;
            let (_, n, rest) = digits(rest.strip_prefix('/')?, 4)?;
            let real = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
            let tab = space(rest)?;
            return ((real(first, second) || real(second, first)) && n == 4 && !goes_on(rest))
                .then(|| Marker::plain(Shape::Slashed, None, tab));
        }
        let word = &line[..line.find(|c: char| !c.is_alphabetic()).unwrap_or(line.len())];
        let rest = line[word.len()..].strip_prefix('.').unwrap_or(&line[word.len()..]);
        let (day, _, rest) = digits(rest.strip_prefix(' ')?, 2)?;
        word.starts_with(char::is_uppercase).then_some(())?;
        let month = month(word)?;
        let year = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(' ')).and_then(|r| digits(r, 4));
        let (year, rest) = match year {
            Some((year, 4, rest)) => (year, rest),
            _ => (0, rest),
        };
        let tab = space(rest)?;
        ((1..=31).contains(&day) && !goes_on(rest))
            .then(|| Marker::plain(Shape::Date, Some(year * 10_000 + month * 100 + day), tab))
    }

    /// `5月12日（火）　`, `2026年5月12日　`, `令和8年5月12日　`: a Japanese date, its weekday
    /// in brackets or not, before a space (F48a-14).
    fn japanese_date(line: &str) -> Option<Marker> {
        let era = [("令和", 2018), ("平成", 1988)].iter().find_map(|(e, y)| Some((*y, line.strip_prefix(e)?)));
        let (year, rest) = match era {
            Some((base, rest)) => {
                let (n, rest) = match rest.strip_prefix('元') {
                    Some(rest) => (1, rest),
                    None => digits(rest, 2).map(|(n, _, r)| (n, r))?,
                };
                (base + n, rest.strip_prefix('年')?)
            }
            None => match digits(line, 4) {
                Some((year, 4, rest)) => (year, rest.strip_prefix('年')?),
                _ => (0, line),
            },
        };
        let (month, _, rest) = digits(rest, 2)?;
        let (day, _, rest) = digits(rest.strip_prefix('月')?, 2)?;
        let rest = rest.strip_prefix('日')?;
        let weekday = ['（', '('].iter().find_map(|o| {
            let r = rest.strip_prefix(*o)?;
            let end = r.find(['）', ')']).filter(|&n| r[..n].chars().count() <= 3)?;
            Some(&r[end + r[end..].chars().next()?.len_utf8()..])
        });
        let rest = weekday.unwrap_or(rest);
        let real = (1..=12).contains(&month) && (1..=31).contains(&day);
        let tab = space(rest)?;
        real.then(|| Marker::plain(Shape::Date, Some(year * 10_000 + month * 100 + day), tab))
    }

    /// `Venue: `, `Japan: `, `Head of delegation: `: up to three words, the first with a
    /// capital, before a colon and a space.
    fn label(line: &str) -> Option<Marker> {
        let end = line.char_indices().take(32).find(|&(_, c)| c == ':').map(|(n, _)| n)?;
        let label = &line[..end];
        let word = |c: char| c.is_alphanumeric() || "-/&'’.".contains(c);
        let shaped = label.starts_with(char::is_uppercase)
            && label.split(' ').count() <= 3
            && label.split(' ').all(|w| !w.is_empty() && w.chars().all(word));
        let tab = space(&line[end + 1..])?;
        shaped.then(|| Marker::plain(Shape::Label, None, tab))
    }

    /// Whether this marker is the one after `before` in a list: written the same way, and the
    /// next letter, Roman number or number (`(b)` after `(a)`, `ii.` after `i.`, `(i)` after
    /// `(h)`, `aa)` after `b)`), the same dash or label, or a later time or date.
    pub(super) fn follows(&self, before: &Marker) -> bool {
        let next = |a: Option<u32>, b: Option<u32>| a.zip(b).is_some_and(|(a, b)| a + 1 == b);
        let letter = self.repeat == before.repeat && next(before.letter, self.letter)
            || self.repeat == before.repeat + 1 && self.letter == Some(1) && before.letter.is_some();
        self.shape == before.shape
            && self.upper == before.upper
            && self.glued == before.glued
            && match self.shape {
                Shape::Dash(_) | Shape::Glued(_) | Shape::Label | Shape::Slashed => true,
                // (`10a` after `10`, `10b` after `10a`, `11` after `10a`.)
                Shape::Provision(_) => before.number.zip(self.number).is_some_and(|(a, b)| {
                    b / 100 == a / 100 + 1 && b % 100 == 0 || b / 100 == a / 100 && b % 100 == a % 100 + 1
                }),
                Shape::Time => self.number > before.number,
                Shape::Date => self.number >= before.number,
                _ => letter || next(before.roman, self.roman) || next(before.number, self.number),
            }
    }
}

/// The value of a Roman number written in lowercase (`xiv` is 14), up to 39.
fn roman(s: &str) -> Option<u32> {
    const NUMBERS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let tens = s.len() - s.trim_start_matches('x').len();
    let ones = NUMBERS.iter().position(|&n| n == &s[tens..])?;
    (tens <= 3 && tens + ones > 0).then_some(tens as u32 * 10 + ones as u32)
}

/// Whether a line that starts with `line` starts with one character and a tab, the marker of
/// a list pasted from Word as text (text44a F44a-16): `•<tab>` for its first level, `o<tab>`
/// (Courier New's letter o) for its second, `§<tab>` and U+F0A7 for its third, and as
/// Wingdings' bullets arrive through Outlook, `Ø<tab>` (➢) and `ü<tab>` (✓). Outlook's plain
/// text and Word's "Save as text" write spaces for the tab (text45a F45a-8: `·         AI`,
/// `o   Research`): one such bullet, or a mark that is no letter or digit, and two spaces.
pub(super) fn pasted_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().filter(|c| !c.is_whitespace());
    let bullet = first.is_some_and(|c| matches!(c, 'o' | 'Ø' | 'ü' | '§') || !c.is_alphanumeric());
    match chars.next() {
        Some('\t') => first.is_some(),
        Some(' ') => bullet && chars.next() == Some(' '),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_of_digits_is_no_marker_and_no_overflow() {
        assert_eq!(digits("12345678901234567890 x", 4), None);
        assert_eq!(digits("2026 x", 4), Some((2026, 4, " x")));
        assert!(Marker::of("12345678901234567890. x").is_none());
        assert!(Marker::of("１２３４５６７８９０１２３４５６７８９０　x").is_none());
    }

    #[test]
    fn markers_follow_in_sequence() {
        let of = |s: &str| Marker::of(s).unwrap_or_else(|| panic!("{s:?} is a marker"));
        for (a, b) in [
            ("(a) x", "(b) x"),
            ("a) x", "b) x"),
            ("i. x", "ii. x"),
            ("(iv) x", "(v) x"),
            ("(h) x", "(i) x"),
            ("(i) x", "(j) x"),
            ("(1) x", "(2) x"),
            ("(9)\tx", "(10) x"),
            ("A. x", "B. x"),
            ("XIV. x", "XV. x"),
            ("– x", "– x"),
            ("a) x", "aa) x"),
            ("b) x", "aa) x"),
            ("aa) x", "bb) x"),
            ("hh) x", "ii) x"),
            ("1° x", "2° x"),
            ("1.º x", "2.º x"),
            ("§ 1 x", "§ 2 x"),
            ("Art. 9 x", "Art. 10 x"),
            ("-AI x", "-Data x"),
            ("1.Draft", "2.Hold"),
            ("09:30 Registration", "10:00 Opening"),
            ("１０：００　開会", "10:05　挨拶"),
            ("2026-05-12 Council", "12 May 2026 – meeting"),
            ("Date: x", "Venue: x"),
            ("Art. 10 x", "Art. 10a x"),
            ("§ 2a x", "§ 2b x"),
            ("§ 2a x", "§ 3 x"),
            ("-- x", "-- x"),
            ("9:30 am X", "12:30 pm X"),
            ("9h30 X", "14 h X"),
            ("12/05/2026 X", "13/05/2026 X"),
            ("May 12 – X", "May 13, 2026 X"),
            ("5月12日（火）　会合", "2026年5月13日　会合"),
            // (The month named in the EU's languages, as English names it: one recogniser.)
            ("12 mai 2026 – Ouverture", "13 mai 2026 – Clôture"),
            ("30 kwietnia 2026 X", "1 maja 2026 X"),
            ("12 janv. 2026 X", "3 févr. 2026 X"),
            ("12 Mar 2026 X", "12 Sep 2026 X"),
            ("午前10時　開会", "午後2時　閉会"),
        ] {
            assert!(of(b).follows(&of(a)), "{b} after {a}");
        }
        for (a, b) in [
            ("(a) x", "(c) x"),
            ("(a) x", "b) x"),
            ("a) x", "B) x"),
            ("i. x", "iii. x"),
            ("– x", "— x"),
            ("a) x", "bb) x"),
            ("§ 1 x", "Art. 2 x"),
            ("-AI x", "*Data x"),
            ("1.Draft", "2. Hold"),
            ("10:00 Opening", "09:30 Registration"),
            ("30 June 2026 X", "2026-05-12 X"),
            ("12 juin 2026 X", "12 mai 2026 X"),
            ("Art. 10 x", "Art. 10b x"),
            ("§ 2a x", "§ 4 x"),
            ("2:00 pm X", "10:00 am X"),
        ] {
            assert!(!of(b).follows(&of(a)), "{b} not after {a}");
        }
        for s in [
            "(a)x",
            "a)",
            "(ab) x",
            "(a x",
            "ab. x",
            "--x",
            "---- x",
            "e.g. x",
            "(12345) x",
            "a.Draft",
            "-5 %",
            "09:30 to noon",
            "25:00 x",
            "12 May in x",
            "12 mai à Bruxelles",
            "12 mai 2026 à Bruxelles",
            "12 Foo 2026 X",
            "Table 5 X",
            "2026-13-01 x",
            "the Commission: x",
            "Four words or more: x",
            "https://e.org x",
            "§ 1ab x",
            "10:00 amendments",
            "May 12 and",
            "5月12日に",
        ] {
            assert_eq!(Marker::of(s), None, "{s}");
        }
        assert!(of("a)\tx").tab && !of("a) x").tab);
    }
}
