//! Text normalisation: one spelling for one text, with a map back to the input.
//!
//! | Input                                  | Output                      |
//! |----------------------------------------|-----------------------------|
//! | decomposed (NFD) `Ủy`                  | precomposed (NFC) `Ủy`      |
//! | `hoà`, `thuỷ`, `Uỷ ban`, `Tỉnh uỷ`     | `hòa`, `thủy`, `Ủy ban`, `Tỉnh ủy` |
//! | `baỏ`, `lựơng`, `nghịêm`               | `bảo`, `lượng`, `nghiệm`    |
//! | NBSP, tab, runs of spaces              | one space                   |
//! | zero-width characters, soft hyphens    | removed                     |
//! | CR, CRLF                               | LF; blank lines kept as one |
//! | `–`, `—`, `−`; `“ ”`, `‘ ’`            | `-`; `"`, `'`               |
//! | `Ð` (U+00D0), `ð`                      | `Đ`, `đ`                    |
//!
//! Tone marks of the open syllables `oa`, `oe`, `uy` go on the first vowel, as
//! current official documents write them; a mark typed on the wrong vowel of any
//! syllable is moved to the vowel that carries it. Words that are not Vietnamese
//! syllables (`café`, `José`) only get NFC.
//!
//! For the rules, [`Normalized`] also keeps two twins of the text: a lowercase
//! one with the same offsets, and a folded one (lowercase, no diacritics, one
//! char per char) with the way back to those offsets, made together in one
//! pass over the text.
//!
//! ```
//! assert_eq!(vanban::normalize("Tỉnh uỷ  Lào\u{a0}Cai"), "Tỉnh ủy Lào Cai");
//! assert_eq!(vanban::normalize("hoà bình, thuở, hoàn thành, quý"), "hòa bình, thuở, hoàn thành, quý");
//! assert_eq!(vanban::fold("Bộ Tài chính"), "bo tai chinh");
//! ```
//!
//! # Not handled
//! - Legacy 8-bit encodings (TCVN3, VNI) and VIQR: decode them before normalising.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::span::{OffsetMap, Span};

/// Normalised text with its map back to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `text` with every letter lowercased where that keeps its byte length, so
    /// offsets into one are offsets into the other.
    pub(crate) lower: String,
    /// `lower` folded (no diacritics), with the way back to its offsets.
    pub(crate) folded: Folded,
    /// Normalised offsets to input offsets.
    pub map: OffsetMap,
}

impl Normalized {
    /// Normalises `input`, keeping the map back to it.
    pub fn new(input: &str) -> Self {
        let (text, map) = read(input);
        let (lower, folded) = lower_and_fold(&text);
        Normalized {
            text,
            lower,
            folded,
            map,
        }
    }
}

/// Normalises `input`: the text and its map back to the input.
fn read(input: &str) -> (String, OffsetMap) {
    let mut b = Builder::with_capacity(input.len());
    let split = &TABLES.split;
    let mut chars = input.char_indices().peekable();
    // The word being read: its start and what its letters tell so far.
    let mut word_start: Option<usize> = None;
    let mut read = Syllable::default();
    // Most of a text stays as it is: words with nothing to move, ASCII
    // digits and punctuation, single spaces between them. Such a stretch
    // is read here and given to the builder in one piece when something
    // else comes.
    let mut plain_from: Option<usize> = None;
    let mut after_content = false;
    while let Some((i, c)) = chars.next() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                word_start.get_or_insert(i);
                read.push_ascii(c);
                continue;
            }
        } else {
            let known = split.get(c as usize).copied().flatten();
            if known.is_some() || c.is_alphabetic() || is_combining_mark(c) {
                word_start.get_or_insert(i);
                read.push(known);
                continue;
            }
        }
        if let Some(ws) = word_start.take() {
            if read.settled() {
                plain_from.get_or_insert(ws);
            } else {
                if let Some(from) = plain_from.take() {
                    b.same(input, from, ws);
                }
                b.word(input, ws, i);
            }
            read = Syllable::default();
            after_content = true;
        }
        let plain = if c == ' ' {
            after_content
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| matches!(classify(n), Class::Other))
        } else {
            c.is_ascii_graphic()
        };
        after_content = plain && c != ' ';
        if plain {
            plain_from.get_or_insert(i);
            continue;
        }
        if let Some(from) = plain_from.take() {
            b.same(input, from, i);
        }
        let next = i + c.len_utf8();
        match classify(c) {
            Class::Newline => {
                if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                }
                b.newline(i);
            }
            Class::Space => b.space(i, c == ' '),
            Class::Invisible => b.delete(input, i, next),
            Class::Other => {
                after_content = true;
                match replacement(c) {
                    Some(r) => b.replaced(input, i, next, r),
                    None => b.same(input, i, next),
                }
            }
        }
    }
    if let Some(ws) = word_start {
        if read.settled() {
            plain_from.get_or_insert(ws);
        } else {
            if let Some(from) = plain_from.take() {
                b.same(input, from, ws);
            }
            b.word(input, ws, input.len());
        }
    }
    if let Some(from) = plain_from {
        b.same(input, from, input.len());
    }
    b.finish(input)
}

