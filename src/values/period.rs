//! Periods: months, quarters, years, runs of years and of months.
//!
//! | Written                                      | Value                              |
//! |----------------------------------------------|------------------------------------|
//! | `tháng 8/2025`, `cuối tháng 8/2025`          | 2025-08-01..2025-08-31 month       |
//! | `quý 2/2026`, `quý II/2026`, `Q2/2026`       | 2026-04-01..2026-06-30 quarter     |
//! | `năm 2025`                                   | 2025-01-01..2025-12-31 year        |
//! | `giai đoạn 2026-2030`, `5 năm 2021-2025`     | 2026-01-01..2030-12-31 years       |
//! | `8 tháng đầu năm 2025`, `10 tháng năm 2025`  | 2025-01-01..2025-08-31 months      |
//! | `6 tháng cuối năm 2025`                      | 2025-07-01..2025-12-31 months      |
//! | `2 quý còn lại của năm 2025`                 | 2025-07-01..2025-12-31 months      |
//!
//! Without a year (`tháng 10`, `6 tháng đầu năm`) the document date's year is
//! used and `inferred_year` is set; with no document date there is no fact.
//!
//! ```
//! let p = vanban::parse_period("giai đoạn 2026-2030", None)?;
//! assert_eq!(p.to_string(), "2026-01-01..2030-12-31 years");
//! # Ok::<(), vanban::Error>(())
//! ```
//!
//! # Not handled
//! - A bare year (`2025`) is ambiguous (a count, a number) and is not a period.
//! - Relative periods (`năm nay`, `năm tới`, `những tháng cuối năm`).

use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

use super::date::{days_in_month, plausible_year};
use super::{scan, scan_in, Caps, Source};
use crate::error::Error;
use crate::fact::{Fact, Grain, Period, PeriodFact};
use crate::Span;

static QUARTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"quý\s+(?P<q>iv|iii|ii|i|[1-4])(?:\s*(?:/|-|năm|của năm)\s*(?P<y>[0-9]{4}))?")
        .expect("period pattern compiles")
});
/// `Q1/2026`: needs a digit, so it scans near digits only (`qu` starts half
/// the words of a text).
static QUARTER_SHORT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"q(?P<q2>[1-4])(?:\s*(?:/|-|năm|của năm)\s*(?P<y>[0-9]{4}))?")
        .expect("period pattern compiles")
});
static MONTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(?:đầu|cuối|giữa)\s+)?tháng\s+(?P<m>[0-9]{1,2})(?:\s*(?:/|-|năm|của năm)\s*(?P<y>[0-9]{4}))?")
        .expect("period pattern compiles")
});
static MONTHS_OF_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<n>[0-9]{1,2})\s+(?P<unit>tháng|quý)\s+(?:(?P<part>đầu|cuối|còn lại)\s+)?(?:của\s+)?năm(?:\s+(?P<y>[0-9]{4}))?")
        .expect("period pattern compiles")
});
static YEARS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch|[0-9]{1,2}\s+năm)\s+)?(?:từ\s+)?(?:năm\s+)?(?P<y1>[0-9]{4})\s*(?:-|đến|tới)\s*(?:năm\s+)?(?P<y2>[0-9]{4})")
        .expect("period pattern compiles")
});
static YEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"năm\s+(?P<y>[0-9]{4})").expect("period pattern compiles"));

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&QUARTER);
    Lazy::force(&QUARTER_SHORT);
    Lazy::force(&MONTH);
    Lazy::force(&MONTHS_OF_YEAR);
    Lazy::force(&YEARS);
    Lazy::force(&YEAR);
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, days_in_month(year, month)?)
}

/// Months `first..=last` of `year` as a period.
pub(crate) fn months(year: i32, first: u32, last: u32, grain: Grain) -> Option<Period> {
    Some(Period {
        start: NaiveDate::from_ymd_opt(year, first, 1)?,
        end: month_end(year, last)?,
        grain,
    })
}

/// The year a period names, or the anchor's year (then `inferred`).
fn year_of(src: &Source<'_>, caps: &Caps<'_, '_>, name: &str) -> Option<(i32, bool)> {
    match caps.name(name) {
        Some(y) => {
            let y: i32 = y.as_str().parse().ok()?;
            plausible_year(y).then_some((y, false))
        }
        None => Some((src.anchor?.year(), true)),
    }
}

