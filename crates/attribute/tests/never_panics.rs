//! Attribution must return something for any text and never panic: random text, mangled news
//! (unbalanced quotes, control characters, very long sentences) and byte soup.

use onrecord_attribute::attribute;
use onrecord_clean::{clean, Given};
use proptest::prelude::*;

const NEWS: &str = "BEIJING, June 4 (APP): “We are ready,” Chinese Foreign Ministry's Spokesperson Zhao Lijian said \
on Wednesday. He added that China would \"never forget\" the support.\n\nAccording to the resolution, the Senate \
rejected the propaganda. ‘It’s the peoples' choice,’ she told reporters, adding: «Oui».\n\nWALLACE: Is that so?\n\n";

fn analyse(text: String) {
    let article = clean("t".into(), "t".into(), text, Given::default());
    let len = article.text.len();
    for s in attribute(&article) {
        for span in [Some(s.content), s.cue, s.source].into_iter().flatten() {
            assert!(span.start <= span.end && span.end <= len, "span {span:?} outside a text of {len} bytes");
            assert!(article.text.is_char_boundary(span.start) && article.text.is_char_boundary(span.end));
        }
    }
}

/// Pieces news is made of, including the marks that break naive quote readers.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just(", he added, ".to_string()),
        Just("Mr. Zhao".to_string()),
        Just(":".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("\u{0}\u{7}\u{1b}".to_string()),
        // words the span-mending rules look for, next to multi-byte spaces and quotes
        Just("\u{a0}".to_string()),
        Just("He’s not".to_string()),
        Just(" who’d ".to_string()),
        Just(" and ".to_string()),
        Just("A spokesman for ".to_string()),
        Just("Having said that, ".to_string()),
        Just(", which".to_string()),
        Just(" on".to_string()),
        "[A-Za-z]{1,12}",
        "\\PC{0,20}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string(s in "\\PC{0,400}") {
        analyse(s);
    }

    #[test]
    fn news_like_pieces(parts in prop::collection::vec(piece(), 0..120)) {
        analyse(parts.concat());
    }

    #[test]
    fn mangled_news(cut in 0usize..400, insert in piece(), at in 0usize..400) {
        let mut text: String = NEWS.chars().take(cut).collect();
        let at = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
        text.insert_str(at, &insert);
        text.push_str(&NEWS[NEWS.char_indices().nth(cut).map_or(NEWS.len(), |(i, _)| i)..]);
        analyse(text);
    }

    #[test]
    fn lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        analyse(String::from_utf8_lossy(&bytes).into_owned());
    }
}

#[test]
fn very_long_sentence_and_unclosed_quotes() {
    let mut t = String::from("“");
    for i in 0..20_000 {
        t.push_str(if i % 7 == 0 { "he said \" " } else { "word " });
    }
    analyse(t);
    analyse("\"".repeat(10_000));
    analyse("“".repeat(5_000) + &"”".repeat(3));
}
