//! Text into HTML: escaping, the language of Japanese runs inside other text, Markdown inlines
//! (emphasis, code, links, a redline's marks) and blocks (paragraphs, lists, tables, quotes,
//! code) as their HTML elements. Nothing the model holds is left out.

use std::fmt::Write as _;

use crate::markdown::{Align, Block, Change, Inline, Quoted, Quoting};
use crate::script::{is_japanese, is_japanese_in, primary_language};

/// Writes `s` escaped for text and for attribute values in double quotes (`&`, `<`, `>`,
/// `"`, `'`). Control characters never get this far: validation refuses them. The invisible
/// controls of text direction (embeddings, overrides, isolates) are left out, as the PDF
/// leaves them out: a browser would reorder the text around them, and the page show
/// `EUR 100 000` where the PDF, the page images and the YAML read `EUR 000 001` (text40b
/// F40b-14).
pub fn escape_into(out: &mut String, s: &str) {
    // (And the marks, U+200E, U+200F, U+061C: one moves the digits around it too, text41a
    // F41a-16.)
    let is_direction = crate::script::is_direction_mark;
    // Writing to a String does not fail.
    if s.contains(is_direction) {
        let kept: String = s.chars().filter(|&c| !is_direction(c)).collect();
        let _ = pulldown_cmark_escape::escape_html(out, &kept);
    } else {
        let _ = pulldown_cmark_escape::escape_html(out, s);
    }
}

/// Writes text escaped, each stretch the PDF keeps on one line in a `.nw` span that the browser
/// does not break either (text46a F46a-2, F46a-3, F46a-16: `Ｒ＆Ｄ`, `EUR 5`, `5 %`; see
/// [`crate::layout::text::kept_whole`]), and each run of two spaces or more as
/// [`runs_of_spaces_into`] writes it.
fn spaces_into(out: &mut String, s: &str) {
    let mut at = 0;
    for kept in crate::layout::text::kept_whole(s) {
        runs_of_spaces_into(out, &s[at..kept.start]);
        out.push_str("<span class=\"nw\">");
        runs_of_spaces_into(out, &s[kept.clone()]);
        out.push_str("</span>");
        at = kept.end;
    }
    runs_of_spaces_into(out, &s[at..]);
}

/// Writes text escaped, each run of two spaces or more in a `.ws` span that keeps them: a
/// browser shows one space for several, where the PDF shows them as typed (text40b F40b-1:
/// `Jean-Luc  Picard`, `ls   -l` in code).
fn runs_of_spaces_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest.find("  ") {
        let end = at + rest[at..].len() - rest[at..].trim_start_matches(' ').len();
        escape_into(out, &rest[..at]);
        out.push_str("<span class=\"ws\">");
        out.push_str(&rest[at..end]);
        out.push_str("</span>");
        rest = &rest[end..];
    }
    escape_into(out, rest);
}

/// `s` escaped (see [`escape_into`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Writes the text of an element whose language is `lang`: escaped, with each run of
/// Japanese characters inside text in another language marked `lang="ja"` (WCAG 3.1.2), and
/// line breaks as `<br>`.
pub fn text_into(out: &mut String, s: &str, lang: &str) {
    marked_into(out, s, lang, "<br>");
}

/// Writes the text of a code block (in a `pre`): as [`text_into`], its line breaks as typed.
fn code_into(out: &mut String, s: &str, lang: &str) {
    marked_into(out, s, lang, "\n");
}

/// Text with its Japanese runs marked, each line break written as `line_break`.
fn marked_into(out: &mut String, s: &str, lang: &str, line_break: &str) {
    let japanese_page = primary_language(lang) == "ja";
    let mut rest = s;
    while !rest.is_empty() {
        let (cut, japanese) = if japanese_page {
            (rest.len(), false)
        } else {
            match rest.char_indices().find(|&(_, c)| is_japanese_in(c, lang)) {
                Some((0, _)) => {
                    // A Japanese run: its characters, and spaces and Latin punctuation
                    // between two of them.
                    let end = japanese_run_end(rest);
                    (end, true)
                }
                Some((i, _)) => (i, false),
                None => (rest.len(), false),
            }
        };
        let (piece, tail) = rest.split_at(cut);
        if japanese {
            out.push_str("<span lang=\"ja\">");
        }
        for (i, line) in piece.split('\n').enumerate() {
            if i > 0 {
                out.push_str(line_break);
            }
            // (In a `pre`, spaces show as typed.)
            if line_break == "\n" {
                escape_into(out, line);
            } else {
                spaces_into(out, line);
            }
        }
        if japanese {
            out.push_str("</span>");
        }
        rest = tail;
    }
}

