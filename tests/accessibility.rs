//! What a screen reader and a recipient's tools get from a briefing: the structure tree in
//! reading order, lists, tables and links as structure, live links for every address, contents
//! that lead to their pages, metadata that agrees with itself, and a watermark that reads the
//! right way up. These are the Matterhorn Protocol's conditions that validators cannot judge.

mod common;

use common::{build_in, fixture, load, pieces, run, seed, structure, tempdir, write, Elem};
use lopdf::Object;

fn roles(tree: &Elem) -> Vec<String> {
    tree.walk().into_iter().map(|e| e.role.clone()).collect()
}

fn heading_level(role: &str) -> Option<u8> {
    role.strip_prefix('H').and_then(|n| n.parse().ok())
}

/// Headings: the first is H1, and none is more than one level below the one before it.
#[track_caller]
fn assert_headings_nest(tree: &Elem) {
    let levels: Vec<u8> = roles(tree).iter().filter_map(|r| heading_level(r)).collect();
    assert_eq!(levels.first(), Some(&1), "{levels:?}");
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "a heading level is skipped: {levels:?}");
    }
}

#[test]
fn the_seed_is_a_title_then_headings_and_paragraphs_in_reading_order() {
    let dir = tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    let tree = structure(&pdf);
    assert_eq!(tree.role, "Document");
    let kids: Vec<(String, String)> = tree.children().iter().map(|e| (e.role.clone(), e.text())).collect();
    // The title, the date and organisation, the summary's three paragraphs, the part heading,
    // Overview with its paragraph, Major achievements, then each topic's heading and body.
    let b = common::briefing(&seed());
    assert_eq!(kids[0], ("H1".to_string(), b.title.clone()), "{kids:?}");
    let expected_roles = ["H1", "P", "P", "P", "P", "P", "H2", "H2", "P", "H2", "H3", "P", "P", "H3", "P"];
    let got: Vec<&str> = kids.iter().map(|k| k.0.as_str()).take(expected_roles.len()).collect();
    assert_eq!(got, expected_roles);
    assert_eq!(kids[7].1, "1. Overview");
    assert_eq!(kids[10].1, "1. 5G and Beyond 5G (6G)");
    let topics: Vec<&(String, String)> = kids.iter().filter(|k| k.0 == "H3").collect();
    assert_eq!(topics.len(), b.topics.len());
    // The contact block: one element holding its label and lines.
    let contact = tree.children().into_iter().last().unwrap();
    assert_eq!(contact.role, "Div");
    assert_eq!(contact.children()[0].role, "H2");
    assert!(contact.text().contains("+81 3 5253 5920"));
    assert_headings_nest(&tree);
    // Read in structure order, the text is the briefing's, complete and in order.
    common::assert_in_order(&tree.text(), &pieces(&seed()));
}

/// Every text the pages draw is either marked content that the structure tree holds, or an
/// artifact; and the tree holds nothing that is not drawn.
#[track_caller]
fn assert_everything_is_tagged(what: &str, pdf: &[u8]) {
    let doc = load(pdf);
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    let mut drawn = std::collections::BTreeSet::new();
    for (p, page) in common::runs(pdf).iter().enumerate() {
        for r in page {
            match (r.mcid, r.artifact) {
                (Some(m), false) => {
                    drawn.insert((p, m));
                }
                (None, true) => {}
                _ => panic!("{what}: page {}: {:?} is neither tagged nor an artifact", p + 1, r.text),
            }
        }
    }
    // The parent tree leads from each page's MCIDs to elements.
    let catalog = doc.catalog().unwrap();
    let root = doc.get_dictionary(catalog.get(b"StructTreeRoot").unwrap().as_reference().unwrap()).unwrap();
    let tree = doc.get_dictionary(root.get(b"ParentTree").unwrap().as_reference().unwrap()).unwrap();
    let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
    for (p, id) in page_ids.iter().enumerate() {
        let key = doc.get_dictionary(*id).unwrap().get(b"StructParents").unwrap().as_i64().unwrap();
        let entry = nums.chunks(2).find(|c| c[0].as_i64().ok() == Some(key)).expect("a parent tree entry per page");
        let parents = entry[1].as_array().unwrap();
        for &(page, mcid) in drawn.iter().filter(|(page, _)| *page == p) {
            assert!(
                matches!(parents.get(mcid as usize), Some(Object::Reference(_))),
                "{what}: page {} MCID {mcid} has no element (page {page})",
                p + 1
            );
        }
    }
}

#[test]
fn everything_drawn_is_content_or_an_artifact() {
    let dir = tempdir();
    let draft =
        write(dir.path(), "draft.yaml", &common::seed_with("title: ", "draft: true\nmarking: Internal\ntitle: "));
    for (what, path, extra) in [
        ("seed", seed(), &[][..]),
        ("draft with contents", draft, &["--toc"][..]),
        ("Japanese", fixture("japanese.yaml"), &[][..]),
        ("multilingual", fixture("multilingual-eu.yaml"), &["--template", "one-pager"][..]),
    ] {
        let pdf = build_in(dir.path(), &path, extra);
        assert_everything_is_tagged(what, &pdf);
        let tree = structure(&pdf);
        assert_headings_nest(&tree);
        // Running headers and footers are artifacts: the structure holds the title once.
        let title = common::briefing(&path).title;
        let text = common::squash(&tree.text());
        assert_eq!(text.matches(&common::squash(&title)).count(), 1, "{what}");
    }
}

