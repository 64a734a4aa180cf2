//! `briefing`: a YAML summary of a policy meeting in, a formatted PDF briefing out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` (YAML → raw model, with positions) → `validate` (raw → checked `model::Briefing`)
//! → `layout` (checked model + `theme` + `fonts` → positioned pages) → `pdf` (pages → bytes).
//! Only `app` touches the disk, the clock and the terminal.

pub mod diag;
pub mod fonts;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod theme;
pub mod validate;
