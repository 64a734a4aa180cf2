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
    // With a title no font can print, that too, and the briefing's problems all the same
    // (text42b F42b-5: the title's problem hid them).
    let out = common::run(
        dir.path(),
        &["bundle", seed.to_str().unwrap(), "bad.yaml", "-o", "d.pdf", "--title", "Family \u{1F468} dossier"],
    );
    let err = common::stderr(&out);
    assert!(err.contains("bad.yaml:2:7") && err.contains("--title: ") && err.contains("U+1F468"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}

#[test]
fn each_briefing_keeps_its_language_labels_dates_and_draft_flag() {
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let draft =
        std::fs::read_to_string(&seed).unwrap().replace("date: 2020-10-06\n", "date: 2020-10-06\ndraft: true\n");
    common::write(dir.path(), "en.yaml", &draft);
    let ja = common::fixture("japanese.yaml");
    // No --title: the cover gets a default title, in the cover's (the first briefing's) language.
    let out = common::run(dir.path(), &["bundle", ja.to_str().unwrap(), "en.yaml", "-o", "d.pdf"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
    let pages = common::page_texts(&pdf);
    let squashed: Vec<String> = pages.iter().map(|p| common::squash(p)).collect();
    let ja_pages: Vec<usize> = (0..pages.len()).filter(|&i| squashed[i].contains("ページ")).collect();
    let en_pages: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].contains("Page ")).collect();
    assert!(squashed[0].contains("資料集（2020年10月6日）"), "default cover title: {}", pages[0]);
    // The Japanese briefing: Japanese labels and dates; the English one: English.
    let ja_text: String = ja_pages.iter().map(|&i| squashed[i].as_str()).collect();
    let en_text: String = en_pages.iter().map(|&i| pages[i].as_str()).collect();
    for label in ["概要", "主な成果", "問い合わせ先", "2020年10月6日", "電話"] {
        assert!(ja_text.contains(label), "{label} in the Japanese briefing");
    }
    for label in ["Overview", "Major achievements", "October 6, 2020", "TEL"] {
        assert!(en_text.contains(label), "{label} in the English briefing");
        assert!(!ja_text.contains(label), "{label} not in the Japanese briefing");
    }
    // Only the draft briefing is marked: its pages carry the watermark, the others do not (on
    // its first page the watermark is the figure that says it is a draft).
    let contents = common::contents(&pdf);
    for (i, page) in contents.iter().enumerate() {
        let page = String::from_utf8_lossy(page);
        let marked = page.contains("/Watermark") || (en_pages.first() == Some(&i) && page.contains("/Figure <<"));
        assert_eq!(marked, en_pages.contains(&i), "page {}: watermark {marked}", i + 1);
    }
    assert!(!en_pages.is_empty() && ja_pages.len() >= 2);
}

#[test]
fn a_draft_briefing_in_a_dossier_says_it_is_a_draft_and_reads_its_marking() {
    // As in a standalone build: the briefing's first page reads its draft mark (a figure)
    // and its marking (a paragraph, as typed) before its title (H2 in a dossier), first in
    // its section.
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let draft = std::fs::read_to_string(&seed)
        .unwrap()
        .replace("date: 2020-10-06\n", "date: 2020-10-06\ndraft: true\nmarking: For official use only\n");
    common::write(dir.path(), "draft.yaml", &draft);
    let out = common::run(dir.path(), &["bundle", seed.to_str().unwrap(), "draft.yaml", "-o", "d.pdf"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
    let tree = common::structure(&pdf);
    let sects: Vec<&common::Elem> = tree.children().into_iter().filter(|e| e.role == "Sect").collect();
    assert_eq!(sects.len(), 2);
    let first: Vec<(String, String)> = sects[1]
        .children()
        .iter()
        .take(3)
        .map(|k| (k.role.clone(), k.alt.clone().unwrap_or_else(|| k.text().trim().to_string())))
        .collect();
    assert_eq!(first[0], ("Figure".to_string(), "DRAFT".to_string()), "{first:?}");
    assert_eq!(first[1], ("P".to_string(), "For official use only".to_string()), "{first:?}");
    assert_eq!(first[2].0, "H2", "{first:?}");
    // The briefing that is no draft has neither.
    assert!(sects[0].walk().iter().all(|e| e.role != "Figure" || e.alt.as_deref() != Some("DRAFT")));
    assert_eq!(sects[0].children()[0].role, "H2");
}

#[test]
fn lang_must_be_a_tag_and_a_language_of_each_briefing_in_several() {
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let seed = seed.to_str().unwrap();
    // A cover in a language no briefing is written in: its words and date in that language,
    // each briefing in its own, and the run says so (text38b F38b-7: refused).
    let out = common::run(dir.path(), &["bundle", seed, "-o", "fr.pdf", "--lang", "fr"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("is not written in fr: it is set in en"), "{}", common::stderr(&out));
    let pdf = std::fs::read(dir.path().join("fr.pdf")).unwrap();
    assert_eq!(common::lang(&pdf).as_deref(), Some("fr"));
    let text = common::text(&pdf);
    assert!(
        text.contains("6 octobre 2020") && text.contains("Page 1 sur") && text.contains("October 6, 2020"),
        "{text}"
    );
    // Its title, the briefing's English heading, says it is English.
    let cover_title = common::structure(&pdf).walk().into_iter().find(|e| e.role == "H1").unwrap().clone();
    assert_eq!(cover_title.lang.as_deref(), Some("en"), "{cover_title:?}");
    assert!(cover_title.text().contains("Major achievements"), "{cover_title:?}");
    for (lang, says) in
        [("xx", "--lang xx: `xx` is not a language code (ISO 639-1)"), ("\"><x y=\"&", "is not a language tag")]
    {
        let out = common::run(dir.path(), &["bundle", seed, "-o", "d.pdf", "--lang", lang]);
        common::assert_exit(&out, 2);
        assert!(common::stderr(&out).contains(says), "{lang}: {}", common::stderr(&out));
        assert!(!dir.path().join("d.pdf").exists());
    }
    // A briefing in several languages must be written in the one asked for, as with build.
    let bilingual = common::fixture("bilingual.yaml");
    let out = common::run(dir.path(), &["bundle", bilingual.to_str().unwrap(), seed, "-o", "d.pdf", "--lang", "de"]);
    common::assert_exit(&out, 2);
    assert!(common::stderr(&out).contains("bilingual.yaml is written in en and ja only"), "{}", common::stderr(&out));
    // One it is written in: the cover and the bilingual briefing in Japanese.
    let out = common::run(dir.path(), &["bundle", bilingual.to_str().unwrap(), seed, "-o", "d.pdf", "--lang", "ja"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(common::lang(&std::fs::read(dir.path().join("d.pdf")).unwrap()).as_deref(), Some("ja"));
    // The English-only seed keeps its language, and the run says so (text29 F29b-5: silent).
    let err = common::stderr(&out);
    assert!(err.contains("japan-eu-ict-workshop-10.yaml is not written in ja: it is set in en"), "{err}");
    assert_eq!(err.matches("note:").count(), 1, "{err}");
    // Without --lang, the first language is taken, and the run says the other is left out.
    for args in [
        &["bundle", bilingual.to_str().unwrap(), seed, "-o", "d.pdf", "--force"][..],
        &["diff", seed, bilingual.to_str().unwrap(), "--stat"],
    ] {
        let out = common::run(dir.path(), args);
        assert!(out.status.success(), "{}", common::stderr(&out));
        let err = common::stderr(&out);
        assert!(
            err.contains("bilingual.yaml is written in en and ja; this takes en, --lang ja takes ja"),
            "{args:?}: {err}"
        );
        assert_eq!(err.matches("note:").count(), 1, "only the bilingual file is noted: {err}");
    }
}

#[test]
fn a_missing_file_and_a_bad_one_are_both_reported() {
    let dir = common::tempdir();
    std::fs::write(dir.path().join("bad.yaml"), "title: x\ndate: 2020-02-30\ntopics: []\ncontact: {tel: '1'}\n")
        .unwrap();
    let out = common::run(dir.path(), &["bundle", "missing.yaml", "bad.yaml", "-o", "d.pdf"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("cannot read missing.yaml"), "{err}");
    assert!(err.contains("bad.yaml:2:7"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}

#[test]
fn the_cover_prints_its_date_once_and_every_briefings_marking() {
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let text = std::fs::read_to_string(&seed).unwrap();
    for (name, marking) in [("a.yaml", "For official use only"), ("b.yaml", "Confidential"), ("c.yaml", "Confidential")]
    {
        common::write(
            dir.path(),
            name,
            &text.replace("date: 2020-10-06\n", &format!("date: 2020-10-06\nmarking: {marking}\n")),
        );
    }
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "c.yaml", "-o", "d.pdf", "--date", "2020-11-20"]);
    common::assert_exit(&out, 0);
    let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
    let cover = common::page_texts(&pdf)[0].clone();
    assert_eq!(cover.matches("November 20, 2020").count() + cover.matches("NOVEMBER 20, 2020").count(), 1, "{cover}");
    // Each marking once, in the order of the briefings: the cover speaks for all of them.
    let squashed = common::squash(&cover);
    assert!(squashed.contains(&common::squash("FOR OFFICIAL USE ONLY / CONFIDENTIAL")), "{cover}");
    // Each briefing's own pages carry its own marking.
    let pages = common::page_texts(&pdf);
    assert!(pages[1].contains("FOR OFFICIAL USE ONLY") && !pages[1].contains("CONFIDENTIAL"), "{}", pages[1]);
    assert!(pages.last().unwrap().contains("CONFIDENTIAL"), "{}", pages.last().unwrap());
    assert!(!common::stderr(&out).contains("warning"), "{}", common::stderr(&out));
    // Markings too many to fit the cover's running line, even small, are printed in full.
    let long = "Restricted to the members of the delegation and their advisers only";
    let names: Vec<String> = (1..=5).map(|n| format!("m{n}.yaml")).collect();
    for (n, name) in names.iter().enumerate() {
        let marking = format!("marking: {long} {n}\n");
        common::write(dir.path(), name, &text.replace("date: 2020-10-06\n", &format!("date: 2020-10-06\n{marking}")));
    }
    let mut args: Vec<&str> = vec!["bundle", "-o", "m.pdf"];
    args.extend(names.iter().map(String::as_str));
    let out = common::run(dir.path(), &args);
    common::assert_exit(&out, 0);
    // Too long together for the running line, they are printed in full under the title.
    let cover = common::squash(&common::page_texts(&std::fs::read(dir.path().join("m.pdf")).unwrap())[0]);
    assert!((0..5).all(|n| cover.contains(&common::squash(&format!("{long} {n}")))), "{cover}");
    assert!(!cover.contains('…'), "nothing cut: {cover}");
    assert!(!common::stderr(&out).contains("cut short"), "{}", common::stderr(&out));
    // A briefing's own marking cut on its pages: the warning says whose.
    let endless = format!("marking: {}\n", long.repeat(4));
    common::write(dir.path(), "l.yaml", &text.replace("date: 2020-10-06\n", &format!("date: 2020-10-06\n{endless}")));
    let out = common::run(dir.path(), &["bundle", "l.yaml", "a.yaml", "-o", "l.pdf"]);
    common::assert_exit(&out, 0);
    let err = common::stderr(&out);
    assert!(
        err.contains("the marking of briefing 1 (\"Results of 10th Japan-EU ICT Strategy Workshop\") is cut short"),
        "{err}"
    );
    // Several: one list, with commas and one "and", and the verb for several.
    for (name, title) in [("l2.yaml", "Second"), ("l3.yaml", "Third")] {
        let cut = text.replace("date: 2020-10-06\n", &format!("date: 2020-10-06\n{endless}"));
        common::write(dir.path(), name, &cut.replacen("title: Results of 10th", &format!("title: {title} of 10th"), 1));
    }
    let out = common::run(dir.path(), &["bundle", "l.yaml", "a.yaml", "l2.yaml", "l3.yaml", "-o", "l.pdf"]);
    common::assert_exit(&out, 0);
    let err = common::stderr(&out);
    let expected = "the markings of briefings 1 (\"Results of 10th Japan-EU ICT Strategy Workshop\"), 3 (\"Second of 10th Japan-EU ICT Strategy Workshop\") and 4 (\"Third of 10th Japan-EU ICT Strategy Workshop\") are cut short (\"…\"): they do not fit across the page";
    assert!(err.contains(expected), "{err}");
}

#[test]
fn two_briefings_of_one_name_both_come_back_out() {
    // `bundle p1/x.yaml p2/x.yaml` carried two attachments called x.yaml, and `extract`
    // refused to write either.
    let dir = common::tempdir();
    for (folder, title) in [("p1", "First"), ("p2", "Second")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        common::write(
            &dir.path().join(folder),
            "x.yaml",
            &common::seed_with("title: Results", &format!("title: {title}")),
        );
    }
    // text43b F43b-8: a briefing really named x-2.yaml keeps its name; the second x.yaml is
    // numbered past it (it took x-2.yaml, and the real one became x-2-2.yaml).
    common::write(dir.path(), "x-2.yaml", &common::seed_with("title: Results", "title: Third"));
    let bundle = ["bundle", "p1/x.yaml", "p2/x.yaml", "x-2.yaml", "-o", "d.pdf"];
    common::assert_exit(&common::run(dir.path(), &bundle), 0);
    common::assert_exit(&common::run(dir.path(), &["extract", "d.pdf", "-o", "out/"]), 0);
    for (name, source) in [("x.yaml", "p1/x.yaml"), ("x-3.yaml", "p2/x.yaml"), ("x-2.yaml", "x-2.yaml")] {
        let back = std::fs::read(dir.path().join("out").join(name)).unwrap();
        assert_eq!(back, std::fs::read(dir.path().join(source)).unwrap(), "{name}");
    }
}

#[test]
fn a_title_on_the_command_line_is_checked_as_one_in_the_yaml() {
    let dir = common::tempdir();
    let seed = common::repo("data/japan-eu-ict-workshop-10.yaml");
    let bundle =
        |title: &str| common::run(dir.path(), &["bundle", seed.to_str().unwrap(), "-o", "d.pdf", "--title", title]);
    // What would be lost from the cover, set backwards, or hidden in the PDF's Title: refused,
    // naming --title and the character, and nothing written.
    for (title, problem) in [
        ("Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} dossier", "no font has U+1F468"),
        ("\u{5E2}\u{5D1}\u{5E8}\u{5D9}\u{5EA}", "right-to-left text (U+05E2"),
        ("Dialogue\u{1}", "control character U+0001"),
        ("", "must not be empty"),
        ("   ", "must not be empty"),
    ] {
        let out = bundle(title);
        common::assert_exit(&out, 2);
        let err = common::stderr(&out);
        assert!(err.contains("--title: ") && err.contains(problem), "{title:?}: {err}");
        assert!(!dir.path().join("d.pdf").exists(), "{title:?}");
    }
    // A tab is a space, as in the YAML, on the cover and in the Title.
    let out = bundle("Japan-EU\tDialogue ");
    common::assert_exit(&out, 0);
    let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
    assert_eq!(common::info(&pdf, "Title").as_deref(), Some("Japan-EU Dialogue"));
    assert!(common::page_texts(&pdf)[0].contains("Japan-EU Dialogue"));
    // One briefing is one, not "1 briefings".
    assert!(common::stderr(&out).contains("(1 briefing, "), "{}", common::stderr(&out));
    assert_eq!(common::info(&pdf, "Subject").as_deref(), Some("Dossier of 1 briefing"));
    // text44b F44b-6: a title over two lines is on one line in the Title and the XMP, as a
    // briefing's is (a viewer showed the first line only).
    common::assert_exit(&bundle("Japan-EU\nDialogue"), 0);
    let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
    assert_eq!(common::info(&pdf, "Title").as_deref(), Some("Japan-EU Dialogue"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(!text.contains("Japan-EU\nDialogue") && !text.contains("Japan-EU&#xA;"), "a line break in the XMP title");
}

/// A briefing of 30 KB may stand for 1.5 MiB of text by repeating an anchored summary in
/// each topic: ten such took 14 s and 560 MB to bundle. The dossier's limit counts the text
/// as read, and stops reading at the briefing that passes it.
#[test]
fn a_dossier_holds_as_much_text_as_one_briefing_aliases_expanded() {
    let dir = common::tempdir();
    let text = "Japan and the EU confirmed the importance of international standards. ".repeat(430);
    let topics: String = (0..48).map(|i| format!("  - title: T{i}\n    body: *s\n")).collect();
    let yaml = format!("title: A\ndate: 2020-10-06\nsummary: &s \"{text}\"\ntopics:\n{topics}contact:\n  tel: \"1\"\n");
    assert!(yaml.len() < 32_000, "{}", yaml.len());
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        common::write(dir.path(), name, &yaml);
    }
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "c.yaml", "-o", "d.pdf"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(
        err.contains("the 3 briefings come to 4.") && err.contains("more than the 4 MiB a dossier may hold"),
        "{err}"
    );
    assert!(!dir.path().join("d.pdf").exists());
    // Where the count stopped before the last, what it came to is not the whole, and is not
    // said to be (text43b F43b-18: "the 1000 briefings come to 4.0 MiB …, more than the 4 MiB").
    for name in ["d.yaml", "e.yaml"] {
        common::write(dir.path(), name, &yaml);
    }
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "-o", "d.pdf"]);
    common::assert_exit(&out, 2);
    // (Read as one line: a long message is wrapped.)
    let err = common::stderr(&out).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        err.contains(
            "the 5 briefings come to more than the 4 MiB a dossier may hold (as much as one briefing): the first 3, \
             up to c.yaml, already come to 4."
        ),
        "{err}"
    );
    assert!(!err.contains("together"), "{err}");
    // One of them is within it.
    common::assert_exit(&common::run(dir.path(), &["bundle", "a.yaml", "-o", "d.pdf"]), 0);
}

/// text42b F42b-2: a thousand briefings of 395 list items each (3.9 MiB) took 13 to 15 s and
/// 1.25 GB: a dossier holds as many pieces of text as one briefing, and says so.
#[test]
fn a_dossier_holds_as_many_pieces_of_text_as_one_briefing() {
    let dir = common::tempdir();
    let items = "      - x\n".repeat(2_100);
    let yaml =
        format!("title: B\ndate: 2026-01-01\ntopics:\n  - title: T\n    body: |\n{items}contact: {{tel: \"1\"}}\n");
    let names: Vec<String> = (0..100).map(|i| format!("b{i:03}.yaml")).collect();
    for name in &names {
        common::write(dir.path(), name, &yaml);
    }
    let mut args: Vec<&str> = vec!["bundle"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["-o", "d.pdf"]);
    let out = common::run(dir.path(), &args);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("the 100 briefings hold 210100 topics and pieces of text"), "{err}");
    assert!(err.contains("more than the 200000 a dossier may hold"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}

#[test]
fn a_dossier_holds_as_much_as_one_briefing_and_says_so_before_reading_any() {
    let dir = common::tempdir();
    // Three briefings of 1.5 MiB each (text in a comment): 4.5 MiB together.
    let seed = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    let padding = format!("# {}\n", "x".repeat(99)).repeat(15 << 10);
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        common::write(dir.path(), name, &format!("{seed}{padding}"));
    }
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "c.yaml", "-o", "d.pdf"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("the 3 briefings come to 4.5 MiB together, more than the 4 MiB a dossier may hold"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
    // Two of them are within it.
    common::assert_exit(&common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "-o", "d.pdf"]), 0);
    // And so many briefings, however small, that their pages and entries alone are too many.
    let limit = 1000;
    let names: Vec<String> = (0..=limit).map(|i| format!("s{i}.yaml")).collect();
    for name in &names {
        common::write(
            dir.path(),
            name,
            "title: T\ndate: 2020-10-06\ntopics: [{title: X, body: Y}]\ncontact: {tel: '1'}\n",
        );
    }
    let mut args = vec!["bundle"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["-o", "many.pdf"]);
    let out = common::run(dir.path(), &args);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    let said = format!("a dossier holds at most {limit} briefings, and {} were given", names.len());
    assert!(err.contains(&said), "{err}");
    assert!(!dir.path().join("many.pdf").exists());
}

#[test]
fn a_dossier_named_as_a_web_page_or_an_image_is_refused() {
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("seed.yaml")).unwrap();
    for name in ["d.html", "d.PNG"] {
        let out = common::run(dir.path(), &["bundle", "seed.yaml", "-o", name]);
        common::assert_exit(&out, 2);
        let err = common::stderr(&out);
        assert!(err.contains(&format!("-o {name} names a")) && err.contains("a dossier is a PDF"), "{err}");
        assert!(err.contains("--out-dir DIR"), "a way out that works for several briefings: {err}");
        assert!(!dir.path().join(name).exists(), "nothing is written under {name}");
    }
    // `--format`, as build takes it, gets the same way out (not a look-alike option).
    let out = common::run(dir.path(), &["bundle", "seed.yaml", "-o", "d.pdf", "--format", "html"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("a dossier is a PDF only") && !err.contains("--force"), "{err}");
    // (`--format pdf` asks for what a dossier is.)
    common::assert_exit(&common::run(dir.path(), &["bundle", "seed.yaml", "-o", "d.pdf", "--format", "pdf"]), 0);
    common::assert_exit(&common::run(dir.path(), &["bundle", "seed.yaml", "-o", "d.pdf"]), 0);
    // Without -o, the same way out, not a demand for -o; and --ppi (page images) names the
    // build that makes them, not clap's tip to pass it as a value.
    std::fs::remove_file(dir.path().join("d.pdf")).unwrap();
    let out = common::run(dir.path(), &["bundle", "seed.yaml", "seed.yaml", "--format", "html"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("`build A.yaml B.yaml --format html --out-dir DIR`") && !err.contains("required"), "{err}");
    for args in [&["-o", "d.pdf", "--ppi", "96"][..], &["--ppi", "96"]] {
        let out = common::run(dir.path(), &[&["bundle", "seed.yaml"][..], args].concat());
        common::assert_exit(&out, 2);
        let err = common::stderr(&out);
        assert!(
            err.contains("--ppi 96: a dossier is a PDF only")
                && err.contains("build A.yaml B.yaml --format png --ppi 96"),
            "{err}"
        );
        assert!(!err.contains("tip") && !err.contains("required"), "{err}");
    }
    // `--format pdf` without -o: the PDF needs a name.
    let out = common::run(dir.path(), &["bundle", "seed.yaml", "--format", "pdf"]);
    common::assert_exit(&out, 2);
    assert!(common::stderr(&out).contains("-o"), "{}", common::stderr(&out));
    assert!(!dir.path().join("d.pdf").exists(), "nothing is written");
}

#[test]
fn toc_lists_each_briefings_sections_and_topics_in_the_contents() {
    let dir = common::tempdir();
    std::fs::copy(common::seed(), dir.path().join("seed.yaml")).unwrap();
    std::fs::copy(common::fixture("japanese.yaml"), dir.path().join("ja.yaml")).unwrap();
    let contents = |extra: &[&str]| {
        let out = common::run(dir.path(), &[&["bundle", "seed.yaml", "ja.yaml", "-o", "d.pdf"][..], extra].concat());
        common::assert_exit(&out, 0);
        let pdf = std::fs::read(dir.path().join("d.pdf")).unwrap();
        (common::squash(&common::page_texts(&pdf)[0]).replace('.', ""), common::outline(&pdf))
    };
    let (plain, _) = contents(&[]);
    let (full, outline) = contents(&["--toc"]);
    // Without --toc, the briefings only; with it, every bookmark of each, at its page.
    assert!(outline.iter().any(|e| e.1 == "8. Trust services"), "the seed's last topic: {outline:?}");
    assert!(!plain.contains(&common::squash("Trust services")), "{plain}");
    let entries: Vec<&(usize, String, usize)> = outline.iter().collect();
    assert!(entries.len() > 20, "{outline:?}");
    for (_, title, page) in entries {
        let entry = common::squash(&format!("{title}{page}")).replace('.', "");
        assert!(full.contains(&entry), "the contents list {title} on page {page}:\n{full}");
    }
    assert!(full.find(&common::squash("Trust services")) < full.find(&common::squash("概要")), "{full}");
}

#[test]
fn a_cover_whose_markings_do_not_fit_its_running_line_prints_them_in_full_each_in_its_language() {
    let dir = common::tempdir();
    let text = std::fs::read_to_string(common::repo("data/japan-eu-ict-workshop-10.yaml")).unwrap();
    let mut args: Vec<String> = vec!["bundle".into(), "-o".into(), "m.pdf".into()];
    for n in 1..=5 {
        let marking = if n % 2 == 0 {
            format!("取扱注意 関係者限り 配布厳禁 第{n}版")
        } else {
            format!("Restricted to the members of the delegation and their advisers only {n}")
        };
        let name = format!("m{n}.yaml");
        common::write(
            dir.path(),
            &name,
            &text.replace("date: 2020-10-06\n", &format!("date: 2020-10-06\nmarking: {marking}\n")),
        );
        args.push(name);
    }
    let out = common::run(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
    common::assert_exit(&out, 0);
    let pdf = std::fs::read(dir.path().join("m.pdf")).unwrap();
    // Too long together for the running line, they are printed in full under the title,
    // each a span in its language; none is lost, none is cut.
    assert!(!common::stderr(&out).contains("cut short"), "{}", common::stderr(&out));
    let tree = common::structure(&pdf);
    let cover = tree
        .walk()
        .into_iter()
        .find(|e| e.role == "P" && e.text().contains("取扱注意"))
        .cloned()
        .expect("the cover's markings");
    let spans: Vec<(Option<String>, String)> =
        cover.children().into_iter().filter(|e| e.role == "Span").map(|e| (e.lang.clone(), e.heard())).collect();
    for n in 1..=5 {
        let found = spans.iter().any(|(l, t)| {
            if n % 2 == 0 {
                l.as_deref() == Some("ja") && t.contains(&format!("第{n}版"))
            } else {
                t.contains(&format!("advisers only {n}"))
            }
        });
        assert!(found, "marking {n}: {spans:?}");
    }
    let page = common::squash(&common::page_texts(&pdf)[0]);
    assert!(page.contains(&common::squash("advisers only 5")), "printed on the cover: {page}");
    // Read once, in full (the running line does not print them).
    let joined = |e: &&common::Elem| e.role == "P" && e.text().contains("only 1 / ");
    assert_eq!(tree.walk().into_iter().filter(joined).count(), 1);
}

#[test]
fn a_briefing_given_twice_is_said_and_bundled_all_the_same() {
    let dir = common::tempdir();
    common::write(dir.path(), "a.yaml", &std::fs::read_to_string(common::seed()).unwrap());
    common::write(dir.path(), "b.yaml", &common::seed_with("title: Results", "title: Other results"));
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "a.yaml", "-o", "d.pdf"]);
    common::assert_exit(&out, 0);
    let err = common::stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings, ["warning: a.yaml is given twice: the dossier holds it as briefings 1 and 3"], "{err}");
    // Made as asked: three briefings.
    assert!(err.contains("wrote d.pdf (3 briefings"), "{err}");
    // One file under two names is one file too.
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "./b.yaml", "-o", "e.pdf"]);
    common::assert_exit(&out, 0);
    let err = common::stderr(&out);
    assert!(
        err.contains(
            "warning: b.yaml and ./b.yaml are one file, given twice: the dossier holds it as briefings 2 and 3"
        ),
        "{err}"
    );
    // Two files alike are not one file: nothing said.
    common::write(dir.path(), "c.yaml", &std::fs::read_to_string(common::seed()).unwrap());
    let out = common::run(dir.path(), &["bundle", "a.yaml", "c.yaml", "-o", "f.pdf"]);
    common::assert_exit(&out, 0);
    assert!(!common::stderr(&out).contains("warning"), "{}", common::stderr(&out));
}

#[test]
fn contents_count_each_title_again_toward_what_a_briefing_or_dossier_may_hold() {
    // 2.2 MB of long topic titles: within one briefing's 4 MiB, but not with contents, which
    // lay out every title again (4 MB of them took 17 s).
    let dir = common::tempdir();
    let topics = |n: usize, tag: &str| -> String {
        (0..n).map(|i| format!("  - title: {tag}{i} {}\n    body: Text.\n", "w".repeat(1900))).collect()
    };
    let yaml = |t: String| format!("title: Long titles\ndate: 2020-10-06\ntopics:\n{t}contact:\n  tel: \"1\"\n");
    common::write(dir.path(), "long.yaml", &yaml(topics(1150, "t")));
    let out = common::run(dir.path(), &["build", "long.yaml", "--toc"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("with --toc, the contents list every title again") && err.contains("4 MiB"), "{err}");
    assert!(!dir.path().join("long.pdf").exists());
    // Two briefings of half as many, bundled with contents.
    common::write(dir.path(), "a.yaml", &yaml(topics(600, "a")));
    common::write(dir.path(), "b.yaml", &yaml(topics(600, "b")));
    let out = common::run(dir.path(), &["bundle", "a.yaml", "b.yaml", "-o", "d.pdf", "--toc"]);
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("their titles counted twice for the contents (--toc)"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}
