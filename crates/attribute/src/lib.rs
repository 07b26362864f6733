//! The attribute stage: every statement in an article, quoted or reported, with its cue, its
//! source as written and its content.
//!
//! Two readers work together:
//! - **rules** (`rules.rs`) over tokens, sentence by sentence, in the order a reader meets them;
//! - a **learned tagger** (`tagger/`) that labels every token source, cue, content or nothing,
//!   reading the rules' statements as evidence, with weights learned from PolNeAR's train split.
//!
//! The tagger's statements win (their spans follow the annotation conventions of news
//! attribution corpora); the rules supply sources where the tagger's cannot be a speaker, and
//! the kinds the tagger never learned: floating continuations, headlines and transcript lines.
//!
//! The rules: quotations are found first over whole paragraphs (they may run over several); each sentence
//! is then read for cue verbs and the shapes around them (`X said (that) ...`, `..., X said`,
//! `..., said X`, `according to X, ...`, `X told Y ...`, `"...," X said`, `X said: "..."`);
//! sentences that carry on a speaker's reported speech without a cue become floating
//! statements; a headline with its speaker around a colon, `NAME:` transcript lines and
//! quotations signed with a dash (`“...” ― Name`) are read from the layout.
//! Speakers are left to the resolve stage.
//!
//! **Invariant: attribution never fails and never panics; it returns what it found.**
//! **Invariant: no statement lies in a repeated paragraph or in the dateline.**

mod lexicon;
mod rules;
pub mod tagger;

use onrecord_model::{Article, Span, Statement, StatementKind};
use onrecord_segment::{find_quotes, sentences, spaced_words, tokenize, Quote, Sentence, Token};

pub use lexicon::{cue_class, CueClass};
pub use rules::NpKind;

/// Finds the statements of an article (speaker fields are left empty for the resolve stage).
pub fn attribute(article: &Article) -> Vec<Statement> {
    let live = Live::of(article);
    let rules = rules_attribute(article, &live);
    let Some(model) = tagger::default_model() else { return rules };
    // (a Q&A turn is no hint: the readings inside it are the tagger's to find)
    // (copied only when there is a turn to leave out)
    let hints: std::borrow::Cow<[Statement]> = if rules.iter().any(|r| is_qa_turn(&article.text, r)) {
        rules.iter().filter(|r| !is_qa_turn(&article.text, r)).cloned().collect::<Vec<_>>().into()
    } else {
        rules.as_slice().into()
    };
    let mut tagged = tagger::statements(model, article, &live, &hints);
    for t in &mut tagged {
        t.source = t.source.map(|x| with_relative_head(&article.text, x));
    }
    // a headline is a sentence of its own: its cue introduces no words of the story below it
    if let Some(h) = article.headline_paragraph() {
        // (nor does a cue below introduce the headline's words: "UK 'deeply concerned' by ..."
        // over "The UK government has said it is ...")
        tagged.retain(|t| match t.cue {
            Some(c) if h.span.contains(c) => h.span.contains(t.content),
            Some(_) => !h.span.overlaps(t.content),
            None => true,
        });
    }
    prefer_rule_sources(&article.text, &mut tagged, &rules);
    drop_repeated_readings(&mut tagged);
    take_subjects_before_relative_clauses(&article.text, &mut tagged);
    take_subjects_before_adjuncts(&article.text, &mut tagged);
    for t in &mut tagged {
        split_restrictive_relative(&article.text, t);
        quoted_as_saying(&article.text, t);
    }
    fold_possessive_objects(&article.text, &mut tagged);
    take_rule_contents_for_shared_cues(&mut tagged, &rules);
    take_rule_contents_around_inner_readings(&mut tagged, &rules);
    take_rule_readings_of_inverted_sources(&mut tagged, &rules);
    take_rule_verbs_for_verbless_cues(&article.text, &mut tagged, &rules);
    take_rule_contents_that_hold_the_taggers(&article.text, &mut tagged, &rules);
    take_rule_readings_of_according_phrases(&article.text, &mut tagged, &rules);
    for t in &mut tagged {
        t.source = t.source.map(|x| {
            let x = with_coordinated_subject(&article.text, with_head_before_preposition(&article.text, x));
            let x = with_coordinated_phrase(&article.text, with_speaking_for(&article.text, x));
            let x = without_contracted_verb(&article.text, with_closing_comma(&article.text, x));
            let x = without_leading_medium(&article.text, without_leading_adverbial(&article.text, x));
            without_trailing_adverb(&article.text, x)
        });
        if let (Some(source), Some(cue)) = (t.source, t.cue) {
            let source = if source.start >= cue.end { without_cut_relative_clause(&article.text, source) } else { source };
            t.source = Some(within_cue_paragraph(&article.text, source, cue));
        }
    }
    for t in &mut tagged {
        if let (Some(source), Some(cue)) = (t.source, t.cue) {
            t.source = Some(with_possessed_noun(&article.text, with_trailing_appositive_name(&article.text, source, cue), cue));
        }
    }
    drop_inner_attributions(&article.text, &mut tagged, &rules);
    drop_headless_cues(&article.text, model, &mut tagged);
    for t in &mut tagged {
        t.cue = t.cue.map(|c| with_contracted_verb(&article.text, without_trailing_setting(&article.text, c)));
    }
    tagged.retain(|t| !is_according_object(&article.text, t) && !t.source.is_some_and(|x| cuts_a_name(&article.text, x, t.cue)));
    // Kinds the tagger does not learn (PolNeAR has no such labels, or too few) come from the
    // rules.
    let (qa_turns, rules): (Vec<Statement>, Vec<Statement>) = rules.into_iter().partition(|s| is_qa_turn(&article.text, s));
    let extra = rules.into_iter().filter(|s| s.kind == StatementKind::Floating || is_structural(&article.text, s)).collect();
    let mut all = merge(tagged, extra);
    // a Q&A turn stands beside the readings inside it
    all.extend(qa_turns);
    all.sort_by_key(|s| (s.content.start, s.content.end));
    for st in &mut all {
        st.content = without_leading_day(&article.text, st);
    }
    let cues: Vec<Span> = all.iter().filter_map(|s| s.cue).collect();
    for st in all.iter_mut().filter(|s| matches!(s.kind, StatementKind::Indirect | StatementKind::Mixed)) {
        let said = st.cue.and_then(|c| cue_verb(&article.text, c)).is_some_and(|v| takes_a_clause(&v));
        st.content = through_dangling_end(&article.text, st.content, said, &cues);
    }
    for st in &mut all {
        st.content = without_trailing_connective(&article.text, st.content);
        if st
            .cue
            .and_then(|c| cue_verb(&article.text, c))
            .is_some_and(|v| lexicon::is_saying(&v) || matches!(v.as_str(), "expressed" | "voiced" | "shared" | "made"))
        {
            st.content = just_the_anaphor(&article.text, st.content);
        }
    }
    let cues: Vec<Span> = all.iter().filter_map(|s| s.cue).collect();
    for st in all.iter_mut().filter(|s| matches!(s.kind, StatementKind::Indirect | StatementKind::Mixed)) {
        st.content = around_parenthetical_attribution(&article.text, st, &live.sentences, &cues);
        st.content = without_recipient_setting(&article.text, st);
    }
    through_following_quotation(&article.text, &mut all, &live.quotes);
    if let Some(h) = article.headline_paragraph() {
        for st in all.iter_mut().filter(|s| s.cue.is_some_and(|c| c.end <= s.content.start) && h.span.contains(s.content)) {
            st.content = to_headline_end(&article.text, st.content, h.span);
        }
    }
    // both halves of a sentence around one attribution are now one reading
    all.sort_by_key(|s| (s.content.start, s.content.end));
    all.dedup_by(|later, first| later.content == first.content && later.cue == first.cue);
    drop_parts_of_same_cue_readings(&article.text, &mut all);
    drop_non_statements(&article.text, &mut all);
    all
}

/// One cue introduces one content: a reading whose content lies inside another reading's of
/// the same cue is a part of it that a repair made whole in the other ("A, the envoy said, and
/// B" read once as A and once as A to B). And where a cue ends on a preposition of setting,
/// the words right after it are where the words were said, not what, when the cue has other
/// words: `"...," the ministry said in a statement posted on [its website]`.
fn drop_parts_of_same_cue_readings(text: &str, all: &mut Vec<Statement>) {
    let mut by_cue: Vec<(Span, Span, usize)> = all.iter().enumerate().filter_map(|(i, s)| s.cue.map(|c| (c, s.content, i))).collect();
    by_cue.sort_unstable_by_key(|&(c, content, _)| (c.start, c.end, std::cmp::Reverse(content.len())));
    let mut part = vec![false; all.len()];
    for group in by_cue.chunk_by(|a, b| a.0 == b.0) {
        let (cue, whole, _) = group[0];
        for &(_, content, i) in &group[1..] {
            part[i] = whole.contains(content) && whole != content;
        }
        // (after "said" or "spoke": "called on" and "commenting on" take what follows)
        let cue_text = cue.of(text).to_lowercase();
        let said = cue_text.split_whitespace().next().is_some_and(|w| takes_a_clause(w) || matches!(w, "spoke" | "speaking" | "speaks"));
        let ends_on_setting = cue_text.rsplit(' ').next().is_some_and(|w| SETTING_PREPOSITIONS.contains(&w));
        if said && group.len() > 1 {
            for &(_, content, i) in group {
                // ... nor, beside another content, words that open on such a preposition right
                // after "said": "..., the spokeswoman said [at a briefing] on Wednesday"
                let opens_on_setting = || {
                    let first = content.of(text).split_whitespace().next().unwrap_or_default().to_lowercase();
                    SETTING_PREPOSITIONS.contains(&first.as_str())
                };
                part[i] |=
                    text.get(cue.end..content.start).is_some_and(|gap| gap.trim().is_empty()) && (ends_on_setting || opens_on_setting());
            }
        }
    }
    let mut i = 0;
    all.retain(|_| {
        i += 1;
        !part[i - 1]
    });
}

/// "Ministry says no change in visa [policy]": what a headline's cue says runs to the end of
/// the headline, when a few words of it are left after the content and no punctuation sets
/// them apart.
fn to_headline_end(text: &str, content: Span, headline: Span) -> Span {
    let rest = &text[content.end..headline.end];
    let kept = rest.trim_end().trim_end_matches(['.', '!']);
    let words = kept.split_whitespace().count();
    if words == 0 || words > 3 || kept.contains([',', ':', ';', '"', '“', '”', '(', '|', '-', '–', '—']) || !rest.starts_with(' ') {
        return content;
    }
    Span::new(content.start, content.end + kept.len())
}

/// "The spokesperson said [this] while responding to questions during the weekly briefing", "He
/// expressed [these views] while talking to a delegation": an anaphor is all that was said;
/// where and when follow it. (Asked after verbs of saying and of voicing views only: "can't
/// blame this on President Bush" is no setting.)
fn just_the_anaphor(text: &str, content: Span) -> Span {
    let s = content.of(text);
    let mut words = s.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return content };
    let setting = |w: Option<&str>| {
        w.is_some_and(|w| {
            matches!(w, "while" | "when" | "during" | "at" | "in" | "on" | "after" | "before" | "as" | "here" | "today" | "yesterday")
        })
    };
    // "this", "so"; "He expressed [these views] while talking to a delegation"
    let noun = matches!(second, "views" | "remarks" | "comments" | "words" | "sentiments" | "thoughts" | "statements");
    let len = if matches!(first, "this" | "so") && setting(Some(second)) {
        first.len()
    } else if matches!(first, "these" | "those" | "such" | "the") && noun && setting(words.next()) {
        first.len() + 1 + second.len()
    } else {
        return content;
    };
    Span::new(content.start, content.start + len)
}

/// "told reporters on the sidelines of the talks that ...": the words told start at "that";
/// the one told and where are no part of them.
fn without_recipient_setting(text: &str, st: &Statement) -> Span {
    let told = st
        .cue
        .is_some_and(|c| c.end <= st.content.start && matches!(c.of(text).rsplit(' ').next(), Some("told" | "tells" | "telling" | "tell")));
    let content = st.content.of(text);
    if !told || content.starts_with("that ") {
        return st.content;
    }
    let Some(at) = content.find(" that ") else { return st.content };
    let before = &content[..at];
    let words: Vec<&str> = before.split_whitespace().collect();
    let clause = words.iter().any(|w| FINITE_AUXILIARIES.contains(&w.to_lowercase().as_str()) || w.ends_with("ed"));
    if words.len() > 10 || clause || before.contains([',', '"', '“', ';', ':']) {
        return st.content;
    }
    Span::new(st.content.start + at + 1, st.content.end)
}

/// A quotation that ends before its attribution goes on in the quotation that opens the next
/// sentence, when that one has no attribution of its own: `"A," X said on Fox News. "B."`
/// is one statement whose content runs from A to B, the way annotators mark a content in two
/// parts (its bounds are the first part's start and the last part's end). The tagger often
/// leaves B out when the attribution between them is long. B must be whole sentences (it ends
/// on a full stop, question or exclamation mark) in the same paragraph; a floating reading of
/// B is absorbed.
fn through_following_quotation(text: &str, all: &mut Vec<Statement>, quotes: &[Quote]) {
    let mut absorbed: Vec<Span> = Vec::new();
    for i in 0..all.len() {
        let st = &all[i];
        let Some(cue) = st.cue else { continue };
        if st.kind != StatementKind::Direct || cue.start < st.content.end || st.source.is_some_and(|s| s.start < st.content.end) {
            continue;
        }
        // the first quotation after the attribution that opens a sentence (a quoted title
        // inside the attribution, "on Fox News's "Fox and Friends."", is passed over)
        let opens = |q: &&Quote| text[cue.end..q.span.start].trim_end().trim_end_matches(['"', '”', '\'', '’']).ends_with(['.', '!', '?']);
        // (in the same paragraph: none starts after the first line break)
        let line_end = text[cue.end..].find('\n').map_or(text.len(), |i| cue.end + i);
        let from = quotes.partition_point(|q| q.span.start < cue.end);
        let Some(next) = quotes[from..].iter().take_while(|q| q.span.start <= line_end).find(opens) else {
            continue;
        };
        let inner = text[next.span.start..next.span.end].trim_end_matches(['"', '”', '\'', '’', '»', ' ']);
        if next.multi_paragraph || !inner.ends_with(['.', '!', '?', '…']) {
            continue;
        }
        let reach = Span::new(st.content.end, next.span.end);
        let taken = all.iter().enumerate().any(|(j, o)| {
            j != i
                && o.kind != StatementKind::Floating
                && (o.content.overlaps(reach) || o.cue.is_some_and(|c| c.overlaps(reach) && c != cue))
        });
        if taken {
            continue;
        }
        absorbed.push(next.span);
        all[i].content = Span::new(all[i].content.start, next.span.end);
    }
    all.retain(|o| !(o.kind == StatementKind::Floating && absorbed.iter().any(|a| a.overlaps(o.content))));
}

/// Words that open the setting of an attribution set off by commas: its time, place, medium or
/// audience ("said on Friday,", "explained earlier in the committee hearing,", "told me,").
#[rustfmt::skip] // a word list, packed
const SETTING_OPENERS: [&str; 30] = [
    "on", "in", "at", "during", "after", "before", "earlier", "later", "then", "now", "once", "again", "also", "recently",
    "yesterday", "today", "tonight", "last", "this", "via", "from", "to", "me", "us", "him", "her", "them", "reporters",
    "privately", "publicly",
];

