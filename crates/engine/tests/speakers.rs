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
        body: Body::Text(
            "The talks will resume in May.\n\nThe spokesperson said the delegation would travel on Sunday.\n\nOfficials said the agenda \
             was not yet fixed.\n\nA spokesman said the venue had been booked.\n\nA Harbour Board spokesman said the quay would close.\n\nSome said the fees were too high.\n\nA spokesman for Aroha Tane said she would attend."
                .into(),
        ),
        fields: Fields::default(),
    };
    let article = onrecord_engine::analyze(doc).unwrap();
    let by = |needle: &str| {
        article
            .statements
            .iter()
            .find(|s| s.content.of(&article.text).contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {:?}", article.statements))
    };
    assert_eq!(by("travel on Sunday").speaker, None);
    assert_eq!(by("agenda was not yet fixed").speaker.as_ref().map(|s| s.name.as_str()), Some("Officials"));
    // "a spokesman" is someone unnamed; one of an organisation says whose
    assert_eq!(by("venue had been booked").speaker, None);
    assert_eq!(by("quay would close").speaker.as_ref().map(|s| s.name.as_str()), Some("Harbour Board spokesman"));
    assert_eq!(by("fees were too high").speaker, None);
    let tane = by("she would attend").speaker.clone().expect("a spokesman for someone named");
    assert_eq!((tane.name.as_str(), tane.role.as_deref()), ("spokesman for Aroha Tane", Some("spokesman for Aroha Tane")));
}

#[test]
fn a_titled_mention_keeps_the_words_that_qualify_the_title() {
    let found = speakers(
        "Nigerian Trade Minister Daniel Okafor met the delegation.\n\nOkafor said the tariffs would fall next year.\n\n\
         Japanese Chief Cabinet Secretary Kenji Aoyama arrived later.\n\nAoyama said the talks were useful.",
    );
    let has = |n: &str, r: &str, a: &str| {
        found.iter().any(|(name, role, aff)| name == n && role.as_deref() == Some(r) && aff.as_deref() == Some(a))
    };
    assert!(has("Daniel Okafor", "trade minister", "Nigeria"), "{found:?}");
    assert!(has("Kenji Aoyama", "chief cabinet secretary", "Japan"), "{found:?}");
}

/// The speaker of the statement whose content contains `needle`, by name.
fn speaker_of(text: &str, needle: &str) -> Option<String> {
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    let st = article.statements.iter().find(|s| s.content.of(&article.text).contains(needle));
    let st = st.unwrap_or_else(|| panic!("no statement with {needle:?}: {:?}", article.statements));
    st.speaker.as_ref().map(|s| s.name.clone())
}

#[test]
fn a_name_after_a_lower_case_role_in_the_narrative_is_who_the_surname_and_the_role_point_to() {
    let text = "Lima, June 2 -- Peru's Foreign Ministry spokesperson Rosa Quispe Huaman briefed reporters on the border talks.\n\n\
                Quispe said the two delegations would meet again in July.\n\n\
                The spokesperson noted that both sides had agreed to keep the crossing open.";
    assert_eq!(speaker_of(text, "meet again in July").as_deref(), Some("Rosa Quispe Huaman"));
    assert_eq!(speaker_of(text, "keep the crossing open").as_deref(), Some("Rosa Quispe Huaman"));
}

#[test]
fn a_pronoun_before_anyone_has_spoken_is_the_person_named_last() {
    let text =
        "Harbour Authority Director Ingrid Solberg, speaking at the annual meeting in Bergen, said that cargo volumes rose by a tenth.\n\n\
                \"We expect the same next year,\" she said.";
    assert_eq!(speaker_of(text, "cargo volumes rose").as_deref(), Some("Ingrid Solberg"));
    assert_eq!(speaker_of(text, "We expect the same").as_deref(), Some("Ingrid Solberg"));
}

#[test]
fn she_said_in_the_paragraph_that_names_a_new_speaker_is_that_speaker() {
    let text = "Trade Minister Amina Yusuf said the deal would cut duties on cocoa.\n\n\
                She said exporters had waited ten years for it. She added that the first shipments would leave in May.\n\n\
                Union leader Grace Otieno said the deal ignored workers. \"It is a deal for the few,\" she said.";
    assert_eq!(speaker_of(text, "first shipments").as_deref(), Some("Amina Yusuf"));
    assert_eq!(speaker_of(text, "a deal for the few").as_deref(), Some("Grace Otieno"));
}

