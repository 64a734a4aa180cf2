//! A template's own look from files: a logo (a PNG keeps its transparency as a soft mask, a JPEG
//! is embedded as it is) and a font family; a file that cannot be used is an I/O error naming it.

mod common;

use common::{assert_exit, run, seed};
use lopdf::Object;

/// A 4×2 RGBA PNG, half transparent.
fn png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, 4, 2);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&[31, 58, 104, 128].repeat(8)).unwrap();
    drop(w);
    out
}

/// The image XObjects of a PDF, soft masks aside: (width, height, has a soft mask, filter).
fn images(pdf: &[u8]) -> Vec<(i64, i64, bool, String)> {
    let doc = common::load(pdf);
    let streams = || doc.objects.iter().filter_map(|(id, o)| o.as_stream().ok().map(|s| (*id, s)));
    let masks: Vec<lopdf::ObjectId> =
        streams().filter_map(|(_, s)| s.dict.get(b"SMask").and_then(Object::as_reference).ok()).collect();
    streams()
        .filter(|(id, s)| {
            !masks.contains(id) && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
        })
        .map(|(_, s)| {
            let int = |k: &[u8]| s.dict.get(k).and_then(Object::as_i64).unwrap_or(0);
            let filter = s.dict.get(b"Filter").map(common::decode).unwrap_or_default();
            (int(b"Width"), int(b"Height"), s.dict.get(b"SMask").is_ok(), filter)
        })
        .collect()
}

#[test]
fn a_png_logo_is_drawn_with_its_transparency() {
    let dir = common::tempdir();
    std::fs::create_dir(dir.path().join("look")).unwrap();
    std::fs::write(dir.path().join("look/logo.png"), png()).unwrap();
    std::fs::write(dir.path().join("look/mine.yaml"), "title_block: {logo: logo.png, logo_width: 20}\n").unwrap();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "b.yaml", "--template", "look/mine.yaml"]), 0);
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    assert_eq!(images(&pdf), vec![(4, 2, true, "FlateDecode".to_string())]);
    // The page draws it, and the text is all still there.
    let doc = common::load(&pdf);
    let first = *doc.get_pages().values().next().unwrap();
    let content = String::from_utf8_lossy(&doc.get_page_content(first).unwrap()).into_owned();
    assert!(content.contains("/Logo Do"), "the logo is not drawn on page 1");
    common::assert_in_order(&common::body_text(&pdf), &common::pieces(&seed()));
}

#[test]
fn a_jpeg_logo_is_embedded_as_it_is() {
    let dir = common::tempdir();
    // SOI, SOF0 (8 bits, 2 high, 3 wide, 3 components), EOI: enough for a reader of the size.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
        0xFF, 0xD9,
    ];
    std::fs::write(dir.path().join("logo.jpg"), jpeg).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "title_block: {logo: logo.jpg}\n").unwrap();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]), 0);
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    assert_eq!(images(&pdf), vec![(3, 2, false, "DCTDecode".to_string())]);
}

/// A problem with a file a template names is a problem with the template: exit 1, reported
/// at the template's line for it.
#[test]
fn a_missing_or_unreadable_logo_is_an_error_naming_it() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "title_block: {logo: nowhere.png}\n").unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("nowhere.png"), "{}", common::stderr(&o));
    assert!(common::stderr(&o).contains("mine.yaml:1:21"), "{}", common::stderr(&o));
    std::fs::write(dir.path().join("bad.png"), b"GIF89a").unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "title_block: {logo: bad.png}\n").unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("not a PNG or JPEG"), "{}", common::stderr(&o));
    assert!(!dir.path().join("b.pdf").exists());
}

/// A PNG one pixel wide and 65,536 high (a few hundred bytes) made the page images'
/// renderer panic; any logo longer than a side may be is an error at its field.
#[test]
fn a_logo_too_long_on_a_side_is_an_error_not_a_crash() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, 1, 65_536);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_compression(png::Compression::Best);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&vec![0; 65_536]).unwrap();
    drop(w);
    std::fs::write(dir.path().join("tall.png"), out).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "title_block: {logo: tall.png}\n").unwrap();
    for format in ["png", "pdf"] {
        let o = run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml", "--format", format]);
        assert_exit(&o, 1);
        let err = common::stderr(&o);
        assert!(err.contains("mine.yaml:1:21") && err.contains("1 × 65536 pixels"), "{err}");
    }
    assert!(!dir.path().join("b-1.png").exists() && !dir.path().join("b.pdf").exists());
}

/// A folder holding the seed as `b.yaml`, for [`refused_template`].
fn with_seed() -> tempfile::TempDir {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    dir
}

