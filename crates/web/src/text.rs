//! Untrusted text made into markup: an article with its statements marked, and search snippets
//! with their matched words. Everything from the store goes through maud's escaping; the only
//! tags here are the ones this module writes.

use maud::{html, Markup};
use onrecord_store::{ArticleDetail, StatementRow};

/// Marks the store puts around matched words in a snippet: private-use characters, which the
/// snippet's text cannot be confused with once [`split_marks`] has taken them out.
pub const MARK_OPEN: &str = "\u{E000}";
pub const MARK_CLOSE: &str = "\u{E001}";

/// The snippet without its marks, and the marked ranges as code-point offsets into it.
pub fn split_marks(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(s.len());
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for c in s.chars() {
        match c {
            '\u{E000}' => open = open.or(Some(at)),
            '\u{E001}' => {
                if let Some(o) = open.take() {
                    ranges.push((o, at));
                }
            }
            c => {
                text.push(c);
                at += 1;
            }
        }
    }
    if let Some(o) = open {
        ranges.push((o, at));
    }
    (text, ranges)
}

/// A snippet with its marked ranges (code points) as `<mark>`.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let mut parts: Vec<(bool, String)> = Vec::new();
    let mut at = 0;
    for &(a, b) in ranges {
        let (a, b) = (a.clamp(at, chars.len()), b.clamp(at, chars.len()));
        if a == b {
            continue;
        }
        parts.push((false, chars[at..a].iter().collect()));
        parts.push((true, chars[a..b].iter().collect()));
        at = b;
    }
    parts.push((false, chars[at..].iter().collect()));
    html! { @for (m, s) in &parts { @if *m { mark { (s) } } @else { (s) } } }
}

/// What a stretch of article text is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Content,
    Cue,
    Source,
}

/// One stretch of text with the statement and role covering it, if any (the innermost role:
/// a cue or source inside a content span shows as cue or source).
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    start: usize,
    end: usize,
    mark: Option<(usize, Role)>,
}

/// The paragraph `[start, end)` (code points) cut at every statement, cue and source boundary.
fn pieces(start: usize, end: usize, statements: &[StatementRow]) -> Vec<Piece> {
    let spans: Vec<(usize, Role, usize, usize)> = statements
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let span = |a: Option<i64>, b: Option<i64>, role| Some((i, role, usize::try_from(a?).ok()?, usize::try_from(b?).ok()?));
            [
                span(Some(s.content_start), Some(s.content_end), Role::Content),
                span(s.cue_start, s.cue_end, Role::Cue),
                span(s.source_start, s.source_end, Role::Source),
            ]
        })
        .flatten()
        .filter(|&(_, _, a, b)| a < b && a < end && b > start)
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(_, _, a, b)| [a, b]).filter(|&x| x > start && x < end).collect();
    cuts.extend([start, end]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let covering = spans.iter().filter(|&&(_, _, x, y)| x <= a && b <= y);
        // cue and source win over the content around them; the first statement wins ties
        let mark = covering.min_by_key(|&&(i, role, _, _)| (role == Role::Content, i)).map(|&(i, role, _, _)| (i, role));
        match out.last_mut() {
            Some(p) if p.mark == mark && p.end == a => p.end = b,
            _ => out.push(Piece { start: a, end: b, mark }),
        }
    }
    out
}

/// Who a statement is by, for a tooltip or a label: "Zhao Lijian (spokesperson, Chinese Foreign Ministry)".
pub fn speaker_line(s: &StatementRow) -> String {
    let mut who = s.speaker.clone().or_else(|| s.source.clone()).unwrap_or_else(|| "unknown speaker".into());
    let extra: Vec<&str> = [s.speaker_role.as_deref(), s.speaker_affiliation.as_deref()].into_iter().flatten().collect();
    if !extra.is_empty() {
        who.push_str(&format!(" ({})", extra.join(", ")));
    }
    who
}

