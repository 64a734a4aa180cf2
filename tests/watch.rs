//! `briefing watch`: rebuilds on save (also when the editor renames a new file over the old),
//! keeps the last good PDF and keeps running through a broken save, exits cleanly on Ctrl-C.

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a status line may take. Generous: the whole suite runs beside these tests, and
/// on two cores a debug build can wait seconds for a core; they test *whether* a save is
/// followed, not how fast (speed is measured by `cargo bench`).
const PATIENCE: u64 = 90;

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

/// Temporary files left in `dir`.
fn stray(dir: &Path) -> Vec<String> {
    common::listing(dir).into_iter().map(|(n, _)| n).filter(|n| n.ends_with(".tmp")).collect()
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
        .stdout(Stdio::null())
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
    expect_line(&lines, "d.en.pdf", PATIENCE);
    expect_line(&lines, "d.ja.pdf", PATIENCE);
    expect_line(&lines, "watching", PATIENCE);
    // A save that changes the Japanese title rebuilds both.
    save_by_rename(
        &input,
        &text.replace("第10回日EU・ICT戦略ワークショップの結果", "第10回日EU・ICT戦略ワークショップの成果"),
    );
    expect_line(&lines, "d.en.pdf", PATIENCE);
    expect_line(&lines, "d.ja.pdf", PATIENCE);
    let ja = std::fs::read(dir.path().join("d.ja.pdf")).unwrap();
    assert!(common::squash(&common::text(&ja)).contains("ワークショップの成果"));
    // A bad save: both languages' files stand, and are said to (text48b F48b-2: "not built;
    // nothing was written", of `d.pdf`, a name never written).
    save_by_rename(&input, &format!("{text}bogus: 1\n"));
    let said = expect_line(&lines, "not rebuilt", PATIENCE);
    assert!(said.ends_with("not rebuilt; d.en.pdf and d.ja.pdf are unchanged"), "{said}");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn watch_format_html_rebuilds_the_web_page_on_save() {
    let dir = common::tempdir();
    let input = dir.path().join("w.yaml");
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    std::fs::write(&input, &seed).unwrap();
    let (mut child, lines) = watch(dir.path(), &["w.yaml", "--format", "html"]);
    expect_line(&lines, "wrote w.html", PATIENCE);
    expect_line(&lines, "watching", PATIENCE);
    let page = dir.path().join("w.html");
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("<h1>Results of 10th Japan-EU ICT Strategy Workshop</h1>"));
    save_by_rename(&input, &seed.replace("title: Results of 10th", "title: Outcome of 10th"));
    expect_line(&lines, "wrote w.html", PATIENCE);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<h1>Outcome of 10th Japan-EU ICT Strategy Workshop</h1>"), "{html}");
    assert!(!dir.path().join("w.pdf").exists(), "--format html writes the page only");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// text47b F47b-2: a briefing kept as a link (by an editor, a dotfile manager) is rebuilt when
/// the file it leads to, in another folder, is saved.
#[cfg(unix)]
#[test]
fn a_briefing_kept_as_a_link_is_rebuilt_when_its_file_is_saved() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let real = dir.path().join("real/src.yaml");
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    std::fs::write(&real, &seed).unwrap();
    std::os::unix::fs::symlink("real/src.yaml", dir.path().join("link.yaml")).unwrap();
    let (mut child, lines) = watch(dir.path(), &["link.yaml", "--format", "html"]);
    expect_line(&lines, "wrote link.html", PATIENCE);
    expect_line(&lines, "watching", PATIENCE);
    save_by_rename(&real, &seed.replace("title: Results of 10th", "title: Outcome of 10th"));
    expect_line(&lines, "wrote link.html", PATIENCE);
    let html = std::fs::read_to_string(dir.path().join("link.html")).unwrap();
    assert!(html.contains("<h1>Outcome of 10th Japan-EU ICT Strategy Workshop</h1>"), "{html}");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// text44b F44b-19: a briefing broken from the start is "not built", not an output that was
/// never written called "unchanged".
#[test]
fn a_briefing_broken_from_the_start_is_not_built() {
    let dir = common::tempdir();
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), seed.replace("date: 2020-10-06", "date: 2020-13-06")).unwrap();
    let (mut child, lines) = watch(dir.path(), &["b.yaml"]);
    let said = expect_line(&lines, "not built", PATIENCE);
    assert!(said.contains("nothing was written") && !said.contains("unchanged"), "{said}");
    assert!(!dir.path().join("b.pdf").exists());
    child.kill().unwrap();
    child.wait().unwrap();
}

