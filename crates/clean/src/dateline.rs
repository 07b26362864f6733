//! Datelines: the place, outlet and date a story opens with.
//!
//! `BEIJING, (UrduPoint / Pakistan Point News - 4th Jun, 2020 ) :`, ` date 2020-05-17 BEIJING:`,
//! `WASHINGTON (Reuters) -`, `LONDON (AP) —`, `ISLAMABAD, Jan 4 (APP):`, `NEW DELHI —`.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{parse_date, PartialDate};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub city: String,
    pub outlet: Option<String>,
    pub date: Option<PartialDate>,
    /// Bytes of the paragraph the dateline takes, separator and following spaces included.
    pub len: usize,
}

// Dates in a dateline are English month names and ASCII digits (`parse_date` reads no other):
// Unicode classes repeated ({3,9}) made this the costliest regex to compile, a tenth of a
// second at every start.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        [\ \t]*
        (?:date\s+(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})\s+)?
        (?P<city>\p{Lu}[\p{Lu}.'’\-]*(?:[\ ]\p{Lu}[\p{Lu}.'’\-]*){0,3})
        (?:,\s*(?P<region>\p{Lu}[\p{Ll}]*\.(?:\s?\p{Lu}[\p{Ll}]*\.)?|\p{Lu}{2,}(?:\ \p{Lu}{2,})?)(?:\s|,|\())?
        # AP: `KYIV, Ukraine (AP) —`, a country or state written out before the outlet
        (?:,\s*(?P<country>\p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){0,2})\s+)?
        (?:,?\s*(?P<date>[A-Za-z]{3,9}\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?|[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:,?\s+[0-9]{4})?))?
        (?:
            # TASS: `MOSCOW, April 3. /TASS/.`
            \.\s*/(?P<slash>[^/\n]{2,40})/\.?[\ \t]*
        |
            ,?\s*
            (?:\((?P<paren>[^()\n]{1,120})\))?
            [\ \t]*(?P<sep>:|--|[-–—])[\ \t]*
        )",
    )
    .expect("dateline pattern compiles")
});

/// Cities that may open a story with a bare `CITY:`; with a dash, any all-caps place will do.
const BARE_COLON_CITIES: &[&str] = &[
    "ABU DHABI", "ABUJA", "ACCRA", "ADDIS ABABA", "AMMAN", "AMSTERDAM", "ANKARA", "ATHENS", "BAGHDAD", "BAKU", "BANGKOK", "BEIJING",
    "BEIRUT", "BELGRADE", "BERLIN", "BISHKEK", "BOGOTA", "BRASILIA", "BRUSSELS", "BUCHAREST", "BUDAPEST", "BUENOS AIRES", "CAIRO",
    "CANBERRA", "CARACAS", "COLOMBO", "COPENHAGEN", "DAKAR", "DAMASCUS", "DHAKA", "DOHA", "DUBAI", "DUSHANBE", "GENEVA", "GWADAR", "HANOI",
    "HAVANA", "HELSINKI", "HONG KONG", "ISLAMABAD", "ISTANBUL", "JAKARTA", "JERUSALEM", "KABUL", "KARACHI", "KATHMANDU", "KHARTOUM",
    "KIEV", "KYIV", "KUALA LUMPUR", "LAHORE", "LAGOS", "LIMA", "LISBON", "LONDON", "LOS ANGELES", "MADRID", "MANILA", "MEXICO CITY",
    "MINSK", "MOSCOW", "MUMBAI", "MUSCAT", "NAIROBI", "NEW DELHI", "NEW YORK", "OSLO", "OTTAWA", "PARIS", "PESHAWAR", "PRAGUE",
    "PYONGYANG", "QUETTA", "RAWALPINDI", "RIYADH", "ROME", "SANTIAGO", "SEOUL", "SHANGHAI", "SINGAPORE", "STOCKHOLM", "SYDNEY", "TAIPEI",
    "TASHKENT", "TEHRAN", "TEL AVIV", "TOKYO", "TUNIS", "UNITED NATIONS", "URUMQI", "VIENNA", "WARSAW", "WASHINGTON", "WELLINGTON",
];

