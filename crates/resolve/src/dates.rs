use chrono::{Datelike, Duration, NaiveDate};
use onrecord_clean::dates::parse_date;
use onrecord_model::Article;

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A date expression in `s` ("on Wednesday", "yesterday", "on June 3rd"), resolved against `anchor`.
pub fn date_in(s: &str, anchor: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        let lw = w.to_ascii_lowercase();
        if lw == "yesterday" {
            return Some(anchor - Duration::days(1));
        }
        if lw == "today" || lw == "tonight" {
            return Some(anchor);
        }
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == lw) {
            // the latest such weekday on or before the publication date
            let back = (anchor.weekday().num_days_from_monday() as i64 - wd as i64).rem_euclid(7);
            return Some(anchor - Duration::days(back));
        }
        if onrecord_clean::dates::month_number(w).is_some() && w.chars().next().is_some_and(char::is_uppercase) {
            for len in [3, 2] {
                if let Some(phrase) = words.get(i..i + len) {
                    if let Some(d) = parse_date(&phrase.join(" ")).and_then(|d| d.resolve(Some(anchor))) {
                        return Some(d);
                    }
                }
            }
        }
    }
    None
}

/// A time before publication that names no day: "last week", "earlier this month", "two
/// days ago", "recently".
fn names_no_day(s: &str) -> bool {
    let s = s.to_lowercase();
    [
        "last week", "last month", "last year", "earlier this week", "earlier this month", "earlier this year", "recently", "days ago",
        "weeks ago", "months ago", "years ago", "last weekend",
    ]
    .iter()
    .any(|p| s.contains(p))
}

/// Date of each statement: a date named in its sentence outside the content (near the cue);
/// none when the sentence places it only vaguely before publication ("said last week"); else
/// the date of the speaker's previous statement in the article, else publication.
pub fn fill_dates(article: &mut Article) {
    let Some(published) = article.meta.published else { return };
    let text = &article.text;
    let mut last_by_speaker: Vec<(String, NaiveDate)> = Vec::new();
    for st in &mut article.statements {
        let around = st.cue.map(|c| {
            let start = text[..c.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
            let end = text[c.end..].find(['.', '\n']).map_or(text.len(), |i| c.end + i);
            let outside = |a: usize, b: usize| if b > a { &text[a..b] } else { "" };
            let left = outside(start, st.content.start.min(c.start).max(start));
            let mid = if st.content.end <= c.start { outside(st.content.end, c.start) } else { "" };
            let right = outside(c.end, if st.content.start >= c.end { st.content.start } else { end });
            format!("{left} {mid} {right}")
        });
        let name = st.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_default();
        let found = around.as_deref().and_then(|s| date_in(s, published));
        // "said last week": some day before publication, which one the text does not say; only
        // a few words either side of the cue count, outside the content ("said last week that",
        // "last week told"), not a time that belongs to something else in the sentence
        let beside_cue = |c: onrecord_model::Span| {
            let a = crate::boundary_at_or_after(text, c.start.saturating_sub(24));
            let b = crate::boundary_at_or_before(text, c.end + 24);
            let (a, b) = if st.content.end <= c.start { (a.max(st.content.end), b) } else { (a, b.min(st.content.start.max(c.end))) };
            if b > a {
                &text[a..b]
            } else {
                ""
            }
        };
        if found.is_none() && st.cue.is_some_and(|c| names_no_day(beside_cue(c))) {
            st.date = None;
            continue;
        }
        let date = found.or_else(|| last_by_speaker.iter().rev().find(|(n, _)| *n == name).map(|(_, d)| *d)).unwrap_or(published);
        if found.is_some() {
            last_by_speaker.push((name, date));
        }
        st.date = Some(date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_against_publication() {
        let thu = NaiveDate::from_ymd_opt(2020, 6, 4).unwrap();
        assert_eq!(date_in("China on Thursday reiterated", thu), Some(thu));
        assert_eq!(date_in("she said on Wednesday", thu), NaiveDate::from_ymd_opt(2020, 6, 3));
        assert_eq!(date_in("said yesterday", thu), NaiveDate::from_ymd_opt(2020, 6, 3));
        assert_eq!(date_in("cordially on June 3rd and", thu), NaiveDate::from_ymd_opt(2020, 6, 3));
        assert_eq!(date_in("he said during his briefing", thu), None);
    }
}
