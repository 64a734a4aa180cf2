//! `briefing edit`: the real binary, started with `--no-open` on a free port, asked over
//! plain HTTP. Who may talk to it (token and session header, Host, Origin), how much (the input
//! limit), saving (atomic, only the edited value changed, never over a change made on disk
//! since the page loaded the file), and Ctrl-C.

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The header the page sends its session secret in.
const SESSION: &str = "X-Briefing-Session";

/// A running editor, killed if a test ends without stopping it.
struct Editor {
    child: Child,
    port: u16,
    token: String,
    /// The session secret the first visit's page carries (got on first use when a test did
    /// not visit first itself).
    session: std::cell::OnceCell<String>,
}

impl Drop for Editor {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An answer: status, headers (names lower-cased), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&self.body)))
    }
}

impl Editor {
    /// Starts `briefing edit FILE --no-open` and reads the address it prints.
    fn start(file: &Path) -> Editor {
        Editor::start_with(file, &[])
    }

    /// [`Editor::start`] with more arguments.
    fn start_with(file: &Path, args: &[&str]) -> Editor {
        let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
        command.args(["edit", file.to_str().unwrap(), "--no-open"]).args(args).current_dir(file.parent().unwrap());
        Editor::spawn(command)
    }

    /// Starts `command`, a `briefing edit`, and reads the address it prints.
    fn spawn(mut command: Command) -> Editor {
        let mut child =
            command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the briefing binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.trim();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| panic!("an address on 127.0.0.1: {url:?}"));
        let (port, query) = rest.split_once('/').unwrap();
        let token = query.strip_prefix("?token=").unwrap().to_string();
        assert!(token.len() >= 32, "a long random token: {token}");
        Editor { child, port: port.parse().unwrap(), token, session: std::cell::OnceCell::new() }
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn session(&self) -> String {
        self.session
            .get_or_init(|| {
                let first = self.send("GET", &format!("/?token={}", self.token), &[("Host", self.host())], b"");
                assert_eq!(first.status, 200, "the first visit");
                Self::session_of(&first)
            })
            .clone()
    }

    /// The session secret in the page a first visit opens.
    fn session_of(first: &Answer) -> String {
        let html = String::from_utf8_lossy(&first.body);
        let (_, rest) = html.split_once(r#"<meta name="briefing-session" content=""#).expect("the session in the page");
        rest.split('"').next().unwrap().to_string()
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends one request with these headers and body, and reads the answer.
    fn send(&self, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Answer {
        self.send_within(Duration::from_secs(120), method, path, headers, body)
    }

    /// [`Editor::send`], failing the test when the answer takes longer than `wait`.
    fn send_within(&self, wait: Duration, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Answer {
        let started = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(wait)).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) and close before the whole body is sent.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        assert!(started.elapsed() < wait, "{method} {path}: no answer within {wait:?}");
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Answer { status, headers, body: raw[split + 4..].to_vec() }
    }

    /// A GET as the page sends it.
    fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[("Host", self.host()), (SESSION, self.session())], b"")
    }

    /// A POST of JSON as the page sends it.
    fn post(&self, path: &str, body: &serde_json::Value) -> Answer {
        let headers = [
            ("Host", self.host()),
            (SESSION, self.session()),
            ("Origin", self.origin()),
            ("Content-Type", "application/json".to_string()),
        ];
        self.send("POST", path, &headers, body.to_string().as_bytes())
    }

    /// Sends SIGINT (Ctrl-C) and waits for the editor to end.
    fn interrupt(mut self) -> (std::process::ExitStatus, String) {
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGINT);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < deadline, "the editor did not end within 30 s of Ctrl-C");
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut err = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        (status, err)
    }
}

/// A copy of the seed briefing, `seed.yaml`, in a fresh folder.
fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = common::tempdir();
    let file = dir.path().join("seed.yaml");
    std::fs::copy(common::seed(), &file).unwrap();
    (dir, file)
}

