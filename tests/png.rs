//! Page images: `briefing::raster` turns a PDF's pages into PNGs. The tests decode the PNGs
//! (the `png` crate) and assert on their size and pixels.

mod common;

use std::path::Path;

use common::*;

/// A decoded page image: its size and its 8-bit RGB pixels.
struct Image {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let mut decoder = png::Decoder::new(bytes);
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("a PNG image");
        assert_eq!(info.color_type, png::ColorType::Rgb, "RGB, no alpha: pages are opaque");
        buf.truncate(info.buffer_size());
        Image { width: info.width, height: info.height, rgb: buf }
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = ((y * self.width + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The pixels of rows `top..bottom` (fractions of the height) that are ink: dark, or
    /// clearly coloured.
    fn ink(&self, top: f32, bottom: f32, left: f32, right: f32) -> Vec<[u8; 3]> {
        let rows = (top * self.height as f32) as u32..(bottom * self.height as f32) as u32;
        let cols = (left * self.width as f32) as u32..(right * self.width as f32) as u32;
        rows.flat_map(|y| cols.clone().map(move |x| (x, y)))
            .map(|(x, y)| self.pixel(x, y))
            .filter(|p| p.iter().any(|c| *c < 160))
            .collect()
    }
}

/// Builds `yaml` (copied into `dir`, its title replaced by `title` if given) and returns the
/// PDF's bytes.
fn pdf_of(dir: &Path, yaml: &Path, title: Option<&str>) -> Vec<u8> {
    let input = dir.join(yaml.file_name().unwrap());
    let mut text = std::fs::read_to_string(yaml).unwrap();
    if let Some(title) = title {
        let line = text.lines().find(|l| l.starts_with("title:")).unwrap().to_string();
        text = text.replacen(&line, &format!("title: {title}"), 1);
    }
    std::fs::write(&input, text).unwrap();
    let o = run(dir, &["build", input.to_str().unwrap(), "-o", "out.pdf", "--force"]);
    assert_exit(&o, 0);
    std::fs::read(dir.join("out.pdf")).unwrap()
}

fn seed() -> std::path::PathBuf {
    repo("data/japan-eu-ict-workshop-10.yaml")
}

#[test]
fn one_image_per_page_a4_at_the_resolution_asked_for() {
    let dir = tempdir();
    for (yaml, ppi, size) in
        [(seed(), 72.0, (595, 842)), (fixture("japanese.yaml"), 100.0, (827, 1169)), (seed(), 144.0, (1191, 1684))]
    {
        let pdf = pdf_of(dir.path(), &yaml, None);
        let pages = briefing::raster::pages_to_png(&pdf, ppi).unwrap();
        assert_eq!(pages.len(), page_count(&pdf), "{}", yaml.display());
        assert!(pages.len() >= 2, "the fixtures have two pages or more");
        for page in &pages {
            let image = Image::decode(page);
            assert_eq!((image.width, image.height), size, "A4 (595.28 × 841.89 pt) at {ppi} ppi");
        }
    }
}

#[test]
fn the_title_is_drawn_where_it_stands_in_latin_and_japanese_type() {
    let dir = tempdir();
    for yaml in [seed(), fixture("japanese.yaml")] {
        let pdf = pdf_of(dir.path(), &yaml, None);
        let first = Image::decode(&briefing::raster::pages_to_png(&pdf, 72.0).unwrap()[0]);
        // The title: large type in the heading colour (dark blue), some 6 to 13 % down the page.
        let title = first.ink(0.06, 0.13, 0.1, 0.9);
        let area = (0.07 * 0.8 * (first.width * first.height) as f32) as usize;
        assert!(title.len() > area / 20, "{}: only {} of {area} pixels inked", yaml.display(), title.len());
        let blue = title.iter().filter(|[r, _, b]| *b > *r + 40).count();
        assert!(blue > title.len() / 2, "{}: the title is in the heading colour", yaml.display());
        // Nothing in the left margin: the page is drawn where it stands, not shifted or scaled.
        assert!(first.ink(0.0, 1.0, 0.0, 0.1).is_empty(), "{}: ink in the left margin", yaml.display());
        // And the body text below it, black on white.
        let body = first.ink(0.2, 0.8, 0.1, 0.9);
        assert!(body.iter().filter(|p| p.iter().all(|c| *c < 100)).count() > 1000, "{}", yaml.display());
    }
}

#[test]
fn a_changed_title_changes_the_image_and_the_same_pdf_gives_the_same_bytes() {
    let dir = tempdir();
    let pdf = pdf_of(dir.path(), &seed(), None);
    let before = briefing::raster::pages_to_png(&pdf, 72.0).unwrap();
    assert_eq!(before, briefing::raster::pages_to_png(&pdf, 72.0).unwrap(), "deterministic");
    let changed = pdf_of(dir.path(), &seed(), Some("Results of the 11th Workshop"));
    let after = briefing::raster::pages_to_png(&changed, 72.0).unwrap();
    let (old, new) = (Image::decode(&before[0]), Image::decode(&after[0]));
    let title_rows = |i: &Image| {
        i.rgb[(0.06 * i.height as f32) as usize * i.width as usize * 3..]
            [..(0.07 * i.height as f32) as usize * i.width as usize * 3]
            .to_vec()
    };
    assert_ne!(title_rows(&old), title_rows(&new), "the title's rows differ");
}

#[test]
fn garbage_and_broken_pdfs_are_errors_not_panics() {
    let dir = tempdir();
    let pdf = pdf_of(dir.path(), &seed(), None);
    for bad in [&b"hello"[..], b"", b"%PDF-1.7\n%%EOF", &[0xff; 4096]] {
        assert!(
            briefing::raster::pages_to_png(bad, 72.0).is_err(),
            "{:?}",
            String::from_utf8_lossy(&bad[..bad.len().min(20)])
        );
    }
    // A PDF cut short is read as far as it goes, as readers do: whatever it gives, no panic.
    for part in [&pdf[..pdf.len() / 3], &pdf[..pdf.len() - 100], &pdf[pdf.len() / 2..]] {
        let _ = briefing::raster::pages_to_png(part, 72.0);
    }
}

// `briefing build --format png`, `--ppi`, `-o 'X-{p}.png'`, `diff --format png`.

/// Copies `yaml` into `dir` as `name` and runs `briefing ARGS…` there.
fn briefing_in(dir: &Path, yaml: &Path, name: &str, args: &[&str]) -> std::process::Output {
    std::fs::copy(yaml, dir.join(name)).unwrap();
    run(dir, args)
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = listing(dir).into_iter().map(|(n, _)| n).collect();
    names.sort();
    names
}

/// The page images of `pdf` at `ppi`, as a build of the briefing named `source` writes them
/// (each carries that name).
fn pages_of(pdf: &[u8], ppi: f32, source: &str) -> Vec<Vec<u8>> {
    briefing::raster::PageImages::new(pdf.to_vec(), ppi).unwrap().of(source).all().unwrap()
}

#[test]
fn build_format_png_writes_one_image_per_page_beside_the_input() {
    let dir = tempdir();
    let o = briefing_in(dir.path(), &seed(), "x.yaml", &["build", "x.yaml", "--format", "pdf,png"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("wrote x-1.png … x-2.png (2 pages"), "{}", stderr(&o));
    let pdf = read(dir.path(), "x.pdf");
    assert_eq!(page_count(&pdf), 2);
    assert_eq!(names(dir.path()), ["x-1.png", "x-2.png", "x.pdf", "x.yaml"]);
    // The images are the pages of the PDF written beside them, at 144 ppi.
    let images = [read(dir.path(), "x-1.png"), read(dir.path(), "x-2.png")];
    assert_eq!(images.to_vec(), pages_of(&pdf, 144.0, "x.yaml"));
    for image in &images {
        let image = Image::decode(image);
        assert_eq!((image.width, image.height), (1191, 1684));
    }
    // --ppi sets the size; png alone writes no PDF.
    let dir = tempdir();
    let o = briefing_in(dir.path(), &seed(), "x.yaml", &["build", "x.yaml", "--format", "png", "--ppi", "72"]);
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["x-1.png", "x-2.png", "x.yaml"]);
    let image = Image::decode(&read(dir.path(), "x-2.png"));
    assert_eq!((image.width, image.height), (595, 842));
    for bad in ["0", "5000", "many"] {
        let o = run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", bad]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("pixels per inch"), "{}", stderr(&o));
    }
}

#[test]
fn o_names_the_pages_with_p_and_refuses_several_pages_without_it() {
    let dir = tempdir();
    let o = briefing_in(dir.path(), &seed(), "x.yaml", &["build", "x.yaml", "-o", "page-{p}.png", "--ppi", "36"]);
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["page-1.png", "page-2.png", "x.yaml"]);
    // Two pages to one name: refused, naming the fix, and nothing written.
    let o = run(dir.path(), &["build", "x.yaml", "-o", "one.png", "--ppi", "36"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("one.png names one image, but there are 2 pages"), "{}", stderr(&o));
    assert!(stderr(&o).contains("-o 'one-{p}.png'"), "{}", stderr(&o));
    let o = run(dir.path(), &["build", "x.yaml", "-o", "both.pdf", "--format", "pdf,png", "--ppi", "36"]);
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["both-1.png", "both-2.png", "both.pdf", "page-1.png", "page-2.png", "x.yaml"]);
    // One page to one name is one file.
    let o = run(dir.path(), &["build", "x.yaml", "-o", "one.png", "--ppi", "36", "--template", "one-pager"]);
    assert_exit(&o, 0);
    assert!(names(dir.path()).contains(&"one.png".to_string()));
    Image::decode(&read(dir.path(), "one.png"));
}

#[test]
fn a_p_pattern_names_a_format_of_one_file_the_same_way_whatever_the_formats() {
    // text49b F49b-5: `-o '{p}.png' --format pdf,png` wrote the PDF as the hidden `.png.pdf`,
    // and `-o 'a-{p}.pdf'` wrote `a-{p}.pdf` alone but `a.pdf` with `--format pdf,html`.
    let dir = tempdir();
    let o = briefing_in(dir.path(), &seed(), "s.yaml", &["build", "s.yaml", "-o", "{p}.png", "--format", "pdf,png"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("-o {p}.png leaves no name for the PDF"), "{}", stderr(&o));
    assert_eq!(names(dir.path()), ["s.yaml"], "nothing written");
    let o = run(dir.path(), &["build", "s.yaml", "-o", "a-{p}.pdf"]);
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["a.pdf", "s.yaml"]);
    let o = run(dir.path(), &["build", "s.yaml", "-o", "b-{p}.png", "--format", "pdf,png", "--ppi", "20"]);
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["a.pdf", "b-1.png", "b-2.png", "b.pdf", "s.yaml"]);
}

