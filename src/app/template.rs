//! Templates from the command line: a built-in name or a file, with the files a template file
//! names (its logo, its fonts). As with Typst's `--root`, a template may only read files inside
//! its own folder, links followed, unless the user widens that folder with `--root DIR`: a
//! template received by e-mail cannot put any other file of the machine into a PDF that is sent
//! out. A problem with a named file is reported at the template's line for it.

use crate::shown::Show;
use std::path::{Path, PathBuf};

use super::error::{Error, FileKind};
use super::files::{self, Reads};
use crate::diag::{Diagnostic, SourceFile};
use crate::fonts::FontBook;
use crate::load::{self, Limits, LoadError};
use crate::theme::{self, FilePath, TemplateRef, Theme};

/// A resolved template: the theme, its logo and font family read from disk, and every file it
/// read.
pub struct Template {
    /// The theme for English briefings.
    pub theme: Theme,
    /// (Shared: every briefing of a dossier takes the template's options, and a logo of 25
    /// million pixels cloned for each took 78 ms a briefing; text43b F43b-4.)
    pub logo: Option<std::sync::Arc<crate::pdf::Image>>,
    /// The template's own font family: (PostScript name, bytes) for regular, bold, italic and
    /// bold italic.
    family: Option<[(String, Vec<u8>); 4]>,
    /// The user's template file, kept to resolve the theme for other languages.
    file: Option<SourceFile>,
    name: String,
    /// The files read: the template file, its logo and fonts.
    pub reads: Reads,
    /// The theme for each language with built-in labels ([`theme::LANGUAGES`]), resolved
    /// once a run (text43b F43b-14: a dossier read a 3.6 MB template again for each of its
    /// 300 Japanese briefings, 25.6 s).
    themes: [std::sync::OnceLock<Theme>; theme::LANGUAGES.len()],
}

/// Turns a loader error into ours: unreadable is a system problem, unusable an input one.
pub fn load_error(e: LoadError) -> Error {
    match e {
        LoadError::Io { path, source } if source.kind() == std::io::ErrorKind::IsADirectory => {
            Error::NotAFile { path, wanted: "YAML" }
        }
        LoadError::Io { path, source } => Error::Read { path, source },
        LoadError::Invalid { file, diagnostics } => Error::Invalid(vec![(file, diagnostics)]),
    }
}

impl Template {
    /// [`Template::resolve`] for a run that reads `inputs`: a template that cannot be used
    /// does not hide the inputs' own problems. Each input is then checked without it, and its
    /// problems come after the template's. A character no font has is checked against the
    /// fonts the briefing would be set in, when they are known (the template names none, or
    /// its fonts were read); else against the built-in ones, and said to be in none of them,
    /// the template's own being unknown (text48a F48a-17: only what no font ever prints, an
    /// emoji, was said, and `⑴` came up once the template was mended).
    pub fn resolve_for(arg: &str, root: Option<&Path>, inputs: &[&Path]) -> Result<Template, Error> {
        let Unusable { error, fonts } = match Template::resolve_known(arg, root) {
            Ok(template) => return Ok(template),
            Err(unusable) => unusable,
        };
        let known = fonts.is_some();
        let fonts = fonts.map_or_else(FontBook::builtin, |book| *book);
        let mut problems = super::error::Problems::default();
        problems.add(error);
        for input in inputs {
            let checked = super::read_source(input).and_then(|file| {
                match crate::validate::load_briefings(&file, &Limits::default(), &fonts) {
                    Ok(_) => Ok(()),
                    Err(mut diagnostics) => {
                        if !known {
                            diagnostics.iter_mut().for_each(in_builtin_fonts);
                        }
                        Err(Error::Invalid(vec![(file, diagnostics)]))
                    }
                }
            });
            if let Err(e) = checked {
                problems.add(e);
            }
        }
        Err(problems.result().expect_err("the template's problem is one"))
    }

    /// Whether `--template arg` names a built-in template (which sets the built-in fonts and
    /// reads no file).
    pub fn is_builtin(arg: &str) -> bool {
        theme::BUILTIN.iter().any(|b| b.name == arg)
    }

