//! Words as the linking layer sees them: lower case, letters and digits with inner hyphens,
//! possessive `'s` dropped, each with its byte span in the text it came from.

/// One normalised word and where it sits (bytes into the text given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub start: usize,
    pub end: usize,
    /// The word was written with a capital first letter.
    pub capitalised: bool,
    /// A sentence or clause break (`.`, `;`, `:`, `?`, `!`, a quote mark, a bracket) comes
    /// between this word and the previous one.
    pub after_break: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '.' | ';' | ':' | '?' | '!' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '«' | '»' | '—' | '–' | '\n')
}

/// The words of `text`. Apostrophes inside a word are dropped ("Pakistan's" → "pakistan"),
/// hyphens inside a word are kept ("all-weather"), digits are words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    scan(text, |norm, start, end, capitalised, after_break| {
        out.push(Word { norm: norm.to_string(), start, end, capitalised, after_break });
    });
    out
}

/// The words of `text` as hashes of their normalised form (what [`words`] gives, without an
/// allocation per word): what statement matching compares.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    scan(text, |norm, _, _, _, _| out.push(xxhash_rust::xxh3::xxh3_64(norm.as_bytes())));
    out
}

fn push_lower(s: &mut String, c: char) {
    if c.is_ascii() {
        s.push(c.to_ascii_lowercase());
    } else {
        s.extend(c.to_lowercase());
    }
}

/// Calls `f(normalised, start, end, capitalised, after_break)` for each word, reusing one buffer.
pub(crate) fn scan(text: &str, mut f: impl FnMut(&str, usize, usize, bool, bool)) {
    let mut brk = true;
    let mut norm = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            if is_break(c) {
                brk = true;
            }
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        norm.clear();
        push_lower(&mut norm, c);
        let capitalised = c.is_uppercase();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                push_lower(&mut norm, d);
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '-' | '‐' | '\'' | '’') {
                // inner joiner: only when a letter or digit follows
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if e.is_alphanumeric() => {
                        chars.next();
                        if matches!(d, '-' | '‐') {
                            norm.push('-');
                        } else {
                            // "pakistan's" → "pakistan"; "don't" → "dont"
                            let mut rest = ahead.clone().take_while(|(_, e)| e.is_alphanumeric());
                            let possessive = matches!(rest.next(), Some((_, 's' | 'S'))) && rest.next().is_none();
                            if possessive {
                                let (k, e) = chars.next().expect("peeked");
                                end = k + e.len_utf8();
                                break;
                            }
                        }
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        f(&norm, start, end, capitalised, brk);
        brk = false;
    }
}

/// Function words, pronouns, auxiliaries and reporting verbs: a talking point is not made of
/// them, and they do not count towards its length in content words.
pub fn is_stopword(w: &str) -> bool {
    // every word of every article's text is asked: a hash and one comparison, not the eight
    // of a binary search over the list
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(w)
}

// sorted, so that a word added twice or out of place shows in review
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "added", "adding", "after", "again", "against", "ago", "all", "almost", "already",
    "also", "although", "always", "am", "among", "an", "and", "another", "any", "are", "around", "as", "asked", "at", "be", "because",
    "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last",
    "later", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near",
    "need", "neither", "never", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other",
    "others", "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "really", "said", "same", "say", "saying",
    "says", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "today", "told", "too", "toward", "towards",
    "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yesterday", "yet", "you", "your", "yours",
];

/// A light stem for matching variants: plural and third-person `-s` folded
/// ("partners" → "partner", "countries" → "country"). Not a linguistic stemmer on purpose:
/// it must never merge two different content words.
pub fn stem(w: &str) -> &str {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        // caller-visible forms are compared through `stem_key`, so "countries" and "country"
        // meet at "countr"
        return &w[..n - 3];
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return &w[..n - 1];
    }
    if n > 3 && w.ends_with('y') {
        return &w[..n - 1];
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(t: &str) -> Vec<String> {
        words(t).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn words_fold_case_keep_hyphens_and_drop_possessives() {
        assert_eq!(norms("Pakistan's all-weather “Partners”, don’t 2020."), ["pakistan", "all-weather", "partners", "dont", "2020"]);
        assert_eq!(norms("-- ' - "), Vec::<String>::new());
        assert_eq!(norms("peoples' well-being"), ["peoples", "well-being"]);
    }

    #[test]
    fn hashes_follow_words() {
        let t = "Pakistan's all-weather “Partners”, don’t 2020.";
        let h: Vec<u64> = words(t).iter().map(|w| xxhash_rust::xxh3::xxh3_64(w.norm.as_bytes())).collect();
        assert_eq!(word_hashes(t), h);
    }

    #[test]
    fn breaks_are_marked() {
        let w = words("He said. China: ready, willing");
        let b: Vec<bool> = w.iter().map(|w| w.after_break).collect();
        assert_eq!(b, [true, false, true, true, false]);
    }

    #[test]
    fn stems_meet_across_number() {
        assert_eq!(stem("partners"), stem("partner"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("process"), "process");
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must stay sorted");
        assert!(STOPWORDS.iter().all(|w| is_stopword(w)) && !is_stopword("partner") && !is_stopword("thems"));
    }
}