/// What the letters of a word read so far tell about it: enough to settle
/// most words without reading them again.
#[derive(Default)]
struct Syllable {
    /// Letters read.
    len: usize,
    tones: usize,
    /// Index of the last letter with a tone mark.
    toned_at: usize,
    vowels: usize,
    /// Index of the last vowel with a vowel mark (`ơ`, `Â`).
    last_marked: Option<usize>,
    /// A char of the word is outside the tone table (a combining mark, a
    /// letter of another alphabet).
    unknown: bool,
    /// A char of the word is not ASCII.
    non_ascii: bool,
}

impl Syllable {
    /// Reads an ASCII letter.
    fn push_ascii(&mut self, c: char) {
        /// Bit `i` is set if the `i`th letter of the alphabet is a vowel.
        const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24;
        let index = u32::from(c as u8 | 0x20).wrapping_sub(u32::from(b'a')) & 31;
        self.vowels += (VOWELS >> index & 1) as usize;
        self.len += 1;
    }

    /// Reads a non-ASCII letter, `known` if it is in the tone table.
    fn push(&mut self, known: Option<Letter>) {
        self.non_ascii = true;
        let Some(l) = known else {
            self.unknown = true;
            return;
        };
        if l.tone != 0 {
            self.tones += 1;
            self.toned_at = self.len;
        }
        self.vowels += usize::from(l.vowel);
        if l.marked {
            self.last_marked = Some(self.len);
        }
        self.len += 1;
    }

    /// True if the word is normal as it is: ASCII, or letters of the tone
    /// table with no mark to move (no tone or one vowel: nowhere else for the
    /// mark; or the mark already on the last vowel with a mark, `ươ` → `ơ`,
    /// whether or not the word parses).
    fn settled(&self) -> bool {
        !self.non_ascii
            || (!self.unknown
                && (self.len > MAX_SYLLABLE
                    || self.tones != 1
                    || self.vowels < 2
                    || self.last_marked == Some(self.toned_at)))
    }
}

/// Normalises `input` (see the [module docs](self)).
pub fn normalize(input: &str) -> String {
    read(input).0
}

/// Folds text for matching: lowercase, no diacritics, `đ` → `d`.
///
/// ```
/// assert_eq!(vanban::fold("Ủy ban nhân dân tỉnh Lào Cai"), "uy ban nhan dan tinh lao cai");
/// ```
pub fn fold(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True for letters and digits (`char::is_alphanumeric`), answered from the
/// tone table for Vietnamese letters: the hot test of word boundaries.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ascii_base(c).is_some() || c.is_alphanumeric()
    }
}

/// Indexed by code point below [`TABLE_END`]: the unaccented ASCII letter of a
/// Vietnamese letter, or 0. One byte per entry keeps the hot lookups of
/// [`ascii_base`] and [`is_word_char`] in cache.
static ASCII_BASE: Lazy<Vec<u8>> = Lazy::new(|| {
    (0..TABLE_END)
        .map(|cp| {
            let Some(l) = char::from_u32(cp as u32).and_then(letter) else {
                return 0;
            };
            let base = match lower(l.base) {
                'ă' | 'â' => 'a',
                'ê' => 'e',
                'ô' | 'ơ' => 'o',
                'ư' => 'u',
                'đ' => 'd',
                b => b.to_ascii_lowercase(),
            };
            if base.is_ascii() {
                base as u8
            } else {
                0
            }
        })
        .collect()
});

