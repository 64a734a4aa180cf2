//! The page's stylesheet, from the template: its colours, its type sizes (relative to the
//! body, so a reader's own text size scales them all), its family then system faces for
//! Japanese, the Japanese line-breaking rules CSS has, a narrow-screen reflow and print.

use std::fmt::Write as _;

use crate::theme::{Align, JapaneseFace, Rgb, TextStyle, Theme, MIN_INDENTED};

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn align(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    }
}

/// The family a template's font file names (its file name, less the extension), as a CSS
/// string; only letters, digits, spaces and `-` `_` are kept.
fn family_of(path: &str) -> Option<String> {
    let stem = std::path::Path::new(path).file_stem()?.to_string_lossy().into_owned();
    let clean: String = stem.chars().filter(|c| c.is_alphanumeric() || " -_".contains(*c)).collect();
    (!clean.trim().is_empty()).then(|| format!("\"{}\", ", clean.trim()))
}

/// The font stacks: sans (the template's family, then Noto Sans, then Japanese Gothic system
/// faces) and the Japanese running-text stack (Gothic or Mincho, as `japanese_body` says).
fn stacks(theme: &Theme) -> (String, String) {
    let own = family_of(theme.fonts.regular.as_str()).unwrap_or_default();
    let sans = format!(
        "{own}\"Noto Sans\", \"Noto Sans JP\", \"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\", \"Yu Gothic\", \
         YuGothic, Meiryo, \"IPAexGothic\", system-ui, sans-serif"
    );
    let body_ja = match theme.japanese_body {
        JapaneseFace::Gothic => sans.clone(),
        JapaneseFace::Mincho => {
            format!("{own}\"Noto Serif JP\", \"Hiragino Mincho ProN\", \"Yu Mincho\", YuMincho, \"IPAexMincho\", serif")
        }
    };
    (sans, body_ja)
}

/// One role's look: size relative to the body, weight, slant, colour, line height, spacing.
fn role(out: &mut String, selector: &str, s: &TextStyle, body: f32) {
    let _ = writeln!(
        out,
        "{selector}{{font-size:{:.3}rem;font-weight:{};font-style:{};color:{};line-height:{:.2};margin:{:.2}em 0 {:.2}em}}",
        s.size.0 / body,
        if s.bold { 700 } else { 400 },
        if s.italic { "italic" } else { "normal" },
        hex(s.color),
        (s.line_height.0 * 1.2).max(1.2),
        s.space_before.0 / s.size.0,
        s.space_after.0 / s.size.0,
    );
}

/// An indent of `rem` that gives way where it would leave a line of less than the PDF's
/// [`MIN_INDENTED`] characters (and `more` rem that the same box indents besides) of the
/// width it is set in: nested lists and quotes stop moving right there, as in the PDF
/// ([`Flow::inset`]), so every level reflows at 320 px (text45b F45b-15: 32 levels, or a
/// big `list_indent`, scrolled sideways even at 1,100 px).
///
/// [`Flow::inset`]: crate::layout::flow::Flow::inset
fn indent(rem: f32, more: f32) -> String {
    format!("clamp(0px,100% - {MIN_INDENTED}ch{},{rem:.2}rem)", room(more))
}

/// ` - more rem`, or nothing.
fn room(more: f32) -> String {
    if more > 0.0 {
        format!(" - {more:.2}rem")
    } else {
        String::new()
    }
}

/// The indents of a page whose lists step `step` rem: a topic's body (under its number),
/// a list's items, a list numbered as typed (its numbers in the indent, one rem wider) and a
/// quote (1 rem, then its 3 px bar and .8 rem inside).
///
/// A topic's body keeps room for the widest indent of a list or quote directly in it, whose
/// own indent is measured against the same width as that margin. Deep down, a quote's bar
/// stands on the bar of the quote it is in.
fn indents(step: f32) -> (String, String, String, String) {
    (
        indent(step, step + 1.0),
        indent(step, 0.0),
        indent(step + 1.0, 0.0),
        format!("clamp(-.8rem - 3px,100% - {MIN_INDENTED}ch - .8rem - 3px,1rem)"),
    )
}

