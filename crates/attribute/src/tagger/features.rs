//! Features of each token for the tagger: hashed, so the model is a flat table of weights.
//!
//! Everything here is computed once per article in linear passes; nothing allocates per token.
//! The rows hold each feature's key (template and value) and one last pass mixes the keys into
//! hashes.

use onrecord_model::Statement;
use onrecord_segment::{Token, TokenKind};

use crate::lexicon::CueClass;
use crate::Live;

pub(crate) use super::word_hash::word_hash;
use super::word_hash::{fnv_ascii, fnv_char, normal_chars, FNV_OFFSET};

/// Hashed features per token (the length of each token's row in [`Features::hashes`]).
pub(crate) const N_FEATURES: usize = 41;

/// What the tagger knows of one token before looking at its neighbours.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenInfo {
    pub word: u64,
    pub suffix: u64,
    /// The word's WordNet classes ([`super::wordnet::Classes::get`]), 0 for punctuation.
    pub wn: u16,
    pub shape: Shape,
    /// 0 none; 1..=3 a [`CueClass`] from the hand lexicon; 4 a word the training data often
    /// uses as a cue.
    pub lex: u8,
    pub in_quote: bool,
    pub sentence: u32,
    pub sentence_start: bool,
    pub paragraph_start: bool,
    /// What the rules say of the token: 0 nothing, then B/I of source, cue, content (1..=6).
    pub rule: u8,
    /// The kind of the rules' statement the token belongs to (+1), or 0.
    pub rule_kind: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Shape {
    Lower,
    Capitalized,
    AllCaps,
    Digit,
    OpenQuote,
    CloseQuote,
    OtherQuote,
    Comma,
    Terminal,
    Colon,
    Semicolon,
    Dash,
    OpenParen,
    CloseParen,
    Other,
}

/// The token sequence of an article's live paragraphs (not repeats, not the dateline).
#[derive(Debug, Default)]
pub(crate) struct Sequence {
    pub tokens: Vec<Token>,
    pub infos: Vec<TokenInfo>,
}

/// Words that end with a dot that does not end a sentence.
#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Sgt" | "Jr" | "Sr" | "St" | "Prof" | "Rev"
            | "Hon" | "No" | "vs" | "Ft" | "Mt" | "Capt" | "Cmdr" | "Adm" | "Maj" | "Cpl" | "Pres" | "Supt" | "Det" | "Messrs"
            | "Jan" | "Feb" | "Mar" | "Apr" | "Aug" | "Sept" | "Sep" | "Oct" | "Nov" | "Dec" | "a.m" | "p.m" | "Calif" | "Fla" | "Mass" | "Wash"
    )
}

fn suffix_hash(w: &str) -> u64 {
    if w.is_ascii() {
        return fnv_ascii(FNV_OFFSET ^ 0x5u64, &w.as_bytes()[w.len().saturating_sub(3)..]);
    }
    let n = w.chars().count();
    normal_chars(w).skip(n.saturating_sub(3)).fold(FNV_OFFSET ^ 0x5u64, fnv_char)
}

fn shape_of(tok: &Token, t: &str, quote_edge: Option<bool>) -> Shape {
    match tok.kind {
        TokenKind::Quote => match quote_edge {
            Some(true) => Shape::OpenQuote,
            Some(false) => Shape::CloseQuote,
            None => Shape::OtherQuote,
        },
        TokenKind::Punct => match t {
            "," => Shape::Comma,
            "." | "?" | "!" | "…" => Shape::Terminal,
            ":" => Shape::Colon,
            ";" => Shape::Semicolon,
            "-" | "—" | "–" | "‐" => Shape::Dash,
            "(" | "[" => Shape::OpenParen,
            ")" | "]" => Shape::CloseParen,
            _ => Shape::Other,
        },
        TokenKind::Word => {
            let mut chars = t.chars();
            let first = chars.next().unwrap_or(' ');
            if t.chars().any(|c| c.is_ascii_digit()) {
                Shape::Digit
            } else if first.is_uppercase() {
                if t.chars().filter(|c| c.is_alphabetic()).count() > 1 && t.chars().all(|c| !c.is_lowercase()) {
                    Shape::AllCaps
                } else {
                    Shape::Capitalized
                }
            } else {
                Shape::Lower
            }
        }
    }
}

