//! Which fonts the PDF embeds, cut down to the characters the document prints, and the code
//! (CID) each character is written with.
//!
//! One embedded font per face the document uses. Its codes are the subset's glyph ids, so the
//! CIDToGIDMap is the identity, except for characters that share a glyph with another (a
//! no-break space drawn with the space's glyph): those get codes of their own after the last
//! glyph, so that every code maps back to exactly the character the writer typed (ToUnicode).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::type0::Program;
use crate::fonts::{FaceId, FontBook, FontError};
use crate::layout::{Document, Item};

/// One embedded font: a face cut down to the characters it prints. The plan says which glyphs
/// and codes; the subset program itself is cut by [`Plan::programs`], which can run while the
/// pages are drawn.
#[derive(Debug)]
pub struct PlanFont {
    pub face: FaceId,
    /// The glyphs of the face the subset keeps, in order: glyph i + 1 of the subset is
    /// `glyphs[i]`.
    glyphs: Vec<u16>,
    /// The subset's cmap: character → subset glyph.
    cmap: Vec<(u32, u16)>,
    /// The characters, each with its code, in code order.
    pub chars: Vec<(u16, char)>,
    /// Glyph of the subset for each code (index = code; code 0 is `.notdef`).
    pub glyph_of_code: Vec<u16>,
    code_of: FxHashMap<char, u16>,
}

impl PlanFont {
    /// The code `c` is written with, if this font prints it.
    pub fn code(&self, c: char) -> Option<u16> {
        self.code_of.get(&c).copied()
    }

    /// A digest of what the subset holds: its face and characters (which decide its bytes),
    /// cheaper to hash than the font program itself.
    pub fn digest(&self, fonts: &FontBook) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(fonts.source(self.face).name.as_bytes());
        h.update([0]);
        for &(code, c) in &self.chars {
            h.update(code.to_be_bytes());
            h.update((c as u32).to_be_bytes());
        }
        h.finalize().into()
    }

    /// The subset font program (TrueType).
    pub fn program(&self, fonts: &FontBook) -> Result<Vec<u8>, FontError> {
        fonts.subset(self.face, &self.glyphs, &self.cmap)
    }

    /// Whether codes are glyph ids (no CIDToGIDMap stream needed).
    pub fn identity(&self) -> bool {
        self.glyph_of_code.iter().enumerate().all(|(code, &glyph)| usize::from(glyph) == code)
    }
}

/// The fonts of one document.
#[derive(Debug, Default)]
pub struct Plan {
    pub fonts: Vec<PlanFont>,
    by_face: FxHashMap<FaceId, usize>,
}

impl Plan {
    /// The characters each face prints, and the glyphs and codes each is written with.
    pub fn new(doc: &Document, fonts: &FontBook) -> Plan {
        let mut used: FxHashMap<FaceId, BTreeSet<char>> = FxHashMap::default();
        for page in &doc.pages {
            for item in &page.items {
                if let Item::Text(t) = item {
                    used.entry(t.face).or_default().extend(t.text.chars());
                }
            }
        }
        let mut faces: Vec<(FaceId, BTreeSet<char>)> = used.into_iter().collect();
        faces.sort_by_key(|(f, _)| *f);
        let mut plan = Plan::default();
        for (face, chars) in faces {
            let Some(metrics) = fonts.metrics(face) else { continue };
            // Distinct glyphs in character order; glyph i + 1 of the subset is glyphs[i].
            let mut glyphs: Vec<u16> = Vec::new();
            let mut new_id: FxHashMap<u16, u16> = FxHashMap::default();
            let mut code_of = FxHashMap::default();
            let mut aliases = Vec::new();
            for &c in &chars {
                let Some(g) = metrics.glyph(c) else { continue };
                match new_id.get(&g) {
                    Some(_) => aliases.push((c, g)),
                    None => {
                        glyphs.push(g);
                        let id = glyphs.len() as u16;
                        new_id.insert(g, id);
                        code_of.insert(c, id);
                    }
                }
            }
            let mut glyph_of_code: Vec<u16> = (0..=glyphs.len() as u16).collect();
            for (c, g) in aliases {
                code_of.insert(c, glyph_of_code.len() as u16);
                glyph_of_code.push(new_id[&g]);
            }
            let cmap: Vec<(u32, u16)> =
                code_of.iter().map(|(&c, &code)| (c as u32, glyph_of_code[usize::from(code)])).collect();
            let mut listed: Vec<(u16, char)> = code_of.iter().map(|(&c, &code)| (code, c)).collect();
            listed.sort_unstable();
            plan.by_face.insert(face, plan.fonts.len());
            plan.fonts.push(PlanFont { face, glyphs, cmap, chars: listed, glyph_of_code, code_of });
        }
        plan
    }

    /// Each font's subset program, compressed, in plan order.
    pub fn programs(&self, fonts: &FontBook) -> Result<Vec<Program>, FontError> {
        self.fonts.iter().map(|f| Ok(Program::new(&f.program(fonts)?))).collect()
    }

    /// The index of the font that prints `face`.
    pub fn font_of(&self, face: FaceId) -> Option<usize> {
        self.by_face.get(&face).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Page, TextItem};
    use crate::theme::Rgb;

    fn doc(texts: &[(u16, &str)]) -> Document {
        let items = texts
            .iter()
            .map(|&(face, text)| {
                Item::Text(TextItem {
                    x: 0.0,
                    baseline: 0.0,
                    face: FaceId(face),
                    size: 10.0,
                    color: Rgb(0, 0, 0),
                    text: text.into(),
                    width: 0.0,
                    style: crate::fonts::FontStyle::REGULAR,
                    tag: crate::layout::Tag::default(),
                    gaps: Vec::new(),
                    actual: None,
                })
            })
            .collect();
        Document {
            width: 100.0,
            height: 100.0,
            pages: vec![Page { items, owner: 0 }],
            outline: Vec::new(),
            watermarks: Vec::new(),
            structure: crate::layout::Structure::new("en"),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn one_font_per_face_with_a_code_per_character() {
        let fonts = FontBook::builtin();
        let plan = Plan::new(&doc(&[(0, "abc"), (5, "日本"), (0, "cab")]), &fonts);
        assert_eq!(plan.fonts.len(), 2);
        let latin = &plan.fonts[plan.font_of(FaceId(0)).unwrap()];
        assert_eq!(latin.chars.iter().map(|c| c.1).collect::<String>(), "abc");
        assert!(latin.identity());
        assert_eq!(latin.code('a'), Some(1));
    }

    #[test]
    fn characters_sharing_a_glyph_keep_codes_of_their_own() {
        let fonts = FontBook::builtin();
        // IPAexGothic draws the hyphen and the non-breaking hyphen with one glyph.
        let m = fonts.metrics(FaceId(5)).unwrap();
        assert_eq!(m.glyph('-'), m.glyph('\u{2011}'));
        let plan = Plan::new(&doc(&[(5, "日-本\u{2011}語")]), &fonts);
        let f = &plan.fonts[0];
        let (space, nbsp) = (f.code('-').unwrap(), f.code('\u{2011}').unwrap());
        assert_ne!(space, nbsp);
        assert_eq!(f.glyph_of_code[usize::from(space)], f.glyph_of_code[usize::from(nbsp)]);
        assert!(!f.identity());
    }
}
