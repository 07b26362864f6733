//! From tags to statements: runs of one role become spans, content that resumes after an
//! interruption (`"...," he said, "..."`) joins the content it continues, and every content is
//! grouped with the nearest cue, every cue with the nearest source.

use onrecord_model::{Span, Statement, StatementKind};
use onrecord_segment::{quotes_touching, Quote};

use super::features::{Sequence, Shape};
use super::{Role, Tag};

/// A run of tokens with one role: `[first, last]` token indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub role: Role,
    pub first: usize,
    pub last: usize,
}

/// Maximal runs, with content continuations merged into the content they resume. Only a
/// quotation resumes across its cue (`"...," he said, "..."`); unquoted words tagged as going
/// on with a content after its cue ("..., said the spokesperson here at a briefing") are an
/// adjunct of the cue, no content.
pub(crate) fn runs(seq: &Sequence, tags: &[Tag]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    // (index in `out` of a content run, its last token before it resumed, the first token it
    // resumed with, the token it ended at then)
    let mut resumed: Vec<(usize, usize, usize, usize)> = Vec::new();
    // whether a cue or source run stands between the last content run and here: only such an
    // interruption lets a content resume
    let mut interrupted = false;
    let mut i = 0;
    while i < tags.len() {
        let Some(role) = tags[i].role() else {
            i += 1;
            continue;
        };
        let first = i;
        i += 1;
        while i < tags.len() && tags[i].role() == Some(role) && !tags[i].begins() {
            i += 1;
        }
        let last = i - 1;
        let continues = role == Role::Content && !tags[first].begins();
        if continues && !seq.infos[first].in_quote {
            continue;
        }
        if role != Role::Content {
            interrupted = true;
        } else {
            // a quotation after the content's own sentence with no attribution between them
            // ("X said A. "B," he said.") starts a statement of its own
            let after_interruption = std::mem::replace(&mut interrupted, false);
            let resumes = continues && after_interruption;
            if resumes {
                if let Some(k) = out.iter().rposition(|r| r.role == Role::Content) {
                    resumed.push((k, out[k].last, first, last));
                    out[k].last = last;
                    continue;
                }
            }
        }
        out.push(Run { role, first, last });
    }
    // A resumed part followed at once by a cue of its own (`"A," said X. "B," she said.`) is
    // that cue's quotation, not more of the first one: from there on (with what resumed after
    // it), it is a content run of its own. Last resumption first: a later split has already
    // cut the run back to where an earlier one's part ends.
    for &(k, before, first, last) in resumed.iter().rev() {
        let next = out.iter().filter(|r| r.first > last).min_by_key(|r| r.first);
        let own_cue = next.is_some_and(|r| {
            r.role == Role::Cue || (r.role == Role::Source && out.iter().any(|c| c.role == Role::Cue && c.first == r.last + 1))
        });
        // the cue's own sentence, after a comma (`"B," she said`), not the next sentence's subject
        let close = next.is_some_and(|r| {
            r.first <= last + 3
                && seq.infos[r.first].sentence == seq.infos[last].sentence
                && seq.infos[last.saturating_sub(1)..r.first].iter().any(|t| matches!(t.shape, Shape::Comma))
        });
        if own_cue && close {
            let end = out[k].last;
            out[k].last = before;
            out.push(Run { role: Role::Content, first, last: end });
        }
    }
    out.sort_by_key(|r| r.first);
    out
}

fn span_of(seq: &Sequence, r: &Run) -> Span {
    Span::new(seq.tokens[r.first].span.start, seq.tokens[r.last].span.end)
}

/// Token distance between two runs (0 when adjacent, or when one lies inside the other: a
/// quotation resumed around its cue, `"A," said Wells. "B."`), with a penalty for crossing
/// sentences.
fn distance(seq: &Sequence, a: &Run, b: &Run) -> usize {
    let (l, r) = if a.first <= b.first { (a, b) } else { (b, a) };
    if r.first <= l.last {
        return 0;
    }
    let gap = r.first.saturating_sub(l.last + 1);
    let sentences = seq.infos[r.first].sentence.abs_diff(seq.infos[l.last].sentence) as usize;
    gap + 40 * sentences
}