#[test]
fn the_token_opens_the_page_once_then_the_session_header_does() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let host = [("Host", e.host())];

    // The page's shell holds nothing of the briefing: anyone who names this server has it (a
    // reload of the page is such a request); its secret comes only with the token.
    let shell = e.send("GET", "/", &host, b"");
    assert_eq!(shell.status, 200);
    let html = String::from_utf8(shell.body).unwrap();
    assert!(!html.contains("briefing-session") && !html.contains("Results of"), "{html}");
    let wrong = e.send("GET", &format!("/?token={}", "0".repeat(64)), &host, b"");
    assert_eq!(wrong.status, 403);

    let first = e.send("GET", &format!("/?token={}", e.token), &host, b"");
    assert_eq!(first.status, 200, "the first visit opens the page, with the session in it");
    assert!(first.header("set-cookie").is_none(), "no cookie: a browser sends one to every port");
    let session = Editor::session_of(&first);
    assert_eq!(session.len(), 64);
    // text45b F45b-6: the session is not the token, and the token opens the page once.
    assert_ne!(session, e.token);
    e.session.set(session).unwrap();
    let again = e.send("GET", &format!("/?token={}", e.token), &host, b"");
    assert_eq!(again.status, 403, "a second visit with the token");
    let with_session =
        e.send("GET", &format!("/?token={}", e.token), &[("Host", e.host()), (SESSION, e.session())], b"");
    assert_eq!(with_session.status, 403, "a second visit with the token, and the session");
    assert_eq!(e.send("GET", "/api/state", &[("Host", e.host()), (SESSION, e.token.clone())], b"").status, 403);

    let page = e.get("/");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    for part in ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"] {
        assert!(csp.contains(part), "{csp}");
    }
    let html = String::from_utf8(first.body).unwrap();
    assert!(html.contains(r#"<script src="/editor.js""#) && !html.contains("<style"), "no inline style or script");
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert_eq!(e.get("/editor.js").status, 200);

    // Every other route wants the session, and a wrong one is refused.
    for path in ["/api/state", "/api/status", "/font/ja.ttf", "/preview/1/1.png"] {
        assert_eq!(e.send("GET", path, &host, b"").status, 401, "{path}");
        assert_eq!(e.send("GET", path, &[("Host", e.host()), (SESSION, "f".repeat(64))], b"").status, 403, "{path}");
    }
    let state = e.get("/api/state").json();
    assert_eq!(state["source"].as_str().unwrap(), std::fs::read_to_string(&file).unwrap());
}

/// text46b F46b-8: the session was a cookie, which the browser also sent to every other server
/// on 127.0.0.1 the user visited, whatever its port; that server could read the briefing and
/// save over it. A cookie now opens nothing, and no other origin may send the header: a CORS
/// preflight is never allowed.
#[test]
fn a_cookie_with_the_session_opens_nothing_and_no_other_origin_may_send_it() {
    let (_dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let e = Editor::start(&file);
    let hash = e.get("/api/state").json()["hash"].as_str().unwrap().to_string();
    let stolen = format!("briefing-edit-{}={}", e.port, e.session());
    let read = e.send("GET", "/api/state", &[("Host", e.host()), ("Cookie", stolen.clone())], b"");
    assert_eq!(read.status, 401);
    assert!(!String::from_utf8_lossy(&read.body).contains("title"), "nothing of the file is given away");
    let body = serde_json::json!({ "source": "title: Overwritten by another local user\n", "hash": hash }).to_string();
    let headers = [
        ("Host", e.host()),
        ("Cookie", stolen),
        ("Origin", e.origin()),
        ("Content-Type", "application/json".to_string()),
    ];
    assert_eq!(e.send("POST", "/api/save", &headers, body.as_bytes()).status, 401);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file is untouched");
    // The preflight a page of another port sends before a request with the header.
    for origin in ["http://127.0.0.1:18999".to_string(), e.origin()] {
        let preflight = [
            ("Host", e.host()),
            ("Origin", origin.clone()),
            ("Access-Control-Request-Method", "POST".to_string()),
            ("Access-Control-Request-Headers", "content-type,x-briefing-session".to_string()),
        ];
        let a = e.send("OPTIONS", "/api/save", &preflight, b"");
        assert!(a.status >= 400, "{origin}: {}", a.status);
        assert!(a.headers.iter().all(|(k, _)| !k.starts_with("access-control-")), "{origin}: {:?}", a.headers);
    }
    // The page's own requests, with the header, work.
    let body = serde_json::json!({ "source": "title: Saved by the page\n", "hash": hash });
    assert_eq!(e.post("/api/save", &body).status, 200);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "title: Saved by the page\n");
}

#[test]
fn another_host_is_refused_even_with_the_session() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    for host in [format!("evil.example:{}", e.port), "127.0.0.1".into(), format!("127.0.0.1:{}", e.port + 1)] {
        let a = e.send("GET", "/api/state", &[("Host", host.clone()), (SESSION, e.session())], b"");
        assert_eq!(a.status, 403, "Host {host}");
        assert!(!String::from_utf8_lossy(&a.body).contains("title:"), "nothing of the file is given away");
    }
    let local = e.send("GET", "/api/state", &[("Host", format!("localhost:{}", e.port)), (SESSION, e.session())], b"");
    assert_eq!(local.status, 200);
}

/// The head is bounded at 16 KiB as it says, not at the read it ends in (text18a H67-4), and
/// a refusal of the HTTP layer is never stored and runs nothing, as every answer; HEAD is
/// answered (H67-5).
#[test]
fn headers_past_16_kib_are_refused_and_every_refusal_has_the_security_headers() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    // About 17 KiB of headers: past the limit, within the 4 KiB read that ends them.
    let padding = "x".repeat(17 * 1024);
    let a = e.send("GET", "/api/state", &[("Host", e.host()), (SESSION, e.session()), ("X-Pad", padding)], b"");
    assert_eq!(a.status, 431);
    let just_under = "x".repeat(15 * 1024);
    let b = e.send("GET", "/api/state", &[("Host", e.host()), (SESSION, e.session()), ("X-Pad", just_under)], b"");
    assert_eq!(b.status, 200);
    // HEAD is answered as GET, without the body (text18a H67-5).
    let head = e.send("HEAD", "/", &[("Host", e.host()), (SESSION, e.session())], b"");
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(head.header("content-length"), e.get("/").header("content-length"));
    // (A lower-case method is no HTTP request line: refused by the HTTP layer, 400.)
    let c = e.send("get", "/", &[("Host", e.host())], b"");
    assert_eq!(c.status, 400);
    for answer in [&a, &c] {
        assert_eq!(answer.header("content-security-policy"), Some("default-src 'none'"), "{}", answer.status);
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{}", answer.status);
    }
}

