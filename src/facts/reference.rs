//! References: documents cited by their symbol (số, ký hiệu) or by kind and
//! number, with the kind and issue date the text gives for them.
//!
//! | Written                                    | canonical        | code | issuer | kind        |
//! |--------------------------------------------|------------------|------|--------|-------------|
//! | `Nghị quyết số 57-NQ/TW ngày 22/12/2024`   | `57-NQ/TW`       | NQ   | TW     | Nghị quyết  |
//! | `Nghị định số 154/2025/NĐ-CP`              | `154/2025/NĐ-CP` | NĐ   | CP     | Nghị định   |
//! | `05/CT-TTg`                                | `05/CT-TTg`      | CT   | TTg    | Chỉ thị     |
//! | `Luật Đầu tư công số 58/2024/QH15`         | `58/2024/QH15`   | -    | QH15   | Luật        |
//! | `Công văn số 1234/UBND-KT`                 | `1234/UBND-KT`   | -    | UBND   | Công văn    |
//! | `Đề án 06`                                 | `Đề án 06`       | -    | -      | Đề án       |
//!
//! Symbol shapes (`../shared/reference/README.md`, section 1): Party
//! `N-TYPE/ISSUER`; state `N/YYYY/TYPE-ISSUER`, `N/TYPE-ISSUER`, laws and
//! National Assembly resolutions `N/YYYY/QHnn`, official letters
//! `N/ISSUER-UNIT`; numbers may be dotted (`66.7/2025/NQ-CP`). A Party
//! document written in a state shape (`57/NQ-TW`, `72-NQ-TW`) is read as Party. Spaces or a line
//! break around `/` and `-` and lowercase letters are tolerated; the canonical
//! symbol has no spaces and its letters in the case the lexicons give
//! (`TTg`, `CTr`, `QĐi`), other letters as written.
//!
//! - `kind` comes from the kind word right before the symbol (`Chỉ thị số`,
//!   `Luật Đầu tư công số`), from an earlier item of the same list
//!   (`các Nghị quyết (57-NQ/TW, 59-NQ/TW)`, `Nghị quyết số 57-NQ/TW và 59-NQ/TW`),
//!   else from the type letters (`lexicon/doc_kinds.tsv`).
//! - `issued` is `ngày dd/mm/yyyy` or `ngày d tháng m năm yyyy` right after the
//!   symbol (or after its issuer or verb in the same clause: `của Chính phủ
//!   ngày 12/6/2025`, `được ban hành ngày ...`), the date of a sentence that
//!   reports the issue
//!   (`Ngày 11/4/2025, ... đã ký ban hành Chỉ thị số 07/CT-UBND`), or the date
//!   line under an official header `Số: 229/CĐ-TTg`.
//! - A capitalised kind word and a number without a symbol (`Đề án 06`,
//!   `Nghị quyết 18`) is a reference with no code, unless a unit or time word
//!   follows (`Kế hoạch 5 năm`) or the number is a bare year.
//!
//! ```
//! let doc = vanban::extract("Thực hiện Chỉ thị số 05/CT-TTg ngày 01/3/2025 của Thủ tướng Chính phủ.");
//! let r = doc.facts_of("reference").next().unwrap();
//! assert_eq!(r.text(), "Chỉ thị số 05/CT-TTg ngày 01/3/2025");
//! assert_eq!(r.to_string(), "05/CT-TTg (Chỉ thị) issued 2025-03-01");
//! ```
//!
//! # Not handled
//! - Press shorthand without a number separator (`NQ57`) and symbols with a
//!   blank number (`Số: /TB-VPCP`).
//! - Laws cited by name and year only (`Luật Đất đai 2024`).
//! - A later mention does not inherit the issue date of an earlier one, and
//!   `Nghị quyết 57` is not resolved to a `57-NQ/TW` cited elsewhere.
//! - ASCII-folded type letters (`QD-UBND`) are not recognised as types.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::document::DocMeta;
use crate::fact::{Fact, ReferenceFact};
use crate::lexicon::{alternation, rows};
use crate::segment::Dropped;
use crate::values::{scan_windows, Caps, Groups, Source};
use crate::Span;

/// For which symbol shape the type letters alone name a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FromCode {
    Both,
    State,
    Party,
    Never,
}

/// One row of `doc_kinds.tsv`.
#[derive(Debug)]
struct Kind {
    name: &'static str,
    lower: String,
    code: Option<&'static str>,
    from_code: FromCode,
    /// Whether `<kind> <number>` without a symbol names a document.
    bare: bool,
}

static KINDS: Lazy<Vec<Kind>> = Lazy::new(|| {
    let mut kinds: Vec<Kind> = rows(include_str!("../lexicon/doc_kinds.tsv"))
        .into_iter()
        .map(|r| {
            let code = *r.get(1).expect("doc_kinds.tsv: three columns");
            let from = *r.get(2).expect("doc_kinds.tsv: four columns");
            let bare = *r.get(3).expect("doc_kinds.tsv: four columns") == "yes";
            Kind {
                name: r[0],
                lower: r[0].to_lowercase(),
                code: (code != "-").then_some(code),
                from_code: match from {
                    "both" => FromCode::Both,
                    "state" => FromCode::State,
                    "party" => FromCode::Party,
                    "-" => FromCode::Never,
                    other => panic!("doc_kinds.tsv: bad from_code {other:?}"),
                },
                bare,
            }
        })
        .collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.lower.len()));
    kinds
});

/// Type letters, lowercase → as symbols write them (`ctr` → `CTr`).
static TYPE_CODES: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    KINDS
        .iter()
        .filter_map(|k| k.code)
        .map(|c| (c.to_lowercase(), c))
        .collect()
});

/// Issuer codes, lowercase → as symbols write them (`ttg` → `TTg`).
static ISSUERS: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    rows(include_str!("../lexicon/issuers.tsv"))
        .into_iter()
        .map(|r| (r[0].to_lowercase(), r[0]))
        .collect()
});

/// Issuers with a legislature number: `QH15`, `UBTVQH14`.
static LEGISLATURE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:ubtvqh|qh)\d{1,2}$").expect("legislature pattern compiles"));

/// A number, a space-or-line-break gap, a letter group.
const NUM: &str = r"[0-9]{1,5}(?:\.[0-9]{1,3})?";
const GAP: &str = r"[ ]?\n?[ ]?";
const CODE: &str = r"[a-zđ][a-zđ0-9&]{0,15}";
/// `/`, or the full-width and division slashes of converted text.
const SLASH: &str = "[/\u{ff0f}\u{2215}]";

