//! The words of the deserializer's diagnostics: what was found, what was expected, the
//! likely slip, a suggestion for a misspelt name, where a stray key belongs.

use super::super::layouts;
use super::super::tree::{Node, NodeKind, Style};
use super::Ctx;
use crate::diag::Diagnostic;

/// The closest of `candidates` to a misspelt `name`, if any is close enough: Jaro-Winkler
/// similarity of at least 0.8, or at most two edits (a swap of neighbours counting as one)
/// and fewer than half the letters.
pub(crate) fn suggest<'f>(name: &str, candidates: &[&'f str]) -> Option<&'f str> {
    candidates
        .iter()
        .filter_map(|&c| near(name, c).map(|(jw, edits)| (jw, edits, c)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, c)| c)
}

/// How near `name` is to `candidate` (Jaro-Winkler similarity, edits), when it is near enough
/// to be taken for a misspelling of it ([`suggest`]).
fn near(name: &str, candidate: &str) -> Option<(f64, usize)> {
    let (name, lower) = (name.to_lowercase(), candidate.to_lowercase());
    let (jw, edits) = (strsim::jaro_winkler(&name, &lower), strsim::osa_distance(&name, &lower));
    let few = edits <= 2 && edits * 2 < candidate.chars().count().max(name.chars().count());
    (jw >= 0.8 || few).then_some((jw, edits))
}

/// The one field of `fields` an unknown key `name` can be read as, in a version read as typed
/// (`diff`'s OLD, text47b F47b-3): the field it is typed otherwise (`ｔｉｔｌｅ`), names
/// (`phone`), or is the only one near in spelling to (`contcat`). `None` where it could be
/// more than one, or none, and for a key that holds its value (`title:Results`).
pub(in crate::load) fn meant<'f>(name: &str, fields: &[&'f str]) -> Option<&'f str> {
    if name.contains(':') {
        return None;
    }
    let plain = unplain(name, fields).map_or_else(|| name.to_string(), |u| u.plain);
    if let Some(&field) = fields.iter().find(|f| **f == plain) {
        return Some(field);
    }
    synonym(&plain, fields).or_else(|| {
        let mut close = fields.iter().filter(|c| near(&plain, c).is_some());
        match (close.next(), close.next()) {
            (Some(&only), None) => Some(only),
            _ => None,
        }
    })
}

/// Other names for a key, as people label what it holds (the printed contact block says
/// "Web:" and "TEL", a form says "Department", a Japanese one 電話 or メール): the key meant,
/// when it is one of `candidates` (text47a F47a-3: `web:`, `phone:` got only the list).
pub(crate) fn synonym<'f>(name: &str, candidates: &[&'f str]) -> Option<&'f str> {
    const OTHER_NAMES: &[(&str, &[&str])] = &[
        (
            "url",
            &[
                "web",
                "website",
                "web_site",
                "homepage",
                "home_page",
                "site",
                "webpage",
                "www",
                "link",
                "ウェブ",
                "ホームページ",
                "ＵＲＬ",
            ],
        ),
        (
            "tel",
            &[
                "phone",
                "telephone",
                "mobile",
                "cell",
                "tél",
                "telefon",
                "telefono",
                "teléfono",
                "電話",
                "電話番号",
                "ＴＥＬ",
            ],
        ),
        (
            "email",
            &["mail", "e_mail", "e-mail", "mailto", "courriel", "メール", "メールアドレス", "ｅメール", "eメール"],
        ),
        ("fax", &["telefax", "facsimile", "ファクス", "ファックス", "ＦＡＸ"]),
        ("division", &["department", "dept", "section", "unit", "office", "課", "部署", "担当課"]),
        ("bureau", &["directorate", "局"]),
        ("name", &["person", "contact_person", "担当", "担当者", "氏名", "名前"]),
        ("organisation", &["organization", "ministry", "agency", "省庁", "組織"]),
        ("summary", &["abstract", "lead"]),
        ("overview", &["概要"]),
        ("topics", &["sections", "items", "agenda"]),
        ("body", &["text", "content", "description", "本文"]),
    ];
    let name = name.to_lowercase();
    OTHER_NAMES
        .iter()
        .find(|(_, others)| others.contains(&name.as_str()))
        .and_then(|(key, _)| candidates.iter().find(|c| *c == key).copied())
}

/// Characters that print as nothing, which a key may pick up when it is copied from a web
/// page or a word processor.
const INVISIBLE: [(char, &str); 12] = [
    ('\u{00AD}', "soft hyphen"),
    ('\u{180E}', "Mongolian vowel separator"),
    ('\u{200B}', "zero width space"),
    ('\u{200C}', "zero width non-joiner"),
    ('\u{200D}', "zero width joiner"),
    ('\u{200E}', "left-to-right mark"),
    ('\u{200F}', "right-to-left mark"),
    ('\u{2060}', "word joiner"),
    ('\u{2061}', "function application"),
    ('\u{2062}', "invisible times"),
    ('\u{2063}', "invisible separator"),
    ('\u{FEFF}', "zero width no-break space"),
];

