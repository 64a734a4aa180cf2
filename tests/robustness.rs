//! Nothing overwritten, leaked, exhausted or left behind, whatever the input or the command
//! line: one test per class of fault a careless command line, a hostile template or PDF, or a
//! killed process used to cause.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{assert_exit, listing, run, seed, stderr, tempdir, write};

fn with_seed() -> tempfile::TempDir {
    let dir = tempdir();
    std::fs::copy(seed(), dir.path().join("seed.yaml")).unwrap();
    dir
}

/// Files in `dir` that a run left behind: temporary files of ours.
fn debris(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().map(|(n, _)| n).filter(|n| n.starts_with(".briefing-")).collect()
}

// ---- data loss ------------------------------------------------------------------------------

#[test]
fn no_output_replaces_a_file_the_run_reads() {
    let dir = with_seed();
    std::fs::write(dir.path().join("logo.png"), common::rgba_png(8, 4)).unwrap();
    std::fs::copy(common::repo("fonts/DejaVuSans.ttf"), dir.path().join("Mine.ttf")).unwrap();
    write(dir.path(), "mytpl.yaml", "title_block: { logo: logo.png }\nfonts: { regular: Mine.ttf }\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("mytpl.yaml", dir.path().join("link-to-template.pdf")).unwrap();
    let before = listing(dir.path());
    for (output, role) in
        [("mytpl.yaml", "template"), ("logo.png", "logo"), ("Mine.ttf", "font"), ("./seed.yaml", "input")]
            .into_iter()
            .chain(cfg!(unix).then_some(("link-to-template.pdf", "template")))
    {
        let o = run(dir.path(), &["build", "seed.yaml", "-o", output, "--template", "mytpl.yaml"]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(&format!("the {role} this run reads")), "{output}: {}", stderr(&o));
    }
    // A dossier never replaces one of its briefings.
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    let before_b = listing(dir.path());
    let o = run(dir.path(), &["bundle", "seed.yaml", "b.yaml", "-o", "b.yaml", "--title", "D", "--no-embed-source"]);
    assert_exit(&o, 2);
    assert_eq!(listing(dir.path()), before_b);
    assert_eq!(before.len() + 1, before_b.len());
}

#[test]
fn a_read_only_pdf_is_left_alone_unless_forced() {
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 0);
    let pdf = dir.path().join("seed.pdf");
    let sent = std::fs::read(&pdf).unwrap();
    let mut perms = std::fs::metadata(&pdf).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&pdf, perms).unwrap();
    std::fs::write(dir.path().join("seed.yaml"), common::seed_with("title: Results", "title: Changed results"))
        .unwrap();
    let o = run(dir.path(), &["build", "seed.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("seed.pdf is read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&pdf).unwrap(), sent, "the version that went out was replaced");
    let o = run(dir.path(), &["build", "seed.yaml", "--force"]);
    assert_exit(&o, 0);
    assert_ne!(std::fs::read(&pdf).unwrap(), sent);
    assert!(std::fs::metadata(&pdf).unwrap().permissions().readonly(), "it stays read-only");
    assert_eq!(debris(dir.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn new_files_take_the_umask() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = with_seed();
    let o = Command::new("sh")
        .args(["-c", &format!("umask 077; exec {} build seed.yaml", env!("CARGO_BIN_EXE_briefing"))])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_exit(&o, 0);
    let mode = std::fs::metadata(dir.path().join("seed.pdf")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let o = Command::new("sh")
        .args(["-c", &format!("umask 022; exec {} new n.yaml", env!("CARGO_BIN_EXE_briefing"))])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_exit(&o, 0);
    assert_eq!(std::fs::metadata(dir.path().join("n.yaml")).unwrap().permissions().mode() & 0o777, 0o644);
}

/// The seed's PDF with its attachment's bytes changed by `change` (recompressed), and the
/// parameters the PDF records about it left as they were.
fn tampered(change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let dir = tempdir();
    let pdf = common::build_in(dir.path(), &seed(), &[]);
    let mut doc = common::load(&pdf);
    let id = doc
        .objects
        .iter()
        .find(|(_, o)| o.as_stream().is_ok_and(|s| s.dict.has_type(b"EmbeddedFile")))
        .map(|(id, _)| *id)
        .unwrap();
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let mut data = Vec::new();
    flate2::read::ZlibDecoder::new(&stream.content[..]).read_to_end(&mut data).unwrap();
    change(&mut data);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&data).unwrap();
    stream.set_content(z.finish().unwrap());
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn extract_refuses_a_damaged_attachment_and_a_bomb() {
    let dir = tempdir();
    // One byte flipped: same size, wrong checksum.
    std::fs::write(dir.path().join("flipped.pdf"), tampered(|d| d[100] ^= 0x20)).unwrap();
    let o = run(dir.path(), &["extract", "flipped.pdf", "-o", "back.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));
    assert!(!dir.path().join("back.yaml").exists());
    // A few hundred kilobytes that decompress to a gigabyte: stopped at the input limit.
    std::fs::write(dir.path().join("bomb.pdf"), tampered(|d| d.resize(1 << 30, b' '))).unwrap();
    let o = run(dir.path(), &["extract", "bomb.pdf", "-o", "bomb.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("decompresses to more than 4 MiB"), "{}", stderr(&o));
    assert!(!dir.path().join("bomb.yaml").exists());
    assert_eq!(debris(dir.path()), Vec::<String>::new());
}

/// A zlib stream of `n` × 258 spaces that a few bytes per 2 KB encode (fixed Huffman codes: a
/// space, then "258 more, one back" over and over), with a checksum of zero: a decompression
/// bomb made in a moment.
fn zlib_bomb(n: usize) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let (mut bits, mut count) = (0u64, 0u32);
    let mut put = |out: &mut Vec<u8>, value: u64, width: u32| {
        bits |= value << count;
        count += width;
        while count >= 8 {
            out.push(bits as u8);
            bits >>= 8;
            count -= 8;
        }
    };
    // Huffman codes go most significant bit first: reversed into the bit stream.
    let code = |c: u64, width: u32| c.reverse_bits() >> (64 - width);
    put(&mut out, 0b011, 3); // last block, fixed codes
    put(&mut out, code(0x30 + 0x20, 8), 8); // ' '
    for _ in 0..n {
        put(&mut out, code(0b1100_0101, 8), 8); // length 258
        put(&mut out, 0, 5); // distance 1
    }
    put(&mut out, 0, 7); // end of block
    put(&mut out, 0, 7);
    out.extend([0; 4]);
    out
}

/// `pdf` with an object stream of `data` (Flate-compressed) added as an update of the file
/// (lopdf would leave an object stream out when it saves), which nothing refers to.
fn with_object_stream(pdf: &[u8], data: &[u8]) -> Vec<u8> {
    let doc = common::load(pdf);
    let id = doc.max_id + 1;
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let text = String::from_utf8_lossy(&pdf[pdf.len() - 64..]).into_owned();
    let prev: usize = text.split("startxref").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let mut out = pdf.to_vec();
    let at = out.len() + 1;
    out.extend(
        format!("\n{id} 0 obj\n<</Type/ObjStm/N 1/First 6/Filter/FlateDecode/Length {}>>stream\n", data.len()).bytes(),
    );
    out.extend(data);
    out.extend(b"\nendstream\nendobj\n");
    let xref = out.len();
    out.extend(
        format!(
            "xref\n{id} 1\n{at:010} 00000 n \ntrailer\n<</Size {}/Root {} {} R/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n",
            id + 1,
            root.0,
            root.1
        )
        .bytes(),
    );
    out
}

/// Object streams found inside an object stream are not decompressed to measure how deep
/// their objects nest (PDF has none there; text43b F43b-2: each was decompressed, up to 64 MiB,
/// without a total, and a 160 KB file ran for minutes): one that nests deeper than any
/// briefing's no longer stops the source coming back.
#[test]
fn extract_decompresses_no_object_stream_inside_an_object_stream() {
    use std::io::Write as _;
    let zlib = |data: &[u8]| {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    };
    let inner = |data: &[u8]| {
        let data = zlib(data);
        let mut s = format!("1 0 obj <</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {}>> stream\n", data.len())
            .into_bytes();
        s.extend(data);
        s.extend(b"\nendstream endobj\n");
        s
    };
    let mut objects = b"1 0 ".to_vec();
    objects.extend(inner(&vec![0; 1 << 20]).repeat(4));
    objects.extend(inner(format!("1 0 {}", "[".repeat(100)).as_bytes()));
    let dir = with_seed();
    let out = with_object_stream(&common::build_in(dir.path(), &dir.path().join("seed.yaml"), &[]), &zlib(&objects));
    std::fs::write(dir.path().join("nested.pdf"), out).unwrap();
    let o = run(dir.path(), &["extract", "nested.pdf", "-o", "back.yaml"]);
    assert_exit(&o, 0);
    assert_eq!(std::fs::read(dir.path().join("back.yaml")).unwrap(), std::fs::read(seed()).unwrap());
}

/// `extract` reads the attachments and what leads to them, not every stream of the file
/// (text42b F42b-10: a dossier was loaded whole, 60 times its size in memory). An object
/// stream nothing refers to, which would decompress to 3 GiB, is never decompressed: under
/// a 1 GB limit the source comes back, where loading it whole aborted.
#[test]
fn extract_decompresses_only_what_leads_to_the_attachments() {
    let dir = with_seed();
    let data = zlib_bomb((3 << 30) / 258);
    let out = with_object_stream(&common::build_in(dir.path(), &dir.path().join("seed.yaml"), &[]), &data);
    std::fs::write(dir.path().join("bomb.pdf"), out).unwrap();
    let o = Command::new("sh")
        .args(["-c", "ulimit -v 1000000 && exec \"$0\" \"$@\"", env!("CARGO_BIN_EXE_briefing")])
        .args(["extract", "bomb.pdf", "-o", "back.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_exit(&o, 0);
    assert_eq!(std::fs::read(dir.path().join("back.yaml")).unwrap(), std::fs::read(seed()).unwrap());
}

/// A stream whose /Length lies in an object stream, here the object stream's own, is refused
/// with the file's name before lopdf looks it up: lopdf read the object stream to find where
/// it ends, and so on until the stack overflowed (a 300-byte PDF aborted with exit 134).
#[test]
fn extract_refuses_a_length_that_lies_in_an_object_stream() {
    let dir = tempdir();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let two = pdf.len() as u8;
    pdf.extend(b"2 0 obj <</Type/ObjStm/N 1/First 4/Length 8 0 R>> stream\n8 0 5 \nendstream endobj\n");
    let at = pdf.len();
    // Entries of /W [1 1 1]: 0 free, the catalog (1) and object 8 in object stream 2.
    let rows = [[0, 0, 255], [2, 2, 1], [1, two, 0], [0; 3], [0; 3], [0; 3], [0; 3], [0; 3], [2, 2, 0]].concat();
    pdf.extend(format!("9 0 obj <</Type/XRef/Size 9/W [1 1 1]/Root 1 0 R/Length {}>> stream\n", rows.len()).bytes());
    pdf.extend(rows);
    pdf.extend(format!("\nendstream endobj\nstartxref\n{at}\n%%EOF\n").bytes());
    std::fs::write(dir.path().join("loop.pdf"), pdf).unwrap();
    let o = run(dir.path(), &["extract", "loop.pdf"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains(
            "cannot extract from loop.pdf: its cross-reference stream (object 9) places object 8, which gives the \
             length of a stream, in an object stream (object 2)"
        ),
        "{}",
        stderr(&o)
    );
}

/// A cross-reference stream that decompresses to more than its entries need is refused, with
/// the file's name, before lopdf reads it (text43b F43b-3: it decompressed the stream whole, a
/// 1 MB file took 1.1 GB).
#[test]
fn extract_refuses_a_cross_reference_stream_that_is_a_bomb() {
    let dir = tempdir();
    let data = zlib_bomb((64 << 20) / 258);
    let mut pdf =
        b"%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n"
            .to_vec();
    let at = pdf.len();
    pdf.extend(
        format!("3 0 obj <</Type/XRef/Size 4/W[1 2 1]/Root 1 0 R/Filter/FlateDecode/Length {}>>\nstream\n", data.len())
            .bytes(),
    );
    pdf.extend(data);
    pdf.extend(format!("\nendstream endobj\nstartxref\n{at}\n%%EOF\n").bytes());
    std::fs::write(dir.path().join("xref.pdf"), pdf).unwrap();
    let o = run(dir.path(), &["extract", "xref.pdf"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains(
            "cannot extract from xref.pdf: its cross-reference stream (object 3) decompresses to more than its 4 entries need"
        ),
        "{}",
        stderr(&o)
    );
}

/// A briefing of `topics` topics (long enough to take a while to write).
fn long_briefing(topics: usize) -> String {
    let mut y = String::from("title: Long\ndate: 2020-10-06\ntopics:\n");
    for i in 0..topics {
        y.push_str(&format!(
            "  - title: Topic {i}\n    body: |\n      Japan and the EU exchanged views on item {i}, and agreed to report at the next dialogue.\n"
        ));
    }
    y.push_str("contact:\n  tel: \"1\"\n");
    y
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_nothing_behind() {
    use notify_debouncer_mini::notify::{self, Watcher as _};
    let dir = tempdir();
    write(dir.path(), "long.yaml", &long_briefing(1200));
    // The signal comes the moment the temporary file appears, while the PDF is being written
    // and flushed: the window in which an interrupted run used to leave it behind.
    let (tx, created) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        if let Ok(e) = e {
            if e.kind.is_create() && e.paths.iter().any(|p| p.to_string_lossy().contains(".briefing-")) {
                let _ = tx.send(());
            }
        }
    })
    .unwrap();
    watcher.watch(dir.path(), notify::RecursiveMode::NonRecursive).unwrap();
    let mut caught_writing = 0;
    for (k, signal) in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP].into_iter().cycle().take(6).enumerate() {
        while created.try_recv().is_ok() {}
        let child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["build", "long.yaml", "-o", "long.pdf"])
            .current_dir(dir.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let writing = created.recv_timeout(std::time::Duration::from_secs(120)).is_ok();
        unsafe {
            libc::kill(child.id() as libc::pid_t, signal);
        }
        let out = child.wait_with_output().unwrap();
        // Stopped, it exits as a shell reports a signal: 128 and its number (130, 143).
        assert!(out.status.code().is_some_and(|c| c == 0 || c == 128 + signal), "{:?}", out.status);
        caught_writing += usize::from(writing && out.status.code() == Some(128 + signal));
        assert_eq!(debris(dir.path()), Vec::<String>::new(), "after signal {signal} at try {k}");
    }
    println!("{caught_writing} of 6 runs were stopped while writing");
    assert!(caught_writing > 0, "no run was stopped while writing: the test proves nothing");
    // A run killed outright (SIGKILL) cannot clean up; the next run to that folder does.
    std::fs::write(dir.path().join(".briefing-4194303-x1y2z3.tmp"), vec![0u8; 1000]).unwrap();
    assert_exit(&run(dir.path(), &["build", "long.yaml", "-o", "long.pdf"]), 0);
    assert_eq!(debris(dir.path()), Vec::<String>::new());
}

/// Runs `briefing args` in `dir`, sending `signal` every 20 ms from 20 ms on until it ends;
/// `ignored` starts it with the signal ignored, as `nohup` (SIGHUP) or a script's background
/// job (SIGINT) does.
#[cfg(unix)]
fn signalled_until_done(dir: &Path, args: &[&str], signal: i32, ignored: bool) -> std::process::ExitStatus {
    use std::os::unix::process::CommandExt as _;
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    command.args(args).current_dir(dir).stderr(Stdio::null());
    if ignored {
        // SAFETY: between fork and exec, only signal(2), which is async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                libc::signal(signal, libc::SIG_IGN);
                Ok(())
            });
        }
    }
    let mut child = command.spawn().unwrap();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        unsafe {
            libc::kill(child.id() as libc::pid_t, signal);
        }
    }
}

#[cfg(unix)]
#[test]
fn every_command_stopped_exits_128_and_the_signal_and_an_ignored_one_stays_ignored() {
    use std::os::unix::process::ExitStatusExt as _;
    let dir = tempdir();
    write(dir.path(), "a.yaml", &long_briefing(600));
    write(dir.path(), "b.yaml", &long_briefing(601));
    // Stopped while it reads and lays out, long before it writes: an exit code, not a death by
    // the signal's default action (which `bundle`, `diff` and `extract` used to take).
    for args in [&["bundle", "a.yaml", "b.yaml", "-o", "d.pdf"][..], &["diff", "a.yaml", "b.yaml", "-o", "r.pdf"]] {
        let status = signalled_until_done(dir.path(), args, libc::SIGINT, false);
        assert_eq!((status.code(), status.signal()), (Some(130), None), "{args:?}");
        assert_eq!(debris(dir.path()), Vec::<String>::new(), "{args:?}");
        assert!(!dir.path().join(args[4]).exists(), "{args:?} wrote its output");
    }
    // Under `nohup` a closed terminal does not stop a build, nor SIGINT a background job's.
    for signal in [libc::SIGHUP, libc::SIGINT] {
        let status = signalled_until_done(dir.path(), &["bundle", "a.yaml", "b.yaml", "-o", "d.pdf"], signal, true);
        assert_eq!(status.code(), Some(0), "signal {signal} was ignored by the parent, yet: {status:?}");
        assert!(std::fs::remove_file(dir.path().join("d.pdf")).is_ok(), "signal {signal}: no dossier");
    }
}

#[cfg(unix)]
#[test]
fn new_on_a_full_disk_leaves_no_empty_file() {
    use std::os::unix::process::CommandExt as _;
    let dir = tempdir();
    // A file size limit of 100 bytes makes every write past it fail (EFBIG), as a full disk
    // would.
    let o = unsafe {
        Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["new", "x.yaml"])
            .current_dir(dir.path())
            .pre_exec(|| {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit { rlim_cur: 100, rlim_max: 100 };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            })
            .output()
            .unwrap()
    };
    assert_exit(&o, 2);
    assert!(!dir.path().join("x.yaml").exists(), "new left a partial file");
    assert_eq!(debris(dir.path()), Vec::<String>::new());
    assert_exit(&run(dir.path(), &["new", "x.yaml"]), 0);
    assert_exit(&run(dir.path(), &["build", "x.yaml"]), 0);
}

/// Runs `briefing ARGS…` in `dir`, and fails the test if it has not ended within `secs`
/// (killing it): a run that would hang is a failure, not a test that never ends.
#[cfg(unix)]
#[track_caller]
fn run_within(dir: &Path, args: &[&str], secs: u64) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("briefing {} did not end within {secs} s", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Makes a FIFO (named pipe) at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_folder_entry_that_is_not_a_regular_file_is_reported_not_passed_over() {
    let dir = with_seed();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(seed(), folder.join("a.yaml")).unwrap();
    mkfifo(&folder.join("pipe.yaml"));
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.yml")).unwrap();
    std::os::unix::fs::symlink("gone.yaml", folder.join("dangling.yaml")).unwrap();
    std::fs::create_dir(folder.join("sub.yaml")).unwrap();
    for command in ["build", "check"] {
        let mut args = vec![command, "in"];
        if command == "build" {
            args.extend(["--out-dir", "out"]);
        }
        let o = run_within(dir.path(), &args, 20);
        let err = stderr(&o);
        assert_exit(&o, 2);
        assert!(err.contains("pipe.yaml: it is a FIFO (named pipe), not a regular file"), "{command}: {err}");
        assert!(err.contains("zero.yml: it is a device, not a regular file"), "{command}: {err}");
        assert!(
            err.contains("dangling.yaml: it is a symbolic link to gone.yaml, which does not exist"),
            "{command}: {err}"
        );
        // The folder inside is not a briefing, and the good file is still built.
        assert!(!err.contains("sub.yaml"), "{command}: {err}");
        assert!(err.contains(if command == "build" { "built 1 of 4" } else { "a.yaml: ok" }), "{command}: {err}");
    }
    assert!(dir.path().join("out/a.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_fifo_or_a_device_is_refused_at_once() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build", "seed.yaml", "-o", "seed.pdf"]), 0);
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    mkfifo(&dir.path().join("pipe.pdf"));
    mkfifo(&dir.path().join("pipe.yaml"));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    mkfifo(&dir.path().join("out/seed.pdf"));
    // Every command that writes, onto a FIFO: none may open it (that blocks until someone
    // reads) or rename over it.
    let commands: [&[&str]; 8] = [
        &["build", "seed.yaml", "-o", "pipe.pdf"],
        &["build", "seed.yaml", "b.yaml", "--out-dir", "out"],
        &["diff", "seed.yaml", "b.yaml", "-o", "pipe.pdf"],
        &["bundle", "seed.yaml", "b.yaml", "-o", "pipe.pdf"],
        &["new", "pipe.yaml"],
        &["extract", "seed.pdf", "-o", "pipe.yaml", "--force"],
        &["watch", "seed.yaml", "-o", "pipe.pdf"],
        &["build", "seed.yaml", "-o", "pipe.pdf", "--force"],
    ];
    for args in commands {
        let o = run_within(dir.path(), args, 20);
        let err = stderr(&o);
        if args[0] == "build" && args.contains(&"out") {
            // One bad output in a batch does not stop the others.
            assert!(err.contains("out/seed.pdf is a FIFO (named pipe), not a regular file"), "{args:?}: {err}");
            assert!(dir.path().join("out/b.pdf").is_file());
        } else if args[0] == "new" {
            assert_exit(&o, 2);
            assert!(err.contains("pipe.yaml") && err.contains("exists"), "{args:?}: {err}");
        } else {
            assert_exit(&o, 2);
            assert!(err.contains("is a FIFO (named pipe), not a regular file; give an output file"), "{args:?}: {err}");
        }
        for fifo in ["pipe.pdf", "pipe.yaml", "out/seed.pdf"] {
            assert!(std::fs::metadata(dir.path().join(fifo)).unwrap().file_type().is_fifo(), "{args:?}: {fifo}");
        }
        assert_eq!(debris(dir.path()), Vec::<String>::new());
    }
    // A device: as root, a rename over /dev/null used to replace it with the PDF.
    let o = run_within(dir.path(), &["build", "seed.yaml", "-o", "/dev/null"], 20);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("/dev/null is a device, not a regular file"), "{}", stderr(&o));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null was replaced");
    if unsafe { libc::geteuid() } != 0 {
        println!("not root: /dev/null could not have been replaced anyway; the refusal was checked");
    }
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_written_through_to_its_target() {
    let dir = with_seed();
    std::fs::create_dir(dir.path().join("sent")).unwrap();
    std::fs::write(dir.path().join("sent/brief.pdf"), "the previous PDF").unwrap();
    std::os::unix::fs::symlink("sent/brief.pdf", dir.path().join("latest.pdf")).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "latest.pdf"]);
    assert_exit(&o, 0);
    let link = dir.path().join("latest.pdf");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
    let pdf = std::fs::read(dir.path().join("sent/brief.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "the link's target is stale");
    assert_eq!([debris(dir.path()), debris(&dir.path().join("sent"))].concat(), Vec::<String>::new());
    // A read-only target is left alone, through the link too.
    let mut perms = std::fs::metadata(dir.path().join("sent/brief.pdf")).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(dir.path().join("sent/brief.pdf"), perms).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "latest.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("latest.pdf is read-only"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_fifo_as_a_logo_font_or_briefing_is_refused_promptly() {
    let dir = with_seed();
    mkfifo(&dir.path().join("logo.png"));
    mkfifo(&dir.path().join("Mine.ttf"));
    mkfifo(&dir.path().join("pipe.yaml"));
    write(dir.path(), "mine.yaml", "title_block: { logo: logo.png }\nfonts: { regular: Mine.ttf }\n");
    for command in ["build", "check"] {
        let o = run_within(dir.path(), &[command, "seed.yaml", "--template", "mine.yaml"], 20);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("logo.png is a FIFO (named pipe), not a regular file; give a logo file"), "{err}");
        assert!(err.contains("Mine.ttf is a FIFO (named pipe), not a regular file; give a font file"), "{err}");
        assert!(err.contains("mine.yaml:1:") && err.contains("mine.yaml:2:"), "{err}");
        let o = run_within(dir.path(), &[command, "pipe.yaml"], 20);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("pipe.yaml: it is a FIFO (named pipe), not a regular file"), "{}", stderr(&o));
    }
    let o = run_within(dir.path(), &["build", "seed.yaml", "--template", "pipe.yaml"], 20);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("pipe.yaml is a FIFO (named pipe), not a regular file"), "{}", stderr(&o));
    assert!(!dir.path().join("seed.pdf").exists());
}

