//! Numbers as Vietnamese writes them: digits with `.` for thousands and `,` for
//! decimals, spelled-out numbers, and scale words.
//!
//! | Written                                         | Value           |
//! |-------------------------------------------------|-----------------|
//! | `31.307,4`                                      | 31307.4         |
//! | `0,77`, `01`, `100.000`                         | 0.77, 1, 100000 |
//! | `31.307,4 tỷ`                                   | 31307400000000  |
//! | `46,543 nghìn`, `2,03 triệu tỷ`                 | 46543, 2030000000000000 |
//! | `hai trăm nghìn`                                | 200000          |
//! | `bảy trăm hai mươi mốt nghìn không trăm mười hai` | 721012        |
//! | `mười lăm`, `hai mươi tư`, `một trăm linh năm`  | 15, 24, 105     |
//! | `âm 1.200.000`, `-1.200.000`                    | -1200000        |
//!
//! ```
//! use rust_decimal::Decimal;
//! assert_eq!(vanban::parse_number("31.307,4 tỷ")?, Decimal::from(31_307_400_000_000u64));
//! assert_eq!(vanban::parse_number("hai mươi tư")?, Decimal::from(24));
//! # Ok::<(), vanban::Error>(())
//! ```
//!
//! # Not handled
//! - English-style grouping (`1,500.25`): a lone `,` is always the decimal comma.
//!   A lone `.` followed by other than three digits (`8.5`) is read as a decimal point.
//! - Informal abbreviations (`3,5 tr`, `50k`).

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};

/// Regex fragment: a number written in digits (validated by [`parse_digits`]).
pub(crate) const DIGITS: &str = r"[0-9]+(?:[.,][0-9]+)*";

/// Regex fragment: scale words, lowercase, longest first.
pub(crate) const SCALE: &str = r"nghìn|ngàn|triệu|tỷ|tỉ|trăm";

/// Regex fragment: one spelled-out number word, lowercase.
pub(crate) const WORD: &str = r"không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ|nghìn|ngàn|triệu|tỷ|tỉ|rưỡi";

/// True if `s` is written in digits as [`DIGITS`] has them (`31.307,4`).
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty()
        && s.split(['.', ','])
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// True for a spelled-out number word (`hai`, `mươi`, `nghìn`, `rưỡi`).
pub(crate) fn is_number_word(word: &str) -> bool {
    digit_word(word).is_some()
        || scale_factor(word).is_some()
        || matches!(word, "mười" | "mươi" | "linh" | "lẻ" | "rưỡi")
}

/// The value of a scale word (`nghìn` → 1000), lowercase input.
pub(crate) fn scale_factor(word: &str) -> Option<Decimal> {
    Some(match word {
        "trăm" => Decimal::from(100),
        "nghìn" | "ngàn" => Decimal::from(1_000),
        "triệu" => Decimal::from(1_000_000),
        "tỷ" | "tỉ" => Decimal::from(1_000_000_000u64),
        _ => return None,
    })
}

/// Parses digits in Vietnamese style: `31.307,4`, `4.400`, `0,77`, `2025`.
pub(crate) fn parse_digits(s: &str) -> Option<Decimal> {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int.split('.').collect();
    let int_digits: String = if groups.len() == 1 {
        int.to_string()
    } else if groups[0].len() <= 3
        && !groups[0].is_empty()
        && groups[1..].iter().all(|g| g.len() == 3)
    {
        groups.concat()
    } else if groups.len() == 2 && frac.is_none() && !groups[1].is_empty() {
        // `8.5`: a decimal point, as English-style text writes it.
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    } else {
        return None;
    };
    if int_digits.is_empty() || !int_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits,
    };
    text.parse().ok()
}

fn digit_word(w: &str) -> Option<u32> {
    Some(match w {
        "không" => 0,
        "một" | "mốt" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" | "tư" => 4,
        "năm" | "lăm" | "nhăm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => return None,
    })
}

