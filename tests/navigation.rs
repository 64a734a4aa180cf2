//! Finding one's way in and around the PDF: outline entries that open the right page at the
//! heading, page numbers, metadata and language, the marking and the DRAFT watermark, the
//! table of contents, links, the attached source YAML, and user templates that change only
//! what they name.

mod common;

use std::path::{Path, PathBuf};

use lopdf::{Document, Object, ObjectId};

use common::{assert_exit, briefing, build_in, fixture, info, lang, outline, page_texts, run, runs, seed, stderr};

/// Outline entries as (depth, title, page number from 1, top of the view in points).
fn outline_dests(pdf: &[u8]) -> Vec<(usize, String, usize, f32)> {
    let doc = common::load(pdf);
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut out = Vec::new();
    fn walk(
        doc: &Document,
        first: Option<ObjectId>,
        depth: usize,
        pages: &[ObjectId],
        out: &mut Vec<(usize, String, usize, f32)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let d = doc.get_dictionary(id).unwrap();
            let title = d.get(b"Title").map(common::decode).unwrap_or_default();
            let dest = d.get(b"Dest").and_then(Object::as_array).expect("an outline entry with a /Dest");
            let page =
                dest[0].as_reference().ok().and_then(|p| pages.iter().position(|&x| x == p)).map_or(0, |i| i + 1);
            let top = match dest.get(3) {
                Some(Object::Real(r)) => *r,
                Some(Object::Integer(i)) => *i as f32,
                _ => f32::NAN,
            };
            out.push((depth, title, page, top));
            walk(doc, d.get(b"First").and_then(Object::as_reference).ok(), depth + 1, pages, out);
            next = d.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let root = doc.catalog().unwrap().get(b"Outlines").and_then(Object::as_reference).expect("an outline");
    let first = doc.get_dictionary(root).unwrap().get(b"First").and_then(Object::as_reference).ok();
    walk(&doc, first, 0, &pages, &mut out);
    out
}

/// The outline the seed (or any briefing with an overview) should have.
fn expected_outline(path: &Path) -> Vec<(usize, String)> {
    let b = briefing(path);
    let mut out = vec![(0, "1. Overview".to_string()), (0, "2. Major achievements".to_string())];
    out.extend(b.topics.iter().enumerate().map(|(i, t)| (1, format!("{}. {}", i + 1, t.title))));
    out.push((0, "Contact".to_string()));
    out
}

/// Asserts that each outline entry opens the page its heading is printed on, with the
/// heading just below the top of the view. The contact entry opens at the contact block,
/// whose first line is its label (or, in templates without the label, the note).
fn assert_outline_points_at_headings(pdf: &[u8], contact_first_line: &str) {
    let runs = runs(pdf);
    for (_, title, page, top) in outline_dests(pdf) {
        // "1. Overview" is printed as the number "1." and the heading "Overview".
        let heading = match title.split_once(' ') {
            Some((n, rest)) if n.trim_end_matches('.').chars().all(|c| c.is_ascii_digit()) => rest,
            _ if title == "Contact" => contact_first_line,
            _ => title.as_str(),
        };
        assert!(page >= 1, "{title} points at no page");
        let on_page = &runs[page - 1];
        let found = on_page
            .iter()
            .filter(|r| !r.text.trim().is_empty() && heading.starts_with(r.text.trim()))
            .any(|r| r.y <= top && top - r.y <= 40.0);
        assert!(
            found,
            "outline entry {title:?} opens page {page} at y={top}, but {heading:?} is not just below there; \
             the page has {:?}",
            on_page.iter().map(|r| (r.y, r.text.as_str())).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_outline_lists_sections_and_topics_at_their_headings() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    let found: Vec<(usize, String)> = outline(&pdf).into_iter().map(|(d, t, _)| (d, t)).collect();
    assert_eq!(found, expected_outline(&seed()));
    assert_eq!(found[2].1, "1. 5G and Beyond 5G (6G)");
    assert_eq!(found.iter().filter(|e| e.0 == 1).count(), 8, "the 8 topics nest under Major achievements");
    assert_outline_points_at_headings(&pdf, "Contact");
}

#[test]
fn the_outline_follows_headings_when_contents_move_them() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &["--toc"]);
    let found: Vec<(usize, String)> = outline(&pdf).into_iter().map(|(d, t, _)| (d, t)).collect();
    assert_eq!(found, expected_outline(&seed()));
    assert_outline_points_at_headings(&pdf, "Contact");
}

#[test]
fn every_page_says_page_x_of_y() {
    let dir = common::tempdir();
    // Not the Japanese fixture: its footer may be localised.
    for (name, input) in [("seed", seed()), ("multilingual", fixture("multilingual-eu.yaml"))] {
        let pdf = build_in(dir.path(), &input, &[]);
        let pages = page_texts(&pdf);
        let n = pages.len();
        assert!(n >= 2, "{name}: the test wants several pages");
        for (i, text) in pages.iter().enumerate() {
            let want = format!("Page {} of {n}", i + 1);
            assert!(text.contains(&want), "{name}: page {} has no {want:?}:\n{text}", i + 1);
            assert_eq!(text.matches("Page ").count(), 1, "{name}: page {} numbered twice:\n{text}", i + 1);
        }
    }
}

#[test]
fn metadata_comes_from_the_briefing() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    let b = briefing(&seed());
    assert_eq!(info(&pdf, "Author"), b.organisation);
    assert_eq!(
        info(&pdf, "Subject").as_deref(),
        Some(
            "The Ministry of Internal Affairs and Communications (MIC) and the European Commission held the 10th \
             Japan-EU ICT Strategy Workshop in the form of a web-conference on Thursday, October 1, and Friday, \
             October 2, 2020."
        ),
        "Subject is the summary's first sentence"
    );
    let keywords = info(&pdf, "Keywords").expect("Keywords");
    for t in &b.topics {
        assert!(keywords.contains(&t.title), "Keywords lack {:?}: {keywords}", t.title);
    }
    for key in ["CreationDate", "ModDate"] {
        let date = info(&pdf, key).unwrap_or_default();
        assert!(date.starts_with("D:20201006"), "{key} is {date:?}, not the briefing's date");
    }
    assert_eq!(lang(&pdf).as_deref(), Some("en"));
}

