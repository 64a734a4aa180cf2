//! A run's files on their way to disk, page images among them: where each page goes
//! (`x-{p}.png`), the images of a whole run measured against what one run draws before any
//! is drawn, each image written as it is drawn (a run holds one at a time), and the pages an
//! earlier, longer version of the same output left behind removed once the new ones are in.

use crate::shown::Show;
use std::path::{Path, PathBuf};

use super::files::{self, Existing, Outputs, Reads};
use super::Error;
use crate::app::say::say;
use crate::document::Files;
use crate::raster::PageImages;
use crate::Format;

/// Where format `f` of an output is written: the output with the format's extension, and for
/// a format of one file per page, `{p}` where the page number goes (`x.pdf` → `x-{p}.png`),
/// once: an output named with its `{p}` already (`-o 'o-{p}.png'`, and so `o-{p}.en.png` for
/// a language) keeps it there, and the formats of one file leave it out (`o.en.pdf`).
/// The file of the format `-o` names keeps its extension as typed (`U.PDF`, `o.htm`; text31b
/// F31b-7, it was lowered when several formats were written).
pub fn format_path(base: &Path, f: Format) -> PathBuf {
    let placed = names_pages(base);
    let typed = base.extension().filter(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == f.extension() || (f == Format::Html && e == "htm")
    });
    let ext = typed.map_or_else(|| std::ffi::OsString::from(f.extension()), std::ffi::OsStr::to_os_string);
    match (f.per_page(), placed) {
        (true, true) => files::with_ext(base, &ext),
        (true, false) => files::sibling(base, "-{p}", &ext),
        (false, true) => files::with_ext(&without_page(base), &ext),
        (false, false) => files::with_ext(base, &ext),
    }
}

/// The file of each of `count` files of format `format` at `path`: `path` itself for one
/// file; for one per page, `path` with `{p}` replaced by each page number (`x-{p}.png` →
/// `x-1.png`…). A path without `{p}` takes one page only: more is a usage error, before
/// anything is written.
pub fn file_paths(path: &Path, format: Format, count: usize) -> Result<Vec<PathBuf>, Error> {
    if !format.per_page() || (count == 1 && !names_pages(path)) {
        return Ok(vec![path.to_path_buf()]);
    }
    if !names_pages(path) {
        let example = files::sibling(path, "-{p}", format.extension().as_ref());
        return Err(Error::Usage(format!(
            "{} names one image, but there are {count} pages: put {{p}} where the page number goes \
             (-o '{}' writes one file per page)",
            path.shown(),
            example.shown()
        )));
    }
    Ok((1..=count).map(|p| with_page(path, p)).collect())
}

/// `path` with its `{p}` (and a `-` or `_` before it) left out: the name of a format of one
/// file beside page images (`o-{p}.png` → `o.pdf`). The extension is set apart first, so that
/// `{p}.png` leaves an empty stem, refused by [`pattern_leaves_name`], never the hidden
/// `.png.pdf` (text49b F49b-5).
pub fn without_page(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 && !name[i..].contains("{p}") => name.split_at(i),
        _ => (name.as_str(), ""),
    };
    let stem = stem.replace("-{p}", "").replace("_{p}", "").replace("{p}", "");
    path.with_file_name(format!("{stem}{ext}"))
}

/// Where format `f` of `-o base` is written: `base` as typed when it is the one format asked
/// for (`exact`), except that a `{p}` pattern names a format of one file as it does beside
/// page images (`-o 'a-{p}.pdf'` writes `a.pdf` alone or with `--format pdf,html`; it wrote a
/// file named `a-{p}.pdf`: text49b F49b-5).
pub fn output_path(base: &Path, f: Format, exact: bool) -> PathBuf {
    if exact && (f.per_page() || !names_pages(base)) {
        base.to_path_buf()
    } else {
        format_path(base, f)
    }
}

