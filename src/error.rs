//! The crate's error type.
//!
//! Extraction never fails: [`crate::extract`] always returns a
//! [`crate::Document`]. Errors come from the whole-string parsers
//! ([`crate::parse_number`], [`crate::parse_date`], ...) and from reading input.
//!
//! ```
//! let err = vanban::parse_date("31/2/2025", None).unwrap_err();
//! assert_eq!(err.kind(), vanban::ErrorKind::InvalidDate);
//! assert_eq!(err.to_string(), r#"invalid date "31/2/2025": February 2025 has 28 days"#);
//! ```

use std::fmt;

use crate::Span;

/// What went wrong, for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input was empty or only whitespace.
    Empty,
    /// The input does not have the expected shape.
    Syntax,
    /// A number is too large for a 96-bit decimal.
    Overflow,
    /// Day, month or year out of range, or the day does not exist.
    InvalidDate,
    /// A day or month without a year, and no anchor date to take the year from.
    MissingYear,
    /// Input that is not text (invalid UTF-8, binary, NUL bytes).
    Encoding,
}

/// An error with its kind, a message that quotes the input, and where it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    span: Option<Span>,
}

impl Error {
    /// An error of `kind` with a complete, human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            span: None,
        }
    }

    /// The same error, pointing at `span` of the input.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The part of the input the error is about, when known.
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    pub(crate) fn empty(what: &str) -> Self {
        Error::new(ErrorKind::Empty, format!("empty input: expected {what}"))
    }

    pub(crate) fn syntax(input: &str, expected: &str) -> Self {
        Error::new(
            ErrorKind::Syntax,
            format!("invalid {input:?}: expected {expected}"),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
