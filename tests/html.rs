//! `briefing build --format html`: the press-release web page. Asserts on the HTML itself:
//! its text, outline, languages, links and metadata. (The browser checks, the Nu HTML Checker
//! and axe-core in Chromium, run in `.ci/html-checks`.)

mod common;

use std::path::Path;

use common::*;

/// Builds `yaml` (copied into `dir`) with `args`, asserting success; returns the stderr.
#[track_caller]
fn build(dir: &Path, yaml: &Path, args: &[&str]) -> String {
    let input = dir.join(yaml.file_name().unwrap());
    if input != yaml {
        std::fs::copy(yaml, &input).unwrap();
    }
    let mut all = vec!["build", input.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(dir, &all);
    assert_exit(&o, 0);
    stderr(&o)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text a reader sees in the page's body: tags dropped, entities decoded.
fn body_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The headings, in order: (level, text).
fn outline(html: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i + 2..];
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else { continue };
        let end = rest.find(&format!("</h{level}>")).expect("a closed heading");
        let inner = &rest[rest.find('>').unwrap() + 1..end];
        out.push((level as u8, body_text(&format!("<body>{inner}")).split_whitespace().collect::<Vec<_>>().join(" ")));
        rest = &rest[end..];
    }
    out
}

#[test]
fn the_seed_page_is_one_semantic_self_contained_file() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "japan-eu-ict-workshop-10.yaml",
        &seed_with("  fax: \"+81 3 5253 5924\"", "  fax: \"+81 3 5253 5924\"\n  email: desk@example.org"),
    );
    let log = build(dir.path(), &yaml, &["--format", "html"]);
    assert!(log.contains(".html"), "{log}");
    let html = read(&dir.path().join("japan-eu-ict-workshop-10.html"));
    assert!(!dir.path().join("japan-eu-ict-workshop-10.pdf").exists(), "only the page was asked for");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", &html[..80]);
    for needle in [
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        // No script runs, nothing loads from elsewhere, whatever a published copy's text says.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';",
        "<title>Results of 10th Japan-EU ICT Strategy Workshop</title>",
        "<meta name=\"description\" content=\"The Ministry of Internal Affairs",
        "<meta property=\"og:title\" content=\"Results of 10th Japan-EU ICT Strategy Workshop\">",
        "<meta property=\"og:description\"",
        "<meta name=\"generator\" content=\"briefing ",
        // (The month and its day on one line, as in the PDF: text48a F48a-4.)
        "<time datetime=\"2020-10-06\"><span class=\"nw\">October 6,</span> 2020</time>",
        "<header",
        "<main>",
        "<address>",
        "<a href=\"mailto:desk@example.org\">desk@example.org</a>",
        "line-break:strict",
        "word-break:auto-phrase",
        "@media print",
    ] {
        assert!(html.contains(needle), "{needle} missing");
    }
    // Nothing runs and nothing is fetched: no script, no external style, image or font.
    for banned in ["<script", "<link rel=\"stylesheet\"", "<img", "@import", "url("] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.len() < 16 * 1024, "the seed page weighs {} bytes", html.len());
}

#[test]
fn the_outline_is_numbered_as_in_the_pdf_and_in_order() {
    let dir = tempdir();
    build(dir.path(), &seed(), &["-o", "page.html"]);
    let html = read(&dir.path().join("page.html"));
    let b = briefing(&seed());
    let headings = outline(&html);
    assert_eq!(headings[0], (1, b.title.clone()));
    // No level skipped going down.
    for pair in headings.windows(2) {
        assert!(pair[1].0 <= pair[0].0 + 1, "{pair:?} skips a level");
    }
    let topics: Vec<&(u8, String)> = headings.iter().filter(|(l, _)| *l == 3).collect();
    assert_eq!(topics.len(), b.topics.len());
    for (k, (t, topic)) in topics.iter().zip(&b.topics).enumerate() {
        assert_eq!(t.1, format!("{}. {}", k + 1, topic.title.replace('\'', "’")));
    }
    let sections: Vec<&str> = headings.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.as_str()).collect();
    assert!(sections.contains(&"1. Overview"), "{sections:?}");
    assert!(sections.contains(&"2. Major achievements"), "{sections:?}");
    assert_eq!(sections.last(), Some(&"Contact"));
}

