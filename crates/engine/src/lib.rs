//! The engine composes the stages — ingest → clean → segment → attribute → resolve, and the
//! per-article half of link (its sketches and keys) when the run stores — and runs them as a
//! stream: one reader thread turns inputs into batches, a rayon pool analyses each batch in
//! parallel (one batch ahead of the sink), and the caller's [`Sink`] receives the batch in input
//! order. At most two batches wait in the channel, so memory is bounded by the batch size, not
//! the corpus.
//!
//! **Invariant: [`analyze`] is pure and never panics outward; a panic in a stage becomes a
//! per-document diagnostic.**

pub mod wire;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;

use onrecord_clean::Given;
use onrecord_ingest::{Body, IngestConfig, Input, Item, RawDocument};
use onrecord_link::{ArticleLinks, LinkConfig};
use onrecord_model::{Article, Diagnostic, Severity};
use rayon::prelude::*;

pub use onrecord_ingest as ingest;
pub use onrecord_model as model;

/// One batch as handed to a sink: analysed articles and diagnostics, in input order.
pub struct Batch {
    pub results: Vec<Result<Article, Diagnostic>>,
    /// `links[i]` is the link stage's sketch of `results[i]` when [`RunConfig::link`] is set and
    /// the document was read; `None` otherwise. Computed on the pool with the analysis, so the
    /// sink's one thread only stores.
    pub links: Vec<Option<ArticleLinks>>,
}

/// Receives analysed batches. A sink error stops the run.
pub trait Sink {
    fn batch(&mut self, batch: Batch) -> Result<(), SinkError>;
}

pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Sink(SinkError),
}

/// Run settings, built once.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub ingest: IngestConfig,
    /// Documents per batch (one store transaction each).
    pub batch_docs: usize,
    /// Bytes of raw text per batch, whichever limit comes first.
    pub batch_bytes: usize,
    /// Sketch each article for linking across articles (a run that stores does; extract not).
    pub link: Option<LinkConfig>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { ingest: IngestConfig::default(), batch_docs: 512, batch_bytes: 32 << 20, link: None }
    }
}

/// Turns one raw document into an analysed article, or says why it cannot.
pub fn analyze(doc: RawDocument) -> Result<Article, Diagnostic> {
    let origin = doc.origin.clone();
    catch_unwind(AssertUnwindSafe(|| analyze_inner(doc))).unwrap_or_else(|_| {
        Err(Diagnostic {
            origin,
            severity: Severity::Failed,
            message: "internal error while analysing this document (a bug: please report it)".into(),
        })
    })
}

fn analyze_inner(doc: RawDocument) -> Result<Article, Diagnostic> {
    let f = doc.fields;
    let mut given = Given { headline: f.title, outlet: f.outlet, date: f.date, published: None, captured: f.captured, url: f.url };
    let text = match doc.body {
        Body::Text(t) => t,
        Body::Html(html) => match onrecord_ingest::html::extract(&html) {
            Ok(page) => {
                given.headline = given.headline.or(page.title);
                given.outlet = given.outlet.or(page.site_name);
                given.published = page.date;
                given.url = given.url.or(page.url);
                page.text
            }
            Err(e) => {
                let severity = match e {
                    onrecord_ingest::html::HtmlError::NoArticle => Severity::Skipped,
                    _ => Severity::Failed,
                };
                return Err(Diagnostic { origin: doc.origin, severity, message: e.to_string() });
            }
        },
    };
    if text.trim().is_empty() {
        return Err(Diagnostic { origin: doc.origin, severity: Severity::Skipped, message: "empty: no text to read".into() });
    }
    let mut article = onrecord_clean::clean(doc.name, doc.origin, text, given);
    article.statements = onrecord_attribute::attribute(&article);
    onrecord_resolve::resolve(&mut article);
    Ok(article)
}

