use rusqlite::types::Value;

use crate::{Store, StoreError};

/// Filters for listing statements; every field is optional and they combine with AND.
#[derive(Debug, Clone, Default)]
pub struct StatementFilter {
    /// Substring of the resolved speaker's name, case-insensitive.
    pub speaker: Option<String>,
    /// An entity the statement is about (exact, case-insensitive).
    pub about: Option<String>,
    /// Substring of the outlet, case-insensitive.
    pub outlet: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// A statement with the article fields a listing needs. Offsets are code points.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementRow {
    pub id: i64,
    pub article_id: String,
    pub article_name: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub kind: String,
    pub content: String,
    pub content_start: i64,
    pub content_end: i64,
    pub cue: Option<String>,
    pub source: Option<String>,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub speaker_affiliation: Option<String>,
    pub date: Option<String>,
    pub confidence: f64,
    pub about: Vec<String>,
}

impl Store {
    /// Statements matching `f`, by statement date (then article, then order in the article).
    pub fn statements(&self, f: &StatementFilter) -> Result<Vec<StatementRow>, StoreError> {
        let mut sql = String::from(
            "SELECT s.id, s.article_id, a.name, a.outlet, a.published, s.kind, s.content, s.content_start, s.content_end,
                    s.cue, s.source, s.speaker, s.speaker_role, s.speaker_affiliation, s.date, s.confidence, s.about
             FROM statements s JOIN articles a ON a.id = s.article_id WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        let mut push = |clause: &str, v: String, sql: &mut String| {
            args.push(Value::Text(v));
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(s) = &f.speaker {
            push(" AND s.speaker LIKE '%' || ? || '%'", s.clone(), &mut sql);
        }
        if let Some(s) = &f.outlet {
            push(" AND a.outlet LIKE '%' || ? || '%'", s.clone(), &mut sql);
        }
        if let Some(s) = &f.about {
            push(" AND s.id IN (SELECT statement_id FROM statement_about WHERE entity = ? COLLATE NOCASE)", s.clone(), &mut sql);
        }
        if let Some(s) = &f.since {
            push(" AND coalesce(s.date, a.published) >= ?", s.clone(), &mut sql);
        }
        if let Some(s) = &f.until {
            push(" AND coalesce(s.date, a.published) <= ?", s.clone(), &mut sql);
        }
        if let Some(s) = &f.kind {
            push(" AND s.kind = ?", s.clone(), &mut sql);
        }
        sql.push_str(&format!(" ORDER BY coalesce(s.date, a.published), s.article_id, s.idx LIMIT {} OFFSET {}", f.limit.max(1), f.offset));
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            let about: String = r.get(16)?;
            Ok(StatementRow {
                id: r.get(0)?,
                article_id: r.get(1)?,
                article_name: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                kind: r.get(5)?,
                content: r.get(6)?,
                content_start: r.get(7)?,
                content_end: r.get(8)?,
                cue: r.get(9)?,
                source: r.get(10)?,
                speaker: r.get(11)?,
                speaker_role: r.get(12)?,
                speaker_affiliation: r.get(13)?,
                date: r.get(14)?,
                confidence: r.get(15)?,
                about: serde_json::from_str(&about).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
