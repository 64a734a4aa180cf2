//! Little words: the articles, conjunctions and prepositions that make up a third of any
//! prose, and are each language's own. whatlang reads letters three at a time, so a sentence
//! whose nouns are foreign names reads foreign to it; its little words still say whose
//! grammar it is in. They also tell close languages apart where whatlang is unsure between
//! them (Slovenian and Croatian, Czech and Slovak).

use whatlang::Lang;

/// Each language's little words, lowercase (words are split at apostrophes: `d'information`
/// is `d` and `information`). A word common in two languages is in both lists, so that it
/// counts for neither when the two are compared.
const LITTLE: [(Lang, &[&str]); 17] = [
    (
        Lang::Eng,
        &[
            "the", "and", "of", "a", "an", "in", "to", "is", "as", "that", "for", "with", "was", "were", "this",
            "have", "has", "are", "which", "their", "they", "from", "by", "will", "its", "been", "would", "these",
            "also", "into", "between", "after", "our", "who", "there", "about", "it", "be", "not", "or", "at", "we",
            "on",
        ],
    ),
    (
        Lang::Deu,
        &[
            "der", "die", "das", "und", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "für", "mit",
            "von", "zu", "auf", "an", "in", "ist", "sind", "nicht", "sich", "auch", "im", "zum", "zur", "bei", "wird",
            "werden", "dass", "hat", "haben", "über", "nach", "wie", "oder", "was", "will", "also", "um", "aus",
        ],
    ),
    (
        Lang::Fra,
        &[
            "le", "la", "les", "l", "des", "du", "de", "d", "et", "est", "sont", "un", "une", "dans", "pour", "sur",
            "avec", "par", "au", "aux", "qui", "que", "qu", "ont", "a", "pas", "ne", "ce", "cette", "ces", "leur",
            "leurs", "été", "il", "elle", "nous", "on", "en", "se",
        ],
    ),
    (
        Lang::Spa,
        &[
            "el", "la", "los", "las", "de", "del", "y", "en", "que", "es", "un", "una", "por", "con", "para", "se",
            "al", "su", "sus", "como", "más", "han", "ha", "fue", "lo", "entre", "sobre", "también", "a",
        ],
    ),
    (
        Lang::Ita,
        &[
            "il", "la", "le", "lo", "gli", "l", "di", "del", "della", "dei", "delle", "degli", "dello", "dell", "e",
            "è", "in", "che", "un", "una", "per", "con", "su", "sul", "sulla", "da", "al", "alla", "all", "nel",
            "nella", "nell", "si", "sono", "ha", "hanno", "anche", "a",
        ],
    ),
    (
        Lang::Nld,
        &[
            "de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "die", "voor", "met", "zijn", "niet",
            "aan", "ook", "om", "er", "door", "naar", "wordt", "worden", "heeft", "bij", "als", "deze", "hun", "was",
            "of",
        ],
    ),
    (
        Lang::Por,
        &[
            "o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "um", "uma",
            "para", "com", "por", "que", "é", "se", "ao", "aos", "mais", "como", "foi", "são", "pela", "pelo",
            "também",
        ],
    ),
    (
        Lang::Dan,
        &[
            "og", "at", "for", "til", "af", "er", "med", "den", "det", "de", "en", "et", "på", "som", "har", "ikke",
            "om", "vil", "skal", "fra", "have", "by", "in",
        ],
    ),
    (
        Lang::Swe,
        &[
            "och", "att", "för", "till", "av", "är", "med", "den", "det", "de", "en", "ett", "på", "som", "har",
            "inte", "om", "vill", "ska", "från", "in",
        ],
    ),
    (
        Lang::Ron,
        &[
            "și", "de", "la", "în", "a", "al", "ale", "cu", "pe", "din", "pentru", "că", "este", "sunt", "un", "o",
            "se", "au", "mai", "care", "prin", "iar",
        ],
    ),
    (
        Lang::Slv,
        &[
            "je",
            "in",
            "so",
            "da",
            "za",
            "na",
            "ki",
            "se",
            "ter",
            "tudi",
            "bo",
            "bodo",
            "bosta",
            "sta",
            "pri",
            "od",
            "do",
            "iz",
            "ali",
            "kot",
            "smo",
            "bi",
            "ne",
            "po",
            "med",
            "lahko",
            "že",
            "pa",
            "to",
            "ga",
            "jih",
            "naj",
            "oziroma",
            "s",
            "z",
            "v",
            "k",
            "ministrstvo",
        ],
    ),
    (
        Lang::Hrv,
        &[
            "je",
            "i",
            "u",
            "su",
            "da",
            "za",
            "na",
            "se",
            "koji",
            "koja",
            "koje",
            "te",
            "će",
            "biti",
            "što",
            "od",
            "do",
            "iz",
            "ali",
            "kao",
            "smo",
            "bi",
            "ne",
            "po",
            "među",
            "već",
            "pa",
            "sa",
            "ili",
            "bio",
            "bila",
            "prema",
            "nakon",
            "kako",
            "to",
            "ga",
            "ih",
            "s",
            "k",
            "ministarstvo",
        ],
    ),
    (
        Lang::Ces,
        &[
            "a", "v", "je", "se", "na", "že", "pro", "jako", "který", "která", "které", "jsou", "bude", "budou",
            "nebo", "ve", "do", "od", "z", "s", "i", "to", "by", "při", "také", "ale", "jejich", "být", "byl", "byla",
            "tak", "aby", "jak", "po", "o", "ze", "k",
        ],
    ),
    (
        Lang::Slk,
        &[
            "a", "v", "je", "sa", "na", "že", "pre", "ako", "ktorý", "ktorá", "ktoré", "sú", "bude", "budú", "alebo",
            "vo", "do", "od", "z", "s", "i", "aj", "to", "by", "pri", "tiež", "ale", "ich", "byť", "bol", "bola",
            "tak", "aby", "po", "o", "zo", "k",
        ],
    ),
    (
        Lang::Pol,
        &[
            "i",
            "w",
            "na",
            "z",
            "się",
            "że",
            "do",
            "nie",
            "jest",
            "są",
            "to",
            "o",
            "dla",
            "od",
            "oraz",
            "jak",
            "przez",
            "ze",
            "po",
            "który",
            "która",
            "które",
            "także",
            "również",
            "przy",
            "ich",
            "być",
            "był",
            "była",
            "aby",
            "a",
            "we",
        ],
    ),
    (
        Lang::Hun,
        &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "meg", "van", "volt", "mint", "csak", "már", "még", "pedig",
            "között", "valamint", "kell", "lesz",
        ],
    ),
    (
        Lang::Fin,
        &[
            "ja", "on", "ei", "että", "se", "ovat", "oli", "myös", "kanssa", "tai", "kun", "mutta", "sekä", "jotka",
            "joka", "hän", "he", "tämä",
        ],
    ),
];