/// A reported statement whose source and cue stand between commas inside its sentence
/// ("Back in Virginia, [Mr. Clarke said], he decided to ...", "Hawaii, as one of his advisers
/// pointed out, normally does not ...") says the sentence around them: the content runs from
/// the sentence's start to its end, both halves, the way annotators mark a content in two
/// parts. The tagger takes one half or the other. A sentence that opens with a quote mark is
/// left alone: its quotation marks the content's bounds.
fn around_parenthetical_attribution(text: &str, st: &Statement, sentences: &[Sentence], cues: &[Span]) -> Span {
    let content = st.content;
    let (Some(source), Some(cue)) = (st.source, st.cue) else { return content };
    // a verb of saying or thinking, not any reading the tagger made ("Stevie [Wonder]")
    let speech = cue_words(text, cue).any(|w| w == "according" || cue_class(&w).is_some());
    if !speech {
        return content;
    }
    let attribution = Span::new(source.start.min(cue.start), source.end.max(cue.end));
    // (sentences are in text order and do not overlap: only the last to start at or before the
    // attribution may hold it)
    let last_before = sentences.partition_point(|s| s.span.start <= attribution.start).checked_sub(1);
    let Some(sentence) = last_before.map(|i| sentences[i].span).filter(|s| s.contains(attribution)) else { return content };
    if !sentence.contains(content) || content.overlaps(attribution) {
        return content;
    }
    // the clause the attribution stands in: after a semicolon or colon, if the sentence has one
    let clause_start = text[sentence.start..attribution.start].rfind([';', ':']).map_or(sentence.start, |i| sentence.start + i + 1);
    let lead = &text[clause_start..attribution.start];
    let start = clause_start + (lead.len() - lead.trim_start().len());
    // the first half ends on a comma (", as one of his advisers pointed out,")
    let first = lead.trim_end();
    let first = first.strip_suffix(" as").map_or(first, str::trim_end);
    let Some(first) = first.strip_suffix(',') else { return content };
    let first = Span::new(start, clause_start + first.len());
    if !first.of(text).chars().any(char::is_alphanumeric) || first.of(text).contains(['"', '“', '”', '«', '»']) {
        return content;
    }
    // a lone conjunction opens a clause of the attribution's own ("If, as I've suggested, ...")
    let lone = first.of(text).to_lowercase();
    if matches!(lone.as_str(), "if" | "when" | "because" | "although" | "though" | "as" | "since" | "while" | "unless" | "but" | "and") {
        return content;
    }
    // the attribution ends on a comma, after at most a few words of setting ("explained
    // earlier in the committee hearing,", "told me on Friday,")
    let rest = &text[attribution.end..sentence.end];
    let Some(comma) = rest.find(',') else { return content };
    let setting = &rest[..comma];
    if setting.split_whitespace().count() > 6 || setting.contains(['"', '“', '”', '(', ';', ':']) {
        return content;
    }
    // a setting is when, where or to whom ("on Friday", "earlier in the hearing", "me"), not
    // the cue's object ("tells [the story of a young mum],") or a passive's agent ("are
    // confirmed [by Brussels' own studies],"): then the attribution is the sentence's main
    // clause, with no halves around it
    let setting_opens = setting.split_whitespace().next().map(str::to_lowercase);
    if setting_opens.is_some_and(|w| !SETTING_OPENERS.contains(&w.as_str())) {
        return content;
    }
    let second = Span::new(attribution.end + comma + 1, sentence.end);
    let second_words = second.of(text).trim_start();
    if !second_words.chars().any(char::is_alphanumeric) {
        return content;
    }
    // the content is one of the two halves (not the setting: "accused [Rafael Cruz, who] ...")
    let in_second = content.start >= second.start;
    if !in_second && content.end > first.end {
        return content;
    }
    // after a source that follows its cue, a comma may open the source's apposition (",
    // according to an analysis by Lily Batchelder, a former adviser"); a first half said
    // whole is not carried on by a clause of its own ("..., he said, and intense wrangling
    // could be paralyzing")
    let next_word = second_words.split_whitespace().next().unwrap_or("").to_lowercase();
    if source.start > cue.start && matches!(next_word.as_str(), "a" | "an" | "the" | "who" | "whose" | "which") {
        return content;
    }
    // nor by a participle that opens the next statement (", adding that ...")
    let carried_on = matches!(next_word.as_str(), "and" | "but" | "or" | "while" | "whereas") || next_word.ends_with("ing");
    if !in_second && (carried_on || cues.iter().any(|c| second.contains(*c))) {
        return content;
    }
    let end = if in_second {
        content.end
    } else {
        // the sentence to its end, without the full stop (a closing quote mark stays, with the
        // stop inside it)
        let s = second.of(text).trim_end();
        let s = s.strip_suffix('.').unwrap_or(s);
        second.start + s.len()
    };
    Span::new(first.start, end)
}

/// The content without the day that follows its cue ("said [Tuesday] it had summoned the
/// ambassador", "said Friday afternoon, as ..."): when the statement was made, not what.
fn without_leading_day(text: &str, st: &Statement) -> Span {
    let c = st.content;
    let right_after_cue = st.cue.is_some_and(|cue| cue.end <= c.start && text[cue.end..c.start].trim().is_empty());
    if !right_after_cue {
        return c;
    }
    let s = c.of(text);
    // ("said on Wednesday no decision had been made": the preposition goes with the day)
    let on = ["on ", "On "].iter().find(|p| s.starts_with(*p)).map_or(0, |p| p.len());
    let mut words = s[on..].split_inclusive(char::is_whitespace);
    let Some(first) = words.next() else { return c };
    if !lexicon::WEEKDAYS.contains(&first.trim().trim_end_matches(',').to_lowercase().as_str()) {
        return c;
    }
    let mut skip = on + first.len();
    if !first.trim().ends_with(',') {
        if let Some(w) = words.next().filter(|w| lexicon::is_part_of_day(&w.trim().trim_end_matches(',').to_lowercase())) {
            skip += w.len();
        }
    }
    let rest = &s[skip..];
    let skip = skip + (rest.len() - rest.trim_start_matches(|ch: char| ch == ',' || ch.is_whitespace()).len());
    Span::new(c.start + skip, c.end)
}

/// Words that cannot end a clause: a determiner, preposition, auxiliary or conjunction
/// ("that shots have been", "this style of"). ("her" is left out: it may be an object.)
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
const DANGLING: [&str; 48] = [
    "the", "a", "an", "of", "to", "have", "has", "had", "been", "be", "is", "are", "was", "were", "will", "would", "can", "could",
    "should", "may", "might", "must", "their", "his", "its", "our", "my", "your", "this", "these", "those", "and", "or", "but", "from",
    "in", "on", "at", "for", "with", "by", "very", "more", "most", "not", "no", "than", "into",
];

/// Finite auxiliaries and copulas: a word that carries on the clause before it.
#[rustfmt::skip] // a word list, packed
const FINITE_AUXILIARIES: [&str; 18] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did", "do",
];

/// Whether a verb of saying reports a clause and never takes a noun as its object ("say",
/// "argue", "insist"; not "mention", "note" or "cite").
fn takes_a_clause(verb: &str) -> bool {
    matches!(
        verb,
        "say"
            | "says"
            | "said"
            | "saying"
            | "argue"
            | "argues"
            | "argued"
            | "arguing"
            | "insist"
            | "insists"
            | "insisted"
            | "contend"
            | "contends"
            | "contended"
            | "assert"
            | "asserts"
            | "asserted"
    )
}

/// A reported content the tagger ended on a word that cannot end a clause runs on to the next
/// punctuation mark: "the bureau is investigating [the]" stops mid-phrase, and the words up to
/// the comma or full stop are the rest of what was said. So does a that-clause the tagger ended
/// before its verb ("that the bureau [is investigating ...]"), and one word after a verb of
/// saying (`said` is `said [talks] between the two armies would resume`): a verb of saying
/// reports a clause, not a lone noun ("said so" and "said nothing" excepted). Not across
/// another statement's cue.
fn through_dangling_end(text: &str, content: Span, after_saying: bool, cues: &[Span]) -> Span {
    const OBJECTS: &[&str] = &["so", "nothing", "yes", "no", "this", "that", "it", "something", "anything", "little", "much", "more"];
    let Some(last) = content.of(text).split_whitespace().next_back() else { return content };
    let rest = &text[content.end..];
    let lone_noun = after_saying && !content.of(text).contains(char::is_whitespace) && !OBJECTS.contains(&last.to_lowercase().as_str());
    // a that-clause cut before its verb ("that the bureau [is investigating ...]") has no
    // predicate yet: the verb and what follows it are the rest of the clause
    let that_clause = content.of(text).starts_with("that ")
        && !matches!(last.to_lowercase().as_str(), "which" | "who" | "that")
        && rest.split_whitespace().next().is_some_and(|w| FINITE_AUXILIARIES.contains(&w.to_lowercase().as_str()));
    if !DANGLING.contains(&last.to_lowercase().as_str()) && !that_clause && !lone_noun {
        return content;
    }
    let mut chars = rest.chars();
    let opens_word = chars.next().is_some_and(|c| c == ' ' || c == '\u{a0}') && chars.next().is_some_and(char::is_alphanumeric);
    if !opens_word {
        return content;
    }
    let stop = rest.find(['.', ',', ';', ':', '!', '?', '\n', '"', '“', '”']).unwrap_or(rest.len());
    let end = content.end + rest[..stop].trim_end().len();
    let tail = Span::new(content.end, end);
    if cues.iter().any(|c| c.overlaps(tail)) {
        return content;
    }
    Span::new(content.start, end)
}

/// Whether `cue` is the verb of a discourse idiom, which links the writer's sentences and
/// reports no one: "Having said that, ...", "That said, ...", "needless to say", "suffice it to
/// say", "that is to say", "let's say", "to say the least", "so to speak", "truth be told".
fn is_discourse_idiom(text: &str, cue: Span) -> bool {
    // every idiom ends on one of these verbs: other cues need no look at their sentence
    if !cue_verb(text, cue).is_some_and(|v| matches!(v.as_str(), "said" | "say" | "speak" | "told")) {
        return false;
    }
    // the sentence's words up to the end of the cue, in lower case, the last few of them
    let before = &text[..cue.end.min(text.len())];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | ';' | ':' | '"' | '“' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &before[start..];
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let n = words.len();
    let ends = |tail: &[&str]| n >= tail.len() && words[n - tail.len()..].iter().zip(tail).all(|(a, b)| a == b);
    let after = text[cue.end.min(text.len())..].trim_start();
    let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    (ends(&["having", "said"]) && matches!(next.as_str(), "that" | "this"))
        || ((n == 2 && (ends(&["that", "said"]) || ends(&["this", "said"]))) && after.starts_with(','))
        || ends(&["needless", "to", "say"])
        || ends(&["suffice", "to", "say"])
        || ends(&["suffice", "it", "to", "say"])
        || ends(&["that", "is", "to", "say"])
        || ends(&["let's", "say"])
        || (ends(&["to", "say"]) && {
            let mut next_two = after.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
            next_two.next().is_some_and(|w| w == "the") && next_two.next().is_some_and(|w| w == "least")
        })
        || ends(&["so", "to", "speak"])
        || ends(&["truth", "be", "told"])
}

/// A content that still ends on a word that opens another clause ("..., which", "... and")
/// ends before it: what follows is not what was said, or the tagger would have taken it.
fn without_trailing_connective(text: &str, content: Span) -> Span {
    let s = content.of(text);
    let Some((i, c)) = s.char_indices().rev().find(|&(_, c)| c.is_whitespace()) else { return content };
    let last = &s[i + c.len_utf8()..];
    if !matches!(last.to_lowercase().as_str(), "which" | "who" | "whose" | "whom" | "and" | "or" | "but") {
        return content;
    }
    let kept = s[..i].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    if kept.is_empty() {
        return content;
    }
    Span::new(content.start, content.start + kept.len())
}

/// Words that open a topic, not a statement: "While commenting on the visit, he said ...",
/// "About the visit, he said ...", "Asked about the talks, she said ...". What follows them is
/// what the speaker spoke about; the statement is elsewhere in the sentence.
const TOPIC_OPENERS: [&str; 15] = [
    "commenting on", "speaking about", "speaking on", "talking about", "asked about", "asked", "about", "regarding", "concerning",
    "as for", "as to", "with regard to", "with respect to", "in reply to", "in response to",
];

/// Drops readings that are not statements at all: a content with no word in it (a lone quote
/// mark); a content that is the topic a speaker was speaking about, or the question the words
/// answered; a subject who was asked or told something, read as its speaker or as a lone
/// subject pronoun of content; and the editorial voice of an expletive "it" with a passive cue ("It may be
/// mentioned that ...", "It is learnt that"), which reports nobody.
fn drop_non_statements(text: &str, statements: &mut Vec<Statement>) {
    let expletive_passive = |s: &Statement| {
        let expletive = s.source.is_some_and(|x| x.of(text).eq_ignore_ascii_case("it"));
        expletive
            && s.cue.is_some_and(|c| {
                let cue = c.of(text).to_lowercase();
                let words: Vec<&str> = cue.split_whitespace().collect();
                cue.contains("worth mentioning")
                    || cue.contains("pertinent to mention")
                    || words.windows(2).any(|w| {
                        matches!(w[0], "be" | "is" | "was" | "been")
                            && (w[1].ends_with("ed") || w[1].ends_with("nt") || w[1].ends_with("en"))
                    })
            })
    };
    // an editorial "it" speaks for nobody, in any statement the tagger gave it to
    let editorial: Vec<Span> = statements.iter().filter(|s| expletive_passive(s)).filter_map(|s| s.source).collect();
    let cues: Vec<Span> = statements.iter().filter_map(|s| s.cue).collect();
    let sources: Vec<Span> = statements.iter().filter_map(|s| s.source).collect();
    statements.retain(|s| {
        if is_leading_manner(text, s, &cues) {
            return false;
        }
        // one word right before a cue is its subject, not words: "[Russia] is ready to discuss"
        let after = text[s.content.end..].trim_start();
        let next_at = s.content.end + (text.len() - s.content.end - after.len());
        if !s.content.of(text).trim().contains(char::is_whitespace) && cues.iter().any(|c| c.start == next_at) {
            return false;
        }
        // ", said [the spokesperson Zhao Lijian here at a briefing]": another reading's source,
        // read as words with no cue in them, is the speaker again
        if s.source.is_none() && sources.iter().any(|x| x.start == s.content.start) && !cues.iter().any(|c| s.content.contains(*c)) {
            return false;
        }
        let content = s.content.of(text);
        if !content.chars().any(char::is_alphanumeric) {
            return false;
        }
        // the sentence up to the content: a topic opener right at its start means a topic
        let before = &text[..s.content.start.min(text.len())];
        let sentence_start = before.rfind(['.', '!', '?', '\n', ';']).map_or(0, |i| i + 1);
        let lead = before[sentence_start..].trim_start().to_lowercase();
        let lead = lead.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = lead.strip_prefix("while ").or_else(|| lead.strip_prefix("when ")).unwrap_or(lead);
        let topic = TOPIC_OPENERS.iter().any(|o| {
            lead.strip_prefix(o).is_some_and(|rest| {
                (rest.is_empty() || rest.starts_with(' ')) && rest.split_whitespace().count() <= 6 && !rest.contains(',')
            })
        });
        // the topic read whole as the content, before its speaker: "[About the visit], he said
        // ..." (not "About 4,000 people cross each day, she said")
        let topic = topic || s.cue.is_some_and(|c| c.start >= s.content.end) && is_topic_phrase(content);
        // "said in response to a question": the question prompted the words, it is not them
        // (only the sentence's own words: lowercasing all the text before it would cost the
        // article's length for every statement)
        let tail = before[sentence_start..].trim_end().to_lowercase();
        // ... and a reading inside an opener that names the prompt ("Responding to a question
        // from [a Nepali journalist] about [the Belt and Road Initiative], the spokesperson
        // said ...") reports no one's words either
        // (and so does a query put to the speaker, "To a query regarding [the visit], she said",
        // or the occasion, "Addressing [the weekly media briefing], the spokesperson said")
        let query = || {
            let head: String = content.chars().take(24).collect::<String>().to_lowercase();
            let opened = format!("{lead}{head}");
            ["to a query", "to a question", "to another query", "to another question"].iter().any(|p| opened.starts_with(p))
        };
        // (the occasion only where a comma closes it right after the words: "Speaking to the
        // committee he urged Congress ..." has no opener set off)
        let occasion = || OCCASION_OPENERS.iter().any(|p| lead.starts_with(p)) && text[s.content.end..].starts_with(',');
        let opener = PROMPT_OPENERS.iter().any(|p| lead.starts_with(p)) || occasion() || query();
        let in_prompt_opener = opener && !before[sentence_start..].contains([',', ';', ':', '"', '“']);
        let prompt = content.starts_with("to ") && (tail.ends_with("in response") || tail.ends_with("in reply"))
            || in_prompt_opener
            || is_prompt_phrase(content)
            || is_comment_request(content);
        // "He was asked to comment ...": the subject of a passive asking or telling is the one
        // spoken to, not the speaker
        let addressee = s.source.is_some_and(|x| s.cue.is_some_and(|c| x.end <= c.start))
            && s.cue.is_some_and(|c| {
                let cue = c.of(text).to_lowercase();
                let w: Vec<&str> = cue.split_whitespace().collect();
                w.windows(2).any(|p| {
                    matches!(p[0], "was" | "were" | "is" | "are" | "been" | "be")
                        && matches!(p[1], "asked" | "told" | "urged" | "requested" | "questioned")
                })
            });
        let idiom = s.cue.is_some_and(|c| is_discourse_idiom(text, c));
        // "because they were not authorized to discuss the talks": why a source is unnamed
        let unnamed_why = s.cue.is_some_and(|c| {
            let cue = c.of(text).to_lowercase();
            cue.contains("not authorized") || cue.contains("not authorised")
        });
        // (with a source after it, the word is an inverted cue: "Said Comey, ...")
        let in_title = s.source.is_none() && s.cue.is_some_and(|c| opens_a_title(text, c));
        // "Wang Yi held talks with [his Egyptian counterpart]": a meeting, whoever it was with
        let meeting = content.starts_with("with ") && s.cue.is_some_and(|c| is_meeting(c.of(text)))
            || s.cue.is_some_and(|c| is_visit(c.of(text), content));
        let titled_headline = s.kind == StatementKind::Headline && s.source.is_some_and(|x| is_headline_phrase(x.of(text)));
        !topic
            && !prompt
            && !idiom
            && !unnamed_why
            && !addressee
            && !in_title
            && !meeting
            && !titled_headline
            && !is_bare_pronoun(content)
            && !s.source.is_some_and(|x| editorial.contains(&x))
    });
}

