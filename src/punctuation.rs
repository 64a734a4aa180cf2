//! Typographic punctuation: straight quotes typed in the YAML printed as the language's own
//! (English “…” ‘…’, German „…“, French « … » with narrow no-break spaces, …), `--` as an
//! en dash, `---` as an em dash and `...` as an ellipsis, as pulldown-cmark's smart
//! punctuation does for English. Code is left as typed. Pure: a briefing in, a briefing out.

use crate::markdown::{Block, Inline};
use crate::model::Briefing;

/// A language's quotation marks: double open, double close, single open, single close, and
/// the space set inside them (French `« texte »`).
struct Quotes {
    double: (&'static str, &'static str),
    single: (&'static str, &'static str),
    inner_space: &'static str,
}

fn quotes(lang: &str) -> Quotes {
    let tag = lang.replace('_', "-").to_ascii_lowercase();
    let primary = tag.split('-').next().unwrap_or("");
    let q = |d0, d1, s0, s1| Quotes { double: (d0, d1), single: (s0, s1), inner_space: "" };
    // CLDR's delimiters (quotationStart/End, alternateQuotationStart/End, CLDR 47) for each
    // language of the EU and its neighbours (text47a F47a-23: Hungarian and Romanian nested
    // quotes printed ‚…’, where Hungarian has »…« and Romanian «…»); for Spanish, Portuguese
    // (not Brazil's) and Danish, the marks EU publications use instead.
    match primary {
        "de" | "cs" | "sk" | "sl" | "et" | "hr" | "is" => q("„", "“", "‚", "‘"),
        "sr" => q("„", "“", "‘", "’"),
        "mk" => q("„", "“", "’", "‘"),
        "da" => q("»", "«", "›", "‹"),
        "bg" | "lt" => q("„", "“", "„", "“"),
        "pl" | "ro" => q("„", "”", "«", "»"),
        "hu" => q("„", "”", "»", "«"),
        "nl" => q("‘", "’", "‘", "’"),
        "fr" => Quotes { double: ("«", "»"), single: ("«", "»"), inner_space: "\u{202F}" },
        "pt" if tag.starts_with("pt-br") => q("“", "”", "‘", "’"),
        "it" | "el" | "ca" | "es" | "pt" => q("«", "»", "“", "”"),
        "ru" | "uk" => q("«", "»", "„", "“"),
        "no" => q("«", "»", "‘", "’"),
        "sv" | "fi" => q("”", "”", "’", "’"),
        // (English, Irish, Maltese, Latvian, Norwegian Bokmål, Brazilian Portuguese.)
        _ => q("“", "”", "‘", "’"),
    }
}

/// Words that start with an apostrophe, for what was left out, in `lang`: Dutch `'s`, `'t`,
/// `'n`, `'k`, English `'tis`, `'til`, `'em`, Maltese `'il`, `'l` (text47a F47a-22: `‘il
/// quddiem`). `rest` is the text after the `'`. Only the language's own: Italian `'il punto'`
/// and Czech `'s námi …'` are quotations (text49a F49a-24: both opened with an apostrophe).
fn elision(rest: &[char], lang: &str) -> bool {
    let word: String = rest.iter().take_while(|c| c.is_alphabetic()).take(6).collect::<String>().to_lowercase();
    // (`'s'`, a letter in quotes, is no elision.)
    let ends = rest.get(word.chars().count()).is_none_or(|c| !c.is_alphabetic() && *c != '\'');
    let words: &[&str] = match crate::script::primary_language(lang).as_str() {
        "nl" => &["s", "t", "n", "k"],
        "en" => &["tis", "twas", "til", "em", "cause", "bout", "twere"],
        "mt" => &["il", "l"],
        _ => &[],
    };
    ends && words.contains(&word.as_str())
}

