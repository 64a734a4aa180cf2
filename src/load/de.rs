//! A serde `Deserializer` over the node tree that keeps going after a problem.
//!
//! A value of the wrong type is recorded as a [`Diagnostic`] at its span, and the visitor is
//! fed a neutral value instead (empty string, 0, false, empty list or mapping), so one run
//! reports every problem. An unknown key in a struct is recorded when serde skips its value
//! (`deserialize_ignored_any`). Errors that serde itself raises (a required field missing, a
//! tuple of the wrong length, a custom `Deserialize` refusing a value) cannot be answered with
//! a value; they carry the node they happened at, and the loader runs again skipping it.
//!
//! serde's access to lists, mappings and enums is in `access`, the wording of what was found
//! and expected in `messages`, the core schema's booleans and numbers in `scalars`.

mod access;
mod messages;
mod scalars;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, Visitor};

use super::tree::{Node, NodeKind, Style};
use super::{SPANNED_FIELDS, SPANNED_NAME};
use crate::diag::{Diagnostic, Span};
use access::{EnumAcc, MapAcc, SeqAcc, SpannedAcc};
#[cfg(test)]
pub(super) use messages::describe_place;
pub(super) use messages::place_strays;
pub(crate) use messages::suggest;
use messages::{expected_one_of, found, shape_help};
use scalars::{parse_bool, parse_float, parse_int};

/// What one pass over the tree records.
#[derive(Default)]
pub(super) struct Ctx {
    /// Nodes (by address) that made serde fail in an earlier pass; skipped in this one.
    pub poisoned: HashSet<usize>,
    pub diagnostics: RefCell<Vec<Diagnostic>>,
    pub replaced: RefCell<HashSet<Span>>,
    pub misspelt: RefCell<HashSet<String>>,
    /// Read as typed (`diff`'s OLD): a misspelt key is read as the one field it can be
    /// ([`messages::meant`]), and said, not skipped.
    pub as_meant: bool,
    /// Keys written with no value (`date:`), by path, at the key: reported as such, not as
    /// missing.
    pub nulls: RefCell<HashMap<String, Span>>,
    /// Every mapping read as a struct: its path and its fields (first place of each struct).
    pub mappings: RefCell<Vec<(String, &'static [&'static str])>>,
    /// Unknown fields with no spelling suggestion: index in `diagnostics`, the name, and the
    /// fields of the mapping it was found in. A key indented wrongly is often one of these.
    pub strays: RefCell<Vec<(usize, String, &'static [&'static str])>>,
}

impl Ctx {
    fn skips(&self, node: &Node) -> bool {
        self.poisoned.contains(&address(node))
    }
}

/// Identifies a node within one tree (nodes never move once built).
pub(super) fn address(node: &Node) -> usize {
    node as *const Node as usize
}

/// A problem serde raised, with where it happened once a node has seen it.
#[derive(Debug)]
pub(super) struct Error {
    pub message: String,
    pub at: Option<At>,
}

#[derive(Debug)]
pub(super) struct At {
    pub node: usize,
    pub span: Span,
    pub path: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error { message: msg.to_string(), at: None }
    }
}

/// Where a value sits, for messages: `topics[2].body`.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A value that belongs to a key of a struct, for reporting the key if serde ignores it.
#[derive(Clone, Copy)]
struct Field<'a> {
    key: &'a Node,
    name: &'a str,
    fields: &'static [&'static str],
}

/// Deserializes one node.
#[derive(Clone, Copy)]
pub(super) struct De<'a> {
    node: &'a Node,
    ctx: &'a Ctx,
    path: &'a Path<'a>,
    field: Option<Field<'a>>,
}

impl<'a> De<'a> {
    pub fn new(node: &'a Node, ctx: &'a Ctx, path: &'a Path<'a>) -> Self {
        De { node, ctx, path, field: None }
    }

    /// Records that this node is not `expected`; the caller then feeds a neutral value.
    fn mismatch(&self, expected: &str) {
        let message = format!("expected {expected}, found {}", found(self.node));
        let mut d = Diagnostic::new(Some(self.node.span), self.path.to_string(), message);
        if let Some(help) = messages::several_help(&d.path, self.node) {
            d = d.with_help(help);
        } else if let Some(help) = shape_help(expected, self.node) {
            d = d.with_help(help);
        } else if let Some(help) = messages::text_for_block(&d.path, self.node) {
            d = d.with_help(help);
        }
        self.ctx.diagnostics.borrow_mut().push(d);
        self.ctx.replaced.borrow_mut().insert(self.node.span);
    }

