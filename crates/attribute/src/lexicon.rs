//! Cue words: verbs of speech, thought and evidence, with their inflections, and the words
//! that may stand around them.

use std::sync::LazyLock;

use onrecord_model::Span;
use rustc_hash::{FxHashMap, FxHashSet};

/// How a cue verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// `X said (that) ...`: the content is a clause.
    Speech,
    /// `X told Y (that) ...`: a recipient comes before the content.
    Tell,
    /// `X praised/rejected/expressed ...`: the object itself is the content.
    Object,
}

/// Base forms. Regular inflections are generated; irregular ones are listed in `IRREGULAR`.
const SPEECH: &[&str] = &[
    "say", "add", "reiterate", "stress", "note", "state", "explain", "claim", "argue", "insist", "warn", "announce", "declare", "assert",
    "affirm", "reaffirm", "confirm", "deny", "admit", "acknowledge", "suggest", "believe", "think", "report", "write", "tweet", "post",
    "predict", "estimate", "contend", "maintain", "emphasize", "emphasise", "underline", "underscore", "point", "recall", "complain",
    "caution", "concede", "conclude", "allege", "charge", "observe", "remark", "reply", "respond", "answer", "recount", "describe",
    "promise", "vow", "pledge", "hope", "fear", "worry", "reveal", "disclose", "indicate", "signal", "testify", "agree", "disagree",
    "joke", "quip", "boast", "brag", "mention", "highlight", "hint", "urge", "demand", "ask", "wonder", "learn", "feel", "expect", "know",
    "realize", "realise", "assure", "guarantee", "propose", "recommend", "declared", "counter", "retort", "elaborate", "lament",
    "acknowledge", "proclaim", "speculate", "surmise", "reckon", "figure", "find", "show", "prove", "imply", "mean", "add", "continue",
    "clarify", "stipulate", "specify", "contend", "question", "doubt",
];
const TELL: &[&str] = &["tell", "inform", "assure", "remind", "warn", "advise", "brief", "notify", "convince", "persuade"];
const OBJECT: &[&str] = &[
    "praise", "reject", "express", "condemn", "criticize", "criticise", "welcome", "applaud", "hail", "slam", "dismiss", "denounce",
    "blast", "commend", "lauded", "laud", "thank", "appreciate", "support", "oppose", "call", "describe", "voice", "accuse", "blame",
    "defend", "endorse", "convey",
];
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("write", &["write", "writes", "wrote", "written", "writing"]),
    ("think", &["think", "thinks", "thought", "thinking"]),
    ("know", &["know", "knows", "knew", "known"]),
    ("find", &["find", "finds", "found"]),
    ("show", &["show", "shows", "showed", "shown"]),
    ("mean", &["means", "meant"]),
    ("feel", &["feel", "feels", "felt"]),
    ("learn", &["learn", "learns", "learned", "learnt"]),
    ("hold", &["holds", "held"]),
];
/// Inflections that are too often something else to count as cues.
const NOT_CUES: &[&str] = &[
    "post", "posts", "posting", "point", "points", "pointing", "figure", "figures", "mean", "call", "calls", "support", "supports",
    "charge", "charges", "report", "question", "questions", "answer", "answers", "show", "shows", "hope", "fear", "fears", "doubt",
    "doubts", "reply", "state", "states", "find", "finds", "found", "signal", "signals", "continue", "continues", "continuing",
    "continued", "know", "proof", "expect", "find", "feel", "learn", "ask", "thank", "oppose", "opposes", "support", "supported",
    "supporting", "called", "calling", "described", "describing", "describe", "describes", "showed", "shown", "showing", "meant", "proved",
    "proves", "proving", "prove", "figured", "voice", "voices", "defend", "defends", "appreciate", "appreciates", "realize", "realise",
    "realizes", "believe", "thinking", "known", "knew", "knows", "learning", "hold", "holds", "held", "noted", "mentioned", "indicated",
    "mention", "indicate", "highlight", "highlights", "urge", "posted", "think", "agree", "say", "tell", "add", "hoping", "expected",
    "expecting", "worry", "worried", "worrying", "feeling", "charged", "charging", "answered", "questioned", "stated", "welcome",
    "welcomes", "welcomed", "welcoming",
];

