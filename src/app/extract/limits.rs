//! What `extract` decompresses, counted: one budget of decompressed bytes for the whole read of
//! a PDF, and the cross-reference streams checked within it before lopdf reads them (lopdf
//! inflates a stream whole, with no bound: a 1 MB file whose cross-reference stream held 1 GiB
//! of zeros took 1.1 GB, text43b F43b-3).

use std::cell::Cell;
use std::collections::HashSet;
use std::io::Read as _;

use lopdf::xref::XrefEntry;
use lopdf::{Object, ObjectId, Stream};

use super::scan::{nesting, text_end, Text};

/// All that `extract` decompresses from one PDF's object and cross-reference streams: far
/// more than the catalog and attachment list of a dossier need, read in well under a second.
pub const MAX_INFLATED: u64 = 256 << 20;

/// The most the cross-reference streams of one PDF may decompress to, together: the entries of
/// some nine million objects, far more than a briefing or a dossier holds.
pub const MAX_CROSS_REFERENCES: u64 = 64 << 20;

/// How many objects the cross-reference data of one PDF may place (in all its sections): an
/// 18,000-page briefing has some 46,000; each costs memory as lopdf reads it (11.6 million
/// one-line objects in 512 MiB took 1.08 GB, text46b F46b-5).
pub const MAX_OBJECTS: usize = 2_000_000;

/// How many cross-reference sections (an update each) `extract` follows.
const MAX_SECTIONS: usize = 1000;

/// The longest text a trailer, or the dictionary of a cross-reference stream, may have: a
/// briefing's are a few hundred bytes.
const MAX_TRAILER: usize = 64 << 10;

/// The bytes still to be decompressed in one read of a PDF, and those spent.
pub struct Budget {
    left: Cell<u64>,
    spent: Cell<u64>,
}

/// Why a stream was not decompressed.
#[derive(Debug, PartialEq)]
pub enum Over {
    /// It decompresses past the limit given for it.
    Stream,
    /// It would take the budget past [`MAX_INFLATED`].
    Total,
}

impl Budget {
    pub fn new(total: u64) -> Self {
        Budget { left: Cell::new(total), spent: Cell::new(0) }
    }

    /// The bytes decompressed so far.
    #[cfg(test)]
    pub fn spent(&self) -> u64 {
        self.spent.get()
    }

    /// `data`, a zlib stream, decompressed if it holds at most `limit` bytes and the budget
    /// has them. As lopdf does, a stream whose zlib header is broken is read as raw deflate
    /// from its third byte; what does not decompress ends where it breaks.
    pub fn inflate(&self, data: &[u8], limit: u64) -> Result<Vec<u8>, Over> {
        let allowed = limit.min(self.left.get());
        let mut out = Vec::new();
        let read = flate2::read::ZlibDecoder::new(data).take(allowed + 1).read_to_end(&mut out);
        if read.is_err() && out.is_empty() && data.len() > 2 {
            let _ = flate2::read::DeflateDecoder::new(&data[2..]).take(allowed + 1).read_to_end(&mut out);
        }
        let spent = out.len() as u64;
        self.spent.set(self.spent.get() + spent);
        self.left.set(self.left.get().saturating_sub(spent));
        match spent > allowed {
            true if allowed < limit => Err(Over::Total),
            true => Err(Over::Stream),
            false => Ok(out),
        }
    }
}

/// Whether `stream` is Flate-compressed (`false`: not compressed, or its filter is not a name
/// or list, which lopdf leaves alone); `Err` with the filters, for any other (lopdf would
/// decompress those whole).
pub fn flate_only(stream: &Stream) -> Result<bool, String> {
    let named = |o: &Object| o.as_name().map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default();
    let filters = match stream.dict.get(b"Filter") {
        Err(_) => return Ok(false),
        Ok(Object::Name(n)) => vec![String::from_utf8_lossy(n).into_owned()],
        Ok(Object::Array(a)) => a.iter().map(named).collect(),
        Ok(_) => return Ok(false),
    };
    match &filters[..] {
        [] => Ok(false),
        [flate] if flate == "FlateDecode" => Ok(true),
        _ => Err(filters.join(" ")),
    }
}

