//! Writing the PDF file. Each object is serialized the moment it is made, so a document of
//! hundreds of thousands of objects (a structure element per table cell, an annotation per
//! link) costs its bytes, not a tree of dictionaries: a stream goes into the file at once, and
//! every other object into the object stream being filled, closed when it holds
//! [`PER_OBJECT_STREAM`] objects. At the end, the object streams, compressed together (on two
//! threads when they are large: a long document's structure tree is most of its objects, and
//! written last), and a compressed cross-reference stream, listing every object and itself,
//! follow the streams.

use std::io::Write as _;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::objects::compress;

/// Where an object is.
#[derive(Clone, Copy)]
enum At {
    /// In the file, at this offset.
    File(u64),
    /// In object stream `stream` (counted from 0), the `index`th object.
    Packed { stream: usize, index: usize },
}

/// An object stream: how many objects, where the first starts, and its data (compressed in
/// [`Writer::finish`]).
struct Packed {
    count: usize,
    first: usize,
    data: Vec<u8>,
}

/// The objects of a document, by number.
pub struct Writer {
    /// The file so far: its header, then the streams in the order given.
    out: Vec<u8>,
    /// Where each object is, by number (`None`: not given, or not yet).
    at: Vec<Option<At>>,
    /// The object streams filled so far.
    packed: Vec<Packed>,
    /// The object stream being filled: "number offset " per object, and their bytes.
    offsets: Vec<u8>,
    body: Vec<u8>,
    count: usize,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

/// Objects per object stream (a reader decompresses a whole one to read any object in it).
const PER_OBJECT_STREAM: usize = 200;

/// Bytes of object streams past which they are compressed on two threads (a new thread can
/// wait a time slice before it runs: not for the seed's 40 KB).
const ON_TWO_THREADS: usize = 4 << 20;

impl Writer {
    pub fn new() -> Writer {
        Writer {
            out: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            at: vec![None],
            packed: Vec::new(),
            offsets: Vec::new(),
            body: Vec::new(),
            count: 0,
        }
    }

    /// A number for an object given later with [`Writer::insert`].
    pub fn new_object_id(&mut self) -> ObjectId {
        self.at.push(None);
        ((self.at.len() - 1) as u32, 0)
    }

    /// Adds an object; returns its number.
    pub fn add_object(&mut self, object: impl Into<Object>) -> ObjectId {
        let id = self.new_object_id();
        self.insert(id, object);
        id
    }

    /// Gives the object numbered `id` (a number from [`Writer::new_object_id`], given once).
    pub fn insert(&mut self, id: ObjectId, object: impl Into<Object>) {
        let n = id.0 as usize;
        if n == 0 || n >= self.at.len() {
            return;
        }
        debug_assert!(self.at[n].is_none(), "object {n} given twice");
        let at = match object.into() {
            Object::Stream(s) => {
                let at = At::File(self.out.len() as u64);
                let mut dict = s.dict;
                dict.set("Length", Object::Integer(s.content.len() as i64));
                let out = &mut self.out;
                let _ = writeln!(out, "{n} 0 obj");
                write_dict(out, &dict);
                out.extend_from_slice(b"stream\n");
                out.extend_from_slice(&s.content);
                out.extend_from_slice(end_of_stream(&s.content));
                out.extend_from_slice(b"endstream\nendobj\n");
                at
            }
            other => {
                let at = At::Packed { stream: self.packed.len(), index: self.count };
                let _ = write!(self.offsets, "{n} {} ", self.body.len());
                write_object(&mut self.body, &other);
                self.body.push(b'\n');
                self.count += 1;
                if self.count == PER_OBJECT_STREAM {
                    self.seal();
                }
                at
            }
        };
        self.at[n] = Some(at);
    }

    /// Compresses the object stream being filled, if it holds anything.
    fn seal(&mut self) {
        if self.count == 0 {
            return;
        }
        let mut data = std::mem::take(&mut self.offsets);
        let first = data.len();
        data.append(&mut self.body);
        self.packed.push(Packed { count: self.count, first, data });
        self.count = 0;
    }

    /// Compresses every object stream: past [`ON_TWO_THREADS`] bytes, half of them (by size)
    /// on another thread, so that a long document's last step takes half the time.
    fn compress_packed(&mut self) {
        let total: usize = self.packed.iter().map(|p| p.data.len()).sum();
        let squeeze = |packed: &mut [Packed]| packed.iter_mut().for_each(|p| p.data = compress(&p.data));
        if total < ON_TWO_THREADS || self.packed.len() < 2 {
            return squeeze(&mut self.packed);
        }
        let mut sum = 0;
        let half = self.packed.iter().position(|p| {
            sum += p.data.len();
            2 * sum >= total
        });
        let (first, second) = self.packed.split_at_mut(half.map_or(0, |h| h + 1));
        std::thread::scope(|s| {
            s.spawn(|| squeeze(second));
            squeeze(first);
        });
    }

