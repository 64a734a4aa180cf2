//! Template YAML bytes → a theme (`Theme::resolve` with a user file); when the template is
//! valid, a small fixed briefing is built with it, so every value a template accepts is one
//! the layout and the PDF writer can use. A panic, a timeout or running out of memory is a bug.

#![no_main]

use std::sync::OnceLock;

use briefing::diag::{render_all, SourceFile};
use briefing::fonts::FontBook;
use briefing::load::{source_from_bytes, Limits, LoadError};
use briefing::model::Briefing;
use briefing::theme::{TemplateRef, Theme};
use briefing::validate::load_briefing;
use briefing::{build, BuildOptions};
use libfuzzer_sys::fuzz_target;

/// A briefing that uses every part of the layout: summary, heading, overview, lists, a table,
/// a quote, code, links, a marking for the running lines, a draft watermark, Japanese text.
const BRIEFING: &str = r#"title: Results of the 10th Japan-EU ICT Policy Dialogue Workshop
short_title: ICT workshop
date: 2020-10-06
organisation: Ministry of Internal Affairs and Communications
summary: |
  The workshop was held online. Both sides **agreed** to continue *co-operation*.
heading: Major achievements
overview: |
  - one
  - two
    1. nested
topics:
  - title: 5G and Beyond 5G
    body: |
      | a | b |
      |---|--:|
      | 1 | 2 |

      > a quote with [a link](https://example.org)

      ```
      code	with a tab
      ```
  - title: 日本語の題
    body: 日本と欧州連合は協力に合意した。
contact:
  note: For inquiries
  division: International Policy Division
  tel: "+81 3 5253 5920"
  email: someone@example.org
  url: https://www.soumu.go.jp/
marking: OFFICIAL
draft: true
"#;

fn setup() -> &'static (Briefing, FontBook) {
    static SETUP: OnceLock<(Briefing, FontBook)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let fonts = FontBook::builtin();
        let file = SourceFile::new("briefing.yaml", BRIEFING);
        let b = load_briefing(&file, &Limits::default(), &|c| fonts.covers(c)).expect("the fixed briefing is valid");
        (b, fonts)
    })
}

fuzz_target!(|data: &[u8]| {
    let (briefing, fonts) = setup();
    let file = match source_from_bytes("template.yaml", data.to_vec(), &Limits::default()) {
        Ok(file) => file,
        Err(LoadError::Invalid { file, diagnostics }) => {
            render_all(&file, &diagnostics);
            return;
        }
        Err(e) => panic!("source_from_bytes does no I/O, yet: {e}"),
    };
    let theme = match Theme::resolve(TemplateRef::File(&file)) {
        Ok(theme) => theme,
        Err(e) => {
            assert!(!e.diagnostics.is_empty(), "a bad template with no diagnostics");
            render_all(&e.file, &e.diagnostics);
            return;
        }
    };
    for toc in [false, true] {
        let options = BuildOptions { toc, ..BuildOptions::default() };
        let out = build(briefing, &theme, fonts, &options).expect("built-in fonts always render");
        assert!(out.pdf.starts_with(b"%PDF-"), "output does not start with %PDF-");
    }
});