#[test]
fn the_question_put_to_a_speaker_is_not_theirs() {
    let text = "Ministry spokesperson Tomas Varga said on Monday that the pipeline would reopen within a week.\n\n\
                When asked whether fuel prices would rise, Varga said he could not say.";
    // the question is no statement, or no statement of his
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    let asked = article.statements.iter().filter(|s| s.content.of(&article.text).contains("whether fuel prices"));
    assert!(asked.clone().all(|s| s.speaker.as_ref().is_none_or(|sp| sp.name != "Tomas Varga")), "{:?}", asked.collect::<Vec<_>>());
    assert_eq!(speaker_of(text, "he could not say").as_deref(), Some("Tomas Varga"));
}

#[test]
fn the_ministry_is_the_ministry_named_before() {
    let text = "The Chilean Mining Ministry said in a statement that copper output fell in March.\n\n\
                Officials said the drought was to blame.\n\n\
                The ministry said production would recover by the end of the year.";
    assert_eq!(speaker_of(text, "recover by the end").as_deref(), Some("Chilean Mining Ministry"));
}

#[test]
fn a_role_then_a_name_in_apposition_is_that_person_and_an_unnamed_source_loses_its_appositive() {
    let text = "Farmers said the new rules were too strict.\n\n\
                \"We were never asked,\" said the cooperative's chief executive, Pedro Almeida.\n\n\
                A senior ministry official, speaking on condition of anonymity, said the rules would be reviewed.";
    assert_eq!(speaker_of(text, "never asked").as_deref(), Some("Pedro Almeida"));
    assert_eq!(speaker_of(text, "rules would be reviewed").as_deref(), Some("senior ministry official"));
}

#[test]
fn a_role_in_the_headline_is_the_holder_the_story_names() {
    let text = "Minister promises new bridge for the valley\n\n\
                KANDY, May 3 -- Minister for Highways Nimal Perera Jayasuriya said on Friday that work on the bridge would begin in August.\n\n\
                He said the cost would be shared with the provincial council.";
    assert_eq!(speaker_of(text, "bridge would begin").as_deref(), Some("Nimal Perera Jayasuriya"));
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    for s in article.statements.iter().filter(|s| s.content.end < text.find("\n\n").unwrap()) {
        assert_eq!(s.speaker.as_ref().map(|s| s.name.as_str()), Some("Nimal Perera Jayasuriya"), "{:?}", s);
    }
}

#[test]
fn the_diplomat_is_the_office_holder_who_spoke_last_but_a_diplomat_is_someone_new() {
    let text = "Foreign Ministry Spokeswoman Lena Varga told a briefing on Tuesday that the embassy would reopen.\n\n\
                \"We have waited long enough for this,\" the diplomat said.\n\n\
                A Western diplomat, who asked not to be named, said the decision surprised many capitals.";
    assert_eq!(speaker_of(text, "waited long enough").as_deref(), Some("Lena Varga"));
    assert_ne!(speaker_of(text, "surprised many capitals").as_deref(), Some("Lena Varga"));
}

#[test]
fn a_leader_named_in_the_narrative_is_the_subject_of_a_sourceless_cue() {
    let text = "Chief Minister Sara Malik said the new roads would open in June.\n\n\
                Opposition leader Kamran Shah, however, criticised the plan, saying the money should go to schools.";
    assert_eq!(speaker_of(text, "money should go to schools").as_deref(), Some("Kamran Shah"));
}

#[test]
fn a_counterpart_named_in_passing_is_who_the_surname_points_to() {
    let found = speakers(
        "Foreign Minister Lina Haddad met her Turkish counterpart Kemal Arslan in Ankara.\n\n\
         Arslan said Türkiye would support the reconstruction fund.",
    );
    assert!(
        found.iter().any(|(n, r, a)| n == "Kemal Arslan" && r.as_deref() == Some("counterpart") && a.as_deref() == Some("Turkey")),
        "{found:?}"
    );
}

