//! `briefing bundle`: several briefings in one PDF dossier for a dialogue preparation.

use crate::shown::Show;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::config::Settings;
use super::error::FileKind;
use super::files::{self, FileId};
use super::{build_options, human_size, load_each, written_in, Each, Error, Keep, Reading, Template};
use crate::app::say::say;
use crate::diag::{Diagnostic, SourceFile};
use crate::layout::Cover;
use crate::model::{Briefing, Date};
use crate::script::primary_language;
use crate::{BuildOptions, BundleItem, Context, Format, Job};

/// The most briefings one dossier holds: each starts a page of its own and has its line in
/// the contents, its bookmarks and its attachment, so many small ones cost more than their
/// bytes say (4 MiB of the smallest would be 60,000). A thousand of the smallest took 0.3 s
/// and 42 MB; 780 copies of the seed briefing (4 MiB, 1,578 pages) 2.4 s and 113 MB.
pub const MAX_BRIEFINGS: usize = 1_000;

/// The most bytes a dossier's briefings may have together: as much as one briefing, as the
/// dossier is laid out and written as one document (ten briefings of 3.8 MB took 35 s and
/// 1 GB; a hundred of 41 KB, 4 MiB together, 2 s and 100 MB).
pub const MAX_BYTES: u64 = FileKind::Briefing.limit();

/// The most pieces a dossier's briefings may have together: topics and runs of text
/// (paragraphs, list items, cells, each look within them). Each is laid out, tagged and
/// numbered as one, so many small ones cost more than their bytes say, and one briefing has
/// no more (its YAML's 200,000 nodes and 100,000 list items): a thousand briefings of 395
/// list items each, 3.9 MiB, took 13 to 15 s and 1.25 GB (text42b F42b-2).
pub const MAX_PIECES: usize = 200_000;

/// What the command line says of the cover; each is optional.
pub struct CoverArgs<'a> {
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub lang: Option<&'a str>,
}

