//! Who may talk to the editor's server, checked before any route runs. A server on
//! 127.0.0.1 is still reachable from every web page the user visits, so each request must:
//! name this server in `Host`, once (`127.0.0.1:PORT` or `localhost:PORT`: a DNS-rebinding
//! page names its own host); carry the secret token in the first URL, which it opens once,
//! and then a second secret in an `HttpOnly`, `SameSite=Strict` cookie (401 without it, 403
//! with a wrong one); and, when it may change anything (any method but GET and HEAD), come
//! from the page's own origin. (The token, once seen by anyone, opens nothing more: text45b
//! F45b-6, it opened the editor for every visit.)

use std::io::Read as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::http::Request;

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
    /// The cookie.
    Cookie,
    /// The token in the first URL (`/?token=…`): answered with the cookie and a redirect to
    /// the page without the token, so that it stays out of the history and the address bar.
    FirstVisit,
}

/// The secrets and the one address they are good for.
#[derive(Clone)]
pub struct Gate {
    port: u16,
    /// In the first URL; spent by the first visit.
    token: String,
    /// In the cookie the first visit sets; never printed, never on a command line.
    session: String,
    spent: Arc<AtomicBool>,
}

impl Gate {
    pub fn new(port: u16, token: String, session: String) -> Gate {
        Gate { port, token, session, spent: Arc::new(AtomicBool::new(false)) }
    }

    /// The cookie's name: cookies are shared by every port of a host, so two editors open at
    /// once each keep their own.
    pub fn cookie_name(&self) -> String {
        format!("briefing-edit-{}", self.port)
    }

    /// The `Set-Cookie` value that lets the page in.
    pub fn set_cookie(&self) -> String {
        format!("{}={}; Path=/; HttpOnly; SameSite=Strict", self.cookie_name(), self.session)
    }

    /// Checks a request's host, token or cookie, and origin, in that order.
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
        let cookie = || {
            let name = self.cookie_name();
            let given = request
                .header_values("Cookie")
                .flat_map(|c| c.split(';'))
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v);
            match given {
                None => Err(refuse(401, "open the address briefing edit printed")),
                Some(v) if !same_secret(v, &self.session) => Err(refuse(403, "wrong token")),
                Some(_) => Ok(Access::Cookie),
            }
        };
        let access = match query_token(url) {
            Some(given) if url_path(url) == "/" => {
                if !same_secret(given, &self.token) {
                    return Err(refuse(403, "wrong token"));
                }
                // Once; again only in the browser it let in (another tab of it).
                if self.spent.swap(true, Ordering::SeqCst) {
                    cookie().map_err(|_| {
                        refuse(403, "this address was opened once already: use the browser it opened, or start briefing edit again")
                    })?;
                }
                Access::FirstVisit
            }
            _ => cookie()?,
        };
        let reads_only = matches!(request.method.as_str(), "GET" | "HEAD");
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

    #[test]
    fn the_host_must_be_this_server() {
        let g = gate();
        let ok = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", "briefing-edit-4321=s3cr3t")]);
        assert_eq!(g.check(&request("GET", "/", &ok)), Ok(Access::Cookie));
        let local = headers(&[("Host", "localhost:4321"), ("Cookie", "briefing-edit-4321=s3cr3t")]);
        assert_eq!(g.check(&request("GET", "/", &local)), Ok(Access::Cookie));
        for host in ["evil.example:4321", "127.0.0.1:80", "127.0.0.1"] {
            let h = headers(&[("Host", host), ("Cookie", "briefing-edit-4321=s3cr3t")]);
            assert_eq!(g.check(&request("GET", "/", &h)).unwrap_err().status, 403, "{host}");
        }
        // Two, even if one is right: another reader could take the other.
        for hosts in [["127.0.0.1:4321", "evil.example"], ["evil.example", "127.0.0.1:4321"], ["localhost:4321"; 2]] {
            let h = headers(&[("Host", hosts[0]), ("Cookie", "briefing-edit-4321=s3cr3t"), ("host", hosts[1])]);
            let refused = g.check(&request("GET", "/", &h)).unwrap_err();
            assert_eq!((refused.status, refused.reason), (400, "more than one Host header"), "{hosts:?}");
        }
    }

    #[test]
    fn the_token_comes_first_in_the_url_then_in_the_cookie() {
        let g = gate();
        let h = headers(&[("Host", "127.0.0.1:4321")]);
        assert_eq!(g.check(&request("GET", "/?token=abc124", &h)).unwrap_err().status, 403);
        assert_eq!(g.check(&request("GET", "/?token=abc123", &h)), Ok(Access::FirstVisit));
        // text45b F45b-6: once; then only with the cookie it set (another tab of that browser).
        let refused = g.check(&request("GET", "/?token=abc123", &h)).unwrap_err();
        assert_eq!((refused.status, refused.reason.starts_with("this address was opened once")), (403, true));
        let with_cookie = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", "briefing-edit-4321=s3cr3t")]);
        assert_eq!(g.check(&request("GET", "/?token=abc123", &with_cookie)), Ok(Access::FirstVisit));
        // The cookie holds the second secret, not the token.
        assert!(g.set_cookie().starts_with("briefing-edit-4321=s3cr3t;"));
        let token_as_cookie = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", "briefing-edit-4321=abc123")]);
        assert_eq!(g.check(&request("GET", "/", &token_as_cookie)).unwrap_err().status, 403);
        assert_eq!(g.check(&request("GET", "/", &h)).unwrap_err().status, 401);
        // The token opens the page only, not the routes behind it.
        assert_eq!(g.check(&request("GET", "/api/state?token=abc123", &h)).unwrap_err().status, 401);
        let wrong = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", "a=b; briefing-edit-4321=s3cr3")]);
        assert_eq!(g.check(&request("GET", "/", &wrong)).unwrap_err().status, 403);
        let other_port = headers(&[("Host", "127.0.0.1:4321"), ("Cookie", "briefing-edit-4322=s3cr3t")]);
        assert_eq!(g.check(&request("GET", "/", &other_port)).unwrap_err().status, 401);
        assert!(g.set_cookie().contains("HttpOnly") && g.set_cookie().contains("SameSite=Strict"));
    }

    #[test]
    fn a_change_must_come_from_the_page_itself() {
        let g = gate();
        let base = [("Host", "127.0.0.1:4321"), ("Cookie", "briefing-edit-4321=s3cr3t")];
        let with = |origin: Option<&str>| {
            let mut l = base.to_vec();
            l.extend(origin.map(|o| ("Origin", o)));
            headers(&l)
        };
        assert_eq!(g.check(&request("POST", "/api/save", &with(Some("http://127.0.0.1:4321")))), Ok(Access::Cookie));
        for bad in [None, Some("http://evil.example"), Some("http://localhost:4321"), Some("null")] {
            assert_eq!(g.check(&request("POST", "/api/save", &with(bad))).unwrap_err().status, 403, "{bad:?}");
        }
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

    #[test]
    fn tokens_are_long_and_differ() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
