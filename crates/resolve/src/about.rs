//! What a statement is about: countries (demonyms mapped), organisations (acronyms mapped to the
//! long form the article gives) and people named in its content.

use std::collections::HashMap;
use std::sync::LazyLock;

use onrecord_model::{Article, Span};
use rustc_hash::FxHashMap;

pub const COUNTRIES: &[&str] = &[
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain", "Bangladesh",
    "Belarus", "Belgium", "Bhutan", "Bolivia", "Bosnia", "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chile", "China",
    "Colombia", "Croatia", "Cuba", "Cyprus", "Denmark", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
    "Greece", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan",
    "Kenya", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Malaysia", "Maldives", "Mexico", "Mongolia",
    "Morocco", "Myanmar", "Nepal", "Netherlands", "New Zealand", "Nigeria", "North Korea", "Norway", "Oman", "Pakistan", "Palestine",
    "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Saudi Arabia", "Serbia", "Singapore", "Slovakia",
    "Somalia", "South Africa", "South Korea", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan",
    "Tanzania", "Thailand", "Tunisia", "Turkey", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zimbabwe", "Britain", "America",
];

const DEMONYMS: &[(&str, &str)] = &[
    ("Chinese", "China"),
    ("Pakistani", "Pakistan"),
    ("Pakistanis", "Pakistan"),
    ("American", "United States"),
    ("Americans", "United States"),
    ("British", "United Kingdom"),
    ("Indian", "India"),
    ("Indians", "India"),
    ("Russian", "Russia"),
    ("Russians", "Russia"),
    ("Afghan", "Afghanistan"),
    ("Iranian", "Iran"),
    ("Iraqi", "Iraq"),
    ("Israeli", "Israel"),
    ("Japanese", "Japan"),
    ("Korean", "South Korea"),
    ("French", "France"),
    ("German", "Germany"),
    ("Italian", "Italy"),
    ("Spanish", "Spain"),
    ("Turkish", "Turkey"),
    ("Saudi", "Saudi Arabia"),
    ("Syrian", "Syria"),
    ("Ukrainian", "Ukraine"),
    ("Mexican", "Mexico"),
    ("Canadian", "Canada"),
    ("Australian", "Australia"),
    ("Egyptian", "Egypt"),
    ("Bangladeshi", "Bangladesh"),
    ("Nepalese", "Nepal"),
    ("Sri Lankan", "Sri Lanka"),
    ("Vietnamese", "Vietnam"),
    ("Brazilian", "Brazil"),
    ("Palestinian", "Palestine"),
    ("Qatari", "Qatar"),
    ("Emirati", "United Arab Emirates"),
    ("Taiwanese", "Taiwan"),
    ("Kazakh", "Kazakhstan"),
    ("Uzbek", "Uzbekistan"),
    ("Belarusian", "Belarus"),
    ("Polish", "Poland"),
    ("Dutch", "Netherlands"),
    ("Jordanian", "Jordan"),
    ("Swedish", "Sweden"),
    ("Nigerian", "Nigeria"),
    ("Kenyan", "Kenya"),
    ("Greek", "Greece"),
    ("Irish", "Ireland"),
    ("Norwegian", "Norway"),
    ("Danish", "Denmark"),
    ("Finnish", "Finland"),
    ("Swiss", "Switzerland"),
    ("Austrian", "Austria"),
    ("Belgian", "Belgium"),
    ("Portuguese", "Portugal"),
    ("Argentine", "Argentina"),
    ("Argentinian", "Argentina"),
    ("Chilean", "Chile"),
    ("Colombian", "Colombia"),
    ("Peruvian", "Peru"),
    ("Venezuelan", "Venezuela"),
    ("Cuban", "Cuba"),
    ("Thai", "Thailand"),
    ("Malaysian", "Malaysia"),
    ("Indonesian", "Indonesia"),
    ("Filipino", "Philippines"),
    ("Philippine", "Philippines"),
    ("Singaporean", "Singapore"),
    ("South African", "South Africa"),
    ("Ethiopian", "Ethiopia"),
    ("Ghanaian", "Ghana"),
    ("Ugandan", "Uganda"),
    ("Tanzanian", "Tanzania"),
    ("Zimbabwean", "Zimbabwe"),
    ("Moroccan", "Morocco"),
    ("Algerian", "Algeria"),
    ("Tunisian", "Tunisia"),
    ("Libyan", "Libya"),
    ("Lebanese", "Lebanon"),
    ("Yemeni", "Yemen"),
    ("Omani", "Oman"),
    ("Kuwaiti", "Kuwait"),
    ("Bahraini", "Bahrain"),
    ("Hungarian", "Hungary"),
    ("Romanian", "Romania"),
    ("Bulgarian", "Bulgaria"),
    ("Serbian", "Serbia"),
    ("Croatian", "Croatia"),
    ("Slovak", "Slovakia"),
    ("Lithuanian", "Lithuania"),
    ("Latvian", "Latvia"),
    ("Estonian", "Estonia"),
    ("Icelandic", "Iceland"),
    ("Mongolian", "Mongolia"),
    ("Burmese", "Myanmar"),
    ("Cambodian", "Cambodia"),
    ("Laotian", "Laos"),
    ("Sudanese", "Sudan"),
    ("Somali", "Somalia"),
    ("Cameroonian", "Cameroon"),
    ("Angolan", "Angola"),
    ("Armenian", "Armenia"),
    ("Azerbaijani", "Azerbaijan"),
    ("Georgian", "Georgia"),
    ("Kyrgyz", "Kyrgyzstan"),
    ("Tajik", "Tajikistan"),
    ("Turkmen", "Turkmenistan"),
    ("Bhutanese", "Bhutan"),
    ("Maldivian", "Maldives"),
    ("North Korean", "North Korea"),
    ("South Korean", "South Korea"),
    ("Cypriot", "Cyprus"),
    ("Albanian", "Albania"),
    ("Bolivian", "Bolivia"),
    ("Uruguayan", "Uruguay"),
];

