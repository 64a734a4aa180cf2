//! Assembling the document: our subset fonts (`ABCDEF+NotoSans-Regular`), the pages' content,
//! the structure tree, the outline, link annotations, metadata (information dictionary and
//! XMP, with dates from the briefing), the sRGB output intent, the attached source YAML and
//! an `/ID` that is a hash of the content. Tagged PDF/UA-1 and PDF/A-3a; same input, same
//! bytes.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use md5::{Digest, Md5};

use super::content::{self, Drawn};
use super::embed::Plan;
use super::graphics::{add_image, watermark};
use super::image::Image;
use super::navigation::{links, outline, Descriptions};
use super::objects::{compress, compressed_stream, name, pdf_date, stream, text_string};
use super::structure::{self, Annotation};
use super::type0::{add_font, Program};
use super::writer::Writer;
use super::{icc, xmp, PdfError};
use crate::fonts::FontBook;
use crate::layout::Document;

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
    /// A draft (the metadata says so).
    pub draft: bool,
    /// Source files embedded as attachments (one for a briefing, one each in a dossier).
    pub attachments: Vec<Attachment>,
}

/// A file carried inside the PDF.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub data: Vec<u8>,
}

/// `names` made different from each other by a number before the extension (`x.yaml`,
/// `x-2.yaml`, `x-3.yaml`…): a dossier of two `x.yaml` from two folders carries both, and
/// `extract` writes both. A name given once is kept, and the first of several; the others are
/// numbered past every name given, so that a briefing really named `x-2.yaml` keeps its name
/// and the second `x.yaml` becomes `x-3.yaml` (text43b F43b-8: it took `x-2.yaml`, and the
/// real one became `x-2-2.yaml`). Each name costs about the same however many came before.
pub fn distinct_names(names: &[String]) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let taken: HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut made: HashSet<String> = HashSet::new();
    let mut kept: HashSet<&str> = HashSet::new();
    // For a name already given, the next number to try.
    let mut next: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if kept.insert(name) {
            out.push(name.clone());
            continue;
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
            _ => (name.as_str(), String::new()),
        };
        let mut n = next.get(name.as_str()).copied().unwrap_or(2);
        let candidate = loop {
            let candidate = format!("{stem}-{n}{ext}");
            n += 1;
            if !taken.contains(candidate.as_str()) && made.insert(candidate.clone()) {
                break candidate;
            }
        };
        next.insert(name, n);
        out.push(candidate);
    }
    out
}

/// How each attachment is described.
pub const ATTACHMENT_DESCRIPTION: &str = "Source of this briefing (YAML)";

/// What the document holds that does not depend on the drawing, compressed: each font's
/// subset program, the sRGB profile and the attached files. Cutting and compressing them
/// takes about as long as drawing a short briefing, so [`render`](super::render) makes
/// them on another thread while it draws one.
pub struct Parts {
    programs: Vec<Program>,
    profile: Vec<u8>,
    attached: Vec<Vec<u8>>,
}

impl Parts {
    pub fn new(plan: &Plan, fonts: &FontBook, meta: &Metadata) -> Result<Parts, PdfError> {
        Ok(Parts {
            programs: plan.programs(fonts)?,
            profile: srgb_compressed(),
            attached: meta.attachments.iter().map(|a| compress(&a.data)).collect(),
        })
    }
}