#[test]
fn a_bilingual_briefing_gives_each_language_its_pages() {
    let dir = tempdir();
    let o = briefing_in(
        dir.path(),
        &fixture("bilingual.yaml"),
        "d.yaml",
        &["build", "d.yaml", "--format", "png", "--ppi", "36"],
    );
    assert_exit(&o, 0);
    assert_eq!(names(dir.path()), ["d.en-1.png", "d.en-2.png", "d.ja-1.png", "d.ja-2.png", "d.yaml"]);
    assert_ne!(read(dir.path(), "d.en-1.png"), read(dir.path(), "d.ja-1.png"));
    // Named with `{p}`, and a PDF beside: the page number once, and no `{p}` in the PDF's name.
    std::fs::create_dir(dir.path().join("o")).unwrap();
    let o = run(dir.path(), &["build", "d.yaml", "--format", "pdf,png", "-o", "o/o-{p}.png", "--ppi", "36"]);
    assert_exit(&o, 0);
    let named = ["o-1.en.png", "o-1.ja.png", "o-2.en.png", "o-2.ja.png", "o.en.pdf", "o.ja.pdf"];
    assert_eq!(names(&dir.path().join("o")), named);
    // Side by side: the one PDF's pages.
    let o = run(dir.path(), &["build", "d.yaml", "--parallel", "--format", "pdf,png", "--ppi", "36"]);
    assert_exit(&o, 0);
    let pdf = read(dir.path(), "d.pdf");
    let pages = page_count(&pdf);
    assert!(pages >= 2);
    assert_eq!(read(dir.path(), &format!("d-{pages}.png")), pages_of(&pdf, 36.0, "d.yaml")[pages - 1]);
    assert!(!dir.path().join(format!("d-{}.png", pages + 1)).exists());
}

