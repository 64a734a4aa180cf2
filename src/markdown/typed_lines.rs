//! Paragraphs whose lines were typed one item a line with no list marker Markdown knows, and
//! which keep their lines: a list of sources numbered in square brackets (`[1] Source A` /
//! `[2] Source B`, text46a F46a-5), and a block of short lines, each a name or a title
//! (`Mr. A, Ministry X` / `Ms. B, Commission`, a participants list: text45a F45a-31). Markdown
//! joins the lines of a paragraph into one line; these ran together. And the lines a `|` text
//! keeps by their shape, for the lines a `>` text joins (see [`own_lines`]).

use super::markers::Marker;
use super::shapes::{cells, dash_bullet, numbered_line, sign_bullet, spaced_head, starts_a_line};
use crate::script::is_japanese;

/// The longest line, in characters, that [`kept`] takes for a name or a title.
const SHORT: usize = 60;

/// The lines of a text, as typed (`lines`), that a `|` text keeps as lines of their own by
/// their shape, and that YAML runs into the line above where it joins a text's lines (`>`, a
/// plain or a quoted value; F48a-12), by their indexes, in order. They are a bullet's mark
/// (`・`, `※`, `－　`), a Japanese label or number (`日時：`, `（１）`) or a list's marker
/// followed by a tab, under another such line or a line that ends a sentence, or over another
/// such line; and a list's marker (`Venue: `, `(b) `, `10:00 `) next to the one before or after
/// it in the list (see [`Marker::follows`]). Not a line that goes on from a sentence wrapped
/// by hand (`会合は` / `5月12日に…`, `held on the` / `Date: …`, `東京` / `・大阪…`).
pub fn own_lines<'a>(lines: &'a [&'a str]) -> impl Iterator<Item = usize> + 'a {
    let line =
        move |k: usize| lines.get(k).map(|l| l.trim_start_matches([' ', '\t']).trim_end()).filter(|l| !l.is_empty());
    let marker = move |k: usize| line(k).and_then(Marker::of);
    // (As a `|` text keeps them: see `Builder::push_text`.)
    let mark = move |k: usize| {
        line(k).is_some_and(|l| {
            let japanese = k > 0 && line(k - 1).and_then(|a| a.chars().last()).is_some_and(is_japanese);
            l.starts_with(starts_a_line)
                || dash_bullet(l)
                || sign_bullet(l)
                || spaced_head(l)
                || cells(l)
                || (japanese || l.starts_with(is_japanese)) && numbered_line(l)
                || marker(k).is_some_and(|m| m.tab)
        })
    };
    let listed = move |k: usize| k > 0 && marker(k).zip(marker(k - 1)).is_some_and(|(m, above)| m.follows(&above));
    let ends = move |k: usize| line(k).is_some_and(ends_a_sentence);
    (1..lines.len())
        .filter(move |&k| line(k - 1).is_some() && line(k).is_some())
        .filter(move |&k| listed(k) || listed(k + 1) || mark(k) && (mark(k - 1) || mark(k + 1) || ends(k - 1)))
}

/// Whether `line` ends a sentence or leads in to what follows: a full stop, a question or an
/// exclamation mark, or a colon, before closing quotes or brackets or not (`agreed.”`, `した。」`).
fn ends_a_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', '」', '』', '】']);
    line.ends_with(['.', '!', '?', ':', '。', '！', '？', '：'])
}

