//! English wording shared by messages: a list of things said as one says it.

/// `a`, `a and b`, `a, b and c`: `items` joined with commas and a last "and".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// [`and_list`] of at most `most` of `items`, the rest counted: `1, 2, 3 and 7 more`.
pub fn and_list_at_most<S: AsRef<str>>(items: &[S], most: usize) -> String {
    if items.len() <= most {
        return and_list(items);
    }
    let shown = most.saturating_sub(1);
    let mut parts: Vec<String> = items[..shown].iter().map(|s| s.as_ref().to_string()).collect();
    parts.push(format!("{} more", items.len() - shown));
    and_list(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_with_commas_and_one_and() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["en"]), "en");
        assert_eq!(and_list(&["en", "ja"]), "en and ja");
        assert_eq!(and_list(&["en", "ja", "fr", "de"]), "en, ja, fr and de");
        let numbers: Vec<String> = (1..=12).map(|n| n.to_string()).collect();
        assert_eq!(and_list_at_most(&numbers, 10), "1, 2, 3, 4, 5, 6, 7, 8, 9 and 3 more");
        assert_eq!(and_list_at_most(&numbers[..10], 10), "1, 2, 3, 4, 5, 6, 7, 8, 9 and 10");
    }
}