#[test]
fn a_bilingual_pair_is_replaced_together_or_not_at_all() {
    let dir = tempdir();
    std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("x.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "x.yaml"]), 0);
    let (en, ja) = (dir.path().join("x.en.pdf"), dir.path().join("x.ja.pdf"));
    let sent = (std::fs::read(&en).unwrap(), std::fs::read(&ja).unwrap());
    let mut perms = std::fs::metadata(&ja).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ja, perms).unwrap();
    let text = std::fs::read_to_string(dir.path().join("x.yaml")).unwrap();
    write(dir.path(), "x.yaml", &text.replacen("lang:", "draft: true\nlang:", 1));
    let o = run(dir.path(), &["build", "x.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("x.ja.pdf is read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&en).unwrap(), sent.0, "the English PDF was replaced, the Japanese one not");
    assert_eq!(std::fs::read(&ja).unwrap(), sent.1);
    assert_eq!(debris(dir.path()), Vec::<String>::new());
    // Forced, both are replaced.
    assert_exit(&run(dir.path(), &["build", "x.yaml", "--force"]), 0);
    assert_ne!(std::fs::read(&en).unwrap(), sent.0);
    assert_ne!(std::fs::read(&ja).unwrap(), sent.1);
}

#[test]
fn extract_never_replaces_a_file_unless_forced() {
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 0);
    write(dir.path(), "edited.yaml", "title: edited since\n");
    let o = run(dir.path(), &["extract", "seed.pdf", "-o", "edited.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("edited.yaml exists; use --force to replace it"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.path().join("edited.yaml")).unwrap(), "title: edited since\n");
    assert_exit(&run(dir.path(), &["extract", "seed.pdf", "-o", "edited.yaml", "--force"]), 0);
    assert_eq!(std::fs::read(dir.path().join("edited.yaml")).unwrap(), std::fs::read(seed()).unwrap());
}

#[test]
fn bundle_reports_every_inputs_problem() {
    let dir = with_seed();
    write(dir.path(), "bad.yaml", &common::seed_with("\ncontact:", "\ncontcat:"));
    let o = run(dir.path(), &["bundle", "missing.yaml", "seed.yaml", "bad.yaml", "-o", "d.pdf"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("cannot read missing.yaml"), "{err}");
    assert!(err.contains("bad.yaml:") && err.contains("did you mean `contact`"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}

// ---- leaks ----------------------------------------------------------------------------------

#[test]
fn a_template_reads_only_files_inside_its_folder() {
    let outside = tempdir();
    std::fs::write(outside.path().join("secret.png"), common::rgba_png(4, 4)).unwrap();
    let dir = with_seed();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    let secret = outside.path().join("secret.png");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, tpl.join("innocent.png")).unwrap();
    let relative = format!("../../{}/secret.png", outside.path().file_name().unwrap().to_str().unwrap());
    // A file that is not there is outside all the same: the refusal tells nothing of what
    // lies outside the folder (not "no such file").
    let missing = outside.path().join("missing.png");
    let mut cases = vec![secret.display().to_string(), relative.clone(), missing.display().to_string()];
    cases.push(relative.replace("secret.png", "missing.png"));
    if cfg!(unix) {
        cases.push("innocent.png".into());
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path(), tpl.join("linked")).unwrap();
        cases.push("linked/secret.png".into());
        cases.push("linked/missing.png".into());
        // A link to a file or folder that is not there (text24 F24-2: said missing).
        #[cfg(unix)]
        std::os::unix::fs::symlink(&missing, tpl.join("dangling.png")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path().join("nodir"), tpl.join("nowhere")).unwrap();
        cases.push("dangling.png".into());
        cases.push("nowhere/secret.png".into());
    }
    // Out through a folder, a file or nothing outside, and back in to a file that is there
    // (text25 F25a-2: built, "Not a directory" or "No such file" told which was outside).
    std::fs::write(tpl.join("inside.png"), common::rgba_png(4, 4)).unwrap();
    assert_eq!(outside.path().parent(), dir.path().parent(), "both temporary folders in one");
    let back = format!("{}/tpl/inside.png", dir.path().file_name().unwrap().to_str().unwrap());
    for through in ["", "/secret.png", "/missing"] {
        let up = if through.is_empty() { "/.." } else { "/../.." };
        cases.push(format!("{}{through}{up}/{back}", outside.path().display()));
    }
    // Beside the folder, a link that leads back in (text26 F26-1: it was followed).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&tpl, dir.path().join("back")).unwrap();
        cases.push("../back/inside.png".into());
    }
    for logo in &cases {
        write(&tpl, "mine.yaml", &format!("title_block: {{ logo: \"{logo}\" }}\n"));
        let o = run(dir.path(), &["build", "seed.yaml", "--template", "tpl/mine.yaml"]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("title_block.logo") && err.contains("outside the template's folder"), "{logo}: {err}");
        assert!(!err.contains("No such file") && !err.contains("Not a directory"), "{logo}: {err}");
        assert!(err.contains("tpl/mine.yaml:1:"), "{err}");
        assert!(!dir.path().join("seed.pdf").exists());
    }
    // A name longer than a system opens, of many parts, is refused at its field before it is
    // walked (text46b F46b-10: 200,000 parts took 5.7 s, the walk the square of its parts).
    write(&tpl, "mine.yaml", &format!("fonts: {{ regular: \"{}x.ttf\" }}\n", "a/".repeat(200_000)));
    let o = run(dir.path(), &["check", "seed.yaml", "--template", "tpl/mine.yaml"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains(
            "fonts.regular: the file's name is 400005 bytes long, and a name a system can open is at most 4096"
        ),
        "{}",
        stderr(&o)
    );
    // A file missing inside the folder is said missing.
    write(&tpl, "mine.yaml", "title_block: { logo: \"sub/none.png\" }\n");
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "tpl/mine.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("sub/none.png") && !stderr(&o).contains("outside"), "{}", stderr(&o));
    // Named from the root down through a link on the way, it is inside (text27 F27-1: a
    // link above the folder, as macOS's /tmp is, was refused).
    #[cfg(unix)]
    {
        let logo = dir.path().join("back").join("inside.png");
        write(&tpl, "mine.yaml", &format!("title_block: {{ logo: \"{}\" }}\n", logo.display()));
        let o = run(dir.path(), &["check", "seed.yaml", "--template", "tpl/mine.yaml"]);
        assert_exit(&o, 0);
        // So does a link inside the folder to that name (text28 F28-1: refused).
        std::os::unix::fs::symlink(&logo, tpl.join("via.png")).unwrap();
        write(&tpl, "mine.yaml", "title_block: { logo: \"via.png\" }\n");
        let o = run(dir.path(), &["check", "seed.yaml", "--template", "tpl/mine.yaml"]);
        assert_exit(&o, 0);
    }
    // Widened on purpose, it is read.
    write(&tpl, "mine.yaml", &format!("title_block: {{ logo: \"{}\" }}\n", secret.display()));
    let root = outside.path().to_str().unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "tpl/mine.yaml", "--root", root]);
    assert_exit(&o, 0);
    // Outside a --root folder given, the way out is another --root, not the option itself.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "tpl/mine.yaml", "--root", "other"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("outside the --root folder") && !err.contains("widen the folder with --root"), "{err}");
}

