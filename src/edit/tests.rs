use super::*;

fn set(path: &str, lang: Option<&str>, value: &str) -> Edit {
    Edit::Set { path: path.into(), lang: lang.map(str::to_string), value: value.into() }
}

#[test]
fn a_plain_title_is_replaced_in_place() {
    let text = "# head\ntitle: Old  # note\ndate: 2020-10-06\n";
    let out = apply(text, &[set("title", None, "New title")]).unwrap();
    assert_eq!(out, "# head\ntitle: New title  # note\ndate: 2020-10-06\n");
}

/// The lines of `b` that differ from `a`'s at the same place (both with as many lines).
fn changed_lines(a: &str, b: &str) -> Vec<(usize, String)> {
    let diff = similar::TextDiff::from_lines(a, b);
    diff.iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| (c.old_index().or(c.new_index()).unwrap_or(0), format!("{}{}", c.tag(), c.value())))
        .collect()
}

const COMMENTED: &str = "\
# A briefing with comments everywhere.
title: Results of the workshop   # the title
# between keys
date: 2020-10-06
organisation: 'Ministry (MIC)'
summary: |
  First paragraph.

  Second paragraph.
# before topics
topics:
  # first topic
  - title: \"AI\"   # short
    body: >
      Folded body
      on two lines.
  # second topic
  - title: Data
    body: |
      Data body.

  - title: 日本語の題
    body: 本文です。
contact:
  division: International Division  # who
  tel: \"+81 3 5253 5920\"
";

fn reads(text: &str, path: &str, lang: Option<&str>) -> String {
    let form = form::form(&locate::Doc::parse(text).expect("parses"));
    let all = form.fields.iter().chain(form.topics.iter().flat_map(|t| &t.fields)).chain(&form.contact);
    let field = all.into_iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no field {path}"));
    field.values.iter().find(|v| v.lang.as_deref() == lang).map(|v| v.text.clone()).unwrap_or_default()
}

#[test]
fn one_changed_value_is_one_changed_line() {
    for (path, value, line) in [
        ("title", "New: with colon", "title: \"New: with colon\"   # the title\n"),
        ("date", "2021-01-02", "date: 2021-01-02\n"),
        ("organisation", "It's MIC", "organisation: 'It''s MIC'\n"),
        ("topics[0].title", "Artificial intelligence", "  - title: \"Artificial intelligence\"   # short\n"),
        ("topics[1].title", "yes", "  - title: \"yes\"\n"),
        ("topics[2].title", "新しい題", "  - title: 新しい題\n"),
        ("contact.division", "Policy #1 Division", "  division: \"Policy #1 Division\"  # who\n"),
        ("contact.tel", "+81 3 0000", "  tel: \"+81 3 0000\"\n"),
    ] {
        let out = apply(COMMENTED, &[set(path, None, value)]).unwrap();
        let changes = changed_lines(COMMENTED, &out);
        assert_eq!(changes.len(), 2, "{path}: {changes:?}");
        assert_eq!(changes[1].1, format!("+{line}"), "{path}");
        assert_eq!(reads(&out, path, None), value, "{path}");
    }
}

#[test]
fn block_scalars_keep_their_style_and_indentation() {
    let out = apply(COMMENTED, &[set("summary", None, "One.\n\nTwo, changed.\n")]).unwrap();
    assert!(out.contains("summary: |\n  One.\n\n  Two, changed.\n# before topics\n"), "{out}");
    let out = apply(COMMENTED, &[set("topics[0].body", None, "Folded body\n\non three lines.\n")]).unwrap();
    assert!(out.contains("body: >\n      Folded body\n\n\n      on three lines.\n  # second topic"), "{out}");
    assert_eq!(reads(&out, "topics[0].body", None), "Folded body\n\non three lines.\n");
    // Lines without a paragraph between them would be written with one blank line each, which
    // `check` names, as a person means a paragraph by it (text42a F42a-9): as a `|` block.
    let out = apply(COMMENTED, &[set("topics[0].body", None, "Folded body\non three\nlines.\n")]).unwrap();
    assert!(out.contains("body: |\n      Folded body\n      on three\n      lines.\n  # second topic"), "{out}");
    // A plain value that becomes several lines becomes a `|` block.
    let out = apply(COMMENTED, &[set("topics[2].body", None, "一行目。\n二行目。")]).unwrap();
    assert!(out.contains("    body: |-\n      一行目。\n      二行目。\ncontact:"), "{out}");
}

