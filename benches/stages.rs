//! `cargo bench`: where the seed briefing's time goes, stage by stage, in-process.
//!
//! Runs each stage of a build of the seed on its own (load, validate, layout, then the PDF's
//! plan, draw, subset and assemble) many times and prints each one's median and its share of
//! their sum, so that the next regression shows where it is. "compress" is the part of
//! subset and assemble spent compressing (the font programs in subset, the rest in
//! assemble): every stream of the finished PDF compressed again.
//! A whole process also starts, reads the template and fonts, and writes the file; the
//! `whole_process` bench measures that.

use std::time::{Duration, Instant};

use briefing::fonts::FontBook;
use briefing::load::{self, Limits};
use briefing::model::RawBriefing;
use briefing::theme::{TemplateRef, Theme};

const RUNS: usize = 60;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/japan-eu-ict-workshop-10.yaml");
    let bytes = std::fs::read(&seed).expect("the seed");
    let fonts = FontBook::builtin();
    let covers = |c: char| fonts.covers(c);
    let theme = Theme::resolve(TemplateRef::Builtin("default")).expect("the default template");

    let mut times: Vec<(&'static str, Vec<Duration>)> = Vec::new();
    let mut note = |name: &'static str, d: Duration| match times.iter_mut().find(|(n, _)| *n == name) {
        Some((_, v)) => v.push(d),
        None => times.push((name, vec![d])),
    };
    let mut compress = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let file = load::source_from_bytes("seed.yaml", bytes.clone(), &Limits::default()).expect("loads");
        let raw = load::load_detailed::<RawBriefing>(&file, &Limits::default());
        note("load", t.elapsed());
        let t = Instant::now();
        let b = briefing::validate::validate(raw.value, &file, &covers).expect("the seed is valid");
        let b = briefing::punctuation::briefing(&b);
        note("validate", t.elapsed());
        let t = Instant::now();
        let doc = briefing::layout::layout(&b, &theme, &fonts, Default::default());
        note("layout", t.elapsed());
        let meta = briefing::metadata(&b, &Default::default());
        let mut last = Instant::now();
        let pdf = briefing::pdf::render_in_stages(&doc, &fonts, &meta, None, &mut |stage| {
            note(stage, last.elapsed());
            last = Instant::now();
        })
        .expect("renders");
        compress.push(recompress(&pdf));
    }
    let compress = median(compress);
    let medians: Vec<(&str, Duration)> = times.into_iter().map(|(n, v)| (n, median(v))).collect();
    let total: Duration = medians.iter().map(|(_, d)| *d).sum();
    println!("| stage of the seed's build | median | share |");
    println!("|---|---|---|");
    for (name, d) in &medians {
        let share = d.as_secs_f64() / total.as_secs_f64() * 100.0;
        println!("| {name} | {:.2} ms | {share:.0} % |", d.as_secs_f64() * 1000.0);
        if *name == "assemble" {
            let share = compress.as_secs_f64() / total.as_secs_f64() * 100.0;
            println!(
                "| (compressing, in subset and assemble) | {:.2} ms | {share:.0} % |",
                compress.as_secs_f64() * 1000.0
            );
        }
    }
    println!("| sum | {:.2} ms | 100 % |", total.as_secs_f64() * 1000.0);
}

/// How long compressing the PDF's streams takes: each Flate stream of `pdf` is decompressed,
/// then timed as it is compressed again the way the PDF stage does.
fn recompress(pdf: &[u8]) -> Duration {
    let doc = lopdf::Document::load_mem(pdf).expect("our PDF parses");
    let mut plain = Vec::new();
    for object in doc.objects.values() {
        if let lopdf::Object::Stream(s) = object {
            if let Ok(data) = s.decompressed_content() {
                plain.push(data);
            }
        }
    }
    assert!(!plain.is_empty(), "the PDF has compressed streams");
    let t = Instant::now();
    for data in &plain {
        std::hint::black_box(briefing::pdf::compress(data));
    }
    t.elapsed()
}