/// Checks every cross-reference stream lopdf will read in `pdf` (from `startxref` on, each
/// `/Prev` and `/XRefStm`), before it reads them: each decompresses to no more than its
/// entries need (at most one a byte of the file), all within [`MAX_CROSS_REFERENCES`] and
/// the budget. A section that cannot be found or read is left to lopdf, which says so.
///
/// Gives where each section places each object in the file (its number and offset: every
/// in-use entry, those lopdf parses as it loads the file, and those later updates replace). Of
/// the objects `lengths` (those that give a stream's `/Length`), one placed in an object stream
/// is refused: lopdf would read that object stream whole, unchecked, to find where the stream
/// ends (text43b lenbomb: 345 MB; lenloop: a stream whose length lay in itself overflowed the
/// stack).
pub fn cross_references(pdf: &[u8], budget: &Budget, lengths: &HashSet<u32>) -> Result<Vec<(u32, u32)>, String> {
    let mut places = Vec::new();
    let Some(start) = xref_start(pdf) else { return Ok(places) };
    let xref = Budget::new(MAX_CROSS_REFERENCES);
    let mut queue = vec![start];
    let mut seen = HashSet::new();
    while let Some(at) = queue.pop() {
        if at >= pdf.len() || !seen.insert(at) {
            continue;
        }
        if seen.len() > MAX_SECTIONS {
            return Err(format!(
                "it has more than {MAX_SECTIONS} cross-reference sections (one an update); it was not read"
            ));
        }
        let dict = match object_id(&pdf[at..]) {
            None => {
                // (Unread, its /Prev could lead past this check: lopdf reads a longer one.)
                let Some(dict) = trailer(&pdf[at..]) else {
                    return Err(format!(
                        "the trailer of its cross-reference table at byte {at} cannot be read (or is over 64 KiB, or nests deeper than a briefing's); it was not read"
                    ));
                };
                table(&pdf[at..], |number, offset| place(&mut places, number, offset));
                dict
            }
            Some(id) => {
                // Held to a trailer's length before lopdf parses it: the checks on the file's
                // text did not measure it if it lies in another object's stream data.
                match text_end(pdf, at, at.saturating_add(MAX_TRAILER)) {
                    None => {
                        return Err(format!(
                            "its cross-reference stream (object {}) at byte {at} has no end within {} (a \
                             briefing's has a few hundred bytes before its data); it was not read",
                            id.0,
                            crate::app::error::size(MAX_TRAILER as u64)
                        ))
                    }
                    Some(text) if text.deepest > super::MAX_NESTING => {
                        return Err(format!(
                            "its cross-reference stream (object {}) at byte {at} nests {} levels deep (a \
                             briefing's nest a few); it was not read",
                            id.0, text.deepest
                        ))
                    }
                    Some(_) => {}
                }
                let Some(stream) = stream_at(pdf, id, at) else { continue };
                let problem = |problem: String| {
                    format!("its cross-reference stream (object {}) {problem}; it was not read", id.0)
                };
                let rows = check_xref_stream(pdf.len(), &stream, &xref, budget).map_err(problem)?;
                let mut compressed = None;
                entries(&stream, &rows, |number, entry| match entry {
                    XrefEntry::Normal { offset, .. } => place(&mut places, number, offset),
                    XrefEntry::Compressed { container, .. } if lengths.contains(&number) => {
                        compressed.get_or_insert((number, container));
                    }
                    _ => {}
                });
                if let Some((number, container)) = compressed {
                    return Err(problem(format!(
                        "places object {number}, which gives the length of a stream, in an object stream \
                         (object {container}): lopdf would read that object stream whole, unchecked, to find \
                         where the stream ends (briefing writes every length in its stream)"
                    )));
                }
                stream.dict
            }
        };
        if places.len() > MAX_OBJECTS {
            return Err(format!(
                "its cross-reference data places more than {MAX_OBJECTS} objects (a briefing's PDF has a few \
                 thousand); it was not read"
            ));
        }
        for key in [&b"Prev"[..], b"XRefStm"] {
            if let Some(next) = dict.get(key).ok().and_then(|o| o.as_i64().ok()) {
                queue.extend(usize::try_from(next).ok());
            }
        }
    }
    Ok(places)
}

/// Notes that object `number` is placed at `offset`, up to one past [`MAX_OBJECTS`] (the
/// caller refuses more).
fn place(places: &mut Vec<(u32, u32)>, number: u32, offset: u32) {
    if places.len() <= MAX_OBJECTS {
        places.push((number, offset));
    }
}

