//! What `check --verbose` says of a briefing's languages: the briefing's, given or detected,
//! each topic's that was detected, and each paragraph marked with a language of its own.

use crate::diag::SourceFile;
use crate::markdown::Block;
use crate::model::Briefing;

/// Words of a paragraph quoted to name it.
const QUOTED_WORDS: usize = 6;

/// The report of `b`'s languages, one line each, a paragraph's at its line of `file`.
pub(super) fn found(b: &Briefing, file: &SourceFile) -> String {
    let how = if b.lang_detected { "detected" } else { "given or default" };
    let mut out = format!("  lang: {} ({how})", b.lang);
    let mut paragraphs = 0;
    let mut marked = |out: &mut String, body: &[Block], lang: &str, from: usize, what: &str| {
        let mut from = from;
        for (text, l) in crate::validate::own_languages(body, lang) {
            let line = match line_of(&file.text, &text, &mut from) {
                Some(n) => format!("{}:{n}: ", file.name),
                None => format!("{}: ", file.name),
            };
            // (Quoted as Rust quotes, so that quotation marks inside it are told apart.)
            out.push_str(&format!("\n  {line}{what}: paragraph {:?}: lang: {l} (detected)", opening(&text)));
            paragraphs += 1;
        }
    };
    marked(&mut out, &b.summary, &b.lang, 0, "summary");
    marked(&mut out, &b.overview, &b.lang, 0, "overview");
    let mut from = 0;
    for (i, t) in b.topics.iter().enumerate() {
        from = file.text.get(from..).and_then(|rest| rest.find(t.title.as_str())).map_or(from, |at| from + at);
        if t.lang_detected {
            let lang = t.lang.as_deref().unwrap_or_default();
            out.push_str(&format!("\n  topics[{i}] ({}): lang: {lang} (detected)", t.title));
        }
        marked(&mut out, &t.body, t.lang.as_deref().unwrap_or(&b.lang), from, &format!("topics[{i}] ({})", t.title));
    }
    if paragraphs > 0 || b.topics.iter().any(|t| t.lang_detected) {
        out.push_str(
            "\n  (`lang:` on a topic sets its language; a paragraph is marked when it is clearly in another \
             language than its topic's; a paragraph's language cannot be set in the YAML)",
        );
    }
    out
}

/// The first words of `text`, with "…" when there are more.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let more = if words.len() > QUOTED_WORDS { "…" } else { "" };
    format!("{}{more}", words[..words.len().min(QUOTED_WORDS)].join(" "))
}

/// The line (from 1) of `source` where `text`, a paragraph as printed, starts: its first words,
/// up to a mark that Markdown may have taken away, looked for from byte `from` on, and `from`
/// moved there. `None` when they are not there as written.
fn line_of(source: &str, text: &str, from: &mut usize) -> Option<usize> {
    let plain: String = text.chars().take_while(|c| c.is_alphanumeric() || *c == ' ').collect();
    let needle: Vec<&str> = plain.split_whitespace().take(QUOTED_WORDS).collect();
    // (Words wrapped in the YAML are on two lines: the first word alone is looked for then.)
    let at = [needle.join(" "), needle.first()?.to_string()]
        .iter()
        .find_map(|n| source.get(*from..)?.find(n.as_str()).map(|at| *from + at))?;
    *from = at;
    Some(source[..at].matches('\n').count() + 1)
}
