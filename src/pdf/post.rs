//! The post-pass over genpdf's bytes: a fresh, compact document with our subset fonts
//! (`ABCDEF+NotoSans-Regular`), Flate-compressed streams, the outline, link annotations,
//! metadata with dates from the briefing, the DRAFT watermark, the attached source YAML and
//! an `/ID` that is a hash of the content. Same input, same bytes.

use std::io::Write as _;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::draw::resource_name;
use super::embed::{Plan, Slot};
use super::image::{Image, ImageKind};
use super::PdfError;
use crate::fonts::FontBook;
use crate::layout::{Document, Item};

/// What the PDF says about itself.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: String,
    pub author: Option<String>,
    pub subject: Option<String>,
    pub keywords: Vec<String>,
    /// BCP 47 language tag.
    pub lang: String,
    /// Creation and modification date, seconds since the Unix epoch (UTC).
    pub date: i64,
    /// Source files embedded as attachments (one for a briefing, one each in a dossier).
    pub attachments: Vec<Attachment>,
}

/// A file carried inside the PDF.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub data: Vec<u8>,
}

/// How each attachment is described.
pub const ATTACHMENT_DESCRIPTION: &str = "Source of this briefing (YAML)";

fn name(s: &str) -> Object {
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

fn pdf_date(unix: i64) -> Object {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let s = format!("D:{y:04}{m:02}{d:02}{:02}{:02}{:02}Z", secs / 3600, secs / 60 % 60, secs % 60);
    Object::String(s.into_bytes(), StringFormat::Literal)
}

fn compress(data: &[u8], level: flate2::Compression) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 3), level);
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// A Flate-compressed stream; small streams (fonts, maps) get the best compression.
fn stream(mut dict: Dictionary, data: &[u8]) -> Stream {
    dict.set("Filter", name("FlateDecode"));
    let level = if data.len() < 256 * 1024 { flate2::Compression::best() } else { flate2::Compression::default() };
    Stream::new(dict, compress(data, level)).with_compression(false)
}

