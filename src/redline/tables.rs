//! Tables compared row by row, and cell by cell in rows paired: as they were, or with columns
//! added, matched to the old ones by their header (text40b F40b-8: a column added marked every
//! cell of the table deleted and inserted, and counted every word twice).

use super::count::Words;
use super::sequences::{align, Step};
use super::words::{diff_inlines, mark_inlines};
use crate::markdown::{Block, Cell, Change};

/// The redline of two tables, or `None` where they cannot be paired column by column: the
/// new one lost a column, or its columns are not the old ones with others added.
pub(super) fn diff_table(old: &Block, new: &Block, words: &mut Words) -> Option<Block> {
    let (Block::Table { header: ah, rows: ar, .. }, Block::Table { aligns, header: bh, rows: br }) = (old, new) else {
        return None;
    };
    // For each new column, the old one it is: the same place where the tables are as wide,
    // else the one under the same header, each taken once, in order.
    let columns: Vec<Option<usize>> = if ah.len() == bh.len() {
        (0..bh.len()).map(Some).collect()
    } else if ah.len() < bh.len() {
        let text = |c: &Cell| c.iter().map(|i| i.text.as_str()).collect::<String>();
        let mut next = 0;
        let columns: Vec<Option<usize>> = bh
            .iter()
            .map(|h| {
                let found = (next < ah.len() && text(&ah[next]) == text(h)).then_some(next);
                next += usize::from(found.is_some());
                found
            })
            .collect();
        if next < ah.len() {
            return None;
        }
        columns
    } else {
        return None;
    };
    // Rows are aligned by the columns both tables have.
    let shared = |row: &[Cell], old: bool| -> Vec<Cell> {
        columns
            .iter()
            .enumerate()
            .filter_map(|(k, m)| m.map(|m| row.get(if old { m } else { k }).cloned().unwrap_or_default()))
            .collect()
    };
    let (old_rows, new_rows): (Vec<Vec<Cell>>, Vec<Vec<Cell>>) =
        (ar.iter().map(|r| shared(r, true)).collect(), br.iter().map(|r| shared(r, false)).collect());
    let row = |old: Option<&[Cell]>, new: Option<&[Cell]>, words: &mut Words| -> Vec<Cell> {
        (0..bh.len())
            .map(|k| {
                let was = columns[k].and_then(|m| old.and_then(|o| o.get(m)));
                let is = new.and_then(|n| n.get(k));
                match (was, is) {
                    (Some(a), Some(b)) => diff_inlines(a, b, words),
                    (None, Some(b)) => mark_inlines(b, Change::Inserted, words),
                    (Some(a), None) => mark_inlines(a, Change::Deleted, words),
                    (None, None) => Cell::default(),
                }
            })
            .collect()
    };
    let mut rows = Vec::new();
    for step in align(&old_rows, &new_rows, words.budget) {
        rows.push(match step {
            Step::Same(i, j) | Step::Pair(i, j) => row(Some(&ar[i]), Some(&br[j]), words),
            Step::Only(Change::Deleted, i) => row(Some(&ar[i]), None, words),
            Step::Only(Change::Inserted, j) => row(None, Some(&br[j]), words),
        });
    }
    Some(Block::Table { aligns: aligns.clone(), header: row(Some(ah), Some(bh), words), rows })
}

/// Cells marked whole.
pub(super) fn mark_cells(cells: &[Cell], change: Change, words: &mut Words) -> Vec<Cell> {
    cells.iter().map(|c| mark_inlines(c, change, words)).collect()
}
