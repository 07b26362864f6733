use chrono::NaiveDate;

use crate::{Span, Statement};

/// One news article, as the pipeline sees it after ingest and clean.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable identity: [`article_id`] of the text. The same text read twice has the same id.
    pub id: String,
    /// A short name for the document: a file stem, a JSONL `id`, a WARC record's URI.
    pub name: String,
    /// Where it came from: a path, `path:line`, or `path#record`.
    pub origin: String,
    pub meta: Meta,
    /// The text every span refers to. For a `.txt` file it is the file's content exactly.
    pub text: String,
    /// Paragraphs in text order; repeated ones stay in place so offsets stay valid.
    pub paragraphs: Vec<Paragraph>,
    /// Where a dateline (`BEIJING, (Outlet - date) :`) sits in the text; not part of any statement.
    pub dateline: Option<Span>,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub headline: Option<String>,
    /// The city of the dateline ("BEIJING").
    pub dateline: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// When a crawler captured the page, for WARC input.
    pub captured: Option<NaiveDate>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Index of the paragraph this one repeats; a repeated paragraph is excluded downstream.
    pub repeat_of: Option<usize>,
}

impl Article {
    /// Whether byte offset `pos` falls inside a repeated paragraph.
    pub fn is_repeated(&self, pos: usize) -> bool {
        self.paragraphs.iter().any(|p| p.repeat_of.is_some() && p.span.start <= pos && pos < p.span.end)
    }

    /// The first paragraph, when it is the headline (a headline given apart from the text, or
    /// one the text does not open with, has no paragraph).
    pub fn headline_paragraph(&self) -> Option<&Paragraph> {
        let headline = self.meta.headline.as_deref()?;
        self.paragraphs.first().filter(|p| p.span.of(&self.text).trim() == headline)
    }
}

/// Appends `word` lower-cased (Unicode case mapping) to `out`. Most words are ASCII, and
/// those are lower-cased on their bytes, without decoding characters.
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Appends the words of `text` to `out` lower-cased (Unicode case mapping), a space before each
/// word when `out` is not empty; `separates` says which characters lie between words. The same
/// as pushing each word of `text.split(separates)` with [`push_lowercase`], in one pass over the
/// bytes: ASCII, most of any news text, is never decoded as characters.
pub fn push_lowercase_words(out: &mut String, text: &str, separates: impl Fn(char) -> bool) {
    let bytes = text.as_bytes();
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b.is_ascii() {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            (c, c.len_utf8())
        };
        if separates(c) {
            in_word = false;
        } else {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            if b.is_ascii() {
                out.push(b.to_ascii_lowercase() as char);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        i += len;
    }
}

/// The stable id of an article: 64-bit xxh3 of its normalised text, and of the outlet and URL
/// when they are given, as 16 hex digits.
///
/// Normalising (lower case, whitespace runs folded to one space, trimmed) makes the same article
/// re-encoded with other line ends or spacing land on the same id. The outlet and URL are part
/// of the identity because a wire story run word for word by ten outlets is ten publications of
/// it, which the syndication clusters must see; read again from the same place, it is one.
pub fn article_id(text: &str, outlet: Option<&str>, url: Option<&str>) -> String {
    let mut norm = String::with_capacity(text.len());
    push_lowercase_words(&mut norm, text, char::is_whitespace);
    if outlet.is_some() || url.is_some() {
        for part in [outlet.unwrap_or(""), url.unwrap_or("")] {
            norm.push('\u{1f}');
            push_lowercase(&mut norm, part.trim());
        }
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(norm.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_as_split_and_lower_cased_one_by_one() {
        let by_words = |text: &str, separates: fn(char) -> bool| {
            let mut out = String::new();
            for word in text.split(separates).filter(|w| !w.is_empty()) {
                if !out.is_empty() {
                    out.push(' ');
                }
                push_lowercase(&mut out, word);
            }
            out
        };
        for text in ["", "  ", "One", " Two  Words\r\n", "İstanbul’s ÉLAN\u{a0}über\u{2003}ΣΑΣ", "a\u{b}b\tc", "x—y, z!", "ǅ ß ﬁ"]
        {
            for separates in [char::is_whitespace as fn(char) -> bool, |c: char| !c.is_alphanumeric()] {
                let mut out = String::new();
                push_lowercase_words(&mut out, text, separates);
                assert_eq!(out, by_words(text, separates), "{text:?}");
            }
        }
    }

    #[test]
    fn id_ignores_case_and_spacing_but_not_words() {
        assert_eq!(article_id("China said\r\n\r\nit was ready.", None, None), article_id("china said\n\nit  was ready. ", None, None));
        assert_ne!(article_id("China said it was ready.", None, None), article_id("China said it was not ready.", None, None));
        assert_eq!(article_id("x", None, None).len(), 16);
    }

    #[test]
    fn the_same_text_in_two_outlets_is_two_articles() {
        let t = "China said it was ready.";
        assert_ne!(article_id(t, Some("Dawn"), None), article_id(t, Some("APP"), None));
        assert_ne!(article_id(t, None, Some("https://a.example/1")), article_id(t, None, None));
        assert_eq!(article_id(t, Some("Dawn"), None), article_id(t, Some(" dawn"), None));
    }
}
