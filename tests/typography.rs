//! Typesetting read back from the PDF: glyph positions parsed from the content streams, as a
//! reader's tools see them. Japanese to JLREQ (justified lines, punctuation compression, a
//! quarter em beside Latin text, no one- or two-character last lines, the contact in
//! Japanese order); Latin with typographic punctuation, code in a monospaced face,
//! hyphenated justified text and fractional sizes.

mod common;

use common::{build_in, fixture, runs, tempdir, write, Run};

/// One line of text as drawn: its baseline and its glyphs (x, text, advance), left to right.
#[derive(Debug)]
struct Line {
    y: f32,
    size: f32,
    glyphs: Vec<(f32, String, f32)>,
}

impl Line {
    fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.1.as_str()).collect()
    }
    /// Where the last glyph that is not a space ends.
    fn end(&self) -> f32 {
        self.glyphs.iter().filter(|g| !g.1.trim().is_empty()).map(|g| g.0 + g.2).fold(f32::MIN, f32::max)
    }
    fn start(&self) -> f32 {
        self.glyphs.iter().filter(|g| !g.1.trim().is_empty()).map(|g| g.0).fold(f32::MAX, f32::min)
    }
}

/// The lines of text in the page's content (not running heads or other artifacts) set at
/// `size` points, top to bottom.
fn lines_of(page: &[Run], size: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for run in page.iter().filter(|r| !r.artifact && (r.size - size).abs() < 0.01) {
        match lines.iter_mut().find(|l| (l.y - run.y).abs() < 0.5) {
            Some(l) => l.glyphs.extend(run.glyphs.iter().cloned()),
            None => lines.push(Line { y: run.y, size: run.size, glyphs: run.glyphs.clone() }),
        }
    }
    for l in &mut lines {
        l.glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    lines.sort_by(|a, b| b.y.total_cmp(&a.y));
    lines
}

/// Paragraphs: runs of lines `pitch` apart (a paragraph's space after breaks the run).
fn paragraphs(lines: Vec<Line>, pitch: f32) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some(p) if p.last().is_some_and(|l| (l.y - line.y - pitch).abs() < 0.1) => p.push(line),
            _ => out.push(vec![line]),
        }
    }
    out
}

/// The right edge of the text area of an A4 page with 32 mm margins (the default template).
const RIGHT_EDGE: f32 = 595.28 - 32.0 * 72.0 / 25.4;
/// The default template's body size, and the distance between the lines of a paragraph.
const BODY: f32 = 10.5;
const SUMMARY: f32 = 11.5;
const PITCH: f32 = BODY * 1.35;
/// The line pitch of Japanese body text (1.7 em).
const JAPANESE_PITCH: f32 = BODY * 1.7;

fn is_kanji_or_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}')
}

fn japanese_pdf() -> Vec<u8> {
    let dir = tempdir();
    build_in(dir.path(), &fixture("japanese-dense.yaml"), &[])
}

#[test]
fn japanese_body_lines_end_at_the_right_edge() {
    let pdf = japanese_pdf();
    let mut lines = lines_of(&runs(&pdf)[0], BODY);
    // The contact block is set flush left.
    lines.truncate(lines.iter().position(|l| l.text().contains("問い合わせ先")).unwrap_or(lines.len()));
    let body = paragraphs(lines, JAPANESE_PITCH);
    let mut checked = 0;
    for p in body.iter().filter(|p| p.len() > 1 && p[0].text().chars().any(is_kanji_or_kana)) {
        for line in &p[..p.len() - 1] {
            assert!(
                (line.end() - RIGHT_EDGE).abs() <= 0.1,
                "line ends at {} not {RIGHT_EDGE}: {}",
                line.end(),
                line.text()
            );
            checked += 1;
        }
        // The last line is flush left: it starts where the others do and may end short.
        let last = p.last().unwrap();
        assert!((last.start() - p[0].start()).abs() < 6.0, "{}", last.text());
    }
    assert!(checked >= 8, "only {checked} justified lines found");
}

#[test]
fn japanese_punctuation_is_compressed_in_pairs() {
    let pdf = japanese_pdf();
    let mut pairs = 0;
    for page in runs(&pdf) {
        for size in [BODY, SUMMARY] {
            for line in lines_of(&page, size) {
                for w in line.glyphs.windows(2) {
                    let (a, b) = (w[0].1.as_str(), w[1].1.as_str());
                    let advance = w[1].0 - w[0].0;
                    let solid =
                        matches!((a, b), ("）", "」") | ("）", "、") | ("」", "、") | ("（", "「") | ("）", "）"));
                    let half = matches!((a, b), ("、", "「") | ("」", "「") | ("）", "（"));
                    if solid || half {
                        assert!(
                            advance <= 0.6 * line.size,
                            "{a}{b} advances {advance} at {} pt in {}",
                            line.size,
                            line.text()
                        );
                        assert!(advance >= 0.45 * line.size, "{a}{b} overlaps: {advance}");
                        pairs += 1;
                    }
                }
            }
        }
    }
    assert!(pairs >= 6, "only {pairs} punctuation pairs found");
}