/// Whether a cue is a meeting held, not words said: "held talks", "holds a meeting", "had a
/// phone call".
fn is_meeting(cue: &str) -> bool {
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    matches!(*first, "hold" | "holds" | "held" | "holding" | "had" | "has" | "have")
        && matches!(*last, "talks" | "meeting" | "meetings" | "discussions" | "consultations" | "call" | "conversation" | "dialogue")
}

/// Whether a cue and what follows it are a courtesy call, not words said: "called on the
/// Ambassador of Bangladesh today". One who "called on" someone "to" do something asked them to.
fn is_visit(cue: &str, content: &str) -> bool {
    let lower = cue.to_lowercase();
    matches!(lower.as_str(), "called on" | "calls on" | "call on" | "calling on" | "paid a call on" | "paid a courtesy call on")
        && !content.split_whitespace().any(|w| w.eq_ignore_ascii_case("to"))
}

/// "[Planning] Minister Ahsan Iqbal said ...": one capitalised word right before another, in a
/// sentence written in lower case, is the first word of a title or a name, not a cue. (A
/// headline in title case, "Trump Says He Will Win", has no lower-case words to tell by.)
fn opens_a_title(text: &str, cue: Span) -> bool {
    let word = cue.of(text);
    let Some(rest) = text[cue.end..].strip_prefix(' ') else { return false };
    let line = rest.split(['\n', '.', '!', '?']).next().unwrap_or_default();
    !word.contains(char::is_whitespace)
        && word.starts_with(char::is_uppercase)
        && rest.starts_with(char::is_uppercase)
        && line.split_whitespace().any(|w| w.len() >= 4 && w.starts_with(char::is_lowercase))
}

/// "In a statement posted on its website, the ministry said ...", "In an interview with the
/// paper, she said ...": a reading with no source inside the sentence's opening prepositional
/// phrase is the medium of the statement the sentence goes on to report, not one of its own.
fn is_leading_manner(text: &str, s: &Statement, cues: &[Span]) -> bool {
    if s.source.is_some() {
        return false;
    }
    let first = s.cue.map_or(s.content.start, |c| c.start.min(s.content.start));
    let last = s.cue.map_or(s.content.end, |c| c.end.max(s.content.end));
    let sentence_start = text[..first].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let sentence = &text[sentence_start..];
    let opener = sentence.split_whitespace().next().unwrap_or_default().to_lowercase();
    if !matches!(opener.as_str(), "in" | "on" | "via" | "through" | "during") {
        return false;
    }
    let Some(comma) = sentence.find(',').map(|i| sentence_start + i) else { return false };
    if last > comma + 1 {
        return false;
    }
    let sentence_end = text[comma..].find(['.', '!', '?', '\n']).map_or(text.len(), |i| comma + i);
    cues.iter().any(|c| c.start > comma && c.start < sentence_end)
}

/// A source that ends inside a name ("[Foreign] Minister Bilawal Bhutto Zardari"): its last word
/// is capitalised and so is the word right after it, which is not the cue ("Trump Says" in a
/// title-case headline is whole).
fn cuts_a_name(text: &str, source: Span, cue: Option<Span>) -> bool {
    let last = source.of(text).rsplit(' ').next().unwrap_or_default();
    let after = &text[source.end..];
    let next_at = source.end + 1;
    last.starts_with(char::is_uppercase)
        && !last.ends_with(['.', ',', ')'])
        && after.starts_with(' ')
        && after[1..].starts_with(char::is_uppercase)
        && cue.is_none_or(|c| c.start != next_at)
}

/// A content read right after "according (to)": what follows "according to" is a source or a
/// measure ("according to their needs"), never the words.
fn is_according_object(text: &str, s: &Statement) -> bool {
    s.cue.is_some_and(|c| {
        let cue = c.of(text).to_lowercase();
        let between = text.get(c.end..s.content.start).map(str::trim);
        cue.starts_with("according") && between.is_some_and(|b| b.is_empty() || b.eq_ignore_ascii_case("to"))
            || cue == "according" && s.content.of(text).to_lowercase().starts_with("to ")
    })
}

/// A short phrase that opens with a topic word and has no clause after it: "About Chinese
/// experts' visit to Pakistan". A number after "about" is an amount ("About 4,000 people",
/// "About half of them").
fn is_topic_phrase(content: &str) -> bool {
    let lower = content.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let lower = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    TOPIC_OPENERS.iter().any(|o| {
        lower.strip_prefix(o).is_some_and(|rest| {
            let next = rest.split_whitespace().next().unwrap_or_default();
            const AMOUNTS: [&str; 13] =
                ["a", "an", "half", "one", "two", "three", "four", "five", "ten", "twenty", "hundred", "dozen", "thousand"];
            rest.starts_with(' ')
                && !next.starts_with(|c: char| c.is_ascii_digit())
                && !AMOUNTS.contains(&next)
                && rest.split_whitespace().count() <= 16
                && !rest.contains(',')
        })
    })
}

/// Whether the words before a headline's colon are a phrase of the headline, not a speaker:
/// "Stealth Over Health: Hillary Clinton Was Headed to ER". A name or a title has no
/// preposition but those of a role's complement ("Minister for Planning", "Secretary of State",
/// "Ambassador to China", "Envoy on Climate").
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
fn is_headline_phrase(source: &str) -> bool {
    source.split_whitespace().any(|w| matches!(w.to_lowercase().as_str(), "over" | "in" | "at" | "with" | "from" | "by" | "about"
        | "after" | "before" | "against" | "into" | "under" | "behind" | "without" | "between" | "amid" | "as" | "is" | "are"))
}

/// A content that is one subject pronoun ("He" of "He was asked to comment ...") is the subject
/// of a clause read as its words. (An object pronoun can be what a statement is about: "refused
/// to criticize him".)
fn is_bare_pronoun(content: &str) -> bool {
    let word = content.trim_matches(|c: char| !c.is_alphanumeric());
    const PRONOUNS: [&str; 5] = ["i", "he", "she", "we", "they"];
    !word.contains(char::is_whitespace) && PRONOUNS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// "did not respond to [a request for comment]", "did not return [messages seeking comment]":
/// what a reporter asked for, which no one said.
fn is_comment_request(content: &str) -> bool {
    let trimmed = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    // ten words at most, counted before lower-casing: contents run to paragraphs
    if trimmed.split_whitespace().nth(10).is_some() {
        return false;
    }
    let lower = trimmed.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    ["for comment", "seeking comment", "to comment", "for a comment"].iter().any(|p| lower.contains(p))
        && matches!(
            first,
            "a" | "an" | "repeated" | "several" | "multiple" | "requests" | "emails" | "messages" | "calls" | "phone" | "written"
        )
}

/// "in response to a question", "responding to a query from reporters", "in response to a
/// question asked by a correspondent during her briefing": the prompt of the words, read whole
/// as a content. A prompt that goes on to a clause of its own ("in response to the attack,
/// the army will ...") holds words after it.
/// How a phrase naming the prompt of someone's words opens (lower case).
const PROMPT_OPENERS: [&str; 5] = ["in response to ", "in reply to ", "responding to ", "replying to ", "answering "];
/// Openers that name the occasion of the words: "Addressing the weekly media briefing, ...".
const OCCASION_OPENERS: [&str; 6] = ["addressing ", "speaking at ", "speaking to ", "talking to ", "briefing ", "while addressing "];

fn is_prompt_phrase(content: &str) -> bool {
    let trimmed = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    // the openers are ASCII: compared on the bytes, before the content is lower-cased
    let opens = |p: &str| trimmed.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
    if !PROMPT_OPENERS.iter().any(|p| opens(p)) {
        return false;
    }
    let words = trimmed.split_whitespace().take(21).count();
    words <= 8 || (words <= 20 && !trimmed.contains(',') && !trimmed.to_lowercase().contains(" that "))
}

/// What both readers read: the live paragraphs (not repeats, without the dateline) and the
/// quotations over them (which may run over several paragraphs).
pub(crate) struct Live {
    pub paragraphs: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub sentences: Vec<Sentence>,
    /// The tokens of the live paragraphs, in text order (each paragraph tokenized on its own).
    pub tokens: Vec<Token>,
    /// The index in `tokens` of each live paragraph's first token.
    pub paragraph_tokens: Vec<usize>,
}

impl Live {
    pub(crate) fn of(article: &Article) -> Live {
        let paragraphs: Vec<Span> = article
            .paragraphs
            .iter()
            .filter(|p| p.repeat_of.is_none())
            .map(|p| match article.dateline {
                Some(d) if p.span.contains(d) => Span::new(d.end, p.span.end),
                _ => p.span,
            })
            .collect();
        let quotes = find_quotes(&article.text, &paragraphs);
        let mut tokens = Vec::with_capacity(article.text.len() / 5);
        let mut paragraph_tokens = Vec::with_capacity(paragraphs.len());
        for p in &paragraphs {
            paragraph_tokens.push(tokens.len());
            tokens.extend(tokenize(&article.text, *p));
        }
        Live { paragraphs, quotes, sentences: sentences(article), tokens, paragraph_tokens }
    }

    /// The tokens of `sentence`, as tokenizing it alone gives them: the paragraph's own, unless
    /// a token of the paragraph runs over the sentence's edge (a split inside "U.S.Army").
    pub(crate) fn sentence_tokens(&self, text: &str, sentence: Span) -> std::borrow::Cow<'_, [Token]> {
        let from = self.tokens.partition_point(|t| t.span.start < sentence.start);
        let to = self.tokens.partition_point(|t| t.span.start < sentence.end);
        let crosses_start = from > 0 && self.tokens[from - 1].span.end > sentence.start;
        let crosses_end = to > from && self.tokens[to - 1].span.end > sentence.end;
        if crosses_start || crosses_end {
            std::borrow::Cow::Owned(tokenize(text, sentence))
        } else {
            std::borrow::Cow::Borrowed(&self.tokens[from..to])
        }
    }
}

/// A source ends at a line break: "[FM spokesperson]" after "..., says" at the end of a line
/// that has no full stop, not "FM spokesperson\n\nLord Cameron" run on into the next paragraph.
/// The part on the cue's side of the break stays.
fn within_cue_paragraph(text: &str, source: Span, cue: Span) -> Span {
    let s = source.of(text);
    match (s.find('\n'), s.rfind('\n')) {
        (Some(first), _) if source.start >= cue.end => Span::new(source.start, source.start + s[..first].trim_end().len()).trim(text),
        (_, Some(last)) if source.end <= cue.start => Span::new(source.start + last + 1, source.end).trim(text),
        _ => source,
    }
}

/// Whether the full stop at byte `i` of `text` ends a sentence: it does after a word, not after
/// an abbreviation or an initial ("Mr.", "Jr.", "Sept.", "J.").
fn full_stop_ends_sentence(text: &str, i: usize) -> bool {
    let word = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    #[rustfmt::skip] // a word list, packed
    let abbreviation = matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Jr" | "Sr" | "St" | "Gen" | "Lt" | "Col" | "Sen" | "Rep" | "Gov"
        | "Prof" | "Rev" | "Capt" | "Sgt" | "Maj" | "Adm" | "No" | "Mt" | "Co" | "Inc" | "Ltd" | "Corp" | "vs" | "Jan" | "Feb" | "Mar"
        | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec");
    text[i + 1..].starts_with(char::is_whitespace) && !initial && !abbreviation
}

/// A source that begins with a relative clause ("who has fished out of Tromso for thirty
/// years,") takes the name the clause hangs on ("Jo Lind, who has ..."): up to four capitalised
/// words right before ", who".
fn with_relative_head(text: &str, source: Span) -> Span {
    let s = source.of(text);
    if !(s.starts_with("who ") || s.starts_with("whose ")) {
        return source;
    }
    let Some(before) = text[..source.start].strip_suffix(", ") else { return source };
    let takes = |w: &str, taken: usize| !(taken > 0 && w.ends_with(['.', ',', ';', ':', '"', '”']));
    capitalised_run_start(before, &[' ', '\n'], takes).map_or(source, |start| Span::new(start, source.end))
}

/// Where the run of capitalised words that ends `before` starts: at most four words, split at
/// `separators` (one byte each), each one `takes(word, words taken so far)` allows; `None` when
/// it takes none.
fn capitalised_run_start(before: &str, separators: &[char], takes: impl Fn(&str, usize) -> bool) -> Option<usize> {
    let mut start = before.len();
    let mut words = 0;
    for w in before.rsplit(separators) {
        if words == 4 || !w.starts_with(char::is_uppercase) || !takes(w, words) {
            break;
        }
        start -= w.len();
        words += 1;
        if start == 0 || !before[..start].ends_with(separators) {
            break;
        }
        start -= 1;
    }
    (words > 0).then(|| if before[start..].starts_with(separators) { start + 1 } else { start })
}

/// A name that is the object of a preposition inside a longer name ("The Chinese Embassy in
/// [London]", "the Prime Minister of [Pakistan]") takes the whole phrase: up to four
/// capitalised words before the preposition, with a determiner before them.
/// A subject with a relative clause before its cue ("Clive Owen, who has won a Bafta for his
/// role in Closer, said ...") is the source when the tagger found none or read one inside the
/// clause; a content inside the clause ("his role in Closer") is the clause's words, not the
/// subject's, unless it is reported there ("who understood that ..."). A relative pronoun read as the source stays, as written (resolve finds who it is),
/// and "according to" names its source after the cue.
fn take_subjects_before_relative_clauses(text: &str, tagged: &mut Vec<Statement>) {
    tagged.retain_mut(|t| {
        let Some(cue) = t.cue.filter(|c| !c.of(text).to_lowercase().starts_with("according")) else { return true };
        let Some(head) = name_before_relative_clause(text, cue) else { return true };
        let in_clause = |x: Span| x.start > head.end && x.end <= cue.start;
        // (a that-clause in it is the words of a verb of its own: "who understood that ...")
        let reported = |c: &str| c.starts_with("that ") || c.starts_with(['"', '“', '\'', '‘']);
        if in_clause(t.content) && !reported(t.content.of(text)) {
            return false;
        }
        if t.source.is_none_or(|x| in_clause(x) && !matches!(x.of(text), "who" | "whose" | "which")) {
            t.source = Some(head);
        }
        true
    });
}

