//! Shared by the integration tests: running the binary, and reading the PDFs it writes
//! (text, pages, metadata, outline, fonts) with a PDF library, so no system tools are needed.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lopdf::{Document, Object};

/// The fixture folder.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A file of the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `briefing ARGS…` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the briefing binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The text of a PDF as a reader's tools extract it.
pub fn text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be extracted")
}

/// Text without whitespace, soft hyphens or line-break hyphens: what survives any wrapping.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{AD}' | '-' | '\u{2010}' | '\u{2011}')).collect()
}

/// Asserts that each piece occurs in `text`, in order (whitespace and hyphens ignored).
pub fn assert_in_order(text: &str, pieces: &[String]) {
    let hay = squash(text);
    let mut pos = 0;
    for piece in pieces {
        let needle = squash(piece);
        match hay[pos..].find(&needle) {
            Some(i) => pos += i + needle.len(),
            None => {
                let anywhere = hay.contains(&needle);
                panic!(
                    "{} in the PDF text: {piece:?}\n--- text ---\n{text}",
                    if anywhere { "out of order" } else { "missing" }
                );
            }
        }
    }
}

pub fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("a PDF lopdf can read")
}

pub fn page_count(pdf: &[u8]) -> usize {
    load(pdf).get_pages().len()
}

/// A PDF text string as Rust text.
pub fn decode(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = b[2..].chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(b, _) => b.iter().map(|&c| char::from(c)).collect(),
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => format!("{other:?}"),
    }
}

/// A value of the document information dictionary.
pub fn info(pdf: &[u8], key: &str) -> Option<String> {
    let doc = load(pdf);
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    info.as_dict().ok()?.get(key.as_bytes()).ok().map(decode)
}

/// The catalog's `/Lang`.
pub fn lang(pdf: &[u8]) -> Option<String> {
    let doc = load(pdf);
    doc.catalog().ok()?.get(b"Lang").ok().map(decode)
}

/// Outline entries as (depth, title, page number from 1), depth-first.
pub fn outline(pdf: &[u8]) -> Vec<(usize, String, usize)> {
    let doc = load(pdf);
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let mut out = Vec::new();
    let Ok(root) = doc.catalog().and_then(|c| c.get(b"Outlines")).and_then(|o| o.as_reference()) else {
        return out;
    };
    fn walk(
        doc: &Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        pages: &[lopdf::ObjectId],
        out: &mut Vec<(usize, String, usize)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let Ok(d) = doc.get_dictionary(id) else { return };
            let title = d.get(b"Title").map(decode).unwrap_or_default();
            let page = d
                .get(b"Dest")
                .and_then(|d| d.as_array())
                .ok()
                .and_then(|a| a.first())
                .and_then(|p| p.as_reference().ok())
                .and_then(|p| pages.iter().position(|&x| x == p))
                .map_or(0, |i| i + 1);
            out.push((depth, title, page));
            let kid = d.get(b"First").and_then(|o| o.as_reference()).ok();
            walk(doc, kid, depth + 1, pages, out);
            next = d.get(b"Next").and_then(|o| o.as_reference()).ok();
        }
    }
    let first = doc.get_dictionary(root).ok().and_then(|d| d.get(b"First").and_then(|o| o.as_reference()).ok());
    walk(&doc, first, 0, &pages, &mut out);
    out
}

/// Every font: (BaseFont, embedded font file is Flate-compressed).
pub fn fonts(pdf: &[u8]) -> Vec<(String, bool)> {
    let doc = load(pdf);
    let mut out = Vec::new();
    for (_, obj) in doc.objects.iter() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        let name = d.get(b"FontName").map(decode).unwrap_or_default();
        let compressed = d
            .get(b"FontFile2")
            .and_then(|r| r.as_reference())
            .and_then(|r| doc.get_object(r))
            .and_then(|o| o.as_stream())
            .map(|s| s.dict.get(b"Filter").and_then(|f| f.as_name()).ok() == Some(b"FlateDecode".as_slice()))
            .unwrap_or(false);
        out.push((name, compressed));
    }
    out.sort();
    out
}

