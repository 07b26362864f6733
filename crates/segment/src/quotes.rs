//! Quote marks as they really are: straight and curly, single and double, guillemets, an
//! apostrophe after a plural, a quote that runs over several paragraphs, a stray mark that
//! opens a paragraph and never closes.

use onrecord_model::Span;

/// A top-level quotation: `span` runs from the opening mark to the end of the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// Whether the quotation runs over more than one paragraph.
    pub multi_paragraph: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"` that could be either.
    Either,
}

fn double_mark(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    if !matches!(c, '“' | '„' | '«' | '‟' | '”' | '»' | '"' | '″') {
        return None;
    }
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
    let space_after = after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}—–".contains(a));
    // Typists and converters often use one curly mark for both ends (“word,“ said X; ”Fear. I
    // am ...”): a mark placed the other way round from its shape reads by its place, and closes
    // a quote if one is open.
    let closing_place = !space_before && space_after;
    let opening_place = space_before && !space_after;
    match c {
        '“' | '„' | '‟' if closing_place => Some(Mark::Either),
        '”' if opening_place => Some(Mark::Either),
        '“' | '„' | '«' | '‟' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' | '″' => Some(if space_before && !space_after {
            Mark::Open
        } else if space_after && !space_before {
            Mark::Close
        } else {
            Mark::Either
        }),
        _ => None,
    }
}

fn single_mark(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    if !matches!(c, '‘' | '‹' | '‚' | '\'' | '`' | '’' | '›') {
        return None;
    }
    let letter_before = before.is_some_and(char::is_alphanumeric);
    let letter_after = after.is_some_and(char::is_alphanumeric);
    match c {
        '‘' | '‹' | '‚' if !after.is_some_and(char::is_whitespace) => Some(Mark::Open),
        '\'' | '`' if !letter_before && letter_after && before.is_none_or(|b| b.is_whitespace() || "([{—–\"“".contains(b)) => {
            Some(Mark::Open)
        }
        '’' | '\'' | '›' if !letter_after && !before.is_some_and(char::is_whitespace) => Some(Mark::Close),
        _ => None,
    }
}

/// The quotations of `quotes` that overlap `span` or meet it at an edge: a binary search, for
/// `quotes` as [`find_quotes`] gives them (in text order, none inside another, so their ends
/// are in order too).
pub fn quotes_touching(quotes: &[Quote], span: Span) -> &[Quote] {
    let from = quotes.partition_point(|q| q.span.end < span.start);
    let to = from + quotes[from..].partition_point(|q| q.span.start <= span.end);
    &quotes[from..to]
}

