//! What to type instead of a character no font has, when something that prints says the same:
//! the numbers and letters in parentheses, with a full stop or in a circle that Japanese
//! outlines number with (`⑴`, `⒈`, `Ⓐ`), and the forms of a kanji in names that the fonts
//! lack (`𠮷`), whose common form only the name's owner can accept (text44a F44a-8); and a
//! form of a kanji that a variation selector asks for that would print as the standard one
//! (`葛` U+E0100, text44a F44a-30).

use unicode_normalization::UnicodeNormalization;

use super::{Checker, Coverage, Form};
use crate::diag::Span;
use crate::load::Spanned;

impl Checker<'_> {
    /// The help for `c` when no font has it ([`help`]), in a field whose text is `text`;
    /// `japanese` says whether that is Japanese, once found.
    pub(super) fn instead(&self, c: char, text: &str, japanese: &mut Option<bool>) -> Option<String> {
        if self.covers.covers(c) {
            return None;
        }
        let japanese = *japanese.get_or_insert_with(|| text.chars().any(crate::script::is_kana_or_kanji));
        help(c, japanese, &|c| self.covers.covers(c))
    }

    /// Reports that `base` followed by the variation selector `selector` (a form of a kanji, as
    /// names are registered in) prints as the standard `base`, at its first place in `field`.
    pub(super) fn form_lost(
        &mut self,
        field: &Spanned<String>,
        path: &str,
        (base, selector, form): (char, char, Form),
    ) {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        // (As typed, or escaped in double quotes, `"神\uFE00社"`: the caret was under the quote
        // that opens the value; text48a F48a-10.)
        let typed = format!("{base}{selector}");
        let span = super::places::as_written(source, 0, &typed)
            .map_or(field.span, |at| Span::new(field.span.start + at.start, field.span.start + at.end));
        let code = selector as u32;
        let message = match form {
            Form::Missing => format!(
                "the fonts have no form of `{base}` for the variation selector U+{code:04X} after it: \
                 it would print as the standard `{base}`"
            ),
            _ => format!(
                "the form of `{base}` that the variation selector U+{code:04X} after it asks for cannot be \
                 printed yet: it would print as the standard `{base}`"
            ),
        };
        // (The form a standardized variation selector asks for is a compatibility ideograph's,
        // which prints as typed: `神` U+FE00 is `神` U+FA19.)
        let compatibility = compatibility_form(base, selector).filter(|&c| self.covers.covers(c));
        let other = match compatibility {
            Some(c) => format!("; to print that form, write `{c}` (U+{:04X}) in its place", c as u32),
            None if form == Form::Missing => "; a name in its registered form needs a font that has it".into(),
            None => String::new(),
        };
        let help = format!(
            "if the standard form will do, delete `{base}` and type it again (the selector after it is invisible){other}"
        );
        self.report_with_help(span, path, message, Some(help));
    }
}

/// Notes, in `forms`, `selector` after `base` (the character before it, if any) when it is an
/// ideographic variation selector whose form of `base` would print as the standard one, once.
pub(super) fn lost_form(
    covers: &dyn Coverage,
    (base, selector): (Option<char>, char),
    forms: &mut Vec<(char, char, Form)>,
) {
    // (And a standardized variation selector after a kanji, `神` U+FE00, which printed as the
    // standard `神` and was said to be fine: text46a F46a-18.)
    let ideographic = ('\u{E0100}'..='\u{E01EF}').contains(&selector);
    let standardized = ('\u{FE00}'..='\u{FE0F}').contains(&selector);
    let kanji = |b: &char| matches!(b, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}');
    let Some(base) = base.filter(|b| ideographic || standardized && kanji(b)) else { return };
    let form = covers.form(base, selector);
    if form != Form::Printed && !forms.iter().any(|f| (f.0, f.1) == (base, selector)) {
        forms.push((base, selector, form));
    }
}

/// The CJK compatibility ideograph that `base` followed by the standardized variation selector
/// `selector` stands for (Unicode's StandardizedVariants: the first compatibility ideograph of
/// `base` is `base` U+FE00, the second U+FE01), if any.
fn compatibility_form(base: char, selector: char) -> Option<char> {
    let n = (selector as u32).checked_sub(0xFE00).filter(|&n| n < 16)?;
    let compatibility = ('\u{F900}'..='\u{FAFF}').chain('\u{2F800}'..='\u{2FA1F}');
    compatibility.filter(|&c| c.nfd().eq([base])).nth(n as usize)
}