const BODY: &str = "topics:
  - title: Structure
    body: |
      Points:

      - first point
      - second point
        1. nested one
        2. nested two

      3. third
      4. fourth

      | Item | Owner | Due |
      |------|-------|----:|
      | 5G   | MIC   | 2021 |
      | AI   |       | 2022 |

      > A quote from the dialogue.

      Run `briefing check` first:

      ```
      briefing build x.yaml
      ```
";

#[test]
fn lists_tables_quotes_and_code_are_structure() {
    let dir = tempdir();
    let yaml = common::seed_with("topics:\n", &format!("{BODY}  - title: Next\n    body: |\n      More.\n"));
    let path = write(dir.path(), "blocks.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let tree = structure(&pdf);
    let all = tree.walk();
    let lists: Vec<&&Elem> = all.iter().filter(|e| e.role == "L").collect();
    assert_eq!(lists.len(), 3, "bullet list, nested numbered list, numbered list");
    assert_eq!(lists[0].attrs.get("ListNumbering").map(String::as_str), Some("Disc"));
    assert_eq!(lists[1].attrs.get("ListNumbering").map(String::as_str), Some("Decimal"));
    for l in &lists {
        for li in l.children() {
            assert_eq!(li.role, "LI");
            let parts: Vec<&str> = li.children().iter().map(|e| e.role.as_str()).collect();
            assert!(parts == ["LBody"] || parts == ["Lbl", "LBody"], "{parts:?}");
        }
    }
    // The numbered list's labels are its numbers; the nested list sits inside its item.
    let numbered = lists[2].children();
    assert_eq!(numbered[0].children()[0].text().trim_end(), "3.");
    assert_eq!(numbered[0].children()[1].text(), "third");
    assert!(lists[0].children()[1].walk().iter().any(|e| e.role == "L"), "nested list inside the second item");

    let table = all.iter().find(|e| e.role == "Table").expect("a table");
    let rows = table.children();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.role, "TR");
        assert_eq!(row.children().len(), 3, "every row has its three cells, empty ones too");
    }
    let header: Vec<&Elem> = rows[0].children();
    assert!(header.iter().all(|c| c.role == "TH" && c.attrs.get("Scope").map(String::as_str) == Some("Column")));
    assert_eq!(header.iter().map(|c| c.text()).collect::<Vec<_>>(), ["Item", "Owner", "Due"]);
    assert!(rows[1].children().iter().all(|c| c.role == "TD"));
    assert_eq!(rows[2].children()[1].text(), "");

    let quote = all.iter().find(|e| e.role == "BlockQuote").expect("a quote");
    assert_eq!(quote.children()[0].role, "P");
    let codes: Vec<String> = all.iter().filter(|e| e.role == "Code").map(|e| e.text()).collect();
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0], "briefing check");
    assert_eq!(common::squash(&codes[1]), "briefingbuildx.yaml");
}

/// Link annotations per page: (page from 1, annotation).
fn annotations(pdf: &[u8]) -> Vec<(usize, lopdf::Dictionary)> {
    let doc = load(pdf);
    let mut out = Vec::new();
    for (n, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(id).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(|a| a.as_array()) else { continue };
        assert_eq!(
            page.get(b"Tabs").and_then(|t| t.as_name()).ok(),
            Some(b"S".as_slice()),
            "tab order follows the structure"
        );
        for a in annots {
            out.push((n + 1, doc.get_dictionary(a.as_reference().unwrap()).unwrap().clone()));
        }
    }
    out
}

fn uri(a: &lopdf::Dictionary) -> Option<String> {
    a.get(b"A").ok()?.as_dict().ok()?.get(b"URI").ok().map(common::decode)
}

