//! Talking points: phrases of three or more content words that come back in statements.
//!
//! A statement's *grams* are its runs of three consecutive content words (stop words skipped
//! but counted towards an 8-word limit, no sentence break inside, not starting or ending on a
//! named country, person or demonym), keyed by their light stems. "community with a shared
//! future" and "community of shared future" share the gram `community shared future`;
//! "partners" and "partner" share a stem. The store counts grams per statement; [`score`] ranks
//! them against their background frequency in all article text, and [`chain`] joins
//! overlapping grams into longer phrases.

use xxhash_rust::xxh3::xxh3_64;

use crate::words::{is_stopword, scan, stem};

/// Most words a talking point spans, stop words included.
pub const MAX_PHRASE_WORDS: usize = 8;
const GRAM: usize = 3;

/// One gram of a text: its key, the stems it is made of, and where it is (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gram {
    pub key: i64,
    /// The three stems, space-separated ("all-weather strategic cooperative").
    pub stems: String,
    pub start: usize,
    pub end: usize,
}

/// A word as the gram walk reads it: its normalised form is `norms[norm.0..norm.1]`.
struct Scanned {
    norm: (usize, usize),
    start: usize,
    end: usize,
    capitalised: bool,
    after_break: bool,
}

fn is_named(w: &Scanned, text: &str, title_case: bool) -> bool {
    if !w.capitalised {
        return false;
    }
    let surface = &text[w.start..w.end];
    let place = onrecord_resolve::is_country(surface)
        || onrecord_resolve::country_of_demonym(surface).is_some()
        || surface.split(['-', '‐']).any(onrecord_resolve::is_country);
    place || (w.capitalised && !w.after_break && !title_case)
}

fn is_content(norm: &str) -> bool {
    norm.chars().any(char::is_alphabetic) && !is_stopword(norm) && norm.chars().count() > 1
}

/// Calls `f(key, stems, start, end)` for each gram of `text`, in order. Each word is read,
/// stemmed and checked for a name once, however many grams it is part of.
fn for_each_gram(text: &str, mut f: impl FnMut(i64, &str, usize, usize)) {
    let mut norms = String::with_capacity(text.len());
    let mut ws: Vec<Scanned> = Vec::with_capacity(text.len() / 6);
    scan(text, |norm, start, end, capitalised, after_break| {
        let from = norms.len();
        norms.push_str(norm);
        ws.push(Scanned { norm: (from, norms.len()), start, end, capitalised, after_break });
    });
    let norm = |w: &Scanned| &norms[w.norm.0..w.norm.1];
    let letters = ws.iter().filter(|w| norm(w).chars().next().is_some_and(char::is_alphabetic)).count();
    let caps = ws.iter().filter(|w| w.capitalised).count();
    // A headline in Title Case says nothing about names by its capitals.
    let title_case = letters >= 4 && caps * 10 >= letters * 6;
    // the content words: index, stem, and whether a gram may start or end on it
    let content: Vec<(usize, &str, bool)> =
        (0..ws.len()).filter(|&i| is_content(norm(&ws[i]))).map(|i| (i, stem(norm(&ws[i])), is_named(&ws[i], text, title_case))).collect();
    let mut key_buf = String::new();
    for c in content.windows(GRAM) {
        let (first, last) = (c[0].0, c[GRAM - 1].0);
        if last - first + 1 > MAX_PHRASE_WORDS || ws[first + 1..=last].iter().any(|w| w.after_break) {
            continue;
        }
        if c[0].2 || c[GRAM - 1].2 {
            continue;
        }
        key_buf.clear();
        for (k, &(_, stem, _)) in c.iter().enumerate() {
            if k > 0 {
                key_buf.push(' ');
            }
            key_buf.push_str(stem);
        }
        f(xxh3_64(key_buf.as_bytes()) as i64, &key_buf, ws[first].start, ws[last].end);
    }
}

/// The grams of `text`, in order, with duplicates kept (callers dedupe by key as they need).
pub fn grams(text: &str) -> Vec<Gram> {
    let mut out = Vec::new();
    for_each_gram(text, |key, stems, start, end| out.push(Gram { key, stems: stems.to_string(), start, end }));
    out
}