/// A PDF with the given attachments, written by lopdf the way other tools might.
fn pdf_with_attachments(files: &[(&str, &[u8])]) -> Vec<u8> {
    use lopdf::{Dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.7");
    let pages = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Pages".to_vec())),
        ("Kids", Object::Array(vec![])),
        ("Count", Object::Integer(0)),
    ]));
    let mut specs = Vec::new();
    for (name, data) in files {
        let file = doc.add_object(Stream::new(Dictionary::new(), data.to_vec()));
        let spec = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Filespec".to_vec())),
            ("UF", Object::string_literal(name.as_bytes().to_vec())),
            ("EF", Object::Dictionary(Dictionary::from_iter([("F", Object::Reference(file))]))),
        ]));
        specs.push(Object::Reference(spec));
    }
    let catalog = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages)),
        ("AF", Object::Array(specs)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[cfg(unix)]
#[test]
fn a_file_name_reaches_the_terminal_shown_not_obeyed() {
    // A name from an e-mail attachment may hold an escape sequence (colours, the window's
    // title) or a bell: every message that names the file shows them escaped.
    let dir = with_seed();
    let name = "evil\u{1b}]0;title\u{7}\u{1b}[31mred.yaml";
    std::fs::copy(seed(), dir.path().join(name)).unwrap();
    write(dir.path(), "bad\u{1b}[2J.yaml", "title: [\n");
    for args in [
        &["build", name][..],
        &["check", name, "bad\u{1b}[2J.yaml"],
        &["build", name, "bad\u{1b}[2J.yaml", "--out-dir", "out"],
        &["diff", name, "bad\u{1b}[2J.yaml"],
    ] {
        let o = run(dir.path(), args);
        let err = stderr(&o);
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{args:?}: {err:?}");
        let shown =
            if args[0] == "diff" { "bad\\u{1b}[2J.yaml:1:8" } else { "evil\\u{1b}]0;title\\u{7}\\u{1b}[31mred" };
        assert!(err.contains(shown), "{args:?}: {err:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_line_break_in_a_file_name_starts_no_line_of_its_own() {
    // text43b F43b-16: a name is shown on its message's line, its line break escaped, so it
    // cannot forge a line (`error: …`) of the output; `new`'s suggested command, pasted into
    // bash, names the file.
    let dir = with_seed();
    let name = "x\nerror: forged\u{1b}[31m.yaml";
    std::fs::copy(seed(), dir.path().join(name)).unwrap();
    for args in [&["check", name][..], &["build", name], &["build", name, "--out-dir", "out"]] {
        let o = run(dir.path(), args);
        assert_exit(&o, 0);
        let err = stderr(&o);
        assert!(!err.lines().any(|l| l.starts_with("error: forged")), "{args:?}: {err:?}");
        assert!(err.contains("x\\u{a}error: forged\\u{1b}[31m"), "{args:?}: {err:?}");
    }
    let fresh = "n\ne\u{1b}'w.yaml";
    let o = run(dir.path(), &["new", fresh]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let command = err.split("briefing build ").nth(1).expect("a suggested command").trim_end();
    let named = Command::new("bash").arg("-c").arg(format!("printf %s {command}")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&named.stdout), fresh, "{err:?}");
}

#[test]
fn extract_trusts_no_attachment_name_and_writes_no_flood() {
    let dir = tempdir();
    let pdf = pdf_with_attachments(&[
        ("\u{1b}[31mred.yaml", b"a: 1\n"),
        (".bashrc", b"b: 2\n"),
        ("../../escape.yaml", b"c: 3\n"),
        ("line\nbreak.yaml", b"d: 4\n"),
        // text38b F38b-1: a name other programs read, chosen by the PDF's sender.
        ("sitecustomize.py", b"e: 5\n"),
    ]);
    std::fs::write(dir.path().join("hostile.pdf"), pdf).unwrap();
    let o = run(dir.path(), &["extract", "hostile.pdf"]);
    assert_exit(&o, 0);
    let names: Vec<String> = listing(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["[31mred.yaml", "bashrc.yaml", "escape.yaml", "hostile.pdf", "linebreak.yaml", "sitecustomize.py.yaml"]
    );
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "an escape sequence reached the terminal: {err:?}");
    // Sixty attachments are not written without a folder for them; more than a dossier
    // carries are not read at all, folder or not.
    let sub = dir.path().join("flood");
    std::fs::create_dir(&sub).unwrap();
    for (n, code, says) in [(60, 2, "60 files"), (1_001, 1, "more than 1000 attachments")] {
        let many: Vec<(String, Vec<u8>)> = (0..n).map(|i| (format!("f{i}.yaml"), b"x: 1\n".to_vec())).collect();
        let refs: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        std::fs::write(sub.join("many.pdf"), pdf_with_attachments(&refs)).unwrap();
        for args in [&["extract", "many.pdf"][..], &["extract", "many.pdf", "-o", "out/"]] {
            let o = run(&sub, args);
            if n == 60 && args.len() > 2 {
                assert_exit(&o, 0);
                assert_eq!(listing(&sub.join("out")).len(), 60);
                std::fs::remove_dir_all(sub.join("out")).unwrap();
                continue;
            }
            assert_exit(&o, code);
            assert!(stderr(&o).contains(says), "{}", stderr(&o));
            assert_eq!(listing(&sub).len(), 1, "{args:?}");
        }
    }
}

// ---- exhaustion and crashes -----------------------------------------------------------------

#[cfg(unix)]
#[test]
fn endless_files_are_refused_unread() {
    let dir = with_seed();
    let o = run_within(dir.path(), &["build", "seed.yaml", "--template", "/dev/zero"], 20);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("/dev/zero is a device, not a regular file; give a template file"), "{}", stderr(&o));
    write(dir.path(), "mine.yaml", "title_block: { logo: /dev/zero }\nfonts: { regular: /dev/zero }\n");
    let o = run_within(dir.path(), &["build", "seed.yaml", "--template", "mine.yaml", "--root", "/"], 20);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("/dev/zero is a device, not a regular file; give a logo file"), "{err}");
    assert!(err.contains("/dev/zero is a device, not a regular file; give a font file"), "{err}");
    let o = run_within(dir.path(), &["extract", "/dev/zero"], 20);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("/dev/zero is a device, not a regular file; give a PDF file"), "{}", stderr(&o));
    let o = run_within(dir.path(), &["check", "/dev/zero"], 20);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("/dev/zero: it is a device, not a regular file"), "{}", stderr(&o));
}