#[test]
fn every_word_of_the_briefing_is_in_the_page_in_order() {
    let dir = tempdir();
    for (yaml, lang) in [
        (seed(), None),
        (fixture("japanese.yaml"), None),
        (fixture("multilingual-eu.yaml"), None),
        (fixture("bilingual.yaml"), Some("ja")),
    ] {
        let mut args = vec!["-o", "page.html"];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        build(dir.path(), &yaml, &args);
        let html = read(&dir.path().join("page.html"));
        let b = briefings(&yaml).into_iter().find(|b| lang.is_none_or(|l| b.lang == l)).unwrap();
        let pieces: Vec<String> =
            pieces_of(&briefing::punctuation::briefing(&b)).iter().map(|p| p.replace('\n', " ")).collect();
        assert_in_order(&body_text(&html), &pieces);
    }
}

#[test]
fn markup_in_the_text_is_escaped() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "x.yaml",
        &seed_with(
            "title: Results of 10th Japan-EU ICT Strategy Workshop",
            "title: 'A <b>bold</b> & \"quoted\" ]]> title'",
        ),
    );
    build(dir.path(), &yaml, &["--format", "html"]);
    let html = read(&dir.path().join("x.html"));
    assert!(!html.contains("<b>bold"), "raw markup reached the page");
    assert!(!html.contains("]]>"), "]]> reached the page unescaped");
    assert!(html.contains("<h1>A &lt;b&gt;bold&lt;/b&gt; &amp; “quoted” ]]&gt; title</h1>"), "{}", {
        let i = html.find("<h1>").unwrap();
        &html[i..i + 120]
    });
    assert!(html.contains("content=\"A &lt;b&gt;bold&lt;/b&gt; &amp; “quoted” ]]&gt; title\""));
}

/// Every `href` of the page's body that leads out of it (not to its PDF), in order.
fn hrefs(html: &str) -> Vec<String> {
    let body = &html[html.find("<main>").expect("a main")..];
    let all = body.split("<a href=\"").skip(1).map(|a| a[..a.find('"').unwrap()].replace("&amp;", "&"));
    all.filter(|href| !href.ends_with(".pdf")).collect()
}

#[test]
fn addresses_and_references_in_the_text_are_alike_in_the_pdf_and_the_page() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "x.yaml",
        "title: Addresses\ndate: 2026-01-15\ntopics:\n  - title: 資料\n    body: |\n      \
         詳細はhttps://example.org/reportをご覧ください。（資料：www.example.org）連絡先policy@example.orgまで。\n\n      \
         R&amp;D &copy; 2026, files in C:\\\n      and https://de.wikipedia.org/wiki/Straße.\n\
         contact:\n  tel: \"+81 3 0000 0000\"\n",
    );
    build(dir.path(), &yaml, &["--format", "pdf,html"]);
    let want = [
        "https://example.org/report",
        "https://www.example.org",
        "mailto:policy@example.org",
        "https://de.wikipedia.org/wiki/Straße",
    ];
    // Each address a link of its own, ending where the Japanese text starts, in both.
    let pdf = std::fs::read(dir.path().join("x.pdf")).unwrap();
    // (A PDF's URI is ASCII: `ß` is written `%C3%9F`.)
    let mut in_pdf: Vec<String> = links(&pdf).into_iter().map(|(_, uri)| uri.replace("%C3%9F", "ß")).collect();
    in_pdf.dedup();
    assert_eq!(in_pdf, want, "the PDF's links");
    let html = read(&dir.path().join("x.html"));
    assert_eq!(hrefs(&html), want, "the page's links");
    // References and a backslash at a line's end are printed as typed, in both.
    for (what, text) in [("the PDF", squash(&text(&pdf))), ("the page", squash(&body_text(&html)))] {
        assert!(text.contains("R&amp;D&copy;2026,filesinC:\\and"), "{what}: {text}");
    }
}