#[test]
fn every_address_in_the_text_is_a_live_link() {
    let dir = tempdir();
    let long = format!("https://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/{}/index.html", "pressrelease".repeat(8));
    let body = format!(
        "topics:\n  - title: Links\n    body: |\n      See https://www.soumu.go.jp/menu_news/s-news/01tsushin08_02000088.html, \
         the [Commission's page](https://digital-strategy.ec.europa.eu/en) or write to ict-eu@soumu.go.jp.\n\n      \
         The full report: {long}\n  - title: Next\n    body: |\n      More.\n"
    );
    let yaml = common::seed_with("topics:\n", &body).replace(
        "  fax: \"+81 3 5253 5924\"\n",
        "  fax: \"+81 3 5253 5924\"\n  email: desk@soumu.go.jp\n  url: www.soumu.go.jp\n",
    );
    let path = write(dir.path(), "links.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let annots = annotations(&pdf);
    let targets: Vec<String> = annots.iter().filter_map(|(_, a)| uri(a)).collect();
    for expected in [
        "https://www.soumu.go.jp/menu_news/s-news/01tsushin08_02000088.html",
        "https://digital-strategy.ec.europa.eu/en",
        "mailto:ict-eu@soumu.go.jp",
        long.as_str(),
        "mailto:desk@soumu.go.jp",
        "https://www.soumu.go.jp",
    ] {
        assert!(targets.iter().any(|t| t == expected), "no link to {expected}: {targets:?}");
    }
    for (_, a) in &annots {
        assert!(a.get(b"Contents").is_ok_and(|c| !common::decode(c).is_empty()), "{a:?}");
        assert_eq!(a.get(b"F").and_then(|f| f.as_i64()).ok(), Some(4), "printable");
        assert!(a.get(b"StructParent").is_ok());
    }
    // Each link is one Link element holding its text and its annotations; the long address,
    // broken across lines, is clickable on each of them.
    let tree = structure(&pdf);
    let links: Vec<&Elem> = tree.walk().into_iter().filter(|e| e.role == "Link").collect();
    let long_link = links
        .iter()
        .find(|l| common::squash(&l.text()) == common::squash(&long))
        .expect("one element for the long address");
    let rects: Vec<f32> = long_link
        .annots()
        .iter()
        .map(|a| match &a.get(b"Rect").unwrap().as_array().unwrap()[1] {
            Object::Real(r) => *r,
            Object::Integer(i) => *i as f32,
            _ => 0.0,
        })
        .collect();
    assert!(rects.len() >= 2, "one annotation per line: {rects:?}");
    assert!(rects.windows(2).all(|w| w[0] != w[1]), "on different lines: {rects:?}");
    assert!(links.iter().all(|l| !l.annots().is_empty()));
    let objrs: usize = links.iter().map(|l| l.annots().len()).sum();
    assert_eq!(objrs, annots.len(), "every annotation sits in a Link element");
}

/// The page (from 1) each contents entry's link leads to, by entry text.
fn contents_links(pdf: &[u8]) -> Vec<(String, usize)> {
    let doc = load(pdf);
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let tree = structure(pdf);
    let mut out = Vec::new();
    for item in tree.walk().into_iter().filter(|e| e.role == "TOCI") {
        let link = &item.children()[0];
        assert_eq!(link.role, "Link");
        let annot = link.annots()[0];
        let dest = annot.get(b"Dest").unwrap().as_array().unwrap();
        let page = pages.iter().position(|&p| p == dest[0].as_reference().unwrap()).unwrap() + 1;
        out.push((link.text(), page));
    }
    out
}

#[test]
fn contents_entries_lead_to_their_pages() {
    let dir = tempdir();
    let pdf = build_in(dir.path(), &seed(), &["--toc"]);
    let outline = common::outline(&pdf);
    let entries = contents_links(&pdf);
    assert_eq!(entries.len(), outline.len());
    for ((text, page), (_, title, outline_page)) in entries.iter().zip(&outline) {
        // The entry's text is its title and the page number it prints.
        assert!(common::squash(text).starts_with(&common::squash(title)), "{text:?} for {title:?}");
        assert!(text.ends_with(&outline_page.to_string()), "{text:?} prints page {outline_page}");
        assert_eq!(page, outline_page, "{title} links to page {page}");
    }
    assert!(entries.iter().any(|e| e.1 > 1), "some entries are on later pages");
}

#[test]
fn a_dossier_cover_leads_to_each_briefing() {
    let dir = tempdir();
    let out = dir.path().join("dossier.pdf");
    let (a, b) = (seed(), fixture("japanese.yaml"));
    let o = run(
        dir.path(),
        &["bundle", a.to_str().unwrap(), b.to_str().unwrap(), "-o", out.to_str().unwrap(), "--title", "Dossier"],
    );
    common::assert_exit(&o, 0);
    let pdf = std::fs::read(&out).unwrap();
    let entries = contents_links(&pdf);
    let titles = [common::briefing(&a).title, common::briefing(&b).title];
    assert_eq!(entries.len(), 2);
    let page_texts = common::page_texts(&pdf);
    for ((text, page), title) in entries.iter().zip(&titles) {
        assert!(common::squash(text).starts_with(&common::squash(title)), "{text}");
        assert!(
            common::squash(&page_texts[page - 1]).contains(&common::squash(title)),
            "{title} is not on page {page}"
        );
    }
    // Each briefing is a section in its own language.
    let tree = structure(&pdf);
    let sects: Vec<&Elem> = tree.children().into_iter().filter(|e| e.role == "Sect").collect();
    assert_eq!(sects.iter().map(|s| s.lang.clone()).collect::<Vec<_>>(), [None, Some("ja".to_string())]);
    assert_headings_nest(&tree);
    // Its contents entries are each in their briefing's language, and read the page number
    // as a word of its own.
    let items: Vec<&Elem> = tree.walk().into_iter().filter(|e| e.role == "TOCI").collect();
    assert_eq!(items.iter().map(|e| e.lang.clone()).collect::<Vec<_>>(), [None, Some("ja".to_string())]);
    for (item, ((_, page), title)) in items.iter().zip(entries.iter().zip(&titles)) {
        assert_eq!(spoken(item).split_whitespace().collect::<Vec<_>>().join(" "), format!("{title} {page}"));
    }
    // A marking the cover takes from a briefing in another language is in that language.
    let with_marking = |from: &std::path::Path, name: &str, marking: &str| {
        let yaml = std::fs::read_to_string(from).unwrap();
        write(dir.path(), name, &yaml.replacen("\ntitle:", &format!("\nmarking: {marking}\ntitle:"), 1))
    };
    let cover = |parts: &[&std::path::Path]| {
        let mut args = vec!["bundle"];
        args.extend(parts.iter().map(|p| p.to_str().unwrap()));
        args.extend(["-o", out.to_str().unwrap(), "--title", "D"]);
        common::assert_exit(&run(dir.path(), &args), 0);
        structure(&std::fs::read(&out).unwrap()).children()[0].clone()
    };
    let marked = with_marking(&b, "marked.yaml", "取扱注意");
    let first = cover(&[&a, &marked]);
    assert_eq!((first.role.as_str(), first.lang.as_deref(), first.text().as_str()), ("P", Some("ja"), "取扱注意"));
    // Markings in two languages: the cover's marking is one paragraph, a span in each.
    let english = with_marking(&a, "english.yaml", "For official use only");
    let first = cover(&[&english, &marked]);
    assert_eq!((first.role.as_str(), first.lang.as_deref()), ("P", None), "{first:?}");
    let spans = |first: &Elem| -> Vec<(Option<String>, String)> {
        first.children().iter().map(|e| (e.lang.clone(), spoken(e).trim().to_string())).collect()
    };
    let lang = |l: Option<&str>, text: &str| (l.map(str::to_string), text.to_string());
    assert_eq!(spans(&first), [lang(None, "For official use only /"), lang(Some("ja"), "取扱注意")]);
    // In three languages, each marking is a span in its own: the third was read in the
    // second's span, in no language of its own.
    let greek = write(
        dir.path(),
        "greek.yaml",
        &std::fs::read_to_string(&english).unwrap().replacen(
            "marking: For official use only",
            "lang: el\nmarking: Μόνο για υπηρεσιακή χρήση",
            1,
        ),
    );
    let first = cover(&[&english, &marked, &greek]);
    assert_eq!((first.role.as_str(), first.lang.as_deref()), ("P", None), "{first:?}");
    let expected = [
        lang(None, "For official use only /"),
        lang(Some("ja"), "取扱注意 /"),
        lang(Some("el"), "Μόνο για υπηρεσιακή χρήση"),
    ];
    assert_eq!(spans(&first), expected);
    // A marking of two scripts, on a cover or not: its Japanese is a span in Japanese.
    let mixed = with_marking(&a, "mixed.yaml", "取扱注意 / Restricted");
    let first = cover(&[&mixed, &greek]);
    let expected =
        [lang(Some("ja"), "取扱注意"), lang(None, "/ Restricted /"), lang(Some("el"), "Μόνο για υπηρεσιακή χρήση")];
    assert_eq!(spans(&first), expected);
}

#[test]
fn japanese_in_other_text_and_topics_in_other_languages_say_so() {
    let dir = tempdir();
    let body = "topics:\n  - title: Beyond 5G\n    body: |\n      The strategy (Beyond 5G推進戦略, in Japanese) was explained.\n  \
                - title: Données\n    lang: fr\n    body: |\n      La Commission a présenté sa stratégie.\n";
    let path = write(dir.path(), "langs.yaml", &common::seed_with("topics:\n", body));
    let pdf = build_in(dir.path(), &path, &[]);
    assert_eq!(common::lang(&pdf).as_deref(), Some("en"));
    let tree = structure(&pdf);
    // (The line it is on, spaced a quarter em beside the Latin text, is also a Span in each
    // element, which reads as typed: those say no language of their own.)
    let (spoken, spans): (Vec<&Elem>, Vec<&Elem>) =
        tree.walk().into_iter().filter(|e| e.role == "Span").partition(|e| e.actual.is_some());
    for span in &spoken {
        assert_eq!((span.actual.clone(), span.lang.as_deref()), (Some(span.text()), None), "{span:?}");
    }
    let spans: Vec<(Option<String>, String)> = spans.iter().map(|e| (e.lang.clone(), e.text())).collect();
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(spans[0].0.as_deref(), Some("ja"));
    assert!(spans[0].1.contains("推進戦略"), "{spans:?}");
    let french: Vec<&Elem> = tree.walk().into_iter().filter(|e| e.lang.as_deref() == Some("fr")).collect();
    let texts: Vec<String> = french.iter().map(|e| e.text()).collect();
    assert!(texts.iter().any(|t| t.contains("Données")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("La Commission")), "{texts:?}");
    // A bad tag is an error at its line.
    let bad = write(
        dir.path(),
        "bad.yaml",
        &common::seed_with("topics:\n", "topics:\n  - title: X\n    lang: French\n    body: Y\n"),
    );
    let o = run(dir.path(), &["check", bad.to_str().unwrap()]);
    common::assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("topics[0].lang"), "{}", common::stderr(&o));
}

