//! The title block at the top of page 1: title, date (written out in the template's format)
//! and organisation, with an optional rule below.

use crate::model::Briefing;
use crate::theme::{Align, DatePlacement};

use super::flow::{look, Flow};
use super::format_date;
use super::text::Span;

pub fn title_block(flow: &mut Flow<'_>, b: &Briefing) {
    let theme = flow.theme;
    let tb = &theme.title_block;
    let styles = &theme.styles;
    let date = format_date(b.date, &theme.date_format);
    let meta = |flow: &mut Flow<'_>, text: &str, align: Align| {
        let spans = [Span {
            text: text.to_string(),
            look: look(&styles.meta),
        }];
        flow.paragraph(&spans, &styles.meta, 0.0, align, None);
    };
    if tb.date == DatePlacement::AboveRight {
        meta(flow, &date, Align::Right);
        flow.space(styles.meta.space_after.0 * 3.0);
    }
    let spans = [Span {
        text: b.title.clone(),
        look: look(&styles.title),
    }];
    flow.paragraph(&spans, &styles.title, 0.0, tb.align, None);
    if tb.date == DatePlacement::BelowTitle {
        meta(flow, &date, tb.align);
    }
    if let Some(org) = &b.organisation {
        meta(flow, org, tb.align);
    }
    if tb.rule_below {
        flow.space(4.0);
        flow.rule(theme.colors.rule, 0.0, 2.0);
    }
    flow.space(tb.space_after.0);
}
