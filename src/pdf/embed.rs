//! Which fonts the PDF embeds, cut down to the characters the document prints, and how each
//! character is encoded.
//!
//! Why this is more than "hand genpdf the font": printpdf 0.3 (under genpdf) embeds every
//! font it is given whole and uncompressed, and at save time walks all 1.1 million Unicode
//! scalar values for each one (about 14 ms per font here). So by default we give genpdf each
//! subset as a *metrics-only* font tied to one of PDF's 14 standard font names: genpdf then
//! writes every character as a two-byte code from the Windows-1252 table (its encoding for
//! standard fonts) and printpdf embeds nothing. Each subset holds up to
//! [`CODES_PER_SLOT`] characters, one per code; `post.rs` then replaces each standard font
//! with a real Type 0 font: our subset, compressed, with a CIDToGIDMap and a ToUnicode map
//! from those codes. A document that needs more than 14 such slots (thousands of distinct
//! kanji) falls back to genpdf's own embedding, one subset per face, codes = glyph ids.

use std::collections::BTreeSet;

use printpdf::BuiltinFont;
use rustc_hash::FxHashMap;

use crate::fonts::{FaceId, FontBook, FontError};
use crate::layout::{Document, Item};

/// The Windows-1252 characters genpdf can encode for a standard font, with their byte codes.
/// Codes that decode to a character with an earlier code are left out: lopdf's table (like
/// the PDF specification's) has the bullet at 0x7F as well as 0x95, and 0xA0 and 0xAD alias
/// space and hyphen.
const CP1252_HIGH: [(u8, char); 26] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

/// Every (code, proxy character) pair a slot can use, in order.
fn proxy_codes() -> Vec<(u16, char)> {
    let ascii = (0x20u8..=0x7E).map(|b| (u16::from(b), char::from(b))).chain([(0x7F, '•')]);
    let high = CP1252_HIGH.iter().map(|&(b, c)| (u16::from(b), c));
    let latin1 = (0xA1u8..=0xFF).filter(|&b| b != 0xAD).map(|b| (u16::from(b), char::from(b)));
    ascii.chain(high).chain(latin1).collect()
}

/// How many characters one standard-font slot can carry.
pub const CODES_PER_SLOT: usize = 94 + 1 + 27 + 94;

/// PDF's standard font names, used as slot identities in the default mode.
pub const SLOT_NAMES: [BuiltinFont; 14] = [
    BuiltinFont::Helvetica,
    BuiltinFont::HelveticaBold,
    BuiltinFont::HelveticaOblique,
    BuiltinFont::HelveticaBoldOblique,
    BuiltinFont::TimesRoman,
    BuiltinFont::TimesBold,
    BuiltinFont::TimesItalic,
    BuiltinFont::TimesBoldItalic,
    BuiltinFont::Courier,
    BuiltinFont::CourierBold,
    BuiltinFont::CourierOblique,
    BuiltinFont::CourierBoldOblique,
    BuiltinFont::Symbol,
    BuiltinFont::ZapfDingbats,
];

/// How characters reach the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Standard-font slots with proxy characters (fast; up to 14 slots).
    Proxy,
    /// genpdf embeds each subset itself; codes are glyph ids.
    Cid,
}