#[test]
fn an_image_claiming_a_huge_size_is_refused_not_a_crash() {
    let dir = with_seed();
    // 100000 × 100000 pixels claimed in a few dozen bytes.
    let mut png = common::rgba_png(1, 1);
    png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = {
        let mut c = flate2::Crc::new();
        c.update(&png[12..29]);
        c.sum()
    };
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    std::fs::write(dir.path().join("bomb.png"), png).unwrap();
    write(dir.path(), "mine.yaml", "title_block: { logo: bomb.png }\n");
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("100000 × 100000 pixels"), "{}", stderr(&o));
}

#[test]
fn a_deeply_nested_pdf_is_refused_not_a_crash() {
    let dir = tempdir();
    for (name, open, close) in [("arrays", "[", "]"), ("dicts", "<</A ", ">>")] {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
        pdf.extend(open.repeat(10_000).as_bytes());
        pdf.extend(close.repeat(10_000).as_bytes());
        pdf.extend(b"\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n");
        std::fs::write(dir.path().join(format!("{name}.pdf")), pdf).unwrap();
        let o = run(dir.path(), &["extract", &format!("{name}.pdf")]);
        assert_exit(&o, 1);
        assert!(stderr(&o).contains("nest 10000 levels deep"), "{name}: {}", stderr(&o));
    }
}