#[test]
fn a_two_letter_surname_and_an_opening_participle_find_the_full_name() {
    let text = "Chinese Premier Li Wen met the visiting delegation on Monday.\n\n\
                Noting that trade between the two countries had doubled, Li said both sides should open new routes.";
    assert_eq!(speaker_of(text, "should open new routes").as_deref(), Some("Li Wen"));
    assert_eq!(speaker_of(text, "trade between the two countries").as_deref(), Some("Li Wen"));
}

#[test]
fn a_questioner_label_in_a_briefing_transcript_is_no_speaker() {
    let text = "Daily Press Briefing\n\n\
                MS HALVORSEN: Good afternoon. The minister will travel to Reykjavik on Monday.\n\n\
                QUESTION: Will she meet the prime minister there?\n\n\
                MS HALVORSEN: I have nothing more to announce on the schedule.";
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    let question =
        article.statements.iter().find(|s| s.content.of(&article.text).contains("Will she meet")).expect("the question is a line");
    assert_eq!(question.speaker, None);
    let names: Vec<String> = speakers(text).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["HALVORSEN", "HALVORSEN"]);
}

#[test]
fn the_ministry_with_no_ministry_named_before_is_no_speaker_called_ministry() {
    let names: Vec<String> = speakers(
        "Fishing boats stayed in port on Monday.\n\nThe ministry said the quota would be reviewed next month.\n\nHarbour master Ole Dahl said the boats would sail on Friday.",
    )
    .into_iter()
    .map(|(n, _, _)| n)
    .collect();
    assert!(!names.iter().any(|n| n.eq_ignore_ascii_case("ministry")), "{names:?}");
    assert!(names.iter().any(|n| n == "Ole Dahl"), "{names:?}");
}

#[test]
fn an_organisation_named_in_full_is_who_the_embassy_and_the_office_point_to() {
    let text = "The Norwegian Embassy in Madrid rejected the claims on Monday. The embassy said the fishing licences had been issued lawfully.\n\n\
                Home Office minister Ana Berg said the review would end in May.";
    assert_eq!(speaker_of(text, "licences had been issued").as_deref(), Some("Norwegian Embassy in Madrid"));
    let found = speakers(text);
    assert!(found.iter().any(|(n, _, a)| n == "Ana Berg" && a.as_deref() == Some("Home Office")), "{found:?}");
}

#[test]
fn a_document_speaks_without_what_qualifies_it() {
    let text = "According to a joint statement released after the talks, the two countries signed nine agreements.";
    assert_eq!(speaker_of(text, "nine agreements").as_deref(), Some("joint statement"));
}

/// The floating statements of a text, with their speakers.
fn floating(text: &str) -> Vec<(String, Option<String>)> {
    let doc = RawDocument { name: "t".into(), origin: "t".into(), body: Body::Text(text.into()), fields: Fields::default() };
    let article = onrecord_engine::analyze(doc).expect("analysed");
    article
        .statements
        .iter()
        .filter(|s| s.kind == onrecord_model::StatementKind::Floating)
        .map(|s| (s.content.of(&article.text).to_string(), s.speaker.as_ref().map(|sp| sp.name.clone())))
        .collect()
}

#[test]
fn a_sentence_without_a_cue_carries_on_the_speaker_of_a_report_but_not_one_voice_of_many() {
    // a briefing written up: the spokesperson's words throughout
    let report = floating(
        "Foreign Ministry spokesperson Lin Wei said on Monday that the two countries had agreed to expand trade.\n\n\
         The two sides had also decided to open a new consulate in the port city.\n\n\
         Lin said the agreement would be signed next month.",
    );
    assert!(report.iter().any(|(c, sp)| c.starts_with("The two sides had also decided") && sp.as_deref() == Some("Lin Wei")), "{report:?}");
    // a story that gives several people their say: the sentence after one of them is the
    // writer's narrative
    let story = floating(
        "Mayor Ana Ruiz said on Monday that the bridge would reopen in May.\n\n\
         Council member Tom Hale said the repairs had cost too much. Engineer Priya Nair said the piers were now safe.\n\n\
         Resident Joe Kim said he had waited long enough. He has driven around the river for a year to reach his shop.",
    );
    assert!(story.is_empty(), "{story:?}");
}

