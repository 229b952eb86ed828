//! The public API and the JSON wire format.

use chrono::NaiveDate;
use vanban::output::{Record, RecordOptions};
use vanban::{Bound, Extractor, Fact, Grain};

const SENTENCE: &str =
    "Chiều 24/8, tỉnh báo cáo: thu ngân sách 8 tháng đầu năm 2025 ước đạt trên 4.400 tỷ đồng, \
bằng 72,5% kế hoạch; quý II/2026 hoàn thành 1.200 công trình, chậm nhất ngày 31/12/2025.";

fn doc() -> vanban::Document {
    Extractor::new()
        .with_date(NaiveDate::from_ymd_opt(2025, 8, 24).unwrap())
        .extract(SENTENCE)
        .with_id("api")
}

#[test]
fn wire_format() {
    let doc = doc();
    insta::assert_json_snapshot!(Record::new(&doc, RecordOptions::default()));
}

#[test]
fn facts_round_trip_through_json() {
    let doc = doc();
    let json = serde_json::to_string(&doc.facts).unwrap();
    let back: Vec<Fact> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc.facts);
    let whole = serde_json::to_string(&doc).unwrap();
    let back: vanban::Document = serde_json::from_str(&whole).unwrap();
    assert_eq!(back.facts, doc.facts);
    assert_eq!(back.text, doc.text);
}

#[test]
fn typed_access() {
    let doc = doc();
    let money = doc
        .facts
        .iter()
        .find_map(|f| match f {
            Fact::Money(m) => Some(m),
            _ => None,
        })
        .unwrap();
    assert_eq!(money.value.to_string(), "4400000000000");
    assert_eq!(money.bound, Bound::Over);
    let quarter = doc
        .facts
        .iter()
        .find_map(|f| match f {
            Fact::Period(p) if p.grain == Grain::Quarter => Some(p),
            _ => None,
        })
        .unwrap();
    assert_eq!(quarter.start, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    assert_eq!(doc.facts_of("date").count(), 2);
}

#[test]
fn parser_errors_quote_the_input() {
    let cases = [
        (vanban::parse_date("31/2/2025", None).unwrap_err(), "invalid date \"31/2/2025\": February 2025 has 28 days"),
        (vanban::parse_date("24/8", None).unwrap_err(), "date \"24/8\" has no year and no anchor date was given"),
        (vanban::parse_date("15/13/2025", None).unwrap_err(), "invalid date \"15/13/2025\": there is no month 13"),
        (vanban::parse_money("").unwrap_err(), "empty input: expected an amount of money such as \"31.307,4 tỷ đồng\""),
        (vanban::parse_percent("8 phần").unwrap_err(), "invalid \"8 phần\": expected a percentage such as \"58,5%\""),
        (vanban::parse_period("năm nay", None).unwrap_err(), "invalid \"năm nay\": expected a period such as \"quý 2/2026\", \"tháng 8/2025\", \"năm 2025\" or \"giai đoạn 2026-2030\""),
    ];
    for (err, msg) in cases {
        assert_eq!(err.to_string(), msg);
    }
}

#[test]
fn public_types_are_send_sync_clone_eq() {
    fn check<T: Send + Sync + Clone + PartialEq + std::fmt::Debug>() {}
    check::<vanban::Document>();
    check::<Fact>();
    check::<vanban::Error>();
    check::<vanban::Money>();
    check::<vanban::Period>();
}
