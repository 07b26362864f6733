//! The shapes of attribution, read over tokens.

use onrecord_model::{Span, Statement, StatementKind};
use onrecord_segment::{quotes_touching, tokenize, Quote, Token, TokenKind, WordSet};

use crate::lexicon::{breaks_source, cue_class, ends_trailing_source, is_auxiliary, is_cue_adverb, is_subject_pronoun, CueClass, WEEKDAYS};

/// What a source noun phrase is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    Pronoun,
    /// Capitalised words: a name of a person, organisation or country.
    Name,
    /// A common noun that can speak: "the spokesperson", "sources", "the report".
    Role,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "another", "some", "many", "several", "one", "two", "three",
    "both", "all", "other", "most", "few", "these", "those", "each", "every", "no", "any",
];

/// Common nouns that can be the source of a statement.
const SOURCE_NOUNS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "source", "sources", "aide", "aides", "analyst",
    "analysts", "expert", "experts", "report", "reports", "statement", "resolution", "poll", "polls", "survey", "study", "data", "people",
    "critics", "supporters", "observers", "residents", "witnesses", "lawmakers", "senator", "campaign", "police", "authorities",
    "ministry", "government", "administration", "committee", "president", "minister", "ambassador", "secretary", "director", "chief",
    "leader", "leaders", "chairman", "chairwoman", "chair", "founder", "author", "adviser", "advisor", "advisers", "advisors",
    "strategist", "strategists", "economist", "economists", "researcher", "researchers", "scientist", "scientists", "doctor", "doctors",
    "lawyer", "lawyers", "attorney", "attorneys", "prosecutor", "prosecutors", "judge", "governor", "mayor", "candidate", "nominee",
    "voters", "voter", "respondents", "insiders", "letter", "memo", "document", "documents", "filing", "complaint", "lawsuit", "article",
    "website", "paper", "newspaper", "network", "agency", "department", "office", "team", "group", "party", "organization", "organisation",
    "union", "council", "court", "board", "commission", "side", "operative", "operatives", "representative", "representatives", "member",
    "members", "staff", "staffer", "staffers", "manager", "officer", "officers", "activist", "activists", "protesters", "protester",
    "leadership", "government", "diplomat", "diplomats", "envoy", "counterpart", "host", "anchor", "reporter", "reporters",
    "correspondent", "columnist", "editor", "editorial", "people", "person", "man", "woman", "men", "women", "friend", "friends", "family",
    "father", "mother", "wife", "husband", "son", "daughter", "advocates", "opponents", "allies", "rivals", "republicans", "democrats",
    "conservatives", "liberals", "pollster", "pollsters", "figures", "records", "estimates", "numbers", "results", "findings", "release",
    "announcement", "tweet", "post", "ad", "speech", "interview", "book", "journal", "magazine", "outlet", "agency", "bureau", "firm",
    "company", "bank", "fund", "institute", "university", "foundation", "association", "movement", "coalition", "senate", "house",
    "congress", "parliament", "assembly", "cabinet", "embassy", "consulate", "military", "army", "navy", "troops", "kremlin", "pentagon",
    "whitehouse", "state", "country", "nation", "governments", "countries", "media", "broadcaster", "television",
];

/// [`SOURCE_NOUNS`] as a set (asked of many words of every article).
static SOURCE_NOUN_SET: WordSet = WordSet::new(SOURCE_NOUNS);

fn lower(text: &str, t: &Token) -> String {
    t.text(text).to_lowercase()
}

fn is_cap(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
}

/// Classifies tokens as a source noun phrase, or `None` when they cannot be one.
pub fn np_kind(text: &str, toks: &[Token]) -> Option<NpKind> {
    // "Sen. Lindsey Graham (R-S.C.)": a bracket after the phrase (party and state, age, an
    // acronym) qualifies it
    let toks = match toks.split_last() {
        Some((last, rest)) if last.span.of(text) == ")" => match rest.iter().rposition(|t| t.span.of(text) == "(") {
            Some(open) if open > 0 => &toks[..open],
            _ => toks,
        },
        _ => toks,
    };
    if toks.is_empty() || toks.len() > 12 {
        return None;
    }
    if toks.iter().any(|t| t.kind == TokenKind::Quote) {
        return None;
    }
    let words: Vec<String> = toks.iter().map(|t| lower(text, t)).collect();
    if toks.len() == 1 && is_subject_pronoun(&words[0]) {
        return Some(NpKind::Pronoun);
    }
    // "officials from both countries", "sources from the ministry": who they are, then where
    // they come from
    if let Some(from) = words.iter().position(|w| w == "from") {
        let head = &words[..from];
        let tail = &words[from + 1..];
        let plain = |w: &String| !breaks_source(w);
        // (people in the plural: "the prime minister from Derby North's Bob Laxton" is no phrase)
        let group = from > 0 && words[from - 1].ends_with('s') && SOURCE_NOUN_SET.contains(words[from - 1].as_str());
        if group && head.iter().all(plain) && (1..=4).contains(&tail.len()) && tail.iter().all(plain) {
            return Some(NpKind::Role);
        }
    }
    if words.iter().any(|w| breaks_source(w) && w != "of") {
        return None;
    }
    let first_content = words.iter().position(|w| !DETERMINERS.contains(&w.as_str())).unwrap_or(0);
    let content = &toks[first_content..];
    if content.is_empty() {
        return None;
    }
    let last = &words[words.len() - 1];
    if SOURCE_NOUN_SET.contains(last.as_str()) {
        // "the spokesperson", "Chinese Foreign Ministry spokesperson"; a capitalised role still counts as role
        return Some(
            if content.iter().all(|t| is_cap(text, t) || t.kind != TokenKind::Word)
                && words.len() > 1
                && !SOURCE_NOUN_SET.contains(words[first_content].as_str())
            {
                NpKind::Name
            } else {
                NpKind::Role
            },
        );
    }
    let caps = content.iter().filter(|t| t.kind == TokenKind::Word && is_cap(text, t)).count();
    let lowers: Vec<&String> = content
        .iter()
        .zip(&words[first_content..])
        .filter(|(t, _)| t.kind == TokenKind::Word && !is_cap(text, t))
        .map(|(_, w)| w)
        .collect();
    // the words of a role before its noun go with it: "Sun's [chief operating] officer
    // Jonathan Schwartz", "the festival's [executive] director, ..."
    let last_role_noun = lowers.iter().rposition(|w| SOURCE_NOUN_SET.contains(w.as_str()));
    if caps > 0
        && is_cap(text, toks.last()?)
        && lowers.iter().enumerate().all(|(i, w)| {
            matches!(w.as_str(), "of" | "for" | "and" | "the" | "de" | "al" | "bin" | "van" | "von" | "'s" | "’s")
                || SOURCE_NOUN_SET.contains(w.as_str())
                || last_role_noun.is_some_and(|r| i < r)
        })
    {
        return Some(NpKind::Name);
    }
    None
}

