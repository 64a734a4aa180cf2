//! A running line's marking ("For official use only"): its look, its element, and the
//! pieces it is read in, each in its language — a dossier cover's markings of briefings in
//! several languages, side by side the second column's, and Japanese written inside a marking
//! in another language (`取扱注意 / Restricted`).

use crate::theme::Theme;

use super::running::Fill;
use super::structure::{NodeId, Role, Structure};
use super::text::{mark_japanese, Look, Span};

/// Whether a dossier cover's markings, `joined`, are too long for its running line: in
/// capitals at the running line's floor, wider than nine tenths of the text. The cover then
/// prints them in full under its title, not on its running line.
pub(super) fn cover_in_full(flow: &super::flow::Flow<'_>, joined: &str) -> bool {
    let mut small = super::flow::look(&flow.theme.styles.meta);
    small.size = super::running::SMALLEST;
    small.style.bold = true;
    flow.str_width(&joined.to_uppercase(), &small) > 0.9 * super::content_box(flow.theme).1
}

/// The language of a marking written in a briefing in `lang`: Japanese when every letter of
/// it is kana or kanji, another when it is clearly in one (text40b F40b-7), else `lang`.
pub(super) fn marking_language(marking: &str, lang: &str) -> String {
    let mut letters = marking.chars().filter(|c| c.is_alphanumeric()).peekable();
    let japanese = letters.peek().is_some() && letters.all(crate::script::is_kana_or_kanji);
    if japanese && crate::script::primary_language(lang) != "ja" {
        "ja".to_string()
    } else {
        crate::language::other_than(marking, lang).unwrap_or(lang).to_string()
    }
}

/// The marking's look ("For official use only"): the running look, bold, two points larger
/// and in the colour of the text, so that it stands apart from the running head.
pub(super) fn marking_look(theme: &Theme, running: &Look) -> Look {
    let mut l = running.clone();
    l.style.bold = true;
    l.size = running.size + 2.0;
    l.color = theme.styles.body.color;
    l
}

/// An owner's marking on its first page: its paragraph, the running part that prints it, and,
/// when it is read in pieces of different languages (see [`pieces`]), a span for each piece.
pub(super) type Element<'t> = (NodeId, &'t String, Option<Vec<NodeId>>);

/// The paragraph an owner's marking is on its first page, as the first element of `parent`,
/// and the running part (in the first line printed on that page) that prints it, with a span
/// for each of its [`pieces`] when there are several; none without a marking. Every page
/// prints the marking, the first too.
pub(super) fn element<'t>(
    structure: &mut Structure,
    theme: &'t Theme,
    fill: &Fill,
    parent: NodeId,
) -> Option<Element<'t>> {
    if fill.marking.trim().is_empty() {
        return None;
    }
    let part = [&theme.header, &theme.footer]
        .into_iter()
        .flat_map(|running| [&running.left, &running.center, &running.right])
        .find(|part| part.contains("{marking}"))?;
    // (An element in its parent's language, or `""`, records none of its own.)
    let node = structure.add_first(parent, Role::P, &fill.marking_lang);
    let pieces = pieces(fill, false);
    let spans = (pieces.len() > 1).then(|| pieces.iter().map(|p| structure.add(node, Role::Span, &p.lang)).collect());
    Some((node, part, spans))
}

/// A stretch of a printed marking in one language.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    /// As printed (in capitals, when the running line is).
    pub shown: String,
    /// As typed.
    pub typed: String,
    /// Its language (`""`: the marking's element's).
    pub lang: String,
}

/// The marking `fill` prints (its own and then those of [`Fill::marking_more`], `A / B / C`),
/// in stretches of one language each: each marking in its language, the Japanese written
/// inside one in another language (numbered as paragraphs number it, see [`mark_japanese`])
/// in Japanese. A separator and the spaces after a stretch end it; neighbours in one
/// language are one piece. Each marking is in capitals with `caps`, unless it holds
/// Japanese.
pub(super) fn pieces(fill: &Fill, caps: bool) -> Vec<Piece> {
    let parts = std::iter::once((fill.marking.as_str(), fill.marking_lang.as_str()))
        .chain(fill.marking_more.iter().map(|(m, l)| (m.as_str(), l.as_str())));
    pieces_of(&parts.collect::<Vec<_>>(), caps, &fill.lang)
}