/// Distinct gram keys of a text, sorted: what an article adds to the background counts.
pub fn gram_keys(text: &str) -> Vec<i64> {
    let mut k: Vec<i64> = Vec::new();
    for_each_gram(text, |key, _, _, _| k.push(key));
    k.sort_unstable();
    k.dedup();
    k
}

/// The stems of a phrase the user typed, and its grams' keys.
pub fn phrase_keys(phrase: &str) -> Vec<i64> {
    let mut seen = Vec::new();
    for g in grams(phrase) {
        if !seen.contains(&g.key) {
            seen.push(g.key);
        }
    }
    seen
}

/// A surface form, folded for comparing variants: lower case, single spaces, no outer punctuation.
pub fn fold_surface(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// What the store knows about one gram across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct GramStats {
    pub key: i64,
    pub stems: String,
    /// Distinct statements (a statement carried by ten outlets counts once).
    pub statements: u64,
    /// Every occurrence of those statements.
    pub occurrences: u64,
    pub articles: u64,
    pub outlets: u64,
    pub speakers: u64,
    pub months: u64,
    /// Articles whose text (anywhere, not only statements) has the gram; an estimate from a
    /// count-min sketch, never below the truth.
    pub background: u64,
}

/// How much a gram looks like a talking point in a corpus of `total_articles`:
/// - it recurs: log of its distinct statements;
/// - it is said, not narrated: the share of the articles that have it where a statement has it;
/// - it is not everywhere: inverse document frequency of its background count;
/// - it travels: across outlets and months;
/// - its speakers keep coming back to it: statements per speaker.
pub fn score(g: &GramStats, total_articles: u64) -> f64 {
    if g.statements < 2 {
        return 0.0;
    }
    let bg = g.background.max(g.articles).max(1) as f64;
    let said_share = g.articles as f64 / bg;
    let idf = (1.0 + total_articles.max(1) as f64 / bg).ln();
    let spread = (1.0 + 0.5 * (g.outlets.max(1) as f64).ln()) * (1.0 + 0.5 * (g.months.max(1) as f64).ln());
    let per_speaker = 1.0 + 0.25 * (g.statements as f64 / g.speakers.max(1) as f64).ln();
    (1.0 + g.statements as f64).ln() * said_share * said_share * idf * spread * per_speaker
}

/// A ranked talking point: its grams, the core first.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub core: usize,
    /// Indices into the stats slice, in phrase order.
    pub grams: Vec<usize>,
    pub score: f64,
}

