//! The keys a type reads, asked of its `Deserialize` rather than listed by hand: a line that
//! starts with one of them and has no colon is a key that lost its colon, not text that lost
//! its indentation (`body Japan and…`, not `agreed on…`).

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::forward_to_deserialize_any;

/// Every field name of every struct `T` holds, at any depth. A type the probe cannot
/// satisfy (a custom `Deserialize` that refuses an empty value) stops the walk below it:
/// what was found until then is kept.
pub fn keys_of<T: de::DeserializeOwned>() -> BTreeSet<&'static str> {
    let found = RefCell::new(BTreeSet::new());
    let _ = T::deserialize(Probe { found: &found, depth: 0 });
    found.into_inner().into_iter().filter(|k| !k.starts_with('$')).collect()
}

/// A deserializer that answers each request with the smallest value of the kind asked for,
/// noting the fields of each struct on the way.
#[derive(Clone, Copy)]
struct Probe<'a> {
    found: &'a RefCell<BTreeSet<&'static str>>,
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
        self.found.borrow_mut().extend(fields.iter().copied());
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
        let keys = keys_of::<crate::model::RawBriefing>();
        // The top level, a topic's and the contact's: through `Option`, `Spanned` and `Vec`.
        for key in ["title", "date", "topics", "contact", "draft", "body", "tel", "email", "note"] {
            assert!(keys.contains(key), "{key} not in {keys:?}");
        }
        assert!(!keys.iter().any(|k| k.starts_with('$')), "{keys:?}");
    }

    #[test]
    fn a_templates_keys_are_found_past_its_enums_and_units() {
        let keys = keys_of::<crate::theme::RawTheme>();
        for key in ["extends", "name", "page_of", "left", "caps", "padding", "bold_italic"] {
            assert!(keys.contains(key), "{key} not in {keys:?}");
        }
    }
}
