//! Decoding input bytes: UTF-8 and UTF-16 (with a BOM), and the legacy
//! Vietnamese encodings Windows-1258, TCVN3 (ABC) and VNI, and VIQR.
//!
//! | Encoding      | Recognised by                                    | Example of its text read as Latin-1 |
//! |---------------|--------------------------------------------------|--------------------------------------|
//! | UTF-8         | valid UTF-8 (a BOM is dropped)                   |                                      |
//! | UTF-16        | a BOM (`FF FE` or `FE FF`)                       |                                      |
//! | Windows-1258  | not UTF-8; decodes to Vietnamese syllables       | `Vie\u{0323}t` as base + combining mark |
//! | TCVN3 (ABC)   | not UTF-8; decodes to Vietnamese syllables       | `ViÖt Nam`, `Hµ Néi`                 |
//! | VNI           | not UTF-8; decodes to Vietnamese syllables       | `Vieät Nam`, `Haø Noäi`              |
//! | VIQR          | ASCII with `a^`, `a(`, `o+` mnemonics             | `Vie^.t Nam`, `Ha\` No^.i`           |
//!
//! Detection picks the legacy encoding whose decoding gives the largest share
//! of valid Vietnamese syllables, and refuses when none gives a clear majority.
//!
//! ```
//! use vanban::input::{decode, Encoding};
//! let tcvn3 = b"Vi\xd6t Nam, H\xb5 N\xe9i";
//! assert_eq!(decode(tcvn3, None)?, "Việt Nam, Hà Nội");
//! assert_eq!(decode(b"Vie^.t Nam", Some(Encoding::Viqr))?, "Việt Nam");
//! assert!(decode(b"\xff\x00\x01binary", None).is_err());
//! # Ok::<(), vanban::Error>(())
//! ```

use std::collections::HashMap;

use once_cell::sync::Lazy;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, ErrorKind};

/// A text encoding that [`decode`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (a BOM is dropped).
    Utf8,
    /// UTF-16, little- or big-endian by its BOM (little-endian without one).
    Utf16,
    /// Microsoft code page 1258 (base letters with combining tone marks).
    Windows1258,
    /// TCVN 5712:1993, the font-based "ABC" encoding (VN3; VN1 upper case too).
    Tcvn3,
    /// The VNI-Windows font encoding (letters followed by mark bytes).
    Vni,
    /// VIQR, 7-bit ASCII mnemonics (RFC 1456).
    Viqr,
}

impl Encoding {
    /// The name used in messages and on the command line.
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1258 => "Windows-1258",
            Encoding::Tcvn3 => "TCVN3",
            Encoding::Vni => "VNI",
            Encoding::Viqr => "VIQR",
        }
    }
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    /// Reads an encoding name, in any case, with or without `-` and `_`:
    /// `utf8`, `utf16`, `windows1258` (or `cp1258`), `tcvn3`, `vni`, `viqr`.
    ///
    /// ```
    /// use vanban::input::Encoding;
    /// assert_eq!("Windows-1258".parse::<Encoding>()?, Encoding::Windows1258);
    /// assert!("latin1".parse::<Encoding>().is_err());
    /// # Ok::<(), vanban::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        Ok(match key.as_str() {
            "utf8" => Encoding::Utf8,
            "utf16" => Encoding::Utf16,
            "windows1258" | "cp1258" => Encoding::Windows1258,
            "tcvn3" | "tcvn" | "abc" => Encoding::Tcvn3,
            "vni" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            _ => {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!(
                    "unknown encoding {s:?}: expected utf8, utf16, windows1258, tcvn3, vni or viqr"
                ),
                ))
            }
        })
    }
}

/// Share of non-ASCII words that must be Vietnamese syllables for detection.
const DETECT_MIN_SHARE: f64 = 0.8;

/// Decodes `bytes` as `encoding`, or detects the encoding when `None`.
///
/// Errors: invalid data in the named encoding, binary data (NUL bytes outside
/// UTF-16), no text at all, or (detecting) bytes that are not UTF-8 and that
/// no legacy encoding decodes into Vietnamese.
pub fn decode(bytes: &[u8], encoding: Option<Encoding>) -> Result<String, Error> {
    let text = match encoding {
        Some(e) => decode_as(bytes, e)?,
        None => detect(bytes)?,
    };
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, "empty document: no text"));
    }
    Ok(text)
}

