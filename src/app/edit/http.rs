//! The editor's HTTP/1.1 server, on the standard library's sockets: one request per
//! connection (every answer says `Connection: close`), each connection on a thread of its own
//! (at most [`MAX_CONNECTIONS`] at once; past that, the one that has waited longest for its
//! head, or lingered longest after its answer, is closed to make room), every read bounded
//! in bytes and in time. A request's
//! head is screened before its body is read: a refused one is answered and its connection
//! closed without reading the body it announced, so a client that is slow, sends less than it
//! said, or announces more than it could ever send holds only its own thread. The requests
//! that pass are answered one at a time by the thread that takes them ([`Server::next`]).
//!
//! (tiny_http, used before, read the rest of every announced body before it let a request
//! go, on the thread that answered it, into a buffer of the announced size at once: one
//! client that stopped halfway froze the editor, and one that announced a petabyte ended it.)

use std::collections::HashMap;
use std::io::{self, Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The most bytes of a request's line and headers.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client has to send a request's line and headers.
const HEAD_TIME: Duration = Duration::from_secs(10);
/// How long a client has to send a body, once its head has passed.
const BODY_TIME: Duration = Duration::from_secs(30);
/// How long an answer may take to be taken in by its client.
const WRITE_TIME: Duration = Duration::from_secs(30);
/// How long what a client still sends after its answer is read and thrown away before its
/// connection is closed: a socket closed with unread bytes resets the connection, and the
/// reset can destroy an answer the client has not read yet (a refusal sent before the body).
const LINGER: Duration = Duration::from_secs(2);
/// The most connections served at once, each a thread (a browser opens six to a server; a
/// client that sends its head slowly holds one for [`HEAD_TIME`] at most, and a few kilobytes).
/// A connection past it takes the place of one that only waits ([`Connections`]); when all
/// are at work, it is answered 503 and closed.
const MAX_CONNECTIONS: usize = 256;
/// The most bytes of bodies all connections may hold at once, in largest bodies: a body is
/// read only once its announced length fits in what is left, and its room is given back when
/// it has been answered. Past it, a request is answered 503 before its body is read (text48b
/// F48b-1: twenty clients holding a body each of 25 MB less a byte held 530 MB, eighty ended
/// the editor).
const BODIES_AT_ONCE: usize = 3;

/// A request: its line, its headers in order, and its body.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path and query, as sent (`/api/state`, `/?token=…`).
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// The body's length as announced (`Content-Length`; 0 without one).
    pub body_length: usize,
    /// Empty while the head is screened.
    pub body: Vec<u8>,
}

impl Request {
    /// Every value of header `name` (in any case), in order.
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The first value of header `name`.
    pub fn header<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.header_values(name).next()
    }
}

/// An answer: its status, headers and whole body (sent with its length).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// `{"error": message}`, as the page reads every refusal: never stored, and nothing in it
    /// runs or loads, even opened as a page.
    pub fn error(status: u16, message: &str) -> Response {
        let body = serde_json::json!({ "error": message }).to_string().into_bytes();
        let headers = vec![
            ("Content-Type", "application/json".to_string()),
            ("X-Content-Type-Options", "nosniff".into()),
            ("Content-Security-Policy", "default-src 'none'".into()),
            ("Cache-Control", "no-store".into()),
        ];
        Response { status, headers, body }
    }
}

/// A request that passed the screen, with its body and the screen's verdict, waiting for
/// its answer.
pub struct Exchange<T> {
    pub request: Request,
    pub verdict: T,
    reply: Sender<Response>,
}

impl<T> Exchange<T> {
    /// Sends `response` to the client (by the connection's own thread).
    pub fn answer(self, response: Response) {
        let _ = self.reply.send(response);
    }
}

/// The listening socket, before it serves.
pub struct Listener(TcpListener);

impl Listener {
    /// Listens on 127.0.0.1 and `port` (0: a free one).
    pub fn bind(port: u16) -> io::Result<Listener> {
        TcpListener::bind(("127.0.0.1", port)).map(Listener)
    }

    pub fn port(&self) -> io::Result<u16> {
        Ok(self.0.local_addr()?.port())
    }

