//! Marks that Markdown would take for markup but that a writer typed as text: stars between
//! digits (`2*3*4`), and stars and backticks that pair up from inside one word to inside
//! another (`Vertreter*innen … Expert*innen`, `EU`s and Japan`s`). Those print as typed.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::script::is_japanese;

/// What a gender star stands as while the parser reads the text: a control character, which
/// CommonMark takes for neither a space nor punctuation, so it flanks marks around it as the
/// letters beside it do, and which no validated text holds (see [`gender_stars`]).
const STAND_IN: char = '\u{1F}';

/// The text with each gender star (`Vertreter*innen`, `Kolleg*in`: one `*` between a letter
/// and a lowercase one, in a script written with spaces) put as [`STAND_IN`], for the parser
/// to read as a letter; or the text as it is when it has none, or already holds the stand-in.
/// Such a star is a letter of its word, never a mark: `*alle Vertreter*innen*` is emphasis
/// of "alle Vertreter*innen" (text41a F41a-5: the star closed the emphasis after "Vertreter",
/// which set "innen*" upright and kept a stray star), and `Expert*innen … Bürger*innen` is
/// text. Emphasis inside a word, as in `un*frigging*believable` or `foo*bar*`, prints as
/// typed: nothing is lost, and a briefing has none.
pub(super) fn gender_stars(src: &str) -> Cow<'_, str> {
    let spaced = |c: Option<char>| c.filter(|c| c.is_alphabetic() && !unspaced(*c));
    let star = |at: usize| {
        spaced(src[..at].chars().next_back()).is_some()
            && spaced(src[at + 1..].chars().next()).is_some_and(char::is_lowercase)
    };
    let stars: Vec<usize> = src.match_indices('*').map(|(at, _)| at).filter(|&at| star(at)).collect();
    if stars.is_empty() || src.contains(STAND_IN) {
        return Cow::Borrowed(src);
    }
    let mut out = src.as_bytes().to_vec();
    for at in stars {
        out[at] = STAND_IN as u8;
    }
    Cow::Owned(String::from_utf8(out).expect("one ASCII byte put for another"))
}

/// An event of the text [`gender_stars`] made, with each stand-in its star again; a task
/// list's box, `typed` at the event's place, as text as typed (`[X]` printed `[x]`: text46a
/// F46a-35).
pub(super) fn restore<'e>(ev: Event<'e>, typed: &str) -> Event<'e> {
    fn back(s: CowStr<'_>) -> CowStr<'_> {
        if s.contains(STAND_IN) {
            s.replace(STAND_IN, "*").into()
        } else {
            s
        }
    }
    match ev {
        Event::Text(t) => Event::Text(back(t)),
        Event::Code(t) => Event::Code(back(t)),
        Event::Html(t) => Event::Html(back(t)),
        Event::InlineHtml(t) => Event::InlineHtml(back(t)),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: back(dest_url), title: back(title), id: back(id) })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: back(dest_url), title: back(title), id: back(id) })
        }
        Event::TaskListMarker(_) => Event::Text(format!("{typed} ").into()),
        ev => ev,
    }
}

/// Whether the emphasis mark at `at` (`**` when `strong`) stands between two digits, as in
/// `2*3*4` or `5*6 m`: a product, printed as typed, not emphasis.
pub(super) fn between_digits(src: &str, at: usize, strong: bool) -> bool {
    let len = if strong { 2 } else { 1 };
    let before = src[..at].chars().next_back();
    let after = src.get(at + len..).and_then(|rest| rest.chars().next());
    before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
}

/// Whether the emphasis, strong emphasis or code span written at `range` (its marks included)
/// both opens and closes inside a word: a letter or digit on each side of its opening run of
/// `mark`s and of its closing one, as in `Vertreter*innen der Ministerien sowie Expert*innen`
/// (the German gender star), `l*s … tod*s`, `a*b*c` or `` EU`s and Japan`s ``. Nobody marks up
/// the end of one word through the start of another, so these are the marks as typed. A
/// mark at a word's edge (`**Beyond**5G`, `foo*bar*`) is markup, and so is one beside a
/// script written without spaces between words (`これは**重要**です`), where every mark is
/// inside a word.
pub(super) fn inside_words(src: &str, range: &Range<usize>, mark: char) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !unspaced(c));
    let before = |at: usize| src[..at].trim_end_matches(mark).chars().next_back();
    let after = |at: usize| src[at..].trim_start_matches(mark).chars().next();
    let opens_inside = word(before(range.start)) && word(after(range.start));
    // (A backtick between two letters is an apostrophe typed on a keyboard with ` for ',
    // whatever it pairs with: `EU`s view … run `make all``; text41a F41a-20.)
    opens_inside && (mark == '`' || word(before(range.end)) && word(after(range.end)))
        || footnote_marks(src, range, mark)
        || mark == '*' && (enclosed(src, range.start) || enclosed(src, range.end))
}

/// Whether the run of stars that starts or ends at `at` stands between two marks that are
/// neither spaces nor letters nor digits (`(*)`, `[*]`, `（*）`, `:*.`), or beside a `/` with no
/// letter or digit on its other side (a path or glob: `/usr/*/bin`, `src/*.rs`): a star as typed, never emphasis (text49b
/// F49b-9, F49b-7: `see (*) … (*)` lost both stars to italics).
fn enclosed(src: &str, at: usize) -> bool {
    let before = src[..at].trim_end_matches('*').chars().next_back();
    let after = src[at..].trim_start_matches('*').chars().next();
    star_between(before, after)
}

/// [`enclosed`]'s rule for a run of stars with `before` and `after` beside it.
pub(super) fn star_between(before: Option<char>, after: Option<char>) -> bool {
    let mark = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !c.is_alphanumeric());
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // (A slash with no word on the stars' other side: `**Note**/**Hinweis**` is emphasis.)
    (mark(before) && mark(after)) || before == Some('/') && !word(after) || after == Some('/') && !word(before)
}

/// Whether the emphasis at `range` is two footnote marks, a star before a number each
/// (`20%増*1となり、…10%減*2となった`): a single `*` opening right before a digit, and a
/// single one closing right before one (text41a F41a-6: both stars vanished, the text
/// between set in italics).
fn footnote_marks(src: &str, range: &Range<usize>, mark: char) -> bool {
    let single = |run: &str| run.starts_with(mark) && !run[mark.len_utf8()..].starts_with(mark);
    let opens = src.get(range.start..).is_some_and(|r| single(r) && r[1..].starts_with(|c: char| c.is_ascii_digit()));
    let closes = src.get(..range.end).is_some_and(|r| r.ends_with(mark) && !r[..r.len() - 1].ends_with(mark))
        && src.get(range.end..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    mark == '*' && opens && closes
}

/// Whether `c` is of a script written without spaces between words: Chinese and Japanese,
/// Thai, Lao, Myanmar, Khmer, and Korean (whose particles join the word before).
fn unspaced(c: char) -> bool {
    is_japanese(c)
        || matches!(c,
            '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
            | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}')
}
