//! The tagger's parameters, how they score a sequence, and how they are stored.
//!
//! Weights sit in a table of `2^bits` rows, one row of [`LANES`] floats per hashed feature, one
//! float per tag. Decoding is Viterbi over first-order tag transitions with the constraints of
//! the tag set (an inside tag continues its own role; content may resume after an interruption).

use std::io::{Read, Write};

use rustc_hash::FxHashSet;

use super::pages::{HugeSlice, Zeroable};
use super::Tag;

pub(crate) const N_TAGS: usize = 7;
pub(crate) const LANES: usize = 8;
const MAGIC: &[u8; 4] = b"ONRT";
const VERSION: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a tagger model (bad magic number)")]
    BadMagic,
    #[error("tagger model version {0} is not supported (this build reads version {VERSION})")]
    Version(u32),
    #[error("tagger model is truncated or corrupt: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A trained tagger: a first stage that reads the tokens, and an optional second stage that
/// also reads the first stage's tags (stacking: it sees the whole sentence's attribution).
#[derive(Clone)]
pub struct Model {
    pub(crate) stages: Vec<Stage>,
    /// Hashes of words the training data often uses as cues (asked of every token).
    pub(crate) cue_words: FxHashSet<u64>,
    /// The two stages' tables side by side, when there are two of one size (what the tagger
    /// reads; `stages` keep their own for training and saving).
    pub(crate) fused: Option<Fused>,
}

/// One row of [`Fused`]: the first stage's weights of a feature, then the second's; 32 bytes,
/// aligned so that a row never straddles two cache lines.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
pub(crate) struct FusedRow([i16; 2 * LANES]);

// SAFETY: an array of integers.
unsafe impl Zeroable for FusedRow {}

/// Both stages' weights in one table. The second stage reads every feature the first reads
/// (and its stacked ones): with the two rows side by side, a base feature costs one random
/// read for both stages instead of two, and random reads are most of the tagger's time. The
/// sums are the same integers as with the stages' own tables, so the tags are too.
#[derive(Clone)]
pub(crate) struct Fused {
    bits: u32,
    rows: HugeSlice<FusedRow>,
}

impl Fused {
    pub(crate) fn of(first: &Stage, second: &Stage) -> Option<Fused> {
        if first.bits != second.bits || first.weights.len() != second.weights.len() {
            return None;
        }
        let mut rows: HugeSlice<FusedRow> = HugeSlice::zeroed(first.weights.len());
        for ((row, a), b) in rows.iter_mut().zip(&first.weights).zip(&second.weights) {
            row.0[..LANES].copy_from_slice(a);
            row.0[LANES..].copy_from_slice(b);
        }
        Some(Fused { bits: first.bits, rows })
    }

