//! `briefing watch`: rebuilds on save (also when the editor renames a new file over the old),
//! keeps the last good PDF and keeps running through a broken save, exits cleanly on Ctrl-C.

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Waits up to `secs` for a status line containing `needle`.
fn expect_line(lines: &mpsc::Receiver<String>, needle: &str, secs: u64) -> String {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("no line with {needle:?} within {secs} s; saw:\n{}", seen.join("\n"));
}

/// Saves like many editors do: write a new file, rename it over the old one.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("yaml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Starts `briefing watch ARGS…` in `dir`, with its status lines arriving on the receiver.
fn watch(dir: &Path, args: &[&str]) -> (std::process::Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("watch")
        .args(args)
        .current_dir(dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, lines)
}

#[test]
fn watch_rebuilds_every_language_of_a_bilingual_briefing() {
    let dir = common::tempdir();
    let input = dir.path().join("d.yaml");
    let text = std::fs::read_to_string(common::fixture("bilingual.yaml")).unwrap();
    std::fs::write(&input, &text).unwrap();
    let (mut child, lines) = watch(dir.path(), &["d.yaml"]);
    expect_line(&lines, "d.en.pdf", 20);
    expect_line(&lines, "d.ja.pdf", 20);
    expect_line(&lines, "watching", 20);
    // A save that changes the Japanese title rebuilds both.
    save_by_rename(
        &input,
        &text.replace("第10回日EU・ICT戦略ワークショップの結果", "第10回日EU・ICT戦略ワークショップの成果"),
    );
    expect_line(&lines, "d.en.pdf", 20);
    expect_line(&lines, "d.ja.pdf", 20);
    let ja = std::fs::read(dir.path().join("d.ja.pdf")).unwrap();
    assert!(common::squash(&common::text(&ja)).contains("ワークショップの成果"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn watch_rebuilds_on_save_and_survives_a_broken_one() {
    let dir = common::tempdir();
    let input = dir.path().join("b.yaml");
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    std::fs::write(&input, &seed).unwrap();
    let output = dir.path().join("out.pdf");

    let (mut child, lines) = watch(dir.path(), &["b.yaml", "-o", "out.pdf"]);

    expect_line(&lines, "wrote", 20);
    expect_line(&lines, "watching", 20);
    let first = std::fs::read(&output).unwrap();
    assert!(common::text(&first).contains("Results of 10th"));

    // A good save, by rename: rebuilt with the new title.
    save_by_rename(&input, &seed.replace("title: Results of 10th", "title: Outcome of 10th"));
    expect_line(&lines, "wrote", 20);
    let second = std::fs::read(&output).unwrap();
    assert!(common::text(&second).contains("Outcome of 10th"));

    // A broken save in place: diagnostics, the PDF untouched, the watcher still running.
    std::fs::write(&input, seed.replace("date: 2020-10-06", "date: 2020-13-06")).unwrap();
    expect_line(&lines, "b.yaml:4:7", 20);
    expect_line(&lines, "not rebuilt", 20);
    assert_eq!(std::fs::read(&output).unwrap(), second, "the last good PDF is kept");
    assert!(child.try_wait().unwrap().is_none(), "the watcher keeps running");

    // The fix rebuilds.
    std::fs::write(&input, seed.replace("title: Results of 10th", "title: Fixed 10th")).unwrap();
    expect_line(&lines, "wrote", 20);
    assert!(common::text(&std::fs::read(&output).unwrap()).contains("Fixed 10th"));

    // Ctrl-C ends it cleanly, leaving no temporary file.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    expect_line(&lines, "stopped watching", 20);
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}
