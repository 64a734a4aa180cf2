//! Text in other scripts and awkward shapes reaches the page whole: the Japanese and the
//! 24-language fixtures come back from the PDF in order with every character, very long
//! unbreakable strings are broken across lines that stay on the page, and a character no
//! font has is reported at its line instead of silently dropped.

mod common;

use std::collections::HashMap;
use std::path::Path;

use briefing::model::RawBriefing;
use common::{assert_exit, assert_in_order, build_in, fixture, pieces, run, squash, stderr, text};

/// The strings of the YAML as written (before Markdown), read with the library's loader: the
/// titles and contact fields, and the bodies when `bodies` (for plain-text bodies).
fn raw_strings(path: &Path, bodies: bool) -> Vec<String> {
    let limits = briefing::load::Limits::default();
    let file = briefing::load::read_source(path, &limits).unwrap();
    let (raw, diags) = briefing::load::load::<RawBriefing>(&file, &limits);
    assert!(diags.is_empty(), "{}", briefing::diag::render_all(&file, &diags));
    let s = |v: &Option<briefing::load::Spanned<String>>| v.as_ref().map(|v| v.value.trim().to_string());
    let mut out: Vec<String> = [&raw.title, &raw.organisation].into_iter().filter_map(s).collect();
    for t in raw.topics.iter().flat_map(|t| &t.value) {
        out.extend(s(&t.value.title));
        if bodies {
            out.extend(s(&t.value.body));
        }
    }
    let c = &raw.contact.as_ref().expect("a contact").value;
    let mut office = [&c.division, &c.bureau, &c.organisation];
    if common::largest_first(raw.lang.as_ref().map_or("en", |l| l.value.as_str())) {
        office.reverse();
    }
    for field in [&c.note, &c.name].into_iter().chain(office).chain([&c.tel, &c.fax, &c.email, &c.url]) {
        out.extend(s(field));
    }
    out
}

/// Asserts that every character of `pieces` (whitespace aside) occurs in `text` at least as
/// often as in the pieces: none went missing in a font or in the text layer.
fn assert_no_character_missing(text: &str, pieces: &[String]) {
    let mut have: HashMap<char, usize> = HashMap::new();
    for c in text.chars() {
        *have.entry(c).or_default() += 1;
    }
    let mut need: HashMap<char, usize> = HashMap::new();
    for c in pieces.iter().flat_map(|p| p.chars()).filter(|c| !c.is_whitespace()) {
        *need.entry(c).or_default() += 1;
    }
    let mut missing: Vec<String> = need
        .iter()
        .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < **n)
        .map(|(c, n)| format!("{c:?} (U+{:04X}) {n}× wanted, {}× found", u32::from(*c), have.get(c).unwrap_or(&0)))
        .collect();
    missing.sort();
    assert!(missing.is_empty(), "characters missing from the PDF text: {missing:#?}");
    assert!(!text.contains('\u{FFFD}'), "a character came back as U+FFFD");
}

#[test]
fn japanese_comes_back_in_order_with_every_character() {
    let dir = common::tempdir();
    let input = fixture("japanese.yaml");
    let pdf = build_in(dir.path(), &input, &[]);
    let text = text(&pdf);
    // Japanese has no spaces to break at: compare without whitespace.
    let words = pieces(&input);
    assert_in_order(&text, &words);
    assert_in_order(&text, &raw_strings(&input, false));
    assert_no_character_missing(&text, &words);
    // Lines were broken between characters, not by dropping any: the summary's first
    // paragraph is longer than a line and is there whole once squashed.
    let first = squash(&words[2]);
    assert!(squash(&text).contains(&first));
    assert!(!text.lines().any(|l| squash(l) == first), "the first paragraph was not broken at all");
    // ... and where Japanese allows it: no line starts with closing punctuation or ends
    // with an opening bracket.
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(!line.starts_with(['、', '。', '）', '」', '』', '！', '？']), "a line starts badly: {line:?}");
        assert!(!line.ends_with(['（', '「', '『']), "a line ends badly: {line:?}");
    }
}

#[test]
fn multilingual_comes_back_in_order_with_every_character() {
    let dir = common::tempdir();
    let input = fixture("multilingual-eu.yaml");
    let pdf = build_in(dir.path(), &input, &[]);
    let text = text(&pdf);
    let words = pieces(&input);
    assert_in_order(&text, &words);
    assert_in_order(&text, &raw_strings(&input, true));
    assert_no_character_missing(&text, &words);
}

#[test]
fn special_letters_come_back_as_themselves() {
    let dir = common::tempdir();
    let input = fixture("multilingual-eu.yaml");
    let yaml = std::fs::read_to_string(&input).unwrap();
    let text = text(&build_in(dir.path(), &input, &[]));
    // ĳ, ß, ő, ș and ț (comma below, not cedilla), ł, ħ, ġ.
    for c in ['ĳ', 'ß', 'ő', 'ș', 'ț', 'ł', 'ħ', 'ġ'] {
        assert!(yaml.contains(c), "the fixture has no {c}");
        assert!(text.contains(c), "{c:?} (U+{:04X}) is missing from the PDF text", u32::from(c));
    }
    for lookalike in ['ş', 'ţ'] {
        assert!(!text.contains(lookalike), "{lookalike:?} printed, but the fixture has only comma-below letters");
    }
    // Whole words in Greek and Bulgarian Cyrillic.
    for word in ["Ελληνικά", "νοημοσύνη", "ΐ", "ΰ", "ς", "Български", "Съвместната", "щ", "ъ", "ь", "ю", "я"]
    {
        assert!(text.contains(word), "{word:?} is missing from the PDF text");
    }
}

