//! The store side of the link stage: keeping sketches and looking them up as each article is
//! written, inside the batch's transaction. `crates/link` computes the keys; this module only
//! stores them, finds candidates through them, and keeps clusters, statement groups, speakers
//! and gram statistics up to date.
//!
//! Clusters and statement groups are connected components of the "is a copy of" relation:
//! each new article (statement) is compared with every stored one its keys reach, and joins
//! all the groups it matches. A group is named by its earliest member, so the result does not
//! depend on the order articles arrive in.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::Datelike;
use onrecord_link::background::Background;
use onrecord_link::filter::{KeyFilter, KeyKind};
use onrecord_link::{signature_similarity, statement_similarity, word_hashes, ArticleLinks, LinkConfig};
use onrecord_model::{Article, Statement};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::pending::PendingRows;
use crate::StoreError;

/// A paragraph shared by more articles than this is boilerplate, not a pasted lead.
pub const MAX_REUSE: usize = 20;
/// Articles read per band key, newest first.
const PER_BAND: usize = 16;
/// A copy this close to a stored one (article or statement) adds no lookup keys of its own.
const NEAR_EXACT: f64 = 0.9;

fn signature_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn signature_of(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn words_blob(words: &[u64]) -> Vec<u8> {
    words.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn words_of(blob: &[u8]) -> Vec<u64> {
    blob.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect()
}

/// The order in which copies count as earlier: publication date (undated last), then id.
type ArticlePrecedence = (String, String);

/// Puts a newly written article into its syndication cluster: finds stored articles sharing a
/// band key, confirms them by signature, merges their clusters, and names the result by its
/// earliest member. A near-exact copy of a stored article adds no keys of its own: later copies
/// find the stored one, and its cluster, through that article's keys.
///
/// Runs before the article's row is written, with the `rowid`, publication date and id it will
/// have, and returns its cluster: the row is written once, whole.
pub(crate) fn link_article(
    tx: &Connection,
    rowid: i64,
    published: Option<&str>,
    id: &str,
    links: &ArticleLinks,
    cfg: &LinkConfig,
    memory: &mut WriterMemory,
) -> Result<i64, StoreError> {
    let sig = &links.sketch.signature;
    let mut clusters: BTreeSet<i64> = BTreeSet::new();
    let mut near_exact = false;
    if !sig.is_empty() {
        // newest first per band (a story's copies arrive close together); a key the filter
        // has never seen has no rows, and a copy's keys find the same few articles
        let mut band =
            tx.prepare_cached(&format!("SELECT article FROM article_bands WHERE key = ?1 ORDER BY article DESC LIMIT {PER_BAND}"))?;
        let mut candidates: Vec<i64> = Vec::new();
        for &k in links.sketch.bands.iter().filter(|&&k| memory.filter.may_contain(KeyKind::ArticleBand, k)) {
            // the uncommitted articles are the newest
            let before = candidates.len();
            candidates.extend(memory.pending.band_articles(k).take(PER_BAND));
            let mut wanted = PER_BAND - (candidates.len() - before);
            if wanted > 0 {
                let mut rows = band.query([k])?;
                while let Some(r) = rows.next()?.filter(|_| wanted > 0) {
                    candidates.push(r.get(0)?);
                    wanted -= 1;
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for article in candidates {
            let sim = memory.articles.signature(tx, article)?.map(|other| signature_similarity(sig, other));
            if let Some(sim) = sim.filter(|&s| s >= cfg.article_threshold) {
                clusters.insert(memory.articles.cluster(tx, article)?);
                near_exact |= sim >= NEAR_EXACT;
            }
        }
        if !near_exact {
            for &k in &links.sketch.bands {
                memory.pending.add_band(k, rowid);
                memory.filter.insert(KeyKind::ArticleBand, k);
            }
            tx.prepare_cached("INSERT INTO article_signatures (article, signature) VALUES (?1, ?2)")?
                .execute(params![rowid, signature_blob(sig)])?;
        }
    }
    // A near-exact copy shares its paragraphs with the stored article it copies, which already
    // links them: it adds no paragraph keys and finds no links of its own.
    if !near_exact {
        link_paragraphs(tx, rowid, links, &clusters, memory)?;
    }
    // the earliest of the new article and the clusters' representatives names the merged cluster
    let mine: ArticlePrecedence = (published.unwrap_or("9999").to_string(), id.to_string());
    let mut best = (mine.clone(), rowid);
    for &c in &clusters {
        let p = (memory.articles.precedence(tx, c)?, c);
        if p < best {
            best = p;
        }
    }
    let rep = best.1;
    let mut relabel = tx.prepare_cached("UPDATE articles SET cluster = ?1 WHERE cluster = ?2")?;
    for &c in &clusters {
        if c != rep {
            relabel.execute(params![rep, c])?;
            memory.articles.merge(c, rep);
        }
    }
    memory.articles.remember(rowid, (!near_exact && !sig.is_empty()).then(|| sig.clone()), rep, mine);
    Ok(rep)
}

/// Links an article's long paragraphs to the stored articles outside its story that share
/// them, and keys them for later articles. A paragraph already in more than [`MAX_REUSE`]
/// articles is boilerplate: it links nothing and is not keyed again.
fn link_paragraphs(
    tx: &Connection,
    rowid: i64,
    links: &ArticleLinks,
    clusters: &BTreeSet<i64>,
    memory: &mut WriterMemory,
) -> Result<(), StoreError> {
    let mut same_para =
        tx.prepare_cached(&format!("SELECT article, idx FROM paragraph_hashes WHERE hash = ?1 AND article != ?2 LIMIT {}", MAX_REUSE + 1))?;
    let mut ins_link =
        tx.prepare_cached("INSERT OR IGNORE INTO paragraph_links (article, idx, other, other_idx) VALUES (?1, ?2, ?3, ?4)")?;
    for &(idx, h) in &links.sketch.paragraphs {
        let mut others: Vec<(i64, i64)> = Vec::new();
        if memory.filter.may_contain(KeyKind::Paragraph, h) {
            others = same_para.query_map(params![h, rowid], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
            // the uncommitted articles come after the committed ones in the table's order
            let room = (MAX_REUSE + 1).saturating_sub(others.len());
            others.extend(memory.pending.paragraphs_with(h).filter(|&(a, _)| a != rowid).take(room));
        }
        if others.len() > MAX_REUSE {
            // boilerplate: it links nothing, and later articles see that without this one's row
            continue;
        }
        for (other, other_idx) in others {
            // copies in the story's own cluster share every paragraph; clusters only ever
            // merge, so such a pair would stay inside one cluster and never be reported
            if !clusters.contains(&memory.articles.cluster(tx, other)?) {
                ins_link.execute(params![rowid, idx as i64, other, other_idx])?;
            }
        }
        memory.pending.add_paragraph(h, rowid, idx as i64);
        memory.filter.insert(KeyKind::Paragraph, h);
    }
    Ok(())
}

/// The date of a `day` number.
fn naive_date_of_day(day: i64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(day)?)
}

/// The date of a `day` number, as `YYYY-MM-DD`.
pub(crate) fn date_of_day(day: i64) -> Option<String> {
    naive_date_of_day(day).map(|d| d.to_string())
}

/// Days since 1970-01-01: the `day` column, which orders occurrences and bounds near matches.
pub(crate) fn day_number(d: chrono::NaiveDate) -> i64 {
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days()
}

/// A statement just written, and where it sits in the order of occurrences: by day (undated
/// last), then article id, then place in the article.
pub(crate) struct Placed<'a> {
    pub id: i64,
    pub day: Option<i64>,
    pub article_id: &'a str,
    pub idx: i64,
}

type Precedence = (i64, String, i64);

/// The precedence of stored statements, kept in memory: a statement's day, article and place
/// never change, and the groups a batch meets are mostly the same few (a wire statement and its
/// reprints), whose first statements' wide rows would otherwise be read for every copy.
#[derive(Default)]
pub(crate) struct Precedences(HashMap<i64, Precedence>);

impl Precedences {
    /// Statements remembered at most; then the memory starts over.
    const MAX: usize = 100_000;

    fn of(&mut self, tx: &Connection, id: i64) -> Result<&Precedence, StoreError> {
        if self.0.len() >= Self::MAX && !self.0.contains_key(&id) {
            self.0.clear();
        }
        match self.0.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut q =
                    tx.prepare_cached("SELECT coalesce(day, 9223372036854775807), article_id, idx FROM statements WHERE id = ?1")?;
                Ok(e.insert(q.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?))
            }
        }
    }
}

/// What linking reads of recent articles, kept in memory instead of read from their wide rows:
/// a story's copies arrive close together, and each new copy compares itself with the same
/// few earlier ones and asks for their clusters (at 100,000 articles, 8 confirmed copies per
/// article, each three row reads otherwise).
#[derive(Default)]
pub(crate) struct RecentArticles {
    /// MinHash signatures.
    signatures: FxHashMap<i64, Vec<u32>>,
    /// The cluster each article had when it was remembered ...
    clusters: FxHashMap<i64, i64>,
    /// ... and the cluster each cluster merged into since: an article's cluster is the end of
    /// that chain (clusters only ever merge into an earlier member, so it has no cycles).
    merged: FxHashMap<i64, i64>,
    precedences: FxHashMap<i64, ArticlePrecedence>,
}

impl RecentArticles {
    /// Entries remembered at most in any map (about 40 MB in all); then the memory starts over.
    const MAX: usize = 65_536;

    fn make_room(&mut self) {
        if [self.signatures.len(), self.clusters.len(), self.merged.len(), self.precedences.len()].into_iter().any(|n| n >= Self::MAX) {
            *self = RecentArticles::default();
        }
    }

    /// Remembers a newly written article.
    pub(crate) fn remember(&mut self, article: i64, signature: Option<Vec<u32>>, cluster: i64, precedence: ArticlePrecedence) {
        self.make_room();
        if let Some(signature) = signature {
            self.signatures.insert(article, signature);
        }
        self.clusters.insert(article, cluster);
        self.precedences.insert(article, precedence);
    }

    /// The signature of a stored article, or `None` if it has none.
    fn signature(&mut self, tx: &Connection, article: i64) -> Result<Option<&[u32]>, StoreError> {
        if !self.signatures.contains_key(&article) {
            let mut q = tx.prepare_cached("SELECT signature FROM article_signatures WHERE article = ?1")?;
            match q.query_row([article], |r| Ok(signature_of(r.get_ref(0)?.as_blob()?))).optional()? {
                Some(signature) => {
                    self.make_room();
                    self.signatures.insert(article, signature);
                }
                None => return Ok(None),
            }
        }
        Ok(self.signatures.get(&article).map(Vec::as_slice))
    }

    /// The cluster of a stored article (itself when it has none).
    fn cluster(&mut self, tx: &Connection, article: i64) -> Result<i64, StoreError> {
        let mut cluster = match self.clusters.get(&article) {
            Some(&c) => c,
            None => {
                let mut q = tx.prepare_cached("SELECT coalesce(cluster, rowid) FROM articles WHERE rowid = ?1")?;
                let c = q.query_row([article], |r| r.get(0))?;
                self.make_room();
                self.clusters.insert(article, c);
                c
            }
        };
        let before = cluster;
        while let Some(&next) = self.merged.get(&cluster) {
            cluster = next;
        }
        if cluster != before {
            self.clusters.insert(article, cluster);
        }
        Ok(cluster)
    }

    /// Notes that the articles of cluster `from` now belong to `into`.
    fn merge(&mut self, from: i64, into: i64) {
        self.make_room();
        self.merged.insert(from, into);
    }

    /// The precedence of a stored article.
    fn precedence(&mut self, tx: &Connection, article: i64) -> Result<ArticlePrecedence, StoreError> {
        if let Some(p) = self.precedences.get(&article) {
            return Ok(p.clone());
        }
        let mut q = tx.prepare_cached("SELECT coalesce(published, '9999'), id FROM articles WHERE rowid = ?1")?;
        let p: ArticlePrecedence = q.query_row([article], |r| Ok((r.get(0)?, r.get(1)?)))?;
        self.make_room();
        self.precedences.insert(article, p.clone());
        Ok(p)
    }
}

/// A statement already stored, as matching needs it.
struct Stored {
    group: i64,
    speaker: Option<String>,
    words: Vec<u64>,
}

/// The statements of the earliest copy of an article's story (its cluster's representative),
/// read when a statement first needs them: a syndicated copy's edited statements are found
/// among them before any wider lookup. (Its unedited ones match by fingerprint.)
pub(crate) struct Siblings {
    article: i64,
    loaded: Option<Vec<Stored>>,
}

impl Siblings {
    pub(crate) fn new(article: i64) -> Siblings {
        Siblings { article, loaded: None }
    }

    fn get(&mut self, tx: &Connection) -> Result<&[Stored], StoreError> {
        if self.loaded.is_none() {
            let mut q = tx.prepare_cached(
                "SELECT s.group_id, s.speaker_key, s.content FROM articles me JOIN articles a ON a.rowid = me.cluster AND a.rowid != me.rowid
                 JOIN statements s ON s.article_id = a.id WHERE me.rowid = ?1 AND s.group_id IS NOT NULL LIMIT 4000",
            )?;
            let rows =
                q.query_map([self.article], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, String>(2)?)))?;
            let mut out = Vec::new();
            for r in rows {
                let (group, speaker, content) = r?;
                out.push(Stored { group, speaker, words: word_hashes(&content) });
            }
            self.loaded = Some(out);
        }
        Ok(self.loaded.as_deref().unwrap_or_default())
    }
}

