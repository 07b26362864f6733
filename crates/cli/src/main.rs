//! The `onrecord` binary: flags, wiring and printing. No analysis and no SQL live here.

mod args;
mod run;
mod train;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match run::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
