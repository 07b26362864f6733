//! The learned tagger: labels every token of an article as source, cue, content or nothing
//! (B/I tags), the way PolNeAR annotates attribution, then groups the spans into statements.
//!
//! The model is an averaged structured perceptron over hashed features with first-order Viterbi
//! decoding: no neural runtime, a few hundred nanoseconds per token. Its weights are learned from
//! PolNeAR's train split (see `docs/model-card.md`; `onrecord train` rebuilds them) and are
//! embedded in the binary.

mod assemble;
pub mod brat;
mod features;
mod model;
mod pages;
mod train;
mod word_hash;
mod wordnet;
mod wordnet_table;

use std::sync::LazyLock;

use onrecord_model::{Article, Statement};

use crate::Live;

pub use model::{Model, ModelError};
pub use train::{train, TrainOptions, TrainingDoc};

use features::{Sequence, N_FEATURES, N_STACKED};

/// One token's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    O,
    BSource,
    ISource,
    BCue,
    ICue,
    BContent,
    IContent,
}

impl Tag {
    pub const ALL: [Tag; 7] = [Tag::O, Tag::BSource, Tag::ISource, Tag::BCue, Tag::ICue, Tag::BContent, Tag::IContent];

    /// The role a tag belongs to.
    pub fn role(self) -> Option<Role> {
        match self {
            Tag::O => None,
            Tag::BSource | Tag::ISource => Some(Role::Source),
            Tag::BCue | Tag::ICue => Some(Role::Cue),
            Tag::BContent | Tag::IContent => Some(Role::Content),
        }
    }

    fn begins(self) -> bool {
        matches!(self, Tag::BSource | Tag::BCue | Tag::BContent)
    }
}

/// The three parts of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Source,
    Cue,
    Content,
}

/// `model/attribution.bin.gz` as `build.rs` decompressed it.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/attribution.bin"));

static DEFAULT_MODEL: LazyLock<Option<Model>> = LazyLock::new(|| match std::env::var_os("ONRECORD_TAGGER_MODEL") {
    Some(path) => std::fs::File::open(path).ok().and_then(|f| Model::load(std::io::BufReader::new(f)).ok()),
    None => Model::from_bytes(EMBEDDED).ok(),
});

/// The model shipped in the binary, or `None` if it could not be read (a build problem; the
/// rules still run).
pub fn default_model() -> Option<&'static Model> {
    DEFAULT_MODEL.as_ref()
}

/// Whether the training data often uses `word` as a cue (a word the hand lexicon may lack:
/// "wants", "cited", "continued").
pub(crate) fn is_learned_cue(model: &Model, word: &str) -> bool {
    model.cue_words.contains(&features::word_hash(word))
}

pub(crate) fn prepare(model: &Model, text: &str, live: &Live, hints: &[Statement]) -> Sequence {
    features::sequence(text, live, hints, &|h| model.cue_words.contains(&h))
}

/// The tagger's working buffers, kept per thread from one article to the next: a long article's
/// feature rows are megabytes, and fresh ones each time made the kernel zero new pages for a
/// tenth of extraction's time.
#[derive(Default)]
struct Scratch {
    feats: Vec<u64>,
    em: Vec<[f32; model::N_TAGS]>,
    second_sums: Vec<[i32; model::LANES]>,
    stacked: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Tags of every token of `seq`.
pub(crate) fn tag(model: &Model, seq: &Sequence) -> Vec<Tag> {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => tag_in_parts(model, seq, &mut scratch),
        // not reentrant today; if it ever is, a fresh set of buffers is still right
        Err(_) => tag_in_parts(model, seq, &mut Scratch::default()),
    })
}

/// The most tokens tagged at once (about 250 KB of text; a long news article has a tenth of
/// that). The buffers of tagging take some 600 bytes a token, so without a bound one huge
/// paragraph of 30 MB would take gigabytes.
const MAX_TAGGED_TOKENS: usize = 50_000;

/// Tags `seq` whole, or, when it is longer than [`MAX_TAGGED_TOKENS`], in parts that end at a
/// paragraph (else a sentence) boundary, each tagged as if it were an article of its own. Only
/// such huge articles are read differently at the seams.
fn tag_in_parts(model: &Model, seq: &Sequence, scratch: &mut Scratch) -> Vec<Tag> {
    let n = seq.infos.len();
    if n <= MAX_TAGGED_TOKENS {
        return tag_with(model, seq, scratch);
    }
    let mut tags = Vec::with_capacity(n);
    let mut start = 0;
    while start < n {
        let mut end = (start + MAX_TAGGED_TOKENS).min(n);
        if end < n {
            let boundary = |at: &dyn Fn(&features::TokenInfo) -> bool| (start + 1..end).rev().find(|&i| at(&seq.infos[i]));
            end = boundary(&|t| t.paragraph_start).or_else(|| boundary(&|t| t.sentence_start)).unwrap_or(end);
        }
        let part = Sequence { tokens: seq.tokens[start..end].to_vec(), infos: seq.infos[start..end].to_vec() };
        tags.extend(tag_with(model, &part, scratch));
        start = end;
    }
    tags
}

fn tag_with(model: &Model, seq: &Sequence, scratch: &mut Scratch) -> Vec<Tag> {
    let Scratch { feats, em, second_sums, stacked } = scratch;
    features::features(seq, feats);
    let mut tags = Vec::new();
    let first = &model.stages[0];
    match (&model.fused, model.stages.get(1)) {
        (Some(fused), Some(second)) => {
            fused.base(first, feats, N_FEATURES, em, second_sums);
            first.viterbi(em, &mut tags);
            features::stacked(seq, &tags, stacked);
            fused.stacked(second, second_sums, stacked, N_STACKED, em);
            second.viterbi(em, &mut tags);
        }
        (_, second) => {
            first.emissions(feats, N_FEATURES, em);
            first.viterbi(em, &mut tags);
            if let Some(second) = second {
                features::with_stacked(seq, feats, &tags, stacked);
                second.emissions(stacked, N_FEATURES + N_STACKED, em);
                second.viterbi(em, &mut tags);
            }
        }
    }
    tags
}

/// Statements found by the tagger, which reads the rules' statements (`hints`) as evidence
/// (speakers are left to the resolve stage).
pub(crate) fn statements(model: &Model, article: &Article, live: &Live, hints: &[Statement]) -> Vec<Statement> {
    let seq = prepare(model, &article.text, live, hints);
    let tags = tag(model, &seq);
    assemble::statements(&seq, &tags, &live.quotes)
}

#[cfg(test)]
mod tests;
