//! Where the spaces around a change go, so that the redline read without its insertions is
//! the old text, read without its deletions the new, and no space stands before a mark that
//! closes on its word.

/// How a changed stretch is cut: the text between two words kept (or an end), in OLD and in
/// NEW, each starting with the space after the word before. The old text is
/// `P · D · M · S` and the new `P · M · I · S`: `lead`, `middle` and `tail` are the lengths
/// of `P`, `M` and `S`, spaces both versions have, which are kept; `D` is deleted and `I`
/// inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cut {
    pub lead: usize,
    pub middle: usize,
    pub tail: usize,
}

/// Cuts a changed stretch ([`Cut`]) so that each version reads as typed, whatever spaces,
/// narrow no-break spaces or none it has around its marks:
/// - `field and` now `field: and`: `field[:] and` (the space after the mark);
/// - `the report` now `the (new) report`: `the [(new) ]report` (the space before);
/// - `2, October` now `2 and October`: `2[,] [and ]October` (the space between);
/// - `EU and` now `EU—and`: `EU[ ][—]and` (the space deleted);
/// - `Tokyo.` now `Tokyo (Japan).`: `Tokyo[ (Japan)].` (the space inserted with the words).
pub(super) fn cut(old: &str, new: &str) -> Cut {
    let lead = common(leading(old).chars(), leading(new).chars());
    let (old, new) = (&old[lead..], &new[lead..]);
    // A replacement whose old text ends with the space its new text starts with: that space
    // between them (`2[,] [and ]October`).
    let space = trailing(old);
    if !old.trim().is_empty() && !new.trim().is_empty() && !space.is_empty() && leading(new) == space {
        return Cut { lead, middle: space.len(), tail: 0 };
    }
    Cut { lead, middle: 0, tail: common(trailing(old).chars().rev(), trailing(new).chars().rev()) }
}

fn leading(text: &str) -> &str {
    &text[..text.len() - text.trim_start().len()]
}

fn trailing(text: &str) -> &str {
    &text[text.trim_end().len()..]
}

/// The length in bytes of the characters `a` and `b` start with alike.
fn common(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretch as `P[-D]M[+I]S`, checked to read as each version.
    fn shown(old: &str, new: &str) -> String {
        let Cut { lead, middle, tail } = cut(old, new);
        let (p, d) = (&old[..lead], &old[lead..old.len() - middle - tail]);
        let (m, s) = (&old[old.len() - middle - tail..old.len() - tail], &old[old.len() - tail..]);
        let i = &new[lead + middle..new.len() - tail];
        assert_eq!(format!("{p}{m}{i}{s}"), new, "{old:?} → {new:?}");
        let mark = |sign: char, t: &str| if t.is_empty() { String::new() } else { format!("[{sign}{t}]") };
        format!("{p}{}{m}{}{s}", mark('-', d), mark('+', i))
    }

    #[test]
    fn each_version_reads_as_typed_and_no_space_stands_before_a_closing_mark() {
        for (old, new, expected) in [
            (" ", ": ", "[+:] "),
            (" ", " (new) ", " [+(new) ]"),
            (", ", " and ", "[-,] [+and ]"),
            (" and ", ", ", "[- and][+,] "),
            (" ", "—", "[- ][+—]"),
            (" ", "— ", "[+—] "),
            ("", " (Japan)", "[+ (Japan)]"),
            (" ", ", in detail, ", "[+, in detail,] "),
            (" ", " … ", " [+… ]"),
            ("Tokyo ", "Kyoto ", "[-Tokyo][+Kyoto] "),
            (" ", " : elle avance ; ", " [+: elle avance ; ]"),
            (" ", "\u{202f}: elle avance\u{202f}; ", "[+\u{202f}: elle avance\u{202f};] "),
            ("データ", "DX", "[-データ][+DX]"),
            (" economy", "", "[- economy]"),
        ] {
            assert_eq!(shown(old, new), expected, "{old:?} → {new:?}");
        }
    }
}
