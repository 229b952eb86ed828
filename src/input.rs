//! Reading documents: plain text with an optional date header, Markdown, and
//! JSON records, with a clear error for each bad one.
//!
//! | Input                     | Text                         | Date                 | Id                 |
//! |---------------------------|------------------------------|----------------------|--------------------|
//! | `.txt`                    | after the header, if any     | ` date YYYY-MM-DD `  | file stem          |
//! | `.md`                     | rendered to plain text       | header, as `.txt`    | file stem          |
//! | `.jsonl`, `.json` records | `text`, `content` or `body`  | `date`               | `id`, else `stem:line` |
//!
//! ```
//! let (date, body) = vanban::input::split_header(" date 2025-08-24 Chiều 24/8, Tổ công tác ...");
//! assert_eq!(date.unwrap().to_string(), "2025-08-24");
//! assert_eq!(body, "Chiều 24/8, Tổ công tác ...");
//! ```

use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::span::OffsetMap;

pub use crate::encoding::{decode, Encoding};

/// Splits an optional first-line header ` date YYYY-MM-DD ` off a text file.
/// Returns the date and the text after the header (the whole text if none).
pub fn split_header(text: &str) -> (Option<NaiveDate>, &str) {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = t.trim_start_matches([' ', '\t']);
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return (None, text);
    };
    let rest = rest.trim_start_matches(' ');
    let Some(date_str) = rest.get(..10) else {
        return (None, text);
    };
    let Ok(date) = NaiveDate::parse_from_str(date_str, "%Y-%m-%d") else {
        return (None, text);
    };
    let body = &rest[10..];
    if !(body.is_empty() || body.starts_with([' ', '\t', '\n', '\r'])) {
        return (None, text);
    }
    (Some(date), body.trim_start_matches([' ', '\t', '\r', '\n']))
}

/// Checks that bytes are text: UTF-8 (a BOM is dropped), no NUL bytes, not empty.
///
/// ```
/// assert!(vanban::input::decode_text(b"\xff\xfe").is_err());
/// assert_eq!(vanban::input::decode_text(b"\xef\xbb\xbfabc").unwrap(), "abc");
/// ```
pub fn decode_text(bytes: &[u8]) -> Result<&str, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            ErrorKind::Encoding,
            format!("binary data: NUL byte at offset {at}"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::Encoding,
            format!(
                "invalid UTF-8 at byte {}: not text, or in a legacy encoding",
                e.valid_up_to()
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, "empty document: no text"));
    }
    Ok(text)
}

/// Renders Markdown to plain text (paragraphs separated by blank lines, list
/// items on their own lines with `-` or their number) and maps the text back
/// to the Markdown source.
///
/// ```
/// let md = "# Chỉ thị\n\n- **Sở Tài chính**: chủ trì\n";
/// let (text, map) = vanban::input::markdown_to_text(md);
/// assert_eq!(text, "Chỉ thị\n\n- Sở Tài chính: chủ trì");
/// let at = text.find("Sở").unwrap();
/// let span = map.to_original(vanban::Span::new(at, at + "Sở Tài chính".len()));
/// assert_eq!(&md[span.range()], "Sở Tài chính");
/// ```
pub fn markdown_to_text(md: &str) -> (String, OffsetMap) {
    let mut out = String::with_capacity(md.len());
    let mut map = OffsetMap::default();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let push_synthetic = |out: &mut String, map: &mut OffsetMap, at: usize, s: &str| {
        map.push_replaced(at, at, s.len());
        out.push_str(s);
    };
    for (event, range) in Parser::new(md).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if md.get(range.clone()) == Some(&*t) {
                    map.push_same(range.start, range.end);
                } else {
                    map.push_replaced(range.start, range.end, t.len());
                }
                out.push_str(&t);
            }
            Event::SoftBreak => push_synthetic(&mut out, &mut map, range.start, " "),
            Event::HardBreak => push_synthetic(&mut out, &mut map, range.start, "\n"),
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() && !out.is_empty() && !out.ends_with("\n\n") {
                    let sep = if out.ends_with('\n') { "\n" } else { "\n\n" };
                    push_synthetic(&mut out, &mut map, range.end, sep);
                }
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    push_synthetic(&mut out, &mut map, range.start, "\n");
                }
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                push_synthetic(&mut out, &mut map, range.start, &marker);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => {
                let sep = if lists.is_empty() { "\n\n" } else { "\n" };
                if !out.is_empty() && !out.ends_with(sep) {
                    let sep = if out.ends_with('\n') { &sep[1..] } else { sep };
                    push_synthetic(&mut out, &mut map, range.end, sep);
                }
            }
            Event::End(TagEnd::TableCell) => push_synthetic(&mut out, &mut map, range.end, " | "),
            _ => {}
        }
    }
    // Trailing separators are dropped from the text; the map keeps describing
    // them, which leaves every offset inside the text unaffected.
    while out.ends_with('\n') {
        out.pop();
    }
    (out, map)
}

