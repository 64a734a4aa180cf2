//! Plain scalars as the YAML 1.2 core schema reads them: booleans, integers and floats.

pub(in crate::load) fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// YAML 1.2 core schema integers: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
pub(in crate::load) fn parse_int(text: &str) -> Option<i128> {
    let radix = |digits: &str, radix| i128::from_str_radix(digits, radix).ok();
    if let Some(hex) = text.strip_prefix("0x") {
        return hex.bytes().all(|b| b.is_ascii_hexdigit()).then(|| radix(hex, 16)).flatten();
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return oct.bytes().all(|b| (b'0'..=b'7').contains(&b)).then(|| radix(oct, 8)).flatten();
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    radix(text, 10)
}

/// YAML 1.2 core schema floats (integers included), `.inf` and `.nan` in their spellings.
pub(in crate::load) fn parse_float(text: &str) -> Option<f64> {
    match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    if let Some(i) = parse_int(text) {
        return Some(i as f64);
    }
    let ok = text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if ok {
        text.parse().ok()
    } else {
        None
    }
}