fn fact(
    src: &Source<'_>,
    caps: &Caps<'_, '_>,
    p: Period,
    inferred: bool,
    rule: &'static str,
) -> Option<Fact> {
    let whole = caps.get(0)?;
    if !src.ends_clean(whole.end()) {
        return None;
    }
    let span = Span::new(whole.start(), whole.end());
    Some(Fact::Period(PeriodFact {
        text: src.slice(span).to_string(),
        span,
        start: p.start,
        end: p.end,
        grain: p.grain,
        inferred_year: inferred,
        rule: rule.into(),
    }))
}

fn quarter(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let q = match caps.name("q").or(caps.name("q2"))?.as_str() {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    let (year, inferred) = year_of(src, caps, "y")?;
    let p = months(year, q * 3 - 2, q * 3, Grain::Quarter)?;
    fact(src, caps, p, inferred, "period.quarter")
}

fn month(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let m: u32 = caps.name("m")?.as_str().parse().ok()?;
    let (year, inferred) = year_of(src, caps, "y")?;
    let p = months(year, m, m, Grain::Month)?;
    fact(src, caps, p, inferred, "period.month")
}

fn months_of_year(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let n: u32 = caps.name("n")?.as_str().parse().ok()?;
    let per = if caps.name("unit")?.as_str() == "quý" {
        3
    } else {
        1
    };
    let count = n * per;
    if !(1..=12).contains(&count) {
        return None;
    }
    let (year, inferred) = year_of(src, caps, "y")?;
    let from_end = matches!(
        caps.name("part").map(|m| m.as_str()),
        Some("cuối" | "còn lại")
    );
    let (first, last) = if from_end {
        (13 - count, 12)
    } else {
        (1, count)
    };
    let p = months(year, first, last, Grain::Months)?;
    fact(src, caps, p, inferred, "period.months_of_year")
}

fn years(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let y1: i32 = caps.name("y1")?.as_str().parse().ok()?;
    let y2: i32 = caps.name("y2")?.as_str().parse().ok()?;
    if !plausible_year(y1) || !plausible_year(y2) || y2 <= y1 || y2 - y1 > 100 {
        return None;
    }
    if !src.number_starts_clean(caps.name("y1")?.start()) {
        return None;
    }
    let p = Period {
        start: NaiveDate::from_ymd_opt(y1, 1, 1)?,
        end: NaiveDate::from_ymd_opt(y2, 12, 31)?,
        grain: Grain::Years,
    };
    fact(src, caps, p, false, "period.years")
}

fn year(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    caps.name("y")?;
    let (y, _) = year_of(src, caps, "y")?;
    let p = months(y, 1, 12, Grain::Year)?;
    fact(src, caps, p, false, "period.year")
}

pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    scan(&QUARTER, src, |c| quarter(src, c), out);
    scan_in(
        &QUARTER_SHORT,
        src,
        src.digit_windows(),
        |c| quarter(src, c),
        out,
    );
    // All but quarters (`quý IV`) need a digit.
    let windows = src.digit_windows();
    scan_in(&MONTH, src, windows, |c| month(src, c), out);
    scan_in(
        &MONTHS_OF_YEAR,
        src,
        windows,
        |c| months_of_year(src, c),
        out,
    );
    scan_in(&YEARS, src, windows, |c| years(src, c), out);
    scan_in(&YEAR, src, windows, |c| year(src, c), out);
}

/// Parses a whole string as a period. A period without a year takes the year
/// of `anchor`.
///
/// ```
/// use chrono::NaiveDate;
/// let anchor = NaiveDate::from_ymd_opt(2025, 11, 4);
/// assert_eq!(vanban::parse_period("tháng 10", anchor)?.to_string(), "2025-10-01..2025-10-31 month");
/// assert!(vanban::parse_period("tháng 13/2025", None).is_err());
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn parse_period(input: &str, anchor: Option<NaiveDate>) -> Result<Period, Error> {
    let expected = "a period such as \"quý 2/2026\", \"tháng 8/2025\", \"năm 2025\" or \"giai đoạn 2026-2030\"";
    match super::parse_whole_at(input, expected, anchor, find)? {
        Fact::Period(p) => Ok(p.period()),
        _ => unreachable!("find yields period facts only"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::testing::run_examples("period", include_str!("period.examples.toml"), super::find);
    }
}
