//! Where the cross-reference data places each object, checked before lopdf loads the file: it
//! parses the object at every in-use entry, wherever the entry points and once for each entry,
//! and the checks made on the file's text see only what lies outside stream data. An entry that
//! pointed into another object's stream data had a catalog of 12 MB parsed that no check had
//! measured (hidden.pdf); 2,000 entries that pointed at one object of 3 MiB had it parsed 2,000
//! times (many-entries.pdf). So each entry must point at the start of an object of its number,
//! no two at one place, and each object, its stream data too, must end before the next one
//! placed begins: lopdf then parses each byte of the file once at most, and each object's text
//! is held to [`MAX_OBJECT_TEXT`] and [`MAX_NESTING`] where lopdf reads it.

use std::collections::{HashMap, HashSet};

use lopdf::Object;

use super::lengths::{digits, space};
use super::limits::reader_at;
use super::scan::text_end;
use super::{MAX_NESTING, MAX_OBJECT_TEXT};

/// Checks the objects `places` (each in-use entry's number and offset, from every section) in
/// `pdf`; `lengths` gives the values the objects that give a stream's `/Length` may hold.
pub fn check(pdf: &[u8], places: &[(u32, u32)], lengths: &HashMap<u32, Vec<i64>>) -> Result<(), String> {
    // (One entry in several sections, as an update or a hybrid file repeats it, is read once.)
    let places: HashSet<(u32, u32)> = places.iter().copied().filter(|&(_, at)| (at as usize) < pdf.len()).collect();
    let mut places: Vec<(u32, usize)> = places.into_iter().map(|(number, at)| (number, at as usize)).collect();
    places.sort_unstable_by_key(|&(number, at)| (at, number));
    if let Some(twice) = places.windows(2).find(|w| w[0].1 == w[1].1) {
        let at = twice[0].1;
        let count = places.iter().filter(|place| place.1 == at).count();
        let objects = match count {
            2 => format!("objects {} and {}", twice[0].0, twice[1].0),
            _ => format!("{count} objects ({}, {}, …)", twice[0].0, twice[1].0),
        };
        return Err(refused(format!(
            "places {objects} at one place (byte {at}), which lopdf would parse once for each"
        )));
    }
    for (i, &(number, at)) in places.iter().enumerate() {
        let (next, next_at) = places.get(i + 1).map_or((None, pdf.len()), |&(n, at)| (Some(n), at));
        let end = object_end(pdf, number, at, next_at, lengths)?;
        if let (Some(next), End::Past(within)) = (next, end) {
            return Err(refused(format!("places object {next} at byte {next_at}, inside {within}")));
        }
    }
    Ok(())
}

/// Where an object ends, as lopdf reads it: before the next one placed, or past it.
enum End {
    Before,
    /// Past the next: what of the object holds that one.
    Past(String),
}

/// Where the object `number` that the cross-reference data places at `at` ends, read as lopdf
/// reads it, the next object placed at `next`: its text to its `endobj`, or its dictionary and
/// stream data to its `endstream`.
fn object_end(
    pdf: &[u8],
    number: u32,
    at: usize,
    next: usize,
    lengths: &HashMap<u32, Vec<i64>>,
) -> Result<End, String> {
    let Some((found, keyword)) = header(pdf, at) else {
        return Err(refused(format!("places object {number} at byte {at}, where no object begins")));
    };
    if found != number {
        return Err(refused(format!("places object {number} at byte {at}, where object {found} begins")));
    }
    let limit = next.min(keyword + MAX_OBJECT_TEXT as usize + 6);
    let Some(text) = text_end(pdf, keyword + 3, limit) else {
        if limit < next {
            return Err(too_long(number, at));
        }
        // The last object may end with the file (lopdf reads no `endobj`); any other ends
        // before the next begins.
        return Ok(if next == pdf.len() {
            End::Before
        } else {
            End::Past(format!("object {number} (bytes {at} to past {next})"))
        });
    };
    let end = text.at;
    if end - keyword > MAX_OBJECT_TEXT as usize {
        return Err(too_long(number, at));
    }
    if text.deepest > MAX_NESTING {
        return Err(refused(format!(
            "places object {number} at byte {at}, which nests {} levels deep (a briefing's nest a few)",
            text.deepest
        )));
    }
    if !text.stream {
        return Ok(End::Before);
    }
    // lopdf reads the stream data as long as its /Length says, when `endstream` follows it.
    let Some(data) = data_start(pdf, end + 6) else { return Ok(End::Before) };
    let values = match dictionary(&pdf[keyword + 3..end]).map(|dict| dict.get(b"Length").cloned()) {
        Some(Ok(Object::Integer(length))) => vec![length],
        Some(Ok(Object::Reference((length, _)))) => lengths.get(&length).cloned().unwrap_or_default(),
        _ => Vec::new(),
    };
    let data_end = values
        .into_iter()
        .filter_map(|length| data.checked_add(usize::try_from(length).ok()?))
        .filter(|&data_end| data_end <= pdf.len() && pdf[data_end + eol(&pdf[data_end..])..].starts_with(b"endstream"))
        .max();
    Ok(match data_end {
        Some(data_end) if data_end > next => {
            End::Past(format!("the stream data of object {number} (bytes {data} to {data_end})"))
        }
        _ => End::Before,
    })
}

