//! `briefing diff OLD NEW`: a redline PDF (or web page, `--format html`) of what changed
//! between two versions of a briefing (the new one with the changes marked), or with
//! `--stat`, the summary on the terminal.

use crate::shown::Show;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::build::href;
use super::config::Settings;
use super::files;
use super::pages;
use super::{build_options, human_size, load_each, Each, Error, Keep, Reading, Template};
use crate::app::say::{say, say_part};
use crate::{Context, Format, Job};

/// What the command line says.
pub struct DiffArgs<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub output: Option<&'a Path>,
    /// Print the summary instead of writing a PDF.
    pub stat: bool,
}

/// The most text a redline laid out (a PDF, page images) may show, old and new together, its
/// contact block and box included: 3 MiB, less than one briefing (4 MiB), as the two versions
/// are compared first (two versions of 2 MB of mixed Japanese and Latin, every paragraph
/// rewritten, took 13.5 to 16 s). The web page has no such bound.
pub const MAX_BYTES: u64 = 3 << 20;

/// The most changes a redline laid out may mark. Each is a span with its label and its
/// strokes: two versions of 2 MB of prose differing everywhere (110,000 marks) took 10.6 s,
/// and a list of 99,000 items shuffled (225,000) 17 s.
pub const MAX_MARKS: usize = 50_000;

/// Without `--lang`, of two versions of which one at least is written in several languages:
/// the redline to show, in place of `primary` (the first languages' redline), said on the
/// terminal. In the first language of NEW that OLD has too (else OLD's first that NEW has):
/// `lang: [en, ja]` now `[ja, en]` is not a redline of English against Japanese (text43b
/// F43b-6). A language added or removed is a changed field, `lang`, with both lists (F43b-5:
/// "no changes" of a file whose Japanese was replaced by German). When nothing else changed
/// in that language, the first other language both have that changed is shown (text42b
/// F42b-6). `None` when the first languages' redline is the one.
fn across_languages(
    args: &DiffArgs<'_>,
    (old, new): (&Each, &Each),
    template: &Template,
    primary: &crate::redline::Redline,
) -> Result<Option<(String, crate::redline::Redline)>, Error> {
    let (olds, news) = (&old.langs, &new.langs);
    if olds.len() < 2 && news.len() < 2 {
        return Ok(None);
    }
    let in_old = |lang: &str| old.in_lang(lang);
    let shared = news.iter().find(|l| in_old(l).is_some()).or_else(|| olds.iter().find(|l| news.contains(l)));
    let Some(shared) = shared.cloned() else { return Ok(None) };
    let in_new = |lang: &str| new.in_lang(lang);
    let compare = |lang: &str| -> Result<crate::redline::Redline, Error> {
        let (o, n) = (in_old(lang).expect("a language both have"), in_new(lang).expect("a language both have"));
        let mut redline = crate::compare(o, n, template.theme_for(lang)?);
        if olds != news {
            redline.fields.retain(|f| f.field != "lang");
            redline.fields.push(crate::redline::FieldChange::plain("lang", olds.join(", "), news.join(", ")));
            redline.stat.fields_changed = redline.fields.len();
        }
        Ok(redline)
    };
    let first_same = olds[0] == news[0];
    // (The first languages' redline is the one in `shared` when both lists are the same.)
    let same_langs = first_same && olds == news;
    let mut chosen = (shared.clone(), if same_langs { primary.clone() } else { compare(&shared)? });
    if !first_same {
        say!(
            "note: the first language is {} in {} and {} in {}; this compares {shared}, which both have",
            olds[0],
            args.old.shown(),
            news[0],
            args.new.shown()
        );
    }
    // (Nothing changed in it but the languages: the first other language that did.)
    let only_langs = |r: &crate::redline::Redline| r.parts.is_empty() && r.fields.iter().all(|f| f.field == "lang");
    if only_langs(&chosen.1) {
        for lang in news.iter().filter(|l| **l != shared && in_old(l).is_some()) {
            let redline = compare(lang)?;
            if !only_langs(&redline) {
                say!("note: the two versions are the same in {shared}; {lang} changed, so this shows {lang}");
                chosen = (lang.clone(), redline);
                break;
            }
        }
    }
    Ok((!same_langs || chosen.0 != shared).then_some(chosen))
}

/// OLD read as typed may hold characters no font has, which a page would lose: each is shown
/// as its code point (`<U+2474>`), as a file's name is, in every language of it. NEW, checked,
/// has none, so each such character is deleted text, marked as such. The characters so shown,
/// in the order met, each once.
fn as_code_points(old: &mut Each, covers: &dyn Fn(char) -> bool) -> Vec<char> {
    let mut shown = Vec::new();
    for b in std::iter::once(&mut old.briefing).chain(&mut old.others) {
        b.visit_text_mut(&mut |s| {
            if s.chars().all(covers) {
                return;
            }
            let mut out = String::with_capacity(s.len() + 8);
            for c in s.chars() {
                if covers(c) {
                    out.push(c);
                } else {
                    if !shown.contains(&c) {
                        shown.push(c);
                    }
                    out.push_str(&code_point(c));
                }
            }
            *s = out;
        });
    }
    shown
}

