//! What a comparison counts as it goes: the words and characters (文字) inserted and
//! deleted, the punctuation marks changed, and the stretches shown whole, too long to
//! compare word by word.

use super::tokens::{is_address, Latin, Token};
use super::words::BREAK;
use super::{Part, PartChange, Whole};
use crate::markdown::Change;

/// Words and characters (文字) inserted and deleted so far, punctuation marks changed (which
/// are not words), the stretches shown whole, and the comparisons left to spend.
pub(super) struct Words<'b> {
    pub(super) inserted: usize,
    pub(super) deleted: usize,
    pub(super) characters: (usize, usize),
    pub(super) marks: usize,
    pub(super) whole: Whole,
    pub(super) budget: &'b mut u64,
}

impl<'b> Words<'b> {
    pub(super) fn new(budget: &'b mut u64) -> Words<'b> {
        Words { inserted: 0, deleted: 0, characters: (0, 0), marks: 0, whole: Whole::default(), budget }
    }

    /// Whether any word or punctuation mark was inserted or deleted: a comma made a
    /// semicolon is a change, though no word is.
    pub(super) fn counted(&self) -> bool {
        self.inserted + self.deleted + self.characters.0 + self.characters.1 + self.marks > 0
    }

    /// A stretch of OLD and one of NEW that were not compared word by word, to be shown
    /// deleted and inserted whole: its words and characters, as `latin` counts them.
    pub(super) fn compared_whole(&mut self, old: &[Token], new: &[Token], latin: Latin) {
        let units =
            |ts: &[Token]| ts.iter().map(|t| units(t.0, t.4, latin)).fold((0, 0), |(w, c), (x, y)| (w + x, c + y));
        let (gone, come) = (units(old), units(new));
        let w = &mut self.whole;
        w.stretches += 1;
        w.words = (w.words.0 + gone.0, w.words.1 + come.0);
        w.characters = (w.characters.0 + gone.1, w.characters.1 + come.1);
    }

    pub(super) fn part(self, part: Part, change: Option<Change>) -> PartChange {
        PartChange {
            part,
            change,
            words_inserted: self.inserted,
            words_deleted: self.deleted,
            characters_inserted: self.characters.0,
            characters_deleted: self.characters.1,
            marks: self.marks,
            whole: self.whole,
        }
    }
}

/// The words and the characters `text` (in a link to `link`) counts, as `latin` counts them:
/// a Latin word one word, a Japanese character (and, counted so, a Latin letter) one
/// character; punctuation and spaces nothing.
fn units(text: &str, link: Option<&str>, latin: Latin) -> (usize, usize) {
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    let japanese = text.chars().find(|c| c.is_alphanumeric()).is_some_and(crate::script::is_kana_or_kanji);
    match latin {
        _ if letters == 0 => (0, 0),
        _ if japanese => (0, letters),
        Latin::Characters if !is_address(text, link) => (0, letters),
        _ => (1, 0),
    }
}

/// Counts `text` (in a link to `link`) marked `change`: its words, or characters, as `latin`
/// counts them (a Japanese character is always one), or a punctuation mark changed.
pub(super) fn count(text: &str, link: Option<&str>, change: Option<Change>, (latin, words): (Latin, &mut Words)) {
    let (count, characters) = units(text, link, latin);
    match change {
        Some(Change::Inserted) => (words.inserted += count, words.characters.0 += characters),
        Some(Change::Deleted) => (words.deleted += count, words.characters.1 += characters),
        None => ((), ()),
    };
    // (A space alone counts, `vrai?` now `vrai ?`; not where a paragraph broke: a paragraph
    // split in two is no change.)
    let letters = text.chars().any(char::is_alphanumeric);
    if change.is_some() && !letters && !text.is_empty() && !text.contains(BREAK) {
        words.marks += 1;
    }
}
