//! Fonts and size: every embedded font is a subset (`ABCDEF+Name`) with a Flate-compressed
//! font file, every content stream is compressed, and the seed stays small.

mod common;

use lopdf::Object;

use common::{build_in, fixture, load, seed};

/// `ABCDEF+Name`: six capital letters and a plus before the name.
fn is_subset_name(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 7 && b[..6].iter().all(u8::is_ascii_uppercase) && b[6] == b'+'
}

/// Every BaseFont of a /Font dictionary (Type 0 and its CIDFont alike).
fn base_fonts(pdf: &[u8]) -> Vec<String> {
    let doc = load(pdf);
    let mut out: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font".as_slice()))
        .map(|d| d.get(b"BaseFont").map(common::decode).unwrap_or_default())
        .collect();
    out.sort();
    out
}

fn assert_fonts_are_compressed_subsets(pdf: &[u8], what: &str) {
    let descriptors = common::fonts(pdf);
    assert!(!descriptors.is_empty(), "{what}: no embedded fonts");
    for (name, compressed) in &descriptors {
        assert!(is_subset_name(name), "{what}: FontName {name} is not a subset's (ABCDEF+Name)");
        assert!(compressed, "{what}: the FontFile2 of {name} is not Flate-compressed");
    }
    let bases = base_fonts(pdf);
    assert!(!bases.is_empty(), "{what}: no fonts");
    for name in &bases {
        assert!(is_subset_name(name), "{what}: BaseFont {name} is not a subset's (ABCDEF+Name)");
    }
    // A subset holds a fraction of the font: none of the font files is near a full face.
    let doc = load(pdf);
    for (_, obj) in doc.objects.iter() {
        let Ok(d) = obj.as_dict() else { continue };
        let Ok(file) = d.get(b"FontFile2").and_then(Object::as_reference) else { continue };
        let stream = doc.get_object(file).and_then(Object::as_stream).unwrap();
        let size = stream.decompressed_content().map_or(0, |c| c.len());
        assert!(size < 200_000, "{what}: a {size}-byte font file is no subset");
    }
}

fn assert_content_is_compressed(pdf: &[u8], what: &str) {
    let doc = load(pdf);
    for (n, (_, page)) in doc.get_pages().into_iter().enumerate() {
        let ids = doc.get_page_contents(page);
        assert!(!ids.is_empty(), "{what}: page {} has no content", n + 1);
        for id in ids {
            let stream = doc.get_object(id).and_then(Object::as_stream).unwrap();
            let filter = stream.dict.get(b"Filter").and_then(Object::as_name).ok();
            assert_eq!(filter, Some(b"FlateDecode".as_slice()), "{what}: page {} content is not compressed", n + 1);
        }
    }
}

#[test]
fn seed_fonts_are_compressed_subsets() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    assert_fonts_are_compressed_subsets(&pdf, "seed");
}

#[test]
fn japanese_fonts_are_compressed_subsets() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &fixture("japanese.yaml"), &[]);
    assert_fonts_are_compressed_subsets(&pdf, "japanese");
}

#[test]
fn content_streams_are_compressed() {
    let dir = common::tempdir();
    let seed_pdf = build_in(dir.path(), &seed(), &[]);
    assert_content_is_compressed(&seed_pdf, "seed");
    let ja = build_in(dir.path(), &fixture("japanese.yaml"), &[]);
    assert_content_is_compressed(&ja, "japanese");
}

#[test]
fn the_seed_pdf_is_under_40_kb() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    assert!(pdf.len() < 40 * 1024, "the seed PDF is {} bytes", pdf.len());
}
