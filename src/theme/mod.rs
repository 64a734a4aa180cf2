//! Templates: YAML files that set every layout value (page, type, colours, spacing, numbering,
//! labels, running header and footer). Three are compiled in; a user's template overrides the
//! built-in ones field by field.
//!
//! Each section of the theme is declared once with [`section!`], which yields the typed section
//! (what layout reads), its raw serde mirror (every field optional and spanned, so a template
//! can name only what it changes) and the code that applies one onto the other, reporting a bad
//! value at its line.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::diag::{Diagnostic, SourceFile};
use crate::load::{self, Limits, Spanned};

mod contrast;
mod room;
mod text;
mod values;

pub use room::{running_style, MIN_INDENTED, RUNNING_FLOOR};
pub use text::{printed, DATE_CODES, RUNNING_PLACEHOLDERS};

pub use values::{
    Align, Columns, ContactStyle, DatePlacement, Factor, FilePath, FontSize, JapaneseFace, JapanesePitch, Mm, Months,
    Numbering, OfficeOrder, PageCount, PageSize, Pt, Rgb,
};

/// A template file compiled into the binary.
pub struct BuiltinTemplate {
    pub name: &'static str,
    pub source: &'static str,
}

/// The built-in templates, `default` first.
pub const BUILTIN: &[BuiltinTemplate] = &[
    BuiltinTemplate { name: "default", source: include_str!("../../templates/default.yaml") },
    BuiltinTemplate { name: "press-release", source: include_str!("../../templates/press-release.yaml") },
    BuiltinTemplate { name: "one-pager", source: include_str!("../../templates/one-pager.yaml") },
];

/// Language patches: labels and date format for briefings in a language other than English,
/// by primary language subtag.
pub const LANGUAGES: &[BuiltinTemplate] = &[
    BuiltinTemplate { name: "bg", source: include_str!("../../templates/lang/bg.yaml") },
    BuiltinTemplate { name: "cs", source: include_str!("../../templates/lang/cs.yaml") },
    BuiltinTemplate { name: "da", source: include_str!("../../templates/lang/da.yaml") },
    BuiltinTemplate { name: "de", source: include_str!("../../templates/lang/de.yaml") },
    BuiltinTemplate { name: "el", source: include_str!("../../templates/lang/el.yaml") },
    BuiltinTemplate { name: "es", source: include_str!("../../templates/lang/es.yaml") },
    BuiltinTemplate { name: "et", source: include_str!("../../templates/lang/et.yaml") },
    BuiltinTemplate { name: "fi", source: include_str!("../../templates/lang/fi.yaml") },
    BuiltinTemplate { name: "fr", source: include_str!("../../templates/lang/fr.yaml") },
    BuiltinTemplate { name: "ga", source: include_str!("../../templates/lang/ga.yaml") },
    BuiltinTemplate { name: "hr", source: include_str!("../../templates/lang/hr.yaml") },
    BuiltinTemplate { name: "hu", source: include_str!("../../templates/lang/hu.yaml") },
    BuiltinTemplate { name: "it", source: include_str!("../../templates/lang/it.yaml") },
    BuiltinTemplate { name: "ja", source: include_str!("../../templates/lang/ja.yaml") },
    BuiltinTemplate { name: "lt", source: include_str!("../../templates/lang/lt.yaml") },
    BuiltinTemplate { name: "lv", source: include_str!("../../templates/lang/lv.yaml") },
    BuiltinTemplate { name: "mt", source: include_str!("../../templates/lang/mt.yaml") },
    BuiltinTemplate { name: "nl", source: include_str!("../../templates/lang/nl.yaml") },
    BuiltinTemplate { name: "pl", source: include_str!("../../templates/lang/pl.yaml") },
    BuiltinTemplate { name: "pt", source: include_str!("../../templates/lang/pt.yaml") },
    BuiltinTemplate { name: "ro", source: include_str!("../../templates/lang/ro.yaml") },
    BuiltinTemplate { name: "sk", source: include_str!("../../templates/lang/sk.yaml") },
    BuiltinTemplate { name: "sl", source: include_str!("../../templates/lang/sl.yaml") },
    BuiltinTemplate { name: "sv", source: include_str!("../../templates/lang/sv.yaml") },
];