/// The stylesheet for a page set with `theme`.
pub fn stylesheet(theme: &Theme) -> String {
    let st = &theme.styles;
    let c = &theme.colors;
    let body = st.body.size.0.max(1.0);
    let (sans, body_ja) = stacks(theme);
    let mut out = String::with_capacity(4096);
    let _ = writeln!(
        out,
        "*,*::before,*::after{{box-sizing:border-box}}\n\
         html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}\n\
         body{{margin:0 auto;max-width:48rem;padding:1.5rem 1rem 2rem;font-family:{sans};color:{};background:#fff;\
         overflow-wrap:anywhere}}\n\
         :lang(ja){{line-break:strict}}\n\
         main :lang(ja) p,main :lang(ja) li,main :lang(ja) td,address:lang(ja){{font-family:{body_ja}}}\n\
         h1:lang(ja),h2:lang(ja),h3:lang(ja){{word-break:auto-phrase}}\n\
         a{{color:{}}}\n\
         .vh{{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);\
         white-space:nowrap;border:0;user-select:none}}",
        hex(st.body.color),
        hex(c.link),
    );
    // Where CSS has the JLREQ's spacing rules, they apply; elsewhere they are left out.
    out.push_str(
        "@supports (text-spacing-trim:normal){:lang(ja){text-spacing-trim:normal}}\n\
         @supports (text-autospace:normal){:lang(ja){text-autospace:normal}}\n",
    );
    let tb = &theme.title_block;
    let _ = writeln!(
        out,
        "header.title{{text-align:{};{}padding-bottom:.5rem;margin-bottom:{:.2}rem}}",
        align(tb.align),
        if tb.rule_below { format!("border-bottom:2px solid {};", hex(c.rule)) } else { String::new() },
        tb.space_after.0 / body,
    );
    // The logo as wide as in the PDF, never wider than the screen, aligned as there.
    let margin = match tb.logo_align {
        Align::Left | Align::Justify => "0 auto .75rem 0",
        Align::Center => "0 auto .75rem",
        Align::Right => "0 0 .75rem auto",
    };
    let _ = writeln!(
        out,
        "img.logo{{display:block;width:{:.1}mm;max-width:100%;height:auto;margin:{margin}}}",
        tb.logo_width.0
    );
    role(&mut out, "h1", &st.title, body);
    role(&mut out, ".meta", &st.meta, body);
    let _ = writeln!(out, ".meta.above{{text-align:right}}");
    role(&mut out, ".summary p,.summary li", &st.summary, body);
    role(&mut out, "h2.part", &st.part, body);
    role(&mut out, "h2", &st.heading, body);
    role(&mut out, "h3", &st.subheading, body);
    role(&mut out, "main p,main li,blockquote", &st.body, body);
    role(&mut out, "table", &st.table, body);
    role(&mut out, "address p", &st.contact, body);
    role(&mut out, ".contact-label", &st.contact_label, body);
    let (topic, list, typed, quote) = indents(theme.list_indent.0 / body * 1.4);
    let _ = writeln!(
        out,
        "h2.part{{margin-top:{:.2}em}}\n\
         .num{{display:inline-block;min-width:2.2em}}\n\
         .topic>:not(h3){{margin-left:{topic}}}\n\
         ul,ol{{padding-left:{list}}}\n\
         ul.d2{{list-style-type:\"\\2013  \"}}\n\
         ol.typed,ul.typed{{list-style:none;padding-left:{typed}}}\n\
         ol.typed>li>.marker,ul.typed>li>.marker{{display:inline-block;min-width:1.8em;margin-left:-1.8em}}\n\
         li{{margin:.15em 0}}\n\
         .in-body{{font-size:1rem;font-weight:700;color:inherit;margin:.8em 0 .3em}}\n\
         blockquote{{margin:.5em 0;margin-left:{quote};padding-left:.8rem;border-left:3px solid {}}}\n\
         pre{{white-space:pre-wrap;font-family:\"DejaVu Sans Mono\",ui-monospace,Menlo,Consolas,monospace;\
         font-size:.9em;background:#f5f5f5;padding:.5em .75em}}\n\
         code{{font-family:\"DejaVu Sans Mono\",ui-monospace,Menlo,Consolas,monospace;font-size:.92em;\
         white-space:pre-wrap}}\n\
         .ws{{white-space:pre-wrap}}\n\
         .nw{{white-space:nowrap}}\n\
         .table{{overflow-x:auto;margin:.5em 0 1em}}\n\
         table{{border-collapse:collapse}}\n\
         th,td{{border:1px solid {};padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:break-word}}\n\
         th{{font-weight:700}}\n\
         th.c,td.c{{text-align:center}}th.r,td.r{{text-align:right}}\n\
         ins{{text-decoration:underline double {};color:{};white-space:pre-wrap}}\n\
         del{{text-decoration:line-through 2px;color:{};white-space:pre-wrap}}\n\
         li.inserted::marker{{color:{}}}li.deleted::marker{{color:{}}}\n\
         .contact{{margin-top:2rem}}\n\
         address{{font-style:normal;padding:{:.2}rem 1rem;{}}}\n\
         address p{{margin:0}}\n\
         .flag{{display:inline-block;margin:0 .5rem .5rem 0;padding:.1rem .5rem;border:2px solid {};\
         color:{};font-weight:700;letter-spacing:.05em}}\n\
         .marking{{text-align:center;font-weight:700;color:{};margin:0 0 .5rem}}\n\
         nav.languages ul{{list-style:none;margin:0 0 1rem;padding:0;text-align:right}}\n\
         nav.languages li{{display:inline;margin-left:1em}}\n\
         .box{{border:2px solid {};padding:.5rem 1rem;margin:1rem 0}}\n\
         footer{{margin-top:2rem;padding-top:.5rem;border-top:1px solid {};color:{};font-size:.875rem}}\n\
         footer p{{margin:.3em 0}}",
        st.part.space_before.0 / st.part.size.0,
        hex(c.rule),
        hex(c.table_rule),
        hex(c.inserted),
        hex(c.inserted),
        hex(c.deleted),
        hex(c.inserted),
        hex(c.deleted),
        theme.contact.padding.0 / body,
        match theme.contact.style {
            crate::theme::ContactStyle::Frame => format!("border:1px solid {}", hex(c.frame)),
            crate::theme::ContactStyle::Rule => format!("border-top:1px solid {}", hex(c.frame)),
        },
        hex(c.deleted),
        hex(c.deleted),
        hex(st.running.color),
        hex(c.frame),
        hex(c.rule),
        hex(st.running.color),
    );
    // A phone: topic bodies and lists keep less of their indent, lists numbered as typed
    // too (their class outranks `ul,ol`).
    let _ = writeln!(
        out,
        "@media (max-width:30rem){{.topic>:not(h3){{margin-left:0}}ul,ol{{padding-left:{}}}ol.typed,ul.typed{{padding-left:{}}}}}",
        indent(1.25, 0.0),
        indent(2.25, 0.0),
    );
    // Print: the page as the reader sees it (link addresses are in the text already),
    // without the language switcher, headings kept with what follows.
    out.push_str(
        "@media print{body{max-width:none;padding:0;font-size:10pt}nav.languages{display:none}\
         h2,h3{break-after:avoid}address,tr{break-inside:avoid}.table{overflow:visible}}\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{TemplateRef, BUILTIN};

    /// A rule of a sheet: its media query ("" outside one), selectors and declarations.
    struct Rule {
        media: String,
        selectors: Vec<String>,
        decls: Vec<(String, String)>,
    }

    fn rules(sheet: &str, media: &str, out: &mut Vec<Rule>) {
        let mut rest = sheet;
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            let mut depth = 0;
            let close = open
                + rest[open..]
                    .find(|c| {
                        depth += match c {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .expect("a closed rule");
            let inner = &rest[open + 1..close];
            if prelude.starts_with('@') {
                rules(inner, prelude, out);
            } else {
                out.push(Rule {
                    media: media.to_string(),
                    selectors: prelude.split(',').map(|s| s.trim().to_string()).collect(),
                    decls: inner
                        .split(';')
                        .filter_map(|d| d.split_once(':'))
                        .map(|(p, v)| (p.trim().to_string(), v.trim().to_string()))
                        .collect(),
                });
            }
            rest = &rest[close + 1..];
        }
    }

    /// A length of the sheet in rem, in a box `width` rem wide, where a `0` is `ch` rem wide:
    /// a number with its unit, a sum (`100% - 10ch - 2rem`) or a `clamp()` of those.
    fn rem(value: &str, width: f32, ch: f32) -> f32 {
        if let Some(args) = value.trim().strip_prefix("clamp(").and_then(|v| v.strip_suffix(')')) {
            let a: Vec<f32> = args.split(',').map(|a| rem(a, width, ch)).collect();
            return a[1].min(a[2]).max(a[0]);
        }
        let mut sign = 1.0;
        let mut total = 0.0;
        for term in value.split_whitespace() {
            match term {
                "-" => sign = -1.0,
                "+" => sign = 1.0,
                _ => {
                    let at = term.find(|c: char| c.is_ascii_alphabetic() || c == '%').unwrap_or(term.len());
                    let n: f32 = term[..at].parse().unwrap_or_else(|_| panic!("a length: {term}"));
                    total += sign
                        * n
                        * match &term[at..] {
                            "rem" => 1.0,
                            "px" => 1.0 / 16.0,
                            "%" => width / 100.0,
                            "ch" => ch,
                            "" => 0.0,
                            u => panic!("unit {u}"),
                        };
                    sign = 1.0;
                }
            }
        }
        total
    }

    /// The sheet as a viewport `px` wide applies it.
    struct Page {
        rules: Vec<Rule>,
        phone: bool,
    }

    impl Page {
        /// The left `side` (`margin`, `padding` or `border`) of an element that `selectors`
        /// match, least specific first: the last rule that gives it wins, a phone's after
        /// the others of the same selector.
        fn left(&self, selectors: &[&str], side: &str) -> String {
            let mut found = "0".to_string();
            for selector in selectors {
                let main = self.rules.iter().filter(|r| r.media.is_empty());
                let phone = self.rules.iter().filter(|r| self.phone && r.media == "@media (max-width:30rem)");
                for rule in main.chain(phone).filter(|r| r.selectors.iter().any(|s| s == selector)) {
                    for (p, v) in &rule.decls {
                        if *p == format!("{side}-left") {
                            // (A border's width is its first word.)
                            found = if side == "border" { v.split(' ').next().unwrap_or(v) } else { v }.to_string();
                        } else if *p == side && !v.contains('(') {
                            let v: Vec<&str> = v.split_whitespace().collect();
                            found = v[[0, 1, 1, 3][v.len() - 1]].to_string();
                        }
                    }
                }
            }
            found
        }
    }

    /// Every level of lists and quotes nested 32 deep keeps a line of 10 characters, on a
    /// phone and on a wide screen, with every built-in template and a `list_indent` as big
    /// as the room check lets a template make it, as the PDF's lines do (text45b F45b-15:
    /// 32 levels scrolled sideways at 320 px, and at 1,100 px; `list_indent: 170` left list
    /// items a letter wide).
    #[test]
    fn nested_lists_and_quotes_keep_ten_characters_at_every_width() {
        let mut themes: Vec<Theme> =
            BUILTIN.iter().map(|b| Theme::resolve(TemplateRef::Builtin(b.name)).expect("built in")).collect();
        let mut wide = themes[0].clone();
        wide.list_indent.0 = 170.0;
        themes.push(wide);
        let nests: [&[&str]; 5] =
            [&["ul"], &["ol.typed"], &["blockquote"], &["ul", "blockquote"], &["blockquote", "ol.typed"]];
        for theme in &themes {
            let mut all = Vec::new();
            rules(&stylesheet(theme), "", &mut all);
            let mut page = Page { rules: all, phone: false };
            for px in [320.0_f32, 375.0, 768.0, 1100.0, 1440.0] {
                page.phone = px <= 480.0;
                for ch in [0.5, 0.64] {
                    for nest in nests {
                        // The page's column: `body` is at most 48 rem wide, 1 rem padded.
                        let mut width = px.min(768.0) / 16.0 - 2.0;
                        for level in 0..32 {
                            let kind = nest[level % nest.len()];
                            let mut selectors = match kind {
                                "ol.typed" => vec!["ol", "ol.typed"],
                                other => vec![other],
                            };
                            let (border, padding) = (page.left(&selectors, "border"), page.left(&selectors, "padding"));
                            if level == 0 {
                                selectors.push(".topic>:not(h3)");
                            }
                            let margin = page.left(&selectors, "margin");
                            let text =
                                width - rem(&margin, width, ch) - rem(&border, width, ch) - rem(&padding, width, ch);
                            assert!(
                                text >= MIN_INDENTED * ch - 0.01,
                                "{kind} at level {level} of {nest:?}, {px} px wide, list_indent {}: {text:.2} rem of {width:.2}",
                                theme.list_indent.0
                            );
                            width = text;
                        }
                    }
                }
            }
        }
    }
}
