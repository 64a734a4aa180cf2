//! Graphics drawn without genpdf: the DRAFT watermark (as glyph outlines) and images.

use lopdf::{Dictionary, Object, ObjectId, Stream};
use md5::{Digest, Md5};

use super::image::{Image, ImageKind};
use super::objects::{color_op, name, stream};
use super::writer::Writer;
use crate::fonts::FontBook;
use crate::layout::{Document, Watermark};

/// The DRAFT watermark, if any: the word's glyph outlines filled diagonally across the page,
/// rising from bottom left to top right and centred on the page. As shapes rather than text,
/// its letters never land in the middle of a sentence when the page's text is copied or
/// extracted (text extractors read rotated text and interleave it with the lines it crosses).
pub fn watermark(doc: &Document, w: &Watermark, fonts: &FontBook) -> Vec<u8> {
    let (pw, ph) = (doc.width, doc.height);
    let (sin, cos) = ph.atan2(pw).sin_cos();
    let size = w.size;
    // The vertical centre of the word: half the cap height of its first face.
    let half_cap = w
        .runs
        .first()
        .and_then(|(face, _)| fonts.metrics(*face))
        .map_or(0.35 * size, |m| size * m.em(m.cap_height) / 2.0);
    // The baseline's start, so that the word's centre sits on the page's centre.
    let x = pw / 2.0 - w.width / 2.0 * cos + half_cap * sin;
    let y = ph / 2.0 - w.width / 2.0 * sin - half_cap * cos;
    // A rotation (determinant 1): the word reads upwards along the diagonal.
    let mut ops = format!("q {} {cos:.5} {sin:.5} {:.5} {cos:.5} {x:.2} {y:.2} cm\n", color_op(w.color, "rg"), -sin);
    let mut pen = 0.0f32;
    for (face, text) in &w.runs {
        let Some(m) = fonts.metrics(*face) else { continue };
        let Ok(font) = rusttype::Font::from_bytes(&fonts.source(*face).data[..]) else { continue };
        // rusttype scales so that ascent - descent spans the given height.
        let scale = rusttype::Scale::uniform(size * (m.em(m.ascent) - m.em(m.descent)));
        for ch in text.chars() {
            let glyph = font.glyph(ch).scaled(scale);
            // Outlines come in font space (y up, as in PDF), from the glyph's origin.
            for contour in glyph.shape().unwrap_or_default() {
                let pt = |p: rusttype::Point<f32>| (pen + p.x, p.y);
                for (i, seg) in contour.segments.iter().enumerate() {
                    let (start, end) = match seg {
                        rusttype::Segment::Line(l) => (l.p[0], l.p[1]),
                        rusttype::Segment::Curve(q) => (q.p[0], q.p[2]),
                    };
                    if i == 0 {
                        let (sx, sy) = pt(start);
                        ops.push_str(&format!("{sx:.2} {sy:.2} m "));
                    }
                    match seg {
                        rusttype::Segment::Line(_) => {
                            let (ex, ey) = pt(end);
                            ops.push_str(&format!("{ex:.2} {ey:.2} l "));
                        }
                        // A quadratic curve as the cubic it equals.
                        rusttype::Segment::Curve(q) => {
                            let ((x0, y0), (x1, y1), (x2, y2)) = (pt(q.p[0]), pt(q.p[1]), pt(q.p[2]));
                            let (c1x, c1y) = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
                            let (c2x, c2y) = (x2 + 2.0 / 3.0 * (x1 - x2), y2 + 2.0 / 3.0 * (y1 - y2));
                            ops.push_str(&format!("{c1x:.2} {c1y:.2} {c2x:.2} {c2y:.2} {x2:.2} {y2:.2} c "));
                        }
                    }
                }
                ops.push_str("h\n");
            }
            pen += m.char_width(ch) * size;
        }
    }
    ops.push_str("f Q\n");
    ops.into_bytes()
}

/// Adds an image XObject (with a soft mask for transparency) and returns its id.
pub fn add_image(out: &mut Writer, img: &Image, hash: &mut Md5) -> ObjectId {
    let base = |components: u8| {
        let space = match components {
            1 => "DeviceGray",
            4 => "DeviceCMYK",
            _ => "DeviceRGB",
        };
        Dictionary::from_iter([
            ("Type", name("XObject")),
            ("Subtype", name("Image")),
            ("Width", Object::Integer(i64::from(img.width))),
            ("Height", Object::Integer(i64::from(img.height))),
            ("BitsPerComponent", Object::Integer(8)),
            ("ColorSpace", name(space)),
        ])
    };
    match &img.kind {
        ImageKind::Jpeg { data, components } => {
            hash.update(data);
            let mut dict = base(*components);
            dict.set("Filter", name("DCTDecode"));
            if *components == 4 {
                // Adobe's CMYK JPEGs store inverted samples.
                dict.set(
                    "Decode",
                    Object::Array([1, 0, 1, 0, 1, 0, 1, 0].iter().map(|&v| Object::Integer(v)).collect()),
                );
            }
            out.add_object(Stream::new(dict, data.clone()).with_compression(false))
        }
        ImageKind::Samples { data, components, alpha, .. } => {
            hash.update(data);
            let mut dict = base(*components);
            if let Some(alpha) = alpha {
                hash.update(alpha);
                let mask = out.add_object(stream(base(1), alpha));
                dict.set("SMask", Object::Reference(mask));
            }
            out.add_object(stream(dict, data))
        }
    }
}
