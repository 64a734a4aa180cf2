//! Page content streams, written from the layout's items and what the drawing layer drew for
//! them: text objects in our fonts, lines, bullets, the logo and the watermark. The writer
//! keeps track of the colour and text state so that nothing is set twice, and draws
//! emboldened or slanted what a one-weight face cannot (see [`SyntheticStyle`]).

use std::fmt::Write as _;

use crate::fonts::FontBook;
use crate::layout::{Artifact, BulletShape, Item, NodeId, Page, Structure, Tag, TextItem};
use crate::theme::Rgb;

/// What the drawing layer drew for one layout item, in the document's own terms:
/// coordinates in points from the page's bottom-left corner, fonts by index in the plan,
/// characters by their code in that font.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    Text(ShownText),
    Line { from: (f32, f32), to: (f32, f32), color: [f32; 3] },
}

/// A run of text, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownText {
    pub font: usize,
    pub size: f32,
    /// Where the baseline starts.
    pub x: f32,
    pub y: f32,
    pub color: [f32; 3],
    pub shown: Vec<Shown>,
}

impl ShownText {
    /// Every code shown, in order.
    pub fn codes(&self) -> Vec<u16> {
        self.shown
            .iter()
            .flat_map(|s| match s {
                Shown::Codes(c) | Shown::Spaced { codes: c, .. } => c.clone(),
                Shown::Adjust(_) => Vec::new(),
            })
            .collect()
    }
}

/// Part of what a text run shows: codes, a `TJ` adjustment in thousandths of an em, or codes
/// each followed by `spacing` points as character spacing (`Tc`), which is part of each
/// glyph's advance.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Codes(Vec<u16>),
    Adjust(f32),
    Spaced { codes: Vec<u16>, spacing: f32 },
}

/// Character spacing in points: to a ten-thousandth, since it adds up over a line of glyphs.
struct Spacing(f32);

impl std::fmt::Display for Spacing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = format!("{:.4}", self.0);
        f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// A number as content streams want it: at most two decimals, no trailing zeros.
pub struct Num(pub f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hundredths = (f64::from(self.0) * 100.0).round() as i64;
        if hundredths < 0 {
            f.write_str("-")?;
        }
        let (int, frac) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
        match frac {
            0 => write!(f, "{int}"),
            f2 if f2 % 10 == 0 => write!(f, "{int}.{}", f2 / 10),
            f2 => write!(f, "{int}.{f2:02}"),
        }
    }
}

/// Colours as content streams want them: channels from 0 to 1, three decimals at most.
fn channels(c: Rgb) -> [f32; 3] {
    [c.0, c.1, c.2].map(|v| f32::from(v) / 255.0)
}

/// Stroke width of synthetic bold, in em: Noto Sans Bold's stems are about 0.05 em thicker
/// than Regular's; a little less keeps dense kanji open.
const STROKE_EM: f32 = 0.035;

/// Horizontal shear of synthetic italic (tan 12°, close to Noto Sans Italic's angle).
pub const SLANT: f32 = 0.21;

/// Bold and italic for faces that have neither. IPAexGothic and DejaVu Sans come in one
/// weight, so a Japanese heading or a `**strong**` Japanese phrase would otherwise look like
/// the text around it. Such a run is drawn filled and stroked (text rendering mode 2), which
/// thickens every stem, and an italic run is slanted through its text matrix. Advances do not
/// change, so the layout's widths stay true, and the text reads back as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SyntheticStyle {
    /// Stroke width for synthetic bold, in points.
    pub bold: Option<f32>,
    pub italic: bool,
}

impl SyntheticStyle {
    pub fn of(t: &TextItem, fonts: &FontBook) -> SyntheticStyle {
        let has = fonts.source(t.face).style;
        SyntheticStyle {
            bold: (t.style.bold && !has.bold).then_some(STROKE_EM * t.size),
            // (Never a Japanese face: emphasis there is a change of face, see
            // `FontBook::face_for_emphasis`; text47a F47a-24.)
            italic: t.style.italic && !has.italic && !fonts.is_japanese(t.face),
        }
    }
}

/// Writes one page's content stream.
pub struct Writer {
    out: String,
    fill: Option<[f32; 3]>,
    stroke: Option<[f32; 3]>,
    /// Inside `BT … ET`: the current font and size, and where the current line starts.
    text: Option<TextState>,
}

struct TextState {
    font: Option<(usize, f32)>,
    line: (f32, f32),
    mode: u8,
}

