//! A `#` glued to text (`#10`, `#1`) where YAML reads a comment: after a value on its line,
//! or on the line below a value, where the writer meant the value's last line. YAML drops
//! either without a word; these rules name it.

use super::lines::{indent, key_of, lead, line_above, line_at, line_start};
use crate::diag::{Diagnostic, Span};

/// ` #10` after a value on its line is a comment to YAML, and the text is dropped without a
/// word (`title: Results of meeting #10` is "Results of meeting"): a `#` glued to what
/// follows it, after a value that ends at `end`, is taken for text the writer meant.
pub(super) fn glued_comment(text: &str, start: usize, end: usize) -> Option<Diagnostic> {
    // (Only what follows the value is read, not the rest of its line: a line of 30,000 flow
    // items took 3 s, text33a F33a-8.)
    let rest = text.get(end..).unwrap_or("");
    let comment = rest.trim_start_matches([' ', '\t']);
    // (After a quoted value or a date, nothing after ` #` could be the value's: the
    // writer closed it, and it is a comment, as YAML reads it; text43a F43a-1: `tel: "+81 …"
    // #main` was refused, with the fix "put the whole value in quotes".)
    let own = text.get(start..end).unwrap_or("");
    let quoted = own.starts_with(['"', '\'']);
    // (But a `#` glued to a number or to more than one word after the closing quote, `tel:
    // "+81 3 1234" #ext 12`, `title: "Item" #5`, is text typed outside the quotes, dropped
    // without a word: text48a F48a-5. A lone word, `#main`, stays a comment.)
    // (Its line is read only where a comment starts, which ends the line: once a line, not once
    // a value; `{x: 1, x: 1, …}` on one 4 MB line took over 60 s reading it for every value.)
    let starts_comment = quoted && comment.starts_with('#') && comment.len() < rest.len();
    let line_rest = if starts_comment { comment.lines().next().unwrap_or("") } else { "" };
    let outside = quoted && line_rest.strip_prefix('#').is_some_and(text_outside_quotes);
    let closed = (quoted && !outside) || is_date(own);
    let (at, after, help) = match comment.strip_prefix('#').filter(|_| comment.len() < rest.len() && !closed) {
        Some(after) if outside => (end + (rest.len() - comment.len()), after, inside_quotes(own, line_rest.trim_end())),
        Some(after) => (
            end + (rest.len() - comment.len()),
            after,
            "YAML drops everything after ` #`: put the whole value in quotes to keep it; for a comment, write a \
             space after `#`"
                .to_string(),
        ),
        // (Only a value that ends its line: not a key, which its value follows.)
        None if comment.is_empty() || comment.starts_with(['\n', '\r']) => {
            let (at, after) = glued_line_below(text, start, end + (rest.len() - comment.len()))?;
            let help = if text[start..].starts_with(['|', '>']) {
                "YAML drops a line that starts with `#` indented less than the block's text: indent it as the \
                 text's other lines to keep it; for a comment, write a space after `#`"
            } else {
                "YAML drops a line that starts with `#`: write the text in quotes, or as a block after `|` with this \
                 line indented as its others, to keep it; for a comment, write a space after `#`"
            };
            (at, after, help.to_string())
        }
        None => return None,
    };
    let word = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
    if word.is_empty() {
        return None;
    }
    let message = format!("`#{word}` is read as a comment, and dropped");
    // (A line indented with a tab, which YAML refuses in text: spaces, then.)
    let tab = text[line_start(text, at)..at].contains('\t').then_some(" (indent with spaces: YAML refuses tabs)");
    let help = format!("{help}{}", tab.unwrap_or(""));
    Some(Diagnostic::new(Some(Span::new(at, at + 1 + word.len())), "", message).with_help(help))
}

/// Whether `comment`, what follows a `#` glued to it after a closing quote, reads as text
/// typed outside the quotes rather than a comment: a number not glued to letters (`#5`,
/// `#ext.13`; not `#draft2`) or more than one word (`#ext 12`, `#more text here`). Kana and
/// kanji are no such letters: Japanese writes a number glued to its words (`#第2回`, the 2nd
/// session, was dropped without a word while `#２回` was named: text49a F49a-7).
fn text_outside_quotes(comment: &str) -> bool {
    let comment = comment.trim_end();
    let mut before = None;
    let number = comment.chars().any(|c| {
        let glued = |b: char| b.is_alphabetic() && !crate::script::is_kana_or_kanji(b);
        let alone = c.is_numeric() && !before.is_some_and(glued);
        before = Some(c);
        alone
    });
    !comment.starts_with([' ', '\t']) && (number || comment.contains(char::is_whitespace))
}

