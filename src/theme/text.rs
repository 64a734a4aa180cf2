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

/// Every running line's and the date format's problem, added to `diags`.
pub(super) fn check(raw: &RawTheme, diags: &mut Vec<Diagnostic>) {
    for (part, running) in [("header", &raw.header), ("footer", &raw.footer)] {
        let Some(running) = running else { continue };
        for (side, text) in [("left", &running.left), ("center", &running.center), ("right", &running.right)] {
            diags.extend(text.as_ref().and_then(|t| placeholder_problem(t, &format!("{part}.{side}"))));
        }
    }
    diags.extend(raw.date_format.as_ref().and_then(unknown_date_code));
}

/// The first problem with the braces of a running line: a `{name}` that is none of
/// [`RUNNING_PLACEHOLDERS`] (`{short_titel}`), a `{` never closed (`{pages`), a `}` with no
/// `{`. Each would print as typed. (Braces around anything but a word, `{x-y}`, are text.)
fn placeholder_problem(text: &Spanned<String>, path: &str) -> Option<Diagnostic> {
    let list = RUNNING_PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ");
    let problem = |message: String, help: String| Some(Diagnostic::new(Some(text.span), path, message).with_help(help));
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
            return problem("this `}` has no `{` before it, so it prints as typed".to_string(), help);
        }
        let open = open?;
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            let word: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let help = match load::suggest(&word, &RUNNING_PLACEHOLDERS) {
                Some(name) if !word.is_empty() => format!("write `{{{name}}}`"),
                _ => format!("close it with `}}`; a running line may hold {list}"),
            };
            let shown: String = rest[open..].chars().take(20).collect();
            return problem(format!("this `{{` is never closed, so `{shown}` prints as typed"), help);
        };
        let name = &after[..close];
        let word = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if word && !RUNNING_PLACEHOLDERS.contains(&name) {
            let message = match load::suggest(name, &RUNNING_PLACEHOLDERS) {
                Some(best) => format!("unknown placeholder `{{{name}}}`, did you mean `{{{best}}}`?"),
                None => format!("unknown placeholder `{{{name}}}`"),
            };
            return problem(message, format!("a running line may hold {list}"));
        }
        rest = &after[close + 1..];
    }
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
