//! Assignments: a task put on named bodies.
//!
//! | Written                                                              | lead / support            |
//! |----------------------------------------------------------------------|---------------------------|
//! | `giao Sở Tài chính chủ trì, phối hợp các sở, ngành liên quan tham mưu ...` | `Sở Tài chính` / `các sở, ngành liên quan` |
//! | `Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan ...` | `Sở Nội vụ` / `Sở Tài chính`, `các cơ quan liên quan` |
//! | `đề nghị Thường trực Tỉnh ủy Lào Cai tập trung lãnh đạo ...`          | `Thường trực Tỉnh ủy Lào Cai` |
//! | `yêu cầu các cấp, các ngành cần quyết tâm ...`                       | `các cấp, các ngành`      |
//! | `b) Sở Tài chính:` then `- Rà soát ...`                              | `Sở Tài chính` (each bullet) |
//! | `Sở Xây dựng, Sở Công Thương: tập trung ...`                         | `Sở Xây dựng`, `Sở Công Thương` |
//!
//! The bodies are a list of agencies (canonical names) and generic
//! collectives as written (`các địa phương`, `Ủy ban nhân dân các huyện, thành
//! phố`), separated by `,`, `;` or `và`. A list is the lead when a cue comes
//! before it (`giao`, `đề nghị`, `yêu cầu`, `lưu ý`, `chỉ đạo`) or when it is the
//! subject of a clause: at the start of a sentence or an outline item and
//! followed by a directive verb (`chủ trì`, `phối hợp`, `có trách nhiệm`,
//! `tham mưu`, `cần`, `tập trung`, ...) or by `:`; a plain directive verb
//! (`tập trung`, `tăng cường`) counts only where the text gives directions (in
//! a directive, or after a cue or a title speaking a directive verb). `tỉnh`
//! alone stands for the province the text names most. A heading that names
//! bodies assigns every line under it (the `Nơi nhận` list excepted). `support` is the list after `phối hợp (với)`;
//! `deadline` is a date (or the end of a period) in the same clause after a
//! time-limit word (`trước`, `đến hết`, `trong`, ...); `assigner` is the title
//! (`Phó Thủ tướng`, `Chủ tịch UBND tỉnh`) stated in the paragraph, else the one
//! the document names most.
//!
//! ```
//! let doc = vanban::extract("Phó Thủ tướng giao Bộ Xây dựng chủ trì, phối hợp với các Bộ, cơ quan và địa phương liên quan xem xét, báo cáo Thủ tướng Chính phủ trước ngày 31/12/2025.");
//! let a = doc.facts_of("assignment").next().unwrap();
//! assert_eq!(a.to_string(), "Bộ Xây dựng + các Bộ, cơ quan và địa phương liên quan: xem xét, báo cáo Thủ tướng Chính phủ trước ngày 31/12/2025 by 2025-12-31");
//! ```
//!
//! # Not handled
//! - A subject carried over from an earlier sentence (`Sở Tài chính chủ trì
//!   ... Tiếp tục rà soát ...`): the second sentence is not an assignment.
//! - Tasks set by a verb before the subject's list in prose (`chỉ đạo các đơn vị
//!   tăng cường ...` inside a longer clause is read as an assignment to `các đơn vị`).
//! - Unaccented text: agencies are found, but lists of collectives and verbs
//!   are matched with their accents.
//! - Bodies named only by people's titles in a list (`Bộ trưởng các Bộ: ...`).

use std::collections::HashMap;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use super::agency::{fold_key, Folded, Mention};
use super::words::{Hits, WordList};
use crate::fact::{AssignmentFact, Fact, Grain};
use crate::lexicon::PROVINCES;
use crate::outline::OutlineNode;
use crate::segment::{join_words, lines, words};
use crate::values::Source;
use crate::Span;

/// Nouns of generic collectives (`các sở, ban, ngành`).
const COLLECTIVE_NOUNS: &str = "đơn vị sự nghiệp|cơ quan chức năng|cơ quan|đơn vị|địa phương|chủ đầu tư|nhà đầu tư|doanh nghiệp|đoàn thể|tổ chức|bộ|sở|ban|ngành|cấp|tỉnh|thành phố|huyện|xã|phường|hội";

static COLLECTIVE: Lazy<Regex> = Lazy::new(|| {
    let n = COLLECTIVE_NOUNS;
    Regex::new(&format!(
        r"^(?:các|những)\s+(?:{n})(?:\s*,\s*(?:các\s+)?(?:{n})|\s+và\s+(?:{n}))*(?:\s+(?:có liên quan|liên quan|chức năng))?"
    ))
    .expect("collective pattern compiles")
});

static COMMITTEES_COLLECTIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:ubnd|ủy ban nhân dân)\s+các\s+(?:cấp|tỉnh|huyện|xã|phường|quận|thị xã|thành phố)(?:\s*,\s*(?:tỉnh|huyện|xã|phường|quận|thị xã|thành phố|đặc khu))*(?:\s+(?:có liên quan|liên quan))?")
        .expect("committees collective pattern compiles")
});

/// A title before a collective: the heads of the bodies are assigned.
static TITLE_COLLECTIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:chủ tịch|giám đốc|thủ trưởng|người đứng đầu)\s+")
        .expect("title pattern compiles")
});

static SUBORDINATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s+(?:trực thuộc|thuộc)\s+").expect("subordinate pattern compiles"));

/// The longest province form, in bytes.
static PROVINCE_MAX: Lazy<usize> =
    Lazy::new(|| PROVINCE_NAMES.keys().map(String::len).max().unwrap_or(0));

/// A province named at the start of `tail` (lowercase), after an optional
/// `tỉnh`: (start, end, canonical name), the longest form that ends a word.
/// (A table lookup: the anchored alternation of every form was the hot spot.)
fn province_prefix(tail: &str) -> Option<(usize, usize, &'static str)> {
    let start = province_start(tail);
    let rest = tail.get(start..)?;
    let limit = rest.len().min(*PROVINCE_MAX);
    let ends = rest
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(rest.len()))
        .take_while(|&i| i <= limit)
        .filter(|&i| {
            i > 0
                && !rest[i..]
                    .chars()
                    .next()
                    .is_some_and(crate::normalize::is_word_char)
        })
        .collect::<Vec<_>>();
    ends.into_iter().rev().find_map(|end| {
        PROVINCE_NAMES
            .get(&rest[..end])
            .map(|&n| (start, start + end, n))
    })
}

/// Where in `tail` [`province_prefix`] looks for a name: after `tỉnh `, or at
/// the start.
fn province_start(tail: &str) -> usize {
    match tail.strip_prefix("tỉnh") {
        Some(r) if r.starts_with(char::is_whitespace) => tail.len() - r.trim_start().len(),
        _ => 0,
    }
}

