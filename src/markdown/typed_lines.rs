//! Paragraphs whose lines were typed one item a line with no list marker Markdown knows, and
//! which keep their lines: a list of sources numbered in square brackets (`[1] Source A` /
//! `[2] Source B`, text46a F46a-5), and a block of short lines, each a name or a title
//! (`Mr. A, Ministry X` / `Ms. B, Commission`, a participants list: text45a F45a-31). Markdown
//! joins the lines of a paragraph into one line; these ran together.

/// The longest line, in characters, that [`kept`] takes for a name or a title.
const SHORT: usize = 60;

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
    use super::kept;

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
