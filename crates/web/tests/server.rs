//! `onrecord serve` end to end: a store made here from the bundled example articles and a
//! hostile one, the server started on a free loopback port, every page and API route asked
//! for over real HTTP.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;

mod common;

use common::{Server, HOSTILE_NAME};
use serde_json::Value;

/// One server for the whole test binary.
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(common::start)
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A GET over a fresh connection; `path` is sent as given (already encoded).
fn get(path: &str) -> Reply {
    let mut s = TcpStream::connect(server().addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    Reply { status, headers, body: body.to_string() }
}

/// An HTML page: the status asked for, the security headers, and nothing a browser would run.
fn page(path: &str, status: u16) -> String {
    let r = get(path);
    assert_eq!(r.status, status, "{path}: {}", r.body);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"), "{path}");
    let csp = r.header("content-security-policy").expect("CSP header");
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let lower = r.body.to_lowercase();
    assert!(
        !lower.contains("<script") && !lower.contains("<img") && !lower.contains("<b>") && !lower.contains("<i>"),
        "{path}: live markup from data:\n{}",
        r.body
    );
    r.body
}

fn api(path: &str, status: u16) -> Value {
    let r = get(path);
    assert_eq!(r.status, status, "{path}: {}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"), "{path}");
    r.json()
}

fn first_statement_of(speaker: &str) -> Value {
    let v = api(&format!("/api/speaker?name={}", speaker.replace(' ', "%20")), 200);
    v["statements"][0].clone()
}

#[test]
fn search_finds_highlights_and_charts() {
    let html = page("/?q=all-weather", 200);
    assert!(html.contains("<mark>all-weather</mark>"), "{html}");
    assert!(html.contains("<svg") && html.contains("class=\"bar\""), "a chart with bars");
    assert!(html.contains("Zhao Lijian") && html.contains("Mao Ning"));
    let v = api("/api/search?q=all-weather", 200);
    assert_eq!(v["total"], 3);
    let hit = &v["hits"][0];
    let (snippet, marks) = (hit["snippet"].as_str().unwrap(), hit["marks"][0].as_array().unwrap());
    let (a, b) = (marks[0].as_u64().unwrap() as usize, marks[1].as_u64().unwrap() as usize);
    assert_eq!(snippet.chars().skip(a).take(b - a).collect::<String>().to_lowercase(), "all-weather");
    let months: Vec<&str> = v["by_month"].as_array().unwrap().iter().map(|m| m[0].as_str().unwrap()).collect();
    assert_eq!(months, ["2020-06", "2023-01"]);
}

