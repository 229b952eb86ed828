//! Targets: goal figures, what is to be reached (not what was reached).
//!
//! A money, percent or quantity value is a target when a goal cue stands
//! before it in its clause and nothing between marks it as a result:
//!
//! | Written                                                        | Target                                   |
//! |----------------------------------------------------------------|------------------------------------------|
//! | `mục tiêu tăng trưởng năm 2025 đạt 8% trở lên`                 | tăng trưởng: at_least 8% in 2025         |
//! | `phấn đấu năm 2025 thu ngân sách đạt trên 26.000 tỷ đồng`      | thu ngân sách: over 26000000000000 VND   |
//! | `Đến hết ngày 30/6/2025: Giải ngân đạt tối thiểu 50% kế hoạch` | giải ngân: at_least 50% by 2025-06-30    |
//! | `tạo đà tăng trưởng hai con số giai đoạn 2026-2030`            | tăng trưởng: at_least 10% in 2026..2030  |
//!
//! Cues: `mục tiêu`, `chỉ tiêu`, `phấn đấu`, `cố gắng (đạt)`, `quyết tâm`,
//! `dự kiến hoàn thành`, `cần hoàn thành`, `bảo đảm/đảm bảo ... đạt`,
//! `kịch bản tăng trưởng ... đạt`, and milestone lines of a directive
//! (`Đến hết ngày 30/6/2025: ...`). Not targets: results and estimates
//! (`ước đạt`, `đã đạt`, `đạt được`, `chiếm`, `bằng ... kế hoạch`, `so với`)
//! and vote counts (`được thông qua với 98% đại biểu tán thành`).
//!
//! # Not handled
//! - A goal whose cue is in an earlier sentence (`Mục tiêu như sau: ...`).
//! - Metrics are the words between the cue and the figure, trimmed; they are
//!   short labels, not a normalised taxonomy.

use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;
use rust_decimal::Decimal;

use crate::fact::{Bound, DateRange, Fact, TargetFact, TargetValue};
use crate::segment::{clause_at, lines};
use crate::values::Source;
use crate::Span;

/// Goal cues, lowercase. `weak` cues also need `đạt` between cue and figure.
static CUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?P<strong>mục tiêu|chỉ tiêu|phấn đấu|cố gắng đạt|cố gắng|quyết tâm đạt|nỗ lực đạt",
        r"|dự kiến hoàn thành|dự kiến đạt|cần hoàn thành|phải hoàn thành|hoàn thành mục tiêu|nhằm đạt)",
        r"|(?P<weak>bảo đảm|đảm bảo|kịch bản tăng trưởng)"
    ))
    .expect("target cue pattern compiles")
});

/// Words that make a figure a result or an estimate, lowercase.
static RESULT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|[^\p{L}])(?:ước|đã|đạt được|chiếm|lũy kế|bằng|so với|thực hiện được|thông qua|tán thành|biểu quyết|nhất trí)(?:$|[^\p{L}])",
    )
    .expect("target result pattern compiles")
});

/// A milestone line: `Đến hết ngày 30/6/2025:` (after an optional bullet).
static MILESTONE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[-+•*]\s*)?(?:đến hết ngày|đến ngày|đến hết|trước ngày|chậm nhất (?:là )?(?:ngày )?)\s*[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\s*:")
        .expect("milestone pattern compiles")
});

/// `tăng trưởng ... hai con số`: a growth goal of at least 10%.
static TWO_DIGITS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"tăng trưởng(?: kinh tế)?(?: đạt)?(?: mức)? hai con số")
        .expect("two-digit pattern compiles")
});

/// Words trimmed from the ends of a metric.
const METRIC_EDGE_WORDS: &[&str] = &[
    "đạt", "là", "và", "thì", "ở", "mức", "khoảng", "trong", "đó", "của", "cho", "năm", "với",
    "để", "tối", "thiểu", "ít", "nhất", "trên", "các", "được", "phải", "cần", "tỉnh", "đến", "hết",
    "vào", "trước", "có", "tới",
];

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&CUE);
    Lazy::force(&RESULT);
    Lazy::force(&MILESTONE);
    Lazy::force(&TWO_DIGITS);
}

/// How far before its figure a cue may stand (bytes).
const CUE_REACH: usize = 250;

