//! Scoring extracted facts against gold annotations, with the semantics of the
//! project's `eval/score.py`: each fact type is scored as a set per document,
//! matched by a key, and attribute agreement is reported for matched pairs.
//!
//! | type         | key                                                        |
//! |--------------|------------------------------------------------------------|
//! | `money`      | value and currency                                         |
//! | `percent`    | value                                                      |
//! | `date`       | value                                                      |
//! | `period`     | start and end                                              |
//! | `reference`  | canonical symbol (case, spaces and `Đ`/`Ð` ignored)        |
//! | `agency`     | name (case, tone marks, `UBND`/`HĐND` spelling, a trailing `Việt Nam` or `Đảng` ignored) |
//! | `target`     | the nested value's type and number                         |
//! | `deadline`   | the due day (date, or the end of the period)               |
//! | `assignment` | the lead bodies (sets overlapping by half or more)         |
//!
//! ```
//! use serde_json::json;
//! let gold = vec![json!({"id": "a", "facts": [{"type": "percent", "value": "58.5"}]})];
//! let pred = vec![json!({"id": "a", "facts": [{"type": "percent", "value": "58.50"}]})];
//! let scores = vanban::eval::score(&gold, &pred, vanban::eval::TYPES);
//! assert_eq!(scores.row("percent").unwrap().f1, 1.0);
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The fact types scored, in table order.
pub const TYPES: &[&str] = &[
    "money",
    "percent",
    "date",
    "period",
    "reference",
    "agency",
    "target",
    "deadline",
    "assignment",
];

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const ABBREVIATIONS: [(&str, &str); 5] = [
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("nhnn", "ngân hàng nhà nước"),
    ("kbnn", "kho bạc nhà nước"),
    ("mttq", "mặt trận tổ quốc"),
];

/// Lowercase, NFC, tone marks removed (vowel marks and `đ` kept).
pub fn fold_tones(s: &str) -> String {
    let stripped: String = s.nfd().filter(|c| !TONE_MARKS.contains(c)).collect();
    stripped.nfc().collect::<String>().to_lowercase()
}

/// The matching key of an agency name.
pub fn name_key(s: &str) -> String {
    let mut s: String = s.nfc().collect::<String>().to_lowercase();
    for (short, full) in ABBREVIATIONS {
        s = format!(" {s} ")
            .replace(&format!(" {short} "), &format!(" {full} "))
            .trim()
            .to_string();
    }
    let mut s = fold_tones(&s);
    for ch in [',', '.', ';', ':', '(', ')', '"', '\'', '“', '”'] {
        s = s.replace(ch, " ");
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| matches!(*w, "cac" | "cá" | "các"))
    {
        words.remove(0);
    }
    while words.len() > 2 && words[words.len() - 2..] == ["viêt", "nam"] {
        words.truncate(words.len() - 2);
    }
    while words.len() > 2 && words.last() == Some(&"đang") {
        words.pop();
    }
    words.join(" ")
}

/// The matching key of a document symbol.
pub fn symbol_key(s: &str) -> String {
    let s: String = s.nfc().map(|c| if c == 'Ð' { 'Đ' } else { c }).collect();
    s.split_whitespace().collect::<String>().to_uppercase()
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn dec(v: Option<&Value>) -> String {
    match text_of(v) {
        None => "None".into(),
        Some(s) => match s.replace(' ', "").parse::<Decimal>() {
            Ok(d) => d.normalize().to_string(),
            Err(_) => format!("str:{s}"),
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Atom(String),
    Set(BTreeSet<String>),
}

fn key(f: &Value) -> Option<Key> {
    let get = |k: &str| f.get(k);
    let t = get("type")?.as_str()?;
    let atom = |s: String| Some(Key::Atom(s));
    match t {
        "money" => {
            let cur = text_of(get("currency")).unwrap_or_else(|| "VND".into());
            atom(format!("{}\u{1}{}", dec(get("value")), cur.to_uppercase()))
        }
        "percent" => atom(dec(get("value"))),
        "date" => atom(text_of(get("value"))?),
        "period" => atom(format!(
            "{:?}\u{1}{:?}",
            text_of(get("start")),
            text_of(get("end"))
        )),
        "reference" => atom(symbol_key(
            &text_of(get("canonical")).or_else(|| text_of(get("text")))?,
        )),
        "agency" => atom(name_key(
            &text_of(get("name")).or_else(|| text_of(get("text")))?,
        )),
        "target" => match get("value") {
            Some(Value::Object(v)) => atom(format!(
                "{:?}\u{1}{}",
                text_of(v.get("type")),
                dec(v.get("value"))
            )),
            other => atom(format!("None\u{1}{}", dec(other))),
        },
        "deadline" => {
            let due = text_of(get("date"))
                .or_else(|| get("period").and_then(|p| text_of(p.get("end"))))
                .or_else(|| text_of(get("by")))?;
            atom(due)
        }
        "assignment" => {
            let lead: BTreeSet<String> = get("lead")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| text_of(Some(x)))
                        .filter(|x| !x.is_empty())
                        .map(|x| name_key(&x))
                        .collect()
                })
                .unwrap_or_default();
            Some(Key::Set(lead))
        }
        _ => None,
    }
}

