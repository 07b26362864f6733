//! Articles for the store tests: texts written for them, analysed and sketched as an ingest
//! would.

use onrecord_engine::ingest::{Body, Fields, RawDocument};
use onrecord_link::ArticleLinks;
use onrecord_model::Article;
use onrecord_store::LinkConfig;

/// `text` analysed as the article `name` of `outlet`, published on `date` (none if empty), with
/// its link sketch.
pub fn analysed(name: &str, outlet: &str, date: &str, text: &str) -> (Article, ArticleLinks) {
    let doc = RawDocument {
        name: name.into(),
        origin: name.into(),
        body: Body::Text(text.into()),
        fields: Fields { outlet: Some(outlet.into()), date: (!date.is_empty()).then(|| date.into()), ..Fields::default() },
    };
    let a = onrecord_engine::analyze(doc).expect("analyses");
    let l = onrecord_link::prepare(&a, &LinkConfig::default());
    (a, l)
}