#[test]
fn latin_text_beside_kanji_keeps_a_quarter_em() {
    let pdf = japanese_pdf();
    let mut seen = 0;
    for page in runs(&pdf) {
        for line in lines_of(&page, BODY) {
            for w in line.glyphs.windows(2) {
                let (a, b) = (w[0].1.chars().next().unwrap_or(' '), w[1].1.chars().next().unwrap_or(' '));
                let latin = |c: char| c.is_ascii_alphanumeric();
                if (is_kanji_or_kana(a) && latin(b)) || (latin(a) && is_kanji_or_kana(b)) {
                    let gap = w[1].0 - (w[0].0 + w[0].2);
                    assert!(gap >= line.size / 8.0 - 0.01, "{a}{b}: {gap} pt in {}", line.text());
                    assert!(gap <= line.size / 2.0, "{a}{b}: {gap} pt is more than half an em in {}", line.text());
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 10, "only {seen} Japanese–Latin boundaries found");
}

/// text45a F45a-2: in Japanese text, `……` came from the Latin face, six small dots on the
/// baseline half the width JLREQ gives it; the signs Japanese shares with Latin text are
/// set from the Japanese face, full width. An apostrophe in a Latin word stays Latin, and so
/// do the quotes around Latin words (text46a F46a-15).
#[test]
fn japanese_text_sets_its_ellipsis_and_signs_in_the_japanese_face() {
    let dir = tempdir();
    let yaml =
        "title: 会合の結果\ndate: 2026-05-12\nsummary: 双方は……協力を確認した。単価×数量、温度２０°、“推進戦略”。\n\
                topics:\n  - title: 概要\n    body: 双方は議論した。\ncontact:\n  tel: \"+81 3 5253 5920\"\n";
    let input = write(dir.path(), "amb.yaml", yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    let font_of = |c: char| -> String {
        let pages = runs(&pdf);
        let run = pages.iter().flatten().find(|r| r.text.contains(c)).unwrap_or_else(|| panic!("no run with {c}"));
        run.font.split('+').next_back().unwrap().to_string()
    };
    for c in ['…', '×', '°', '“', '”'] {
        assert_eq!(font_of(c), "IPAexGothic", "{c}");
    }
}

/// text46a F46a-15: the curly quotes of English in a Japanese paragraph (`"Data Free Flow
/// with Trust" (DFFT)`, typed straight, or `“AI”` typed curly) came from the Japanese face,
/// full width with wide blanks beside the Latin words. A sign of words Japanese shares with
/// Latin text takes the face of the words beside it: Latin quotes, apostrophe, dashes and
/// ellipsis around English, Japanese ones around Japanese; `「」` are as before; and the Latin
/// quotes keep JLREQ's quarter em from the kanji beside them.
#[test]
fn quotes_around_english_in_japanese_text_come_from_the_latin_face() {
    let dir = tempdir();
    let yaml = "title: 日EU対話の結果\ndate: 2026-05-12\nlang: ja\n\
                summary: 双方は\"Data Free Flow with Trust\" (DFFT)の推進を確認した。\n\
                topics:\n  - title: 概要\n    body: |\n      \
                欧州委員会は“AI”戦略と'Digital Decade'を説明し、EU's view—a \"trusted\" flow...を示した。\
                日本側が\"推進戦略\"と「信頼性のある自由なデータ流通」……を紹介した。\n\
                contact:\n  tel: \"+81 3 5253 5920\"\n";
    let input = write(dir.path(), "dfft.yaml", yaml);
    let pdf = build_in(dir.path(), &input, &[]);
    // Each quote, apostrophe, dash and ellipsis of the content, in order, with its face.
    let signs: Vec<(char, String)> =
        faces_of(&pdf).into_iter().filter(|g| !g.3 && "“”‘’—…「」".contains(g.0)).map(|g| (g.0, g.1)).collect();
    let latin = "NotoSans-Regular";
    let japanese = "IPAexGothic";
    let want: Vec<(char, &str)> = vec![
        ('“', latin),
        ('”', latin),
        ('“', latin),
        ('”', latin),
        ('‘', latin),
        ('’', latin),
        ('’', latin),
        ('—', latin),
        ('“', latin),
        ('”', latin),
        ('…', latin),
        ('“', japanese),
        ('”', japanese),
        ('「', japanese),
        ('」', japanese),
        ('…', japanese),
        ('…', japanese),
    ];
    let got: Vec<(char, &str)> = signs.iter().map(|(c, f)| (*c, f.as_str())).collect();
    assert_eq!(got, want);
    // A Latin quote beside a kanji is a quarter em from it, as a Latin letter is (`は“Data`,
    // `”戦略`), and narrow: a Latin face's, not a full em.
    let body = runs(&pdf).into_iter().flatten().filter(|r| !r.artifact).collect::<Vec<_>>();
    let mut seen = 0;
    for line in lines_of(&body, BODY) {
        for w in line.glyphs.windows(2) {
            let (a, b) = (w[0].1.chars().next().unwrap_or(' '), w[1].1.chars().next().unwrap_or(' '));
            if ("は戦".contains(a) || "“”".contains(a)) && ("“”".contains(b) || "戦".contains(b)) && a != b {
                let (quote, kanji) = if "“”".contains(a) { (&w[0], a) } else { (&w[1], b) };
                let gap = w[1].0 - (w[0].0 + w[0].2);
                assert!(gap >= line.size / 8.0 - 0.01, "{a}{b}: {gap} pt in {}", line.text());
                assert!(quote.2 < line.size * 0.6, "{kanji}: a quote {} pt wide in {}", quote.2, line.text());
                seen += 1;
            }
        }
    }
    assert!(seen >= 2, "only {seen} kanji beside a Latin quote found");
}

/// The face of each glyph drawn, by character: (character, font without its subset tag,
/// advance, drawn as an artifact).
fn faces_of(pdf: &[u8]) -> Vec<(char, String, f32, bool)> {
    let mut out = Vec::new();
    for run in runs(pdf).iter().flatten() {
        let font = run.font.split('+').next_back().unwrap_or_default().to_string();
        for (_, text, advance) in &run.glyphs {
            for c in text.chars() {
                out.push((c, font.clone(), *advance, run.artifact));
            }
        }
    }
    out
}

/// text46a F46a-1: F45a-2's signs were still set in the Latin face in a table cell
/// (`数量×単価……` with six small dots) and the running foot, in all three templates; and the
/// other signs of Japanese documents (`※ ○ → ⇒ ≒ ℃ №`) never came from the Japanese face.
/// Wherever Japanese text is set — paragraphs, cells, running lines, contents, contact —
/// they come from the Japanese face its text is in.
#[test]
fn japanese_signs_come_from_the_japanese_face_in_cells_running_lines_and_contents() {
    let dir = tempdir();
    let yaml = "title: 日EU会合の結果……今後×２\ndate: 2026-05-12\nlang: ja\nsummary: 双方は協力を確認した。\n\
                topics:\n  - title: 記号……の確認※\n    body: |\n      矢印→と⇒、≒、≦、℃、№、※、○、☆。\n\n      \
                | 項目 | 値 |\n      | --- | --- |\n      | 数量×単価…… | ±５°※ |\n\
                contact:\n  division: 国際政策課……※\n  tel: \"03-5253-5920\"\n";
    let input = write(dir.path(), "signs.yaml", yaml);
    let signs = ['…', '×', '±', '°', '※', '→', '⇒', '≒', '≦', '℃', '№', '○', '☆'];
    for template in ["default", "press-release", "one-pager"] {
        let pdf = build_in(dir.path(), &input, &["--toc", "--template", template]);
        let faces = faces_of(&pdf);
        for &(c, ref font, _, _) in faces.iter().filter(|g| signs.contains(&g.0)) {
            assert!(font.starts_with("IPAex"), "{template}: {c} from {font}");
        }
        // The table's row, the contents' entry and (but for the press release) the running foot
        // are among them.
        let ellipses = faces.iter().filter(|g| g.0 == '…').count();
        assert!(ellipses >= 8, "{template}: only {ellipses} ellipses drawn");
        let running = faces.iter().filter(|g| g.3 && g.0 == '…').count();
        assert!(template == "press-release" || running >= 2, "{template}: no ellipsis in the running foot");
    }
}

/// text46a F46a-10: `①`–`⑩` came from DejaVu Sans (narrow) and `⑪` on from IPAexGothic (a
/// full em), so a numbered list changed size at `⑪`. Each series of numbered signs comes from
/// one face: in Japanese text the Japanese face, elsewhere the first face that has the whole
/// series.
#[test]
fn circled_numbers_of_one_list_come_from_one_face() {
    let dir = tempdir();
    for (lang, item) in [("ja", "　項目の検討を進める。"), ("en", " Review the item.")] {
        let body: String = ('①'..='⑫').map(|c| format!("      {c}{item}\n\n")).collect();
        let yaml = format!(
            "title: Results\ndate: 2026-05-12\nlang: {lang}\ntopics:\n  - title: Items\n    body: |\n{body}\
             contact:\n  tel: \"1\"\n"
        );
        let input = write(dir.path(), &format!("{lang}.yaml"), &yaml);
        let pdf = build_in(dir.path(), &input, &[]);
        let faces = faces_of(&pdf);
        let circled: Vec<_> = faces.iter().filter(|g| ('①'..='⑫').contains(&g.0)).collect();
        assert_eq!(circled.len(), 12, "{lang}");
        for g in &circled {
            assert_eq!((g.1.as_str(), g.2), (circled[0].1.as_str(), circled[0].2), "{lang}: {} against ①", g.0);
        }
        assert_eq!(circled[0].1, "IPAexGothic", "{lang}");
    }
}

#[test]
fn no_japanese_paragraph_ends_on_one_or_two_characters() {
    let pdf = japanese_pdf();
    for page in runs(&pdf) {
        for p in paragraphs(lines_of(&page, BODY), JAPANESE_PITCH).iter().filter(|p| p.len() > 1) {
            let last = p.last().unwrap().text();
            assert!(last.trim().chars().count() > 2, "a paragraph ends on {last:?}");
        }
    }
}

/// text48a F48a-19: a Japanese table's cell ended on a line of one or two characters (`し。`),
/// which JLREQ avoids as a paragraph does: the lines above are set a little tighter.
#[test]
fn no_japanese_table_cell_ends_on_one_or_two_characters() {
    let text = "日本と欧州連合は国際標準化と研究開発の重要性を確認し今後も協力を続けることで一致しました".repeat(3);
    let rows: String =
        (20..100).map(|n| format!("      | {}。 |\n", text.chars().take(n).collect::<String>())).collect();
    let yaml = format!(
        "title: T\ndate: 2026-04-01\ntopics:\n  - title: 表\n    lang: ja\n    body: |\n      | 内容 |\n      |---|\n\
         {rows}contact:\n  tel: \"1\"\n"
    );
    let dir = tempdir();
    let path = write(dir.path(), "table.yaml", &yaml);
    for template in ["default", "press-release"] {
        let pdf = build_in(dir.path(), &path, &["--template", template]);
        let lasts: Vec<String> = body_lines(&pdf).into_iter().map(|l| l.0).filter(|l| l.ends_with('。')).collect();
        assert_eq!(lasts.len(), 80, "{template}: each cell's last line: {lasts:?}");
        for last in &lasts {
            assert!(last.chars().count() > 2, "{template}: a cell ends on {last:?}");
        }
    }
}

/// The widest space between two glyphs `a`, `b` for which `between(line, a, b)` holds, on
/// any line of `pages` set at `size`, in em, with the line it is on.
fn widest_gap(pages: &[Vec<Run>], size: f32, between: impl Fn(&Line, &str, &str) -> bool) -> (f32, String) {
    let mut widest = (0.0, String::new());
    for page in pages {
        for line in lines_of(page, size) {
            for w in line.glyphs.windows(2) {
                if between(&line, &w[0].1, &w[1].1) {
                    let gap = (w[1].0 - (w[0].0 + w[0].2)) / size;
                    if gap > widest.0 {
                        widest = (gap, line.text());
                    }
                }
            }
        }
    }
    widest
}

/// The widest space between two kana or kanji (see [`widest_gap`]).
fn widest_letter_spacing(pages: &[Vec<Run>], size: f32) -> (f32, String) {
    let japanese = |g: &str| g.chars().next().is_some_and(is_kanji_or_kana);
    widest_gap(pages, size, |_, a, b| japanese(a) && japanese(b))
}

/// The widest space between two letters of a Latin word (or digits) on a line that holds
/// Japanese (see [`widest_gap`]).
fn widest_latin_letter_spacing(pages: &[Vec<Run>], size: f32) -> (f32, String) {
    let letter = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_alphanumeric());
    widest_gap(pages, size, |line, a, b| letter(a) && letter(b) && line.text().chars().any(is_kanji_or_kana))
}

#[test]
fn japanese_lines_are_not_letter_spaced() {
    // Lines are broken where JLREQ lets them (spaces in Latin phrases, before brackets) and
    // shrink what may shrink before anything is spread between characters. Before, lines
    // were spread by 0.15 to 0.35 em. (A line of kana and kanji alone may still spread a
    // little when the next cannot start with what follows, `。` say, nor the paragraph end
    // on two characters: in the narrow column, `…合意しま` / `した。` leaves 1.4 em to spread;
    // and `情報銀行（Personal Data Trust` / `Bank）` spreads its four kanji and two word spaces
    // by 0.145 em, as its Latin words take none: JLREQ 3.8 never spaces a word's letters.)
    let pdf = japanese_pdf();
    let (gap, line) = widest_letter_spacing(&runs(&pdf), BODY);
    assert!(gap <= 1.0 / 32.0, "{gap} em between characters in {line}");
    let dir = tempdir();
    let pdf = build_in(dir.path(), &fixture("bilingual.yaml"), &["--parallel"]);
    for size in [BODY, SUMMARY] {
        let (gap, line) = widest_letter_spacing(&runs(&pdf), size);
        assert!(gap <= 0.15, "{gap} em between characters in the narrow column: {line}");
    }
}

/// A Japanese briefing whose one topic's body is `body`, set at the body size.
fn japanese_topic(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    let body: String = body.lines().map(|l| format!("      {l}\n")).collect();
    let yaml = format!(
        "title: 検証\ndate: 2026-04-01\nlang: ja\nsummary: 概要です。\ntopics:\n  - title: 項目\n    body: |\n{body}\
         contact:\n  division: 国際政策課\n  tel: 03-5253-5920\n"
    );
    write(dir, "ja.yaml", &yaml)
}

#[test]
fn a_latin_word_in_japanese_text_moves_to_the_next_line_whole() {
    // JLREQ and UAX #14: a Latin word in Japanese text breaks only where it breaks itself;
    // one that fits a line is never split. Broken anywhere at a cost, `cybersecurity` was
    // set `cyberse` / `curity` and `Beyond` `Bey` / `ond`, no hyphen shown, and read back so.
    let words = ["Interoperability", "cybersecurity", "Beyond", "ABCDEFGHIJ", "2025-2026"];
    let body: String = (0..40)
        .map(|n| {
            let [a, b, c, d, e] = words;
            format!("{}英単語{a}と{b}政策、{c}及び{d}、{e}を含みます。\n\n", "あ".repeat(n))
        })
        .collect();
    let dir = tempdir();
    let yaml = japanese_topic(dir.path(), &body);
    for args in
        [&["--template", "default"][..], &["--template", "press-release"], &["--template", "one-pager"], &["--toc"]]
    {
        let pdf = build_in(dir.path(), &yaml, args);
        let lines = body_lines(&pdf);
        for word in words {
            let whole: usize = lines.iter().map(|l| l.0.matches(word).count()).sum();
            let count = |l: &str| l.matches(word).count();
            let split: Vec<(&str, &str)> = (lines.windows(2))
                .filter(|w| count(&(w[0].0.clone() + &w[1].0)) > count(&w[0].0) + count(&w[1].0))
                .map(|w| (w[0].0.as_str(), w[1].0.as_str()))
                .collect();
            assert_eq!(whole, 40, "{args:?}: {word} split across lines: {split:?}");
        }
    }
}

/// The pairs of lines of `lines` that split `word` between them (a line ending with its start
/// and the next starting with its rest, with or without a space between).
fn splits<'a>(lines: &'a [(String, f32)], word: &str) -> Vec<(&'a str, &'a str)> {
    let count = |l: &str| l.matches(word).count();
    lines
        .windows(2)
        .filter(|w| {
            let apart = count(&w[0].0) + count(&w[1].0);
            [format!("{}{}", w[0].0, w[1].0), format!("{} {}", w[0].0, w[1].0)].iter().any(|j| count(j) > apart)
        })
        .map(|w| (w[0].0.as_str(), w[1].0.as_str()))
        .collect()
}

#[test]
fn a_full_width_or_mixed_width_word_in_japanese_moves_to_the_next_line_whole() {
    // text46a F46a-2: JLREQ keeps a word typed in full width whole, as its half-width twin;
    // lines ended `Ｒ` / `＆Ｄ`, `５` / `Ｇ`, `Ｒ` / `&D`, `５` / `G`. Between kanji and kana
    // lines still break anywhere.
    let words = ["Ｒ＆Ｄ", "ＡＩ", "５Ｇ", "Ｒ&Ｄ", "５G", "Ｒ&D", "ＩｏＴ", "Ｇ7"];
    let body: String = (0..40)
        .map(|n| {
            let [a, b, c, d, e, f, g, h] = words;
            format!("{}研究{a}と{b}政策、{c}及び{d}、{e}や{f}、{g}と{h}を含みます。\n\n", "あ".repeat(n))
        })
        .collect();
    let dir = tempdir();
    let yaml = japanese_topic(dir.path(), &body);
    for args in [&["--template", "default"][..], &["--template", "press-release"], &["--template", "one-pager"]] {
        let pdf = build_in(dir.path(), &yaml, args);
        let lines = body_lines(&pdf);
        for word in words {
            let whole: usize = lines.iter().map(|l| l.0.matches(word).count()).sum();
            assert_eq!(whole, 40, "{args:?}: {word} split across lines: {:?}", splits(&lines, word));
        }
    }
}

#[test]
fn a_number_keeps_its_currency_unit_and_name_on_its_line() {
    // text46a F46a-3, F46a-16: lines ended `EUR` / `5`, `art.` / `5`, `5` / `lei`, and in a
    // Japanese paragraph `€` / `5`, `5` / `km`, `No.` / `3`; after a thin space, `5` / `000`.
    // Each is kept whole, and thin and narrow no-break spaces read back as typed.
    let units = [
        "EUR 5",
        "5 EUR",
        "5 lei",
        "art. 5",
        "Art. 12",
        "No. 3",
        "p. 7",
        "€ 5",
        "5 %",
        "5 km",
        "USD 1.5",
        "5\u{2009}%",
        "5\u{202F}%",
        "5\u{2009}000",
        "5\u{202F}000",
        "5\u{2009}km",
    ];
    let english: String =
        (0..30).map(|n| format!("{}In all {} were counted.\n\n", "ab ".repeat(n), units.join(" and "))).collect();
    let japanese: String =
        (0..30).map(|n| format!("{}合計は{}でした。\n\n", "あ".repeat(n), units.join("、"))).collect();
    let dir = tempdir();
    let quoted = |s: &str| format!("{s:?}").replace("\\u{2009}", "\\u2009").replace("\\u{202f}", "\\u202F");
    let yaml = format!(
        "title: T\ndate: 2026-04-01\ntopics:\n  - title: En\n    body: {}\n  - title: Ja\n    lang: ja\n    body: {}\n\
         contact:\n  tel: \"1\"\n",
        quoted(&english),
        quoted(&japanese)
    );
    let path = write(dir.path(), "units.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let lines = body_lines(&pdf);
    for unit in units {
        let whole: usize = lines.iter().map(|l| l.0.matches(unit).count()).sum();
        assert_eq!(whole, 60, "{unit:?} split across lines: {:?}", splits(&lines, unit));
    }
}

#[test]
fn abbreviations_days_and_acronyms_stay_with_the_word_after_them() {
    // text48a F48a-4: lines ended `z.` / `B. die`, `Dr.` / `Ito`, `12` / `May 2026`, `IEEE` /
    // `802.11`. Each is kept on one line, at every place of a line, in English and German.
    let kept = [
        "e.g. the",
        "Dr. Ito",
        "Mr. Sato",
        "12 May",
        "IEEE 802.11",
        "ISO 27001",
        "No. 5",
        "z. B. die",
        "d. h. wir",
        "12. Mai",
        "Prof. Dr. Ito",
    ];
    let english: String = (0..30)
        .map(|n| {
            format!(
                "      {}In all, e.g. the Dr. Ito and Mr. Sato met on 12 May 2026 under IEEE 802.11 and No. 5 \
                 of ISO 27001.\n\n",
                "ab ".repeat(n)
            )
        })
        .collect();
    let german: String = (0..30)
        .map(|n| {
            format!(
                "      {}Es gilt z. B. die Regel, d. h. wir treffen Prof. Dr. Ito am 12. Mai 2026 in Bonn.\n\n",
                "ab ".repeat(n)
            )
        })
        .collect();
    let yaml = format!(
        "title: T\ndate: 2026-04-01\ntopics:\n  - title: En\n    body: |\n{english}  - title: De\n    lang: de\n    \
         body: |\n{german}contact:\n  tel: \"1\"\n"
    );
    let dir = tempdir();
    let path = write(dir.path(), "abbreviations.yaml", &yaml);
    for template in ["default", "one-pager"] {
        let pdf = build_in(dir.path(), &path, &["--template", template]);
        let lines = body_lines(&pdf);
        for stretch in kept {
            let whole: usize = lines.iter().map(|l| l.0.matches(stretch).count()).sum();
            let times = if stretch == "Dr. Ito" { 60 } else { 30 };
            assert_eq!(whole, times, "{template}: {stretch:?} split across lines: {:?}", splits(&lines, stretch));
        }
    }
}

#[test]
fn a_word_with_a_slash_after_a_wide_space_is_set_and_kept_whole() {
    // text48a F48a-6: `build` (and `diff`) panicked, exit 101 and no PDF, on `10\u00A0km/h`,
    // `資料\u3000and/or`, or a French `"https://…"` whose guillemets bring a narrow no-break
    // space: the word before a `/` was found by stepping one byte past the space before it,
    // inside a space of two or three bytes. Each space, in English, French and Japanese, at
    // every place of a line: the PDF is built, and `km/h` and `and/or` stay whole.
    let spaces = ['\u{00A0}', '\u{202F}', '\u{2009}', '\u{2003}', '\u{3000}', '\t'];
    let shapes =
        |sp: char| [format!("10{sp}km/h"), format!("x{sp}and/or"), format!("see{sp}\"https://example.org/a/b\"")];
    let mut topics = String::new();
    for (lang, filler) in [("en", "ab "), ("fr", "le "), ("ja", "あ")] {
        let body: String = (0..12)
            .flat_map(|n| spaces.map(|sp| format!("      {}{}.\n\n", filler.repeat(n), shapes(sp).join(" "))))
            .collect();
        topics.push_str(&format!("  - title: {lang}\n    lang: {lang}\n    body: |\n{body}"));
    }
    let yaml = format!("title: T\ndate: 2026-04-01\ntopics:\n{topics}contact:\n  tel: \"1\"\n");
    let dir = tempdir();
    let path = write(dir.path(), "spaces.yaml", &yaml);
    let pdf = build_in(dir.path(), &path, &[]);
    let lines = body_lines(&pdf);
    let times = 3 * 12 * spaces.len();
    for kept in ["km/h", "and/or"] {
        let whole: usize = lines.iter().map(|l| l.0.matches(kept).count()).sum();
        assert_eq!(whole, times, "{kept:?} split across lines: {:?}", splits(&lines, kept));
    }
    let text = common::squash(&common::text(&pdf));
    assert_eq!(text.matches("example.org/a/b").count(), times, "{text}");
    // The redline sets the same text.
    let old = write(dir.path(), "old.yaml", &yaml.replace("km/h", "km"));
    let o = common::run(dir.path(), &["diff", old.to_str().unwrap(), path.to_str().unwrap()]);
    common::assert_exit(&o, 0);
}

#[test]
fn a_run_of_small_kana_does_not_spread_its_paragraph() {
    // No line starts with a small kana (JLREQ), but a run of them is broken inside rather
    // than kept whole by spreading every line of its paragraph. Before, a paragraph ending in
    // `ぁぃぅぇぉっゃゅょゎ、ァィゥェォッャュョヮヵヶ。` was set three characters short on every
    // line, spaced apart, `DG CONNECT` included (pdfminer read `D G  C O N N E C T`).
    let text = "令和８年４月１日、総務省は欧州委員会通信ネットワーク・コンテンツ・技術総局（DG CONNECT）との間で、\
                第31回日EU・ICT政策対話をオンラインで開催しました。本対話では、AIガバナンス、5GおよびBeyond 5G、\
                データの自由な流通（DFFT）、サイバーセキュリティ、海底ケーブル、量子技術、半導体サプライチェーンなど\
                について、双方の最新の政策動向を共有するとともに、今後の協力の方向性について議論しました。";
    let body: String = (0..24)
        .map(|n| format!("{text}{}ぁぃぅぇぉっゃゅょゎ、ァィゥェォッャュョヮヵヶ。\n\n", "あ".repeat(n)))
        .collect();
    let dir = tempdir();
    let pdf = build_in(dir.path(), &japanese_topic(dir.path(), &body), &[]);
    let pages = runs(&pdf);
    let (gap, line) = widest_letter_spacing(&pages, BODY);
    // (At most a character moved to the next line: a thirty-fifth of an em on a full line.)
    assert!(gap <= 1.0 / 32.0, "{gap} em between characters in {line}");
    let (gap, line) = widest_latin_letter_spacing(&pages, BODY);
    assert!(gap < 0.01, "{gap} em between letters in {line}");
    // The run is broken inside, and nowhere else does a line start with a small kana.
    let lines: Vec<String> = pages.iter().flat_map(|p| lines_of(p, BODY)).map(|l| l.text()).collect();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].trim_end().chars().last().unwrap_or(' '), pair[1].chars().next().unwrap_or(' '));
        let small = |c: char| "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ".contains(c);
        assert!(!small(b) || small(a), "{pair:?}");
    }
}

