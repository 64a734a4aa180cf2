//! The template's logo on the web page: inside the one file, as a `data:` URI (the page
//! fetches nothing), a JPEG as it was read, any other image as a PNG of its pixels.

use crate::pdf::{Image, ImageKind};

/// `image` as a `data:` URI for an `img` element's `src`.
pub fn data_uri(image: &Image) -> String {
    let (mime, bytes) = match &image.kind {
        ImageKind::Jpeg { data, .. } => ("image/jpeg", std::borrow::Cow::Borrowed(data.as_slice())),
        ImageKind::Samples { data, components, alpha } => {
            ("image/png", std::borrow::Cow::Owned(png(image.width, image.height, data, *components, alpha.as_deref())))
        }
    };
    let mut out = String::with_capacity(32 + bytes.len().div_ceil(3) * 4);
    out.push_str("data:");
    out.push_str(mime);
    out.push_str(";base64,");
    base64_into(&mut out, &bytes);
    out
}

/// A PNG of 8-bit samples: grey or RGB (`components`), with `alpha` interleaved when there is
/// one.
fn png(width: u32, height: u32, data: &[u8], components: u8, alpha: Option<&[u8]>) -> Vec<u8> {
    use png::ColorType::{Grayscale, GrayscaleAlpha, Rgb, Rgba};
    let n = usize::from(components.max(1));
    let (color, pixels) = match alpha {
        Some(alpha) => {
            let mut pixels = Vec::with_capacity(data.len() + alpha.len());
            for (px, a) in data.chunks_exact(n).zip(alpha) {
                pixels.extend_from_slice(px);
                pixels.push(*a);
            }
            (if n == 1 { GrayscaleAlpha } else { Rgba }, std::borrow::Cow::Owned(pixels))
        }
        None => (if n == 1 { Grayscale } else { Rgb }, std::borrow::Cow::Borrowed(data)),
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    // (The pixels are the decoder's own, of the size it checked: nothing here can fail.)
    if let Ok(mut writer) = encoder.write_header() {
        let _ = writer.write_image_data(&pixels);
    }
    out
}

/// Appends `bytes` in base64 (RFC 4648, padded).
fn base64_into(out: &mut String, bytes: &[u8]) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648s() {
        for (bytes, coded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")]
        {
            let mut out = String::new();
            base64_into(&mut out, bytes.as_bytes());
            assert_eq!(out, coded);
        }
    }

    #[test]
    fn a_logo_with_alpha_is_a_png_of_the_same_pixels() {
        let image = Image {
            width: 2,
            height: 1,
            kind: ImageKind::Samples { data: vec![255, 0, 0, 0, 0, 255], components: 3, alpha: Some(vec![128, 255]) },
        };
        let uri = data_uri(&image);
        let png = uri.strip_prefix("data:image/png;base64,").unwrap();
        assert!(png.starts_with("iVBORw0KGgo"), "{uri}");
        let back = crate::pdf::decode_image(&decoded(png)).unwrap();
        assert_eq!(back, image);
    }

    fn decoded(text: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let six: Vec<u32> = text
            .bytes()
            .filter(|b| *b != b'=')
            .map(|b| ALPHABET.iter().position(|a| *a == b).unwrap() as u32)
            .collect();
        let mut out = Vec::new();
        for c in six.chunks(4) {
            let n = c.iter().enumerate().fold(0, |n, (i, v)| n | v << (18 - 6 * i));
            out.extend_from_slice(&n.to_be_bytes()[1..c.len()]);
        }
        out
    }
}