/// The text of the PDF, and the page, built from a briefing of `yaml`.
fn pdf_and_page(yaml: &str) -> (String, String) {
    let dir = tempdir();
    let path = write(dir.path(), "x.yaml", yaml);
    build(dir.path(), &path, &["--format", "pdf,html"]);
    let pdf = text(&std::fs::read(dir.path().join("x.pdf")).unwrap());
    (pdf, read(&dir.path().join("x.html")))
}

#[test]
fn stars_and_backticks_that_pair_up_from_inside_words_print_as_typed_in_the_pdf_and_the_page() {
    let (pdf, html) = pdf_and_page(
        "title: Beteiligung\ndate: 2026-01-15\nlang: de\nsummary: |\n  Teilgenommen haben \
         Vertreter*innen der Ministerien sowie Expert*innen aus der Wirtschaft.\n\n  \
         Participaron l*s representantes y tod*s l*s expert*s; die Formel ist a*b*c.\n\n  \
         Wir fördern **Beyond**5G und foo*bar* sowie *Forschung* und *alle Vertreter*innen*.\n\n  \
         The EU`s and Japan`s positions; run `cmd` now.\n\
         topics:\n  - title: Bürger\n    body: Die Bürger*innen und Nutzer*innen wurden befragt.\n\
         contact:\n  tel: \"+49 30 0000 0000\"\n",
    );
    for (what, text) in [("the PDF", squash(&pdf)), ("the page", squash(&body_text(&html)))] {
        for typed in [
            "Vertreter*innenderMinisteriensowieExpert*innen",
            "l*srepresentantesytod*sl*sexpert*s",
            "a*b*c",
            "Bürger*innenundNutzer*innen",
            "TheEU`sandJapan`spositions",
            // Emphasis inside a word prints as typed (a star between a letter and a lowercase
            // one is a letter of its word: text41a F41a-5).
            "undfoo*bar*sowie",
        ] {
            assert!(text.contains(typed), "{what}: {typed} in {text}");
        }
    }
    assert!(!html.contains("<em>innen"), "{html}");
    // A mark at a word's edge is markup.
    for marked in
        ["<strong>Beyond</strong>5G", "<em>alle Vertreter*innen</em>", "<em>Forschung</em>", "<code>cmd</code>"]
    {
        assert!(html.contains(marked), "{marked} in {html}");
    }
}

#[test]
fn japanese_lines_that_start_with_a_bullet_or_note_mark_stay_lines_in_the_pdf_and_the_page() {
    // text40a F40a-14: they ran together, with a space nobody typed before `※`, `○`, `…`.
    let (pdf, html) = pdf_and_page(
        "title: 結果\ndate: 2026-01-15\nlang: ja\nsummary: |\n  会合を開催した。\n  ※詳細は別紙。\n\
         topics:\n  - title: 5G\n    body: |\n      ・日本側：紹介。\n      ・欧州側：説明。\n      ○課題：標準化。\n\n      \
         第一文です。\n      …続き。\n\
         contact:\n  tel: \"03\"\n",
    );
    let lines: Vec<&str> = pdf.lines().map(str::trim).collect();
    for line in ["会合を開催した。", "※詳細は別紙。", "・日本側：紹介。", "・欧州側：説明。", "○課題：標準化。"]
    {
        assert!(lines.contains(&line), "{line} in {lines:?}");
    }
    assert!(pdf.contains("第一文です。…続き。"), "{pdf}");
    for typed in [
        "会合を開催した。<br>※詳細は別紙。",
        "・日本側：紹介。<br>・欧州側：説明。<br>○課題：標準化。",
        "第一文です。…続き。",
    ] {
        assert!(html.contains(typed), "{typed} in {html}");
    }
}

