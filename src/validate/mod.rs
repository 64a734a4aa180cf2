//! Raw model → checked model: every rule a briefing must meet, each broken one reported at
//! its span, all of them in one run.
//!
//! What is checked: `title`, `date`, `topics` (each with a title and a body) and `contact`
//! (with at least one way to reach someone) are required; the date must exist; `lang` must
//! look like a BCP 47 tag; every character that will be printed must be covered by a font and
//! must not be a control character. Tabs in printed text become spaces. Summary, overview and
//! topic bodies are Markdown, parsed here.
//!
//! The rules live by the part of the briefing they check: printed text and Markdown in
//! `text`, a Markdown text's lines as typed against what they print in `lines`, the date in
//! `date`, languages in `language`, the contact block in `contact`; the required fields and
//! topics here.

mod characters;
mod contact;
mod curly;
mod date;
mod filled;
mod instead;
mod invisible;

pub use date::date_problem;
pub use language::own_languages;
pub use numbered::hand_numbered;
pub use text::visible;
mod language;
mod lines;
mod notes;
mod numbered;
mod places;
mod text;

use std::collections::HashSet;

use crate::diag::{Diagnostic, SourceFile, Span};
use crate::load::{self, Limits, Spanned};
use crate::model::{Briefing, RawBriefing, RawTopic, Topic};
use language::{detect_topic_languages, mostly_japanese};

/// Which characters the fonts print, and in which forms: a [`crate::fonts::FontBook`], or a
/// function saying which characters print (every form of them then does).
pub trait Coverage {
    /// Whether some font prints `c`.
    fn covers(&self, c: char) -> bool;

    /// How `base` followed by the ideographic variation selector `selector` prints.
    fn form(&self, _base: char, _selector: char) -> Form {
        Form::Printed
    }
}

/// How a character followed by a variation selector prints (`葛` U+E0100: 葛 with ヒ below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// In the form the selector asks for.
    Printed,
    /// The font has the form, but it is drawn in the standard one: only a character's own
    /// glyph is drawn.
    Standard,
    /// The font has no such form: it is drawn in the standard one.
    Missing,
}

impl<F: Fn(char) -> bool> Coverage for F {
    fn covers(&self, c: char) -> bool {
        self(c)
    }
}

impl Coverage for crate::fonts::FontBook {
    fn covers(&self, c: char) -> bool {
        crate::fonts::FontBook::covers(self, c)
    }

    fn form(&self, base: char, selector: char) -> Form {
        match self.variant(base, selector) {
            Some(crate::fonts::Variant::Default) => Form::Printed,
            Some(crate::fonts::Variant::Glyph(_)) => Form::Standard,
            None => Form::Missing,
        }
    }
}

/// Checks a raw briefing read from `file`. `covers(c)` tells whether some font can print `c`.
/// Returns every problem found, each pointing into `file`.
pub fn validate(raw: RawBriefing, file: &SourceFile, covers: &dyn Coverage) -> Result<Briefing, Vec<Diagnostic>> {
    Checker::new(file, covers, Known::default()).briefing(raw).map(|(briefing, _)| briefing)
}

/// How a file is read: checked, as one to be printed; or as typed, as an earlier version
/// read only to be compared (`diff`'s OLD).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Every problem refuses the file.
    Checked,
    /// The file is read as typed when its whole text could be read and it has what a
    /// briefing is made of (a title, a date that exists, topics each with a title and a body,
    /// a way to contact); its other problems (a value of the wrong type, an e-mail address
    /// with a `。` after it, a character no font has) come back beside it, to be said.
    AsTyped,
}

/// A line of printed text given elsewhere than in a briefing (`bundle --title`), checked as a
/// briefing's `title` is: not empty, no control character, no character no font has, no
/// right-to-left text. The text as it prints (in NFC, trimmed, tabs as spaces), or each
/// problem's message.
pub fn one_line(text: &str, covers: &dyn Fn(char) -> bool) -> Result<String, Vec<String>> {
    let text = crate::script::nfc(text).into_owned();
    let file = SourceFile::new("", &text);
    let covers = |c| covers(c);
    let mut checker = Checker::new(&file, &covers, Known::default());
    let field = Spanned { span: Span::new(0, text.len()), value: text.clone() };
    let line = checker.present(Some(field), "", "", Span::new(0, 0)).map(|f| checker.plain(&f, ""));
    match line {
        Some(line) if checker.diagnostics.is_empty() => Ok(line),
        _ => Err(checker.diagnostics.into_iter().map(|d| d.message).collect()),
    }
}

/// Loads `file` ([`load::load_detailed`]) and validates it: every problem the loader and
/// the checks find, each reported once. A value the loader already reported (a mapping where
/// the title should be) is not reported again as, say, an empty title; a "missing field" is
/// not reported for a field the loader suggested for a misspelt key; and a file that could
/// not be parsed is not checked further.
pub fn load_briefing(file: &SourceFile, limits: &Limits, covers: &dyn Coverage) -> Result<Briefing, Vec<Diagnostic>> {
    crate::language::fresh_budget();
    let loaded = load::load_detailed::<RawBriefing>(file, limits);
    let titles = loaded.item_titles("topics", "title");
    checked(file, covers, loaded, Reading::Checked).map(|(briefing, _)| briefing).map_err(|mut d| {
        name_topics(&mut d, &titles);
        d
    })
}

/// [`load_briefing`] for a file that may be written in several languages (`lang: [en, ja]`):
/// the briefing in each of its languages, in the order `lang:` lists them. The file is parsed
/// once; every language is checked, and each problem is reported once.
pub fn load_briefings(
    file: &SourceFile,
    limits: &Limits,
    covers: &dyn Coverage,
) -> Result<Vec<Briefing>, Vec<Diagnostic>> {
    read_briefings(file, limits, covers, Reading::Checked).map(|(briefings, _)| briefings)
}

#[cfg(test)]
thread_local! {
    /// Bytes of text checked on this thread, in tests that count the whole checks a task makes
    /// (the editor's, text45b F45b-2).
    pub(crate) static CHECKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// [`load_briefings`], read as `reading` says: with [`Reading::AsTyped`], the briefings and
/// the problems they were read past.
pub fn read_briefings(
    file: &SourceFile,
    limits: &Limits,
    covers: &dyn Coverage,
    reading: Reading,
) -> Result<(Vec<Briefing>, Vec<Diagnostic>), Vec<Diagnostic>> {
    #[cfg(test)]
    CHECKED.with(|n| n.set(n.get() + file.text.len()));
    crate::language::fresh_budget();
    let mut diagnostics = Vec::new();
    let mut seen = HashSet::new();
    let mut briefings = Vec::new();
    let keys = if reading == Reading::AsTyped { load::Keys::AsMeant } else { load::Keys::AsTyped };
    let all = load::load_each_with::<RawBriefing>(file, limits, keys);
    // Topics are named as printed in the first language.
    let titles = all.first().map(|l| l.item_titles("topics", "title")).unwrap_or_default();
    let mut unread = false;
    for loaded in all {
        let more = match checked(file, covers, loaded, reading) {
            Ok((b, past)) => {
                briefings.push(b);
                past
            }
            Err(more) => {
                unread = true;
                more
            }
        };
        for d in more {
            if seen.insert((d.span, d.path.clone(), d.message.clone())) {
                diagnostics.push(d);
            }
        }
    }
    // A value empty in one language only is that, not also "must not be empty" in it.
    let empty_in: HashSet<Option<Span>> =
        diagnostics.iter().filter(|d| d.message.starts_with("empty in ")).map(|d| d.span).collect();
    diagnostics.retain(|d| !(d.message == "must not be empty" && empty_in.contains(&d.span)));
    name_topics(&mut diagnostics, &titles);
    if diagnostics.is_empty() || (reading == Reading::AsTyped && !unread) {
        Ok((briefings, diagnostics))
    } else {
        Err(diagnostics)
    }
}

/// Says which topic a path means as a reader counts and knows it: `topics[4].body` becomes
/// `topics[4].body (topic 5, "Platforms")` (paths count from zero, printed topics from one).
fn name_topics(diagnostics: &mut [Diagnostic], titles: &[Option<String>]) {
    for d in diagnostics {
        let Some(index) = d.path.strip_prefix("topics[").and_then(|rest| rest.split(']').next()) else { continue };
        let Ok(i) = index.parse::<usize>() else { continue };
        let title = match titles.get(i).and_then(Option::as_deref) {
            Some(t) if t.chars().count() > 40 => format!(", \"{}…\"", t.chars().take(40).collect::<String>()),
            Some(t) => format!(", \"{t}\""),
            None => String::new(),
        };
        d.path = format!("{} (topic {}{title})", d.path, i + 1);
    }
}

/// The briefing of one language, checked as `reading` says, and the problems read past
/// (none when [`Reading::Checked`]).
fn checked(
    file: &SourceFile,
    covers: &dyn Coverage,
    loaded: load::Loaded<RawBriefing>,
    reading: Reading,
) -> Result<(Briefing, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diagnostics = loaded.diagnostics;
    if !loaded.complete || (reading == Reading::AsTyped && !loaded.read_whole) {
        return Err(diagnostics);
    }
    let mut reported: Vec<usize> = diagnostics.iter().filter_map(|d| d.span.map(|s| s.start)).collect();
    reported.sort_unstable();
    let known = Known { replaced: loaded.replaced, misspelt: loaded.misspelt, nulls: loaded.nulls, reported };
    let mut checker = Checker::new(file, covers, known);
    checker.as_typed = reading == Reading::AsTyped;
    match checker.briefing(loaded.value) {
        Ok((briefing, past)) if reading == Reading::AsTyped => {
            diagnostics.extend(past);
            Ok((briefing, diagnostics))
        }
        Ok((briefing, _)) if diagnostics.is_empty() => Ok((briefing, diagnostics)),
        Ok(_) => Err(diagnostics),
        Err(more) => {
            // What follows from a syntax error (a field missing because its line was
            // unreadable) is that error, reported already.
            diagnostics.extend(more.into_iter().filter(|d| !loaded.blanked.follows(d)));
            // Two items "missing" each other's fields: one, split by a `- ` before a key.
            load::name_splits(&file.text, &mut diagnostics);
            load::fold_missing_into_unknown(&mut diagnostics);
            Err(diagnostics)
        }
    }
}

/// What the loader reported already (see [`load::Loaded`]).
#[derive(Default)]
struct Known {
    replaced: HashSet<Span>,
    misspelt: HashSet<String>,
    nulls: std::collections::HashMap<String, Span>,
    /// Where the loader's problems start, in order.
    reported: Vec<usize>,
}

impl Known {
    /// Whether the loader reported a problem inside `span` (a quote that ended a text early):
    /// what the text then seems to say follows from it.
    fn reported_in(&self, span: Span) -> bool {
        let first = self.reported.partition_point(|&at| at < span.start);
        self.reported.get(first).is_some_and(|&at| at < span.end)
    }
}

struct Checker<'a> {
    file: &'a SourceFile,
    covers: &'a dyn Coverage,
    known: Known,
    diagnostics: Vec<Diagnostic>,
    /// Where a missing top-level field is reported: the document's first key.
    start: Span,
    /// Table cells in the Markdown fields checked so far (see [`text::MAX_TABLE_CELLS`]).
    table_cells: usize,
    /// Links in the bodies read so far.
    links: usize,
    /// Blocks in the Markdown fields checked so far (see [`text::MAX_BLOCKS`]).
    blocks: usize,
    /// Changes of script in the text checked so far (see [`text::MAX_SCRIPT_CHANGES`]).
    script_changes: usize,
    /// Words in the tables checked so far (see [`text::MAX_TABLE_WORDS`]).
    table_words: usize,
    /// Runs of text in the Markdown fields checked so far (see [`text::MAX_RUNS`]).
    runs: usize,
    /// Half-lines the Markdown fields checked so far fill (see [`filled::MAX_FILLED_LINES`]).
    filled_halves: usize,
    /// The file's lines, found once, on the first character reported.
    lines: Option<places::LineIndex>,
    /// Read as typed ([`Reading::AsTyped`]): a briefing is made past its problems.
    as_typed: bool,
}

