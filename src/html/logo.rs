//! The template's logo on the web page: inside the one file, as a `data:` URI (the page
//! fetches nothing), the PNG or JPEG file as it was read.

use crate::pdf::{Image, ImageKind};

/// `image` as a `data:` URI for an `img` element's `src`.
pub fn data_uri(image: &Image) -> String {
    let (mime, bytes) = match &image.kind {
        ImageKind::Jpeg { data, .. } => ("image/jpeg", data),
        ImageKind::Samples { file, .. } => ("image/png", file),
    };
    let mut out = String::with_capacity(32 + bytes.len().div_ceil(3) * 4);
    out.push_str("data:");
    out.push_str(mime);
    out.push_str(";base64,");
    base64_into(&mut out, bytes);
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

    /// A logo is shown as its file was read: not drawn again from its samples (a 5,000-pixel
    /// square PNG of 7 MB came out as a PNG of 75 MB, the page 95 MB).
    #[test]
    fn a_logo_is_its_file_as_read() {
        let mut file = Vec::new();
        let mut encoder = png::Encoder::new(&mut file, 2, 1);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[255, 0, 0, 128, 0, 0, 255, 255]).unwrap();
        drop(writer);
        let uri = data_uri(&crate::pdf::decode_image(&file).unwrap());
        let coded = uri.strip_prefix("data:image/png;base64,").unwrap();
        let mut expected = String::new();
        base64_into(&mut expected, &file);
        assert_eq!(coded, expected);
        let jpeg = Image { width: 1, height: 1, kind: ImageKind::Jpeg { data: vec![0xFF, 0xD8, 1], components: 3 } };
        assert_eq!(data_uri(&jpeg), "data:image/jpeg;base64,/9gB");
    }
}
