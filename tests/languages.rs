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
    for field in [&c.note, &c.name, &c.division, &c.bureau, &c.organisation, &c.tel, &c.fax, &c.email, &c.url] {
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
        "      Japan explained the efforts to institutionalize trust services",
        &format!(
            "      See {url} and {word} here.\n\n      Japan explained the efforts to institutionalize trust services"
        ),
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