#[test]
fn a_sentence_about_the_speaker_is_no_continuation_of_their_words() {
    let found = floating(
        "Foreign Ministry spokesperson Lin Wei said on Monday that the two countries had agreed to expand trade.\n\n\
         The two sides had also decided to open a new consulate in the port city.\n\n\
         He has held the post since 2019, and briefs reporters twice a week.\n\n\
         Lin said the agreement would be signed next month. In recent weeks, Mr. Lin had travelled to both capitals.",
    );
    let contents: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert!(contents.iter().any(|c| c.starts_with("The two sides")), "{found:?}");
    assert!(!contents.iter().any(|c| c.starts_with("He has held") || c.contains("Mr. Lin")), "{found:?}");
}

#[test]
fn a_relative_pronoun_source_is_the_phrase_it_hangs_on() {
    let text = "Wellington, May 3 -- The fisheries board met on Tuesday to set next year's catch limits.\n\n\
                The board's chair, Tama Ngata, who said the quota would be cut by a fifth, left before the vote.\n\n\
                The Harbour Authority - which said the channel would reopen in June - declined to comment further.\n\n\
                The Tasman Freight Association (TFA), which said costs would rise, was not consulted.";
    assert_eq!(speaker_of(text, "quota would be cut").as_deref(), Some("Tama Ngata"));
    assert_eq!(speaker_of(text, "costs would rise").as_deref(), Some("Tasman Freight Association"));
    assert_eq!(speaker_of(text, "channel would reopen").as_deref(), Some("Harbour Authority"));
}

#[test]
fn the_holder_of_a_role_is_named_after_it_not_the_place_it_is_held() {
    let found = speakers(
        "The floods reached the capital on Monday.\n\n\
         The agency's correspondent in Jakarta, Rina Sari, said the water was still rising.\n\n\
         Later the minister said the army would help.",
    );
    assert!(found.iter().any(|(n, r, _)| n == "Rina Sari" && r.as_deref() == Some("correspondent")), "{found:?}");
    assert!(!found.iter().any(|(n, _, _)| n == "Jakarta" || n.starts_with("Later")), "{found:?}");
}

#[test]
fn an_organisation_then_who_speaks_for_it_is_that_person() {
    let found = speakers(
        "The fishing quota was cut again.\n\n\
         For the Harbour Party, shadow education secretary Ola Dahl said the cut would close the port.\n\n\
         The Lord Chancellor, Lord Vane, said the courts would hear the case.",
    );
    assert!(
        found.iter().any(|(n, r, a)| n == "Ola Dahl"
            && r.as_deref() == Some("shadow education secretary")
            && a.as_deref() == Some("Harbour Party")),
        "{found:?}"
    );
    assert!(found.iter().any(|(n, r, _)| n == "Lord Vane" && r.as_deref() == Some("lord chancellor")), "{found:?}");
}

#[test]
fn he_after_a_person_the_story_has_just_introduced_is_that_person() {
    let text = "Rovers win the cup\n\n\
                Man of the match Stephen Marlowe, who scored twice in the second half, was delighted after the final whistle.\n\n\
                \"It is a special moment for the whole squad,\" he said.";
    assert_eq!(speaker_of(text, "special moment").as_deref(), Some("Stephen Marlowe"));
}

#[test]
fn a_person_named_in_passing_does_not_take_the_pronoun_from_the_speaker() {
    // Hansen is named inside the pronoun's own sentence, and Keane after the last speaker in
    // a statement's words: neither is the "he" who insisted
    let text = "Club chief executive Rick Parry said the stadium plans were on course.\n\n\
                Responding to criticism from pundit Alan Hansen, he insisted that talks with investors were going well.\n\n\
                Parry said that the fans had been told about Roy Keane's remarks. \"We are ready for the new season,\" he added.";
    assert_eq!(speaker_of(text, "talks with investors").as_deref(), Some("Rick Parry"));
    assert_eq!(speaker_of(text, "ready for the new season").as_deref(), Some("Rick Parry"));
}

#[test]
fn she_is_never_a_man_the_story_names_by_his_given_name() {
    let text = "Festival director Craig Prater said the programme would go ahead as planned.\n\n\
                The film market, run by Christine Rush, opened on Monday. \"We have been careful to respect the recovery,\" she said.";
    assert_ne!(speaker_of(text, "careful to respect").as_deref(), Some("Craig Prater"));
}

#[test]
fn a_surname_speaker_takes_the_full_name_the_story_gives() {
    let text = "Everton defender David Weir has played down talk of European football.\n\n\
                Weir told BBC Radio Five Live that the squad would take one game at a time.";
    assert_eq!(speaker_of(text, "one game at a time").as_deref(), Some("David Weir"));
}