    /// Asks for the rows of a token's features ahead of their use. The reads are random and
    /// most miss the cache; issued a token early they overlap with the sums of the token
    /// before, instead of each waiting its turn.
    #[inline]
    fn prefetch(&self, tok: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &h in tok {
            let row: *const FusedRow = self.row(h);
            // SAFETY: a prefetch is only a hint, and `row` points into the table.
            unsafe { std::arch::x86_64::_mm_prefetch(row.cast::<i8>(), std::arch::x86_64::_MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = tok;
    }

    /// The row of a feature hash.
    #[inline(always)]
    fn row(&self, h: u64) -> &FusedRow {
        &self.rows[(h >> (64 - self.bits)) as usize]
    }

    /// The first stage's emission scores (`em`), and the second stage's integer sums over the
    /// same base features (`second`), `n_features` hashes per token.
    pub(crate) fn base(
        &self,
        first: &Stage,
        feats: &[u64],
        n_features: usize,
        em: &mut Vec<[f32; N_TAGS]>,
        second: &mut Vec<[i32; LANES]>,
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.base_avx2(first, feats, n_features, em, second) };
        }
        self.base_portable(first, feats, n_features, em, second)
    }

    /// [`Fused::base`] with the sum of a token's rows given: each token's rows are asked for
    /// while the token before is summed.
    #[inline(always)]
    fn base_with(
        &self,
        first: &Stage,
        feats: &[u64],
        n_features: usize,
        em: &mut Vec<[f32; N_TAGS]>,
        second: &mut Vec<[i32; LANES]>,
        sum: impl Fn(&[u64]) -> [i32; 2 * LANES],
    ) {
        em.clear();
        second.clear();
        let mut toks = feats.chunks_exact(n_features).peekable();
        while let Some(tok) = toks.next() {
            if let Some(next) = toks.peek() {
                self.prefetch(next);
            }
            let acc = sum(tok);
            em.push(std::array::from_fn(|k| acc[k] as f32 * first.scale));
            second.push(std::array::from_fn(|k| acc[LANES + k]));
        }
    }

    /// [`Fused::base`] with AVX2: a row of sixteen `i16` is one load and two widening adds,
    /// where the portable build takes a dozen instructions to widen it. The same integer sums.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn base_avx2(&self, first: &Stage, feats: &[u64], n_features: usize, em: &mut Vec<[f32; N_TAGS]>, second: &mut Vec<[i32; LANES]>) {
        use std::arch::x86_64::*;
        self.base_with(first, feats, n_features, em, second, |tok| {
            let mut lo = _mm256_setzero_si256();
            let mut hi = _mm256_setzero_si256();
            for &h in tok {
                // SAFETY: a `FusedRow` is 32 bytes aligned to 32, as the load needs.
                let v = unsafe { _mm256_load_si256(std::ptr::from_ref(self.row(h)).cast::<__m256i>()) };
                lo = _mm256_add_epi32(lo, _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v)));
                hi = _mm256_add_epi32(hi, _mm256_cvtepi16_epi32(_mm256_extracti128_si256::<1>(v)));
            }
            let mut acc = [0i32; 2 * LANES];
            // SAFETY: `acc` is 64 bytes, a 32-byte unaligned store at each half.
            unsafe {
                _mm256_storeu_si256(acc.as_mut_ptr().cast::<__m256i>(), lo);
                _mm256_storeu_si256(acc[LANES..].as_mut_ptr().cast::<__m256i>(), hi);
            }
            acc
        })
    }

    /// [`Fused::base`] for any CPU, and the reference the vector path is tested against.
    pub(crate) fn base_portable(
        &self,
        first: &Stage,
        feats: &[u64],
        n_features: usize,
        em: &mut Vec<[f32; N_TAGS]>,
        second: &mut Vec<[i32; LANES]>,
    ) {
        self.base_with(first, feats, n_features, em, second, |tok| {
            let mut acc = [0i32; 2 * LANES];
            for &h in tok {
                let w = &self.row(h).0;
                for k in 0..2 * LANES {
                    acc[k] += i32::from(w[k]);
                }
            }
            acc
        })
    }

    /// The second stage's emission scores: its sums over the base features plus the weights of
    /// the stacked features, `n_stacked` hashes per token.
    pub(crate) fn stacked(&self, second: &Stage, base: &[[i32; LANES]], stacked: &[u64], n_stacked: usize, em: &mut Vec<[f32; N_TAGS]>) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.stacked_avx2(second, base, stacked, n_stacked, em) };
        }
        self.stacked_portable(second, base, stacked, n_stacked, em)
    }

    /// [`Fused::stacked`] with what adds a token's rows to its base sums given, as
    /// [`Fused::base_with`].
    #[inline(always)]
    fn stacked_with(
        &self,
        second: &Stage,
        base: &[[i32; LANES]],
        stacked: &[u64],
        n_stacked: usize,
        em: &mut Vec<[f32; N_TAGS]>,
        add: impl Fn([i32; LANES], &[u64]) -> [i32; LANES],
    ) {
        em.clear();
        let mut toks = stacked.chunks_exact(n_stacked).peekable();
        for sums in base {
            let Some(tok) = toks.next() else { break };
            if let Some(next) = toks.peek() {
                self.prefetch(next);
            }
            let acc = add(*sums, tok);
            em.push(std::array::from_fn(|k| acc[k] as f32 * second.scale));
        }
    }

    /// [`Fused::stacked`] with AVX2, as [`Fused::base_avx2`]: the second stage's half of each row.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn stacked_avx2(&self, second: &Stage, base: &[[i32; LANES]], stacked: &[u64], n_stacked: usize, em: &mut Vec<[f32; N_TAGS]>) {
        use std::arch::x86_64::*;
        self.stacked_with(second, base, stacked, n_stacked, em, |mut sums, tok| {
            // SAFETY: `sums` is 32 bytes; an unaligned load.
            let mut acc = unsafe { _mm256_loadu_si256(sums.as_ptr().cast::<__m256i>()) };
            for &h in tok {
                // SAFETY: the second half of a 32-byte row; an unaligned 16-byte load.
                let v = unsafe { _mm_loadu_si128(self.row(h).0[LANES..].as_ptr().cast::<__m128i>()) };
                acc = _mm256_add_epi32(acc, _mm256_cvtepi16_epi32(v));
            }
            // SAFETY: `sums` is 32 bytes; an unaligned store.
            unsafe { _mm256_storeu_si256(sums.as_mut_ptr().cast::<__m256i>(), acc) };
            sums
        })
    }

    /// [`Fused::stacked`] for any CPU, and the reference the vector path is tested against.
    pub(crate) fn stacked_portable(
        &self,
        second: &Stage,
        base: &[[i32; LANES]],
        stacked: &[u64],
        n_stacked: usize,
        em: &mut Vec<[f32; N_TAGS]>,
    ) {
        self.stacked_with(second, base, stacked, n_stacked, em, |mut acc, tok| {
            for &h in tok {
                let w = &self.row(h).0;
                for k in 0..LANES {
                    acc[k] += i32::from(w[LANES + k]);
                }
            }
            acc
        })
    }
}

