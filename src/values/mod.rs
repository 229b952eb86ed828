//! Value facts: money, percentages, quantities, dates and periods.
//!
//! Each family is a module with its rules and an examples file beside it
//! (`money.rs` + `money.examples.toml`). All rules run on the lowercased
//! normalised text (same offsets as the text), and each candidate records its rule
//! id. Overlaps between candidates of all families are settled once, in
//! [`resolve`]: the longest candidate wins, then the family listed first in
//! [`Family`].

use std::collections::HashSet;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::{CaptureLocations, Regex};

use crate::fact::{Bound, Fact};
use crate::Span;

pub(crate) mod date;
pub(crate) mod money;
pub(crate) mod number;
pub(crate) mod percent;
pub(crate) mod period;
pub(crate) mod quantity;

/// The text a rule reads: the normalised text, its lowercase twin, the anchor.
#[derive(Debug, Clone)]
pub(crate) struct Source<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    /// The document date: supplies the year of `24/8` and `tháng 10`.
    pub anchor: Option<NaiveDate>,
    /// The runs of ASCII digits, made once.
    digit_runs: once_cell::unsync::OnceCell<Vec<Span>>,
    /// The stretches around digits (see [`Source::digit_windows`]), made once.
    digits: once_cell::unsync::OnceCell<Vec<Span>>,
}

/// How far a spelled-out figure reaches before its unit word (bytes):
/// `không trên bảy trăm hai mươi mốt nghìn không trăm mười hai đồng`.
pub(crate) const WORD_FIGURE_REACH: usize = 160;

/// How far a match of a digit-bearing pattern reaches before its first digit
/// and after its last (bytes): `giai đoạn từ năm 2021`, `8 tháng đầu năm`.
const DIGIT_REACH: usize = 64;

impl<'a> Source<'a> {
    pub(crate) fn new(text: &'a str, lower: &'a str, anchor: Option<NaiveDate>) -> Self {
        Source {
            text,
            lower,
            anchor,
            digit_runs: once_cell::unsync::OnceCell::new(),
            digits: once_cell::unsync::OnceCell::new(),
        }
    }

    /// The stretches of the text within [`DIGIT_REACH`] bytes of an ASCII
    /// digit, merged: every match of a pattern that needs a digit lies in one.
    /// Most of a document's text is outside them, and scanning only them is
    /// the largest saving of the value rules.
    pub(crate) fn digit_windows(&self) -> &[Span] {
        self.digits
            .get_or_init(|| self.digit_run_windows(|_| true, DIGIT_REACH, DIGIT_REACH))
    }

    /// The stretches from `before` bytes before to `after` bytes after each
    /// run of digits that `keep` accepts, merged: for a pattern that holds
    /// such a run and reaches that far around it.
    pub(crate) fn digit_run_windows(
        &self,
        keep: impl Fn(Span) -> bool,
        before: usize,
        after: usize,
    ) -> Vec<Span> {
        let runs = self.digit_runs().iter().filter(|r| keep(**r));
        windows(self.lower, runs.map(|r| (r.start, r.end)), before, after)
    }

    /// The runs of ASCII digits of the text, in order.
    pub(crate) fn digit_runs(&self) -> &[Span] {
        self.digit_runs.get_or_init(|| {
            let bytes = self.lower.as_bytes();
            let mut runs: Vec<Span> = Vec::new();
            let mut at = 0;
            while let Some(start) = next_digit(bytes, at) {
                let len = bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .unwrap_or(bytes.len() - start);
                runs.push(Span::new(start, start + len));
                at = start + len;
            }
            runs
        })
    }