    /// `--template NAME|PATH`: a built-in name, else a file; `root` widens the folder a
    /// template file may read from.
    pub fn resolve(arg: &str, root: Option<&Path>) -> Result<Template, Error> {
        Template::resolve_known(arg, root).map_err(|unusable| unusable.error)
    }

    /// [`Template::resolve`], and, when the template cannot be used, the fonts briefings
    /// would be set in under it, if they are known.
    fn resolve_known(arg: &str, root: Option<&Path>) -> Result<Template, Unusable> {
        let unknown = |error| Unusable { error, fonts: None };
        if Template::is_builtin(arg) {
            let theme = Theme::resolve(TemplateRef::Builtin(arg)).map_err(|e| Unusable {
                error: Error::Invalid(vec![(e.file, e.diagnostics)]),
                fonts: Some(Box::new(FontBook::builtin())),
            })?;
            return Ok(Template {
                theme,
                logo: None,
                family: None,
                file: None,
                name: arg.to_string(),
                reads: Reads::default(),
                themes: Default::default(),
            });
        }
        let path = Path::new(arg);
        if !path.exists() {
            return Err(unknown(Error::Usage(format!(
                "no built-in template '{arg}' and no file {arg}; the built-in ones are {}",
                theme::builtin_names()
            ))));
        }
        let bytes = files::read(path, FileKind::Template).map_err(unknown)?;
        let held = files::digest(&bytes);
        if std::str::from_utf8(&bytes).is_ok_and(load::is_blank) {
            let file = SourceFile::new(path.shown().to_string(), String::from_utf8_lossy(&bytes));
            let d = Diagnostic::new(None, "", "the template is empty")
                .with_help("a template names only what it changes, e.g. `extends: press-release`");
            return Err(unknown(Error::Invalid(vec![(file, vec![d])])));
        }
        let file = load::source_from_bytes(path.shown().to_string(), bytes, &Limits::default())
            .map_err(|e| unknown(load_error(e)))?;
        // A template with problems of its own still has the files it names checked: every
        // problem of the template at once.
        let (theme, mut problems) = match Theme::resolve(TemplateRef::File(&file)) {
            Ok(theme) => (theme, Vec::new()),
            Err(theme::TemplateError { partial: Some(theme), diagnostics, .. }) => (*theme, diagnostics),
            Err(e) => return Err(unknown(Error::Invalid(vec![(e.file, e.diagnostics)]))),
        };
        let mut reads = Reads::default();
        reads.add_read(path, "template", held);
        let folder = Folder::new(path.parent().unwrap_or(Path::new("")), root).map_err(unknown)?;
        let logo = match folder.open(&theme.title_block.logo, "title_block.logo", FileKind::Logo, &mut problems) {
            Some((path, bytes)) => match crate::pdf::decode_image(&bytes) {
                Ok(image) => {
                    reads.add_read(&path, "logo", files::digest(&bytes));
                    match logo_too_tall(&theme, &image) {
                        Some(why) => {
                            problems.push(why);
                            None
                        }
                        None => Some(std::sync::Arc::new(image)),
                    }
                }
                Err(why) => {
                    problems.push(at(
                        &theme.title_block.logo,
                        "title_block.logo",
                        format!("cannot use {}: {why}", path.shown()),
                    ));
                    None
                }
            },
            None => None,
        };
        let family = read_family(&theme.fonts, &folder, &mut reads, &mut problems);
        let book = book_of(family.as_ref());
        problems.extend(unprinted(&file, &book));
        if !problems.is_empty() {
            problems.sort_by_key(|d| d.span.map(|s| s.start));
            // (The fonts are known when the template names none, or those it names were read.)
            let f = &theme.fonts;
            let named = [&f.regular, &f.bold, &f.italic, &f.bold_italic].iter().any(|p| !p.as_str().is_empty());
            let fonts = (family.is_some() || !named).then(|| Box::new(book));
            return Err(Unusable { error: Error::Invalid(vec![(file, problems)]), fonts });
        }
        Ok(Template { theme, logo, family, file: Some(file), name: arg.to_string(), reads, themes: Default::default() })
    }