#[test]
fn latin_words_in_justified_japanese_are_not_letter_spaced() {
    // JLREQ 3.8 spreads a justified line between Japanese characters and beside Latin text,
    // never between the letters of a Latin word (pdfminer read `I n t e r o p e r …`).
    let body = "全角スペースを含む文：総務省　国際戦略局　国際政策課。数字１２３４５と123456、\
                英単語Interoperabilityと長い英単語Pneumonoultramicroscopicsilicovolcanoconiosisを含みます。\
                句読点が行頭に来ないことを確認するための文章です、。」ー」ー」ー。\n";
    let dir = tempdir();
    let pdf = build_in(dir.path(), &japanese_topic(dir.path(), body), &[]);
    let (gap, line) = widest_latin_letter_spacing(&runs(&pdf), BODY);
    assert!(gap < 0.01, "{gap} em between letters in {line}");
    // In the narrow column of a bilingual briefing too (`情報銀行（Personal Data Trust`).
    let pdf = build_in(dir.path(), &fixture("bilingual.yaml"), &["--parallel"]);
    for size in [BODY, SUMMARY] {
        let (gap, line) = widest_latin_letter_spacing(&runs(&pdf), size);
        assert!(gap < 0.01, "{gap} em between letters in the narrow column: {line}");
    }
}

/// The distances between consecutive baselines of `lines` that are closer than `most`
/// (lines of one paragraph, not the space between paragraphs).
fn pitches(lines: &[Line], most: f32) -> Vec<f32> {
    lines.windows(2).map(|w| w[0].y - w[1].y).filter(|&d| d > 0.0 && d < most).collect()
}

#[test]
fn japanese_running_text_is_set_at_a_line_pitch_of_about_one_and_seven_tenths() {
    let pdf = japanese_pdf();
    let lines = lines_of(&runs(&pdf)[0], BODY);
    let body = pitches(&lines, BODY * 1.85);
    assert!(body.len() >= 8, "{body:?}");
    assert!(body.iter().all(|&d| (d - BODY * 1.7).abs() < 0.05), "Japanese at 1.7 em: {body:?}");
    // Side by side, the Japanese column is set wider than the English one.
    let dir = tempdir();
    let pdf = build_in(dir.path(), &fixture("bilingual.yaml"), &["--parallel"]);
    let page = &runs(&pdf)[0];
    let middle = 595.28 / 2.0;
    let column = |right: bool| {
        let runs: Vec<Run> = page.iter().filter(|r| (r.x > middle) == right).cloned().collect();
        pitches(&lines_of(&runs, SUMMARY), SUMMARY * 1.85)
    };
    let (en, ja) = (column(false), column(true));
    assert!(en.len() >= 5 && en.iter().all(|&d| (d - SUMMARY * 1.4).abs() < 0.05), "English summary at 1.4: {en:?}");
    assert!(ja.len() >= 5 && ja.iter().all(|&d| (d - SUMMARY * 1.7).abs() < 0.05), "Japanese summary at 1.7: {ja:?}");
}

#[test]
fn a_typed_space_beside_japanese_is_kept_as_typed() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("japanese.yaml")).unwrap();
    let yaml = write(dir.path(), "typed.yaml", &text.replace("overview: |\n", "overview: |\n  日本 EU 日EU\n\n"));
    let pdf = build_in(dir.path(), &yaml, &[]);
    let line = lines_of(&runs(&pdf)[0], BODY).into_iter().find(|l| l.text().starts_with("日本")).expect("the line");
    let g = &line.glyphs;
    let gap = |i: usize| g[i + 1].0 - (g[i].0 + g[i].2);
    // 日本 EU: the typed space, as wide as a space; 日EU: a quarter em where none is typed.
    assert_eq!(g[2].1, " ");
    let typed = g[3].0 - (g[1].0 + g[1].2);
    assert!(typed > 2.0 && typed < 3.0, "typed {typed} {g:?}");
    let k = g.iter().rposition(|x| x.1 == "日").unwrap();
    assert!((gap(k) - BODY / 4.0).abs() < 0.01, "quarter em {}", gap(k));
}