    /// The stretches around each match of `marks` (a literal alternation of
    /// unit words: `đồng`, `%`) that follows a figure, digits or spelled out
    /// (`4.400 tỷ đồng`, `hai trăm nghìn đồng`, `58,5%`, not `đồng thời`):
    /// from where the figure may start ([`Source::figure_start`]) to `after`
    /// bytes after the mark. Patterns that end in such a word only need these.
    pub(crate) fn figure_windows(
        &self,
        marks: &Regex,
        is_unit: impl Fn(&str) -> bool,
        after: usize,
    ) -> Vec<Span> {
        let spans = marks
            .find_iter(self.lower)
            .filter(|m| self.figure_before(m.start()))
            .map(|m| {
                let end = (m.end() + after).min(self.lower.len());
                Span::new(self.figure_start(m.start(), &is_unit), end)
            })
            .collect();
        merge(self.lower, spans)
    }

    /// The earliest start of a figure that ends at `at`, with its bound and
    /// range (`không quá 2 - 3 tỷ`, `từ 2 tỷ đồng đến`): back over the words
    /// such figures are written with (digits, number, scale, bound and range
    /// words, `is_unit` words), at most [`WORD_FIGURE_REACH`] bytes. A match
    /// that starts earlier would hold some other word.
    pub(crate) fn figure_start(&self, at: usize, is_unit: &impl Fn(&str) -> bool) -> usize {
        let floor = at.saturating_sub(WORD_FIGURE_REACH);
        let mut start = at;
        loop {
            let head = self.lower.get(..start).unwrap_or("");
            let head = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '%'));
            let token_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !(crate::normalize::is_word_char(c) || matches!(c, '.' | ',')))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let token = &head[token_start..];
            let figure_word =
                number::is_digits(token) || FIGURE_WORDS.contains(token) || is_unit(token);
            if token.is_empty() || !figure_word || token_start < floor {
                return start;
            }
            start = token_start;
        }
    }

    /// True if the word before `at` ends a figure: it ends in a digit or is
    /// a number word.
    pub(crate) fn figure_before(&self, at: usize) -> bool {
        let word = self.word_before(at);
        word.ends_with(|c: char| c.is_ascii_digit()) || number::is_number_word(word)
    }

    /// The slice of the normalised text at `span`, or "" if it is not on char
    /// boundaries (which the rules never produce).
    pub(crate) fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The char before byte `at`.
    pub(crate) fn char_before(&self, at: usize) -> Option<char> {
        self.lower.get(..at)?.chars().next_back()
    }

    /// The char at byte `at`.
    pub(crate) fn char_at(&self, at: usize) -> Option<char> {
        self.lower.get(at..)?.chars().next()
    }

    /// The word before byte `at` (lowercase), skipping spaces and commas.
    pub(crate) fn word_before(&self, at: usize) -> &'a str {
        let head = self.lower.get(..at).unwrap_or("");
        let head = head.trim_end_matches([' ', ',']);
        let start = head
            .char_indices()
            .rev()
            .find(|(_, c)| !crate::normalize::is_word_char(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        &head[start..]
    }

    /// The word after byte `at` (lowercase), skipping spaces.
    pub(crate) fn word_after(&self, at: usize) -> &'a str {
        let tail = self.lower.get(at..).unwrap_or("").trim_start_matches(' ');
        let end = tail
            .char_indices()
            .find(|(_, c)| !crate::normalize::is_word_char(*c))
            .map_or(tail.len(), |(i, _)| i);
        &tail[..end]
    }

    /// True if `start..end` neither starts nor ends inside a word: an
    /// alphanumeric first (last) char has no alphanumeric char before (after) it.
    pub(crate) fn on_word_boundaries(&self, start: usize, end: usize) -> bool {
        let inner = self.lower.get(start..end).unwrap_or("");
        let word = |c: Option<char>| c.is_some_and(crate::normalize::is_word_char);
        !(word(inner.chars().next()) && word(self.char_before(start))
            || word(inner.chars().next_back()) && word(self.char_at(end)))
    }

    /// True if a number may start at `at`: not glued to a letter, digit or a
    /// symbol part before it (`QH15`, `154/2025`, `1.5`).
    pub(crate) fn number_starts_clean(&self, at: usize) -> bool {
        match self.char_before(at) {
            None => true,
            Some(c) => !(crate::normalize::is_word_char(c) || matches!(c, '/' | '.' | ',' | '_')),
        }
    }

    /// True if a value may end at `at`: not glued to a letter or digit after it,
    /// nor continued as a symbol (`/2025`, `/NĐ-CP`).
    pub(crate) fn ends_clean(&self, at: usize) -> bool {
        match self.char_at(at) {
            None => true,
            Some(c) if crate::normalize::is_word_char(c) || c == '/' => false,
            Some('.' | ',') => !self
                .lower
                .get(at + 1..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_ascii_digit()),
            Some(_) => true,
        }
    }
}