/// [`crate::lexicon::cue_class`] of a word by its [`word_hash`]: the lexicon's words have no digits or
/// typographic quote marks, so a word's hash is its lower case's (with `’` as `'`), and the
/// tagger has the hash of every token already.
fn cue_class_of_hash(word: u64) -> Option<CueClass> {
    static BY_HASH: std::sync::LazyLock<rustc_hash::FxHashMap<u64, CueClass>> =
        std::sync::LazyLock::new(|| crate::lexicon::cue_words().map(|(w, c)| (word_hash(w), c)).collect());
    BY_HASH.get(&word).copied()
}

/// Tokens of the live paragraphs, with what each one is. `cue_words` are the hashes of words the
/// training data often uses as cues (part of the model).
pub(crate) fn sequence(text: &str, live: &Live, hints: &[Statement], cue_words: &dyn Fn(u64) -> bool) -> Sequence {
    let quotes = &live.quotes;
    let tokens = live.tokens.clone();
    let para_first = &live.paragraph_tokens;
    let mut infos = Vec::with_capacity(tokens.len());
    let mut q = 0usize; // quotes are in text order, tokens too
    let mut pf = 0usize;
    let mut sentence = 0u32;
    let mut prev_terminal = false;
    let mut prev_abbrev = false;
    for (i, tok) in tokens.iter().enumerate() {
        let t = tok.span.of(text);
        while q < quotes.len() && quotes[q].span.end <= tok.span.start {
            q += 1;
        }
        let (in_quote, edge) = match quotes.get(q) {
            Some(qu) if qu.span.contains(tok.span) => {
                let edge = if tok.kind != TokenKind::Quote {
                    None
                } else if tok.span.start == qu.span.start {
                    Some(true)
                } else if tok.span.end == qu.span.end {
                    Some(false)
                } else {
                    None
                };
                (true, edge)
            }
            _ => (false, None),
        };
        let shape = shape_of(tok, t, edge);
        let paragraph_start = pf < para_first.len() && para_first[pf] == i;
        while pf < para_first.len() && para_first[pf] <= i {
            pf += 1;
        }
        let opens = matches!(shape, Shape::Capitalized | Shape::AllCaps | Shape::Digit | Shape::OpenQuote | Shape::OtherQuote);
        let sentence_start = i == 0 || paragraph_start || (prev_terminal && !prev_abbrev && opens);
        if sentence_start && i > 0 {
            sentence += 1;
        }
        let word = word_hash(t);
        let lex = if tok.kind == TokenKind::Word {
            match cue_class_of_hash(word) {
                Some(CueClass::Speech) => 1,
                Some(CueClass::Tell) => 2,
                Some(CueClass::Object) => 3,
                None => 0,
            }
        } else {
            0
        };
        match shape {
            Shape::Terminal => {
                prev_terminal = true;
                prev_abbrev = t == "." && i > 0 && is_abbreviation(tokens[i - 1].span.of(text));
            }
            Shape::CloseQuote | Shape::OtherQuote | Shape::CloseParen => {}
            _ => prev_terminal = false,
        }
        infos.push(TokenInfo {
            word,
            suffix: suffix_hash(t),
            wn: 0,
            shape,
            lex,
            in_quote,
            sentence,
            sentence_start,
            paragraph_start,
            rule: 0,
            rule_kind: 0,
        });
    }
    mark_classes(&tokens, &mut infos);
    mark_cue_words(&mut infos, cue_words);
    mark_hints(&tokens, &mut infos, hints);
    Sequence { tokens, infos }
}

/// The words' WordNet classes: looked up in a pass of their own, each asked for a few words
/// ahead, so the table's cache misses overlap.
fn mark_classes(tokens: &[Token], infos: &mut [TokenInfo]) {
    const AHEAD: usize = 8;
    let classes = super::wordnet::classes();
    for i in 0..infos.len() {
        if let Some(next) = infos.get(i + AHEAD) {
            classes.prefetch(next.word);
        }
        if tokens[i].kind == TokenKind::Word {
            infos[i].wn = classes.get(infos[i].word);
        }
    }
}