/// Reads a dateline at the start of `para`, if there is one.
pub fn parse_dateline(para: &str) -> Option<Dateline> {
    let caps = DATELINE.captures(para)?;
    let city = caps.name("city")?.as_str().trim_end_matches(['.', '-']).to_string();
    if city.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let iso = caps.name("iso").and_then(|m| parse_date(m.as_str()));
    let date = match caps.name("date") {
        Some(m) => Some(parse_date(m.as_str())?),
        None => None,
    };
    let (outlet, paren_date) = match (caps.name("paren"), caps.name("slash")) {
        (Some(p), _) => split_outlet_and_date(p.as_str())?,
        (None, Some(s)) => (Some(s.as_str().trim().to_string()), None),
        (None, None) => (None, None),
    };
    // (a place written out is read only before the outlet's bracket: "KYIV, Ukraine (AP) —")
    if caps.name("country").is_some() && caps.name("paren").is_none() {
        return None;
    }
    let sep = caps.name("sep").map_or("/", |m| m.as_str());
    let strong = caps.name("paren").is_some() || caps.name("slash").is_some() || iso.is_some() || date.is_some();
    let bare_ok = sep != ":" || BARE_COLON_CITIES.contains(&city.as_str());
    if !strong && !bare_ok {
        return None;
    }
    // Text must follow: a paragraph that is only "LONDON:" is not a dateline.
    let len = caps.get(0)?.end();
    if para[len..].trim().is_empty() {
        return None;
    }
    Some(Dateline { city, outlet, date: iso.or(paren_date).or(date), len })
}

/// `UrduPoint / Pakistan Point News - 4th Jun, 2020 ` → outlet and date; `Reuters` → outlet.
fn split_outlet_and_date(inside: &str) -> Option<(Option<String>, Option<PartialDate>)> {
    let inside = inside.trim();
    if let Some(d) = parse_date(inside) {
        return Some((None, Some(d)));
    }
    for sep in [" - ", " – ", " — ", ", ", " | "] {
        if let Some((left, right)) = inside.rsplit_once(sep) {
            if let Some(d) = parse_date(right) {
                return Some((outlet_name(left), Some(d)));
            }
        }
    }
    let outlet = outlet_name(inside)?;
    Some((Some(outlet), None))
}

fn outlet_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches([',', '-', '/']).trim();
    let ok = !s.is_empty() && s.len() <= 80 && s.chars().next()?.is_alphanumeric() && s.chars().any(char::is_alphabetic);
    ok.then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, city: &str, outlet: Option<&str>, date: Option<(Option<i32>, u32, u32)>, rest: &str) {
        let d = parse_dateline(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
        assert_eq!(d.city, city, "{input}");
        assert_eq!(d.outlet.as_deref(), outlet, "{input}");
        assert_eq!(d.date.map(|p| (p.year, p.month, p.day)), date, "{input}");
        assert_eq!(&input[d.len..], rest, "{input}");
    }

    #[test]
    fn wire_and_regional_datelines() {
        check(
            "BEIJING, (UrduPoint / Pakistan Point News - 4th Jun, 2020 ) :China on Thursday",
            "BEIJING",
            Some("UrduPoint / Pakistan Point News"),
            Some((Some(2020), 6, 4)),
            "China on Thursday",
        );
        check(" date 2020-05-17 BEIJING: China highly appreciates", "BEIJING", None, Some((Some(2020), 5, 17)), "China highly appreciates");
        check("WASHINGTON (Reuters) - The U.S. Senate", "WASHINGTON", Some("Reuters"), None, "The U.S. Senate");
        check("LONDON (AP) — Britain's", "LONDON", Some("AP"), None, "Britain's");
        check("ISLAMABAD, Jan 4 (APP): Prime Minister", "ISLAMABAD", Some("APP"), Some((None, 1, 4)), "Prime Minister");
        check("NEW DELHI — India said", "NEW DELHI", None, None, "India said");
        check("WASHINGTON, D.C. (AP) -- Lawmakers", "WASHINGTON", Some("AP"), None, "Lawmakers");
        check("BEIJING: China said", "BEIJING", None, None, "China said");
        check("MOSCOW, April 3. /TASS/. Russia will respond", "MOSCOW", Some("TASS"), Some((None, 4, 3)), "Russia will respond");
        check("KYIV, Ukraine (AP) — Ukrainian President", "KYIV", Some("AP"), None, "Ukrainian President");
        check("SAN JUAN, Puerto Rico (AP) — The storm", "SAN JUAN", Some("AP"), None, "The storm");
    }

    #[test]
    fn not_datelines() {
        for text in [
            "WALLACE: Good evening.",
            "China Ready To Work With Pakistan: Mao Ning",
            "The U.S. said - nothing",
            "US: talks",
            "BEIJING:",
            "He said that China and Pakistan were all-weather partners.",
            "NATO. /s/ John Smith",
            "KYIV, Ukraine - a city at war",
        ] {
            assert_eq!(parse_dateline(text), None, "{text}");
        }
    }
}