/// A title, heading, marking, organisation or contact note clearly in another language says
/// so, on the page and in the PDF (text40b F40b-7: only a topic's title did).
#[test]
fn fields_in_another_language_say_so() {
    let dir = tempdir();
    let fr = |what: &str| {
        format!("{what} de la Commission européenne et du Japon sur la coopération numérique et les données")
    };
    let yaml = format!(
        "title: {}\nheading: {}\nmarking: {}\norganisation: {}\ndate: 2026-03-04\ntopics:\n  - title: Data\n    body: Agreed.\ncontact:\n  note: {}\n  tel: \"1\"\n",
        fr("Résultats de la réunion"),
        fr("Principaux résultats"),
        fr("Diffusion restreinte aux services"),
        fr("Direction générale des réseaux"),
        fr("Pour de plus amples informations sur ce communiqué, veuillez contacter les services"),
    );
    let path = write(dir.path(), "fr.yaml", &yaml);
    build(dir.path(), &path, &["--format", "pdf,html"]);
    let html = read(&dir.path().join("fr.html"));
    for tag in [
        "<h1 lang=\"fr\">",
        "<h2 class=\"part\" lang=\"fr\">",
        "<p class=\"marking\" lang=\"fr\">",
        "<p class=\"meta\" lang=\"fr\">",
    ] {
        assert!(html.contains(tag), "{tag} not in the page");
    }
    assert!(html.contains("<p lang=\"fr\">Pour de plus amples"), "the note is not marked");
    let pdf = std::fs::read(dir.path().join("fr.pdf")).unwrap();
    let tree = common::structure(&pdf);
    let french: Vec<String> =
        tree.walk().into_iter().filter(|e| e.lang.as_deref() == Some("fr")).map(|e| e.text()).collect();
    for words in [
        "Résultats de la réunion",
        "Principaux résultats",
        "Diffusion restreinte",
        "Direction générale",
        "Pour de plus amples",
    ] {
        assert!(french.iter().any(|t| t.contains(words)), "{words:?} is not marked French in the PDF: {french:?}");
    }
}

#[test]
fn parts_in_another_language_say_so() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "x.yaml",
        &seed_with(
            "topics:\n",
            "topics:\n  - title: 日本語の議題\n    lang: ja\n    body: 総務省（MIC）と欧州委員会。\n",
        ),
    );
    let yaml_text = read(&yaml).replacen(
        "title: Results of 10th Japan-EU ICT Strategy Workshop",
        "title: Results of 10th Japan-EU ICT Strategy Workshop (日本)",
        1,
    );
    std::fs::write(&yaml, yaml_text).unwrap();
    build(dir.path(), &yaml, &["--format", "html"]);
    let html = read(&dir.path().join("x.html"));
    assert!(html.contains("<section class=\"topic\" lang=\"ja\""), "the Japanese topic has no lang");
    assert!(html.contains("(<span lang=\"ja\">日本</span>)"), "Japanese inside English has no lang");
    // Inside the Japanese topic, Japanese is not marked again.
    let topic = &html[html.find("lang=\"ja\" aria-labelledby").unwrap()..];
    let topic = &topic[..topic.find("</section>").unwrap()];
    assert!(!topic.contains("<span lang=\"ja\">"), "{topic}");

    build(dir.path(), &fixture("japanese.yaml"), &["--format", "html"]);
    let ja = read(&dir.path().join("japanese.html"));
    assert!(ja.contains("<html lang=\"ja\">"));
    assert!(!ja.contains("<span lang=\"ja\">"));
}

#[test]
fn a_bilingual_briefing_gives_a_page_per_language_each_linking_the_other() {
    let dir = tempdir();
    build(dir.path(), &fixture("bilingual.yaml"), &["--format", "html"]);
    let en = read(&dir.path().join("bilingual.en.html"));
    let ja = read(&dir.path().join("bilingual.ja.html"));
    for page in [&en, &ja] {
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"bilingual.en.html\">"));
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"bilingual.ja.html\">"));
    }
    assert!(en.contains("<html lang=\"en\">") && ja.contains("<html lang=\"ja\">"));
    assert!(en.contains("<a href=\"bilingual.ja.html\" hreflang=\"ja\" lang=\"ja\">日本語</a>"));
    assert!(ja.contains("<a href=\"bilingual.en.html\" hreflang=\"en\" lang=\"en\">English</a>"));
    assert!(ja.contains("第10回日EU・ICT戦略ワークショップの結果</h1>"));
    assert!(!dir.path().join("bilingual.en.pdf").exists());
}

