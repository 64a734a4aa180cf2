//! The objects of an object stream, each read alone when it is asked for, within its own
//! place: from where the stream's index says it begins to where the next one begins, at most
//! [`MAX_OBJECT_TEXT`]. lopdf reads every object of the stream at once, each from where it
//! begins to wherever it ends, up to the whole stream (64 MiB: some 300–450 MB parsed), and as
//! often as the index names that place.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use lopdf::{Object, ObjectId, Stream};

use super::MAX_OBJECT_TEXT;

/// The most text `extract` parses from object streams in one read of a PDF: four objects of
/// the largest size, where a dossier's catalog and list of 1,000 attachments take some 200 KB.
pub const MAX_PARSED: u64 = 4 * MAX_OBJECT_TEXT;

/// An object stream's data (decompressed) and where each of its objects lies in it.
pub struct Objects {
    data: Vec<u8>,
    places: HashMap<u32, Range<usize>>,
}

impl Objects {
    /// The objects of `stream`, found as lopdf finds them; `Ok(None)` where lopdf finds none
    /// (no `/First`, an index it cannot read), `Err` for an object longer than
    /// [`MAX_OBJECT_TEXT`] or two that begin at one place.
    pub fn new(stream: Stream) -> Result<Option<Self>, String> {
        let data = stream.content;
        let first = stream.dict.get(b"First").and_then(Object::as_i64).ok().and_then(|f| usize::try_from(f).ok());
        let index = first.and_then(|first| Some((first, std::str::from_utf8(data.get(..first)?).ok()?)));
        let Some((first, index)) = index.filter(|_| !data.is_empty()) else {
            return Ok(data.is_empty().then(|| Objects { data: Vec::new(), places: HashMap::new() }));
        };
        let numbers: Vec<Option<u32>> = index.split_whitespace().map(|n| n.parse().ok()).collect();
        // Each object's number and where it begins (after white space, which lopdf skips).
        let mut begins = Vec::new();
        for pair in numbers.chunks_exact(2) {
            let (Some(id), Some(offset)) = (pair[0], pair[1]) else { continue };
            let at = first + offset as usize;
            let Some(skip) = data.get(at..).and_then(|d| d.iter().position(|b| !b.is_ascii_whitespace())) else {
                continue;
            };
            begins.push((id, at + skip));
        }
        let mut starts: Vec<usize> = begins.iter().map(|&(_, start)| start).collect();
        starts.sort_unstable();
        if let Some(twice) = starts.windows(2).find(|w| w[0] == w[1]) {
            let ids: Vec<String> = begins.iter().filter(|b| b.1 == twice[0]).map(|b| b.0.to_string()).take(2).collect();
            return Err(format!(
                "says two of its objects (objects {}) begin at one place (byte {} of its data)",
                ids.join(" and "),
                twice[0]
            ));
        }
        let mut places = HashMap::new();
        for (id, start) in begins {
            let end = starts.get(starts.partition_point(|&s| s <= start)).copied().unwrap_or(data.len());
            if (end - start) as u64 > MAX_OBJECT_TEXT {
                return Err(format!(
                    "holds an object (object {id}) {} bytes long, more than {} (a briefing's are a few kilobytes)",
                    end - start,
                    crate::app::error::size(MAX_OBJECT_TEXT)
                ));
            }
            // (The last of one number, as lopdf keeps it.)
            places.insert(id, start..end);
        }
        Ok(Some(Objects { data, places }))
    }

    /// How many bytes of data it holds.
    pub fn size(&self) -> usize {
        self.data.len()
    }

    /// The object `id`, parsed alone by lopdf's parser within its place, if it holds it; `Err`
    /// once the objects parsed take `left` (what may still be parsed) past nothing.
    pub fn get(&self, id: ObjectId, left: &Cell<u64>) -> Result<Option<Object>, String> {
        let Some(place) = self.places.get(&id.0).filter(|_| id.1 == 0) else { return Ok(None) };
        let text = place.len() as u64;
        if text > left.get() {
            return Err(format!(
                "has more of its objects read than {} in all (a briefing's are a few kilobytes)",
                crate::app::error::size(MAX_PARSED)
            ));
        }
        left.set(left.get() - text);
        // An object stream of this one object.
        let head = format!("{} 0 ", id.0);
        let data = [head.as_bytes(), &self.data[place.clone()]].concat();
        let dict = lopdf::dictionary! { "Type" => "ObjStm", "N" => 1, "First" => head.len() as i64 };
        let Ok(mut alone) = lopdf::ObjectStream::new(&mut Stream::new(dict, data)) else { return Ok(None) };
        Ok(alone.objects.remove(&id))
    }
}
