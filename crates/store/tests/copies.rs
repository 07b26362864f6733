//! Near-exact copies add no lookup keys of their own; what they would have found is still found
//! through the article they copy.

mod common;

use onrecord_store::Store;

fn write(store: &mut Store, docs: &[(&str, &str, &str, String)]) {
    let (articles, links): (Vec<_>, Vec<_>) =
        docs.iter().map(|(name, outlet, date, text)| common::analysed(name, outlet, date, text)).unzip();
    store.write_batch(&articles, &links).unwrap();
}

const LEAD: &str = "The harbour authority said on Monday that the northern quay would close for six weeks of repairs to its sea wall, which storms damaged in January.";
const REST: [&str; 4] = [
    "\"We cannot let ships berth against a wall that moves,\" the authority's director, Maren Solberg, told reporters at the quay.",
    "Ferries will use the southern quay while the work lasts, and the timetable will change from the first of the month, the ferry company said.",
    "Fishermen said the closure would cost them the spring season, when the catch is landed at the northern quay before dawn.",
    "The council said it would pay for half of the repairs and ask the national government for the rest of the money.",
];

fn story(rest: &[&str]) -> String {
    let mut s = String::from("Northern quay to close for repairs\n\n");
    s.push_str(LEAD);
    for p in rest {
        s.push_str("\n\n");
        s.push_str(p);
    }
    s
}

#[test]
fn copies_of_a_near_exact_copy_and_pastes_of_its_lead_find_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let original = story(&REST);
    // a reprint with one word changed: a near-exact copy
    let reprint = original.replace("six weeks", "six full weeks");
    write(&mut store, &[("wire", "Wire", "2024-03-04", original), ("reprint", "Coast Post", "2024-03-05", reprint.clone())]);
    // a second batch: an edited copy of the reprint (two paragraphs cut, one added), and an
    // unrelated story that pastes the lead
    let edited = format!("{}\n\nThe sea wall was last repaired in 1998.", reprint.split("\n\nFishermen").next().unwrap());
    let other = format!(
        "Fish prices rise before Easter\n\n{LEAD}\n\nTraders at the market said cod cost a third more than a year ago, and that buyers were turning to farmed fish.\n\nThe market opens an hour earlier from next week."
    );
    write(&mut store, &[("edited", "Bay News", "2024-03-06", edited), ("market", "Fish Weekly", "2024-03-07", other)]);
    store.finish().unwrap();

    let clusters = store.clusters(2, 10, 10).unwrap();
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let names: Vec<&str> = clusters[0].members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["wire", "reprint", "edited"]);
    assert_eq!(clusters[0].size, 3);
    // a cluster lists its earliest copies and counts them all
    let two = store.clusters(2, 10, 2).unwrap();
    assert_eq!((two[0].size, two[0].members.len()), (3, 2));
    assert_eq!(two[0].members[1].name, "reprint");
    assert_eq!(clusters[0].representative.name, "wire");

    let reuse = store.paragraph_reuse(None, 10).unwrap();
    assert_eq!(reuse.len(), 1, "{reuse:#?}");
    assert_eq!((reuse[0].article.name.as_str(), reuse[0].source.name.as_str()), ("market", "wire"));
}

/// The writer skips lookups of keys its filter has never seen. A filter that does not cover the
/// store (none saved, as in a store an older onrecord wrote, or one saved before another program
/// added articles) must not make it miss what is stored: it is rebuilt from the tables.
#[test]
fn copies_are_found_whatever_key_filter_the_store_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let original = story(&REST);
    let reprint = original.replace("six weeks", "six full weeks");
    let sql = |q: &str| rusqlite::Connection::open(&db).unwrap().execute_batch(q).unwrap();
    let clusters_of = |names: &[&str]| -> Vec<i64> {
        let c = rusqlite::Connection::open(&db).unwrap();
        names.iter().map(|n| c.query_row("SELECT cluster FROM articles WHERE name = ?1", [n], |r| r.get(0)).unwrap()).collect()
    };
    {
        let mut store = Store::open(&db).unwrap();
        write(&mut store, &[("wire", "Wire", "2024-03-04", original.clone())]);
        store.finish().unwrap();
    }
    // no filter saved
    sql("DELETE FROM key_filter");
    {
        let mut store = Store::open(&db).unwrap();
        write(&mut store, &[("reprint", "Coast Post", "2024-03-05", reprint.clone())]);
        store.finish().unwrap();
    }
    let [wire, reprint_cluster] = clusters_of(&["wire", "reprint"])[..] else { unreachable!() };
    assert_eq!(wire, reprint_cluster, "the reprint joins the wire story");
    // a filter saved before another program added an article (here: the saved one put back)
    sql("CREATE TABLE old_filter AS SELECT * FROM key_filter");
    let lead_story = format!(
        "Fish prices rise before Easter\n\n{LEAD}\n\nTraders at the market said cod cost a third more than a year ago, and that buyers were turning to farmed fish."
    );
    {
        let mut store = Store::open(&db).unwrap();
        write(&mut store, &[("market", "Fish Weekly", "2024-03-07", lead_story.clone())]);
        store.finish().unwrap();
    }
    sql("DELETE FROM key_filter; INSERT INTO key_filter SELECT * FROM old_filter; DROP TABLE old_filter");
    {
        let mut store = Store::open(&db).unwrap();
        let copy = lead_story.replace("a third more", "a third more, they said,");
        write(&mut store, &[("market copy", "Harbour Post", "2024-03-08", copy)]);
        store.finish().unwrap();
    }
    let [market, copy] = clusters_of(&["market", "market copy"])[..] else { unreachable!() };
    assert_eq!(market, copy, "the copy finds the article the saved filter never saw");
    assert_ne!(market, wire);
}

/// Statements of undated articles are keyed too (a key column cannot hold NULL, so they are
/// stored under a day of their own): an edited copy in another story finds them.
#[test]
fn an_undated_statement_is_found_by_its_edited_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut store = Store::open(&db).unwrap();
    let quote = |wall: &str| {
        format!("\"We cannot let ships berth against a {wall} that moves before the engineers have measured it,\" the harbour director, Maren Solberg, said.")
    };
    let quay = format!("Northern quay to close\n\n{}\n\n{}", quote("wall"), REST[1]);
    let fish = format!(
        "Fish prices rise before Easter\n\nTraders at the market said cod cost a third more than a year ago.\n\n{}",
        quote("sea wall")
    );
    write(&mut store, &[("quay", "Wire", "", quay)]);
    write(&mut store, &[("fish", "Fish Weekly", "", fish)]);
    store.finish().unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let groups: Vec<(String, Option<i64>, i64)> = c
        .prepare("SELECT s.article_id, s.day, s.group_id FROM statements s WHERE s.content LIKE '%engineers%' ORDER BY s.id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups.iter().all(|(_, day, _)| day.is_none()), "{groups:?}");
    assert_eq!(groups[0].2, groups[1].2, "one statement, two occurrences: {groups:?}");
}