/// The XMP packet's value of `tag` (`<tag>value</tag>`, or the first `rdf:li` inside it).
fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    let start = xmp.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = start + xmp[start..].find(&format!("</{tag}>"))?;
    let inner = &xmp[start..end];
    let value = match inner.find("<rdf:li") {
        Some(li) => {
            let from = li + inner[li..].find('>')? + 1;
            &inner[from..from + inner[from..].find("</rdf:li>")?]
        }
        None => inner,
    };
    Some(
        value
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'"),
    )
}

fn xmp(pdf: &[u8]) -> String {
    let doc = load(pdf);
    let id = doc.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    assert!(stream.dict.get(b"Filter").is_err(), "the packet is readable without PDF tools");
    String::from_utf8(stream.content.clone()).unwrap()
}

#[test]
fn xmp_and_the_information_dictionary_agree() {
    let dir = tempdir();
    let yaml = common::seed_with("title: Results of", "title: R&D <Results> of");
    let path = write(dir.path(), "meta.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let x = xmp(&pdf);
    let info = |k: &str| common::info(&pdf, k).unwrap_or_else(|| panic!("no /{k}"));
    assert_eq!(xmp_value(&x, "dc:title"), Some(info("Title")));
    assert!(info("Title").starts_with("R&D <Results> of"));
    assert_eq!(xmp_value(&x, "dc:creator"), Some(info("Author")));
    assert_eq!(xmp_value(&x, "dc:description"), Some(info("Subject")));
    assert_eq!(xmp_value(&x, "pdf:Keywords"), Some(info("Keywords")));
    assert_eq!(xmp_value(&x, "pdf:Producer"), Some(info("Producer")));
    assert_eq!(xmp_value(&x, "xmp:CreatorTool"), Some(info("Creator")));
    // D:20201006000000Z and 2020-10-06T00:00:00Z are the same moment.
    assert_eq!(info("CreationDate"), "D:20201006000000Z");
    assert_eq!(xmp_value(&x, "xmp:CreateDate").as_deref(), Some("2020-10-06T00:00:00Z"));
    assert_eq!(xmp_value(&x, "xmp:ModifyDate").as_deref(), Some("2020-10-06T00:00:00Z"));
    assert_eq!(info("ModDate"), "D:20201006000000Z");
    assert_eq!(xmp_value(&x, "pdfaid:part").as_deref(), Some("3"));
    assert_eq!(xmp_value(&x, "pdfaid:conformance").as_deref(), Some("A"));
    assert_eq!(xmp_value(&x, "pdfuaid:part").as_deref(), Some("1"));
    assert_eq!(xmp_value(&x, "xmp:Label"), None, "not a draft");
    // The catalog: tagged, with the language and the title shown.
    let doc = load(&pdf);
    let catalog = doc.catalog().unwrap();
    let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap().get(b"Marked").unwrap().as_bool().unwrap();
    assert!(marked);
    let prefs = catalog.get(b"ViewerPreferences").unwrap().as_dict().unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    assert!(catalog.get(b"OutputIntents").is_ok());
    // A draft says so.
    let draft = write(dir.path(), "draft.yaml", &common::seed_with("title: ", "draft: true\ntitle: "));
    let pdf = build_in(dir.path(), &draft, &[]);
    assert_eq!(xmp_value(&xmp(&pdf), "xmp:Label").as_deref(), Some("Draft"));
}

#[test]
fn the_attached_source_is_a_pdf_a_3_associated_file() {
    let dir = tempdir();
    let pdf = build_in(dir.path(), &seed(), &[]);
    let doc = load(&pdf);
    let af = doc.catalog().unwrap().get(b"AF").unwrap().as_array().unwrap().clone();
    let spec = doc.get_dictionary(af[0].as_reference().unwrap()).unwrap();
    assert_eq!(spec.get(b"AFRelationship").unwrap().as_name().unwrap(), b"Source");
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let file = doc.get_object(ef.get(b"F").unwrap().as_reference().unwrap()).unwrap().as_stream().unwrap();
    assert_eq!(file.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"application/yaml");
    let params = file.dict.get(b"Params").unwrap().as_dict().unwrap();
    let source = std::fs::read(seed()).unwrap();
    assert_eq!(params.get(b"Size").unwrap().as_i64().unwrap(), source.len() as i64);
    assert!(params.get(b"ModDate").is_ok());
    let Object::String(sum, _) = params.get(b"CheckSum").unwrap() else { panic!("no checksum") };
    use md5::Digest as _;
    assert_eq!(sum.as_slice(), md5::Md5::digest(&source).as_slice());
}

/// The watermark's drawing on page `page` (from 0): how it is marked (the BDC tag and its
/// properties), the `cm` matrix and every path point. It is the page's first marked content.
fn watermark(pdf: &[u8], page: usize) -> (String, lopdf::Dictionary, [f32; 6], Vec<(f32, f32)>) {
    use lopdf::content::Content;
    let content = Content::decode(&common::contents(pdf)[page]).unwrap();
    let number = |o: &Object| match o {
        Object::Real(r) => *r,
        Object::Integer(i) => *i as f32,
        _ => f32::NAN,
    };
    let mut depth = 0;
    let mut seen = 0;
    let mut tag = (String::new(), lopdf::Dictionary::new());
    let mut matrix = [0.0; 6];
    let mut points = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                depth += 1;
                seen += 1;
                if seen == 1 {
                    let name = op.operands.first().and_then(|o| o.as_name().ok()).unwrap_or_default();
                    let dict = op.operands.get(1).and_then(|d| d.as_dict().ok()).cloned().unwrap_or_default();
                    tag = (String::from_utf8_lossy(name).into_owned(), dict);
                }
            }
            "EMC" => depth -= 1,
            "cm" if seen == 1 && depth > 0 => {
                for (m, o) in matrix.iter_mut().zip(&op.operands) {
                    *m = number(o);
                }
            }
            "m" | "l" | "c" if seen == 1 && depth > 0 => {
                let n: Vec<f32> = op.operands.iter().map(number).collect();
                points.extend(n.chunks(2).map(|p| (p[0], p[1])));
            }
            _ => {}
        }
    }
    (tag.0, tag.1, matrix, points)
}