/// Statements reported within this many days of each other may be one statement without being
/// word for word the same; further apart they must be (after normalising).
const NEAR_DAYS: i64 = 7;
/// Candidates read per lookup key, newest first.
const PER_KEY: usize = 8;

/// What a batch's statements change beyond their own rows, written once at the end of the batch.
#[derive(Default)]
pub(crate) struct BatchLinks {
    /// Groups that gained an occurrence: their grams' statistics are stale.
    touched: HashSet<i64>,
    /// Grams of newly indexed statements: stems and how many statements.
    grams: HashMap<i64, (String, i64)>,
}

impl BatchLinks {
    pub(crate) fn write(self, tx: &Connection) -> Result<(), StoreError> {
        let mut up_gram = tx.prepare_cached(
            "INSERT INTO grams (gram, stems, variants, dirty) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT(gram) DO UPDATE SET variants = variants + excluded.variants, dirty = 1",
        )?;
        for (g, (stems, n)) in &self.grams {
            up_gram.execute(params![g, stems, n])?;
        }
        // their grams are marked once per run, in `mark_dirty_groups`: a group gains occurrences
        // in batch after batch, and reading its statements each time costs its size each time
        let mut q = tx.prepare_cached("INSERT OR IGNORE INTO dirty_groups (group_id) VALUES (?1)")?;
        for g in &self.touched {
            q.execute([g])?;
        }
        Ok(())
    }
}

