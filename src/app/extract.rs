//! `briefing extract`: the source YAML a briefing PDF carries, written back out byte for byte
//! (a dossier carries one per briefing). The PDF may come from anyone: it is read within
//! limits (its size, how deep its objects nest, how large an attachment decompresses), each
//! attachment is checked against the size and checksum the PDF records for it, and attachment
//! names cannot steer where a file is written or what the terminal shows.

use crate::shown::Show;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lopdf::{Document, Object};
use md5::Digest as _;

use super::error::{Error, FileKind};
use super::files::{self, Existing, FileId};
use crate::app::say::say;
use limits::{Budget, Over};
use scan::{measure, nesting, Measure, Text};

/// The most an attachment may decompress to: a briefing's own limit.
const MAX_ATTACHMENT: u64 = FileKind::Briefing.limit();

/// The most all attachments of one PDF may come to, decompressed: a few times what a dossier
/// carries (its briefings are 4 MiB together), far less than memory (text43b F43b-9: 1,000
/// attachments of 4 MiB each were all held at once, 4 GB).
const MAX_ATTACHMENTS_TOTAL: u64 = 4 * super::bundle::MAX_BYTES;

/// The longest text one object of a PDF given to `extract` may have, its stream data aside:
/// lopdf parses each whole, at some 40 times its size (a briefing's catalog and list of
/// attachments are a few kilobytes; a page tree of 100,000 pages about 1 MiB).
const MAX_OBJECT_TEXT: u64 = 4 << 20;

/// How deep arrays and dictionaries may nest in a PDF given to `extract` (briefing's own nest
/// a few levels; lopdf's parser recurses once per level).
const MAX_NESTING: usize = 64;

/// The most attachments `extract` reads from one PDF: as many as a dossier carries.
const MAX_ATTACHMENTS: usize = super::bundle::MAX_BRIEFINGS;

/// How deep an embedded-files name tree may nest (briefing writes one level; a tree of
/// [`MAX_ATTACHMENTS`] needs very few).
const MAX_TREE_DEPTH: usize = 32;

/// How many files `extract` writes beside the PDF without being given a folder.
const MAX_BESIDE: usize = 50;

mod lengths;
mod limits;
mod objstm;
mod places;
mod scan;

/// An attachment: its name as the PDF gives it, and its bytes.
#[derive(Debug)]
pub struct Attached {
    pub name: String,
    pub data: Vec<u8>,
}

/// The most an object stream may decompress to: far more than the few hundred objects a
/// writer puts in one, far less than memory.
const MAX_OBJECT_STREAM: u64 = 64 << 20;

/// A PDF's objects, each read from the file when it is asked for: `extract` needs the catalog,
/// the list of attachments and the attachments, not the pages, fonts and structure a dossier
/// holds by the million (text42b F42b-10: a 41 MB dossier loaded whole took 2.4 GB). Only the
/// cross-reference table is read whole; an object stream is decompressed (within
/// [`MAX_OBJECT_STREAM`]) only when an object in it is asked for, and no other stream is.
struct Objects<'a> {
    reader: lopdf::Reader<'a>,
    /// The object streams read last, the latest first, decompressed: together at most
    /// [`MAX_OBJECT_STREAM`] (a dossier's attachments and their entries lie in a few streams,
    /// read in turn). Their objects are parsed one at a time, when asked for.
    recent: std::cell::RefCell<Vec<(u32, Rc<objstm::Objects>)>>,
    /// What may still be parsed of the objects in object streams, for the whole read.
    parsed: std::cell::Cell<u64>,
    /// What may still be decompressed, for the whole read.
    budget: &'a Budget,
}

impl<'a> Objects<'a> {
    /// Reads the cross-reference table of `pdf` (lopdf reads every object once on the way
    /// and keeps none: nothing is decompressed but the table itself).
    fn open(pdf: &'a [u8], budget: &'a Budget) -> Result<Self, String> {
        let options = lopdf::LoadOptions { filter: Some(|_, _| None), ..Default::default() };
        let document =
            Document::load_mem_with_options(pdf, options).map_err(|e| format!("it is not a readable PDF ({e})"))?;
        let reader = lopdf::Reader {
            buffer: pdf,
            document,
            encryption_state: None,
            raw_objects: Default::default(),
            password: None,
            strict: false,
        };
        Ok(Objects { reader, recent: Default::default(), parsed: objstm::MAX_PARSED.into(), budget })
    }

    fn trailer(&self) -> &lopdf::Dictionary {
        &self.reader.document.trailer
    }

    /// The object `id`, read from the file; `Err` for one held in an object stream that
    /// decompresses past [`MAX_OBJECT_STREAM`], `Ok(None)` for one that is missing.
    fn get(&self, id: lopdf::ObjectId) -> Result<Option<Object>, String> {
        let Some(lopdf::xref::XrefEntry::Compressed { container, .. }) =
            self.reader.document.reference_table.get(id.0).cloned()
        else {
            return Ok(self.reader.get_object(id, &mut Default::default()).ok());
        };
        // An object stream lies in the file, never in an object stream (lopdf looked it up in
        // itself, recursing until the stack overflowed: text43b F43b-11).
        if let Some(lopdf::xref::XrefEntry::Compressed { container: outer, .. }) =
            self.reader.document.reference_table.get(container)
        {
            return Err(format!(
                "it is damaged: the object stream (object {container}) that holds object {} is said to lie in \
                 an object stream itself (object {outer}); it was not read",
                id.0
            ));
        }
        let cached = self.recent.borrow().iter().find(|(c, _)| *c == container).map(|(_, o)| o.clone());
        let objects = match cached {
            Some(objects) => objects,
            None => {
                let Ok(Object::Stream(mut stream)) = self.reader.get_object((container, 0), &mut Default::default())
                else {
                    return Ok(None);
                };
                // Decompressed here, within limits: lopdf decompresses a stream whole.
                let refused = |why: String| Err(format!("an object stream it needs {why}; it was not read"));
                match limits::flate_only(&stream) {
                    Err(filters) => return refused(format!("uses a filter briefing does not read ({filters})")),
                    Ok(false) => {}
                    Ok(true) => match self.budget.inflate(&stream.content, MAX_OBJECT_STREAM) {
                        Err(Over::Stream) => {
                            return refused(format!(
                                "decompresses to more than {} (a briefing's hold a few kilobytes)",
                                super::error::size(MAX_OBJECT_STREAM)
                            ))
                        }
                        Err(Over::Total) => {
                            return refused(format!(
                                "takes what it decompresses past {} in all",
                                super::error::size(limits::MAX_INFLATED)
                            ))
                        }
                        // (With a predictor, lopdf undoes it: the data is known to be small.)
                        Ok(_) if stream.dict.get(b"DecodeParms").is_ok() => {
                            if stream.decompress().is_err() {
                                return Ok(None);
                            }
                        }
                        Ok(data) => {
                            stream.dict.remove(b"Filter");
                            stream.set_content(data);
                        }
                    },
                }
                let depth = nesting(&stream.content, Text::ObjectStream);
                if depth > MAX_NESTING {
                    return refused(format!("nests its objects {depth} levels deep (a briefing's nest a few)"));
                }
                let objects = objstm::Objects::new(stream)
                    .map_err(|why| format!("an object stream it needs {why}; it was not read"))?;
                let Some(objects) = objects else { return Ok(None) };
                let objects = Rc::new(objects);
                let mut recent = self.recent.borrow_mut();
                recent.insert(0, (container, objects.clone()));
                let mut total = 0;
                recent.retain(|(_, objects)| {
                    total += objects.size();
                    total <= MAX_OBJECT_STREAM as usize
                });
                objects
            }
        };
        objects.get(id, &self.parsed).map_err(|why| format!("an object stream it needs {why}; it was not read"))
    }

