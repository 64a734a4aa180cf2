//! The command line as a user meets it: exit codes (0 ok, 1 invalid input, 2 usage or I/O),
//! `check` writing nothing, atomic writes (a failed build keeps the old PDF and leaves no
//! temporary file), help with examples, `templates`, `new` and `completions`.

mod common;

use std::path::Path;

use common::{assert_exit, listing, run, seed, stderr};

/// A temporary folder holding the seed as `seed.yaml`.
fn with_seed() -> tempfile::TempDir {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("seed.yaml")).unwrap();
    dir
}

/// Temporary files `write_atomic` may have left in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().map(|(name, _)| name).filter(|n| n.starts_with(".briefing-")).collect()
}

/// The seed with `organisation:` misspelt, and the line it is on (from 1).
fn typo() -> (String, usize) {
    let yaml = common::seed_with("\norganisation:", "\norgansation:");
    let line = yaml.lines().position(|l| l.starts_with("organsation:")).unwrap() + 1;
    (yaml, line)
}

#[cfg(unix)]
#[test]
fn two_outputs_of_one_input_that_are_one_file_are_named_so() {
    // text49b F49b-3: `s.html` a link to `s.pdf`, `--format pdf,html` said "s.yaml is given twice".
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("s.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "s.yaml"]), 0);
    let pdf = std::fs::read(dir.path().join("s.pdf")).unwrap();
    std::os::unix::fs::symlink("s.pdf", dir.path().join("s.html")).unwrap();
    let o = run(dir.path(), &["build", "s.yaml", "--format", "pdf,html", "--force"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("s.html: another output of this run is written there too"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("given twice"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("s.pdf")).unwrap(), pdf);
    // The same file given twice is still named so.
    let o = run(dir.path(), &["build", "s.yaml", "s.yaml"]);
    assert!(stderr(&o).contains("s.yaml is given twice"), "{}", stderr(&o));
}

#[test]
fn a_good_build_exits_0() {
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 0);
}

#[test]
fn invalid_yaml_exits_1_and_points_at_file_line_col() {
    let dir = common::tempdir();
    let (yaml, line) = typo();
    common::write(dir.path(), "typo.yaml", &yaml);
    let o = run(dir.path(), &["build", "typo.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(&format!("typo.yaml:{line}:1:")), "no FILE:LINE:COL in\n{err}");
    assert!(err.contains("did you mean `organisation`"), "{err}");
    assert!(!dir.path().join("typo.pdf").exists(), "an invalid briefing was written");
}

#[test]
fn a_missing_input_exits_2() {
    let dir = common::tempdir();
    let o = run(dir.path(), &["build", "nowhere.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("nowhere.yaml"), "{}", stderr(&o));
}

#[test]
fn a_missing_output_folder_exits_2_and_names_it() {
    let dir = with_seed();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "no-such-folder/seed.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("no-such-folder"), "{}", stderr(&o));

    assert_eq!(listing(dir.path()).len(), 1, "something was written: {:?}", listing(dir.path()));
}

#[test]
fn a_missing_out_dir_is_made_and_said() {
    let dir = with_seed();
    let o = run(dir.path(), &["build", "seed.yaml", "--out-dir", "out/deeper"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("created folder out/deeper"), "{}", stderr(&o));
    assert!(dir.path().join("out/deeper/seed.pdf").is_file());
    // A file where the folder should be is refused.
    std::fs::write(dir.path().join("taken"), "x").unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "--out-dir", "taken"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("taken is not a folder"), "{}", stderr(&o));
}

#[test]
fn an_unknown_template_exits_2() {
    let dir = with_seed();
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "glossy"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("glossy"), "{err}");
    for name in ["default", "press-release", "one-pager"] {
        assert!(err.contains(name), "the message does not list {name}: {err}");
    }
}

#[test]
fn usage_mistakes_exit_2() {
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build"]), 2);
    assert_exit(&run(dir.path(), &["frobnicate"]), 2);
    assert_exit(&run(dir.path(), &["build", "seed.yaml", "--no-such-flag"]), 2);
    // A cover date that does not exist, in the words the YAML's date gets.
    let o = run(dir.path(), &["bundle", "seed.yaml", "-o", "d.pdf", "--date", "2020-02-30"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("2020-02-30 does not exist (February has 29 days)"), "{}", stderr(&o));
}

#[test]
fn check_exits_0_on_the_seed_and_writes_nothing() {
    let dir = with_seed();
    let before = listing(dir.path());
    let o = run(dir.path(), &["check", "seed.yaml"]);
    assert_exit(&o, 0);
    assert_eq!(listing(dir.path()), before, "check changed the folder");
}

#[test]
fn check_exits_1_on_bad_input_and_writes_nothing() {
    let dir = common::tempdir();
    let (yaml, line) = typo();
    common::write(dir.path(), "typo.yaml", &yaml);
    let before = listing(dir.path());
    let o = run(dir.path(), &["check", "typo.yaml"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains(&format!("typo.yaml:{line}:1:")), "{}", stderr(&o));
    assert_eq!(listing(dir.path()), before, "check changed the folder");
}

#[test]
fn a_failed_build_keeps_the_previous_pdf() {
    let dir = with_seed();
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 0);
    let good = std::fs::read(dir.path().join("seed.pdf")).unwrap();
    common::write(dir.path(), "seed.yaml", &typo().0);
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 1);
    assert!(std::fs::read(dir.path().join("seed.pdf")).unwrap() == good, "the previous PDF changed");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_failed_write_leaves_no_temporary_file() {
    // The output is a folder: the temporary file is written, and renaming it fails.
    let dir = with_seed();
    std::fs::create_dir(dir.path().join("taken.pdf")).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "taken.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("taken.pdf"), "{}", stderr(&o));
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    assert!(dir.path().join("taken.pdf").is_dir());
}

#[test]
fn dash_o_never_replaces_the_input() {
    let dir = with_seed();
    let yaml = std::fs::read(dir.path().join("seed.yaml")).unwrap();
    for output in ["seed.yaml", "./seed.yaml"] {
        let o = run(dir.path(), &["build", "seed.yaml", "-o", output]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("seed.yaml"), "{}", stderr(&o));
        assert!(std::fs::read(dir.path().join("seed.yaml")).unwrap() == yaml, "-o {output} replaced the YAML");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_exits_2_and_keeps_the_previous_pdf() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = with_seed();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    assert_exit(&run(dir.path(), &["build", "seed.yaml", "-o", "out/seed.pdf"]), 0);
    let good = std::fs::read(out.join("seed.pdf")).unwrap();
    common::write(dir.path(), "seed.yaml", &common::seed_with("title: Results", "title: New results"));

    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root (as in many containers) may write to a read-only folder anyway.
    let privileged = std::fs::write(out.join("probe"), b"").is_ok();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "out/seed.pdf"]);
    let _ = std::fs::remove_file(out.join("probe"));
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();

    if privileged {
        eprintln!("note: running with rights to write to read-only folders; exit code not checked");
    } else {
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("out/seed.pdf"), "{}", stderr(&o));
        assert!(std::fs::read(out.join("seed.pdf")).unwrap() == good, "the previous PDF changed");
    }
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn help_shows_an_example_for_every_command() {
    let dir = common::tempdir();
    let o = run(dir.path(), &["--help"]);
    assert_exit(&o, 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Example"));
    // `watch` and `bundle` are being written; their help is theirs to settle.
    for command in ["build", "check", "new", "templates", "extract", "completions"] {
        let o = run(dir.path(), &[command, "--help"]);
        assert_exit(&o, 0);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("Example"), "`briefing {command} --help` shows no example:\n{out}");
        assert!(out.contains(&format!("briefing {command}")), "the example does not run {command}:\n{out}");
    }
}

#[test]
fn templates_lists_the_built_in_ones_with_descriptions() {
    let dir = common::tempdir();
    let o = run(dir.path(), &["templates"]);
    assert_exit(&o, 0);
    let out = String::from_utf8_lossy(&o.stdout);
    for name in ["default", "press-release", "one-pager"] {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("{name} is not listed:\n{out}"));
        let description = line[name.len()..].trim();
        assert!(description.split_whitespace().count() >= 3, "{name} has no description: {line:?}");
        assert!(!description.contains("does not load"), "{line}");
    }
}

#[test]
fn new_writes_a_starter_that_builds_and_never_overwrites() {
    let dir = common::tempdir();
    let o = run(dir.path(), &["new", "x.yaml"]);
    assert_exit(&o, 0);
    let starter = std::fs::read(dir.path().join("x.yaml")).expect("x.yaml written");
    assert_exit(&run(dir.path(), &["build", "x.yaml"]), 0);
    assert!(dir.path().join("x.pdf").is_file());

    std::fs::write(dir.path().join("x.yaml"), b"title: mine\n").unwrap();
    let o = run(dir.path(), &["new", "x.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("x.yaml"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("x.yaml")).unwrap(), b"title: mine\n", "new overwrote a file");
    assert!(!starter.is_empty());
    // The command it suggests works as pasted; a name for another kind of file is refused.
    let o = run(dir.path(), &["new", "a b.yaml"]);
    assert!(stderr(&o).contains("build it with: briefing build 'a b.yaml'"), "{}", stderr(&o));
    let o = run(dir.path(), &["new", "--", "-x.yaml"]);
    assert!(stderr(&o).contains("build it with: briefing build ./-x.yaml"), "{}", stderr(&o));
    assert_exit(&run(dir.path(), &["build", "./-x.yaml"]), 0);
    let o = run(dir.path(), &["new", "y.pdf"]);
    assert_exit(&o, 2);
    assert!(!dir.path().join("y.pdf").exists() && stderr(&o).contains("name it .yaml"), "{}", stderr(&o));
    // A YAML name in capitals is a YAML name, as a folder's scan takes it.
    assert_exit(&run(dir.path(), &["new", "Z.YML"]), 0);
    let o = run(dir.path(), &["check", "."]);
    assert!(stderr(&o).contains("Z.YML: ok"), "{}", stderr(&o));
    // One language: one PDF, named as the file, and the starter says so.
    assert_exit(&run(dir.path(), &["new", "e.yaml", "--lang", "el"]), 0);
    let starter = std::fs::read_to_string(dir.path().join("e.yaml")).unwrap();
    assert!(
        starter.starts_with("# One briefing in el: `briefing build THIS_FILE.yaml` writes THIS_FILE.pdf."),
        "{starter}"
    );
    assert_exit(&run(dir.path(), &["build", "e.yaml"]), 0);
    assert!(dir.path().join("e.pdf").is_file());
    // text31 F31b-6: a language written right to left, which briefing cannot set, got a
    // starter that was English under its tag.
    for langs in ["ar", "en,he", "fa-IR"] {
        let o = run(dir.path(), &["new", "rtl.yaml", "--lang", langs]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("is written right to left"), "{langs}: {}", stderr(&o));
        assert!(!dir.path().join("rtl.yaml").exists());
    }
}

#[test]
fn completions_for_bash_mention_briefing() {
    let dir = common::tempdir();
    let o = run(dir.path(), &["completions", "bash"]);
    assert_exit(&o, 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("briefing"));
}

#[test]
fn completions_offer_the_built_in_template_names() {
    let dir = common::tempdir();
    for shell in ["bash", "zsh", "fish"] {
        let o = run(dir.path(), &["completions", shell]);
        assert_exit(&o, 0);
        let script = String::from_utf8_lossy(&o.stdout);
        for name in ["press-release", "one-pager"] {
            assert!(script.contains(name), "{shell} completions do not offer {name}");
        }
    }
    // A template file still works: the names are offered, not required.
    let template = common::write(dir.path(), "mine.yaml", "extends: one-pager\n");
    let pdf = common::build_in(dir.path(), &common::seed(), &["--template", template.to_str().unwrap()]);
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn a_source_date_epoch_that_is_not_a_number_is_an_error() {
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("b.yaml")).unwrap();
    // Nor is a number past the year 9999, which a PDF date cannot hold (it wrote
    // D:31708431107094639Z).
    for epoch in ["yesterday", "99999999999999", "-1"] {
        let o = common::run_with_epoch(dir.path(), &["build", "b.yaml"], epoch);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("SOURCE_DATE_EPOCH"), "{}", stderr(&o));
        assert!(!dir.path().join("b.pdf").exists());
    }
    assert_exit(&common::run_with_epoch(dir.path(), &["build", "b.yaml"], "253402300799"), 0);
}

#[test]
fn extract_never_writes_over_the_pdf_it_reads() {
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("b.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "b.yaml"]), 0);
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    let o = run(dir.path(), &["extract", "b.pdf", "-o", "b.pdf"]);
    assert_exit(&o, 2);
    assert_eq!(std::fs::read(dir.path().join("b.pdf")).unwrap(), pdf);
}

/// A file name that is not UTF-8 (a legacy Latin-1 `café`) keeps its bytes in every name made
/// from it: each language's PDF, each page's image, and the source `extract` writes back.
#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_keeps_its_bytes_in_every_output() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt as _;
    let dir = common::tempdir();
    let latin1 = |s: &str| -> std::ffi::OsString {
        OsStr::from_bytes(&s.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect::<Vec<u8>>()).to_owned()
    };
    std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join(latin1("café.yaml"))).unwrap();
    std::fs::copy(common::seed(), dir.path().join(latin1("thé.yaml"))).unwrap();
    let briefing = |args: &[&OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_briefing")).args(args).current_dir(dir.path()).output().unwrap()
    };
    assert_exit(&briefing(&["build".as_ref(), &latin1("café.yaml")]), 0);
    assert_exit(&briefing(&["build".as_ref(), &latin1("thé.yaml"), "--format".as_ref(), "pdf,png".as_ref()]), 0);
    let names = || -> Vec<Vec<u8>> {
        let entries = std::fs::read_dir(dir.path()).unwrap();
        entries.map(|e| e.unwrap().file_name().as_bytes().to_vec()).collect()
    };
    for made in ["café.en.pdf", "café.ja.pdf", "thé.pdf", "thé-1.png", "thé-2.png"] {
        assert!(dir.path().join(latin1(made)).exists(), "{made}: {:?}", names());
    }
    // The source comes back under the PDF's own name, not with a character lost: so it meets
    // the source it came from, which is kept.
    let o = briefing(&["extract".as_ref(), &latin1("thé.pdf")]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("exists"), "{}", stderr(&o));
    std::fs::rename(dir.path().join(latin1("thé.yaml")), dir.path().join("kept.yaml")).unwrap();
    assert_exit(&briefing(&["extract".as_ref(), &latin1("thé.pdf")]), 0);
    assert_eq!(std::fs::read(dir.path().join(latin1("thé.yaml"))).unwrap(), std::fs::read(common::seed()).unwrap());
    // (U+FFFD in UTF-8: no name was made with a character lost.)
    assert!(names().iter().all(|n| !n.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD])), "{:?}", names());
}

#[test]
fn an_output_named_for_another_kind_of_file_is_refused_and_kept() {
    // text29 F29b-3: `-o other.yaml` replaced another briefing with a PDF, in build, diff and
    // bundle alike; `-o w.txt` wrote a PDF named w.txt.
    let dir = with_seed();
    std::fs::copy(common::seed(), dir.path().join("other.yaml")).unwrap();
    let cases: [&[&str]; 5] = [
        &["build", "seed.yaml", "-o", "other.yaml"],
        &["build", "seed.yaml", "-o", "other{p}.YML", "--format", "png"],
        &["diff", "seed.yaml", "seed.yaml", "-o", "other.yaml"],
        &["bundle", "seed.yaml", "-o", "other.yaml"],
        &["build", "seed.yaml", "-o", "w.txt", "--format", "pdf,html"],
    ];
    for args in cases {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("names a .") && stderr(&o).contains("name the output ."), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(dir.path().join("other.yaml")).unwrap(), std::fs::read(common::seed()).unwrap());
    assert!(!dir.path().join("w.txt").exists() && !dir.path().join("w.html").exists());
    // text30 F30b-3: a name with no extension, or one of no format (`README`, `notes.mp4`),
    // was replaced with a PDF too; so is `extract -o` named for what it writes.
    std::fs::write(dir.path().join("README"), "notes").unwrap();
    for args in [
        &["build", "seed.yaml", "-o", "README"][..],
        &["build", "seed.yaml", "-o", "brief-2026.12.06"],
        &["build", "seed.yaml", "-o", "notes.mp4"],
        &["build", "seed.yaml", "-o", "x.yaml."],
    ] {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("name the output .pdf"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("README")).unwrap(), "notes");
    // text31 F31b-5: through a link, the file replaced is its target, named so too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("README", dir.path().join("out.pdf")).unwrap();
        let o = run(dir.path(), &["build", "seed.yaml", "-o", "out.pdf"]);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains("out.pdf is a link to") && stderr(&o).contains("README, which is not named .pdf"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_to_string(dir.path().join("README")).unwrap(), "notes");
        // text32 F32-7: so is a name -o expands to (`q.pdf` → `q.en.pdf`).
        std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("b.yaml")).unwrap();
        std::os::unix::fs::symlink("README", dir.path().join("q.en.pdf")).unwrap();
        let o = run(dir.path(), &["build", "b.yaml", "-o", "q.pdf"]);
        assert_exit(&o, 2);
        assert_eq!(std::fs::read_to_string(dir.path().join("README")).unwrap(), "notes");
        assert!(!dir.path().join("q.ja.pdf").exists(), "nothing written");
        // text33b F33b-1: so is each page image, a link that dangles (the file it would
        // make), and a language's file linked to another briefing's own PDF.
        std::os::unix::fs::symlink("README", dir.path().join("out1.png")).unwrap();
        std::os::unix::fs::symlink("notes.yaml", dir.path().join("d.pdf")).unwrap();
        for args in
            [&["build", "seed.yaml", "-o", "out{p}.png", "--ppi", "20"][..], &["build", "seed.yaml", "-o", "d.pdf"]]
        {
            let o = run(dir.path(), args);
            assert_exit(&o, 2);
            assert!(stderr(&o).contains("is a link to") && stderr(&o).contains("remove the link"), "{}", stderr(&o));
        }
        assert_eq!(std::fs::read_to_string(dir.path().join("README")).unwrap(), "notes");
        assert!(!dir.path().join("notes.yaml").exists() && !dir.path().join("out2.png").exists());
        std::fs::copy(common::seed(), dir.path().join("o.ja.yaml")).unwrap();
        assert_exit(&run(dir.path(), &["build", "o.ja.yaml"]), 0);
        let own = std::fs::read(dir.path().join("o.ja.pdf")).unwrap();
        std::os::unix::fs::symlink("o.ja.pdf", dir.path().join("z.ja.pdf")).unwrap();
        let o = run(dir.path(), &["build", "b.yaml", "-o", "z.pdf"]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("(a link to") && stderr(&o).contains("o.ja.yaml"), "{}", stderr(&o));
        assert_eq!(std::fs::read(dir.path().join("o.ja.pdf")).unwrap(), own);
    }
    assert_exit(&run(dir.path(), &["build", "seed.yaml", "-o", "ok.pdf"]), 0);
    let o = run(dir.path(), &["extract", "ok.pdf", "-o", "new.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("name it .yaml"), "{}", stderr(&o));
    assert!(!dir.path().join("new.pdf").exists());
    // text30 F30b-2: `{p}` in an input's name stood for a page's number in its outputs'.
    std::fs::copy(common::seed(), dir.path().join("r-{p}.yaml")).unwrap();
    for args in [&["build", "r-{p}.yaml"][..], &["diff", "seed.yaml", "r-{p}.yaml"]] {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("holds `{p}`"), "{}", stderr(&o));
    }
    assert!(!dir.path().join("r.pdf").exists() && !dir.path().join("r.changes.pdf").exists());
    assert_exit(&run(dir.path(), &["build", "r-{p}.yaml", "-o", "r-named.pdf"]), 0);
}

#[test]
fn options_with_nothing_to_act_on_say_so() {
    let dir = with_seed();
    std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("b.yaml")).unwrap();
    // An output named for another format than the one asked for is refused.
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "page.html", "--format", "pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("names a .html file"), "{}", stderr(&o));
    assert!(!dir.path().join("page.html").exists());
    // With several formats too: the file -o names must be one of them.
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "page.html", "--format", "pdf,png"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--format asks for pdf,png"), "{}", stderr(&o));
    assert!(!dir.path().join("page.pdf").exists(), "nothing is written");
    assert_exit(&run(dir.path(), &["build", "seed.yaml", "-o", "page.html", "--format", "pdf,html"]), 0);
    // --toc of side-by-side columns is refused, as --fit-pages is.
    let o = run(dir.path(), &["build", "b.yaml", "--parallel", "--toc"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--toc") && stderr(&o).contains("--parallel"), "{}", stderr(&o));
    // A web page has no pages to list or fit, and only page images have a resolution.
    let o = run(dir.path(), &["build", "seed.yaml", "--format", "html", "--toc", "--fit-pages", "1", "--ppi", "96"]);
    assert_exit(&o, 0);
    for option in ["--toc", "--fit-pages", "--ppi"] {
        assert!(stderr(&o).contains(&format!("note: {option} ")), "{option}: {}", stderr(&o));
    }
    let o = run(dir.path(), &["build", "seed.yaml", "--format", "png", "--ppi", "72", "--force"]);
    assert!(!stderr(&o).contains("note:"), "{}", stderr(&o));
    // --stat prints; it writes no file to name.
    assert_exit(&run(dir.path(), &["diff", "seed.yaml", "seed.yaml", "--stat", "-o", "x.pdf"]), 2);
    // text29 F29b-2: each of these was taken without a word.
    let said: [(&[&str], &str); 4] = [
        (&["build", "seed.yaml", "--root", "/nonexistent", "--force"], "note: --root /nonexistent"),
        (&["check", "seed.yaml", "--root", "/nonexistent"], "note: --root /nonexistent"),
        (&["build", "seed.yaml", "--format", "html", "--no-embed-source"], "note: --no-embed-source"),
        (&["diff", "seed.yaml", "seed.yaml", "--stat", "--force"], "writes no file: --force is left out"),
    ];
    for (args, says) in said {
        let o = run(dir.path(), args);
        assert_exit(&o, 0);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_command_without_a_panic() {
    // (`briefing diff a b --stat | head -1`, `briefing check bad.yaml 2>&1 | head -1`: the
    // pipe is closed when the command writes to it.)
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("old.yaml")).unwrap();
    let seed = std::fs::read_to_string(common::seed()).unwrap();
    std::fs::write(dir.path().join("new.yaml"), seed.replacen("agreed on", "agreed firmly on", 1)).unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "title: x\ndate: 2020-02-30\n").unwrap();
    let closed = |args: &[&str], stream: &str| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"));
        command.args(args).current_dir(dir.path()).stdin(std::process::Stdio::null());
        command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        // The reading end, closed before the command writes.
        if stream == "stdout" {
            drop(child.stdout.take());
        } else {
            drop(child.stderr.take());
        }
        child.wait().unwrap().code()
    };
    assert_eq!(closed(&["diff", "old.yaml", "new.yaml", "--stat"], "stdout"), Some(0));
    assert_eq!(closed(&["templates"], "stdout"), Some(0));
    assert_eq!(closed(&["completions", "bash"], "stdout"), Some(0));
    assert_eq!(closed(&["check", "bad.yaml"], "stderr"), Some(1));
}

#[test]
fn topic_titles_numbered_by_hand_are_named_where_the_template_numbers_topics() {
    // text43a F43a-23: `1. AI governance` printed "1. 1. AI governance", and `check` said ok.
    let dir = common::tempdir();
    let yaml = "title: T\ndate: 2026-05-12\ntopics:\n  - title: 1. AI governance\n    body: x\n  - title: \"2) Data\"\n    body: y\ncontact:\n  tel: \"1\"\n";
    std::fs::write(dir.path().join("b.yaml"), yaml).unwrap();
    for command in ["check", "build"] {
        let o = run(dir.path(), &[command, "b.yaml"]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("b.yaml:4:12: error: topics[0].title"), "{command}: {err}");
        assert!(err.contains("so it prints as \"1. 1. AI governance\"") && err.contains("remove the number"), "{err}");
        assert!(err.contains("b.yaml:6:12:"), "{command}: {err}");
    }
    assert!(!dir.path().join("b.pdf").exists());
    // A template that numbers no topic prints the writer's numbers once.
    std::fs::write(dir.path().join("mine.yaml"), "numbering: none\n").unwrap();
    for command in ["check", "build"] {
        assert_exit(&run(dir.path(), &[command, "b.yaml", "--template", "mine.yaml"]), 0);
    }
}
