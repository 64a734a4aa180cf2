//! The editor's routes: the page and its two files, the file's text and state, form edits,
//! the preview, and saving.
//!
//! | route | answer |
//! |---|---|
//! | `GET /` | the page's shell, to anyone who names this server (`/?token=…` first: with the session secret) |
//! | `GET /editor.css`, `/editor.js` | the page's style and script, to anyone as the shell |
//! | `GET /font/ja.ttf` | the Japanese face briefings are set in, for the page's own text |
//! | `GET /api/state` | the file as it is on disk: its text, hash and form |
//! | `GET /api/status` | the file's hash on disk now (the page polls it to see outside changes) |
//! | `POST /api/snapshot` `{source}` | the form of a text typed in the Source tab |
//! | `POST /api/apply` `{source, edits}` | the text with form edits made, and its form |
//! | `POST /api/preview` `{source, lang}` | the pages of the text as built, as image addresses |
//! | `GET /preview/N/P.png` | page P of preview N |
//! | `POST /api/save` `{source, hash}` | writes the text, unless the file changed since `hash` (409) |
//!
//! Every route but the first three wants the session secret in a header (`gate`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{json, Value};

use super::form;
use super::gate::{self, Access, Gate, Refusal};
use super::http::{Request, Response};
use crate::app::config::Settings;
use crate::app::error::FileKind;
use crate::app::files::{self, Existing};
use crate::app::{build_options, written_in, Template};
use crate::diag::SourceFile;
use crate::load::{self, Limits};

const PAGE: &str = include_str!("page/index.html");
const STYLE: &str = include_str!("page/editor.css");
const SCRIPT: &str = include_str!("page/editor.js");

/// The page loads nothing from elsewhere, runs no inline script or style, and may not be
/// framed.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; \
                   font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The preview's resolution: an A4 page about 900 pixels wide, sharp in a pane half a
/// screen wide.
const PREVIEW_PPI: f32 = 110.0;

/// The server's state: the one file it edits, how to build it, and the last good preview.
pub struct Editor {
    path: PathBuf,
    /// The file's name as the page shows it.
    name: String,
    /// Whether the file on disk starts with a byte order mark (kept on saving).
    bom: bool,
    template: Template,
    fonts: crate::fonts::FontBook,
    settings: Settings,
    gate: Gate,
    /// The input limit, in bytes.
    limit: usize,
    /// The last good preview: its number (in its images' addresses) and its pages.
    preview: (u64, Vec<Vec<u8>>),
}

/// An answer: status, content type, body, and headers of its own.
struct Answer {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Answer {
    fn json(status: u16, value: &Value) -> Answer {
        Answer { status, kind: "application/json", body: value.to_string().into_bytes(), headers: Vec::new() }
    }

    fn bytes(kind: &'static str, body: impl Into<Vec<u8>>) -> Answer {
        Answer { status: 200, kind, body: body.into(), headers: Vec::new() }
    }

    fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer::json(status, &json!({ "error": message.into() }))
    }
}

impl From<Refusal> for Answer {
    fn from(r: Refusal) -> Answer {
        Answer::error(r.status, r.reason)
    }
}

impl From<Answer> for Response {
    /// The answer with the headers every answer carries.
    fn from(answer: Answer) -> Response {
        let mut headers = vec![
            ("Content-Type", answer.kind.to_string()),
            ("Content-Security-Policy", CSP.to_string()),
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("Referrer-Policy", "no-referrer".to_string()),
            ("Cross-Origin-Resource-Policy", "same-origin".to_string()),
        ];
        if !answer.headers.iter().any(|(k, _)| *k == "Cache-Control") {
            headers.push(("Cache-Control", "no-store".to_string()));
        }
        headers.extend(answer.headers);
        Response { status: answer.status, headers, body: answer.body }
    }
}

/// A request the gate refused, answered.
pub fn refusal(r: Refusal) -> Response {
    Answer::from(r).into()
}