#[test]
fn missing_keys_are_inserted_and_emptied_optional_keys_removed() {
    let out = apply(COMMENTED, &[set("heading", None, "Major achievements")]).unwrap();
    assert!(out.contains("  Second paragraph.\nheading: Major achievements\n# before topics\n"), "{out}");
    let out = apply(COMMENTED, &[set("contact.email", None, "a@example.org")]).unwrap();
    assert!(out.ends_with("  tel: \"+81 3 5253 5920\"\n  email: a@example.org\n"), "{out}");
    let out = apply(COMMENTED, &[set("organisation", None, "")]).unwrap();
    assert_eq!(out, COMMENTED.replace("organisation: 'Ministry (MIC)'\n", ""));
    let out = apply(COMMENTED, &[set("topics[1].lang", None, "fr")]).unwrap();
    assert!(out.contains("      Data body.\n    lang: fr\n"), "{out}");
    // A required field emptied stays, empty.
    let out = apply(COMMENTED, &[set("title", None, "")]).unwrap();
    assert!(out.contains("title: \"\"   # the title\n"), "{out}");
}

#[test]
fn topics_are_added_removed_and_moved_in_the_style_of_the_others() {
    let out = apply(COMMENTED, &[Edit::AddTopic { at: 3 }]).unwrap();
    assert!(out.contains("    body: 本文です。\n  - title: \"\"\n    body: \"\"\ncontact:"), "{out}");
    let out = apply(COMMENTED, &[Edit::AddTopic { at: 1 }, set("topics[1].title", None, "Inserted")]).unwrap();
    assert!(out.contains("on two lines.\n  - title: Inserted\n    body: \"\"\n  # second topic\n"), "{out}");
    let out = apply(COMMENTED, &[Edit::RemoveTopic { index: 1 }]).unwrap();
    assert!(!out.contains("Data body"), "{out}");
    assert!(out.contains("  # second topic\n\n  - title: 日本語の題"), "{out}");
    let out = apply(COMMENTED, &[Edit::MoveTopic { from: 2, to: 0 }]).unwrap();
    let snap = snapshot("t.yaml", &out);
    let titles: Vec<String> = snap.form.unwrap().topics.iter().map(|t| t.fields[0].values[0].text.clone()).collect();
    assert_eq!(titles, ["日本語の題", "AI", "Data"]);
}

#[test]
fn bilingual_fields_have_a_value_per_language() {
    let text = "lang: [en, ja]\ntitle:\n  en: Results\n  ja: 結果\ndate: 2020-10-06\ntopics:\n  - title: { en: AI, ja: AI }\n    body:\n      en: |\n        Body.\n      ja: |\n        本文。\ncontact:\n  tel: \"1\"\n";
    let snap = snapshot("b.yaml", text);
    assert_eq!(snap.languages, ["en", "ja"]);
    assert_eq!(reads(text, "title", Some("ja")), "結果");
    assert_eq!(reads(text, "contact.tel", None), "1");
    let out = apply(text, &[set("title", Some("ja"), "新しい結果")]).unwrap();
    assert_eq!(out, text.replace("ja: 結果", "ja: 新しい結果"));
    let out = apply(text, &[set("topics[0].title", Some("en"), "AI, and more")]).unwrap();
    assert!(out.contains("  - title: { en: \"AI, and more\", ja: AI }\n"), "{out}");
    // A missing translated field is inserted with the language as a key.
    let out = apply(text, &[set("organisation", Some("en"), "MIC")]).unwrap();
    assert!(out.contains("date: 2020-10-06\norganisation:\n  en: MIC\ntopics:"), "{out}");
    let out = apply(text, &[Edit::AddTopic { at: 1 }]).unwrap();
    assert!(
        out.contains(
            "        本文。\n  - title: { en: \"\", ja: \"\" }\n    body:\n      en: \"\"\n      ja: \"\"\ncontact:"
        ),
        "{out}"
    );
    // Without the language, a translated field cannot be set.
    assert!(matches!(apply(text, &[set("title", None, "x")]), Err(EditError::NeedsLanguage(_))));
}