#[test]
fn search_filters_narrow_the_results() {
    let all = api("/api/search?q=Pakistan", 200)["total"].as_i64().unwrap();
    let by_mao = api("/api/search?q=Pakistan&speaker=Mao", 200);
    let n = by_mao["total"].as_i64().unwrap();
    assert!(n > 0 && n < all, "{n} of {all}");
    assert!(by_mao["hits"].as_array().unwrap().iter().all(|h| h["statement"]["speaker"] == "Mao Ning"));
    let dated = api("/api/search?q=Pakistan&since=2023-01&until=2023-01-31", 200);
    assert_eq!(dated["total"].as_i64().unwrap(), n, "only 003 is from January 2023, and Mao Ning speaks in it");
    let about = api("/api/search?about=Senate%20of%20Pakistan", 200);
    assert!(about["total"].as_i64().unwrap() >= 1);
    assert!(about["hits"][0]["statement"]["about"].as_array().unwrap().iter().any(|e| e == "Senate of Pakistan"));
    let direct = api("/api/search?kind=direct&outlet=Gwadar", 200);
    assert!(direct["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["statement"]["kind"] == "direct" && h["statement"]["outlet"] == "Gwadar Pro"));
    // no query, no filter: everything, newest first, paged
    let p1 = api("/api/search?per_page=5", 200);
    let p2 = api("/api/search?per_page=5&page=2", 200);
    assert_eq!(p1["hits"].as_array().unwrap().len(), 5);
    assert_ne!(p1["hits"][0]["statement"]["id"], p2["hits"][0]["statement"]["id"]);
    assert!(p1["hits"][0]["statement"]["published"].as_str() >= p1["hits"][4]["statement"]["published"].as_str());
}

#[test]
fn speaker_page_has_roles_chart_talking_points_and_statements() {
    let html = page("/speaker?name=Zhao%20Lijian", 200);
    assert!(html.contains("<h1 class=\"speaker-name\">Zhao Lijian</h1>"), "{html}");
    assert!(html.contains("spokesperson") && html.contains("Chinese Foreign Ministry"));
    assert!(html.contains("class=\"bar\"") && html.contains("2020-05") && html.contains("2020-06"), "monthly chart");
    assert!(html.contains("/article/"), "statements link to their articles");
    let v = api("/api/speaker?name=zhao", 200);
    assert_eq!(v["speaker"]["name"], "Zhao Lijian");
    let dates: Vec<&str> = v["statements"].as_array().unwrap().iter().filter_map(|s| s["date"].as_str()).collect();
    assert!(dates.contains(&"2020-05-17") && dates.contains(&"2020-06-04"), "{dates:?}");
    page("/speakers", 200);
    assert!(api("/api/speakers?name=mao", 200)["speakers"][0]["name"] == "Mao Ning");
}

#[test]
fn talking_point_pages() {
    let html = page("/phrases", 200);
    assert!(html.contains("all-weather strategic cooperative partner"), "{html}");
    let v = api("/api/phrases", 200);
    // here 000 and 003 are both UrduPoint's, so the partners phrase spreads over one outlet and
    // may rank below a phrase two outlets carried: in the top three, not the top two
    let top: Vec<&str> = v["phrases"].as_array().unwrap().iter().take(3).map(|p| p["phrase"].as_str().unwrap()).collect();
    assert!(top.iter().any(|p| p.contains("shared future")) && top.iter().any(|p| p.contains("all-weather")), "{top:?}");
    let html = page("/phrase?text=all-weather%20strategic%20cooperative%20partners", 200);
    assert!(html.contains("class=\"bar\"") && html.contains("Who uses it"));
    let v = api("/api/phrase?text=community%20of%20shared%20future", 200);
    assert!(v["statements"].as_i64().unwrap() >= 2);
    assert_eq!(v["first"], "2020-05-17");
    assert!(!v["by_month"].as_array().unwrap().is_empty() && !v["by_speaker"].as_array().unwrap().is_empty());
    api("/api/phrase?text=nothing%20anybody%20ever%20said%20here", 404);
}

#[test]
fn article_page_marks_statements_and_repeats() {
    let zhao = first_statement_of("Zhao Lijian");
    let id = zhao["article_id"].as_str().unwrap();
    let html = page(&format!("/article/{id}"), 200);
    assert!(html.contains("class=\"content k-"), "statements marked");
    assert!(html.contains("class=\"cue\"") && html.contains("class=\"source\""));
    assert!(html.contains("→ Zhao Lijian") || html.contains("title=\"Zhao Lijian"), "the resolved speaker is shown");
    let v = api(&format!("/api/article/{id}"), 200);
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let s = &v["statements"][0];
    let (a, b) = (s["content_start"].as_u64().unwrap() as usize, s["content_end"].as_u64().unwrap() as usize);
    assert_eq!(text[a..b].iter().collect::<String>(), s["content"].as_str().unwrap(), "offsets are code points into text");
    // one of the examples pastes its lead twice: that article's repeat is greyed
    let all = api("/api/search?per_page=100", 200);
    let mut ids: Vec<&str> = all["hits"].as_array().unwrap().iter().map(|h| h["statement"]["article_id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    let repeats: Vec<&&str> = ids
        .iter()
        .filter(|id| api(&format!("/api/article/{id}"), 200)["paragraphs"].as_array().unwrap().iter().any(|p| !p["repeat_of"].is_null()))
        .collect();
    assert_eq!(repeats.len(), 1, "{ids:?}");
    assert!(page(&format!("/article/{}", repeats[0]), 200).contains("<p class=\"repeated\""));
}

#[test]
fn statement_page_lists_occurrences() {
    let zhao = first_statement_of("Zhao Lijian");
    let id = zhao["id"].as_i64().unwrap();
    let html = page(&format!("/statement/{id}"), 200);
    assert!(html.contains("occurrences") && html.contains("Zhao Lijian"));
    let v = api(&format!("/api/statement/{id}"), 200);
    assert_eq!(v["statement"]["id"], id);
    assert!(!v["occurrences"].as_array().unwrap().is_empty());
}

#[test]
fn hostile_data_is_rendered_inert() {
    let s = server();
    let html = page(&format!("/article/{}", s.hostile_article), 200);
    assert!(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
    // the speaker's name: markup shown as text, quotes escaped in attributes, the entity kept literally
    assert!(html.contains("Zoë &quot;&lt;b&gt;Boss&lt;/b&gt;&quot; O'Neil &amp;amp; Sons"), "{html}");
    let name = "Zo%C3%AB%20%22%3Cb%3EBoss%3C%2Fb%3E%22%20O'Neil%20%26amp%3B%20Sons";
    let sp = page(&format!("/speaker?name={name}"), 200);
    assert!(sp.contains("&lt;i&gt;leader&lt;/i&gt;"), "{sp}");
    let v = api(&format!("/api/speaker?name={name}"), 200);
    assert_eq!(v["speaker"]["name"], HOSTILE_NAME, "JSON carries the name exactly");
    let found = page("/?q=night%20shift", 200);
    assert!(
        found.contains("Harbour &lt;Gazette&gt; &amp; &quot;Post&quot;") || found.contains("Harbour &lt;Gazette&gt; &amp; \"Post\""),
        "{found}"
    );
    // links built from data are encoded, never broken out of
    assert!(found.contains("/speaker?name=Zo%C3%AB+%22%3Cb%3EBoss%3C%2Fb%3E%22+O%27Neil+%26amp%3B+Sons"), "{found}");
    page("/article/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404);
    page("/?q=%3Cscript%3Ealert(1)%3C/script%3E", 200);
    page("/speaker?name=%3Cscript%3E", 404);
}

#[test]
fn bad_requests_get_clear_messages_not_500s() {
    for (path, status, says) in [
        ("/?since=yesterday", 400, "since must be a date"),
        ("/?q=%22open", 400, "cannot read the search query"),
        ("/?q=AND", 400, "cannot read the search query"),
        ("/?page=0", 400, "page must be a whole number"),
        ("/?per_page=100000", 400, "per_page must be a whole number"),
        ("/?kind=shouted", 400, "kind must be one of"),
        ("/speaker", 400, "name is missing"),
        ("/phrase", 400, "text is missing"),
        ("/statement/abc", 404, "ids are numbers"),
        ("/statement/99999999", 404, "no statement"),
        ("/article/0123456789abcdef", 404, "no article"),
        ("/nowhere", 404, "nothing at /"),
    ] {
        let html = page(path, status);
        assert!(html.contains(says), "{path}: {html}");
        let api_path = if path.starts_with("/?") { path.replacen("/?", "/api/search?", 1) } else { format!("/api{path}") };
        let v = api(&api_path, status);
        assert!(v["error"].as_str().unwrap().contains(says), "{api_path}: {v}");
    }
    let long = "a".repeat(600);
    page(&format!("/?q={long}"), 400);
    assert!(api("/api/", 200)["routes"].as_array().unwrap().len() >= 7);
    let css = get("/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
}