#[test]
fn a_save_from_another_origin_changes_nothing() {
    let (_dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let e = Editor::start(&file);
    let hash = e.get("/api/state").json()["hash"].as_str().unwrap().to_string();
    let body = serde_json::json!({ "source": "title: pwned\n", "hash": hash }).to_string();
    for origin in [None, Some("http://evil.example".to_string()), Some(format!("http://127.0.0.1:{}", e.port + 1))] {
        let mut headers = vec![("Host", e.host()), (SESSION, e.session()), ("Content-Type", "application/json".into())];
        headers.extend(origin.clone().map(|o| ("Origin", o)));
        let a = e.send("POST", "/api/save", &headers, body.as_bytes());
        assert_eq!(a.status, 403, "Origin {origin:?}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file is untouched");
}

#[test]
fn a_body_over_the_input_limit_is_refused() {
    let (_dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let e = Editor::start(&file);
    let hash = e.get("/api/state").json()["hash"].as_str().unwrap().to_string();
    let big = format!("title: {}\n", "x".repeat((4 << 20) + 10));
    for route in ["/api/save", "/api/snapshot", "/api/preview", "/api/apply"] {
        let a = e.post(route, &serde_json::json!({ "source": big, "hash": hash, "edits": [] }));
        assert_eq!(a.status, 413, "{route}");
        let message = a.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains("too large: 4194322 bytes, and the limit is 4 MiB"), "{route}: {message}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // A body larger than any file at the limit could make is refused before it is read.
    let headers = [("Host", e.host()), (SESSION, e.session()), ("Origin", e.origin())];
    let huge = vec![b' '; 30 << 20];
    let a = e.send("POST", "/api/snapshot", &headers, &huge);
    assert_eq!(a.status, 413);
    assert!(a.json()["error"].as_str().unwrap().contains("larger than the editor takes"), "{}", a.json());
    // The server goes on answering.
    assert_eq!(e.get("/api/status").status, 200);
}

/// text46b F46b-11: a form edit that takes the file past the input limit was refused as
/// "the YAML does not parse (… too much text after expanding aliases …); fix it in the source
/// first". It is refused for its size, naming the field, as `build` refuses such a file.
#[test]
fn a_form_edit_past_the_input_limit_is_refused_for_its_size() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let source = e.get("/api/state").json()["source"].as_str().unwrap().to_string();
    let long = "policy dialogue ".repeat((4 << 20) / 16);
    let edit = serde_json::json!({ "op": "set", "path": "summary", "lang": null, "value": long });
    let refused = e.post("/api/apply", &serde_json::json!({ "source": source, "edits": [edit] }));
    assert_eq!(refused.status, 413, "{}", String::from_utf8_lossy(&refused.body));
    let message = refused.json()["error"].as_str().unwrap().to_string();
    assert!(message.starts_with("`summary`: with this edit the file would be too large: "), "{message}");
    assert!(message.contains("bytes, and the limit is 4 MiB (4194304 bytes)"), "{message}");
    assert!(!message.contains("parse") && !message.contains("aliases"), "{message}");
    assert_eq!(e.get("/api/status").status, 200, "the server goes on answering");
}

#[test]
fn a_file_near_the_limit_full_of_quotes_is_read_and_saved() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let hash = e.get("/api/state").json()["hash"].as_str().unwrap().to_string();
    // Valid, 3.9 MB, every character one the page's JSON.stringify writes as two bytes: the
    // text sent is twice the input limit.
    let seed = std::fs::read_to_string(&file).unwrap();
    let line = format!("  {}\n", "\"".repeat(77));
    let quoted = seed.replacen("summary: |\n", &format!("summary: |\n{}", line.repeat(3_900_000 / line.len())), 1);
    assert!(quoted.len() > 3_800_000 && quoted.len() < 4 << 20, "{}", quoted.len());
    let saved = e.post("/api/save", &serde_json::json!({ "source": quoted, "hash": hash }));
    assert_eq!(saved.status, 200, "{}", String::from_utf8_lossy(&saved.body));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), quoted);
    // The worst the page can send: a file at the limit of control characters, each written
    // `\u0001`, six bytes. It is not a valid briefing, but the editor reads it and says why.
    let control = format!("title: \"{}\"\n", "\u{1}".repeat((4 << 20) - 20));
    let snapshot = e.post("/api/snapshot", &serde_json::json!({ "source": control }));
    assert_eq!(snapshot.status, 200, "{}", String::from_utf8_lossy(&snapshot.body));
    assert!(!snapshot.json()["snapshot"]["problems"].as_array().unwrap().is_empty());
}

/// The seed briefing with its topics `times` over.
fn seed_with_topics(times: usize) -> String {
    let seed = std::fs::read_to_string(common::seed()).unwrap();
    let (head, rest) = seed.split_once("topics:\n").unwrap();
    let (topics, contact) = rest.split_once("contact:\n").unwrap();
    format!("{head}topics:\n{}contact:\n{contact}", topics.repeat(times))
}

