//! Byte spans into the normalised text, and the map back to the original input.
//!
//! Every fact carries a [`Span`]: a half-open byte range into
//! [`crate::Document::text`], always on `char` boundaries. The normaliser records
//! what it changed in an [`OffsetMap`], so a span can be mapped back to the bytes
//! of the input it was read from.
//!
//! ```
//! let doc = vanban::extract("Thu\u{a0}ngân sách đạt  trên 4.400 tỷ đồng.");
//! let fact = &doc.facts[0];
//! assert_eq!(&doc.text[fact.span().range()], "trên 4.400 tỷ đồng");
//! let input = "Thu\u{a0}ngân sách đạt  trên 4.400 tỷ đồng.";
//! let original = doc.to_original(fact.span());
//! assert_eq!(&input[original.range()], "trên 4.400 tỷ đồng");
//! assert_eq!(original.start, fact.span().start + 2); // NBSP and the double space
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end`; serialised as `[start, end]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True if `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The span counted in `char`s of `text` instead of bytes (for tools that
    /// index by code point, such as Python). `None` if the span is not on char
    /// boundaries of `text`.
    ///
    /// ```
    /// let s = vanban::Span::new(5, 9); // "Xây"
    /// assert_eq!(s.char_range("Bộ Xây dựng"), Some(3..6));
    /// ```
    pub fn char_range(&self, text: &str) -> Option<Range<usize>> {
        let before = text.get(..self.start)?;
        let inside = text.get(self.start..self.end)?;
        let start = before.chars().count();
        Some(start..start + inside.chars().count())
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Self {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Keeps the items whose spans do not overlap an item kept before them, in the
/// order given (callers sort by priority: longest first, then rule order), and
/// returns them in that order. The one overlap rule of every stage.
///
/// ```
/// use vanban::Span;
/// let items = [Span::new(0, 10), Span::new(5, 8), Span::new(10, 12), Span::new(9, 11)];
/// let kept = vanban::span::keep_disjoint(items.to_vec(), |s| *s);
/// assert_eq!(kept, [Span::new(0, 10), Span::new(10, 12)]);
/// ```
pub fn keep_disjoint<T>(items: Vec<T>, span: impl Fn(&T) -> Span) -> Vec<T> {
    // Kept spans by start; they never overlap, so the one starting last before
    // a candidate's end is the only one that can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        let s = span(&item);
        let clash = taken
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start);
        if !clash {
            taken.insert(s.start, s.end);
            kept.push(item);
        }
    }
    kept
}

/// One stretch of the output and the input it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    out: usize,
    out_end: usize,
    src: usize,
    src_end: usize,
    /// The output bytes equal the input bytes.
    same: bool,
}