static SYMBOL: Lazy<Regex> = Lazy::new(|| {
    let p = format!(
        concat!(
            r"(?P<num>{n})(?:",
            r"{g}{sl}{g}(?P<year>[0-9]{{4}}){g}{sl}{g}(?P<ys>{c}(?:{g}-{g}{c})*)",
            r"|{g}-{g}(?P<pt>{c}){g}(?P<psep>{sl}|-){g}(?P<pi>{c})",
            r"|{g}{sl}{g}(?P<ss>{c}(?:{g}-{g}{c})+)",
            r")"
        ),
        n = NUM,
        g = GAP,
        c = CODE,
        sl = SLASH
    );
    Regex::new(&p).expect("symbol pattern compiles")
});

/// How far a symbol reaches before the number that a slash or dash follows
/// (`1.234/...`: the run `234`) and after it (the year and the codes).
const SYMBOL_BEFORE: usize = 16;
const SYMBOL_AFTER: usize = 96;

/// A kind word and a number without a symbol: `Đề án 06`, `Nghị quyết số 18`.
static KIND_NUMBER: Lazy<Regex> = Lazy::new(|| {
    let kinds = alternation(KINDS.iter().filter(|k| k.bare).map(|k| k.lower.as_str()));
    Regex::new(&format!(
        r"(?P<k>{kinds})[ ]+(?:(?P<so>số)[ ]+)?(?P<num>[0-9]{{1,4}}(?:\.[0-9]{{1,3}})?)(?:/(?P<year>[0-9]{{4}}))?"
    ))
    .expect("kind-number pattern compiles")
});

/// How far after a symbol its issue date may end (bytes).
const ISSUED_AFTER_REACH: usize = 256;

/// An issue date right after a symbol: `ngày 22/12/2024`, `, ngày 22-12-2024`,
/// `ngày 11 tháng 4 năm 2025`; or after its issuer or the verb in the same
/// clause (the `gap`): `của Chính phủ ngày 12/6/2025`, `được ban hành ngày ...`.
static ISSUED_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r#"^,?[ ]?(?P<gap>(?:của|do|được|đã được)[ ]+[^,.;:\n\d"()]{0,60}?[ ]+(?:ban hành[ ]+|ký[ ]+)?(?:vào[ ]+)?)?"#,
        r"ngày[ ]+(?:",
        r"(?P<d>\d{1,2})[ ]?(?P<s1>[/.-])[ ]?(?P<m>\d{1,2})(?:[ ]?(?P<s2>[/.-])[ ]?(?P<y>\d{4}))?",
        r"|(?P<wd>\d{1,2})[ ]+tháng[ ]+(?P<wm>\d{1,2})(?:[ ]*,?[ ]*năm[ ]+(?P<wy>\d{4}))?",
        r")"
    ))
    .expect("issue-date pattern compiles")
});

/// A sentence that reports an issue up to the reference it reports:
/// `Ngày 11/4/2025, ... đã ký ban hành` (then `Chỉ thị số 07/CT-UBND`).
static ISSUE_SENTENCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:\([^()\n]{1,40}\)[ ]*-?[ ]*)?(?:vào[ ]+)?(?:(?:sáng|chiều|trưa|tối)[ ]+)?(?:ngày[ ]+)?(?:",
        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?",
        r"|(?P<wd>\d{1,2})[ ]+tháng[ ]+(?P<wm>\d{1,2})(?:[ ]+năm[ ]+(?P<wy>\d{4}))?",
        r"),[^\n]*(?:^|[^\p{L}\p{N}])(?:ký|ban hành|có|phát hành)[ ]*$"
    ))
    .expect("issue-sentence pattern compiles")
});

/// The place-and-date line of an official header.
static HEADER_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r",[ ]*ngày[ ]+(?P<wd>\d{1,2})[ ]+tháng[ ]+(?P<wm>\d{1,2})[ ]+năm[ ]+(?P<wy>\d{4})")
        .expect("header-date pattern compiles")
});

/// Words that, right after `Kế hoạch 5`, make the number a count, not a document.
const NOT_AFTER_NUMBER: &[&str] = &[
    "năm", "tháng", "ngày", "quý", "tuần", "giờ", "phút", "lần", "tỷ", "tỉ", "triệu", "nghìn",
    "ngàn", "trăm", "điểm", "mục", "khoản", "điều", "bước", "nhóm", "lĩnh", "nội", "nhiệm", "giải",
    "chỉ", "tiêu", "cấp", "loại", "đợt", "kỳ", "khóa", "tầng", "làn", "km", "ha", "vấn", "khâu",
    "trụ", "đột", "phần", "việc", "người", "đơn", "cơ", "địa", "tỉnh", "xã", "huyện", "yêu",
    "hạng", "vòng", "chương", "tiểu", "dòng", "trang", "tập", "quyển", "lớp", "tuổi", "x",
];

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&KINDS);
    Lazy::force(&TYPE_CODES);
    Lazy::force(&ISSUERS);
    Lazy::force(&LEGISLATURE);
    Lazy::force(&SYMBOL);
    Lazy::force(&KIND_NUMBER);
    Lazy::force(&ISSUED_AFTER);
    Lazy::force(&ISSUE_SENTENCE);
    Lazy::force(&HEADER_DATE);
}

/// Where a reference's kind came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KindFrom {
    /// The kind word written right before it.
    Word,
    /// An earlier item of the same list, or the kind word before the list.
    List,
    /// The type letters, or nothing.
    Code,
}

/// A reference under construction.
#[derive(Debug, Clone)]
struct Found {
    span: Span,
    canonical: String,
    number: String,
    year: Option<i32>,
    code: Option<String>,
    issuer: Option<String>,
    party: bool,
    kind: Option<&'static str>,
    kind_from: KindFrom,
    issued: Option<NaiveDate>,
    rule: &'static str,
}

impl Found {
    fn into_fact(self, src: &Source<'_>) -> Fact {
        Fact::Reference(ReferenceFact {
            text: src.slice(self.span).to_string(),
            span: self.span,
            canonical: self.canonical,
            number: self.number,
            year: self.year,
            code: self.code,
            issuer: self.issuer,
            kind: self.kind.map(str::to_string),
            issued: self.issued,
            rule: self.rule.into(),
        })
    }
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// A letter group as written, without spaces.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The type letters in their fixed case, if `part` is a known type.
fn type_code(part: &str) -> Option<&'static str> {
    TYPE_CODES.get(&part.to_lowercase()).copied()
}

