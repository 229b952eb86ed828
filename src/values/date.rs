//! Dates: one calendar day, written `31/8/2025`, `22-12-2024`, `ngày 11 tháng 4
//! năm 2025`, or without a year (`Chiều 24/8`, `ngày 20/11`).
//!
//! | Written                    | Value                          |
//! |----------------------------|--------------------------------|
//! | `31/8/2025`, `01/3/2025`   | 2025-08-31, 2025-03-01         |
//! | `22-12-2024`, `22.12.2024` | 2024-12-22                     |
//! | `ngày 11 tháng 4 năm 2025` | 2025-04-11                     |
//! | `24/8` (document of 2025)  | 2025-08-24, `inferred_year`    |
//!
//! A day without a year takes the year of the document date (the anchor); with
//! no anchor it is not a date fact. `d/m` is read as a date only where a date
//! is expected: after a time word (`ngày`, `sáng`, `chiều`, `trước`, `đến`, ...),
//! before punctuation or a capitalised word. Numbers inside document symbols
//! (`154/2025/NĐ-CP`), ratios (`chiếm 2/3 số xã`) and impossible days
//! (`31/2/2025`) are not dates.
//!
//! ```
//! use chrono::NaiveDate;
//! assert_eq!(vanban::parse_date("ngày 11 tháng 4 năm 2025", None)?, NaiveDate::from_ymd_opt(2025, 4, 11).unwrap());
//! let anchor = NaiveDate::from_ymd_opt(2025, 8, 1);
//! assert_eq!(vanban::parse_date("24/8", anchor)?.to_string(), "2025-08-24");
//! # Ok::<(), vanban::Error>(())
//! ```

use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

use super::{scan_in, Caps, Source};
use crate::error::{Error, ErrorKind};
use crate::fact::{DateFact, Fact};
use crate::Span;

static NUMERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?P<d>[0-9]{1,2})\s?(?P<s1>[/.-])\s?(?P<m>[0-9]{1,2})(?:\s?(?P<s2>[/.-])\s?(?P<y>[0-9]{4}))?",
    )
    .expect("date pattern compiles")
});

static WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"ngày\s+(?P<d>[0-9]{1,2})\s+tháng\s+(?P<m>[0-9]{1,2})(?:\s*(?:năm|,\s*năm)\s+(?P<y>[0-9]{4}))?",
    )
    .expect("date pattern compiles")
});

/// Words before a year-less `d/m` that make it a date.
const TIME_WORDS: &[&str] = &[
    "ngày", "hôm", "sáng", "chiều", "trưa", "tối", "đêm", "từ", "đến", "tới", "trước", "sau",
    "vào", "dịp", "lúc", "hạn", "nay", "mai", "qua",
];

/// Words before a `d/m` that make it a ratio.
const RATIO_WORDS: &[&str] = &[
    "chiếm", "bằng", "đạt", "lệ", "khoảng", "gần", "hơn", "trên", "dưới", "còn", "là", "được",
];

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&NUMERIC);
    Lazy::force(&WORDS);
}

/// Days in a month, or `None` for a month out of range.
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((next - first).num_days() as u32)
}

/// Plausible years for dates in the genre.
pub(crate) fn plausible_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