/// Maps byte offsets of a transformed text back to the text it was made from.
///
/// Stretches copied unchanged map byte for byte; a replaced stretch maps as a
/// whole (any offset inside it maps to its start, an end inside it to its end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    out_len: usize,
    src_len: usize,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let mut map = OffsetMap::default();
        map.push_same(0, len);
        map
    }

    /// The map of a text that is its input without the first `prefix` bytes
    /// (such as a header line), `len` bytes in all.
    ///
    /// ```
    /// let map = vanban::OffsetMap::skip_prefix(17, 30);
    /// assert_eq!(map.to_original(vanban::Span::new(0, 4)), vanban::Span::new(17, 21));
    /// ```
    pub fn skip_prefix(prefix: usize, len: usize) -> Self {
        let mut map = OffsetMap::default();
        map.push_replaced(0, prefix.min(len), 0);
        map.push_same(prefix.min(len), len);
        map
    }

    /// Appends input bytes `src..src_end` copied unchanged to the output.
    pub(crate) fn push_same(&mut self, src: usize, src_end: usize) {
        if src_end <= src {
            return;
        }
        let len = src_end - src;
        if let Some(last) = self.segments.last_mut() {
            if last.same && last.src_end == src && last.out_end == self.out_len {
                last.out_end += len;
                last.src_end = src_end;
                self.out_len += len;
                self.src_len = self.src_len.max(src_end);
                return;
            }
        }
        self.segments.push(Segment {
            out: self.out_len,
            out_end: self.out_len + len,
            src,
            src_end,
            same: true,
        });
        self.out_len += len;
        self.src_len = self.src_len.max(src_end);
    }

    /// Appends `out_len` output bytes that replace input bytes `src..src_end`
    /// (either may be empty: an insertion or a deletion).
    pub(crate) fn push_replaced(&mut self, src: usize, src_end: usize, out_len: usize) {
        self.segments.push(Segment {
            out: self.out_len,
            out_end: self.out_len + out_len,
            src,
            src_end,
            same: false,
        });
        self.out_len += out_len;
        self.src_len = self.src_len.max(src_end);
    }

    /// Length of the output this map describes.
    pub fn output_len(&self) -> usize {
        self.out_len
    }

    fn segment_at(&self, offset: usize, as_end: bool) -> Option<&Segment> {
        // The segment containing `offset` (as a start: out <= offset < out_end;
        // as an end: out < offset <= out_end), skipping empty insertions.
        let idx = self.segments.partition_point(|s| {
            if as_end {
                s.out_end < offset
            } else {
                s.out_end <= offset
            }
        });
        self.segments[idx.min(self.segments.len().saturating_sub(1))..]
            .iter()
            .find(|s| s.out_end > s.out || s.out == offset)
    }

    /// Maps one output offset to the input (as the start of a range).
    pub fn map_start(&self, offset: usize) -> usize {
        match self.segment_at(offset, false) {
            Some(s) if s.same && offset >= s.out => s.src + (offset - s.out),
            Some(s) => s.src,
            None => self.src_len,
        }
    }

    /// Maps one output offset to the input (as the end of a range).
    pub fn map_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.segments.first().map_or(0, |s| s.src);
        }
        match self.segment_at(offset, true) {
            Some(s) if s.same && offset <= s.out_end => s.src + (offset - s.out),
            Some(s) => s.src_end,
            None => self.src_len,
        }
    }

    /// Maps an output span to the input span it was made from.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        let end = self.map_end(span.end).max(start);
        Span::new(start, end)
    }
}

/// `text` from byte `at`, at most `max` bytes of it (cut back to a char
/// boundary; empty if `at` is past the end or inside a char). Anchored
/// patterns read a position's look-ahead through it: a short haystack keeps
/// the regex engines' work bounded by the match, not by the rest of the text.
pub(crate) fn ahead(text: &str, at: usize, max: usize) -> &str {
    let mut end = at.saturating_add(max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let map = OffsetMap::identity(10);
        assert_eq!(map.to_original(Span::new(2, 7)), Span::new(2, 7));
        assert_eq!(map.to_original(Span::new(0, 10)), Span::new(0, 10));
    }

    #[test]
    fn replaced_stretch_maps_as_a_whole() {
        // input "ab  cd" -> output "ab cd": two spaces replaced by one
        let mut map = OffsetMap::default();
        map.push_same(0, 2);
        map.push_replaced(2, 4, 1);
        map.push_same(4, 6);
        assert_eq!(map.to_original(Span::new(3, 5)), Span::new(4, 6));
        assert_eq!(map.to_original(Span::new(0, 3)), Span::new(0, 4));
        assert_eq!(map.to_original(Span::new(2, 3)), Span::new(2, 4));
        assert_eq!(map.output_len(), 5);
    }

    #[test]
    fn deletions_are_skipped() {
        // input "a\u{200b}b" (1 + 3 + 1 bytes) -> output "ab"
        let mut map = OffsetMap::default();
        map.push_same(0, 1);
        map.push_replaced(1, 4, 0);
        map.push_same(4, 5);
        assert_eq!(map.to_original(Span::new(1, 2)), Span::new(4, 5));
        assert_eq!(map.to_original(Span::new(0, 1)), Span::new(0, 1));
    }

    #[test]
    fn spans_serialise_as_pairs() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(3, 9));
    }
}
