//! serde's access traits over the tree: lists, mappings (as structs or maps), a spanned value,
//! and enums (a plain name or a `variant: value` mapping).

use std::iter::Enumerate;
use std::slice;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::super::tree::Node;
use super::super::SPANNED_FIELDS;
use super::{messages, De, Error, Field, Path};
use crate::diag::Diagnostic;

pub(in crate::load) struct SeqAcc<'a> {
    pub(in crate::load) de: De<'a>,
    pub(in crate::load) items: Enumerate<slice::Iter<'a, Node>>,
}

impl<'a> SeqAcc<'a> {
    pub(in crate::load) fn new(de: De<'a>, items: &'a [Node]) -> Self {
        SeqAcc { de, items: items.iter().enumerate() }
    }
}

impl<'de> de::SeqAccess<'de> for SeqAcc<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        for (i, node) in self.items.by_ref() {
            if self.de.ctx.skips(node) {
                continue;
            }
            let path = Path::Index(self.de.path, i);
            return seed.deserialize(De { node, ctx: self.de.ctx, path: &path, field: None }).map(Some);
        }
        Ok(None)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

pub(in crate::load) struct MapAcc<'a> {
    pub(in crate::load) de: De<'a>,
    all: &'a [(Node, Node)],
    pub(in crate::load) entries: slice::Iter<'a, (Node, Node)>,
    pub(in crate::load) pending: Option<&'a (Node, Node)>,
    /// The field the pending key is read as, when it is misspelt ([`MapAcc::meant`]).
    read_as: Option<&'static str>,
    /// The struct's fields, when the map is read as a struct.
    pub(in crate::load) fields: Option<&'static [&'static str]>,
}

impl<'a> MapAcc<'a> {
    pub(in crate::load) fn new(
        de: De<'a>,
        entries: &'a [(Node, Node)],
        fields: Option<&'static [&'static str]>,
    ) -> Self {
        MapAcc { de, all: entries, entries: entries.iter(), pending: None, read_as: None, fields }
    }

    /// Read as typed (`diff`'s OLD): the field a key not among the struct's is read as, the
    /// one it can be taken for ([`messages::meant`]), when no other key of the mapping is, or
    /// is read as, that field; said as a problem of the file.
    fn meant(&self, key: &Node) -> Option<&'static str> {
        let fields = self.fields.filter(|_| self.de.ctx.as_meant)?;
        let (name, _) = key.scalar()?;
        if fields.contains(&name) {
            return None;
        }
        let meant = messages::meant(name, fields)?;
        let reads_as = |t: &str| t == meant || (!fields.contains(&t) && messages::meant(t, fields) == Some(meant));
        if self.all.iter().any(|(k, _)| !std::ptr::eq(k, key) && k.scalar().is_some_and(|(t, _)| reads_as(t))) {
            return None;
        }
        let shown = messages::unplain(name, fields).map_or_else(|| name.to_string(), |u| u.shown);
        let message = format!("unknown field `{shown}`, read as `{meant}` in this version");
        let d = Diagnostic::new(Some(key.span), self.de.path.to_string(), message)
            .with_help(format!("did you mean `{meant}`? the version is compared with it read so"));
        self.de.ctx.diagnostics.borrow_mut().push(d);
        Some(meant)
    }
}

impl<'de> de::MapAccess<'de> for MapAcc<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let ctx = self.de.ctx;
        for entry in self.entries.by_ref() {
            let (key, value) = entry;
            if ctx.skips(key) || ctx.skips(value) {
                continue;
            }
            let key_de = De { node: key, ctx, path: self.de.path, field: None };
            if self.fields.is_some() && key.scalar().is_none() {
                key_de.mismatch("a field name");
                continue;
            }
            self.pending = Some(entry);
            self.read_as = self.meant(key);
            if let Some(meant) = self.read_as {
                return seed.deserialize(BorrowedStrDeserializer::new(meant)).map(Some);
            }
            return seed.deserialize(key_de).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        let name = self.read_as.take().or_else(|| key.scalar().map(|(t, _)| t)).unwrap_or("?");
        let path = Path::Key(self.de.path, name);
        let field = self.fields.map(|fields| Field { key, name, fields });
        seed.deserialize(De { node: value, ctx: self.de.ctx, path: &path, field })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// Feeds [`super::Spanned`]'s visitor the span's start and end, then the value.
pub(in crate::load) struct SpannedAcc<'a> {
    pub(in crate::load) de: De<'a>,
    pub(in crate::load) next: usize,
}

impl<'de> de::MapAccess<'de> for SpannedAcc<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match SPANNED_FIELDS.get(self.next) {
            Some(&name) => seed.deserialize(BorrowedStrDeserializer::new(name)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.next += 1;
        let span = self.de.node.span;
        match self.next {
            1 => seed.deserialize(IntoDeserializer::<Error>::into_deserializer(span.start)),
            2 => seed.deserialize(IntoDeserializer::<Error>::into_deserializer(span.end)),
            _ => seed.deserialize(self.de),
        }
    }
}

pub(in crate::load) struct EnumAcc<'a> {
    pub(in crate::load) de: De<'a>,
    pub(in crate::load) variant: &'static str,
    /// The value of a `variant: value` mapping.
    pub(in crate::load) value: Option<&'a Node>,
}

impl<'a> EnumAcc<'a> {
    fn value_de<'p>(&self, path: &'p Path<'p>) -> Option<De<'p>>
    where
        'a: 'p,
    {
        self.value.map(|node| De { node, ctx: self.de.ctx, path, field: None })
    }
}

impl<'de, 'a> de::EnumAccess<'de> for EnumAcc<'a> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant: StrDeserializer<'_, Error> = self.variant.into_deserializer();
        Ok((seed.deserialize(variant)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for EnumAcc<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let path = Path::Key(self.de.path, self.variant);
        if let Some(de) = self.value_de(&path) {
            if !de.node.is_null() {
                de.mismatch("nothing (null)");
            }
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let path = Path::Key(self.de.path, self.variant);
        match self.value_de(&path) {
            Some(de) => seed.deserialize(de),
            None => {
                self.de.mismatch(&format!("`{}:` and a value", self.variant));
                let null = Node::null(self.de.node.span);
                seed.deserialize(De { node: &null, ctx: self.de.ctx, path: &path, field: None })
            }
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        let path = Path::Key(self.de.path, self.variant);
        match self.value_de(&path) {
            Some(de) => de::Deserializer::deserialize_tuple(de, len, visitor),
            None => {
                self.de.mismatch(&format!("`{}:` and a list", self.variant));
                self.de.located(visitor.visit_seq(SeqAcc::new(self.de, &[])))
            }
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let path = Path::Key(self.de.path, self.variant);
        match self.value_de(&path) {
            Some(de) => de::Deserializer::deserialize_struct(de, "", fields, visitor),
            None => {
                self.de.mismatch(&format!("`{}:` and a mapping", self.variant));
                self.de.located(visitor.visit_map(MapAcc::new(self.de, &[], Some(fields))))
            }
        }
    }
}