#[test]
fn a_line_break_in_a_japanese_paragraph_prints_no_space() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("japanese.yaml")).unwrap();
    let typed =
        "overview: |\n  双方は意見を交換しました。\n  双方は合意しました。EU\n  側は\n  Beyond\n  5Gについて\n\n";
    let yaml = write(dir.path(), "lines.yaml", &text.replace("overview: |\n", typed));
    let pdf = build_in(dir.path(), &yaml, &[]);
    let line = lines_of(&runs(&pdf)[0], BODY).into_iter().find(|l| l.text().starts_with("双方は")).expect("the line");
    // Between Japanese characters the line break is nothing, and between a Latin word and a
    // Japanese character too (text43a F43a-26: "EU 側は"); between two Latin words, a space.
    assert!(
        line.text().starts_with("双方は意見を交換しました。双方は合意しました。EU側はBeyond 5Gについて"),
        "{}",
        line.text()
    );
    assert!(!line.glyphs.windows(2).any(|w| w[0].1 == "。" && w[1].1.trim().is_empty()), "{:?}", line.glyphs);
    // Read back, the text has no space the writer never typed: "日EU・ICT 戦略", "AI ガバナンス".
    let typed = "総務省と欧州委員会は、第10回日EU・ICT\n戦略ワークショップを開催し、Beyond\n5G及びAI\nガバナンスについて議論した。";
    let pdf = build_in(dir.path(), &japanese_topic(dir.path(), typed), &[]);
    let read_as_typed = |text: &str| {
        common::squash(text).contains("第10回日EU・ICT戦略ワークショップを開催し、Beyond5G及びAIガバナンス")
            && !text.contains("ICT 戦略")
            && !text.contains("AI ガバナンス")
            && text.contains("Beyond 5G")
    };
    let tree = common::structure(&pdf).text();
    assert!(read_as_typed(&tree), "{tree}");
    if let Some(text) = common::poppler_text(&pdf) {
        assert!(read_as_typed(&text), "poppler: {text}");
    }
}

/// The seed built with a template `template` (YAML) and `yaml` edits, in a fresh folder.
fn seed_with_template(template: &str, from: &str, to: &str) -> Vec<u8> {
    let dir = tempdir();
    let yaml = write(dir.path(), "seed.yaml", &common::seed_with(from, to));
    let mut extra = Vec::new();
    if !template.is_empty() {
        write(dir.path(), "mine.yaml", template);
        extra = vec!["--template", "mine.yaml"];
    }
    build_in(dir.path(), &yaml, &extra)
}

#[test]
fn straight_quotes_and_dashes_print_typographic_but_code_stays_as_typed() {
    let body = "      Japan explained the efforts to institutionalize trust services";
    let typed = "      Japan's \"trust services\" -- and 'eIDAS' --- see `\"raw\" --x`.\n\n      \
                 Japan explained the efforts to institutionalize trust services";
    let pdf = seed_with_template("", body, typed);
    let text = common::text(&pdf);
    assert!(text.contains("Japan’s “trust services” – and ‘eIDAS’ — see \"raw\" --x."), "{text}");
    // German quotes in a German briefing.
    let pdf = seed_with_template("", "title: Results of 10th", "lang: de\ntitle: 'Ergebnisse \"10.\" Workshop' #");
    assert!(common::text(&pdf).contains("Ergebnisse „10.“ Workshop"), "{}", common::text(&pdf));
    let off = seed_with_template("smart_punctuation: false\n", body, typed);
    assert!(common::text(&off).contains("Japan's \"trust services\" -- and"), "a template can turn it off");
}

#[test]
fn signs_of_pros_and_cons_and_a_footnotes_star_reach_the_page() {
    // text47a F47a-10: `+` and `-` items, and a `*` footnote line that ends a text, printed
    // as bullets without their signs.
    let body = "      Japan explained the efforts to institutionalize trust services, and both parties decided to \
                continue their cooperation in this field.";
    let typed = "      The Council weighed the proposal.\n\n      + Faster procedures\n      - Higher cost\n      \
                 + Less paperwork\n\n      Trade grew by 12 % in 2025.\n      * Figures are provisional.";
    let pdf = seed_with_template("", body, typed);
    let text = common::text(&pdf);
    let line =
        |words: &str| text.lines().find(|l| l.contains(words)).unwrap_or_else(|| panic!("no {words:?} in\n{text}"));
    for (sign, words) in
        [('+', "Faster procedures"), ('-', "Higher cost"), ('+', "Less paperwork"), ('*', "Figures are")]
    {
        let line = line(words);
        assert!(line.trim_start().starts_with(sign), "{sign} {words}: {line:?}");
    }
}

#[test]
fn a_footnotes_star_under_any_block_reaches_the_page() {
    // text49a F49a-10: under a list, or a paragraph not ending in `.`, the star was lost.
    let body = "      Japan explained the efforts to institutionalize trust services, and both parties decided to \
                continue their cooperation in this field.";
    for (above, note) in [
        ("- One item\n      - Another item", "Footnote after a list."),
        ("Trade grew by 12 %", "Provisional figure."),
        ("予算は75億ユーロ", "Provisional yen."),
    ] {
        let typed = format!("      The Council weighed the proposal.\n\n      {above}\n\n      * {note}");
        let text = common::text(&seed_with_template("", body, &typed));
        let line = text.lines().find(|l| l.contains(note)).unwrap_or_else(|| panic!("no {note:?} in\n{text}"));
        assert!(line.trim_start().starts_with("* "), "{note}: {line:?}");
    }
}

#[test]
fn code_is_set_in_a_monospaced_face() {
    let body = "      Japan explained the efforts to institutionalize trust services";
    let typed = "      Run `briefing build` first.\n\n      ```\n      fn main() {}\n      ```\n\n      \
                 Japan explained the efforts to institutionalize trust services";
    let pdf = seed_with_template("", body, typed);
    let all: Vec<Run> = runs(&pdf).into_iter().flatten().collect();
    let font_of = |needle: &str| all.iter().find(|r| r.text.contains(needle)).map(|r| r.font.clone()).unwrap();
    assert!(font_of("briefing build").ends_with("+DejaVuSansMono"), "{}", font_of("briefing build"));
    assert!(font_of("fn main()").ends_with("+DejaVuSansMono"));
    assert!(font_of("Run").ends_with("+NotoSans-Regular"));
    // Every glyph of the code advances alike.
    let code = all.iter().find(|r| r.text.contains("fn main()")).unwrap();
    let advances: Vec<f32> = code.glyphs.iter().map(|g| g.2).collect();
    assert!(advances.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01), "{advances:?}");
}

#[test]
fn fractional_font_sizes_reach_the_page() {
    let pdf = seed_with_template("styles:\n  body: { size: 10.5 }\n", "", "");
    let body: Vec<Run> =
        runs(&pdf).into_iter().flatten().filter(|r| r.text.contains("Japan and the EU introduced")).collect();
    assert!(!body.is_empty());
    assert!(
        body.iter().all(|r| (r.size - 10.5).abs() < 0.001),
        "{:?}",
        body.iter().map(|r| r.size).collect::<Vec<_>>()
    );
}

