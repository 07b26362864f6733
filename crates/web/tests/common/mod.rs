//! The store and server the web tests share: the bundled example articles and one hostile
//! article, served on a free loopback port.

// each test binary uses part of this module
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;

use onrecord_engine::ingest::{Body, Fields, RawDocument};
use onrecord_model::Speaker;
use onrecord_store::{LinkConfig, Store};

/// A speaker's name as hostile data: markup, both quote marks, an entity.
pub const HOSTILE_NAME: &str = "Zoë \"<b>Boss</b>\" O'Neil &amp; Sons";

/// An article whose text tries markup, script and attribute injection.
const HOSTILE_TEXT: &str = "Harbour council <script>alert('x')</script> meets on pay\n\n\
\"We will not sign anything that <img src=x onerror=alert(1)> cuts the night shift,\" said union leader Dana Quist on Monday.\n\n\
Quist said that the council's offer of \"2% & no more\" was an insult to dockers who kept the harbour open.";

fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn doc(name: &str, text: String, outlet: &str, date: &str) -> RawDocument {
    RawDocument {
        name: name.into(),
        origin: name.into(),
        body: Body::Text(text),
        fields: Fields { outlet: Some(outlet.into()), date: Some(date.into()), ..Fields::default() },
    }
}

pub struct Server {
    pub addr: SocketAddr,
    pub hostile_article: String,
    _dir: tempfile::TempDir,
}

/// Builds the store and starts a server on a port the OS chose; it runs until the test
/// binary exits.
pub fn start() -> Server {
    {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("web.db");
        let docs = vec![
            doc("000", seed("000"), "UrduPoint", "2020-06-04"),
            doc("001", seed("001"), "Gwadar Pro", "2020-05-17"),
            doc("003", seed("003"), "UrduPoint", "2023-01-04"),
            doc("hostile", HOSTILE_TEXT.into(), "Harbour <Gazette> & \"Post\"", "2021-03-02"),
        ];
        let mut articles: Vec<_> = docs.into_iter().map(|d| onrecord_engine::analyze(d).expect("analyses")).collect();
        let hostile = articles.last_mut().unwrap();
        assert!(!hostile.statements.is_empty(), "the hostile article has statements to show");
        for s in &mut hostile.statements {
            s.speaker = Some(Speaker { name: HOSTILE_NAME.into(), role: Some("<i>leader</i>".into()), affiliation: None });
        }
        let hostile_article = hostile.id.clone();
        let links: Vec<_> = articles.iter().map(|a| onrecord_link::prepare(a, &LinkConfig::default())).collect();
        let mut store = Store::open(&db).unwrap();
        store.write_batch(&articles, &links).unwrap();
        store.finish().unwrap();
        drop(store);
        let (tx, rx) = std::sync::mpsc::channel();
        let config = onrecord_web::ServeConfig {
            db,
            bind: "127.0.0.1:0".parse().unwrap(),
            pool: onrecord_web::PoolConfig::default(),
            cache_entries: 256,
        };
        std::thread::spawn(move || onrecord_web::serve_blocking(config, |addr| tx.send(addr).unwrap()).unwrap());
        let addr = rx.recv().unwrap();
        Server { addr, hostile_article, _dir: dir }
    }
}
