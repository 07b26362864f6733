//! Sketches for finding near-duplicates without comparing every pair: MinHash signatures over
//! word shingles (gaoya), cut into LSH bands whose hashes are the keys the store indexes.
//! Two texts whose signatures agree on every row of at least one band become candidates; a
//! candidate is confirmed by [`signature_similarity`] (articles) or [`statement_similarity`]
//! (statements, exact on their words).

use std::sync::LazyLock;

use gaoya::minhash::{MinHasher, MinHasher32};
use xxhash_rust::xxh3::xxh3_64;

/// Settings for the syndication and statement links. The defaults suit news: wire copies differ
/// in their first lines, a headline, a sentence cut or a word changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkConfig {
    /// Two articles are copies of one story when the estimated Jaccard similarity of their
    /// word 3-shingles is at least this.
    pub article_threshold: f64,
    /// Two statements are one when their words agree this much (see [`statement_similarity`]).
    pub statement_threshold: f64,
    /// A paragraph of at least this many words that two articles share links them.
    pub paragraph_min_words: usize,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig { article_threshold: 0.5, statement_threshold: 0.6, paragraph_min_words: 12 }
    }
}

/// Article signatures: 80 hashes in 20 bands of 4 rows. The chance that two articles become
/// candidates is 1-(1-J⁴)²⁰: 0.46 at J=0.4, 0.73 at 0.5, 0.93 at 0.6, 0.99 at 0.7, 0.0003 at 0.1.
pub const ARTICLE_BANDS: usize = 20;
pub const ARTICLE_ROWS: usize = 4;
/// Statement signatures: 40 hashes in 10 bands of 4 rows (0.74 at J=0.6, 0.94 at 0.7).
pub const STATEMENT_BANDS: usize = 10;
pub const STATEMENT_ROWS: usize = 4;
/// Statements shorter than this are linked only when their words are the same.
pub const STATEMENT_MIN_WORDS: usize = 6;
/// Head and tail anchors catch a statement trimmed at one end or changed in one half.
const ANCHOR_WORDS: usize = 7;

static ARTICLE_HASHER: LazyLock<MinHasher32<gaoya::minhash::SipHasher24BuildHasher>> =
    LazyLock::new(|| MinHasher32::new_with_hasher_and_seed(ARTICLE_BANDS * ARTICLE_ROWS, Default::default(), 0x0a11ce));
static STATEMENT_HASHER: LazyLock<MinHasher32<gaoya::minhash::SipHasher24BuildHasher>> =
    LazyLock::new(|| MinHasher32::new_with_hasher_and_seed(STATEMENT_BANDS * STATEMENT_ROWS, Default::default(), 0x57a7e));

/// Hashes of consecutive `k`-word shingles (a shorter text gives one shingle of all its words),
/// sorted and distinct. Words are given as their hashes ([`crate::words::word_hashes`]).
pub fn shingles(words: &[u64], k: usize) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    let k = k.min(words.len());
    let mut out: Vec<u64> = words.windows(k).map(|w| fingerprint(w) as u64).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A MinHash signature cut into bands; each band's hash is a lookup key. Keys carry their band
/// number, so equal rows in different bands never meet.
fn band_keys(sig: &[u32], rows: usize, domain: u64) -> Vec<i64> {
    sig.chunks(rows)
        .enumerate()
        .map(|(b, rows)| {
            let mut bytes = Vec::with_capacity(8 + rows.len() * 4);
            bytes.extend_from_slice(&(domain ^ b as u64).to_le_bytes());
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            xxh3_64(&bytes) as i64
        })
        .collect()
}

/// What the store keeps of an article to find its copies.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSketch {
    /// MinHash signature (empty for an article too short to compare).
    pub signature: Vec<u32>,
    /// LSH band keys of the signature.
    pub bands: Vec<i64>,
    /// Hashes of the article's long paragraphs (normalised words), with their index.
    pub paragraphs: Vec<(usize, i64)>,
}

