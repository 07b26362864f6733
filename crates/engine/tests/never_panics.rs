//! The whole analysis (clean, attribute, resolve) and the link keys, on any text: no document
//! ever becomes an internal error, whatever its characters. Multi-byte characters next to the
//! places stages cut text at (brackets of acronyms, quotes, paragraph ends) are the usual trap.

use onrecord_engine::ingest::{Body, Fields, RawDocument};
use onrecord_engine::model::Severity;
use proptest::prelude::*;

fn check(text: String) {
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text), fields: Fields::default() };
    match onrecord_engine::analyze(doc) {
        Ok(article) => {
            let links = onrecord_link::prepare(&article, &onrecord_link::LinkConfig::default());
            assert_eq!(links.statements.len(), article.statements.len());
        }
        Err(d) => assert!(!(d.severity == Severity::Failed && d.message.contains("internal error")), "a stage panicked: {}", d.message),
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("£".to_string()),
        Just("€194m ".to_string()),
        Just("—".to_string()),
        Just("Financial Services Authority (FSA)".to_string()),
        Just(" (CPEC) ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("“".to_string()),
        Just("\"".to_string()),
        Just(" said ".to_string()),
        Just(", she told reporters. ".to_string()),
        Just("Zhao Lijian".to_string()),
        Just("\n\n".to_string()),
        Just("BEIJING, (APP - 4th Jun, 2020 ) :".to_string()),
        Just("日本語のテキスト".to_string()),
        "[A-Za-z]{1,12}",
        " {1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn news_pieces_never_panic(pieces in prop::collection::vec(piece(), 0..120)) {
        check(pieces.concat());
    }

    #[test]
    fn any_string_never_panics(s in "\\PC{0,400}") {
        check(s);
    }
}

#[test]
fn a_long_multibyte_run_before_an_acronym() {
    check(format!("{} Financial Services Authority (FSA) said it was ready.", "£".repeat(150)));
    check(format!("{}\n\n\"{}\" he said (UN).", "é".repeat(301), "ü".repeat(99)));
}
