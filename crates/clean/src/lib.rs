//! The clean stage: from a raw document's text to an [`Article`] with paragraphs and metadata.
//!
//! News text carries its own metadata: a headline line on top, a dateline that names the city,
//! the outlet and the date, and often the lead pasted twice. This crate reads all of that without
//! changing a byte of the text, so every offset later stages produce still points into what the
//! user gave. Fields that came with the document (JSON, HTML meta tags) win over what the text
//! says.
//!
//! **Invariant: the text is never modified; repeated paragraphs stay in place, marked.**

mod dateline;
pub mod dates;
mod repeats;

use chrono::NaiveDate;
use onrecord_model::{article_id, Article, Meta, Span};

pub use dateline::{parse_dateline, Dateline};

/// How many leading paragraphs may hold the dateline (a headline and a teaser can come first).
const DATELINE_WINDOW: usize = 6;

/// Metadata the input gave alongside the text. Each field wins over what the text says.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub headline: Option<String>,
    pub outlet: Option<String>,
    /// A date string as the source gave it; parsed here.
    pub date: Option<String>,
    /// An already parsed publication date (from HTML metadata).
    pub published: Option<NaiveDate>,
    pub captured: Option<NaiveDate>,
    pub url: Option<String>,
}

/// The date of a "Published: Aug 30, 2022 08:41 PM" line (or "Updated:", "Posted:") among the
/// first paragraphs, as pages copied with their header give it; else a line there that is a
/// full date and nothing more ("June 12, 2023" under a press release's office).
fn published_line_date(text: &str, spans: &[Span]) -> Option<NaiveDate> {
    let header = || spans.iter().take(DATELINE_WINDOW);
    let labelled = header().find_map(|p| {
        let line = p.of(text);
        ["Published", "Updated", "Posted", "PUBLISHED", "UPDATED"]
            .iter()
            .find_map(|w| line.find(w).map(|i| &line[i + w.len()..]))
            .filter(|rest| rest.trim_start().starts_with([':', ' ']) || rest.trim_start().starts_with("on"))
            .and_then(dates::find_full_date)
    });
    labelled.or_else(|| {
        header()
            .flat_map(|p| p.of(text).lines())
            // (a date alone is short: a sentence is not read word by word)
            .filter(|line| line.len() <= 40)
            .find_map(|line| dates::parse_date(line).filter(|d| d.year.is_some()).and_then(|d| d.resolve(None)))
    })
}

/// Builds the article: paragraphs, dateline, metadata, repeated paragraphs. Pure; never fails.
pub fn clean(name: String, origin: String, text: String, given: Given) -> Article {
    let spans = paragraph_spans(&text);
    let mut dateline_at = None;
    for (i, span) in spans.iter().enumerate().take(DATELINE_WINDOW) {
        if let Some(d) = parse_dateline(span.of(&text)) {
            dateline_at = Some((i, d));
            break;
        }
    }
    // A dateline right below the first line makes that line the headline, sentence or not
    // ("Moscow ready for talks, Lavrov says.")
    let dateline_below = dateline_at.as_ref().is_some_and(|(i, _)| *i == 1);
    let headline_span = spans.first().copied().filter(|s| {
        let first = s.of(&text);
        spans.len() > 1
            && dateline_at.as_ref().is_none_or(|(i, _)| *i != 0)
            && (looks_like_headline(first) || dateline_below && is_one_short_line(first))
    });

    let given_date = given.date.as_deref().and_then(dates::parse_date).and_then(|d| d.resolve(given.captured));
    let text_date = dateline_at.as_ref().and_then(|(_, d)| d.date).and_then(|d| d.resolve(given_date.or(given.captured)));
    let meta = Meta {
        headline: given
            .headline
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| headline_span.map(|s| s.of(&text).trim().to_string())),
        dateline: dateline_at.as_ref().map(|(_, d)| d.city.clone()),
        outlet: given.outlet.or_else(|| dateline_at.as_ref().and_then(|(_, d)| d.outlet.clone())),
        // (a briefing's transcript gives its date in its title: "Regular Press Conference on
        // May 10, 2022")
        published: given_date
            .or(given.published)
            .or(text_date)
            .or_else(|| published_line_date(&text, &spans))
            .or_else(|| headline_span.and_then(|h| dates::find_full_date(h.of(&text)))),
        captured: given.captured,
        url: given.url,
    };
    let dateline = dateline_at.map(|(i, d)| Span::new(spans[i].start, spans[i].start + d.len));
    let paragraphs = repeats::mark_repeats(&text, &spans, dateline);
    Article {
        id: article_id(&text, meta.outlet.as_deref(), meta.url.as_deref()),
        name,
        origin,
        meta,
        paragraphs,
        dateline,
        statements: Vec::new(),
        text,
    }
}