/// Parses a spelled-out number (lowercase words separated by spaces).
pub(crate) fn parse_words(s: &str) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    let mut section = Decimal::ZERO; // below the last big scale
    let mut pending: Option<u32> = None; // a digit word waiting for its multiplier
    let mut last_scale = Decimal::ZERO; // the last big scale applied to `total`
    let mut last_unit = Decimal::ONE; // for `rưỡi`
    let mut any = false;
    for w in s.split_whitespace() {
        any = true;
        if let Some(d) = digit_word(w) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
            last_unit = Decimal::ONE;
            continue;
        }
        match w {
            "linh" | "lẻ" => {
                if pending.is_some() {
                    return None;
                }
            }
            "mười" => {
                if pending.is_some() {
                    return None;
                }
                section += Decimal::TEN;
                last_unit = Decimal::TEN;
            }
            "mươi" => {
                section += Decimal::from(pending.take()?) * Decimal::TEN;
                last_unit = Decimal::TEN;
            }
            "trăm" => {
                let d = pending.take().unwrap_or(1);
                section += Decimal::from(d) * Decimal::ONE_HUNDRED;
                last_unit = Decimal::ONE_HUNDRED;
            }
            "rưỡi" => {
                if pending.is_some() {
                    return None;
                }
                let half = last_unit / Decimal::TWO;
                if last_unit == Decimal::ONE_HUNDRED {
                    section += half;
                } else {
                    total += half;
                }
            }
            _ => {
                let scale = scale_factor(w)?;
                let part = section + Decimal::from(pending.take().unwrap_or(0));
                section = Decimal::ZERO;
                if part.is_zero() {
                    if total.is_zero() {
                        total = scale; // `nghìn` alone, `triệu đồng`
                    } else if scale > last_scale {
                        total = total.checked_mul(scale)?; // `nghìn tỷ`
                    } else {
                        return None;
                    }
                } else if scale > last_scale {
                    total = (total + part).checked_mul(scale)?;
                } else {
                    total += part.checked_mul(scale)?;
                }
                last_scale = last_scale.max(scale);
                last_unit = scale;
            }
        }
    }
    if !any {
        return None;
    }
    Some(total + section + Decimal::from(pending.unwrap_or(0)))
}

/// Applies scale words (`tỷ`, `nghìn tỷ`) to a number.
pub(crate) fn apply_scales(value: Decimal, scales: &str) -> Option<Decimal> {
    let mut v = value;
    for w in scales.split_whitespace() {
        v = v.checked_mul(scale_factor(w)?)?;
    }
    Some(v)
}

/// Parses a number in digits or words, with its scale words: the shared core of
/// the value rules. Input is lowercase.
pub(crate) fn parse_amount(number: &str, scales: &str) -> Option<Decimal> {
    let number = number.trim();
    let base = if number.starts_with(|c: char| c.is_ascii_digit()) {
        parse_digits(number)?
    } else {
        parse_words(number)?
    };
    apply_scales(base, scales).map(|d| d.normalize())
}