    /// The fonts briefings are set in: the built-in faces, behind the template's family if
    /// it has one.
    pub fn font_book(&self) -> FontBook {
        book_of(self.family.as_ref())
    }

    /// The theme for a briefing in `lang` (Japanese labels and dates for `ja`, …).
    /// Whether a briefing in `lang` prints its labels and dates in English for want of its
    /// own: a language with no built-in labels, under a built-in template.
    pub fn labels_english_for(&self, lang: &str) -> bool {
        let primary = crate::script::primary_language(lang);
        self.file.is_none() && primary != "en" && !theme::LANGUAGES.iter().any(|l| l.name == primary)
    }

    /// One theme a language, shared by every briefing in it (text45b F45b-17: a dossier's
    /// copy for each briefing held the template's words 1,000 times).
    pub fn theme_for(&self, lang: &str) -> Result<&Theme, Error> {
        let primary = crate::script::primary_language(lang);
        let Some(k) = theme::LANGUAGES.iter().position(|l| l.name == primary) else {
            return Ok(&self.theme);
        };
        if let Some(theme) = self.themes[k].get() {
            return Ok(theme);
        }
        let template = match &self.file {
            Some(file) => TemplateRef::File(file),
            None => TemplateRef::Builtin(&self.name),
        };
        let theme = Theme::resolve_for(template, lang).map_err(|e| Error::Invalid(vec![(e.file, e.diagnostics)]))?;
        Ok(self.themes[k].get_or_init(|| theme))
    }
}

/// A template that cannot be used, and the fonts briefings would be set in under it: known
/// when it names no fonts or its fonts were read, `None` when not.
struct Unusable {
    error: Error,
    fonts: Option<Box<FontBook>>,
}

/// A briefing's "no font has U+2474 '⑴'" problem ([`crate::validate`]'s words), checked
/// against the built-in fonts alone, the template's being unknown: said so; but for a
/// character no font ever prints (an emoji).
fn in_builtin_fonts(d: &mut Diagnostic) {
    let Some(rest) = d.message.strip_prefix("no font has ") else { return };
    let code = rest.strip_prefix("U+").and_then(|r| r.split(' ').next());
    let c = code.and_then(|hex| u32::from_str_radix(hex, 16).ok()).and_then(char::from_u32);
    if c.is_some_and(|c| !crate::fonts::never_printed(c)) {
        // (Its help, `write (1) for ⑴`, still holds.)
        d.message =
            format!("no built-in font has {rest} (the template's own fonts, which could not be read, are not checked)");
    }
}

/// The fonts briefings are set in: the built-in faces, behind the template's `family` if it
/// has one.
fn book_of(family: Option<&[(String, Vec<u8>); 4]>) -> FontBook {
    match family {
        None => FontBook::builtin(),
        Some(family) => {
            let styles = [(false, false), (true, false), (false, true), (true, true)];
            let faces = std::array::from_fn(|i| crate::fonts::FaceSource {
                name: family[i].0.clone(),
                data: std::borrow::Cow::Owned(family[i].1.clone()),
                style: crate::fonts::FontStyle { bold: styles[i].0, italic: styles[i].1 },
            });
            FontBook::with_family(faces)
        }
    }
}

/// Each character of the template's printed words (see [`theme::printed`]) that none
/// of `fonts` has, once a field, at its place: drawn as nothing, it was lost from the page
/// without a word (text47a F47a-16: `Overview 🇪🇺` printed "Overview").
fn unprinted(file: &SourceFile, fonts: &FontBook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, text) in theme::printed(file) {
        let mut seen: Vec<char> = Vec::new();
        let source = file.text.get(text.span.start..text.span.end).unwrap_or("");
        for c in text.value.chars() {
            if c.is_whitespace() || c.is_control() || crate::script::is_invisible(c) || fonts.covers(c) {
                continue;
            }
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let span = source.find(c).map_or(text.span, |at| {
                crate::diag::Span::new(text.span.start + at, text.span.start + at + c.len_utf8())
            });
            out.push(
                Diagnostic::new(Some(span), path.clone(), format!("no font has U+{:04X} '{c}'", c as u32)).with_help(
                    "the template's words are set in its fonts and the built-in ones, and none has it: remove it, \
                     or name a font that has it under `fonts:`",
                ),
            );
        }
    }
    out
}