/// Kinds of statement that report speech in the writer's words, which a floating sentence may
/// carry on.
const REPORTED: [StatementKind; 2] = [StatementKind::Indirect, StatementKind::Mixed];

/// The last statement made, for floating continuation.
#[derive(Debug, Clone, Copy)]
struct Last {
    paragraph: usize,
    /// Paragraphs in the chain since the last statement with a cue.
    floating_paragraphs: usize,
    /// Whether the last statement ended its paragraph's last sentence.
    ended_paragraph: bool,
    /// Whether the speaker was last reported (`X said that ...`), not quoted: only reported
    /// speech carries on in sentences of the writer's own wording. After a quotation, a
    /// cue-less sentence outside quote marks is the writer's narrative.
    reported: bool,
}

pub struct Reader<'t> {
    text: &'t str,
    quotes: &'t [Quote],
    last: Option<Last>,
    /// Quotations a statement has taken (they do not overlap, so their order is their starts').
    used_quotes: std::collections::BTreeSet<Span>,
    /// The buffers of a sentence's lower-case words, reused.
    lower_words: Vec<String>,
    /// How many statements the output held before the first sentence: the readings of layout.
    layout: Option<usize>,
}

/// One cue found in a sentence.
struct Cue {
    /// Token index range of the cue words (auxiliaries included).
    from: usize,
    to: usize,
    class: CueClass,
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str, quotes: &'t [Quote]) -> Reader<'t> {
        Reader { text, quotes, last: None, used_quotes: std::collections::BTreeSet::new(), lower_words: Vec::new(), layout: None }
    }

    pub fn break_chain(&mut self) {
        self.last = None;
    }

    fn in_quote(&self, pos: usize) -> Option<&Quote> {
        // quotations are in text order and do not overlap (`find_quotes`): the one that starts
        // last at or before `pos` is the only one that may hold it
        let after = self.quotes.partition_point(|q| q.span.start <= pos);
        after.checked_sub(1).map(|i| &self.quotes[i]).filter(|q| pos < q.span.end)
    }

    /// Reads one sentence and pushes its statements.
    pub fn sentence(&mut self, span: Span, paragraph: usize, toks: &[Token], out: &mut Vec<Statement>) {
        let text = self.text;
        // the lower-case words, in strings kept from one sentence to the next
        let mut low = std::mem::take(&mut self.lower_words);
        low.resize_with(toks.len().max(low.len()), String::new);
        low.truncate(toks.len());
        for (l, t) in low.iter_mut().zip(toks) {
            l.clear();
            let w = t.text(text);
            if w.is_ascii() {
                l.push_str(w);
                l.make_ascii_lowercase();
            } else {
                l.push_str(&w.to_lowercase());
            }
        }
        self.sentence_with(span, paragraph, toks, &low, out);
        self.lower_words = low;
    }

    fn sentence_with(&mut self, span: Span, paragraph: usize, toks: &[Token], low: &[String], out: &mut Vec<Statement>) {
        let text = self.text;
        let before = out.len();
        let layout = *self.layout.get_or_insert(before);
        let quoted: Vec<bool> = toks.iter().map(|t| self.in_quote(t.span.start).is_some()).collect();
        let cues = self.find_cues(toks, low, &quoted);

        // Quotations in this sentence with a cue beside them.
        self.direct_quotes(span, toks, low, &quoted, &cues, out);

        // Reported speech around each cue outside quotes.
        for (ci, cue) in cues.iter().enumerate() {
            let next_cue = cues.get(ci + 1).map(|c| c.from);
            // (a cue already read is one of this sentence's, or a layout reading's: a cue lies in
            // its own sentence, so the earlier sentences' statements need no look)
            let read = |cue_span: Span| out[..layout].iter().chain(&out[before..]).any(|s| s.cue == Some(cue_span));
            if let Some(st) = self.reported(toks, low, &quoted, cue, next_cue, &read) {
                out.push(st);
            }
        }

        // A participle cue ("adding", "noting") takes the source of the statement before it in
        // the sentence (never one from an earlier sentence: that source is another speaker as
        // often as the same one).
        for i in before..out.len() {
            if out[i].source.is_none() && out[i].cue.is_some() {
                if let Some(src) = out[before..i]
                    .iter()
                    .rev()
                    .find_map(|s| s.source)
                    .or_else(|| out[i + 1..].iter().find_map(|s| s.source.filter(|x| x.start >= span.start && x.end <= span.end)))
                {
                    out[i].source = Some(src);
                }
            }
        }

        if out.len() > before {
            let reported = out[before..].iter().any(|s| {
                REPORTED.contains(&s.kind)
                    && s.cue.is_some_and(|c| tokenize(text, c).iter().any(|t| crate::lexicon::is_saying(&lower(text, t))))
            });
            self.last = Some(Last { paragraph, floating_paragraphs: 0, ended_paragraph: true, reported });
            return;
        }
        // A whole-sentence quotation right after a statement: the speaker goes on.
        let from = self.quotes.partition_point(|q| q.span.end + 2 < span.end);
        if let Some(q) =
            self.quotes[from..].iter().take_while(|q| q.span.start <= span.start + 1).find(|q| !self.used_quotes.contains(&q.span))
        {
            if self.may_continue(paragraph) {
                out.push(Statement::found(StatementKind::Direct, q.span, None, None, 0.55));
                self.used_quotes.insert(q.span);
                self.continue_chain(paragraph);
                if let Some(l) = &mut self.last {
                    l.reported = false;
                }
                return;
            }
        }
        if cues.is_empty() && self.may_continue(paragraph) && self.last.is_some_and(|l| l.reported) && self.floating_ok(toks, low) {
            out.push(Statement::found(StatementKind::Floating, span, None, None, 0.5));
            self.continue_chain(paragraph);
            return;
        }
        self.last = None;
    }