/// [`pieces`] of markings in their languages (`""`: `around`, the language around them).
pub(super) fn pieces_of(parts: &[(&str, &str)], caps: bool, around: &str) -> Vec<Piece> {
    let count = parts.len();
    let mut out: Vec<Piece> = Vec::new();
    for (i, &(marking, lang)) in parts.iter().enumerate() {
        let mut stretches = japanese_stretches(marking, lang);
        if let [only] = &mut stretches[..] {
            let lang = if lang.is_empty() { around } else { lang };
            only.shown = if caps { super::capitals::capitals(marking, lang) } else { marking.to_string() };
        }
        if let Some(last) = stretches.last_mut().filter(|_| i + 1 < count) {
            last.shown.push_str(" / ");
            last.typed.push_str(" / ");
        }
        for piece in stretches {
            match out.last_mut() {
                Some(last) if last.lang == piece.lang => {
                    last.shown.push_str(&piece.shown);
                    last.typed.push_str(&piece.typed);
                }
                _ => out.push(piece),
            }
        }
    }
    out
}

/// `marking`, in language `lang`, cut before each stretch of Japanese in it and after the
/// spaces that follow one; the stretches of Japanese are in Japanese, the rest in `lang`.
/// (Uncut in Japanese text.)
fn japanese_stretches(marking: &str, lang: &str) -> Vec<Piece> {
    let whole = || vec![Piece { shown: marking.to_string(), typed: marking.to_string(), lang: lang.to_string() }];
    if crate::script::primary_language(lang) == "ja" {
        return whole();
    }
    let look = Look::new(Default::default(), 0.0, Default::default());
    let marked = mark_japanese(&[Span { text: marking.to_string(), look }], lang);
    if marked.len() < 2 {
        return whole();
    }
    let mut out: Vec<Piece> = Vec::new();
    for span in marked {
        let lang = if span.look.ja != 0 { "ja" } else { lang };
        // The spaces a stretch begins with end the one before it.
        let text = match out.last_mut() {
            Some(last) => {
                let body = span.text.trim_start();
                last.typed.push_str(&span.text[..span.text.len() - body.len()]);
                body.to_string()
            }
            None => span.text,
        };
        if !text.is_empty() {
            out.push(Piece { shown: text.clone(), typed: text, lang: lang.to_string() });
        }
    }
    for piece in &mut out {
        piece.shown.clone_from(&piece.typed);
    }
    out
}

/// `pieces` as they print in `text`, a running part (and as they read in `typed`, the part as
/// typed when it is printed in capitals): what comes before the marking begins the first
/// piece, what comes after it ends the last. A part cut short (`RESTRICTED / 取扱…`) holds
/// the pieces up to the cut, the last of them ending in `…`; `None` when it holds none.
pub(super) fn placed(text: &str, typed: Option<&str>, pieces: &[Piece]) -> Option<Vec<(String, Option<String>)>> {
    let split = |text: &str, piece: fn(&Piece) -> &str| -> Option<Vec<String>> {
        let all: String = pieces.iter().map(piece).collect();
        let (at, held) = match text.rfind(&all) {
            Some(at) => (at, all.len()),
            None => {
                // Cut short: the marking's start, up to the `…` that ends the part.
                let body = text.strip_suffix('…')?;
                let at = body.char_indices().map(|(at, _)| at).find(|&at| all.starts_with(&body[at..]))?;
                (at, body.len() - at)
            }
        };
        let mut out: Vec<String> = Vec::new();
        let mut left = held;
        for p in pieces {
            if left == 0 {
                break;
            }
            let p = piece(p);
            let take = p.len().min(left);
            out.push(p[..take].to_string());
            left -= take;
        }
        out.first_mut()?.insert_str(0, &text[..at]);
        out.last_mut()?.push_str(&text[at + held..]);
        Some(out)
    };
    let shown = split(text, |p| &p.shown)?;
    let typed = match typed {
        Some(typed) => split(typed, |p| &p.typed)?.into_iter().map(Some).collect(),
        None => vec![None; shown.len()],
    };
    (typed.len() == shown.len()).then(|| shown.into_iter().zip(typed).collect())
}