/// Opens a connection to the editor, sends `head` (and what follows it), and leaves it open.
fn stall(e: &Editor, head: &str) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", e.port)).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream
}

/// Asks for the preview of `source`, as the page does, and leaves the connection open.
fn preview_under_way(e: &Editor, source: &str) -> TcpStream {
    let body = serde_json::json!({ "source": source }).to_string();
    let (host, session, origin, length) = (e.host(), e.session(), e.origin(), body.len());
    stall(
        e,
        &format!(
            "POST /api/preview HTTP/1.1\r\nHost: {host}\r\nX-Briefing-Session: {session}\r\nOrigin: {origin}\r\n\
             Content-Length: {length}\r\n\r\n{body}"
        ),
    )
}

/// The status of the answer that comes on `stream`, read within `wait`.
fn status_within(stream: &mut TcpStream, wait: Duration) -> u16 {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut line = [0u8; 12];
    stream.read_exact(&mut line).expect("an answer");
    std::str::from_utf8(&line[9..]).unwrap().parse().unwrap()
}

#[test]
fn a_client_that_never_sends_its_body_holds_up_no_one() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let host = e.host();
    // Each announces a megabyte, sends three bytes, and stays open: without the session, from
    // another origin, and with both (a page that stopped halfway).
    let mut refused =
        stall(&e, &format!("POST /api/save HTTP/1.1\r\nHost: {host}\r\nContent-Length: 1000000\r\n\r\nabc"));
    assert_eq!(status_within(&mut refused, Duration::from_secs(5)), 401, "refused at once");
    let session = e.session();
    let mut foreign = stall(
        &e,
        &format!(
            "POST /api/snapshot HTTP/1.1\r\nHost: {host}\r\nX-Briefing-Session: {session}\r\nOrigin: http://evil.example\r\n\
             Content-Length: 1000000\r\n\r\n{{\"source\":\""
        ),
    );
    assert_eq!(status_within(&mut foreign, Duration::from_secs(5)), 403, "refused at once");
    let origin = e.origin();
    let _halfway = stall(
        &e,
        &format!(
            "POST /api/snapshot HTTP/1.1\r\nHost: {host}\r\nX-Briefing-Session: {session}\r\nOrigin: {origin}\r\n\
             Content-Length: 1000000\r\n\r\n{{\"source\":\""
        ),
    );
    // A length no client could send is refused without reading or holding room for it.
    let mut huge =
        stall(&e, &format!("POST /api/save HTTP/1.1\r\nHost: {host}\r\nContent-Length: 1000000000000000\r\n\r\nabc"));
    assert_eq!(status_within(&mut huge, Duration::from_secs(5)), 401);
    // While all of them stay open, the page is answered at once.
    let headers = [("Host", e.host()), (SESSION, e.session())];
    for _ in 0..3 {
        let a = e.send_within(Duration::from_secs(5), "GET", "/api/status", &headers, b"");
        assert_eq!(a.status, 200);
    }
}

/// text47b F47b-6: a local process that opens more connections than the editor serves at
/// once, each with half a request that it never ends (a slow-loris), keeps no one from the
/// page: the connection that has waited longest for its head is closed to make room.
#[test]
fn half_sent_requests_past_the_most_connections_leave_room_for_the_page() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let host = e.host();
    // More than the 256 served at once: half a request line, or a line and a header.
    let _stalled: Vec<TcpStream> = (0..320)
        .map(|k| {
            if k % 2 == 0 {
                stall(&e, "GET /?tok")
            } else {
                stall(&e, &format!("GET / HTTP/1.1\r\nHost: {host}\r\n"))
            }
        })
        .collect();
    // The page, as the browser first opens it, is answered at once (it was 503).
    let first =
        e.send_within(Duration::from_secs(5), "GET", &format!("/?token={}", e.token), &[("Host", e.host())], b"");
    assert_eq!(first.status, 200, "{}", String::from_utf8_lossy(&first.body));
    let session = Editor::session_of(&first);
    // More stalled since, and what the page asks then, is answered too.
    let _more: Vec<TcpStream> = (0..64).map(|_| stall(&e, "GET /api/st")).collect();
    let headers = [("Host", e.host()), (SESSION, session)];
    let status = e.send_within(Duration::from_secs(5), "GET", "/api/status", &headers, b"");
    assert_eq!(status.status, 200, "{}", String::from_utf8_lossy(&status.body));
}