/// Builds the document from the layout and, for each run of pages, what the drawing layer
/// drew for every item (`runs`, drawn one run at a time so that only one run of pages is
/// in memory in the drawing layer's form at once). `parts` is asked for once the pages are
/// done: what the pages need of the fonts is only a reference, which is numbered first.
pub fn finish(
    runs: impl IntoIterator<Item = Result<Vec<Vec<Option<Drawn>>>, PdfError>>,
    doc: &Document,
    plan: &Plan,
    parts: impl FnOnce() -> Result<Parts, PdfError>,
    fonts: &FontBook,
    meta: &Metadata,
    logo: Option<&Image>,
) -> Result<Vec<u8>, PdfError> {
    let mut out = Writer::new();
    // MD5, as ISO 32000-1 (14.4) suggests for the file identifier: only its 16 bytes are used,
    // and it takes a third of the time of SHA-256 over the pages' content.
    let mut hash = Md5::new();
    let pages_id = out.new_object_id();

    // Fonts, shared by every page (`/F{i}` is plan font i), are added after the pages.
    let digests: Vec<[u8; 32]> = plan.fonts.iter().map(|font| font.digest(fonts)).collect();
    for digest in &digests {
        hash.update(digest);
    }
    let resources = out.new_object_id();
    let logo = logo.map(|img| add_image(&mut out, img, &mut hash));

    // Each owner's watermark, drawn once here and copied onto each of its pages.
    let watermarks: Vec<String> = doc
        .watermarks
        .iter()
        .map(|w| {
            w.as_ref().map_or_else(String::new, |w| String::from_utf8(watermark(doc, w, fonts)).unwrap_or_default())
        })
        .collect();
    let page_ids: Vec<ObjectId> = doc.pages.iter().map(|_| out.new_object_id()).collect();
    let mut marks = Vec::with_capacity(doc.pages.len());
    let mut annotations: Vec<Annotation> = Vec::new();
    let mut descriptions = Descriptions::default();
    for run in runs {
        for drawn in run? {
            let index = marks.len();
            let (Some(page), Some(&page_id)) = (doc.pages.get(index), page_ids.get(index)) else { break };
            let mark = doc.watermarks.get(page.owner).and_then(Option::as_ref);
            // The first page of a draft (each draft briefing's, in a dossier) reads its mark.
            let first_of_owner = index == 0 || doc.pages.get(index - 1).is_some_and(|p| p.owner != page.owner);
            let figure = mark.and_then(|w| w.node).filter(|_| first_of_owner);
            let drawn_mark = watermarks.get(page.owner).map_or("", String::as_str);
            let content = content::page(page, &drawn, doc.height, (drawn_mark, figure), &doc.structure, fonts);
            hash.update(&content.bytes);
            let content_id = out.add_object(stream(Dictionary::new(), &content.bytes));
            marks.push(content.marks);
            let mut dict = Dictionary::from_iter([
                ("Type", name("Page")),
                ("Parent", Object::Reference(pages_id)),
                ("MediaBox", vec![0.into(), 0.into(), Object::Real(doc.width), Object::Real(doc.height)].into()),
                ("Resources", Object::Reference(resources)),
                ("Contents", Object::Reference(content_id)),
                ("StructParents", Object::Integer(index as i64)),
            ]);
            let mut refs = Vec::new();
            for (node, mut annot) in links(doc, index, &page_ids, &mut descriptions) {
                let key = (doc.pages.len() + annotations.len()) as i64;
                annot.set("StructParent", Object::Integer(key));
                annot.set("P", Object::Reference(page_id));
                let id = out.add_object(annot);
                annotations.push(Annotation { node, page: index, id, key });
                refs.push(Object::Reference(id));
            }
            if !refs.is_empty() {
                // The page's /Annots holds references to the annotations (ISO 32000-1, table
                // 30); keyboard order follows the structure (PDF/UA-1, 7.18.3).
                dict.set("Annots", Object::Array(refs));
                dict.set("Tabs", name("S"));
            }
            out.insert(page_id, Object::Dictionary(dict));
        }
    }
    let page_ids = &page_ids[..marks.len()];
    let Parts { programs, profile, attached } = parts()?;
    let mut font_dict = Dictionary::new();
    for (i, ((font, program), digest)) in plan.fonts.iter().zip(programs).zip(&digests).enumerate() {
        let id = add_font(&mut out, font, program, digest, fonts);
        font_dict.set(format!("F{i}"), Object::Reference(id));
    }
    let mut resource_dict = Dictionary::from_iter([("Font", Object::Dictionary(font_dict))]);
    if let Some(id) = logo {
        resource_dict.set("XObject", Object::Dictionary(Dictionary::from_iter([("Logo", Object::Reference(id))])));
    }
    out.insert(resources, Object::Dictionary(resource_dict));
    out.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Pages")),
            ("Kids", Object::Array(page_ids.iter().map(|&id| Object::Reference(id)).collect())),
            ("Count", Object::Integer(page_ids.len() as i64)),
        ])),
    );
    let tree = structure::write(&mut out, &doc.structure, &marks, page_ids, &annotations);
    let profile = out.add_object(compressed_stream(Dictionary::from_iter([("N", Object::Integer(3))]), profile));
    let intent = Dictionary::from_iter([
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        ("OutputConditionIdentifier", text_string("sRGB IEC61966-2.1")),
        ("RegistryName", text_string("http://www.color.org")),
        ("Info", text_string("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);

    let mut catalog = Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
        ("Lang", text_string(&meta.lang)),
        ("ViewerPreferences", Object::Dictionary(Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]))),
        ("MarkInfo", Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))]))),
        ("StructTreeRoot", Object::Reference(tree)),
        ("OutputIntents", Object::Array(vec![Object::Dictionary(intent)])),
    ]);
    if let Some(outline) = outline(&mut out, doc, page_ids) {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", name("UseOutlines"));
    }
    if !meta.attachments.is_empty() {
        // A name tree's keys are unique and sorted; the first file keeps its name.
        let mut entries: Vec<(String, ObjectId)> = Vec::new();
        for (i, (a, compressed)) in meta.attachments.iter().zip(attached).enumerate() {
            hash.update(&a.data);
            let spec = attach(&mut out, a, compressed, meta.date);
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
    let catalog_id = out.new_object_id();

    let mut info = Dictionary::from_iter([
        ("Title", text_string(&meta.title)),
        ("Creator", text_string(super::PRODUCER)),
        ("Producer", text_string(super::PRODUCER)),
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
    hash.update([u8::from(meta.draft)]);
    let info_id = out.add_object(info);

    let digest = hash.finalize();
    let mut first16 = [0u8; 16];
    first16.copy_from_slice(&digest[..16]);
    // The packet is not compressed: PDF/A-2 and -3 allow it, but validators that follow the
    // stricter PDF/A-1 rule (page 0.11 among them) do not.
    let packet = xmp::packet(meta, super::PRODUCER, super::PRODUCER, &first16);
    let xmp_dict = Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]);
    let metadata = out.add_object(Stream::new(xmp_dict, packet.into_bytes()).with_compression(false));
    catalog.set("Metadata", Object::Reference(metadata));
    out.insert(catalog_id, Object::Dictionary(catalog));
    let id = Object::String(first16.to_vec(), StringFormat::Hexadecimal);
    let trailer = Dictionary::from_iter([
        ("Root", Object::Reference(catalog_id)),
        ("Info", Object::Reference(info_id)),
        ("ID", Object::Array(vec![id.clone(), id])),
    ]);
    Ok(out.finish(&trailer))
}

/// The sRGB profile, compressed once per process (a batch builds many PDFs).
fn srgb_compressed() -> Vec<u8> {
    static PROFILE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PROFILE.get_or_init(|| compress(&icc::srgb())).clone()
}

/// Embeds the source file (`compressed`, its data compressed); returns the file
/// specification's id.
fn attach(out: &mut Writer, a: &Attachment, compressed: Vec<u8>, date: i64) -> ObjectId {
    let file = out.add_object(compressed_stream(
        Dictionary::from_iter([
            ("Type", name("EmbeddedFile")),
            ("Subtype", name("application/yaml")),
            (
                "Params",
                Object::Dictionary(Dictionary::from_iter([
                    ("Size", Object::Integer(a.data.len() as i64)),
                    ("ModDate", pdf_date(date)),
                    ("CheckSum", Object::String(Md5::digest(&a.data).to_vec(), StringFormat::Hexadecimal)),
                ])),
            ),
        ]),
        compressed,
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
mod distinct_tests {
    use super::distinct_names;

    fn of(names: &[&str]) -> Vec<String> {
        distinct_names(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_name_given_once_is_kept_and_repeats_are_numbered_past_every_name() {
        assert_eq!(of(&["x.yaml", "x.yaml", "x-2.yaml"]), ["x.yaml", "x-3.yaml", "x-2.yaml"]);
        assert_eq!(of(&["x.yaml", "x.yaml", "x.yaml"]), ["x.yaml", "x-2.yaml", "x-3.yaml"]);
        assert_eq!(of(&["x-2.yaml", "x-2.yaml", "x.yaml", "x.yaml"]), ["x-2.yaml", "x-2-2.yaml", "x.yaml", "x-3.yaml"]);
        assert_eq!(of(&["README", "README"]), ["README", "README-2"]);
        let many: Vec<String> = (0..20_000).map(|_| "x.yaml".to_string()).collect();
        let given = distinct_names(&many);
        assert_eq!(given[19_999], "x-20000.yaml");
    }
}
