//! Topic titles numbered by hand: `1. AI governance`, `2) Data`, `(3) Chips`, `IV. Trust`, as
//! agenda items are numbered in Word. A template that numbers topics prints them numbered
//! twice, "1. 1. AI governance", in the headings, bookmarks and contents (text43a F43a-23).
//! Asked once the template is known, since a template may number none.

use std::collections::HashSet;

use crate::diag::{Diagnostic, SourceFile};
use crate::load::{self, Limits};
use crate::model::{Briefing, RawBriefing};

/// Every topic title of `file` that starts with its own number, as topic `n` of its list, in
/// a briefing whose template prints a number before it: `printed[k][i]` is the number printed
/// before topic `i` of `briefings[k]` (empty for none). Each is named at the title, with what
/// prints and the fix.
pub fn hand_numbered(file: &SourceFile, briefings: &[Briefing], printed: &[Vec<String>]) -> Vec<Diagnostic> {
    // Told from the checked text first; the file is read again for the titles' places only
    // when one is found.
    let mut found: HashSet<(usize, String)> = HashSet::new();
    let mut numbers = std::collections::HashMap::new();
    for (b, printed) in briefings.iter().zip(printed) {
        for (i, (topic, number)) in b.topics.iter().zip(printed).enumerate() {
            if let Some(own) = own_number(&topic.title, i + 1).filter(|_| !number.is_empty()) {
                found.insert((i, own.to_string()));
                numbers.entry(i).or_insert_with(|| number.clone());
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let all = load::load_each::<RawBriefing>(file, &Limits::default());
    let titles = all.first().map(|l| l.item_titles("topics", "title")).unwrap_or_default();
    for loaded in &all {
        let topics = loaded.value.topics.as_ref().map_or(&[][..], |t| &t.value[..]);
        for (i, topic) in topics.iter().enumerate() {
            let Some(title) = &topic.value.title else { continue };
            let text = title.value.trim();
            let Some(own) = own_number(text, i + 1).filter(|own| found.contains(&(i, own.to_string()))) else {
                continue;
            };
            if diagnostics.iter().any(|d| d.span == Some(title.span)) {
                continue;
            }
            let number = &numbers[&i];
            let rest = text[own.len()..].trim_start();
            let message = format!(
                "starts with its own number `{own}`: the template numbers topics, so it prints as \
                 \"{number} {text}\""
            );
            let help = format!("remove the number: title: {rest}");
            diagnostics.push(Diagnostic::new(Some(title.span), format!("topics[{i}].title"), message).with_help(help));
        }
    }
    super::name_topics(&mut diagnostics, &titles);
    diagnostics
}

/// The number `title` starts with, as typed (`1.`, `2)`, `(3)`, `IV.`, `１．`), when it is
/// `place`'s; a number that is part of the title (`5G`, `2024 budget`, `1.5 billion`) is none.
fn own_number(title: &str, place: usize) -> Option<&str> {
    let opened = title.starts_with(['(', '（']);
    let start = if opened { title.chars().next()?.len_utf8() } else { 0 };
    let rest = &title[start..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)).len();
    let letters = rest.len() - rest.trim_start_matches(['I', 'V', 'X', 'L', 'C']).len();
    let small = rest.len() - rest.trim_start_matches(['i', 'v', 'x', 'l', 'c']).len();
    let (length, value) = if digits > 0 {
        // (A full-width digit is its ASCII one, `０` U+FF10 and on.)
        let ascii = |c: char| char::from_u32(c as u32 - if c.is_ascii() { 0 } else { 0xFF10 - 0x30 }).unwrap_or(c);
        (digits, rest[..digits].chars().map(ascii).collect::<String>().parse::<usize>().ok())
    } else {
        let length = letters.max(small);
        (length, roman_value(&rest[..length]))
    };
    if value != Some(place) {
        return None;
    }
    let after = &rest[length..];
    let closer = after.chars().next()?;
    let closes = if opened { matches!(closer, ')' | '）') } else { matches!(closer, '.' | ')' | '．' | '）') };
    let label = &title[..start + length + closer.len_utf8()];
    let next = title[label.len()..].chars().next();
    let apart = next.is_some_and(|c| !closer.is_ascii() || c.is_whitespace() || crate::script::is_japanese(c));
    (closes && apart).then_some(label)
}

/// The value of a Roman numeral (`IV`, `ix`), a letter before a greater one taken from it;
/// `None` for none.
fn roman_value(numeral: &str) -> Option<usize> {
    let values: Vec<usize> = numeral
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            _ => 100,
        })
        .collect();
    let mut total: isize = 0;
    for (k, &v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(&next) if next > v => total -= v as isize,
            _ => total += v as isize,
        }
    }
    usize::try_from(total).ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::own_number;

    #[test]
    fn a_title_numbered_by_hand_is_told_from_a_number_in_the_title() {
        for (title, place, own) in [
            ("1. AI governance", 1, "1."),
            ("2) Data", 2, "2)"),
            ("(3) Chips", 3, "(3)"),
            ("IV. Trust", 4, "IV."),
            ("ii) Data", 2, "ii)"),
            ("１．AIガバナンス", 1, "１．"),
            ("（２）半導体", 2, "（２）"),
            ("10. Budget", 10, "10."),
            ("IX) Data", 9, "IX)"),
            ("xiv. Data", 14, "xiv."),
        ] {
            assert_eq!(own_number(title, place), Some(own), "{title}");
        }
        for (title, place) in [
            ("1. AI governance", 2),
            ("5G rollout", 5),
            ("2024 budget", 2024),
            ("1.5 billion euros", 1),
            ("3D printing", 3),
            ("I.", 1),
            ("IV. Trust", 6),
            ("Civil society", 100),
            ("(3 Chips", 3),
            ("2.1 Data", 2),
        ] {
            assert_eq!(own_number(title, place), None, "{title}");
        }
    }
}
