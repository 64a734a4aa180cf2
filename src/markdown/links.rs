//! Links in Markdown bodies: where a link leads (only where a reader means to go), and the web
//! and e-mail addresses written as plain text, which become links to themselves.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::builder::Builder;
use super::Inline;
use crate::script::{is_invisible, is_japanese, link_address};
use unicode_normalization::char::is_combining_mark;

/// The schemes a link may name; a link to any other (`javascript:`, `data:`, `file:`…) is
/// refused by validation, and prints as text only.
pub const LINK_SCHEMES: [&str; 5] = ["https", "http", "mailto", "tel", "ftp"];

/// The scheme `url` names (`https` of `https://…`), if it names one.
fn scheme(url: &str) -> Option<&str> {
    url.trim().split_once(':').map(|(s, _)| s).filter(|s| {
        s.len() > 1
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    })
}

/// Whether `scheme` is one of [`LINK_SCHEMES`].
fn allowed(scheme: &str) -> bool {
    LINK_SCHEMES.iter().any(|l| l.eq_ignore_ascii_case(scheme))
}

/// Whether `url` names a scheme that is not one of [`LINK_SCHEMES`].
pub(super) fn refused_scheme(url: &str) -> bool {
    scheme(url).is_some_and(|s| !allowed(s))
}

/// Notes a link to `url`, written as `written` from byte `at` of the text, when no reader may
/// follow it (a scheme refused) or can (an address relative to a web page, a scheme alone, or
/// none: `[a]()`). An image's address (`image`) is never a link, so only one that leads
/// nowhere is noted: a reader is shown it, as the picture is not drawn.
pub(super) fn note_unfollowable(
    unprinted: &mut super::Unprinted,
    url: &str,
    written: &str,
    (at, image): (usize, bool),
) {
    let refused = refused_scheme(url) && !image;
    if !refused && link_target(url).is_some_and(|target| names_a_place(&target)) {
        return;
    }
    let line = written.split('\n').next().unwrap_or_default();
    let written = line.find(url).filter(|_| !url.is_empty()).map_or(line, |p| &line[..p + url.len()]).to_string();
    let note = super::Written { address: url.to_string(), at, written };
    if refused {
        unprinted.links.push(note)
    } else if image {
        unprinted.images.push(note)
    } else {
        unprinted.relative.push(note)
    }
}

/// Whether `target`, a link to one of [`LINK_SCHEMES`], names where it leads: a host after
/// `//` (`https://?` and `https:example.org` name none), a name and a domain after `mailto:`,
/// a digit after `tel:`. A scheme alone leads nowhere.
fn names_a_place(target: &str) -> bool {
    let Some((scheme, rest)) = target.split_once(':') else { return true };
    match scheme.to_ascii_lowercase().as_str() {
        "mailto" => {
            let to = rest.split(['?', ',']).next().unwrap_or("");
            to.rsplit_once('@').is_some_and(|(name, domain)| !name.is_empty() && host_name(domain))
        }
        "tel" => rest.contains(|c: char| c.is_ascii_digit()),
        _ => {
            let Some(after) = rest.strip_prefix("//") else { return false };
            let authority = after.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
            // (Without its port, which is a number a browser opens (text24 F24-6: `:99999`
            // and `:abc` were links); an IPv6 host is in brackets.)
            let (host, port) = host_and_port(host);
            let named = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
                // (An IPv6 address a browser reads: text25 F25-4, `[::1::2]` and `[gggg::]` were links.)
                Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
                None => host_name(host),
            };
            named && port_opens(port)
        }
    }
}

/// An address's authority (`example.org:8080`, `[2001:db8::1]:443`) split into its host, an
/// IPv6 address in brackets, and its port as written (`:8080`, or nothing).
pub fn host_and_port(authority: &str) -> (&str, &str) {
    let end = if authority.starts_with('[') {
        authority.find(']').map_or(authority.len(), |end| end + 1)
    } else {
        authority.find(':').unwrap_or(authority.len())
    };
    authority.split_at(end)
}

