//! The keys a type reads, asked of its `Deserialize` rather than listed by hand, mapping by
//! mapping: a line that starts with a key its mapping could hold and has no colon is a key that
//! lost its colon, not text that lost its indentation (`body Japan and…`, not `agreed on…`, nor
//! `date of the next meeting` below a `date:` already given).

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::forward_to_deserialize_any;

/// The keys of each mapping a type reads: one set per struct.
#[derive(Debug, Default)]
pub struct KeySets(Vec<&'static [&'static str]>);

impl KeySets {
    /// Whether some mapping holds `key`.
    pub fn any(&self, key: &str) -> bool {
        self.0.iter().any(|set| set.contains(&key))
    }

    /// Whether `key` is one some mapping holds, or so close to one that it is taken for it
    /// misspelt (`contcat`).
    pub fn near(&self, key: &str) -> bool {
        self.any(key) || self.0.iter().any(|set| super::de::suggest(key, set).is_some())
    }

    /// Whether one mapping could hold `key` beside all of `siblings` (and does not already).
    /// A sibling no mapping holds (`bdy`, misspelt) says nothing either way.
    pub fn fits(&self, key: &str, siblings: &[&str]) -> bool {
        !siblings.contains(&key)
            && self.0.iter().any(|set| set.contains(&key) && siblings.iter().all(|s| set.contains(s) || !self.any(s)))
    }

    /// Whether `key` is one some mapping holds, and, when `holder` is given, one mapping holds
    /// beside it (see `wide::IsKey`).
    pub fn beside(&self, key: &str, holder: &str) -> bool {
        self.any(key) && (holder.is_empty() || self.fits(key, &[holder]))
    }

    #[cfg(test)]
    fn all(&self) -> BTreeSet<&'static str> {
        self.0.iter().flat_map(|set| set.iter().copied()).collect()
    }
}

/// The fields of every struct `T` holds, at any depth, struct by struct. A type the probe
/// cannot satisfy (a custom `Deserialize` that refuses an empty value) stops the walk below
/// it: what was found until then is kept.
pub fn keys_of<T: de::DeserializeOwned>() -> KeySets {
    let found = RefCell::new(BTreeSet::new());
    let _ = T::deserialize(Probe { found: &found, depth: 0 });
    KeySets(found.into_inner().into_iter().filter(|set| !set.iter().any(|k| k.starts_with('$'))).collect())
}

/// A deserializer that answers each request with the smallest value of the kind asked for,
/// noting the fields of each struct on the way.
#[derive(Clone, Copy)]
struct Probe<'a> {
    found: &'a RefCell<BTreeSet<&'static [&'static str]>>,
    /// Guards against a type that holds itself.
    depth: usize,
}

type Error = de::value::Error;

impl<'a> Probe<'a> {
    fn deeper(self) -> Result<Probe<'a>, Error> {
        if self.depth > 16 {
            return Err(de::Error::custom("too deep"));
        }
        Ok(Probe { depth: self.depth + 1, ..self })
    }
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(false)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(0)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(0.0)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str("")
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self.deeper()?)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(Items { probe: self.deeper()?, left: 1 })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(Fields { probe: self.deeper()?, fields: &[], next: 0 })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.found.borrow_mut().insert(fields);
        visitor.visit_map(Fields { probe: self.deeper()?, fields, next: 0 })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match variants.first() {
            Some(first) => visitor.visit_enum(de::value::StrDeserializer::<Error>::new(first)),
            None => Err(de::Error::custom("an enum with no variants")),
        }
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 char bytes byte_buf unit unit_struct newtype_struct
        tuple tuple_struct identifier ignored_any
    }
}

/// One item of each list.
struct Items<'a> {
    probe: Probe<'a>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(self.probe).map(Some)
    }
}

/// Every field of a struct, each with a probed value.
struct Fields<'a> {
    probe: Probe<'a>,
    fields: &'static [&'static str],
    next: usize,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(field) = self.fields.get(self.next) else { return Ok(None) };
        self.next += 1;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(field)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.probe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefings_keys_are_found_at_every_depth() {
        let sets = keys_of::<crate::model::RawBriefing>();
        let keys = sets.all();
        // The top level, a topic's and the contact's: through `Option`, `Spanned` and `Vec`.
        for key in ["title", "date", "topics", "contact", "draft", "body", "tel", "email", "note"] {
            assert!(keys.contains(key), "{key} not in {keys:?}");
        }
        assert!(!keys.iter().any(|k| k.starts_with('$')), "{keys:?}");
        // Each in its own mapping.
        assert!(sets.fits("title", &["date", "topics"]) && sets.fits("body", &["title"]));
        assert!(sets.fits("name", &["tel"]) && !sets.fits("name", &["title", "date"]));
        assert!(!sets.fits("contact", &["title", "body"]) && !sets.fits("date", &["title", "date"]));
    }

    #[test]
    fn a_templates_keys_are_found_past_its_enums_and_units() {
        let keys = keys_of::<crate::theme::RawTheme>().all();
        for key in ["extends", "name", "page_of", "left", "caps", "padding", "bold_italic"] {
            assert!(keys.contains(key), "{key} not in {keys:?}");
        }
    }
}
