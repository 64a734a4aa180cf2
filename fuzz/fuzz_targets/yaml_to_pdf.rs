//! YAML bytes → source checks → load and validate → build → PDF bytes, as the CLI does with
//! the default template and the built-in fonts. Invalid input must give diagnostics; valid
//! input must give a PDF. A panic, a timeout or running out of memory is a bug.

#![no_main]

use std::sync::OnceLock;

use briefing::diag::render_all;
use briefing::fonts::FontBook;
use briefing::load::{source_from_bytes, Limits, LoadError};
use briefing::theme::{TemplateRef, Theme};
use briefing::validate::load_briefings;
use briefing::{build, BuildOptions};
use libfuzzer_sys::fuzz_target;

/// The default theme and the built-in fonts, made once: font metrics are parsed on first use
/// and kept, as in one run of the CLI.
fn setup() -> &'static (Theme, FontBook) {
    static SETUP: OnceLock<(Theme, FontBook)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let theme = Theme::resolve(TemplateRef::Builtin("default")).expect("the default template loads");
        (theme, FontBook::builtin())
    })
}

fuzz_target!(|data: &[u8]| {
    let (theme, fonts) = setup();
    let limits = Limits::default();
    let file = match source_from_bytes("fuzz.yaml", data.to_vec(), &limits) {
        Ok(file) => file,
        Err(LoadError::Invalid { file, diagnostics }) => {
            render_all(&file, &diagnostics);
            return;
        }
        Err(e) => panic!("source_from_bytes does no I/O, yet: {e}"),
    };
    // Every language of a briefing written in several (`lang: [en, ja]`).
    let briefings = match load_briefings(&file, &limits, &|c| fonts.covers(c)) {
        Ok(b) => b,
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "an invalid briefing with no diagnostics");
            // The diagnostics are shown to the user: rendering them must not panic either.
            render_all(&file, &diagnostics);
            return;
        }
    };
    assert!(!briefings.is_empty(), "a valid file with no briefing");
    for briefing in &briefings {
        let out = build(briefing, theme, fonts, &BuildOptions::default()).expect("built-in fonts always render");
        assert!(out.pdf.starts_with(b"%PDF-"), "output does not start with %PDF-");
        assert!(out.pages >= 1, "a PDF without pages");
    }
});