#[test]
fn problems_are_what_check_reports() {
    let text = "title: x\ndate: 2021-02-29\ntopics:\n  - title: A\n    body: b\ncontact:\n  tel: \"1\"\n";
    let snap = snapshot("t.yaml", text);
    assert_eq!(snap.problems.len(), 1, "{:?}", snap.problems);
    let p = &snap.problems[0];
    assert_eq!((p.path.as_str(), p.line), ("date", 2));
    assert!(p.rendered.starts_with("t.yaml:2:7: error: date: "), "{}", p.rendered);
    let snap = snapshot("t.yaml", "title: [a\n");
    assert!(snap.form.is_none());
    assert!(!snap.problems.is_empty());
}

const BILINGUAL: &str = "\
# Both languages.
lang: [en, ja]   # primary first
title:
  en: Results   # en
  ja: 結果
date: 2020-10-06
summary:
  en: |
    One.

    Two.
  ja: >
    一。
topics:
  - title: { en: AI, ja: 人工知能 }
    # the body
    body:
      en: |
        Body.
      ja: '本文。'

  - title:
      en: \"Data\"
      ja: データ
    body: { en: Text, ja: テキスト }
contact:
  division: { en: Division, ja: 課 }
  tel: 03 1234   # shared
";

/// Every field of the two files above, and the language to set it in.
const FIELDS: &[(&str, Option<&str>, bool)] = &[
    ("title", None, false),
    ("short_title", None, false),
    ("date", None, false),
    ("organisation", None, false),
    ("summary", None, false),
    ("heading", None, false),
    ("overview", None, false),
    ("subject", None, false),
    ("marking", None, false),
    ("draft", None, false),
    ("topics[0].title", None, false),
    ("topics[0].body", None, false),
    ("topics[1].title", None, false),
    ("topics[1].body", None, false),
    ("topics[1].lang", None, false),
    ("topics[2].body", None, false),
    ("contact.division", None, false),
    ("contact.tel", None, false),
    ("contact.email", None, false),
    ("contact.note", None, false),
    ("title", Some("en"), true),
    ("title", Some("ja"), true),
    ("summary", Some("en"), true),
    ("summary", Some("ja"), true),
    ("organisation", Some("ja"), true),
    ("topics[0].title", Some("ja"), true),
    ("topics[0].body", Some("en"), true),
    ("topics[0].body", Some("ja"), true),
    ("topics[1].title", Some("en"), true),
    ("topics[1].body", Some("ja"), true),
    ("contact.division", Some("en"), true),
    ("contact.tel", None, true),
    ("date", None, true),
];

/// Every value of the form but those of `path`.
fn others(text: &str, path: &str) -> Vec<(String, Option<String>, String)> {
    let form = form::form(&locate::Doc::parse(text).expect("parses"));
    let all = form.fields.iter().chain(form.topics.iter().flat_map(|t| &t.fields)).chain(&form.contact);
    all.filter(|f| f.path != path)
        .flat_map(|f| f.values.iter().map(|v| (f.path.clone(), v.lang.clone(), v.text.clone())))
        .collect()
}

/// The 0-based lines a field's key and value take in `text` (none when it is missing).
fn field_lines(text: &str, path: &str, lang: Option<&str>) -> Option<(usize, usize)> {
    let doc = locate::Doc::parse(text).unwrap();
    let segs = locate::parse_path(path).unwrap();
    let lang = doc.lang_index(path, lang).unwrap();
    let line = |at: usize| text[..at].matches('\n').count();
    match locate::locate(&doc, path, &segs, lang).unwrap() {
        locate::Place::Found { value, trail, .. } => {
            let key = trail.last().unwrap().key;
            Some((line(key.span.start), line(locate::value_end(text, value))))
        }
        locate::Place::Missing { .. } => None,
    }
}

