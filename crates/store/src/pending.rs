//! The rows the open transaction adds to the tables keyed by hashes or by other random keys
//! (`article_bands`, `paragraph_hashes`, `statement_keys`, `phrase_grams`, and `paragraphs`
//! and `statement_about`, which nothing reads during a run), held in memory and written to the
//! tables in key order just before the transaction commits.
//!
//! Written as they come, each of these rows lands on a random page of a large B-tree: at
//! 100,000 articles, 6 million such inserts were about a quarter of the writer's time. Written
//! in key order at the commit, consecutive rows share their pages. Until then, the lookups of
//! linking read both the committed rows and these, merged in the order the table alone would
//! give, so what linking finds does not depend on when the commits fall.
//!
//! **Invariant:** every row here has an article or statement id the open transaction gave, so
//! none is in its table yet, and writing them all is what inserting each one at once would
//! have left.

use rusqlite::{params, Connection};
use rustc_hash::FxHashMap;

use crate::link::UNDATED;
use crate::StoreError;

/// Each table's rows by their lookup key, in the order written: ids ascending, as in the
/// tables' indexes after the key. (Hash maps, not ordered sets: a lookup is one probe, and
/// the keys are sorted once, at the commit.)
#[derive(Default)]
pub(crate) struct PendingRows {
    /// band key → article rowids
    bands: FxHashMap<i64, Vec<i64>>,
    /// paragraph hash → (article rowid, paragraph index)
    paragraphs: FxHashMap<i64, Vec<(i64, i64)>>,
    /// statement key → (day or [`UNDATED`], statement id)
    statement_keys: FxHashMap<i64, Vec<(i64, i64)>>,
    /// (gram, statement id, surface), one statement's grams after another
    grams: Vec<(i64, i64, String)>,
    /// (article id, index, start, end, repeat_of)
    paragraph_rows: Vec<(String, i64, i64, i64, Option<i64>)>,
    /// (entity, statement id)
    about: Vec<(String, i64)>,
}

/// Appends `row` unless it is the last row already (`INSERT OR IGNORE` of the same row twice).
fn push_new<T: PartialEq>(rows: &mut Vec<T>, row: T) {
    if rows.last() != Some(&row) {
        rows.push(row);
    }
}

impl PendingRows {
    pub(crate) fn add_band(&mut self, key: i64, article: i64) {
        push_new(self.bands.entry(key).or_default(), article);
    }