/// Refuses a `-o` pattern that leaves no name for a format of one file once its `{p}` is left
/// out (`-o '{p}.png' --format pdf,png` wrote the PDF as the hidden `.png.pdf`: text49b F49b-5).
pub fn pattern_leaves_name(output: &Path, formats: &[Format]) -> Result<(), Error> {
    let Some(f) = formats.iter().find(|f| !f.per_page()) else { return Ok(()) };
    if !names_pages(output) {
        return Ok(());
    }
    let left = without_page(output);
    let name = left.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.is_empty() || name.starts_with('.') {
        return Err(Error::Usage(format!(
            "-o {} leaves no name for the {} once {{p}} is left out: put a name beside {{p}} \
             (-o 'out-{{p}}.png' writes out.{} and out-1.png…)",
            output.shown(),
            f.extension().to_uppercase(),
            f.extension()
        )));
    }
    Ok(())
}

/// Whether `path`'s file name holds `{p}`, where a page's number goes (a `{p}` in a folder's
/// name is that folder's: text31 F31b-2, `d-{p}/r.yaml` wrote `d-1/r-1.png`).
pub fn names_pages(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().contains("{p}"))
}

/// `path` with every `{p}` of its file name replaced by `page`, its other bytes kept.
pub fn with_page(path: &Path, page: usize) -> PathBuf {
    let Some(name) = path.file_name() else { return path.to_path_buf() };
    #[cfg(unix)]
    {
        use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
        let mut rest = name.as_bytes();
        let mut out = Vec::with_capacity(rest.len() + 8);
        while let Some(i) = rest.windows(3).position(|w| w == b"{p}") {
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(page.to_string().as_bytes());
            rest = &rest[i + 3..];
        }
        out.extend_from_slice(rest);
        path.with_file_name(std::ffi::OsString::from_vec(out))
    }
    #[cfg(not(unix))]
    path.with_file_name(name.to_string_lossy().replace("{p}", &page.to_string()))
}

/// The files of one run (or of one input of a batch), staged: those made are in temporary
/// files already; page images wait, measured, to be drawn by [`Staged::finish`] once the
/// whole run is known to be within what one run draws ([`within_budget`]).
pub struct Staged {
    writes: Outputs,
    /// Page images to draw, with where each page goes and which slot they fill.
    images: Vec<(PageImages, Vec<PathBuf>, usize)>,
    /// Each slot's bytes (one slot per [`Staged::add`]).
    bytes: Vec<usize>,
    /// Each `{p}` output, its new page count, the files its run reads (never removed), and
    /// the name of the briefing its pages are of (only its pages are removed).
    patterns: Vec<(PathBuf, usize, Reads, String)>,
}

impl Staged {
    pub fn new(existing: Existing) -> Staged {
        Staged { writes: Outputs::new(existing), images: Vec::new(), bytes: Vec::new(), patterns: Vec::new() }
    }

    /// Stages `files` of `format` at `path` (`x-{p}.png` for one per page), each file's path
    /// checked against what the run reads; the paths they go to, and the slot whose bytes
    /// [`Staged::finish`] reports.
    pub fn add(
        &mut self,
        path: &Path,
        format: Format,
        files: Files,
        reads: &Reads,
    ) -> Result<(Vec<PathBuf>, usize), Error> {
        let paths = file_paths(path, format, files.count())?;
        for p in &paths {
            reads.check_output(p)?;
            // (Each page, not only the name it is made from: `out2.png` linked to NOTES;
            // text33b F33b-1.)
            super::config::link_names_its_format(p, format)?;
        }
        if let Files::ToDraw(pages) = &files {
            if names_pages(path) {
                self.patterns.push((path.to_path_buf(), paths.len(), reads.clone(), pages.source().to_string()));
            }
        }
        let slot = self.bytes.len();
        match files {
            Files::Made(made) => {
                for (p, file) in paths.iter().zip(&made) {
                    self.writes.add(p, file)?;
                }
                self.bytes.push(made.iter().map(Vec::len).sum());
            }
            Files::ToDraw(pages) => {
                // Checked as a made file is (a read-only page, a FIFO), before any is drawn.
                for p in &paths {
                    files::target(p, self.writes.existing())?;
                }
                self.images.push((pages, paths.clone(), slot));
                self.bytes.push(0);
            }
        }
        Ok((paths, slot))
    }

    /// The page images still to draw: how many, at which resolution, and their pixels.
    fn images(&self) -> (usize, Option<f32>, u64) {
        let count = self.images.iter().map(|(p, _, _)| p.count()).sum();
        let pixels = self.images.iter().map(|(p, _, _)| p.pixels()).sum();
        (count, self.images.first().map(|(p, _, _)| p.ppi()), pixels)
    }

