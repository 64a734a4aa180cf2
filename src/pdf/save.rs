//! Writing the document: lopdf packs every object that may be into compressed object streams
//! and ends the file with a cross-reference stream. That stream, as lopdf 0.41 writes it,
//! leaves out itself and every object stream after the first (qpdf warns that `/Size` is more
//! than the objects it lists; with two object streams, readers cannot find the second), and
//! is not compressed; it is rewritten here, complete and compressed.

use std::io::Write as _;

use lopdf::{Object, ObjectId};

use super::PdfError;

fn malformed(what: &str) -> PdfError {
    PdfError::Backend(format!("unexpected cross-reference stream from lopdf: {what}"))
}

/// Saves `doc` (its trailer's `/Root`, `/Info` and `/ID` set) to bytes.
pub fn save(doc: &mut lopdf::Document) -> Result<Vec<u8>, PdfError> {
    let mut bytes = Vec::new();
    let options =
        lopdf::SaveOptions::builder().use_object_streams(true).use_xref_streams(true).compression_level(6).build();
    doc.save_with_options(&mut bytes, options).map_err(|e| PdfError::Backend(e.to_string()))?;
    rewrite_xref(&mut bytes, &doc.trailer)?;
    Ok(bytes)
}

/// The number after the last `startxref`.
fn xref_start(bytes: &[u8]) -> Option<usize> {
    let at = bytes.windows(9).rposition(|w| w == b"startxref")?;
    let tail = std::str::from_utf8(&bytes[at + 9..]).ok()?;
    tail.split_whitespace().next()?.parse().ok()
}

/// The integers of `/Key[...]` or `/Key n` in a dictionary's text.
fn numbers_after(dict: &str, key: &str) -> Option<Vec<u64>> {
    let at = dict.find(key)? + key.len();
    let rest = dict[at..].trim_start();
    if let Some(inner) = rest.strip_prefix('[') {
        let end = inner.find(']')?;
        inner[..end].split_whitespace().map(|n| n.parse().ok()).collect()
    } else {
        let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        Some(vec![rest[..end].parse().ok()?])
    }
}

