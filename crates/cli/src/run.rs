use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use onrecord_engine::model::{Diagnostic, Severity};
use onrecord_engine::{ingest, wire, Batch, RunConfig, Sink, SinkError, Summary};
use onrecord_store::{LinkConfig, StatementFilter, Store};

use crate::args::{BenchCommand, Cli, Command, InputArgs};

pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest { input, db, copy_threshold, statement_threshold, paragraph_words, commit_every } => {
            let mut store = Store::open(&db)?;
            store.set_commit_every(commit_every);
            store.set_link_config(LinkConfig {
                article_threshold: copy_threshold,
                statement_threshold,
                paragraph_min_words: paragraph_words.max(1),
            });
            let before = store.article_count()?;
            let link = Some(store.link_config());
            let mut sink = StoreSink { store: &mut store, new: 0, known: 0, progress: Progress::new(input.quiet), quiet: input.quiet };
            let summary = run_pipeline(&input, link, &mut sink)?;
            let (new, known) = (sink.new, sink.known);
            sink.progress.finish();
            // talking-point statistics, once for the whole run
            store.finish().context("updating speakers and talking points")?;
            let total = store.article_count()?;
            eprintln!(
                "onrecord: {} read, {} skipped, {} failed; {} new articles stored ({} already there), {} statements; {} articles in {}",
                summary.read,
                summary.skipped,
                summary.failed,
                new,
                known,
                summary.statements,
                total,
                db.display()
            );
            debug_assert!(total >= before);
            Ok(exit_code(&summary, input.strict))
        }
        Command::Extract { input } => {
            let stdout = std::io::stdout();
            let mut sink = JsonSink {
                out: std::io::BufWriter::new(stdout.lock()),
                progress: Progress::new(input.quiet || std::io::stdout().is_terminal()),
                quiet: input.quiet,
            };
            let summary = run_pipeline(&input, None, &mut sink)?;
            sink.out.flush()?;
            sink.progress.finish();
            if !input.quiet {
                eprintln!(
                    "onrecord: {} read, {} skipped, {} failed; {} statements",
                    summary.read, summary.skipped, summary.failed, summary.statements
                );
            }
            Ok(exit_code(&summary, input.strict))
        }
        Command::Statements { db, speaker, about, outlet, since, until, kind, occurrences, limit, json } => {
            if let Some(k) = &kind {
                anyhow::ensure!(
                    onrecord_engine::model::StatementKind::parse(k).is_some(),
                    "unknown statement kind {k:?}: use direct, indirect, mixed, floating, headline or transcript"
                );
            }
            for d in [&since, &until].into_iter().flatten() {
                anyhow::ensure!(onrecord_store::day_bound(d, false).is_some(), "{d:?} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)");
            }
            let f = StatementFilter { speaker, about, outlet, since, until, kind, occurrences, limit, offset: 0 };
            crate::query::statements(&open_store(&db)?, &f, json)
        }
        Command::Statement { db, id, json } => crate::query::statement(&open_store(&db)?, id, json),
        Command::Speakers { db, name, limit, json } => crate::query::speakers(&open_store(&db)?, name.as_deref(), limit, json),
        Command::Speaker { db, name, limit, json } => crate::query::speaker(&open_store(&db)?, &name, limit, json),
        Command::Phrases { db, min_articles, limit, json } => crate::query::phrases(&open_store(&db)?, min_articles, limit, json),
        Command::Phrase { db, text, limit, json } => crate::query::phrase(&open_store(&db)?, &text, limit, json),
        Command::Search { db, query, limit, offset, json } => crate::query::search(&open_store(&db)?, &query, limit, offset, json),
        Command::Clusters { db, min_size, limit, members, json } => {
            crate::query::clusters(&open_store(&db)?, min_size, limit, members, json)
        }
        Command::Export { db, format, out } => crate::export::export(&open_store(&db)?, format, out.as_deref()),
        Command::Serve { db, bind, query_seconds, cache_entries } => serve(db, bind, query_seconds, cache_entries),
        Command::Generate { articles, seed, out } => crate::generate::write_corpus(&out, articles, seed),
        Command::Bench { what: Some(BenchCommand::Corpus { articles, seed, dir }), .. } => {
            crate::bench::corpus(articles, seed, dir.as_deref())
        }
        Command::Bench { what: Some(BenchCommand::Serve { db, clients, seconds, queries, zipf, cache_entries, seed }), .. } => {
            crate::bench::serve(&db, crate::bench::ServeLoad { clients, seconds, queries, zipf, cache_entries, seed })
        }
        Command::Bench { what: None, paths, passes } => crate::bench::extraction(&paths, passes),
        Command::Train { polnear, out, epochs, bits, folds, seed } => crate::train::train(&polnear, &out, epochs, bits, folds, seed),
    }
}