/// One stage as the tagger runs it: hashed feature weights quantised to 16 bits (as the model
/// file stores them) and tag transitions. Half the size of the `f32` table, so more of it stays
/// in the cache: emissions are a random row read per feature, and the tagger's largest cost.
#[derive(Clone)]
pub(crate) struct Stage {
    pub(crate) bits: u32,
    /// `2^bits` rows of weights, each `scale` times the learned weight's share of the largest.
    /// (Rows as arrays: a row is one 16-byte load and a vector add.)
    pub(crate) weights: Vec<[i16; LANES]>,
    pub(crate) scale: f32,
    /// `trans[prev][cur]`; row `N_TAGS` is the start of the sequence.
    pub(crate) trans: [[f32; N_TAGS]; N_TAGS + 1],
}

/// One stage as training learns it: the same table in `f32`.
pub(crate) struct Perceptron {
    pub(crate) bits: u32,
    /// `2^bits * LANES` weights.
    pub(crate) weights: Vec<f32>,
    /// `trans[prev][cur]`; row `N_TAGS` is the start of the sequence.
    pub(crate) trans: [[f32; N_TAGS]; N_TAGS + 1],
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("stages", &self.stages.len())
            .field("cue_words", &self.cue_words.len())
            .field("fused", &self.fused.is_some())
            .finish()
    }
}

pub(crate) fn allowed(prev: Option<Tag>, cur: Tag) -> bool {
    use Tag::*;
    match cur {
        ISource => matches!(prev, Some(BSource | ISource)),
        ICue => matches!(prev, Some(BCue | ICue)),
        IContent => prev.is_some(),
        _ => true,
    }
}

/// The row of `hash` in a table of `2^bits` rows.
#[inline]
fn row(bits: u32, hash: u64) -> usize {
    (hash >> (64 - bits)) as usize * LANES
}

impl Perceptron {
    pub(crate) fn empty(bits: u32) -> Perceptron {
        Perceptron { bits, weights: vec![0.0; (1usize << bits) * LANES], trans: [[0.0; N_TAGS]; N_TAGS + 1] }
    }

    #[inline]
    pub(crate) fn row(&self, hash: u64) -> usize {
        row(self.bits, hash)
    }

    /// Emission scores, `N_TAGS` per token.
    pub(crate) fn emissions(&self, feats: &[u64], n_features: usize, out: &mut Vec<[f32; N_TAGS]>) {
        out.clear();
        for tok in feats.chunks_exact(n_features) {
            let mut acc = [0f32; LANES];
            for &h in tok {
                let r = self.row(h);
                let w = &self.weights[r..r + LANES];
                for k in 0..LANES {
                    acc[k] += w[k];
                }
            }
            let mut e = [0f32; N_TAGS];
            e.copy_from_slice(&acc[..N_TAGS]);
            out.push(e);
        }
    }

    pub(crate) fn viterbi(&self, em: &[[f32; N_TAGS]], out: &mut Vec<Tag>) {
        viterbi(&self.trans, em, out)
    }

    /// The stage the tagger runs: weights quantised to 16 bits against the largest.
    pub(crate) fn pack(&self) -> Stage {
        let max = self.weights.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let weights = self.weights.chunks_exact(LANES).map(|row| std::array::from_fn(|k| (row[k] / scale).round() as i16)).collect();
        Stage { bits: self.bits, weights, scale, trans: self.trans }
    }
}

