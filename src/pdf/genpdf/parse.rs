//! Reading back what printpdf wrote for a page: one operator per line, in the order genpdf was
//! asked to draw. Each text object and each line becomes a [`Drawn`] in the document's terms:
//! points from the page's bottom-left corner, our font index, and our character codes.

use super::proxy::Slots;
use super::Asked;
use crate::layout::Item;
use crate::pdf::content::{Drawn, Shown, ShownText};
use crate::pdf::embed::Plan;
use crate::pdf::PdfError;

fn unexpected(what: &str, line: &str) -> PdfError {
    PdfError::Backend(format!("unexpected drawing from genpdf: {what}, at {line:?}"))
}

/// A line of content: its operands and operator.
struct Op<'a> {
    line: &'a str,
    operator: &'a str,
    operands: &'a str,
}

impl<'a> Op<'a> {
    fn new(line: &'a str) -> Op<'a> {
        let line = line.trim();
        let (operands, operator) = line.rsplit_once(' ').unwrap_or(("", line));
        Op { line, operator, operands }
    }

    fn numbers<const N: usize>(&self) -> Result<[f32; N], PdfError> {
        let mut out = [0.0; N];
        let mut parts = self.operands.split_ascii_whitespace();
        for o in out.iter_mut() {
            *o = parts.next().and_then(|s| s.parse().ok()).ok_or_else(|| unexpected("a number", self.line))?;
        }
        match parts.next() {
            None => Ok(out),
            Some(_) => Err(unexpected("operand count", self.line)),
        }
    }
}

/// The drawing of each of a page's items (`asked[i]` is what genpdf was asked for item `i`).
pub fn page(
    content: &[u8],
    asked: &[Asked],
    items: &[Item],
    plan: &Plan,
    slots: &Slots,
) -> Result<Vec<Option<Drawn>>, PdfError> {
    let text = std::str::from_utf8(content).map_err(|_| PdfError::Backend("genpdf wrote non-ASCII content".into()))?;
    // printpdf wraps the page in a layer (`/OC /MC0 BDC q … Q EMC`); inside it, one operator
    // per line.
    let mut ops =
        text.lines().map(Op::new).filter(|op| !matches!(op.operator, "q" | "Q" | "EMC" | "BDC" | "")).peekable();
    let mut next = |what: &str, operator: &str| -> Result<Op<'_>, PdfError> {
        match ops.next() {
            Some(op) if op.operator == operator => Ok(op),
            Some(op) => Err(unexpected(what, op.line)),
            None => Err(PdfError::Backend(format!("genpdf's drawing ended before {what}"))),
        }
    };
    let mut out = Vec::with_capacity(asked.len());
    for (k, what) in asked.iter().enumerate() {
        match what {
            Asked::Nothing => out.push(None),
            Asked::Line => {
                let [r, g, b] = next("a stroke colour", "RG")?.numbers()?;
                let [x1, y1] = next("a line's start", "m")?.numbers()?;
                let [x2, y2] = next("a line's end", "l")?.numbers()?;
                next("a stroke", "S")?;
                next("the stroke colour's reset", "RG")?;
                out.push(Some(Drawn::Line { from: (x1, y1), to: (x2, y2), color: [r, g, b] }));
            }
            Asked::Text(pieces) => {
                let Some(Item::Text(item)) = items.get(k) else {
                    return Err(PdfError::Backend("genpdf drew text for an item that is not text".into()));
                };
                let font = plan.font_of(item.face).ok_or_else(|| PdfError::Backend("text in no font".into()))?;
                next("a text object", "BT")?;
                next("a leading", "TL")?;
                let [x, y] = next("a text position", "Td")?.numbers()?;
                let mut shown = ShownText { font, size: 0.0, x, y, color: [0.0; 3], shown: Vec::new() };
                for &slot in pieces {
                    shown.color = next("a fill colour", "rg")?.numbers()?;
                    let tf = next("a font", "Tf")?;
                    let size = tf.operands.split_ascii_whitespace().nth(1).and_then(|s| s.parse().ok());
                    shown.size = size.ok_or_else(|| unexpected("a font size", tf.line))?;
                    let tj = next("shown text", "TJ")?;
                    read_tj(tj.line, &slots.slots[slot].code_of_byte, &mut shown.shown)?;
                }
                next("the fill colour's reset", "rg")?;
                next("the end of a text object", "ET")?;
                out.push(Some(Drawn::Text(shown)));
            }
        }
    }
    if let Some(op) = ops.next() {
        return Err(unexpected("more than was asked for", op.line));
    }
    Ok(out)
}

/// `[<0041…> -12 <…>] TJ`: two-byte codes (genpdf's Windows-1252 bytes) mapped to our codes
/// through the slot, and kerning adjustments as they are.
fn read_tj(line: &str, code_of_byte: &[u16; 256], shown: &mut Vec<Shown>) -> Result<(), PdfError> {
    let inner = line
        .strip_suffix("TJ")
        .map(str::trim_end)
        .and_then(|s| s.strip_prefix('['))
        .and_then(|s| s.strip_suffix(']'))
        .ok_or_else(|| unexpected("a TJ array", line))?;
    let mut rest = inner.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or_else(|| unexpected("a closed hex string", line))?;
            let hex = &after[..end];
            if hex.len() % 4 != 0 {
                return Err(unexpected("two-byte codes", line));
            }
            let mut codes = Vec::with_capacity(hex.len() / 4);
            for i in (0..hex.len()).step_by(4) {
                let byte = u16::from_str_radix(&hex[i..i + 4], 16).map_err(|_| unexpected("hex", line))?;
                let code = code_of_byte.get(usize::from(byte)).copied().unwrap_or(0);
                if code == 0 {
                    return Err(unexpected("a byte of the slot", line));
                }
                codes.push(code);
            }
            match shown.last_mut() {
                Some(Shown::Codes(c)) => c.extend(codes),
                _ => shown.push(Shown::Codes(codes)),
            }
            rest = after[end + 1..].trim_start();
        } else {
            let end = rest.find(|c: char| c == '<' || c.is_whitespace()).unwrap_or(rest.len());
            let n: f32 = rest[..end].parse().map_err(|_| unexpected("a kerning number", line))?;
            if n != 0.0 {
                shown.push(Shown::Adjust(n));
            }
            rest = rest[end..].trim_start();
        }
    }
    Ok(())
}
