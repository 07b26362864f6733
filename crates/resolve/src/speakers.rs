use std::sync::LazyLock;

use onrecord_model::{Article, Speaker, StatementKind};
use onrecord_segment::WordSet;

use crate::about::{country_of, country_of_demonym, is_country};

/// What a source phrase says about who speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedSource {
    pub name: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub pronoun: Option<Gender>,
    /// A document noun ("the resolution") that speaks for whoever issued it.
    pub document: bool,
    /// An organisation or country rather than a person.
    pub collective: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// they, we, I, you
    Other,
    /// it, its: an organisation, a country, a document; never a person known as one
    Neuter,
}

impl Gender {
    /// he or she
    fn is_personal(self) -> bool {
        matches!(self, Gender::Male | Gender::Female)
    }
}

/// Role nouns, longest first so "foreign minister" wins over "minister".
const ROLES: &[&str] = &[
    "lord chief justice", "lord chancellor", "lord mayor", "secretary-general", "secretary general", "director-general",
    "director general", "permanent representative", "high commissioner", "foreign minister", "prime minister", "vice president",
    "secretary of state", "press secretary", "chief executive", "defense minister", "defence minister", "interior minister",
    "finance minister", "information minister", "spokesperson", "spokesman", "spokeswoman", "president", "minister", "ambassador",
    "secretary", "senator", "sen.", "governor", "mayor", "chairman", "chairwoman", "director", "official", "leader", "chief", "premier",
    "chancellor", "envoy", "adviser", "advisor", "representative", "rep.", "gov.", "general", "commander", "ceo", "founder", "candidate",
    "nominee", "counselor", "consul", "diplomat", "commissioner", "analyst", "expert", "economist", "professor", "lawmaker", "congressman",
    "congresswoman", "attorney general", "judge", "manager", "strategist", "aide", "source", "sources", "officials", "correspondent",
    "reporter", "host", "chair", "counterpart", "vice-president", "under-secretary", "co-chairman", "co-chair", "chairperson", "mp", "mep",
    "msp", "major general", "lieutenant general", "brigadier general", "lieutenant colonel", "rear admiral", "vice admiral",
    "chief constable", "chief superintendent", "chief inspector", "member", "pm", "fm",
];

/// [`ROLES`] as a set (asked of many words of every article).
static ROLE_SET: WordSet = WordSet::new(ROLES);
/// Members of a legislature: the words before the role are their party or constituency ("Labour
/// MP", "Tory MP", "Lib Dem MP"), not a qualifier of the office; and British usage also puts
/// the role after the name ("Frank Field MP").
const LEGISLATORS: &[&str] = &["mp", "mep", "msp", "senator", "lawmaker", "congressman", "congresswoman"];

/// The words of each role in [`ROLES`], listed under their first word in the order of the list:
/// a source is matched against the roles its words can begin, not all of them at every word.
static ROLES_BY_FIRST_WORD: LazyLock<rustc_hash::FxHashMap<&'static str, Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    let mut by_first: rustc_hash::FxHashMap<&'static str, Vec<Vec<&'static str>>> = rustc_hash::FxHashMap::default();
    for r in ROLES {
        let words: Vec<&'static str> = r.split(' ').collect();
        by_first.entry(words[0]).or_default().push(words);
    }
    by_first
});

/// Every word of every role.
static ROLE_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| ROLES.iter().flat_map(|r| r.split(' ')).collect());
/// Occupations written as a title before a name ("Engineer Priya Nair", "Activist Angela
/// Davis"): read as a role only there, not as role nouns of their own ("his lawyer" stays a
/// description).
const OCCUPATION_TITLES: &[&str] = &[
    "engineer", "lawyer", "attorney", "prosecutor", "activist", "doctor", "nurse", "teacher", "student", "researcher", "scientist",
    "historian", "author", "writer", "columnist", "editor", "journalist", "commentator", "pollster", "lobbyist", "consultant", "executive",
    "investor", "organizer", "organiser", "resident", "farmer", "coach", "pastor", "rabbi", "imam", "bishop", "captain", "officer",
    "detective", "sergeant", "inspector", "pilot", "artist", "singer", "actor", "actress", "lieutenant", "colonel", "admiral", "brigadier",
    "corporal", "reverend", "superintendent", "constable", // sport: "Fly-half Stephen Jones", "Striker Wayne Rooney"
    "fly-half", "scrum-half", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "full-back", "centre-back", "flanker",
    "hooker", "prop", "lock", "forward", "boss", "manager", "skipper", "jockey", "trainer", "batsman", "bowler", "musician", "rapper",
    "drummer", "guitarist", "director", "producer", "designer", "economist", "analyst", "spokesman", "spokeswoman", "chef", "novelist",
    "poet", "comedian", "presenter", "broadcaster",
];

/// [`OCCUPATION_TITLES`] as a set (asked of many words of every article).
static OCCUPATION_TITLE_SET: WordSet = WordSet::new(OCCUPATION_TITLES);
/// Words that open what qualifies a noun after it ("a joint statement [released after the
/// talks]", "a report [published on Monday]").
const QUALIFIES_HEAD: &[&str] = &[
    "released", "issued", "published", "posted", "signed", "sent", "seen", "obtained", "adopted", "after", "on", "in", "at", "by", "from",
    "during", "following", "with", "who", "which", "that", "familiar", "close", "briefed",
];
const DOCUMENTS: &[&str] = &[
    "resolution", "statement", "report", "letter", "memo", "communique", "declaration", "study", "survey", "poll", "document", "filing",
    "release", "post", "tweet", "editorial",
];
const ORG_WORDS: &[&str] = &[
    "senate", "ministry", "government", "party", "council", "committee", "commission", "office", "department", "agency", "army", "embassy",
    "assembly", "parliament", "congress", "court", "union", "bank", "university", "campaign", "side", "house", "administration", "police",
    "pro", "news", "times", "post", "journal", "network", "group", "company", "foundation", "institute", "federation", "association",
    "authority", "board", "bureau", "society", "league", "alliance", "organisation", "organization", "coalition", "corporation",
    "confederation", "college", "academy", "chamber", "club", "trust", "fund", "forum", "centre", "center", "institution", "charity",
    "movement", "tribunal", "secretariat", "mission", "delegation",
];

/// [`ORG_WORDS`] as a set (asked of many words of every article).
static ORG_WORD_SET: WordSet = WordSet::new(ORG_WORDS);
/// Heads of names that go on with "of" ("Guinness Book of Records", "Archbishop of Cardiff",
/// "Motion Picture Association of America"): what precedes "of" there is no person's name.
const NAMED_OF: &[&str] = &[
    "book", "association", "authority", "archbishop", "bishop", "duke", "duchess", "earl", "society", "chamber", "academy", "federation",
    "board", "bureau", "school", "college", "museum", "league", "order", "church", "republic", "kingdom", "state", "states", "city",
    "county", "isle", "bay", "gulf", "day", "hall", "analytics", "federal", "national", "royal", "united", "general", "secretary",
    // a peer's or a royal's title goes on with "of" too ("Lord Faulkner of Worcester")
    "lord", "lady", "baroness", "baron", "viscount", "count", "countess", "prince", "princess", "king", "queen",
];
const MALE_TITLES: &[&str] = &["mr", "mr.", "sir", "king", "prince", "lord", "congressman", "spokesman"];
const FEMALE_TITLES: &[&str] =
    &["mrs", "mrs.", "ms", "ms.", "madam", "queen", "princess", "lady", "congresswoman", "spokeswoman", "chairwoman"];

/// Whether a name is a country's or an organisation's ("Senate of Pakistan", "Foreign
/// Ministry"), not a person's.
pub(crate) fn names_collective(name: &str) -> bool {
    is_country(name)
        || name.split_whitespace().any(|w| ORG_WORD_SET.contains(w.to_lowercase().as_str()))
        || is_acronym(name)
        || SEATS_OF_GOVERNMENT.contains(&name)
}

/// Places that stand for the government sitting in them ("Downing Street said").
const SEATS_OF_GOVERNMENT: &[&str] = &[
    "Downing Street", "White House", "Kremlin", "Pentagon", "Elysee", "Élysée", "Elysee Palace", "Élysée Palace", "Whitehall",
    "Zhongnanhai", "Blue House", "Quai d'Orsay", "Foggy Bottom", "Capitol Hill", "Number 10", "No 10", "Downing St",
];

/// "BBC", "UKIP", "IPPR": a name of capitals only, too short for a surname set in capitals
/// (a transcript's "WALLACE:"), is an organisation's, and no "he" or "she" points to it.
fn is_acronym(name: &str) -> bool {
    (2..=5).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase()) && !name.bytes().all(|b| b"AEIOUY".contains(&b))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || is_prefixed_name(w)
}

/// An Arabic name written with its article or patronymic joined on: "al-Ansari", "el-Sisi",
/// "bin-Salman".
fn is_prefixed_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(particle, rest)| {
        matches!(particle, "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "bin" | "ibn" | "abu" | "ul" | "ud")
            && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// A name without the article or patronymic joined onto it: "Sisi" of "al-Sisi".
fn without_name_prefix(w: &str) -> &str {
    if is_prefixed_name(w) {
        w.split_once('-').map_or(w, |(_, rest)| rest)
    } else {
        w
    }
}

/// A particle that stands as a word of its own inside a name ("Faisal bin Farhan", "Ursula von
/// der Leyen", "Luiz Inácio Lula da Silva").
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "ibn"
            | "bint"
            | "binti"
            | "de"
            | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "der"
            | "den"
            | "van"
            | "von"
            | "le"
            | "la"
            | "al"
            | "el"
            | "ul"
    )
}

/// The words of a name among `words`: the capitalised ones, and the particles between two of
/// them.
fn name_words<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(words.len());
    let mut kept_before = false;
    for (k, w) in words.iter().enumerate() {
        let inside = || kept_before && words[k + 1..].iter().find(|n| !is_name_particle(n)).is_some_and(|n| is_cap(n));
        kept_before = is_cap(w) || (is_name_particle(w) && inside());
        if kept_before {
            out.push(*w);
        }
    }
    out
}

/// An honorific or a title that tells a gender ("Mr", "Sir", "Lady", "Congresswoman"): what
/// may stand before a given name without being part of the name.
fn is_courtesy_title(w: &str) -> bool {
    let lw = w.to_lowercase();
    is_honorific(w) || MALE_TITLES.contains(&lw.as_str()) || FEMALE_TITLES.contains(&lw.as_str())
}

/// Whether a role is a kind of body ("drugs group", "security firm"), which makes who holds it
/// an organisation.
fn role_names_a_body(role: Option<&str>) -> bool {
    role.and_then(|r| r.split(' ').next_back()).is_some_and(|w| BUSINESS_NOUNS.contains(&w) || ORG_WORD_SET.contains(w))
}

/// "Mr.", "Mrs", "Ms.", "Dr.": a courtesy title, not a role.
fn is_honorific(w: &str) -> bool {
    let w = w.to_lowercase();
    matches!(w.strip_suffix('.').unwrap_or(&w), "mr" | "mrs" | "ms" | "dr")
}

/// Words that qualify a role noun rather than name who the speaker works for: "Deputy Foreign
/// Minister", "Chief Cabinet Secretary", "Economy Minister".
const ROLE_MODIFIERS: &[&str] = &[
    "deputy", "acting", "chief", "senior", "vice", "assistant", "associate", "executive", "cabinet", "junior", "state", "interim",
    "federal", "provincial", "foreign", "economy", "trade", "finance", "health", "education", "energy", "defence", "defense", "interior",
    "justice", "agriculture", "environment", "planning", "commerce", "labour", "labor", "transport", "information", "culture", "prime",
    "principal", "permanent", "special", "general", "press", "top", "first", "home", "shadow", "under",
];
/// Prepositions that open a role's complement: "Minister for Planning", "Ambassador to China".
const ROLE_COMPLEMENTS: &[&str] = &["for", "to", "of", "on"];

/// The longest run of words at the start of `words` that names a country (by name, alias or
/// demonym), as (words used, country).
fn leading_country(words: &[&str]) -> Option<(usize, &'static str)> {
    (1..=words.len().min(3)).rev().find_map(|k| country_of(&words[..k].join(" ")).map(|c| (k, c)))
}

/// After a role noun, a complement and then the name: "for Planning Tariq Mehmood", "to China
/// Farah Siddiqui", "for Foreign Affairs Ishaq Dar". Returns how many words the complement takes
/// (preposition included), or 0. A country is taken whole; otherwise the last two capitalised
/// words are the name, or the last one when only two follow the preposition.
fn complement_len(after: &[&str]) -> usize {
    name_complement_len(after, true)
}

/// How many words after a role noun are its complement (preposition included), or 0: with
/// `name_follows`, as [`complement_len`] reads it; without (an appositive, where the name came
/// first: "Ken Mayland, president of ClearView Economics"), every capitalised word.
fn name_complement_len(after: &[&str], name_follows: bool) -> usize {
    let Some(prep) = after.first() else { return 0 };
    if !ROLE_COMPLEMENTS.contains(&prep.to_lowercase().as_str()) {
        return 0;
    }
    let skip_the = usize::from(after.get(1).is_some_and(|w| w.eq_ignore_ascii_case("the")));
    let rest = &after[1 + skip_the..];
    // before a name, the complement needs a word and the name's; alone, one word will do
    let shortest = if name_follows { 2 } else { 1 };
    if rest.len() < shortest {
        return 0;
    }
    if !name_follows {
        // after the name, a body named in capitals may go on in lower case ("member of the
        // Hamas political bureau"), up to the end of the appositive (not a person's title: "a
        // spokesman for EU trade commissioner Peter Mandelson")
        let named = rest.iter().all(|w| is_cap(w) || matches!(*w, "and" | "&"))
            || (is_cap(rest[0])
                && !rest.iter().any(|w| ROLE_SET.contains(w))
                && rest.iter().all(|w| {
                    is_cap(w)
                        || (w.len() > 3
                            && w.chars().all(char::is_lowercase)
                            && !matches!(
                                *w,
                                "that"
                                    | "which"
                                    | "whose"
                                    | "with"
                                    | "from"
                                    | "where"
                                    | "when"
                                    | "while"
                                    | "since"
                                    | "after"
                                    | "before"
                                    | "during"
                                    | "until"
                                    | "into"
                                    | "over"
                                    | "about"
                            ))
                }));
        return if named { after.len() } else { 0 };
    }
    if !rest.iter().all(|w| is_cap(w) || matches!(*w, "and" | "&")) {
        return 0;
    }
    // a portfolio is named with its own words ("for Communications", "for Information and
    // Broadcasting"): the name starts where they end
    let portfolio = rest.iter().take_while(|w| PORTFOLIO_WORD_SET.contains(w.to_lowercase().as_str())).count();
    let words = match leading_country(rest) {
        Some((k, _)) if k < rest.len() => k,
        _ if portfolio > 0 && portfolio + 2 <= rest.len() => portfolio,
        _ if rest.len() >= 3 => rest.len() - 2,
        _ => 1,
    };
    1 + skip_the + words
}

/// Words of ministerial portfolios, in the titles of Commonwealth governments ("Federal Minister
/// for Communications Abdul Aleem Khan", "Minister of State for Foreign Affairs ...").
const PORTFOLIO_WORDS: &[&str] = &[
    "foreign", "affairs", "communications", "planning", "development", "special", "initiatives", "finance", "revenue", "economic",
    "information", "broadcasting", "interior", "defence", "defense", "health", "services", "education", "commerce", "trade", "industries",
    "industry", "production", "railways", "energy", "power", "petroleum", "water", "resources", "climate", "change", "human", "rights",
    "law", "justice", "maritime", "religious", "housing", "works", "science", "technology", "food", "security", "national", "narcotics",
    "control", "privatisation", "parliamentary", "overseas", "pakistanis", "kashmir", "and", "&", "agriculture", "environment", "labour",
    "labor", "transport", "tourism", "culture", "youth", "sports", "women", "social", "welfare", "local", "government", "states",
    "frontier", "regions", "aviation", "ports", "shipping", "home", "external", "mines", "minerals", "investment", "statistics",
    "highways", "roads", "fisheries", "irrigation", "lands", "media", "public", "administration", "forests", "wildlife", "urban", "rural",
    "digital", "telecommunications", "railway", "cooperatives", "disaster", "management", "relief", "textiles",
];

/// [`PORTFOLIO_WORDS`] as a set (asked of many words of every article).
static PORTFOLIO_WORD_SET: WordSet = WordSet::new(PORTFOLIO_WORDS);

