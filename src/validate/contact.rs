//! The contact block: at least one way to reach someone; an e-mail address and a web address
//! that look like one.

use super::{join, Checker};
use crate::diag::Span;
use crate::load::Spanned;
use crate::model::{Contact, RawContact};
use crate::script::is_direction_mark;
use unicode_normalization::char::is_combining_mark;

/// Contact fields that identify someone to reach, in the order the message lists them.
const WAYS_TO_CONTACT: [&str; 8] = ["tel", "fax", "email", "url", "division", "bureau", "organisation", "name"];

impl Checker<'_> {
    pub(super) fn contact(&mut self, field: Option<Spanned<RawContact>>) -> Option<Contact> {
        let Some(Spanned { span, value: raw }) = field else {
            self.present(None, "", "contact", self.start);
            return None;
        };
        // (A way given with the wrong shape, `tel:` as a list, is reported already: text44a F44a-6.)
        let given =
            [&raw.name, &raw.division, &raw.bureau, &raw.organisation, &raw.tel, &raw.fax, &raw.email, &raw.url];
        let given = given.iter().any(|f| f.as_ref().is_some_and(|f| self.known.replaced.contains(&f.span)));
        let contact = Contact {
            note: self.optional(raw.note, "contact.note"),
            name: self.optional(raw.name, "contact.name"),
            division: self.optional(raw.division, "contact.division"),
            bureau: self.optional(raw.bureau, "contact.bureau"),
            organisation: self.optional(raw.organisation, "contact.organisation"),
            tel: self.number(raw.tel, "contact.tel"),
            fax: self.number(raw.fax, "contact.fax"),
            email: self.email(raw.email),
            url: self.url(raw.url),
        };
        let Contact { name, division, bureau, organisation, tel, fax, email, url, .. } = &contact;
        let ways = [name, division, bureau, organisation, tel, fax, email, url];
        // A misspelt `emial:` is reported by the loader, with the right name; saying that
        // there is nothing to contact as well would only repeat it.
        let misspelt = WAYS_TO_CONTACT.iter().any(|w| self.known.misspelt.contains(&join("contact", w)));
        if ways.iter().all(|w| w.is_none()) {
            if !misspelt && !given {
                let message = format!("nothing to contact; give at least one of {}", WAYS_TO_CONTACT.join(", "));
                self.report(span, "contact", message);
            }
            return None;
        }
        Some(contact)
    }

    /// A telephone or fax number; one pasted from a signature with its label (`Tel. +81 …`,
    /// `FAX: …`, `電話：…`) printed the label twice, "TEL: Tel. +81 …" (text46a F46a-22).
    fn number(&mut self, field: Option<Spanned<String>>, path: &str) -> Option<String> {
        let span = field.as_ref()?.span;
        let text = self.optional(field, path)?;
        if let Some(number) = without_label(&text) {
            let key = path.trim_start_matches("contact.");
            let message = format!(
                "'{text}' starts with its label, which the briefing prints before it; write the number alone: \
                 `{key}: \"{number}\"`"
            );
            self.report(span, path, message);
        }
        Some(text)
    }

    /// An e-mail address: `local@domain.tld`, without spaces, perhaps with `mailto:` in front.
    pub(super) fn email(&mut self, field: Option<Spanned<String>>) -> Option<String> {
        let span = field.as_ref()?.span;
        let curly = field.as_ref().and_then(|f| self.in_curly_quotes(f)).is_some();
        let text = self.optional(field, "contact.email")?;
        if curly {
            // (Reported as typed in curly quotes.)
            return Some(text);
        }
        let address = text.strip_prefix("mailto:").unwrap_or(&text).trim();
        // (`ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ`, or only its `＠` typed full-width, as a Japanese input
        // method writes it: text46a F46a-24; or only some letters, `ｉｎｆｏ@soumu.go.jp`, which
        // passed as letters: text48a F48a-8.)
        let half = (address.len() <= 4 * MAX_EMAIL).then(|| half_width(address)).flatten();
        if let Some(half) = half.filter(|half| email_address(half)) {
            self.look_alike(span, (&text, address), "email", &half);
        } else if !email_address(address) {
            // (`a@example.org, b@example.org`: a second address, text44a F44a-6.)
            let mut parts = address.split([',', ';', ' ', '/']).filter(|p| !p.is_empty());
            let several = parts.clone().count() > 1 && parts.all(email_address);
            let message = match extra(address).filter(|e| email_address(e.address())) {
                _ if several => format!("'{text}' is more than one address: `email` takes one; put another in `note`"),
                Some(extra) => extra.message(&text),
                None => format!("'{text}' is not an e-mail address; write it as name@example.org"),
            };
            self.report(span, "contact.email", message);
        } else if let Some(message) = homograph(&text, "email") {
            self.report(span, "contact.email", message);
        }
        Some(text)
    }

    /// A web address, printed as written; it must be one word.
    pub(super) fn url(&mut self, field: Option<Spanned<String>>) -> Option<String> {
        let span = field.as_ref()?.span;
        let curly = field.as_ref().and_then(|f| self.in_curly_quotes(f)).is_some();
        let text = self.optional(field, "contact.url")?;
        if curly {
            return Some(text);
        }
        let shown: String = text.chars().take(80).collect();
        let cut = if shown.len() < text.len() { "…" } else { "" };
        // (`https://www.ｓoumu.go.jp/`, a letter of its host typed full-width: a link to no
        // host, which passed as letters; text48a F48a-8.)
        let half = (text.len() <= 4 * super::text::MAX_LINK).then(|| half_width(&text)).flatten();
        let look_alike = half.filter(|half| web_address(half)).map(|half| (scheme_and_host(&text), half));
        if let Some((host, half)) = look_alike.filter(|(host, _)| half_width(host).is_some()) {
            self.look_alike(span, (&format!("{shown}{cut}"), host), "url", &half);
        } else if let Some(at) =
            text.find(char::is_whitespace).filter(|_| web_address(text.split_whitespace().next().unwrap_or("")))
        {
            // (An address and words after it, `https://…/english/ (English) / https://…`:
            // the whole line was one link, to no page; text42a F42a-10.)
            let (address, rest) = text.split_at(at);
            let rest = rest.trim();
            let rest = match rest.char_indices().nth(60) {
                Some((at, _)) => format!("{}…", &rest[..at]),
                None => rest.to_string(),
            };
            let message = format!(
                "'{shown}{cut}' is an address and more: `url` is one address, and a link to all of this leads nowhere; \
                 keep `{address}` and put '{rest}' in `note:`, or write a space in an address as %20"
            );
            self.report(span, "contact.url", message);
        } else if let Some(extension) = file_name(&text) {
            // (`annex.pdf` would become a link to a host `annex.pdf`, which no domain can be.)
            let message = format!(
                "'{shown}{cut}' is a file's name (.{extension}), not a web address; write the address it is \
                 published at, as https://www.example.org/annex.pdf"
            );
            self.report(span, "contact.url", message);
        } else if this_computer(&text) {
            let message = format!(
                "'{shown}{cut}' names this computer, not a site a reader can reach; write the address it is \
                 published at, as https://www.example.org/page"
            );
            self.report(span, "contact.url", message);
        } else if let Some(extra) =
            extra(&text).filter(|e| !matches!(e, Extra::Named(..)) && web_address(e.address()) && !e.a_host_s_dot())
        {
            // (A Japanese full stop or a comma typed after the address, `https://…/english/。`,
            // or Outlook's `<…>` around it: a link to no page; text43a F43a-18.)
            let message = extra.message(&text);
            self.report(span, "contact.url", message);
        } else if let Some(message) = homograph(&text, "url") {
            self.report(span, "contact.url", message);
        } else if !web_address(&text) {
            let message = format!("'{shown}{cut}' is not a web address; write it as https://www.example.org/page");
            self.report(span, "contact.url", message);
        }
        Some(text)
    }
}

