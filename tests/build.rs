//! `briefing build` on the seed: every word of the YAML reaches the PDF in order, the metadata
//! title is the YAML's, the output is reproducible (same bytes twice, in another folder, and
//! with `SOURCE_DATE_EPOCH` only the dates change), `-o` and the default output path, and the
//! three built-in templates each print everything and look different.

mod common;

use std::path::Path;

use common::{assert_in_order, briefing, build_in, info, page_count, pieces, run, seed, stderr, text};

/// `wrote PATH (N pages, S KB) in T ms` → (PATH, N, T).
fn wrote_line(stderr: &str) -> (String, usize, u64) {
    let line = stderr.lines().find(|l| l.starts_with("wrote ")).unwrap_or_else(|| panic!("no `wrote` in {stderr:?}"));
    let rest = &line["wrote ".len()..];
    let open = rest.rfind(" (").unwrap_or_else(|| panic!("no `(` in {line:?}"));
    let path = rest[..open].to_string();
    let pages = rest[open + 2..].split(' ').next().and_then(|n| n.parse().ok());
    let millis = rest.rsplit_once(" in ").and_then(|(_, t)| t.strip_suffix(" ms")).and_then(|t| t.parse().ok());
    match (pages, millis) {
        (Some(p), Some(t)) => (path, p, t),
        _ => panic!("`wrote` line without pages or time: {line:?}"),
    }
}

#[test]
fn the_seed_builds_with_every_word_in_order() {
    let dir = common::tempdir();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml"]);
    common::assert_exit(&o, 0);
    let pdf = std::fs::read(dir.path().join("seed.pdf")).expect("seed.pdf next to seed.yaml");

    // stderr says where it wrote, how many pages, and how long it took.
    let (path, pages, _millis) = wrote_line(&stderr(&o));
    assert_eq!(path, "seed.pdf");
    assert!(pages >= 1);
    assert_eq!(pages, page_count(&pdf), "the page count reported and the PDF's differ");

    let b = briefing(&input);
    assert_eq!(info(&pdf, "Title").as_deref(), Some(b.title.as_str()));

    let text = text(&pdf);
    assert_in_order(&text, &pieces(&input));
    assert!(text.contains("October 6, 2020"), "the date is written out:\n{text}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for line in ["TEL: +81 3 5253 5920", "FAX: +81 3 5253 5924"] {
        assert!(lines.contains(&line), "no line {line:?} in\n{text}");
    }
}

#[test]
fn markdown_markers_are_not_printed() {
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      Both sides listed:\n\n      - *qualified* signatures\n      - **electronic** seals\n      \
         - time stamps\n\n      Japan explained the efforts to institutionalize trust services",
    );
    let input = common::write(dir.path(), "markdown.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let text = text(&pdf);
    assert_in_order(&text, &pieces(&input));
    assert!(!text.contains('*'), "a Markdown `*` was printed:\n{text}");
    assert!(!text.lines().any(|l| l.trim_start().starts_with("- ")), "a Markdown `- ` was printed:\n{text}");
    // Each item has a bullet drawn in the indent before its first word, centred on the
    // lower-case letters; the bullet is a shape, so the text has no character for it.
    let runs = common::runs(&pdf);
    let bullets = common::bullets(&pdf);
    for word in ["qualified", "electronic", "time"] {
        let (page, run) = runs
            .iter()
            .enumerate()
            .find_map(|(p, rs)| rs.iter().find(|r| r.text.starts_with(word)).map(|r| (p, r)))
            .unwrap_or_else(|| panic!("no run starting {word:?}"));
        let bullet = bullets[page].iter().find(|b| (b.1 - run.y - run.size * 0.27).abs() < 0.5 && b.0 < run.x);
        assert!(bullet.is_some(), "no bullet before {word:?} at y {}: {:?}", run.y, bullets[page]);
    }
    assert!(!text.contains('•'), "a bullet character was printed:\n{text}");
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let dir = common::tempdir();
    let first = build_in(dir.path(), &seed(), &[]);
    let second = build_in(dir.path(), &seed(), &[]);
    assert!(first == second, "two builds of the seed differ");
}

#[test]
fn building_in_another_folder_gives_the_same_bytes() {
    let one = common::tempdir();
    let two = common::tempdir();
    let nested = two.path().join("deeper/still");
    std::fs::create_dir_all(&nested).unwrap();
    let a = build_in(one.path(), &seed(), &[]);
    // Built from another working folder, with the input given by an absolute path.
    let input = nested.join("japan-eu-ict-workshop-10.yaml");
    std::fs::copy(seed(), &input).unwrap();
    let o = run(two.path(), &["build", input.to_str().unwrap()]);
    common::assert_exit(&o, 0);
    let b = std::fs::read(input.with_extension("pdf")).unwrap();
    assert!(a == b, "the same YAML built in two folders gives different PDFs");
}