fn known_issuer(part: &str) -> bool {
    let l = part.to_lowercase();
    ISSUERS.contains_key(&l) || LEGISLATURE.is_match(&l)
}

/// An issuer or unit code in canonical case: the lexicon's case, legislature
/// codes upper case, other letters as written (upper case if written all lower).
fn issuer_code(part: &str) -> String {
    let l = part.to_lowercase();
    if let Some(c) = ISSUERS.get(&l) {
        return (*c).to_string();
    }
    if LEGISLATURE.is_match(&l) || !has_upper(part) {
        return part.to_uppercase();
    }
    part.to_string()
}

/// True for the issuer codes of Party bodies (`TW`, `TU`, `VPTW`, `BTCTU`, `ĐU`).
fn is_party_issuer(part: &str) -> bool {
    let l = part.to_lowercase();
    matches!(l.as_str(), "tw" | "tu" | "hu" | "đu" | "qu" | "tư")
        || (ISSUERS.contains_key(&l) && (l.ends_with("tw") || l.ends_with("tu")))
}

/// The kind the type letters alone name, for a Party or a state symbol.
fn kind_of_code(code: &str, party: bool) -> Option<&'static str> {
    KINDS
        .iter()
        .filter(|k| k.code == Some(code))
        .find(|k| match k.from_code {
            FromCode::Both => true,
            FromCode::Party => party,
            FromCode::State => !party,
            FromCode::Never => false,
        })
        .map(|k| k.name)
}

/// True if the kind `name` may have the type letters `code`.
fn kind_fits_code(name: &str, code: Option<&str>) -> bool {
    match code {
        None => true,
        Some(c) => KINDS.iter().any(|k| k.name == name && k.code == Some(c)),
    }
}

/// The kind word that `head` (lowercase) ends with, and its byte length.
fn kind_word_at_end(head: &str) -> Option<(&'static Kind, usize)> {
    KINDS.iter().find_map(|k| {
        let start = head.len().checked_sub(k.lower.len())?;
        let ok = head.get(start..)? == k.lower
            && head
                .get(..start)?
                .chars()
                .next_back()
                .is_none_or(|c| !crate::normalize::is_word_char(c));
        ok.then_some((k, k.lower.len()))
    })
}

/// Strips a trailing `số`/`số:` (and spaces) from `head`.
fn strip_so(head: &str) -> (&str, bool) {
    let h = head.trim_end_matches(' ');
    let h = h.strip_suffix('\n').unwrap_or(h).trim_end_matches(' ');
    let h2 = h.strip_suffix(':').unwrap_or(h).trim_end_matches(' ');
    match h2.strip_suffix("số") {
        Some(rest)
            if rest
                .chars()
                .next_back()
                .is_none_or(|c| !crate::normalize::is_word_char(c)) =>
        {
            let rest = rest.trim_end_matches(' ');
            (
                rest.strip_suffix('\n')
                    .unwrap_or(rest)
                    .trim_end_matches(' '),
                true,
            )
        }
        _ => (h, false),
    }
}

/// The kind word right before byte `at` (optionally followed by `số`), as
/// `(kind, start of the kind word)`. A law may carry its name between
/// (`Luật Đầu tư công số`).
fn kind_before(src: &Source<'_>, at: usize) -> Option<(&'static Kind, usize)> {
    let head = src.lower.get(..at)?;
    let (stripped, had_so) = strip_so(head);
    if let Some((k, len)) = kind_word_at_end(stripped) {
        return Some((k, stripped.len() - len));
    }
    if !had_so {
        return None;
    }
    // A named law: `Luật <Name> số`, the name made of letters and spaces only.
    let window_start = stripped.len().saturating_sub(120);
    let mut ws = window_start;
    while !stripped.is_char_boundary(ws) {
        ws += 1;
    }
    let window = stripped.get(ws..)?;
    // The closest law word; `luật` inside `bộ luật` is the code's.
    let (mut pos, mut law) = ["luật", "pháp lệnh"]
        .iter()
        .filter_map(|w| window.rfind(w).map(|p| (p, *w)))
        .max_by_key(|(p, _)| *p)?;
    if law == "luật" && window.get(..pos).is_some_and(|h| h.ends_with("bộ ")) {
        pos -= "bộ ".len();
        law = "bộ luật";
    }
    let name = window.get(pos + law.len()..)?;
    let start = ws + pos;
    let boundary = src
        .char_before(start)
        .is_none_or(|c| !crate::normalize::is_word_char(c));
    let words = name.split_whitespace().count();
    let clean = name.starts_with(' ')
        && name.chars().all(|c| c.is_alphabetic() || c == ' ')
        && (1..=10).contains(&words);
    let capital = src
        .text
        .get(start + law.len() + 1..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    if boundary && clean && capital {
        let kind = KINDS.iter().find(|k| k.lower == law)?;
        return Some((kind, start));
    }
    None
}

/// The issue date written right after byte `at`, and where it ends when the
/// reference's text should run through it (not across an issuer's name).
fn issued_after(src: &Source<'_>, at: usize) -> Option<(NaiveDate, Option<usize>)> {
    let tail = crate::span::ahead(src.lower, at, ISSUED_AFTER_REACH);
    let offset = at + usize::from(tail.starts_with(' '));
    let tail = tail.strip_prefix(' ').unwrap_or(tail);
    let caps = ISSUED_AFTER.captures(tail)?;
    let end = offset + caps.get(0)?.end();
    if src.char_at(end).is_some_and(crate::normalize::is_word_char) {
        return None;
    }
    if let (Some(a), Some(b)) = (caps.name("s1"), caps.name("s2")) {
        if a.as_str() != b.as_str() {
            return None;
        }
    }
    let day = date_of(&caps, src.anchor)?;
    match caps.name("gap") {
        None => Some((day, Some(end))),
        // `của UBND tỉnh về ... từ ngày 5/3`: the date belongs to something else.
        Some(gap) if gap.as_str().split(' ').any(|w| GAP_STOP.contains(&w)) => None,
        Some(_) => Some((day, None)),
    }
}

/// Words that end the clause of a symbol's issuer: a date after them is not its issue date.
const GAP_STOP: &[&str] = &[
    "về", "từ", "đến", "tới", "trước", "sau", "trong", "kể", "hết", "và", "hoặc", "tại", "hạn",
];

/// The day in captures named `d`/`m`/`y` or `wd`/`wm`/`wy`; a missing year
/// is the anchor's.
fn date_of<'t>(caps: &impl Groups<'t>, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    let (d, m, y) = match caps.group("d") {
        Some(d) => (d, caps.group("m")?, caps.group("y")),
        None => (caps.group("wd")?, caps.group("wm")?, caps.group("wy")),
    };
    let year = match y {
        Some(y) => y.as_str().parse().ok()?,
        None => anchor?.year(),
    };
    if !crate::values::date::plausible_year(year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, m.as_str().parse().ok()?, d.as_str().parse().ok()?)
}

