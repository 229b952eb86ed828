//! Named and directive facts: references, agencies, assignments, targets and
//! deadlines. They run after the value rules and may use the values found.
//!
//! Each family is a module with its rules and an examples file beside it.

pub(crate) mod agency;
pub(crate) mod assignment;

use crate::fact::Fact;
use crate::outline::OutlineNode;
use crate::segment::Dropped;
use crate::values::Source;

mod deadline;
pub(crate) mod reference;
mod target;
mod words;

/// Adds the named and directive facts to `facts` (which holds the value facts,
/// sorted by start) and leaves `facts` sorted by start.
pub(crate) fn find_all(
    src: &Source<'_>,
    folded: &agency::Folded,
    dropped: &[Dropped],
    outline: &[OutlineNode],
    facts: &mut Vec<Fact>,
) {
    let mut found: Vec<Fact> = Vec::new();
    let _ = dropped;
    reference::find(src, &mut found);
    let hits = words::Hits::find(&folded.text);
    let mentions = agency::mentions(src, folded, &hits);
    found.extend(mentions.iter().map(|m| agency::to_fact(src, m)));
    assignment::find(src, folded, &hits, &mentions, outline, facts, &mut found);
    let clauses = crate::segment::clauses(src.text);
    target::find(src, facts, &clauses, &mut found);
    deadline::find(src, facts, &clauses, &mut found);
    attach_deadlines(&mut found, outline);
    facts.append(&mut found);
    facts.sort_by_key(|f| (f.span().start, f.span().end));
}

/// The facts of `sorted` (sorted by start) that start in `from..to`.
pub(crate) fn starting_in(sorted: &[Fact], from: usize, to: usize) -> &[Fact] {
    let a = sorted.partition_point(|f| f.span().start < from);
    let b = a + sorted[a..].partition_point(|f| f.span().start < to);
    &sorted[a..b]
}

/// Gives each deadline the bodies responsible for it: those of the smallest
/// assignment that contains it; else of the nearest assignment before it in
/// its paragraph; else of an assignment on an outline line above it (a
/// heading or the bullet that introduces a list of milestones). A deadline
/// inside an assignment also takes the assignment's task, unless it is a
/// milestone line with its own.
pub(crate) fn attach_deadlines(found: &mut [Fact], outline: &[OutlineNode]) {
    let assignments: Vec<(crate::Span, Vec<String>, String)> = found
        .iter()
        .filter_map(|f| match f {
            Fact::Assignment(a) => Some((a.span, a.lead.clone(), a.task.clone())),
            _ => None,
        })
        .collect();
    if assignments.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let Fact::Deadline(d) = f else { continue };
        let covering = assignments
            .iter()
            .filter(|a| a.0.contains(d.span))
            .min_by_key(|a| a.0.len());
        let line = crate::outline::path(outline, d.span.start)
            .last()
            .map(|n| n.span);
        let before_in_line = || {
            let line = line?;
            assignments
                .iter()
                .filter(|a| line.contains(a.0) && a.0.end <= d.span.start)
                .max_by_key(|a| a.0.end)
        };
        let above = || {
            crate::outline::path(outline, d.span.start)
                .iter()
                .rev()
                .skip(1)
                .find_map(|n| assignments.iter().find(|a| n.span.overlaps(a.0)))
        };
        let Some(a) = covering.or_else(before_in_line).or_else(above) else {
            continue;
        };
        d.agencies = a.1.clone();
        if covering.is_some() && d.rule != "deadline.milestone" && !a.2.is_empty() {
            // The assignment's task without the limit itself.
            let task = a.2.strip_suffix(d.text.as_str()).unwrap_or(&a.2);
            d.task = task.trim_end_matches([' ', ',', ';']).to_string();
        }
    }
}

/// Lowercases the first letter of a phrase taken from a sentence or line
/// start (`Giải ngân` → `giải ngân`), leaving acronyms (`GRDP`) and names
/// that follow alone.
pub(crate) fn uncapitalize(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(phrase.chars().skip(1)).collect()
        }
        _ => phrase.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uncapitalize_keeps_acronyms() {
        assert_eq!(super::uncapitalize("Giải ngân"), "giải ngân");
        assert_eq!(super::uncapitalize("GRDP tăng"), "GRDP tăng");
        assert_eq!(super::uncapitalize(""), "");
    }

    #[test]
    fn starting_in_slices_by_start() {
        let doc = crate::extract("Ngày 1/2/2025 chi 5 tỷ đồng, đạt 8%, quý 2/2026.");
        let values: Vec<_> = doc.facts.clone();
        let mid = doc.text.find("5 tỷ").unwrap();
        let got = super::starting_in(&values, mid, doc.text.len());
        assert_eq!(got.first().map(|f| f.kind()), Some("money"));
        assert_eq!(
            got.len(),
            values.iter().filter(|f| f.span().start >= mid).count()
        );
        assert!(super::starting_in(&values, doc.text.len(), doc.text.len()).is_empty());
    }

    #[test]
    fn all_patterns_compile() {
        super::target::force_patterns();
        super::deadline::force_patterns();
    }
}