#[test]
fn a_table_too_wide_to_read_is_refused_at_its_field() {
    let dir = with_seed();
    let columns = 100;
    let row = |cell: &str| format!("      |{}\n", format!(" {cell} |").repeat(columns));
    let table = format!("{}      |{}\n{}", row("h"), "---|".repeat(columns), row("x"));
    let body = format!("topics:\n  - title: Wide\n    body: |\n{table}");
    let path = write(dir.path(), "wide.yaml", &common::seed_with("topics:\n", &body));
    let o = run(dir.path(), &["build", path.to_str().unwrap()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("topics[0].body") && err.contains("100 columns"), "{err}");
}

/// `check` of the seed with `n` topics, each of `body` (a block text, indented for it): the
/// problems, which the limit's report must name at the last topic only, with `count`.
fn past_a_limit(n: usize, body: &str, count: &str) {
    let dir = with_seed();
    let topics: String = (1..=n).map(|i| format!("  - title: Topic {i}\n    body: |\n{body}")).collect();
    let path = write(dir.path(), "limit.yaml", &common::seed_with("topics:\n", &format!("topics:\n{topics}")));
    let o = run(dir.path(), &["check", path.to_str().unwrap()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(&format!("topics[{}].body", n - 1)) && err.contains(count), "{err}");
    assert!((0..n - 1).all(|i| !err.contains(&format!("topics[{i}].body"))), "{err}");
}

#[test]
fn tables_of_more_cells_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // Three topics with a table of 2 × 5,000 cells each (and a header row): the third passes
    // the 25,000 cells a briefing may hold, and only it is reported.
    past_a_limit(3, &format!("      | a | b |\n      |---|---|\n{}", "      | x | y |\n".repeat(5_000)), "30006 cells");
}

#[test]
fn tables_of_more_words_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // 750,000 words in 20 columns (each word a line) took 11 s and 1.7 GB to build.
    // Three tables of 10 × 300 cells of 25 words: 75,000 words each.
    let row = format!("      |{}\n", format!(" {}|", "data flows and trust services ".repeat(5)).repeat(10));
    past_a_limit(
        3,
        &format!("      |{}\n      |{}\n{}", " h |".repeat(10), "---|".repeat(10), row.repeat(300)),
        "225030 words",
    );
}