/// A page in any EU language names its switcher and its PDF link in that language, and
/// each language by its own name (text38b F38b-3: a French page's switcher was read out as
/// "Languages"); the PDF prints its labels and date in that language too.
#[test]
fn the_switcher_and_labels_speak_the_pages_language() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "sv-fr.yaml",
        "lang: [sv, fr]\ntitle: { sv: Workshop om IKT, fr: Atelier sur les TIC }\ndate: 2024-03-06\n\
         topics:\n  - title: { sv: Plattformar, fr: Plateformes }\n    body: { sv: Båda sidor., fr: Les deux parties. }\n\
         contact:\n  name: Anna Svensson\n",
    );
    build(dir.path(), &yaml, &["--format", "pdf,html"]);
    let sv = read(&dir.path().join("sv-fr.sv.html"));
    let fr = read(&dir.path().join("sv-fr.fr.html"));
    assert!(sv.contains("<nav class=\"languages\" aria-label=\"Språk\">"), "{sv}");
    assert!(sv.contains("hreflang=\"fr\" lang=\"fr\">Français</a>"), "{sv}");
    assert!(fr.contains("<nav class=\"languages\" aria-label=\"Langues\">"), "{fr}");
    assert!(fr.contains("hreflang=\"sv\" lang=\"sv\">Svenska</a>"), "{fr}");
    assert!(sv.contains("type=\"application/pdf\">Workshop om IKT (PDF)</a>"), "{sv}");
    let pdf = text(&std::fs::read(dir.path().join("sv-fr.sv.pdf")).unwrap());
    for words in ["6 mars 2024", "Viktigaste resultat"] {
        assert!(pdf.contains(words), "{words:?} not in the Swedish PDF: {pdf}");
    }
    assert!(!pdf.contains("Major achievements") && !pdf.contains("March"), "{pdf}");
}

#[test]
fn pdf_and_html_in_one_run_link_the_page_to_its_pdf() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let log = build(dir.path(), &seed(), &["--format", "pdf,html", "-o", "out/brief.pdf"]);
    assert!(log.contains("brief.pdf") && log.contains("brief.html"), "{log}");
    let html = read(&dir.path().join("out/brief.html"));
    assert!(html.contains("<a href=\"brief.pdf\" type=\"application/pdf\">"), "no link to the PDF");
    assert!(page_count(&std::fs::read(dir.path().join("out/brief.pdf")).unwrap()) >= 1);
    // A name with a space or a `#` still names the file.
    build(dir.path(), &seed(), &["--format", "pdf,html", "-o", "out/my brief #2.pdf"]);
    let html = read(&dir.path().join("out/my brief #2.html"));
    assert!(html.contains("<a href=\"my%20brief%20%232.pdf\" type=\"application/pdf\">"), "no link to the PDF");
    assert!(html.contains("<footer>"), "the link is in the footer");
    // Without the PDF, no link to it, and (nor a marking) no footer: text48b F48b-3, a page
    // written alone ended with an empty `<footer>`.
    build(dir.path(), &seed(), &["-o", "alone.html"]);
    let alone = read(&dir.path().join("alone.html"));
    assert!(!alone.contains("application/pdf"));
    assert!(!alone.contains("<footer"), "{}", &alone[alone.len().saturating_sub(200)..]);
    assert!(alone.ends_with("</main>\n</body>\n</html>\n"));
}

/// text48b F48b-3: the template's logo was left out of the page without a word. It is in it,
/// above the title as in the PDF, inside the one file (a `data:` URI the page's policy
/// allows, nothing fetched), said as the PDF's figure is.
#[test]
fn the_templates_logo_is_in_the_page_said_as_in_the_pdf() {
    let dir = tempdir();
    std::fs::write(dir.path().join("crest.png"), rgba_png(8, 4)).unwrap();
    write(dir.path(), "t.yaml", "title_block: { logo: crest.png, logo_alt: \"Crest of the <Ministry>\" }\n");
    build(dir.path(), &seed(), &["-o", "page.html", "--template", "t.yaml"]);
    let html = read(&dir.path().join("page.html"));
    let img = html.find("<img").map(|at| &html[at..at + html[at..].find('>').unwrap() + 1]).expect("no <img>");
    assert!(img.starts_with("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgo"), "{img}");
    assert!(img.ends_with(" alt=\"Crest of the &lt;Ministry&gt;\" width=\"8\" height=\"4\">"), "{img}");
    assert!(html.find("<img").unwrap() < html.find("<h1").unwrap(), "the logo stands above the title");
    assert!(html.contains("img-src data:;"), "the page's policy shows it");
    assert!(!html.contains("url("), "nothing fetched");
    // Without logo_alt, it names the organisation, as in the PDF.
    write(dir.path(), "t.yaml", "title_block: { logo: crest.png }\n");
    build(dir.path(), &seed(), &["-o", "page.html", "--template", "t.yaml", "--force"]);
    let html = read(&dir.path().join("page.html"));
    assert!(html.contains(" alt=\"Logo: Ministry of Internal Affairs and Communications (MIC)\""), "{html}");
    // A template without a logo: no image.
    build(dir.path(), &seed(), &["-o", "plain.html"]);
    assert!(!read(&dir.path().join("plain.html")).contains("<img"));
}

