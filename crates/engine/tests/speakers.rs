//! Who speaks, as the whole analysis resolves it, on texts written for these tests.

use onrecord_engine::ingest::{Body, Fields, RawDocument};

fn speakers(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    article.statements.iter().filter_map(|s| s.speaker.as_ref()).map(|s| (s.name.clone(), s.role.clone(), s.affiliation.clone())).collect()
}

#[test]
fn a_title_with_a_complement_is_no_part_of_the_name() {
    let found = speakers(
        "Pakistani Minister for Planning Tariq Mehmood pointed out on Tuesday that the talks had been frank.\n\n\
         Mehmood said the corridor would be finished next year.",
    );
    assert!(!found.is_empty());
    for (name, role, affiliation) in &found {
        assert_eq!(name, "Tariq Mehmood");
        assert_eq!(role.as_deref(), Some("minister for Planning"));
        assert_eq!(affiliation.as_deref(), Some("Pakistan"));
    }
}

#[test]
fn a_country_that_speaks_is_not_a_person_with_its_name_in_theirs() {
    let found = speakers(
        "Ambassador to China Farah Siddiqui said on Monday that the visit would go ahead.\n\n\
         China said it was ready to receive the delegation.",
    );
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(names.contains(&"Farah Siddiqui") && names.contains(&"China"), "{found:?}");
}

#[test]
fn a_curly_quote_before_a_titled_source_is_read_whole() {
    // the title search walks back from the source over multi-byte punctuation
    let found = speakers("The vote is on Friday.\n\n“We will win it,” Foreign Minister Anna Berg said.\n\n“Anna Berg said so herself.");
    assert!(found.iter().any(|(n, r, _)| n == "Anna Berg" && r.as_deref() == Some("foreign minister")), "{found:?}");
}

#[test]
fn an_unresolved_the_spokesperson_names_no_speaker_but_sources_do() {
    let doc = onrecord_engine::ingest::RawDocument {
        name: "t".into(),
        origin: "t".into(),
        body: Body::Text("The talks will resume in May.\n\nThe spokesperson said the delegation would travel on Sunday.\n\nOfficials said the agenda was not yet fixed.".into()),
        fields: Fields::default(),
    };
    let article = onrecord_engine::analyze(doc).unwrap();
    let by = |needle: &str| article.statements.iter().find(|s| s.content.of(&article.text).contains(needle)).unwrap_or_else(|| panic!("{needle}: {:?}", article.statements));
    assert_eq!(by("travel on Sunday").speaker, None);
    assert_eq!(by("agenda was not yet fixed").speaker.as_ref().map(|s| s.name.as_str()), Some("Officials"));
}

#[test]
fn a_titled_mention_keeps_the_words_that_qualify_the_title() {
    let found = speakers(
        "Nigerian Trade Minister Daniel Okafor met the delegation.\n\nOkafor said the tariffs would fall next year.\n\n\
         Japanese Chief Cabinet Secretary Kenji Aoyama arrived later.\n\nAoyama said the talks were useful.",
    );
    let has = |n: &str, r: &str, a: &str| found.iter().any(|(name, role, aff)| name == n && role.as_deref() == Some(r) && aff.as_deref() == Some(a));
    assert!(has("Daniel Okafor", "trade minister", "Nigeria"), "{found:?}");
    assert!(has("Kenji Aoyama", "chief cabinet secretary", "Japan"), "{found:?}");
}
