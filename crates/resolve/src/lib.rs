//! The resolve stage: who each source really is, across the article; what each statement is
//! about; when it was said.
//!
//! Sources are parsed into name, role and affiliation ("Chinese Foreign Ministry's Spokesperson
//! Zhao Lijian" → Zhao Lijian, spokesperson, Chinese Foreign Ministry). Later mentions are
//! linked back: a surname to the full name, a role noun to the latest holder of that role, a
//! document ("the resolution") to the body that issued it, and a pronoun to the speaker of the
//! paragraph's last statement when the gender fits, else to the most salient speaker of
//! matching gender, where salience adds up recency-weighted mentions, so the article's main
//! speaker wins over a person mentioned once in between. Names come from titled mentions
//! anywhere in the narrative too ("Foreign Ministry spokesperson Wang Wenbin briefed ..."), so
//! a later "Wang" or "the spokesperson" finds them; so do people the narrative names by given
//! name and surname (`given_names.rs`), whose given name tells "he" from "she".
//!
//! **Invariant: resolution only fills speaker, about and date; spans are never changed.** The
//! one statement it may remove is a floating one whose speaker is not the article's main
//! speaker (see [`keep_floating_in_reports`]): whether a cue-less sentence is someone's words
//! depends on who that someone is, which only this stage knows.

mod about;
mod dates;
mod given_names;
mod speakers;

use std::collections::HashMap;

use onrecord_model::{Article, StatementKind};

pub use about::{country_of_demonym, is_country, COUNTRIES};
pub use speakers::parse_source;

/// The first character boundary of `text` at or after byte `i` (the resolvers look back a
/// bounded number of bytes, which may land inside a character).
pub(crate) fn boundary_at_or_after(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last character boundary of `text` at or before byte `i` (at most `text.len()`).
pub(crate) fn boundary_at_or_before(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Fills `speaker`, `about` and `date` of every statement in the article.
pub fn resolve(article: &mut Article) {
    speakers::resolve_speakers(article);
    keep_floating_in_reports(article);
    about::fill_about(article);
    dates::fill_dates(article);
}

/// A sentence with no cue carries on a speaker's words in a report of that speaker (a briefing,
/// a speech, an interview written up): an article in which at least half of the statements
/// with a cue are theirs. In a story that gives many voices their say, the sentence after one
/// of them is the writer's own narrative, and the floating reading of it is dropped (as it is
/// when no speaker was found to carry on, and when the sentence is about the speaker).
fn keep_floating_in_reports(article: &mut Article) {
    let mut by_speaker: HashMap<&str, usize> = HashMap::new();
    let mut cued = 0usize;
    for st in &article.statements {
        if matches!(st.kind, StatementKind::Direct | StatementKind::Indirect | StatementKind::Mixed) {
            cued += 1;
            if let Some(sp) = &st.speaker {
                *by_speaker.entry(sp.name.as_str()).or_default() += 1;
            }
        }
    }
    let main: Vec<String> = by_speaker.into_iter().filter(|&(_, n)| 2 * n >= cued).map(|(name, _)| name.to_string()).collect();
    let text = &article.text;
    article.statements.retain(|st| {
        st.kind != StatementKind::Floating
            || st.speaker.as_ref().is_some_and(|sp| main.contains(&sp.name) && !describes_person(st.content.of(text), &sp.name))
    });
}

/// Whether a sentence is about a person rather than in their voice: it opens with a personal
/// pronoun ("He was a central broker ...") or names them ("Lynch herself was a partner ...",
/// "Mr. Obama spoke emotionally ..."). A speaker's words carried on do neither; a country or an
/// organisation may well name itself ("China will never forget ..."), so a one-word name counts
/// only after an honorific.
fn describes_person(sentence: &str, name: &str) -> bool {
    let words: Vec<&str> =
        sentence.split(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’')).filter(|w| !w.is_empty()).collect();
    let opens = words.iter().find(|w| !matches!(**w, "But" | "And" | "So" | "Yet" | "Still"));
    if matches!(opens, Some(&("He" | "She" | "His" | "Her"))) {
        return true;
    }
    let parts: Vec<&str> = name.split_whitespace().collect();
    let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else { return false };
    let person = parts.len() >= 2 && parts.iter().all(|w| w.starts_with(char::is_uppercase)) && !speakers::names_collective(name);
    let is_name = |w: &str| {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        w.len() >= 3 && (w == first || w == last)
    };
    words.iter().enumerate().any(|(i, w)| {
        is_name(w) && (person || i > 0 && matches!(words[i - 1], "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "President"))
    })
}