impl Checker<'_> {
    /// Reports the e-mail or web address (`key`) `shown` at `span` whose `part` (the e-mail
    /// address, or a web address's scheme and host) has characters typed in another form than
    /// ASCII ([`as_ascii`]): at the first of them, with the address in ASCII, `half`, as the help.
    fn look_alike(&mut self, span: Span, (shown, part): (&str, &str), key: &str, half: &str) {
        let mut odd: Vec<char> = Vec::new();
        for c in part.chars().filter(|&c| as_ascii(c).is_some()) {
            if !odd.contains(&c) && odd.len() < 3 {
                odd.push(c);
            }
        }
        let Some(&first) = odd.first() else { return };
        if self.known.replaced.contains(&span) {
            return;
        }
        // (At the character, as typed or escaped in double quotes: not at the value's start.)
        let source = self.file.text.get(span.start..span.end).unwrap_or("");
        let at = super::places::as_written(source, 0, first.encode_utf8(&mut [0; 4]))
            .map_or(span, |found| Span::new(span.start + found.start, span.start + found.end));
        let dead = if key == "email" { "which no mail program takes" } else { "and a link to it leads nowhere" };
        let (message, help) = if odd.iter().all(|c| ('\u{FF01}'..='\u{FF5E}').contains(c)) {
            let listed: Vec<String> = odd.iter().map(|c| format!("`{c}`")).collect();
            let listed = listed.join(", ");
            let message = format!("'{shown}' is written with full-width letters or marks ({listed}), {dead}");
            (message, format!("write it in half-width characters: `{key}: {half}`"))
        } else {
            let listed: Vec<String> = odd
                .iter()
                .map(|&c| format!("`{c}` (U+{:04X}) for `{}`", c as u32, as_ascii(c).unwrap_or_default()))
                .collect();
            let listed = listed.join(", ");
            let message = format!("'{shown}' has {listed}: look-alikes of Latin letters, digits or marks, {dead}");
            (message, format!("write it in plain letters: `{key}: {half}`"))
        };
        self.report_with_help(at, &format!("contact.{key}"), message, Some(help));
    }
}

