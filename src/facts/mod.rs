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
    let folded = agency::Folded::new(src.lower);
    let mentions = agency::mentions(src, &folded);
    found.extend(mentions.iter().map(|m| agency::to_fact(src, m)));
    assignment::find(src, &folded, &mentions, outline, facts, &mut found);
    facts.append(&mut found);
    facts.sort_by_key(|f| (f.span().start, f.span().end));
}
