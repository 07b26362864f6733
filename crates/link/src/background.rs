//! Background frequency of grams: in how many articles a gram appears anywhere, narration
//! included, kept in a count-min sketch of fixed size (2 × 2^18 counters, 2 MiB) however big the
//! corpus grows. Estimates are never below the truth; conservative update keeps them close.

use xxhash_rust::xxh3::xxh3_64_with_seed;

pub const DEPTH: usize = 2;
pub const WIDTH_BITS: u32 = 18;
const WIDTH: usize = 1 << WIDTH_BITS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Background {
    counts: Vec<u32>,
}

#[derive(Debug, thiserror::Error)]
#[error("the background counts are {0} bytes; expected {DEPTH} × {WIDTH} × 4")]
pub struct BadBackground(usize);

impl Default for Background {
    fn default() -> Self {
        Background { counts: vec![0; DEPTH * WIDTH] }
    }
}

impl Background {
    fn cells(key: i64) -> [usize; DEPTH] {
        let mut out = [0; DEPTH];
        for (d, cell) in out.iter_mut().enumerate() {
            *cell = d * WIDTH + (xxh3_64_with_seed(&key.to_le_bytes(), d as u64 + 1) as usize & (WIDTH - 1));
        }
        out
    }

    /// Counts one article's distinct gram keys.
    pub fn add_article(&mut self, keys: &[i64]) {
        for &k in keys {
            let cells = Self::cells(k);
            let least = cells.iter().map(|&c| self.counts[c]).min().unwrap_or(0);
            for c in cells {
                if self.counts[c] == least {
                    self.counts[c] = least.saturating_add(1);
                }
            }
        }
    }

    /// Articles that have the gram (an estimate, never below the truth).
    pub fn estimate(&self, key: i64) -> u64 {
        Self::cells(key).iter().map(|&c| self.counts[c]).min().unwrap_or(0) as u64
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.counts.iter().flat_map(|c| c.to_le_bytes()).collect()
    }

    pub fn from_bytes(b: &[u8]) -> Result<Background, BadBackground> {
        if b.len() != DEPTH * WIDTH * 4 {
            return Err(BadBackground(b.len()));
        }
        Ok(Background { counts: b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_round_trip_and_never_undercount() {
        let mut b = Background::default();
        for i in 0..1000i64 {
            b.add_article(&[i, 7]);
        }
        assert!(b.estimate(7) >= 1000);
        assert!((0..1000).all(|i| b.estimate(i) >= 1));
        assert_eq!(b.estimate(123_456_789), 0);
        let back = Background::from_bytes(&b.to_bytes()).expect("round trip");
        assert_eq!(back, b);
        assert!(Background::from_bytes(&[1, 2, 3]).is_err());
    }
}