/// Builds the final document from genpdf's output.
pub fn finish(
    raw: &[u8],
    doc: &Document,
    plan: &Plan,
    fonts: &FontBook,
    meta: &Metadata,
    logo: Option<&Image>,
) -> Result<Vec<u8>, PdfError> {
    let src = lopdf::Document::load_mem(raw)?;
    let mut out = lopdf::Document::with_version("1.7");
    let mut hash = Sha256::new();
    let pages_id = out.new_object_id();

    // Fonts, shared by every page under the names genpdf used in the content streams.
    let mut font_dict = Dictionary::new();
    for (i, slot) in plan.slots.iter().enumerate() {
        hash.update(&slot.data);
        let id = add_font(&mut out, slot, fonts);
        font_dict.set(resource_name(plan, i), Object::Reference(id));
    }
    let mut resources = Dictionary::from_iter([("Font", Object::Dictionary(font_dict))]);
    if let Some(img) = logo {
        let id = add_image(&mut out, img, &mut hash);
        resources.set("XObject", Object::Dictionary(Dictionary::from_iter([("Logo", Object::Reference(id))])));
    }
    let resources = out.add_object(resources);

    let watermark = watermark(doc, fonts);
    let mut page_ids = Vec::new();
    for (index, (_, page_id)) in src.get_pages().into_iter().enumerate() {
        let content = src.get_page_content(page_id)?;
        let mut body = watermark.clone();
        join_hex_strings(strip_layer(&content), &mut body);
        if logo.is_some() {
            body.extend(logo_ops(doc, index));
        }
        hash.update(&body);
        let content_id = out.add_object(stream(Dictionary::new(), &body));
        let mut page = Dictionary::from_iter([
            ("Type", name("Page")),
            ("Parent", Object::Reference(pages_id)),
            ("MediaBox", vec![0.into(), 0.into(), Object::Real(doc.width), Object::Real(doc.height)].into()),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(content_id)),
        ]);
        let annots = links(doc, index);
        if !annots.is_empty() {
            page.set("Annots", Object::Array(annots));
        }
        page_ids.push(out.add_object(page));
    }
    out.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Pages")),
            ("Kids", Object::Array(page_ids.iter().map(|&id| Object::Reference(id)).collect())),
            ("Count", Object::Integer(page_ids.len() as i64)),
        ])),
    );

    let mut catalog = Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
        ("Lang", text_string(&meta.lang)),
        ("ViewerPreferences", Object::Dictionary(Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]))),
    ]);
    if let Some(outline) = outline(&mut out, doc, &page_ids) {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", name("UseOutlines"));
    }
    if !meta.attachments.is_empty() {
        // A name tree's keys are unique and sorted; the first file keeps its name.
        let mut entries: Vec<(String, ObjectId)> = Vec::new();
        for (i, a) in meta.attachments.iter().enumerate() {
            hash.update(&a.data);
            let spec = attach(&mut out, a, meta.date);
            let mut key = a.name.clone();
            if entries.iter().any(|(k, _)| *k == key) {
                key = format!("{} ({})", a.name, i + 1);
            }
            entries.push((key, spec));
        }
        let specs: Vec<Object> = entries.iter().map(|(_, id)| Object::Reference(*id)).collect();
        let mut sorted = entries.clone();
        sorted.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        let names: Vec<Object> = sorted.iter().flat_map(|(k, id)| [text_string(k), Object::Reference(*id)]).collect();
        let tree = Dictionary::from_iter([("Names", Object::Array(names))]);
        catalog.set("Names", Object::Dictionary(Dictionary::from_iter([("EmbeddedFiles", Object::Dictionary(tree))])));
        catalog.set("AF", Object::Array(specs));
    }
    let catalog_id = out.add_object(catalog);

    let mut info = Dictionary::from_iter([
        ("Title", text_string(&meta.title)),
        ("Creator", text_string(concat!("briefing ", env!("CARGO_PKG_VERSION")))),
        ("Producer", text_string(concat!("briefing ", env!("CARGO_PKG_VERSION"), " (genpdf 0.2, printpdf 0.3)"))),
        ("CreationDate", pdf_date(meta.date)),
        ("ModDate", pdf_date(meta.date)),
    ]);
    if let Some(a) = &meta.author {
        info.set("Author", text_string(a));
    }
    if let Some(s) = &meta.subject {
        info.set("Subject", text_string(s));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&meta.keywords.join("; ")));
    }
    for value in [&meta.title, &meta.lang, meta.author.as_deref().unwrap_or(""), meta.subject.as_deref().unwrap_or("")]
    {
        hash.update(value.as_bytes());
        hash.update([0]);
    }
    hash.update(meta.keywords.join("\n").as_bytes());
    hash.update(meta.date.to_be_bytes());
    let info_id = out.add_object(info);

    let digest = hash.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    out.trailer.set("Root", Object::Reference(catalog_id));
    out.trailer.set("Info", Object::Reference(info_id));
    out.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    out.max_id = out.objects.keys().map(|k| k.0).max().unwrap_or(0);
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|e| PdfError::Backend(e.to_string()))?;
    Ok(bytes)
}

/// printpdf wraps each page in an optional-content layer (`/OC /MC0 BDC q … Q EMC`); a
/// briefing has no layers, so the wrapper goes (keeping the `q … Q`).
fn strip_layer(content: &[u8]) -> &[u8] {
    let start = content.windows(4).position(|w| w == b"BDC\n").map_or(0, |i| i + 4);
    let end = if content.ends_with(b"EMC\n") {
        content.len() - 4
    } else if content.ends_with(b"EMC") {
        content.len() - 3
    } else {
        content.len()
    };
    if start <= end {
        &content[start..end]
    } else {
        content
    }
}

/// printpdf writes a TJ array with one hex string per character (`[<0041><0042>] TJ`);
/// adjacent hex strings are one string (`[<00410042>] TJ`), a third of the bytes. Our content
/// has no dictionaries once the layer wrapper is gone, so `><` only ever joins two strings.
fn join_hex_strings(content: &[u8], out: &mut Vec<u8>) {
    out.reserve(content.len());
    let mut i = 0;
    while i < content.len() {
        if content[i] == b'>' && content.get(i + 1) == Some(&b'<') {
            i += 2;
        } else {
            out.push(content[i]);
            i += 1;
        }
    }
}

/// A six-letter subset tag derived from what the subset holds, so it is stable across runs.
fn subset_tag(slot: &Slot) -> String {
    let digest = Sha256::digest(&slot.data);
    digest[..6].iter().map(|b| char::from(b'A' + b % 26)).collect()
}

