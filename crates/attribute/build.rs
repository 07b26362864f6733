//! Decompresses the tagger's weights and word classes at build time: the binary embeds them as
//! they are read, and a process start no longer spends a tenth of a second inflating them.

use std::io::Read;
use std::path::PathBuf;

// the word hash and the table's layout, as the tagger has them (both files use only std)
#[path = "src/tagger/word_hash.rs"]
mod word_hash;
#[path = "src/tagger/wordnet_table.rs"]
mod wordnet_table;

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
    println!("cargo:rerun-if-changed=src/tagger/word_hash.rs");
    println!("cargo:rerun-if-changed=src/tagger/wordnet_table.rs");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(classes).expect("wordnet/classes.tsv.gz is in the repository"))
        .read_to_string(&mut text)
        .expect("wordnet/classes.tsv.gz is gzip of UTF-8");
    // built here, not at each process start (40 ms): the shift, then the slots, little-endian
    let (slots, shift) = wordnet_table::build(&text);
    let mut table = shift.to_le_bytes().to_vec();
    table.extend(slots.iter().flat_map(|s| s.to_le_bytes()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("wordnet_classes.bin");
    std::fs::write(out, table).expect("write the word-class table to OUT_DIR");
}
