//! Fonts: the faces compiled into the binary, which face prints which character (a fallback
//! chain, so no character silently disappears), glyph metrics for layout, and subsetting for
//! embedding.
//!
//! Metrics are read once per face, on first use, with allsorts. Only faces the document needs
//! are ever parsed: the 6 MB Japanese face costs nothing in a briefing without Japanese.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU16, AtomicU8, Ordering};
use std::sync::OnceLock;

pub use crate::script::is_invisible;

use allsorts::binary::read::ReadScope;
use allsorts::font::read_cmap_subtable;
use allsorts::post::Header as PostHeader;
use allsorts::tables::cmap::Cmap;
use allsorts::tables::os2::Os2;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable, OpenTypeFont};
use allsorts::tag;
use rustc_hash::FxHashMap;

mod signs;
pub use signs::{japanese_sign, joins_words};
use signs::{numbered, NUMBERED};

/// Bold and/or italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct FontStyle {
    pub bold: bool,
    pub italic: bool,
}

impl FontStyle {
    pub const REGULAR: FontStyle = FontStyle { bold: false, italic: false };
    pub const BOLD: FontStyle = FontStyle { bold: true, italic: false };

    fn index(self) -> usize {
        usize::from(self.bold) + 2 * usize::from(self.italic)
    }
}

/// Index of a face in a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

/// A font file and what it is for.
pub struct FaceSource {
    /// The PostScript name, used (with a subset tag) as the PDF BaseFont.
    pub name: String,
    pub data: Cow<'static, [u8]>,
    pub style: FontStyle,
}

/// What the layout and the PDF writer need to know about a face, in font units.
#[derive(Debug)]
pub struct FaceMetrics {
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    pub line_gap: i16,
    pub cap_height: i16,
    pub bbox: [i16; 4],
    pub italic_angle: f32,
    cmap: FxHashMap<u32, u16>,
    /// The cmap's glyphs of U+0000 to U+007F (0 for none), looked up without hashing: most
    /// characters of most briefings are ASCII.
    ascii: [u16; 128],
    advances: Vec<u16>,
    /// The variation sequences the face's cmap lists (its format 14 subtable), by selector.
    sequences: Vec<Sequences>,
}

/// What a face has for a character followed by a variation selector (`葛` U+E0100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The character's own glyph is the form asked for.
    Default,
    /// A glyph of its own.
    Glyph(u16),
}

/// The sequences of one variation selector in a cmap format 14 subtable.
#[derive(Debug)]
struct Sequences {
    selector: u32,
    /// Ranges of characters (first, last) whose own glyph is the form, in order.
    default: Vec<(u32, u32)>,
    /// Characters with a glyph of their own for the form, in order.
    glyphs: Vec<(u32, u16)>,
}

impl FaceMetrics {
    /// The glyph for `c`, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let g = match self.ascii.get(c as usize) {
            Some(&g) => g,
            None => self.cmap.get(&(c as u32)).copied().unwrap_or(0),
        };
        (g != 0).then_some(g)
    }

    /// What the face has for `base` followed by the variation selector `selector`, if it lists
    /// the sequence.
    pub fn variant(&self, base: char, selector: char) -> Option<Variant> {
        let (base, selector) = (base as u32, selector as u32);
        let s = self.sequences.iter().find(|s| s.selector == selector)?;
        if let Ok(i) = s.glyphs.binary_search_by_key(&base, |g| g.0) {
            return Some(Variant::Glyph(s.glyphs[i].1));
        }
        let i = s.default.partition_point(|r| r.1 < base);
        s.default.get(i).filter(|r| r.0 <= base).map(|_| Variant::Default)
    }

    /// Advance width of a glyph in font units.
    pub fn advance(&self, glyph: u16) -> u16 {
        let i = usize::from(glyph).min(self.advances.len().saturating_sub(1));
        self.advances.get(i).copied().unwrap_or(0)
    }

    /// Width of `c` in em (1.0 = the font size).
    pub fn char_width(&self, c: char) -> f32 {
        let g = self.glyph(c).unwrap_or(0);
        f32::from(self.advance(g)) / f32::from(self.units_per_em)
    }

    /// Scale from font units to em.
    pub fn em(&self, units: i16) -> f32 {
        f32::from(units) / f32::from(self.units_per_em)
    }
}

/// A problem with a font file (a bad user font, or a subsetting failure).
#[derive(Debug, thiserror::Error)]
#[error("font {name}: {message}")]
pub struct FontError {
    pub name: String,
    pub message: String,
}

struct Face {
    source: FaceSource,
    metrics: OnceLock<Result<FaceMetrics, String>>,
}

