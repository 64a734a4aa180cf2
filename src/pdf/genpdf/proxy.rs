//! Stand-in characters. printpdf 0.3 embeds a TrueType font whole, uncompressed, and walks
//! all 1.1 million Unicode scalar values for it on saving (about 14 ms per font). So genpdf is
//! given each font as a *standard* font (metrics only, nothing embedded), for which it writes
//! every character as a Windows-1252 byte. A standard font has only [`CODES_PER_SLOT`] such
//! bytes, so a font's characters are dealt out to slots of that many, and in each slot every
//! character is drawn with a stand-in (proxy) character whose byte is unique in the slot. What
//! genpdf writes is mapped back to the document's own codes in `parse.rs`, by slot.

use rustc_hash::FxHashMap;

use crate::pdf::embed::Plan;

/// The Windows-1252 characters above 0x7F that genpdf can encode for a standard font, with
/// their bytes. Bytes that decode to a character with an earlier byte are left out: the
/// encoding table genpdf uses (lopdf 0.26's, like the PDF specification's) has the bullet at
/// 0x7F as well as 0x95, and 0xA0 and 0xAD alias space and hyphen.
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

/// Every (byte, proxy character) pair a slot can use, in order.
pub fn proxy_codes() -> Vec<(u8, char)> {
    let ascii = (0x20u8..=0x7E).map(|b| (b, char::from(b))).chain([(0x7F, '•')]);
    let latin1 = (0xA1u8..=0xFF).filter(|&b| b != 0xAD).map(|b| (b, char::from(b)));
    ascii.chain(CP1252_HIGH).chain(latin1).collect()
}

/// How many characters one slot can carry.
pub const CODES_PER_SLOT: usize = 94 + 1 + 26 + 94;

/// One slot: the document's code for each byte genpdf writes (0: unused).
pub struct Slot {
    pub code_of_byte: [u16; 256],
}

/// The slots of every font of a [`Plan`].
pub struct Slots {
    /// Per plan font: character → (slot, proxy).
    lookup: Vec<FxHashMap<char, (usize, char)>>,
    pub slots: Vec<Slot>,
}

impl Slots {
    pub fn new(plan: &Plan) -> Slots {
        let codes = proxy_codes();
        let mut out = Slots { lookup: Vec::new(), slots: Vec::new() };
        for font in &plan.fonts {
            let mut lookup = FxHashMap::default();
            for part in font.chars.chunks(CODES_PER_SLOT) {
                let mut slot = Slot { code_of_byte: [0; 256] };
                for (&(code, c), &(byte, proxy)) in part.iter().zip(&codes) {
                    slot.code_of_byte[usize::from(byte)] = code;
                    lookup.insert(c, (out.slots.len(), proxy));
                }
                out.slots.push(slot);
            }
            out.lookup.push(lookup);
        }
        out
    }

    /// `text` in plan font `font` as pieces that each live in one slot: (slot, proxy text).
    /// Characters the font does not print are left out (validation reports them earlier).
    pub fn pieces(&self, font: usize, text: &str) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        let Some(lookup) = self.lookup.get(font) else { return out };
        for c in text.chars() {
            let Some(&(slot, proxy)) = lookup.get(&c) else { continue };
            match out.last_mut() {
                Some((s, p)) if *s == slot => p.push(proxy),
                _ => out.push((slot, proxy.to_string())),
            }
        }
        out
    }
}