    fn may_continue(&self, paragraph: usize) -> bool {
        match self.last {
            Some(l) if l.paragraph == paragraph => true,
            Some(l) => paragraph == l.paragraph + 1 && l.ended_paragraph && l.floating_paragraphs < 2,
            None => false,
        }
    }

    fn continue_chain(&mut self, paragraph: usize) {
        if let Some(l) = &mut self.last {
            if l.paragraph != paragraph {
                l.floating_paragraphs += 1;
                l.paragraph = paragraph;
            }
        }
    }

    /// A cue-less sentence can carry on reported speech unless it turns to another person or to
    /// the writer's own voice.
    fn floating_ok(&self, toks: &[Token], low: &[String]) -> bool {
        let text = self.text;
        if toks.len() < 4
            || low.first().is_some_and(|w| matches!(w.as_str(), "it" | "meanwhile" | "earlier" | "separately" | "in"))
                && low.get(1).is_some_and(|w| matches!(w.as_str(), "may" | "is" | "was" | "also" | "addition" | "a" | "another" | "other"))
        {
            return false;
        }
        if toks.last().is_some_and(|t| t.text(text) == "?") {
            return false;
        }
        // the writer telling where and when the words were said: "Xi made the remarks while
        // delivering a keynote speech", "His comments came as ...", "She was speaking at ..."
        let speech_noun = |w: &str| matches!(w, "remarks" | "comments" | "statement" | "statements" | "speech" | "address");
        let about_the_speech =
            low.windows(3).any(|w| matches!(w[0].as_str(), "made" | "makes" | "make") && (speech_noun(&w[1]) || speech_noun(&w[2])))
                || low.windows(2).any(|w| matches!(w[0].as_str(), "was" | "were" | "is") && w[1] == "speaking")
                || (low.len() > 2
                    && matches!(low[0].as_str(), "the" | "his" | "her" | "their" | "its")
                    && speech_noun(&low[1])
                    && matches!(low[2].as_str(), "came" | "come" | "were" | "was"));
        if about_the_speech {
            return false;
        }
        // "President Alvi received ...": a titled or full personal name as subject is narrative.
        let subject: Vec<&Token> = toks.iter().take_while(|t| t.kind == TokenKind::Word && is_cap(text, t)).collect();
        if subject.len() >= 2 {
            let first = low[0].as_str();
            let titled = crate::rules::is_title(first);
            let name_like = subject.len() >= 2 && !DETERMINERS.contains(&first) && subject.iter().skip(1).all(|t| t.text(text).len() > 1);
            let next_is_verb = toks.get(subject.len()).is_some_and(|t| {
                let w = lower(text, t);
                w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss")
            });
            if titled || (name_like && next_is_verb && !is_place_like(&subject.iter().map(|t| t.text(text)).collect::<Vec<_>>())) {
                return false;
            }
        }
        true
    }

