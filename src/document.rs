//! The document and the extractor.

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::fact::Fact;
use crate::normalize::Normalized;
use crate::outline::OutlineNode;
use crate::segment::{dropped_blocks, Dropped};
use crate::span::OffsetMap;
use crate::values::{self, Source};
use crate::Span;

/// One document and the facts read from it.
///
/// `text` is the normalised text; every fact's `span` points into it. The
/// original input can be recovered with [`Document::to_original`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The document's id, when the caller gave one.
    pub id: Option<String>,
    /// The document date: given by the caller, else the text's own issue date.
    pub date: Option<NaiveDate>,
    /// The document's own identity, when the text is a document or reports one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<DocMeta>,
    /// The normalised text.
    pub text: String,
    /// The facts, in order of their start offset.
    pub facts: Vec<Fact>,
    /// Blocks of `text` that are not the document (captions, navigation, ...).
    pub dropped: Vec<Dropped>,
    /// The outline of the text: numbered parts, lettered items, bullets, headings.
    #[serde(default)]
    pub outline: Vec<OutlineNode>,
    /// Normalised offsets back to the input (then through `source_maps`).
    #[serde(skip)]
    map: OffsetMap,
    /// Maps applied before normalisation (e.g. Markdown to plain text), innermost last.
    #[serde(skip)]
    source_maps: Vec<OffsetMap>,
}

impl Document {
    /// Maps a span of [`Document::text`] back to the bytes of the input it was read from.
    ///
    /// ```
    /// let input = "Tỉnh uỷ  giao 5 tỷ đồng";
    /// let doc = vanban::extract(input);
    /// let money = doc.facts_of("money").next().unwrap();
    /// assert_eq!(&input[doc.to_original(money.span()).range()], "5 tỷ đồng");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let mut s = self.map.to_original(span);
        for m in self.source_maps.iter().rev() {
            s = m.to_original(s);
        }
        s
    }

    /// The same document with `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Records that the input given to the extractor was itself made from a
    /// source through `map` (e.g. Markdown rendered to plain text), so that
    /// [`Document::to_original`] maps all the way back to that source.
    pub fn with_source_map(mut self, map: OffsetMap) -> Self {
        self.source_maps.insert(0, map);
        self
    }

    /// The facts of one kind (`"money"`, `"date"`, ...).
    pub fn facts_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        self.facts.iter().filter(move |f| f.kind() == kind)
    }
}

/// The identity of the document a text is, or reports the issue of.
///
/// Filled from an official header (`Số: 229/CĐ-TTg`, then `Hà Nội, ngày 26
/// tháng 11 năm 2025`), or from an opening sentence that reports the issue
/// (`Ngày 11/4/2025, Chủ tịch UBND tỉnh ... đã ký ban hành Chỉ thị số
/// 07/CT-UBND về việc ...`, `Văn phòng Chính phủ có Thông báo số 608/TB-VPCP
/// ngày 11/11/2025 ...`). A text that only cites documents has none.
///
/// ```
/// let doc = vanban::extract("Ngày 11/4/2025, Chủ tịch UBND tỉnh đã ký ban hành Chỉ thị số 07/CT-UBND về việc đẩy mạnh giải ngân vốn đầu tư công.");
/// let meta = doc.meta.unwrap();
/// assert_eq!(meta.symbol.as_deref(), Some("07/CT-UBND"));
/// assert_eq!(meta.kind.as_deref(), Some("Chỉ thị"));
/// assert_eq!(meta.issued.unwrap().to_string(), "2025-04-11");
/// assert_eq!(meta.issuer.as_deref(), Some("UBND"));
/// assert_eq!(meta.subject.as_deref(), Some("đẩy mạnh giải ngân vốn đầu tư công"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The kind of document (`Chỉ thị`, `Thông báo`, `Công điện`, ...).
    pub kind: Option<String>,
    /// Its symbol, canonical as in a `reference` fact (`07/CT-UBND`).
    pub symbol: Option<String>,
    /// Its issue date.
    pub issued: Option<NaiveDate>,
    /// The issuer part of its symbol (`UBND`, `VPCP`, `TTg`).
    pub issuer: Option<String>,
    /// What it is about: the phrase after `về việc` / `về` (`V/v` in a header).
    pub subject: Option<String>,
}

/// Extracts facts; build it once and reuse it (it is `Send + Sync`).
///
/// ```
/// use chrono::NaiveDate;
/// let extractor = vanban::Extractor::new().with_date(NaiveDate::from_ymd_opt(2025, 8, 24).unwrap());
/// let doc = extractor.extract("Chiều 24/8, Tổ công tác làm việc với tỉnh.");
/// assert_eq!(doc.facts[0].to_string(), "2025-08-24 (inferred year)");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    date: Option<NaiveDate>,
    keep_dropped: bool,
    keep_html: bool,
}

impl Extractor {
    /// An extractor with no document date.
    pub fn new() -> Self {
        Extractor::default()
    }

    /// Sets the document date used for year-less dates and periods. Without
    /// it, each document's own issue date is used when its text states one
    /// ([`Document::meta`], else the first issue date its opening states).
    pub fn with_date(mut self, date: NaiveDate) -> Self {
        self.date = Some(date);
        self
    }

    /// Also reads facts from captions, navigation and other dropped blocks
    /// (they are still listed in [`Document::dropped`]).
    pub fn keep_dropped(mut self, keep: bool) -> Self {
        self.keep_dropped = keep;
        self
    }

