//! Which language a stretch of text is written in, when the YAML does not say: whatlang's
//! trigram statistics, among the languages briefings are written in (English, Japanese and
//! the EU's), and only when the text is long enough and the answer clear. Anything short or
//! ambiguous gets no answer, and keeps the language of what it is in.

use std::sync::{LazyLock, Mutex};

use rustc_hash::FxHashMap;
use whatlang::{Detector, Lang};

pub mod months;
mod quotes;
mod words;

pub use quotes::{quotations, quoted_languages};

/// Letters a text needs before its language is guessed (about ten words).
const MIN_LETTERS: usize = 60;
/// Kana and kanji a text needs to be taken for Japanese, or Greek letters for Greek: scripts
/// no other language detected writes, told apart in fewer letters than [`MIN_LETTERS`].
const MIN_JAPANESE: usize = 20;
/// Letters only Maltese has (ħ, ġ, ċ) that a text needs to be taken for Maltese.
const MIN_MALTESE: usize = 3;
/// Different words a text must keep without its names for its language to stand (see
/// [`placed`]).
const MIN_WORDS_LEFT: usize = 3;
/// How sure whatlang must be (0 to 1).
const MIN_CONFIDENCE: f64 = 0.9;

/// The languages detected, with their BCP 47 tags.
const LANGUAGES: [(Lang, &str); 26] = [
    (Lang::Eng, "en"),
    (Lang::Deu, "de"),
    (Lang::Fra, "fr"),
    (Lang::Spa, "es"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ell, "el"),
    (Lang::Bul, "bg"),
    (Lang::Ces, "cs"),
    (Lang::Dan, "da"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Hun, "hu"),
    (Lang::Lit, "lt"),
    (Lang::Lav, "lv"),
    (Lang::Ron, "ro"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Swe, "sv"),
    (Lang::Hrv, "hr"),
    // Not EU languages, but Cyrillic text in them would otherwise be taken for Bulgarian.
    (Lang::Rus, "ru"),
    (Lang::Ukr, "uk"),
    (Lang::Srp, "sr"),
    (Lang::Mkd, "mk"),
];

/// The language `text` is written in (a BCP 47 tag), when that is clear: mostly kana and
/// kanji is Japanese; otherwise at least [`MIN_LETTERS`] letters, not counting acronyms, that
/// whatlang places with confidence, and in the same language without the names in it.
/// `None` for anything shorter or less certain.
pub fn of(text: &str) -> Option<&'static str> {
    placed(text, "")
}

/// [`of`], but text placed in `surrounding` (a primary subtag) is not checked without its
/// names: it stays in the language around it either way.
///
/// What a text quotes is another's words: an English sentence quoting a German minister is
/// English. Its frame, the words around its quotations, is placed alone when it is long
/// enough; shorter, the text is placed whole, but it is in the language found so only when
/// its frame clearly reads nearer that language than the one around it (see [`frame_reads`]):
/// "He said “…”" stays in the language around it, its quotation a span of its own. A text
/// that is a quotation alone is placed whole.
fn placed(text: &str, surrounding: &str) -> Option<&'static str> {
    // The same text is placed again at each stage (the checks, the quotation marks, the
    // layout, the web page; some on threads of their own): each answer is kept, with the
    // bytes of text kept, up to [`REMEMBERED`] bytes (then they are forgotten together).
    // (Keyed by the language around, then the text, so that a text is looked up unowned.)
    type Answers = (FxHashMap<Box<str>, FxHashMap<Box<str>, Option<&'static str>>>, usize);
    static ANSWERS: LazyLock<Mutex<Answers>> = LazyLock::new(Mutex::default);
    let known = ANSWERS.lock().ok().and_then(|a| a.0.get(surrounding)?.get(text).copied());
    if let Some(answer) = known {
        return answer;
    }
    let answer = placed_anew(text, surrounding);
    // (Not an answer given for want of budget: the next run may have it.)
    let spent = LEFT.with(|left| left.get() == 0);
    if let (Ok(mut a), false) = (ANSWERS.lock(), spent) {
        let (answers, bytes) = &mut *a;
        if *bytes + text.len() > REMEMBERED {
            answers.clear();
            *bytes = 0;
        }
        *bytes += text.len();
        answers.entry(surrounding.into()).or_default().insert(text.into(), answer);
    }
    answer
}

/// How many bytes of text [`placed`] keeps its answers for: a briefing's limit, four times
/// (`watch` and `edit` place each version of a text anew).
const REMEMBERED: usize = 16 << 20;

/// [`placed`], worked out.
fn placed_anew(text: &str, surrounding: &str) -> Option<&'static str> {
    let Some(frame) = without_quotations(text) else { return placed_whole(text, surrounding) };
    let words = frame.split_whitespace().filter(|w| !acronym(w)).collect::<Vec<_>>().join(" ");
    let letters = words.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= MIN_LETTERS {
        return placed_whole(&frame, surrounding);
    }
    let whole = placed_whole(text, surrounding)?;
    if letters == 0 {
        return Some(whole);
    }
    frame_reads(&words, whole, surrounding)
}