    fn find_cues(&self, toks: &[Token], low: &[String], quoted: &[bool]) -> Vec<Cue> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if quoted[i] || toks[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let w = low[i].as_str();
            if w == "according" && low.get(i + 1).is_some_and(|n| n == "to") {
                // "according to its needs", "according to their plan": manner, not a source.
                let next = low.get(i + 2).map(String::as_str);
                if next.is_some_and(|n| matches!(n, "its" | "their" | "our" | "my" | "your")) {
                    i += 2;
                    continue;
                }
                cues.push(Cue { from: i, to: i + 2, class: CueClass::Speech });
                i += 2;
                continue;
            }
            if let Some(class) = cue_class(w) {
                // "said" as an adjective ("the said report") or a noun after a determiner is no cue.
                let prev = i.checked_sub(1).map(|p| low[p].as_str());
                if prev.is_some_and(|p| matches!(p, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "to"))
                    && !matches!(w, "said")
                {
                    i += 1;
                    continue;
                }
                if crate::lexicon::is_coordinated_infinitive(self.text, toks[i].span) {
                    i += 1;
                    continue;
                }
                let mut from = i;
                // "X was quoted as saying": the passive is one cue
                if w == "saying" && i >= 2 && low[i - 1] == "as" && low[i - 2] == "quoted" {
                    from = i - 2;
                }
                while from > 0 && is_auxiliary(&low[from - 1]) && !quoted[from - 1] {
                    from -= 1;
                }
                let mut to = i + 1;
                // multi-word cues: "pointed out", "made clear"
                if low.get(to).is_some_and(|n| n == "out") && w.starts_with("point") {
                    to += 1;
                }
                cues.push(Cue { from, to, class });
                i = to;
                continue;
            }
            if w.starts_with("point") && low.get(i + 1).is_some_and(|n| n == "out") {
                cues.push(Cue { from: i, to: i + 2, class: CueClass::Speech });
                i += 2;
                continue;
            }
            i += 1;
        }
        cues
    }

    fn span_of(toks: &[Token], from: usize, to: usize) -> Span {
        Span::new(toks[from].span.start, toks[to - 1].span.end)
    }

    /// `"...," X said`, `"...," said X`, `X said: "..."`, `..., adding, "..."`.
    fn direct_quotes(&mut self, sent: Span, toks: &[Token], low: &[String], quoted: &[bool], cues: &[Cue], out: &mut Vec<Statement>) {
        let text = self.text;
        for q in quotes_touching(self.quotes, sent).iter().filter(|q| q.span.end > sent.start && q.span.start < sent.end) {
            if self.used_quotes.contains(&q.span) || q.span.of(text).split_whitespace().count() < 3 {
                continue;
            }
            // tokens right after and right before the quotation, within the sentence
            let after = toks.iter().position(|t| t.span.start >= q.span.end && !quoted[toks.iter().position(|x| x == t).unwrap_or(0)]);
            let before_end = toks.iter().rposition(|t| t.span.end <= q.span.start);
            let mut found: Option<(Span, Option<Span>)> = None;
            if let Some(a) = after {
                let mut a = a;
                if low[a] == "," {
                    a += 1;
                }
                if let Some(cue) = cues.iter().find(|c| c.from >= a && c.from <= a + 8) {
                    let cue_span = Self::span_of(toks, cue.from, cue.to);
                    if cue.from == a {
                        // "..." said X
                        let src = self.trailing_source(toks, low, cue.to);
                        found = Some((cue_span, src));
                    } else if let Some(NpKind::Pronoun | NpKind::Name | NpKind::Role) = np_kind(text, &toks[a..cue.from]) {
                        found = Some((cue_span, Some(Self::span_of(toks, a, cue.from))));
                    }
                }
            }
            if found.is_none() {
                if let Some(b) = before_end {
                    let mut b = b;
                    if matches!(low[b].as_str(), ":" | ",") && b > 0 {
                        b -= 1;
                    }
                    if let Some(cue) = cues.iter().find(|c| c.to == b + 1) {
                        let cue_span = Self::span_of(toks, cue.from, cue.to);
                        let src = self.leading_source(toks, low, quoted, cue.from);
                        found = Some((cue_span, src.map(|(s, _)| s)));
                    }
                }
            }
            if let Some((cue, source)) = found {
                self.used_quotes.insert(q.span);
                out.push(Statement::found(StatementKind::Direct, q.span, Some(cue), source, 0.9));
            }
        }
    }

    /// The source noun phrase after an inverted cue: `..., said the spokesperson Zhao here at ...`.
    fn trailing_source(&self, toks: &[Token], low: &[String], from: usize) -> Option<Span> {
        let mut end = from;
        while end < toks.len() && toks[end].kind == TokenKind::Word && !(end > from && ends_trailing_source(&low[end])) {
            if end == from && ends_trailing_source(&low[end]) && !DETERMINERS.contains(&low[end].as_str()) {
                break;
            }
            end += 1;
        }
        // possessive "'s" tokens are words; commas end it
        (end > from && np_kind(self.text, &toks[from..end]).is_some()).then(|| Self::span_of(toks, from, end))
    }

    /// The subject noun phrase before a cue, skipping adverbs and time phrases: `China on
    /// Thursday reiterated`, `He also said`. Returns its span and first token index.
    fn leading_source(&self, toks: &[Token], low: &[String], quoted: &[bool], cue_from: usize) -> Option<(Span, usize)> {
        let mut end = cue_from;
        loop {
            if end > 0 && is_cue_adverb(&low[end - 1]) {
                end -= 1;
            } else if end > 1 && low[end - 2] == "on" && WEEKDAYS.contains(&low[end - 1].as_str()) {
                end -= 2;
            } else {
                break;
            }
        }
        // "Rep. Gwen Moore (D-Wis.) said": the bracket belongs to the source, whose words end
        // before it
        let with_bracket = end;
        if end > 1 && low[end - 1] == ")" && !quoted[end - 1] {
            if let Some(open) = (end.saturating_sub(8)..end - 1).rev().find(|&i| low[i] == "(") {
                end = open;
            }
        }
        if end == 0 || quoted[end - 1] || toks[end - 1].kind != TokenKind::Word {
            return None;
        }
        let mut start = end - 1;
        if !is_subject_pronoun(&low[start]) {
            while start > 0 {
                let p = start - 1;
                let w = low[p].as_str();
                let joins = toks[p].kind == TokenKind::Word || matches!(w, "'" | "’" | "-" | "&" | ".");
                // ("officials [from] both countries")
                let from_after_noun = w == "from" && p > 0 && low[p - 1].ends_with('s') && SOURCE_NOUN_SET.contains(low[p - 1].as_str());
                if !joins || quoted[p] || (breaks_source(w) && w != "of" && !from_after_noun) || end - p > 12 {
                    break;
                }
                start = p;
            }
            // never start on "of" or a lone connective
            while start < end && matches!(low[start].as_str(), "of" | "'" | "’" | "-" | "&") {
                start += 1;
            }
        }
        if start >= end {
            return None;
        }
        np_kind(self.text, &toks[start..with_bracket]).map(|_| (Self::span_of(toks, start, with_bracket), start))
    }

    /// Reported speech around one cue.
    #[allow(clippy::too_many_arguments)]
    fn reported(
        &mut self,
        toks: &[Token],
        low: &[String],
        quoted: &[bool],
        cue: &Cue,
        next_cue: Option<usize>,
        already_read: &dyn Fn(Span) -> bool,
    ) -> Option<Statement> {
        let text = self.text;
        let cue_span = Self::span_of(toks, cue.from, cue.to);
        if already_read(cue_span) {
            return None;
        }
        let n = toks.len();
        let mut last = n;
        while last > 0
            && matches!(toks[last - 1].kind, TokenKind::Punct)
            && matches!(low[last - 1].as_str(), "." | "!" | "?" | ";" | "—" | "–" | "-")
        {
            last -= 1;
        }
        let is_according = low[cue.from] == "according";

        if is_according {
            // "according to X, CONTENT" or "CONTENT, according to X."
            let src_end = (cue.to..last).find(|&i| low[i] == "," || quoted[i]).unwrap_or(last);
            let source = (src_end > cue.to).then(|| Self::span_of(toks, cue.to, src_end));
            let content = if cue.from <= 1 {
                let from = if src_end < last && low[src_end] == "," { src_end + 1 } else { src_end };
                (from < last).then(|| Self::span_of(toks, from, last))?
            } else {
                let mut to = cue.from;
                if to > 0 && low[to - 1] == "," {
                    to -= 1;
                }
                (to > 0).then(|| Self::span_of(toks, 0, to))?
            };
            return Some(self.statement(content, cue_span, source, 0.8));
        }

        // "..., X said." / "..., said X." with the content before.
        let comma = (0..cue.from).rev().find(|&i| low[i] == "," && !quoted[i]);
        let quote_close = (0..cue.from).rev().find(|&i| toks[i].kind == TokenKind::Quote && quoted[i]);
        let clause_start = match (comma, quote_close) {
            (Some(c), Some(q)) => Some(c.max(q)),
            (c, q) => c.or(q),
        };
        if let Some(k) = clause_start.filter(|&k| k >= 2) {
            // ", adding that ...", ", accusing X of ...": the same speaker's next cue ends this
            // one's tail; its words are a statement of their own
            let tail_end = (cue.to..last.saturating_sub(1))
                .find(|&i| low[i] == "," && !quoted[i] && low[i + 1].ends_with("ing") && cue_class(&low[i + 1]).is_some())
                .unwrap_or(last);
            // "..., X told The Huffington Post on Thursday.": the one told comes first
            let told = if cue.class == CueClass::Tell { recipient_len(text, &toks[cue.to..tail_end], &low[cue.to..tail_end]) } else { 0 };
            let adjunct_only = (cue.to..tail_end).all(|i| !quoted[i]) && self.is_trailing_adjunct(&low[cue.to + told..tail_end]);
            if k + 1 == cue.from {
                // inverted: ", said X"
                if let Some(src) = self.trailing_source(toks, low, cue.to) {
                    let src_end = toks.iter().position(|t| t.span.start >= src.end).unwrap_or(n);
                    // (", urged Iran to halt ...": an object and its infinitive, not a speaker
                    // and an adjunct like "to reporters")
                    let infinitive = low.get(src_end).is_some_and(|w| w == "to")
                        && low.get(src_end + 1).is_some_and(|w| {
                            w.chars().all(char::is_lowercase) && !is_listener(w) && !matches!(w.as_str(), "his" | "their" | "its")
                        });
                    if !infinitive && (src_end >= tail_end || self.is_trailing_adjunct(&low[src_end..tail_end])) {
                        let content = Self::span_of(toks, 0, k);
                        return Some(self.statement(content, cue_span, Some(src), 0.85));
                    }
                }
            } else if adjunct_only && np_kind(text, &toks[k + 1..cue.from]).is_some() {
                let (src, _) = self.leading_source(toks, low, quoted, cue.from)?;
                let content = Self::span_of(toks, 0, k);
                if content.of(text).split_whitespace().count() >= 3 {
                    return Some(self.statement(content, cue_span, Some(src), 0.85));
                }
            }
        }

        // "X said (that) CONTENT".
        let source = self.leading_source(toks, low, quoted, cue.from);
        let participle = low[cue.to - 1].ends_with("ing") && cue.from > 0 && low[cue.from - 1] == ",";
        let coordinated = cue.from > 0 && low[cue.from - 1] == "and";
        if source.is_none() && !participle && !coordinated {
            return None;
        }
        let mut from = cue.to;
        if from < last && matches!(low[from].as_str(), "," | ":") {
            from += 1;
        }
        if cue.class == CueClass::Tell {
            // skip the recipient: "told reporters (that)"
            let that = (from..last.min(from + 8)).find(|&i| low[i] == "that" || low[i] == ",");
            match that {
                Some(i) if low[i] == "," => from = i + 1,
                Some(i) => from = i,
                None if from + 1 < last => from += 1,
                None => {}
            }
        } else if let Some(i) = (from..last.min(from + 7)).find(|&i| low[i] == "that") {
            // "said on Wednesday that", "said in a statement that"
            #[rustfmt::skip] // a word list, packed
            let adjunct = matches!(low[from].as_str(), "on" | "in" | "at" | "during" | "yesterday" | "today" | "last" | "this" | "earlier" | "late" | "to" | "after" | "before" | "while" | "also");
            if i > from && adjunct {
                from = i;
            }
        }
        let mut to = last;
        if let Some(nc) = next_cue {
            // the next cue's clause ends this content: "... and said", ", adding"
            let mut t = nc;
            while t > from && matches!(low[t - 1].as_str(), "and" | "," | "but") {
                t -= 1;
            }
            if (t..nc).any(|i| matches!(low[i].as_str(), "and" | "," | "but")) || nc == from {
                to = t;
            }
        }
        if to <= from || (to - from) < 2 {
            return None;
        }
        let content = Self::span_of(toks, from, to);
        // (the quotations do not overlap: only the last one to start at or before the content
        // may hold it, and only those starting inside it may lie inside it)
        let holds = self.used_quotes.range(..=Span::new(content.start, usize::MAX)).next_back().is_some_and(|q| q.contains(content));
        let inside = || {
            self.used_quotes
                .range(Span::new(content.start, 0)..Span::new(content.end, 0))
                .any(|q| content.contains(*q) && q.len() * 10 >= content.len() * 9)
        };
        if holds || inside() {
            return None;
        }
        let src = source.map(|(s, _)| s);
        let conf = if src.is_some() { 0.8 } else { 0.7 };
        Some(self.statement(content, cue_span, src, conf))
    }

    fn statement(&self, content: Span, cue: Span, source: Option<Span>, confidence: f32) -> Statement {
        let has_quote = quotes_touching(self.quotes, content).iter().any(|q| content.contains(q.span) || q.span.overlaps(content));
        let kind = if has_quote { StatementKind::Mixed } else { StatementKind::Indirect };
        Statement::found(kind, content, Some(cue), source, confidence)
    }

    /// "on Wednesday", "during his regular briefing held here", "in a statement", "here".
    #[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
    fn is_trailing_adjunct(&self, words: &[String]) -> bool {
        if words.is_empty() {
            return true;
        }
        let first = words[0].as_str();
        // ", speaking on condition of anonymity because they were not authorized to ...", ",
        // citing ...": a participle set off after the cue tells how, however long ("adding" and
        // "saying" are cues of their own)
        let participle = first == ","
            && words.get(1).is_some_and(|w| w.len() > 4 && w.ends_with("ing") && (cue_class(w).is_none() || w == "speaking"));
        if participle {
            return true;
        }
        words.len() <= 14
            && (matches!(first, "on" | "in" | "at" | "during" | "here" | "there" | "yesterday" | "today" | "tonight" | "last" | "this" | "earlier"
                | "later" | "late" | "early" | "while" | "when" | "after" | "before" | "recently" | "also" | "again" | "via" | "through" | "from" | "as" | "by" | "with" | "to" | "told" | "shortly" | "afterwards" | "," )
                // "said Monday, as tensions rose": a bare weekday, as American wires write it
                || WEEKDAYS.contains(&first))
            && !words.iter().any(|w| w == "that")
    }
}

