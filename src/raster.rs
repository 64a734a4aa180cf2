//! PDF pages to PNG images, in-process (the `png` format and the editor's preview). Pure: the
//! same PDF and resolution give the same bytes. Rasterised with `hayro` (pure Rust, no
//! system library), encoded with `png`.
//!
//! Our PDFs embed every font they use (Type 0 subsets), so no fonts or CMaps are compiled in
//! for the renderer: a font that is not embedded draws nothing rather than a stand-in.

use std::sync::Arc;

use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::vello_cpu::{Pixmap, RasterizerSettings, RenderContext, Resources, TargetInit};
use hayro::{RenderCache, RenderSettings};

/// The resolutions accepted, in pixels per inch (600 is print quality; an A4 page at 600 ppi
/// is drawn in under a second with under 300 MB).
pub const PPI_RANGE: std::ops::RangeInclusive<f32> = 9.0..=600.0;

/// The largest image made, in pixels (an A4 page at 600 ppi is about 35 million): one page's
/// drawing stays within a few hundred megabytes.
const MAX_PIXELS: u64 = 40_000_000;

/// The most pixels drawn at one time, on all threads: the largest pages on two, pages of a
/// tenth of that on twenty (each thread's drawing takes up to about eight bytes a pixel).
const AT_ONCE: u64 = 2 * MAX_PIXELS;

/// The most pixels one run draws, over all its pages (every language, every input of a
/// batch): about 200 A4 pages at 144 ppi, or 11 at 600. Drawing runs at roughly 100 million
/// pixels a second on one core, so this keeps any run within the README's promise of 10
/// seconds; as each image is written as it is made, memory holds one page's drawing a thread
/// ([`AT_ONCE`]).
pub const MAX_TOTAL_PIXELS: u64 = 400_000_000;

/// Images up to this many pixels (an A4 page up to about 80 ppi: previews, thumbnails) are
/// compressed hard, which costs a few milliseconds at that size and halves the file; larger
/// ones fast (an A4 page at 144 ppi in about 10 ms rather than 100), as the editor redraws
/// its preview on every pause in typing.
const SMALL: u32 = 600_000;

#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("not a PDF that can be read")]
    NotPdf,
    #[error("the PDF has no pages")]
    NoPages,
    #[error("{0} ppi is not a resolution pages can be drawn at (from {min} to {max})", min = PPI_RANGE.start(), max = PPI_RANGE.end())]
    Ppi(f32),
    #[error(
        "page {page} would be {width} × {height} pixels at {ppi} ppi, more than the {} million one image holds; \
         at most --ppi {fits} for this page size",
        MAX_PIXELS / 1_000_000
    )]
    TooLarge { page: usize, width: u64, height: u64, ppi: f32, fits: u32 },
    #[error(
        "{pages} pages at {ppi} ppi would be {} million pixels, more than the {} million one run draws \
         (about 200 A4 pages at 144 ppi); write the PDF, or page images at a lower --ppi",
        // (Rounded up: "400 million, more than the 400 million" read as a contradiction,
        // text29 F29b-6.)
        total.div_ceil(1_000_000), MAX_TOTAL_PIXELS / 1_000_000
    )]
    TooManyPixels { pages: usize, ppi: f32, total: u64 },
    #[error("PNG encoding: {0}")]
    Png(#[from] png::EncodingError),
}

/// Each page of `pdf` as a PNG at `ppi` pixels per inch, on white, in page order: all of
/// them at once, within [`MAX_TOTAL_PIXELS`].
pub fn pages_to_png(pdf: &[u8], ppi: f32) -> Result<Vec<Vec<u8>>, RasterError> {
    PageImages::new(pdf.to_vec(), ppi)?.all()
}

/// Refuses `pages` at `ppi` of `pixels` in all, when more than one run draws.
pub fn within_budget(pages: usize, ppi: f32, pixels: u64) -> Result<(), RasterError> {
    if pixels > MAX_TOTAL_PIXELS {
        return Err(RasterError::TooManyPixels { pages, ppi, total: pixels });
    }
    Ok(())
}

