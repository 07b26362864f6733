//! The attribute stage: every statement in an article, quoted or reported, with its cue, its
//! source as written and its content.
//!
//! Rules over tokens, sentence by sentence, in the order a reader meets them:
//! quotations are found first over whole paragraphs (they may run over several); each sentence
//! is then read for cue verbs and the shapes around them (`X said (that) ...`, `..., X said`,
//! `..., said X`, `according to X, ...`, `X told Y ...`, `"...," X said`, `X said: "..."`);
//! sentences that carry on a speaker's reported speech without a cue become floating
//! statements; a `Claim: Speaker` headline and `NAME:` transcript lines are read last.
//! Speakers are left to the resolve stage.
//!
//! **Invariant: attribution never fails and never panics; it returns what it found.**
//! **Invariant: no statement lies in a repeated paragraph or in the dateline.**

mod lexicon;
mod rules;

use onrecord_model::{Article, Span, Statement, StatementKind};
use onrecord_segment::{find_quotes, sentences, tokenize};

pub use lexicon::{cue_class, CueClass};
pub use rules::NpKind;

/// Finds the statements of an article (speaker fields are left empty for the resolve stage).
pub fn attribute(article: &Article) -> Vec<Statement> {
    let text = &article.text;
    let live: Vec<(usize, Span)> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.repeat_of.is_none())
        .map(|(i, p)| (i, match article.dateline {
            Some(d) if p.span.contains(d) => Span::new(d.end, p.span.end),
            _ => p.span,
        }))
        .collect();
    let para_spans: Vec<Span> = live.iter().map(|(_, s)| *s).collect();
    let quotes = find_quotes(text, &para_spans);
    let sents = sentences(article);
    let headline_para = article.meta.headline.as_ref().and(article.paragraphs.first()).filter(|p| {
        article.meta.headline.as_deref() == Some(p.span.of(text).trim())
    });

    let mut out: Vec<Statement> = Vec::new();
    if let Some(h) = headline_para {
        out.extend(rules::headline(text, h.span));
    }
    let transcript = rules::transcript_lines(text, &para_spans);
    let in_transcript = |s: Span| transcript.iter().any(|t| t.content.overlaps(s) || t.source.is_some_and(|x| x.overlaps(s)));
    let mut reader = rules::Reader::new(text, &quotes);
    for sent in &sents {
        if headline_para.is_some_and(|h| h.span.contains(sent.span)) || in_transcript(sent.span) {
            reader.break_chain();
            continue;
        }
        let toks = tokenize(text, sent.span);
        reader.sentence(sent.span, sent.paragraph, &toks, &mut out);
    }
    out.extend(transcript);
    out.sort_by_key(|s| (s.content.start, s.content.end));
    out.dedup_by(|a, b| a.content == b.content);
    out
}

/// Whether a statement kind carries words in quote marks.
pub fn is_quoted(kind: StatementKind) -> bool {
    matches!(kind, StatementKind::Direct | StatementKind::Mixed)
}
