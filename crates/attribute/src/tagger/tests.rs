use onrecord_clean::{clean, Given};

use super::brat::Annotation;
use super::*;

fn article(text: &str) -> Article {
    clean("t".into(), "t".into(), text.to_string(), Given::default())
}

/// `[source] [cue] [content]` marked in the text with brackets, turned into a training doc.
fn doc(marked: &str) -> TrainingDoc {
    let mut text = String::new();
    let mut annotations = Vec::new();
    let mut open: Option<usize> = None;
    let mut role_at = 0;
    let roles = [Role::Source, Role::Cue, Role::Content];
    for c in marked.chars() {
        match c {
            '[' => open = Some(text.chars().count()),
            ']' => {
                let start = open.take().expect("balanced brackets");
                annotations.push(Annotation { role: roles[role_at % 3], fragments: vec![(start, text.chars().count())] });
                role_at += 1;
            }
            c => text.push(c),
        }
    }
    TrainingDoc { article: article(&text), annotations }
}

fn small_corpus() -> Vec<TrainingDoc> {
    let names = ["Smith", "Jones", "The minister", "Ms. Brown", "The company", "Officials", "He", "She"];
    let cues = ["said", "argued", "claimed", "told reporters"];
    let contents = ["taxes would rise", "the plan had failed", "prices will fall next year", "the vote was fair"];
    let mut docs = Vec::new();
    for (i, n) in names.iter().enumerate() {
        for (j, c) in cues.iter().enumerate() {
            let content = contents[(i + j) % contents.len()];
            docs.push(doc(&format!("The weather was mild on Monday. [{n}] [{c}] [{content}]. Nothing else happened.")));
        }
    }
    docs
}

fn tags_of(model: &Model, text: &str) -> Vec<(String, Tag)> {
    let a = article(text);
    let live = Live::of(&a);
    let hints = crate::rules_attribute(&a, &live);
    let seq = prepare(model, &a.text, &live, &hints);
    let tags = tag(model, &seq);
    seq.tokens.iter().zip(tags).map(|(t, g)| (t.span.of(&a.text).to_string(), g)).collect()
}

#[test]
fn training_learns_a_pattern_and_the_saved_model_reads_back_the_same() {
    let docs = small_corpus();
    let opts = TrainOptions { epochs: 15, bits: 16, folds: 2, ..TrainOptions::default() };
    let model = train(&docs, &opts, &mut |_, _, _| {});
    assert_eq!(model.stages.len(), 2);
    let text = "The weather was mild on Monday. Mr. Green said the plan had failed. Nothing else happened.";
    let tags = tags_of(&model, text);
    let role = |w: &str| tags.iter().find(|(t, _)| t == w).and_then(|(_, g)| g.role());
    assert_eq!(role("Green"), Some(Role::Source), "{tags:?}");
    assert_eq!(role("said"), Some(Role::Cue), "{tags:?}");
    assert_eq!(role("failed"), Some(Role::Content), "{tags:?}");
    assert_eq!(role("weather"), None, "{tags:?}");

    let mut bytes = Vec::new();
    model.save(&mut bytes).unwrap();
    let back = Model::load(bytes.as_slice()).unwrap();
    assert_eq!(tags_of(&back, text), tags);
    // the trained model already runs on the 16-bit weights the file stores
    for (a, b) in model.stages.iter().zip(&back.stages) {
        assert!(a.weights == b.weights && a.scale == b.scale && a.trans == b.trans);
    }
}

#[test]
fn a_damaged_model_is_an_error_not_a_panic() {
    assert!(matches!(Model::load(&b"not gzip at all"[..]), Err(ModelError::Io(_))));
    let docs = small_corpus();
    let model = train(&docs[..4], &TrainOptions { epochs: 1, bits: 12, folds: 0, ..TrainOptions::default() }, &mut |_, _, _| {});
    let mut bytes = Vec::new();
    model.save(&mut bytes).unwrap();
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut raw).unwrap();
    raw.truncate(raw.len() / 2);
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut z, &raw).unwrap();
    assert!(matches!(Model::load(z.finish().unwrap().as_slice()), Err(ModelError::Corrupt(_))));
}

#[test]
fn the_embedded_model_reads_a_quote_and_reported_speech() {
    let model = default_model().expect("the embedded model loads");
    let text = "WASHINGTON — \"We will not back down,\" Senator Jane Ortiz said on Tuesday.\n\n\
                The governor told reporters that the budget would be balanced by June.";
    let a = article(text);
    let live = Live::of(&a);
    let found = statements(model, &a, &live, &crate::rules_attribute(&a, &live));
    let by_content = |needle: &str| found.iter().find(|s| s.content.of(text).contains(needle));
    let quote = by_content("not back down").expect("the quote is a statement");
    assert_eq!(quote.cue.map(|c| c.of(text)), Some("said"));
    assert!(quote.source.is_some_and(|s| s.of(text).contains("Ortiz")), "{:?}", quote.source.map(|s| s.of(text)));
    let reported = by_content("budget would be balanced").expect("the reported speech is a statement");
    assert!(reported.source.is_some_and(|s| s.of(text).contains("governor")));
}

