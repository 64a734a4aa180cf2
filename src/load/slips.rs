//! What a YAML syntax error most likely means. The parser says where it noticed a problem,
//! in its own words ("mapping values are not allowed in this context"); the usual slips of
//! hand-edited YAML are recognised from the text around that place and reported where they
//! were made, with the fix: `key:value` with no space, a key with no colon, a `: ` inside a
//! value, an apostrophe ending single-quoted text, a value starting with `[`, a bracket
//! never closed, a tab.

use super::around::{
    colon_in_value, known_key_without_colon, misindented_text, missing_colon_above, missing_space_above, quoted_pair,
    tab_on_blank_line_above, unclosed_bracket,
};
use super::lines::{
    bare_key, dash_without_space, first_key_left_out, has_content, indent, is_key_line, item_above, item_meant,
    key_deeper_than_above, key_of, key_out_of_list, lead, leading_key, line_above, line_at, line_start, stray_text,
};
use super::quoted::{
    after_closing_quote, ended_early, mark_after_quote, never_closed, open_quote_above_comment, quoted_slip,
    tab_in_quoted, QuotedSlip, CLOSE_IT, LINE_OUT, NEVER_CLOSED,
};
use super::KeySets;
use crate::diag::{Diagnostic, Span};

/// Where to point for the parser's `info` at byte `start`. The scanner reports a tab at the
/// scalar it was reading, or just after one that indents the line; the tab itself is the
/// place.
pub(super) fn place(text: &str, start: usize, info: &str) -> usize {
    if about_a_tab(info) {
        let from = line_start(text, start);
        if let Some(tab) = text[from..start].find('\t').filter(|&t| text[from..from + t].trim().is_empty()) {
            return from + tab;
        }
        if let Some(tab) = text[start..].find('\t') {
            return start + tab;
        }
    }
    start
}

/// Whether the parser's `info` is about a tab (one that starts a block's text among them,
/// which it names at the `|` or `>`).
fn about_a_tab(info: &str) -> bool {
    info.contains("found a tab")
        || info.starts_with("tabs disallowed")
        || info.contains("cannot start with a tab")
        || info == "tab cannot be used as indentation"
}

/// The diagnostic for the parser's `info` at `span`: the slip it most likely is, or the
/// parser's words with what to check.
/// `keys` are those the text is read for, mapping by mapping: a line that starts with one its
/// mapping could hold and has no colon is a key that lost it.
pub(super) fn explain(text: &str, span: Span, info: &str, keys: &KeySets) -> Diagnostic {
    if let Some(d) = slip(text, span, info, keys) {
        return super::quoted::apostrophe_first(text, d);
    }
    let (message, help) = match info {
        "mapping values are not allowed in this context" => (
            info,
            Some("check the indentation of this line against the one above; a value that contains `: ` must be quoted"),
        ),
        "simple key expect ':'" => (
            "expected `:` after a key",
            Some(
                "every line of a mapping is `key: value`; check this line and the one above for a missing colon, \
                 or quote text that is not a key",
            ),
        ),
        "while parsing a block mapping, did not find expected key" => (
            "this line does not line up with the ones above",
            Some("keys of one mapping, and the `- ` of items of one list, start in the same column"),
        ),
        i if about_a_tab(i) => ("a tab where YAML allows only spaces", Some("indent with spaces, not tabs")),
        i if i.contains("invalid Unicode character escape") => (
            super::escape_slips::NOT_A_CHARACTER,
            Some("write the character itself, or `\\U0001F600` with eight digits for one beyond U+FFFF"),
        ),
        i if i.contains("unknown escape") => (
            "an unknown escape in double quotes (a backslash starts one)",
            Some("write `\\\\` for a backslash, or put the text in single quotes"),
        ),
        i if i.contains("quoted scalar") && i.contains("end of stream") => (NEVER_CLOSED, Some(CLOSE_IT)),
        i if i.contains("quoted scalar") => (info, Some("check that this quoted text has its closing quote")),
        _ => (info, None),
    };
    let d = Diagnostic::new(Some(span), "", message);
    super::quoted::apostrophe_first(text, if let Some(help) = help { d.with_help(help) } else { d })
}

