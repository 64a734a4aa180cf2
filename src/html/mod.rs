//! The HTML back end: a briefing as its press-release web page. One self-contained file (the
//! stylesheet inline, no script, nothing fetched), semantic HTML (`header`, `main`, `footer`,
//! one `h1`, sections and topics as `h2`/`h3` numbered as in the PDF), the template's look,
//! and the language of every part. Works from the checked model, not from laid-out pages:
//! a web page reflows.

mod logo;
mod style;
mod text;

use std::fmt::Write as _;

use crate::markdown::Change;
use crate::model::Briefing;
use crate::redline::Redline;
use crate::script::primary_language;
use crate::theme::{DatePlacement, Theme};

pub use text::escape;
use text::{blocks_into, close_change, escape_into, inlines_into, text_into, Marks};

/// The same briefing in another language, for `<link rel="alternate" hreflang>` and the
/// language switcher.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub lang: String,
    /// Where its page is, relative to this one (`x.ja.html`).
    pub href: String,
}

/// What a page links to besides its text, and what made it.
#[derive(Debug, Clone, Default)]
pub struct PageOptions {
    /// Every language's page, this one's included (empty for a briefing in one language).
    pub alternates: Vec<Alternate>,
    /// The PDF of the same briefing, built in the same run (relative to the page).
    pub pdf: Option<String>,
    /// `<meta name="generator">`: the program and its version.
    pub generator: String,
    /// `<meta name="description">`: the briefing's subject.
    pub description: Option<String>,
    /// The template's logo, shown above the title as in the PDF.
    pub logo: Option<std::sync::Arc<crate::pdf::Image>>,
}

/// A language's name in that language, for the switcher: English, Japanese and the EU's
/// languages (the ones briefings are written in); any other by its tag.
fn language_name(tag: &str) -> &str {
    let primary = primary_language(tag);
    crate::load::OWN_NAMES.iter().find(|(two, _)| *two == primary).map_or(tag, |(_, name)| name)
}

/// ` lang="…"` for an element holding `text`, when the text is clearly in another language
/// than the page's `lang` (text40b F40b-7: a French title, heading or note in an English
/// briefing was not marked); else nothing.
fn own_lang(text: &str, lang: &str) -> String {
    crate::language::other_than(text, lang).map(|other| format!(" lang=\"{other}\"")).unwrap_or_default()
}

/// The briefing's press-release page. Pure: same arguments, same bytes.
pub fn page(b: &Briefing, theme: &Theme, options: &PageOptions) -> String {
    render(b, theme, options, None)
}

/// A redline as a page: the summary box first, then the new briefing with `<ins>` and
/// `<del>` (each read out as "inserted"/"deleted").
pub fn redline_page(r: &Redline, since: &str, theme: &Theme, options: &PageOptions) -> String {
    render(&r.briefing, theme, options, Some((r, since)))
}

