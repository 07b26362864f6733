//! The HTML pages: each renders the view its loader in `views` returned. maud escapes every
//! value written with `(...)`; nothing here writes store data unescaped.

use maud::{html, Markup, DOCTYPE};
use onrecord_model::StatementKind;
use onrecord_store::{ArticleDetail, ClusterMember, PhraseTimeline, StatementDetail, StatementRow};
use serde::Serialize;

use crate::chart;
use crate::text::{article_text, marked, speaker_line};
use crate::views::{NameParams, Paging, PhrasesView, SearchParams, SearchView, SpeakerView, SpeakersView};

/// `path?query` with the parameters URL-encoded (absent ones left out).
pub fn link(path: &str, params: &impl Serialize) -> String {
    match serde_urlencoded::to_string(params) {
        Ok(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    }
}

fn speaker_href(name: &str) -> String {
    link("/speaker", &[("name", name)])
}

fn phrase_href(text: &str) -> String {
    link("/phrase", &[("text", text)])
}

fn article_href(id: &str, statement: Option<i64>) -> String {
    match statement {
        Some(s) => format!("/article/{id}#s{s}"),
        None => format!("/article/{id}"),
    }
}

pub fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · onrecord" }
                link rel="stylesheet" href="/static/style.css";
                link rel="icon" href="/static/icon.svg" type="image/svg+xml";
            }
            body {
                header {
                    a.brand href="/" { "onrecord" }
                    nav {
                        a href="/" { "Search" }
                        a href="/speakers" { "Speakers" }
                        a href="/phrases" { "Talking points" }
                    }
                }
                main { (body) }
                footer { "Who said what, on the record. Data: " a href="/api/" { "JSON API" } }
            }
        }
    }
}

pub fn error_page(status: u16, message: &str) -> Markup {
    layout(
        "Error",
        html! {
            h1 { "Error " (status) }
            p.error { (message) }
            p { a href="/" { "Back to search" } }
        },
    )
}

fn date_of(s: &StatementRow) -> &str {
    s.date.as_deref().or(s.published.as_deref()).unwrap_or("undated")
}

/// One statement in a list: date, speaker (linked), the words (or a snippet), where it ran.
fn statement_item(s: &StatementRow, words: Markup) -> Markup {
    html! {
        li.statement {
            div.meta {
                span.date { (date_of(s)) }
                " "
                @if let Some(sp) = &s.speaker {
                    a.speaker href=(speaker_href(sp)) { (sp) }
                } @else {
                    span.speaker.unknown { (s.source.as_deref().unwrap_or("unknown speaker")) }
                }
                @if let Some(role) = &s.speaker_role { span.role { ", " (role) } }
                " "
                span.kind { (s.kind) }
            }
            blockquote { (words) }
            div.where {
                a href=(article_href(&s.article_id, Some(s.id))) { (s.outlet.as_deref().unwrap_or(&s.article_name)) }
                @if let Some(p) = &s.published { " · " (p) }
                @if s.occurrences > 1 {
                    " · " a href={"/statement/" (s.group_id)} { (s.occurrences) " outlets" }
                } @else {
                    " · " a href={"/statement/" (s.id)} { "statement " (s.id) }
                }
                @if !s.about.is_empty() {
                    " · about "
                    @for (i, e) in s.about.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(link("/", &[("about", e.as_str())])) { (e) }
                    }
                }
            }
        }
    }
}

fn pager(page: usize, more: bool, with_page: impl Fn(usize) -> String) -> Markup {
    html! {
        nav.pager {
            @if page > 1 { a rel="prev" href=(with_page(page - 1)) { "← previous" } }
            span { "page " (page) }
            @if more { a rel="next" href=(with_page(page + 1)) { "next →" } }
        }
    }
}

pub fn search(p: &SearchParams, v: &SearchView) -> Markup {
    let kinds: Vec<&str> = StatementKind::ALL.iter().map(|k| k.as_str()).collect();
    let val = |o: &Option<String>| o.clone().unwrap_or_default();
    let title = if v.query.is_empty() { "Search statements".to_string() } else { format!("{} — search", v.query) };
    let more = (v.page * v.per_page) < v.total as usize;
    let with_page = |n: usize| {
        let mut q = p.clone();
        q.paging = Paging { page: Some(n.to_string()), per_page: p.paging.per_page.clone() };
        link("/", &q)
    };
    layout(
        &title,
        html! {
            form.search method="get" action="/" role="search" {
                div.row {
                    input type="search" name="q" value=(val(&p.q)) placeholder="all-weather OR \"shared future\"" aria-label="search query" autofocus;
                    button type="submit" { "Search" }
                }
                div.filters {
                    label { "speaker " input type="text" name="speaker" value=(val(&p.speaker)); }
                    label { "outlet " input type="text" name="outlet" value=(val(&p.outlet)); }
                    label { "about " input type="text" name="about" value=(val(&p.about)) placeholder="country or organisation"; }
                    label { "since " input type="text" name="since" value=(val(&p.since)) placeholder="YYYY-MM-DD" size="10"; }
                    label { "until " input type="text" name="until" value=(val(&p.until)) placeholder="YYYY-MM-DD" size="10"; }
                    label { "kind "
                        select name="kind" {
                            option value="" { "any" }
                            @for k in &kinds {
                                option value=(k) selected[p.kind.as_deref() == Some(*k)] { (k) }
                            }
                        }
                    }
                }
            }
            p.summary {
                @if p.is_empty() { "All statements, newest first: " }
                strong { (v.total) } " statements"
                @if !v.query.is_empty() { " match " code { (v.query) } }
            }
            (chart::monthly(&v.by_month, "Matching statements per month", "statements"))
            ol.results start=((v.page - 1) * v.per_page + 1) {
                @for h in &v.hits {
                    (statement_item(&h.statement, marked(&h.snippet, &h.marks)))
                }
            }
            (pager(v.page, more, with_page))
        },
    )
}