/// The slip behind `info` at `span`, when the text around it shows one.
fn slip(text: &str, span: Span, info: &str, keys: &KeySets) -> Option<Diagnostic> {
    let start = span.start;
    if super::escape_slips::is_escape(info) {
        return super::escape_slips::named(text, start);
    }
    let at = |span: Span, message: String, help: String| Some(Diagnostic::new(Some(span), "", message).with_help(help));
    // `title:<tab>Results`: a tab after a key's colon, which the parser does not take for the
    // space (text34a F34a-4).
    if info == "':' must be followed by a valid YAML whitespace" {
        let before = text[..start].trim_end_matches('\t');
        if before.len() < start && before.ends_with(':') {
            let key = before[..before.len() - 1].rsplit([' ', '\n', '-', '{', ',']).next().unwrap_or("");
            let tab = before.len();
            return at(
                Span::new(tab, tab + 1),
                format!("a tab after `{key}:`, where YAML needs a space"),
                format!("type a space after `{key}:`, not a tab"),
            );
        }
    }
    // (A tab that indents a line of a quoted text: how far to indent it instead; text32 F32-5.)
    if info == "tab cannot be used as indentation" {
        if let Some((_, key, _)) = super::quoted::quoted_around(text, start) {
            return Some(tab_in_quoted(start, key));
        }
    }
    // `summary: 'The ministers'` above `  view is clear.'`: the quote at the line's end ended
    // the text (text32 F32-3: "does not line up", the apostrophe never named).
    if info == "while parsing a block mapping, did not find expected key" {
        if let Some((quote, single)) = super::around::quote_that_ended_a_line(text, start) {
            return Some(ended_early(Span::new(quote, quote + 1), single));
        }
        if let Some((hash, key, block)) = super::around::comment_that_ended_text(text, start) {
            let end = hash + line_at(text, hash).1.trim_start().trim_end().len();
            let (message, help) = if block {
                (
                    format!("this `#` line is indented less than the text of `{key}:`, so YAML reads it as a comment that ends the text"),
                    "indent it as the text's lines to keep it as a heading; a comment goes below the text".to_string(),
                )
            } else {
                (
                    format!("YAML reads this `#` line as a comment, which ends the text of `{key}:` here"),
                    format!("write the text as a block after `{key}: |` to keep the line as a heading; a comment goes below the text"),
                )
            };
            return at(Span::new(hash, end), message, help);
        }
    }
    if info == "invalid indentation in quoted scalar" {
        // (At the line indented too little, not the quote; text28 F28-3.)
        return match quoted_slip(text, start)? {
            QuotedSlip::Open { .. } => Some(never_closed(start)),
            QuotedSlip::Out { line, key, .. } => at(
                Span::new(line.start, line.end),
                format!("{LINE_OUT} `{key}:` is indented no further than `{key}`"),
                format!("indent every line of a quoted text further than its key, `{key}`"),
            ),
        };
    }
    let missing_colon = |after: usize, key: &str| Some(missing_colon(after, "", key));
    let no_space_after_dash = |dash: usize| {
        let help = "a list item starts with `- `: a dash, then a space";
        at(Span::new(dash, dash + 1), "no space after `-`".into(), help.into())
    };
    // Whatever the parser tripped on after it, a line that starts with a key its mapping
    // could hold and lost its colon is that slip (`title { en: "…", ja: "…" }`).
    let own = known_key_without_colon(text, line_start(text, start), keys).filter(|&(after, _)| after <= start);
    if let Some((after, key)) = own {
        return missing_colon(after, key);
    }
    // `body:|` or `body:` above text with a colon in it: the lines below read as keys.
    let as_keys = matches!(
        info,
        "simple key expect ':'"
            | "mapping values are not allowed in this context"
            | "while parsing a block mapping, did not find expected key"
            | "while scanning a block scalar, did not find expected comment or line break"
    );
    if let Some(opener) = as_keys.then(|| super::bars::opener_above(text, start, keys)).flatten() {
        return Some(opener.diagnostic());
    }
    if info.starts_with("invalid trailing content after") {
        // `'It's here'` stops right after the apostrophe, `'Ministers' views'` a space later.
        let before = text[..start].trim_end_matches([' ', '\t']);
        // (The caret on the quote that ended the text.)
        let quote = Span::new(before.len().saturating_sub(1), before.len());
        // (A quote in a comment below a text never closed: that text is the slip.)
        if let Some(open) = open_quote_above_comment(text, quote.start) {
            return Some(never_closed(open));
        }
        // (`"合意した"。`: a Japanese mark typed after the closing quote, not an early quote;
        // text36a F36a-9.)
        if let Some(d) = before.ends_with(['\'', '"']).then(|| mark_after_quote(text, quote.end)).flatten() {
            return Some(d);
        }
        if let Some(d) = before.ends_with(['\'', '"']).then(|| after_closing_quote(text, quote)).flatten() {
            return Some(d);
        }
        if before.ends_with(['\'', '"']) {
            return Some(ended_early(quote, before.ends_with('\'')));
        }
    }
    // `{ en: AI: policy, ja: AI }`: a `: ` in a value between braces.
    if info.starts_with("while parsing a flow") && text[start..].starts_with(':') {
        let from = text[..start].rfind([',', '{', '[']).map_or(0, |i| i + 1);
        let entry = &text[from..start];
        // (Within one line: a `: ` on a later line is the next key's, the bracket left open.)
        if let Some((key, value)) = entry.split_once(": ").filter(|_| !entry.contains('\n')) {
            let end = text[start..].find([',', '}', ']', '\n']).map_or(text.len(), |i| start + i);
            let (key, value) = (key.trim(), format!("{}{}", value.trim_start(), text[start..end].trim_end()));
            return at(
                span,
                format!("the value of `{key}` contains `: `"),
                format!("put the value in quotes: {}", quoted_pair(key, &value)),
            );
        }
    }
    // A bracket left open shows up as a flow error at the end of the file, or as bad
    // indentation on the next line; either way the open bracket is the place to look.
    // (Left open by a ` #` on its line that made the rest, its close too, a comment: that.)
    let flow = info.starts_with("while parsing a flow") || info == "invalid indentation in flow construct";
    if let Some(d) = unclosed_bracket(&text[..start]).filter(|_| flow).and_then(|open| comment_in_brackets(text, open))
    {
        return Some(d);
    }
    let unclosed = match info {
        i if i.starts_with("while parsing a flow") => unclosed_bracket(&text[..start]),
        "invalid indentation in flow construct" => unclosed_bracket(text).filter(|&open| open < start),
        // The next key, or a list item, read as more of the open list: an error on a later line
        // than the bracket.
        "illegal placement of ':' indicator"
        | "invalid indentation"
        | "while parsing a node, did not find expected node content"
        | "\"-\" is only valid inside a block" => {
            unclosed_bracket(&text[..start]).filter(|&open| line_start(text, open) < line_start(text, start))
        }
        _ => None,
    };
    // (Closed further on, but a line before that at its key's column or less: that line is the
    // slip; text33a, `topics: [` above `{title: A…},` at the margin.)
    let out = (flow || unclosed.is_some())
        .then(|| unclosed.or_else(|| unclosed_bracket(&text[..start])))
        .flatten()
        .and_then(|open| super::around::flow_line_out(text, open).map(|(line, key, column)| (open, line, key, column)));
    if let Some((open, line, key, column)) = out {
        let close = if text[open..].starts_with('[') { ']' } else { '}' };
        let end = line + line_at(text, line).1.trim_end().len();
        let first = &text[open..open + 1];
        return at(
            Span::new(line + column.min(end - line), end),
            format!("{FLOW_LINE_OUT}{first}…{close}` after `{key}:` is indented no further than `{key}`"),
            format!("indent every line inside `{first}…{close}` further than its key, `{key}`"),
        );
    }
    if let Some(open) = unclosed {
        if let Some(d) = comment_in_brackets(text, open) {
            return Some(d);
        }
        let (close, wide) = if text[open..].starts_with('[') { (']', '］') } else { ('}', '｝') };
        let help = if line_at(text, open).1.contains(wide) {
            format!("the `{wide}` on this line is full-width: type `{close}` with the Japanese input off")
        } else {
            format!("add the `{close}` where it ends; text that starts with `[` or `{{` must be quoted")
        };
        return at(Span::new(open, open + 1), format!("this `{}` is never closed", &text[open..open + 1]), help);
    }
    if let Some(d) = super::starts::bracketed(text, span, info) {
        return Some(d);
    }
    // A tab on a line that looks empty, inside a block's text: YAML ends the block there.
    if let Some(tab) = tab_on_blank_line_above(text, start) {
        return at(
            Span::new(tab, tab + 1),
            "a tab on a line that looks empty ends the text above it".into(),
            "remove the tab: inside a `|` text an empty line holds nothing, or spaces only".into(),
        );
    }
    if let Some(d) = super::starts::reserved(text, start) {
        return Some(d);
    }
    if info == "mapping values are not allowed in this context" {
        if let Some((key, ends)) = super::around::colon_in_wrapped_value(text, start) {
            let message = match ends {
                true => format!("the first line of the value of `{key}` ends with `:`, which YAML reads as a key"),
                false => format!("the value of `{key}` contains `: `"),
            };
            let help =
                format!("write `{key}: |` alone, and the text on the lines below it, indented, to keep every line");
            return at(span, message, help);
        }
        if let Some((key, value)) = colon_in_value(text, start) {
            // (In curly quotes, as Word types `"`: straight ones in their place. The help kept
            // the curly ones, in straight ones, and the curly quotes' own said to replace
            // them: two that disagreed, text48a F48a-20.)
            let trimmed = value.trim();
            let curly = crate::script::curly_pair(trimmed).map(|(open, close)| {
                let inner = &trimmed[open.len_utf8()..trimmed.len() - close.len_utf8()];
                (open, close, inner)
            });
            let (message, help) = match curly.filter(|(open, close, inner)| !inner.contains([*open, *close])) {
                Some((open, close, inner)) => (
                    format!(
                        "the value of `{key}` contains `: `, and is typed in curly quotes `{open}` `{close}`, which \
                         YAML keeps as text"
                    ),
                    format!("put the value in straight quotes, not curly ones: {}", quoted_pair(key, inner)),
                ),
                None => (
                    format!("the value of `{key}` contains `: `"),
                    format!("put the value in quotes: {}", quoted_pair(key, value)),
                ),
            };
            return at(span, message, help);
        }
    }
    // `contact:`, `    the Division`, `  division: …`: a line of text took the block's place.
    if info == "mapping values are not allowed in this context" {
        if let Some((at, holder)) =
            line_above(text, start).and_then(|(at, _)| stray_text(text, at).map(|holder| (at, holder)))
        {
            let (_, line) = line_at(text, at);
            let column = at + indent(line);
            return Some(
                Diagnostic::new(
                    Some(Span::new(column, at + line.trim_end().len())),
                    "",
                    format!("this text is read as the value of `{holder}:`, which then cannot hold the lines below it"),
                )
                .with_help("remove it, or give it a key of its own (`note: …`)"),
            );
        }
    }
    // `contact:`, `division: X` at its column, `  tel: …`: the first key was left out.
    if matches!(
        info,
        "mapping values are not allowed in this context" | "while parsing a block mapping, did not find expected key"
    ) {
        let above = line_above(text, start).map(|(at, _)| at);
        if let Some((holder, at)) = above.and_then(|at| first_key_left_out(text, at, keys).map(|h| (h, at))) {
            let column = at + indent(line_at(text, at).1);
            let level = line_above(text, at + 1).is_some_and(|(_, h)| indent(h) == column - at);
            let (message, help) = if level {
                (
                    format!("this key is indented no further than `{holder}:` above it"),
                    format!("indent it like the keys below it: YAML reads `{holder}:` as empty"),
                )
            } else {
                ("this key is indented less than the keys below it".to_string(), "indent it like them".to_string())
            };
            return Some(Diagnostic::new(Some(Span::new(column, column)), "", message).with_help(help));
        }
    }
    // `title: AI` above `   body: |`: YAML reads the key as more of the title.
    if info == "mapping values are not allowed in this context" {
        // (Unless the line above is `-title: A`, a list's only item that lost its space.)
        let above = line_above(text, start).and_then(|(s, _)| dash_without_space(text, s));
        if let Some(dash) = above {
            return no_space_after_dash(dash);
        }
        if let Some((key, _)) = key_deeper_than_above(text, line_start(text, start)) {
            let (line, content) = line_at(text, start);
            let column = line + indent(content);
            return at(
                Span::new(column, column),
                format!("this key is indented further than `{key}:` above it"),
                format!(
                    "YAML reads it as more of the value of `{key}`; start the keys of one mapping in the same column"
                ),
            );
        }
    }
    // The first key indented further than the ones after it: each of them is read as the
    // start of another document.
    if info == "did not find expected <document start>" {
        let first = text
            .split_inclusive('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, line))
            })
            .find(|(_, line)| has_content(line) && !line.trim().starts_with("---") && !line.trim().starts_with('%'))
            .map(|(start, _)| start);
        let lead_at = |at: usize| lead(&text[at..]);
        if let Some(first) =
            first.filter(|&f| f < line_start(text, start) && lead_at(f) > lead_at(line_start(text, start)))
        {
            let column = first + indent(&text[first..]);
            if text[column..].starts_with('\t') {
                return at(
                    Span::new(column, column + 1),
                    "a tab where YAML allows only spaces".into(),
                    "indent with spaces, not tabs".into(),
                );
            }
            return at(
                Span::new(column, column + 1),
                "this line is indented further than the keys below it".into(),
                "start the keys of the file in the first column".into(),
            );
        }
    }
    // A key alone on the last line, with no colon: the text ends where a value was expected.
    if info == "simple key expected" {
        let line = &text[line_start(text, start)..start.min(text.len())];
        if let Some(key) = bare_key(line) {
            return missing_colon(line_start(text, start) + line.trim_end().len(), key);
        }
    }
    // `division X # note`: the comment ends what YAML reads as one line of text.
    if info == "comment intercepting the multiline text" {
        if let Some((after, key)) = known_key_without_colon(text, line_start(text, start), keys) {
            return missing_colon(after, key);
        }
        if let Some(comment) = super::glued::comment_in_text(text, start) {
            return Some(comment);
        }
    }
    let key_expected = matches!(
        info,
        "mapping values are not allowed in this context"
            | "simple key expect ':'"
            | "while parsing a block collection, did not find expected '-' indicator"
            // The text of a first line that lost its colon was the whole document.
            | "did not find expected <document start>"
    );
    // A line that lost its colon above the next key of its mapping, a comment between them.
    let key_expected = key_expected
        || info == "while parsing a block mapping, did not find expected key"
            && line_above(text, start).is_some_and(|(_, line)| line.trim_start().starts_with('#'));
    if key_expected {
        if let Some((colon, key)) = missing_space_above(text, start) {
            return Some(no_space_after(colon, "", key));
        }
        if let Some((after, key)) = missing_colon_above(text, start, keys) {
            return missing_colon(after, key);
        }
    }
    // `-title: Data`: the space after an item's dash lost (YAML reads a key `-title`).
    if let Some(dash) = dash_without_space(text, start) {
        return no_space_after_dash(dash);
    }
    // A key between two items, less in than their `- `: the list ends at it (and, with its
    // value on its line, the next item reads as more of the key's mapping).
    if matches!(
        info,
        "while parsing a block mapping, did not find expected key" | "mapping values are not allowed in this context"
    ) {
        if let Some((at, key)) = key_out_of_list(text, line_start(text, start)) {
            let column = at + indent(line_at(text, at).1);
            return Some(
                Diagnostic::new(
                    Some(Span::new(column, column)),
                    "",
                    format!("`{key}:` is indented less than the items around it"),
                )
                .with_help("YAML ends the list at it; indent it like the keys of the item it belongs to"),
            );
        }
    }
    // An item further in than the item before it (up to the column of its keys).
    if matches!(
        info,
        "while parsing a block mapping, did not find expected key"
            | "while parsing a block collection, did not find expected '-' indicator"
    ) {
        let (line, content) = line_at(text, start);
        // (Not a block's items that lost their indent: text34a F34a-6.)
        let of_block = || misindented_text(text, start).is_some_and(|(_, _, block, _)| block);
        if content.trim_start_matches(' ').starts_with("- ") && item_meant(text, line).is_some() && !of_block() {
            let dash = line + indent(content);
            return at(
                Span::new(dash, dash + 1),
                "this item is indented further than the one before it".into(),
                "the `- ` of the items of one list start in the same column".into(),
            );
        }
    }
    // A key of an item in the column of the item's `- `: the item indented too far (the next
    // item of the list shows where it belongs), or the key not far enough.
    if info == "while parsing a block collection, did not find expected '-' indicator" {
        let (line, content) = line_at(text, start);
        if let Some(item) = item_above(text, line).filter(|_| is_key_line(content.trim_start_matches(' '))) {
            let (_, item_line) = line_at(text, item);
            let dash = item + indent(item_line);
            if item_meant(text, item).is_some() {
                return at(
                    Span::new(dash, dash + 1),
                    "this item is indented further than the next one of its list".into(),
                    "the `- ` of the items of one list start in the same column".into(),
                );
            }
            let key = key_of(item_line.trim_start_matches(' ')).map_or("-", |(key, ..)| key);
            let column = line + indent(content);
            return at(
                Span::new(column, column),
                format!("this key does not line up with `{key}:` of its item"),
                "the keys of one item start in the same column, after its `- `".into(),
            );
        }
    }
    let misplaced = matches!(
        info,
        "simple key expect ':'"
            | "while parsing a block mapping, did not find expected key"
            | "while parsing a block collection, did not find expected '-' indicator"
    );
    if let Some((line, key, block, within)) = misplaced.then(|| misindented_text(text, start)).flatten() {
        // `body Japan and…` at the column of the keys is a key that lost its colon, not text
        // that lost its indentation.
        if let Some((after, key)) = known_key_without_colon(text, line_start(text, line), keys) {
            return missing_colon(after, key);
        }
        // `ja "国際政策課"` (or `ja |`) below `en: …`: a translation that lost its colon.
        let (word, rest) = leading_key(&text[line..]);
        let tag = |t: &str| super::is_language_tag(t) && !keys.any(t);
        // (A tag the file gives, in `lang:` or as a key: `and more text` is text, though
        // `and` could be a tag; text33a F33a-4.)
        let given = tag(word) && tag(key) && super::around::tag_given(text, word);
        if given && rest.starts_with([' ', '\t', '|', '>']) {
            return missing_colon(line + word.len(), word);
        }
        // `ja:|` or `ja:"…"`: the space after its colon lost.
        if given && rest.starts_with(':') && !rest[1..].starts_with([' ', '\t', '\n', '\r']) {
            return Some(no_space_after(line + word.len(), "", word));
        }
        // (A tab shows as indentation, but YAML does not count it: text29 F29a-5.)
        if text[line..].starts_with('\t') {
            let help = "indent with spaces, not tabs";
            return at(Span::new(line, line + 1), "a tab where YAML allows only spaces".into(), help.into());
        }
        let end = line + text[line..].find('\n').map_or(text.len() - line, |i| i);
        let end = line + text[line..end].trim_end().len();
        if within {
            return at(
                Span::new(line, end),
                format!("this line of the text after `{key}: |` is indented less than the lines above it"),
                "the first line of a `|` text sets its indent: indent every line at least as far, or YAML ends \
                 the text above this line"
                    .into(),
            );
        }
        // (A value closed on its line, `tel: "+81 3"` or `title: {en: T, ja: テ}`, cannot go on
        // below it, however indented: text30 F30a-8.)
        // (`key` is a slice of `text`: where it starts.)
        let key_at = (key.as_ptr() as usize).checked_sub(text.as_ptr() as usize).filter(|&at| at < text.len());
        let closed = key_at.and_then(|at| super::around::closed_value(text, at));
        let help = if block {
            format!("indent every line of the text after `{key}: |` further than `{key}`")
        } else if let Some(c) = closed {
            format!("`{key}`'s value ends at its closing `{c}`: put this text inside it, or take the line out")
        } else {
            format!(
                "indent it further than `{key}` to go on with its value, or write the value as a block \
                 after `{key}: |`"
            )
        };
        return at(
            Span::new(line, end),
            format!("this text is indented no further than `{key}:`, so YAML does not read it as its value"),
            help,
        );
    }
    None
}

