//! What the post-pass draws itself: the DRAFT watermark (as glyph outlines), list bullets
//! and the logo.

use lopdf::{Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::image::{Image, ImageKind};
use super::objects::{color_op, name, stream};
use crate::fonts::FontBook;
use crate::layout::{BulletShape, Document, Item};

/// The DRAFT watermark, if any: the word's glyph outlines filled diagonally across the page.
/// As shapes rather than text, its letters never land in the middle of a sentence when the
/// page's text is copied or extracted (text extractors read rotated text, even in
/// annotations, and interleave it with the lines it crosses).
pub fn watermark(doc: &Document, fonts: &FontBook) -> Vec<u8> {
    let Some(w) = doc.watermark.as_ref() else { return Vec::new() };
    let Some(m) = fonts.metrics(w.face) else { return Vec::new() };
    let Ok(font) = rusttype::Font::from_bytes(&fonts.source(w.face).data[..]) else { return Vec::new() };
    let (pw, ph) = (doc.width, doc.height);
    let (sin, cos) = ph.atan2(pw).sin_cos();
    let size = f32::from(w.size);
    // rusttype scales so that ascent - descent spans the given height.
    let scale = rusttype::Scale::uniform(size * (m.em(m.ascent) - m.em(m.descent)));
    let half_cap = size * m.em(m.cap_height) / 2.0;
    // Centre the text on the page centre, along the diagonal.
    let x = pw / 2.0 - w.width / 2.0 * cos + half_cap * sin;
    let y = ph / 2.0 - w.width / 2.0 * sin - half_cap * cos;
    let mut ops = format!("q {} {cos:.5} {sin:.5} {:.5} {cos:.5} {x:.2} {y:.2} cm\n", color_op(w.color, "rg"), -sin);
    let mut pen = 0.0f32;
    for ch in w.text.chars() {
        let glyph = font.glyph(ch).scaled(scale);
        let advance = glyph.h_metrics().advance_width;
        for contour in glyph.shape().unwrap_or_default() {
            // rusttype's y grows downwards; PDF's upwards.
            let pt = |p: rusttype::Point<f32>| (pen + p.x, -p.y);
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
        pen += advance;
    }
    ops.push_str("f Q\n");
    ops.into_bytes()
}

/// Adds an image XObject (with a soft mask for transparency) and returns its id.
pub fn add_image(out: &mut lopdf::Document, img: &Image, hash: &mut Sha256) -> ObjectId {
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
        ImageKind::Samples { data, components, alpha } => {
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

/// Drawing the logo where the layout put it on page `index`.
/// The list bullets of page `index`: a filled dot (four Bézier arcs) or bar, centred on the
/// height of the lower-case letters, in the text's colour.
pub fn bullet_ops(doc: &Document, index: usize) -> Vec<u8> {
    // Control-point distance of a quarter circle drawn as one cubic Bézier curve.
    const KAPPA: f32 = 0.552_284_8;
    let mut ops = String::new();
    for item in &doc.pages[index].items {
        let Item::Bullet { x, baseline, size, color, shape } = *item else { continue };
        // Half the x-height of a sans face, above the baseline (PDF y grows upwards).
        let cy = doc.height - baseline + 0.27 * size;
        let w = shape.width() * size;
        ops.push_str(&format!("q {} ", color_op(color, "rg")));
        match shape {
            BulletShape::Dot => {
                // Four quarter arcs, counter-clockwise from the rightmost point: each from
                // the centre plus `rad` along `u` to the centre plus `rad` along `v`.
                let rad = w / 2.0;
                let (cx, k) = (x + rad, rad * KAPPA);
                let point = |u: (f32, f32), a: f32, v: (f32, f32), b: f32| {
                    format!("{:.2} {:.2}", cx + a * u.0 + b * v.0, cy + a * u.1 + b * v.1)
                };
                let axes = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0)];
                ops.push_str(&format!("{} m ", point(axes[0], rad, axes[1], 0.0)));
                for pair in axes.windows(2) {
                    let (u, v) = (pair[0], pair[1]);
                    ops.push_str(&format!(
                        "{} {} {} c ",
                        point(u, rad, v, k),
                        point(v, rad, u, k),
                        point(v, rad, u, 0.0)
                    ));
                }
                ops.push_str("f Q\n");
            }
            BulletShape::Dash => {
                let h = 0.065 * size;
                ops.push_str(&format!("{x:.2} {:.2} {w:.2} {h:.2} re f Q\n", cy - h / 2.0));
            }
        }
    }
    ops.into_bytes()
}

pub fn logo_ops(doc: &Document, index: usize) -> Vec<u8> {
    let mut ops = String::new();
    for item in &doc.pages[index].items {
        if let Item::Logo { x, y, width, height } = item {
            let bottom = doc.height - y - height;
            ops.push_str(&format!("q {width:.2} 0 0 {height:.2} {x:.2} {bottom:.2} cm /Logo Do Q\n"));
        }
    }
    ops.into_bytes()
}