/// text48b F48b-1: any local process could announce a body of 25 MB less a byte to `GET /`
/// (open to anyone) and send all but its last byte: the editor read each into memory and held
/// it 30 s (twenty such held 530 MB, eighty ended it). A route that needs no session reads no
/// body: it is refused at once, unread.
#[test]
fn bodies_sent_where_no_session_let_them_in_are_refused_unread() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let host = e.host();
    let some = "a".repeat(60_000);
    let started = Instant::now();
    let mut held: Vec<TcpStream> = ["/", "/editor.js", "/?token=x"]
        .iter()
        .cycle()
        .take(48)
        .map(|path| {
            stall(&e, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 25000000\r\n\r\n{some}"))
        })
        .collect();
    for stream in &mut held {
        assert_eq!(status_within(stream, Duration::from_secs(5)), 413);
    }
    assert!(started.elapsed() < Duration::from_secs(10), "refused at once: {:?}", started.elapsed());
    // While they stay open, the page opens (the token was not spent by a refusal).
    let first =
        e.send_within(Duration::from_secs(5), "GET", &format!("/?token={}", e.token), &[("Host", e.host())], b"");
    assert_eq!(first.status, 200, "{}", String::from_utf8_lossy(&first.body));
}

/// text48b F48b-1: even with the session, the bodies held at once are bounded: past three of
/// the largest, a request is answered 503 before its body is read, and the room comes back
/// when a client goes away.
#[test]
fn the_bodies_held_at_once_are_bounded_even_with_the_session() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let (host, session, origin) = (e.host(), e.session(), e.origin());
    let head = format!(
        "POST /api/snapshot HTTP/1.1\r\nHost: {host}\r\nX-Briefing-Session: {session}\r\nOrigin: {origin}\r\n\
         Content-Length: 25000000\r\n\r\n{{\"source\":\""
    );
    let halfway: Vec<TcpStream> = (0..3).map(|_| stall(&e, &head)).collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut over = stall(&e, &head);
    assert_eq!(status_within(&mut over, Duration::from_secs(5)), 503, "no room for a fourth");
    drop(halfway);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let a = e.post("/api/snapshot", &serde_json::json!({ "source": "title: T\n" }));
        if a.status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "the room came back: {} {}", a.status, String::from_utf8_lossy(&a.body));
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A briefing with comments everywhere: before and between keys, after values, inside the
/// topic list, and blank lines.
const COMMENTED: &str = "\
# A briefing with comments everywhere.
title: Results of the workshop   # the title as printed
# the date of the meeting
date: 2026-06-18

organisation: Ministry   # who
summary: |
  The first paragraph.

  The second paragraph.
topics:
  # the first topic
  - title: Data          # short
    body: |
      Both sides shared progress.
  # the second topic
  - title: AI
    body: Work goes on.
contact:
  name: A. Person   # to call
  email: person@example.org
# the end
";

#[test]
fn a_form_edit_changes_one_line_and_a_save_writes_it_atomically() {
    let dir = common::tempdir();
    let file = dir.path().join("commented.yaml");
    std::fs::write(&file, COMMENTED).unwrap();
    let e = Editor::start(&file);
    let state = e.get("/api/state").json();
    assert!(state["snapshot"]["problems"].as_array().unwrap().is_empty(), "{}", state["snapshot"]);
    let hash = state["hash"].as_str().unwrap().to_string();

    // The form offers "Title" with the file's value, at its line.
    let title = state["snapshot"]["form"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["label"] == "Title")
        .unwrap_or_else(|| panic!("a field labelled Title: {}", state["snapshot"]["form"]));
    assert_eq!(title["path"], "title");
    assert_eq!(title["values"][0]["text"], "Results of the workshop");
    assert_eq!(title["line"], 2);

    // The page holds the text; "Title" is edited in the form, and the server writes the new
    // value where the old one stood.
    let edit =
        serde_json::json!({ "op": "set", "path": "title", "lang": null, "value": "Results of the second workshop" });
    let applied = e.post("/api/apply", &serde_json::json!({ "source": COMMENTED, "edits": [edit] }));
    assert_eq!(applied.status, 200, "{}", String::from_utf8_lossy(&applied.body));
    let applied = applied.json();
    let source = applied["source"].as_str().unwrap().to_string();
    assert_eq!(source, COMMENTED.replace("Results of the workshop", "Results of the second workshop"));
    let fields = applied["snapshot"]["form"]["fields"].as_array().unwrap();
    assert!(fields.iter().any(|f| f["label"] == "Title" && f["values"][0]["text"] == "Results of the second workshop"));
    // An edit the file cannot take is refused with a reason, and the text is not changed.
    let bad = serde_json::json!({ "op": "set", "path": "topics[7].title", "lang": null, "value": "X" });
    let refused = e.post("/api/apply", &serde_json::json!({ "source": COMMENTED, "edits": [bad] }));
    assert_eq!(refused.status, 422);
    assert!(refused.json()["error"].as_str().unwrap().contains("topics[7]"), "{}", refused.json());
    assert_eq!(e.post("/api/snapshot", &serde_json::json!({ "source": source })).status, 200);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), COMMENTED, "nothing is written before Save");

    let saved = e.post("/api/save", &serde_json::json!({ "source": source, "hash": hash }));
    assert_eq!(saved.status, 200, "{}", String::from_utf8_lossy(&saved.body));
    let after = std::fs::read_to_string(&file).unwrap();
    let changed: Vec<(&str, &str)> = COMMENTED.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(after.lines().count(), COMMENTED.lines().count());
    assert_eq!(
        changed,
        vec![(
            "title: Results of the workshop   # the title as printed",
            "title: Results of the second workshop   # the title as printed"
        )],
        "one value edited, one line changed"
    );
    // The status now gives the hash the save returned, and nothing was left beside the file.
    assert_eq!(e.get("/api/status").json()["hash"], saved.json()["hash"]);
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["commented.yaml".to_string()]);
}