fn inflect(base: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        return forms.iter().map(|s| s.to_string()).collect();
    }
    let mut v = vec![base.to_string()];
    if let Some(stem) = base.strip_suffix('e') {
        v.push(format!("{base}s"));
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if let Some(stem) = base.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{base}ing"));
    } else if base.ends_with(['s', 'x', 'h', 'z']) {
        v.push(format!("{base}es"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    } else if matches!(base, "admit" | "regret" | "commit" | "quip" | "slam" | "brag" | "refer") {
        let last = base.chars().last().unwrap_or('t');
        v.push(format!("{base}s"));
        v.push(format!("{base}{last}ed"));
        v.push(format!("{base}{last}ing"));
    } else {
        v.push(format!("{base}s"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    }
    v
}

static CUES: LazyLock<FxHashMap<String, CueClass>> = LazyLock::new(|| {
    // looked up for every word of every article: a fast hash, the keys are our own
    let mut m = FxHashMap::default();
    for (list, class) in [(OBJECT, CueClass::Object), (TELL, CueClass::Tell), (SPEECH, CueClass::Speech)] {
        for base in list {
            for form in inflect(base) {
                m.insert(form, class);
            }
        }
    }
    // Bare forms that are usually nouns or other senses; the core ones stay.
    for w in NOT_CUES {
        m.remove(*w);
    }
    for w in [
        "say", "says", "said", "saying", "tell", "tells", "told", "add", "adds", "added", "adding", "noted", "stated", "believe",
        "believes", "believed", "think", "thinks", "thought", "reported", "reports", "agree", "agreed", "agrees", "learned", "learnt",
        "asked", "asks", "urged", "urges", "mentioned", "indicated", "highlighted", "found", "showed", "shows", "welcomed", "described",
        "called",
    ] {
        let class = if ["tell", "tells", "told"].contains(&w) {
            CueClass::Tell
        } else if ["welcomed", "described", "called"].contains(&w) {
            CueClass::Object
        } else {
            CueClass::Speech
        };
        m.insert(w.to_string(), class);
    }
    m
});

/// Verbs of speech, will and attitude that PolNeAR reads as cues ("wants to", "protested that",
/// "spoke of", "railed against") but that the rules never take: alone, they seldom introduce
/// anyone's words.
const TAGGER_ONLY_CUES: &[&str] = &[
    "want", "wish", "assume", "fathom", "protest", "lambast", "exhort", "comment", "concur", "object", "swear", "suspect", "speak", "echo",
    "rail", "admire",
];

/// Every inflection of every verb above, the ambiguous ones included (`NOT_CUES` only keeps the
/// rules from reading "support", "know" or "report" alone as a cue).
static CUE_HEADS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    [SPEECH, TELL, OBJECT, TAGGER_ONLY_CUES]
        .into_iter()
        .flatten()
        .flat_map(|b| inflect(b))
        .chain(["swore", "sworn", "spoke", "spoken", "echoes", "echoed"].map(String::from))
        .collect()
});

/// Whether `word_lower` can head a cue: an inflection of a verb of speech, thought, evaluation,
/// will or reaction. The tagger's hashed features sometimes read a cue into a sentence with no
/// such verb ("was replaced at half-time by", "stabbed"); such a reading reports no one.
pub fn may_head_cue(word_lower: &str) -> bool {
    CUE_HEADS.contains(word_lower)
}

/// Verbs of saying proper: their complement reports the speaker's words, and the sentences after
/// it may carry those words on without a cue of their own ("He said China was ready ... China
/// had also provided ..."). Verbs of finding, believing, judging or demanding report a single
/// position, which the writer's next sentence does not continue.
const SAYING: &[&str] = &[
    "say", "add", "tell", "state", "note", "stress", "reiterate", "emphasize", "emphasise", "explain", "point", "underline", "underscore",
    "maintain", "insist", "assure", "recall", "highlight", "observe", "remark", "continue", "reaffirm", "affirm", "inform", "brief",
    "mention", "elaborate", "clarify", "claim", "argue", "assert", "contend",
];

static SAYING_FORMS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| SAYING.iter().flat_map(|b| inflect(b)).collect());

/// Whether `word_lower` is an inflection of a verb of saying proper (see `SAYING`).
pub fn is_saying(word_lower: &str) -> bool {
    SAYING_FORMS.contains(word_lower)
}

/// The class of a cue word (lower case), if it is one.
pub fn cue_class(word_lower: &str) -> Option<CueClass> {
    CUES.get(word_lower).copied()
}

/// Every cue word with its class.
pub(crate) fn cue_words() -> impl Iterator<Item = (&'static str, CueClass)> {
    CUES.iter().map(|(w, c)| (w.as_str(), *c))
}