#[test]
fn who_after_a_long_clause_is_the_name_that_ends_it() {
    let text = "The charge was denied by Home Secretary Jane Morrow, who said the opposition was running scared.\n\n\
                The slowdown has been noted by the Organisation for Economic Co-operation and Development, which said growth would halve.";
    assert_eq!(speaker_of(text, "running scared").as_deref(), Some("Jane Morrow"));
    assert_eq!(speaker_of(text, "growth would halve").as_deref(), Some("Organisation for Economic Co-operation and Development"));
}

#[test]
fn the_company_and_it_point_back_to_the_business_not_to_a_person() {
    let text = "Drugs group Halvorsen Pharma said on Monday that profits rose by a fifth.\n\n\
                Chief executive Thomas Brandt said the new plant would open in May.\n\n\
                The company said it would cut 300 jobs. It added that the cuts would fall on its sales force.\n\n\
                It is thought that the cuts will be announced next week.";
    assert_eq!(speaker_of(text, "300 jobs").as_deref(), Some("Halvorsen Pharma"));
    assert_eq!(speaker_of(text, "fall on its sales force").as_deref(), Some("Halvorsen Pharma"));
    // "it is thought" is no one's
    assert_eq!(speaker_of(text, "announced next week"), None);
}

#[test]
fn he_after_a_sentence_opened_by_a_known_surname_is_that_person() {
    let text = "Marlowe into the final\n\n\
                Second seed Tomas Reyes beat Jonathan Marlowe in the semi-final on Friday. \"I played well,\" said Reyes.\n\n\
                Marlowe broke a racket in frustration in the third set and was unimpressed with his form afterwards. \"I'm not playing great,\" he said.";
    assert_eq!(speaker_of(text, "not playing great").as_deref(), Some("Jonathan Marlowe"));
}

#[test]
fn a_source_after_its_cue_takes_the_name_set_off_after_it() {
    let text = "Festival goes on\n\n\
                The festival has continued as planned. \"We asked ourselves if we should cancel,\" said the festival's executive director, Craig Pratt. \"The decision was made that we would go on.\"\n\n\
                His views were echoed by Christine Rushby, director of the film market run alongside the festival. \"We have been careful to respect the recovery,\" she said.";
    assert_eq!(speaker_of(text, "should cancel").as_deref(), Some("Craig Pratt"));
    // the one woman the story names
    assert_eq!(speaker_of(text, "careful to respect").as_deref(), Some("Christine Rushby"));
}

#[test]
fn i_and_we_are_who_says_them() {
    // in the narrative, the writer: no speaker of the story, however recently one spoke
    let column = "Finance Minister Lena Vos said the budget would balance by 2027.\n\n\
                  I think the plan is too timid, and we should say so.";
    assert_eq!(speaker_of(column, "the budget would balance").as_deref(), Some("Lena Vos"));
    assert_eq!(speaker_of(column, "the plan is too timid"), None);
    // inside a speaker's words, that speaker
    let quoted = "Finance Minister Lena Vos met the unions on Monday.\n\n\
                  \"I told them we would not cut pensions,\" Vos said.";
    assert_eq!(speaker_of(quoted, "I told them").as_deref(), Some("Lena Vos"));
    assert_eq!(speaker_of(quoted, "we would not cut pensions").as_deref(), Some("Lena Vos"));
}

#[test]
fn who_issued_the_statement_is_where_its_spokesperson_works() {
    let found = speakers("In a statement issued by the Foreign Office, spokesperson Amir Rana said the talks would resume in May.");
    assert!(
        found.iter().any(|(n, r, a)| n == "Amir Rana" && r.as_deref() == Some("spokesperson") && a.as_deref() == Some("Foreign Office")),
        "{found:?}"
    );
}

#[test]
fn the_company_of_a_country_is_the_business_named_before() {
    let text = "Siemens showed off a faster mobile network at the fair.\n\n\
                The German company said data could be sent ten times faster.\n\n\
                The Indian foreign ministry said talks would go on.";
    assert_eq!(speaker_of(text, "ten times faster").as_deref(), Some("Siemens"));
    assert_eq!(speaker_of(text, "talks would go on").as_deref(), Some("Indian Foreign Ministry"));
}