/// Ranks grams and joins overlapping ones into longer phrases. Greedy, best score first: a gram
/// is extended right (then left) by a gram that overlaps it in two stems and was said in at
/// least half as many statements but not more; extensions and the grams contained in a taken
/// phrase are consumed. Ranking is by the core gram's score.
pub fn chain(stats: &[GramStats], total_articles: u64) -> Vec<Chain> {
    let scores: Vec<f64> = stats.iter().map(|g| score(g, total_articles)).collect();
    let mut order: Vec<usize> = (0..stats.len()).filter(|&i| scores[i] > 0.0).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then_with(|| stats[a].stems.cmp(&stats[b].stems)));
    let stems: Vec<Vec<&str>> = stats.iter().map(|g| g.stems.split(' ').collect()).collect();
    let mut by_prefix: std::collections::HashMap<(&str, &str), Vec<usize>> = std::collections::HashMap::new();
    let mut by_suffix: std::collections::HashMap<(&str, &str), Vec<usize>> = std::collections::HashMap::new();
    for &i in &order {
        if stems[i].len() == GRAM {
            by_prefix.entry((stems[i][0], stems[i][1])).or_default().push(i);
            by_suffix.entry((stems[i][1], stems[i][2])).or_default().push(i);
        }
    }
    let mut used = vec![false; stats.len()];
    let mut out = Vec::new();
    for &core in &order {
        if used[core] || stems[core].len() != GRAM {
            continue;
        }
        used[core] = true;
        let n = stats[core].statements;
        let fits = |e: usize, used: &[bool]| !used[e] && stats[e].statements * 2 >= n && stats[e].statements <= n;
        let mut chain = vec![core];
        // right
        while chain.len() < MAX_PHRASE_WORDS - 2 {
            let last = &stems[*chain.last().expect("non-empty")];
            let next = by_prefix.get(&(last[1], last[2])).and_then(|c| c.iter().copied().find(|&e| fits(e, &used)));
            match next {
                Some(e) => {
                    used[e] = true;
                    chain.push(e);
                }
                None => break,
            }
        }
        // left
        while chain.len() < MAX_PHRASE_WORDS - 2 {
            let first = &stems[chain[0]];
            let prev = by_suffix.get(&(first[0], first[1])).and_then(|c| c.iter().copied().find(|&e| fits(e, &used)));
            match prev {
                Some(e) => {
                    used[e] = true;
                    chain.insert(0, e);
                }
                None => break,
            }
        }
        out.push(Chain { core, grams: chain, score: scores[core] });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(t: &str) -> Vec<String> {
        grams(t).into_iter().map(|g| g.stems).collect()
    }

    #[test]
    fn variants_share_grams() {
        let core = gram_keys("community with shared future");
        assert_eq!(core.len(), 1);
        assert!(gram_keys("upheld the concept of a community of shared future for mankind").contains(&core[0]));
        assert!(gram_keys("an even closer China-Pakistan community with a shared future in the new era").contains(&core[0]));
        let k1 = gram_keys("all-weather strategic cooperative partners");
        let k2 = gram_keys("all-weather strategic cooperative partner");
        assert_eq!(k1, k2);
    }

    #[test]
    fn grams_do_not_cross_sentences_or_start_on_names() {
        assert!(stems_of("China and Pakistan were all-weather strategic partners").iter().all(|s| !s.starts_with("china")));
        assert!(stems_of("strategic cooperation. Economic ties grew").iter().all(|s| !s.contains("cooperation economic")));
        assert_eq!(stems_of("the two countries"), Vec::<String>::new());
        let t = "he met Bilawal Bhutto Zardari in Beijing";
        assert!(stems_of(t).is_empty(), "{:?}", stems_of(t));
    }

    #[test]
    fn surfaces_point_into_the_text() {
        let t = "China would uphold a Community of Shared Future for mankind.";
        for g in grams(t) {
            assert!(t.is_char_boundary(g.start) && t.is_char_boundary(g.end) && g.start < g.end);
        }
        assert_eq!(fold_surface("  Community of  Shared Future, "), "community of shared future");
    }

    fn stat(stems: &str, statements: u64, articles: u64, background: u64) -> GramStats {
        GramStats {
            key: 0,
            stems: stems.into(),
            statements,
            occurrences: statements,
            articles,
            outlets: articles,
            speakers: 1,
            months: 1,
            background,
        }
    }

    #[test]
    fn said_phrases_outrank_narrated_ones() {
        let said = stat("community shared future", 30, 30, 32);
        let narrated = stat("foreign ministry spokesperson", 30, 30, 900);
        assert!(score(&said, 1000) > 5.0 * score(&narrated, 1000));
        assert_eq!(score(&stat("x y z", 1, 1, 1), 1000), 0.0);
    }

    #[test]
    fn overlapping_grams_chain_into_one_phrase() {
        let stats = vec![
            stat("all-weather strategic cooperative", 3, 2, 2),
            stat("strategic cooperative partner", 3, 2, 2),
            stat("community shared future", 3, 3, 3),
            stat("shared future mankind", 2, 2, 2),
            stat("rain flood warning", 2, 2, 2),
        ];
        let ch = chain(&stats, 100);
        let joined: Vec<Vec<&str>> = ch.iter().map(|c| c.grams.iter().map(|&i| stats[i].stems.as_str()).collect()).collect();
        assert!(joined.contains(&vec!["all-weather strategic cooperative", "strategic cooperative partner"]));
        assert!(joined.contains(&vec!["community shared future", "shared future mankind"]));
        assert_eq!(ch.len(), 3);
    }
}