/// `statement_keys.day` of an undated statement: a key column of a table without rowids cannot
/// be NULL (an `INSERT OR IGNORE` of NULL silently stores nothing).
pub(crate) const UNDATED: i64 = i64::MIN;

/// The statement lookups in the committed rows, for 1 to 32 keys (`?1`..): in [`DATED_KEY_SQL`],
/// the latest [`PER_KEY`] statements with each key reported between days `?33` and `?34`; in
/// [`UNDATED_KEY_SQL`], the newest [`PER_KEY`] undated ones (day `?33`, [`UNDATED`]). Rows are
/// (key number, day, statement id); each part is a range of the key's index, read backwards.
fn key_lookup_sql(dated: bool) -> Vec<String> {
    let day = if dated { "day BETWEEN ?33 AND ?34" } else { "day = ?33" };
    let one = |i: usize| {
        format!(
            "SELECT {i}, day, statement_id FROM (SELECT day, statement_id FROM statement_keys WHERE key = ?{i} AND {day}
             ORDER BY day DESC, statement_id DESC LIMIT {PER_KEY})"
        )
    };
    (0..=32).map(|n| (1..=n.max(1)).map(one).collect::<Vec<_>>().join(" UNION ALL ")).collect()
}

static DATED_KEY_SQL: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| key_lookup_sql(true));
static UNDATED_KEY_SQL: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| key_lookup_sql(false));

/// Runs a statement lookup of [`key_lookup_sql`] for `keys` with the day parameters `days`,
/// adding each row's (day, statement id) to the rows of its key.
fn look_up_keys(
    tx: &Connection,
    sql: &str,
    keys: &[(usize, i64)],
    days: &[i64],
    rows_of_key: &mut [Vec<(i64, i64)>],
) -> Result<(), StoreError> {
    if keys.is_empty() {
        return Ok(());
    }
    let mut find = tx.prepare_cached(sql)?;
    for (n, &(_, k)) in keys.iter().enumerate() {
        find.raw_bind_parameter(n + 1, k)?;
    }
    for (n, d) in days.iter().enumerate() {
        find.raw_bind_parameter(33 + n, d)?;
    }
    let mut rows = find.raw_query();
    while let Some(r) = rows.next()? {
        let (i, _) = keys[r.get::<_, usize>(0)? - 1];
        rows_of_key[i].push((r.get(1)?, r.get(2)?));
    }
    Ok(())
}

/// The statements a lookup by `keys` (at most 32) reaches, in id order: per key, the latest
/// [`PER_KEY`] reported between days `lo` and `hi` (above [`UNDATED`]) and the newest
/// [`PER_KEY`] undated ones, of the committed rows and the pending ones together.
fn statements_by_keys(tx: &Connection, keys: &[i64], lo: i64, hi: i64, memory: &WriterMemory) -> Result<BTreeSet<i64>, StoreError> {
    let lo = lo.max(UNDATED + 1);
    let with_dated: Vec<(usize, i64)> = keys.iter().copied().enumerate().collect();
    // most keys no undated statement has
    let with_undated: Vec<(usize, i64)> =
        with_dated.iter().copied().filter(|&(_, k)| memory.filter.may_contain(KeyKind::UndatedStatementKey, k)).collect();
    let mut dated: Vec<Vec<(i64, i64)>> = vec![Vec::new(); keys.len()];
    let mut undated: Vec<Vec<(i64, i64)>> = vec![Vec::new(); keys.len()];
    look_up_keys(tx, &DATED_KEY_SQL[with_dated.len()], &with_dated, &[lo, hi], &mut dated)?;
    look_up_keys(tx, &UNDATED_KEY_SQL[with_undated.len()], &with_undated, &[UNDATED], &mut undated)?;
    let mut found = BTreeSet::new();
    for (i, &k) in keys.iter().enumerate() {
        let dated = &mut dated[i];
        dated.extend(memory.pending.dated_statements(k, lo, hi, PER_KEY));
        dated.sort_unstable_by(|a, b| b.cmp(a));
        found.extend(dated.iter().take(PER_KEY).map(|&(_, id)| id));
        // the pending statements are the newest
        found.extend(memory.pending.undated_statements(k).chain(undated[i].iter().map(|&(_, id)| id)).take(PER_KEY));
    }
    Ok(found)
}

