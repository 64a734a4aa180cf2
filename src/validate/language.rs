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
        let help = crate::load::tag_for_name(tag).map(|meant| format!("write `lang: {meant}`"));
        self.report_with_help(field.span, path, message, help);
        String::new()
    }

    /// `lang: si` (Sinhala, and Slovenia's country code) over a text clearly in Slovenian,
    /// a language of that country: named at `lang`, with the tag meant (text43a F43a-7: the
    /// PDF said Sinhala to a screen reader, and the labels, dates and quotes were English).
    pub(super) fn country_for_language(
        &mut self,
        span: crate::diag::Span,
        lang: &str,
        title: &str,
        summary: &Option<Vec<Block>>,
        topics: &[Topic],
    ) {
        if !crate::load::also_country(lang) {
            return;
        }
        // (The first few thousand bytes tell a language as well as all of them.)
        let mut text = format!("{title}\n");
        text_of(summary.as_deref().unwrap_or_default(), &mut text);
        for topic in topics.iter().filter(|t| t.lang.is_none()) {
            if text.len() > 4000 {
                break;
            }
            text.push_str(&format!("\n{}\n", topic.title));
            text_of(&topic.body, &mut text);
        }
        // (The language whatlang finds nearest, when it is the country's; or, of a language
        // not written in Latin letters, the country's one language when the text is in them:
        // whatlang takes a short Slovenian text for Croatian.)
        let country = crate::load::country_languages(lang);
        let nearest = crate::language::nearest(&text);
        let wrong = match nearest.filter(|n| country.contains(n)) {
            Some(written) => crate::load::country_of_text(lang, written, "in which the text is written"),
            None if country.len() == 1 && crate::load::not_latin(lang) && in_latin_letters(&text) => {
                crate::load::country_of_text(lang, country[0], "and the text is in Latin letters")
            }
            None => None,
        };
        let Some(wrong) = wrong else { return };
        let help = wrong.meant.map(|m| format!("write `lang: {m}`"));
        self.report_with_help(span, "lang", wrong.message, help);
    }
}

