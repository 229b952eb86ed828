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

/// Adds the named and directive facts to `facts` (which holds the value facts,
/// sorted by start) and leaves `facts` sorted by start.
pub(crate) fn find_all(
    src: &Source<'_>,
    dropped: &[Dropped],
    outline: &[OutlineNode],
    facts: &mut Vec<Fact>,
) {
    let mut found: Vec<Fact> = Vec::new();
    let _ = dropped;
    reference::find(src, &mut found);
    let folded = agency::Folded::new(src.lower);
    let mentions = agency::mentions(src, &folded);
    found.extend(mentions.iter().map(|m| agency::to_fact(src, m)));
    assignment::find(src, &folded, &mentions, outline, facts, &mut found);
    target::find(src, facts, &mut found);
    deadline::find(src, facts, &mut found);
    facts.append(&mut found);
    facts.sort_by_key(|f| (f.span().start, f.span().end));
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
    fn all_patterns_compile() {
        super::target::force_patterns();
        super::deadline::force_patterns();
    }
}