/// How many tokens at the start of `toks` name the one told: a name ("The Huffington Post",
/// "CNN's State of the Union") or a listener ("reporters", "him"). The caller checks that no
/// more than an adjunct follows them: else that is the content ("told reporters the deal was
/// dead").
fn recipient_len(text: &str, toks: &[Token], low: &[String]) -> usize {
    toks.iter().zip(low).take(8).take_while(|(t, w)| is_cap(text, t) || is_listener(w)).count()
}

/// A word of the phrase naming whom something is told (lower case): its determiner or a
/// listener ("the", "reporters", "him", "supporters").
#[rustfmt::skip] // a word list, packed
fn is_listener(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "'s" | "’s" | "." | "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them"
        | "lawmakers" | "supporters" | "voters" | "students" | "viewers" | "listeners" | "interviewer")
}

#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
pub fn is_title(w: &str) -> bool {
    matches!(w, "president" | "prime" | "minister" | "senator" | "sen" | "rep" | "gov" | "governor" | "mr" | "mrs" | "ms" | "dr" | "mayor"
        | "secretary" | "ambassador" | "general" | "gen" | "chairman" | "king" | "queen" | "prince" | "pope" | "judge" | "justice"
        | "foreign" | "chinese" | "pakistani" | "american" | "vice" | "chief" | "premier" | "chancellor" | "speaker" | "leader" | "former" | "sir" | "lord")
}