/// Finds the group of a newly written statement: the same normalised words anywhere in the
/// corpus; else a near-verbatim copy among the statements of the article's other copies; else
/// one found through the lookup keys and reported within [`NEAR_DAYS`]. Always from the same
/// speaker, or one not known. It joins the best match's group (groups are never merged, so a
/// formula repeated with other names cannot chain unrelated statements together), and the group
/// is named by its earliest member. A statement that starts a group, or differs enough from its
/// match, is indexed for later copies, for search, and for talking points.
///
/// Runs before the statement's row is written (with the returned group), so the row is
/// written once. Returns the group, and whether the statement is to be indexed
/// ([`index_statement`] after the row is written).
pub(crate) fn link_statement(
    tx: &Connection,
    this: &Placed,
    sl: &onrecord_link::StatementLinks,
    cfg: &LinkConfig,
    siblings: &mut Siblings,
    batch: &mut BatchLinks,
    memory: &mut WriterMemory,
) -> Result<(i64, bool), StoreError> {
    let id = this.id;
    let words = &sl.words;
    let same_speaker = |other: &Option<String>| match (other, &sl.speaker_key) {
        (Some(a), Some(b)) => onrecord_link::speakers::may_be_same(a, b),
        _ => true,
    };
    let both_or_neither = |other: &Option<String>| other.is_some() == sl.speaker_key.is_some() && same_speaker(other);
    let mut found: Option<(i64, f64)> = if !memory.filter.may_contain(KeyKind::Fingerprint, sl.sketch.fingerprint) {
        None
    } else {
        let short = sl.sketch.keys.is_empty();
        let mut q = tx.prepare_cached(
            "SELECT group_id, speaker_key FROM statements WHERE fingerprint = ?1 AND id != ?2 AND group_id IS NOT NULL LIMIT 16",
        )?;
        let rows: Vec<(i64, Option<String>)> =
            q.query_map(params![sl.sketch.fingerprint, id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        rows.into_iter()
            .filter(|(_, sk)| same_speaker(sk) && (!short || both_or_neither(sk)))
            .map(|(g, _)| (g, 1.0))
            .min_by_key(|(g, _)| *g)
    };
    if found.is_none() && words.len() >= onrecord_link::sketch::STATEMENT_MIN_WORDS {
        for s in siblings.get(tx)? {
            if !same_speaker(&s.speaker) {
                continue;
            }
            let sim = statement_similarity(words, &s.words);
            if sim >= cfg.statement_threshold && found.is_none_or(|(_, b)| sim > b) {
                found = Some((s.group, sim));
            }
        }
    }
    // only the keys some stored statement may have
    let keys: Vec<i64> = if found.is_none() {
        sl.sketch.keys.iter().copied().filter(|&k| memory.filter.may_contain(KeyKind::StatementKey, k)).take(32).collect()
    } else {
        Vec::new()
    };
    if !keys.is_empty() {
        // an undated statement may be a copy of one reported on any day
        let (lo, hi) = this.day.map_or((i64::MIN, i64::MAX), |d| (d.saturating_sub(NEAR_DAYS), d.saturating_add(NEAR_DAYS)));
        // the window is the lookup's: every candidate is within NEAR_DAYS, or undated on one side
        let candidates = statements_by_keys(tx, &keys, lo, hi, memory)?;
        // their words; the group and speaker only of those that match
        let mut words_of_statement = tx.prepare_cached("SELECT words FROM statement_words WHERE statement_id = ?1")?;
        let mut group_of = tx.prepare_cached("SELECT group_id, speaker_key FROM statements WHERE id = ?1")?;
        for candidate in candidates {
            let sim =
                words_of_statement.query_row([candidate], |r| Ok(statement_similarity(words, &words_of(r.get_ref(0)?.as_blob()?))))?;
            if sim < cfg.statement_threshold || found.is_some_and(|(_, b)| sim <= b) {
                continue;
            }
            let (g, sk): (Option<i64>, Option<String>) = group_of.query_row([candidate], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if let Some(g) = g.filter(|_| same_speaker(&sk)) {
                found = Some((g, sim));
            }
        }
    }
    let mine: Precedence = (this.day.unwrap_or(i64::MAX), this.article_id.to_string(), this.idx);
    let group = match found {
        Some((g, _)) if &mine < memory.precedences.of(tx, g)? => {
            // the new statement is the earlier occurrence: it names the group from now on
            tx.prepare_cached("UPDATE statements SET group_id = ?1 WHERE group_id = ?2")?.execute(params![id, g])?;
            batch.touched.remove(&g);
            id
        }
        Some((g, _)) => g,
        None => id,
    };
    // a group that gained an occurrence has stale gram statistics; a new group's grams are
    // marked when they are written
    if found.is_some() {
        batch.touched.insert(group);
    }
    Ok((group, found.is_none_or(|(_, sim)| sim < NEAR_EXACT)))
}

/// Indexes a written statement that starts a group or is a new variant of one: lookup keys for
/// later copies, the full-text index, and its grams for talking points.
pub(crate) fn index_statement(
    tx: &Connection,
    this: &Placed,
    content: &str,
    speaker: Option<&str>,
    sl: &onrecord_link::StatementLinks,
    batch: &mut BatchLinks,
    memory: &mut WriterMemory,
) -> Result<(), StoreError> {
    let id = this.id;
    for &k in &sl.sketch.keys {
        memory.pending.add_statement_key(k, this.day, id);
        memory.filter.insert(KeyKind::StatementKey, k);
        if this.day.is_none() {
            memory.filter.insert(KeyKind::UndatedStatementKey, k);
        }
    }
    if !sl.sketch.keys.is_empty() {
        tx.prepare_cached("INSERT INTO statement_words (statement_id, day, words) VALUES (?1, ?2, ?3)")?.execute(params![
            id,
            this.day,
            words_blob(&sl.words)
        ])?;
    }
    tx.prepare_cached("INSERT INTO statements_fts (rowid, content, speaker) VALUES (?1, ?2, ?3)")?
        .execute(params![id, content, speaker])?;
    for (g, stems, surface) in &sl.grams {
        if memory.pending.add_gram(*g, id, surface) {
            batch.grams.entry(*g).or_insert_with(|| (stems.clone(), 0)).1 += 1;
        }
    }
    Ok(())
}

/// How a speaker's role row takes in more of the same role: the dates widen, the counts add up.
/// (A batch's tally and a one-word speaker's merge both add rows this way.)
const ADD_TO_ROLE: &str = "ON CONFLICT(speaker, role, affiliation) DO UPDATE SET
    first = CASE WHEN first IS NULL OR excluded.first < first THEN coalesce(excluded.first, first) ELSE first END,
    last = CASE WHEN last IS NULL OR excluded.last > last THEN coalesce(excluded.last, last) ELSE last END,
    n = n + excluded.n";

/// A speaker's key, role and affiliation ('' when none).
type RoleKey = (String, String, String);
/// First and last date a role was seen, and how often.
type RoleSpan = (Option<String>, Option<String>, i64);

/// Speakers, aliases and roles of a batch, added up in memory and written once per key.
#[derive(Default)]
pub(crate) struct SpeakerTally {
    speakers: HashMap<String, (String, i64, Option<String>, Option<String>)>,
    aliases: HashMap<(String, String), i64>,
    months: HashMap<(String, String), i64>,
    outlets: HashMap<(String, String), i64>,
    roles: HashMap<RoleKey, RoleSpan>,
}

fn min_opt(a: &mut Option<String>, b: &Option<String>) {
    if b.is_some() && (a.is_none() || b < a) {
        *a = b.clone();
    }
}

fn max_opt(a: &mut Option<String>, b: &Option<String>) {
    if b.is_some() && (a.is_none() || b > a) {
        *a = b.clone();
    }
}

impl SpeakerTally {
    pub(crate) fn add(&mut self, article: &Article, st: &Statement, key: &str) {
        let Some(sp) = &st.speaker else { return };
        let date = st.date.or(article.meta.published).map(|d| d.to_string());
        let e = self.speakers.entry(key.to_string()).or_insert_with(|| (sp.name.clone(), 0, None, None));
        e.1 += 1;
        if date.is_some() && (e.2.is_none() || date < e.2) {
            e.0 = sp.name.clone();
        }
        min_opt(&mut e.2, &date);
        max_opt(&mut e.3, &date);
        if let Some(d) = &date {
            *self.months.entry((key.to_string(), d.get(..7).unwrap_or(d).to_string())).or_default() += 1;
        }
        if let Some(o) = &article.meta.outlet {
            *self.outlets.entry((key.to_string(), o.clone())).or_default() += 1;
        }
        if let Some(src) = st.source.map(|s| s.of(&article.text).trim()) {
            if onrecord_link::speakers::is_alias(src, &sp.name) && src.len() <= 200 {
                *self.aliases.entry((key.to_string(), src.to_string())).or_default() += 1;
            }
        }
        if sp.role.is_some() || sp.affiliation.is_some() {
            let r = self
                .roles
                .entry((key.to_string(), sp.role.clone().unwrap_or_default(), sp.affiliation.clone().unwrap_or_default()))
                .or_insert((None, None, 0));
            min_opt(&mut r.0, &date);
            max_opt(&mut r.1, &date);
            r.2 += 1;
        }
    }

    pub(crate) fn write(self, tx: &Connection) -> Result<(), StoreError> {
        let mut up = tx.prepare_cached(
            "INSERT INTO speakers (key, name, occurrences, first, last) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(key) DO UPDATE SET
               name = CASE WHEN excluded.first IS NOT NULL AND (first IS NULL OR excluded.first < first) THEN excluded.name ELSE name END,
               occurrences = occurrences + excluded.occurrences,
               first = CASE WHEN first IS NULL OR excluded.first < first THEN coalesce(excluded.first, first) ELSE first END,
               last = CASE WHEN last IS NULL OR excluded.last > last THEN coalesce(excluded.last, last) ELSE last END",
        )?;
        for (k, (name, n, first, last)) in self.speakers {
            up.execute(params![k, name, n, first, last])?;
        }
        let mut up = tx.prepare_cached(
            "INSERT INTO speaker_aliases (speaker, alias, n) VALUES (?1, ?2, ?3) ON CONFLICT(speaker, alias) DO UPDATE SET n = n + excluded.n",
        )?;
        for ((k, a), n) in self.aliases {
            up.execute(params![k, a, n])?;
        }
        for (table, col, counts) in [("speaker_months", "month", &self.months), ("speaker_outlets", "outlet", &self.outlets)] {
            let mut up = tx.prepare_cached(&format!(
                "INSERT INTO {table} (speaker, {col}, n) VALUES (?1, ?2, ?3) ON CONFLICT(speaker, {col}) DO UPDATE SET n = n + excluded.n"
            ))?;
            for ((k, v), n) in counts {
                up.execute(params![k, v, n])?;
            }
        }
        let mut up = tx.prepare_cached(&format!(
            "INSERT INTO speaker_roles (speaker, role, affiliation, first, last, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6) {ADD_TO_ROLE}"
        ))?;
        for ((k, role, aff), (first, last, n)) in self.roles {
            up.execute(params![k, role, aff, first, last, n])?;
        }
        Ok(())
    }
}

/// Occurrences counted by month, speaker and outlet, with the first and last day: what a
/// gram's statistics and a phrase's timeline both report. Speakers and outlets are keys of any
/// kind: their names, or numbers of an [`Interner`] when millions of occurrences are counted.
pub(crate) struct Tally<K> {
    pub n: i64,
    /// By month number ([`month_of_day`]); [`Tally::months`] labels them.
    by_month: BTreeMap<i64, i64>,
    pub speakers: FxHashMap<K, i64>,
    pub outlets: FxHashMap<K, i64>,
    first: Option<i64>,
    last: Option<i64>,
}

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally { n: 0, by_month: BTreeMap::new(), speakers: FxHashMap::default(), outlets: FxHashMap::default(), first: None, last: None }
    }
}

impl<K: std::hash::Hash + Eq> Tally<K> {
    /// Counts one occurrence on `day` (days since 1970-01-01).
    pub(crate) fn add(&mut self, day: Option<i64>, speaker: Option<K>, outlet: Option<K>) {
        self.add_in_month(day, day.and_then(month_of_day), speaker, outlet);
    }

    /// [`Tally::add`] with the month of `day` known.
    fn add_in_month(&mut self, day: Option<i64>, month: Option<i64>, speaker: Option<K>, outlet: Option<K>) {
        self.n += 1;
        if let Some(m) = month {
            *self.by_month.entry(m).or_default() += 1;
        }
        if let Some(d) = day {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
        if let Some(s) = speaker {
            *self.speakers.entry(s).or_default() += 1;
        }
        if let Some(o) = outlet {
            *self.outlets.entry(o).or_default() += 1;
        }
    }

    /// Occurrences by month (`YYYY-MM`), in order.
    pub(crate) fn months(&self) -> impl Iterator<Item = (String, i64)> + '_ {
        self.by_month.iter().map(|(&m, &c)| (month_label(m), c))
    }

    pub(crate) fn month_count(&self) -> usize {
        self.by_month.len()
    }

    /// The first and last date, as `YYYY-MM-DD`.
    pub(crate) fn first_and_last(&self) -> (Option<String>, Option<String>) {
        (self.first.and_then(date_of_day), self.last.and_then(date_of_day))
    }
}

/// One occurrence of a statement, as the gram statistics count it: its article, outlet and
/// speaker as numbers of an [`Interner`]. A gram of a wire's talking point counts millions of
/// occurrences in a refresh; as strings, each one cost several allocations.
struct Occurrence {
    article: u32,
    outlet: Option<u32>,
    speaker: Option<u32>,
    day: Option<i64>,
    /// [`month_of_day`] of `day`, worked out once: an occurrence is counted for every gram of
    /// its statement.
    month: Option<i64>,
}

/// Strings that recur across occurrences, each kept once and named by its number.
#[derive(Default)]
struct Interner {
    numbers: FxHashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.numbers.insert(s.to_owned(), n);
        n
    }

    fn string(&self, n: u32) -> &str {
        &self.strings[n as usize]
    }
}