/// Marks the words the training data often uses as cues (`lex` 4) where the hand lexicon has
/// nothing to say.
pub(crate) fn mark_cue_words(infos: &mut [TokenInfo], cue_words: &dyn Fn(u64) -> bool) {
    for info in infos.iter_mut().filter(|i| i.lex == 0) {
        if cue_words(info.word) {
            info.lex = 4;
        } else if info.wn & 0xf == super::wordnet::COMMUNICATION {
            info.lex = 5;
        }
    }
}

/// Copies the rules' statements onto the tokens they cover.
fn mark_hints(tokens: &[Token], infos: &mut [TokenInfo], hints: &[Statement]) {
    for st in hints {
        let kind = st.kind as u8 + 1;
        for (span, b) in [(st.source, 1u8), (st.cue, 3), (Some(st.content), 5)] {
            let Some(span) = span else { continue };
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let mut k = first;
            while k < tokens.len() && tokens[k].span.end <= span.end {
                if infos[k].rule == 0 {
                    infos[k].rule = if k == first { b } else { b + 1 };
                    infos[k].rule_kind = kind;
                }
                k += 1;
            }
        }
    }
}

#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A feature's key before mixing: its template and value. The rows hold keys until
/// [`mix_keys`] turns them all into hashes in one pass.
#[inline]
fn f(template: u64, value: u64) -> u64 {
    value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Turns each key of the rows into its hash. One pass over the whole buffer, which the
/// compiler vectorises: with AVX-512, eight keys per multiply instead of one.
fn mix_keys(keys: &mut [u64]) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx512dq") {
        // SAFETY: the CPU has AVX-512 DQ (and so F), checked just above.
        return unsafe { mix_keys_avx512(keys) };
    }
    mix_keys_portable(keys)
}

#[inline(always)]
fn mix_keys_portable(keys: &mut [u64]) {
    for k in keys {
        *k = mix(*k);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn mix_keys_avx512(keys: &mut [u64]) {
    mix_keys_portable(keys)
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.wrapping_add(0x632b_e59b_d9b4_e019)) ^ b
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

const NONE: u64 = 0x1234_5678_9abc_def1;
const BEFORE: u64 = 0x0bad_cafe_0000_0001;
const AFTER: u64 = 0x0bad_cafe_0000_0002;

/// Where the nearest cue-like word is within the token's sentence, on each side.
struct CueContext {
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
}

fn cue_context(infos: &[TokenInfo]) -> CueContext {
    let n = infos.len();
    let mut left = vec![None; n];
    let mut right = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if infos[i].sentence_start {
            last = None;
        }
        left[i] = last;
        if infos[i].lex != 0 {
            last = Some(i);
        }
    }
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        right[i] = next;
        if infos[i].lex != 0 {
            next = Some(i);
        }
        if infos[i].sentence_start {
            next = None;
        }
    }
    CueContext { left, right }
}