fn is_place_like(words: &[&str]) -> bool {
    words.iter().any(|w| matches!(*w, "China" | "Pakistan" | "United" | "States" | "Chinese" | "Pakistani"))
}

/// A headline that gives its speaker around a colon: `China Ready To Work With Pakistan: Mao
/// Ning` (a claim, a colon, a short name) or `Pence: Gennifer Flowers Won't Be at Debate` (a
/// short name, a colon, a claim), as wires and partisan sites both write them.
pub fn headline(text: &str, span: Span) -> Option<Statement> {
    let toks = tokenize(text, span);
    let words = |ts: &[Token]| ts.iter().filter(|t| t.kind == TokenKind::Word).count();
    if let Some(st) = claim_then_speaker_says(text, &toks) {
        return Some(st);
    }
    let colon = toks.iter().rposition(|t| t.text(text) == ":")?;
    let name = &toks[colon + 1..];
    // (a name, or a role after a capital: "FM spokesperson")
    let is_name = !name.is_empty() && name.len() <= 5 && names_in_capitals(text, name);
    if is_name && words(&toks[..colon]) >= 3 {
        let content = Span::new(toks[0].span.start, toks[colon - 1].span.end);
        let source = Span::new(name[0].span.start, name[name.len() - 1].span.end);
        return Some(headline_statement(content, toks[colon].span, source));
    }
    let colon = toks.iter().position(|t| t.text(text) == ":")?;
    let label = Span::new(toks.first()?.span.start, toks[colon].span.start).trim(text);
    let claim = &toks[colon + 1..];
    // a question asks; it states nothing
    if !is_speaker_label(label.of(text)) || words(claim) < 3 || claim.last().is_some_and(|t| t.text(text) == "?") {
        return None;
    }
    // the claim as it stands, without the headline's closing full stop (a stop inside a
    // closing quote mark belongs to the quotation)
    let mut end = claim.len();
    while end > 0 && matches!(claim[end - 1].text(text), "." | ";" | ",") {
        end -= 1;
    }
    let content = Span::new(claim[0].span.start, claim[end.max(1) - 1].span.end);
    Some(headline_statement(content, toks[colon].span, label))
}

/// "Clinton Hid Health Problems From Public, Former White House Doctor Says.", "Moscow ready
/// for talks, Lavrov says": the speaker and a verb of saying in the present (or "said") close
/// the headline, after its last comma.
fn claim_then_speaker_says(text: &str, toks: &[Token]) -> Option<Statement> {
    let mut end = toks.len();
    while end > 0 && toks[end - 1].kind == TokenKind::Punct && matches!(toks[end - 1].text(text), "." | "!") {
        end -= 1;
    }
    let verb = toks[..end].last().filter(|t| says_in_headline(text, t));
    let Some(verb) = verb else { return speaker_says_after_claim(text, &toks[..end]).or_else(|| speaker_says_claim(text, &toks[..end])) };
    let comma = toks[..end - 1].iter().rposition(|t| t.text(text) == ",")?;
    let name = &toks[comma + 1..end - 1];
    let claim_words = toks[..comma].iter().filter(|t| t.kind == TokenKind::Word).count();
    if name.is_empty() || name.len() > 6 || claim_words < 3 || np_kind(text, name).is_none() {
        return None;
    }
    let content = Span::new(toks[0].span.start, toks[comma - 1].span.end);
    let source = Span::new(name[0].span.start, name[name.len() - 1].span.end);
    Some(headline_statement(content, verb.span, source))
}

