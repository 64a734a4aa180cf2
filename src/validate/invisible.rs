//! Text that prints nothing: a value made only of invisible characters such as U+200B, or of
//! spaces other than the plain one, such as a no-break space. (The parts of a Markdown text
//! that do are found as it is parsed: `markdown::Unseen`.)

/// Why a value prints no text, though it is not blank as YAML and Markdown see it: the
/// character that says so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Unprinted {
    /// An invisible character (a zero-width space, a word joiner…).
    Invisible(char),
    /// A space other than U+0020 (a no-break space, an em space): what a field pasted from
    /// Word or Excel holds once emptied (text43a F43a-10).
    Space(char),
}

/// Whether `c` is a space other than U+0020: a no-break space, U+1680, U+2000 to U+200A,
/// U+202F, U+205F, U+3000 (Unicode's space separators).
fn other_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// What makes `chars` print no text, when they are nothing but invisible characters and
/// spaces, and not only ASCII spaces (blank, which a field's own check names): the first
/// invisible character, or else the first space other than U+0020.
pub(super) fn invisible_only(chars: impl IntoIterator<Item = char>) -> Option<Unprinted> {
    let (mut invisible, mut space) = (None, None);
    for c in chars {
        if crate::fonts::is_invisible(c) {
            invisible.get_or_insert(c);
        } else if other_space(c) {
            space.get_or_insert(c);
        } else if !c.is_whitespace() {
            return None;
        }
    }
    invisible.map(Unprinted::Invisible).or(space.map(Unprinted::Space))
}

pub(super) fn invisible_message(unprinted: Unprinted) -> String {
    match unprinted {
        Unprinted::Invisible(c) => {
            format!("this prints no text: it has only invisible characters, such as U+{:04X}", c as u32)
        }
        Unprinted::Space(c) => {
            let name = match c {
                '\u{A0}' => " (a no-break space)",
                '\u{202F}' => " (a narrow no-break space)",
                '\u{2003}' => " (an em space)",
                '\u{3000}' => " (an ideographic space)",
                _ => "",
            };
            format!("this prints no text: it has only spaces, such as U+{:04X}{name}", c as u32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{invisible_only, Unprinted};

    #[test]
    fn invisible_characters_and_other_spaces_alone_print_no_text() {
        assert_eq!(invisible_only("\u{200B} \u{A0}".chars()), Some(Unprinted::Invisible('\u{200B}')));
        assert_eq!(invisible_only("\u{A0}\u{2003}".chars()), Some(Unprinted::Space('\u{A0}')));
        assert_eq!(invisible_only(" \u{3000}\n".chars()), Some(Unprinted::Space('\u{3000}')));
        for fine in ["", "  \n", "a\u{A0}", "\u{A0}x\u{200B}"] {
            assert_eq!(invisible_only(fine.chars()), None, "{fine:?}");
        }
    }
}