const ALIASES: &[(&str, &str)] = &[
    ("U.S.", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("UAE", "United Arab Emirates"),
    ("Türkiye", "Turkey"),
    ("Turkiye", "Turkey"),
    ("Burma", "Myanmar"),
];

/// Words that make a capitalised sequence an organisation.
const ORG_WORDS: &[&str] = &[
    "Senate", "Ministry", "Corridor", "Party", "Army", "Council", "Organization", "Organisation", "Bank", "University", "Assembly",
    "Parliament", "Congress", "Commission", "Committee", "Department", "Agency", "Office", "Court", "Union", "Nations", "Forum", "Fund",
    "Institute", "Association", "Government", "Administration", "Navy", "Force", "Front", "Movement", "Group", "Company", "Corporation",
    "Initiative", "Alliance", "Embassy", "Cabinet", "House", "Foundation", "Authority", "Board", "Bureau", "Service", "Academy", "Club",
];

/// The country a demonym names ("Chinese" → "China").
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    static BY_DEMONYM: LazyLock<FxHashMap<&str, &str>> = LazyLock::new(|| first_wins(DEMONYMS.iter().copied()));
    BY_DEMONYM.get(word).copied()
}

/// The country a name, an alias or a demonym stands for ("Pakistan", "U.S.", "Chinese").
pub(crate) fn country_of(word_seq: &str) -> Option<&'static str> {
    // resolve asks this of every name it compares: a table, not three list scans
    static BY_NAME: LazyLock<FxHashMap<&str, &str>> =
        LazyLock::new(|| first_wins(COUNTRIES.iter().map(|c| (*c, *c)).chain(ALIASES.iter().copied()).chain(DEMONYMS.iter().copied())));
    BY_NAME.get(word_seq).copied()
}

/// Whether `name` is a country's name as [`COUNTRIES`] writes it.
pub fn is_country(name: &str) -> bool {
    static NAMES: onrecord_segment::WordSet = onrecord_segment::WordSet::new(COUNTRIES);
    NAMES.contains(name)
}

/// A lookup table where the first pair of a key wins, as a scan of the lists in order would.
fn first_wins(pairs: impl Iterator<Item = (&'static str, &'static str)>) -> FxHashMap<&'static str, &'static str> {
    let mut map = FxHashMap::default();
    for (k, v) in pairs {
        map.entry(k).or_insert(v);
    }
    map
}

