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