/// Where the run of Japanese at the start of `s` ends (a byte index after its last Japanese
/// character).
fn japanese_run_end(s: &str) -> usize {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if is_japanese(c) {
            end = i + c.len_utf8();
        } else if !(c == ' ' || c.is_ascii_digit()) {
            break;
        }
    }
    end
}

/// How a redline's marks read out: the words a screen reader says before a change.
#[derive(Debug, Clone, Copy)]
pub struct Marks<'a> {
    pub inserted: &'a str,
    pub deleted: &'a str,
    /// Said after those words where a space alone changed ("Deleted: space").
    pub space: &'a str,
    /// The language the words are in.
    pub lang: &'a str,
}

impl<'a> Marks<'a> {
    /// The template's words, the same as the PDF's change spans say.
    pub fn of(labels: &'a crate::theme::Labels) -> Marks<'a> {
        Marks {
            inserted: labels.inserted_text.trim_end(),
            deleted: labels.deleted_text.trim_end(),
            space: labels.space_text.trim(),
            lang: &labels.changes_lang,
        }
    }

    /// Opens a change's element, `<ins>` or `<del>`, and writes its words for a screen reader,
    /// hidden, marked with their language when the text around them (whose language is
    /// `lang`) is in another, so that a Greek paragraph's "Inserted:" is read in English.
    pub fn open(&self, out: &mut String, change: Change, lang: &str) {
        self.open_in(out, change, lang, None, Say::Change);
    }

    /// [`Marks::open`] for changed text in language `own`, where it is not the text around
    /// it (deleted text of a paragraph translated since), with its words for a screen reader
    /// or without (`say`: the same change going on past a link's edge is one change).
    pub fn open_in(&self, out: &mut String, change: Change, around: &str, own: Option<&str>, say: Say) {
        let (tag, words) = match change {
            Change::Inserted => ("ins", self.inserted),
            Change::Deleted => ("del", self.deleted),
        };
        let own = own.filter(|&l| l != crate::script::primary_language(around));
        let _ = write!(out, "<{tag}");
        if let Some(own) = own {
            let _ = write!(out, " lang=\"{}\"", escape(own));
        }
        out.push('>');
        if say == Say::Nothing {
            return;
        }
        out.push_str("<span class=\"vh\"");
        let lang = own.unwrap_or(around);
        if !self.lang.is_empty() && self.lang != lang {
            let _ = write!(out, " lang=\"{}\"", escape(self.lang));
        }
        let _ = write!(out, ">{} ", escape(words));
        if say == Say::Space {
            let _ = write!(out, "{} ", escape(self.space));
        }
        out.push_str("</span>");
    }
}

/// What a change's element says before its text: nothing (it goes on from before a link's
/// edge), that it is inserted or deleted, or that a space alone is ("Deleted: space").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Say {
    Nothing,
    Change,
    Space,
}

