//! The hash of a word as the tagger sees it: FNV-1a over its lower case, with typographic
//! apostrophes straight and digits folded to `0`. The learned weights and the word-class table
//! are keyed by it.
//!
//! This file uses nothing but `std`: `build.rs` includes it too, to build the word-class table
//! at compile time with the very function the tagger looks words up with.

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

pub(crate) fn fnv_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    let mut h = h;
    for b in c.encode_utf8(&mut buf).bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

/// Lower case with typographic apostrophes made straight and digits folded to `0`.
pub(crate) fn normal_chars(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().flat_map(char::to_lowercase).map(|c| match c {
        '’' | '‘' | '`' => '\'',
        c if c.is_ascii_digit() => '0',
        c => c,
    })
}

/// `normal_chars` of an ASCII word, byte by byte: the same bytes `fnv_char` would hash.
#[inline]
fn normal_ascii(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b'`' => b'\'',
        b'0'..=b'9' => b'0',
        c => c,
    }
}

#[inline]
pub(crate) fn fnv_ascii(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ normal_ascii(b) as u64).wrapping_mul(FNV_PRIME))
}

/// The hash of a word as the tagger sees it.
pub(crate) fn word_hash(w: &str) -> u64 {
    // most words are ASCII: hashed without decoding characters
    if w.is_ascii() {
        return fnv_ascii(FNV_OFFSET, w.as_bytes());
    }
    normal_chars(w).fold(FNV_OFFSET, fnv_char)
}
