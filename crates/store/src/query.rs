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
    /// YYYY-MM-DD (or YYYY-MM, YYYY), inclusive, on the day the statement was made (or published).
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
    /// Every copy of a statement, instead of each statement once (its first occurrence).
    pub occurrences: bool,
    pub limit: usize,
    pub offset: usize,
}

/// A statement with the article fields a listing needs. Offsets are code points.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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
    pub cue_start: Option<i64>,
    pub cue_end: Option<i64>,
    pub source: Option<String>,
    pub source_start: Option<i64>,
    pub source_end: Option<i64>,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub speaker_affiliation: Option<String>,
    pub date: Option<String>,
    pub confidence: f64,
    pub about: Vec<String>,
    /// The statement's group: the id of its first occurrence in the corpus.
    pub group_id: i64,
    /// How many articles carry this statement (its group's size).
    pub occurrences: i64,
}

pub(crate) const STATEMENT_COLUMNS: &str =
    "s.id, s.article_id, a.name, a.outlet, a.published, s.kind, s.content, s.content_start, s.content_end,
    s.cue, s.source, s.speaker, s.speaker_role, s.speaker_affiliation, s.date, s.confidence, s.about, coalesce(s.group_id, s.id),
    (SELECT count(*) FROM statements o WHERE o.group_id = s.group_id), s.cue_start, s.cue_end, s.source_start, s.source_end";

pub(crate) fn statement_row(r: &rusqlite::Row) -> rusqlite::Result<StatementRow> {
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
        cue_start: r.get(19)?,
        cue_end: r.get(20)?,
        source: r.get(10)?,
        source_start: r.get(21)?,
        source_end: r.get(22)?,
        speaker: r.get(11)?,
        speaker_role: r.get(12)?,
        speaker_affiliation: r.get(13)?,
        date: r.get(14)?,
        confidence: r.get(15)?,
        about: serde_json::from_str(&about).unwrap_or_default(),
        group_id: r.get(17)?,
        occurrences: r.get(18)?,
    })
}

/// The first (or last, for `end`) day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in days since
/// 1970-01-01; `None` when the string is none of these (or no such day).
pub fn day_bound(s: &str, end: bool) -> Option<i64> {
    use chrono::NaiveDate;
    let p = |y: &str, m: &str, d: &str| NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let parts: Vec<&str> = s.trim().split('-').collect();
    if parts.iter().zip([4, 2, 2]).any(|(x, n)| x.len() != n || !x.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let date = match (parts.as_slice(), end) {
        ([y], false) => p(y, "1", "1"),
        ([y], true) => p(y, "12", "31"),
        ([y, m], false) => p(y, m, "1"),
        ([y, m], true) => p(y, m, "1").and_then(|d| d.checked_add_months(chrono::Months::new(1))).and_then(|d| d.pred_opt()),
        ([y, m, d], _) => p(y, m, d),
        _ => None,
    };
    date.map(crate::link::day_number)
}

/// Appends `f`'s filters (speaker, outlet, about, since, until, kind) to `sql` as AND clauses
/// over `statements s`, with their values pushed to `args` as numbered parameters.
pub(crate) fn filter_clauses(f: &StatementFilter, sql: &mut String, args: &mut Vec<Value>) {
    let mut push = |clause: &str, v: Value, sql: &mut String| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(s) = &f.speaker {
        push(" AND s.speaker LIKE '%' || ? || '%'", Value::Text(s.clone()), sql);
    }
    if let Some(s) = &f.outlet {
        push(" AND s.outlet LIKE '%' || ? || '%'", Value::Text(s.clone()), sql);
    }
    if let Some(s) = &f.about {
        push(" AND s.id IN (SELECT statement_id FROM statement_about WHERE entity = ? COLLATE NOCASE)", Value::Text(s.clone()), sql);
    }
    if let Some(s) = &f.since {
        push(" AND s.day >= ?", Value::Integer(day_bound(s, false).unwrap_or(i64::MIN)), sql);
    }
    if let Some(s) = &f.until {
        push(" AND s.day <= ?", Value::Integer(day_bound(s, true).unwrap_or(i64::MAX)), sql);
    }
    if let Some(s) = &f.kind {
        push(" AND s.kind = ?", Value::Text(s.clone()), sql);
    }
}

impl Store {
    /// Statements matching `f`, by statement date (then article, then order in the article).
    pub fn statements(&self, f: &StatementFilter) -> Result<Vec<StatementRow>, StoreError> {
        let mut sql = format!("SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE 1=1");
        if !f.occurrences {
            sql.push_str(" AND s.group_id = s.id");
        }
        let mut args: Vec<Value> = Vec::new();
        filter_clauses(f, &mut sql, &mut args);
        // the order of the statements_day index, so a LIMIT stops early
        sql.push_str(&format!(" ORDER BY s.day, s.article_id, s.idx LIMIT {} OFFSET {}", f.limit.max(1), f.offset));
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), statement_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::day_bound;

    #[test]
    fn date_prefixes_bound_whole_periods() {
        let day = |s| day_bound(s, false).unwrap();
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("2020"), day("2020-01-01"));
        assert_eq!(day_bound("2020-02", true), day_bound("2020-02-29", false));
        assert_eq!(day_bound("2020", true), day_bound("2020-12-31", true));
        for bad in ["2020-13", "20-01-01", "2020-1-1", "yesterday", "", "2020-02-30"] {
            assert_eq!(day_bound(bad, false), None, "{bad}");
        }
    }
}