/// Where `named` leads from `start` (a folder, links resolved), every link in it followed as
/// the system would (a link that leads nowhere by its target's name, a name that is not there
/// as it is, `..` taking away the name before it), if each step on the way stays inside `root`
/// or on the way down to it: `None` when one leaves (text25 F25a-2: `/etc/apt/../../T/x.png`
/// came back, and the error for a missing or plain file on the way said what was outside;
/// text24 F24-2: so did a link to a missing file), or after more than 40 links.
fn followed(start: &Path, named: &Path, root: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let mut rest: Vec<std::ffi::OsString> = named.components().rev().map(|c| c.as_os_str().to_owned()).collect();
    let (mut out, mut links) = (start.to_path_buf(), 0);
    let mut entered = out.starts_with(root);
    while let Some(part) = rest.pop() {
        match Path::new(&part).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::Normal(name)) => {
                let next = out.join(name);
                // (Once the folder is reached, a name beside the way back down to it is not
                // looked at, even as a link that leads back in: text26 F26-1. Before, links
                // are followed, as the way to the folder may be one: `/tmp` to `/private/tmp`,
                // text27 F27-1.)
                if entered && !(next.starts_with(root) || root.starts_with(&next)) {
                    return None;
                }
                match std::fs::read_link(&next) {
                    Ok(target) => {
                        links += 1;
                        if links > 40 {
                            return None;
                        }
                        // (An absolute target starts again from the root, on its way down
                        // again (text28 F28-1); a relative one from the link's folder, which
                        // `out` is.)
                        entered &= !target.is_absolute();
                        rest.extend(target.components().rev().map(|c| c.as_os_str().to_owned()));
                        continue;
                    }
                    Err(_) => out = next,
                }
            }
            Some(Component::RootDir | Component::Prefix(_)) => out = PathBuf::from(&part),
            Some(Component::CurDir) | None => {}
        }
        if !(out.starts_with(root) || root.starts_with(&out)) {
            return None;
        }
        entered |= out.starts_with(root);
    }
    Some(out)
}

/// The most of the page's text height a logo may take: it stands above the title, which must
/// still start on the first page.
const MOST_LOGO_SHARE: f32 = 1.0 / 3.0;

/// A logo drawn taller than [`MOST_LOGO_SHARE`] of the page's text height at its width
/// (text45b F45b-9: a 1×2000-pixel logo 30 mm wide was drawn 60 m tall, over page 1's footer,
/// and the title started on page 2), told at `title_block.logo` with the width that fits.
fn logo_too_tall(theme: &Theme, image: &crate::pdf::Image) -> Option<Diagnostic> {
    let page = &theme.page;
    let column = page.size.width - page.margin_left.pt() - page.margin_right.pt();
    let text_height = page.size.height - page.margin_top.pt() - page.margin_bottom.pt();
    let aspect = image.height as f32 / image.width.max(1) as f32;
    let width = theme.title_block.logo_width.pt().min(column);
    let (height, most) = (width * aspect, text_height * MOST_LOGO_SHARE);
    if height <= most {
        return None;
    }
    let mm = |pt: f32| pt * 25.4 / 72.0;
    let message = format!(
        "the logo is {}×{} pixels: {:.0} mm wide it is drawn {:.0} mm tall, more than a third of the {:.0} mm the page leaves for text",
        image.width,
        image.height,
        mm(width),
        mm(height),
        mm(text_height)
    );
    let fits = (mm(most / aspect) * 10.0).floor() / 10.0;
    // (An image too narrow to show at a millimetre's width needs another image.)
    let help = match fits >= 1.0 {
        true => format!("set `title_block.logo_width` to at most {fits} mm, or use a wider image"),
        false => "use a wider image: this one is too tall for its width to show on the page".to_string(),
    };
    Some(at(&theme.title_block.logo, "title_block.logo", message).with_help(help))
}

/// A diagnostic at the template's line for `key`.
fn at(value: &FilePath, key: &str, message: String) -> Diagnostic {
    Diagnostic::new(value.span, key, message)
}