/// The statements `assemble` makes of `text` tagged by hand: each token is tagged by the first
/// `(word, tag)` entry whose word it is, in order, or `O`.
fn assembled(text: &str, marks: &[(&str, Tag)]) -> Vec<(Option<String>, Option<String>, String)> {
    let a = article(text);
    let live = Live::of(&a);
    let seq = features::sequence(&a.text, &live, &[], &|_| false);
    let mut next = 0;
    let tags: Vec<Tag> = seq
        .tokens
        .iter()
        .map(|t| match marks.get(next) {
            Some((w, g)) if t.span.of(&a.text) == *w => {
                next += 1;
                *g
            }
            _ => Tag::O,
        })
        .collect();
    assert_eq!(next, marks.len(), "every mark meets its token");
    let of = |s: Option<onrecord_model::Span>| s.map(|s| s.of(&a.text).to_string());
    assemble::statements(&seq, &tags, &live.quotes)
        .into_iter()
        .map(|s| (of(s.source), of(s.cue), s.content.of(&a.text).to_string()))
        .collect()
}

#[test]
fn a_content_between_two_cues_goes_to_the_one_beside_it_with_the_speaker_of_the_first() {
    use Tag::*;
    let text = "Talks will go on, Lavrov said on Thursday, accusing Washington of delays.";
    let marks = [
        ("Talks", BContent),
        ("will", IContent),
        ("go", IContent),
        ("on", IContent),
        ("Lavrov", BSource),
        ("said", BCue),
        ("accusing", BCue),
        ("Washington", BContent),
        ("of", IContent),
        ("delays", IContent),
    ];
    let found = assembled(text, &marks);
    let lavrov = Some("Lavrov".to_string());
    assert!(found.contains(&(lavrov.clone(), Some("said".into()), "Talks will go on".into())), "{found:#?}");
    assert!(found.contains(&(lavrov.clone(), Some("accusing".into()), "Washington of delays".into())), "{found:#?}");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn a_cue_left_without_content_shares_one_only_with_another_speaker() {
    use Tag::*;
    // the minister's "said" has no content of its own: it is not repeated with "adding"'s words
    let text = "The minister said, adding that costs were high.";
    let marks = [
        ("minister", BSource),
        ("said", BCue),
        ("adding", BCue),
        ("that", BContent),
        ("costs", IContent),
        ("were", IContent),
        ("high", IContent),
    ];
    let found = assembled(text, &marks);
    assert_eq!(found, vec![(Some("minister".into()), Some("adding".into()), "that costs were high".into())]);
}

/// The fused table is only a faster layout: the tags must be exactly those of the stages'
/// own tables, on every token of real articles.
#[test]
fn the_fused_table_tags_as_the_stages_do() {
    let fused = default_model().expect("the embedded model reads");
    assert!(fused.fused.is_some(), "the shipped model has two stages of one size");
    let mut plain = fused.clone();
    plain.fused = None;
    let texts = [
        include_str!("../../../../examples/seeds/000_bb004311bd2bc8ad.txt"),
        include_str!("../../../../examples/seeds/001_e35a4f05f87134d8.txt"),
        include_str!("../../../../examples/seeds/003_025c87b85e33775e.txt"),
        "“We will not back down,” she said, adding that talks would resume. \"Never,\" said Mr. Li.",
    ];
    for text in texts {
        let a = article(text);
        let live = Live::of(&a);
        let hints = crate::rules_attribute(&a, &live);
        let seq = prepare(fused, &a.text, &live, &hints);
        let tags = tag(fused, &seq);
        assert!(tags.iter().any(|t| *t != Tag::O), "the model finds attributions");
        assert_eq!(tags, tag(&plain, &seq));
        // the sums this CPU's fastest path makes are those of the portable one
        let table = fused.fused.as_ref().expect("fused");
        let (mut feats, mut em, mut sums) = (vec![], vec![], vec![]);
        let (mut em_portable, mut sums_portable) = (vec![], vec![]);
        features::features(&seq, &mut feats);
        table.base(&fused.stages[0], &feats, N_FEATURES, &mut em, &mut sums);
        table.base_portable(&fused.stages[0], &feats, N_FEATURES, &mut em_portable, &mut sums_portable);
        assert_eq!((&em, &sums), (&em_portable, &sums_portable));
        let mut stacked = vec![];
        features::stacked(&seq, &tags, &mut stacked);
        table.stacked(&fused.stages[1], &sums, &stacked, N_STACKED, &mut em);
        table.stacked_portable(&fused.stages[1], &sums, &stacked, N_STACKED, &mut em_portable);
        assert_eq!(em, em_portable);
    }
}

/// Viterbi's vector forward pass chooses as the scalar one does, ties included (scores on a
/// coarse grid tie often; a constrained transition is minus infinity).
#[cfg(target_arch = "x86_64")]
#[test]
fn the_vector_forward_pass_chooses_as_the_scalar_one() {
    if !std::is_x86_feature_detected!("avx2") {
        return;
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 5) as f32 - 2.0
    };
    let mut trans = [[0f32; model::N_TAGS]; model::N_TAGS + 1];
    for row in trans.iter_mut() {
        for v in row.iter_mut() {
            *v = next();
        }
    }
    trans[Tag::O as usize][Tag::ICue as usize] = f32::NEG_INFINITY;
    let em: Vec<[f32; model::N_TAGS]> = (0..300).map(|_| std::array::from_fn(|_| next())).collect();
    let start: [f32; model::N_TAGS] = std::array::from_fn(|_| next());
    let (mut back, mut back_vector) = (vec![[0u8; model::N_TAGS]; em.len()], vec![[0u8; model::N_TAGS]; em.len()]);
    let scalar = model::forward(&trans, &em, start, &mut back);
    // SAFETY: the CPU has AVX2, checked above.
    let vector = unsafe { model::forward_avx2(&trans, &em, start, &mut back_vector) };
    assert_eq!(scalar, vector);
    assert_eq!(back, back_vector);
}