/// Why the cross-reference stream `stream` of a file of `len` bytes may not be read, if so;
/// else its rows, as lopdf reads them.
fn check_xref_stream(len: usize, stream: &Stream, xref: &Budget, budget: &Budget) -> Result<Vec<u8>, String> {
    let int = |o: &Object| o.as_i64().ok();
    let widths: Vec<i64> = match stream.dict.get(b"W") {
        Ok(Object::Array(w)) => w.iter().map(|o| int(o).unwrap_or(-1)).collect(),
        _ => return Ok(Vec::new()),
    };
    // (lopdf makes a buffer of each width: /W [1 99999999999 1] asked for 100 GB.)
    if widths.iter().any(|w| !(0..=8).contains(w)) {
        return Err(format!("is damaged: its entries are {widths:?} bytes wide (at most 8 each)"));
    }
    // (An offset field 0 bytes wide places every object at byte 0, an entry costing no byte:
    // one a byte of the file, text46b F46b-9.)
    if widths.get(1) == Some(&0) {
        return Err("is damaged: its entries give no place (the offset field is 0 bytes wide)".to_string());
    }
    let entries: i64 = match stream.dict.get(b"Index") {
        Ok(Object::Array(index)) => index.iter().skip(1).step_by(2).map(|o| int(o).unwrap_or(0).max(0)).sum(),
        _ => stream.dict.get(b"Size").ok().and_then(int).unwrap_or(0).max(0),
    };
    if entries as u64 > len as u64 {
        return Err(format!("says it has {entries} entries, more than the file has bytes"));
    }
    // An entry a row, and a byte before each row for a PNG predictor.
    let limit = entries as u64 * (widths.iter().sum::<i64>() as u64 + 1) + 1024;
    if !flate_only(stream).map_err(|f| format!("uses a filter briefing does not read ({f})"))? {
        return Ok(stream.content.clone());
    }
    let wanted = limit.min(xref.left.get());
    let data = budget.inflate(&stream.content, wanted).map_err(|over| match over {
        Over::Stream if wanted < limit => format!(
            "decompresses to more than {} with the others (a briefing's holds a few kilobytes)",
            crate::app::error::size(MAX_CROSS_REFERENCES)
        ),
        Over::Stream => format!("decompresses to more than its {entries} entries need ({limit} bytes)"),
        Over::Total => {
            format!("decompresses past {} in all", crate::app::error::size(MAX_INFLATED))
        }
    })?;
    xref.left.set(xref.left.get().saturating_sub(data.len() as u64));
    // (With a predictor, lopdf undoes it: the data is known to be small.)
    match stream.dict.get(b"DecodeParms") {
        Ok(_) => Ok(stream.decompressed_content().unwrap_or_default()),
        Err(_) => Ok(data),
    }
}

/// Each entry of the cross-reference stream `stream` whose rows are `rows`, read as lopdf
/// reads them (an entry of an unknown type is one field long; they stop where the rows do).
fn entries(stream: &Stream, rows: &[u8], mut each: impl FnMut(u32, XrefEntry)) {
    let ints = |key: &[u8]| match stream.dict.get(key) {
        Ok(Object::Array(a)) => a.iter().map(|o| o.as_i64().ok()).collect::<Option<Vec<i64>>>(),
        _ => None,
    };
    let Some(widths) = ints(b"W").filter(|w| w.len() >= 3 && w.iter().all(|w| (0..=8).contains(w))) else { return };
    let size = stream.dict.get(b"Size").and_then(Object::as_i64).unwrap_or(0);
    let index = ints(b"Index").unwrap_or_else(|| vec![0, size]);
    let mut at = 0;
    let mut field = |i: usize| {
        let bytes = rows.get(at..at + widths[i] as usize)?;
        at += bytes.len();
        // (The last four bytes, as lopdf's 32-bit reader keeps them.)
        Some(bytes.iter().fold(0u32, |value, &b| (value << 8) | u32::from(b)))
    };
    for pair in index.chunks_exact(2) {
        for j in 0..pair[1].max(0) {
            let number = (pair[0] + j) as u32;
            let kind = if widths[0] == 0 { Some(1) } else { field(0) };
            let entry = match kind {
                None => return,
                Some(0) => XrefEntry::Free,
                Some(1) => {
                    let Some(offset) = field(1) else { return };
                    let generation = if widths[2] == 0 { Some(0) } else { field(2) };
                    let Some(generation) = generation else { return };
                    XrefEntry::Normal { offset, generation: generation as u16 }
                }
                Some(2) => {
                    let (Some(container), Some(index)) = (field(1), field(2)) else { return };
                    XrefEntry::Compressed { container, index: index as u16 }
                }
                Some(_) => continue,
            };
            if let XrefEntry::Free = entry {
                if field(1).is_none() || field(2).is_none() {
                    return;
                }
            }
            each(number, entry);
        }
    }
}

