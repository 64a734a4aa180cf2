//! `cargo bench`: whole-process builds of the release binary, as a user runs it.
//!
//! Measures the seed briefing, a generated 1,000-topic briefing and a batch of 100 seed-sized
//! briefings, as PDFs and as web pages (`--format html`): median wall time over repeated runs,
//! peak resident memory of the process, and the size of the output. Prints a Markdown table
//! for the README. "Start-up" is a run that does no work (`briefing --version`); the seed
//! page's "work beyond start-up" is its time less that one.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// A briefing with `n` topics of ordinary policy prose.
fn generated(n: usize) -> String {
    let mut s = String::from(
        "title: Generated briefing for benchmarks\ndate: 2020-10-06\n\
         organisation: Ministry of Internal Affairs and Communications (MIC)\n\
         summary: |\n  A generated briefing: many topics of ordinary prose, to measure time, memory and size.\ntopics:\n",
    );
    for i in 1..=n {
        s.push_str(&format!(
            "  - title: Topic {i} on digital policy cooperation\n    body: |\n      \
             Japan and the EU introduced the respective situations of 5G services in item {i}, and both parties \
             confirmed the importance of international standardization, research and development, and the early \
             realization of Beyond 5G.\n\n      They agreed to continue exchanging opinions on platforms, data and \
             trust services, and to report on item {i} at the next policy dialogue.\n"
        ));
    }
    s.push_str("contact:\n  division: International Policy Division\n  tel: \"+81 3 5253 5920\"\n");
    s
}

/// Runs the command once: wall time in ms and peak resident set in MB.
// The child is reaped by `wait4` below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run_once(args: &[&str], dir: &Path) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs");
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // wait4 gives the child's own peak memory, which std's wait does not.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "briefing {args:?} failed");
    (ms, usage.ru_maxrss as f64 / 1024.0)
}

/// Median time and largest peak memory over `runs` runs (after two warm-ups).
fn measure(args: &[&str], dir: &Path, runs: usize) -> (f64, f64) {
    for _ in 0..2 {
        run_once(args, dir);
    }
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    for _ in 0..runs {
        let (ms, mb) = run_once(args, dir);
        times.push(ms);
        peak = peak.max(mb);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], peak)
}

fn size_kb(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len().div_ceil(1024))
}

fn main() {
    // `cargo bench -- --list` and similar harness probes: nothing to do.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let work = tempfile::tempdir().expect("temporary folder");
    let dir = work.path();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/japan-eu-ict-workshop-10.yaml");
    std::fs::copy(&seed, dir.join("seed.yaml")).expect("seed");
    std::fs::write(dir.join("big.yaml"), generated(1000)).expect("big");
    std::fs::create_dir(dir.join("batch")).expect("batch");
    std::fs::create_dir(dir.join("batch-out")).expect("batch-out");
    for i in 1..=100 {
        std::fs::copy(&seed, dir.join(format!("batch/briefing-{i:03}.yaml"))).expect("copy");
    }

    println!("| measure | median time | peak memory | output |");
    println!("|---|---|---|---|");
    let (ms, mb) = measure(&["build", "seed.yaml", "-o", "seed.pdf"], dir, 200);
    println!("| seed briefing | {ms:.1} ms | {mb:.0} MB | {} KB |", size_kb(&dir.join("seed.pdf")));
    let (ms, mb) = measure(&["build", "big.yaml", "-o", "big.pdf"], dir, 10);
    println!("| 1,000-topic briefing | {ms:.0} ms | {mb:.0} MB | {} KB |", size_kb(&dir.join("big.pdf")));
    let (ms, mb) = measure(&["build", "batch", "--out-dir", "batch-out"], dir, 5);
    println!("| batch of 100 seed briefings | {ms:.0} ms | {mb:.0} MB | 100 PDFs |");
    let (start_up, mb) = measure(&["--version"], dir, 50);
    println!("| start-up (`briefing --version`) | {start_up:.1} ms | {mb:.0} MB | |");
    let (ms, mb) = measure(&["build", "seed.yaml", "-o", "seed.html"], dir, 50);
    let beyond = ms - start_up;
    let kb = std::fs::metadata(dir.join("seed.html")).map_or(0.0, |m| m.len() as f64 / 1024.0);
    println!(
        "| seed web page (`--format html`) | {ms:.1} ms ({beyond:.1} ms beyond start-up) | {mb:.0} MB | {kb:.1} KB |"
    );
    std::fs::create_dir(dir.join("batch-html")).expect("batch-html");
    let (ms, mb) = measure(&["build", "batch", "--out-dir", "batch-html", "--format", "html"], dir, 5);
    println!("| batch of 100 seed web pages | {ms:.0} ms | {mb:.0} MB | 100 pages |");
}