/// Adds one Type 0 font (CIDFontType2 descendant, Identity-H) and returns its id.
fn add_font(out: &mut lopdf::Document, slot: &Slot, fonts: &FontBook) -> ObjectId {
    let source = fonts.source(slot.face);
    let metrics = fonts.metrics(slot.face);
    let base = format!("{}+{}", subset_tag(slot), source.name);
    let scale = |v: i16| metrics.map_or(0.0, |m| f64::from(m.em(v)) * 1000.0);
    let mut codes: Vec<(u16, u16, char)> = slot.chars.iter().map(|(&c, e)| (e.code, e.glyph, c)).collect();
    codes.sort_unstable();
    codes.dedup_by_key(|c| c.0);

    let file = out
        .add_object(stream(Dictionary::from_iter([("Length1", Object::Integer(slot.data.len() as i64))]), &slot.data));
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

    let identity = codes.iter().all(|&(code, glyph, _)| code == glyph);
    let cid_to_gid = if identity {
        name("Identity")
    } else {
        let max = codes.last().map_or(0, |c| usize::from(c.0));
        let mut map = vec![0u8; 2 * (max + 1)];
        for &(code, glyph, _) in &codes {
            map[2 * usize::from(code)..2 * usize::from(code) + 2].copy_from_slice(&glyph.to_be_bytes());
        }
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

/// The ToUnicode CMap: two-byte code → the character it prints (UTF-16BE).
fn to_unicode_cmap(codes: &[(u16, u16, char)]) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in codes.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &(code, _, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
            s.push_str(&format!("<{code:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// The DRAFT watermark, if any: the word's glyph outlines filled diagonally across the page.
/// As shapes rather than text, its letters never land in the middle of a sentence when the
/// page's text is copied or extracted (text extractors read rotated text, even in
/// annotations, and interleave it with the lines it crosses).
fn watermark(doc: &Document, fonts: &FontBook) -> Vec<u8> {
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
    let c = w.color;
    let mut ops = format!(
        "q {:.3} {:.3} {:.3} rg {cos:.5} {sin:.5} {:.5} {cos:.5} {x:.2} {y:.2} cm\n",
        f32::from(c.0) / 255.0,
        f32::from(c.1) / 255.0,
        f32::from(c.2) / 255.0,
        -sin
    );
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
fn add_image(out: &mut lopdf::Document, img: &Image, hash: &mut Sha256) -> ObjectId {
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
fn logo_ops(doc: &Document, index: usize) -> Vec<u8> {
    let mut ops = String::new();
    for item in &doc.pages[index].items {
        if let Item::Logo { x, y, width, height } = item {
            let bottom = doc.height - y - height;
            ops.push_str(&format!("q {width:.2} 0 0 {height:.2} {x:.2} {bottom:.2} cm /Logo Do Q\n"));
        }
    }
    ops.into_bytes()
}

/// Link annotations for the links on page `index`.
fn links(doc: &Document, index: usize) -> Vec<Object> {
    let h = doc.height;
    doc.pages[index]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Link { x, y, width, height, target } => Some(Object::Dictionary(Dictionary::from_iter([
                ("Type", name("Annot")),
                ("Subtype", name("Link")),
                (
                    "Rect",
                    [*x, h - (y + height), x + width, h - y]
                        .iter()
                        .map(|&v| Object::Real((v * 100.0).round() / 100.0))
                        .collect::<Vec<_>>()
                        .into(),
                ),
                ("Border", vec![0.into(), 0.into(), 0.into()].into()),
                (
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("S", name("URI")),
                        ("URI", Object::String(target.as_bytes().to_vec(), StringFormat::Literal)),
                    ])),
                ),
            ]))),
            _ => None,
        })
        .collect()
}

/// The outline: entries nest by level (sections, topics under them; in a dossier, each
/// briefing above its sections). Each opens its page at the heading.
fn outline(out: &mut lopdf::Document, doc: &Document, page_ids: &[ObjectId]) -> Option<ObjectId> {
    if doc.outline.is_empty() || page_ids.is_empty() {
        return None;
    }
    let root = out.new_object_id();
    let ids: Vec<ObjectId> = doc.outline.iter().map(|_| out.new_object_id()).collect();
    // Parent of each entry (None: the root), found with a stack of open entries.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(ids.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in doc.outline.iter().enumerate() {
        while stack.last().is_some_and(|&p| doc.outline[p].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> { (0..ids.len()).filter(|&i| parent[i] == p).collect() };
    let link = |list: &[usize], out: &mut lopdf::Document, parent_id: ObjectId| {
        for (n, &i) in list.iter().enumerate() {
            let e = &doc.outline[i];
            let page = page_ids.get(e.page).copied().unwrap_or(page_ids[0]);
            let top = (doc.height - e.y + 4.0).round();
            let mut d = Dictionary::from_iter([
                ("Title", text_string(&e.title)),
                ("Parent", Object::Reference(parent_id)),
                (
                    "Dest",
                    Object::Array(vec![
                        Object::Reference(page),
                        name("XYZ"),
                        Object::Null,
                        Object::Real(top),
                        Object::Null,
                    ]),
                ),
            ]);
            if n > 0 {
                d.set("Prev", Object::Reference(ids[list[n - 1]]));
            }
            if n + 1 < list.len() {
                d.set("Next", Object::Reference(ids[list[n + 1]]));
            }
            let kids = children(Some(i));
            if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
                d.set("First", Object::Reference(ids[f]));
                d.set("Last", Object::Reference(ids[l]));
                // Open, showing every descendant.
                let descendants = (0..ids.len()).filter(|&j| {
                    let mut p = parent[j];
                    while let Some(q) = p {
                        if q == i {
                            return true;
                        }
                        p = parent[q];
                    }
                    false
                });
                d.set("Count", Object::Integer(descendants.count() as i64));
            }
            out.objects.insert(ids[i], Object::Dictionary(d));
        }
    };
    for p in std::iter::once(None).chain((0..ids.len()).map(Some)) {
        let list = children(p);
        if !list.is_empty() {
            link(&list, out, p.map_or(root, |p| ids[p]));
        }
    }
    let top = children(None);
    out.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Outlines")),
            ("First", Object::Reference(ids[top[0]])),
            ("Last", Object::Reference(ids[top[top.len() - 1]])),
            ("Count", Object::Integer(ids.len() as i64)),
        ])),
    );
    Some(root)
}

