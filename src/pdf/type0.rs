//! Our subset fonts as PDF Type 0 fonts: a CIDFontType2 descendant over the compressed
//! subset, widths, a CIDToGIDMap (the identity unless characters share a glyph), and a
//! ToUnicode map so text can be searched, copied and read aloud.

use lopdf::{Dictionary, Object, ObjectId};

use super::embed::PlanFont;
use super::objects::{compress, compressed_stream, name, stream};
use super::writer::Writer;
use crate::fonts::FontBook;

/// A six-letter subset tag derived from what the subset holds, so it is stable across runs.
fn subset_tag(digest: &[u8; 32]) -> String {
    digest[..6].iter().map(|b| char::from(b'A' + b % 26)).collect()
}

/// A subset font program, compressed.
pub struct Program {
    len: usize,
    compressed: Vec<u8>,
}

impl Program {
    pub fn new(program: &[u8]) -> Program {
        Program { len: program.len(), compressed: compress(program) }
    }
}

/// Adds one Type 0 font (CIDFontType2 descendant, Identity-H) and returns its id.
pub fn add_font(out: &mut Writer, font: &PlanFont, program: Program, digest: &[u8; 32], fonts: &FontBook) -> ObjectId {
    let source = fonts.source(font.face);
    let metrics = fonts.metrics(font.face);
    let base = format!("{}+{}", subset_tag(digest), source.name);
    let scale = |v: i16| metrics.map_or(0.0, |m| f64::from(m.em(v)) * 1000.0);
    let codes: Vec<(u16, u16, char)> =
        font.chars.iter().map(|&(code, c)| (code, font.glyph_of_code[usize::from(code)], c)).collect();

    let length = Dictionary::from_iter([("Length1", Object::Integer(program.len as i64))]);
    let file = out.add_object(compressed_stream(length, program.compressed));
    let (bbox, ascent, descent, cap, italic) = metrics.map_or(([0.0; 4], 0.0, 0.0, 0.0, 0.0), |m| {
        (m.bbox.map(scale), scale(m.ascent), scale(m.descent), scale(m.cap_height), f64::from(m.italic_angle))
    });
    let mut flags = 4; // symbolic: glyphs outside the standard Latin set
    if italic != 0.0 {
        flags |= 64;
    }
    let descriptor = out.add_object(Dictionary::from_iter([
        ("Type", name("FontDescriptor")),
        ("FontName", name(&base)),
        ("Flags", Object::Integer(flags)),
        ("FontBBox", bbox.iter().map(|&v| Object::Real(v.round() as f32)).collect::<Vec<_>>().into()),
        ("ItalicAngle", Object::Real(italic as f32)),
        ("Ascent", Object::Real(ascent.round() as f32)),
        ("Descent", Object::Real(descent.round() as f32)),
        ("CapHeight", Object::Real(cap.round() as f32)),
        ("StemV", Object::Integer(if source.style.bold { 120 } else { 80 })),
        ("FontFile2", Object::Reference(file)),
    ]));

    // Widths by code, in runs of consecutive codes: [c [w w w] c' [w] …].
    let mut w: Vec<Object> = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut run_start: Option<u16> = None;
    let mut prev = 0u16;
    for &(code, _, c) in &codes {
        let width = metrics.map_or(0.0, |m| f64::from(m.char_width(c)) * 1000.0);
        let width = Object::Real(((width * 1000.0).round() / 1000.0) as f32);
        match run_start {
            Some(_) if code == prev + 1 => run.push(width),
            _ => {
                if let Some(s) = run_start {
                    w.push(Object::Integer(i64::from(s)));
                    w.push(Object::Array(std::mem::take(&mut run)));
                }
                run_start = Some(code);
                run.push(width);
            }
        }
        prev = code;
    }
    if let Some(s) = run_start {
        w.push(Object::Integer(i64::from(s)));
        w.push(Object::Array(run));
    }

    let cid_to_gid = if font.identity() {
        name("Identity")
    } else {
        let map: Vec<u8> = font.glyph_of_code.iter().flat_map(|g| g.to_be_bytes()).collect();
        Object::Reference(out.add_object(stream(Dictionary::new(), &map)))
    };
    let cid_font = out.add_object(Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", name(&base)),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("DW", Object::Integer(0)),
        ("W", Object::Array(w)),
        ("CIDToGIDMap", cid_to_gid),
    ]));
    let to_unicode = out.add_object(stream(Dictionary::new(), to_unicode_cmap(&codes).as_bytes()));
    out.add_object(Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", name(&base)),
        ("Encoding", name("Identity-H")),
        ("DescendantFonts", Object::Array(vec![Object::Reference(cid_font)])),
        ("ToUnicode", Object::Reference(to_unicode)),
    ]))
}

/// The ToUnicode CMap: two-byte code → the character it prints (UTF-16BE). Runs of
/// consecutive codes for consecutive characters (`a`–`z`) are one range each.
fn to_unicode_cmap(codes: &[(u16, u16, char)]) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // (first code, last code, first character); a range stays within one high byte.
    let mut ranges: Vec<(u16, u16, char)> = Vec::new();
    let mut single: Vec<(u16, char)> = Vec::new();
    for &(code, _, c) in codes {
        match ranges.last_mut() {
            Some((first, last, start))
                if *last + 1 == code
                    && code & 0xFF00 == *first & 0xFF00
                    && (c as u32) == (*start as u32) + u32::from(code - *first)
                    && c.len_utf16() == 1 =>
            {
                *last = code
            }
            _ => ranges.push((code, code, c)),
        }
    }
    ranges.retain(|&(first, last, c)| {
        if first == last || c.len_utf16() != 1 {
            single.push((first, c));
            false
        } else {
            true
        }
    });
    let utf16 = |c: char| -> String {
        let mut units = [0u16; 2];
        c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect()
    };
    for chunk in single.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &(code, c) in chunk {
            s.push_str(&format!("<{code:04X}> <{}>\n", utf16(c)));
        }
        s.push_str("endbfchar\n");
    }
    for chunk in ranges.chunks(100) {
        s.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for &(first, last, c) in chunk {
            s.push_str(&format!("<{first:04X}> <{last:04X}> <{}>\n", utf16(c)));
        }
        s.push_str("endbfrange\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_characters_share_a_range_and_others_stand_alone() {
        let codes = [(1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c'), (4, 4, 'x'), (5, 5, '😀'), (6, 6, '😁')];
        let cmap = to_unicode_cmap(&codes);
        assert!(cmap.contains("1 beginbfrange\n<0001> <0003> <0061>\n"), "{cmap}");
        assert!(cmap.contains("<0004> <0078>\n"), "{cmap}");
        assert!(cmap.contains("<0005> <D83DDE00>\n<0006> <D83DDE01>\n"), "{cmap}");
    }
}
