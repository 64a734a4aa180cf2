//! The escapes of YAML's double-quoted texts (`\u00E9`, `\n`, `\\`), read one at a time from
//! its backslash: by the slip rules, to name an escape that writes no character at itself,
//! and by validation, to place a problem at the escape that wrote its character. One reader,
//! so the two never disagree on what an escape is.

/// What one escape writes, and how many bytes of the source it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// A character.
    Char { c: char, len: usize },
    /// A line break escaped (`\` at a line's end): the text goes on on the next line.
    Continued,
    /// A number that is half of a UTF-16 pair (`\ud83d`, as JSON writes a character past
    /// U+FFFF): no character on its own.
    Half { value: u32, len: usize },
    /// A number past U+10FFFF (`\U00110000`).
    PastLast { len: usize },
    /// Fewer hex digits than `\x` (2), `\u` (4) or `\U` (8) take: the escape and the digits
    /// it has.
    Short { len: usize },
    /// A backslash before a character that starts no escape (`\q`, `\d` in `C:\dir`), with
    /// that character.
    Unknown { len: usize },
}

impl Escape {
    /// How many bytes of the source the escape takes.
    pub fn source_len(self) -> usize {
        match self {
            Escape::Char { len, .. }
            | Escape::Half { len, .. }
            | Escape::PastLast { len }
            | Escape::Short { len }
            | Escape::Unknown { len } => len,
            Escape::Continued => 2,
        }
    }
}

/// The escape `source` starts with; `None` when it does not start with a backslash.
pub fn read(source: &str) -> Option<Escape> {
    let rest = source.strip_prefix('\\')?;
    let Some(next) = rest.chars().next() else { return Some(Escape::Unknown { len: 1 }) };
    let digits = match next {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        '\n' | '\r' => return Some(Escape::Continued),
        named => {
            let Some(c) = named_escape(named) else { return Some(Escape::Unknown { len: 1 + named.len_utf8() }) };
            return Some(Escape::Char { c, len: 2 });
        }
    };
    let have = rest[1..].bytes().take(digits).take_while(u8::is_ascii_hexdigit).count();
    if have < digits {
        return Some(Escape::Short { len: 2 + have });
    }
    let value = u32::from_str_radix(&rest[1..1 + digits], 16).expect("hex digits");
    let len = 2 + digits;
    Some(match char::from_u32(value) {
        Some(c) => Escape::Char { c, len },
        None if (0xD800..0xE000).contains(&value) => Escape::Half { value, len },
        None => Escape::PastLast { len },
    })
}

/// The character a backslash and `named` write (YAML 1.2's escapes; a tab after the backslash
/// is one).
fn named_escape(named: char) -> Option<char> {
    Some(match named {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        ' ' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_escape_is_read_with_its_length() {
        let cases = [
            ("\\u00E9 x", Some(Escape::Char { c: 'é', len: 6 })),
            ("\\xE9", Some(Escape::Char { c: 'é', len: 4 })),
            ("\\U0001F600", Some(Escape::Char { c: '😀', len: 10 })),
            ("\\n", Some(Escape::Char { c: '\n', len: 2 })),
            ("\\\t", Some(Escape::Char { c: '\t', len: 2 })),
            ("\\\\u00E9", Some(Escape::Char { c: '\\', len: 2 })),
            ("\\\r\n", Some(Escape::Continued)),
            ("\\ud83d\\ude00", Some(Escape::Half { value: 0xD83D, len: 6 })),
            ("\\U00110000", Some(Escape::PastLast { len: 10 })),
            ("\\u12\"", Some(Escape::Short { len: 4 })),
            ("\\U0001F6", Some(Escape::Short { len: 8 })),
            ("\\x", Some(Escape::Short { len: 2 })),
            ("\\q", Some(Escape::Unknown { len: 2 })),
            ("\\é", Some(Escape::Unknown { len: 3 })),
            ("\\", Some(Escape::Unknown { len: 1 })),
            ("u00E9", None),
        ];
        for (source, escape) in cases {
            assert_eq!(read(source), escape, "{source:?}");
        }
    }
}
