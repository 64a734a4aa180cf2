//! The text of a user's template that is printed after filling in: the placeholders of the
//! running header and footer (`{page} / {pages}`) and the codes of `date_format` (`%-d %B
//! %Y`). What the code does not fill in would print as typed, braces and percent signs and
//! all, so each such slip is an error at its line.

use super::RawTheme;
use crate::diag::Diagnostic;
use crate::load::{self, Spanned};

/// What a running header or footer line may hold in braces.
pub const RUNNING_PLACEHOLDERS: [&str; 7] = ["title", "short_title", "date", "page", "pages", "page_of", "marking"];

/// The codes `date_format` may hold (see [`crate::layout::format_date`]), with what each prints.
pub const DATE_CODES: [(&str, &str); 8] = [
    ("%Y", "the year"),
    ("%B", "the month's name"),
    ("%b", "the month's first three letters"),
    ("%d", "the day, two digits"),
    ("%-d", "the day"),
    ("%m", "the month, two digits"),
    ("%-m", "the month"),
    ("%%", "a percent sign"),
];

/// The most characters a label or a running line's part may hold, as typed: more than a
/// heading, a link's text or a line at 6 pt shows. A template's words are printed on every
/// page, in every link, with every change of a redline, and their placeholders filled with
/// texts of any length: they are bounded before anything is filled in (text44b F44b-1, F44b-2).
pub const MOST_LABEL_CHARS: usize = 300;
/// The most times a label or a running part may name one placeholder.
pub const MOST_REPEATS: usize = 3;
/// The most characters of the DRAFT label, drawn across every page: a few words fit there.
pub const MOST_DRAFT_CHARS: usize = 60;
/// The most characters of `date_format`: a few dozen codes.
pub const MOST_DATE_FORMAT_CHARS: usize = 100;
/// The most characters of a template's `name`, `description` and `title_block.logo_alt`: a
/// sentence or two. They are never filled in, but each briefing's theme holds them, and a
/// screen reader reads the logo's words out in full (text45b F45b-17: 3 MB of them made a
/// dossier of 1,000 briefings abort for want of memory).
pub const MOST_ABOUT_CHARS: usize = 300;

/// Every label's, running line's and the date format's problem, added to `diags`.
pub(super) fn check(raw: &RawTheme, diags: &mut Vec<Diagnostic>) {
    for (field, text) in raw.labels.as_ref().map(|l| l.texts()).unwrap_or_default() {
        let bound = match field {
            "draft" => Bound::Draft,
            _ => Bound::Label,
        };
        diags.extend(too_much(text, &format!("labels.{field}"), bound));
    }
    for (part, running) in [("header", &raw.header), ("footer", &raw.footer)] {
        let Some(running) = running else { continue };
        for (side, text) in [("left", &running.left), ("center", &running.center), ("right", &running.right)] {
            let path = format!("{part}.{side}");
            let Some(text) = text else { continue };
            match too_much(text, &path, Bound::Running) {
                Some(long) => diags.push(long),
                None => diags.extend(placeholder_problems(text, &path)),
            }
        }
    }
    diags.extend(
        raw.date_format
            .as_ref()
            .and_then(|t| too_much(t, "date_format", Bound::DateFormat).or_else(|| unknown_date_code(t))),
    );
    let alt = raw.title_block.as_ref().and_then(|t| t.logo_alt.as_ref());
    for (path, text, bound) in [
        ("name", raw.name.as_ref(), Bound::About),
        ("description", raw.description.as_ref(), Bound::About),
        ("title_block.logo_alt", alt, Bound::LogoAlt),
    ] {
        diags.extend(text.and_then(|t| too_much(t, path, bound)));
    }
}

/// The words of a user's template that are printed (labels, the DRAFT label, the running
/// header's and footer's parts), each with its field, as typed in `file`: for the check that
/// the template's fonts have every character of them, made once its fonts are read.
pub fn printed(file: &crate::diag::SourceFile) -> Vec<(String, Spanned<String>)> {
    let raw = load::load_detailed::<RawTheme>(file, &crate::load::Limits::default()).value;
    let mut out = Vec::new();
    for (field, text) in raw.labels.as_ref().map(|l| l.texts()).unwrap_or_default() {
        out.push((format!("labels.{field}"), text.clone()));
    }
    for (part, running) in [("header", &raw.header), ("footer", &raw.footer)] {
        let Some(running) = running else { continue };
        for (side, text) in [("left", &running.left), ("center", &running.center), ("right", &running.right)] {
            if let Some(text) = text {
                out.push((format!("{part}.{side}"), text.clone()));
            }
        }
    }
    out
}