fn some_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop_oneof![
        Just("word"),
        Just("Ministry of ICT"),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just("\t"),
        Just(": "),
        Just(" #"),
        Just("#"),
        Just("- "),
        Just("'"),
        Just("\""),
        Just("\\"),
        Just("|"),
        Just(">"),
        Just("{a, b}"),
        Just("[x]"),
        Just("&anchor"),
        Just("*alias"),
        Just("!tag"),
        Just("%"),
        Just("@"),
        Just("`"),
        Just("?"),
        Just("~"),
        Just("null"),
        Just("yes"),
        Just("true"),
        Just("2020"),
        Just("0x1F"),
        Just("1.5e3"),
        Just("2020-10-06"),
        Just("---"),
        Just("..."),
        Just("é"),
        Just("e\u{301}"),
        Just("日本語の文。"),
        Just("\u{3000}"),
        Just("\u{85}"),
        Just("\u{2028}"),
        Just("\u{feff}"),
        Just("\u{1}"),
        Just("\r"),
        Just("\u{7f}"),
        Just("🙂"),
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text set into any field reads back as typed (in NFC), every other field reads as
    /// before, and no line outside the field's own changes.
    #[test]
    fn any_text_in_any_field_reads_back_and_touches_nothing_else(
        which in 0..FIELDS.len(),
        value in some_text(),
    ) {
        let (path, lang, bilingual) = FIELDS[which];
        let source = if bilingual { BILINGUAL } else { COMMENTED };
        let out = apply(source, &[set(path, lang, &value)]).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let want = crate::script::nfc(&value).into_owned();
        proptest::prop_assert_eq!(reads(&out, path, lang), want);
        proptest::prop_assert_eq!(others(&out, path), others(source, path));
        let lines = field_lines(source, path, lang);
        let diff = similar::TextDiff::from_lines(source, &out);
        for change in diff.iter_all_changes() {
            if change.tag() == similar::ChangeTag::Delete {
                let at = change.old_index().unwrap_or(0);
                let inside = lines.is_some_and(|(from, to)| from <= at && at <= to);
                proptest::prop_assert!(inside, "line {} changed outside {path}: {:?}\n{out}", at + 1, change.value());
            }
        }
    }
}

#[test]
fn a_file_with_crlf_line_ends_keeps_them() {
    let text = COMMENTED.replace('\n', "\r\n");
    let out =
        apply(&text, &[set("heading", None, "H"), set("summary", None, "A\nB\n"), Edit::AddTopic { at: 0 }]).unwrap();
    assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
    assert_eq!(reads(&out, "summary", None), "A\nB\n");
    assert_eq!(reads(&out, "heading", None), "H");
}

#[test]
fn text_that_is_not_plain_is_quoted_and_reads_back() {
    for value in [
        "yes",
        "null",
        "2020",
        "- item",
        "a: b",
        "trailing ",
        " leading",
        "#tag",
        "it's \"x\"",
        "tab\there",
        "\u{1}",
        "a\rb",
    ] {
        let out = apply(COMMENTED, &[set("contact.division", None, value)]).unwrap();
        assert_eq!(reads(&out, "contact.division", None), value, "{out}");
        assert_eq!(changed_lines(COMMENTED, &out).len(), 2, "{value:?}");
    }
    // Several lines in a field that was plain: a `|` block; with line ends of its own, quoted.
    let out = apply(COMMENTED, &[set("contact.division", None, "a\n\n\n")]).unwrap();
    assert!(out.contains("  division: \"a\\n\\n\\n\"  # who\n"), "{out}");
}

#[test]
fn the_language_is_set_as_a_tag_or_a_list() {
    let out = apply(COMMENTED, &[set("lang", None, "ja")]).unwrap();
    assert!(out.starts_with("# A briefing with comments everywhere.\nlang: ja\ntitle:"), "{out}");
    let out = apply(BILINGUAL, &[set("lang", None, "en, ja, fr")]).unwrap();
    assert!(out.contains("lang: [en, ja, fr]   # primary first\n"), "{out}");
    let out = apply(COMMENTED, &[set("lang", None, "en, ja")]).unwrap();
    assert!(out.contains("\nlang: [en, ja]\ntitle:"), "{out}");
    // text45b F45b-10: as YAML writes a list, or without the space, it is the same list; a
    // refusal says what the file would read, not a Rust value (`Some("")`).
    for typed in ["en,ja", "[en, ja]", " en ,ja "] {
        let out = apply(COMMENTED, &[set("lang", None, typed)]).unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert!(out.contains("\nlang: [en, ja]\ntitle:"), "{typed}: {out}");
    }
    let refused = apply(BILINGUAL, &[set("lang", None, "#")]).unwrap_err().to_string();
    assert!(!refused.contains("Some("), "{refused}");
}

