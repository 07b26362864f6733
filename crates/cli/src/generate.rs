//! `onrecord generate`: a reproducible synthetic news corpus for benchmarks and tests of the
//! cross-article layer. Everything comes from texts the project may ship: the three bundled
//! example articles (with names, dates and outlets changed) and the sentence patterns below,
//! written for this generator. Stories are copied across outlets with the edits syndication
//! makes (a paragraph cut, a word changed, punctuation redone, another story's lead pasted in);
//! speakers come back to their talking points over the years; unrelated stories are mixed in.
//!
//! The random numbers come from SplitMix64 written out here, so a seed gives the same corpus
//! with any version of any crate.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::json;

const SEEDS: [&str; 3] = [
    include_str!("../../../examples/seeds/000_bb004311bd2bc8ad.txt"),
    include_str!("../../../examples/seeds/001_e35a4f05f87134d8.txt"),
    include_str!("../../../examples/seeds/003_025c87b85e33775e.txt"),
];

/// SplitMix64: seeded, reproducible on every machine; the corpus and the benchmark's queries
/// are drawn from it.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len())]
    }
}

/// (name, role phrase, pronoun)
const SPEAKERS: &[(&str, &str, &str)] = &[
    ("Zhao Lijian", "Chinese Foreign Ministry spokesperson", "he"),
    ("Mao Ning", "Chinese Foreign Ministry spokesperson", "she"),
    ("Wang Wenbin", "Chinese Foreign Ministry spokesperson", "he"),
    ("Amina Qureshi", "Pakistan Foreign Office spokesperson", "she"),
    ("Tariq Mehmood", "Pakistani Minister for Planning", "he"),
    ("Helena Varga", "European Commission spokesperson", "she"),
    ("Daniel Okafor", "Nigerian Trade Minister", "he"),
    ("Lucia Ferreira", "Brazilian Foreign Minister", "she"),
    ("Kenji Aoyama", "Japanese Chief Cabinet Secretary", "he"),
    ("Priya Raman", "Indian External Affairs Ministry spokesperson", "she"),
    ("Omar Haddad", "Jordanian Foreign Minister", "he"),
    ("Sofia Lindqvist", "Swedish Prime Minister", "she"),
    ("Viktor Petrenko", "Ukrainian Deputy Foreign Minister", "he"),
    ("Grace Mwangi", "Kenyan Cabinet Secretary for Health", "she"),
    ("Mateo Alvarez", "Mexican Economy Minister", "he"),
    ("Farah Siddiqui", "Pakistani Ambassador to China", "she"),
    ("Liu Jian", "Chinese Ambassador to Pakistan", "he"),
    ("Anna Kowalska", "Polish Foreign Ministry spokesperson", "she"),
    ("Samuel Adeyemi", "African Union Commission spokesperson", "he"),
    ("Ines Moreau", "French Foreign Ministry spokesperson", "she"),
];

/// Talking points, with the variants speakers really use; speaker i favours points i%n, (i*7)%n, (i*3+1)%n.
const POINTS: &[&[&str]] = &[
    &["all-weather strategic cooperative partners", "all-weather strategic cooperative partner"],
    &["community of shared future for mankind", "community with a shared future", "community with shared future"],
    &["high-quality development of the economic corridor", "high quality development of the economic corridor"],
    &["win-win cooperation and common prosperity", "win-win cooperation and shared prosperity"],
    &["rules-based international order", "rules based international order"],
    &["peaceful settlement of disputes through dialogue", "peaceful resolution of disputes through dialogue"],
    &["ironclad friendship between our peoples", "iron-clad friendship between our peoples"],
    &["green and sustainable energy transition", "green and sustainable energy transitions"],
    &["open and inclusive global trading system", "open inclusive global trading system"],
    &["universal access to affordable vaccines", "universal access to affordable vaccine"],
    &["respect for sovereignty and territorial integrity"],
    &["digital connectivity for developing countries", "digital connectivity for the developing countries"],
];