/// Whether the lines of the paragraph written as `text` stay lines. Either every line starts
/// with the next number in square brackets and a space or a tab (`[1] `, `[2] `), or every
/// line is short (up to [`SHORT`] characters) and reads as a name or a title, not as a
/// sentence wrapped by hand: it starts with a capital, its last word starts with a capital or
/// a digit, and it ends with no full stop, comma, semicolon, colon or dash. In both, the
/// first line may be a lead-in ending with a colon (`Participants:`, `Sources:`). Two lines
/// at least follow the lead-in.
pub(super) fn kept(text: &str) -> bool {
    let mut lines: Vec<&str> = text.lines().map(str::trim).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.first().is_some_and(|l| l.ends_with([':', '：'])) {
        lines.remove(0);
    }
    if lines.len() < 2 {
        return false;
    }
    let numbered = lines.iter().enumerate().all(|(k, line)| {
        let Some((number, rest)) = line.strip_prefix('[').and_then(|r| r.split_once(']')) else { return false };
        let first = lines[0][1..].split(']').next().and_then(|n| n.parse::<usize>().ok());
        number.parse::<usize>().ok().zip(first).is_some_and(|(n, first)| n == first + k)
            && rest.starts_with([' ', '\t'])
    });
    numbered || lines.iter().all(|line| name_or_title(line))
}

/// Whether `line` reads as a name or a title (see [`kept`]).
fn name_or_title(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    line.chars().count() <= SHORT
        && line.starts_with(char::is_uppercase)
        && last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ';', ':', '-', '–', '—', '。', '、', '：'])
}

#[cfg(test)]
mod tests {
    use super::{kept, own_lines};

    #[test]
    fn labels_and_bullets_typed_one_a_line_are_lines_of_their_own() {
        let own = |text: &str| own_lines(&text.lines().collect::<Vec<_>>()).collect::<Vec<_>>();
        // F48a-12: labels one a line, Japanese labels, bullets under a lead-in or a sentence.
        assert_eq!(own("Meeting details\nDate: 12 May 2026\nVenue: Brussels"), [1, 2]);
        assert_eq!(own("日時：5月12日\n場所：東京"), [1]);
        assert_eq!(own("主な議題は次のとおり。\n・AI\n・半導体"), [1, 2]);
        assert_eq!(own("Both sides agreed.\n• Data flows"), [1]);
        assert_eq!(own("09:30 Registration\n10:00 Opening"), [1]);
        assert_eq!(own("会合の概要\n\n日時：5月12日\n場所：東京"), [3]);
        // F49a-29, F49a-20, F49a-23: a Japanese head before a full-width space, a sign, cells.
        assert_eq!(own("5月12日（火）　開会\n13日（水）　分科会\n附則　施行期日"), [1, 2]);
        assert_eq!(own("Intro:\n☐ first\n➔ second"), [1, 2]);
        assert_eq!(own("Name\tRole\nMr A\tChair"), [1]);
        // Sentences wrapped by hand, and a lone label under a sentence (a `|` text joins it).
        for text in [
            "会合は\n5月12日に東京で開催された。",
            "The meeting was held on\nDate: unknown, as noted.",
            "Both sides agreed.\nNote: figures are provisional.",
            "東京\n・大阪で開催された。",
            "Date: 12 May 2026\n\nVenue: Brussels",
            "10:00 Opening\n09:30 Registration",
        ] {
            assert_eq!(own(text), Vec::<usize>::new(), "{text}");
        }
    }

    #[test]
    fn sources_and_names_typed_one_a_line_keep_their_lines() {
        for text in [
            "[1] Source A, MIC 2020\n[2] Source B, Commission 2021.\n[3] Source C",
            "Sources:\n[1]\tSource A\n[2]\tSource B",
            "Mr. A, Ministry X\nMs. B, Commission\nDr. C, OECD",
            "Participants:\nMr. A, Ministry X\nMs. B, Commission",
            "International Policy Division\nGlobal Strategy Bureau\nMIC",
        ] {
            assert!(kept(text), "{text}");
        }
        for text in [
            "Mr. A, Ministry X",
            "[1] Source A\n[3] Source C",
            "[1]Source A\n[2]Source B",
            "Japan und die EU haben\nDaten ausgetauscht und\nVereinbarungen getroffen.",
            "Die Kommission\nErörterte die Lage.",
            "Japan and the EU introduced\nthe respective situations",
            "Both sides agreed on the roadmap for AI, Data and 5G, and on a joint Review\nIn May",
            "The EU side,\nJapan",
        ] {
            assert!(!kept(text), "{text}");
        }
    }
}