/// Parses a source as written into name, role and affiliation. An appositive after the head
/// ("Len Burman, head of the Tax Policy Center"; "Mr. McGinley, the law professor") names no
/// one else: the head is the speaker, and a role the appositive gives is theirs.
pub fn parse_source(src: &str) -> ParsedSource {
    let ranked = with_ranks_spelled_out(src);
    let (src, workplace) = without_trailing_clause(ranked.as_deref().unwrap_or(src));
    // "China's embassy in Washington": an organisation in lower case after a country's
    // possessive, named as written in capitals (not a person called "Washington")
    // (only with a place after it: "Iran's parliament" reads well as written)
    let owned_organisation = (src.contains(['\'', '’']) && src.contains(" in ")).then(|| with_organisation_capitalised(src)).flatten();
    let mut parsed = parse_source_words(owned_organisation.as_deref().unwrap_or(src));
    // a demonym read as a name, before words in lower case: an organisation written in lower
    // case ("the Indian foreign ministry"), or someone of that country ("the German company",
    // "the Indian batsman"), whom the article names elsewhere if at all
    if let Some(country) = parsed.name.as_deref().and_then(country_of_demonym) {
        if let Some(organisation) = with_organisation_capitalised(src) {
            parsed = parse_source_words(&organisation);
        } else if src.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_lowercase)) {
            parsed.name = None;
            parsed.affiliation.get_or_insert_with(|| country.to_string());
        }
    }
    // "Sky Networks' Sophie Turner Laing", read as one name: the name after the possessive,
    // who works for its owner
    let (owner, after) = match parsed
        .name
        .as_deref()
        .filter(|n| n.contains(['\'', '’']))
        .and_then(|n| n.split_once("' ").or_else(|| n.split_once("’s ")).or_else(|| n.split_once("'s ")))
    {
        Some((owner, name))
            if name.split(' ').count() >= 2 && name.split(' ').all(|w| w.starts_with(char::is_uppercase)) && !names_collective(name) =>
        {
            (Some(owner.to_string()), Some(name.to_string()))
        }
        _ => (None, None),
    };
    if let (Some(owner), Some(name)) = (owner, after) {
        parsed = parse_source_words(&name);
        parsed.affiliation = parsed.affiliation.or(Some(owner));
    }
    if (parsed.name.is_some() || parsed.role.is_some()) && parsed.affiliation.is_none() {
        parsed.affiliation = workplace.map(str::to_string);
    }
    // "a spokeswoman for the Chinese Foreign Ministry": who someone speaks or works for is the
    // affiliation ("minister for Planning" keeps its portfolio)
    if let Some((role, employer)) = parsed.role.as_deref().and_then(|r| r.split_once(" for ")) {
        let employer = employer.strip_prefix("the ").unwrap_or(employer);
        let speaks_for = matches!(
            role,
            "spokesperson" | "spokesman" | "spokeswoman" | "official" | "aide" | "adviser" | "advisor" | "lawyer" | "attorney"
        );
        // (an organisation; "a spokesman for Michael Howard" speaks for a person)
        if speaks_for && parsed.affiliation.is_none() && employer.starts_with(char::is_uppercase) && names_collective(employer) {
            parsed.affiliation = Some(employer.to_string());
            parsed.role = Some(role.to_string());
        }
    }
    // "Its chief executive", "her Chilean counterpart": a possessive pronoun is no workplace
    // (resolve finds what "its" stands for); a demonym left after it is the country
    if let Some(aff) = parsed.affiliation.take() {
        let rest = match aff.split_once(' ') {
            Some((first, rest)) if is_possessive_pronoun(first) => Some(rest),
            None if is_possessive_pronoun(&aff) => None,
            _ => Some(aff.as_str()),
        };
        parsed.affiliation = rest.map(|r| country_of_demonym(r).map_or_else(|| r.to_string(), str::to_string));
    }
    // "Bridge's injury also means Mourinho", "He also admits": a clause before the name read as
    // a description is neither role nor affiliation
    if parsed.role.as_deref().is_some_and(|r| !is_plausible_role(r)) {
        parsed.role = None;
        parsed.affiliation = None;
    }
    // "general secretary of the public services union [Unison] Dave Prentis": a name run in
    // from the role's complement starts again at a given name; the words before are where
    // the role is held ("Mary Ann Smith", two given names, stays whole)
    if let Some(name) = parsed.name.as_deref().filter(|n| !parsed.collective && !n.contains(" and ")) {
        let words: Vec<&str> = name.split(' ').collect();
        let given = |w: &str| super::given_names::gender_of_given_name(w).is_some();
        // what comes before must say where the role is held: after a role, an acronym, a party
        // or a country ("Conservative Michael Fallon", "DJ Norman Cook"), not a title ("Sir
        // Nicholas Scott") or a given name the list lacks ("Shani Rhys James")
        let holds = |w: &str| {
            let lw = w.to_lowercase();
            parsed.role.is_some()
                || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                || country_of(w).is_some()
                || matches!(
                    lw.as_str(),
                    "conservative" | "tory" | "labour" | "democrat" | "republican" | "liberal" | "green" | "ukip" | "snp"
                )
        };
        let title = |w: &str| is_courtesy_title(w) || matches!(w.to_lowercase().as_str(), "dame" | "baroness");
        // (a role that is a kind of body names an organisation: "security firm Saint Bernard
        // Software"; and the person is a given name and a surname, so "Farhat Omar Ben
        // Gadaravice" keeps all four)
        let body = role_names_a_body(parsed.role.as_deref());
        let i = words.len().saturating_sub(2);
        if i >= 1 && !body && given(words[i]) && !given(words[i - 1]) && holds(words[i - 1]) && !words[..i].iter().all(|w| title(w)) {
            let place = words[..i].join(" ");
            parsed.name = Some(words[i..].join(" "));
            if parsed.affiliation.is_none() {
                parsed.affiliation = Some(place);
            }
        }
    }
    parsed
}

/// "his", "her", "its", "their", "our", "my", in either case.
fn is_possessive_pronoun(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "his" | "her" | "its" | "their" | "our" | "my" | "your")
}

/// Whether a role as read could be one: no adverb, verb of the clause or figure in it.
fn is_plausible_role(role: &str) -> bool {
    #[rustfmt::skip] // a word list, packed
    const NOT_IN_ROLES: &[&str] = &[
        "also", "still", "now", "reportedly", "already", "just", "even", "only", "then", "again", "is", "was", "are", "were",
        "has", "have", "had", "means", "meant", "admits", "admitted", "says", "said", "adds", "added", "will", "would", "who",
        "which", "that", "not",
    ];
    !is_possessive_pronoun(role) && !role.split_whitespace().any(|w| NOT_IN_ROLES.contains(&w) || w.contains(|c: char| c.is_ascii_digit()))
}

/// Two to four capitalised words, as a person's name is written.
fn is_written_as_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| is_cap(w))
}

/// Adverbs that open a sentence before its subject ("Earlier Mr Kennedy", "Meanwhile the
/// minister"): no part of a source.
const OPENING_ADVERBS: &[&str] = &["earlier", "later", "meanwhile", "however", "now"];

/// The source without an adverb or an adjunct read into its start: "Later the prime minister"
/// is the prime minister, "his New Year message the Liberal Democrat leader" the leader, and
/// "about Michael Howard's" Michael Howard's.
/// A source with abbreviated ranks before a name ("Lt Col Eric Schnaible", "Pakistan's
/// President Gen. Pervez Musharraf", "Det Supt Alan Brown") with the ranks spelled out, so they
/// read as the role and not as part of the name; `None` when it has none.
fn with_ranks_spelled_out(src: &str) -> Option<String> {
    // (asked of every titled mention: most have no rank, and cost one pass over their words)
    if !src.split(' ').any(|w| spelled_rank(w).is_some()) {
        return None;
    }
    let src = src.trim_start();
    let src = src.strip_prefix("Retired ").or_else(|| src.strip_prefix("retired ")).unwrap_or(src);
    let words: Vec<&str> = src.split(' ').collect();
    let mut spelled = false;
    let mut out = Vec::with_capacity(words.len());
    for (k, word) in words.iter().enumerate() {
        let before_name = words.get(k + 1).is_some_and(|w| w.starts_with(char::is_uppercase));
        let full = spelled_rank(word).filter(|_| before_name);
        spelled |= full.is_some();
        out.push(full.unwrap_or(word));
    }
    spelled.then(|| out.join(" "))
}

/// An abbreviated rank or title ("Gen", "Lt.", "Prof") spelled out.
fn spelled_rank(word: &str) -> Option<&'static str> {
    Some(match word.trim_end_matches('.') {
        "Gen" => "General",
        "Lt" => "Lieutenant",
        "Col" => "Colonel",
        "Maj" => "Major",
        "Sgt" => "Sergeant",
        "Capt" => "Captain",
        "Cpl" => "Corporal",
        "Adm" => "Admiral",
        "Brig" => "Brigadier",
        "Cdr" | "Cmdr" => "Commander",
        "Prof" => "Professor",
        "Rev" => "Reverend",
        "Det" => "Detective",
        "Supt" => "Superintendent",
        "Insp" => "Inspector",
        "Sen" => "Senator",
        "Rep" => "Representative",
        "Gov" => "Governor",
        _ => return None,
    })
}

/// "The Indian foreign ministry", "the Chinese embassy": an organisation written in lower case
/// after a demonym, capitalised so that it reads as its name does ("Indian Foreign Ministry"),
/// not as a person called "Indian"; `None` for any other source.
fn with_organisation_capitalised(src: &str) -> Option<String> {
    let src = src.trim();
    let bare = src.strip_prefix("the ").or_else(|| src.strip_prefix("The ")).unwrap_or(src);
    let words: Vec<&str> = bare.split(' ').collect();
    let [demonym, rest @ ..] = &words[..] else { return None };
    // "China's embassy in Washington": a country's possessive opens it too, and "in" a
    // capitalised place may close it
    let of_country = || demonym.strip_suffix("'s").or_else(|| demonym.strip_suffix("’s")).and_then(country_of).is_some();
    let (rest, place) = match rest.iter().position(|w| *w == "in") {
        Some(at) if at + 1 < rest.len() && rest[at + 1..].iter().all(|w| is_cap(w)) => (&rest[..at], &rest[at..]),
        _ => (rest, &rest[rest.len()..]),
    };
    let lower = |w: &&str| w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    // (a business is the one named last: "the German company" is Siemens, see `pick_business`)
    let organisation = rest.last().is_some_and(|w| ORG_WORD_SET.contains(w) && !BUSINESS_NOUNS.contains(w));
    if rest.is_empty() || (country_of_demonym(demonym).is_none() && !of_country()) || !rest.iter().all(lower) || !organisation {
        return None;
    }
    let capitalised = rest.iter().map(|w| {
        let mut c = w.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    });
    Some(std::iter::once(demonym.to_string()).chain(capitalised).chain(place.iter().map(|w| w.to_string())).collect::<Vec<_>>().join(" "))
}

/// Words that may follow a speaker's name in a source read whole, before the cue: "[Mr Howard]
/// later", "[Simon Bysshe] who filmed the event", "[Jason Daw] at Merrill Lynch". The name
/// without them, and the organisation after "at" (where the speaker works), if any.
fn without_trailing_clause(src: &str) -> (&str, Option<&str>) {
    let s = src.trim();
    // (the words with their offsets, found once: this is asked of every source and of every
    // titled mention in the text)
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in s.split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    // the text of the words before word `k`, and of words `k + 1..`
    let before = |words: &[(usize, &str)], k: usize| s[..words[k].0].trim_end();
    let after = |words: &[(usize, &str)], k: usize| {
        words.get(k + 1).map_or("", |&(a, _)| &s[a..words[words.len() - 1].0 + words[words.len() - 1].1.len()])
    };
    // a word with words on both sides
    let inner = |n: usize| 1..n.saturating_sub(1);
    // a relative clause with no comma before it
    if let Some(k) = inner(words.len()).find(|&k| matches!(words[k].1, "who" | "which" | "whose")) {
        words.truncate(k);
    }
    while words.len() >= 2
        && matches!(
            words[words.len() - 1].1,
            "later"
                | "also"
                | "then"
                | "again"
                | "too"
                | "earlier"
                | "yesterday"
                | "today"
                | "tonight"
                | "recently"
                | "afterwards"
                | "afterward"
                | "now"
                | "separately"
                | "meanwhile"
                | "however"
        )
    {
        words.pop();
    }
    let whole = |words: &[(usize, &str)]| words.last().map_or("", |&(a, w)| &s[..a + w.len()]);
    // after a given name and a surname, "in" a city is where the one named is ("the BBC's
    // Louisa Lim in Beijing"), and "of" an organisation is where they work ("Anne Thompson of
    // the Hollywood Reporter"); "Jurors in Virginia" keep their place
    let full_name = |words: &[(usize, &str)]| {
        matches!(words, [.., (_, given), (_, surname)]
            if super::given_names::gender_of_given_name(given).is_some() && surname.starts_with(char::is_uppercase))
    };
    if let Some(k) = inner(words.len()).rev().find(|&k| words[k].1 == "in") {
        let place = after(&words, k);
        if full_name(&words[..k]) && !place.contains(' ') && place.starts_with(char::is_uppercase) {
            words.truncate(k);
        }
    }
    if let Some(k) = inner(words.len()).find(|&k| words[k].1 == "of") {
        let who = before(&words, k);
        let org = after(&words, k);
        let org = org.strip_prefix("the ").unwrap_or(org);
        if full_name(&words[..k]) && org.split(' ').all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "and" | "for" | "&")) {
            return (who, Some(org));
        }
        // "President Musharraf of Pakistan": a country after a person's name (the "Senate of
        // Pakistan" and the "Bank of America" are named whole)
        let named_before = words[k - 1].1.starts_with(char::is_uppercase);
        let bare = who.trim_start_matches("the ").trim_start_matches("The ");
        if named_before && country_of(org).is_some() && !names_collective(bare) && country_of(bare).is_none() {
            return (who, Some(org));
        }
    }
    // "at" and a capitalised name to the end: the workplace of the one named before it
    if let Some(k) = inner(words.len()).rev().find(|&k| words[k].1 == "at") {
        let place = after(&words, k);
        let capitalised = |w: &str| w.starts_with(char::is_uppercase) || matches!(w, "of" | "and" | "&" | "in");
        // (after a name, or a role: "economist at Capital Economics")
        // (a name's last word, not an acronym: "in charge of mobile TV at LG Electronics")
        let w = words[k - 1].1;
        let named_before = (w.starts_with(char::is_uppercase) && !w.chars().all(|c| c.is_uppercase())) || ROLE_SET.contains(w);
        if named_before && place.split_whitespace().all(capitalised) && place.starts_with(char::is_uppercase) {
            return (before(&words, k), Some(place));
        }
    }
    (whole(&words), None)
}

fn without_adjunct(src: &str) -> &str {
    let mut s = src.trim();
    loop {
        let Some(first) = s.split_whitespace().next().filter(|f| f.len() < s.len()) else { return s };
        let rest = s[first.len()..].trim_start();
        let lw = first.to_lowercase();
        if OPENING_ADVERBS.contains(&lw.as_str()) || matches!(lw.as_str(), "then" | "also" | "but" | "and" | "so" | "yet" | "still") {
            s = rest;
            continue;
        }
        if !first.starts_with(char::is_lowercase) {
            return s;
        }
        let determiner = matches!(lw.as_str(), "his" | "her" | "its" | "their");
        let preposition =
            matches!(lw.as_str(), "in" | "at" | "on" | "about" | "during" | "after" | "before" | "with" | "from" | "by" | "of" | "for");
        if !determiner && !preposition {
            return s;
        }
        // the noun phrase that follows the adjunct, when a new one opens with "the" (after "his"
        // only when what is his is where he spoke: not "his counterpart on the DCA committee")
        let the = rest.find(" the ").or_else(|| rest.find(" The "));
        let occasion = |words: &str| {
            words.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                DOCUMENTS.contains(&w.as_str())
                    || matches!(
                        w.as_str(),
                        "message" | "speech" | "interview" | "address" | "remarks" | "column" | "article" | "broadcast" | "book"
                    )
            })
        };
        match the {
            Some(i) if preposition || occasion(&rest[..i]) => s = rest[i + 1..].trim_start(),
            None if preposition => s = rest,
            _ => return s,
        }
    }
}

