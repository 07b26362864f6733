//! Speakers as entities across the corpus: one key per person or body, whatever the casing or
//! the article that named it.

/// The key a speaker is known by across articles: lower case, single spaces, a leading "the"
/// dropped ("The Senate of Pakistan" and "Senate of Pakistan" are one).
pub fn speaker_key(name: &str) -> String {
    let folded = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    folded.strip_prefix("the ").map(str::to_string).unwrap_or(folded)
}

/// Whether a speaker's name describes unnamed people rather than naming someone: a phrase
/// with no capital ("people", "bank officials", "reports"), or one plural that is capitalised
/// only because it opens a sentence ("Analysts said ...", "Critics say ..."). Parties and
/// organisations ("Tories", "Labour", "the Senate") are named.
pub fn is_generic(name: &str) -> bool {
    #[rustfmt::skip] // a word list, packed
    const UNNAMED: &[&str] = &[
        "analysts", "critics", "experts", "officials", "observers", "residents", "witnesses", "sources", "economists", "investors",
        "campaigners", "protesters", "protestors", "scientists", "researchers", "doctors", "teachers", "parents", "fans", "voters",
        "users", "people", "reports", "figures", "studies", "polls", "surveys", "ministers", "mps", "diplomats", "activists",
        "lawyers", "executives", "insiders", "aides", "supporters", "opponents", "locals", "traders", "dealers", "others",
        "police", "organisers", "organizers", "bankers", "workers", "unions", "sources close",
    ];
    !name.chars().any(char::is_uppercase) || UNNAMED.contains(&name.trim().to_lowercase().as_str())
}

/// Whether two speaker keys may name one speaker: the same key, or a one-word name that is one
/// of the words of the other ("zhao" and "zhao lijian"). Statements are only linked across
/// articles when their speakers may be one, and a one-word speaker is merged into the one full
/// name the corpus knows it by (the store does that after each ingest run), so the test
/// must not depend on whether the merge has happened yet.
pub fn may_be_same(a: &str, b: &str) -> bool {
    let one_word_of = |short: &str, long: &str| !short.contains(' ') && long.split(' ').any(|w| w == short);
    a == b || one_word_of(a, b) || one_word_of(b, a)
}

/// Whether `name` reads as a person's full name that a one-word mention can stand for: two to
/// four words, each capitalised ("Zhao Lijian", "Bilawal Bhutto Zardari"; not "Senate of
/// Pakistan", not "the spokesperson").
pub fn is_full_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Senior Tories", "Rebel MPs": a capitalised adjective opening a sentence describes a group
    #[rustfmt::skip]
    let describes = |w: &str| matches!(w.to_lowercase().as_str(), "senior" | "junior" | "former" | "leading" | "top" | "rebel" | "some" | "many"
        | "other" | "several" | "young" | "fellow" | "most" | "few" | "all" | "both");
    (2..=4).contains(&words.len())
        && !describes(words[0])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
}

/// Whether a source as written is worth keeping as an alias of the speaker it resolved to: it
/// names them (shares a word with the name), rather than being "he" or "the spokesperson".
pub fn is_alias(source: &str, name: &str) -> bool {
    let name_words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| name_words.iter().any(|n| n == &w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_people_are_no_speaker_of_the_corpus() {
        for g in ["people", "bank officials", "Analysts", "Critics", "MPs", "reports"] {
            assert!(is_generic(g), "{g}");
        }
        for n in ["Zhao Lijian", "Tories", "Labour", "China", "the Senate of Pakistan", "Police Scotland", "eBay"] {
            assert!(!is_generic(n), "{n}");
        }
    }

    #[test]
    fn a_group_described_in_capitals_is_no_full_name() {
        assert!(is_full_personal_name("Zhao Lijian"));
        assert!(!is_full_personal_name("Senior Tories"));
        assert!(!is_full_personal_name("Rebel MPs"));
    }

    #[test]
    fn one_word_names_may_be_a_full_name() {
        assert!(may_be_same("zhao", "zhao lijian"));
        assert!(may_be_same("zhao lijian", "lijian"));
        assert!(may_be_same("zhao lijian", "zhao lijian"));
        assert!(!may_be_same("zhao lijian", "mao ning"));
        assert!(!may_be_same("zhao", "zhaoli jian"));
        assert!(!may_be_same("zhao lijian", "zhao wei"));
        assert!(is_full_personal_name("Zhao Lijian"));
        assert!(!is_full_personal_name("Senate of Pakistan"));
        assert!(!is_full_personal_name("Zhao"));
        assert!(!is_full_personal_name("the spokesperson"));
    }

    #[test]
    fn keys_fold_case_space_and_article() {
        assert_eq!(speaker_key("The  Senate of Pakistan"), speaker_key("senate of pakistan"));
        assert_eq!(speaker_key("Zhao Lijian"), "zhao lijian");
    }

    #[test]
    fn aliases_name_the_speaker() {
        assert!(is_alias("Chinese Foreign Ministry's Spokesperson Zhao Lijian", "Zhao Lijian"));
        assert!(is_alias("Zhao", "Zhao Lijian"));
        assert!(!is_alias("he", "Zhao Lijian"));
        assert!(!is_alias("The spokesperson", "Zhao Lijian"));
    }
}
