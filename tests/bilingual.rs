//! One briefing in two languages (`lang: [en, ja]`, text values as mappings from language to
//! text): one complete PDF per language, one language alone (`--lang`), both side by side
//! (`--parallel`), and every missing translation reported at its line.

mod common;

use common::{
    assert_exit, assert_in_order, briefings, build_in, fixture, lang, page_count, pieces_of, run, runs, stderr,
    structure, tempdir, text, write, Elem, Held,
};

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{3041}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

#[test]
fn a_bilingual_briefing_gives_one_complete_pdf_per_language() {
    let dir = tempdir();
    let input = dir.path().join("dialogue.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &input).unwrap();
    let o = run(dir.path(), &["build", "dialogue.yaml"]);
    assert_exit(&o, 0);
    let en = std::fs::read(dir.path().join("dialogue.en.pdf")).expect("dialogue.en.pdf");
    let ja = std::fs::read(dir.path().join("dialogue.ja.pdf")).expect("dialogue.ja.pdf");
    assert!(!dir.path().join("dialogue.pdf").exists(), "no PDF without a language");
    // -o names the pair: out.en.pdf and out.ja.pdf, never one over the other.
    assert_exit(&run(dir.path(), &["build", "dialogue.yaml", "-o", "out.pdf"]), 0);
    assert_eq!(lang(&std::fs::read(dir.path().join("out.en.pdf")).unwrap()).as_deref(), Some("en"));
    assert_eq!(lang(&std::fs::read(dir.path().join("out.ja.pdf")).unwrap()).as_deref(), Some("ja"));
    assert!(!dir.path().join("out.pdf").exists());
    let langs = briefings(&input);
    assert_eq!(langs.iter().map(|b| b.lang.as_str()).collect::<Vec<_>>(), ["en", "ja"]);
    // Each holds its language's text, all of it and in order, and none of the other's.
    assert_in_order(&text(&en), &pieces_of(&langs[0]));
    assert_in_order(&text(&ja), &pieces_of(&langs[1]));
    assert!(!has_japanese(&text(&en)), "Japanese in the English PDF");
    assert!(!text(&ja).contains("Major achievements") && !text(&ja).contains("Trust services"));
    // Each with its language's labels, date and /Lang.
    assert_eq!(lang(&en).as_deref(), Some("en"));
    assert_eq!(lang(&ja).as_deref(), Some("ja"));
    assert!(text(&en).contains("October 6, 2020") && common::squash(&text(&ja)).contains("2020年10月6日"));
    assert!(common::squash(&text(&ja)).contains("概要"));
    // The shared plain value is in both.
    for pdf in [&en, &ja] {
        assert!(text(pdf).contains("+81 3 5253 5920"));
    }
}

#[test]
fn a_language_file_that_is_also_another_briefings_is_refused() {
    // text30 F30b-1: `dialogue.yaml` in English and Japanese wrote `dialogue.ja.pdf` and its
    // page images over those of `dialogue.ja.yaml` beside it, and removed its later pages.
    let dir = tempdir();
    std::fs::copy(fixture("bilingual.yaml"), dir.path().join("dialogue.yaml")).unwrap();
    std::fs::copy(common::seed(), dir.path().join("dialogue.ja.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "dialogue.ja.yaml"]), 0);
    let theirs = std::fs::read(dir.path().join("dialogue.ja.pdf")).unwrap();
    let o = run(dir.path(), &["build", "dialogue.yaml", "--format", "pdf,png", "--ppi", "20"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("dialogue.ja.pdf would be both the `ja` file of dialogue.yaml"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("dialogue.ja.pdf")).unwrap(), theirs, "kept");
    assert!(!dir.path().join("dialogue.en.pdf").exists(), "nothing written");
    // A web page is named as a web page (the message named the PDF though none was made).
    let o = run(dir.path(), &["build", "dialogue.yaml", "--format", "html"]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("dialogue.ja.html would be both") && stderr(&o).contains("writes NAME.ja.html"),
        "{}",
        stderr(&o)
    );
    // text31 F31b-1: however its files are named there (`--out-dir .`, `-o dialogue.pdf`),
    // and whatever the case of the other's `.yaml`.
    for args in [&["--out-dir", "."][..], &["-o", "dialogue.pdf"]] {
        let o = run(dir.path(), &[&["build", "dialogue.yaml"][..], args].concat());
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("would be both the `ja` file"), "{args:?}: {}", stderr(&o));
    }
    std::fs::rename(dir.path().join("dialogue.ja.yaml"), dir.path().join("dialogue.ja.YAML")).unwrap();
    assert_exit(&run(dir.path(), &["build", "dialogue.yaml"]), 2);
    assert_eq!(std::fs::read(dir.path().join("dialogue.ja.pdf")).unwrap(), theirs, "kept");
    // Named apart with -o, or one language by --lang with -o: built.
    assert_exit(&run(dir.path(), &["build", "dialogue.yaml", "-o", "both.pdf"]), 0);
    assert!(dir.path().join("both.ja.pdf").exists());
}

#[test]
fn lang_builds_one_language_and_o_names_its_file() {
    let dir = tempdir();
    let input = dir.path().join("dialogue.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &input).unwrap();
    assert_exit(&run(dir.path(), &["build", "dialogue.yaml", "--lang", "ja"]), 0);
    let ja = std::fs::read(dir.path().join("dialogue.ja.pdf")).expect("dialogue.ja.pdf");
    assert!(!dir.path().join("dialogue.en.pdf").exists());
    assert_eq!(lang(&ja).as_deref(), Some("ja"));
    let named = build_in(dir.path(), &input, &["--lang", "en"]);
    assert_eq!(lang(&named).as_deref(), Some("en"), "-o names the one language's PDF");
    // A language the briefing is not written in is a usage error that names the ones it is.
    let o = run(dir.path(), &["build", "dialogue.yaml", "--lang", "fr"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("en and ja"), "{}", stderr(&o));
}

#[test]
fn a_country_or_three_letter_code_after_lang_is_refused_naming_the_code_meant() {
    // As in the YAML: `jp` is Japan, `jpn` the three-letter code; every command that takes
    // --lang refuses them before reading a file, and writes nothing.
    let dir = tempdir();
    std::fs::copy(fixture("bilingual.yaml"), dir.path().join("d.yaml")).unwrap();
    let jp = "--lang jp: `jp` is the country code of Japan, not a language code; Japanese is `ja`: write --lang ja";
    for args in [
        &["build", "d.yaml", "--lang", "jp"][..],
        &["build", "d.yaml", "--lang", "jp", "--format", "html"],
        &["diff", "d.yaml", "d.yaml", "--lang", "jp"],
        &["diff", "d.yaml", "d.yaml", "--lang", "jp", "--stat"],
        &["bundle", "d.yaml", "-o", "b.pdf", "--lang", "jp"],
        &["new", "n.yaml", "--lang", "jp"],
    ] {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert_eq!(stderr(&o).trim(), format!("error: {jp}"), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    for (args, says) in [
        (
            &["build", "d.yaml", "--lang", "jpn"][..],
            "--lang jpn: `jpn` is the three-letter code for Japanese; a language tag uses the two-letter one, `ja`: \
             write --lang ja",
        ),
        (&["diff", "d.yaml", "d.yaml", "--lang", "gr"], "Greek is `el`: write --lang el"),
        (&["new", "n.yaml", "--lang", "en,jp"], "Japanese is `ja`: write --lang en,ja"),
        (&["new", "n.yaml", "--lang", "en,qq"], "`qq` is not a language code (ISO 639-1): write one such as en, ja"),
        (&["bundle", "d.yaml", "-o", "b.pdf", "--lang", "qq"], "`qq` is not a language code (ISO 639-1)"),
    ] {
        let o = run(dir.path(), args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    let written: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(written, ["d.yaml"]);
    // The codes as meant are taken.
    assert_exit(&run(dir.path(), &["build", "d.yaml", "--lang", "ja"]), 0);
    assert_exit(&run(dir.path(), &["new", "n.yaml", "--lang", "en,ja"]), 0);
}

/// The elements of `e` with role `role`, depth first.
fn find<'a>(e: &'a Elem, role: &str, out: &mut Vec<&'a Elem>) {
    if e.role == role {
        out.push(e);
    }
    for k in &e.kids {
        if let Held::Elem(k) = k {
            find(k, role, out);
        }
    }
}

#[test]
fn parallel_sets_both_languages_side_by_side_with_each_topic_level() {
    let dir = tempdir();
    let input = dir.path().join("dialogue.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &input).unwrap();
    let pdf = build_in(dir.path(), &input, &["--parallel"]);
    let langs = briefings(&input);
    // Each topic's heading starts at the same height on the same page in both columns, the
    // Japanese one to the right of the English one: one line of the page holds both.
    /// Page, baseline, and the runs on it (x, text).
    type Line = (usize, f32, Vec<(f32, String)>);
    let mut lines: Vec<Line> = Vec::new();
    for (p, page) in runs(&pdf).iter().enumerate() {
        for r in page.iter().filter(|r| !r.artifact) {
            match lines.iter_mut().find(|l| l.0 == p && (l.1 - r.y).abs() < 0.5) {
                Some(l) => l.2.push((r.x, r.text.clone())),
                None => lines.push((p, r.y, vec![(r.x, r.text.clone())])),
            }
        }
    }
    let line_texts: Vec<String> = lines
        .iter_mut()
        .map(|l| {
            l.2.sort_by(|a, b| a.0.total_cmp(&b.0));
            l.2.iter().map(|r| r.1.as_str()).collect::<String>()
        })
        .collect();
    // (A title may wrap in its column: its first characters are on the line.)
    let start = |t: &str| t.chars().take(8).collect::<String>();
    for (en, ja) in langs[0].topics.iter().zip(&langs[1].topics) {
        let level = line_texts.iter().any(|l| {
            let (e, j) = (start(&en.title), start(&ja.title));
            l.find(&e).is_some_and(|at| l[at + e.len()..].contains(&j))
        });
        assert!(
            level,
            "{} and {} do not start on one line, English first:\n{}",
            en.title,
            ja.title,
            line_texts.join("\n")
        );
    }
    // Each column is a section of the structure in its own language.
    let tree = structure(&pdf);
    let mut sects = Vec::new();
    find(&tree, "Sect", &mut sects);
    let sect_langs: Vec<Option<&str>> = sects.iter().map(|s| s.lang.as_deref()).collect();
    assert_eq!(sect_langs, [Some("en"), Some("ja")]);
    // Each holds its language's text, all of it, in order, and none of the other's.
    assert_in_order(&sects[0].text(), &pieces_of(&langs[0]));
    assert_in_order(&sects[1].text(), &pieces_of(&langs[1]));
    assert!(!has_japanese(&sects[0].text()));
    assert!(!sects[1].text().contains("Cybersecurity"));
    assert!(page_count(&pdf) >= 2);
    // A briefing in one language is built as usual, and the run says why it is not parallel.
    let o = run(dir.path(), &["build", common::seed().to_str().unwrap(), "-o", "one.pdf", "--parallel"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("one language"), "{}", stderr(&o));
    assert!(dir.path().join("one.pdf").exists());
}

/// The fixture with `from` replaced by `to` (which must occur), written to `dir`.
fn fixture_with(dir: &std::path::Path, from: &str, to: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("bilingual.yaml")).unwrap();
    assert!(text.contains(from), "the fixture has no {from:?}");
    write(dir, "gaps.yaml", &text.replacen(from, to, 1))
}

#[test]
fn a_missing_translation_fails_at_its_line_and_check_reports_every_gap() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("bilingual.yaml")).unwrap();
    // Topic 2's title loses its Japanese; the organisation gets a language not in lang:.
    let gaps = text.replacen(", ja: \"サイバーセキュリティ\" }", " }", 1).replacen(
        "  ja: \"総務省\"\n",
        "  ja: \"総務省\"\n  fr: \"Ministère\"\n",
        1,
    );
    assert_ne!(gaps, text);
    write(dir.path(), "gaps.yaml", &gaps);
    let title_line = gaps.lines().position(|l| l.contains("title: { en: \"Cybersecurity\" }")).unwrap() + 1;
    let fr_line = gaps.lines().position(|l| l.contains("fr: \"Ministère\"")).unwrap() + 1;
    let o = run(dir.path(), &["check", "gaps.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(&format!("gaps.yaml:{title_line}:")), "{err}");
    assert!(err.contains("topics[1].title (topic 2, \"Cybersecurity\"): given in en but not in ja"), "{err}");
    assert!(err.contains(&format!("gaps.yaml:{fr_line}:")) && err.contains("`fr`"), "{err}");
    // Reported once, though every language was checked.
    assert_eq!(err.matches("given in en but not in ja").count(), 1, "{err}");
    // The missing text is not reported again as an empty title.
    assert!(!err.contains("must not be empty"), "{err}");
    // build refuses it too, and writes nothing.
    let o = run(dir.path(), &["build", "gaps.yaml"]);
    assert_exit(&o, 1);
    assert!(!dir.path().join("gaps.en.pdf").exists() && !dir.path().join("gaps.ja.pdf").exists());
}

#[test]
fn a_block_translation_that_lacks_a_language_is_reported_too() {
    let dir = tempdir();
    let path =
        fixture_with(dir.path(), "      ja: |\n        日本とEUは、開始", "      de: |\n        日本とEUは、開始");
    let o = run(dir.path(), &["check", path.to_str().unwrap()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    // One mistake, told once: the key that is none of the languages is the one this value lacks.
    assert!(
        err.contains(
            "topics[0].body (topic 1, \"5G and Beyond 5G (6G)\"): `de` is not one of the briefing's languages"
        ),
        "{err}"
    );
    assert!(err.contains("is it `ja`, which this value lacks?"), "{err}");
    assert!(!err.contains("given in en but not in ja"), "{err}");
    assert!(err.contains("error: 1 problem"), "{err}");
}

#[test]
fn new_with_two_languages_scaffolds_a_bilingual_starter_that_builds() {
    let dir = tempdir();
    let o = run(dir.path(), &["new", "--lang", "en,ja", "dialogue.yaml"]);
    assert_exit(&o, 0);
    let starter = std::fs::read_to_string(dir.path().join("dialogue.yaml")).unwrap();
    let trailing: Vec<usize> =
        starter.lines().enumerate().filter(|(_, l)| l.ends_with([' ', '\t'])).map(|(i, _)| i + 1).collect();
    assert!(trailing.is_empty(), "trailing spaces on lines {trailing:?}");
    assert_exit(&run(dir.path(), &["build", "dialogue.yaml"]), 0);
    let en = std::fs::read(dir.path().join("dialogue.en.pdf")).unwrap();
    let ja = std::fs::read(dir.path().join("dialogue.ja.pdf")).unwrap();
    assert!(!has_japanese(&text(&en)));
    assert!(has_japanese(&text(&ja)) && lang(&ja).as_deref() == Some("ja"));
}

#[test]
fn bundle_takes_a_bilingual_briefing_in_its_primary_language_or_lang() {
    let dir = tempdir();
    let input = dir.path().join("dialogue.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &input).unwrap();
    let out = dir.path().join("dossier.pdf");
    assert_exit(&run(dir.path(), &["bundle", "dialogue.yaml", "-o", out.to_str().unwrap()]), 0);
    let primary = text(&std::fs::read(&out).unwrap());
    assert!(primary.contains("Cybersecurity") && !primary.contains("サイバーセキュリティ"));
    assert_exit(&run(dir.path(), &["bundle", "dialogue.yaml", "-o", out.to_str().unwrap(), "--lang", "ja"]), 0);
    let ja = text(&std::fs::read(&out).unwrap());
    assert!(ja.contains("サイバーセキュリティ") && !ja.contains("Cybersecurity"));
}

#[test]
fn new_refuses_a_language_listed_twice_and_writes_nothing() {
    let dir = tempdir();
    let o = run(dir.path(), &["new", "--lang", "en,en", "twice.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("`en` is listed twice"), "{}", stderr(&o));
    assert!(!dir.path().join("twice.yaml").exists());
    let o = run(dir.path(), &["new", "--lang", "en,ja,de,fr,it,es,nl,pl,pt", "many.yaml"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("at most 8"), "{}", stderr(&o));
}

/// The line (1-based) of the first line of `text` that holds `piece`.
fn line_of(text: &str, piece: &str) -> usize {
    text.lines().position(|l| l.contains(piece)).expect(piece) + 1
}

#[test]
fn languages_that_differ_in_shape_are_refused_at_their_line_by_every_command() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("bilingual.yaml")).unwrap();
    // Topics as one list per language, Japanese with two more; a heading empty in English.
    let topics = "topics:\n  en:\n    - title: One\n      body: One.\n  ja:\n    - title: 一\n      body: 一。\n    - title: 二\n      body: 二。\n    - title: 三\n      body: 三。\ncontact:";
    let at = text.find("topics:").unwrap();
    let end = text.find("contact:").unwrap();
    let shaped = format!("{}{topics}{}", &text[..at], &text[end + "contact:".len()..]).replacen(
        "  en: \"Major achievements of the 10th Japan-EU ICT Strategy Workshop\"",
        "  en: \"\"",
        1,
    );
    assert!(shaped.contains("  en: \"\""));
    write(dir.path(), "shaped.yaml", &shaped);
    let o = run(dir.path(), &["check", "shaped.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let ja_list = line_of(&shaped, "    - title: 一");
    assert!(err.contains(&format!("shaped.yaml:{ja_list}:5: error: topics: 3 items in ja but 1 item in en")), "{err}");
    let heading = line_of(&shaped, "  en: \"\"");
    assert!(err.contains(&format!("shaped.yaml:{heading}:7: error: heading: empty in en but not in ja")), "{err}");
    for args in [
        &["build", "shaped.yaml"][..],
        &["build", "shaped.yaml", "--parallel"],
        &["build", "shaped.yaml", "--lang", "ja"],
    ] {
        let o = run(dir.path(), args);
        assert_exit(&o, 1);
        assert!(stderr(&o).contains("3 items in ja but 1 item in en"), "{args:?}: {}", stderr(&o));
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().path().to_string_lossy().ends_with(".pdf")));
}

#[test]
fn a_key_names_its_language_with_or_without_the_region() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("bilingual.yaml")).unwrap();
    write(dir.path(), "region.yaml", &text.replacen("lang: [en, ja]", "lang: [en, ja-JP]", 1));
    let o = run(dir.path(), &["check", "region.yaml"]);
    assert_exit(&o, 0);
    let langs = briefings(&dir.path().join("region.yaml"));
    assert_eq!(langs[1].lang, "ja-JP");
    assert!(has_japanese(&langs[1].title), "{}", langs[1].title);
}

#[test]
fn parallel_refuses_a_third_language_rather_than_drop_it() {
    // Three columns are too narrow to read: --parallel says so and what to do instead, and
    // writes nothing; without it, every language gets its PDF.
    let dir = tempdir();
    write(
        dir.path(),
        "three.yaml",
        "lang: [en, ja, fr]\ntitle: { en: Dialogue, ja: 対話, fr: Dialogue bilatéral }\ndate: 2020-10-06\n\
         topics:\n  - title: { en: Data, ja: データ, fr: Données }\n    \
         body: { en: Both sides met., ja: 双方は会談した。, fr: Les deux parties se sont réunies. }\n\
         contact:\n  tel: \"+81 3 5253 5920\"\n",
    );
    let o = run(dir.path(), &["build", "three.yaml", "--parallel"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("three.yaml") && err.contains("en, ja, fr") && err.contains("--lang fr"), "{err}");
    assert!(!dir.path().join("three.pdf").exists());
    assert_exit(&run(dir.path(), &["build", "three.yaml"]), 0);
    let fr = std::fs::read(dir.path().join("three.fr.pdf")).expect("three.fr.pdf");
    assert_eq!(lang(&fr).as_deref(), Some("fr"));
    assert!(text(&fr).contains("Les deux parties se sont réunies."), "{}", text(&fr));
}

#[test]
fn parallel_pages_are_painted_column_by_column() {
    // Content order (what copying, reflow and tools that ignore tags read): on every page the
    // whole left column, then the whole right one, never the two interleaved line by line.
    let dir = tempdir();
    let input = dir.path().join("dialogue.yaml");
    std::fs::copy(fixture("bilingual.yaml"), &input).unwrap();
    let pdf = build_in(dir.path(), &input, &["--parallel"]);
    let (width, _) = common::page_size(&pdf);
    let mut switches = 0;
    for (p, page) in runs(&pdf).iter().enumerate() {
        let columns: Vec<bool> =
            page.iter().filter(|r| !r.artifact && !r.text.trim().is_empty()).map(|r| r.x >= width / 2.0).collect();
        let back = columns.windows(2).filter(|w| w[0] && !w[1]).count();
        assert_eq!(back, 0, "page {}: the left column is painted after the right one", p + 1);
        switches += columns.windows(2).filter(|w| !w[0] && w[1]).count();
        // The Japanese is all in the right column and the English in the left.
        for r in page.iter().filter(|r| !r.artifact && has_japanese(&r.text)) {
            assert!(r.x >= width / 2.0, "page {}: {} at {}", p + 1, r.text, r.x);
        }
    }
    assert!(switches >= 2, "both columns on each page: {switches}");
    // The text as tools read it in content order: each language in one piece per page.
    let first_page = &runs(&pdf)[0];
    let text: String = first_page.iter().filter(|r| !r.artifact).map(|r| r.text.as_str()).collect();
    let (en, ja) = text.split_at(text.find(|c: char| has_japanese(&c.to_string())).unwrap_or(0));
    assert!(!has_japanese(en) && !ja.contains("Cybersecurity"), "{text}");
}

#[test]
fn parallel_title_rules_are_level_and_the_running_lines_speak_both_languages() {
    let dir = tempdir();
    let input = fixture_with(
        dir.path(),
        "  ja: \"総務省\"",
        "  ja: \"総務省\"\nmarking: { en: \"For official use only\", ja: \"取扱注意\" }\nshort_title: { en: ICT Workshop, ja: ICT戦略ワークショップ }",
    );
    // A short Japanese title beside a long English one, and the other way round.
    for (from, to) in [
        ("\"第10回日EU・ICT戦略ワークショップの結果\"", "\"日EU会合\""),
        ("\"Results of 10th Japan-EU ICT Strategy Workshop\"", "\"Workshop\""),
    ] {
        let yaml = std::fs::read_to_string(&input).unwrap().replace(from, to);
        let path = write(dir.path(), "pair.yaml", &yaml);
        let pdf = build_in(dir.path(), &path, &["--parallel", "--force"]);
        let (width, height) = common::page_size(&pdf);
        // The title blocks' rules: long horizontal strokes in the top half of page 1, one
        // in each column, at one height.
        let rules: Vec<_> = common::strokes(&pdf)[0]
            .iter()
            .filter(|s| (s.y1 - s.y2).abs() < 0.01 && (s.x2 - s.x1).abs() > width / 4.0 && s.y1 > height / 2.0)
            .copied()
            .collect();
        let (left, right): (Vec<common::Stroke>, Vec<common::Stroke>) =
            rules.iter().partition(|s| s.x1.min(s.x2) < width / 2.0);
        assert!(!left.is_empty() && !right.is_empty(), "{to}: {rules:?}");
        assert!((left[0].y1 - right[0].y1).abs() < 0.01, "{to}: the title rules are not level: {rules:?}");
        // Each column's running title in its language, under its column, and both markings.
        for (p, page) in runs(&pdf).iter().enumerate() {
            // The running line: where the English head is.
            let y = page.iter().find(|r| r.artifact && r.text.starts_with("ICT WORKSHOP")).expect("the English head").y;
            let footer: Vec<_> = page.iter().filter(|r| r.artifact && (r.y - y).abs() < 0.5).collect();
            let column = |right: bool| -> String {
                footer.iter().filter(|r| (r.x > width / 2.0) == right).map(|r| r.text.as_str()).collect()
            };
            let (en, ja) = (column(false), column(true));
            assert!(en.starts_with("ICT WORKSHOP") && !has_japanese(&en), "page {}: {en}", p + 1);
            assert!(ja.starts_with("ICT戦略ワークショップ"), "page {}: {ja}", p + 1);
            let text: String = page.iter().map(|r| r.text.as_str()).collect();
            assert!(text.contains("FOR OFFICIAL USE ONLY / 取扱注意"), "page {}: {text}", p + 1);
        }
    }
}

#[test]
fn side_by_side_each_marking_is_read_in_its_language() {
    // The joint marking "FOR OFFICIAL USE ONLY / 取扱注意" was one English paragraph: a
    // screen reader read the Japanese with an English voice.
    let dir = tempdir();
    let input = fixture_with(
        dir.path(),
        "  ja: \"総務省\"",
        "  ja: \"総務省\"\nmarking: { en: \"For official use only\", ja: \"取扱注意\" }",
    );
    let pdf = build_in(dir.path(), &input, &["--parallel", "--force"]);
    let tree = common::structure(&pdf);
    let marking = tree.children()[0];
    assert_eq!(marking.role, "P", "{marking:?}");
    let spans = marking.children();
    assert_eq!(spans.len(), 2, "{marking:?}");
    // The first column's marking (and the separator), printed in capitals, reads as typed.
    assert_eq!(spans[0].actual.as_deref(), Some("For official use only / "), "{marking:?}");
    assert_eq!((spans[1].lang.as_deref(), spans[1].text().as_str()), (Some("ja"), "取扱注意"), "{marking:?}");
    assert!(marking.actual.is_none(), "an /ActualText on the paragraph would hide the span's language");
    // Drawn in reading order, first on the page.
    let drawn: String = runs(&pdf)[0].iter().take(2).map(|r| r.text.clone()).collect();
    assert_eq!(drawn, "FOR OFFICIAL USE ONLY / 取扱注意");
    if let Some(text) = common::poppler_text(&pdf) {
        assert!(text.contains("For official use only / 取扱注意"), "{text}");
    }
}

#[test]
fn a_link_after_a_typed_space_in_a_japanese_column_reads_one_space() {
    // poppler read `詳細は  https://…` in the side-by-side column: the justified space at the
    // end of the text before the link was a gap it heard as a second space.
    let dir = common::tempdir();
    let yaml = "lang: [en, ja]\ntitle: { en: Dialogue, ja: 対話 }\ndate: 2026-06-18\ntopics:\n  - title: { en: AI, ja: AI }\n    body:\n      en: See https://example.org/ai-act-overview-document for details.\n      ja: 双方は、AI法及び広島AIプロセスの進捗を共有しました。詳細は https://example.org/ai-act-overview-document を参照。\ncontact:\n  tel: \"+81 3 5253 5920\"\n";
    let path = common::write(dir.path(), "bi.yaml", yaml);
    let pdf = common::build_in(dir.path(), &path, &["--parallel"]);
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("詳細は https://") && !text.contains("詳細は  "), "{text}");
}
