//! The cross-article layer end to end: syndication clusters, one statement in many outlets,
//! speakers across articles, talking points, incremental ingest, search and export. The corpus
//! is made here from the bundled example articles (copied with edits, other outlets and dates)
//! and stories written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
}

fn seed(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn run(args: &[&str]) -> Output {
    let o = bin().args(args).output().expect("runs");
    assert!(o.status.success(), "onrecord {args:?} failed: {}", String::from_utf8_lossy(&o.stderr));
    o
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

fn ingest(db: &Path, inputs: &[&Path]) {
    let mut args = vec!["ingest".to_string(), "--quiet".into(), "--db".into(), db.display().to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let o = bin().args(&args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Stories written for this test, about nothing the examples talk about.
const UNRELATED: [&str; 3] = [
    "Heavy rain is expected across the northern valleys this weekend, and the weather office has issued flood warnings for three rivers.\n\n\"We have moved the cattle to higher ground twice this month already,\" said farmer Joan Pike, who keeps a herd near the river.\n\nThe council said sandbags would be handed out at the fire station on Saturday morning.",
    "The city football club confirmed on Tuesday that its coach will stay for another season after a late run of seven wins.\n\n\"The players believed in the plan when nobody else did,\" the coach, Marta Silva, told reporters at the training ground.\n\nTickets for the opening match go on sale next week, the club said.",
    "The town library will lend telescopes to readers this winter, and the waiting list is already forty names long.\n\n\"Children come back with questions about the moon we cannot answer, which is the point,\" librarian Ravi Menon said.\n\nThe telescopes were donated by the astronomy society, which will run a viewing night in January.",
];

/// The three examples, a copy of each as another outlet ran it a day later with small edits,
/// the unrelated stories, and one story that pastes the lead of 000.
fn corpus() -> Vec<Value> {
    let (s0, s1, s3) = (seed("000"), seed("001"), seed("003"));
    let mut v = vec![
        json!({"id": "000", "text": s0, "outlet": "UrduPoint", "date": "2020-06-04"}),
        json!({"id": "001", "text": s1, "outlet": "Gwadar Pro", "date": "2020-05-17"}),
        json!({"id": "003", "text": s3, "outlet": "UrduPoint", "date": "2023-01-04"}),
    ];
    // 000 again: a paragraph cut, a word changed, commas dropped
    let paras: Vec<&str> = s0.split("\n\n").collect();
    let mut c0: Vec<String> = paras.iter().enumerate().filter(|(i, _)| *i != 7).map(|(_, p)| p.to_string()).collect();
    c0[4] = c0[4].replace("cash", "money");
    c0[2] = c0[2].replace(", adding,", " adding");
    v.push(json!({"id": "000-copy", "text": c0.join("\n\n"), "outlet": "Daily Meridian", "date": "2020-06-05"}));
    // 001 again with a line of its own on top
    v.push(json!({"id": "001-copy", "text": format!("From our correspondent in Beijing.\n\n{s1}"), "outlet": "Harbour Post", "date": "2020-05-18"}));
    // 003 again, re-punctuated
    v.push(json!({"id": "003-copy", "text": s3.replace("\"", "“").replace(", and", " and"), "outlet": "Capital Tribune", "date": "2023-01-05"}));
    for (i, t) in UNRELATED.iter().enumerate() {
        v.push(json!({"id": format!("local-{i}"), "text": t, "outlet": "Valley Gazette", "date": "2021-03-0".to_string() + &(i + 1).to_string()}));
    }
    let lead = paras[0].split(":").skip(1).collect::<Vec<_>>().join(":");
    v.push(json!({
        "id": "pasted",
        "text": format!("Trade officials met in Karachi on Friday to review port fees and customs rules for the coming year.\n\n{}\n\nThe review will continue next month, officials said.", lead.trim()),
        "outlet": "Coastal Herald", "date": "2020-06-06"
    }));
    v
}

fn write_jsonl(path: &Path, docs: &[Value]) {
    let text: String = docs.iter().map(|d| format!("{d}\n")).collect();
    std::fs::write(path, text).unwrap();
}

/// A store of `docs` ingested at once: the folder that holds it (dropped, it goes) and the
/// store's path for `--db`.
fn store_of(docs: &[Value]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.jsonl");
    write_jsonl(&all, docs);
    let db = dir.path().join("s.db");
    ingest(&db, &[&all]);
    let db = db.display().to_string();
    (dir, db)
}

/// The names `speakers` lists, most statements first.
fn speaker_names(db: &str) -> Vec<String> {
    lines(&run(&["speakers", "--db", db, "--json"])).iter().map(|s| s["name"].as_str().unwrap().to_string()).collect()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.jsonl");
    write_jsonl(&all, &corpus());
    let db = dir.path().join("all.db");
    ingest(&db, &[&all]);
    (dir, db)
}

#[test]
fn copies_cluster_statements_count_once_and_unrelated_stay_apart() {
    let (_dir, db) = setup();
    let db = db.to_str().unwrap();
    let out = lines(&run(&["clusters", "--db", db, "--json"]));
    let clusters: Vec<Vec<String>> = out
        .iter()
        .filter(|c| c.get("members").is_some())
        .map(|c| c["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap().to_string()).collect())
        .collect();
    let mut sorted: Vec<Vec<String>> = clusters
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.sort();
            c
        })
        .collect();
    sorted.sort();
    assert_eq!(sorted, vec![vec!["000", "000-copy"], vec!["001", "001-copy"], vec!["003", "003-copy"]], "clusters: {out:?}");
    // the earliest copy represents its cluster
    for c in out.iter().filter(|c| c.get("representative").is_some()) {
        let name = c["representative"]["name"].as_str().unwrap();
        assert!(!name.ends_with("-copy"), "{name} should not represent its cluster");
    }
    // the pasted lead links the story that pasted it to 000
    let reuse: Vec<&Value> = out.iter().filter_map(|c| c.get("reuse")).collect();
    assert!(reuse.iter().any(|r| r["article"]["name"] == "pasted" && r["source"]["name"] == "000"), "reuse: {reuse:?}");

    // one statement, two outlets
    let stmts = lines(&run(&["statements", "--db", db, "--json", "--limit", "1000"]));
    let willing: Vec<&Value> =
        stmts.iter().filter(|s| s["content"].as_str().unwrap().contains("We are willing to continue to provide support")).collect();
    assert_eq!(willing.len(), 1, "counted once: {willing:?}");
    assert_eq!(willing[0]["occurrences"], 2);
    assert_eq!(willing[0]["outlet"], "UrduPoint", "the first occurrence is the original");
    let id = willing[0]["id"].to_string();
    let detail = lines(&run(&["statement", "--db", db, &id, "--json"]));
    let outlets: Vec<&str> = detail[0]["occurrence_list"].as_array().unwrap().iter().map(|o| o["outlet"].as_str().unwrap()).collect();
    assert_eq!(outlets, ["UrduPoint", "Daily Meridian"]);
    // the edited statement ("cash" became "money") is still the same statement
    let help: Vec<&Value> = stmts.iter().filter(|s| s["content"].as_str().unwrap().contains("When Pakistan needed help")).collect();
    assert_eq!(help.len(), 1);
    assert_eq!(help[0]["occurrences"], 2);
    // every copy is listed with --occurrences
    let all = lines(&run(&["statements", "--db", db, "--json", "--limit", "1000", "--occurrences"]));
    assert!(all.len() > stmts.len());
    // unrelated stories: their statements stand alone
    for s in stmts.iter().filter(|s| s["outlet"] == "Valley Gazette") {
        assert_eq!(s["occurrences"], 1, "{s}");
    }
    assert!(stmts.iter().filter(|s| s["outlet"] == "Valley Gazette").count() >= 3);
}

fn without_ids(mut v: Vec<Value>) -> Vec<Value> {
    for x in &mut v {
        if let Some(o) = x.as_object_mut() {
            o.remove("id");
            o.remove("group");
            if let Some(Value::Array(list)) = o.get_mut("occurrence_list") {
                for e in list {
                    e.as_object_mut().unwrap().remove("id");
                }
            }
            if let Some(Value::Array(list)) = o.get_mut("statements") {
                for e in list {
                    e.as_object_mut().unwrap().remove("id");
                    e.as_object_mut().unwrap().remove("group");
                }
            }
        }
    }
    v
}

#[test]
fn ingesting_in_two_halves_gives_what_ingesting_at_once_gives() {
    let (dir, whole) = setup();
    let docs = corpus();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    write_jsonl(&a, &docs[..5]);
    write_jsonl(&b, &docs[5..]);
    let halves = dir.path().join("halves.db");
    ingest(&halves, &[&a]);
    ingest(&halves, &[&b]);
    for q in [
        vec!["statements", "--json", "--limit", "1000"],
        vec!["statements", "--json", "--limit", "1000", "--occurrences"],
        vec!["speakers", "--json"],
        vec!["speaker", "Zhao Lijian", "--json"],
        vec!["phrases", "--json"],
        vec!["clusters", "--json"],
        vec!["phrase", "community of shared future", "--json"],
    ] {
        assert_same_answers(&whole, &halves, &q);
    }
}

/// The writer holds the link tables' new rows in memory until it commits; what linking finds
/// must not depend on where the commits fall.
#[test]
fn committing_after_every_article_gives_what_one_commit_gives() {
    let (dir, whole) = setup();
    let all = dir.path().join("all.jsonl");
    let often = dir.path().join("often.db");
    run(&["ingest", "--quiet", "--commit-every", "1", "--db", often.to_str().unwrap(), all.to_str().unwrap()]);
    for q in [
        vec!["statements", "--json", "--limit", "1000", "--occurrences"],
        vec!["speakers", "--json"],
        vec!["phrases", "--json"],
        vec!["clusters", "--json"],
        vec!["phrase", "all-weather strategic cooperative partners", "--json"],
    ] {
        assert_same_answers(&whole, &often, &q);
    }
}

/// Asks two stores the same query (`q` without `--db`) and compares the answers, ids aside.
fn assert_same_answers(whole: &Path, halves: &Path, q: &[&str]) {
    let ask = |db: &Path| {
        let mut args = q.to_vec();
        let db = db.display().to_string();
        args.splice(1..1, ["--db", db.as_str()]);
        without_ids(lines(&run(&args)))
    };
    assert_eq!(ask(whole), ask(halves), "{q:?} differs");
}

fn seeds_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    ingest(&db, &[&seeds]);
    let db = db.display().to_string();
    (dir, db)
}

#[test]
fn seeds_talking_points_rank_first_and_second() {
    let (_dir, db) = seeds_db();
    let out = lines(&run(&["phrases", "--db", &db, "--json"]));
    let forms = |p: &Value| {
        let mut f = vec![p["phrase"].as_str().unwrap().to_string()];
        f.extend(p["variants"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()));
        f
    };
    let top: Vec<Vec<String>> = out.iter().take(2).map(forms).collect();
    let has = |s: &str| top.iter().any(|f| f.iter().any(|x| x == s));
    assert!(has("all-weather strategic cooperative partners") && has("all-weather strategic cooperative partner"), "{top:?}");
    assert!(has("community of shared future for mankind") && has("community with a shared future"), "{top:?}");
    let community = out.iter().find(|p| p["phrase"] == "community of shared future for mankind").unwrap();
    assert_eq!(community["articles"], 3);
    assert_eq!(community["first"], "2020-05-17");
    assert_eq!(community["last"], "2023-01-04");
    // timeline of a phrase by month
    let t = lines(&run(&["phrase", "--db", &db, "all-weather strategic cooperative partners", "--json"]));
    let months: Vec<&str> = t[0]["by_month"].as_array().unwrap().iter().map(|m| m[0].as_str().unwrap()).collect();
    assert_eq!(months, ["2020-06", "2023-01"]);
}

#[test]
fn seeds_speakers_are_one_entity_across_articles() {
    let (_dir, db) = seeds_db();
    let zhao = lines(&run(&["speaker", "--db", &db, "Zhao Lijian", "--json"]));
    let z = &zhao[0];
    assert_eq!(z["name"], "Zhao Lijian");
    let dates: std::collections::BTreeSet<&str> = z["statements"].as_array().unwrap().iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert_eq!(dates.into_iter().collect::<Vec<_>>(), ["2020-05-17", "2020-06-04"]);
    let articles: std::collections::BTreeSet<&str> =
        z["statements"].as_array().unwrap().iter().map(|s| s["article"].as_str().unwrap()).collect();
    assert_eq!(articles.len(), 2, "{articles:?}");
    let stated: Vec<&str> = z["statements"].as_array().unwrap().iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert!(stated.windows(2).all(|w| w[0] <= w[1]), "statements in date order");
    assert!(z["roles"].as_array().unwrap().iter().any(|r| r["role"] == "spokesperson" && r["affiliation"] == "Chinese Foreign Ministry"));
    let aliases: Vec<&str> = z["aliases"].as_array().unwrap().iter().map(|a| a[0].as_str().unwrap()).collect();
    assert!(aliases.contains(&"Zhao"), "{aliases:?}");
    // by surname, too
    assert_eq!(lines(&run(&["speaker", "--db", &db, "zhao", "--json"]))[0]["name"], "Zhao Lijian");
    let mao = lines(&run(&["speaker", "--db", &db, "Mao Ning", "--json"]));
    let dates: Vec<&str> = mao[0]["statements"].as_array().unwrap().iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert!(!dates.is_empty() && dates.iter().all(|d| *d == "2023-01-04"), "{dates:?}");
    let all = lines(&run(&["speakers", "--db", &db, "--json"]));
    assert_eq!(all.iter().filter(|s| s["name"] == "Zhao Lijian").count(), 1);
}

#[test]
fn search_finds_statements_and_explains_bad_queries() {
    let (_dir, db) = seeds_db();
    let hits = lines(&run(&["search", "--db", &db, "all-weather", "--json"]));
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["snippet"].as_str().unwrap().contains('[')), "matches are marked");
    let o = bin().args(["search", "--db", &db, "\"unbalanced"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot read the search query"), "{err}");
    assert!(!err.contains("panicked"));
    let o = bin().args(["statements", "--db", &db, "--kind", "shouted"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin().args(["speaker", "--db", &db, "Nobody Atall"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no speaker matches"));
}

#[test]
fn export_writes_every_statement_in_each_format() {
    let (dir, db) = seeds_db();
    let n = lines(&run(&["statements", "--db", &db, "--json", "--occurrences", "--limit", "10000"])).len();
    let jsonl = lines(&run(&["export", "--db", &db, "--format", "jsonl"]));
    assert_eq!(jsonl.len(), n);
    let csv = String::from_utf8(run(&["export", "--db", &db, "--format", "csv"]).stdout).unwrap();
    let mut rdr = csv.lines();
    assert!(rdr.next().unwrap().starts_with("id,group,occurrences,article_id"));
    let brat = dir.path().join("brat");
    run(&["export", "--db", &db, "--format", "brat", "--out", brat.to_str().unwrap()]);
    assert!(brat.join("annotation.conf").exists());
    let anns: Vec<PathBuf> =
        std::fs::read_dir(&brat).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "ann")).collect();
    assert_eq!(anns.len(), 3);
    for ann in anns {
        let text = std::fs::read_to_string(ann.with_extension("txt")).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for line in std::fs::read_to_string(&ann).unwrap().lines().filter(|l| l.starts_with('T')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (_, ranges) = cols[1].split_once(' ').unwrap();
            let covered: Vec<String> = ranges
                .split(';')
                .map(|r| {
                    let (a, b) = r.split_once(' ').unwrap();
                    chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()].iter().collect()
                })
                .collect();
            assert_eq!(covered.join(" "), cols[2], "brat offsets are code points into the .txt");
        }
    }
    let o = bin().args(["export", "--db", &db, "--format", "brat"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "brat needs a folder");
}

/// Stories that name a speaker in full in one article and by one word in others.
fn short_name_corpus() -> Vec<Value> {
    vec![
        json!({"id": "full", "date": "2021-03-01", "outlet": "Harbour Post", "text":
            "The fishing quota will be cut by a third next season.\n\nFisheries Minister Sara Lindgren said the cut was needed to let the cod stocks recover.\n\nShe said the fleet would be paid for the lost days at sea."}),
        json!({"id": "short", "date": "2021-04-12", "outlet": "Coast Daily", "text":
            "Boat owners met in the harbour hall on Monday.\n\nLindgren said the compensation would be paid before the summer.\n\nThe owners asked for a meeting in May."}),
        // two full names share "Berg": a one-word "Berg" could be either, and stays apart
        json!({"id": "berg-1", "date": "2021-05-02", "outlet": "Harbour Post", "text":
            "The port will get a new crane.\n\nPort director Anna Berg said the crane would arrive in June."}),
        json!({"id": "berg-2", "date": "2021-05-03", "outlet": "Coast Daily", "text":
            "The ferry timetable changes next week.\n\nFerry captain Nils Berg said the early crossing would be dropped."}),
        json!({"id": "berg-3", "date": "2021-05-04", "outlet": "Coast Daily", "text":
            "The harbour fair opens on Friday.\n\nBerg said the fair would run for three days."}),
    ]
}

#[test]
fn a_speaker_named_by_one_word_elsewhere_is_the_full_name_when_only_one_fits() {
    let dir = tempfile::tempdir().unwrap();
    let docs = short_name_corpus();
    let all = dir.path().join("all.jsonl");
    write_jsonl(&all, &docs);
    let whole = dir.path().join("whole.db");
    ingest(&whole, &[&all]);
    let db = whole.display().to_string();
    let speakers = lines(&run(&["speakers", "--db", &db, "--json"]));
    let names: Vec<&str> = speakers.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Sara Lindgren") && !names.contains(&"Lindgren"), "{names:?}");
    assert!(names.contains(&"Berg"), "an ambiguous word stays its own speaker: {names:?}");
    let sara = &lines(&run(&["speaker", "--db", &db, "Sara Lindgren", "--json"]))[0];
    let articles: std::collections::BTreeSet<&str> =
        sara["statements"].as_array().unwrap().iter().map(|s| s["article"].as_str().unwrap()).collect();
    assert_eq!(articles.len(), 2, "{sara}");
    let aliases: Vec<&str> = sara["aliases"].as_array().unwrap().iter().map(|a| a[0].as_str().unwrap()).collect();
    assert!(aliases.contains(&"Lindgren"), "{aliases:?}");

    // the short mention first, the full name in a later run: the same speakers
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    write_jsonl(&a, &docs[1..]);
    write_jsonl(&b, &docs[..1]);
    let halves = dir.path().join("halves.db");
    ingest(&halves, &[&a]);
    ingest(&halves, &[&b]);
    for q in [vec!["speakers", "--json"], vec!["speaker", "Sara Lindgren", "--json"]] {
        assert_same_answers(&whole, &halves, &q);
    }
}

#[test]
fn a_surname_alone_means_the_full_name_quoted_far_more_than_any_other() {
    let topics = [
        "the harbour", "the ferries", "the quota", "the fair", "the crane", "the budget", "the school", "the bridge", "the road",
        "the clinic", "the library", "the port",
    ];
    let mut docs: Vec<Value> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({"id": format!("sara-{i}"), "date": format!("2021-03-{:02}", i + 1), "outlet": "Harbour Post", "text":
                format!("A statement on {t} came on Monday.\n\nFisheries Minister Sara Lindgren said {t} plan number {i} would go ahead this spring.")})
        })
        .collect();
    docs.push(json!({"id": "tomas", "date": "2021-04-01", "outlet": "Coast Daily", "text":
        "The choir sings on Sunday.\n\nChoir leader Tomas Lindgren said the concert was sold out."}));
    docs.push(json!({"id": "bare", "date": "2021-04-02", "outlet": "Coast Daily", "text":
        "Boat owners met in the harbour hall on Monday.\n\nLindgren said the compensation would be paid before the summer."}));
    let (_dir, db) = store_of(&docs);
    let names = speaker_names(&db);
    assert!(names.contains(&"Sara Lindgren".to_string()) && names.contains(&"Tomas Lindgren".to_string()), "{names:?}");
    assert!(!names.contains(&"Lindgren".to_string()), "{names:?}");
    let sara = &lines(&run(&["speaker", "--db", &db, "Sara Lindgren", "--json"]))[0];
    assert!(sara["statements"].as_array().unwrap().iter().any(|s| s["article"].as_str() == Some("bare")), "{sara}");
}

#[test]
fn the_speaker_list_shows_a_role_given_more_than_once_not_a_one_off() {
    let topics = ["the quay", "the ferry", "the crane", "the fair"];
    let mut docs: Vec<Value> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({"id": format!("holm-{i}"), "date": format!("2021-06-{:02}", i + 1), "outlet": "Harbour Post", "text":
                format!("The harbour board met on Monday.\n\nOskar Holm said {t} would reopen in the autumn.")})
        })
        .collect();
    // one article calls him something else once: a one-off, not his role
    docs.push(json!({"id": "holm-porter", "date": "2021-06-09", "outlet": "Coast Daily", "text":
        "The night shift was short-staffed.\n\nNight porter Oskar Holm said the lights had failed."}));
    for i in 0..2 {
        docs.push(json!({"id": format!("berg-{i}"), "date": format!("2021-07-{:02}", i + 1), "outlet": "Coast Daily", "text":
            format!("The timetable changes next week.\n\nFerry captain Nils Berg said crossing number {i} would be dropped.")}));
    }
    let (_dir, db) = store_of(&docs);
    let speakers = lines(&run(&["speakers", "--db", &db, "--json"]));
    let row = |name: &str| speakers.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("{name}: {speakers:?}")).clone();
    assert_eq!(row("Oskar Holm")["role"], Value::Null, "{speakers:?}");
    assert_eq!(row("Nils Berg")["role"], "ferry captain", "{speakers:?}");
    // the speaker's own page still lists every role
    let holm = &lines(&run(&["speaker", "--db", &db, "Oskar Holm", "--json"]))[0];
    assert!(holm.to_string().contains("night porter"), "{holm}");
}

#[test]
fn unnamed_sources_are_no_speakers_of_the_corpus_but_keep_their_statements() {
    let views = ["traffic would take a year to recover", "the new cranes were too slow for the ships", "fees would rise in the spring"];
    let docs: Vec<Value> = views
        .iter()
        .enumerate()
        .map(|(i, view)| {
            json!({"id": format!("port-{i}"), "date": format!("2021-08-{:02}", i + 1), "outlet": "Harbour Post", "text":
                format!("The port reopened on Monday.\n\nAnalysts said {view}.\n\n\
                         Harbour master Oskar Holm said berth {i} was ready.")})
        })
        .collect();
    let (_dir, db) = store_of(&docs);
    let names = speaker_names(&db);
    assert!(names.contains(&"Oskar Holm".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.eq_ignore_ascii_case("analysts")), "{names:?}");
    // the statements still say who said them
    let found = lines(&run(&["statements", "--db", &db, "--speaker", "Analysts", "--json"]));
    assert_eq!(found.len(), 3, "{found:?}");
}