    /// Starts accepting. `screen` sees each request's head (on the connection's thread,
    /// before any of its body is read) and refuses it with an answer, or lets it through with
    /// a verdict; a body announced larger than `max_body` is refused with 413.
    pub fn serve<T, S>(self, max_body: usize, screen: S) -> io::Result<Server<T>>
    where
        T: Send + 'static,
        S: Fn(&Request) -> Result<T, Response> + Send + Sync + 'static,
    {
        let (sender, exchanges) = mpsc::channel();
        let rules = Arc::new(Rules { max_body, screen, sender, held: AtomicUsize::new(0) });
        std::thread::Builder::new().name("edit-accept".into()).spawn(move || accept(&self.0, &rules))?;
        Ok(Server { exchanges })
    }
}

/// The requests that passed, in the order their bodies arrived.
pub struct Server<T> {
    exchanges: Receiver<Exchange<T>>,
}

impl<T> Server<T> {
    /// The next request, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Option<Exchange<T>> {
        self.exchanges.recv_timeout(wait).ok()
    }
}

struct Rules<T, S> {
    max_body: usize,
    screen: S,
    sender: Sender<Exchange<T>>,
    /// The bytes of bodies announced by the requests being read or answered now.
    held: AtomicUsize,
}

/// Room for a body of `bytes` among those held at once ([`BODIES_AT_ONCE`]), given back when
/// dropped.
struct Room<'a> {
    bytes: usize,
    held: &'a AtomicUsize,
}

impl<'a> Room<'a> {
    /// Room for `bytes`, if what is held leaves `most` or more.
    fn take(held: &'a AtomicUsize, bytes: usize, most: usize) -> Option<Room<'a>> {
        let more = |now: usize| now.checked_add(bytes).filter(|&total| total <= most);
        held.fetch_update(Ordering::SeqCst, Ordering::SeqCst, more).ok()?;
        Some(Room { bytes, held })
    }
}

impl Drop for Room<'_> {
    fn drop(&mut self) {
        self.held.fetch_sub(self.bytes, Ordering::SeqCst);
    }
}

/// The connections open, each with, while it only waits (for its head, or lingering after
/// its answer), since when and a handle to close it by. At [`MAX_CONNECTIONS`], a new
/// connection takes the place of the one that has waited longest: a local process that opens
/// connections and sends half a request each (a slow-loris) keeps none from a whole request,
/// which waits for no more than its own bytes (text47b F47b-6: 256 made the editor answer 503
/// to its own page).
#[derive(Default)]
struct Connections {
    next: u64,
    open: HashMap<u64, Option<(Instant, TcpStream)>>,
}

/// A connection's place among [`Connections`], given up when dropped.
struct Place {
    id: u64,
    all: Arc<Mutex<Connections>>,
}

/// A connection that only waits: since now, closed by its clone (none if it cannot be made:
/// then it cannot be closed to make room).
fn waiting(stream: &TcpStream) -> Option<(Instant, TcpStream)> {
    stream.try_clone().ok().map(|s| (Instant::now(), s))
}

impl Place {
    /// A place for `stream`, waiting for its head; at the most, the one that has waited
    /// longest is closed for it; `None` when every connection open is at work.
    fn take(all: &Arc<Mutex<Connections>>, stream: &TcpStream) -> Option<Place> {
        let mut c = all.lock().unwrap_or_else(PoisonError::into_inner);
        if c.open.len() >= MAX_CONNECTIONS {
            let longest = c.open.iter().filter_map(|(id, w)| Some((w.as_ref()?.0, *id))).min()?.1;
            if let Some(Some((_, stream))) = c.open.remove(&longest) {
                // (Its thread's read ends at once, and the thread with it.)
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
        let id = c.next;
        c.next += 1;
        c.open.insert(id, waiting(stream));
        Some(Place { id, all: all.clone() })
    }

    /// The connection is at work (its head came whole), or waits again (`stream`, its answer
    /// sent).
    fn set(&self, stream: Option<&TcpStream>) {
        let mut c = self.all.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(w) = c.open.get_mut(&self.id) {
            *w = stream.and_then(waiting);
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.all.lock().unwrap_or_else(PoisonError::into_inner).open.remove(&self.id);
    }
}

fn accept<T, S>(listener: &TcpListener, rules: &Arc<Rules<T, S>>)
where
    T: Send + 'static,
    S: Fn(&Request) -> Result<T, Response> + Send + Sync + 'static,
{
    let all = Arc::new(Mutex::new(Connections::default()));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // Out of file descriptors, most likely: a pause, not a spin.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        let Some(place) = Place::take(&all, &stream) else {
            let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
            let _ = send(&mut stream, &Response::error(503, "the editor is busy; try again"), false);
            continue;
        };
        let rules = rules.clone();
        // (When no thread can be made, the closure is dropped: the connection closes.)
        let _ = std::thread::Builder::new().name("edit-connection".into()).spawn(move || serve(stream, &place, &rules));
    }
}

/// Why a connection ends without the caller's answer.
enum Stop {
    /// Answered by the server itself (refused, malformed, too slow).
    Answer(Response),
    /// The client went away: nothing to answer.
    Gone,
}

fn serve<T, S>(mut stream: TcpStream, place: &Place, rules: &Rules<T, S>)
where
    S: Fn(&Request) -> Result<T, Response>,
{
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIME));
    let mut head_only = false;
    let response = match exchange(&mut stream, place, rules, &mut head_only) {
        Ok(response) | Err(Stop::Answer(response)) => response,
        Err(Stop::Gone) => return,
    };
    if send(&mut stream, &response, head_only).is_ok() {
        place.set(Some(&stream));
        linger(stream);
    }
}