/// The month of a day number, as a number that sorts like the month (year × 12 + month − 1).
fn month_of_day(day: i64) -> Option<i64> {
    let d = naive_date_of_day(day)?;
    Some(i64::from(d.year()) * 12 + i64::from(d.month0()))
}

/// `YYYY-MM` of a month number from [`month_of_day`].
fn month_label(month: i64) -> String {
    format!("{:04}-{:02}", month.div_euclid(12), month.rem_euclid(12) + 1)
}

/// Marks the grams of the statements in groups that gained occurrences (`dirty_groups`) as
/// dirty, and forgets the groups.
pub(crate) fn mark_dirty_groups(tx: &Connection) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE grams SET dirty = 1 WHERE dirty = 0 AND variants >= 2 AND gram IN
           (SELECT p.gram FROM dirty_groups d JOIN statements s ON s.group_id = d.group_id JOIN phrase_grams p ON p.statement_id = s.id)",
        [],
    )?;
    tx.execute("DELETE FROM dirty_groups", [])?;
    Ok(())
}

/// Dirty grams above which [`refresh_grams`] finds their groups by reading `phrase_grams` and
/// `statements_group` through, not a lookup per statement (a seek into the wide statements
/// rows each: at 100,000 articles, over a million of them).
const MANY_DIRTY_GRAMS: usize = 256;

