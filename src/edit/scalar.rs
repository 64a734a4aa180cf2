//! Writing a text as a YAML scalar: plain when that reads back as the same text, else quoted,
//! or as a `|` block for several lines; in the old value's style when it can hold the new text.

use super::form::SpecKind;

/// How a scalar was (or is to be) written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    Plain,
    Single,
    Double,
    Literal,
    Folded,
}

impl Written {
    /// The style of the scalar whose text starts with `source` (from its span).
    pub fn of(source: &str) -> Written {
        match source.as_bytes().first() {
            Some(b'\'') => Written::Single,
            Some(b'"') => Written::Double,
            Some(b'|') => Written::Literal,
            Some(b'>') => Written::Folded,
            _ => Written::Plain,
        }
    }
}

/// Where the scalar goes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    /// Inside `{…}` or `[…]`: no block scalars, and `,[]{}` end a plain one.
    pub flow: bool,
    /// The column of the key the value belongs to (block scalars are indented past it).
    pub key_col: usize,
    /// Columns a block scalar's lines are indented by.
    pub indent: usize,
    /// The old value's style (`None` for a new key).
    pub old: Option<Written>,
    pub kind: SpecKind,
}

/// The ways to write `text` in `ctx`, best first. The caller keeps the first that reads back
/// as `text`; the last (double quotes) can hold any text.
pub(super) fn candidates(text: &str, ctx: &Context) -> Vec<String> {
    let mut out = Vec::new();
    let simple = text.chars().all(printable) && !text.contains('\r');
    let multiline = text.contains('\n');
    if simple && !ctx.flow {
        let trailing = text.len() - text.trim_end_matches('\n').len();
        let block_ok = trailing <= 1 && !text.trim().is_empty();
        match ctx.old {
            Some(Written::Folded) if block_ok => out.extend([folded(text, ctx), literal(text, ctx)]),
            Some(Written::Literal) if block_ok => out.push(literal(text, ctx)),
            _ if multiline && block_ok => out.push(literal(text, ctx)),
            _ => {}
        }
    }
    if simple && !multiline {
        match ctx.old {
            Some(Written::Single) => out.push(single(text)),
            Some(Written::Double) => {}
            _ if plain_ok(text, ctx) => out.push(text.to_string()),
            _ if text.contains('"') && !text.contains('\'') => out.push(single(text)),
            _ => {}
        }
    }
    out.push(double(text));
    out
}

/// Characters YAML lets a file hold as they are (the printable set of YAML 1.2, less the
/// byte order mark and the line separators some readers take for line breaks).
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// Whether `text` written plain reads back as the same text, and as text (not a number, a
/// boolean, null or a date, unless it is a date field).
fn plain_ok(text: &str, ctx: &Context) -> bool {
    let Some(first) = text.chars().next() else { return false };
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t', ':']) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.contains('\t') || text.contains(":\t") {
        return false;
    }
    if ctx.flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    match ctx.kind {
        SpecKind::Bool => matches!(text, "true" | "false"),
        SpecKind::Date if looks_like_date(text) => true,
        _ => !reserved(text),
    }
}

/// Text that some YAML reader takes for something else when plain: null, a boolean (YAML 1.1's
/// too), a number, a date.
fn reserved(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if matches!(lower.as_str(), "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n") {
        return true;
    }
    if matches!(lower.trim_start_matches(['+', '-']), ".inf" | ".nan") || lower == ".nan" {
        return true;
    }
    let digits = text.trim_start_matches(['+', '-']);
    let numeric = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits.chars().all(|c| {
            c.is_ascii_hexdigit() || matches!(c, '.' | '_' | 'x' | 'o' | 'X' | 'O' | 'e' | 'E' | '+' | '-' | ':')
        });
    numeric || looks_like_date(text)
}

fn looks_like_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

fn single(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Double quotes, with every character that is not printable, and line breaks, escaped.
pub(super) fn double(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // (U+2028, U+2029 and U+0085 by their numbers, not as `\L`, `\P` and `\N`, which
            // check names: they are a path's letters eaten far more often than meant.)
            c if printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// The block header: `|` or `>`, an indentation indicator when the first line starts with a
/// space, and `-` when the text does not end with a line break.
fn header(style: char, text: &str, ctx: &Context) -> String {
    let first = text.split('\n').find(|l| !l.trim().is_empty()).unwrap_or("");
    let lead_blank = text.split('\n').take_while(|l| l.trim().is_empty()).any(|l| !l.is_empty());
    let indicator = if first.starts_with([' ', '\t']) || lead_blank {
        (ctx.indent - ctx.key_col).to_string()
    } else {
        String::new()
    };
    let chomp = if text.ends_with('\n') { "" } else { "-" };
    format!("{style}{indicator}{chomp}")
}

fn block_lines(lines: &[&str], ctx: &Context) -> String {
    let pad = " ".repeat(ctx.indent);
    lines.iter().map(|l| if l.is_empty() { String::new() } else { format!("{pad}{l}") }).collect::<Vec<_>>().join("\n")
}

/// A `|` block: the lines as they are.
fn literal(text: &str, ctx: &Context) -> String {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').collect();
    format!("{}\n{}", header('|', text, ctx), block_lines(&lines, ctx))
}

/// A `>` block: every line break between two lines gets one more (a folded block reads a lone
/// line break between two lines as a space, and n + 1 of them as n).
fn folded(text: &str, ctx: &Context) -> String {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut lines: Vec<&str> = Vec::new();
    let mut seen_text = false;
    for line in body.split('\n') {
        if !line.is_empty() && seen_text {
            lines.push("");
        }
        seen_text |= !line.is_empty();
        lines.push(line);
    }
    format!("{}\n{}", header('>', text, ctx), block_lines(&lines, ctx))
}
