//! What the terminal is shown. Messages name files, and a file's name may hold what a
//! terminal obeys rather than shows (an escape sequence that recolours it or sets its title,
//! a bell, a carriage return that hides what came before, a bidirectional override that
//! reorders it): such characters are shown escaped, as `\u{1b}`, wherever a message goes to
//! standard error. A briefing's own text cannot hold them (the loader refuses them).

use crate::shown::Show;
use std::borrow::Cow;
use std::path::Path;

/// `text` with every character a terminal would act on written as its escape, line breaks
/// and tabs kept.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acted_on) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if acted_on(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect())
}

/// Whether a terminal acts on `c` instead of showing it.
pub(crate) fn acted_on(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || crate::script::is_direction_mark(c)
}

/// `eprintln!`, with [`safe`] text; standard error closed (`2>&1 | head -1`) is no reason to
/// stop, let alone to panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{}", $crate::app::say::safe(&format!($($arg)*)));
    }};
}

/// `eprint!`, as [`say`].
macro_rules! say_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), "{}", $crate::app::say::safe(&format!($($arg)*)));
    }};
}

/// Writes `text` to standard output: what a command was asked to print (`diff --stat`,
/// `templates`). A reader that stops early (`| head -1`) closes the pipe; the rest is not
/// wanted, and the command ends as it would have, not with a panic.
pub fn print(text: &[u8]) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text).and_then(|()| out.flush());
}

/// `warning: OUTPUT: WARNING`, a line for each of `warnings`, what the layout warns of in the
/// file `output`: `build`, `bundle` and `diff` say them alike.
pub fn warnings_of<'a>(output: &'a Path, warnings: &'a [String]) -> impl Iterator<Item = String> + 'a {
    warnings.iter().map(move |w| format!("warning: {}: {w}", output.shown()))
}

pub(crate) use {say, say_part};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_terminal_obeys_is_shown_escaped() {
        assert_eq!(safe("wrote a.pdf\n\tb"), "wrote a.pdf\n\tb");
        assert!(matches!(safe("plain"), Cow::Borrowed(_)));
        assert_eq!(safe("evil\u{1b}[31mred.pdf"), "evil\\u{1b}[31mred.pdf");
        assert_eq!(safe("a\u{7}b\rc\u{9b}d"), "a\\u{7}b\\u{d}c\\u{9b}d");
        assert_eq!(safe("\u{202E}fdp.exe"), "\\u{202e}fdp.exe");
        // The Arabic letter mark reorders what follows it as the other marks do.
        assert_eq!(safe("a\u{061C}b.pdf"), "a\\u{61c}b.pdf");
        assert_eq!(safe("資料.pdf"), "資料.pdf");
    }
}