/// Languages close enough that whatlang, choosing among all, is often unsure between them
/// in a paragraph (a Slovenian one of 40 words came out Slovenian at 0.72, Croatian second),
/// though each has little words of its own.
const KIN: [&[Lang]; 2] = [&[Lang::Slv, Lang::Hrv], &[Lang::Ces, Lang::Slk]];

/// How many of `text`'s little words are only `lang`'s, and only `other`'s, when `other` is
/// the one whatlang finds: `None` when either has no list. Words in names are left out: a
/// name (a capital inside a sentence, or at its start before another) and the words after it
/// up to one of `lang`'s own little words (`the Agence nationale de la sécurité des systèmes
/// d'information presented their report`: the French words are all the name's), and little
/// words between two names (`the National Institute of Standards and Technology`: its `of`
/// and `and` are no English grammar in a German sentence).
pub fn own_and_other(text: &str, lang: Lang, other: Lang) -> Option<Tally> {
    let own = little(lang)?;
    let theirs = little(other)?;
    let only = |w: &str, of: &[&str], not: &[&str]| of.contains(&w) && !not.contains(&w);
    let parts = |word: &str| {
        word.split(|c: char| !c.is_alphabetic()).filter(|p| !p.is_empty()).map(str::to_lowercase).collect::<Vec<_>>()
    };
    let capital = |word: &str| word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
    let is_little = |word: &str| {
        let p = parts(word);
        !p.is_empty() && p.iter().all(|p| own.contains(&p.as_str()) || theirs.contains(&p.as_str()))
    };
    let mut tally = Tally::default();
    // (German capitalises its nouns: a capital in it starts no name, and its words after one
    // are its own.)
    let tails = other != Lang::Deu;
    // (As much as whatlang reads: the time taken stays bounded whatever the input.)
    for line in super::sample(text).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let little_at: Vec<bool> = words.iter().map(|w| is_little(w)).collect();
        // The word before each that is not a little word, when it starts with a capital and
        // ends no clause; the same after it (`Standards and Technology`: `and` is between).
        let mut capital_before = vec![false; words.len()];
        let mut last = false;
        for (k, w) in words.iter().enumerate() {
            capital_before[k] = last;
            if !little_at[k] {
                last = capital(w) && !w.ends_with([',', '.', ';', ':']);
            }
        }
        let mut capital_after = vec![false; words.len()];
        let mut next = false;
        for (k, w) in words.iter().enumerate().rev() {
            capital_after[k] = next;
            if !little_at[k] {
                next = capital(w);
            }
        }
        let between = |k: usize| capital_before[k] && capital_after[k];
        let (mut sentence_start, mut in_name) = (true, false);
        for (k, &word) in words.iter().enumerate() {
            let next_capital = words.get(k + 1).is_some_and(|w| capital(w));
            // (An article is no name, even before one: `The Agence…`, `La Commission…`.)
            let name = capital(word) && (!sentence_start || next_capital) && !(sentence_start && little_at[k]);
            let lower = parts(word);
            let mine_here = lower.iter().filter(|p| only(p, own, theirs)).count();
            if name || super::acronym(word) {
                in_name |= name && tails;
            } else if (!in_name || mine_here > 0) && !between(k) {
                in_name = false;
                tally.own += mine_here;
                tally.other += lower.iter().filter(|p| only(p, theirs, own)).count();
                tally.words += usize::from(!lower.is_empty());
            }
            let end = word.trim_end_matches(['"', '\'', ')', '»', '”', '’']).ends_with(['.', '!', '?']);
            if end {
                (sentence_start, in_name) = (true, false);
            } else if word.chars().any(char::is_alphabetic) {
                sentence_start = false;
            }
        }
    }
    Some(tally)
}

