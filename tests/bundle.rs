//! `briefing bundle`: several briefings in one dossier with a cover, contents, bookmarks per
//! briefing and per topic, and page numbers running through.

mod common;

#[test]
fn dossier_has_cover_contents_bookmarks_and_running_page_numbers() {
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let eu = common::fixture("multilingual-eu.yaml");
    let out = common::run(
        dir.path(),
        &[
            "bundle",
            seed.to_str().unwrap(),
            eu.to_str().unwrap(),
            "-o",
            "dossier.pdf",
            "--title",
            "Japan-EU ICT Policy Dialogue",
            "--date",
            "2020-11-20",
        ],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pdf = std::fs::read(dir.path().join("dossier.pdf")).unwrap();

    let pages = common::page_texts(&pdf);
    let n = pages.len();
    // Cover: the title, the date, and each briefing with the page it starts on.
    // (Dot leaders are not text to compare.)
    let cover = common::squash(&pages[0]).replace('.', "");
    assert!(cover.contains(&common::squash("Japan-EU ICT Policy Dialogue")));
    assert!(cover.contains(&common::squash("November 20, 2020")));
    let outline = common::outline(&pdf);
    let tops: Vec<&(usize, String, usize)> = outline.iter().filter(|e| e.0 == 0).collect();
    assert_eq!(tops.len(), 2, "{outline:?}");
    assert_eq!(tops[0].1, "Results of 10th Japan-EU ICT Strategy Workshop");
    assert!(tops[1].1.starts_with("Multilingual briefing"));
    for (_, title, page) in &tops {
        let entry = common::squash(&format!("{title}{page}")).replace('.', "");
        assert!(cover.contains(&entry), "contents list {title} on page {page}:\n{}", pages[0]);
        // Each briefing starts on a new page: its title is at the top of that page.
        assert!(common::squash(&pages[page - 1]).contains(&common::squash(title)));
    }
    assert_eq!(tops[0].2, 2, "the first briefing starts after the cover");
    // Topics are bookmarked under their briefing's sections.
    assert!(outline.iter().any(|e| e.0 == 2 && e.1 == "8. Trust services"));
    assert!(outline.iter().any(|e| e.0 == 2 && e.1 == "24. Svenska (Swedish)"));
    // Page numbers run through the whole dossier.
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(&format!("Page {} of {n}", i + 1)), "page {}: {text}", i + 1);
    }
    assert_eq!(common::info(&pdf, "Title").as_deref(), Some("Japan-EU ICT Policy Dialogue"));
}

#[test]
fn a_bad_briefing_stops_the_dossier_and_shows_every_problem() {
    let dir = common::tempdir();
    std::fs::write(dir.path().join("bad.yaml"), "title: x\ndate: 2020-02-30\ntopics: []\ncontact: {tel: '1'}\n")
        .unwrap();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let out = common::run(dir.path(), &["bundle", seed.to_str().unwrap(), "bad.yaml", "-o", "d.pdf", "--title", "T"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("bad.yaml:2:7"), "{err}");
    assert!(err.contains("bad.yaml:3:"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}
