//! What `extract` decompresses, counted: one budget of decompressed bytes for the whole read of
//! a PDF (text43b F43b-2: object streams in object streams were decompressed 64 MiB each,
//! without a total).

use std::cell::Cell;
use std::io::Read as _;

use lopdf::{Object, Stream};

/// All that `extract` decompresses from one PDF's object and cross-reference streams: far
/// more than the catalog and attachment list of a dossier need, read in well under a second.
pub const MAX_INFLATED: u64 = 256 << 20;

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
