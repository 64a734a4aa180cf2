//! Small builders for PDF objects shared by the post-pass: names, text strings, dates,
//! colour operators and compressed streams.

use std::io::Write as _;

use lopdf::{Dictionary, Object, Stream, StringFormat};

use crate::theme::Rgb;

/// The content-stream operator `op` (`rg` fill, `RG` stroke) setting colour `c`.
pub fn color_op(c: Rgb, op: &str) -> String {
    let channel = |v: u8| f32::from(v) / 255.0;
    format!("{:.3} {:.3} {:.3} {op}", channel(c.0), channel(c.1), channel(c.2))
}

pub fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// A PDF text string: PDFDocEncoding-safe ASCII as is, anything else as UTF-16BE with a BOM.
pub fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

pub fn pdf_date(unix: i64) -> Object {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = super::xmp::civil_from_days(days);
    let s = format!("D:{y:04}{m:02}{d:02}{:02}{:02}{:02}Z", secs / 3600, secs / 60 % 60, secs % 60);
    Object::String(s.into_bytes(), StringFormat::Literal)
}

/// libdeflate's level for every stream (see [`compress`]).
const LEVEL: libdeflater::CompressionLvl = match libdeflater::CompressionLvl::new(7) {
    Ok(level) => level,
    Err(_) => panic!("7 is one of libdeflate's levels"),
};

/// `data` as a zlib stream, compressed by libdeflate at level 7: on the seed, 0.1 % smaller
/// than zlib's level 6 in half the time (level 9 is 0.6 % smaller again and takes a third
/// longer; docs/benchmarks.md). One compressor is kept per thread: making one allocates its
/// tables.
pub fn compress(data: &[u8]) -> Vec<u8> {
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<libdeflater::Compressor> =
            std::cell::RefCell::new(libdeflater::Compressor::new(LEVEL));
    }
    COMPRESSOR.with_borrow_mut(|z| {
        let mut out = vec![0; z.zlib_compress_bound(data.len())];
        match z.zlib_compress(data, &mut out) {
            Ok(n) => {
                out.truncate(n);
                out
            }
            // The bound is libdeflate's own, so this cannot fail; should it, store the data
            // uncompressed rather than lose it.
            Err(_) => fallback(data),
        }
    })
}

/// `data` as a zlib stream of stored (uncompressed) blocks.
fn fallback(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::none());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// A Flate-compressed stream.
pub fn stream(dict: Dictionary, data: &[u8]) -> Stream {
    compressed_stream(dict, compress(data))
}

/// A Flate stream of data already compressed with [`compress`].
pub fn compressed_stream(mut dict: Dictionary, compressed: Vec<u8>) -> Stream {
    dict.set("Filter", name("FlateDecode"));
    Stream::new(dict, compressed).with_compression(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_streams_decompress_to_what_went_in() {
        use std::io::Read as _;
        for data in [Vec::new(), b"BT /F0 10 Tf ET".to_vec(), (0..300_000u32).flat_map(|i| i.to_le_bytes()).collect()] {
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&compress(&data)[..]).read_to_end(&mut back).unwrap();
            assert_eq!(back, data);
        }
    }

    #[test]
    fn dates_are_pdf_dates() {
        let Object::String(s, _) = pdf_date(1_601_942_400) else { panic!() };
        assert_eq!(s, b"D:20201006000000Z");
        let Object::String(s, _) = pdf_date(0) else { panic!() };
        assert_eq!(s, b"D:19700101000000Z");
    }

    #[test]
    fn non_ascii_strings_are_utf16() {
        assert_eq!(text_string("ab"), Object::String(b"ab".to_vec(), StringFormat::Literal));
        let Object::String(b, _) = text_string("日") else { panic!() };
        assert_eq!(b, [0xFE, 0xFF, 0x65, 0xE5]);
    }
}