fn keys_match(t: &str, g: &Key, p: &Key) -> bool {
    match (g, p) {
        (Key::Set(g), Key::Set(p)) if t == "assignment" => {
            if g.is_empty() || p.is_empty() {
                return false;
            }
            let inter = g.intersection(p).count() as f64;
            let union = g.union(p).count() as f64;
            inter / union >= 0.5
        }
        _ => g == p,
    }
}

fn attributes(t: &str) -> &'static [&'static str] {
    match t {
        "money" | "percent" => &["bound"],
        "reference" => &["kind", "issued"],
        "target" => &["bound", "by", "period"],
        "deadline" => &["bound"],
        "assignment" => &["deadline", "support"],
        _ => &[],
    }
}

fn attr_value(f: &Value, a: &str) -> Value {
    let v = f.get(a).cloned().unwrap_or(Value::Null);
    match a {
        "bound" if v.is_null() => Value::String("exact".into()),
        "kind" => match v.as_str() {
            Some(s) => Value::String(fold_tones(s)),
            None => Value::Null,
        },
        "support" => {
            let set: BTreeSet<String> = v
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| text_of(Some(x)))
                        .map(|x| name_key(&x))
                        .collect()
                })
                .unwrap_or_default();
            Value::Array(set.into_iter().map(Value::String).collect())
        }
        "period" if v.is_object() => Value::Array(vec![
            v.get("start").cloned().unwrap_or(Value::Null),
            v.get("end").cloned().unwrap_or(Value::Null),
        ]),
        _ => v,
    }
}

fn distinct<'a>(facts: &'a [Value], t: &str) -> Vec<(Key, &'a Value)> {
    let mut out: Vec<(Key, &Value)> = Vec::new();
    for f in facts {
        if f.get("type").and_then(Value::as_str) != Some(t) {
            continue;
        }
        let Some(k) = key(f) else { continue };
        if k == Key::Set(BTreeSet::new()) {
            continue;
        }
        let dup = out.iter().any(|(s, _)| {
            if t == "assignment" {
                keys_match(t, s, &k)
            } else {
                *s == k
            }
        });
        if !dup {
            out.push((k, f));
        }
    }
    out
}

/// Scores of one fact type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// The fact type.
    pub kind: String,
    /// Distinct gold facts.
    pub gold: usize,
    /// Distinct predicted facts.
    pub pred: usize,
    /// Predicted facts that matched a gold fact.
    pub tp: usize,
    /// tp / pred (1 when both are empty).
    pub precision: f64,
    /// tp / gold (1 when both are empty).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Agreement of each attribute over matched pairs, in table order.
    pub attributes: Vec<(String, f64)>,
}

/// One missed or extra fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// The fact type.
    pub kind: String,
    /// The document id.
    pub doc: String,
    /// `"missed"` (in gold, not predicted) or `"extra"` (predicted, not in gold).
    pub what: &'static str,
    /// The fact's `text`.
    pub text: Option<String>,
}

/// The scores of a run: one row per type, the macro F1 and the errors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// One row per scored type, in the order asked for.
    pub types: Vec<TypeScore>,
    /// Mean F1 over the types that have gold facts.
    pub macro_f1: f64,
    /// Gold documents.
    pub documents: usize,
    /// Gold documents with no prediction.
    pub missing: Vec<String>,
    /// Missed and extra facts, per type in order.
    pub errors: Vec<Miss>,
}

impl Scores {
    /// The row of one type.
    pub fn row(&self, kind: &str) -> Option<&TypeScore> {
        self.types.iter().find(|r| r.kind == kind)
    }