impl Stage {
    /// Emission scores, `N_TAGS` per token: the weights of a token's features summed exactly in
    /// integers (at most 2^15 times the feature count), scaled once.
    pub(crate) fn emissions(&self, feats: &[u64], n_features: usize, out: &mut Vec<[f32; N_TAGS]>) {
        out.clear();
        let shift = 64 - self.bits;
        for tok in feats.chunks_exact(n_features) {
            let mut acc = [0i32; LANES];
            for &h in tok {
                let w = &self.weights[(h >> shift) as usize];
                for k in 0..LANES {
                    acc[k] += i32::from(w[k]);
                }
            }
            let mut e = [0f32; N_TAGS];
            for (e, a) in e.iter_mut().zip(acc) {
                *e = a as f32 * self.scale;
            }
            out.push(e);
        }
    }

    pub(crate) fn viterbi(&self, em: &[[f32; N_TAGS]], out: &mut Vec<Tag>) {
        viterbi(&self.trans, em, out)
    }
}

/// The best tag sequence under the transition constraints.
fn viterbi(transitions: &[[f32; N_TAGS]; N_TAGS + 1], em: &[[f32; N_TAGS]], out: &mut Vec<Tag>) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    // Transitions with the constraints folded in, so the inner loop does not branch on them.
    let mut trans = [[f32::NEG_INFINITY; N_TAGS]; N_TAGS + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        let prev = Tag::ALL.get(p).copied();
        for cur in Tag::ALL {
            if allowed(prev, cur) {
                row[cur as usize] = transitions[p][cur as usize];
            }
        }
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut score = [0f32; N_TAGS];
    for t in 0..N_TAGS {
        score[t] = trans[N_TAGS][t] + em[0][t];
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        score = unsafe { forward_avx2(&trans, em, score, &mut back) };
    } else {
        score = forward(&trans, em, score, &mut back);
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        score = forward(&trans, em, score, &mut back);
    }
    let mut best = 0usize;
    for t in 1..N_TAGS {
        if score[t] > score[best] {
            best = t;
        }
    }
    out.resize(n, Tag::O);
    let mut cur = best as u8;
    for i in (0..n).rev() {
        out[i] = Tag::ALL[cur as usize];
        cur = back[i][cur as usize];
    }
}

/// Viterbi's forward pass from the scores of the first token: fills `back` (each token's best
/// previous tag for each tag) and returns the last token's scores. Of two equal scores the
/// lower tag wins.
pub(crate) fn forward(
    trans: &[[f32; N_TAGS]; N_TAGS + 1],
    em: &[[f32; N_TAGS]],
    mut score: [f32; N_TAGS],
    back: &mut [[u8; N_TAGS]],
) -> [f32; N_TAGS] {
    for i in 1..em.len() {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for cur in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for prev in 0..N_TAGS {
                let s = score[prev] + trans[prev][cur];
                if s > best {
                    best = s;
                    arg = prev as u8;
                }
            }
            next[cur] = best + em[i][cur];
            back[i][cur] = arg;
        }
        score = next;
    }
    score
}

/// [`forward`] with AVX2: a token's seven tags at once. The seven candidates (each previous
/// tag's score plus its transitions) are independent; they meet in a tournament of three
/// rounds instead of a chain of seven. The same sums and the same choices: the left side of
/// each match holds the lower tags, and the right one wins only with a strictly greater score.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(crate) fn forward_avx2(
    trans: &[[f32; N_TAGS]; N_TAGS + 1],
    em: &[[f32; N_TAGS]],
    score: [f32; N_TAGS],
    back: &mut [[u8; N_TAGS]],
) -> [f32; N_TAGS] {
    use std::arch::x86_64::*;
    let lanes = |row: &[f32; N_TAGS]| -> __m256 {
        let mut v = [f32::NEG_INFINITY; 8];
        v[..N_TAGS].copy_from_slice(row);
        // SAFETY: `v` is 8 floats; an unaligned load.
        unsafe { _mm256_loadu_ps(v.as_ptr()) }
    };
    let rows: [__m256; N_TAGS] = std::array::from_fn(|p| lanes(&trans[p]));
    let tags: [__m256i; N_TAGS] = std::array::from_fn(|p| _mm256_set1_epi32(p as i32));
    // the right candidate wins only with a strictly greater score
    let pick = |(ls, la): (__m256, __m256i), (rs, ra): (__m256, __m256i)| -> (__m256, __m256i) {
        let right = _mm256_cmp_ps::<_CMP_GT_OQ>(rs, ls);
        (_mm256_blendv_ps(ls, rs, right), _mm256_blendv_epi8(la, ra, _mm256_castps_si256(right)))
    };
    let mut scores = lanes(&score);
    for i in 1..em.len() {
        let c: [(__m256, __m256i); N_TAGS] =
            std::array::from_fn(|p| (_mm256_add_ps(_mm256_permutevar8x32_ps(scores, tags[p]), rows[p]), tags[p]));
        let (best, arg) = pick(pick(pick(c[0], c[1]), pick(c[2], c[3])), pick(pick(c[4], c[5]), c[6]));
        scores = _mm256_add_ps(best, lanes(&em[i]));
        let mut args = [0i32; 8];
        // SAFETY: 8 ints; an unaligned store.
        unsafe { _mm256_storeu_si256(args.as_mut_ptr().cast::<__m256i>(), arg) };
        back[i] = std::array::from_fn(|k| args[k] as u8);
    }
    let mut out = [0f32; 8];
    // SAFETY: 8 floats; an unaligned store.
    unsafe { _mm256_storeu_ps(out.as_mut_ptr(), scores) };
    std::array::from_fn(|k| out[k])
}