/// Each entry of the classic cross-reference table at the start of `rest` that is in use (its
/// number and offset), read as lopdf's parser reads it, up to where that stops.
fn table(rest: &[u8], mut each: impl FnMut(u32, u32)) {
    let mut at = 0;
    let word = |at: &mut usize, what: &[u8]| {
        let found = rest[*at..].starts_with(what);
        *at += if found { what.len() } else { 0 };
        found
    };
    let number = |at: &mut usize| {
        let digits = rest[*at..].iter().take_while(|b| b.is_ascii_digit()).count();
        let value = std::str::from_utf8(&rest[*at..*at + digits]).ok()?.parse::<u64>().ok();
        *at += digits;
        value
    };
    let eol = |at: &mut usize| word(at, b"\r\n") || word(at, b"\n") || word(at, b"\r");
    if !word(&mut at, b"xref") {
        return;
    }
    word(&mut at, b" ");
    if !eol(&mut at) {
        return;
    }
    loop {
        let Some(start) = number(&mut at) else { return };
        if !word(&mut at, b" ") || number(&mut at).is_none() {
            return;
        }
        word(&mut at, b" ");
        if !eol(&mut at) {
            return;
        }
        for index in 0.. {
            let row = at;
            let entry = (|| {
                let offset = u32::try_from(number(&mut at)?).ok()?;
                (word(&mut at, b" ") && number(&mut at).is_some() && word(&mut at, b" ")).then_some(())?;
                let used = word(&mut at, b"n");
                (used || word(&mut at, b"f")).then_some(())?;
                (word(&mut at, b" \r") || word(&mut at, b" \n") || word(&mut at, b"\r\n")).then_some((used, offset))
            })();
            match entry {
                Some((used, offset)) => {
                    if used {
                        each((start + index) as u32, offset);
                    }
                }
                None => {
                    at = row;
                    break;
                }
            }
        }
    }
}

/// The offset `startxref` gives, found as lopdf finds it: the first `%%EOF` in the last 512
/// bytes, and `startxref` in the 25 before it.
fn xref_start(pdf: &[u8]) -> Option<usize> {
    let find = |from: usize, end: usize, what: &[u8]| {
        pdf.get(from..end)?.windows(what.len()).position(|w| w == what).map(|at| from + at)
    };
    let eof = find(pdf.len().saturating_sub(512), pdf.len(), b"%%EOF").filter(|&at| at > 25)?;
    let at = find(eof - 25, eof, b"startxref")? + 9;
    let digits = pdf[at..].iter().skip_while(|b| b.is_ascii_whitespace()).take_while(|b| b.is_ascii_digit());
    std::str::from_utf8(&digits.copied().collect::<Vec<u8>>()).ok()?.parse().ok()
}

/// The object number and generation that begin `rest`, read as lopdf's parser reads them
/// (white space and comments before and between).
fn object_id(rest: &[u8]) -> Option<ObjectId> {
    let mut i = 0;
    let space = |i: &mut usize| loop {
        match rest.get(*i) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C') => *i += 1,
            Some(b'%') => {
                while rest.get(*i).is_some_and(|b| !matches!(b, b'\r' | b'\n')) {
                    *i += 1;
                }
            }
            _ => break,
        }
    };
    let number = |i: &mut usize| {
        let start = *i;
        while rest.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        std::str::from_utf8(&rest[start..*i]).ok().map(str::to_owned)
    };
    space(&mut i);
    let n = number(&mut i)?.parse().ok()?;
    space(&mut i);
    let g = number(&mut i)?.parse().ok()?;
    Some((n, g))
}

/// The stream object `id` at `at` in `pdf`, read by lopdf's parser, undecompressed.
fn stream_at(pdf: &[u8], id: ObjectId, at: usize) -> Option<Stream> {
    match reader_at(pdf, id, at)?.get_object(id, &mut HashSet::new()) {
        Ok(Object::Stream(stream)) => Some(stream),
        _ => None,
    }
}

/// The dictionary after the `trailer` keyword that ends the classic table at the start of
/// `rest`, read by lopdf's parser.
fn trailer(rest: &[u8]) -> Option<lopdf::Dictionary> {
    let at = rest.windows(7).position(|w| w == b"trailer")? + 7;
    // (Read as the object lopdf's parser takes: its words, no more than a trailer needs.)
    let mut object = b"1 0 obj ".to_vec();
    object.extend_from_slice(&rest[at..rest.len().min(at + MAX_TRAILER)]);
    // (Measured first: where it lies in another object's stream data, nothing had measured it.)
    if nesting(&object, Text::ObjectStream) > super::MAX_NESTING {
        return None;
    }
    let reader = reader_at(&object, (1, 0), 0)?;
    match reader.get_object((1, 0), &mut HashSet::new()) {
        Ok(Object::Dictionary(dict)) => Some(dict),
        Ok(Object::Stream(stream)) => Some(stream.dict),
        _ => None,
    }
}

/// A reader of `buffer` that knows one object, `id`, at `offset`.
pub fn reader_at(buffer: &[u8], id: ObjectId, offset: usize) -> Option<lopdf::Reader<'_>> {
    let mut document = lopdf::Document::new();
    document.reference_table.insert(id.0, XrefEntry::Normal { offset: u32::try_from(offset).ok()?, generation: id.1 });
    Some(lopdf::Reader {
        buffer,
        document,
        encryption_state: None,
        raw_objects: Default::default(),
        password: None,
        strict: false,
    })
}