/// text45b F45b-12: a template that could not be used hid the briefing's own problems, which
/// came only once the template was mended and saved, a round of the loop later.
#[test]
fn a_template_that_cannot_be_used_does_not_hide_the_briefing_s_problems() {
    let dir = common::tempdir();
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), seed.replace("date: 2020-10-06", "date: 2020-13-06")).unwrap();
    std::fs::write(dir.path().join("t.yaml"), "numbering: x\n").unwrap();
    let (mut child, lines) = watch(dir.path(), &["b.yaml", "--template", "t.yaml"]);
    expect_line(&lines, "t.yaml:1", PATIENCE);
    expect_line(&lines, "b.yaml:4:7: error: date: 2020-13-06", PATIENCE);
    expect_line(&lines, "not built", PATIENCE);
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

    expect_line(&lines, "wrote", PATIENCE);
    expect_line(&lines, "watching", PATIENCE);
    let first = std::fs::read(&output).unwrap();
    assert!(common::text(&first).contains("Results of 10th"));

    // A good save, by rename: rebuilt with the new title.
    save_by_rename(&input, &seed.replace("title: Results of 10th", "title: Outcome of 10th"));
    expect_line(&lines, "wrote", PATIENCE);
    let second = std::fs::read(&output).unwrap();
    assert!(common::text(&second).contains("Outcome of 10th"));

    // A broken save in place: diagnostics, the PDF untouched, the watcher still running.
    std::fs::write(&input, seed.replace("date: 2020-10-06", "date: 2020-13-06")).unwrap();
    expect_line(&lines, "b.yaml:4:7", PATIENCE);
    expect_line(&lines, "not rebuilt", PATIENCE);
    assert_eq!(std::fs::read(&output).unwrap(), second, "the last good PDF is kept");
    assert!(child.try_wait().unwrap().is_none(), "the watcher keeps running");

    // The fix rebuilds.
    std::fs::write(&input, seed.replace("title: Results of 10th", "title: Fixed 10th")).unwrap();
    expect_line(&lines, "wrote", PATIENCE);
    assert!(common::text(&std::fs::read(&output).unwrap()).contains("Fixed 10th"));

    // Ctrl-C ends it cleanly, leaving no temporary file.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    // (Idle, it stops watching; if the save's events came in two batches and a second
    // rebuild is running, that is stopped at once, with 130.)
    let stopped = expect_line(&lines, "stopped", PATIENCE);
    let status = child.wait().unwrap();
    match status.code() {
        Some(0) => assert!(stopped.contains("stopped watching"), "{stopped}"),
        Some(130) => assert!(stopped.contains("stopped during a build"), "{stopped}"),
        _ => panic!("{status:?}: {stopped}"),
    }
    assert_eq!(stray(dir.path()), Vec::<String>::new());
}

#[test]
fn a_lang_or_an_output_no_save_can_mend_is_refused_before_watching() {
    // `--lang jp` (Japan's code): refused at once, naming `ja`, rather than watched for ever
    // with a build that fails at every save; so is `-o` named for another kind of file
    // (text30 F30b-4).
    let cases: [(&[&str], &str); 2] = [
        (&["d.yaml", "--lang", "jp"], "Japanese is `ja`: write --lang ja"),
        (&["d.yaml", "--lang", "en", "-o", "other.txt"], "name the output .pdf"),
    ];
    for (args, says) in cases {
        let dir = common::tempdir();
        std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("d.yaml")).unwrap();
        let (child, lines) = watch(dir.path(), args);
        let mut child = Stopped(child);
        let said = expect_line(&lines, "error:", PATIENCE);
        assert!(said.ends_with(says), "{said}");
        let deadline = Instant::now() + Duration::from_secs(PATIENCE);
        let status = loop {
            if let Some(status) = child.0.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "watch {args:?} is still running");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(2));
        assert!(!dir.path().join("d.en.pdf").exists() && !dir.path().join("d.ja.pdf").exists());
        assert!(!dir.path().join("other.txt").exists());
    }
}