/// The help for `#…` (`comment`, to the line's end) typed after the quoted value `own`: the
/// value with it inside the quotes, when that is short enough to give whole and on one line.
fn inside_quotes(own: &str, comment: &str) -> String {
    let close = own.chars().next().unwrap_or('"');
    let inner = own.get(1..own.len().saturating_sub(1)).unwrap_or("");
    let escaped = match close {
        '"' => comment.replace('\\', "\\\\").replace('"', "\\\""),
        _ => comment.replace('\'', "''"),
    };
    let shown = format!("{close}{inner} {escaped}{close}");
    let whole = !own.contains('\n') && super::around::fits_help(&shown);
    let keep = if whole {
        format!("move it inside the quotes to keep it: {shown}")
    } else {
        "move it inside the quotes, before the closing one, to keep it".to_string()
    };
    format!("YAML drops everything after ` #` past the closing quote: {keep}; for a comment, write a space after `#`")
}

/// ` #2` inside a text that runs on below (`summary: met in room #2 and` / `  agreed.`): the
/// comment ends the text's line, and YAML then refuses the next one, in words of its own
/// (text47a F47a-7: "comment intercepting the multiline text", and no fix). Named as the
/// same slip on one line is, at the `#` (`start`, where YAML reports it), with the fix.
pub(super) fn comment_in_text(text: &str, start: usize) -> Option<Diagnostic> {
    let after = text.get(start..)?.strip_prefix('#')?;
    let word = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
    let (line_at_start, line) = line_at(text, start);
    let key = key_of(line).map(|(key, _, _)| key.trim());
    let how = match key {
        Some(key) => format!("write `{key}: |` alone on its line and the text below it, indented"),
        None => "write the text as a block after `|`, indented".to_string(),
    };
    let shown = if word.is_empty() { "#".to_string() } else { format!("#{word}") };
    let message = format!(
        "`{shown}` is read as a comment, which ends this text: YAML cannot read the line below as its next line"
    );
    let tab = text[line_at_start..start].contains('\t').then_some(" (indent with spaces: YAML refuses tabs)");
    let help = format!(
        "to keep `{shown}` as text, put the whole value in quotes, or {how}; for a comment, end the text before it{}",
        tab.unwrap_or("")
    );
    Some(Diagnostic::new(Some(Span::new(start, start + shown.len())), "", message).with_help(help))
}

/// `2026-05-12`: a value whose text is a date as YAML reads one. (Not a number: `tel: 5253
/// #20` may mean the extension.)
fn is_date(value: &str) -> bool {
    iso_date_parts(value.trim()).is_some()
}

/// The year, month and day of a value of YAML's date shape, `YYYY-MM-DD` (exactly that: ten
/// characters, ASCII digits), whether or not that date exists. The one shape check of the
/// loader (a `#` after such a value is a comment), the model (`Date::parse_iso`) and
/// validation (why a date does not exist).
pub fn iso_date_parts(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
    };
    Some((number(0..4)?, number(5..7)?, number(8..10)?))
}

/// When the plain value starting at `start` and ending its line at `eol` has below it (past
/// blank lines) a line that starts with a `#` glued to text (`  #10 dialogue`), indented
/// further than the value's key (or its item's `- `): meant as the value's last line, which
/// YAML drops as a comment (text35a F35a-1). A `#todo` at the key's column, or below a quoted
/// value, is a comment (text36a F36a-1). Where the `#` is, and what follows it.
fn glued_line_below(text: &str, start: usize, eol: usize) -> Option<(usize, &str)> {
    if text[start..].starts_with(['"', '\'']) {
        return None;
    }
    let (next, line) = text[eol..]
        .split_inclusive('\n')
        .scan(eol, |at, l| {
            let from = *at;
            *at += l.len();
            Some((from, l.trim_end_matches(['\n', '\r'])))
        })
        .skip(1)
        .find(|(_, l)| !l.trim().is_empty())?;
    let after = line.trim_start_matches([' ', '\t']).strip_prefix('#')?;
    // (The key's column, looked for only below a `#` line, every value's end passing here: on
    // the value's line, or the line above when the value starts a line.)
    let (own, first) = line_at(text, start);
    let owner = |l: &str| key_of(l.trim_start()).map_or(indent(l), |(_, offset, _)| indent(l) + offset);
    let column = if text[own..start].trim().is_empty() {
        line_above(text, own).map_or(0, |(_, above)| owner(above))
    } else {
        owner(first)
    };
    // (A tab reaches the next multiple of eight, as a terminal shows it: `<tab>#1 …` below
    // `    body: …` is as deep as it looks; text36a F36a-6.)
    let lead = lead(line);
    let width = line[..lead].chars().fold(0, |w, c| if c == '\t' { w / 8 * 8 + 8 } else { w + 1 });
    (width > column).then(|| (next + lead, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_shape_is_ten_ascii_characters_whether_or_not_the_date_exists() {
        assert_eq!(iso_date_parts("2026-05-12"), Some((2026, 5, 12)));
        assert_eq!(iso_date_parts("2026-13-45"), Some((2026, 13, 45)));
        for not in ["2026-5-12", "2026-05-12 ", "2026/05/12", "２０２６-05-12", "20é6-05-1", "+026-05-12"] {
            assert_eq!(iso_date_parts(not), None, "{not}");
        }
        assert!(is_date(" 2026-05-12 "));
    }
}