    /// Follows a reference (or a chain of them) to the object, at most a few steps.
    fn deref(&self, o: &Object) -> Result<Option<Object>, String> {
        let mut o = o.clone();
        for _ in 0..8 {
            match o {
                Object::Reference(id) => match self.get(id)? {
                    Some(next) => o = next,
                    None => return Ok(None),
                },
                other => return Ok(Some(other)),
            }
        }
        Ok(None)
    }
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

/// The attachments a PDF lists, each with the name its list gives it (when it names it): the
/// associated files (`/AF`, which keep the order) or else the embedded-files name tree, walked
/// without recursion, at most [`MAX_TREE_DEPTH`] levels deep and each node once. Stops a little
/// past [`MAX_ATTACHMENTS`], enough to say there are too many.
fn attachment_list(doc: &Objects, catalog: &lopdf::Dictionary) -> Result<Vec<(Option<String>, Object)>, String> {
    let get = |dict: &lopdf::Dictionary, key: &[u8]| match dict.get(key) {
        Ok(o) => doc.deref(o),
        Err(_) => Ok(None),
    };
    if let Some(Object::Array(a)) = get(catalog, b"AF")? {
        return Ok(a.into_iter().take(MAX_ATTACHMENTS + 1).map(|o| (None, o)).collect());
    }
    let root = match get(catalog, b"Names")? {
        Some(Object::Dictionary(names)) => names.get(b"EmbeddedFiles").ok().cloned(),
        _ => None,
    };
    let Some(root) = root else { return Ok(Vec::new()) };
    let damaged = |what: &str| format!("its list of attachments is damaged ({what}); nothing was written");
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(root, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH {
            return Err(format!(
                "its list of attachments nests more than {MAX_TREE_DEPTH} levels deep (a briefing's has one); it was not read"
            ));
        }
        if let Object::Reference(id) = node {
            if !seen.insert(id) {
                return Err(damaged("it loops back on itself"));
            }
        }
        let Some(Object::Dictionary(node)) = doc.deref(&node)? else {
            return Err(damaged("a part of it cannot be found or is not a dictionary"));
        };
        if node.has(b"Names") {
            let Some(Object::Array(pairs)) = get(&node, b"Names")? else {
                return Err(damaged("its names are not a list"));
            };
            for pair in pairs.chunks(2) {
                let key = doc.deref(&pair[0])?.as_ref().and_then(decode_text);
                let Some(value) = pair.get(1) else { return Err(damaged("a name has no file")) };
                out.push((key, value.clone()));
            }
        }
        if out.len() > MAX_ATTACHMENTS {
            break;
        }
        if node.has(b"Kids") {
            let Some(Object::Array(kids)) = get(&node, b"Kids")? else {
                return Err(damaged("its branches are not a list"));
            };
            // Last first: the stack gives them back in order.
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
    }
    Ok(out)
}

/// The embedded files of a PDF, in the order they were attached, each checked against what
/// the PDF records about it. The reason, when there are none to give.
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<Attached>, String> {
    read(pdf, &Budget::new(limits::MAX_INFLATED))
}

/// [`embedded_files`], decompressing within `budget`.
fn read(pdf: &[u8], budget: &Budget) -> Result<Vec<Attached>, String> {
    if !pdf.starts_with(b"%PDF-") {
        return Err("it is not a PDF".into());
    }
    let Measure { deepest: depth, longest } = measure(pdf, Text::File);
    if depth > MAX_NESTING {
        return Err(format!("its objects nest {depth} levels deep (a briefing's nest a few); it was not read"));
    }
    if longest as u64 > MAX_OBJECT_TEXT {
        return Err(format!(
            "one of its objects is {longest} bytes long before any stream data, more than {} (a briefing's are a \
             few kilobytes); it was not read",
            super::error::size(MAX_OBJECT_TEXT)
        ));
    }
    const ENCRYPTED: &str = "it is encrypted (briefing never encrypts its PDFs)";
    // Said before the objects are read: lopdf reads an encrypted file's objects all at once.
    if encrypted(pdf) {
        return Err(ENCRYPTED.into());
    }
    // Before lopdf reads the cross-reference streams: it decompresses each whole. Then the
    // objects that give a stream's length, which lopdf reads as it reads the stream, and
    // where every object lies, which lopdf parses wherever its entries say.
    let lengths = lengths::referenced(pdf);
    let places = limits::cross_references(pdf, budget, &lengths)?;
    let lengths = lengths::check(pdf, &lengths, &places)?;
    places::check(pdf, &places, &lengths)?;
    let doc = Objects::open(pdf, budget)?;
    if doc.trailer().get(b"Encrypt").is_ok() {
        return Err(ENCRYPTED.into());
    }
    let catalog = match doc.trailer().get(b"Root").map(|root| doc.deref(root)) {
        Ok(found) => found?,
        Err(_) => None,
    };
    let Some(Object::Dictionary(catalog)) = catalog else { return Err("it has no document catalog".into()) };
    let specs = attachment_list(&doc, &catalog)?;
    if specs.is_empty() {
        return Err("it carries no embedded source (built with --no-embed-source, or not made by briefing)".into());
    }
    if specs.len() > MAX_ATTACHMENTS {
        return Err(format!(
            "it lists more than {MAX_ATTACHMENTS} attachments (a dossier carries at most {MAX_ATTACHMENTS}); none was written"
        ));
    }
    let count = specs.len();
    let mut out = Vec::new();
    let mut left = MAX_ATTACHMENTS_TOTAL;
    for (i, (key, spec)) in specs.iter().enumerate() {
        let which = match key {
            Some(key) => escape(key),
            None => format!("{} of {count}", i + 1),
        };
        let spec = match doc.deref(spec)? {
            Some(Object::Dictionary(spec)) => spec,
            Some(_) => return Err(format!("the attachment {which} is damaged: its entry is not a file specification")),
            None => return Err(format!("the attachment {which} cannot be found: its entry points at nothing")),
        };
        let name = spec
            .get(b"UF")
            .or_else(|_| spec.get(b"F"))
            .ok()
            .and_then(decode_text)
            .or_else(|| key.clone())
            .unwrap_or_else(|| "briefing.yaml".into());
        let shown = escape(&name);
        let file = spec.get(b"EF").and_then(Object::as_dict).and_then(|ef| ef.get(b"F")).ok();
        let stream = match file {
            Some(file) => doc.deref(file)?,
            None => None,
        };
        let Some(stream) = stream else { return Err(format!("the embedded file {shown} cannot be found")) };
        let Object::Stream(stream) = stream else { return Err(format!("the embedded file {shown} is not a stream")) };
        let filter = match stream.dict.get(b"Filter") {
            Ok(f) => doc.deref(f)?,
            Err(_) => None,
        };
        // Each within a briefing's limit, all within [`MAX_ATTACHMENTS_TOTAL`]: never more is
        // decompressed than may still be kept.
        let limit = MAX_ATTACHMENT.min(left);
        let data = match filter {
            None => stream.content,
            Some(Object::Name(n)) if n == b"FlateDecode" => {
                let mut data = Vec::new();
                let read = flate2::read::ZlibDecoder::new(&stream.content[..]).take(limit + 1).read_to_end(&mut data);
                match read {
                    Err(e) if data.len() as u64 <= limit => {
                        return Err(format!("the attachment {shown} is damaged (it does not decompress: {e})"))
                    }
                    _ => data,
                }
            }
            Some(other) => {
                return Err(format!("the attachment {shown} uses a filter briefing does not write ({other:?})"))
            }
        };
        if data.len() as u64 > limit {
            return Err(match limit < MAX_ATTACHMENT {
                true => format!(
                    "its attachments decompress to more than {} together (past it at the attachment {shown}; \
                     a dossier's briefings are at most {}); none was written",
                    super::error::size(MAX_ATTACHMENTS_TOTAL),
                    super::error::size(super::bundle::MAX_BYTES)
                ),
                false => format!(
                    "the attachment {shown} decompresses to more than {}, all a briefing may be; it was not written",
                    super::error::size(MAX_ATTACHMENT)
                ),
            });
        }
        left -= data.len() as u64;
        let params = match stream.dict.get(b"Params") {
            Ok(p) => doc.deref(p)?,
            Err(_) => None,
        };
        let params = params.as_ref().and_then(|p| p.as_dict().ok());
        if let Some(size) = params.and_then(|p| p.get(b"Size").ok()).and_then(|s| s.as_i64().ok()) {
            if size != data.len() as i64 {
                return Err(format!(
                    "the attachment {shown} is damaged: the PDF says {size} bytes, it holds {}",
                    data.len()
                ));
            }
        }
        if let Some(Object::String(sum, _)) = params.and_then(|p| p.get(b"CheckSum").ok()) {
            if md5::Md5::digest(&data).as_slice() != sum.as_slice() {
                return Err(format!("the attachment {shown} is damaged: its checksum does not match"));
            }
        }
        out.push(Attached { name, data });
    }
    Ok(out)
}

/// Whether the last trailer of `pdf` (the text from its `startxref` offset on) names an
/// `/Encrypt` dictionary.
fn encrypted(pdf: &[u8]) -> bool {
    let tail = &pdf[pdf.len().saturating_sub(1024)..];
    let Some(at) = tail.windows(9).rposition(|w| w == b"startxref") else { return false };
    let offset =
        std::str::from_utf8(&tail[at + 9..]).ok().and_then(|t| t.split_whitespace().next()?.parse::<usize>().ok());
    let Some(trailer) = offset.and_then(|o| pdf.get(o..)) else { return false };
    // The trailer, or the dictionary of a cross-reference stream: up to its stream data.
    let end = trailer.windows(6).position(|w| w == b"stream").unwrap_or(trailer.len());
    let trailer = match trailer[..end].windows(7).position(|w| w == b"trailer") {
        Some(t) => &trailer[t..end],
        None => &trailer[..end],
    };
    trailer.windows(8).any(|w| w == b"/Encrypt")
}

/// A name as the terminal should show it: control characters escaped.
fn escape(name: &str) -> String {
    format!("\"{}\"", name.chars().flat_map(char::escape_debug).collect::<String>())
}

/// A safe file name for an attachment called `name`: its last path component, without
/// control characters or a leading dot (no hidden files, no `..`), never empty, and named
/// `.yaml` as what extract writes is (a PDF's sender names the file: `sitecustomize.py` or
/// `authorized_keys` beside the PDF would be read by other programs; text38b F38b-1); a
/// character the name lost when it was built (U+FFFD, from a file name that was not UTF-8)
/// is `_`.
pub fn file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|&c| !c.is_control() && !crate::script::is_direction_mark(c))
        .map(|c| if c == char::REPLACEMENT_CHARACTER { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    let yaml = clean
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"));
    let (stem, ext) = match clean {
        "" => ("briefing", ".yaml"),
        _ if yaml => clean.rsplit_once('.').map_or((clean, ""), |(stem, _)| (stem, &clean[stem.len()..])),
        _ => (clean, ".yaml"),
    };
    // A name longer than a file system holds (255 bytes) is shortened, at a character, as
    // other unsafe names are mended: such a source could not be written at all (text47b
    // F47b-1). (To 240, leaving room for the number a second source of the name is given.)
    let mut end = stem.len().min(NAME_KEPT - ext.len());
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{ext}", stem[..end].trim_end())
}

/// The longest attachment name kept, in bytes: common file systems hold 255 (ext4, APFS; NTFS
/// counts UTF-16 units, which a UTF-8 byte count never undercounts), less room for `-2`.
const NAME_KEPT: usize = 240;

/// Writes every embedded file. Without `-o`, each goes beside the PDF under its own name and
/// never over an existing file (`--force` replaces). `-o` is a folder when it is one or ends
/// with `/` (made if missing), else a file: then the PDF must carry exactly one source.
pub fn extract(pdf: &Path, output: Option<&Path>, force: bool) -> Result<(), Error> {
    // From the start, as `build`: a stop at any point exits 128 + N and leaves no file.
    files::on_signal(files::OnSignal::Exit);
    let bytes = files::read(pdf, FileKind::Pdf)?;
    let attached = embedded_files(&bytes).map_err(|problem| Error::Extract { pdf: pdf.to_path_buf(), problem })?;
    let beside = pdf.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = match output {
        Some(o) if o.is_dir() => Some(o.to_path_buf()),
        Some(o) if o.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR) => {
            std::fs::create_dir_all(o).map_err(|e| Error::write(o, e))?;
            Some(o.to_path_buf())
        }
        Some(o) if attached.len() > 1 => {
            return Err(Error::Usage(format!(
                "{} carries {} source files; -o must name a folder for them (-o {}/ makes it)",
                pdf.shown(),
                attached.len(),
                o.shown()
            )))
        }
        // (A file named for what it holds: `-o new.pdf` wrote YAML into a PDF's name, text30
        // F30b-5.)
        Some(o) => {
            let ext = o.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if !matches!(ext.as_deref(), Some("yaml" | "yml")) {
                return Err(Error::Usage(format!(
                    "-o {} is not named .yaml, and extract writes the briefing's YAML source: name it .yaml \
                     (or a folder, ending with /)",
                    o.shown()
                )));
            }
            None
        }
        None => {
            if attached.len() > MAX_BESIDE {
                return Err(Error::Usage(format!(
                    "{} carries {} files; name a folder for them with -o DIR/",
                    pdf.shown(),
                    attached.len()
                )));
            }
            Some(beside.to_path_buf())
        }
    };
    // Plan every target first: a clash stops the run before anything is written.
    let existing = if force { Existing::Force } else { Existing::Replace };
    let mut targets: Vec<PathBuf> = Vec::new();
    // Two sources of one name (a dossier made before bundle numbered them) are both
    // written, the second numbered.
    let names = crate::pdf::distinct_names(&attached.iter().map(|a| file_name(&a.name)).collect::<Vec<_>>());
    for (a, name) in attached.iter().zip(names) {
        // One source whose name was not UTF-8 when it was built (it lost a character then):
        // named after the PDF, whose name keeps its bytes (`caf\xE9.pdf` → `caf\xE9.yaml`).
        let name = match pdf.file_stem() {
            Some(stem) if attached.len() == 1 && a.name.contains(char::REPLACEMENT_CHARACTER) => {
                let mut own = stem.to_os_string();
                own.push(".yaml");
                own
            }
            _ => name.into(),
        };
        let target = match (&folder, output) {
            (Some(dir), _) => dir.join(&name),
            (None, Some(o)) => o.to_path_buf(),
            (None, None) => beside.join(&name),
        };
        if FileId::of(&target).is_some() && FileId::of(&target) == FileId::of(pdf) {
            return Err(Error::WouldOverwrite { output: target, input: pdf.to_path_buf(), role: "PDF" });
        }
        // An existing file may be the source as edited since: replaced only with --force.
        if std::fs::symlink_metadata(&target).is_ok() && !force {
            let hint = if folder.is_some() {
                "choose where to write with -o (or --force)"
            } else {
                "use --force to replace it"
            };
            return Err(Error::Usage(format!("{} exists; {hint}", target.shown())));
        }
        files::target(&target, existing)?;
        targets.push(target);
    }
    // All written, or none.
    let mut outputs = files::Outputs::new(existing);
    for (a, target) in attached.iter().zip(&targets) {
        outputs.add(target, &a.data)?;
    }
    outputs.commit()?;
    for (a, target) in attached.iter().zip(&targets) {
        let shown: String = target.display().to_string().chars().flat_map(char::escape_debug).collect();
        say!("wrote {shown} ({} bytes)", a.data.len());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_cannot_steer_or_hide_the_file() {
        assert_eq!(file_name("../../etc/passwd"), "passwd.yaml");
        assert_eq!(file_name(".bashrc"), "bashrc.yaml");
        assert_eq!(file_name("sitecustomize.py"), "sitecustomize.py.yaml");
        assert_eq!(file_name("authorized_keys"), "authorized_keys.yaml");
        assert_eq!(file_name("Brief.YML"), "Brief.YML");
        assert_eq!(file_name("\u{1b}[31mred.yaml"), "[31mred.yaml");
        assert_eq!(file_name("a\nb.yaml"), "ab.yaml");
        assert_eq!(file_name("fdp\u{061C}.yaml"), "fdp.yaml");
        assert_eq!(file_name("C:\\Users\\x\\brief.yaml"), "brief.yaml");
        assert_eq!(file_name("..."), "briefing.yaml");
        assert_eq!(file_name("資料.yaml"), "資料.yaml");
        // Too long for a file system: shortened at a character, its extension kept.
        let long = file_name(&format!("{}.yaml", "x".repeat(300)));
        assert_eq!(long, format!("{}.yaml", "x".repeat(235)));
        let long = file_name(&"資".repeat(100));
        assert!(long.len() <= 240 && long.ends_with("資.yaml"), "{long}");
        let names = crate::pdf::distinct_names(&[long.clone(), long]);
        assert!(names.iter().all(|n| n.len() <= 255), "{names:?}");
        assert_eq!(file_name("caf\u{FFFD}.yaml"), "caf_.yaml");
        assert_eq!(escape("\u{1b}[31mred"), "\"\\u{1b}[31mred\"");
    }

    /// A PDF whose embedded-files name tree is `tree`, built by `make` from a document that
    /// already holds one valid file specification (its id given to `make`).
    fn pdf_with_tree(make: impl FnOnce(&mut Document, lopdf::ObjectId) -> Object) -> Vec<u8> {
        use lopdf::dictionary;
        let mut doc = Document::with_version("1.7");
        let data = b"title: x\n".to_vec();
        let file = doc.add_object(lopdf::Stream::new(dictionary! { "Type" => "EmbeddedFile" }, data));
        let spec = doc.add_object(dictionary! {
            "Type" => "Filespec",
            "UF" => Object::string_literal("a.yaml"),
            "EF" => dictionary! { "F" => file },
        });
        let tree = make(&mut doc, spec);
        let pages = doc.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages,
            "Names" => dictionary! { "EmbeddedFiles" => tree },
        });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn a_name_tree_is_read_through_its_branches_and_a_broken_one_is_an_error() {
        use lopdf::dictionary;
        let names = |spec: lopdf::ObjectId| Object::Array(vec![Object::string_literal("a.yaml"), spec.into()]);
        // A leaf under two levels of branches, as other tools write it.
        let pdf = pdf_with_tree(|doc, spec| {
            let leaf = doc.add_object(dictionary! { "Names" => names(spec) });
            let mid = doc.add_object(dictionary! { "Kids" => vec![leaf.into()] });
            dictionary! { "Kids" => vec![mid.into()] }.into()
        });
        let files = embedded_files(&pdf).unwrap();
        assert_eq!((files.len(), files[0].name.as_str(), &files[0].data[..]), (1, "a.yaml", &b"title: x\n"[..]));
        // Nested deeper than any briefing's: said so, not "no embedded source".
        let pdf = pdf_with_tree(|doc, spec| {
            let mut node = doc.add_object(dictionary! { "Names" => names(spec) });
            for _ in 0..1000 {
                node = doc.add_object(dictionary! { "Kids" => vec![node.into()] });
            }
            node.into()
        });
        assert!(embedded_files(&pdf).unwrap_err().contains("nests more than 32 levels"));
        // A branch that leads back to itself, or to nothing; an entry that is not a file
        // specification, or points at nothing: each an error, never a silent success.
        let pdf = pdf_with_tree(|doc, _| {
            let id = doc.new_object_id();
            doc.objects.insert(id, dictionary! { "Kids" => vec![id.into()] }.into());
            id.into()
        });
        assert!(embedded_files(&pdf).unwrap_err().contains("loops back"));
        let pdf = pdf_with_tree(|_, _| dictionary! { "Kids" => vec![Object::Reference((999, 0))] }.into());
        assert!(embedded_files(&pdf).unwrap_err().contains("cannot be found"));
        let pdf = pdf_with_tree(|_, spec| {
            dictionary! { "Names" => vec![Object::string_literal("a.yaml"), spec.into(), Object::string_literal("b.yaml"), Object::Integer(42)] }.into()
        });
        assert!(embedded_files(&pdf).unwrap_err().contains("\"b.yaml\" is damaged"));
        let pdf = pdf_with_tree(|_, _| {
            dictionary! { "Names" => vec![Object::string_literal("c.yaml"), Object::Reference((999, 0))] }.into()
        });
        assert!(embedded_files(&pdf).unwrap_err().contains("\"c.yaml\" cannot be found"));
    }

    #[test]
    fn more_attachments_than_a_dossier_carries_are_refused_before_any_is_read() {
        let pdf = pdf_with_tree(|_, spec| {
            let mut names = Vec::new();
            for i in 0..=MAX_ATTACHMENTS {
                names.extend([Object::string_literal(format!("a{i}.yaml")), spec.into()]);
            }
            lopdf::dictionary! { "Names" => names }.into()
        });
        assert!(embedded_files(&pdf).unwrap_err().contains("more than 1000 attachments"));
    }

    #[test]
    fn nesting_is_measured_without_recursion() {
        assert_eq!(nesting(b"%PDF-1.7\n1 0 obj << /A [1 [2]] >> endobj", Text::File), 3);
        assert_eq!(nesting(b"(([[[ not nesting )) [ ]", Text::File), 1);
        let deep = format!("%PDF-1.7\n1 0 obj {} endobj", "[".repeat(100_000));
        assert_eq!(nesting(deep.as_bytes(), Text::File), 100_000);
        assert!(embedded_files(deep.as_bytes()).unwrap_err().contains("nest"));
        // Stream data is not read as syntax, in a file; in an object stream, which holds
        // none, all is syntax.
        assert_eq!(nesting(b"stream\n[[[[[[\nendstream [ ]", Text::File), 1);
        assert_eq!(nesting(b"stream\n[[[[[[\nendstream [ ]", Text::ObjectStream), 7);
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    /// A PDF of a catalog and the objects `more` (after "2 0 obj"), listed by a
    /// cross-reference stream (object 9) whose dictionary says `dict` and whose data is `data`.
    fn with_xref_stream(more: &[u8], dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n1 0 obj <</Type/Catalog>> endobj\n2 0 obj ".to_vec();
        pdf.extend(more);
        pdf.extend(b"\nendobj\n");
        let at = pdf.len();
        pdf.extend(format!("9 0 obj <</Type/XRef {dict} /Root 1 0 R /Length {}>> stream\n", data.len()).bytes());
        pdf.extend(data);
        pdf.extend(format!("\nendstream endobj\nstartxref\n{at}\n%%EOF\n").bytes());
        pdf
    }

    /// A cross-reference stream is decompressed no further than its entries need, or refused,
    /// before lopdf reads it (it decompressed it whole: a 1 MB file took 1.1 GB, text43b
    /// F43b-3).
    #[test]
    fn a_cross_reference_stream_is_decompressed_no_further_than_its_entries_need() {
        let bomb = zlib(&vec![0; 16 << 20]);
        let refused = |pdf: &[u8]| {
            let budget = Budget::new(limits::MAX_INFLATED);
            let problem = read(pdf, &budget).unwrap_err();
            (problem, budget.spent())
        };
        // A table of 4 entries that decompresses to 16 MiB: read no further than 4 entries.
        let (problem, spent) = refused(&with_xref_stream(b"1", "/Size 4 /W [1 2 1] /Filter /FlateDecode", &bomb));
        assert!(
            problem.contains("cross-reference stream (object 9) decompresses to more than its 4 entries need"),
            "{problem}"
        );
        assert!(spent < 2048, "{spent}");
        // Reached from a later update's classic table, by /Prev.
        let mut pdf = with_xref_stream(b"1", "/Size 4 /W [1 2 1] /Filter /FlateDecode", &bomb);
        let prev = pdf.windows(7).rposition(|w| w == b"9 0 obj").unwrap();
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 10/Root 1 0 R/P#72ev {prev}>>\nstartxref\n{xref}\n%%EOF\n").bytes());
        let (problem, spent) = refused(&pdf);
        assert!(problem.contains("decompresses to more than its 4 entries need"), "{problem}");
        assert!(spent < 2048, "{spent}");
        // A trailer too long to read whole is refused, its /Prev unfollowed.
        let long = pdf.len();
        pdf.extend(
            format!(
                "xref\n0 1\n0000000000 65535 f \ntrailer\n<</ID [<{}>] /Prev {xref}>>\nstartxref\n{long}\n%%EOF\n",
                "0".repeat(70_000)
            )
            .bytes(),
        );
        let (problem, _) = refused(&pdf);
        assert!(
            problem.contains(&format!("the trailer of its cross-reference table at byte {long} cannot be read")),
            "{problem}"
        );
        // A trailer in another object's stream data, where no check measured it, is measured
        // before it is parsed.
        let data =
            format!("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1/X {}{}>>", "[".repeat(70), "]".repeat(70));
        let mut pdf =
            format!("%PDF-1.7\n1 0 obj <</Type/Catalog>> endobj\n2 0 obj <</Length {}>> stream\n", data.len())
                .into_bytes();
        let hidden = pdf.len();
        pdf.extend(format!("{data}\nendstream endobj\n").bytes());
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000042 00000 n \ntrailer\n<</Size 3/Root 1 0 R/Prev {hidden}>>\nstartxref\n{xref}\n%%EOF\n").bytes());
        let (problem, _) = refused(&pdf);
        assert!(problem.contains(&format!("the trailer of its cross-reference table at byte {hidden} cannot be read (or is over 64 KiB, or nests deeper")), "{problem}");
        // More entries than the file has bytes; entries wider than any number; a filter
        // briefing does not read.
        let (problem, _) = refused(&with_xref_stream(b"1", "/Size 99999999 /W [1 2 1] /Filter /FlateDecode", &bomb));
        assert!(problem.contains("says it has 99999999 entries, more than the file has bytes"), "{problem}");
        let (problem, _) = refused(&with_xref_stream(b"1", "/Size 4 /W [1 99999999999 1]", b"\0\0\0\0"));
        assert!(problem.contains("its entries are [1, 99999999999, 1] bytes wide"), "{problem}");
        let (problem, _) = refused(&with_xref_stream(b"1", "/Size 4 /W [1 2 1] /Filter /LZWDecode", b"\x80"));
        assert!(problem.contains("uses a filter briefing does not read (LZWDecode)"), "{problem}");
        // An offset field 0 bytes wide places an object a byte of the file at no cost, all at
        // byte 0 (text46b F46b-9: 40 MB took 13.5 s and 1.58 GB before it was refused).
        let (problem, _) = refused(&with_xref_stream(b"1", "/Size 4 /W [0 0 0]", b""));
        assert!(problem.contains("its entries give no place (the offset field is 0 bytes wide)"), "{problem}");
        // More objects than a PDF briefing writes are refused before lopdf reads them (text46b
        // F46b-5: 11.6 million took 1.08 GB).
        let many = limits::MAX_OBJECTS + 1;
        let (problem, _) = refused(&with_xref_stream(b"1", &format!("/Size {many} /W [1 1 0]"), &[1, 9].repeat(many)));
        assert!(problem.contains("places more than 2000000 objects"), "{problem}");
        // A dictionary longer than a trailer's is refused before it is parsed: where it lies in
        // another object's stream data, no check had measured it.
        let pad = format!("/Size 4 /W [1 2 1] /Pad [{}]", "0 ".repeat(40_000));
        let (problem, _) = refused(&with_xref_stream(b"1", &pad, b"\0\0\0\0"));
        assert!(
            problem.contains("its cross-reference stream (object 9) at byte 59 has no end within 64 KiB"),
            "{problem}"
        );
    }

    /// Object streams found in an object stream are not decompressed (they were, 64 MiB each,
    /// without end: text43b F43b-2), and an object stream with a predictor (decompressed whole
    /// by lopdf, F43b-3) is decompressed within the budget, as every other.
    #[test]
    fn object_streams_are_decompressed_within_one_budget() {
        // The catalog in an object stream with a predictor, 16 MiB of it: with the budget
        // that is left, it is refused having decompressed no more than the budget.
        let catalog = |filler: usize| {
            let mut objects = b"1 0 <</Type/Catalog>>".to_vec();
            objects.resize(filler, b' ');
            let data = zlib(&objects);
            let mut stream = format!(
                "<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/DecodeParms<</Predictor 1>>/Length {}>> stream\n",
                data.len()
            )
            .into_bytes();
            stream.extend(data);
            stream.extend(b"\nendstream");
            stream
        };
        // (Entries: 0 free, 1 in object stream 2, 2 at its offset.)
        let xref = |pdf_at: usize| {
            let mut rows = vec![0, 0, 0, 0, 2, 0, 2, 0, 1];
            rows.extend((pdf_at as u16).to_be_bytes());
            rows.push(0);
            rows
        };
        let table = |objects: &[u8]| {
            // The offset of object 2 is the same in both PDFs: found in a first one.
            let at = with_xref_stream(objects, "", b"").windows(7).position(|w| w == b"2 0 obj").unwrap();
            with_xref_stream(objects, "/Size 3 /W [1 2 1] /Filter /FlateDecode", &zlib(&xref(at)))
        };
        let small = table(&catalog(100));
        assert!(read(&small, &Budget::new(limits::MAX_INFLATED)).unwrap_err().contains("carries no embedded source"));
        let budget = Budget::new(1 << 20);
        let problem = read(&table(&catalog(16 << 20)), &budget).unwrap_err();
        assert!(problem.contains("an object stream it needs takes what it decompresses past"), "{problem}");
        assert!(budget.spent() <= (1 << 20) + 1, "{}", budget.spent());

        // An object stream whose objects are object streams of 1 MiB each: nothing is
        // decompressed to measure how deep its objects nest, and what it holds that is not
        // an object is not read.
        let inner = [
            &b"1 0 obj <</Type/ObjStm/N 1/First 4/Filter/FlateDecode>> stream\n"[..],
            &zlib(&vec![0; 1 << 20]),
            b"\nendstream endobj\n",
        ]
        .concat();
        let outer = zlib(&[&b"1 0 "[..], &inner.repeat(8)].concat());
        let mut pdf =
            format!("<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {}>> stream\n", outer.len()).into_bytes();
        pdf.extend(outer);
        pdf.extend(b"\nendstream");
        let budget = Budget::new(limits::MAX_INFLATED);
        assert!(read(&table(&pdf), &budget).unwrap_err().contains("no document catalog"));
        assert!(budget.spent() < 64 << 10, "{}", budget.spent());
        // An object stream whose objects nest deeper than a briefing's is refused when read.
        let mut deep = b"1 0 ".to_vec();
        deep.extend("[".repeat(5000).bytes());
        let deep = zlib(&deep);
        let mut pdf =
            format!("<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {}>> stream\n", deep.len()).into_bytes();
        pdf.extend(deep);
        pdf.extend(b"\nendstream");
        let problem = read(&table(&pdf), &Budget::new(limits::MAX_INFLATED)).unwrap_err();
        assert!(problem.contains("an object stream it needs nests its objects 5000 levels deep"), "{problem}");
    }

    /// An object longer than any of a briefing's is refused before lopdf parses it whole (text43b
    /// F43b-13: an `/AF` array of 20 million references, 120 MB, took 4.8 GB); its stream data
    /// is not counted.
    #[test]
    fn an_object_longer_than_a_briefing_holds_is_refused_before_it_is_parsed() {
        let text = |pdf: &[u8]| measure(pdf, Text::File).longest;
        assert_eq!(text(b"%PDF-1.7\n1 0 obj <</A 1>> endobj 2 0 obj<<>>stream\n[[[[[[[[[[[[\nendstream endobj"), 13);
        assert_eq!(text(b"1 0 obj [(endobj) /endobj 2 0 R] endobj"), 29);
        let af = |n: usize| {
            let mut pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /AF [".to_vec();
            pdf.extend(b"2 0 R ".repeat(n));
            pdf.extend(b"] >> endobj\n");
            let two = pdf.len();
            pdf.extend(b"2 0 obj << >> endobj\n");
            let xref = pdf.len();
            pdf.extend(format!("xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n{two:010} 00000 n \ntrailer << /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").bytes());
            pdf
        };
        assert!(embedded_files(&af(2000)).unwrap_err().contains("more than 1000 attachments"));
        let problem = embedded_files(&af(800_000)).unwrap_err();
        assert!(
            problem.contains("one of its objects is 4800032 bytes long before any stream data, more than 4 MiB"),
            "{problem}"
        );
    }

    /// Attachments are decompressed within one total, a few times what a dossier carries, and
    /// past it refused as too many, not as damaged (text43b F43b-9: 1,000 of 4 MiB each, the
    /// same stream, were all held at once, 4 GB).
    #[test]
    fn attachments_are_decompressed_within_one_total() {
        use lopdf::dictionary;
        let pdf = |count: usize, flate: bool| {
            pdf_with_tree(|doc, _| {
                let mut stream = lopdf::Stream::new(dictionary! {}, vec![b'#'; (MAX_ATTACHMENT - 1) as usize]);
                if flate {
                    stream.compress().unwrap();
                }
                let file = doc.add_object(stream);
                let mut names = Vec::new();
                for i in 0..count {
                    let spec = doc.add_object(dictionary! { "UF" => Object::string_literal(format!("b{i}.yaml")), "EF" => dictionary! { "F" => file } });
                    names.extend([Object::string_literal(format!("b{i}.yaml")), spec.into()]);
                }
                dictionary! { "Names" => names }.into()
            })
        };
        assert_eq!(embedded_files(&pdf(4, true)).unwrap().len(), 4);
        for flate in [true, false] {
            let problem = embedded_files(&pdf(5, flate)).unwrap_err();
            assert!(
                problem.contains(
                    "its attachments decompress to more than 16 MiB together (past it at the attachment \"b4.yaml\""
                ),
                "{problem}"
            );
        }
    }

    /// An object stream said to lie in an object stream (itself, or one that lies in it) is
    /// refused, never looked up there (lopdf recursed until the stack overflowed: text43b
    /// F43b-11).
    #[test]
    fn an_object_stream_said_to_lie_in_an_object_stream_is_refused() {
        // Entries of /W [1 2 1]: 0 free, the catalog (1) in object stream 2, and 2 in `rest`.
        let table = |rest: &[[u8; 4]]| {
            let mut rows = vec![0, 0, 0, 0, 2, 0, 2, 0];
            rows.extend(rest.iter().flatten());
            let size = 2 + rest.len();
            with_xref_stream(
                b"<</Type/ObjStm/N 1/First 4/Length 0>> stream\n\nendstream",
                &format!("/Size {size} /W [1 2 1]"),
                &rows,
            )
        };
        let problem = read(&table(&[[2, 0, 2, 0]]), &Budget::new(limits::MAX_INFLATED)).unwrap_err();
        assert!(
            problem.contains(
                "the object stream (object 2) that holds object 1 is said to lie in an object stream itself (object 2)"
            ),
            "{problem}"
        );
        let problem = read(&table(&[[2, 0, 3, 0], [2, 0, 2, 0]]), &Budget::new(limits::MAX_INFLATED)).unwrap_err();
        assert!(problem.contains("is said to lie in an object stream itself (object 3)"), "{problem}");
    }

    /// A PDF as other writers save it, with object streams and a cross-reference stream, is
    /// read as before.
    #[test]
    fn a_pdf_with_object_and_cross_reference_streams_is_read() {
        let pdf = pdf_with_tree(|_, spec| {
            lopdf::dictionary! { "Names" => vec![Object::string_literal("a.yaml"), spec.into()] }.into()
        });
        let mut doc = Document::load_mem(&pdf).unwrap();
        let mut out = Vec::new();
        let options = lopdf::SaveOptions::builder().use_object_streams(true).use_xref_streams(true).build();
        doc.save_with_options(&mut out, options).unwrap();
        assert!(out.windows(7).any(|w| w == b"/ObjStm") && out.windows(5).any(|w| w == b"/XRef"));
        let files = embedded_files(&out).unwrap();
        assert_eq!((files[0].name.as_str(), &files[0].data[..]), ("a.yaml", &b"title: x\n"[..]));
    }

    /// A PDF of the objects `bodies` (object 1 the first), listed by a classic
    /// cross-reference table, object 1 the catalog.
    fn with_table(bodies: &[Vec<u8>]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let mut rows = String::from("0000000000 65535 f \n");
        for (i, body) in bodies.iter().enumerate() {
            rows += &format!("{:010} 00000 n \n", pdf.len());
            pdf.extend(format!("{} 0 obj ", i + 1).bytes());
            pdf.extend(body);
            pdf.extend(b"\nendobj\n");
        }
        let at = pdf.len();
        let size = bodies.len() + 1;
        pdf.extend(
            format!("xref\n0 {size}\n{rows}trailer <</Size {size}/Root 1 0 R>>\nstartxref\n{at}\n%%EOF\n").bytes(),
        );
        pdf
    }

    /// `more` after "2 0 obj " (see [`with_xref_stream`]), with entries of /W [1 4 1] for
    /// objects 0 to 9: `rows(offsets)` gives each (type, field, field), `offsets` where each
    /// "N 0 obj" is.
    fn with_rows(more: &[u8], rows: impl Fn(&dyn Fn(u32) -> u32) -> Vec<(u8, u32, u8)>) -> Vec<u8> {
        let draft = with_xref_stream(more, "", b"");
        let at = |n: u32| {
            let head = format!("{n} 0 obj");
            draft.windows(head.len()).position(|w| w == head.as_bytes()).unwrap() as u32
        };
        let data: Vec<u8> = rows(&at)
            .into_iter()
            .flat_map(|(kind, field, index)| [[kind].as_slice(), &field.to_be_bytes(), &[index]].concat())
            .collect();
        let size = data.len() / 6;
        with_xref_stream(more, &format!("/Size {size} /W [1 4 1] /Filter /FlateDecode"), &zlib(&data))
    }

    /// A stream whose /Length is an object in an object stream is refused before lopdf reads
    /// that object stream, unchecked, to find where the stream ends: lenloop.pdf, 392 bytes,
    /// whose object stream's length lay in itself, overflowed the stack; lenbomb.pdf
    /// decompressed an object stream whole (11 s, 345 MB).
    #[test]
    fn a_length_in_an_object_stream_is_refused_before_lopdf_looks_it_up() {
        // The object stream (2) whose length, object 8, lies in it.
        let data = zlib(b"8 0 5 ");
        let mut loop_ = b"<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length 8 0 R>> stream\n".to_vec();
        loop_.extend(&data);
        loop_.extend(b"\nendstream");
        let pdf = with_rows(&loop_, |at| {
            let mut rows = vec![(0, 0, 255), (2, 2, 1), (1, at(2), 0)];
            rows.extend([(0, 0, 0); 5]);
            rows.push((2, 2, 0));
            rows
        });
        let problem = read(&pdf, &Budget::new(limits::MAX_INFLATED)).unwrap_err();
        assert!(
            problem.contains(
                "its cross-reference stream (object 9) places object 8, which gives the length of a stream, in an \
                 object stream (object 2)"
            ),
            "{problem}"
        );
        // A stream (2) whose length lies in an object stream (3) of 16 MiB: nothing is
        // decompressed but the cross-reference stream.
        let bomb = zlib(&vec![b' '; 16 << 20]);
        let mut more = b"<</Length 8 0 R>> stream\nabc\nendstream endobj\n3 0 obj ".to_vec();
        more.extend(format!("<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {}>> stream\n", bomb.len()).bytes());
        more.extend(&bomb);
        more.extend(b"\nendstream");
        let pdf = with_rows(&more, |at| {
            let mut rows = vec![(0, 0, 255), (1, at(1), 0), (1, at(2), 0), (1, at(3), 0)];
            rows.extend([(0, 0, 0); 4]);
            rows.push((2, 3, 0));
            rows
        });
        let budget = Budget::new(limits::MAX_INFLATED);
        let problem = read(&pdf, &budget).unwrap_err();
        assert!(
            problem.contains("places object 8, which gives the length of a stream, in an object stream (object 3)"),
            "{problem}"
        );
        assert!(budget.spent() < 1024, "{}", budget.spent());
    }

    /// An object that gives a stream's length must be a plain number where the cross-reference
    /// data places it: a stream whose length is a stream whose length is a stream, 20,000 deep,
    /// overflowed the stack (lopdf reads each as it reads the one before). A plain number read
    /// as a length is fine.
    #[test]
    fn a_length_must_be_a_plain_number() {
        let stream = |length: String| format!("<</Length {length}>> stream\nx\nendstream").into_bytes();
        let mut bodies = vec![b"<</Type/Catalog>>".to_vec()];
        bodies.extend((2..20_000).map(|i| stream(format!("{} 0 R", i + 1))));
        bodies.push(stream("1".into()));
        let problem = embedded_files(&with_table(&bodies)).unwrap_err();
        assert!(
            problem.contains("its object 3, which gives the length of a stream, is not a plain number at byte 94"),
            "{problem}"
        );
        let pdf = with_table(&[
            b"<</Type/Catalog/Names<</EmbeddedFiles<</Names [(a.yaml) 2 0 R]>>>>>>".to_vec(),
            b"<</Type/Filespec/UF (a.yaml)/EF <</F 3 0 R>>>>".to_vec(),
            b"<</Type/EmbeddedFile/Length 4 0 R>> stream\ntitle: x\n\nendstream".to_vec(),
            b"9".to_vec(),
        ]);
        let files = embedded_files(&pdf).unwrap();
        assert_eq!((files[0].name.as_str(), &files[0].data[..]), ("a.yaml", &b"title: x\n"[..]));
    }

    /// An object in an object stream is read within its place, at most 4 MiB, as one in the
    /// file is: lopdf parsed it whole, up to 64 MiB (some 300–450 MB), and once for each entry
    /// of the index that gave its place.
    #[test]
    fn an_object_in_an_object_stream_is_held_to_four_mib() {
        // Objects 1 and 3 in object stream 2, and 4 (an attachment's data) in the file.
        let with_objects = |index: &str, objects: &[u8]| {
            let data = zlib(&[index.as_bytes(), objects].concat());
            let mut more =
                format!("<</Type/ObjStm/N 1/First {}/Filter/FlateDecode/Length {}>> stream\n", index.len(), data.len())
                    .into_bytes();
            more.extend(data);
            more.extend(b"\nendstream endobj\n4 0 obj <</Length 9>> stream\ntitle: x\n\nendstream");
            with_rows(&more, |at| vec![(0, 0, 255), (2, 2, 0), (1, at(2), 0), (2, 2, 1), (1, at(4), 0)])
        };
        let read = |pdf: &[u8]| read(pdf, &Budget::new(limits::MAX_INFLATED));
        let mut catalog = b"<</Type/Catalog/AF [".to_vec();
        catalog.extend(b"3 0 R ".repeat(1 << 20));
        catalog.extend(b"]>>");
        let problem = read(&with_objects("1 0 ", &catalog)).unwrap_err();
        assert!(
            problem
                .contains("an object stream it needs holds an object (object 1) 6291479 bytes long, more than 4 MiB"),
            "{problem}"
        );
        // Two objects at one place; then each in its own.
        let problem = read(&with_objects("1 0 3 0 ", b"<</Type/Catalog/AF [3 0 R]>>")).unwrap_err();
        assert!(problem.contains("says two of its objects (objects 1 and 3) begin at one place"), "{problem}");
        let problem = read(&with_objects("1 0 3 29 ", b"<</Type/Catalog/AF [3 0 R]>> 42")).unwrap_err();
        assert!(
            problem.contains("the attachment 1 of 1 is damaged: its entry is not a file specification"),
            "{problem}"
        );
        // One object read for each of many entries: parsed within 16 MiB in all.
        let spec = |padding: usize| {
            let spec = format!("<</Type/Filespec/UF (a.yaml)/EF <</F 4 0 R>>/X ({})>>", "x".repeat(padding));
            let catalog = format!("<</Type/Catalog/AF [{}]>> ", "3 0 R ".repeat(10));
            with_objects(&format!("1 0 3 {} ", catalog.len()), format!("{catalog}{spec}").as_bytes())
        };
        assert_eq!(embedded_files(&spec(100)).unwrap().len(), 10);
        let problem = read(&spec(3 << 20)).unwrap_err();
        assert!(
            problem.contains("an object stream it needs has more of its objects read than 16 MiB in all"),
            "{problem}"
        );
    }
}