/// Width over height of a drawing.
fn aspect(points: &[(f32, f32)]) -> f32 {
    let (x0, x1, y0, y1) = points.iter().fold((f32::MAX, f32::MIN, f32::MAX, f32::MIN), |(a, b, c, d), p| {
        (a.min(p.0), b.max(p.0), c.min(p.1), d.max(p.1))
    });
    (x1 - x0) / (y1 - y0)
}

#[test]
fn the_watermark_reads_the_right_way_up_in_the_briefings_language() {
    let dir = tempdir();
    let draft = write(dir.path(), "draft.yaml", &common::seed_with("title: ", "draft: true\ntitle: "));
    let pdf = build_in(dir.path(), &draft, &[]);
    let (_, _, [a, b, c, d, e, f], points) = watermark(&pdf, 0);
    assert!(!points.is_empty(), "the watermark is drawn");
    // A rotation (no mirror), rising from left to right.
    assert!((a * d - b * c - 1.0).abs() < 0.01, "determinant {}", a * d - b * c);
    assert!(b > 0.0 && a > 0.0, "rises to the right");
    // The letters stand on their baseline (y up in the text's own space) and run left to
    // right: the first letter's left edge is near 0, the word ends far to the right.
    let (ymin, ymax) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    assert!(ymax > 50.0 && ymin > -5.0, "upright glyphs: y from {ymin} to {ymax}");
    let xmax = points.iter().map(|p| p.0).fold(f32::MIN, f32::max);
    assert!(xmax > 300.0, "{xmax}");
    // Centred: the middle of the word lands in the middle of the page.
    let (w, h) = common::page_size(&pdf);
    let mid = (xmax / 2.0, (ymin + ymax) / 2.0);
    let (px, py) = (a * mid.0 + c * mid.1 + e, b * mid.0 + d * mid.1 + f);
    assert!((px - w / 2.0).abs() < 15.0 && (py - h / 2.0).abs() < 15.0, "centre at ({px}, {py}) on a {w}x{h} page");
    // Never text: copying the page never picks up its letters.
    assert!(!common::text(&pdf).contains("DRAFT"));
    // A Japanese draft is marked in Japanese: one glyph (案, about as wide as it is tall), not
    // five Latin letters; and that one glyph is still large.
    assert!(aspect(&points) > 3.0, "DRAFT is a wide word: {}", aspect(&points));
    let ja = std::fs::read_to_string(fixture("japanese.yaml")).unwrap();
    let path = write(dir.path(), "ja.yaml", &format!("draft: true\n{ja}"));
    let (_, _, _, ja_points) = watermark(&build_in(dir.path(), &path, &[]), 0);
    let ja_width = ja_points.iter().map(|p| p.0).fold(f32::MIN, f32::max);
    assert!(aspect(&ja_points) < 1.5, "one glyph: {}", aspect(&ja_points));
    assert!(ja_width > w.hypot(h) / 4.0, "a third of the diagonal: {ja_width}");
}

