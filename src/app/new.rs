//! `briefing new`: a commented starter briefing that builds as it is.

use crate::shown::Show;
use std::path::Path;

use super::files::{self, Existing};
use super::Error;
use crate::app::say::say;

/// The starter file, kept with the templates so it is reviewed with them.
pub const STARTER: &str = include_str!("../../templates/starter.yaml");

/// Languages written right to left (their primary tags), which briefing cannot set yet.
const RIGHT_TO_LEFT: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ps", "sd", "syr", "ug", "ur", "yi"];

/// Writes the starter to `path`, never over an existing file, and whole or not at all (a full
/// disk leaves no empty file behind).
/// With `langs` (`--lang en,ja`), the starter is one briefing in those languages: every text
/// value a mapping from language to text (Japanese for `ja`, English to translate for the
/// others), plain values shared.
pub fn new(path: &Path, langs: &[String]) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Usage(format!("{} already exists; not overwriting it", path.shown())));
    }
    // A briefing is YAML: a name for another kind of file (`new x.pdf`) would be refused by
    // the very build the starter suggests.
    if !super::inputs::is_yaml(path) {
        return Err(Error::Usage(format!("{}: a briefing is a YAML file; name it .yaml", path.shown())));
    }
    super::check_langs(langs)?;
    // (A starter in one would be English under its tag, and the first real edit refused:
    // text31 F31b-6.)
    if let Some(l) = langs.iter().find(|l| RIGHT_TO_LEFT.contains(&crate::script::primary_language(l).as_str())) {
        return Err(Error::Usage(format!(
            "--lang {l}: it is written right to left, which briefing cannot set yet (it sets lines left to right)"
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for l in langs {
        if !seen.insert(l.to_ascii_lowercase()) {
            return Err(Error::Usage(format!("--lang {}: `{l}` is listed twice", langs.join(","))));
        }
    }
    if langs.len() > crate::load::MAX_LANGUAGES {
        let max = crate::load::MAX_LANGUAGES;
        return Err(Error::Usage(format!("--lang: {} languages; one file may hold at most {max}", langs.len())));
    }
    let text = match langs {
        [] | [_] if langs.first().is_none_or(|l| l == "en") => STARTER.to_string(),
        _ => multilingual_starter(langs),
    };
    files::on_signal(files::OnSignal::Exit);
    files::write_atomic(path, text.as_bytes(), Existing::Keep)?;
    say!("wrote {}; build it with: briefing build {}", path.shown(), shell_word(&path.display().to_string()));
    Ok(())
}

/// `word` as a shell reads it back whole: in single quotes when it holds anything but
/// letters, digits and `-_./`.
fn shell_word(word: &str) -> String {
    // (A name that starts with `-` would be read as an option: `./-x.yaml` is the file.)
    let word = if word.starts_with('-') { format!("./{word}") } else { word.to_string() };
    if !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        return word;
    }
    // (A character a terminal acts on, or a line break, is shown escaped in the message, so
    // the command is written with bash's `$'…'` escapes: pasted, it names the file; text43b
    // F43b-16.)
    let escape = |c: char| c.is_control() || super::say::acted_on(c);
    if word.chars().any(escape) {
        let escaped: String = word
            .chars()
            .map(|c| match c {
                '\\' | '\'' => format!("\\{c}"),
                c if escape(c) => format!("\\u{:04x}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
        return format!("$'{escaped}'");
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// A starter briefing in `langs`, the first being the primary.
fn multilingual_starter(langs: &[String]) -> String {
    // Each text value in English and in Japanese; other languages start from the English.
    let text = |indent: usize, en: &str, ja: &str| -> String {
        let pad = " ".repeat(indent);
        langs
            .iter()
            .map(|l| {
                let t = if crate::script::primary_language(l) == "ja" { ja } else { en };
                if t.contains('\n') {
                    let line = |line: &str| if line.is_empty() { "\n".to_string() } else { format!("{pad}  {line}\n") };
                    let body: String = t.lines().map(line).collect();
                    format!("{pad}{l}: |\n{body}")
                } else {
                    format!("{pad}{l}: \"{t}\"\n")
                }
            })
            .collect()
    };
    let list = langs.join(", ");
    let mut y = String::new();
    if let [only] = langs {
        // (One language: one PDF, named as the file.)
        y.push_str(&format!(
            "# One briefing in {only}: `briefing build THIS_FILE.yaml` writes THIS_FILE.pdf.\n\
             # Each text value is given in {only}; add languages to `lang:` to give each of them too.\n\
             # The example text is English (Japanese for ja): replace it with your own.\n\n"
        ));
    } else {
        y.push_str(&format!(
            "# One briefing in {list}: `briefing build THIS_FILE.yaml` writes one PDF per language\n\
             # (THIS_FILE.{first}.pdf …); `--lang {first}` builds one, `--parallel` puts them side by side.\n\
             # Every text value gives each language; a plain value (the date, phone numbers) is shared.\n\
             # `briefing check THIS_FILE.yaml` reports every missing translation with its line.\n\
             # The example text is English (Japanese for ja): replace it with your own.\n\n",
            first = langs[0]
        ));
    }
    y.push_str(&format!("lang: [{list}]\n\ntitle:\n"));
    y.push_str(&text(2, "Results of the 1st Example Policy Dialogue", "第1回例示政策対話の結果"));
    y.push_str("\ndate: 2026-01-15\n\norganisation:\n");
    y.push_str(&text(2, "Ministry of Example Affairs", "例示省"));
    y.push_str("\nsummary:\n");
    y.push_str(&text(
        2,
        "The Ministry of Example Affairs and its partners held the 1st Example Policy Dialogue.\n\nBoth sides agreed to continue their cooperation.",
        "例示省は、相手国とともに第1回例示政策対話を開催しました。\n\n双方は、引き続き協力していくことで一致しました。",
    ));
    y.push_str("\ntopics:\n  - title:\n");
    y.push_str(&text(6, "Digital infrastructure", "デジタルインフラ"));
    y.push_str("    body:\n");
    y.push_str(&text(
        6,
        "Both sides shared progress on **5G** networks and agreed to exchange views at the next dialogue.",
        "双方は、**5G**ネットワークの進捗を共有し、次回の対話で意見交換を行うことで一致しました。",
    ));
    y.push_str("  - title:\n");
    y.push_str(&text(6, "Data governance", "データガバナンス"));
    y.push_str("    body:\n");
    y.push_str(&text(
        6,
        "- Cross-border data flows\n- Trusted data spaces",
        "- 越境データ流通\n- 信頼性のあるデータ空間",
    ));
    y.push_str("\ncontact:\n  division:\n");
    y.push_str(&text(4, "International Policy Division", "国際政策課"));
    y.push_str("  organisation:\n");
    y.push_str(&text(4, "Ministry of Example Affairs", "例示省"));
    y.push_str("  tel: \"+81 3 0000 0000\"\n  email: policy@example.org\n");
    y
}