pub fn speakers(v: &SpeakersView) -> Markup {
    let with_page =
        |n: usize| link("/speakers", &NameParams { name: v.name.clone(), paging: Paging { page: Some(n.to_string()), per_page: None } });
    layout(
        "Speakers",
        html! {
            h1 { "Speakers" }
            form method="get" action="/speakers" {
                input type="search" name="name" value=(v.name.clone().unwrap_or_default()) placeholder="name" aria-label="speaker name";
                button type="submit" { "Find" }
            }
            table.list {
                thead { tr { th { "speaker" } th { "role" } th { "affiliation" } th.num { "statements" } th { "first" } th { "last" } } }
                tbody {
                    @for s in &v.speakers {
                        tr {
                            td { a href=(speaker_href(&s.name)) { (s.name) } }
                            td { (s.role.as_deref().unwrap_or("")) }
                            td { (s.affiliation.as_deref().unwrap_or("")) }
                            td.num { (s.occurrences) }
                            td { (s.first.as_deref().unwrap_or("")) }
                            td { (s.last.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
            (pager(v.page, v.speakers.len() == v.per_page, with_page))
        },
    )
}

fn counts(title: &str, rows: &[(String, i64)], href: impl Fn(&str) -> Option<String>) -> Markup {
    html! {
        section.counts {
            h2 { (title) }
            @if rows.is_empty() { p.none { "none" } }
            ul {
                @for (name, n) in rows {
                    li {
                        @if let Some(h) = href(name) { a href=(h) { (name) } } @else { (name) }
                        " " span.n { (n) }
                    }
                }
            }
        }
    }
}

pub fn speaker(v: &SpeakerView) -> Markup {
    let d = &v.detail;
    let s = &d.speaker;
    let more = v.page * v.per_page < d.distinct as usize;
    let with_page = |n: usize| {
        link("/speaker", &NameParams { name: Some(s.name.clone()), paging: Paging { page: Some(n.to_string()), per_page: None } })
    };
    layout(
        &s.name,
        html! {
            h1.speaker-name { (s.name) }
            p.subtitle {
                @if let Some(r) = &s.role { (r) }
                @if let (Some(_), Some(_)) = (&s.role, &s.affiliation) { ", " }
                @if let Some(a) = &s.affiliation { (a) }
                " · " (s.occurrences) " statements reported, " (d.distinct) " distinct"
                @if let (Some(f), Some(l)) = (&s.first, &s.last) { " · " (f) " to " (l) }
            }
            (chart::monthly(&d.by_month, &format!("Statements by {} per month", s.name), "statements"))
            section.roles {
                    h2 { "Roles and affiliations" }
                    table.list {
                        thead { tr { th { "role" } th { "affiliation" } th { "first" } th { "last" } th.num { "n" } } }
                        tbody {
                            @for r in &d.roles {
                                tr {
                                    td { (r.role.as_deref().unwrap_or("")) }
                                    td { (r.affiliation.as_deref().unwrap_or("")) }
                                    td { (r.first.as_deref().unwrap_or("")) }
                                    td { (r.last.as_deref().unwrap_or("")) }
                                    td.num { (r.n) }
                                }
                            }
                        }
                    }
                    @if !d.aliases.is_empty() {
                        p.aliases { "Also written: "
                            @for (i, (a, _)) in d.aliases.iter().enumerate() { @if i > 0 { "; " } (a) }
                        }
                    }
            }
            div.columns {
                (counts("Talking points", &d.phrases, |p| Some(phrase_href(p))))
                (counts("Outlets", &d.outlets, |o| Some(link("/", &[("speaker", s.name.as_str()), ("outlet", o)]))))
            }
            h2 { "Statements" }
            ol.results start=((v.page - 1) * v.per_page + 1) {
                @for st in &d.statements { (statement_item(st, html! { (st.content) })) }
            }
            (pager(v.page, more, with_page))
        },
    )
}

pub fn phrases(v: &PhrasesView) -> Markup {
    layout(
        "Talking points",
        html! {
            h1 { "Talking points" }
            p.subtitle { "Phrases that recur in statements across articles, outlets and months, above what news text uses anyway. In at least " (v.min_articles) " articles." }
            table.list {
                thead { tr { th { "#" } th { "phrase" } th.num { "statements" } th.num { "articles" } th.num { "outlets" } th.num { "speakers" } th { "first" } th { "last" } } }
                tbody {
                    @for (i, p) in v.phrases.iter().enumerate() {
                        tr {
                            td.num { (i + 1) }
                            td {
                                a href=(phrase_href(&p.phrase)) { (p.phrase) }
                                @if !p.variants.is_empty() { div.variants { "also: " (p.variants.join("; ")) } }
                            }
                            td.num { (p.statements) }
                            td.num { (p.articles) }
                            td.num { (p.outlets) }
                            td.num { (p.speakers) }
                            td { (p.first.as_deref().unwrap_or("")) }
                            td { (p.last.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        },
    )
}

pub fn phrase(v: &PhraseTimeline) -> Markup {
    layout(
        &v.phrase,
        html! {
            h1 { "“" (v.forms.first().unwrap_or(&v.phrase)) "”" }
            @if v.forms.len() > 1 { p.variants { "Also written: " (v.forms[1..].join("; ")) } }
            p.subtitle {
                (v.statements) " statements, " (v.occurrences) " occurrences"
                @if let Some(f) = &v.first { " · first seen " (f) }
                @if let Some(l) = &v.last { " · last seen " (l) }
            }
            (chart::monthly(&v.by_month, &format!("“{}” per month", v.phrase), "occurrences"))
            div.columns {
                (counts("Who uses it", &v.by_speaker, |s| Some(speaker_href(s))))
                (counts("Outlets", &v.by_outlet, |_| None))
            }
            h2 { "Earliest statements" }
            ol.results {
                @for st in &v.examples { (statement_item(st, html! { (st.content) })) }
            }
            p { a href=(link("/", &[("q", format!("\"{}\"", v.phrase.replace('"', " ")))])) { "Search for it" } }
        },
    )
}

fn member(m: &ClusterMember) -> Markup {
    html! {
        a href=(article_href(&m.article_id, None)) { (m.headline.as_deref().unwrap_or(&m.name)) }
        " " span.n { (m.outlet.as_deref().unwrap_or("")) " " (m.published.as_deref().unwrap_or("")) }
    }
}

pub fn article(a: &ArticleDetail) -> Markup {
    let title = a.headline.clone().unwrap_or_else(|| a.name.clone());
    layout(
        &title,
        html! {
            h1 { (title) }
            p.subtitle {
                (a.outlet.as_deref().unwrap_or("unknown outlet"))
                @if let Some(d) = &a.dateline { " · " (d) }
                @if let Some(p) = &a.published { " · " (p) }
                " · " (a.statements.len()) " statements"
                @if let Some(u) = &a.url { " · " span.url { (u) } }
            }
            p.legend {
                span.content { "statement" } " " span.cue { "cue" } " " span.source { "source" } " "
                span.who { "→ resolved speaker" } " " span.repeated-key { "repeated paragraph" }
            }
            article.text { (article_text(a)) }
            @if !a.copies.is_empty() {
                section {
                    h2 { "Other copies of this story" }
                    ul { @for m in &a.copies { li { (member(m)) } } }
                }
            }
            @if !a.reuse.is_empty() {
                section {
                    h2 { "Paragraphs shared with other stories" }
                    ul {
                        @for r in &a.reuse {
                            li { "paragraph " (r.paragraph + 1) " of " (member(&r.article)) " repeats paragraph " (r.source_paragraph + 1) " of " (member(&r.source)) }
                        }
                    }
                }
            }
        },
    )
}

pub fn statement(d: &StatementDetail) -> Markup {
    let s = &d.statement;
    layout(
        &format!("Statement {}", s.id),
        html! {
            h1 { "Statement " (s.id) }
            p.subtitle {
                @if let Some(sp) = &s.speaker { a href=(speaker_href(sp)) { (speaker_line(s)) } } @else { (speaker_line(s)) }
                " · " (s.kind) " · " (date_of(s))
            }
            blockquote.big { (s.content) }
            h2 { (d.occurrences.len()) " occurrences" }
            table.list {
                thead { tr { th { "date" } th { "outlet" } th { "article" } th { "as carried" } } }
                tbody {
                    @for o in &d.occurrences {
                        tr {
                            td { (o.date.as_deref().or(o.published.as_deref()).unwrap_or("")) }
                            td { (o.outlet.as_deref().unwrap_or("")) }
                            td { a href=(article_href(&o.article_id, Some(o.statement_id))) { (o.article_name) } }
                            td.words { (o.content) }
                        }
                    }
                }
            }
        },
    )
}