/// A letter lowercased and without its tone mark, vowel marks kept (`Ệ` → `ê`,
/// `Đ` → `đ`): the tone-blind comparison of names, from the tone table.
pub(crate) fn without_tone(c: char) -> char {
    match letter(c) {
        Some(l) => lower(l.base).to_lowercase().next().unwrap_or(l.base),
        None => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The unaccented ASCII letter of a Vietnamese letter (`Ệ` → `e`, `đ` → `d`),
/// from the tone table; `None` for other characters.
#[inline]
pub(crate) fn ascii_base(c: char) -> Option<char> {
    match ASCII_BASE.get(c as usize) {
        Some(&b) if b != 0 => Some(b as char),
        _ => None,
    }
}

/// Lowercases letters whose lowercase form has the same UTF-8 length.
pub(crate) fn lower_same_len(text: &str) -> String {
    // Copy, lowercase ASCII in bulk, then rewrite only the non-ASCII letters
    // that change (a lowercase of the same length keeps the string valid).
    let mut lower = text.to_string();
    lower.make_ascii_lowercase();
    let mut r = 0;
    while let Some(off) = lower
        .as_bytes()
        .get(r..)
        .and_then(|b| b.iter().position(|b| *b >= 0xC0))
    {
        r += off;
        r += match unchanged_by_lowering(&lower.as_bytes()[r..]) {
            Some(width) => width,
            None => match lower_at(&mut lower, r) {
                Some(l) => l.len_utf8(),
                None => break,
            },
        };
    }
    lower
}

/// The width of the char that `bytes` starts with if the bit tables say
/// lowercasing leaves it as it is (most non-ASCII chars of a Vietnamese text).
#[inline]
fn unchanged_by_lowering(bytes: &[u8]) -> Option<usize> {
    let (two_bytes, three_bytes) = &*LOWERCASE_BITS;
    let is_set = |bits: u64, last: u8| bits >> (last & 0x3f) & 1 == 1;
    match *bytes {
        [lead @ 0xc0..=0xdf, last, ..] if is_set(two_bytes[usize::from(lead & 0x1f)], last) => {
            Some(2)
        }
        [0xe1, second, last, ..] if is_set(three_bytes[usize::from(second & 0x3f)], last) => {
            Some(3)
        }
        _ => None,
    }
}

/// Lowercases the char at byte `at` of `text` in place (where that keeps
/// its length) and returns it.
fn lower_at(text: &mut String, at: usize) -> Option<char> {
    let c = text.get(at..)?.chars().next()?;
    let l = lower_char(c);
    if l != c {
        let mut buf = [0u8; 4];
        text.replace_range(at..at + c.len_utf8(), l.encode_utf8(&mut buf));
    }
    Some(l)
}

/// The lowercase twin of `text` ([`lower_same_len`]) and its folded copy,
/// made in one pass.
pub(crate) fn lower_and_fold(text: &str) -> (String, Folded) {
    // Lowercase ASCII in bulk, then read the text byte by byte into a folded
    // buffer as long as it (a folded char is never longer than its
    // original). Most non-ASCII chars are lowercase letters that fold to an
    // ASCII one, and bit and byte tables say so from their bytes; the
    // others are lowercased in place (same length), decoded and folded.
    let (two_fold, three_fold) = &*FOLDED_BYTES;
    let mut lower = text.to_string();
    lower.make_ascii_lowercase();
    let mut out = vec![0u8; text.len()];
    let mut anchors = vec![(0, 0)];
    let (mut r, mut w) = (0, 0);
    while let Some(&b) = lower.as_bytes().get(r) {
        if b < 0x80 {
            out[w] = b;
            (r, w) = (r + 1, w + 1);
            continue;
        }
        let bytes = &lower.as_bytes()[r..];
        let folded = match *bytes {
            [lead @ 0xc0..=0xdf, last, ..] => two_fold[fold_index(lead, last)],
            [0xe1, second, last, ..] => three_fold[fold_index(second, last)],
            _ => 0,
        };
        if folded != 0 {
            if let Some(width) = unchanged_by_lowering(bytes) {
                out[w] = folded;
                (r, w) = (r + width, w + 1);
                anchors.push((w, r));
                continue;
            }
        }
        let Some(l) = lower_at(&mut lower, r) else {
            break;
        };
        let f = fold_char(l);
        f.encode_utf8(&mut out[w..w + f.len_utf8()]);
        (r, w) = (r + l.len_utf8(), w + f.len_utf8());
        if f.len_utf8() != l.len_utf8() {
            anchors.push((w, r));
        }
    }
    out.truncate(w);
    let folded = Folded {
        // Whole chars were copied, or folded to whole chars.
        text: String::from_utf8(out).unwrap_or_default(),
        anchors,
        len: text.len(),
    };
    (lower, folded)
}

/// The lowercase text with diacritics removed, one char per char of the
/// original, and the way back to its offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// `(folded, original)` offsets where the two stop advancing together
    /// (after a char whose folded form is shorter); between two anchors, and
    /// after the last, they advance together. Starts with `(0, 0)`.
    anchors: Vec<(usize, usize)>,
    /// Length of the original.
    len: usize,
}

impl Folded {
    /// Folds `lower` (lowercase text, as [`lower_same_len`] makes it).
    #[cfg(test)]
    pub(crate) fn new(lower: &str) -> Self {
        lower_and_fold(lower).1
    }

    /// The original offset of folded offset `at`.
    pub(crate) fn orig(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let k = self
            .anchors
            .partition_point(|a| a.0 <= at)
            .saturating_sub(1);
        let (f, o) = self.anchors[k];
        (o + (at - f)).min(self.len)
    }

    /// The original span of a folded range.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.orig(start), self.orig(end))
    }

    /// The folded offset of original offset `at` (the first folded byte at or after it).
    pub(crate) fn folded_at(&self, at: usize) -> usize {
        let k = self
            .anchors
            .partition_point(|a| a.1 <= at)
            .saturating_sub(1);
        let (f, o) = self.anchors[k];
        let linear = f + at.saturating_sub(o);
        let capped = match self.anchors.get(k + 1) {
            Some(&(next, _)) => linear.min(next),
            None => linear,
        };
        capped.min(self.text.len() + usize::from(at > self.len))
    }
}

/// The index into [`FOLDED_BYTES`] of a char's last two bytes.
fn fold_index(second_last: u8, last: u8) -> usize {
    usize::from(second_last & 0x3f) << 6 | usize::from(last & 0x3f)
}