    /// The errors as `score.py --show-errors N` lists them (N per type).
    pub fn show_errors(&self, n: usize) -> String {
        let mut out = String::new();
        for t in &self.types {
            for e in self.errors.iter().filter(|e| e.kind == t.kind).take(n) {
                out.push_str(&format!(
                    "  {:<11} {:<6} {}: {:?}\n",
                    e.kind,
                    e.what,
                    e.doc,
                    e.text.as_deref().unwrap_or("")
                ));
            }
        }
        out
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The table as `score.py` prints it.
impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<11} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  attributes",
            "type", "gold", "pred", "tp", "P", "R", "F1"
        )?;
        for r in &self.types {
            let attrs: Vec<String> = r
                .attributes
                .iter()
                .map(|(a, v)| format!("{a}={v:.2}"))
                .collect();
            writeln!(
                f,
                "{:<11} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}  {}",
                r.kind,
                r.gold,
                r.pred,
                r.tp,
                r.precision,
                r.recall,
                r.f1,
                attrs.join(" ")
            )?;
        }
        write!(
            f,
            "macro F1 over types with gold facts: {:.3} ({} documents",
            self.macro_f1, self.documents
        )?;
        if !self.missing.is_empty() {
            write!(f, ", {} without predictions", self.missing.len())?;
        }
        writeln!(f, ")")
    }
}

fn id_of(d: &Value) -> String {
    match d.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "None".into(),
        Some(other) => other.to_string(),
    }
}

