//! `briefing extract`: the source YAML a briefing PDF carries, written back out byte for byte
//! (a dossier carries one per briefing).

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use super::{write_atomic, Failure};

/// The embedded files of a PDF, in the order they were attached: (name, bytes).
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| format!("not a readable PDF ({e})"))?;
    let catalog = doc.catalog().map_err(|e| format!("no document catalog ({e})"))?;
    let deref = |o: &Object| doc.dereference(o).map(|(_, o)| o.clone()).ok();
    // The associated files (/AF) keep the order; the name tree is sorted by name.
    let specs: Vec<Object> = match catalog.get(b"AF").ok().and_then(deref) {
        Some(Object::Array(a)) => a,
        _ => {
            let tree = catalog
                .get(b"Names")
                .ok()
                .and_then(deref)
                .and_then(|n| n.as_dict().ok()?.get(b"EmbeddedFiles").ok().and_then(deref))
                .and_then(|e| e.as_dict().ok()?.get(b"Names").ok().and_then(deref));
            match tree {
                Some(Object::Array(a)) => a.into_iter().skip(1).step_by(2).collect(),
                _ => Vec::new(),
            }
        }
    };
    if specs.is_empty() {
        return Err("it carries no embedded source (built with --no-embed-source, or not made by briefing)".into());
    }
    let mut out = Vec::new();
    for spec in specs {
        let Some(Object::Dictionary(spec)) = deref(&spec) else { continue };
        let name = spec
            .get(b"UF")
            .or_else(|_| spec.get(b"F"))
            .ok()
            .and_then(decode_text)
            .unwrap_or_else(|| "briefing.yaml".into());
        let stream = spec
            .get(b"EF")
            .and_then(Object::as_dict)
            .and_then(|ef| ef.get(b"F"))
            .ok()
            .and_then(deref)
            .ok_or_else(|| format!("the embedded file {name} cannot be found"))?;
        let Object::Stream(stream) = stream else { return Err(format!("the embedded file {name} is not a stream")) };
        let data = if stream.dict.get(b"Filter").is_ok() {
            stream
                .decompressed_content()
                .map_err(|e| format!("the embedded file {name} cannot be decompressed ({e})"))?
        } else {
            stream.content.clone()
        };
        out.push((name, data));
    }
    Ok(out)
}

/// A PDF text string (PDFDocEncoding ASCII or UTF-16BE with BOM) as Rust text.
fn decode_text(o: &Object) -> Option<String> {
    let Object::String(bytes, _) = o else { return None };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    } else {
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

/// Writes every embedded file: to `output` (a file when there is one, a folder when there are
/// several), else under its own name beside the PDF, never overwriting an existing file.
pub fn extract(pdf: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let bytes = std::fs::read(pdf).map_err(|e| Failure::io("cannot read", pdf, e))?;
    let files =
        embedded_files(&bytes).map_err(|why| Failure::Io(format!("cannot extract from {}: {why}", pdf.display())))?;
    let beside = pdf.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for (name, data) in &files {
        // Only the file name: an attachment cannot steer where it is written.
        let file = Path::new(name).file_name().map_or_else(|| "briefing.yaml".into(), |f| f.to_owned());
        let target: PathBuf = match output {
            Some(o) if files.len() == 1 && !o.is_dir() => o.to_path_buf(),
            Some(dir) => dir.join(file),
            None => {
                let t = beside.join(file);
                if t.exists() {
                    return Err(Failure::Io(format!("{} exists; choose where to write with -o", t.display())));
                }
                t
            }
        };
        if std::path::absolute(&target).ok() == std::path::absolute(pdf).ok() {
            return Err(Failure::Io(format!("{} is the PDF itself; choose another file with -o", target.display())));
        }
        write_atomic(&target, data)?;
        eprintln!("wrote {} ({} bytes)", target.display(), data.len());
    }
    Ok(())
}