fn encoding_error(message: String) -> Error {
    Error::new(ErrorKind::Encoding, message)
}

fn reject_nul(bytes: &[u8]) -> Result<(), Error> {
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err(encoding_error(format!(
            "binary data: NUL byte at offset {at}"
        ))),
        None => Ok(()),
    }
}

fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<String, Error> {
    if encoding != Encoding::Utf16 {
        reject_nul(bytes)?;
    }
    match encoding {
        Encoding::Utf8 => {
            let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            std::str::from_utf8(b).map(str::to_string).map_err(|e| {
                encoding_error(format!(
                    "invalid UTF-8 at byte {}: not text, or in a legacy encoding (try --encoding)",
                    e.valid_up_to()
                ))
            })
        }
        Encoding::Utf16 => utf16(bytes),
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.nfc().collect())
            .ok_or_else(|| encoding_error("bytes undefined in Windows-1258".into())),
        Encoding::Tcvn3 => Ok(tcvn3(bytes)),
        Encoding::Vni => Ok(vni(bytes)),
        Encoding::Viqr => {
            let t = std::str::from_utf8(bytes)
                .map_err(|_| encoding_error("VIQR text must be ASCII".into()))?;
            Ok(viqr(t))
        }
    }
}

fn utf16(bytes: &[u8]) -> Result<String, Error> {
    let (body, big_endian) = if let Some(b) = bytes.strip_prefix(b"\xff\xfe") {
        (b, false)
    } else if let Some(b) = bytes.strip_prefix(b"\xfe\xff") {
        (b, true)
    } else {
        (bytes, false)
    };
    if body.len() % 2 != 0 {
        return Err(encoding_error(
            "UTF-16 data with an odd number of bytes".into(),
        ));
    }
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16(&units)
        .map_err(|_| encoding_error("invalid UTF-16 (unpaired surrogate)".into()))
}

fn detect(bytes: &[u8]) -> Result<String, Error> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return utf16(bytes);
    }
    reject_nul(bytes)?;
    let utf8_error = match std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
    {
        Ok(t) => {
            if t.is_ascii() && looks_like_viqr(t) {
                return Ok(viqr(t));
            }
            return Ok(t.to_string());
        }
        Err(e) => e,
    };
    let mut best: Option<(f64, Encoding, String)> = None;
    for e in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
        let Ok(text) = decode_as(bytes, e) else {
            continue;
        };
        let share = syllable_share(&text);
        if best.as_ref().is_none_or(|(s, _, _)| share > *s) {
            best = Some((share, e, text));
        }
    }
    match best {
        Some((share, _, text)) if share >= DETECT_MIN_SHARE => Ok(text),
        _ => Err(encoding_error(format!(
            "invalid UTF-8 at byte {}, and no legacy Vietnamese encoding (Windows-1258, TCVN3, VNI) fits: name one with --encoding, or this is not text",
            utf8_error.valid_up_to()
        ))),
    }
}

/// Share of the words with non-ASCII letters that are Vietnamese syllables
/// (0 when there are none).
fn syllable_share(text: &str) -> f64 {
    let (mut words, mut good) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.is_ascii() {
            continue;
        }
        words += 1;
        good += crate::normalize::is_syllable(w) as usize;
    }
    if words == 0 {
        0.0
    } else {
        good as f64 / words as f64
    }
}

static TCVN3: Lazy<[char; 256]> = Lazy::new(|| {
    let mut table = [char::REPLACEMENT_CHARACTER; 256];
    for (b, slot) in table.iter_mut().enumerate().take(0x80) {
        *slot = char::from(b as u8);
    }
    for row in crate::lexicon::rows(include_str!("lexicon/tcvn3.tsv")) {
        let byte = u8::from_str_radix(row[0], 16).expect("tcvn3.tsv: hex byte");
        let cp = u32::from_str_radix(row[1].trim_start_matches("U+"), 16)
            .expect("tcvn3.tsv: code point");
        table[byte as usize] = char::from_u32(cp).expect("tcvn3.tsv: valid char");
    }
    table
});

fn tcvn3(bytes: &[u8]) -> String {
    let raw: String = bytes.iter().map(|&b| TCVN3[b as usize]).collect();
    raw.nfc().collect()
}

