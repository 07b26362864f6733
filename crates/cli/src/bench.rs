//! `onrecord bench`: extraction speed on files, and with `corpus`, the whole store on a
//! generated corpus: ingest with all cross-article linking, then every query command, each in
//! its own process so its peak memory is its own.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, Result};
use onrecord_engine::ingest;

/// Reads every document into memory, then times analysis alone over several passes.
pub fn extraction(paths: &[PathBuf], passes: usize) -> Result<ExitCode> {
    anyhow::ensure!(!paths.is_empty(), "give files or folders to analyse, or `onrecord bench corpus`");
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
    let bytes: usize = docs
        .iter()
        .map(|d| match &d.body {
            ingest::Body::Text(t) | ingest::Body::Html(t) => t.len(),
        })
        .sum();
    let mut single = f64::MAX;
    let mut analysed = Vec::new();
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        analysed = docs.iter().cloned().filter_map(|d| onrecord_engine::analyze(d).ok()).collect();
        single = single.min(t.elapsed().as_secs_f64());
    }
    let stmts: usize = analysed.iter().map(|a| a.statements.len()).sum();
    // what ingest does per article on top of analysis: the keys that link it to the corpus
    let link = onrecord_store::LinkConfig::default();
    let mut keys = f64::MAX;
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        for a in &analysed {
            std::hint::black_box(onrecord_engine::sketch(a, &link).ok());
        }
        keys = keys.min(t.elapsed().as_secs_f64());
    }
    // best of the passes too: one pass of a small corpus over all cores is mostly thread start
    // and the slowest document, and varied by half from run to run
    let mut parallel = f64::MAX;
    for _ in 0..passes.max(1) {
        let docs = docs.clone();
        let t = Instant::now();
        let _ = onrecord_engine::analyze_all(docs);
        parallel = parallel.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("documents      {}", docs.len());
    println!("text           {:.2} MB", mb);
    println!("statements     {stmts}");
    println!("one core       {:.1} MB/s, {:.0} documents/s (best of {passes})", mb / single, docs.len() as f64 / single);
    println!("link keys      {:.1} MB/s on one core, on top of analysis when ingesting (best of {passes})", mb / keys);
    println!(
        "all cores      {:.1} MB/s, {:.0} documents/s ({} threads, best of {passes})",
        mb / parallel,
        docs.len() as f64 / parallel,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    Ok(ExitCode::SUCCESS)
}

/// The peak resident memory of this process so far, in MiB (Linux; None elsewhere).
pub fn peak_memory_mib() -> Option<f64> {
    status_mib("VmHWM:")
}

/// A memory figure from /proc/self/status, in MiB.
fn status_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The environment variable that makes the binary print its peak memory when it exits.
pub const REPORT_PEAK: &str = "ONRECORD_REPORT_PEAK";

struct Step {
    name: String,
    seconds: f64,
    peak_mib: Option<f64>,
    ok: bool,
}

fn run_step(name: &str, args: &[&str]) -> Result<Step> {
    let exe = std::env::current_exe().context("finding the onrecord binary")?;
    let t = Instant::now();
    let out = Command::new(exe).args(args).env(REPORT_PEAK, "1").output().with_context(|| format!("running {name}"))?;
    let seconds = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_mib =
        stderr.lines().find_map(|l| l.strip_prefix("onrecord: peak memory ")).and_then(|r| r.trim_end_matches(" MiB").parse().ok());
    if !out.status.success() {
        eprintln!("onrecord: bench: {name} failed: {}", stderr.trim());
    }
    Ok(Step { name: name.to_string(), seconds, peak_mib, ok: out.status.success() })
}

pub fn corpus(articles: usize, seed: u64, dir: Option<&Path>) -> Result<ExitCode> {
    let (dir, temporary) = match dir {
        Some(d) => (d.to_path_buf(), false),
        None => (std::env::temp_dir().join(format!("onrecord-bench-{}", std::process::id())), true),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let corpus = dir.join("corpus.jsonl");
    let db = dir.join("bench.db");
    for f in [&db, &dir.join("bench.db-wal"), &dir.join("bench.db-shm")] {
        let _ = std::fs::remove_file(f);
    }
    let t = Instant::now();
    crate::generate::write_corpus(&corpus, articles, seed)?;
    let size = std::fs::metadata(&corpus)?.len() as f64 / 1e6;
    eprintln!("onrecord: bench: generated {articles} articles ({size:.0} MB) in {:.1} s", t.elapsed().as_secs_f64());
    let (c, d) = (corpus.to_string_lossy().to_string(), db.to_string_lossy().to_string());
    let ingest = run_step("ingest", &["ingest", "--quiet", "--db", &d, &c])?;
    anyhow::ensure!(ingest.ok, "the ingest step failed");
    let queries: Vec<(&str, Vec<&str>)> = vec![
        ("statements", vec!["statements", "--db", &d, "--limit", "100"]),
        ("statements --speaker", vec!["statements", "--db", &d, "--speaker", "Zhao", "--limit", "100"]),
        ("statements --about --since", vec!["statements", "--db", &d, "--about", "Pakistan", "--since", "2020-01-01", "--limit", "100"]),
        ("statements --outlet --kind", vec!["statements", "--db", &d, "--outlet", "Meridian", "--kind", "direct", "--limit", "100"]),
        ("speakers", vec!["speakers", "--db", &d]),
        ("speaker", vec!["speaker", "--db", &d, "Zhao Lijian"]),
        ("phrases", vec!["phrases", "--db", &d]),
        ("phrase", vec!["phrase", "--db", &d, "community of shared future for mankind"]),
        ("search (rare)", vec!["search", "--db", &d, "ironclad"]),
        ("search (common)", vec!["search", "--db", &d, "cooperation"]),
        ("search (phrase)", vec!["search", "--db", &d, "\"all-weather strategic\""]),
        ("clusters", vec!["clusters", "--db", &d]),
        ("statement", vec!["statement", "--db", &d, "1"]),
    ];
    // each query three times: the first run after an ingest can meet the OS still writing the
    // store back to disk; the median is the query's own time, the first is shown beside it
    let mut steps = vec![];
    for (name, args) in &queries {
        let runs = [run_step(name, args)?, run_step(name, args)?, run_step(name, args)?];
        let mut times: Vec<f64> = runs.iter().map(|r| r.seconds).collect();
        times.sort_by(f64::total_cmp);
        let first = runs[0].seconds;
        let [a, b, c] = runs;
        steps.push((Step { seconds: times[1], ok: a.ok && b.ok && c.ok, ..a }, first));
    }
    let db_size = std::fs::metadata(&db).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
    println!("corpus         {articles} articles, {size:.0} MB of JSON Lines (seed {seed})");
    println!("store          {db_size:.0} MB");
    println!(
        "ingest         {:.1} s, {:.0} articles/s, peak {} (parse, analyse, link, store, talking points)",
        ingest.seconds,
        articles as f64 / ingest.seconds,
        ingest.peak_mib.map_or("?".into(), |m| format!("{m:.0} MiB"))
    );
    println!("{:<28} {:>9} {:>10} {:>10}", "query", "median", "first", "peak");
    for (s, first) in &steps {
        println!(
            "{:<28} {:>6.0} ms {:>7.0} ms {:>10} {}",
            s.name,
            s.seconds * 1000.0,
            first * 1000.0,
            s.peak_mib.map_or("?".into(), |m| format!("{m:.0} MiB")),
            if s.ok { "" } else { "FAILED" }
        );
    }
    println!("(query times are whole processes: start, open the store, query, print; median of three runs, and the first)");
    if temporary {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(if steps.iter().all(|(s, _)| s.ok) { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// How `bench serve` loads the server.
pub struct ServeLoad {
    pub clients: usize,
    pub seconds: f64,
    pub queries: usize,
    pub zipf: f64,
    pub cache_entries: usize,
    pub seed: u64,
}

/// Search pages to ask for, made from the words of the store's statements: single words,
/// pairs, quoted two-word phrases, and words with a date filter, in a seeded shuffled order
/// (so how often a query is asked has nothing to do with how common its words are).
fn search_paths(store: &onrecord_store::Store, n: usize, seed: u64) -> Result<Vec<String>> {
    let f = onrecord_store::StatementFilter { limit: 5000, ..Default::default() };
    let mut vocabulary: Vec<String> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in store.statements(&f)? {
        let words: Vec<String> = onrecord_link::words::words(&s.content).into_iter().map(|w| w.norm).collect();
        let content = |w: &str| w.len() >= 4 && w.chars().all(char::is_alphabetic) && !onrecord_link::words::is_stopword(w);
        for w in words.iter().filter(|w| content(w)) {
            if seen.insert(w.clone()) {
                vocabulary.push(w.clone());
            }
        }
        for p in words.windows(2).filter(|p| content(&p[0]) && content(&p[1])) {
            pairs.push((p[0].clone(), p[1].clone()));
        }
    }
    anyhow::ensure!(!vocabulary.is_empty() && !pairs.is_empty(), "the store has no statements to make queries from");
    let mut rng = crate::generate::Rng(seed);
    let enc = |params: &[(&str, &str)]| format!("/?{}", serde_urlencoded::to_string(params).unwrap_or_default());
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let w = &vocabulary[rng.below(vocabulary.len())];
        let (a, b) = &pairs[rng.below(pairs.len())];
        paths.push(match i % 10 {
            0..=5 => enc(&[("q", w)]),
            6 | 7 => enc(&[("q", &format!("{a} {b}"))]),
            8 => enc(&[("q", &format!("\"{a} {b}\""))]),
            _ => enc(&[("q", w), ("since", "2021")]),
        });
    }
    Ok(paths)
}

/// Starts the server on a free port in this process and loads it.
pub fn serve(db: &Path, load: ServeLoad) -> Result<ExitCode> {
    let store = onrecord_store::Store::open_read_only(db).with_context(|| format!("no readable store at {}", db.display()))?;
    let paths = search_paths(&store, load.queries.max(1), load.seed)?;
    let (articles, statements) = (store.article_count()?, store.statement_count()?);
    drop(store);
    let config = onrecord_web::ServeConfig {
        db: db.to_path_buf(),
        bind: "127.0.0.1:0".parse().expect("an address"),
        pool: onrecord_web::PoolConfig::default(),
        cache_entries: load.cache_entries,
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if let Err(e) = onrecord_web::serve_blocking(config, |addr| {
            let _ = tx.send(addr);
        }) {
            eprintln!("onrecord: bench: the server failed: {e}");
        }
    });
    let addr = rx.recv().context("the server did not start")?;
    let cfg = onrecord_web::load::LoadConfig {
        clients: load.clients.max(1),
        duration: std::time::Duration::from_secs_f64(load.seconds.max(0.1)),
        paths,
        zipf: load.zipf,
        seed: load.seed,
    };
    let r = onrecord_web::load::run(addr, &cfg);
    println!("store          {articles} articles, {statements} statements ({})", db.display());
    println!(
        "load           {} clients for {:.0} s, no think time; {} distinct search pages (Zipf {}), {} asked; cache {}",
        cfg.clients,
        r.seconds,
        cfg.paths.len(),
        cfg.zipf,
        r.distinct_paths,
        if load.cache_entries == 0 { "off".to_string() } else { format!("{} entries", load.cache_entries) }
    );
    println!("requests       {} ({:.0}/s), {} errors", r.requests, r.requests as f64 / r.seconds, r.errors);
    println!(
        "latency        p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        r.percentile(50.0),
        r.percentile(90.0),
        r.percentile(99.0),
        r.percentile(100.0)
    );
    if let (Some(peak), Some(anon)) = (peak_memory_mib(), status_mib("RssAnon:")) {
        // each pooled connection maps the store file; those pages are the OS's file cache,
        // shared between the mappings, and counted once per mapping in the peak
        println!("memory         {anon:.0} MiB own (heap, stacks); peak resident {peak:.0} MiB counting each connection's mapping of the store file");
    }
    Ok(if r.errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