#[test]
fn who_after_a_quotations_cue_is_the_one_the_cue_names() {
    let found = speakers("\"We won't stop,\" said one engineer at the site, who declined to give his name.");
    assert!(!found.is_empty() && found.iter().all(|(n, _, _)| !n.starts_with("said")), "{found:?}");
}

#[test]
fn the_official_is_the_unnamed_official_just_quoted() {
    // "the official" points back to the one who spoke last with that role, though no one named
    // them, not to a named speaker before them who holds some office
    let text = "Foreign Minister Lena Vos said on Monday that the border would stay open.\n\n\
                A senior official who declined to be named said talks would resume next month.\n\n\
                According to the official, both sides have agreed to keep the peace.";
    assert_eq!(speaker_of(text, "the border would stay open").as_deref(), Some("Lena Vos"));
    assert_eq!(speaker_of(text, "both sides have agreed"), speaker_of(text, "talks would resume"));
    assert_ne!(speaker_of(text, "both sides have agreed").as_deref(), Some("Lena Vos"));
    // "the spokesman" after "a Home Office spokesman": the same unnamed spokesman
    let text = "A Home Office spokesman said the rules would change in May. \"We will consult widely,\" the spokesman said.";
    assert_eq!(speaker_of(text, "We will consult widely").as_deref(), Some("Home Office spokesman"));
}

#[test]
fn its_chief_executive_works_at_the_organisation_that_spoke_before() {
    let text = "The Refugee Council warned that thousands of people could be left in limbo.\n\n\
                Its chief executive, Enver Solomon, said the policy would break a long-standing promise.";
    let found = speakers(text);
    assert!(
        found
            .iter()
            .any(|(n, r, a)| n == "Enver Solomon" && r.as_deref() == Some("chief executive") && a.as_deref() == Some("Refugee Council")),
        "{found:?}"
    );
}

#[test]
fn an_office_with_its_complement_and_a_name_with_initials_are_read_whole() {
    let text = "Call with the minister\n\n\
                Secretary of State Antony J. Blinken spoke today with External Affairs Minister Dr. S. Jaishankar. \
                The Secretary emphasized the importance of the partnership.";
    let found = speakers(text);
    assert!(found.iter().any(|(n, r, _)| n == "Antony J. Blinken" && r.as_deref() == Some("secretary of state")), "{found:?}");
}

#[test]
fn he_after_a_paragraph_where_a_man_spoke_is_that_man() {
    // the first minister spoke more often, but "he" opens the paragraph after the second one's
    // words, and "for his part" tells that the second one is a man
    let text = "Ministers meet in Cairo\n\n\
                Foreign Minister Wang Yi held talks with Egyptian Foreign Minister Sameh Shoukry on Sunday.\n\n\
                Wang said the two countries were strategic partners. China supports Egypt, Wang said.\n\n\
                \"We have always supported each other,\" Wang said.\n\n\
                Shoukry, for his part, said Egypt appreciates China's support.\n\n\
                He noted that Egypt is ready to work with China on the summit's outcomes.";
    assert_eq!(speaker_of(text, "ready to work with China").as_deref(), Some("Sameh Shoukry"));
    assert_eq!(speaker_of(text, "strategic partners").as_deref(), Some("Wang Yi"));
}

#[test]
fn the_answers_of_a_spokespersons_remarks_are_the_spokespersons() {
    let text = "Foreign Ministry Spokesperson Ana Lin's Remarks on the Summit Statement\n\n\
                Q: The summit issued a statement that mentioned the region. What is your comment?\n\n\
                A: The statement ignores our concerns. We firmly oppose it.\n\n\
                Q: Will there be countermeasures?\n\n\
                A: We will firmly safeguard our interests.";
    assert_eq!(speaker_of(text, "We firmly oppose it").as_deref(), Some("Ana Lin"));
    assert_eq!(speaker_of(text, "safeguard our interests").as_deref(), Some("Ana Lin"));
    // the one who asks is not named: no speaker called "Q"
    assert_eq!(speaker_of(text, "Will there be countermeasures"), None);
    // and an answer whose answerer no headline names is no one's called "A"
    let text =
        "An interview with the ambassador\n\nQ: How are relations?\n\nA: Relations are excellent.\n\nQ: And trade?\n\nA: Trade is growing.";
    assert_eq!(speaker_of(text, "Relations are excellent"), None);
}

