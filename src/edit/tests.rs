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
    let snap = snapshot("t.yaml", text);
    let form = snap.form.expect("parses");
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
    let out = apply(COMMENTED, &[set("topics[0].body", None, "Folded body\non three\nlines.\n")]).unwrap();
    assert!(out.contains("body: >\n      Folded body\n\n      on three\n\n      lines.\n  # second topic"), "{out}");
    assert_eq!(reads(&out, "topics[0].body", None), "Folded body\non three\nlines.\n");
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