fn parse_source_words(src: &str) -> ParsedSource {
    // a source read with the comma or colon after it ("Ivan Horvat,") names the same speaker
    let src = without_adjunct(src).trim_end_matches([',', ';', ':', '(', '-', '–', '—']).trim_end();
    let whole = parse_source_phrases(src);
    // "World triple jump record holder and BBC pundit Jonathan Edwards", "best friend and
    // fellow runner Liz Yelling": descriptions of one person joined by "and", read as one
    // name; the person is the one named last ("Tony Blair and Gordon Brown", with no
    // description before "and", stay two)
    if let (Some(name), Some((left, right))) = (whole.name.as_deref(), src.split_once(" and ")) {
        let describes = left
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase) && !matches!(w, "the" | "of" | "for" | "de" | "da" | "del" | "van" | "von" | "al"));
        // the description before "and" ends on a common noun ("record holder"), not on a name
        // ("comedy duo Matt Lucas and David Walliams" are two)
        let ends_described = left.split_whitespace().next_back().is_some_and(|w| w.starts_with(char::is_lowercase));
        if name.contains(" and ") && describes && ends_described && !right.contains([',', '(']) {
            let person = parse_phrase(right);
            if person.name.as_deref().is_some_and(is_written_as_full_name) {
                return person;
            }
        }
    }
    // "Egyptian President Abdel Fattah al-Sisi and Jordan's King Abdullah", "Prime Minister
    // Anthony Albanese and New Zealand Prime Minister Chris Hipkins": two people, each with
    // their title, who speak together; named together, with the role they share
    if let Some((left, right)) =
        src.split_once(" and ").filter(|(l, r)| !r.contains(" and ") && !l.contains([',', '(']) && !r.contains([',', '(']))
    {
        let (l, r) = (parse_phrase(left), parse_phrase(right));
        // (each a title, then the name it ends with: not "Veteran Labour MP and former Cabinet
        // minister Jack Cunningham", one man)
        let titled = |p: &ParsedSource, side: &str| {
            let name = p.name.as_deref().unwrap_or_default();
            let title = name.split(' ').next().is_some_and(is_courtesy_title);
            (p.role.is_some() || title)
                && !p.collective
                && name.split(' ').count() >= 2
                && !name.contains(" and ")
                && side.trim_end().ends_with(name)
        };
        if titled(&l, left) && titled(&r, right) {
            let (ln, rn) = (l.name.unwrap_or_default(), r.name.unwrap_or_default());
            return ParsedSource {
                name: Some(format!("{ln} and {rn}")),
                role: l.role.filter(|role| r.role.as_ref() == Some(role)),
                ..ParsedSource::default()
            };
        }
    }
    whole
}

/// A phrase without the article it opens with ("a spokesman" -> "spokesman").
fn without_article(s: &str) -> &str {
    ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|a| s.strip_prefix(a)).unwrap_or(s)
}

/// "A Foreign, Commonwealth and Development Office (FCDO) spokesperson": a body's name with
/// commas in it, its acronym in brackets, then a role (and no one named), as (body, role).
fn body_acronym_role(src: &str) -> Option<(&str, &str)> {
    let (body, rest) = src.split_once(" (")?;
    let (acronym, role) = rest.split_once(") ")?;
    let role = role.trim();
    let body = without_article(body);
    (is_acronym(acronym) && role.split(' ').all(|w| w.starts_with(char::is_lowercase)) && ROLE_SET.contains(role)).then_some((body, role))
}

/// [`parse_source_words`] of a source that may have an appositive.
fn parse_source_phrases(src: &str) -> ParsedSource {
    if let Some((body, role)) = body_acronym_role(src) {
        return ParsedSource { role: Some(role.to_string()), affiliation: Some(body.to_string()), ..ParsedSource::default() };
    }
    let Some(cut) = src.find([',', '(']).filter(|&i| i > 0) else { return parse_phrase(src) };
    let mut head = parse_phrase(&src[..cut]);
    let rest = src[cut + 1..].trim_start_matches([' ', ')']);
    // the appositive read as a phrase of its own: parsed once, by whichever reading asks first
    let parsed_appositive = std::cell::OnceCell::new();
    let appositive = || parsed_appositive.get_or_init(|| parse_phrase(rest));
    // "the Conservatives, shadow education secretary Tim Collins": an organisation, then who
    // speaks for it
    let organisation = |n: &str| {
        head.collective
            || is_acronym(n)
            || (!n.contains(' ') && is_plural_group(n))
            || n.split_whitespace().any(|w| ORG_WORD_SET.contains(w.to_lowercase().as_str()))
    };
    if head.name.as_deref().is_some_and(organisation) && head.role.is_none() && head.pronoun.is_none() {
        let apposition = appositive();
        if apposition.role.is_some() && apposition.name.as_deref().is_some_and(is_written_as_full_name) {
            let org = head.name.take();
            // "World Anti-Doping Agency (WADA) chief Dick Pound": the name, not the bracketed
            // acronym
            let bracketed = src[cut..].starts_with('(');
            let affiliation = if bracketed { org } else { apposition.affiliation.clone().or(org) };
            return ParsedSource { affiliation, ..apposition.clone() };
        }
    }
    // "the report's author, Jane Holt, a lecturer at Leeds": a noun in lower case the role
    // list lacks, read as a name, is what the person named after it is
    let head_src = src[..cut].trim();
    if head.role.is_none()
        && head.pronoun.is_none()
        && !head.collective
        && head.name.as_deref().is_none_or(|n| n.starts_with(char::is_lowercase))
        && head_src.split_whitespace().next_back().is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        // (the appositive up to its own comma: "Jane Holt", not "Jane Holt, a lecturer")
        let apposition = parse_phrase(rest.split([',', '(']).next().unwrap_or(rest));
        if apposition.name.as_deref().is_some_and(is_written_as_full_name) && !apposition.collective && apposition.pronoun.is_none() {
            // the noun after the possessor: "author" of "the report's author"
            let noun = head_src.rsplit(['\'', '’']).next().map_or(head_src, |n| n.strip_prefix('s').unwrap_or(n).trim());
            let noun = noun.strip_prefix("the ").unwrap_or(noun).to_string();
            return ParsedSource {
                name: apposition.name.clone(),
                role: apposition.role.clone().or(Some(noun)),
                affiliation: apposition.affiliation.clone().or(head.affiliation),
                ..ParsedSource::default()
            };
        }
    }
    // "The BBC's correspondent in Jakarta, Rachel Harvey,", "his counterpart on the DCA
    // committee, Alan Beith,": the name after the role's preposition is where the role is held,
    // and the appositive names who holds it
    let preposition_before = |name: &str| {
        let head_src = &src[..cut];
        let at = head_src.rfind(name)?;
        let before: Vec<&str> = head_src[..at].split_whitespace().rev().skip_while(|w| w.eq_ignore_ascii_case("the")).take(1).collect();
        before.first().map(|w| w.to_lowercase()).filter(|w| matches!(w.as_str(), "in" | "on" | "at" | "of" | "for"))
    };
    if let (Some(_), Some(prep)) = (&head.role, head.name.as_deref().and_then(preposition_before)) {
        let apposition = appositive();
        if apposition.name.as_deref().is_some_and(is_written_as_full_name) && apposition.role.is_none() && !apposition.collective {
            let place = std::mem::replace(&mut head.name, apposition.name.clone());
            if prep != "in" && head.affiliation.is_none() {
                head.affiliation = place;
            }
        }
    }
    if head.name.is_some() && head.role.is_none() {
        let apposition = parse_description(rest);
        if apposition.role.is_some() {
            head.role = apposition.role;
            // "an economist at the University of Bergen": where they work, not who they are
            let at = rest.find(" at ").map(|i| rest[i + 4..].trim_start_matches("the ").trim_end_matches([',', ')', ' ']));
            head.affiliation = head.affiliation.or(match at {
                Some(org) if org.starts_with(char::is_uppercase) => Some(org.to_string()),
                _ => apposition.affiliation.filter(|_| apposition.name.is_none()),
            });
        }
    }
    // "the association's chief executive, Anthony Mwangi": the role first, then who holds it
    if head.name.is_none() && head.role.is_some() && head.pronoun.is_none() {
        let apposition = appositive();
        if apposition.name.is_some() && apposition.role.is_none() && !apposition.collective {
            head.name = apposition.name.clone();
        }
    }
    if head == ParsedSource::default() {
        return parse_phrase(src);
    }
    head
}

/// Parses one noun phrase without an appositive.
fn parse_phrase(src: &str) -> ParsedSource {
    parse_phrase_as(src, true)
}

/// Parses an appositive that describes a name given before it: no name follows its role, so
/// a complement is all the words after the role, and one that says where the speaker works
/// is their affiliation ("president of ClearView Economics": president, ClearView Economics),
/// as "ClearView Economics president" would say.
fn parse_description(src: &str) -> ParsedSource {
    parse_phrase_as(src, false)
}

/// The organisation a role's complement names ("of the Reserve Bank" -> Reserve Bank), when
/// it names one rather than a portfolio ("for Foreign Affairs") or a destination ("to China").
fn complement_affiliation(comp: &[&str]) -> Option<String> {
    let (prep, rest) = comp.split_first()?;
    if !matches!(prep.to_lowercase().as_str(), "of" | "for" | "at") {
        return None;
    }
    let rest = rest.strip_prefix(&["the"][..]).or_else(|| rest.strip_prefix(&["The"][..])).unwrap_or(rest);
    if rest.is_empty() || PORTFOLIO_WORD_SET.contains(rest[0].to_lowercase().as_str()) {
        return None;
    }
    let org = rest.join(" ");
    Some(country_of(&org).map_or(org, str::to_string))
}

fn parse_phrase_as(src: &str, name_follows: bool) -> ParsedSource {
    let src = src.trim();
    let lower = src.to_lowercase().replace('’', "'");
    // "I've", "we'll": the pronoun with its verb contracted onto it
    let pronoun = ["'ve", "'m", "'ll", "'d", "'re", "'s"].iter().find_map(|c| lower.strip_suffix(c)).unwrap_or(&lower);
    match pronoun {
        // a possessive is a source too: "[his] remarks", "[its] statement"
        "he" | "him" | "his" => return ParsedSource { pronoun: Some(Gender::Male), ..Default::default() },
        "she" | "her" => return ParsedSource { pronoun: Some(Gender::Female), ..Default::default() },
        "it" | "its" => return ParsedSource { pronoun: Some(Gender::Neuter), ..Default::default() },
        "they" | "we" | "i" | "you" | "their" | "our" => return ParsedSource { pronoun: Some(Gender::Other), ..Default::default() },
        _ => {}
    }
    // "Some said ...": a quantity of people is no name
    if is_quantifier(src) {
        return ParsedSource::default();
    }
    // "[Howard's] claim that ...": the owner of the words is the speaker
    let src = without_possessive(src).filter(|s| is_cap(s)).unwrap_or(src);
    // possessive: "Chinese Foreign Ministry's Spokesperson Zhao Lijian"
    let (owner, rest) = match src.find("'s ").or_else(|| src.find("’s ")) {
        Some(i) => {
            let skip = if src[i..].starts_with('\'') { 3 } else { 5 };
            (Some(src[..i].trim()), src[i + skip..].trim())
        }
        None => (None, src),
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    // "a spokesman for Michael Howard": an indefinite phrase introduces someone unnamed, so
    // the words after the role are all its complement
    let indefinite = words.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an"));
    // "[In] December Microsoft said": a month or a day is no part of a name
    let mut words: Vec<&str> = words
        .into_iter()
        .skip_while(|w| {
            let lw = w.to_lowercase();
            matches!(lw.as_str(), "the" | "a" | "an" | "former" | "then") || OPENING_ADVERBS.contains(&lw.as_str()) || is_calendar_word(w)
        })
        .collect();
    // "Earlier Mr Kennedy", "Leaving a Brussels summit Mr Blair": what comes before an
    // honorific is no part of the name; "Mr Blair directly", "Mr Brown first": nor is an
    // adverb after it
    if let Some(h) = (1..words.len().saturating_sub(1)).find(|&i| is_honorific(words[i]) && is_cap(words[i + 1])) {
        words.drain(..h);
    }
    // "Tony Blair himself"
    while words.len() > 2 && words.last().is_some_and(|w| matches!(*w, "himself" | "herself" | "itself" | "themselves")) {
        words.pop();
    }
    // "Bob Geldof in July", "Mr Blair on Monday": when, not who
    while words.len() > 2
        && words.last().is_some_and(|w| is_calendar_word(w.trim_end_matches([',', '.'])))
        && matches!(words[words.len() - 2], "in" | "on" | "since" | "until" | "last" | "this" | "next")
    {
        words.truncate(words.len() - 2);
    }
    if words.first().is_some_and(|w| is_honorific(w)) {
        while words.len() > 2
            && words
                .last()
                .is_some_and(|w| !is_cap(w) && (w.ends_with("ly") || matches!(*w, "instead" | "first" | "too" | "also" | "again")))
        {
            words.pop();
        }
    }
    // "Mr. McGinley" is McGinley (an honorific is no part of the name the speaker goes by)
    if words.len() >= 2 && is_honorific(words[0]) && is_cap(words[1]) {
        words.remove(0);
    }
    if words.is_empty() {
        return ParsedSource::default();
    }
    let lw: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // the last role phrase in the source
    let mut role_at: Option<(usize, usize)> = None;
    for i in 0..lw.len() {
        for rw in ROLES_BY_FIRST_WORD.get(lw[i].as_str()).into_iter().flatten() {
            if lw.len() >= i + rw.len() && lw[i..i + rw.len()].iter().zip(rw).all(|(a, b)| a == b) {
                // an indefinite phrase is headed by its first role ("a spokesman for EU trade
                // commissioner Peter Mandelson")
                let after_complement =
                    role_at.is_some_and(|(_, e)| lw.get(e..i).unwrap_or_default().iter().any(|w| ROLE_COMPLEMENTS.contains(&w.as_str())));
                // and so is one whose complement names a role and no one after it ("Spokesman
                // for the Secretary-General", after the name)
                let ends_phrase = i + rw.len() == lw.len();
                let later = i >= role_at.map_or(0, |(_, e)| e) && !((indefinite || ends_phrase) && after_complement);
                if role_at.is_none_or(|(s, e)| later || (i == s && i + rw.len() > e)) {
                    role_at = Some((i, i + rw.len()));
                }
            }
        }
    }
    let last_word = lw.last().map(String::as_str).unwrap_or("");
    if words.len() <= 2 && DOCUMENTS.contains(&last_word) {
        return ParsedSource { document: true, ..Default::default() };
    }
    let mut out = ParsedSource::default();
    match role_at {
        Some((rs, re)) => {
            let mut role = match lw[rs..re].join(" ").trim_end_matches('.') {
                // "PM Shehbaz Sharif", "the FM": the offices spelled out
                "pm" => "prime minister".to_string(),
                "fm" => "foreign minister".to_string(),
                r => r.to_string(),
            };
            let comp = if indefinite && words.len() > re + 1 && complement_len(&words[re..]) > 0 {
                words.len() - re
            } else {
                name_complement_len(&words[re..], name_follows)
            };
            // a legislator's complement is their seat ("MP for Hornsey and Wood Green"), which
            // stays part of the role
            let legislator = LEGISLATORS.contains(&role.as_str());
            let described = if name_follows || legislator { None } else { complement_affiliation(&words[re..re + comp]) };
            if described.is_some() {
                out.affiliation = described;
            } else if comp > 0 {
                role = format!("{role} {}", words[re..re + comp].join(" "));
            }
            let re = re + comp;
            // "member of the Cabinet": one capitalised word after the member's preposition is
            // what they are a member of, not a name
            let of_one = comp == 0
                && role.ends_with("member")
                && words.get(re).is_some_and(|w| ROLE_COMPLEMENTS.contains(w))
                && name_words(&words[re..]).len() == 1
                && words.last().is_some_and(|w| is_cap(w));
            if of_one {
                out.role = Some(format!("{role} {}", words[re..].join(" ")));
                return out;
            }
            let name = name_words(&words[re..]);
            if !name.is_empty() && re < words.len() {
                out.name = Some(name.join(" "));
            }
            // "Frank Field MP", "former welfare minister Frank Field MP": the name just before
            // the role
            let name_before = words[..rs].iter().rev().take_while(|w| is_cap(w)).count();
            if legislator && re == words.len() && name_before >= 2 {
                out.name = Some(words[rs - name_before..rs].join(" "));
                out.role = Some(role);
                return out;
            }
            let before: Vec<&str> = words[..rs].to_vec();
            let org = before.iter().any(|w| ORG_WORD_SET.contains(w.to_lowercase().as_str()));
            // "Chinese Foreign Ministry spokesperson": the ministry is the affiliation;
            // "Ukrainian Deputy Foreign Minister": the country is, and the rest qualifies the
            // role; "deputy chairman of Highland Gold", read after the name: the modifiers do.
            // (An organisation the complement names is more precise than either: "UK
            // economist for Capital Economics".)
            let titled = !before.is_empty() && before.iter().all(|w| is_cap(w));
            let qualifies_role = !before.is_empty()
                && !org
                && !legislator
                && before.iter().all(|w| {
                    // ("External Affairs Minister", "Water Resources Minister": a portfolio)
                    let lw = w.to_lowercase();
                    let office = matches!(
                        role.as_str(),
                        "minister" | "secretary" | "spokesman" | "spokeswoman" | "spokesperson" | "adviser" | "advisor" | "commissioner"
                    );
                    ROLE_MODIFIERS.contains(&lw.as_str()) || (office && PORTFOLIO_WORD_SET.contains(lw.as_str()))
                });
            match leading_country(&before).filter(|_| titled && !org) {
                Some((k, country)) => {
                    out.affiliation.get_or_insert_with(|| country.to_string());
                    let modifiers: Vec<String> = before[k..].iter().map(|w| w.to_lowercase()).collect();
                    if !modifiers.is_empty() {
                        role = format!("{} {role}", modifiers.join(" "));
                    }
                }
                None if qualifies_role => {
                    role = format!("{} {role}", before.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" "));
                }
                None if titled => {
                    out.affiliation.get_or_insert_with(|| before.join(" "));
                }
                // "EU foreign policy chief", "U.S. national security adviser": who the speaker
                // works for in capitals, then what the role is about in lower case
                // (an organisation may be the employer: "Academy executive director", "All
                // England club spokesperson"; not the role's own: "foreign ministry spokesperson")
                None if !legislator && {
                    let k = before.iter().take_while(|w| is_cap(w)).count();
                    !before[k..].iter().any(|w| ORG_WORD_SET.contains(w.to_lowercase().as_str()) && !matches!(*w, "club"))
                } =>
                {
                    let k = before.iter().take_while(|w| is_cap(w)).count();
                    let about = &before[k..];
                    // (nouns, not a clause's verb: "the Conservatives accepted Prime Minister";
                    // and not a former post: "Ex-chat show host")
                    let noun = |w: &&str| {
                        w.chars().all(|c| c.is_lowercase() || c == '-') && !w.ends_with("ed") && !matches!(*w, "says" | "tells" | "adds")
                    };
                    let former = before[..k].iter().any(|w| w.starts_with("Ex-"));
                    // (a sentence's first word is capitalised too: "Founding member", "Another
                    // current member", "Original Abba member")
                    let opener = k == 1 && {
                        let w = before[0].to_lowercase();
                        w.ends_with("ed")
                            || w.ends_with("ing")
                            || w.ends_with("ly")
                            || matches!(
                                w.as_str(),
                                "another"
                                    | "original"
                                    | "former"
                                    | "veteran"
                                    | "fellow"
                                    | "then"
                                    | "new"
                                    | "current"
                                    | "one"
                                    | "both"
                                    | "some"
                                    | "many"
                                    | "other"
                                    | "longtime"
                            )
                    };
                    if k > 0 && !about.is_empty() && about.len() <= 3 && about.iter().all(noun) && !former && !opener {
                        let employer = before[..k].join(" ");
                        let employer = employer.trim_end_matches(['\'', '’']).to_string();
                        out.affiliation.get_or_insert_with(|| country_of(&employer).map_or(employer, str::to_string));
                        role = format!("{} {role}", about.join(" "));
                    }
                }
                None => {}
            }
            out.role = Some(role);
        }
        None => {
            // "the Chinese government", "the Pakistani side": the country speaks
            let head = lw.last().map(String::as_str).unwrap_or("");
            let cap_prefix = words.iter().take_while(|w| is_cap(w)).count();
            if matches!(head, "government" | "side" | "authorities" | "leadership") && cap_prefix + 1 == words.len() {
                if let Some(country) = leading_country(&words[..cap_prefix]).filter(|(k, _)| *k == cap_prefix).map(|(_, c)| c) {
                    return ParsedSource { name: Some(country.to_string()), collective: true, ..Default::default() };
                }
            }
            // "Heavy rain", "Democratic voters": a common noun heads the phrase, which describes
            // rather than names (the caller keeps the description)
            let common_head = !is_cap(words.last().copied().unwrap_or("")) && !ORG_WORD_SET.contains(head);
            if words.iter().any(|w| is_cap(w)) && !common_head {
                // "Senate of Pakistan", "Zhao Lijian", "China"
                while words.last().is_some_and(|w| !is_cap(w)) {
                    words.pop();
                }
                // "Ferry captain Nils Berg", "farmer Joan Pike": a descriptor before the name is
                // their role, not part of the name
                let connector =
                    |w: &str| matches!(w, "of" | "for" | "and" | "the" | "de" | "da" | "del" | "al" | "bin" | "van" | "von" | "le" | "la");
                let preposition = |w: &str| {
                    matches!(w.to_lowercase().as_str(), "at" | "on" | "in" | "with" | "from" | "by" | "to" | "for" | "of" | "who" | "which")
                };
                // "[a book] by author Pamela Travers": the phrase after a lower-case preposition
                // that comes before the name
                if let Some(p) = words.iter().rposition(|w| !is_cap(w) && preposition(w) && *w != "of" && *w != "for") {
                    // (not "the Norwegian Embassy in Madrid": a name before it keeps it)
                    if words[p + 1..].iter().any(|w| is_cap(w)) && !words[..p].iter().any(|w| is_cap(w)) {
                        words.drain(..=p);
                    }
                }
                if let Some(j) = words.iter().rposition(|w| !is_cap(w) && !connector(w)) {
                    let plain = !words[..=j].iter().any(|w| preposition(w));
                    // a long descriptor ("British and Irish Lions coach Clive Woodward") gives
                    // the occupation it ends with
                    let occupation = OCCUPATION_TITLE_SET.contains(words[j]) && !words[..j].iter().any(|w| w.contains(['(', ')']));
                    if plain && (j < 3 || occupation) && j + 1 < words.len() && words[j + 1..].iter().all(|w| is_cap(w)) {
                        let from = if j < 3 { 0 } else { j };
                        // "Last week Lord Goldsmith": a time before the name is no role (but
                        // "night porter" is); "the pro-hunt MPs": a group's descriptor is no
                        // one's role
                        let time = is_time_word(words[j]);
                        let group = words.len() == j + 2 && is_plural_group(words[j + 1]);
                        if !time && !group {
                            out.role = Some(words[from..=j].iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" "));
                        }
                        words.drain(..=j);
                    }
                }
                // "Paul Hofheinz of the Lisbon Council", "Matthew Herren from EduVision": a
                // person's name, then where they work (not "Senate of Pakistan", "Bank of
                // England" or "United States of America": one word, or a name of its own)
                if let Some(p) = words.iter().position(|w| matches!(*w, "of" | "from")) {
                    let person = &words[..p];
                    let plain_name = |w: &&str| {
                        let lw = w.to_lowercase();
                        is_cap(w) && !is_acronym(w) && !ORG_WORD_SET.contains(lw.as_str()) && !NAMED_OF.contains(&lw.as_str())
                    };
                    // the name the phrase ends with ("of IT firm [Dimension Data]")
                    let after = &words[p + 1..];
                    let start = after.iter().rposition(|w| !is_cap(w) && !connector(w) && *w != "&").map_or(0, |i| i + 1);
                    let place: Vec<&str> = after[start..].iter().copied().skip_while(|w| connector(w)).collect();
                    if person.len() == 2
                        && person.iter().all(plain_name)
                        && !place.is_empty()
                        && place.iter().all(|w| is_cap(w) || connector(w))
                        && !is_country(&words.join(" "))
                        && leading_country(person).is_none()
                    {
                        out.affiliation = Some(place.join(" "));
                        words.truncate(p);
                    }
                }
                let titles = words.iter().take_while(|w| OCCUPATION_TITLE_SET.contains(w.to_lowercase().as_str())).count();
                if out.role.is_none() && titles > 0 && words.len() >= titles + 2 && words.iter().all(|w| is_cap(w)) {
                    out.role = Some(words.drain(..titles).map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" "));
                }
                let name = words.join(" ");
                out.collective = names_collective(&name);
                if let Some(of) = name.find(" of ") {
                    let tail = &name[of + 4..];
                    if is_country(tail) {
                        out.affiliation = Some(tail.to_string());
                    }
                }
                out.name = Some(name);
            }
        }
    }
    if let Some(o) = owner {
        out.affiliation = Some(o.trim_start_matches("the ").trim_start_matches("The ").to_string());
    }
    // "accepted Prime Minister Tony Blair's": the name without the possessive
    if let Some(n) = &mut out.name {
        if let Some(bare) = without_possessive(n) {
            *n = bare.to_string();
        }
    }
    if let Some(a) = &out.affiliation {
        if let Some(c) = country_of_demonym(a) {
            out.affiliation = Some(c.to_string());
        }
    }
    out
}

