//! `briefing watch`: build, then rebuild within a second of every save of the briefing or of
//! its template file. A save with mistakes prints them and leaves the last good PDF alone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};

use super::build::build_one;
use super::{default_output, resolve_template, template_path, Failure};
use crate::cli::RenderArgs;

/// One build, reported as one status line (or the diagnostics).
/// The template is read again each time: it may be what was saved.
fn rebuild(input: &Path, output: &Path, render: &RenderArgs) {
    let now = chrono::Local::now().format("%H:%M:%S");
    let result = resolve_template(&render.template.template)
        .and_then(|template| build_one(input, output, &template, &template.font_book(), render));
    match result {
        Ok(built) => eprintln!("[{now}] {}", built.summary()),
        Err(failure) => {
            eprint!("{failure}");
            eprintln!("[{now}] not rebuilt; {} is unchanged", output.display());
        }
    }
}

/// The folder to watch for a file, and the file's name in it. Editors often save by writing
/// a new file and renaming it over the old one, which a watch on the file itself would lose;
/// a watch on its folder sees the new file arrive.
fn watch_target(file: &Path) -> Result<(PathBuf, std::ffi::OsString), Failure> {
    let absolute = std::path::absolute(file).map_err(|e| Failure::io("cannot watch", file, e))?;
    let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
    let dir = dir.canonicalize().map_err(|e| Failure::io("cannot watch", &dir, e))?;
    let name = absolute
        .file_name()
        .map(|n| n.to_owned())
        .ok_or_else(|| Failure::Io(format!("cannot watch {}: not a file", file.display())))?;
    Ok((dir, name))
}

pub fn watch(input: &Path, output: Option<&Path>, render: &RenderArgs) -> Result<(), Failure> {
    if !input.is_file() {
        return Err(Failure::Io(format!("cannot watch {}: no such file", input.display())));
    }
    let output = output.map_or_else(|| default_output(input), Path::to_path_buf);
    let mut targets = vec![watch_target(input)?];
    if let Some(t) = template_path(&render.template.template) {
        targets.push(watch_target(&t)?);
    }

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // Without a handler Ctrl-C would kill the process mid-write; with it, the loop ends
        // between builds.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(Duration::from_millis(150), tx).map_err(|e| Failure::Io(format!("cannot watch: {e}")))?;
    let mut dirs: Vec<&PathBuf> = targets.iter().map(|(d, _)| d).collect();
    dirs.dedup();
    for dir in dirs {
        debouncer.watcher().watch(dir, RecursiveMode::NonRecursive).map_err(|e| Failure::io("cannot watch", dir, e))?;
    }

    // Events also come for reads (our own included) and for saves that change nothing; only
    // a change in what the files hold triggers a build.
    let fingerprint =
        || -> Vec<Option<Vec<u8>>> { targets.iter().map(|(d, n)| std::fs::read(d.join(n)).ok()).collect() };
    let mut last = fingerprint();
    rebuild(input, &output, render);
    eprintln!(
        "watching {} (Ctrl-C to stop)",
        targets.iter().map(|(d, n)| d.join(n).display().to_string()).collect::<Vec<_>>().join(", ")
    );
    while !stop.load(Ordering::SeqCst) {
        let events = match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(events)) => events,
            Ok(Err(e)) => {
                eprintln!("watch error: {e}");
                continue;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let relevant = events.iter().any(|e| {
            targets.iter().any(|(dir, name)| {
                e.path.file_name() == Some(name.as_os_str()) && e.path.parent().is_some_and(|p| p == dir)
            })
        });
        if !relevant {
            continue;
        }
        let now = fingerprint();
        if now != last && input.is_file() {
            last = now;
            rebuild(input, &output, render);
        }
    }
    eprintln!("stopped watching");
    Ok(())
}