/// The first ASCII digit of `bytes` at or after `from`. Eight bytes at a
/// time: digits are rare in running text, and the word test below skips a
/// digit-free stretch in a few instructions.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8])) ^ ZEROS;
        // A digit's byte is now below 10; this is non-zero if any byte is
        // (bytes of 0x80 and above, which `^` leaves there, never count).
        if word.wrapping_sub(ONES * 10) & !word & HIGHS != 0 {
            if let Some(i) = chunk.iter().position(u8::is_ascii_digit) {
                return Some(at + i);
            }
        }
        at += 8;
    }
    let tail = chunks.remainder();
    tail.iter().position(u8::is_ascii_digit).map(|i| at + i)
}

/// The merged stretches `before` bytes before and `after` bytes after each
/// `(start, end)` of `hits` (sorted by start), on char boundaries.
fn windows(
    text: &str,
    hits: impl Iterator<Item = (usize, usize)>,
    before: usize,
    after: usize,
) -> Vec<Span> {
    let spans = hits
        .map(|(s, e)| Span::new(s.saturating_sub(before), (e + after).min(text.len())))
        .collect();
    merge(text, spans)
}

/// Sorts and merges overlapping or touching spans, widened to char boundaries.
fn merge(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for mut s in spans {
        while !text.is_char_boundary(s.start) {
            s.start -= 1;
        }
        while !text.is_char_boundary(s.end) {
            s.end += 1;
        }
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// One group of a match: its byte range in the haystack and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn as_str(&self) -> &'t str {
        self.text
    }
}

/// Named groups of a match, from a scan ([`Caps`]) or from `regex::Captures`.
pub(crate) trait Groups<'t> {
    /// The group named `name`, if it took part in the match.
    fn group(&self, name: &str) -> Option<Group<'t>>;
}

impl<'t> Groups<'t> for Caps<'t, '_> {
    fn group(&self, name: &str) -> Option<Group<'t>> {
        self.name(name)
    }
}

impl<'t> Groups<'t> for regex::Captures<'t> {
    fn group(&self, name: &str) -> Option<Group<'t>> {
        self.name(name).map(|m| Group {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        })
    }
}

/// The groups of one match, read from capture slots that a scan reuses for
/// every match (a `regex::Captures` per match costs an allocation).
pub(crate) struct Caps<'t, 'a> {
    hay: &'t str,
    re: &'a Regex,
    locs: &'a CaptureLocations,
}

impl<'t> Caps<'t, '_> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<Group<'t>> {
        let (start, end) = self.locs.get(i)?;
        Some(Group {
            text: self.hay.get(start..end).unwrap_or(""),
            start,
            end,
        })
    }

    /// The group named `name`, if it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Group<'t>> {
        let i = self.re.capture_names().position(|n| n == Some(name))?;
        self.get(i)
    }
}

/// Scans `re` over the lowercase text, asking `accept` about each match. A
/// rejected match does not hide the matches that overlap it: the scan resumes
/// one char after its start.
///
/// A match must not start or end inside a word (the `\b` of the patterns is
/// checked here: Unicode word boundaries in a pattern would keep the regex
/// crate off its fast DFA on Vietnamese text).
pub(crate) fn scan<'t>(
    re: &Regex,
    src: &Source<'t>,
    mut accept: impl FnMut(&Caps<'t, '_>) -> Option<Fact>,
    out: &mut Vec<Fact>,
) {
    scan_with(re, src, |caps| match accept(caps) {
        Some(fact) => {
            out.push(fact);
            true
        }
        None => false,
    });
}