pub fn bundle(inputs: &[PathBuf], output: &Path, cover: CoverArgs<'_>, settings: &Settings) -> Result<(), Error> {
    let start = Instant::now();
    // From the start, as `build`: a stop at any point exits 128 + N and leaves no file.
    files::on_signal(files::OnSignal::Exit);
    if settings.fit_pages.is_some_and(|n| n > 0) {
        return Err(Error::Usage(
            "--fit-pages does not fit dossiers; fit each briefing with `build --fit-pages`".into(),
        ));
    }
    // A dossier is a PDF: `-o dossier.html` would be a PDF under a web page's name.
    let extension = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if let Some(named @ ("html" | "htm" | "png")) = extension.as_deref() {
        let format = if named == "htm" { "html" } else { named };
        return Err(Error::Usage(format!(
            "-o {} names a .{named} file, but a dossier is a PDF: name it .pdf (the briefings' web pages or \
             page images come from `build A.yaml B.yaml --format {format} --out-dir DIR`)",
            output.shown()
        )));
    }
    too_large(inputs)?;
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    // A template that cannot be used does not hide a title no font ever prints (text43b
    // F43b-7: it came up only once the template was mended).
    let template =
        Template::resolve_for(&settings.template.name, settings.template.root.as_deref(), &paths).map_err(|e| {
            match checked_title(cover.title, &|c| !crate::fonts::never_printed(c)) {
                Err(title) => Error::Several(vec![e, title]),
                Ok(_) => e,
            }
        })?;
    let mut reads = template.reads.clone();
    for input in inputs {
        reads.add(input, "input");
    }
    reads.check_output(output)?;
    files::target(output, settings.existing)?;
    super::config::output_names_its_format(output, &[crate::Format::Pdf])?;
    let fonts = template.font_book();
    // Checked as a briefing's title is: nothing typed is lost from the cover, or set backwards.
    let given_title = checked_title(cover.title, &|c| fonts.covers(c));
    // Every briefing is checked before anything is written; all their problems are shown.
    // With --lang, a briefing in several languages is taken in that one; each other keeps its
    // own.
    // (With contents, each title is laid out again in them, and counts twice.)
    let weigh = |b: &Briefing| b.laid_out_bytes(settings.toc);
    let checked: Vec<(&Path, Reading)> = paths.iter().map(|&p| (p, Reading::Checked)).collect();
    let loaded =
        load_each(&checked, &fonts, cover.lang, false, Some((MAX_BYTES, &weigh)), Keep::Taken).map_err(|e| match e {
            Error::DossierTooLarge { briefings, bytes, stopped, .. } => {
                Error::DossierTooLarge { briefings, bytes, contents: settings.toc, stopped }
            }
            e => e,
        });
    // A title that cannot be printed, and the briefings' own problems, all at once (text42b
    // F42b-5: the title's problem hid theirs).
    let (given_title, loaded) = match (given_title, loaded) {
        (Err(title), Err(briefings)) => return Err(Error::Several(vec![briefings, title])),
        (title, briefings) => (title?, briefings?),
    };
    // (With contents, each topic is laid out again in them, and counts twice: a thousand
    // briefings of 150 one-line topics took 9.6 s without, 21 s with.)
    let pieces: usize =
        loaded.iter().map(|Each { briefing: b, .. }| b.pieces() + if settings.toc { b.topics.len() } else { 0 }).sum();
    if pieces > MAX_PIECES {
        return Err(Error::Usage(format!(
            "the {} briefings hold {pieces} topics and pieces of text (paragraphs, list items, cells) together, more \
             than the {MAX_PIECES} a dossier may hold (as many as one briefing); bundle them in several dossiers",
            loaded.len()
        )));
    }
    for w in given_again(inputs) {
        say!("warning: {w}");
    }
    // The cover is in the language asked for, even when no briefing is (a French cover over
    // English briefings: text38b F38b-7); each briefing not written in it keeps its own.
    if let Some(lang) = cover.lang {
        // (Each other is set in its own: said, as `diff` refuses such a file: text29 F29b-5.)
        for (Each { briefing: b, .. }, input) in loaded.iter().zip(inputs) {
            if !written_in(&b.lang, lang) {
                say!("note: {} is not written in {lang}: it is set in {}, its own language", input.shown(), b.lang);
            }
        }
    }
    let items: Vec<BundleItem> = loaded
        .into_iter()
        .zip(inputs)
        .map(|(Each { file, briefing, .. }, input)| {
            let options = build_options(settings, &template, &file, input);
            BundleItem { briefing, source: options.source }
        })
        .collect();
    let date = match cover.date {
        Some(text) => Date::parse_iso(text).ok_or_else(|| {
            let message = crate::validate::date_problem(text);
            Error::invalid(SourceFile::new("--date", text), Diagnostic::new(None, "", message))
        })?,
        // The latest briefing's date.
        None => items.iter().map(|i| i.briefing.date).max().ok_or_else(|| Error::Usage("nothing to bundle".into()))?,
    };
    let lang = cover.lang.or(items.first().map(|i| i.briefing.lang.as_str())).unwrap_or("en").to_string();
    let theme = template.theme_for(&lang)?;
    let themes = themes(&template, &items)?;
    let (title, title_lang) = match given_title {
        Some(t) => (t, None),
        None => default_title(
            &items,
            &theme.labels.dossier,
            &crate::layout::format_date(date, &theme.date_format, &theme.months.0),
            &lang,
        ),
    };
    let cover = Cover { title, title_lang, date };
    let job = Job::Dossier { items: &items, themes: &themes, cover: &cover, cover_theme: theme, lang: &lang };
    // (`--fit-pages 0` says not to fit: no warning that the briefings are not fitted.)
    // (With --toc, the contents list each briefing's sections and topics too.)
    let options = BuildOptions {
        date: settings.epoch,
        fit_pages: settings.fit_pages,
        toc: settings.toc,
        ..BuildOptions::default()
    };
    let page = crate::html::PageOptions::default();
    let made = crate::make(&job, &Context { fonts: &fonts, options: &options, page: &page }, &[Format::Pdf])
        .map_err(|source| Error::Render { what: "the dossier".into(), source })?;
    // What the layout could not do as asked (a cover's markings cut short).
    for w in super::say::warnings_of(output, &made.warnings) {
        say!("{w}");
    }
    let pdf = match made.artifacts.into_iter().next() {
        Some(a) => a.files.into_made().map_err(|source| Error::Render { what: "the dossier".into(), source })?,
        None => Vec::new(),
    };
    let pdf = pdf.into_iter().next().unwrap_or_default();
    files::write_atomic(output, &pdf, settings.existing)?;
    say!(
        "wrote {} ({} briefing{}, {} pages, {}) in {} ms",
        output.shown(),
        items.len(),
        if items.len() == 1 { "" } else { "s" },
        made.pages,
        human_size(pdf.len()),
        start.elapsed().as_millis()
    );
    Ok(())
}