/// Every briefing in the repository that `check` accepts (the seed, the test fixtures, the
/// starter `new` writes): each field of the form, in each language, set to new text, reads
/// back as typed, changes only its own lines, and leaves a briefing `check` still accepts.
#[test]
fn every_field_of_every_good_briefing_in_the_repository_can_be_edited() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("data/japan-eu-ict-workshop-10.yaml"), root.join("templates/starter.yaml")];
    for entry in std::fs::read_dir(root.join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    let mut edited = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        let before = snapshot(&name, &text);
        assert!(before.problems.is_empty(), "{name}: {:?}", before.problems);
        let form = before.form.unwrap_or_else(|| panic!("{name}: no form"));
        let all = form.fields.iter().chain(form.topics.iter().flat_map(|t| &t.fields)).chain(&form.contact);
        for field in all {
            let new = match &field.kind {
                FieldKind::Date => "2027-01-15".to_string(),
                FieldKind::Bool => "true".to_string(),
                FieldKind::Choice { options } => options[0].clone(),
                // The language itself is changed by its own test; a new tag here would ask
                // for translations the file does not have.
                _ if field.path == "lang" || field.path.ends_with(".lang") => continue,
                FieldKind::Text => "A new paragraph: *emphasis*, 5G & “quotes”.\n\n新しい段落です。".to_string(),
                FieldKind::Line => match field.path.as_str() {
                    "contact.email" => "someone@example.org".to_string(),
                    "contact.url" => "www.example.org".to_string(),
                    "contact.tel" | "contact.fax" => "+81 3 5253 5111".to_string(),
                    _ => "New: value # not a comment, 'quoted' – 日本語".to_string(),
                },
            };
            // Every language of the field at once: a translation given in one language only
            // is rightly a problem.
            let edits: Vec<Edit> = field.values.iter().map(|v| set(&field.path, v.lang.as_deref(), &new)).collect();
            let out = apply(&text, &edits).unwrap_or_else(|e| panic!("{name}: {}: {e}", field.path));
            for value in &field.values {
                let lang = value.lang.as_deref();
                assert_eq!(reads(&out, &field.path, lang), new, "{name}: {} ({lang:?})\n{out}", field.path);
                edited += 1;
            }
            assert_eq!(others(&out, &field.path), others(&text, &field.path), "{name}: {}", field.path);
            let after = snapshot(&name, &out);
            assert!(after.problems.is_empty(), "{name}: {}: {:?}\n{out}", field.path, after.problems);
        }
    }
    assert!(edited > 100, "only {edited} edits were tried");
}

/// text46b F46b-11: an edit that makes the file larger than a briefing may be is refused for
/// its size, naming the field; it was "the YAML does not parse (… too much text after
/// expanding aliases …); fix it in the source first", of a file with no alias and no error.
#[test]
fn an_edit_past_the_input_limit_is_refused_for_its_size() {
    let limit = 4 << 20;
    let long = "policy dialogue ".repeat(limit / 16);
    let refused = apply(COMMENTED, &[set("summary", None, &long)]).unwrap_err();
    let message = refused.to_string();
    match refused {
        EditError::TooLarge { path, bytes, .. } => assert!(path == "summary" && bytes > limit, "{message}"),
        other => panic!("not refused for its size: {other}"),
    }
    assert!(message.starts_with("`summary`: with this edit the file would be too large: "), "{message}");
    assert!(message.contains("the limit is 4 MiB (4194304 bytes)"), "{message}");
    assert!(!message.contains("parse") && !message.contains("aliases"), "{message}");
}