/// All faces of a document: a main family (regular, bold, italic, bold italic) and fallbacks
/// tried in order for characters the family lacks.
pub struct FontBook {
    faces: Vec<Face>,
    family: [FaceId; 4],
    fallbacks: Vec<FaceId>,
    /// The monospaced face for code, if any.
    code: Option<FaceId>,
    /// The Japanese Gothic face of the fallbacks and the Mincho face that may stand in for it
    /// in running text (a template's `japanese_body: mincho`).
    mincho: Option<(FaceId, FaceId)>,
    /// [`FontBook::face_for`] of printable ASCII (U+0020 to U+007E) by style, noted as it is
    /// first asked: 0 not yet known, `u16::MAX` no face, else the face's index plus one.
    ascii: [[AtomicU16; 95]; 4],
    /// The face of each series of numbered signs ([`NUMBERED`]) by style, noted as `ascii` is.
    numbered: [[AtomicU16; NUMBERED.len()]; 4],
    /// Whether the Japanese Gothic face has each whole series of numbered signs, noted as it
    /// is first asked: 0 not yet known, 1 yes, 2 no.
    gothic_numbered: [AtomicU8; NUMBERED.len()],
}

/// Whether no font, built-in or a template's, ever prints `c`: pictographic emoji (see
/// [`FontBook::face_for`]).
pub fn never_printed(c: char) -> bool {
    ('\u{1F000}'..='\u{1FAFF}').contains(&c)
}

macro_rules! builtin_face {
    ($name:literal, $file:literal, $bold:literal, $italic:literal) => {
        FaceSource {
            name: $name.to_string(),
            data: Cow::Borrowed(include_bytes!(concat!("../fonts/", $file))),
            style: FontStyle { bold: $bold, italic: $italic },
        }
    };
}

impl FontBook {
    /// The faces compiled into the binary: Noto Sans (Latin, Greek, Cyrillic), then DejaVu Sans
    /// (symbols and arrows), then IPAexGothic (Japanese); DejaVu Sans Mono for code;
    /// IPAexMincho for Japanese running text where the template asks for it.
    pub fn builtin() -> FontBook {
        let faces = vec![
            builtin_face!("NotoSans-Regular", "NotoSans-Regular.ttf", false, false),
            builtin_face!("NotoSans-Bold", "NotoSans-Bold.ttf", true, false),
            builtin_face!("NotoSans-Italic", "NotoSans-Italic.ttf", false, true),
            builtin_face!("NotoSans-BoldItalic", "NotoSans-BoldItalic.ttf", true, true),
            builtin_face!("DejaVuSans", "DejaVuSans.ttf", false, false),
            builtin_face!("IPAexGothic", "IPAexGothic.ttf", false, false),
            builtin_face!("DejaVuSansMono", "DejaVuSansMono.ttf", false, false),
            builtin_face!("IPAexMincho", "IPAexMincho.ttf", false, false),
        ];
        FontBook::new(faces, [0, 1, 2, 3], &[4, 5]).with_code(6).with_mincho(5, 7)
    }

    /// The same book with face `mincho` standing in for the Gothic face `gothic` in running
    /// text set in Mincho.
    fn with_mincho(mut self, gothic: u16, mincho: u16) -> FontBook {
        self.mincho = Some((FaceId(gothic), FaceId(mincho)));
        self
    }

    /// The same book with face `code` (monospaced) for code.
    fn with_code(mut self, code: u16) -> FontBook {
        self.code = Some(FaceId(code));
        self
    }

    /// The built-in book with another main family in front (a template's `fonts`): regular,
    /// bold, italic, bold italic. Characters the family lacks fall back to the built-in faces.
    pub fn with_family(family: [FaceSource; 4]) -> FontBook {
        let builtin = FontBook::builtin();
        let n = builtin.faces.len() as u16;
        let mut faces: Vec<FaceSource> = builtin.faces.into_iter().map(|f| f.source).collect();
        faces.extend(family);
        // The new family first; then the built-in family (regular) and fallbacks.
        let (code, mincho) = (builtin.code, builtin.mincho);
        let mut book = FontBook::new(faces, [n, n + 1, n + 2, n + 3], &[0, 4, 5]);
        book.code = code;
        book.mincho = mincho;
        book
    }

