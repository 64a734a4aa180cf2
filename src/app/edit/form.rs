//! The seam between the server and the pure core of the editor (`crate::edit`): the form a
//! briefing's YAML makes, with its problems, and the edits the page sends, as JSON.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::edit::{self, Edit};
use crate::fonts::FontBook;

/// The form and the problems of `source` (shown as `name`), as the page reads them; the
/// template's fonts decide which characters can be printed, as `check --template` does.
pub fn snapshot(name: &str, source: &str, fonts: &FontBook) -> Value {
    let snapshot = edit::snapshot_with(name, source, fonts);
    serde_json::to_value(snapshot).unwrap_or(Value::Null)
}

/// The most edits one request may make. The page sends one at a time; each edit parses the
/// whole text again (twice, to check it reads back), so thousands on a large file took
/// minutes, with every other request waiting.
pub const MAX_EDITS: usize = 10;

/// The most fields an edit is read with: the most an edit has is four.
const MAX_FIELDS: usize = 8;

/// The page's list of edits as a request gives it: the first [`MAX_EDITS`], each an object of
/// at most [`MAX_FIELDS`] plain values (or not an edit: `None`), and how many there were. It
/// is read without building what cannot be an edit (text43b F43b-1: a 24 MB list of three
/// million `{"a":0}`, read whole before it was counted, took the server to 1.7 GB).
#[derive(Debug, Default)]
pub struct Edits {
    first: Vec<Option<Map<String, Value>>>,
    count: usize,
}

impl<'de> Deserialize<'de> for Edits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Edits;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of edits")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Edits, A::Error> {
                let mut edits = Edits::default();
                loop {
                    let more = match edits.first.len() < MAX_EDITS {
                        true => seq.next_element::<Fields>()?.map(|f| edits.first.push(f.0)).is_some(),
                        false => seq.next_element::<IgnoredAny>()?.is_some(),
                    };
                    if !more {
                        return Ok(edits);
                    }
                    edits.count += 1;
                }
            }
        }
        d.deserialize_seq(List)
    }
}

/// An edit's fields, if it is an object of at most [`MAX_FIELDS`] plain values.
struct Fields(Option<Map<String, Value>>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an edit")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Some(Map::new());
                while let Some(key) = map.next_key::<String>()? {
                    let value = match fields.as_ref().is_some_and(|f| f.len() < MAX_FIELDS) {
                        true => map.next_value::<Plain>()?.0,
                        false => map.next_value::<IgnoredAny>().map(|_| None)?,
                    };
                    match (value, fields.as_mut()) {
                        (Some(value), Some(f)) => drop(f.insert(key, value)),
                        _ => fields = None,
                    }
                }
                Ok(Fields(fields))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Fields, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Fields(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Fields, E> {
                Ok(Fields(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Fields, E> {
                Ok(Fields(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Fields, E> {
                Ok(Fields(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Fields, E> {
                Ok(Fields(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Fields, E> {
                Ok(Fields(None))
            }
            fn visit_unit<E>(self) -> Result<Fields, E> {
                Ok(Fields(None))
            }
        }
        d.deserialize_any(Object)
    }
}

/// A plain value (text, a number, true or false, null); `None` for a list or an object,
/// passed over unbuilt.
struct Plain(Option<Value>);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Scalar;
        impl<'de> Visitor<'de> for Scalar {
            type Value = Plain;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_string<E>(self, v: String) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Plain, E> {
                Ok(Plain(Some(Value::from(v))))
            }
            fn visit_unit<E>(self) -> Result<Plain, E> {
                Ok(Plain(Some(Value::Null)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Plain, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Plain(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Plain, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Plain(None))
            }
        }
        d.deserialize_any(Scalar)
    }
}

/// `source` with `edits` (the page's list of edits) made, or why not: the status and the
/// words for the page's alert.
pub fn apply(source: &str, edits: Edits) -> Result<String, (u16, String)> {
    if edits.count > MAX_EDITS {
        let n = edits.count;
        return Err((413, format!("{n} edits in one request; the editor makes at most {MAX_EDITS} at once")));
    }
    let unknown = |e: String| (422, format!("the page sent an edit this server does not know: {e}"));
    let edits = edits
        .first
        .into_iter()
        .map(|fields| match fields {
            Some(fields) => serde_json::from_value::<Edit>(Value::Object(fields)).map_err(|e| unknown(e.to_string())),
            None => Err(unknown(format!("an edit is an object of at most {MAX_FIELDS} fields, each a plain value"))),
        })
        .collect::<Result<Vec<Edit>, _>>()?;
    edit::apply(source, &edits).map_err(|e| match e {
        edit::EditError::TooLarge { .. } => (413, e.to_string()),
        e => (422, e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// However long the list, only the first edits are kept, and only as objects of a few
    /// plain values: the rest is counted, not built.
    #[test]
    fn a_list_of_edits_is_read_no_further_than_an_edit_needs() {
        let many = format!("[{}]", vec![r#"{"a":0}"#; 1_000_000].join(","));
        let edits: Edits = serde_json::from_str(&many).unwrap();
        assert_eq!((edits.count, edits.first.len()), (1_000_000, MAX_EDITS));
        let (status, message) = apply("title: x\n", edits).unwrap_err();
        assert_eq!(status, 413);
        assert!(message.starts_with("1000000 edits in one request"), "{message}");
        // One edit that is not a flat object: known as no edit, its inside not built.
        let nested = format!(
            r#"[{{"op":"set","a":[{}]}}, 5, {{"x":1,"y":2,"z":3,"w":4,"v":5,"u":6,"t":7,"s":8,"r":9}}]"#,
            vec!["{}"; 10_000].join(",")
        );
        let edits: Edits = serde_json::from_str(&nested).unwrap();
        assert!(edits.first.iter().all(Option::is_none), "{edits:?}");
        let (status, message) = apply("title: x\n", edits).unwrap_err();
        assert_eq!(status, 422);
        assert!(message.contains("an edit is an object of at most 8 fields"), "{message}");
        // An edit as the page sends it is made.
        let one: Edits = serde_json::from_str(r#"[{"op":"set","path":"title","lang":null,"value":"New"}]"#).unwrap();
        assert_eq!(apply("title: x\n", one).unwrap(), "title: New\n");
    }
}