/// What a text of a template is, for its bound.
#[derive(Clone, Copy)]
enum Bound {
    Label,
    Draft,
    Running,
    DateFormat,
    About,
    LogoAlt,
}

/// A text longer than its [`Bound`] allows, or one that names a placeholder more than
/// [`MOST_REPEATS`] times.
fn too_much(text: &Spanned<String>, path: &str, bound: Bound) -> Option<Diagnostic> {
    let (most, what, help) = match bound {
        Bound::Label => (MOST_LABEL_CHARS, "a label prints as a heading, a link's text or a line", "shorten it"),
        Bound::Draft => (
            MOST_DRAFT_CHARS,
            "the DRAFT label is drawn across every page, where a few words fit",
            "a word or two, such as `DRAFT`",
        ),
        Bound::Running => (
            MOST_LABEL_CHARS,
            "a running line is one line, which at 6 pt shows a few hundred",
            "shorten it; a long title is cut short to fit the line",
        ),
        Bound::DateFormat => {
            (MOST_DATE_FORMAT_CHARS, "a date is a few dozen codes and words", "`%-d %B %Y` prints 6 October 2020")
        }
        Bound::About => {
            (MOST_ABOUT_CHARS, "a template's name or description says what it is in a line or two", "shorten it")
        }
        Bound::LogoAlt => (
            MOST_ABOUT_CHARS,
            "a screen reader reads what the logo shows out in full, where a few words name it",
            "name what the logo shows, such as `Logo of the Ministry of Foreign Affairs`",
        ),
    };
    let problem = |message: String, help: String| Some(Diagnostic::new(Some(text.span), path, message).with_help(help));
    let length = text.value.chars().count();
    if length > most {
        return problem(format!("this is {length} characters long: {what}, and it may be at most {most}"), help.into());
    }
    if matches!(bound, Bound::DateFormat | Bound::About | Bound::LogoAlt) {
        return None;
    }
    let mut named: Vec<(&str, usize)> = Vec::new();
    for (name, _) in text.value.split('{').skip(1).filter_map(|s| s.split_once('}')) {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        match named.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => named.push((name, 1)),
        }
    }
    let (name, count) = named.into_iter().find(|&(_, count)| count > MOST_REPEATS)?;
    problem(
        format!(
            "`{{{name}}}` is named {count} times: it is filled with a text of any length, and may be named at most {MOST_REPEATS} times"
        ),
        format!("name `{{{name}}}` once"),
    )
}

/// Every problem with the braces of a running line: a `{name}` that is none of
/// [`RUNNING_PLACEHOLDERS`] (`{short_titel}`), a `{` never closed (`{pages`), a `}` with no
/// `{`. Each would print as typed. (Braces around anything but a word, `{x-y}`, are text.)
fn placeholder_problems(text: &Spanned<String>, path: &str) -> Vec<Diagnostic> {
    let list = RUNNING_PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ");
    let mut found = Vec::new();
    let mut problem =
        |message: String, help: String| found.push(Diagnostic::new(Some(text.span), path, message).with_help(help));
    // Every slip of the line at once (text47a F47a-18: `{titel}` and `{Page}` in one line were
    // told one a run).
    let mut rest = text.value.as_str();
    loop {
        let open = rest.find('{');
        if let Some(close) = rest[..open.unwrap_or(rest.len())].find('}') {
            let before = &rest[..close];
            let word: String = before.chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let word: String = word.chars().rev().collect();
            let help = match RUNNING_PLACEHOLDERS.contains(&word.as_str()) {
                true => format!("write `{{{word}}}`"),
                false => format!("a placeholder is a name in braces: {list}"),
            };
            problem("this `}` has no `{` before it, so it prints as typed".to_string(), help);
            rest = &rest[close + 1..];
            continue;
        }
        let Some(open) = open else { break };
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            let word: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let help = match load::suggest(&word, &RUNNING_PLACEHOLDERS) {
                Some(name) if !word.is_empty() => format!("write `{{{name}}}`"),
                _ => format!("close it with `}}`; a running line may hold {list}"),
            };
            let shown: String = rest[open..].chars().take(20).collect();
            problem(format!("this `{{` is never closed, so `{shown}` prints as typed"), help);
            break;
        };
        let typed = &after[..close];
        // (`{ page }`, as Jinja and Handlebars write one: printed as typed, without a word;
        // text47a F47a-18.)
        let name = typed.trim();
        let word = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if word && name != typed {
            let help = match load::suggest(name, &RUNNING_PLACEHOLDERS) {
                Some(best) => format!("write `{{{best}}}`, without spaces inside the braces"),
                None => format!("a running line may hold {list}"),
            };
            problem(format!("`{{{typed}}}` has spaces inside its braces, so it prints as typed"), help);
        } else if word && !RUNNING_PLACEHOLDERS.contains(&name) {
            let message = match load::suggest(name, &RUNNING_PLACEHOLDERS) {
                Some(best) => format!("unknown placeholder `{{{name}}}`, did you mean `{{{best}}}`?"),
                None => format!("unknown placeholder `{{{name}}}`"),
            };
            problem(message, format!("a running line may hold {list}"));
        }
        rest = &after[close + 1..];
    }
    found
}