#[test]
fn subject_and_language_follow_the_yaml() {
    let dir = common::tempdir();
    let yaml = common::seed_with("date: 2020-10-06\n", "date: 2020-10-06\nsubject: Outcome of the 10th workshop\n");
    let input = common::write(dir.path(), "subject.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    assert_eq!(info(&pdf, "Subject").as_deref(), Some("Outcome of the 10th workshop"));

    let ja = build_in(dir.path(), &fixture("japanese.yaml"), &[]);
    assert_eq!(lang(&ja).as_deref(), Some("ja"));
    assert_eq!(info(&ja, "Author").as_deref(), Some("総務省"));
    assert_eq!(
        info(&ja, "Subject").as_deref(),
        Some("総務省と欧州委員会は、2020年10月1日（木）及び2日（金）に、第10回日EU・ICT戦略ワークショップをウェブ会議形式で開催しました。")
    );
}

/// text43a F43a-28: a title, an organisation or a topic's title typed over two lines put a
/// line feed into the Title, the Author and the bookmark: a viewer showed the first line.
#[test]
fn a_title_typed_over_two_lines_is_one_line_in_the_metadata_and_outline() {
    let dir = common::tempdir();
    let yaml =
        "title: |\n  Results of the 5th EU-Japan\n  Digital Partnership Council\norganisation: |\n  Ministry of \
                Internal Affairs\n  International Policy Division\ndate: 2026-05-12\ntopics:\n  - title: |\n      \
                Two-line\n      topic title\n    body: x\ncontact:\n  tel: \"1\"\n";
    let input = common::write(dir.path(), "two-lines.yaml", yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    assert_eq!(info(&pdf, "Title").as_deref(), Some("Results of the 5th EU-Japan Digital Partnership Council"));
    assert_eq!(info(&pdf, "Author").as_deref(), Some("Ministry of Internal Affairs International Policy Division"));
    let titles: Vec<String> = outline_dests(&pdf).into_iter().map(|(_, title, ..)| title).collect();
    assert!(titles.iter().any(|t| t.ends_with("Two-line topic title")), "{titles:?}");
    assert!(titles.iter().all(|t| !t.contains('\n')), "{titles:?}");
}

#[test]
fn a_marking_is_on_every_page() {
    let dir = common::tempdir();
    let yaml = common::seed_with("date: 2020-10-06\n", "date: 2020-10-06\nmarking: For official use only\n");
    let input = common::write(dir.path(), "marked.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 2);
    for (i, text) in pages.iter().enumerate() {
        // At the top and foot, in the capitals of the default template's running lines.
        let found = text.matches("FOR OFFICIAL USE ONLY").count();
        assert_eq!(found, 2, "page {} has its marking {found} times:\n{text}", i + 1);
    }
    // Read from the structure (as pdf.js does), the marking's paragraph is in its typed case.
    let tree = common::structure(&pdf);
    let marking = tree.walk().into_iter().find(|e| e.role == "P" && e.text().trim() == "For official use only");
    let marking = marking.expect("the marking's paragraph");
    assert_eq!(marking.actual.as_deref(), Some("For official use only"), "{marking:?}");
}

#[test]
fn a_marking_and_a_running_head_read_without_the_characters_never_drawn() {
    // text37b F37b-4: a soft hyphen and a zero-width space, typed, stayed in the text they
    // read as (their /ActualText), so a search for the word missed them.
    let dir = common::tempdir();
    let typed = "date: 2020-10-06\nmarking: Nur für den Dienst\u{AD}ge\u{200B}brauch\nshort_title: Kurz\u{AD}titel\n";
    let input = common::write(dir.path(), "m.yaml", &common::seed_with("date: 2020-10-06\n", typed));
    let pdf = build_in(dir.path(), &input, &[]);
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("Nur für den Dienstgebrauch") && text.contains("Kurztitel"), "{text}");
    assert!(!text.contains(['\u{AD}', '\u{200B}']), "{text:?}");
}

#[test]
fn a_marking_keeps_small_irish_prefixes_in_irish_only() {
    let dir = common::tempdir();
    for (lang, marking, printed) in [
        ("en", "Not for the hEN or nGO", "NOT FOR THE HEN OR NGO"),
        ("ga", "Rúnda — an t-uisce, na hÉireann", "RÚNDA — AN tUISCE, NA hÉIREANN"),
    ] {
        let yaml =
            common::seed_with("date: 2020-10-06\n", &format!("date: 2020-10-06\nlang: {lang}\nmarking: {marking}\n"));
        let input = common::write(dir.path(), &format!("{lang}.yaml"), &yaml);
        let pdf = build_in(dir.path(), &input, &[]);
        // Drawn in the capitals of the default template's running lines, top and foot.
        let drawn: Vec<String> = runs(&pdf)[1].iter().filter(|r| r.artifact).map(|r| r.text.clone()).collect();
        assert_eq!(drawn.iter().filter(|t| t.contains(printed)).count(), 2, "{lang}: {drawn:?}");
    }
}

/// The operators of each page's content.
fn operators(pdf: &[u8]) -> Vec<Vec<String>> {
    common::contents(pdf)
        .iter()
        .map(|c| lopdf::content::Content::decode(c).unwrap().operations.into_iter().map(|o| o.operator).collect())
        .collect()
}

#[test]
fn draft_draws_a_watermark_that_is_not_text() {
    let dir = common::tempdir();
    let plain = build_in(dir.path(), &seed(), &[]);
    let yaml = common::seed_with("date: 2020-10-06\n", "date: 2020-10-06\ndraft: true\n");
    let input = common::write(dir.path(), "draft.yaml", &yaml);
    let draft = build_in(dir.path(), &input, &[]);

    // Its letters are outlines, not text: they never land in the middle of a sentence.
    let text = common::text(&draft);
    assert!(!text.contains("DRAFT"), "the watermark is text:\n{text}");
    assert_eq!(common::page_texts(&draft), common::page_texts(&plain), "the draft's text differs");
    common::assert_in_order(&text, &common::pieces(&input));

    // Every page carries a filled shape that the plain build does not have.
    let (plain_ops, draft_ops) = (operators(&plain), operators(&draft));
    let (plain_bytes, draft_bytes) = (common::contents(&plain), common::contents(&draft));
    assert_eq!(plain_ops.len(), draft_ops.len());
    for (i, (p, d)) in plain_ops.iter().zip(&draft_ops).enumerate() {
        assert!(!p.iter().any(|o| o == "f"), "page {} of the plain build has a fill", i + 1);
        assert!(d.iter().any(|o| o == "f"), "page {} of the draft has no filled watermark", i + 1);
        assert!(d.iter().filter(|o| *o == "c").count() > 20, "page {}: the watermark has no letter shapes", i + 1);
        assert!(draft_bytes[i].len() > plain_bytes[i].len() + 1000, "page {}: no room for a watermark", i + 1);
    }
}

#[test]
fn toc_adds_contents_with_page_numbers() {
    let dir = common::tempdir();
    let plain = build_in(dir.path(), &seed(), &[]);
    assert!(!common::text(&plain).contains("Contents"), "contents without --toc");
    let pdf = build_in(dir.path(), &seed(), &["--toc"]);
    let entries = outline(&pdf);
    let page1 = &runs(&pdf)[0];
    let heading = page1.iter().position(|r| r.text.trim() == "Contents").expect("a Contents heading on page 1");
    let mut after = heading;
    for (_, title, page) in &entries {
        // The entry's line, after the previous one, its number hanging before it, and a page
        // number on its baseline.
        let (number, text) = match title.split_once(' ') {
            Some((n, t)) if n.starts_with(|c: char| c.is_ascii_digit()) => (Some(n), t),
            _ => (None, title.as_str()),
        };
        let at = page1[after + 1..]
            .iter()
            .position(|r| r.text.trim() == text)
            .map(|i| i + after + 1)
            .unwrap_or_else(|| panic!("{title:?} is not listed in the contents (in order)"));
        let line = &page1[at];
        if let Some(number) = number {
            let hung = page1.iter().any(|r| (r.y - line.y).abs() < 0.5 && r.x < line.x && r.text.trim() == number);
            assert!(hung, "{title:?}: its number is not before its title");
        }
        let number = page1
            .iter()
            .filter(|r| (r.y - line.y).abs() < 0.5 && r.x > line.x + line.width)
            .find_map(|r| r.text.trim().parse::<usize>().ok())
            .unwrap_or_else(|| panic!("{title:?} has no page number in the contents"));
        assert_eq!(number, *page, "the contents say {title:?} is on page {number}, the outline says {page}");
        after = at;
    }
}

/// text48a F48a-7: a contents entry's number stood alone on its line when the title's first
/// word did not fit beside it, and a wrapped title's next lines started under the number.
/// The number hangs: every line of an entry's title starts where its first does, as every
/// title of its level does, and each number is on its title's first line.
#[test]
fn a_contents_entrys_number_hangs_before_its_title() {
    let dir = common::tempdir();
    let topics: String = (30..56)
        .map(|n| format!("  - title: {} and the interoperability of wallets\n    body: B.\n", "W".repeat(n)))
        .chain(["  - title: Short\n    body: B.\n".to_string()])
        .collect();
    let yaml = format!("title: R\ndate: 2026-05-12\ntopics:\n{topics}contact:\n  tel: \"1\"\n");
    let input = common::write(dir.path(), "long.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &["--toc"]);
    let pages = runs(&pdf);
    let listed: Vec<&common::Run> = pages
        .iter()
        .flatten()
        .take_while(|r| r.text.trim() != "B.")
        // (The topics' entries are regular; the sections' and the headings after are bold.)
        .filter(|r| !r.artifact && !r.text.trim().is_empty() && !r.font.contains("Bold") && r.mode == 0)
        .collect();
    // The topics' numbers, and the lines of their titles (the page numbers, at the right, aside).
    let numbers: Vec<&&common::Run> =
        listed.iter().filter(|r| r.text.trim().trim_end_matches('.').parse::<usize>().is_ok_and(|n| n >= 1)).collect();
    let right = listed.iter().map(|r| r.x).fold(0.0, f32::max);
    let titles: Vec<&&common::Run> = listed
        .iter()
        .filter(|r| r.text.contains('W') || r.text.contains("wallets") || r.text.trim() == "Short")
        .filter(|r| r.x < right - 1.0)
        .collect();
    // Where each line of a title starts: its leftmost run.
    let mut lines: Vec<(f32, f32, &str)> = Vec::new();
    for r in &titles {
        match lines.iter_mut().find(|l| (l.0 - r.y).abs() < 0.5) {
            Some(l) if r.x < l.1 => (l.1, l.2) = (r.x, &r.text),
            Some(_) => {}
            None => lines.push((r.y, r.x, &r.text)),
        }
    }
    assert!(lines.len() > 27, "the titles wrap: {lines:?}");
    let starts: Vec<f32> = lines.iter().map(|l| l.1).collect();
    for (_, x, text) in &lines {
        assert!((x - starts[0]).abs() < 0.5, "{text:?} starts at {x}, not at {}: {starts:?}", starts[0]);
    }
    for n in numbers.iter().filter(|n| n.x < starts[0]) {
        let title = titles.iter().find(|t| (t.y - n.y).abs() < 0.5);
        assert!(title.is_some(), "number {:?} stands alone on its line", n.text);
    }
    assert!(numbers.iter().filter(|n| n.x < starts[0]).count() >= 27, "every topic's number hangs");
}

/// A contents line's dot leaders are drawn, one dashed line of round dots per entry, not set
/// as `. . .` characters: a thousand briefings' contents held two thirds of the dossier's
/// characters so, and took longer to write than the briefings (text45b F45b-4).
#[test]
fn contents_leaders_are_drawn_dots_not_characters() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &["--toc"]);
    let entries = outline(&pdf).len();
    let page1 = common::squash(&common::page_texts(&pdf)[0]);
    assert!(page1.contains("Contents") && !page1.contains(".."), "leaders set as text:\n{page1}");
    // Each dashed line (`d` with dashes of no length) is one entry's leaders.
    let dotted: usize =
        common::contents(&pdf).iter().map(|c| String::from_utf8_lossy(c).matches(" 1 J [0 ").count()).sum();
    assert_eq!(dotted, entries, "one line of dots per entry of the contents");
    assert!(operators(&pdf)[0].iter().any(|o| o == "d"), "no dashed line on the contents page");
}

#[test]
fn links_show_their_address_and_are_clickable() {
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      See [the ministry's page](https://www.soumu.go.jp/english/) for more.\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let yaml = yaml.replace(
        "  fax: \"+81 3 5253 5924\"\n",
        "  fax: \"+81 3 5253 5924\"\n  email: inquiry@example.go.jp\n  url: https://www.soumu.go.jp/contact/\n",
    );
    let input = common::write(dir.path(), "links.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let pages = page_texts(&pdf);
    let links = common::links(&pdf);
    let on_page = |needle: &str| pages.iter().position(|t| t.contains(needle)).map(|i| i + 1);

    // A Markdown link prints its address and is a /Link to it on the page it is on.
    let page = on_page("https://www.soumu.go.jp/english/").expect("the link's address is printed");
    assert!(on_page("the ministry’s page").is_some(), "the apostrophe is typographic");
    assert!(links.contains(&(page, "https://www.soumu.go.jp/english/".into())), "no /Link on page {page}: {links:?}");
    // The contact's e-mail and web address are links too.
    let page = on_page("inquiry@example.go.jp").expect("the e-mail is printed");
    assert!(links.contains(&(page, "mailto:inquiry@example.go.jp".into())), "no mailto /Link: {links:?}");
    let page = on_page("https://www.soumu.go.jp/contact/").expect("the web address is printed");
    assert!(links.contains(&(page, "https://www.soumu.go.jp/contact/".into())), "no web /Link: {links:?}");
    // Nothing else is a link.
    assert!(links.len() <= 4, "unexpected links: {links:?}");

    // /Annots holds indirect references to the annotations (ISO 32000-1, table 30); some
    // readers and libraries (lopdf's get_page_annotations) see no links otherwise.
    let doc = common::load(&pdf);
    for (n, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(id).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else { continue };
        for a in annots {
            assert!(matches!(a, Object::Reference(_)), "page {}: an annotation written in place: {a:?}", n + 1);
        }
    }
    let seen: usize = doc.get_pages().values().map(|&id| doc.get_page_annotations(id).unwrap().len()).sum();
    assert_eq!(seen, links.len(), "lopdf sees {seen} annotations of {}", links.len());
}

/// text45a F45a-26: a zero-width space that a web page or Teams puts inside an address (to let
/// it wrap), or a soft hyphen, is printed as nothing, and led the link to `%E2%80%8B`: a dead
/// one. The link goes where the printed address does, in the PDF and on the web page.
#[test]
fn an_invisible_character_inside_an_address_is_not_in_its_link() {
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      See https://www.soumu.go.jp/menu_news/\u{200B}s-news/ and [the rules](https://example.eu/a\u{AD}b), \
         www.exa\u{200B}mple.org and https://eu\u{200B}ropa.eu/x (text49a F49a-21: inside the host).\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let yaml = yaml.replace(
        "  fax: \"+81 3 5253 5924\"\n",
        "  fax: \"+81 3 5253 5924\"\n  url: \"https://www.soumu.go.jp/\u{200B}english/\"\n",
    );
    let input = common::write(dir.path(), "zw.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &["--format", "pdf,html"]);
    let mut targets: Vec<String> = common::links(&pdf).into_iter().map(|(_, t)| t).collect();
    targets.sort();
    // (A Markdown link's text and its printed address are each a link.)
    targets.dedup();
    assert_eq!(
        targets,
        [
            "https://europa.eu/x",
            "https://example.eu/ab",
            "https://www.example.org",
            "https://www.soumu.go.jp/english/",
            "https://www.soumu.go.jp/menu_news/s-news/"
        ],
    );
    let html = std::fs::read_to_string(dir.path().join("zw.html")).unwrap();
    for target in &targets {
        assert!(html.contains(&format!("href=\"{target}\"")), "{target} not linked on the web page");
    }
    assert!(!html.contains("href=\"https://www.soumu.go.jp/\u{200B}"), "an invisible character in an href");
}

#[test]
fn link_addresses_with_other_letters_are_ascii_uris() {
    // A /URI is 7-bit ASCII (ISO 32000-1, 12.6.4.7): other letters are percent-encoded UTF-8.
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      See [the rules](https://example.eu/regeln/straße?für=ő) for more.\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let input = common::write(dir.path(), "iri.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    assert!(common::text(&pdf).contains("https://example.eu/regeln/straße?für=ő"), "the address as written is printed");
    let doc = common::load(&pdf);
    let mut uris = Vec::new();
    for (_, id) in doc.get_pages() {
        for a in doc.get_page_annotations(id).unwrap() {
            if let Ok(Object::String(bytes, _)) = a.get(b"A").and_then(Object::as_dict).and_then(|d| d.get(b"URI")) {
                uris.push(bytes.clone());
            }
        }
    }
    assert!(!uris.is_empty(), "no link");
    for uri in &uris {
        assert!(uri.is_ascii(), "a /URI that is not ASCII: {:?}", String::from_utf8_lossy(uri));
        assert_eq!(String::from_utf8_lossy(uri), "https://example.eu/regeln/stra%C3%9Fe?f%C3%BCr=%C5%91");
    }
}

#[test]
fn the_source_yaml_round_trips() {
    let dir = common::tempdir();
    let input = dir.path().join("seed.yaml");
    std::fs::copy(seed(), &input).unwrap();
    assert_exit(&run(dir.path(), &["build", "seed.yaml"]), 0);
    let o = run(dir.path(), &["extract", "seed.pdf", "-o", "back.yaml"]);
    assert_exit(&o, 0);
    assert!(
        std::fs::read(dir.path().join("back.yaml")).unwrap() == std::fs::read(&input).unwrap(),
        "not the same bytes"
    );

    // Without -o, under its own name next to the PDF, and never over an existing file.
    let o = run(dir.path(), &["extract", "seed.pdf"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("seed.yaml"), "{}", stderr(&o));
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::fs::rename(dir.path().join("seed.pdf"), dir.path().join("elsewhere/seed.pdf")).unwrap();
    assert_exit(&run(dir.path(), &["extract", "elsewhere/seed.pdf"]), 0);
    assert!(std::fs::read(dir.path().join("elsewhere/seed.yaml")).unwrap() == std::fs::read(&input).unwrap());
}

/// Builds `bytes` as `name` and extracts the attachment again.
fn round_trip(name: &str, bytes: &[u8]) -> Vec<u8> {
    let dir = common::tempdir();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    assert_exit(&run(dir.path(), &["build", name, "-o", "out.pdf"]), 0);
    assert_exit(&run(dir.path(), &["extract", "out.pdf", "-o", "back.yaml"]), 0);
    std::fs::read(dir.path().join("back.yaml")).unwrap()
}

#[test]
fn the_source_round_trips_with_windows_line_ends() {
    let crlf = std::fs::read_to_string(seed()).unwrap().replace('\n', "\r\n").into_bytes();
    assert!(round_trip("crlf.yaml", &crlf) == crlf, "CRLF line ends did not survive");
}

#[test]
fn the_source_round_trips_with_a_byte_order_mark() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(std::fs::read(seed()).unwrap());
    let back = round_trip("bom.yaml", &bom);
    assert!(back == bom, "extracted {} bytes of {}: the byte order mark was lost", back.len(), bom.len());
}

#[test]
fn no_embed_source_leaves_no_attachment() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &seed(), &["--no-embed-source"]);
    let doc = common::load(&pdf);
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"AF").is_err(), "an /AF without a source");
    assert!(catalog.get(b"Names").is_err(), "a /Names tree without a source");
    assert!(
        !doc.objects.values().any(|o| o.as_stream().is_ok_and(|s| s.dict.has_type(b"EmbeddedFile"))),
        "an embedded file without a source"
    );
    // A PDF without a source is an input extract cannot use: exit 1, as for any bad input.
    let o = run(dir.path(), &["extract", "japan-eu-ict-workshop-10.pdf", "-o", "back.yaml"]);
    assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("no embedded source"), "{}", common::stderr(&o));
    assert!(!dir.path().join("back.yaml").exists());
}