/// What `check b.yaml --template mine.yaml` says of `template` written as `mine.yaml` in
/// `dir` (see [`with_seed`]), which it must refuse.
fn refused_template(dir: &std::path::Path, template: &str) -> String {
    std::fs::write(dir.join("mine.yaml"), template).unwrap();
    let o = run(dir, &["check", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    common::stderr(&o)
}

#[test]
fn a_bold_or_italic_face_without_a_regular_one_is_an_error_not_ignored() {
    let dir = with_seed();
    let err = refused_template(dir.path(), "fonts:\n  bold: nofile.ttf\n  italic: x.ttf\n");
    assert!(err.contains("mine.yaml:2:9: error: fonts.bold: given without fonts.regular"), "{err}");
    assert!(err.contains("mine.yaml:3:11: error: fonts.italic: given without fonts.regular"), "{err}");
}

#[test]
fn a_templates_own_problems_and_its_files_problems_come_together() {
    let dir = with_seed();
    let err =
        refused_template(dir.path(), "title_block:\n  logo: nologo.png\ncolour: x\nfonts:\n  regular: fake.ttf\n");
    let places: Vec<&str> = err.lines().filter(|l| l.starts_with("mine.yaml:")).collect();
    assert_eq!(places.len(), 3, "{err}");
    assert!(places[0].starts_with("mine.yaml:2:9: error: title_block.logo: cannot read nologo.png"), "{err}");
    assert!(places[1].starts_with("mine.yaml:3:1: error: unknown field `colour`"), "{err}");
    assert!(places[2].starts_with("mine.yaml:5:12: error: fonts.regular: cannot read fake.ttf"), "{err}");
}

/// text43b F43b-12: a missing bold face was told only once the regular one was mended, and
/// the logo's width was called a margin.
#[test]
fn every_face_of_a_family_is_checked_at_once() {
    let dir = with_seed();
    std::fs::write(dir.path().join("fake.ttf"), "not a font").unwrap();
    let err = refused_template(
        dir.path(),
        "fonts:\n  regular: fake.ttf\n  bold: nothere.ttf\ntitle_block:\n  logo_width: -5\n",
    );
    let places: Vec<&str> = err.lines().filter(|l| l.starts_with("mine.yaml:")).collect();
    assert_eq!(places.len(), 3, "{err}");
    assert!(places[0].starts_with("mine.yaml:2:12: error: fonts.regular: cannot use the font fake.ttf"), "{err}");
    assert!(places[1].starts_with("mine.yaml:3:9: error: fonts.bold: cannot read nothere.ttf"), "{err}");
    assert!(
        places[2].starts_with("mine.yaml:5:15: error: title_block.logo_width: -5 is not a length between 0 and 200 mm"),
        "{err}"
    );
}

#[test]
fn an_empty_template_is_named_as_a_template() {
    let dir = with_seed();
    // Comments, a document marker, a null: no template at all, not the built-in one.
    for text in ["# nothing yet\n", "---\n", "~\n", "--- # to do\n...\n"] {
        let err = refused_template(dir.path(), text);
        assert!(err.contains("mine.yaml: error: the template is empty"), "{text:?}: {err}");
        assert!(!err.contains("a briefing needs"), "{err}");
    }
}

#[test]
fn a_broken_template_does_not_hide_the_briefings_own_problems() {
    let dir = common::tempdir();
    let seed = std::fs::read_to_string(seed()).unwrap();
    std::fs::write(dir.path().join("b.yaml"), seed.replace("date: 2020-10-06", "date: 2020-02-30")).unwrap();
    std::fs::write(dir.path().join("ok.yaml"), &seed).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "page:\n  margin: [1, 2\n").unwrap();
    for command in ["build", "check", "bundle", "diff"] {
        let mut args = vec![command, "ok.yaml", "b.yaml", "--template", "mine.yaml"];
        if command == "bundle" {
            args.extend(["-o", "d.pdf"]);
        }
        let o = run(dir.path(), &args);
        let err = common::stderr(&o);
        assert_exit(&o, 1);
        // The template's slip first, then the briefing's, each at its line.
        let template = err.find("mine.yaml:2:11: error: this `[` is never closed");
        let briefing = err.find("b.yaml:4:7: error: date: 2020-02-30 does not exist");
        assert!(template.is_some() && briefing.is_some() && template < briefing, "{command}: {err}");
        assert!(!err.contains("ok.yaml:"), "{command}: {err}");
    }
    assert_eq!(common::listing(dir.path()).len(), 3, "a broken template built something");
    // A character no font ever prints is still one of the briefing's problems.
    std::fs::write(dir.path().join("e.yaml"), seed.replace("Results of", "Results 😀 of")).unwrap();
    let o = run(dir.path(), &["check", "e.yaml", "--template", "mine.yaml"]);
    assert!(common::stderr(&o).contains("no font has U+1F600"), "{}", common::stderr(&o));
}

/// text48a F48a-17: with a template that cannot be used (its font file missing), a
/// character no font has in the briefing (`⑴`) was not said: only one no font ever prints
/// (an emoji) was, and `⑴` came up once the template was mended. It is checked against the
/// fonts the briefing would be set in when they are known, else against the built-in ones.
#[test]
fn a_broken_template_does_not_hide_a_character_no_font_has() {
    let dir = common::tempdir();
    let seed = std::fs::read_to_string(seed()).unwrap();
    std::fs::write(dir.path().join("b.yaml"), seed.replacen("title: Results of", "title: Results \u{2474} of", 1))
        .unwrap();
    let line = seed.lines().position(|l| l.starts_with("title: Results of")).unwrap() + 1;
    // Its fonts not read: whether they have it is not known, and said.
    std::fs::write(dir.path().join("mine.yaml"), "fonts: {regular: Nowhere.ttf}\n").unwrap();
    for command in ["check", "build", "diff"] {
        let args: &[&str] = match command {
            "diff" => &["diff", "b.yaml", "b.yaml", "--template", "mine.yaml", "--stat"],
            _ => &[command, "b.yaml", "--template", "mine.yaml"],
        };
        let o = run(dir.path(), args);
        assert_exit(&o, 1);
        let err = common::stderr(&o);
        assert!(err.contains("mine.yaml:1:18: error: fonts.regular: cannot read Nowhere.ttf"), "{command}: {err}");
        let said = format!("b.yaml:{line}:");
        assert!(err.contains(&said) && err.contains("error: title: no built-in font has U+2474"), "{command}: {err}");
        assert!(
            err.contains("(the template's own fonts, which could not be read, are not checked)"),
            "{command}: {err}"
        );
        assert!(err.contains("help: write `(1)` for `⑴`"), "{command}: {err}");
    }
    // A template with no fonts of its own: the built-in ones are the fonts, and none has it.
    std::fs::write(dir.path().join("mine.yaml"), "colour: x\n").unwrap();
    let o = run(dir.path(), &["check", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    let err = common::stderr(&o);
    assert!(err.contains("mine.yaml:1:1: error: unknown field `colour`"), "{err}");
    assert!(err.contains("error: title: no font has U+2474"), "{err}");
    assert!(!err.contains("are not checked"), "{err}");
}

/// text43b F43b-7: with a template that cannot be used, a dossier's title no font ever prints
/// was not told.
#[test]
fn a_broken_template_does_not_hide_a_dossier_title_no_font_prints() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "styles:\n  body: { size: -3 }\n").unwrap();
    let args = ["bundle", "b.yaml", "--template", "mine.yaml", "-o", "d.pdf", "--title", "x \u{1F600}"];
    let o = run(dir.path(), &args);
    assert!(!o.status.success());
    let err = common::stderr(&o);
    assert!(err.contains("mine.yaml:2:17: error: styles.body.size: font size -3"), "{err}");
    assert!(err.contains("--title: ") && err.contains("U+1F600"), "{err}");
    assert!(!dir.path().join("d.pdf").exists());
}

#[test]
fn a_template_can_set_its_own_font_family() {
    let dir = common::tempdir();
    std::fs::copy(common::repo("fonts/DejaVuSans.ttf"), dir.path().join("Mine.ttf")).unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "fonts: {regular: Mine.ttf}\n").unwrap();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    assert_exit(&run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]), 0);
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    let fonts = common::fonts(&pdf);
    assert!(fonts.iter().all(|(name, _)| name.ends_with("+DejaVuSans")), "{fonts:?}");
    common::assert_in_order(&common::body_text(&pdf), &common::pieces(&seed()));

    std::fs::write(dir.path().join("mine.yaml"), "fonts: {regular: Nowhere.ttf}\n").unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("Nowhere.ttf"), "{}", common::stderr(&o));
    std::fs::write(dir.path().join("Bad.ttf"), b"not a font").unwrap();
    std::fs::write(dir.path().join("mine.yaml"), "fonts: {regular: Bad.ttf}\n").unwrap();
    let o = run(dir.path(), &["build", "b.yaml", "--template", "mine.yaml"]);
    assert_exit(&o, 1);
    assert!(common::stderr(&o).contains("Bad.ttf"), "{}", common::stderr(&o));
}

