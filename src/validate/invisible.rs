//! Text that prints nothing: a value, or a part of one (a paragraph, an item, a link's words,
//! a stretch set in bold or as code, a code block, an image's description), made only of
//! invisible characters such as U+200B.

use std::ops::Range;

use crate::markdown::{Block, Inline};

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

/// A part of a Markdown field that prints nothing, in a field that prints something.
pub(super) struct Part {
    /// What it is, as the message names it: "a link's text".
    pub what: &'static str,
    /// Its first invisible character.
    pub first: char,
    /// Its text, to find it in the field.
    pub text: String,
}

/// The first part of `blocks` that has only invisible characters and spaces. A part is a
/// paragraph, heading or table cell (list items and quotes included), a link's words, a
/// stretch set otherwise (emphasis, bold or code), a code block, or an image's description
/// (one of `descriptions`).
pub(super) fn invisible_part(blocks: &[Block], descriptions: &[String]) -> Option<Part> {
    let mut found = None;
    crate::markdown::visit_units(blocks, &mut |inlines| {
        if found.is_none() {
            found = invisible_in(inlines);
        }
    });
    let image = || {
        let text = descriptions.iter().find(|d| invisible_only(d.chars()).is_some())?;
        part("an image's description", text.clone())
    };
    found.or_else(|| invisible_code(blocks)).or_else(image)
}

/// `text` as a [`Part`], when it prints nothing.
fn part(what: &'static str, text: String) -> Option<Part> {
    invisible_only(text.chars()).map(|first| Part { what, first, text })
}

/// [`invisible_part`] within one paragraph, heading or cell.
fn invisible_in(inlines: &[Inline]) -> Option<Part> {
    let text = |r: Range<usize>| inlines[r].iter().map(|i| i.text.as_str()).collect::<String>();
    // (Its text gathered only when it is the one.)
    if invisible_only(inlines.iter().flat_map(|i| i.text.chars())).is_some() {
        return part("a paragraph, item or cell", text(0..inlines.len()));
    }
    // A link's text, the runs that share its address in a row, without the address printed
    // after the words (`words (https://…)`).
    for r in alike(inlines, |i| i.link.clone()) {
        let mut words = text(r.clone());
        if let Some(at) = inlines[r.start].link.as_ref().and_then(|target| words.rfind(&format!(" ({target}"))) {
            words.truncate(at);
        }
        if invisible_only(words.chars()).is_some() {
            return part("a link's text", words);
        }
    }
    // A stretch set otherwise, the runs set alike in a row.
    let look = |i: &Inline| (i.strong || i.emphasis || i.code).then_some((i.strong, i.emphasis, i.code));
    alike(inlines, look).find_map(|r| part("a stretch in italics, bold or code", text(r)))
}

/// The stretches of `inlines` in a row that have the same key, for runs that have one.
fn alike<'a, K: PartialEq>(
    inlines: &'a [Inline],
    key: impl Fn(&Inline) -> Option<K> + 'a,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < inlines.len() {
            let Some(this) = key(&inlines[k]) else {
                k += 1;
                continue;
            };
            let start = k;
            k += inlines[k..].iter().take_while(|i| key(i).as_ref() == Some(&this)).count();
            return Some(start..k);
        }
        None
    })
}

/// The first code block of `blocks` (in lists and quotes too) of only invisible characters.
fn invisible_code(blocks: &[Block]) -> Option<Part> {
    blocks.iter().find_map(|b| match b {
        Block::Code(lines) => part("a code block", lines.join("\n")),
        Block::List { items, .. } => items.iter().find_map(|item| invisible_code(item)),
        Block::Quote(inner) => invisible_code(inner),
        _ => None,
    })
}