/// [`scan`] for rules that keep their own results: `accept` says whether it
/// took the match (the scan then resumes after it).
pub(crate) fn scan_with<'t>(
    re: &Regex,
    src: &Source<'t>,
    accept: impl FnMut(&Caps<'t, '_>) -> bool,
) {
    scan_windows(re, src, &[Span::new(0, src.lower.len())], accept);
}

/// [`scan`] over the stretches `windows` only (for patterns whose every match
/// lies in one, such as those that need a digit).
pub(crate) fn scan_in<'t>(
    re: &Regex,
    src: &Source<'t>,
    windows: &[Span],
    mut accept: impl FnMut(&Caps<'t, '_>) -> Option<Fact>,
    out: &mut Vec<Fact>,
) {
    scan_windows(re, src, windows, |caps| match accept(caps) {
        Some(fact) => {
            out.push(fact);
            true
        }
        None => false,
    });
}

/// [`scan_with`] over the stretches `windows` only (the text before each
/// stays visible to the pattern; matches end inside it).
pub(crate) fn scan_windows<'t>(
    re: &Regex,
    src: &Source<'t>,
    windows: &[Span],
    mut accept: impl FnMut(&Caps<'t, '_>) -> bool,
) {
    let mut locs = re.capture_locations();
    for window in windows {
        let hay = src.lower.get(..window.end).unwrap_or(src.lower);
        let mut pos = window.start;
        while pos <= hay.len() {
            let Some(whole) = re.captures_read_at(&mut locs, hay, pos) else {
                break;
            };
            let caps = Caps {
                hay,
                re,
                locs: &locs,
            };
            let taken = src.on_word_boundaries(whole.start(), whole.end()) && accept(&caps);
            pos = if taken && whole.end() > whole.start() {
                whole.end()
            } else {
                next_start(hay, next_char(hay, whole.start()))
            };
        }
    }
}

/// The first offset at or after `at` where a match may start: not between two
/// word chars (such a match is always rejected), so a rejected match inside a
/// number or word (`31.307,4`) is not retried at each of its chars.
fn next_start(s: &str, mut at: usize) -> usize {
    let word = |c: Option<char>| c.is_some_and(crate::normalize::is_word_char);
    while at < s.len()
        && word(s.get(at..).and_then(|t| t.chars().next()))
        && word(s.get(..at).and_then(|t| t.chars().next_back()))
    {
        at = next_char(s, at);
    }
    at
}

fn next_char(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|t| t.chars().next())
        .map_or(s.len() + 1, |c| at + c.len_utf8())
}

