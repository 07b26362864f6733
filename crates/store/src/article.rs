//! One article as stored: its text, paragraphs, statements and links, for reading it whole.

use rusqlite::{params, OptionalExtension};

use crate::corpus::{ClusterMember, ParagraphReuse};
use crate::query::{statement_row, StatementRow, STATEMENT_COLUMNS};
use crate::{Store, StoreError};

/// A paragraph's place in the text (code points) and, if it repeats an earlier one, which.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ParagraphRow {
    pub idx: i64,
    pub start: i64,
    pub end: i64,
    pub repeat_of: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ArticleDetail {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub headline: Option<String>,
    pub dateline: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub paragraphs: Vec<ParagraphRow>,
    /// Every statement in the article, in order (offsets are code points into `text`).
    pub statements: Vec<StatementRow>,
    /// The other copies of this story (its syndication cluster), earliest first.
    pub copies: Vec<ClusterMember>,
    /// Paragraphs shared with articles outside the cluster.
    pub reuse: Vec<ParagraphReuse>,
}

impl Store {
    /// The article with this id (the 16 hex digits), or `None`.
    pub fn article(&self, id: &str) -> Result<Option<ArticleDetail>, StoreError> {
        let conn = self.conn();
        let head = conn
            .prepare_cached("SELECT id, name, url, outlet, headline, dateline, published, text FROM articles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(ArticleDetail {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    url: r.get(2)?,
                    outlet: r.get(3)?,
                    headline: r.get(4)?,
                    dateline: r.get(5)?,
                    published: r.get(6)?,
                    text: r.get(7)?,
                    paragraphs: Vec::new(),
                    statements: Vec::new(),
                    copies: Vec::new(),
                    reuse: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut a) = head else { return Ok(None) };
        a.paragraphs = conn
            .prepare_cached("SELECT idx, start, end, repeat_of FROM paragraphs WHERE article_id = ?1 ORDER BY idx")?
            .query_map([id], |r| Ok(ParagraphRow { idx: r.get(0)?, start: r.get(1)?, end: r.get(2)?, repeat_of: r.get(3)? }))?
            .collect::<Result<_, _>>()?;
        a.statements = conn
            .prepare_cached(&format!(
                "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?1 ORDER BY s.idx"
            ))?
            .query_map(params![id], statement_row)?
            .collect::<Result<_, _>>()?;
        (a.copies, a.reuse) = self.article_links(id)?;
        Ok(Some(a))
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
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::{Store, StoreError};

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