/// What [`own_and_other`] counts, of the words outside names.
#[derive(Default, Debug)]
pub struct Tally {
    /// Little words only of the language compared.
    pub own: usize,
    /// Little words only of the other.
    pub other: usize,
    /// All words.
    pub words: usize,
}

/// Whether `text`, which whatlang places in `found`, is in `lang`, the language around it, by
/// its own little words, once the names in it are left out: more of them are only `lang`'s
/// than only `found`'s, and they are one word in [`PROSE`] or more, as in prose in `lang`
/// (not a few words around a long stretch in `found`). An English sentence naming the
/// Bundesamt für Sicherheit in der Informationstechnik is English (text47a F47a-12).
pub fn still_in(text: &str, lang: Lang, found: Lang) -> bool {
    own_and_other(text, lang, found).is_some_and(|t| t.own > t.other && PROSE * t.own >= t.words)
}

/// Of the words of prose, outside names, one in this many at least is a little word (see
/// [`LITTLE`]): a third to a half of English prose is.
const PROSE: usize = 4;

/// Of `found`'s kin (see [`KIN`]), the one whose own little words `text` has clearly the
/// most of: [`MIN_OWN`] or more, and twice as many as any other's, or, in a sentence too
/// short for that, some and none of any other's (a Slovenian `kot je bilo` sentence of 16
/// words has only `ministrstvo` and `kot`, text49a F49a-2). `None` when `found` has no kin,
/// or the words do not tell.
pub fn among_kin(text: &str, found: Lang) -> Option<Lang> {
    let kin = kin(found);
    for &one in kin {
        let mut clear = kin.len() > 1;
        for &other in kin.iter().filter(|&&o| o != one) {
            let t = own_and_other(text, one, other)?;
            clear &= (t.own >= MIN_OWN && t.own >= 2 * t.other) || (t.own >= 2 && t.other == 0);
        }
        if clear {
            return Some(one);
        }
    }
    None
}

