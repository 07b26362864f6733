//! Repeated paragraphs: the lead pasted twice, the headline again as the first line.

use onrecord_model::{push_lowercase_words, Paragraph, Span};
use rustc_hash::FxHashMap;

/// Paragraphs shorter than this many words are never called repeats ("Ends.", "(AP)").
const MIN_WORDS: usize = 4;

/// Marks each paragraph that repeats another, case, spacing and punctuation aside.
///
/// Usually the later copy is the repeat. When one copy opens with the dateline, that copy is the
/// article's real lead and the other one (a teaser pasted above it) is the repeat.
pub fn mark_repeats(text: &str, spans: &[Span], dateline: Option<Span>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = spans.iter().map(|&span| Paragraph { span, repeat_of: None }).collect();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, span) in spans.iter().enumerate() {
        let has_dateline = dateline.is_some_and(|d| span.contains(d));
        // (a lead pasted twice has the dateline twice: the copy compares without it too)
        let body = match dateline {
            Some(d) if has_dateline => &text[d.end..span.end],
            Some(d) => span.of(text).strip_prefix(d.of(text)).unwrap_or(span.of(text)),
            None => span.of(text),
        };
        let key = normalise(body);
        // words are one space apart in the key
        if key.is_empty() || key.bytes().filter(|&b| b == b' ').count() + 1 < MIN_WORDS {
            continue;
        }
        match seen.get(&key) {
            Some(&first) if has_dateline => {
                out[first].repeat_of = Some(i);
                seen.insert(key, i);
            }
            Some(&first) => out[i].repeat_of = Some(first),
            None => {
                seen.insert(key, i);
            }
        }
    }
    out
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lowercase_words(&mut out, s, |c| !c.is_alphanumeric());
    out
}

#[cfg(test)]
mod tests {
    use crate::{clean, Given};

    fn repeated(text: &str) -> Vec<String> {
        let a = clean("t".into(), "t".into(), text.into(), Given::default());
        a.paragraphs.iter().filter(|p| p.repeat_of.is_some()).map(|p| p.span.of(&a.text).to_string()).collect()
    }

    #[test]
    fn later_copy_is_the_repeat() {
        let t = "Talks Go Well In Capital: Minister\n\ntalks go well in capital:  minister\n\nBody text.";
        assert_eq!(repeated(t), ["talks go well in capital:  minister"]);
    }

    #[test]
    fn the_copy_without_the_dateline_is_the_repeat() {
        let t =
            "The minister said the talks went well on Monday\n\nLAHORE (APP) - The minister said the talks went well on Monday.\n\nMore.";
        assert_eq!(repeated(t), ["The minister said the talks went well on Monday"]);
    }

    #[test]
    fn a_lead_pasted_twice_with_its_dateline_is_a_repeat() {
        let t = "Talks go well\n\nBEIJING, Sept 19 (APP): The minister said the talks went well.\n\n\
                 BEIJING, Sept 19 (APP): The minister said the talks went well.\n\nMore.";
        assert_eq!(repeated(t), ["BEIJING, Sept 19 (APP): The minister said the talks went well."]);
    }

    #[test]
    fn short_and_distinct_paragraphs_are_kept() {
        assert!(repeated("Ends.\n\nSome text here now.\n\nEnds.").is_empty());
        assert!(repeated("He said it was fine.\n\nHe said it was not fine.").is_empty());
    }
}