/// [`fold_char`] by UTF-8 bytes, where it gives an ASCII byte (else 0): for
/// two-byte chars at [`fold_index`]`(lead, last)`, for three-byte chars that
/// start `0xe1` (U+1000..U+1FFF) at [`fold_index`]`(second, last)`.
static FOLDED_BYTES: Lazy<(Vec<u8>, Vec<u8>)> = Lazy::new(|| {
    let table = |high: u32| -> Vec<u8> {
        (0..64 * 64u32)
            .map(|i| {
                let cp = high | (i >> 6) << 6 | (i & 0x3f);
                match char::from_u32(cp).map(fold_char) {
                    Some(f) if f.is_ascii() && cp >= 0x80 => f as u8,
                    _ => 0,
                }
            })
            .collect()
    };
    (table(0), table(0x1000))
});

/// Folds one char: lowercase, without diacritics, `đ` → `d`; chars that do not
/// fold to ASCII stay as they are.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(b) = ascii_base(c) {
        return b;
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
        _ => match c.nfd().next() {
            Some(b) if b.is_ascii_alphabetic() => b.to_ascii_lowercase(),
            _ => c,
        },
    }
}

/// Folds a lexicon form the way [`Folded`] folds the text.
pub(crate) fn fold_key(s: &str) -> String {
    lower_same_len(s).chars().map(fold_char).collect()
}

/// Which chars [`lower_char`] leaves as they are, by their UTF-8 bytes: for
/// two-byte chars, bit `last & 0x3f` of entry `lead & 0x1f`; for three-byte
/// chars that start `0xe1` (U+1000..U+1FFF, Vietnamese letters with tone
/// marks among them), bit `last & 0x3f` of entry `second & 0x3f`.
static LOWERCASE_BITS: Lazy<([u64; 32], [u64; 64])> = Lazy::new(|| {
    let unchanged = |cp: u32| char::from_u32(cp).is_some_and(|c| lower_char(c) == c);
    let mut two = [0u64; 32];
    for (lead, bits) in two.iter_mut().enumerate() {
        for last in 0..64u32 {
            if unchanged((lead as u32) << 6 | last) {
                *bits |= 1 << last;
            }
        }
    }
    let mut three = [0u64; 64];
    for (second, bits) in three.iter_mut().enumerate() {
        for last in 0..64u32 {
            if unchanged(0x1000 | (second as u32) << 6 | last) {
                *bits |= 1 << last;
            }
        }
    }
    (two, three)
});

/// The lowercase of a non-ASCII char when it has the same UTF-8 length, else
/// the char (from a table for the Latin letters Vietnamese uses).
fn lower_char(c: char) -> char {
    if let Some(&l) = LOWER.get(c as usize) {
        return l;
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(lc), None) if lc.len_utf8() == c.len_utf8() => lc,
        _ => c,
    }
}

/// [`lower_char`] for every code point below [`TABLE_END`].
static LOWER: Lazy<Vec<char>> = Lazy::new(|| {
    (0..TABLE_END as u32)
        .map(|cp| {
            let Some(c) = char::from_u32(cp) else {
                return char::REPLACEMENT_CHARACTER;
            };
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(lc), None) if lc.len_utf8() == c.len_utf8() => lc,
                _ => c,
            }
        })
        .collect()
});

enum Class {
    Newline,
    Space,
    Invisible,
    Other,
}