#[test]
fn batches_write_page_images_into_the_out_dir() {
    let dir = tempdir();
    std::fs::copy(seed(), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(fixture("japanese.yaml"), dir.path().join("b.yaml")).unwrap();
    let o = run(dir.path(), &["build", "a.yaml", "b.yaml", "--out-dir", "out", "--format", "png,pdf", "--ppi", "36"]);
    assert_exit(&o, 0);
    let out = dir.path().join("out");
    assert_eq!(names(&out), ["a-1.png", "a-2.png", "a.pdf", "b-1.png", "b-2.png", "b.pdf"]);
}

#[test]
fn page_images_are_written_together_with_the_pdf_or_not_at_all() {
    let dir = tempdir();
    std::fs::copy(seed(), dir.path().join("x.yaml")).unwrap();
    // A read-only second page (one that went out): nothing of the run is written.
    let locked = dir.path().join("x-2.png");
    std::fs::write(&locked, b"kept").unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "--format", "pdf,png", "--ppi", "36"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("x-2.png"), "{}", stderr(&o));
    assert_eq!(names(dir.path()), ["x-2.png", "x.yaml"], "no PDF, no first page, no temporary file");
    assert_eq!(read(dir.path(), "x-2.png"), b"kept");
    // --force replaces it, as for a PDF.
    let o = run(dir.path(), &["build", "x.yaml", "--format", "pdf,png", "--ppi", "36", "--force"]);
    assert_exit(&o, 0);
    Image::decode(&read(dir.path(), "x-2.png"));
}

