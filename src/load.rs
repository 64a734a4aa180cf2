//! Reading YAML input: bytes → spanned YAML tree → serde types, with limits and positions.
//!
//! (skeleton: to be implemented)

use crate::diag::Span;

/// A value together with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub span: Span,
    pub value: T,
}

// Placeholder so the skeleton compiles; the real implementation reads the span from the loader.
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Spanned<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Spanned {
            span: Span::default(),
            value: T::deserialize(d)?,
        })
    }
}

/// Limits on input (placeholder).
#[derive(Debug, Clone, Default)]
pub struct Limits;

/// TEMPORARY stand-in until the real loader lands: serde_yaml, no spans.
pub fn load<T: serde::de::DeserializeOwned + Default>(
    file: &crate::diag::SourceFile,
    _limits: &Limits,
) -> (T, Vec<crate::diag::Diagnostic>) {
    match serde_yaml::from_str(&file.text) {
        Ok(v) => (v, vec![]),
        Err(e) => (
            T::default(),
            vec![crate::diag::Diagnostic {
                span: None,
                path: String::new(),
                message: e.to_string(),
                help: None,
            }],
        ),
    }
}
