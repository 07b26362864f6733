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
    /// Read articles and store them, with their statements, in the embedded store.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// The store file (SQLite).
        #[arg(long, default_value = "onrecord.db")]
        db: PathBuf,
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
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Print JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
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
    },
    /// Measure extraction speed on files (MB/s per core and articles/s).
    Bench {
        /// Files or folders to analyse (read once into memory, then timed).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Passes over the data.
        #[arg(long, default_value_t = 5)]
        passes: usize,
    },
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
    /// Documents per batch (one store transaction each).
    #[arg(long, default_value_t = 512)]
    pub batch_size: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no per-file messages; only the summary and errors.
    #[arg(long, short)]
    pub quiet: bool,
}
