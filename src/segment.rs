//! Blocks of text that are not the document: photo captions, view counters,
//! navigation, bylines, a second copy of the article, teasers after `./.`.
//!
//! Press dumps carry them around the article; facts are not read from them.
//! [`crate::Document::dropped`] lists each range and why it was dropped.
//!
//! | Block                                              | Reason               |
//! |----------------------------------------------------|----------------------|
//! | a paragraph ending `(Ảnh: TTXVN phát)`             | `caption`            |
//! | `Lượt xem: 134`                                    | `view_counter`       |
//! | `Tin khác`, `Thống kê truy cập`, and all after     | `navigation`         |
//! | `1 2 3 4 5 ...`                                    | `navigation`         |
//! | `P.V`, `PV` alone on a line                        | `byline`             |
//! | a long paragraph seen before                       | `duplicate`          |
//! | everything after a paragraph that ends in `./.`    | `after_closing_mark` |
//!
//! ```
//! let doc = vanban::extract("Thu ngân sách đạt 100 tỷ đồng./.\n\nTin khác: Hà Nội chi 5 tỷ đồng");
//! assert_eq!(doc.facts.len(), 1);
//! assert_eq!(doc.dropped[0].reason, vanban::DropReason::AfterClosingMark);
//! ```

use std::collections::HashSet;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Why a block was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// A photo caption.
    Caption,
    /// A view counter.
    ViewCounter,
    /// Site navigation, pagers, visit statistics, related-article lists.
    Navigation,
    /// An author's initials at the end.
    Byline,
    /// A second copy of a paragraph.
    Duplicate,
    /// Text after the closing mark `./.`.
    AfterClosingMark,
}

/// A dropped range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    /// The range.
    pub span: Span,
    /// Why.
    pub reason: DropReason,
}

static CAPTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\(\s*(?:ảnh|nguồn ảnh|ảnh minh họa)\s*[:.]?[^()]*\)\s*\.?\s*$|^ảnh\s*(?:minh họa)?\s*:)")
        .expect("caption pattern compiles")
});
static COUNTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:lượt xem|lượt đọc|số lượt xem|lượt truy cập)\s*:?\s*[\d.]+$")
        .expect("counter pattern compiles")
});
static PAGER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\d{1,3}\s+){2,}\d{0,3}\s*(?:\.\.\.)?\s*$").expect("pager compiles")
});
static BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\(?(?:(?:[A-ZĐ]{1,3}\.){1,3}[A-ZĐ]{1,4}\.?|[A-ZĐ]{2,6})\)?$")
        .expect("byline pattern compiles")
});

/// Lines that open the site's navigation: everything from them on is dropped.
const NAVIGATION: &[&str] = &[
    "tin khác",
    "các tin khác",
    "tin liên quan",
    "bài viết liên quan",
    "tin cùng chuyên mục",
    "tin mới",
    "tin mới nhất",
    "tin đọc nhiều",
    "xem thêm",
    "thống kê truy cập",
    "đang truy cập",
    "chia sẻ",
];

/// Lines at most this long (bytes) are checked for navigation, counters and pagers.
const SHORT_LINE: usize = 80;

/// Paragraphs at least this long (bytes) count as copies when repeated.
const DUPLICATE_MIN: usize = 60;

#[cfg(test)]
pub(crate) fn force_patterns() {
    Lazy::force(&CAPTION);
    Lazy::force(&COUNTER);
    Lazy::force(&PAGER);
    Lazy::force(&BYLINE);
}

/// The words of normalised text: the stretches between spaces and line
/// breaks, its only white space. (`split_whitespace` gives the same words
/// there, decoding every char to test it.)
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let separator = |b: &u8| matches!(b, b' ' | b'\n');
    let mut at = 0;
    std::iter::from_fn(move || {
        at += bytes.get(at..)?.iter().position(|b| !separator(b))?;
        let len = bytes[at..]
            .iter()
            .position(separator)
            .unwrap_or(bytes.len() - at);
        at += len;
        text.get(at - len..at)
    })
}

/// `words` joined by single spaces, in a string made for `capacity` bytes.
pub(crate) fn join_words<'a>(words: impl Iterator<Item = &'a str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lines of `text` with their byte ranges (without the `\n`).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut at = 0;
    text.split('\n').map(move |line| {
        let span = Span::new(at, at + line.len());
        at += line.len() + 1;
        (span, line)
    })
}