/// One document read from a JSON record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// `id` (a string or a number), if the record has one.
    pub id: Option<String>,
    /// `text`, `content` or `body`.
    pub text: String,
    /// `date` (`YYYY-MM-DD`, or an ISO date-time whose date part is taken).
    pub date: Option<NaiveDate>,
    /// `title`, if any.
    pub title: Option<String>,
    /// `url`, if any.
    pub url: Option<String>,
}

/// Reads one JSON record (one line of JSON Lines).
///
/// ```
/// let r = vanban::input::parse_record(r#"{"id": 7, "content": "Thu 5 tỷ đồng", "date": "2025-08-24T10:00:00+07:00"}"#)?;
/// assert_eq!(r.id.as_deref(), Some("7"));
/// assert_eq!(r.date.unwrap().to_string(), "2025-08-24");
/// let err = vanban::input::parse_record(r#"{"id": "a", "text": 5}"#).unwrap_err();
/// assert_eq!(err.to_string(), "field \"text\" is a number, expected a string");
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn parse_record(line: &str) -> Result<Record, Error> {
    let value: Value = serde_json::from_str(line)
        .map_err(|e| Error::new(ErrorKind::Syntax, format!("malformed JSON: {e}")))?;
    record_from_value(&value)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a record from a parsed JSON value.
pub fn record_from_value(value: &Value) -> Result<Record, Error> {
    let obj = value.as_object().ok_or_else(|| {
        Error::new(
            ErrorKind::Syntax,
            format!(
                "record is {}, expected an object with a \"text\" field",
                kind_of(value)
            ),
        )
    })?;
    let field = ["text", "content", "body"]
        .into_iter()
        .find(|k| obj.get(*k).is_some_and(|v| !v.is_null()));
    let Some(field) = field else {
        return Err(Error::new(
            ErrorKind::Syntax,
            "record has no \"text\", \"content\" or \"body\" field",
        ));
    };
    let text = match &obj[field] {
        Value::String(s) => s.clone(),
        other => {
            return Err(Error::new(
                ErrorKind::Syntax,
                format!("field {field:?} is {}, expected a string", kind_of(other)),
            ))
        }
    };
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            format!("empty document: field {field:?} has no text"),
        ));
    }
    if text.contains('\0') {
        return Err(Error::new(
            ErrorKind::Encoding,
            format!("binary data: field {field:?} has a NUL character"),
        ));
    }
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(Error::new(
                ErrorKind::Syntax,
                format!(
                    "field \"id\" is {}, expected a string or a number",
                    kind_of(other)
                ),
            ))
        }
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::InvalidDate,
                        format!("field \"date\" is {s:?}, expected YYYY-MM-DD"),
                    )
                })?,
        ),
        Some(other) => {
            return Err(Error::new(
                ErrorKind::Syntax,
                format!("field \"date\" is {}, expected a string", kind_of(other)),
            ))
        }
    };
    let string = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    Ok(Record {
        id,
        text,
        date,
        title: string("title"),
        url: string("url"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert_eq!(split_header("no header").0, None);
        assert_eq!(split_header(" date 2025-13-01 x").0, None);
        assert_eq!(split_header(" date 2025-11-04 ").1, "");
        assert_eq!(split_header(" date 2025-11-0412 x").0, None);
        let (d, body) = split_header(" date 2025-11-04\nNội dung");
        assert_eq!(d, NaiveDate::from_ymd_opt(2025, 11, 4));
        assert_eq!(body, "Nội dung");
    }

    #[test]
    fn bad_bytes() {
        assert_eq!(
            decode_text(b"a\0b").unwrap_err().kind(),
            ErrorKind::Encoding
        );
        assert_eq!(decode_text(b"  \n ").unwrap_err().kind(), ErrorKind::Empty);
        assert_eq!(
            decode_text(b"Vi\xeat").unwrap_err().to_string(),
            "invalid UTF-8 at byte 2: not text, or in a legacy encoding"
        );
    }

    #[test]
    fn records() {
        let r = parse_record(r#"{"id":"x","body":"Nội dung","title":"T","url":"u"}"#).unwrap();
        assert_eq!(
            (r.id.as_deref(), r.text.as_str(), r.title.as_deref()),
            (Some("x"), "Nội dung", Some("T"))
        );
        for (line, msg) in [
            (
                r#"{"id":"x"}"#,
                "record has no \"text\", \"content\" or \"body\" field",
            ),
            (
                r#"[1]"#,
                "record is an array, expected an object with a \"text\" field",
            ),
            (
                r#"{"text":"  "}"#,
                "empty document: field \"text\" has no text",
            ),
            (
                r#"{"text":"a","date":"24/8"}"#,
                "field \"date\" is \"24/8\", expected YYYY-MM-DD",
            ),
        ] {
            assert_eq!(parse_record(line).unwrap_err().to_string(), msg);
        }
        assert!(parse_record(r#"{"text": "a""#)
            .unwrap_err()
            .to_string()
            .starts_with("malformed JSON"));
    }

    #[test]
    fn markdown_lists_and_paragraphs() {
        let (text, _) = markdown_to_text("Đoạn *một*\ndòng hai.\n\n1. Mục a\n2. Mục b\n\nHết.");
        assert_eq!(text, "Đoạn một dòng hai.\n\n1. Mục a\n2. Mục b\n\nHết.");
    }
}
