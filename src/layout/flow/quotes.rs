//! Quotations in another language than their paragraph's: a German minister's words in an
//! English sentence are a span of their own, in German (WCAG 3.1.2).

use std::sync::Arc;

use super::super::text::Span;

/// `spans`, a paragraph in `lang`, with each quotation in it that is clearly in another
/// language (see [`crate::language::quoted_languages`]) numbered in its look, with that
/// language, so that it becomes a span of its own (see `Flow::run_node`). A redline's
/// paragraph, whose text is two versions, is left as it is.
pub(super) fn mark_quotations(spans: &[Span], lang: &str) -> Option<Vec<Span>> {
    if spans.iter().any(|s| s.look.change.is_some()) {
        return None;
    }
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let quoted = crate::language::quoted_languages(&text, lang);
    if quoted.is_empty() {
        return None;
    }
    // Each span cut where a quotation begins or ends, its pieces inside marked.
    let mut out = Vec::with_capacity(spans.len() + 2 * quoted.len());
    let mut at = 0;
    for s in spans {
        let end = at + s.text.len();
        let mut cuts: Vec<usize> =
            quoted.iter().flat_map(|(q, _)| [q.start, q.end]).filter(|&c| c > at && c < end).map(|c| c - at).collect();
        cuts.push(s.text.len());
        let mut from = 0;
        for cut in cuts {
            let mut piece = Span { text: s.text[from..cut].to_string(), look: s.look.clone() };
            let middle = at + from;
            if let Some((k, (_, l))) = quoted.iter().enumerate().find(|(_, (q, _))| q.contains(&middle)) {
                piece.look.quote = Some((k as u32 + 1, Arc::from(*l)));
            }
            if !piece.text.is_empty() {
                out.push(piece);
            }
            from = cut;
        }
        at = end;
    }
    Some(out)
}
