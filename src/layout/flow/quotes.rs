//! Quotations in another language than their paragraph's: a German minister's words in an
//! English sentence are a span of their own, in German (WCAG 3.1.2).

use std::sync::Arc;

use super::super::text::Span;

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
    // Each span cut where a quotation begins or ends, its pieces inside marked.
    let mut out = Vec::with_capacity(spans.len() + 2 * quoted.len());
    // (The first quotation not yet behind: quotations are in order, as spans are.)
    let (mut at, mut next) = (0, 0);
    for s in spans {
        if s.look.gap || s.look.lang.is_some() {
            at += if s.look.gap { 0 } else { s.text.len() };
            out.push(s.clone());
            continue;
        }
        let end = at + s.text.len();
        while quoted.get(next).is_some_and(|(q, _)| q.end <= at) {
            next += 1;
        }
        let near = quoted[next..].iter().take_while(|(q, _)| q.start < end);
        let mut cuts: Vec<usize> =
            near.clone().flat_map(|(q, _)| [q.start, q.end]).filter(|&c| c > at && c < end).map(|c| c - at).collect();
        cuts.push(s.text.len());
        let mut from = 0;
        for cut in cuts {
            let mut piece = Span { text: s.text[from..cut].to_string(), look: s.look.clone() };
            let middle = at + from;
            if let Some((k, (_, l))) = near.clone().enumerate().find(|(_, (q, _))| q.contains(&middle)) {
                piece.look.quote = Some(((next + k) as u32 + 1, Arc::from(*l)));
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