pub(crate) fn statements(seq: &Sequence, tags: &[Tag], quotes: &[Quote]) -> Vec<Statement> {
    let runs = runs(seq, tags);
    let cues: Vec<&Run> = runs.iter().filter(|r| r.role == Role::Cue).collect();
    // the paragraph of each token
    let paragraph: Vec<u32> = seq
        .infos
        .iter()
        .scan(0u32, |p, t| {
            *p += u32::from(t.paragraph_start);
            Some(*p)
        })
        .collect();
    // A cue that opens onto a colon introduces what follows it, never words that end in a
    // paragraph before its own: "He added: 'A.\n\n'B.'\n\nThe president said: « C »" does not
    // give B to the president.
    let opens_onto_colon =
        |cue: &Run| seq.infos[cue.last].shape == Shape::Colon || seq.infos.get(cue.last + 1).is_some_and(|t| t.shape == Shape::Colon);
    let may_pair =
        |content: &Run, cue: &Run| content.first > cue.first || paragraph[content.last] >= paragraph[cue.first] || !opens_onto_colon(cue);
    // The runs of one role are in text order and do not overlap, so a run's neighbours within
    // `limit` tokens are a window of them (the distance is at least the gap in tokens): an
    // article of one long paragraph has thousands of cues and contents.
    fn within<'s, 'r>(runs: &'s [&'r Run], of: &Run, limit: usize) -> impl Iterator<Item = (usize, &'r Run)> + use<'s, 'r> {
        let from = runs.partition_point(|c| c.last + limit + 1 < of.first);
        let to = of.last + limit + 1;
        runs[from..].iter().copied().enumerate().map(move |(i, c)| (from + i, c)).take_while(move |(_, c)| c.first <= to)
    }
    let nearest_cue = |r: &Run, limit: usize| -> Option<usize> {
        within(&cues, r, limit)
            .filter(|(_, c)| r.role != Role::Content || may_pair(r, c))
            .map(|(k, c)| (distance(seq, r, c), k))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, k)| k)
    };
    // Each source goes to its nearest cue (a cue keeps the closest source).
    let mut cue_source: Vec<Option<(usize, &Run)>> = vec![None; cues.len()];
    for r in runs.iter().filter(|r| r.role == Role::Source) {
        if let Some(k) = nearest_cue(r, 60) {
            let d = distance(seq, r, cues[k]);
            if cue_source[k].is_none_or(|(best, _)| d < best) {
                cue_source[k] = Some((d, r));
            }
        }
    }
    // A cue with no source of its own that follows a sourced cue in its sentence has the same
    // speaker: "..., the minister said, adding that ...", "X said A and warned B".
    for k in 1..cues.len() {
        if cue_source[k].is_none() && seq.infos[cues[k].first].sentence == seq.infos[cues[k - 1].last].sentence {
            cue_source[k] = cue_source[k - 1];
        }
    }
    let contents: Vec<&Run> = runs.iter().filter(|r| r.role == Role::Content).collect();
    let only_commas_between = |a: &Run, b: &Run| {
        b.first > a.last + 1
            && seq.infos[a.last + 1..b.first].iter().all(|t| matches!(t.shape, Shape::Comma | Shape::Semicolon | Shape::Dash))
    };
    // contents split only by commas pair as one ("the MEA said such allegations sought to shift
    // the focus from extremists, who have been given shelter")
    let mut group = vec![0usize; contents.len()];
    for j in 1..contents.len() {
        group[j] = if only_commas_between(contents[j - 1], contents[j]) { group[j - 1] } else { j };
    }
    // Cues and contents pair one to one where they can, the nearest pairs first, so that a
    // content between two cues goes to the one beside it ("..., Lavrov said, accusing
    // [Washington of ...]"); a cue left without content shares its nearest one; content left
    // over takes its nearest cue, or none.
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    let mut used = vec![false; contents.len()];
    let mut cue_used = vec![false; cues.len()];
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (k, c) in cues.iter().enumerate() {
        for (j, r) in within(&contents, c, 120) {
            let d = distance(seq, c, r);
            if d <= 120 && may_pair(r, c) {
                candidates.push((d, k, j));
            }
        }
    }
    candidates.sort_unstable();
    let mut content_cue: Vec<Option<usize>> = vec![None; contents.len()];
    for &(_, k, j) in &candidates {
        if !used[j] && !cue_used[k] {
            cue_used[k] = true;
            // (a group is a run of neighbours, starting at its own number)
            for m in (group[j]..contents.len()).take_while(|&m| group[m] == group[j]) {
                if !used[m] {
                    used[m] = true;
                    content_cue[m] = Some(k);
                    pairs.push((m, Some(k)));
                }
            }
        }
    }
    // a cue whose contents all went to nearer cues still shares its nearest one, unless that
    // content's cue has the same source (one speaker's words, said once)
    // (one in another sentence is not what the cue introduced: the cue takes the rest of its
    // own sentence, if the tagger left it, else nothing: "X told MPs [a new White Paper was
    // ...]. His claims were denied by Y, who accused [the Tories of running scared]." does
    // not give Y's words to X)
    let source_at = |k: usize| cue_source[k].map(|(_, r)| r.first);
    let mut own: Vec<(Span, usize)> = Vec::new();
    for &(_, k, j) in &candidates {
        if !cue_used[k] {
            cue_used[k] = true;
            if sentence_between(seq, cues[k], contents[j]) {
                if let Some(span) = rest_of_sentence(seq, tags, cues[k], cue_source[k].map(|(_, r)| r)) {
                    own.push((span, k));
                    continue;
                }
            }
            if content_cue[j].is_none_or(|other| source_at(other).is_none() || source_at(other) != source_at(k)) {
                pairs.push((j, Some(k)));
            }
        }
    }
    for (j, r) in contents.iter().enumerate() {
        if !used[j] {
            pairs.push((j, nearest_cue(r, 120)));
        }
    }
    pairs.sort_unstable();
    // One cue's content cut in two at a comma (neighbours in one group) is one content.
    // (the last content run taken in, the content, its cue)
    let mut joined: Vec<(usize, Span, Option<usize>)> = Vec::new();
    for (j, k) in pairs {
        let span = span_of(seq, contents[j]);
        if let Some(prev) = joined.last_mut().filter(|p| k.is_some() && p.2 == k && p.0 + 1 == j && group[p.0] == group[j]) {
            *prev = (j, Span::new(prev.1.start, span.end), k);
            continue;
        }
        joined.push((j, span, k));
    }
    let mut out = Vec::new();
    for (content, k) in own {
        joined.push((usize::MAX, content, Some(k)));
    }
    for (_, content, k) in joined {
        let cue = k.map(|k| span_of(seq, cues[k]));
        let source = k.and_then(|k| cue_source[k]).map(|(_, s)| span_of(seq, s));
        let quoted = quotes_touching(quotes, content).iter().filter(|q| q.span.overlaps(content)).collect::<Vec<_>>();
        let whole = quoted.iter().any(|q| q.span.start <= content.start + 3 && q.span.end + 3 >= content.end)
            || quoted_around_cue(&quoted, content, cue);
        let kind = if whole {
            StatementKind::Direct
        } else if !quoted.is_empty() {
            StatementKind::Mixed
        } else if cue.is_none() {
            StatementKind::Floating
        } else {
            StatementKind::Indirect
        };
        let confidence = match (cue.is_some(), source.is_some()) {
            (true, true) => 0.85,
            (true, false) => 0.7,
            _ => 0.5,
        };
        out.push(Statement::found(kind, content, cue, source, confidence));
    }
    out
}