impl<'a> Checker<'a> {
    fn new(file: &'a SourceFile, covers: &'a dyn Coverage, known: Known) -> Self {
        let start = first_key(&file.text);
        Checker {
            file,
            covers,
            known,
            diagnostics: Vec::new(),
            start,
            table_cells: 0,
            links: 0,
            blocks: 0,
            script_changes: 0,
            table_words: 0,
            runs: 0,
            filled_halves: 0,
            lines: None,
            as_typed: false,
        }
    }

    /// The briefing, and the problems it was made past (only when read as typed).
    fn briefing(mut self, raw: RawBriefing) -> Result<(Briefing, Vec<Diagnostic>), Vec<Diagnostic>> {
        let absent = [
            ("organisation", raw.organisation.is_none()),
            ("short_title", raw.short_title.is_none()),
            ("summary", raw.summary.is_none()),
            ("heading", raw.heading.is_none()),
            ("overview", raw.overview.is_none()),
            ("subject", raw.subject.is_none()),
            ("marking", raw.marking.is_none()),
        ];
        for (key, _) in absent.iter().filter(|(_, absent)| *absent) {
            self.key_in_text(key);
        }
        let title = self.present(raw.title, "", "title", self.start);
        let title = title.map(|t| self.plain(&t, "title"));
        let short_title = self.optional(raw.short_title, "short_title");
        let date = self.date(raw.date);
        let organisation = self.optional(raw.organisation, "organisation");
        let summary = raw.summary.map(|s| self.markdown(&s, "summary"));
        let heading = self.optional(raw.heading, "heading");
        let overview = raw.overview.map(|s| self.markdown(&s, "overview"));
        let topics = self.topics(raw.topics);
        let contact = self.contact(raw.contact);
        let subject = self.optional(raw.subject, "subject");
        let stated = raw.lang.is_some();
        let lang_span = raw.lang.as_ref().map(|l| l.span);
        let mut lang = self.lang(raw.lang, "lang");
        if let (Some(span), Some(title), Some(topics)) = (lang_span, &title, &topics) {
            self.country_for_language(span, &lang, title, &summary, topics);
        }
        let marking = self.optional(raw.marking, "marking");
        let draft = raw.draft.is_some_and(|d| d.value);
        match (title, date, topics, contact) {
            (Some(title), Some(date), Some(mut topics), Some(contact))
                if self.diagnostics.is_empty() || self.as_typed =>
            {
                let detected = !stated && mostly_japanese(&title, &summary, &topics);
                if detected {
                    lang = "ja".to_string();
                }
                detect_topic_languages(&mut topics, &lang);
                let briefing = Briefing {
                    short_title: short_title.unwrap_or_else(|| title.clone()),
                    title,
                    date,
                    organisation,
                    summary: summary.unwrap_or_default(),
                    heading,
                    overview: overview.unwrap_or_default(),
                    topics,
                    contact,
                    subject,
                    lang,
                    lang_detected: detected,
                    marking,
                    draft,
                };
                Ok((briefing, self.diagnostics))
            }
            _ => Err(self.diagnostics),
        }
    }

    fn report(&mut self, span: Span, path: &str, message: impl Into<String>) {
        self.report_with_help(span, path, message, None);
    }

    /// [`Checker::report`], with a help line when there is one.
    fn report_with_help(&mut self, span: Span, path: &str, message: impl Into<String>, help: Option<String>) {
        if !self.known.replaced.contains(&span) {
            let d = Diagnostic::new(Some(span), path, message);
            self.diagnostics.push(match help {
                Some(help) => d.with_help(help),
                None => d,
            });
        }
    }

    /// A required field of the mapping at `parent` (reported at `at` when missing) that must
    /// not be blank.
    fn present(
        &mut self,
        field: Option<Spanned<String>>,
        parent: &str,
        name: &str,
        at: Span,
    ) -> Option<Spanned<String>> {
        let path = join(parent, name);
        let Some(field) = field else {
            if let Some(&key) = self.known.nulls.get(&path) {
                self.report(key, &path, "has no value");
            } else if self.known.misspelt.contains(&path) {
                // Reported as the misspelt key.
            } else if let Some(after) = load::swallowed_key(&self.file.text, self.mapping(at), name) {
                let d = Diagnostic::new(Some(Span::new(after, after)), path, format!("missing `:` after `{name}`"))
                    .with_help(format!(
                        "without its colon, YAML reads this line as more of the text above it; write `{name}:`"
                    ));
                self.diagnostics.push(d);
            } else if load::after_comma(&self.file.text, self.mapping(at), name)
                .is_some_and(|comma| self.known.reported.binary_search(&comma).is_ok())
            {
                // Reported by the loader: typed after a comma on another key's line (text45a F45a-18).
            } else {
                self.report(at, parent, format!("missing field `{name}`"));
            }
            return None;
        };
        if field.value.trim().is_empty() {
            self.report(field.span, &path, "must not be empty");
            return None;
        }
        Some(field)
    }

    /// An optional top-level key written below a block text at its lines' column, which YAML
    /// reads as the text's last line: the key's value would be lost without a word.
    fn key_in_text(&mut self, key: &str) {
        if let Some(at) = load::key_in_block_text(&self.file.text, key, 0) {
            let d = Diagnostic::new(
                Some(Span::new(at, at + key.len())),
                key,
                format!("`{key}:` is indented as the text above it, so YAML reads it as that text"),
            )
            .with_help(format!("start `{key}:` in the first column, as the other keys"));
            self.diagnostics.push(d);
        }
    }

    /// The text of the mapping a field is missing from, reported at `at`: a topic's own, or,
    /// at the document's first key, the whole file.
    fn mapping(&self, at: Span) -> std::ops::Range<usize> {
        if at == self.start {
            0..self.file.text.len()
        } else {
            at.start..at.end
        }
    }

    /// An optional one-line field; blank is the same as absent.
    fn optional(&mut self, field: Option<Spanned<String>>, path: &str) -> Option<String> {
        let text = self.plain(&field?, path);
        (!text.is_empty()).then_some(text)
    }

    fn topics(&mut self, field: Option<Spanned<Vec<Spanned<RawTopic>>>>) -> Option<Vec<Topic>> {
        let Some(list) = field else {
            self.present(None, "", "topics", self.start);
            return None;
        };
        if list.value.is_empty() {
            let message = "the list is empty; a briefing needs at least one topic";
            self.report(list.span, "topics", message);
            return None;
        }
        let mut topics = Some(Vec::with_capacity(list.value.len()));
        for (i, topic) in list.value.into_iter().enumerate() {
            let parent = format!("topics[{i}]");
            let RawTopic { title, body, lang } = topic.value;
            let lang = lang.map(|l| self.lang(Some(l), &join(&parent, "lang")));
            let title = self.present(title, &parent, "title", topic.span);
            let title = title.map(|t| self.plain(&t, &join(&parent, "title")));
            let body = self.present(body, &parent, "body", topic.span);
            let body = body.map(|b| self.markdown(&b, &join(&parent, "body")));
            match (title, body, &mut topics) {
                (Some(title), Some(body), Some(topics)) => {
                    topics.push(Topic { title, body, lang, lang_detected: false, change: None, marked_title: None })
                }
                _ => topics = None,
            }
        }
        topics
    }
}

/// `parent.name`, or `name` at the top level.
fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// The span of the first key of the document (skipping comments, directives and `---`), or
/// an empty span at the start.
fn first_key(text: &str) -> Span {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let mut trimmed = content.trim_start();
        // `--- key: value` starts the document and its first key on one line.
        if let Some(rest) = trimmed.strip_prefix("---") {
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                trimmed = rest.trim_start();
            }
        }
        let skip = trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('%');
        if !skip {
            let start = offset + content.len() - trimmed.len();
            let key = trimmed.split(':').next().unwrap_or("").trim_end();
            return Span::new(start, start + key.len());
        }
        offset += line.len();
    }
    Span::default()
}

#[cfg(test)]
mod tests {
    use super::date::no_such_date;
    use super::*;
    use crate::load::is_language_tag;
    use crate::markdown::{self, Block};

    const GOOD: &str = "\
title: Results of the Workshop
date: 2020-10-06
topics:
  - title: Data
    body: Text about data.
contact:
  tel: \"+81 3 5253 5920\"
";

    fn no_emoji(c: char) -> bool {
        c != '😀'
    }

    fn check(text: &str) -> Result<Briefing, Vec<Diagnostic>> {
        load_briefing(&SourceFile::new("t.yaml", text), &Limits::default(), &no_emoji)
    }

