//! Languages: `lang:` tags, a briefing mostly in Japanese, topics in another language.

use super::Checker;
use crate::load::{is_language_tag, misnamed, Spanned};
use crate::markdown::{self, Block};
use crate::model::Topic;

impl Checker<'_> {
    /// A language tag at `path`; `en` when there is none.
    pub(super) fn lang(&mut self, field: Option<Spanned<String>>, path: &str) -> String {
        let Some(field) = field else {
            return "en".to_string();
        };
        let tag = field.value.trim();
        if is_language_tag(tag) {
            let Some(wrong) = misnamed(tag) else { return tag.to_string() };
            // Read as meant (`jp` as `ja`), so that nothing else is said of it.
            let help = match &wrong.meant {
                Some(meant) => format!("write `lang: {meant}`"),
                None => "write a BCP 47 tag such as en, ja or pt-PT".to_string(),
            };
            self.report(field.span, path, wrong.message);
            if let Some(d) = self.diagnostics.last_mut().filter(|d| d.span == Some(field.span)) {
                d.help = Some(help);
            }
            return wrong.meant.unwrap_or_else(|| tag.to_string());
        }
        let message = format!("'{tag}' is not a language tag; write a BCP 47 tag such as en, ja or pt-PT");
        self.report(field.span, path, message);
        String::new()
    }
}

/// Whether the briefing's title, summary and topics are mostly Japanese: more kana and kanji
/// than Latin letters. A briefing without `lang:` written in Japanese is then set as one.
pub(super) fn mostly_japanese(title: &str, summary: &Option<Vec<Block>>, topics: &[Topic]) -> bool {
    let (mut japanese, mut latin) = (0usize, 0usize);
    let mut count = |t: &str| {
        for c in t.chars() {
            if crate::script::is_kana_or_kanji(c) {
                japanese += 1;
            } else if c.is_alphabetic() {
                latin += 1;
            }
        }
    };
    count(title);
    let mut blocks: Vec<&[Block]> = summary.iter().map(Vec::as_slice).collect();
    // A topic that says its own language, and addresses and code, say nothing of the
    // briefing's.
    for t in topics.iter().filter(|t| t.lang.is_none()) {
        count(&t.title);
        blocks.push(&t.body);
    }
    for b in blocks {
        markdown::visit_inlines(b, &mut |i| {
            if i.link.is_none() && !i.code {
                count(&i.text)
            }
        });
    }
    japanese > latin
}

/// Marks each topic without a `lang:` whose title and body are clearly in another language
/// than the briefing's (see [`crate::language`]) as in that language.
pub(super) fn detect_topic_languages(topics: &mut [Topic], lang: &str) {
    for topic in topics.iter_mut().filter(|t| t.lang.is_none()) {
        // (The title on a line of its own: its body starts a sentence.)
        let mut text = format!("{}\n", topic.title);
        markdown::visit_text(&topic.body, &mut |t| {
            text.push(' ');
            text.push_str(t);
        });
        if let Some(other) = crate::language::other_than(&text, lang) {
            topic.lang = Some(other.to_string());
            topic.lang_detected = true;
        }
    }
}
