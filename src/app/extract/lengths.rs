//! Streams whose `/Length` is another object (`/Length 8 0 R`): lopdf reads that object while
//! it parses the stream, before `extract` could check it, and reads it anew for every stream
//! that names it. Object 8 in an object stream had lopdf decompress that whole stream (and,
//! if its own `/Length` was object 8, recurse until the stack overflowed); object 8 a stream
//! whose `/Length` is object 9, and so on, recursed as deep as the chain. So each such object
//! is found first, and must be where the cross-reference data says, a plain number.

use std::collections::{HashMap, HashSet};

/// How many bytes an object that gives a stream's length may take, from where the
/// cross-reference data says it is to what follows it (`12 0 obj 1234 endobj` is 20).
const MAX_LENGTH_OBJECT: usize = 96;

/// The numbers of the objects that give a stream's `/Length` in `pdf`: every name that reads
/// `Length` (`#xx` escapes decoded, as lopdf decodes them) followed by a reference. Read in the
/// whole file, stream data too: the cross-reference data may place an object inside another's
/// stream data, and lopdf reads it there.
pub fn referenced(pdf: &[u8]) -> HashSet<u32> {
    let mut found = HashSet::new();
    let mut at = 0;
    while let Some(slash) = pdf[at..].iter().position(|&b| b == b'/') {
        let start = at + slash + 1;
        at = start;
        let (name, end) = name(pdf, start);
        if name.as_deref() == Some(&b"Length"[..]) {
            found.extend(reference(pdf, end));
        }
    }
    found
}

/// The name that starts at `at` (after its `/`), decoded as lopdf's parser decodes it, if it
/// is short enough to be `Length`, and where it ends.
fn name(pdf: &[u8], mut at: usize) -> (Option<Vec<u8>>, usize) {
    let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::new();
    loop {
        let byte = match pdf.get(at) {
            Some(b'#') => match (hex(pdf.get(at + 1)), hex(pdf.get(at + 2))) {
                (Some(high), Some(low)) => {
                    at += 3;
                    (high * 16 + low) as u8
                }
                _ => break,
            },
            Some(&b) if regular(b) => {
                at += 1;
                b
            }
            _ => break,
        };
        if out.len() > 6 {
            return (None, at);
        }
        out.push(byte);
    }
    (Some(out), at)
}

/// Whether lopdf's parser reads `b` as part of a name or a number.
fn regular(b: u8) -> bool {
    !white(b) && !b"()<>[]{}/%".contains(&b)
}

fn white(b: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&b)
}

/// The number of the reference (`8 0 R`) that lopdf reads at `at`, white space and comments
/// before and between, as its parser reads them.
fn reference(pdf: &[u8], at: usize) -> Option<u32> {
    let at = space(pdf, at, usize::MAX)?;
    let (number, at) = digits(pdf, at)?;
    let at = space(pdf, at, usize::MAX)?;
    let (_, at) = digits(pdf, at)?;
    let at = space(pdf, at, usize::MAX)?;
    (pdf.get(at) == Some(&b'R')).then(|| number.parse().ok()).flatten()
}

/// The digits at `at`, and where they end.
pub fn digits(pdf: &[u8], at: usize) -> Option<(&str, usize)> {
    let end = at + pdf[at.min(pdf.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
    (end > at).then(|| std::str::from_utf8(&pdf[at..end]).ok().map(|d| (d, end))).flatten()
}

/// Where the white space and comments that start at `at` end, as lopdf's parser skips them
/// (a comment ends with its line's end); `None` past `limit`.
pub fn space(pdf: &[u8], mut at: usize, limit: usize) -> Option<usize> {
    loop {
        match pdf.get(at) {
            Some(&b) if white(b) => at += 1,
            Some(b'%') => {
                let line = pdf[at..].iter().position(|&b| b == b'\n' || b == b'\r');
                match line {
                    Some(end) => at += end + 1,
                    None => return (at <= limit).then_some(at),
                }
            }
            _ => return (at <= limit).then_some(at),
        }
        if at > limit {
            return None;
        }
    }
}

/// Checks each object that gives a stream's length (`lengths`) where the cross-reference data
/// places it (`places`: every object's number and offset, from every section): it must begin
/// there and be a plain number, read in a few bytes (`12 0 obj 1234 endobj`). lopdf reads it for
/// each stream whose length it gives: anything longer, or a stream of its own, was read again
/// and again. Gives the numbers each such object may hold (one for each place).
pub fn check(pdf: &[u8], lengths: &HashSet<u32>, places: &[(u32, u32)]) -> Result<HashMap<u32, Vec<i64>>, String> {
    let mut values: HashMap<u32, Vec<i64>> = HashMap::new();
    for &(number, offset) in places.iter().filter(|(number, _)| lengths.contains(number)) {
        let offset = offset as usize;
        if offset >= pdf.len() {
            continue;
        }
        let Some(value) = plain_number(pdf, number, offset, (offset + MAX_LENGTH_OBJECT).min(pdf.len())) else {
            return Err(format!(
                "its object {number}, which gives the length of a stream, is not a plain number at byte {offset}, where \
                 its cross-reference data places it (briefing writes every length in its stream); it was not read"
            ));
        };
        values.entry(number).or_default().push(value);
    }
    Ok(values)
}

/// The number `pdf` holds at `at` as `number G obj N endobj` (after a little white space), if
/// it does, and what lopdf's parser skips after it ends by `limit`.
fn plain_number(pdf: &[u8], number: u32, at: usize, limit: usize) -> Option<i64> {
    let skip_white = |at: usize| at + pdf[at..limit].iter().take_while(|&&b| white(b)).count();
    let (n, at) = digits(&pdf[..limit], skip_white(at))?;
    if n.parse() != Ok(number) {
        return None;
    }
    let at = skip_white(at);
    let (_, at) = digits(&pdf[..limit], at)?;
    let at = skip_white(at);
    if !pdf[at..limit].starts_with(b"obj") {
        return None;
    }
    let start = skip_white(at + 3);
    let at = start + usize::from(matches!(pdf.get(start), Some(b'+' | b'-')));
    let (_, at) = digits(&pdf[..limit], at)?;
    let value = std::str::from_utf8(&pdf[start..at]).ok()?.parse().ok()?;
    let at = skip_white(at);
    (pdf[at..limit].starts_with(b"endobj") && space(pdf, at + 6, limit).is_some()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_is_found_as_lopdf_reads_it() {
        let found = |pdf: &[u8]| {
            let mut numbers: Vec<u32> = referenced(pdf).into_iter().collect();
            numbers.sort();
            numbers
        };
        assert_eq!(found(b"<</Length 8 0 R>> <</L#65ngth %c\n 9\n0\rR>> <</Length 7>> <</Lengths 6 0 R>>"), [8, 9]);
        assert_eq!(found(b"stream\n\xff/Length 000012 0 R\nendstream /Length 1 0 /Length 99999999999 0 R"), [12]);
        assert_eq!(plain_number(b"  12 0 obj 1234 endobj\n3 0 obj", 12, 0, 30), Some(1234));
        assert_eq!(plain_number(b"12 0 obj\n-5\nendobj", 12, 0, 18), Some(-5));
        assert_eq!(plain_number(b"12 0 obj 1234 endobj\n3 0 obj", 13, 0, 28), None);
        assert_eq!(plain_number(b"12 0 obj <</Length 13 0 R>> stream", 12, 0, 34), None);
        assert_eq!(plain_number(b"12 0 obj 1234 endobj               ", 12, 0, 30), None);
    }
}
