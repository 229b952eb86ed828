//! The outline of a directive or notice: numbered parts, lettered items,
//! bullets and headings, so that a fact knows the heading path it sits under.
//!
//! | Line starts with                 | Marker kind | Level |
//! |----------------------------------|-------------|-------|
//! | `Điều 1.`, `I.`, `II.`           | part        | 10    |
//! | `1.`, `2)`                       | number      | 20    |
//! | `1.1.`, `2.3`                    | subnumber   | 30    |
//! | `a)`, `đ)`                       | letter      | 40    |
//! | (no marker, line ends with `:`)  | heading     | parent + 5 |
//! | `-`, `•`                         | bullet      | 50    |
//! | `+`                              | sub-bullet  | 60    |
//!
//! A node's `scope` runs from its line to the line before the next node of the
//! same or a higher level (a lower number); an unmarked heading's scope also
//! ends at the first plain line after it. A line ending in `:` is a heading:
//! what follows inside its scope belongs to it (`b) Sở Tài chính:` and the
//! bullets under it).
//!
//! ```
//! let text = "1. Giải ngân.\na) Sở Tài chính:\n- Rà soát.\n- Báo cáo.\nb) Sở Xây dựng:\n- Thẩm định.";
//! let outline = vanban::outline::parse(text);
//! assert_eq!(outline.len(), 6);
//! assert_eq!(outline[1].marker, "a)");
//! assert_eq!(outline[1].heading, "Sở Tài chính");
//! let at = text.find("Báo cáo").unwrap();
//! let path: Vec<&str> = vanban::outline::path(&outline, at).iter().map(|n| n.marker.as_str()).collect();
//! assert_eq!(path, ["1.", "a)", "-"]);
//! ```
//!
//! # Not handled
//! - Markers in the middle of a line (`... như sau: a) ...; b) ...`).

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::segment::lines;
use crate::Span;

/// One node of a directive's outline: a marked line or a heading line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineNode {
    /// The line (without the line break), in the normalised text.
    pub span: Span,
    /// The line and everything under it.
    pub scope: Span,
    /// Depth: smaller is higher (10 parts, 20 numbers, 30 sub-numbers, 40
    /// letters, 50 bullets, 60 sub-bullets; an unmarked heading is 5 below its parent).
    pub level: u8,
    /// The marker as written (`1.`, `a)`, `-`, `Điều 2.`), empty for an unmarked heading.
    pub marker: String,
    /// The text after the marker, without a final `:`.
    pub heading: String,
    /// True if the line ends with `:` (what follows belongs to it).
    pub is_heading: bool,
    /// Index of the parent node.
    pub parent: Option<usize>,
}

static MARKER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^\s*(?:(?P<part>(?:Điều|ĐIỀU)\s+\d+\s*[.:]|[IVX]{1,5}\s*[.)])",
        r"|(?P<sub>\d{1,2}(?:\.\d{1,2})+\.?)",
        r"|(?P<num>\d{1,2}\s*[.)])",
        r"|(?P<letter>[a-zđ]\))",
        r"|(?P<bullet>[-•*])",
        r"|(?P<plus>\+))\s+"
    ))
    .expect("outline marker pattern compiles")
});

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&MARKER);
}

/// Longest line read as an unmarked heading.
const HEADING_MAX: usize = 300;

