//! Every PDF the tool writes is PDF/A-3a and PDF/UA-1, as page (`page_validation`, a validator
//! that passes the veraPDF corpus and the Isartor suite) finds: each built-in template, the
//! Japanese and multilingual fixtures, a draft with a marking and contents, a dossier, and a
//! briefing with a logo. The independent checkers outloud and pdfua run on the same set in
//! `.ci/conformance`.

mod common;

use common::{build_in, fixture, run, seed, tempdir, write};
use page_validation::{validate_pdf_bytes, SafetyLimits, ValidationOptions, ValidationProfile};

/// Asserts that `pdf` is compliant with PDF/A-3a and PDF/UA-1, listing every failed rule if
/// not.
#[track_caller]
fn assert_conforms(what: &str, pdf: &[u8]) {
    // page's default limits stop at reference chains deeper than 256, which a long outline's
    // /Next chain is.
    let limits = SafetyLimits::default().with_max_reference_depth(1_000_000).with_max_object_count(10_000_000);
    for profile in [ValidationProfile::PdfA3a, ValidationProfile::PdfUa1] {
        let options = ValidationOptions::default().profile(profile).limits(limits.clone());
        let report = validate_pdf_bytes(pdf, &options).unwrap_or_else(|e| panic!("{what}: page cannot read it: {e}"));
        let failures: Vec<String> = report.failures.iter().map(ToString::to_string).collect();
        assert!(report.is_compliant, "{what} is not {profile:?}:\n{}", failures.join("\n"));
    }
}

#[test]
fn every_builtin_template_is_pdf_a_3a_and_pdf_ua_1() {
    let dir = tempdir();
    for template in ["default", "press-release", "one-pager"] {
        let pdf = build_in(dir.path(), &seed(), &["--template", template]);
        assert_conforms(template, &pdf);
    }
}