/// Something a template can set: a leaf value, or a section of them.
pub trait Apply {
    /// What the YAML holds for it.
    type Raw: DeserializeOwned;
    /// Overrides `self` with what `raw` sets; bad values become diagnostics at `path`.
    fn apply(&mut self, raw: Self::Raw, path: &str, diags: &mut Vec<Diagnostic>);
}

/// A leaf value parsed from one YAML scalar.
pub trait Leaf: Sized {
    type Raw: DeserializeOwned;
    fn parse(raw: Self::Raw) -> Result<Self, String>;
}

impl<T: Leaf> Apply for T {
    type Raw = Spanned<T::Raw>;
    fn apply(&mut self, raw: Self::Raw, path: &str, diags: &mut Vec<Diagnostic>) {
        match T::parse(raw.value) {
            Ok(v) => *self = v,
            Err(message) => diags.push(Diagnostic::new(Some(raw.span), path.to_string(), message)),
        }
    }
}

macro_rules! section {
    ($(#[$doc:meta])* $name:ident / $raw:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name { $($(#[$fdoc])* pub $field: $ty,)* }

        #[doc = concat!("The YAML form of [`", stringify!($name), "`]: every field optional.")]
        #[derive(Debug, Default, Deserialize)]
        pub struct $raw { $(pub $field: Option<<$ty as Apply>::Raw>,)* }

        impl $raw {
            /// The words this section sets (its fields that are text), by field name.
            pub fn texts(&self) -> Vec<(&'static str, &Spanned<String>)> {
                let mut out = Vec::new();
                $(
                    if std::any::TypeId::of::<$ty>() == std::any::TypeId::of::<String>() {
                        let raw = &self.$field as &dyn std::any::Any;
                        if let Some(Some(v)) = raw.downcast_ref::<Option<Spanned<String>>>() {
                            out.push((stringify!($field), v));
                        }
                    }
                )*
                out
            }
        }

        impl Apply for $name {
            type Raw = $raw;
            fn apply(&mut self, raw: $raw, path: &str, diags: &mut Vec<Diagnostic>) {
                $(
                    if let Some(v) = raw.$field {
                        let p = if path.is_empty() {
                            stringify!($field).to_string()
                        } else {
                            format!("{}.{}", path, stringify!($field))
                        };
                        self.$field.apply(v, &p, diags);
                    }
                )*
            }
        }
    };
}

// ---- sections ---------------------------------------------------------------------------

section! {
    /// How one kind of text looks: a role such as `title`, `heading` or `body`.
    TextStyle / RawTextStyle {
        size: FontSize,
        /// `left`, `center`, `right` or `justify` (flush both sides). Japanese is justified
        /// by its language's defaults.
        align: Align,
        bold: bool,
        italic: bool,
        color: Rgb,
        /// Line height as a multiple of the font's own.
        line_height: Factor,
        space_before: Pt,
        space_after: Pt,
    }
}

section! {
    /// Paper and margins.
    PageTheme / RawPageTheme {
        size: PageSize,
        margin_top: Mm,
        margin_bottom: Mm,
        margin_left: Mm,
        margin_right: Mm,
    }
}

section! {
    /// The roles text is set in.
    Styles / RawStyles {
        title: TextStyle,
        /// The date and organisation lines of the title block.
        meta: TextStyle,
        summary: TextStyle,
        /// Numbered sections: Overview, Major achievements.
        heading: TextStyle,
        /// The topics under "Major achievements".
        subheading: TextStyle,
        /// The optional `heading:` line above the numbered sections.
        part: TextStyle,
        body: TextStyle,
        table: TextStyle,
        contact: TextStyle,
        contact_label: TextStyle,
        /// Running header and footer.
        running: TextStyle,
        toc: TextStyle,
        watermark: TextStyle,
    }
}

section! {
    /// Colours of lines and links.
    Colors / RawColors {
        rule: Rgb,
        frame: Rgb,
        link: Rgb,
        table_rule: Rgb,
        /// Text a redline (`briefing diff`) shows as inserted: a double underline in this
        /// colour, and the text in it (a link keeps the link colour, so it stays one).
        inserted: Rgb,
        /// Text a redline shows as deleted: struck through in this colour.
        deleted: Rgb,
        /// A redline's change bar beside a line with both inserted and deleted text (a line
        /// with one kind has a bar in that kind's colour), and the frame of its summary box.
        changed: Rgb,
    }
}

section! {
    /// The block at the top of page 1.
    TitleBlock / RawTitleBlock {
        align: Align,
        date: DatePlacement,
        rule_below: bool,
        space_after: Pt,
        /// A PNG or JPEG file above the title, relative to the template file ("" for none).
        logo: FilePath,
        /// The logo's width in mm (its height follows).
        logo_width: Mm,
        logo_align: Align,
        /// What the logo shows, for readers who cannot see it ("" names the organisation).
        logo_alt: String,
    }
}

section! {
    /// Words the briefing prints that are not in the YAML.
    Labels / RawLabels {
        overview: String,
        achievements: String,
        contact: String,
        tel: String,
        fax: String,
        email: String,
        url: String,
        toc: String,
        draft: String,
        /// What the web page's language switcher is called (read out by a screen reader).
        languages: String,
        /// The web page's link to the PDF; `{title}` is the briefing's title.
        pdf_link: String,
        /// A dossier's cover title when `bundle` is given none; `{date}` is its date.
        dossier: String,
        /// What `{page_of}` in a header or footer prints.
        page_of: String,
        /// Printed after a contact label (`TEL: `).
        label_suffix: String,
        /// Joins division, bureau and organisation on the contact's office line.
        office_joiner: String,
        /// Which comes first on that line: the division (`smallest-first`) or the
        /// organisation (`largest-first`).
        office_order: OfficeOrder,
        /// The words of a redline (`briefing diff`), its box and `--stat`, are in this
        /// language (the box's structure element says so).
        changes_lang: String,
        /// The box's heading; `{since}` is the old version's file name.
        changes_since: String,
        /// The box when nothing changed.
        no_changes: String,
        /// `--stat` when nothing changed.
        unchanged: String,
        /// How to read the marks.
        changes_legend: String,
        /// How to read the web page's marks (underlined and struck through, no bars).
        changes_legend_web: String,
        /// The counts. In every `changes_*` and `*_part` label, `{changed}`, `{inserted}`,
        /// `{deleted}` and `{fields}` are counted with their unit (`one_topic`/`topics`,
        /// `one_word`/`words`, `one_character`/`characters`, `one_field`/`fields`),
        /// `{changed_n}`, `{inserted_n}`, `{deleted_n}`, `{fields_n}`, `{added}` and
        /// `{removed}` are bare numbers (inserted and deleted counted where words and
        /// characters both changed).
        changes_totals: String,
        /// Added to the counts when fields changed.
        changes_fields: String,
        /// A part that changed, was added or removed; `{part}` names it.
        changed_part: String,
        /// A part where only punctuation or spacing changed, which counts no word.
        changed_punctuation: String,
        added_part: String,
        removed_part: String,
        /// A plain field that changed (`{field}`: `date`, `contact.tel`…), before old → new.
        changed_field: String,
        /// What a screen reader says before inserted and deleted text in a redline.
        inserted_text: String,
        deleted_text: String,
        /// Read after those words where the change is a space alone ("Deleted: space").
        space_text: String,
        summary_part: String,
        overview_part: String,
        /// A topic, by its `{title}`.
        topic_part: String,
        /// A topic, by its `{n}`, counted from 1 as it is printed: after a changed field of
        /// a topic (`topics[0].title (topic 1)`).
        topic_number: String,
        /// Counts with their unit; `{n}` is the number. Words and characters are the units
        /// compared: Latin words, and Japanese characters (文字) with the Latin letters of
        /// mostly Japanese text.
        one_topic: String,
        topics: String,
        one_word: String,
        words: String,
        one_character: String,
        characters: String,
        /// Both units in one count: `{words}` and `{characters}`, each with its unit.
        words_and_characters: String,
        one_field: String,
        fields: String,
    }
}

section! {
    /// A running header or footer line. Placeholders: `{title}`, `{short_title}`, `{date}`,
    /// `{page}`, `{pages}`, `{page_of}` (the `page_of` label), `{marking}`.
    Running / RawRunning {
        left: String,
        center: String,
        right: String,
        first_page: bool,
        rule: bool,
        /// Print the line in capitals, as running heads often are.
        caps: bool,
    }
}

section! {
    /// The contact block.
    ContactTheme / RawContactTheme {
        style: ContactStyle,
        padding: Pt,
        /// Print the `contact` label as a heading above the block.
        heading: bool,
        /// Print the `contact` label as the block's first line, inside the frame.
        label: bool,
    }
}

section! {
    /// The main font family: TrueType (`.ttf`, glyf outlines) files relative to the template
    /// file; empty for the built-in Noto Sans. A style left empty uses the regular file.
    /// Characters the family lacks still come from the built-in faces.
    FontFiles / RawFontFiles {
        regular: FilePath,
        bold: FilePath,
        italic: FilePath,
        bold_italic: FilePath,
    }
}

section! {
    /// A complete template.
    Theme / RawTheme {
        /// A built-in template this one starts from (user templates only; default `default`).
        extends: String,
        name: String,
        description: String,
        page: PageTheme,
        fonts: FontFiles,
        styles: Styles,
        colors: Colors,
        title_block: TitleBlock,
        numbering: Numbering,
        /// Indent of list items and of topic bodies under their number, in points.
        list_indent: Pt,
        labels: Labels,
        /// strftime-like: `%B` month name, `%b` short month, `%-d` day, `%d` two-digit day,
        /// `%m` two-digit month, `%-m` month, `%Y` year.
        date_format: String,
        /// What `%B` prints, January first.
        months: Months,
        header: Running,
        footer: Running,
        contact: ContactTheme,
        toc: bool,
        /// Break words at line ends by the briefing's language's hyphenation patterns.
        hyphenate: bool,
        /// The face of Japanese characters in running text (summary, body, lists, tables,
        /// contact): `gothic` or `mincho`. Titles and headings stay Gothic.
        japanese_body: JapaneseFace,
        /// The line pitch of Japanese text other than titles and headings (summary, body,
        /// lists, contact), as a multiple of its size, whatever its style's `line_height`
        /// (JLREQ suggests 1.5 to 2; Japanese ministries set about 1.7).
        japanese_line_height: JapanesePitch,
        /// Typed quotes and dashes printed as the language's own (“…”, „…“, « … », –, —).
        smart_punctuation: bool,
        /// Fit the briefing on this many pages (0: as many as it takes), scaling type and
        /// spacing down together, never below `fit_floor`.
        fit_pages: PageCount,
        /// The smallest body size fitting may scale to.
        fit_floor: FontSize,
        /// The sections (summary, overview, topics) in this many columns, filled in turn and
        /// balanced on their last page; the title block and the contact block span the page.
        columns: Columns,
    }
}

/// Where a template comes from.
pub enum TemplateRef<'a> {
    Builtin(&'a str),
    File(&'a SourceFile),
}

/// A template could not be used. Diagnostics point into `file`.
#[derive(Debug)]
pub struct TemplateError {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    /// A user file's theme with what could be read of it applied, so that the files it names
    /// (a logo, fonts) can be checked too and every problem of the template told at once.
    pub partial: Option<Box<Theme>>,
}

impl Colors {
    /// The colour a redline marks `change` in.
    pub fn of(&self, change: crate::markdown::Change) -> Rgb {
        match change {
            crate::markdown::Change::Inserted => self.inserted,
            crate::markdown::Change::Deleted => self.deleted,
        }
    }
}

impl Styles {
    /// The roles of the page's content: every role but the running header and footer and
    /// the watermark.
    pub fn content_mut(&mut self) -> [&mut TextStyle; 11] {
        [
            &mut self.title,
            &mut self.meta,
            &mut self.summary,
            &mut self.heading,
            &mut self.subheading,
            &mut self.part,
            &mut self.body,
            &mut self.table,
            &mut self.contact,
            &mut self.contact_label,
            &mut self.toc,
        ]
    }
}

impl Theme {
    /// The theme with every font size and vertical space scaled by `scale` (fitting a
    /// briefing to a page count); margins, the page and the running header and footer stay
    /// as they are.
    pub fn scaled(&self, scale: f32) -> Theme {
        let mut t = self.clone();
        for style in t.styles.content_mut() {
            style.size.0 = (style.size.0 * scale * 100.0).round() / 100.0;
            style.space_before.0 *= scale;
            style.space_after.0 *= scale;
        }
        t.list_indent.0 *= scale;
        t.title_block.space_after.0 *= scale;
        t.contact.padding.0 *= scale;
        t
    }

    /// The space between two columns of text: two body em, at least 12 points.
    pub fn gutter(&self) -> f32 {
        (self.styles.body.size.0 * 2.0).max(12.0)
    }

    /// The theme for `template` in English: see [`Theme::resolve_for`].
    pub fn resolve(template: TemplateRef<'_>) -> Result<Theme, TemplateError> {
        Theme::resolve_for(template, "en")
    }

    /// The theme for `template` and a briefing in language `lang`: `default`, overridden by
    /// the named built-in (or the one a user file `extends`), by the language's labels and
    /// date format, and last by the user file.
    pub fn resolve_for(template: TemplateRef<'_>, lang: &str) -> Result<Theme, TemplateError> {
        let mut theme = default_theme()?;
        let primary = crate::script::primary_language(lang);
        let language = LANGUAGES.iter().find(|l| l.name == primary);
        let apply_language = |theme: &mut Theme| match language {
            Some(l) => apply_source(theme, &format!("templates/lang/{}.yaml (built in)", l.name), l.source),
            None => Ok(()),
        };
        match template {
            TemplateRef::Builtin("default") => apply_language(&mut theme)?,
            TemplateRef::Builtin(name) => {
                apply_builtin(&mut theme, name)?;
                apply_language(&mut theme)?;
            }
            TemplateRef::File(file) => {
                let loaded = load::load_detailed::<RawTheme>(file, &Limits::default());
                let (mut raw, mut diags) = (loaded.value, loaded.diagnostics);
                if let Some(base) = raw.extends.take() {
                    match BUILTIN.iter().find(|b| b.name == base.value) {
                        Some(b) if b.name != "default" => apply_builtin(&mut theme, b.name)?,
                        Some(_) => {}
                        None => diags.push(Diagnostic::new(
                            Some(base.span),
                            "extends",
                            format!("no built-in template '{}'; the built-in ones are {}", base.value, builtin_names()),
                        )),
                    }
                }
                apply_language(&mut theme)?;
                text::check(&raw, &mut diags);
                // A template that words the PDF's legend but not the web page's, in a language
                // without one: the page takes the PDF's, in the template's language, not the
                // English one (text25 F25-6).
                let legend_only =
                    raw.labels.as_ref().is_some_and(|l| l.changes_legend.is_some() && l.changes_legend_web.is_none());
                let colours = contrast::ColourSpans::of(&raw);
                let spans = room::RoomSpans::of(&raw);
                let mut checked = Vec::new();
                theme.apply(raw, "", &mut checked);
                room::check(&theme, &spans, &mut checked);
                contrast::check(&theme, &colours, &mut checked);
                if legend_only && theme.labels.changes_legend_web == default_theme()?.labels.changes_legend_web {
                    theme.labels.changes_legend_web = theme.labels.changes_legend.clone();
                }
                // A value of the wrong type was reported by the loader, which put a neutral
                // one (0, "") in its place: that is not checked again (`font size 0`).
                diags.extend(checked.into_iter().filter(|d| d.span.is_none_or(|s| !loaded.replaced.contains(&s))));
                if !diags.is_empty() {
                    return Err(TemplateError {
                        file: file.clone(),
                        diagnostics: diags,
                        partial: Some(Box::new(theme)),
                    });
                }
            }
        }
        Ok(theme)
    }
}

/// [`Theme::default`] with the built-in `default` template applied, which every theme starts
/// from: read once per process, as a batch resolves a theme for each briefing.
fn default_theme() -> Result<Theme, TemplateError> {
    static DEFAULT: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
    if let Some(theme) = DEFAULT.get() {
        return Ok(theme.clone());
    }
    let mut theme = Theme::default();
    apply_builtin(&mut theme, "default")?;
    Ok(DEFAULT.get_or_init(|| theme).clone())
}

/// `default, press-release, one-pager`
pub fn builtin_names() -> String {
    BUILTIN.iter().map(|b| b.name).collect::<Vec<_>>().join(", ")
}

fn apply_builtin(theme: &mut Theme, name: &str) -> Result<(), TemplateError> {
    let file = builtin_file(name).ok_or_else(|| TemplateError {
        file: SourceFile::new(name, ""),
        diagnostics: vec![Diagnostic::new(
            None,
            "",
            format!("no built-in template '{name}'; the built-in ones are {}", builtin_names()),
        )],
        partial: None,
    })?;
    apply_source(theme, &file.name, &file.text)
}

/// Applies a compiled-in template text.
fn apply_source(theme: &mut Theme, name: &str, text: &str) -> Result<(), TemplateError> {
    let file = SourceFile::new(name, text);
    let (raw, mut diags) = load::load::<RawTheme>(&file, &Limits::default());
    theme.apply(raw, "", &mut diags);
    if diags.is_empty() {
        Ok(())
    } else {
        Err(TemplateError { file, diagnostics: diags, partial: None })
    }
}

fn builtin_file(name: &str) -> Option<SourceFile> {
    BUILTIN
        .iter()
        .find(|b| b.name == name)
        .map(|b| SourceFile::new(format!("templates/{}.yaml (built in)", b.name), b.source))
}

/// `text` read as a user's template, `mine.yaml`, and its problems (none when it resolves):
/// for the tests of each part of a template.
#[cfg(test)]
fn user_problems(text: &str) -> (SourceFile, Vec<crate::diag::Diagnostic>) {
    let file = SourceFile::new("mine.yaml", text);
    let problems = Theme::resolve(TemplateRef::File(&file)).err().map_or_else(Vec::new, |e| e.diagnostics);
    (file, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> SourceFile {
        SourceFile::new("mine.yaml", text)
    }

    #[test]
    fn every_builtin_template_loads() {
        for b in BUILTIN {
            let t = Theme::resolve(TemplateRef::Builtin(b.name))
                .unwrap_or_else(|e| panic!("{}: {:?}", b.name, e.diagnostics));
            assert_eq!(t.name, b.name);
            assert!(!t.description.is_empty());
        }
    }

    #[test]
    fn a_running_line_names_only_placeholders_it_has() {
        let file = user("footer: { left: \"{short_titel} | {page_of}\", right: \"{date} {x-y}\" }\n");
        let e = Theme::resolve(TemplateRef::File(&file)).unwrap_err();
        let messages: Vec<&str> = e.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["unknown placeholder `{short_titel}`, did you mean `{short_title}`?"]);
        assert_eq!(e.diagnostics[0].path, "footer.left");
        let file = user("header: { center: \"{title} — {marking}, {page} / {pages}\" }\n");
        assert!(Theme::resolve(TemplateRef::File(&file)).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_type_is_not_checked_again_for_its_range() {
        let file = user("styles:\n  body: { size: 10pt }\ncolumns: \"2\"\nfit_floor: 2\n");
        let e = Theme::resolve(TemplateRef::File(&file)).unwrap_err();
        let messages: Vec<String> = e.diagnostics.iter().map(|d| format!("{}: {}", d.path, d.message)).collect();
        assert_eq!(
            messages,
            [
                "styles.body.size: expected a number, found `10pt`",
                "columns: expected a number, found the quoted text \"2\"",
                "fit_floor: font size 2 must be from 4 to 144 points",
            ]
        );
    }

    /// default.yaml must set every field: applying it over two different starting themes
    /// gives the same result only if nothing is left from the start.
    #[test]
    fn default_template_sets_every_field() {
        let file = builtin_file("default").unwrap();
        let mut a = Theme::default();
        let mut b = Theme::default();
        b.page.size = PageSize { width: 1.0, height: 1.0 };
        let poison = TextStyle {
            size: FontSize(99.0),
            align: Align::Justify,
            bold: true,
            italic: true,
            color: Rgb(1, 2, 3),
            line_height: Factor(9.0),
            space_before: Pt(9.0),
            space_after: Pt(9.0),
        };
        let s = &mut b.styles;
        s.watermark = poison.clone();
        for role in s.content_mut() {
            *role = poison.clone();
        }
        b.labels.overview = "poison".into();
        b.header.left = "poison".into();
        b.footer.first_page = true;
        b.toc = true;
        b.list_indent = Pt(99.0);
        b.date_format = "poison".into();
        b.colors.rule = Rgb(1, 2, 3);
        b.contact.padding = Pt(99.0);
        b.title_block.rule_below = !a.title_block.rule_below;
        b.hyphenate = true;
        b.smart_punctuation = false;
        b.fit_pages = PageCount(99);
        b.fit_floor = FontSize(99.0);
        b.japanese_line_height = JapanesePitch(9.0);
        for t in [&mut a, &mut b] {
            let (raw, diags) = load::load::<RawTheme>(&file, &Limits::default());
            assert!(diags.is_empty(), "{diags:?}");
            t.apply(raw, "", &mut Vec::new());
        }
        assert_eq!(a, b);
    }

    #[test]
    fn user_template_overrides_only_what_it_names() {
        let base = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let t =
            Theme::resolve(TemplateRef::File(&user("styles:\n  body:\n    size: 12\nlabels:\n  overview: Summary\n")))
                .unwrap();
        assert_eq!(t.styles.body.size, FontSize(12.0));
        assert_eq!(t.labels.overview, "Summary");
        let mut expected = base.clone();
        expected.styles.body.size = FontSize(12.0);
        expected.labels.overview = "Summary".into();
        assert_eq!(t, expected);
    }

    #[test]
    fn user_template_can_extend_a_builtin() {
        let one = Theme::resolve(TemplateRef::Builtin("one-pager")).unwrap();
        let t = Theme::resolve(TemplateRef::File(&user("extends: one-pager\ntoc: true\n"))).unwrap();
        assert_eq!(t.styles.body, one.styles.body);
        assert!(t.toc);
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let err = Theme::resolve(TemplateRef::File(&user("page:\n  size: B7\nstyles:\n  body:\n    color: blue\n")))
            .unwrap_err();
        let d = &err.diagnostics;
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].path, "page.size");
        assert!(d[0].message.contains("B7"));
        assert_eq!(d[1].path, "styles.body.color");
        let (line, _) = err.file.line_col(d[1].span.unwrap().start);
        assert_eq!(line, 5);
    }

    #[test]
    fn japanese_briefings_get_japanese_labels_unless_the_user_template_says_otherwise() {
        let ja = Theme::resolve_for(TemplateRef::Builtin("press-release"), "ja").unwrap();
        assert_eq!(ja.labels.overview, "概要");
        assert_eq!((ja.labels.label_suffix.as_str(), ja.labels.office_joiner.as_str()), ("：", "　"));
        assert_eq!(ja.date_format, "%Y年%-m月%-d日");
        assert_eq!(ja.title_block.align, Align::Center, "the template's own look stays");
        let mine = Theme::resolve_for(TemplateRef::File(&user("labels:\n  overview: Gaiyō\n")), "ja-JP").unwrap();
        assert_eq!(mine.labels.overview, "Gaiyō");
        assert_eq!(mine.labels.achievements, "主な成果");
        assert_eq!(Theme::resolve_for(TemplateRef::Builtin("default"), "is").unwrap().labels.overview, "Overview");
    }

    /// Every language patch loads, and changes the words a reader sees: section labels, the
    /// page line, the web page's language switcher and the month names (unless its dates are
    /// all digits), and a redline's words.
    #[test]
    fn every_language_patch_translates_the_labels() {
        let english = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        assert_eq!(english.months.0.len(), 12);
        for lang in LANGUAGES {
            let t = Theme::resolve_for(TemplateRef::Builtin("default"), lang.name).unwrap();
            for (what, ours, theirs) in [
                ("overview", &t.labels.overview, &english.labels.overview),
                ("achievements", &t.labels.achievements, &english.labels.achievements),
                ("page_of", &t.labels.page_of, &english.labels.page_of),
                ("languages", &t.labels.languages, &english.labels.languages),
            ] {
                assert_ne!(ours, theirs, "{}: {what} is not translated", lang.name);
            }
            assert_eq!(t.labels.changes_lang, lang.name, "{}: a redline's words are in its language", lang.name);
            assert_ne!(t.labels.space_text, english.labels.space_text, "{}: space_text is not translated", lang.name);
            assert!(t.labels.page_of.contains("{page}") && t.labels.page_of.contains("{pages}"), "{}", lang.name);
            if t.date_format.contains("%B") {
                assert_ne!(t.months, english.months, "{}: months are not translated", lang.name);
            }
        }
        // Briefings are written in every official language of the EU (text40 F40-0: a Swedish
        // briefing printed "Major achievements", "March 6, 2024" and "Page 1 of 1").
        let eu = "bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv";
        for tag in eu.split(' ') {
            assert!(LANGUAGES.iter().any(|l| l.name == tag), "no labels for {tag}");
        }
        let sv = Theme::resolve_for(TemplateRef::Builtin("default"), "sv-SE").unwrap();
        let d = crate::model::Date::new(2024, 3, 6).unwrap();
        assert_eq!(crate::layout::format_date(d, &sv.date_format, &sv.months.0), "6 mars 2024");
        let hu = Theme::resolve_for(TemplateRef::Builtin("default"), "hu").unwrap();
        assert_eq!(crate::layout::format_date(d, &hu.date_format, &hu.months.0), "2024. március 6.");
        let de = Theme::resolve_for(TemplateRef::Builtin("one-pager"), "de-AT").unwrap();
        let d = crate::model::Date::new(2020, 3, 6).unwrap();
        assert_eq!(crate::layout::format_date(d, &de.date_format, &de.months.0), "6. März 2020");
    }

    #[test]
    fn month_names_must_be_twelve() {
        let err = Theme::resolve(TemplateRef::File(&user("months: [Jan, Feb]\n"))).unwrap_err();
        assert!(err.diagnostics[0].message.contains("twelve month names"), "{:?}", err.diagnostics);
    }

    #[test]
    fn a_template_that_words_only_the_pdfs_legend_gives_it_to_the_web_page_too() {
        // text25 F25-6: the web page's legend stayed English in a Swedish box (Swedish is
        // built in now; Icelandic, say, is not).
        let is = "labels:\n  changes_lang: is\n  changes_legend: Innsettur texti er undirstrikaður.\n";
        let t = Theme::resolve_for(TemplateRef::File(&user(is)), "is").unwrap();
        assert_eq!(t.labels.changes_legend_web, "Innsettur texti er undirstrikaður.");
        // Its own web legend, or one its language has, stays.
        let both = format!("{is}  changes_legend_web: Nýr texti er undirstrikaður.\n");
        let t = Theme::resolve_for(TemplateRef::File(&user(&both)), "is").unwrap();
        assert_eq!(t.labels.changes_legend_web, "Nýr texti er undirstrikaður.");
        let fr = "labels:\n  changes_legend: Le texte inséré est souligné deux fois.\n";
        let t = Theme::resolve_for(TemplateRef::File(&user(fr)), "fr").unwrap();
        assert_eq!(t.labels.changes_legend_web, "Le texte inséré est souligné, le texte supprimé barré.");
    }
}