/// The language of a text in `whole` (a primary subtag) but for its `frame`, the words around
/// its quotations, too short to place among all languages: `whole` when the frame reads nearer
/// it than the language around (`surrounding`), or, when that is `whole` too or unknown, than
/// the frame's own best guess, and surely so (else the language around, when there is one);
/// the language around when the frame reads nearer that, and no answer when it reads nearer
/// its guess. (The quotation alone does not make its frame's language: "The minister said …
/// yesterday." is English, though whatlang, unsure, leans to German.)
fn frame_reads(frame: &str, whole: &'static str, surrounding: &str) -> Option<&'static str> {
    let tag = |lang: &str| LANGUAGES.iter().find(|l| l.1 == lang);
    let around = tag(surrounding);
    let Some(found) = tag(whole).map(|l| l.0) else {
        // Japanese, Maltese or Irish, which whatlang does not know: a frame in it has its
        // kana and kanji, or reads so itself; one without, of a few words at least, is in
        // the language around it.
        let letters = frame.chars().filter(|c| c.is_alphabetic()).count();
        let own = letters < MIN_LETTERS_OF_TWO
            || match whole {
                "ja" => frame.chars().any(crate::script::is_kana_or_kanji),
                _ => placed_whole(frame, "") == Some(whole),
            };
        return if own || around.is_none() { Some(whole) } else { around.map(|l| l.1) };
    };
    let other = match around.map(|l| l.0) {
        Some(around) if around != found => around,
        _ => match detect(&ALL, frame).map(|i| i.lang()) {
            Some(guess) if guess != found => guess,
            _ => return Some(whole),
        },
    };
    let info = detect(&Detector::with_allowlist(vec![found, other]), frame)?;
    let nearer = info.lang();
    if nearer == found && (info.confidence() >= MIN_CONFIDENCE_OF_FRAME || around.is_none()) {
        Some(whole)
    } else {
        // (Unsure, or nearer the language around: that one; nearer a guess of its own: none.)
        around.filter(|l| nearer == found || l.0 == nearer).map(|l| l.1)
    }
}

/// [`placed`] for text whose quotations are its own words.
fn placed_whole(text: &str, surrounding: &str) -> Option<&'static str> {
    let typed = text;
    // Acronyms (`GDPR, NIS2, DSA`) are no language's words: they are left out.
    let words;
    let text = if text.split_whitespace().any(acronym) {
        words = text.split_whitespace().filter(|w| !acronym(w)).collect::<Vec<_>>().join(" ");
        words.as_str()
    } else {
        text
    };
    let (mut letters, mut japanese, mut maltese) = (0usize, 0usize, 0usize);
    // Greek letters, and those that follow another in a word (not symbols: `α, β, γ`).
    let (mut greek, mut greek_in_words, mut after_greek) = (0usize, 0usize, false);
    for c in text.chars() {
        let is_greek = matches!(c, '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}') && c.is_alphabetic();
        if crate::script::is_kana_or_kanji(c) {
            japanese += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
            greek += usize::from(is_greek);
            greek_in_words += usize::from(is_greek && after_greek);
            maltese += usize::from(matches!(c, 'ħ' | 'Ħ' | 'ġ' | 'Ġ' | 'ċ' | 'Ċ'));
        }
        after_greek = is_greek;
    }
    if japanese >= MIN_JAPANESE && 2 * japanese > letters {
        return Some("ja");
    }
    // (A Greek title of a few words over a Russian text is no Russian.)
    if greek_in_words >= MIN_JAPANESE && 2 * greek > letters {
        return Some("el");
    }
    if japanese > 0 || letters < MIN_LETTERS {
        return None;
    }
    // whatlang has no Maltese, and takes it for Italian: its ħ, ġ and ċ are no other EU
    // language's letters (in its words, not in the names of Maltese places in Italian text),
    // nor are its articles joined to their noun by a hyphen (`il-Kummissjoni`, `tan-netwerks`)
    // with one of its letters, ż too, in the text.
    if maltese > 0 && maltese_letters(text) >= MIN_MALTESE
        || (maltese_articles(text) >= MIN_MALTESE && text.chars().any(|c| "ħĦġĠċĊżŻ".contains(c)))
    {
        return Some("mt");
    }
    // whatlang has no Irish either: its little words, and its words eclipsed at their start
    // (`bhfuil`, `gcaithfear`, `mbeadh`, `ndéanfaidh`), are no other language's.
    if irish(text) {
        return Some("ga");
    }
    let info = detect(&ALL, text)?;
    let sure = info.is_reliable() && info.confidence() >= MIN_CONFIDENCE;
    // Sure of one of kin, whatlang can still be wrong on a short sentence whose little words
    // are only the other's (text49a F49a-2).
    let (found, by_kin) = if sure {
        match words::among_kin(text, info.lang()) {
            Some(kin) if kin != info.lang() => (kin, true),
            _ => (info.lang(), false),
        }
    } else {
        (of_kin(text, info.lang())?, true)
    };
    let lang = LANGUAGES.iter().find(|l| l.0 == found).map(|l| l.1)?;
    // A sentence whose little words are the language around it is in it, whatever the
    // names in it (`The Bundesamt für Sicherheit in der Informationstechnik and the Agence
    // nationale de la sécurité des systèmes d'information presented their report.`).
    if let Some(around) = LANGUAGES.iter().find(|l| l.1 == surrounding && l.0 != found) {
        if words::still_in(typed, around.0, found) {
            return Some(around.1);
        }
    }
    // Names are no language's words either (`Jean-Claude Dupont, François Martin` made an
    // English line French), but German capitalises its nouns too, and short text without
    // them is often too short to place: the answer stands where the words left once they
    // are out, [`MIN_WORDS_LEFT`] different ones or more, are whatlang's best guess for it
    // too.
    if lang != surrounding {
        if let Some(rest) = without_names(typed) {
            let mut words: Vec<String> = rest
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() > 1)
                .map(str::to_lowercase)
                .collect();
            words.sort_unstable();
            words.dedup();
            // (Told from its kin by its little words, it need only be of that kin.)
            let same = |l: Lang| l == found || (by_kin && words::kin(found).contains(&l));
            if words.len() < MIN_WORDS_LEFT || !detect(&ALL, &rest).is_some_and(|i| same(i.lang())) {
                return None;
            }
        }
    }
    Some(lang)
}