/// The peak memory of process `pid`, in kilobytes (Linux).
#[cfg(target_os = "linux")]
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A watch that is killed if the test ends without stopping it (a failed assertion).
struct Stopped(std::process::Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Sends `signal` to the watch and waits, at most `secs`, for it to end.
#[cfg(unix)]
fn stop(child: &mut Stopped, signal: i32, secs: u64) -> std::process::ExitStatus {
    let child = &mut child.0;
    unsafe {
        libc::kill(child.id() as libc::pid_t, signal);
    }
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("watch did not end within {secs} s of signal {signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn watch_opens_no_fifo_reads_no_endless_file_and_stops_on_sigterm() {
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("seed.yaml")).unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, common::rgba_png(8, 4)).unwrap();
    common::write(dir.path(), "mine.yaml", "title_block: { logo: logo.png }\n");
    let (child, lines) = watch(dir.path(), &["seed.yaml", "-o", "out.pdf", "--template", "mine.yaml", "--root", "/"]);
    let mut child = Stopped(child);
    expect_line(&lines, "watching", PATIENCE);
    // The logo becomes a FIFO: reading it would block for ever.
    std::fs::remove_file(&logo).unwrap();
    let c = std::ffi::CString::new(logo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    expect_line(&lines, "logo.png is a FIFO (named pipe), not a regular file", PATIENCE);
    expect_line(&lines, "not rebuilt", PATIENCE);
    // Mended, it is rebuilt: the logo is still watched.
    std::fs::remove_file(&logo).unwrap();
    std::fs::write(&logo, common::rgba_png(16, 4)).unwrap();
    expect_line(&lines, "wrote", PATIENCE);
    // Removed (a rebuild that cannot read it), then a link to /dev/zero: reading that would
    // never end, and missing then a device is a change too.
    std::fs::remove_file(&logo).unwrap();
    expect_line(&lines, "logo.png: No such file or directory", PATIENCE);
    expect_line(&lines, "not rebuilt", PATIENCE);
    std::os::unix::fs::symlink("/dev/zero", &logo).unwrap();
    expect_line(&lines, "/dev/zero is a device, not a regular file", PATIENCE);
    expect_line(&lines, "not rebuilt", PATIENCE);
    let peak = peak_kb(child.0.id());
    assert!(peak < 256 << 10, "watch used {peak} kB");
    let status = stop(&mut child, libc::SIGTERM, 10);
    // 0 between builds, 143 (128 and SIGTERM's 15) if it came while the last one was ending:
    // either way, at once.
    std::thread::sleep(Duration::from_millis(200));
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(matches!(status.code(), Some(0 | 143)), "{status:?}: {rest:?}");
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}

/// A briefing `long.yaml` in `dir`, long enough that its build (with contents) takes two
/// seconds or more with this build of the binary on this machine: twice as many topics until
/// it does, within the node limit. Returns its text.
fn slow_briefing(dir: &Path) -> String {
    let long = |n: usize| {
        let mut y = String::from("title: Long\ndate: 2020-10-06\ntopics:\n");
        for i in 0..n {
            y.push_str(&format!("  - title: Topic {i}\n    body: Japan and the EU exchanged views on item {i}.\n"));
        }
        y + "contact:\n  tel: \"1\"\n"
    };
    let mut n = 3000;
    let y = loop {
        let y = long(n);
        let input = common::write(dir, "long.yaml", &y);
        let t = Instant::now();
        common::assert_exit(
            &common::run(dir, &["build", input.to_str().unwrap(), "-o", "timed.pdf", "--force", "--toc"]),
            0,
        );
        if t.elapsed() >= Duration::from_secs(2) || n >= 24_000 {
            break y;
        }
        n *= 2;
    };
    std::fs::remove_file(dir.join("timed.pdf")).unwrap();
    y
}

/// A save during the first build is rebuilt: the files it reads are watched from before it
/// (they were watched only after it, and what they held taken then, so a save made while it
/// ran was taken as already built).
#[test]
fn a_save_during_the_first_build_is_rebuilt() {
    let dir = common::tempdir();
    let y = slow_briefing(dir.path());
    let (child, lines) = watch(dir.path(), &["long.yaml", "-o", "long.pdf", "--toc"]);
    let _child = Stopped(child);
    // The first build runs for seconds: the save lands during it (or, on a slow machine,
    // before it reads the briefing; either way the PDF must come to hold it).
    std::thread::sleep(Duration::from_millis(700));
    save_by_rename(&dir.path().join("long.yaml"), &y.replace("title: Long", "title: Saved during the build"));
    expect_line(&lines, "watching", 180);
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let pdf = std::fs::read(dir.path().join("long.pdf")).unwrap_or_default();
        if !pdf.is_empty() && common::text(&pdf).contains("Saved during the build") {
            break;
        }
        assert!(Instant::now() < deadline, "the save made during the first build was never built");
        let _ = expect_line(&lines, "wrote", 180);
    }
}

#[cfg(unix)]
#[test]
fn a_signal_during_a_rebuild_stops_it_and_leaves_nothing_behind() {
    let dir = common::tempdir();
    let y = slow_briefing(dir.path());
    let input = dir.path().join("long.yaml");
    let (child, lines) = watch(dir.path(), &["long.yaml", "-o", "long.pdf", "--toc"]);
    let mut child = Stopped(child);
    expect_line(&lines, "watching", 180);
    let first = std::fs::read(dir.path().join("long.pdf")).unwrap();
    let started = Instant::now();
    std::fs::write(&input, y.replace("title: Long", "title: Longer")).unwrap();
    // The rebuild starts within a fraction of a second and runs for seconds: the signal comes
    // during it (or, on a slow machine, before it), never after it.
    std::thread::sleep(Duration::from_millis(1000));
    let status = stop(&mut child, libc::SIGTERM, 10);
    let stopped = started.elapsed();
    assert_eq!(stray(dir.path()), Vec::<String>::new());
    assert!(
        std::fs::read(dir.path().join("long.pdf")).unwrap() == first,
        "the build was finished after the signal (exit {status:?} after {stopped:?})"
    );
    match status.code() {
        Some(143) => {
            expect_line(&lines, "stopped during a build", 5);
        }
        Some(0) => println!("the signal came before the rebuild began"),
        other => panic!("exit {other:?}"),
    }
}