/// Each briefing's theme, in its own language's labels, dates and typesetting: the one theme of
/// that language, shared (text45b F45b-17: a copy each held a 3 MB template's words 300 times
/// over, 1 GB).
fn themes<'t>(template: &'t Template, items: &[BundleItem]) -> Result<Vec<&'t crate::theme::Theme>, Error> {
    items.iter().map(|i| template.theme_for(&i.briefing.lang)).collect()
}

/// Refuses, before reading any, briefings more or larger together than a dossier may hold
/// (a file that cannot be read counts nothing here: reading it says why).
fn too_large(inputs: &[PathBuf]) -> Result<(), Error> {
    let bytes = inputs.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    if inputs.len() > MAX_BRIEFINGS || bytes > MAX_BYTES {
        return Err(Error::DossierTooLarge { briefings: inputs.len(), bytes, contents: false, stopped: None });
    }
    Ok(())
}

/// `--title` checked as a briefing's title is, with the characters `covers` prints.
fn checked_title(title: Option<&str>, covers: &dyn Fn(char) -> bool) -> Result<Option<String>, Error> {
    title
        .map(|t| crate::validate::one_line(t, covers))
        .transpose()
        .map_err(|problems| Error::Usage(format!("--title: {}", problems.join("; "))))
}

/// The cover title when none is given: the `heading:` every briefing shares, else the
/// longest start their titles share (cut at a word), else the `dossier` label and the date.
fn default_title(items: &[BundleItem], dossier: &str, date: &str, lang: &str) -> (String, Option<String>) {
    // A briefing's words on a cover in another language say which they are in.
    let own = |from: &[&BundleItem]| {
        let theirs = from.first().map(|i| i.briefing.lang.as_str()).unwrap_or(lang);
        Some(theirs.to_string()).filter(|t| primary_language(t) != primary_language(lang))
    };
    let all: Vec<&BundleItem> = items.iter().collect();
    let headings: Vec<&str> = items.iter().filter_map(|i| i.briefing.heading.as_deref()).collect();
    if headings.len() == items.len() && headings.windows(2).all(|w| w[0] == w[1]) {
        if let Some(h) = headings.first() {
            return ((*h).to_string(), own(&all));
        }
    }
    let titles: Vec<&str> = items.iter().map(|i| i.briefing.title.as_str()).collect();
    if let Some((first, rest)) = titles.split_first() {
        let mut common = first.len();
        for t in rest {
            common = common.min(first.bytes().zip(t.bytes()).take_while(|(a, b)| a == b).count());
        }
        while !first.is_char_boundary(common) {
            common -= 1;
        }
        // (Cut back to a word's end where they part inside a Latin word; Japanese, written
        // without spaces, is cut at a divider below.)
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let inside_word = latin(first[..common].chars().next_back()) && latin(first[common..].chars().next());
        let shared = if common == first.len() || rest.is_empty() || !inside_word {
            &first[..common]
        } else {
            first[..common].rsplit_once(' ').map_or("", |(head, _)| head)
        };
        let shared = shared.trim_end_matches([' ', '-', '–', ':', ',', '・']).trim_end();
        // What they share is a title only where each title's own part starts after it with
        // a mark (`Dialogue: AI`, `Dialogue – Data`): `Results of the` is a fragment
        // (text38b F38b-6).
        // Where they part inside what follows a divider (`EU-Japan: AI, data` and `…: AI,
        // chips`), the title is what comes before that divider, `EU-Japan` (text41a F41a-15:
        // "EU-Japan: AI"); `・` divides too (`日EU・AI`).
        const DIVIDERS: [char; 11] = [':', '：', '–', '—', '-', '(', '（', '|', '/', '・', '，'];
        let a_part = |shared: &str, t: &str| {
            let after = t.get(shared.len()..).unwrap_or_default().trim_start();
            after.is_empty() || after.starts_with(DIVIDERS)
        };
        let mut shared = shared;
        while !rest.is_empty() && shared.chars().count() >= 2 {
            if titles.iter().all(|t| a_part(shared, t)) {
                let long = shared.chars().count() >= 8 || shared.chars().any(crate::script::is_kana_or_kanji);
                if long {
                    return (shared.to_string(), own(&all));
                }
                break;
            }
            let Some(cut) = shared.rfind(DIVIDERS) else { break };
            shared = shared[..cut].trim_end();
        }
    }
    (dossier.replace("{date}", date), None)
}