    /// `text` read as typed: the briefing's title and the messages of the problems read past.
    fn as_typed(text: &str) -> Result<(String, Vec<String>), Vec<String>> {
        let file = SourceFile::new("t.yaml", text);
        let messages = |d: Vec<Diagnostic>| d.into_iter().map(|d| d.message).collect::<Vec<_>>();
        match read_briefings(&file, &Limits::default(), &no_emoji, Reading::AsTyped) {
            Ok((b, past)) => Ok((b[0].title.clone(), messages(past))),
            Err(d) => Err(messages(d)),
        }
    }

    #[test]
    fn a_file_read_as_typed_is_read_past_its_problems_but_not_past_what_stops_its_reading() {
        // (text44a F44a-18: `diff` refused an earlier version for what today's checks refuse.)
        let old = GOOD.replace("date: 2020-10-06", "date: 2020-10-06\ndraft: yes").replace("Data\n", "Data 😀\n");
        let (title, past) = as_typed(&old).expect("read as typed");
        assert_eq!(title, "Results of the Workshop");
        assert_eq!(past.len(), 2, "{past:?}");
        assert!(past.iter().any(|m| m.contains("expected true or false")), "{past:?}");
        assert!(past.iter().any(|m| m.contains("no font has U+1F600")), "{past:?}");
        // Checked, the same file is refused.
        assert!(check(&old).is_err());
        // A syntax error, a second document: what follows is not read as typed.
        assert!(as_typed(&GOOD.replace("title: Data", "title: [Data")).is_err());
        assert!(as_typed(&format!("{GOOD}---\ntitle: more\n")).is_err());
        // Nor a briefing without a date that exists.
        assert!(as_typed(&GOOD.replace("2020-10-06", "2020-02-30")).is_err());
        // A good file has nothing to say.
        assert_eq!(as_typed(GOOD), Ok(("Results of the Workshop".to_string(), Vec::new())));
    }

    /// `path: message @ line:col` for each problem, in order of position.
    fn problems(text: &str) -> Vec<String> {
        let file = SourceFile::new("t.yaml", text);
        let mut diags = match check(text) {
            Ok(b) => panic!("expected problems, got {b:?}"),
            Err(d) => d,
        };
        diags.sort_by_key(|d| d.span);
        diags
            .iter()
            .map(|d| {
                let (line, col) = file.line_col(d.span.map_or(0, |s| s.start));
                let path = if d.path.is_empty() { String::new() } else { format!("{}: ", d.path) };
                format!("{path}{} @ {line}:{col}", d.message)
            })
            .collect()
    }

    fn replace(from: &str, to: &str) -> String {
        assert!(GOOD.contains(from), "{from}");
        GOOD.replacen(from, to, 1)
    }

    #[test]
    fn what_markdown_would_not_print_as_written_is_reported_at_its_place() {
        let body = "    body: \"[ok](https://e.org 'smile &#x1F600; bel &#7;') [x](javascript:alert(1))\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 | 3 |\\n| 4 | `x \\\\| y` |\"";
        let text = replace("    body: Text about data.", body);
        let p = problems(&text);
        assert_eq!(p.len(), 4, "{p:#?}");
        // (References print as typed in text, and decoded in a link's title, printed after it.)
        assert!(p[0].contains("no font has U+1F600") && p[0].ends_with("@ 5:38"), "{p:?}");
        assert!(p[1].contains("control character U+0007") && p[1].ends_with("@ 5:52"), "{p:?}");
        assert!(p[2].contains("a link to `javascript:alert(1)`") && p[2].ends_with("@ 5:63"), "{p:?}");
        assert!(p[3].contains("a table row of 3 cells under a header of 2"), "{p:?}");
        // An address longer than any browser follows, written as text or as a link.
        for long in [format!("https://e.org/{}", "a".repeat(3000)), format!("[x](https://e.org/{})", "a".repeat(3000))]
        {
            let p = problems(&replace("Text about data.", &format!("\"{long}\"")));
            assert!(p.len() == 1 && p[0].contains("a link address of 3014 bytes"), "{p:?}");
        }
    }

    /// A reference link the parser no longer expands is reported at its line (text17 F4).
    #[test]
    fn a_reference_link_printed_as_typed_is_reported_at_its_line() {
        let address = format!("https://example.org/{}", "a".repeat(80));
        let items: String = (0..1_001).map(|i| format!("      Item {i}: [the report][r].\n\n")).collect();
        let body = format!("    body: |\n{items}      [r]: {address}");
        let p = problems(&replace("    body: Text about data.", &body));
        let said = "the reference link `[r]` prints as typed: Markdown expands no more than 100 KB of addresses \
                    in reference links of this text, here 1000 of them";
        // (The body's first line is line 6, its item 1000 line 6 + 2,000.)
        assert_eq!(p, [format!("topics[0].body (topic 1, \"Data\"): {said} @ 2006:30")]);
    }

    #[test]
    fn wrapped_text_without_a_bar_is_fine_and_lines_typed_as_a_list_are_not() {
        for prose in [
            "    body:\n      Text about data,\n      wrapped over\n      2026. three lines.",
            "    body: >\n      Text about data,\n      wrapped.\n\n      - A list of one item.",
            // Two blank lines (a paragraph's end in any value), after a heading, or before a
            // line indented further (which `>` keeps apart).
            "    body: >\n      One.\n\n\n      Two.",
            "    body: >\n      # Heading\n\n      Text.\n\n        indented\n      more.",
            // text33a F33a-2: `>` keeps the line breaks around lines indented further.
            "    body: >\n      - a\n        - b\n      - c",
            "    body: >\n      Agreed to\n      continue.\n\n        - a\n        - b",
            // text40a F40a-9: a sentence wrapped before a date, a `>` or a dash is one sentence.
            "    body: Das Treffen fand am Mittwoch, dem\n      1. Oktober 2025, in Brüssel statt.",
            "    body: Der Anteil stieg auf\n      > 40 % aller Datenflüsse.",
            "    body: >\n      Obě strany se shodly, že\n      - jak uvedla Komise - je třeba pokračovat.",
        ] {
            assert!(check(&replace("    body: Text about data.", prose)).is_ok(), "{prose}");
        }
        // text42a F42a-9: a blank line between paragraphs in a value without `|` (one line
        // break, then, which Markdown reads as a space), in each of the three ways.
        for (prose, line) in [
            ("    body: Both sides agreed on\n      supply chains.\n\n      They will review it.", 7),
            ("    body: \"The sides met.\n\n      Japan presented it.\"", 6),
            ("    body: >\n      Agreed.\n\n      - A list of one item.\n\n      More text.", 9),
        ] {
            let p = problems(&replace("    body: Text about data.", prose));
            let said = format!(
                "YAML joins the paragraphs of this text into one, as {}",
                if prose.contains('>') {
                    "`body: >` folds them"
                } else if prose.contains('"') {
                    "a quoted text folds them"
                } else {
                    "`body:` has no `|`"
                }
            );
            assert!(p.len() == 1 && p[0].contains(&said), "{prose}: {p:?}");
            assert!(p[0].contains(&format!("the blank line (line {line}) would not end a paragraph")), "{p:?}");
        }
        let folded = replace("    body: Text about data.", "    body: >\n      Agreed on\n      - a\n      - b");
        assert!(problems(&folded).iter().any(|p| p.contains("`- a` (line 7) would not be a line of its own")));
        let list = replace("    body: Text about data.", "    body: Agreed on\n      1. data\n      2. AI");
        let p = problems(&list);
        assert!(p.len() == 1 && p[0].contains("`1. data` (line 6) would not be a line of its own @ 5:5"), "{p:?}");
        // After a line that ends a sentence, one item alone is an item typed line by line.
        let one = replace("    body: Text about data.", "    body: Two points follow.\n      1. data");
        assert!(problems(&one).iter().any(|p| p.contains("`1. data` (line 6) would not be a line of its own")));
    }

    #[test]
    fn a_minimal_briefing_gets_its_defaults() {
        let b = check(GOOD).unwrap();
        assert_eq!(b.short_title, "Results of the Workshop");
        assert_eq!(b.lang, "en");
        assert!(!b.draft && b.summary.is_empty() && b.overview.is_empty());
        assert_eq!((b.date.year(), b.date.month(), b.date.day()), (2020, 10, 6));
        assert_eq!(b.contact.tel.as_deref(), Some("+81 3 5253 5920"));
        assert_eq!(
            markdown::plain_text(match &b.topics[0].body[0] {
                Block::Paragraph(i) => i,
                other => panic!("{other:?}"),
            }),
            "Text about data."
        );
    }

    #[test]
    fn the_sample_briefing_is_valid() {
        let text = include_str!("../../data/japan-eu-ict-workshop-10.yaml");
        let b = load_briefing(&SourceFile::new("d.yaml", text), &Limits::default(), &|_| true).unwrap();
        assert_eq!(b.topics.len(), 8);
        assert_eq!(b.contact.fax.as_deref(), Some("+81 3 5253 5924"));
    }

    #[test]
    fn missing_top_level_fields_point_at_the_first_key() {
        assert_eq!(
            problems("# comment\n\norganisation: MIC\n"),
            [
                "missing field `title` @ 3:1",
                "missing field `date` @ 3:1",
                "missing field `topics` @ 3:1",
                "missing field `contact` @ 3:1",
            ]
        );
    }

    #[test]
    fn a_japanese_briefing_with_an_english_topic_and_addresses_is_japanese() {
        // Counted, the English topic and the address outweighed the Japanese.
        let text = "title: 第10回日EU会議の結果\ndate: 2020-10-06\nsummary: 双方は協力を確認した。詳細はhttps://www.soumu.go.jp/menu_news/s-news/01tsushin08_02000100.html\ntopics:\n  - title: 議題\n    body: 双方は議論した。\n  - title: English summary\n    lang: en\n    body: Both sides confirmed their cooperation on data, artificial intelligence and research.\ncontact:\n  tel: \"1\"\n";
        assert_eq!(check(text).unwrap().lang, "ja");
    }