/// The sketch of an article from the words of its live paragraphs (`paragraphs[i]` are the word
/// hashes of paragraph `i`, empty for a repeated one).
pub fn article_sketch(paragraphs: &[Vec<u64>], cfg: &LinkConfig) -> ArticleSketch {
    let all: Vec<u64> = paragraphs.iter().flatten().copied().collect();
    let para_hashes =
        paragraphs.iter().enumerate().filter(|(_, p)| p.len() >= cfg.paragraph_min_words).map(|(i, p)| (i, fingerprint(p))).collect();
    if all.len() < 8 {
        return ArticleSketch { signature: Vec::new(), bands: Vec::new(), paragraphs: para_hashes };
    }
    let sh = shingles(&all, 3);
    let signature = ARTICLE_HASHER.create_signature(sh.iter());
    let bands = band_keys(&signature, ARTICLE_ROWS, 0xa7);
    ArticleSketch { signature, bands, paragraphs: para_hashes }
}

/// Estimated Jaccard similarity of two signatures (0 when either is empty).
pub fn signature_similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The exact identity of a word sequence (word hashes): xxh3 of their bytes.
pub fn fingerprint(words: &[u64]) -> i64 {
    let mut buf = Vec::with_capacity(words.len() * 8);
    for w in words {
        buf.extend_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&buf) as i64
}

/// What the store keeps of a statement to find it again in other articles.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementSketch {
    /// Identity of its normalised words: equal for copies that differ only in case,
    /// punctuation, spacing or possessives.
    pub fingerprint: i64,
    /// Lookup keys for near-verbatim copies: LSH bands over word 3-shingles, plus a head and a
    /// tail anchor, all scoped to the speaker. Empty for statements under [`STATEMENT_MIN_WORDS`].
    pub keys: Vec<i64>,
}

/// The sketch of a statement's words. `speaker` scopes the lookup keys: one statement carried
/// twice has one speaker, and scoping keeps a formula many speakers use ("the two sides agreed
/// to ...") from filling one bucket with all of them.
pub fn statement_sketch(words: &[u64], speaker: &str) -> StatementSketch {
    let fingerprint = fingerprint(words);
    if words.len() < STATEMENT_MIN_WORDS {
        return StatementSketch { fingerprint, keys: Vec::new() };
    }
    let sh = shingles(words, 3);
    let sig = STATEMENT_HASHER.create_signature(sh.iter());
    let scope = xxh3_64(speaker.as_bytes());
    let mut keys = band_keys(&sig, STATEMENT_ROWS, 0x5e ^ scope);
    if words.len() >= ANCHOR_WORDS + 3 {
        keys.push(fingerprint_anchor(&words[..ANCHOR_WORDS], 0x4e ^ scope));
        keys.push(fingerprint_anchor(&words[words.len() - ANCHOR_WORDS..], 0x7a ^ scope));
    }
    keys.sort_unstable();
    keys.dedup();
    StatementSketch { fingerprint, keys }
}

fn fingerprint_anchor(words: &[u64], domain: u64) -> i64 {
    (fingerprint(words) as u64 ^ domain.wrapping_mul(0x9e37_79b9_7f4a_7c15)) as i64
}

/// How much two statements are the same words, in [0, 1]: the larger of
/// - the Jaccard similarity of their word 3-shingles (re-punctuated or lightly edited copies),
/// - how much of the shorter one's shingles the longer contains, when the shorter has at least
///   [`STATEMENT_MIN_WORDS`] + 2 words (one copy trimmed),
/// - 0.9 when one or two words are changed, added or dropped (one per 15 words), so a word
///   changed in a short statement still matches. More edits than that is another statement built
///   from the same formula ("would keep working with Jordan on trade" / "... Kenya on energy").
pub fn statement_similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (sa, sb) = (shingles(a, 3), shingles(b, 3));
    let inter = sorted_intersection(&sa, &sb) as f64;
    let jac = inter / (sa.len() as f64 + sb.len() as f64 - inter);
    let shorter = a.len().min(b.len());
    let containment = if shorter >= STATEMENT_MIN_WORDS + 2 { inter / sa.len().min(sb.len()) as f64 } else { 0.0 };
    let (la, lb) = (a.len(), b.len());
    let allowed = (la.max(lb) / 15).max(1);
    let edit = if la.abs_diff(lb) <= allowed && la.max(lb) <= 400 && shorter >= STATEMENT_MIN_WORDS && word_edit_distance(a, b) <= allowed {
        0.9
    } else {
        0.0
    };
    jac.max(containment).max(edit)
}