/// Reads one symbol match.
fn accept_symbol(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Found> {
    let whole = caps.get(0)?;
    if !src.number_starts_clean(whole.start()) || src.char_before(whole.start()) == Some('-') {
        return None;
    }
    let num = caps.name("num")?;
    let number = num.as_str().to_string();
    let orig = |m: crate::values::Group<'_>| src.text.get(m.start()..m.end()).map(squeeze);
    let (mut canonical, year, code, issuer, party, letter, rule);
    if let (Some(pt), Some(pi), Some(psep)) = (caps.name("pt"), caps.name("pi"), caps.name("psep"))
    {
        let (t, i) = (orig(pt)?, orig(pi)?);
        let tc = type_code(&t)?;
        if psep.as_str() == "-" && !known_issuer(&i) {
            return None;
        }
        if !(has_upper(&t) || has_upper(&i) || known_issuer(&i)) {
            return None;
        }
        let ic = issuer_code(&i);
        canonical = format!("{number}-{tc}/{ic}");
        year = None;
        code = Some(tc.to_string());
        issuer = Some(ic);
        party = true;
        letter = false;
        rule = "reference.party_symbol";
    } else {
        let (parts_m, y) = match caps.name("ys") {
            Some(ys) => (ys, caps.name("year")),
            None => (caps.name("ss")?, None),
        };
        let parts: Vec<String> = orig(parts_m)?.split('-').map(str::to_string).collect();
        let first = parts.first()?;
        let known_first = type_code(first).is_some() || known_issuer(first);
        if !(parts.iter().any(|p| has_upper(p)) || known_first) {
            return None;
        }
        let y: Option<i32> = match y {
            Some(y) => Some(y.as_str().parse().ok()?),
            None => None,
        };
        if y.is_some_and(|y| !crate::values::date::plausible_year(y)) {
            return None;
        }
        let typed = if parts.len() >= 2 {
            type_code(first)
        } else {
            None
        };
        let canon_parts: Vec<String> = match typed {
            Some(tc) => std::iter::once(tc.to_string())
                .chain(parts[1..].iter().map(|p| issuer_code(p)))
                .collect(),
            None => parts.iter().map(|p| issuer_code(p)).collect(),
        };
        let joined = canon_parts.join("-");
        canonical = match y {
            Some(y) => format!("{number}/{y}/{joined}"),
            None => format!("{number}/{joined}"),
        };
        year = y;
        match typed {
            // `57/NQ-TW`: a Party document written in the state shape.
            Some(tc) if y.is_none() && parts.len() == 2 && is_party_issuer(&parts[1]) => {
                let ic = issuer_code(&parts[1]);
                canonical = format!("{number}-{tc}/{ic}");
                code = Some(tc.to_string());
                issuer = Some(ic);
                letter = false;
                rule = "reference.party_symbol";
            }
            Some(tc) => {
                code = Some(tc.to_string());
                issuer = Some(canon_parts[1..].join("-"));
                letter = false;
                rule = "reference.state_symbol";
            }
            None => {
                code = None;
                issuer = canon_parts.first().cloned();
                letter = y.is_none();
                rule = if LEGISLATURE.is_match(&first.to_lowercase()) {
                    "reference.law_symbol"
                } else if letter {
                    "reference.letter_symbol"
                } else {
                    "reference.state_symbol"
                };
            }
        }
        party = rule == "reference.party_symbol";
    }
    let core = Span::new(whole.start(), whole.end());
    let mut found = Found {
        span: core,
        canonical,
        number,
        year,
        code,
        issuer,
        party,
        kind: None,
        kind_from: KindFrom::Code,
        issued: None,
        rule,
    };
    match kind_before(src, core.start) {
        Some((k, start)) => {
            found.kind = Some(k.name);
            found.kind_from = KindFrom::Word;
            found.span = Span::new(start, core.end);
            // `Công văn số 565/CT-CS`: a letter whose first part happens to be type letters.
            if matches!(k.name, "Công văn" | "Văn bản")
                && !found.party
                && found.year.is_none()
                && found.code.as_deref().is_some_and(|c| c != "CV")
            {
                let first = found.canonical.split('/').nth(1)?.split('-').next()?;
                found.issuer = Some(first.to_string());
                found.code = None;
                found.rule = "reference.letter_symbol";
            }
        }
        None => {
            found.kind = match (&found.code, letter) {
                (Some(c), _) => kind_of_code(c, found.party),
                (None, true) => Some("Công văn"),
                (None, false) => None,
            };
        }
    }
    if let Some((day, end)) = issued_after(src, core.end) {
        found.issued = Some(day);
        if let Some(end) = end {
            found.span = Span::new(found.span.start, end);
        }
    }
    Some(found)
}

/// Reads one kind-and-number match (`Đề án 06`).
fn accept_kind_number(src: &Source<'_>, caps: &Caps<'_, '_>) -> Option<Found> {
    let whole = caps.get(0)?;
    let k = caps.name("k")?;
    let kind = KINDS.iter().find(|x| x.bare && x.lower == k.as_str())?;
    if !src
        .text
        .get(k.start()..)?
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
    {
        return None;
    }
    // Not glued to what follows, and not the start of a symbol.
    match src.char_at(whole.end()) {
        Some(c) if crate::normalize::is_word_char(c) || matches!(c, '/' | '%' | '-' | '&') => {
            return None
        }
        Some('.' | ',') => {
            let next = src.lower.get(whole.end() + 1..)?.chars().next();
            if next.is_some_and(crate::normalize::is_word_char) {
                return None;
            }
        }
        _ => {}
    }
    let after = src.word_after(whole.end());
    if NOT_AFTER_NUMBER.contains(&after)
        || (src.char_at(whole.end()) == Some(' ') && unit_follows(src, whole.end()))
    {
        return None;
    }
    let num = caps.name("num")?.as_str();
    let year: Option<i32> = match caps.name("year") {
        Some(y) => Some(y.as_str().parse().ok()?),
        None => None,
    };
    if caps.name("so").is_none() && year.is_none() {
        if let Ok(n) = num.parse::<i32>() {
            if num.len() == 4 && crate::values::date::plausible_year(n) {
                return None;
            }
        }
    }
    let canonical = match year {
        Some(y) => format!("{} {num}/{y}", kind.name),
        None => format!("{} {num}", kind.name),
    };
    let span = Span::new(k.start(), whole.end());
    Some(Found {
        span,
        canonical,
        number: num.to_string(),
        year,
        code: None,
        issuer: None,
        party: false,
        kind: Some(kind.name),
        kind_from: KindFrom::Word,
        issued: None,
        rule: "reference.kind_number",
    })
}

/// True if a unit noun of the quantity lexicon starts right after byte `at`.
fn unit_follows(src: &Source<'_>, at: usize) -> bool {
    let tail = src.lower.get(at..).unwrap_or("").trim_start_matches(' ');
    crate::lexicon::UNITS.iter().any(|u| {
        tail.strip_prefix(u).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| !crate::normalize::is_word_char(c))
        })
    })
}