/// Whether a `'` that opens, between `head` and `rest` (`after` the character after the
/// text), starts `'n'` standing for "and" between two words (`rock 'n' roll`): a space after
/// it, and before it a space and a word that does not name a letter (`the letter 'n' and`).
fn rock_n_roll(head: &[char], rest: &[char], after: Option<char>) -> bool {
    let [words @ .., ' '] = head else { return false };
    let n = words.iter().rev().take_while(|c| c.is_alphabetic()).count();
    let word = words[words.len() - n..].iter().collect::<String>().to_lowercase();
    let letter = ["the", "a", "an", "and", "or", "letter", "letters", "sign", "character", "key"];
    matches!(rest, ['n' | 'N', '\'', ..])
        && rest.get(2).copied().or(after).is_some_and(char::is_whitespace)
        && n > 0
        && !letter.contains(&word.as_str())
}

/// Whether the straight quote at `i` of `chars`, `prev` the character before it, follows a
/// number as a prime does: a digit before it, not in quotes itself (`'5'`), and for `'` no
/// lowercase letter after it, an ending (`1990's`).
fn after_number(chars: &[char], i: usize, prev: Option<char>) -> bool {
    let digits = chars[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let quoted = i > digits && chars[i - digits - 1] == chars[i];
    let ending = chars[i] == '\'' && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
    prev.is_some_and(|p| p.is_ascii_digit()) && !quoted && !ending
}

/// Where the path in `word` is, from its drive (`C:\`) or share (`\\srv`) to its end, the
/// marks after it left out: an apostrophe in it is the name's (`\\srv\users\o'neill`), and
/// a typographic one would make another path (text40a F40a-36).
fn path_in(word: &[char]) -> Option<std::ops::Range<usize>> {
    let starts = |k: usize| match word[k..] {
        [d, ':', '\\', ..] => d.is_ascii_alphabetic(),
        ['\\', '\\', c, ..] => c.is_alphanumeric(),
        _ => false,
    };
    let start =
        (0..word.len()).find(|&k| (k == 0 || !word[k - 1].is_alphanumeric() && word[k - 1] != '\\') && starts(k))?;
    let marks = word[start..].iter().rev().take_while(|c| "'\".,;:!?)]}»”’“".contains(**c)).count();
    Some(start..word.len() - marks)
}

/// Rewrites `text` with the language's punctuation. `before` and `after` are the characters
/// around it (the ends of the neighbouring pieces of the same paragraph), which decide
/// whether a quote at its start or end opens or closes. Web and e-mail addresses are left
/// as typed.
pub fn smarten(text: &str, lang: &str, before: Option<char>, after: Option<char>) -> String {
    smarten_in(text, lang, (before, after), false)
}

/// [`smarten`] for a piece of a paragraph; `quote_later` says a `'` follows in a later piece,
/// which may close a quote opened in this one.
fn smarten_in(text: &str, lang: &str, (before, after): (Option<char>, Option<char>), quote_later: bool) -> String {
    let q = quotes(lang);
    let chars: Vec<char> = text.chars().collect();
    // Characters inside an address (a word with `://`, `www.` or `@`) or a path are never
    // changed.
    let mut keep = vec![false; chars.len()];
    let mut start = 0;
    for (k, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        if c.is_whitespace() {
            let word: String = chars[start..k].iter().collect();
            if word.contains("://") || word.contains("www.") || word.contains('@') {
                // (Not the straight quotes around it, which are the sentence's: `"@EU_Commission"`
                // kept them straight; text49a F49a-27.)
                let quote = |c: &char| matches!(c, '"' | '\'');
                let from = start + chars[start..k].iter().take_while(|c| quote(c)).count();
                let to = k - chars[from..k].iter().rev().take_while(|c| quote(c)).count();
                keep[from..to].iter_mut().for_each(|x| *x = true);
            } else if let Some(path) = path_in(&chars[start..k]) {
                keep[start + path.start..start + path.end].iter_mut().for_each(|x| *x = true);
            }
            start = k + 1;
        }
    }
    // Where the last `'` that could close a quote is (after a non-space, before no letter or
    // digit): a `'` before a word with no closing one after it is an apostrophe.
    let last_closer = (0..chars.len()).rev().find(|&k| {
        chars[k] == '\''
            && k > 0
            && !chars[k - 1].is_whitespace()
            && !chars
                .get(k + 1)
                .copied()
                .or(after)
                .is_some_and(|n| n.is_alphanumeric() && !crate::script::is_japanese(n))
    });
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = before;
    let mut single_open = false;
    let mut double_open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().or(after);
        if keep[i] {
            out.push(c);
            prev = Some(c);
            i += 1;
            continue;
        }
        // An opening quote follows a space, an opening bracket or a dash, or starts the text;
        // or, with none open, a Japanese character, as Japanese puts no space before a
        // quotation (text42a F42a-14: 日本の"AI"戦略 printed 日本の”AI”戦略).
        // And a quote right after one that opened opens too, one inside the other (text48a
        // F48a-2: `"'Data' is…"` printed `“’Data’ is…”`, French `« ”Data’…`).
        let japanese = prev.is_some_and(crate::script::is_japanese);
        let just_opened = i > 0 && if chars[i - 1] == '"' { double_open } else { chars[i - 1] == '\'' && single_open };
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{<«„“‘–—-/".contains(p))
            || just_opened
            || japanese && (if c == '"' { !double_open } else { !single_open });
        match c {
            // After a number, a straight quote is a prime, for feet and inches, minutes and
            // seconds (`5'10"`, `48°51'24"N`; text47a F47a-8: printed `5’10”`), where it
            // closes no quotation (`"Top 5"`) and starts no ending (`1990's`).
            '"' | '\'' if !(if c == '"' { double_open } else { single_open }) && after_number(&chars, i, prev) => {
                out.push(if c == '"' { '″' } else { '′' });
            }
            '"' => {
                // After a mark with no quote open (`Titre:"Données"`, `1:"2"`), a quote before a
                // letter or digit opens too (text39a F39a-5).
                let after_mark = !double_open
                    && prev.is_some_and(|p| !p.is_alphanumeric() && !p.is_whitespace())
                    && next.is_some_and(char::is_alphanumeric);
                // A language that spaces its quotes inside (French) is typed so with straight
                // ones, `" mot "`: a quote between spaces with none open opens when one
                // follows, and the typed spaces inside become the language's own (text43a
                // F43a-33: printed "» mot »").
                let spaced = !q.inner_space.is_empty();
                let spaced_open = spaced
                    && !double_open
                    && opens
                    && next.is_some_and(char::is_whitespace)
                    && chars[i + 1..].contains(&'"');
                let closing = double_open;
                double_open = (opens && next.is_some_and(|n| !n.is_whitespace())) || after_mark || spaced_open;
                if double_open {
                    out.push_str(q.double.0);
                    out.push_str(q.inner_space);
                    if spaced_open {
                        while chars.get(i + 1).is_some_and(|&n| n.is_whitespace() && n != '\n') && !keep[i + 1] {
                            i += 1;
                        }
                    }
                } else {
                    if spaced && closing {
                        let typed = out.trim_end_matches(|c: char| c.is_whitespace() && c != '\n').len();
                        out.truncate(typed);
                    }
                    out.push_str(q.inner_space);
                    out.push_str(q.double.1);
                }
            }
            // `rock 'n' roll`, `fish 'n' chips`: both marks are apostrophes, for the letters
            // left out of "and" (text48a F48a-3: printed `‘n’`, a quoted letter).
            '\'' if opens && rock_n_roll(&chars[..i], &chars[i + 1..], after) => {
                out.push_str(if chars[i + 1] == 'N' { "’N’" } else { "’n’" });
                i += 2;
            }
            '\'' => {
                // Between letters or after a letter or digit it is an apostrophe (don’t, ’90s).
                // A quote opened in this text closes where no letter follows.
                let word_before = prev.is_some_and(char::is_alphanumeric);
                let elided = elision(&chars[i + 1..], lang) || (!quote_later && last_closer.is_none_or(|k| k <= i));
                if opens && next.is_some_and(|n| n.is_alphabetic()) && !elided {
                    out.push_str(q.single.0);
                    out.push_str(q.inner_space);
                    single_open = true;
                } else if single_open && !next.is_some_and(|n| n.is_alphanumeric() && !crate::script::is_japanese(n)) {
                    out.push_str(q.inner_space);
                    out.push_str(q.single.1);
                    single_open = false;
                } else if word_before || next.is_some_and(|n| n.is_ascii_digit()) || (opens && elided) {
                    out.push('’');
                } else {
                    // (A stray one: the closing mark where it is one of `‘’`, not a guillemet
                    // or a double mark: Hungarian `«`, Bulgarian `“`.)
                    out.push_str(if q.single.1 == "‘" { "‘" } else { "’" });
                }
            }
            // Four hyphens or more are a rule drawn in text (`|----|`): as typed.
            '-' if chars[i..].iter().take_while(|&&c| c == '-').count() >= 4 => {
                let n = chars[i..].iter().take_while(|&&c| c == '-').count();
                out.extend(std::iter::repeat_n('-', n));
                i += n - 1;
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                if chars.get(i + 2) == Some(&'-') {
                    out.push('—');
                    i += 1;
                } else {
                    out.push('–');
                }
                i += 1;
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 2;
            }
            _ => out.push(c),
        }
        prev = Some(chars[i]);
        i += 1;
    }
    out
}

/// One paragraph's runs of text, in `lang` or the paragraph's own: code runs stay as typed,
/// the rest is rewritten with the character before each run carried over from the run before.
fn inlines(runs: &mut [Inline], lang: &str) {
    // A paragraph clearly in another language than its topic (a quotation) is set in its
    // own language's quotation marks, as it is tagged in its own language.
    let lang = crate::language::other_than(&crate::markdown::current_text(runs), lang).unwrap_or(lang);
    let mut before = None;
    // Whether a `'` comes in a run after each (code aside).
    let mut quote_later = vec![false; runs.len()];
    for k in (1..runs.len()).rev() {
        quote_later[k - 1] = quote_later[k] || (!runs[k].code && !runs[k].raw && runs[k].text.contains('\''));
    }
    for k in 0..runs.len() {
        let after = runs[k + 1..].iter().find_map(|r| r.text.chars().next());
        let run = &mut runs[k];
        if !run.code && !run.raw {
            run.text = smarten_in(&run.text, lang, (before, after), quote_later[k]);
        }
        before = run.text.chars().last().or(before);
    }
}

fn blocks(list: &mut [Block], lang: &str) {
    for block in list {
        match block {
            Block::Paragraph(i) | Block::Heading(_, i) => inlines(i, lang),
            Block::List { items, .. } => items.iter_mut().for_each(|item| blocks(item, lang)),
            Block::Table { header, rows, .. } => {
                header.iter_mut().chain(rows.iter_mut().flatten()).for_each(|cell| inlines(cell, lang))
            }
            Block::Quote(inner) => blocks(inner, lang),
            Block::Code(_) | Block::MarkedCode(_) | Block::Rule => {}
        }
    }
}

/// The briefing with typographic punctuation in every text it prints, each in its own
/// language (a topic may have one). Telephone numbers, e-mail and web addresses are left
/// as typed.
pub fn briefing(b: &Briefing) -> Briefing {
    let mut b = b.clone();
    let lang = b.lang.clone();
    let plain = |s: &mut String, lang: &str| *s = field(s, lang);
    plain(&mut b.title, &lang);
    plain(&mut b.short_title, &lang);
    for s in [&mut b.organisation, &mut b.heading, &mut b.marking].into_iter().flatten() {
        plain(s, &lang);
    }
    blocks(&mut b.summary, &lang);
    blocks(&mut b.overview, &lang);
    for t in &mut b.topics {
        let lang = t.lang.clone().unwrap_or_else(|| lang.clone());
        plain(&mut t.title, &lang);
        blocks(&mut t.body, &lang);
    }
    let c = &mut b.contact;
    for s in [&mut c.note, &mut c.name, &mut c.division, &mut c.bureau, &mut c.organisation].into_iter().flatten() {
        plain(s, &lang);
    }
    b
}

/// A one-line field (a title, a name) with the punctuation of its language: `lang`, or the
/// language it is clearly in, as it is tagged, as a paragraph is (text49a F49a-26: a German
/// title, tagged `de`, printed “…”).
fn field(text: &str, lang: &str) -> String {
    smarten(text, crate::language::other_than(text, lang).unwrap_or(lang), None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_follow_the_language() {
        let text = r#"the "Beyond 5G Promotion Strategy" and 'AI' rules"#;
        assert_eq!(smarten(text, "en", None, None), "the “Beyond 5G Promotion Strategy” and ‘AI’ rules");
        assert_eq!(smarten(text, "de", None, None), "the „Beyond 5G Promotion Strategy“ and ‚AI‘ rules");
        assert_eq!(
            smarten(text, "fr", None, None),
            "the «\u{202F}Beyond 5G Promotion Strategy\u{202F}» and «\u{202F}AI\u{202F}» rules"
        );
        assert_eq!(smarten(text, "pl-PL", None, None), "the „Beyond 5G Promotion Strategy” and «AI» rules");
        assert_eq!(smarten(text, "bg", None, None), "the „Beyond 5G Promotion Strategy“ and „AI“ rules");
    }

    /// text47a F47a-23: Hungarian and Romanian quotations inside quotations printed `‚…’`.
    /// Each EU language's marks, outer and inner, are CLDR's (quotationStart, quotationEnd,
    /// alternateQuotationStart, alternateQuotationEnd), Serbian's and Macedonian's too; but
    /// Spanish, Portuguese and Danish take the marks EU publications use (Brazilian
    /// Portuguese keeps CLDR's).
    #[test]
    fn nested_quotes_are_cldrs_for_each_eu_language() {
        let text = r#""outer 'inner' outer""#;
        for (lang, marks) in [
            ("hu", "„»«”"),
            ("ro", "„«»”"),
            ("pl", "„«»”"),
            ("de", "„‚‘“"),
            ("cs", "„‚‘“"),
            ("sk", "„‚‘“"),
            ("sl", "„‚‘“"),
            ("et", "„‚‘“"),
            ("hr", "„‚‘“"),
            ("bg", "„„““"),
            ("lt", "„„““"),
            ("nl", "‘‘’’"),
            ("it", "«“”»"),
            ("el", "«“”»"),
            ("pt-PT", "«“”»"),
            ("sv", "”’’”"),
            ("fi", "”’’”"),
            ("en", "“‘’”"),
            ("ga", "“‘’”"),
            ("mt", "“‘’”"),
            ("es", "«“”»"),
            ("pt", "«“”»"),
            ("pt-BR", "“‘’”"),
            ("da", "»›‹«"),
            ("sr", "„‘’“"),
            ("mk", "„’‘“"),
            ("lv", "“‘’”"),
        ] {
            let m: Vec<char> = marks.chars().collect();
            let want = format!("{}outer {}inner{} outer{}", m[0], m[1], m[2], m[3]);
            assert_eq!(smarten(text, lang, None, None), want, "{lang}");
        }
        let n = "\u{202F}";
        assert_eq!(smarten(text, "fr", None, None), format!("«{n}outer «{n}inner{n}» outer{n}»"));
    }

    /// text48a F48a-2: a quote right after an opening one opens inside it; it was taken for
    /// an apostrophe or a closing mark. An elision there stays an apostrophe.
    #[test]
    fn a_quote_right_after_an_opening_one_opens() {
        let text = r#"She said: "'Data' is the key." Both: "'Data' and 'AI'"."#;
        for (lang, marks) in [("en", "“‘’”"), ("de", "„‚‘“"), ("pl", "„«»”"), ("it", "«“”»")]
        {
            let m: Vec<char> = marks.chars().collect();
            let (d0, s0, s1, d1) = (m[0], m[1], m[2], m[3]);
            let want = format!("She said: {d0}{s0}Data{s1} is the key.{d1} Both: {d0}{s0}Data{s1} and {s0}AI{s1}{d1}.");
            assert_eq!(smarten(text, lang, None, None), want, "{lang}");
        }
        let n = "\u{202F}";
        assert_eq!(smarten(r#""'Data' flows""#, "fr", None, None), format!("«{n}«{n}Data{n}» flows{n}»"));
        assert_eq!(smarten(r#"("'AI' rules")"#, "en", None, None), "(“‘AI’ rules”)");
        assert_eq!(smarten(r#"e "'na cosa" qui"#, "it", None, None), "e «’na cosa» qui");
    }

    /// text47a F47a-8: a straight quote after a number printed as a curly quote, `5’10”`; it
    /// is a prime. In quotes, or as an ending, it is still a quote or an apostrophe.
    #[test]
    fn a_straight_quote_after_a_number_is_a_prime() {
        assert_eq!(smarten(r#"he is 5'10" tall"#, "en", None, None), "he is 5′10″ tall");
        assert_eq!(smarten(r#"at 48°51'24"N, 2°21'E"#, "fr", None, None), "at 48°51′24″N, 2°21′E");
        assert_eq!(smarten(r#"a 12" screen, 6' long"#, "de", None, None), "a 12″ screen, 6′ long");
        assert_eq!(
            smarten(r#"the "Top 5" and 'Model 3' and '5'"#, "en", None, None),
            "the “Top 5” and ‘Model 3’ and ’5’"
        );
        assert_eq!(smarten("the 1990's and '90s", "en", None, None), "the 1990’s and ’90s");
    }

    /// text43a F43a-33: French typed with spaces inside straight quotes, `" mot "`, printed
    /// two closing guillemets, each after the typed space and a narrow no-break one.
    #[test]
    fn french_quotes_typed_with_spaces_inside_open_and_close() {
        let text = r#"la stratégie " Décennie numérique " et le processus " Hiroshima " sur l'IA"#;
        assert_eq!(
            smarten(text, "fr", None, None),
            "la stratégie «\u{202F}Décennie numérique\u{202F}» et le processus «\u{202F}Hiroshima\u{202F}» sur l’IA"
        );
        // Typed the English way, or a lone quote, as before.
        assert_eq!(smarten(r#"le "mot" ici"#, "fr", None, None), "le «\u{202F}mot\u{202F}» ici");
        assert_eq!(smarten(r#"12 " de pluie"#, "fr", None, None), "12 \u{202F}» de pluie");
    }

    /// text42a F42a-14: after a Japanese character a quote opens, as after a space.
    #[test]
    fn quotes_typed_in_japanese_text_open_and_close() {
        let text = r#"総務省は"Beyond 5G推進戦略"を公表した。欧州委員会の'Digital Decade'政策と日本の"AI"戦略"#;
        assert_eq!(
            smarten(text, "ja", None, None),
            "総務省は“Beyond 5G推進戦略”を公表した。欧州委員会の‘Digital Decade’政策と日本の“AI”戦略"
        );
        // An apostrophe in an English word beside Japanese stays one.
        assert_eq!(smarten("日本のEU's view", "ja", None, None), "日本のEU’s view");
    }

    #[test]
    fn a_paragraph_in_another_language_takes_its_own_quotation_marks() {
        let german = "Die Kommission sagte: \"Wir werden die Zusammenarbeit mit Japan im Bereich der digitalen Wirtschaft fortsetzen und vertiefen.\"";
        let mut runs = vec![Inline { text: german.into(), ..Inline::default() }];
        inlines(&mut runs, "en");
        assert!(runs[0].text.contains("„Wir") && runs[0].text.ends_with("vertiefen.“"), "{}", runs[0].text);
        let mut short = vec![Inline { text: "He said \"Danke\".".into(), ..Inline::default() }];
        inlines(&mut short, "en");
        assert_eq!(short[0].text, "He said “Danke”.", "short text keeps the topic's language");
    }

    #[test]
    fn a_title_in_another_language_takes_that_languages_quotes() {
        // text49a F49a-26: tagged `de`, printed with English quotes.
        let title = r#"Ergebnisse des einunddreißigsten "Politikdialogs" zwischen Japan und der Europäischen Union über die Digitalisierung"#;
        assert!(field(title, "en").contains("„Politikdialogs“"), "{}", field(title, "en"));
        let org = r#"Bundesministerium für "Digitales und Verkehr" der Bundesrepublik Deutschland und die Europäische Kommission"#;
        assert!(field(org, "en").contains("„Digitales und Verkehr“"), "{}", field(org, "en"));
        assert_eq!(
            field(r#"Results of the "Digital Partnership" council"#, "en"),
            "Results of the “Digital Partnership” council"
        );
    }

    #[test]
    fn quotes_around_an_address_or_a_handle_are_the_sentences() {
        // text49a F49a-27: the quotes around a handle stayed straight.
        assert_eq!(
            smarten(r##"The handle "@EU_Commission" and "#DigitalEU" were used"##, "en", None, None),
            "The handle “@EU_Commission” and “#DigitalEU” were used"
        );
        assert_eq!(
            smarten(r#"write to "info@example.org" today"#, "en", None, None),
            "write to “info@example.org” today"
        );
        assert_eq!(smarten("see 'https://example.org/a'b' now", "en", None, None), "see ‘https://example.org/a'b’ now");
    }

    #[test]
    fn apostrophes_dashes_and_ellipses() {
        assert_eq!(smarten("Japan's '90s don't", "en", None, None), "Japan’s ’90s don’t");
        // Words that begin with an apostrophe, and a `'` before a word that no quote closes.
        assert_eq!(
            smarten("in 's-Hertogenbosch tot 's avonds, zo'n uur in 't Gooi", "nl", None, None),
            "in ’s-Hertogenbosch tot ’s avonds, zo’n uur in ’t Gooi"
        );
        assert_eq!(
            smarten("'tis 'til late, the letters 's' and 't'", "en", None, None),
            "’tis ’til late, the letters ‘s’ and ‘t’"
        );
        assert_eq!(smarten("'tis the 'AI' rules, grade 'A'", "en", None, None), "’tis the ‘AI’ rules, grade ‘A’");
        // text48a F48a-3: `'n'` for "and" between words, and other words begun by what was
        // left out, print apostrophes; a letter in quotes still prints quotes.
        for (typed, printed) in [
            ("rock 'n' roll", "rock ’n’ roll"),
            ("Rock 'N' Roll", "Rock ’N’ Roll"),
            (
                "fish 'n' chips and 'til the '90s, 'em, 'cause of '26",
                "fish ’n’ chips and ’til the ’90s, ’em, ’cause of ’26",
            ),
            ("'rock 'n' roll' they said", "‘rock ’n’ roll’ they said"),
            ("the letter 'n' and 'm'", "the letter ‘n’ and ‘m’"),
            ("grade 'n'.", "grade ‘n’."),
        ] {
            assert_eq!(smarten(typed, "en", None, None), printed, "{typed}");
        }
        assert_eq!(smarten("der Rock 'n' Roll", "de", None, None), "der Rock ’n’ Roll");
        assert_eq!(
            smarten("mxiet 'il quddiem u 'l hinn, qalu 'iva', the letter 'l'", "mt", None, None),
            "mxiet ’il quddiem u ’l hinn, qalu ‘iva’, the letter ‘l’"
        );
        // text49a F49a-24: another language's elisions are quotations: Italian's article `il`,
        // Czech's `s` (with); after a number inside them, the closing quote is no prime.
        assert_eq!(
            smarten("Ha detto 'il punto' e 'il 20' ieri.", "it", None, None),
            "Ha detto “il punto” e “il 20” ieri."
        );
        assert_eq!(
            smarten(r#"Řekl "prý 's námi souhlasí' a odešel""#, "cs", None, None),
            "Řekl „prý ‚s námi souhlasí‘ a odešel“"
        );
        assert_eq!(smarten("'s avonds", "nl", None, None), "’s avonds");
        assert_eq!(smarten("2020--2021 -- and --- so...", "en", None, None), "2020–2021 – and — so…");
        assert_eq!(smarten("a - b", "en", None, None), "a - b", "a single hyphen stays");
        assert_eq!(smarten("|----| and ------", "en", None, None), "|----| and ------", "a rule of hyphens stays");
        assert_eq!(smarten("(\"x\")", "en", None, None), "(“x”)");
        // A quote right after a colon or other mark opens (text39a F39a-5: `Titre: »Données »`).
        assert_eq!(smarten("Titre:\"Données\"", "fr", None, None), "Titre:«\u{202F}Données\u{202F}»");
        assert_eq!(
            smarten("Title:\"Data\" and 1:\"2\", a 12\" screen", "en", None, None),
            "Title:“Data” and 1:“2”, a 12″ screen"
        );
        assert_eq!(smarten("\"ok.\"Then \"a\";\"b\"", "en", None, None), "“ok.”Then “a”;“b”");
        let address = "see https://example.org/a--b's and x--y@example.org -- \"ok\"";
        assert_eq!(smarten(address, "en", None, None), "see https://example.org/a--b's and x--y@example.org – “ok”");
    }

    #[test]
    fn a_quote_after_a_run_of_other_text_closes() {
        // `"**Beyond 5G**"`: the closing quote's run starts after the bold run.
        let mut runs = vec![
            Inline { text: "the \"".into(), ..Inline::default() },
            Inline { text: "Beyond 5G".into(), strong: true, ..Inline::default() },
            Inline { text: "\" and `x`".into(), ..Inline::default() },
            Inline { text: "\"raw\" -- code".into(), code: true, ..Inline::default() },
        ];
        inlines(&mut runs, "en");
        assert_eq!(runs[0].text, "the “");
        assert_eq!(runs[2].text, "” and `x`");
        assert_eq!(runs[3].text, "\"raw\" -- code", "code stays as typed");
        // Raw HTML, printed as text, stays as typed too.
        let mut runs = crate::markdown::parse("a <!-- \"c\" --> b").remove(0);
        let crate::markdown::Block::Paragraph(runs) = &mut runs else { panic!() };
        inlines(runs, "en");
        assert_eq!(crate::markdown::plain_text(runs), "a <!-- \"c\" --> b");
    }

    #[test]
    fn a_path_keeps_its_apostrophes_and_dashes() {
        // text40a F40a-36: `\\srv\users\o'neill` printed with `’`, a path that does not open.
        let text = r"see \\srv\users\o'neill\report.docx and O'Neill's";
        assert_eq!(smarten(text, "en", None, None), r"see \\srv\users\o'neill\report.docx and O’Neill’s");
        // In quotes, which are still set; on a drive, with dashes and dots as typed.
        assert_eq!(smarten(r"'C:\Temp\it's.txt'.", "en", None, None), r"‘C:\Temp\it's.txt’.");
        assert_eq!(smarten(r"(D:\a--b\x...y) and a--b", "en", None, None), r"(D:\a--b\x...y) and a–b");
        // A label's colon and a backslash is no drive.
        assert_eq!(smarten(r"Note:\ it's", "en", None, None), r"Note:\ it’s");
    }
}
