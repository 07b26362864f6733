//! The segment stage: sentences, word tokens and quote marks, as byte spans into the text.
//!
//! Sentences come from `sentencex` (Wikimedia's rule-based splitter), run one paragraph at a
//! time so no sentence crosses a paragraph. Tokens are a small scanner of our own: attribution
//! needs words with their exact spans and a precise reading of quote marks (an apostrophe after
//! a plural, `Pakistan’ s`, is not a quote), which no general tokenizer gives.
//!
//! **Invariant: every span is on char boundaries, inside the paragraph it came from.**

mod quotes;
mod tokens;
mod words;

use onrecord_model::{Article, Span};

pub use quotes::{find_quotes, quotes_touching, Quote};
pub use tokens::{spaced_words, tokenize, whitespace_words, Token, TokenKind};
pub use words::WordSet;

/// A sentence of an article that is not in a repeated paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into `article.paragraphs`.
    pub paragraph: usize,
}

/// The sentences of every paragraph that is not a repeat, without the dateline.
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let text = &article.text;
    let mut out = Vec::new();
    for (pi, para) in article.paragraphs.iter().enumerate() {
        if para.repeat_of.is_some() {
            continue;
        }
        let mut span = para.span;
        if let Some(d) = article.dateline.filter(|d| span.contains(*d)) {
            span.start = d.end;
        }
        for s in split_sentences(text, span) {
            out.push(Sentence { span: s, paragraph: pi });
        }
    }
    out
}

/// Sentence spans inside `span`, trimmed, covering all its non-space text.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let piece = span.of(text);
    let mut out = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", piece) {
        let s = Span::new(span.start + b.start_byte, span.start + b.end_byte).trim(text);
        if !s.is_empty() {
            out.push(s);
        }
    }
    if out.is_empty() && !piece.trim().is_empty() {
        out.push(span.trim(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_abbreviations_and_cover_the_paragraph() {
        let t = "Mr. Zhao said the U.S. was wrong. The talks, he added, went on. “Yes,” she said.";
        let s: Vec<&str> = split_sentences(t, Span::new(0, t.len())).iter().map(|s| s.of(t)).collect();
        assert_eq!(s, ["Mr. Zhao said the U.S. was wrong.", "The talks, he added, went on.", "“Yes,” she said."]);
    }
}