/// An address of Latin letters with a Greek or Cyrillic look-alike among them, typed with
/// the other keyboard layout left on (`exаmple.org` with a Cyrillic `а`): a homograph, which
/// leads to another host or none (text46a F46a-29). Words wholly of one script, as
/// `info@пример.рф`, are an address of that script.
fn homograph(text: &str, key: &str) -> Option<String> {
    let (letters, latin) = crate::script::look_alikes_in(text)?;
    let named = crate::script::name_look_alikes(&letters);
    Some(format!(
        "'{text}' has {named} among Latin letters: a look-alike (homograph) of `{latin}`, which is \
         another address and leads elsewhere or nowhere; type it with the Latin keyboard layout: `{key}: {latin}`"
    ))
}

/// The number in `text` after a label a signature writes before it (`Tel.`, `TEL:`,
/// `Phone`, `Fax`, `電話：`, `ＴＥＬ`), if it starts with one.
fn without_label(text: &str) -> Option<&str> {
    use unicode_normalization::UnicodeNormalization;
    const LABELS: [&str; 9] = ["telephone", "phone", "tel", "fax", "電話番号", "電話", "mobile", "mob", "ph"];
    let folded: String = text.nfkc().collect::<String>().to_lowercase();
    let label = LABELS.iter().find(|l| folded.starts_with(*l))?;
    // (Counted in characters of the text as typed: NFKC keeps one for each here.)
    let after: usize = text.char_indices().nth(label.chars().count()).map_or(text.len(), |(i, _)| i);
    let number = text[after..].trim_start_matches(|c: char| c.is_whitespace() || ".:：．。".contains(c));
    Some(number)
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit() || "+(（＋".contains(c) || ('０'..='９').contains(&c)))
}