#[test]
fn a_batch_builds_pages_into_a_folder() {
    let dir = tempdir();
    let a = write(dir.path(), "a.yaml", &std::fs::read_to_string(seed()).unwrap());
    let b = write(dir.path(), "b.yaml", &seed_with("date: 2020-10-06", "date: 2020-10-06\ndraft: true"));
    let o =
        run(dir.path(), &["build", a.to_str().unwrap(), b.to_str().unwrap(), "--out-dir", "site", "--format", "html"]);
    assert_exit(&o, 0);
    let names: Vec<String> = listing(&dir.path().join("site")).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["a.html", "b.html"]);
}

#[test]
fn every_template_gives_its_look() {
    let dir = tempdir();
    for (template, needle) in
        [("default", "color:#1f3a68"), ("press-release", "class=\"meta above\""), ("one-pager", "<h1>")]
    {
        let out = format!("{template}.html");
        build(dir.path(), &seed(), &["--template", template, "-o", &out]);
        let html = read(&dir.path().join(&out));
        assert!(html.contains(needle), "{template}: {needle} missing");
        assert!(html.contains("\"Noto Sans\", \"Noto Sans JP\", \"Hiragino Sans\""), "{template}: font stack");
    }
    let press = read(&dir.path().join("press-release.html"));
    assert!(press.find("class=\"meta above\"").unwrap() < press.find("<h1>").unwrap(), "the date sits above the title");
}

#[test]
fn draft_and_marking_are_text_at_the_top() {
    let dir = tempdir();
    let yaml = write(
        dir.path(),
        "x.yaml",
        &seed_with("date: 2020-10-06", "date: 2020-10-06\ndraft: true\nmarking: For official use only"),
    );
    build(dir.path(), &yaml, &["--format", "html"]);
    let html = read(&dir.path().join("x.html"));
    let h1 = html.find("<h1>").unwrap();
    let marking = html.find("<p class=\"marking\">For official use only</p>").expect("the marking");
    let draft = html.find(">DRAFT</strong>").expect("the draft flag");
    assert!(marking < h1 && draft < h1);
}

#[test]
fn html_and_parallel_do_not_mix() {
    let dir = tempdir();
    std::fs::copy(fixture("bilingual.yaml"), dir.path().join("b.yaml")).unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--parallel", "--format", "html"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--parallel"), "{}", stderr(&o));
    assert!(listing(dir.path()).len() == 1, "nothing written");
}

#[test]
fn a_page_never_replaces_an_input() {
    let dir = tempdir();
    std::fs::copy(seed(), dir.path().join("x.yaml")).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "--format", "html", "-o", "x.yaml"]);
    assert_ne!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.path().join("x.yaml")).unwrap(), std::fs::read(seed()).unwrap());
}

