//! Scores the corpus against its gold annotations and holds the floors of the
//! issues that are done. Run with `--nocapture` to see the table.

mod common;

use vanban::output::{Record, RecordOptions};

/// F1 floors per fact type.
const FLOORS: &[(&str, f64)] = &[
    ("money", 0.95),
    ("percent", 0.95),
    ("date", 0.95),
    ("period", 0.95),
    ("reference", 0.97),
    ("agency", 0.90),
    ("assignment", 0.80),
    ("target", 0.80),
    ("deadline", 0.85),
];

#[test]
fn corpus_meets_the_floors() {
    let pred: Vec<serde_json::Value> = common::all_docs()
        .iter()
        .map(|d| serde_json::to_value(Record::new(d, RecordOptions::default())).unwrap())
        .collect();
    let gold = vanban::eval::load(&common::corpus().join("gold")).expect("gold loads");
    assert_eq!(gold.len(), pred.len(), "every document has gold");
    let scores = vanban::eval::score(&gold, &pred, vanban::eval::TYPES);
    println!("{scores}");
    assert!(
        scores.missing.is_empty(),
        "no prediction for {:?}",
        scores.missing
    );
    let mut below = Vec::new();
    for (kind, floor) in FLOORS {
        let row = scores.row(kind).expect("type is scored");
        if row.f1 < *floor {
            below.push(format!("{kind}: F1 {:.3} < {floor}", row.f1));
        }
    }
    assert!(
        below.is_empty(),
        "{}\n{scores}{}",
        below.join("\n"),
        scores.show_errors(10)
    );
}