fn classify(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {
            Class::Invisible
        }
        c if c.is_whitespace() || c.is_control() => Class::Space,
        _ => Class::Other,
    }
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => "-",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Appends output and its map, settling whitespace as it goes.
struct Builder {
    out: String,
    map: OffsetMap,
    /// Start of the pending run of whitespace, if any.
    ws_start: Option<usize>,
    newlines: u8,
    pending_space: bool,
    /// The pending run is exactly one U+0020.
    plain_space: bool,
    /// Input bytes `a..b` copied unchanged but not yet written: unchanged
    /// stretches are written as one piece.
    run: Option<(usize, usize)>,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder {
            out: String::with_capacity(n),
            map: OffsetMap::default(),
            ws_start: None,
            newlines: 0,
            pending_space: false,
            plain_space: false,
            run: None,
        }
    }

    /// Writes the pending unchanged run.
    fn flush(&mut self, input: &str) {
        if let Some((a, b)) = self.run.take() {
            self.map.push_same(a, b);
            self.out.push_str(&input[a..b]);
        }
    }

    /// Adds input bytes `from..to` to the unchanged run.
    fn extend_run(&mut self, input: &str, from: usize, to: usize) {
        match &mut self.run {
            Some((_, b)) if *b == from => *b = to,
            _ => {
                self.flush(input);
                self.run = Some((from, to));
            }
        }
    }

    fn space(&mut self, at: usize, plain: bool) {
        self.plain_space = self.ws_start.is_none() && plain;
        self.ws_start.get_or_insert(at);
        self.pending_space = true;
    }

    fn newline(&mut self, at: usize) {
        self.plain_space = false;
        self.ws_start.get_or_insert(at);
        self.newlines = self.newlines.saturating_add(1);
    }

    /// Writes the separator for the pending whitespace before content at `at`.
    fn settle(&mut self, input: &str, at: usize) {
        let Some(ws) = self.ws_start.take() else {
            return;
        };
        if self.plain_space && at - ws == 1 && (self.run.is_some() || !self.out.is_empty()) {
            // A single plain space between words stays as it was: the
            // common case, settled first.
            self.pending_space = false;
            self.plain_space = false;
            return self.extend_run(input, ws, at);
        }
        let sep = if self.out.is_empty() && self.run.is_none() {
            ""
        } else if self.newlines >= 2 {
            "\n\n"
        } else if self.newlines == 1 {
            "\n"
        } else if self.pending_space {
            " "
        } else {
            ""
        };
        if sep == " " && self.plain_space && at - ws == 1 {
            // A single plain space stays as it was.
            self.extend_run(input, ws, at);
        } else {
            self.flush(input);
            self.map.push_replaced(ws, at, sep.len());
            self.out.push_str(sep);
        }
        self.newlines = 0;
        self.pending_space = false;
        self.plain_space = false;
    }

    fn same(&mut self, input: &str, from: usize, to: usize) {
        self.settle(input, from);
        self.extend_run(input, from, to);
    }

    fn replaced(&mut self, input: &str, from: usize, to: usize, with: &str) {
        self.settle(input, from);
        self.flush(input);
        self.map.push_replaced(from, to, with.len());
        self.out.push_str(with);
    }

    fn delete(&mut self, input: &str, from: usize, to: usize) {
        if self.ws_start.is_some() {
            // Inside a run of whitespace: replaced with it as a whole.
            self.plain_space = false;
            return;
        }
        self.flush(input);
        self.map.push_replaced(from, to, 0);
    }

    /// Writes a word the main loop could not settle.
    fn word(&mut self, input: &str, from: usize, to: usize) {
        match normalize_word(&input[from..to]) {
            None => self.same(input, from, to),
            Some(w) => self.replaced(input, from, to, &w),
        }
    }

    fn finish(mut self, input: &str) -> (String, OffsetMap) {
        self.flush(input);
        let input_len = input.len();
        if let Some(ws) = self.ws_start.take() {
            self.map.push_replaced(ws, input_len, 0);
        }
        (self.out, self.map)
    }
}

/// Returns the normalised word, or `None` if it is already normal.
fn normalize_word(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    // A word made only of letters of the tone table is NFC already, and needs
    // at most a tone move.
    let split = &TABLES.split;
    let mut letters = [Letter::default(); MAX_SYLLABLE];
    let mut n = 0;
    let mut plain = true;
    for c in word.chars() {
        match split.get(c as usize).copied().flatten() {
            Some(l) if n < MAX_SYLLABLE => {
                letters[n] = l;
                n += 1;
            }
            Some(_) => n = MAX_SYLLABLE + 1,
            None => {
                plain = false;
                break;
            }
        }
    }
    if plain {
        return retone(letters.get_mut(..n)?);
    }
    let needs_nfc = word
        .chars()
        .any(|c| is_combining_mark(c) || matches!(c, 'Ð' | 'ð' | 'Ɖ' | '\u{340}' | '\u{341}'))
        || is_nfc_quick(word.chars()) != IsNormalized::Yes;
    if !needs_nfc {
        return None;
    }
    let fixed: String = word
        .chars()
        .map(|c| match c {
            'Ð' | 'Ɖ' => 'Đ',
            'ð' => 'đ',
            '\u{340}' => '\u{300}',
            '\u{341}' => '\u{301}',
            c => c,
        })
        .nfc()
        .collect();
    let mut letters = Vec::with_capacity(fixed.len());
    for c in fixed.chars() {
        match letter(c) {
            Some(l) => letters.push(l),
            None => return Some(fixed),
        }
    }
    Some(retone(&mut letters).unwrap_or(fixed))
}

/// The longest Vietnamese syllable has 7 letters (`nghiêng`).
const MAX_SYLLABLE: usize = 8;

/// A Vietnamese letter: base letter with its vowel mark (`ơ`, `Â`), and tone 0..=5.
#[derive(Clone, Copy)]
struct Letter {
    base: char,
    tone: u8,
    /// The base is a vowel (`a`, `ơ`, `Y`, ...).
    vowel: bool,
    /// The base is a vowel with a mark (`ă â ê ô ơ ư`, either case).
    marked: bool,
}

impl Default for Letter {
    fn default() -> Self {
        Letter::new('a', 0)
    }
}

impl Letter {
    fn new(base: char, tone: u8) -> Self {
        let l = lower(base);
        Letter {
            base,
            tone,
            vowel: is_vowel(l),
            marked: has_vowel_mark(l),
        }
    }
}

/// Tone marks in the order of [`Letter::tone`] (1..=5).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const VOWEL_MARKS: [char; 3] = ['\u{302}', '\u{306}', '\u{31b}'];

