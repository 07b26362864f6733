use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// onrecord reads news and keeps a record of statements: who said what (quoted or reported),
/// in what role, when, about whom, and which outlets carried it.
#[derive(Parser, Debug)]
#[command(name = "onrecord", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles and store them, with their statements, in the embedded store, linked to
    /// what is already there (copies, statements, speakers, talking points). Run it again with
    /// more articles at any time: nothing is rebuilt.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// The store file (SQLite).
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Two articles are copies of one story at this estimated Jaccard similarity of their
        /// word 3-shingles.
        #[arg(long, default_value_t = 0.5, value_parser = unit_interval)]
        copy_threshold: f64,
        /// Two statements are one at this similarity of their words (trimmed, re-punctuated or
        /// a word changed still match at the default).
        #[arg(long, default_value_t = 0.6, value_parser = unit_interval)]
        statement_threshold: f64,
        /// Paragraphs of at least this many words link the articles that share them.
        #[arg(long, default_value_t = 12)]
        paragraph_words: usize,
        /// New articles stored between two commits. A run that is killed, or whose store
        /// write fails, loses at most the articles since the last commit (run it again to
        /// store them); fewer commits make a large ingest faster.
        #[arg(long, default_value_t = onrecord_store::COMMIT_EVERY)]
        commit_every: usize,
    },
    /// Print one JSON object per document with its metadata and statements (JSON Lines).
    Extract {
        #[command(flatten)]
        input: InputArgs,
    },
    /// List stored statements, oldest first.
    Statements {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Speaker name contains this (case-insensitive).
        #[arg(long)]
        speaker: Option<String>,
        /// The statement is about this country, organisation or person.
        #[arg(long)]
        about: Option<String>,
        /// Outlet name contains this.
        #[arg(long)]
        outlet: Option<String>,
        /// From this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Up to this date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// direct, indirect, mixed, floating, headline or transcript.
        #[arg(long)]
        kind: Option<String>,
        /// List every copy of a statement, not each statement once.
        #[arg(long)]
        occurrences: bool,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Print JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// One statement and every article that carried it.
    Statement {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// The statement's id (any of its occurrences).
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Speakers across the corpus, most statements first.
    Speakers {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Name contains this.
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// One speaker: aliases, roles over time, statements in date order, outlets, talking points.
    Speaker {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// A name, part of one, or an alias ("Zhao Lijian", "zhao", "President Alvi").
        name: String,
        /// Most statements listed.
        #[arg(long, default_value_t = 200)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Talking points: phrases that recur in statements across articles, best first.
    Phrases {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Only phrases found in at least this many articles.
        #[arg(long, default_value_t = 2)]
        min_articles: usize,
        #[arg(long, default_value_t = 30)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// One phrase over time: statements using it per month, who said it, where.
    Phrase {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        text: String,
        /// Example statements listed.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over statements (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*).
    Search {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
        #[arg(long)]
        json: bool,
    },
    /// Syndication clusters: copies of one story across outlets, and paragraphs pasted between
    /// stories.
    Clusters {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Only clusters with at least this many copies.
        #[arg(long, default_value_t = 2)]
        min_size: usize,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Copies listed per cluster, earliest first (the size is always the whole count).
        #[arg(long, default_value_t = 20)]
        members: usize,
        #[arg(long)]
        json: bool,
    },
    /// Write every stored statement out: JSON Lines, CSV, Parquet (with the `parquet` feature),
    /// or brat standoff (one .txt and .ann per article, for INCEpTION or brat).
    Export {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// A file (jsonl, csv, parquet; - or none for standard output) or a folder (brat).
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Learn the attribution tagger's weights from a local copy of PolNeAR's train split.
    ///
    /// Reads DIR/text/*.txt and DIR/attributions/*.ann and writes a model file; the one embedded
    /// in the binary is crates/attribute/model/attribution.bin.gz (see docs/model-card.md).
    Train {
        /// A PolNeAR-style folder with text/ and attributions/.
        #[arg(long, value_name = "DIR")]
        polnear: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/attribute/model/attribution.bin.gz")]
        out: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// The weight table has 2^BITS rows.
        #[arg(long, default_value_t = 20)]
        bits: u32,
        /// Folds for the second (stacked) stage; 0 or 1 trains the first stage only.
        #[arg(long, default_value_t = 4)]
        folds: usize,
        /// Seeds the order in which training meets the articles (the same seed, corpus and
        /// code write the same model).
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Serve a local web app and JSON API over the store: search, speakers, talking points,
    /// articles with their statements marked. Reads the store only; stop with Ctrl-C.
    Serve {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        /// Address to listen on. The default answers this machine only; binding elsewhere
        /// exposes the store to the network.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// A query running longer than this (seconds) is stopped and the request answered 503.
        #[arg(long, default_value_t = 3.0)]
        query_seconds: f64,
        /// Results kept for repeated requests (about this many pages); 0 turns the cache off.
        /// The cache empties itself when the store changes.
        #[arg(long, default_value_t = 4096)]
        cache_entries: usize,
    },
    /// Measure extraction speed on files (MB/s per core and articles/s), or with `corpus`,
    /// the whole store: ingest and every query command on a generated corpus.
    Bench {
        #[command(subcommand)]
        what: Option<BenchCommand>,
        /// Files or folders to analyse (read once into memory, then timed).
        paths: Vec<PathBuf>,
        /// Passes over the data.
        #[arg(long, default_value_t = 5)]
        passes: usize,
    },
    /// Write a reproducible synthetic news corpus (JSON Lines) made from the bundled example
    /// articles and texts written for it: stories copied across outlets with edits, recurring
    /// talking points, unrelated stories.
    Generate {
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (.jsonl); - for standard output.
        #[arg(long, short)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Generate a corpus, ingest it into a fresh store, and time every query command; reports
    /// articles per second and each step's peak memory (each runs as its own process).
    Corpus {
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Working folder for the corpus and the store (default: a temporary folder).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Start `onrecord serve` on a store and load it: many clients asking for search pages
    /// back to back, queries made from the store's own words and drawn Zipf-distributed;
    /// reports requests per second, latency percentiles and errors.
    Serve {
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 50)]
        clients: usize,
        #[arg(long, default_value_t = 30.0)]
        seconds: f64,
        /// Distinct queries to draw from.
        #[arg(long, default_value_t = 2000)]
        queries: usize,
        /// How skewed the choice of query is (Zipf exponent; 0 asks every query equally often).
        #[arg(long, default_value_t = 1.0)]
        zipf: f64,
        /// The server's result cache (0 turns it off, so every request queries the store).
        #[arg(long, default_value_t = 4096)]
        cache_entries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
    Brat,
}

fn unit_interval(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files or folders (read recursively): .txt, .jsonl[.gz], .html, .warc[.gz]; - for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// JSON field names for a role, replacing the defaults: text=body, date=pubDate,...
    #[arg(long = "field", value_name = "ROLE=NAME[,NAME]")]
    pub fields: Vec<String>,
    /// Make any failed input an error exit (status 1).
    #[arg(long)]
    pub strict: bool,
    /// Largest document read, in MiB; bigger ones are skipped with a message.
    #[arg(long, default_value_t = 32)]
    pub max_doc_mb: usize,
    /// Documents per batch: analysed together, then stored together.
    #[arg(long, default_value_t = 512)]
    pub batch_size: usize,
    /// Analysis threads (default: all cores for extract; for ingest, all but one, which the
    /// store's writer keeps busy).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no per-file messages; only the summary and errors.
    #[arg(long, short)]
    pub quiet: bool,
}