#[test]
fn diff_format_png_writes_the_redline_pages() {
    let dir = tempdir();
    let text = std::fs::read_to_string(seed()).unwrap();
    std::fs::write(dir.path().join("old.yaml"), &text).unwrap();
    std::fs::write(dir.path().join("new.yaml"), text.replace("Results of 10th", "Outcome of 10th")).unwrap();
    let o = run(dir.path(), &["diff", "old.yaml", "new.yaml", "--format", "pdf,png", "--ppi", "36"]);
    assert_exit(&o, 0);
    let pdf = read(dir.path(), "new.changes.pdf");
    let pages: Vec<String> = (1..=page_count(&pdf)).map(|p| format!("new.changes-{p}.png")).collect();
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(read(dir.path(), page), pages_of(&pdf, 36.0, "new.yaml")[i], "{page}");
    }
    assert!(!dir.path().join(format!("new.changes-{}.png", pages.len() + 1)).exists());
}

#[test]
fn page_images_beyond_the_pixel_budget_are_refused_before_anything_is_drawn_or_written() {
    // About twenty pages: at 600 ppi that is over 400 million pixels, more than one run draws
    // within the README's time and memory promise.
    let dir = tempdir();
    let mut yaml = String::from("title: Many topics\ndate: 2026-06-18\ncontact:\n  email: a@example.org\ntopics:\n");
    for i in 0..120 {
        yaml.push_str(&format!(
            "  - title: Topic {i}\n    body: |\n      {}\n",
            "Both sides shared progress on the work. ".repeat(12)
        ));
    }
    std::fs::write(dir.path().join("many.yaml"), yaml).unwrap();
    let o = run(dir.path(), &["build", "many.yaml", "--format", "pdf,png", "--ppi", "600"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("at 600 ppi would be") && err.contains("--ppi"), "{err}");
    assert_eq!(names(dir.path()), ["many.yaml"], "neither the PDF nor any image is written");
    // The same pages at a resolution within the budget are drawn.
    let o = run(dir.path(), &["build", "many.yaml", "--format", "png", "--ppi", "36"]);
    assert_exit(&o, 0);
    assert!(names(dir.path()).len() > 12, "{:?}", names(dir.path()));
    // Above print resolution --ppi itself is refused, with the range.
    let o = run(dir.path(), &["build", "many.yaml", "--format", "png", "--ppi", "601"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("from 9 to 600"), "{}", stderr(&o));
}

/// A briefing of about ten pages in each of `langs` (every text the same in each).
fn ten_pages(langs: &[&str]) -> String {
    topics(langs, 60)
}

/// A briefing of `n` topics (six to a page) in each of `langs`.
fn topics(langs: &[&str], n: usize) -> String {
    let each = |text: &str| -> String {
        match langs {
            [_] => text.to_string(),
            _ => format!("{{ {} }}", langs.iter().map(|l| format!("{l}: \"{text}\"")).collect::<Vec<_>>().join(", ")),
        }
    };
    let mut yaml = match langs {
        [_] => String::new(),
        _ => format!("lang: [{}]\n", langs.join(", ")),
    };
    yaml += &format!("title: {}\ndate: 2026-06-18\ncontact:\n  email: a@example.org\ntopics:\n", each("Many topics"));
    for i in 0..n {
        let body = "Both sides shared progress on the work. ".repeat(12);
        yaml += &format!("  - title: {}\n    body: {}\n", each(&format!("Topic {i}")), each(body.trim()));
    }
    yaml
}

/// The pages and millions of pixels an error says a run would draw.
fn refused(err: &str) -> (u64, u64) {
    let at = err.find(" pages at 600 ppi would be ").unwrap_or_else(|| panic!("{err}"));
    let pages: String = err[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    let millions: String = err[at + 27..].chars().take_while(char::is_ascii_digit).collect();
    (pages.chars().rev().collect::<String>().parse().unwrap(), millions.parse().unwrap())
}

#[test]
fn every_language_and_every_input_of_a_run_share_its_pixel_budget() {
    // An A4 page at 600 ppi is 4961 × 7016 pixels: eleven fit in the 400 million of a run.
    let a4 = 4961 * 7016;
    let dir = tempdir();
    std::fs::write(dir.path().join("two.yaml"), ten_pages(&["en", "de"])).unwrap();
    let o = run(dir.path(), &["build", "two.yaml", "--format", "png", "--ppi", "600"]);
    assert_exit(&o, 2);
    let (pages, millions) = refused(&stderr(&o));
    assert!(pages / 2 * a4 < 400_000_000, "each language alone ({} pages) is within the budget", pages / 2);
    assert!(millions * 1_000_000 > 400_000_000 && millions == (pages * a4).div_ceil(1_000_000), "{}", stderr(&o));
    assert_eq!(names(dir.path()), ["two.yaml"], "no image of either language, no temporary file");
    // A batch: each input within the budget, together not; refused before any is drawn, and
    // the folder made for it taken back.
    for name in ["a.yaml", "b.yaml"] {
        std::fs::write(dir.path().join(name), ten_pages(&["en"])).unwrap();
    }
    let o = run(dir.path(), &["build", "a.yaml", "b.yaml", "--out-dir", "out", "--format", "pdf,png", "--ppi", "600"]);
    assert_exit(&o, 2);
    let (pages, _) = refused(&stderr(&o));
    assert!(pages / 2 * a4 < 400_000_000 && pages * a4 > 400_000_000, "{}", stderr(&o));
    assert!(stderr(&o).contains("the 2 briefings"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists(), "nothing written, the folder made for it removed again");
}

#[test]
fn the_pages_an_earlier_longer_version_wrote_are_removed_and_nothing_else() {
    let dir = tempdir();
    std::fs::write(dir.path().join("x.yaml"), topics(&["en"], 70)).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "-o", "pg-{p}.png", "--ppi", "9"]);
    assert_exit(&o, 0);
    let long = names(dir.path()).len() - 1;
    assert!(long >= 11, "{:?}", names(dir.path()));
    // Beside them: a file of the pattern that is not a PNG, and PNGs of other names.
    let png = read(dir.path(), "pg-1.png");
    std::fs::write(dir.path().join(format!("pg-{}.png", long + 1)), b"my notes").unwrap();
    for other in ["pg-05.png", "pg-3.png.bak", "other-3.png"] {
        std::fs::write(dir.path().join(other), &png).unwrap();
    }
    std::fs::write(dir.path().join("x.yaml"), topics(&["en"], 8)).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "-o", "pg-{p}.png", "--ppi", "9"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains(&format!("removed pg-3.png … pg-{long}.png, pages of an earlier version")),
        "{}",
        stderr(&o)
    );
    let notes = format!("pg-{}.png", long + 1);
    // What stopped the removal is said (text21b P21-6).
    let said = format!("note: {notes} and the pages after it were left: it is not a PNG image");
    assert!(stderr(&o).contains(&said), "{}", stderr(&o));
    let mut kept = vec!["other-3.png", "pg-05.png", "pg-1.png", "pg-2.png", "pg-3.png.bak", notes.as_str(), "x.yaml"];
    kept.sort();
    assert_eq!(names(dir.path()), kept);
    for page in ["pg-1.png", "pg-2.png"] {
        Image::decode(&read(dir.path(), page));
    }
    // The default names too, in each language of a briefing; a page of another briefing stays.
    let dir = tempdir();
    std::fs::write(dir.path().join("x.yaml"), topics(&["en", "de"], 70)).unwrap();
    assert_exit(&run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", "9"]), 0);
    std::fs::write(dir.path().join("y-1.png"), &png).unwrap();
    std::fs::write(dir.path().join("x.yaml"), topics(&["en", "de"], 1)).unwrap();
    assert_exit(&run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", "9"]), 0);
    assert_eq!(names(dir.path()), ["x.de-1.png", "x.en-1.png", "x.yaml", "y-1.png"]);
    // A first build removes nothing: an `x-3.png` beside a two-page briefing never built
    // before is the user's own.
    let dir = tempdir();
    std::fs::write(dir.path().join("x.yaml"), topics(&["en"], 8)).unwrap();
    std::fs::write(dir.path().join("x-3.png"), &png).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", "9"]);
    assert_exit(&o, 0);
    assert!(dir.path().join("x-3.png").exists() && !stderr(&o).contains("removed"), "{}", stderr(&o));
    assert!(dir.path().join("x-1.png").exists() && dir.path().join("x-2.png").exists(), "{:?}", names(dir.path()));
    // Past a page removed by hand, the pages are kept, and that is said.
    std::fs::write(dir.path().join("x.yaml"), topics(&["en"], 70)).unwrap();
    assert_exit(&run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", "9"]), 0);
    std::fs::remove_file(dir.path().join("x-4.png")).unwrap();
    std::fs::write(dir.path().join("x.yaml"), topics(&["en"], 8)).unwrap();
    let o = run(dir.path(), &["build", "x.yaml", "--format", "png", "--ppi", "9"]);
    let said =
        "note: x-5.png and the pages after it were left: x-4.png is missing, so they may not be of this briefing";
    assert!(
        stderr(&o).contains("removed x-3.png, a page of an earlier version") && stderr(&o).contains(said),
        "{}",
        stderr(&o)
    );
    assert!(dir.path().join("x-5.png").exists());
}

/// A page too large for one image at the resolution asked for says the resolution it fits
/// at (text40b F40b-12: "too large an image", the limit and the way out unsaid).
#[test]
fn a_page_too_large_for_one_image_says_the_resolution_that_fits() {
    let dir = common::tempdir();
    let template = common::write(dir.path(), "a3.yaml", "page: { size: A3 }\n");
    let out = common::run(
        dir.path(),
        &["build", seed().to_str().unwrap(), "--template", template.to_str().unwrap(), "-o", "x.png", "--ppi", "600"],
    );
    common::assert_exit(&out, 2);
    let err = common::stderr(&out);
    assert!(err.contains("7016 × 9921 pixels at 600 ppi, more than the 40 million one image holds"), "{err}");
    assert!(err.contains("at most --ppi 454 for this page size"), "{err}");
    assert!(!dir.path().join("x.png").exists());
}
