//! Snapshots of every corpus document's extraction (JSON, one per document),
//! and checks that hold for every fact of the corpus.

mod common;

use vanban::output::{Record, RecordOptions};

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus/docs", "*.txt", |path| {
        let doc = common::read_doc(path);
        insta::assert_json_snapshot!(Record::new(&doc, RecordOptions::default()));
    });
}

#[test]
fn every_fact_is_its_span_and_maps_back_to_the_input() {
    for doc in common::all_docs() {
        assert!(!doc.facts.is_empty(), "{:?} has no facts", doc.id);
        let mut last = 0;
        for f in &doc.facts {
            let span = f.span();
            assert_eq!(doc.text.get(span.range()), Some(f.text()), "{:?}", doc.id);
            assert!(span.start >= last, "facts out of order in {:?}", doc.id);
            last = span.start;
            let original = doc.to_original(span);
            assert!(original.start <= original.end);
        }
    }
}
