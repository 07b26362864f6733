use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use onrecord_engine::model::{Diagnostic, Severity};
use onrecord_engine::{ingest, wire, Batch, RunConfig, Sink, SinkError, Summary};
use onrecord_store::{StatementFilter, Store};

use crate::args::{Cli, Command, InputArgs};

pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest { input, db } => {
            let mut store = Store::open(&db)?;
            let before = store.article_count()?;
            let mut sink = StoreSink { store: &mut store, new: 0, known: 0, progress: Progress::new(input.quiet), quiet: input.quiet };
            let summary = run_pipeline(&input, &mut sink)?;
            let (new, known) = (sink.new, sink.known);
            sink.progress.finish();
            let total = store.article_count()?;
            eprintln!(
                "onrecord: {} read, {} skipped, {} failed; {} new articles stored ({} already there), {} statements; {} articles in {}",
                summary.read, summary.skipped, summary.failed, new, known, summary.statements, total, db.display()
            );
            debug_assert!(total >= before);
            Ok(exit_code(&summary, input.strict))
        }
        Command::Extract { input } => {
            let stdout = std::io::stdout();
            let mut sink = JsonSink { out: std::io::BufWriter::new(stdout.lock()), progress: Progress::new(input.quiet || std::io::stdout().is_terminal()), quiet: input.quiet };
            let summary = run_pipeline(&input, &mut sink)?;
            sink.out.flush()?;
            sink.progress.finish();
            if !input.quiet {
                eprintln!("onrecord: {} read, {} skipped, {} failed; {} statements", summary.read, summary.skipped, summary.failed, summary.statements);
            }
            Ok(exit_code(&summary, input.strict))
        }
        Command::Statements { db, speaker, about, outlet, since, until, kind, limit, json } => {
            let store = Store::open_read_only(&db).with_context(|| format!("no readable store at {} (run `onrecord ingest` first)", db.display()))?;
            let f = StatementFilter { speaker, about, outlet, since, until, kind, limit, offset: 0 };
            let rows = store.statements(&f)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for r in &rows {
                if json {
                    let v = serde_json::json!({
                        "id": r.id, "article": r.article_name, "article_id": r.article_id, "outlet": r.outlet, "published": r.published,
                        "date": r.date, "type": r.kind, "speaker": r.speaker, "role": r.speaker_role, "affiliation": r.speaker_affiliation,
                        "source": r.source, "cue": r.cue, "content": r.content, "start": r.content_start, "end": r.content_end,
                        "about": r.about, "confidence": r.confidence,
                    });
                    writeln!(out, "{v}")?;
                } else {
                    let who = r.speaker.as_deref().unwrap_or("?");
                    let role = r.speaker_role.as_deref().map(|x| format!(" ({x})")).unwrap_or_default();
                    writeln!(out, "{}  {:<10} {}{}: {}", r.date.as_deref().unwrap_or("----------"), r.kind, who, role, ellipsis(&r.content, 140))?;
                }
            }
            if !json {
                writeln!(out, "-- {} statements", rows.len())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { paths, passes } => bench(&paths, passes),
        Command::Train { polnear, out, epochs, bits, folds } => crate::train::train(&polnear, &out, epochs, bits, folds),
    }
}

fn ellipsis(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Exit 1 when --strict and something failed, or when nothing at all could be read because of failures.
fn exit_code(s: &Summary, strict: bool) -> ExitCode {
    if (strict && s.failed > 0) || (s.read == 0 && s.failed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_pipeline(input: &InputArgs, sink: &mut dyn Sink) -> Result<Summary> {
    let mut cfg = RunConfig::default();
    cfg.ingest.max_doc_bytes = input.max_doc_mb.max(1) << 20;
    cfg.batch_docs = input.batch_size.max(1);
    for f in &input.fields {
        cfg.ingest.fields.set(f)?;
    }
    if let Some(n) = input.threads {
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
        for r in batch.results {
            match r {
                Ok(a) => articles.push(a),
                Err(d) if !self.quiet || d.severity == Severity::Failed => self.progress.say(&d),
                Err(_) => {}
            }
        }
        let w = self.store.write_batch(&articles)?;
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

/// Reads every document into memory, then times analysis alone over several passes.
fn bench(paths: &[std::path::PathBuf], passes: usize) -> Result<ExitCode> {
    let mut early = Vec::new();
    let inputs = ingest::discover(paths, &mut early);
    let cfg = ingest::IngestConfig::default();
    let mut docs = Vec::new();
    for i in &inputs {
        ingest::read_input(i, &cfg, &mut |item| {
            if let ingest::Item::Doc(d) = item {
                docs.push(d);
            }
        });
    }
    anyhow::ensure!(!docs.is_empty(), "no documents to benchmark");
    let bytes: usize = docs.iter().map(|d| match &d.body {
        ingest::Body::Text(t) | ingest::Body::Html(t) => t.len(),
    }).sum();
    let mut single = f64::MAX;
    let mut stmts = 0;
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        stmts = 0;
        for d in docs.iter().cloned() {
            if let Ok(a) = onrecord_engine::analyze(d) {
                stmts += a.statements.len();
            }
        }
        single = single.min(t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let _ = onrecord_engine::analyze_all(docs.clone());
    let parallel = t.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!("documents      {}", docs.len());
    println!("text           {:.2} MB", mb);
    println!("statements     {stmts}");
    println!("one core       {:.1} MB/s, {:.0} documents/s (best of {passes})", mb / single, docs.len() as f64 / single);
    println!("all cores      {:.1} MB/s, {:.0} documents/s ({} threads)", mb / parallel, docs.len() as f64 / parallel, std::thread::available_parallelism().map_or(1, |n| n.get()));
    Ok(ExitCode::SUCCESS)
}