/// Carries a kind over a list: `Nghị quyết số 57-NQ/TW và 59-NQ/TW`,
/// `các Nghị quyết "bộ tứ trụ cột" (57-NQ/TW, 59-NQ/TW)`.
fn carry_list_kinds(src: &Source<'_>, found: &mut [Found]) {
    static JOINER: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^[ ]?(?:[,;][ ]?)?(?:(?:và|hoặc)[ ]+)?(?:số[ ]+)?$")
            .expect("list-joiner pattern compiles")
    });
    for i in 0..found.len() {
        if found[i].kind_from != KindFrom::Code {
            continue;
        }
        let start = found[i].span.start;
        if i > 0 {
            let prev = &found[i - 1];
            let between = src.lower.get(prev.span.end..start).unwrap_or("");
            if prev.kind_from != KindFrom::Code
                && JOINER.is_match(between)
                && prev.code == found[i].code
                && prev.rule != "reference.kind_number"
            {
                found[i].kind = prev.kind;
                found[i].kind_from = KindFrom::List;
                continue;
            }
        }
        // The first item in parentheses after a plural kind word.
        let head = src.lower.get(..start).unwrap_or("");
        let Some(head) = head.trim_end_matches(' ').strip_suffix('(') else {
            continue;
        };
        let mut head = head.trim_end_matches(' ');
        if let Some(h) = head.strip_suffix('"') {
            if let Some(open) = h.rfind('"') {
                if h.len() - open < 80 {
                    head = h.get(..open).unwrap_or("").trim_end_matches(' ');
                }
            }
        }
        if let Some((k, _)) = kind_word_at_end(head) {
            if kind_fits_code(k.name, found[i].code.as_deref()) {
                found[i].kind = Some(k.name);
                found[i].kind_from = KindFrom::List;
            }
        }
    }
}

/// Sets `issued` from a sentence that reports the issue:
/// `Ngày 11/4/2025, Chủ tịch UBND tỉnh đã ký ban hành Chỉ thị số 07/CT-UBND`,
/// or from the date line of an official header under `Số: 229/CĐ-TTg`.
fn issued_from_context(src: &Source<'_>, found: &mut [Found]) {
    for i in 0..found.len() {
        if found[i].issued.is_some() || found[i].rule == "reference.kind_number" {
            continue;
        }
        let start = found[i].span.start;
        let head = src.lower.get(..start).unwrap_or("");
        let line_start = head.rfind('\n').map_or(0, |p| p + 1);
        let sentence_start = head
            .get(line_start..)
            .and_then(|l| l.rfind(". ").map(|p| line_start + p + 2))
            .unwrap_or(line_start);
        // Only the first reference of the sentence.
        if i > 0 && found[i - 1].span.end > sentence_start {
            continue;
        }
        let sentence = head.get(sentence_start..).unwrap_or("");
        if sentence.len() <= 400 {
            if let Some(caps) = ISSUE_SENTENCE.captures(sentence) {
                if let Some(day) = date_of(&caps, src.anchor) {
                    found[i].issued = Some(day);
                    continue;
                }
            }
        }
        // An official header: `Số: 229/CĐ-TTg` and the place-and-date line below.
        if is_header_line(head.get(line_start..).unwrap_or("")) {
            let tail = src.lower.get(found[i].span.end..).unwrap_or("");
            let mut end = tail.len().min(300);
            while !tail.is_char_boundary(end) {
                end -= 1;
            }
            let window = tail.get(..end).unwrap_or("");
            let lines: Vec<&str> = window.splitn(4, '\n').take(3).collect();
            let window = lines.join("\n");
            if let Some(caps) = HEADER_DATE.captures(&window) {
                found[i].issued = date_of(&caps, None);
            }
        }
    }
}

/// True if `line` (lowercase, up to a symbol) is the number line of an
/// official header: `Số: `, `Số `, or a short letterhead ending in `Số:`.
fn is_header_line(line: &str) -> bool {
    let l = line.trim();
    l == "số"
        || (l.len() <= 40
            && l.strip_suffix(':')
                .is_some_and(|l| l.trim_end().ends_with("số")))
}

/// Finds every reference in the text, overlaps settled (the longer wins).
fn find_found(src: &Source<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut keep = |f: Option<Found>| match f {
        Some(f) => {
            found.push(f);
            true
        }
        None => false,
    };
    // A symbol holds a number followed by a slash or a dash (`154/2025/NĐ-CP`,
    // `57-NQ/TW`): scan only from just before such a number to the codes after it.
    let slashed = |r: Span| {
        let tail = src.lower.get(r.end..).unwrap_or("");
        let tail = tail.get(..tail.len().min(4)).map_or(tail, |t| t);
        tail.trim_start_matches([' ', '\n'])
            .starts_with(['/', '-', '\u{ff0f}', '\u{2215}'])
    };
    let windows = src.digit_run_windows(slashed, SYMBOL_BEFORE, SYMBOL_AFTER);
    scan_windows(&SYMBOL, src, &windows, |caps| {
        keep(accept_symbol(src, caps))
    });
    // A numbered kind (`Nghị quyết số 18`) needs a digit.
    scan_windows(&KIND_NUMBER, src, src.digit_windows(), |caps| {
        keep(accept_kind_number(src, caps))
    });
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.len().cmp(&a.span.len()))
    });
    // Longest first, then earlier: a symbol beats the `Nghị quyết 18` inside it.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| {
        found[b]
            .span
            .len()
            .cmp(&found[a].span.len())
            .then(found[a].span.start.cmp(&found[b].span.start))
    });
    let mut chosen = crate::span::keep_disjoint(order, |&i| found[i].span);
    chosen.sort_unstable();
    let mut slots: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let mut kept: Vec<Found> = chosen.into_iter().filter_map(|i| slots[i].take()).collect();
    carry_list_kinds(src, &mut kept);
    issued_from_context(src, &mut kept);
    kept
}