/// Splits `text` into clauses: at line breaks, `;`, and `.`, `!`, `?` followed
/// by a space or the end (so `4.400`, `31.8.2025` and `./.` do not split).
/// Returns the clause spans in order, trimmed of surrounding spaces, none empty.
pub(crate) fn clauses(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if from + lead < to - trail {
            out.push(Span::new(from + lead, to - trail));
        }
    };
    // Candidate split bytes found with a vectorised class search.
    static SPLITS: Lazy<regex::bytes::Regex> =
        Lazy::new(|| regex::bytes::Regex::new(r"[\n;.!?]").expect("class compiles"));
    for m in SPLITS.find_iter(bytes) {
        let (i, b) = (m.start(), bytes[m.start()]);
        let split = match b {
            b'\n' | b';' => true,
            b'.' | b'!' | b'?' => {
                let next = bytes.get(i + 1).copied();
                let closing_mark = i > 0 && bytes[i - 1] == b'/';
                !closing_mark && matches!(next, None | Some(b' ' | b'\n'))
            }
            _ => false,
        };
        if split {
            push(start, i, &mut out);
            start = i + 1;
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// The clause of `clauses` that contains byte `at`, if any.
pub(crate) fn clause_at(clauses: &[Span], at: usize) -> Option<Span> {
    let i = clauses.partition_point(|c| c.end <= at);
    clauses.get(i).copied().filter(|c| c.start <= at)
}

/// Finds the blocks of `text` that are not the document, in order.
pub fn dropped_blocks(text: &str) -> Vec<Dropped> {
    let mut out: Vec<Dropped> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let push = |out: &mut Vec<Dropped>, span: Span, reason: DropReason| {
        if span.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.reason == reason && last.span.end + 1 >= span.start => {
                last.span.end = span.end;
            }
            _ => out.push(Dropped { span, reason }),
        }
    };
    for (span, line) in lines(text) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        // Navigation, counters and pagers are short lines; captions name `ảnh`.
        let short = trimmed.len() <= SHORT_LINE;
        if short {
            let lower = crate::normalize::lower_same_len(trimmed);
            let bare = lower
                .trim_end_matches([':', '.', ' '])
                .trim_start_matches(['•', '-', ' ']);
            if NAVIGATION
                .iter()
                .any(|n| bare == *n || bare.strip_prefix(n).is_some_and(|r| r.starts_with(':')))
            {
                push(
                    &mut out,
                    Span::new(span.start, text.len()),
                    DropReason::Navigation,
                );
                break;
            }
        }
        let photo = ["ảnh", "Ảnh", "ẢNH"].iter().any(|w| trimmed.contains(w));
        let reason = if short && COUNTER.is_match(trimmed) {
            Some(DropReason::ViewCounter)
        } else if photo && CAPTION.is_match(trimmed) {
            Some(DropReason::Caption)
        } else if short && PAGER.is_match(trimmed) {
            Some(DropReason::Navigation)
        } else if trimmed.len() <= 12 && BYLINE.is_match(trimmed) {
            Some(DropReason::Byline)
        } else if trimmed.len() >= DUPLICATE_MIN && !seen.insert(trimmed) {
            Some(DropReason::Duplicate)
        } else {
            None
        };
        if let Some(r) = reason {
            push(&mut out, span, r);
            continue;
        }
        if trimmed.ends_with("./.") && span.end < text.len() {
            let rest = Span::new(span.end, text.len());
            if !text[rest.range()].trim().is_empty() {
                push(&mut out, rest, DropReason::AfterClosingMark);
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_normalised_text_are_its_whitespace_separated_words() {
        for input in [
            "",
            "  ",
            "Sở Tài chính\u{a0}chủ trì,\tphối hợp\r\n\r\n\r\nvới  các sở ",
            "một\n\nhai ba\u{2003}bốn\u{3000}năm",
        ] {
            let text = crate::normalize(input);
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(&text).collect::<Vec<_>>(), want, "{input:?}");
        }
    }

    fn reasons(text: &str) -> Vec<(String, DropReason)> {
        dropped_blocks(text)
            .into_iter()
            .map(|d| (text[d.span.range()].to_string(), d.reason))
            .collect()
    }

    #[test]
    fn captions_counters_bylines() {
        let text = "Tiêu đề\nLượt xem: 134\nÔng A phát biểu. (Ảnh: TTXVN phát)\nNội dung.\nP.V";
        assert_eq!(
            reasons(text),
            vec![
                ("Lượt xem: 134".into(), DropReason::ViewCounter),
                (
                    "Ông A phát biểu. (Ảnh: TTXVN phát)".into(),
                    DropReason::Caption
                ),
                ("P.V".into(), DropReason::Byline),
            ]
        );
    }

    #[test]
    fn navigation_drops_the_rest() {
        let text = "Nội dung.\n\nTin khác\nBài 1\nBài 2";
        assert_eq!(
            reasons(text),
            vec![("Tin khác\nBài 1\nBài 2".into(), DropReason::Navigation)]
        );
        assert_eq!(
            reasons("A\n1 2 3 4 5 ...\nB"),
            vec![("1 2 3 4 5 ...".into(), DropReason::Navigation)]
        );
    }

    #[test]
    fn closing_mark_and_duplicates() {
        let para = "Đây là một đoạn văn đủ dài để được coi là bản sao khi lặp lại nguyên văn.";
        let text = format!("{para}\n\n{para}\n\nKết thúc./.\n\nTeaser bài khác");
        assert_eq!(
            reasons(&text),
            vec![
                (para.to_string(), DropReason::Duplicate),
                ("\n\nTeaser bài khác".into(), DropReason::AfterClosingMark),
            ]
        );
    }

    #[test]
    fn clauses_split_at_sentence_ends_not_in_numbers() {
        let text = "Thu 4.400 tỷ đồng; chi 31.8.2025. Hết!\nDòng ./. cuối";
        let got: Vec<&str> = clauses(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            got,
            ["Thu 4.400 tỷ đồng", "chi 31.8.2025", "Hết", "Dòng ./. cuối"]
        );
        let spans = clauses(text);
        assert_eq!(clause_at(&spans, 2), Some(spans[0]));
        assert_eq!(clause_at(&spans, text.len() + 5), None);
    }

    #[test]
    fn ordinary_text_is_kept() {
        assert!(reasons("1. Đẩy mạnh giải ngân.\na) Sở Tài chính:\n- Chủ trì.").is_empty());
    }
}