/// The text of the first paragraph of a Markdown field.
fn first_paragraph(blocks: &[briefing::markdown::Block]) -> String {
    match &blocks[0] {
        briefing::markdown::Block::Paragraph(inl) => briefing::markdown::plain_text(inl),
        other => panic!("not a paragraph: {other:?}"),
    }
}

/// A template file in `dir`.
fn template(dir: &Path, text: &str) -> PathBuf {
    common::write(dir, "mine.yaml", text)
}

/// The sizes of the runs whose text starts `piece` (its first line on the page).
fn sizes_of(pdf: &[u8], piece: &str) -> Vec<f32> {
    runs(pdf)
        .iter()
        .flatten()
        .filter(|r| r.text.trim().len() > 3 && piece.starts_with(r.text.trim()))
        .map(|r| r.size)
        .collect()
}

#[test]
fn a_user_template_changes_only_what_it_names() {
    let dir = common::tempdir();
    let mine = template(dir.path(), "labels: {overview: Summary}\nstyles: {body: {size: 12}}\n");
    let default = build_in(dir.path(), &seed(), &[]);
    let custom = build_in(dir.path(), &seed(), &["--template", mine.to_str().unwrap()]);
    let text = common::text(&custom);
    let b = briefing(&seed());

    // What it names: the label, and the body's size.
    let titles: Vec<String> = outline(&custom).into_iter().map(|(_, t, _)| t).collect();
    assert!(titles.contains(&"1. Summary".to_string()), "{titles:?}");
    assert!(!text.contains("Overview"), "the old label is still printed");
    assert!(text.contains("Summary"));
    let overview = first_paragraph(&b.overview);
    assert!(common::squash(&text).contains(&common::squash(&overview)));
    assert_eq!(sizes_of(&default, &overview), vec![10.5], "the default body size");
    assert_eq!(sizes_of(&custom, &overview), vec![12.0], "the template's body size");

    // Everything else stays as the default has it.
    assert!(titles.contains(&"2. Major achievements".to_string()), "{titles:?}");
    assert!(titles.contains(&"Contact".to_string()));
    assert!(text.contains("TEL: +81 3 5253 5920"));
    assert!(text.contains("October 6, 2020"), "the date format changed");
    // (The sizes a piece is printed in: the title also runs in the header of every page,
    // and the larger body makes more pages.)
    let distinct = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v.dedup();
        v
    };
    for piece in [&b.title, &first_paragraph(&b.summary), b.heading.as_ref().unwrap(), &b.topics[0].title] {
        assert_eq!(
            distinct(sizes_of(&custom, piece)),
            distinct(sizes_of(&default, piece)),
            "the size of {piece:?} changed"
        );
    }
    assert_eq!(common::page_size(&custom), common::page_size(&default));
    assert_eq!(common::runs(&custom)[0][0].x, common::runs(&default)[0][0].x, "the margin changed");
    common::assert_in_order(&common::body_text(&custom), &common::pieces(&seed()));
}