    /// Checks that `data` is a font this book can use, and reads its PostScript name.
    /// Every glyph's outline is read once here, so that a truncated or damaged file is named
    /// now, not when a briefing happens to use a broken glyph.
    pub fn check_face(data: &[u8]) -> Result<String, String> {
        read_metrics(data)?;
        let font = ReadScope::new(data).read::<OpenTypeFont<'_>>().map_err(|e| e.to_string())?;
        let p = font.table_provider(0).map_err(|e| e.to_string())?;
        let damaged = |e: allsorts::error::ParseError| format!("its glyph outlines are damaged or cut short ({e})");
        let head =
            ReadScope::new(&p.read_table_data(tag::HEAD).map_err(damaged)?).read::<HeadTable>().map_err(damaged)?;
        let maxp =
            ReadScope::new(&p.read_table_data(tag::MAXP).map_err(damaged)?).read::<MaxpTable>().map_err(damaged)?;
        let loca_data = p.read_table_data(tag::LOCA).map_err(damaged)?;
        let loca = ReadScope::new(&loca_data)
            .read_dep::<allsorts::tables::loca::LocaTable<'_>>((usize::from(maxp.num_glyphs), head.index_to_loc_format))
            .map_err(damaged)?;
        let glyf_data = p.read_table_data(tag::GLYF).map_err(damaged)?;
        let mut glyf =
            ReadScope::new(&glyf_data).read_dep::<allsorts::tables::glyf::GlyfTable<'_>>(&loca).map_err(damaged)?;
        for record in glyf.records_mut() {
            record.parse().map_err(damaged)?;
        }
        let name = p
            .table_data(tag::NAME)
            .ok()
            .flatten()
            .and_then(|d| {
                let table = ReadScope::new(&d).read::<allsorts::tables::NameTable<'_>>().ok()?;
                table.string_for_id(allsorts::tables::NameTable::POSTSCRIPT_NAME)
            })
            .unwrap_or_default();
        // A PDF name: printable ASCII without delimiters.
        let clean: String = name.chars().filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c)).collect();
        Ok(if clean.is_empty() { "Font".to_string() } else { clean })
    }

    /// A book from explicit faces: `family` indexes regular, bold, italic, bold italic.
    pub fn new(faces: Vec<FaceSource>, family: [u16; 4], fallbacks: &[u16]) -> FontBook {
        FontBook {
            faces: faces.into_iter().map(|source| Face { source, metrics: OnceLock::new() }).collect(),
            family: family.map(FaceId),
            fallbacks: fallbacks.iter().copied().map(FaceId).collect(),
            code: None,
            mincho: None,
            ascii: std::array::from_fn(|_| std::array::from_fn(|_| AtomicU16::new(0))),
            numbered: std::array::from_fn(|_| std::array::from_fn(|_| AtomicU16::new(0))),
            gothic_numbered: std::array::from_fn(|_| AtomicU8::new(0)),
        }
    }

    /// The face that prints `c` in running text set with a Mincho face for Japanese: where
    /// the chain ([`FontBook::face_for`]) picks the Gothic face, the Mincho face if it has
    /// the glyph. In Japanese text (`all`), Latin letters and digits come from the Mincho
    /// face too, so that they match the serif around them (和欧混植 with one face).
    pub fn face_for_mincho(&self, c: char, style: FontStyle, all: bool) -> Option<FaceId> {
        let face = self.face_for(c, style)?;
        match self.mincho {
            Some((gothic, mincho))
                if (face == gothic || (all && !c.is_whitespace()))
                    && self.metrics(mincho).is_some_and(|m| m.glyph(c).is_some()) =>
            {
                Some(mincho)
            }
            _ => Some(face),
        }
    }

    /// The face for `c` in emphasis where the chain sets it in the Japanese Gothic face, which
    /// has no italic and is never slanted (JLREQ marks emphasis by a change of face; text47a
    /// F47a-24): Gothic in Mincho text (`mincho`), else Mincho. `None` elsewhere: Latin keeps italic.
    pub fn face_for_emphasis(&self, c: char, style: FontStyle, mincho: bool) -> Option<FaceId> {
        let (gothic, mincho_face) = self.mincho?;
        let other = if mincho { gothic } else { mincho_face };
        let japanese = !c.is_whitespace() && self.face_for(c, style)? == gothic;
        (japanese && self.metrics(other).is_some_and(|m| m.glyph(c).is_some())).then_some(other)
    }

    /// Whether `face` is one of the Japanese faces (Gothic or Mincho), which are never slanted.
    pub fn is_japanese(&self, face: FaceId) -> bool {
        self.mincho.is_some_and(|(gothic, mincho)| face == gothic || face == mincho)
    }

    /// The face that prints `c` in code: the monospaced face if it has the glyph, else the
    /// same chain as other text ([`FontBook::face_for`]).
    pub fn face_for_code(&self, c: char, style: FontStyle) -> Option<FaceId> {
        match self.code {
            Some(code) if !never_printed(c) && self.metrics(code).is_some_and(|m| m.glyph(c).is_some()) => Some(code),
            _ => self.face_for(c, style),
        }
    }

    /// The face that prints `c` in `style`: the family's face if it has the glyph, else the
    /// first fallback that does. `None` means no face can print it.
    ///
    /// Pictographic emoji (U+1F000 and up) are printed by no built-in face: DejaVu Sans has a
    /// few dozen of them, which would print some emoji and reject the rest. Rejecting all of
    /// them, with an error naming each, is consistent.
    pub fn face_for(&self, c: char, style: FontStyle) -> Option<FaceId> {
        let noted = (c as usize).checked_sub(0x20).and_then(|i| self.ascii[style.index()].get(i));
        if let Some(noted) = noted {
            match noted.load(Ordering::Relaxed) {
                0 => {}
                u16::MAX => return None,
                face => return Some(FaceId(face - 1)),
            }
        }
        if noted.is_none() {
            if let Some(series) = numbered(c) {
                return self.numbered_face(series, style).or_else(|| self.find_face(c, style));
            }
        }
        let face = self.find_face(c, style);
        if let Some(noted) = noted {
            noted.store(face.map_or(u16::MAX, |f| f.0 + 1), Ordering::Relaxed);
        }
        face
    }

    /// The faces [`FontBook::face_for`] looks in for `style`, in order.
    fn chain(&self, style: FontStyle) -> impl Iterator<Item = FaceId> + '_ {
        let main = self.family[style.index()];
        std::iter::once(main).chain(std::iter::once(self.family[0])).chain(self.fallbacks.iter().copied())
    }

    /// [`FontBook::face_for`], looked up in the faces.
    fn find_face(&self, c: char, style: FontStyle) -> Option<FaceId> {
        if never_printed(c) {
            return None;
        }
        self.chain(style).find(|&f| self.metrics(f).is_some_and(|m| m.glyph(c).is_some()))
    }

    /// What the face that prints `base` in running text has for it followed by the variation
    /// selector `selector` (`葛` U+E0100), if that face lists the sequence.
    pub fn variant(&self, base: char, selector: char) -> Option<Variant> {
        let face = self.face_for(base, FontStyle::REGULAR)?;
        self.metrics(face)?.variant(base, selector)
    }

    /// Whether some face can print `c` (invisible characters count as printable).
    pub fn covers(&self, c: char) -> bool {
        c == '\n' || c == '\t' || is_invisible(c) || self.face_for(c, FontStyle::REGULAR).is_some()
    }

    /// The family's face for a style (used for metrics of lines without text).
    pub fn family_face(&self, style: FontStyle) -> FaceId {
        self.family[style.index()]
    }

    /// Metrics of a face, parsed on first use. `None` if the font file is unusable.
    pub fn metrics(&self, face: FaceId) -> Option<&FaceMetrics> {
        let f = self.faces.get(usize::from(face.0))?;
        f.metrics.get_or_init(|| read_metrics(&f.source.data)).as_ref().ok()
    }

    pub fn source(&self, face: FaceId) -> &FaceSource {
        &self.faces[usize::from(face.0)].source
    }

    /// The font file cut down to `glyphs`, which must be distinct and must not include 0:
    /// glyph `glyphs[i]` becomes glyph `i + 1` of the result (glyph 0 stays `.notdef`). Its
    /// cmap is `cmap` (character → new glyph id).
    ///
    /// Only the tables a PDF reader draws with are kept (ISO 32000-1, 9.9): no names, no
    /// layout tables, and no hinting. PDF viewers scale outlines themselves, so the TrueType
    /// instructions (`fpgm`, `prep`, `cvt `, and each glyph's own) are dead weight: about half
    /// of a compressed Latin subset.
    pub fn subset(&self, face: FaceId, glyphs: &[u16], cmap: &[(u32, u16)]) -> Result<Vec<u8>, FontError> {
        let src = self.source(face);
        let err = |message: String| FontError { name: src.name.clone(), message };
        let mut ids = Vec::with_capacity(glyphs.len() + 1);
        ids.push(0);
        ids.extend(glyphs.iter().copied().filter(|&g| g != 0));
        let font = ReadScope::new(&src.data).read::<OpenTypeFont<'_>>().map_err(|e| err(e.to_string()))?;
        let provider = font.table_provider(0).map_err(|e| err(e.to_string()))?;
        let cut = allsorts::subset::subset(&provider, &ids).map_err(|e| err(e.to_string()))?;
        unhinted(&cut, &cmap_table(cmap)).map_err(|e| err(e.to_string()))
    }
}

