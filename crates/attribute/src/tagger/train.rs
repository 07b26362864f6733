//! Training the tagger: an averaged structured perceptron over whole articles.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use onrecord_model::{Article, CharIndex, Span};

use super::brat::Annotation;
use super::features::{self, word_hash, Sequence, N_FEATURES, N_STACKED};
use super::model::{allowed, Model, Perceptron, N_TAGS};
use super::{Role, Tag};
use crate::Live;

/// An article with its annotation (offsets in code points, as brat gives them).
pub struct TrainingDoc {
    pub article: Article,
    pub annotations: Vec<Annotation>,
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// A word is a learned cue word when at least this share of its uses are cues...
    pub cue_word_share: f32,
    /// ...and it is a cue at least this many times.
    pub cue_word_min: usize,
    pub seed: u64,
    /// Folds for the second stage's training tags; below 2, no second stage.
    pub folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, bits: 20, cue_word_share: 0.2, cue_word_min: 3, seed: 7, folds: 4 }
    }
}

/// Gold tags for the tokens of `seq`.
fn gold_tags(article: &Article, seq: &Sequence, annotations: &[Annotation]) -> Vec<Tag> {
    let text = &article.text;
    let index = CharIndex::new(text);
    let mut tags = vec![Tag::O; seq.tokens.len()];
    let mut owned = vec![false; seq.tokens.len()];
    let mut anns: Vec<&Annotation> = annotations.iter().collect();
    anns.sort_by_key(|a| a.fragments[0].0);
    for a in anns {
        let frags: Vec<Span> = a.fragments.iter().map(|&(s, e)| Span::new(index.byte_of(text, s), index.byte_of(text, e))).collect();
        let (b, i) = match a.role {
            Role::Source => (Tag::BSource, Tag::ISource),
            Role::Cue => (Tag::BCue, Tag::ICue),
            Role::Content => (Tag::BContent, Tag::IContent),
        };
        let mut first = true;
        for (k, tok) in seq.tokens.iter().enumerate() {
            let mid = (tok.span.start + tok.span.end) / 2;
            if owned[k] || !frags.iter().any(|f| f.start <= mid && mid < f.end) {
                continue;
            }
            owned[k] = true;
            tags[k] = if first { b } else { i };
            first = false;
        }
    }
    // Keep the gold sequence inside the decoder's constraints.
    for k in 0..tags.len() {
        let prev = if k == 0 { None } else { Some(tags[k - 1]) };
        if !allowed(prev, tags[k]) {
            tags[k] = match tags[k] {
                Tag::ISource => Tag::BSource,
                Tag::ICue => Tag::BCue,
                _ => Tag::BContent,
            };
        }
    }
    tags
}

struct Prepared {
    seq: Sequence,
    feats: Vec<u64>,
    gold: Vec<Tag>,
    /// Documents of one article share a group (they never go to different folds).
    group: u64,
}

/// Words that are cues in at least `cue_word_share` of their uses, and at least `cue_word_min`
/// times.
fn learn_cue_words(prepared: &[Prepared], opts: &TrainOptions) -> FxHashSet<u64> {
    let mut as_cue: HashMap<u64, usize> = HashMap::new();
    let mut all: HashMap<u64, usize> = HashMap::new();
    for p in prepared {
        for (info, tag) in p.seq.infos.iter().zip(&p.gold) {
            *all.entry(info.word).or_default() += 1;
            if tag.role() == Some(Role::Cue) {
                *as_cue.entry(info.word).or_default() += 1;
            }
        }
    }
    as_cue
        .into_iter()
        .filter(|&(h, c)| c >= opts.cue_word_min && c as f32 >= opts.cue_word_share * all[&h] as f32)
        .map(|(h, _)| h)
        .collect()
}

struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// One averaged perceptron over `(features, gold tags)` sequences.
fn train_stage(items: &[(&[u64], &[Tag])], width: usize, opts: &TrainOptions, progress: &mut dyn FnMut(usize, f64)) -> Perceptron {
    let mut st = Perceptron::empty(opts.bits);
    // Averaging by the usual trick: `acc` holds each update times the step it happened at.
    let mut acc = vec![0f32; st.weights.len()];
    let mut trans_acc = [[0f32; N_TAGS]; N_TAGS + 1];
    let mut step = 1f32;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = Xorshift(opts.seed.max(1));
    let mut em = Vec::new();
    let mut pred = Vec::new();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let (feats, gold) = items[d];
            st.emissions(feats, width, &mut em);
            st.viterbi(&em, &mut pred);
            total += pred.len();
            for k in 0..pred.len() {
                let (g, y) = (gold[k], pred[k]);
                if g == y {
                    right += 1;
                } else {
                    for &h in &feats[k * width..(k + 1) * width] {
                        let r = st.row(h);
                        st.weights[r + g as usize] += 1.0;
                        st.weights[r + y as usize] -= 1.0;
                        acc[r + g as usize] += step;
                        acc[r + y as usize] -= step;
                    }
                }
                let gp = if k == 0 { N_TAGS } else { gold[k - 1] as usize };
                let yp = if k == 0 { N_TAGS } else { pred[k - 1] as usize };
                if (gp, g) != (yp, y) {
                    st.trans[gp][g as usize] += 1.0;
                    st.trans[yp][y as usize] -= 1.0;
                    trans_acc[gp][g as usize] += step;
                    trans_acc[yp][y as usize] -= step;
                }
            }
            step += 1.0;
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    for (w, a) in st.weights.iter_mut().zip(&acc) {
        *w -= a / step;
    }
    for (row, arow) in st.trans.iter_mut().zip(&trans_acc) {
        for (w, a) in row.iter_mut().zip(arow) {
            *w -= a / step;
        }
    }
    st
}

/// Trains a model: the first stage on all documents; the second stage on the first stage's tags,
/// which for each training document come from a first stage trained without it (k-fold), so the
/// second stage learns how far to trust them on unseen text. `progress` hears each epoch.
pub fn train(docs: &[TrainingDoc], opts: &TrainOptions, progress: &mut dyn FnMut(&str, usize, f64)) -> Model {
    // The learned cue words come from the gold tags, so the sequences are read without them
    // first and marked once they are known.
    let mut prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let live = Live::of(&d.article);
            let hints = crate::rules_attribute(&d.article, &live);
            let seq = features::sequence(&d.article.text, &live, &hints, &|_| false);
            let gold = gold_tags(&d.article, &seq, &d.annotations);
            Prepared { seq, feats: Vec::new(), gold, group: word_hash(&d.article.name) }
        })
        .collect();
    let cue_words = learn_cue_words(&prepared, opts);
    for p in &mut prepared {
        features::mark_cue_words(&mut p.seq.infos, &|h| cue_words.contains(&h));
        features::features(&p.seq, &mut p.feats);
    }
    let base: Vec<(&[u64], &[Tag])> = prepared.iter().map(|p| (p.feats.as_slice(), p.gold.as_slice())).collect();
    let first = train_stage(&base, N_FEATURES, opts, &mut |e, a| progress("first stage", e, a));
    if opts.folds < 2 {
        return Model::new(vec![first.pack()], cue_words);
    }
    let mut first_tags: Vec<Vec<Tag>> = vec![Vec::new(); prepared.len()];
    for fold in 0..opts.folds as u64 {
        let train_on: Vec<(&[u64], &[Tag])> =
            prepared.iter().filter(|p| p.group % opts.folds as u64 != fold).map(|p| (p.feats.as_slice(), p.gold.as_slice())).collect();
        let st = train_stage(&train_on, N_FEATURES, opts, &mut |e, a| progress(&format!("fold {}", fold + 1), e, a));
        let mut em = Vec::new();
        for (i, p) in prepared.iter().enumerate().filter(|(_, p)| p.group % opts.folds as u64 == fold) {
            st.emissions(&p.feats, N_FEATURES, &mut em);
            st.viterbi(&em, &mut first_tags[i]);
        }
    }
    let stacked: Vec<Vec<u64>> = prepared
        .iter()
        .zip(&first_tags)
        .map(|(p, tags)| {
            let mut out = Vec::new();
            features::with_stacked(&p.seq, &p.feats, tags, &mut out);
            out
        })
        .collect();
    let items: Vec<(&[u64], &[Tag])> = stacked.iter().zip(&prepared).map(|(f, p)| (f.as_slice(), p.gold.as_slice())).collect();
    let second = train_stage(&items, N_FEATURES + N_STACKED, opts, &mut |e, a| progress("second stage", e, a));
    Model::new(vec![first.pack(), second.pack()], cue_words)
}