#[test]
fn a_draft_and_its_marking_are_read_out_first() {
    // A screen reader hears that the document is a draft, and its marking, before the title.
    // Only page 1's watermark is a figure; on later pages it is page furniture.
    let dir = tempdir();
    let draft = write(
        dir.path(),
        "draft.yaml",
        &common::seed_with("title: ", "draft: true\nmarking: Restricted handling\ntitle: "),
    );
    let pdf = build_in(dir.path(), &draft, &[]);
    assert!(common::page_count(&pdf) > 1);
    let tree = structure(&pdf);
    let first: Vec<(String, String)> =
        tree.children().iter().take(3).map(|k| (k.role.clone(), k.alt.clone().unwrap_or_else(|| k.text()))).collect();
    assert_eq!(first[0], ("Figure".to_string(), "DRAFT".to_string()), "{first:?}");
    assert_eq!(first[1].0, "P");
    // Printed in capitals, read as typed (a screen reader would spell the capitals out).
    assert_eq!(first[1].1.trim(), "Restricted handling");
    let drawn: String = common::runs(&pdf)[0].iter().filter(|r| r.mcid == Some(1)).map(|r| r.text.clone()).collect();
    assert_eq!(drawn.trim(), "RESTRICTED HANDLING");
    if let Some(text) = common::poppler_text(&pdf) {
        assert!(text.contains("Restricted handling") && !text.contains("RESTRICTED"), "poppler: {text}");
    }
    assert_eq!(first[2].0, "H1");
    // A marking in Japanese script in an English briefing is marked Japanese.
    let japanese = write(dir.path(), "ja.yaml", &common::seed_with("title: ", "marking: 取扱注意\ntitle: "));
    let tree = structure(&build_in(dir.path(), &japanese, &[]));
    let marking = tree.children()[0];
    assert_eq!((marking.role.as_str(), marking.lang.as_deref(), marking.text().trim()), ("P", Some("ja"), "取扱注意"));
    // Written beside words in another script, the Japanese is a span in Japanese.
    let mixed =
        write(dir.path(), "mixed.yaml", &common::seed_with("title: ", "marking: 取扱注意 / Restricted\ntitle: "));
    let tree = structure(&build_in(dir.path(), &mixed, &[]));
    let marking = tree.children()[0];
    let spans: Vec<(Option<&str>, String)> =
        marking.children().iter().map(|e| (e.lang.as_deref(), e.text().trim().to_string())).collect();
    assert_eq!(marking.lang, None, "{marking:?}");
    assert_eq!(spans, [(Some("ja"), "取扱注意".to_string()), (None, "/ Restricted".to_string())]);
    let (tag, props, ..) = watermark(&pdf, 0);
    assert_eq!((tag.as_str(), props.get(b"MCID").is_ok()), ("Figure", true), "page 1: {props:?}");
    for page in 1..common::page_count(&pdf) {
        let (tag, props, ..) = watermark(&pdf, page);
        assert_eq!(tag, "Artifact", "page {}", page + 1);
        assert_eq!(props.get(b"Subtype").and_then(|s| s.as_name()).ok(), Some(b"Watermark".as_slice()));
    }
    // The marking on later pages, and every other running part, are furniture: the marking is
    // read once.
    let marked: Vec<String> = common::runs(&pdf)
        .iter()
        .enumerate()
        .flat_map(|(page, runs)| runs.iter().map(move |r| (page, r)))
        .filter(|(_, r)| !r.artifact && r.text.to_lowercase().contains("restricted handling"))
        .map(|(page, r)| format!("page {}: {}", page + 1, r.text))
        .collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    // Painted in the order it is read: right after the watermark, before the title.
    let first_page = &common::runs(&pdf)[0];
    let marking = first_page.iter().find(|r| !r.artifact && r.text.to_lowercase().contains("restricted"));
    assert_eq!(marking.and_then(|r| r.mcid), Some(1));
}

