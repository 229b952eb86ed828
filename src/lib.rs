//! # vanban
//!
//! Structured, checkable facts from Vietnamese government directives and press
//! reports: money, percentages, quantities, dates and periods; cited
//! documents, agencies, assignments, targets and deadlines; each with the exact
//! span of normalised text it was read from.
//!
//! ```
//! let doc = vanban::extract(
//!     "Thu ngân sách 8 tháng đầu năm 2025 ước đạt trên 4.400 tỷ đồng, đạt trên 72% kế hoạch.",
//! );
//! let facts: Vec<String> = doc.facts.iter().map(|f| format!("{}: {}", f.kind(), f)).collect();
//! assert_eq!(facts, [
//!     "period: 2025-01-01..2025-08-31 months",
//!     "money: over 4400000000000 VND",
//!     "percent: over 72%",
//! ]);
//! // Every fact carries its span; `text` is that slice of the normalised text.
//! let money = &doc.facts[1];
//! assert_eq!(&doc.text[money.span().range()], "trên 4.400 tỷ đồng");
//! ```
//!
//! ## What it does
//!
//! 1. **Normalises** the text ([`normalize()`]): Unicode NFC, one tone placement
//!    (`hoà` → `hòa`, `Uỷ` → `Ủy`), whitespace, dashes and quotes, and keeps an
//!    [`OffsetMap`] back to the input ([`Document::to_original`]).
//! 2. **Drops** what is not the document ([`segment`]): captions, counters,
//!    navigation, repeated copies, teasers after `./.`.
//! 3. **Finds values** with rules written for the genre, each fact tagged with
//!    the id of its rule (`money.amount`, `period.quarter`, ...); overlaps are
//!    settled once (longest wins).
//! 4. **Finds named and directive facts** on top of the values: references
//!    and the document's own identity ([`Document::meta`]), agencies, the
//!    directive [`outline`], assignments, targets and deadlines; views built
//!    on them are the [`timeline`] and the citation [`graph`].
//!
//! Before that, [`input::decode`] reads legacy encodings and [`html`] removes
//! HTML residue, both keeping the map back to the raw input.
//!
//! ## Output format
//!
//! [`Fact`] serialises with `type` as tag and the field names of the project's
//! fact specification: decimals as strings without thousands separators
//! (`"31307400000000"`), dates as ISO 8601 (`"2025-08-31"`), `span` as
//! `[start, end]` byte offsets into the normalised text, `bound` as one of
//! `exact`, `approx`, `nearly`, `over`, `under`, `at_least`, `at_most`, `range`.
//!
//! | kind       | input                    | output                                                  |
//! |------------|--------------------------|---------------------------------------------------------|
//! | `money`    | `trên 4.400 tỷ đồng`     | `value "4400000000000"`, `currency "VND"`, `bound "over"` |
//! | `percent`  | `8% trở lên`             | `value "8"`, `bound "at_least"`                         |
//! | `quantity` | `448 xã, phường`         | `value "448"`, `unit "xã, phường"`                      |
//! | `date`     | `31/8/2025`              | `value "2025-08-31"`                                    |
//! | `period`   | `quý 2/2026`             | `start "2026-04-01"`, `end "2026-06-30"`, `grain "quarter"` |
//! | `reference`| `Nghị quyết số 57-NQ/TW` | `canonical "57-NQ/TW"`, `code "NQ"`, `issuer "TW"`, `kind "Nghị quyết"` |
//! | `agency`   | `UBND tỉnh Lào Cai`      | `name "Ủy ban nhân dân tỉnh Lào Cai"`                   |
//! | `assignment` | `giao Bộ Xây dựng chủ trì, ...` | `lead`, `support`, `task`, `deadline`, `assigner` |
//! | `target`   | `phấn đấu ... đạt 8% trở lên` | `metric`, `value {type, value}`, `bound`, `period` or `by` |
//! | `deadline` | `trước ngày 31/12/2025`  | `date` or `period`, `bound "before"`, `task`, `agencies` |
//!
//! ## Parsing single values
//!
//! [`parse_number`], [`parse_money`], [`parse_percent`], [`parse_date`] and
//! [`parse_period`] parse a whole string and return a [`Result`] whose [`Error`]
//! quotes the input and says what was expected.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod document;
mod encoding;
mod error;
pub mod eval;
mod fact;
mod facts;
pub mod graph;
pub mod html;
pub mod input;
mod lexicon;
pub mod normalize;
pub mod outline;
pub mod output;
pub mod segment;
pub mod span;
#[cfg(test)]
mod testing;
pub mod timeline;
mod values;

pub use document::{extract, DocMeta, Document, Extractor};
pub use error::{Error, ErrorKind};
pub use fact::{
    Bound, DateFact, Fact, Grain, Money, MoneyFact, PercentFact, Period, PeriodFact, QuantityFact,
    RuleId,
};
pub use normalize::{fold, normalize, Normalized};
pub use outline::OutlineNode;
pub use segment::{DropReason, Dropped};
pub use span::{OffsetMap, Span};
pub use values::date::parse_date;
pub use values::find_values;
pub use values::money::parse_money;
pub use values::number::parse_number;
pub use values::percent::parse_percent;
pub use values::period::parse_period;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn all_patterns_compile() {
        crate::segment::force_patterns();
    }
}
