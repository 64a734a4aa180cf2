//! Who may talk to the editor's server, checked before any route runs. A server on
//! 127.0.0.1 is still reachable from every web page the user visits, so each request must
//! name this server in `Host`, once (`127.0.0.1:PORT` or `localhost:PORT`: a DNS-rebinding
//! page names its own host). The page's shell, style and script, which hold nothing of the
//! briefing, are then answered; everything else wants a secret. The token in the first URL
//! opens the page once, and the page it opens carries a second secret, the session, which
//! its script keeps (in `sessionStorage`, its own origin's, port included) and sends in the
//! [`SESSION_HEADER`] of every other request (401 without it, 403 with a wrong one). No
//! cookie: a browser sends a host's cookies to every port of it, so another local web server
//! the user visited got the session and could read and save the briefing (text46b F46b-8);
//! and a page of another origin cannot send the header, as the server answers no CORS
//! preflight. A request that may change anything (any method but GET and HEAD) must also
//! come from the page's own origin. (The token, once seen by anyone, opens nothing more:
//! text45b F45b-6, it opened the editor for every visit.)

use std::io::Read as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::http::Request;

/// The request header that carries the session secret.
pub const SESSION_HEADER: &str = "X-Briefing-Session";

/// Why a request is refused: the status and a short reason (never the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub reason: &'static str,
}

fn refuse(status: u16, reason: &'static str) -> Refusal {
    Refusal { status, reason }
}

/// How a request that passed proved itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Nothing but the `Host`: the page's shell, style and script, which hold no part of the
    /// briefing (a reload of the page is one: its script has the session already).
    Open,
    /// The session secret in [`SESSION_HEADER`].
    Session,
    /// The token in the first URL (`/?token=…`): answered with the page and the session
    /// secret in it, for its script to keep.
    FirstVisit,
}

/// The routes anyone who names this server may have: none holds anything of the briefing.
const OPEN: [&str; 4] = ["/", "/editor.css", "/editor.js", "/favicon.ico"];

/// The secrets and the one address they are good for.
#[derive(Clone)]
pub struct Gate {
    port: u16,
    /// In the first URL; spent by the first visit.
    token: String,
    /// In the page the first visit opens; never printed, never on a command line, never in
    /// a cookie.
    session: String,
    spent: Arc<AtomicBool>,
}

impl Gate {
    pub fn new(port: u16, token: String, session: String) -> Gate {
        Gate { port, token, session, spent: Arc::new(AtomicBool::new(false)) }
    }

    /// The session secret, for the page the first visit opens.
    pub fn session(&self) -> &str {
        &self.session
    }

    /// Checks a request's host, token or session, and origin, in that order.
    pub fn check(&self, request: &Request) -> Result<Access, Refusal> {
        let url = request.target.as_str();
        let mut given = request.header_values("Host");
        let host = given.next().ok_or_else(|| refuse(403, "no Host header"))?;
        if given.next().is_some() {
            return Err(refuse(400, "more than one Host header"));
        }
        let hosts = [format!("127.0.0.1:{}", self.port), format!("localhost:{}", self.port)];
        let Some(host) = hosts.iter().find(|h| h.eq_ignore_ascii_case(host)) else {
            return Err(refuse(403, "this server answers only to 127.0.0.1 and localhost"));
        };
        let reads_only = matches!(request.method.as_str(), "GET" | "HEAD");
        // A body is read only where a change is sent, once the session has let it in: a
        // route open to anyone, the first visit (before it spends the token) and every read
        // take none (text48b F48b-1: `GET /` read 25 MB from anyone and held it 30 s).
        let first_visit = query_token(url).is_some() && url_path(url) == "/";
        if request.body_length > 0 && (reads_only || first_visit) {
            return Err(refuse(413, "this address takes no body"));
        }
        let access = match query_token(url) {
            Some(given) if url_path(url) == "/" => {
                if !same_secret(given, &self.token) {
                    return Err(refuse(403, "wrong token"));
                }
                // Once: the page it opened keeps the session, through a reload too.
                if self.spent.swap(true, Ordering::SeqCst) {
                    return Err(refuse(
                        403,
                        "this address was opened once already: use the tab it opened (reloading it is fine), or start briefing edit again",
                    ));
                }
                Access::FirstVisit
            }
            _ if reads_only && OPEN.contains(&url_path(url)) => Access::Open,
            _ => {
                // (Every one given, as every Host is: a second may be another's.)
                let mut given = request.header_values(SESSION_HEADER);
                match (given.next(), given.next()) {
                    (None, _) => return Err(refuse(401, "open the address briefing edit printed")),
                    (Some(v), None) if same_secret(v, &self.session) => Access::Session,
                    _ => return Err(refuse(403, "wrong token")),
                }
            }
        };
        if !reads_only {
            let own = format!("http://{host}");
            // (Every Origin given, as every Host is: a second one may be another page's.)
            let mut origins = request.header_values("Origin");
            match (origins.next(), origins.next()) {
                (Some(origin), None) if origin.eq_ignore_ascii_case(&own) => {}
                _ => return Err(refuse(403, "a change must come from the editor's own page")),
            }
        }
        Ok(access)
    }
}