#[test]
fn source_date_epoch_changes_only_the_dates() {
    let dir = common::tempdir();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    let build = |epoch: Option<&str>, out: &str| -> Vec<u8> {
        let args = ["build", "seed.yaml", "-o", out];
        let o = match epoch {
            Some(e) => common::run_with_epoch(dir.path(), &args, e),
            None => run(dir.path(), &args),
        };
        common::assert_exit(&o, 0);
        std::fs::read(dir.path().join(out)).unwrap()
    };
    let plain = build(None, "plain.pdf");
    let dated = build(Some("1700000000"), "dated.pdf");
    let again = build(Some("1700000000"), "again.pdf");

    assert_eq!(info(&plain, "CreationDate").as_deref(), Some("D:20201006000000Z"), "without it, the YAML's date");
    assert_eq!(info(&dated, "CreationDate").as_deref(), Some("D:20231114221320Z"));
    assert_eq!(info(&dated, "ModDate").as_deref(), Some("D:20231114221320Z"));
    assert!(dated == again, "two builds with the same SOURCE_DATE_EPOCH differ");
    assert!(plain != dated, "SOURCE_DATE_EPOCH changed nothing");

    // Everything a reader sees is the same.
    assert_eq!(common::contents(&plain), common::contents(&dated), "page content changed with the date");
    assert_eq!(common::page_texts(&plain), common::page_texts(&dated));
    for key in ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"] {
        assert_eq!(info(&plain, key), info(&dated, key), "Info /{key} changed with the date");
    }
    assert_eq!(common::fonts(&plain), common::fonts(&dated));
    assert_eq!(common::outline(&plain), common::outline(&dated));
}

#[test]
fn dash_o_writes_where_it_says() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    let o = run(dir.path(), &["build", "seed.yaml", "-o", "out/briefing.pdf"]);
    common::assert_exit(&o, 0);
    assert_eq!(wrote_line(&stderr(&o)).0, "out/briefing.pdf");
    let pdf = std::fs::read(dir.path().join("out/briefing.pdf")).expect("out/briefing.pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(!dir.path().join("seed.pdf").exists(), "-o also wrote next to the input");
}

#[test]
fn without_dash_o_the_pdf_goes_next_to_the_input() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::copy(seed(), dir.path().join("in/dialogue.yaml")).unwrap();
    let o = run(dir.path(), &["build", "in/dialogue.yaml"]);
    common::assert_exit(&o, 0);
    assert!(dir.path().join("in/dialogue.pdf").is_file(), "no in/dialogue.pdf");
    assert!(!dir.path().join("dialogue.pdf").exists(), "written to the working folder instead");
    assert_eq!(Path::new(&wrote_line(&stderr(&o)).0), Path::new("in/dialogue.pdf"));
}

/// The size of the title's first line.
fn title_size(pdf: &[u8], title: &str) -> f32 {
    let runs = common::runs(pdf);
    let run = runs[0]
        .iter()
        .find(|r| r.text.trim().len() > 5 && title.starts_with(r.text.trim()))
        .unwrap_or_else(|| panic!("no run of the title {title:?} on page 1"));
    run.size
}

#[test]
fn every_template_prints_every_word_and_they_differ() {
    let dir = common::tempdir();
    let b = briefing(&seed());
    let words = pieces(&seed());
    let mut built = Vec::new();
    for template in ["default", "press-release", "one-pager"] {
        let sub = dir.path().join(template);
        std::fs::create_dir(&sub).unwrap();
        let pdf = build_in(&sub, &seed(), &["--template", template]);
        // (Without the running heads, which can fall inside a paragraph that crosses a page.)
        assert_in_order(&common::body_text(&pdf), &words);
        assert!(text(&pdf).contains("October 6, 2020"), "{template}: no date");
        built.push((template, title_size(&pdf, &b.title), page_count(&pdf), pdf));
    }
    for (i, a) in built.iter().enumerate() {
        for b in &built[i + 1..] {
            assert!(a.3 != b.3, "{} and {} give the same bytes", a.0, b.0);
            assert!(
                a.1 != b.1,
                "{} and {} set the title in the same size ({} pt): they do not look different",
                a.0,
                b.0,
                a.1
            );
        }
    }
    let one_pager = built.iter().find(|b| b.0 == "one-pager").unwrap();
    assert_eq!(one_pager.2, 1, "the one-pager does not fit the seed on one page");
    let default = built.iter().find(|b| b.0 == "default").unwrap();
    assert!(default.2 > one_pager.2, "the default template is as compact as the one-pager");
}

