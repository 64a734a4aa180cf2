//! Table rows as written, counted: a row with cells past its header loses them, and
//! validation says so (see [`super::Unprinted::rows`]).

/// How many cells a table row is written with: its `|`s that are not escaped (`\|`), less
/// those at its ends, plus one.
pub(super) fn cells_written(row: &str) -> usize {
    let row = row.lines().next().unwrap_or("").trim();
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, c) in row.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => pipes.push(i),
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    let leading = pipes.first() == Some(&0);
    let trailing = pipes.last().is_some_and(|&p| p + 1 == row.len()) && row.len() > 1;
    pipes.len() + 1 - usize::from(leading) - usize::from(trailing)
}

/// The cells of a row as written that hold text: up to its last cell that is not empty (an
/// empty cell past the header loses nothing).
pub(super) fn cells_with_text(row: &str) -> usize {
    let row = row.lines().next().unwrap_or("").trim();
    let mut cells = Vec::new();
    let (mut escaped, mut start) = (false, 0);
    for (i, c) in row.char_indices() {
        if c == '|' && !escaped {
            cells.push(&row[start..i]);
            start = i + 1;
        }
        escaped = c == '\\' && !escaped;
    }
    cells.push(&row[start..]);
    if cells.first().is_some_and(|c| c.trim().is_empty()) && row.starts_with('|') {
        cells.remove(0);
    }
    cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |p| p + 1)
}