/// Whether the cue word at `cue` is a bare infinitive joined to an earlier "to": "willing to
/// make efforts to prevent the spread and maintain security" (no one maintains that anything).
/// Reported speech in news is finite ("maintained", "maintains"); a base form after "and"/"or"
/// with a "to" shortly before it in the same sentence continues the infinitive, unless a
/// quotation or a that-clause follows it.
pub fn is_coordinated_infinitive(text: &str, cue: Span) -> bool {
    let word = cue.of(text).trim().to_lowercase();
    // past forms that do not end in -ed
    const IRREGULAR_PAST: [&str; 22] = [
        "said", "told", "wrote", "written", "spoke", "spoken", "thought", "knew", "known", "felt", "heard", "found", "saw", "seen", "gave",
        "given", "held", "meant", "taught", "swore", "sworn", "made",
    ];
    let base = !word.contains(' ')
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && (!word.ends_with('s') || word.ends_with("ss"))
        && !IRREGULAR_PAST.contains(&word.as_str());
    if !base {
        return false;
    }
    let before = &text[..cue.start.min(text.len())];
    let sentence = &before[before.rfind(['.', '!', '?', '\n', ';', ':']).map_or(0, |i| i + 1)..];
    let words: Vec<String> = sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let Some((prev, earlier)) = words.split_last() else { return false };
    // "... and think, 'This is their lives'": a quotation or a that-clause after it is speech
    // or thought, infinitive or not
    let after = text[cue.end.min(text.len())..].trim_start();
    let introduces = after.starts_with([',', ':', '"', '\'', '“', '‘'])
        || after.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("that"));
    !introduces && matches!(prev.as_str(), "and" | "or") && earlier.iter().rev().take(12).any(|w| w == "to")
}

/// Words that may stand before a cue verb and belong to the cue (`has expressed`, `had said`).
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
pub fn is_auxiliary(w: &str) -> bool {
    matches!(w, "has" | "have" | "had" | "is" | "was" | "were" | "are" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "did" | "does" | "do" | "'s" | "’s" | "be" | "been")
}

/// Adverbs that may stand between a subject and its cue without belonging to either.
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
pub fn is_cue_adverb(w: &str) -> bool {
    matches!(w, "also" | "further" | "again" | "repeatedly" | "earlier" | "recently" | "later" | "once" | "then" | "reportedly"
        | "previously" | "publicly" | "privately" | "separately" | "specifically" | "clearly" | "firmly" | "strongly" | "categorically"
        | "flatly" | "yesterday" | "today" | "tonight" | "frankly" | "openly" | "still" | "already" | "just" | "not" | "never" | "often"
        | "always" | "simply" | "bluntly" | "explicitly" | "emphatically")
}

pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The part of a day that may follow its weekday ("said Friday [afternoon]").
pub fn is_part_of_day(w: &str) -> bool {
    matches!(w, "morning" | "afternoon" | "evening" | "night")
}

/// Subject pronouns that can be a source.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "it" | "you")
}

/// Words that end a source noun phrase read forwards after an inverted cue (`said X here at ...`).
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
pub fn ends_trailing_source(w: &str) -> bool {
    matches!(w, "here" | "there" | "at" | "in" | "on" | "during" | "after" | "before" | "while" | "when" | "who" | "which" | "that"
        | "according" | "to" | "for" | "from" | "with" | "as" | "adding" | "noting" | "by" | "via" | "last" | "this" | "earlier"
        | "today" | "yesterday" | "tonight" | "late" | "early" | "and" | "but" | "recently" | "later" | "told" | "said")
}

/// Words that cannot be inside a source noun phrase (so a leftward scan stops before them).
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
pub fn breaks_source(w: &str) -> bool {
    matches!(w, "that" | "which" | "because" | "if" | "when" | "while" | "although" | "though" | "but" | "so" | "since" | "as"
        | "after" | "before" | "and" | "or" | "then" | "where" | "whether" | "what" | "how" | "why" | "unless" | "until" | "once"
        | "than" | "also" | "not" | "to" | "is" | "was" | "are" | "were" | "be" | "been" | "has" | "have" | "had" | "will"
        | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "did" | "do" | "does" | "said" | "says" | "say"
        | "told" | "about" | "on" | "in" | "at" | "for" | "with" | "into" | "from" | "by" | "over" | "under" | "it" | "this" | "these"
        | "there" | "here")
}