#[test]
fn more_links_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // 420,000 plain-text addresses (4 MB) took 12 s and 1.1 GB to build.
    past_a_limit(2, &format!("      {}\n", "www.a.org ".repeat(60_000)), "links reach 120000");
}

#[test]
fn more_blocks_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // 345,000 one-letter items took 8 s and 1.08 GB to build; 4 MB of one-letter paragraphs
    // 16 s and 1.7 GB.
    // (Each list counts as its items.)
    past_a_limit(2, &"      - a\n".repeat(60_000), "paragraphs, headings, list items and lines of code reach 120004");
    past_a_limit(2, &"      a\n\n".repeat(60_000), "paragraphs, headings, list items and lines of code reach 120004");
    // A code block of a million empty lines took 11 s and 1.27 GB: each line is a line of
    // the page, counted as a block.
    past_a_limit(2, &format!("      ```\n      x\n{}      y\n      ```\n", "\n".repeat(60_000)), "lines of code reach");
}

#[test]
fn more_runs_of_emphasis_and_code_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // A million code spans (4 MB of `a`) took 14 s and 2.06 GB to build, a million
    // emphasised letters 9 s and 1.37 GB.
    past_a_limit(2, &format!("      {}\n", "`a` ".repeat(70_000)), "runs of emphasis, code, links and plain text");
    // (Emphasis from inside one word to inside another, `b*a*b`, prints its stars as text.)
    past_a_limit(2, &format!("      {}\n", "*a* ".repeat(70_000)), "runs of emphasis, code, links and plain text");
}

