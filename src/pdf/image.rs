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
    /// 8-bit samples: 1 (grey) or 3 (RGB) per pixel, and an optional alpha plane.
    Samples { data: Vec<u8>, components: u8, alpha: Option<Vec<u8>> },
}

impl Image {
    /// Height over width.
    pub fn aspect(&self) -> f32 {
        self.height as f32 / self.width.max(1) as f32
    }
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
        kind: ImageKind::Samples { data, components: components as u8, alpha },
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
            if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                return Err("bad JPEG: unsupported size or colour components".into());
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
        let ImageKind::Samples { data, components, alpha } = img.kind else { panic!() };
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
    fn other_files_are_refused() {
        assert!(decode(b"GIF89a").is_err());
        assert!(decode(&[0xFF, 0xD8, 0x00]).is_err());
    }
}