#[test]
fn a_seat_of_government_is_no_he() {
    let text = "Minister resigns over expenses row\n\n\
                The housing minister resigned on Friday after reports about her expenses, Downing Street said.\n\n\
                The prime minister thanked her for her service. \"She has been a dedicated minister,\" he said in a statement.";
    assert_ne!(speaker_of(text, "dedicated minister").as_deref(), Some("Downing Street"));
}

#[test]
fn a_hyphenated_or_prefixed_surname_is_the_person_named_before() {
    let found = speakers(
        "Ceasefire talks\n\n\
         \"We are cautiously optimistic,\" foreign ministry spokesman Majid al-Nasser told a news conference.\n\n\
         \"Both sides have shown flexibility,\" al-Nasser said.\n\n\
         Press secretary Karen Lacroix-Dumont told reporters the president was confident. Lacroix-Dumont said the vote would be close.",
    );
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["Majid al-Nasser", "Majid al-Nasser", "Karen Lacroix-Dumont", "Karen Lacroix-Dumont"], "{found:?}");
}

#[test]
fn the_spokesman_is_the_spokesman_for_an_office_named_before() {
    let found = speakers(
        "Aid blocked\n\n\
         \"All parties must allow aid through,\" Ines Moreau, Spokeswoman for the Secretary-General, told reporters.\n\n\
         Asked about the Council, the spokeswoman said that was for its members to decide.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    for (name, role, affiliation) in &found {
        assert_eq!(
            (name.as_str(), role.as_deref(), affiliation.as_deref()),
            ("Ines Moreau", Some("spokeswoman"), Some("Secretary-General"))
        );
    }
}

#[test]
fn the_premier_and_the_pm_are_the_prime_minister() {
    let found = speakers(
        "Budget\n\n\
         Prime Minister Sadia Khan on Monday said the government would cut spending.\n\n\
         Addressing a ceremony, the premier said the floods had cost the country dearly.\n\n\
         The PM said the coalition partners were united.",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    for (name, role, _) in &found {
        assert_eq!((name.as_str(), role.as_deref()), ("Sadia Khan", Some("prime minister")), "{found:?}");
    }
}

#[test]
fn a_surname_without_its_article_is_the_person_named_with_it() {
    let found = speakers(
        "Border talks\n\n\
         Egyptian President Omar al-Rashid said on Wednesday the crossing would stay open.\n\n\
         \"The displacement of Palestinians is a red line,\" Rashid said.",
    );
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["Omar al-Rashid", "Omar al-Rashid"], "{found:?}");
}

#[test]
fn a_body_named_with_commas_and_its_acronym_speaks_through_its_spokesperson() {
    let found = speakers(
        "Journalist held\n\n\
         A Foreign, Commonwealth and Development Office (FCDO) spokesperson said: \"We are supporting the family.\"",
    );
    assert_eq!(
        found,
        [(
            "Foreign, Commonwealth and Development Office spokesperson".to_string(),
            Some("spokesperson".to_string()),
            Some("Foreign, Commonwealth and Development Office".to_string())
        )]
    );
}

#[test]
fn its_general_secretary_works_for_the_college_that_spoke_before() {
    let found = speakers(
        "Visas\n\n\
         The Home Office said on Tuesday that the new rules would cut migration.\n\n\
         The Royal College of Nursing criticised the plans. Its general secretary, Ann Lowe, said: \"These changes will make it harder to fill vacancies.\"",
    );
    assert!(
        found.iter().any(|(n, r, a)| n == "Ann Lowe"
            && r.as_deref() == Some("general secretary")
            && a.as_deref() == Some("Royal College of Nursing")),
        "{found:?}"
    );
}

#[test]
fn he_after_an_unnamed_official_is_that_official() {
    let found = speakers(
        "Talks\n\n\
         WASHINGTON (Reuters) - Prime Minister Ana Lopes met the envoy on Monday.\n\n\
         A State Department spokesperson said the talks were useful. She added that more meetings were planned.\n\n\
         A senior official said the deal was close. He said it could be signed next week.",
    );
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["State Department spokesperson", "State Department spokesperson", "senior official", "senior official"],
        "{found:?}"
    );
}