#[test]
fn justified_hyphenated_latin_text_keeps_word_spaces_in_bound() {
    let pdf = seed_with_template(
        "hyphenate: true\nstyles:\n  body: { align: justify }\n  summary: { align: justify }\n",
        "",
        "",
    );
    let mut hyphens = 0;
    let mut checked = 0;
    for page in runs(&pdf) {
        let lines = lines_of(&page, BODY);
        let lines: Vec<Line> = lines.into_iter().filter(|l| l.glyphs.len() > 20).collect();
        for p in paragraphs(lines, PITCH).iter().filter(|p| p.len() > 1) {
            let last = p.last().unwrap();
            assert!(last.end() <= RIGHT_EDGE + 0.01, "a last line overruns: {}", last.text());
            for line in &p[..p.len() - 1] {
                assert!((line.end() - RIGHT_EDGE).abs() <= 1.0, "{} ends at {}", line.text(), line.end());
                for w in line.glyphs.windows(2).filter(|w| w[0].1 == " ") {
                    let space = w[1].0 - w[0].0;
                    assert!(space <= 2.0 * w[0].2 + 0.01, "a space of {space} pt in {}", line.text());
                }
                hyphens += usize::from(line.text().ends_with('\u{AD}'));
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked} justified lines");
    assert!(hyphens > 0, "some word is hyphenated");
    // The words come back whole: the soft hyphen is the only mark of the break.
    let text = common::squash(&common::text(&pdf).replace('\u{AD}', ""));
    assert!(text.contains(&common::squash("the Telecommunications Business Act")));
}

#[test]
fn the_press_release_template_sets_japanese_body_text_in_mincho_under_gothic_headings() {
    let dir = tempdir();
    let pdf = build_in(dir.path(), &fixture("japanese.yaml"), &["--template", "press-release"]);
    let all: Vec<Run> = runs(&pdf).into_iter().flatten().filter(|r| !r.artifact).collect();
    let fonts_of = |needle: &str| -> Vec<String> {
        all.iter()
            .filter(|r| r.text.contains(needle))
            .map(|r| r.font.split('+').nth(1).unwrap_or("").to_string())
            .collect()
    };
    // Body text: kana and kanji, and the Latin words among them, in Mincho.
    assert_eq!(fonts_of("開催しました"), ["IPAexMincho"], "body text");
    let latin_in_body = all.iter().find(|r| r.text.contains("Destination")).expect("a Latin word in the body");
    assert!(latin_in_body.font.ends_with("+IPAexMincho"), "Latin inside Japanese body: {}", latin_in_body.font);
    // Headings and the title: Gothic.
    assert!(fonts_of("概要").iter().all(|f| f == "IPAexGothic"), "{:?}", fonts_of("概要"));
    assert!(fonts_of("戦略ワークショップの結果").iter().all(|f| f == "IPAexGothic"));
    // Every character of the text is still there.
    common::assert_in_order(&common::text(&pdf), &common::pieces(&fixture("japanese.yaml")));

    // The default template keeps Gothic throughout.
    let plain = build_in(dir.path(), &fixture("japanese.yaml"), &["--force"]);
    assert!(runs(&plain).iter().flatten().all(|r| !r.font.ends_with("+IPAexMincho")));
}

#[test]
fn titles_and_headings_are_never_hyphenated_when_the_body_is() {
    // Long words with many hyphenation points: every line break of these falls in a word
    // the patterns could break.
    let long =
        "title: Internationalization, standardization and interoperability of telecommunications infrastructures";
    let topic = "  - title: Digital and smart cities for climate change response";
    let long_topic =
        "  - title: Telecommunications infrastructure interoperability, internationalization and standardization requirements";
    let template = "hyphenate: true\nstyles:\n  body: { align: justify }\n";
    let dir = tempdir();
    let yaml =
        common::seed_with("title: Results of 10th Japan-EU ICT Strategy Workshop", long).replacen(topic, long_topic, 1);
    let yaml = write(dir.path(), "seed.yaml", &yaml);
    write(dir.path(), "mine.yaml", template);
    let pdf = build_in(dir.path(), &yaml, &["--template", "mine.yaml"]);
    // Headings are bold, the body regular: group each page's runs into lines by weight.
    let (mut heading_lines, mut body_hyphens) = (0, 0);
    for page in runs(&pdf) {
        for bold in [true, false] {
            let mut lines: Vec<(f32, String)> = Vec::new();
            for r in page.iter().filter(|r| !r.artifact && r.font.contains("Bold") == bold) {
                match lines.iter_mut().find(|l| (l.0 - r.y).abs() < 0.5) {
                    Some(l) => l.1.push_str(&r.text),
                    None => lines.push((r.y, r.text.clone())),
                }
            }
            for (_, text) in lines {
                let hyphenated = text.trim_end().ends_with(['\u{AD}', '-']);
                if bold {
                    heading_lines += 1;
                    assert!(!hyphenated, "a heading line ends in a hyphen: {text:?}");
                } else {
                    body_hyphens += usize::from(hyphenated);
                }
            }
        }
    }
    assert!(heading_lines > 12, "{heading_lines} heading lines");
    assert!(body_hyphens > 0, "the body is hyphenated");
}

#[test]
fn a_hyphenated_word_reads_back_whole_in_other_readers() {
    let pdf = seed_with_template(
        "hyphenate: true\nstyles:\n  body: { align: justify }\n  summary: { align: justify }\n",
        "",
        "",
    );
    // In the content stream (lopdf): the first part of each hyphenated word is a span whose
    // /ActualText is the word whole, and the part on the next line one that reads as nothing.
    let actual = common::actual_texts(&pdf);
    let words: Vec<&String> = actual.iter().filter(|t| !t.is_empty()).collect();
    assert!(words.len() > 2, "{actual:?}");
    for w in &words {
        assert!(!w.contains('\u{AD}') && !w.contains(' ') && w.chars().count() > 3, "{w:?}");
    }
    assert_eq!(actual.iter().filter(|t| t.is_empty()).count(), words.len(), "{actual:?}");
    let broken: Vec<String> = runs(&pdf)
        .iter()
        .flatten()
        .filter(|r| r.text.ends_with('\u{AD}') && !r.artifact)
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(broken.len(), words.len(), "every hyphen is in a span: {broken:?}");
    // In the structure, which pdf.js (and so Firefox's screen reader) reads: each word is a
    // Span whose /ActualText is the word, and which holds both its parts (and nothing else).
    let tree = common::structure(&pdf);
    let spans: Vec<&common::Elem> = tree.walk().into_iter().filter(|e| e.actual.is_some()).collect();
    let spoken: Vec<&str> = spans.iter().filter_map(|e| e.actual.as_deref()).collect();
    assert_eq!(spoken, words.iter().map(|w| w.as_str()).collect::<Vec<_>>(), "the structure's words");
    for span in &spans {
        assert_eq!(span.role, "Span");
        assert_eq!(Some(span.text()), span.actual, "{span:?}");
    }
    // Read back by poppler and MuPDF: no hyphen, no word cut in two.
    let expected = common::pieces(&common::seed());
    for (reader, text) in [("poppler", common::poppler_text(&pdf)), ("MuPDF", common::mupdf_text(&pdf))] {
        let Some(text) = text else { continue };
        assert!(!text.contains('\u{AD}') && !text.contains('\u{FFFE}'), "{reader}: {text}");
        for w in &words {
            assert!(text.contains(w.as_str()), "{reader} splits {w}: {text}");
        }
        common::assert_in_order(&text, &expected);
    }
}

/// A word wider than the line is cut with no hyphen, in a title, a heading, running text
/// and a table's header cell: it reads back whole all the same, as a hyphenated word does,
/// and only once. A short header beside it keeps its word whole (text45a F45a-5).
#[test]
fn a_word_wider_than_the_line_reads_back_whole() {
    let long = "Donaudampfschifffahrtsgesellschaftskapitänsmützenwerkstattbetriebsleiterstellvertreter\
                ausbildungsverordnungsentwurfsbegründungsschreiben";
    let yaml = format!(
        "lang: de\ntitle: Langwort {long}\nshort_title: Kurz\ndate: 2026-03-04\nsummary: Text {long} Ende.\n\
         topics:\n  - title: Thema {long}\n    body: |\n      Körper {long} Ende.\n\n      \
         | Spalte | {long} |\n      |---|---|\n      | a | b |\ncontact:\n  email: a@example.org\n"
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "long.yaml", &yaml), &[]);
    // Cut: some line of the page holds a part of the word and not all of it.
    let texts: Vec<String> = runs(&pdf).iter().flatten().map(|r| r.text.clone()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Donaudampf") && !t.contains(long)), "{texts:?}");
    assert!(texts.iter().any(|t| t.trim() == "Spalte"), "the short header is cut: {texts:?}");
    // In the content stream: the first part carries the word whole, the others nothing.
    let actual = common::actual_texts(&pdf);
    let words: Vec<&str> = actual.iter().map(String::as_str).filter(|t| !t.is_empty()).collect();
    // (Title, summary, heading, running text and the table's header row.)
    assert_eq!(words, [long, long, long, long, long], "{actual:?}");
    assert!(actual.iter().filter(|t| t.is_empty()).count() >= words.len(), "{actual:?}");
    // In the structure: each word is one span holding its parts.
    let tree = common::structure(&pdf);
    let spans: Vec<&common::Elem> = tree.walk().into_iter().filter(|e| e.actual.is_some()).collect();
    assert_eq!(spans.iter().filter_map(|e| e.actual.as_deref()).collect::<Vec<_>>(), words);
    for span in &spans {
        assert_eq!(Some(span.text()), span.actual, "{span:?}");
    }
    // Read back by poppler and MuPDF: each word whole, as often as it was typed.
    for (reader, text) in [("poppler", common::poppler_text(&pdf)), ("MuPDF", common::mupdf_text(&pdf))] {
        let Some(text) = text else { continue };
        assert_eq!(text.matches(long).count(), 5, "{reader}: {text}");
        assert_eq!(text.matches("Donaudampf").count(), 5, "{reader} doubles a part: {text}");
        assert!(text.split_whitespace().any(|w| w == "Spalte"), "{reader}: {text}");
    }
}

/// A table wider than the page keeps every word of its cells whole where the table has room
/// for them: its bold header words ("Participants", "Representatives") beside a notes column
/// that can give up a little, and its body words (text45a F45a-5: "Participan/ts",
/// "Representativ/es", measured in regular type though the header is bold).
#[test]
fn a_table_wider_than_the_page_breaks_no_word_it_has_room_for() {
    let yaml = "title: Results\ndate: 2026-05-12\ntopics:\n  - title: Data\n    body: |\n      \
                | Member State | Participants | Representatives | Notes |\n      |---|--:|--:|---|\n      \
                | DE | 12 | 3 | Bundesministerium für Digitales und Verkehr (BMDV), Referat Internationale \
                Digitalpolitik, and the Federal Network Agency |\n      \
                | CZ | 3 | 1 | Ministerstvo průmyslu a obchodu and the Czech Telecommunication Office |\n\
                contact:\n  tel: \"+81 3 5253 5920\"\n";
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "t.yaml", yaml), &[]);
    let page = &runs(&pdf)[0];
    let drawn: Vec<&str> = page.iter().filter(|r| !r.artifact).flat_map(|r| r.text.split_whitespace()).collect();
    for word in
        ["Member", "State", "Participants", "Representatives", "Notes", "Bundesministerium", "Telecommunication"]
    {
        assert!(drawn.contains(&word), "{word} is broken: {drawn:?}");
    }
    let header = page.iter().find(|r| r.text.contains("Participants")).expect("the header");
    assert!(header.font.contains("Bold") || header.mode == 2, "the header is bold: {header:?}");
}

/// A table of a long German name, figures, a date in words, a code and an address, wider than
/// the page: each figure, date and code drawn whole on one line of its cell, and read back so
/// by poppler; the address column gives up its width, not the figures (text47a F47a-15:
/// "1,234,56" / "7.89" and "12 May" / "2026" while the address column stayed wide).
#[test]
fn a_table_keeps_its_figures_and_dates_whole_before_an_address_column_is_wide() {
    let yaml = "title: Grants\ndate: 2026-05-12\ntopics:\n  - title: Payments\n    body: |\n      \
                | Beneficiary | Amount (EUR) | Co-financing (EUR) | Signed | Reference | Address |\n      \
                |---|---:|---:|---|---|---|\n      \
                | Bundesnetzagentur für Elektrizität, Gas, Telekommunikation, Post und Eisenbahnen | 1,234,567.89 \
                | 2,345,678.90 | 12 May 2026 | CNECT/2026/0001 | Tulpenfeld 4, 53113 Bonn, Germany, Dienstsitz \
                Bonn, Referat Internationale Digitalpolitik |\n      \
                | Czech Telecommunication Office | 98,765.43 | EUR 5 | 2026-05-12 | CNECT/2026/0002 | \
                Sokolovská 58/219, 190 00 Praha 9, Czech Republic |\n\
                contact:\n  tel: \"+81 3 5253 5920\"\n";
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "t.yaml", yaml), &[]);
    let whole = ["1,234,567.89", "2,345,678.90", "12 May 2026", "CNECT/2026/0001", "98,765.43", "EUR 5", "2026-05-12"];
    let page = &runs(&pdf)[0];
    for token in whole {
        assert!(page.iter().any(|r| !r.artifact && r.text.contains(token)), "{token} is cut: {page:?}");
    }
    if let Some(text) = common::poppler_text(&pdf) {
        for token in whole {
            assert!(text.lines().any(|l| l.contains(token)), "poppler: {token} not on one line: {text}");
        }
    }
}

/// A table whose figures alone are wider than the page cuts them, between characters, and
/// loses none: each figure reads back whole, as often as it was typed, and every digit is
/// drawn; a date breaks at its spaces (text47a F47a-15).
#[test]
fn a_table_too_wide_for_its_figures_loses_no_character() {
    let columns = 10;
    let row = |cell: &str| format!("      |{}\n", format!(" {cell} |").repeat(columns));
    let yaml = format!(
        "title: Grants\ndate: 2026-05-12\ntopics:\n  - title: Payments\n    body: |\n{}      |{}\n{}{}\
         contact:\n  tel: \"+81 3 5253 5920\"\n",
        row("Amount"),
        "---:|".repeat(columns),
        row("1,234,567.89"),
        row("12 May 2026"),
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "t.yaml", &yaml), &[]);
    let page = &runs(&pdf)[0];
    assert!(!page.iter().any(|r| r.text.contains("1,234,567.89")), "not cut: {page:?}");
    // A date too wide for its column breaks at its spaces, as words do, not inside "May".
    let words: Vec<&str> = page.iter().filter(|r| !r.artifact).flat_map(|r| r.text.split_whitespace()).collect();
    assert!(words.contains(&"May") && !words.iter().any(|w| ["Ma", "y", "M", "ay"].contains(w)), "{words:?}");
    let drawn: String = page.iter().filter(|r| !r.artifact).map(|r| r.text.as_str()).collect();
    let count = |text: &str, c: char| text.chars().filter(|&d| d == c).count();
    for digit in ['1', '2', '3', '4', '5', '6', '7', '8', '9', ','] {
        let typed = count("1,234,567.8912 May 2026", digit) * columns;
        assert!(count(&drawn, digit) >= typed, "{digit}: {} of {typed} drawn: {drawn}", count(&drawn, digit));
    }
    if let Some(text) = common::poppler_text(&pdf) {
        assert_eq!(text.matches("1,234,567.89").count(), columns, "poppler: {text}");
        assert_eq!(common::squash(&text).matches("12May2026").count(), columns, "poppler: {text}");
    }
}

