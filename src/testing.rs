//! Test support: runs a rule family's examples file.
//!
//! ```toml
//! anchor = "2025-11-04"          # optional: the document date for year-less input
//!
//! [[example]]
//! input  = "31.307,4 tỷ đồng"    # the whole input is the one fact...
//! expect = "31307400000000 VND"  # ...and its Display is this
//!
//! [[example]]
//! input  = "Chiều 24/8, Tổ công tác"
//! text   = "24/8"                # ...or the one fact is this part of it
//! expect = "2025-08-24 (inferred year)"
//!
//! [reject]
//! inputs = ["Điều 12"]           # no fact at all
//! ```
//!
//! Every failure is reported at once; `EXAMPLES=money` runs only that family.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::fact::Fact;
use crate::normalize::Normalized;
use crate::values::{resolve, Source};

#[derive(Deserialize)]
struct File {
    anchor: Option<NaiveDate>,
    #[serde(default)]
    example: Vec<Example>,
    #[serde(default)]
    reject: Reject,
}

#[derive(Deserialize)]
struct Example {
    input: String,
    expect: String,
    text: Option<String>,
    anchor: Option<NaiveDate>,
}

#[derive(Deserialize, Default)]
struct Reject {
    #[serde(default)]
    inputs: Vec<String>,
    anchor: Option<NaiveDate>,
}

fn run(
    find: fn(&Source<'_>, &mut Vec<Fact>),
    input: &str,
    anchor: Option<NaiveDate>,
) -> (String, Vec<Fact>) {
    let n = Normalized::new(input);
    let src = Source::new(&n.text, &n.lower, anchor);
    let mut out = Vec::new();
    find(&src, &mut out);
    let facts = resolve(out);
    for f in &facts {
        assert_eq!(
            &n.text[f.span().range()],
            f.text(),
            "text is not the span's slice"
        );
    }
    (n.text, facts)
}

/// Runs every example of one family; panics with the list of failures.
pub(crate) fn run_examples(family: &str, source: &str, find: fn(&Source<'_>, &mut Vec<Fact>)) {
    if let Ok(only) = std::env::var("EXAMPLES") {
        if !only.split(',').any(|f| f == family) {
            return;
        }
    }
    let file: File =
        toml::from_str(source).unwrap_or_else(|e| panic!("{family}.examples.toml: {e}"));
    assert!(!file.example.is_empty(), "{family}: no examples");
    let mut failures = Vec::new();
    for ex in &file.example {
        let (text, facts) = run(find, &ex.input, ex.anchor.or(file.anchor));
        let want_text = ex.text.clone().unwrap_or(text);
        let got: Vec<String> = facts
            .iter()
            .map(|f| format!("{:?} → {}", f.text(), f))
            .collect();
        match facts.as_slice() {
            [one] if one.text() == want_text && one.to_string() == ex.expect => {}
            _ => failures.push(format!(
                "{:?}: want {:?} → {}, got [{}]",
                ex.input,
                want_text,
                ex.expect,
                got.join("; ")
            )),
        }
    }
    for input in &file.reject.inputs {
        let (_, facts) = run(find, input, file.reject.anchor.or(file.anchor));
        if !facts.is_empty() {
            let got: Vec<String> = facts
                .iter()
                .map(|f| format!("{:?} → {}", f.text(), f))
                .collect();
            failures.push(format!("{input:?}: want nothing, got [{}]", got.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{family}: {} of {} examples failed:\n  {}",
        failures.len(),
        file.example.len() + file.reject.inputs.len(),
        failures.join("\n  ")
    );
}
