use chrono::NaiveDate;

use crate::Span;

/// What kind of attribution a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatementKind {
    /// Words in quote marks, with a cue (`"...," he said`).
    Direct,
    /// Reported speech (`X said (that) ...`, `according to X, ...`).
    Indirect,
    /// Reported speech with a quoted fragment inside.
    Mixed,
    /// A sentence that carries on the previous speaker's reported speech with no cue of its own.
    Floating,
    /// A headline that names its speaker around a colon (`Claim: Speaker`, `Speaker: Claim`).
    Headline,
    /// A transcript line (`WALLACE: ...`).
    Transcript,
}

impl StatementKind {
    pub const ALL: [StatementKind; 6] = [
        StatementKind::Direct,
        StatementKind::Indirect,
        StatementKind::Mixed,
        StatementKind::Floating,
        StatementKind::Headline,
        StatementKind::Transcript,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
            StatementKind::Floating => "floating",
            StatementKind::Headline => "headline",
            StatementKind::Transcript => "transcript",
        }
    }

    pub fn parse(s: &str) -> Option<StatementKind> {
        StatementKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who a statement is attributed to, resolved across the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Speaker {
    /// Canonical name ("Zhao Lijian", "China", "Senate of Pakistan").
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// One statement: who said what, in which words of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    pub content: Span,
    pub cue: Option<Span>,
    /// The source as written ("he", "The spokesperson").
    pub source: Option<Span>,
    pub speaker: Option<Speaker>,
    /// Countries, organisations and people the content is about, canonical names.
    pub about: Vec<String>,
    pub date: Option<NaiveDate>,
    pub confidence: f32,
}

impl Statement {
    /// A statement as the attribute stage finds it: who the speaker is, what the words are
    /// about and when they were said are the resolve stage's to fill.
    pub fn found(kind: StatementKind, content: Span, cue: Option<Span>, source: Option<Span>, confidence: f32) -> Statement {
        Statement { kind, content, cue, source, speaker: None, about: Vec::new(), date: None, confidence }
    }
}