    /// Draws every page image, each written to its temporary file as it is made, then puts
    /// every file in place together, and removes the pages of each `{p}` output past its new
    /// last page that an earlier version wrote ([`remove_stale_pages`]). Each slot's bytes.
    pub fn finish(self) -> Result<Vec<usize>, Error> {
        let Staged { mut writes, images, mut bytes, patterns } = self;
        for (pages, paths, slot) in images {
            let ppi = pages.ppi();
            pages
                .draw(|i, png| -> Result<(), Drawn> {
                    bytes[slot] += png.len();
                    writes.add(&paths[i], &png)?;
                    Ok(())
                })
                .map_err(|e| match e {
                    Drawn::Raster(source) => {
                        Error::Render { what: format!("the page images at {ppi} ppi"), source: source.into() }
                    }
                    Drawn::Write(e) => e,
                })?;
        }
        let existing = writes.existing();
        // Pages past the new last one are an earlier version's only if that version reached
        // the new last page: a first build removes nothing (an `x-3.png` of the user's own
        // beside a two-page `x.yaml` is no page of ours).
        let earlier: Vec<bool> =
            patterns.iter().map(|(pattern, count, ..)| with_page(pattern, *count).exists()).collect();
        writes.commit()?;
        for ((pattern, count, reads, source), earlier) in patterns.into_iter().zip(earlier) {
            if earlier {
                remove_stale_pages(&pattern, count, existing, &reads, &source);
            }
        }
        Ok(bytes)
    }
}

/// Why drawing and writing a page image failed.
enum Drawn {
    Raster(crate::raster::RasterError),
    Write(Error),
}

impl From<crate::raster::RasterError> for Drawn {
    fn from(e: crate::raster::RasterError) -> Self {
        Drawn::Raster(e)
    }
}

impl From<Error> for Drawn {
    fn from(e: Error) -> Self {
        Drawn::Write(e)
    }
}

/// Refuses the run whose staged files (every language, every input of a batch) hold more page
/// images than one run draws (`what` names it: the input, "the 12 briefings"), before any is
/// drawn.
pub fn within_budget<'a>(staged: impl IntoIterator<Item = &'a Staged>, what: &str) -> Result<(), Error> {
    let (mut count, mut ppi, mut pixels) = (0, None, 0);
    for s in staged {
        let (c, p, x) = s.images();
        (count, pixels) = (count + c, pixels + x);
        ppi = ppi.or(p);
    }
    let Some(ppi) = ppi else { return Ok(()) };
    crate::raster::within_budget(count, ppi, pixels)
        .map_err(|source| Error::Render { what: what.to_string(), source: source.into() })
}

/// Removes the page images that an earlier, longer version of the output `pattern`
/// (`x-{p}.png`) left beyond its new last page `count`: `x-{count+1}.png`, then the next, for
/// as long as there is one, stopping at the first that is missing or is not a PNG file of
/// ours to remove (not a regular file, read-only unless `--force`, not a PNG image this tool
/// wrote, not a file the run reads: a logo named `x-4.png`). Said on the terminal, as
/// nothing is removed silently; one that cannot be removed is left and said so.
pub fn remove_stale_pages(
    pattern: &Path,
    count: usize,
    existing: Existing,
    reads: &Reads,
    source: &str,
) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for page in count + 1.. {
        let path = with_page(pattern, page);
        let kept = match stale_page(&path, existing, source) {
            Ok(()) if reads.check_output(&path).is_err() => Some(Kept::Read),
            kept => kept.err(),
        };
        if let Some(kept) = kept {
            // Nothing left unsaid: a page kept, or pages past a gap (text21b P21-6).
            let next = with_page(pattern, page + 1);
            match kept {
                Kept::Missing if std::fs::symlink_metadata(&next).is_ok() => say!(
                    "note: {} and the pages after it were left: {} is missing, so they may not be of this briefing",
                    next.shown(),
                    path.shown()
                ),
                Kept::Missing => {}
                kept => say!("note: {} and the pages after it were left: {}", path.shown(), kept.why()),
            }
            break;
        }
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) => {
                say!("note: {} (a page of an earlier version) was left: {e}", path.shown());
                break;
            }
        }
    }
    match removed.as_slice() {
        [] => {}
        [one] => say!("removed {}, a page of an earlier version", one.shown()),
        [first, .., last] => {
            say!("removed {} … {}, pages of an earlier version", first.shown(), last.shown())
        }
    }
    removed
}