/// The help for `c`, which no font has, or `None` when nothing that prints says the same.
/// `japanese`: the text is Japanese, where the full-width forms (`（１）`) are the usual ones;
/// both are named. `covers(c)` says whether some font prints `c`.
pub(super) fn help(c: char, japanese: bool, covers: &dyn Fn(char) -> bool) -> Option<String> {
    if let Some((common, looks)) = name_form(c) {
        return covers(common).then(|| {
            format!(
                "the fonts have no `{c}` ({looks}); `{common}` prints, but a name keeps the form its owner uses: \
                 write `{common}` only if they agree"
            )
        });
    }
    // (A compatibility ideograph, `郞` U+FA2E, and the emoji signs pasted from Teams or
    // Outlook, `✅`, got no help, though their common forms print: text49a F49a-18, F49a-30.)
    if crate::script::is_compatibility_ideograph(c) {
        let unified = c.nfc().next().filter(|&u| u != c && covers(u))?;
        return Some(format!(
            "write `{unified}` (U+{:04X}), the same kanji in its common form, which prints; a name keeps the form its \
             owner uses: write it only if they agree",
            unified as u32
        ));
    }
    if let Some(sign) = sign_form(c).filter(|&s| covers(s)) {
        return Some(format!("write `{sign}` for `{c}`: it reads the same"));
    }
    let plain = enclosed(c)?;
    if !plain.chars().all(covers) {
        return None;
    }
    let wide: String = plain.chars().map(full_width).collect();
    Some(if japanese && wide.chars().all(covers) {
        format!("write `{wide}` (or `{plain}`) for `{c}`: it reads the same")
    } else {
        format!("write `{plain}` for `{c}`: it reads the same")
    })
}

/// A number or letter in parentheses, with a full stop or in a circle (Unicode's Enclosed
/// Alphanumerics and Enclosed CJK Letters), written with the plain characters: `⑴` → `(1)`,
/// `⒈` → `1.`, `Ⓐ` → `(A)`.
fn enclosed(c: char) -> Option<String> {
    if !matches!(c, '\u{2460}'..='\u{24FF}' | '\u{3200}'..='\u{32FF}' | '\u{1F100}'..='\u{1F1FF}') {
        return None;
    }
    let plain: String = c.nfkd().collect();
    if plain.chars().eq([c]) || !plain.chars().all(|p| p.is_alphanumeric() || "()., ".contains(p)) {
        return None;
    }
    // In parentheses or with a stop, as the character shows it; in a circle, in parentheses.
    if plain.contains(['(', '.', ',']) {
        Some(plain)
    } else {
        Some(format!("({plain})"))
    }
}

/// The full-width form of an ASCII letter, digit or sign (`1` → `１`), as Japanese text
/// writes them; any other character as it is.
fn full_width(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
        _ => c,
    }
}

/// The sign of the fonts that says what the emoji sign `c` says (`✅` → `✓`, `❌` → `✗`).
fn sign_form(c: char) -> Option<char> {
    match c {
        '\u{2705}' | '\u{2714}' | '\u{1F5F8}' => Some('✓'),
        '\u{274C}' | '\u{274E}' | '\u{2716}' => Some('✗'),
        _ => None,
    }
}

/// A form of a kanji used in family names that is outside the fonts, with its common form and
/// how it differs from it.
fn name_form(c: char) -> Option<(char, &'static str)> {
    match c {
        '\u{20BB7}' => Some(('吉', "吉 with 土 on top")),
        '\u{2123D}' => Some(('土', "土 with a dot")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosed_numbers_and_letters_are_written_as_they_read() {
        let all = |_| true;
        assert_eq!(help('⑴', true, &all).unwrap(), "write `（１）` (or `(1)`) for `⑴`: it reads the same");
        assert_eq!(help('⒇', false, &all).unwrap(), "write `(20)` for `⒇`: it reads the same");
        assert_eq!(help('⒈', true, &all).unwrap(), "write `１．` (or `1.`) for `⒈`: it reads the same");
        assert_eq!(help('Ⓐ', true, &all).unwrap(), "write `（Ａ）` (or `(A)`) for `Ⓐ`: it reads the same");
        assert_eq!(help('⒜', false, &all).unwrap(), "write `(a)` for `⒜`: it reads the same");
        // Only what prints is offered; a character of another kind gets nothing.
        assert_eq!(help('⑴', true, &|c| c != '１'), Some("write `(1)` for `⑴`: it reads the same".into()));
        assert_eq!(help('⑴', true, &|c| c != '1'), None);
        assert_eq!(help('😀', true, &all), None);
        assert_eq!(help('ﬁ', true, &all), None);
        // text49a F49a-18, F49a-30: a compatibility ideograph and an emoji sign.
        let help_of = |c| help(c, true, &all).unwrap_or_default();
        assert!(
            help_of('\u{FA2E}').starts_with("write `\u{90DE}` (U+90DE), the same kanji"),
            "{}",
            help_of('\u{FA2E}')
        );
        assert!(help_of('\u{F900}').starts_with("write `\u{8C48}` (U+8C48)"), "{}", help_of('\u{F900}'));
        assert_eq!(help('✅', false, &all).unwrap(), "write `✓` for `✅`: it reads the same");
        assert_eq!(help('❌', false, &all).unwrap(), "write `✗` for `❌`: it reads the same");
        assert_eq!(help('❌', false, &|c| c != '✗'), None);
    }

    #[test]
    fn a_name_form_is_offered_for_its_owner_to_accept() {
        let help = help('\u{20BB7}', true, &|_| true).unwrap();
        assert!(help.contains("`吉` prints") && help.contains("only if they agree"), "{help}");
    }
}