/// A subject set off from its cue by an adjunct ("Shoukry, for his part, said ...", "Ahsan
/// Iqbal, while addressing the committee, said ...", "the Foreign Office in a statement said
/// ...") is the source when the tagger found none or read one inside the adjunct ("addressing
/// the committee", "a statement"); a content inside the adjunct ("on condition of
/// [anonymity]") is no one's words.
fn take_subjects_before_adjuncts(text: &str, tagged: &mut Vec<Statement>) {
    let mut adjuncts = Vec::new();
    tagged.retain_mut(|t| {
        let Some(cue) = t.cue.filter(|c| c.start > 0 && !c.of(text).to_lowercase().starts_with("according")) else { return true };
        let Some((head, adjunct)) = subject_before_adjunct(text, cue) else { return true };
        adjuncts.push(adjunct);
        if adjunct.contains(t.content) {
            return false;
        }
        if t.source.is_none_or(|x| adjunct.contains(x)) {
            t.source = Some(head);
        }
        true
    });
    // "Wang Wenbin, [asked] about the visit at a briefing, said ...": a participle in the
    // adjunct sets the scene of the words; it reports none of its own
    // (a prompt or an occasion, not "citing" or "showing", which report what they cite)
    let participle = |c: Span| {
        c.of(text).split_whitespace().next().is_some_and(|w| {
            matches!(w.to_lowercase().as_str(), "asked" | "questioned" | "pressed" | "speaking" | "responding" | "replying" | "addressing")
        })
    };
    let adjuncts = onrecord_model::SpanIndex::new(adjuncts);
    tagged.retain(|t| !t.cue.is_some_and(|c| participle(c) && adjuncts.containing(c).next().is_some()));
}

/// "An official who declined to be named said ...": the tagger may read the relative pronoun
/// as the source and the clause's verbs as part of the cue ("declined to be named said"). The
/// subject the clause restricts, with the clause, is the source, and the verb of saying that
/// ends the run is the cue, as annotators mark it.
fn split_restrictive_relative(text: &str, t: &mut Statement) {
    let (Some(source), Some(cue)) = (t.source, t.cue) else { return };
    if !matches!(source.of(text), "who" | "that") || cue.start < source.end || text[source.end..cue.start].trim() != "" {
        return;
    }
    let cue_text = cue.of(text);
    let Some(last_space) = cue_text.rfind(' ') else { return };
    let verb = &cue_text[last_space + 1..];
    if !lexicon::is_saying(&verb.to_lowercase()) {
        return;
    }
    let before = text[..source.start].trim_end();
    let sentence = before.rfind(['.', '!', '?', '\n', ';', ':', ',', '"', '“', '”']).map_or(0, |i| i + 1);
    let lead = before[sentence..].len() - before[sentence..].trim_start().len();
    let head = Span::new(sentence + lead, before.len());
    if head.is_empty() || head.of(text).split_whitespace().count() > 6 || !speaker_like(text, head) {
        return;
    }
    let verb_start = cue.start + last_space + 1;
    t.source = Some(Span::new(head.start, text[..verb_start].trim_end().len()));
    t.cue = Some(Span::new(verb_start, cue.end));
}

/// "State news agency VNA quoted Prime Minister Pham Minh Chinh as saying that ...": the one
/// quoted is the speaker, "as saying" the cue, and the words after it the content; the tagger
/// reads the outlet as the source and the rest as the content.
fn quoted_as_saying(text: &str, t: &mut Statement) {
    let Some(cue) = t.cue else { return };
    let verb = cue.of(text).to_lowercase();
    if !matches!(verb.as_str(), "quoted" | "quotes" | "quoting") || cue.end > t.content.start {
        return;
    }
    let content = t.content.of(text);
    let Some(at) = content.find(" as saying") else { return };
    let speaker = Span::new(t.content.start, t.content.start + at);
    let said = Span::new(speaker.end + 1, speaker.end + " as saying".len());
    let words_from = text[said.end..t.content.end].len() - text[said.end..t.content.end].trim_start().len();
    let words = Span::new(said.end + words_from, t.content.end);
    if words.is_empty() || speaker.of(text).split_whitespace().count() > 8 || !speaker_like(text, speaker) {
        return;
    }
    t.source = Some(speaker);
    t.cue = Some(said);
    t.content = words;
}

/// Words that open an adjunct between a subject and its verb: prepositions and subordinators
/// (an -ing participle opens one as well: "speaking on condition of anonymity").
const ADJUNCT_OPENERS: &[&str] = &[
    "for", "while", "when", "after", "before", "in", "on", "at", "during", "as", "like", "unlike", "however", "meanwhile", "too", "though",
    "also", "instead", "again", "separately", "later", "earlier", "then", "citing", "asked",
];

/// Media a statement is made in: "the ministry in a statement said".
const MEDIA: &[&str] = &["statement", "interview", "letter", "tweet", "post", "speech", "release", "briefing", "message", "video", "email"];

/// The subject before an adjunct that ends right before `cue`, and the adjunct: between commas
/// ("X, for his part, said") or a medium with no commas ("X in a statement said"). The subject
/// runs back to the sentence's start or the comma before it ("Meanwhile, [the Foreign
/// Office]") and must read as a speaker.
fn subject_before_adjunct(text: &str, cue: Span) -> Option<(Span, Span)> {
    let mut floor = cue.start.saturating_sub(300);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let before = &text[floor..cue.start];
    let trimmed = before.trim_end();
    // (most cues have no adjunct before them: a look at the last word settles it)
    let last_word = trimmed.rsplit(' ').next().unwrap_or("");
    if !trimmed.ends_with(',') && !MEDIA.contains(&last_word.to_lowercase().as_str()) {
        return None;
    }
    // ("Ferdinand Marcos Jr., on a state visit, told")
    let ends_sentence = |i: usize, c: char| c != '.' || full_stop_ends_sentence(trimmed, i);
    let sentence = trimmed
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '\n' | ';' | ':' | '"' | '“' | '”') && ends_sentence(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (head_end, adjunct) = if let Some(inner) = trimmed.strip_suffix(',') {
        let open = inner[sentence..].rfind(", ")? + sentence;
        // (a capitalised word after the comma is a name in a list or an appositive)
        let opener = inner[open + 2..].split_whitespace().next()?;
        let opens = ADJUNCT_OPENERS.contains(&opener) || (opener.ends_with("ing") && opener.len() > 5);
        if !opens {
            return None;
        }
        (open, Span::new(floor + open + 2, floor + trimmed.len()))
    } else {
        let words: Vec<&str> = trimmed[sentence..].rsplitn(4, ' ').collect();
        let [noun, det, prep, ..] = words[..] else { return None };
        let medium = MEDIA.contains(&noun.to_lowercase().as_str())
            && matches!(det, "a" | "an" | "the" | "his" | "her" | "its" | "their")
            && matches!(prep, "in" | "via" | "through");
        if !medium {
            return None;
        }
        let open = trimmed.len() - noun.len() - det.len() - prep.len() - 3;
        (open, Span::new(floor + open + 1, floor + trimmed.len()))
    };
    let head_text = &trimmed[sentence..head_end];
    let mut start = head_text.rfind(", ").map_or(0, |i| i + 2);
    start += head_text[start..].len() - head_text[start..].trim_start().len();
    // ("..., and Mr. Pruzan, at Dresdner, decided": the conjunction is no part of the name)
    for conjunction in ["and ", "but ", "And ", "But "] {
        if head_text[start..].starts_with(conjunction) {
            start += conjunction.len();
        }
    }
    start += head_text[start..].len() - head_text[start..].trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let head = Span::new(floor + sentence + start, floor + head_end);
    let words = head.of(text).split_whitespace().count();
    // (a name has a word of two letters at least: "Chappaqua, [N.Y.], speaking on ..." is a place)
    let has_word = head.of(text).split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2);
    ((1..=8).contains(&words) && has_word && speaker_like(text, head)).then_some((head, adjunct))
}

/// "Martin Scorsese, whose movie The Aviator won best film, said ...": the name a relative
/// clause hangs on, when the clause ends right before the cue. A tagger reads such a subject
/// badly (no source, or one inside the clause: "[a Golden Globe and a Bafta for] his role").
fn name_before_relative_clause(text: &str, cue: Span) -> Option<Span> {
    let mut floor = cue.start.saturating_sub(300);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let before = &text[floor..cue.start];
    let clause_end = before.trim_end().strip_suffix(',')?;
    // the clause opens at the last ", who|whose|which" of the sentence
    let sentence = clause_end
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | ';' | ':' | '"' | '“' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let open = [", who ", ", whose ", ", which "].iter().filter_map(|m| clause_end[sentence..].rfind(m)).max()? + sentence;
    let head_text = &clause_end[sentence..open];
    let takes = |w: &str, _: usize| !w.ends_with([',', ';', ':', ')']);
    let mut start = capitalised_run_start(head_text, &[' '], takes)?;
    // "And Agassi, who ...": the conjunction that opens the sentence is no part of the name
    for conjunction in ["And ", "But ", "Yet ", "So ", "Meanwhile "] {
        if head_text[start..].starts_with(conjunction) {
            start += conjunction.len();
        }
    }
    let head = Span::new(floor + sentence + start, floor + open);
    // a name, not the first word of a sentence that only happens to be capitalised
    (head.of(text).split_whitespace().count() >= 2 || speaker_like(text, head)).then_some(head)
}

/// Adverbs that link a sentence to the one before ("Separately", "later"): never part of who
/// speaks.
const SENTENCE_ADVERBS: &[&str] = &[
    "separately", "meanwhile", "however", "earlier", "later", "also", "still", "instead", "yet", "again", "nevertheless", "moreover",
    "additionally", "furthermore", "similarly", "likewise", "elsewhere", "previously", "subsequently", "then", "now", "today", "yesterday",
    "overnight", "finally", "first", "second", "third",
];

/// "said [Indonesian President Joko Widodo], who was speaking to reporters after the talks": a
/// source after its cue, cut inside its relative clause, ends before the clause. (A clause
/// closed by its comma stays whole; before the cue, PolNeAR's sources take the clause in.)
fn without_cut_relative_clause(text: &str, source: Span) -> Span {
    let s = source.of(text);
    let Some(at) = s.find(", who ").or_else(|| s.find(", which ")) else { return source };
    // (cut: the clause runs on after the source, "who was speaking [to reporters ...]")
    let rest = &text[source.end..];
    let closed = !rest.starts_with(' ') || !rest[1..].starts_with(char::is_alphanumeric) || s.trim_end().ends_with(',');
    let head = Span::new(source.start, source.start + at);
    if closed || at == 0 || !speaker_like(text, head) {
        return source;
    }
    head
}

/// "[A Home Office spokesperson] later said": an adverb between the speaker and the cue is no
/// part of the speaker (a name or a noun is left before it).
fn without_trailing_adverb(text: &str, source: Span) -> Span {
    let s = source.of(text);
    match s.rsplit_once(' ') {
        Some((head, last))
            if SENTENCE_ADVERBS.contains(&last)
                && !head.ends_with(',')
                && speaker_like(text, Span::new(source.start, source.start + head.len())) =>
        {
            Span::new(source.start, source.start + head.len())
        }
        _ => source,
    }
}

/// "[Separately,] Iran's supreme leader, Ayatollah Ali Khamenei, said": a sentence adverb
/// set off by a comma at the start of a source links the sentence to the one before; it is
/// no part of who speaks.
fn without_leading_adverbial(text: &str, source: Span) -> Span {
    let s = source.of(text);
    let Some((first, rest)) = s.split_once(", ") else { return source };
    if !SENTENCE_ADVERBS.contains(&first.to_lowercase().as_str()) {
        return source;
    }
    let rest_start = source.end - rest.len();
    let rest = Span::new(rest_start, source.end);
    if speaker_like(text, rest) {
        rest
    } else {
        source
    }
}

/// "According to [a press release issued by the Foreign Office,] the spokesperson said": the
/// medium the words came in, set off by a comma before the one who speaks, is no part of the
/// source.
fn without_leading_medium(text: &str, source: Span) -> Span {
    let s = source.of(text);
    let Some(comma) = s.rfind(", ") else { return source };
    let medium = s[..comma].split_whitespace().take(4).any(|w| MEDIA.contains(&w.to_lowercase().as_str()));
    let rest = Span::new(source.start + comma + 2, source.end);
    if medium && speaker_like(text, rest) {
        rest
    } else {
        source
    }
}

/// Nouns for who speaks for someone, which a possessive owns ("Egypt's foreign ministry",
/// "Trump's lawyers"). Not what someone did or made ("Clinton's attack on Trump" has the
/// source "Clinton's" in the annotation this learns from).
#[rustfmt::skip] // a word list, packed
const SPEAKING_FOR: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "ministry", "government", "administration",
    "office", "department", "campaign", "embassy", "consulate", "minister", "president", "secretary", "director", "chief", "leader",
    "lawyer", "lawyers", "attorney", "attorneys", "adviser", "advisers", "advisor", "advisors", "aide", "aides", "staff", "team",
    "party", "committee", "council", "agency", "police", "army", "military", "cabinet", "parliament", "senate", "board", "commission",
];

/// Whether a phrase ends on a possessive: "Egypt's", "Japan’s", "the Tories'".
fn ends_possessive(s: &str) -> bool {
    s.ends_with("'s") || s.ends_with("’s") || s.ends_with("s'")
}

/// A source that ends on a possessive ("[Egypt's] foreign ministry, however, said") takes the
/// one it owns who speaks for it: the words after it up to a comma or the cue, when they end on
/// such a noun.
fn with_possessed_noun(text: &str, source: Span, cue: Span) -> Span {
    if cue.start <= source.end || !ends_possessive(source.of(text)) {
        return source;
    }
    let after = &text[source.end..cue.start];
    let noun = after.split([',', '(', '\n']).next().unwrap_or("");
    let words = noun.split_whitespace().count();
    let speaks_for = noun.split_whitespace().next_back().is_some_and(|w| SPEAKING_FOR.iter().any(|n| w.eq_ignore_ascii_case(n)));
    if !(1..=4).contains(&words) || !speaks_for || !noun.split_whitespace().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-')) {
        return source;
    }
    Span::new(source.start, source.end + noun.trim_end().len())
}

fn with_head_before_preposition(text: &str, source: Span) -> Span {
    let s = source.of(text);
    if !s.starts_with(char::is_uppercase) || s.contains(',') {
        return source;
    }
    let before = &text[..source.start];
    let Some(before) = [" in ", " of ", " at "].iter().find_map(|p| before.strip_suffix(p)) else { return source };
    let Some(start) = capitalised_run_start(before, &[' '], |w, _| !w.contains(['\n', '.', ',', ';', ':', '"', '”'])) else {
        return source;
    };
    // a determiner before the name belongs to it
    let start = ["the ", "The "].iter().find(|d| before[..start].ends_with(**d)).map_or(start, |d| start - d.len());
    Span::new(start, source.end)
}

/// A name coordinated with the one before it at the start of the sentence: "[Xi, Lula] vow to
/// ...", "[Merkel and Macron] said ...". Speakers who speak together are one source, the way
/// attribution corpora annotate them.
/// People who speak for someone else.
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
const SPEAKS_FOR: [&str; 16] = [
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "representative", "representatives",
    "aide", "aides", "lawyer", "lawyers", "attorney", "attorneys", "adviser", "producer",
];

