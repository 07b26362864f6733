//! Fixed word lists that are asked about many words of every article.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A fixed list of words looked up by hash, not scanned: the set is built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, set: OnceLock::new() }
    }

    /// Whether `word` is one of the list's words, exactly as written there.
    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_holds_its_words_exactly() {
        static SET: WordSet = WordSet::new(&["minister", "spokesperson"]);
        assert!(SET.contains("minister") && SET.contains("spokesperson"));
        assert!(!SET.contains("Minister") && !SET.contains("minist") && !SET.contains(""));
    }
}