static PROVINCE_NAMES: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    PROVINCES
        .iter()
        .map(|(f, n)| (crate::normalize::lower_same_len(f), *n))
        .collect()
});

/// True if `at` ends a word of `text` (no letter or digit follows): the word
/// boundary the patterns do not write (`\b` would keep them off the DFA).
fn ends_word(text: &str, at: usize) -> bool {
    !text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(crate::normalize::is_word_char)
}

/// How far ahead of a position the anchored patterns look (bytes).
const LOOKAHEAD: usize = 600;

/// The separator between two bodies of a list at the start of `text` (`, `,
/// `; `, ` và `), as its length in bytes.
fn separator(text: &str) -> Option<usize> {
    let trimmed = text.trim_start_matches(char::is_whitespace);
    let lead = text.len() - trimmed.len();
    let after = if let Some(r) = trimmed.strip_prefix([',', ';']) {
        r
    } else if lead > 0 {
        trimmed
            .strip_prefix("và")
            .filter(|r| !r.chars().next().is_some_and(crate::normalize::is_word_char))?
    } else {
        return None;
    };
    let rest = after.trim_start_matches(char::is_whitespace);
    Some(text.len() - rest.len())
}

/// Between a subject and its verb: a parenthesis, `theo chức năng, nhiệm vụ`.
static INSERTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\s*\([^()\n]{0,120}\))?(?:\s*,?\s*(?:theo|căn cứ)\s+(?:phạm vi|chức năng),?\s*(?:nhiệm vụ|quản lý)?(?:,?\s*quyền hạn)?(?:\s+được giao)?\s*,?)?")
        .expect("insertion pattern compiles")
});

/// The head of a body before it, at the start of a list item.
static HEAD_OF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:chánh|giám đốc|thủ trưởng)\s+(?:các\s+)?").expect("head pattern compiles")
});

/// The head of a body right before it (`Giám đốc Sở Tài chính`).
/// How far before a body its head's title may start (bytes).
const HEAD_TITLE_REACH: usize = 40;

static HEAD_TITLE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(giám đốc|thủ trưởng)\s+$").expect("head title pattern compiles"));

/// A result, not a task: `thực hiện đạt 94%`, `đã hoàn thành`.
static RESULT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:đã|vừa|\S+(?:\s+\S+)?\s+đạt\s)").expect("result pattern compiles")
});

/// Verbs that make a list the lead wherever a clause starts.
static STRONG_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:chủ trì|phối hợp|có trách nhiệm|tham mưu|được giao|cần|phải|cũng cần)(?:$|[^\p{L}\p{N}])")
        .expect("strong verb pattern compiles")
});

/// Directive verbs after a subject at the start of a sentence or item.
static VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^\s*(?:tiếp tục|tập trung|chủ động|khẩn trương|tăng cường|thực hiện|triển khai|rà soát|nghiên cứu|",
        r"hướng dẫn|chỉ đạo|đẩy mạnh|đẩy nhanh|xây dựng|hoàn thành|hoàn thiện|bảo đảm|đảm bảo|giữ vững|",
        r"nỗ lực|quyết tâm|theo dõi|kiểm tra|sớm|kịp thời|bám sát|quan tâm|ưu tiên|đề xuất|báo cáo|xem xét|",
        r"cân đối|trình|tổ chức|nâng cao|cập nhật|xử lý|giải quyết|thúc đẩy|phát huy|khắc phục|lập|ban hành|",
        r"chịu trách nhiệm|quán triệt|linh hoạt|phản ánh|chuẩn bị|hỗ trợ|đôn đốc|giám sát|",
        r"bố trí|huy động|vận động|tổng hợp|tuyên truyền|thẩm định|cung cấp|ứng phó|theo dõi)(?:$|[^\p{L}\p{N}])"
    ))
    .expect("verb pattern compiles")
});

/// Cue words before the lead (found folded, then checked as written).
pub(crate) const CUE_WORDS: &[&str] =
    &["giao cho", "giao", "đề nghị", "yêu cầu", "lưu ý", "chỉ đạo"];

static AFTER_CUE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*,?\s+").expect("after-cue pattern compiles"));

static SUPPORT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}])phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+")
        .expect("support pattern compiles")
});

/// Words that may open a list of bodies other than an agency's name, found folded.
pub(crate) const ITEM_START_WORDS: &[&str] = &[
    "các",
    "những",
    "ubnd",
    "ủy ban nhân dân",
    "chủ tịch",
    "giám đốc",
    "thủ trưởng",
    "chánh",
    "tỉnh",
    "trung ương",
];

/// Titles of assigners, found folded (checked with [`title_name`]).
pub(crate) fn title_forms() -> Vec<String> {
    let mut forms: Vec<String> = [
        "phó thủ tướng",
        "thủ tướng",
        "bộ trưởng",
        "thứ trưởng",
        "bí thư tỉnh ủy",
    ]
    .map(String::from)
    .to_vec();
    for deputy in ["", "phó "] {
        for committee in ["ubnd", "ủy ban nhân dân"] {
            for level in ["tỉnh", "thành phố"] {
                forms.push(format!("{deputy}chủ tịch {committee} {level}"));
            }
        }
    }
    forms
}

/// A line's outline marker (`a)`, `1.`, `-`, `+`).
static LINE_MARKER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:(?:điều\s+\d+\s*[.:]|[ivx]{1,5}\s*[.)]|\d{1,2}(?:\.\d{1,2})*\s*[.)]?|[a-zđ]\)|[-•*+])\s+)?")
        .expect("line marker pattern compiles")
});

/// Words before a date or period that make it a time limit.
const LIMIT_WORDS: &[&str] = &[
    "trước",
    "đến",
    "hết",
    "chậm nhất",
    "vào",
    "hoàn thành",
    "trong",
    "xong",
    "hạn",
];

/// Longest task text, in words.
const TASK_WORDS: usize = 30;

#[cfg(test)]
pub(crate) fn force_patterns() {
    for re in [
        &COLLECTIVE,
        &COMMITTEES_COLLECTIVE,
        &TITLE_COLLECTIVE,
        &SUBORDINATE,
        &INSERTION,
        &STRONG_VERB,
        &RESULT,
        &HEAD_TITLE,
        &HEAD_OF,
        &VERB,
        &SUPPORT,
        &LINE_MARKER,
    ] {
        Lazy::force(re);
    }
}

/// A list of bodies: where it ends, and their names.
#[derive(Debug, Clone)]
struct List {
    end: usize,
    names: Vec<String>,
}