    /// The file, with `trailer` (/Root, /Info, /ID) in its cross-reference stream.
    pub fn finish(mut self, trailer: &Dictionary) -> Vec<u8> {
        self.seal();
        self.compress_packed();
        let mut out = self.out;
        // The object streams are numbered after every object, the cross-reference stream last.
        let first_stream = self.at.len();
        // (type, field 2, field 3) per object number: 1 = at an offset, 2 = in an object stream.
        let mut xref: Vec<(u8, u64, u64)> = self
            .at
            .iter()
            .map(|at| match at {
                Some(At::File(offset)) => (1, *offset, 0),
                Some(At::Packed { stream, index }) => (2, (first_stream + stream) as u64, *index as u64),
                None => (0, 0, 0xFFFF),
            })
            .collect();
        for (k, p) in self.packed.iter().enumerate() {
            xref.push((1, out.len() as u64, 0));
            out.extend_from_slice(
                format!(
                    "{} 0 obj\n<</Type/ObjStm/N {}/First {}/Filter/FlateDecode/Length {}>>stream\n",
                    first_stream + k,
                    p.count,
                    p.first,
                    p.data.len()
                )
                .as_bytes(),
            );
            out.extend_from_slice(&p.data);
            out.extend_from_slice(end_of_stream(&p.data));
            out.extend_from_slice(b"endstream\nendobj\n");
        }
        // The cross-reference stream, listing itself.
        let xref_number = first_stream + self.packed.len();
        let start = out.len() as u64;
        xref.push((1, start, 0));
        let width = |max: u64| (1..=8).find(|&b| b == 8 || max < (1u64 << (8 * b))).unwrap_or(8);
        let w2 = width(xref.iter().map(|e| e.1).max().unwrap_or(0));
        let w3 = width(xref.iter().map(|e| e.2).max().unwrap_or(0));
        let mut raw = Vec::with_capacity(xref.len() * (1 + w2 + w3));
        for (t, a, b) in &xref {
            raw.push(*t);
            raw.extend_from_slice(&a.to_be_bytes()[8 - w2..]);
            raw.extend_from_slice(&b.to_be_bytes()[8 - w3..]);
        }
        let packed = compress(&raw);
        let mut dict = trailer.clone();
        dict.set("Type", Object::Name(b"XRef".to_vec()));
        dict.set("Size", Object::Integer(xref.len() as i64));
        dict.set("W", Object::Array(vec![Object::Integer(1), Object::Integer(w2 as i64), Object::Integer(w3 as i64)]));
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        dict.set("Length", Object::Integer(packed.len() as i64));
        out.extend_from_slice(format!("{xref_number} 0 obj\n").as_bytes());
        write_dict(&mut out, &dict);
        out.extend_from_slice(b"stream\n");
        out.extend_from_slice(&packed);
        out.extend_from_slice(end_of_stream(&packed));
        out.extend_from_slice(format!("endstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes());
        out
    }
}

/// A number as PDF writes it: integers plain, others with at most five decimals.
fn write_real(out: &mut Vec<u8>, v: f32) {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        let _ = write!(out, "{}", v as i64);
        return;
    }
    let s = format!("{v:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    out.extend_from_slice(if s == "-0" { b"0" } else { s.as_bytes() });
}

/// Whether a byte may stand in a name as it is.
fn regular(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b)
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if regular(b) {
            out.push(b);
        } else {
            out.push(b'#');
            push_hex(out, b);
        }
    }
}

fn write_dict(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        write_name(out, key);
        if !starts_with_delimiter(value) {
            out.push(b' ');
        }
        write_object(out, value);
    }
    out.extend_from_slice(b">>");
}

/// Whether `o` written out starts with a delimiter, so needs no space before it.
fn starts_with_delimiter(o: &Object) -> bool {
    matches!(o, Object::Name(_) | Object::String(..) | Object::Array(_) | Object::Dictionary(_) | Object::Stream(_))
}