/// Whether `port`, as written after a host (`:8080`, or nothing), is one a browser opens: a
/// number from 1 to 65535, or none (`:` alone is the scheme's).
pub fn port_opens(port: &str) -> bool {
    match port.strip_prefix(':') {
        None => port.is_empty(),
        Some("") => true,
        Some(n) => n.bytes().all(|b| b.is_ascii_digit()) && n.parse::<u16>().is_ok_and(|p| p > 0),
    }
}

/// Whether `host` is a host's name: labels between dots, each with a letter or digit, of
/// letters, digits, `-` and `_`, not starting or ending with `-` (`example.org`, `総務省.jp`,
/// `localhost`, `example.org.`; not `.`, `www.`, `www.-.-`, `-a` or `%20`).
pub fn host_name(host: &str) -> bool {
    // (A name of two labels or more may end in a dot, `example.org.`, not `www.`; and hold
    // `_`, `my_host.example.org`.)
    let host = host.strip_suffix('.').filter(|h| h.contains('.')).unwrap_or(host);
    host.split('.').all(|label| {
        label.contains(|c: char| c.is_alphanumeric())
            && label.chars().all(|c| c.is_alphanumeric() || "-_".contains(c))
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

/// Where a link written as `url` leads in a PDF: as written when it names a scheme
/// (`https:`, `mailto:`…), `https://` before `www.…`, `mailto:` before an e-mail address; an
/// address relative to a web page (`#part`, `/path`) leads nowhere in a PDF, so it is no link
/// (its text and address are still printed).
pub(super) fn link_target(url: &str) -> Option<String> {
    let url = link_address(url.trim());
    let url = url.as_ref();
    if let Some(scheme) = scheme(url) {
        // Only addresses a reader means to follow: `javascript:`, `data:` or `file:` would run
        // code or open a file of the reader's machine from a published document.
        allowed(scheme).then(|| url.to_string())
    } else if url.starts_with("www.") {
        Some(format!("https://{url}"))
    } else if url.contains('@') && !url.contains(['/', ' ']) && url.rsplit('@').next().is_some_and(|d| d.contains('.'))
    {
        Some(format!("mailto:{url}"))
    } else {
        None
    }
}

/// An inline split where web addresses (`https://…`, `www.…`) and e-mail addresses are
/// written in plain text, each of those becoming a link to itself, as GitHub's Markdown does.
pub(super) fn autolink(mut inline: Inline) -> Vec<Inline> {
    if inline.link.is_some() || inline.code {
        return vec![inline];
    }
    let found = addresses(&inline.text);
    if found.is_empty() {
        return vec![inline];
    }
    // The look of every piece, without the text (cloned once a piece: cloning the whole text
    // for each made a paragraph of 80,000 addresses take 11 s).
    let text = std::mem::take(&mut inline.text);
    let piece = |text: &str, link: Option<String>| Inline { text: text.to_string(), link, ..inline.clone() };
    let mut out = Vec::with_capacity(2 * found.len() + 1);
    let mut at = 0;
    for (start, end, target) in found {
        if start > at {
            out.push(piece(&text[at..start], None));
        }
        out.push(piece(&text[start..end], Some(target)));
        at = end;
    }
    if at < text.len() {
        out.push(piece(&text[at..], None));
    }
    out
}

/// Whether the link at `range` of `src` is an address in angle brackets glued to the word
/// before it, `report<https://e.org/x>`, as Outlook pastes a link with its text (text46a
/// F46a-26): its brackets print as typed, or the word and the address would run together
/// (`reporthttps://…`). (Not after a Japanese character: Japanese has no spaces, and an address
/// with Japanese in it is written `<https://…>`.)
pub(super) fn glued_address(src: &str, range: &std::ops::Range<usize>) -> bool {
    let written = &src[range.clone()];
    let before = src[..range.start].chars().next_back();
    written.starts_with('<') && written.ends_with('>') && before.is_some_and(|c| c.is_alphanumeric() && !is_japanese(c))
}

/// The addresses written in `text`, in order: their byte ranges and where they lead. One
/// pass over the text, word by word (an address holds no space), so that a paragraph of many
/// thousands of addresses takes time in proportion to its length. Japanese text has no spaces
/// between words: a Japanese character (kana, kanji, CJK and full-width punctuation, U+3000)
/// ends a word too, so `詳細はhttps://e.org/xをご覧ください` links `https://e.org/x` only. (An
/// address with Japanese in it is written `<https://…>`; other letters, `Straße`, are part of
/// an address.)
fn addresses(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut word_start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_whitespace() || c == '<' || is_japanese(c) {
            if i > word_start {
                addresses_in_word(text, word_start, i, &mut out);
            }
            word_start = i + c.len_utf8();
        }
    }
    out
}

/// The web and e-mail addresses written in plain text in `src` (the Markdown as typed), as
/// byte ranges in order, for [`inside_address`].
pub(super) fn address_ranges(src: &str) -> Vec<std::ops::Range<usize>> {
    addresses(src).into_iter().map(|(start, end, _)| start..end).collect()
}

/// Whether the character at byte `at` (an emphasis mark) is inside one of `ranges` (see
/// [`address_ranges`]), not at its start or end (`www.example.org/a*b*c`): part of the
/// address, printed as typed.
pub(super) fn inside_address(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let k = ranges.partition_point(|r| r.end <= at);
    ranges.get(k).is_some_and(|r| r.start < at && at + 1 < r.end)
}

/// The addresses in the word `text[from..to]` (see [`addresses`]): at most one web address,
/// which runs to the word's end, and e-mail addresses outside it.
fn addresses_in_word(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize, String)>) {
    let word = &text[from..to];
    // An address starts where a word could: not inside one (`URL:https://…` and `連絡先：a@…`
    // start one).
    let boundary = |at: usize| at == 0 || !word[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
    // A web address does not start inside an e-mail address either (`info@www.example.org`).
    let web_boundary = |at: usize| boundary(at) && !word[..at].ends_with(['@', '.', '-', '_']);
    // (Most words have neither a colon nor a dot: no address to look for.)
    let prefixes: &[&str] = if word.contains([':', '.']) { &["https://", "http://", "www."] } else { &[] };
    let web = prefixes
        .iter()
        .filter_map(|prefix| {
            let mut search = 0;
            while let Some(found) = word[search..].find(prefix) {
                let start = search + found;
                search = start + prefix.len();
                // What could be the host, before the address's end is worked out (an address
                // that cannot be one costs no more than its host).
                let host = word[start + prefix.len()..].split(['/', '?', '#']).next().unwrap_or("");
                // (`www.info@example.org` is an e-mail address.)
                let www_host = |host: &str| host.contains('.') && !host.contains('@');
                if !web_boundary(start) || host.is_empty() || (*prefix == "www." && !www_host(host)) {
                    continue;
                }
                let end = address_end(&word[start..]);
                // (Its end trimmed back into the prefix, `www...`: no address.)
                if end <= prefix.len() {
                    continue;
                }
                let domain = word[start + prefix.len()..start + end].split(['/', '?', '#']).next().unwrap_or("");
                if domain.is_empty() || (*prefix == "www." && !www_host(domain)) {
                    continue;
                }
                let target = if *prefix == "www." {
                    format!("https://{}", &word[start..start + end])
                } else {
                    word[start..start + end].to_string()
                };
                // (Only an address that names a host is a link: `http://@` is text.)
                // (Its invisible characters left out, as the link leaves them: a zero-width space
                // pasted inside the host, `www.exa<U+200B>mple.org`, made it text; text49a F49a-21.)
                if !names_a_place(&link_address(&target)) {
                    continue;
                }
                return Some((start, start + end, target));
            }
            None
        })
        .min_by_key(|w| w.0);
    // E-mail addresses, name@domain.tld, before the web address or without one.
    let mails_end = web.as_ref().map_or(word.len(), |w| w.0);
    let bytes = word.as_bytes();
    let mut taken = 0; // where the last address found ends
    for (at, _) in word[..mails_end].match_indices('@') {
        // A name may hold an apostrophe (`o'brien@…`), but not start with one (`'desk@…'` is
        // an address in quotes); and letters of any alphabet, `jürgen.müller@…` (text35b
        // F35b-1: the link went to `ller@…` from the first letter past ASCII).
        // A combining mark (`ọ̀`, `i̇`) and a character never drawn (a soft hyphen, a zero-width
        // space) are of the name too, and the link leaves the latter out (text37b F37b-1: the
        // link went to `lá@…` from the mark, and to `ample@…` for `ex<U+00AD>ample@…`).
        let part = |c: char| c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c);
        let local = |c: char| part(c) || ".+-_'".contains(c);
        let domain = |c: char| part(c) || ".-_".contains(c);
        let before = word[taken..at].char_indices().rev().take_while(|&(_, c)| local(c)).last();
        let mut start = before.map_or(at, |(i, _)| taken + i);
        while start < at && bytes[start] == b'\'' {
            start += 1;
        }
        let after = word[at + 1..mails_end].char_indices().take_while(|&(_, c)| domain(c)).last();
        let mut end = after.map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-' | b'_') {
            end -= 1;
        }
        let host = &word[at + 1..end];
        // (After a backslash, the name as typed goes on before it: `a\_b@…` is no `_b@…`.)
        let escaped = start > 0 && bytes[start - 1] == b'\\';
        if start == at || !host.contains('.') || host.starts_with('.') || !boundary(start) || escaped {
            continue;
        }
        out.push((from + start, from + end, format!("mailto:{}", link_address(&word[start..end]))));
        taken = end;
    }
    if let Some((start, end, target)) = web {
        out.push((from + start, from + end, link_address(&target).into_owned()));
    }
}

