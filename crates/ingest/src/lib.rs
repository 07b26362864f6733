//! Readers that turn the files people actually have into raw documents.
//!
//! Ingest knows about formats and nothing about news: it finds inputs ([`discover`]), recognises
//! their format by name or by sniffing ([`Format`]), and streams [`RawDocument`]s into a callback.
//! HTML stays raw here; [`html::extract`] turns it into main text and is called by the engine on
//! its worker threads, because it is the one expensive step.
//!
//! **Invariant: a broken input never stops the batch.** Every reader reports problems as
//! [`Diagnostic`]s naming the input and the reason, keeps every document it read before the
//! problem, and returns. Only a path that cannot be opened at all is reported by [`discover`].

mod bounded;
mod discover;
mod fields;
pub mod html;
mod read;
mod warc_reader;

pub use discover::{discover, Format, Input};
pub use fields::{FieldMap, FieldRole};
pub use read::read_input;

use onrecord_model::Diagnostic;

/// Limits and field names, built once per run.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Largest document (a file, a JSONL line, a WARC record) read; bigger ones are skipped.
    pub max_doc_bytes: usize,
    /// Which JSON fields hold the text, title, date and so on.
    pub fields: FieldMap,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig { max_doc_bytes: 32 << 20, fields: FieldMap::default() }
    }
}

/// What the readers push out: a document, or a diagnostic about an input.
#[derive(Debug)]
pub enum Item {
    Doc(RawDocument),
    Diag(Diagnostic),
}

/// One document as read, before any analysis.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Short name: a file stem, a JSONL `id`, a WARC target URI.
    pub name: String,
    /// A path, `path:line` or `path#record`.
    pub origin: String,
    pub body: Body,
    pub fields: Fields,
}

#[derive(Debug, Clone)]
pub enum Body {
    /// Text to analyse as it is.
    Text(String),
    /// An HTML page; [`html::extract`] gives its main text.
    Html(String),
}

impl Default for Body {
    fn default() -> Self {
        Body::Text(String::new())
    }
}

/// Metadata that came with the document (JSON fields, WARC headers), unparsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    pub url: Option<String>,
    /// A publication date as the source wrote it.
    pub date: Option<String>,
    pub outlet: Option<String>,
    /// When a crawler captured the page (WARC-Date).
    pub captured: Option<chrono::NaiveDate>,
}

/// Errors of configuration, before any input is read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("--field wants ROLE=NAME[,NAME...] with ROLE one of text, title, url, date, outlet, id; got {0:?}")]
    BadFieldSpec(String),
}