/// A spaced dash in a narrow table column, whose word and dash do not fit on one line, breaks
/// at the space typed before the dash: every reader gets that space back (text49a F49a-14:
/// `Word – next` drawn "Word" / "–" / "next" read back "Word– next").
#[test]
fn a_spaced_dash_in_a_narrow_cell_keeps_its_space() {
    let yaml = "title: Dash\ndate: 2026-05-12\ntopics:\n  - title: Narrow\n    body: |\n      \
                | A | B | C | D | E | F | G | H |\n      |---|---|---|---|---|---|---|---|\n      \
                | Programme (DEP) – cybersecurity strand | x | Word – next | 1,234,567,890 | 1,234,567,890 \
                | 1,234,567,890 | 1,234,567,890 | Decision C(2024) – final |\ncontact:\n  email: a@example.org\n";
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "d.yaml", yaml), &[]);
    let actual = common::actual_texts(&pdf);
    assert!(!actual.iter().any(|t| t.contains("– ") && !t.contains(" –")), "space lost: {actual:?}");
    let readers = [common::poppler_text(&pdf), common::mupdf_text(&pdf)];
    for text in readers.into_iter().flatten() {
        // The readers take the columns in their own order; each dash reads as a word of its own.
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words.iter().filter(|&&w| w == "–").count(), 3, "{words:?}");
        assert!(!words.iter().any(|w| w.contains('–') && *w != "–"), "a dash joined to a word: {words:?}");
        for typed in ["Word", "(DEP)", "C(2024)", "next", "cybersecurity", "final"] {
            assert!(words.contains(&typed), "{typed} not read back: {words:?}");
        }
    }
}

/// An address typed as a topic's title breaks before its own hyphens, as in the body, so
/// that no reader takes one for a hyphenation and drops it (text49a F49a-16:
/// `regulatory-` / `framework` read back "regulatoryframework").
#[test]
fn an_address_in_a_title_breaks_before_its_own_hyphen() {
    let url = "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai-and-the-very-long-path\
               /with-more-segments/and-more";
    let yaml = format!(
        "title: Addresses\ndate: 2026-05-12\ntopics:\n  - title: {url}\n    body: Text.\n\
         contact:\n  email: a@example.org\n"
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "u.yaml", &yaml), &[]);
    let lines: Vec<String> = runs(&pdf)[0].iter().filter(|r| !r.artifact).map(|r| r.text.clone()).collect();
    assert!(lines.iter().any(|t| t.trim_end().ends_with("regulatory")), "not broken before its hyphen: {lines:?}");
    assert!(!lines.iter().any(|t| t.trim_end().ends_with('-')), "a line ends with the address's hyphen: {lines:?}");
    if let Some(text) = common::poppler_text(&pdf) {
        let joined: String = text.split_whitespace().collect();
        assert!(joined.contains(url), "poppler: {text}");
    }
}

/// Inline code, an e-mail address and a web address wider than the line, each followed by a
/// comma or full stop, read back whole and once, the punctuation after them as typed; so does
/// a changed word in a redline, its comma or full stop unchanged.
#[test]
fn an_address_or_code_wider_than_the_line_reads_back_whole_before_its_punctuation() {
    let long = "donaudampfschifffahrtsgesellschaftskapitaensmuetzenwerkstattbetriebsleiterstellvertreter\
                ausbildungsverordnungsentwurfsbegruendungsschreiben";
    let (code, mail, path) = (format!("CODE{long}"), format!("MAIL{long}@example.org"), format!("PATH{long}"));
    let yaml = format!(
        "lang: en\ntitle: Long words\ndate: 2026-03-04\ntopics:\n  - title: Code and mail\n    body: |\n      \
         Inline `{code}`, end.\n\n      Mail {mail}. End.\n\n      Path https://example.org/{path}. End.\n\
         contact:\n  email: a@example.org\n"
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "c.yaml", &yaml), &[]);
    let texts: Vec<String> = runs(&pdf).iter().flatten().map(|r| r.text.clone()).collect();
    assert!(texts.iter().any(|t| t.starts_with("CODEdonau") && !t.contains(long)), "not cut: {texts:?}");
    // The first part of each carries it whole, without the punctuation after it.
    let actual = common::actual_texts(&pdf);
    let words: Vec<&str> = actual.iter().map(String::as_str).filter(|t| !t.is_empty()).collect();
    assert_eq!(words, [code.as_str(), mail.as_str(), path.as_str()], "{actual:?}");
    // Read back: the word whole (a word in pieces on two lines is not the word), then what
    // was typed after it.
    let reads = |text: &str, word: &str, typed: &str| {
        let whole = text.split_whitespace().any(|w| w.trim_end_matches([',', '.']) == word);
        whole && text.find(word).is_some_and(|at| common::squash(&text[at..]).starts_with(&common::squash(typed)))
    };
    for (reader, text) in [("poppler", common::poppler_text(&pdf)), ("MuPDF", common::mupdf_text(&pdf))] {
        let Some(text) = text else { continue };
        for (word, typed) in
            [(&code, format!("{code}, end.")), (&mail, format!("{mail}. End.")), (&path, format!("{path}. End."))]
        {
            assert!(reads(&text, word, &typed), "{reader}: {typed} in {text}");
        }
        assert_eq!(text.matches("donaudampf").count(), 3, "{reader} doubles a part: {text}");
    }
    // A redline: each changed word, followed by its unchanged comma or full stop.
    let (del, ins) = (format!("DEL{long}"), format!("INS{long}"));
    let old = write(dir.path(), "old.yaml", &yaml.replace("Mail ", &format!("Beta {del}, gamma word. Mail ")));
    let new = write(dir.path(), "new.yaml", &yaml.replace("Mail ", &format!("Beta, gamma {ins}. Mail ")));
    let out = dir.path().join("d.pdf");
    let o =
        common::run(dir.path(), &["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    common::assert_exit(&o, 0);
    let pdf = std::fs::read(&out).unwrap();
    let actual = common::actual_texts(&pdf);
    for word in [&ins, &del] {
        assert_eq!(actual.iter().filter(|t| t == &word).count(), 1, "{word} in {actual:?}");
    }
    if let Some(text) = common::poppler_text(&pdf) {
        assert!(reads(&text, &ins, &format!("{ins}.")) && reads(&text, &del, &format!("{del},")), "{text}");
    }
}

/// A Latin word, inline code or web address wider than the line inside Japanese text (a
/// title, the summary, running text) is cut between its letters, and reads back whole all
/// the same, as in Latin text: not once a line (F35b-4). The Japanese around it reads as
/// typed, with no space added or lost.
#[test]
fn a_latin_word_wider_than_the_line_in_japanese_reads_back_whole() {
    let long = "donaudampfschifffahrtsgesellschaftskapitaensmuetzenwerkstattbetriebsleiterstellvertreter\
                ausbildungsverordnungsentwurfsbegruendungsschreiben";
    let (title, sum, code, url) =
        (format!("TITLE{long}"), format!("SUM{long}"), format!("CODE{long}"), format!("URL{long}"));
    let typed = [
        format!("第31回日EU・ICT政策対話の結果{title}について"),
        format!("双方は{sum}について議論し、次回は東京で開催する。"),
        format!("設定は{code}とする。"),
        format!("詳細はhttps://www.example.org/{url}/index.htmlをご覧ください。"),
    ];
    let yaml = format!(
        "lang: ja\ntitle: {}\nshort_title: 対話\ndate: 2026-03-04\nsummary: {}\ntopics:\n  - title: 項目\n    \
         body: |\n      設定は`{code}`とする。\n\n      {}\ncontact:\n  division: 国際政策課\n",
        typed[0], typed[1], typed[3]
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "ja.yaml", &yaml), &[]);
    let texts: Vec<String> = runs(&pdf).iter().flatten().map(|r| r.text.clone()).collect();
    for word in [&title, &sum, &code, &url] {
        let head = &word[..8];
        assert!(texts.iter().any(|t| t.contains(head) && !t.contains(word.as_str())), "{word} not cut: {texts:?}");
    }
    // The structure: each word one span, which reads as it, holding its parts.
    let tree = common::structure(&pdf);
    let spans: Vec<&common::Elem> =
        tree.walk().into_iter().filter(|e| e.actual.as_deref().is_some_and(|a| a.contains(long))).collect();
    assert_eq!(spans.len(), 4, "{spans:?}");
    for span in &spans {
        assert_eq!(Some(span.text()), span.actual, "{span:?}");
    }
    for (reader, text) in [("poppler", common::poppler_text(&pdf)), ("MuPDF", common::mupdf_text(&pdf))] {
        let Some(text) = text else { continue };
        for word in [&title, &sum, &code, &url] {
            assert!(text.contains(word.as_str()), "{reader}: {word} in pieces: {text}");
        }
        assert_eq!(text.matches("donaudampf").count(), 4, "{reader} doubles a part: {text}");
        // As typed around it: nothing added, nothing lost (a line's end read as a space aside).
        for sentence in &typed {
            assert!(common::squash(&text).contains(&common::squash(sentence)), "{reader}: {sentence} in {text}");
        }
    }
}

/// A word wider than the line is cut between letters a letter or more early when the
/// punctuation typed after it would start the next line: `,` `.` `)` `“` `/` `—` `-` stay
/// on the line with its last letters (F35b-5).
#[test]
fn no_line_starts_with_the_punctuation_after_a_word_wider_than_the_line() {
    let long = "Donaudampfschifffahrtsgesellschaftskapitaensmuetzenwerkstattbetriebsleiterstellvertreter\
                ausbildungsverordnungsentwurfsbegruendungsschreiben";
    let marks = [",", ".", ")", "\u{201c}", "/", "\u{2014}", "-"];
    // Each mark after the word at several lengths, so that some cut falls right before it.
    let summary: String =
        (0..12).flat_map(|k| marks.iter().map(move |m| format!("{long}{}{m} Ende ", &long[..k]))).collect();
    let yaml = format!(
        "lang: de\ntitle: Lang\ndate: 2026-03-04\nsummary: \"{summary}\"\ntopics:\n  - title: A\n    body: Text.\n\
         contact:\n  email: a@example.org\n"
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "p.yaml", &yaml), &[]);
    let mut lines: Vec<String> = Vec::new();
    for page in runs(&pdf) {
        let mut sizes: Vec<f32> = page.iter().map(|r| r.size).collect();
        sizes.sort_by(f32::total_cmp);
        sizes.dedup();
        lines.extend(sizes.into_iter().flat_map(|size| lines_of(&page, size)).map(|l| l.text()));
    }
    let cut = lines.iter().filter(|l| l.contains("Donau") && !l.contains(long)).count();
    assert!(cut > 8, "not cut: {lines:?}");
    let wrong: Vec<&String> = lines.iter().filter(|l| marks.iter().any(|m| l.trim_start().starts_with(m))).collect();
    assert!(wrong.is_empty(), "lines start with punctuation: {wrong:?}");
}