/// Capitalised word runs (allowing "of", "for", "the", "and" inside) with their spans.
fn cap_runs<'t>(text: &'t str, span: Span) -> Vec<(Span, Vec<(Span, &'t str)>)> {
    let toks = onrecord_segment::tokenize(text, span);
    let mut runs = Vec::new();
    let mut cur: Vec<(Span, &'t str)> = Vec::new();
    let flush = |cur: &mut Vec<(Span, &'t str)>, runs: &mut Vec<(Span, Vec<(Span, &'t str)>)>| {
        while cur.last().is_some_and(|(_, w)| matches!(*w, "of" | "for" | "the" | "and")) {
            cur.pop();
        }
        if !cur.is_empty() {
            let s = Span::new(cur[0].0.start, cur[cur.len() - 1].0.end);
            runs.push((s, std::mem::take(cur)));
        }
        cur.clear();
    };
    for t in &toks {
        let w = t.text(text);
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if t.kind == onrecord_segment::TokenKind::Word && (cap || (!cur.is_empty() && matches!(w, "of" | "for" | "the" | "and"))) {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            cur.push((t.span, w));
        } else {
            flush(&mut cur, &mut runs);
        }
    }
    flush(&mut cur, &mut runs);
    runs
}

/// Acronyms the article defines: "China-Pakistan Economic Corridor (CPEC)" → CPEC.
fn acronyms(text: &str) -> HashMap<String, String> {
    let mut m = HashMap::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find(')') {
            let acr = &after[..close];
            if (2..=8).contains(&acr.len()) && acr.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
                let before = &text[..offset + open];
                // the last 200 bytes or so, starting on a character boundary ("£" is two bytes)
                let from = crate::boundary_at_or_after(before, before.len().saturating_sub(200));
                let runs = cap_runs(before, Span::new(from, before.len()).trim(before));
                if let Some((span, words)) = runs.last() {
                    if span.end + 2 >= before.trim_end().len() {
                        // keep the last words whose initials spell the acronym, or the whole run
                        let long = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
                        m.insert(acr.to_string(), long);
                    }
                }
            }
        }
        offset += open + 1;
        rest = &rest[open + 1..];
    }
    m
}

