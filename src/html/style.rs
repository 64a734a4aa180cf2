//! The page's stylesheet, from the template: its colours, its type sizes (relative to the
//! body, so a reader's own text size scales them all), its family then system faces for
//! Japanese, the Japanese line-breaking rules CSS has, a narrow-screen reflow and print.

use std::fmt::Write as _;

use crate::theme::{Align, JapaneseFace, Rgb, TextStyle, Theme};

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
    let _ = writeln!(
        out,
        "h2.part{{margin-top:{:.2}em}}\n\
         .num{{display:inline-block;min-width:2.2em}}\n\
         .topic>:not(h3){{margin-left:{:.2}rem}}\n\
         ul,ol{{padding-left:{:.2}rem}}\n\
         ul.d2{{list-style-type:\"\\2013  \"}}\n\
         ol.typed{{list-style:none;padding-left:{:.2}rem}}\n\
         ol.typed>li>.marker{{display:inline-block;min-width:1.8em;margin-left:-1.8em}}\n\
         li{{margin:.15em 0}}\n\
         .in-body{{font-size:1rem;font-weight:700;color:inherit;margin:.8em 0 .3em}}\n\
         blockquote{{margin:.5em 0 .5em 1rem;padding-left:.8rem;border-left:3px solid {}}}\n\
         pre{{white-space:pre-wrap;font-family:\"DejaVu Sans Mono\",ui-monospace,Menlo,Consolas,monospace;\
         font-size:.9em;background:#f5f5f5;padding:.5em .75em}}\n\
         code{{font-family:\"DejaVu Sans Mono\",ui-monospace,Menlo,Consolas,monospace;font-size:.92em;\
         white-space:pre-wrap}}\n\
         .ws{{white-space:pre-wrap}}\n\
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
        theme.list_indent.0 / body * 1.4,
        theme.list_indent.0 / body * 1.4,
        theme.list_indent.0 / body * 1.4 + 1.0,
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
    // A phone: topic bodies and lists keep less of their indent.
    out.push_str("@media (max-width:30rem){.topic>:not(h3){margin-left:0}ul,ol{padding-left:1.25rem}}\n");
    // Print: the page as the reader sees it (link addresses are in the text already),
    // without the language switcher, headings kept with what follows.
    out.push_str(
        "@media print{body{max-width:none;padding:0;font-size:10pt}nav.languages{display:none}\
         h2,h3{break-after:avoid}address,tr{break-inside:avoid}.table{overflow:visible}}\n",
    );
    out
}