fn serve(db: std::path::PathBuf, bind: std::net::SocketAddr, query_seconds: f64, cache_entries: usize) -> Result<ExitCode> {
    anyhow::ensure!(query_seconds > 0.0 && query_seconds.is_finite(), "--query-seconds must be a positive number");
    if !bind.ip().is_loopback() {
        eprintln!("onrecord serve: listening on {bind}, which other machines can reach; the store is readable by anyone who can connect");
    }
    let pool = onrecord_web::PoolConfig { query_time_limit: std::time::Duration::from_secs_f64(query_seconds), ..Default::default() };
    let config = onrecord_web::ServeConfig { db: db.clone(), bind, pool, cache_entries };
    onrecord_web::serve_blocking(config, |addr| eprintln!("onrecord serve: http://{addr}/ (Ctrl-C to stop)"))
        .with_context(|| format!("serving the store at {}", db.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn open_store(db: &std::path::Path) -> Result<Store> {
    Store::open_read_only(db).with_context(|| format!("no readable store at {} (run `onrecord ingest` first)", db.display()))
}

/// Exit 1 when --strict and something failed, or when nothing at all could be read because of failures.
fn exit_code(s: &Summary, strict: bool) -> ExitCode {
    if s.failed > 0 && (strict || s.read == 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_pipeline(input: &InputArgs, link: Option<LinkConfig>, sink: &mut dyn Sink) -> Result<Summary> {
    let mut cfg = RunConfig { link, ..RunConfig::default() };
    cfg.ingest.max_doc_bytes = input.max_doc_mb.max(1) << 20;
    cfg.batch_docs = input.batch_size.max(1);
    for f in &input.fields {
        cfg.ingest.fields.set(f)?;
    }
    // A store's writer is one more thread, busy the whole run: analysis on every core took
    // CPU from it, and a 100,000-article ingest on two cores ran in 91 s with two analysis
    // threads and in 79 s with one.
    let threads = input.threads.or_else(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        (link.is_some() && cores > 1).then_some(cores - 1)
    });
    if let Some(n) = threads {
        // The global pool is built once per process; this runs before any parallel work.
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("setting --threads")?;
    }
    let mut early = Vec::new();
    let inputs = ingest::discover(&input.paths, &mut early);
    Ok(onrecord_engine::run(inputs, early, &cfg, sink)?)
}

struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new_spinner();
            b.set_style(ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} [{elapsed}] {msg}").expect("valid template"));
            b
        });
        Progress { bar }
    }

    fn batch(&self, n: usize) {
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        }
    }

    fn say(&self, d: &Diagnostic) {
        let what = match d.severity {
            Severity::Skipped => "skipped",
            Severity::Failed => "failed",
        };
        let line = format!("onrecord: {what}: {}: {}", d.origin, d.message);
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

struct StoreSink<'s> {
    store: &'s mut Store,
    new: usize,
    known: usize,
    progress: Progress,
    quiet: bool,
}

impl Sink for StoreSink<'_> {
    fn batch(&mut self, batch: Batch) -> std::result::Result<(), SinkError> {
        let mut articles = Vec::with_capacity(batch.results.len());
        let mut links = Vec::with_capacity(batch.results.len());
        for (r, l) in batch.results.into_iter().zip(batch.links) {
            match (r, l) {
                (Ok(a), Some(l)) => {
                    articles.push(a);
                    links.push(l);
                }
                (Ok(a), None) => return Err(format!("{}: analysed without its link sketch (a bug: please report it)", a.origin).into()),
                (Err(d), _) if !self.quiet || d.severity == Severity::Failed => self.progress.say(&d),
                (Err(_), _) => {}
            }
        }
        let w = self.store.write_batch(&articles, &links)?;
        self.new += w.new_articles;
        self.known += w.known_articles;
        self.progress.batch(articles.len());
        Ok(())
    }
}

struct JsonSink<W: Write> {
    out: W,
    progress: Progress,
    quiet: bool,
}

impl<W: Write> Sink for JsonSink<W> {
    fn batch(&mut self, batch: Batch) -> std::result::Result<(), SinkError> {
        let n = batch.results.len();
        for r in batch.results {
            match r {
                Ok(a) => {
                    serde_json::to_writer(&mut self.out, &wire::doc(&a))?;
                    self.out.write_all(b"\n")?;
                }
                Err(d) if !self.quiet || d.severity == Severity::Failed => self.progress.say(&d),
                Err(_) => {}
            }
        }
        self.progress.batch(n);
        Ok(())
    }
}