/// The groups of the statements that say each of `grams`, a query per gram.
fn groups_of_grams(tx: &Connection, grams: &[i64]) -> Result<FxHashMap<i64, BTreeSet<i64>>, StoreError> {
    let mut q = tx.prepare_cached("SELECT s.group_id FROM phrase_grams p JOIN statements s ON s.id = p.statement_id WHERE p.gram = ?1")?;
    let mut groups_of = FxHashMap::default();
    for &g in grams {
        let set: BTreeSet<i64> = q.query_map([g], |r| r.get::<_, Option<i64>>(0))?.filter_map(|r| r.ok().flatten()).collect();
        groups_of.insert(g, set);
    }
    Ok(groups_of)
}

/// What [`groups_of_grams`] gives, from one pass over each of the two narrow B-trees.
fn groups_of_grams_by_scans(tx: &Connection, grams: &[i64]) -> Result<FxHashMap<i64, BTreeSet<i64>>, StoreError> {
    let wanted: FxHashSet<i64> = grams.iter().copied().collect();
    let mut statements_of: FxHashMap<i64, Vec<i64>> = grams.iter().map(|&g| (g, Vec::new())).collect();
    let mut needed: FxHashSet<i64> = FxHashSet::default();
    {
        let mut q = tx.prepare("SELECT gram, statement_id FROM phrase_grams")?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            let gram: i64 = r.get(0)?;
            if wanted.contains(&gram) {
                let statement: i64 = r.get(1)?;
                statements_of.entry(gram).or_default().push(statement);
                needed.insert(statement);
            }
        }
    }
    let mut group_of: FxHashMap<i64, i64> = FxHashMap::with_capacity_and_hasher(needed.len(), Default::default());
    {
        // the index holds (group_id, id): no statement row is read
        let mut q = tx.prepare("SELECT id, group_id FROM statements INDEXED BY statements_group WHERE group_id IS NOT NULL")?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if needed.contains(&id) {
                group_of.insert(id, r.get(1)?);
            }
        }
    }
    Ok(statements_of
        .into_iter()
        .map(|(gram, statements)| (gram, statements.iter().filter_map(|s| group_of.get(s).copied()).collect()))
        .collect())
}