/// Adds the references found in the text to `out`.
pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    out.extend(find_found(src).into_iter().map(|f| f.into_fact(src)));
}

/// How far into the text the document's own identity is looked for.
const IDENTITY_WINDOW: usize = 2_000;

/// The document's own identity, when its opening is an official header
/// (`Số: 229/CĐ-TTg`) or reports its issue (`Ngày 11/4/2025, ... đã ký ban hành
/// Chỉ thị số 07/CT-UBND về việc ...`, `Văn phòng Chính phủ có Thông báo số
/// 608/TB-VPCP ngày 11/11/2025 ...`).
pub(crate) fn identity(text: &str, lower: &str, dropped: &[Dropped]) -> Option<DocMeta> {
    static REPORT_VERB: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}])(?:ban hành|ký|có|vừa có|phát hành|ra)[ ]*$")
            .expect("report-verb pattern compiles")
    });
    static CITING: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:thực hiện|căn cứ|theo|tại|triển khai)(?:$|[^\p{L}\p{N}])")
            .expect("citing pattern compiles")
    });
    static SUBJECT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^[ ]?,?[ ]?(?:của[ ]+[^,.;\n]{1,80}?[ ]+)?(?:về việc|v/v|về)[ ]+(?P<s>[^\n]+)")
            .expect("subject pattern compiles")
    });
    let mut end = lower.len().min(IDENTITY_WINDOW).min(text.len());
    while !lower.is_char_boundary(end) || !text.is_char_boundary(end) {
        end -= 1;
    }
    let src = Source::new(text.get(..end)?, lower.get(..end)?, None);
    let found = find_found(&src);
    for f in &found {
        if f.rule == "reference.kind_number" || dropped.iter().any(|d| d.span.overlaps(f.span)) {
            continue;
        }
        let head = src.lower.get(..f.span.start).unwrap_or("");
        let line_start = head.rfind('\n').map_or(0, |p| p + 1);
        let line = head.get(line_start..).unwrap_or("");
        let sentence_start = line.rfind(". ").map_or(0, |p| p + 2);
        let sentence = line.get(sentence_start..).unwrap_or("").trim_start();
        let header = is_header_line(line);
        // Paragraphs of the document before this one.
        let mut paragraphs = 0;
        let mut at = 0;
        for l in src.lower.get(..line_start).unwrap_or("").split('\n') {
            let span = Span::new(at, at + l.len());
            if !l.trim().is_empty() && !dropped.iter().any(|d| d.span.overlaps(span)) {
                paragraphs += 1;
            }
            at += l.len() + 1;
        }
        let header = header && paragraphs <= 12;
        let report = f.kind_from == KindFrom::Word
            && paragraphs <= 2
            && sentence_start == 0
            && REPORT_VERB.is_match(sentence)
            && !CITING.is_match(clause(sentence));
        if !(header || report) {
            continue;
        }
        let subject = if header {
            subject_below(&src, f.span.end)
        } else {
            src.lower
                .get(f.span.end..)
                .and_then(|t| SUBJECT.captures(t))
                .and_then(|c| c.name("s"))
                .map(|s| {
                    let from = f.span.end + s.start();
                    sentence_end(&src, from)
                })
                .filter(|s| !s.is_empty())
        };
        return Some(DocMeta {
            kind: f.kind.map(str::to_string),
            symbol: Some(f.canonical.clone()),
            issued: f.issued,
            issuer: f.issuer.clone(),
            subject,
        });
    }
    None
}

/// The last clause of `sentence` (after its last comma or semicolon), trimmed.
fn clause(sentence: &str) -> &str {
    sentence
        .rfind([',', ';'])
        .and_then(|p| sentence.get(p + 1..))
        .unwrap_or(sentence)
        .trim_start()
}

/// The text from byte `from` to the end of its sentence (`. `, `;`, line end).
fn sentence_end(src: &Source<'_>, from: usize) -> String {
    let tail = src.text.get(from..).unwrap_or("");
    let mut end = tail.find('\n').unwrap_or(tail.len());
    for stop in [". ", ";"] {
        if let Some(p) = tail.find(stop) {
            end = end.min(p);
        }
    }
    let s = tail.get(..end).unwrap_or("").trim();
    s.strip_suffix('.').unwrap_or(s).trim().to_string()
}