/// VNI mark bytes (as Latin-1 chars) and the combining marks they add.
static VNI_MARKS: Lazy<HashMap<char, &'static str>> = Lazy::new(|| {
    let lower: [(char, &str); 17] = [
        ('ø', "\u{300}"),
        ('ù', "\u{301}"),
        ('û', "\u{309}"),
        ('õ', "\u{303}"),
        ('ï', "\u{323}"),
        ('â', "\u{302}"),
        ('ê', "\u{306}"),
        ('à', "\u{302}\u{300}"),
        ('á', "\u{302}\u{301}"),
        ('å', "\u{302}\u{309}"),
        ('ã', "\u{302}\u{303}"),
        ('ä', "\u{302}\u{323}"),
        ('è', "\u{306}\u{300}"),
        ('é', "\u{306}\u{301}"),
        ('ú', "\u{306}\u{309}"),
        ('ü', "\u{306}\u{303}"),
        ('ë', "\u{306}\u{323}"),
    ];
    let mut m = HashMap::new();
    for (c, marks) in lower {
        m.insert(c, marks);
        for u in c.to_uppercase() {
            m.insert(u, marks);
        }
    }
    m
});

/// VNI single-byte letters (as Latin-1 chars).
static VNI_LETTERS: Lazy<HashMap<char, char>> = Lazy::new(|| {
    let lower = [
        ('ô', 'ơ'),
        ('ö', 'ư'),
        ('ñ', 'đ'),
        ('ì', 'ì'),
        ('í', 'í'),
        ('æ', 'ỉ'),
        ('ó', 'ĩ'),
        ('ò', 'ị'),
        ('î', 'ỵ'),
    ];
    let mut m = HashMap::new();
    for (c, l) in lower {
        m.insert(c, l);
        if let (Some(cu), Some(lu)) = (c.to_uppercase().next(), l.to_uppercase().next()) {
            m.insert(cu, lu);
        }
    }
    m
});

fn vni(bytes: &[u8]) -> String {
    // VNI fonts sit on the Windows-1252 code points.
    let latin: String = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned();
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        let last_is_vowel = out.chars().next_back().is_some_and(|p| {
            matches!(
                p.to_lowercase().next(),
                Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'ă' | 'â' | 'ê' | 'ô')
            )
        });
        if let (Some(marks), true) = (VNI_MARKS.get(&c), last_is_vowel) {
            let base = out.pop().expect("a vowel is there");
            let composed: String = std::iter::once(base)
                .chain(marks.chars())
                .collect::<String>()
                .nfc()
                .collect();
            out.push_str(&composed);
        } else if let Some(&l) = VNI_LETTERS.get(&c) {
            out.push(l);
        } else {
            out.push(c);
        }
    }
    out.nfc().collect()
}

fn is_viqr_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn looks_like_viqr(text: &str) -> bool {
    let b = text.as_bytes();
    let hits = b
        .windows(2)
        .filter(|w| {
            let (v, m) = (w[0] as char, w[1]);
            is_viqr_vowel(v)
                && (m == b'^' || m == b'(' && v.eq_ignore_ascii_case(&'a') || m == b'+')
        })
        .count();
    hits >= 3 && hits * 400 >= text.len()
}