/// Which of `found`'s kin (Slovenian and Croatian, Czech and Slovak) a text is in, when
/// whatlang is unsure among all languages only because they are close: it is sure of `found`
/// among the others, and the text's little words tell which of the kin it is in (see
/// [`words::among_kin`]). `None` for a language without kin.
fn of_kin(text: &str, found: Lang) -> Option<Lang> {
    let kin = words::kin(found);
    if kin.is_empty() {
        return None;
    }
    let others = LANGUAGES.iter().map(|l| l.0).filter(|l| *l == found || !kin.contains(l)).collect();
    let info = detect(&Detector::with_allowlist(others), text)?;
    if info.lang() != found || !info.is_reliable() || info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    words::among_kin(text, found)
}

/// whatlang, choosing among [`LANGUAGES`].
static ALL: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(LANGUAGES.iter().map(|l| l.0).collect()));

/// whatlang's answer for `text`: for its first [`SAMPLE`] bytes, and none once this thread
/// has read [`BUDGET`] bytes since [`fresh_budget`] (text then stays in the language around
/// it), so that telling languages takes bounded time whatever the input.
fn detect(detector: &Detector, text: &str) -> Option<whatlang::Info> {
    let text = sample(text);
    let within = LEFT.with(|left| match left.get().checked_sub(text.len()) {
        Some(rest) => {
            left.set(rest);
            true
        }
        None => {
            left.set(0);
            false
        }
    });
    within.then(|| detector.detect(text)).flatten()
}

thread_local! {
    /// The bytes whatlang may still read on this thread (see [`detect`]).
    static LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(BUDGET) };
}

/// How many bytes of text whatlang reads for one run (a briefing checked and built, on each
/// thread): some 3 s of work. Text as long as a briefing's limit, in a language other than
/// English, which is told without it, would take twice that and more.
const BUDGET: usize = 3 << 20;

/// A new run begins: whatlang may read [`BUDGET`] bytes again on this thread.
pub fn fresh_budget() {
    LEFT.with(|left| left.set(BUDGET));
}

/// Of a long text, the first [`SAMPLE`] bytes (to a character's end): enough to tell its
/// language, and a bound on the time it takes (a topic's whole text is placed too).
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How much of a text [`sample`] gives whatlang: some 600 words.
const SAMPLE: usize = 4_000;

/// `text` without what it quotes (see [`quotations`]), unless it is all a quotation.
pub fn unquoted(text: &str) -> std::borrow::Cow<'_, str> {
    match without_quotations(text) {
        Some(frame) if frame.chars().any(char::is_alphabetic) => frame.into(),
        _ => text.into(),
    }
}

/// `text` with what it quotes and the marks around it left out (see [`quotations`]); `None`
/// when it quotes nothing.
fn without_quotations(text: &str) -> Option<String> {
    let quoted = quotations(text);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for q in &quoted {
        let open = text[..q.start].chars().next_back().map_or(0, char::len_utf8);
        let close = text[q.end..].chars().next().map_or(0, char::len_utf8);
        out.push_str(&text[from..q.start - open]);
        out.push(' ');
        from = q.end + close;
    }
    out.push_str(&text[from..]);
    (!quoted.is_empty()).then_some(out)
}

/// `text` without its names, words that begin with a capital inside a sentence (where a
/// language's own words have none, but for German nouns), and without acronyms; `None` when
/// it has no names.
fn without_names(text: &str) -> Option<String> {
    let mut kept = Vec::new();
    let mut left_out = false;
    // (A line of its own, a heading or a list item, starts as a sentence does.)
    let capital = |word: &str| word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
    for line in text.lines() {
        let mut sentence_start = true;
        let words: Vec<&str> = line.split_whitespace().collect();
        for (k, &word) in words.iter().enumerate() {
            let first = word.chars().find(|c| c.is_alphabetic());
            // At the start of a sentence, a capital is a name's when the next word has one
            // too (`Jean-Claude Dupont, François Martin`).
            let next_capital = words.get(k + 1).is_some_and(|w| capital(w));
            let name = (!sentence_start || next_capital) && first.is_some_and(char::is_uppercase);
            left_out |= name;
            if !name && !acronym(word) {
                kept.push(word);
            }
            if first.is_some() || word.ends_with(['.', '!', '?']) {
                sentence_start = word.trim_end_matches(['"', '\'', ')', '»', '”', '’']).ends_with(['.', '!', '?']);
            }
        }
    }
    left_out.then(|| kept.join(" "))
}