/// Capitals that diplomatic news uses for their governments.
const CAPITALS: &[(&str, &str)] = &[
    ("Beijing", "China"),
    ("Islamabad", "Pakistan"),
    ("New Delhi", "India"),
    ("Washington", "United States"),
    ("Moscow", "Russia"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Pyongyang", "North Korea"),
    ("Kabul", "Afghanistan"),
    ("Tehran", "Iran"),
    ("Ankara", "Turkey"),
    ("Riyadh", "Saudi Arabia"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Taipei", "Taiwan"),
    ("Dhaka", "Bangladesh"),
    ("Colombo", "Sri Lanka"),
    ("Kathmandu", "Nepal"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("London", "United Kingdom"),
    ("Brussels", "European Union"),
    ("Cairo", "Egypt"),
    ("Jakarta", "Indonesia"),
    ("Hanoi", "Vietnam"),
    ("Manila", "Philippines"),
    ("Canberra", "Australia"),
    ("Ottawa", "Canada"),
    ("Baghdad", "Iraq"),
    ("Damascus", "Syria"),
    ("Doha", "Qatar"),
    ("Abu Dhabi", "United Arab Emirates"),
    ("Nairobi", "Kenya"),
    ("Pretoria", "South Africa"),
    ("Brasilia", "Brazil"),
];

fn capital_of(run: &str) -> Option<&'static str> {
    CAPITALS.iter().find(|(c, _)| *c == run).map(|(_, country)| *country)
}

pub fn fill_about(article: &mut Article) {
    let text = &article.text;
    let acr = acronyms(text);
    // the people the article quotes, by the names resolve gave them: a mention of one of them
    // ("Mr Blair", "Gordon Brown") is about that person, named as everywhere else
    let mut seen: Vec<&str> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    for sp in article.statements.iter().filter_map(|s| s.speaker.as_ref()) {
        if seen.contains(&sp.name.as_str()) {
            continue;
        }
        seen.push(&sp.name);
        let words = sp.name.split(' ').count();
        let personal = (2..=4).contains(&words)
            && sp.name.split(' ').all(|w| w.len() >= 2 && w.starts_with(char::is_uppercase))
            && !crate::speakers::names_collective(&sp.name);
        if personal {
            people.push(sp.name.clone());
        }
    }
    // a full name, or a surname only one of them bears
    let surnames: Vec<&str> = people.iter().map(|p| p.rsplit(' ').next().unwrap_or(p)).collect();
    let person = |name: &str| -> Option<String> {
        if people.is_empty() {
            return None;
        }
        if !name.contains(' ') {
            let mut bearers = surnames.iter().enumerate().filter(|(_, s)| **s == name);
            return match (bearers.next(), bearers.next()) {
                (Some((i, _)), None) => Some(people[i].clone()),
                _ => None,
            };
        }
        people.iter().any(|p| p == name).then(|| name.to_string())
    };
    for st in &mut article.statements {
        let mut about: Vec<String> = Vec::new();
        let mut add = |s: String| {
            if !about.contains(&s) {
                about.push(s);
            }
        };
        // (the source, inside a content resumed around it ("A," said Cram. "B."), names the
        // speaker, not what the words are about)
        let source = st.source;
        for (run, words) in cap_runs(text, st.content) {
            if source.is_some_and(|x| x.overlaps(run)) {
                continue;
            }
            let joined = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
            // hyphenated pairs: "China-Pakistan"
            for part in joined.split(['-', '–']) {
                if let Some(c) = country_of(part) {
                    add(c.to_string());
                }
            }
            // a capital standing alone is its government: "Beijing appreciated Islamabad's efforts"
            if let Some(c) = capital_of(&joined) {
                add(c.to_string());
            }
            if let Some(long) = acr.get(&joined) {
                add(long.clone());
                continue;
            }
            let is_org = words.iter().any(|(_, w)| ORG_WORDS.contains(w)) && words.len() >= 2;
            if is_org {
                let start = words.iter().position(|(_, w)| !matches!(*w, "The" | "the")).unwrap_or(0);
                let name = words[start..].iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
                add(name);
                // "Senate of Pakistan" also names Pakistan: done by the word loop below
            }
            for (_, w) in &words {
                if let Some(c) = country_of(w) {
                    add(c.to_string());
                }
            }
            if is_org || words.iter().any(|(_, w)| country_of(w).is_some()) {
                continue;
            }
            // each of the people named together ("Mr Blair and Mr Brown"), with a title
            // before the name or none
            for part in joined.split(" and ") {
                let (titled, name) = match part.split_once(' ') {
                    Some((first, rest)) if is_title(first) => (true, rest),
                    _ => (false, part),
                };
                if let Some(p) = person(name) {
                    add(p);
                } else if titled {
                    add(name.to_string());
                }
            }
        }
        st.about = about;
    }
}

/// A title before a person's name in the text.
fn is_title(word: &str) -> bool {
    matches!(
        word.to_lowercase().trim_end_matches('.'),
        "president" | "minister" | "ambassador" | "mr" | "mrs" | "ms" | "dr" | "senator" | "governor" | "secretary"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_after_multibyte_text_do_not_split_characters() {
        // 200 bytes back from the bracket falls inside a "£"
        let text = format!("{}£194m paid by the Financial Services Authority (FSA) today", "x".repeat(59));
        for pad in 0..4 {
            let t = format!("{}{text}", "y".repeat(pad));
            let m = acronyms(&t);
            assert_eq!(m.get("FSA").map(String::as_str), Some("Financial Services Authority"));
        }
        let long = format!("{} Financial Services Authority (FSA)", "£".repeat(150));
        assert!(acronyms(&long).contains_key("FSA"));
    }

    #[test]
    fn acronyms_map_to_long_forms() {
        let m = acronyms("promoted the China-Pakistan Economic Corridor (CPEC), and more CPEC");
        assert_eq!(m.get("CPEC").map(String::as_str), Some("China-Pakistan Economic Corridor"));
    }
}
