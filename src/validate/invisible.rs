//! Text that prints nothing: a value made only of invisible characters such as U+200B. (The
//! parts of a Markdown text that do are found as it is parsed: `markdown::Unseen`.)

/// The first invisible character of `chars` (a zero-width space, a word joiner…) when they
/// are nothing else but spaces: a value that prints no text.
pub(super) fn invisible_only(chars: impl IntoIterator<Item = char>) -> Option<char> {
    let mut first = None;
    for c in chars {
        if crate::fonts::is_invisible(c) {
            first.get_or_insert(c);
        } else if !c.is_whitespace() {
            return None;
        }
    }
    first
}

pub(super) fn invisible_message(c: char) -> String {
    format!("this prints no text: it has only invisible characters, such as U+{:04X}", c as u32)
}
