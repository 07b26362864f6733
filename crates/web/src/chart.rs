//! Charts drawn on the server as SVG: no JavaScript, nothing fetched, readable without styles.
//!
//! One kind is needed: counts per month, as bars on a continuous time axis (months with no
//! statements are drawn as gaps, not skipped), with a labelled count axis and date labels.

use maud::{html, Markup};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 230.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;
/// Past this many months the bars become years, so each stays wide enough to see and hover.
const MAX_MONTH_BARS: usize = 180;

/// `YYYY-MM` as a month number (year × 12 + month − 1), or `None`.
fn month_index(s: &str) -> Option<i64> {
    let (y, m) = s.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.get(..2)?.parse().ok()?);
    ((1..=12).contains(&m) && (1..=9999).contains(&y)).then_some(y * 12 + m - 1)
}

fn month_label(i: i64) -> String {
    format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
}

/// One bar: its label (`2020-05` or `2020`), its first month index and its count.
#[derive(Debug, Clone, PartialEq)]
struct Bar {
    label: String,
    start: i64,
    n: i64,
}

/// The bars for a monthly series: every month from the first to the last, zeros included;
/// years instead when the span is too long for months.
fn bars(series: &[(String, i64)]) -> Vec<Bar> {
    let points: Vec<(i64, i64)> = series.iter().filter_map(|(m, n)| Some((month_index(m)?, *n))).collect();
    let (Some(lo), Some(hi)) = (points.iter().map(|p| p.0).min(), points.iter().map(|p| p.0).max()) else {
        return Vec::new();
    };
    let by_year = (hi - lo + 1) as usize > MAX_MONTH_BARS;
    let (lo, hi, step) = if by_year { (lo - lo.rem_euclid(12), hi - hi.rem_euclid(12), 12) } else { (lo, hi, 1) };
    let mut out: Vec<Bar> = (0..=(hi - lo) / step)
        .map(|k| {
            let start = lo + k * step;
            let label = if by_year { format!("{:04}", start.div_euclid(12)) } else { month_label(start) };
            Bar { label, start, n: 0 }
        })
        .collect();
    for (m, n) in points {
        out[((m - lo) / step) as usize].n += n;
    }
    out
}

/// A round step for the count axis giving at most five intervals up to `max`.
fn tick_step(max: i64) -> i64 {
    let max = max.max(1);
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if max <= step * m * 5 {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// A bar chart of counts per month (`YYYY-MM`, any order), titled `title`, its count axis
/// named `unit` ("statements"). An empty series draws a note instead of an empty frame.
pub fn monthly(series: &[(String, i64)], title: &str, unit: &str) -> Markup {
    let bars = bars(series);
    if bars.is_empty() {
        return html! { p.chart-empty { (title) ": no dated " (unit) "." } };
    }
    let max = bars.iter().map(|b| b.n).max().unwrap_or(0).max(1);
    let step = tick_step(max);
    let top = (max + step - 1) / step * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / bars.len() as f64;
    // bars stay narrow enough to read as bars when there are only a few months
    let bar_w = if slot > 4.0 { (slot * 0.85).min(48.0) } else { slot };
    let y = |n: i64| TOP + plot_h - plot_h * n as f64 / top as f64;
    // at most about ten date labels, on a regular stride
    let stride = bars.len().div_ceil(10).max(1);
    let total: i64 = bars.iter().map(|b| b.n).sum();
    let label = format!("{title}: {total} {unit}, {} to {}", bars[0].label, bars[bars.len() - 1].label);
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={"0 0 " (WIDTH) " " (HEIGHT)} role="img" aria-label=(label) class="chart" {
                title { (label) }
                // count axis: gridlines with their values
                @for k in 0..=(top / step) {
                    @let v = k * step;
                    line.grid x1=(LEFT) x2=(WIDTH - RIGHT) y1=(fmt(y(v))) y2=(fmt(y(v))) {}
                    text.tick x=(LEFT - 6.0) y=(fmt(y(v) + 4.0)) text-anchor="end" { (v) }
                }
                text.axis-title transform={"translate(12," (fmt(TOP + plot_h / 2.0)) ") rotate(-90)"} text-anchor="middle" { (unit) }
                @for (i, b) in bars.iter().enumerate() {
                    @let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                    @let mid = x + bar_w / 2.0;
                    @if b.n > 0 {
                        rect.bar x=(fmt(x)) y=(fmt(y(b.n))) width=(fmt(bar_w.max(0.5))) height=(fmt(y(0) - y(b.n))) data-month=(b.label) data-n=(b.n) {
                            title { (b.label) ": " (b.n) " " (unit) }
                        }
                    }
                    @if i % stride == 0 {
                        line.tickmark x1=(fmt(mid)) x2=(fmt(mid)) y1=(fmt(y(0))) y2=(fmt(y(0) + 4.0)) {}
                        text.tick x=(fmt(mid)) y=(fmt(y(0) + 16.0)) text-anchor="middle" { (b.label) }
                    }
                }
                line.axis x1=(LEFT) x2=(WIDTH - RIGHT) y1=(fmt(y(0))) y2=(fmt(y(0))) {}
                text.axis-title x=(fmt(LEFT + plot_w / 2.0)) y=(fmt(HEIGHT - 6.0)) text-anchor="middle" {
                    @if bars[0].label.len() == 4 { "year" } @else { "month" }
                }
            }
            figcaption { (title) }
        }
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[(&str, i64)]) -> Vec<(String, i64)> {
        v.iter().map(|(m, n)| (m.to_string(), *n)).collect()
    }

    #[test]
    fn months_without_statements_are_drawn_as_gaps() {
        let b = bars(&s(&[("2020-11", 2), ("2021-02", 5)]));
        let labels: Vec<&str> = b.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2020-11", "2020-12", "2021-01", "2021-02"]);
        assert_eq!(b.iter().map(|b| b.n).collect::<Vec<_>>(), [2, 0, 0, 5]);
    }

    #[test]
    fn long_spans_become_years_and_garbage_is_ignored() {
        let b = bars(&s(&[("1990-03", 1), ("2020-05", 2), ("2020-07", 3), ("not a month", 9), ("2020-13", 9)]));
        assert_eq!(b.len(), 31);
        assert_eq!((b[0].label.as_str(), b[0].n), ("1990", 1));
        assert_eq!((b[30].label.as_str(), b[30].n), ("2020", 5));
    }

    #[test]
    fn count_axis_steps_are_round() {
        assert_eq!([1, 4, 5, 6, 11, 37, 240, 999].map(tick_step), [1, 1, 1, 2, 5, 10, 50, 200]);
    }

    #[test]
    fn a_chart_has_bars_axes_and_escaped_labels() {
        let svg = monthly(&s(&[("2020-05", 3), ("2020-06", 1)]), "<Zhao>", "statements").into_string();
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 2);
        assert!(svg.contains("2020-05: 3 statements"));
        assert!(svg.contains("&lt;Zhao&gt;") && !svg.contains("<Zhao>"));
        assert!(monthly(&[], "x", "statements").into_string().contains("no dated statements"));
    }
}
