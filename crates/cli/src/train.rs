//! `onrecord train`: reads a PolNeAR-style corpus from disk and writes the tagger's weights.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use onrecord_attribute::tagger::{self, brat, TrainOptions, TrainingDoc};
use onrecord_clean::{clean, Given};

/// Articles of `dir/text` paired with each of their `dir/attributions/*.ann` files (an article
/// read by two annotators is two training documents).
fn load(dir: &Path) -> Result<Vec<TrainingDoc>> {
    let ann_dir = dir.join("attributions");
    let mut names: Vec<_> = fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for ann_path in names {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a);
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let text = match fs::read_to_string(&text_path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("onrecord: skipping {}: {e}", text_path.display());
                continue;
            }
        };
        let ann = fs::read_to_string(&ann_path).with_context(|| format!("reading {}", ann_path.display()))?;
        let article = clean(article.to_string(), text_path.display().to_string(), text, Given::default());
        docs.push(TrainingDoc { article, annotations: brat::parse_ann(&ann) });
    }
    Ok(docs)
}

pub fn train(dir: &Path, out: &Path, epochs: usize, bits: u32, folds: usize, seed: u64) -> Result<ExitCode> {
    if !(12..=24).contains(&bits) {
        bail!("--bits must be between 12 and 24");
    }
    let docs = load(dir)?;
    if docs.is_empty() {
        bail!("no annotated articles under {}", dir.display());
    }
    eprintln!("training on {} annotated articles", docs.len());
    let opts = TrainOptions { epochs, bits, folds, seed, ..TrainOptions::default() };
    let model =
        tagger::train(&docs, &opts, &mut |stage, epoch, acc| eprintln!("{stage}, epoch {epoch}: token accuracy {:.2}%", 100.0 * acc));
    let file = fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    model.save(std::io::BufWriter::new(file)).with_context(|| format!("writing {}", out.display()))?;
    let size = fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    eprintln!("wrote {} ({:.1} MB)", out.display(), size as f64 / 1e6);
    Ok(ExitCode::SUCCESS)
}