#[test]
fn a_request_with_more_edits_than_the_page_sends_is_refused() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let source = e.get("/api/state").json()["source"].as_str().unwrap().to_string();
    let edits = |n: usize| -> Vec<serde_json::Value> {
        (0..n)
            .map(|i| serde_json::json!({ "op": "set", "path": "title", "lang": null, "value": format!("T{i}") }))
            .collect()
    };
    // The page sends one edit at a time; a few more are still made, each on the text before.
    let ten = e.post("/api/apply", &serde_json::json!({ "source": source, "edits": edits(10) }));
    assert_eq!(ten.status, 200, "{}", String::from_utf8_lossy(&ten.body));
    assert!(ten.json()["source"].as_str().unwrap().contains("title: T9\n"));
    // Thousands would each parse the whole file again: refused, before any is made.
    for n in [11, 20_000] {
        let many = e.post("/api/apply", &serde_json::json!({ "source": source, "edits": edits(n) }));
        assert_eq!(many.status, 413, "{n} edits");
        let message = many.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains(&format!("{n} edits in one request")) && message.contains("at most 10"), "{message}");
    }
    // Counted while the request is read, whatever they are (text43b F43b-1: a list of
    // millions of `{"a":0}` was built whole first, 1.7 GB for 24 MB, and the server died).
    let tiny = serde_json::json!({ "source": source, "edits": vec![serde_json::json!({ "a": 0 }); 20_000] });
    let many = e.post("/api/apply", &tiny);
    assert_eq!(many.status, 413, "{}", String::from_utf8_lossy(&many.body));
    assert!(many.json()["error"].as_str().unwrap().contains("20000 edits in one request"), "{}", many.json());
}

/// text48b F48b-7: a Japanese briefing without `lang:` is set as Japanese (`build` says
/// "lang: ja (detected)"); its form said nothing of it, so the page read its fields with
/// English rules. The form carries the language the build uses, and each topic its own.
#[test]
fn the_form_says_the_language_of_the_text_typed_or_found() {
    let dir = common::tempdir();
    let file = dir.path().join("jp.yaml");
    let japanese = "title: 第31回日EU・ICT政策対話の結果\ndate: 2026-06-18\ntopics:\n  - title: AIガバナンス\n    body: |\n      \
                    双方は、AIガバナンスの進捗を共有し、協力の継続に合意した。\n  - title: Data\n    lang: en\n    body: |\n      \
                    Both sides shared progress on data flows and agreed to continue their cooperation in this field next year.\n\
                    contact:\n  division: 国際政策課\n  tel: \"+81 3 5253 5920\"\n";
    std::fs::write(&file, japanese).unwrap();
    let e = Editor::start(&file);
    let topic_langs = |snapshot: &serde_json::Value| -> Vec<serde_json::Value> {
        snapshot["form"]["topics"].as_array().unwrap().iter().map(|t| t["lang"].clone()).collect()
    };
    let state = e.get("/api/state").json();
    assert_eq!(state["snapshot"]["lang"], "ja", "{}", state["snapshot"]);
    assert_eq!(topic_langs(&state["snapshot"]), [serde_json::Value::Null, "en".into()]);
    // With a problem (a misspelt key), as typed: the same.
    let broken = japanese.replace("date:", "organisaton: 総務省\ndate:");
    let snapshot = e.post("/api/snapshot", &serde_json::json!({ "source": broken })).json()["snapshot"].clone();
    assert!(!snapshot["problems"].as_array().unwrap().is_empty(), "{snapshot}");
    assert_eq!(
        (snapshot["lang"].as_str(), topic_langs(&snapshot)),
        (Some("ja"), vec![serde_json::Value::Null, "en".into()])
    );
    // English text: English; a file in several languages: each value says its own.
    let (_seed_dir, seed) = seed_copy();
    let english = std::fs::read_to_string(seed).unwrap();
    let snapshot = e.post("/api/snapshot", &serde_json::json!({ "source": english })).json()["snapshot"].clone();
    assert_eq!(snapshot["lang"], "en");
    let both = std::fs::read_to_string(common::fixture("bilingual.yaml")).unwrap();
    let snapshot = e.post("/api/snapshot", &serde_json::json!({ "source": both })).json()["snapshot"].clone();
    assert_eq!(
        (snapshot["lang"].clone(), snapshot["languages"].as_array().unwrap().len()),
        (serde_json::Value::Null, 2)
    );
}