#[test]
fn a_redline_page_marks_changes_with_ins_and_del_after_its_box() {
    let dir = tempdir();
    let old = write(dir.path(), "old.yaml", &std::fs::read_to_string(seed()).unwrap());
    let new = write(
        dir.path(),
        "new.yaml",
        &seed_with("wide range of agenda items", "wide range of new agenda items").replacen(
            "  tel: \"+81 3 5253 5920\"",
            "  tel: \"+81 3 5253 5921\"",
            1,
        ),
    );
    let o = run(dir.path(), &["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "pdf,html"]);
    assert_exit(&o, 0);
    let html = read(&dir.path().join("new.changes.html"));
    // Named as a redline, in a tab and in its link to its PDF (text40b F40b-13: as the
    // briefing's own page).
    let named = "Changes since old.yaml — Results of 10th Japan-EU ICT Strategy Workshop";
    assert!(html.contains(&format!("<title>{named}</title>")), "{}", &html[..html.find("</title>").unwrap_or(0)]);
    // (The spaced dash is kept with the word before it, as in the PDF: text46a F46a-3.)
    let kept = "Changes since <span class=\"nw\">old.yaml —</span> Results of 10th Japan-EU ICT Strategy Workshop";
    assert!(
        html.contains(&format!("type=\"application/pdf\">{kept} (PDF)</a>")),
        "no link to the redline PDF named so"
    );
    assert!(dir.path().join("new.changes.pdf").exists());
    let main = html.find("<main>").unwrap();
    let the_box = html.find("<h2 id=\"changes\">Changes since old.yaml</h2>").expect("the box");
    let inserted = html.find("<ins><span class=\"vh\">Inserted: </span>new </ins>").expect("the inserted word");
    assert!(main < the_box && the_box < inserted, "the box comes first in the main part");
    assert!(html.contains("<del><span class=\"vh\">Deleted: </span>+81 3 5253 5920</del>"), "the old TEL");
    assert!(html.contains("<ins><span class=\"vh\">Inserted: </span>+81 3 5253 5921</ins>"), "the new TEL");
    assert!(html.contains("<a href=\"new.changes.pdf\" type=\"application/pdf\">"));
    // -o names the page when it is the one format.
    let o = run(dir.path(), &["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o", "red.html"]);
    assert_exit(&o, 0);
    assert!(read(&dir.path().join("red.html")).contains("<ins>"));
    // In French, the same words as the French PDF's: the template's labels.
    let fr = |s: &str| format!("lang: fr\n{s}");
    write(dir.path(), "old-fr.yaml", &fr(&std::fs::read_to_string(seed()).unwrap()));
    write(dir.path(), "new-fr.yaml", &fr(&read(&new)));
    let o = run(dir.path(), &["diff", "old-fr.yaml", "new-fr.yaml", "-o", "fr.html"]);
    assert_exit(&o, 0);
    let html = read(&dir.path().join("fr.html"));
    assert!(html.contains("<ins><span class=\"vh\">Inséré : </span>"), "{html}");
    assert!(html.contains("<del><span class=\"vh\">Supprimé : </span>+81 3 5253 5920</del>"), "{html}");
    // Its heading and legend too (text22a R22-6: they were English).
    assert!(html.contains("<h2 id=\"changes\">Modifications depuis old-fr.yaml</h2>"), "{html}");
    assert!(html.contains("Le texte inséré est souligné, le texte supprimé barré."), "{html}");
    assert!(!html.contains("Changes since") && !html.contains("Inserted text is"), "{html}");
}

#[test]
fn a_templates_own_web_legend_is_the_redline_pages() {
    // (text23 F23-5: the web page's legend was a fixed table of eight languages.)
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("t")).unwrap();
    let legend = "Ny text är understruken, borttagen text överstruken.";
    let template = write(
        &dir.path().join("t"),
        "sv.yaml",
        &format!("labels: {{changes_lang: sv, changes_since: \"Ändringar sedan {{since}}\", changes_legend_web: \"{legend}\"}}\n"),
    );
    write(dir.path(), "old.yaml", &std::fs::read_to_string(seed()).unwrap());
    write(dir.path(), "new.yaml", &seed_with("wide range of agenda items", "wide range of new agenda items"));
    let o =
        run(dir.path(), &["diff", "old.yaml", "new.yaml", "--template", template.to_str().unwrap(), "-o", "red.html"]);
    assert_exit(&o, 0);
    let html = read(&dir.path().join("red.html"));
    let the_box =
        html.find("<section class=\"box\" aria-labelledby=\"changes\" lang=\"sv\">").expect("the box, in Swedish");
    let end = the_box + html[the_box..].find("</section>").unwrap();
    assert!(html[the_box..end].contains(legend), "{html}");
    assert!(!html.contains("Inserted text is underlined"), "no English legend: {html}");
}