/// Whether `word` is an acronym: two or more letters, all capitals (`GDPR,`, `NIS2`).
fn acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

/// `text`'s language when it is clearly another than `lang` (whose primary subtag is
/// compared: `en-GB` text is not marked `en`).
pub fn other_than(text: &str, lang: &str) -> Option<&'static str> {
    let primary = crate::script::primary_language(lang);
    beside(text, lang).filter(|&l| l != primary)
}

/// `text`'s language when it is clear, as for [`other_than`], but `lang`'s own included (a
/// primary subtag): for text that must say its language inside text of another, such as a
/// redline's deleted English in a paragraph translated since.
pub fn beside(text: &str, lang: &str) -> Option<&'static str> {
    let lang = crate::script::primary_language(lang);
    // Text in a language that cannot be detected (Irish, Luxembourgish…) would be taken for
    // the nearest one that can: what the YAML says stands.
    // (Serbian in Latin letters, too: whatlang knows it only in Cyrillic, and takes it for
    // Croatian; Macedonian is Serbian's and Bulgarian's kin.)
    if !matches!(lang.as_str(), "ja" | "mt") && !LANGUAGES.iter().any(|l| l.1 == lang)
        || matches!(lang.as_str(), "sr" | "mk")
    {
        return None;
    }
    // Most briefings are English, and whatlang's trigram scores were the largest single cost
    // of a build: English text, known by its little words, needs none.
    if lang == "en" && plainly_english(text) {
        return Some("en");
    }
    placed(text, &lang)
}

/// Letters a text needs for [`nearer`] to choose between two languages (a word or two).
const MIN_LETTERS_OF_TWO: usize = 10;
/// How sure whatlang must be of its choice between two languages: below, a title such as
/// "Trust services" or "Spectrum policy" can come out German.
const MIN_CONFIDENCE_OF_TWO: f64 = 0.5;
/// How sure whatlang must be that a quotation's frame is in the quotation's language, not the
/// one around it: English frames it leans German for ("The minister said … yesterday.")
/// come out at 0.1 or less, German ones ("Er sagte: „…“", "Die Kommission sagte:") at 0.27 or more.
const MIN_CONFIDENCE_OF_FRAME: f64 = 0.25;

/// The language (a primary subtag) whatlang finds `text` nearest to, however unsure, among the
/// languages it tells: for a tag that may name a language of another script or far away
/// (`lang: si`, Sinhala, over Latin text; see `validate`). `None` for text of fewer than
/// [`MIN_LETTERS`] letters.
pub fn nearest(text: &str) -> Option<&'static str> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let found = detect(&ALL, text)?.lang();
    LANGUAGES.iter().find(|l| l.0 == found).map(|l| l.1)
}

/// Which of two languages (primary subtags), `one` or `other`, `text` is nearer to: for text
/// too short to place among all languages (a topic's title, a sentence), where the choice is
/// only between the language around it and one its neighbours are in. At least
/// [`MIN_LETTERS_OF_TWO`] letters, not counting acronyms, and [`MIN_CONFIDENCE_OF_TWO`];
/// Japanese by its kana and kanji. `None` when it is shorter or less certain, or a language is
/// one whatlang does not know.
pub fn nearer(text: &str, one: &str, other: &str) -> Option<&'static str> {
    nearer_by(text, one, other, MIN_CONFIDENCE_OF_TWO)
}

/// [`nearer`], however unsure whatlang is: which of the two a text long enough to compare
/// leans to (for text that must lean to a language to be read in it).
pub fn leans_to(text: &str, one: &str, other: &str) -> Option<&'static str> {
    nearer_by(text, one, other, 0.0)
}

/// [`nearer`], when whatlang is `sure` of its choice at least.
fn nearer_by(text: &str, one: &str, other: &str, sure: f64) -> Option<&'static str> {
    let words: Vec<&str> = text.split_whitespace().filter(|w| !acronym(w)).collect();
    let text = words.join(" ");
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let japanese = text.chars().filter(|&c| crate::script::is_kana_or_kanji(c)).count();
    let tag = |lang: &str| LANGUAGES.iter().find(|l| l.1 == lang);
    if one == "ja" || other == "ja" {
        let not = if one == "ja" { other } else { one };
        return match (2 * japanese > letters && japanese > 0, tag(not)) {
            (true, _) => Some("ja"),
            (false, Some(l)) if letters >= MIN_LETTERS_OF_TWO => Some(l.1),
            _ => None,
        };
    }
    let (one, other) = (tag(one)?, tag(other)?);
    if letters < MIN_LETTERS_OF_TWO || japanese > 0 {
        return None;
    }
    let info = detect(&Detector::with_allowlist(vec![one.0, other.0]), &text)?;
    if info.confidence() < sure {
        return None;
    }
    Some(if info.lang() == one.0 { one.1 } else { other.1 })
}

