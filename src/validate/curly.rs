//! A value typed in curly quotes (`tel: “+81 3 5253 5920”`), as Word and Outlook turn a
//! typed `"` into: YAML keeps them as text, so they would be printed, and linked with an
//! address (`mailto:“…”`).

use super::Checker;
use crate::load::Spanned;
use crate::script::curly_pair;

impl Checker<'_> {
    /// The curly quotes `field` was typed in, if it was (see [`curly_pair`]).
    pub(super) fn in_curly_quotes(&self, field: &Spanned<String>) -> Option<(char, char)> {
        let written = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        curly_pair(written).filter(|_| curly_pair(&field.value).is_some())
    }

    /// Reports `field` typed in curly quotes, at its place, with the fix. For a field of a
    /// few words (a title, a name, a telephone number): in prose, a quotation may be all of a
    /// paragraph, and a topic's title may be a slogan.
    pub(super) fn curly_quoted(&mut self, field: &Spanned<String>, path: &str) {
        let Some((open, close)) = self.in_curly_quotes(field) else { return };
        // (`title: “Results: the workshop”`: the loader's help, straight quotes in place of
        // the curly ones, is the one; a second, that kept them, disagreed: text48a F48a-20.)
        if self.known.reported_in(field.span) {
            return;
        }
        // (`‘…’` is Word's `'…'`; the quotes kept inside the other kind.)
        let (straight, around) = if "‘’‚".contains(open) { ('\'', '"') } else { ('"', '\'') };
        let message = format!(
            "typed in curly quotes `{open}` `{close}`, which YAML keeps as text and prints: \
             use straight quotes {straight}…{straight} or none"
        );
        let mut help = format!("Word and Outlook type `{straight}` as `{open}`");
        // (An address or a number holds no quotes.)
        if !["contact.email", "contact.url", "contact.tel", "contact.fax"].contains(&path) {
            help += &format!("; to print the quotes, put straight ones around them: {around}{open}…{close}{around}");
        }
        self.report_with_help(field.span, path, message, Some(help));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_value_wholly_in_curly_quotes_is_found() {
        for quoted in ["“kokusai@soumu.go.jp”", "”+81 3 5253 5924”", "„Ergebnisse“", "‘Results’ ", "“x“"]
        {
            assert!(super::curly_pair(quoted).is_some(), "{quoted}");
        }
        for fine in ["\"“Results”\"", "'“x”'", "“AI Act” talks", "Japan’s", "“", "Results", "»x«"] {
            assert!(super::curly_pair(fine).is_none(), "{fine}");
        }
    }
}