#[test]
fn a_value_shared_through_an_anchor_is_edited_in_the_source() {
    let text = "title: &t \"Results of talks\"  # the title\nshort_title: *t\ndate: 2020-10-06\n\
                topics:\n  - {title: A, body: \"x\"}\ncontact: {tel: \"1\"}\n";
    for (path, value) in [("title", "New"), ("title", "")] {
        let message = apply(text, &[set(path, None, value)]).unwrap_err().to_string();
        assert!(message.contains("`title`") && message.contains("edit it in the Source tab"), "{message}");
        assert!(!message.contains("does not parse"), "the YAML is valid: {message}");
    }
    // The alias is a value of its own: set, it no longer follows the anchor.
    let out = apply(text, &[set("short_title", None, "Talks")]).unwrap();
    assert_eq!(out, text.replace("short_title: *t", "short_title: Talks"));
    // A topic that repeats another through an alias is the other's bytes.
    let topics = "title: T\ndate: 2020-10-06\ntopics:\n  - &a {title: A, body: x}\n  - *a\ncontact: {tel: \"1\"}\n";
    for path in ["topics[0].title", "topics[1].title"] {
        let message = apply(topics, &[set(path, None, "B")]).unwrap_err().to_string();
        assert!(message.contains("edit it in the Source tab"), "{path}: {message}");
    }
}

/// A text whose line reads as a key the file lacks (`heading: …` in a summary) is written so
/// that `check` takes it for text, not in a `|` block that check refuses (text38b F38b-9:
/// the editor saved a file that did not build); a text with no such line stays a block.
#[test]
fn a_text_with_a_line_that_reads_as_a_key_is_written_so_that_check_takes_it_as_typed() {
    let value = "The workshop met twice.\nheading: a word we use for the agenda.";
    let out = apply(COMMENTED, &[set("summary", None, value)]).unwrap();
    assert_eq!(reads(&out, "summary", None), value);
    let problems = snapshot("x.yaml", &out).problems;
    assert!(problems.is_empty(), "{problems:?}\n{out}");
    assert!(!out.contains("summary: |"), "{out}");
    let plain = apply(COMMENTED, &[set("summary", None, "The workshop met twice.\nThen it ended.")]).unwrap();
    assert!(plain.contains("summary: |-\n  The workshop met twice.\n  Then it ended.\n"), "{plain}");
}

/// A line or paragraph separator is written by its number, which check reads as meant; `\L`
/// and `\P`, which it names as a path's slips, never.
#[test]
fn separators_are_written_by_their_numbers() {
    let out = apply(COMMENTED, &[set("organisation", None, "A\u{2028}B\u{2029}C")]).unwrap();
    assert!(out.contains("organisation: \"A\\u2028B\\u2029C\""), "{out}");
    assert_eq!(reads(&out, "organisation", None), "A\u{2028}B\u{2029}C");
}

/// Each field's line is where its value starts, in a file with `\n` or `\r\n` line ends;
/// a missing field's is 0.
#[test]
fn every_field_knows_its_line() {
    for text in [COMMENTED.to_string(), COMMENTED.replace('\n', "\r\n")] {
        let form = form::form(&locate::Doc::parse(&text).expect("parses"));
        let all = form.fields.iter().chain(form.topics.iter().flat_map(|t| &t.fields)).chain(&form.contact);
        let lines: Vec<(&str, usize)> = all.filter(|f| f.line > 0).map(|f| (f.path.as_str(), f.line)).collect();
        let expected = [
            ("title", 2),
            ("date", 4),
            ("organisation", 5),
            ("summary", 6),
            ("topics[0].title", 13),
            ("topics[0].body", 14),
            ("topics[1].title", 18),
            ("topics[1].body", 19),
            ("topics[2].title", 22),
            ("topics[2].body", 23),
            ("contact.division", 25),
            ("contact.tel", 26),
        ];
        assert_eq!(lines, expected);
    }
    let form = form::form(&locate::Doc::parse(BILINGUAL).expect("parses"));
    let line = |path: &str| form.fields.iter().chain(&form.contact).find(|f| f.path == path).map(|f| f.line);
    assert_eq!(
        (line("lang"), line("title"), line("contact.tel"), line("heading")),
        (Some(2), Some(4), Some(28), Some(0))
    );
}

