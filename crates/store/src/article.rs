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
}
