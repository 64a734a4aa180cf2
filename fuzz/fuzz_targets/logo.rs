//! Arbitrary bytes as a template's logo: `decode_image` either reads a PNG or JPEG (within
//! its size limits) or says why not, and a logo it accepts builds into a PDF. No panic, no
//! allocation of what a header merely claims, no timeout.

#![no_main]

use std::sync::OnceLock;

use briefing::diag::SourceFile;
use briefing::fonts::FontBook;
use briefing::load::Limits;
use briefing::model::Briefing;
use briefing::pdf::decode_image;
use briefing::theme::{TemplateRef, Theme};
use briefing::validate::load_briefing;
use briefing::{build, BuildOptions};
use libfuzzer_sys::fuzz_target;

const BRIEFING: &str = "title: Logo\ndate: 2020-10-06\norganisation: MIC\ntopics:\n  - title: T\n    body: Text.\ncontact:\n  tel: \"1\"\n";

fn setup() -> &'static (Briefing, FontBook, Theme) {
    static SETUP: OnceLock<(Briefing, FontBook, Theme)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let fonts = FontBook::builtin();
        let file = SourceFile::new("briefing.yaml", BRIEFING);
        let b = load_briefing(&file, &Limits::default(), &|c| fonts.covers(c)).expect("the fixed briefing is valid");
        let theme = Theme::resolve(TemplateRef::Builtin("default")).expect("the default template loads");
        (b, fonts, theme)
    })
}

fuzz_target!(|data: &[u8]| {
    let (briefing, fonts, theme) = setup();
    let Ok(logo) = decode_image(data) else { return };
    assert!(u64::from(logo.width) * u64::from(logo.height) <= briefing::pdf::MAX_PIXELS);
    let options = BuildOptions { logo: Some(logo), ..BuildOptions::default() };
    let out = build(briefing, theme, fonts, &options).expect("a decoded logo always renders");
    assert!(out.pdf.starts_with(b"%PDF-"));
});