/// The longest e-mail address there can be (RFC 5321's 254 characters).
const MAX_EMAIL: usize = 254;

/// Whether `address` is an e-mail address a reader can write to: a name of letters, digits
/// and the signs RFC 5322 allows, `@`, and a host's name with a dot inside it.
fn email_address(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else { return false };
    let of_a_name = |c: char| c.is_alphanumeric() || is_combining_mark(c) || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    !local.is_empty()
        && address.len() <= MAX_EMAIL
        && local.chars().all(of_a_name)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && crate::markdown::host_name(domain)
}

/// Punctuation a sentence puts after an address and no address ends in: Latin commas,
/// semicolons, colons, stops, and their Japanese and full-width forms.
const AFTER_AN_ADDRESS: &[char] =
    &['.', ',', ';', ':', '!', '?', '。', '、', '．', '，', '；', '：', '！', '？', '｡', '､'];

/// Brackets typed around an address: Outlook's `<…>`, a note's `(…)`, their full-width forms,
/// and quotes.
const BRACKETS: [(char, char); 8] =
    [('<', '>'), ('(', ')'), ('[', ']'), ('（', '）'), ('＜', '＞'), ('「', '」'), ('“', '”'), ('‘', '’')];

/// What was typed with an address in a contact field and is no part of it.
#[derive(Debug, PartialEq)]
enum Extra<'a> {
    /// Brackets around the address: the address, the brackets.
    Brackets(&'a str, char, char),
    /// Punctuation after the address (or a bracket it does not open): the address, the rest.
    After(&'a str, &'a str),
    /// A person's name before the address in brackets, as Outlook and Teams copy a sender
    /// (`Yamada Taro <yamada-t@soumu.go.jp>`): the address, the name (text45a F45a-4).
    Named(&'a str, &'a str),
    /// Invisible direction marks around or in the address, as Outlook and Teams copy it from a
    /// contact card: the address without them, the marks (text45a F45a-13).
    Marks(String, Vec<char>),
}

impl<'a> Extra<'a> {
    /// The address, without what was typed with it.
    fn address(&self) -> &str {
        match self {
            Extra::Brackets(address, ..) | Extra::After(address, _) | Extra::Named(address, _) => address,
            Extra::Marks(address, _) => address,
        }
    }

    /// Whether it is only the dot a host's name may end in (`www.gov.uk.`): part of the address.
    fn a_host_s_dot(&self) -> bool {
        let Extra::After(address, rest) = self else { return false };
        let after_scheme = address.split_once("://").map_or(*address, |(_, rest)| rest);
        *rest == "." && !after_scheme.contains(['/', '?', '#'])
    }

    /// What is wrong with `text` and the fix.
    fn message(&self, text: &str) -> String {
        match self {
            Extra::Brackets(address, open, close) => format!(
                "'{text}' has `{open}` `{close}` around the address, and a link with them would lead nowhere; \
                 write the address alone: {address}"
            ),
            Extra::After(address, rest) => format!(
                "'{text}' ends in `{rest}`, typed after the address, and a link with it would lead nowhere; \
                 delete it: {address}"
            ),
            Extra::Named(address, name) if name == address => {
                format!("'{text}' is the address twice, as Outlook copies it; write the address alone: {address}")
            }
            Extra::Named(address, name) => format!(
                "'{text}' is a name and an address, as Outlook copies them; keep the address, \
                 `email: {address}`, and put the name in `name: {name}`"
            ),
            Extra::Marks(address, marks) => {
                let marks: Vec<String> = marks.iter().map(|c| format!("U+{:04X}", u32::from(*c))).collect();
                format!(
                    "'{text}' has invisible direction marks ({}), copied with it from a contact card, and a \
                     link with them would lead nowhere; delete them: {address}",
                    marks.join(", ")
                )
            }
        }
    }
}

