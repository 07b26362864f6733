//! Speakers as entities across the corpus: one key per person or body, whatever the casing or
//! the article that named it.

/// The key a speaker is known by across articles: lower case, single spaces, a leading "the"
/// dropped ("The Senate of Pakistan" and "Senate of Pakistan" are one).
pub fn speaker_key(name: &str) -> String {
    let folded = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    folded.strip_prefix("the ").map(str::to_string).unwrap_or(folded)
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
