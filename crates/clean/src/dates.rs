//! Dates as news writes them: `2020-05-17`, `4th Jun, 2020`, `June 3rd`, `Jan. 4, 2016`,
//! `Thu, 04 Jun 2020 10:00:00 GMT`, `4 June 2020`.

use chrono::{Datelike, NaiveDate};

/// A date that may lack its year (`Jan 4`, `June 3rd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl PartialDate {
    /// The full date, taking a missing year from `anchor` (the publication date): the latest
    /// such date not more than a few days after the anchor, since news reports the past.
    pub fn resolve(self, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
        match (self.year, anchor) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y, self.month, self.day),
            (None, Some(a)) => {
                let this = NaiveDate::from_ymd_opt(a.year(), self.month, self.day)?;
                if this > a + chrono::Duration::days(7) {
                    NaiveDate::from_ymd_opt(a.year() - 1, self.month, self.day)
                } else {
                    Some(this)
                }
            }
            (None, None) => None,
        }
    }
}

pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    const FULL: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    // "Jun", "June", "Sept" and "Sept." are months; "Marching" is not.
    (FULL[i].starts_with(&w) || w == "sept").then_some(i as u32 + 1)
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    w.len() >= 3 && WEEKDAYS.iter().any(|d| w.starts_with(d)) && w.chars().all(|c| c.is_ascii_alphabetic())
}

fn day_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

/// Parses a string that is a date and little else. Returns `None` for anything with other words.
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Some(d) = parse_iso(s) {
        return Some(d);
    }
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for tok in s.split(|c: char| c.is_whitespace() || c == ',' || c == '/').filter(|t| !t.is_empty()) {
        if is_weekday(tok) || tok.eq_ignore_ascii_case("of") || tok.eq_ignore_ascii_case("the") {
            continue;
        }
        if tok.contains(':')
            || matches!(tok.to_ascii_uppercase().as_str(), "GMT" | "UTC" | "PKT" | "EST" | "EDT" | "PST" | "BST" | "CST" | "AM" | "PM")
            || tok.starts_with('+')
            || tok.starts_with('-')
        {
            continue; // times and zones
        }
        if let Some(m) = month_number(tok).filter(|_| month.is_none()) {
            month = Some(m);
        } else if let Some(d) = day_number(tok).filter(|_| day.is_none()) {
            day = Some(d);
        } else if let Some(y) = year_number(tok).filter(|_| year.is_none()) {
            year = Some(y);
        } else {
            return None;
        }
    }
    let d = PartialDate { year, month: month?, day: day? };
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), d.month, d.day)?;
    Some(d)
}

/// The first full date written inside `text` ("Regular Press Conference on May 10, 2022",
/// "Briefing, 4 June 2020", "2020-06-04"): three words in a row that are a date with its year,
/// or one ISO date.
pub fn find_full_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().find_map(|w| parse_iso(w.trim_matches(|c: char| !c.is_ascii_alphanumeric())).and_then(|d| d.resolve(None))).or_else(|| {
        words.windows(3).find_map(|w| {
            let joined = w.join(" ");
            parse_date(joined.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
                .filter(|d| d.year.is_some())
                .and_then(|d| d.resolve(None))
        })
    })
}

fn parse_iso(s: &str) -> Option<PartialDate> {
    let b = s.as_bytes();
    if b.len() < 10 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b' ' | b'Z' | b'+') {
        return None;
    }
    let date = NaiveDate::parse_from_str(&s[..10].replace('/', "-"), "%Y-%m-%d").ok()?;
    Some(PartialDate { year: Some(date.year()), month: date.month(), day: date.day() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_date_is_found_inside_a_title() {
        let date = |t: &str| find_full_date(t).map(|d| d.to_string());
        assert_eq!(date("Spokesperson's Regular Press Conference on May 10, 2022").as_deref(), Some("2022-05-10"));
        assert_eq!(date("Briefing, 4 June 2020").as_deref(), Some("2020-06-04"));
        assert_eq!(date("Minutes of 2021-03-09 meeting").as_deref(), Some("2021-03-09"));
        // no year, no date: the title says nothing of when
        assert_eq!(date("Talks resume on May 10"), None);
        assert_eq!(date("Music of the 1990s returns"), None);
    }

    fn full(s: &str) -> Option<String> {
        parse_date(s).and_then(|d| d.resolve(None)).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_the_shapes_news_uses() {
        let cases = [
            ("2020-05-17", "2020-05-17"),
            ("2020-05-17T08:00:00Z", "2020-05-17"),
            ("2016/09/12 10:00", "2016-09-12"),
            ("4th Jun, 2020", "2020-06-04"),
            ("4 June 2020", "2020-06-04"),
            ("June 4, 2020", "2020-06-04"),
            ("Jan. 4, 2016", "2016-01-04"),
            ("Sept. 11, 2001", "2001-09-11"),
            ("Thu, 04 Jun 2020 10:00:00 GMT", "2020-06-04"),
            ("Wednesday, January 4th, 2023", "2023-01-04"),
        ];
        for (input, want) in cases {
            assert_eq!(full(input).as_deref(), Some(want), "{input}");
        }
        for bad in ["", "Jun", "31st Feb, 2020", "Marching on 4", "2020-13-01", "said on Wednesday"] {
            assert_eq!(full(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_missing_year_comes_from_the_anchor() {
        let anchor = NaiveDate::from_ymd_opt(2020, 6, 4);
        let d = parse_date("June 3rd").unwrap();
        assert_eq!(d.year, None);
        assert_eq!(d.resolve(anchor), NaiveDate::from_ymd_opt(2020, 6, 3));
        // a December date read in January is last year's
        let jan = NaiveDate::from_ymd_opt(2023, 1, 4);
        assert_eq!(parse_date("Dec 30").unwrap().resolve(jan), NaiveDate::from_ymd_opt(2022, 12, 30));
    }
}
