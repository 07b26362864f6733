//! The embedded store: one SQLite file anyone can open with Datasette, DuckDB or pandas.
//!
//! Only this crate knows SQL. Writers hand it whole batches of analysed articles; batches
//! accumulate in one transaction that commits every [`COMMIT_EVERY`] new articles, so a run
//! killed half-way loses at most the articles since the last commit, and a rerun skips what is
//! already stored because an article's id is the hash of its text.
//!
//! **Invariant: offsets in the store are Unicode code points into `articles.text`.**
//! **Invariant: writing an article that is already stored changes nothing.**

mod article;
mod corpus;
mod link;
mod pending;
mod query;

use std::path::Path;

use onrecord_link::filter::KeyKind;
use onrecord_link::ArticleLinks;
use onrecord_model::{Article, CharIndex, Span};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

pub use article::{ArticleDetail, ParagraphRow};
pub use corpus::{
    Cluster, ClusterMember, Occurrence, ParagraphReuse, Phrase, PhraseTimeline, RoleSpan, SearchHit, SearchResults, SpeakerDetail,
    SpeakerRow, StatementDetail,
};
pub use onrecord_link::LinkConfig;
pub use query::{day_bound, StatementFilter, StatementRow};

const SCHEMA: &str = include_str!("schema.sql");
pub const SCHEMA_VERSION: i64 = 4;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("the store at {path} has schema version {found}; this onrecord reads version {SCHEMA_VERSION} (ingest into a new store file)")]
    Version { path: String, found: i64 },
    /// A query the user wrote that the store cannot read (FTS5 syntax, for one).
    #[error("{0}")]
    Query(String),
    /// A query interrupted by [`Store::with_time_limit`].
    #[error("the query took longer than {0:?} and was stopped")]
    TimedOut(std::time::Duration),
    #[error("store query failed: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A batch failed to write, and with it the run's open transaction: the store holds what
    /// was committed before, and nothing since.
    #[error("{source}; the batch and the {earlier} articles written since the last commit were rolled back (nothing else was lost: run the same ingest again to store them)")]
    RolledBack { earlier: usize, source: Box<StoreError> },
}

pub struct Store {
    conn: Connection,
    link: LinkConfig,
    /// What the writer keeps in memory between batches (the background gram counts and the
    /// key filter, saved with every commit), and the `PRAGMA data_version` it was read at:
    /// loaded when a run transaction begins, again only if another connection has committed
    /// since, so that two processes writing in turn keep each other's work.
    memory: Option<(link::WriterMemory, i64)>,
    /// Whether a transaction is open: batches accumulate in one until [`Store::commit`].
    in_transaction: bool,
    /// New articles written in the open transaction.
    uncommitted: usize,
    /// New articles written between two commits.
    commit_every: usize,
}

/// New articles written between two commits, unless [`Store::set_commit_every`] says otherwise.
/// Each commit writes every page of the link indexes that changed since the last one, and their
/// keys are hashes, so nearly every page changes: at 100,000 articles, committing every 8,192
/// took 13.5 s of the ingest's 100, every 32,768 took 7.3 s. A killed run loses the articles
/// since the last commit, which a rerun reads again.
pub const COMMIT_EVERY: usize = 32_768;

/// What a batch write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub new_articles: usize,
    /// Articles already in the store, left as they were.
    pub known_articles: usize,
    pub statements: usize,
}

/// What [`Store::finish`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Finished {
    /// Grams whose corpus statistics were recomputed.
    pub grams_refreshed: usize,
    /// One-word speakers merged into the full name they stand for.
    pub speakers_merged: usize,
}

