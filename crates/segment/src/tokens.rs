use onrecord_model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits, and inner apostrophes, hyphens, dots (`don't`, `all-weather`, `U.S.`).
    Word,
    /// A quote mark (see [`crate::find_quotes`] for which ones open and close).
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }
}

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '\'' | '‘' | '’' | '‚' | '`' | '″')
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | '/')
}

/// The words of `text` between single spaces, as written (punctuation stays on them: "Mr.",
/// "Sina.com"), each with its byte offset plus `at` (where `text` starts in the document).
/// Sources and subjects are read word by word this way, where a title's full stop matters.
pub fn spaced_words(text: &str, at: usize) -> Vec<(usize, &str)> {
    text.split(' ')
        .scan(at, |next, w| {
            let here = *next;
            *next += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// The words of `text` between any whitespace (line breaks too: a name that opens a paragraph
/// is a word of its own), as written, each with its byte offset plus `at`.
pub fn whitespace_words(text: &str, at: usize) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII by the byte (most of any text); other characters decoded, for the no-break
        // and other Unicode spaces
        let (space, len) = match bytes[i] {
            b if b < 0x80 => (matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c), 1),
            _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        match (space, start) {
            (true, Some(s)) => {
                out.push((at + s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((at + s, &text[s..]));
    }
    out
}

/// The character at byte `i` of `s` and its length: ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some((b as char, 1)),
        _ => s[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// Splits `span` of `text` into tokens. Whitespace is dropped.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.of(text);
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut i = 0;
    while let Some((c, len)) = char_at(s, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = span.start + i;
        if !c.is_alphanumeric() {
            let kind = if is_quote_char(c) { TokenKind::Quote } else { TokenKind::Punct };
            out.push(Token { span: Span::new(start, start + len), kind });
            i += len;
            continue;
        }
        let mut end = i + len;
        while let Some((d, dl)) = char_at(s, end) {
            if d.is_alphanumeric() {
                end += dl;
            } else if is_inner_joiner(d) {
                // keep a joiner only when a letter or digit follows it ("U.S.", "don't")
                if char_at(s, end + dl).is_some_and(|(a, _)| a.is_alphanumeric()) {
                    end += dl;
                } else {
                    if d == '.' && is_initialism(&s[i..end]) {
                        end += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Token { span: Span::new(start, span.start + end), kind: TokenKind::Word });
        i = end;
    }
    out
}

/// "U.S" (before its last dot) or a single capital: the final dot belongs to the word.
fn is_initialism(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (w.contains('.') && letters <= 4) || (letters == 1 && w.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_words_split_at_line_breaks_and_keep_offsets() {
        let t = "said Reyes.\n\nMarlowe\u{a0}broke it";
        let words = whitespace_words(t, 10);
        assert_eq!(words.iter().map(|w| w.1).collect::<Vec<_>>(), ["said", "Reyes.", "Marlowe", "broke", "it"]);
        for (at, w) in words {
            assert_eq!(&t[at - 10..at - 10 + w.len()], w);
        }
    }

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len())).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn words_punctuation_and_quotes() {
        assert_eq!(words("“We’re all-weather partners,” he said."), ["“", "We’re", "all-weather", "partners", ",", "”", "he", "said", "."]);
        assert_eq!(words("the U.S. and Mr. J. Smith's"), ["the", "U.S.", "and", "Mr", ".", "J.", "Smith's"]);
        assert_eq!(words("peoples' well-being"), ["peoples", "'", "well-being"]);
    }
}
