//! The timeline of a document: its deadlines and dated targets in date order,
//! what an analyst reads first.
//!
//! ```
//! use chrono::NaiveDate;
//! let doc = vanban::Extractor::new()
//!     .with_date(NaiveDate::from_ymd_opt(2025, 4, 11).unwrap())
//!     .extract("+ Đến hết ngày 30/6/2025: Giải ngân đạt tối thiểu 50% kế hoạch vốn được giao.");
//! let rows = vanban::timeline::entries(&doc);
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[0].due.to_string(), "2025-06-30");
//! assert_eq!((rows[0].kind, rows[0].bound.as_str()), ("deadline", "by"));
//! assert_eq!((rows[1].kind, rows[1].what.as_str()), ("target", "giải ngân: at_least 50%"));
//! ```

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::fact::{DeadlineBound, Fact};
use crate::{Document, Span};

/// One row of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The document's id.
    pub id: Option<String>,
    /// The due day (a deadline's date or the end of its period; a target's
    /// `by`, or the end of its period).
    pub due: NaiveDate,
    /// `deadline` or `target`.
    pub kind: &'static str,
    /// For deadlines `before`, `by`, `on`, `within`; for targets their bound.
    pub bound: String,
    /// The agencies responsible, when known.
    pub agencies: Vec<String>,
    /// The task of a deadline, or a target's `metric: figure`.
    pub what: String,
    /// Where it was read.
    pub span: Span,
}

/// The deadlines and dated targets of `doc`, by due day (deadlines first, then
/// by position).
pub fn entries(doc: &Document) -> Vec<Entry> {
    let mut rows: Vec<Entry> = doc
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Deadline(d) => Some(Entry {
                id: doc.id.clone(),
                due: d.date.or(d.period.map(|p| p.end))?,
                kind: "deadline",
                bound: match d.bound {
                    DeadlineBound::Before => "before",
                    DeadlineBound::By => "by",
                    DeadlineBound::On => "on",
                    DeadlineBound::Within => "within",
                }
                .to_string(),
                agencies: d.agencies.clone(),
                what: d.task.clone(),
                span: d.span,
            }),
            Fact::Target(t) => {
                let due = t.by.or(t.period.map(|p| p.end))?;
                let shown = f.to_string();
                let figure = shown.split(" in ").next().unwrap_or(&shown);
                let figure = figure.split(" by ").next().unwrap_or(figure);
                Some(Entry {
                    id: doc.id.clone(),
                    due,
                    kind: "target",
                    bound: t.bound.as_str().to_string(),
                    agencies: Vec::new(),
                    what: figure.to_string(),
                    span: t.span,
                })
            }
            _ => None,
        })
        .collect();
    rows.sort_by_key(|r| (r.due, r.kind != "deadline", r.span.start));
    rows
}

/// The timeline as a readable table: a heading line per document, then one
/// line per entry (`due  kind/bound  agencies  what`).
pub fn render(doc: &Document) -> String {
    let rows = entries(doc);
    let mut out = String::new();
    let date = doc.date.map_or("no date".to_string(), |d| d.to_string());
    let _ = writeln!(
        out,
        "== {} ({date}): {} entries",
        doc.id.as_deref().unwrap_or("-"),
        rows.len()
    );
    for r in rows {
        let agencies = if r.agencies.is_empty() {
            "-".to_string()
        } else {
            r.agencies.join("; ")
        };
        let _ = writeln!(
            out,
            "{}  {:<8} {:<9} {:<40} {}",
            r.due,
            r.kind,
            r.bound,
            clip(&agencies, 40),
            clip(&r.what, 100)
        );
    }
    out
}

/// `s` cut to `n` chars, with `…` when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
