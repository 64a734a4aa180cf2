//! The markers of lists typed as text, one item a line, that Markdown does not read as a
//! list: letters and Roman numbers (`(a)`, `b)`, `ii.`), numbers in brackets (`(1)`) and
//! dashes (`– `), as EU texts and Outlook write them; and the marker of a list pasted from
//! Word, which a tab follows (`o<tab>`, `§<tab>`).

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
}

/// The marker a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    shape: Shape,
    upper: bool,
    /// The place in the alphabet of a single letter (`a` is 1).
    letter: Option<u32>,
    /// The value of a Roman number (`iv` is 4).
    roman: Option<u32>,
    number: Option<u32>,
    /// A tab follows it, as in a list pasted from Word.
    pub(super) tab: bool,
}

impl Marker {
    /// The marker `line` starts with, if a space or a tab follows it: `(a) `, `a) `, `a. `,
    /// `(iv) `, `(1) `, `– `.
    pub(super) fn of(line: &str) -> Option<Marker> {
        let space = |rest: &str| match rest.chars().next() {
            Some('\t') => Some(true),
            Some(' ' | '\u{3000}') => Some(false),
            _ => None,
        };
        if let Some(dash @ ('–' | '—')) = line.chars().next() {
            let tab = space(&line[dash.len_utf8()..])?;
            let m = Marker { shape: Shape::Dash(dash), upper: false, letter: None, roman: None, number: None, tab };
            return Some(m);
        }
        let (bracketed, rest) = match line.strip_prefix('(') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let body = rest.find(|c: char| !c.is_ascii_alphanumeric()).filter(|&n| (1..=4).contains(&n))?;
        let (body, rest) = rest.split_at(body);
        let (shape, rest) = match (bracketed, rest.chars().next()?) {
            (true, ')') => (Shape::Bracketed, &rest[1..]),
            (false, ')') => (Shape::Closed, &rest[1..]),
            (false, '.') => (Shape::Stopped, &rest[1..]),
            _ => return None,
        };
        let tab = space(rest)?;
        let upper = body.chars().all(|c| c.is_ascii_uppercase());
        let lower = body.chars().all(|c| c.is_ascii_lowercase());
        let number = body.parse().ok();
        let letter = (body.len() == 1 && (upper || lower))
            .then(|| u32::from(body.as_bytes()[0].to_ascii_lowercase() - b'a') + 1);
        let roman = (upper || lower).then(|| roman(&body.to_ascii_lowercase())).flatten();
        (number.is_some() || letter.is_some() || roman.is_some()).then_some(Marker {
            shape,
            upper,
            letter,
            roman,
            number,
            tab,
        })
    }

    /// Whether this marker is the one after `before` in a list: written the same way, and the
    /// next letter, Roman number or number (`(b)` after `(a)`, `ii.` after `i.`, `(i)` after
    /// `(h)`), or the same dash.
    pub(super) fn follows(&self, before: &Marker) -> bool {
        let next = |a: Option<u32>, b: Option<u32>| a.zip(b).is_some_and(|(a, b)| a + 1 == b);
        self.shape == before.shape
            && self.upper == before.upper
            && (matches!(self.shape, Shape::Dash(_))
                || next(before.letter, self.letter)
                || next(before.roman, self.roman)
                || next(before.number, self.number))
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
/// Wingdings' bullets arrive through Outlook, `Ø<tab>` (➢) and `ü<tab>` (✓).
pub(super) fn pasted_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| !c.is_whitespace()) && chars.next() == Some('\t')
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(of(b).follows(&of(a)), "{b} after {a}");
        }
        for (a, b) in [("(a) x", "(c) x"), ("(a) x", "b) x"), ("a) x", "B) x"), ("i. x", "iii. x"), ("– x", "— x")]
        {
            assert!(!of(b).follows(&of(a)), "{b} not after {a}");
        }
        for s in ["(a)x", "a)", "(ab) x", "(a x", "ab. x", "-- x", "e.g. x", "(12345) x"] {
            assert_eq!(Marker::of(s), None, "{s}");
        }
        assert!(of("a)\tx").tab && !of("a) x").tab);
    }
}