/// The text of the pages without their running headers and footers: lines near the top or
/// foot of a page that recur (digits aside) on two or more pages. A paragraph that crosses a
/// page break is then whole again. (The same rule as the acceptance check's.)
pub fn body_text(pdf: &[u8]) -> String {
    let pages: Vec<Vec<String>> = page_texts(pdf)
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect())
        .collect();
    let key = |l: &str| l.trim().chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect::<String>();
    let edge = |n: usize, i: usize| i < 3 || i + 3 >= n;
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for page in &pages {
        let keys: std::collections::HashSet<String> =
            page.iter().enumerate().filter(|(i, _)| edge(page.len(), *i)).map(|(_, l)| key(l)).collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for page in &pages {
        for (i, l) in page.iter().enumerate() {
            if !(edge(page.len(), i) && seen.get(&key(l)).is_some_and(|&n| n >= 2)) {
                out.push(l.clone());
            }
        }
    }
    out.join("\n")
}

/// The text of each page separately.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("per-page text")
}

// ---- building ---------------------------------------------------------------------------

/// The seed briefing.
pub fn seed() -> PathBuf {
    repo("data/japan-eu-ict-workshop-10.yaml")
}

/// Runs `briefing ARGS…` in `dir` with `SOURCE_DATE_EPOCH` set.
pub fn run_with_epoch(dir: &Path, args: &[&str], epoch: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("the briefing binary runs")
}

/// Asserts that `briefing ARGS…` exited with `code`, showing its output if not.
#[track_caller]
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit status\n--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(o)
    );
}

/// Builds `yaml` (copied into `dir` under its own name) with `extra` arguments into
/// `dir/NAME.pdf`, asserts success and returns the PDF's bytes.
#[track_caller]
pub fn build_in(dir: &Path, yaml: &Path, extra: &[&str]) -> Vec<u8> {
    let name = yaml.file_name().expect("a file name");
    let input = dir.join(name);
    if input != yaml {
        std::fs::copy(yaml, &input).expect("copy the YAML");
    }
    let out = input.with_extension("pdf");
    let mut args = vec![input.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let args: Vec<&str> = std::iter::once("build").chain(args).collect();
    let o = run(dir, &args);
    assert_exit(&o, 0);
    std::fs::read(&out).expect("the PDF was written")
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a file");
    path
}

/// The seed's YAML with `from` replaced by `to` (which must occur).
#[track_caller]
pub fn seed_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(seed()).unwrap();
    assert!(text.contains(from), "the seed has no {from:?}");
    text.replacen(from, to, 1)
}

/// The names and contents of the files in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.path().is_file() { std::fs::read(e.path()).unwrap() } else { Vec::new() };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

// ---- what the YAML says ---------------------------------------------------------------------

/// The briefing in `path`, read and checked by the library as the CLI does.
pub fn briefing(path: &Path) -> briefing::model::Briefing {
    let limits = briefing::load::Limits::default();
    let file = briefing::load::read_source(path, &limits).unwrap_or_else(|e| panic!("{e}"));
    let fonts = briefing::fonts::FontBook::builtin();
    briefing::validate::load_briefing(&file, &limits, &|c| fonts.covers(c))
        .unwrap_or_else(|d| panic!("{}", briefing::diag::render_all(&file, &d)))
}

/// The briefing in `path` in each of its languages (`lang: [en, ja]`), in order.
pub fn briefings(path: &Path) -> Vec<briefing::model::Briefing> {
    let limits = briefing::load::Limits::default();
    let file = briefing::load::read_source(path, &limits).unwrap_or_else(|e| panic!("{e}"));
    let fonts = briefing::fonts::FontBook::builtin();
    briefing::validate::load_briefings(&file, &limits, &|c| fonts.covers(c))
        .unwrap_or_else(|d| panic!("{}", briefing::diag::render_all(&file, &d)))
}

/// Every piece of text of the briefing in `path` in reading order, as printed: title,
/// organisation, summary, heading, overview, each topic's title and body (Markdown markers
/// gone, link targets shown), then the contact block.
pub fn pieces(path: &Path) -> Vec<String> {
    pieces_of(&briefing(path))
}