/// The `Về việc ...` / `V/v ...` line under an official header.
fn subject_below(src: &Source<'_>, from: usize) -> Option<String> {
    let tail = src.lower.get(from..)?;
    let mut offset = from;
    // The previous non-empty line was an all-caps title (`NGHỊ QUYẾT`, `CÔNG ĐIỆN`).
    let mut after_title = false;
    for line in tail.split('\n').take(12) {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let cues: &[&str] = if after_title {
            &["về việc ", "v/v: ", "v/v ", "về "]
        } else {
            &["về việc ", "v/v: ", "v/v "]
        };
        for cue in cues {
            if let Some(rest) = t.strip_prefix(cue) {
                let at = offset + lead + (t.len() - rest.len());
                let s = sentence_end(src, at);
                if !s.is_empty() {
                    return Some(s);
                }
            }
        }
        if !t.trim().is_empty() {
            let original = src.text.get(offset..offset + line.len()).unwrap_or("");
            after_title = original.chars().any(char::is_alphabetic)
                && !original.chars().any(char::is_lowercase);
        }
        offset += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn examples() {
        crate::testing::run_examples(
            "reference",
            include_str!("reference.examples.toml"),
            super::find,
        );
    }

    #[test]
    fn patterns_and_lexicons_load() {
        force_patterns();
        assert!(KINDS.len() > 30);
        assert!(ISSUERS.len() > 50);
        for k in KINDS.iter() {
            assert_eq!(
                k.name.nfc().collect::<String>(),
                k.name,
                "{} is not NFC",
                k.name
            );
        }
        for c in ISSUERS.values() {
            assert_eq!(c.nfc().collect::<String>(), *c, "{c} is not NFC");
        }
    }

    fn refs(input: &str) -> Vec<ReferenceFact> {
        let n = Normalized::new(input);
        let src = Source::new(&n.text, &n.lower, None);
        let mut out = Vec::new();
        find(&src, &mut out);
        out.into_iter()
            .filter_map(|f| match f {
                Fact::Reference(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn fields_of_each_shape() {
        // input, canonical, number, year, code, issuer
        type Row<'a> = (
            &'a str,
            &'a str,
            &'a str,
            Option<i32>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let table: &[Row] = &[
            ("57-NQ/TW", "57-NQ/TW", "57", None, Some("NQ"), Some("TW")),
            (
                "05-QĐi/TW",
                "05-QĐi/TW",
                "05",
                None,
                Some("QĐi"),
                Some("TW"),
            ),
            (
                "154/2025/NĐ-CP",
                "154/2025/NĐ-CP",
                "154",
                Some(2025),
                Some("NĐ"),
                Some("CP"),
            ),
            (
                "66.7/2025/NQ-CP",
                "66.7/2025/NQ-CP",
                "66.7",
                Some(2025),
                Some("NQ"),
                Some("CP"),
            ),
            (
                "01/2025/TTLT-BTC-BXD",
                "01/2025/TTLT-BTC-BXD",
                "01",
                Some(2025),
                Some("TTLT"),
                Some("BTC-BXD"),
            ),
            (
                "1234/UBND-KT",
                "1234/UBND-KT",
                "1234",
                None,
                None,
                Some("UBND"),
            ),
            (
                "58/2024/QH15",
                "58/2024/QH15",
                "58",
                Some(2024),
                None,
                Some("QH15"),
            ),
            (
                "1656/NQ-UBTVQH15",
                "1656/NQ-UBTVQH15",
                "1656",
                None,
                Some("NQ"),
                Some("UBTVQH15"),
            ),
            (
                "05/CT-TTG",
                "05/CT-TTg",
                "05",
                None,
                Some("CT"),
                Some("TTg"),
            ),
            (
                "65-Ctr/TU",
                "65-CTr/TU",
                "65",
                None,
                Some("CTr"),
                Some("TU"),
            ),
            (
                "Công văn số 565/CT-CS",
                "565/CT-CS",
                "565",
                None,
                None,
                Some("CT"),
            ),
            ("Đề án 06", "Đề án 06", "06", None, None, None),
            (
                "Nghị định 8/2015",
                "Nghị định 8/2015",
                "8",
                Some(2015),
                None,
                None,
            ),
            ("57 - nq/tw", "57-NQ/TW", "57", None, Some("NQ"), Some("TW")),
            (
                "Nghị quyết 57/NQ-TW",
                "57-NQ/TW",
                "57",
                None,
                Some("NQ"),
                Some("TW"),
            ),
            ("72-NQ-TW", "72-NQ/TW", "72", None, Some("NQ"), Some("TW")),
            (
                "154／2025／NĐ-CP",
                "154/2025/NĐ-CP",
                "154",
                Some(2025),
                Some("NĐ"),
                Some("CP"),
            ),
            (
                "07/2025/L-CTN",
                "07/2025/L-CTN",
                "07",
                Some(2025),
                Some("L"),
                Some("CTN"),
            ),
            (
                "351/2017/UBTVQH14",
                "351/2017/UBTVQH14",
                "351",
                Some(2017),
                None,
                Some("UBTVQH14"),
            ),
            (
                "81/VBHN-VPQH",
                "81/VBHN-VPQH",
                "81",
                None,
                Some("VBHN"),
                Some("VPQH"),
            ),
            (
                "06-HD/BTCTU",
                "06-HD/BTCTU",
                "06",
                None,
                Some("HD"),
                Some("BTCTU"),
            ),
            (
                "431/TTR-UBND",
                "431/TTr-UBND",
                "431",
                None,
                Some("TTr"),
                Some("UBND"),
            ),
            (
                "12/QYĐ-UBND",
                "12/QyĐ-UBND",
                "12",
                None,
                Some("QyĐ"),
                Some("UBND"),
            ),
            (
                "5588/BGDĐT-GDPT",
                "5588/BGDĐT-GDPT",
                "5588",
                None,
                None,
                Some("BGDĐT"),
            ),
        ];
        let mut bad = Vec::new();
        for &(input, canonical, number, year, code, issuer) in table {
            let got = refs(input);
            let ok = got.len() == 1
                && got[0].canonical == canonical
                && got[0].number == number
                && got[0].year == year
                && got[0].code.as_deref() == code
                && got[0].issuer.as_deref() == issuer;
            if !ok {
                bad.push(format!("{input}: {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn lists_carry_the_kind() {
        // input, then each reference as `text → Display`
        let table: &[(&str, &[&str])] = &[
            (
                "các Nghị quyết \"bộ tứ trụ cột\" (57-NQ/TW, 59-NQ/TW, 66-NQ/TW, 68-NQ/TW) của Bộ Chính trị",
                &[
                    "57-NQ/TW → 57-NQ/TW (Nghị quyết)",
                    "59-NQ/TW → 59-NQ/TW (Nghị quyết)",
                    "66-NQ/TW → 66-NQ/TW (Nghị quyết)",
                    "68-NQ/TW → 68-NQ/TW (Nghị quyết)",
                ],
            ),
            (
                "Nghị quyết số 57-NQ/TW và 59-NQ/TW",
                &[
                    "Nghị quyết số 57-NQ/TW → 57-NQ/TW (Nghị quyết)",
                    "59-NQ/TW → 59-NQ/TW (Nghị quyết)",
                ],
            ),
            (
                "các Quy định số 205-QĐ/TW, 144-QĐ/TW và Quyết định số 99-QĐ/TW",
                &[
                    "Quy định số 205-QĐ/TW → 205-QĐ/TW (Quy định)",
                    "144-QĐ/TW → 144-QĐ/TW (Quy định)",
                    "Quyết định số 99-QĐ/TW → 99-QĐ/TW (Quyết định)",
                ],
            ),
            (
                "các Quyết định số 274/QĐ-UBND ngày 03/3/2025, số 275/QĐ-UBND",
                &[
                    "Quyết định số 274/QĐ-UBND ngày 03/3/2025 → 274/QĐ-UBND (Quyết định) issued 2025-03-03",
                    "275/QĐ-UBND → 275/QĐ-UBND (Quyết định)",
                ],
            ),
            (
                // A kind does not carry to another code: 05/CT-TTg is a Chỉ thị.
                "các Quy định (205-QĐ/TW, 05/CT-TTg)",
                &[
                    "205-QĐ/TW → 205-QĐ/TW (Quy định)",
                    "05/CT-TTg → 05/CT-TTg (Chỉ thị)",
                ],
            ),
        ];
        let mut bad = Vec::new();
        for (input, want) in table {
            let got: Vec<String> = refs(input)
                .into_iter()
                .map(|r| format!("{} → {}", r.text, Fact::Reference(r.clone())))
                .collect();
            if got != *want {
                bad.push(format!("{input}: {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for input in [
            "",
            "số:",
            "Số: 5/",
            "Nghị quyết số",
            "Ngày 1/1/2025, ký ban hành 5/KH-",
            "57-NQ/TW ngày 31/2/2025",
            "Luật số 5/2024/QH15 về",
            "ĐĐ 1/ĐĐ-ĐĐ ngày ",
        ] {
            let _ = refs(input);
            let n = Normalized::new(input);
            let _ = identity(&n.text, &n.lower, &[]);
        }
    }

    /// Pseudo-random texts mixing symbol pieces: no panic, every span slices
    /// the text and stays on char boundaries.
    #[test]
    fn random_symbol_soup_is_safe() {
        let pieces = [
            "Nghị quyết",
            " số ",
            "57",
            "-",
            "/",
            "NQ",
            "TW",
            "2025",
            " ",
            "\n",
            "ngày ",
            "22/12/2024",
            "Đ",
            "ð",
            "QĐi",
            ".",
            ",",
            "(",
            ")",
            "\"",
            "Luật",
            "Đề án",
            "06",
            "Số:",
            "ký ban hành",
            "Ngày 11/4/2025, ",
            "tháng",
            "năm",
            "ư",
            "Ủy",
            "66.7",
            "CTr",
            "–",
            "  ",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut text = String::new();
            let len = (seed % 24) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let n = Normalized::new(&text);
            let src = Source::new(&n.text, &n.lower, NaiveDate::from_ymd_opt(2025, 1, 1));
            let mut out = Vec::new();
            find(&src, &mut out);
            for f in &out {
                assert_eq!(n.text.get(f.span().range()), Some(f.text()), "{text:?}");
            }
            let _ = identity(&n.text, &n.lower, &[]);
        }
    }

    fn meta(input: &str) -> Option<DocMeta> {
        let n = Normalized::new(input);
        identity(&n.text, &n.lower, &[])
    }

    #[test]
    fn identity_of_reported_and_headed_documents() {
        let d = NaiveDate::from_ymd_opt;
        // input, kind, symbol, issued, issuer, subject
        type Row = (
            &'static str,
            Option<&'static str>,
            &'static str,
            Option<NaiveDate>,
            &'static str,
            Option<&'static str>,
        );
        let table: Vec<Row> = vec![
            (
                "Ngày 11/4/2025, Chủ tịch UBND tỉnh đã ký ban hành Chỉ thị số 07/CT-UBND về việc đẩy mạnh giải ngân vốn đầu tư công. Nội dung như sau.",
                Some("Chỉ thị"),
                "07/CT-UBND",
                d(2025, 4, 11),
                "UBND",
                Some("đẩy mạnh giải ngân vốn đầu tư công"),
            ),
            (
                "Văn phòng Chính phủ có Thông báo số 608/TB-VPCP ngày 11/11/2025 kết luận của Phó Thủ tướng.",
                Some("Thông báo"),
                "608/TB-VPCP",
                d(2025, 11, 11),
                "VPCP",
                None,
            ),
            (
                "THỦ TƯỚNG CHÍNH PHỦ\nSố: 229/CĐ-TTg\nHà Nội, ngày 26 tháng 11 năm 2025\n\nCÔNG ĐIỆN\nVề việc khắc phục hậu quả mưa lũ\n",
                Some("Công điện"),
                "229/CĐ-TTg",
                d(2025, 11, 26),
                "TTg",
                Some("khắc phục hậu quả mưa lũ"),
            ),
            (
                "Thực hiện Chỉ thị số 05/CT-TTg, UBND tỉnh ban hành Kế hoạch số 12/KH-UBND về phát triển kinh tế.",
                Some("Kế hoạch"),
                "12/KH-UBND",
                None,
                "UBND",
                Some("phát triển kinh tế"),
            ),
            (
                "(Chinhphu.vn) - Sáng 2/10/2025, Bộ Tài chính có Công văn số 1234/BTC-NSNN gửi các địa phương.",
                Some("Công văn"),
                "1234/BTC-NSNN",
                d(2025, 10, 2),
                "BTC",
                None,
            ),
            (
                "BỘ CHÍNH TRỊ\n*\nSố 57-NQ/TW\nHà Nội, ngày 22 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học, công nghệ\n\nVề kinh tế: tăng trưởng.\n",
                Some("Nghị quyết"),
                "57-NQ/TW",
                d(2024, 12, 22),
                "TW",
                Some("đột phá phát triển khoa học, công nghệ"),
            ),
            (
                "UBND TỈNH\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\nVề kinh tế: tăng trưởng.\n",
                Some("Kế hoạch"),
                "12/KH-UBND",
                d(2025, 3, 5),
                "UBND",
                None,
            ),
            (
                "UBND tỉnh vừa ban hành Kế hoạch số 200/KH-UBND ngày 5/3/2025 về triển khai Nghị quyết số 57-NQ/TW.",
                Some("Kế hoạch"),
                "200/KH-UBND",
                d(2025, 3, 5),
                "UBND",
                Some("triển khai Nghị quyết số 57-NQ/TW"),
            ),
        ];
        let mut bad = Vec::new();
        for (input, kind, symbol, issued, issuer, subject) in table {
            let got = meta(input);
            let ok = got.as_ref().is_some_and(|m| {
                m.kind.as_deref() == kind
                    && m.symbol.as_deref() == Some(symbol)
                    && m.issued == issued
                    && m.issuer.as_deref() == Some(issuer)
                    && m.subject.as_deref() == subject
            });
            if !ok {
                bad.push(format!("{input}: {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn no_identity_for_citations() {
        for input in [
            "Thực hiện Chỉ thị số 05/CT-TTg ngày 01/3/2025 của Thủ tướng Chính phủ, tỉnh ban hành kế hoạch.",
            "Chiều 24/8, Tổ công tác số 06 của Chính phủ làm việc với tỉnh.",
            "Căn cứ Nghị định số 154/2025/NĐ-CP, Sở đã có văn bản hướng dẫn.",
            "Tỉnh tiếp tục triển khai Đề án 06 ở các cấp.",
        ] {
            assert_eq!(meta(input), None, "{input}");
        }
    }
}