#[test]
fn a_template_mistake_is_reported_at_its_line() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("seed.yaml")).unwrap();
    template(dir.path(), "# my look\nstyles:\n  body: {colour: \"#000000\"}\n");
    let o = run(dir.path(), &["build", "seed.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("did you mean `color`"), "{err}");
    assert!(err.contains("mine.yaml:3:"), "not at the template's line 3:\n{err}");
    assert!(!dir.path().join("seed.pdf").exists());
}

#[test]
fn numbered_citations_print_with_their_list_of_sources() {
    // text44a F44a-3: `the AI Act [1]` with `[1]: https://eur-lex…` under it printed "the AI Act
    // 1 (https://…)", and the list of sources typed under it not at all.
    let dir = common::tempdir();
    let yaml = common::seed_with(
        "      Japan explained the efforts to institutionalize trust services",
        "      The Commission presented the AI Act [1] and the Data Act [2].\n\n      \
         [1]: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n      \
         [2]: https://eur-lex.europa.eu/eli/reg/2023/2854/oj\n\n      \
         Japan explained the efforts to institutionalize trust services",
    );
    let input = common::write(dir.path(), "cites.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let text = page_texts(&pdf).join("\n");
    let lines = [
        "The Commission presented the AI Act [1] and the Data Act [2].",
        "[1]: https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "[2]: https://eur-lex.europa.eu/eli/reg/2023/2854/oj",
    ];
    common::assert_in_order(&text, &lines.map(String::from));
    assert!(!common::squash(&text).contains("AIAct1"), "{text}");
    // Each source a line of its own, as typed.
    assert!(text.lines().any(|l| l.trim_start().starts_with("[2]: https://eur")), "{text}");
    let links = common::links(&pdf);
    assert!(links.iter().any(|(_, uri)| uri == "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"), "{links:?}");
}

#[test]
fn a_contents_entry_of_one_long_word_describes_each_of_its_lines_briefly() {
    // text46a F46a-21: each line of a contents entry is a link annotation, and each carried the
    // whole title as its description: a 200 KB one-word title ran over 4,000 lines, 1.1 GB; a
    // 1.9 MB title aborted. Each description is now at most a bookmark's length, so what is
    // written grows with the title, not with its square.
    let dir = common::tempdir();
    let word = "W".repeat(20_000);
    let yaml = format!(
        "title: R\ndate: 2026-05-12\ntopics:\n  - title: {word}\n    body: B.\ncontact:\n  tel: \"+81 3 5253 5920\"\n"
    );
    let input = common::write(dir.path(), "long.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &["--toc"]);
    let doc = common::load(&pdf);
    let descriptions: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Link".as_slice()))
        .filter_map(|d| d.get(b"Contents").ok().map(common::decode))
        .filter(|c| c.contains("WWW"))
        .collect();
    // The entry runs over hundreds of lines, each clickable.
    assert!(descriptions.len() >= 100, "only {} lines of the entry are links", descriptions.len());
    for d in &descriptions {
        assert!(d.chars().count() <= 210 && d.ends_with('…'), "a description of {} characters", d.chars().count());
    }
}
