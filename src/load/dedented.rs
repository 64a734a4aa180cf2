//! A key typed at the first column inside a nested mapping (`tel:` dedented in the middle of
//! `contact:`): the key is reported where it is, with the mapping it belongs to named; the
//! mapping's lines below it, which YAML can no longer place, are that same slip, not more.

use crate::diag::Diagnostic;

const NOT_LINED_UP: &str = "this line does not line up with the ones above";
const INDENTED_FURTHER: &str = "this key is indented further than";

/// Drops from `diagnostics` what follows from a key of another mapping at the first column:
/// on the indented lines right below it, the errors of lines out of line with the key above
/// them, and unknown fields of the same mapping. The key's error says the lines below belong with it.
pub(super) fn fold_into_dedented_key(source: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut folded = vec![false; diagnostics.len()];
    for i in 0..diagnostics.len() {
        let d = &diagnostics[i];
        let (Some(span), Some(help)) = (d.span, d.help.as_deref()) else { continue };
        let at_first_column = span.start == 0 || source.as_bytes().get(span.start - 1) == Some(&b'\n');
        let Some(belongs) = help.split_once(" is a key of ").map(|(_, rest)| rest.split(':').next().unwrap_or(rest))
        else {
            continue;
        };
        if !d.message.starts_with("unknown field `") || !at_first_column {
            continue;
        }
        // The indented lines right below the key, to the next line at the first column.
        let below_start = source[span.start..].find('\n').map_or(source.len(), |n| span.start + n + 1);
        let mut below_end = below_start;
        for line in source[below_start..].split_inclusive('\n') {
            if !line.trim().is_empty() && !line.starts_with([' ', '\t']) {
                break;
            }
            below_end += line.len();
        }
        let mut last = None;
        for (j, other) in diagnostics.iter().enumerate() {
            let Some(s) = other.span.filter(|s| (below_start..below_end).contains(&s.start)) else { continue };
            let same_mapping = other.message.starts_with("unknown field `")
                && other.help.as_deref().is_some_and(|h| h.contains(&format!(" is a key of {belongs}:")));
            let out_of_line = other.message == NOT_LINED_UP || other.message.starts_with(INDENTED_FURTHER);
            if out_of_line || same_mapping {
                folded[j] = true;
                last = Some(s.start);
            }
        }
        if let Some(at) = last {
            let line = source[..at].matches('\n').count() + 1;
            let help = format!("{help}; the indented lines below it, to line {line}, belong there with it");
            diagnostics[i].help = Some(help);
        }
    }
    let mut keep = folded.iter().map(|f| !f);
    diagnostics.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use crate::diag::SourceFile;
    use crate::load::{load_each, Limits};
    use crate::model::RawBriefing;

    fn problems(text: &str) -> Vec<String> {
        let file = SourceFile::new("t.yaml", text);
        let loaded = load_each::<RawBriefing>(&file, &Limits::default());
        loaded[0]
            .diagnostics
            .iter()
            .map(|d| {
                format!("{} | {}", file.line_col(d.span.map_or(0, |s| s.start)).0, d.help.as_deref().unwrap_or(""))
            })
            .collect()
    }

    const HEAD: &str = "title: T\ndate: 2020-10-06\ntopics:\n  - title: One\n    body: Text.\ncontact:\n";

    #[test]
    fn a_key_dedented_inside_a_mapping_is_one_error() {
        let got = problems(&format!("{HEAD}  division: D\ntel: \"1\"\n  email: x@example.org\n  fax: \"2\"\n"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("8 | `tel` is a key of `contact`"), "{got:?}");
        assert!(got[0].ends_with("the indented lines below it, to line 10, belong there with it"), "{got:?}");
        // As the mapping's last line, it was one error already, and stays so.
        let got = problems(&format!("{HEAD}  division: D\ntel: \"1\"\n"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(!got[0].contains("indented lines below"), "{got:?}");
    }
}