/// Writes inlines: runs that share a link are one `<a>`; emphasis, strong, code and a
/// redline's marks are their elements.
pub fn inlines_into(out: &mut String, inlines: &[Inline], lang: &str, marks: &Marks<'_>) {
    let mut open_link: Option<&str> = None;
    let mut open_change: Option<Change> = None;
    let mut deleted_lang: Option<&str> = None;
    // The change whose label was read last, in the stretch of it open.
    let mut labelled: Option<Change> = None;
    // Quotations in another language (in a redline's paragraph, the new version's, and the
    // old one's for deleted text).
    let runs: Vec<(&str, Option<Change>)> = inlines.iter().map(|i| (i.text.as_str(), i.change)).collect();
    let quoted = crate::markdown::quoted_languages(&runs, lang);
    let mut quoting = Quoting::default();
    // Deleted text whose own language is clear says it, in a quotation or not.
    let mut deleted_own: Option<&str> = None;
    let mut at = 0;
    for (k, i) in inlines.iter().enumerate() {
        // (A space alone is marked, so that each version reads as typed (`EU and` now
        // `EU—and`), and labelled as a space: "Deleted: space".)
        let change = i.change;
        let blank = i.text.trim().is_empty();
        if open_change.is_some() && open_change != change {
            close_change(out, open_change.take());
        }
        if open_link.is_some() && open_link != i.link.as_deref() {
            close_change(out, open_change.take());
            out.push_str("</a>");
            open_link = None;
        }
        // (A space hidden from screen readers, as the PDF's is an artifact: the gap is neither
        // version's text, but a copy of the page reads the two words apart; text33b.)
        if k > 0 && crate::redline::needs_gap(inlines, k - 1) {
            out.push_str("<span class=\"gap\" aria-hidden=\"true\"> </span>");
        }
        if let (Some(target), None) = (&i.link, open_link) {
            // A change open before the link ends before it and opens again inside it, so that
            // the two nest (`<ins>…</ins><a><ins>…</ins></a>`).
            close_change(out, open_change.take());
            out.push_str("<a href=\"");
            escape_into(out, target);
            out.push_str("\">");
            open_link = Some(target);
        }
        let mut text_lang = lang;
        if open_change.is_none() {
            if let Some(change) = change {
                // One change (inlines in a row) is labelled once, where it starts, however
                // often a link's edge closes and opens it again.
                let starts = labelled != Some(change);
                let spaces = starts && crate::redline::spaces_alone(inlines, k);
                // Deleted text says its language where it is clear (as in the PDF).
                if starts {
                    deleted_own = (change == Change::Deleted && !spaces)
                        .then(|| crate::language::beside(&crate::markdown::deleted_from(inlines, k), lang))
                        .flatten();
                    deleted_lang = deleted_own.filter(|&l| l != crate::script::primary_language(lang));
                }
                let own = deleted_lang.filter(|_| change == Change::Deleted && !blank);
                let say = match (starts, spaces) {
                    (false, _) => Say::Nothing,
                    (true, false) => Say::Change,
                    (true, true) => Say::Space,
                };
                marks.open_in(out, change, lang, own, say);
                open_change = Some(change);
            }
        }
        labelled = change;
        if open_change == Some(Change::Deleted) {
            text_lang = deleted_lang.unwrap_or(lang);
        }
        let tags: Vec<&str> = [(i.strong, "strong"), (i.emphasis, "em"), (i.code, "code")]
            .into_iter()
            .filter_map(|(on, t)| on.then_some(t))
            .collect();
        for t in &tags {
            let _ = write!(out, "<{t}>");
        }
        let own = open_change == Some(Change::Deleted) && deleted_own.is_some();
        if own {
            text_into(out, &i.text, text_lang);
        } else {
            quoted_into(out, &i.text, at, (&quoted, &mut quoting), text_lang);
        }
        at += i.text.len();
        for t in tags.iter().rev() {
            let _ = write!(out, "</{t}>");
        }
    }
    close_change(out, open_change);
    if open_link.is_some() {
        out.push_str("</a>");
    }
}

/// Writes `s`, an inline's text from byte `at` of its paragraph's, as [`text_into`] does, each
/// piece inside one of the paragraph's `quoted` stretches a span in its language (see
/// [`crate::language::quoted_languages`]), a stretch inside another a span inside its span.
fn quoted_into(
    out: &mut String,
    s: &str,
    at: usize,
    (quoted, quoting): (&[(std::ops::Range<usize>, &str)], &mut Quoting),
    lang: &str,
) {
    quoting.walk(quoted, (at, at + s.len()), &mut |q| match q {
        Quoted::Open(k) => {
            let _ = write!(out, "<span lang=\"{}\">", quoted[k].1);
        }
        Quoted::Text(piece, open) => {
            text_into(out, &s[piece.start - at..piece.end - at], open.last().map_or(lang, |&k| quoted[k].1));
        }
        Quoted::Close => out.push_str("</span>"),
    });
}