/// The hashed features of every token, `N_FEATURES` per token, in order.
pub(crate) fn features(seq: &Sequence, out: &mut Vec<u64>) {
    let infos = &seq.infos;
    let n = infos.len();
    out.clear();
    out.reserve(n * N_FEATURES);
    let ctx = cue_context(infos);
    let word = |i: isize| -> u64 {
        if i < 0 {
            BEFORE
        } else if i as usize >= n {
            AFTER
        } else {
            infos[i as usize].word
        }
    };
    let shape = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            99
        } else {
            infos[i as usize].shape as u64
        }
    };
    let lex = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            9
        } else {
            infos[i as usize].lex as u64
        }
    };
    let wn = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            0xffff
        } else {
            infos[i as usize].wn as u64
        }
    };
    let rule = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            9
        } else {
            infos[i as usize].rule as u64
        }
    };
    // Per-sentence facts: first word, first token, last token, whether it has quote marks.
    let mut sent_first = vec![0usize; n];
    let mut sent_last = vec![0usize; n];
    {
        let ends = infos.iter().enumerate().skip(1).filter(|(_, t)| t.sentence_start).map(|(i, _)| i).chain(std::iter::once(n));
        let mut start = 0;
        for end in ends {
            sent_first[start..end].fill(start);
            sent_last[start..end].fill(end.saturating_sub(1));
            start = end;
        }
    }
    // The index of the next quote mark after each token (n when none).
    let mut next_quote_mark = vec![n; n];
    for i in (0..n.saturating_sub(1)).rev() {
        next_quote_mark[i] =
            if matches!(infos[i + 1].shape, Shape::OpenQuote | Shape::CloseQuote) { i + 1 } else { next_quote_mark[i + 1] };
    }
    let mut last_punct = 99u64;
    let mut quote_seen = false;
    let mut sent_in_para = 0u64;
    // capitalised runs: whether the word after the run is cue-like
    let mut run_end_lex = vec![0u64; n];
    {
        let mut i = 0;
        while i < n {
            if matches!(infos[i].shape, Shape::Capitalized | Shape::AllCaps) {
                let s = i;
                while i < n && matches!(infos[i].shape, Shape::Capitalized | Shape::AllCaps) {
                    i += 1;
                }
                let after = if i < n { 1 + infos[i].lex as u64 } else { 0 };
                for r in run_end_lex.iter_mut().take(i).skip(s) {
                    *r = after;
                }
            } else {
                i += 1;
            }
        }
    }
    for i in 0..n {
        let me = &infos[i];
        if me.sentence_start {
            last_punct = 99;
            quote_seen = false;
            sent_in_para = if me.paragraph_start { 0 } else { (sent_in_para + 1).min(3) };
        }
        let ii = i as isize;
        let inq = me.in_quote as u64;
        let sh = me.shape as u64;
        let (dl, lw) = match ctx.left[i] {
            Some(j) => (bucket(i - j), infos[j].word),
            None => (8, NONE),
        };
        let (dr, rw) = match ctx.right[i] {
            Some(j) => (bucket(j - i), infos[j].word),
            None => (8, NONE),
        };
        let quote_later = next_quote_mark[i] <= sent_last[i];
        let to_end = sent_last[i] - i;
        let from_start = i - sent_first[i];
        let sentence_final = i + 1 >= n || infos[i + 1].sentence_start || (to_end <= 2 && infos[sent_last[i]].shape == Shape::Terminal);
        let row = [
            f(0, 0),
            f(1, me.word),
            f(2, word(ii - 1)),
            f(3, word(ii + 1)),
            f(4, word(ii - 2)),
            f(5, word(ii + 2)),
            f(6, pair(word(ii - 1), me.word)),
            f(7, pair(me.word, word(ii + 1))),
            f(8, me.suffix),
            f(9, shape(ii - 1) << 16 | sh << 8 | shape(ii + 1)),
            f(10, lex(ii - 1) << 16 | lex(ii) << 8 | lex(ii + 1)),
            f(11, inq << 8 | sh),
            f(12, (me.sentence_start as u64) << 2 | (sentence_final as u64) << 1 | me.paragraph_start as u64),
            f(13, dr),
            f(14, rw),
            f(15, dl),
            f(16, lw),
            f(17, inq << 2 | (quote_seen as u64) << 1 | quote_later as u64),
            f(18, last_punct << 8 | inq),
            f(19, pair(me.word, inq)),
            f(20, pair(me.word, lex(ii - 1))),
            f(21, dr << 16 | inq << 8 | sh),
            f(22, dl << 16 | inq << 8 | sh),
            f(23, pair(word(ii - 1), sh)),
            f(24, infos[sent_first[i]].word),
            f(25, run_end_lex[i] << 8 | sh),
            f(26, pair(word(ii + 1), word(ii + 2))),
            f(27, pair(word(ii - 2), word(ii - 1))),
            f(28, sent_in_para << 8 | inq),
            f(29, if i + 1 < n { infos[i + 1].suffix } else { AFTER }),
            f(30, bucket(from_start) << 8 | inq),
            f(31, bucket(to_end) << 8 | inq),
            f(32, dl << 8 | dr),
            f(33, pair(lw, dl) ^ pair(rw, dr << 3)),
            f(34, (me.rule as u64) << 8 | me.rule_kind as u64),
            f(35, rule(ii - 1) << 16 | (me.rule as u64) << 8 | rule(ii + 1)),
            f(36, pair(me.word, me.rule as u64)),
            f(37, (me.rule as u64) << 8 | inq << 4 | sentence_final as u64),
            f(38, wn(ii) << 8 | inq),
            f(39, wn(ii - 1) << 16 | wn(ii)),
            f(40, wn(ii + 1) << 8 | sh),
        ];
        debug_assert_eq!(row.len(), N_FEATURES);
        out.extend_from_slice(&row);
        match me.shape {
            Shape::Comma | Shape::Colon | Shape::Semicolon | Shape::Dash | Shape::OpenParen | Shape::CloseParen => last_punct = sh,
            Shape::OpenQuote | Shape::CloseQuote => quote_seen = true,
            _ => {}
        }
    }
    mix_keys(out);
}