/// Serializes one object.
pub fn write_object(out: &mut Vec<u8>, o: &Object) {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => write_real(out, *r),
        Object::Name(n) => write_name(out, n),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for &b in bytes {
                push_hex(out, b);
            }
            out.push(b'>');
        }
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => {
                        out.push(b'\\');
                        out.push(b);
                    }
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && !starts_with_delimiter(item) {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => write_dict(out, d),
        // A stream can only be an indirect object (written by `Writer::insert`).
        Object::Stream(s) => write_dict(out, &s.dict),
        Object::Reference((n, g)) => {
            let _ = write!(out, "{n} {g} R");
        }
    }
}

/// A byte as two upper-case hexadecimal digits (a hex string's, a name's `#XX`): written
/// straight into the file, as these are most of a long redline's structure tree.
fn push_hex(out: &mut Vec<u8>, b: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.extend_from_slice(&[DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xF)]]);
}

/// The end-of-line marker between a stream's data and `endstream`. Data that ends in a
/// carriage return (a Flate stream's checksum can) takes CR LF, so that a reader who strips
/// one EOL marker before `endstream` finds exactly `/Length` bytes (PDF/A-3, 6.1.7.1), not
/// one fewer.
fn end_of_stream(data: &[u8]) -> &'static [u8] {
    if data.last() == Some(&b'\r') {
        b"\r\n"
    } else {
        b"\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(o: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, o);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn objects_are_written_compactly_and_escaped() {
        let d = Dictionary::from_iter([
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Rect", Object::Array(vec![Object::Real(1.5), Object::Integer(2), Object::Real(-0.000_001)])),
            ("T", Object::string_literal("a (b) \\ c")),
            ("Sub", Object::Name(b"application/yaml".to_vec())),
            ("P", Object::Reference((3, 0))),
        ]);
        assert_eq!(
            text(&Object::Dictionary(d)),
            "<</Type/Annot/Rect[1.5 2 0]/T(a \\(b\\) \\\\ c)/Sub/application#2Fyaml/P 3 0 R>>"
        );
        // A text string in UTF-16 (`Straße`), a name with a space, numbers and references.
        let alt = super::super::objects::text_string("Straße");
        let kids = Object::Array(vec![Object::Integer(-12), Object::Reference((70_001, 0)), Object::Real(3.0)]);
        let d = Dictionary::from_iter([("Alt", alt), ("S", Object::Name(b"a b".to_vec())), ("K", kids)]);
        assert_eq!(text(&Object::Dictionary(d)), "<</Alt<FEFF005300740072006100DF0065>/S/a#20b/K[-12 70001 0 R 3]>>");
    }

    /// Small, and past [`ON_TWO_THREADS`] bytes of objects (compressed on two threads).
    #[test]
    fn a_file_of_many_objects_reads_back_whole() {
        let small = |i: i64| Object::Integer(i);
        let large = |i: i64| Object::string_literal(format!("{i:05} ").repeat(2_000));
        for value in [&small as &dyn Fn(i64) -> Object, &large] {
            many_objects_read_back(value);
        }
    }

    fn many_objects_read_back(value: &dyn Fn(i64) -> Object) {
        let mut w = Writer::new();
        let pages = w.new_object_id();
        let values: Vec<Object> = (0..450).map(value).collect();
        let many: Vec<Object> = values.iter().map(|v| Object::Reference(w.add_object(v.clone()))).collect();
        let s = lopdf::Stream::new(Dictionary::new(), b"BT ET".to_vec());
        let content = w.add_object(s);
        let page = w.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
            ("Contents", Object::Reference(content)),
        ]));
        w.insert(
            pages,
            Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
            ]),
        );
        let catalog = w.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
            ("Many", Object::Array(many.clone())),
        ]));
        let info = w.add_object(Dictionary::new());
        let trailer = Dictionary::from_iter([("Root", Object::Reference(catalog)), ("Info", Object::Reference(info))]);
        let bytes = w.finish(&trailer);
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(back.get_pages().len(), 1);
        for (r, v) in many.iter().zip(&values) {
            assert_eq!(back.get_object(r.as_reference().unwrap()).unwrap(), v);
        }
        assert_eq!(back.get_page_content(page).unwrap(), b"BT ET");
    }

    #[test]
    fn stream_data_ending_in_a_carriage_return_keeps_its_length() {
        let mut w = Writer::new();
        w.add_object(lopdf::Stream::new(lopdf::Dictionary::new(), b"ab\r".to_vec()));
        let bytes = &w.out;
        assert!(bytes.ends_with(b"stream\nab\r\r\nendstream\nendobj\n"), "{:?}", String::from_utf8_lossy(bytes));
    }
}