impl Store {
    /// Opens (creating if needed) a store for writing: WAL journal, schema applied.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.display().to_string(), source };
        // one connection per thread: SQLite's own locking would only cost time
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        // the writer and the queries use more distinct statements than rusqlite's default 16
        conn.set_prepared_statement_cache_capacity(128);
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(open_err)?;
        // 8 KiB pages (a no-op on a store that exists): the link tables' B-trees are a level
        // shallower, and a 100,000-article ingest ran about 10% faster than with 4 KiB
        conn.pragma_update(None, "page_size", 8192).map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_err)?;
        if found != 0 && found != SCHEMA_VERSION {
            return Err(StoreError::Version { path: path.display().to_string(), found });
        }
        conn.execute_batch(SCHEMA).map_err(open_err)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(open_err)?;
        // a larger page cache keeps the link tables' lookups in memory during an ingest
        conn.pragma_update(None, "cache_size", -262_144).map_err(open_err)?;
        Ok(Store { conn, link: LinkConfig::default(), memory: None, in_transaction: false, uncommitted: 0, commit_every: COMMIT_EVERY })
    }

    /// Opens an existing store read-only, for queries and the web UI.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.display().to_string(), source };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(128);
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_err)?;
        if found != SCHEMA_VERSION {
            return Err(StoreError::Version { path: path.display().to_string(), found });
        }
        Ok(Store { conn, link: LinkConfig::default(), memory: None, in_transaction: false, uncommitted: 0, commit_every: COMMIT_EVERY })
    }

    /// Reads the store through a memory map of up to `bytes` of the file instead of copying
    /// pages through read(), for a long-running reader such as the web server: on a 100k-article
    /// store its searches ran five times the throughput. (The mapped pages are the OS's file
    /// cache, shared by every mapping; a one-shot query gains nothing from it.)
    pub fn map_file(&self, bytes: i64) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "mmap_size", bytes)?;
        self.conn.pragma_update(None, "cache_size", -16384)?;
        Ok(())
    }

    /// Runs `f` with a time limit: a query still running after `limit` is interrupted and the
    /// call returns [`StoreError::TimedOut`]. For servers, where one slow query must not hold a
    /// connection.
    pub fn with_time_limit<T>(&self, limit: std::time::Duration, f: impl FnOnce(&Store) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let deadline = std::time::Instant::now() + limit;
        // checked every few thousand virtual-machine steps: a fraction of a millisecond
        self.conn().progress_handler(4000, Some(move || std::time::Instant::now() > deadline));
        let out = f(self);
        self.conn().progress_handler(0, None::<fn() -> bool>);
        match out {
            Err(StoreError::Sql(rusqlite::Error::SqliteFailure(e, _))) if e.code == rusqlite::ErrorCode::OperationInterrupted => {
                Err(StoreError::TimedOut(limit))
            }
            out => out,
        }
    }

    pub fn link_config(&self) -> LinkConfig {
        self.link
    }

    /// Sets how many new articles are written between two commits (at least 1).
    pub fn set_commit_every(&mut self, articles: usize) {
        self.commit_every = articles.max(1);
    }

    /// Sets the thresholds the cross-article links use from now on.
    pub fn set_link_config(&mut self, cfg: LinkConfig) {
        self.link = cfg;
    }

    /// Writes a batch, linking each new article to the stored corpus (its syndication cluster,
    /// its statements' groups, speakers, grams). `links[i]` is `onrecord_link::prepare(&articles[i])`,
    /// computed by the caller where it has threads. Articles already stored are skipped whole.
    ///
    /// Batches accumulate in one transaction that commits every [`COMMIT_EVERY`] new articles
    /// (or as [`Store::set_commit_every`] says), in [`Store::commit`], in [`Store::finish`] and
    /// when the store is dropped: each commit rewrites the pages of the link indexes the
    /// batches touched, so fewer, larger commits write far less. A batch that fails rolls back
    /// that transaction: the store keeps what was committed before it, the error
    /// ([`StoreError::RolledBack`]) says how many articles were not stored, and the next batch
    /// starts a new transaction. (A savepoint per batch would keep them, but it copies every
    /// page a batch touches to a journal first: a tenth of an ingest's time.) A run killed
    /// half-way loses the same, and a rerun skips what is stored. Call [`Store::finish`] after
    /// the last batch.
    pub fn write_batch(&mut self, articles: &[Article], links: &[ArticleLinks]) -> Result<Written, StoreError> {
        assert_eq!(articles.len(), links.len(), "one ArticleLinks per article");
        if !self.in_transaction {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_transaction = true;
            // holding the write lock: nobody else changes the counts until this transaction ends
            let version: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
            if self.memory.as_ref().is_none_or(|(_, v)| *v != version) {
                self.memory = Some((link::WriterMemory::load(&self.conn)?, version));
            }
        }
        let (memory, _) = self.memory.as_mut().expect("loaded when the transaction began");
        match write_articles(&self.conn, &self.link, memory, articles, links) {
            Ok(written) => {
                let earlier = self.uncommitted;
                self.uncommitted += written.new_articles;
                if self.uncommitted >= self.commit_every {
                    if let Err(e) = self.write_and_commit() {
                        // the error counts this batch apart from the earlier ones
                        self.uncommitted = earlier;
                        return Err(self.roll_back(e));
                    }
                }
                Ok(written)
            }
            Err(e) => Err(self.roll_back(e)),
        }
    }

    /// Commits the batches written since the last commit. If that fails, they are rolled back
    /// ([`StoreError::RolledBack`]), as a failed batch is.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if !self.in_transaction {
            return Ok(());
        }
        self.write_and_commit().map_err(|e| self.roll_back(e))
    }

    /// Writes what the writer's memory holds for the open transaction, and commits it.
    fn write_and_commit(&mut self) -> Result<(), StoreError> {
        if let Some((memory, _)) = &mut self.memory {
            memory.pending.write(&self.conn)?;
            if self.uncommitted > 0 {
                memory.save(&self.conn)?;
            }
        }
        self.conn.execute_batch("COMMIT")?;
        self.in_transaction = false;
        self.uncommitted = 0;
        Ok(())
    }

    /// Rolls the open transaction back after `e`, and says what that lost.
    fn roll_back(&mut self, e: StoreError) -> StoreError {
        let _ = self.conn.execute_batch("ROLLBACK");
        let earlier = self.uncommitted;
        self.in_transaction = false;
        self.uncommitted = 0;
        // the memory took in articles that were rolled back
        self.memory = None;
        StoreError::RolledBack { earlier, source: Box::new(e) }
    }

    /// Brings the derived statistics (talking points) up to date after a run of writes. Safe to
    /// call any time; a run killed before it leaves the grams marked, and the next call does them.
    pub fn finish(&mut self) -> Result<Finished, StoreError> {
        self.commit()?;
        let tx = self.conn.transaction()?;
        let speakers_merged = link::merge_one_word_speakers(&tx)?;
        link::mark_dirty_groups(&tx)?;
        let grams_refreshed = link::refresh_grams(&tx)?;
        tx.commit()?;
        Ok(Finished { grams_refreshed, speakers_merged })
    }

    pub fn article_count(&self) -> Result<usize, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn statement_count(&self) -> Result<usize, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM statements", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn has_article(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some())
    }

    /// The connection, for the query module.
    fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Writes the new articles of a batch and links them: the body of [`Store::write_batch`], inside