/// The path of a request URL, without its query.
pub fn url_path(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("")
}

/// `token=…` in a URL's query.
fn query_token(url: &str) -> Option<&str> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|kv| kv.strip_prefix("token="))
}

/// Compares two secrets in a time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new secret: 32 bytes from the system's random source, in hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// A request as the page sends it.
    fn request(method: &str, target: &str, headers: &[(String, String)]) -> Request {
        Request { method: method.into(), target: target.into(), headers: headers.to_vec(), ..Request::default() }
    }

    fn gate() -> Gate {
        Gate::new(4321, "abc123".into(), "s3cr3t".into())
    }

    const SESSION: (&str, &str) = ("X-Briefing-Session", "s3cr3t");

    #[test]
    fn the_host_must_be_this_server() {
        let g = gate();
        let ok = headers(&[("Host", "127.0.0.1:4321"), SESSION]);
        assert_eq!(g.check(&request("GET", "/api/state", &ok)), Ok(Access::Session));
        let local = headers(&[("Host", "localhost:4321"), SESSION]);
        assert_eq!(g.check(&request("GET", "/api/state", &local)), Ok(Access::Session));
        for host in ["evil.example:4321", "127.0.0.1:80", "127.0.0.1"] {
            for path in ["/", "/api/state"] {
                let h = headers(&[("Host", host), SESSION]);
                assert_eq!(g.check(&request("GET", path, &h)).unwrap_err().status, 403, "{host}{path}");
            }
        }
        // Two, even if one is right: another reader could take the other.
        for hosts in [["127.0.0.1:4321", "evil.example"], ["evil.example", "127.0.0.1:4321"], ["localhost:4321"; 2]] {
            let h = headers(&[("Host", hosts[0]), SESSION, ("host", hosts[1])]);
            let refused = g.check(&request("GET", "/", &h)).unwrap_err();
            assert_eq!((refused.status, refused.reason), (400, "more than one Host header"), "{hosts:?}");
        }
    }

    #[test]
    fn the_token_opens_the_page_once_then_the_session_header_does() {
        let g = gate();
        let h = headers(&[("Host", "127.0.0.1:4321")]);
        assert_eq!(g.check(&request("GET", "/?token=abc124", &h)).unwrap_err().status, 403);
        assert_eq!(g.check(&request("GET", "/?token=abc123", &h)), Ok(Access::FirstVisit));
        // text45b F45b-6: once, whatever else the request carries.
        let with_session = headers(&[("Host", "127.0.0.1:4321"), SESSION]);
        for again in [&h, &with_session] {
            let refused = g.check(&request("GET", "/?token=abc123", again)).unwrap_err();
            assert_eq!((refused.status, refused.reason.starts_with("this address was opened once")), (403, true));
        }
        assert_eq!(g.session(), "s3cr3t");
        // The page's shell, style and script hold nothing of the briefing: a reload has them.
        for path in ["/", "/editor.js", "/editor.css", "/favicon.ico"] {
            assert_eq!(g.check(&request("GET", path, &h)), Ok(Access::Open), "{path}");
            assert_eq!(g.check(&request("HEAD", path, &h)), Ok(Access::Open), "{path}");
        }
        // Everything else wants the session in its header: not the token, not a wrong one.
        for path in ["/api/state", "/api/status", "/preview/1/1.png", "/font/ja.ttf", "/nothing"] {
            assert_eq!(g.check(&request("GET", path, &h)).unwrap_err().status, 401, "{path}");
            assert_eq!(g.check(&request("GET", path, &with_session)), Ok(Access::Session), "{path}");
        }
        assert_eq!(g.check(&request("GET", "/api/state?token=abc123", &h)).unwrap_err().status, 401);
        for wrong in ["abc123", "s3cr3", "s3cr3tt", ""] {
            let w = headers(&[("Host", "127.0.0.1:4321"), ("X-Briefing-Session", wrong)]);
            assert_eq!(g.check(&request("GET", "/api/state", &w)).unwrap_err().status, 403, "{wrong:?}");
        }
        let twice = headers(&[("Host", "127.0.0.1:4321"), SESSION, ("x-briefing-session", "other")]);
        assert_eq!(g.check(&request("GET", "/api/state", &twice)).unwrap_err().status, 403);
    }

    /// text46b F46b-8: a cookie goes to every port of 127.0.0.1, so another local server the
    /// user visits had it. The session cookie of the last version opens nothing.
    #[test]
    fn a_cookie_alone_opens_nothing() {
        let g = gate();
        for cookie in ["briefing-edit-4321=s3cr3t", "X-Briefing-Session=s3cr3t"] {
            let h = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", cookie), ("Origin", "http://127.0.0.1:4321")]);
            assert_eq!(g.check(&request("GET", "/api/state", &h)).unwrap_err().status, 401, "{cookie}");
            assert_eq!(g.check(&request("POST", "/api/save", &h)).unwrap_err().status, 401, "{cookie}");
        }
    }

    #[test]
    fn a_change_must_come_from_the_page_itself() {
        let g = gate();
        let base = [("Host", "127.0.0.1:4321"), SESSION];
        let with = |origin: Option<&str>| {
            let mut l = base.to_vec();
            l.extend(origin.map(|o| ("Origin", o)));
            headers(&l)
        };
        assert_eq!(g.check(&request("POST", "/api/save", &with(Some("http://127.0.0.1:4321")))), Ok(Access::Session));
        for bad in [None, Some("http://evil.example"), Some("http://localhost:4321"), Some("null")] {
            assert_eq!(g.check(&request("POST", "/api/save", &with(bad))).unwrap_err().status, 403, "{bad:?}");
        }
        // A route open to reading is not open to a change.
        assert_eq!(g.check(&request("POST", "/", &headers(&[("Host", "127.0.0.1:4321")]))).unwrap_err().status, 401);
        // Its own origin and another's, in either order (text18a H67-5).
        for (first, second) in
            [("http://127.0.0.1:4321", "http://evil.example"), ("http://evil.example", "http://127.0.0.1:4321")]
        {
            let mut l = base.to_vec();
            l.extend([("Origin", first), ("Origin", second)]);
            assert_eq!(
                g.check(&request("POST", "/api/save", &headers(&l))).unwrap_err().status,
                403,
                "{first}, {second}"
            );
        }
    }

    /// text48b F48b-1: a body is refused, unread, wherever no session let it in.
    #[test]
    fn a_body_is_taken_only_by_a_change_with_the_session() {
        let g = gate();
        let body = |method: &str, target: &str, list: &[(&str, &str)]| {
            let r = Request { body_length: 25 << 20, ..request(method, target, &headers(list)) };
            g.check(&r)
        };
        let host = ("Host", "127.0.0.1:4321");
        for path in ["/", "/editor.js", "/editor.css", "/favicon.ico", "/api/state"] {
            assert_eq!(body("GET", path, &[host]).unwrap_err().status, 413, "{path}");
            assert_eq!(body("GET", path, &[host, SESSION]).unwrap_err().status, 413, "{path}");
            assert_eq!(body("HEAD", path, &[host]).unwrap_err().status, 413, "{path}");
        }
        let origin = ("Origin", "http://127.0.0.1:4321");
        assert_eq!(body("POST", "/?token=abc123", &[host, origin]).unwrap_err().status, 413);
        // (Refused before the token was spent: it still opens the page.)
        assert_eq!(g.check(&request("GET", "/?token=abc123", &headers(&[host]))), Ok(Access::FirstVisit));
        assert_eq!(body("POST", "/api/save", &[host, SESSION, origin]), Ok(Access::Session));
    }

    #[test]
    fn tokens_are_long_and_differ() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