    /// Records that this node is not a mapping of `fields`. Plain text that starts with one
    /// of them (`tel "1"`, `title Data body Text` when every key of the block lost its colon,
    /// `title:Data`) is a key that lost its colon, or the space after it: the mapping's only or
    /// first one.
    fn not_a_mapping(&self, fields: &[&str]) {
        let Some((text, Style::Plain)) = self.node.scalar() else { return self.mismatch("a mapping") };
        let (key, rest) = super::lines::leading_key(text);
        let at = self.node.span.start + key.len();
        let path = self.path.to_string();
        let d = if !fields.contains(&key) || rest.trim().is_empty() {
            return self.mismatch("a mapping");
        } else if rest.starts_with(':') {
            // `title:Data`: the colon is there, the space after it is not.
            super::slips::no_space_after(at, path, key)
        } else if rest.starts_with([' ', '\t']) {
            super::slips::missing_colon(at, path, key)
        } else {
            return self.mismatch("a mapping");
        };
        self.ctx.diagnostics.borrow_mut().push(d);
        self.ctx.replaced.borrow_mut().insert(self.node.span);
    }

    /// Attaches this node to an error that does not know where it happened yet.
    fn located<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        result.map_err(|mut e| {
            if e.at.is_none() {
                e.at = Some(At { node: address(self.node), span: self.node.span, path: self.path.to_string() });
            }
            e
        })
    }

    fn plain(&self) -> Option<&'a str> {
        match self.node.scalar() {
            Some((text, Style::Plain)) => Some(text),
            _ => None,
        }
    }

    fn unknown_field(&self, field: Field<'_>) {
        let parent = match self.path {
            Path::Key(parent, _) => parent,
            other => other,
        };
        // `ｔｉｔｌｅ`, `body` with a zero width space: named by what they read as.
        let unplain = messages::unplain(field.name, field.fields);
        let (name, shown) = unplain.as_ref().map_or((field.name, field.name), |u| (u.plain.as_str(), u.shown.as_str()));
        // `title:Results: the 10th workshop`: no space after `title:`, and a `: ` in the value,
        // so YAML took `title:Results` for the key (text40a F40a-13: "did you mean `title`?",
        // which, followed, dropped "Results:"). Named as the space it lacks, the help quoting
        // the value whole.
        if let Some((key, head)) = name.split_once(':').filter(|(key, _)| field.fields.contains(key)) {
            if let Some((value, Style::Plain)) = self.node.scalar() {
                let colon = field.key.span.start + key.len();
                let whole = format!("{head}: {value}");
                let d = super::slips::no_space_after(colon, parent.to_string(), key).with_help(format!(
                    "the value has a `: ` of its own: put it in quotes, with a space after the colon: `{}`",
                    super::around::quoted_pair(key, whole.trim())
                ));
                self.ctx.misspelt.borrow_mut().insert(Path::Key(parent, key).to_string());
                self.ctx.diagnostics.borrow_mut().push(d);
                return;
            }
        }
        let diagnostic = match messages::synonym(name, field.fields).or_else(|| suggest(name, field.fields)) {
            Some(best) => {
                self.ctx.misspelt.borrow_mut().insert(Path::Key(parent, best).to_string());
                let d = Diagnostic::new(
                    Some(field.key.span),
                    parent.to_string(),
                    format!("unknown field `{shown}`, did you mean `{best}`?"),
                );
                match &unplain {
                    Some(u) => d.with_help(format!("`{shown}` {}: type it as `{best}`", u.what)),
                    None => d,
                }
            }
            None => {
                let index = self.ctx.diagnostics.borrow().len();
                self.ctx.strays.borrow_mut().push((index, field.name.to_string(), field.fields));
                Diagnostic::new(Some(field.key.span), parent.to_string(), format!("unknown field `{shown}`"))
                    .with_help(expected_one_of(field.fields))
            }
        };
        self.ctx.diagnostics.borrow_mut().push(diagnostic);
    }

    fn unknown_variant(&self, at: &Node, name: &str, variants: &'static [&'static str]) {
        let message = match suggest(name, variants) {
            Some(best) => format!("unknown value `{name}`, did you mean `{best}`?"),
            None => format!("unknown value `{name}`"),
        };
        let d = Diagnostic::new(Some(at.span), self.path.to_string(), message).with_help(expected_one_of(variants));
        self.ctx.diagnostics.borrow_mut().push(d);
        self.ctx.replaced.borrow_mut().insert(at.span);
    }
}

