//! Deadlines: time limits set for an action.
//!
//! A date or period fact is a deadline when the words right before it set a
//! limit, and it is not in the past of the document:
//!
//! | Written                                   | Deadline                       |
//! |-------------------------------------------|--------------------------------|
//! | `báo cáo ... trước ngày 31/12/2025`       | before 2025-12-31              |
//! | `Đến hết ngày 30/6/2025: Giải ngân ...`   | by 2025-06-30                  |
//! | `chậm nhất ngày 15/12/2025`, `xong trước` | by 2025-12-15, before          |
//! | `hoàn thành vào ngày 20/11/2025`          | by 2025-11-20                  |
//! | `khởi công vào ngày 09/11/2025`           | on 2025-11-09                  |
//! | `báo cáo ... trong quý 2/2026`            | within 2026-04-01..2026-06-30  |
//! | `hoàn thành thông tuyến trong năm 2025`   | within 2025-01-01..2025-12-31  |
//!
//! Not deadlines: as-of dates (`tính đến ngày`, `ước tính đến ngày`,
//! `lũy kế đến`), dates before the document date (meetings, issue dates, what
//! was done), a `trong ...` period that opens its clause (`Trong tháng 10,
//! tỉnh đã ...`) or follows `đã`.
//!
//! `task` is the clause's action before the limit (or after a milestone's
//! colon); `agencies` (and a better `task`) come from the assignment the
//! deadline sits in, or the one its outline heading states ([`super::attach_deadlines`]).

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::fact::{DateRange, DeadlineBound, DeadlineFact, Fact, Grain};
use crate::segment::clause_at;
use crate::values::Source;
use crate::Span;

/// The limit words right before a date or period (lowercase, at the end of
/// the text before it).
static LIMIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?:^|[^\p{L}])(?P<w>",
        r"hoàn thành (?:trước|vào|trong)(?: ngày)?",
        r"|xong trước(?: ngày)?|xong trong",
        r"|trước(?: ngày)?",
        r"|đến hết(?: ngày)?",
        r"|chậm nhất(?: là)?(?: vào)?(?: ngày)?",
        r"|vào(?: ngày)?",
        r"|trong",
        r")\s*$"
    ))
    .expect("deadline pattern compiles")
});

/// Words before the limit that make the date an as-of date or a report.
static NOT_A_LIMIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[^\p{L}])(?:tính|ước tính|lũy kế|đã|thời điểm)(?:$|[^\p{L}])")
        .expect("deadline negative pattern compiles")
});

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&LIMIT);
    Lazy::force(&NOT_A_LIMIT);
}

fn bound_of(words: &str) -> DeadlineBound {
    if words.starts_with("hoàn thành") {
        if words.contains("trước") {
            DeadlineBound::Before
        } else if words.contains("trong") {
            DeadlineBound::Within
        } else {
            DeadlineBound::By
        }
    } else if words.starts_with("xong trong") || words == "trong" {
        DeadlineBound::Within
    } else if words.starts_with("trước") || words.starts_with("xong") {
        DeadlineBound::Before
    } else if words.starts_with("vào") {
        DeadlineBound::On
    } else {
        DeadlineBound::By
    }
}

/// The action of a deadline's clause: after a milestone's colon, else the
/// clause's words before the limit, trimmed of bullets and connectors.
/// The task of a milestone line (`Đến hết ngày 30/6/2025: <task>`), if the
/// limit opens one.
fn milestone_task<'a>(src: &Source<'a>, clause: Span, due: Span) -> Option<&'a str> {
    let t = src
        .text
        .get(due.end..clause.end)?
        .trim_start()
        .strip_prefix(':')?
        .trim();
    (!t.is_empty()).then_some(t)
}

fn task(src: &Source<'_>, clause: Span, limit: Span, due: Span) -> String {
    let raw = match milestone_task(src, clause, due) {
        Some(t) => t,
        None => src.text.get(clause.start..limit.start).unwrap_or(""),
    };
    let raw = raw.trim_start_matches(['-', '+', '•', '*', ' ', ',']);
    let raw = raw.trim_end_matches([',', ' ', ':', '.']);
    super::uncapitalize(raw)
}