impl Stage {
    fn write(&self, z: &mut impl Write) -> std::io::Result<()> {
        z.write_all(&self.bits.to_le_bytes())?;
        for row in &self.trans {
            for v in row {
                z.write_all(&v.to_le_bytes())?;
            }
        }
        z.write_all(&self.scale.to_le_bytes())?;
        let mut buf = Vec::with_capacity(self.weights.len() * LANES * 2);
        for v in self.weights.iter().flatten() {
            buf.extend_from_slice(&v.to_le_bytes());
        }
        z.write_all(&buf)
    }

    fn read(r: &mut Reader<'_>) -> Result<Stage, ModelError> {
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(ModelError::Corrupt(format!("table of 2^{bits} rows")));
        }
        let mut trans = [[0f32; N_TAGS]; N_TAGS + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = f32::from_bits(r.u32()?);
            }
        }
        let scale = f32::from_bits(r.u32()?);
        let raw = r.take((1usize << bits) * LANES * 2)?;
        let weights =
            raw.chunks_exact(LANES * 2).map(|row| std::array::from_fn(|k| i16::from_le_bytes([row[2 * k], row[2 * k + 1]]))).collect();
        Ok(Stage { bits, weights, scale, trans })
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let s =
            self.bytes.get(self.at..self.at + n).ok_or_else(|| ModelError::Corrupt(format!("wanted {n} bytes at offset {}", self.at)))?;
        self.at += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
}

impl Model {
    /// A model of `stages`, with the fused table when the stages allow one.
    pub(crate) fn new(stages: Vec<Stage>, cue_words: FxHashSet<u64>) -> Model {
        let fused = match stages.as_slice() {
            [first, second] => Fused::of(first, second),
            _ => None,
        };
        Model { stages, cue_words, fused }
    }

    /// Writes the model, gzip-compressed, with weights quantised to 16 bits.
    pub fn save(&self, w: impl Write) -> Result<(), ModelError> {
        let mut z = flate2::write::GzEncoder::new(w, flate2::Compression::best());
        z.write_all(MAGIC)?;
        z.write_all(&VERSION.to_le_bytes())?;
        let mut words: Vec<u64> = self.cue_words.iter().copied().collect();
        words.sort_unstable();
        z.write_all(&(words.len() as u32).to_le_bytes())?;
        for h in words {
            z.write_all(&h.to_le_bytes())?;
        }
        z.write_all(&(self.stages.len() as u32).to_le_bytes())?;
        for st in &self.stages {
            st.write(&mut z)?;
        }
        z.finish()?;
        Ok(())
    }

    /// Reads a model written by [`Model::save`].
    pub fn load(r: impl Read) -> Result<Model, ModelError> {
        let mut z = flate2::read::GzDecoder::new(r);
        let mut bytes = Vec::new();
        z.read_to_end(&mut bytes)?;
        Model::from_bytes(&bytes)
    }

    /// Reads a model from the bytes [`Model::save`] compresses.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let n_words = r.u32()? as usize;
        let mut cue_words = FxHashSet::with_capacity_and_hasher(n_words.min(1 << 20), Default::default());
        for _ in 0..n_words {
            cue_words.insert(r.u64()?);
        }
        let n_stages = r.u32()? as usize;
        if !(1..=4).contains(&n_stages) {
            return Err(ModelError::Corrupt(format!("{n_stages} stages")));
        }
        let stages = (0..n_stages).map(|_| Stage::read(&mut r)).collect::<Result<_, _>>()?;
        Ok(Model::new(stages, cue_words))
    }
}
