//! The citation graph: which documents cite which.
//!
//! Each document gives one edge per document it cites: from its own symbol
//! (when its text states one, [`crate::Document::meta`]) or else its id, to the
//! cited canonical symbol, with the kind and issue date stated for it. The
//! document's own symbol is left out.
//!
//! ```
//! use vanban::graph::{edges, render, GraphFormat};
//! let doc = vanban::extract(
//!     "Thực hiện Chỉ thị số 05/CT-TTg ngày 01/3/2025 của Thủ tướng Chính phủ và Nghị quyết số 57-NQ/TW.",
//! )
//! .with_id("a");
//! let e = edges(&doc);
//! assert_eq!(e.len(), 2);
//! assert_eq!(render(&e, GraphFormat::Csv).lines().nth(1), Some("a,a,05/CT-TTg,Chỉ thị,2025-03-01"));
//! assert!(render(&e, GraphFormat::Dot).contains("\"a\" -> \"57-NQ/TW\""));
//! ```
//!
//! # Limits
//! - Nodes are keyed by symbol alone: the same `274/QĐ-UBND` of two provinces
//!   is one node.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::fact::Fact;
use crate::Document;

/// One citation: a document cites another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// The citing document's own symbol, else its id.
    pub source: String,
    /// The citing document's id.
    pub document: String,
    /// The cited document's canonical symbol.
    pub target: String,
    /// The cited document's kind, if known.
    pub kind: Option<String>,
    /// The cited document's issue date, if the text gives it.
    pub issued: Option<NaiveDate>,
}

/// The citation edges of one document: one per cited symbol, with the first
/// kind and issue date stated for it; the document's own symbol left out.
pub fn edges(doc: &Document) -> Vec<Edge> {
    let id = doc.id.clone().unwrap_or_default();
    let own = doc.meta.as_ref().and_then(|m| m.symbol.clone());
    let source = own.clone().unwrap_or_else(|| id.clone());
    let mut edges: Vec<Edge> = Vec::new();
    for fact in &doc.facts {
        let Fact::Reference(r) = fact else { continue };
        if own.as_deref() == Some(r.canonical.as_str()) {
            continue;
        }
        match edges.iter_mut().find(|e| e.target == r.canonical) {
            Some(e) => {
                e.kind = e.kind.take().or_else(|| r.kind.clone());
                e.issued = e.issued.or(r.issued);
            }
            None => edges.push(Edge {
                source: source.clone(),
                document: id.clone(),
                target: r.canonical.clone(),
                kind: r.kind.clone(),
                issued: r.issued,
            }),
        }
    }
    edges
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A DOT string literal.
fn dot_string(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    )
}

/// The format of a rendered graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// `source,document,target,kind,issued`, one edge per line, with a header.
    Csv,
    /// Graphviz DOT (`dot -Tsvg cites.dot > cites.svg`).
    Dot,
}

/// Renders edges (of any number of documents) as CSV or DOT.
pub fn render(edges: &[Edge], format: GraphFormat) -> String {
    let mut w = String::new();
    match format {
        GraphFormat::Csv => {
            w.push_str("source,document,target,kind,issued\n");
            for e in edges {
                let _ = writeln!(
                    w,
                    "{},{},{},{},{}",
                    csv_field(&e.source),
                    csv_field(&e.document),
                    csv_field(&e.target),
                    csv_field(e.kind.as_deref().unwrap_or("")),
                    e.issued.map(|d| d.to_string()).unwrap_or_default()
                );
            }
        }
        GraphFormat::Dot => {
            w.push_str("digraph citations {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
            let mut cited: Vec<(&str, Option<&str>)> = Vec::new();
            for e in edges {
                if !cited.iter().any(|(t, _)| *t == e.target) {
                    cited.push((&e.target, e.kind.as_deref()));
                }
            }
            for (target, kind) in &cited {
                let label = match kind {
                    Some(k) if !target.starts_with(k) => format!("{k} {target}"),
                    _ => target.to_string(),
                };
                let _ = writeln!(
                    w,
                    "  {} [label={}];",
                    dot_string(target),
                    dot_string(&label)
                );
            }
            // Documents known only by their id are ellipses.
            let mut ids: Vec<&str> = Vec::new();
            for e in edges.iter().filter(|e| e.source == e.document) {
                if !ids.contains(&e.document.as_str()) {
                    ids.push(&e.document);
                    let _ = writeln!(w, "  {} [shape=ellipse];", dot_string(&e.document));
                }
            }
            for e in edges {
                let label = e.issued.map(|d| d.to_string()).unwrap_or_default();
                let _ = writeln!(
                    w,
                    "  {} -> {} [label={}];",
                    dot_string(&e.source),
                    dot_string(&e.target),
                    dot_string(&label)
                );
            }
            w.push_str("}\n");
        }
    }
    w
}
