//! Shared by the integration tests: reads the corpus as the `extract` example does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use vanban::input::{decode_text, split_header};
use vanban::{Document, Extractor};

/// The corpus folder.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Reads one corpus document (`.txt` with an optional date header).
pub fn read_doc(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("corpus file is readable");
    let text = decode_text(&bytes).expect("corpus file is text");
    let (date, body) = split_header(text);
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("file stem");
    Extractor::new().extract_dated(body, date).with_id(id)
}

/// Every corpus document, sorted by file name.
pub fn all_docs() -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus().join("docs"))
        .expect("corpus/docs exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read_doc(p)).collect()
}