/// Reads a request, screens it, reads its body, and waits for its answer.
fn exchange<T, S>(
    stream: &mut TcpStream,
    place: &Place,
    rules: &Rules<T, S>,
    head_only: &mut bool,
) -> Result<Response, Stop>
where
    S: Fn(&Request) -> Result<T, Response>,
{
    let (mut request, rest) = read_head(stream)?;
    place.set(None);
    *head_only = request.method == "HEAD";
    let verdict = (rules.screen)(&request).map_err(Stop::Answer)?;
    if request.body_length > rules.max_body {
        let most = crate::app::error::size(rules.max_body as u64);
        let message = format!("the request is larger than the editor takes ({most})");
        return Err(Stop::Answer(Response::error(413, &message)));
    }
    // (Held until the answer is sent: the body is dropped with its exchange.)
    let most = rules.max_body.saturating_mul(BODIES_AT_ONCE);
    let Some(_room) = Room::take(&rules.held, request.body_length, most) else {
        return Err(Stop::Answer(Response::error(503, "the editor is busy reading other requests; try again")));
    };
    if request.body_length > rest.len() && request.header("Expect").is_some() {
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").map_err(|_| Stop::Gone)?;
    }
    request.body = read_body(stream, rest, request.body_length)?;
    let (reply, answer) = mpsc::channel();
    rules.sender.send(Exchange { request, verdict, reply }).map_err(|_| stopping())?;
    answer.recv().map_err(|_| stopping())
}

fn stopping() -> Stop {
    Stop::Answer(Response::error(503, "the editor is stopping"))
}

/// Reads from `stream` into `buf`, giving up at `deadline`.
fn read_before(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(io::ErrorKind::TimedOut.into());
    }
    stream.set_read_timeout(Some(left))?;
    stream.read(buf)
}

/// What a failed read means: too slow (408), or the client went away.
fn read_failed(e: &io::Error) -> Stop {
    match e.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
            Stop::Answer(Response::error(408, "the request came too slowly"))
        }
        _ => Stop::Gone,
    }
}

/// The request's line and headers, and the bytes read after them.
fn read_head(stream: &mut TcpStream) -> Result<(Request, Vec<u8>), Stop> {
    let deadline = Instant::now() + HEAD_TIME;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        // (The head counted to its end, not to the read it ends in: a read may bring 4 KiB.)
        if let Some(end) = head_end(&buf).filter(|&end| end <= MAX_HEAD) {
            let rest = buf.split_off(end);
            return parse_head(&buf).map(|r| (r, rest)).map_err(Stop::Answer);
        }
        if buf.len() > MAX_HEAD {
            return Err(Stop::Answer(Response::error(431, "the request's headers are too large")));
        }
        match read_before(stream, &mut chunk, deadline) {
            Ok(0) => return Err(Stop::Gone),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(read_failed(&e)),
        }
    }
}