/// A key not typed plainly: what it reads as once its full-width (or other compatibility)
/// letters are made plain (NFKC) and its invisible characters are dropped.
pub(in crate::load) struct Unplain {
    /// The key as meant.
    pub plain: String,
    /// The key as it can be shown: each invisible character as its escape (`body\u200B`).
    pub shown: String,
    /// What is wrong with it: "is typed in full-width letters", "holds an invisible U+200B
    /// (zero width space)".
    pub what: String,
}

/// `name` as [`Unplain`], when it is not typed plainly.
pub(in crate::load) fn unplain(name: &str, fields: &[&str]) -> Option<Unplain> {
    use unicode_normalization::UnicodeNormalization;
    let invisible = |c: char| INVISIBLE.iter().find(|(i, _)| *i == c);
    // (A space before the colon, a no-break one as French spacing sets it: `date\u{A0}:`;
    // text43a F43a-8, "holds compatibility characters".)
    let spaced = name.trim_end_matches(char::is_whitespace);
    let space = name[spaced.len()..].chars().next();
    let plain: String = spaced.nfkc().filter(|&c| invisible(c).is_none()).collect();
    // (A Greek or Cyrillic keyboard layout left on: text46a F46a-29. A key wholly on the other
    // layout only when it is one of the mapping's.)
    let layout = layouts::look_alikes(&plain)
        .filter(|s| suggest(&s.meant, fields).is_some())
        .or_else(|| layouts::other_layout(&plain).filter(|s| fields.contains(&s.meant.as_str())));
    let plain = layout.as_ref().map_or(plain, |s| s.meant.clone());
    if plain == name {
        return None;
    }
    let shown: String = name
        .chars()
        .map(|c| {
            if invisible(c).is_some() || c.is_whitespace() && c != ' ' {
                format!("\\u{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    let mut what = Vec::new();
    if let Some(c) = space {
        let kind = if c == ' ' { "a space".to_string() } else { format!("a no-break space (U+{:04X})", c as u32) };
        what.push(format!("has {kind} before its `:`, as French spacing sets one"));
    }
    // (`- 　title:`, the Japanese input's space after an item's dash: text47a F47a-9, "holds
    // compatibility characters".)
    let wide_space = spaced.starts_with('\u{3000}');
    if wide_space {
        what.push(
            "starts with a full-width space (U+3000), which the Japanese input types and YAML reads as part of the key"
                .to_string(),
        );
    }
    let rest = spaced.trim_start_matches('\u{3000}');
    if rest.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)) {
        what.push("is typed in full-width letters".to_string());
    } else if rest.chars().any(|c| invisible(c).is_none() && c.nfkc().ne(std::iter::once(c))) {
        what.push("holds compatibility characters".to_string());
    }
    what.extend(layout.map(|s| s.what));
    let mut seen: Vec<char> = Vec::new();
    for c in name.chars().filter(|&c| invisible(c).is_some()) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    if !seen.is_empty() {
        let names: Vec<String> = seen
            .iter()
            .filter_map(|&c| invisible(c))
            .map(|(c, n)| format!("an invisible U+{:04X} ({n})", *c as u32))
            .collect();
        what.push(format!("holds {}", crate::wording::and_list(&names)));
    }
    Some(Unplain { plain, shown, what: crate::wording::and_list(&what) })
}

/// Points unknown fields that are keys of another mapping of the same document (a `fax:`
/// indented under `topics` or out of `contact`) at where they belong.
pub(in crate::load) fn place_strays(ctx: &Ctx, diagnostics: &mut [Diagnostic]) {
    let mappings = ctx.mappings.borrow();
    for (index, name, own) in ctx.strays.borrow().iter() {
        let places: Vec<String> = mappings
            .iter()
            .filter(|(_, fields)| !std::ptr::eq(*fields, *own) && fields.contains(&name.as_str()))
            .map(|(path, _)| format!("of {}", describe_place(path)))
            .collect();
        let Some(d) = diagnostics.get_mut(*index) else { continue };
        if !places.is_empty() {
            d.help = Some(format!(
                "`{name}` is a key {}: check its indentation against the keys it belongs with",
                crate::wording::and_list(&places)
            ));
        }
    }
}

/// `the top level`, `contact`, `each item of topics`.
pub(in crate::load) fn describe_place(path: &str) -> String {
    if path.is_empty() {
        return "the top level".to_string();
    }
    match path.strip_suffix(']').and_then(|p| p.rfind('[').map(|i| &p[..i])) {
        Some(list) => format!("each item of `{list}`"),
        None => format!("`{path}`"),
    }
}

pub(in crate::load) fn expected_one_of(names: &[&str]) -> String {
    if names.is_empty() {
        return "nothing is expected here".to_string();
    }
    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    format!("expected one of {}", list.join(", "))
}

/// Two numbers or addresses given to a contact field that takes one line, as a list or a
/// mapping (a direct line and the switchboard), or two names as a list: how to give both
/// (text44a F44a-6: the help was to quote the list, which failed again; text45a F45a-34).
pub(in crate::load) fn several_help(path: &str, node: &Node) -> Option<String> {
    // (One in `[…]`, `fax: [+81 …]`, is text that starts with `[`.)
    let several = match &*node.kind {
        NodeKind::Seq(items) => items.len() > 1,
        NodeKind::Map(entries) => entries.len() > 1,
        _ => false,
    };
    if !several {
        return None;
    }
    match path {
        "contact.tel" | "contact.fax" => Some(format!(
            "`{0}` takes one line of text: write both numbers in it, \
             `{0}: \"+81 3 5253 5920 (direct), +81 3 5253 5111 (switchboard)\"`",
            &path[8..]
        )),
        "contact.email" | "contact.url" => Some(format!("`{}` takes one address: put another in `note`", &path[8..])),
        // (Two officers in charge, text45a F45a-34: the text prints as typed, so the help to
        // quote the list, or write it after `|`, printed its dashes.)
        "contact.name" | "contact.division" | "contact.bureau" | "contact.organisation" | "contact.note"
            if matches!(&*node.kind, NodeKind::Seq(_)) =>
        {
            Some(format!("`{0}` is text, not a list: write one a line after `{0}: |`, without the dashes", &path[8..]))
        }
        _ => None,
    }
}

/// The usual slip behind a wrong shape, when there is one.
pub(in crate::load) fn shape_help(expected: &str, node: &Node) -> Option<&'static str> {
    match (expected, &*node.kind) {
        ("a list", NodeKind::Map(_)) => Some("start each item of the list with `- `"),
        ("a list", NodeKind::Scalar { .. }) => Some("write the items on the lines below, each starting with `- `"),
        ("a string", NodeKind::Seq(_)) => {
            Some("text that starts with `-` or `[` must be quoted, or written as a block after `|`")
        }
        ("a string", NodeKind::Map(_)) => {
            Some("write the text itself here; text that contains `: ` must be quoted, or written as a block after `|`")
        }
        ("a mapping", NodeKind::Seq(_)) => Some("remove the `- ` in front of the keys"),
        _ => None,
    }
}

/// Text where a block of keys goes, in the two places it is typed most (text47a F47a-19:
/// `contact: info@example.org`, and topics listed by their titles, `- Trade`): the block to
/// write, with the text under the key it is.
pub(in crate::load) fn text_for_block(path: &str, node: &Node) -> Option<String> {
    let NodeKind::Scalar { text, .. } = &*node.kind else { return None };
    let text = text.lines().next().unwrap_or("").trim();
    if text.is_empty() {
        return None;
    }
    if path == "contact" {
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let key = if text.contains('@') {
            "email"
        } else if text.starts_with("http") || text.starts_with("www.") {
            "url"
        } else if digits >= 6 && text.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c)) {
            "tel"
        } else {
            "name"
        };
        return Some(format!(
            "`contact` is a block of keys: write `contact:` alone on its line, and `  {key}: {text}` below it, indented"
        ));
    }
    let topic = path.strip_prefix("topics[").and_then(|rest| rest.strip_suffix(']'));
    if topic.is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())) {
        return Some(format!(
            "a topic is a block of keys: write `- title: {text}` and, below it, `  body: …`, indented"
        ));
    }
    None
}

/// How a node is described in "expected …, found …".
pub(in crate::load) fn found(node: &Node) -> String {
    let short = |text: &str| {
        let line = text.lines().next().unwrap_or("");
        let mut s: String = line.chars().take(40).collect();
        if s.len() < text.len() {
            s.push('…');
        }
        s
    };
    match &*node.kind {
        NodeKind::Map(_) => "a mapping".to_string(),
        NodeKind::Seq(_) => "a list".to_string(),
        NodeKind::Scalar { text, .. } if text.is_empty() && node.is_null() => "nothing".to_string(),
        NodeKind::Scalar { text, style: Style::Plain } => format!("`{}`", short(text)),
        NodeKind::Scalar { text, style: Style::Quoted } => format!("the quoted text \"{}\"", short(text)),
        NodeKind::Scalar { style: Style::Block, .. } => "a block of text".to_string(),
    }
}