/// The pages of a PDF to be drawn as PNGs, measured but not drawn yet: a run adds up what all
/// its images will cost ([`PageImages::pixels`]) and refuses too many ([`within_budget`])
/// before it draws any, then draws them one page at a time, each handed over as it is made
/// ([`PageImages::draw`]), so that a run holds one image at a time, not all.
#[derive(Debug, Clone)]
pub struct PageImages {
    pdf: Arc<Vec<u8>>,
    ppi: f32,
    /// Each page's size in points, then in pixels.
    sizes: Vec<(f32, f32, u64, u64)>,
    /// The name of the briefing they are pages of, which each carries ([`is_ours`]).
    source: String,
}

impl PageImages {
    /// The pages of `pdf` at `ppi`, each checked to make an image of a size that can be drawn.
    pub fn new(pdf: Vec<u8>, ppi: f32) -> Result<PageImages, RasterError> {
        if !PPI_RANGE.contains(&ppi) {
            return Err(RasterError::Ppi(ppi));
        }
        let pdf = Arc::new(pdf);
        let parsed = Pdf::new(pdf.clone()).map_err(|_| RasterError::NotPdf)?;
        let pages = parsed.pages();
        if pages.is_empty() {
            return Err(RasterError::NoPages);
        }
        let scale = ppi / 72.0;
        let mut sizes = Vec::with_capacity(pages.len());
        for (i, page) in pages.iter().enumerate() {
            let (w, h) = page.render_dimensions();
            let (width, height) = ((w * scale).round() as u64, (h * scale).round() as u64);
            if width == 0
                || height == 0
                || width > u16::MAX as u64
                || height > u16::MAX as u64
                || width * height > MAX_PIXELS
            {
                // (The highest whole ppi the page fits in at: text40b F40b-12, no hint.)
                let pixels = |ppi: u32| {
                    let s = ppi as f32 / 72.0;
                    ((w * s).round() as u64).saturating_mul((h * s).round() as u64)
                };
                let fits = (1..=*PPI_RANGE.end() as u32).rev().find(|&p| pixels(p) <= MAX_PIXELS).unwrap_or(0);
                return Err(RasterError::TooLarge { page: i + 1, width, height, ppi, fits });
            }
            sizes.push((w, h, width, height));
        }
        Ok(PageImages { pdf, ppi, sizes, source: String::new() })
    }

    /// These pages, each marked as a page of the briefing named `source` (its file's name).
    pub fn of(self, source: &str) -> PageImages {
        PageImages { source: source.to_string(), ..self }
    }

    /// The name of the briefing they are pages of.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The resolution they are drawn at.
    pub fn ppi(&self) -> f32 {
        self.ppi
    }

    /// How many images.
    pub fn count(&self) -> usize {
        self.sizes.len()
    }

    /// How many pixels they have together.
    pub fn pixels(&self) -> u64 {
        self.sizes.iter().map(|&(_, _, w, h)| w * h).sum()
    }

    /// Every image, drawn and held together, when they are within what one run draws.
    pub fn all(self) -> Result<Vec<Vec<u8>>, RasterError> {
        within_budget(self.count(), self.ppi, self.pixels())?;
        let mut images = Vec::with_capacity(self.count());
        self.draw(|_, png| {
            images.push(png);
            Ok::<_, RasterError>(())
        })?;
        Ok(images)
    }

