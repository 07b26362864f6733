//! What each page shows, loaded from the store: one function per page, returning the data the
//! HTML page renders and the JSON API returns as it is. Parameters are checked here, with
//! messages that say which one is wrong and what it should look like.

use std::sync::Arc;

use onrecord_model::StatementKind;
use onrecord_store::{
    day_bound, ArticleDetail, Phrase, PhraseTimeline, SpeakerDetail, SpeakerRow, StatementDetail, StatementFilter, StatementRow,
};
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::pool::Pool;
use crate::text::{split_marks, MARK_CLOSE, MARK_OPEN};

/// Longest search query read, in characters.
const MAX_QUERY_CHARS: usize = 500;
/// Longest filter value or name read, in characters.
const MAX_FIELD_CHARS: usize = 200;
pub const DEFAULT_PER_PAGE: usize = 20;
const MAX_PER_PAGE: usize = 100;
/// Deepest page served: result lists are for reading, exports are for everything.
const MAX_PAGE: usize = 500;

/// A text parameter: trimmed, empty as absent, bounded.
fn field(name: &str, v: &Option<String>, max: usize) -> Result<Option<String>, WebError> {
    let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > max {
        return Err(WebError::BadRequest(format!("{name} is longer than {max} characters")));
    }
    Ok(Some(v.to_string()))
}

fn number(name: &str, v: &Option<String>, default: usize, max: usize) -> Result<usize, WebError> {
    match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(WebError::BadRequest(format!("{name} must be a whole number from 1 to {max}, not {s:?}"))),
        },
    }
}

/// Paging parameters, as every list takes them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Paging {
    pub page: Option<String>,
    pub per_page: Option<String>,
}

impl Paging {
    /// (page from 1, page size)
    pub fn read(&self) -> Result<(usize, usize), WebError> {
        Ok((number("page", &self.page, 1, MAX_PAGE)?, number("per_page", &self.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?))
    }
}

/// The search form: every field optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct SearchParams {
    pub q: Option<String>,
    pub speaker: Option<String>,
    pub outlet: Option<String>,
    pub about: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

impl SearchParams {
    /// The query and the store filter these parameters ask for.
    pub fn read(&self) -> Result<(String, StatementFilter, usize), WebError> {
        let q = field("q", &self.q, MAX_QUERY_CHARS)?.unwrap_or_default();
        let (page, per_page) = self.paging.read()?;
        let date = |name: &str, v: &Option<String>, end: bool| -> Result<Option<String>, WebError> {
            let v = field(name, v, 10)?;
            if let Some(d) = &v {
                if day_bound(d, end).is_none() {
                    return Err(WebError::BadRequest(format!("{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {d:?}")));
                }
            }
            Ok(v)
        };
        let kind = field("kind", &self.kind, 20)?;
        if let Some(k) = &kind {
            if StatementKind::parse(k).is_none() {
                let kinds: Vec<&str> = StatementKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(WebError::BadRequest(format!("kind must be one of {}, not {k:?}", kinds.join(", "))));
            }
        }
        let filter = StatementFilter {
            speaker: field("speaker", &self.speaker, MAX_FIELD_CHARS)?,
            outlet: field("outlet", &self.outlet, MAX_FIELD_CHARS)?,
            about: field("about", &self.about, MAX_FIELD_CHARS)?,
            since: date("since", &self.since, false)?,
            until: date("until", &self.until, true)?,
            kind,
            occurrences: false,
            limit: per_page,
            offset: (page - 1) * per_page,
        };
        Ok((q, filter, page))
    }

    /// Whether anything narrows the search (a query or a filter).
    pub fn is_empty(&self) -> bool {
        [&self.q, &self.speaker, &self.outlet, &self.about, &self.since, &self.until, &self.kind]
            .iter()
            .all(|v| v.as_deref().is_none_or(|s| s.trim().is_empty()))
    }
}

/// One search result: the statement, and the snippet with the matched words as code-point
/// ranges into it.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub statement: StatementRow,
    pub snippet: String,
    pub marks: Vec<(usize, usize)>,
    /// BM25 (lower is better), 0 when there is no query.
    pub rank: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    pub query: String,
    pub page: usize,
    pub per_page: usize,
    /// Every matching statement, not only this page.
    pub total: i64,
    pub by_month: Vec<(String, i64)>,
    pub hits: Vec<Hit>,
}