/// How the error for a line of a `[…]` or `{…}` indented too little starts.
pub(super) const FLOW_LINE_OUT: &str = "this line of the `";

/// "missing `:` after `key`", at `at` (just after the key), for the key at `path`.
/// A ` #` inside the `[` or `{` at `open`, before its close on its line, which YAML takes for a
/// comment with the close in it (text43a F43a-2): named at the `#`, with the entry quoted.
fn comment_in_brackets(text: &str, open: usize) -> Option<Diagnostic> {
    let close = if text[open..].starts_with('[') { ']' } else { '}' };
    let (hash, word, entry) = super::around::comment_in_brackets(text, open)?;
    let quoted = match entry.split_once(": ") {
        Some((key, value)) => format!("{key}: \"{}\"", value.trim().replace('"', "\\\"")),
        None => format!("\"{}\"", entry.replace('"', "\\\"")),
    };
    let shown = if word == "#" { "` #`".to_string() } else { format!("`{word}`") };
    let message = format!("{shown} starts a comment, which drops the rest of the line with its `{close}`");
    let help = format!("put the text in quotes: `{quoted}`; for a comment, put it after the `{close}`");
    Some(Diagnostic::new(Some(Span::new(hash, hash + word.len())), "", message).with_help(help))
}

pub(super) fn missing_colon(at: usize, path: impl Into<String>, key: &str) -> Diagnostic {
    Diagnostic::new(Some(Span::new(at, at)), path, format!("missing `:` after `{key}`"))
        .with_help(format!("a key is followed by a colon: `{key}:`"))
}

