//! The `onrecord` binary: flags, wiring and printing. No analysis and no SQL live here.

mod args;
mod bench;
mod export;
mod generate;
mod query;
mod run;
mod train;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let code = match run::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    };
    if std::env::var_os(bench::REPORT_PEAK).is_some() {
        if let Some(mib) = bench::peak_memory_mib() {
            eprintln!("onrecord: peak memory {mib:.1} MiB");
        }
    }
    code
}