    /// Draws each page and hands its PNG to `each` with its index, in page order; an error
    /// from `each` stops the drawing. Pages are drawn on up to as many threads as the machine
    /// has cores (text45b F45b-5: on one, 3.6 MB at 4 pt took 15 s), each on a canvas of its
    /// own, taking every n-th page; a thread draws its next page only once its last one has
    /// been handed over, so no more than two images a thread are held at once.
    pub fn draw<E: From<RasterError>>(self, each: impl FnMut(usize, Vec<u8>) -> Result<(), E>) -> Result<(), E> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let largest = self.sizes.iter().map(|&(_, _, w, h)| w * h).max().unwrap_or(1).max(1);
        let fit = usize::try_from(AT_ONCE / largest).unwrap_or(usize::MAX).max(1);
        let threads = cores.min(fit).min(self.count());
        self.draw_with(threads, each)
    }

    /// [`PageImages::draw`] on `threads` threads (one: this one).
    fn draw_with<E: From<RasterError>>(
        self,
        threads: usize,
        mut each: impl FnMut(usize, Vec<u8>) -> Result<(), E>,
    ) -> Result<(), E> {
        if threads <= 1 {
            return self.draw_on(&mut None, 0, 1, |i, png| each(i, png?));
        }
        let count = self.count();
        std::thread::scope(|s| {
            let handed: Vec<_> = (0..threads)
                .map(|first| {
                    // (Room for one image: the thread draws the next while this one waits.)
                    let (give, take) = std::sync::mpsc::sync_channel::<Result<Vec<u8>, RasterError>>(1);
                    let pages = self.clone();
                    s.spawn(move || {
                        // A send fails once the pages are no longer wanted: the thread stops.
                        let _ = pages.draw_on(&mut None, first, threads, |_, png| give.send(png).map_err(|_| Stop));
                    });
                    take
                })
                .collect();
            for i in 0..count {
                // (A thread that stopped without its page: a panic, which `scope` passes on.)
                let Ok(png) = handed[i % threads].recv() else { break };
                each(i, png?)?;
            }
            Ok(())
        })
    }

    /// Draws pages `first`, `first + step`, … in order on `canvas` (made at the first) and
    /// hands each to `each` with its index; a page that cannot be drawn is handed as its
    /// error, and drawing goes on only while `each` returns `Ok`.
    fn draw_on<E>(
        &self,
        canvas: &mut Option<Canvas>,
        first: usize,
        step: usize,
        mut each: impl FnMut(usize, Result<Vec<u8>, RasterError>) -> Result<(), E>,
    ) -> Result<(), E> {
        let pdf = match Pdf::new(self.pdf.clone()) {
            Ok(pdf) => pdf,
            Err(_) => return each(first, Err(RasterError::NotPdf)),
        };
        let settings = settings();
        let render = RenderSettings { hinting: false, ..RenderSettings::default() };
        let cache = RenderCache::new();
        #[cfg(test)]
        tests::DRAWERS.lock().unwrap().push((self.source.clone(), std::thread::current().id()));
        let pages = pdf.pages().iter().zip(&self.sizes).enumerate().skip(first).step_by(step.max(1));
        for (i, (page, &(w, h, width, height))) in pages {
            let Canvas { ctx, pixmap, resources, .. } = Canvas::sized(canvas, width as u16, height as u16);
            let transform = hayro::kurbo::Affine::scale_non_uniform(width as f64 / w as f64, height as f64 / h as f64)
                * page.initial_transform(true).to_kurbo();
            hayro::render_into(page, &cache, &settings, &render, ctx, transform);
            ctx.flush();
            let target = RasterizerSettings { target_init: TargetInit::Clear(WHITE), ..Default::default() };
            ctx.render_with(&mut *pixmap, resources, target);
            let png = encode(pixmap, self.ppi, &self.source);
            let failed = png.is_err();
            each(i, png)?;
            if failed {
                break;
            }
        }
        Ok(())
    }
}

/// A drawing thread's page is no longer wanted.
struct Stop;

/// What a page is drawn on: the renderer's state and the image, made once for a run's pages
/// and cleared for each (text45b F45b-5: made anew for each page, their hundreds of megabytes
/// were each zeroed and handed back to the system, a fifth of the time).
struct Canvas {
    ctx: RenderContext,
    pixmap: Pixmap,
    resources: Resources,
    /// How many images' memory it has taken (once, unless a page is larger than the last).
    grown: usize,
}

