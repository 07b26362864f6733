//! The query commands: each prints a readable table by default and JSON with `--json`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use onrecord_store::{ClusterMember, StatementFilter, StatementRow, Store};
use serde_json::{json, Value};

fn out() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// One line of text for a table cell: whitespace folded, cut at `n` characters.
pub fn ellipsis(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

pub fn statement_json(r: &StatementRow) -> Value {
    json!({
        "id": r.id, "group": r.group_id, "occurrences": r.occurrences,
        "article": r.article_name, "article_id": r.article_id, "outlet": r.outlet, "published": r.published,
        "date": r.date, "type": r.kind, "speaker": r.speaker, "role": r.speaker_role, "affiliation": r.speaker_affiliation,
        "source": r.source, "cue": r.cue, "content": r.content, "start": r.content_start, "end": r.content_end,
        "about": r.about, "confidence": r.confidence,
    })
}

fn statement_line(r: &StatementRow) -> String {
    let who = r.speaker.as_deref().unwrap_or("?");
    let role = r.speaker_role.as_deref().map(|x| format!(" ({x})")).unwrap_or_default();
    let copies = if r.occurrences > 1 { format!(" [{} copies]", r.occurrences) } else { String::new() };
    format!(
        "{:>7}  {}  {:<10} {}{}: {}{}",
        r.id,
        r.date.as_deref().or(r.published.as_deref()).unwrap_or("----------"),
        r.kind,
        who,
        role,
        ellipsis(&r.content, 120),
        copies
    )
}

pub fn statements(store: &Store, f: &StatementFilter, json: bool) -> Result<ExitCode> {
    let rows = store.statements(f)?;
    let mut o = out();
    for r in &rows {
        if json {
            writeln!(o, "{}", statement_json(r))?;
        } else {
            writeln!(o, "{}", statement_line(r))?;
        }
    }
    if !json {
        writeln!(o, "-- {} statements{}", rows.len(), if f.occurrences { " (every copy)" } else { "" })?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn statement(store: &Store, id: i64, json: bool) -> Result<ExitCode> {
    let Some(d) = store.statement(id)? else {
        anyhow::bail!("no statement with id {id}");
    };
    let mut o = out();
    if json {
        let occ: Vec<Value> = d
            .occurrences
            .iter()
            .map(|x| json!({"id": x.statement_id, "article": x.article_name, "article_id": x.article_id, "outlet": x.outlet, "published": x.published, "date": x.date, "content": x.content}))
            .collect();
        let mut v = statement_json(&d.statement);
        v["occurrence_list"] = Value::Array(occ);
        writeln!(o, "{v}")?;
    } else {
        writeln!(o, "{}", statement_line(&d.statement))?;
        writeln!(o, "\n{} occurrences:", d.occurrences.len())?;
        for x in &d.occurrences {
            writeln!(
                o,
                "  {}  {:<32} {}  {}",
                x.date.as_deref().or(x.published.as_deref()).unwrap_or("----------"),
                ellipsis(x.outlet.as_deref().unwrap_or("-"), 32),
                x.article_name,
                ellipsis(&x.content, 70)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn speakers(store: &Store, name: Option<&str>, limit: usize, json: bool) -> Result<ExitCode> {
    let rows = store.speakers(name, limit, 0)?;
    let mut o = out();
    if !json {
        writeln!(o, "{:<32} {:>6}  {:<10}  {:<10}  role, affiliation", "speaker", "stmts", "first", "last")?;
    }
    for s in &rows {
        if json {
            writeln!(
                o,
                "{}",
                json!({"key": s.key, "name": s.name, "occurrences": s.occurrences, "first": s.first, "last": s.last, "role": s.role, "affiliation": s.affiliation})
            )?;
        } else {
            let ra = [s.role.as_deref(), s.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            writeln!(
                o,
                "{:<32} {:>6}  {:<10}  {:<10}  {}",
                ellipsis(&s.name, 32),
                s.occurrences,
                s.first.as_deref().unwrap_or("-"),
                s.last.as_deref().unwrap_or("-"),
                ra
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn pairs(v: &[(String, i64)]) -> Value {
    Value::Array(v.iter().map(|(k, n)| json!([k, n])).collect())
}

pub fn speaker(store: &Store, name: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let Some(d) = store.speaker(name, limit, 0)? else {
        anyhow::bail!("no speaker matches {name:?} (try `onrecord speakers --name ...`)");
    };
    let mut o = out();
    if json {
        let v = json!({
            "key": d.speaker.key, "name": d.speaker.name, "occurrences": d.speaker.occurrences,
            "first": d.speaker.first, "last": d.speaker.last,
            "aliases": pairs(&d.aliases),
            "roles": d.roles.iter().map(|r| json!({"role": r.role, "affiliation": r.affiliation, "first": r.first, "last": r.last, "n": r.n})).collect::<Vec<_>>(),
            "by_month": pairs(&d.by_month), "outlets": pairs(&d.outlets), "phrases": pairs(&d.phrases),
            "statements": d.statements.iter().map(statement_json).collect::<Vec<_>>(),
        });
        writeln!(o, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = &d.speaker;
    writeln!(
        o,
        "{}  ({} statements, {} to {})",
        s.name,
        s.occurrences,
        s.first.as_deref().unwrap_or("?"),
        s.last.as_deref().unwrap_or("?")
    )?;
    if !d.aliases.is_empty() {
        writeln!(o, "aliases: {}", d.aliases.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>().join("; "))?;
    }
    for r in &d.roles {
        let ra = [r.role.as_deref(), r.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        writeln!(o, "role: {ra}  ({} to {}, {}×)", r.first.as_deref().unwrap_or("?"), r.last.as_deref().unwrap_or("?"), r.n)?;
    }
    if !d.outlets.is_empty() {
        writeln!(o, "outlets: {}", d.outlets.iter().take(10).map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join(", "))?;
    }
    if !d.phrases.is_empty() {
        writeln!(o, "talking points: {}", d.phrases.iter().map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join("; "))?;
    }
    writeln!(o)?;
    for r in &d.statements {
        writeln!(o, "{}", statement_line(r))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn phrases(store: &Store, min_articles: usize, limit: usize, json: bool) -> Result<ExitCode> {
    let rows = store.phrases(min_articles, limit)?;
    let mut o = out();
    if !json {
        writeln!(
            o,
            "{:>3}  {:<48} {:>6} {:>6} {:>6} {:>8}  {:<10}  {:<10}",
            "#", "phrase", "stmts", "arts", "outlets", "speakers", "first", "last"
        )?;
    }
    for (i, p) in rows.iter().enumerate() {
        if json {
            writeln!(
                o,
                "{}",
                json!({
                    "rank": i + 1, "phrase": p.phrase, "variants": p.variants, "score": p.score,
                    "statements": p.statements, "occurrences": p.occurrences, "articles": p.articles, "outlets": p.outlets,
                    "speakers": p.speakers, "first": p.first, "last": p.last,
                    "by_month": pairs(&p.by_month), "by_speaker": pairs(&p.by_speaker), "by_outlet": pairs(&p.by_outlet),
                })
            )?;
        } else {
            writeln!(
                o,
                "{:>3}  {:<48} {:>6} {:>6} {:>6} {:>8}  {:<10}  {:<10}",
                i + 1,
                ellipsis(&p.phrase, 48),
                p.statements,
                p.articles,
                p.outlets,
                p.speakers,
                p.first.as_deref().unwrap_or("-"),
                p.last.as_deref().unwrap_or("-")
            )?;
            if !p.variants.is_empty() {
                writeln!(o, "     also: {}", ellipsis(&p.variants.join("; "), 100))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn phrase(store: &Store, text: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let t = store.phrase(text, limit)?;
    let mut o = out();
    if json {
        let v = json!({
            "phrase": t.phrase, "statements": t.statements, "occurrences": t.occurrences, "first": t.first, "last": t.last,
            "by_month": pairs(&t.by_month), "by_speaker": pairs(&t.by_speaker), "by_outlet": pairs(&t.by_outlet),
            "examples": t.examples.iter().map(statement_json).collect::<Vec<_>>(),
        });
        writeln!(o, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{:?}: {} statements, {} occurrences, {} to {}",
        t.phrase,
        t.statements,
        t.occurrences,
        t.first.as_deref().unwrap_or("?"),
        t.last.as_deref().unwrap_or("?")
    )?;
    let max = t.by_month.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    for (m, n) in &t.by_month {
        let bar = "█".repeat(((*n as f64 / max as f64) * 40.0).ceil() as usize);
        writeln!(o, "  {m}  {n:>6}  {bar}")?;
    }
    if !t.by_speaker.is_empty() {
        writeln!(o, "speakers: {}", t.by_speaker.iter().take(10).map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join(", "))?;
    }
    if !t.by_outlet.is_empty() {
        writeln!(o, "outlets: {}", t.by_outlet.iter().take(10).map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join(", "))?;
    }
    for r in &t.examples {
        writeln!(o, "{}", statement_line(r))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(store: &Store, query: &str, limit: usize, offset: usize, json: bool) -> Result<ExitCode> {
    let hits = store.search(query, limit, offset)?;
    let mut o = out();
    for h in &hits {
        if json {
            let mut v = statement_json(&h.statement);
            v["snippet"] = json!(h.snippet);
            v["rank"] = json!(h.rank);
            writeln!(o, "{v}")?;
        } else {
            let r = &h.statement;
            writeln!(
                o,
                "{:>7}  {}  {}: {}",
                r.id,
                r.date.as_deref().or(r.published.as_deref()).unwrap_or("----------"),
                r.speaker.as_deref().unwrap_or("?"),
                ellipsis(&h.snippet, 140)
            )?;
        }
    }
    if !json {
        writeln!(o, "-- {} results", hits.len())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn member_json(m: &ClusterMember) -> Value {
    json!({"article_id": m.article_id, "name": m.name, "outlet": m.outlet, "published": m.published, "headline": m.headline})
}

pub fn clusters(store: &Store, min_size: usize, limit: usize, members: usize, json: bool) -> Result<ExitCode> {
    let cs = store.clusters(min_size, limit, members)?;
    let reuse = store.paragraph_reuse(None, limit)?;
    let mut o = out();
    if json {
        for c in &cs {
            writeln!(
                o,
                "{}",
                json!({"representative": member_json(&c.representative), "size": c.size, "members": c.members.iter().map(member_json).collect::<Vec<_>>()})
            )?;
        }
        for r in &reuse {
            writeln!(
                o,
                "{}",
                json!({"reuse": {"article": member_json(&r.article), "paragraph": r.paragraph, "source": member_json(&r.source), "source_paragraph": r.source_paragraph}})
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let line = |m: &ClusterMember| {
        format!(
            "{}  {:<32} {}",
            m.published.as_deref().unwrap_or("----------"),
            ellipsis(m.outlet.as_deref().unwrap_or("-"), 32),
            ellipsis(m.headline.as_deref().unwrap_or(&m.name), 70)
        )
    };
    for c in &cs {
        writeln!(o, "{} copies of: {}", c.size, line(&c.representative))?;
        for m in c.members.iter().skip(1) {
            writeln!(o, "    {}", line(m))?;
        }
        if c.size > c.members.len() {
            writeln!(o, "    ... and {} more (--members N shows more)", c.size - c.members.len())?;
        }
    }
    writeln!(o, "-- {} clusters with {}+ copies", cs.len(), min_size)?;
    for r in &reuse {
        writeln!(o, "paragraph {} of {} is paragraph {} of {}", r.paragraph + 1, r.article.name, r.source_paragraph + 1, r.source.name)?;
    }
    Ok(ExitCode::SUCCESS)
}