fn render(b: &Briefing, theme: &Theme, options: &PageOptions, redline: Option<(&Redline, &str)>) -> String {
    let lang = b.lang.as_str();
    let marks = Marks::of(&theme.labels);
    let mut out = String::with_capacity(16 * 1024);
    let subject = options.description.clone();
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    escape_into(&mut out, lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    // The page runs no script and loads nothing: its style and its logo are in it, and a
    // published copy cannot be made to load anything, whatever its text says.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         img-src data:; base-uri 'none'; form-action 'none'\">\n",
    );
    // A redline's page is named as one, in its box's words, so that it is told from the
    // briefing's own page in a tab, a bookmark or a preview (text40b F40b-13).
    let page_title = match redline {
        Some((_, since)) => format!("{} — {}", theme.labels.changes_since.replace("{since}", since), b.title),
        None => b.title.clone(),
    };
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape_into(&mut out, &page_title);
    out.push_str("</title>\n");
    let meta = |out: &mut String, attr: &str, name: &str, content: &str| {
        let _ = write!(out, "<meta {attr}=\"{name}\" content=\"");
        escape_into(out, content);
        out.push_str("\">\n");
    };
    if let Some(subject) = &subject {
        meta(&mut out, "name", "description", subject);
    }
    meta(&mut out, "name", "generator", &options.generator);
    if let Some(org) = &b.organisation {
        meta(&mut out, "name", "author", org);
    }
    meta(&mut out, "property", "og:type", "article");
    meta(&mut out, "property", "og:title", &page_title);
    if let Some(subject) = &subject {
        meta(&mut out, "property", "og:description", subject);
    }
    for a in &options.alternates {
        out.push_str("<link rel=\"alternate\" hreflang=\"");
        escape_into(&mut out, &a.lang);
        out.push_str("\" href=\"");
        escape_into(&mut out, &a.href);
        out.push_str("\">\n");
    }
    out.push_str("<style>\n");
    out.push_str(&style::stylesheet(theme));
    out.push_str("</style>\n</head>\n<body>\n");

    // The header: language switcher, marking, draft flag, then the title block.
    out.push_str("<header class=\"title\">\n");
    let others: Vec<&Alternate> = options.alternates.iter().filter(|a| a.lang != b.lang).collect();
    if !others.is_empty() {
        let _ = write!(out, "<nav class=\"languages\" aria-label=\"{}\"><ul>", escape(&theme.labels.languages));
        for a in others {
            let name = language_name(&a.lang);
            out.push_str("<li><a href=\"");
            escape_into(&mut out, &a.href);
            out.push_str("\" hreflang=\"");
            escape_into(&mut out, &a.lang);
            out.push_str("\" lang=\"");
            escape_into(&mut out, &a.lang);
            out.push_str("\">");
            escape_into(&mut out, name);
            out.push_str("</a></li>");
        }
        out.push_str("</ul></nav>\n");
    }
    if let Some(marking) = &b.marking {
        let _ = write!(out, "<p class=\"marking\"{}>", own_lang(marking, lang));
        text_into(&mut out, marking, lang);
        out.push_str("</p>\n");
    }
    if b.draft {
        out.push_str("<p><strong class=\"flag\">");
        text_into(&mut out, &theme.labels.draft, lang);
        out.push_str("</strong></p>\n");
    }
    // In a redline, a changed date or organisation shows its old value deleted before the
    // new one, in place, as the PDF does.
    let in_place = |out: &mut String, field: &str, new: &str, value: &dyn Fn(&mut String, &str)| {
        let old = redline.and_then(|(r, _)| r.fields.iter().find(|f| f.field == field)).map(|f| f.old.as_str());
        let Some(old) = old else { return value(out, new) };
        if !old.is_empty() {
            marks.open(out, Change::Deleted, lang);
            value(out, old);
            out.push_str(if new.is_empty() { "</del>" } else { "</del> " });
        }
        if !new.is_empty() {
            marks.open(out, Change::Inserted, lang);
            value(out, new);
            out.push_str("</ins>");
        }
    };
    // A date as written (`YYYY-MM-DD`), printed as the template says.
    let time = |out: &mut String, iso: &str| {
        let _ = write!(out, "<time datetime=\"{}\">", escape(iso));
        let date = crate::model::Date::parse_iso(iso)
            .map_or_else(|| iso.to_string(), |d| crate::layout::format_date(d, &theme.date_format, &theme.months.0));
        text_into(out, &date, lang);
        out.push_str("</time>");
    };
    let date_line = |out: &mut String, class: &str| {
        let _ = write!(out, "<p class=\"meta{class}\">");
        let iso = format!("{:04}-{:02}-{:02}", b.date.year(), b.date.month(), b.date.day());
        in_place(out, "date", &iso, &time);
        out.push_str("</p>\n");
    };
    // The template's logo, above the title as in the PDF, said as its figure is (text48b
    // F48b-3: the page left it out without a word).
    if let Some(image) = &options.logo {
        let _ = writeln!(
            out,
            "<img class=\"logo\" src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
            logo::data_uri(image),
            escape(&crate::layout::logo_alt(&theme.title_block, b)),
            image.width,
            image.height
        );
    }
    if theme.title_block.date == DatePlacement::AboveRight {
        date_line(&mut out, " above");
    }
    // (In a redline, a changed title's or heading's words are marked, as a topic's are.)
    let marked = |field: &str| redline.and_then(|(r, _)| r.fields.iter().find(|f| f.field == field)?.marked.as_deref());
    let _ = write!(out, "<h1{}>", own_lang(&b.title, lang));
    match marked("title") {
        Some(inlines) => inlines_into(&mut out, inlines, lang, &marks),
        None => text_into(&mut out, &b.title, lang),
    }
    out.push_str("</h1>\n");
    if theme.title_block.date == DatePlacement::BelowTitle {
        date_line(&mut out, "");
    }
    let org = b.organisation.clone().unwrap_or_default();
    let old_org = redline.and_then(|(r, _)| r.fields.iter().find(|f| f.field == "organisation"));
    if !org.is_empty() || old_org.is_some_and(|f| !f.old.is_empty()) {
        let _ = write!(out, "<p class=\"meta\"{}>", own_lang(&org, lang));
        in_place(&mut out, "organisation", &org, &|out, text| text_into(out, text, lang));
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n<main>\n");
    if let Some((r, since)) = redline {
        summary_box(&mut out, r, since, &theme.labels, lang);
    }

    // The sections, numbered as in the PDF.
    if !b.summary.is_empty() {
        out.push_str("<div class=\"summary\">\n");
        blocks_into(&mut out, &b.summary, lang, &marks, 1);
        out.push_str("</div>\n");
    }
    if let Some(part) = &b.heading {
        let _ = write!(out, "<h2 class=\"part\"{}>", own_lang(part, lang));
        match marked("heading") {
            Some(inlines) => inlines_into(&mut out, inlines, lang, &marks),
            None => text_into(&mut out, part, lang),
        }
        out.push_str("</h2>\n");
    }
    let heading = |out: &mut String, tag: &str, id: &str, number: &str, title: &str, lang: &str| {
        let _ = write!(out, "<{tag} id=\"{id}\">");
        if !number.is_empty() {
            out.push_str("<span class=\"num\">");
            escape_into(out, number);
            out.push_str("</span> ");
        }
        text_into(out, title, lang);
        let _ = writeln!(out, "</{tag}>");
    };
    if !b.overview.is_empty() {
        out.push_str("<section aria-labelledby=\"overview\">\n");
        // In a redline, an overview added or removed whole has its heading marked as its text
        // is, and a removed one no number (text40b F40b-19).
        match crate::layout::overview_change(b) {
            Some(change) => {
                out.push_str("<h2 id=\"overview\">");
                if change == Change::Inserted {
                    out.push_str("<span class=\"num\">");
                    escape_into(&mut out, &theme.numbering.section(1));
                    out.push_str("</span> ");
                }
                marks.open(&mut out, change, lang);
                text_into(&mut out, &theme.labels.overview, lang);
                close_change(&mut out, Some(change));
                out.push_str("</h2>\n");
            }
            None => heading(&mut out, "h2", "overview", &theme.numbering.section(1), &theme.labels.overview, lang),
        }
        blocks_into(&mut out, &b.overview, lang, &marks, 2);
        out.push_str("</section>\n");
    }
    let achievements = crate::layout::achievements(b);
    out.push_str("<section aria-labelledby=\"achievements\">\n");
    heading(&mut out, "h2", "achievements", &theme.numbering.section(achievements), &theme.labels.achievements, lang);
    let numbers = crate::layout::topic_numbers(b, theme);
    for (k, topic) in b.topics.iter().enumerate() {
        let topic_lang = topic.lang.as_deref().unwrap_or(lang);
        let id = format!("topic-{}", k + 1);
        out.push_str("<section class=\"topic\"");
        if topic_lang != lang {
            out.push_str(" lang=\"");
            escape_into(&mut out, topic_lang);
            out.push('"');
        }
        let _ = writeln!(out, " aria-labelledby=\"{id}\">");
        let number = &numbers[k];
        // A title clearly in another language than its topic's says so (the topic's text
        // may be in another: a Greek title over a Russian summary of the talks).
        let title_lang = crate::language::other_than(&topic.title, topic_lang);
        let _ = write!(out, "<h3 id=\"{id}\"");
        if let Some(l) = title_lang {
            let _ = write!(out, " lang=\"{l}\"");
        }
        out.push('>');
        if !number.is_empty() {
            out.push_str("<span class=\"num\">");
            escape_into(&mut out, number);
            out.push_str("</span> ");
        }
        // A topic added or removed in a redline: its title is marked as its text is.
        // A title that changed: its words deleted and inserted, marked.
        let title = crate::markdown::Inline { text: topic.title.clone(), change: topic.change, ..Default::default() };
        let title = topic.marked_title.as_deref().unwrap_or(std::slice::from_ref(&title));
        inlines_into(&mut out, title, title_lang.unwrap_or(topic_lang), &marks);
        out.push_str("</h3>\n");
        let removed = topic.change == Some(Change::Deleted);
        if removed {
            out.push_str("<div class=\"removed\">\n");
        }
        blocks_into(&mut out, &topic.body, topic_lang, &marks, 3);
        if removed {
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
    contact(&mut out, b, theme, lang, redline.map(|(r, _)| r));
    out.push_str("</main>\n");
    // (A page written alone, with no marking, has no footer: text48b F48b-3, it ended with an
    // empty one.)
    let footer = options.pdf.is_some() || b.marking.is_some();
    if footer {
        out.push_str("<footer>\n");
    }
    if let Some(pdf) = &options.pdf {
        out.push_str("<p><a href=\"");
        escape_into(&mut out, pdf);
        out.push_str("\" type=\"application/pdf\">");
        text_into(&mut out, &theme.labels.pdf_link.replace("{title}", &page_title), lang);
        out.push_str("</a></p>\n");
    }
    if let Some(marking) = &b.marking {
        out.push_str("<p>");
        text_into(&mut out, marking, lang);
        out.push_str("</p>\n");
    }
    if footer {
        out.push_str("</footer>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The contact block: a labelled section holding an `address`, with e-mail as `mailto:` and
/// the web address as a link. In a redline, a changed line shows its old value deleted, and a
/// line removed is there, deleted, as in the PDF.
fn contact(out: &mut String, b: &Briefing, theme: &Theme, lang: &str, redline: Option<&Redline>) {
    let c = &b.contact;
    let labels = &theme.labels;
    let marks = Marks::of(labels);
    let old = |field: &str| -> Option<String> {
        let path = format!("contact.{field}");
        redline?.fields.iter().find(|f| f.field == path).map(|f| f.old.clone())
    };
    // One line: its label, the old value struck out in a redline, the value; each a link
    // where the field's values are (an e-mail or web address, old or new: text17 F6). The
    // label of a field added or removed whole is inserted or deleted with its value.
    let line = |out: &mut String, label: Option<&str>, before: Option<String>, value: &str, field: Option<&str>| {
        let target = |v: &str| field.and_then(|f| crate::layout::field_target(&format!("contact.{f}"), v));
        let linked = |out: &mut String, v: &str| match target(v) {
            Some(t) => {
                out.push_str("<a href=\"");
                escape_into(out, &t);
                out.push_str("\">");
                text_into(out, v, lang);
                out.push_str("</a>");
            }
            None => text_into(out, v, lang),
        };
        let before = before.filter(|o| o != value);
        if value.is_empty() && before.as_deref().is_none_or(str::is_empty) {
            return;
        }
        let whole = match before.as_deref() {
            Some("") => Some(Change::Inserted),
            Some(_) if value.is_empty() => Some(Change::Deleted),
            _ => None,
        };
        // (A line without a label, the note or the name, in its own language where it is
        // clearly in one; a label's line is in the page's, as its label is.)
        let own = if label.is_none() { own_lang(value, lang) } else { String::new() };
        let _ = write!(out, "<p{own}>");
        if let Some(change) = whole {
            marks.open(out, change, lang);
        }
        if let Some(label) = label {
            out.push_str("<span class=\"contact-label\">");
            text_into(out, &format!("{label}{}", labels.label_suffix), lang);
            out.push_str("</span>");
        }
        if let Some(before) = before.as_deref().filter(|o| !o.is_empty()) {
            if whole.is_none() {
                marks.open(out, Change::Deleted, lang);
            }
            linked(out, before);
            out.push_str(if whole.is_none() { "</del> " } else { "</del>" });
        }
        if !value.is_empty() {
            if before.is_some() && whole.is_none() {
                marks.open(out, Change::Inserted, lang);
            }
            linked(out, value);
            if before.is_some() {
                out.push_str("</ins>");
            }
        }
        out.push_str("</p>\n");
    };
    out.push_str(
        "<section class=\"contact\" aria-labelledby=\"contact\">\n<h2 id=\"contact\" class=\"contact-label\">",
    );
    text_into(out, &labels.contact, lang);
    out.push_str("</h2>\n<address>\n");
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    line(out, None, old("note"), &value(&c.note), None);
    line(out, None, old("name"), &value(&c.name), None);
    let office = crate::layout::office_line([c.division.clone(), c.bureau.clone(), c.organisation.clone()], labels);
    // The office line's old value, when any of its parts changed.
    let parts = [("division", &c.division), ("bureau", &c.bureau), ("organisation", &c.organisation)];
    let before = parts
        .iter()
        .any(|(f, _)| old(f).is_some())
        .then(|| crate::layout::office_line(parts.map(|(f, v)| old(f).or_else(|| v.clone())), labels));
    line(out, None, before, &office, None);
    let labelled = [(&labels.tel, &c.tel, "tel"), (&labels.fax, &c.fax, "fax")];
    let linked = [(&labels.email, &c.email, "email"), (&labels.url, &c.url, "url")];
    for (label, v, field) in labelled.into_iter().chain(linked) {
        line(out, Some(label), old(field), &value(v), Some(field));
    }
    out.push_str("</address>\n</section>\n");
}

/// A redline's box: what changed, in counts and fields old → new, and how to read the marks.
/// Its words are the template's labels, in their language (`changes_lang`), as in the PDF;
/// the legend says how this page marks changes (text22a R22-6: it was English or Japanese;
/// text23 F23-5: a template's own legend was not used).
fn summary_box(out: &mut String, r: &Redline, since: &str, labels: &crate::theme::Labels, page_lang: &str) {
    let marks = Marks::of(labels);
    let lang = if labels.changes_lang.is_empty() { page_lang } else { labels.changes_lang.as_str() };
    out.push_str("<section class=\"box\" aria-labelledby=\"changes\"");
    if lang != page_lang {
        let _ = write!(out, " lang=\"{}\"", escape(lang));
    }
    out.push_str(">\n<h2 id=\"changes\">");
    text_into(out, &labels.changes_since.replace("{since}", since), lang);
    out.push_str("</h2>\n");
    if r.stat.is_empty() {
        out.push_str("<p>");
        text_into(out, &labels.no_changes, lang);
        out.push_str("</p>\n</section>\n");
        return;
    }
    out.push_str("<p>");
    text_into(out, &crate::redline::totals(&r.stat, labels), lang);
    out.push_str("</p>\n<ul>\n");
    // A topic's title, in a line about it, is read in the topic's language.
    let in_lang = |out: &mut String, text: &str, own: Option<&str>, change: Option<Change>| {
        let own = own.filter(|&l| l != lang);
        if let Some(l) = own {
            let _ = write!(out, "<span lang=\"{}\">", escape(l));
        }
        if let Some(change) = change {
            marks.open(out, change, own.unwrap_or(lang));
        }
        text_into(out, text, own.unwrap_or(lang));
        close_change(out, change);
        if own.is_some() {
            out.push_str("</span>");
        }
    };
    let langs = crate::redline::topic_langs(r);
    for p in &r.parts {
        let line = crate::redline::part_line(p, labels);
        out.push_str("<li>");
        match crate::redline::title_in_line(p, &line, &langs) {
            Some((title, own)) => {
                text_into(out, &line[..title.start], lang);
                in_lang(out, &line[title.clone()], Some(own), None);
                text_into(out, &line[title.end..], lang);
            }
            None => text_into(out, &line, lang),
        }
        out.push_str("</li>\n");
    }
    for f in &r.fields {
        out.push_str("<li>");
        text_into(out, &format!("{}: ", crate::redline::field_name(&f.field, labels)), lang);
        let own = crate::redline::field_lang(&f.field, r);
        // An address leads where it says, as in the contact block, old or new.
        let value = |out: &mut String, text: &str, change| match crate::layout::field_target(&f.field, text) {
            Some(target) => {
                out.push_str("<a href=\"");
                escape_into(out, &target);
                out.push_str("\">");
                in_lang(out, text, own, Some(change));
                out.push_str("</a>");
            }
            None => in_lang(out, text, own, Some(change)),
        };
        if !f.old.is_empty() {
            value(out, &f.old, Change::Deleted);
        }
        // (An arrow between two values only: a field added or removed is its value, marked.)
        if !f.old.is_empty() && !f.new.is_empty() {
            out.push_str(" → ");
        }
        if !f.new.is_empty() {
            value(out, &f.new, Change::Inserted);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n<p>");
    text_into(out, &labels.changes_legend_web, lang);
    out.push_str("</p>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::language_name;

    /// The editor names languages as the page's switcher does (its list is in its script).
    #[test]
    fn the_editor_names_every_language_as_the_switcher_does() {
        let script = include_str!("../app/edit/page/editor.js");
        for tag in "en ja bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split(' ') {
            let name = language_name(tag);
            assert_ne!(name, tag, "{tag} has no name");
            assert!(script.contains(&format!("{tag}: \"{name}\"")), "editor.js does not name {tag} {name}");
        }
    }
}
