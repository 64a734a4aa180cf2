//! The XMP metadata packet: the same title, author, subject, keywords, dates and producer as
//! the document information dictionary, the PDF/A-3 (level A) and PDF/UA-1 claims, and the
//! extension schema PDF/A asks for the PDF/UA identification (which is not one of its
//! predefined schemas). A draft says so in `xmp:Label`.

use super::assemble::Metadata;

/// Escapes text for XML content and attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// An ISO 8601 date and time in UTC from Unix seconds.
pub fn iso_date(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

/// Howard Hinnant's civil_from_days: days since 1970-01-01 → (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A UUID URN from 16 bytes (a hash of the content, so the same input gives the same id).
fn uuid(bytes: &[u8; 16]) -> String {
    let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("uuid:{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// The packet for `meta`, with `producer` and `creator` as the information dictionary has
/// them, and document and instance ids from `id`.
pub fn packet(meta: &Metadata, producer: &str, creator: &str, id: &[u8; 16]) -> String {
    let date = iso_date(meta.date);
    let mut rdf = String::new();
    let alt = |v: &str| format!("<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>", esc(v));
    rdf.push_str(&format!("<dc:title>{}</dc:title>\n", alt(&meta.title)));
    if let Some(author) = &meta.author {
        rdf.push_str(&format!("<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n", esc(author)));
    }
    if let Some(subject) = &meta.subject {
        rdf.push_str(&format!("<dc:description>{}</dc:description>\n", alt(subject)));
    }
    if !meta.lang.is_empty() {
        rdf.push_str(&format!("<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n", esc(&meta.lang)));
    }
    if !meta.keywords.is_empty() {
        rdf.push_str(&format!("<pdf:Keywords>{}</pdf:Keywords>\n", esc(&meta.keywords.join("; "))));
    }
    rdf.push_str(&format!("<pdf:Producer>{}</pdf:Producer>\n", esc(producer)));
    rdf.push_str(&format!("<xmp:CreatorTool>{}</xmp:CreatorTool>\n", esc(creator)));
    rdf.push_str(&format!("<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n"));
    if meta.draft {
        rdf.push_str("<xmp:Label>Draft</xmp:Label>\n");
    }
    let id = uuid(id);
    rdf.push_str(&format!("<xmpMM:DocumentID>{id}</xmpMM:DocumentID>\n<xmpMM:InstanceID>{id}</xmpMM:InstanceID>\n"));
    rdf.push_str("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n");
    rdf.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
    rdf.push_str(PDFUA_SCHEMA);
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" \
         xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" \
         xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
         xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
         xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n\
         {rdf}</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>"
    )
}

/// The extension schema that declares `pdfuaid:part` for PDF/A.
const PDFUA_SCHEMA: &str = "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\
<pdfaProperty:name>part</pdfaProperty:name>\
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
<pdfaProperty:category>internal</pdfaProperty:category>\
<pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>\
</rdf:li></rdf:Seq></pdfaSchema:property>\
</rdf:li></rdf:Bag></pdfaExtension:schemas>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_8601_utc() {
        assert_eq!(iso_date(1_601_942_400), "2020-10-06T00:00:00Z");
        assert_eq!(iso_date(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn text_is_escaped_and_the_claims_are_made() {
        let meta =
            Metadata { title: "R&D <2020>".into(), lang: "en".into(), date: 0, draft: true, ..Metadata::default() };
        let x = packet(&meta, "p", "c", &[0xAB; 16]);
        assert!(x.contains("R&amp;D &lt;2020&gt;"));
        assert!(x.contains("<pdfaid:part>3</pdfaid:part>") && x.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(x.contains("<xmp:Label>Draft</xmp:Label>"));
        assert!(x.contains("uuid:abababab-abab-abab-abab-abababababab"));
    }
}