/// `"A," X told reporters. "B."`: a content of two quotations with its own attribution between
/// them is all quoted words.
fn quoted_around_cue(quoted: &[&Quote], content: Span, cue: Option<Span>) -> bool {
    match (quoted, cue) {
        ([first, second], Some(cue)) => {
            first.span.start <= content.start + 3
                && second.span.end + 3 >= content.end
                && first.span.end <= cue.start
                && cue.end <= second.span.start
        }
        _ => false,
    }
}

/// Whether a sentence ends between two runs: a full stop outside quotation marks or a new
/// paragraph in the gap. (The sentence numbers of the tokens are not asked: the splitter
/// cuts inside quotations, where a content runs on across its cue.)
fn sentence_between(seq: &Sequence, a: &Run, b: &Run) -> bool {
    let (l, r) = if a.first <= b.first { (a, b) } else { (b, a) };
    let gap = l.last + 1..r.first;
    gap.clone().any(|t| seq.infos[t].shape == Shape::Terminal && !seq.infos[t].in_quote)
        || (gap.start..=gap.end.min(seq.infos.len() - 1)).skip(1).any(|t| seq.infos[t].paragraph_start)
}

const TELL: &[&str] = &["told", "tell", "tells", "telling"];
const DETERMINERS: &[&str] = &["the", "a", "an"];

/// The words of a cue's sentence after it (and after a source right behind it: "said the
/// minister") that the tagger gave no role, from after a "that" among the first of them, to
/// the sentence's end without its closing marks: what a cue whose content the tagger missed
/// introduced. `None` when fewer than three words are left.
fn rest_of_sentence(seq: &Sequence, tags: &[Tag], cue: &Run, source: Option<&Run>) -> Option<Span> {
    static THAT: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| super::word_hash::word_hash("that"));
    // (the word lists hashed once, as the tokens' words are)
    static TELL_HASHES: std::sync::LazyLock<Vec<u64>> =
        std::sync::LazyLock::new(|| TELL.iter().map(|w| super::word_hash::word_hash(w)).collect());
    static DETERMINER_HASHES: std::sync::LazyLock<Vec<u64>> =
        std::sync::LazyLock::new(|| DETERMINERS.iter().map(|w| super::word_hash::word_hash(w)).collect());
    let infos = &seq.infos;
    let sentence = infos[cue.last].sentence;
    let mut first = cue.last + 1;
    if let Some(s) = source.filter(|s| s.first == first) {
        first = s.last + 1;
    }
    let mut end = first;
    while end < infos.len() && infos[end].sentence == sentence && tags[end].role().is_none() {
        end += 1;
    }
    while end > first && !matches!(infos[end - 1].shape, Shape::Lower | Shape::Capitalized | Shape::AllCaps | Shape::Digit | Shape::Other) {
        end -= 1;
    }
    if let Some(that) = (first..end.min(first + 4)).find(|&t| infos[t].word == *THAT) {
        first = that + 1;
    } else if TELL_HASHES.contains(&infos[cue.last].word) && first < end {
        // the one told is no part of what was told: "told [MPs] a new White Paper was ...",
        // "told [the Financial Times] the deal ..."
        if DETERMINER_HASHES.contains(&infos[first].word) {
            first += 1;
        }
        let names = infos[first..end].iter().take_while(|t| matches!(t.shape, Shape::Capitalized | Shape::AllCaps)).count();
        first += names.max(1);
    }
    (end >= first + 3).then(|| Span::new(seq.tokens[first].span.start, seq.tokens[end - 1].span.end))
}