fn sorted_intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn word_edit_distance(a: &[u64], b: &[u64]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::word_hashes as ws;

    fn sim(a: &str, b: &str) -> f64 {
        statement_similarity(&ws(a), &ws(b))
    }

    const S: &str = "China and Pakistan were all-weather strategic cooperative partners and iron-clad friends, she said.";

    #[test]
    fn copies_of_a_statement_are_similar() {
        assert_eq!(sim(S, "China and Pakistan were all-weather strategic cooperative partners, and iron-clad friends she said"), 1.0);
        assert!(sim(S, "China and Pakistan were all-weather strategic cooperative partners and iron-clad brothers, she said.") >= 0.6);
        assert!(sim(S, "China and Pakistan were all-weather strategic cooperative partners and iron-clad friends") >= 0.6);
        assert!(sim(S, "The facts are crystal clear, and justice always prevails over all of this.") < 0.2);
        // the same formula with other names filled in is another statement
        let a = "the government remained committed to win-win cooperation and would keep working with Jordan on trade";
        let b = "the government remained committed to green energy transition and would keep working with Kenya on energy";
        assert!(sim(a, b) < 0.6, "{}", sim(a, b));
    }

    #[test]
    fn equal_words_give_equal_sketches() {
        let a = ws(S);
        let b = ws("china AND pakistan were all-weather strategic cooperative partners; and iron-clad friends -- she said");
        assert_eq!(statement_sketch(&a, "mao ning"), statement_sketch(&b, "mao ning"));
        assert_eq!(statement_sketch(&a, "").keys.len(), STATEMENT_BANDS + 2);
        assert!(statement_sketch(&a, "mao ning").keys.iter().all(|k| !statement_sketch(&a, "zhao lijian").keys.contains(k)));
    }

    #[test]
    fn an_edited_copy_shares_a_key() {
        let a = ws(S);
        let b = ws("China and Pakistan were all-weather strategic cooperative partners and iron-clad brothers, she said.");
        let (ka, kb) = (statement_sketch(&a, "x").keys, statement_sketch(&b, "x").keys);
        assert!(ka.iter().any(|k| kb.contains(k)));
    }

    #[test]
    fn similar_articles_have_similar_signatures() {
        let p1 = ws("China on Thursday reiterated its willingness for continuous support to Pakistan in a battle against COVID-19 and said it was ready to work with all-weather strategic cooperative partner to overcome the pandemic.");
        let p2 = ws("The spokesperson said, at the most difficult time for China to fight the pandemic, the Pakistani government and the people vigorously supported China's anti-virus struggle.");
        let p3 = ws("Heavy rain is expected across the north of the country this weekend, with flood warnings in place for three rivers and schools closed in two districts.");
        let cfg = LinkConfig::default();
        let a = article_sketch(&[p1.clone(), p2.clone()], &cfg);
        let b = article_sketch(&[p1.clone(), p2.clone(), ws("Reporting by a correspondent.")], &cfg);
        let c = article_sketch(&[p3], &cfg);
        assert!(signature_similarity(&a.signature, &b.signature) >= 0.7);
        assert!(signature_similarity(&a.signature, &c.signature) < 0.2);
        assert!(a.bands.iter().any(|k| b.bands.contains(k)));
        assert!(!a.bands.iter().any(|k| c.bands.contains(k)));
        assert_eq!(a.paragraphs.len(), 2);
    }
}
