//! The JSON that `onrecord extract` prints: one object per document, as `docs/extract-format.md`
//! and the scorer describe. Offsets are Unicode code points into `text`.

use onrecord_model::{Article, CharIndex, Span, Statement};
use serde::Serialize;

#[derive(Serialize)]
pub struct WireDoc<'a> {
    pub id: &'a str,
    pub article_id: &'a str,
    pub origin: &'a str,
    pub text: &'a str,
    pub meta: WireMeta<'a>,
    pub statements: Vec<WireStatement<'a>>,
    pub repeated: Vec<WireSpan<'a>>,
}

#[derive(Serialize)]
pub struct WireMeta<'a> {
    pub headline: Option<&'a str>,
    pub dateline: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub url: Option<&'a str>,
}

#[derive(Serialize)]
pub struct WireSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct WireSpeaker<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub affiliation: Option<&'a str>,
}

#[derive(Serialize)]
pub struct WireStatement<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub cue: Option<WireSpan<'a>>,
    pub source: Option<WireSpan<'a>>,
    pub content: WireSpan<'a>,
    pub speaker: Option<WireSpeaker<'a>>,
    pub about: &'a [String],
    pub date: Option<String>,
    pub confidence: f32,
}

/// The wire form of an analysed article.
pub fn doc<'a>(a: &'a Article) -> WireDoc<'a> {
    let idx = CharIndex::new(&a.text);
    let span = |s: Span| WireSpan { start: idx.char_of(&a.text, s.start), end: idx.char_of(&a.text, s.end), text: s.of(&a.text) };
    let statement = |st: &'a Statement| WireStatement {
        kind: st.kind.as_str(),
        cue: st.cue.map(span),
        source: st.source.map(span),
        content: span(st.content),
        speaker: st.speaker.as_ref().map(|s| WireSpeaker { name: &s.name, role: s.role.as_deref(), affiliation: s.affiliation.as_deref() }),
        about: &st.about,
        date: st.date.map(|d| d.to_string()),
        confidence: (st.confidence * 100.0).round() / 100.0,
    };
    WireDoc {
        id: &a.name,
        article_id: &a.id,
        origin: &a.origin,
        text: &a.text,
        meta: WireMeta {
            headline: a.meta.headline.as_deref(),
            dateline: a.meta.dateline.as_deref(),
            outlet: a.meta.outlet.as_deref(),
            published: a.meta.published.map(|d| d.to_string()),
            url: a.meta.url.as_deref(),
        },
        statements: a.statements.iter().map(statement).collect(),
        repeated: a.paragraphs.iter().filter(|p| p.repeat_of.is_some()).map(|p| span(p.span)).collect(),
    }
}
