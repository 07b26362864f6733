//! Decompresses the tagger's weights and word classes at build time: the binary embeds them as
//! they are read, and a process start no longer spends a tenth of a second inflating them.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let model = "model/attribution.bin.gz";
    println!("cargo:rerun-if-changed={model}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("attribution.bin");
    // a missing or unreadable model embeds nothing: the rules run alone, as documented
    let mut raw = Vec::new();
    if let Ok(f) = std::fs::File::open(model) {
        if flate2::read::GzDecoder::new(f).read_to_end(&mut raw).is_err() {
            raw.clear();
        }
    }
    std::fs::write(&out, raw).expect("write the decompressed model to OUT_DIR");

    // the word classes are part of the features: without them the tagger would not match its
    // weights, so a missing file fails the build
    let classes = "wordnet/classes.tsv.gz";
    println!("cargo:rerun-if-changed={classes}");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(classes).expect("wordnet/classes.tsv.gz is in the repository"))
        .read_to_string(&mut text)
        .expect("wordnet/classes.tsv.gz is gzip of UTF-8");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("wordnet_classes.tsv");
    std::fs::write(out, text).expect("write the word classes to OUT_DIR");
}
