//! `briefing build` with several inputs or a folder: every good briefing is built (the same
//! bytes as on its own), every bad one reported, a summary closes the run, and the exit code
//! says whether all succeeded.

mod common;

use std::path::Path;

use common::{assert_exit, fixture, info, listing, page_count, run, seed, stderr};

/// Names of the PDFs in `dir`.
fn pdfs(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().map(|(n, _)| n).filter(|n| n.ends_with(".pdf")).collect()
}

/// A folder with `a.yaml` (the seed), `b.yaml` (the multilingual fixture) and `out/`.
fn two_good() -> tempfile::TempDir {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(fixture("multilingual-eu.yaml"), dir.path().join("b.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    dir
}

#[test]
fn good_inputs_are_built_and_a_bad_one_is_reported() {
    let dir = two_good();
    let yaml = common::seed_with("\norganisation:", "\norgansation:");
    let line = yaml.lines().position(|l| l.starts_with("organsation:")).unwrap() + 1;
    common::write(dir.path(), "bad.yaml", &yaml);

    let o = run(dir.path(), &["build", "a.yaml", "b.yaml", "bad.yaml", "--out-dir", "out"]);
    assert_exit(&o, 1);
    let err = stderr(&o);

    assert_eq!(pdfs(&dir.path().join("out")), ["a.pdf", "b.pdf"]);
    for (name, yaml) in [("a", "a.yaml"), ("b", "b.yaml")] {
        let pdf = std::fs::read(dir.path().join("out").join(format!("{name}.pdf"))).unwrap();
        assert!(page_count(&pdf) >= 1);
        let title = common::briefing(&dir.path().join(yaml)).title;
        assert_eq!(info(&pdf, "Title"), Some(title));
        assert!(err.contains(&format!("wrote out/{name}.pdf")), "{name} not reported:\n{err}");
    }
    assert!(err.contains(&format!("bad.yaml:{line}:1:")), "bad.yaml's diagnostics are not shown:\n{err}");
    assert!(err.contains("did you mean `organisation`"), "{err}");
    let summary = err.lines().last().unwrap_or_default();
    assert!(summary.contains("2 of 3") && summary.contains("1 failed"), "no summary at the end:\n{err}");
}

#[test]
fn a_batch_builds_the_same_bytes_as_single_builds() {
    let dir = two_good();
    assert_exit(&run(dir.path(), &["build", "a.yaml", "b.yaml", "--out-dir", "out"]), 0);
    for name in ["a", "b"] {
        let alone = format!("{name}-alone.pdf");
        assert_exit(&run(dir.path(), &["build", &format!("{name}.yaml"), "-o", &alone]), 0);
        let batch = std::fs::read(dir.path().join("out").join(format!("{name}.pdf"))).unwrap();
        assert!(batch == std::fs::read(dir.path().join(&alone)).unwrap(), "{name}: batch and single builds differ");
    }
}

#[test]
fn a_missing_input_exits_2_and_the_others_are_built() {
    let dir = two_good();
    let o = run(dir.path(), &["build", "a.yaml", "gone.yaml", "b.yaml", "--out-dir", "out"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("gone.yaml"), "{}", stderr(&o));
    assert_eq!(pdfs(&dir.path().join("out")), ["a.pdf", "b.pdf"]);
}

#[test]
fn a_folder_builds_every_yaml_in_it() {
    let dir = common::tempdir();
    let src = dir.path().join("briefings");
    std::fs::create_dir_all(src.join("nested")).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::copy(seed(), src.join("one.yaml")).unwrap();
    std::fs::copy(fixture("japanese.yaml"), src.join("two.yaml")).unwrap();
    std::fs::copy(fixture("multilingual-eu.yaml"), src.join("three.yml")).unwrap();
    std::fs::write(src.join("notes.txt"), "title: not a briefing\n").unwrap();
    std::fs::copy(seed(), src.join("nested/deeper.yaml")).unwrap();

    let o = run(dir.path(), &["build", "briefings/", "--out-dir", "out"]);
    assert_exit(&o, 0);
    assert_eq!(pdfs(&dir.path().join("out")), ["one.pdf", "three.pdf", "two.pdf"]);
    assert!(stderr(&o).contains("3 of 3"), "{}", stderr(&o));
    assert_eq!(listing(&src).iter().filter(|(n, _)| n.ends_with(".pdf")).count(), 0, "written next to the inputs");
    // A folder with none in it, among other inputs, is one that fails, not the end of the run;
    // alone, it says there is nothing to build.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "title: x\ndate: 2020-02-30\n").unwrap();
    let o = run(dir.path(), &["build", "briefings/one.yaml", "empty", "--out-dir", "out2"]);
    assert_exit(&o, 2);
    assert!(dir.path().join("out2/one.pdf").is_file(), "{}", stderr(&o));
    let none = "empty: no .yaml or .yml files in this folder (its subfolders and hidden files are not read)";
    assert!(stderr(&o).contains(none) && stderr(&o).contains("1 of 2"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    let o = run(dir.path(), &["check", "bad.yaml", "empty"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("bad.yaml:2") && stderr(&o).contains(none), "{}", stderr(&o));
    let o = run(dir.path(), &["build", "empty"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains(none), "{}", stderr(&o));
}

#[test]
fn a_folder_takes_yaml_in_any_case() {
    let dir = common::tempdir();
    let src = dir.path().join("briefings");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(seed(), src.join("a.yaml")).unwrap();
    std::fs::copy(fixture("japanese.yaml"), src.join("c.YAML")).unwrap();
    std::fs::copy(fixture("multilingual-eu.yaml"), src.join("d.Yml")).unwrap();
    // Hidden files are not briefings: an editor's lock, a Mac's resource fork.
    std::fs::write(src.join(".#a.yaml"), "user@host.1234:1700000000").unwrap();
    std::fs::write(src.join("._c.YAML"), b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X").unwrap();
    let o = run(dir.path(), &["check", "briefings"]);
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("._c") && !stderr(&o).contains(".#a"), "{}", stderr(&o));
    for name in ["a.yaml", "c.YAML", "d.Yml"] {
        assert!(stderr(&o).contains(&format!("{name}: ok")), "{name} not checked:\n{}", stderr(&o));
    }
    let o = run(dir.path(), &["build", "briefings", "--out-dir", "out"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("3 of 3"), "{}", stderr(&o));
    assert!(dir.path().join("out/c.pdf").is_file(), "{}", stderr(&o));
}

#[test]
fn a_folder_without_out_dir_writes_next_to_each_input() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("one.yaml")).unwrap();
    std::fs::copy(fixture("multilingual-eu.yaml"), dir.path().join("two.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "."]), 0);
    assert_eq!(pdfs(dir.path()), ["one.pdf", "two.pdf"]);
}

#[test]
fn several_inputs_with_dash_o_exit_2() {
    let dir = two_good();
    let o = run(dir.path(), &["build", "a.yaml", "b.yaml", "-o", "both.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--out-dir"), "{}", stderr(&o));
    assert!(pdfs(dir.path()).is_empty());
}

#[test]
fn two_inputs_with_the_same_name_do_not_overwrite_each_other() {
    // x/a.yaml and y/a.yaml both want out/a.pdf: one briefing must not silently replace the
    // other (nor race with it). Refusing, or reporting the clash, are both fine.
    let dir = common::tempdir();
    for sub in ["x", "y", "out"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    std::fs::copy(seed(), dir.path().join("x/a.yaml")).unwrap();
    std::fs::copy(fixture("multilingual-eu.yaml"), dir.path().join("y/a.yaml")).unwrap();
    let o = run(dir.path(), &["build", "x/a.yaml", "y/a.yaml", "--out-dir", "out"]);
    assert!(
        !o.status.success(),
        "both briefings were to be written to out/a.pdf, only one is there, and the run exits 0:\n{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("a.pdf"), "the clash is not named:\n{}", stderr(&o));
}

#[test]
fn a_clash_names_the_file_of_the_format_asked_for() {
    let dir = common::tempdir();
    for sub in ["x", "y"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(seed(), dir.path().join(sub).join("a.yaml")).unwrap();
    }
    for (formats, named) in [("html,png", "od/a.html"), ("png", "od/a-{p}.png"), ("pdf,html", "od/a.pdf")] {
        let o = run(dir.path(), &["build", "x/a.yaml", "y/a.yaml", "--out-dir", "od", "--format", formats]);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert!(err.contains(&format!("x/a.yaml and y/a.yaml would both be written to {named};")), "{formats}: {err}");
        assert!(!dir.path().join("od").exists(), "{formats}");
    }
}

#[test]
fn one_file_given_twice_is_named_as_such() {
    // "Build them into different folders" was no help for the same file given twice.
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("x")).unwrap();
    std::fs::copy(seed(), dir.path().join("x/a.yaml")).unwrap();
    for (args, says) in [
        (&["build", "x/a.yaml", "x/a.yaml"][..], "x/a.yaml is given twice; give it once"),
        (
            &["build", "x/a.yaml", "x/../x/a.yaml", "--out-dir", "od"],
            "x/a.yaml and x/../x/a.yaml are the same file; give it once",
        ),
    ] {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    assert!(!dir.path().join("x/a.pdf").exists() && !dir.path().join("od").exists());
}

#[test]
fn two_outputs_of_one_run_never_share_a_name() {
    let dir = common::tempdir();
    // a.yaml is in English and Japanese (out/a.en.pdf, out/a.ja.pdf); a.en.yaml gives
    // out/a.en.pdf too.
    std::fs::copy(fixture("bilingual.yaml"), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(seed(), dir.path().join("a.en.yaml")).unwrap();
    let o = run(dir.path(), &["build", "a.yaml", "a.en.yaml", "--out-dir", "out"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("a.yaml and a.en.yaml would both be written to out/a.en.pdf"), "{err}");
    // Nothing is written before the clash is found, and the folder the run made for the
    // outputs is taken back.
    assert!(!dir.path().join("out").exists(), "the run left the folder it made");
    // Into different folders, both are built.
    let o = run(dir.path(), &["build", "a.en.yaml", "--out-dir", "en"]);
    assert_exit(&o, 0);
    assert_exit(&run(dir.path(), &["build", "a.yaml", "--out-dir", "out"]), 0);
    assert_eq!(pdfs(&dir.path().join("out")), ["a.en.pdf", "a.ja.pdf"]);
}