/// The source with the person who speaks for it: "[A spokeswoman for] YouTube said", "[A
/// spokesman for] the Jupiter Police Department said". The tagger sometimes starts the source at
/// the one spoken for, who did not speak.
fn with_speaking_for(text: &str, source: Span) -> Span {
    let before = &text[..source.start];
    let Some(head) = before.strip_suffix(" for ") else { return source };
    // the last words before "for", each with where it starts, last first
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = head.len();
    while words.len() < 4 {
        let part = &head[..end];
        let Some((i, c)) = part.char_indices().rev().find(|&(_, c)| c.is_whitespace()) else {
            words.push((0, part));
            break;
        };
        words.push((i + c.len_utf8(), &part[i + c.len_utf8()..]));
        if part[..i].ends_with(['\n', '.', ',', ';', ':', '"', '“', '”']) {
            break;
        }
        end = i;
    }
    let Some(k) = words.iter().position(|(_, w)| SPEAKS_FOR.contains(&w.to_lowercase().as_str())) else { return source };
    // "A senior spokesman for": the words between the determiner and the noun describe it
    let describes = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic) && w.starts_with(char::is_lowercase);
    let Some(d) = (k + 1..words.len()).find(|&d| matches!(words[d].1.to_lowercase().as_str(), "a" | "an" | "the")) else { return source };
    if !words[k + 1..d].iter().all(|(_, w)| describes(w)) {
        return source;
    }
    Span::new(words[d].0, source.end)
}

/// "..., said the festival's executive director[, Craig Prater]." A source after its cue that
/// ends on a common noun takes the name set off after it by a comma, when the name (two to four
/// capitalised words) ends the sentence or the clause.
fn with_trailing_appositive_name(text: &str, source: Span, cue: Span) -> Span {
    if source.start < cue.end || !source.of(text).split_whitespace().next_back().is_some_and(|w| w.starts_with(char::is_lowercase)) {
        return source;
    }
    let Some(after) = text[source.end..].strip_prefix(", ") else { return source };
    let words = onrecord_segment::spaced_words(after, source.end + 2);
    let mut end = None;
    for (k, &(at, w)) in words.iter().take(4).enumerate() {
        let bare = w.trim_end_matches(['.', ',', ';', '"', '”', '\n']);
        let name_like = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !bare.is_empty();
        if !name_like {
            break;
        }
        if bare.len() != w.len() || at + w.len() == text.len() {
            // closed by a mark: the name ends here, if it has two words at least
            end = (k >= 1 && w[bare.len()..].starts_with(['.', ',', ';', '"', '”', '\n'])).then_some(at + bare.len());
            break;
        }
    }
    end.map_or(source, |e| Span::new(source.start, e))
}

/// A source with an appositive takes the comma that closes it, as PolNeAR marks it ("Rep.
/// Elijah Cummings, the top Democrat on the committee[,] said"): the two commas enclose the
/// description together. A source without one ends before a comma the tagger gave it ("Chris
/// Christie[,] who ..."): that comma opens what follows.
fn with_closing_comma(text: &str, source: Span) -> Span {
    let s = source.of(text);
    match s.strip_suffix(',') {
        Some(bare) if !bare.contains(", ") && !bare.is_empty() => Span::new(source.start, source.end - 1),
        None if s.contains(", ") && text[source.end..].starts_with(',') => Span::new(source.start, source.end + 1),
        _ => source,
    }
}

/// The contraction (`’s`, `'re`, `'ve`, `'d`, ...) of a pronoun, split off it: ("He", "’s").
fn split_contraction(word: &str) -> Option<(&str, &str)> {
    let i = word.find(['\'', '’'])?;
    let (pronoun, rest) = word.split_at(i);
    let contraction = rest[rest.chars().next().map_or(0, char::len_utf8)..].to_lowercase();
    let pronoun_lower = pronoun.to_lowercase();
    let is_pronoun = lexicon::is_subject_pronoun(&pronoun_lower) || pronoun_lower == "who";
    (is_pronoun && matches!(contraction.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m")).then_some((pronoun, rest))
}

/// The cue with the verb contracted onto its subject pronoun, as PolNeAR marks it: "He[’s not
/// saying]", "who[’d previously endorsed]"; and without the pronoun when the tagger took the
/// whole word ("[He’s] comparing" is "He" and "’s comparing").
fn with_contracted_verb(text: &str, cue: Span) -> Span {
    let s = cue.of(text);
    let first = s.split_whitespace().next().unwrap_or_default();
    if let Some((pronoun, _)) = split_contraction(first).filter(|_| first.len() < s.len()) {
        return Span::new(cue.start + pronoun.len(), cue.end);
    }
    // back over adverbs ("’s [not] saying") to a contracted pronoun
    let mut start = cue.start;
    loop {
        let before = text[..start].trim_end();
        let word_at = before.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_at..];
        if let Some((pronoun, _)) = split_contraction(word) {
            return Span::new(word_at + pronoun.len(), cue.end);
        }
        if word.is_empty() || !lexicon::is_cue_adverb(&word.to_lowercase()) || before.len() == start {
            return cue;
        }
        start = word_at;
    }
}

/// A pronoun source without the verb contracted onto it: "[He]’s not saying", "[They]'re
/// pointing out" (the verb is the cue's, not the speaker's).
fn without_contracted_verb(text: &str, source: Span) -> Span {
    match split_contraction(source.of(text)) {
        Some((pronoun, _)) => Span::new(source.start, source.start + pronoun.len()),
        None => source,
    }
}

/// Words that open a sentence before its subject without being part of it.
const SENTENCE_CONNECTIVES: [&str; 8] = ["but", "and", "yet", "both", "so", "still", "now", "even"];

/// The source with the noun phrase coordinated before it when together they open the
/// sentence (or follow its opening adverbial and comma): "[Federal and] state officials said",
/// "But [Mr. Grassley and] Mr. Leahy say", "On Sunday, [Mr. Rubio and] Senator Ted Cruz urged".
/// The phrase before "and" must be a few words with no verb in them, so "Trump wants the votes
/// and Peña Nieto wants ..." keeps "Peña Nieto", and ", and" joins clauses, not subjects.
fn with_coordinated_phrase(text: &str, source: Span) -> Span {
    // "... and he said" joins two clauses
    if lexicon::is_subject_pronoun(&source.of(text).to_lowercase()) && source.of(text) != "I" {
        return source;
    }
    let before = &text[..source.start];
    let Some(head) = before.strip_suffix(" and ") else { return source };
    // back to the sentence's start or its last comma; a title's full stop ("Mr. Grassley")
    // does not end the sentence
    let mut start = head.len();
    for (i, c) in head.char_indices().rev() {
        let ends_title = c == '.'
            && matches!(
                head[..i].rsplit([' ', '\n']).next(),
                Some("Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Prof" | "St")
            );
        // a full stop inside a word ("Sina.com") ends no sentence
        let spaced = head[i + c.len_utf8()..].starts_with(char::is_whitespace);
        // (and a hyphen set off by spaces is a dash: "JAKARTA, Sept 6 - The leaders of ...")
        let dash = c == '-' && spaced && head[..i].ends_with(' ');
        let ends = matches!(c, '\n' | ';' | ':' | ',' | '"' | '“' | '”' | '(' | ')' | '—' | '–')
            || matches!(c, '.' | '!' | '?') && spaced && !ends_title
            || dash;
        if ends {
            break;
        }
        start = i;
    }
    let mut words = spaced_words(&head[start..], start);
    if words.first().is_some_and(|(_, w)| SENTENCE_CONNECTIVES.contains(&w.to_lowercase().as_str())) {
        words.remove(0);
    }
    let Some(&(phrase_start, _)) = words.first() else { return source };
    let verb_like = |k: usize, w: &str| {
        let l = w.to_lowercase().replace('’', "'");
        let lower = w.starts_with(char::is_lowercase);
        let after_preposition = k > 0 && matches!(words[k - 1].1, "of" | "for" | "in" | "at" | "from");
        lexicon::is_auxiliary(&l)
            || lexicon::cue_class(&l).is_some()
            || lexicon::is_subject_pronoun(l.split('\'').next().unwrap_or_default())
            || lower && (l.ends_with("ed") || l.ends_with("ing") || l.ends_with("ly"))
            || matches!(l.as_str(), "the" | "a" | "an") && k > 0 && !after_preposition
            || matches!(
                l.as_str(),
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "where"
                    | "what"
                    | "how"
                    | "why"
                    | "when"
                    | "if"
                    | "because"
                    | "while"
                    | "after"
                    | "before"
                    | "than"
                    | "as"
                    | "not"
                    | "to"
            )
            || !w.chars().any(char::is_alphanumeric)
            // a figure, a time or an adverb belongs to a clause ("In 2002 S&N", "last week",
            // "Rosneft now owns Yugansk")
            || w.chars().any(|c| c.is_ascii_digit())
            || matches!(l.as_str(), "now" | "then" | "also" | "still" | "already" | "just" | "last" | "next" | "week" | "year" | "month" | "today" | "yesterday")
            || k == 0 && matches!(l.as_str(), "in" | "on" | "at" | "for" | "from" | "with" | "by" | "after" | "before" | "since" | "during" | "under")
    };
    if words.len() > 6 || words.iter().enumerate().any(|(k, (_, w))| verb_like(k, w)) {
        return source;
    }
    Span::new(phrase_start, source.end)
}

fn with_coordinated_subject(text: &str, source: Span) -> Span {
    if !source.of(text).starts_with(char::is_uppercase) {
        return source;
    }
    let before = &text[..source.start];
    let Some((before, comma)) = [", ", " and ", " & "].iter().find_map(|c| before.strip_suffix(c).map(|b| (b, *c == ", "))) else {
        return source;
    };
    // a comma joins two names only before a verb that agrees with both ("Xi, Lula vow"), not
    // after a sentence adverb ("Ultimately, Mr. Clarke hopes", "Still, The New York Times
    // reported")
    if comma {
        let verb = text[source.end..].split_whitespace().next().unwrap_or_default().to_lowercase();
        const PAST: [&str; 12] = ["said", "told", "wrote", "spoke", "thought", "knew", "felt", "heard", "found", "saw", "held", "swore"];
        let base = !verb.ends_with('s') && !verb.ends_with("ed") && !PAST.contains(&verb.as_str());
        if !base || lexicon::cue_class(&verb).is_none() {
            return source;
        }
    }
    // a name with its title ("Mr. Grassley"); not a capitalised adverb, preposition or
    // participle ("However, Pagliano's lawyer", "Like President Obama, I", "Railing Against
    // Trump, Sanders vows"), nor a day
    const NOT_NAMES: [&str; 26] = [
        "but", "however", "and", "or", "so", "yet", "in", "on", "at", "like", "unlike", "after", "before", "when", "while", "both", "for",
        "with", "to", "from", "against", "by", "as", "if", "also", "meanwhile",
    ];
    let title = |w: &str| matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Rep." | "Gov." | "Gen." | "Prof.");
    let takes = |w: &str, _| {
        let lower = w.to_lowercase();
        (title(w) || !w.contains(['\n', '.', ',', ';', ':', '"', '”']))
            && !lower.ends_with("ing")
            && !NOT_NAMES.contains(&lower.as_str())
            && !lexicon::WEEKDAYS.contains(&lower.as_str())
    };
    let Some(start) = capitalised_run_start(before, &[' ', '\n'], takes) else { return source };
    // only a run that opens its sentence (or line) is a subject: not "In Brasilia, Lula said"
    let lead = before[..start].trim_end_matches([' ', '"', '“', '\'']);
    let opens = lead.is_empty() || lead.ends_with(['\n', '!', '?']) || lead.ends_with('.') && !lead.rsplit(' ').next().is_some_and(title);
    if opens && !title(before[start..].split(' ').next_back().unwrap_or_default()) {
        Span::new(start, source.end)
    } else {
        source
    }
}

/// Whether `source` reads as a speaker: a name, a role, a pronoun, or one of these with an
/// appositive after it ("Len Burman, head of the Tax Policy Center", "Mr. McGinley, the law
/// professor", "Rep. Jim Clyburn (D-S.C.), the assistant leader"), which the tagger includes
/// in the source the way attribution corpora annotate it.
fn speaker_like(text: &str, source: Span) -> bool {
    if rules::np_kind(text, &tokenize(text, source)).is_some() {
        return true;
    }
    // "Ferdinand Marcos Jr.": a generational suffix closes a name
    let s = source.of(text);
    if let Some(name) = [" Jr.", " Jr", " Sr.", " Sr", " II", " III"].iter().find_map(|x| s.strip_suffix(x)) {
        return speaker_like(text, Span::new(source.start, source.start + name.len()));
    }
    s.find([',', '(']).is_some_and(|i| {
        let head = s[..i].trim_end();
        let np = |from: usize, len: usize| len > 0 && rules::np_kind(text, &tokenize(text, Span::new(from, from + len))).is_some();
        // ... or the name in apposition after a description ("A spokeswoman for the Chinese
        // Foreign Ministry, Mao Ning,")
        let appositive = s[i..].strip_prefix(", ").map(|rest| {
            let name = rest.trim_end().trim_end_matches(',');
            (source.start + i + 2, if name.contains(',') { 0 } else { name.len() })
        });
        np(source.start, head.len()) || appositive.is_some_and(|(from, len)| np(from, len))
    })
}

/// A name that ends an adjunct between the subject and its cue: "Director Ingrid Solberg,
/// speaking at the annual meeting in [Bergen,] said ...". It follows a preposition and a comma
/// closes it; the speaker is the subject before the adjunct.
fn object_of_adjunct(text: &str, source: Span) -> bool {
    const PREPOSITIONS: &[&str] = &["in", "at", "on", "from", "with", "near", "during", "after", "before", "outside", "inside"];
    let closed = source.of(text).trim_end().ends_with(',');
    let before = text[..source.start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    closed && before.len() < source.start && PREPOSITIONS.contains(&word)
}

/// A source span that cannot name anyone: an adverb ("promptly", "together"), a participle
/// that opens a clause ("Having said that"), a determiner or intensifier with nothing after
/// it ("the very", "That sort of"), or a lone function word ("without", "whom", "please").
fn names_no_one(source: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "let", "without", "another", "no", "more", "worth", "whom", "please", "together", "now", "up", "then", "also", "still", "yet",
        "even", "just", "once", "again", "here", "there", "not",
    ];
    const DETERMINERS: &[&str] =
        &["the", "a", "an", "this", "that", "these", "those", "very", "sort", "kind", "of", "such", "same", "low", "high"];
    const NOUNS_IN_LY: &[&str] = &["family", "ally", "assembly", "supply", "reply", "monopoly", "bully", "rally"];
    let words: Vec<String> = source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else { return true };
    let lone_lower = words.len() == 1 && source.trim_start().starts_with(|c: char| c.is_lowercase());
    (lone_lower && ((first.ends_with("ly") && !NOUNS_IN_LY.contains(&first.as_str())) || FUNCTION.contains(&first.as_str())))
        || matches!(first.as_str(), "having" | "being")
        || words.iter().all(|w| DETERMINERS.contains(&w.as_str()))
}

/// Where the tagger's source cannot be a speaker ("jointly", "its needs") or it found none, and
/// the rules found one for the same content, the rules' source and cue are taken; a tagger
/// source that names no one at all (`names_no_one`) is dropped. A rules' source inside the
/// tagger's is no better reading but a part of the phrase the rules could not read whole
/// ("[Both Democrats and] Republicans", "[Nine in] 10 registered voters", "[Aides to]
/// Clinton"), so the tagger's stands.
fn prefer_rule_sources(text: &str, tagged: &mut [Statement], rules: &[Statement]) {
    for t in tagged.iter_mut() {
        if t.source.is_some_and(|s| speaker_like(text, s) && !object_of_adjunct(text, s)) && !source_is_told(text, t) {
            continue;
        }
        let best = rules
            .iter()
            .filter(|r| r.source.is_some_and(|x| !object_of_adjunct(text, x)) && r.cue.is_some() && r.content.overlaps(t.content))
            .max_by_key(|r| r.content.end.min(t.content.end).saturating_sub(r.content.start.max(t.content.start)))
            .filter(|r| !t.source.zip(r.source).is_some_and(|(tagged_source, rule_source)| tagged_source.contains(rule_source)));
        if let Some(r) = best {
            t.source = r.source;
            t.cue = r.cue;
        } else if t.source.is_some_and(|s| names_no_one(s.of(text)) || object_of_adjunct(text, s)) || source_is_told(text, t) {
            // the statement stands (its cue and content may be right); its source is no one
            t.source = None;
            t.confidence = t.confidence.min(0.7);
        }
    }
}

/// Whether the source is the one told, right after a verb of telling ("..., the coach, Marta
/// Silva, told [reporters] at the training ground"): a listener, never the speaker.
fn source_is_told(text: &str, t: &Statement) -> bool {
    let (Some(cue), Some(source)) = (t.cue, t.source) else { return false };
    source.start >= cue.end
        && text[cue.end..source.start].trim().is_empty()
        && cue_verb(text, cue).is_some_and(|v| lexicon::cue_class(&v) == Some(lexicon::CueClass::Tell))
}

/// Keeps one statement of each cue and content: the tagger can read one attribution twice, once
/// with each noun phrase beside the cue as its source.
fn drop_repeated_readings(tagged: &mut Vec<Statement>) {
    // of two readings, the one with a source
    let sourced: std::collections::HashSet<(Span, Span)> =
        tagged.iter().filter(|t| t.source.is_some()).filter_map(|t| Some((t.cue?, t.content))).collect();
    let mut seen = std::collections::HashSet::new();
    tagged.retain(|t| {
        let Some(cue) = t.cue else { return true };
        let key = (cue, t.content);
        !(t.source.is_none() && sourced.contains(&key)) && seen.insert(key)
    });
}

/// A sentence that carries on a speaker's words ("China and Pakistan have been supporting each
/// other") may look like an attribution of its own to the tagger. When the rules read it as the
/// speaker's floating continuation and the tagger's cue is no verb of speech or thought (or its
/// source cannot be a speaker: "according to its needs"), the tagger's reading is dropped and
/// the floating statement stays. A headline around a colon, a `NAME:` transcript line or a signed quotation is the
/// rules' reading alone.
fn drop_inner_attributions(text: &str, tagged: &mut Vec<Statement>, rules: &[Statement]) {
    let speech_cue = |s: &Statement| {
        s.cue.is_some_and(|c| !lexicon::is_coordinated_infinitive(text, c) && cue_words(text, c).any(|w| cue_class(&w).is_some()))
    };
    // "Trump wants to ...", "Limbaugh continued: ...": the sentence's own subject with a verb the
    // training data often uses as a cue is an attribution of its own, not a continuation
    let subject_cue = |t: &Statement, sentence: Span| {
        let learned = |c: Span| tagger::default_model().is_some_and(|m| cue_verb(text, c).is_some_and(|v| tagger::is_learned_cue(m, &v)));
        let opens = |x: Span| {
            let lead = text[sentence.start..x.start.max(sentence.start)].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            lead.is_empty() || matches!(lead.as_str(), "but" | "and" | "so" | "yet" | "still")
        };
        // ... that introduces words or thoughts ("wants to", "continued:", "believes that"),
        // not a thing done ("has provided many batches of aid")
        let introduces = |c: Span| {
            let after = text[c.end.min(text.len())..].trim_start();
            after.starts_with([':', '"', '“', '\'', '‘', ','])
                || after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(w, "that" | "to" | "whether" | "if" | "how" | "what" | "why" | "when"))
        };
        t.cue.is_some_and(|c| learned(c) && introduces(c))
            && t.source.is_some_and(|x| x.start >= sentence.start && opens(x) && speaker_like(text, x))
    };
    // (sorted out once, not for every tagger reading: an article of one long paragraph has
    // thousands of both)
    // (a Q&A turn holds readings of its own: "A: ... I just saw that new ad ...")
    let structural_rules: Vec<&Statement> = rules.iter().filter(|r| is_structural(text, r) && !is_qa_turn(text, r)).collect();
    let floating_rules: Vec<&Statement> = rules.iter().filter(|r| r.kind == StatementKind::Floating).collect();
    tagged.retain(|t| {
        let structural =
            structural_rules.iter().any(|r| r.content.overlaps(t.content) || t.cue.is_some_and(|c| r.cue.is_some_and(|rc| rc.overlaps(c))));
        let continues = floating_rules.iter().find(|r| r.content.overlaps(t.content));
        !structural
            && continues.is_none_or(|f| (speech_cue(t) && t.source.is_none_or(|x| speaker_like(text, x))) || subject_cue(t, f.content))
    });
}