/// Recomputes the statistics of every dirty gram. Grams said in fewer than two statements are
/// only cleaned. With many dirty grams, one pass over all statements is cheaper than a query
/// per gram.
pub(crate) fn refresh_grams(tx: &Connection) -> Result<usize, StoreError> {
    let dirty: Vec<i64> =
        tx.prepare("SELECT gram FROM grams WHERE dirty = 1 AND variants >= 2")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    if dirty.is_empty() {
        tx.execute("UPDATE grams SET dirty = 0 WHERE dirty = 1", [])?;
        return Ok(0);
    }
    let groups_of = if dirty.len() > MANY_DIRTY_GRAMS { groups_of_grams_by_scans(tx, &dirty)? } else { groups_of_grams(tx, &dirty)? };
    let needed: HashSet<i64> = groups_of.values().filter(|s| s.len() >= 2).flatten().copied().collect();
    // group → occurrences
    let mut occ: FxHashMap<i64, Vec<Occurrence>> = FxHashMap::default();
    let (mut articles_seen, mut names) = (Interner::default(), Interner::default());
    let mut take = |rows: &mut rusqlite::Rows, only_needed: bool| -> Result<(), StoreError> {
        while let Some(r) = rows.next()? {
            let g: i64 = r.get(0)?;
            if only_needed && !needed.contains(&g) {
                continue;
            }
            let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
            let day: Option<i64> = r.get(4)?;
            let o = Occurrence {
                article: articles_seen.number(text(1)?.unwrap_or_default()),
                outlet: text(2)?.map(|s| names.number(s)),
                speaker: text(3)?.map(|s| names.number(s)),
                day,
                month: day.and_then(month_of_day),
            };
            occ.entry(g).or_default().push(o);
        }
        Ok(())
    };
    let sql_all = "SELECT s.group_id, s.article_id, s.outlet, s.speaker_key, s.day FROM statements s WHERE s.group_id IS NOT NULL";
    if needed.len() > 2000 {
        let mut q = tx.prepare(sql_all)?;
        take(&mut q.query([])?, true)?;
    } else {
        let mut q = tx.prepare_cached(&format!("{sql_all} AND s.group_id = ?1"))?;
        for &g in &needed {
            take(&mut q.query([g])?, false)?;
        }
    }
    let mut clear = tx.prepare_cached("DELETE FROM gram_months WHERE gram = ?1")?;
    let mut clear_s = tx.prepare_cached("DELETE FROM gram_speakers WHERE gram = ?1")?;
    let mut clear_o = tx.prepare_cached("DELETE FROM gram_outlets WHERE gram = ?1")?;
    let mut ins_m = tx.prepare_cached("INSERT INTO gram_months (gram, month, n) VALUES (?1, ?2, ?3)")?;
    let mut ins_s = tx.prepare_cached("INSERT INTO gram_speakers (gram, speaker, n) VALUES (?1, ?2, ?3)")?;
    let mut ins_o = tx.prepare_cached("INSERT INTO gram_outlets (gram, outlet, n) VALUES (?1, ?2, ?3)")?;
    let mut set = tx.prepare_cached(
        "UPDATE grams SET dirty = 0, statements = ?2, occurrences = ?3, articles = ?4, outlets = ?5, speakers = ?6, months = ?7,
           first = ?8, last = ?9 WHERE gram = ?1",
    )?;
    let mut refreshed = 0;
    for (&g, groups) in &groups_of {
        clear.execute([g])?;
        clear_s.execute([g])?;
        clear_o.execute([g])?;
        if groups.len() < 2 {
            set.execute(params![g, groups.len() as i64, 0, 0, 0, 0, 0, None::<String>, None::<String>])?;
            continue;
        }
        let mut articles: FxHashSet<u32> = FxHashSet::default();
        let mut tally: Tally<u32> = Tally::default();
        for o in groups.iter().filter_map(|gr| occ.get(gr)).flatten() {
            articles.insert(o.article);
            tally.add_in_month(o.day, o.month, o.speaker, o.outlet);
        }
        for (m, c) in tally.months() {
            ins_m.execute(params![g, m, c])?;
        }
        for (&s, c) in &tally.speakers {
            ins_s.execute(params![g, names.string(s), c])?;
        }
        for (&s, c) in &tally.outlets {
            ins_o.execute(params![g, names.string(s), c])?;
        }
        let (first, last) = tally.first_and_last();
        set.execute(params![
            g,
            groups.len() as i64,
            tally.n,
            articles.len() as i64,
            tally.outlets.len() as i64,
            tally.speakers.len() as i64,
            tally.month_count() as i64,
            first,
            last
        ])?;
        refreshed += 1;
    }
    tx.execute("UPDATE grams SET dirty = 0 WHERE dirty = 1", [])?;
    Ok(refreshed)
}

/// Merges each speaker known by one word ("Zhao", where an article never gave more) into the one
/// full personal name of the corpus that has that word ("Zhao Lijian"): their statements, counts,
/// aliases, roles and talking points become the full name's. A word two full names share
/// ("Wang": Wang Yi, Wang Wenbin) is left alone. Runs at the end of every ingest run, so what
/// it gives does not depend on the order articles arrived in (unless a later article makes a
/// word ambiguous that an earlier run already merged). Statements keep the speaker as their
/// article resolved it; the key says who that is across the corpus.
pub(crate) fn merge_one_word_speakers(tx: &Connection) -> Result<usize, StoreError> {
    let speakers: Vec<(String, String, i64)> = tx
        .prepare("SELECT key, name, occurrences FROM speakers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut full_by_word: HashMap<&str, BTreeSet<(&str, i64)>> = HashMap::new();
    for (key, name, n) in &speakers {
        if onrecord_link::speakers::is_full_personal_name(name) {
            for w in key.split(' ') {
                full_by_word.entry(w).or_default().insert((key, *n));
            }
        }
    }
    let merges: Vec<(&str, &str)> = speakers
        .iter()
        .filter(|(key, name, _)| !key.contains(' ') && name.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|(key, _, _)| full_by_word.get(key.as_str()).and_then(|full| the_one_meant(key, full)).map(|f| (key.as_str(), f)))
        .collect();
    for &(from, to) in &merges {
        // the speaker counts of the grams said by the merged statements change (found before
        // they are re-keyed: a full name's own statements can be many)
        tx.execute(
            "UPDATE grams SET dirty = 1 WHERE dirty = 0 AND variants >= 2 AND gram IN
               (SELECT p.gram FROM statements s JOIN phrase_grams p ON p.statement_id = s.id WHERE s.speaker_key = ?1)",
            [from],
        )?;
        tx.execute("UPDATE statements SET speaker_key = ?2 WHERE speaker_key = ?1", params![from, to])?;
        tx.execute(
            "UPDATE speakers SET occurrences = speakers.occurrences + f.occurrences,
               first = CASE WHEN speakers.first IS NULL OR f.first < speakers.first THEN coalesce(f.first, speakers.first) ELSE speakers.first END,
               last = CASE WHEN speakers.last IS NULL OR f.last > speakers.last THEN coalesce(f.last, speakers.last) ELSE speakers.last END
             FROM (SELECT occurrences, first, last FROM speakers WHERE key = ?1) AS f WHERE speakers.key = ?2",
            params![from, to],
        )?;
        tx.execute("DELETE FROM speakers WHERE key = ?1", [from])?;
        for (table, cols) in [("speaker_aliases", "alias"), ("speaker_months", "month"), ("speaker_outlets", "outlet")] {
            tx.execute(
                &format!(
                    "INSERT INTO {table} (speaker, {cols}, n) SELECT ?2, {cols}, n FROM {table} WHERE speaker = ?1
                     ON CONFLICT(speaker, {cols}) DO UPDATE SET n = n + excluded.n"
                ),
                params![from, to],
            )?;
            tx.execute(&format!("DELETE FROM {table} WHERE speaker = ?1"), [from])?;
        }
        tx.execute(
            &format!(
                "INSERT INTO speaker_roles (speaker, role, affiliation, first, last, n)
                 SELECT ?2, role, affiliation, first, last, n FROM speaker_roles WHERE speaker = ?1 {ADD_TO_ROLE}"
            ),
            params![from, to],
        )?;
        tx.execute("DELETE FROM speaker_roles WHERE speaker = ?1", [from])?;
        tx.execute(
            "INSERT INTO gram_speakers (gram, speaker, n) SELECT gram, ?2, n FROM gram_speakers WHERE speaker = ?1
             ON CONFLICT(gram, speaker) DO UPDATE SET n = n + excluded.n",
            params![from, to],
        )?;
        tx.execute("DELETE FROM gram_speakers WHERE speaker = ?1", [from])?;
    }
    Ok(merges.len())
}

/// A full name quoted this many times more than every other one ending in the same surname is
/// the one a bare surname means ("Blair" in a story that never says "Tony Blair"): news writes
/// a surname alone for the people its readers know.
const DOMINANT: i64 = 10;
/// ... and at least this many times: a handful of statements makes no one well known.
const DOMINANT_MIN: i64 = 10;

/// The full name a one-word speaker stands for: the only one containing that word, or the one
/// that dominates the others with that surname.
fn the_one_meant<'a>(word: &str, full: &BTreeSet<(&'a str, i64)>) -> Option<&'a str> {
    if full.len() == 1 {
        return full.iter().next().map(|(k, _)| *k);
    }
    // a first name ("Howard Flight") is no rival for the surname
    let by_surname: Vec<(&str, i64)> = full.iter().filter(|(k, _)| k.rsplit(' ').next() == Some(word)).copied().collect();
    let (top, n) = by_surname.iter().copied().max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
    let rest: i64 = by_surname.iter().filter(|(k, _)| *k != top).map(|(_, n)| n).sum();
    (n >= DOMINANT_MIN && rest * DOMINANT <= n).then_some(top)
}