#[test]
fn a_change_on_disk_is_noticed_and_never_overwritten() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let state = e.get("/api/state").json();
    let hash = state["hash"].as_str().unwrap().to_string();
    assert_eq!(e.get("/api/status").json()["hash"].as_str(), Some(hash.as_str()));

    // Another editor, or git pull, changes the file.
    let outside = state["source"].as_str().unwrap().replace("2020-10-06", "2020-10-07");
    std::fs::write(&file, &outside).unwrap();
    let now = e.get("/api/status").json();
    assert_ne!(now["hash"].as_str(), Some(hash.as_str()), "the status says the file changed");

    let mine = state["source"].as_str().unwrap().replace("Results of", "Outcome of");
    let refused = e.post("/api/save", &serde_json::json!({ "source": mine, "hash": hash }));
    assert_eq!(refused.status, 409);
    assert!(refused.json()["error"].as_str().unwrap().contains("seed.yaml changed on disk"), "{}", refused.json());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), outside, "the outside change stays");

    // Reloaded, the page saves over the new version.
    let reloaded = e.get("/api/state").json();
    assert_eq!(reloaded["source"].as_str(), Some(outside.as_str()));
    let mine = outside.replace("Results of", "Outcome of");
    let ok = e.post("/api/save", &serde_json::json!({ "source": mine, "hash": reloaded["hash"] }));
    assert_eq!(ok.status, 200);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), mine);

    // A file removed under the editor: the status says so, and a save is refused.
    std::fs::remove_file(&file).unwrap();
    assert!(e.get("/api/status").json()["hash"].is_null());
    let gone = e.post("/api/save", &serde_json::json!({ "source": mine, "hash": ok.json()["hash"] }));
    assert_eq!(gone.status, 409);
    assert!(!file.exists());
}