/// Drops the tagger's readings whose cue has no word that can head one: no verb of speech,
/// thought, evaluation or will (`lexicon::may_head_cue`), no "according to", no colon, and no
/// last word the training data uses as a cue ("cited", "continued"). Hashed features put a
/// cue on a verb of any kind now and then ("was replaced at half-time by", "stabbed", "were
/// arrested"); such a reading reports no one's words.
fn drop_headless_cues(text: &str, model: &tagger::Model, tagged: &mut Vec<Statement>) {
    tagged.retain(|t| t.cue.is_none_or(|c| has_cue_head(text, c, &|w| tagger::is_learned_cue(model, w))));
}

/// Prepositions that open where or how something was said, not what: "said [on] Fox News",
/// "said [as] he left", "says [into] the microphone".
const SETTING_PREPOSITIONS: [&str; 9] = ["on", "as", "at", "in", "into", "outside", "during", "via", "from"];

/// The cue without a preposition it ends on after a verb of saying and any time words
/// ("said Thursday morning [on]"): the preposition opens the setting of the words, which is
/// not part of the cue. After other verbs it belongs to the verb ("called on", "seized on",
/// "known as"), and is kept.
fn without_trailing_setting(text: &str, cue: Span) -> Span {
    let words = tokenize(text, cue);
    let Some((last, before)) = words.split_last() else { return cue };
    let preposition = last.text(text).to_lowercase();
    // "said [of] the election", "said [about] Trump": after "say" these open the topic
    let topic = matches!(preposition.as_str(), "of" | "about");
    if !SETTING_PREPOSITIONS.contains(&preposition.as_str()) && !topic {
        return cue;
    }
    let is_time_word =
        |w: &str| lexicon::WEEKDAYS.contains(&w) || lexicon::is_part_of_day(w) || matches!(w, "today" | "yesterday" | "tonight");
    let head = before.iter().rev().map(|w| w.text(text).to_lowercase()).find(|w| !is_time_word(w));
    let takes = |head: &str| if topic { matches!(head, "said" | "says" | "say" | "saying") } else { lexicon::is_saying(head) };
    match (head, before.last()) {
        (Some(head), Some(kept)) if takes(&head) => Span::new(cue.start, kept.span.end),
        _ => cue,
    }
}

/// Whether the words of `cue` can be a cue (see [`drop_headless_cues`]); `learned` says whether
/// the training data uses a (lower-case) word as a cue.
fn has_cue_head(text: &str, cue: Span, learned: &dyn Fn(&str) -> bool) -> bool {
    cue_words(text, cue).any(|l| lexicon::may_head_cue(&l) || l == "according" || l == ":")
        || cue_verb(text, cue).is_some_and(|v| learned(&v))
}

/// The tokens of a cue, lower-cased ("has", "said").
fn cue_words(text: &str, cue: Span) -> impl Iterator<Item = String> + '_ {
    tokenize(text, cue).into_iter().map(move |t| t.text(text).to_lowercase())
}

/// The verb of a cue, its last word, in lower case: "also" and "has" in "also has provided" are
/// cue words in the training data only because they stand inside cues ("also said").
fn cue_verb(text: &str, cue: Span) -> Option<String> {
    tokenize(text, cue).iter().rev().find(|w| w.kind == onrecord_segment::TokenKind::Word).map(|w| w.text(text).to_lowercase())
}

/// A tagger cue that found no content of its own shares a neighbour's (`assemble`): in `He
/// said A, adding, "B." The spokesperson said, C.` the second "said" may take "B" when the
/// tagger reads no content in C. When the rules read that cue with a content no tagger
/// reading covers, the cue is theirs: it introduces those words, not words another cue has.
fn take_rule_contents_for_shared_cues(tagged: &mut [Statement], rules: &[Statement]) {
    // (indexed: an article of one long paragraph has thousands of readings of each kind)
    let contents = onrecord_model::SpanIndex::new(tagged.iter().map(|t| t.content));
    let mut shared: rustc_hash::FxHashMap<Span, usize> = rustc_hash::FxHashMap::default();
    for t in tagged.iter() {
        *shared.entry(t.content).or_default() += 1;
    }
    // the rules' cues (a reading without one has an empty span, which overlaps nothing)
    let rule_cues = onrecord_model::SpanIndex::new(rules.iter().map(|r| r.cue.unwrap_or_default()));
    for t in tagged.iter_mut() {
        let Some(cue) = t.cue else { continue };
        if shared[&t.content] < 2 {
            continue;
        }
        // the first in the rules' order
        let own = rule_cues
            .overlapping(cue)
            .filter(|&i| {
                let r = &rules[i];
                r.cue.is_some() && !matches!(r.kind, StatementKind::Floating) && contents.overlapping(r.content).next().is_none()
            })
            .min()
            .map(|i| &rules[i]);
        if let Some(r) = own {
            t.content = r.content;
            t.kind = r.kind;
            t.source = t.source.or(r.source);
        }
    }
}

/// `China "does not accept" Japan's claim`: a possessive and its noun right after a content
/// ("Japan's claim") are the object of the content's verb, not an attribution whose words
/// came before it (a claim's own words come after it: "Japan's claim that ..."). The reading
/// is dropped, and the readings of that content run on over the noun phrase.
fn fold_possessive_objects(text: &str, tagged: &mut Vec<Statement>) {
    let is_object = |t: &Statement| {
        let (Some(source), Some(cue)) = (t.source, t.cue) else { return false };
        ends_possessive(source.of(text))
            && t.content.end <= source.start
            && text[t.content.end..source.start].chars().all(|c| c == ' ' || c == '"' || c == '”' || c == '\'' || c == '’')
            && text.get(source.end..cue.start).is_some_and(|gap| gap.trim().is_empty())
            && !cue.of(text).contains(char::is_whitespace)
    };
    // each folded content and where its noun phrase ends (the first object read of it)
    let mut folded: rustc_hash::FxHashMap<Span, usize> = rustc_hash::FxHashMap::default();
    for t in tagged.iter().filter(|t| is_object(t)) {
        if let Some(cue) = t.cue {
            folded.entry(t.content).or_insert(cue.end);
        }
    }
    if folded.is_empty() {
        return;
    }
    tagged.retain(|t| !is_object(t));
    for t in tagged.iter_mut() {
        if let Some(&end) = folded.get(&t.content) {
            t.content = Span::new(t.content.start, end);
        }
    }
}

/// `Iran will respond "decisively" to any attack, spokesman Nasser Kanaani said Monday.`: the
/// tagger may read an attribution inside the words ("Iran will respond") and give the outer
/// cue only what follows the inner one. Where both readings share that content and the rules
/// read the outer cue with a content from the inner source on, the outer reading takes the
/// rules' content; the inner reading stays, nested in it.
fn take_rule_contents_around_inner_readings(tagged: &mut [Statement], rules: &[Statement]) {
    // (by where the cue starts: the tagger's may run on over its setting, "said Monday")
    let rule_of_cue: rustc_hash::FxHashMap<usize, Span> =
        rules.iter().filter(|r| r.kind != StatementKind::Floating).filter_map(|r| r.cue.map(|c| (c.start, r.content))).collect();
    // each inner reading's content and where its source starts (a set: an article of one long
    // paragraph has thousands of readings)
    let inner: rustc_hash::FxHashSet<(Span, usize)> = tagged
        .iter()
        .filter_map(|t| {
            let (source, cue) = (t.source?, t.cue?);
            (source.end <= cue.start && cue.end <= t.content.start).then_some((t.content, source.start))
        })
        .collect();
    for t in tagged.iter_mut() {
        let Some(cue) = t.cue.filter(|c| c.start >= t.content.end) else { continue };
        let Some(&rule_content) = rule_of_cue.get(&cue.start) else { continue };
        let opens_inner = rule_content.end >= t.content.end && inner.contains(&(t.content, rule_content.start));
        if opens_inner {
            t.content = rule_content;
        }
    }
}

/// "Russia will respond to the new sanctions, spokeswoman X said at a briefing": where the
/// rules read the same source and cue verb with a content that holds the tagger's and shares
/// its edge at the cue, the tagger stopped short of where the clause opens.
fn take_rule_contents_that_hold_the_taggers(text: &str, tagged: &mut [Statement], rules: &[Statement]) {
    let by_attribution: rustc_hash::FxHashMap<(usize, Span), Span> =
        rules.iter().filter(|r| r.kind != StatementKind::Floating).filter_map(|r| Some(((r.cue?.start, r.source?), r.content))).collect();
    for t in tagged.iter_mut() {
        let (Some(cue), Some(source)) = (t.cue, t.source) else { continue };
        let Some(&rule_content) = by_attribution.get(&(cue.start, source)) else { continue };
        // (only before the cue: after it, the tagger's end is the better, "..., saying")
        let before_cue = t.content.end <= cue.start && rule_content.end == t.content.end;
        // (within the sentence: not back over an earlier quotation and its own attribution)
        let same_sentence = || {
            let gap = &text[rule_content.start..t.content.start];
            !gap.char_indices().any(|(i, c)| matches!(c, '!' | '?' | '\n') || (c == '.' && full_stop_ends_sentence(gap, i)))
        };
        if rule_content != t.content && rule_content.contains(t.content) && before_cue && same_sentence() {
            t.content = rule_content;
        }
        // "..., spokesman X was quoted as saying [by state media on Monday]": what the tagger
        // read after the cue is where and by whom it was said, and the rules' words come before
        let first = t.content.of(text).split_whitespace().next().unwrap_or_default().to_lowercase();
        let setting = SETTING_PREPOSITIONS.contains(&first.as_str()) || first == "by";
        if t.content.start >= cue.end && setting && rule_content.end <= source.start.min(cue.start) {
            t.content = rule_content;
        }
    }
}

/// "According to a joint statement released after the summit, the six countries agreed to
/// ...": an "according to" phrase is an attribution, not the words of the verb after it (the
/// tagger read "agreed" with the phrase for its content). The rules' reading of that phrase,
/// whose cue opens where the tagger's content does, replaces it.
fn take_rule_readings_of_according_phrases(text: &str, tagged: &mut [Statement], rules: &[Statement]) {
    let according_at: rustc_hash::FxHashMap<usize, &Statement> =
        rules.iter().filter_map(|r| r.cue.filter(|c| c.of(text).eq_ignore_ascii_case("according to")).map(|c| (c.start, r))).collect();
    for t in tagged.iter_mut() {
        if t.cue.is_some_and(|c| c.start == t.content.start) {
            continue;
        }
        if let Some(&r) = according_at.get(&t.content.start) {
            *t = r.clone();
        }
    }
}

/// "Lord Cameron told his Iranian counterpart in a phone call that ...": where the rules read
/// the same source and content with a verb of saying for their cue, and the tagger's cue has
/// no verb a cue can have and is a noun after its article ("a phone call"), the verb is the cue.
/// ("People briefed on the talks were adamant that ...": not a noun, and not "briefed".)
fn take_rule_verbs_for_verbless_cues(text: &str, tagged: &mut [Statement], rules: &[Statement]) {
    let by_reading: rustc_hash::FxHashMap<(Span, Span), Span> =
        rules.iter().filter_map(|r| Some(((r.content, r.source?), r.cue?))).collect();
    for t in tagged.iter_mut() {
        let (Some(cue), Some(source)) = (t.cue, t.source) else { continue };
        let Some(&rule_cue) = by_reading.get(&(t.content, source)) else { continue };
        let verb = |c: Span| cue_words(text, c).any(|w| lexicon::cue_class(&w).is_some());
        let word_before = text[..cue.start].split_whitespace().next_back().unwrap_or_default().to_lowercase();
        let noun = matches!(word_before.as_str(), "a" | "an" | "the" | "his" | "her" | "its" | "their");
        if rule_cue != cue && noun && !verb(cue) && cue_verb(text, rule_cue).is_some_and(|v| lexicon::is_saying(&v)) {
            t.cue = Some(rule_cue);
        }
    }
}