/// Why a figure is a goal: the cue's span, where the goal's words start (the
/// first of a chain of cues: `phấn đấu năm 2025 đạt mục tiêu ...`), and the
/// milestone date, if any.
struct Cue {
    span: Span,
    first: usize,
    by: Option<NaiveDate>,
}

fn milestone_of(src: &Source<'_>, values: &[Fact], line: Span) -> Option<Cue> {
    let m = MILESTONE.find(src.lower.get(line.range())?)?;
    let span = Span::new(line.start + m.start(), line.start + m.end());
    let by = super::starting_in(values, span.start, span.end)
        .iter()
        .find_map(|f| match f {
            Fact::Date(d) if span.contains(d.span) => Some(d.value),
            _ => None,
        })?;
    Some(Cue {
        span,
        first: span.start,
        by: Some(by),
    })
}

fn cue_before(src: &Source<'_>, clause: Span, at: usize) -> Option<Cue> {
    let from = clause.start.max(at.saturating_sub(CUE_REACH));
    let mut from = from;
    while !src.lower.is_char_boundary(from) {
        from += 1;
    }
    let window = src.lower.get(from..at)?;
    let cues: Vec<_> = CUE
        .captures_iter(window)
        .filter(|c| {
            let m = c.get(0).expect("group 0");
            let after = &window[m.end()..];
            // `Chương trình mục tiêu quốc gia` names a programme.
            !after.starts_with(" quốc gia")
                && src.on_word_boundaries(from + m.start(), from + m.end())
                && !RESULT.is_match(after)
        })
        .collect();
    let cue = cues.last()?;
    let m = cue.get(0)?;
    if cue.name("weak").is_some() && !window[m.end()..].contains("đạt") {
        return None;
    }
    let first = cues
        .first()
        .and_then(|c| c.get(0))
        .map_or(m.start(), |f| f.start());
    Some(Cue {
        span: Span::new(from + m.start(), from + m.end()),
        first: from + first,
        by: None,
    })
}

fn target_value(f: &Fact) -> Option<(TargetValue, Bound, Span)> {
    Some(match f {
        Fact::Percent(p) => (TargetValue::Percent { value: p.value }, p.bound, p.span),
        Fact::Money(m) => (
            TargetValue::Money {
                value: m.value,
                currency: m.currency.clone(),
            },
            m.bound,
            m.span,
        ),
        Fact::Quantity(q) => (
            TargetValue::Quantity {
                value: q.value,
                unit: q.unit.clone(),
            },
            q.bound,
            q.span,
        ),
        _ => return None,
    })
}

