//! Images for the PDF (a template's logo): JPEG passed through as it is, PNG decoded to 8-bit
//! samples with its transparency kept as a soft mask. (genpdf's own image support would pull
//! in an old `image` crate and refuses PNGs with an alpha channel.)

/// A decoded image, ready to embed.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub kind: ImageKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImageKind {
    /// A baseline or progressive JPEG file, embedded unchanged (DCTDecode).
    Jpeg { data: Vec<u8>, components: u8 },
    /// 8-bit samples: 1 (grey) or 3 (RGB) per pixel, and an optional alpha plane; and the PNG
    /// file as it was read, which the web page shows as it is.
    Samples { data: Vec<u8>, components: u8, alpha: Option<Vec<u8>>, file: Vec<u8> },
}

impl Image {
    /// Height over width.
    pub fn aspect(&self) -> f32 {
        self.height as f32 / self.width.max(1) as f32
    }
}

/// The most pixels an image may have (a logo of 5000 × 5000 is far beyond what a page
/// shows): its size is checked before anything is allocated for it, so a few bytes that claim
/// a huge image cannot exhaust memory.
pub const MAX_PIXELS: u64 = 25_000_000;

/// The longest side an image may have: a logo is drawn a few centimetres wide, and the page
/// images' renderer keeps a side in 16 bits (a PNG 65,536 pixels tall made it panic).
pub const MAX_SIDE: u32 = 16_384;

fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("the image has no pixels".into());
    }
    if width.max(height) > MAX_SIDE {
        return Err(format!("the image is {width} × {height} pixels; a logo's sides may be at most {MAX_SIDE}"));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "the image is {width} × {height} pixels; a logo may have at most {} million",
            MAX_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

/// Reads a PNG or JPEG file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Image, String> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        decode_png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        decode_jpeg(bytes)
    } else {
        Err("not a PNG or JPEG file".into())
    }
}

fn decode_png(bytes: &[u8]) -> Result<Image, String> {
    let mut decoder = png::Decoder::new_with_limits(bytes, png::Limits { bytes: 64 * 1024 * 1024 });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("bad PNG: {e}"))?;
    let (width, height) = (reader.info().width, reader.info().height);
    check_size(width, height)?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).map_err(|e| format!("bad PNG: {e}"))?;
    buf.truncate(info.buffer_size());
    let (components, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err("unexpected indexed PNG after expansion".into()),
    };
    let (data, alpha) = if has_alpha {
        let stride = components + 1;
        let mut data = Vec::with_capacity(buf.len() / stride * components);
        let mut alpha = Vec::with_capacity(buf.len() / stride);
        for px in buf.chunks_exact(stride) {
            data.extend_from_slice(&px[..components]);
            alpha.push(px[components]);
        }
        // A fully opaque alpha channel needs no mask.
        let alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
        (data, alpha)
    } else {
        (buf, None)
    };
    Ok(Image {
        width: info.width,
        height: info.height,
        kind: ImageKind::Samples { data, components: components as u8, alpha, file: bytes.to_vec() },
    })
}

/// Finds the frame header (SOF) for size and number of components.
fn decode_jpeg(bytes: &[u8]) -> Result<Image, String> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return Err("bad JPEG: marker expected".into());
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let seg = bytes.get(i + 4..i + 2 + len).ok_or("bad JPEG: truncated frame header")?;
            if seg.len() < 6 {
                return Err("bad JPEG: short frame header".into());
            }
            let height = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let width = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            let components = seg[5];
            check_size(width, height)?;
            if components == 4 {
                // PDF/A allows CMYK only with a CMYK output intent; briefings use sRGB.
                return Err(
                    "it is a CMYK JPEG; a PDF/A with an sRGB output intent takes RGB or grey: save it as RGB".into()
                );
            }
            if !matches!(components, 1 | 3) {
                return Err("bad JPEG: unsupported colour components".into());
            }
            return Ok(Image { width, height, kind: ImageKind::Jpeg { data: bytes.to_vec(), components } });
        }
        i += 2 + len;
    }
    Err("bad JPEG: no frame header".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(color: png::ColorType, pixels: &[u8], w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(pixels).unwrap();
        drop(writer);
        out
    }

    #[test]
    fn png_alpha_becomes_a_mask() {
        let data = png(png::ColorType::Rgba, &[255, 0, 0, 128, 0, 255, 0, 255], 2, 1);
        let img = decode(&data).unwrap();
        assert_eq!((img.width, img.height), (2, 1));
        let ImageKind::Samples { data, components, alpha, .. } = img.kind else { panic!() };
        assert_eq!(components, 3);
        assert_eq!(data, [255, 0, 0, 0, 255, 0]);
        assert_eq!(alpha, Some(vec![128, 255]));
    }

    #[test]
    fn opaque_png_has_no_mask() {
        let data = png(png::ColorType::Rgba, &[1, 2, 3, 255], 1, 1);
        let ImageKind::Samples { alpha, .. } = decode(&data).unwrap().kind else { panic!() };
        assert_eq!(alpha, None);
    }

    #[test]
    fn jpeg_size_comes_from_the_frame_header() {
        // SOI, APP0 (len 4), SOF0 (len 11: 8 bits, 20 high, 30 wide, 3 components…), EOI.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x14, 0x00, 0x1E, 0x03,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xFF, 0xD9,
        ];
        let img = decode(&jpeg).unwrap();
        assert_eq!((img.width, img.height), (30, 20));
        assert!(matches!(img.kind, ImageKind::Jpeg { components: 3, .. }));
    }

    #[test]
    fn a_huge_image_is_refused_before_anything_is_allocated() {
        // A PNG header claiming 100000 × 100000 pixels, with no data to speak of.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        let chunk = |png: &mut Vec<u8>, body: &[u8]| {
            png.extend_from_slice(&(body.len() as u32 - 4).to_be_bytes());
            png.extend_from_slice(body);
            let mut crc = flate2::Crc::new();
            crc.update(body);
            png.extend_from_slice(&crc.sum().to_be_bytes());
        };
        png.truncate(8);
        chunk(&mut png, &ihdr);
        chunk(&mut png, b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01");
        chunk(&mut png, b"IEND");
        assert!(png.len() < 80, "{} bytes", png.len());
        let e = decode(&png).unwrap_err();
        assert!(e.contains("100000 × 100000"), "{e}");
        let jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, 1, 0x11, 0, 0xFF, 0xD9];
        assert!(decode(&jpeg).unwrap_err().contains("65535 × 65535"));
    }

    #[test]
    fn other_files_are_refused() {
        assert!(decode(b"GIF89a").is_err());
        assert!(decode(&[0xFF, 0xD8, 0x00]).is_err());
    }
}