#[derive(Debug, Clone)]
struct Entity {
    name: String,
    role: Option<String>,
    affiliation: Option<String>,
    gender: Option<Gender>,
    collective: bool,
    /// Byte offsets where the entity is mentioned by name, a role, or as a speaker.
    mentions: Vec<usize>,
    /// Statement indices it is the speaker of.
    spoke: Vec<usize>,
    /// Where the article first names it (by title or as a source).
    first_mention: Option<usize>,
}

/// The source with the title written just before it, when a reader cut the noun phrase inside
/// its title: "Pakistani Minister for [Planning Tariq Mehmood]", "Pakistani Ambassador to
/// [China Farah Siddiqui]". Only capitalised words, role nouns and the prepositions of a role's
/// complement are taken, back to the first word that is none of these.
fn with_title_before(text: &str, source: onrecord_model::Span) -> &str {
    let src = source.of(text);
    // a title is a few words: look back 200 bytes at most (a line with no punctuation could
    // otherwise make this cost its length for every source)
    let floor = crate::boundary_at_or_after(text, source.start.saturating_sub(200));
    let line_start = text[floor..source.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '\n' | '.' | ',' | ';' | ':' | '"' | '“' | '('))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let before = &text[line_start..source.start];
    let pronoun = matches!(src.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i");
    // "[Permanent Representative to] the UN Munir Akram": a title's complement may begin with
    // "the"
    let capitalised = is_cap(src) || src.strip_prefix("the ").is_some_and(is_cap);
    if !before.ends_with(' ') || !capitalised || pronoun {
        return src;
    }
    let words = onrecord_segment::spaced_words(before, line_start);
    let mut start = None;
    let mut role_seen = false;
    for &(at, w) in words.iter().rev().take(6) {
        let lw = w.to_lowercase();
        let role = ROLE_WORDS.contains(lw.as_str());
        if !(is_cap(w) || role || ROLE_COMPLEMENTS.contains(&lw.as_str())) {
            break;
        }
        role_seen |= role;
        start = Some(at);
    }
    match start {
        Some(at) if role_seen => &text[at..source.end],
        _ => src,
    }
}

/// `s` without a trailing "'s" or "’s", if it has one.
fn without_possessive(s: &str) -> Option<&str> {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s"))
}

fn is_relative_pronoun(src: &str) -> bool {
    matches!(src.trim().to_lowercase().as_str(), "who" | "which" | "that")
}

/// The noun phrase a relative pronoun source hangs on: "[David Klein], who often argued ...",
/// "[The IAAF] - which said ...". Only a non-restrictive clause, set off by a comma or a dash,
/// has one: in "some analysts who had expected ..." the phrase before "who" is the whole
/// clause. `None` for any other source.
fn relative_antecedent(text: &str, source: onrecord_model::Span) -> Option<&str> {
    if !is_relative_pronoun(source.of(text)) {
        return None;
    }
    let floor = crate::boundary_at_or_after(text, source.start.saturating_sub(200));
    let before = text[floor..source.start].trim_end();
    let before = before.strip_suffix([',', '-', '–', '—'])?.trim_end();
    // "the International Air Transport Association (IATA), which": the phrase, not its acronym
    let before = match before.strip_suffix(')') {
        Some(inner) => inner.rfind('(').map_or(before, |open| inner[..open].trim_end()),
        None => before,
    };
    // (the boundaries are ASCII or three-byte dashes and quotes: step over the whole character)
    let start =
        crate::boundary_at_or_after(before, before.rfind(['.', ',', ';', ':', '\n', '(', '"', '“', '”', '–', '—']).map_or(0, |i| i + 1));
    let phrase = before[start..].trim();
    // ("..." said [one engineer at the site], who ...": the cue after a quotation is no part of it)
    let phrase = ["said ", "says ", "added ", "told ", "wrote ", "asked ", "explained "]
        .iter()
        .find_map(|cue| phrase.strip_prefix(cue))
        .unwrap_or(phrase);
    if phrase.split_whitespace().count() <= 6 {
        return (!phrase.is_empty()).then_some(phrase);
    }
    // a long clause before the comma: the name (with its title) that ends it, if it ends
    // with one ("His claims were denied by [Foreign Secretary Jack Straw], who accused ...")
    let words = onrecord_segment::spaced_words(phrase, 0);
    let mut from = None;
    for &(at, w) in words.iter().rev().take(10) {
        let lw = w.to_lowercase();
        // "the Organisation for Economic Co-operation and Development"
        if matches!(lw.as_str(), "of" | "for" | "and" | "the") && from.is_some() {
            continue;
        }
        if !(is_cap(w) || ROLE_WORDS.contains(lw.as_str())) || is_calendar_word(w) {
            break;
        }
        from = Some(at);
    }
    let name = &phrase[from?..];
    name.split_whitespace().last().is_some_and(is_cap).then_some(name)
}

/// "The Refugee Council warned ... Its chief executive, Enver Solomon, said ...": a role owned
/// by "its" or "their" is held at the organisation that spoke last before it.
fn owners_of_its(article: &Article, text: &str, parsed: &mut [Option<ParsedSource>]) {
    let mut by_position: Vec<(usize, usize)> =
        article.statements.iter().enumerate().filter_map(|(i, s)| s.source.map(|x| (x.start, i))).collect();
    by_position.sort_unstable();
    let mut last_organisation: Option<String> = None;
    for (_, i) in by_position {
        let Some(source) = article.statements[i].source else { continue };
        let owned = source.of(text).split_whitespace().next().is_some_and(|w| matches!(w, "Its" | "its" | "Their" | "their"));
        let Some(p) = parsed[i].as_mut() else { continue };
        if owned && p.role.is_some() && p.affiliation.is_none() {
            p.affiliation.clone_from(&last_organisation);
        }
        if let Some(name) = p.name.as_deref().filter(|n| p.collective || names_collective(n)) {
            last_organisation = Some(name.to_string());
        }
    }
}

/// "For the Harbour Party, [shadow education secretary Ola Dahl] said ...", "In a statement
/// issued by the Foreign Office, [spokesperson ...] said ...": the organisation a sentence opens
/// with, for whom the source speaks.
fn speaking_for_before(text: &str, source: onrecord_model::Span) -> Option<String> {
    let start = sentence_start(text, source.start);
    let before = text[start..source.start].trim_end().strip_suffix(',')?;
    // ("In a statement issued by the Foreign Office, spokesperson ... said": who issued it)
    let issued = || {
        let statement = [
            "In a statement ", "In a press release ", "In a written statement ", "According to a statement ",
            "According to a press release ",
        ]
        .iter()
        .any(|p| before.starts_with(p));
        let by =
            before.rfind(" issued by ").map(|i| i + " issued by ".len()).or_else(|| before.rfind(" from ").map(|i| i + " from ".len()));
        by.filter(|_| statement).map(|i| &before[i..])
    };
    let org = before.strip_prefix("For ").or_else(|| before.strip_prefix("On behalf of ")).or_else(issued)?;
    let org = org.strip_prefix("the ").unwrap_or(org).trim();
    let words = org.split_whitespace().count();
    ((1..=6).contains(&words) && org.split_whitespace().all(|w| is_cap(w) || matches!(w, "of" | "for" | "and" | "the")))
        .then(|| org.to_string())
}

