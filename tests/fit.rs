//! Fitting a briefing to N pages (`--fit-pages`, `fit_pages:` in a template): type and
//! spacing scale down together by as little as needed, never below the template's floor; when
//! even the floor does not fit, the PDF is written at the floor with a warning.

mod common;

use common::{assert_exit, build_in, page_count, run, runs, seed, stderr, tempdir, text};

/// The body size: the size most of the page's content text (not running heads) is set at.
fn body_size(pdf: &[u8]) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for run in runs(pdf).iter().flatten().filter(|r| !r.artifact) {
        let n = run.glyphs.len();
        match counts.iter_mut().find(|(s, _)| (*s - run.size).abs() < 0.001) {
            Some(c) => c.1 += n,
            None => counts.push((run.size, n)),
        }
    }
    counts.into_iter().max_by_key(|c| c.1).map(|c| c.0).expect("the PDF has text")
}

#[test]
fn a_two_page_briefing_fits_on_one_page_with_a_body_of_at_least_8_pt() {
    let dir = tempdir();
    // The one-pager template without fitting: the seed takes two pages.
    let unfitted = build_in(dir.path(), &seed(), &["--template", "one-pager", "--fit-pages", "0", "--force"]);
    assert_eq!(page_count(&unfitted), 2, "the seed must overflow a page for this test to mean anything");
    let full_size = body_size(&unfitted);

    let fitted = build_in(dir.path(), &seed(), &["--template", "one-pager", "--force"]);
    assert_eq!(page_count(&fitted), 1);
    let size = body_size(&fitted);
    assert!(size >= 8.0, "body set at {size} pt, below the 8 pt floor");
    assert!(size < full_size, "fitting must scale the body down from {full_size} pt (got {size})");
    // Nothing is lost in fitting: every piece of the briefing's text is there, in order.
    common::assert_in_order(&text(&fitted), &common::pieces(&seed()));
}

#[test]
fn fitting_takes_the_largest_size_that_fits() {
    let dir = tempdir();
    let fitted = build_in(dir.path(), &seed(), &["--template", "one-pager", "--force"]);
    let size = body_size(&fitted);
    // A template whose base body is the fitted size (and the rest scaled alike) would be one
    // step of fitting; instead ask for the next size up: it must not fit on one page, or the
    // fit was not the largest.
    let template = dir.path().join("bigger.yaml");
    let one_pager = std::fs::read_to_string(common::repo("templates/one-pager.yaml")).unwrap();
    let base = 10.0_f32; // the one-pager's body size
    let step = (size / base * 100.0).round() / 100.0 + 0.02;
    let scaled = scale_sizes(&one_pager, step);
    std::fs::write(&template, scaled.replace("fit_pages: 1", "fit_pages: 0")).unwrap();
    let bigger = build_in(dir.path(), &seed(), &["--template", template.to_str().unwrap(), "--force"]);
    assert!(
        page_count(&bigger) > 1,
        "the body at {} pt also fits one page, so {size} pt was not the largest",
        base * step
    );
}