#[test]
fn a_very_long_url_and_word_are_broken_across_lines_on_the_page() {
    let dir = common::tempdir();
    let url = format!("https://example.org/{}", "a".repeat(300 - "https://example.org/".len()));
    let word = "W".repeat(200);
    assert_eq!(url.chars().count(), 300);
    let yaml = common::seed_with(
        // In the summary, on page 1: a page break between its lines would put the running
        // head between them in the extracted text.
        "  In response to the results of this workshop",
        &format!("  See {url} and {word} here.\n\n  In response to the results of this workshop"),
    );
    let input = common::write(dir.path(), "long.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let text = text(&pdf);

    let squashed = squash(&text);
    assert!(squashed.contains(&url), "the URL did not survive:\n{text}");
    assert!(squashed.contains(&word), "the long word did not survive:\n{text}");
    assert_in_order(&text, &pieces(&input));
    let lines_with = |start: &str| text.lines().filter(|l| l.contains(start)).count();
    assert!(!text.lines().any(|l| l.contains(&url)), "the URL is on one line");
    assert!(!text.lines().any(|l| l.contains(&word)), "the word is on one line");
    assert!(lines_with("aaaaaaaaaa") >= 2, "the URL is not split over two lines or more:\n{text}");
    assert!(lines_with("WWWWWWWWWW") >= 2, "the word is not split over two lines or more:\n{text}");

    // Every run of text ends inside the page, within the margin the text starts at.
    let (width, _) = common::page_size(&pdf);
    let runs: Vec<common::Run> = common::runs(&pdf).into_iter().flatten().collect();
    let left = runs.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
    for r in &runs {
        assert!(
            r.x + r.width <= width - left + 0.5,
            "{:?} runs from {} to {} on a {width} pt page with a {left} pt margin",
            r.text,
            r.x,
            r.x + r.width
        );
    }
}

/// The framed boxes of each page, from their stroked vertical sides: (left, right, bottom, top).
fn frames(pdf: &[u8]) -> Vec<Vec<(f32, f32, f32, f32)>> {
    let num = |o: &lopdf::Object| o.as_float().unwrap_or_else(|_| o.as_i64().unwrap_or(0) as f32);
    common::contents(pdf)
        .iter()
        .map(|c| {
            let ops = lopdf::content::Content::decode(c).unwrap().operations;
            let mut sides = Vec::new();
            let mut at = (0.0, 0.0);
            for op in &ops {
                match op.operator.as_str() {
                    "m" => at = (num(&op.operands[0]), num(&op.operands[1])),
                    "l" => {
                        let to = (num(&op.operands[0]), num(&op.operands[1]));
                        if (to.0 - at.0).abs() < 0.01 && (to.1 - at.1).abs() > 10.0 {
                            sides.push((at.0, at.1.min(to.1), at.1.max(to.1)));
                        }
                        at = to;
                    }
                    _ => {}
                }
            }
            // Pair each left side with the right side spanning the same heights.
            let mut boxes = Vec::new();
            for &(x, bottom, top) in &sides {
                let right = sides.iter().filter(|s| s.0 > x + 50.0 && s.1 == bottom && s.2 == top).map(|s| s.0).next();
                if let Some(right) = right {
                    boxes.push((x, right, bottom, top));
                }
            }
            boxes
        })
        .collect()
}

/// Asserts that the text inside each frame keeps at least the distance from the right side
/// that it keeps from the left (the template's padding).
fn assert_text_inside_frames(pdf: &[u8], what: &str) {
    let runs = common::runs(pdf);
    let frames = frames(pdf);
    assert!(frames.iter().any(|f| !f.is_empty()), "{what}: no framed box found");
    for (page, boxes) in frames.iter().enumerate() {
        for &(left, right, bottom, top) in boxes {
            let inside: Vec<&common::Run> =
                runs[page].iter().filter(|r| r.y > bottom && r.y < top && r.x >= left && r.x < right).collect();
            let Some(pad) = inside.iter().map(|r| r.x - left).reduce(f32::min) else { continue };
            for r in &inside {
                assert!(
                    r.x + r.width <= right - pad + 0.5,
                    "{what}, page {}: {:?} ends {:.1} pt from the frame's right side, {pad:.1} pt from its left",
                    page + 1,
                    r.text,
                    right - (r.x + r.width)
                );
            }
        }
    }
}

#[test]
fn japanese_contact_text_keeps_inside_its_frame() {
    let dir = common::tempdir();
    let pdf = build_in(dir.path(), &fixture("japanese.yaml"), &[]);
    assert_text_inside_frames(&pdf, "japanese");
}

#[test]
fn a_long_contact_address_keeps_inside_its_frame() {
    let dir = common::tempdir();
    let url = format!("https://example.org/{}", "b".repeat(280));
    let yaml =
        common::seed_with("  fax: \"+81 3 5253 5924\"\n", &format!("  fax: \"+81 3 5253 5924\"\n  url: {url}\n"));
    let input = common::write(dir.path(), "long-contact.yaml", &yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    assert!(squash(&text(&pdf)).contains(&url));
    assert_text_inside_frames(&pdf, "long contact URL");
}

/// IPAexGothic has one weight and no italic: Japanese that asks for bold (headings,
/// `**strong**`) is drawn stroked, Japanese that asks for emphasis is set in the other
/// Japanese face, never slanted (text47a F47a-24: JLREQ marks emphasis by a change of face or
/// with dots; a slanted kanji is not Japanese typesetting), and both read back as written.
/// Latin text in the same runs keeps Noto Sans's real faces.
#[test]
fn japanese_bold_and_emphasis_show_without_a_bold_face() {
    let dir = common::tempdir();
    let yaml = "\
title: 第11回日EU・ICT戦略ワークショップ
date: 2021-11-30
lang: ja
topics:
  - title: 人工知能
    body: 双方は**信頼できるAI**について意見交換を行い、*国際協力*の重要性を確認した（*cooperation*）。
contact:
  tel: 03-5253-5920
";
    let input = common::write(dir.path(), "ja.yaml", yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let runs: Vec<common::Run> = common::runs(&pdf).concat();
    let run =
        |text: &str| runs.iter().find(|r| r.text == text).unwrap_or_else(|| panic!("no run {text:?} in {:?}", runs));
    // Emphasis in Japanese is set in the other face, upright: Mincho in Gothic text; Latin
    // emphasis beside it keeps its italic face.
    let emphasis = run("国際協力");
    assert!(emphasis.font.ends_with("IPAexMincho") && emphasis.shear == 0.0, "{emphasis:?}");
    let plain = run("の重要性を確認した");
    assert!(plain.font.ends_with("IPAexGothic") && plain.shear == 0.0, "{plain:?}");
    let latin = run("cooperation");
    assert!(latin.font.ends_with("NotoSans-Italic") && latin.shear == 0.0, "{latin:?}");
    // In Mincho text (`press-release`), Gothic.
    let pdf_mincho = build_in(dir.path(), &input, &["--template", "press-release"]);
    let mincho: Vec<common::Run> = common::runs(&pdf_mincho).concat();
    let find = |text: &str| mincho.iter().find(|r| r.text == text).unwrap_or_else(|| panic!("{text:?}: {mincho:?}"));
    let emphasis = find("国際協力");
    assert!(emphasis.font.ends_with("IPAexGothic") && emphasis.shear == 0.0, "{emphasis:?}");
    assert!(find("の重要性を確認した").font.ends_with("IPAexMincho"));
    let latin = find("cooperation");
    assert!(latin.font.ends_with("NotoSans-Italic") && latin.shear == 0.0, "{latin:?}");
    let typed = "双方は信頼できるAIについて意見交換を行い、国際協力の重要性を確認した（cooperation）。";
    assert!(squash(&text(&pdf_mincho)).contains(typed), "{}", text(&pdf_mincho));
    // The title (the largest type), the topic heading and strong text, where set in the
    // Japanese face: stroked.
    let largest = runs.iter().map(|r| r.size).fold(0.0, f32::max);
    let title: Vec<&common::Run> = runs.iter().filter(|r| r.size == largest).collect();
    assert_eq!(title.iter().map(|r| r.text.as_str()).collect::<String>(), "第11回日EU・ICT戦略ワークショップ");
    for r in title.iter().filter(|r| r.font.contains("IPAexGothic")) {
        assert_eq!(r.mode, 2, "title: {:?} is not emboldened", r.text);
    }
    assert_eq!(run("人工知能").mode, 2);
    assert_eq!(run("信頼できる").mode, 2);
    // Latin inside bold text has its real bold face, and is not stroked.
    let ai = run("AI");
    assert!(ai.font.ends_with("NotoSans-Bold"), "{}", ai.font);
    assert_eq!(ai.mode, 0);
    // Emphasis is not emboldened either; plain body text is neither.
    assert_eq!(run("国際協力").mode, 0);
    assert_eq!(plain.mode, 0);
    // Japanese punctuation in the contact block.
    assert!(squash(&text(&pdf)).contains("電話：0352535920"), "{}", text(&pdf));
    // And nothing is lost.
    assert!(squash(&text(&pdf)).contains(typed), "{}", text(&pdf));
}

#[test]
fn a_character_no_font_has_is_an_error_at_its_line() {
    let dir = common::tempdir();
    let yaml = common::seed_with("  - title: AI\n", "  - title: AI 😀\n");
    let line = yaml.lines().position(|l| l.contains('😀')).unwrap() + 1;
    common::write(dir.path(), "emoji.yaml", &yaml);
    let o = run(dir.path(), &["build", "emoji.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("no font has U+1F600"), "{err}");
    assert!(err.contains(&format!("emoji.yaml:{line}:")), "not at line {line}:\n{err}");
    assert!(err.contains("topics[3].title"), "{err}");
    assert!(!dir.path().join("emoji.pdf").exists());
}

#[test]
fn a_character_no_font_has_gets_what_prints_the_same() {
    // text49a F49a-18: `\uFA2E` got the help for a backslash in a path, and `郞` typed none,
    // though its common form prints; F49a-30: `✅` and `❌` none, though `✓` and `✗` print.
    let dir = common::tempdir();
    let yaml = common::seed_with("  - title: AI\n", "  - title: \"AI \\uFA2E \u{F900} \u{2705} \u{274C}\"\n");
    common::write(dir.path(), "signs.yaml", &yaml);
    let o = run(dir.path(), &["check", "signs.yaml"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("help: write `\u{90DE}` (U+90DE), the same kanji in its common form"), "{err}");
    assert!(err.contains("help: write `\u{8C48}` (U+8C48), the same kanji in its common form"), "{err}");
    assert!(err.contains("help: write `✓` for `✅`"), "{err}");
    assert!(err.contains("help: write `✗` for `❌`"), "{err}");
    assert!(!err.contains("for a backslash"), "{err}");
}

#[test]
fn a_japanese_office_line_runs_from_the_ministry_down() {
    // 総務省　国際戦略局　国際政策課, as a Japanese reader writes it; English keeps division first.
    let dir = common::tempdir();
    let ja = squash(&text(&build_in(dir.path(), &fixture("japanese.yaml"), &[])));
    assert!(ja.contains("総務省国際戦略局国際政策課"), "{ja}");
    let en = squash(&text(&build_in(dir.path(), &common::seed(), &[])));
    assert!(en.contains("InternationalPolicyDivision,GlobalStrategyBureau,MIC"), "{en}");
}

#[test]
fn a_briefing_without_lang_written_in_japanese_is_set_as_japanese() {
    let dir = common::tempdir();
    let yaml_text = std::fs::read_to_string(fixture("japanese.yaml")).unwrap().replace("lang: ja\n", "");
    let yaml = common::write(dir.path(), "nolang.yaml", &yaml_text);
    let o = run(dir.path(), &["build", yaml.to_str().unwrap(), "-o", "nolang.pdf"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("lang: ja (detected)"), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("nolang.pdf")).unwrap();
    assert_eq!(common::lang(&pdf).as_deref(), Some("ja"));
    let t = squash(&text(&pdf));
    for label in ["概要", "2020年10月6日", "電話", "総務省国際戦略局国際政策課"] {
        assert!(t.contains(label), "{label}");
    }
    // An explicit lang always wins, and an English briefing is not reported as detected.
    let english = common::write(dir.path(), "en.yaml", &format!("lang: en\n{yaml_text}"));
    let o = run(dir.path(), &["build", english.to_str().unwrap(), "-o", "en.pdf"]);
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("detected"));
    assert_eq!(common::lang(&std::fs::read(dir.path().join("en.pdf")).unwrap()).as_deref(), Some("en"));
    let o = run(dir.path(), &["build", common::seed().to_str().unwrap(), "-o", "seed.pdf"]);
    assert!(!stderr(&o).contains("detected"), "{}", stderr(&o));
}

/// The language each element of the structure tree with text (a paragraph, a topic's title)
/// is read in, by its text.
fn langs(e: &common::Elem, inherited: &str, out: &mut Vec<(String, String)>) {
    let lang = e.lang.clone().unwrap_or_else(|| inherited.to_string());
    if matches!(e.role.as_str(), "P" | "H3" | "H4" | "H5" | "H6") {
        out.push((e.text().trim().to_string(), lang.clone()));
    }
    for k in e.children() {
        langs(k, &lang, out);
    }
}

/// The language each run of text of a web page is read in (its nearest `lang` attribute), by
/// its text.
fn html_langs(html: &str) -> Vec<(String, String)> {
    const VOID: [&str; 6] = ["meta", "link", "br", "img", "input", "hr"];
    // The elements open, with their own language.
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    let mut out = Vec::new();
    for piece in html.split('<').skip(1) {
        let (tag, text) = piece.split_once('>').unwrap_or((piece, ""));
        let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        if tag.starts_with('/') {
            if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(at);
            }
        } else if !tag.starts_with('!') && !VOID.contains(&name.as_str()) {
            let lang = tag.split_once(" lang=\"").and_then(|(_, rest)| rest.split_once('"')).map(|l| l.0.to_string());
            open.push((name, lang));
        }
        if !text.trim().is_empty() {
            let lang = open.iter().rev().find_map(|(_, l)| l.clone()).unwrap_or_default();
            out.push((text.trim().to_string(), lang));
        }
    }
    out
}

/// Texts, each with the language it is read in.
type Read = Vec<(String, String)>;

/// The seed with `topics` for its topics, built as `name`.pdf and `name`.html: the PDF, the
/// page, and the language each text is read in, in the PDF and on the page.
fn built_langs(dir: &Path, name: &str, topics: &str) -> (Vec<u8>, String, [(Read, &'static str); 2]) {
    let path = common::write(dir, &format!("{name}.yaml"), &common::seed_with("topics:\n", topics));
    let pdf = build_in(dir, &path, &["--format", "pdf,html"]);
    let mut pdf_read = Vec::new();
    langs(&common::structure(&pdf), "en", &mut pdf_read);
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
    let html_read = html_langs(&html);
    (pdf, html, [(pdf_read, "PDF"), (html_read, "web page")])
}

/// The languages the texts of `read` that contain `needle` are read in.
fn read_in<'a>(read: &'a [(String, String)], needle: &str) -> Vec<&'a str> {
    read.iter().filter(|(t, _)| t.contains(needle)).map(|(_, l)| l.as_str()).collect()
}

#[test]
fn topics_and_paragraphs_in_other_languages_are_detected_and_marked() {
    // No lang: on these topics: Greek, Bulgarian and Polish are detected and marked, so that
    // a screen reader reads each in its own voice; a short title keeps the briefing's
    // language, and a lang: in the YAML always wins.
    let dir = common::tempdir();
    let topics = "topics:\n  \
        - title: Δεδομένα\n    body: |\n      Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη, και οι δύο πλευρές συμφώνησαν να συνεχίσουν τη συνεργασία.\n  \
        - title: Данни\n    body: |\n      Комисията представи своята стратегия за данните и изкуствения интелект и двете страни се съгласиха да продължат сътрудничеството.\n  \
        - title: Dane\n    body: |\n      Komisja przedstawiła swoją strategię dotyczącą danych i sztucznej inteligencji, a obie strony zgodziły się kontynuować współpracę.\n  \
        - title: Données\n    body: |\n      Merci.\n  \
        - title: Stated\n    lang: fr\n    body: |\n      Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη, και οι δύο πλευρές συμφώνησαν.\n  \
        - title: Mixed\n    body: |\n      The Commission presented its data strategy and both sides agreed to continue their cooperation on trust services.\n\n      \
        La Commission a présenté sa stratégie pour les données et l'intelligence artificielle, et les deux parties ont convenu de poursuivre.\n  \
        - title: Strategy\n    body: |\n      The two delegations then discussed the next steps of their joint research programme on networks.\n\n      \
        Die Kommission stellte ihre Strategie für Daten und künstliche Intelligenz vor, und beide Seiten vereinbarten, die Zusammenarbeit im nächsten Jahr fortzusetzen.\n  \
        - title: Deutsch\n    body: |\n      Größere Übersicht über Maßnahmen zur Förderung der Künstlichen Intelligenz.\n  \
        - title: Participants\n    body: |\n      \
        Participants: Jean-Claude Dupont, François Martin, Hélène Dubois, Pierre Lefèvre and Marie-Anne Rousseau (European Commission).\n";
    let path = common::write(dir.path(), "langs.yaml", &common::seed_with("topics:\n", topics));
    let pdf = build_in(dir.path(), &path, &[]);
    assert_eq!(common::lang(&pdf).as_deref(), Some("en"));
    let tree = common::structure(&pdf);
    let mut read = Vec::new();
    langs(&tree, "en", &mut read);
    let lang_of = |needle: &str| -> Vec<&str> {
        read.iter().filter(|(t, _)| t.contains(needle)).map(|(_, l)| l.as_str()).collect()
    };
    assert_eq!(lang_of("Δεδομένα"), ["el"], "{read:?}");
    assert_eq!(lang_of("Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη, και οι δύο πλευρές συμφώνησαν να"), ["el"]);
    assert_eq!(lang_of("Данни"), ["bg"]);
    assert_eq!(lang_of("Комисията"), ["bg"]);
    assert_eq!(lang_of("Komisja"), ["pl"]);
    assert_eq!(lang_of("Données"), ["en"], "too short to tell: {read:?}");
    assert_eq!(lang_of("Stated"), ["fr"], "lang: wins");
    assert_eq!(lang_of("both sides agreed to continue their cooperation"), ["en"]);
    assert_eq!(lang_of("La Commission a présenté"), ["fr"], "a paragraph of its own: {read:?}");
    // Names are no language's words: French names do not make an English line French. German
    // capitalises its nouns, and is German still.
    assert_eq!(lang_of("Participants: Jean-Claude Dupont"), ["en"], "{read:?}");
    assert_eq!(lang_of("Die Kommission stellte"), ["de"], "{read:?}");
    assert_eq!(lang_of("The two delegations"), ["en"], "{read:?}");
    assert_eq!(lang_of("Größere Übersicht"), ["de"], "{read:?}");
    // The English of the seed is never taken for another language.
    let seed = common::structure(&build_in(dir.path(), &common::seed(), &["--force"]));
    let mut seed_read = Vec::new();
    langs(&seed, "en", &mut seed_read);
    assert!(seed_read.iter().all(|(_, l)| l == "en"), "{seed_read:?}");
    // check --verbose says what it detected.
    let o = run(dir.path(), &["check", "--verbose", "langs.yaml"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    for line in [
        "topics[0] (Δεδομένα): lang: el (detected)",
        "topics[1] (Данни): lang: bg (detected)",
        "topics[7] (Deutsch): lang: de (detected)",
        "topics[5] (Mixed): paragraph \"La Commission a présenté sa stratégie…\": lang: fr (detected)",
    ] {
        assert!(err.contains(line), "{err}");
    }
    for quiet in ["topics[3] (Données)", "topics[4] (Stated): lang", "topics[8]"] {
        assert!(!err.contains(quiet), "{err}");
    }
    assert!(!stderr(&run(dir.path(), &["check", "langs.yaml"])).contains("detected"));
}

#[test]
fn a_topic_keeps_the_language_of_its_own_words_and_a_quotation_gets_its_own() {
    // An English topic that quotes a long passage in German, Greek or Polish (in a quote or a
    // paragraph) stays English, its title and English paragraphs read in English, the
    // quotation in its own language; a German topic with one English paragraph stays German,
    // that paragraph English.
    let dir = common::tempdir();
    let de = "Die Kommission stellte ihre Strategie für Daten und künstliche Intelligenz vor, und beide Seiten \
        vereinbarten, die Zusammenarbeit im nächsten Jahr fortzusetzen. Der Rat hat sich auf eine allgemeine \
        Ausrichtung geeinigt, und die Verhandlungen mit dem Parlament beginnen im Frühjahr.";
    let el = "Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη, και οι δύο \
        πλευρές συμφώνησαν να συνεχίσουν τη συνεργασία τους κατά το επόμενο έτος, με κοινά ερευνητικά προγράμματα.";
    let pl = "Komisja przedstawiła swoją strategię dotyczącą danych i sztucznej inteligencji, a obie strony \
        zgodziły się kontynuować współpracę w przyszłym roku. Rada uzgodniła ogólne podejście, a negocjacje z \
        Parlamentem rozpoczną się wiosną.";
    let topics = format!(
        "topics:\n  \
        - title: Data protection\n    body: |\n      The minister opened the session with a quotation:\n\n      > {de}\n  \
        - title: Electronic identity\n    body: |\n      Both delegations discussed the next steps on electronic identity. \
        The German side then said:\n\n      {de} Die Arbeitsgruppe legt ihren Bericht im Herbst vor.\n  \
        - title: Research cooperation\n    body: |\n      The Greek delegation quoted its minister.\n\n      > {el}\n  \
        - title: Network resilience\n    body: |\n      The Polish presidency summarised the outcome in its own words:\n\n      {pl}\n  \
        - title: Künstliche Intelligenz\n    body: |\n      {de}\n\n      Die Verhandlungen mit dem Parlament \
        beginnen im Frühjahr, wenn die Mitgliedstaaten zugestimmt haben.\n\n      The Commission presented its \
        strategy for data and artificial intelligence, and both sides agreed to continue their cooperation.\n  \
        - title: Datenschutz\n    body: |\n      {de}\n\n      Weitere Schritte folgen.\n"
    );
    let (_, html, reads) = built_langs(dir.path(), "quoted", &topics);
    for (read, what) in &reads {
        let lang_of = |needle: &str| read_in(read, needle);
        for (needle, langs) in [
            ("Data protection", ["en"].as_slice()),
            ("The minister opened the session", &["en"]),
            ("Die Kommission stellte", &["de", "de", "de", "de"]),
            ("Electronic identity", &["en"]),
            ("Both delegations discussed", &["en"]),
            ("Research cooperation", &["en"]),
            ("The Greek delegation quoted", &["en"]),
            ("Η Επιτροπή παρουσίασε", &["el"]),
            ("Network resilience", &["en"]),
            ("The Polish presidency", &["en"]),
            ("Komisja przedstawiła", &["pl"]),
            ("Künstliche Intelligenz", &["de"]),
            ("wenn die Mitgliedstaaten zugestimmt", &["de"]),
            ("The Commission presented its", &["en"]),
            ("Datenschutz", &["de"]),
            // Too short to tell alone: the language of its topic.
            ("Weitere Schritte folgen", &["de"]),
        ] {
            assert_eq!(lang_of(needle), langs, "{what}: {needle}: {read:?}");
        }
    }
    // The quotations are marked where they are, in the PDF's quote and the page's.
    assert!(html.contains("<blockquote>\n<p lang=\"de\">"), "{html}");
    assert!(html.contains("<blockquote>\n<p lang=\"el\">"), "{html}");
    // check --verbose names each paragraph it marked, at its line, and how to set a language.
    let o = run(dir.path(), &["check", "--verbose", "quoted.yaml"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let line = |needle: &str| topics.lines().position(|l| l.contains(needle)).unwrap() + 15;
    for expected in [
        format!("quoted.yaml:{}: topics[0] (Data protection): paragraph \"Die Kommission stellte ihre Strategie für…\": lang: de (detected)", line("> Die Kommission")),
        format!("quoted.yaml:{}: topics[2] (Research cooperation): paragraph \"Η Επιτροπή παρουσίασε τη στρατηγική της…\": lang: el (detected)", line("> Η Επιτροπή")),
        format!("quoted.yaml:{}: topics[3] (Network resilience): paragraph \"Komisja przedstawiła swoją strategię dotyczącą danych…\": lang: pl (detected)", line("Komisja")),
        "topics[4] (Künstliche Intelligenz): lang: de (detected)".to_string(),
        format!("quoted.yaml:{}: topics[4] (Künstliche Intelligenz): paragraph \"The Commission presented its strategy for…\": lang: en (detected)", line("The Commission presented")),
        "`lang:` on a topic sets its language".to_string(),
    ] {
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    for quiet in ["topics[0] (Data protection): lang", "topics[1] (Electronic identity): lang", "Weitere"] {
        assert!(!err.contains(quiet), "{quiet}\n{err}");
    }
}

/// The text of each element of the structure tree that says its own language, with it.
fn own_langs(e: &common::Elem, out: &mut Vec<(String, String, String)>) {
    if let Some(lang) = e.lang.as_ref().filter(|_| e.role != "Document") {
        out.push((e.role.clone(), e.text().trim().to_string(), lang.clone()));
    }
    e.children().into_iter().for_each(|k| own_langs(k, out));
}

#[test]
fn a_sentence_quoting_another_language_keeps_its_own_and_the_quotation_is_a_span() {
    // "The minister said “…” before leaving": eight English words around a long German
    // quotation are English, however the quotation is marked (curly, straight, single or
    // low quotes, guillemets, bold inside, a block quote), and the quotation is a span in
    // German. A German sentence quoting English stays German; short quotations of names
    // are no language's; a quote left open quotes nothing.
    let dir = common::tempdir();
    let q =
        "Wir unterstützen die Zusammenarbeit mit Japan in allen digitalen Bereichen ausdrücklich und ohne Vorbehalt";
    let frames = [
        format!("The minister said “{q}” before leaving for the airport."),
        format!("The minister said \\\"**{q}**\\\" and left."),
        format!("The minister's aide said ‘{q}’ before leaving for the airport."),
        format!("The minister said « {q} » before leaving for the airport."),
    ];
    let mut topics = String::from("topics:\n");
    for (k, frame) in frames.iter().enumerate() {
        topics.push_str(&format!("  - title: T{k}\n    body: \"{frame}\"\n"));
    }
    topics.push_str(&format!(
        "  - title: T4\n    body: |\n      The minister said:\n\n      > {q}\n\n      before leaving.\n  \
        - title: T5\n    body: |\n      Der Minister sagte vor der Presse in Berlin, dass die Zusammenarbeit mit Japan in \
        allen digitalen Bereichen ausdrücklich unterstützt werde, und zitierte „the best partnership we have in the \
        whole wide world today, said the Japanese side“ aus der Erklärung.\n  \
        - title: T6\n    body: |\n      The delegates met “Jean-Claude Dupont” and „François Martin“ in Paris on Monday \
        for the talks on 'the digital partnership' between the two sides.\n"
    ));
    let path = common::write(dir.path(), "quoting.yaml", &common::seed_with("topics:\n", &topics));
    let pdf = build_in(dir.path(), &path, &["--format", "pdf,html"]);
    let mut read = Vec::new();
    own_langs(&common::structure(&pdf), &mut read);
    let quotations: Vec<&(String, String, String)> = read.iter().filter(|(_, t, _)| t.starts_with("Wir")).collect();
    // Each quotation, in a paragraph that says no language of its own (the document's), is a
    // span in German; the block quote is a paragraph in German.
    let roles: Vec<(&str, &str)> = quotations.iter().map(|(r, _, l)| (r.as_str(), l.as_str())).collect();
    assert_eq!(roles, [("Span", "de"), ("Span", "de"), ("Span", "de"), ("Span", "de"), ("P", "de")], "{read:?}");
    assert!(quotations.iter().all(|(_, t, _)| t.starts_with(q) && t.ends_with("Vorbehalt")), "{read:?}");
    let of = |needle: &str| -> Vec<&str> {
        read.iter().filter(|(_, t, _)| t.contains(needle)).map(|(_, _, l)| l.as_str()).collect()
    };
    assert_eq!(of("The minister"), Vec::<&str>::new(), "the frames are the document's English: {read:?}");
    assert_eq!(of("Der Minister sagte"), ["de"], "{read:?}");
    assert_eq!(of("the best partnership"), ["de", "en"], "the German paragraph, its English quotation: {read:?}");
    assert_eq!(of("Jean-Claude"), Vec::<&str>::new(), "{read:?}");
    // The web page marks the same spans.
    let html = std::fs::read_to_string(dir.path().join("quoting.html")).unwrap();
    let spans = html.matches(&format!("<span lang=\"de\">{q}</span>")).count();
    assert_eq!(spans, 4, "{html}");
    assert!(html.contains("<p>The minister said “<span lang=\"de\">Wir"), "{html}");
    assert!(html.contains("„<span lang=\"en\">the best partnership"), "{html}");
    // check --verbose finds no topic nor paragraph in German but the block quote and T5.
    let o = run(dir.path(), &["check", "--verbose", "quoting.yaml"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let detected: Vec<&str> = err.lines().filter(|l| l.contains("(detected)")).collect();
    assert_eq!(detected.len(), 2, "{err}");
    assert!(detected[0].contains("topics[4] (T4): paragraph \"Wir unterstützen"), "{err}");
    assert!(detected[1].contains("topics[5] (T5): lang: de (detected)"), "{err}");
}

#[test]
fn check_verbose_puts_each_paragraph_that_starts_alike_at_its_own_line() {
    // Three German paragraphs in an English topic that start with the same words, after an
    // English one that starts like them too: each is named at its own line.
    let dir = common::tempdir();
    let said = "Der Minister sagte, die Zusammenarbeit mit Japan werde in allen digitalen Bereichen \
        ausdrücklich unterstützt,";
    let topics = format!(
        "topics:\n  - title: Statements on the digital partnership\n    body: |\n      \
        The delegations of the European Union and Japan met in Brussels to discuss their cooperation on data, \
        artificial intelligence and secure networks, and agreed on the next steps of their joint work.\n\n      \
        Der Minister sagte at the press conference that both sides would meet again in the autumn to review \
        the joint programme and its budget.\n\n      \
        {said} und die Arbeitsgruppe lege ihren Bericht im Herbst vor.\n\n      \
        {said} und die Verhandlungen mit dem Parlament begännen im Frühjahr.\n\n      \
        {said} denn Vertrauen sei wichtig für beide Seiten und für Europa.\n\n      \
        The Japanese side welcomed these statements and proposed that the working group report to both \
        ministers before the end of the year, with a list of projects that could start early.\n"
    );
    let yaml = common::seed_with("topics:\n", &topics);
    common::write(dir.path(), "alike.yaml", &yaml);
    let o = run(dir.path(), &["check", "--verbose", "alike.yaml"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let reported: Vec<usize> = err
        .lines()
        .filter(|l| l.contains("paragraph \"Der Minister sagte"))
        .map(|l| l.trim().strip_prefix("alike.yaml:").and_then(|l| l.split(':').next()).unwrap().parse().unwrap())
        .collect();
    let written: Vec<usize> = yaml.lines().enumerate().filter(|(_, l)| l.contains(said)).map(|(i, _)| i + 1).collect();
    assert_eq!(written.len(), 3);
    assert_eq!(reported, written, "{err}");
}

/// Each word of the text under `e`, with the language it is read in (its nearest `/Lang`).
fn words_heard(e: &common::Elem, inherited: &str, out: &mut Vec<(String, String)>) {
    let lang = e.lang.clone().unwrap_or_else(|| inherited.to_string());
    for k in &e.kids {
        match k {
            common::Held::Elem(k) => words_heard(k, &lang, out),
            common::Held::Text(t) => out.extend(t.split_whitespace().map(|w| (w.to_string(), lang.clone()))),
            common::Held::Annot(_) => {}
        }
    }
}

#[test]
fn a_quotation_keeps_its_language_in_a_redline_where_its_paragraph_changed() {
    // A German quotation in an English paragraph, one word of it and one of the English
    // changed: in the redline, the kept, deleted and inserted words of the quotation are read
    // in German, in the PDF and on the web page, and the English around it in English
    // (text15b F2).
    let dir = common::tempdir();
    let version = |word: &str, ended: &str| {
        format!(
            "title: Languages\ndate: 2026-06-18\nsummary: |\n  The minister said: “Wir haben heute die wichtigsten \
            Fragen der künstlichen Intelligenz ausführlich {word} und gemeinsam Lösungen gefunden.” Then the meeting \
            {ended}.\ntopics:\n  - title: T\n    body: |\n      Ordinary English body text.\ncontact:\n  name: Jane Doe\n"
        )
    };
    common::write(dir.path(), "old.yaml", &version("besprochen", "ended"));
    common::write(dir.path(), "new.yaml", &version("erörtert", "closed"));
    for out in ["changes.pdf", "changes.html"] {
        assert_exit(&run(dir.path(), &["diff", "old.yaml", "new.yaml", "-o", out]), 0);
    }
    let pdf = std::fs::read(dir.path().join("changes.pdf")).unwrap();
    let mut heard = Vec::new();
    words_heard(&common::structure(&pdf), "en", &mut heard);
    let html = std::fs::read_to_string(dir.path().join("changes.html")).unwrap();
    let page = html_langs(&html);
    for (word, lang) in [
        ("wichtigsten", "de"),
        ("besprochen", "de"),
        ("erörtert", "de"),
        ("Lösungen", "de"),
        ("minister", "en"),
        ("ended", "en"),
        ("closed", "en"),
    ] {
        let in_pdf: Vec<&str> = heard.iter().filter(|(w, _)| w.contains(word)).map(|(_, l)| l.as_str()).collect();
        assert!(!in_pdf.is_empty() && in_pdf.iter().all(|l| *l == lang), "PDF: {word}: {in_pdf:?}\n{heard:?}");
        let on_page: Vec<&str> = page.iter().filter(|(t, _)| t.contains(word)).map(|(_, l)| l.as_str()).collect();
        assert_eq!(on_page, [lang], "web page: {word}: {page:?}");
    }
    assert!(
        html.contains("<del><span class=\"vh\">Deleted: </span><span lang=\"de\">besprochen</span></del>"),
        "{html}"
    );
}

#[test]
fn a_short_english_paragraph_keeps_its_topic_english_and_its_quotes() {
    // A German paragraph and a short English one ("Japan said "yes" and 'no'."): the topic
    // stays English, the German paragraph is marked German, and the English one keeps English
    // quotation marks. A French sentence, an English one and a table are no French topic; one
    // Spanish or Italian paragraph beside a short English one marks that paragraph alone
    // (text15b F6).
    let dir = common::tempdir();
    let topics = "topics:\n  \
        - title: AI\n    body: |\n      Der Minister sagte: „Wir haben heute die wichtigsten Fragen der künstlichen \
        Intelligenz und der Datenpolitik ausführlich besprochen und gemeinsam Lösungen gefunden.“\n\n      \
        Japan said \"yes\" and 'no'.\n  \
        - title: Trade\n    body: |\n      Le ministre a dit : « nous avançons ». Prix 100 € et 5 %.\n\n      \
        The fee is 100 euros.\n\n      | Item | Cost |\n      |---|---|\n      | Apples | 5 |\n  \
        - title: Spanish\n    body: |\n      Ordinary English body text.\n\n      El ministro dijo que ambas partes \
        habían discutido ampliamente las cuestiones más importantes de la inteligencia artificial.\n  \
        - title: Italian\n    body: |\n      Ordinary English body text.\n\n      Il ministro ha detto che le due parti \
        hanno discusso a lungo le questioni più importanti dell’intelligenza artificiale.\n";
    let (pdf, html, reads) = built_langs(dir.path(), "mixed", topics);
    for (read, what) in &reads {
        let lang_of = |needle: &str| read_in(read, needle);
        for (needle, lang) in [
            ("Der Minister sagte", "de"),
            ("Japan said", "en"),
            ("Trade", "en"),
            ("Le ministre a dit", "en"),
            ("The fee is", "en"),
            ("El ministro", "es"),
            ("Il ministro", "it"),
        ] {
            assert_eq!(lang_of(needle), [lang], "{what}: {needle}: {read:?}");
        }
        assert!(lang_of("Ordinary English").iter().all(|l| *l == "en"), "{what}: {read:?}");
    }
    assert!(html.contains("<p>Japan said “yes” and ‘no’.</p>"), "{html}");
    assert!(!html.contains("class=\"topic\" lang="), "{html}");
    assert!(squash(&text(&pdf)).contains("Japansaid“yes”and‘no’."));
}

/// The language of the element holding each element in `lang`, under `e` (in `parent`).
fn parents_of(e: &common::Elem, lang: &str, parent: &str, out: &mut Vec<String>) {
    let own = e.lang.clone().unwrap_or_else(|| parent.to_string());
    if e.lang.as_deref() == Some(lang) {
        out.push(parent.to_string());
    }
    e.children().into_iter().for_each(|k| parents_of(k, lang, &own, out));
}

#[test]
fn quotations_in_corner_brackets_and_inside_quotations_are_read_in_their_own_languages() {
    // German in 「…」 or 『…』 in an English sentence is a German span, the sentence English
    // (text15a F4); French quoted inside a German quotation is French, inside the German
    // (F5), in the PDF and on the web page.
    let dir = common::tempdir();
    let de = "Wir werden die Zusammenarbeit mit Japan im Bereich der künstlichen Intelligenz weiter vertiefen";
    let fr = "Nous allons renforcer la coopération avec le Japon dans le domaine du numérique";
    let topics = format!(
        "topics:\n  - title: Corner brackets\n    body: |\n      The minister said 「{de}」 yesterday in Brussels.\n\n      \
        The minister said 『{de}』 yesterday in Brussels.\n  \
        - title: Nested quotations\n    body: |\n      The minister said “{de}, und er sagte „{fr}“ in Paris” yesterday.\n"
    );
    let path = common::write(dir.path(), "nested.yaml", &common::seed_with("topics:\n", &topics));
    let pdf = build_in(dir.path(), &path, &["--format", "pdf,html"]);
    let tree = common::structure(&pdf);
    let mut heard = Vec::new();
    words_heard(&tree, "en", &mut heard);
    let heard_as = |word: &str| -> Vec<&str> {
        heard
            .iter()
            .filter(|(w, _)| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)
            .map(|(_, l)| l.as_str())
            .collect()
    };
    assert_eq!(heard_as("Corner"), ["en"], "{heard:?}");
    assert_eq!(heard_as("yesterday"), ["en"; 3], "{heard:?}");
    assert_eq!(heard_as("Wir"), ["de"; 3], "{heard:?}");
    assert_eq!(heard_as("Nous"), ["fr"], "{heard:?}");
    assert_eq!(heard_as("numérique"), ["fr"], "{heard:?}");
    assert_eq!(heard_as("Paris"), ["de"], "{heard:?}");
    let mut parents = Vec::new();
    parents_of(&tree, "fr", "", &mut parents);
    assert_eq!(parents, ["de"], "the French span is inside the German one");
    let html = std::fs::read_to_string(dir.path().join("nested.html")).unwrap();
    assert!(html.contains("<section class=\"topic\" aria-labelledby=\"topic-1\">"), "{html}");
    assert_eq!(html.matches(&format!("<span lang=\"de\">{de}</span>")).count(), 2, "{html}");
    assert!(
        html.contains(&format!(
            "“<span lang=\"de\">{de}, und er sagte „<span lang=\"fr\">{fr}</span>“ in Paris</span>”"
        )),
        "{html}"
    );
    let o = run(dir.path(), &["check", "--verbose", "nested.yaml"]);
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("(detected)"), "{}", stderr(&o));
}

/// A topic title or a heading in a body clearly in another language than its topic's says so,
/// in the PDF, on the web page and in `check --verbose` (text18a H67-1): a Greek title over a
/// Russian text is read in Greek, the topic is not taken for Russian as a whole, and a Greek
/// title is never taken for Russian.
#[test]
fn a_title_or_heading_in_another_language_says_so() {
    let dir = common::tempdir();
    let el = "Γειά σου κόσμε, αυτό είναι ένα κείμενο στα ελληνικά";
    let ru = "Это достаточно длинное предложение на русском языке, чтобы язык определился автоматически.";
    let pl = "To jest wystarczająco długie zdanie w języku polskim, aby język został rozpoznany automatycznie.";
    let de = "Die Kommission stellte ihre Strategie für Daten und künstliche Intelligenz vor";
    let topics = format!(
        "topics:\n  - title: {el}\n    body: {ru}\n  - title: {ru}\n    body: {pl}\n  \
         - title: Next steps\n    body: |\n      The delegations discussed the next steps of their joint programme on networks.\n\n      \
         ### {de}\n\n      The two sides agreed to meet again in Tokyo next spring to review the progress made.\n"
    );
    let (_, html, reads) = built_langs(dir.path(), "titles", &topics);
    for (read, what) in &reads {
        assert_eq!(read_in(read, el), ["el"], "{what}: {read:?}");
        assert_eq!(read_in(read, &ru[..40]), ["ru", "ru"], "{what}: {read:?}");
        assert_eq!(read_in(read, &pl[..30]), ["pl"], "{what}: {read:?}");
        assert_eq!(read_in(read, de), ["de"], "{what}: {read:?}");
        assert_eq!(read_in(read, "Next steps"), ["en"], "{what}: {read:?}");
        assert_eq!(read_in(read, "agreed to meet again"), ["en"], "{what}: {read:?}");
    }
    // The topic with the Greek title stays in the briefing's language as a whole.
    assert!(!html.contains("<section class=\"topic\" lang=\"ru\""), "{html}");
    let o = run(dir.path(), &["check", "--verbose", "titles.yaml"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    for line in
        [format!("topics[0].title ({el}): lang: el (detected)"), format!("topics[1].title ({ru}): lang: ru (detected)")]
    {
        assert!(err.contains(&line), "{err}");
    }
    assert!(!err.contains("topics[0] (Γειά σου κόσμε, αυτό είναι ένα κείμενο στα ελληνικά): lang"), "{err}");
}

/// A language with no labels of its own says so when it is built (text41a F41a-8: its
/// headings printed in English without a word); an EU language has its own.
#[test]
fn a_language_without_labels_of_its_own_says_so() {
    let dir = common::tempdir();
    for (lang, noted) in [("nb", true), ("sv", false), ("en-GB", false)] {
        let yaml = format!(
            "title: T\ndate: 2024-01-01\nlang: {lang}\ntopics:\n  - title: A\n    body: B\ncontact:\n  name: X\n"
        );
        let path = common::write(dir.path(), &format!("{lang}.yaml"), &yaml);
        let out = common::run(dir.path(), &["build", path.to_str().unwrap()]);
        common::assert_exit(&out, 0);
        let err = common::stderr(&out);
        assert_eq!(err.contains("which has no built-in labels"), noted, "{lang}: {err}");
    }
}

/// An English paragraph naming German and French bodies in their own words is English, read
/// so and quoted with English marks; a Slovenian paragraph of some 40 words in an English
/// topic is Slovenian, and Croatian, Czech and Slovak ones beside it are each their own
/// (text47a F47a-12, F47a-13).
#[test]
fn names_of_foreign_bodies_keep_a_paragraph_english_and_a_short_slovenian_one_is_slovenian() {
    let dir = common::tempdir();
    let english = [
        "The Bundesamt für Sicherheit in der Informationstechnik and the Agence nationale de la sécurité des \
         systèmes d'information presented their \"joint\" report.",
        "The Bundesamt für Sicherheit in der Informationstechnik und das Bundesministerium des Innern presented \
         their \"joint\" report.",
        "Representatives of Deutsche Telekom, the Bundesnetzagentur and the Commission nationale de l'informatique \
         et des libertés (CNIL) discussed the \"new\" rules.",
    ];
    let others = [
        (
            "sl",
            "Ministrstvo za digitalno preobrazbo je na delavnici predstavilo svoje prednostne naloge. Obe strani sta \
             se dogovorili, da bosta sodelovanje na področju umetne inteligence in varnosti omrežij nadaljevali tudi \
             v prihodnjem letu, ko bo delavnica potekala v Ljubljani.",
        ),
        (
            "hr",
            "Japan i Hrvatska imaju dugu tradiciju suradnje u području istraživanja. Na sastanku je dogovoreno da će \
             istraživači iz obiju zemalja moći sudjelovati u zajedničkim projektima koje će sufinancirati Europska unija.",
        ),
        (
            "cs",
            "Vláda schválila novou strategii digitální transformace hospodářství. Ministerstvo do konce roku připraví \
             zákon o kybernetické bezpečnosti, který bude upravovat také povinnosti poskytovatelů cloudových služeb a \
             spolupráci s ostatními členskými státy.",
        ),
        (
            "sk",
            "Vláda schválila novú stratégiu digitálnej transformácie hospodárstva. Ministerstvo do konca roka pripraví \
             zákon o kybernetickej bezpečnosti, ktorý bude upravovať aj povinnosti poskytovateľov cloudových služieb a \
             spoluprácu s ostatnými členskými štátmi.",
        ),
    ];
    let mut topics = String::from("topics:\n  - title: Joint report\n    body: |\n");
    for p in english {
        topics.push_str(&format!("      {p}\n\n"));
    }
    topics.push_str("  - title: Cooperation\n    body: |\n      The delegations met in Ljubljana and agreed on the next steps of their joint work.\n");
    for (_, p) in others {
        topics.push_str(&format!("\n      {p}\n"));
    }
    let (pdf, html, reads) = built_langs(dir.path(), "names", &topics);
    for (read, what) in &reads {
        for needle in ["and the Agence nationale", "und das Bundesministerium", "Representatives of Deutsche Telekom"] {
            assert_eq!(read_in(read, needle), ["en"], "{what}: {read:?}");
        }
        for (lang, p) in others {
            let needle = p.split(". ").next().unwrap();
            assert_eq!(read_in(read, needle), [lang], "{what}: {read:?}");
        }
    }
    // English quotation marks, not German „…“ or French « … ».
    for (shown, what) in [(squash(&text(&pdf)), "PDF"), (squash(&html), "web page")] {
        assert_eq!(shown.matches("their“joint”report").count(), 2, "{what}: {shown}");
        assert_eq!(shown.matches("the“new”rules").count(), 1, "{what}: {shown}");
    }
}