fn rgb_op(c: [f32; 3], op: &str) -> String {
    let f = |v: f32| {
        let s = format!("{:.3}", (v * 1000.0).round() / 1000.0);
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        if s.is_empty() || s == "-0" {
            "0".to_string()
        } else {
            s
        }
    };
    format!("{} {} {} {op}\n", f(c[0]), f(c[1]), f(c[2]))
}

impl Writer {
    pub fn new() -> Writer {
        Writer { out: String::new(), fill: None, stroke: None, text: None }
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.end_text();
        self.out.into_bytes()
    }

    /// Raw operators (a `q … Q` block, or a marked-content operator).
    pub fn raw(&mut self, ops: &str) {
        self.end_text();
        self.out.push_str(ops);
    }

    /// After `Q` the colours are what they were before `q`: unknown here.
    pub fn forget_colors(&mut self) {
        self.fill = None;
        self.stroke = None;
    }

    fn fill(&mut self, c: [f32; 3]) {
        if self.fill != Some(c) {
            self.out.push_str(&rgb_op(c, "rg"));
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, c: [f32; 3]) {
        if self.stroke != Some(c) {
            self.out.push_str(&rgb_op(c, "RG"));
            self.stroke = Some(c);
        }
    }

    fn end_text(&mut self) {
        if let Some(t) = self.text.take() {
            if t.mode != 0 {
                self.out.push_str("0 Tr\n");
            }
            self.out.push_str("ET\n");
        }
    }

    /// A run of text; `synthetic` says what the face must fake.
    pub fn text(&mut self, t: &ShownText, synthetic: SyntheticStyle) {
        if synthetic.italic {
            self.end_text();
        }
        self.fill(t.color);
        if let Some(width) = synthetic.bold {
            self.stroke(t.color);
            // Line width is graphics state, allowed inside a text object.
            let _ = writeln!(self.out, "{} w", Num(width));
        }
        if self.text.is_none() {
            self.out.push_str("BT\n");
            self.text = Some(TextState { font: None, line: (0.0, 0.0), mode: 0 });
        }
        let Some(state) = self.text.as_mut() else { return };
        if state.font != Some((t.font, t.size)) {
            let _ = writeln!(self.out, "/F{} {} Tf", t.font, Num(t.size));
            state.font = Some((t.font, t.size));
        }
        let mode = if synthetic.bold.is_some() { 2 } else { 0 };
        if state.mode != mode {
            let _ = writeln!(self.out, "{mode} Tr");
            state.mode = mode;
        }
        if synthetic.italic {
            // The same origin with a shear: `1 0 s 1 x y Tm`.
            let _ = writeln!(self.out, "1 0 {SLANT} 1 {} {} Tm", Num(t.x), Num(t.y));
        } else {
            let _ = writeln!(self.out, "{} {} Td", Num(t.x - state.line.0), Num(t.y - state.line.1));
        }
        state.line = (t.x, t.y);
        // `TJ` arrays between the character-spaced stretches, each shown with `Tj`; the
        // character spacing is 0 for the arrays and after the run (it outlives the text
        // object).
        let mut spacing = 0.0;
        let mut rest = t.shown.as_slice();
        while !rest.is_empty() {
            let plain = rest.iter().position(|s| matches!(s, Shown::Spaced { .. })).unwrap_or(rest.len());
            if plain > 0 && spacing != 0.0 {
                self.out.push_str("0 Tc\n");
                spacing = 0.0;
            }
            self.show(&rest[..plain]);
            if let Some(Shown::Spaced { codes, spacing: s }) = rest.get(plain) {
                if *s != spacing {
                    let _ = writeln!(self.out, "{} Tc", Spacing(*s));
                    spacing = *s;
                }
                self.out.push('<');
                hex_codes(&mut self.out, codes);
                self.out.push_str("> Tj\n");
            }
            rest = rest.get(plain + 1..).unwrap_or_default();
        }
        if spacing != 0.0 {
            self.out.push_str("0 Tc\n");
        }
        if synthetic.italic {
            self.end_text();
        }
    }

    /// `shown` (codes and adjustments) as one `Tj` (codes only) or `TJ`; nothing when it is
    /// empty.
    fn show(&mut self, shown: &[Shown]) {
        match shown {
            [] => {}
            [Shown::Codes(codes)] => {
                self.out.push('<');
                hex_codes(&mut self.out, codes);
                self.out.push_str("> Tj\n");
            }
            _ => {
                self.out.push('[');
                for s in shown {
                    match s {
                        Shown::Codes(codes) => {
                            self.out.push('<');
                            hex_codes(&mut self.out, codes);
                            self.out.push('>');
                        }
                        Shown::Adjust(n) => {
                            let _ = write!(self.out, " {} ", Num(*n));
                        }
                        Shown::Spaced { .. } => {}
                    }
                }
                self.out.push_str("] TJ\n");
            }
        }
    }

    /// A straight line, one point wide.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), color: [f32; 3]) {
        self.end_text();
        self.stroke(color);
        let _ = writeln!(self.out, "{} {} m {} {} l S", Num(from.0), Num(from.1), Num(to.0), Num(to.1));
    }