/// A TrueType font rebuilt from `font` with `cmap` as its cmap, its glyphs without
/// instructions, and only head, hhea, maxp, hmtx, cmap, post, glyf and loca.
fn unhinted(font: &[u8], cmap: &[u8]) -> Result<Vec<u8>, allsorts::error::ReadWriteError> {
    use allsorts::binary::write::{WriteBinaryDep, WriteBuffer};
    use allsorts::tables::glyf::{CompositeGlyphFlag, GlyfRecord, GlyfTable, Glyph};
    use allsorts::tables::loca::{owned, LocaTable};
    let otf = ReadScope::new(font).read::<OpenTypeFont<'_>>()?;
    let p = otf.table_provider(0)?;
    let head = ReadScope::new(&p.read_table_data(tag::HEAD)?).read::<HeadTable>()?;
    let maxp_data = p.read_table_data(tag::MAXP)?;
    let maxp = ReadScope::new(&maxp_data).read::<MaxpTable>()?;
    let loca_data = p.read_table_data(tag::LOCA)?;
    let loca = ReadScope::new(&loca_data)
        .read_dep::<LocaTable<'_>>((usize::from(maxp.num_glyphs), head.index_to_loc_format))?;
    let glyf_data = p.read_table_data(tag::GLYF)?;
    let mut glyf = ReadScope::new(&glyf_data).read_dep::<GlyfTable<'_>>(&loca)?;
    for record in glyf.records_mut() {
        record.parse()?;
        match record {
            GlyfRecord::Parsed(Glyph::Simple(g)) => g.instructions = &[],
            GlyfRecord::Parsed(Glyph::Composite(g)) => {
                g.instructions = &[];
                for c in &mut g.glyphs {
                    c.flags.remove(CompositeGlyphFlag::WE_HAVE_INSTRUCTIONS);
                }
            }
            _ => {}
        }
    }
    let mut glyf_out = WriteBuffer::new();
    let new_loca = GlyfTable::write_dep(&mut glyf_out, glyf, head.index_to_loc_format)?;
    let mut loca_out = WriteBuffer::new();
    owned::LocaTable::write_dep(&mut loca_out, new_loca, head.index_to_loc_format)?;
    let mut tables: Vec<(u32, Cow<'_, [u8]>)> = vec![
        (tag::CMAP, Cow::Borrowed(cmap)),
        (tag::GLYF, Cow::Owned(glyf_out.into_inner())),
        (tag::LOCA, Cow::Owned(loca_out.into_inner())),
    ];
    for t in [tag::HEAD, tag::HHEA, tag::HMTX, tag::MAXP, tag::POST] {
        if let Some(data) = p.table_data(t)? {
            tables.push((t, Cow::Owned(data.into_owned())));
        }
    }
    let provider = Tables(tables);
    allsorts::subset::whole_font(&provider, &[tag::CMAP, tag::HHEA, tag::HMTX, tag::POST, tag::GLYF])
}