/// The words between `from` and `to`, with dates and periods cut out and
/// connectors trimmed: `tăng trưởng năm 2025 đạt` → `tăng trưởng`.
fn metric(src: &Source<'_>, values: &[Fact], from: usize, to: usize) -> String {
    let mut text = String::new();
    let mut at = from;
    for f in super::starting_in(values, from, to)
        .iter()
        .filter(|f| matches!(f, Fact::Date(_) | Fact::Period(_)) && f.span().end <= to)
    {
        text.push_str(src.text.get(at..f.span().start).unwrap_or(""));
        text.push(' ');
        at = f.span().end;
    }
    text.push_str(src.text.get(at..to).unwrap_or(""));
    // Cut a locality or beneficiary tail (`cho tỉnh Cao Bằng`).
    for tail in [" cho ", " của tỉnh", " trên địa bàn"] {
        if let Some(i) = text.find(tail) {
            text.truncate(i);
        }
    }
    let cleaned: String = text
        .chars()
        .map(|c| {
            if crate::normalize::is_word_char(c) || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    let edge = |w: &str| METRIC_EDGE_WORDS.contains(&w.to_lowercase().as_str());
    while words.first().is_some_and(|w| edge(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| edge(w)) {
        words.pop();
    }
    super::uncapitalize(&words.join(" "))
}

/// The period or due day of a goal: a period in the cue..figure stretch or
/// just after the figure; one introduced by `vào`, `đến`, `trước`, `trong`
/// gives a due day (its end) instead.
fn when(
    src: &Source<'_>,
    values: &[Fact],
    clause: Span,
    cue: Span,
    figure: Span,
) -> (Option<DateRange>, Option<NaiveDate>) {
    let after_limit = (figure.end + 60).min(clause.end);
    let mut found = None;
    for f in super::starting_in(values, cue.start, after_limit) {
        let s = f.span();
        let inside = s.start >= cue.start && s.end <= figure.start;
        let after = s.start >= figure.end && s.end <= after_limit;
        if !(inside || after) {
            continue;
        }
        let period = match f {
            Fact::Period(p) => DateRange::from(p.period()),
            Fact::Date(d) => DateRange {
                start: d.value,
                end: d.value,
            },
            _ => {
                if after {
                    break; // another figure: what follows is its own
                }
                continue;
            }
        };
        let intro = src.word_before(s.start);
        let intro = if matches!(intro, "cuối" | "hết" | "ngày") {
            src.word_before(s.start.saturating_sub(intro.len() + 1))
        } else {
            intro
        };
        let due = matches!(intro, "vào" | "đến" | "trước" | "trong" | "hết")
            || matches!(f, Fact::Date(_));
        found = Some(if due {
            (None, Some(period.end))
        } else {
            (Some(period), None)
        });
        if inside {
            continue; // a later one, closer to the figure, wins
        }
        break;
    }
    if let Some(f) = found {
        return f;
    }
    // `8% của năm`: the document's year.
    let tail = src.lower.get(figure.end..after_limit).unwrap_or("");
    if tail.trim_start().starts_with("của năm")
        && !tail.trim_start()["của năm".len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        if let Some(year) = src.anchor.map(|a| a.year()) {
            if let (Some(start), Some(end)) = (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) {
                return (Some(DateRange { start, end }), None);
            }
        }
    }
    (None, None)
}

pub(crate) fn find(src: &Source<'_>, values: &[Fact], clause_spans: &[Span], out: &mut Vec<Fact>) {
    let line_spans: Vec<Span> = lines(src.text).map(|(s, _)| s).collect();
    let mut last_end_in_clause: Option<(Span, usize)> = None;
    for f in values {
        let Some((value, bound, figure)) = target_value(f) else {
            continue;
        };
        let Some(clause) = clause_at(clause_spans, figure.start) else {
            continue;
        };
        let line = clause_at(&line_spans, figure.start).unwrap_or(clause);
        let cue = match milestone_of(src, values, line) {
            Some(m) if !RESULT.is_match(src.lower.get(m.span.end..figure.start).unwrap_or("")) => m,
            _ => match cue_before(src, clause, figure.start) {
                Some(c) => c,
                None => continue,
            },
        };
        // The metric starts after the cue, or after the previous goal figure
        // of the same clause (`thu ngân sách ... và tăng trưởng kinh tế đạt 9%`).
        let from = match last_end_in_clause {
            Some((c, end)) if c == clause && end > cue.span.end => end,
            _ => cue.span.end.max(clause.start),
        };
        let mut name = metric(src, values, from, figure.start);
        if name.is_empty() {
            // `dự kiến hoàn thành 100% kế hoạch`: the noun after the figure;
            // a count names its own unit.
            name = match &value {
                TargetValue::Quantity { unit, .. } => unit.clone(),
                _ => {
                    let after = metric(src, values, figure.end, (figure.end + 30).min(clause.end));
                    after
                        .split_whitespace()
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" ")
                }
            };
        }
        let (period, by) = match cue.by {
            Some(d) => (None, Some(d)),
            None => when(
                src,
                values,
                clause,
                Span::new(cue.first, cue.span.end),
                figure,
            ),
        };
        // A chained goal's text starts at its own words, not at the shared cue.
        let start = if from > cue.span.end {
            let rest = src.lower.get(from..figure.start).unwrap_or("");
            let trimmed = rest.trim_start_matches([' ', ',', ';']);
            let trimmed = trimmed.strip_prefix("và ").unwrap_or(trimmed);
            figure.start - trimmed.len()
        } else {
            cue.span.start
        };
        let span = Span::new(start.min(figure.start), figure.end);
        last_end_in_clause = Some((clause, figure.end));
        out.push(Fact::Target(TargetFact {
            text: src.slice(span).to_string(),
            span,
            metric: name,
            value,
            bound,
            period,
            by,
            rule: if cue.by.is_some() {
                "target.milestone".into()
            } else {
                "target.cue".into()
            },
        }));
    }
    two_digit_growth(src, values, clause_spans, out);
}

/// `tăng trưởng hai con số` under a goal cue: at least 10% growth.
fn two_digit_growth(src: &Source<'_>, values: &[Fact], clause_spans: &[Span], out: &mut Vec<Fact>) {
    for m in TWO_DIGITS.find_iter(src.lower) {
        let span = Span::new(m.start(), m.end());
        let Some(clause) = clause_at(clause_spans, span.start) else {
            continue;
        };
        if cue_before(src, clause, span.start).is_none() {
            continue;
        }
        let (period, by) = when(src, values, clause, span, span);
        out.push(Fact::Target(TargetFact {
            text: src.slice(span).to_string(),
            span,
            metric: "tăng trưởng".into(),
            value: TargetValue::Percent {
                value: Decimal::TEN,
            },
            bound: Bound::AtLeast,
            period,
            by,
            rule: "target.two_digit_growth".into(),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn targets(text: &str) -> Vec<String> {
        let doc = Extractor::new()
            .with_date(NaiveDate::from_ymd_opt(2025, 4, 11).unwrap())
            .extract(text);
        doc.facts
            .iter()
            .filter(|f| matches!(f, Fact::Target(_)))
            .map(|f| f.to_string())
            .collect()
    }

    /// (sentence, expected targets as Display strings)
    const CASES: &[(&str, &[&str])] = &[
        (
            "Mục tiêu tăng trưởng năm 2025 đạt 8% trở lên.",
            &["tăng trưởng: at_least 8% in 2025-01-01..2025-12-31"],
        ),
        (
            "Phấn đấu năm 2025 thu ngân sách đạt trên 26.000 tỷ đồng.",
            &["thu ngân sách: over 26000000000000 VND in 2025-01-01..2025-12-31"],
        ),
        (
            "Cố gắng đạt thu ngân sách trên 26.000 tỷ đồng và tăng trưởng kinh tế đạt 9%.",
            &[
                "thu ngân sách: over 26000000000000 VND",
                "tăng trưởng kinh tế: 9%",
            ],
        ),
        (
            "+ Đến hết ngày 30/6/2025: Giải ngân đạt tối thiểu 50% kế hoạch vốn được giao.",
            &["giải ngân: at_least 50% by 2025-06-30"],
        ),
        (
            "- Trước ngày 31/12/2025: hoàn thành 100% hồ sơ.",
            &["hoàn thành: 100% by 2025-12-31"],
        ),
        (
            "Tỉnh dự kiến hoàn thành 100% kế hoạch vào cuối tháng 8/2025.",
            &["kế hoạch: 100% by 2025-08-31"],
        ),
        (
            "Phấn đấu tỷ lệ giải ngân vốn đầu tư công năm 2025 đạt 100% kế hoạch.",
            &["tỷ lệ giải ngân vốn đầu tư công: 100% in 2025-01-01..2025-12-31"],
        ),
        (
            "Chỉ tiêu tỷ lệ hộ nghèo giảm 1,5% trong năm 2026.",
            &["tỷ lệ hộ nghèo giảm: 1.5% by 2026-12-31"],
        ),
        (
            "Tỉnh cần hoàn thành mục tiêu tốc độ tăng trưởng 8% của năm.",
            &["tốc độ tăng trưởng: 8% in 2025-01-01..2025-12-31"],
        ),
        (
            "Bảo đảm tốc độ tăng trưởng GRDP đạt 8%.",
            &["tốc độ tăng trưởng GRDP: 8%"],
        ),
        (
            "Phấn đấu đến năm 2030 có 1.000 doanh nghiệp khoa học công nghệ.",
            &["doanh nghiệp: 1000 doanh nghiệp by 2030-12-31"],
        ),
        (
            "Kịch bản tăng trưởng quý II đạt 8,2%.",
            &["*: 8.2% in 2025-04-01..2025-06-30"],
        ),
        (
            "Mục tiêu tăng trưởng hai con số giai đoạn 2026-2030.",
            &["tăng trưởng: at_least 10% in 2026-01-01..2030-12-31"],
        ),
        (
            "Phấn đấu năm 2025 đạt mục tiêu trên 26.000 tỷ đồng.",
            &["*: over 26000000000000 VND in 2025-01-01..2025-12-31"],
        ),
        (
            "Mục tiêu năm 2025 đạt 8,61%.",
            &["*: 8.61% in 2025-01-01..2025-12-31"],
        ),
        (
            "Phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%.",
            &["tỷ lệ hộ nghèo giảm còn: under 2%"],
        ),
        (
            "Chỉ tiêu tỷ lệ che phủ rừng đạt 65% trở lên.",
            &["tỷ lệ che phủ rừng: at_least 65%"],
        ),
        (
            "Phấn đấu kim ngạch xuất khẩu năm 2026 đạt 1,5 tỷ USD.",
            &["kim ngạch xuất khẩu: 1500000000 USD in 2026-01-01..2026-12-31"],
        ),
        (
            "Bảo đảm tỷ lệ giải ngân đạt tối thiểu 95% kế hoạch vốn.",
            &["tỷ lệ giải ngân: at_least 95%"],
        ),
        (
            "Quyết tâm đạt tốc độ tăng trưởng tối thiểu 10% giai đoạn 2026-2030.",
            &["tốc độ tăng trưởng: at_least 10% in 2026-01-01..2030-12-31"],
        ),
        (
            "Mục tiêu thu hút 500 doanh nghiệp mới thành lập trong năm 2026.",
            &["thu hút: 500 doanh nghiệp by 2026-12-31"],
        ),
        (
            "Mục tiêu đến năm 2030, thu nhập bình quân đầu người đạt 8.000 USD.",
            &["*: 8000 USD by 2030-12-31"],
        ),
        (
            "Phấn đấu thu ngân sách nhà nước trên địa bàn đạt khoảng 12.500 tỷ đồng.",
            &["thu ngân sách nhà nước: approx 12500000000000 VND"],
        ),
        (
            "- Đến hết ngày 30/9/2026: giải ngân đạt 60% kế hoạch vốn.",
            &["giải ngân: 60% by 2026-09-30"],
        ),
        (
            "Cố gắng đạt tỷ lệ đô thị hóa 40%.",
            &["tỷ lệ đô thị hóa: 40%"],
        ),
    ];

    /// Results, estimates and other figures that are not goals.
    const NOT_TARGETS: &[&str] = &[
        "Thu ngân sách 8 tháng ước đạt trên 4.400 tỷ đồng, đạt trên 72% kế hoạch.",
        "GRDP 6 tháng đầu năm 2025 của tỉnh tăng 7,29%.",
        "Các tỉnh đã thực hiện đạt 100% kế hoạch.",
        "Giải ngân ước tính đến ngày 31/8/2025 là 31.307,4 tỷ đồng, đạt 58,5% kế hoạch.",
        "Phấn đấu thu ngân sách đạt kế hoạch, lũy kế đạt 95%.",
        "Mục tiêu đã đạt 90%.",
        "Chương trình mục tiêu quốc gia giải ngân 45%.",
        "Tỷ lệ hộ nghèo chiếm 12%.",
        "Bảo đảm an ninh trật tự, 100% xã có công an chính quy.",
        "Năm 2024, tăng trưởng kinh tế đạt 7,09%.",
        "Tổng vốn đầu tư 21 dự án là 26.700 tỷ đồng.",
        "Phấn đấu hoàn thành nhiệm vụ được giao. Kết quả: giải ngân 80%.",
        "Tạo đà tăng trưởng hai con số giai đoạn 2026-2030.",
        "Thu ngân sách đạt 12.500 tỷ đồng, tăng 15% so với cùng kỳ.",
        "Kim ngạch xuất khẩu ước đạt 1,2 tỷ USD.",
        "Lũy kế giải ngân đạt 68% kế hoạch.",
        "Đã có 450 doanh nghiệp thành lập mới.",
        "Tỷ lệ hộ nghèo giảm còn 3,5%.",
        "Mục tiêu, nhiệm vụ năm 2026 được thông qua với 98% đại biểu tán thành. Tỷ lệ che phủ rừng 60%.",
    ];

    #[test]
    fn targets_table() {
        let mut failures = Vec::new();
        for (input, want) in CASES {
            let got = targets(input);
            // Metrics are labels; compare the figure, bound and time exactly,
            // and the metric unless the table says `*`.
            let ok = got.len() == want.len()
                && got.iter().zip(want.iter()).all(|(g, w)| {
                    let (gm, gv) = g.split_once(": ").unwrap_or(("", g.as_str()));
                    let (wm, wv) = w.split_once(": ").unwrap_or(("", w));
                    gv == wv && (wm == "*" || gm == wm)
                });
            if !ok {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        for input in NOT_TARGETS {
            let got = targets(input);
            if !got.is_empty() {
                failures.push(format!("{input:?}: want no target, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