    /// A list bullet: a filled dot (four Bézier arcs) or bar, centred on the height of the
    /// lower-case letters, in the text's colour. `y` is the baseline, from the page's bottom.
    pub fn bullet(&mut self, x: f32, y: f32, size: f32, color: Rgb, shape: BulletShape) {
        // Control-point distance of a quarter circle drawn as one cubic Bézier curve.
        const KAPPA: f32 = 0.552_284_8;
        self.end_text();
        self.fill(channels(color));
        // Half the x-height of a sans face above the baseline.
        let cy = y + 0.27 * size;
        let w = shape.width() * size;
        match shape {
            BulletShape::Dot => {
                // Four quarter arcs, counter-clockwise from the rightmost point: each from the
                // centre plus `rad` along `u` to the centre plus `rad` along `v`.
                let rad = w / 2.0;
                let (cx, k) = (x + rad, rad * KAPPA);
                let point = |u: (f32, f32), a: f32, v: (f32, f32), b: f32| {
                    format!("{} {}", Num(cx + a * u.0 + b * v.0), Num(cy + a * u.1 + b * v.1))
                };
                let axes = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0)];
                let _ = write!(self.out, "{} m ", point(axes[0], rad, axes[1], 0.0));
                for pair in axes.windows(2) {
                    let (u, v) = (pair[0], pair[1]);
                    let _ = write!(
                        self.out,
                        "{} {} {} c ",
                        point(u, rad, v, k),
                        point(v, rad, u, k),
                        point(v, rad, u, 0.0)
                    );
                }
                self.out.push_str("f\n");
            }
            BulletShape::Dash => {
                let h = 0.065 * size;
                let _ = writeln!(self.out, "{} {} {} {} re f", Num(x), Num(cy - h / 2.0), Num(w), Num(h));
            }
        }
    }

    /// Dot leaders: `count` round dots `step` apart on the baseline `y` (from the page's
    /// bottom), the first centred at `x`, each `dot` wide: one dashed line of dashes of no
    /// length and round caps, not a glyph each.
    pub fn leaders(&mut self, (x, y): (f32, f32), count: u32, step: f32, dot: f32, color: Rgb) {
        if count == 0 || step <= 0.0 {
            return;
        }
        self.end_text();
        self.stroke(channels(color));
        // (The line runs half a step past the last dot, so no dot falls on its very end.)
        let end = x + (count as f32 - 0.5) * step;
        let _ = writeln!(
            self.out,
            "q {} w 1 J [0 {}] 0 d {} {} m {} {} l S Q",
            Num(dot),
            Num(step),
            Num(x),
            Num(y + dot / 2.0),
            Num(end),
            Num(y + dot / 2.0)
        );
    }

    /// The logo image scaled into a box (`x`, `bottom`, width, height).
    pub fn logo(&mut self, x: f32, bottom: f32, width: f32, height: f32) {
        self.raw(&format!("q {} 0 0 {} {} {} cm /Logo Do Q\n", Num(width), Num(height), Num(x), Num(bottom)));
    }
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

fn hex_codes(out: &mut String, codes: &[u16]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(4 * codes.len());
    for &c in codes {
        for shift in [12, 8, 4, 0] {
            out.push(char::from(HEX[usize::from((c >> shift) & 0xF)]));
        }
    }
}

/// A leader dot's width, in em: a sans face's full stop, regular and bold.
const LEADER_DOT: (f32, f32) = (0.12, 0.16);

/// A page's content stream, and the structure element of each tagged item, in the order of
/// the page's items, with the marked-content id (MCID) it was drawn under.
pub struct PageContent {
    pub bytes: Vec<u8>,
    pub marks: Vec<(NodeId, u32)>,
}