/// Little words of its own a text needs to be told from its kin.
const MIN_OWN: usize = 3;

/// Languages close to `lang` (see [`KIN`]), itself included; none when it has none.
pub fn kin(lang: Lang) -> &'static [Lang] {
    KIN.iter().find(|k| k.contains(&lang)).copied().unwrap_or(&[])
}

fn little(lang: Lang) -> Option<&'static [&'static str]> {
    LITTLE.iter().find(|l| l.0 == lang).map(|l| l.1)
}

#[cfg(test)]
mod tests {
    use crate::language::other_than;

    /// English naming bodies of other countries in their own words is English; the EU's
    /// languages, in a paragraph of 30 to 40 words, are each their own (text47a F47a-12,
    /// F47a-13).
    #[test]
    fn names_make_no_language_and_a_paragraph_is_its_own() {
        let english = [
            "The Bundesamt für Sicherheit in der Informationstechnik and the Agence nationale de la sécurité des systèmes d'information presented their joint report.",
            "The Agence nationale de la sécurité des systèmes d'information presented their joint report.",
            "The Agence nationale de la sécurité des systèmes d'information (ANSSI) published its annual threat assessment.",
            "The Bundesamt für Sicherheit in der Informationstechnik und das Bundesministerium des Innern presented their joint report.",
            "The Commission nationale de l'informatique et des libertés (CNIL) presented its guidance.",
            "Representatives of Deutsche Telekom, the Bundesnetzagentur and the Commission nationale de l'informatique et des libertés (CNIL) discussed the new rules on data.",
            "The Autorité de régulation des communications électroniques, des postes et de la distribution de la presse (Arcep) spoke.",
            "Ministers met the Agence nationale de la sécurité des systèmes d'information.",
            "The report of the Comisión Nacional de los Mercados y la Competencia was discussed by the participants.",
            "On behalf of the Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique, the director presented the plan.",
            "The minister said that the Commission nationale de l'informatique et des libertés had fined the company.",
            "The Urząd Komunikacji Elektronicznej and the Národní úřad pro kybernetickou a informační bezpečnost signed the memorandum.",
            "The French minister presented the report \"Stratégie nationale pour l'intelligence artificielle\" to the delegates and answered questions.",
        ];
        for text in english {
            assert_eq!(other_than(text, "en"), None, "{text}");
        }
        // Names in English inside another language do not make it English; a German
        // briefing naming French and English bodies stays German.
        for (text, lang) in [
            ("Le rapport State of the Digital Decade a été présenté par la Commission et les deux parties ont convenu de poursuivre leur coopération avec le Japon.", Some("fr")),
            ("Die Vertreter des National Institute of Standards and Technology haben auf dem Workshop über die Zusammenarbeit mit Japan gesprochen und einen gemeinsamen Plan vorgestellt.", Some("de")),
        ] {
            assert_eq!(other_than(text, "en"), lang, "{text}");
        }
        for text in [
            "Das National Cyber Security Centre und die Cybersecurity and Infrastructure Security Agency haben ihren gemeinsamen Bericht vorgestellt.",
            "Vertreter der Agence nationale de la sécurité des systèmes d'information haben ihren Bericht vorgestellt.",
        ] {
            assert_eq!(other_than(text, "de"), None, "{text}");
        }
        // Serbian and Macedonian in Cyrillic letters are not Bulgarian.
        for (lang, text) in [
            ("sr", "Влада је усвојила нову стратегију за дигиталну трансформацију привреде. Министарство ће до краја године припремити закон о сајбер безбедности, који ће уређивати и обавезе пружалаца услуга у облаку."),
            ("mk", "Владата ја усвои новата стратегија за дигитална трансформација на економијата. Министерството до крајот на годината ќе подготви закон за сајбер безбедност, кој ќе ги уредува и обврските на давателите на услуги."),
            ("bg", "Министерството на електронното управление ще подготви до края на годината нов закон за киберсигурността, който ще урежда и задълженията на доставчиците на облачни услуги."),
        ] {
            assert_eq!(other_than(text, "en"), Some(lang), "{text}");
        }
        let paragraphs = [
            ("de", "Die Vertreter der Ministerien haben auf dem Workshop über die digitale Zusammenarbeit mit Japan gesprochen. Beide Seiten wollen im nächsten Jahr gemeinsam einen Plan für künstliche Intelligenz, Cybersicherheit und die Datenwirtschaft ausarbeiten und den Austausch von Fachleuten verstärken."),
            ("fr", "Les représentants des ministères ont discuté de la coopération numérique avec le Japon lors de l'atelier. Les deux parties sont convenues de préparer ensemble l'année prochaine un plan pour l'intelligence artificielle, la cybersécurité et l'économie des données."),
            ("es", "Los representantes de los ministerios hablaron en el taller sobre la cooperación digital con Japón. Ambas partes acordaron preparar juntas el próximo año un plan para la inteligencia artificial, la ciberseguridad y la economía de los datos."),
            ("it", "I rappresentanti dei ministeri hanno discusso durante il seminario della cooperazione digitale con il Giappone. Le due parti hanno concordato di preparare insieme il prossimo anno un piano per l'intelligenza artificiale, la sicurezza informatica e l'economia dei dati."),
            ("nl", "De vertegenwoordigers van de ministeries hebben tijdens de workshop gesproken over de digitale samenwerking met Japan. Beide partijen zijn overeengekomen om volgend jaar samen een plan op te stellen voor kunstmatige intelligentie, cyberveiligheid en de data-economie."),
            ("pt", "Os representantes dos ministérios discutiram no seminário a cooperação digital com o Japão. As duas partes acordaram preparar em conjunto, no próximo ano, um plano para a inteligência artificial, a cibersegurança e a economia dos dados."),
            ("pl", "Przedstawiciele ministerstw rozmawiali podczas warsztatów o współpracy cyfrowej z Japonią. Obie strony uzgodniły, że w przyszłym roku wspólnie przygotują plan dotyczący sztucznej inteligencji, cyberbezpieczeństwa i gospodarki danych oraz wzmocnią wymianę ekspertów między instytucjami."),
            ("el", "Οι εκπρόσωποι των υπουργείων συζήτησαν στο εργαστήριο για την ψηφιακή συνεργασία με την Ιαπωνία. Οι δύο πλευρές συμφώνησαν να καταρτίσουν από κοινού τον επόμενο χρόνο ένα σχέδιο για την τεχνητή νοημοσύνη, την κυβερνοασφάλεια και την οικονομία των δεδομένων."),
            ("bg", "Представителите на министерствата обсъдиха на семинара цифровото сътрудничество с Япония. Двете страни се договориха през следващата година да подготвят заедно план за изкуствения интелект, киберсигурността и икономиката на данните и да засилят обмена на експерти."),
            ("cs", "Zástupci ministerstev na semináři diskutovali o digitální spolupráci s Japonskem. Obě strany se dohodly, že příští rok společně připraví plán pro umělou inteligenci, kybernetickou bezpečnost a datovou ekonomiku a že posílí výměnu odborníků mezi úřady."),
            ("sk", "Zástupcovia ministerstiev na seminári diskutovali o digitálnej spolupráci s Japonskom. Obe strany sa dohodli, že budúci rok spoločne pripravia plán pre umelú inteligenciu, kybernetickú bezpečnosť a dátové hospodárstvo a že posilnia výmenu odborníkov medzi úradmi."),
            ("da", "Repræsentanterne for ministerierne drøftede på workshoppen det digitale samarbejde med Japan. Begge parter blev enige om, at de næste år i fællesskab vil udarbejde en plan for kunstig intelligens, cybersikkerhed og dataøkonomi og styrke udvekslingen af eksperter."),
            ("et", "Ministeeriumide esindajad arutasid seminaril digitaalset koostööd Jaapaniga. Mõlemad pooled leppisid kokku, et valmistavad järgmisel aastal ühiselt ette tehisintellekti, küberturvalisuse ja andmemajanduse kava ning tugevdavad ekspertide vahetust asutuste ja ülikoolide vahel mõlemas riigis."),
            ("fi", "Ministeriöiden edustajat keskustelivat työpajassa digitaalisesta yhteistyöstä Japanin kanssa. Molemmat osapuolet sopivat, että ne laativat ensi vuonna yhdessä suunnitelman tekoälyä, kyberturvallisuutta ja datataloutta varten ja vahvistavat asiantuntijoiden vaihtoa virastojen ja yliopistojen välillä kummassakin maassa."),
            ("hu", "A minisztériumok képviselői a műhelyen a Japánnal folytatott digitális együttműködésről tárgyaltak. A két fél megállapodott abban, hogy jövőre közösen tervet készítenek a mesterséges intelligenciáról, a kiberbiztonságról és az adatgazdaságról, és erősítik a szakértők cseréjét."),
            ("lt", "Ministerijų atstovai seminare aptarė skaitmeninį bendradarbiavimą su Japonija. Abi šalys susitarė kitais metais kartu parengti dirbtinio intelekto, kibernetinio saugumo ir duomenų ekonomikos planą bei sustiprinti ekspertų mainus tarp institucijų ir universitetų."),
            ("lv", "Ministriju pārstāvji seminārā apsprieda digitālo sadarbību ar Japānu. Abas puses vienojās nākamajā gadā kopīgi sagatavot plānu mākslīgā intelekta, kiberdrošības un datu ekonomikas jomā un stiprināt ekspertu apmaiņu starp iestādēm un universitātēm abās valstīs."),
            ("ro", "Reprezentanții ministerelor au discutat în cadrul atelierului despre cooperarea digitală cu Japonia. Cele două părți au convenit să pregătească împreună anul viitor un plan pentru inteligența artificială, securitatea cibernetică și economia datelor și să consolideze schimbul de experți."),
            ("sl", "Predstavniki ministrstev so na delavnici razpravljali o digitalnem sodelovanju z Japonsko. Obe strani sta se dogovorili, da bosta prihodnje leto skupaj pripravili načrt za umetno inteligenco, kibernetsko varnost in podatkovno gospodarstvo ter okrepili izmenjavo strokovnjakov."),
            // whatlang alone is unsure between Slovenian and Croatian here (text47a F47a-13).
            ("sl", "Ministrstvo za digitalno preobrazbo je na delavnici predstavilo svoje prednostne naloge. Obe strani sta se dogovorili, da bosta sodelovanje na področju umetne inteligence in varnosti omrežij nadaljevali tudi v prihodnjem letu, ko bo delavnica potekala v Ljubljani."),
            ("sv", "Företrädarna för ministerierna diskuterade vid workshoppen det digitala samarbetet med Japan. Båda parter kom överens om att nästa år gemensamt ta fram en plan för artificiell intelligens, cybersäkerhet och dataekonomi och att stärka utbytet av experter mellan myndigheterna."),
            ("hr", "Predstavnici ministarstava na radionici su raspravljali o digitalnoj suradnji s Japanom. Obje strane dogovorile su se da će sljedeće godine zajedno pripremiti plan za umjetnu inteligenciju, kibernetičku sigurnost i podatkovno gospodarstvo te ojačati razmjenu stručnjaka."),
            ("mt", "Ir-rappreżentanti tal-ministeri ddiskutew fil-workshop il-kooperazzjoni diġitali mal-Ġappun. Iż-żewġ naħat qablu li s-sena d-dieħla jħejju flimkien pjan għall-intelliġenza artifiċjali, iċ-ċibersigurtà u l-ekonomija tad-data u jsaħħu l-iskambju ta' esperti bejn l-istituzzjonijiet taż-żewġ pajjiżi fis-snin li ġejjin."),
            ("ga", "Phléigh ionadaithe na n-aireachtaí an comhoibriú digiteach leis an tSeapáin ag an gceardlann. D'aontaigh an dá thaobh go n-ullmhóidh siad plean le chéile an bhliain seo chugainn maidir leis an intleacht shaorga, leis an gcibearshlándáil agus leis an ngeilleagar sonraí."),
            ("sl", "Vlada je sprejela novo strategijo za digitalno preobrazbo gospodarstva. Ministrstvo bo do konca leta pripravilo zakon o kibernetski varnosti, ki bo urejal tudi obveznosti ponudnikov storitev v oblaku ter sodelovanje z drugimi državami članicami."),
            ("sl", "Japonska in Slovenija imata dolgoletno tradicijo sodelovanja na področju raziskav. Na srečanju so se dogovorili, da bodo raziskovalci iz obeh držav lahko sodelovali v skupnih projektih, ki jih bo sofinancirala Evropska unija."),
            ("sl", "Udeleženci delavnice so se seznanili z japonskimi izkušnjami pri uvajanju omrežij pete generacije. Predstavnik ministrstva je povedal, da Slovenija načrtuje pokritost vseh večjih mest do leta 2027, podeželje pa naj bi sledilo kasneje."),
            ("hr", "Vlada je usvojila novu strategiju za digitalnu preobrazbu gospodarstva. Ministarstvo će do kraja godine pripremiti zakon o kibernetičkoj sigurnosti, koji će uređivati i obveze pružatelja usluga u oblaku te suradnju s drugim državama članicama."),
            ("hr", "Japan i Hrvatska imaju dugu tradiciju suradnje u području istraživanja. Na sastanku je dogovoreno da će istraživači iz obiju zemalja moći sudjelovati u zajedničkim projektima koje će sufinancirati Europska unija."),
            ("hr", "Sudionici radionice upoznali su se s japanskim iskustvima u uvođenju mreža pete generacije. Predstavnik ministarstva rekao je da Hrvatska planira pokrivenost svih većih gradova do 2027. godine, a ruralna područja slijedit će kasnije."),
            ("sk", "Vláda schválila novú stratégiu digitálnej transformácie hospodárstva. Ministerstvo do konca roka pripraví zákon o kybernetickej bezpečnosti, ktorý bude upravovať aj povinnosti poskytovateľov cloudových služieb a spoluprácu s ostatnými členskými štátmi."),
            ("cs", "Vláda schválila novou strategii digitální transformace hospodářství. Ministerstvo do konce roku připraví zákon o kybernetické bezpečnosti, který bude upravovat také povinnosti poskytovatelů cloudových služeb a spolupráci s ostatními členskými státy."),
        ];
        for (lang, text) in paragraphs {
            assert!((30..=40).contains(&text.split_whitespace().count()), "{text}");
            assert_eq!(other_than(text, "en"), Some(lang), "{text}");
        }
    }

    /// A short Slovenian sentence, with only two little words of its own, was Croatian
    /// (text49a F49a-2).
    #[test]
    fn short_slovenian_is_not_croatian() {
        let sl = "Ministrstvo je poudarilo, da se mora digitalna preobrazba javne uprave nadaljevati hitreje, kot je bilo načrtovano.";
        assert_eq!(other_than(sl, "en"), Some("sl"));
        let hr = "Ministarstvo je naglasilo da se digitalna preobrazba javne uprave mora nastaviti brže, kao što je bilo planirano.";
        assert_eq!(other_than(hr, "en"), Some("hr"));
    }
}