/// The answer to a request that comes when the editor is stopping.
pub fn stopping() -> Response {
    Answer::error(503, "briefing edit is stopping; nothing was saved").into()
}

/// The most bytes a request's body may have: a text at the input limit as the page sends it,
/// JSON-encoded (a control character is six bytes, `\u0001`; a quote or a line break two),
/// and room for the rest of the request (a hash, a language, an edit's field and value).
pub fn max_body() -> usize {
    Limits::default().max_bytes * 6 + (64 << 10)
}

/// A request that carries the page's text.
trait WithSource {
    fn source(&self) -> &str;
}

macro_rules! with_source {
    ($($t:ty),*) => {$(
        impl WithSource for $t {
            fn source(&self) -> &str {
                &self.source
            }
        }
    )*};
}

with_source!(SourceBody, ApplyBody, PreviewBody, SaveBody);

#[derive(Deserialize)]
struct SourceBody {
    source: String,
}

#[derive(Deserialize)]
struct ApplyBody {
    source: String,
    edits: form::Edits,
}

#[derive(Deserialize)]
struct PreviewBody {
    source: String,
    lang: Option<String>,
}

#[derive(Deserialize)]
struct SaveBody {
    source: String,
    hash: String,
}

impl Editor {
    pub fn new(path: &Path, file: SourceFile, template: Template, settings: Settings, gate: Gate) -> Editor {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let fonts = template.font_book();
        Editor {
            path: path.to_path_buf(),
            name,
            bom: file.bom,
            template,
            fonts,
            settings,
            gate,
            limit: Limits::default().max_bytes,
            preview: (0, Vec::new()),
        }
    }

    /// Answers one request that passed the gate (`access` says how); nothing a request says
    /// can stop the server.
    pub fn answer(&mut self, request: &Request, access: Access) -> Response {
        self.route(request, access).into()
    }

    fn route(&mut self, request: &Request, access: Access) -> Answer {
        if access == Access::FirstVisit {
            return Answer::bytes("text/html; charset=utf-8", first_page(self.gate.session()));
        }
        // (HEAD is GET without the body, which the HTTP layer leaves out.)
        let method = if request.method == "HEAD" { "GET" } else { request.method.as_str() };
        match (method, gate::url_path(&request.target)) {
            ("GET", "/") => Answer::bytes("text/html; charset=utf-8", PAGE),
            ("GET", "/editor.css") => Answer::bytes("text/css; charset=utf-8", STYLE),
            ("GET", "/editor.js") => Answer::bytes("text/javascript; charset=utf-8", SCRIPT),
            ("GET", "/font/ja.ttf") => self.japanese_font(),
            ("GET", "/favicon.ico") => {
                Answer { status: 204, kind: "text/plain", body: Vec::new(), headers: Vec::new() }
            }
            ("GET", "/api/state") => self.state(),
            ("GET", "/api/status") => Answer::json(200, &json!({ "hash": self.disk_hash() })),
            ("GET", p) if p.starts_with("/preview/") => self.preview_image(p),
            ("POST", "/api/snapshot") => self.with_body(request, |e, b: SourceBody| {
                Answer::json(200, &json!({ "snapshot": form::snapshot(&e.name, &b.source, &e.fonts) }))
            }),
            ("POST", "/api/apply") => {
                self.with_body(request, |e, b: ApplyBody| match form::apply(&b.source, b.edits) {
                    Ok(source) => {
                        let snapshot = form::snapshot(&e.name, &source, &e.fonts);
                        Answer::json(200, &json!({ "source": source, "snapshot": snapshot }))
                    }
                    Err((status, message)) => Answer::error(status, message),
                })
            }
            ("POST", "/api/preview") => self.with_body(request, |e, b: PreviewBody| e.build_preview(&b)),
            ("POST", "/api/save") => self.with_body(request, |e, b: SaveBody| e.save(&b)),
            ("GET" | "POST", _) => Answer::error(404, "no such page"),
            _ => Answer::error(405, "not a method this server answers"),
        }
    }