/// The one-pager's balanced columns keep a topic's heading whole and with the first lines
/// of its text, as a page does, though the columns then end unequal (text45a F45a-37: a
/// three-line heading split between the columns, or left at the foot of the first with its
/// text at the head of the second).
#[test]
fn the_one_pagers_columns_keep_a_heading_with_its_text() {
    let long = "Cooperation on artificial intelligence governance, data flows with trust and the resilience of \
                semiconductor supply chains";
    let dir = common::tempdir();
    for second in ["", "\n  - title: Data\n    body: |\n      Data agreed."] {
        let yaml = format!(
            "title: Results of the Council\ndate: 2026-05-12\ntopics:\n  - title: {long}\n    body: |\n      \
             Both sides agreed on a joint work plan covering research, standards and skills, and on \
             meeting again in the autumn in Tokyo.{second}\ncontact:\n  tel: \"+81 3 5253 5920\"\n"
        );
        let path = dir.path().join("op.yaml");
        std::fs::write(&path, yaml).unwrap();
        let pdf = build_in(dir.path(), &path, &["--template", "one-pager"]);
        let (width, _) = common::page_size(&pdf);
        let page = &common::runs(&pdf)[0];
        let column = |word: &str| {
            let run = page.iter().find(|r| !r.artifact && r.text.contains(word)).unwrap_or_else(|| panic!("{word}"));
            run.x > width / 2.0
        };
        for (a, b) in [("Cooperation", "governance"), ("governance", "resilience"), ("resilience", "Both sides")] {
            assert_eq!(column(a), column(b), "{a}… and {b}… are in different columns");
        }
        if !second.is_empty() {
            assert_eq!(column("Data"), column("Data agreed"), "the second topic's heading and text");
        }
    }
}

/// A briefing long enough to be drawn in several runs of pages: every page is there, in
/// order, with its number, and all the text.
#[test]
fn a_long_briefing_drawn_in_parts_is_whole() {
    let dir = common::tempdir();
    let mut yaml = String::from("title: Long briefing\ndate: 2020-10-06\ntopics:\n");
    // About 170,000 characters: more than one run of pages (`WORK_PER_CHUNK` in pdf/mod.rs).
    for i in 1..=600 {
        // Letters that differ from topic to topic: lines that recur at page edges, digits
        // aside, would be taken for running headers by `body_text`.
        let tag: String = [i % 26, i / 26 % 26].iter().map(|&n| char::from(b'a' + n as u8)).collect();
        yaml.push_str(&format!(
            "  - title: Topic {i} {tag}\n    body: |\n      Paragraph {tag} of policy prose that is long enough to fill a \
             few lines of the page {tag}, with words about standardization {tag}, research {tag} and cooperation \
             {tag} toward Beyond 5G {tag}, number {tag}.\n"
        ));
    }
    yaml.push_str("contact:\n  tel: \"1\"\n");
    let path = dir.path().join("long.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let pdf = common::build_in(dir.path(), &path, &[]);
    let pages = common::page_texts(&pdf);
    assert!(pages.len() > 20, "{} pages", pages.len());
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(&format!("Page {} of {}", i + 1, pages.len())), "page {}", i + 1);
    }
    common::assert_in_order(&common::body_text(&pdf), &common::pieces(&path));
}

#[test]
fn long_list_numbers_end_before_their_text() {
    // "1000." is wider than the template's indent: the indent grows, the number never runs
    // into its item's first word.
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      Steps:\n\n      998. alpha\n      999. bravo\n      1000. charlie\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let input = common::write(dir.path(), "numbers.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let runs = common::runs(&pdf);
    let mut lefts = Vec::new();
    for (number, word) in [("998.", "alpha"), ("999.", "bravo"), ("1000.", "charlie")] {
        let all = runs.iter().flatten();
        let item = all.clone().find(|r| r.text.starts_with(word)).unwrap_or_else(|| panic!("no {word:?}"));
        let label = all
            .clone()
            .find(|r| (r.y - item.y).abs() < 0.5 && r.text.trim() == number)
            .unwrap_or_else(|| panic!("no {number:?} on the line of {word:?}"));
        assert!(
            label.x + label.width + 2.0 < item.x,
            "{number:?} ends at {} and {word:?} starts at {}",
            label.x + label.width,
            item.x
        );
        lefts.push(item.x);
    }
    assert!(lefts.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01), "the items line up: {lefts:?}");
}

#[test]
fn sources_names_and_outlook_links_typed_one_a_line_print_as_typed() {
    // text46a F46a-5 and text45a F45a-31: sources `[1] …` and names typed one a line ran
    // together into one line; F46a-26: Outlook's `report<https://…>` printed `reporthttps://…`.
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      Sources:\n      [1] Source A, MIC 2020\n      [2] Source B, Commission 2021\n\n      \
         Participants:\n      Mr. A, Ministry X\n      Ms. B, Commission\n\n      \
         See the report<https://example.org/x> for details.\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let input = common::write(dir.path(), "lines.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let text = text(&pdf);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for line in [
        "[1] Source A, MIC 2020",
        "[2] Source B, Commission 2021",
        "Mr. A, Ministry X",
        "Ms. B, Commission",
        "See the report<https://example.org/x> for details.",
    ] {
        assert!(lines.contains(&line), "no line {line:?} in\n{text}");
    }
}