/// Where a web address that starts `word` ends: the word's end, less the punctuation that
/// ends a sentence and closing brackets (`)`, `]`, `}`) that were not opened inside. A double
/// quote mark, a guillemet, an opening single quote, an angle bracket, an ellipsis or a dash,
/// which no address holds as typed, ends it where it stands (`<a href="https://e.org">`,
/// `«https://e.org»`, `„https://e.org“`, `https://e.org—or`).
fn address_end(word: &str) -> usize {
    const NEVER: [char; 15] = ['"', '<', '>', '«', '»', '‹', '›', '“', '”', '„', '‘', '‚', '…', '—', '–'];
    let word = &word[..word.find(NEVER).unwrap_or(word.len())];
    let count = |c: char| word.matches(c).count();
    // For each kind of bracket: how many were opened and closed inside.
    let mut brackets = [('(', ')'), ('[', ']'), ('{', '}')].map(|(open, close)| (close, count(open), count(close)));
    let mut end = word.len();
    loop {
        end = word[..end].trim_end_matches(['.', ',', ':', ';', '!', '?', '*', '_', '~', '\'', '’']).len();
        let last = word[..end].chars().next_back();
        match brackets.iter_mut().find(|b| Some(b.0) == last && b.1 < b.2) {
            Some(b) => {
                end -= 1;
                b.2 -= 1;
            }
            None => return end,
        }
    }
}