    /// Reads a JSON body whose text is within the input limit, and runs `then` on it.
    fn with_body<T: serde::de::DeserializeOwned + WithSource>(
        &mut self,
        request: &Request,
        then: impl FnOnce(&mut Editor, T) -> Answer,
    ) -> Answer {
        match serde_json::from_slice::<T>(&request.body) {
            Ok(value) if value.source().len() > self.limit => Answer::error(413, self.too_large(value.source().len())),
            Ok(value) => then(self, value),
            Err(e) => Answer::error(400, format!("not a request this server understands: {e}")),
        }
    }

    /// Why a text of `bytes` is refused, as `build` says it of a file.
    fn too_large(&self, bytes: usize) -> String {
        format!("{}; shorten it to preview or save it", load::too_large_message(Some(bytes as u64), self.limit))
    }

    /// The file's bytes on disk now, read as `build` reads a briefing.
    fn read_disk(&self) -> Result<Vec<u8>, crate::app::Error> {
        files::read(&self.path, FileKind::Briefing)
    }

    /// A hash of the file on disk now (`null` when it cannot be read: removed, renamed).
    fn disk_hash(&self) -> Option<String> {
        files::fingerprint(&self.path, FileKind::Briefing).map(hex)
    }

    fn state(&mut self) -> Answer {
        let bytes = match self.read_disk() {
            Ok(b) => b,
            Err(e) => return Answer::error(500, e.message()),
        };
        let hash = hex(md5_of(&bytes));
        let file = match load::source_from_bytes(self.name.clone(), bytes, &Limits::default()) {
            Ok(f) => f,
            Err(e) => return Answer::error(422, crate::app::template::load_error(e).message()),
        };
        self.bom = file.bom;
        let snapshot = form::snapshot(&self.name, &file.text, &self.fonts);
        Answer::json(
            200,
            &json!({ "file": self.name, "path": self.path.display().to_string(), "source": file.text,
                     "hash": hash, "snapshot": snapshot }),
        )
    }

    /// Builds the text on the page as `build` would, and draws its pages. The last good
    /// preview stays when the text has problems.
    fn build_preview(&mut self, body: &PreviewBody) -> Answer {
        let file = SourceFile::new(self.name.clone(), body.source.clone());
        let fonts = &self.fonts;
        let briefings = match crate::validate::load_briefings(&file, &Limits::default(), fonts) {
            Ok(b) => b,
            Err(d) => {
                return Answer::error(
                    422,
                    format!("{} problem(s); the preview shows the last good version", crate::diag::problems(&d)),
                )
            }
        };
        let languages: Vec<&str> = briefings.iter().map(|b| b.lang.as_str()).collect();
        let chosen =
            body.lang.as_deref().and_then(|l| briefings.iter().position(|b| written_in(&b.lang, l))).unwrap_or(0);
        let briefing = &briefings[chosen];
        // Made as `build` makes it (the same options, theme and fonts), by the PNG back end.
        let made = self.template.theme_for(&briefing.lang).map_err(|e| e.message()).and_then(|theme| {
            let mut options = build_options(&self.settings, &self.template, &file, &self.path);
            options.ppi = PREVIEW_PPI;
            let page = crate::html::PageOptions::default();
            let context = crate::Context { fonts, options: &options, page: &page };
            let job = crate::Job::Single { briefing, theme };
            crate::make(&job, &context, &[crate::Format::Png]).map_err(|e| not_drawn(&e))
        });
        let pages = made.and_then(|made| {
            let drawn = made.artifacts.into_iter().map(|a| a.files.into_made()).collect::<Result<Vec<_>, _>>();
            drawn.map(|files| files.concat()).map_err(|e| not_drawn(&e))
        });
        let pages = match pages {
            Ok(pages) => pages,
            Err(message) => return Answer::error(422, message),
        };
        let number = self.preview.0 + 1;
        let urls: Vec<String> = (1..=pages.len()).map(|p| format!("/preview/{number}/{p}.png")).collect();
        self.preview = (number, pages);
        Answer::json(200, &json!({ "pages": urls, "lang": briefing.lang, "languages": languages }))
    }