    #[test]
    fn markdown_nested_too_deeply_is_reported_at_the_line_that_goes_past_the_limit() {
        // It was reported at `body: |`, whatever line went too deep.
        let list: String = (0..40).map(|d| format!("      {}- item\n", "  ".repeat(d))).collect();
        let text = replace("    body: Text about data.\n", &format!("    body: |\n{list}"));
        let p = problems(&text);
        // `body: |` is line 5; the 33rd list is the 33rd line after it.
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("nested too deeply") && p[0].contains("@ 38:"), "{p:?}");
    }

    #[test]
    fn a_syntax_error_does_not_hide_the_problems_of_the_rest() {
        // A slip in a value, a line indented with a tab, a quote never closed: each is
        // reported, and so is what is wrong elsewhere (the date), but not what follows from
        // the slip (the title, the date or a contact "missing", its topic's body).
        let text =
            replace("title: Results of the Workshop", "title: 'Ministers' views'").replace("2020-10-06", "2020-13-45");
        let p = problems(&text);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].contains("ended at an apostrophe @ 1:"), "{p:?}");
        assert!(p[1].starts_with("date: 2020-13-45 does not exist") && p[1].ends_with("@ 2:7"), "{p:?}");
        let text = replace("date: 2020-10-06\n", "\tdate: 2020-10-06\n").replace("Data\n", "\"Data\n");
        let p = problems(&text);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].contains("tab") && p[0].ends_with("@ 2:1"), "{p:?}");
        assert!(p[1].ends_with("@ 4:12"), "{p:?}");
        let text = replace("  tel: \"+81", "  tel: \"+81 \"3").replace("Data", "");
        let p = problems(&text);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert_eq!(p[0], "topics[0].title (topic 1): has no value @ 4:5", "{p:?}");
        assert!(p[1].ends_with("ended at a quotation mark @ 7:13"), "{p:?}");
        // In two languages, a broken translation is not also "missing" in its language, at
        // the key that holds it (`title:`) or beside it (`en:`), nor in the other language.
        let both = "lang: [en, ja]\ntitle:\n  en: Results\n  ja: \"結果\ndate: 2020-10-36\n\
                    organisation:\n  en: MIC\n  ja \"総務省\"\ntopics:\n  - title: { en: Data, ja: データ }\n    \
                    body: { en: Text., ja: 本文。 }\ncontact:\n  tel: \"1\"\n";
        let file = SourceFile::new("t.yaml", both);
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let mut lines: Vec<(usize, &str)> =
            d.iter().map(|d| (file.line_col(d.span.map_or(0, |s| s.start)).0, d.message.as_str())).collect();
        lines.sort();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert_eq!(lines.iter().map(|l| l.0).collect::<Vec<_>>(), [4, 5, 8], "{lines:#?}");
        assert!(lines[1].1.starts_with("2020-10-36 does not exist"), "{lines:#?}");
        // A translation that lost its colon: not "given in ja only" too. A key typed wrong
        // beside a slip is still reported; a `lang:` that lost its colon is named as such, the
        // languages are read off the title, and the rest is checked in them.
        let both = "lang: [en, ja]\ntitle: { en: Results, ja: 結果 }\ndate: 2020-10-36\norganisation:\n  \
                    en \"MIC\"\n  ja: 総務省\ntopics:\n  - title: { en: Data, ja: データ }\n    \
                    body: { en: Text., ja: 本文。 }\ncontact:\n  tel: \"1\"\n  emial: a@b.org\n";
        let file = SourceFile::new("t.yaml", both);
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let mut messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        messages.sort();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].starts_with("2020-10-36 does not exist"), "{messages:#?}");
        assert_eq!(messages[1], "missing `:` after `en`", "{messages:#?}");
        assert!(messages[2].starts_with("unknown field `emial`"), "{messages:#?}");
        let file = SourceFile::new("t.yaml", both.replace("lang: [en, ja]", "lang [en, ja]"));
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages[..2], ["missing `:` after `lang`", "missing `:` after `en`"]);
        assert!(messages[2].starts_with("unknown field `emial`"), "{messages:#?}");
        assert!(messages[3].starts_with("2020-10-36 does not exist"), "{messages:#?}");
        assert_eq!(messages.len(), 4, "{messages:#?}");
        // A title in plain text: the languages are those the other values are given in.
        let plain = both
            .replace("lang: [en, ja]", "lang [en, ja]")
            .replace("title: { en: Results, ja: 結果 }", "title: Results");
        let d = load_briefings(&SourceFile::new("t.yaml", plain), &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert_eq!(messages[..2], ["missing `:` after `lang`", "missing `:` after `en`"]);
        // A title that lost its colon before its translations is not also missing.
        let file = SourceFile::new("t.yaml", both.replace("title: { en: Results", "title { en: Results"));
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        assert!(d.iter().all(|d| !d.message.contains("missing field")), "{d:#?}");
        // No title at all: still the languages of the values, and the title missing; a contact's
        // `tel:` is a key, not a language (a tag of three letters).
        let untitled =
            "lang [en, ja]\ndate: 2020-02-30\ntopics:\n  - {title: {en: D, ja: D}, body: {en: B, ja: B}, titel: x}\n\
                        contact:\n  tel: \"1\"\n  emial: x\n";
        let d = load_briefings(&SourceFile::new("t.yaml", untitled), &Limits::default(), &no_emoji).unwrap_err();
        let mut messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        messages.sort();
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert!(messages[0].starts_with("2020-02-30 does not exist"), "{messages:#?}");
        assert_eq!(messages[1..3], ["missing `:` after `lang`", "missing field `title`"], "{messages:#?}");
        // In one language, a broken `lang:` leaves the rest to be checked as it is.
        let one = "title: W\ndate: 2020-02-30\nlang: [en\ntopics:\n  - titel: D\n    body: T\ncontact:\n  tel: \"1\"\n";
        let d = load_briefings(&SourceFile::new("t.yaml", one), &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        // A mapping's key that lost its colon gets it back: what the mapping holds is checked,
        // in every language, and nothing is "given in en but not in ja" for it.
        let file = SourceFile::new("t.yaml", both.replace("contact:", "contact"));
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let mut messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        messages.sort();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert_eq!(messages[1..3], ["missing `:` after `contact`", "missing `:` after `en`"], "{messages:#?}");
        assert!(messages[3].starts_with("unknown field `emial`"), "{messages:#?}");
        // What a stray second document holds is not "missing" from the first.
        let p = problems(&replace("contact:\n", "---\ncontact:\n"));
        assert_eq!(p, ["a second YAML document; the file must hold exactly one @ 6:1"]);
        // A broken item of a list leaves the other items' problems standing.
        let text =
            replace("    body: Text about data.\n", "    body: \"[x](javascript:1)\"\n  - title: \"Two\n    body: x\n");
        let p = problems(&text);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].contains("javascript:1") && p[0].ends_with("@ 5:16"), "{p:?}");
        assert!(p[1].ends_with("@ 6:12"), "{p:?}");
    }

    #[test]
    fn a_key_with_no_value_is_reported_at_the_key_not_as_missing() {
        let text = replace("date: 2020-10-06\n", "date:\n").replace("contact:\n  tel:", "contact:\ntel:");
        let p = problems(&text);
        assert_eq!(p[..2], ["date: has no value @ 2:1", "contact: has no value @ 6:1"], "{p:?}");
    }

    #[test]
    fn the_first_key_is_found_past_comments_and_document_markers() {
        assert_eq!(first_key("# c\n%YAML 1.2\n---\n  title: x\n"), Span::new(20, 25));
        assert_eq!(first_key("--- # c\n--- date: x\n"), Span::new(12, 16));
        assert_eq!(first_key("# only\n"), Span::default());
    }

    #[test]
    fn the_title_must_not_be_blank() {
        assert_eq!(problems(&replace("Results of the Workshop", "'  '")), ["title: must not be empty @ 1:8"]);
    }

    /// Zero-width characters alone print nothing: refused, as blank text is, in a one-line
    /// field and in a Markdown one, and said to be invisible rather than Markdown markup.
    #[test]
    fn a_value_of_invisible_characters_alone_prints_no_text() {
        let said = "this prints no text: it has only invisible characters, such as U+200B";
        let text = replace("Results of the Workshop", "\"\\u200b\\u2060 \\ufeff\"");
        assert_eq!(problems(&text), [format!("title: {said} @ 1:8")]);
        let text = replace("    body: Text about data.", "    body: \"\\u200b\"");
        let found = problems(&text);
        assert!(found.len() == 1 && found[0].contains(said), "{found:?}");
        // Bidi isolates too (U+2066…U+2069).
        let text = replace("Results of the Workshop", "\"\\u2066\\u2069\"");
        assert_eq!(problems(&text), [format!("title: {}", said.replace("U+200B", "U+2066 @ 1:8"))]);
        // Beside visible text, they are text.
        assert!(check(&replace("Results of the Workshop", "\"Results\\u200b\"")).is_ok());
        // text43a F43a-10: no-break and em spaces alone (a field pasted from Word, emptied)
        // printed a blank heading, a blank summary, a blank line in the contact block.
        let spaces = "this prints no text: it has only spaces, such as U+00A0 (a no-break space)";
        for (field, line) in [
            ("heading", "heading: \"\\u00a0\\u00a0\"\n"),
            ("organisation", "organisation: \"\\u00a0\"\n"),
            ("summary", "summary: \"\\u00a0 \\u2003\"\n"),
        ] {
            let text = replace("date: 2020-10-06\n", &format!("date: 2020-10-06\n{line}"));
            let found = problems(&text);
            assert_eq!(found, [format!("{field}: {spaces} @ 3:{}", field.len() + 3)]);
        }
        let found = problems(&replace("  tel:", "  name: \"\\u2003\"\n  tel:"));
        assert_eq!(
            found,
            ["contact.name: this prints no text: it has only spaces, such as U+2003 (an em space) @ 7:9"]
        );
        // A paragraph, list item, cell or link text of them alone, in a field with text, is
        // a bullet with nothing after it, or an address with no words before it.
        // So is a stretch in italics, bold or code, a code block, or an image's description
        // (text17 F5), each named.
        let paragraph = "a paragraph, item or cell";
        let (link, set, code, image) =
            ("a link's text", "a stretch in italics, bold or code", "a code block", "an image's description");
        for (body, what) in [
            ("Text.\\n\\n\\u200b", paragraph),
            ("- one\\n- \\u200b\\u2060", paragraph),
            ("See [\\u200b](https://e.org) here.", link),
            ("| a | b |\\n|---|---|\\n| x | \\u200b |", paragraph),
            ("Text *\\u200b* more.", set),
            ("Text **\\u200b** more.", set),
            ("Text `\\u200b` more.", set),
            ("- a *b* **\\u200b**", set),
            ("Text.\\n\\n```\\n\\u200b\\n\\n```", code),
            ("> - Text.\\n>\\n>   ```\\n>   \\u200b\\n>   ```", code),
            ("A logo ![\\u200b](https://e.org/l.png) here.", image),
            ("A logo ![ \\u200b\\u2060 ](https://e.org/l.png) here.", image),
        ] {
            let found = problems(&replace("    body: Text about data.", &format!("    body: \"{body}\"")));
            let part = format!("part of this prints no text: {what} of only invisible characters, such as U+");
            assert!(found.len() == 1 && found[0].contains(&part), "{body}: {found:?}");
        }
        for fine in [
            "Text\\u200b more.\\n\\n- a\\u2060b",
            "*a*\\u200b*b*",
            "![a\\u200b](https://e.org/l.png) and ![](https://e.org/m.png)",
        ] {
            assert!(check(&replace("    body: Text about data.", &format!("    body: \"{fine}\""))).is_ok(), "{fine}");
        }
    }

    #[test]
    fn dates_must_be_iso_and_exist() {
        assert_eq!(
            problems(&replace("2020-10-06", "October 6, 2020")),
            ["date: 'October 6, 2020' is not a date as briefing reads one; write it as 2020-10-06 (YYYY-MM-DD) @ 2:7"]
        );
        // text43a F43a-14: the date meant, written otherwise, is the fix; another, an example.
        for (typed, iso) in [
            ("２０２６－０５－１２", "2026-05-12"),
            ("2026年5月12日", "2026-05-12"),
            ("2026/5/12", "2026-05-12"),
            ("12.05.2026", "2026-05-12"),
            ("12 May 2026", "2026-05-12"),
            // text47a F47a-2: the month named in an EU language, in Roman numerals; eight digits.
            ("12. Mai 2026", "2026-05-12"),
            ("12 maja 2026", "2026-05-12"),
            ("2026. május 12.", "2026-05-12"),
            ("12 V 2026", "2026-05-12"),
            ("20260512", "2026-05-12"),
            ("12 mai 2026", "2026-05-12"),
            ("12 de mayo de 2026", "2026-05-12"),
        ] {
            let said = problems(&replace("2020-10-06", typed));
            assert_eq!(
                said,
                [format!("date: '{typed}' is not a date as briefing reads one; write it as {iso} (YYYY-MM-DD) @ 2:7")]
            );
        }
        assert_eq!(
            problems(&replace("2020-10-06", "12 listopada 2026")),
            ["date: '12 listopada 2026' is not a date as briefing reads one; its month's name is another month's in \
              another language: write it as 2026-10-12 or 2026-11-12 (YYYY-MM-DD), by the language it is in @ 2:7"]
        );
        assert_eq!(
            problems(&replace("2020-10-06", "2026/13/40")),
            ["date: '2026/13/40' is not a date; write it as YYYY-MM-DD, e.g. 2020-10-06 @ 2:7"]
        );
        assert_eq!(
            problems(&replace("2020-10-06", "2021-02-29")),
            ["date: 2021-02-29 does not exist (2021 is not a leap year) @ 2:7"]
        );
        // text44a F44a-7: a two-day meeting, a time, a year not in full.
        for (typed, said) in [
            ("2026-05-12/13", "is more than one day: `date:` is the briefing's date, one day; write it as 2026-05-12"),
            ("2026-05-12 – 2026-05-13", "is more than one day"),
            ("2026-05-12 10:00", "has a time: `date:` is the day only; write it as 2026-05-12"),
            ("2026-05-12T10:00:00Z", "has a time"),
            ("0026-05-12", "has the year 26; write the year in full, e.g. 2026-05-12"),
            // text46a F46a-9: a date with its day of the week was "more than one day"; the era
            // and a Japanese range got only an example.
            ("2026-05-12（火）", "has its day of the week: `date:` is the date alone; write it as 2026-05-12"),
            ("2026-05-12 (Tue)", "has its day of the week"),
            ("2026年5月12日（火曜日）", "has its day of the week: `date:` is the date alone; write it as 2026-05-12"),
            // text49a F49a-5: the day's name before the date, in a language's words.
            ("Tuesday, 12 May 2026", "has its day of the week: `date:` is the date alone; write it as 2026-05-12"),
            ("mardi 12 mai 2026", "has its day of the week: `date:` is the date alone; write it as 2026-05-12"),
            ("12. Mai 2026 (Dienstag)", "has its day of the week: `date:` is the date alone; write it as 2026-05-12"),
            ("令和8年5月12日", "is not a date as briefing reads one; write it as 2026-05-12"),
            ("R8.5.12", "is not a date as briefing reads one; write it as 2026-05-12"),
            ("令和元年5月1日", "is not a date as briefing reads one; write it as 2019-05-01"),
            (
                "2026年5月12日～13日",
                "is more than one day: `date:` is the briefing's date, one day; write it as 2026-05-12",
            ),
        ] {
            let got = problems(&replace("2020-10-06", typed));
            assert!(got.len() == 1 && got[0].starts_with(&format!("date: '{typed}' {said}")), "{typed}: {got:?}");
        }
        // text46a F46a-31: the day and month swapped.
        assert_eq!(
            problems(&replace("2020-10-06", "2026-13-01")),
            ["date: 2026-13-01 does not exist (there is no month 13); did you mean 2026-01-13? @ 2:7"]
        );
        assert_eq!(no_such_date("2020-13-01").as_deref(), Some("there is no month 13"));
        assert_eq!(no_such_date("2020-04-31").as_deref(), Some("April has 30 days"));
        assert_eq!(no_such_date("0000-01-01").as_deref(), Some("there is no year 0"));
        assert_eq!(no_such_date("2020-01-00").as_deref(), Some("there is no day 0"));
        assert_eq!(no_such_date("2020-1-1"), None);
    }

    #[test]
    fn contact_addresses_must_look_like_addresses() {
        let contact = |lines: &str| replace("  tel: \"+81 3 5253 5920\"\n", lines);
        assert_eq!(
            problems(&contact("  email: desk.example.org\n  url: www soumu go jp\n")),
            [
                "contact.email: 'desk.example.org' is not an e-mail address; write it as name@example.org @ 7:10",
                "contact.url: 'www soumu go jp' is not a web address; write it as https://www.example.org/page @ 8:8",
            ]
        );
        assert_eq!(problems(&contact("  email: a@b@example.org\n")).len(), 1);
        assert_eq!(problems(&contact("  email: desk@localhost\n")).len(), 1);
        let b = check(&contact("  email: mailto:desk@example.org\n  url: www.soumu.go.jp\n")).unwrap();
        assert_eq!(b.contact.email.as_deref(), Some("mailto:desk@example.org"));
        assert_eq!(b.contact.url.as_deref(), Some("www.soumu.go.jp"));
        // A file's name is no host (H70-6): `annex.pdf` would link to `https://annex.pdf`.
        for name in ["annex.pdf", "https://Annex.PDF/", "results.docx", "annex.epub", "data.tar.gz", "chart.svg"] {
            let found = problems(&contact(&format!("  url: {name}\n")));
            assert!(found.len() == 1 && found[0].contains("is a file's name (."), "{name}: {found:?}");
        }
        assert!(check(&contact("  url: www.example.org/annex.pdf\n")).is_ok());
        // text42a F42a-10: an address and words after it made one link to no page.
        for url in [
            "https://www.soumu.go.jp/english/ (English) / https://www.soumu.go.jp/ (Japanese)",
            "https://example.org/path with space",
        ] {
            let found = problems(&contact(&format!("  url: {url}\n")));
            assert!(found.len() == 1 && found[0].contains("is an address and more"), "{url}: {found:?}");
            assert!(found[0].contains("put '") && found[0].ends_with("@ 7:8"), "{found:?}");
        }
        // text43a F43a-18: a Japanese full stop or a comma typed after the address, brackets
        // around it, were linked with the address: to no page, to no mailbox.
        for (line, said) in [
            ("email: kokusai@soumu.go.jp。", "ends in `。`, typed after the address"),
            ("email: \"kokusai@soumu.go.jp,\"", "ends in `,`, typed after the address"),
            ("email: kokusai@soumu.go.jp.", "ends in `.`, typed after the address"),
            ("email: \"<kokusai@soumu.go.jp>\"", "has `<` `>` around the address"),
            ("email: （kokusai@soumu.go.jp）", "has `（` `）` around the address"),
            ("url: https://www.soumu.go.jp/english/。", "ends in `。`, typed after the address"),
            ("url: \"https://www.soumu.go.jp/,\"", "ends in `,`, typed after the address"),
            ("url: http://www.soumu.go.jp/english/index.html)", "ends in `)`, typed after the address"),
            ("url: \"(https://www.soumu.go.jp/)\"", "has `(` `)` around the address"),
        ] {
            let found = problems(&contact(&format!("  {line}\n")));
            assert!(found.len() == 1 && found[0].contains(said), "{line}: {found:?}");
            assert!(found[0].contains("delete it: ") || found[0].contains("write the address alone: "), "{found:?}");
        }
        // text45a F45a-4, F45a-13: a sender as Outlook copies it, with a name or with invisible
        // direction marks, was "not an e-mail address" and no more.
        for (line, said) in [
            (
                "email: Yamada Taro <yamada-t@soumu.go.jp>",
                "`email: yamada-t@soumu.go.jp`, and put the name in `name: Yamada Taro`",
            ),
            ("email: '\"Yamada Taro\" <yamada-t@soumu.go.jp>'", "put the name in `name: Yamada Taro`"),
            ("email: 山田太郎（yamada-t@soumu.go.jp）", "put the name in `name: 山田太郎`"),
            (
                "email: a@soumu.go.jp <a@soumu.go.jp>",
                "is the address twice, as Outlook copies it; write the address alone: a@soumu.go.jp",
            ),
            ("email: \"\\u202Aa@soumu.go.jp\\u202C\"", "direction marks (U+202A, U+202C)"),
            (
                "url: \"\\u200Ehttps://www.soumu.go.jp/\"",
                "direction marks (U+200E), copied with it from a contact card",
            ),
        ] {
            let found = problems(&contact(&format!("  {line}\n")));
            assert!(found.len() == 1 && found[0].contains(said), "{line}: {found:?}");
        }
        // text46a F46a-22: a number pasted from a signature with its label printed it twice.
        for (line, said) in [
            ("tel: \"Tel. +81 3 5253 5920\"", "'Tel. +81 3 5253 5920' starts with its label, which the briefing prints before it; write the number alone: `tel: \"+81 3 5253 5920\"`"),
            ("fax: \"FAX: +81 3 5253 5111\"", "write the number alone: `fax: \"+81 3 5253 5111\"`"),
            ("tel: \"電話：03-5253-5920\"", "write the number alone: `tel: \"03-5253-5920\"`"),
            ("tel: \"ＴＥＬ ０３-５２５３\"", "write the number alone: `tel: \"０３-５２５３\"`"),
        ] {
            let found = problems(&contact(&format!("  {line}\n")));
            assert!(found.len() == 1 && found[0].contains(said), "{line}: {found:?}");
        }
        for fine in ["tel: \"+81 3 5253 5920\"", "tel: \"Telstra 1234\"", "tel: \"03-5253-5920 (内線 123)\""] {
            assert!(check(&contact(&format!("  {fine}\n"))).is_ok(), "{fine}");
        }
        for bad in ["kokusai@soumu..go.jp", "kokusai@-soumu.go.jp", "kokusai@soumu.go.jp。x"] {
            let found = problems(&contact(&format!("  email: {bad}\n")));
            assert!(found.len() == 1 && found[0].contains("is not an e-mail address"), "{bad}: {found:?}");
        }
        for fine in [
            "email: kokusai@soumu.go.jp",
            "email: o'brien+desk@example.ie",
            "email: jürgen.müller@bürgeramt.de",
            "url: www.gov.uk.",
            "url: https://en.wikipedia.org/wiki/Foo_(bar)",
            "url: https://ja.wikipedia.org/wiki/東京",
        ] {
            assert!(check(&contact(&format!("  {fine}\n"))).is_ok(), "{fine}");
        }
    }

    #[test]
    fn topics_need_a_title_and_a_body() {
        assert_eq!(
            problems(&replace("topics:\n  - title: Data\n    body: Text about data.\n", "topics: []\n")),
            ["topics: the list is empty; a briefing needs at least one topic @ 3:9"]
        );
        assert_eq!(
            problems(&replace("    body: Text about data.\n", "  - body: ''\n")),
            // (The body's `- ` split the topic in two: one error at it, not two missing fields.)
            [
                "this `- ` starts a new item, so `body:` is not read as the item above's @ 5:3",
                "topics[1].body (topic 2): must not be empty @ 5:11"
            ]
        );
    }

    #[test]
    fn contact_needs_a_way_to_reach_someone() {
        assert_eq!(
            problems(&replace("  tel: \"+81 3 5253 5920\"\n", "  note: Ask anyone\n")),
            ["contact: nothing to contact; give at least one of tel, fax, email, url, division, bureau, organisation, name @ 7:3"]
        );
    }

    #[test]
    fn a_key_in_full_width_letters_or_with_an_invisible_character_is_named_once() {
        assert_eq!(
            problems(&replace("  - title: Data", "  - ｔｉｔｌｅ: Data")),
            ["topics[0] (topic 1): unknown field `ｔｉｔｌｅ`, did you mean `title`? @ 4:5"]
        );
        let text = replace("    body: Text", "    body\u{200B}: Text");
        assert_eq!(
            problems(&text),
            ["topics[0] (topic 1, \"Data\"): unknown field `body\\u200B`, did you mean `body`? @ 5:5"]
        );
        let d = check(&text).unwrap_err();
        assert_eq!(
            d[0].help.as_deref(),
            Some("`body\\u200B` holds an invisible U+200B (zero width space): type it as `body`")
        );
    }

    #[test]
    fn a_misspelt_way_to_contact_is_reported_once() {
        assert_eq!(
            problems(&replace("  tel: ", "  tle: ")),
            ["contact: unknown field `tle`, did you mean `tel`? @ 7:3"]
        );
    }

    #[test]
    fn lang_must_look_like_a_language_tag() {
        for good in ["en", "ja", "pt-PT", "zh-Hant-TW", "gsw", "EN", "en-US-u-ca-gregory", "x-klingon", "i-default"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "e1", "en-x", "x", "en-u"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        let text = format!("{GOOD}lang: English\n");
        assert_eq!(
            problems(&text),
            ["lang: 'English' is not a language tag; write a BCP 47 tag such as en, ja or pt-PT @ 8:7"]
        );
        assert_eq!(check(&format!("{GOOD}lang: pt-PT\n")).unwrap().lang, "pt-PT");
    }

    #[test]
    fn full_width_spaces_and_colons_are_named_and_the_rest_checked() {
        let text = replace("  tel: ", "\u{3000}tel: ")
            .replace("2020-10-06", "2020-02-30")
            .replace("title: Data", "title：Data");
        assert_eq!(
            problems(&text),
            [
                "date: 2020-02-30 does not exist (February has 29 days) @ 2:7",
                "a full-width colon `：` after `title`, where YAML needs `:` @ 4:10",
                "a full-width space (U+3000) where YAML allows only spaces @ 7:1",
            ]
        );
    }

    #[test]
    fn a_key_indented_into_the_text_above_it_is_not_lost() {
        let text = format!("{GOOD}summary: |\n  Both sides met.\n  heading: Achievements\n");
        assert_eq!(
            problems(&text),
            ["heading: `heading:` is indented as the text above it, so YAML reads it as that text @ 10:3"]
        );
        // Text that only starts like a key: one given already, or deeper than the text's lines.
        for text in [
            format!("{GOOD}heading: H\nsummary: |\n  Both sides met.\n  heading: as agreed\n"),
            format!("{GOOD}summary: |\n  Both sides met:\n    heading: as agreed\n"),
        ] {
            assert!(check(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn two_slips_near_each_other_are_two_errors_and_nothing_more() {
        // A lost colon above a block text, and a tab in its text: not also "must not be empty".
        let text = replace("    body: Text about data.", "    body |\n\tText about data.");
        assert_eq!(problems(&text), ["missing `:` after `body` @ 5:9", "a tab where YAML allows only spaces @ 6:1"]);
        // A bracket left open, and the key two lines down a space in: the key between them is
        // the file's (`date:`), not a block's first key left out.
        let text = replace("title: Results of the Workshop", "title: [Results\n").replace("topics:", " topics:");
        let p = problems(&text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("this `[` is never closed"), "{p:?}");
        // A tab before a list item: that, and the items not moved out of their list.
        let text = replace("  - title: Data", "\t- title: Data");
        assert_eq!(problems(&text), ["a tab where YAML allows only spaces @ 4:1"]);
    }

    #[test]
    fn a_translation_slip_is_told_once() {
        let both = "lang: [en, ja]\ntitle:\n  en: Results\n  ja: 結果\ndate: 2020-10-06\ntopics:\n  - title: { en: AI, ja: AI }\n    \
                    body:\n      en: |\n        Met.\n      ja: |\n        会合。\ncontact:\n  tel: \"1\"\n";
        let told = |text: &str| -> Vec<String> {
            let d = load_briefings(&SourceFile::new("t.yaml", text), &Limits::default(), &no_emoji).unwrap_err();
            d.iter().map(|d| d.message.clone()).collect()
        };
        // A language's colon lost, or the space after it.
        assert_eq!(told(&both.replace("  ja: 結果", "  ja 結果")), ["missing `:` after `ja`"]);
        assert_eq!(told(&both.replace("      ja: |", "      ja:|")), ["no space after `ja:`"]);
        // The same between braces, where YAML reads `ja "AI"` as a key with no value.
        assert_eq!(told(&both.replace("{ en: AI, ja: AI }", "{ en: AI, ja \"AI\" }")), ["missing `:` after `ja`"]);
        assert_eq!(told(&both.replace("{ en: AI, ja: AI }", "{ en: AI, ja:\"AI\" }")), ["no space after `ja:`"]);
        // A language's tag mistyped: that, not also "given in en but not in ja".
        let d = told(&both.replace("  ja: 結果", "  jp: 結果"));
        assert_eq!(d, ["`jp` is not one of the briefing's languages (lang: [en, ja])"]);
        // Empty in one language: that, not also "must not be empty".
        assert_eq!(told(&both.replace("        会合。", "")), ["empty in ja but not in en"]);
        // A list in one language, text in the other: one problem, at the value of the wrong
        // kind for its field, that names the difference.
        let d = told(&both.replace("      en: |\n        Met.\n", "      en:\n        - Met.\n"));
        assert_eq!(d, ["expected a string, found a list in en, where ja gives text"]);
        let topics = "topics:\n  en:\n    - title: AI\n      body: Met.\n  ja: 会合。\n";
        let at = both.find("topics:").unwrap();
        let d = told(&format!("{}{topics}{}", &both[..at], &both[both.find("contact:").unwrap()..]));
        assert_eq!(d, ["expected a list, found `会合。` in ja, where en gives a list"]);
    }

    /// `lang:` of a file in two languages, each problem as `message | help`.
    fn told_with_help(text: &str) -> Vec<String> {
        let d = load_briefings(&SourceFile::new("t.yaml", text), &Limits::default(), &no_emoji).unwrap_err();
        d.iter().map(|d| format!("{} | {}", d.message, d.help.as_deref().unwrap_or(""))).collect()
    }

    const BOTH: &str = "lang: [en, ja]\ntitle:\n  en: Results\n  ja: 結果\ndate: 2020-10-06\ntopics:\n  - title: { en: AI, ja: AI }\n    \
                        body: { en: Met., ja: 会合。 }\ncontact:\n  tel: \"1\"\n";

    #[test]
    fn a_country_or_three_letter_code_for_a_language_is_told_once_and_read_as_meant() {
        let jp = "`jp` is the country code of Japan, not a language code; Japanese is `ja`";
        // The text values give `ja`: one problem, at `lang:`, not one at each `ja:`.
        let text = BOTH.replace("[en, ja]", "[en, jp]");
        assert_eq!(told_with_help(&text), [format!("{jp} | write `lang: [en, ja]`")]);
        // They give `jpn` too: read as `ja` as well, and counted.
        let text = BOTH.replace("[en, ja]", "[en, jpn]").replace("ja:", "jpn:");
        assert_eq!(
            told_with_help(&text),
            ["`jpn` is the three-letter code for Japanese; a language tag uses the two-letter one, `ja` \
              | write `lang: [en, ja]`, and `ja:` for `jpn:` in the text values (3 places)"]
        );
        // A file in one language, and a topic's language.
        assert_eq!(problems(&format!("{GOOD}lang: jp\n")), [format!("lang: {jp} @ 8:7")]);
        let text = replace("    body: Text about data.", "    body: Text about data.\n    lang: eng");
        assert_eq!(
            problems(&text),
            ["topics[0].lang (topic 1, \"Data\"): `eng` is the three-letter code for English; a language tag uses the \
              two-letter one, `en` @ 6:11"]
        );
        assert_eq!(problems(&format!("{GOOD}lang: qq\n")), ["lang: `qq` is not a language code (ISO 639-1) @ 8:7"]);
        // Private use, three-letter codes with no two-letter one, and regions stay as written.
        for tag in ["x-klingon", "fil", "ja-JP", "se"] {
            assert_eq!(check(&format!("{GOOD}lang: {tag}\n")).unwrap().lang, tag);
        }
    }

    #[test]
    fn a_language_code_that_is_a_country_s_over_text_in_the_country_s_language_is_named() {
        // text43a F43a-7: `lang: si` over Slovenian is Sinhala to a screen reader, `ee` over
        // Estonian is Ewe; English labels, dates and quotes, and check said ok.
        let brief = |lang: &str, title: &str, summary: &str, body: &str| {
            format!("lang: {lang}\ntitle: {title}\ndate: 2026-05-12\nsummary: {summary}\ntopics:\n  - title: T\n    body: {body}\ncontact:\n  tel: \"1\"\n")
        };
        let slovenian = brief(
            "si",
            "Rezultati 5. srečanja Sveta za digitalno partnerstvo EU-Japonska",
            "Evropska komisija in japonsko ministrstvo sta se srečala v Bruslju in se dogovorila o tesnejšem sodelovanju na področju umetne inteligence.",
            "Obe strani sta se dogovorili o skupnih načelih za upravljanje umetne inteligence in o izmenjavi strokovnjakov v letu 2027.",
        );
        let told = told_with_help(&slovenian);
        assert!(
            told[0].starts_with("`si` is Sinhala (and the country code of Slovenia); Slovenian is `sl`")
                && told[0].ends_with("| write `lang: sl`"),
            "{told:?}"
        );
        let estonian = brief(
            "ee",
            "Eesti ja Jaapani digitaalse partnerluse nõukogu kohtumise tulemused",
            "Euroopa Komisjon ja Jaapani ministeerium kohtusid Brüsselis ning leppisid kokku tihedamas koostöös tehisintellekti valdkonnas.",
            "Mõlemad pooled leppisid kokku ühistes põhimõtetes tehisintellekti juhtimiseks ja ekspertide vahetuses.",
        );
        assert_eq!(told_with_help(&estonian), ["`ee` is Ewe (and the country code of Estonia); Estonian is `et`, in which the text is written | write `lang: et`"]);
        // text47a F47a-20: `uk`, as the United Kingdom's addresses write it, over English.
        let english = brief(
            "uk",
            "Results of the 5th meeting of the EU-Japan Digital Partnership Council",
            "The European Commission and the Japanese ministry met in Brussels and agreed on closer cooperation in artificial intelligence.",
            "Both sides agreed on common principles for the governance of artificial intelligence and on an exchange of experts in 2027.",
        );
        assert_eq!(told_with_help(&english), ["`uk` is Ukrainian (and the country code of the United Kingdom); English is `en`, in which the text is written | write `lang: en`"]);
        // Text in the language the code names, or in another, stays as written.
        assert_eq!(check(&estonian.replace("lang: ee", "lang: et")).unwrap().lang, "et");
        assert_eq!(check(&format!("{GOOD}lang: se\n")).unwrap().lang, "se");
    }

    #[test]
    fn a_language_code_that_is_a_country_s_is_read_as_the_country_s_language_when_the_keys_say_so() {
        let with = |listed: &str, key: &str| {
            BOTH.replace("[en, ja]", &format!("[en, {listed}]")).replace("ja:", &format!("{key}:"))
        };
        // `kr` is Kanuri, and South Korea's code: with `ko:` keys, one problem at `lang:`, and
        // the file read in Korean, so that its other problems are told too.
        assert_eq!(
            told_with_help(&with("kr", "ko")),
            ["`kr` is Kanuri (and the country code of South Korea); Korean is `ko`, which the text values give \
              | write `lang: [en, ko]`"]
        );
        let text = with("kr", "ko").replace("2020-10-06", "2021-02-29").replace("ko: 会合。", "ko: \"\"");
        let d = load_briefings(&SourceFile::new("t.yaml", &text), &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(
            messages[0].starts_with("`kr` is Kanuri") && messages[1] == "empty in ko but not in en",
            "{messages:#?}"
        );
        assert!(messages[2].starts_with("2021-02-29 does not exist"), "{messages:#?}");
        for (listed, key, says) in [
            ("ee", "et", "`ee` is Ewe (and the country code of Estonia); Estonian is `et`, which the text values give"),
            ("se", "sv-SE", "`se` is Northern Sami (and the country code of Sweden); Swedish is `sv-SE`, which the text values give"),
        ] {
            let d = told_with_help(&with(listed, key));
            assert_eq!(d.len(), 1, "{d:?}");
            assert!(d[0].starts_with(says), "{d:?}");
        }
        // The language itself when the keys give it, and when they give no language of the
        // country, as before: each key that is none of the briefing's languages.
        let b = load_briefings(&SourceFile::new("t.yaml", with("kr", "kr")), &Limits::default(), &no_emoji).unwrap();
        assert_eq!(b[1].lang, "kr");
        let d = told_with_help(&with("kr", "ja"));
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d[0].starts_with("`ja` is not one of the briefing's languages (lang: [en, kr])"), "{d:?}");
    }

    #[test]
    fn languages_typed_with_other_separators_are_one_problem_and_read_as_the_list() {
        for (lang, message) in [
            ("en/ja", "several languages are written as a list"),
            ("en・ja", "several languages are written as a list"),
            ("en、ja", "several languages are written as a list"),
            ("［en, ja］", "a list in full-width brackets `［ ］`, which YAML reads as text"),
            ("[en，ja]", "`，` does not separate a list's items: YAML reads `en，ja` as one item"),
            // Two slips in one place: one problem that says both.
            (
                "en, jp",
                "several languages are written as a list, and `jp` is the country code of Japan, not a language code; \
                 Japanese is `ja`",
            ),
            (
                "[en，jpn]",
                "`，` does not separate a list's items: YAML reads `en，jpn` as one item, and `jpn` is the three-letter \
                 code for Japanese; a language tag uses the two-letter one, `ja`",
            ),
        ] {
            let text = BOTH.replace("[en, ja]", lang);
            assert_eq!(told_with_help(&text), [format!("{message} | write `lang: [en, ja]`")], "{lang}");
        }
    }

    #[test]
    fn languages_given_without_a_lang_list_are_one_problem() {
        let both = "title:\n  en: Results\n  ja: 結果\ndate: 2020-02-30\ntopics:\n  - title: { en: AI, ja: AI }\n    \
                    body: { en: Met., ja: 会合。 }\ncontact:\n  division: { en: Policy, ja: 政策課 }\n  tel: \"1\"\n";
        // No `lang:` at all: said once, and the rest checked in the languages the values give.
        let file = SourceFile::new("t.yaml", both);
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert_eq!(messages[0], "this value is given per language (en, ja), but the file has no `lang:` list");
        assert!(messages[1].starts_with("2020-02-30 does not exist"), "{messages:#?}");
        // `lang: en, ja`, the list's brackets lost: one problem, and read as the list.
        let file = SourceFile::new("t.yaml", format!("lang: en, ja\n{}", both.replace("02-30", "02-29")));
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["several languages are written as a list"]);
        assert_eq!(d[0].help.as_deref(), Some("write `lang: [en, ja]`"));
        // With a code that names no language: that too, and to be replaced.
        let file = SourceFile::new("t.yaml", format!("lang: en, qq\n{}", both.replace("02-30", "02-29")));
        let d = load_briefings(&file, &Limits::default(), &no_emoji).unwrap_err();
        assert_eq!(
            d[0].message,
            "several languages are written as a list, and `qq` is not a language code (ISO 639-1)"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("write `lang: [en, qq]`, with a language's code (ISO 639-1) in place of `qq`")
        );
    }

    #[test]
    fn characters_without_a_font_are_reported_where_they_are() {
        let text = format!("{GOOD}summary: Good 😀 news 😀\nheading: \"smile \\U0001F600\"\n");
        assert_eq!(
            problems(&text),
            // (The escape, where it is written: text24 F24-5.)
            [
                "summary: no font has U+1F600 '😀'; here and once more on this line @ 8:15",
                "heading: no font has U+1F600 '😀' @ 9:17"
            ]
        );
    }

    #[test]
    fn many_missing_characters_are_each_reported_once() {
        let body: String = ('一'..='龥').collect();
        let text = replace("Text about data.", &body);
        let file = SourceFile::new("t.yaml", text);
        let diags = load_briefing(&file, &Limits::default(), &|c: char| c.is_ascii()).unwrap_err();
        assert_eq!(diags.len(), body.chars().count());
        let last = diags.last().unwrap();
        assert_eq!(last.message, "no font has U+9FA5 '龥'");
        assert_eq!(&file.text[last.span.unwrap().start..last.span.unwrap().end], "龥");
    }

    #[test]
    fn control_characters_are_errors_but_tabs_become_spaces() {
        let text = replace("Results of the Workshop", "\"Bell\\a\"");
        assert_eq!(problems(&text), ["title: control character U+0007 @ 1:13"], "at its escape, \\a");
        let text = replace("Results of the Workshop", "a\tb");
        assert_eq!(check(&text).unwrap().title, "a b");
        // A Windows line break as JSON writes one, `\r\n`, is a line break (text41a F41a-11);
        // a `\r` alone is still named.
        let text = replace("Results of the Workshop", "\"First\\r\\nSecond\"");
        assert_eq!(check(&text).unwrap().title, "First\nSecond");
        let text = replace("Text about data.", "\"First\\r\\nSecond\"");
        assert!(check(&text).is_ok(), "{:?}", problems(&text));
        let text = replace("Results of the Workshop", "\"First\\rSecond\"");
        assert!(problems(&text)[0].contains("control character U+000D"), "{:?}", problems(&text));
        let text = replace("Text about data.", "|\n      ```\n      \tx\n      ```");
        let b = check(&text).unwrap();
        assert_eq!(b.topics[0].body, [Block::Code(vec!["    x".to_string()])]);
    }

    #[test]
    fn deeply_nested_markdown_is_refused_without_crashing() {
        for body in [">".repeat(20_000), "1. ".repeat(20_000)] {
            let text = replace("Text about data.", &format!("\"{body}\""));
            assert_eq!(
                problems(&text),
                ["topics[0].body (topic 1, \"Data\"): lists and quotes are nested too deeply (limit 32 levels) @ 5:12"]
            );
        }
        let nested = "> ".repeat(32) + "ok";
        assert!(check(&replace("Text about data.", &format!("\"{nested}\""))).is_ok());
    }

    #[test]
    fn a_key_that_lost_its_colon_hides_nothing_around_it() {
        // Before its value, in a topic's first line: the topic's other keys are still read.
        let text = replace("  - title: Data\n    body:", "  - title Data\n    bdy:");
        assert_eq!(
            problems(&text),
            [
                "missing `:` after `title` @ 4:10",
                "topics[0] (topic 1, \"Data\"): unknown field `bdy`, did you mean `body`? @ 5:5"
            ]
        );
        // Misspelt too, above its block: named, and what was meant is not also "missing".
        let text = replace("contact:\n  tel:", "contcat\n  tel:");
        assert_eq!(
            problems(&text),
            ["unknown field `contcat`, did you mean `contact`? @ 6:1", "missing `:` after `contcat` @ 6:8"]
        );
        // Deeper than the text above it, valid YAML: that text runs on over it.
        let text = replace("    body: Text about data.", "      body |\n      Text about data.");
        assert_eq!(
            problems(&text),
            ["topics[0].body (topic 1, \"Data body | Text about data.\"): missing `:` after `body` @ 5:11"]
        );
        let text = replace("contact:\n", "  contact\n");
        assert!(problems(&text)[0].starts_with("missing `:` after `contact`"), "{:?}", problems(&text));
        // After a tab, as before a space.
        let text = replace("title: Results", "title\tResults");
        assert_eq!(problems(&text), ["missing `:` after `title` @ 1:6"]);
    }

    #[test]
    fn problems_the_loader_reported_are_not_reported_again() {
        assert_eq!(
            problems(&replace("title: Results of the Workshop", "title: {a: b}")),
            ["title: expected a string, found a mapping @ 1:8"]
        );
        assert_eq!(
            problems(&replace("title: Results", "titel: Results")),
            ["unknown field `titel`, did you mean `title`? @ 1:1"]
        );
        assert_eq!(
            problems(&replace("    body: Text", "    bdy: Text")),
            ["topics[0] (topic 1, \"Data\"): unknown field `bdy`, did you mean `body`? @ 5:5"]
        );
        assert_eq!(
            problems(&replace("  - title: Data\n    body: Text about data.\n", "  - Data\n")),
            ["topics[0] (topic 1): expected a mapping, found `Data` @ 4:5"]
        );
    }

    #[test]
    fn validate_on_its_own_reports_what_it_finds() {
        let file = SourceFile::new("t.yaml", "title: x\n");
        let (raw, _) = load::load::<RawBriefing>(&file, &Limits::default());
        let diags = validate(raw, &file, &no_emoji).unwrap_err();
        assert_eq!(diags.len(), 3);
    }

    #[test]
    fn a_reference_link_past_the_fuel_is_told_where_it_is_written() {
        // text21b P21-5: the 51st of 60 `[r]` on one line was placed at the first.
        let address = format!("https://example.org/{}", "a".repeat(2_000));
        let body = format!("    body: |\n      See {}\n\n      [r]: {address}", "[r] ".repeat(60));
        let found = problems(&replace("    body: Text about data.", &body));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("`[r]` prints as typed") && found[0].ends_with("@ 6:211"), "{found:?}");
        // text21b P21-4: a label broken over lines is found as Markdown looks it up, and its
        // definition is not called unused.
        let body = format!(
            "    body: |\n      See {}then [the\n      annex].\n\n      [r]: {address}\n      [the annex]: https://e.org/m",
            "[r] ".repeat(50)
        );
        let found = problems(&replace("    body: Text about data.", &body));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("`[the annex]` prints as typed") && found[0].ends_with("@ 6:216"), "{found:?}");
        // Past it, brackets in code, an inline link or after a backslash are no reference;
        // one followed by `:` in a sentence is (text22a R22-4).
        let spent = format!("    body: |\n      See {}\n\n", "[r] ".repeat(50));
        let tail = format!("\n\n      ```\n      [r]\n      ```\n\n      [r]: {address}");
        // (text23 F23-2: nor the address of an autolink.)
        for fine in ["Code `[r]` here.", "A [r](https://e.org/x) link.", "Not \\[r] this.", "At <https://e.org/a[r]>."]
        {
            let text = replace("    body: Text about data.", &format!("{spent}      {fine}{tail}"));
            assert!(check(&text).is_ok(), "{fine}: {:?}", check(&text).err());
        }
        let text = replace("    body: Text about data.", &format!("{spent}      Code `[r]`, see [R]: the list.{tail}"));
        let found = problems(&text);
        assert!(
            found.len() == 1 && found[0].contains("`[R]` prints as typed") && found[0].ends_with("@ 8:23"),
            "{found:?}"
        );
        // Inside a link's words or an image's description, it prints as typed (text24 F24-1:
        // told of in neither).
        for (told, at) in
            [("One [see [r]](https://e.org/x) link.", "8:16"), ("An ![a [r] chart](https://e.org/c.png).", "8:14")]
        {
            let found = problems(&replace("    body: Text about data.", &format!("{spent}      {told}{tail}")));
            assert!(
                found.len() == 1 && found[0].contains("`[r]` prints as typed") && found[0].ends_with(at),
                "{found:?}"
            );
        }
    }

    #[test]
    fn parts_that_print_nothing_are_placed_in_quoted_and_folded_text_too() {
        // text22a R22-3: in escapes or folded lines, each was put at the field's start, and
        // the reports, alike, were merged into one.
        let part = "part of this prints no text: a stretch in italics, bold or code";
        let escaped = "    body: \"Esc *\\u200b* and `\\U0000200B` and **\\U0000200b** end.\"";
        let found = problems(&replace("    body: Text about data.", escaped));
        let places: Vec<&str> = found.iter().map(|p| p.rsplit("@ ").next().unwrap()).collect();
        assert_eq!(places, ["5:16", "5:29", "5:46"], "{found:?}");
        assert!(found.iter().all(|p| p.contains(part)), "{found:?}");
        let folded =
            "    body: >\n      Folded *\u{200b}* one\n      two *\u{200b}* three\n      four `\u{200b}` five.";
        let found = problems(&replace("    body: Text about data.", folded));
        let places: Vec<&str> = found.iter().map(|p| p.rsplit("@ ").next().unwrap()).collect();
        assert_eq!(places, ["6:14", "7:11", "8:12"], "{found:?}");
    }

    /// The source text each problem of a briefing whose topic's body is `body` is placed at.
    fn written_places(body: &str) -> Vec<String> {
        let text = replace("    body: Text about data.", body);
        let Err(diags) = check(&text) else { panic!("expected problems") };
        diags.iter().filter_map(|d| d.span).map(|s| text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn a_part_that_prints_nothing_is_underlined_as_far_as_it_goes() {
        // text23 F23-6: on a line written as it reads (more indented in `>`, `|`, a last
        // line), the underline ran to the end of the line.
        let body =
            "    body: >\n      Folded *\u{200b}* one\n\n        indented *\u{200b}* more\n      last `\u{200b}` one.";
        let mut written = written_places(body);
        written.sort();
        assert_eq!(written, ["*\u{200b}*", "*\u{200b}*", "`\u{200b}`"], "{written:?}");
        let quoted = "    body: \"Esc *\\u200b* and `\\U0000200B` end.\"";
        let written = written_places(quoted);
        assert_eq!(written, ["*\\u200b*", "`\\U0000200B`"], "{written:?}");
    }

    #[test]
    fn parts_and_characters_written_in_any_escape_are_placed() {
        // text24 F24-4: `\xAD` (as PyYAML writes it) and escapes mixed with each other or
        // with the character as it reads went to the field's start, merged into one.
        let body = "    body: \"Aa *\\xAD* bb, cc **\\u200b\\u200B** dd, ee `\\U0000200b\u{200b}` ff.\"";
        let written = written_places(body);
        assert_eq!(written, ["*\\xAD*", "**\\u200b\\u200B**", "`\\U0000200b\u{200b}`"], "{written:?}");
        // text24 F24-5: a character no font has, or right-to-left, written as an escape.
        let body = "    body: \"Fine.\\n\\nDevanagari \\u0915 and Hebrew \\U000005d0 here.\"";
        let written = written_places(body);
        assert_eq!(written, ["\\U000005d0"], "{written:?}");
    }

    #[test]
    fn an_escaped_backslash_or_a_continued_line_does_not_mislead_a_place() {
        // text25 F25a-1: `\\u05D0` is a backslash and text, not the escape; F25a-5: a part or
        // a character after a line continued with `\`.
        let body = "    body: \"Hebrew \\\\u05D0 as text, **\\\\u200b** too, then *\\\n      \\u200b* and \\\n      \\u05D0.\"";
        let written = written_places(body);
        assert_eq!(written, ["\\u05D0", "*\\\n      \\u200b*"], "{written:?}");
    }

    #[test]
    fn a_character_composed_from_what_was_typed_is_placed_at_its_parts() {
        // text25 F25a-6: Korean typed as its letters (ᄀ ᅡ ᆨ) is read as 각, which is written
        // nowhere: it was placed at the field's start.
        let text = replace("    body: Text about data.", "    body: \"Korean \\u1100\\u1161\\u11A8 here.\"");
        let file = SourceFile::new("t.yaml", text.as_str());
        let diags = load_briefing(&file, &Limits::default(), &|c: char| c.is_ascii()).unwrap_err();
        let written: Vec<&str> = diags.iter().filter_map(|d| d.span).map(|s| &text[s.start..s.end]).collect();
        assert_eq!(written, ["\\u1100\\u1161\\u11A8"], "{diags:?}");
        // Typed in parts first, then whole: the first (text26 F26-3: the later).
        let text = replace("    body: Text about data.", "    body: \"first \u{1100}\u{1161}\u{11a8} then \u{ac01}.\"");
        let diags =
            load_briefing(&SourceFile::new("t.yaml", text.as_str()), &Limits::default(), &|c: char| c.is_ascii())
                .unwrap_err();
        let written: Vec<&str> = diags.iter().filter_map(|d| d.span).map(|s| &text[s.start..s.end]).collect();
        assert_eq!(written, ["\u{1100}\u{1161}\u{11a8}"], "{diags:?}");
    }
}