/// "..., said Sun's chief operating officer Jonathan Schwartz.": a tagger reading with no
/// source whose content is, as the rules read the same cue, its source, read the speaker as
/// the words. The rules' reading (the words before the cue, the speaker after it) replaces it.
fn take_rule_readings_of_inverted_sources(tagged: &mut [Statement], rules: &[Statement]) {
    for t in tagged.iter_mut().filter(|t| t.source.is_none()) {
        let Some(cue) = t.cue else { continue };
        let inverted = rules.iter().find(|r| {
            r.cue.is_some_and(|rc| rc.overlaps(cue))
                && r.source.is_some_and(|rs| rs.overlaps(t.content) && rs.start >= cue.end)
                && r.content.end <= cue.start
        });
        if let Some(r) = inverted {
            t.content = r.content;
            t.source = r.source;
            t.kind = r.kind;
        }
    }
}

/// A turn of a Q&A ("Q: ...", "A: ..."): a transcript line whose answers hold readings of their
/// own, which an interview's annotation marks inside it.
fn is_qa_turn(text: &str, s: &Statement) -> bool {
    s.kind == StatementKind::Transcript && s.source.is_some_and(|x| matches!(x.of(text), "Q" | "A"))
}

/// A statement the page's layout attributes, not a verb: a headline around a colon, a
/// transcript line, a quotation signed with a dash. The rules' reading of it is the only one.
fn is_structural(text: &str, s: &Statement) -> bool {
    matches!(s.kind, StatementKind::Headline | StatementKind::Transcript) || s.cue.is_some_and(|c| rules::is_signature_cue(text, c))
}

/// `primary`'s statements, plus those of `extra` whose content overlaps none of them. One
/// content is one statement: two cues the tagger found for the same words (and given the same
/// source by the rules) are not said twice.
fn merge(mut primary: Vec<Statement>, extra: Vec<Statement>) -> Vec<Statement> {
    let taken: Vec<Span> = primary.iter().map(|s| s.content).collect();
    primary.extend(extra.into_iter().filter(|s| !taken.iter().any(|t| t.overlaps(s.content))));
    primary.sort_by_key(|s| (s.content.start, s.content.end));
    primary.dedup_by(|later, first| later.content == first.content && (later.source == first.source || later.source.is_none()));
    primary
}