fn number(caps: &Caps<'_, '_>, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

fn make(
    src: &Source<'_>,
    span: Span,
    d: u32,
    m: u32,
    y: Option<i32>,
    rule: &'static str,
) -> Option<Fact> {
    let (year, inferred) = match y {
        Some(y) if plausible_year(y) => (y, false),
        Some(_) => return None,
        None => (src.anchor?.year(), true),
    };
    let value = NaiveDate::from_ymd_opt(year, m, d)?;
    Some(Fact::Date(DateFact {
        text: src.slice(span).to_string(),
        span,
        value,
        inferred_year: inferred,
        rule: rule.into(),
    }))
}

fn accept_numeric(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let whole = caps.get(0)?;
    if !src.number_starts_clean(whole.start()) || !src.ends_clean(whole.end()) {
        return None;
    }
    if src.char_before(whole.start()) == Some('-') {
        return None;
    }
    let s1 = caps.name("s1")?.as_str();
    let d = number(caps, "d")?;
    let m = number(caps, "m")?;
    let span = Span::new(whole.start(), whole.end());
    let text = src.slice(span);
    if text.contains(' ') && caps.name("y").is_none() {
        return None;
    }
    match caps.name("s2") {
        Some(s2) => {
            if s2.as_str() != s1 {
                return None;
            }
            let y: i32 = caps.name("y")?.as_str().parse().ok()?;
            make(src, span, d, m, Some(y), "date.day_month_year")
        }
        None => {
            let before = src.word_before(whole.start());
            let after = src.word_after(whole.end());
            let next = src.char_at(whole.end());
            if s1 != "/" && before != "ngày" {
                return None;
            }
            if RATIO_WORDS.contains(&before) {
                return None;
            }
            let cue = TIME_WORDS.contains(&before)
                || next.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | '\n'))
                || src
                    .slice(Span::new(whole.end(), src.text.len()))
                    .trim_start_matches(' ')
                    .starts_with(|c: char| c.is_uppercase())
                || after == "năm";
            if !cue || m == 0 || m > 12 {
                return None;
            }
            make(src, span, d, m, None, "date.day_month")
        }
    }
}

fn accept_words(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let whole = caps.get(0)?;
    if src
        .char_at(whole.end())
        .is_some_and(crate::normalize::is_word_char)
    {
        return None;
    }
    let d = number(caps, "d")?;
    let m = number(caps, "m")?;
    let y = match caps.name("y") {
        Some(y) => Some(y.as_str().parse().ok()?),
        None => None,
    };
    make(
        src,
        Span::new(whole.start(), whole.end()),
        d,
        m,
        y,
        "date.words",
    )
}

pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    let windows = src.digit_windows();
    scan_in(
        &NUMERIC,
        src,
        windows,
        |caps| accept_numeric(src, caps),
        out,
    );
    scan_in(&WORDS, src, windows, |caps| accept_words(src, caps), out);
}

/// Parses a whole string as one day. A day without a year takes the year of
/// `anchor`; without an anchor that is an error.
///
/// ```
/// let err = vanban::parse_date("24/8", None).unwrap_err();
/// assert_eq!(err.kind(), vanban::ErrorKind::MissingYear);
/// ```
pub fn parse_date(input: &str, anchor: Option<NaiveDate>) -> Result<NaiveDate, Error> {
    let expected = "a date such as \"31/8/2025\" or \"ngày 11 tháng 4 năm 2025\"";
    match super::parse_whole_at(input, expected, anchor, find) {
        Ok(Fact::Date(d)) => Ok(d.value),
        Ok(_) => unreachable!("find yields date facts only"),
        Err(e) => Err(explain(input, anchor).unwrap_or(e)),
    }
}

/// Why a date-shaped input is not a date: a missing year or an impossible day.
fn explain(input: &str, anchor: Option<NaiveDate>) -> Option<Error> {
    static SHAPE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:ngày\s+)?([0-9]{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)([0-9]{1,2})(?:(?:\s*[/.-]\s*|\s+năm\s+)([0-9]{4}))?$")
            .expect("date shape compiles")
    });
    let text = crate::normalize(input).to_lowercase();
    let caps = SHAPE.captures(&text)?;
    let d: u32 = caps.get(1)?.as_str().parse().ok()?;
    let m: u32 = caps.get(2)?.as_str().parse().ok()?;
    let y: Option<i32> = caps.get(3).and_then(|y| y.as_str().parse().ok());
    let invalid = |why: String| {
        Error::new(
            ErrorKind::InvalidDate,
            format!("invalid date {input:?}: {why}"),
        )
    };
    if !(1..=12).contains(&m) {
        return Some(invalid(format!("there is no month {m}")));
    }
    let Some(year) = y.or(anchor.map(|a| a.year())) else {
        return Some(Error::new(
            ErrorKind::MissingYear,
            format!("date {input:?} has no year and no anchor date was given"),
        ));
    };
    if !plausible_year(year) {
        return Some(invalid(format!("year {year} is out of range 1900..=2100")));
    }
    let days = days_in_month(year, m)?;
    if d == 0 || d > days {
        let month = chrono::Month::try_from(m as u8).ok()?.name();
        return Some(invalid(format!("{month} {year} has {days} days")));
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::testing::run_examples("date", include_str!("date.examples.toml"), super::find);
    }
}