    fn preview_image(&self, path: &str) -> Answer {
        let rest = path.trim_start_matches("/preview/");
        let parsed = rest
            .split_once('/')
            .and_then(|(n, p)| Some((n.parse::<u64>().ok()?, p.strip_suffix(".png")?.parse::<usize>().ok()?)));
        match parsed {
            Some((n, p)) if n == self.preview.0 && p >= 1 && p <= self.preview.1.len() => {
                let mut a = Answer::bytes("image/png", self.preview.1[p - 1].clone());
                a.headers.push(("Cache-Control", "private, max-age=600".into()));
                a
            }
            _ => Answer::error(404, "no such preview page (a newer one replaced it)"),
        }
    }

    fn japanese_font(&self) -> Answer {
        let style = crate::fonts::FontStyle { bold: false, italic: false };
        match self.fonts.face_for('日', style).or_else(|| crate::fonts::FontBook::builtin().face_for('日', style)) {
            Some(face) => {
                let mut a = Answer::bytes("font/ttf", self.fonts.source(face).data.to_vec());
                a.headers.push(("Cache-Control", "private, max-age=86400".into()));
                a
            }
            None => Answer::error(404, "no Japanese face"),
        }
    }

    /// Writes the page's text over the file, atomically, unless the file changed on disk
    /// since the page loaded it (`hash`).
    fn save(&mut self, body: &SaveBody) -> Answer {
        let now = self.disk_hash();
        if now.as_deref() != Some(body.hash.as_str()) {
            let why = match now {
                Some(_) => format!("{} changed on disk since it was loaded; reload it first", self.name),
                None => format!("{} is no longer on disk where it was opened", self.name),
            };
            return Answer::json(409, &json!({ "error": why, "hash": now }));
        }
        let bom: &[u8] = if self.bom { "\u{FEFF}".as_bytes() } else { &[] };
        let bytes = [bom, body.source.as_bytes()].concat();
        if bytes.len() > self.limit {
            return Answer::error(413, self.too_large(bytes.len()));
        }
        // (The server holds a `files::Busy` while it answers.)
        match files::write_atomic(&self.path, &bytes, Existing::Replace) {
            Ok(()) => Answer::json(200, &json!({ "hash": hex(md5_of(&bytes)) })),
            // (`build` would say "--force replaces it": the editor has no such option.)
            Err(crate::app::Error::ReadOnly { .. }) => Answer::error(
                403,
                format!(
                    "{} is read-only, so it was not saved; make it writable and save again (your edits stay here)",
                    self.name
                ),
            ),
            Err(e) => Answer::error(500, e.message()),
        }
    }
}

/// The page as the first visit opens it: with the session secret, for its script to keep
/// and send with every request (the secret is hex: nothing to escape).
fn first_page(session: &str) -> String {
    let meta = format!("<meta name=\"briefing-session\" content=\"{session}\">\n");
    PAGE.replacen("<title>", &format!("{meta}<title>"), 1)
}

/// Why a preview was not made, in the page's terms: it has no `--ppi` to lower.
fn not_drawn(e: &crate::document::Error) -> String {
    use crate::raster::{RasterError, MAX_TOTAL_PIXELS};
    match e {
        crate::document::Error::Raster(RasterError::TooManyPixels { pages, total, .. }) => {
            let most = MAX_TOTAL_PIXELS / (total / *pages as u64).max(1);
            format!(
                "{pages} pages are more than the preview draws (about {most} of this size); the form and Problems \
                 still work, and `briefing build` makes the whole PDF"
            )
        }
        e => e.to_string(),
    }
}

fn md5_of(bytes: &[u8]) -> [u8; 16] {
    use md5::Digest as _;
    md5::Md5::digest(bytes).into()
}

fn hex(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