#[test]
fn headings_in_a_body_keep_their_relative_levels() {
    // `#` to `######` in a topic's body nest below the topic's heading (H3) as written, the
    // shallowest one level below it, never skipping a level, at most H6.
    let dir = tempdir();
    let body = "topics:\n  - title: Levels\n    body: |\n      ### Three\n\n      Text.\n\n      #### Four\n\n      \
                Text.\n\n      ###### Six\n\n      Text.\n\n      ### Three again\n\n      Text.\n";
    let path = write(dir.path(), "levels.yaml", &common::seed_with("topics:\n", body));
    let tree = structure(&build_in(dir.path(), &path, &[]));
    let headings: Vec<(String, String)> = tree
        .walk()
        .into_iter()
        .filter(|e| heading_level(&e.role).is_some())
        .map(|e| (e.role.clone(), e.text().trim().to_string()))
        .skip_while(|(_, t)| t != "1. Levels" && t != "Levels")
        .collect();
    let got: Vec<(&str, &str)> = headings.iter().map(|(r, t)| (r.as_str(), t.as_str())).take(5).collect();
    assert_eq!(got[1..], [("H4", "Three"), ("H5", "Four"), ("H6", "Six"), ("H4", "Three again")], "{headings:?}");
    assert_eq!(got[0].0, "H3");
    assert_headings_nest(&tree);
}

/// A topic whose body is a table of `n` rows (`Item k`, `Owner k`), after `before` paragraphs.
fn table_topic(before: usize, n: usize) -> String {
    let mut body = String::from("  - title: Actions\n    body: |\n");
    for k in 0..before {
        body.push_str(&format!("      Paragraph {k} of the text before the table, long enough to fill a line or two of the page at the body size.\n\n"));
    }
    body.push_str("      | Action | Owner |\n      |---|---|\n");
    for k in 1..=n {
        body.push_str(&format!("      | Item {k} | Owner {k} |\n"));
    }
    body
}

