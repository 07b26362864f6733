//! How writes become durable: what was committed stays whatever fails later, a failed batch
//! says what it rolled back, the batches written before the store is dropped without `finish`
//! are kept, and two writers taking turns keep each other's work.

mod common;

use onrecord_link::ArticleLinks;
use onrecord_model::Article;
use onrecord_store::{Store, StoreError};

fn article(name: &str, text: &str) -> (Article, ArticleLinks) {
    common::analysed(name, "Harbour Post", "2021-03-02", text)
}

fn batch(docs: &[(&str, &str)]) -> (Vec<Article>, Vec<ArticleLinks>) {
    docs.iter().map(|(n, t)| article(n, t)).unzip()
}

const QUAY: &str =
    "Dock workers walk out\n\n\"We will not sign anything that cuts the night shift,\" said union leader Dana Quist on Monday.";
const FERRY: &str = "Ferry fares rise\n\nThe ferry company said that fares would rise by a tenth from April, blaming fuel costs.";
const BRIDGE: &str = "Bridge closes for repairs\n\n\"The bridge will reopen in May,\" the mayor, Ola Berg, told reporters on Tuesday.";
const MARKET: &str = "Fish market moves\n\nTraders said the new hall was too far from the quay for the morning catch to arrive fresh.";

#[test]
fn a_batch_that_fails_rolls_back_to_the_last_commit_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    drop(Store::open(&db).unwrap());
    // a store that refuses one statement half-way through a batch
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON statements WHEN NEW.content LIKE '%fuel costs%'
             BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .unwrap();
    let mut store = Store::open(&db).unwrap();
    let (a, l) = batch(&[("quay", QUAY)]);
    store.write_batch(&a, &l).unwrap();
    store.commit().unwrap();
    let (a, l) = batch(&[("market", MARKET)]);
    store.write_batch(&a, &l).unwrap();
    let (a, l) = batch(&[("bridge", BRIDGE), ("ferry", FERRY)]);
    let err = store.write_batch(&a, &l).unwrap_err();
    // the uncommitted market article went with the failed batch, and the error says so
    assert!(matches!(&err, StoreError::RolledBack { earlier: 1, source } if matches!(**source, StoreError::Sql(_))), "{err:?}");
    assert!(err.to_string().contains("refused") && err.to_string().contains("1 articles"), "{err}");
    // the next batch goes on in a new transaction
    let (a, l) = batch(&[("market", MARKET)]);
    let w = store.write_batch(&a, &l).unwrap();
    assert_eq!(w.new_articles, 1);
    store.finish().unwrap();
    drop(store);
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.article_count().unwrap(), 2);
    let (bridge, _) = article("bridge", BRIDGE);
    assert!(!store.has_article(&bridge.id).unwrap(), "the failed batch's first article is not kept");
    for (name, text) in [("quay", QUAY), ("market", MARKET)] {
        assert!(store.has_article(&article(name, text).0.id).unwrap(), "{name}");
    }
}

#[test]
fn batches_written_without_finish_are_kept_when_the_store_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    {
        let mut store = Store::open(&db).unwrap();
        let (a, l) = batch(&[("quay", QUAY), ("ferry", FERRY)]);
        store.write_batch(&a, &l).unwrap();
        let (a, l) = batch(&[("bridge", BRIDGE)]);
        store.write_batch(&a, &l).unwrap();
    }
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.article_count().unwrap(), 3);
    assert!(store.statement_count().unwrap() >= 3);
    drop(store);
    // and the next run finds them stored
    let mut store = Store::open(&db).unwrap();
    let (a, l) = batch(&[("quay", QUAY), ("market", MARKET)]);
    let w = store.write_batch(&a, &l).unwrap();
    assert_eq!((w.new_articles, w.known_articles), (1, 1));
    store.finish().unwrap();
}

#[test]
fn two_writers_taking_turns_keep_each_others_background_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut first = Store::open(&db).unwrap();
    let (a, l) = batch(&[("quay", QUAY)]);
    first.write_batch(&a, &l).unwrap();
    first.commit().unwrap();
    // a second process writes while the first is between transactions
    let (ferry, ferry_links) = article("ferry", FERRY);
    {
        let mut second = Store::open(&db).unwrap();
        second.write_batch(&[ferry], std::slice::from_ref(&ferry_links)).unwrap();
        second.commit().unwrap();
    }
    // the first writer goes on: its counts must now include the second writer's article
    let (a, l) = batch(&[("bridge", BRIDGE)]);
    first.write_batch(&a, &l).unwrap();
    first.finish().unwrap();
    drop(first);
    let blob: Vec<u8> =
        rusqlite::Connection::open(&db).unwrap().query_row("SELECT counts FROM gram_background WHERE id = 1", [], |r| r.get(0)).unwrap();
    let counts = onrecord_link::background::Background::from_bytes(&blob).unwrap();
    assert!(!ferry_links.background.is_empty());
    for key in &ferry_links.background {
        assert!(counts.estimate(*key) >= 1, "the second writer's grams were counted over");
    }
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.article_count().unwrap(), 3);
}