fn same_person(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if let Some(same) = same_peer(a, b).or_else(|| same_peer(b, a)) {
        return same;
    }
    // (asked of every known entity for every name: the word tests, which fail most, come first)
    let (na, nb) = (a.split_whitespace().count(), b.split_whitespace().count());
    let (short, long) = if na <= nb { (a, b) } else { (b, a) };
    // a surname of two letters is a name ("Xi", "Li", "Wu"), an initial ("J.") is not
    // one of two people named together is not the pair ("Tote King and Manuel Millan")
    na != nb
        && !long.contains(" and ")
        // ("Jean-Pierre", "al-Ansari" and "O'Brien" are names too)
        && short.split_whitespace().all(|w| w.len() >= 2 && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
        // ("Sisi" is the "al-Sisi" of "Abdel Fattah al-Sisi")
        && short.split_whitespace().all(|w| long.split_whitespace().any(|l| l == w || without_name_prefix(l) == w))
        // "China" is not the China of "China Farah Siddiqui"
        && country_of(a).is_none()
        && country_of(b).is_none()
}

impl Entity {
    /// Whether a pronoun of gender `g` can point to this entity ("they" to anyone, "it" to
    /// anyone not known to be a man or a woman).
    fn fits(&self, g: Gender) -> bool {
        match g {
            Gender::Other => true,
            // a name of more words that is no organisation's by its words and came with a role
            // is a person's whose given name the list lacks ("Arjan Sweere, an analyst at
            // Petercam"); without one it may be a business's ("Hyundai Motor")
            // (and people in the plural are "they": "Analysts", "People", "Tories and Lib Dems")
            Gender::Neuter => {
                let plural = self
                    .name
                    .split(' ')
                    .next_back()
                    .is_some_and(|w| is_plural_group(w) || PLURAL_PEOPLE.contains(&w.to_lowercase().as_str()));
                // a role that is a kind of body says it is one ("drugs group Halvorsen Pharma")
                !plural
                    && (self.collective
                        || role_names_a_body(self.role.as_deref())
                        || (self.gender.is_none() && (!self.name.contains(' ') || self.role.is_none())))
            }
            _ => !self.collective && self.gender.is_none_or(|eg| eg == g),
        }
    }
}

struct Registry {
    entities: Vec<Entity>,
}

/// A peer named by title and surname ("Baroness Boothroyd", "Lord Falconer"): the surname,
/// and the gender the title gives.
fn peerage(name: &str) -> Option<(&str, Gender)> {
    let (title, surname) = name.split_once(' ')?;
    let gender = match title {
        "Lord" | "Baron" | "Viscount" | "Earl" => Gender::Male,
        "Lady" | "Baroness" | "Viscountess" | "Countess" => Gender::Female,
        _ => return None,
    };
    (!surname.contains(' ') && is_cap(surname)).then_some((surname, gender))
}

/// Whether `peer`, a name of the form [`peerage`] reads, and `other` are one person: the
/// same surname, alone ("Boothroyd"), by title ("Lady Boothroyd", "Baroness Boothroyd") or
/// after a given name that is not of the other gender ("Betty Boothroyd"; not "Mark
/// Thatcher" for "Lady Thatcher").
/// `None` when `peer` is no peer's name.
fn same_peer(peer: &str, other: &str) -> Option<bool> {
    let (surname, gender) = peerage(peer)?;
    if let Some((other_surname, other_gender)) = peerage(other) {
        return Some(surname == other_surname && gender == other_gender);
    }
    let words: Vec<&str> = other.split_whitespace().collect();
    let [given, .., last] = words[..] else { return Some(other == surname) };
    Some(last == surname && super::given_names::gender_of_given_name(given).is_none_or(|g| g == gender))
}

impl Registry {
    /// Of the entities `keep` accepts, the one with the latest mention inside `range`.
    fn mentioned_last(&self, range: impl std::ops::RangeBounds<usize>, keep: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| keep(e))
            .filter_map(|(i, e)| e.mentions.iter().filter(|m| range.contains(m)).max().map(|&m| (m, i)))
            .max()
            .map(|(_, i)| i)
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.name == name)
            .or_else(|| self.entities.iter().position(|e| !e.collective && same_person(&e.name, name)))
    }

    /// Like [`Registry::find`], among the entities a pronoun of gender `g` fits.
    fn find_fitting(&self, name: &str, g: Gender) -> Option<usize> {
        self.entities.iter().position(|e| e.fits(g) && (e.name == name || (!e.collective && same_person(&e.name, name))))
    }

    fn add(&mut self, p: &ParsedSource, at: usize) -> Option<usize> {
        let name = p.name.as_ref()?;
        let i = match self.find(name) {
            Some(i) => {
                let e = &mut self.entities[i];
                if name.split_whitespace().count() > e.name.split_whitespace().count() && !e.collective {
                    e.name = name.clone();
                }
                i
            }
            None => {
                self.entities.push(Entity {
                    name: name.clone(),
                    role: None,
                    affiliation: None,
                    gender: None,
                    collective: p.collective,
                    mentions: Vec::new(),
                    spoke: Vec::new(),
                    first_mention: None,
                });
                self.entities.len() - 1
            }
        };
        let e = &mut self.entities[i];
        if e.role.is_none() {
            e.role = p.role.clone();
        }
        if e.affiliation.is_none() {
            e.affiliation = p.affiliation.clone();
        }
        if let Some(r) = &p.role {
            if MALE_TITLES.contains(&r.as_str()) {
                e.gender = Some(Gender::Male);
            } else if FEMALE_TITLES.contains(&r.as_str()) {
                e.gender = Some(Gender::Female);
            }
        }
        e.mentions.push(at);
        Some(i)
    }
}

/// People the story names by given name and surname ("Man-of-the-match Stephen Jones, who
/// kicked three penalties", "echoed by Christine Rush, director of ..."), with the gender the
/// given name tells: a later "he said" or "she said" may point to them though they have not
/// spoken yet, and a speaker so named is never "she" if he is "he". A run of more than three
/// capitalised words, or one with an organisation's word in it, names something else
/// ("George Washington University").
fn named_mentions(text: &str, words: &[(usize, &str)]) -> Vec<(usize, ParsedSource, Gender)> {
    let name_like = |w: &str| {
        let lw = w.to_lowercase();
        is_cap(w)
            && w.chars().count() > 1
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !is_calendar_word(w)
            && !ORG_WORD_SET.contains(lw.as_str())
            && !NAMED_OF.contains(&lw.as_str())
            && country_of(w).is_none()
    };
    let mut out = Vec::new();
    for (i, &(at, w)) in words.iter().enumerate() {
        let given = w.trim_start_matches(['"', '“', '‘', '\'', '(']);
        // (most words are in lower case: no lookup for them)
        if !given.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let Some(gender) = super::given_names::gender_of_given_name(given) else { continue };
        // a given name inside a longer name is not where it starts ("Shani Rhys James"); a
        // title, a possessive or a mark before it is ("Sir Clive Woodward", "Ireland's Alistair
        // Cragg")
        if let Some(&(prev_at, prev)) = i.checked_sub(1).and_then(|p| words.get(p)) {
            let lp = prev.to_lowercase();
            let title = is_courtesy_title(prev);
            let closed = without_possessive(prev).is_some() || prev.ends_with(|c: char| !c.is_alphanumeric());
            // an adjective capitalised because it opens the sentence ("Unseeded Nicolas Almagro",
            // "Veteran Jane Russell")
            let opening_adjective = sentence_start(text, prev_at) == prev_at
                && (lp.ends_with("ed")
                    || lp.ends_with("ing")
                    || matches!(lp.as_str(), "former" | "veteran" | "rookie" | "new" | "young" | "top" | "fellow" | "then"));
            if given.len() == w.len() && is_cap(prev) && !title && !closed && !opening_adjective {
                continue;
            }
        }
        let Some(&(_, next)) = words.get(i + 1) else { continue };
        let surname = next.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’', '\'']);
        let surname = without_possessive(surname).unwrap_or(surname);
        if !name_like(surname) {
            continue;
        }
        // the name ends at a mark after the surname or at a word in lower case: a third
        // capitalised word makes it a title-case headline or the name of a thing ("Gordon
        // Brown Backs Plan", "Jack Straw Hospital")
        let closed =
            surname.len() != next.len() || words.get(i + 2).is_none_or(|&(_, after)| !after.chars().next().is_some_and(char::is_uppercase));
        if !closed {
            continue;
        }
        let p = ParsedSource { name: Some(format!("{given} {surname}")), ..ParsedSource::default() };
        out.push((at + (w.len() - given.len()), p, gender));
    }
    out
}

/// Titled names anywhere in the text ("President Arif Alvi", "Mr. Zhao") become entities too,
/// so that "the President" later has someone to point to.
fn titled_mentions(text: &str, words: &[(usize, &str)]) -> Vec<(usize, ParsedSource)> {
    let mut out = Vec::new();
    // whether word `k` follows word `k - 1` after one whitespace character: a line break or a
    // double space ends a name and a title's qualifiers
    let joined = |k: usize| {
        let (at, w) = words[k - 1];
        let gap = &text[at + w.len()..words[k].0];
        gap.len() == 1 || gap.chars().count() == 1
    };
    // (a `match`, not a list's `contains`: it is asked of every word of every article)
    #[rustfmt::skip] // a word list, packed
    let is_title = |w: &str| matches!(w,
        "President" | "Minister" | "Ambassador" | "Senator" | "Sen." | "Governor" | "Gov." | "Mr." | "Mrs." | "Ms." | "Dr." | "Spokesperson"
        | "Secretary" | "Premier" | "Chancellor" | "Mayor" | "Rep." | "Spokesman" | "Spokeswoman" | "Director" | "Chairman" | "Chairwoman"
        | "Commissioner" | "Envoy" | "Leader"
        // in running text a role noun is often written in lower case before the name: "Foreign
        // Ministry spokesperson Wang Wenbin", "Egypt's foreign minister Sameh Shoukry"
        | "spokesperson" | "spokesman" | "spokeswoman" | "minister" | "president" | "ambassador" | "envoy" | "premier" | "secretary"
        | "chancellor" | "leader" | "counterpart"
    );
    for (i, (at, w)) in words.iter().enumerate() {
        if !is_title(w) {
            continue;
        }
        // the words after the title: the name, and before it an office's complement ("Secretary
        // [of State] Antony J. Blinken"), an honorific or initials ("Minister Dr. S.
        // Jaishankar"), which end no name for all their full stops
        let mut name = Vec::new();
        let mut complement: Vec<&str> = Vec::new();
        for (k, (_, n)) in words.iter().enumerate().skip(i + 1) {
            if !joined(k) {
                break;
            }
            let clean = n.trim_end_matches([',', '.', ';', ':', ')', '"', '”']).trim_end_matches("'s").trim_end_matches("’s");
            let initial = n.len() == 2 && n.ends_with('.') && n.starts_with(|c: char| c.is_ascii_uppercase());
            // (an office's complement: a spokesman "for Royal Mail" speaks for an organisation)
            let takes_complement =
                name.is_empty() && matches!(*w, "Secretary" | "Minister" | "secretary" | "minister") && complement.len() < 4;
            if takes_complement
                && (matches!(*n, "of" | "for")
                    || (!complement.is_empty() && is_cap(clean) && ORG_WORD_SET.contains(clean.to_lowercase().as_str()))
                    || (matches!(complement.last(), Some(&"of" | &"for")) && is_cap(clean)))
            {
                complement.push(n);
                continue;
            }
            if name.is_empty() && (is_honorific(clean) || is_honorific(n)) && n.ends_with('.') {
                continue;
            }
            if initial {
                name.push(n.to_string());
                continue;
            }
            if is_cap(clean)
                && clean.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                && clean.len() > 1
                && !is_calendar_word(clean)
            {
                name.push(clean.to_string());
                if clean.len() != n.len() {
                    break;
                }
            } else {
                break;
            }
            if name.len() == 3 {
                break;
            }
        }
        // (a name of initials alone is none: "Minister A. B."; after a complement, a name is a
        // given name or two words at least: "Secretary of State for Culture Tessa Jowell")
        if name.iter().all(|n| n.ends_with('.')) {
            continue;
        }
        if !complement.is_empty() && name.len() < 2 && name.first().is_none_or(|n| super::given_names::gender_of_given_name(n).is_none()) {
            continue;
        }
        // the words that qualify the title ("Nigerian Trade Minister", "Japanese Chief Cabinet
        // Secretary") or name who the speaker works for ("Chinese Foreign Ministry
        // spokesperson"), back to the country or demonym that opens them, if any
        let mut role_start = i;
        // once an organisation word is taken, the capitalised words before it name the
        // organisation ("Home Office minister", "Justice Department spokesman")
        let mut in_org = false;
        while role_start > 0 && i - role_start < 4 && joined(role_start) {
            let w = words[role_start - 1].1;
            let lw = w.to_lowercase();
            let org = is_cap(w) && ORG_WORD_SET.contains(lw.trim_end_matches("'s").trim_end_matches("’s"));
            let org_name = in_org
                && is_cap(w)
                && !is_calendar_word(w)
                && !matches!(
                    lw.as_str(),
                    "the" | "a" | "an" | "on" | "in" | "at" | "and" | "but" | "as" | "for" | "when" | "after" | "while"
                );
            in_org |= org;
            if ROLE_MODIFIERS.contains(&lw.as_str()) || org || org_name || (is_cap(w) && country_of(w).is_some()) {
                role_start -= 1;
                if country_of(w).is_some() {
                    break;
                }
            } else {
                break;
            }
        }
        let title_words = words[role_start..=i].iter().map(|(_, w)| *w).chain(complement.iter().copied()).collect::<Vec<_>>();
        let phrase = format!("{} {}", title_words.join(" "), name.join(" "));
        let mut p = parse_source(&phrase);
        if p.name.is_none() {
            continue;
        }
        if is_honorific(w) {
            p.role = None;
            p.affiliation = None;
            p.name = Some(name.join(" "));
        }
        out.push((*at, p));
    }
    out
}

