use briefing::*;
fn main() {
    let text = std::fs::read_to_string("data/japan-eu-ict-workshop-10.yaml").unwrap();
    let file = diag::SourceFile {
        name: "seed".into(),
        text,
    };
    let (raw, d): (model::RawBriefing, _) = load::load(&file, &load::Limits::default());
    assert!(d.is_empty(), "{d:?}");
    let t = |s: &Option<load::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    let b = model::Briefing {
        title: t(&raw.title).unwrap(),
        short_title: t(&raw.title).unwrap(),
        date: model::Date::parse_iso(&t(&raw.date).unwrap()).unwrap(),
        organisation: t(&raw.organisation),
        summary: markdown::parse(&t(&raw.summary).unwrap()),
        heading: t(&raw.heading),
        overview: markdown::parse(&t(&raw.overview).unwrap_or_default()),
        topics: raw
            .topics
            .unwrap()
            .value
            .into_iter()
            .map(|tp| model::Topic {
                title: t(&tp.value.title).unwrap(),
                body: markdown::parse(&t(&tp.value.body).unwrap()),
            })
            .collect(),
        contact: {
            let c = raw.contact.unwrap().value;
            model::Contact {
                note: t(&c.note),
                name: t(&c.name),
                division: t(&c.division),
                bureau: t(&c.bureau),
                organisation: t(&c.organisation),
                tel: t(&c.tel),
                fax: t(&c.fax),
                email: t(&c.email),
                url: t(&c.url),
            }
        },
        subject: None,
        lang: "en".into(),
        marking: None,
        draft: false,
    };
    let name = std::env::args().nth(1).unwrap_or("default".into());
    let theme = theme::Theme::resolve(theme::TemplateRef::Builtin(&name)).unwrap();
    let fonts = fonts::FontBook::builtin();
    let t0 = std::time::Instant::now();
    let doc = layout::layout(&b, &theme, &fonts, layout::Options::default());
    let t1 = t0.elapsed();
    let bytes = pdf::render(
        &doc,
        &fonts,
        &pdf::Metadata {
            title: b.title.clone(),
            lang: "en".into(),
            date: b.date.unix_seconds(),
            ..Default::default()
        },
    )
    .unwrap();
    eprintln!(
        "layout {:?} total {:?} pages {} bytes {}",
        t1,
        t0.elapsed(),
        doc.pages.len(),
        bytes.len()
    );
    std::fs::write("/tmp/raw.pdf", bytes).unwrap();
}