/// The article's text, paragraph by paragraph: statements highlighted (content, cue, source),
/// the resolved speaker in a tooltip on the content and beside the source when it differs,
/// repeated paragraphs greyed and marked.
pub fn article_text(a: &ArticleDetail) -> Markup {
    let chars: Vec<char> = a.text.chars().collect();
    let n = chars.len();
    let slice = |x: usize, y: usize| chars[x.min(n)..y.min(n)].iter().collect::<String>();
    // paragraphs as stored; an article stored without them is one paragraph
    let mut paras: Vec<(usize, usize, Option<i64>)> =
        a.paragraphs.iter().filter_map(|p| Some((usize::try_from(p.start).ok()?, usize::try_from(p.end).ok()?, p.repeat_of))).collect();
    if paras.is_empty() {
        paras.push((0, n, None));
    }
    html! {
        @for (start, end, repeat_of) in &paras {
            @let (start, end) = ((*start).min(n), (*end).min(n).max((*start).min(n)));
            @if let Some(r) = repeat_of {
                p.repeated title={"repeats paragraph " (r + 1) "; left out of the analysis"} { (slice(start, end)) }
            } @else {
                p {
                    @for piece in pieces(start, end, &a.statements) {
                        @let text = slice(piece.start, piece.end);
                        @match piece.mark {
                            None => { (text) }
                            Some((i, role)) => {
                                @let s = &a.statements[i];
                                @let first = piece.start == usize::try_from(s.content_start).unwrap_or(usize::MAX);
                                @match role {
                                    Role::Content => {
                                        a.content.{"k-" (s.kind)} href={"/statement/" (s.id)} id=[first.then(|| format!("s{}", s.id))]
                                            title={(speaker_line(s)) " · " (s.kind) " statement " (s.id)} { (text) }
                                    }
                                    Role::Cue => { span.cue title={"cue of statement " (s.id)} { (text) } }
                                    Role::Source => {
                                        span.source title={"source of statement " (s.id) ": " (speaker_line(s))} { (text) }
                                        @if piece.end == usize::try_from(s.source_end.unwrap_or(-1)).unwrap_or(0)
                                            && s.speaker.as_deref().is_some_and(|sp| !sp.eq_ignore_ascii_case(s.source.as_deref().unwrap_or(""))) {
                                            span.who { "→ " (s.speaker.as_deref().unwrap_or("")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_code_point_ranges() {
        let (t, r) = split_marks("é \u{E000}all-weather\u{E001} partners \u{E000}x");
        assert_eq!(t, "é all-weather partners x");
        assert_eq!(r, vec![(2, 13), (23, 24)]);
        let html = marked("a <b> c", &[(2, 5)]).into_string();
        assert_eq!(html, "a <mark>&lt;b&gt;</mark> c");
        // ranges past the end or out of order never panic
        assert_eq!(marked("ab", &[(5, 9), (0, 1)]).into_string(), "<mark>a</mark>b");
    }

    fn statement(id: i64, content: (i64, i64), cue: (i64, i64), source: (i64, i64)) -> StatementRow {
        StatementRow {
            id,
            article_id: "a".into(),
            article_name: "a".into(),
            outlet: None,
            published: None,
            kind: "indirect".into(),
            content: String::new(),
            content_start: content.0,
            content_end: content.1,
            cue: None,
            cue_start: Some(cue.0),
            cue_end: Some(cue.1),
            source: Some("He".into()),
            source_start: Some(source.0),
            source_end: Some(source.1),
            speaker: Some("Zhao <Lijian>".into()),
            speaker_role: None,
            speaker_affiliation: None,
            date: None,
            confidence: 1.0,
            about: vec![],
            group_id: id,
            occurrences: 1,
        }
    }

    #[test]
    fn an_article_marks_source_cue_and_content_and_escapes_everything() {
        // "He said <b>war</b> is over." : source 0..2, cue 3..7, content 8..26
        let text = "He said <b>war</b> is over.";
        let a = ArticleDetail {
            id: "a".into(),
            name: "a".into(),
            url: None,
            outlet: None,
            headline: None,
            dateline: None,
            published: None,
            text: text.into(),
            paragraphs: vec![],
            statements: vec![statement(7, (8, 26), (3, 7), (0, 2))],
            copies: vec![],
            reuse: vec![],
        };
        let html = article_text(&a).into_string();
        assert!(html.contains("<span class=\"source\""), "{html}");
        assert!(html.contains("→ Zhao &lt;Lijian&gt;"), "{html}");
        assert!(html.contains("<span class=\"cue\" title=\"cue of statement 7\">said</span>"), "{html}");
        assert!(html.contains("id=\"s7\""), "{html}");
        assert!(html.contains("&lt;b&gt;war&lt;/b&gt; is over"), "{html}");
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn pieces_cover_the_paragraph_once() {
        let s = vec![statement(1, (0, 10), (2, 4), (20, 30)), statement(2, (5, 15), (40, 41), (40, 41))];
        let p = pieces(0, 12, &s);
        assert_eq!(p.first().unwrap().start, 0);
        assert_eq!(p.last().unwrap().end, 12);
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(p[1].mark, Some((0, Role::Cue)));
    }
}
