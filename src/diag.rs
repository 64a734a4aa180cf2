//! Diagnostics that point at the user's file: `FILE:LINE:COL: error: message`, the source line
//! and a caret under the spot.
//!
//! (skeleton: to be implemented)

/// A byte range in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the file; `None` for problems with the file as a whole (empty, too large, …).
    pub span: Option<Span>,
    /// Field path such as `topics[2].body`; empty for the document root.
    pub path: String,
    pub message: String,
    /// An optional hint shown under the snippet (`did you mean 'title'?` lives in `message`).
    pub help: Option<String>,
}

/// An input file held in memory, with the name it is shown under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    /// TEMP placeholder.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        (
            before.matches('\n').count() + 1,
            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        )
    }
}