/// Replaces the cross-reference stream at the end of `bytes` with one that lists itself and is
/// Flate-compressed, with field widths as small as the file allows.
fn rewrite_xref(bytes: &mut Vec<u8>, trailer: &lopdf::Dictionary) -> Result<(), PdfError> {
    let start = xref_start(bytes).ok_or_else(|| malformed("no startxref"))?;
    let head_end = bytes[start..].windows(7).position(|w| w == b"stream\n").ok_or_else(|| malformed("no stream"))?;
    let head = std::str::from_utf8(&bytes[start..start + head_end]).map_err(|_| malformed("a binary dictionary"))?;
    let id: u32 = head.split_whitespace().next().and_then(|n| n.parse().ok()).ok_or_else(|| malformed("no object"))?;
    let dict = head.find("<<").map(|i| &head[i..]).ok_or_else(|| malformed("no dictionary"))?;
    let widths = numbers_after(dict, "/W").ok_or_else(|| malformed("no /W"))?;
    let index = numbers_after(dict, "/Index").ok_or_else(|| malformed("no /Index"))?;
    let length =
        numbers_after(dict, "/Length").and_then(|l| l.first().copied()).ok_or_else(|| malformed("no /Length"))?;
    if dict.contains("/Filter") || widths.len() != 3 {
        return Err(malformed("a filter or odd widths"));
    }
    let data_at = start + head_end + 7;
    let data = bytes.get(data_at..data_at + length as usize).ok_or_else(|| malformed("a short stream"))?;
    // Every entry: (type, field 2, field 3).
    let w: Vec<usize> = widths.iter().map(|&w| w as usize).collect();
    let entry_len = w.iter().sum::<usize>();
    let read = |b: &[u8]| b.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x));
    let mut entries: Vec<(u32, [u64; 3])> = Vec::new();
    let mut chunks = data.chunks_exact(entry_len);
    for pair in index.chunks_exact(2) {
        for k in 0..pair[1] {
            let e = chunks.next().ok_or_else(|| malformed("fewer entries than its index"))?;
            entries
                .push(((pair[0] + k) as u32, [read(&e[..w[0]]), read(&e[w[0]..w[0] + w[1]]), read(&e[w[0] + w[1]..])]));
        }
    }
    // lopdf indexes objects up to the highest it had before adding its object streams: the
    // first object stream falls inside, any later ones (and the cross-reference stream
    // itself) do not. They are the objects written last, just before this stream.
    let listed = entries.iter().map(|e| e.0).max().unwrap_or(0);
    for missing in listed + 1..id {
        let marker = format!("\n{missing} 0 obj\n");
        let at = bytes[..start]
            .windows(marker.len())
            .rposition(|w| w == marker.as_bytes())
            .ok_or_else(|| malformed("an object stream it does not list"))?;
        entries.push((missing, [1, at as u64 + 1, 0]));
    }
    entries.push((id, [1, start as u64, 0]));
    // Sections of consecutive object numbers, and the narrowest widths that hold every value.
    let mut sections: Vec<(u32, u32)> = Vec::new();
    for &(n, _) in &entries {
        match sections.last_mut() {
            Some((first, count)) if *first + *count == n => *count += 1,
            _ => sections.push((n, 1)),
        }
    }
    let width_of = |max: u64| (1..=8).find(|&b| b == 8 || max < (1u64 << (8 * b))).unwrap_or(8);
    let w2 = width_of(entries.iter().map(|e| e.1[1]).max().unwrap_or(0));
    let w3 = width_of(entries.iter().map(|e| e.1[2]).max().unwrap_or(0));
    let mut raw = Vec::with_capacity(entries.len() * (1 + w2 + w3));
    for (_, [t, a, b]) in &entries {
        raw.push(*t as u8);
        raw.extend_from_slice(&a.to_be_bytes()[8 - w2..]);
        raw.extend_from_slice(&b.to_be_bytes()[8 - w3..]);
    }
    let packed = super::objects::compress(&raw);

    let reference = |key: &[u8]| -> Result<ObjectId, PdfError> {
        trailer.get(key).and_then(Object::as_reference).map_err(|_| malformed("no /Root or /Info"))
    };
    let (root, info) = (reference(b"Root")?, reference(b"Info")?);
    let file_id = match trailer.get(b"ID") {
        Ok(Object::Array(ids)) => ids
            .iter()
            .map(|o| match o {
                Object::String(b, _) => format!("<{}>", b.iter().map(|x| format!("{x:02X}")).collect::<String>()),
                _ => String::new(),
            })
            .collect::<String>(),
        _ => return Err(malformed("no /ID")),
    };
    let index: Vec<String> = sections.iter().map(|(f, c)| format!("{f} {c}")).collect();
    bytes.truncate(start);
    write!(
        bytes,
        "{id} 0 obj\n<</Type/XRef/Size {}/W[1 {w2} {w3}]/Index[{}]/Root {} {} R/Info {} {} R/ID[{file_id}]\
         /Filter/FlateDecode/Length {}>>stream\n",
        id + 1,
        index.join(" "),
        root.0,
        root.1,
        info.0,
        info.1,
        packed.len()
    )
    .map_err(|e| PdfError::Backend(e.to_string()))?;
    bytes.extend_from_slice(&packed);
    write!(bytes, "\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").map_err(|e| PdfError::Backend(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    #[test]
    fn the_saved_file_lists_every_object_and_reads_back() {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let page = doc.add_object(Dictionary::from_iter([("Type", Object::Name(b"Page".to_vec()))]));
        doc.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
            ])),
        );
        let catalog = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        let info = doc.add_object(Dictionary::from_iter([("Title", Object::string_literal("t"))]));
        doc.trailer.set("Root", Object::Reference(catalog));
        doc.trailer.set("Info", Object::Reference(info));
        let id = Object::String(vec![1; 16], lopdf::StringFormat::Hexadecimal);
        doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
        doc.max_id = 4;
        let bytes = save(&mut doc).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        // Objects 1-4, the object stream (5) and the cross-reference stream itself (6).
        assert!(text.contains("/Size 7/W[1 1 1]/Index[1 6]"), "{text}");
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(back.get_pages().len(), 1);
        assert!(back.get_dictionary(info).is_ok());
    }

    #[test]
    fn every_object_stream_is_listed() {
        // lopdf puts at most 100 objects in one object stream: 250 need three.
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(vec![])),
            ("Count", Object::Integer(0)),
        ]));
        let many: Vec<Object> = (0..250).map(|i| Object::Reference(doc.add_object(Object::Integer(i)))).collect();
        let catalog = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
            ("Many", Object::Array(many.clone())),
        ]));
        let info = doc.add_object(Dictionary::new());
        doc.trailer.set("Root", Object::Reference(catalog));
        doc.trailer.set("Info", Object::Reference(info));
        doc.trailer.set("ID", Object::Array(vec![Object::String(vec![2; 16], lopdf::StringFormat::Hexadecimal); 2]));
        doc.max_id = info.0;
        let bytes = save(&mut doc).unwrap();
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        for (i, r) in many.iter().enumerate() {
            assert_eq!(back.get_object(r.as_reference().unwrap()).unwrap(), &Object::Integer(i as i64));
        }
    }
}