pub(crate) fn find(src: &Source<'_>, values: &[Fact], clause_spans: &[Span], out: &mut Vec<Fact>) {
    for f in values {
        let (due, date, period) = match f {
            Fact::Date(d) => (d.span, Some(d.value), None),
            Fact::Period(p) if matches!(p.grain, Grain::Month | Grain::Quarter | Grain::Year) => {
                (p.span, None, Some(DateRange::from(p.period())))
            }
            _ => continue,
        };
        let Some(clause) = clause_at(clause_spans, due.start) else {
            continue;
        };
        let before = src.lower.get(clause.start..due.start).unwrap_or("");
        let Some(caps) = LIMIT.captures(before) else {
            continue;
        };
        let w = caps.name("w").expect("limit group");
        let words = w.as_str().trim();
        let bound = bound_of(words);
        // `trong` takes a month, quarter or year; `vào` a day; the others either.
        if bound == DeadlineBound::Within && period.is_none()
            || bound == DeadlineBound::On && date.is_none()
        {
            continue;
        }
        let limit = Span::new(clause.start + w.start(), clause.start + w.end());
        let lead_in = &before[..w.start()];
        if NOT_A_LIMIT.is_match(lead_in) {
            continue;
        }
        if bound == DeadlineBound::Within && lead_in.trim().is_empty() {
            continue; // `Trong tháng 10, tỉnh ...` sets the scene
        }
        let last_day: NaiveDate = match (date, period) {
            (Some(d), _) => d,
            (None, Some(p)) => p.end,
            _ => continue,
        };
        if src.anchor.is_some_and(|a| last_day < a) {
            continue;
        }
        let span = Span::new(limit.start, due.end);
        out.push(Fact::Deadline(DeadlineFact {
            text: src.slice(span).to_string(),
            span,
            date,
            period,
            bound,
            task: task(src, clause, limit, due),
            agencies: Vec::new(),
            rule: if milestone_task(src, clause, due).is_some() {
                "deadline.milestone".into()
            } else {
                format!("deadline.{}", bound_name(bound)).into()
            },
        }));
    }
}