/// Finds the top-level quotations of a run of paragraphs (give them in text order).
///
/// Double quotes are primary; single quotes count as top level only outside double ones (they
/// nest inside). A paragraph that ends inside a quote continues it when the next paragraph
/// opens with a quote mark (the newspaper convention); otherwise the unclosed mark is a stray
/// and is ignored.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    // An open double quote carried over from the previous paragraph: (start, paragraphs seen).
    let mut carried: Option<usize> = None;
    // The same for a single quote, with whether its mark was straight: British style quotes
    // in single marks and carries them over paragraphs the same way.
    let mut carried_single: Option<(usize, bool)> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let s = para.of(text);
        let mut open_double: Option<usize> = None;
        // An open single quote: where, and whether it was a straight mark (closed only by one).
        let mut open_single: Option<(usize, bool)> = None;
        let mut prev: Option<char> = None;
        let mut chars = s.char_indices().peekable();
        let mut first_mark = true;
        while let Some((i, c)) = chars.next() {
            // most characters are no quote mark of any kind: all they change is `prev`
            if c.is_ascii() && !matches!(c, '"' | '\'' | '`') {
                prev = Some(c);
                continue;
            }
            let mut after = chars.peek().map(|&(_, a)| a);
            let at = para.start + i;
            // Two single marks typed for a double one: `''` (archives and wire feeds that know
            // only ASCII, the New York Times' among them) and the opening ``.
            let paired = matches!(c, '\'' | '`') && after == Some(c);
            let (c, width) = if paired {
                chars.next();
                after = chars.peek().map(|&(_, a)| a);
                (if c == '`' { '“' } else { '"' }, 2)
            } else {
                (c, c.len_utf8())
            };
            if let Some(mark) = double_mark(c, prev, after) {
                let starts_para = first_mark && s[..i].trim().is_empty();
                match (open_double, mark) {
                    (None, Mark::Open | Mark::Either) => {
                        // The continuation mark of a quote carried from the previous paragraph.
                        open_double = match carried.take() {
                            Some(start) if starts_para => Some(start),
                            _ => Some(at),
                        };
                        open_single = None;
                    }
                    (Some(start), Mark::Close | Mark::Either) => {
                        let multi = start < para.start;
                        out.push(Quote { span: Span::new(start, at + width), multi_paragraph: multi });
                        open_double = None;
                    }
                    // A quotation of several paragraphs whose breaks were lost in conversion
                    // keeps the convention's mark at each new paragraph: `"A. "B. "C."` is one
                    // quotation. An opening mark after the end of a sentence continues it, when
                    // it is typed as the first one was (a straight mark before a curly one is a
                    // stray).
                    (Some(start), Mark::Open)
                        if text[start..].starts_with(c)
                            && s[..i].ends_with(char::is_whitespace)
                            && s[..i].trim_end().ends_with(['.', '!', '?']) => {}
                    (Some(_), Mark::Open) => open_double = Some(at), // unbalanced: restart here
                    (None, Mark::Close) => {}                        // stray closer
                }
                first_mark = false;
            } else if open_double.is_none() {
                match (open_single, single_mark(c, prev, after)) {
                    (None, Some(Mark::Open)) => {
                        let straight = c == '\'';
                        let starts_para = s[..i].trim().is_empty();
                        // the continuation mark of a quote carried from the previous paragraph
                        open_single = match carried_single.take() {
                            Some((start, was_straight)) if starts_para && was_straight == straight => Some((start, straight)),
                            _ => Some((at, straight)),
                        };
                    }
                    (Some((start, straight)), Some(Mark::Close)) if straight == (c == '\'') => {
                        out.push(Quote { span: Span::new(start, at + c.len_utf8()), multi_paragraph: start < para.start });
                        open_single = None;
                    }
                    _ => {}
                }
            }
            prev = Some(c);
        }
        carried.take();
        carried_single.take();
        // A single quote left open carries over to a next paragraph that opens with the same
        // mark before a word ("He added: 'It is the wrong plan.\n\n'Ministers must ...'").
        if let (None, Some((start, straight))) = (open_double, open_single) {
            let next_opens = paragraphs.get(pi + 1).is_some_and(|n| {
                let next = n.of(text).trim_start();
                let mark = if straight { '\'' } else { '‘' };
                next.strip_prefix(mark).is_some_and(|rest| rest.starts_with(char::is_alphanumeric))
            });
            if next_opens {
                carried_single = Some((start, straight));
            }
        }
        if let Some(start) = open_double {
            // Carry over only when the next paragraph opens with a quote mark.
            let next_opens = paragraphs.get(pi + 1).is_some_and(|n| {
                let next = n.of(text).trim_start();
                next.starts_with(['"', '“', '«', '„']) || next.starts_with("''") || next.starts_with("``")
            });
            if next_opens {
                carried = Some(start);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<&str> {
        let paras: Vec<Span> = {
            let mut v = Vec::new();
            let mut pos = 0;
            for p in t.split("\n\n") {
                v.push(Span::new(pos, pos + p.len()));
                pos += p.len() + 2;
            }
            v
        };
        find_quotes(t, &paras).iter().map(|q| q.span.of(t)).collect()
    }

    #[test]
    fn straight_curly_single_and_guillemets() {
        assert_eq!(quotes(r#""We are ready," he said. He called it "a win"."#), [r#""We are ready,""#, r#""a win""#]);
        assert_eq!(quotes("“Yes,” she said, “and no.”"), ["“Yes,”", "“and no.”"]);
        assert_eq!(quotes("He said ‘we will win’ and left."), ["‘we will win’"]);
        assert_eq!(quotes("«Non», a-t-il dit."), ["«Non»"]);
        assert_eq!(quotes("„Ja“, sagte er."), ["„Ja“"]);
    }

    #[test]
    fn the_quotations_touching_a_span_are_those_a_look_at_each_finds() {
        let t = "“A,” he said. “B” and “C.” Then “D.”";
        let found = find_quotes(t, &[Span::new(0, t.len())]);
        for start in 0..t.len() {
            for end in start..=t.len() {
                let s = Span::new(start, end);
                let all: Vec<Span> = found.iter().map(|q| q.span).filter(|q| q.end >= s.start && q.start <= s.end).collect();
                let touching: Vec<Span> = quotes_touching(&found, s).iter().map(|q| q.span).collect();
                assert_eq!(touching, all, "{s:?}");
            }
        }
    }

    #[test]
    fn a_single_quote_carries_over_paragraphs_that_open_with_it() {
        let t = "He added: ‘It is the wrong plan.\n\n‘Ministers must think again.’\n\nShe said ‘no’.";
        assert_eq!(quotes(t), ["‘It is the wrong plan.\n\n‘Ministers must think again.’", "‘no’"]);
        let t = "He added: 'It is the wrong plan.\n\n'Ministers must think again.'";
        assert_eq!(quotes(t), [t.strip_prefix("He added: ").unwrap()]);
        // an apostrophe left open is no quotation when the next paragraph does not go on with one
        let t = "Music of the '90s was loud.\n\nIt sold well.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn a_mark_of_the_wrong_shape_reads_by_its_place() {
        assert_eq!(
            quotes("“We have never seen a season like this one,“ stated Rosa Klein."),
            ["“We have never seen a season like this one,“"]
        );
        assert_eq!(quotes("”Fear. I am truly afraid,” she wrote."), ["”Fear. I am truly afraid,”"]);
        // in place, a closing-shaped mark still only closes
        assert_eq!(quotes("He said “yes” and “no”."), ["“yes”", "“no”"]);
    }

    #[test]
    fn two_single_marks_make_a_double_one() {
        assert_eq!(
            quotes("''This isn't tax reform,'' said Ada Holt. ''It is a patch.''"),
            ["''This isn't tax reform,''", "''It is a patch.''"]
        );
        assert_eq!(quotes("He called it ``a win'' for all."), ["``a win''"]);
        // one quotation over two paragraphs, the second opening with the pair again
        assert_eq!(quotes("''First part.\n\n''Second part,'' he said."), ["''First part.\n\n''Second part,''"]);
        // an apostrophe next to a single quote mark stays an apostrophe
        assert_eq!(quotes("the peoples' 'choice' today"), ["'choice'"]);
    }

    #[test]
    fn a_quotation_whose_paragraph_breaks_were_lost_is_one() {
        assert_eq!(
            quotes(r#"She said: "The time has come. "There is evidence a ban works. "But we must listen." He left."#),
            [r#""The time has come. "There is evidence a ban works. "But we must listen.""#]
        );
        // an opening mark inside a sentence still restarts an unbalanced quotation, and so
        // does one typed differently from the first
        assert_eq!(quotes(r#"He called it "a win and she said "no." Then"#), [r#""no.""#]);
        assert_eq!(quotes(r#""A stray mark. “They see that,” she said."#), ["“They see that,”"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(quotes("the two peoples' well-being and Pakistan’ s resolution"), Vec::<&str>::new());
        assert_eq!(quotes("“the two peoples' well-being,” she said"), ["“the two peoples' well-being,”"]);
        assert_eq!(quotes("He said ‘it's the peoples' choice’ today."), ["‘it's the peoples' choice’"]);
    }

    #[test]
    fn quotes_over_paragraphs_and_strays() {
        assert_eq!(quotes("“First part.\n\n“Second part,” he said."), ["“First part.\n\n“Second part,”"]);
        assert_eq!(quotes("\"He said, currently, it grows.\n\nNext paragraph."), Vec::<&str>::new());
        assert_eq!(quotes("“Nested ‘inner’ quote,” he said."), ["“Nested ‘inner’ quote,”"]);
    }
}