/// Code points below this are looked up directly in [`ToneTables::split`].
const TABLE_END: usize = 0x1f00;

struct ToneTables {
    /// Indexed by code point: the letter's base and tone.
    split: Vec<Option<Letter>>,
    join: HashMap<(char, u8), char>,
}

static TABLES: Lazy<ToneTables> = Lazy::new(|| {
    let mut split = vec![None; TABLE_END];
    let mut join = HashMap::new();
    for c in ('a'..='z').chain('A'..='Z').chain(['đ', 'Đ']) {
        split[c as usize] = Some(Letter::new(c, 0));
    }
    let ranges = [0x00c0u32..=0x01b0, 0x1ea0..=0x1ef9];
    for cp in ranges.into_iter().flatten() {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut parts = c.nfd();
        let Some(base) = parts.next().filter(char::is_ascii_alphabetic) else {
            continue;
        };
        let mut with_mark = base.to_string();
        let mut tone = 0u8;
        let mut ok = true;
        for m in parts {
            if VOWEL_MARKS.contains(&m) {
                with_mark.push(m);
            } else if let Some(t) = TONES.iter().position(|&t| t == m) {
                tone = t as u8 + 1;
            } else {
                ok = false;
            }
        }
        let composed: Vec<char> = with_mark.nfc().collect();
        if !ok || composed.len() != 1 {
            continue;
        }
        let l = Letter::new(composed[0], tone);
        split[cp as usize] = Some(l);
        join.insert((composed[0], tone), c);
    }
    ToneTables { split, join }
});

fn letter(c: char) -> Option<Letter> {
    TABLES.split.get(c as usize).copied().flatten()
}

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        match c {
            'Ă' => 'ă',
            'Â' => 'â',
            'Ê' => 'ê',
            'Ô' => 'ô',
            'Ơ' => 'ơ',
            'Ư' => 'ư',
            'Đ' => 'đ',
            _ => c,
        }
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_vowel_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// True if `coda` (lowercase) is a final consonant of the language, or none.
fn is_final(coda: &[char]) -> bool {
    matches!(
        coda,
        [] | ['c'] | ['c', 'h'] | ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] | ['p'] | ['t']
    )
}

/// True if `nucleus` (lowercase) is a vowel nucleus of the language.
fn is_nucleus(nucleus: &[char]) -> bool {
    matches!(
        nucleus,
        ['a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y']
            | ['a', 'i' | 'o' | 'u' | 'y']
            | ['â', 'u' | 'y']
            | ['e', 'o']
            | ['ê', 'u']
            | ['i', 'a' | 'ê' | 'u']
            | ['o', 'a' | 'ă' | 'e' | 'i' | 'o']
            | ['ô' | 'ơ', 'i']
            | ['u', 'a' | 'â' | 'ê' | 'i' | 'ô' | 'ơ' | 'y']
            | ['ư', 'a' | 'i' | 'ơ' | 'u']
            | ['y', 'ê']
            | ['i', 'ê', 'u']
            | ['o', 'a', 'i' | 'y' | 'o']
            | ['u', 'y', 'a' | 'ê' | 'u']
            | ['o', 'e', 'o']
            | ['u', 'â', 'y']
            | ['u', 'ô', 'i']
            | ['ư', 'ơ', 'i' | 'u']
            | ['y', 'ê', 'u']
            | ['u', 'ê', 'u']
    )
}

/// The lengths an initial consonant may have at the start of `letters`
/// (lowercase), longest first: `ngh` 3; `gi`, `qu` 2 or 1 (`gì`); none 0.
fn initial_lengths(letters: &[char]) -> &'static [usize] {
    let at = |i: usize| letters.get(i).copied();
    match (at(0), at(1), at(2)) {
        (Some('n'), Some('g'), Some('h')) => &[3],
        (Some('n'), Some('g' | 'h'), _) => &[2],
        (Some('c' | 'k' | 'p'), Some('h'), _) => &[2],
        (Some('t'), Some('h' | 'r'), _) => &[2],
        (Some('g'), Some('h'), _) => &[2],
        (Some('g'), Some('i'), _) => &[2, 1],
        (Some('q'), Some('u'), _) => &[2],
        (Some('q'), _, _) => &[],
        (Some(c), _, _) if is_vowel(c) => &[0],
        (
            Some(
                'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't'
                | 'v' | 'x',
            ),
            _,
            _,
        ) => &[1],
        _ => &[],
    }
}

/// Where the tone goes in a syllable, as an index into `letters` (lowercase
/// bases), or `None` if it is not a Vietnamese syllable.
fn tone_position(letters: &[char]) -> Option<usize> {
    for &skip in initial_lengths(letters) {
        let rest = &letters[skip.min(letters.len())..];
        let vowels = rest.iter().take_while(|&&c| is_vowel(c)).count();
        if vowels == 0 {
            continue;
        }
        let (nucleus, coda) = rest.split_at(vowels);
        if !is_final(coda) || !is_nucleus(nucleus) {
            continue;
        }
        let at = if let Some(i) = nucleus.iter().rposition(|&c| has_vowel_mark(c)) {
            i
        } else if nucleus.len() == 3 {
            1
        } else if nucleus.len() == 2 && coda.is_empty() {
            0
        } else {
            nucleus.len() - 1
        };
        return Some(skip + at);
    }
    None
}

