//! A compact sRGB ICC profile (version 2.1, display class) for the PDF/A output intent.
//!
//! The profile is built here from the published sRGB constants (IEC 61966-2-1: the D50-adapted
//! primaries and white point every sRGB profile carries, and the sRGB tone curve sampled at 64
//! points), so no third-party profile file is copied into the project. Like the rest of this
//! code it is MIT OR Apache-2.0; its copyright tag says so.

/// Big-endian s15Fixed16 of `v`.
fn s15(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz_tag(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        t.extend_from_slice(&s15(v));
    }
    t
}

/// The sRGB transfer function: encoded value → linear light.
fn srgb_to_linear(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// The profile's bytes.
pub fn srgb() -> Vec<u8> {
    const DESCRIPTION: &[u8] = b"sRGB IEC61966-2.1";
    let mut desc = b"desc\0\0\0\0".to_vec();
    desc.extend_from_slice(&(DESCRIPTION.len() as u32 + 1).to_be_bytes());
    desc.extend_from_slice(DESCRIPTION);
    desc.push(0);
    // No Unicode or ScriptCode description: language and counts zero, 67 bytes of ScriptCode.
    desc.extend_from_slice(&[0; 4 + 4 + 2 + 1 + 67]);
    let mut cprt = b"text\0\0\0\0".to_vec();
    cprt.extend_from_slice(b"briefing project, MIT OR Apache-2.0\0");
    const POINTS: u32 = 64;
    let mut curve = b"curv\0\0\0\0".to_vec();
    curve.extend_from_slice(&POINTS.to_be_bytes());
    for i in 0..POINTS {
        let v = srgb_to_linear(f64::from(i) / f64::from(POINTS - 1));
        curve.extend_from_slice(&((v * 65535.0).round() as u16).to_be_bytes());
    }
    // (signature, data); the three tone curves share one.
    let tags: [(&[u8; 4], Vec<u8>); 7] = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz_tag(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz_tag(0.436_07, 0.222_49, 0.013_92)),
        (b"gXYZ", xyz_tag(0.385_15, 0.716_87, 0.097_08)),
        (b"bXYZ", xyz_tag(0.143_07, 0.060_61, 0.714_10)),
        (b"rTRC", curve),
    ];
    let count = tags.len() + 2;
    let mut table = Vec::new();
    let mut data: Vec<u8> = Vec::new();
    let start = 128 + 4 + 12 * count;
    let mut curve_at = (0, 0);
    for (sig, bytes) in &tags {
        while !data.len().is_multiple_of(4) {
            data.push(0);
        }
        let at = (start + data.len()) as u32;
        table.push((**sig, at, bytes.len() as u32));
        if *sig == b"rTRC" {
            curve_at = (at, bytes.len() as u32);
        }
        data.extend_from_slice(bytes);
    }
    table.push((*b"gTRC", curve_at.0, curve_at.1));
    table.push((*b"bTRC", curve_at.0, curve_at.1));
    while !data.len().is_multiple_of(4) {
        data.push(0);
    }
    let size = (start + data.len()) as u32;

    let mut out = Vec::with_capacity(size as usize);
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&[0; 4]); // preferred CMM: none
    out.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    out.extend_from_slice(b"mntrRGB XYZ ");
    // Creation date: fixed, so that the same input gives the same bytes.
    for v in [2026u16, 1, 1, 0, 0, 0] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(b"acsp");
    out.extend_from_slice(&[0; 4 + 4 + 4 + 4 + 8]); // platform, flags, manufacturer, model, attributes
    out.extend_from_slice(&0u32.to_be_bytes()); // perceptual
    for v in [0.9642, 1.0, 0.8249] {
        out.extend_from_slice(&s15(v)); // the PCS illuminant, D50
    }
    out.extend_from_slice(&[0; 4 + 16 + 28]); // creator, profile id (none in version 2), reserved
    out.extend_from_slice(&(count as u32).to_be_bytes());
    for (sig, at, len) in &table {
        out.extend_from_slice(sig);
        out.extend_from_slice(&at.to_be_bytes());
        out.extend_from_slice(&len.to_be_bytes());
    }
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
    }

    #[test]
    fn the_profile_is_a_well_formed_rgb_display_profile() {
        let p = srgb();
        assert_eq!(u32_at(&p, 0) as usize, p.len());
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        let count = u32_at(&p, 128) as usize;
        let mut sigs = Vec::new();
        for i in 0..count {
            let e = 132 + 12 * i;
            let (at, len) = (u32_at(&p, e + 4) as usize, u32_at(&p, e + 8) as usize);
            assert_eq!(at % 4, 0);
            assert!(at + len <= p.len());
            sigs.push(String::from_utf8_lossy(&p[e..e + 4]).into_owned());
        }
        for sig in ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"] {
            assert!(sigs.iter().any(|s| s == sig), "{sig} missing");
        }
        assert!(p.len() < 1024, "{} bytes", p.len());
    }

    #[test]
    fn the_tone_curve_is_srgb() {
        assert!(srgb_to_linear(0.0).abs() < 1e-9);
        assert!((srgb_to_linear(1.0) - 1.0).abs() < 1e-9);
        assert!((srgb_to_linear(0.5) - 0.214).abs() < 0.001);
    }
}