const OUTLETS: &[&str] = &[
    "Associated Press of Pakistan", "Daily Meridian", "The Harbour Post", "Northern Courier", "Capital Tribune", "Global Wire Service",
    "The Evening Ledger", "Riverside Gazette", "Eastern Observer", "Metro Chronicle", "The Frontier Times", "Coastal Herald",
    "Continental News Agency", "The Morning Signal", "Valley Dispatch", "Pacific Bulletin", "The Civic Record", "Summit News",
    "Lakeside Journal", "Union Press Agency", "Bridge News Network", "The Daily Compass", "Harvest Review", "Old Town Sentinel",
    "Sunrise Daily", "The Atlas Report", "Quay Street Journal", "Highland Examiner", "Delta Star", "The Open Register",
];

const COUNTRIES: &[&str] =
    &["Pakistan", "China", "Brazil", "Kenya", "Nigeria", "Japan", "India", "Jordan", "Sweden", "Mexico", "Poland", "France", "Ukraine"];
const TOPICS: &[&str] = &[
    "trade", "public health", "energy", "climate finance", "infrastructure", "education", "food security", "water management",
    "maritime security", "investment", "tourism", "agriculture", "digital services", "disaster relief", "vaccine production",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const VERBS: &[&str] = &["said", "stressed", "noted", "added", "pointed out", "reiterated", "told reporters"];
const CITIES: &[&str] = &[
    "Beijing", "Islamabad", "Brussels", "Nairobi", "Abuja", "Tokyo", "New Delhi", "Amman", "Stockholm", "Mexico City", "Warsaw", "Paris",
    "Kyiv",
];

/// A clause a speaker reports; `{p}` is a talking point, `{c}` a country, `{t}` a topic, `{n}` a number.
const CLAUSES: &[&str] = &[
    "{c} and its partners would deepen cooperation on {t} and build {p}",
    "the two sides agreed to expand {t} projects worth {n} million dollars over the next three years",
    "the government remained committed to {p} and would keep working with {c} on {t}",
    "recent progress on {t} showed the value of {p}",
    "no country should politicise {t}, and the international community should uphold {p}",
    "talks with {c} on {t} had been frank, constructive and forward-looking",
    "{n} experts would travel to {c} next month to support {t} programmes",
    "the new agreement on {t} was a milestone for {p}",
    "the ministry rejected the baseless claims about {t} made by certain quarters",
    "both countries would hold the next round of consultations on {t} in {city}",
    "{c} had always supported {p}, and would continue to do so",
    "the visit reflected {p} and opened a new chapter in {t}",
];

const NARRATION: &[&str] = &[
    "The meeting was held in {city} on {day}.",
    "Trade between the two countries reached {n} billion dollars last year, according to official figures.",
    "The talks came a week after a delegation from {c} visited {city}.",
    "Officials from both sides attended the signing ceremony, which lasted about an hour.",
    "The ministry's regular briefing was broadcast live on its website.",
    "Analysts expect the agreement to be ratified before the end of the year.",
    "Earlier this month, {c} announced a new package of measures on {t}.",
    "The two countries established diplomatic relations more than {n} years ago.",
];

/// Unrelated local stories: nothing here should be linked to the diplomatic news, nor one local
/// story to another. Each story is about one organisation in one town, told in sentences drawn
/// from a pool larger than any story, with its own people and numbers, so that two local stories
/// share a sentence pattern now and then but not their text.
const LOCAL: &[&str] = &[
    "{org} in {town} approved a plan to extend its opening hours by {n} per cent, ending months of debate.",
    "Heavy rain is expected across {town} this weekend, and {org} has put {n} staff on standby.",
    "{org} in {town} won the regional award for the second year running, judges said on {day}.",
    "The new building of {org} in {town}, made from recycled timber, opens to the public in {month}.",
    "Volunteers from {org} planted {n} trees along the river path in {town} on Saturday despite the drizzle.",
    "{org} confirmed that its director, {who}, will stay for another {n} years.",
    "Road works outside {org} in {town} will close two lanes overnight until the end of {month}.",
    "{org} will hold an open day in {town} every Sunday morning from {month}.",
    "{org} in {town} is lending out telescopes this winter, and the waiting list is already {n} names long.",
    "Ticket prices at {org} will rise by {n} pence from {month}, the board in {town} decided.",
    "A fire in the kitchen of {org} on {day} night was put out within {n} minutes, and no one was hurt.",
    "{org} has hired {n} more people in {town} after a year of record demand.",
    "The roof of {org} in {town} will be repaired over the summer at a cost of {n} thousand pounds.",
    "Parking near {org} in {town} will be free after six in the evening from {month}.",
    "{org} asked residents of {town} to report potholes through a new phone line.",
    "A petition to keep {org} in {town} open on Mondays has gathered {n} hundred signatures.",
    "{org} in {town} will name its new hall after {who}, who founded it {n} years ago.",
    "Students from {town} raised {n} hundred pounds for {org} with a sponsored walk.",
];
const LOCAL_QUOTES: &[&str] = &[
    "\"We have never seen a season like this one,\" said {who}, who has worked at {org} for {n} years.",
    "\"It is a small change that makes a big difference for families in {town},\" {who} told the council.",
    "{who} said the plan would be reviewed after {n} months.",
    "\"Everyone in {town} pitched in, and that is what this town is about,\" said {who}.",
    "\"We listened to what people in {town} told us,\" said {who}, a spokesperson for {org}.",
    "{who}, who lives near {org}, said the change was long overdue.",
];
const TOWNS: &[&str] = &[
    "Ashford", "Brenmoor", "Calder", "Dunmore", "Eastwick", "Fairhaven", "Glenrock", "Harlow", "Ivybridge", "Kestrel Bay", "Lindale",
    "Marsh End", "Northam", "Oakridge", "Pennwick", "Redcliff", "Stonebury", "Thornfield", "Upton Vale", "Westmere", "Yarrow", "Zelby",
];
const ORGS: &[&str] = &[
    "the city council", "the school board", "the district hospital", "the public library", "the town museum", "the football club",
    "the bus company", "the fire service", "the chamber of commerce", "the water board", "the zoo", "the theatre", "the harbour office",
    "the college", "the swimming pool", "the farmers' cooperative", "the bakery on Mill Street", "the community choir",
];
const FIRST_NAMES: &[&str] =
    &["Anna", "Ben", "Carla", "Dev", "Elif", "Finn", "Grace", "Hugo", "Ines", "Jakub", "Kemi", "Leo", "Mina", "Noor", "Oskar", "Priya"];
const LAST_NAMES: &[&str] = &[
    "Abbott", "Brandt", "Costa", "Duval", "Egan", "Fischer", "Greco", "Hale", "Iqbal", "Jensen", "Kowal", "Lund", "Moreau", "Nagy",
    "Okafor", "Petrov",
];
const MONTHS: &[&str] =
    &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A pattern filled with a talking point of the speaker's and random names, numbers, places.
fn clause(rng: &mut Rng, speaker: usize) -> String {
    let point = speaker_point(rng, speaker);
    let pattern = rng.pick(CLAUSES);
    fill(pattern, rng, point)
}

fn fill(t: &str, rng: &mut Rng, point: &str) -> String {
    let mut s = t.to_string();
    while let Some(i) = s.find('{') {
        let Some(j) = s[i..].find('}') else { break };
        let key = &s[i + 1..i + j];
        let v = match key {
            "p" => point.to_string(),
            "c" => rng.pick(COUNTRIES).to_string(),
            "t" => rng.pick(TOPICS).to_string(),
            "n" => (2 + rng.below(97)).to_string(),
            "city" => rng.pick(CITIES).to_string(),
            "day" => rng.pick(WEEKDAYS).to_string(),
            "month" => rng.pick(MONTHS).to_string(),
            _ => String::new(),
        };
        s.replace_range(i..i + j + 1, &v);
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Story {
    headline: String,
    paragraphs: Vec<String>,
    /// days since 2015-01-01
    day: i64,
}

fn speaker_point(rng: &mut Rng, speaker: usize) -> &'static str {
    let n = POINTS.len();
    let favourite = [speaker % n, (speaker * 7) % n, (speaker * 3 + 1) % n];
    let p = if rng.chance(0.8) { favourite[rng.below(3)] } else { rng.below(n) };
    // mostly the usual wording, sometimes a variant
    let forms = POINTS[p];
    if rng.chance(0.75) {
        forms[0]
    } else {
        rng.pick(forms)
    }
}

fn diplomatic_story(rng: &mut Rng, day: i64) -> Story {
    let sp = rng.below(SPEAKERS.len());
    let (name, role, pron) = SPEAKERS[sp];
    let surname = name.rsplit(' ').next().unwrap_or(name);
    let weekday = WEEKDAYS[rng.below(WEEKDAYS.len())];
    let mut paragraphs = Vec::new();
    let lead_clause = clause(rng, sp);
    paragraphs.push(format!("{} {name} {} on {weekday} that {lead_clause}.", capitalise(role), rng.pick(VERBS)));
    let n = 4 + rng.below(6);
    for i in 0..n {
        let said = clause(rng, sp);
        let para = match rng.below(6) {
            0 => format!("\"{},\" {pron} {}.", capitalise(&said), rng.pick(&["added", "said", "stressed"])),
            1 => format!("{} said {said}.", capitalise(pron)),
            2 => format!("The spokesperson {} that {said}.", rng.pick(VERBS)),
            3 => format!("{surname} said {said}, and {}.", clause(rng, sp)),
            4 => {
                let t = rng.pick(NARRATION);
                fill(t, rng, "")
            }
            _ => format!("According to {surname}, {said}."),
        };
        paragraphs.push(para);
        if i == 1 && rng.chance(0.3) {
            paragraphs.push({
                let t = rng.pick(NARRATION);
                fill(t, rng, "")
            });
        }
    }
    let headline = format!("{}: {}", capitalise(&clause(rng, sp)), name);
    Story { headline, paragraphs, day }
}

/// One of the bundled example articles, with its speakers, countries and dates changed.
fn seed_story(rng: &mut Rng, day: i64) -> Story {
    let text = SEEDS[rng.below(SEEDS.len())];
    let (to, _, _) = SPEAKERS[rng.below(SPEAKERS.len())];
    let mut t = text.to_string();
    if rng.chance(0.5) {
        for from in ["Zhao Lijian", "Mao Ning"] {
            t = t.replace(from, to);
        }
        let surname = to.rsplit(' ').next().unwrap_or(to);
        t = t.replace("Zhao said", &format!("{surname} said"));
    }
    if rng.chance(0.3) {
        let c = rng.pick(&COUNTRIES[2..]);
        t = t.replace("Pakistan", c);
    }
    // the first line holds a dateline or headline; the copy's own goes in front
    let paragraphs: Vec<String> = t.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let headline = paragraphs.first().map(|p| p.chars().take(90).collect()).unwrap_or_default();
    Story { headline, paragraphs, day }
}

fn local_story(rng: &mut Rng, day: i64) -> Story {
    let town = rng.pick(TOWNS);
    let org = rng.pick(ORGS);
    let people: Vec<String> = (0..2).map(|_| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))).collect();
    let local = |t: &str, rng: &mut Rng| {
        let who = &people[rng.below(people.len())];
        capitalise(&fill(&t.replace("{town}", town).replace("{org}", org).replace("{who}", who), rng, ""))
    };
    let mut paragraphs = Vec::new();
    let mut patterns: Vec<&str> = LOCAL.to_vec();
    for _ in 0..3 + rng.below(4) {
        // each pattern at most once a story
        let t = patterns.swap_remove(rng.below(patterns.len()));
        paragraphs.push(local(t, rng));
        if rng.chance(0.6) {
            let q = rng.pick(LOCAL_QUOTES);
            paragraphs.push(local(q, rng));
        }
    }
    let headline = paragraphs[0].split(',').next().unwrap_or("Local news").chars().take(80).collect();
    Story { headline, paragraphs, day }
}