pub(crate) fn rules_attribute(article: &Article, live: &Live) -> Vec<Statement> {
    let text = &article.text;
    let headline_para = article.headline_paragraph();

    // the readings of layout first: where a sentence reading has the same content, they win
    let mut out: Vec<Statement> = Vec::new();
    if let Some(h) = headline_para {
        out.extend(rules::headline(text, h.span));
    }
    out.extend(rules::signed_quotes(text, &live.quotes));
    let transcript = rules::transcript_lines(text, &live.paragraphs);
    // (the sentences of a Q&A turn are read as well: its answers report others' words)
    let in_transcript = |s: Span| {
        transcript.iter().filter(|t| !is_qa_turn(text, t)).any(|t| t.content.overlaps(s) || t.source.is_some_and(|x| x.overlaps(s)))
    };
    let mut reader = rules::Reader::new(text, &live.quotes);
    for sent in &live.sentences {
        if headline_para.is_some_and(|h| h.span.contains(sent.span)) || in_transcript(sent.span) {
            reader.break_chain();
            continue;
        }
        let toks = live.sentence_tokens(text, sent.span);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules alone (as when no model loads, and as the tagger's hints) put the speaker after
    /// "said" before the one told ("to supporters"), and not before an object's infinitive.
    #[test]
    fn the_rules_invert_a_speaker_before_whom_it_is_told_not_before_an_infinitive() {
        let text = "Rally\n\nThe economy will recover by spring, said Governor Ana Ruiz to supporters in Austin.\n\n\
                    The statement, issued by France and Britain on Sunday, urged Iran to halt its enrichment.";
        let a = onrecord_clean::clean("t".into(), "t".into(), text.into(), onrecord_clean::Given::default());
        let rules = rules_attribute(&a, &Live::of(&a));
        let source_of = |words: &str| rules.iter().find(|s| s.content.of(text).contains(words)).and_then(|s| s.source).map(|x| x.of(text));
        assert_eq!(source_of("economy will recover"), Some("Governor Ana Ruiz"), "{rules:#?}");
        assert!(!rules.iter().any(|s| s.source.is_some_and(|x| x.of(text) == "Iran")), "{rules:#?}");
    }

    /// The rules read each sentence's tokens out of the paragraph's: they must be the tokens of
    /// the sentence alone, also where a token of the paragraph runs over a sentence's edge.
    #[test]
    fn a_sentence_has_the_tokens_it_has_alone() {
        let texts = [
            include_str!("../../../examples/seeds/000_bb004311bd2bc8ad.txt"),
            include_str!("../../../examples/seeds/003_025c87b85e33775e.txt"),
            "He said so.“Fine,” she said. Talks with the U.S.Army went on.",
        ];
        for text in texts {
            let a = onrecord_clean::clean("t".into(), "t".into(), text.into(), onrecord_clean::Given::default());
            let live = Live::of(&a);
            assert!(live.sentences.len() > 2);
            for s in &live.sentences {
                assert_eq!(*live.sentence_tokens(&a.text, s.span), tokenize(&a.text, s.span), "{:?}", s.span.of(&a.text));
            }
        }
        // a sentence edge inside a token of the paragraph
        let a = onrecord_clean::clean("t".into(), "t".into(), "See the U.S.Army now.".into(), onrecord_clean::Given::default());
        let live = Live::of(&a);
        let inside = Span::new(a.text.find("Army").expect("in text"), a.text.len());
        assert_eq!(*live.sentence_tokens(&a.text, inside), tokenize(&a.text, inside));
    }

    /// The span of the first `w` in `text`.
    fn span_in(text: &str, w: &str) -> Span {
        let i = text.find(w).unwrap_or_else(|| panic!("{w:?} not in {text:?}"));
        Span::new(i, i + w.len())
    }

    #[test]
    fn a_cue_that_shares_a_content_takes_the_rules_reading_of_it() {
        let text =
            r#"He said ties were strong, adding, "We help each other." The spokesperson said, in the hardest time, Lisbon stood by us."#;
        let at = text.find("said, in").unwrap();
        let said = Span::new(at, at + 4);
        let st = |kind, cue: Span, content: &str| Statement::found(kind, span_in(text, content), Some(cue), None, 0.85);
        let quote = r#""We help each other.""#;
        let clause = "in the hardest time, Lisbon stood by us";
        let adding = st(StatementKind::Direct, span_in(text, "adding"), quote);
        let rules = vec![st(StatementKind::Indirect, said, clause)];
        let mut tagged = vec![adding.clone(), st(StatementKind::Direct, said, quote)];
        take_rule_contents_for_shared_cues(&mut tagged, &rules);
        assert_eq!(tagged[0].content.of(text), quote);
        assert_eq!(tagged[1].content.of(text), clause);
        assert_eq!(tagged[1].kind, StatementKind::Indirect);
        // the rules' content is not taken when the tagger already reads it elsewhere
        let mut read = vec![adding, st(StatementKind::Direct, said, quote), st(StatementKind::Indirect, said, clause)];
        take_rule_contents_for_shared_cues(&mut read, &rules);
        assert_eq!(read[1].content.of(text), quote);
    }

    #[test]
    fn a_headline_phrase_before_a_colon_is_no_speaker() {
        assert!(is_headline_phrase("Stealth Over Health"));
        assert!(is_headline_phrase("Storm in a Teacup"));
        assert!(!is_headline_phrase("Mao Ning"));
        assert!(!is_headline_phrase("Minister for Planning Ahsan Iqbal"));
        assert!(!is_headline_phrase("Secretary of State Antony Blinken"));
    }

    #[test]
    fn noun_phrases_coordinated_before_a_source_are_part_of_it() {
        let source = |text: &str, name: &str| with_coordinated_phrase(text, span_in(text, name)).of(text).to_string();
        assert_eq!(
            source("Federal and state officials said the two raised $350 million.", "state officials"),
            "Federal and state officials"
        );
        assert_eq!(source("It rained. But Mr. Grassley and Mr. Leahy say changes are needed.", "Mr. Leahy"), "Mr. Grassley and Mr. Leahy");
        assert_eq!(source("On Sunday, Mr. Rubio and Senator Ted Cruz urged calm.", "Senator Ted Cruz"), "Mr. Rubio and Senator Ted Cruz");
        assert_eq!(source("Analysts at Sina.com and Sohu.com say so.", "Sohu.com"), "Analysts at Sina.com and Sohu.com");
        // clauses, not subjects
        assert_eq!(source("Trump wants the votes and Pena Nieto wants to be a hero.", "Pena Nieto"), "Pena Nieto");
        assert_eq!(source("Trump turns 70 on Tuesday, and many Republicans seem to hope.", "many Republicans"), "many Republicans");
        assert_eq!(source("It's not, and Dayton says caucuses are undemocratic.", "Dayton"), "Dayton");
        assert_eq!(source("He scored two second-half penalties and Scotland were denied a try.", "Scotland"), "Scotland");
        assert_eq!(source("He played for Real Madrid and he said so.", "he"), "he");
        assert_eq!(source("In 2002 S&N and United agreed a deal.", "United"), "United");
        assert_eq!(source("State-owned Rosneft now owns Yugansk and Russia says so.", "Russia"), "Russia");
    }

    #[test]
    fn who_speaks_for_someone_is_part_of_the_source() {
        let text = "It was late.\n\nA spokeswoman for YouTube said so. A senior aide for Mr. Lee said so. He asked for Kim.";
        let source = |name: &str| with_speaking_for(text, span_in(text, name)).of(text).to_string();
        assert_eq!(source("YouTube"), "A spokeswoman for YouTube");
        assert_eq!(source("Mr. Lee"), "A senior aide for Mr. Lee");
        assert_eq!(source("Kim"), "Kim");
    }

    #[test]
    fn a_cue_takes_the_verb_contracted_onto_its_pronoun() {
        let text = "He’s not\u{a0}saying more. He’s comparing them. Collins, who’d previously endorsed Bush, left. Lee said so.";
        let cue = |w: &str| with_contracted_verb(text, span_in(text, w)).of(text).to_string();
        assert_eq!(cue("saying"), "’s not\u{a0}saying");
        assert_eq!(cue("He’s comparing"), "’s comparing");
        assert_eq!(cue("previously endorsed"), "’d previously endorsed");
        assert_eq!(cue("said"), "said");
    }

    #[test]
    fn a_pronoun_source_leaves_its_contracted_verb_to_the_cue() {
        let text = "He’s not saying. They're pointing out. Boyle's question stood. I've said so.";
        let source = |name: &str| without_contracted_verb(text, span_in(text, name)).of(text).to_string();
        assert_eq!(source("He’s"), "He");
        assert_eq!(source("They're"), "They");
        assert_eq!(source("I've"), "I");
        assert_eq!(source("Boyle's"), "Boyle's");
    }

    #[test]
    fn a_source_with_an_appositive_takes_its_closing_comma() {
        let text = "Rep. Elijah Cummings, the top Democrat on the committee, said so. Sen. Ann Lee, a Democrat said so.";
        let source = |name: &str| with_closing_comma(text, span_in(text, name)).of(text).to_string();
        assert_eq!(
            source("Rep. Elijah Cummings, the top Democrat on the committee"),
            "Rep. Elijah Cummings, the top Democrat on the committee,"
        );
        assert_eq!(source("Sen. Ann Lee, a Democrat"), "Sen. Ann Lee, a Democrat");
        assert_eq!(source("Rep. Elijah Cummings,"), "Rep. Elijah Cummings");
        assert_eq!(source("Rep. Elijah Cummings"), "Rep. Elijah Cummings");
    }

    #[test]
    fn a_discourse_idiom_reports_no_one() {
        let text = "Having said that, the team looks better. “That said, the graphics are fine.” Labour, needless to say, \
                    disagrees. It was, to say the least, odd. Lee said that the plan was fine. He said that, at least.";
        // the cue is the first word of `at`
        let idiom = |at: &str| {
            let s = span_in(text, at);
            let verb = at.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
            is_discourse_idiom(text, Span::new(s.start, s.start + verb.len()))
        };
        assert!(idiom("said that, the"));
        assert!(idiom("said, the graphics"));
        assert!(idiom("say, disagrees"));
        assert!(idiom("say the least"));
        assert!(!idiom("said that the plan"));
        assert!(!idiom("said that, at"));
    }

    #[test]
    fn a_content_does_not_end_on_a_word_that_opens_another_clause() {
        let text = "Lee said the law was unfair, which angered many. Kim said no one had come and";
        let cut = |content: &str| without_trailing_connective(text, span_in(text, content)).of(text);
        assert_eq!(cut("the law was unfair, which"), "the law was unfair");
        assert_eq!(cut("no one had come and"), "no one had come");
        assert_eq!(cut("the law was unfair"), "the law was unfair");
    }

    #[test]
    fn a_content_runs_around_an_attribution_set_off_by_commas() {
        // the content a reading of `sentence` (one sentence) gets, with its content, cue and
        // source at the first place each of their texts occurs
        let around = |sentence: &str, content: &str, cue: &str, source: &str| {
            let st = Statement::found(
                StatementKind::Indirect,
                span_in(sentence, content),
                Some(span_in(sentence, cue)),
                Some(span_in(sentence, source)),
                0.5,
            );
            let whole = [Sentence { span: Span::new(0, sentence.len()), paragraph: 0 }];
            around_parenthetical_attribution(sentence, &st, &whole, &[]).of(sentence).to_string()
        };
        // the first half read, or the second: the whole sentence, without its full stop
        let ohio = "Back in Ohio, Reyes said, she chose to run for mayor.";
        assert_eq!(around(ohio, "Back in Ohio", "said", "Reyes"), "Back in Ohio, Reyes said, she chose to run for mayor");
        let often = "Too often, she said, the council met in secret.";
        assert_eq!(around(often, "the council met in secret", "said", "she"), "Too often, she said, the council met in secret");
        // a clause after a semicolon: from the semicolon on
        assert_eq!(around("Costs rose; the rise, she said, was small.", "was small", "said", "she"), "the rise, she said, was small");
        // a source after its cue; a closing quote mark stays with its full stop
        let plan = "The plan, said Ms. Reyes, is \"dead.\"";
        assert_eq!(around(plan, "The plan", "said", "Ms. Reyes"), plan);
        // a first half said whole, carried on by a clause of its own or a participle, stays as it is
        assert_eq!(around("Rents rose, she said, and wages fell.", "Rents rose", "said", "she"), "Rents rose");
        assert_eq!(around("Rents rose, she said, adding that wages fell.", "Rents rose", "said", "she"), "Rents rose");
        // a content in the words after a main clause's cue is no half of a sentence
        assert_eq!(
            around("Lee accused Kim, who denied it, of lying.", "Kim, who denied it, of lying", "accused", "Lee"),
            "Kim, who denied it, of lying"
        );
        // nor one after the cue's object: the attribution is the main clause, with no halves
        let film = "Set in Leeds, the film tells the story of a nurse, who copes alone.";
        assert_eq!(around(film, "who copes alone", "tells", "the film"), "who copes alone");
    }

    #[test]
    fn a_quotation_goes_on_in_the_quotation_that_opens_the_next_sentence() {
        let text = "“We will not wait,” Reyes said on the show “Morning Live.” “The vote is Monday.”\n\n\
                    “It is late,” Kim said. Lee wrote back: “No.”\n\n\
                    “Wait,” Kim said. “Not now,” and left.";
        let paragraphs: Vec<Span> = {
            let mut at = 0;
            text.split("\n\n")
                .map(|p| {
                    let span = Span::new(at, at + p.len());
                    at += p.len() + 2;
                    span
                })
                .collect()
        };
        let quotes = find_quotes(text, &paragraphs);
        // `cue` is the word "said" where `cue_context` starts, or no cue when it is empty
        let reading = |content: &str, cue_context: &str, kind: StatementKind| {
            let cue = (!cue_context.is_empty()).then(|| {
                let at = span_in(text, cue_context).start;
                Span::new(at, at + "said".len())
            });
            Statement::found(kind, span_in(text, content), cue, None, 0.5)
        };
        let mut all = vec![
            reading("“We will not wait,”", "said on", StatementKind::Direct),
            reading("“The vote is Monday.”", "", StatementKind::Floating),
            reading("“It is late,”", "said. Lee", StatementKind::Direct),
            reading("“Wait,”", "said. “Not", StatementKind::Direct),
        ];
        through_following_quotation(text, &mut all, &quotes);
        let contents: Vec<&str> = all.iter().map(|s| s.content.of(text)).collect();
        // the floating reading of the second part is absorbed into the first
        assert_eq!(
            contents,
            [
                "“We will not wait,” Reyes said on the show “Morning Live.” “The vote is Monday.”",
                // a quotation after an attribution of its own, or one that is no whole sentence,
                // stays apart
                "“It is late,”",
                "“Wait,”",
            ]
        );
    }

    #[test]
    fn a_reported_content_does_not_end_mid_phrase() {
        let text = "Police said shots have been fired inside the center, and left. Lee said the plan was a good one. \
                    Kim said the talks would go on and Park said they would not.";
        let cues = [span_in(text, "said shots"), span_in(text, "Park said")];
        let run_on = |content: &str| through_dangling_end(text, span_in(text, content), false, &cues).of(text);
        assert_eq!(run_on("shots have been"), "shots have been fired inside the center");
        // a that-clause cut before its verb runs on through it
        let text2 = "Lee said that the bureau is investigating the case. Kim said that the law, which was old, stays.";
        let run_on2 = |content: &str| through_dangling_end(text2, span_in(text2, content), false, &[]).of(text2);
        assert_eq!(run_on2("that the bureau"), "that the bureau is investigating the case");
        // (not after a relative pronoun: the verb is the relative clause's)
        assert_eq!(run_on2("that the law, which"), "that the law, which");
        // a content that ends on a word that can end a clause stays as it is
        assert_eq!(run_on("the plan was a good one"), "the plan was a good one");
        assert_eq!(run_on("shots have been fired"), "shots have been fired");
        // not across another statement's cue
        assert_eq!(run_on("the talks would go on and"), "the talks would go on and");
    }

    #[test]
    fn a_cue_ends_before_the_setting_of_the_words() {
        let text = "Flynn said Thursday morning on Fox News that it was over. Lee said as he left that he would return. \
                    Lee said of the vote, \"It's over.\" \
                    Park called on voters to turn out. Cho is known as a hawk. Kim says into the microphone that he agrees.";
        let cue = |w: &str| without_trailing_setting(text, span_in(text, w)).of(text);
        assert_eq!(cue("said Thursday morning on"), "said Thursday morning");
        assert_eq!(cue("said as"), "said");
        assert_eq!(cue("says into"), "says");
        assert_eq!(cue("said of"), "said");
        // after other verbs the preposition is the verb's own
        assert_eq!(cue("called on"), "called on");
        assert_eq!(cue("known as"), "known as");
        assert_eq!(cue("said Thursday"), "said Thursday");
    }

    #[test]
    fn a_cue_needs_a_verb_of_speech_thought_or_will() {
        let text = "Smith was replaced at half-time by Jones. Lee has railed against the plan. According to Kim, \
                    it rained. Park also cited the rules. Cho spoke of reform. The trade deal stabbed them.";
        let learned = |w: &str| w == "cited";
        let head = |w: &str| has_cue_head(text, span_in(text, w), &learned);
        assert!(!head("was replaced at half-time by"));
        assert!(!head("stabbed"));
        assert!(head("has railed against"));
        assert!(head("According to"));
        assert!(head("also cited"));
        assert!(head("spoke of"));
    }

    #[test]
    fn adverbs_participles_and_bare_determiners_name_no_one() {
        for s in ["promptly", "together", "Having", "Having said", "the very", "That sort of", "The", "without", "whom", "please"] {
            assert!(names_no_one(s), "{s:?}");
        }
        for s in [
            "Mr. Obama", "police", "the family", "family", "he", "officials", "Trump's", "the Times", "Everyone", "Italy",
            "the low-income voters",
        ] {
            assert!(!names_no_one(s), "{s:?}");
        }
    }

    #[test]
    fn the_one_asked_and_the_medium_are_no_content() {
        let text = "He was asked to comment on the ruling, reports the agency. He said the court had erred.";
        let at = |w: &str| span_in(text, w);
        let statement = |content, cue, source| Statement::found(StatementKind::Indirect, content, Some(cue), source, 0.5);
        let asked = statement(Span::new(0, 2), at("was asked"), None);
        let said =
            statement(at("the court had erred"), at("said"), Some(Span::new(text.rfind("He").unwrap(), text.rfind("He").unwrap() + 2)));
        let mut found = vec![asked, said.clone()];
        drop_non_statements(text, &mut found);
        assert_eq!(found, vec![said]);
        assert!(is_bare_pronoun("He") && is_bare_pronoun("they,"));
        assert!(is_topic_phrase("About Chinese experts' visit to Pakistan to fight the pandemic"));
        assert!(!is_topic_phrase("About 4,000 people cross each day"));
        assert!(!is_topic_phrase("About half of the voters back the plan"));
        let text = "Boats were sent according to their needs.";
        let at = |w: &str| span_in(text, w);
        assert!(is_according_object(text, &statement(at("to their needs"), at("according"), None)));
        assert!(is_according_object(text, &statement(at("their needs"), at("according to"), None)));
        assert!(!is_according_object(text, &statement(at("Boats were sent"), at("according to"), Some(at("their needs")))));

        let text = "Foreign Minister Bilawal Bhutto Zardari agreed. Trump Says No.";
        assert!(cuts_a_name(text, Span::new(0, 7), None));
        assert!(!cuts_a_name(text, Span::new(0, 39), Some(Span::new(40, 46))));
        let trump = text.find("Trump").unwrap();
        assert!(!cuts_a_name(text, Span::new(trump, trump + 5), Some(Span::new(trump + 6, trump + 10))));

        // the speaker of an inverted cue, read again as a content with no cue in it
        let text = "China values the visit, said the spokesperson Zhao Lijian here at a briefing.";
        let at = |w: &str| span_in(text, w);
        let said = statement(at("China values the visit"), at("said"), Some(at("the spokesperson Zhao Lijian")));

        let speaker_again = statement(at("the spokesperson Zhao Lijian here at a briefing"), at("said"), None);
        let mut found = vec![said.clone(), speaker_again];
        drop_non_statements(text, &mut found);
        assert_eq!(found, vec![said]);

        // the medium of a statement, read as one of its own
        let text = "In a statement posted on its website, the ministry said the talks were useful.";
        let at = |w: &str| span_in(text, w);
        let medium = statement(at("its website"), at("statement posted on"), None);
        let said = statement(at("the talks were useful"), at("said"), Some(at("the ministry")));
        let mut found = vec![medium.clone(), said.clone()];
        drop_non_statements(text, &mut found);
        assert_eq!(found, vec![said.clone()]);
        // with no statement after it, or with a source of its own, it stays
        let mut alone = vec![medium.clone()];
        drop_non_statements(text, &mut alone);
        assert_eq!(alone.len(), 1);
        assert!(!is_bare_pronoun("him") && !is_bare_pronoun("He will go"));
    }

    #[test]
    fn names_coordinated_at_the_start_of_a_sentence_are_one_source() {
        let source_of = |text: &str, name: &str| with_coordinated_subject(text, span_in(text, name)).of(text).to_string();
        assert_eq!(source_of("Xi, Lula vow to deepen trade ties.", "Lula"), "Xi, Lula");
        assert_eq!(source_of("Talks end.\n\nMerkel and Macron said the deal would hold.", "Macron"), "Merkel and Macron");
        assert_eq!(source_of("It rained. Mr. Grassley and Mr. Leahy say changes are needed.", "Mr. Leahy"), "Mr. Grassley and Mr. Leahy");
        // an opening phrase, an adverb or a title before the name is no second speaker
        assert_eq!(source_of("In Brasilia, Lula said the talks went well.", "Lula"), "Lula");
        assert_eq!(source_of("However, Pagliano's lawyer has said he will not answer.", "Pagliano's lawyer"), "Pagliano's lawyer");
        assert_eq!(source_of("Railing Against Trump, Sanders Vows To Cut Tax Breaks", "Sanders"), "Sanders");
        assert_eq!(source_of("On Friday, Lula said the talks went well.", "Lula"), "Lula");
        // a comma joins names only before a verb that agrees with both
        assert_eq!(source_of("Ultimately, Mr. Clarke hopes to offset the costs.", "Mr. Clarke"), "Mr. Clarke");
        assert_eq!(source_of("Undaunted, Clarke said he would go on.", "Clarke"), "Clarke");
    }

    #[test]
    fn a_request_for_comment_is_no_content() {
        assert!(is_comment_request("a request for comment"));
        assert!(is_comment_request("repeated emails seeking comment on Friday"));
        assert!(is_comment_request("a phone call seeking comment"));
        // ten words after the marks that open it
        assert!(is_comment_request("— a request for comment went unanswered by his office Friday"));
        assert!(!is_comment_request("a request for comment went unanswered by his office on Friday"));
        assert!(!is_comment_request("the ministry would comment on the report next week"));
        assert!(!is_comment_request("a new law was needed"));
    }

    #[test]
    fn a_prompt_is_no_content_but_a_clause_after_it_is() {
        assert!(is_prompt_phrase("in response to a question"));
        assert!(is_prompt_phrase("in response to a question asked by a Dawn correspondent during her regular briefing"));
        assert!(is_prompt_phrase("responding to a query from reporters"));
        assert!(!is_prompt_phrase("in response to the attack, the army will stay on the border for a month"));
        assert!(!is_prompt_phrase("in reply to critics that the port would never pay for itself within ten years"));
        assert!(!is_prompt_phrase("the port will pay for itself"));
    }

    #[test]
    fn a_name_or_role_with_an_appositive_reads_as_a_speaker() {
        let like = |s: &str| speaker_like(s, Span::new(0, s.len()));
        assert!(like("Mr. Dahl, the harbour master,"));
        assert!(like("Anna Berg, a former Labour adviser who runs a consultancy in Oslo,"));
        assert!(like("Rep. Kari Holm (Labour), the party's fisheries spokesperson"));
        assert!(like("the spokesperson"));
        // what follows a comma does not make a non-speaker one
        assert!(!like("according to its needs, and"));
        assert!(!like("jointly"));
    }

    #[test]
    fn a_place_that_closes_an_adjunct_before_the_cue_is_no_source() {
        let t = "Director Ingrid Solberg, speaking at the annual meeting in Bergen, said that cargo volumes rose.";
        let at = |s: &str| t.find(s).unwrap();
        let bergen = Span::new(at("Bergen"), at(" said"));
        assert!(object_of_adjunct(t, bergen));
        // the subject itself, and a source after its cue, are no adjunct's object
        assert!(!object_of_adjunct(t, Span::new(0, at(", speaking") + 1)));
        assert!(!object_of_adjunct("\"We will,\" said Ana Costa, a fisher in Porto.", Span::new(14, 24)));
        let mut tagged = vec![Statement::found(
            StatementKind::Indirect,
            Span::new(at("that cargo"), t.len() - 1),
            Some(Span::new(at("said"), at("said") + 4)),
            Some(bergen),
            0.85,
        )];
        prefer_rule_sources(t, &mut tagged, &[]);
        assert_eq!(tagged[0].source, None);
    }

    #[test]
    fn a_rules_source_inside_the_taggers_does_not_replace_it() {
        let t = "Nine in 10 registered voters say the race is close. He said in reply to a question asked by a reporter at the briefing that talks would go on.";
        let reading = |source: &str, cue: &str, content: &str| {
            Statement::found(StatementKind::Indirect, span_in(t, content), Some(span_in(t, cue)), Some(span_in(t, source)), 0.85)
        };
        let rules = [reading("10 registered voters", "say", "the race is close"), reading("He", "said", "talks would go on")];
        let mut tagged = [
            // a phrase the rules read only in part: the tagger's whole phrase stands
            reading("Nine in 10 registered voters", "say", "the race is close"),
            // no speaker where the tagger put one: the rules' reading replaces it
            reading("a reporter at the briefing", "said", "talks would go on"),
        ];
        prefer_rule_sources(t, &mut tagged, &rules);
        assert_eq!(tagged[0].source.map(|s| s.of(t)), Some("Nine in 10 registered voters"));
        assert_eq!(tagged[1].source.map(|s| s.of(t)), Some("He"));
    }

    #[test]
    fn a_possessive_source_takes_who_speaks_for_its_owner() {
        let t = "Egypt's foreign ministry, however, said the filling was illegal. Clinton's attack on Trump showed anger.";
        let owned = |source: &str, cue: &str| with_possessed_noun(t, span_in(t, source), span_in(t, cue)).of(t).to_string();
        assert_eq!(owned("Egypt's", "said"), "Egypt's foreign ministry");
        // what the owner did is the cue's, not the source's
        assert_eq!(owned("Clinton's", "showed"), "Clinton's");
    }

    #[test]
    fn one_cue_introduces_one_content() {
        let t = "The two countries are old friends, the envoy said, and the port is a flagship project.";
        let cue = span_in(t, "said");
        let reading = |content: &str| Statement::found(StatementKind::Indirect, span_in(t, content), Some(cue), None, 0.9);
        let mut all = vec![
            reading("The two countries are old friends"),
            reading("The two countries are old friends, the envoy said, and the port is a flagship project"),
            // another cue's reading of the same words stays
            Statement::found(StatementKind::Indirect, span_in(t, "The two countries are old friends"), None, None, 0.5),
        ];
        drop_parts_of_same_cue_readings(t, &mut all);
        assert_eq!(all.len(), 2);
        assert!(all[0].content.of(t).ends_with("flagship project"));
        assert_eq!(all[1].cue, None);
        // where the cue ends on a preposition of setting, what follows it is where, not what
        let t = "\"The reports are baseless,\" the ministry said in a statement posted on its website.";
        let cue = span_in(t, "said in a statement posted on");
        let reading = |content: &str| Statement::found(StatementKind::Direct, span_in(t, content), Some(cue), None, 0.9);
        let mut all = vec![reading("\"The reports are baseless,\""), reading("its website")];
        drop_parts_of_same_cue_readings(t, &mut all);
        assert_eq!(all.len(), 1);
        assert!(all[0].content.of(t).contains("baseless"));
        // ... but "called on" takes what follows it
        let t = "The senator called on the government to act, aides said.";
        let cue = span_in(t, "called on");
        let mut all = vec![
            Statement::found(StatementKind::Indirect, span_in(t, "the government to act"), Some(cue), None, 0.9),
            Statement::found(StatementKind::Indirect, span_in(t, "The senator"), Some(cue), None, 0.5),
        ];
        drop_parts_of_same_cue_readings(t, &mut all);
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn a_relative_clause_source_takes_the_name_it_hangs_on() {
        let t = "The boats are idle.\n\nJo Lind, who has fished here for years, said the cut was too deep.";
        let rel = t.find("who").unwrap();
        let end = t.find(" said").unwrap();
        let s = with_relative_head(t, Span::new(rel, end));
        assert_eq!(s.of(t), "Jo Lind, who has fished here for years,");
        // nothing to hang on: left as it is
        let t = "the boats, who knows, will sail";
        let rel = t.find("who").unwrap();
        assert_eq!(with_relative_head(t, Span::new(rel, rel + 10)), Span::new(rel, rel + 10));
    }
}
