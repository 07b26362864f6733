//! The web UI in a real browser: headless Chromium, driven by playwright-core from
//! `tests/browser/browser.mjs`, searches "all-weather", opens Zhao Lijian's page and checks
//! that the chart is drawn. Skipped, with the reason, where Chromium, Node.js or
//! playwright-core is missing (`.ci/run` installs them). `ONRECORD_SCREENSHOTS=DIR` keeps the
//! screenshots (the README's come from here).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("ONRECORD_CHROMIUM").map(PathBuf::from),
        Some("/usr/bin/chromium".into()),
        Some("/usr/bin/chromium-browser".into()),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

#[test]
fn search_then_speaker_page_in_headless_chromium() {
    let script_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let Some(chromium) = chromium() else {
        eprintln!("browser test skipped: no Chromium (install Debian's `chromium`, or set ONRECORD_CHROMIUM)");
        return;
    };
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        eprintln!("browser test skipped: no Node.js on PATH");
        return;
    }
    if !script_dir.join("node_modules/playwright-core").is_dir() {
        eprintln!("browser test skipped: run `npm ci --prefix {}` to install playwright-core", script_dir.display());
        return;
    }
    let server = common::start();
    let tmp = tempfile::tempdir().unwrap();
    let out = std::env::var_os("ONRECORD_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&out).unwrap();
    let run = Command::new("node")
        .arg(script_dir.join("browser.mjs"))
        .arg(format!("http://{}", server.addr))
        .arg(&out)
        .arg(&chromium)
        .output()
        .expect("node runs");
    let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    eprintln!("{said}");
    assert!(run.status.success(), "the browser test failed:\n{said}");
    for shot in ["search.png", "speaker.png"] {
        let len = std::fs::metadata(out.join(shot)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 10_000, "{shot} was taken ({len} bytes)");
    }
}
