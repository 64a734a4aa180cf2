//! The editor's routes: the page and its two files, the file's text and state, form edits,
//! the preview, and saving.
//!
//! | route | answer |
//! |---|---|
//! | `GET /` | the page (`/?token=…` first: the cookie, and a redirect to `/`) |
//! | `GET /editor.css`, `/editor.js` | the page's style and script |
//! | `GET /font/ja.ttf` | the Japanese face briefings are set in, for the page's own text |
//! | `GET /api/state` | the file as it is on disk: its text, hash and form |
//! | `GET /api/status` | the file's hash on disk now (the page polls it to see outside changes) |
//! | `POST /api/snapshot` `{source}` | the form of a text typed in the Source tab |
//! | `POST /api/apply` `{source, edits}` | the text with form edits made, and its form |
//! | `POST /api/preview` `{source, lang}` | the pages of the text as built, as image addresses |
//! | `GET /preview/N/P.png` | page P of preview N |
//! | `POST /api/save` `{source, hash}` | writes the text, unless the file changed since `hash` (409) |

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response};

use super::form;
use super::gate::{self, Access, Gate, Refusal};
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
    limit: usize,
    /// The last good preview: its number (in its images' addresses) and its pages.
    preview: (u64, Vec<Vec<u8>>),
}

/// An answer: status, content type, body, and whether it sets the cookie.
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

#[derive(Deserialize)]
struct SourceBody {
    source: String,
}

#[derive(Deserialize)]
struct ApplyBody {
    source: String,
    edits: Value,
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

    /// Answers one request; nothing a request says can stop the server.
    pub fn answer(&mut self, mut request: Request) {
        let answer = self.route(&mut request);
        // A length, not chunks: every answer is whole in memory.
        let mut response =
            Response::from_data(answer.body).with_status_code(answer.status).with_chunked_threshold(usize::MAX);
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
        for (k, v) in headers {
            if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                response.add_header(h);
            }
        }
        let _ = request.respond(response);
    }

    fn route(&mut self, request: &mut Request) -> Answer {
        let method = request.method().clone();
        let url = request.url().to_string();
        let access = match self.gate.check(&method, &url, request.headers()) {
            Ok(a) => a,
            Err(r) => return r.into(),
        };
        if access == Access::FirstVisit {
            let mut a = Answer::bytes("text/plain; charset=utf-8", "opening the editor");
            a.status = 303;
            a.headers = vec![("Set-Cookie", self.gate.set_cookie()), ("Location", "/".into())];
            return a;
        }
        let path = gate::url_path(&url).to_string();
        match (method, path.as_str()) {
            (Method::Get, "/") => Answer::bytes("text/html; charset=utf-8", PAGE),
            (Method::Get, "/editor.css") => Answer::bytes("text/css; charset=utf-8", STYLE),
            (Method::Get, "/editor.js") => Answer::bytes("text/javascript; charset=utf-8", SCRIPT),
            (Method::Get, "/font/ja.ttf") => self.japanese_font(),
            (Method::Get, "/favicon.ico") => {
                Answer { status: 204, kind: "text/plain", body: Vec::new(), headers: Vec::new() }
            }
            (Method::Get, "/api/state") => self.state(),
            (Method::Get, "/api/status") => Answer::json(200, &json!({ "hash": self.disk_hash() })),
            (Method::Get, p) if p.starts_with("/preview/") => self.preview_image(p),
            (Method::Post, "/api/snapshot") => self.with_body(request, |e, b: SourceBody| {
                Answer::json(200, &json!({ "snapshot": form::snapshot(&e.name, &b.source, &e.fonts) }))
            }),
            (Method::Post, "/api/apply") => {
                self.with_body(request, |e, b: ApplyBody| match form::apply(&b.source, b.edits) {
                    Ok(source) => {
                        let snapshot = form::snapshot(&e.name, &source, &e.fonts);
                        Answer::json(200, &json!({ "source": source, "snapshot": snapshot }))
                    }
                    Err(message) => Answer::error(422, message),
                })
            }
            (Method::Post, "/api/preview") => self.with_body(request, |e, b: PreviewBody| e.build_preview(&b)),
            (Method::Post, "/api/save") => self.with_body(request, |e, b: SaveBody| e.save(&b)),
            (Method::Get | Method::Post, _) => Answer::error(404, "no such page"),
            _ => Answer::error(405, "not a method this server answers"),
        }
    }

    /// Reads a JSON body within the input limit, and runs `then` on it.
    fn with_body<T: serde::de::DeserializeOwned>(
        &mut self,
        request: &mut Request,
        then: impl FnOnce(&mut Editor, T) -> Answer,
    ) -> Answer {
        let body = match gate::read_body(request, self.limit) {
            Ok(b) => b,
            Err(r) => return r.into(),
        };
        match serde_json::from_slice::<T>(&body) {
            Ok(value) => then(self, value),
            Err(e) => Answer::error(400, format!("not a request this server understands: {e}")),
        }
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
        let briefings = match crate::validate::load_briefings(&file, &Limits::default(), &|c| fonts.covers(c)) {
            Ok(b) => b,
            Err(d) => {
                return Answer::error(422, format!("{} problem(s); the preview shows the last good version", d.len()))
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
            let job = crate::Job::Single { briefing, theme: &theme };
            crate::make(&job, &context, &[crate::Format::Png]).map_err(|e| e.to_string())
        });
        let pages = made.and_then(|made| {
            let drawn = made.artifacts.into_iter().map(|a| a.files.into_made()).collect::<Result<Vec<_>, _>>();
            drawn.map(|files| files.concat()).map_err(|e| e.to_string())
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
            return Answer::error(413, "the briefing is larger than the input limit (4 MiB)");
        }
        let Some(busy) = files::Busy::start() else {
            return Answer::error(503, "briefing edit is stopping; nothing was saved");
        };
        let written = files::write_atomic(&self.path, &bytes, Existing::Replace);
        drop(busy);
        match written {
            Ok(()) => Answer::json(200, &json!({ "hash": hex(md5_of(&bytes)) })),
            Err(e) => Answer::error(500, e.message()),
        }
    }
}

fn md5_of(bytes: &[u8]) -> [u8; 16] {
    use md5::Digest as _;
    md5::Md5::digest(bytes).into()
}

fn hex(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
