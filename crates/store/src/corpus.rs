//! Queries over the linked corpus: one statement and its occurrences, speakers, talking points,
//! full-text search, syndication clusters.

use std::collections::{HashMap, HashSet};

use onrecord_link::phrases::{chain, fold_surface, phrase_keys, GramStats};
use rusqlite::{params, OptionalExtension};

use rusqlite::types::Value;

use crate::query::{filter_clauses, statement_row, StatementFilter, StatementRow, STATEMENT_COLUMNS};
use crate::{Store, StoreError};

/// Where one statement appeared.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Occurrence {
    pub statement_id: i64,
    pub article_id: String,
    pub article_name: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub date: Option<String>,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatementDetail {
    /// The first occurrence.
    pub statement: StatementRow,
    /// All occurrences, earliest first (the first is `statement`).
    pub occurrences: Vec<Occurrence>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpeakerRow {
    pub key: String,
    pub name: String,
    /// Statements by this speaker, every copy counted.
    pub occurrences: i64,
    pub first: Option<String>,
    pub last: Option<String>,
    /// The role and affiliation most often given.
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RoleSpan {
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub n: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpeakerDetail {
    pub speaker: SpeakerRow,
    pub aliases: Vec<(String, i64)>,
    pub roles: Vec<RoleSpan>,
    /// Distinct statements in date order (the page asked for).
    pub statements: Vec<StatementRow>,
    /// How many distinct statements the speaker has in all.
    pub distinct: i64,
    /// Statements per month (every copy counted), `YYYY-MM` ascending.
    pub by_month: Vec<(String, i64)>,
    pub outlets: Vec<(String, i64)>,
    /// Talking points in this speaker's statements, most used first.
    pub phrases: Vec<(String, i64)>,
}

/// A ranked talking point.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Phrase {
    pub phrase: String,
    pub variants: Vec<String>,
    pub score: f64,
    pub statements: i64,
    pub occurrences: i64,
    pub articles: i64,
    pub outlets: i64,
    pub speakers: i64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub by_month: Vec<(String, i64)>,
    pub by_speaker: Vec<(String, i64)>,
    pub by_outlet: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PhraseTimeline {
    pub phrase: String,
    pub statements: i64,
    pub occurrences: i64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub by_month: Vec<(String, i64)>,
    pub by_speaker: Vec<(String, i64)>,
    pub by_outlet: Vec<(String, i64)>,
    /// How it is written, most usual first (empty when no statement uses it).
    pub forms: Vec<String>,
    /// Distinct statements using it, earliest first (at most the limit asked).
    pub examples: Vec<StatementRow>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    pub statement: StatementRow,
    /// The content with matches between `[` and `]`, cut to the best part.
    pub snippet: String,
    pub rank: f64,
}

/// A page of search results with the size of the whole result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Every statement that matches, not only this page.
    pub total: i64,
    /// Matching statements per month (`YYYY-MM`), when asked for; undated ones are left out.
    pub by_month: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClusterMember {
    pub article_id: String,
    pub name: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub headline: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cluster {
    /// The earliest copy.
    pub representative: ClusterMember,
    /// How many copies the cluster holds.
    pub size: usize,
    /// The earliest copies, the representative first, then by date (at most the number asked for).
    pub members: Vec<ClusterMember>,
}

/// An article that shares a long paragraph with an earlier article of another cluster.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ParagraphReuse {
    pub article: ClusterMember,
    pub paragraph: i64,
    pub source: ClusterMember,
    pub source_paragraph: i64,
}

/// The user's query with every bare word that holds punctuation quoted, so `all-weather` or
/// `China-Pakistan` search for the words rather than fail as FTS5 syntax. Quoted strings,
/// parentheses, operators (AND, OR, NOT, NEAR), prefixes (`co*`) and column filters are kept.
pub fn fts_query(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 8);
    let mut chars = q.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let plain = word.trim_end_matches('*').chars().all(|c| c.is_alphanumeric() || c == '_');
        let column = word.ends_with(':');
        if plain || column || matches!(word.as_str(), "AND" | "OR" | "NOT" | "NEAR") {
            out.push_str(word);
        } else {
            out.push('"');
            out.push_str(&word.replace('"', ""));
            out.push('"');
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                flush(&mut word, &mut out);
                out.push('"');
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '"' {
                        break;
                    }
                }
            }
            // inside a word (`alert(1)`), parentheses are part of it; around words they group
            '(' | ')' if !word.is_empty() && (c == '(' || word.contains('(')) => word.push(c),
            '(' | ')' | '+' => {
                flush(&mut word, &mut out);
                out.push(c);
            }
            c if c.is_whitespace() => {
                flush(&mut word, &mut out);
                out.push(' ');
            }
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

fn member(r: &rusqlite::Row, at: usize) -> rusqlite::Result<ClusterMember> {
    Ok(ClusterMember {
        article_id: r.get(at)?,
        name: r.get(at + 1)?,
        outlet: r.get(at + 2)?,
        published: r.get(at + 3)?,
        headline: r.get(at + 4)?,
    })
}

impl Store {
    /// A statement with every occurrence of it. `id` may be any occurrence.
    pub fn statement(&self, id: i64) -> Result<Option<StatementDetail>, StoreError> {
        let conn = self.conn();
        let group: Option<i64> =
            conn.query_row("SELECT coalesce(group_id, id) FROM statements WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        let Some(group) = group else { return Ok(None) };
        let statement = conn.query_row(
            &format!("SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = ?1"),
            [group],
            statement_row,
        )?;
        let mut q = conn.prepare(
            "SELECT s.id, s.article_id, a.name, a.outlet, a.published, s.date, s.content FROM statements s JOIN articles a ON a.id = s.article_id
             WHERE s.group_id = ?1 ORDER BY coalesce(s.day, 9223372036854775807), s.article_id, s.idx LIMIT 10000",
        )?;
        let occurrences = q
            .query_map([group], |r| {
                Ok(Occurrence {
                    statement_id: r.get(0)?,
                    article_id: r.get(1)?,
                    article_name: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    date: r.get(5)?,
                    content: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StatementDetail { statement, occurrences }))
    }

    /// Speakers, most statements first. `name` filters by a substring of the name. The role and
    /// affiliation shown are the ones most often given, if given at least twice and in at least
    /// one statement in 25: "Analysts" with the role of a single mangled source ("jail
    /// Analysts") shows none (`speaker` lists every role a speaker had).
    pub fn speakers(&self, name: Option<&str>, limit: usize, offset: usize) -> Result<Vec<SpeakerRow>, StoreError> {
        let mut q = self.conn().prepare_cached(
            "SELECT k.key, k.name, k.occurrences, k.first, k.last,
               (SELECT nullif(role, '') FROM speaker_roles r WHERE r.speaker = k.key AND r.n >= 2 AND r.n * 25 >= k.occurrences
                ORDER BY n DESC, role LIMIT 1),
               (SELECT nullif(affiliation, '') FROM speaker_roles r WHERE r.speaker = k.key AND r.n >= 2 AND r.n * 25 >= k.occurrences
                ORDER BY n DESC, role LIMIT 1)
             FROM speakers k WHERE ?1 IS NULL OR k.key LIKE '%' || lower(?1) || '%'
             ORDER BY k.occurrences DESC, k.key LIMIT ?2 OFFSET ?3",
        )?;
        let rows = q.query_map(params![name, limit as i64, offset as i64], |r| {
            Ok(SpeakerRow {
                key: r.get(0)?,
                name: r.get(1)?,
                occurrences: r.get(2)?,
                first: r.get(3)?,
                last: r.get(4)?,
                role: r.get(5)?,
                affiliation: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One speaker, found by key, by name, or by an alias; the best known match when several
    /// contain `name`.
    pub fn speaker(&self, name: &str, limit: usize, offset: usize) -> Result<Option<SpeakerDetail>, StoreError> {
        let conn = self.conn();
        let key = onrecord_link::speakers::speaker_key(name);
        let found: Option<String> = conn
            .query_row("SELECT key FROM speakers WHERE key = ?1", [&key], |r| r.get(0))
            .optional()?
            .or(conn
                .query_row("SELECT speaker FROM speaker_aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY n DESC LIMIT 1", [name], |r| {
                    r.get(0)
                })
                .optional()?)
            .or(conn
                .query_row("SELECT key FROM speakers WHERE key LIKE '%' || ?1 || '%' ORDER BY occurrences DESC LIMIT 1", [&key], |r| {
                    r.get(0)
                })
                .optional()?);
        let Some(key) = found else { return Ok(None) };
        let Some(speaker) = self.speakers(Some(&key), 50, 0)?.into_iter().find(|s| s.key == key) else { return Ok(None) };
        let aliases = conn
            .prepare("SELECT alias, n FROM speaker_aliases WHERE speaker = ?1 ORDER BY n DESC, alias LIMIT 50")?
            .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let roles = conn
            .prepare("SELECT nullif(role, ''), nullif(affiliation, ''), first, last, n FROM speaker_roles WHERE speaker = ?1 ORDER BY first, role")?
            .query_map([&key], |r| Ok(RoleSpan { role: r.get(0)?, affiliation: r.get(1)?, first: r.get(2)?, last: r.get(3)?, n: r.get(4)? }))?
            .collect::<Result<_, _>>()?;
        let statements = conn
            .prepare(&format!(
                "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
                 WHERE s.speaker_key = ?1 AND s.group_id = s.id ORDER BY s.day, s.article_id, s.idx LIMIT ?2 OFFSET ?3"
            ))?
            .query_map(params![&key, limit as i64, offset as i64], statement_row)?
            .collect::<Result<_, _>>()?;
        let by_month: Vec<(String, i64)> = conn
            .prepare_cached("SELECT month, n FROM speaker_months WHERE speaker = ?1 ORDER BY month")?
            .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let outlets: Vec<(String, i64)> = conn
            .prepare_cached("SELECT outlet, n FROM speaker_outlets WHERE speaker = ?1 ORDER BY n DESC, outlet LIMIT 100")?
            .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let phrases = self.speaker_phrases(&key)?;
        let distinct = conn
            .prepare_cached("SELECT count(*) FROM statements WHERE speaker_key = ?1 AND group_id = id")?
            .query_row([&key], |r| r.get(0))?;
        Ok(Some(SpeakerDetail { speaker, aliases, roles, statements, distinct, by_month, outlets, phrases }))
    }

    /// The talking points this speaker uses most: grams said in two or more distinct statements,
    /// by how often this speaker said them, each shown as most often written.
    fn speaker_phrases(&self, key: &str) -> Result<Vec<(String, i64)>, StoreError> {
        let conn = self.conn();
        let grams: Vec<(i64, i64)> = conn
            .prepare_cached(
                "SELECT gs.gram, gs.n FROM gram_speakers gs JOIN grams g ON g.gram = gs.gram
                 WHERE gs.speaker = ?1 AND g.statements >= 2 ORDER BY gs.n DESC, gs.gram LIMIT 40",
            )?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut out: Vec<(String, i64)> = Vec::new();
        for (g, n) in grams {
            let (phrase, _) = self.surfaces(g, &[g])?;
            if !phrase.is_empty() && !out.iter().any(|(p, _)| p.contains(&phrase) || phrase.contains(p.as_str())) {
                out.push((phrase, n));
            }
            if out.len() >= 10 {
                break;
            }
        }
        Ok(out)
    }

    /// Talking points, best first: grams said in at least two distinct statements and
    /// `min_articles` articles, ranked and joined into phrases by `onrecord_link::phrases`.
    pub fn phrases(&self, min_articles: usize, limit: usize) -> Result<Vec<Phrase>, StoreError> {
        Ok(self.ranked_phrases(min_articles, limit)?.into_iter().map(|(p, _)| p).collect())
    }

    fn ranked_phrases(&self, min_articles: usize, limit: usize) -> Result<Vec<(Phrase, Vec<i64>)>, StoreError> {
        let conn = self.conn();
        let total: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let background = crate::link::load_background(conn)?;
        let stats: Vec<(GramStats, Option<String>, Option<String>)> = conn
            .prepare(
                "SELECT gram, stems, statements, occurrences, articles, outlets, speakers, months, first, last FROM grams
                 WHERE statements >= 2 AND articles >= ?1",
            )?
            .query_map([min_articles.max(1) as i64], |r| {
                let key: i64 = r.get(0)?;
                Ok((
                    GramStats {
                        key,
                        stems: r.get(1)?,
                        statements: r.get::<_, i64>(2)? as u64,
                        occurrences: r.get::<_, i64>(3)? as u64,
                        articles: r.get::<_, i64>(4)? as u64,
                        outlets: r.get::<_, i64>(5)? as u64,
                        speakers: r.get::<_, i64>(6)? as u64,
                        months: r.get::<_, i64>(7)? as u64,
                        background: 0,
                    },
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let grams: Vec<GramStats> =
            stats.iter().map(|(g, _, _)| GramStats { background: background.estimate(g.key), ..g.clone() }).collect();
        let chains = chain(&grams, total as u64);
        let mut out = Vec::new();
        for c in chains.into_iter().take(limit) {
            let core = &stats[c.core];
            let keys: Vec<i64> = c.grams.iter().map(|&i| grams[i].key).collect();
            let (phrase, variants) = self.surfaces(core.0.key, &keys)?;
            let g = &core.0;
            out.push((
                Phrase {
                    phrase,
                    variants,
                    score: c.score,
                    statements: g.statements as i64,
                    occurrences: g.occurrences as i64,
                    articles: g.articles as i64,
                    outlets: g.outlets as i64,
                    speakers: g.speakers as i64,
                    first: core.1.clone(),
                    last: core.2.clone(),
                    by_month: self.gram_counts("gram_months", "month", g.key, false)?,
                    by_speaker: self.gram_counts("gram_speakers", "speaker", g.key, true)?,
                    by_outlet: self.gram_counts("gram_outlets", "outlet", g.key, true)?,
                },
                keys,
            ));
        }
        Ok(out)
    }

    fn gram_counts(&self, table: &str, col: &str, gram: i64, by_count: bool) -> Result<Vec<(String, i64)>, StoreError> {
        let order = if by_count { format!("n DESC, {col}") } else { col.to_string() };
        let sql = format!("SELECT {col}, n FROM {table} WHERE gram = ?1 ORDER BY {order} LIMIT 200");
        let mut v: Vec<(String, i64)> =
            self.conn().prepare_cached(&sql)?.query_map([gram], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        if table == "gram_speakers" {
            self.speaker_names(&mut v)?;
        }
        Ok(v)
    }

    /// Replaces speaker keys by the names the speakers are shown with.
    fn speaker_names(&self, v: &mut [(String, i64)]) -> Result<(), StoreError> {
        let mut q = self.conn().prepare_cached("SELECT name FROM speakers WHERE key = ?1")?;
        for (k, _) in v.iter_mut() {
            if let Some(name) = q.query_row([&*k], |r| r.get::<_, String>(0)).optional()? {
                *k = name;
            }
        }
        Ok(())
    }

    /// The phrase as most often written, and its other forms: the whole chain where a statement
    /// has all its grams, the core gram alone where it has only that.
    fn surfaces(&self, core: i64, keys: &[i64]) -> Result<(String, Vec<String>), StoreError> {
        let conn = self.conn();
        let mut by_statement: HashMap<i64, HashMap<i64, String>> = HashMap::new();
        {
            // a sample is enough to tell the usual wording from its variants
            let mut q = conn.prepare_cached("SELECT statement_id, surface FROM phrase_grams WHERE gram = ?1 LIMIT 300")?;
            for &k in keys {
                for r in q.query_map([k], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
                    let (sid, surface) = r?;
                    by_statement.entry(sid).or_default().insert(k, surface);
                }
            }
        }
        let mut full: HashMap<String, usize> = HashMap::new();
        let mut partial: HashMap<String, usize> = HashMap::new();
        let mut content_q = conn.prepare_cached("SELECT content FROM statements WHERE id = ?1")?;
        for (sid, grams) in &by_statement {
            if keys.iter().all(|k| grams.contains_key(k)) {
                let s = if keys.len() == 1 {
                    grams[&keys[0]].clone()
                } else {
                    // the span from the first gram's start to the last gram's end, in the statement
                    let content: String = content_q.query_row([sid], |r| r.get(0))?;
                    let (first, last) = (&grams[&keys[0]], &grams[&keys[keys.len() - 1]]);
                    match (content.find(first.as_str()), content.find(last.as_str())) {
                        (Some(a), Some(b)) if b + last.len() > a && b >= a => content[a..b + last.len()].to_string(),
                        _ => format!("{first} … {last}"),
                    }
                };
                *full.entry(fold_surface(&s)).or_default() += 1;
            } else if let Some(s) = grams.get(&core) {
                *partial.entry(fold_surface(s)).or_default() += 1;
            }
        }
        let pick = |m: &HashMap<String, usize>| {
            let mut v: Vec<(&String, &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| b.0.len().cmp(&a.0.len())).then_with(|| a.0.cmp(b.0)));
            v.into_iter().map(|(s, _)| s.clone()).collect::<Vec<_>>()
        };
        let mut forms = pick(&full);
        if forms.is_empty() {
            forms = pick(&partial);
        } else {
            for p in pick(&partial) {
                if !forms.contains(&p) {
                    forms.push(p);
                }
            }
        }
        let phrase = forms.first().cloned().unwrap_or_default();
        Ok((phrase, forms.into_iter().skip(1).collect()))
    }

    /// Every statement that uses the phrase (all of its grams), as a monthly timeline. A phrase
    /// of one gram is read from the statistics kept for it; a longer one is counted here.
    pub fn phrase(&self, text: &str, limit: usize) -> Result<PhraseTimeline, StoreError> {
        let conn = self.conn();
        let mut keys = phrase_keys(text);
        let in_order = keys.clone();
        // rarest gram first: the fewest rows to read and intersect
        let mut variants = conn.prepare_cached("SELECT variants FROM grams WHERE gram = ?1")?;
        let mut rarity = Vec::new();
        for k in &keys {
            rarity.push((variants.query_row([k], |r| r.get::<_, i64>(0)).optional()?.unwrap_or(0), *k));
        }
        rarity.sort_unstable();
        keys = rarity.iter().map(|(_, k)| *k).collect();
        let mut groups: Option<HashSet<i64>> = None;
        if keys.is_empty() {
            // under three content words: the words themselves, through the full-text index
            let q = format!("\"{}\"", text.replace('"', " "));
            let found: HashSet<i64> = conn
                .prepare_cached("SELECT coalesce(s.group_id, s.id) FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid WHERE statements_fts MATCH ?1 LIMIT 100000")?
                .query_map([q], |r| r.get(0))?
                .collect::<Result<_, _>>()
                .map_err(|e| StoreError::Query(format!("{e}")))?;
            groups = Some(found);
        }
        let mut rarest_groups = 0;
        {
            let mut q = conn.prepare_cached(
                "SELECT DISTINCT s.group_id FROM phrase_grams p JOIN statements s ON s.id = p.statement_id WHERE p.gram = ?1",
            )?;
            for k in &keys {
                let set: HashSet<i64> = q.query_map([k], |r| r.get::<_, Option<i64>>(0))?.filter_map(|r| r.ok().flatten()).collect();
                groups = Some(match groups {
                    None => {
                        rarest_groups = set.len();
                        set
                    }
                    Some(g) => g.intersection(&set).copied().collect(),
                });
                if groups.as_ref().is_some_and(HashSet::is_empty) {
                    break;
                }
            }
        }
        let groups = groups.unwrap_or_default();
        let sorted = |m: rustc_hash::FxHashMap<String, i64>| {
            let mut v: Vec<(String, i64)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        // when every statement with the rarest gram has the others too (a phrase's grams come
        // together), the phrase's statistics are that gram's, kept since the last ingest
        let kept = if !keys.is_empty() && groups.len() == rarest_groups {
            conn.prepare_cached("SELECT occurrences, first, last FROM grams WHERE gram = ?1 AND dirty = 0 AND statements >= 2")?
                .query_row([keys[0]], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?)))
                .optional()?
        } else {
            None
        };
        let (occurrences, first, last, by_month, by_speaker, by_outlet) = match kept {
            Some((n, first, last)) => {
                let g = keys[0];
                (
                    n,
                    first,
                    last,
                    self.gram_counts("gram_months", "month", g, false)?,
                    self.gram_counts("gram_speakers", "speaker", g, true)?,
                    self.gram_counts("gram_outlets", "outlet", g, true)?,
                )
            }
            None => {
                let mut tally: crate::link::Tally<String> = crate::link::Tally::default();
                let mut q = conn.prepare_cached("SELECT day, speaker_key, outlet FROM statements WHERE group_id = ?1")?;
                for g in &groups {
                    for r in q.query_map([g], |r| {
                        Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
                    })? {
                        let (day, sp, o) = r?;
                        tally.add(day, sp, o);
                    }
                }
                let (first, last) = tally.first_and_last();
                let months = tally.months().collect();
                let mut by_speaker = sorted(tally.speakers);
                self.speaker_names(&mut by_speaker)?;
                (tally.n, first, last, months, by_speaker, sorted(tally.outlets))
            }
        };
        // the earliest statements using it
        let mut firsts: Vec<(i64, i64)> = Vec::with_capacity(groups.len());
        {
            let mut q = conn.prepare_cached("SELECT coalesce(day, 9223372036854775807) FROM statements WHERE id = ?1")?;
            for &g in &groups {
                if let Some(d) = q.query_row([g], |r| r.get::<_, i64>(0)).optional()? {
                    firsts.push((d, g));
                }
            }
        }
        firsts.sort_unstable();
        let mut examples = Vec::new();
        {
            let mut q = conn.prepare_cached(&format!(
                "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = ?1"
            ))?;
            for (_, id) in firsts.iter().take(limit) {
                if let Some(r) = q.query_row([id], statement_row).optional()? {
                    examples.push(r);
                }
            }
        }
        let forms = match in_order.first() {
            Some(&core) if !groups.is_empty() => {
                let (phrase, variants) = self.surfaces(core, &in_order)?;
                std::iter::once(phrase).chain(variants).filter(|s| !s.is_empty()).collect()
            }
            _ => Vec::new(),
        };
        Ok(PhraseTimeline {
            phrase: text.to_string(),
            statements: groups.len() as i64,
            occurrences,
            forms,
            first,
            last,
            by_month,
            by_speaker,
            by_outlet,
            examples,
        })
    }

    /// Full-text search over distinct statements (FTS5 query syntax, with words that hold
    /// punctuation read as phrases: `all-weather` is `"all-weather"`), best BM25 first.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Vec<SearchHit>, StoreError> {
        let f = StatementFilter { limit, offset, ..StatementFilter::default() };
        Ok(self.search_page(query, &f, ("[", "]"), false)?.hits)
    }

    /// One page of a search narrowed by `f`'s filters (its limit and offset are the page), with
    /// the count of every match and, when `months` is set, the matches per month. Snippets mark
    /// matched words with `marks`. An empty query lists the filtered statements, newest first.
    pub fn search_page(&self, query: &str, f: &StatementFilter, marks: (&str, &str), months: bool) -> Result<SearchResults, StoreError> {
        let fts = fts_query(query);
        let words = !fts.trim().is_empty();
        // the matching statements, as a FROM/WHERE clause
        let mut args: Vec<Value> = Vec::new();
        let mut matching = String::from(if words {
            "FROM statements_fts f JOIN statements s ON s.id = f.rowid WHERE statements_fts MATCH ?1"
        } else {
            "FROM statements s WHERE s.group_id = s.id"
        });
        if words {
            args.push(Value::Text(fts.clone()));
        }
        filter_clauses(f, &mut matching, &mut args);
        let conn = self.conn();
        let user_error = |e: rusqlite::Error| match e {
            // the query is the only thing here a user wrote: SQLITE_ERROR is its fault
            rusqlite::Error::SqliteFailure(e, msg) if e.code == rusqlite::ErrorCode::Unknown => {
                StoreError::Query(format!("cannot read the search query {query:?}: {}", msg.unwrap_or_else(|| e.to_string())))
            }
            e => StoreError::Sql(e),
        };
        // One pass over every match gives the page, the total and the months: ranking and
        // counting here costs a third of what SQL's ORDER BY rank and GROUP BY strftime() do.
        let rank = if words { "f.rank" } else { "0.0" };
        let all_sql = format!("SELECT s.id, {rank}, s.day {matching}");
        let mut all: Vec<(f64, i64, Option<i64>)> = Vec::new();
        conn.prepare_cached(&all_sql)
            .and_then(|mut q| {
                let mut rows = q.query(rusqlite::params_from_iter(&args))?;
                while let Some(r) = rows.next()? {
                    all.push((r.get(1)?, r.get(0)?, r.get(2)?));
                }
                Ok(())
            })
            .map_err(user_error)?;
        let total = all.len() as i64;
        let mut by_month = Vec::new();
        if months {
            let mut days: HashMap<i64, i64> = HashMap::new();
            for (_, _, day) in &all {
                if let Some(d) = day {
                    *days.entry(*d).or_default() += 1;
                }
            }
            let mut m: HashMap<String, i64> = HashMap::new();
            for (d, n) in days {
                if let Some(date) = crate::link::date_of_day(d) {
                    *m.entry(date[..7].to_string()).or_default() += n;
                }
            }
            by_month = m.into_iter().collect();
            by_month.sort_unstable();
        }
        // best BM25 first (lower is better), or newest first without words; id breaks ties
        let key = |x: &(f64, i64, Option<i64>)| if words { (x.0, x.1) } else { (-(x.2.unwrap_or(i64::MIN / 2) as f64), -x.1) };
        let cmp =
            |a: &(f64, i64, Option<i64>), b: &(f64, i64, Option<i64>)| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal);
        let end = (f.offset + f.limit.max(1)).min(all.len());
        if end < all.len() && end > 0 {
            all.select_nth_unstable_by(end - 1, cmp);
            all.truncate(end);
        }
        all.sort_unstable_by(cmp);
        let page: Vec<(i64, f64)> = all.iter().skip(f.offset).map(|x| (x.1, x.0)).collect();
        let mut hits = Vec::with_capacity(page.len());
        {
            let snippet_sql = format!(
                "SELECT {STATEMENT_COLUMNS}, snippet(statements_fts, 0, ?2, ?3, '…', 24) FROM statements_fts
                 JOIN statements s ON s.id = statements_fts.rowid JOIN articles a ON a.id = s.article_id
                 WHERE statements_fts MATCH ?1 AND statements_fts.rowid = ?4"
            );
            let plain_sql =
                format!("SELECT {STATEMENT_COLUMNS}, s.content FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = ?1");
            let mut q = conn.prepare_cached(if words { &snippet_sql } else { &plain_sql })?;
            for (id, rank) in page {
                let row = if words {
                    q.query_row(params![fts, marks.0, marks.1, id], |r| Ok((statement_row(r)?, r.get::<_, String>(23)?)))
                } else {
                    q.query_row([id], |r| Ok((statement_row(r)?, r.get::<_, String>(23)?)))
                };
                if let Some((statement, snippet)) = row.optional()? {
                    hits.push(SearchHit { statement, snippet, rank });
                }
            }
        }
        Ok(SearchResults { hits, total, by_month })
    }

    /// Syndication clusters with at least `min_size` copies, biggest first, each with its size
    /// and its earliest `members` copies (a wire story can run in a thousand outlets).
    pub fn clusters(&self, min_size: usize, limit: usize, members: usize) -> Result<Vec<Cluster>, StoreError> {
        let conn = self.conn();
        let reps: Vec<(i64, i64)> = conn
            .prepare(
                "SELECT cluster, count(*) FROM articles WHERE cluster IS NOT NULL GROUP BY cluster HAVING count(*) >= ?1
                 ORDER BY count(*) DESC, cluster LIMIT ?2",
            )?
            .query_map(params![min_size.max(1) as i64, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut q = conn.prepare(
            "SELECT rowid = cluster, id, name, outlet, published, headline FROM articles WHERE cluster = ?1
             ORDER BY rowid = cluster DESC, coalesce(published, '9999'), id LIMIT ?2",
        )?;
        let mut out = Vec::new();
        for (rep, size) in reps {
            let members: Vec<ClusterMember> =
                q.query_map(params![rep, members.max(1) as i64], |r| member(r, 1))?.collect::<Result<_, _>>()?;
            if let Some(first) = members.first().cloned() {
                out.push(Cluster { representative: first, size: size as usize, members });
            }
        }
        Ok(out)
    }

    /// The syndication cluster an article belongs to (its copies), and the paragraphs it shares
    /// with articles outside it.
    pub fn article_links(&self, article_id: &str) -> Result<(Vec<ClusterMember>, Vec<ParagraphReuse>), StoreError> {
        let conn = self.conn();
        let copies = conn
            .prepare(
                "SELECT b.id, b.name, b.outlet, b.published, b.headline FROM articles a JOIN articles b ON b.cluster = a.cluster
                 WHERE a.id = ?1 AND b.id != a.id ORDER BY coalesce(b.published, '9999'), b.id LIMIT 1000",
            )?
            .query_map([article_id], |r| member(r, 0))?
            .collect::<Result<_, _>>()?;
        let reuse = self.paragraph_reuse(Some(article_id), 1000)?;
        Ok((copies, reuse))
    }

    /// Long paragraphs shared by articles of different clusters: for each pair, the later
    /// article and the earlier one it shares the paragraph with. `article_id` limits it to the
    /// pairs that article is in. (Pairs are found at ingest; a paragraph in more than 20
    /// articles is boilerplate and pairs nothing.)
    pub fn paragraph_reuse(&self, article_id: Option<&str>, limit: usize) -> Result<Vec<ParagraphReuse>, StoreError> {
        let mut q = self.conn().prepare_cached(
            "SELECT a.id, a.name, a.outlet, a.published, a.headline, l.idx, b.id, b.name, b.outlet, b.published, b.headline, l.other_idx
             FROM paragraph_links l JOIN articles a ON a.rowid = l.article JOIN articles b ON b.rowid = l.other
             WHERE coalesce(a.cluster, a.rowid) != coalesce(b.cluster, b.rowid)
               AND (?1 IS NULL OR a.rowid = (SELECT rowid FROM articles WHERE id = ?1) OR b.rowid = (SELECT rowid FROM articles WHERE id = ?1))
             LIMIT ?2",
        )?;
        let rows = q.query_map(params![article_id, (limit * 4) as i64], |r| {
            Ok((member(r, 0)?, r.get::<_, i64>(5)?, member(r, 6)?, r.get::<_, i64>(11)?))
        })?;
        let mut out: Vec<ParagraphReuse> = Vec::new();
        for r in rows {
            let (a, ai, b, bi) = r?;
            // the earlier article is the source, whichever was stored first
            let a_first =
                (a.published.as_deref().unwrap_or("9999"), &a.article_id) < (b.published.as_deref().unwrap_or("9999"), &b.article_id);
            let (article, paragraph, source, source_paragraph) = if a_first { (b, bi, a, ai) } else { (a, ai, b, bi) };
            match out.iter_mut().find(|o| o.article.article_id == article.article_id && o.paragraph == paragraph) {
                Some(o)
                    if (source.published.as_deref().unwrap_or("9999"), &source.article_id)
                        < (o.source.published.as_deref().unwrap_or("9999"), &o.source.article_id) =>
                {
                    *o = ParagraphReuse { article, paragraph, source, source_paragraph }
                }
                Some(_) => {}
                None => out.push(ParagraphReuse { article, paragraph, source, source_paragraph }),
            }
        }
        out.sort_by(|a, b| {
            (&a.article.published, &a.article.article_id, a.paragraph).cmp(&(&b.article.published, &b.article.article_id, b.paragraph))
        });
        out.truncate(limit);
        Ok(out)
    }

    /// Every statement occurrence with its article, in store order, for export.
    pub fn for_each_statement(&self, mut f: impl FnMut(&StatementRow) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut q = self.conn().prepare(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY a.rowid, s.idx"
        ))?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            f(&statement_row(r)?)?;
        }
        Ok(())
    }

    /// Every article's id, name and text, in store order, with its statements; for brat export.
    pub fn for_each_article(
        &self,
        mut f: impl FnMut(&str, &str, &str, &[StatementRow]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare("SELECT id, name, text FROM articles ORDER BY rowid")?;
        let mut st = conn.prepare(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?1 ORDER BY s.idx"
        ))?;
        let mut rows = q.query([])?;
        while let Some(r) = rows.next()? {
            let (id, name, text): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let stmts: Vec<StatementRow> = st.query_map([&id], statement_row)?.collect::<Result<_, _>>()?;
            f(&id, &name, &text, &stmts)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn punctuated_words_become_phrases() {
        assert_eq!(fts_query("all-weather"), "\"all-weather\"");
        assert_eq!(fts_query("china OR \"shared future\" coop*"), "china OR \"shared future\" coop*");
        assert_eq!(fts_query("(a AND b-c)"), "(a AND \"b-c\")");
        assert_eq!(fts_query("\"open"), "\"open");
        assert_eq!(fts_query("<script>alert(1)</script>"), "\"<script>alert(1)</script>\"");
        assert_eq!(fts_query("(a OR b) c"), "(a OR b) c");
    }
}
