//! End-to-end tests of the `onrecord` binary on files the tests write themselves.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::write::GzEncoder;
use flate2::Compression;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn docs(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// A news story of `n` paragraphs that differ by `tag`, long enough for HTML extraction.
fn story(tag: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("The minister said on Monday that the {tag} plan number {i} would bring new roads, schools and clinics to the province within two years, according to officials."))
        .collect()
}

fn html_page(tag: &str) -> String {
    let paras: String = story(tag, 6).iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{tag} plan</title>\
         <meta property=\"og:site_name\" content=\"Example Times\">\
         <meta property=\"article:published_time\" content=\"2023-01-04T08:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{tag} plan</h1>\n{paras}</article><footer>Copyright Example Times</footer></body></html>"
    )
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn warc_record(uri: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-01-04T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(body: &str, content_type: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A CC-NEWS style WARC: one gzip member per record, HTML pages among other records.
fn warc_gz(pages: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend(gz(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2023-01-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/warc-fields\r\nContent-Length: 14\r\n\r\nsoftware: test\r\n\r\n"));
    for (uri, html) in pages {
        out.extend(gz(&warc_record(uri, &http_response(html, "text/html; charset=utf-8"))));
    }
    out.extend(gz(&warc_record("http://example.com/logo.png", &http_response("\u{89}PNG", "image/png"))));
    out
}

#[test]
fn every_input_format_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plain.txt"), story("txt", 3).join("\n\n")).unwrap();
    let line = |id: &str, text: String| {
        serde_json::json!({"id": id, "maintext": text, "title": "T", "date_publish": "2020-06-04 10:00:00", "source_domain": "example.com"})
            .to_string()
    };
    std::fs::write(
        d.join("dump.jsonl"),
        format!("{}\n\n{}\n", line("j1", story("jsonl-a", 2).join("\n\n")), line("j2", story("jsonl-b", 2).join("\n\n"))),
    )
    .unwrap();
    std::fs::write(d.join("dump2.jsonl.gz"), gz(line("g1", story("gz", 2).join("\n\n")).as_bytes())).unwrap();
    std::fs::write(d.join("page.html"), html_page("html")).unwrap();
    std::fs::write(
        d.join("crawl.warc.gz"),
        warc_gz(&[("http://example.com/a", html_page("warc-a")), ("http://example.com/b", html_page("warc-b"))]),
    )
    .unwrap();
    std::fs::write(d.join("notes.md"), "not news").unwrap(); // ignored inside folders

    let o = run(&["extract", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = docs(&o);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["http://example.com/a", "http://example.com/b", "j1", "j2", "g1", "page", "plain"], "{}", stderr(&o));
    let j1 = &got[2];
    assert_eq!(j1["meta"]["published"], "2020-06-04");
    assert_eq!(j1["meta"]["outlet"], "example.com");
    assert_eq!(j1["meta"]["headline"], "T");
    let page = &got[5];
    assert!(page["text"].as_str().unwrap().contains("html plan number 5"));
    assert!(!page["text"].as_str().unwrap().contains("Copyright"), "boilerplate kept: {}", page["text"]);
    assert_eq!(got[0]["meta"]["url"], "http://example.com/a");
    assert_eq!(got[0]["meta"]["published"], "2023-01-04");

    // standard input, sniffed
    let mut child = bin().args(["extract", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(line("s1", "Plain text from a pipe, he said.".into()).as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(docs(&o)[0]["id"], "s1");
}

#[test]
fn field_overrides_pick_other_json_names() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.jsonl");
    std::fs::write(&f, r#"{"body": {"words": "Text in a nested field."}, "pub": "4th Jun, 2020"}"#).unwrap();
    let o = run(&["extract", f.to_str().unwrap()]);
    assert!(stderr(&o).contains("no text"), "{}", stderr(&o));
    let o = run(&["extract", "--field", "text=body.words", "--field", "date=pub", f.to_str().unwrap()]);
    let d = docs(&o);
    assert_eq!(d[0]["text"], "Text in a nested field.");
    assert_eq!(d[0]["meta"]["published"], "2020-06-04");
    let o = run(&["extract", "--field", "colour=red", f.to_str().unwrap()]);
    assert!(!o.status.success());
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a_good.txt"), "A good article, he said.").unwrap();
    std::fs::write(d.join("b_invalid.txt"), b"Caf\xe9 au lait\n").unwrap();
    std::fs::write(d.join("c_binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00").unwrap();
    std::fs::write(d.join("d_empty.txt"), b"").unwrap();
    let full = gz(format!("{}\n", serde_json::json!({"text": "x ".repeat(5000)})).as_bytes());
    std::fs::write(d.join("e_truncated.jsonl.gz"), &full[..full.len() / 2]).unwrap();
    let w = warc_gz(&[("http://example.com/a", html_page("kept")), ("http://example.com/b", html_page("lost"))]);
    std::fs::write(d.join("f_truncated.warc.gz"), &w[..w.len() - 200]).unwrap();
    std::fs::write(d.join("g_noarticle.html"), "<html><body><nav>Home</nav></body></html>").unwrap();
    std::fs::write(
        d.join("h_hostile.html"),
        format!("<html><body>{}<script>alert(1)</script>{}</body></html>", "<div>".repeat(5000), "<p>&#0;&#xD800;</p>".repeat(100)),
    )
    .unwrap();
    // a 200 MB single line, never held in memory whole
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(d.join("i_huge.jsonl")).unwrap());
        f.write_all(b"{\"text\": \"").unwrap();
        let chunk = "word ".repeat(1 << 16);
        for _ in 0..(200 << 20) / chunk.len() {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        f.write_all(b"\"}\n{\"text\": \"After the huge line, she said.\"}\nnot json at all\n").unwrap();
    }
    std::fs::write(d.join("z_good.txt"), "Another good article.").unwrap();

    let o = run(&["extract", d.to_str().unwrap()]);
    let err = stderr(&o);
    let got: Vec<String> = docs(&o).iter().map(|v| v["id"].as_str().unwrap().to_string()).collect();
    assert!(got.contains(&"a_good".to_string()) && got.contains(&"z_good".to_string()), "{got:?}");
    assert!(got.contains(&"http://example.com/a".to_string()), "records before the cut are kept: {got:?} {err}");
    assert!(got.contains(&"i_huge-2".to_string()), "the line after the huge one is read: {got:?}");
    for (file, reason) in [
        ("b_invalid.txt", "invalid UTF-8 at byte 3"),
        ("c_binary.txt", "binary"),
        ("d_empty.txt", "empty"),
        ("e_truncated.jsonl.gz", "truncated or corrupt gzip"),
        ("f_truncated.warc.gz", "WARC"),
        ("g_noarticle.html", "no article"),
        ("i_huge.jsonl:1", "document limit"),
        ("i_huge.jsonl:3", "not JSON"),
    ] {
        assert!(err.lines().any(|l| l.contains(file) && l.contains(reason)), "no message for {file} ({reason}) in:\n{err}");
    }
    assert!(o.status.success(), "without --strict, failures are reported but the run succeeds");
    assert!(err.contains("failed"), "summary line: {err}");

    let o = run(&["extract", "--strict", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "--strict makes failures an error exit");

    let o = run(&["extract", d.join("nope.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "nothing read and a failure: error exit");
    assert!(stderr(&o).contains("nope.txt"));
}

#[test]
fn seeds_metadata_and_repeated_paragraphs() {
    let o = run(&["extract", seeds().to_str().unwrap()]);
    assert!(o.status.success());
    let d = docs(&o);
    assert_eq!(d.len(), 3);
    let meta: Vec<(String, String, String)> = d
        .iter()
        .map(|v| (v["meta"]["dateline"].to_string(), v["meta"]["outlet"].to_string(), v["meta"]["published"].to_string()))
        .collect();
    assert_eq!(meta[0], ("\"BEIJING\"".into(), "\"UrduPoint / Pakistan Point News\"".into(), "\"2020-06-04\"".into()));
    assert_eq!(meta[1], ("\"BEIJING\"".into(), "null".into(), "\"2020-05-17\"".into()));
    assert_eq!(meta[2], ("\"BEIJING\"".into(), "\"UrduPoint / Pakistan Point News\"".into(), "\"2023-01-04\"".into()));
    assert_eq!(
        d[2]["meta"]["headline"],
        "China Ready To Work With Pakistan For Building Even Closer Community With Shared Future: Mao Ning"
    );
    assert_eq!(d[0]["meta"]["headline"], serde_json::Value::Null);
    // offsets are code points into the text as read
    let rep: Vec<(u64, u64)> =
        d[2]["repeated"].as_array().unwrap().iter().map(|r| (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap())).collect();
    assert_eq!(rep, [(99, 196), (198, 471)]);
    let text: Vec<char> = d[2]["text"].as_str().unwrap().chars().collect();
    let first: String = text[99..196].iter().collect();
    assert!(first.starts_with("China ready to work"));
    // no statement comes from a repeated paragraph
    for st in d[2]["statements"].as_array().unwrap() {
        let s = st["content"]["start"].as_u64().unwrap();
        assert!(!rep.iter().any(|&(a, b)| a <= s && s < b), "statement in a repeated paragraph: {st}");
    }
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn ingesting_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&["ingest", seeds().to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let snapshot = |db: &Path| {
        (
            count(db, "SELECT count(*) FROM articles"),
            count(db, "SELECT count(*) FROM statements"),
            count(db, "SELECT count(*) FROM paragraphs WHERE repeat_of IS NOT NULL"),
            count(db, "SELECT sum(length(text)) FROM articles"),
        )
    };
    let first = snapshot(&db);
    assert_eq!(first.0, 3);
    assert_eq!(first.2, 2, "both repeated paragraphs of 003 are stored as repeats");
    assert!(first.1 > 0);
    let o = run(&["ingest", seeds().to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(stderr(&o).contains("0 new articles stored (3 already there)"), "{}", stderr(&o));
    assert_eq!(snapshot(&db), first);
    let dateline =
        count(&db, "SELECT count(*) FROM articles WHERE dateline = 'BEIJING' AND published IN ('2020-06-04','2020-05-17','2023-01-04')");
    assert_eq!(dateline, 3);
    // the full-text index answers
    assert!(count(&db, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'pandemic'") > 0);
}

#[test]
fn a_killed_ingest_loses_nothing_on_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&corpus).unwrap());
        for i in 0..20_000 {
            let text = format!(
                "Official number {i} said on Monday that plan {i} was ready. \"We will finish plan {i} this year,\" he added.\n\n{}",
                story(&format!("p{i}"), 3).join("\n\n")
            );
            writeln!(f, "{}", serde_json::json!({"id": format!("doc{i}"), "text": text})).unwrap();
        }
    }
    let db = dir.path().join("k.db");
    let mut child = bin()
        .args(["ingest", corpus.to_str().unwrap(), "--db", db.to_str().unwrap(), "--batch-size", "50", "--commit-every", "50", "--quiet"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until some batches have landed, then kill it mid-run
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let n = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)).ok())
            .unwrap_or(0);
        if n >= 100 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = count(&db, "SELECT count(*) FROM articles");
    assert!(partial > 0 && partial < 20_000, "killed mid-run: {partial}");
    assert_eq!(partial % 50, 0, "only whole batches land");

    let o = run(&["ingest", corpus.to_str().unwrap(), "--db", db.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 20_000);
    assert_eq!(count(&db, "SELECT count(DISTINCT id) FROM articles"), 20_000);
    // the same store as one uninterrupted run
    let fresh = dir.path().join("fresh.db");
    run(&["ingest", corpus.to_str().unwrap(), "--db", fresh.to_str().unwrap(), "--quiet"]);
    assert_eq!(count(&db, "SELECT count(*) FROM statements"), count(&fresh, "SELECT count(*) FROM statements"));
    assert_eq!(count(&db, "SELECT count(*) FROM paragraphs"), count(&fresh, "SELECT count(*) FROM paragraphs"));
}

#[test]
fn help_and_version_read_well() {
    let o = run(&["--help"]);
    let out = String::from_utf8_lossy(&o.stdout);
    for cmd in ["ingest", "extract", "statements", "bench"] {
        assert!(out.contains(cmd), "{out}");
    }
    let o = run(&["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("onrecord "));
}
