//! `briefing edit`: a small web server on 127.0.0.1 for one briefing file, and the page it
//! serves (a form, the YAML, a live preview of the pages). The file stays the truth: the
//! page holds the YAML text; a form edit is sent here and comes back as the patched text
//! (`crate::edit::apply`, which changes only the edited value's bytes) with a new form; the
//! preview is built as `build` builds, from the text on the page, and drawn as images; a save
//! writes the text atomically, and only over the file the page loaded (409 if it changed on
//! disk since). The server reads only that file and the files its template reads.

mod form;
mod gate;
mod http;
mod launch;
mod routes;

use crate::shown::Show;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::config::Settings;
use super::files::{self, OnSignal};
use super::{Error, Template};
use crate::app::say::say;

/// How to serve: the port (a free one when none is given) and whether to open the browser.
pub struct Serve {
    pub port: Option<u16>,
    pub open: bool,
}

pub fn edit(input: &Path, serve: Serve, settings: &Settings) -> Result<(), Error> {
    // The file must be one `build` could read (a regular file, UTF-8, within the limit); it
    // may have problems: that is what the editor is for.
    let file = super::read_source(input)?;
    let template = Template::resolve(&settings.template.name, settings.template.root.as_deref())?;
    let what = serve.port.map_or_else(|| "a free port".to_string(), |p| format!("port {p}"));
    let cannot = |e: std::io::Error| Error::Usage(format!("cannot listen on 127.0.0.1, {what}: {e}"));
    let listener = http::Listener::bind(serve.port.unwrap_or(0)).map_err(cannot)?;
    let port = listener.port().map_err(cannot)?;
    let secret = || gate::new_token().map_err(|e| Error::read("/dev/urandom", e));
    let (token, session) = (secret()?, secret()?);
    let url = format!("http://127.0.0.1:{port}/?token={token}");
    let gate = gate::Gate::new(port, token, session);
    // The gate sees each request's head before its body is read.
    let screen = {
        let gate = gate.clone();
        move |request: &http::Request| gate.check(request).map_err(routes::refusal)
    };
    let server = listener.serve(routes::max_body(), screen).map_err(cannot)?;
    let stop = files::on_signal(OnSignal::Flag("stopped while answering the page; the file is as last saved"));
    let mut editor = routes::Editor::new(input, file, template, settings.clone(), gate);
    say!("editing {} in the browser at this address (Ctrl-C to stop):", input.shown());
    let mut out = std::io::stdout().lock();
    // (Without the address and its token the editor cannot be reached: where standard
    // output is closed, it goes to standard error.)
    if writeln!(out, "{url}").and_then(|()| out.flush()).is_err() {
        say!("{url}");
    }
    drop(out);
    // (Kept until the token is spent or the editor stops: a browser may be slow to read it.)
    let mut launch = serve.open.then(|| open_browser(&url, port)).flatten();
    while !stop.load(Ordering::SeqCst) {
        let Some(exchange) = server.next(Duration::from_millis(200)) else { continue };
        // While a request is answered, Ctrl-C ends the process at once (130), as it ends a
        // build: a preview of a long briefing is not waited for. A save under way finishes
        // first, or leaves the file as it was (`files::write_atomic`).
        let Some(busy) = files::Busy::start() else {
            exchange.answer(routes::stopping());
            break;
        };
        if exchange.verdict == gate::Access::FirstVisit {
            // The token is spent: the file that holds it opens nothing more.
            drop(launch.take());
        }
        let response = editor.answer(&exchange.request, exchange.verdict);
        drop(busy);
        exchange.answer(response);
    }
    say!("stopped editing {}", input.shown());
    Ok(())
}

/// Opens `url` in the default browser, without waiting for it: a browser that is slow to
/// start, or none at all, never holds the editor (the address is printed either way). The
/// browser is given a file that forwards it to `url`, not `url`, which holds the token.
fn open_browser(url: &str, port: u16) -> Option<launch::LaunchFile> {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let name = format!("{port}-{}", gate::new_token().ok()?.get(..16)?);
    let launch = match launch::LaunchFile::write(&launch::folder(), url, &name) {
        Ok(launch) => launch,
        Err(e) => {
            say!("could not write the file that opens the browser ({e}); open the address above in your browser");
            return None;
        }
    };
    let child = std::process::Command::new(opener)
        .arg(launch.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match child {
        // Reaped on a thread of its own, so that it leaves no zombie behind.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            Some(launch)
        }
        Err(_) => {
            say!("could not start {opener}; open the address above in your browser");
            None
        }
    }
}