/// The content of `page`: artifacts first (the watermark under everything, then rules,
/// borders, bullets and leaders, then the running header and footer), each group marked as
/// what it is; then the text and the logo, each run of items of one structure element in a
/// marked-content sequence of its own (`drawn[i]` is what was drawn for item `i`).
pub fn page(
    page: &Page,
    drawn: &[Option<Drawn>],
    height: f32,
    watermark: (&str, Option<NodeId>),
    structure: &Structure,
    fonts: &FontBook,
) -> PageContent {
    let mut w = Writer::new();
    let mut marks = Vec::new();
    let mut mcid = 0u32;
    let drawn = |i: usize| drawn.get(i).and_then(Option::as_ref);
    let (watermark, figure) = watermark;
    if !watermark.is_empty() {
        // On the first page the watermark is the figure that says "draft"; elsewhere, an
        // artifact.
        match figure {
            Some(node) => {
                w.raw(&format!("/Figure <</MCID {mcid}>> BDC\n"));
                marks.push((node, mcid));
                mcid += 1;
            }
            None => w.raw("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n"),
        }
        w.raw(watermark);
        w.forget_colors();
        w.raw("EMC\n");
    }
    let groups = [
        (Artifact::Layout, "/Artifact BMC\n"),
        (Artifact::Header, "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"),
        (Artifact::Footer, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"),
        (Artifact::Pagination, "/Artifact <</Type /Pagination>> BDC\n"),
    ];
    for (kind, open) in groups {
        let sequence: Vec<usize> = (0..page.items.len())
            .filter(|&i| match &page.items[i] {
                Item::Line { tag, .. } => *tag == Tag::Artifact(kind),
                Item::Bullet { .. } | Item::Leaders { .. } => kind == Artifact::Layout,
                Item::Text(t) => t.tag == Tag::Artifact(kind),
                _ => false,
            })
            .collect();
        if sequence.is_empty() {
            continue;
        }
        w.raw(open);
        let actual = actual_texts(&page.items, &sequence);
        for (k, &i) in sequence.iter().enumerate() {
            actual.open(&mut w, k);
            match (&page.items[i], drawn(i)) {
                (Item::Line { .. }, Some(Drawn::Line { from, to, color })) => w.line(*from, *to, *color),
                (Item::Bullet { x, baseline, size, color, shape }, _) => {
                    w.bullet(*x, height - baseline, *size, *color, *shape)
                }
                (Item::Leaders { x, baseline, count, step, size, bold, color }, _) => {
                    let dot = size * if *bold { LEADER_DOT.1 } else { LEADER_DOT.0 };
                    w.leaders((*x, height - baseline), *count, *step, dot, *color)
                }
                (Item::Text(t), Some(Drawn::Text(shown))) => w.text(shown, SyntheticStyle::of(t, fonts)),
                _ => {}
            }
            actual.close(&mut w, k);
        }
        w.raw("EMC\n");
    }
    // Each run of items of one element, in a marked-content sequence with its MCID.
    let tagged: Vec<(usize, NodeId)> = page
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Text(TextItem { tag: Tag::Node(n), .. }) | Item::Line { tag: Tag::Node(n), .. } => Some((i, *n)),
            Item::Logo { node, .. } => Some((i, *node)),
            _ => None,
        })
        .collect();
    for sequence in tagged.chunk_by(|a, b| a.1 == b.1) {
        let node = sequence[0].1;
        w.raw(&format!("/{} <</MCID {mcid}>> BDC\n", structure.node(node).role.name()));
        let indices: Vec<usize> = sequence.iter().map(|s| s.0).collect();
        let actual = actual_texts(&page.items, &indices);
        for (k, &i) in indices.iter().enumerate() {
            marks.push((node, mcid));
            actual.open(&mut w, k);
            match (&page.items[i], drawn(i)) {
                (Item::Text(t), Some(Drawn::Text(shown))) => w.text(shown, SyntheticStyle::of(t, fonts)),
                (Item::Line { .. }, Some(Drawn::Line { from, to, color })) => w.line(*from, *to, *color),
                (Item::Logo { x, y, width, height: h, .. }, _) => w.logo(*x, height - y - h, *width, *h),
                _ => {}
            }
            actual.close(&mut w, k);
        }
        w.raw("EMC\n");
        mcid += 1;
    }
    PageContent { bytes: w.finish(), marks }
}

/// Where a marked-content sequence (the items at `sequence`, in drawing order) holds text that
/// reads as something other than its glyphs: each stretch of consecutive items side by side
/// on one line with an [`TextItem::actual`] text becomes one `/Span` with `/ActualText`, the items' texts
/// joined, so that a reader that honours it (poppler, MuPDF, pdf.js, screen readers) takes no
/// gap between them for a space.
struct ActualTexts {
    /// (first, last) positions in the sequence, and the text.
    spans: Vec<(usize, usize, String)>,
}