struct Reader<'a, 's> {
    src: &'a Source<'s>,
    mentions: &'a [Mention],
    /// The province the document is about (`tỉnh` alone refers to it).
    home: Option<String>,
    /// Provinces named `tỉnh X` in the text: (start, name), in order.
    named: Vec<(usize, &'static str)>,
    /// Where the word pass found a province's name, in order: a name
    /// [`province_prefix`] reads is one of them.
    province_hits: Vec<usize>,
}

impl Reader<'_, '_> {
    /// The lowercase text from `pos`, at most [`LOOKAHEAD`] bytes of it: every
    /// pattern applied to it is anchored at its start, and a short haystack
    /// keeps the regex engine on its fast paths.
    fn lower_at(&self, pos: usize) -> &str {
        crate::span::ahead(self.src.lower, pos, LOOKAHEAD)
    }

    fn mention_at(&self, pos: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.span.start < pos);
        self.mentions.get(i).filter(|m| m.span.start == pos)
    }

    fn capital_at(&self, pos: usize) -> bool {
        self.src
            .text
            .get(pos..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn written(&self, start: usize, end: usize) -> String {
        let s = self.src.slice(Span::new(start, end));
        let expanded = words(s).map(|w| match w {
            "UBND" => "Ủy ban nhân dân",
            "HĐND" => "Hội đồng nhân dân",
            _ => w,
        });
        let s = join_words(expanded, s.len() + 16);
        // A sentence-initial `Các` is not part of the name.
        match s.strip_prefix("Các ").or_else(|| s.strip_prefix("Những ")) {
            Some(rest) if s.starts_with('C') => format!("các {rest}"),
            Some(rest) => format!("những {rest}"),
            None => s,
        }
    }

    /// One body starting at `pos`: (end, name).
    fn item_at(&self, pos: usize) -> Option<(usize, String)> {
        if let Some(m) = self.mention_at(pos) {
            return Some((m.span.end, m.name.clone()));
        }
        let tail = self.lower_at(pos);
        for article in ["các ", "những "] {
            if let Some(rest) = tail.strip_prefix(article) {
                if let Some(m) = self.mention_at(pos + tail.len() - rest.len()) {
                    return Some((m.span.end, m.name.clone()));
                }
            }
        }
        // The head of a body stands for it: `Chánh Văn phòng UBND tỉnh`,
        // `Giám đốc các Sở: Tài chính, ...`.
        let headed = ["chánh", "giám đốc", "thủ trưởng"]
            .iter()
            .any(|t| tail.starts_with(t));
        if let Some(t) = headed.then(|| HEAD_OF.find(tail)).flatten() {
            if let Some(m) = self.mention_at(pos + t.end()) {
                return Some((m.span.end, m.name.clone()));
            }
        }
        // Literal prefixes first: the anchored patterns below cannot match
        // without them, and skipping them is much cheaper than running them.
        let committees = tail.starts_with("ubnd") || tail.starts_with("ủy ban");
        let titled = ["chủ tịch", "giám đốc", "thủ trưởng", "người đứng đầu"]
            .iter()
            .any(|t| tail.starts_with(t));
        let collective = tail.starts_with("các ") || tail.starts_with("những ");
        if let Some(m) = committees
            .then(|| COMMITTEES_COLLECTIVE.find(tail))
            .and_then(|m| m.filter(|m| ends_word(tail, m.end())))
        {
            return Some((pos + m.end(), self.written(pos, pos + m.end())));
        }
        if let Some(t) = titled.then(|| TITLE_COLLECTIVE.find(tail)).flatten() {
            let after = pos + t.end();
            let rest = self.lower_at(after);
            let m = COMMITTEES_COLLECTIVE
                .find(rest)
                .or_else(|| COLLECTIVE.find(rest))
                .filter(|m| ends_word(rest, m.end()))?;
            return Some((after + m.end(), self.written(pos, after + m.end())));
        }
        if let Some(m) = collective
            .then(|| COLLECTIVE.find(tail))
            .flatten()
            .filter(|m| ends_word(tail, m.end()))
        {
            let mut end = pos + m.end();
            let mut name = self.written(pos, end);
            if let Some(s) = SUBORDINATE.find(self.lower_at(end)) {
                if let Some(owner) = self.mention_at(end + s.end()) {
                    name = format!("{name} {} {}", self.written(end, end + s.end()), owner.name);
                    end = owner.span.end;
                }
            }
            return Some((end, name));
        }
        // A province is capitalised (after an optional `tỉnh`).
        let province_like = (self.capital_at(pos) || tail.starts_with("tỉnh "))
            && self
                .province_hits
                .binary_search(&(pos + province_start(tail)))
                .is_ok();
        if let Some((start, end, name)) = province_like.then(|| province_prefix(tail)).flatten() {
            if self.capital_at(pos + start) {
                return Some((pos + end, format!("tỉnh {name}")));
            }
        }
        if tail.starts_with("trung ương") && self.capital_at(pos) {
            return Some((pos + "trung ương".len(), "Trung ương".to_string()));
        }
        if let Some(rest) = tail.strip_prefix("tỉnh") {
            // `tỉnh` alone: the province last named in the paragraph, else the
            // one the text is about.
            if rest
                .chars()
                .next()
                .is_none_or(|c| !crate::normalize::is_word_char(c))
            {
                let para = self
                    .src
                    .lower
                    .get(..pos)
                    .and_then(|h| h.rfind('\n'))
                    .map_or(0, |i| i + 1);
                let k = self.named.partition_point(|(s, _)| *s < pos);
                let near = self.named[..k]
                    .last()
                    .filter(|(s, _)| *s >= para)
                    .map(|(_, n)| n.to_string());
                let name = near.or_else(|| self.home.clone())?;
                return Some((pos + "tỉnh".len(), format!("tỉnh {name}")));
            }
        }
        None
    }

    /// A list of bodies starting at `pos`.
    fn list_at(&self, pos: usize) -> Option<List> {
        let (mut end, first) = self.item_at(pos)?;
        let mut names = vec![first];
        while let Some(sep) = separator(self.lower_at(end)) {
            let Some((e, name)) = self.item_at(end + sep) else {
                break;
            };
            if !names.contains(&name) {
                names.push(name);
            }
            end = e;
        }
        Some(List { end, names })
    }

    /// Where the clause that holds `pos` ends: `.` before a space, `;`, a line break.
    fn clause_end(&self, pos: usize) -> usize {
        // `;`, a line break, `!`, `?`, or `.` before white space, `/` or the end,
        // found with one vectorised search.
        static END: Lazy<Regex> =
            Lazy::new(|| Regex::new(r"[;\n!?]|\.(?:\s|/|$)").expect("clause-end pattern compiles"));
        let text = self.src.lower;
        match text.get(pos..).and_then(|t| END.find(t)) {
            Some(m) => pos + m.start(),
            None => text.len(),
        }
    }

    /// How the text before `pos` opens a clause: `Some(true)` at the start of a
    /// sentence, line, item or parenthesis, `Some(false)` after a comma.
    fn clause_start(&self, pos: usize) -> Option<bool> {
        let head = self.src.lower.get(..pos)?;
        let line_start = head.rfind('\n').map_or(0, |i| i + 1);
        let in_line = &head[line_start..];
        if LINE_MARKER
            .find(in_line)
            .is_some_and(|m| m.end() == in_line.len())
        {
            return Some(true);
        }
        match head.trim_end().chars().next_back() {
            None => Some(true),
            Some('.' | ';' | ':' | '(' | '\n') => Some(true),
            Some(',') => Some(false),
            _ => None,
        }
    }

    fn support(&self, from: usize, to: usize) -> (Vec<String>, usize) {
        let Some(window) = self.src.lower.get(from..to) else {
            return (Vec::new(), from);
        };
        if let Some(m) = SUPPORT.find(window) {
            if let Some(list) = self.list_at(from + m.end()) {
                return (list.names, list.end);
            }
        }
        (Vec::new(), from)
    }
}

/// Finds the assignments of `src`, given its agency mentions, outline and value facts.
pub(crate) fn find(
    src: &Source<'_>,
    folded: &Folded,
    hits: &Hits,
    mentions: &[Mention],
    outline: &[OutlineNode],
    values: &[Fact],
    out: &mut Vec<Fact>,
) {
    let found_provinces = provinces(src, folded, hits);
    let reader = Reader {
        src,
        mentions,
        home: home_province(&found_provinces),
        named: found_provinces
            .iter()
            .filter(|(_, named, _)| *named)
            .map(|(s, _, n)| (*s, *n))
            .collect(),
        province_hits: {
            let mut starts: Vec<usize> = hits
                .all(WordList::Province)
                .iter()
                .map(|h| folded.orig(h.start))
                .collect();
            starts.dedup();
            starts
        },
    };
    let titles = titles(src, folded, hits);
    let default_assigner = most_frequent_title(&titles);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut used: Vec<Span> = Vec::new();

    // 1. A cue before a list: `giao X`, `đề nghị X`, `yêu cầu X`.
    for (cue, word) in folded_matches(src, folded, hits, WordList::Cue) {
        let is_cue = CUE_WORDS.contains(&word)
            || (word.is_ascii() && CUE_WORDS.iter().any(|w| fold_key(w) == word));
        if !is_cue {
            continue;
        }
        if word.starts_with("giao")
            && matches!(
                src.word_before(cue.start),
                "được" | "bàn" | "chuyển" | "trao"
            )
        {
            continue;
        }
        let Some(gap) = AFTER_CUE.find(reader.lower_at(cue.end)) else {
            continue;
        };
        let Some(list) = reader.list_at(cue.end + gap.end()) else {
            continue;
        };
        let rest = reader.lower_at(list.end);
        if word.starts_with("ch") && !(STRONG_VERB.is_match(rest) || VERB.is_match(rest)) {
            continue;
        }
        if rest.trim_start().starts_with(['.', ')']) || rest.trim_start().is_empty() {
            continue;
        }
        used.push(Span::new(cue.end, list.end));
        drafts.push(Draft {
            start: cue.start,
            lead_end: list.end,
            lead: list.names,
            rule: "assignment.cue",
        });
    }

    let zone = directive_zone(src, folded, outline, &titles, &drafts);

    // 2. A list as the subject of a clause.
    let mut starts: Vec<usize> = mentions.iter().map(|m| m.span.start).collect();
    starts.extend(
        hits.leftmost_longest(WordList::ItemStart)
            .map(|h| folded.orig(h.start)),
    );
    starts.extend(
        found_provinces
            .iter()
            .filter(|(_, named, _)| !named)
            .map(|(s, _, _)| *s),
    );
    starts.sort_unstable();
    starts.dedup();
    let mut covered_to = 0;
    for s in starts {
        let u = used.partition_point(|u| u.start <= s);
        if s < covered_to || (u > 0 && used[u - 1].end > s) {
            continue;
        }
        // Not inside a mention (mentions do not overlap: the one before is enough).
        let k = mentions.partition_point(|m| m.span.start < s);
        if k > 0 && mentions[k - 1].span.end > s {
            continue;
        }
        let Some(list) = reader.list_at(s) else {
            continue;
        };
        covered_to = list.end;
        // `Giám đốc Sở Tài chính bố trí ...`: the head's body is the subject.
        // (The title is at most a few words back: look at those only.)
        let mut from = s.saturating_sub(HEAD_TITLE_REACH);
        while !src.lower.is_char_boundary(from) {
            from -= 1;
        }
        let head_start = reader
            .mention_at(s)
            .and_then(|_| HEAD_TITLE.captures(src.lower.get(from..s).unwrap_or("")))
            .and_then(|c| c.get(1))
            .map(|m| from + m.start());
        let draft_start = head_start.unwrap_or(s);
        let Some(sentence_start) = reader.clause_start(draft_start) else {
            continue;
        };
        // A list in parentheses names the subject before them: read on after `)`.
        let mut list_end = list.end;
        let in_parens = src
            .lower
            .get(..s)
            .is_some_and(|h| h.trim_end().ends_with('('));
        if in_parens {
            let rest = reader.lower_at(list_end);
            if let Some(r) = rest.trim_start().strip_prefix(')') {
                list_end += rest.len() - r.len();
            }
        }
        let ins = INSERTION
            .find(reader.lower_at(list_end))
            .map_or(0, |m| m.end());
        let after = list_end + ins;
        let rest = reader.lower_at(after);
        let strong = STRONG_VERB.is_match(rest)
            || (sentence_start && (rest.starts_with(':') || line_item_start(src, s)));
        // A directive verb alone reads as a task only where the text gives
        // directions (a press report's narrative before them reports facts).
        let weak = sentence_start && VERB.is_match(rest) && draft_start >= zone;
        if !(strong || weak) || RESULT.is_match(rest) {
            continue;
        }
        drafts.push(Draft {
            start: draft_start,
            lead_end: after,
            lead: list.names,
            rule: "assignment.subject",
        });
    }
    // A parenthesis that names the bodies of a collective subject replaces it:
    // `Các cơ quan chủ trì các Chương trình (Sở A, Sở B) chủ trì, ...`.
    let named_in_parens: Vec<(usize, usize)> = drafts
        .iter()
        .filter(|d| {
            d.rule == "assignment.subject"
                && src
                    .lower
                    .get(..d.start)
                    .is_some_and(|h| h.trim_end().ends_with('('))
        })
        .map(|d| (d.start, d.lead_end))
        .collect();
    drafts.retain(|d| {
        d.rule != "assignment.subject"
            || !named_in_parens
                .iter()
                .any(|&(s, _)| d.start < s && s < reader.clause_end(d.start))
    });

    // 3. Headings that name bodies assign the lines under them.
    drafts.sort_by_key(|d| d.start);
    let starts: Vec<usize> = drafts.iter().map(|d| d.start).collect();
    let has_draft = |span: Span| {
        let k = starts.partition_point(|&x| x < span.start);
        starts.get(k).is_some_and(|&x| x < span.end)
    };
    // The bodies each node assigns: its own (a heading naming them) or its parent's.
    let mut owner: Vec<Option<usize>> = vec![None; outline.len()];
    let mut node_leads: Vec<Option<Vec<String>>> = vec![None; outline.len()];
    for (i, node) in outline.iter().enumerate() {
        if node.is_heading {
            let k = starts.partition_point(|&x| x < node.span.start);
            if let Some(d) = drafts.get(k).filter(|d| d.start < node.span.end) {
                if reader.lower_at(d.lead_end).trim_start().starts_with(':')
                    || d.rule == "assignment.subject"
                {
                    node_leads[i] = Some(d.lead.clone());
                }
            }
        }
        let parent = node.parent.filter(|&p| p < i).and_then(|p| owner[p]);
        owner[i] = if node_leads[i].is_some() {
            Some(i)
        } else {
            parent
        };
    }
    let mut inherited: Vec<Draft> = Vec::new();
    for (span, line) in lines(src.lower) {
        if line.trim().is_empty() || has_draft(span) {
            continue;
        }
        // The innermost node whose scope holds the line.
        let mut j = outline.partition_point(|n| n.span.start <= span.start);
        let mut node = None;
        while j > 0 {
            j -= 1;
            let n = &outline[j];
            if n.scope.end >= span.end {
                node = Some(j);
                break;
            }
            match n.parent {
                Some(p) if p < j => j = p + 1,
                _ => break,
            }
        }
        let Some(j) = node else { continue };
        // A node's own line is assigned by its parent's heading.
        let from = if outline[j].span.start == span.start {
            outline[j].parent.filter(|&p| p < j).and_then(|p| owner[p])
        } else {
            owner[j]
        };
        // ... and only inside the scope of the heading that names the bodies.
        let from = from.filter(|&o| outline[o].scope.end >= span.end);
        let Some(lead) = from.and_then(|o| node_leads[o].clone()) else {
            continue;
        };
        let marker = LINE_MARKER.find(line).map_or(0, |m| m.end());
        inherited.push(Draft {
            start: span.start + marker,
            lead_end: span.start + marker,
            lead,
            rule: "assignment.heading",
        });
    }
    drafts.extend(inherited);

    // The distribution list (`Nơi nhận:`) closes an official document: its
    // lines name recipients, not tasks.
    if let Some(at) = recipients_start(src.lower) {
        drafts.retain(|d| d.start < at);
    }

    // Build the facts.
    drafts.sort_by_key(|d| d.start);
    for d in drafts {
        let end = reader.clause_end(d.lead_end.max(d.start));
        if end <= d.start {
            continue;
        }
        // A heading line (`b) Sở Tài chính:`) is not itself a task.
        let after_lead = reader.lower_at(d.lead_end).trim_start();
        if after_lead.starts_with(':') && after_lead[1..].trim_start().starts_with('\n')
            || after_lead == ":"
        {
            continue;
        }
        let (support, support_end) = reader.support(d.lead_end, end);
        let task_start = if support.is_empty() {
            d.lead_end
        } else {
            support_end
        };
        let task = task_text(src.slice(Span::new(task_start.min(end), end)));
        if task.is_empty() {
            continue;
        }
        let span = Span::new(d.start, end);
        out.push(Fact::Assignment(AssignmentFact {
            text: src.slice(span).to_string(),
            span,
            lead: d.lead,
            support,
            task,
            deadline: deadline(src, values, span),
            assigner: assigner(src, &titles, d.start).or_else(|| default_assigner.clone()),
            rule: d.rule.into(),
        }));
    }
}

struct Draft {
    start: usize,
    lead_end: usize,
    lead: Vec<String>,
    rule: &'static str,
}

/// Where the text starts giving directions: at once in a directive (its
/// opening names its kind), else at the first cue before a list, the first
/// numbered or lettered item, or the first title that speaks a directive verb
/// (`Phó Thủ tướng ... lưu ý`, `Chủ tịch UBND tỉnh kết luận`).
fn directive_zone(
    src: &Source<'_>,
    folded: &Folded,
    outline: &[OutlineNode],
    titles: &[(usize, &'static str)],
    cue_drafts: &[Draft],
) -> usize {
    static KIND: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?-u:\b)(?:chi thi|ke hoach|quyet dinh|cong dien|thong bao ket luan)(?-u:\b)")
            .expect("directive kind pattern compiles")
    });
    static SPEECH: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^[^.;\n]*?(?:lưu ý|đề nghị|yêu cầu|chỉ đạo|kết luận|nhấn mạnh|quán triệt)")
            .expect("directive speech pattern compiles")
    });
    let opening = folded
        .text
        .get(..folded.folded_at(300.min(src.lower.len())))
        .unwrap_or("");
    let opening_kind = KIND.find(opening).filter(|m| {
        src.lower
            .get(folded.span(m.start(), m.end()).range())
            .is_some_and(|w| !w.is_ascii() || w.len() == m.len())
    });
    if opening_kind.is_some() {
        return 0;
    }
    let mut zone = src.lower.len();
    if let Some(d) = cue_drafts.first() {
        zone = zone.min(d.start);
    }
    if let Some(n) = outline.iter().find(|n| n.level <= 40) {
        zone = zone.min(n.span.start);
    }
    for &(at, _) in titles {
        if at >= zone {
            break;
        }
        if SPEECH.is_match(crate::span::ahead(src.lower, at, LOOKAHEAD)) {
            zone = at;
            break;
        }
    }
    zone
}