pub fn resolve_speakers(article: &mut Article) {
    let text = article.text.clone();
    let mut reg = Registry { entities: Vec::new() };
    // the words between any whitespace, which the narrative's names are read from
    let words = onrecord_segment::whitespace_words(&text, 0);
    let titled = titled_mentions(&text, &words);
    for (at, p) in &titled {
        if let Some(i) = reg.add(p, *at) {
            if let Some(g) = titled_gender(&text[*at..]) {
                reg.entities[i].gender = Some(g);
            }
        }
    }
    // people named by given name and surname: who they are, and where (`newcomers`, the
    // entities first named so)
    let named = named_mentions(&text, &words);
    let mut newcomers = vec![];
    for (at, p, g) in named {
        let Some(full) = p.name.as_deref() else { continue };
        let surname = full.rsplit(' ').next().unwrap_or(full);
        match reg.find(full) {
            // a speaker known by surname ("Prater") takes the full name; one whose name holds
            // it in another way ("British stars Imelda Staunton and Clive Owen") is someone else
            Some(i) if reg.entities[i].name == full || reg.entities[i].name == surname => {
                reg.add(&p, at);
                reg.entities[i].mentions.pop();
                reg.entities[i].gender.get_or_insert(g);
            }
            Some(_) => {}
            None => {
                if let Some(i) = reg.add(&p, at) {
                    reg.entities[i].mentions.pop();
                    reg.entities[i].gender = Some(g);
                    newcomers.push((at, i, false));
                }
            }
        }
    }
    // the headline, when the article opens with it
    let headline = article.headline_paragraph().map(|p| p.span);
    // Pass 1: every named source, so a headline "...: Mao Ning" meets her full title later on.
    // "QUESTION: ..." in a briefing transcript is a reporter whom the transcript leaves unnamed,
    // not a speaker called Question
    let mut parsed: Vec<Option<ParsedSource>> = article
        .statements
        .iter()
        .map(|s| {
            s.source.filter(|x| !(s.kind == StatementKind::Transcript && is_questioner_label(x.of(&text)))).map(|sp| {
                let mut p = parse_source(relative_antecedent(&text, sp).unwrap_or_else(|| with_title_before(&text, sp)));
                if p.affiliation.is_none() && p.role.is_some() {
                    p.affiliation = speaking_for_before(&text, sp);
                }
                p
            })
        })
        .collect();
    owners_of_its(article, &text, &mut parsed);
    for (st, p) in article.statements.iter().zip(&parsed) {
        if let (Some(p), Some(src)) = (p, st.source) {
            if p.name.is_some() {
                reg.add(p, src.start);
            }
        }
    }
    for e in &mut reg.entities {
        e.first_mention = e.mentions.iter().min().copied();
        e.mentions.clear();
        // "Craig Prater" is a "he" whether or not a title said so
        if e.gender.is_none() && !e.collective {
            e.gender = e.name.split(' ').next().and_then(super::given_names::gender_of_given_name);
        }
    }
    // a person of known gender who opens a sentence by surname ("Roddick broke a racket in
    // frustration.") is that sentence's subject, whether or not they have spoken before
    for (at, i) in surname_subjects(&reg, &text, &words) {
        newcomers.push((at, i, true));
    }
    newcomers.sort_unstable();
    // "A:" of a spokesperson's remarks or an interview answers for the person the headline
    // names ("Foreign Ministry Spokesperson Mao Ning's Remarks on ...")
    let answerer = headline
        .and_then(|h| reg.entities.iter().position(|e| !e.collective && e.first_mention.is_some_and(|m| h.start <= m && m < h.end)));
    // Pass 2: in text order, resolve each source to an entity.
    let order: Vec<usize> = {
        let mut v: Vec<usize> = (0..article.statements.len()).collect();
        v.sort_by_key(|&i| {
            article.statements[i].cue.or(article.statements[i].source).map_or(article.statements[i].content.start, |s| s.start)
        });
        v
    };
    let contents: Vec<onrecord_model::Span> = article.statements.iter().map(|s| s.content).collect();
    let mut last_speaker: Option<usize> = None;
    // the entity of the last statement and where its source (or content) starts
    let mut last_in_paragraph: Option<(usize, usize)> = None;
    let mut resolved: Vec<Option<usize>> = vec![None; article.statements.len()];
    // titled mentions before a statement count as mentions (for "the President"); the registry
    // takes no new names from here on, so each mention's entity is found once, and mentions are
    // taken in text order as the statements pass them
    let titled_entities: Vec<(usize, Option<usize>)> =
        titled.iter().map(|(at, p)| (*at, p.name.as_ref().and_then(|n| reg.find(n)))).collect();
    let mut titled_seen = 0;
    // the last statement whose source named a role and no one ("a senior official who
    // declined to be named"), while no named speaker has spoken since; and for each statement
    // whose definite role ("the official") points back to such a one, that statement
    let mut last_unnamed: Option<(usize, String)> = None;
    let mut same_unnamed: Vec<Option<usize>> = vec![None; article.statements.len()];
    for &si in &order {
        let st = &article.statements[si];
        let pos = st.source.map_or(st.content.start, |s| s.start);
        // a source that opens with "the" points back to someone ("the official")
        let definite = st.source.is_some_and(|x| x.of(&text).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("the")));
        // "According to the official, ...": the unnamed official just quoted, not a named
        // speaker before them who holds some office
        let points_to_unnamed = parsed[si].as_ref().and_then(|p| {
            let (None, Some(role), Some((o, before))) = (&p.name, &p.role, &last_unnamed) else { return None };
            let role = role.trim_end_matches('s');
            (definite && (holds_role(before, role) || GENERIC_ROLES.contains(&role))).then_some(*o)
        });
        while let Some(&(at, entity)) = titled_entities.get(titled_seen).filter(|(at, _)| *at < pos) {
            if let Some(i) = entity {
                if !reg.entities[i].mentions.contains(&at) {
                    reg.entities[i].mentions.push(at);
                }
            }
            titled_seen += 1;
        }
        let pronoun_to_unnamed = parsed[si].as_ref().and_then(|p| {
            let g = p.pronoun.filter(|g| g.is_personal())?;
            after_unnamed(article, &text, last_unnamed.as_ref(), p, pos).filter(|&o| {
                let since = article.statements[o].source.map(|x| x.start);
                newcomer(&reg, &newcomers, &text, &contents, g, since, pos).is_none()
            })
        });
        let entity = match (&parsed[si], st.kind, st.cue) {
            (_, StatementKind::Floating, _) => last_speaker,
            // "when asked whether ...": the words are the question put to the speaker, and who
            // put it is not written
            (None, _, Some(cue)) if is_question_cue(cue.of(&text)) => None,
            (_, StatementKind::Transcript, _) if st.source.is_some_and(|x| x.of(&text) == "A") => answerer,
            (None, StatementKind::Transcript, _) => None,
            // no source found: whoever the sentence names before the cue ("Spokesperson X,
            // addressing the briefing, said ..."), else the speaker carried on
            (None, _, Some(cue)) => {
                subject_before(&reg, &text, cue.start).or_else(|| last_speaker.filter(|_| !opens_with_new_subject(&text, cue.start)))
            }
            (None, _, None) => last_speaker,
            // "Mr Blair" is Tony, not Cherie Blair: a title's gender picks among the people of
            // that surname
            (Some(p), _, _) if p.name.is_some() => p.name.as_ref().and_then(|n| {
                let g = st.source.and_then(|x| titled_gender(x.of(&text).split(['\'', '’']).next().unwrap_or("")));
                g.and_then(|g| reg.find_fitting(n, g)).or_else(|| reg.find(n))
            }),
            // within a paragraph "she" is whoever spoke last, if she can be: news names a new
            // speaker and goes on with "she said"; across paragraphs, the most salient speaker
            // "it is thought", "it was understood": no one in particular
            (Some(p), _, Some(cue)) if p.pronoun == Some(Gender::Neuter) && is_impersonal(cue.of(&text)) => None,
            // "A senior official said ... . He said ...": within the paragraph, or opening the
            // next, a pronoun after an unnamed speaker (no one named spoke since) is that speaker
            // (unless the narrative has named someone new since: "..., a spokesman said. Lib
            // Dem spokesman Mark Oaten has branded the scheme ... . He said: ...")
            (Some(_), _, _) if pronoun_to_unnamed.is_some() => {
                same_unnamed[si] = pronoun_to_unnamed;
                None
            }
            (Some(p), _, _) if p.pronoun.is_some() => {
                let g = p.pronoun.unwrap_or(Gender::Other);
                last_in_paragraph
                    .filter(|&(i, at)| at <= pos && !text[at..pos].contains('\n') && reg.entities[i].fits(g))
                    .map(|(i, _)| i)
                    .or_else(|| newcomer(&reg, &newcomers, &text, &contents, g, last_in_paragraph.map(|(_, at)| at), pos))
                    // "he" opening the paragraph after the one where a man spoke last is that
                    // man, when his gender is known, however often others spoke before him
                    .or_else(|| {
                        last_in_paragraph
                            .filter(|&(i, at)| {
                                g.is_personal()
                                    && at <= pos
                                    && text[at..pos].matches('\n').count() <= 2
                                    && reg.entities[i].gender == Some(g)
                                    && !reg.entities[i].collective
                            })
                            .map(|(i, _)| i)
                    })
                    .or_else(|| pick_pronoun(&reg, g, &resolved, pos))
                    // no one who fits has spoken or been named with a title: the one person of
                    // that gender the narrative has named ("echoed by Christine Rush, director of
                    // ... . "...," she said."), if there is only one
                    .or_else(|| {
                        let named: rustc_hash::FxHashSet<usize> = newcomers
                            .iter()
                            .filter(|&&(at, i, _)| at < pos && reg.entities[i].gender == Some(g))
                            .map(|&(_, i, _)| i)
                            .collect();
                        (g.is_personal() && named.len() == 1).then(|| named.into_iter().next()).flatten()
                    })
            }
            (Some(p), _, _) if p.document => last_collective(&reg, &resolved).or(last_speaker),
            (Some(p), _, _) if p.role.is_some() && points_to_unnamed.is_none() => {
                let role = p.role.as_deref().unwrap_or("");
                pick_role(&reg, role, pos)
                    // "the diplomat said", "the official added": a word for any office, for the
                    // person in office who spoke last
                    .or_else(|| {
                        last_speaker.filter(|&i| {
                            definite && GENERIC_ROLES.contains(&role) && !reg.entities[i].collective && reg.entities[i].role.is_some()
                        })
                    })
                    // a headline's "Minister vows ...": the minister the story goes on to name
                    .or_else(|| {
                        headline.is_some_and(|h| st.source.is_some_and(|x| h.contains(x))).then(|| first_with_role(&reg, role)).flatten()
                    })
            }
            (Some(p), _, _) if p.role.is_some() => {
                same_unnamed[si] = points_to_unnamed;
                None
            }
            // "the ministry", "the association": the organisation of that kind named last
            (Some(_), _, _) => {
                st.source.and_then(|x| pick_organisation(&reg, x.of(&text), pos).or_else(|| pick_business(&reg, x.of(&text), pos)))
            }
        };
        if let (Some(i), Some(p)) = (entity, &parsed[si]) {
            // "Shoukry, for his part, said", "Zelensky, speaking in his nightly address, said":
            // a possessive between a named source and its cue tells the gender
            let adjunct_gender = || {
                let (source, cue) = (st.source?, st.cue?);
                let between = text.get(source.end..cue.start)?;
                let words = || between.split(|c: char| !c.is_alphanumeric());
                match (words().any(|w| w == "his"), words().any(|w| w == "her")) {
                    (true, false) => Some(Gender::Male),
                    (false, true) => Some(Gender::Female),
                    _ => None,
                }
            };
            let named = p.name.is_some() && p.pronoun.is_none();
            if let Some(g) = p.pronoun.filter(|g| g.is_personal()).or_else(|| named.then(adjunct_gender).flatten()) {
                if reg.entities[i].gender.is_none() && !reg.entities[i].collective {
                    reg.entities[i].gender = Some(g);
                }
            }
        }
        if let Some(i) = entity {
            reg.entities[i].spoke.push(si);
            // a statement without a source does not mention its speaker
            if st.source.is_some() {
                reg.entities[i].mentions.push(pos);
            }
            if st.kind != StatementKind::Floating {
                last_speaker = Some(i);
                last_in_paragraph = Some((i, pos));
            }
        }
        resolved[si] = entity;
        match (&parsed[si], entity) {
            (_, Some(_)) => last_unnamed = None,
            (Some(p), None) if p.name.is_none() && p.pronoun.is_none() && st.source.is_some() => {
                if let Some(role) = &p.role {
                    last_unnamed = Some((same_unnamed[si].unwrap_or(si), role.clone()));
                }
            }
            _ => {}
        }
    }
    // "Noting that ..., Xi said ...": a participle that opens the sentence has the subject of
    // the clause after it, whose statement comes next in the same sentence
    for &si in &order {
        let st = &article.statements[si];
        if resolved[si].is_some() || st.source.is_some() || st.kind == StatementKind::Floating {
            continue;
        }
        let Some(cue) = st.cue.filter(|c| !is_question_cue(c.of(&text))) else { continue };
        let from = sentence_start(&text, cue.start);
        if !text[from..cue.start].trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty() {
            continue;
        }
        // the sentence ends at the first full stop or line break after the cue
        let end = text[cue.end..].find(['.', '\n']).map_or(text.len(), |i| cue.end + i);
        let next = order
            .iter()
            .copied()
            .find(|&o| article.statements[o].source.is_some_and(|x| x.start > cue.end && x.start <= end) && resolved[o].is_some());
        resolved[si] = next.and_then(|o| resolved[o]);
    }
    // "I" and "we" are whoever says them: inside another statement's words, its speaker
    // (`"I told them we would stay," Lee said`); in the narrative, outside any quotation, the
    // writer or the outlet ("we rate it Mostly True"), or a reader whose comment the page
    // prints, whom the article does not name as a speaker. Resolving them as "they" would
    // hand the words to whoever spoke last.
    let mut quotes: Option<Vec<onrecord_segment::Quote>> = None;
    let contents = onrecord_model::SpanIndex::new(article.statements.iter().map(|s| s.content));
    for si in 0..article.statements.len() {
        let st = &article.statements[si];
        let Some(src) = st.source.filter(|x| is_first_person(x.of(&text))) else { continue };
        // the innermost, and of those the first
        let enclosing = contents.containing(src).filter(|&o| o != si).min_by_key(|&o| (article.statements[o].content.len(), o));
        if let Some(o) = enclosing {
            resolved[si] = resolved[o];
            continue;
        }
        let quotes = quotes.get_or_insert_with(|| {
            let paragraphs: Vec<onrecord_model::Span> =
                article.paragraphs.iter().filter(|p| p.repeat_of.is_none()).map(|p| p.span).collect();
            onrecord_segment::find_quotes(&text, &paragraphs)
        });
        if !onrecord_segment::quotes_touching(quotes, src).iter().any(|q| q.span.contains(src)) {
            resolved[si] = None;
        }
    }
    let mut speakers: Vec<Option<Speaker>> = Vec::with_capacity(article.statements.len());
    for (si, st) in article.statements.iter().enumerate() {
        let speaker = match resolved[si] {
            Some(i) => {
                let e = &reg.entities[i];
                Some(Speaker { name: e.name.clone(), role: e.role.clone(), affiliation: e.affiliation.clone() })
            }
            None => parsed[si].as_ref().and_then(|p| {
                // an unresolved role-only source still says something ("sources", "a campaign
                // aide"); but "the spokesperson" points back to someone, like "he", and when
                // no one is found it names no speaker (else every unresolved spokesperson of
                // the corpus would be one speaker called "spokesperson")
                let src = st.source?;
                // an answer whose answerer the headline does not name is no one's called "A"
                if st.kind == StatementKind::Transcript && src.of(&text) == "A" {
                    return None;
                }
                // "who" or "which" with no phrase before it to hang on names no one
                // (with the title a reader cut it out of, as it was parsed)
                let src = if is_relative_pronoun(src.of(&text)) {
                    relative_antecedent(&text, src)?
                } else {
                    without_adjunct(with_title_before(&text, src))
                };
                let definite = src.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
                let anaphoric_role = definite && p.name.is_none() && p.role.is_some() && !src.to_lowercase().ends_with('s');
                // the phrase without its appositive ("A senior US official, speaking on
                // condition of anonymity," is a senior US official)
                // (a body's name may have commas of its own: "Foreign, Commonwealth and
                // Development Office (FCDO) spokesperson")
                let whole_body = body_acronym_role(src).map(|(body, role)| format!("{body} {role}"));
                let head = whole_body.as_deref().unwrap_or_else(|| src.split([',', '(']).next().unwrap_or(src)).trim();
                let head = without_article(head);
                // ... and without what qualifies it after the noun ("a joint statement
                // [released after the talks]", "a report [published on Monday]")
                let head = head
                    .match_indices(' ')
                    .find(|&(at, _)| head[at + 1..].split(' ').next().is_some_and(|w| QUALIFIES_HEAD.contains(&w)))
                    .map_or(head, |(at, _)| &head[..at]);
                // "the ministry", "the agency" with no such organisation named before: the
                // same, a pointer back that found nothing
                let anaphoric_noun = definite && !head.contains(' ') && head.chars().all(|c| c.is_lowercase() || c == '-');
                // "a spokesman", "an official": someone, not a speaker of the corpus (every
                // unnamed spokesman would be one called "spokesman"); "analysts" and "a
                // Labour Party spokesman" still say who
                let someone = p.name.is_none()
                    && p.role.as_deref().is_some_and(|r| head.eq_ignore_ascii_case(r))
                    && !head.contains(' ')
                    && !head.ends_with('s')
                    // "some", "others", "everyone": a quantity of people, no one in particular
                    || is_quantifier(head)
                    // "whose [spokesman] said": the owner of a relative clause, not named here
                    || head.eq_ignore_ascii_case("whose");
                (p.pronoun.is_none() && !anaphoric_role && !anaphoric_noun && !someone && !head.is_empty()).then(|| Speaker {
                    name: head.to_string(),
                    role: p.role.clone(),
                    affiliation: p.affiliation.clone(),
                })
            }),
        };
        speakers.push(speaker);
    }
    // the unnamed one pointed back to speaks again
    for (si, st) in article.statements.iter_mut().enumerate() {
        st.speaker = speakers[same_unnamed[si].unwrap_or(si)].clone();
    }
}

/// "I", "we" and their object forms: the one who says the words they stand in.
fn is_first_person(source: &str) -> bool {
    ["i", "we", "me", "us"].iter().any(|p| source.trim().eq_ignore_ascii_case(p))
}

#[rustfmt::skip] // a word list, packed: rustfmt would put each word on a line of its own
fn is_quantifier(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "some" | "many" | "most" | "all" | "any" | "one" | "others" | "both" | "each" | "few"
        | "several" | "everyone" | "everybody" | "someone" | "somebody" | "anyone" | "anybody" | "nobody" | "none")
}

/// Days and months: capitalised, but never a name ("the minister Monday said").
/// A word that names a time ("week", "yesterday"): the phrase it is in is an adjunct, not a
/// description of the speaker. (Not the names of days: "Sunday Telegraph journalist".)
fn is_time_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "week"
            | "weekend"
            | "month"
            | "year"
            | "day"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "earlier"
            | "later"
    )
}

/// One capitalised plural that names a group rather than a person: an acronym's ("MPs",
/// "MEPs") or a role's ("Analysts", "Ministers"), not a surname ("Jones").
fn is_plural_group(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let Some(stem) = w.strip_suffix('s') else { return false };
    let acronym = stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase());
    let lw = stem.to_lowercase();
    let role = ROLE_SET.contains(lw.as_str()) || OCCUPATION_TITLE_SET.contains(lw.as_str()) || LEGISLATORS.contains(&lw.as_str());
    // a party's members ("the opposition Conservatives", "Senior Tories")
    #[rustfmt::skip]
    let members = matches!(lw.as_str(), "conservative" | "democrat" | "republican" | "torie" | "liberal" | "socialist" | "communist"
        | "nationalist" | "unionist" | "green" | "labourite" | "lib dem");
    is_cap(stem) && (acronym || role || members)
}

fn is_calendar_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December",
    ];
    WORDS.contains(&w)
}

fn titled_gender(s: &str) -> Option<Gender> {
    let first = s.split_whitespace().next()?.to_lowercase();
    if MALE_TITLES.contains(&first.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&first.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A transcript label that stands for whoever asks (`QUESTION:`, `Reporter:`), not for a name.
fn is_questioner_label(label: &str) -> bool {
    if label == "Q" {
        return true;
    }
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    matches!(
        words.first().map(String::as_str),
        Some("question" | "questions" | "questioner" | "reporter" | "reporters" | "journalist" | "audience")
    ) && words.len() <= 2
}

/// A cue that puts a question to someone rather than reports what they said.
fn is_question_cue(cue: &str) -> bool {
    let cue = cue.to_lowercase();
    cue.split(|c: char| !c.is_alphabetic()).any(|w| matches!(w, "asked" | "asking" | "question" | "questions"))
}

/// Where the sentence holding byte `pos` starts: after the last line break, or the last `.`,
/// `?` or `!` followed by a space, that is not an abbreviation ("Mr.", "U.S.", an initial).
fn sentence_start(text: &str, pos: usize) -> usize {
    let floor = crate::boundary_at_or_after(text, pos.saturating_sub(400));
    let before = &text[floor..pos];
    let bytes = before.as_bytes();
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b'\n' => return floor + i + 1,
            b'.' | b'?' | b'!' if bytes.get(i + 1) == Some(&b' ') => {
                let word = before[..i].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
                let abbreviation = is_honorific(word) || word.len() <= 1 || word.contains('.') || word.chars().all(|c| c.is_uppercase());
                if bytes[i] != b'.' || !abbreviation {
                    return floor + i + 2;
                }
            }
            _ => {}
        }
    }
    floor
}

