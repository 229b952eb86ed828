//! Quantities: a number with its unit noun (`448 xã, phường`, `dưới 40 μg/m3`).
//!
//! | Written                | Value              |
//! |------------------------|--------------------|
//! | `448 xã, phường`       | 448 xã, phường     |
//! | `1.200 công trình`     | 1200 công trình    |
//! | `dưới 40 μg/m3`        | under 40 μg/m3     |
//! | `46,543 nghìn km2`     | 46543 km2          |
//!
//! The unit nouns are listed in `src/lexicon/units.tsv`. A quantity is a target's
//! value when the goal is a count; on its own it is optional output.
//!
//! # Not handled
//! - Unit nouns not in the list, and spelled-out counts (`hai dự án`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::number::{parse_amount, DIGITS, SCALE};
use super::{figure, scan_in, Caps, Figure, Source, BOUND_AFTER, BOUND_BEFORE};
use crate::fact::{Fact, QuantityFact};
use crate::lexicon::{alternation, UNITS};

static QUANTITY: Lazy<Regex> = Lazy::new(|| {
    let units = alternation(UNITS.iter().copied());
    Regex::new(&format!(
        r"(?:(?P<b>{BOUND_BEFORE})\s+)?(?P<n>{DIGITS})(?P<s>(?:\s+(?:{SCALE}))*)\s*(?:(?:-|đến|tới)\s*(?P<n2>{DIGITS})\s*)?\s+(?P<u>{units})(?P<a>{BOUND_AFTER})?"
    ))
    .expect("quantity pattern compiles")
});

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&QUANTITY);
}

fn accept(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Fact> {
    let n = caps.name("n")?;
    if !src.number_starts_clean(n.start()) {
        return None;
    }
    let unit = caps.name("u")?;
    if src
        .char_at(unit.end())
        .is_some_and(crate::normalize::is_word_char)
    {
        return None;
    }
    let scales = caps.name("s").map_or("", |m| m.as_str());
    let value = parse_amount(n.as_str(), scales)?;
    let Figure {
        value_max,
        bound,
        mut span,
    } = figure(caps, value, caps.name("n2").map(|n| (n.as_str(), scales)))?;
    if caps.name("a").is_none() {
        span.end = unit.end();
    }
    Some(Fact::Quantity(QuantityFact {
        text: src.slice(span).to_string(),
        span,
        value,
        unit: src
            .slice(crate::Span::new(unit.start(), unit.end()))
            .to_string(),
        bound,
        value_max,
        rule: "quantity.unit_noun".into(),
    }))
}

pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    scan_in(
        &QUANTITY,
        src,
        src.digit_windows(),
        |caps| accept(src, caps),
        out,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::testing::run_examples(
            "quantity",
            include_str!("quantity.examples.toml"),
            super::find,
        );
    }
}