/// "Officials say talks stalled over prisoner swap", "Kremlin says no plans for a meeting":
/// the speaker opens the headline, a verb of saying in the present follows, then the claim.
fn speaker_says_claim(text: &str, toks: &[Token]) -> Option<Statement> {
    let v = toks.iter().take(6).position(|t| {
        let w = lower(text, t);
        t.kind == TokenKind::Word && matches!(w.as_str(), "says" | "say") && crate::lexicon::is_saying(&w)
    })?;
    let subject = &toks[..v];
    let mut claim = &toks[v + 1..];
    // (", warns US" after the claim is a second attribution, not more of the claim)
    if let Some(c) = claim.iter().rposition(|t| t.text(text) == ",") {
        if claim.get(c + 1).is_some_and(|t| cue_class(&lower(text, t)).is_some()) {
            claim = &claim[..c];
        }
    }
    let claim_words = claim.iter().filter(|t| t.kind == TokenKind::Word).count();
    if subject.is_empty() || claim_words < 3 || np_kind(text, subject).is_none() || subject.iter().any(|t| t.kind != TokenKind::Word) {
        return None;
    }
    let content = Span::new(claim[0].span.start, claim[claim.len() - 1].span.end);
    let source = Span::new(subject[0].span.start, subject[subject.len() - 1].span.end);
    Some(headline_statement(content, toks[v].span, source))
}

/// "China urges US to stop hyping 'China threat', says FM spokesperson": the verb, then the
/// speaker, after the headline's last comma.
fn speaker_says_after_claim(text: &str, toks: &[Token]) -> Option<Statement> {
    let comma = toks.iter().rposition(|t| t.text(text) == ",")?;
    // (a verb of saying proper: "Iran says it will respond, warns US" is Iran's warning to the US)
    let verb = toks.get(comma + 1).filter(|t| {
        let v = lower(text, t);
        says_in_headline(text, t)
            && crate::lexicon::is_saying(&v)
            && !matches!(v.as_str(), "tells" | "informs" | "assures" | "briefs" | "reminds")
    })?;
    let name = &toks[comma + 2..];
    let claim_words = toks[..comma].iter().filter(|t| t.kind == TokenKind::Word).count();
    if name.is_empty() || name.len() > 6 || claim_words < 3 || !(names_in_capitals(text, name) || np_kind(text, name).is_some()) {
        return None;
    }
    let content = Span::new(toks[0].span.start, toks[comma - 1].span.end);
    let source = Span::new(name[0].span.start, name[name.len() - 1].span.end);
    Some(headline_statement(content, verb.span, source))
}

/// A verb of speech as a headline writes it: in the present ("says", "warns") or "said".
fn says_in_headline(text: &str, t: &Token) -> bool {
    let v = lower(text, t);
    t.kind == TokenKind::Word && (v.ends_with('s') || v == "said") && matches!(cue_class(&v), Some(CueClass::Speech))
}

/// Whether a headline's words name a speaker in capitals: a name, or a role after a capital
/// ("FM spokesperson"). `name` is not empty.
fn names_in_capitals(text: &str, name: &[Token]) -> bool {
    is_cap(text, &name[0]) && name.iter().all(|t| t.kind == TokenKind::Word && (is_cap(text, t) || ROLE_NOUNS.contains(&t.text(text))))
}

fn headline_statement(content: Span, cue: Span, source: Span) -> Statement {
    Statement::found(StatementKind::Headline, content, Some(cue), Some(source), 0.75)
}

/// Whether the words before a headline's colon name who speaks (`Trump`, `Dr. Ben Carson`,
/// `NY Daily News`, `Poll`), not what the story is (`The Latest`, `Exclusive`, `Live`): at most
/// four words, each capitalised, none a heading word or a word that makes a phrase of them.
fn is_speaker_label(label: &str) -> bool {
    const HEADINGS: &[&str] = &[
        "the", "a", "an", "latest", "exclusive", "breaking", "live", "update", "updates", "analysis", "opinion", "review", "explainer",
        "factbox", "timeline", "interview", "editorial", "comment", "letters", "daily", "weekly", "email", "newsletter", "notice",
        "briefing", "podcast", "quiz", "obituary", "preview", "recap", "fact", "check", "q&a", "in", "on", "for", "of", "at", "to", "with",
        "is", "are", "and", "by", "from", "how", "why", "what", "who", "when", "where", "big", "win",
    ];
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && label.chars().any(char::is_alphabetic)
        && !is_page_furniture(label)
        && words.iter().all(|w| {
            // ("FM spokesperson", "Chinese envoy": a role in lower case after a capital)
            (w.starts_with(char::is_uppercase) || ROLE_NOUNS.contains(w))
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '&'))
                && !HEADINGS.contains(&w.to_lowercase().trim_end_matches(['.', '’', '\'']))
        })
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Roles a headline may write in lower case after the speaker's capitalised words.
const ROLE_NOUNS: &[&str] =
    &["spokesperson", "spokesman", "spokeswoman", "minister", "envoy", "ambassador", "official", "officials", "chief"];

/// The dashes that sign a quotation with its speaker's name.
const SIGNATURE_DASHES: &[&str] = &["―", "—", "–", "--"];

/// Whether a cue is the dash of a signed quotation (`“…” ― Sonya Herridge`).
pub fn is_signature_cue(text: &str, cue: Span) -> bool {
    SIGNATURE_DASHES.contains(&cue.of(text))
}

/// `“Donald Trump scares me.” ― Krystal Correa`: a quotation signed with a dash and a name that
/// ends its line, the way vox pops, epigraphs and readers' letters attribute words. The name
/// may carry a description after a comma (`— Ana Costa, 34, a nurse`); the source is the name.
pub fn signed_quotes(text: &str, quotes: &[Quote]) -> Vec<Statement> {
    let mut out = Vec::new();
    for q in quotes {
        let after = &text[q.span.end..];
        let gap = after.len() - after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n').len();
        let Some(dash) = SIGNATURE_DASHES.iter().find(|d| after[gap..].starts_with(**d)) else { continue };
        let name_from = q.span.end + gap + dash.len();
        let line_end = text[name_from..].find('\n').map_or(text.len(), |i| name_from + i);
        let line = &text[name_from..line_end];
        let name = line.split(',').next().unwrap_or_default();
        let lead = name.len() - name.trim_start().len();
        let name = name.trim().trim_end_matches('.');
        // a name with a short description, not a sentence that happens to follow a dash
        if !is_signature_name(name) || line.split_whitespace().count() > 12 {
            continue;
        }
        let source = Span::new(name_from + lead, name_from + lead + name.len());
        out.push(Statement::found(StatementKind::Direct, q.span, Some(Span::new(q.span.end + gap, name_from)), Some(source), 0.8));
    }
    out
}

