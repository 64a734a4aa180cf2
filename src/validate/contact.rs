//! The contact block: at least one way to reach someone; an e-mail address and a web address
//! that look like one.

use super::{join, Checker};
use crate::load::Spanned;
use crate::model::{Contact, RawContact};

/// Contact fields that identify someone to reach, in the order the message lists them.
const WAYS_TO_CONTACT: [&str; 8] = ["tel", "fax", "email", "url", "division", "bureau", "organisation", "name"];

impl Checker<'_> {
    pub(super) fn contact(&mut self, field: Option<Spanned<RawContact>>) -> Option<Contact> {
        let Some(Spanned { span, value: raw }) = field else {
            self.present(None, "", "contact", self.start);
            return None;
        };
        let contact = Contact {
            note: self.optional(raw.note, "contact.note"),
            name: self.optional(raw.name, "contact.name"),
            division: self.optional(raw.division, "contact.division"),
            bureau: self.optional(raw.bureau, "contact.bureau"),
            organisation: self.optional(raw.organisation, "contact.organisation"),
            tel: self.optional(raw.tel, "contact.tel"),
            fax: self.optional(raw.fax, "contact.fax"),
            email: self.email(raw.email),
            url: self.url(raw.url),
        };
        let Contact { name, division, bureau, organisation, tel, fax, email, url, .. } = &contact;
        let ways = [name, division, bureau, organisation, tel, fax, email, url];
        // A misspelt `emial:` is reported by the loader, with the right name; saying that
        // there is nothing to contact as well would only repeat it.
        let misspelt = WAYS_TO_CONTACT.iter().any(|w| self.known.misspelt.contains(&join("contact", w)));
        if ways.iter().all(|w| w.is_none()) {
            if !misspelt {
                let message = format!("nothing to contact; give at least one of {}", WAYS_TO_CONTACT.join(", "));
                self.report(span, "contact", message);
            }
            return None;
        }
        Some(contact)
    }

    /// An e-mail address: `local@domain.tld`, without spaces, perhaps with `mailto:` in front.
    pub(super) fn email(&mut self, field: Option<Spanned<String>>) -> Option<String> {
        let span = field.as_ref()?.span;
        let text = self.optional(field, "contact.email")?;
        let address = text.strip_prefix("mailto:").unwrap_or(&text).trim().to_string();
        let valid = match address.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !address.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if !valid {
            let message = format!("'{text}' is not an e-mail address; write it as name@example.org");
            self.report(span, "contact.email", message);
        }
        Some(text)
    }

    /// A web address, printed as written; it must be one word.
    pub(super) fn url(&mut self, field: Option<Spanned<String>>) -> Option<String> {
        let span = field.as_ref()?.span;
        let text = self.optional(field, "contact.url")?;
        if text.chars().any(char::is_whitespace) || (!text.contains('.') && !text.contains("://")) {
            let message = format!("'{text}' is not a web address; write it as https://www.example.org/page");
            self.report(span, "contact.url", message);
        }
        Some(text)
    }
}
