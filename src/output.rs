//! The JSON Lines record of a document, as the `extract` example writes it.
//!
//! ```json
//! {"id":"000_2983cdfa499ed57e","date":"2025-08-24","facts":[{"type":"date","text":"24/8","span":[17,21],"value":"2025-08-24","inferred_year":true,"rule":"date.day_month"}]}
//! ```
//!
//! `id`, `date` and `facts` are always present; `meta` (the document's own
//! identity) when the text has one; `text` (the normalised text the
//! spans point into) and `dropped` (blocks that are not the document) on request.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{DocMeta, Document, Dropped, Fact};

/// What a record includes beyond `id`, `date` and `facts`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordOptions {
    /// Include the normalised text.
    pub text: bool,
    /// Include the dropped blocks.
    pub dropped: bool,
}

/// One output record, borrowing from its document.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// The document's id.
    pub id: Option<&'a str>,
    /// The document date.
    pub date: Option<NaiveDate>,
    /// The document's own identity, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<&'a DocMeta>,
    /// The facts, in order of their start offset.
    pub facts: &'a [Fact],
    /// The normalised text, if asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// The dropped blocks, if asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<&'a [Dropped]>,
}

impl<'a> Record<'a> {
    /// The record of `doc`.
    ///
    /// ```
    /// use vanban::output::{Record, RecordOptions};
    /// let doc = vanban::extract("Đạt 58,5%.").with_id("a");
    /// let line = serde_json::to_string(&Record::new(&doc, RecordOptions::default())).unwrap();
    /// assert_eq!(line, r#"{"id":"a","date":null,"facts":[{"type":"percent","text":"58,5%","span":[7,12],"value":"58.5","bound":"exact","rule":"percent.sign"}]}"#);
    /// ```
    pub fn new(doc: &'a Document, options: RecordOptions) -> Self {
        Record {
            id: doc.id.as_deref(),
            date: doc.date,
            meta: doc.meta.as_ref(),
            facts: &doc.facts,
            text: options.text.then_some(doc.text.as_str()),
            dropped: options.dropped.then_some(doc.dropped.as_slice()),
        }
    }
}
