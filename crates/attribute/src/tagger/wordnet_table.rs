//! The word-class table's layout, shared by `build.rs`, which builds it from
//! `wordnet/classes.tsv.gz` at compile time, and `wordnet.rs`, which looks words up in it.
//!
//! An open-addressing table of `u64` slots, each the word hash's upper 48 bits and the packed
//! class in the lower 16 (0: empty), at most half full. Like `word_hash.rs`, this file uses
//! nothing but `std` and its sibling `word_hash`.

use super::word_hash::word_hash;

/// WordNet's lexicographer file numbers: verbs are 29 to 43, nouns 3 to 28.
pub(crate) const FIRST_VERB_FILE: u16 = 29;
// (in the crate only the tests read this and `build`; build.rs uses them to make the table)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const FIRST_NOUN_FILE: u16 = 3;

/// The part of a slot that holds the word hash.
pub(crate) const TAG: u64 = !0xffff;

/// The slot a hash's probe starts at, in a table of `2^(64 - shift)` slots.
#[inline]
pub(crate) fn home(h: u64, shift: u32) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The table of the classes in `tsv` (lines of form, verb file, noun file, verb-communicates
/// flag; `#` comments): the slots, and the shift [`home`] takes.
///
/// Packed class: bits 0–3 the verb class (1–15, 0 none), bits 4–8 the noun class (1–26, 0
/// none), bit 9 set when one of the verb's senses is a verb of communication.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn build(tsv: &str) -> (Vec<u64>, u32) {
    let entries: Vec<(u64, u16)> = tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (form, verb, noun, says) = (f.next()?, f.next()?, f.next()?, f.next()?);
            let verb = verb.parse::<u16>().map_or(0, |v| v.saturating_sub(FIRST_VERB_FILE - 1) & 0xf);
            let noun = noun.parse::<u16>().map_or(0, |n| n.saturating_sub(FIRST_NOUN_FILE - 1) & 0x1f);
            let class = verb | noun << 4 | u16::from(says == "1") << 9;
            (class != 0).then(|| (word_hash(form), class))
        })
        .collect();
    // at most half full: probes stay short
    let bits = (entries.len() * 2).next_power_of_two().trailing_zeros().max(4);
    let shift = 64 - bits;
    let mut slots = vec![0u64; 1 << bits];
    for (h, class) in entries {
        let mut i = home(h, shift);
        while slots[i] != 0 && slots[i] & TAG != h & TAG {
            i = (i + 1) & (slots.len() - 1);
        }
        slots[i] = h & TAG | u64::from(class);
    }
    (slots, shift)
}