/// One embedded font program: a face cut down to some characters.
#[derive(Debug)]
pub struct Slot {
    pub face: FaceId,
    /// The subset font file.
    pub data: Vec<u8>,
    /// Per character: the code written in content streams, the glyph in `data`, and what
    /// genpdf is handed to print it (the proxy character in `Proxy` mode, else itself).
    pub chars: FxHashMap<char, Encoded>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoded {
    pub code: u16,
    pub glyph: u16,
    pub proxy: char,
}

/// The fonts of one document.
#[derive(Debug)]
pub struct Plan {
    pub mode: Mode,
    pub slots: Vec<Slot>,
    /// Face → its slots, in order.
    by_face: FxHashMap<FaceId, Vec<usize>>,
}

impl Plan {
    /// The characters each face prints, cut into slots.
    pub fn new(doc: &Document, fonts: &FontBook) -> Result<Plan, FontError> {
        let mut used: FxHashMap<FaceId, BTreeSet<char>> = FxHashMap::default();
        for page in &doc.pages {
            for item in &page.items {
                if let Item::Text(t) = item {
                    used.entry(t.face).or_default().extend(t.text.chars());
                }
            }
        }
        let mut faces: Vec<(FaceId, Vec<char>)> = used.into_iter().map(|(f, s)| (f, s.into_iter().collect())).collect();
        faces.sort_by_key(|(f, _)| *f);
        let slots_needed: usize = faces.iter().map(|(_, cs)| cs.len().div_ceil(CODES_PER_SLOT)).sum();
        let mode = if slots_needed <= SLOT_NAMES.len() { Mode::Proxy } else { Mode::Cid };
        let codes = proxy_codes();
        let mut plan = Plan { mode, slots: Vec::new(), by_face: FxHashMap::default() };
        for (face, chars) in faces {
            let Some(metrics) = fonts.metrics(face) else {
                continue;
            };
            let chunk = if mode == Mode::Proxy { CODES_PER_SLOT } else { usize::MAX };
            for part in chars.chunks(chunk) {
                // Distinct glyphs in first-seen order; glyph i of the subset is glyphs[i - 1].
                let mut glyphs: Vec<u16> = Vec::new();
                let mut new_id: FxHashMap<u16, u16> = FxHashMap::default();
                for &c in part {
                    if let Some(g) = metrics.glyph(c) {
                        new_id.entry(g).or_insert_with(|| {
                            glyphs.push(g);
                            glyphs.len() as u16
                        });
                    }
                }
                let mut map = FxHashMap::default();
                for (i, &c) in part.iter().enumerate() {
                    let glyph = metrics.glyph(c).and_then(|g| new_id.get(&g).copied()).unwrap_or(0);
                    let enc = match mode {
                        Mode::Proxy => Encoded { code: codes[i].0, glyph, proxy: codes[i].1 },
                        Mode::Cid => Encoded { code: glyph, glyph, proxy: c },
                    };
                    map.insert(c, enc);
                }
                // genpdf reads the subset's cmap with the characters it is handed.
                let cmap: Vec<(u32, u16)> = map.values().map(|e| (e.proxy as u32, e.glyph)).collect();
                let data = fonts.subset(face, &glyphs, &cmap)?;
                plan.by_face.entry(face).or_default().push(plan.slots.len());
                plan.slots.push(Slot { face, data, chars: map });
            }
        }
        Ok(plan)
    }

    /// Splits `text` in `face` into pieces that each live in one slot: (slot, proxy text,
    /// the original characters).
    pub fn pieces(&self, face: FaceId, text: &str) -> Vec<(usize, String, String)> {
        let mut out: Vec<(usize, String, String)> = Vec::new();
        let slots = self.by_face.get(&face).map(Vec::as_slice).unwrap_or_default();
        for c in text.chars() {
            let Some((slot, enc)) = slots.iter().find_map(|&s| self.slots[s].chars.get(&c).map(|e| (s, *e))) else {
                continue;
            };
            match out.last_mut() {
                Some((s, proxy, orig)) if *s == slot => {
                    proxy.push(enc.proxy);
                    orig.push(c);
                }
                _ => out.push((slot, enc.proxy.to_string(), c.to_string())),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_codes_are_what_genpdf_writes_for_standard_fonts() {
        let codes = proxy_codes();
        assert_eq!(codes.len(), CODES_PER_SLOT);
        for (code, c) in codes {
            let bytes = lopdf026::Document::encode_text(Some("WinAnsiEncoding"), &c.to_string());
            assert_eq!(bytes, [code as u8], "{c:?} should encode as {code:#04x}");
        }
    }
}