/// [`pieces`] of a briefing read already.
pub fn pieces_of(b: &briefing::model::Briefing) -> Vec<String> {
    let mut out = vec![b.title.clone()];
    out.extend(b.organisation.clone());
    let blocks = |blocks: &[briefing::markdown::Block], out: &mut Vec<String>| {
        briefing::markdown::visit_text(blocks, &mut |t| {
            // A hard line break is a new line on the page.
            out.extend(t.split('\n').filter(|s| !s.trim().is_empty()).map(str::to_string))
        })
    };
    blocks(&b.summary, &mut out);
    out.extend(b.heading.clone());
    blocks(&b.overview, &mut out);
    for t in &b.topics {
        out.push(t.title.clone());
        blocks(&t.body, &mut out);
    }
    let c = &b.contact;
    let mut office = [&c.division, &c.bureau, &c.organisation];
    if largest_first(&b.lang) {
        office.reverse();
    }
    for field in [&c.note, &c.name].into_iter().chain(office).chain([&c.tel, &c.fax, &c.email, &c.url]) {
        out.extend(field.clone());
    }
    out
}

/// Whether the default template in language `lang` prints the contact's office from the
/// organisation down (Japanese), rather than from the division up.
pub fn largest_first(lang: &str) -> bool {
    use briefing::theme::{OfficeOrder, TemplateRef, Theme};
    let theme = Theme::resolve_for(TemplateRef::Builtin("default"), lang).unwrap();
    theme.labels.office_order == OfficeOrder::LargestFirst
}

// ---- reading PDFs ---------------------------------------------------------------------------

/// A run of text on a page, as drawn: position of its start (points, from the bottom-left),
/// font, size and advance width.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    /// The font's BaseFont (`ABCDEF+NotoSans-Regular`).
    pub font: String,
    pub size: f32,
    pub text: String,
    /// Width of what is drawn: the advance of the text up to its last non-space character (a
    /// line keeps the space it broke at, past its visible end).
    pub width: f32,
    /// Text rendering mode (`Tr`): 0 fill, 2 fill and stroke (synthetic bold).
    pub mode: i64,
    /// Horizontal shear of the text matrix (synthetic italic), 0 when upright.
    pub shear: f32,
    /// The marked-content id it is drawn under, if any.
    pub mcid: Option<i64>,
    /// Drawn inside an `/Artifact` marked-content sequence.
    pub artifact: bool,
    /// The fill colour (`rg`), red, green and blue from 0 to 1.
    pub color: [f32; 3],
    /// Each character drawn: where its glyph starts (x, with every `TJ` adjustment before it
    /// applied), its text, and its advance width, in points.
    pub glyphs: Vec<(f32, String, f32)>,
    /// The `/ActualText` span it is drawn in, if any: which one on the page (from 0), and
    /// the text it reads as (shared by every run in the span).
    pub actual: Option<(usize, String)>,
}

