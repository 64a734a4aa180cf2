//! Random briefings in many scripts never panic and never lose text: every piece of every
//! field comes back from the PDF, in order.

mod common;

use briefing::diag::SourceFile;
use briefing::fonts::FontBook;
use briefing::load::Limits;
use briefing::theme::{TemplateRef, Theme};
use briefing::validate::load_briefing;
use proptest::prelude::*;

/// Words in the scripts briefings are written in, with no Markdown or YAML syntax in them.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,12}",
        "[0-9]{1,4}",
        "[éüßøłőșțħġĳçñåæœ]{1,6}",
        "[αβγδεζηθλμνξπρστφχψω]{1,8}",
        "[абвгдежзийклмнопрстуфхцчшщъьюя]{1,8}",
        "[日本語欧州連合情報通信技術政策対話のをにはがとで]{1,10}",
        "[ぁ-ゖァ-ヺ]{1,6}",
        // A long word, wider than a line.
        "[a-z]{60,120}",
        // Units, word pairs and addresses with a `/` (text48a F48a-6: after a no-break,
        // narrow, em or ideographic space, a break after the `/` panicked).
        "[a-zµ]{1,3}/[a-z²]{1,3}",
        "https://example\\.org/[a-z]{1,8}",
    ]
}

/// A sentence: words joined by spaces and ordinary punctuation.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            (
                word(),
                prop::sample::select(vec![
                    " ", ", ", "; ", " – ", "、", "\u{A0}", "\u{202F}", "\u{2003}", "\u{3000}", "\t",
                ]),
            ),
            1..12,
        ),
        prop::sample::select(vec![".", "?", "!", "。"]),
    )
        .prop_map(|(words, end)| {
            let mut s: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            s.truncate(s.trim_end_matches(|c: char| c.is_whitespace() || [',', ';', '–', '、'].contains(&c)).len());
            // A paragraph that is only "349." is an empty numbered list, which the loader
            // rightly refuses: it prints nothing.
            let end = if end == "." && s.bytes().all(|b| b.is_ascii_digit()) { "!" } else { end };
            s.push_str(end);
            s
        })
}

#[derive(Debug, Clone)]
struct Random {
    title: String,
    summary: Vec<String>,
    topics: Vec<(String, Vec<String>)>,
    note: String,
}

fn briefing() -> impl Strategy<Value = Random> {
    (
        sentence(),
        prop::collection::vec(sentence(), 0..3),
        prop::collection::vec((sentence(), prop::collection::vec(sentence(), 1..4)), 1..6),
        sentence(),
    )
        .prop_map(|(title, summary, topics, note)| Random { title, summary, topics, note })
}

/// YAML for it: titles double-quoted, spaces other than the ordinary one escaped, bodies as
/// block scalars.
fn yaml(r: &Random) -> String {
    let q = |s: &str| {
        let escaped: String = s
            .chars()
            .map(|c| match c {
                '"' | '\\' => format!("\\{c}"),
                c if c.is_whitespace() && c != ' ' => format!("\\u{:04X}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
        format!("\"{escaped}\"")
    };
    let block = |paras: &[String], indent: &str| {
        paras.iter().map(|p| format!("{indent}{p}\n")).collect::<Vec<_>>().join(&format!("{indent}\n"))
    };
    let mut y = format!("title: {}\ndate: 2024-02-29\n", q(&r.title));
    if !r.summary.is_empty() {
        y.push_str(&format!("summary: |\n{}", block(&r.summary, "  ")));
    }
    y.push_str("topics:\n");
    for (title, body) in &r.topics {
        y.push_str(&format!("  - title: {}\n    body: |\n{}", q(title), block(body, "      ")));
    }
    y.push_str(&format!("contact:\n  note: {}\n  tel: \"+81 3 5253 5920\"\n", q(&r.note)));
    y
}

/// A body in Markdown: paragraphs, bullet and numbered lists, emphasis and strong text, and
/// the text each part must show (markers gone, numbers as typed).
fn markdown_body() -> impl Strategy<Value = (String, Vec<String>)> {
    let part = prop_oneof![
        sentence().prop_map(|s| (format!("{s}\n"), vec![s])),
        prop::collection::vec(sentence(), 1..4).prop_map(|items| {
            let md: String = items.iter().map(|i| format!("- {i}\n")).collect();
            (md, items)
        }),
        (1u32..120, prop::collection::vec(sentence(), 1..4)).prop_map(|(start, items)| {
            let md: String = items.iter().enumerate().map(|(n, i)| format!("{}. {i}\n", start as usize + n)).collect();
            let shown = items.iter().enumerate().map(|(n, i)| format!("{}. {i}", start as usize + n)).collect();
            (md, shown)
        }),
        (word(), word(), sentence())
            .prop_map(|(a, b, s)| (format!("*{a}* and **{b}** {s}\n"), vec![format!("{a} and {b} {s}")])),
    ];
    prop::collection::vec(part, 1..5).prop_map(|parts| {
        let md = parts.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>().join("\n");
        (md, parts.into_iter().flat_map(|(_, shown)| shown).collect())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn markdown_bodies_lose_no_text((md, shown) in markdown_body()) {
        let fonts = FontBook::builtin();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let body: String = md.lines().map(|l| format!("      {l}\n")).collect();
        let yaml = format!("title: T\ndate: 2024-02-29\ntopics:\n  - title: X\n    body: |\n{body}contact:\n  tel: \"1\"\n");
        let file = SourceFile::new("md.yaml", yaml);
        let b = load_briefing(&file, &Limits::default(), &|c| fonts.covers(c))
            .unwrap_or_else(|d| panic!("{}\n{}", file.text, briefing::diag::render_all(&file, &d)));
        let out = briefing::build(&b, &theme, &fonts, &Default::default()).unwrap();
        common::assert_in_order(&common::body_text(&out.pdf), &shown);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_briefings_lose_no_text(r in briefing()) {
        let fonts = FontBook::builtin();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let file = SourceFile::new("random.yaml", yaml(&r));
        let b = load_briefing(&file, &Limits::default(), &|c| fonts.covers(c))
            .unwrap_or_else(|d| panic!("{}\n{}", file.text, briefing::diag::render_all(&file, &d)));
        let out = briefing::build(&b, &theme, &fonts, &Default::default()).unwrap();
        let text = common::body_text(&out.pdf);
        let mut pieces = vec![r.title.clone()];
        pieces.extend(r.summary.iter().cloned());
        for (title, body) in &r.topics {
            pieces.push(title.clone());
            pieces.extend(body.iter().cloned());
        }
        pieces.push(r.note.clone());
        common::assert_in_order(&text, &pieces);
    }
}