/// Font tables held in memory, for [`allsorts::subset::whole_font`].
struct Tables<'a>(Vec<(u32, Cow<'a, [u8]>)>);

impl FontTableProvider for Tables<'_> {
    fn table_data(&self, t: u32) -> Result<Option<Cow<'_, [u8]>>, allsorts::error::ParseError> {
        Ok(self.0.iter().find(|(tag, _)| *tag == t).map(|(_, d)| Cow::Borrowed(&d[..])))
    }

    fn has_table(&self, t: u32) -> bool {
        self.0.iter().any(|(tag, _)| *tag == t)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        Some(self.0.iter().map(|(t, _)| *t).collect())
    }
}

/// A cmap table with one Windows Unicode (full repertoire) format 12 subtable.
fn cmap_table(entries: &[(u32, u16)]) -> Vec<u8> {
    let mut sorted = entries.to_vec();
    sorted.sort_unstable();
    sorted.dedup_by_key(|e| e.0);
    // Consecutive codes with consecutive glyphs share a group.
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (code, gid) in sorted {
        match groups.last_mut() {
            Some(g) if g.1 + 1 == code && g.2 + (code - g.0) == u32::from(gid) => g.1 = code,
            _ => groups.push((code, code, u32::from(gid))),
        }
    }
    let mut out = Vec::with_capacity(28 + 12 * groups.len());
    out.extend_from_slice(&[0, 0, 0, 1]); // version 0, one subtable
    out.extend_from_slice(&[0, 3, 0, 10]); // platform 3 (Windows), encoding 10 (UCS-4)
    out.extend_from_slice(&12u32.to_be_bytes());
    out.extend_from_slice(&12u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(16 + 12 * groups.len() as u32).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes()); // language
    out.extend_from_slice(&(groups.len() as u32).to_be_bytes());
    for (start, end, gid) in groups {
        for v in [start, end, gid] {
            out.extend_from_slice(&v.to_be_bytes());
        }
    }
    out
}