/// What `runs` read as, each `/ActualText` span once in place of its runs' glyphs: the text
/// a reader that honours `/ActualText` (and the structure tree's consumers) gets.
pub fn read_as(runs: &[&Run]) -> String {
    let mut out = String::new();
    let mut last = None;
    for r in runs {
        match &r.actual {
            Some((id, text)) => {
                if last != Some(*id) {
                    out.push_str(text);
                }
                last = Some(*id);
            }
            None => {
                out.push_str(&r.text);
                last = None;
            }
        }
    }
    out
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// A Type 0 font as the tests need it: name, code → text (ToUnicode) and code → width.
struct FontInfo {
    name: String,
    unicode: std::collections::HashMap<u16, String>,
    widths: std::collections::HashMap<u16, f32>,
}

fn font_info(doc: &Document, font: &lopdf::Dictionary) -> FontInfo {
    let deref = |o: &Object| doc.dereference(o).map(|(_, o)| o.clone()).ok();
    let name = font.get(b"BaseFont").map(decode).unwrap_or_default();
    let mut unicode = std::collections::HashMap::new();
    if let Some(Object::Stream(s)) = font.get(b"ToUnicode").ok().and_then(deref) {
        let data = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
        let cmap = String::from_utf8_lossy(&data).into_owned();
        let hex = |h: &str| -> Vec<u16> {
            h.as_bytes().chunks(4).filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok()).collect()
        };
        // `<code> <text>` lines (bfchar) and `<first> <last> <text>` lines (bfrange), which
        // is what briefing writes.
        for line in cmap.lines() {
            let parts: Vec<&str> = line.split(['<', '>']).map(str::trim).filter(|p| !p.is_empty()).collect();
            if !line.trim_start().starts_with('<') {
                continue;
            }
            match parts.as_slice() {
                [code, text] => {
                    if let (Some(&code), units) = (hex(code).first(), hex(text)) {
                        unicode.insert(code, String::from_utf16_lossy(&units));
                    }
                }
                [first, last, text] => {
                    if let (Some(&first), Some(&last), Some(&start)) =
                        (hex(first).first(), hex(last).first(), hex(text).first())
                    {
                        for code in first..=last {
                            let unit = start + (code - first);
                            unicode.insert(code, String::from_utf16_lossy(&[unit]));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut widths = std::collections::HashMap::new();
    let descendant =
        font.get(b"DescendantFonts").ok().and_then(deref).and_then(|a| a.as_array().ok()?.first().and_then(deref));
    if let Some(Object::Dictionary(cid)) = descendant {
        if let Some(Object::Array(w)) = cid.get(b"W").ok().and_then(deref) {
            let mut i = 0;
            while i < w.len() {
                let first = number(&w[i]) as u16;
                match w.get(i + 1).and_then(deref) {
                    Some(Object::Array(ws)) => {
                        for (k, v) in ws.iter().enumerate() {
                            widths.insert(first + k as u16, number(v));
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let (last, v) = (number(&last) as u16, w.get(i + 2).map_or(0.0, number));
                        for c in first..=last {
                            widths.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
    }
    FontInfo { name, unicode, widths }
}

/// Every text run of every page, in the order drawn. Reads the simple content briefing
/// writes: `BT … x y Td … /F size Tf [<hex>] TJ ET`; strings shown one after another with
/// only the character spacing set between them (`2.5 Tc <…> Tj`) are one run.
pub fn runs(pdf: &[u8]) -> Vec<Vec<Run>> {
    use lopdf::content::Content;
    let doc = load(pdf);
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let fonts: std::collections::HashMap<Vec<u8>, FontInfo> = doc
            .get_page_fonts(page_id)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, dict)| (name, font_info(&doc, dict)))
            .collect();
        let content = Content::decode(&doc.get_page_content(page_id).unwrap()).expect("a content stream");
        let mut out: Vec<Run> = Vec::new();
        let (mut x, mut y, mut leading) = (0.0f32, 0.0f32, 0.0f32);
        let (mut line_x, mut line_y) = (0.0f32, 0.0f32);
        let (mut mode, mut shear) = (0i64, 0.0f32);
        // Character spacing, added to each glyph's advance (text state: it outlives BT/ET).
        let mut spacing = 0.0f32;
        let mut color = [0.0f32; 3];
        let mut saved_modes = Vec::new();
        let mut font: Option<&FontInfo> = None;
        let mut size = 0.0f32;
        // Open marked-content sequences: (MCID, is an artifact, its /ActualText span).
        type Marked = (Option<i64>, bool, Option<(usize, String)>);
        let mut marked: Vec<Marked> = Vec::new();
        let mut spans = 0;
        // Whether the last operator showed text, with only a change of character spacing
        // since: the next text shown continues the same run.
        let mut continues = false;
        for op in &content.operations {
            let args = &op.operands;
            let shows = matches!(op.operator.as_str(), "Tj" | "TJ" | "'");
            if !shows && op.operator != "Tc" {
                continues = false;
            }
            match op.operator.as_str() {
                "BMC" | "BDC" => {
                    let tag = args.first().and_then(|t| t.as_name().ok()).unwrap_or_default();
                    let props = args.get(1).and_then(|d| d.as_dict().ok());
                    let mcid = props.and_then(|d| d.get(b"MCID").ok());
                    let actual = props.and_then(|d| d.get(b"ActualText").ok()).map(|t| {
                        spans += 1;
                        (spans - 1, decode(t))
                    });
                    marked.push((mcid.and_then(|m| m.as_i64().ok()), tag == b"Artifact", actual));
                }
                "EMC" => {
                    marked.pop();
                }
                "BT" => (x, y, line_x, line_y, shear) = (0.0, 0.0, 0.0, 0.0, 0.0),
                "q" => saved_modes.push((mode, color, spacing)),
                "Q" => (mode, color, spacing) = saved_modes.pop().unwrap_or((0, [0.0; 3], 0.0)),
                "Tc" => spacing = number(&args[0]),
                "rg" if args.len() == 3 => color = [number(&args[0]), number(&args[1]), number(&args[2])],
                "Tr" => mode = args[0].as_i64().unwrap_or(0),
                "TL" => leading = number(&args[0]),
                "Td" | "TD" => {
                    line_x += number(&args[0]);
                    line_y += number(&args[1]);
                    (x, y) = (line_x, line_y);
                    if op.operator == "TD" {
                        leading = -number(&args[1]);
                    }
                }
                "Tm" => {
                    shear = number(&args[2]);
                    (line_x, line_y) = (number(&args[4]), number(&args[5]));
                    (x, y) = (line_x, line_y);
                }
                "T*" => {
                    line_y -= leading;
                    (x, y) = (line_x, line_y);
                }
                "Tf" => {
                    font = args[0].as_name().ok().and_then(|n| fonts.get(n));
                    size = number(&args[1]);
                }
                "Tj" | "TJ" | "'" => {
                    let Some(f) = font else { continue };
                    let items: Vec<Object> = match &args[0] {
                        Object::Array(a) => a.clone(),
                        other => vec![other.clone()],
                    };
                    let (mut text, mut width, mut inked) = (String::new(), 0.0f32, 0.0f32);
                    let mut glyphs = Vec::new();
                    for item in &items {
                        match item {
                            Object::String(bytes, _) => {
                                for pair in bytes.chunks(2) {
                                    let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                                    let s = f.unicode.get(&code).map_or("\u{FFFD}", String::as_str);
                                    text.push_str(s);
                                    let advance = f.widths.get(&code).copied().unwrap_or(0.0) * size / 1000.0;
                                    glyphs.push((x + width, s.to_string(), advance));
                                    width += advance;
                                    if !s.chars().all(char::is_whitespace) {
                                        inked = width;
                                    }
                                    width += spacing;
                                }
                            }
                            other => width -= number(other) * size / 1000.0,
                        }
                    }
                    let mcid = marked.iter().rev().find_map(|m| m.0);
                    let artifact = marked.iter().any(|m| m.1);
                    let actual = marked.iter().rev().find_map(|m| m.2.clone());
                    let previous = out.last_mut().filter(|_| continues);
                    continues = true;
                    if let Some(run) = previous {
                        if inked > 0.0 {
                            run.width = x + inked - run.x;
                        }
                        run.text.push_str(&text);
                        run.glyphs.extend(glyphs);
                        x += width;
                        continue;
                    }
                    out.push(Run {
                        x,
                        y,
                        font: f.name.clone(),
                        size,
                        text,
                        width: inked,
                        mode,
                        shear,
                        mcid,
                        artifact,
                        color,
                        glyphs,
                        actual,
                    });
                    x += width;
                }
                _ => {}
            }
        }
        pages.push(out);
    }
    pages
}

/// A straight line stroked on a page, in PDF coordinates (y up), with its stroke colour.
#[derive(Debug, Clone, Copy)]
pub struct Stroke {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub color: [f32; 3],
}

/// The straight lines (`m … l S`) stroked on each page.
pub fn strokes(pdf: &[u8]) -> Vec<Vec<Stroke>> {
    use lopdf::content::Content;
    let doc = load(pdf);
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page_id).unwrap()).expect("a content stream");
        let mut out = Vec::new();
        let mut color = [0.0f32; 3];
        let mut saved = Vec::new();
        let mut path: Vec<(f32, f32)> = Vec::new();
        for op in &content.operations {
            let a = &op.operands;
            match op.operator.as_str() {
                "q" => saved.push(color),
                "Q" => color = saved.pop().unwrap_or([0.0; 3]),
                "RG" if a.len() == 3 => color = [number(&a[0]), number(&a[1]), number(&a[2])],
                "m" => path = vec![(number(&a[0]), number(&a[1]))],
                "l" => path.push((number(&a[0]), number(&a[1]))),
                "S" => {
                    for w in path.windows(2) {
                        out.push(Stroke { x1: w[0].0, y1: w[0].1, x2: w[1].0, y2: w[1].1, color });
                    }
                    path.clear();
                }
                "n" | "f" | "f*" | "B" => path.clear(),
                _ => {}
            }
        }
        pages.push(out);
    }
    pages
}

/// The small filled shapes of each page (list bullets): the centre and width of each filled
/// path's bounding box, for paths under 10 pt across.
pub fn bullets(pdf: &[u8]) -> Vec<Vec<(f32, f32, f32)>> {
    use lopdf::content::Content;
    contents(pdf)
        .iter()
        .map(|c| {
            let mut out = Vec::new();
            let mut points: Vec<(f32, f32)> = Vec::new();
            for op in Content::decode(c).expect("a content stream").operations {
                let a: Vec<f32> = op.operands.iter().map(number).collect();
                match op.operator.as_str() {
                    "m" | "l" => points.push((a[0], a[1])),
                    "c" => points.extend([(a[0], a[1]), (a[2], a[3]), (a[4], a[5])]),
                    "re" => points.extend([(a[0], a[1]), (a[0] + a[2], a[1] + a[3])]),
                    "f" | "f*" => {
                        let (x0, x1) =
                            points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
                        let (y0, y1) =
                            points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
                        if !points.is_empty() && x1 - x0 < 10.0 && y1 - y0 < 10.0 {
                            out.push(((x0 + x1) / 2.0, (y0 + y1) / 2.0, x1 - x0));
                        }
                        points.clear();
                    }
                    "S" | "s" | "n" | "B" | "b" => points.clear(),
                    _ => {}
                }
            }
            out
        })
        .collect()
}

/// The page size (width, height) of the first page, in points.
pub fn page_size(pdf: &[u8]) -> (f32, f32) {
    let doc = load(pdf);
    let (_, &first) = doc.get_pages().iter().next().map(|(k, v)| (*k, v)).expect("a page");
    let page = doc.get_dictionary(first).unwrap();
    let mb = page.get(b"MediaBox").and_then(|m| m.as_array()).expect("a MediaBox");
    (number(&mb[2]) - number(&mb[0]), number(&mb[3]) - number(&mb[1]))
}

/// Each page's decompressed content stream(s).
pub fn contents(pdf: &[u8]) -> Vec<Vec<u8>> {
    let doc = load(pdf);
    doc.get_pages().values().map(|&id| doc.get_page_content(id).unwrap()).collect()
}

/// Link annotations as (page number from 1, URI). Reads `/Annots` entries whether they are
/// references (as the PDF specification wants) or dictionaries written in place.
pub fn links(pdf: &[u8]) -> Vec<(usize, String)> {
    let doc = load(pdf);
    let mut out = Vec::new();
    for (n, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(id).unwrap();
        let annots = match page.get(b"Annots").ok().and_then(|o| doc.dereference(o).ok()) {
            Some((_, Object::Array(a))) => a.clone(),
            _ => Vec::new(),
        };
        for a in &annots {
            let Some(a) = doc.dereference(a).ok().and_then(|(_, o)| o.as_dict().ok()) else { continue };
            if a.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let action = a.get(b"A").ok().and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok());
            if let Some(uri) = action.and_then(|d| d.get(b"URI").ok()) {
                out.push((n + 1, decode(uri)));
            }
        }
    }
    out
}

/// A small PNG with transparency (RGBA), written by hand.
pub fn rgba_png(width: u32, height: u32) -> Vec<u8> {
    use std::io::Write as _;
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend_from_slice(&[
                (x * 7 % 256) as u8,
                (y * 9 % 256) as u8,
                120,
                if (x + y) % 5 == 0 { 0 } else { 220 },
            ]);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    let idat = z.finish().unwrap();
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

// ---- structure ------------------------------------------------------------------------------

/// A structure element as a reader gets it: its type, attributes, and what it holds in order.
#[derive(Debug, Clone)]
pub struct Elem {
    pub role: String,
    pub lang: Option<String>,
    pub alt: Option<String>,
    /// `/ActualText`: what the element reads as.
    pub actual: Option<String>,
    /// `/A` attributes, owner-less: `Scope`, `ListNumbering`…
    pub attrs: std::collections::BTreeMap<String, String>,
    pub kids: Vec<Held>,
}

/// What an element holds: another element, marked content (its text), or an annotation.
#[derive(Debug, Clone)]
pub enum Held {
    Elem(Elem),
    Text(String),
    Annot(lopdf::Dictionary),
}

impl Elem {
    /// The element and every element under it, depth first, in order.
    pub fn walk(&self) -> Vec<&Elem> {
        let mut out = vec![self];
        for k in &self.kids {
            if let Held::Elem(e) = k {
                out.extend(e.walk());
            }
        }
        out
    }

    /// All text under the element, in structure order.
    pub fn text(&self) -> String {
        self.kids
            .iter()
            .map(|k| match k {
                Held::Elem(e) => e.text(),
                Held::Text(t) => t.clone(),
                Held::Annot(_) => String::new(),
            })
            .collect()
    }

    /// What pdf.js reads for the element, and so a screen reader in Firefox: its alternative
    /// or actual text where it has one, else its children's, in structure order.
    pub fn heard(&self) -> String {
        self.alt.clone().or_else(|| self.actual.clone()).unwrap_or_else(|| {
            self.kids
                .iter()
                .map(|k| match k {
                    Held::Elem(e) => e.heard(),
                    Held::Text(t) => t.clone(),
                    Held::Annot(_) => String::new(),
                })
                .collect()
        })
    }

    pub fn children(&self) -> Vec<&Elem> {
        self.kids
            .iter()
            .filter_map(|k| match k {
                Held::Elem(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    pub fn annots(&self) -> Vec<&lopdf::Dictionary> {
        self.kids
            .iter()
            .filter_map(|k| match k {
                Held::Annot(a) => Some(a),
                _ => None,
            })
            .collect()
    }
}

/// The document's structure tree (the root's only child, `Document`), with the text of each
/// marked-content reference resolved from the pages.
pub fn structure(pdf: &[u8]) -> Elem {
    let doc = load(pdf);
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let runs = runs(pdf);
    let text_of = |page: usize, mcid: i64| -> String {
        runs.get(page)
            .map(|r| read_as(&r.iter().filter(|r| r.mcid == Some(mcid)).collect::<Vec<_>>()))
            .unwrap_or_default()
    };
    let catalog = doc.catalog().expect("a catalog");
    let root = doc
        .get_dictionary(catalog.get(b"StructTreeRoot").and_then(|r| r.as_reference()).expect("a structure tree"))
        .unwrap();
    fn elem(
        doc: &Document,
        d: &lopdf::Dictionary,
        pages: &[lopdf::ObjectId],
        text_of: &dyn Fn(usize, i64) -> String,
    ) -> Elem {
        let deref = |o: &Object| doc.dereference(o).map(|(_, o)| o.clone()).unwrap_or(Object::Null);
        let pg = d.get(b"Pg").ok().and_then(|p| p.as_reference().ok()).and_then(|p| pages.iter().position(|&x| x == p));
        let mut attrs = std::collections::BTreeMap::new();
        if let Ok(a) = d.get(b"A") {
            let list = match deref(a) {
                Object::Array(v) => v.iter().map(&deref).collect(),
                other => vec![other],
            };
            for a in list {
                if let Object::Dictionary(a) = a {
                    for (k, v) in a.iter() {
                        attrs.insert(String::from_utf8_lossy(k).into_owned(), decode(v));
                    }
                }
            }
        }
        // /K is one kid or an array of them; a kid that is a reference is an element.
        let kids = match d.get(b"K") {
            Ok(Object::Reference(r)) => match doc.get_object(*r) {
                Ok(Object::Array(v)) => v.clone(),
                _ => vec![Object::Reference(*r)],
            },
            Ok(Object::Array(v)) => v.clone(),
            Ok(Object::Null) | Err(_) => Vec::new(),
            Ok(other) => vec![other.clone()],
        };
        let mut held = Vec::new();
        for k in kids {
            match k {
                Object::Integer(mcid) => held.push(Held::Text(text_of(pg.unwrap_or(0), mcid))),
                Object::Reference(r) => {
                    if let Ok(child) = doc.get_dictionary(r) {
                        held.push(Held::Elem(elem(doc, child, pages, text_of)));
                    }
                }
                Object::Dictionary(k) => match k.get(b"Type").and_then(|t| t.as_name()).ok() {
                    Some(b"MCR") => {
                        let page = k.get(b"Pg").ok().and_then(|p| p.as_reference().ok());
                        let page = page.and_then(|p| pages.iter().position(|&x| x == p)).or(pg).unwrap_or(0);
                        let mcid = k.get(b"MCID").and_then(|m| m.as_i64()).unwrap_or(-1);
                        held.push(Held::Text(text_of(page, mcid)));
                    }
                    Some(b"OBJR") => {
                        let annot = k.get(b"Obj").and_then(|o| o.as_reference()).and_then(|o| doc.get_dictionary(o));
                        held.push(Held::Annot(annot.cloned().unwrap_or_default()));
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Elem {
            role: d.get(b"S").map(decode).unwrap_or_default(),
            lang: d.get(b"Lang").ok().map(decode),
            alt: d.get(b"Alt").ok().map(decode),
            actual: d.get(b"ActualText").ok().map(decode),
            attrs,
            kids: held,
        }
    }
    let top = root.get(b"K").and_then(|k| k.as_reference()).expect("one top element");
    elem(&doc, doc.get_dictionary(top).unwrap(), &pages, &text_of)
}

// ---- other readers ---------------------------------------------------------------------------

/// The text poppler's `pdftotext` (Debian poppler-utils) reads from `pdf`, or `None`, said on
/// stderr, when it is not installed.
pub fn poppler_text(pdf: &[u8]) -> Option<String> {
    read_with_tool(pdf, "pdftotext", &["-enc", "UTF-8"], "-")
}

/// The text MuPDF's `mutool draw -F txt` (Debian mupdf-tools) reads from `pdf`, or `None`,
/// said on stderr, when it is not installed or older than 1.23, the first to honour
/// `/ActualText` in text extraction.
pub fn mupdf_text(pdf: &[u8]) -> Option<String> {
    let version = std::process::Command::new("mutool").arg("-v").output().ok()?;
    let version = String::from_utf8_lossy(&version.stderr).to_string() + &String::from_utf8_lossy(&version.stdout);
    let number: Vec<u32> = version
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or("0")
        .split('.')
        .filter_map(|n| n.parse().ok())
        .collect();
    if number.as_slice() < [1, 23].as_slice() {
        eprintln!("skipped: mutool {} does not honour /ActualText (1.23 or newer does)", version.trim());
        return None;
    }
    read_with_tool(pdf, "mutool", &["draw", "-q", "-F", "txt", "-o", "-"], "")
}

fn read_with_tool(pdf: &[u8], tool: &str, args: &[&str], out: &str) -> Option<String> {
    let dir = tempdir();
    let path = dir.path().join("read.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = std::process::Command::new(tool);
    cmd.args(args).arg(&path);
    if !out.is_empty() {
        cmd.arg(out);
    }
    match cmd.output() {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => panic!("{tool} failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(_) => {
            eprintln!("skipped: {tool} is not installed");
            None
        }
    }
}

/// Every `/ActualText` of the pages' content (not artifacts), in order, as lopdf parses the
/// content streams.
pub fn actual_texts(pdf: &[u8]) -> Vec<String> {
    runs(pdf)
        .iter()
        .flat_map(|page| {
            let mut seen = std::collections::BTreeSet::new();
            page.iter()
                .filter(|r| !r.artifact)
                .filter_map(|r| r.actual.clone())
                .filter(|(id, _)| seen.insert(*id))
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
        })
        .collect()
}