/// Closes a change's element, `</ins>` or `</del>` (nothing for `None`).
pub(super) fn close_change(out: &mut String, change: Option<Change>) {
    match change {
        Some(Change::Inserted) => out.push_str("</ins>"),
        Some(Change::Deleted) => out.push_str("</del>"),
        None => {}
    }
}

/// Writes Markdown blocks as HTML elements; headings in them go below `under`, the level of
/// the heading the blocks are under (1 for the summary, under the title), keeping their own
/// nesting, as in the PDF.
pub fn blocks_into(out: &mut String, blocks: &[Block], lang: &str, marks: &Marks<'_>, under: u8) {
    let at = Place { lang, marks, under };
    for b in blocks {
        block_into(out, b, &at, 1);
    }
}

/// Where blocks are written: their language, the words for a redline's marks, and the level
/// of the heading they are under.
struct Place<'a> {
    lang: &'a str,
    marks: &'a Marks<'a>,
    under: u8,
}

/// An element's ` lang="…"` when its text, `inlines`, is clearly in another language than
/// `lang` (a paragraph, a tight list item, a table cell; WCAG 3.1.2, as in the PDF), and the
/// language its text is in.
fn own_lang<'a>(inlines: &[Inline], lang: &'a str) -> (String, &'a str) {
    match crate::language::other_than(&crate::markdown::current_text(inlines), lang) {
        Some(other) => (format!(" lang=\"{other}\""), other),
        None => (String::new(), lang),
    }
}