    /// Leaves HTML tags and character references in the text (by default
    /// they are removed first, see [`crate::html`]).
    pub fn keep_html(mut self, keep: bool) -> Self {
        self.keep_html = keep;
        self
    }

    /// Normalises `text` and extracts its facts.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_dated(text, None)
    }

    /// Like [`Extractor::extract`], with a document date for this document
    /// that takes precedence over the extractor's.
    pub fn extract_dated(&self, text: &str, date: Option<NaiveDate>) -> Document {
        let (plain, html_map) = match (self.keep_html, crate::html::to_text(text)) {
            (false, Some((plain, map))) => (std::borrow::Cow::Owned(plain), Some(map)),
            _ => (std::borrow::Cow::Borrowed(text), None),
        };
        let normalized = Normalized::new(&plain);
        let dropped = dropped_blocks(&normalized.text);
        let meta = crate::facts::reference::identity(&normalized.text, &normalized.lower, &dropped);
        let date = date
            .or(self.date)
            .or_else(|| meta.as_ref().and_then(|m| m.issued));
        let src = Source::new(&normalized.text, &normalized.lower, date);
        let mut facts = values::find_all(&src);
        let outline = crate::outline::parse(&normalized.text);
        crate::facts::find_all(&src, &normalized.folded, &dropped, &outline, &mut facts);
        if !self.keep_dropped {
            facts.retain(|f| !dropped.iter().any(|d| d.span.overlaps(f.span())));
        }
        Document {
            id: None,
            date,
            meta,
            facts,
            dropped,
            outline,
            map: normalized.map,
            text: normalized.text,
            source_maps: html_map.into_iter().collect(),
        }
    }
}

/// Extracts facts from `text` with default options.
///
/// ```
/// let doc = vanban::extract("Công tác giải ngân ước tính đến ngày 31/8/2025 là 31.307,4 tỷ đồng, đạt 58,5% kế hoạch.");
/// let found: Vec<String> = doc.facts.iter().map(|f| format!("{} {}", f.kind(), f)).collect();
/// assert_eq!(found, ["date 2025-08-31", "money 31307400000000 VND", "percent 58.5%"]);
/// ```
pub fn extract(text: &str) -> Document {
    static DEFAULT: Lazy<Extractor> = Lazy::new(Extractor::new);
    DEFAULT.extract(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_removed_and_spans_map_back() {
        let input = "<p>Thu ngân sách đạt <b>trên&nbsp;4.400 tỷ đồng</b>.</p><p>Tin khác</p>";
        let doc = extract(input);
        assert_eq!(
            doc.text,
            "Thu ngân sách đạt trên 4.400 tỷ đồng.\n\nTin khác"
        );
        let money = doc.facts_of("money").next().unwrap();
        assert_eq!(
            &input[doc.to_original(money.span()).range()],
            "trên&nbsp;4.400 tỷ đồng"
        );
        let kept = Extractor::new().keep_html(true).extract(input);
        assert!(kept.text.starts_with("<p>"));
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
        check::<Document>();
    }

    #[test]
    fn date_from_a_report_of_the_issue() {
        let doc = extract("Tiêu đề\n\nNgày 11/4/2025, Chủ tịch UBND tỉnh đã ký ban hành Chỉ thị số 07/CT-UBND.\n\nHọp ngày 20/11.");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2025, 4, 11));
        assert_eq!(
            doc.facts.last().unwrap().to_string(),
            "2025-11-20 (inferred year)"
        );
    }

    #[test]
    fn date_from_a_reported_symbol() {
        let doc =
            extract("Văn phòng Chính phủ có Thông báo số 608/TB-VPCP ngày 11/11/2025 kết luận.");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2025, 11, 11));
    }

    #[test]
    fn date_from_an_official_header() {
        let doc = extract("Số: 229/CĐ-TTg\nHà Nội, ngày 26 tháng 11 năm 2025\n\nCÔNG ĐIỆN");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2025, 11, 26));
    }

    #[test]
    fn meta_of_the_text_and_its_date_as_fallback() {
        let doc = extract("Ngày 11 tháng 4 năm 2025, UBND tỉnh đã ký ban hành Chỉ thị số 07/CT-UBND về việc giải ngân vốn.\n\nHọp ngày 20/11.");
        let meta = doc.meta.clone().expect("a reported directive");
        assert_eq!(meta.symbol.as_deref(), Some("07/CT-UBND"));
        assert_eq!(meta.subject.as_deref(), Some("giải ngân vốn"));
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2025, 4, 11));
        assert_eq!(
            doc.facts.last().unwrap().to_string(),
            "2025-11-20 (inferred year)"
        );
        assert_eq!(
            extract("Thực hiện Chỉ thị số 05/CT-TTg, tỉnh họp.").meta,
            None
        );
    }

    #[test]
    fn given_date_wins_and_no_date_means_none() {
        let e = Extractor::new().with_date(NaiveDate::from_ymd_opt(2024, 1, 2).unwrap());
        let doc = e.extract("Ngày 11/4/2025, Chủ tịch đã ký ban hành Chỉ thị.");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(extract("Họp ngày 20/11.").date, None);
        assert!(extract("Họp ngày 20/11.").facts.is_empty());
    }

    #[test]
    fn dropped_blocks_hide_their_facts_unless_kept() {
        let text = "Thu 5 tỷ đồng.\nÔng A chi 7 tỷ đồng. (Ảnh: TTXVN)";
        assert_eq!(extract(text).facts.len(), 1);
        assert_eq!(
            Extractor::new()
                .keep_dropped(true)
                .extract(text)
                .facts
                .len(),
            2
        );
    }
}