/// The text printed as text, as the parser's events stream in: not in a code block or an
/// autolink's address (`<https://e.org/[r]>`); a link's words are (`[see [r]](https://e.org)`,
/// text24 F24-1), and an image's description.
#[derive(Default)]
pub(super) struct Printed {
    pub texts: Vec<std::ops::Range<usize>>,
    /// How deep in code blocks and autolinks the text is, and in autolinks.
    not_text: usize,
    autolinks: usize,
}

impl Printed {
    pub(super) fn see(&mut self, ev: &Event, range: &std::ops::Range<usize>) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => self.not_text += 1,
            Event::Start(Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => {
                self.not_text += 1;
                self.autolinks += 1;
            }
            Event::End(TagEnd::Link) if self.autolinks > 0 => {
                self.not_text = self.not_text.saturating_sub(1);
                self.autolinks -= 1;
            }
            Event::End(TagEnd::CodeBlock) => self.not_text = self.not_text.saturating_sub(1),
            Event::Text(_) if self.not_text == 0 => extend(&mut self.texts, range.clone()),
            _ => {}
        }
    }
}

/// `ranges` with `range` added: joined to the last when it goes on from it.
fn extend(ranges: &mut Vec<std::ops::Range<usize>>, range: std::ops::Range<usize>) {
    match ranges.last_mut() {
        Some(last) if last.end == range.start => last.end = range.end,
        _ => ranges.push(range),
    }
}