/// What the writer keeps in memory between batches, to spare the store work.
pub(crate) struct WriterMemory {
    /// The background gram counts (saved with every commit).
    pub background: Background,
    /// The keys of the lookup tables (saved with every commit).
    pub filter: KeyFilter,
    pub precedences: Precedences,
    /// The link tables' rows since the last commit, written at the commit.
    pub pending: PendingRows,
    pub articles: RecentArticles,
}

impl WriterMemory {
    /// Reads the background counts and the key filter as last committed. A filter that does
    /// not cover every stored article and statement (none saved yet, or the store written by a
    /// program that keeps none) is rebuilt from the tables.
    pub(crate) fn load(conn: &Connection) -> Result<WriterMemory, StoreError> {
        let saved: Option<(i64, i64, Vec<u8>)> = conn
            .query_row("SELECT articles, statements, bits FROM key_filter WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let filter = match saved {
            Some((a, s, bits)) if (a, s) == stored_extent(conn)? => KeyFilter::from_bytes(&bits).ok(),
            _ => None,
        };
        let filter = match filter {
            Some(f) => f,
            None => rebuild_filter(conn)?,
        };
        Ok(WriterMemory {
            background: load_background(conn)?,
            filter,
            precedences: Precedences::default(),
            pending: PendingRows::default(),
            articles: RecentArticles::default(),
        })
    }

    pub(crate) fn save(&self, tx: &Connection) -> Result<(), StoreError> {
        save_background(tx, &self.background)?;
        let (articles, statements) = stored_extent(tx)?;
        tx.execute(
            "INSERT OR REPLACE INTO key_filter (id, articles, statements, bits) VALUES (1, ?1, ?2, ?3)",
            params![articles, statements, self.filter.to_bytes()],
        )?;
        Ok(())
    }
}

/// The last article and statement stored: what a saved key filter covers.
fn stored_extent(conn: &Connection) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row("SELECT (SELECT coalesce(max(rowid), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM statements)", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?)
}

/// A key filter of every key in the lookup tables, sized for twice as many: read from the
/// narrow key tables and the fingerprint index, not from the wide rows.
pub(crate) fn rebuild_filter(conn: &Connection) -> Result<KeyFilter, StoreError> {
    // (kind, key column, table); the undated statements' keys are those below every day (UNDATED)
    const SOURCES: [(KeyKind, &str, &str); 5] = [
        (KeyKind::ArticleBand, "key", "article_bands"),
        (KeyKind::Paragraph, "hash", "paragraph_hashes"),
        (KeyKind::StatementKey, "key", "statement_keys"),
        (KeyKind::UndatedStatementKey, "key", "statement_keys WHERE day < -9223372036854775807"),
        (KeyKind::Fingerprint, "fingerprint", "statements INDEXED BY statements_fingerprint"),
    ];
    let mut total: u64 = 0;
    for (_, column, table) in SOURCES {
        total += conn.query_row(&format!("SELECT count({column}) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64;
    }
    let mut filter = KeyFilter::for_keys(total.saturating_mul(2));
    for (kind, column, table) in SOURCES {
        let mut q = conn.prepare(&format!("SELECT {column} FROM {table}"))?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            filter.insert(kind, r.get(0)?);
        }
    }
    Ok(filter)
}

/// Reads the background sketch, or an empty one.
pub(crate) fn load_background(conn: &rusqlite::Connection) -> Result<onrecord_link::background::Background, StoreError> {
    let blob: Option<Vec<u8>> = conn.query_row("SELECT counts FROM gram_background WHERE id = 1", [], |r| r.get(0)).optional()?;
    Ok(blob.and_then(|b| onrecord_link::background::Background::from_bytes(&b).ok()).unwrap_or_default())
}

pub(crate) fn save_background(tx: &Connection, bg: &onrecord_link::background::Background) -> Result<(), StoreError> {
    tx.execute("INSERT OR REPLACE INTO gram_background (id, counts) VALUES (1, ?1)", [bg.to_bytes()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grams_groups_are_the_same_found_by_lookups_or_by_scans() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::SCHEMA).unwrap();
        // statements only: their article does not matter here
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        // statement 6 has no group yet
        for (id, group) in [(1, Some(1)), (2, Some(1)), (3, Some(3)), (4, Some(3)), (5, Some(5)), (6, None)] {
            conn.execute(
                "INSERT INTO statements (id, group_id, article_id, idx, kind, content_start, content_end, content, confidence)
                 VALUES (?1, ?2, 'a', ?1, 'indirect', 0, 1, 'x', 1.0)",
                params![id, group],
            )
            .unwrap();
        }
        for (gram, statement) in [(10, 1), (10, 2), (10, 3), (11, 5), (11, 6), (12, 6), (14, 4)] {
            conn.execute("INSERT INTO phrase_grams (gram, statement_id, surface) VALUES (?1, ?2, 's')", params![gram, statement]).unwrap();
        }
        let grams = [10, 11, 12, 13];
        let by_lookups = groups_of_grams(&conn, &grams).unwrap();
        assert_eq!(by_lookups, groups_of_grams_by_scans(&conn, &grams).unwrap());
        assert_eq!(by_lookups.len(), 4);
        assert_eq!(by_lookups[&10], BTreeSet::from([1, 3]));
        assert_eq!(by_lookups[&11], BTreeSet::from([5]));
        assert!(by_lookups[&12].is_empty() && by_lookups[&13].is_empty());
    }
}