/// True if `word` (NFC) is one Vietnamese syllable: initial consonant, vowel
/// nucleus and final consonant of the language, at most one tone mark.
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut lowered = ['a'; MAX_SYLLABLE];
    let mut n = 0;
    let mut tones = 0;
    for c in word.chars() {
        let Some(l) = letter(c) else {
            return false;
        };
        if n == MAX_SYLLABLE {
            return false;
        }
        tones += (l.tone != 0) as usize;
        lowered[n] = lower(l.base);
        n += 1;
    }
    tones <= 1 && tone_position(&lowered[..n]).is_some()
}

/// Moves a word's single tone mark to the vowel that carries it; `None` if
/// the word is not a syllable with one tone mark or the mark is already there.
fn retone(letters: &mut [Letter]) -> Option<String> {
    let mut toned = letters.iter().enumerate().filter(|(_, l)| l.tone != 0);
    let (now, tone) = match (toned.next(), toned.next()) {
        (Some((i, l)), None) => (i, l.tone),
        _ => return None,
    };
    // With one vowel there is nowhere else for the mark to go.
    if letters.iter().filter(|l| l.vowel).count() < 2 {
        return None;
    }
    // A syllable's tone sits on its last vowel with a mark (`ươ` → `ơ`): when
    // it is there already nothing moves, whether or not the word parses.
    if let Some(last_marked) = letters.iter().rposition(|l| l.marked) {
        if last_marked == now {
            return None;
        }
    }
    let mut lowered = ['a'; MAX_SYLLABLE];
    let n = letters.len().min(MAX_SYLLABLE);
    for (slot, l) in lowered.iter_mut().zip(letters.iter()) {
        *slot = lower(l.base);
    }
    let want = tone_position(&lowered[..n])?;
    if want == now {
        return None;
    }
    letters[now].tone = 0;
    letters[want].tone = tone;
    letters
        .iter()
        .map(|l| {
            if l.tone == 0 {
                Some(l.base)
            } else {
                TABLES.join.get(&(l.base, l.tone)).copied()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    const CASES: &[(&str, &str)] = &[
        // tone placement of open oa, oe, uy
        ("hoà", "hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("khoẻ", "khỏe"),
        ("HOÀ", "HÒA"),
        ("văn hoá", "văn hóa"),
        // already right, or closed syllables, or marks on modified vowels
        ("hoàn thành", "hoàn thành"),
        ("quý", "quý"),
        ("khuya", "khuya"),
        ("thuở", "thuở"),
        ("tuyển", "tuyển"),
        ("Nguyễn", "Nguyễn"),
        ("giữa", "giữa"),
        ("gìn giữ", "gìn giữ"),
        ("của", "của"),
        ("khuỷu", "khuỷu"),
        ("thuế", "thuế"),
        // careless typing
        ("baỏ", "bảo"),
        ("lựơng", "lượng"),
        ("nghịêm", "nghiệm"),
        ("khoaí", "khoái"),
        // not Vietnamese syllables: untouched
        ("café", "café"),
        ("José", "José"),
        // whitespace
        ("a\u{a0}b", "a b"),
        ("a \t  b", "a b"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("a  \n \n  b", "a\n\nb"),
        ("  a  ", "a"),
        ("a\u{200b}b", "ab"),
        ("đầu\u{ad}tư", "đầutư"),
        // punctuation and letters
        ("2026–2030", "2026-2030"),
        ("“bộ tứ trụ cột”", "\"bộ tứ trụ cột\""),
        ("QÐ-UBND", "QĐ-UBND"),
        ("…", "..."),
    ];

    #[test]
    fn normalises_table_of_cases() {
        let mut failures = Vec::new();
        for (input, want) in CASES {
            let got = normalize(input);
            if got != *want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The main loop settles most words from what it read; every word it
    /// settles must be one the full word check leaves alone.
    #[test]
    fn settled_words_agree_with_the_full_check() {
        let initials = ["", "h", "qu", "gi", "ng", "tr", "kh"];
        let nuclei = [
            "a", "oa", "uy", "ua", "ai", "ươ", "uyê", "oai", "ia", "iê", "ưu",
        ];
        let finals = ["", "n", "ng", "ch", "t", "i"];
        let mut checked = 0;
        for i in initials {
            for n in nuclei {
                for f in finals {
                    let plain: Vec<char> = format!("{i}{n}{f}").chars().collect();
                    for at in 0..plain.len() {
                        for tone in 1..=5 {
                            let Some(&toned) = TABLES.join.get(&(plain[at], tone)) else {
                                continue;
                            };
                            let mut word = plain.clone();
                            word[at] = toned;
                            let word: String = word.into_iter().collect();
                            let full = normalize_word(&word).unwrap_or_else(|| word.clone());
                            assert_eq!(normalize(&word), full, "{word}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn decomposed_input_equals_composed_input() {
        let composed = "Ủy ban nhân dân tỉnh Lào Cai, thủy lợi, Nghị quyết";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(composed, decomposed);
        assert_eq!(normalize(&decomposed), composed);
        // old placement, decomposed
        let old: String = "Uỷ ban".nfd().collect();
        assert_eq!(normalize(&old), "Ủy ban");
    }

    #[test]
    fn deprecated_combining_marks_become_standard_ones() {
        assert_eq!(normalize("a\u{341}"), "á");
        assert_eq!(normalize("a\u{340}"), "à");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for (input, _) in CASES {
            let once = normalize(input);
            assert_eq!(normalize(&once), once, "{input:?}");
        }
    }

    #[test]
    fn map_points_back_into_the_input() {
        let input = "  Tỉnh uỷ\u{a0}\u{a0}Lào Cai\r\n\r\n\r\nhoà  bình ";
        let n = Normalized::new(input);
        assert_eq!(n.text, "Tỉnh ủy Lào Cai\n\nhòa bình");
        let find = |s: &str| {
            let start = n.text.find(s).unwrap();
            n.map.to_original(Span::new(start, start + s.len()))
        };
        assert_eq!(&input[find("Lào Cai").range()], "Lào Cai");
        assert_eq!(&input[find("ủy").range()], "uỷ");
        assert_eq!(&input[find("bình").range()], "bình");
        assert_eq!(&input[find("ủy Lào").range()], "uỷ\u{a0}\u{a0}Lào");
        assert_eq!(n.map.output_len(), n.text.len());
    }

    #[test]
    fn lower_agrees_with_the_char_table_for_every_char() {
        let chars = (0..0x3000u32)
            .chain(0x10400..0x10500)
            .filter_map(char::from_u32);
        for c in chars {
            let want = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                lower_char(c)
            };
            let text = format!("A{c}b");
            assert_eq!(
                lower_same_len(&text),
                format!("a{want}b"),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn folded_offsets_map_back() {
        let f = Folded::new("sở tài chính");
        assert_eq!(f.text, "so tai chinh");
        assert_eq!(f.span(3, 6), Span::new(5, 9));
        assert_eq!(f.folded_at(5), 3);
        // Every folded offset maps back, and every original char start maps
        // to the folded char made from it.
        let lower = "đồng chí μg/m3 ở tỉnh";
        let f = Folded::new(lower);
        assert_eq!(f.text, "dong chi μg/m3 o tinh");
        for (fi, fc) in f.text.char_indices() {
            let o = f.orig(fi);
            let oc = lower[o..].chars().next().unwrap();
            assert_eq!(fold_char(oc), fc, "{fi}");
            assert_eq!(f.folded_at(o), fi, "{o}");
        }
        assert_eq!(f.orig(f.text.len()), lower.len());
        assert_eq!(f.folded_at(lower.len()), f.text.len());
        // Inside a char: the next folded char.
        assert_eq!(f.folded_at(1), 1);
    }

    #[test]
    fn folding_by_bytes_agrees_with_folding_by_chars() {
        // Every char below U+2000 among ASCII, lowercased and folded in context.
        let text: String = (0x80..0x2000u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'A'])
            .collect();
        let (lower, f) = lower_and_fold(&text);
        let slow: String = text
            .chars()
            .map(|c| lower_char(c.to_ascii_lowercase()))
            .collect();
        assert_eq!(lower, slow);
        let want: String = lower.chars().map(fold_char).collect();
        assert_eq!(f.text, want);
        for (fi, fc) in f.text.char_indices() {
            let o = f.orig(fi);
            assert_eq!(fold_char(lower[o..].chars().next().unwrap()), fc, "{fi}");
        }
    }

    #[test]
    fn lower_keeps_offsets() {
        let n = Normalized::new("ĐỒNG Tỷ KELVIN \u{212a}");
        assert_eq!(n.lower.len(), n.text.len());
        assert!(n.lower.starts_with("đồng tỷ kelvin"));
    }

    #[test]
    fn syllables() {
        for w in [
            "Việt", "Nam", "người", "nghiêng", "khuỷu", "quý", "gì", "Ủy",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["café", "José", "ViÖt", "Hµ", "xyz", "việtt", "đđ", "aàa"] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn without_tone_agrees_with_the_scorers_fold() {
        for s in [
            "Ủy ban Nhân dân",
            "ĐỒNG THÁP",
            "Hội đồng Thi đua - Khen thưởng",
            "Bắc Kạn",
            "café",
        ] {
            let ours: String = s.chars().map(without_tone).collect();
            assert_eq!(ours, crate::eval::fold_tones(s), "{s}");
        }
    }

    #[test]
    fn fold_strips_marks() {
        assert_eq!(fold("Bộ Tài chính"), "bo tai chinh");
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
    }
}