/// Whether the sentence of `cue` opens with an indefinite noun phrase ("A Western diplomat, who
/// asked not to be named, said ..."): someone new speaks, not the speaker before.
fn opens_with_new_subject(text: &str, cue: usize) -> bool {
    let lead = &text[sentence_start(text, cue)..cue];
    let first = lead.trim_start_matches(|c: char| !c.is_alphanumeric()).split_whitespace().next().unwrap_or("");
    matches!(first, "A" | "An" | "One" | "Another" | "Some" | "Several" | "Many")
}

/// The entity mentioned last between the start of the sentence and `cue`: the subject of a cue
/// whose source the tagger did not find.
fn subject_before(reg: &Registry, text: &str, cue: usize) -> Option<usize> {
    reg.mentioned_last(sentence_start(text, cue)..cue, |_| true)
}

/// The most salient compatible speaker: each earlier statement by an entity adds 0.8^distance.
/// When no compatible entity has spoken yet, "he" or "she" is the person named last before
/// `pos` ("Spokesperson Mumtaz Zahra Baloch, addressing ... . "...," she said").
/// The statement of the unnamed speaker a pronoun at `pos` goes on from: the last speaker, if
/// unnamed ("a senior official"), whose source is in the pronoun's paragraph or the one before,
/// and whose role does not say another gender ("a spokeswoman" is no "he").
fn after_unnamed(article: &Article, text: &str, last_unnamed: Option<&(usize, String)>, p: &ParsedSource, pos: usize) -> Option<usize> {
    let (o, role) = last_unnamed?;
    let source = article.statements[*o].source?;
    // (someone introduced, "a senior official"; "the chancellor" with no one named points back
    // to no one, and a pronoun after it is no better)
    let definite = source
        .of(text)
        .split_whitespace()
        .next()
        .is_some_and(|w| is_possessive_pronoun(w) || matches!(w.to_lowercase().as_str(), "the" | "this" | "that"));
    let near = !definite && source.start < pos && text[source.start..pos].matches('\n').count() <= 2;
    let role_gender = role.split(' ').next_back().and_then(titled_gender);
    // ("he" after "officials" is not one of them)
    let fits = match (p.pronoun, role_gender) {
        (Some(g), Some(r)) => g == r,
        (Some(_), None) => !role.ends_with('s'),
        _ => false,
    };
    (near && fits).then_some(*o)
}

fn pick_pronoun(reg: &Registry, g: Gender, resolved: &[Option<usize>], pos: usize) -> Option<usize> {
    let done: Vec<usize> = resolved.iter().enumerate().filter_map(|(i, r)| r.map(|_| i)).collect();
    let mut best: Option<(f64, usize)> = None;
    for (ei, e) in reg.entities.iter().enumerate() {
        if !e.fits(g) {
            continue;
        }
        let n = done.len();
        let mut score = 0.0;
        for (rank, &si) in done.iter().enumerate() {
            if resolved[si] == Some(ei) {
                score += 0.8f64.powi((n - rank) as i32);
            }
        }
        if score > 0.0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, ei));
        }
    }
    if best.is_none() && g.is_personal() {
        return reg.mentioned_last(..pos, |e| e.fits(g));
    }
    best.map(|(_, i)| i)
}

/// A person the story has just introduced by full name as the subject of a sentence
/// ("Man-of-the-match Stephen Jones, who kicked three penalties, was ecstatic. [¶] "...," he
/// said."): news names a new person, then lets "he" speak for them. The newcomer of gender `g`
/// must be named in a sentence before the pronoun's, in this paragraph or the one before,
/// after the last statement (`since`), outside every statement's words (`contents`), within
/// the first words of the sentence with no comma before it (the subject, not "responding to
/// criticism from Alan Hansen, he insisted"), must not have spoken yet, and no one else who
/// fits may be mentioned after.
///
/// A person known by full name and gender who opens a sentence with the surname alone
/// ("Roddick broke a racket") is the subject named there too, spoken before or not.
///
/// (`newcomers` are where each was named, in text order, and whether by surname; they are not
/// mentions of the registry, which the other rules read as they did before.)
fn newcomer(
    reg: &Registry,
    newcomers: &[(usize, usize, bool)],
    text: &str,
    contents: &[onrecord_model::Span],
    g: Gender,
    since: Option<usize>,
    pos: usize,
) -> Option<usize> {
    if !g.is_personal() {
        return None;
    }
    let para = text[..pos].rfind('\n').map_or(0, |nl| text[..nl].trim_end().rfind('\n').map_or(0, |p| p + 1));
    let from = since.map_or(para, |s| s.max(para));
    let until = sentence_start(text, pos);
    let &(at, i, _) = newcomers.iter().rev().find(|&&(at, i, by_surname)| {
        (from..until).contains(&at)
            && reg.entities[i].gender == Some(g)
            && (by_surname || reg.entities[i].spoke.is_empty())
            && !contents.iter().any(|c| c.start <= at && at < c.end)
    })?;
    let before = &text[sentence_start(text, at)..at];
    let subject = !before.contains(',') && before.split_whitespace().count() <= 5;
    // the sentence right before the pronoun's: with another in between, its subject ("Scott
    // was slightly disappointed") may be who "he" is, and only names with titles are known
    let next_sentence = sentence_start(text, text[..until].trim_end().len()) <= at;
    let other = reg.mentioned_last(at + 1..pos, |e| e.fits(g) && !e.collective);
    (subject && next_sentence && other.is_none_or(|o| o == i)).then_some(i)
}

/// Where a person of known gender, named in full somewhere, opens a sentence by surname alone:
/// `(byte offset, entity)`. A surname two such people share names neither.
fn surname_subjects(reg: &Registry, text: &str, words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut by_surname: rustc_hash::FxHashMap<&str, Option<usize>> = rustc_hash::FxHashMap::default();
    for (i, e) in reg.entities.iter().enumerate() {
        if e.collective || e.gender.is_none() || !e.name.contains(' ') {
            continue;
        }
        let surname = e.name.rsplit(' ').next().unwrap_or(&e.name);
        by_surname.entry(surname).and_modify(|x| *x = None).or_insert(Some(i));
    }
    if by_surname.is_empty() {
        return Vec::new();
    }
    // the surnames' first bytes: most words start otherwise, and need no look-up
    let mut first_bytes = [false; 256];
    for s in by_surname.keys() {
        if let Some(&b) = s.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    words
        .iter()
        .filter(|(_, w)| w.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)]))
        .filter_map(|&(at, w)| {
            // "Roddick broke", "Roddick, 22, said": the surname, not a possessive
            let bare = w.trim_end_matches(',');
            by_surname.get(bare).copied().flatten().map(|i| (at, i))
        })
        .filter(|&(at, _)| sentence_start(text, at) == at)
        .collect()
}

/// Whether an entity's role is `role` or a kind of it: "foreign minister" and "minister for
/// Planning" are ministers.
fn holds_role(entity_role: &str, role: &str) -> bool {
    let words: Vec<&str> = entity_role.split(' ').collect();
    let head = words.iter().position(|w| ROLE_COMPLEMENTS.contains(w)).unwrap_or(words.len());
    let base = words[..head].join(" ");
    // the shadow, deputy or former holder of an office is not the one who holds it ("the
    // Foreign Secretary" is no "shadow foreign secretary", "the mayor" no "deputy mayor")
    let qualifiers = |r: &str| r.split(' ').filter(|w| NOT_THE_OFFICE.contains(w)).count();
    let holds = |role: &str| (base == role || base.ends_with(&format!(" {role}"))) && qualifiers(&base) == qualifiers(role);
    // "the envoy" is the ambassador or high commissioner named before
    // (and "the premier" the prime minister)
    holds(role)
        || (role == "envoy" && (holds("ambassador") || holds("high commissioner")))
        || (role == "premier" && holds("prime minister"))
}

/// Words before an office that make its holder someone other than the one who holds it.
const NOT_THE_OFFICE: &[&str] = &["shadow", "deputy", "vice", "assistant", "former", "ex", "outgoing", "incoming"];

/// Role nouns that stand for any office.
const GENERIC_ROLES: &[&str] = &["diplomat", "official", "politician", "lawmaker"];

/// The entity of that role the article names first.
fn first_with_role(reg: &Registry, role: &str) -> Option<usize> {
    let role = role.trim_end_matches('s');
    reg.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.role.as_deref().is_some_and(|r| holds_role(r, role)))
        .filter_map(|(i, e)| e.first_mention.map(|m| (m, i)))
        .min()
        .map(|(_, i)| i)
}

fn pick_role(reg: &Registry, role: &str, pos: usize) -> Option<usize> {
    let role = role.trim_end_matches('s');
    reg.mentioned_last(..=pos, |e| e.role.as_deref().is_some_and(|r| holds_role(r, role)))
}

/// The organisation a definite common noun points back to: "the ministry" is the last-mentioned
/// one with "Ministry" in its name.
fn pick_organisation(reg: &Registry, source: &str, pos: usize) -> Option<usize> {
    let words: Vec<&str> = source.split_whitespace().collect();
    let [the, noun] = words[..] else { return None };
    let noun = noun.to_lowercase();
    if !the.eq_ignore_ascii_case("the") || !ORG_WORD_SET.contains(noun.as_str()) {
        return None;
    }
    // the noun anywhere in the name: "the ministry" is the Ministry of External Affairs, "the
    // embassy" the Chinese Embassy in London
    reg.mentioned_last(..pos, |e| e.collective && e.name.split(' ').any(|w| w.eq_ignore_ascii_case(&noun)))
}

/// People in the plural who speak as a group: "Analysts said", "Critics say".
#[rustfmt::skip] // a word list, packed
const PLURAL_PEOPLE: &[&str] = &[
    "analysts", "critics", "economists", "experts", "officials", "people", "residents", "campaigners", "observers",
    "investors", "traders", "researchers", "scientists", "doctors", "fans", "sources", "voters", "dems", "democrats",
    "republicans", "tories", "workers", "unions", "members", "leaders", "activists", "lawyers", "prosecutors", "police",
    "musicians", "artists", "users", "consumers", "customers", "parents", "teachers", "students", "europeans", "americans",
];

/// A cue in the passive, or "be" with an adjective of knowing, that "it" opens without
/// pointing to anyone: "[It] is thought", "[it] was understood", "[It] has been reported",
/// "[it] is not clear" (not "it is expecting", "it has said").
fn is_impersonal(cue: &str) -> bool {
    let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    let mut rest = words.iter().map(String::as_str);
    let be = match rest.next() {
        Some("is" | "was" | "'s" | "’s" | "seems" | "seemed" | "appears" | "appeared") => true,
        Some("has" | "had") => rest.next() == Some("been"),
        _ => false,
    };
    let rest: Vec<&str> = rest.filter(|w| !matches!(*w, "not" | "now" | "also" | "still" | "widely" | "been" | "being")).collect();
    be && rest.first().is_some_and(|w| {
        w.ends_with("ed")
            || matches!(*w, "thought" | "understood" | "known" | "said" | "likely" | "unlikely" | "clear" | "unclear" | "possible")
    })
}

/// Nouns for a business or another body that a story calls by its kind after naming it:
/// "Microsoft said ... The company also said", "Marsh & McLennan ... the insurer said".
#[rustfmt::skip] // a word list, packed
const BUSINESS_NOUNS: &[&str] = &[
    "company", "firm", "group", "insurer", "bank", "lender", "airline", "carrier", "retailer", "carmaker", "automaker",
    "maker", "giant", "operator", "publisher", "chain", "brewer", "broadcaster", "manufacturer", "studio", "label",
    "club", "charity", "organisation", "organization", "network", "supermarket", "conglomerate", "corporation", "business",
    "developer", "producer", "provider", "watchdog", "regulator", "union", "agency",
];

/// What "the company" or "the firm" points back to when no organisation's name has that
/// word: the organisation, or anyone "it" could be (not a country, not a man or a woman), the
/// story named last before `pos`.
fn pick_business(reg: &Registry, source: &str, pos: usize) -> Option<usize> {
    let words: Vec<&str> = source.split_whitespace().collect();
    // "the company", and "the German company"
    let (the, noun) = match words[..] {
        [the, noun] => (the, noun),
        [the, demonym, noun] if country_of_demonym(demonym).is_some() => (the, noun),
        _ => return None,
    };
    let noun = noun.to_lowercase();
    if !the.eq_ignore_ascii_case("the") || !BUSINESS_NOUNS.contains(&noun.as_str()) {
        return None;
    }
    reg.mentioned_last(..pos, |e| e.fits(Gender::Neuter) && !is_country(&e.name) && country_of(&e.name).is_none())
}

