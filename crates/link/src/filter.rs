//! Which lookup keys the store may hold: a Bloom filter over the keys of every lookup table
//! (article bands, paragraph hashes, statement keys and those of undated statements, statement
//! fingerprints), kept by the
//! writer so that a key no stored row has costs no index seek. Most keys of a new story find
//! nothing; at 100,000 articles about half of all band lookups were such misses.
//!
//! A filter never says "absent" for a key it was given (no false negatives); it says "maybe"
//! for a few keys it was not given (false positives, which only cost the seek). It grows with
//! the keys it holds, doubling up to [`MAX_BITS`], so its false-positive rate stays under 1%
//! below about 30 million keys; past that it stays at 64 MiB and answers "maybe" more often.

/// Bits of a new filter.
pub const MIN_BITS: u32 = 20;
/// Bits of the largest filter (64 MiB).
pub const MAX_BITS: u32 = 29;
/// Positions set per key.
const PROBES: u64 = 4;
/// A filter holding more keys than its bits divided by this is due to grow.
const BITS_PER_KEY: u64 = 16;

/// The lookup table a key is for: the same number means nothing across tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    ArticleBand = 1,
    Paragraph = 2,
    StatementKey = 3,
    Fingerprint = 4,
    /// A statement key held by an undated statement (which it also holds as a `StatementKey`):
    /// most keys have none, and their lookup skips that part.
    UndatedStatementKey = 5,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFilter {
    words: Vec<u64>,
    bits: u32,
    keys: u64,
}

#[derive(Debug, thiserror::Error)]
#[error("the key filter is {0} bytes; expected 16 bytes of header and a power of two of 64-bit words")]
pub struct BadFilter(usize);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter::with_bits(MIN_BITS)
    }
}

impl KeyFilter {
    /// An empty filter of `2^bits` bits (clamped to [`MIN_BITS`]..=[`MAX_BITS`]).
    pub fn with_bits(bits: u32) -> KeyFilter {
        let bits = bits.clamp(MIN_BITS, MAX_BITS);
        KeyFilter { words: vec![0; 1 << (bits - 6)], bits, keys: 0 }
    }

    /// An empty filter big enough for `keys` keys.
    pub fn for_keys(keys: u64) -> KeyFilter {
        let wanted = keys.saturating_mul(BITS_PER_KEY).max(1);
        KeyFilter::with_bits(64 - (wanted - 1).leading_zeros())
    }

    /// Keys inserted (each insert counts, repeats too).
    pub fn keys(&self) -> u64 {
        self.keys
    }

    /// Whether the filter holds enough keys that a bigger one (rebuilt from the store) would
    /// answer "maybe" much less often.
    pub fn wants_to_grow(&self) -> bool {
        self.bits < MAX_BITS && self.keys.saturating_mul(BITS_PER_KEY) > 1u64 << self.bits
    }

    /// SplitMix64 of the key and its kind: the lookup keys are hashes already, but band keys
    /// and statement keys are small-seeded xxh3 values that must not share positions.
    fn probes(kind: KeyKind, key: i64) -> impl Iterator<Item = u64> {
        let mut z = (key as u64) ^ (kind as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut mix = move || {
            z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut x = z;
            x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            x ^ (x >> 31)
        };
        let (h1, h2) = (mix(), mix() | 1);
        (0..PROBES).map(move |i| h1.wrapping_add(i.wrapping_mul(h2)))
    }

    pub fn insert(&mut self, kind: KeyKind, key: i64) {
        let mask = (1u64 << self.bits) - 1;
        for p in Self::probes(kind, key) {
            let p = p & mask;
            self.words[(p >> 6) as usize] |= 1 << (p & 63);
        }
        self.keys += 1;
    }

    /// False only if `key` was never inserted for `kind`.
    pub fn may_contain(&self, kind: KeyKind, key: i64) -> bool {
        let mask = (1u64 << self.bits) - 1;
        Self::probes(kind, key).all(|p| {
            let p = p & mask;
            self.words[(p >> 6) as usize] & (1 << (p & 63)) != 0
        })
    }

    /// The filter as bytes: bits and key count (8 bytes each, little-endian), then the words.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.words.len() * 8);
        out.extend_from_slice(&u64::from(self.bits).to_le_bytes());
        out.extend_from_slice(&self.keys.to_le_bytes());
        for w in &self.words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<KeyFilter, BadFilter> {
        let bad = || BadFilter(b.len());
        let word = |i: usize| b.get(i..i + 8).map(|s| u64::from_le_bytes(s.try_into().expect("8 bytes")));
        let bits = word(0).ok_or_else(bad)?;
        let keys = word(8).ok_or_else(bad)?;
        if !(u64::from(MIN_BITS)..=u64::from(MAX_BITS)).contains(&bits) || b.len() != 16 + (1usize << (bits - 3)) {
            return Err(bad());
        }
        let words = b[16..].chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect();
        Ok(KeyFilter { words, bits: bits as u32, keys })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_forgets_a_key_and_rarely_claims_one() {
        let mut f = KeyFilter::default();
        for k in 0..50_000i64 {
            f.insert(KeyKind::StatementKey, k.wrapping_mul(0x5851_f42d_4c95_7f2d));
        }
        assert!((0..50_000i64).all(|k| f.may_contain(KeyKind::StatementKey, k.wrapping_mul(0x5851_f42d_4c95_7f2d))));
        // the same numbers for another table, and numbers never inserted
        let other = (0..50_000i64).filter(|&k| f.may_contain(KeyKind::ArticleBand, k.wrapping_mul(0x5851_f42d_4c95_7f2d))).count();
        let never = (0..50_000i64).filter(|&k| f.may_contain(KeyKind::StatementKey, k.wrapping_mul(0x5851_f42d_4c95_7f2d) ^ 1)).count();
        assert!(other < 500 && never < 500, "false positives: {other}, {never} of 50,000");
        assert!(!f.wants_to_grow());
    }

    #[test]
    fn round_trips_and_rejects_what_is_not_a_filter() {
        let mut f = KeyFilter::for_keys(100_000);
        assert_eq!(f.bits, 21);
        f.insert(KeyKind::Fingerprint, -7);
        let back = KeyFilter::from_bytes(&f.to_bytes()).expect("round trip");
        assert_eq!(back, f);
        assert!(back.may_contain(KeyKind::Fingerprint, -7));
        assert!(KeyFilter::from_bytes(&[0; 7]).is_err());
        assert!(KeyFilter::from_bytes(&f.to_bytes()[..100]).is_err());
    }

    #[test]
    fn grows_when_full_up_to_its_largest_size() {
        let mut f = KeyFilter::with_bits(MIN_BITS);
        for k in 0..(1i64 << MIN_BITS) / 16 + 1 {
            f.insert(KeyKind::Paragraph, k);
        }
        assert!(f.wants_to_grow());
        assert_eq!(KeyFilter::for_keys(f.keys()).bits, MIN_BITS + 1);
        assert_eq!(KeyFilter::for_keys(u64::MAX).bits, MAX_BITS);
        assert!(!KeyFilter::with_bits(MAX_BITS).wants_to_grow());
    }
}
