//! Quotations in another language than their paragraph's: a German minister's words in an
//! English sentence are a span of their own, in German (WCAG 3.1.2).

use std::sync::Arc;

use super::super::text::Span;
use crate::markdown::{Quoted, Quoting};

/// `spans`, a paragraph in `lang`, with each quotation in it that is clearly in another
/// language (see [`crate::markdown::quoted_languages`]) numbered in its look, with that
/// language, so that it becomes a span of its own (see `Flow::run_node`). In a redline's
/// paragraph, two versions in one, the new version's quotations hold its kept and inserted
/// text, the old one's its deleted text; text with a language of its own (deleted text that
/// says it) and the gaps between changes are left as they are.
pub(super) fn mark_quotations(spans: &[Span], lang: &str) -> Option<Vec<Span>> {
    let runs: Vec<(&str, _)> = spans.iter().filter(|s| !s.look.gap).map(|s| (s.text.as_str(), s.look.change)).collect();
    let quoted = crate::markdown::quoted_languages(&runs, lang);
    if quoted.is_empty() {
        return None;
    }
    // Each span cut where a quotation begins or ends, its pieces inside marked with the
    // quotations they are in, outer first.
    let mut out = Vec::with_capacity(spans.len() + 2 * quoted.len());
    let (mut at, mut quoting) = (0, Quoting::default());
    for s in spans {
        if s.look.gap || s.look.lang.is_some() {
            at += if s.look.gap { 0 } else { s.text.len() };
            out.push(s.clone());
            continue;
        }
        let end = at + s.text.len();
        quoting.walk(&quoted, (at, end), &mut |q| {
            if let Quoted::Text(piece, open) = q {
                let mut piece =
                    Span { text: s.text[piece.start - at..piece.end - at].to_string(), look: s.look.clone() };
                piece.look.quote = open.iter().map(|&k| (k as u32 + 1, Arc::from(quoted[k].1))).collect();
                out.push(piece);
            }
        });
        at = end;
    }
    Some(out)
}