/// A big file's problems, on lines of their own or all on one line, are placed in one walk
/// over the text: each was placed by counting lines from the text's start (and its snippet's
/// line from the problem back), problems × file size, minutes for a 3.6 MB file (text42b
/// F42b-9).
#[test]
fn a_big_file_s_problems_are_placed_in_one_walk_over_the_text() {
    let headings = "title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: |\n".to_string()
        + &"      ## x\n\n".repeat(5_000)
        + "contact:\n  tel: \"1\"\n";
    let topic = "{\"title\": \"T\", \"bdy\": \"x\"}";
    let one_line = format!(
        "{{\"title\": \"T\", \"date\": \"2020-10-06\", \"topics\": [{}], \"contact\": {{\"tel\": \"1\"}}}}\n",
        vec![topic; 5_000].join(", ")
    );
    for text in [headings, one_line] {
        crate::diag::SCANNED.with(|n| n.set(0));
        let snap = snapshot("big.yaml", &text);
        let read = crate::diag::SCANNED.with(|n| n.get());
        assert!(snap.problems.len() >= 5_000, "{}", snap.problems.len());
        assert!(read <= 2 * text.len(), "{read} bytes read for {} problems in {}", snap.problems.len(), text.len());
        let last = snap.problems.last().unwrap();
        assert!(last.rendered.starts_with(&format!("big.yaml:{}:{}: error: ", last.line, last.column)), "{last:?}");
    }
}

/// Ten edits of a text over several lines that every way of writing it adds a problem to
/// (U+FFFC, which check names) check the whole text about once each: the old text's problems
/// are known from the edit before, and once the first way adds only the value's own, the
/// others are not checked (text45b F45b-2: each way was checked, and the old text once per
/// edit, four whole checks an edit, 19 s for ten on a 3.4 MB file).
#[test]
fn ten_edits_of_a_summary_check_the_whole_text_about_once_each() {
    let mut text = String::from("title: T\ndate: 2020-10-06\nsummary: >\n  Folded\n  summary.\ntopics:\n");
    for i in 0..300 {
        text += &format!("  - title: Topic {i}\n    body: Body of topic {i}.\n");
    }
    text += "contact:\n  tel: \"1\"\n";
    let edits: Vec<Edit> =
        (0..10).map(|i| set("summary", None, &format!("Para {i} line one\nline two \u{FFFC}"))).collect();
    crate::validate::CHECKED.with(|n| n.set(0));
    let out = apply(&text, &edits).unwrap();
    let checked = crate::validate::CHECKED.with(|n| n.get());
    assert_eq!(reads(&out, "summary", None), "Para 9 line one\nline two \u{FFFC}");
    // As before: the first way (the old `>` block), as every way adds the same problem.
    assert!(out.contains("summary: >-\n  Para 9 line one\n\n  line two \u{FFFC}\n"), "{out}");
    assert!(checked <= 12 * text.len(), "{checked} bytes checked for 10 edits of a {}-byte text", text.len());
}

/// Ten edits parse the text once and each result once, to read it back, which the next edit
/// starts from; 12 when the first tries two ways (text45b F45b-2: each edit parsed again: 21).
#[test]
fn ten_edits_parse_each_text_once() {
    let topics: String = (0..50).map(|i| format!("  - title: Topic {i}\n    body: Body {i}.\n")).collect();
    let text = format!("title: T\ndate: 2020-10-06\nsummary: >\n  Folded.\ntopics:\n{topics}contact:\n  tel: \"1\"\n");
    let summary = |i| set("summary", None, &format!("Para {i} line one\nline two"));
    for edits in [
        (0..10).map(summary).collect::<Vec<_>>(),
        (0..10).map(|i| set(&format!("topics[{i}].title"), None, "N")).collect(),
    ] {
        super::locate::PARSES.with(|n| n.set(0));
        let out = apply(&text, &edits).unwrap();
        assert!(super::locate::PARSES.with(|n| n.get()) <= 12 && out != text, "{out}");
    }
}