/// The folder a template may read from.
struct Folder {
    /// Where relative paths start: the template's folder.
    base: PathBuf,
    /// What they must stay inside, links resolved.
    root: PathBuf,
    /// Whether `root` is the one `--root` gave, not the template's folder.
    given: bool,
    /// `base` with its links resolved, where a relative path starts.
    start: Option<PathBuf>,
}

/// The longest file name a template may give: Linux's PATH_MAX.
const MAX_NAME: usize = 4096;

impl Folder {
    fn new(base: &Path, root: Option<&Path>) -> Result<Folder, Error> {
        let root_given = root.is_some();
        let root = match root {
            Some(root) => root,
            None if base.as_os_str().is_empty() => Path::new("."),
            None => base,
        };
        let canonical = root.canonicalize().map_err(|e| Error::read(root, e))?;
        if !canonical.is_dir() {
            return Err(Error::NotAFolder { path: root.to_path_buf() });
        }
        let start = if base.as_os_str().is_empty() { Path::new(".") } else { base }.canonicalize().ok();
        Ok(Folder { base: base.to_path_buf(), root: canonical, given: root_given, start })
    }

    /// Reads the file `value` names (nothing when it names none), if it lies inside the folder
    /// and is no larger than `kind` allows; otherwise notes the problem at its line.
    fn open(
        &self,
        value: &FilePath,
        key: &str,
        kind: FileKind,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<(PathBuf, Vec<u8>)> {
        let named = value.as_str();
        if named.is_empty() {
            return None;
        }
        // (A name longer than a system takes, PATH_MAX, is refused before it is walked: the walk
        // of `a/a/…/x.png` cost the square of its parts; text46b F46b-10.)
        if named.len() > MAX_NAME {
            let message = format!(
                "the file's name is {} bytes long, and a name a system can open is at most {MAX_NAME}",
                named.len()
            );
            problems.push(at(value, key, message).with_help("name the file by a shorter path"));
            return None;
        }
        let path = self.base.join(named);
        // Outside is told alike whether a file is there or not: a template learns nothing of
        // what lies outside its folder. A file missing inside it is said missing.
        let real = path.canonicalize();
        // (From the template's folder, links resolved, step by step, whether the file is there
        // or not; and where the system says it is.)
        let start = if Path::new(named).is_absolute() { Some(PathBuf::from("/")) } else { self.start.clone() };
        let walked = start.and_then(|s| followed(&s, Path::new(named), &self.root));
        let outside = walked.is_none_or(|p| !p.starts_with(&self.root))
            || real.as_ref().is_ok_and(|real| !real.starts_with(&self.root));
        if outside {
            // (Outside the folder --root gave, the way out is another --root, not the option.)
            let (folder, help) = if self.given {
                ("the --root folder", "name a --root folder that holds both the template and its files")
            } else {
                ("the template's folder", "to allow it, widen the folder with --root DIR")
            };
            let message = format!(
                "{} is outside {folder} {}: a template may only read files inside it",
                path.shown(),
                self.root.shown()
            );
            problems.push(at(value, key, message).with_help(help));
            return None;
        }
        let real = match real {
            Ok(real) => real,
            Err(e) => {
                problems.push(at(value, key, Error::read(&path, e).message()));
                return None;
            }
        };
        match files::read(&real, kind) {
            Ok(bytes) => Some((path, bytes)),
            Err(e) => {
                problems.push(at(value, key, e.message()));
                None
            }
        }
    }
}

/// Reads a template's font files: each style falls back to `regular`. Each must be a TrueType
/// font this book can use; a problem names the file, at its line.
fn read_family(
    files: &theme::FontFiles,
    folder: &Folder,
    reads: &mut Reads,
    problems: &mut Vec<Diagnostic>,
) -> Option<[(String, Vec<u8>); 4]> {
    if files.regular.as_str().is_empty() {
        // A bold or italic face alone would be silently ignored.
        for (value, key) in
            [(&files.bold, "fonts.bold"), (&files.italic, "fonts.italic"), (&files.bold_italic, "fonts.bold_italic")]
        {
            if !value.as_str().is_empty() {
                problems.push(
                    at(value, key, "given without fonts.regular".into())
                        .with_help("a family starts from its regular face: give fonts.regular too"),
                );
            }
        }
        return None;
    }
    let styles = [
        (&files.regular, "fonts.regular"),
        (&files.bold, "fonts.bold"),
        (&files.italic, "fonts.italic"),
        (&files.bold_italic, "fonts.bold_italic"),
    ];
    // Every face is tried, so that each one's problem is told at once (text43b F43b-12: a
    // missing bold face came up only once the regular one was mended); a style that falls
    // back on a regular face that failed is not told again.
    let mut out = Vec::new();
    let mut regular_failed = false;
    for (value, key) in styles {
        let fallback = value.as_str().is_empty();
        let (value, key) = if fallback { (&files.regular, "fonts.regular") } else { (value, key) };
        if fallback && regular_failed {
            continue;
        }
        let face =
            folder.open(value, key, FileKind::Font, problems).and_then(|(path, data)| {
                match FontBook::check_face(&data) {
                    Ok(name) => {
                        reads.add_read(&path, "font", files::digest(&data));
                        Some((name, data))
                    }
                    Err(why) => {
                        problems.push(at(value, key, format!("cannot use the font {}: {why}", path.shown())));
                        None
                    }
                }
            });
        match face {
            Some(face) => out.push(face),
            None => regular_failed |= std::ptr::eq(value, &files.regular),
        }
    }
    out.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_drawn_taller_than_a_third_of_the_page_is_refused_at_its_field() {
        // text45b F45b-9: a 1×2000-pixel logo was drawn 60 m tall, without a word.
        let dir = std::env::temp_dir().join(format!("briefing-tall-logo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let png_of = |w: u32, h: u32| {
            let mut png = Vec::new();
            let mut encoder = png::Encoder::new(&mut png, w, h);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&vec![0; (w * h) as usize]).unwrap();
            drop(writer);
            png
        };
        std::fs::write(dir.join("tall.png"), png_of(1, 20)).unwrap();
        let path = dir.join("t.yaml");
        let problems = |template: &str| {
            std::fs::write(&path, template).unwrap();
            match Template::resolve(path.to_str().unwrap(), None) {
                Ok(_) => Vec::new(),
                Err(Error::Invalid(files)) => files[0]
                    .1
                    .iter()
                    .map(|d| format!("{}: {} | {}", d.path, d.message, d.help.as_deref().unwrap_or("")))
                    .collect(),
                Err(e) => panic!("{}", e.message()),
            }
        };
        assert_eq!(
            problems("title_block: { logo: tall.png, logo_width: 30 }\n"),
            ["title_block.logo: the logo is 1×20 pixels: 30 mm wide it is drawn 600 mm tall, more than a third of the 259 mm the page leaves for text | set `title_block.logo_width` to at most 4.3 mm, or use a wider image"]
        );
        assert_eq!(problems("title_block: { logo: tall.png, logo_width: 4 }\n"), Vec::<String>::new());
        std::fs::write(dir.join("tall.png"), png_of(1, 2000)).unwrap();
        let p = problems("title_block: { logo: tall.png }\n");
        assert!(
            p.len() == 1
                && p[0].ends_with("| use a wider image: this one is too tall for its width to show on the page"),
            "{p:?}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// text43b F43b-14: the theme of a language is resolved once a run, not again for each
    /// briefing in it (a large template file was read again each time).
    #[test]
    fn a_languages_theme_is_resolved_once_a_run() {
        let dir = std::env::temp_dir().join(format!("briefing-themes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.yaml");
        std::fs::write(&path, "labels: { overview: Summary }\n").unwrap();
        for arg in ["default", path.to_str().unwrap()] {
            let template = Template::resolve(arg, None).unwrap();
            let (first, second) = (template.theme_for("ja").unwrap(), template.theme_for("ja-JP").unwrap());
            assert!(std::ptr::eq(first, second), "{arg}: the Japanese theme was resolved twice");
            assert_eq!(first.labels.achievements, "主な成果", "{arg}");
            let german = template.theme_for("de").unwrap();
            assert!(!std::ptr::eq(first, german));
            assert_eq!(german.labels.achievements, template.theme_for("de-AT").unwrap().labels.achievements);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