/// The object number of `N G obj` at `at` (after white space and comments), and where its
/// `obj` is, as lopdf's parser reads them.
fn header(pdf: &[u8], at: usize) -> Option<(u32, usize)> {
    let (number, at) = digits(pdf, space(pdf, at, usize::MAX)?)?;
    let (generation, at) = digits(pdf, space(pdf, at, usize::MAX)?)?;
    generation.parse::<u16>().ok()?;
    let at = space(pdf, at, usize::MAX)?;
    pdf[at..].starts_with(b"obj").then_some((number.parse().ok()?, at))
}

/// Where a stream's data begins after its `stream` keyword, which ends at `at`: after spaces
/// and one end of line, as lopdf reads them (without one, lopdf reads no data).
fn data_start(pdf: &[u8], at: usize) -> Option<usize> {
    let at = at + pdf[at..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let eol = eol(&pdf[at..]);
    (eol > 0).then_some(at + eol)
}

/// How long the end of line at the start of `rest` is (0 without one).
fn eol(rest: &[u8]) -> usize {
    match rest {
        [b'\r', b'\n', ..] => 2,
        [b'\r' | b'\n', ..] => 1,
        _ => 0,
    }
}

/// The dictionary `text` holds, read by lopdf's parser.
fn dictionary(text: &[u8]) -> Option<lopdf::Dictionary> {
    let object = [&b"1 0 obj "[..], text, b"\nendobj"].concat();
    match reader_at(&object, (1, 0), 0)?.get_object((1, 0), &mut HashSet::new()) {
        Ok(Object::Dictionary(dict)) => Some(dict),
        _ => None,
    }
}

fn too_long(number: u32, at: usize) -> String {
    refused(format!(
        "places object {number} at byte {at}, which is more than {} long before any stream data (a briefing's \
         are a few kilobytes)",
        crate::app::error::size(MAX_OBJECT_TEXT)
    ))
}

fn refused(what: String) -> String {
    format!("it is not a briefing this tool wrote, or it is damaged: its cross-reference data {what}; it was not read")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::extract::embedded_files;

    /// A PDF of `body` after its header, then a cross-reference table whose entry for each
    /// object `(number, text)` points where `text` first is in the file; object 1 the catalog.
    fn placed(body: &str, entries: &[(u32, &str)]) -> Vec<u8> {
        let mut pdf = format!("%PDF-1.7\n{body}\n").into_bytes();
        let at = |text: &str| pdf.windows(text.len()).position(|w| w == text.as_bytes()).unwrap();
        let size = entries.iter().map(|e| e.0).max().unwrap() + 1;
        let rows: String = (0..size)
            .map(|n| match entries.iter().find(|e| e.0 == n) {
                Some(&(_, text)) => format!("{:010} 00000 n \n", at(text)),
                None => "0000000000 65535 f \n".into(),
            })
            .collect();
        let xref = pdf.len();
        pdf.extend(
            format!("xref\n0 {size}\n{rows}trailer <</Size {size}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").bytes(),
        );
        pdf
    }

    /// A catalog, its list of one attachment (3) and the attachment (4), as `placed` takes them.
    const ATTACHED: &str = "3 0 obj <</Type/Filespec/UF (a.yaml)/EF <</F 4 0 R>>>> endobj\n\
                            4 0 obj <</Length 9>> stream\ntitle: x\n\nendstream endobj";
    const CATALOG: &str = "1 0 obj <</Type/Catalog/AF [3 0 R]>> endobj";

    fn entries<'a>(catalog: &'a str, two: &'a str) -> Vec<(u32, &'a str)> {
        vec![(1, catalog), (2, two), (3, "3 0 obj"), (4, "4 0 obj")]
    }

    /// An object placed inside another's stream data is refused: no check had measured it
    /// (hidden.pdf: a catalog of 12 MB there, parsed by lopdf, ran past a minute). So is one
    /// in another's text, in a string. The stream data is as long as its /Length says, not
    /// to the first `endstream`.
    #[test]
    fn an_object_placed_inside_another_is_refused() {
        let read = |body: String, entries: &[(u32, &str)]| embedded_files(&placed(&body, entries));
        // Each object where it is: read.
        let body = format!("{CATALOG}\n2 0 obj <</Length 3>> stream\nabc\nendstream endobj\n{ATTACHED}");
        let files = read(body, &entries("1 0 obj", "2 0 obj")).unwrap();
        assert_eq!((files[0].name.as_str(), &files[0].data[..]), ("a.yaml", &b"title: x\n"[..]));
        let hidden = |length: usize, data: &str| {
            format!("2 0 obj <</Length {length}>> stream\n{data}\nendstream endobj\n{ATTACHED}")
        };
        let problem = read(hidden(CATALOG.len(), CATALOG), &entries("1 0 obj", "2 0 obj")).unwrap_err();
        assert_eq!(
            problem,
            "it is not a briefing this tool wrote, or it is damaged: its cross-reference data places object 1 at \
             byte 39, inside the stream data of object 2 (bytes 39 to 82); it was not read"
        );
        let data = format!("x\nendstream\n{CATALOG}");
        let problem = read(hidden(data.len(), &data), &entries("1 0 obj", "2 0 obj")).unwrap_err();
        assert!(
            problem.contains("places object 1 at byte 51, inside the stream data of object 2 (bytes 39 to 94)"),
            "{problem}"
        );
        // Where lopdf reads no stream data (its /Length is past the file), an object there
        // is read, its nesting measured as the file's is.
        let deep = format!("1 0 obj <</Type/Catalog/AF [3 0 R]/X {}{}>> endobj", "[".repeat(70), "]".repeat(70));
        let problem = read(hidden(999, &deep), &entries("1 0 obj", "2 0 obj")).unwrap_err();
        assert!(problem.contains("places object 1 at byte 40, which nests 71 levels deep"), "{problem}");
        let body = format!("2 0 obj <</S ({CATALOG})>> endobj\n{ATTACHED}");
        let problem = read(body, &entries("1 0 obj", "2 0 obj")).unwrap_err();
        assert!(problem.contains("places object 1 at byte 23, inside object 2 (bytes 9 to past 23)"), "{problem}");
    }

    /// Two entries at one place are refused: lopdf parsed the object there once for each
    /// (many-entries.pdf: 2,000 entries at one object of 3 MiB ran past a minute). So is an
    /// entry where no object begins, or where another one does.
    #[test]
    fn each_entry_must_place_an_object_of_its_own() {
        let body = format!("{CATALOG}\n2 0 obj <</X [0 0 0]>> endobj\n{ATTACHED}");
        let mut many = entries("1 0 obj", "2 0 obj");
        many.extend([(5, "2 0 obj"), (6, "2 0 obj")]);
        let problem = embedded_files(&placed(&body, &many)).unwrap_err();
        assert!(
            problem
                .contains("places 3 objects (2, 5, …) at one place (byte 53), which lopdf would parse once for each"),
            "{problem}"
        );
        let problem = embedded_files(&placed(&body, &entries("1 0 obj", "<</X"))).unwrap_err();
        assert!(problem.contains("places object 2 at byte 61, where no object begins"), "{problem}");
        let problem = embedded_files(&placed(&body, &entries("1 0 obj", "3 0 obj"))).unwrap_err();
        assert!(problem.contains("places objects 2 and 3 at one place"), "{problem}");
        let problem = embedded_files(&placed(&body, &[(1, "1 0 obj"), (2, "3 0 obj"), (4, "4 0 obj")])).unwrap_err();
        assert!(problem.contains("places object 2 at byte 83, where object 3 begins"), "{problem}");
    }

    #[test]
    fn an_object_header_is_read_as_lopdf_reads_it() {
        assert_eq!(header(b"  %c\n12 0 obj <<>>", 0), Some((12, 10)));
        assert_eq!(header(b"12 0obj", 0), Some((12, 4)));
        assert_eq!(header(b"12 0 R", 0), None);
        assert_eq!(header(b"<</Length 1>>", 0), None);
        assert_eq!(data_start(b"stream \r\nabc", 6), Some(9));
        assert_eq!(data_start(b"streamabc", 6), None);
    }
}