/// Features the second stage adds to each token's row: the first stage's tags around it.
pub(crate) const N_STACKED: usize = 14;

fn runs_by_role(tags: &[super::Tag], role: super::Role) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i].role() == Some(role) {
            let s = i;
            while i < tags.len() && tags[i].role() == Some(role) {
                i += 1;
            }
            out.push((s, i - 1));
        } else {
            i += 1;
        }
    }
    out
}

/// For each token, the distance to the nearest run on its left and right (same sentence only).
fn nearest_runs(infos: &[TokenInfo], runs: &[(usize, usize)]) -> (Vec<u64>, Vec<u64>) {
    let n = infos.len();
    let mut left = vec![8u64; n];
    let mut right = vec![8u64; n];
    for &(s, e) in runs {
        let mut j = e + 1;
        while j < n && infos[j].sentence == infos[e].sentence && j - e <= 25 {
            left[j] = left[j].min(bucket(j - e));
            j += 1;
        }
        let mut j = s;
        while j > 0 && infos[j - 1].sentence == infos[s].sentence && s - (j - 1) <= 25 {
            j -= 1;
            right[j] = right[j].min(bucket(s - j));
        }
        for k in s..=e {
            left[k] = 0;
            right[k] = 0;
        }
    }
    (left, right)
}

/// Base features plus the stacked ones, `N_FEATURES + N_STACKED` per token: the second
/// stage's rows as training reads them.
pub(crate) fn with_stacked(seq: &Sequence, base: &[u64], tags: &[super::Tag], out: &mut Vec<u64>) {
    let mut only = Vec::new();
    stacked(seq, tags, &mut only);
    out.clear();
    out.reserve(base.len() + only.len());
    for (b, s) in base.chunks_exact(N_FEATURES).zip(only.chunks_exact(N_STACKED)) {
        out.extend_from_slice(b);
        out.extend_from_slice(s);
    }
}

