//! Properties over generated text: no input panics, every span slices the
//! text, normalising is idempotent, a prefix shifts spans and changes no values.

use chrono::NaiveDate;
use proptest::prelude::*;
use vanban::Extractor;

/// Pieces the generator mixes: Vietnamese letters (composed, decomposed, old
/// tone placement), digits, separators and keywords of the value rules.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("tỷ".to_string()),
        Just("đồng".to_string()),
        Just("quý".to_string()),
        Just("tháng".to_string()),
        Just("năm".to_string()),
        Just("ngày".to_string()),
        Just("trước ngày".to_string()),
        Just("Nghị quyết".to_string()),
        Just("giai đoạn".to_string()),
        Just("trên".to_string()),
        Just("từ".to_string()),
        Just("đến".to_string()),
        Just("phần trăm".to_string()),
        Just("trở lên".to_string()),
        Just("hoà Uỷ".to_string()),
        Just("Ủy".to_string()),
        Just("./.".to_string()),
        Just("(Ảnh: TTXVN)".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("u\u{309}y".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<b>".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#x1EA1;".to_string()),
        Just("<!--".to_string()),
        Just("<script>".to_string()),
        Just("\u{301}".to_string()),
        "[0-9]{1,5}",
        "[.,/%-]",
        " ",
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.join(" "))
}

fn extractor() -> Extractor {
    Extractor::new().with_date(NaiveDate::from_ymd_opt(2025, 6, 15).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_slice_the_text(s in text()) {
        let doc = extractor().extract(&s);
        for f in &doc.facts {
            let span = f.span();
            prop_assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
            prop_assert_eq!(doc.text.get(span.range()), Some(f.text()));
            let orig = doc.to_original(span);
            prop_assert!(orig.start <= orig.end && orig.end <= s.len());
            prop_assert!(s.is_char_boundary(orig.start) && s.is_char_boundary(orig.end));
        }
    }

    #[test]
    fn normalizing_is_idempotent(s in text()) {
        let once = vanban::normalize(&s);
        prop_assert_eq!(vanban::normalize(&once), once.clone());
        // Extraction normalises the same way (HTML left alone: it is removed
        // before normalising, and `&amp;lt;` would decode twice).
        let doc = extractor().keep_html(true).extract(&once);
        prop_assert_eq!(doc.text, once);
    }

    #[test]
    fn extracting_normalized_text_gives_the_same_facts(s in text()) {
        let doc = extractor().extract(&s);
        let again = extractor().keep_html(true).extract(&doc.text);
        prop_assert_eq!(again.facts, doc.facts);
    }

    #[test]
    fn a_prefix_shifts_spans_and_changes_no_values(s in text()) {
        let prefix = "Mở đầu.\n\n";
        let plain = extractor().extract(&s);
        let prefixed = extractor().extract(&format!("{prefix}{s}"));
        let shift = prefixed.text.len() - plain.text.len();
        let mut moved = plain.facts.clone();
        for f in &mut moved {
            f.shift(shift);
        }
        prop_assert_eq!(prefixed.facts, moved);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for enc in [
            None,
            Some(vanban::input::Encoding::Utf8),
            Some(vanban::input::Encoding::Utf16),
            Some(vanban::input::Encoding::Windows1258),
            Some(vanban::input::Encoding::Tcvn3),
            Some(vanban::input::Encoding::Vni),
            Some(vanban::input::Encoding::Viqr),
        ] {
            if let Ok(text) = vanban::input::decode(&bytes, enc) {
                prop_assert!(!text.trim().is_empty());
                let _ = extractor().extract(&text);
            }
        }
    }

    #[test]
    fn html_maps_back_into_the_input(s in text()) {
        if let Some((plain, map)) = vanban::html::to_text(&s) {
            let whole = map.to_original(vanban::Span::new(0, plain.len()));
            prop_assert!(whole.end <= s.len());
            prop_assert!(s.is_char_boundary(whole.start) && s.is_char_boundary(whole.end));
        }
    }

    #[test]
    fn parsers_never_panic(s in text()) {
        let anchor = NaiveDate::from_ymd_opt(2025, 1, 1);
        let _ = vanban::parse_number(&s);
        let _ = vanban::parse_money(&s);
        let _ = vanban::parse_percent(&s);
        let _ = vanban::parse_date(&s, anchor);
        let _ = vanban::parse_period(&s, anchor);
        let _ = vanban::input::parse_record(&s);
        let (plain, map) = vanban::input::markdown_to_text(&s);
        let _ = map.to_original(vanban::Span::new(0, plain.len()));
    }
}