/// Scores predicted documents against gold documents (JSON objects with `id`
/// and `facts`), paired by `id`, over `types`.
pub fn score(gold: &[Value], pred: &[Value], types: &[&str]) -> Scores {
    let pred_by_id: BTreeMap<String, &Value> = pred.iter().map(|d| (id_of(d), d)).collect();
    let gold_by_id: BTreeMap<String, &Value> = gold.iter().map(|d| (id_of(d), d)).collect();
    let empty = Vec::new();
    let facts_of = |d: Option<&&Value>| -> Vec<Value> {
        d.and_then(|d| d.get("facts"))
            .and_then(Value::as_array)
            .unwrap_or(&empty)
            .clone()
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for &t in types {
        let (mut g_n, mut p_n, mut tp) = (0, 0, 0);
        let mut agree: Vec<(String, usize, usize)> = Vec::new();
        let mut missed = Vec::new();
        for (doc_id, g) in &gold_by_id {
            let gf = facts_of(Some(g));
            let pf = facts_of(pred_by_id.get(doc_id));
            let gs = distinct(&gf, t);
            let ps = distinct(&pf, t);
            g_n += gs.len();
            p_n += ps.len();
            let mut used = vec![false; gs.len()];
            for (pk, pfact) in &ps {
                let hit = gs
                    .iter()
                    .enumerate()
                    .position(|(i, (gk, _))| !used[i] && keys_match(t, gk, pk));
                let Some(i) = hit else {
                    errors.push(Miss {
                        kind: t.into(),
                        doc: doc_id.clone(),
                        what: "extra",
                        text: text_of(pfact.get("text")),
                    });
                    continue;
                };
                used[i] = true;
                tp += 1;
                let gfact = gs[i].1;
                for &a in attributes(t) {
                    if gfact.get(a).is_none() {
                        continue;
                    }
                    let ok = attr_value(gfact, a) == attr_value(pfact, a);
                    match agree.iter_mut().find(|(name, _, _)| name == a) {
                        Some(row) => {
                            row.1 += ok as usize;
                            row.2 += 1;
                        }
                        None => agree.push((a.to_string(), ok as usize, 1)),
                    }
                }
            }
            for (i, (_, gfact)) in gs.iter().enumerate() {
                if !used[i] {
                    missed.push(Miss {
                        kind: t.into(),
                        doc: doc_id.clone(),
                        what: "missed",
                        text: text_of(gfact.get("text")),
                    });
                }
            }
        }
        errors.extend(missed);
        let p = if p_n > 0 {
            tp as f64 / p_n as f64
        } else if g_n == 0 {
            1.0
        } else {
            0.0
        };
        let r = if g_n > 0 {
            tp as f64 / g_n as f64
        } else if p_n == 0 {
            1.0
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        rows.push(TypeScore {
            kind: t.into(),
            gold: g_n,
            pred: p_n,
            tp,
            precision: round4(p),
            recall: round4(r),
            f1: round4(f1),
            attributes: agree
                .into_iter()
                .filter(|(_, _, n)| *n > 0)
                .map(|(a, x, n)| (a, round4(x as f64 / n as f64)))
                .collect(),
        });
    }
    let scored: Vec<f64> = rows.iter().filter(|r| r.gold > 0).map(|r| r.f1).collect();
    let macro_f1 = if scored.is_empty() {
        0.0
    } else {
        round4(scored.iter().sum::<f64>() / scored.len() as f64)
    };
    let missing = gold_by_id
        .keys()
        .filter(|k| !pred_by_id.contains_key(*k))
        .cloned()
        .collect();
    Scores {
        types: rows,
        macro_f1,
        documents: gold_by_id.len(),
        missing,
        errors,
    }
}

/// Loads documents for scoring: a folder of `.json` documents (and `.jsonl`
/// files), or one JSON Lines file. A `.json` file without `id` takes its stem.
pub fn load(path: &Path) -> Result<Vec<Value>, crate::Error> {
    let io = |e: std::io::Error| {
        crate::Error::new(
            crate::ErrorKind::Syntax,
            format!("cannot read {}: {e}", path.display()),
        )
    };
    if path.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        let mut docs = Vec::new();
        for p in names {
            match p.extension().and_then(|e| e.to_str()) {
                Some("json") => {
                    let text = std::fs::read_to_string(&p).map_err(io)?;
                    let mut d: Value = serde_json::from_str(&text).map_err(|e| {
                        crate::Error::new(
                            crate::ErrorKind::Syntax,
                            format!("{}: not JSON: {e}", p.display()),
                        )
                    })?;
                    if d.get("id").is_none_or(Value::is_null) {
                        if let (Some(obj), Some(stem)) =
                            (d.as_object_mut(), p.file_stem().and_then(|s| s.to_str()))
                        {
                            obj.insert("id".into(), Value::String(stem.into()));
                        }
                    }
                    docs.push(d);
                }
                Some("jsonl") => docs.extend(load(&p)?),
                _ => {}
            }
        }
        return Ok(docs);
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let d: Value = serde_json::from_str(line).map_err(|e| {
            crate::Error::new(
                crate::ErrorKind::Syntax,
                format!("{}:{}: not JSON: {e}", path.display(), n + 1),
            )
        })?;
        docs.push(d);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn name_keys_ignore_spelling() {
        assert_eq!(
            name_key("UBND tỉnh Lào Cai"),
            name_key("Ủy ban Nhân dân tỉnh Lào Cai")
        );
        assert_eq!(
            name_key("Ngân hàng Nhà nước Việt Nam"),
            name_key("Ngân hàng Nhà nước")
        );
        assert_eq!(name_key("các Sở"), "sơ");
        assert_eq!(
            name_key("Ban Tổ chức Trung ương Đảng"),
            name_key("Ban Tổ chức Trung ương")
        );
    }

    #[test]
    fn symbol_keys_ignore_case_spaces_and_eth() {
        assert_eq!(
            symbol_key("154/2025/NÐ-CP"),
            symbol_key("154 / 2025 / nđ-cp")
        );
    }

    #[test]
    fn scores_sets_per_document() {
        let gold = vec![json!({"id": "a", "facts": [
            {"type": "money", "value": "5", "currency": "VND", "bound": "over"},
            {"type": "money", "value": "5", "currency": "VND"},
            {"type": "date", "value": "2025-01-01"},
            {"type": "assignment", "lead": ["Bộ Xây dựng", "Bộ Tài chính"], "deadline": null}
        ]})];
        let pred = vec![json!({"id": "a", "facts": [
            {"type": "money", "value": "5.0", "currency": "vnd", "bound": "exact"},
            {"type": "date", "value": "2025-01-02"},
            {"type": "assignment", "lead": ["Bộ Xây dựng"], "deadline": null}
        ]})];
        let s = score(&gold, &pred, TYPES);
        let money = s.row("money").unwrap();
        assert_eq!((money.gold, money.pred, money.tp), (1, 1, 1));
        assert_eq!(money.attributes, vec![("bound".to_string(), 0.0)]);
        let date = s.row("date").unwrap();
        assert_eq!((date.tp, date.f1), (0, 0.0));
        assert_eq!(s.row("assignment").unwrap().tp, 1);
        assert_eq!(s.macro_f1, round4((1.0 + 0.0 + 1.0) / 3.0));
        assert!(s.to_string().starts_with("type         gold  pred"));
        assert_eq!(s.errors.len(), 2);
    }
}