#[test]
fn japanese_and_multilingual_briefings_conform() {
    let dir = tempdir();
    for name in ["japanese.yaml", "multilingual-eu.yaml"] {
        let pdf = build_in(dir.path(), &fixture(name), &[]);
        assert_conforms(name, &pdf);
    }
    // One briefing in two languages: each language's PDF, and both side by side (with a
    // marking in each language, read as one paragraph of two spans).
    let bilingual = dir.path().join("bilingual.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &bilingual).unwrap();
    let marked = std::fs::read_to_string(&bilingual).unwrap().replacen(
        "  ja: \"総務省\"",
        "  ja: \"総務省\"\nmarking: { en: \"For official use only\", ja: \"取扱注意\" }",
        1,
    );
    let marked = common::write(dir.path(), "marked.yaml", &marked);
    let parallel = build_in(dir.path(), &marked, &["--parallel"]);
    assert_conforms("bilingual.yaml with markings, --parallel", &parallel);
    let ja = build_in(dir.path(), &bilingual, &["--lang", "ja", "--force"]);
    assert_conforms("bilingual.yaml --lang ja", &ja);
    // Japanese in the press-release template: Mincho body text under Gothic headings.
    let pdf = build_in(dir.path(), &fixture("japanese.yaml"), &["--template", "press-release", "--force"]);
    assert_conforms("japanese.yaml in press-release", &pdf);
}

#[test]
fn a_draft_with_a_marking_and_contents_conforms() {
    let dir = tempdir();
    let yaml = common::seed_with("title: ", "draft: true\nmarking: For official use only\ntitle: ");
    let path = write(dir.path(), "draft.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &["--toc"]);
    assert_conforms("draft", &pdf);
    // The same in Japanese.
    let ja = std::fs::read_to_string(fixture("japanese.yaml")).unwrap();
    let path = write(dir.path(), "ja-draft.yaml", &format!("draft: true\n{ja}"));
    assert_conforms("Japanese draft", &build_in(dir.path(), &path, &["--toc"]));
}

#[test]
fn a_dossier_conforms() {
    let dir = tempdir();
    let out = dir.path().join("dossier.pdf");
    let inputs = [seed(), fixture("japanese.yaml"), fixture("multilingual-eu.yaml")];
    let mut args = vec!["bundle".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o", out.to_str().unwrap(), "--title", "Japan-EU ICT Policy Dialogue"].map(String::from));
    let o = run(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    common::assert_exit(&o, 0);
    assert_conforms("dossier", &std::fs::read(out).unwrap());
}

#[test]
fn a_briefing_with_a_logo_conforms_and_the_logo_is_a_figure_with_its_text() {
    let dir = tempdir();
    std::fs::write(dir.path().join("logo.png"), common::rgba_png(40, 20)).unwrap();
    let template = "title_block: { logo: logo.png, logo_alt: \"Ministry of Internal Affairs and Communications\" }\n";
    write(dir.path(), "mine.yaml", template);
    let pdf = build_in(dir.path(), &seed(), &["--template", "mine.yaml"]);
    assert_conforms("logo", &pdf);
    let tree = common::structure(&pdf);
    let figures: Vec<_> = tree.walk().into_iter().filter(|e| e.role == "Figure").collect();
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].alt.as_deref(), Some("Ministry of Internal Affairs and Communications"));
    // Without logo_alt, the figure still says what it is.
    write(dir.path(), "plain.yaml", "title_block: { logo: logo.png }\n");
    let pdf = build_in(dir.path(), &seed(), &["--template", "plain.yaml"]);
    let tree = common::structure(&pdf);
    let alt = tree.walk().into_iter().find(|e| e.role == "Figure").and_then(|e| e.alt.clone());
    assert_eq!(alt.as_deref(), Some("Logo: Ministry of Internal Affairs and Communications (MIC)"));
}

#[test]
fn a_long_briefing_conforms() {
    // Hundreds of outline entries and pages: deep /Next chains, several object streams.
    let dir = tempdir();
    let mut yaml = String::from("title: Many topics\ndate: 2020-10-06\ntopics:\n");
    for i in 1..=300 {
        yaml.push_str(&format!(
            "  - title: Topic {i}\n    body: |\n      Text of topic {i}, with a link to https://example.org/{i} and more words.\n"
        ));
    }
    yaml.push_str("contact:\n  tel: \"+81 3 5253 5920\"\n");
    let path = write(dir.path(), "long.yaml", &yaml);
    assert_conforms("300 topics", &build_in(dir.path(), &path, &["--toc"]));
}

#[test]
fn a_table_over_pages_with_its_header_repeated_conforms() {
    let dir = tempdir();
    let rows: String = (1..=90).map(|k| format!("      | Item {k} | Owner {k} |\n")).collect();
    let topic = format!("topics:\n  - title: Actions\n    body: |\n      | Action | Owner |\n      |---|---|\n{rows}");
    let path = write(dir.path(), "table.yaml", &common::seed_with("topics:\n", &topic));
    let pdf = build_in(dir.path(), &path, &[]);
    assert!(common::page_count(&pdf) >= 3);
    assert_conforms("table over pages", &pdf);
}

#[test]
fn words_wider_than_the_line_conform() {
    // Cut with no hyphen, each reads back whole (a span with /ActualText): in the title, a
    // heading, running text, a link's address, and a table's header, repeated over pages.
    let dir = tempdir();
    let long = "Donaudampfschifffahrtsgesellschaftskapitänsmützenwerkstattbetriebsleiterstellvertreter";
    let rows: String = (1..=90).map(|k| format!("      | {k} | Zeile {k} |\n")).collect();
    let yaml = format!(
        "lang: de\ntitle: Langwort {long}\ndate: 2026-03-04\ntopics:\n  - title: Thema {long}\n    body: |\n      \
         Körper {long} und [https://example.org/{a}](https://example.org/{a}) Ende.\n\n      \
         | Spalte | {long} |\n      |---|---|\n{rows}contact:\n  email: a@example.org\n",
        a = "a".repeat(150)
    );
    let path = write(dir.path(), "long.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    assert!(common::page_count(&pdf) >= 3);
    assert!(common::actual_texts(&pdf).iter().filter(|t| t.as_str() == long).count() >= 3);
    assert_conforms("words wider than the line", &pdf);
}