fn viqr(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if (c == 'd' || c == 'D') && matches!(chars.get(i + 1), Some('d' | 'D')) {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        if !is_viqr_vowel(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut letter = String::from(c);
        i += 1;
        let lower = c.to_ascii_lowercase();
        if let Some(&m) = chars.get(i) {
            let mark = match m {
                '^' if matches!(lower, 'a' | 'e' | 'o') => Some('\u{302}'),
                '(' if lower == 'a' => Some('\u{306}'),
                '+' if matches!(lower, 'o' | 'u') => Some('\u{31b}'),
                _ => None,
            };
            if let Some(m) = mark {
                letter.push(m);
                i += 1;
            }
        }
        if let Some(&t) = chars.get(i) {
            let tone = match t {
                '\'' => Some('\u{301}'),
                '`' => Some('\u{300}'),
                '?' => Some('\u{309}'),
                '~' => Some('\u{303}'),
                '.' => Some('\u{323}'),
                _ => None,
            };
            // A tone mark must be followed by a letter, a space or the end
            // (`Ha` No^.i`), not start an ellipsis or a number.
            let next = chars.get(i + 1).copied();
            let fits = next.is_none_or(|n| !(n == '.' || n.is_ascii_digit()));
            if let (Some(t), true) = (tone, fits) {
                letter.push(t);
                i += 1;
            }
        }
        out.extend(letter.nfc());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_examples_decode() {
        let cases: &[(&[u8], Encoding, &str)] = &[
            (b"Vi\xd6t Nam", Encoding::Tcvn3, "Việt Nam"),
            (b"H\xb5 N\xe9i", Encoding::Tcvn3, "Hà Nội"),
            (b"\xa7\xb5 N\xbdng", Encoding::Tcvn3, "Đà Nẵng"),
            (
                b"Xin cha\xf8o ca\xf9c ba\xefn",
                Encoding::Vni,
                "Xin chào các bạn",
            ),
            (b"Vie\xe4t Nam", Encoding::Vni, "Việt Nam"),
            (b"Ha\xf8 No\xe4i", Encoding::Vni, "Hà Nội"),
            (b"\xd1a\xf8 Na\xfcng", Encoding::Vni, "Đà Nẵng"),
            (b"Ng\xf6\xf4\xf8i d\xe2n", Encoding::Vni, "Người dân"),
            (b"Vie^.t Nam", Encoding::Viqr, "Việt Nam"),
            (b"Ha` No^.i", Encoding::Viqr, "Hà Nội"),
            (
                b"DDa`i truye^`n ho`a ddo^ng",
                Encoding::Viqr,
                "Đài truyền hòa đông",
            ),
            (b"ngu+o+`i da^n\\.", Encoding::Viqr, "người dân."),
            (b"Vi\xea\xf2t Nam", Encoding::Windows1258, "Việt Nam"),
        ];
        for (bytes, enc, want) in cases {
            assert_eq!(decode(bytes, Some(*enc)).unwrap(), *want, "{enc:?}");
        }
    }

    #[test]
    fn detection() {
        // Test bytes made with `iconv -t TCVN5712-1` and `iconv -t CP1258`.
        let tcvn3 = b"Ch\xd8 th\xde v\xd2 vi\xd6c t\xcbp trung gi\xb6i ng\xa9n v\xe8n \xae\xc7u t\xad c\xabng";
        assert_eq!(
            decode(tcvn3, None).unwrap(),
            "Chỉ thị về việc tập trung giải ngân vốn đầu tư công"
        );
        let cp1258 = b"Chi\xd2 thi\xf2 v\xea\xcc vi\xea\xf2c t\xe2\xf2p trung gia\xd2i ng\xe2n v\xf4\xecn \xf0\xe2\xccu t\xfd c\xf4ng";
        assert_eq!(
            decode(cp1258, None).unwrap(),
            "Chỉ thị về việc tập trung giải ngân vốn đầu tư công"
        );
        let vni = b"Chu\xf9 tro\xefng gia\xfbi nga\xe2n vo\xe1n \xf1a\xe0u t\xf6 co\xe2ng";
        assert_eq!(
            decode(vni, None).unwrap(),
            "Chú trọng giải ngân vốn đầu tư công"
        );
        let viqr = b"Chi? thi. ve^` vie^.c ta^.p trung gia?i nga^n vo^'n dda^`u tu+ co^ng";
        assert_eq!(
            decode(viqr, None).unwrap(),
            "Chỉ thị về việc tập trung giải ngân vốn đầu tư công"
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Việt Nam".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16, None).unwrap(), "Việt Nam");
        assert_eq!(
            decode(b"\xef\xbb\xbfVi\xe1\xbb\x87t", None).unwrap(),
            "Việt"
        );
        assert_eq!(
            decode(b"plain ASCII, not VIQR: a^b?", None).unwrap(),
            "plain ASCII, not VIQR: a^b?"
        );
    }

    #[test]
    fn refusals() {
        let err = |b: &[u8]| decode(b, None).unwrap_err().to_string();
        assert_eq!(err(b"a\0b"), "binary data: NUL byte at offset 1");
        assert_eq!(err(b"  \n"), "empty document: no text");
        assert!(
            err(b"\x89PNG\r\n\x1a\n\xff\xd8\xff\xe0\x10\x4a\x46\x49\x46")
                .starts_with("invalid UTF-8 at byte 0, and no legacy")
        );
        assert_eq!(
            decode(b"\xff\xfe\x00", None).unwrap_err().to_string(),
            "UTF-16 data with an odd number of bytes"
        );
        assert!(decode(b"caf\xe9", Some(Encoding::Utf8)).is_err());
    }
}