/// What was typed with the address `text` (see [`Extra`]), if anything; whether what is left
/// is an address is for the caller to say.
fn extra(text: &str) -> Option<Extra<'_>> {
    if text.contains(is_direction_mark) {
        let mut marks: Vec<char> = text.chars().filter(|&c| is_direction_mark(c)).collect();
        marks.dedup();
        return Some(Extra::Marks(text.chars().filter(|&c| !is_direction_mark(c)).collect(), marks));
    }
    // (`Name <address>` and `Name (address)`: the name is not the quote of a bracket pair.)
    for (open, close) in [('<', '>'), ('(', ')'), ('＜', '＞'), ('（', '）')] {
        if let Some((name, inner)) = text.strip_suffix(close).and_then(|t| t.rsplit_once(open)) {
            let name = name.trim().trim_matches(['"', '\'', '“', '”']).trim();
            if !name.is_empty() {
                return Some(Extra::Named(inner.trim(), name));
            }
        }
    }
    for (open, close) in BRACKETS {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            return Some(Extra::Brackets(inner.trim(), open, close));
        }
    }
    // A closing bracket the address does not open is punctuation after it.
    let unopened = |c: char| BRACKETS.iter().any(|&(open, close)| close == c && !text.contains(open));
    let address = text.trim_end_matches(|c: char| AFTER_AN_ADDRESS.contains(&c) || unopened(c));
    (!address.is_empty() && address.len() < text.len()).then(|| Extra::After(address, &text[address.len()..]))
}

/// The ends of files' names that no top-level domain has: a web address whose host ends in
/// one (`annex.pdf`, `setup.exe`, `page.php`) is a file's name. (Not `zip` or `mov`, which
/// are domains.)
const FILE_ENDS: &[&str] = &[
    "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "pptm", "odt", "ods", "odp", "odg", "txt",
    "rtf", "csv", "htm", "html", "yaml", "yml", "json", "xml", "epub", "hwp", "png", "jpg", "jpeg", "gif", "svg",
    "webp", "tif", "tiff", "bmp", "eps", "psd", "gz", "tgz", "7z", "rar", "mp3", "mp4", "exe", "msi", "dmg", "iso",
    "apk", "bat", "php", "asp", "aspx", "jsp", "cgi", "js", "css", "ics", "vcf", "eml", "msg", "tar", "xz", "bz2",
    "wav", "avi", "mkv", "geojson", "kml", "kmz", "gpx",
];

/// The end of the file's name `text` is (`pdf` of `annex.pdf`, `https://annex.pdf`), if its
/// host ends so.
fn file_name(text: &str) -> Option<&'static str> {
    let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
    // (`annex.pdf.` too: a host may end in a dot; text24 F24-3.)
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("").trim_end_matches('.');
    let last = host.rsplit_once('.')?.1;
    FILE_ENDS.iter().find(|e| e.eq_ignore_ascii_case(last)).copied()
}

/// The host of the web address `text` (`example.org`, `[2001:db8::1]`), without its scheme,
/// port, path, query or fragment, and whether its port (if any) is one a browser opens;
/// `None` for a scheme other than `http` and `https`.
fn host_of(text: &str) -> Option<(&str, bool)> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &text[8..]
    } else if lower.starts_with("http://") {
        &text[7..]
    } else if text.contains("://") {
        return None;
    } else {
        text
    };
    // (A user before the host is not stripped: `desk@soumu.go.jp` is an e-mail address.)
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // An IPv6 address is in brackets. (A port a browser opens: text24 F24-6, a 20-digit one
    // passed; text25 F25a-4, after an IPv6 address too.)
    let (host, port) = crate::markdown::host_and_port(authority);
    Some((host, crate::markdown::port_opens(port)))
}