macro_rules! integer {
    ($($method:ident => $visit:ident($ty:ty),)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let value = match self.plain().and_then(parse_int) {
                Some(n) => <$ty>::try_from(n).unwrap_or_else(|_| {
                    self.mismatch(&format!("an integer from {} to {}", <$ty>::MIN, <$ty>::MAX));
                    0
                }),
                None => {
                    self.mismatch("an integer");
                    0
                }
            };
            self.located(visitor.$visit(value))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &*self.node.kind {
            NodeKind::Scalar { text, style: Style::Plain } => {
                if self.node.is_null() {
                    visitor.visit_unit()
                } else if let Some(b) = parse_bool(text) {
                    visitor.visit_bool(b)
                } else if let Some(i) = parse_int(text) {
                    match (i64::try_from(i), u64::try_from(i)) {
                        (Ok(i), _) => visitor.visit_i64(i),
                        (_, Ok(u)) => visitor.visit_u64(u),
                        _ => visitor.visit_str(text),
                    }
                } else if let Some(f) = parse_float(text) {
                    visitor.visit_f64(f)
                } else {
                    visitor.visit_str(text)
                }
            }
            NodeKind::Scalar { text, .. } => visitor.visit_str(text),
            NodeKind::Seq(items) => visitor.visit_seq(SeqAcc::new(self, items)),
            NodeKind::Map(entries) => visitor.visit_map(MapAcc::new(self, entries, None)),
        };
        self.located(result)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.plain().and_then(parse_bool).unwrap_or_else(|| {
            self.mismatch("true or false");
            false
        });
        self.located(visitor.visit_bool(value))
    }

    integer! {
        deserialize_i8 => visit_i8(i8),
        deserialize_i16 => visit_i16(i16),
        deserialize_i32 => visit_i32(i32),
        deserialize_i64 => visit_i64(i64),
        deserialize_i128 => visit_i128(i128),
        deserialize_u8 => visit_u8(u8),
        deserialize_u16 => visit_u16(u16),
        deserialize_u32 => visit_u32(u32),
        deserialize_u64 => visit_u64(u64),
        deserialize_u128 => visit_u128(u128),
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.plain().and_then(parse_float).unwrap_or_else(|| {
            self.mismatch("a number");
            0.0
        });
        self.located(visitor.visit_f64(value))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut chars = self.node.scalar().map(|(t, _)| t.chars());
        let value = match chars.as_mut().map(|c| (c.next(), c.next())) {
            Some((Some(c), None)) => c,
            _ => {
                self.mismatch("a single character");
                ' '
            }
        };
        self.located(visitor.visit_char(value))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.node.scalar().map_or_else(
            || {
                self.mismatch("a string");
                ""
            },
            |(t, _)| t,
        );
        self.located(visitor.visit_str(text))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.node.scalar().map_or_else(
            || {
                self.mismatch("a string");
                ""
            },
            |(t, _)| t,
        );
        self.located(visitor.visit_bytes(text.as_bytes()))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.node.is_null() {
            if let Some(field) = self.field {
                self.ctx.nulls.borrow_mut().insert(self.path.to_string(), field.key.span);
            }
            self.located(visitor.visit_none())
        } else {
            self.located(visitor.visit_some(self))
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !self.node.is_null() {
            self.mismatch("nothing (null)");
        }
        self.located(visitor.visit_unit())
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.located(visitor.visit_newtype_struct(self))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items: &[Node] = match &*self.node.kind {
            NodeKind::Seq(items) => items,
            _ => {
                self.mismatch("a list");
                &[]
            }
        };
        self.located(visitor.visit_seq(SeqAcc::new(self, items)))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries: &[(Node, Node)] = match &*self.node.kind {
            NodeKind::Map(entries) => entries,
            _ => {
                self.mismatch("a mapping");
                &[]
            }
        };
        self.located(visitor.visit_map(MapAcc::new(self, entries, None)))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED_NAME && fields == SPANNED_FIELDS {
            return self.located(visitor.visit_map(SpannedAcc { de: self, next: 0 }));
        }
        let entries: &[(Node, Node)] = match &*self.node.kind {
            NodeKind::Map(entries) => entries,
            _ => {
                self.not_a_mapping(fields);
                &[]
            }
        };
        let mut mappings = self.ctx.mappings.borrow_mut();
        if !mappings.iter().any(|(_, f)| std::ptr::eq(*f, fields)) {
            mappings.push((self.path.to_string(), fields));
        }
        drop(mappings);
        self.located(visitor.visit_map(MapAcc::new(self, entries, Some(fields))))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let first = variants.first().copied().unwrap_or("");
        let variant = |at: &Node, name: &str| {
            variants.iter().copied().find(|&v| v == name).unwrap_or_else(|| {
                self.unknown_variant(at, name, variants);
                first
            })
        };
        let access = match &*self.node.kind {
            NodeKind::Scalar { text, .. } if !self.node.is_null() => {
                EnumAcc { de: self, variant: variant(self.node, text), value: None }
            }
            NodeKind::Map(entries) if entries.len() == 1 => {
                let (key, value) = &entries[0];
                let name = key.scalar().map_or("", |(t, _)| t);
                EnumAcc { de: self, variant: variant(key, name), value: Some(value) }
            }
            _ => {
                self.mismatch(&expected_one_of(variants).replacen("expected ", "", 1));
                EnumAcc { de: self, variant: first, value: None }
            }
        };
        self.located(visitor.visit_enum(access))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if let Some(field) = self.field {
            self.unknown_field(field);
        }
        self.located(visitor.visit_unit())
    }
}