/// `<U+2474>`, as [`crate::validate::visible`] writes a character no font has.
fn code_point(c: char) -> String {
    crate::validate::visible(c.encode_utf8(&mut [0; 4]), &|_| false)
}

/// `NEW.yaml` → `NEW.changes.pdf` beside it.
pub fn default_output(new: &Path) -> PathBuf {
    super::files::sibling(new, ".changes", "pdf".as_ref())
}

/// [`default_output`] of a briefing in several languages, in `lang`: `NEW.ja.changes.pdf`, as
/// build writes `NEW.ja.pdf` (text48b F48b-5: the Japanese redline replaced the English one,
/// both `NEW.changes.pdf`, without a word).
pub fn language_output(new: &Path, lang: &str) -> PathBuf {
    super::files::sibling(new, &format!(".{lang}.changes"), "pdf".as_ref())
}

pub fn diff(args: DiffArgs<'_>, settings: &Settings) -> Result<(), Error> {
    // From the start: a stop at any point exits 128 + N and leaves no file.
    files::on_signal(files::OnSignal::Exit);
    let start = Instant::now();
    // A redline is the new briefing as it flows, changes and all: neither fitted nor given
    // contents. Said, not ignored.
    if settings.fit_pages.is_some_and(|n| n > 0) || settings.toc {
        let option = if settings.toc { "--toc" } else { "--fit-pages" };
        return Err(Error::Usage(format!(
            "{option} does not apply to a redline, which shows the new briefing as it flows with its changes; \
             build the new briefing with {option} for that"
        )));
    }
    let template =
        Template::resolve_for(&settings.template.name, settings.template.root.as_deref(), &[args.old, args.new])?;
    let fonts = template.font_book();
    let lang = settings.lang.as_deref();
    // NEW is checked, as it is printed; OLD, an earlier version (from git, one that went
    // out), only read: today's checks may refuse what an earlier release took, and a redline
    // is most wanted where NEW mends it (text44a F44a-18). Its problems are said, and only
    // one that stops its text being read refuses it. All problems are shown before anything
    // is written; with --lang, both must be written in it.
    // (Every language is kept: without --lang, a language both have is compared.)
    let read = [(args.old, Reading::AsTyped), (args.new, Reading::Checked)];
    // `-o` over an input, or named for another format, is said with the briefings' problems,
    // not after they are mended (text47b F47b-4). (The input first, as more to the point:
    // `-o new.yaml` is the file compared.)
    let mut reads = template.reads.clone();
    reads.add(args.old, "input");
    reads.add(args.new, "input");
    let named = match args.output.filter(|_| !args.stat) {
        Some(o) => {
            reads.check_output(o).and_then(|()| super::config::output_names_its_format(o, &settings.formats_for(o)))
        }
        None => Ok(()),
    };
    let mut both = match (load_each(&read, &fonts, lang, true, None, Keep::Every), named) {
        (Ok(both), Ok(())) => both.into_iter(),
        (Err(e), Ok(())) | (Ok(_), Err(e)) => return Err(e),
        (Err(e), Err(o)) => return Err(Error::Several(vec![e, o])),
    };
    let (Some(mut old), Some(new)) = (both.next(), both.next()) else {
        return Err(Error::Usage("nothing to compare".into()));
    };
    let unprinted = as_code_points(&mut old, &|c| fonts.covers(c));
    if !old.past.is_empty() {
        let then = match unprinted.first() {
            Some(c) => format!(
                " (the old version): compared as typed, what no font has shown as its code point ({})",
                code_point(*c)
            ),
            None => " (the old version): compared as typed".to_string(),
        };
        say_part!("{}", crate::diag::render_all_as_warnings(&old.file, &old.past, &then));
    }
    let mut theme = template.theme_for(&new.briefing.lang)?;
    let mut redline = crate::compare(&old.briefing, &new.briefing, theme);
    let mut shown_lang = new.briefing.lang.clone();
    // Versions in several languages: a language both have, and the languages' change.
    if lang.is_none() {
        if let Some((shown, other)) = across_languages(&args, (&old, &new), &template, &redline)? {
            (theme, redline) = (template.theme_for(&shown)?, other);
            shown_lang = shown;
        }
    }
    // A stretch marked whole, where a few words may have changed, is said (text48b F48b-6).
    for w in crate::redline::compared_whole(&redline) {
        say!("warning: {}: {w}", args.new.shown());
    }
    if args.stat {
        // (What only a file has: said, not ignored; text29 F29b-2.)
        let unused =
            [(settings.existing == files::Existing::Force, "--force"), (!settings.embed_source, "--no-embed-source")];
        for (_, option) in unused.iter().filter(|(given, _)| *given) {
            say!("note: --stat prints the summary and writes no file: {option} is left out");
        }
        super::say::print(format!("{}\n", crate::redline::stat_text(&redline, &theme.labels)).as_bytes());
        return Ok(());
    }
    // (One redline per language shown, of a briefing in several.)
    let several = new.langs.len() > 1 || old.langs.len() > 1;
    let named = |new: &Path| if several { language_output(new, &shown_lang) } else { default_output(new) };
    let output = args.output.map_or_else(|| named(args.new), Path::to_path_buf);
    if args.output.is_none() {
        super::no_page_in_input_name(args.new, &output)?;
    }
    let formats = settings.formats_for(&output);
    settings.note_unused_options(&formats);
    if formats.iter().any(|f| *f != Format::Html) {
        // (A field that changed is shown twice, old and new, in place and in the box.)
        let fields: usize = redline.fields.iter().map(|f| 2 * (f.old.len() + f.new.len())).sum();
        // (And each topic changed, added or removed is named in the box.)
        let named: usize = redline
            .parts
            .iter()
            .map(|p| match &p.part {
                crate::redline::Part::Topic(title) => title.len(),
                _ => 0,
            })
            .sum();
        let bytes = redline.briefing.text_bytes() + (fields + named) as u64;
        let marks = crate::redline::marks(&redline);
        // Page images are the PDF, then drawn: half as much (a redline of 2.9 MB of mixed
        // Japanese and Latin took 6.4 s as a PDF, 9.9 s as page images at 9 ppi).
        let (most, what) = if formats.contains(&Format::Png) {
            ((MAX_BYTES / 2, MAX_MARKS / 2), "drawn as page images")
        } else {
            ((MAX_BYTES, MAX_MARKS), "PDF")
        };
        if bytes > most.0 || marks > most.1 {
            return Err(Error::RedlineTooLarge { bytes, marks, most, what });
        }
    }
    // `-o` names the one file asked for exactly; several formats each take their extension.
    let exact = args.output.is_some() && formats.len() == 1;
    if args.output.is_some() {
        pages::pattern_leaves_name(&output, &formats)?;
    }
    let path_of = |f: Format| pages::output_path(&output, f, exact);
    for f in &formats {
        reads.check_output(&path_of(*f))?;
        super::config::link_names_its_format(&path_of(*f), *f)?;
    }
    // A file's name may hold what no font has (an emoji) or what would read backwards: shown
    // as code points, as the user named the file and would know it so; not refused, as the
    // name is not what the redline is about.
    let since =
        args.old.file_name().map_or_else(|| args.old.display().to_string(), |n| n.to_string_lossy().into_owned());
    let since = crate::validate::visible(&since, &|c| fonts.covers(c));
    let options = build_options(settings, &template, &new.file, args.new);
    let labels = &theme.labels;
    let what =
        if redline.stat.is_empty() { labels.unchanged.clone() } else { crate::redline::totals(&redline.stat, labels) };
    let pdf = formats.contains(&Format::Pdf).then(|| href(&path_of(Format::Pdf)));
    let page = crate::html::PageOptions { pdf, ..Default::default() };
    let job = Job::Redline { redline: &redline, since: &since, theme };
    let made = crate::make(&job, &Context { fonts: &fonts, options: &options, page: &page }, &formats)
        .map_err(|source| Error::Render { what: args.new.shown().to_string(), source })?;
    // What the layout could not do as asked (a running head cut short, a template's contents):
    // said, as `build` says it (text45b F45b-13: none was ever printed).
    let warnings: Vec<String> = super::say::warnings_of(&output, &made.warnings).collect();
    // Every format's file is written, then all are put in place together; page images are
    // drawn (within what one run draws) and written one at a time.
    let mut staged = pages::Staged::new(settings.existing);
    let mut written = Vec::new();
    for artifact in made.artifacts {
        let (paths, slot) = staged.add(&path_of(artifact.format), artifact.format, artifact.files, &reads)?;
        written.push((artifact.format, paths, slot));
    }
    pages::within_budget([&staged], &args.new.shown().to_string())?;
    let bytes = staged.finish()?;
    // The count, in the briefing's language, on a line of its own: the report of each file
    // written, in English as build's, is not run on from it.
    say!("{what}");
    for (format, paths, slot) in written {
        let path = match paths.as_slice() {
            [one] => one.shown().to_string(),
            [first, .., last] => format!("{} … {}", first.shown(), last.shown()),
            [] => String::new(),
        };
        let pages = match (format, made.pages) {
            (Format::Html, _) => String::new(),
            (_, 1) => "1 page, ".to_string(),
            (_, n) => format!("{n} pages, "),
        };
        say!("wrote {path} ({pages}{}) in {} ms", human_size(bytes[slot]), start.elapsed().as_millis());
    }
    for w in warnings {
        say!("{w}");
    }
    Ok(())
}