fn read_metrics(data: &[u8]) -> Result<FaceMetrics, String> {
    let font = ReadScope::new(data).read::<OpenTypeFont<'_>>().map_err(|e| e.to_string())?;
    let p = font.table_provider(0).map_err(|e| e.to_string())?;
    let table = |t: u32| p.read_table_data(t).map_err(|e| format!("{}: {e}", tag::DisplayTag(t)));
    let head_data = table(tag::HEAD)?;
    let head = ReadScope::new(&head_data).read::<HeadTable>().map_err(|e| e.to_string())?;
    let hhea_data = table(tag::HHEA)?;
    let hhea = ReadScope::new(&hhea_data).read::<HheaTable>().map_err(|e| e.to_string())?;
    let maxp_data = table(tag::MAXP)?;
    let maxp = ReadScope::new(&maxp_data).read::<MaxpTable>().map_err(|e| e.to_string())?;
    let hmtx_data = table(tag::HMTX)?;
    let hmtx = ReadScope::new(&hmtx_data)
        .read_dep::<HmtxTable<'_>>((usize::from(maxp.num_glyphs), usize::from(hhea.num_h_metrics)))
        .map_err(|e| e.to_string())?;
    if !p.has_table(tag::GLYF) {
        return Err("only TrueType (glyf) outlines are supported".into());
    }
    let advances = (0..maxp.num_glyphs).map(|g| hmtx.horizontal_advance(g).unwrap_or(0)).collect();
    let cmap_data = table(tag::CMAP)?;
    let cmap = ReadScope::new(&cmap_data).read::<Cmap<'_>>().map_err(|e| e.to_string())?;
    let (_, sub) = read_cmap_subtable(&cmap).map_err(|e| e.to_string())?.ok_or("no Unicode cmap")?;
    let mut map = FxHashMap::default();
    sub.mappings_fn(|c, g| {
        map.insert(c, g);
    })
    .map_err(|e| e.to_string())?;
    let os2 = p.table_data(tag::OS_2).ok().flatten().and_then(|d| ReadScope::new(&d).read_dep::<Os2>(d.len()).ok());
    // The header alone: reading the whole table would read every glyph's name.
    let italic_angle = p
        .table_data(tag::POST)
        .ok()
        .flatten()
        .and_then(|d| ReadScope::new(&d).read::<PostHeader>().ok().map(|h| h.italic_angle))
        .map_or(0.0, |a| a as f32 / 65536.0);
    if head.units_per_em == 0 {
        return Err("units per em is 0".into());
    }
    Ok(FaceMetrics {
        units_per_em: head.units_per_em,
        ascent: hhea.ascender,
        descent: hhea.descender,
        line_gap: hhea.line_gap,
        cap_height: os2
            .as_ref()
            .and_then(|o| o.version2to4.as_ref().map(|v| v.s_cap_height))
            .filter(|&h| h > 0)
            .unwrap_or((f32::from(hhea.ascender) * 0.7) as i16),
        bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
        italic_angle,
        ascii: std::array::from_fn(|c| map.get(&(c as u32)).copied().unwrap_or(0)),
        cmap: map,
        advances,
        sequences: variation_sequences(&cmap_data).unwrap_or_default(),
    })
}