/// Sketches an analysed article for the link stage. Like [`analyze`], never panics outward.
pub fn sketch(article: &Article, cfg: &LinkConfig) -> Result<ArticleLinks, Diagnostic> {
    catch_unwind(AssertUnwindSafe(|| onrecord_link::prepare(article, cfg))).map_err(|_| Diagnostic {
        origin: article.origin.clone(),
        severity: Severity::Failed,
        message: "internal error while sketching this document for linking (a bug: please report it)".into(),
    })
}

/// Analyses already-read documents in parallel, keeping their order.
pub fn analyze_all(docs: Vec<RawDocument>) -> Vec<Result<Article, Diagnostic>> {
    docs.into_par_iter().map(analyze).collect()
}

/// Counts for the run's summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub read: usize,
    pub skipped: usize,
    pub failed: usize,
    pub statements: usize,
    pub bytes: usize,
}

impl Summary {
    pub fn count(&mut self, r: &Result<Article, Diagnostic>) {
        match r {
            Ok(a) => {
                self.read += 1;
                self.statements += a.statements.len();
                self.bytes += a.text.len();
            }
            Err(d) if d.severity == Severity::Skipped => self.skipped += 1,
            Err(_) => self.failed += 1,
        }
    }
}

/// Streams `inputs` through the pipeline into `sink`. Diagnostics of inputs that could not even
/// be listed should be passed in `early`; they reach the sink first.
pub fn run(inputs: Vec<Input>, early: Vec<Diagnostic>, cfg: &RunConfig, sink: &mut dyn Sink) -> Result<Summary, EngineError> {
    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let ingest_cfg = cfg.ingest.clone();
    let (max_docs, max_bytes) = (cfg.batch_docs.max(1), cfg.batch_bytes.max(1));
    let reader = std::thread::spawn(move || {
        let mut batch: Vec<Item> = early.into_iter().map(Item::Diag).collect();
        let mut bytes = 0usize;
        for input in &inputs {
            let mut stopped = false;
            onrecord_ingest::read_input(input, &ingest_cfg, &mut |item| {
                if stopped {
                    return;
                }
                if let Item::Doc(d) = &item {
                    bytes += match &d.body {
                        Body::Text(t) | Body::Html(t) => t.len(),
                    };
                }
                batch.push(item);
                if batch.len() >= max_docs || bytes >= max_bytes {
                    bytes = 0;
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        stopped = true; // the consumer has stopped
                    }
                }
            });
            if stopped {
                return;
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    });
    // Analysis runs one batch ahead of the sink: while the sink writes batch k (one thread, for
    // a store), the pool analyses batch k+1. One analysed batch waits at most.
    let mut summary = Summary::default();
    let mut result = Ok(());
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = sync_channel::<Batch>(1);
        let link = cfg.link;
        scope.spawn(move || {
            for items in rx {
                let (results, links): (Vec<Result<Article, Diagnostic>>, Vec<Option<ArticleLinks>>) = items
                    .into_par_iter()
                    .map(|item| {
                        let analysed = match item {
                            Item::Doc(d) => analyze(d),
                            Item::Diag(d) => Err(d),
                        };
                        match (analysed, &link) {
                            (Ok(a), Some(cfg)) => match sketch(&a, cfg) {
                                Ok(l) => (Ok(a), Some(l)),
                                Err(d) => (Err(d), None),
                            },
                            (r, _) => (r, None),
                        }
                    })
                    .unzip();
                if done_tx.send(Batch { results, links }).is_err() {
                    break; // the sink failed; dropping rx stops the reader
                }
            }
        });
        for batch in done_rx.iter() {
            for r in &batch.results {
                summary.count(r);
            }
            if let Err(e) = sink.batch(batch) {
                result = Err(EngineError::Sink(e));
                break;
            }
        }
        // leaving the loop drops done_rx, which ends the analysis thread
    });
    // dropping rx (on error) unblocks the reader
    let _ = reader.join();
    result.map(|_| summary)
}