/// the run's transaction.
fn write_articles(
    tx: &Connection,
    cfg: &LinkConfig,
    memory: &mut link::WriterMemory,
    articles: &[Article],
    links: &[ArticleLinks],
) -> Result<Written, StoreError> {
    let cfg = *cfg;
    let mut link_batch = link::BatchLinks::default();
    let mut speakers = link::SpeakerTally::default();
    let mut written = Written::default();
    {
        let mut ins_article = tx.prepare_cached(
            "INSERT INTO articles (rowid, id, name, origin, url, outlet, headline, dateline, published, captured, cluster, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut stored = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        // rowids, like statement ids below, are given before the row is written
        let mut next_article: i64 = tx.query_row("SELECT coalesce(max(rowid), 0) + 1 FROM articles", [], |r| r.get(0))?;
        let mut ins_stmt = tx.prepare_cached(
            "INSERT INTO statements (id, group_id, article_id, idx, kind, content_start, content_end, content, cue_start, cue_end, cue,
               source_start, source_end, source, speaker, speaker_role, speaker_affiliation, date, confidence, about,
               fingerprint, speaker_key, day, outlet)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
        )?;
        // ids are given before the row is written, so a statement is linked first and its
        // row written once, with its group (one writer per store: nobody else takes ids)
        let mut next_statement: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM statements", [], |r| r.get(0))?;
        for (a, links) in articles.iter().zip(links) {
            let m = &a.meta;
            if stored.exists([&a.id])? {
                written.known_articles += 1;
                continue;
            }
            written.new_articles += 1;
            let rowid = next_article;
            next_article += 1;
            let published = m.published.map(|d| d.to_string());
            let cluster = link::link_article(tx, rowid, published.as_deref(), &a.id, links, &cfg, memory)?;
            ins_article.execute(params![
                rowid,
                a.id,
                a.name,
                a.origin,
                m.url,
                m.outlet,
                m.headline,
                m.dateline,
                published,
                m.captured.map(|d| d.to_string()),
                cluster,
                a.text
            ])?;
            let mut siblings = link::Siblings::new(rowid);
            memory.background.add_article(&links.background);
            let idx = CharIndex::new(&a.text);
            let cp = |s: Span| (idx.char_of(&a.text, s.start) as i64, idx.char_of(&a.text, s.end) as i64);
            for (i, p) in a.paragraphs.iter().enumerate() {
                let (s, e) = cp(p.span);
                memory.pending.add_paragraph_row(&a.id, i as i64, s, e, p.repeat_of.map(|r| r as i64));
            }
            for ((i, st), sl) in a.statements.iter().enumerate().zip(&links.statements) {
                let (cs, ce) = cp(st.content);
                let cue = st.cue.map(cp);
                let src = st.source.map(cp);
                let sp = st.speaker.as_ref();
                let day = st.date.or(m.published).map(link::day_number);
                let sid = next_statement;
                next_statement += 1;
                let this = link::Placed { id: sid, day, article_id: &a.id, idx: i as i64 };
                let (group, index) = link::link_statement(tx, &this, sl, &cfg, &mut siblings, &mut link_batch, memory)?;
                ins_stmt.execute(params![
                    sid,
                    group,
                    a.id,
                    i as i64,
                    st.kind.as_str(),
                    cs,
                    ce,
                    st.content.of(&a.text),
                    cue.map(|c| c.0),
                    cue.map(|c| c.1),
                    st.cue.map(|c| c.of(&a.text)),
                    src.map(|c| c.0),
                    src.map(|c| c.1),
                    st.source.map(|c| c.of(&a.text)),
                    sp.map(|s| s.name.as_str()),
                    sp.and_then(|s| s.role.as_deref()),
                    sp.and_then(|s| s.affiliation.as_deref()),
                    st.date.map(|d| d.to_string()),
                    st.confidence as f64,
                    serde_json::to_string(&st.about).unwrap_or_else(|_| "[]".into()),
                    sl.sketch.fingerprint,
                    sl.speaker_key,
                    day,
                    m.outlet,
                ])?;
                memory.filter.insert(KeyKind::Fingerprint, sl.sketch.fingerprint);
                if index {
                    link::index_statement(tx, &this, st.content.of(&a.text), sp.map(|s| s.name.as_str()), sl, &mut link_batch, memory)?;
                }
                if let Some(k) = &sl.speaker_key {
                    speakers.add(a, st, k);
                }
                for entity in &st.about {
                    memory.pending.add_about(entity, sid);
                }
                written.statements += 1;
            }
        }
    }
    if memory.filter.wants_to_grow() {
        // the filter is rebuilt from the tables, which must hold every key first
        memory.pending.write(tx)?;
        memory.filter = link::rebuild_filter(tx)?;
    }
    speakers.write(tx)?;
    link_batch.write(tx)?;
    Ok(written)
}

impl Drop for Store {
    /// Keeps the batches written since the last commit: each is whole (a failed one was rolled
    /// back), and losing them would only mean reading them again.
    fn drop(&mut self) {
        let _ = self.commit();
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::{Store, StoreError};

    #[test]
    fn a_query_past_its_time_limit_is_stopped_and_the_connection_still_works() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
        let t = Instant::now();
        let r = store.with_time_limit(Duration::from_millis(50), |s| Ok(s.conn().query_row(endless, [], |r| r.get::<_, i64>(0))?));
        assert!(matches!(r, Err(StoreError::TimedOut(_))), "{r:?}");
        assert!(t.elapsed() < Duration::from_secs(5));
        // the limit is lifted afterwards
        let n = store.with_time_limit(Duration::from_secs(5), |s| s.article_count()).unwrap();
        assert_eq!(n, 0);
        assert_eq!(store.statement_count().unwrap(), 0);
    }
}