#[test]
fn more_changes_of_script_than_a_briefing_may_hold_are_refused_where_they_pass_the_limit() {
    // 4 MB of `日a ` (1.7 million changes, each a run in another font) took 17 s and 1.7 GB.
    past_a_limit(2, &format!("      {}\n", "日a ".repeat(70_000)), "changes between scripts");
    // Japanese with a Latin word in each sentence is far from it.
    let dir = with_seed();
    let body = format!(
        "topics:\n  - title: 日本\n    body: |\n      {}\n",
        "本会合ではAI政策について議論した。".repeat(2_000)
    );
    let path = write(dir.path(), "ja.yaml", &common::seed_with("topics:\n", &body));
    let o = run(dir.path(), &["check", path.to_str().unwrap()]);
    assert_exit(&o, 0);
}

// ---- text that is silently wrong --------------------------------------------------------------

#[test]
fn right_to_left_text_is_refused_never_printed_backwards() {
    let dir = with_seed();
    for (script, text) in [("Hebrew", "שלום עולם"), ("Arabic", "مرحبا بالعالم")] {
        let path =
            write(dir.path(), "rtl.yaml", &common::seed_with("title: Results", &format!("title: {text} Results")));
        let o = run(dir.path(), &["check", path.to_str().unwrap()]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("title: right-to-left text"), "{script}: {err}");
        assert_eq!(err.matches("right-to-left").count(), 1, "one report for the field: {err}");
    }
}

