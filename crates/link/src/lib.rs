//! The link stage: what ties articles together. Pure functions over one analysed article; the
//! store keeps their results and does the lookups.
//!
//! - **Syndication**: an [`ArticleSketch`] (MinHash over word 3-shingles, LSH band keys, hashes
//!   of long paragraphs) finds the copies of a story across outlets and the articles that paste
//!   another's paragraphs.
//! - **Statement identity**: a [`StatementSketch`] (fingerprint of the normalised words, LSH
//!   keys, head and tail anchors) finds the same statement carried by other articles, verbatim
//!   or near-verbatim; [`statement_similarity`] confirms it.
//! - **Talking points**: [`phrases::grams`] of each statement, counted by the store and ranked
//!   by [`phrases::chain`] against their background frequency.
//! - **Speakers**: [`speakers::speaker_key`] makes one entity of a speaker across articles.
//!
//! **Invariant: everything here is deterministic: the same article gives the same sketches on
//! every machine and every run, because the store compares them with ones written years ago.**

pub mod background;
pub mod filter;
pub mod phrases;
pub mod sketch;
pub mod speakers;
pub mod words;

use onrecord_model::Article;

pub use sketch::{
    article_sketch, signature_similarity, statement_similarity, statement_sketch, ArticleSketch, LinkConfig, StatementSketch,
};

/// Everything the store needs to link one article, computed off the writer thread.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLinks {
    pub sketch: ArticleSketch,
    /// One per statement, in the article's order.
    pub statements: Vec<StatementLinks>,
    /// Distinct gram keys of the live text, for the background counts.
    pub background: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementLinks {
    pub sketch: StatementSketch,
    /// The content's normalised word hashes, which near-copy matching compares.
    pub words: Vec<u64>,
    /// Distinct grams of the content: key, stems, surface as written.
    pub grams: Vec<(i64, String, String)>,
    /// The speaker's corpus key, when the statement has a speaker.
    pub speaker_key: Option<String>,
}

pub use words::word_hashes;

/// The link data of one article. Repeated paragraphs and the dateline are left out, as the
/// analysis stages leave them out.
pub fn prepare(article: &Article, cfg: &LinkConfig) -> ArticleLinks {
    let text = &article.text;
    let live: Vec<&str> = article
        .paragraphs
        .iter()
        .map(|p| match article.dateline {
            _ if p.repeat_of.is_some() => "",
            // a dateline names the outlet and the day, which copies change
            Some(d) if p.span.contains(d) => &text[d.end..p.span.end],
            _ => p.span.of(text),
        })
        .collect();
    let para_words: Vec<Vec<u64>> = live.iter().map(|p| word_hashes(p)).collect();
    let sketch = article_sketch(&para_words, cfg);
    let mut background: Vec<i64> = live.iter().flat_map(|p| phrases::gram_keys(p)).collect();
    background.sort_unstable();
    background.dedup();
    let statements = article
        .statements
        .iter()
        .map(|st| {
            let content = st.content.of(text);
            let w = word_hashes(content);
            let mut grams: Vec<(i64, String, String)> = Vec::new();
            for g in phrases::grams(content) {
                if !grams.iter().any(|(k, _, _)| *k == g.key) {
                    grams.push((g.key, g.stems, content[g.start..g.end].to_string()));
                }
            }
            // "analysts", "people": unnamed sources, a different crowd in every article, are no
            // speaker of the corpus (the statement keeps its speaker as resolved)
            let speaker_key = st
                .speaker
                .as_ref()
                .filter(|s| !speakers::is_generic(&s.name))
                .map(|s| speakers::speaker_key(&s.name))
                .filter(|k| !k.is_empty());
            StatementLinks { sketch: statement_sketch(&w, speaker_key.as_deref().unwrap_or("")), words: w, grams, speaker_key }
        })
        .collect();
    ArticleLinks { sketch, statements, background }
}
