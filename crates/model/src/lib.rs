//! The types every onrecord stage speaks.
//!
//! Analysis stages are pure functions from one of these types to another, so they live in a crate
//! with no I/O and no dependencies beyond serde and chrono. Two rules keep offsets honest:
//!
//! * **Inside the engine a [`Span`] is a byte range into [`Article::text`].** Byte ranges are what
//!   Rust string slicing wants and cost nothing to produce.
//! * **At every interface (JSON, the store, the web API) offsets are Unicode code points**, so that
//!   Python and brat tools can use them. [`CharIndex`] does that conversion once per article.

mod article;
mod span;
mod statement;

pub use article::{article_id, push_lowercase, push_lowercase_words, Article, Meta, Paragraph};
pub use span::{CharIndex, Span, SpanIndex};
pub use statement::{Speaker, Statement, StatementKind};

/// A problem with one input that did not stop the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it happened: a path, `path:line`, or `path#record`.
    pub origin: String,
    pub severity: Severity,
    pub message: String,
}

/// How an input that produced a diagnostic is counted in the run's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Nothing to read here, by design (an empty file, a page with no article text).
    Skipped,
    /// The input is broken or unreadable (invalid UTF-8, truncated gzip, binary junk).
    Failed,
}