/// The words of a figure, its bound and range besides digits and units:
/// number and scale words, the bound words before a figure, `đến`, `tới`.
static FIGURE_WORDS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    [number::WORD, number::SCALE, BOUND_BEFORE, "đến|tới"]
        .iter()
        .flat_map(|f| f.split('|'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Regex fragment: bound words before a figure, lowercase, longest first.
pub(crate) const BOUND_BEFORE: &str = "không vượt quá|không ít hơn|không dưới|không quá|chưa đến|chưa tới|tối thiểu|tối đa|ít nhất|xấp xỉ|khoảng|chừng|trên|hơn|vượt|gần|dưới|từ";

/// Regex fragment: bound words after a figure.
pub(crate) const BOUND_AFTER: &str = r"\s*trở lên|\s*trở xuống";

/// The bound stated by the words before and after a figure.
pub(crate) fn bound(before: Option<&str>, after: Option<&str>, is_range: bool) -> Bound {
    if is_range {
        return Bound::Range;
    }
    if let Some(a) = after {
        if a.contains("lên") {
            return Bound::AtLeast;
        }
        if a.contains("xuống") {
            return Bound::AtMost;
        }
    }
    match before.unwrap_or("") {
        "khoảng" | "xấp xỉ" | "chừng" => Bound::Approx,
        "gần" => Bound::Nearly,
        "trên" | "hơn" | "vượt" => Bound::Over,
        "dưới" | "chưa đến" | "chưa tới" => Bound::Under,
        "tối thiểu" | "ít nhất" | "không dưới" | "không ít hơn" => Bound::AtLeast,
        "tối đa" | "không quá" | "không vượt quá" => Bound::AtMost,
        _ => Bound::Exact,
    }
}

/// What a figure match says beyond its first number: the upper end of a range
/// (`max` is its number and scale words; it must exceed `value`), the bound
/// (groups `b` before and `a` after), and the span the figure covers.
pub(crate) struct Figure {
    pub value_max: Option<rust_decimal::Decimal>,
    pub bound: Bound,
    pub span: Span,
}

/// Reads a figure match's range, bound and span (see [`Figure`]); `None` when
/// a range does not rise (`2025 - 8%` is not a range).
pub(crate) fn figure(
    caps: &Caps<'_, '_>,
    value: rust_decimal::Decimal,
    max: Option<(&str, &str)>,
) -> Option<Figure> {
    let value_max = match max {
        Some((number, scales)) => {
            let max = number::parse_amount(number, scales)?;
            if max <= value {
                return None;
            }
            Some(max)
        }
        None => None,
    };
    let before = caps.name("b").map(|m| m.as_str());
    let after = caps.name("a").map(|m| m.as_str());
    let bound = bound(before, after, value_max.is_some());
    let span = figure_span(caps, "b", bound != Bound::Exact || before != Some("từ"));
    Some(Figure {
        value_max,
        bound,
        span,
    })
}

/// The span a match covers, dropping the leading bound word `từ` when the figure
/// turned out not to be a range (`tăng từ 5%` is just `5%`).
pub(crate) fn figure_span(caps: &Caps<'_, '_>, bound_group: &str, keep_bound: bool) -> Span {
    let whole = caps.get(0).expect("group 0 always exists");
    let start = match caps.name(bound_group) {
        Some(b) if !keep_bound => {
            let after = &whole.as_str()[b.end() - whole.start()..];
            b.end() + (after.len() - after.trim_start().len())
        }
        _ => whole.start(),
    };
    Span::new(start, whole.end())
}

/// Families in priority order, for ties in [`resolve`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Family {
    Date,
    Period,
    Money,
    Percent,
    Quantity,
}

fn family(f: &Fact) -> Family {
    match f {
        Fact::Date(_) => Family::Date,
        Fact::Period(_) => Family::Period,
        Fact::Money(_) => Family::Money,
        Fact::Percent(_) => Family::Percent,
        _ => Family::Quantity,
    }
}

/// Settles overlaps: the longest candidate wins, then the family listed first in
/// [`Family`], then the earlier one. Returns the kept facts sorted by start.
pub(crate) fn resolve(mut candidates: Vec<Fact>) -> Vec<Fact> {
    candidates.sort_by(|a, b| {
        let (sa, sb) = (a.span(), b.span());
        sb.len()
            .cmp(&sa.len())
            .then(family(a).cmp(&family(b)))
            .then(sa.start.cmp(&sb.start))
    });
    let mut kept = crate::span::keep_disjoint(candidates, Fact::span);
    kept.sort_by_key(|f| (f.span().start, f.span().end));
    kept
}

/// Finds the value facts (money, percent, quantity, date, period) of an
/// already normalised text, overlaps settled, sorted by start: the value stage
/// of [`crate::Extractor::extract`] on its own (no dropped blocks, no named facts).
///
/// ```
/// let n = vanban::Normalized::new("quý II/2026 đạt 8%");
/// let facts = vanban::find_values(&n, None);
/// assert_eq!(facts.len(), 2);
/// ```
pub fn find_values(text: &crate::Normalized, anchor: Option<NaiveDate>) -> Vec<Fact> {
    find_all(&Source::new(&text.text, &text.lower, anchor))
}

/// Finds every value fact in the text, overlaps settled.
pub(crate) fn find_all(src: &Source<'_>) -> Vec<Fact> {
    let mut out = Vec::new();
    date::find(src, &mut out);
    period::find(src, &mut out);
    money::find(src, &mut out);
    percent::find(src, &mut out);
    quantity::find(src, &mut out);
    resolve(out)
}

/// Runs one family's `find` over a whole string and returns its single fact,
/// which must cover the whole (trimmed) input: the core of the `parse_*` functions.
pub(crate) fn parse_whole(
    input: &str,
    expected: &str,
    find: fn(&Source<'_>, &mut Vec<Fact>),
) -> Result<Fact, crate::Error> {
    parse_whole_at(input, expected, None, find)
}

/// [`parse_whole`] with an anchor date for year-less input.
pub(crate) fn parse_whole_at(
    input: &str,
    expected: &str,
    anchor: Option<NaiveDate>,
    find: fn(&Source<'_>, &mut Vec<Fact>),
) -> Result<Fact, crate::Error> {
    let text = crate::normalize(input);
    if text.is_empty() {
        return Err(crate::Error::empty(expected));
    }
    let lower = crate::normalize::lower_same_len(&text);
    let src = Source::new(&text, &lower, anchor);
    let mut found = Vec::new();
    find(&src, &mut found);
    let found = resolve(found);
    match found.as_slice() {
        [one] if one.span() == Span::new(0, text.len()) => Ok(one.clone()),
        _ => Err(crate::Error::syntax(input, expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_starts_where_its_words_stop() {
        let currency = |w: &str| matches!(w, "đồng" | "usd");
        // (text, the text from where the figure before its last unit starts)
        let cases = [
            ("năm 2025 đạt 3.000 tỷ đồng", "3.000 tỷ đồng"),
            (
                "thu không quá hai trăm nghìn đồng",
                "không quá hai trăm nghìn đồng",
            ),
            (
                "vốn từ 2 tỷ đồng đến 3 tỷ đồng",
                "từ 2 tỷ đồng đến 3 tỷ đồng",
            ),
            ("tăng 5%-7% so với", "5%-7% so với"),
            ("(30 triệu usd)", "30 triệu usd)"),
            ("đồng", "đồng"),
        ];
        for (text, want) in cases {
            let src = Source::new(text, text, None);
            let unit = text.rfind(['%', 'đ', 'u']).unwrap();
            let start = src.figure_start(unit, &currency);
            assert_eq!(&text[start..], want, "{text:?}");
        }
    }

    #[test]
    fn next_digit_finds_every_digit() {
        // Every byte value at every offset of a chunk, among letters and
        // multi-byte chars that must not count.
        let filler = "ngày tháng năm ĐỒNG /:-";
        for b in 0u8..=255 {
            for pad in 0..20 {
                let mut bytes: Vec<u8> = filler.bytes().cycle().take(pad).collect();
                bytes.push(b);
                bytes.extend(filler.bytes());
                let naive = |from: usize| {
                    bytes
                        .iter()
                        .enumerate()
                        .skip(from)
                        .find(|(_, c)| c.is_ascii_digit())
                        .map(|(i, _)| i)
                };
                for from in [0, pad, pad + 1] {
                    assert_eq!(next_digit(&bytes, from), naive(from), "{b} {pad} {from}");
                }
            }
        }
    }

    #[test]
    fn all_patterns_compile() {
        money::force_patterns();
        percent::force_patterns();
        quantity::force_patterns();
        date::force_patterns();
        period::force_patterns();
    }

    #[test]
    fn longest_candidate_wins() {
        let text = "8 tháng đầu năm 2025";
        let lower = text.to_string();
        let src = Source::new(text, &lower, None);
        let found = find_all(&src);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text(), text);
    }
}