/// Where the distribution list (`Nơi nhận:` on a line of its own) starts.
fn recipients_start(lower: &str) -> Option<usize> {
    lines(lower)
        .find(|(_, l)| {
            let t = l.trim().trim_end_matches(':').trim_end();
            t == "nơi nhận"
        })
        .map(|(span, _)| span.start)
}

/// True if `pos` is the first word of an outline item (after its marker).
fn line_item_start(src: &Source<'_>, pos: usize) -> bool {
    let head = src.lower.get(..pos).unwrap_or("");
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let in_line = &head[line_start..];
    !in_line.trim().is_empty()
        && LINE_MARKER
            .find(in_line)
            .is_some_and(|m| m.end() == in_line.len() && m.end() > 0)
}

/// The hits of `list`, as original spans with their lowercase text.
fn folded_matches<'t>(
    src: &Source<'t>,
    folded: &Folded,
    hits: &Hits,
    list: WordList,
) -> Vec<(Span, &'t str)> {
    hits.leftmost_longest(list)
        .filter_map(|h| {
            let span = folded.span(h.start, h.end);
            Some((span, src.lower.get(span.range())?))
        })
        .collect()
}

/// Capitalised provinces of the text: (start, end of `tỉnh`-less name, preceded by `tỉnh`, name).
fn provinces(src: &Source<'_>, folded: &Folded, hits: &Hits) -> Vec<(usize, bool, &'static str)> {
    let mut out = Vec::new();
    for p in hits.leftmost_longest(WordList::Province) {
        let span = folded.span(p.start, p.end);
        let Some(lower) = src.lower.get(span.range()) else {
            continue;
        };
        let Some(&name) = PROVINCE_NAMES.get(lower) else {
            continue;
        };
        let capital = src
            .text
            .get(span.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        // `tỉnh` right before (checked here, not in the pattern, so that the
        // pattern is a plain word list the regex crate searches fast).
        let before = src.lower.get(..span.start).unwrap_or("");
        let trimmed = before.trim_end_matches(char::is_whitespace);
        let named = trimmed.len() < before.len()
            && trimmed.strip_suffix("tỉnh").is_some_and(|h| {
                !h.chars()
                    .next_back()
                    .is_some_and(crate::normalize::is_word_char)
            });
        if capital {
            out.push((span.start, named, name));
        }
    }
    out
}

/// The province the text names most often as `tỉnh X`.
fn home_province(found: &[(usize, bool, &'static str)]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, named, name) in found {
        if *named {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
}

/// The canonical title of a lowercase title (see [`title_forms`]), if it is written with
/// the right accents (or none).
fn title_name(lower: &str) -> Option<&'static str> {
    let ascii = lower.is_ascii();
    let is = |accented: &str| {
        lower.starts_with(accented) || (ascii && lower.starts_with(&fold_key(accented)))
    };
    if is("phó thủ tướng") {
        Some("Phó Thủ tướng")
    } else if is("thủ tướng") {
        Some("Thủ tướng")
    } else if is("chủ tịch") || is("phó chủ tịch") {
        let city = lower.ends_with("thành phố") || lower.ends_with("thanh pho");
        Some(match (is("phó chủ tịch"), city) {
            (false, false) => "Chủ tịch UBND tỉnh",
            (false, true) => "Chủ tịch UBND thành phố",
            (true, false) => "Phó Chủ tịch UBND tỉnh",
            (true, true) => "Phó Chủ tịch UBND thành phố",
        })
    } else if is("bộ trưởng") {
        Some("Bộ trưởng")
    } else if is("thứ trưởng") {
        Some("Thứ trưởng")
    } else if is("bí thư") {
        Some("Bí thư Tỉnh ủy")
    } else {
        None
    }
}

/// The titles of the text: (start, canonical title).
fn titles(src: &Source<'_>, folded: &Folded, hits: &Hits) -> Vec<(usize, &'static str)> {
    folded_matches(src, folded, hits, WordList::Title)
        .into_iter()
        .filter_map(|(span, lower)| Some((span.start, title_name(lower)?)))
        .collect()
}

/// The title named most often.
fn most_frequent_title(titles: &[(usize, &'static str)]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, t) in titles {
        match counts.iter_mut().find(|(n, _)| n == t) {
            Some(c) => c.1 += 1,
            None => counts.push((t, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|c| c.1)
        .map(|(n, _)| n.to_string())
}

/// The last title before `at` in the same paragraph.
fn assigner(src: &Source<'_>, titles: &[(usize, &'static str)], at: usize) -> Option<String> {
    let head = src.lower.get(..at)?;
    let para = head.rfind('\n').map_or(0, |i| i + 1);
    let i = titles.partition_point(|(s, _)| *s < at);
    titles[..i]
        .last()
        .filter(|(s, _)| *s >= para)
        .map(|(_, t)| t.to_string())
}

/// A date (or the end of a period) in `span` after a time-limit word.
fn deadline(src: &Source<'_>, values: &[Fact], span: Span) -> Option<NaiveDate> {
    for f in super::starting_in(values, span.start, span.end) {
        let s = f.span();
        if s.end > span.end {
            continue;
        }
        let day = match f {
            Fact::Date(d) => d.value,
            // A stage of several years (`giai đoạn 2026-2030`) is a timeframe.
            Fact::Period(p) if matches!(p.grain, Grain::Month | Grain::Quarter | Grain::Year) => {
                p.end
            }
            _ => continue,
        };
        let before = src
            .lower
            .get(s.start.saturating_sub(40)..s.start)
            .or_else(|| src.lower.get(span.start..s.start))
            .unwrap_or("");
        let before = before.trim_end();
        let before = before.strip_suffix("ngày").unwrap_or(before).trim_end();
        let whole_word = |w: &str| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !crate::normalize::is_word_char(c))
        };
        if LIMIT_WORDS.iter().any(|w| whole_word(w)) {
            return Some(day);
        }
    }
    None
}

/// The task as a short text: punctuation and linking words trimmed, at most
/// [`TASK_WORDS`] words.
fn task_text(s: &str) -> String {
    let s = s.trim_start_matches([' ', ',', ':', ';', '-', ')']).trim();
    let s = s
        .strip_prefix("chủ trì,")
        .or_else(|| s.strip_prefix("chủ trì"))
        .unwrap_or(s)
        .trim_start_matches([' ', ','])
        .trim();
    let mut task = join_words(words(s).take(TASK_WORDS), s.len().min(256));
    task.truncate(task.trim_end_matches([',', '.', ';']).len());
    task
}

#[cfg(test)]
mod separator_tests {
    #[test]
    fn separators() {
        assert_eq!(super::separator(", Sở B"), Some(2));
        assert_eq!(super::separator(" ; Sở B"), Some(3));
        assert_eq!(super::separator(" và Sở B"), Some(5));
        assert_eq!(super::separator(" vàng"), None);
        assert_eq!(super::separator("và Sở B"), None);
        assert_eq!(super::separator(" chủ trì"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn assignments(text: &str) -> Vec<AssignmentFact> {
        let n = Normalized::new(text);
        let src = Source::new(
            &n.text,
            &n.lower,
            chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
        );
        let values = crate::values::find_all(&src);
        let folded = super::super::agency::Folded::new(src.lower);
        let hits = super::super::words::Hits::find(&folded.text);
        let mentions = super::super::agency::mentions(&src, &folded, &hits);
        let outline = crate::outline::parse(&n.text);
        let mut out = Vec::new();
        find(&src, &folded, &hits, &mentions, &outline, &values, &mut out);
        out.into_iter()
            .filter_map(|f| match f {
                Fact::Assignment(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn patterns_compile() {
        force_patterns();
    }

    /// (input, [(lead, support, deadline)]) — one entry per expected assignment.
    type Case = (
        &'static str,
        &'static [(
            &'static [&'static str],
            &'static [&'static str],
            Option<&'static str>,
        )],
    );

    const CASES: &[Case] = &[
        (
            "Phó Thủ tướng giao Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan rà soát, báo cáo Thủ tướng Chính phủ trước ngày 15/7/2025.",
            &[(&["Bộ Tài chính"], &["các bộ, ngành liên quan"], Some("2025-07-15"))],
        ),
        (
            "Chủ tịch UBND tỉnh giao Sở Y tế chủ trì, phối hợp Sở Tài chính hướng dẫn các đơn vị.",
            &[(&["Sở Y tế"], &["Sở Tài chính"], None)],
        ),
        (
            "Giao Sở Nội vụ phối hợp với Ban Tổ chức Tỉnh ủy tham mưu phương án sắp xếp cán bộ.",
            &[(&["Sở Nội vụ"], &["Ban Tổ chức Tỉnh ủy"], None)],
        ),
        (
            "Sở Công Thương chủ trì, phối hợp với Sở Xây dựng và các địa phương kiểm tra an toàn điện.",
            &[(&["Sở Công Thương"], &["Sở Xây dựng", "các địa phương"], None)],
        ),
        (
            "Đề nghị Ban Thường vụ Tỉnh ủy Hà Tĩnh lãnh đạo triển khai nghị quyết.",
            &[(&["Ban Thường vụ Tỉnh ủy Hà Tĩnh"], &[], None)],
        ),
        (
            "Thủ tướng yêu cầu các bộ, ngành cần khẩn trương hoàn thiện hồ sơ.",
            &[(&["các bộ, ngành"], &[], None)],
        ),
        (
            "Chủ tịch UBND tỉnh lưu ý các địa phương phải báo cáo thiệt hại trước ngày 20/6/2025.",
            &[(&["các địa phương"], &[], Some("2025-06-20"))],
        ),
        (
            "Sở Giáo dục và Đào tạo có trách nhiệm chuẩn bị cơ sở vật chất cho năm học mới.",
            &[(&["Sở Giáo dục và Đào tạo"], &[], None)],
        ),
        (
            "Sở Tư pháp tham mưu UBND tỉnh ban hành quy chế phối hợp.",
            &[(&["Sở Tư pháp"], &[], None)],
        ),
        (
            "Các Sở: Y tế, Tài chính, Nội vụ theo chức năng, nhiệm vụ có trách nhiệm hướng dẫn các xã.",
            &[(&["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"], &[], None)],
        ),
        (
            "Sở Xây dựng, Sở Công Thương, Ban Quản lý Khu kinh tế: rà soát các dự án chậm tiến độ.",
            &[(&["Sở Xây dựng", "Sở Công Thương", "Ban Quản lý Khu kinh tế"], &[], None)],
        ),
        (
            "b) Sở Tài chính:\n- Rà soát, đề xuất điều chuyển vốn.\n- Tổng hợp, báo cáo kết quả giải ngân.\nc) Sở Xây dựng: hướng dẫn thẩm định dự án.",
            &[
                (&["Sở Tài chính"], &[], None),
                (&["Sở Tài chính"], &[], None),
                (&["Sở Xây dựng"], &[], None),
            ],
        ),
        (
            "a) Các sở, ban, ngành, UBND các huyện, thành phố và các chủ đầu tư:\n- Lập kế hoạch giải ngân chi tiết.\n- Phối hợp chặt chẽ với Kho bạc Nhà nước để thanh toán.",
            &[
                (&["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố", "các chủ đầu tư"], &[], None),
                (&["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố", "các chủ đầu tư"], &["Kho bạc Nhà nước"], None),
            ],
        ),
        (
            "Giao UBND tỉnh Quảng Trị nghiên cứu xây dựng đề án, báo cáo cấp có thẩm quyền trong quý 2/2026.",
            &[(&["Ủy ban nhân dân tỉnh Quảng Trị"], &[], Some("2026-06-30"))],
        ),
        (
            "Bộ Xây dựng chủ trì hướng dẫn tỉnh thực hiện trong tháng 11/2025.",
            &[(&["Bộ Xây dựng"], &[], Some("2025-11-30"))],
        ),
        (
            "Căn cứ Chỉ thị này, yêu cầu các cơ quan, đơn vị, địa phương nghiên cứu, ban hành kế hoạch.",
            &[(&["các cơ quan, đơn vị, địa phương"], &[], None)],
        ),
        (
            "Tỉnh ủy, HĐND, UBND tỉnh đã ban hành các nghị quyết về tăng trưởng.",
            &[],
        ),
        (
            "Sở Tài chính cho biết thu ngân sách đạt 58% dự toán.",
            &[],
        ),
        (
            "Kế hoạch vốn được giao, các dự án phải bảo đảm giải ngân.",
            &[],
        ),
        (
            "Đáp ứng yêu cầu vận hành chính quyền hai cấp.",
            &[],
        ),
        (
            "Ngân hàng Nhà nước chi nhánh Khu vực 7 (địa bàn tỉnh Bắc Ninh): điều hành tín dụng linh hoạt.",
            &[(&["Ngân hàng Nhà nước chi nhánh Khu vực 7"], &[], None)],
        ),
        (
            "Phó Thủ tướng đề nghị, các tỉnh tiếp tục đẩy mạnh phân cấp, phân quyền.",
            &[(&["các tỉnh"], &[], None)],
        ),
        (
            "Trong thời gian tới, các địa phương cần tiếp tục cải cách thủ tục hành chính.",
            &[(&["các địa phương"], &[], None)],
        ),
        (
            "Đoàn công tác làm việc với tỉnh Nghệ An. Phó Thủ tướng lưu ý tỉnh Nghệ An cần rà soát quy hoạch.",
            &[(&["tỉnh Nghệ An"], &[], None)],
        ),
        (
            "Làm việc với tỉnh Nghệ An, Phó Thủ tướng đề nghị tỉnh tập trung giải ngân vốn đầu tư công.",
            &[(&["tỉnh Nghệ An"], &[], None)],
        ),
        (
            "Đoàn làm việc với tỉnh Nghệ An và tỉnh Hà Tĩnh.\nVới tỉnh Hà Tĩnh, Phó Thủ tướng đề nghị tỉnh rà soát quy hoạch.\nTỉnh Nghệ An cần đẩy nhanh giải ngân.",
            &[(&["tỉnh Hà Tĩnh"], &[], None), (&["tỉnh Nghệ An"], &[], None)],
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng phối hợp với các đơn vị liên quan đẩy nhanh tiến độ, hoàn thành trước ngày 31/12/2025.",
            &[(&["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng"], &["các đơn vị liên quan"], Some("2025-12-31"))],
        ),
        (
            "Chủ tịch UBND tỉnh kết luận cuộc họp. Sở Nông nghiệp và Môi trường khẩn trương hoàn thành việc thu hồi đất vào ngày 30/6/2025.",
            &[(&["Sở Nông nghiệp và Môi trường"], &[], Some("2025-06-30"))],
        ),
        (
            "Chủ tịch UBND tỉnh kết luận cuộc họp. Các sở, ban, ngành, UBND các huyện, thành phố chủ động thực hiện các giải pháp phát triển văn hóa.",
            &[(&["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"], &[], None)],
        ),
        (
            "Tỉnh Sơn La đề nghị Bộ Tài chính cân đối, bố trí vốn cho dự án.",
            &[(&["Bộ Tài chính"], &[], None)],
        ),
        (
            "Chủ tịch UBND tỉnh kết luận cuộc họp. Các đơn vị sự nghiệp trực thuộc UBND tỉnh tiếp tục rà soát để sắp xếp.",
            &[(&["các đơn vị sự nghiệp trực thuộc Ủy ban nhân dân tỉnh"], &[], None)],
        ),
        (
            "Giao Văn phòng Chính phủ theo dõi, đôn đốc. Thủ tướng giao Bộ Công an chủ trì kiểm tra.",
            &[(&["Văn phòng Chính phủ"], &[], None), (&["Bộ Công an"], &[], None)],
        ),
        (
            "Các Bộ, cơ quan được giao chủ trì xây dựng nghị định đã gửi hồ sơ thẩm định.",
            &[(&["các Bộ, cơ quan"], &[], None)],
        ),
        (
            "Dự án giao thông trọng điểm được bàn giao mặt bằng.",
            &[],
        ),
        (
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này.\n\nNơi nhận:\n- Như Điều 3;\n- Bộ Tài chính;\n- UBND các xã, phường (để thực hiện);\n- Lưu: VT.",
            &[(
                &[
                    "Văn phòng Ủy ban nhân dân tỉnh",
                    "Sở Tài chính",
                    "Sở Xây dựng",
                    "Chủ tịch Ủy ban nhân dân các xã, phường",
                ],
                &[],
                None,
            )],
        ),
        (
            "Chủ đầu tư bàn giao các địa phương quản lý công trình.",
            &[],
        ),
        (
            "Phó Thủ tướng đề nghị các bộ, ngành:\n- Hoàn thiện thể chế.\n- Đẩy mạnh giải ngân.\nBuổi làm việc kết thúc lúc 17 giờ.",
            &[(&["các bộ, ngành"], &[], None), (&["các bộ, ngành"], &[], None)],
        ),
        (
            "Sở Tài chính rà soát kế hoạch đầu tư công trung hạn giai đoạn 2026-2030.",
            &[(&["Sở Tài chính"], &[], None)],
        ),
        (
            "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố bị ảnh hưởng khẩn trương huy động lực lượng.",
            &[(&["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"], &[], None)],
        ),
        (
            "Chủ tịch UBND tỉnh kết luận cuộc họp. Giám đốc Sở Tài chính bố trí kinh phí thực hiện.",
            &[(&["Sở Tài chính"], &[], None)],
        ),
        (
            "Chủ tịch UBND tỉnh chỉ đạo quyết liệt công tác giải ngân.",
            &[],
        ),
        (
            "Các cơ quan chủ trì các chương trình mục tiêu quốc gia (Sở Y tế, Sở Nội vụ) chủ trì, phối hợp với Sở Tài chính hướng dẫn thực hiện.",
            &[(&["Sở Y tế", "Sở Nội vụ"], &["Sở Tài chính"], None)],
        ),
        (
            "Tỉnh Bắc Ninh thực hiện đạt 94% kế hoạch; tỉnh Hà Nam đã hoàn thành 100% kế hoạch.",
            &[],
        ),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (input, want) in CASES {
            let got = assignments(input);
            let got_keys: Vec<(Vec<String>, Vec<String>, Option<String>)> = got
                .iter()
                .map(|a| {
                    (
                        a.lead.clone(),
                        a.support.clone(),
                        a.deadline.map(|d| d.to_string()),
                    )
                })
                .collect();
            let want_keys: Vec<(Vec<String>, Vec<String>, Option<String>)> = want
                .iter()
                .map(|(l, s, d)| {
                    (
                        l.iter().map(|x| x.to_string()).collect(),
                        s.iter().map(|x| x.to_string()).collect(),
                        d.map(str::to_string),
                    )
                })
                .collect();
            if got_keys != want_keys {
                failures.push(format!(
                    "{input:?}\n    want {want_keys:?}\n    got  {got_keys:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn assigner_and_task() {
        let a = &assignments("Phó Thủ tướng giao Bộ Xây dựng chủ trì, phối hợp với các địa phương xem xét kiến nghị của tỉnh.")[0];
        assert_eq!(a.assigner.as_deref(), Some("Phó Thủ tướng"));
        assert_eq!(a.task, "xem xét kiến nghị của tỉnh");
    }

    #[test]
    fn assigner_from_the_paragraph_else_the_document() {
        let text = "Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.\nThứ trưởng đề nghị tỉnh Gia Lai tập trung giải ngân.\nSở Y tế cần tăng cường phòng dịch.";
        let got: Vec<Option<String>> = assignments(text).into_iter().map(|a| a.assigner).collect();
        assert_eq!(
            got,
            [
                Some("Thứ trưởng".to_string()),
                Some("Phó Chủ tịch UBND tỉnh".to_string())
            ]
        );
    }

    #[test]
    fn narrative_before_the_directions_reports_facts() {
        let text = "Tỉnh Gia Lai thực hiện nhiều giải pháp giải ngân. Sở Y tế tăng cường kiểm tra.\n\nKết luận buổi làm việc, Phó Thủ tướng nhấn mạnh nhiều nội dung. Sở Y tế tăng cường phòng dịch.";
        let found = assignments(text);
        let texts: Vec<&str> = found.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["Sở Y tế tăng cường phòng dịch"]);
    }

    #[test]
    fn no_panic_on_mixed_fragments() {
        const PIECES: &[&str] = &[
            "giao ",
            "Sở ",
            "Tài chính",
            "UBND ",
            "tỉnh ",
            "Lào Cai",
            "các ",
            "sở, ",
            "ngành",
            ": ",
            "\n",
            "- ",
            "a) ",
            "1. ",
            "(",
            ")",
            "chủ trì, ",
            "phối hợp với ",
            "Bộ ",
            "Chính trị",
            "đề nghị",
            ", ",
            "; ",
            "và ",
            "trước ngày 31/12/2025",
            "Tỉnh ủy ",
            "HĐND",
            "ủ",
            "Ư",
            "đ",
            "Ban Quản lý dự án ",
            "Tổ công tác số 06 của ",
            "Chính phủ",
            "Nơi nhận:",
            "khu vực V",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let doc = crate::extract(&text);
            for f in &doc.facts {
                assert_eq!(doc.text.get(f.span().range()), Some(f.text()), "{text:?}");
            }
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "giao",
            "giao các",
            "Sở Tài chính:",
            "b) Sở Tài chính:\n",
            ":\n- ",
            "đề nghị tỉnh",
            "các sở,",
        ] {
            let _ = assignments(t);
        }
    }
}