/// A `%` code of `date_format` that is none of [`DATE_CODES`] (`%A`, `%e`): it would print
/// as typed.
fn unknown_date_code(format: &Spanned<String>) -> Option<Diagnostic> {
    let mut rest = format.value.as_str();
    while let Some(at) = rest.find('%') {
        let after = &rest[at + 1..];
        let dash = usize::from(after.starts_with('-'));
        let next = after[dash..].chars().next().map_or(0, char::len_utf8);
        let code = &rest[at..at + 1 + dash + next];
        if !DATE_CODES.iter().any(|(c, _)| *c == code) {
            let message = match code {
                "%" | "%-" => "a `%` with no code after it prints as typed".to_string(),
                _ => format!("`{code}` is not a date code briefing knows, so it prints as typed"),
            };
            let known: Vec<String> = DATE_CODES.iter().map(|(c, what)| format!("`{c}` {what}")).collect();
            let help = format!("the codes are: {}", known.join("; "));
            return Some(Diagnostic::new(Some(format.span), "date_format", message).with_help(help));
        }
        rest = &rest[at + code.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    /// Each problem of a template as `path: message | help`.
    fn problems(text: &str) -> Vec<String> {
        let (_, problems) = crate::theme::user_problems(text);
        problems.iter().map(|d| format!("{}: {} | {}", d.path, d.message, d.help.as_deref().unwrap_or(""))).collect()
    }

    #[test]
    fn a_brace_left_open_or_unopened_in_a_running_line_is_an_error() {
        assert_eq!(
            problems("footer: { right: \"{page} / {pages\" }\n"),
            ["footer.right: this `{` is never closed, so `{pages` prints as typed | write `{pages}`"]
        );
        assert_eq!(
            problems("header: { left: \"{title} | page}\" }\n"),
            ["header.left: this `}` has no `{` before it, so it prints as typed | write `{page}`"]
        );
        let p = problems("header: { center: \"{ \" }\n");
        assert!(
            p[0].starts_with("header.center: this `{` is never closed, so `{ ` prints as typed | close it"),
            "{p:?}"
        );
        // text47a F47a-18: `{ page }` printed as typed, without a word; two slips in one line
        // were told one a run.
        assert_eq!(
            problems("footer: { center: \"{ page }\" }\n"),
            ["footer.center: `{ page }` has spaces inside its braces, so it prints as typed | write `{page}`, without spaces inside the braces"]
        );
        let p = problems("footer: { left: \"{titel} {Page}\" }\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("`{titel}`, did you mean `{title}`?") && p[1].contains("`{Page}`"), "{p:?}");
        // Braces around other text are text; every placeholder is filled.
        assert_eq!(problems("header: { center: \"{title} {x-y} {page_of}\" }\n"), Vec::<String>::new());
    }

    #[test]
    fn a_date_code_the_date_format_cannot_fill_is_an_error_naming_the_ones_it_can() {
        let p = problems("date_format: \"%-d %B %Y, %A\"\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("date_format: `%A` is not a date code briefing knows, so it prints as typed | the codes are: `%Y` the year; `%B`"), "{p:?}");
        assert!(p[0].ends_with("`%%` a percent sign"), "{p:?}");
        assert_eq!(problems("date_format: \"100%\"\n").len(), 1);
        assert_eq!(problems("date_format: \"%Y年%-m月%-d日 (%%)\"\n"), Vec::<String>::new());
    }

    #[test]
    fn a_label_a_running_part_or_a_date_format_is_bounded_before_it_is_filled_in() {
        // text44b F44b-2: `pdf_link: "{title}" × 100,000` aborted a build for want of 2.9 GB,
        // `topic_part` made a 3,809-page redline, month names of 100,000 letters and `%B` ×
        // 10,000 a billion-byte date; F44b-1: a running line of 700 KB was fitted on each page
        // and a DRAFT label of 60 KB drawn whole on each.
        let long = "{title}".repeat(100_000);
        assert_eq!(
            problems(&format!("labels:\n  pdf_link: \"{long}\"\n")),
            ["labels.pdf_link: this is 700000 characters long: a label prints as a heading, a link's text or a line, and it may be at most 300 | shorten it"]
        );
        assert_eq!(
            problems("labels: { topic_part: \"{title} {title} {title} {title}\", changes_since: \"{since}\" }\n"),
            ["labels.topic_part: `{title}` is named 4 times: it is filled with a text of any length, and may be named at most 3 times | name `{title}` once"]
        );
        let p = problems(&format!("labels: {{ draft: \"{}\" }}\n", "DRAFT ".repeat(11)));
        assert_eq!(p, ["labels.draft: this is 66 characters long: the DRAFT label is drawn across every page, where a few words fit, and it may be at most 60 | a word or two, such as `DRAFT`"]);
        let p = problems(&format!(
            "footer: {{ left: \"{}\", right: \"{}\" }}\n",
            "abcdefg".repeat(50),
            "{title}".repeat(4)
        ));
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("footer.left: this is 350 characters long: a running line is one line"), "{p:?}");
        assert!(p[1].starts_with("footer.right: `{title}` is named 4 times"), "{p:?}");
        let p = problems(&format!("date_format: \"{}\"\n", "%B".repeat(51)));
        assert_eq!(p, ["date_format: this is 102 characters long: a date is a few dozen codes and words, and it may be at most 100 | `%-d %B %Y` prints 6 October 2020"]);
        let months = format!("months: [{}, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]\n", "M".repeat(41));
        assert_eq!(
            problems(&months),
            ["months: the month name \"MMMMMMMMMMMMMMMMMMMM…\" is 41 characters long: a month's name may be at most 40 | "]
        );
        // Up to the bounds, and Japanese counted by its characters, not bytes.
        let ok = format!(
            "labels: {{ pdf_link: \"{}\", draft: \"{}\", topic_part: \"{{title}}, {{title}}, {{title}}\" }}\nfooter: {{ left: \"{}\" }}\n",
            "a".repeat(300),
            "案".repeat(60),
            "{short_title} · ".repeat(3)
        );
        assert_eq!(problems(&ok), Vec::<String>::new());
    }

    #[test]
    fn a_templates_name_description_and_logo_words_are_bounded_at_their_field() {
        // text45b F45b-17: a `logo_alt` of 3 MB (and a `name` and `description` of 2 MB each)
        // was held by each briefing's theme of a dossier: 1 GB for 300 briefings.
        let long = "Logo of the ministry ".repeat(20);
        let p =
            problems(&format!("name: \"{long}\"\ndescription: \"{long}\"\ntitle_block: {{ logo_alt: \"{long}\" }}\n"));
        assert_eq!(
            p,
            [
                "name: this is 420 characters long: a template's name or description says what it is in a line or two, and it may be at most 300 | shorten it",
                "description: this is 420 characters long: a template's name or description says what it is in a line or two, and it may be at most 300 | shorten it",
                "title_block.logo_alt: this is 420 characters long: a screen reader reads what the logo shows out in full, where a few words name it, and it may be at most 300 | name what the logo shows, such as `Logo of the Ministry of Foreign Affairs`",
            ]
        );
        let ok = format!("name: \"{{title}}{0}\"\ntitle_block: {{ logo_alt: \"{0}\" }}\n", "省".repeat(290));
        assert_eq!(problems(&ok), Vec::<String>::new());
    }

    /// Every built-in template and language patch is within the bounds of a user's.
    #[test]
    fn the_built_in_words_are_within_the_bounds() {
        for b in crate::theme::BUILTIN.iter().chain(crate::theme::LANGUAGES) {
            let file = crate::diag::SourceFile::new(b.name, b.source);
            let (raw, diags) = crate::load::load::<crate::theme::RawTheme>(&file, &crate::load::Limits::default());
            assert!(diags.is_empty(), "{}: {diags:?}", b.name);
            let mut problems = Vec::new();
            super::check(&raw, &mut problems);
            assert!(problems.is_empty(), "{}: {problems:?}", b.name);
        }
    }

    /// Every code the check lets through is filled in, and what it rejects is printed as typed.
    #[test]
    fn the_date_codes_are_the_ones_format_date_fills() {
        let date = crate::model::Date::new(2026, 1, 5).unwrap();
        for (code, _) in super::DATE_CODES {
            let out = crate::layout::format_date(date, code, &[]);
            assert!(if code == "%%" { out == "%" } else { !out.contains('%') }, "{code}: {out}");
        }
        assert_eq!(crate::layout::format_date(date, "%A", &[]), "%A");
    }
}