#[test]
fn a_table_over_pages_repeats_its_header_row_as_an_artifact_and_leaves_no_row_alone() {
    let dir = tempdir();
    let yaml = common::seed_with("topics:\n", &format!("topics:\n{}", table_topic(0, 90)));
    let path = write(dir.path(), "table.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let pages = common::runs(&pdf);
    // Every page the table runs onto starts with its header row, above its first row there,
    // drawn as an artifact: the structure has it once.
    let mut continued = 0;
    for (p, page) in pages.iter().enumerate() {
        let rows: Vec<&common::Run> = page.iter().filter(|r| r.text.starts_with("Item ")).collect();
        if rows.is_empty() || rows[0].text == "Item 1" {
            continue;
        }
        continued += 1;
        let head = page.iter().find(|r| r.text == "Action").unwrap_or_else(|| panic!("page {}: no header row", p + 1));
        assert!(head.artifact, "page {}: the repeated header is content", p + 1);
        assert!(head.y > rows[0].y, "page {}: the header is below the first row", p + 1);
        assert!(rows.iter().all(|r| r.y < head.y), "page {}", p + 1);
    }
    assert!(continued >= 1, "the table must run over a page for this test to mean anything");
    let tree = structure(&pdf);
    let table = tree.walk().into_iter().find(|e| e.role == "Table").expect("a table");
    assert_eq!(table.children().len(), 91, "the header row and 90 rows, each once");
    let th: Vec<String> = table.walk().iter().filter(|e| e.role == "TH").map(|e| e.text()).collect();
    assert_eq!(th, ["Action", "Owner"]);
    // No row alone: wherever the table is cut, at least two of its rows are on each side.
    let mut split = 0;
    // (Around where the seed's first and second pages end.)
    for before in (1..9).chain(23..30) {
        let yaml = common::seed_with("topics:\n", &format!("topics:\n{}", table_topic(before, 4)));
        let pdf = build_in(dir.path(), &write(dir.path(), "t.yaml", &yaml), &["--force"]);
        for (p, page) in common::runs(&pdf).iter().enumerate() {
            let rows = page.iter().filter(|r| !r.artifact && r.text.starts_with("Item ")).count();
            assert!(rows != 1 && rows != 3, "{before} paragraphs before: page {} holds {rows} of 4 rows", p + 1);
            split += usize::from(rows == 2);
        }
    }
    assert!(split >= 2, "the table must be cut somewhere for this to mean anything");
}

/// The text a screen reader gets from `e`: each element's `/ActualText` where it has one,
/// else its children's, in structure order.
fn spoken(e: &Elem) -> String {
    if let Some(actual) = &e.actual {
        return actual.clone();
    }
    e.kids
        .iter()
        .map(|k| match k {
            common::Held::Elem(e) => spoken(e),
            common::Held::Text(t) => t.clone(),
            common::Held::Annot(_) => String::new(),
        })
        .collect()
}

#[test]
fn japanese_with_a_link_reads_in_order_and_changes_take_their_paragraphs_language() {
    let dir = tempdir();
    let ja =
        "詳細はhttps://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/pressrelease/2020/10/06_01.htmlを参照してください。\
              会議は東京で開催されました。双方は協力を確認しました。";
    let el =
        "Η Ευρωπαϊκή Επιτροπή και η Ιαπωνία συμφώνησαν σήμερα για την προστασία των προσωπικών δεδομένων των πολιτών.";
    let body = format!(
        "topics:\n  - title: Mixed\n    body: |\n      The English text comes first here and it is long enough to be English for sure.\n\n      {ja}\n\n      {el}\n"
    );
    let path = write(dir.path(), "order.yaml", &common::seed_with("topics:\n", &body));
    let pdf = build_in(dir.path(), &path, &[]);
    let tree = structure(&pdf);
    let paragraphs: Vec<&Elem> = tree.walk().into_iter().filter(|e| e.role == "P").collect();
    // (Not itself marked Japanese: its address's letters outnumber its kana and kanji.)
    let japanese = paragraphs.iter().find(|p| p.text().contains("詳細は")).expect("the Japanese paragraph");
    assert_eq!(spoken(japanese), ja);
    // A redline's changes inside a paragraph in another language are in that language.
    let old = write(dir.path(), "old.yaml", &std::fs::read_to_string(&path).unwrap().replace("σήμερα", "χθες"));
    let out = dir.path().join("red.pdf");
    let o = run(dir.path(), &["diff", old.to_str().unwrap(), path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    common::assert_exit(&o, 0);
    let tree = structure(&std::fs::read(&out).unwrap());
    let greek =
        tree.walk().into_iter().find(|e| e.role == "P" && e.lang.as_deref() == Some("el")).expect("a Greek paragraph");
    let changes: Vec<&Elem> = greek.children().into_iter().filter(|e| e.role == "Span").collect();
    assert_eq!(changes.len(), 2, "{greek:?}");
    // Each change's text reads as itself, in Greek; its label, first, in the labels'
    // language, with the change's mark for its content (an element without content is none).
    for (e, (label, word)) in changes.iter().zip([("Deleted: ", "χθες"), ("Inserted: ", "σήμερα")]) {
        assert_eq!((e.lang.as_deref(), e.alt.as_deref()), (None, None), "{e:?}");
        assert_eq!(e.text().trim(), word, "{e:?}");
        let first = e.children()[0];
        assert!(matches!(e.kids[0], common::Held::Elem(_)), "the label comes first: {e:?}");
        assert_eq!((first.alt.as_deref(), first.lang.as_deref()), (Some(label), Some("en")), "{e:?}");
        assert!(matches!(first.kids[..], [common::Held::Text(_)]), "the label holds its mark: {first:?}");
    }
}

#[test]
fn list_items_and_table_cells_in_another_language_say_so() {
    let dir = tempdir();
    let el = "Η Επιτροπή και η Ιαπωνία συμφώνησαν σήμερα για την προστασία των προσωπικών δεδομένων των πολιτών.";
    let pl = "Komisja przedstawiła swoją strategię dotyczącą danych i sztucznej inteligencji, a obie strony zgodziły się kontynuować prace.";
    let body = format!(
        "topics:\n  - title: Items\n    lang: en\n    body: |\n      The English text comes first here and it is long enough to be English for sure.\n\n      \
         - {el}\n      - Short item\n\n      | Language | Text |\n      |---|---|\n      | Polish | {pl} |\n"
    );
    let path = write(dir.path(), "items.yaml", &common::seed_with("topics:\n", &body));
    let tree = structure(&build_in(dir.path(), &path, &[]));
    let langs = |role: &str| -> Vec<(Option<String>, String)> {
        tree.walk()
            .into_iter()
            .filter(|e| e.role == role)
            .map(|e| (e.lang.clone(), e.text().trim().to_string()))
            .collect()
    };
    let items = langs("LI");
    assert_eq!(items.len(), 2, "{items:?}");
    let greek = tree.walk().into_iter().find(|e| e.role == "LI").unwrap().walk();
    assert!(greek.iter().any(|e| e.role == "P" && e.lang.as_deref() == Some("el")), "{greek:?}");
    let cells = langs("TD");
    assert_eq!(cells.iter().map(|c| c.0.as_deref()).collect::<Vec<_>>(), [None, Some("pl")], "{cells:?}");
    // The web page says the same.
    let out = dir.path().join("items.html");
    common::assert_exit(&run(dir.path(), &["build", path.to_str().unwrap(), "-o", out.to_str().unwrap()]), 0);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<li lang=\"el\">Η Επιτροπή"), "a Greek item");
    assert!(html.contains("<li>Short item</li>"), "a short item keeps the page's language");
    assert!(html.contains(&format!("<td lang=\"pl\">{pl}</td>")), "a Polish cell");
}