pub async fn search(pool: &Arc<Pool>, p: &SearchParams) -> Result<SearchView, WebError> {
    let (query, filter, page) = p.read()?;
    let per_page = filter.limit;
    let q = query.clone();
    let r = pool.run(move |s| s.search_page(&q, &filter, (MARK_OPEN, MARK_CLOSE), true)).await?;
    let hits = r
        .hits
        .into_iter()
        .map(|h| {
            let (snippet, marks) = split_marks(&h.snippet);
            Hit { statement: h.statement, snippet, marks, rank: h.rank }
        })
        .collect();
    Ok(SearchView { query, page, per_page, total: r.total, by_month: r.by_month, hits })
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NameParams {
    pub name: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakersView {
    pub name: Option<String>,
    pub page: usize,
    pub per_page: usize,
    pub speakers: Vec<SpeakerRow>,
}

pub async fn speakers(pool: &Arc<Pool>, p: &NameParams) -> Result<SpeakersView, WebError> {
    let name = field("name", &p.name, MAX_FIELD_CHARS)?;
    let (page, per_page) = p.paging.read()?;
    let n = name.clone();
    let speakers = pool.run(move |s| s.speakers(n.as_deref(), per_page, (page - 1) * per_page)).await?;
    Ok(SpeakersView { name, page, per_page, speakers })
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerView {
    pub page: usize,
    pub per_page: usize,
    #[serde(flatten)]
    pub detail: SpeakerDetail,
}

pub async fn speaker(pool: &Arc<Pool>, p: &NameParams) -> Result<SpeakerView, WebError> {
    let Some(name) = field("name", &p.name, MAX_FIELD_CHARS)? else {
        return Err(WebError::BadRequest("name is missing: /speaker?name=Zhao Lijian".into()));
    };
    let (page, per_page) = p.paging.read()?;
    let n = name.clone();
    match pool.run(move |s| s.speaker(&n, per_page, (page - 1) * per_page)).await? {
        Some(detail) => Ok(SpeakerView { page, per_page, detail }),
        None => Err(WebError::NotFound(format!("no speaker named {name:?}"))),
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PhrasesParams {
    pub min_articles: Option<String>,
    pub limit: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhrasesView {
    pub min_articles: usize,
    pub phrases: Vec<Phrase>,
}

pub async fn phrases(pool: &Arc<Pool>, p: &PhrasesParams) -> Result<PhrasesView, WebError> {
    let min_articles = number("min_articles", &p.min_articles, 2, 1_000_000)?;
    let limit = number("limit", &p.limit, 50, 500)?;
    let phrases = pool.run(move |s| s.phrases(min_articles, limit)).await?;
    Ok(PhrasesView { min_articles, phrases })
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PhraseParams {
    pub text: Option<String>,
}

pub async fn phrase(pool: &Arc<Pool>, p: &PhraseParams) -> Result<PhraseTimeline, WebError> {
    let Some(text) = field("text", &p.text, MAX_FIELD_CHARS)? else {
        return Err(WebError::BadRequest("text is missing: /phrase?text=community of shared future".into()));
    };
    let found = pool.run(move |s| s.phrase(&text, 20)).await?;
    if found.statements == 0 {
        return Err(WebError::NotFound(format!("no statement uses the phrase {:?}", found.phrase)));
    }
    Ok(found)
}

pub async fn article(pool: &Arc<Pool>, id: &str) -> Result<ArticleDetail, WebError> {
    // ids are 16 hex digits; anything else cannot name an article
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::NotFound(format!("no article with id {id:?} (ids are 16 hexadecimal digits)")));
    }
    let key = id.to_ascii_lowercase();
    pool.run(move |s| s.article(&key)).await?.ok_or_else(|| WebError::NotFound(format!("no article with id {id}")))
}

pub async fn statement(pool: &Arc<Pool>, id: &str) -> Result<StatementDetail, WebError> {
    let Ok(n) = id.parse::<i64>() else {
        return Err(WebError::NotFound(format!("no statement with id {id:?} (ids are numbers)")));
    };
    pool.run(move |s| s.statement(n)).await?.ok_or_else(|| WebError::NotFound(format!("no statement with id {n}")))
}