/// Little words of Irish that are not words of the other languages detected.
const IRISH: [&str; 24] = [
    "agus", "tá", "bhí", "atá", "chun", "freisin", "maidir", "idir", "faoi", "leis", "níos", "beidh", "sna", "orthu",
    "acu", "dóibh", "seo", "siad", "inniu", "chuig", "ina", "gach", "aon", "mar",
];

/// At least one word in ten, and three or more, is one of [`IRISH`]'s or eclipsed at its
/// start as only Irish words are (`bhf`, `gc`, `mb` or `nd` before a vowel, `l` or `r`):
/// Irish.
/// How many of ħ, ġ and ċ `text` has in words that are not names (a capital, not at the
/// start of a sentence or line: `Ħal Tarxien`).
fn maltese_letters(text: &str) -> usize {
    not_names(text).map(|w| w.chars().filter(|c| "ħĦġĠċĊ".contains(*c)).count()).sum()
}

/// The words of `text` that are not names: capitalised only at the start of a sentence.
fn not_names(text: &str) -> impl Iterator<Item = &str> {
    let mut first = true;
    text.split_whitespace().filter(move |word| {
        let name = !first && word.chars().next().is_some_and(char::is_uppercase);
        first = word.ends_with(['.', '!', '?', ':']);
        !name
    })
}

/// How many words of `text` begin with a Maltese article and its hyphen (`il-`, `l-`,
/// `tan-`, `għall-`, and the article made like the noun's first letter, `r-regoli`).
fn maltese_articles(text: &str) -> usize {
    const ARTICLES: [&str; 33] = [
        "il", "l", "is", "ir", "id", "it", "in", "iż", "ix", "iċ", "tal", "tan", "tar", "tad", "tas", "fil", "fir",
        "fis", "mill", "għall", "bil", "lill", "sal", "mal", "r", "s", "d", "t", "n", "x", "ż", "ċ", "z",
    ];
    // (Not in names: `Il-Birgu` in Italian text is a place.)
    not_names(text)
        .filter_map(|w| w.split_once('-'))
        .filter(|(article, noun)| !noun.is_empty() && ARTICLES.contains(&article.to_lowercase().as_str()))
        .count()
}

fn irish(text: &str) -> bool {
    let (mut words, mut cues) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        let lower = w.to_lowercase();
        let eclipsed = ["bhf", "gc", "mb", "nd"].iter().any(|p| {
            lower.strip_prefix(p).and_then(|rest| rest.chars().next()).is_some_and(|c| "aeiouáéíóúlr".contains(c))
        });
        // (`tAire`, `tSeapáin`, `nGaeilge`, `hÉireann`: a letter put before a word keeps the
        // word's capital, as no other language writes; `mRNA` is an acronym.)
        let prefixed = ["t", "n", "h", "bh", "g", "m", "d"].iter().any(|p| {
            w.strip_prefix(p).is_some_and(|rest| {
                rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().any(char::is_lowercase)
            })
        });
        cues += usize::from(eclipsed || prefixed || IRISH.contains(&lower.as_str()));
    }
    cues >= 3 && 10 * cues >= words
}

/// Words that make up a third or more of English prose and are rare as words of the other
/// languages detected.
const ENGLISH: [&str; 20] = [
    "the", "and", "of", "to", "that", "for", "with", "was", "were", "this", "have", "has", "are", "which", "their",
    "they", "from", "by", "will", "its",
];