#[test]
fn a_read_only_file_is_not_saved_and_the_page_says_what_to_do() {
    let (_dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let e = Editor::start(&file);
    let state = e.get("/api/state").json();
    let mut perms = std::fs::metadata(&file).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&file, perms).unwrap();
    let mine = state["source"].as_str().unwrap().replace("Results of", "Outcome of");
    let refused = e.post("/api/save", &serde_json::json!({ "source": mine, "hash": state["hash"] }));
    assert_eq!(refused.status, 403);
    let message = refused.json()["error"].as_str().unwrap().to_string();
    assert!(message.contains("seed.yaml is read-only") && message.contains("make it writable"), "{message}");
    assert!(!message.contains("--force"), "the editor has no --force: {message}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn the_preview_is_the_built_pdf_drawn_and_the_last_good_one_stays() {
    let (_dir, file) = seed_copy();
    let e = Editor::start(&file);
    let source = e.get("/api/state").json()["source"].as_str().unwrap().to_string();
    let good = e.post("/api/preview", &serde_json::json!({ "source": source }));
    assert_eq!(good.status, 200, "{}", String::from_utf8_lossy(&good.body));
    let pages: Vec<String> =
        good.json()["pages"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    assert_eq!(pages.len(), 2, "the seed is two pages");
    let png = e.get(&pages[0]);
    assert_eq!(png.status, 200);
    assert_eq!(png.header("content-type"), Some("image/png"));
    assert!(png.body.starts_with(b"\x89PNG"));

    let broken = source.replace("date: 2020-10-06", "date: 2020-02-30");
    let bad = e.post("/api/preview", &serde_json::json!({ "source": broken }));
    assert_eq!(bad.status, 422);
    assert_eq!(e.get(&pages[0]).status, 200, "the last good preview is still served");
    let snapshot = e.post("/api/snapshot", &serde_json::json!({ "source": broken })).json();
    let problems = snapshot["snapshot"]["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["path"] == "date" && p["line"].as_u64().unwrap() > 1), "{problems:?}");
}

#[test]
fn a_briefing_too_long_to_draw_says_what_to_do_instead() {
    let dir = common::tempdir();
    // Pages a metre square, in the largest type: the seed four times over is some thirty of
    // them, more than the preview's pixel budget.
    let template = dir.path().join("poster.yaml");
    std::fs::write(&template, "name: poster\npage:\n  size: 1000x1000\nstyles:\n  body: { size: 144 }\n").unwrap();
    let file = dir.path().join("long.yaml");
    std::fs::write(&file, seed_with_topics(4)).unwrap();
    let e = Editor::start_with(&file, &["--template", template.to_str().unwrap()]);
    let source = e.get("/api/state").json()["source"].as_str().unwrap().to_string();
    let refused = e.post("/api/preview", &serde_json::json!({ "source": source }));
    assert_eq!(refused.status, 422);
    let message = refused.json()["error"].as_str().unwrap().to_string();
    assert!(message.contains("pages are more than the preview draws"), "{message}");
    assert!(message.contains("briefing build"), "{message}");
    assert!(!message.contains("--ppi"), "the page has no such option: {message}");
}

#[test]
fn ctrl_c_ends_the_editor_cleanly_and_leaves_nothing_behind() {
    let (dir, file) = seed_copy();
    let before = std::fs::read(&file).unwrap();
    let e = Editor::start(&file);
    assert_eq!(e.get("/api/status").status, 200);
    let port = e.port;
    let (status, err) = e.interrupt();
    assert!(status.success(), "{status:?}: {err}");
    assert!(err.contains("stopped editing"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing left beside the file");
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err(), "the port is closed");
}

#[test]
fn ctrl_c_during_a_long_preview_ends_the_editor_at_once() {
    let dir = common::tempdir();
    // The seed with its topics thirty times over: some forty pages, seconds to draw in a
    // debug build. An optimised build draws them in a tenth of a second, and so is given a
    // thousand times (3.4 MB, some three seconds), for the Ctrl-C to come during the preview.
    let long = seed_with_topics(if cfg!(debug_assertions) { 30 } else { 1000 });
    let file = dir.path().join("long.yaml");
    std::fs::write(&file, &long).unwrap();
    let e = Editor::start(&file);
    let _preview = preview_under_way(&e, &long);
    std::thread::sleep(Duration::from_secs(1));
    let asked = Instant::now();
    let (status, err) = e.interrupt();
    assert!(asked.elapsed() < Duration::from_secs(5), "Ctrl-C took {:?} to end the editor", asked.elapsed());
    assert_eq!(status.code(), Some(130), "stopped in the middle of a request, as a build is: {err}");
    assert!(err.contains("stopped while answering the page"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), long);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing left beside the file");
}

#[test]
fn a_file_that_cannot_be_edited_is_an_error_before_any_server_starts() {
    let dir = common::tempdir();
    let o = common::run(dir.path(), &["edit", "missing.yaml", "--no-open"]);
    common::assert_exit(&o, 2);
    assert!(common::stderr(&o).contains("missing.yaml"), "{}", common::stderr(&o));
    assert!(o.stdout.is_empty(), "no address printed");
}

#[test]
fn with_standard_output_closed_the_address_goes_to_standard_error() {
    let (_dir, file) = seed_copy();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["edit", file.to_str().unwrap(), "--no-open"])
        .current_dir(file.parent().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the briefing binary runs");
    drop(child.stdout.take());
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // (Waiting at most 30 s: without it, the editor runs on and says nothing more.)
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut found = None;
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if line.starts_with("http://127.0.0.1:") && line.contains("?token=") {
            found = Some(line);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(found.is_some(), "the address with its token, on standard error");
}

/// text45b F45b-6: the token was on the browser's command line (`xdg-open URL`), which every
/// user of the machine reads with `ps`. The browser is given a file of the user's own that
/// forwards it, removed when the editor stops.
#[cfg(unix)]
#[test]
fn the_browser_is_opened_without_the_token_on_its_command_line() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, file) = seed_copy();
    let (bin, run) = (dir.path().join("bin"), dir.path().join("run"));
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    // An `xdg-open` (and `open`, on macOS) that writes down what it was given.
    let args = dir.path().join("args.txt");
    for name in ["xdg-open", "open"] {
        let opener = bin.join(name);
        std::fs::write(&opener, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", args.display())).unwrap();
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    command
        .args(["edit", file.to_str().unwrap()])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("XDG_RUNTIME_DIR", &run);
    let e = Editor::spawn(command);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !args.exists() || std::fs::read_to_string(&args).unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the browser was not opened within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    let given = std::fs::read_to_string(&args).unwrap();
    assert!(!given.contains(&e.token), "the token on the command line: {given}");
    let launch = PathBuf::from(given.trim());
    assert!(launch.starts_with(&run), "{launch:?}");
    assert_eq!(std::fs::metadata(&launch).unwrap().permissions().mode() & 0o777, 0o600, "the user's alone");
    let html = std::fs::read_to_string(&launch).unwrap();
    assert!(html.contains(&format!("http://127.0.0.1:{}/?token={}", e.port, e.token)), "{html}");
    let (status, err) = e.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!launch.exists(), "the file is removed when the editor stops");
}

/// text46b F46b-2: a Ctrl-C while a request was answered ended the editor without removing
/// the launch file, which holds its address and token. It goes once the token is spent, and
/// with the temporary files however the editor stops.
#[cfg(unix)]
#[test]
fn the_launch_file_goes_once_the_token_is_spent_and_at_a_ctrl_c_during_a_request() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::tempdir();
    let long = seed_with_topics(if cfg!(debug_assertions) { 30 } else { 1000 });
    let file = dir.path().join("long.yaml");
    std::fs::write(&file, &long).unwrap();
    let (bin, run) = (dir.path().join("bin"), dir.path().join("run"));
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    for name in ["xdg-open", "open"] {
        std::fs::write(bin.join(name), "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(bin.join(name), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let command = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
        command.args(["edit", file.to_str().unwrap()]).current_dir(dir.path()).env("PATH", &path);
        command.env("XDG_RUNTIME_DIR", &run);
        command
    };
    let launched = |run: &Path| std::fs::read_dir(run).unwrap().count();
    // (The address is printed before the file is written.)
    let written = |run: &Path| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while launched(run) == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        launched(run)
    };
    let e = Editor::spawn(command());
    assert_eq!(written(&run), 1, "the launch file");
    let _ = e.session();
    assert_eq!(e.get("/api/status").status, 200);
    assert_eq!(launched(&run), 0, "the token is spent: the file that holds it goes");
    drop(e);

    // The finding's case: the page opened, then Ctrl-C in the middle of a long preview.
    let e = Editor::spawn(command());
    assert_eq!(written(&run), 1, "the launch file");
    let _slow = preview_under_way(&e, &long);
    std::thread::sleep(Duration::from_secs(1));
    let (status, err) = e.interrupt();
    assert_eq!(status.code(), Some(130), "{err}");
    assert_eq!(launched(&run), 0, "nothing left in the runtime folder: {err}");
}