const SWAPS: &[(&str, &str)] =
    &[("said", "stated"), ("would", "will"), ("countries", "nations"), ("agreed", "decided"), ("new", "fresh"), ("support", "back")];

/// A copy of a story as one outlet ran it.
fn copy_of(story: &Story, rng: &mut Rng, outlet: &str, lead_from: Option<&str>) -> (String, String) {
    let mut paras = story.paragraphs.clone();
    if paras.len() > 4 && rng.chance(0.4) {
        let i = 1 + rng.below(paras.len() - 1);
        paras.remove(i);
    }
    if rng.chance(0.5) {
        let i = rng.below(paras.len());
        let (a, b) = rng.pick(SWAPS);
        paras[i] = paras[i].replacen(&format!(" {a} "), &format!(" {b} "), 1);
    }
    if rng.chance(0.3) {
        for p in &mut paras {
            *p = p.replace(", and", " and").replace('"', "\u{201c}");
        }
    }
    if rng.chance(0.3) {
        paras.push(format!("Reporting by the {outlet} desk; editing by staff."));
    }
    if let Some(lead) = lead_from {
        paras.insert(paras.len().min(2), lead.to_string());
    }
    (story.headline.clone(), paras.join("\n\n"))
}

fn date_of(day: i64) -> String {
    // days since 2015-01-01, proleptic Gregorian
    let mut y = 2015;
    let mut d = day;
    loop {
        let len = if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 { 366 } else { 365 };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let months = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    format!("{y:04}-{:02}-{:02}", m + 1, d + 1)
}

/// Calls `emit(json)` for each article of the corpus, `articles` in all.
pub fn corpus(articles: usize, seed: u64, mut emit: impl FnMut(serde_json::Value) -> Result<()>) -> Result<()> {
    let mut rng = Rng(seed ^ 0x6f6e_7265_636f_7264);
    let mut made = 0;
    let mut story_no = 0;
    let mut prev_lead: Option<String> = None;
    while made < articles {
        let day = rng.below(365 * 10) as i64;
        let story = match rng.below(20) {
            0..=1 => seed_story(&mut rng, day),
            2..=4 => local_story(&mut rng, day),
            _ => diplomatic_story(&mut rng, day),
        };
        let copies = match rng.below(10) {
            0..=5 => 1,
            6..=8 => 2 + rng.below(3),
            _ => 5 + rng.below(8),
        };
        for c in 0..copies {
            if made >= articles {
                break;
            }
            let outlet = rng.pick(OUTLETS);
            let pasted = if c == 0 && rng.chance(0.05) { prev_lead.as_deref() } else { None };
            let (title, text) = copy_of(&story, &mut rng, outlet, pasted);
            let date = date_of(story.day + rng.below(3) as i64);
            emit(json!({
                "id": format!("gen-{story_no:06}-{c:02}"),
                "title": title,
                "text": text,
                "date": date,
                "outlet": outlet,
                "url": format!("https://{}.example/{story_no}/{c}", outlet.to_lowercase().replace(' ', "-")),
            }))?;
            made += 1;
        }
        prev_lead = story.paragraphs.first().cloned();
        story_no += 1;
    }
    Ok(())
}

pub fn write_corpus(out: &Path, articles: usize, seed: u64) -> Result<ExitCode> {
    let mut w: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    } else {
        Box::new(std::io::BufWriter::new(std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?))
    };
    corpus(articles, seed, |v| {
        serde_json::to_writer(&mut w, &v)?;
        w.write_all(b"\n")?;
        Ok(())
    })?;
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let collect = |seed| {
            let mut v = Vec::new();
            corpus(300, seed, |j| {
                v.push(j);
                Ok(())
            })
            .expect("generates");
            v
        };
        let (a, b, c) = (collect(7), collect(7), collect(8));
        assert_eq!(a.len(), 300);
        assert_eq!(a, b);
        assert_ne!(a, c);
        // copies of one story exist, across outlets
        let stories: std::collections::HashSet<String> = a.iter().map(|j| j["id"].as_str().unwrap()[..10].to_string()).collect();
        assert!(stories.len() < 250, "{} stories", stories.len());
    }

    #[test]
    fn local_stories_are_not_copies_of_each_other() {
        let mut local: Vec<std::collections::HashSet<String>> = Vec::new();
        corpus(3000, 1, |j| {
            let text = j["text"].as_str().unwrap();
            if j["id"].as_str().unwrap().ends_with("-00") && TOWNS.iter().any(|t| text.contains(t)) {
                let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
                local.push(words.windows(3).map(|w| w.join(" ")).collect());
            }
            Ok(())
        })
        .expect("generates");
        assert!(local.len() > 100, "{} local stories", local.len());
        let mut worst = 0f64;
        for (i, a) in local.iter().enumerate() {
            for b in &local[i + 1..] {
                let shared = a.intersection(b).count() as f64;
                worst = worst.max(shared / (a.len() + b.len()) as f64 * 2.0);
            }
        }
        // copies are linked from 0.5 on (in Jaccard terms this Dice bound is stricter)
        assert!(worst < 0.5, "two local stories share {worst:.2} of their shingles");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(date_of(0), "2015-01-01");
        assert_eq!(date_of(365 + 31 + 28), "2016-02-29");
        assert_eq!(date_of(3653), "2025-01-01");
    }
}