/// Paragraph spans, trimmed. Blank lines separate paragraphs; a text without any blank line
/// (common in extracted HTML) has one paragraph per line.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        lines.push(Span::new(pos, pos + line.len()));
        pos += line.len();
    }
    let blank = |s: &Span| s.of(text).trim().is_empty();
    let has_blank = lines.iter().any(blank);
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for line in lines {
        if blank(&line) {
            out.extend(cur.take());
        } else if has_blank {
            cur = Some(cur.map_or(line, |c| Span::new(c.start, line.end)));
        } else {
            out.push(line);
        }
    }
    out.extend(cur);
    out.into_iter().map(|s| s.trim(text)).filter(|s| !s.is_empty()).collect()
}

/// One line of at most 30 words.
fn is_one_short_line(para: &str) -> bool {
    let para = para.trim();
    !para.contains('\n') && para.split_whitespace().count() <= 30
}

/// A headline is one short line that is not a sentence: no final full stop, or Title Case.
fn looks_like_headline(para: &str) -> bool {
    let para = para.trim();
    if para.contains('\n') || para.len() > 250 || para.split_whitespace().count() < 2 {
        return false;
    }
    let ends_sentence = para.ends_with(['.', '"', '”', '’', '\'']);
    if !ends_sentence {
        return true;
    }
    let words: Vec<&str> = para.split_whitespace().filter(|w| w.len() > 3).collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    !words.is_empty() && capitalised * 10 >= words.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_by_blank_lines_or_by_lines() {
        let t = "Title\n\nFirst para\ncontinues.\n\n\nSecond.\n";
        let p: Vec<&str> = paragraph_spans(t).iter().map(|s| s.of(t)).collect();
        assert_eq!(p, ["Title", "First para\ncontinues.", "Second."]);
        let t = "One.\nTwo.\n  Three.";
        let p: Vec<&str> = paragraph_spans(t).iter().map(|s| s.of(t)).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn headline_line_dateline_and_given_fields() {
        let text = "Minister Backs Plan: Report\n\nLAHORE, Jan 4 (APP): The minister said the plan works.\n\nMore text here.";
        let a = clean("x".into(), "x".into(), text.into(), Given { date: Some("2023-01-05".into()), ..Given::default() });
        assert_eq!(a.meta.headline.as_deref(), Some("Minister Backs Plan: Report"));
        assert_eq!(a.meta.dateline.as_deref(), Some("LAHORE"));
        assert_eq!(a.meta.outlet.as_deref(), Some("APP"));
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2023, 1, 5));
        assert_eq!(a.dateline.unwrap().of(&a.text), "LAHORE, Jan 4 (APP): ");

        let a = clean("x".into(), "x".into(), "LAHORE, Jan 4 (APP): Text.\n\nMore.".into(), Given::default());
        assert_eq!(a.meta.headline, None);
        // a sentence on top is the headline when the dateline opens the paragraph below it
        let text = "Moscow ready for talks, minister says.\n\nMOSCOW, March 3 (Reuters) - Russia is ready, he said.";
        let a = clean("x".into(), "x".into(), text.into(), Given::default());
        assert_eq!(a.meta.headline.as_deref(), Some("Moscow ready for talks, minister says."));
        let text = "He said the talks went well.\n\nHe added more.\n\nMOSCOW, March 3 (Reuters) - Text.";
        assert_eq!(clean("x".into(), "x".into(), text.into(), Given::default()).meta.headline, None);
        assert_eq!(a.meta.published, None, "no year anywhere");
        let given = Given { captured: NaiveDate::from_ymd_opt(2023, 1, 4), outlet: Some("dawn.com".into()), ..Given::default() };
        let a = clean("x".into(), "x".into(), "LAHORE, Jan 4 (APP): Text.\n\nMore.".into(), given);
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2023, 1, 4));
        assert_eq!(a.meta.outlet.as_deref(), Some("dawn.com"));
        // a page header's "Published:" line dates it
        let text = "China urges restraint\n\nGlobal Times Published: Aug 30, 2022 08:41 PM\n\nThe ministry said it was ready.";
        assert_eq!(clean("x".into(), "x".into(), text.into(), Given::default()).meta.published, NaiveDate::from_ymd_opt(2022, 8, 30));
        // ... and so does a line of the header that is a date alone
        let text = "Secretary's call with the minister\n\nOffice of the Spokesperson\nJune 12, 2023\n\nThe Secretary spoke today with the minister.";
        assert_eq!(clean("x".into(), "x".into(), text.into(), Given::default()).meta.published, NaiveDate::from_ymd_opt(2023, 6, 12));
        // a transcript's title dates it when nothing else does
        let text = "Spokesperson's Regular Press Conference on May 10, 2022\n\nQ: Any comment?\n\nWang Wenbin: None.";
        assert_eq!(clean("x".into(), "x".into(), text.into(), Given::default()).meta.published, NaiveDate::from_ymd_opt(2022, 5, 10));
    }

    #[test]
    fn sentences_are_not_headlines() {
        assert!(!looks_like_headline("He said the talks went well and would go on."));
        assert!(looks_like_headline("Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted."));
        assert!(looks_like_headline("Ad sales boost Time Warner profit"));
    }
}