/// A template's printed words (labels, the DRAFT label, the running lines) are set in its
/// fonts and the built-in ones: a character none has is an error at its place, as in a
/// briefing, not drawn as nothing (text47a F47a-16: `Overview 😀` printed "Overview", and
/// `check` said ok).
#[test]
fn a_character_no_font_has_in_a_templates_words_is_an_error_at_its_place() {
    let dir = common::tempdir();
    std::fs::copy(seed(), dir.path().join("b.yaml")).unwrap();
    let mine = "labels: {overview: \"Overview 😀\", draft: \"ENTWURF ☃️\"}\nfooter: {left: \"{short_title} Ⓐ\"}\n";
    std::fs::write(dir.path().join("mine.yaml"), mine).unwrap();
    for command in ["check", "build"] {
        let o = run(dir.path(), &[command, "b.yaml", "--template", "mine.yaml"]);
        assert_exit(&o, 1);
        let err = common::stderr(&o);
        assert!(err.contains("mine.yaml:1:30: error: labels.overview: no font has U+1F600"), "{err}");
        assert!(err.contains("footer.left: no font has U+24B6"), "{err}");
    }
    assert!(!dir.path().join("b.pdf").exists());
    // What the fonts have is fine.
    std::fs::write(dir.path().join("mine.yaml"), "labels: {overview: \"Überblick – 概要\"}\n").unwrap();
    assert_exit(&run(dir.path(), &["check", "b.yaml", "--template", "mine.yaml"]), 0);
}