fn bound_name(b: DeadlineBound) -> &'static str {
    match b {
        DeadlineBound::Before => "before",
        DeadlineBound::By => "by",
        DeadlineBound::On => "on",
        DeadlineBound::Within => "within",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn deadlines(text: &str) -> Vec<String> {
        let doc = Extractor::new()
            .with_date(NaiveDate::from_ymd_opt(2025, 11, 4).unwrap())
            .extract(text);
        doc.facts
            .iter()
            .filter(|f| matches!(f, Fact::Deadline(_)))
            .map(|f| f.to_string())
            .collect()
    }

    /// (sentence, expected deadlines as Display strings: `bound day: task`)
    const CASES: &[(&str, &[&str])] = &[
        (
            "Giao Bộ Xây dựng xem xét, báo cáo Thủ tướng Chính phủ trước ngày 31/12/2025.",
            &["before 2025-12-31: xem xét, báo cáo Thủ tướng Chính phủ [Bộ Xây dựng]"],
        ),
        (
            "+ Đến hết ngày 30/6/2026: Giải ngân đạt tối thiểu 50% kế hoạch vốn được giao.",
            &["by 2026-06-30: giải ngân đạt tối thiểu 50% kế hoạch vốn được giao"],
        ),
        (
            "Các sở gửi báo cáo về Sở Tài chính chậm nhất ngày 15/12/2025.",
            &["by 2025-12-15: các sở gửi báo cáo về Sở Tài chính"],
        ),
        (
            "Hoàn thành việc sắp xếp chậm nhất là ngày 20/12/2025.",
            &["by 2025-12-20: hoàn thành việc sắp xếp"],
        ),
        (
            "Chủ đầu tư phải hoàn thành vào ngày 20/11/2025.",
            &["by 2025-11-20: chủ đầu tư phải"],
        ),
        (
            "Chuẩn bị điều kiện tổ chức Lễ khởi công vào ngày 09/11/2025.",
            &["on 2025-11-09: chuẩn bị điều kiện tổ chức Lễ khởi công"],
        ),
        (
            "Xây dựng Đề án, báo cáo cấp có thẩm quyền trong quý 2/2026.",
            &["within 2026-04-01..2026-06-30: xây dựng Đề án, báo cáo cấp có thẩm quyền"],
        ),
        (
            "Hướng dẫn tỉnh thực hiện trong tháng 11/2025.",
            &["within 2025-11-01..2025-11-30: hướng dẫn tỉnh thực hiện"],
        ),
        (
            "Hoàn thành mục tiêu thông tuyến trong năm 2025.",
            &["within 2025-01-01..2025-12-31: hoàn thành mục tiêu thông tuyến"],
        ),
        (
            "Báo cáo kết quả xong trước ngày 25/12/2025.",
            &["before 2025-12-25: báo cáo kết quả"],
        ),
        (
            "Gửi hồ sơ trước 30/11/2025.",
            &["before 2025-11-30: gửi hồ sơ"],
        ),
        (
            "Tổ chức tổng kết đến hết ngày 15 tháng 12 năm 2025.",
            &["by 2025-12-15: tổ chức tổng kết"],
        ),
        ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu phương án trước ngày 15/12/2025.", &["before 2025-12-15: tham mưu phương án [Sở Tài chính]"]),
        ("Đề nghị Bộ Tài chính hướng dẫn địa phương trong tháng 12/2025.", &["within 2025-12-01..2025-12-31: hướng dẫn địa phương [Bộ Tài chính]"]),
        ("Các chủ đầu tư hoàn thành quyết toán dự án chậm nhất ngày 31/3/2026.", &["by 2026-03-31: các chủ đầu tư hoàn thành quyết toán dự án"]),
        ("Kiểm tra, rà soát và báo cáo Ủy ban nhân dân tỉnh trước ngày 20 tháng 11 năm 2025.", &["before 2025-11-20: kiểm tra, rà soát và báo cáo Ủy ban nhân dân tỉnh"]),
        ("Hoàn thành việc bàn giao mặt bằng trong quý I/2026.", &["within 2026-01-01..2026-03-31: hoàn thành việc bàn giao mặt bằng"]),
        ("Tổ chức sơ kết, báo cáo Thủ tướng trong năm 2026.", &["within 2026-01-01..2026-12-31: tổ chức sơ kết, báo cáo Thủ tướng"]),
    ];

    /// As-of dates, past dates, scene-setting periods, meeting dates.
    const NOT_DEADLINES: &[&str] = &[
        "Giải ngân ước tính đến ngày 31/8/2025 là 31.307,4 tỷ đồng.",
        "Tính đến ngày 13/11/2025, tỉnh đã giải ngân 47,8%.",
        "Lũy kế đến hết ngày 30/11/2025, thu ngân sách đạt 90%.",
        "Trong tháng 10, tỉnh đã tập trung chỉ đạo.",
        "Trong năm 2025, tỉnh phấn đấu tăng trưởng 8%.",
        "Hội nghị diễn ra vào ngày 20/10/2025.",
        "Chỉ thị được ban hành trước ngày 01/3/2025.",
        "Tỉnh đã hoàn thành trong tháng 9/2025.",
        "Kết quả giải ngân tại thời điểm 30/11/2025 là kết quả để xem xét.",
        "Ngày 18/11, Đoàn công tác đã làm việc với tỉnh.",
        "Dự án đã khởi công trong quý 2/2026.",
        "Tỉnh dự kiến hoàn thành 100% kế hoạch vào cuối tháng 12/2025.",
        "Tỉnh xây dựng kế hoạch giai đoạn 2026-2030.",
        "Số liệu tính đến hết ngày 30/11/2025.",
        "Trước ngày 01/7/2025, tỉnh có 12 huyện.",
        "Chiều 24/11/2025, Đoàn công tác làm việc với tỉnh.",
        "Đoàn đã kiểm tra trong tháng 10/2025.",
        "Trong quý IV/2025, kinh tế tăng trưởng khá.",
    ];

    #[test]
    fn deadlines_table() {
        let mut failures = Vec::new();
        for (input, want) in CASES {
            let got = deadlines(input);
            if got != *want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        for input in NOT_DEADLINES {
            let got = deadlines(input);
            if !got.is_empty() {
                failures.push(format!("{input:?}: want no deadline, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
