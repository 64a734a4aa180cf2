//! Bold and italic for faces that have neither. IPAexGothic and DejaVu Sans come in one
//! weight, so a Japanese heading or a `**strong**` Japanese phrase would otherwise look like
//! the text around it: emphasis the writer asked for would not show. Such a run is drawn
//! filled and stroked (text rendering mode 2) with a line of [`STROKE_EM`], which thickens
//! every stem, and an italic run is slanted by [`SLANT`] through its text matrix. Advances
//! do not change, so the layout's widths stay true, and the text reads back as it was.

use super::objects::color_op;
use crate::fonts::FontBook;
use crate::layout::{Item, Page};
use crate::theme::Rgb;

/// Stroke width of synthetic bold, in em: Noto Sans Bold's stems are about 0.05 em thicker
/// than Regular's; a little less keeps dense kanji open.
const STROKE_EM: f32 = 0.035;

/// Horizontal shear of synthetic italic (tan 12°, close to Noto Sans Italic's angle).
const SLANT: f32 = 0.21;

/// What one text object needs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Synthetic {
    /// Stroke colour and width for synthetic bold.
    pub bold: Option<(Rgb, f32)>,
    pub italic: bool,
}

/// For each text object on `page` (the items `drawn`, in order), what must be synthesised;
/// `None` when nothing on the page is.
pub fn marks(page: &Page, drawn: &[usize], fonts: &FontBook) -> Option<Vec<Synthetic>> {
    let marks: Vec<Synthetic> = drawn
        .iter()
        .map(|&i| match page.items.get(i) {
            Some(Item::Text(t)) => {
                let has = fonts.source(t.face).style;
                Synthetic {
                    bold: (t.style.bold && !has.bold).then_some((t.color, STROKE_EM * f32::from(t.size))),
                    italic: t.style.italic && !has.italic,
                }
            }
            _ => Synthetic::default(),
        })
        .collect();
    marks.iter().any(|m| *m != Synthetic::default()).then_some(marks)
}

/// Rewrites a page's content (as printpdf writes it: one operator per line, text objects
/// not nested) so that the `k`th text object gets `marks[k]`: a bold one is wrapped in
/// `q … Q` with a stroke colour, line width and rendering mode 2, an italic one has its
/// starting `x y Td` replaced by a sheared text matrix. Content whose text objects do not
/// match `marks` one to one is left as it is.
pub fn apply(content: &[u8], marks: &[Synthetic], out: &mut Vec<u8>) {
    let lines = || content.split(|&b| b == b'\n');
    if lines().filter(|l| *l == b"BT").count() != marks.len() {
        out.extend_from_slice(content);
        return;
    }
    let mut k = 0;
    let mut current = Synthetic::default();
    let mut moved = false;
    let mut first = true;
    for line in lines() {
        if !first {
            out.push(b'\n');
        }
        first = false;
        match line {
            b"BT" => {
                current = marks[k];
                k += 1;
                moved = false;
                if let Some((color, width)) = current.bold {
                    out.extend_from_slice(format!("q\n{}\n{width:.3} w\n2 Tr\n", color_op(color, "RG")).as_bytes());
                }
                out.extend_from_slice(line);
            }
            b"ET" => {
                out.extend_from_slice(line);
                if current.bold.is_some() {
                    out.extend_from_slice(b"\nQ");
                }
                current = Synthetic::default();
            }
            _ if current.italic && !moved && line.ends_with(b" Td") => {
                // At `BT` the text matrix is the identity, so the first `x y Td` sets it to a
                // translation; the same origin with a shear is `1 0 s 1 x y Tm`.
                moved = true;
                out.extend_from_slice(format!("1 0 {SLANT} 1 ").as_bytes());
                out.extend_from_slice(&line[..line.len() - 3]);
                out.extend_from_slice(b" Tm");
            }
            _ => out.extend_from_slice(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &[u8] =
        b"q\nBT\n7.06 TL\n68.03 754.60 Td\n/F1 20.00 Tf\n[<00e4>] TJ\nET\nBT\n9 TL\n1 2 Td\n[<01>] TJ\nET\nQ\n";

    fn apply_to(marks: &[Synthetic]) -> String {
        let mut out = Vec::new();
        apply(PAGE, marks, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn bold_objects_are_stroked_in_their_own_graphics_state() {
        let bold = Synthetic { bold: Some((Rgb(255, 0, 51), 0.35)), italic: false };
        let out = apply_to(&[bold, Synthetic::default()]);
        assert_eq!(
            out,
            "q\nq\n1.000 0.000 0.200 RG\n0.350 w\n2 Tr\nBT\n7.06 TL\n68.03 754.60 Td\n/F1 20.00 Tf\n[<00e4>] TJ\nET\nQ\n\
             BT\n9 TL\n1 2 Td\n[<01>] TJ\nET\nQ\n"
        );
    }

    #[test]
    fn italic_objects_start_with_a_sheared_matrix() {
        let italic = Synthetic { bold: None, italic: true };
        let out = apply_to(&[Synthetic::default(), italic]);
        assert!(out.contains("68.03 754.60 Td\n"), "{out}");
        assert!(out.contains("1 0 0.21 1 1 2 Tm\n"), "{out}");
    }

    #[test]
    fn content_that_does_not_match_is_left_alone() {
        let italic = Synthetic { bold: None, italic: true };
        assert_eq!(apply_to(&[italic]).as_bytes(), PAGE);
    }
}