/// At least one word in five is one of [`ENGLISH`]'s (in ten words or more): English.
fn plainly_english(text: &str) -> bool {
    let (mut words, mut little) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        little += usize::from(ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(w)));
    }
    words >= 10 && 5 * little >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_clear_text_is_placed_and_short_or_mixed_text_is_not() {
        let cases = [
            ("The Commission presented its strategy for data and artificial intelligence, and both sides agreed to continue.", Some("en")),
            ("Η Επιτροπή παρουσίασε τη στρατηγική της για τα δεδομένα και την τεχνητή νοημοσύνη και οι δύο πλευρές συμφώνησαν.", Some("el")),
            ("Комисията представи своята стратегия за данните и изкуствения интелект и двете страни се съгласиха да продължат.", Some("bg")),
            ("Komisja przedstawiła swoją strategię dotyczącą danych i sztucznej inteligencji, a obie strony zgodziły się kontynuować prace.", Some("pl")),
            ("総務省と欧州委員会は、第10回日EU・ICT戦略ワークショップをウェブ会議形式で開催しました。", Some("ja")),
            ("Il-Ministeru għall-Ekonomija Diġitali ppreżenta l-prijoritajiet tal-kooperazzjoni fil-qasam taċ-ċibersigurtà.", Some("mt")),
            ("D'fhógair an Coimisiún Eorpach inniu go ndéanfaidh sé infheistíocht bhreise san intleacht shaorga agus sa chibearshlándáil chun cabhrú le gnólachtaí beaga.", Some("ga")),
            ("Dúirt an tAire go bhfuil sé tábhachtach go mbeadh na scileanna digiteacha ag gach duine in Éirinn.", Some("ga")),
            ("Beyond 5G and 6G", None),
            ("Комиссия представила свою стратегию в области данных и искусственного интеллекта, и обе стороны согласились продолжить.", Some("ru")),
            // Acronyms are no language's words: what is left is too short to tell.
            ("Agenda items: GDPR, NIS2, DSA, DMA, AI Act, Data Act, eIDAS 2.0, Chips Act, Gigabit Infrastructure Act, CRA and DGA.", None),
            ("Données", None),
            // Names are no language's words either: French names do not make English French.
            ("Participants: Jean-Claude Dupont, François Martin, Hélène Dubois, Pierre Lefèvre and Marie-Anne Rousseau (European Commission).", None),
            ("Participants: Jean-Claude Dupont, François Martin, Hélène Dubois, Pierre Lefèvre, Marie-Anne Rousseau, Jean Dupuis.", None),
            // German capitalises its nouns: what is left is German still.
            ("Die Kommission stellte ihre Strategie für Daten und künstliche Intelligenz vor, und beide Seiten vereinbarten, die Zusammenarbeit im nächsten Jahr fortzusetzen.", Some("de")),
            ("Der Rat hat sich auf eine allgemeine Ausrichtung geeinigt. Die Verhandlungen mit dem Parlament beginnen im Frühjahr, wenn die Mitgliedstaaten zugestimmt haben.", Some("de")),
            // A topic's title on its line, and a body of few words but nouns.
            ("Deutsch\nGrößere Übersicht über Maßnahmen zur Förderung der Künstlichen Intelligenz.", Some("de")),
            ("La Commission a présenté sa stratégie pour les données et l'intelligence artificielle, et les deux parties sont convenues de poursuivre leur coopération avec le Japon.", Some("fr")),
            // Maltese with few of its own letters, or none but ż, known by its articles; Italian
            // naming Maltese places is Italian.
            ("Il-Kummissjoni u l-Istati Membri iddiskutew is-sigurtà tan-netwerks u l-protezzjoni tad-data fil-pajjiżi membri tal-Unjoni.", Some("mt")),
            ("Il ministro ha incontrato i sindaci di Ħaż-Żebbuġ, Ħal Tarxien e Birżebbuġa per discutere della cooperazione digitale tra le amministrazioni locali e le università.", Some("it")),
            ("Il progetto economico dell'Unione è stato presentato a Il-Ħamrun, Iż-Żurrieq e Il-Birgu dal ministero e dai comuni della regione.", Some("it")),
            ("We held in-depth talks, in-house and in-person, on the new data rules with the Commission and agreed next steps.", Some("en")),
            ("Il-Kummissjoni u l-Ġappun iddiskutew is-sigurtà tan-netwerks u r-regoli dwar id-data fir-reġjun u qablu li jkomplu l-kooperazzjoni.", Some("mt")),
            ("La Commissione e il Giappone hanno discusso la sicurezza delle reti e le regole sui dati nella regione e hanno concordato di proseguire.", Some("it")),
            // A line that starts with a name: its first word is a name, not a sentence's.
            ("Jean-Claude Dupont, François Martin, Hélène Lefèvre, Amélie Bérénice Girard and Benoît Rousseau.", None),            // What a sentence quotes is not its language; a quotation alone is placed.
            ("The minister, speaking at length to the press after the long meeting in Berlin on Friday afternoon, said \"Wir unterstützen die Zusammenarbeit mit Japan ausdrücklich und sehr gerne in allen Bereichen\" before leaving.", Some("en")),
            ("Der Minister sagte: „Wir unterstützen die Zusammenarbeit mit Japan ausdrücklich und gerne in allen Bereichen der Digitalpolitik.“", Some("de")),
            // Irish words keep their capital after a letter put before them (`tAire`).
            ("Dúirt an tAire go leanfaidh an comhoibriú leis an tSeapáin sa réimse digiteach ar aghaidh an bhliain seo chugainn.", Some("ga")),
            ("The mRNA vaccines and the eIDAS wallet were discussed, and the mRNA supply chain for the next year too.", Some("en")),
        ];
        for (text, lang) in cases {
            assert_eq!(of(text), lang, "{text}");
        }
        assert_eq!(other_than(cases[0].0, "en-GB"), None);
        assert!(plainly_english(cases[0].0));
        assert_eq!(other_than(cases[1].0, "en"), Some("el"));
        assert_eq!(other_than(cases[12].0, "en"), None);
        assert_eq!(other_than(cases[14].0, "en"), Some("de"));
        assert_eq!(other_than(cases[14].0, "de"), None);
        // What the YAML says stands where detection cannot tell: Maltese is not Italian, and
        // Italian-looking text in a briefing said to be Irish stays Irish.
        assert_eq!(other_than(cases[5].0, "mt"), None);
        assert_eq!(other_than(cases[5].0, "it"), Some("mt"));
        assert_eq!(
            other_than("La Commissione ha presentato la sua strategia per i dati e l'intelligenza artificiale.", "ga"),
            None
        );
    }

    /// A sentence quoting another language is in the language of its own words, when they
    /// are enough to read (eight words are), whatever the marks; the quotation is marked in
    /// its own. A German sentence quoting English stays German, and names in quotes, or a
    /// quote left open, are no quotation in another language.
    #[test]
    fn a_sentence_is_in_the_language_of_its_words_around_a_quotation() {
        const Q: &str = "Wir unterstützen die Zusammenarbeit mit Japan in allen digitalen Bereichen ausdrücklich und ohne Vorbehalt";
        let cases = [
            (format!("The minister said “{Q}” before leaving for the airport."), None, true),
            (format!("The minister said \"{Q}\" and left."), None, true),
            (format!("The minister's aide said '{Q}' and the EU's delegate left."), None, true),
            (format!("The minister’s aide said ‘{Q}’ before leaving for the airport."), None, true),
            (format!("The minister said « {Q} » before leaving for the airport."), None, true),
            (format!("The minister said: „{Q}.“"), None, true),
            (format!("The minister said \"{Q}, denn \"Vertrauen\" ist wichtig\" before leaving."), None, true),
            // Few words of its own, which lean to the quotation's language only unsurely: in
            // the language around it, the quotation in its own (text12 F2).
            (format!("He said: „{Q}.“"), None, true),
            (format!("The minister said “{Q}” yesterday."), None, true),
            (format!("In Brussels, the minister said “{Q}”."), None, true),
            (format!("Er sagte: „{Q}.“"), Some("de"), true),
            // Japanese quoted in English is a span; the English around it stays English.
            ("The Japanese minister said “大臣は日本とEUの協力をさらに深めていくことが重要だと述べました” before leaving.".to_string(), None, false),
            // A quotation alone is in its own language.
            (format!("„{Q}.“"), Some("de"), true),
            (format!("Der Minister sagte „{Q}“ vor der Abreise zum Flughafen."), Some("de"), true),
            // A quote left open quotes nothing.
            (format!("The minister said \"{Q} before leaving for the airport."), Some("de"), false),
            (
                "Der Minister sagte vor der Presse in Berlin, dass die Zusammenarbeit mit Japan ausdrücklich \
                unterstützt werde, und zitierte „the best partnership we have“ aus der Erklärung."
                    .to_string(),
                Some("de"),
                false,
            ),
            (
                "The delegates met “Jean-Claude Dupont” and „François Martin“ in Paris on Monday for the talks."
                    .to_string(),
                None,
                false,
            ),
            // Japanese corner brackets are quotation marks too (text15a F4).
            (format!("The minister said 「{Q}」 yesterday in Brussels."), None, true),
            (format!("The minister said 『{Q}』 yesterday in Brussels."), None, true),
        ];
        // Solid in Japanese text, after kana or kanji, before a particle (text17 F3).
        for text in [format!("大臣は「{Q}」と述べた。"), format!("独大臣の発言『{Q}』を紹介した。")]
        {
            assert_eq!(other_than(&text, "ja"), None, "{text}");
            let own: Vec<_> = quoted_languages(&text, "ja").into_iter().map(|(q, l)| (&text[q], l)).collect();
            assert_eq!(own, [(Q, "de")], "{text}");
        }
        for (text, lang, quoted) in &cases {
            assert_eq!(other_than(text, "en"), *lang, "{text}");
            let own = quoted_languages(text, lang.unwrap_or("en"));
            let de: Vec<&str> = own.iter().map(|(q, l)| if *l == "de" { &text[q.clone()] } else { "" }).collect();
            assert_eq!(de.first().is_some_and(|q| q.starts_with(Q)), *quoted && lang.is_none(), "{text}: {own:?}");
        }
        // The apostrophes of `minister's` and `EU's` are no quotation marks.
        let t = &cases[2].0;
        assert_eq!(quotations(t).iter().map(|q| &t[q.clone()]).collect::<Vec<_>>(), [Q]);
        assert!(quotations("the ministers’ meeting and the 'open").is_empty());
        // Marks never closed quote nothing, however many; a quotation after them is found.
        let t = format!("{} “closed” here", "“open ".repeat(100));
        assert_eq!(quotations(&t).iter().map(|q| &t[q.clone()]).collect::<Vec<_>>(), ["closed"]);
    }

    /// A quotation inside a quotation, clearly in another language than the one around it, is
    /// marked in its own, inside the other (text15a F5); one in the same language is not.
    #[test]
    fn a_quotation_inside_a_quotation_has_its_own_language() {
        const DE: &str =
            "Wir werden die Zusammenarbeit mit Japan im Bereich der künstlichen Intelligenz weiter vertiefen";
        const FR: &str =
            "Nous allons renforcer la coopération avec le Japon dans le domaine de l'intelligence artificielle";
        let cases = [
            format!("The minister said “{DE}, und er sagte „{FR}“ in Paris” yesterday."),
            format!("The minister said «{DE} ‚{FR}‘ in Paris» yesterday."),
            format!("The minister said “{DE} and the French minister answered ‘{FR}’ in Paris” yesterday."),
        ];
        for text in &cases {
            let found: Vec<(&str, &str)> =
                quoted_languages(text, "en").iter().map(|(q, l)| (&text[q.clone()], *l)).collect();
            assert_eq!(found.len(), 2, "{text}: {found:?}");
            assert!(found[0].0.starts_with(DE) && found[0].0.ends_with("in Paris") && found[0].1 == "de", "{found:?}");
            assert_eq!(found[1], (FR, "fr"), "{text}");
        }
        // German quoted in an English quotation: the German alone is marked.
        let text = format!("She said “we heard the minister say ‚{DE}‘ and then he left the room”.");
        let found: Vec<(&str, &str)> =
            quoted_languages(&text, "en").iter().map(|(q, l)| (&text[q.clone()], *l)).collect();
        assert_eq!(found, [(DE, "de")]);
        // German quoted in a German quotation is no span of its own.
        let text = format!("The minister said “{DE}, und er sagte „{DE}“ in Berlin” yesterday.");
        assert_eq!(quoted_languages(&text, "en").len(), 1);
    }

    #[test]
    fn telling_languages_has_a_budget_for_each_run() {
        let german = "Die Minister bekräftigten die enge Zusammenarbeit bei der Datenwirtschaft und \
                      vereinbarten weitere Gespräche über künstliche Intelligenz im kommenden Jahr.";
        fresh_budget();
        assert_eq!(placed_anew(german, ""), Some("de"));
        LEFT.with(|left| left.set(10));
        assert_eq!(placed_anew(german, ""), None, "past the budget, text keeps the language around it");
        assert!(placed(german, "xx").is_none(), "and that is not remembered for the next run");
        fresh_budget();
        assert_eq!(placed(german, "xx"), Some("de"));
    }

    /// Between two languages, short text is placed when whatlang is sure; titles it is not
    /// sure of, and words too few, are not.
    #[test]
    fn short_text_is_placed_between_two_languages_only_when_clear() {
        let cases = [
            ("Data protection", "de", Some("en")),
            ("Künstliche Intelligenz", "de", Some("de")),
            ("Digitale Souveränität", "de", Some("de")),
            ("Trust services", "de", None),
            ("Spectrum policy", "de", None),
            ("Strategy", "de", None),
            ("GDPR, NIS2, DSA", "de", None),
            ("Research cooperation", "el", Some("en")),
            ("Η Επιτροπή παρουσίασε", "el", Some("el")),
            ("Network resilience", "ja", Some("en")),
            ("日EU・ICT戦略ワークショップ", "ja", Some("ja")),
            ("Conradh na Gaeilge", "ga", None),
        ];
        for (text, other, lang) in cases {
            assert_eq!(nearer(text, "en", other), lang, "{text}");
            assert_eq!(nearer(text, other, "en"), lang, "{text}, the other way round");
        }
    }

    /// The shortcut for English gives the answers whatlang gives, on every paragraph and
    /// topic of the repository's briefings and on text in each language detected.
    #[test]
    fn the_english_shortcut_changes_no_answer() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["data", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    texts.extend(text.split("\n\n").map(str::to_string));
                    texts.extend(text.lines().map(str::to_string));
                }
            }
        }
        assert!(texts.len() > 200, "{}", texts.len());
        let mut shortcut = 0;
        for t in &texts {
            let slow = of(t).filter(|&l| l != "en");
            assert_eq!(other_than(t, "en"), slow, "{t}");
            shortcut += usize::from(plainly_english(t));
        }
        assert!(shortcut > 20, "the shortcut is taken ({shortcut})");
    }

    /// Swedish and Finnish quote with `»…»` and `’…’` as well as `”…”` (stop 41).
    #[test]
    fn swedish_quotation_marks_quote() {
        const DE: &str =
            "Wir werden die Zusammenarbeit mit Japan im Bereich der künstlichen Intelligenz weiter vertiefen";
        for text in [
            format!("Ministern sade »{DE}» i Bryssel i går."),
            format!("Ministern sade ’{DE}’ i Bryssel i går."),
            format!("Ministern sade ”{DE}” i Bryssel i går."),
        ] {
            let found: Vec<_> = quoted_languages(&text, "sv").into_iter().map(|(q, l)| (&text[q], l)).collect();
            assert_eq!(found, [(DE, "de")], "{text}");
        }
        // Danish and German `»…«`, and French `« … »`, as before.
        let t = "Er sagte »ja« und »nein«, puis « oui » et « non ».";
        let quoted: Vec<&str> = quotations(t).iter().map(|q| t[q.clone()].trim()).collect();
        assert_eq!(quoted, ["ja", "nein", "oui", "non"]);
    }

    /// Greek words are Greek in fewer letters than other text; Greek letters as symbols are
    /// not (text19 H70-4).
    #[test]
    fn greek_words_are_greek_and_greek_symbols_are_not() {
        assert_eq!(of("Γειά σου κόσμε, αυτό είναι ένα κείμενο στα ελληνικά"), Some("el"));
        assert_eq!(of("Spectrum parameters α, β, γ, δ, ε, ζ, η, θ, ι, κ, λ, μ, ν, ξ, ο, π, ρ, σ, τ, υ"), None);
    }
}
