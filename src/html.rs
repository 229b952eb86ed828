//! HTML left in article dumps: tags, comments, `<script>`/`<style>` bodies and
//! character references become plain text, with a map back to the input.
//!
//! | Input                              | Text              |
//! |------------------------------------|-------------------|
//! | `<p>Thu <b>5 tỷ</b> đồng</p>`      | `Thu 5 tỷ đồng` between line breaks, a paragraph break after |
//! | `a<br/>b`, `<li>`                  | a line break      |
//! | `&nbsp;`, `&amp;`, `&#8211;`, `&#x1EA1;` | NBSP, `&`, `–`, `ạ` |
//! | `<!-- ... -->`, `<script>...</script>` | nothing      |
//!
//! Text without `<` or `&` is returned untouched. A `<` that does not open a
//! tag (`< 5%`, `a<b`) is kept.
//!
//! ```
//! let html = "<p>Thu&nbsp;<b>5 tỷ đồng</b></p>";
//! let (text, map) = vanban::html::to_text(html).unwrap();
//! assert_eq!(text, "\nThu\u{a0}5 tỷ đồng\n\n");
//! let at = text.find('5').unwrap();
//! assert_eq!(&html[map.to_original(vanban::Span::new(at, at + 1)).range()], "5");
//! assert!(vanban::html::to_text("Không có thẻ nào").is_none());
//! ```

use crate::span::OffsetMap;

/// Tags after which a paragraph ends.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "header",
    "footer",
    "figure",
    "figcaption",
];
/// Tags that end a line.
const LINE: &[&str] = &["br", "li", "tr", "dt", "dd"];
/// Tags whose content is not text.
const SKIP: &[&str] = &["script", "style", "noscript", "template"];

/// Longest tag considered (bytes); a longer `<...>` is text.
const MAX_TAG: usize = 2_000;

/// The plain text of `input` and its map back to `input`, or `None` when the
/// input has no tag or character reference to remove.
pub fn to_text(input: &str) -> Option<(String, OffsetMap)> {
    // (A one-class regex finds the first `<` or `&` with a vectorised search.)
    static OPENERS: once_cell::sync::Lazy<regex::bytes::Regex> =
        once_cell::sync::Lazy::new(|| regex::bytes::Regex::new("[<&]").expect("class compiles"));
    if !OPENERS.is_match(input.as_bytes()) {
        return None;
    }
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut map = OffsetMap::default();
    let mut changed = false;
    let mut copied = 0; // input bytes before this are settled
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some((end, name, closing)) = tag_at(input, i) else {
                    i += 1;
                    continue;
                };
                flush(input, &mut out, &mut map, copied, i);
                let mut until = end;
                if !closing && SKIP.contains(&name.as_str()) {
                    let close = format!("</{name}");
                    until = find_ci(input, end, &close)
                        .and_then(|at| input[at..].find('>').map(|g| at + g + 1))
                        .unwrap_or(input.len());
                }
                let sep = if BLOCK.contains(&name.as_str()) && closing {
                    "\n\n"
                } else if LINE.contains(&name.as_str()) || BLOCK.contains(&name.as_str()) {
                    "\n"
                } else {
                    ""
                };
                map.push_replaced(i, until, sep.len());
                out.push_str(sep);
                changed = true;
                i = until;
                copied = until;
            }
            b'&' => {
                let Some((end, decoded)) = reference_at(input, i) else {
                    i += 1;
                    continue;
                };
                flush(input, &mut out, &mut map, copied, i);
                map.push_replaced(i, end, decoded.len_utf8());
                out.push(decoded);
                changed = true;
                i = end;
                copied = end;
            }
            _ => i += 1,
        }
    }
    flush(input, &mut out, &mut map, copied, input.len());
    changed.then_some((out, map))
}

fn flush(input: &str, out: &mut String, map: &mut OffsetMap, from: usize, to: usize) {
    if from < to {
        out.push_str(&input[from..to]);
        map.push_same(from, to);
    }
}

/// Finds `needle` (ASCII, lowercase) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (from..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A tag or comment at `at`: its end, lowercase name (`!` for comments and
/// declarations) and whether it closes.
fn tag_at(input: &str, at: usize) -> Option<(usize, String, bool)> {
    let rest = input.get(at..)?;
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(input.len(), |e| at + e + 3);
        return Some((end, "!".into(), false));
    }
    let b = rest.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    let first = *b.get(name_start)?;
    if !(first.is_ascii_alphabetic() || first == b'!' || first == b'?') {
        return None;
    }
    let window = &rest[..rest.len().min(MAX_TAG)];
    let close = window.find('>')?;
    if window[1..close].contains('<') || window[..close].contains('\n') && close > 200 {
        return None;
    }
    let name: String = rest[name_start..close]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Some((at + close + 1, name, closing))
}

/// A character reference at `at`: its end and the character.
fn reference_at(input: &str, at: usize) -> Option<(usize, char)> {
    let rest = input.get(at + 1..)?;
    let semi = rest.bytes().take(12).position(|b| b == b';')?;
    let body = &rest[..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let cp = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(cp).filter(|c| *c != '\0')?
    } else {
        match body {
            "nbsp" => '\u{a0}',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "bull" => '•',
            "middot" => '·',
            "deg" => '°',
            "times" => '×',
            "zwnj" => '\u{200c}',
            "zwj" => '\u{200d}',
            "shy" => '\u{ad}',
            _ => return None,
        }
    };
    Some((at + 1 + semi + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn tags_entities_and_blocks() {
        let cases = [
            ("<p>Thu <b>5 tỷ</b> đồng</p>", "\nThu 5 tỷ đồng\n\n"),
            ("a<br/>b<br>c", "a\nb\nc"),
            ("<div>a</div><div>b</div>", "\na\n\n\nb\n\n"),
            ("&amp;&lt;&gt;&quot;&#8211;&#x1EA1;&#X1ea1;", "&<>\"–ạạ"),
            ("x<!-- bình luận -->y", "xy"),
            ("<script>var a = '<p>';</script>Nội dung", "Nội dung"),
            ("<STYLE>p{}</STYLE>Chữ", "Chữ"),
            ("<ul><li>Một</li><li>Hai</li></ul>", "\n\nMột\n\nHai\n\n\n"),
        ];
        for (input, want) in cases {
            assert_eq!(
                to_text(input).map(|(t, _)| t).as_deref(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn text_that_is_not_html_is_kept() {
        for input in [
            "tỷ lệ < 5% và > 2%",
            "a<b",
            "AT&T",
            "&unknown; &",
            "Không thẻ",
            "&ỷ;",
            "&#xD800;",
        ] {
            assert_eq!(to_text(input), None, "{input}");
        }
    }

    #[test]
    fn spans_map_back() {
        let input = "<p>Giải&nbsp;ngân <i>31.307,4 tỷ đồng</i>.</p>";
        let (text, map) = to_text(input).unwrap();
        let at = text.find("31.307").unwrap();
        let span = map.to_original(Span::new(at, at + "31.307,4 tỷ đồng".len()));
        assert_eq!(&input[span.range()], "31.307,4 tỷ đồng");
        let nbsp = text.find('\u{a0}').unwrap();
        assert_eq!(
            &input[map.to_original(Span::new(nbsp, nbsp + 2)).range()],
            "&nbsp;"
        );
    }
}