fn block_into(out: &mut String, b: &Block, at: &Place<'_>, depth: usize) {
    let (lang, marks) = (at.lang, at.marks);
    match b {
        Block::Paragraph(i) => {
            let own = own_lang(i, lang);
            let _ = write!(out, "<p{}>", own.0);
            inlines_into(out, i, own.1, marks);
            out.push_str("</p>\n");
        }
        // A heading inside a body: below the heading the body is under (HTML has six levels).
        Block::Heading(level, i) => {
            let h = at.under.saturating_add(*level).clamp(2, 6);
            let own = own_lang(i, lang);
            let _ = write!(out, "<h{h} class=\"in-body\"{}>", own.0);
            inlines_into(out, i, own.1, marks);
            let _ = writeln!(out, "</h{h}>");
        }
        Block::List { start, items, markers, changed } => {
            // (Pros and cons, `+` and `-`: their signs print as typed, as numbers do.)
            let typed = start.is_some() || crate::markdown::signed(markers);
            match start {
                // Numbers print as typed (`07)`), so the list's own numbers are hidden and
                // each item carries its marker.
                Some(n) => {
                    let _ = writeln!(
                        out,
                        "<ol class=\"typed\"{}>",
                        if *n == 1 { String::new() } else { format!(" start=\"{n}\"") }
                    );
                }
                None if typed => {
                    let _ = writeln!(out, "<ul class=\"typed\">");
                }
                None => {
                    let _ = writeln!(out, "<ul class=\"d{}\">", depth.min(2));
                }
            }
            for (k, item) in items.iter().enumerate() {
                // A tight item in another language says so, as a paragraph does.
                let tight = match item.as_slice() {
                    [Block::Paragraph(i)] => Some((i, own_lang(i, lang))),
                    _ => None,
                };
                let attr = tight.as_ref().map_or("", |(_, (attr, _))| attr.as_str());
                // In a redline, the number of an item deleted or inserted, or typed anew, is
                // marked so, and a bullet takes its item's change's colour.
                let change = changed.get(k).copied().flatten();
                let class = match (change, typed) {
                    (Some(Change::Deleted), false) => " class=\"deleted\"",
                    (Some(Change::Inserted), false) => " class=\"inserted\"",
                    _ => "",
                };
                let _ = write!(out, "<li{attr}{class}>");
                if typed {
                    // (A number marked says how, as changed text does: "Deleted: 2.")
                    out.push_str("<span class=\"marker\">");
                    if let Some(change) = change {
                        at.marks.open(out, change, lang);
                    }
                    escape_into(out, markers.get(k).map_or("", String::as_str));
                    close_change(out, change);
                    out.push_str("</span> ");
                }
                // A tight item is one paragraph: its text without a <p>.
                match tight {
                    Some((i, (_, own))) => inlines_into(out, i, own, marks),
                    None => {
                        for inner in item {
                            block_into(out, inner, at, depth + 1);
                        }
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(if start.is_some() { "</ol>\n" } else { "</ul>\n" });
        }
        Block::Table { aligns, header, rows } => {
            // A table wider than a phone scrolls inside its own box, not the page (WCAG
            // 1.4.10); the box can take the keyboard focus to be scrolled.
            let name: Vec<String> = header.iter().map(|c| crate::markdown::plain_text(c)).collect();
            out.push_str("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"");
            escape_into(out, &name.join(", "));
            out.push_str("\">\n<table>\n");
            let align = |k: usize| match aligns.get(k) {
                Some(Align::Center) => " class=\"c\"",
                Some(Align::Right) => " class=\"r\"",
                _ => "",
            };
            if !header.is_empty() {
                out.push_str("<thead><tr>");
                for (k, cell) in header.iter().enumerate() {
                    let own = own_lang(cell, lang);
                    let _ = write!(out, "<th scope=\"col\"{}{}>", align(k), own.0);
                    inlines_into(out, cell, own.1, marks);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n");
            }
            out.push_str("<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (k, cell) in row.iter().enumerate() {
                    let own = own_lang(cell, lang);
                    let _ = write!(out, "<td{}{}>", align(k), own.0);
                    inlines_into(out, cell, own.1, marks);
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</div>\n");
        }
        Block::Quote(inner) => {
            out.push_str("<blockquote>\n");
            for b in inner {
                block_into(out, b, at, depth);
            }
            out.push_str("</blockquote>\n");
        }
        Block::Code(lines) => {
            out.push_str("<pre><code>");
            code_into(out, &lines.join("\n"), at.lang);
            out.push_str("</code></pre>\n");
        }
        Block::MarkedCode(runs) => marked_code_into(out, runs, lang, marks),
        Block::Rule => out.push_str("<hr>\n"),
    }
}

/// A code block whose text changed, in a redline: a `pre` as any code block, its lines and
/// their leading spaces as typed, with what was inserted and deleted marked inside it.
fn marked_code_into(out: &mut String, runs: &[Inline], lang: &str, marks: &Marks<'_>) {
    out.push_str("<pre><code>");
    for (k, run) in runs.iter().enumerate() {
        if k > 0 && crate::redline::needs_gap(runs, k - 1) {
            out.push_str("<span class=\"gap\" aria-hidden=\"true\"> </span>");
        }
        let starts = k == 0 || runs[k - 1].change != run.change;
        if let Some(change) = run.change.filter(|_| starts) {
            let say = if crate::redline::spaces_alone(runs, k) { Say::Space } else { Say::Change };
            marks.open_in(out, change, lang, None, say);
        }
        code_into(out, &run.text, lang);
        if runs.get(k + 1).is_none_or(|next| next.change != run.change) {
            close_change(out, run.change);
        }
    }
    out.push_str("</code></pre>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: Marks<'static> = Marks { inserted: "inserted", deleted: "deleted", space: "space", lang: "en" };

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape(r#"a < b & "c" ]]> 'd'"#), "a &lt; b &amp; &quot;c&quot; ]]&gt; &#39;d&#39;");
    }

    #[test]
    fn japanese_inside_other_text_says_its_language() {
        let mut out = String::new();
        text_into(&mut out, "Japan (日本 国) and EU", "en");
        assert_eq!(out, "Japan (<span lang=\"ja\">日本 国</span>) and EU");
        let mut out = String::new();
        text_into(&mut out, "日本とEU", "ja-JP");
        assert_eq!(out, "日本とEU");
    }

    #[test]
    fn a_paragraph_in_another_language_says_so() {
        let b = crate::markdown::parse(
            "Both sides agreed to continue.\n\n\
             総務省と欧州委員会は、第10回日EU・ICT戦略ワークショップをウェブ会議形式で開催しました。\n\n\
             Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη και οι δύο πλευρές συμφώνησαν.",
        );
        let mut out = String::new();
        blocks_into(&mut out, &b, "en", &MARKS, 3);
        let opened: Vec<&str> = out.lines().map(|l| &l[..l.find('>').map_or(0, |n| n + 1)]).collect();
        assert_eq!(opened, ["<p>", "<p lang=\"ja\">", "<p lang=\"el\">"], "{out}");
        // Inside a Japanese paragraph, Japanese needs no span of its own.
        assert!(!out.contains("<span lang"), "{out}");
    }

    #[test]
    fn runs_of_one_link_are_one_anchor() {
        let b = crate::markdown::parse("See [the *new* page](https://example.org/a?b&c) now.");
        let mut out = String::new();
        blocks_into(&mut out, &b, "en", &MARKS, 3);
        assert_eq!(out.matches("<a ").count(), 1, "{out}");
        assert!(out.contains("href=\"https://example.org/a?b&amp;c\""), "{out}");
        assert!(out.contains("<em>new</em>"), "{out}");
    }

    #[test]
    fn lists_tables_quotes_and_code_are_their_elements() {
        let b = crate::markdown::parse(
            "### Heading\n\n- one\n- two\n\n07) seven\n08) eight\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n> quoted\n\n```\nx < y\n```\n",
        );
        let mut out = String::new();
        blocks_into(&mut out, &b, "en", &MARKS, 3);
        for needle in [
            "<ul class=\"d1\">",
            "<ol class=\"typed\" start=\"7\">",
            "<span class=\"marker\">07)</span>",
            "<th scope=\"col\">a</th>",
            "<td class=\"r\">2</td>",
            "<blockquote>",
            "<pre><code>x &lt; y</code></pre>",
            "<h4 class=\"in-body\">Heading</h4>",
        ] {
            assert!(out.contains(needle), "{needle} missing in {out}");
        }
    }

    /// On a Chinese or Korean page, ideographs are the page's own; only kana is Japanese
    /// (text40b F40b-20: every sentence of a Traditional Chinese page was marked `ja`).
    #[test]
    fn chinese_is_not_taken_for_japanese() {
        let mut zh = String::new();
        text_into(&mut zh, "中華民國與歐盟舉行對話，「ひらがな」", "zh-Hant");
        assert_eq!(zh, "中華民國與歐盟舉行對話，「<span lang=\"ja\">ひらがな」</span>");
        let mut en = String::new();
        text_into(&mut en, "The 中華 talks", "en");
        assert_eq!(en, "The <span lang=\"ja\">中華</span> talks");
    }

    /// Runs of spaces are kept as typed (text40b F40b-1).
    #[test]
    fn runs_of_spaces_are_kept() {
        let mut out = String::new();
        text_into(&mut out, "Jean-Luc  Picard, a <b>   c", "en");
        assert_eq!(out, "Jean-Luc<span class=\"ws\">  </span>Picard, a &lt;b&gt;<span class=\"ws\">   </span>c");
    }

    /// Controls of text direction are left out of the page, as out of the PDF (text40b
    /// F40b-14: the browser showed `EUR 100 000` for `EUR \u{202E}000 001\u{202C}`).
    /// text46a F46a-2, F46a-3, F46a-16: what the PDF keeps on one line, the web page does too.
    #[test]
    fn numbers_with_their_units_and_full_width_words_are_not_broken() {
        let mut out = String::new();
        text_into(&mut out, "Costs of EUR 5 and 5\u{2009}% rose for the 5 topics.", "en");
        text_into(&mut out, "Ｒ＆Ｄと５Gの", "ja");
        for kept in ["EUR 5", "5\u{2009}%", "Ｒ＆Ｄ", "５G"] {
            assert!(out.contains(&format!("<span class=\"nw\">{kept}</span>")), "{kept}: {out}");
        }
        assert!(!out.contains("nw\">5 topics"), "{out}");
    }

    /// text48a F48a-4: an abbreviation and the word after it, a day and its month, an acronym
    /// and its number are kept on one line on the web page as in the PDF.
    #[test]
    fn abbreviations_dates_and_acronyms_are_not_broken() {
        let mut out = String::new();
        text_into(&mut out, "Dr. Ito met Mr. Sato on 12 May 2026 under IEEE 802.11, e.g. the rules.", "en");
        text_into(&mut out, "Es gilt z. B. die Regel am 12. Mai.", "de");
        for kept in ["Dr. Ito", "Mr. Sato", "12 May", "IEEE 802.11,", "e.g. the", "z. B. die", "12. Mai."] {
            assert!(out.contains(&format!("<span class=\"nw\">{kept}</span>")), "{kept}: {out}");
        }
        assert!(!out.contains("nw\">Ito met"), "{out}");
    }

    #[test]
    fn direction_controls_are_left_out() {
        let typed = "EUR \u{202E}000 001\u{202C}, \u{2067}1202\u{2069} and EUR 000\u{200F} 001\u{200E}";
        assert_eq!(escape(typed), "EUR 000 001, 1202 and EUR 000 001");
    }

    /// Japanese in a code block of an English page is marked as Japanese, as in a paragraph,
    /// and the block keeps its line breaks as typed (text38b F38b-4).
    #[test]
    fn japanese_in_a_code_block_says_so() {
        let b = crate::markdown::parse("```\nlet 名前 = 1;\n  x < y\n```\n");
        let mut out = String::new();
        blocks_into(&mut out, &b, "en", &MARKS, 3);
        assert!(out.contains("<pre><code>let <span lang=\"ja\">名前</span> = 1;\n  x &lt; y</code></pre>"), "{out}");
        let mut ja = String::new();
        blocks_into(&mut ja, &b, "ja", &MARKS, 3);
        assert!(ja.contains("<pre><code>let 名前 = 1;\n  x &lt; y</code></pre>"), "{ja}");
    }

    #[test]
    fn changes_are_ins_and_del_with_words_for_screen_readers() {
        let i = vec![
            Inline { text: "old".into(), change: Some(Change::Deleted), ..Default::default() },
            Inline { text: "new".into(), change: Some(Change::Inserted), ..Default::default() },
        ];
        let mut out = String::new();
        inlines_into(&mut out, &i, "en", &MARKS);
        // (Set apart by a margin, so that the two do not look like one word, and no version
        // reads a space that is not its own.)
        assert_eq!(
            out,
            "<del><span class=\"vh\">deleted </span>old</del><span class=\"gap\" aria-hidden=\"true\"> </span><ins><span class=\"vh\">inserted </span>new</ins>"
        );
        // Japanese is not, written without spaces; Latin words in it are.
        let japanese = |old: &str, new: &str| {
            let ja = vec![
                Inline { text: "会議は".into(), ..Default::default() },
                Inline { text: old.into(), change: Some(Change::Deleted), ..Default::default() },
                Inline { text: new.into(), change: Some(Change::Inserted), ..Default::default() },
                Inline { text: "で".into(), ..Default::default() },
            ];
            let mut out = String::new();
            inlines_into(&mut out, &ja, "ja", &MARKS);
            out
        };
        assert!(japanese("東京", "大阪").contains("東京</del><ins>"));
        assert!(japanese("Brussels", "Tokyo")
            .contains("Brussels</del><span class=\"gap\" aria-hidden=\"true\"> </span><ins>"));
        assert!(
            japanese("２０２５", "２０２６")
                .contains("２０２５</span></del><span class=\"gap\" aria-hidden=\"true\"> </span><ins>"),
            "full-width digits are Latin"
        );
        // A link inside a change, and a change that goes on past a link, nest.
        let linked = vec![
            Inline { text: "new ".into(), change: Some(Change::Inserted), ..Default::default() },
            Inline {
                text: "site".into(),
                change: Some(Change::Inserted),
                link: Some("https://e.org".into()),
                ..Default::default()
            },
            Inline { text: " too".into(), change: Some(Change::Inserted), ..Default::default() },
        ];
        let mut out = String::new();
        inlines_into(&mut out, &linked, "en", &MARKS);
        // (Labelled once: one change, however a link's edges cut it.)
        let ins = "<ins><span class=\"vh\">inserted </span>";
        assert_eq!(out, format!("{ins}new </ins><a href=\"https://e.org\"><ins>site</ins></a><ins> too</ins>"));
        // In text of another language, the words keep theirs.
        let mut out = String::new();
        inlines_into(&mut out, &i[1..], "el", &MARKS);
        assert_eq!(out, "<ins><span class=\"vh\" lang=\"en\">inserted </span>new</ins>");
    }
}