/// Embeds the source file; returns the file specification's id.
fn attach(out: &mut lopdf::Document, a: &Attachment, date: i64) -> ObjectId {
    let file = out.add_object(stream(
        Dictionary::from_iter([
            ("Type", name("EmbeddedFile")),
            ("Subtype", name("application/yaml")),
            (
                "Params",
                Object::Dictionary(Dictionary::from_iter([
                    ("Size", Object::Integer(a.data.len() as i64)),
                    ("ModDate", pdf_date(date)),
                ])),
            ),
        ]),
        &a.data,
    ));
    out.add_object(Dictionary::from_iter([
        ("Type", name("Filespec")),
        ("F", text_string(&a.name)),
        ("UF", text_string(&a.name)),
        ("Desc", text_string(ATTACHMENT_DESCRIPTION)),
        ("AFRelationship", name("Source")),
        (
            "EF",
            Object::Dictionary(Dictionary::from_iter([
                ("F", Object::Reference(file)),
                ("UF", Object::Reference(file)),
            ])),
        ),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn adjacent_hex_strings_join() {
        let mut out = Vec::new();
        join_hex_strings(b"[<0041><0042>] TJ\n[<0043>] TJ", &mut out);
        assert_eq!(out, b"[<00410042>] TJ\n[<0043>] TJ");
    }

    #[test]
    fn reading_back_a_pdf_of_many_objects_is_linear() {
        // `finish` reads genpdf's whole output back in. lopdf 0.35 to 0.40 counted the lines
        // before every object it parsed, so that took time quadratic in the page count: half
        // of a 1,000-page build, and minutes for 6,000 pages.
        let mut doc = lopdf::Document::with_version("1.7");
        let ids: Vec<Object> = (0..20_000)
            .map(|_| Object::Reference(doc.add_object(Stream::new(Dictionary::new(), vec![b'\n'; 100]))))
            .collect();
        let root = doc.add_object(Dictionary::from_iter([("Kids", Object::Array(ids))]));
        doc.trailer.set("Root", Object::Reference(root));
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        let start = std::time::Instant::now();
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        assert!(start.elapsed().as_secs() < 10, "{} bytes took {:?}", bytes.len(), start.elapsed());
        let kids = back.get_dictionary(root).and_then(|d| d.get(b"Kids")).and_then(Object::as_array).unwrap();
        assert_eq!(kids.len(), 20_000);
    }

    #[test]
    fn layer_wrapper_is_removed() {
        assert_eq!(strip_layer(b"/OC /MC0 BDC\nq\nBT ET\nQ\nEMC\n"), b"q\nBT ET\nQ\n");
        assert_eq!(strip_layer(b"q Q"), b"q Q");
    }
}