/// The reference links in `texts` (ranges of `src` printed as text past the parser's fuel:
/// not code, a link or a definition), which print as typed: the first (its label as shown,
/// `[label]` or `[label][]`, and where it is written), and the label of each, as the parser
/// looks it up (spaces and line breaks inside it one space), that `defined` knows. One pass:
/// a label ends at the first `]` after its `[`, with no `[` between, 999 characters at most;
/// a `[` after a backslash is no label's.
pub(super) fn past_fuel<'r>(
    src: &str,
    texts: impl Iterator<Item = &'r std::ops::Range<usize>>,
    defined: impl Fn(&str) -> bool,
) -> (Option<(String, super::Written)>, Vec<String>) {
    let (mut first, mut labels) = (None, Vec::new());
    let mut opens = texts.flat_map(|r| src[r.clone()].match_indices('[').map(move |(at, _)| r.start + at)).peekable();
    let mut close: Option<usize> = None;
    while let Some(open) = opens.next() {
        if close.is_none_or(|c| c <= open) {
            close = src[open + 1..].find(']').map(|c| open + 1 + c);
        }
        let Some(end) = close else { break };
        let escaped = src[..open].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
        if end - open > 4000 || escaped || opens.peek().is_some_and(|&next| next < end) {
            continue;
        }
        let label = src[open + 1..end].split_whitespace().collect::<Vec<_>>().join(" ");
        if !defined(&label) {
            continue;
        }
        if first.is_none() {
            // (A collapsed reference, `[label][]`, as typed.)
            let collapsed = if src[end + 1..].starts_with("[]") { "[]" } else { "" };
            let typed = &src[open..end + 1];
            let written = typed.split('\n').next().unwrap_or_default().to_string();
            let shown = format!("[{label}]{collapsed}");
            first = Some((shown, super::Written { address: written.clone(), at: open, written }));
        }
        labels.push(label);
    }
    (first, labels)
}

/// Numbered citations: a number in brackets with a definition (`the AI Act [1]` … `[1]:
/// https://…`) prints as typed, and the definitions of numbers are a list of sources, printed
/// as typed, a line each, where they are written (text44a F44a-3: Markdown read `[1]` as a
/// link, "the AI Act 1 (https://…)", and the list printed nothing).
#[derive(Default)]
pub(super) struct Citations {
    /// The lists of sources still to print, the last first: runs of definitions of numbers on
    /// consecutive lines.
    lists: Vec<std::ops::Range<usize>>,
    /// The labels defined by them.
    labels: Vec<String>,
    /// For each link open, what closes it when it is a citation: `]`, or `][2]` after the
    /// first of two side by side.
    open: Vec<Option<String>>,
    /// Whether the event last seen starts a citation.
    pub(super) cited: bool,
    /// What closes the citation the event last seen starts.
    closing: Option<String>,
}