/// A running head in capitals, cut short ("…") because it does not fit its line, reads as
/// typed up to its cut, as the whole one does: the date after its cut title too.
#[test]
fn a_running_head_cut_short_reads_as_typed() {
    let short = "Results of the thirty-first Japan and European Union dialogue on information and communications \
                 technology policy held in Brussels with many participants from both sides and observers";
    let body = "Text of the topic, long enough to go on to a second page. ".repeat(150);
    let yaml = format!(
        "lang: en\ntitle: Results\nshort_title: {short}\ndate: 2026-03-04\ntopics:\n  - title: A\n    body: {body}\n\
         contact:\n  email: a@example.org\n"
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "h.yaml", &yaml), &[]);
    let pages = runs(&pdf);
    assert!(pages.len() > 1, "one page");
    let heads: Vec<&Run> =
        pages[1..].iter().flatten().filter(|r| r.artifact && r.text.starts_with("RESULTS OF")).collect();
    assert!(!heads.is_empty() && heads.iter().all(|r| r.text.contains('…')), "not cut: {heads:?}");
    for head in heads {
        let typed = head.actual.as_ref().map(|a| a.1.as_str()).unwrap_or_default();
        let (title, date) = typed.split_once('…').unwrap_or_else(|| panic!("{typed:?} for {}", head.text));
        assert!(title.len() > 20 && short.starts_with(title.trim_end()), "{typed:?} for {}", head.text);
        assert_eq!(date.trim(), "· March 4, 2026", "{typed:?}");
        // As long as what it reads as.
        assert_eq!(typed.to_uppercase(), head.text.trim_end(), "{typed:?}");
    }
    if let Some(text) = common::poppler_text(&pdf) {
        assert!(text.contains("Results of the thirty-first") && !text.contains("RESULTS OF"), "{text}");
    }
}

#[test]
fn japanese_spaced_beside_latin_text_reads_back_as_typed() {
    let dir = tempdir();
    let pdf = build_in(dir.path(), &fixture("japanese.yaml"), &[]);
    // The quarter em in 第10回日EU and the stretch of justified lines are not spaces.
    let actual = common::actual_texts(&pdf);
    assert!(actual.iter().any(|t| t.contains("第10回日EU・ICT戦略")), "{actual:?}");
    let tree = common::structure(&pdf);
    let text = tree.text();
    assert!(text.contains("第10回日EU・ICT戦略ワークショップ"), "{text}");
    // In the structure, which pdf.js reads instead (it hears the gaps as spaces): each such
    // run is a Span whose /ActualText is the run as typed.
    let spans: Vec<&common::Elem> = tree.walk().into_iter().filter(|e| e.actual.is_some()).collect();
    let spoken: Vec<&str> = spans.iter().filter_map(|e| e.actual.as_deref()).collect();
    assert!(spoken.iter().any(|t| t.contains("第10回日EU・ICT戦略")), "{spoken:?}");
    assert_eq!(spoken, actual.iter().map(String::as_str).collect::<Vec<_>>(), "one span for each marked run");
    for span in &spans {
        assert_eq!(span.role, "Span");
        assert_eq!(Some(span.text()), span.actual, "{span:?}");
        assert!(span.lang.is_none(), "a span takes its parent's language: {span:?}");
    }
    assert!(!text.contains("第 10") && !text.contains("日 EU"), "{text}");
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("第10回日EU・ICT戦略ワークショップの結果"), "poppler: {text}");
    assert!(!text.contains("第 10") && !text.contains("日 EU") && !text.contains("2020 年"), "poppler: {text}");
    if let Some(text) = common::mupdf_text(&pdf) {
        assert!(text.contains("第10回日EU・ICT戦略ワークショップの結果") && !text.contains("日 EU"), "MuPDF: {text}");
    }
}

/// A link in Japanese text is an element of its own, so its text is a marked span apart from
/// the text around it: the quarter em between them is the glyph's character spacing, and
/// poppler, which measures the gap between two spans, reads the sentence as typed.
#[test]
fn a_link_in_japanese_text_reads_back_without_a_space_at_its_edges() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("japanese.yaml")).unwrap();
    let with_link = text.replacen(
        "ウェブ会議形式で開催しました。",
        "ウェブ会議形式で開催しました。詳細は[EUサイト](https://example.org)を参照してください。",
        1,
    );
    assert_ne!(with_link, text);
    let pdf = build_in(dir.path(), &write(dir.path(), "link.yaml", &with_link), &[]);
    // The quarter em is still there (in a justified line, between an eighth and half an em).
    let pages = runs(&pdf);
    let glyphs: Vec<(f32, &(f32, String, f32))> =
        pages.iter().flatten().flat_map(|r| r.glyphs.iter().map(move |g| (r.size, g))).collect();
    let pair = glyphs.windows(2).find(|w| w[0].1 .1 == "は" && w[1].1 .1 == "E").expect("は, then E");
    let (size, (x, _, advance)) = pair[0];
    let gap = pair[1].1 .0 - (x + advance);
    assert!((0.125 * size..=0.5 * size).contains(&gap), "gap {gap} at size {size}");
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("詳細はEU") && !text.contains("は EU"), "poppler: {text}");
}

/// A glyph as drawn: where it starts, its text, its advance.
type Glyph = (f32, String, f32);

/// The lines of running text in `pdf`: regular-weight text at the body's size (the size most
/// regular text is set in), as printed; runs on one baseline with a gap of more than two em
/// between them are two lines (columns side by side). Each line's text and width.
fn body_lines(pdf: &[u8]) -> Vec<(String, f32)> {
    let pages = runs(pdf);
    let regular = |r: &&Run| !r.artifact && !r.font.contains("Bold");
    let mut sizes: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for r in pages.iter().flatten().filter(regular) {
        *sizes.entry((r.size * 100.0).round() as u32).or_default() += r.text.chars().count();
    }
    let body = sizes.into_iter().max_by_key(|s| s.1).map_or(0.0, |s| s.0 as f32 / 100.0);
    let mut out = Vec::new();
    for page in &pages {
        let mut lines: Vec<(f32, Vec<Glyph>)> = Vec::new();
        for r in page.iter().filter(regular).filter(|r| (r.size - body).abs() < 0.01) {
            match lines.iter_mut().find(|l| (l.0 - r.y).abs() < 0.5) {
                Some(l) => l.1.extend(r.glyphs.iter().cloned()),
                None => lines.push((r.y, r.glyphs.clone())),
            }
        }
        for (_, mut glyphs) in lines {
            glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut line: Vec<Glyph> = Vec::new();
            let mut flush = |line: &mut Vec<Glyph>| {
                let text: String = line.iter().map(|g| g.1.as_str()).collect();
                let visible: Vec<&Glyph> = line.iter().filter(|g| !g.1.trim().is_empty()).collect();
                if let (Some(a), Some(b)) = (visible.first(), visible.last()) {
                    out.push((text.trim().to_string(), b.0 + b.2 - a.0));
                }
                line.clear();
            };
            for g in glyphs {
                if line.last().is_some_and(|p| g.0 - (p.0 + p.2) > 2.0 * body) {
                    flush(&mut line);
                }
                line.push(g);
            }
            flush(&mut line);
        }
    }
    out
}

#[test]
fn every_builtin_template_sets_the_seed_at_a_readable_measure() {
    for template in ["default", "press-release", "one-pager"] {
        let dir = tempdir();
        let pdf = build_in(dir.path(), &common::seed(), &["--template", template]);
        let lines = body_lines(&pdf);
        assert!(lines.len() > 20, "{template}: {} lines", lines.len());
        let chars = |l: &(String, f32)| l.0.chars().filter(|c| *c != '\u{AD}').count() as f32;
        let average = lines.iter().map(chars).sum::<f32>() / lines.len() as f32;
        // The measure proper: lines that reach (nearly) across their column.
        let widest = lines.iter().map(|l| l.1).fold(0.0, f32::max);
        let full: Vec<&(String, f32)> = lines.iter().filter(|l| l.1 >= 0.85 * widest).collect();
        let full_average = full.iter().map(|l| chars(l)).sum::<f32>() / full.len() as f32;
        eprintln!("{template}: {average:.1} characters a line on average, {full_average:.1} on full lines");
        assert!(average <= 80.0, "{template}: {average:.1} characters a line on average");
        assert!((40.0..=80.0).contains(&full_average), "{template}: {full_average:.1} characters a full line");
    }
}

/// The smallest distance on each page from a line of body text to the topic heading under
/// it (baseline to baseline): the space before a topic, as set on that page.
fn topic_gaps(pdf: &[u8]) -> Vec<f32> {
    runs(pdf)
        .iter()
        .map(|page| {
            let lines = lines_of(page, BODY);
            let headings: Vec<&Run> = page
                .iter()
                .filter(|r| !r.artifact && r.font.contains("Bold") && (r.size - 12.0).abs() < 0.01)
                .collect();
            headings
                .iter()
                .filter_map(|h| lines.iter().filter(|l| l.y > h.y).map(|l| l.y - h.y).reduce(f32::min))
                .fold(f32::MAX, f32::min)
        })
        .collect()
}

#[test]
fn the_contact_block_is_not_left_alone_when_the_page_before_can_hold_it_with_tighter_spaces() {
    let last = "both parties decided to continue their cooperation in this field.";
    let longer = |k: usize| format!("{last}{}", " Both parties also agreed to meet again next year.".repeat(k));
    for k in [2, 5] {
        let pdf = seed_with_template("", last, &longer(k));
        let pages = common::page_texts(&pdf);
        assert_eq!(pages.len(), 2, "{k} more sentences: the contact block is alone on page 3");
        let page = pages[1].replace('\n', " ");
        assert!(page.contains("Contact") && page.contains("Trust services"), "{page}");
        // Held by tightening: the space before a topic is smaller on page 2 than on page 1.
        let gaps = topic_gaps(&pdf);
        assert!(gaps[1] < gaps[0] - 0.1, "{k}: the spaces of page 2 are not tighter: {gaps:?}");
    }
    // A little only: what needs more than that goes on a page of its own.
    let pdf = seed_with_template("", last, &longer(12));
    assert_eq!(common::page_count(&pdf), 3);
    let gaps = topic_gaps(&pdf);
    assert!((gaps[1] - gaps[0]).abs() < 0.01, "page 2 keeps its spaces: {gaps:?}");
}

#[test]
fn the_marking_is_bold_and_larger_than_the_running_head_and_a_cut_head_is_reported() {
    let dir = tempdir();
    let long = "Results of the tenth Japan-EU ICT Strategy Workshop on the next generation of networks, \
                trust services, data and artificial intelligence";
    let yaml = write(
        dir.path(),
        "seed.yaml",
        &common::seed_with(
            "title: Results of 10th Japan-EU ICT Strategy Workshop",
            &format!("title: {long}\nmarking: For official use only"),
        ),
    );
    let o = common::run(dir.path(), &["build", "seed.yaml"]);
    common::assert_exit(&o, 0);
    let err = common::stderr(&o);
    assert!(err.contains("running head is cut short") && err.contains("short_title"), "{err}");
    let pdf = std::fs::read(yaml.with_extension("pdf")).unwrap();
    let all: Vec<Run> = runs(&pdf).into_iter().flatten().collect();
    let marking: Vec<&Run> = all.iter().filter(|r| r.text.contains("FOR OFFICIAL USE ONLY")).collect();
    let head: Vec<&Run> = all.iter().filter(|r| r.artifact && r.text.starts_with("RESULTS OF")).collect();
    assert!(!marking.is_empty() && !head.is_empty());
    for m in &marking {
        assert!(m.font.contains("Bold"), "{m:?}");
        assert!(head.iter().all(|h| m.size > h.size + 1.0 && (m.y - h.y).abs() >= h.size), "{m:?} {head:?}");
    }
    // The running title is cut short with an ellipsis (the title block has it whole); the
    // date after it prints whole.
    assert!(head.iter().all(|h| h.text.ends_with("… · OCTOBER 6, 2020")), "{head:?}");
    // A short title prints whole, with no warning.
    let o = common::run(dir.path(), &["build", "seed.yaml", "--force"]);
    assert!(common::stderr(&o).contains("cut short"));
    let short = std::fs::read_to_string(&yaml).unwrap().replace("marking:", "short_title: ICT Workshop\nmarking:");
    std::fs::write(&yaml, short).unwrap();
    let o = common::run(dir.path(), &["build", "seed.yaml", "--force"]);
    common::assert_exit(&o, 0);
    assert!(!common::stderr(&o).contains("cut short"), "{}", common::stderr(&o));
}

