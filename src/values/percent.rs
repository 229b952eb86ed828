//! Percentages: a number before `%` or `phần trăm`, with bound words and ranges.
//!
//! | Written          | Value         |
//! |------------------|---------------|
//! | `58,5%`          | 58.5%         |
//! | `trên 90%`       | over 90%      |
//! | `8% trở lên`     | at_least 8%   |
//! | `tối thiểu 50%`  | at_least 50%  |
//! | `10 - 15%`, `từ 5% đến 7%` | 10..15%, 5..7% |
//! | `năm phần trăm`  | 5%            |
//!
//! ```
//! use rust_decimal::Decimal;
//! assert_eq!(vanban::parse_percent("58,5%")?, "58.5".parse::<Decimal>().unwrap());
//! # Ok::<(), vanban::Error>(())
//! ```
//!
//! # Not handled
//! - `hai con số` (double-digit growth) is not a percent; targets read it.
//! - Percentage points (`0,5 điểm phần trăm`) are not percentages.

use once_cell::sync::Lazy;
use regex::Regex;
use rust_decimal::Decimal;

use super::number::{parse_amount, DIGITS, WORD};
use super::{figure, scan_in, Caps, Figure, Source, BOUND_AFTER, BOUND_BEFORE};
use crate::error::Error;
use crate::fact::{Fact, PercentFact};

static PERCENT: Lazy<Regex> = Lazy::new(|| {
    let words = format!(r"(?:{WORD})(?:\s+(?:{WORD}))*");
    Regex::new(&format!(
        r"(?:(?P<b>{BOUND_BEFORE})\s+)?(?:(?P<n1>{DIGITS})\s*(?:%\s*)?(?:(?:-|đến|tới)\s*(?P<n2>{DIGITS})\s*)?%|(?P<w>{DIGITS}|{words})\s+phần trăm)(?P<a>{BOUND_AFTER})?"
    ))
    .expect("percent pattern compiles")
});

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&PERCENT);
}

fn accept(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let num = caps.name("n1").or(caps.name("w"))?;
    let digits = num.as_str().starts_with(|c: char| c.is_ascii_digit());
    if digits && !src.number_starts_clean(num.start()) {
        return None;
    }
    let whole = caps.get(0)?;
    if src
        .char_at(whole.end())
        .is_some_and(crate::normalize::is_word_char)
    {
        return None;
    }
    // `0,5 điểm phần trăm` never reaches here (`điểm` is not a number word), but
    // `5 điểm phần trăm` would match `5`... `phần trăm` needs the number right before.
    let value = parse_amount(num.as_str(), "")?;
    let Figure {
        value_max,
        bound,
        span,
    } = figure(caps, value, caps.name("n2").map(|n| (n.as_str(), "")))?;
    Some(Fact::Percent(PercentFact {
        text: src.slice(span).to_string(),
        span,
        value,
        bound,
        value_max,
        rule: if value_max.is_some() {
            "percent.range".into()
        } else if caps.name("w").is_some() {
            "percent.words".into()
        } else {
            "percent.sign".into()
        },
    }))
}

pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    // Every percentage ends in `%` or `phần trăm` after its figure.
    static MARKS: Lazy<Regex> =
        Lazy::new(|| Regex::new("%|phần trăm").expect("percent marks compile"));
    let windows = src.figure_windows(&MARKS, |_| false, 30);
    scan_in(&PERCENT, src, &windows, |caps| accept(src, caps), out);
}

/// Parses a whole string as a percentage and returns the number before `%`.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(vanban::parse_percent("năm phần trăm")?, Decimal::from(5));
/// assert!(vanban::parse_percent("58,5").is_err());
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn parse_percent(input: &str) -> Result<Decimal, Error> {
    match super::parse_whole(input, "a percentage such as \"58,5%\"", find)? {
        Fact::Percent(p) => Ok(p.value),
        _ => unreachable!("find yields percent facts only"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::testing::run_examples(
            "percent",
            include_str!("percent.examples.toml"),
            super::find,
        );
    }
}