/// The template with each `size:` and `space_before/after:` in `styles:` multiplied by `k`
/// (except the running header and footer, which fitting leaves alone).
fn scale_sizes(template: &str, k: f32) -> String {
    let mut out = String::new();
    let mut in_styles = false;
    for line in template.lines() {
        if line.starts_with("styles:") {
            in_styles = true;
        } else if !line.starts_with(' ') && !line.is_empty() && !line.starts_with('#') {
            in_styles = false;
        }
        if in_styles && line.contains('{') && !line.trim_start().starts_with("running:") {
            let (head, rest) = line.split_once('{').unwrap();
            let fields: Vec<String> = rest
                .trim_end_matches('}')
                .split(',')
                .map(|f| {
                    let (key, value) = f.split_once(':').unwrap();
                    let key = key.trim();
                    match (key, value.trim().parse::<f32>()) {
                        ("size" | "space_before" | "space_after", Ok(v)) => format!("{key}: {}", v * k),
                        _ => format!("{key}: {}", value.trim()),
                    }
                })
                .collect();
            out.push_str(&format!("{head}{{ {} }}\n", fields.join(", ")));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn when_the_floor_does_not_fit_the_pdf_is_written_at_the_floor_with_a_warning() {
    let dir = tempdir();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    // The default template's margins and running heads: the seed needs two pages even at 8 pt.
    let o = run(dir.path(), &["build", "seed.yaml", "--fit-pages", "1"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    assert!(err.contains("does not fit on 1 page") && err.contains("needs 2 pages"), "{err}");
    let pdf = std::fs::read(dir.path().join("seed.pdf")).unwrap();
    assert_eq!(page_count(&pdf), 2);
    assert!((body_size(&pdf) - 8.0).abs() < 0.01, "set at the floor, got {}", body_size(&pdf));
}

#[test]
fn the_report_gives_the_chosen_size_to_the_hundredth() {
    let dir = tempdir();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "one-pager"]);
    assert_exit(&o, 0);
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &stderr(&o);
    let size = out.split("fitted at ").nth(1).and_then(|s| s.split(" pt body").next()).expect(&out);
    let decimals = size.split('.').nth(1).map_or(0, str::len);
    assert!(decimals <= 2, "the size is printed as chosen, to the hundredth: {out}");
    let pdf = std::fs::read(dir.path().join("seed.pdf")).unwrap();
    assert!((size.parse::<f32>().unwrap() - body_size(&pdf)).abs() < 0.006, "{out}");
}

#[test]
fn parallel_columns_and_dossiers_refuse_fit_pages() {
    let dir = tempdir();
    std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("b.yaml")).unwrap();
    std::fs::copy(seed(), dir.path().join("seed.yaml")).unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--parallel", "--fit-pages", "1"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--fit-pages") && stderr(&o).contains("--parallel"), "{}", stderr(&o));
    assert!(!dir.path().join("b.pdf").exists(), "nothing is written");
    let o = run(dir.path(), &["bundle", "seed.yaml", "b.yaml", "-o", "d.pdf", "--fit-pages", "1"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--fit-pages") && stderr(&o).contains("dossier"), "{}", stderr(&o));
    assert!(!dir.path().join("d.pdf").exists(), "nothing is written");
    // Without a page count (0 is off), both work as before.
    assert_exit(&run(dir.path(), &["build", "b.yaml", "--parallel", "--fit-pages", "0"]), 0);
    assert_exit(&run(dir.path(), &["bundle", "seed.yaml", "-o", "d.pdf", "--fit-pages", "0"]), 0);
    // A template that fits (one-pager) says its columns were not fitted, not in silence.
    let o = run(dir.path(), &["build", "b.yaml", "--parallel", "--template", "one-pager"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("--parallel columns are not fitted"), "{}", stderr(&o));
    // And so does a dossier's: its briefings are laid out as they flow, naming those that
    // take more pages than the template fits (the seed, given second), and the build that
    // fits them; --fit-pages 0 says not to fit, and so no warning.
    std::fs::write(
        dir.path().join("short.yaml"),
        "title: Short\ndate: 2020-10-06\ntopics:\n  - title: T\n    body: B\ncontact:\n  tel: \"1\"\n",
    )
    .unwrap();
    let o = run(dir.path(), &["bundle", "short.yaml", "seed.yaml", "-o", "d.pdf", "--template", "one-pager"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    assert!(err.contains("warning: d.pdf: the template fits a briefing on 1 page, but a dossier's briefings are not fitted: briefing 2 of the 2 given takes more than 1 page;"), "{err}");
    assert!(!err.contains("numbered as given"), "{err}");
    // text49b F49b-8: bundle's help listed --fit-pages, which every bundle refuses.
    let help = run(dir.path(), &["bundle", "--help"]);
    assert!(
        !String::from_utf8_lossy(&help.stdout).contains("--fit-pages"),
        "{}",
        String::from_utf8_lossy(&help.stdout)
    );
    assert!(String::from_utf8_lossy(&run(dir.path(), &["build", "--help"]).stdout).contains("--fit-pages"));
    assert!(err.contains("`briefing build` fits each"), "{err}");
    let o = run(
        dir.path(),
        &["bundle", "short.yaml", "seed.yaml", "-o", "d.pdf", "--template", "one-pager", "--fit-pages", "0"],
    );
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let o = run(dir.path(), &["bundle", "short.yaml", "seed.yaml", "-o", "d.pdf"]);
    assert!(!stderr(&o).contains("fitted"), "the default template fits nothing: {}", stderr(&o));
}

/// Fitting lays a briefing out several times: past 512 KiB of text it is set once, at the
/// template's sizes, and the build says so (text18b F2: 3.9 MB of Japanese took 10.6 to
/// 18.5 s to fit). The one-pager fits by itself, and says it did not.
#[test]
fn a_briefing_over_512_kib_is_not_fitted_and_says_so() {
    let dir = tempdir();
    let paragraph = "The two sides discussed data flows and agreed to continue their work. ".repeat(20);
    let body: String = (0..400).map(|i| format!("      {i}: {paragraph}\n\n")).collect();
    let yaml =
        format!("title: Big\ndate: 2026-01-01\ntopics:\n  - title: T\n    body: |\n{body}contact:\n  tel: \"03\"\n");
    assert!(yaml.len() > 512 << 10, "the text must be over 512 KiB for this test to mean anything");
    let input = common::write(dir.path(), "big.yaml", &yaml);
    let o = run(dir.path(), &["build", "big.yaml", "--template", "one-pager"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let said = "fitting is done for briefings of up to 512 KiB of text, and this one has ";
    let kib: u64 =
        err.split(said).nth(1).and_then(|s| s.split(" KiB").next()).and_then(|n| n.parse().ok()).expect(&err);
    assert!(err.contains("not fitted to 1 page:") && (513..600).contains(&kib), "{err}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("fitted at"), "{o:?}");
    let pdf = std::fs::read(input.with_extension("pdf")).unwrap();
    let one_pager = std::fs::read_to_string(common::repo("templates/one-pager.yaml")).unwrap();
    let size: f32 = one_pager
        .split("body:")
        .nth(1)
        .and_then(|s| s.split("size:").nth(1))
        .and_then(|s| {
            s.trim_start().split(|c: char| !c.is_ascii_digit() && c != '.').next().and_then(|n| n.parse().ok())
        })
        .expect("the one-pager's body size");
    assert!((body_size(&pdf) - size).abs() < 0.01, "set at {} pt, not the template's {size} pt", body_size(&pdf));
    assert!(page_count(&pdf) > 1);
}

/// text45b F45b-13: a template's `toc: true` was dropped without a word by --parallel and by
/// a redline (where `--toc` on the command line is refused), and `diff` printed no warning of
/// its layout at all.
#[test]
fn a_template_s_contents_that_cannot_be_made_are_said() {
    let dir = tempdir();
    std::fs::copy(common::fixture("bilingual.yaml"), dir.path().join("b.yaml")).unwrap();
    std::fs::copy(seed(), dir.path().join("seed.yaml")).unwrap();
    let changed = std::fs::read_to_string(seed()).unwrap().replacen("date: 2020-10-06", "date: 2020-10-07", 1);
    std::fs::write(dir.path().join("seed2.yaml"), changed).unwrap();
    std::fs::write(dir.path().join("toc.yaml"), "toc: true\n").unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--parallel", "--template", "toc.yaml"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("the template asks for contents (`toc: true`), but --parallel columns have none"),
        "{}",
        stderr(&o)
    );
    let o = run(dir.path(), &["diff", "seed.yaml", "seed2.yaml", "--template", "toc.yaml", "-o", "r.pdf"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("warning: r.pdf: the template asks for contents (`toc: true`), but a redline has none"),
        "{}",
        stderr(&o)
    );
    // Without the template's request, no such warning.
    let o = run(dir.path(), &["diff", "seed.yaml", "seed2.yaml", "-o", "r.pdf", "--force"]);
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("contents"), "{}", stderr(&o));
}