impl Citations {
    /// The citations of `src`, given its link definitions (label and place).
    pub(super) fn new<'a>(src: &str, definitions: impl Iterator<Item = (&'a str, &'a std::ops::Range<usize>)>) -> Self {
        let mut c = Citations::default();
        let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
        for (label, span) in definitions.filter(|(label, _)| numbered(label)) {
            c.labels.push(label.to_string());
            spans.push(span.clone());
        }
        spans.sort_by_key(|s| s.start);
        for span in spans {
            match c.lists.last_mut() {
                Some(list)
                    if src[list.end..span.start].matches('\n').count() <= 1
                        && src[list.end..span.start].trim().is_empty() =>
                {
                    list.end = span.end
                }
                _ => c.lists.push(span),
            }
        }
        c.lists.reverse();
        c
    }

    /// Notes event `ev` at `range` of `src`: the lists of sources written before a block it
    /// starts print first.
    pub(super) fn see(&mut self, b: &mut Builder, src: &str, ev: &Event<'_>, range: &std::ops::Range<usize>) {
        // (Or two side by side, `[1][2]`, which Markdown reads as the text `1` linked to the
        // source of `2`: "the AI Act 1 (https://…/2)", source 1 lost; text46a F46a-4.)
        let typed = &src[range.clone()];
        self.closing = match ev {
            Event::Start(Tag::Link { link_type: LinkType::Shortcut, id, .. })
                if numbered(id) && typed.strip_prefix('[').and_then(|w| w.strip_suffix(']')) == Some(id) =>
            {
                Some("]".to_string())
            }
            // (`[3][]`: the parser's range ends before the `[]`, which no event prints.)
            Event::Start(Tag::Link { link_type: LinkType::Collapsed, id, .. })
                if numbered(id) && typed == format!("[{id}]") && src[range.end..].starts_with("[]") =>
            {
                Some("][]".to_string())
            }
            Event::Start(Tag::Link { link_type: LinkType::Reference, .. }) => typed
                .strip_prefix('[')
                .and_then(|w| w.split_once("]["))
                .filter(|(first, second)| numbered(first) && second.strip_suffix(']').is_some_and(numbered))
                .map(|(_, second)| format!("][{second}")),
            _ => None,
        };
        self.cited = self.closing.is_some();
        let block = matches!(
            ev,
            Event::Start(
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Table(_)
            ) | Event::Rule
        );
        while block && self.lists.last().is_some_and(|list| list.start < range.start) {
            let list = self.lists.pop().unwrap_or_default();
            print_sources(b, &src[list]);
        }
    }

    /// `ev`, unless it is the start or end of a citation, which prints its bracket instead.
    pub(super) fn print<'e>(&mut self, b: &mut Builder, ev: Event<'e>) -> Option<Event<'e>> {
        let cited = match &ev {
            Event::Start(Tag::Link { .. }) => {
                self.open.push(self.closing.take());
                self.cited.then(|| "[".to_string())
            }
            Event::End(TagEnd::Link) => self.open.pop().flatten(),
            _ => None,
        };
        match cited {
            Some(bracket) => {
                b.push_text(&bracket, false);
                None
            }
            None => Some(ev),
        }
    }

    /// Prints the lists of sources written after the last block; the labels they define,
    /// which print.
    pub(super) fn finish(mut self, b: &mut Builder, src: &str) -> Vec<String> {
        while let Some(list) = self.lists.pop() {
            print_sources(b, &src[list]);
        }
        self.labels
    }
}

/// Whether a link's label is a number (`1`, `12`): a citation's.
fn numbered(label: &str) -> bool {
    (1..=4).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit())
}

/// Prints `list`, definitions on consecutive lines, as a paragraph of its lines as typed.
fn print_sources(b: &mut Builder, list: &str) {
    b.event(Event::Start(Tag::Paragraph));
    for (k, line) in list.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if k > 0 {
            b.event(Event::HardBreak);
        }
        b.push_text(line, false);
    }
    b.event(Event::End(TagEnd::Paragraph));
}