/// The variation sequences of a cmap table: its Unicode variation sequences subtable (platform
/// 0, encoding 5, format 14), read by hand (allsorts does not read it). `None` when there is
/// none, or it is cut short.
fn variation_sequences(cmap: &[u8]) -> Option<Vec<Sequences>> {
    let int = |at: usize, n: usize| -> Option<u32> {
        Some(cmap.get(at..at.checked_add(n)?)?.iter().fold(0u32, |v, &b| v << 8 | u32::from(b)))
    };
    let tables = int(2, 2)? as usize;
    let start = (0..tables).find_map(|i| {
        let record = 4 + 8 * i;
        (int(record, 2)? == 0 && int(record + 2, 2)? == 5).then(|| int(record + 4, 4)).flatten()
    })? as usize;
    if int(start, 2)? != 14 {
        return None;
    }
    let count = int(start + 6, 4)? as usize;
    let mut out = Vec::new();
    for i in 0..count.min(256) {
        let record = start + 10 + 11 * i;
        let selector = int(record, 3)?;
        let (default_at, glyphs_at) = (int(record + 3, 4)? as usize, int(record + 7, 4)? as usize);
        let mut default = Vec::new();
        if default_at != 0 {
            let at = start + default_at;
            for k in 0..int(at, 4)? as usize {
                let first = int(at + 4 + 4 * k, 3)?;
                default.push((first, first + int(at + 7 + 4 * k, 1)?));
            }
        }
        let mut glyphs = Vec::new();
        if glyphs_at != 0 {
            let at = start + glyphs_at;
            for k in 0..int(at, 4)? as usize {
                glyphs.push((int(at + 4 + 5 * k, 3)?, int(at + 7 + 5 * k, 2)? as u16));
            }
        }
        out.push(Sequences { selector, default, glyphs });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_japanese_faces_list_their_forms_of_a_kanji() {
        // text44a F44a-30: IPAex has 葛 and 辻 with U+E0100 as glyphs of their own, with U+E0101
        // as their standard glyph, and no form of 邉 at all.
        let book = FontBook::builtin();
        assert!(
            matches!(book.variant('葛', '\u{E0100}'), Some(Variant::Glyph(g)) if Some(g) != book.metrics(FaceId(5)).unwrap().glyph('葛'))
        );
        assert!(matches!(book.variant('辻', '\u{E0100}'), Some(Variant::Glyph(_))));
        assert_eq!(book.variant('葛', '\u{E0101}'), Some(Variant::Default));
        assert_eq!(book.variant('邉', '\u{E0100}'), None);
        assert_eq!(book.variant('A', '\u{E0100}'), None);
    }

    /// The faces noted for ASCII are the ones the chain finds, asked once or again, in every
    /// style; and a face's ASCII glyphs are its cmap's.
    #[test]
    fn ascii_lookups_agree_with_the_chain_and_the_cmap() {
        let book = FontBook::builtin();
        for style in [FontStyle::REGULAR, FontStyle::BOLD, FontStyle { bold: false, italic: true }] {
            for c in (0u8..128).map(char::from) {
                let found = book.find_face(c, style);
                assert_eq!(book.face_for(c, style), found, "{c:?}");
                assert_eq!(book.face_for(c, style), found, "{c:?}, asked again");
            }
        }
        let m = book.metrics(FaceId(0)).unwrap();
        for c in (0u8..128).map(char::from) {
            assert_eq!(m.glyph(c), m.cmap.get(&(c as u32)).copied().filter(|&g| g != 0), "{c:?}");
        }
    }

    #[test]
    fn every_eu_script_and_japanese_has_a_face() {
        let book = FontBook::builtin();
        let text =
            "Ελληνικά България ő ű ș ț ł ħ ġ ż ř ě ķ ļ ņ ė į ų ß æ ø å € “quoted” – — … 日本語のテキスト、カタカナ。";
        for c in text.chars() {
            assert!(book.covers(c), "{c:?} U+{:04X} not covered", c as u32);
        }
        assert!(!book.covers('😀'));
    }

    #[test]
    fn japanese_text_takes_the_signs_it_shares_with_latin_from_the_japanese_face() {
        let book = FontBook::builtin();
        for c in ['…', '‥', '×', '÷', '±', '°', '§', '“', '”'] {
            let face = book.face_for_japanese(c, FontStyle::REGULAR).unwrap();
            assert_eq!(book.source(face).name, "IPAexGothic", "{c}");
            assert_ne!(book.source(book.face_for(c, FontStyle::REGULAR).unwrap()).name, "IPAexGothic", "{c}");
        }
        // An apostrophe (`EU’s`) and letters stay Latin.
        for c in ['’', 'a', '5'] {
            let face = book.face_for_japanese(c, FontStyle::REGULAR).unwrap();
            assert_eq!(book.source(face).name, "NotoSans-Regular", "{c}");
        }
    }

    /// text46a F46a-15: in Japanese text a sign of words takes the face of the words beside
    /// it: the next for an opening quote, the one before for a closing quote or another sign,
    /// past spaces and punctuation; with none near, the Japanese face as before.
    #[test]
    fn a_sign_of_words_in_japanese_text_takes_the_face_of_the_words_beside_it() {
        let book = FontBook::builtin();
        let face = |text: &str, c: char| -> Vec<String> {
            let t: Vec<char> = text.chars().collect();
            (0..t.len())
                .filter(|&k| t[k] == c)
                .map(|k| book.source(book.face_for_japanese_at(&t, k, FontStyle::REGULAR).unwrap()).name.clone())
                .collect()
        };
        let (latin, japanese) = ("NotoSans-Regular", "IPAexGothic");
        assert_eq!(face("日本の“AI”戦略と“推進戦略”", '“'), [latin, japanese]);
        assert_eq!(face("日本の“AI”戦略と“推進戦略”", '”'), [latin, japanese]);
        assert_eq!(face("は“Data Free Flow with Trust” (DFFT)の", '”'), [latin]);
        assert_eq!(face("EU’s view—a flow…を示した。会合—日本…", '’'), [latin]);
        assert_eq!(face("EU’s view—a flow…を示した。会合—日本…", '—'), [latin, japanese]);
        assert_eq!(face("EU’s view—a flow…を示した。会合—日本…", '…'), [latin, japanese]);
        assert_eq!(face("身長5′10″、北緯３５°", '″'), [latin]);
        assert_eq!(face("身長5′10″、北緯３５°", '°'), [japanese]);
        // Swedish opens with ”; a closing “ (German) goes with the word before it.
        assert_eq!(face("は ”Sverige” と", '”'), [latin, latin]);
        assert_eq!(face("は„Wir“。", '“'), [latin]);
        // No word near: as before; and the other shared signs are Japanese wherever they stand.
        assert_eq!(face("“ ”", '“'), [japanese]);
        assert_eq!(face("3×4 EU", '×'), [japanese]);
    }

    #[test]
    fn japanese_text_takes_the_signs_of_japanese_documents_from_the_japanese_face() {
        // text46a F46a-1: the reference mark, arrows, ℃ and the line marks came from the Latin
        // faces, narrow, in Japanese text.
        let book = FontBook::builtin();
        for c in ['※', '○', '→', '⇒', '≒', '≦', '℃', '№', '℡', '‰', '☆', '♪', 'Ⅳ', '\u{212B}']
        {
            let face = book.face_for_japanese(c, FontStyle::REGULAR).unwrap();
            assert_eq!(book.source(face).name, "IPAexGothic", "{c}");
        }
        // Greek letters and the middle dot stay Latin.
        for c in ['α', 'Ω', '·', 'Å'] {
            let face = book.face_for_japanese(c, FontStyle::REGULAR).unwrap();
            assert_ne!(book.source(face).name, "IPAexGothic", "{c}");
        }
    }

    #[test]
    fn a_series_of_numbered_signs_comes_from_one_face() {
        // text46a F46a-10: ①–⑩ came from DejaVu Sans, ⑪ on from IPAexGothic.
        let book = FontBook::builtin();
        let name = |face: Option<FaceId>| book.source(face.unwrap()).name.clone();
        for style in [FontStyle::REGULAR, FontStyle::BOLD] {
            for c in ['①', '⑩', '⑪', '⑳', '㉑', '㊿', '❶', '❿', '⓫', 'ⓐ'] {
                assert_eq!(name(book.face_for(c, style)), "IPAexGothic", "{c}");
                assert_eq!(name(book.face_for_japanese(c, style)), "IPAexGothic", "{c}");
            }
            // Only DejaVu Sans has ➀–➉ and ➊–➓, each series whole: from it in any text.
            for c in ['➀', '➉', '➊', '➓'] {
                assert_eq!(name(book.face_for(c, style)), "DejaVuSans", "{c}");
                assert_eq!(name(book.face_for_japanese(c, style)), "DejaVuSans", "{c}");
            }
        }
    }

    #[test]
    fn fallback_chain_picks_japanese_face_for_kana() {
        let book = FontBook::builtin();
        let latin = book.face_for('a', FontStyle::BOLD).unwrap();
        assert_eq!(book.source(latin).name, "NotoSans-Bold");
        let kana = book.face_for('か', FontStyle::BOLD).unwrap();
        assert_eq!(book.source(kana).name, "IPAexGothic");
    }

    #[test]
    fn widths_come_from_the_font() {
        let book = FontBook::builtin();
        let m = book.metrics(FaceId(0)).unwrap();
        assert!(m.char_width('W') > m.char_width('i'));
        assert!(m.char_width(' ') > 0.1);
    }

    #[test]
    fn subset_keeps_only_requested_glyphs() {
        let book = FontBook::builtin();
        let m = book.metrics(FaceId(0)).unwrap();
        let mut glyphs: Vec<u16> = "Briefing".chars().filter_map(|c| m.glyph(c)).collect();
        glyphs.sort();
        glyphs.dedup();
        let cmap: Vec<(u32, u16)> = glyphs.iter().enumerate().map(|(i, _)| (0x41 + i as u32, i as u16 + 1)).collect();
        let data = book.subset(FaceId(0), &glyphs, &cmap).unwrap();
        assert!(data.len() < 20_000, "subset is {} bytes", data.len());
        let font = ReadScope::new(&data).read::<OpenTypeFont<'_>>().unwrap();
        let p = font.table_provider(0).unwrap();
        let maxp = ReadScope::new(&p.read_table_data(tag::MAXP).unwrap()).read::<MaxpTable>().unwrap();
        assert_eq!(usize::from(maxp.num_glyphs), glyphs.len() + 1);
        // No hinting is left: no hinting tables, and no glyph carries instructions.
        let tags = p.table_tags().unwrap();
        for t in [tag::FPGM, tag::PREP, tag::CVT, tag::NAME] {
            assert!(!tags.contains(&t), "{} kept", tag::DisplayTag(t));
        }
        let head = ReadScope::new(&p.read_table_data(tag::HEAD).unwrap()).read::<HeadTable>().unwrap();
        let loca_data = p.read_table_data(tag::LOCA).unwrap();
        let loca = ReadScope::new(&loca_data)
            .read_dep::<allsorts::tables::loca::LocaTable<'_>>((usize::from(maxp.num_glyphs), head.index_to_loc_format))
            .unwrap();
        let glyf_data = p.read_table_data(tag::GLYF).unwrap();
        let mut glyf = ReadScope::new(&glyf_data).read_dep::<allsorts::tables::glyf::GlyfTable<'_>>(&loca).unwrap();
        for r in glyf.records_mut() {
            r.parse().unwrap();
            if let allsorts::tables::glyf::GlyfRecord::Parsed(allsorts::tables::glyf::Glyph::Simple(g)) = r {
                assert!(g.instructions.is_empty());
            }
        }
        // The cmap maps characters to the subset's own glyph ids.
        let rt = rusttype::Font::from_bytes(data).unwrap();
        assert_eq!(rt.glyph('A').id().0, 1);
        assert_eq!(rt.glyph('B').id().0, 2);
    }
}