    /// The articles with band `key`, newest first.
    pub(crate) fn band_articles(&self, key: i64) -> impl Iterator<Item = i64> + '_ {
        self.bands.get(&key).into_iter().flat_map(|v| v.iter().rev().copied())
    }

    pub(crate) fn add_paragraph(&mut self, hash: i64, article: i64, idx: i64) {
        push_new(self.paragraphs.entry(hash).or_default(), (article, idx));
    }

    /// The (article, paragraph index) pairs with paragraph `hash`, in table order.
    pub(crate) fn paragraphs_with(&self, hash: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.paragraphs.get(&hash).into_iter().flat_map(|v| v.iter().copied())
    }

    pub(crate) fn add_statement_key(&mut self, key: i64, day: Option<i64>, statement: i64) {
        push_new(self.statement_keys.entry(key).or_default(), (day.unwrap_or(UNDATED), statement));
    }

    /// The latest `n` statements with `key` reported between days `lo` and `hi` (`lo` above
    /// [`UNDATED`]), by day then id, as (day, statement id), in no particular order.
    pub(crate) fn dated_statements(&self, key: i64, lo: i64, hi: i64, n: usize) -> Vec<(i64, i64)> {
        let mut found: Vec<(i64, i64)> =
            self.statement_keys.get(&key).into_iter().flatten().filter(|&&(day, _)| lo <= day && day <= hi).copied().collect();
        if found.len() > n {
            found.sort_unstable_by(|a, b| b.cmp(a));
            found.truncate(n);
        }
        found
    }

    /// The undated statements with `key`, newest first.
    pub(crate) fn undated_statements(&self, key: i64) -> impl Iterator<Item = i64> + '_ {
        self.statement_keys.get(&key).into_iter().flat_map(|v| v.iter().rev().filter(|&&(day, _)| day == UNDATED).map(|&(_, id)| id))
    }

    /// Adds a gram of a statement (the statement written last); false if it already has it
    /// (the first surface stays, as `INSERT OR IGNORE` keeps it).
    pub(crate) fn add_gram(&mut self, gram: i64, statement: i64, surface: &str) -> bool {
        let seen = self.grams.iter().rev().take_while(|(_, s, _)| *s == statement).any(|(g, _, _)| *g == gram);
        if !seen {
            self.grams.push((gram, statement, surface.to_string()));
        }
        !seen
    }

    /// Adds an article's paragraph (its row in `paragraphs`).
    pub(crate) fn add_paragraph_row(&mut self, article: &str, idx: i64, start: i64, end: i64, repeat_of: Option<i64>) {
        self.paragraph_rows.push((article.to_string(), idx, start, end, repeat_of));
    }

    /// Adds an entity a statement is about.
    pub(crate) fn add_about(&mut self, entity: &str, statement: i64) {
        self.about.push((entity.to_string(), statement));
    }

    /// Writes the rows to their tables, in key order, and forgets them.
    pub(crate) fn write(&mut self, tx: &Connection) -> Result<(), StoreError> {
        let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO article_bands (key, article) VALUES (?1, ?2)")?;
        for (key, article) in sorted(&mut self.bands) {
            ins.execute(params![key, article])?;
        }
        let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO paragraph_hashes (hash, article, idx) VALUES (?1, ?2, ?3)")?;
        for (hash, (article, idx)) in sorted(&mut self.paragraphs) {
            ins.execute(params![hash, article, idx])?;
        }
        let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO statement_keys (key, day, statement_id) VALUES (?1, ?2, ?3)")?;
        for (key, (day, statement)) in sorted(&mut self.statement_keys) {
            ins.execute(params![key, day, statement])?;
        }
        let mut grams = std::mem::take(&mut self.grams);
        grams.sort_unstable();
        let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO phrase_grams (gram, statement_id, surface) VALUES (?1, ?2, ?3)")?;
        for (gram, statement, surface) in grams {
            ins.execute(params![gram, statement, surface])?;
        }
        let mut paragraphs = std::mem::take(&mut self.paragraph_rows);
        paragraphs.sort_unstable();
        let mut ins = tx.prepare_cached("INSERT INTO paragraphs (article_id, idx, start, end, repeat_of) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for (article, idx, start, end, repeat_of) in paragraphs {
            ins.execute(params![article, idx, start, end, repeat_of])?;
        }
        let mut about = std::mem::take(&mut self.about);
        about.sort_unstable();
        let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO statement_about (statement_id, entity) VALUES (?1, ?2)")?;
        for (entity, statement) in about {
            ins.execute(params![statement, entity])?;
        }
        Ok(())
    }
}

/// The rows of `by_key`, emptied, in key order (then the order written).
fn sorted<T: Copy>(by_key: &mut FxHashMap<i64, Vec<T>>) -> Vec<(i64, T)> {
    let mut keys: Vec<(i64, Vec<T>)> = std::mem::take(by_key).into_iter().collect();
    keys.sort_unstable_by_key(|(k, _)| *k);
    keys.into_iter().flat_map(|(k, rows)| rows.into_iter().map(move |r| (k, r))).collect()
}

#[cfg(test)]
mod tests {
    use super::PendingRows;

    #[test]
    fn lookups_read_rows_in_the_order_of_the_tables_indexes() {
        let mut p = PendingRows::default();
        // ids come in the order the writer gives them
        for a in [3, 5, 9] {
            p.add_band(7, a);
        }
        p.add_band(8, 1);
        assert_eq!(p.band_articles(7).collect::<Vec<_>>(), [9, 5, 3]);

        p.add_paragraph(4, 11, 0);
        p.add_paragraph(5, 11, 1);
        p.add_paragraph(4, 12, 2);
        p.add_paragraph(4, 12, 2);
        assert_eq!(p.paragraphs_with(4).collect::<Vec<_>>(), [(11, 0), (12, 2)]);

        for (day, id) in [(Some(10), 1), (Some(12), 2), (None, 3), (Some(12), 4), (Some(30), 5), (None, 6)] {
            p.add_statement_key(1, day, id);
        }
        p.add_statement_key(2, Some(11), 7);
        let mut dated = p.dated_statements(1, 5, 20, 8);
        dated.sort_unstable();
        assert_eq!(dated, [(10, 1), (12, 2), (12, 4)]);
        assert_eq!(p.dated_statements(1, 5, 40, 2), [(30, 5), (12, 4)]);
        assert_eq!(p.undated_statements(1).collect::<Vec<_>>(), [6, 3]);

        assert!(p.add_gram(1, 2, "first"));
        assert!(!p.add_gram(1, 2, "second"));
        assert!(p.add_gram(1, 3, "first"));
    }
}