/// Parses a whole string as a number: digits or words, optional sign (`-`,
/// `âm`), optional scale words.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(vanban::parse_number("âm 1.200.000")?, Decimal::from(-1_200_000));
/// assert_eq!(vanban::parse_number("46,543 nghìn")?, Decimal::from(46_543));
/// let err = vanban::parse_number("Điều 12").unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid number "Điều 12": expected digits (31.307,4) or number words (hai mươi tư), then optional scale words (nghìn, triệu, tỷ)"#);
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn parse_number(input: &str) -> Result<Decimal, Error> {
    let trimmed = crate::normalize(input);
    if trimmed.is_empty() {
        return Err(Error::empty("a number"));
    }
    let expected = "digits (31.307,4) or number words (hai mươi tư), then optional scale words (nghìn, triệu, tỷ)";
    let syntax = || {
        Error::new(
            ErrorKind::Syntax,
            format!("invalid number {input:?}: expected {expected}"),
        )
    };
    let lower = crate::normalize::lower_same_len(&trimmed);
    let (negative, rest) = if let Some(r) = lower.strip_prefix('-') {
        (true, r.trim_start())
    } else if let Some(r) = lower.strip_prefix("âm ") {
        (true, r.trim_start())
    } else {
        (false, lower.as_str())
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let (number, scales) = if words
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        if words[1..].iter().any(|w| scale_factor(w).is_none()) {
            return Err(syntax());
        }
        (words[0].to_string(), words[1..].join(" "))
    } else {
        (words.join(" "), String::new())
    };
    let overflow = || {
        Error::new(
            ErrorKind::Overflow,
            format!("number {input:?} is too large"),
        )
    };
    let value = if number.starts_with(|c: char| c.is_ascii_digit()) {
        let base = parse_digits(&number).ok_or_else(syntax)?;
        apply_scales(base, &scales).ok_or_else(overflow)?
    } else {
        if !number.split_whitespace().all(|w| {
            digit_word(w).is_some()
                || matches!(w, "mười" | "mươi" | "linh" | "lẻ" | "rưỡi")
                || scale_factor(w).is_some()
        }) {
            return Err(syntax());
        }
        parse_words(&number).ok_or_else(syntax)?
    };
    let value = value.normalize();
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn digits_table() {
        let cases = [
            ("31.307,4", "31307.4"),
            ("4.400", "4400"),
            ("46,543", "46.543"),
            ("0,77", "0.77"),
            ("01", "1"),
            ("100.000", "100000"),
            ("1.234.567", "1234567"),
            ("2025", "2025"),
            ("8.5", "8.5"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_digits(input), Some(d(want)), "{input}");
        }
        for bad in ["1.23.4", "1,", ",5", "1.2345.678", "12.34,5", "1,2,3"] {
            assert_eq!(parse_digits(bad), None, "{bad}");
        }
    }

    #[test]
    fn words_table() {
        let cases = [
            ("hai trăm nghìn", "200000"),
            ("bảy trăm hai mươi mốt nghìn không trăm mười hai", "721012"),
            ("mười lăm", "15"),
            ("hai mươi tư", "24"),
            ("một trăm linh năm", "105"),
            ("một trăm lẻ năm", "105"),
            ("ba mươi mốt", "31"),
            ("năm", "5"),
            ("mười", "10"),
            ("một triệu hai trăm nghìn", "1200000"),
            ("năm trăm nghìn tỷ", "500000000000000"),
            ("hai triệu rưỡi", "2500000"),
            ("một trăm rưỡi", "150"),
            ("chín mươi chín", "99"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_words(input), Some(d(want)), "{input}");
        }
        for bad in ["hai ba", "mươi", "", "tỷ nghìn tỷ nghìn", "năm hai"] {
            assert_eq!(parse_words(bad), None, "{bad}");
        }
    }

    #[test]
    fn parse_number_table() {
        let cases = [
            ("31.307,4 tỷ", "31307400000000"),
            ("2,03 triệu tỷ", "2030000000000000"),
            ("500 nghìn tỷ", "500000000000000"),
            ("46,543 nghìn", "46543"),
            ("âm 1.200.000", "-1200000"),
            ("-1.200.000", "-1200000"),
            ("Hai trăm nghìn", "200000"),
            ("  7  ", "7"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_number(input).unwrap(), d(want), "{input}");
        }
    }

    #[test]
    fn parse_number_errors() {
        assert_eq!(parse_number("").unwrap_err().kind(), ErrorKind::Empty);
        assert_eq!(parse_number("abc").unwrap_err().kind(), ErrorKind::Syntax);
        assert_eq!(
            parse_number("5 đồng").unwrap_err().kind(),
            ErrorKind::Syntax
        );
        assert_eq!(
            parse_number("79228162514264337593543950335 tỷ")
                .unwrap_err()
                .kind(),
            ErrorKind::Overflow
        );
    }
}