fn last_collective(reg: &Registry, resolved: &[Option<usize>]) -> Option<usize> {
    resolved.iter().rev().flatten().find(|&&i| reg.entities[i].collective).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, name: Option<&str>, role: Option<&str>, aff: Option<&str>) {
        let p = parse_source(src);
        assert_eq!((p.name.as_deref(), p.role.as_deref(), p.affiliation.as_deref()), (name, role, aff), "{src}");
    }

    #[test]
    fn a_kind_of_minister_is_a_minister() {
        assert!(holds_role("minister", "minister"));
        assert!(holds_role("foreign minister", "minister"));
        assert!(holds_role("federal minister for Communications", "minister"));
        // an envoy is the ambassador or high commissioner
        assert!(holds_role("ambassador", "envoy") && holds_role("british high commissioner", "envoy"));
        assert!(!holds_role("deputy ambassador", "envoy"));
        assert!(holds_role("prime minister", "premier") && !holds_role("deputy prime minister", "premier"));
        assert!(holds_role("prime minister", "prime minister"));
        assert!(!holds_role("minister for Planning", "planning"));
        assert!(!holds_role("ministerial adviser", "minister"));
        assert!(!holds_role("shadow foreign secretary", "foreign secretary"));
        assert!(holds_role("shadow foreign secretary", "shadow foreign secretary"));
        // a deputy, vice or former holder is someone else
        assert!(!holds_role("deputy mayor", "mayor"));
        assert!(!holds_role("vice president", "president"));
        assert!(!holds_role("former prime minister", "prime minister"));
        assert!(holds_role("deputy mayor", "deputy mayor"));
    }

    #[test]
    fn a_name_read_whole_sheds_what_follows_it() {
        check("Jason Daw at Merrill Lynch", Some("Jason Daw"), None, Some("Merrill Lynch"));
        check("analyst Erling Refsum at Nomura", Some("Erling Refsum"), Some("analyst"), Some("Nomura"));
        check("economist at Capital Economics", None, Some("economist"), Some("Capital Economics"));
        check("Simon Bysshe who filmed the event for Intel", Some("Simon Bysshe"), None, None);
        check("Mr Howard later", Some("Howard"), None, None);
        check("David Willey in Rome", Some("David Willey"), None, None);
        check("Anne Thompson of the Hollywood Reporter", Some("Anne Thompson"), None, Some("Hollywood Reporter"));
        check("Nadal afterwards", Some("Nadal"), None, None);
        // a place that is part of what is named, or no workplace after a name, stays
        check("Jurors in Virginia", Some("Jurors in Virginia"), None, None);
        check("the man at the back", None, None, None);
        // the name after an organisation's possessive works there; an organisation's own
        // name with a possessive in it stays whole
        check("Sky Networks' Sophie Turner Laing", Some("Sophie Turner Laing"), None, Some("Sky Networks"));
        check("Actors' Equity Association", Some("Actors' Equity Association"), None, None);
    }

    #[test]
    fn abbreviated_ranks_are_the_role_not_the_name() {
        check("Lt Col Eric Schnaible", Some("Eric Schnaible"), Some("lieutenant colonel"), None);
        check("Gen. Tommy Franks", Some("Tommy Franks"), Some("general"), None);
        check("Maj Gen John Smith", Some("John Smith"), Some("major general"), None);
        check("Det Supt Alan Brown", Some("Alan Brown"), Some("detective superintendent"), None);
        check("Retired Lt. Gen. Michael Flynn", Some("Michael Flynn"), Some("lieutenant general"), None);
        check("Chief Constable Mike Todd", Some("Mike Todd"), Some("chief constable"), None);
        check("Prof Stephen Hawking", Some("Stephen Hawking"), Some("professor"), None);
        check("Pakistan's President Gen Pervez Musharraf", Some("Pervez Musharraf"), Some("general"), Some("Pakistan"));
        // and a country after a name is where the one named holds their role
        check("President Musharraf of Pakistan", Some("Musharraf"), Some("president"), Some("Pakistan"));
    }

    #[test]
    fn an_organisation_in_lower_case_after_a_demonym_is_named_as_written_in_capitals() {
        let indian = parse_source("The Indian foreign ministry");
        assert_eq!(indian.name.as_deref(), Some("Indian Foreign Ministry"));
        assert!(indian.collective);
        assert_eq!(parse_source("the Chinese embassy").name.as_deref(), Some("Chinese Embassy"));
        // a business of that country, which the article names elsewhere, not one called "German"
        let company = parse_source("The German company");
        assert_eq!((company.name, company.affiliation.as_deref()), (None, Some("Germany")));
    }

    #[test]
    fn a_peer_is_the_person_of_that_surname_and_gender() {
        assert!(same_person("Baroness Boothroyd", "Betty Boothroyd"));
        assert!(same_person("Lady Boothroyd", "Baroness Boothroyd"));
        assert!(same_person("Boothroyd", "Lady Boothroyd"));
        assert!(!same_person("Lady Thatcher", "Mark Thatcher"));
        assert!(!same_person("Lord Kinnock", "Lady Kinnock"));
        // one of a pair named together is not the pair
        assert!(!same_person("Manuel Millan", "Tote King and Manuel Millan"));
        // a lone given name or surname is its bearer ("Serena", "Blair", "Zhao")
        assert!(same_person("Serena", "Serena Williams"));
        assert!(same_person("Zhao", "Zhao Lijian"));
    }

    #[test]
    fn descriptions_joined_by_and_describe_the_one_named() {
        check(
            "World outdoor triple jump record holder and BBC pundit Jonathan Edwards",
            Some("Jonathan Edwards"),
            Some("bbc pundit"),
            None,
        );
        check("best friend and fellow distance runner Liz Yelling", Some("Liz Yelling"), Some("fellow distance runner"), None);
        check("Tony Blair and Gordon Brown", Some("Tony Blair and Gordon Brown"), None, None);
        // two people, described together: neither alone is the speaker
        let duo = parse_source("comedy duo Matt Lucas and David Walliams").name.unwrap_or_default();
        assert!(duo.contains("Matt Lucas") && duo.contains("David Walliams"), "{duo}");
    }

    #[test]
    fn a_noun_the_role_list_lacks_is_the_role_of_the_name_after_it() {
        check("the report's author, Jane Holt, a lecturer at Leeds", Some("Jane Holt"), Some("author"), Some("report"));
        check(
            "general secretary of the public services union Unison Dave Prentis",
            Some("Dave Prentis"),
            Some("general secretary"),
            Some("Unison"),
        );
        check("one of their lawyers, Michalis Dimitrakopoulos", Some("Michalis Dimitrakopoulos"), Some("one of their lawyers"), None);
        // an organisation before the comma stays what it was
        check(
            "the Conservatives, shadow education secretary Tim Collins",
            Some("Tim Collins"),
            Some("shadow education secretary"),
            Some("Conservatives"),
        );
    }

    #[test]
    fn sources_parse_into_name_role_affiliation() {
        check("Foreign Office Spokesperson Mumtaz Zahra Baloch", Some("Mumtaz Zahra Baloch"), Some("spokesperson"), Some("Foreign Office"));
        // an organisation in lower case after a country's possessive, with its place
        check("China's embassy in Washington", Some("Embassy in Washington"), None, Some("China"));
        // who someone speaks for is where they work
        check(
            "A spokeswoman for the Chinese Foreign Ministry, Mao Ning,",
            Some("Mao Ning"),
            Some("spokeswoman"),
            Some("Chinese Foreign Ministry"),
        );
        // a possessive pronoun is no workplace, and a demonym after it is the country
        check("Its chief executive, Enver Solomon,", Some("Enver Solomon"), Some("chief executive"), None);
        check("his manager Robert Voice", Some("Robert Voice"), Some("manager"), None);
        check("Her Chilean counterpart", None, Some("counterpart"), Some("Chile"));
        check(
            "Federal Minister for Communications Abdul Aleem Khan",
            Some("Abdul Aleem Khan"),
            Some("federal minister for Communications"),
            None,
        );
        check("UN Secretary-General Antonio Guterres", Some("Antonio Guterres"), Some("secretary-general"), Some("UN"));
        check(
            "Pakistan's Permanent Representative to the UN Munir Akram",
            Some("Munir Akram"),
            Some("permanent representative to the UN"),
            Some("Pakistan"),
        );
        check(
            "Minister for Information and Broadcasting Ana Lima",
            Some("Ana Lima"),
            Some("minister for Information and Broadcasting"),
            None,
        );
        check(
            "Chinese Foreign Ministry's Spokesperson Zhao Lijian",
            Some("Zhao Lijian"),
            Some("spokesperson"),
            Some("Chinese Foreign Ministry"),
        );
        check(
            "the Chinese Foreign Ministry spokesperson Zhao Lijian",
            Some("Zhao Lijian"),
            Some("spokesperson"),
            Some("Chinese Foreign Ministry"),
        );
        // a role whose complement names an office, after the name, is the role held
        check("Ines Moreau, Spokeswoman for the Secretary-General,", Some("Ines Moreau"), Some("spokeswoman"), Some("Secretary-General"));
        check(
            "Karim Haddad, a member of the Fatah central committee,",
            Some("Karim Haddad"),
            Some("member"),
            Some("Fatah central committee"),
        );
        // an employer in capitals, then what the role is about
        check("EU foreign policy chief Elena Vos", Some("Elena Vos"), Some("foreign policy chief"), Some("EU"));
        check("the Conservatives accepted Prime Minister Tom Hale", Some("Tom Hale"), Some("prime minister"), None);
        // particles of Arabic, Dutch or Portuguese names stay in the name
        check("Qatar's foreign ministry spokesman Majid al-Nasser", Some("Majid al-Nasser"), Some("spokesman"), Some("Qatar"));
        check("Foreign Minister Prince Khalid bin Saud", Some("Prince Khalid bin Saud"), Some("foreign minister"), None);
        check("Commission President Anna van der Berg", Some("Anna van der Berg"), Some("president"), Some("Commission"));
        // two people who speak together
        check(
            "Prime Minister Ana Lopes and New Zealand Prime Minister Tom Reid",
            Some("Ana Lopes and Tom Reid"),
            Some("prime minister"),
            None,
        );
        check("Egyptian President Omar Adel and Jordan's King Faisal", Some("Omar Adel and King Faisal"), None, None);
        // a body's name with commas, its acronym, then the role
        check(
            "A Foreign, Commonwealth and Development Office (FCDO) spokesperson",
            None,
            Some("spokesperson"),
            Some("Foreign, Commonwealth and Development Office"),
        );
        // an abbreviated title is spelled out
        check("Sen. Maria Delgado", Some("Maria Delgado"), Some("senator"), None);
        check("India's External Affairs Minister S. Jaishankar", Some("S. Jaishankar"), Some("external affairs minister"), Some("India"));
        check("Rep. John Ortiz", Some("John Ortiz"), Some("representative"), None);
        check("President Arif Alvi", Some("Arif Alvi"), Some("president"), None);
        check("Foreign Minister Bilawal Bhutto Zardari", Some("Bilawal Bhutto Zardari"), Some("foreign minister"), None);
        check("Chinese Ambassador Nong Rong", Some("Nong Rong"), Some("ambassador"), Some("China"));
        check("the Senate of Pakistan", Some("Senate of Pakistan"), None, Some("Pakistan"));
        check("The spokesperson", None, Some("spokesperson"), None);
        check("Pakistani Minister for Planning Tariq Mehmood", Some("Tariq Mehmood"), Some("minister for Planning"), Some("Pakistan"));
        check("Chinese Ambassador to Pakistan Liu Jian", Some("Liu Jian"), Some("ambassador to Pakistan"), Some("China"));
        check(
            "Kenyan Cabinet Secretary for Health Grace Mwangi",
            Some("Grace Mwangi"),
            Some("cabinet secretary for Health"),
            Some("Kenya"),
        );
        check(
            "Ukrainian Deputy Foreign Minister Viktor Petrenko",
            Some("Viktor Petrenko"),
            Some("deputy foreign minister"),
            Some("Ukraine"),
        );
        check("Jordanian Foreign Minister Omar Haddad", Some("Omar Haddad"), Some("foreign minister"), Some("Jordan"));
        check("Minister for Foreign Affairs Ishaq Dar", Some("Ishaq Dar"), Some("minister for Foreign Affairs"), None);
        check("Ambassador to the United States Masood Khan", Some("Masood Khan"), Some("ambassador to the United States"), None);
        check("Deputy Minister Sara Lind", Some("Sara Lind"), Some("deputy minister"), None);
        check("Ivan Horvat,", Some("Ivan Horvat"), None, None);
        check("Ferry captain Nils Berg", Some("Nils Berg"), Some("ferry captain"), None);
        check("farmer Jones", Some("Jones"), Some("farmer"), None);
        // a time before the name, and a group's descriptor, are no role
        check("Last week Lord Goldsmith", Some("Lord Goldsmith"), None, None);
        check("The pro-hunt MPs", Some("MPs"), None, None);
        check("leading Analysts", Some("Analysts"), None, None);
        check("Night porter Oskar Holm", Some("Oskar Holm"), Some("night porter"), None);
        // a clause before the name is no description of them
        assert_eq!(parse_source("Bridge's injury also means Mourinho").role, None);
        assert_eq!(parse_source("28.3bn. Analysts").role, None);
        // an adverb or adjunct read into the source's start
        check("Later the prime minister", None, Some("prime minister"), None);
        check("his New Year message the Liberal Democrat leader", None, Some("leader"), Some("Liberal Democrat"));
        check("about Michael Howard's", Some("Michael Howard"), None, None);
        check("his spokesman", None, Some("spokesman"), None);
        check("Bob Geldof in July", Some("Bob Geldof"), None, None);
        check("Fly-half Stephen Jones", Some("Stephen Jones"), Some("fly-half"), None);
        for contracted in ["I've", "We’ve", "they'd", "I'm"] {
            assert!(parse_source(contracted).pronoun.is_some(), "{contracted}");
        }
        check("The Lord Chancellor, Lord Falconer,", Some("Lord Falconer"), Some("lord chancellor"), None);
        check(
            "the Conservatives, shadow education secretary Tim Collins",
            Some("Tim Collins"),
            Some("shadow education secretary"),
            Some("Conservatives"),
        );
        check("The opposition Conservatives", Some("Conservatives"), None, None);
        check("World Anti-Doping Agency (WADA) chief Dick Pound", Some("Dick Pound"), Some("chief"), Some("World Anti-Doping Agency"));
        check("his counterpart on the DCA committee, Alan Beith,", Some("Alan Beith"), Some("counterpart"), Some("DCA"));
        // a place the role is held in is not who holds it
        check("The BBC's correspondent in Jakarta, Rachel Harvey,", Some("Rachel Harvey"), Some("correspondent"), Some("BBC"));
        // (a day opening the phrase is dropped before this reading)
        check("Sunday Telegraph journalist Robert Peston", Some("Robert Peston"), Some("telegraph journalist"), None);
        check("farmer Joan Pike", Some("Joan Pike"), Some("farmer"), None);
        check("the Chinese government", Some("China"), None, None);
        check("Heavy rain", None, None, None);
        check("Mr. McGinley, the law professor", Some("McGinley"), Some("professor"), None);
        check(
            "Maria Olsen, an economist at the University of Bergen,",
            Some("Maria Olsen"),
            Some("economist"),
            Some("University of Bergen"),
        );
        // an occupation written as a title before the name, at the start of a sentence
        check("Engineer Priya Nair", Some("Priya Nair"), Some("engineer"), None);
        check("Detective Inspector Jane Roe", Some("Jane Roe"), Some("detective inspector"), None);
        check("His lawyer", None, None, None);
        check("Nick Witney, a fellow at the European Council on Foreign Relations,", Some("Nick Witney"), None, None);
        // an appositive's complement names where the speaker works, as a title before the
        // name would; a portfolio or a destination stays part of the role
        check("Ken Mayland, president of ClearView Economics", Some("Ken Mayland"), Some("president"), Some("ClearView Economics"));
        check(
            "Richard Dodd, regional director of the Countryside Alliance,",
            Some("Richard Dodd"),
            Some("director"),
            Some("Countryside Alliance"),
        );
        check("Paul Dales, UK economist for Capital Economics,", Some("Paul Dales"), Some("economist"), Some("Capital Economics"));
        check("Ian Macfarlane, Governor of the Reserve Bank", Some("Ian Macfarlane"), Some("governor"), Some("Reserve Bank"));
        check("Ivan Kulakov, deputy chairman of Highland Gold", Some("Ivan Kulakov"), Some("deputy chairman"), Some("Highland Gold"));
        check("Abdul Khan, Minister for Foreign Affairs,", Some("Abdul Khan"), Some("minister for Foreign Affairs"), None);
        check("Liu Jian, Ambassador to Pakistan", Some("Liu Jian"), Some("ambassador to Pakistan"), None);
        // a long descriptor ends with the occupation; a person's name before "of" or "from"
        // is followed by where they work
        check("British and Irish Lions coach Clive Woodward", Some("Clive Woodward"), Some("coach"), None);
        check("EU Trade Commissioner Peter Mandelson", Some("Peter Mandelson"), Some("commissioner"), Some("EU Trade"));
        check("Paul Hofheinz of the Lisbon Council", Some("Paul Hofheinz"), None, Some("Lisbon Council"));
        check("Cara Diemont of IT firm Dimension Data", Some("Cara Diemont"), None, Some("Dimension Data"));
        check("Matthew Herren from EduVision", Some("Matthew Herren"), None, Some("EduVision"));
        assert_eq!(parse_source("the United States of America").name.as_deref(), Some("United States of America"));
        check("the Bank of England", Some("Bank of England"), None, None);
        check("The Guinness Book of Records", Some("Guinness Book of Records"), None, None);
        check("Lord Faulkner of Worcester", Some("Lord Faulkner of Worcester"), None, None);
        check("Earlier Mr Kennedy", Some("Kennedy"), None, None);
        check("Leaving a Brussels summit Mr Blair", Some("Blair"), None, None);
        check("Mr Blair directly", Some("Blair"), None, None);
        check("Earlier Tony Blair", Some("Tony Blair"), None, None);
        check("Tony Blair himself", Some("Tony Blair"), None, None);
        check("a Premier League spokesman", None, Some("spokesman"), Some("Premier League"));
        check("Assistant information commissioner Phil Jones", Some("Phil Jones"), Some("assistant information commissioner"), None);
        check("Claude Veron, a spokesman for EU trade commissioner Peter Mandelson", Some("Claude Veron"), Some("spokesman"), None);
        check("Ms Roche, Labour MP for Hornsey and Wood Green,", Some("Roche"), Some("mp for Hornsey and Wood Green"), Some("Labour"));
        check(
            "Zhao Lijian, spokesperson of the Chinese Foreign Ministry",
            Some("Zhao Lijian"),
            Some("spokesperson"),
            Some("Chinese Foreign Ministry"),
        );
        check("the association's chief executive, Anthony Mwangi", Some("Anthony Mwangi"), Some("chief executive"), Some("association"));
        // members of a legislature: the party before the role, or the role after the name
        check("Labour MP Stephen Pound", Some("Stephen Pound"), Some("mp"), Some("Labour"));
        check("Lib Dem MP Lembit Opik", Some("Lembit Opik"), Some("mp"), Some("Lib Dem"));
        check("Frank Field MP", Some("Frank Field"), Some("mp"), None);
        check("Former welfare minister Frank Field MP", Some("Frank Field"), Some("mp"), None);
        // an indefinite role introduces someone unnamed; a month is no part of a name
        check("a spokesman for Michael Howard", None, Some("spokesman for Michael Howard"), None);
        check("December Microsoft", Some("Microsoft"), None, None);
        check("by author Pamela Travers", Some("Pamela Travers"), Some("author"), None);
        check("the Norwegian Embassy in Madrid", Some("Norwegian Embassy in Madrid"), None, None);
        check("First Minister Jack McConnell", Some("Jack McConnell"), Some("first minister"), None);
        check("Vice-President Dick Cheney", Some("Dick Cheney"), Some("vice-president"), None);
        // a possessive source: the owner of the words
        check("Michael Howard's", Some("Michael Howard"), None, None);
        assert_eq!(parse_source("his").pronoun, Some(Gender::Male));
        assert_eq!(parse_source("its").pronoun, Some(Gender::Neuter));
        assert!(parse_source("The resolution").document);
        // an acronym is an organisation ("he" never points to it); a surname in capitals is not
        assert!(parse_source("IPPR").collective);
        assert!(!parse_source("WALLACE").collective);
        assert_eq!(parse_source("she").pronoun, Some(Gender::Female));
    }
}