/// The stacked features alone, `N_STACKED` per token (the tagger reads the base ones of both
/// stages in one pass; see `model::Fused`).
pub(crate) fn stacked(seq: &Sequence, tags: &[super::Tag], out: &mut Vec<u64>) {
    use super::Role;
    let infos = &seq.infos;
    let n = infos.len();
    out.clear();
    out.reserve(n * N_STACKED);
    let t = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            15
        } else {
            tags[i as usize] as u64
        }
    };
    let (cue_l, cue_r) = nearest_runs(infos, &runs_by_role(tags, Role::Cue));
    let (src_l, src_r) = nearest_runs(infos, &runs_by_role(tags, Role::Source));
    // Per sentence: roles at its edges, content seen so far, cue runs inside.
    let mut first_tag = vec![15u64; n];
    let mut last_tag = vec![15u64; n];
    let mut cues_in = vec![0u64; n];
    let mut content_after = vec![false; n];
    let mut s = 0;
    while s < n {
        let mut e = s + 1;
        while e < n && !infos[e].sentence_start {
            e += 1;
        }
        let last_word =
            (s..e).rev().find(|&k| !matches!(infos[k].shape, Shape::Terminal | Shape::CloseQuote | Shape::OtherQuote)).unwrap_or(e - 1);
        let cues = (s..e).filter(|&k| tags[k] == super::Tag::BCue).count().min(2) as u64;
        let mut later = false;
        for k in (s..e).rev() {
            content_after[k] = later;
            later |= tags[k].role() == Some(Role::Content);
        }
        for k in s..e {
            first_tag[k] = tags[s] as u64;
            last_tag[k] = tags[last_word] as u64;
            cues_in[k] = cues;
        }
        s = e;
    }
    let mut content_before = false;
    for i in 0..n {
        let me = &infos[i];
        if me.sentence_start {
            content_before = false;
        }
        let ii = i as isize;
        let t0 = t(ii);
        let row = [
            f(100, t0),
            f(101, t(ii - 1) << 8 | t(ii + 1)),
            f(102, t(ii - 2) << 8 | t(ii + 2)),
            f(103, pair(me.word, t0)),
            f(104, cue_l[i] << 8 | cue_r[i]),
            f(105, cue_l[i] << 16 | cue_r[i] << 8 | t0),
            f(106, src_l[i] << 8 | src_r[i]),
            f(107, first_tag[i] << 8 | last_tag[i]),
            f(108, (content_before as u64) << 2 | (content_after[i] as u64) << 1 | me.in_quote as u64),
            f(109, t0 << 8 | me.shape as u64),
            f(110, pair(me.word, t(ii - 1))),
            f(111, pair(t0, if i + 1 < n { infos[i + 1].word } else { AFTER })),
            f(112, cues_in[i] << 8 | t0),
            f(113, (content_before as u64) << 16 | cue_l[i] << 8 | t0),
        ];
        debug_assert_eq!(row.len(), N_STACKED);
        out.extend_from_slice(&row);
        content_before |= tags[i].role() == Some(Role::Content);
    }
    mix_keys(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The learned weights are keyed by the hashes: the vectorised pass must mix as the plain
    /// one does.
    #[test]
    fn keys_mix_alike_on_every_path() {
        let keys: Vec<u64> = (0..1000u64).map(|i| f(i % 41, i.wrapping_mul(0x2545_f491_4f6c_dd1d))).collect();
        let (mut fast, mut plain) = (keys.clone(), keys.clone());
        mix_keys(&mut fast);
        mix_keys_portable(&mut plain);
        assert_eq!(fast, plain);
        assert_eq!(plain, keys.iter().map(|&k| mix(k)).collect::<Vec<_>>());
    }

    /// A token's cue class by its hash is the lexicon's class of its lower case.
    #[test]
    fn cue_classes_by_hash_are_the_lexicons() {
        for w in ["Said", "SAYS", "told", "Tell", "insisted", "Stressed", "tree", "it’s", "s4id", "Reiterated", "according"] {
            let lower = w.to_lowercase().replace('’', "'");
            assert_eq!(cue_class_of_hash(word_hash(w)), crate::lexicon::cue_class(&lower), "{w}");
        }
        assert!(cue_class_of_hash(word_hash("Said")).is_some());
    }

    /// The learned weights are keyed by these hashes: the ASCII shortcut must hash exactly as
    /// the character path does.
    #[test]
    fn ascii_words_hash_as_their_characters_do() {
        for w in ["Said", "SPOKESPERSON", "2020", "rock`n", "a", "", "it's", "COVID-19"] {
            assert_eq!(word_hash(w), normal_chars(w).fold(FNV_OFFSET, fnv_char), "{w:?}");
            let n = w.chars().count();
            assert_eq!(suffix_hash(w), normal_chars(w).skip(n.saturating_sub(3)).fold(FNV_OFFSET ^ 0x5u64, fnv_char), "{w:?}");
        }
        // typographic apostrophes fold to the straight one either way
        assert_eq!(word_hash("it’s"), word_hash("it's"));
    }
}