/// A file given more than once, under one name or several: said, naming the places it takes
/// in the dossier (numbered as given), as a slip is likelier than a wish for two copies; the
/// dossier is made as asked all the same.
fn given_again(inputs: &[PathBuf]) -> Vec<String> {
    let mut files: Vec<(FileId, Vec<usize>)> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let Some(id) = FileId::of(input) else { continue };
        match files.iter_mut().find(|(f, _)| *f == id) {
            Some((_, at)) => at.push(i),
            None => files.push((id, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (_, at) in files.into_iter().filter(|(_, at)| at.len() > 1) {
        let mut names: Vec<String> = Vec::new();
        for &i in &at {
            let name = inputs[i].shown().to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let times = if at.len() == 2 { "twice".to_string() } else { format!("{} times", at.len()) };
        let numbers: Vec<String> = at.iter().map(|i| (i + 1).to_string()).collect();
        let which = crate::wording::and_list_at_most(&numbers, 10);
        let what = match names.as_slice() {
            [one] => format!("{one} is given {times}"),
            _ => format!("{} are one file, given {times}", crate::wording::and_list(&names)),
        };
        out.push(format!("{what}: the dossier holds it as briefings {which}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, heading: Option<&str>) -> BundleItem {
        let text = format!(
            "title: \"{title}\"\ndate: 2020-10-06\ntopics:\n  - title: T\n    body: B\ncontact:\n  tel: \"1\"\n{}",
            heading.map(|h| format!("heading: {h}\n")).unwrap_or_default()
        );
        let file = SourceFile::new("x.yaml", &text);
        let briefing = crate::validate::load_briefing(&file, &crate::load::Limits::default(), &|_| true).unwrap();
        BundleItem { briefing, source: None }
    }

    #[test]
    fn the_briefings_of_a_language_share_one_theme() {
        let mut items = vec![item("A", None), item("B", None), item("C", None)];
        items[2].briefing.lang = "ja".into();
        let template = Template::resolve("default", None).unwrap();
        let themes = themes(&template, &items).unwrap();
        assert!(std::ptr::eq(themes[0], themes[1]));
        assert_eq!(themes[2].labels.overview, "概要");
        let mut distinct: Vec<*const crate::theme::Theme> = themes.iter().map(|&t| std::ptr::from_ref(t)).collect();
        distinct.dedup();
        assert_eq!(distinct.len(), 2);
    }

    #[test]
    fn a_dossier_without_a_title_gets_a_sensible_one() {
        let shared = [item("Japan-EU ICT Policy Dialogue: AI", None), item("Japan-EU ICT Policy Dialogue: Data", None)];
        let title = |items: &[BundleItem], lang: &str| default_title(items, "Dossier, {date}", "June 18, 2026", lang);
        assert_eq!(title(&shared, "en"), ("Japan-EU ICT Policy Dialogue".to_string(), None));
        let headed = [item("A", Some("Major achievements")), item("B", Some("Major achievements"))];
        assert_eq!(title(&headed, "en").0, "Major achievements");
        let unrelated = [item("Cybersecurity", None), item("Data flows", None)];
        assert_eq!(title(&unrelated, "en").0, "Dossier, June 18, 2026");
        // What the titles share is no title when it stops mid-phrase (text38b F38b-6).
        let fragment = [item("Results of the 10th Workshop", None), item("Results of the 11th Workshop", None)];
        assert_eq!(title(&fragment, "en").0, "Dossier, June 18, 2026");
        let dashed = [item("Japan-EU Dialogue – AI", None), item("Japan-EU Dialogue (Data)", None)];
        assert_eq!(title(&dashed, "en").0, "Japan-EU Dialogue");
        // Not a list's first item shared after the divider (text41a F41a-15), and `・` divides.
        let listed = [item("EU-Japan talks: AI, data", None), item("EU-Japan talks: AI, chips", None)];
        assert_eq!(title(&listed, "en").0, "EU-Japan talks");
        let dotted = [item("日EU・AI", None), item("日EU・データ", None)];
        assert_eq!(title(&dotted, "en").0, "日EU");
        // English words on a French cover say they are English; the cover's own words do not.
        assert_eq!(title(&shared, "fr"), ("Japan-EU ICT Policy Dialogue".to_string(), Some("en".to_string())));
        assert_eq!(title(&unrelated, "fr").1, None);
    }
}