#[test]
fn no_break_and_ideographic_spaces_read_back_as_typed_in_poppler() {
    // A typed no-break space came back as a plain one, and U+3000 as a break between
    // paragraphs.
    let dir = common::tempdir();
    let yaml = String::from(
        "title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    lang: fr\n    body: \"Deux-points\u{a0}: fin\u{202f}! et 1\u{2007}000\"\n  - title: Y\n    lang: ja\n    body: \"総務省\u{3000}国際戦略局\u{3000}国際政策課が担当します。\"\ncontact:\n  tel: \"1\"\n"
    );
    let path = common::write(dir.path(), "t.yaml", &yaml);
    let pdf = common::build_in(dir.path(), &path, &[]);
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("Deux-points\u{a0}: fin\u{202f}! et 1\u{2007}000"), "{text:?}");
    assert!(text.contains("総務省\u{3000}国際戦略局\u{3000}国際政策課"), "{text:?}");
}

#[test]
fn spaces_of_typography_read_back_as_typed_in_poppler() {
    // text40a F40a-16: a thin space (`10 000`, French `Budget : …`) came back as a plain one,
    // and between two letters as none; so did the hair, en, em, and the rest.
    let dir = common::tempdir();
    let spaces =
        ['\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{205F}'];
    let body: String = spaces.iter().map(|s| format!("10{s}000 x{s}y ")).collect();
    let fr = "Budget\u{2009}: 10\u{2009}000\u{2009}€, parties\u{2009}—\u{2009}UE et Japon.";
    let yaml = format!(
        "title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: \"{body}\"\n  - title: Y\n    lang: fr\n    body: \"{fr}\"\ncontact:\n  tel: \"1\"\n"
    );
    let path = common::write(dir.path(), "t.yaml", &yaml);
    let pdf = common::build_in(dir.path(), &path, &[]);
    let Some(text) = common::poppler_text(&pdf) else { return };
    let text = text.replace('\n', "");
    for s in spaces {
        assert!(text.contains(&format!("10{s}000 x{s}y")), "U+{:04X}: {text:?}", s as u32);
    }
    assert!(text.contains(fr), "{text:?}");
}

#[test]
fn a_title_over_two_lines_is_one_line_in_the_running_line() {
    // text41a F41a-14: the footer printed both lines of the title over each other.
    let dir = common::tempdir();
    let yaml = "title: \"First line\\nSecond line\"\ndate: 2024-01-01\ntopics:\n  - title: A\n    body: B\ncontact:\n  name: X\n";
    let path = common::write(dir.path(), "t.yaml", yaml);
    let pdf = common::build_in(dir.path(), &path, &[]);
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains("First line Second line · January 1, 2024"), "{text}");
}

/// A command in a code block breaks only where a space was typed: never after its own `--`,
/// `-` or `/` (text47a F47a-6: `--` / `template` read as an end of options, and back as
/// `-- template`, or `-template` with a hyphen lost).
#[test]
fn code_breaks_only_at_its_spaces() {
    let commands: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "      $ {}briefing build data/x.yaml --template press-release --toc --fit-pages 2 \
                 --lang en,ja --out-dir /tmp/out/{i} --format pdf,html,png --no-embed-source",
                "x".repeat(i * 3)
            )
        })
        .collect();
    let yaml = format!(
        "lang: en\ntitle: Code\ndate: 2026-03-04\ntopics:\n  - title: Commands\n    body: |\n      ```\n{}\n      ```\n\
         contact:\n  email: a@example.org\n",
        commands.join("\n")
    );
    let dir = tempdir();
    let pdf = build_in(dir.path(), &write(dir.path(), "c.yaml", &yaml), &[]);
    let mut lines: Vec<(i64, String)> = Vec::new();
    for run in runs(&pdf).iter().flatten().filter(|r| r.font.contains("Mono") && !r.artifact) {
        let y = (run.y * 10.0).round() as i64;
        match lines.iter_mut().find(|(at, _)| *at == y) {
            Some((_, text)) => text.push_str(&run.text),
            None => lines.push((y, run.text.clone())),
        }
    }
    assert!(lines.len() > commands.len(), "the commands break: {lines:?}");
    for (_, text) in &lines {
        let end = text.trim_end();
        assert!(!end.ends_with(['-', '/', ',']), "a code line ends inside a word: {end:?} in {lines:?}");
    }
}

/// A letter with the same mark more than once (`n` and five tildes), or more than three
/// marks, reads back as typed: poppler dropped a mark drawn where one like it was, taking
/// it for a bold letter's second print (text46a F46a-14: `ñ̃̃̃̃` read back as `ñ̃̃`).
#[test]
fn a_letter_with_many_marks_reads_back_as_typed() {
    let typed = "n\u{303}\u{303}\u{303}\u{303}\u{303} e\u{301}\u{302}\u{303}\u{304}";
    let yaml = common::seed_with(
        "Japan introduced security solutions",
        &format!("Japan ({typed}) introduced security solutions"),
    );
    let dir = tempdir();
    let path = common::write(dir.path(), "t.yaml", &yaml);
    let pdf = common::build_in(dir.path(), &path, &[]);
    let read = "ñ\u{303}\u{303}\u{303}\u{303} é\u{302}\u{303}\u{304}";
    let actual = common::actual_texts(&pdf);
    assert!(actual.iter().any(|t| t.contains("ñ\u{303}\u{303}\u{303}\u{303}")), "{actual:?}");
    assert!(actual.iter().any(|t| t.contains("é\u{302}\u{303}\u{304}")), "{actual:?}");
    let Some(text) = common::poppler_text(&pdf) else { return };
    assert!(text.contains(read), "{text}");
}

#[test]
fn lines_typed_one_per_line_stay_lines_and_wrapped_prose_joins() {
    // text48a F48a-13..16, F48a-18: agenda times with am/pm or `h`, slashed and named dates,
    // Japanese dates and times, inserted provisions, and bullet-like signs ran into one line
    // (in Japanese with nothing between: `第1回会合5月13日`). Each case: its language, its
    // lines as typed, and whether each line begins a line on the page.
    let cases: &[(&str, &[&str], bool)] = &[
        ("en", &["9:30 am Opening", "10:00 am Session 1", "12:30 pm Lunch"], true),
        ("en", &["9:30am Opening", "10:00am Session 1", "12:30pm Lunch"], true),
        ("en", &["9.30 a.m. Opening", "10.00 a.m. Session 1", "2.00 p.m. Close"], true),
        ("fr", &["9h30 Ouverture", "10h00 Session 1", "12h30 Déjeuner"], true),
        ("fr", &["14 h 30 Ouverture", "15 h Session 1", "16 h 30 Clôture"], true),
        ("en", &["12/05/2026 First meeting", "13/05/2026 Second meeting"], true),
        ("en", &["May 12 – First meeting", "May 13 – Second meeting"], true),
        ("en", &["12 May 2026 – First meeting", "13 May 2026 – Second meeting"], true),
        // (F48a-12: the month named in French, as markers know every EU language's months.)
        ("fr", &["12 mai 2026 – Ouverture", "13 mai 2026 – Clôture"], true),
        ("en", &["Art. 9 first", "Art. 10 second", "Art. 10a inserted", "Art. 11 third"], true),
        ("de", &["§ 1 Zweck", "§ 2 Begriffe", "§ 2a Ausnahmen", "§ 3 Inkrafttreten"], true),
        ("en", &["-- first item", "-- second item"], true),
        ("en", &["-> first item", "-> second item"], true),
        ("en", &["✓ first item", "✗ second item"], true),
        ("ja", &["5月12日（火）　第1回会合", "5月13日（水）　第2回会合"], true),
        ("ja", &["2026年5月12日　第1回会合", "2026年6月12日　第2回会合"], true),
        ("ja", &["令和8年5月12日　公布", "令和8年6月1日　施行"], true),
        ("ja", &["午前9時30分　開会", "午前10時　第1セッション", "午後2時　閉会"], true),
        ("ja", &["9時30分　開会", "10時00分　第1セッション"], true),
        ("ja", &["第1条　目的", "第2条　定義", "第2条の2　特例", "第3条　施行"], true),
        ("ja", &["－一つ目の項目", "－二つ目の項目"], true),
        ("ja", &["▪一つ目の項目", "▪二つ目の項目"], true),
        ("ja", &["▷一つ目の項目", "▷二つ目の項目"], true),
        ("ja", &["❖一つ目の項目", "❖二つ目の項目"], true),
        // text49a F49a-29: a Japanese head before a full-width space, whatever the head is; F49a-20:
        // a sign of the symbol blocks before a space; F49a-23: cells pasted with tabs.
        ("ja", &["5月12日（火）　開会", "13日（水）　分科会", "14日（木）　閉会"], true),
        ("ja", &["10:00～　開会", "11:00～　講演", "14:00～　分科会"], true),
        ("ja", &["第1条の3　定義", "附則　施行期日"], true),
        ("ja", &["第1回　一つ目", "第2回　二つ目"], true),
        ("ja", &["注1　数値は速報値", "注2　単位は億円", "その1　一つ目"], true),
        ("en", &["Intro:", "☐ first item", "☑ second item", "☒ third item"], true),
        ("en", &["➔ first item", "➡ second item", "⇨ third item"], true),
        ("en", &["♦ first", "◉ second", "◈ third", "◾ fourth", "⦿ fifth", "❯ sixth"], true),
        ("en", &["Name\tRole\tBody", "Mr A\tChair\tMIC", "Ms B\tMember\tDG CNECT"], true),
        // A sentence wrapped by hand goes on: its lines join.
        ("en", &["The meeting opened at", "9:30 am and closed at noon."], false),
        ("en", &["Both sides met on", "May 12 and agreed."], false),
        ("fr", &["La réunion a eu lieu le", "12 mai 2026 à Bruxelles."], false),
        ("en", &["The rules in Art. 10 and", "Art. 10a apply."], false),
        ("ja", &["会合は", "5月12日に開催された。"], false),
        ("ja", &["会議は", "午前10時に始まった。"], false),
        ("ja", &["詳細は", "第2条の規定による。"], false),
        ("ja", &["会合では AI と", "データについて議論した。"], false),
    ];
    let squash = |s: &str| s.replace("-- ", "– ").chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let dir = tempdir();
    for lang in ["en", "fr", "de", "ja"] {
        let topics: String = (cases.iter().enumerate().filter(|c| c.1 .0 == lang))
            .map(|(n, (_, lines, _))| {
                let body: String = lines.iter().map(|l| format!("      {l}\n")).collect();
                format!("  - title: T{n}\n    body: |\n{body}")
            })
            .collect();
        let yaml = format!(
            "title: Lines\ndate: 2026-05-12\nlang: {lang}\ntopics:\n{topics}contact:\n  email: a@example.org\n"
        );
        let pdf = build_in(dir.path(), &write(dir.path(), &format!("{lang}.yaml"), &yaml), &[]);
        let printed: Vec<String> = body_lines(&pdf).iter().map(|l| squash(&l.0)).collect();
        for (_, lines, kept) in cases.iter().filter(|c| c.0 == lang) {
            for (n, line) in lines.iter().enumerate() {
                let begins = printed.iter().any(|p| p.starts_with(&squash(line)));
                if *kept {
                    assert!(begins, "{lang}: {line:?} of {lines:?} does not begin a line:\n{printed:#?}");
                } else if n > 0 {
                    let joined = squash(&lines.concat());
                    assert!(!begins, "{lang}: {line:?} of {lines:?} begins a line:\n{printed:#?}");
                    assert!(printed.iter().any(|p| p.contains(&joined)), "{lang}: {lines:?} not joined:\n{printed:#?}");
                }
            }
        }
    }
}