/// Whether every label of `host` is a number (`127.1`, `0x7f.0.0.1`): an address of the
/// Internet, not a name.
fn numeric(host: &str) -> bool {
    host.trim_end_matches('.').split('.').all(|label| {
        match label.strip_prefix("0x").or_else(|| label.strip_prefix("0X")) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()),
        }
    })
}

/// Whether `text` is a web address a reader can follow: `http://` or `https://` (or no
/// scheme, as in `www.example.org/page`), then a host's name with a dot inside it, four
/// numbers (`192.0.2.1`) or an IPv6 address in brackets, and a port a browser opens, no longer
/// than [`super::text::MAX_LINK`].
fn web_address(text: &str) -> bool {
    let Some((host, port)) = host_of(text) else { return false };
    let known = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.contains(':') && v6.parse::<std::net::Ipv6Addr>().is_ok(),
        // (An address written short or in hex, `127.1`, is none a reader should be given.)
        None if numeric(host) => host.trim_end_matches('.').parse::<std::net::Ipv4Addr>().is_ok(),
        // (A host's name as a link's is, `example.org.` and `my_host.example.org` too, with a dot.)
        None => host.contains('.') && crate::markdown::host_name(host),
    };
    text.len() <= super::text::MAX_LINK && known && port
}

/// Whether the web address `text` leads to the computer it is opened on: `localhost` or a
/// name under it, a loopback or unspecified address (`127.0.0.1`, `0.0.0.0`, `[::1]`, `[::]`,
/// `[::ffff:127.0.0.1]`). A published briefing's reader would reach their own.
fn this_computer(text: &str) -> bool {
    let Some((host, _)) = host_of(text) else { return false };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let v4 = |ip: std::net::Ipv4Addr| ip.is_loopback() || ip.is_unspecified();
    let v6 =
        host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).and_then(|h| h.parse::<std::net::Ipv6Addr>().ok());
    ["localhost", "localhost.localdomain"].contains(&host.as_str())
        || host.ends_with(".localhost")
        || host.parse::<std::net::Ipv4Addr>().is_ok_and(v4)
        || v6.is_some_and(|ip| ip.is_loopback() || ip.is_unspecified() || ip.to_ipv4_mapped().is_some_and(v4))
}

/// What a character typed in another form than ASCII is in ASCII: a full-width letter,
/// digit or mark (`ｉ`, `＠`, `．`, as the Japanese input types them) or another that NFKC
/// writes in ASCII (`𝐢`, `ﬁ`, `ª`). `None` for ASCII, and for letters of other scripts (`例`,
/// Greek, Cyrillic), which an address may be written in.
fn as_ascii(c: char) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    if c.is_ascii() {
        return None;
    }
    let folded: String = std::iter::once(c).nfkc().collect();
    folded.chars().all(|f| f.is_ascii_graphic()).then_some(folded)
}

/// `text` with its full-width letters, digits and marks (`ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ`) and
/// their other look-alikes written in ASCII (as NFKC writes them, see [`as_ascii`]), or
/// `None` when it has none.
fn half_width(text: &str) -> Option<String> {
    text.contains(|c| as_ascii(c).is_some())
        .then(|| text.chars().map(|c| as_ascii(c).unwrap_or_else(|| c.to_string())).collect())
}

