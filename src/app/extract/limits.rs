//! What `extract` decompresses, counted: one budget of decompressed bytes for the whole read of
//! a PDF, and the cross-reference streams checked within it before lopdf reads them (lopdf
//! inflates a stream whole, with no bound: a 1 MB file whose cross-reference stream held 1 GiB
//! of zeros took 1.1 GB, text43b F43b-3).

use std::cell::Cell;
use std::collections::HashSet;
use std::io::Read as _;

use lopdf::xref::XrefEntry;
use lopdf::{Object, ObjectId, Stream};

/// All that `extract` decompresses from one PDF's object and cross-reference streams: far
/// more than the catalog and attachment list of a dossier need, read in well under a second.
pub const MAX_INFLATED: u64 = 256 << 20;

/// The most the cross-reference streams of one PDF may decompress to, together: the entries of
/// some nine million objects, far more than a briefing or a dossier holds.
pub const MAX_CROSS_REFERENCES: u64 = 64 << 20;

/// How many cross-reference sections (an update each) `extract` follows.
const MAX_SECTIONS: usize = 1000;

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
pub fn cross_references(pdf: &[u8], budget: &Budget) -> Result<(), String> {
    let Some(start) = xref_start(pdf) else { return Ok(()) };
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
                        "the trailer of its cross-reference table at byte {at} cannot be read (or is over 64 KiB); it was not read"
                    ));
                };
                dict
            }
            Some(id) => {
                let Some(stream) = stream_at(pdf, id, at) else { continue };
                check_xref_stream(pdf.len(), &stream, &xref, budget).map_err(|problem| {
                    format!("its cross-reference stream (object {}) {problem}; it was not read", id.0)
                })?;
                stream.dict
            }
        };
        for key in [&b"Prev"[..], b"XRefStm"] {
            if let Some(next) = dict.get(key).ok().and_then(|o| o.as_i64().ok()) {
                queue.extend(usize::try_from(next).ok());
            }
        }
    }
    Ok(())
}

/// Why the cross-reference stream `stream` of a file of `len` bytes may not be read, if so.
fn check_xref_stream(len: usize, stream: &Stream, xref: &Budget, budget: &Budget) -> Result<(), String> {
    let int = |o: &Object| o.as_i64().ok();
    let widths: Vec<i64> = match stream.dict.get(b"W") {
        Ok(Object::Array(w)) => w.iter().map(|o| int(o).unwrap_or(-1)).collect(),
        _ => return Ok(()),
    };
    // (lopdf makes a buffer of each width: /W [1 99999999999 1] asked for 100 GB.)
    if widths.iter().any(|w| !(0..=8).contains(w)) {
        return Err(format!("is damaged: its entries are {widths:?} bytes wide (at most 8 each)"));
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
        return Ok(());
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
    Ok(())
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
    object.extend_from_slice(&rest[at..rest.len().min(at + (64 << 10))]);
    let reader = reader_at(&object, (1, 0), 0)?;
    match reader.get_object((1, 0), &mut HashSet::new()) {
        Ok(Object::Dictionary(dict)) => Some(dict),
        Ok(Object::Stream(stream)) => Some(stream.dict),
        _ => None,
    }
}

/// A reader of `buffer` that knows one object, `id`, at `offset`.
fn reader_at(buffer: &[u8], id: ObjectId, offset: usize) -> Option<lopdf::Reader<'_>> {
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