fn actual_texts(items: &[Item], sequence: &[usize]) -> ActualTexts {
    // The text, where its line is, and where the item starts and ends on it.
    let actual = |k: usize| match sequence.get(k).map(|&i| &items[i]) {
        Some(Item::Text(t)) => t.actual.as_deref().map(|a| (a, t.baseline, t.x, t.x + t.width)),
        _ => None,
    };
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut k = 0;
    while k < sequence.len() {
        let Some((text, baseline, _, mut end)) = actual(k) else {
            k += 1;
            continue;
        };
        let mut joined = text.to_string();
        let mut last = k;
        // The next item continues the stretch when it starts where this one ends, on its line.
        while let Some((more, _, _, next_end)) =
            actual(last + 1).filter(|&(_, b, x, _)| (b - baseline).abs() < 0.01 && (x - end).abs() < 0.5)
        {
            joined.push_str(more);
            end = next_end;
            last += 1;
        }
        spans.push((k, last, joined));
        k = last + 1;
    }
    ActualTexts { spans }
}

impl ActualTexts {
    /// Before the `k`th item of the sequence.
    fn open(&self, w: &mut Writer, k: usize) {
        if let Some((_, _, text)) = self.spans.iter().find(|s| s.0 == k) {
            w.raw(&format!("/Span <</ActualText {}>> BDC\n", text_string(text)));
        }
    }

    /// After the `k`th item of the sequence.
    fn close(&self, w: &mut Writer, k: usize) {
        if self.spans.iter().any(|s| s.1 == k) {
            w.raw("EMC\n");
        }
    }
}

/// A PDF text string: UTF-16BE with its byte order mark, in hex (`<>` when empty).
fn text_string(text: &str) -> String {
    let mut out = String::from("<");
    if !text.is_empty() {
        out.push_str("FEFF");
        for unit in text.encode_utf16() {
            let _ = write!(out, "{unit:04X}");
        }
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(x: f32, y: f32, codes: &[u16]) -> ShownText {
        ShownText { font: 0, size: 10.0, x, y, color: [0.0; 3], shown: vec![Shown::Codes(codes.to_vec())] }
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(Num(68.0299).to_string(), "68.03");
        assert_eq!(Num(10.0).to_string(), "10");
        assert_eq!(Num(-0.001).to_string(), "0");
        assert_eq!(Num(0.5).to_string(), "0.5");
    }

    #[test]
    fn text_runs_share_a_text_object_and_move_relative() {
        let mut w = Writer::new();
        w.text(&shown(10.0, 700.0, &[1, 2]), SyntheticStyle::default());
        w.text(&shown(10.0, 686.0, &[3]), SyntheticStyle::default());
        let out = String::from_utf8(w.finish()).unwrap();
        assert_eq!(out, "0 0 0 rg\nBT\n/F0 10 Tf\n10 700 Td\n<00010002> Tj\n0 -14 Td\n<0003> Tj\nET\n");
    }

    /// Character-spaced stretches are shown with `Tj` under their `Tc`, set once for a stretch;
    /// adjustments stay in `TJ` arrays between them, with the spacing back to 0, as after the
    /// run.
    #[test]
    fn spaced_glyphs_are_shown_with_character_spacing() {
        let mut w = Writer::new();
        let mut t = shown(10.0, 700.0, &[1]);
        t.shown.push(Shown::Spaced { codes: vec![2, 3], spacing: 2.5 });
        t.shown.push(Shown::Spaced { codes: vec![4], spacing: 0.4567 });
        t.shown.extend([Shown::Codes(vec![5]), Shown::Adjust(-100.0), Shown::Codes(vec![6])]);
        w.text(&t, SyntheticStyle::default());
        let plain = shown(10.0, 686.0, &[7]);
        w.text(&plain, SyntheticStyle::default());
        let out = String::from_utf8(w.finish()).unwrap();
        let expected = "10 700 Td\n<0001> Tj\n2.5 Tc\n<00020003> Tj\n0.4567 Tc\n<0004> Tj\n\
                        0 Tc\n[<0005> -100 <0006>] TJ\n0 -14 Td\n<0007> Tj\n";
        assert!(out.contains(expected), "{out}");
    }

    #[test]
    fn synthetic_bold_strokes_and_italic_shears() {
        let mut w = Writer::new();
        w.text(&shown(1.0, 2.0, &[1]), SyntheticStyle { bold: Some(0.35), italic: false });
        w.text(&shown(3.0, 4.0, &[2]), SyntheticStyle { bold: None, italic: true });
        let out = String::from_utf8(w.finish()).unwrap();
        assert!(out.contains("0 0 0 RG\n0.35 w\nBT\n/F0 10 Tf\n2 Tr\n1 2 Td\n"), "{out}");
        assert!(out.contains("0 Tr\nET\nBT\n/F0 10 Tf\n1 0 0.21 1 3 4 Tm\n<0002> Tj\nET\n"), "{out}");
    }
}