/// The start of the web address `text` that is its scheme and host (`https://www.ｓoumu.go.jp`
/// of `https://www.ｓoumu.go.jp/menu/`): its scheme read as it is in ASCII (`ｈｔｔｐｓ：／／`
/// too), then to the first `/`, `?` or `#`, as a browser reads it.
fn scheme_and_host(text: &str) -> &str {
    let mut read = String::new();
    let mut after_scheme = 0;
    for (at, c) in text.char_indices().take(12) {
        read.push_str(&as_ascii(c).unwrap_or_else(|| c.to_string()));
        if read.ends_with("://") {
            after_scheme = at + c.len_utf8();
            break;
        }
        // (A scheme is a word of letters: `https`, `http`.)
        if !read.trim_end_matches([':', '/']).bytes().all(|b| b.is_ascii_alphabetic()) {
            break;
        }
    }
    let end = text[after_scheme..].find(['/', '?', '#']).map_or(text.len(), |i| after_scheme + i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    #[test]
    fn look_alikes_of_ascii_are_read_in_ascii() {
        assert_eq!(super::half_width("ｉｎｆｏ@soumu.go.jp").as_deref(), Some("info@soumu.go.jp"));
        assert_eq!(super::half_width("𝐢nfo＠soumu.go.jp").as_deref(), Some("info@soumu.go.jp"));
        for other in ["info@例え.jp", "https://例え.jp/", "info@пример.рф", "ｶﾀｶﾅ.jp", "a\u{3000}b"]
        {
            assert_eq!(super::half_width(other), None, "{other}");
        }
        for (text, host) in [
            ("https://www.ｓoumu.go.jp/menu/", "https://www.ｓoumu.go.jp"),
            ("ｈｔｔｐｓ：／／ｗｗｗ．ｓｏｕｍｕ．ｇｏ．ｊｐ／x", "ｈｔｔｐｓ：／／ｗｗｗ．ｓｏｕｍｕ．ｇｏ．ｊｐ／x"),
            ("www.example.org/ｐａｇｅ", "www.example.org"),
            ("www.x.org/?u=https://ｙ.org", "www.x.org"),
            ("https://x.org", "https://x.org"),
            ("https://", "https://"),
            ("x.org?q", "x.org"),
        ] {
            assert_eq!(super::scheme_and_host(text), host, "{text}");
        }
    }

    #[test]
    fn web_addresses_are_ones_a_reader_can_follow() {
        for good in [
            "www.soumu.go.jp",
            "https://www.soumu.go.jp/menu_news/",
            "HTTP://example.eu:8080/x?y#z",
            "総務省.jp",
            "www.gov.uk./x",
            "my_host.example.org",
            "https://[2001:db8::1]/page",
            "http://[2001:db8::1]:8080",
            "https://192.0.2.1/",
        ] {
            assert!(super::web_address(good), "{good}");
        }
        for bad in [
            "http://",
            "https://",
            ".",
            "x.",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x.org",
            "a b.org",
            "a..b.org",
            "-.org",
            "https://[]/",
            "https://[xyz]/",
            "https://[2001:db8::1/",
            "https://[1.2.3.4]/",
            "desk@soumu.go.jp",
            "[2001:db8::1]:99999",
            "https://[2001:db8::1]:0/",
            "https://[2001:db8::1]x/",
            "https://[2001:db8::1]./",
            "http://127.1/",
            "http://0x7f.0.0.1/",
            "https://example.org:99999/",
            "example.org:12345678901234567890",
            "https://example.org:1x/",
        ] {
            assert!(!super::web_address(bad), "{bad}");
        }
        assert!(!super::web_address(&format!("https://example.org/{}", "a".repeat(super::super::text::MAX_LINK))));
    }

    #[test]
    fn this_computer_is_no_place_a_reader_reaches() {
        for here in [
            "http://localhost/x",
            "localhost:8080",
            "https://LOCALHOST./",
            "http://a.localhost",
            "http://127.0.0.1/",
            "https://[::1]/",
        ] {
            assert!(super::this_computer(here), "{here}");
        }
        for there in
            ["https://www.soumu.go.jp", "https://localhost.example.org/", "https://[2001:db8::1]/", "http://128.0.0.1/"]
        {
            assert!(!super::this_computer(there), "{there}");
        }
        for file in ["setup.exe", "https://page.php/", "www.example.aspx", "annex.pdf.", "https://annex.pdf./x"] {
            assert!(super::file_name(file).is_some(), "{file}");
        }
        for domain in ["https://www.example.zip", "https://example.mov"] {
            assert!(super::file_name(domain).is_none(), "{domain}");
        }
    }
}