impl Canvas {
    /// The canvas in `slot`, for a page of `width` × `height` pixels.
    fn sized(slot: &mut Option<Canvas>, width: u16, height: u16) -> &mut Canvas {
        let canvas = slot.get_or_insert_with(|| Canvas {
            ctx: RenderContext::new(width, height),
            pixmap: Pixmap::new(0, 0),
            resources: Resources::default(),
            grown: 0,
        });
        canvas.ctx.reset_and_resize(width, height);
        let pixels = usize::from(width) * usize::from(height);
        if pixels > canvas.pixmap.capacity() {
            canvas.grown += 1;
        }
        canvas.pixmap.resize(width, height);
        canvas
    }
}

/// What the interpreter needs beyond the PDF: nothing, as our PDFs embed their fonts.
fn settings() -> InterpreterSettings {
    InterpreterSettings {
        font_resolver: Arc::new(|_| None),
        cmap_resolver: Arc::new(|_| None),
        ..InterpreterSettings::default()
    }
}

/// A pixmap on an opaque background as an 8-bit RGB PNG (premultiplied and straight colour
/// are the same when every pixel is opaque), with its resolution recorded. Each row is
/// filtered the way that suits it (anti-aliased text compresses a third smaller so). The
/// pixmap's bytes are made RGB in place, not copied (a large page is 160 MB of RGBA).
fn encode(pixmap: &mut Pixmap, ppi: f32, source: &str) -> Result<Vec<u8>, RasterError> {
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let data = pixmap.data_as_u8_slice_mut();
    let pixels = data.len() / 4;
    // Each pixel's colour moves down to where the RGB image has it (never past a byte still
    // to be read), a byte at a time: a call to copy three bytes took as long as drawing.
    for i in 0..pixels {
        let (from, to) = (4 * i, 3 * i);
        data[to] = data[from];
        data[to + 1] = data[from + 1];
        data[to + 2] = data[from + 2];
    }
    let rgb = &data[..pixels * 3];
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    encoder.set_compression(if width * height <= SMALL { png::Compression::Default } else { png::Compression::Fast });
    encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    let per_metre = (ppi / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    encoder.add_text_chunk(MARK.0.into(), MARK.1.into())?;
    if !source.is_empty() {
        encoder.add_itxt_chunk(SOURCE.into(), source.into())?;
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

/// The text chunk every page image carries, before its image data: a page past a new last
/// one is removed only when it is one of ours (text29 F29b-1, a first build removed the
/// user's own `scan-3.png`).
const MARK: (&str, &str) = ("Software", "briefing");

/// The keyword of the chunk (UTF-8 text) that names the briefing a page is of: a page of
/// `x.el.yaml` is not one of `x.yaml`'s Greek pages, though both are `x.el-2.png` (text30
/// F30b-1).
const SOURCE: &str = "Source";

/// How far into a file [`is_ours`] looks for the mark.
pub const MARK_WITHIN: usize = 1024;

/// Whether `head`, the first bytes of a file, is a page image this tool wrote of the briefing
/// named `source`: [`marked_source`] is `source`.
pub fn is_ours(head: &[u8], source: &str) -> bool {
    marked_source(head).is_some_and(|named| named == source.as_bytes())
}

/// The name of the briefing `head`, the first bytes of a file, is a page image of, when this
/// tool wrote it: PNG's signature, then chunks up to the image data, among them [`MARK`] and
/// the [`SOURCE`] chunk (empty without one: none named, as before text30 F30b-1).
pub fn marked_source(head: &[u8]) -> Option<Vec<u8>> {
    let mut rest = head.strip_prefix(b"\x89PNG\r\n\x1a\n")?;
    let mark = [MARK.0.as_bytes(), b"\0", MARK.1.as_bytes()].concat();
    // (An iTXt chunk: keyword, then no compression, no language and no translated keyword.)
    let keyword = [SOURCE.as_bytes(), b"\0\0\0\0\0"].concat();
    let (mut marked, mut named) = (false, None);
    while let Some((length, kind)) = rest.get(..4).zip(rest.get(4..8)) {
        let length = u32::from_be_bytes([length[0], length[1], length[2], length[3]]) as usize;
        if kind == b"IDAT" {
            break;
        }
        let data = rest.get(8..8 + length)?;
        marked |= kind == b"tEXt" && data == mark.as_slice();
        if kind == b"iTXt" && data.starts_with(&keyword) {
            // (Two names: no one page of either.)
            if named.is_some() {
                return None;
            }
            named = Some(data[keyword.len()..].to_vec());
        }
        // (Past the chunk's data and its four bytes of CRC.)
        rest = rest.get(12 + length..)?;
    }
    marked.then(|| named.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The threads that drew pages, with the name of the briefing they are pages of.
    pub(super) static DRAWERS: std::sync::Mutex<Vec<(String, std::thread::ThreadId)>> =
        std::sync::Mutex::new(Vec::new());

    #[test]
    fn a_run_just_past_the_budget_says_more_than_the_budget() {
        let e = RasterError::TooManyPixels { pages: 330, ppi: 112.0, total: MAX_TOTAL_PIXELS + 400_000 };
        assert!(e.to_string().contains("would be 401 million pixels, more than the 400 million"), "{e}");
    }

    #[test]
    fn every_page_image_carries_the_mark_and_others_do_not() {
        let mut pixmap = Pixmap::new(3, 2);
        let png = encode(&mut pixmap, 72.0, "x.el.yaml").unwrap();
        assert!(is_ours(&png[..MARK_WITHIN.min(png.len())], "x.el.yaml"), "{:?}", &png[..64]);
        // (A page of another briefing of the same output name, or of none named, is not.)
        assert!(!is_ours(&png, "x.yaml") && !is_ours(&png, ""));
        let unnamed = encode(&mut Pixmap::new(3, 2), 72.0, "").unwrap();
        assert!(is_ours(&unnamed, "") && !is_ours(&unnamed, "x.yaml"));
        let mut plain = Vec::new();
        let mut encoder = png::Encoder::new(&mut plain, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.add_text_chunk("Software".into(), "briefingX".into()).unwrap();
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0, 0, 0]).unwrap();
        writer.finish().unwrap();
        assert!(!is_ours(&plain, "") && !is_ours(b"\x89PNG\r\n\x1a\n", "") && !is_ours(b"not a png", ""));
    }

    /// A PDF of `sizes.len()` pages of these sizes in points, each with a square drawn on it.
    fn pdf_of(sizes: &[(u32, u32)]) -> Vec<u8> {
        let n = sizes.len();
        let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        ];
        for (i, (w, h)) in sizes.iter().enumerate() {
            let content = format!("0 0 1 rg {} 10 20 20 re f", 10 + 5 * i);
            objects
                .push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Contents {} 0 R >>", 4 + 2 * i));
            objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
        }
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        let trailer = format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
        out.extend_from_slice(trailer.as_bytes());
        out
    }

    /// A run's pages are drawn on one canvas, whose memory is taken once (again only for a
    /// larger page), not once a page (text45b F45b-5); each image is the one drawn alone.
    #[test]
    fn a_runs_pages_are_drawn_on_one_canvas() {
        let sizes = [(100, 80), (100, 80), (60, 40), (100, 80), (120, 90)];
        let pdf = pdf_of(&sizes);
        let mut canvas = None;
        let mut images = Vec::new();
        let pages = PageImages::new(pdf.clone(), 72.0).unwrap();
        let mut keep = |_, png| {
            images.push(png);
            Ok::<_, RasterError>(())
        };
        pages.draw_on(&mut canvas, 0, 1, |i, png| keep(i, png?)).unwrap();
        assert_eq!(canvas.map(|c| c.grown), Some(2), "the first page, then the larger last one");
        assert_eq!(images.len(), sizes.len());
        for (k, size) in sizes.iter().enumerate() {
            // The same page in a PDF of its own, drawn on a new canvas.
            let alone = pdf_of(&sizes[..=k]);
            let drawn = pages_to_png(&alone, 72.0).unwrap();
            let decoded = |png: &[u8]| {
                let mut reader = png::Decoder::new(std::io::Cursor::new(png.to_vec())).read_info().unwrap();
                let mut buf = vec![0; reader.output_buffer_size()];
                let info = reader.next_frame(&mut buf).unwrap();
                ((info.width, info.height), buf)
            };
            let (dims, pixels) = decoded(&images[k]);
            assert_eq!(dims, *size, "page {}", k + 1);
            assert!(pixels == decoded(&drawn[k]).1, "page {} differs from the page drawn alone", k + 1);
            assert!(pixels.iter().any(|&b| b != 255), "page {}: nothing drawn", k + 1);
        }
    }

    /// Pages drawn on several threads are the pages drawn on one, byte for byte, handed over
    /// in page order; an error from the receiver stops the drawing (text45b F45b-5).
    #[test]
    fn pages_drawn_side_by_side_are_the_pages_drawn_one_by_one() {
        let sizes = [(100, 80), (60, 40), (100, 80), (120, 90), (80, 100), (100, 80), (50, 50)];
        let pages = PageImages::new(pdf_of(&sizes), 72.0).unwrap().of("x.yaml");
        let drawn = |threads: usize| {
            let mut images = Vec::new();
            pages
                .clone()
                .draw_with(threads, |i, png| {
                    assert_eq!(i, images.len(), "in page order");
                    images.push(png);
                    Ok::<_, RasterError>(())
                })
                .unwrap();
            images
        };
        let one = drawn(1);
        assert_eq!(one.len(), sizes.len());
        for threads in [2, 3, 7] {
            assert!(drawn(threads) == one, "{threads} threads");
        }
        // `draw` takes every core there is.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(sizes.len());
        let mut all = Vec::new();
        let keep = |_, png| {
            all.push(png);
            Ok::<_, RasterError>(())
        };
        pages.clone().of("side-by-side.yaml").draw(keep).unwrap();
        assert_eq!(all.len(), one.len());
        let mut drawers = Vec::new();
        for (_, thread) in DRAWERS.lock().unwrap().iter().filter(|(s, _)| s == "side-by-side.yaml") {
            if !drawers.contains(thread) {
                drawers.push(*thread);
            }
        }
        assert_eq!(drawers.len(), cores, "pages drawn on {} threads, with {cores} cores", drawers.len());
        // The receiver says stop after the third: no more are handed over.
        let mut got = 0;
        let stopped = pages.draw_with(3, |i, _| {
            got += 1;
            if i == 2 {
                return Err(RasterError::NoPages);
            }
            Ok(())
        });
        assert!(matches!(stopped, Err(RasterError::NoPages)) && got == 3, "{got}");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(pages_to_png(b"not a pdf at all", 72.0), Err(RasterError::NotPdf)));
        assert!(matches!(pages_to_png(b"", 72.0), Err(RasterError::NotPdf)));
        let mut half = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".to_vec();
        half.extend_from_slice(&[0xff; 64]);
        assert!(pages_to_png(&half, 72.0).is_err());
    }

    #[test]
    fn resolutions_out_of_range_are_refused() {
        for ppi in [0.0, -1.0, f32::NAN, f32::INFINITY, 601.0, 5000.0] {
            assert!(matches!(pages_to_png(b"%PDF-1.7", ppi), Err(RasterError::Ppi(_))), "{ppi}");
        }
    }
}