#[test]
fn a_value_that_prints_nothing_and_an_unknown_tag_are_errors() {
    let dir = with_seed();
    for (body, expect) in
        [("'*'", "prints no text"), ("'#'", "prints no text"), ("!foo bar", "unknown YAML tag `!foo`")]
    {
        let yaml = common::seed_with("topics:\n", &format!("topics:\n  - title: T\n    body: {body}\n"));
        let path = write(dir.path(), "x.yaml", &yaml);
        let o = run(dir.path(), &["check", path.to_str().unwrap()]);
        assert_exit(&o, 1);
        assert!(stderr(&o).contains(expect), "{body}: {}", stderr(&o));
    }
}

// ---- unclear messages -------------------------------------------------------------------------

#[test]
fn mistakes_are_named_in_the_users_terms() {
    let dir = with_seed();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("nul.yaml", b"title: \"a\0b\"\ndate: 2020-10-06\n".to_vec(), "a NUL byte"),
        ("surrogate.yaml", b"title: \"\\ud800\"\ndate: 2020-10-06\n".to_vec(), "halves of a UTF-16 pair"),
        (
            "utf16.yaml",
            "title: Hello\ndate: 2020-10-06\n".encode_utf16().flat_map(u16::to_le_bytes).collect(),
            "UTF-16",
        ),
    ];
    for (name, bytes, expect) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let o = run(dir.path(), &["check", name]);
        assert_exit(&o, 1);
        assert!(stderr(&o).contains(expect), "{name}: {}", stderr(&o));
    }
    std::fs::create_dir(dir.path().join("outdir")).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "outdir/"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("-o outdir/ is a folder"), "{}", stderr(&o));
    let o = run(dir.path(), &["watch", "outdir"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("outdir is a folder; give a briefing file"), "{}", stderr(&o));
    let o = run(dir.path(), &["watch", "seed.yaml", "-o", "seed.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("seed.yaml is the input this run reads"), "{}", stderr(&o));
    // A briefing that cannot be read is refused for what it is, as `build` refuses it.
    let long = format!("{}.yaml", "b".repeat(300));
    for (name, expect) in [("nothere.yaml", "No such file"), (long.as_str(), "File name too long")] {
        let o = run(dir.path(), &["watch", name]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(expect), "{}", stderr(&o));
    }
    // A font cut short is named, not the briefing.
    let font = std::fs::read(common::repo("fonts/DejaVuSans.ttf")).unwrap();
    std::fs::write(dir.path().join("Cut.ttf"), &font[..font.len() / 2]).unwrap();
    write(dir.path(), "mine.yaml", "fonts: { regular: Cut.ttf }\n");
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("cannot use the font Cut.ttf"), "{}", stderr(&o));
    // An encrypted PDF is called that.
    let mut doc = common::load(&common::build_in(dir.path(), &seed(), &[]));
    doc.trailer.set("Encrypt", lopdf::Object::Dictionary(lopdf::Dictionary::new()));
    let mut enc = Vec::new();
    doc.save_to(&mut enc).unwrap();
    std::fs::write(dir.path().join("enc.pdf"), enc).unwrap();
    let o = run(dir.path(), &["extract", "enc.pdf", "-o", "x.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("encrypted"), "{}", stderr(&o));
}

/// `watch` rebuilds when the logo changes, not only the briefing and template.
#[test]
fn watch_follows_every_file_the_build_read() {
    use std::io::{BufRead as _, BufReader};
    let dir = with_seed();
    std::fs::write(dir.path().join("logo.png"), common::rgba_png(8, 4)).unwrap();
    write(dir.path(), "mine.yaml", "title_block: { logo: logo.png }\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["watch", "seed.yaml", "-o", "out.pdf", "--template", "mine.yaml"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let wait_for = |needle: &str| {
        // Generous: the whole suite runs beside this test, and on two cores a debug build
        // of the briefing can wait seconds for a core. The test is about *whether* the logo
        // is followed, not how fast.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match lines.recv_timeout(left) {
                Ok(l) if l.contains(needle) => return l,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("no {needle:?} within 90 s");
    };
    let watching = wait_for("watching");
    assert!(watching.contains("logo.png"), "{watching}");
    let first = std::fs::read(dir.path().join("out.pdf")).unwrap();
    std::fs::write(dir.path().join("logo.png"), common::rgba_png(16, 4)).unwrap();
    wait_for("wrote");
    assert_ne!(std::fs::read(dir.path().join("out.pdf")).unwrap(), first, "the new logo is in");
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    // Idle, it stops watching (exit 0); a second rebuild after the logo's save (its events
    // may come in two batches) is stopped at once instead (exit 130). Either says which.
    let stopped = wait_for("stopped");
    let code = child.wait().unwrap().code();
    match code {
        Some(0) => assert!(stopped.contains("stopped watching"), "{stopped}"),
        Some(130) => assert!(stopped.contains("stopped during a build"), "{stopped}"),
        _ => panic!("{code:?}: {stopped}"),
    }
}

/// Files a fuzzer made from the fixtures with two or three slips each, which once panicked
/// (a span of text mended with a line moved fell inside a Japanese character): each is
/// checked, its problems reported, nothing panics.
#[test]
fn fuzzed_slips_are_reported_without_a_panic() {
    let dir = tempdir();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzzed")).unwrap() {
        let path = entry.unwrap().path();
        let o = run(dir.path(), &["check", path.to_str().unwrap()]);
        let err = stderr(&o);
        assert_exit(&o, 1);
        assert!(!err.contains("panicked") && err.contains("error:"), "{}: {err}", path.display());
        assert!(!err.contains("is not read as text"), "{}: {err}", path.display());
    }
}