/// `typed` cut short at its end where `shown`, its capitals, was ("FOR OFFICIAL U…" of "For
/// official use only" reads "For official u…"), so that a marking cut to fit still reads as
/// typed.
pub(super) fn cut_like(typed: &str, shown: &str) -> String {
    let kept = shown.strip_suffix('…').unwrap_or(shown).chars().count();
    let at = typed.char_indices().nth(kept).map_or(typed.len(), |(i, _)| i);
    let mut out = typed[..super::cut::cluster_start(typed, at)].to_string();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(marking: &str, lang: &str, more: &[(&str, &str)]) -> Fill {
        Fill {
            title: String::new(),
            short_title: String::new(),
            date: String::new(),
            marking: marking.to_string(),
            lang: lang.to_string(),
            marking_lang: lang.to_string(),
            marking_more: more.iter().map(|(m, l)| (m.to_string(), l.to_string())).collect(),
            marking_cut: false,
            titles_cut: [false; 2],
            cover: false,
            page_of: String::new(),
        }
    }

    fn read(pieces: &[Piece]) -> Vec<(&str, &str, &str)> {
        pieces.iter().map(|p| (p.shown.as_str(), p.typed.as_str(), p.lang.as_str())).collect()
    }

    #[test]
    fn each_marking_and_each_stretch_of_japanese_is_a_piece_in_its_language() {
        let three = fill("For official use only", "en", &[("取扱注意", "ja"), ("Μόνο για υπηρεσιακή χρήση", "el")]);
        assert_eq!(
            read(&pieces(&three, true)),
            [
                ("FOR OFFICIAL USE ONLY / ", "For official use only / ", "en"),
                ("取扱注意 / ", "取扱注意 / ", "ja"),
                ("ΜΟΝΟ ΓΙΑ ΥΠΗΡΕΣΙΑΚΗ ΧΡΗΣΗ", "Μόνο για υπηρεσιακή χρήση", "el"),
            ]
        );
        // Neighbours in one language are one piece; one language is one piece.
        let two = fill("For official use only", "en", &[("Confidential", "en")]);
        assert_eq!(
            read(&pieces(&two, false)),
            [("For official use only / Confidential", "For official use only / Confidential", "en")]
        );
        // Japanese inside a marking in another language, and its spaces ending it.
        let mixed = fill("取扱注意 / Restricted 第2版", "en", &[]);
        assert_eq!(
            read(&pieces(&mixed, true)),
            [("取扱注意 ", "取扱注意 ", "ja"), ("/ Restricted ", "/ Restricted ", "en"), ("第2版", "第2版", "ja")]
        );
        // In Japanese text, a marking is one piece, its Latin words too.
        assert_eq!(pieces(&fill("取扱注意 / Restricted", "ja", &[]), false).len(), 1);
    }

    #[test]
    fn pieces_are_found_in_their_part_with_the_words_around_them() {
        let mixed = fill("取扱注意 / Restricted", "en", &[]);
        let found = placed("Marking: 取扱注意 / Restricted.", None, &pieces(&mixed, false));
        assert_eq!(found, Some(vec![("Marking: 取扱注意 ".to_string(), None), ("/ Restricted.".to_string(), None)]));
        // Printed in capitals, each piece reads as typed.
        let english = fill("Restricted", "en", &[("取扱注意", "ja")]);
        let capitals = placed("RESTRICTED / 取扱注意", Some("Restricted / 取扱注意"), &pieces(&english, true));
        let typed = |s: &str| Some(s.to_string());
        assert_eq!(
            capitals,
            Some(vec![
                ("RESTRICTED / ".to_string(), typed("Restricted / ")),
                ("取扱注意".to_string(), typed("取扱注意"))
            ])
        );
        // Cut short: the pieces up to the cut, the last ending in `…`.
        let cut = placed("取扱注意 / Res…", None, &pieces(&mixed, false)).expect("the pieces up to the cut");
        assert_eq!(cut.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["取扱注意 ", "/ Res…"]);
        let cut = placed("Marking: 取扱…", None, &pieces(&mixed, false)).expect("the first piece, cut");
        assert_eq!(cut.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["Marking: 取扱…"]);
        assert_eq!(placed("Nothing of it…", None, &pieces(&mixed, false)), None);
    }
}
