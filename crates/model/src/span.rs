use std::ops::Range;

/// A byte range into an article's text. Always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range()]
    }

    /// The same span without leading and trailing whitespace.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.of(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Spans in order of start, to find those that overlap or hold a span without looking at all of
/// them: an article of one long paragraph has thousands of statements, and a look at each for
/// each made its reading quadratic.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// Each span with the place it was given at, in order of start.
    sorted: Vec<(Span, usize)>,
    longest: usize,
}

impl SpanIndex {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        let mut sorted: Vec<(Span, usize)> = spans.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        sorted.sort_unstable_by_key(|&(s, i)| (s.start, i));
        let longest = sorted.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        SpanIndex { sorted, longest }
    }

    /// The places (as given) of the spans that overlap `s`, in order of their starts.
    pub fn overlapping(&self, s: Span) -> impl Iterator<Item = usize> + '_ {
        // one that overlaps `s` ends after `s` starts, so starts less than `longest` before it
        let from = self.sorted.partition_point(|(x, _)| x.start + self.longest <= s.start);
        self.sorted[from..].iter().take_while(move |(x, _)| x.start < s.end).filter(move |(x, _)| x.overlaps(s)).map(|&(_, i)| i)
    }

    /// The places (as given) of the spans that hold `s`, in order of their starts.
    pub fn containing(&self, s: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.sorted.partition_point(|(x, _)| x.start + self.longest < s.end);
        self.sorted[from..].iter().take_while(move |(x, _)| x.start <= s.start).filter(move |(x, _)| x.contains(s)).map(|&(_, i)| i)
    }
}

/// Converts byte offsets of one text to code-point offsets, in O(log n) per lookup.
///
/// Built once per article at the serialisation edge. For pure-ASCII text it stores nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every 64th char, or empty when the text is ASCII.
    checkpoints: Vec<usize>,
    ascii: bool,
}

const STRIDE: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { checkpoints: Vec::new(), ascii: true };
        }
        let checkpoints = text.char_indices().step_by(STRIDE).map(|(b, _)| b).collect();
        CharIndex { checkpoints, ascii: false }
    }

    /// Code-point offset of byte offset `byte` in `text` (the text this index was built for).
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let i = match self.checkpoints.binary_search(&byte) {
            Ok(i) => return i * STRIDE,
            Err(i) => i - 1,
        };
        let from = self.checkpoints[i];
        i * STRIDE + text[from..byte].chars().count()
    }

    /// Byte offset of code-point offset `ch` (clamped to the text's end).
    pub fn byte_of(&self, text: &str, ch: usize) -> usize {
        if self.ascii {
            return ch.min(text.len());
        }
        let i = ch / STRIDE;
        let Some(&from) = self.checkpoints.get(i) else { return text.len() };
        text[from..].char_indices().nth(ch - i * STRIDE).map_or(text.len(), |(b, _)| from + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_index_finds_what_a_look_at_every_span_finds() {
        // spans of every length over a short text, some empty, some repeated
        let spans: Vec<Span> = (0..40).map(|i| Span::new((i * 7) % 23, (i * 7) % 23 + (i * 5) % 11)).collect();
        let index = SpanIndex::new(spans.iter().copied());
        for start in 0..36 {
            for end in start..36 {
                let s = Span::new(start, end);
                let mut found: Vec<usize> = index.overlapping(s).collect();
                found.sort_unstable();
                let all: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].overlaps(s)).collect();
                assert_eq!(found, all, "overlapping {s:?}");
                let mut found: Vec<usize> = index.containing(s).collect();
                found.sort_unstable();
                let all: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].contains(s)).collect();
                assert_eq!(found, all, "containing {s:?}");
            }
        }
    }

    #[test]
    fn char_offsets_round_trip_on_mixed_text() {
        let text = "Zhao’s “view” — é ".repeat(50);
        let idx = CharIndex::new(&text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(&text, b), ci);
            assert_eq!(idx.byte_of(&text, ci), b);
        }
        assert_eq!(idx.char_of(&text, text.len()), text.chars().count());
    }

    #[test]
    fn trim_drops_outer_whitespace_only() {
        let t = "  a b \n";
        assert_eq!(Span::new(0, t.len()).trim(t).of(t), "a b");
    }
}