/// A person's or organisation's name as a signature: one to five words, the first and last
/// capitalised, particles (`de`, `van`, `bin`) between.
fn is_signature_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = |w: &str| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    (1..=5).contains(&words.len())
        && words.iter().all(|w| shaped(w))
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && words.iter().all(|w| {
            capital(w)
                || matches!(*w, "de" | "da" | "del" | "della" | "van" | "von" | "der" | "den" | "bin" | "al" | "la" | "le" | "du" | "dos")
        })
}

/// Labels that a news page puts before a colon without anyone speaking: captions, credits,
/// links, notes ("Photo: Reuters", "READ MORE: ...", "Editing by: ...").
fn is_page_furniture(label: &str) -> bool {
    const WORDS: &[&str] = &[
        "photo", "photos", "image", "images", "video", "watch", "listen", "source", "sources", "note", "notes", "update", "updated",
        "read", "more", "also", "related", "see", "credit", "credits", "caption", "file", "reporting", "writing", "editing", "edited",
        "by", "advertisement", "tags", "tag", "category", "posted", "published", "share", "follow", "email", "tel", "phone", "fax", "web",
        "website", "disclaimer", "correction", "clarification", "editor's", "editor’s", "copyright", "transcript", "summary", "background",
        "date", "time", "venue", "location", "topic", "subject",
    ];
    label.split_whitespace().any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// Where a transcript line's label sits: after `lead` bytes of quote marks, up to the colon.
#[derive(Clone, Copy)]
struct Label {
    lead: usize,
    colon: usize,
    capitals: bool,
}

/// `WALLACE: ...` lines of an interview transcript (two or more such lines make a transcript).
pub fn transcript_lines(text: &str, paragraphs: &[Span]) -> Vec<Statement> {
    let mut out = Vec::new();
    // A label is a name in capitals (`WALLACE:`), or in title case (`Lin Jian:`, `Reuters:`)
    // when one such label opens two paragraphs or more: the answering spokesperson of a
    // briefing transcript, with the questioners' outlets once each. A title-case label alone is
    // as likely a heading (`Note:`, `Update:`).
    // A transcript pasted as a quotation opens each line with a quote mark (`"WALLACE: ...`).
    let label_of = |p: &Span| -> Option<Label> {
        let s = p.of(text);
        let lead = s.len() - s.trim_start_matches(['"', '“', '\'', '‘']).len();
        let colon = s.find(':')?;
        let label = s.get(lead..colon)?;
        let letters = label.chars().filter(|c| c.is_alphabetic()).count();
        // "Q:" and "A:", the question and the answer of an interview or a spokesperson's remarks
        if matches!(label, "Q" | "A") {
            return Some(Label { lead, colon, capitals: true });
        }
        let shaped = (2..=30).contains(&label.len())
            && letters >= 2
            && label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-' || c == '\'')
            && label.split_whitespace().count() <= 3
            && label.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        let capitals = label.chars().all(|c| !c.is_lowercase());
        (shaped && !is_page_furniture(label)).then_some(Label { lead, colon, capitals })
    };
    let labels: Vec<Option<Label>> = paragraphs.iter().map(label_of).collect();
    // one pass with the labels seen so far: a page of many distinct labels costs its length, not
    // its square
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let title_case_repeats = paragraphs
        .iter()
        .zip(&labels)
        .filter_map(|(p, l)| l.filter(|l| !l.capitals).map(|l| &p.of(text)[l.lead..l.colon]))
        .any(|name| !seen.insert(name));
    let is_label = |l: &Option<Label>| l.is_some_and(|l| l.capitals || title_case_repeats);
    for (i, (p, label)) in paragraphs.iter().zip(&labels).enumerate() {
        let Some(Label { lead, colon, .. }) = *label else { continue };
        if !is_label(label) {
            continue;
        }
        let rest = Span::new(p.start + colon + 1, turn_end(text, paragraphs, &labels[i + 1..], i, is_label)).trim(text);
        if !rest.is_empty() {
            out.push(Statement::found(
                StatementKind::Transcript,
                rest,
                Some(Span::new(p.start + colon, p.start + colon + 1)),
                Some(Span::new(p.start + lead, p.start + colon)),
                0.7,
            ));
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Where the turn that paragraph `at` opens ends: a speaker's answer goes on over the
/// paragraphs without a label of their own, up to the next speaker's label, as annotators mark
/// it. Only a turn that opens with a sentence goes on (`Clinton: 2,316.` is a table row), and
/// only over a few paragraphs: labels far apart are headings or links between stories. It
/// stops at a stage direction (`(CROSSTALK)`, `[inaudible]`), and after the last label it stops
/// at once, since what follows a transcript excerpt is the story's own narrative.
fn turn_end(
    text: &str,
    paragraphs: &[Span],
    labels_after: &[Option<Label>],
    at: usize,
    is_label: impl Fn(&Option<Label>) -> bool,
) -> usize {
    const MAX_CONTINUED: usize = 3;
    let mut end = paragraphs[at].end;
    let Some(next_label) = labels_after.iter().position(is_label) else { return end };
    let opens_with_sentence = paragraphs[at].of(text).split_whitespace().count() >= 4;
    if next_label > MAX_CONTINUED || !opens_with_sentence {
        return end;
    }
    for p in &paragraphs[at + 1..=at + next_label] {
        let opening = p.of(text).trim_start_matches(['"', '“', '\'', '‘']).trim_start();
        if opening.starts_with(['(', '[']) {
            break;
        }
        end = p.end;
    }
    end
}