/// Where the head ends: after its first empty line.
fn head_end(buf: &[u8]) -> Option<usize> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A request's line and headers; `Content-Length` the only way a body may be sent.
fn parse_head(head: &[u8]) -> Result<Request, Response> {
    let bad = |why: &str| Response::error(400, why);
    let text = std::str::from_utf8(head).map_err(|_| bad("the request's headers are not text"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let line = lines.next().unwrap_or_default();
    let parts: Vec<&str> = line.split(' ').collect();
    let [method, target, version] = parts[..] else { return Err(bad("not an HTTP request line")) };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) || !target.starts_with('/') {
        return Err(bad("not an HTTP request line"));
    }
    if !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(Response::error(505, "this server speaks HTTP/1.1"));
    }
    let mut headers = Vec::new();
    for line in lines.take_while(|l| !l.is_empty()) {
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        match line.split_once(':') {
            Some((name, value)) if !name.is_empty() && name.bytes().all(token) => {
                headers.push((name.to_string(), value.trim_matches([' ', '\t']).to_string()));
            }
            _ => return Err(bad("a header line that is not `Name: value`")),
        }
    }
    let mut request = Request { method: method.into(), target: target.into(), headers, ..Request::default() };
    if request.header("Transfer-Encoding").is_some() {
        return Err(Response::error(501, "a body sent in chunks is not taken; send its Content-Length"));
    }
    if request.header("Expect").is_some_and(|e| !e.eq_ignore_ascii_case("100-continue")) {
        return Err(Response::error(417, "the only expectation this server meets is 100-continue"));
    }
    let mut length = None;
    for value in request.header_values("Content-Length") {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("a Content-Length that is not a number"));
        }
        // (A number too large for memory is as good as any over the limit.)
        let n = value.parse::<usize>().unwrap_or(usize::MAX);
        if length.is_some_and(|l| l != n) {
            return Err(bad("two different Content-Lengths"));
        }
        length = Some(n);
    }
    request.body_length = length.unwrap_or(0);
    Ok(request)
}

/// The body: `length` bytes, of which `start` came with the head.
fn read_body(stream: &mut TcpStream, mut body: Vec<u8>, length: usize) -> Result<Vec<u8>, Stop> {
    body.truncate(length);
    let deadline = Instant::now() + BODY_TIME;
    let mut chunk = vec![0u8; 64 * 1024];
    while body.len() < length {
        let want = chunk.len().min(length - body.len());
        match read_before(stream, &mut chunk[..want], deadline) {
            Ok(0) => return Err(Stop::Gone),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(read_failed(&e)),
        }
    }
    Ok(body)
}

/// Writes `response` whole, with its length, and says the connection closes.
fn send(stream: &mut TcpStream, response: &Response, head_only: bool) -> io::Result<()> {
    let status = response.status;
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in &response.headers {
        // (Every header is the server's own; a line break in one would start another.)
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    let no_body = status == 204 || status == 304;
    if !no_body {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if !no_body && !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// Closes a connection once its client has read the answer: the sending side first, then
/// what the client still sends is thrown away until it closes too, or [`LINGER`] passes.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 16 * 1024];
    while let Ok(n) = read_before(&mut stream, &mut sink, deadline) {
        if n == 0 {
            break;
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        303 => "See Other",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        417 => "Expectation Failed",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Request, u16> {
        parse_head(text.as_bytes()).map_err(|r| r.status)
    }

    #[test]
    fn a_head_is_a_line_and_headers() {
        let r = head("POST /api/save?x=1 HTTP/1.1\r\nHost: 127.0.0.1:80\r\nCookie: a=b\r\nCookie:  c=d \r\nContent-Length: 12\r\n\r\n")
            .unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str(), r.body_length), ("POST", "/api/save?x=1", 12));
        assert_eq!(r.header("host"), Some("127.0.0.1:80"));
        assert_eq!(r.header_values("COOKIE").collect::<Vec<_>>(), ["a=b", "c=d"]);
        assert_eq!(head("GET / HTTP/1.0\n\n").unwrap().body_length, 0);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nbody"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }

    #[test]
    fn a_head_that_is_not_plain_http_is_refused() {
        for (text, status) in [
            ("GET / HTTP/1.1 extra\r\n\r\n", 400),
            ("GET http://evil.example/ HTTP/1.1\r\n\r\n", 400),
            ("get / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nExpect: magic\r\n\r\n", 417),
        ] {
            assert_eq!(head(text).unwrap_err(), status, "{text:?}");
        }
        // A length too large for memory is taken as the largest, and so refused by its size.
        let huge = head("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n").unwrap();
        assert_eq!(huge.body_length, usize::MAX);
    }

    #[test]
    fn an_answer_has_its_length_and_closes_the_connection() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            let mut got = String::new();
            s.read_to_string(&mut got).unwrap();
            got
        });
        let (mut server, _) = listener.accept().unwrap();
        let response = Response {
            status: 200,
            headers: vec![("X-A", "1".into()), ("X-B", "2\r\nX-C: 3".into())],
            body: b"hi".to_vec(),
        };
        send(&mut server, &response, false).unwrap();
        drop(server);
        let got = client.join().unwrap();
        assert_eq!(got, "HTTP/1.1 200 OK\r\nX-A: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
    }
}
