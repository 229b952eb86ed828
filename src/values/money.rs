//! Money: a number, optional scale words, a currency, optional bound words.
//!
//! | Written                  | Value                         |
//! |--------------------------|-------------------------------|
//! | `31.307,4 tỷ đồng`       | 31307400000000 VND            |
//! | `trên 4.400 tỷ đồng`     | over 4400000000000 VND        |
//! | `1,5 triệu USD`          | 1500000 USD                   |
//! | `50.000đ`                | 50000 VND                     |
//! | `từ 2 đến 3 tỷ đồng`     | 2000000000..3000000000 VND    |
//! | `hai trăm nghìn đồng`    | 200000 VND                    |
//!
//! ```
//! let m = vanban::parse_money("gần 15.900 tỷ đồng")?;
//! assert_eq!(m.to_string(), "15900000000000 VND");
//! # Ok::<(), vanban::Error>(())
//! ```
//!
//! # Not handled
//! - Amounts without a currency word (`26.000 tỷ` alone): too often not money.
//! - `đồng` followed by a word that makes it another noun (`4 đồng chí`) is not money.

use std::str::FromStr;

use once_cell::sync::Lazy;
use regex::Regex;

use super::number::{parse_amount, DIGITS, SCALE, WORD};
use super::{figure, scan_in, Caps, Figure, Source, BOUND_AFTER, BOUND_BEFORE};
use crate::error::Error;
use crate::fact::{Fact, Money, MoneyFact};
use crate::lexicon::{alternation, CURRENCIES};
use crate::Span;

static MONEY: Lazy<Regex> = Lazy::new(|| {
    let cur = alternation(CURRENCIES.iter().map(|(w, _)| *w));
    let num = format!(r"(?:{DIGITS}|(?:{WORD})(?:\s+(?:{WORD}))*)");
    let scales = format!(r"(?:\s+(?:{SCALE}))*");
    Regex::new(&format!(
        r"(?:(?P<b>{BOUND_BEFORE})\s+)?(?P<n1>{num})(?P<s1>{scales})\s*(?:(?:-|đến|tới)\s*(?P<n2>{num})(?P<s2>{scales})\s*(?P<c>{cur})|(?P<c1>{cur})(?:\s*(?:-|đến|tới)\s*(?P<n3>{num})(?P<s3>{scales})\s*(?P<c3>{cur}))?)(?P<a>{BOUND_AFTER})?"
    ))
    .expect("money pattern compiles")
});

/// Currency words that may follow a spelled-out amount (the one-letter `đ`
/// only follows digits).
static CURRENCY_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&alternation(
        CURRENCIES
            .iter()
            .map(|(w, _)| *w)
            .filter(|w| w.chars().count() > 1),
    ))
    .expect("currency words compile")
});

/// How far an amount reaches past its currency word (bytes): the rest of
/// a range and a bound (`2 tỷ đồng - 3 tỷ đồng trở lên`).
const AFTER_CURRENCY: usize = 40;

/// Words after `đồng` that make it another word (`đồng chí`, `đồng bằng`).
const NOT_CURRENCY_AFTER_DONG: &[&str] = &[
    "chí", "bào", "thời", "bộ", "ý", "hành", "tâm", "lòng", "nghiệp", "đều", "loạt", "ruộng",
    "bằng", "minh", "cảm", "thuận", "chủ", "tình", "phục", "dạng", "hương", "cỏ", "nát", "hồ",
    "khởi", "xu", "nhất", "đội", "sở", "tiền", "vốn",
];

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&MONEY);
    Lazy::force(&CURRENCY_WORDS);
}

fn currency_code(word: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, code)| *code)
}

fn accept(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let n1 = caps.name("n1")?;
    if n1.as_str().starts_with(|c: char| c.is_ascii_digit()) && !src.number_starts_clean(n1.start())
    {
        return None;
    }
    let whole = caps.get(0)?;
    if !src.ends_clean(whole.end()) {
        return None;
    }
    let cur = caps.name("c").or(caps.name("c1"))?;
    if cur.as_str() == "đồng" || caps.name("c3").is_some_and(|c| c.as_str() == "đồng") {
        let next = src.word_after(whole.end());
        if NOT_CURRENCY_AFTER_DONG.contains(&next) && caps.name("a").is_none() {
            return None;
        }
    }
    let currency = currency_code(cur.as_str())?;
    if let Some(c3) = caps.name("c3") {
        if currency_code(c3.as_str()) != Some(currency) {
            return None;
        }
    }
    let s1 = caps.name("s1").map_or("", |m| m.as_str());
    let (n2, s2) = match (caps.name("n2"), caps.name("n3")) {
        (Some(n), _) => (Some(n.as_str()), caps.name("s2").map_or("", |m| m.as_str())),
        (_, Some(n)) => (Some(n.as_str()), caps.name("s3").map_or("", |m| m.as_str())),
        _ => (None, ""),
    };
    // `từ 2 đến 3 tỷ đồng`: the first number takes the second's scale.
    let s1 = if s1.trim().is_empty() && n2.is_some() {
        s2
    } else {
        s1
    };
    let value = parse_amount(n1.as_str(), s1)?;
    let Figure {
        value_max,
        bound,
        span,
    } = figure(caps, value, n2.map(|n| (n, s2)))?;
    Some(Fact::Money(MoneyFact {
        text: src.slice(span).to_string(),
        span,
        value,
        currency: currency.to_string(),
        bound,
        value_max,
        rule: if value_max.is_some() {
            "money.range".into()
        } else if n1.as_str().starts_with(|c: char| c.is_ascii_digit()) {
            "money.amount".into()
        } else {
            "money.words".into()
        },
    }))
}

pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    // Every amount ends in a currency word after its figure (`4.400 tỷ
    // đồng`, `hai trăm nghìn đồng`), or in the one-letter `đ` right after
    // digits (`50.000đ`, `50.000 đ`): only the text around those is read.
    let is_unit = |w: &str| CURRENCIES.iter().any(|(c, _)| c.split(' ').any(|p| p == w));
    let mut windows = src.figure_windows(&CURRENCY_WORDS, is_unit, AFTER_CURRENCY);
    let glued_dong = src.digit_runs().iter().filter_map(|r| {
        let tail = src.lower.get(r.end..)?;
        let gap = usize::from(tail.starts_with(' '));
        let end = (r.end + gap + 'đ'.len_utf8() + AFTER_CURRENCY).min(src.lower.len());
        tail[gap..]
            .starts_with('đ')
            .then(|| Span::new(src.figure_start(r.end + gap, &is_unit), end))
    });
    windows.extend(glued_dong);
    let windows = super::merge(src.lower, windows);
    scan_in(&MONEY, src, &windows, |caps| accept(src, caps), out);
}

/// Parses a whole string as an amount of money (bound words are allowed and
/// ignored; a range gives its lower end).
///
/// ```
/// let m = vanban::parse_money("1,5 triệu USD")?;
/// assert_eq!((m.value.to_string().as_str(), m.currency.as_str()), ("1500000", "USD"));
/// assert!(vanban::parse_money("1,5 triệu").is_err());
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn parse_money(input: &str) -> Result<Money, Error> {
    let fact = super::parse_whole(
        input,
        "an amount of money such as \"31.307,4 tỷ đồng\"",
        find,
    )?;
    match fact {
        Fact::Money(m) => Ok(Money {
            value: m.value,
            currency: m.currency,
        }),
        _ => unreachable!("find yields money facts only"),
    }
}

impl FromStr for Money {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_money(s)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::testing::run_examples("money", include_str!("money.examples.toml"), super::find);
    }
}