/// Why a page past the new last one is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    Missing,
    NotAFile,
    ReadOnly,
    NotPng,
    NotOurs,
    OtherBriefing,
    Read,
}

impl Kept {
    fn why(self) -> &'static str {
        match self {
            Kept::Missing => "it is missing",
            Kept::NotAFile => "it is not a regular file",
            Kept::ReadOnly => "it is read-only (--force removes it)",
            Kept::NotPng => "it is not a PNG image",
            Kept::NotOurs => "it is not a page image briefing wrote",
            Kept::OtherBriefing => {
                "it is a page of another briefing (or of one built before page images named their briefing)"
            }
            Kept::Read => "this run reads it",
        }
    }
}

/// Whether `path` is a page image a run may remove (`Ok(())`), or why not: a regular file (a
/// link is not followed, nor removed), writable unless `existing` is `Force`, a PNG image
/// that carries this tool's mark and the name of the briefing `source` ([`crate::raster::marked_source`]).
fn stale_page(path: &Path, existing: Existing, source: &str) -> Result<(), Kept> {
    use std::io::Read as _;
    let meta = std::fs::symlink_metadata(path).map_err(|_| Kept::Missing)?;
    if !meta.file_type().is_file() {
        return Err(Kept::NotAFile);
    }
    if existing != Existing::Force && meta.permissions().readonly() {
        return Err(Kept::ReadOnly);
    }
    let mut head = Vec::with_capacity(crate::raster::MARK_WITHIN);
    let read = std::fs::File::open(path).and_then(|f| f.take(crate::raster::MARK_WITHIN as u64).read_to_end(&mut head));
    if read.is_err() || !head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(Kept::NotPng);
    }
    match crate::raster::marked_source(&head) {
        None => Err(Kept::NotOurs),
        Some(named) if named == source.as_bytes() => Ok(()),
        Some(_) => Err(Kept::OtherBriefing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of a page image of ours: PNG's signature, then the mark (its CRC not read).
    const OURS: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x11tEXtSoftware\0briefing\0\0\0\0\0\0\0\0IDAT";

    #[test]
    fn a_page_number_goes_only_where_the_file_name_says() {
        // text31 F31b-2: `d-{p}/r.yaml` wrote `d-1/r-1.png` and `d-2/r-2.png`.
        assert_eq!(with_page(Path::new("d-{p}/r-{p}.png"), 2), Path::new("d-{p}/r-2.png"));
        assert!(!names_pages(Path::new("d-{p}/r.png")) && names_pages(Path::new("d/r-{p}.png")));
        assert_eq!(format_path(Path::new("d-{p}/r.pdf"), Format::Png), Path::new("d-{p}/r-{p}.png"));
        // text31b F31b-7: -o's own format keeps its extension as typed.
        assert_eq!(format_path(Path::new("U.PDF"), Format::Pdf), Path::new("U.PDF"), "as typed");
        assert_eq!(format_path(Path::new("U.PDF"), Format::Html), Path::new("U.html"));
        assert_eq!(format_path(Path::new("U-{p}.PNG"), Format::Png), Path::new("U-{p}.PNG"));
        assert_eq!(format_path(Path::new("o.htm"), Format::Html), Path::new("o.htm"));
    }

    #[test]
    fn only_the_png_pages_past_the_new_last_one_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let png = |name: &str| std::fs::write(dir.path().join(name), OURS).unwrap();
        for p in 1..=6 {
            png(&format!("pg-{p}.png"));
        }
        // Not of the pattern, or past a gap: kept.
        png("pg-03.png");
        png("pg-8.png");
        png("pg-3.png.bak");
        png("other-3.png");
        let removed = remove_stale_pages(&dir.path().join("pg-{p}.png"), 2, Existing::Replace, &Reads::default(), "");
        let names: Vec<String> = removed.iter().map(|p| p.file_name().unwrap().to_string_lossy().into()).collect();
        assert_eq!(names, ["pg-3.png", "pg-4.png", "pg-5.png", "pg-6.png"]);
        let mut left: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        left.sort();
        assert_eq!(left, ["other-3.png", "pg-03.png", "pg-1.png", "pg-2.png", "pg-3.png.bak", "pg-8.png"]);
    }

    #[test]
    fn a_page_that_is_not_a_png_or_is_read_only_stops_the_removal() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        std::fs::write(at("x-2.png"), OURS).unwrap();
        std::fs::write(at("x-3.png"), b"my notes, not an image").unwrap();
        std::fs::write(at("x-4.png"), OURS).unwrap();
        assert_eq!(remove_stale_pages(&at("x-{p}.png"), 1, Existing::Replace, &Reads::default(), ""), [at("x-2.png")]);
        assert!(at("x-3.png").exists() && at("x-4.png").exists(), "not a PNG: it and what follows are kept");
        std::fs::write(at("y-2.png"), OURS).unwrap();
        let mut perms = std::fs::metadata(at("y-2.png")).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(at("y-2.png"), perms).unwrap();
        assert!(
            remove_stale_pages(&at("y-{p}.png"), 1, Existing::Replace, &Reads::default(), "").is_empty(),
            "read-only: kept"
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(at("x-4.png"), at("z-2.png")).unwrap();
            assert!(
                remove_stale_pages(&at("z-{p}.png"), 1, Existing::Replace, &Reads::default(), "").is_empty(),
                "a link: kept"
            );
        }
        // A file the run reads (a template's logo named like a page) is never removed.
        std::fs::write(at("w-2.png"), OURS).unwrap();
        let mut reads = Reads::default();
        reads.add(&at("w-2.png"), "logo");
        assert!(remove_stale_pages(&at("w-{p}.png"), 1, Existing::Replace, &reads, "").is_empty(), "read: kept");
        assert!(remove_stale_pages(&at("w-{p}.png"), 1, Existing::Replace, &Reads::default(), "").len() == 1);
    }

    #[test]
    fn a_png_image_briefing_did_not_write_is_never_removed() {
        // text29 F29b-1: a first build of a two-page `scan.yaml` removed `scan-3.png` …
        // `scan-5.png`, the user's own scans, once `scan-2.png` was one of them.
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        let theirs: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\0\0\0\0\0\0\0\0IDAT";
        let named_so: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\x0dtEXtSoftware\0gimp\0\0\0\0\0\0\0\0IDAT";
        std::fs::write(at("scan-2.png"), theirs).unwrap();
        std::fs::write(at("scan-3.png"), named_so).unwrap();
        std::fs::write(at("scan-4.png"), OURS).unwrap();
        assert!(remove_stale_pages(&at("scan-{p}.png"), 1, Existing::Force, &Reads::default(), "").is_empty());
        assert!(at("scan-2.png").exists() && at("scan-4.png").exists(), "theirs, and what follows, kept");
        std::fs::write(at("scan-2.png"), OURS).unwrap();
        assert_eq!(
            remove_stale_pages(&at("scan-{p}.png"), 1, Existing::Force, &Reads::default(), ""),
            [at("scan-2.png")]
        );
        assert!(at("scan-3.png").exists(), "another program's image is kept");
        // text30 F30b-1: `x.el-2.png`, a page of `x.el.yaml`, is no page of `x.yaml` in Greek.
        let of = |source: &str| {
            let chunk = [b"Source\0\0\0\0\0".as_slice(), source.as_bytes()].concat();
            let length = (chunk.len() as u32).to_be_bytes();
            [&OURS[..OURS.len() - 8], &length, b"iTXt", &chunk, b"\0\0\0\0", &OURS[OURS.len() - 8..]].concat()
        };
        std::fs::write(at("x.el-2.png"), of("x.el.yaml")).unwrap();
        assert!(remove_stale_pages(&at("x.el-{p}.png"), 1, Existing::Force, &Reads::default(), "x.yaml").is_empty());
        assert_eq!(
            remove_stale_pages(&at("x.el-{p}.png"), 1, Existing::Force, &Reads::default(), "x.el.yaml"),
            [at("x.el-2.png")]
        );
    }
}