/// "no space after `key:`", at the colon at `colon`, for the key at `path`.
pub(super) fn no_space_after(colon: usize, path: impl Into<String>, key: &str) -> Diagnostic {
    Diagnostic::new(Some(Span::new(colon, colon + 1)), path, format!("no space after `{key}:`")).with_help(format!(
        "without a space after the colon YAML reads the whole line as text, not as the key `{key}`; write `{key}: …`"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_value_is_described_in_the_help() {
        let text = format!("title: T\ndate: 2020-10-06\nsummary: a {} : b\n", "word ".repeat(100_000));
        let file = crate::load::SourceFile::new("t.yaml", &text);
        let loaded = crate::load::load_detailed::<crate::model::RawBriefing>(&file, &crate::load::Limits::default());
        let help: Vec<&str> = loaded.diagnostics.iter().filter_map(|d| d.help.as_deref()).collect();
        assert!(
            help.iter().any(|h| h.starts_with("put the value in quotes") && h.contains("the whole value")),
            "{help:?}"
        );
        assert!(help.iter().all(|h| h.len() < 200), "{help:?}");
    }

    #[test]
    fn a_tab_is_pointed_at_itself() {
        // Before a key, before a list item's `- `, and inside a line's indent. (After `- ` a tab
        // separates, as a space does: that is YAML.)
        for (text, line) in [
            ("title: T\n\tdate: 2020-10-06\n", "\tdate: 2020-10-06"),
            ("title: T\ntopics:\n\t- title: A\n", "\t- title: A"),
            ("topics:\n  - title: A\n \t  body: B\n", " \t  body: B"),
        ] {
            let file = crate::load::SourceFile::new("t.yaml", text);
            let loaded =
                crate::load::load_detailed::<crate::model::RawBriefing>(&file, &crate::load::Limits::default());
            let tab = text.find(line).unwrap() + line.find('\t').unwrap();
            let spans: Vec<_> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.message.contains("a tab"))
                .filter_map(|d| d.span.map(|s| s.start))
                .collect();
            assert_eq!(spans, [tab], "{text:?}: {:?}", loaded.diagnostics);
        }
    }

    #[test]
    fn half_a_utf16_pair_is_pointed_at_with_the_character_it_makes() {
        // text25 F25a-7: at the quote; JSON writes 𠮟 as `\ud842\udf9f`.
        for (text, at, help) in [
            (
                "title: \"a \\\\ud800 and \\ud842\\udf9f b\"\n",
                "\\ud842\\udf9f",
                "write the character itself, 𠮟, or `\\U00020B9F`",
            ),
            (
                "title: \"a \\uDC00 b\"\n",
                "\\uDC00",
                "write the character itself, or `\\U0001F600` with eight digits for one beyond U+FFFF",
            ),
            // (After text that is not ASCII, byte by byte: text26 F26-2, a panic.)
            (
                "title: \"叱る \\u53f1 と \\ud842\\udf9f\"\n",
                "\\ud842\\udf9f",
                "write the character itself, 𠮟, or `\\U00020B9F`",
            ),
            (
                "title: \"Straße \\U00110000 x\"\n",
                "\\U00110000",
                "write the character itself, or the eight digits of its number after `\\U`",
            ),
        ] {
            let file = crate::load::SourceFile::new("t.yaml", text);
            let loaded =
                crate::load::load_detailed::<crate::model::RawBriefing>(&file, &crate::load::Limits::default());
            let d = loaded
                .diagnostics
                .iter()
                .find(|d| d.message.contains("not a character"))
                .expect("the escape is an error");
            let span = d.span.unwrap();
            assert_eq!((&text[span.start..span.end], d.help.as_deref()), (at, Some(help)), "{text}");
        }
    }

    #[test]
    fn an_escape_cut_short_or_on_a_later_line_is_one_error_at_itself() {
        // text27 F27-3: at the quote, in the parser's words; F27-2: on the text's second
        // line, recovery from that line left the quote open, a second, false error.
        let text = "summary: \"日本語の本文 \\\n  \\ud83d ここ\"\ntitle: \"絵文字 \\U0001F6 と \\u12\"\n";
        let file = crate::load::SourceFile::new("t.yaml", text);
        let loaded = crate::load::load_detailed::<crate::model::RawBriefing>(&file, &crate::load::Limits::default());
        let syntax: Vec<(&str, &str)> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.path.is_empty() && d.span.is_some())
            .map(|d| (&text[d.span.unwrap().start..d.span.unwrap().end], d.message.as_str()))
            .collect();
        // (Both escapes of the title: text28 F28-4, the second was not reported.)
        assert_eq!(syntax.len(), 3, "{:?}", loaded.diagnostics);
        assert_eq!(syntax[0].0, "\\ud83d");
        assert_eq!(
            syntax[1],
            (
                "\\U0001F6",
                "an escape in this quoted text is cut short: `\\x` takes two hex digits, `\\u` four, `\\U` eight"
            )
        );
        assert_eq!(syntax[2].0, "\\u12");
    }
}