/// Whether nine in ten of `text`'s letters at least are Latin ones.
fn in_latin_letters(text: &str) -> bool {
    let (mut latin, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin += usize::from(c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
    }
    letters > 0 && latin * 10 >= letters * 9
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
    // (What a paragraph quotes is another's words: an English briefing quoting a Japanese
    // minister at length is English.)
    for block in blocks.into_iter().flatten() {
        let mut text = String::new();
        markdown::visit_inlines(std::slice::from_ref(block), &mut |i| {
            if i.link.is_none() && !i.code {
                text.push_str(&i.text);
            }
        });
        count(&crate::language::unquoted(&text));
    }
    japanese > latin
}

/// Marks each topic without a `lang:` whose text is clearly in another language than the
/// briefing's (see [`crate::language`]) as in that language, when it is so as a whole (see
/// [`in_as_a_whole`]). A paragraph clearly in a language is marked as it whatever its topic's,
/// so a topic's language is the voice of what has none of its own, its title and short
/// paragraphs. An English topic that quotes a long German passage stays English, its
/// quotation German; one with a German paragraph and a short English one stays English, the
/// German paragraph German.
pub(super) fn detect_topic_languages(topics: &mut [Topic], lang: &str) {
    for topic in topics.iter_mut().filter(|t| t.lang.is_none()) {
        // (The title on a line of its own: its body starts a sentence.)
        let mut text = format!("{}\n", topic.title);
        text_of(&topic.body, &mut text);
        let Some(other) = crate::language::other_than(&text, lang) else { continue };
        if in_as_a_whole(topic, lang, other) {
            topic.lang = Some(other.to_string());
            topic.lang_detected = true;
        }
    }
}

/// The text of `body` as its language is told, each block's after a space: a block quote's in
/// quotation marks, for it is another's words as a quotation in a paragraph is (see
/// [`crate::language`]): "The minister said:" and a German quotation under it is English.
fn text_of(body: &[Block], out: &mut String) {
    for b in body {
        match b {
            Block::Paragraph(i) | Block::Heading(_, i) => {
                out.push(' ');
                out.push_str(&markdown::plain_text(i));
            }
            Block::Quote(inner) => {
                let mut quoted = String::new();
                text_of(inner, &mut quoted);
                out.push_str(" “");
                out.push_str(quoted.trim());
                out.push('”');
            }
            Block::List { items, .. } => items.iter().for_each(|item| text_of(item, out)),
            _ => markdown::visit_text(std::slice::from_ref(b), &mut |t| {
                out.push(' ');
                out.push_str(t);
            }),
        }
    }
}

/// Whether `topic`, whose text is mostly in `other`, is in `other` as a whole: its paragraphs
/// (list items, table cells) that can be told and are in `other` make most of its letters, and
/// its title and the paragraphs too short to tell, together, lean to `other` rather than to
/// `lang`, or are too short to compare (a word or two); beside a paragraph told in another
/// language, they must be surely nearer `other` (a German title over German paragraphs and an
/// English one). One long paragraph in `other` beside a short one in `lang` ("Japan said "yes"
/// and 'no'."), or short sentences in both, is no topic in `other`: its paragraphs clearly in
/// `other` are marked, each on its own.
fn in_as_a_whole(topic: &Topic, lang: &str, other: &str) -> bool {
    let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
    let mut unplaced = topic.title.clone();
    let (mut theirs, mut all, mut mixed) = (0usize, letters(&topic.title), false);
    for part in units(&topic.body) {
        let n = letters(&part);
        all += n;
        match crate::language::beside(&part, lang) {
            Some(l) if l == other => theirs += n,
            Some(_) => mixed = true,
            None => {
                unplaced.push('\n');
                unplaced.push_str(&part);
            }
        }
    }
    if 2 * theirs <= all {
        return false;
    }
    // (Beside a paragraph in another language, the title and short paragraphs must say
    // `other` surely.)
    let primary = crate::script::primary_language(lang);
    match crate::language::beside(&unplaced, lang) {
        Some(l) => l == other,
        None if mixed => crate::language::nearer(&unplaced, &primary, other) == Some(other),
        None => crate::language::leans_to(&unplaced, &primary, other).is_none_or(|l| l == other),
    }
}

/// The text of each element of `body` that is marked with its own language when it is in
/// another than its topic's, as the PDF and the web page mark them: paragraphs, headings, list
/// items and table cells, in reading order.
fn units(body: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in body {
        match b {
            Block::Paragraph(i) | Block::Heading(_, i) => out.push(markdown::current_text(i)),
            Block::List { items, .. } => items.iter().for_each(|item| out.extend(units(item))),
            Block::Table { header, rows, .. } => {
                out.extend(header.iter().chain(rows.iter().flatten()).map(|c| markdown::current_text(c)))
            }
            Block::Quote(inner) => out.extend(units(inner)),
            Block::Code(_) | Block::MarkedCode(_) | Block::Rule => {}
        }
    }
    out
}

/// The paragraphs, list items and table cells of `body` marked with a language of their own,
/// clearly another than `lang`, the language around them (see [`units`]), with that language.
pub fn own_languages(body: &[Block], lang: &str) -> Vec<(String, &'static str)> {
    units(body).into_iter().filter_map(|t| crate::language::other_than(&t, lang).map(|l| (t, l))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(title: &str, body: &str) -> Topic {
        Topic {
            title: title.into(),
            body: markdown::parse(body),
            lang: None,
            lang_detected: false,
            change: None,
            marked_title: None,
        }
    }

    const DE: &str = "Die Kommission stellte ihre Strategie für Daten und künstliche Intelligenz vor, und beide \
        Seiten vereinbarten, die Zusammenarbeit im nächsten Jahr fortzusetzen. Der Rat hat sich auf eine allgemeine \
        Ausrichtung geeinigt, und die Verhandlungen mit dem Parlament beginnen im Frühjahr.";

    #[test]
    fn a_briefing_quoting_japanese_at_length_is_not_japanese() {
        let ja =
            "大臣は、デジタル分野における日本との協力が来年も継続されることを明らかにし、双方はその重要性を確認した";
        let quoting = [topic("Statements", &format!("The Japanese minister said “{ja}” before leaving."))];
        assert!(!mostly_japanese("Results", &None, &quoting));
        let japanese = [topic("Statements", &format!("{ja}。"))];
        assert!(mostly_japanese("Results", &None, &japanese));
    }

    #[test]
    fn a_topic_is_in_the_language_of_its_own_words() {
        let mut topics = [
            // English words around a German quotation, or a German paragraph: English.
            topic("Data protection", &format!("The minister said:\n\n> {DE}")),
            topic("Strategy", &format!("Both delegations discussed the next steps of their joint programme.\n\n{DE}")),
            topic(
                "AI",
                &format!("Introduction.\n\n{DE}\n\nThe Commission presented its strategy for data and its plans."),
            ),
            // German words: German, with an English paragraph or a short German one.
            topic(
                "Künstliche Intelligenz",
                &format!(
                    "{DE}\n\nThe Commission presented its strategy for data and \
                artificial intelligence, and both sides agreed to continue their cooperation."
                ),
            ),
            topic("Datenschutz", &format!("{DE}\n\nWeitere Schritte folgen.")),
            topic("KI", DE),
            // Short text and names make no language.
            topic("Données", "Merci."),
            topic(
                "Participants",
                "Participants: Jean-Claude Dupont, François Martin, Hélène Dubois, Pierre Lefèvre and Marie-Anne \
                Rousseau (European Commission).",
            ),
        ];
        detect_topic_languages(&mut topics, "en");
        let langs: Vec<Option<&str>> = topics.iter().map(|t| t.lang.as_deref()).collect();
        assert_eq!(langs, [None, None, None, Some("de"), Some("de"), Some("de"), None, None]);
        assert_eq!(own_languages(&topics[0].body, "en"), [(DE.to_string(), "de")]);
        assert_eq!(own_languages(&topics[3].body, "de").len(), 1);
        assert_eq!(own_languages(&topics[4].body, "de"), []);
    }

    /// A topic is in another language only as a whole: a long paragraph in it beside a short
    /// English one, or a short sentence in it beside English ones, leaves the topic English
    /// and marks that paragraph alone; Spanish and Italian alike (text15b F6).
    #[test]
    fn a_topic_is_in_another_language_only_as_a_whole() {
        let quoted = "Der Minister sagte: „Wir haben heute die wichtigsten Fragen der künstlichen Intelligenz und der \
            Datenpolitik ausführlich besprochen und gemeinsam Lösungen gefunden.“";
        let es = "El ministro dijo que ambas partes habían discutido ampliamente las cuestiones más importantes de la \
            inteligencia artificial.";
        let it = "Il ministro ha detto che le due parti hanno discusso a lungo le questioni più importanti \
            dell’intelligenza artificiale.";
        let mut topics = [
            topic("AI", &format!("{quoted}\n\nJapan said \"yes\" and 'no'.")),
            topic(
                "Trade",
                "Le ministre a dit : « nous avançons ». Prix 100 € et 5 %.\n\nThe fee is 100 euros.\n\n\
                | Item | Cost |\n|---|---|\n| Apples | 5 |\n| Pears | 7 |",
            ),
            topic("T", &format!("Ordinary English body text.\n\n{es}")),
            topic("T", &format!("Ordinary English body text.\n\n{it}")),
            // German, with a short German paragraph: German still.
            topic("Datenschutz", &format!("{quoted}\n\nWeitere Schritte folgen.")),
        ];
        detect_topic_languages(&mut topics, "en");
        let langs: Vec<Option<&str>> = topics.iter().map(|t| t.lang.as_deref()).collect();
        assert_eq!(langs, [None, None, None, None, Some("de")]);
        let own: Vec<Vec<&str>> =
            topics[..4].iter().map(|t| own_languages(&t.body, "en").into_iter().map(|(_, l)| l).collect()).collect();
        assert_eq!(own, [vec!["de"], vec![], vec!["es"], vec!["it"]]);
    }
}