/// Parses the outline of `text` (the normalised text).
pub fn parse(text: &str) -> Vec<OutlineNode> {
    let mut nodes: Vec<OutlineNode> = Vec::new();
    // Indexes of the nodes whose scope is still open, outermost first.
    let mut open: Vec<usize> = Vec::new();
    for (span, line) in lines(text) {
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        let is_heading = trimmed.ends_with(':');
        let (level, marker, body) = match MARKER.captures(trimmed) {
            Some(c) => {
                let whole = c.get(0).map_or(0, |m| m.end());
                let level = if c.name("part").is_some() {
                    10
                } else if c.name("sub").is_some() {
                    30
                } else if c.name("num").is_some() {
                    20
                } else if c.name("letter").is_some() {
                    40
                } else if c.name("bullet").is_some() {
                    50
                } else {
                    60
                };
                let marker = trimmed.get(..whole).unwrap_or("").trim().to_string();
                (level, marker, trimmed.get(whole..).unwrap_or(""))
            }
            None if is_heading && trimmed.len() <= HEADING_MAX => {
                let parent_level = open
                    .iter()
                    .rev()
                    .map(|&i| nodes[i].level)
                    .find(|&l| l < 50)
                    .unwrap_or(0);
                (parent_level + 5, String::new(), trimmed.trim_start())
            }
            None => continue,
        };
        while let Some(&last) = open.last() {
            if nodes[last].level >= level {
                open.pop();
            } else {
                break;
            }
        }
        let heading = body.trim().trim_end_matches(':').trim_end().to_string();
        nodes.push(OutlineNode {
            span,
            scope: span,
            level,
            marker,
            heading,
            is_heading,
            parent: open.last().copied(),
        });
        open.push(nodes.len() - 1);
    }
    // Scopes: up to the last line before the next node at the same or a higher
    // level. An unmarked heading holds only the marked items right after it: its
    // scope also ends at the first plain line.
    let plain: Vec<usize> = lines(text)
        .filter(|(span, line)| {
            !line.trim().is_empty()
                && nodes
                    .binary_search_by_key(&span.start, |n| n.span.start)
                    .is_err()
        })
        .map(|(span, _)| span.start)
        .collect();
    for i in 0..nodes.len() {
        let level = nodes[i].level;
        let mut end = nodes[i + 1..]
            .iter()
            .find(|n| n.level <= level)
            .map_or(text.len(), |n| n.span.start);
        if nodes[i].marker.is_empty() {
            let k = plain.partition_point(|&p| p < nodes[i].span.end);
            if let Some(&p) = plain.get(k) {
                end = end.min(p);
            }
        }
        let end = text
            .get(..end)
            .map_or(end, |t| t.trim_end().len())
            .max(nodes[i].span.end);
        nodes[i].scope = Span::new(nodes[i].span.start, end);
    }
    nodes
}

/// The nodes whose scope holds byte `at`, outermost first (the heading path).
pub fn path(outline: &[OutlineNode], at: usize) -> Vec<&OutlineNode> {
    let Some(mut i) = outline
        .iter()
        .rposition(|n| n.span.start <= at && at < n.scope.end.max(n.span.end + 1))
    else {
        return Vec::new();
    };
    let mut out = vec![&outline[i]];
    while let Some(p) = outline[i].parent {
        out.push(&outline[p]);
        i = p;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        force_patterns();
    }

    #[test]
    fn levels_and_parents() {
        let text = "I. MỤC TIÊU\n1. Giải ngân:\na) Các sở, ban, ngành:\n- Rà soát;\n+ Đến hết ngày 30/6/2025: đạt 50%.\nb) Sở Tài chính:\n- Tham mưu.\nVăn bản thường.\nĐiều 2. Hiệu lực";
        let o = parse(text);
        let got: Vec<(u8, &str, Option<usize>)> = o
            .iter()
            .map(|n| (n.level, n.marker.as_str(), n.parent))
            .collect();
        assert_eq!(
            got,
            vec![
                (10, "I.", None),
                (20, "1.", Some(0)),
                (40, "a)", Some(1)),
                (50, "-", Some(2)),
                (60, "+", Some(3)),
                (40, "b)", Some(1)),
                (50, "-", Some(5)),
                (10, "Điều 2.", None),
            ]
        );
        assert_eq!(o[2].heading, "Các sở, ban, ngành");
        assert!(o[2].is_heading && !o[3].is_heading);
        // b)'s scope holds the plain line after its bullet.
        let plain = text.find("Văn bản").unwrap();
        assert!(o[5].scope.end > plain);
        assert_eq!(path(&o, plain).len(), 4);
    }

    #[test]
    fn unmarked_heading_sits_under_its_part() {
        let text = "3. Động lực tăng trưởng.\nCác sở, ngành căn cứ chức năng:\n- Triển khai.\n4. Khoa học.";
        let o = parse(text);
        assert_eq!(o[1].level, 25);
        assert_eq!(o[1].marker, "");
        assert_eq!(o[2].parent, Some(1));
        assert_eq!(o[3].parent, None);
    }

    #[test]
    fn unmarked_heading_ends_at_a_plain_line() {
        let text = "Các sở, ngành thực hiện các nhiệm vụ sau:\n- Rà soát.\n- Báo cáo.\nTin tức khác về kinh tế.";
        let o = parse(text);
        let plain = text.find("Tin tức").unwrap();
        assert!(o[0].scope.end <= plain, "{:?}", o[0].scope);
        assert!(o[0].scope.end >= text.find("Báo cáo").unwrap());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in ["", ":", "\n\n-", "a)", "1.\n:", "Điều", "- \n+ "] {
            let o = parse(t);
            for n in &o {
                assert!(t.get(n.scope.range()).is_some());
            }
        }
    }
}
