//! Agencies: named organisations of the state and the Party.
//!
//! | Written                                         | `name`                                   |
//! |-------------------------------------------------|------------------------------------------|
//! | `Sở Tài chính chủ trì`                          | `Sở Tài chính`                           |
//! | `Các Sở: Giáo dục và Đào tạo, Tài chính`        | `Sở Giáo dục và Đào tạo`, `Sở Tài chính` |
//! | `UBND tỉnh Lào Cai`, `Ủy ban Nhân dân tỉnh`     | `Ủy ban nhân dân tỉnh Lào Cai`, `Ủy ban nhân dân tỉnh` |
//! | `Tỉnh ủy, HĐND, UBND tỉnh`                      | `Tỉnh ủy`, `Hội đồng nhân dân tỉnh`, `Ủy ban nhân dân tỉnh` |
//! | `Ban Thường vụ Tỉnh ủy Sơn La`                  | `Ban Thường vụ Tỉnh ủy Sơn La`           |
//! | `Ngân hàng Nhà nước chi nhánh Khu vực V`        | the same                                 |
//! | `Tổ công tác số 06 của Chính phủ`               | the same                                 |
//! | `Bo Tai chinh` (unaccented)                     | `Bộ Tài chính`                           |
//!
//! Names are looked up in a gazetteer (`src/lexicon/agencies.tsv`: ministries
//! before and after the 2025 reorganisation, provincial departments, central
//! and Party bodies) and read by patterns (people's committees and councils,
//! Party committees, task forces, management boards). All matching runs on a
//! folded copy of the text (lowercase, no diacritics, same char count), so
//! unaccented text matches too. The gazetteer and the key words of the
//! patterns are found in one pass ([`words`](super::words)); the patterns
//! then run only around those words. The canonical name comes from the gazetteer,
//! or from the text with its case when it is open (a place, a board's field).
//!
//! A name must start with a capital letter, as official writing has it; an
//! abbreviation (`UBND`, `HĐND`, `NHNN`) must be in capitals. Where a name
//! ends is decided by the gazetteer (`Sở Nông nghiệp và Môi trường` is one
//! name, `Bộ Xây dựng và các địa phương` is one name and a collective) and,
//! for open names, by the verbs and function words that follow.
//!
//! ```
//! let doc = vanban::extract("Giao Sở Tài chính chủ trì, phối hợp với UBND tỉnh Lào Cai.");
//! let names: Vec<String> = doc.facts_of("agency").map(|f| f.to_string()).collect();
//! assert_eq!(names, ["Sở Tài chính", "Ủy ban nhân dân tỉnh Lào Cai"]);
//! ```
//!
//! # Not agencies
//! People and positions (`Phó Thủ tướng`; but the `UBND tỉnh` in `Chủ tịch UBND
//! tỉnh` is one), generic collectives (`các bộ, ngành`, `các Sở, ngành liên
//! quan`, `UBND các huyện, thành phố`), places (`tỉnh Cao Bằng`), enterprises,
//! banks other than the State Bank, newspapers, schools and associations.
//!
//! # Not handled
//! - Abbreviated ministries (`BTC`, `BXD`): too ambiguous in running text.
//! - Bodies outside the gazetteer and the patterns (`Quỹ ...`, most `Hội đồng ...`).

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;

use super::words::{Hits, WordList};
use crate::fact::{AgencyFact, Fact};
use crate::lexicon::{alternation, AGENCIES, PROVINCES};
use crate::values::Source;
use crate::Span;

pub(crate) use crate::normalize::{fold_key, Folded};

/// One agency mention: where, the canonical name, the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Where, in the normalised text.
    pub span: Span,
    /// The canonical name.
    pub name: String,
    /// The rule id.
    pub rule: &'static str,
}

/// A match of one rule: the text it covers and the mentions it yields (a
/// shared head word yields several).
struct Candidate {
    cover: Span,
    mentions: Vec<Mention>,
    order: usize,
}

/// Head word + field gazetteer entries: folded field → (head, canonical field).
struct Fields {
    canonical: HashMap<String, &'static str>,
    pattern: String,
}

static FIELDS: Lazy<Fields> = Lazy::new(|| {
    let mut canonical = HashMap::new();
    for a in AGENCIES.iter() {
        if a.kind == "ministry" || a.kind == "department" {
            if let Some((_, field)) = a.name.split_once(' ') {
                canonical.insert(fold_key(field), field);
            }
        }
    }
    let keys: Vec<String> = canonical.keys().cloned().collect();
    let pattern = alternation(keys.iter().map(String::as_str));
    Fields { canonical, pattern }
});

/// The gazetteer entries of fixed names (kinds `body` and `local`), one per
/// folded form (the last listed wins): [`WordList::Agency`] hits index this.
static FIXED_ENTRIES: Lazy<Vec<usize>> = Lazy::new(|| {
    let mut by_form: HashMap<String, usize> = HashMap::new();
    for (i, a) in AGENCIES.iter().enumerate() {
        if a.kind == "body" || a.kind == "local" {
            by_form.insert(fold_key(a.form), i);
        }
    }
    let mut entries: Vec<usize> = by_form.into_values().collect();
    entries.sort_unstable();
    entries
});

/// The forms of the fixed names, in the order of [`FIXED_ENTRIES`].
pub(crate) fn fixed_forms() -> Vec<String> {
    FIXED_ENTRIES
        .iter()
        .map(|&i| AGENCIES[i].form.to_string())
        .collect()
}

/// The fields of ministries and departments, as written (`Tài chính`).
pub(crate) fn field_forms() -> Vec<String> {
    let mut forms: Vec<String> = FIELDS.canonical.values().map(|f| f.to_string()).collect();
    forms.sort_unstable();
    forms
}

/// The bodies [`COMMITTEE`] names: a match holds one of these words.
pub(crate) const COMMITTEE_WORDS: &[&str] = &[
    "ủy ban nhân dân",
    "ubnd",
    "hội đồng nhân dân",
    "hđnd",
    "ủy ban mặt trận tổ quốc việt nam",
    "ủy ban mttq việt nam",
];

/// The bodies [`PARTY`] names.
pub(crate) const PARTY_WORDS: &[&str] = &["tỉnh ủy", "thành ủy", "huyện ủy"];

/// The words a [`TASK_FORCE`] name starts with.
pub(crate) const TASK_FORCE_WORDS: &[&str] = &[
    "tổ công tác",
    "đoàn kiểm tra",
    "đoàn công tác",
    "ban chỉ đạo",
];

/// The words a [`BOARD`] name starts with.
pub(crate) const BOARD_WORDS: &[&str] = &["ban quản lý"];

/// A regex alternation of `words` folded (the form the patterns read).
fn folded_alternation(words: &[&str]) -> String {
    let folded: Vec<String> = words.iter().map(|w| fold_key(w)).collect();
    alternation(folded.iter().map(String::as_str))
}

static HEAD_FIELD: Lazy<Regex> = Lazy::new(|| {
    let f = &FIELDS.pattern;
    Regex::new(&format!(
        r"(?-u:\b)(?P<cac>cac\s+)?(?P<head>bo|so)\s*(?P<colon>:)?\s*(?P<list>(?:{f})(?:\s*(?:,|;|(?-u:\b)va(?-u:\b))\s*(?:{f}))*)(?-u:\b)"
    ))
    .expect("head-field pattern compiles")
});

static FIELD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", FIELDS.pattern)).expect("field pattern compiles")
});

/// Level words of local government, folded, with their written form.
const LEVELS: &[(&str, &str)] = &[
    ("thanh pho", "thành phố"),
    ("tp.", "thành phố"),
    ("tp", "thành phố"),
    ("tinh", "tỉnh"),
    ("xa", "xã"),
    ("phuong", "phường"),
    ("dac khu", "đặc khu"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("thi xa", "thị xã"),
    ("thi tran", "thị trấn"),
];

const LEVEL_PATTERN: &str =
    r"thanh pho|tp\.|tp|tinh|xa|phuong|dac khu|huyen|quan|thi xa|thi tran|cac|cap";

static COMMITTEE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?-u:\b)(?:(?P<pre>van phong|thuong truc|dang uy|ban can su dang|dang doan)\s+)?",
            r"(?P<body>{})",
            r"(?:\s+(?P<lvl>{}))?(?-u:\b)"
        ),
        folded_alternation(COMMITTEE_WORDS),
        LEVEL_PATTERN
    ))
    .expect("committee pattern compiles")
});

/// `, UBND tỉnh` / `và UBND tỉnh` after a body without level: the level is shared.
static SHARED_LEVEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*(?:,|(?-u:\b)va(?-u:\b))\s*(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+(?P<lvl>{})(?-u:\b)",
        LEVEL_PATTERN
    ))
    .expect("shared level pattern compiles")
});

static PARTY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?-u:\b)(?:(?P<pre>ban thuong vu|thuong truc|ban to chuc|uy ban kiem tra|ban tuyen giao va dan van|ban tuyen giao|ban dan van|van phong|ban chap hanh|ban noi chinh)\s+)?",
            r"(?P<body>{})(?-u:\b)"
        ),
        folded_alternation(PARTY_WORDS)
    ))
    .expect("party pattern compiles")
});

static TASK_FORCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(concat!(
        r"(?-u:\b)(?:{})",
        r"(?:\s+so\s+\d+(?-u:\b)(?:\s+cua\s+(?P<owner1>thu tuong chinh phu|chinh phu|bo chinh tri|ban bi thu|quoc hoi|tinh uy|ubnd tinh|uy ban nhan dan tinh|tinh)(?-u:\b))?",
        r"|(?:\s+[^\s,.;:()\n]+){{1,10}}?\s+cua\s+(?P<owner2>thu tuong chinh phu|chinh phu|bo chinh tri|ban bi thu|quoc hoi|tinh uy|ubnd tinh|uy ban nhan dan tinh|tinh)(?-u:\b))"
    ), folded_alternation(TASK_FORCE_WORDS)))
    .expect("task force pattern compiles")
});

static BOARD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:{})\s+(?:du an|cac du an|khu kinh te|cac khu cong nghiep|khu cong nghiep|khu cong nghe cao)(?-u:\b)", folded_alternation(BOARD_WORDS)))
        .expect("board pattern compiles")
});

static PROVINCE: Lazy<Regex> = Lazy::new(|| {
    let keys: Vec<String> = PROVINCES.iter().map(|(f, _)| fold_key(f)).collect();
    Regex::new(&format!(
        r"^\s+(?:{})(?-u:\b)",
        alternation(keys.iter().map(String::as_str))
    ))
    .expect("province pattern compiles")
});

static PROVINCE_NAMES: Lazy<HashMap<String, &'static str>> =
    Lazy::new(|| PROVINCES.iter().map(|(f, n)| (fold_key(f), *n)).collect());

/// How far the anchored patterns after a name (a province, a region, a
/// shared level) reach (bytes).
const NAME_REACH: usize = 96;

/// `khu vực V`, `chi nhánh Khu vực 5` after a fixed name.
static REGION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s+(?:chi nhanh\s+)?khu vuc\s+(?:[ivxl]+|\d{1,2})(?-u:\b)")
        .expect("region pattern compiles")
});

/// Words that end an open name (a board's field): verbs and function words.
const STOP_WORDS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "có trách nhiệm",
    "tham mưu",
    "thực hiện",
    "triển khai",
    "tập trung",
    "khẩn trương",
    "chỉ đạo",
    "đẩy nhanh",
    "đẩy mạnh",
    "hoàn thành",
    "báo cáo",
    "đề xuất",
    "hướng dẫn",
    "kiểm tra",
    "rà soát",
    "tổ chức",
    "tiếp tục",
    "chủ động",
    "sử dụng",
    "nghiên cứu",
    "cần",
    "phải",
    "đã",
    "đang",
    "sẽ",
    "và",
    "với",
    "theo",
    "để",
    "tại",
    "trên",
    "trong",
    "của",
    "về",
    "là",
    "nhằm",
    "được",
    "thuộc",
    "do",
    "khi",
    "nếu",
];

#[cfg(test)]
pub(crate) fn force_patterns() {
    for re in [
        &HEAD_FIELD,
        &FIELD,
        &COMMITTEE,
        &SHARED_LEVEL,
        &PARTY,
        &TASK_FORCE,
        &BOARD,
        &PROVINCE,
        &REGION,
    ] {
        Lazy::force(re);
    }
}

/// Finds the agency facts of `src` (the examples runner's entry point).
#[cfg(test)]
pub(crate) fn find(src: &Source<'_>, out: &mut Vec<Fact>) {
    let folded = Folded::new(src.lower);
    for m in mentions(src, &folded, &Hits::find(&folded.text)) {
        out.push(to_fact(src, &m));
    }
}

/// The agency fact of a mention.
pub(crate) fn to_fact(src: &Source<'_>, m: &Mention) -> Fact {
    Fact::Agency(AgencyFact {
        text: src.slice(m.span).to_string(),
        span: m.span,
        name: m.name.clone(),
        rule: m.rule.into(),
    })
}

/// Every agency mention of `src`, sorted by start, overlaps settled.
pub(crate) fn mentions(src: &Source<'_>, folded: &Folded, hits: &Hits) -> Vec<Mention> {
    let mut cands: Vec<Candidate> = Vec::new();
    let ctx = Ctx { src, folded, hits };
    ctx.fixed(&mut cands);
    ctx.head_field(&mut cands);
    ctx.committee(&mut cands);
    ctx.party(&mut cands);
    ctx.task_force(&mut cands);
    ctx.board(&mut cands);
    resolve(cands)
}

/// Longest cover wins, then the earlier rule, then the earlier start.
fn resolve(mut cands: Vec<Candidate>) -> Vec<Mention> {
    cands.sort_by(|a, b| {
        b.cover
            .len()
            .cmp(&a.cover.len())
            .then(a.order.cmp(&b.order))
            .then(a.cover.start.cmp(&b.cover.start))
    });
    let kept = crate::span::keep_disjoint(cands, |c| c.cover);
    let mut out: Vec<Mention> = kept.into_iter().flat_map(|c| c.mentions).collect();
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

struct Ctx<'a, 's> {
    src: &'a Source<'s>,
    folded: &'a Folded,
    hits: &'a Hits,
}

impl<'a> Ctx<'a, '_> {
    fn orig(&self, fs: usize, fe: usize) -> &str {
        self.src.slice(self.folded.span(fs, fe))
    }

    /// True if the original text at folded offset `fs` starts with a capital.
    fn capital_at(&self, fs: usize) -> bool {
        self.src
            .text
            .get(self.folded.orig(fs)..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }

    /// A match may start here: not inside a symbol (`TB-VPCP`, `NQ-HĐND`) and
    /// not after a collective's `các`.
    fn clean_start(&self, fs: usize) -> bool {
        let at = self.folded.orig(fs);
        if matches!(self.src.char_before(at), Some('-' | '/' | '_')) {
            return false;
        }
        !matches!(
            self.src.word_before(at),
            "các" | "những" | "mọi" | "từng" | "cac" | "nhung"
        )
    }

    /// True if a position title (`Chủ tịch`, `Bí thư`) stands right before
    /// folded offset `fs`: what follows the agency is then a person's name.
    fn after_title(&self, fs: usize) -> bool {
        let at = self.folded.orig(fs);
        let head = self.src.lower.get(..at).unwrap_or("").trim_end();
        TITLES.iter().any(|t| {
            head.ends_with(t)
                && head[..head.len() - t.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !crate::normalize::is_word_char(c))
        })
    }

    /// The original form of a folded word written with accents must be `want`.
    fn accent_ok(&self, fs: usize, fe: usize, want: &str) -> bool {
        let o = self.orig(fs, fe);
        o.is_ascii() || crate::normalize::lower_same_len(o) == want
    }

    /// The place written after folded offset `at`: a province of the gazetteer
    /// or capitalised words. Returns its folded end and canonical form.
    fn place_after(&self, at: usize, after_title: bool) -> Option<(usize, String)> {
        let tail = crate::span::ahead(&self.folded.text, at, NAME_REACH);
        if let Some(m) = PROVINCE.find(tail) {
            let key = m.as_str().trim_start();
            let start = at + (m.len() - key.len());
            if self.capital_at(start) {
                let name = PROVINCE_NAMES.get(key).copied().unwrap_or(key);
                return Some((at + m.end(), name.to_string()));
            }
        }
        // After a title (`Chủ tịch UBND tỉnh Hoàng Xuân Ánh`) capitalised words
        // are a person's name.
        if after_title {
            return None;
        }
        // Capitalised words, single spaces, at most three.
        let text = self.src.text;
        let mut pos = self.folded.orig(at);
        let mut words: Vec<String> = Vec::new();
        let mut end = pos;
        while words.len() < 3 {
            let rest = text.get(pos..)?;
            let Some(after_space) = rest.strip_prefix(' ') else {
                break;
            };
            let len = after_space
                .char_indices()
                .find(|(_, c)| !crate::normalize::is_word_char(*c))
                .map_or(after_space.len(), |(i, _)| i);
            let word = &after_space[..len];
            let first = word.chars().next();
            if !first.is_some_and(|c| c.is_uppercase() || (c.is_ascii_digit() && words.is_empty()))
            {
                break;
            }
            if PLACE_STOP.contains(&fold_key(word).as_str()) {
                break;
            }
            words.push(title_case(word));
            pos += 1 + len;
            end = pos;
        }
        if words.is_empty() {
            return None;
        }
        Some((self.folded.folded_at(end), words.join(" ")))
    }

    /// The matches of `re` in the folded text, found only around the hits of
    /// `list` (`before` and `after` bytes, see [`Hits::windows`]): the
    /// pattern holds a word of the list and reaches no further from it.
    fn captures_near(
        &self,
        re: &Regex,
        list: WordList,
        before: usize,
        after: usize,
    ) -> Vec<regex::Captures<'a>> {
        let text: &'a str = &self.folded.text;
        let mut out = Vec::new();
        for w in self.hits.windows(list, text, before, after) {
            let hay = &text[..w.end];
            let mut pos = w.start;
            while let Some(caps) = re.captures_at(hay, pos) {
                let Some(m) = caps.get(0) else { break };
                pos = match hay[m.end()..].chars().next() {
                    _ if m.end() > m.start() => m.end(),
                    Some(c) => m.end() + c.len_utf8(),
                    None => hay.len() + 1,
                };
                out.push(caps);
                if pos > hay.len() {
                    break;
                }
            }
        }
        out
    }

    fn push(
        &self,
        cands: &mut Vec<Candidate>,
        fs: usize,
        fe: usize,
        name: String,
        rule: &'static str,
        order: usize,
    ) {
        let span = self.folded.span(fs, fe);
        cands.push(Candidate {
            cover: span,
            mentions: vec![Mention { span, name, rule }],
            order,
        });
    }

    fn fixed(&self, cands: &mut Vec<Candidate>) {
        for m in self.hits.leftmost_longest(WordList::Agency) {
            let entry = &AGENCIES[FIXED_ENTRIES[m.form]];
            let orig = self.orig(m.start, m.end);
            let abbreviation = entry.form.chars().all(|c| !c.is_lowercase());
            if abbreviation {
                if orig != entry.form {
                    continue;
                }
            } else if !self.capital_at(m.start)
                || !(orig.is_ascii()
                    || fold_tones(&crate::normalize::lower_same_len(orig))
                        == fold_tones(&crate::normalize::lower_same_len(entry.form)))
            {
                continue;
            }
            if !self.clean_start(m.start) {
                continue;
            }
            let mut end = m.end;
            let mut name = entry.name.to_string();
            if entry.kind == "local" {
                if let Some((e, place)) = self.place_after(end, self.after_title(m.start)) {
                    end = e;
                    name = format!("{name} {place}");
                }
            } else if let Some(r) =
                REGION.find(crate::span::ahead(&self.folded.text, end, NAME_REACH))
            {
                let written = self.orig(end, end + r.end()).trim();
                name = format!("{name} {}", region_name(written));
                end += r.end();
            }
            self.push(cands, m.start, end, name, "agency.gazetteer", 0);
        }
    }

    fn head_field(&self, cands: &mut Vec<Candidate>) {
        for caps in self.captures_near(&HEAD_FIELD, WordList::Field, 24, 0) {
            let (Some(whole), Some(head), Some(list)) =
                (caps.get(0), caps.name("head"), caps.name("list"))
            else {
                continue;
            };
            let want = if head.as_str() == "bo" {
                "bộ"
            } else {
                "sở"
            };
            if !self.accent_ok(head.start(), head.end(), want) || !self.capital_at(head.start()) {
                continue;
            }
            if !self.clean_start(whole.start()) {
                continue;
            }
            let head_word = if want == "bộ" { "Bộ" } else { "Sở" };
            // A shared head word is plural (`Các Sở`) or introduces a list (`Sở:`).
            let shared = caps.name("cac").is_some() || caps.name("colon").is_some();
            let mut mentions = Vec::new();
            let mut cover_end = whole.end();
            for (k, f) in FIELD.find_iter(list.as_str()).enumerate() {
                let (fs, fe) = (list.start() + f.start(), list.start() + f.end());
                // A field after the first belongs to the list only when capitalised.
                if k > 0 && (!shared || !self.capital_at(fs)) {
                    cover_end = mentions
                        .last()
                        .map_or(fe, |m: &Mention| self.folded.folded_at(m.span.end));
                    break;
                }
                let Some(canon) = FIELDS.canonical.get(f.as_str()) else {
                    continue;
                };
                let start = if k == 0 { head.start() } else { fs };
                mentions.push(Mention {
                    span: self.folded.span(start, fe),
                    name: format!("{head_word} {canon}"),
                    rule: if k == 0 {
                        "agency.head_field"
                    } else {
                        "agency.shared_head"
                    },
                });
            }
            if mentions.is_empty() {
                continue;
            }
            cands.push(Candidate {
                cover: self.folded.span(whole.start(), cover_end),
                mentions,
                order: 1,
            });
        }
    }

    fn committee(&self, cands: &mut Vec<Candidate>) {
        for caps in self.captures_near(&COMMITTEE, WordList::Committee, 24, 16) {
            let (Some(whole), Some(body)) = (caps.get(0), caps.name("body")) else {
                continue;
            };
            // `Thường trực` is a body of the council and of Party committees;
            // before `UBND`, or after a title, it is part of a title
            // (`Phó Chủ tịch Thường trực UBND tỉnh`).
            let pre_match = caps.name("pre").filter(|p| {
                p.as_str() != "thuong truc"
                    || (matches!(body.as_str(), "hdnd" | "hoi dong nhan dan")
                        && !self.after_title(p.start()))
            });
            let start = pre_match.map_or(body.start(), |p| p.start());
            let body_orig = self.orig(body.start(), body.end());
            let (body_name, abbreviation) = match body.as_str() {
                "ubnd" => ("Ủy ban nhân dân", true),
                "hdnd" => ("Hội đồng nhân dân", true),
                "uy ban nhan dan" => ("Ủy ban nhân dân", false),
                "hoi dong nhan dan" => ("Hội đồng nhân dân", false),
                _ => ("Ủy ban Mặt trận Tổ quốc Việt Nam", false),
            };
            if abbreviation && body_orig.chars().any(char::is_lowercase) {
                continue;
            }
            if !self.capital_at(start) || !self.clean_start(start) {
                continue;
            }
            let pre = pre_match.map(|p| match p.as_str() {
                "van phong" => "Văn phòng",
                "thuong truc" => "Thường trực",
                "dang uy" => "Đảng ủy",
                "ban can su dang" => "Ban cán sự đảng",
                _ => "Đảng đoàn",
            });
            let mut name = match pre {
                Some(p) => format!("{p} {body_name}"),
                None => body_name.to_string(),
            };
            let mut end = body.end();
            let level = match caps.name("lvl") {
                Some(l) if matches!(l.as_str(), "cac" | "cap") => continue,
                Some(l) => {
                    end = whole.end();
                    Some((l.as_str().to_string(), l.end()))
                }
                None => self
                    .folded
                    .text
                    .get(end..)
                    .map(|_| crate::span::ahead(&self.folded.text, end, NAME_REACH))
                    .and_then(|t| SHARED_LEVEL.captures(t))
                    .and_then(|c| {
                        c.name("lvl")
                            .map(|l| (l.as_str().to_string(), end + l.end()))
                    })
                    .filter(|(l, _)| l != "cac" && l != "cap"),
            };
            if let Some((lvl, lvl_end)) = level {
                let written = LEVELS
                    .iter()
                    .find(|(f, _)| *f == lvl)
                    .map_or("tỉnh", |(_, w)| w);
                name = format!("{name} {written}");
                if let Some((e, place)) = self.place_after(lvl_end, self.after_title(start)) {
                    name = format!("{name} {place}");
                    if lvl_end == end {
                        end = e;
                    }
                }
            }
            self.push(cands, start, end, name, "agency.committee", 2);
        }
    }

    fn party(&self, cands: &mut Vec<Candidate>) {
        for caps in self.captures_near(&PARTY, WordList::PartyCommittee, 32, 0) {
            let (Some(whole), Some(body)) = (caps.get(0), caps.name("body")) else {
                continue;
            };
            let pre_match = caps
                .name("pre")
                .filter(|p| p.as_str() != "thuong truc" || !self.after_title(p.start()));
            let start = pre_match.map_or(body.start(), |p| p.start());
            if !self.capital_at(start) || !self.clean_start(start) {
                continue;
            }
            let pre = pre_match.map(|p| match p.as_str() {
                "ban thuong vu" => "Ban Thường vụ",
                "thuong truc" => "Thường trực",
                "ban to chuc" => "Ban Tổ chức",
                "uy ban kiem tra" => "Ủy ban Kiểm tra",
                "ban tuyen giao va dan van" => "Ban Tuyên giáo và Dân vận",
                "ban tuyen giao" => "Ban Tuyên giáo",
                "ban dan van" => "Ban Dân vận",
                "van phong" => "Văn phòng",
                "ban chap hanh" => "Ban Chấp hành",
                _ => "Ban Nội chính",
            });
            let body_name = match body.as_str() {
                "tinh uy" => "Tỉnh ủy",
                "thanh uy" => "Thành ủy",
                _ => "Huyện ủy",
            };
            let mut name = match pre {
                Some(p) => format!("{p} {body_name}"),
                None => body_name.to_string(),
            };
            let mut end = whole.end();
            if let Some((e, place)) = self.place_after(end, self.after_title(start)) {
                name = format!("{name} {place}");
                end = e;
            }
            self.push(cands, start, end, name, "agency.party_committee", 3);
        }
    }

    fn task_force(&self, cands: &mut Vec<Candidate>) {
        for caps in self.captures_near(&TASK_FORCE, WordList::TaskForce, 0, 240) {
            let Some(m) = caps.get(0) else { continue };
            if !self.capital_at(m.start()) || !self.clean_start(m.start()) {
                continue;
            }
            let name = written_name(self.orig(m.start(), m.end()));
            self.push(cands, m.start(), m.end(), name, "agency.task_force", 4);
        }
    }

    fn board(&self, cands: &mut Vec<Candidate>) {
        for caps in self.captures_near(&BOARD, WordList::Board, 0, 32) {
            let Some(m) = caps.get(0) else { continue };
            if !self.capital_at(m.start()) || !self.clean_start(m.start()) {
                continue;
            }
            let end = self.extend_open_name(m.end(), 12);
            let name = written_name(self.orig(m.start(), end));
            self.push(cands, m.start(), end, name, "agency.board", 5);
        }
    }

    /// Extends an open name word by word (at most `max` words) until
    /// punctuation or a stop word; returns the folded end.
    fn extend_open_name(&self, from: usize, max: usize) -> usize {
        let lower = self.src.lower;
        let mut pos = self.folded.orig(from);
        let mut end = pos;
        for _ in 0..max {
            let Some(rest) = lower.get(pos..) else { break };
            let Some(after) = rest.strip_prefix(' ') else {
                break;
            };
            let len = after
                .char_indices()
                .find(|(_, c)| !(crate::normalize::is_word_char(*c) || *c == '-'))
                .map_or(after.len(), |(i, _)| i);
            if len == 0 {
                break;
            }
            if is_stop(after) {
                break;
            }
            pos += 1 + len;
            end = pos;
        }
        self.folded.folded_at(end)
    }
}

/// Position titles: the capitalised words after `<title> <agency>` are a name.
const TITLES: &[&str] = &[
    "chủ tịch",
    "bí thư",
    "giám đốc",
    "trưởng ban",
    "chánh văn phòng",
    "thành viên",
    "ủy viên",
    "đại biểu",
    "trưởng đoàn",
    "đồng chí",
    "thường trực",
];

/// Place words that are agency heads, not names.
const PLACE_STOP: &[&str] = &[
    "so", "bo", "ban", "uy", "hoi", "van", "thuong", "chu", "pho", "cac", "ubnd", "hdnd", "ve",
    "theo", "tai", "trong", "khoa", "ky", "lan", "nhiem", "nam", "ngay", "thang", "quy", "chi",
    "nghi", "quyet", "ke", "thong", "luat", "dang",
];

/// True if `rest` (lowercase) starts with a stop word.
fn is_stop(rest: &str) -> bool {
    static FOLDED_STOPS: Lazy<Vec<String>> =
        Lazy::new(|| STOP_WORDS.iter().map(|w| fold_key(w)).collect());
    let starts = |w: &str| {
        rest.starts_with(w)
            && rest
                .get(w.len()..)
                .and_then(|t| t.chars().next())
                .is_none_or(|c| !crate::normalize::is_word_char(c))
    };
    if STOP_WORDS.iter().any(|w| starts(w)) {
        return true;
    }
    let word_end = rest
        .char_indices()
        .find(|(_, c)| !crate::normalize::is_word_char(*c))
        .map_or(rest.len(), |(i, _)| i);
    if rest[..word_end].is_ascii() {
        return FOLDED_STOPS.iter().any(|w| starts(w));
    }
    false
}

/// Tone marks removed, vowel marks kept (for comparing gazetteer forms).
fn fold_tones(s: &str) -> String {
    s.chars().map(crate::normalize::without_tone).collect()
}

/// `khu vực v` → `Khu vực V`, keeping `chi nhánh`.
fn region_name(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lw = crate::normalize::lower_same_len(w);
        if i + 1 == words.len() {
            out.push(w.to_uppercase());
        } else if lw == "khu" {
            out.push("Khu".into());
        } else {
            out.push(lw);
        }
    }
    out.join(" ")
}

/// An open name as written: spaces collapsed, `UBND`/`HĐND` expanded.
fn written_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| match w {
            "UBND" => "Ủy ban nhân dân",
            "HĐND" => "Hội đồng nhân dân",
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `LÀO` → `Lào`; other words as written.
fn title_case(word: &str) -> String {
    if word.chars().count() > 1 && !word.chars().any(char::is_lowercase) {
        let mut cs = word.chars();
        let first: String = cs.next().map(|c| c.to_string()).unwrap_or_default();
        let rest: String = cs.collect::<String>().to_lowercase();
        format!("{first}{rest}")
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn names(text: &str) -> Vec<String> {
        let n = Normalized::new(text);
        let src = Source::new(&n.text, &n.lower, None);
        let folded = Folded::new(src.lower);
        mentions(&src, &folded, &Hits::find(&folded.text))
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn examples() {
        crate::testing::run_examples("agency", include_str!("agency.examples.toml"), super::find);
    }

    #[test]
    fn patterns_compile() {
        force_patterns();
    }

    /// Sentences with several agencies, or none: (input, names in order).
    const MANY: &[(&str, &[&str])] = &[
        (
            "Các Sở: Giáo dục và Đào tạo, Tài chính, Xây dựng theo chức năng hướng dẫn.",
            &["Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Xây dựng"],
        ),
        (
            "Sở Xây dựng, Sở Công Thương, Ban Quản lý Khu kinh tế: tập trung tháo gỡ.",
            &["Sở Xây dựng", "Sở Công Thương", "Ban Quản lý Khu kinh tế"],
        ),
        (
            "Tỉnh ủy, HĐND, UBND tỉnh đã ban hành các nghị quyết.",
            &["Tỉnh ủy", "Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
        ),
        (
            "Giao các Bộ: Tài chính, Nội vụ và Tư pháp nghiên cứu.",
            &["Bộ Tài chính", "Bộ Nội vụ", "Bộ Tư pháp"],
        ),
        (
            "Bộ Xây dựng và các địa phương liên quan",
            &["Bộ Xây dựng"],
        ),
        (
            "Sở Nội vụ phối hợp Ban Tổ chức Tỉnh uỷ tham mưu",
            &["Sở Nội vụ", "Ban Tổ chức Tỉnh ủy"],
        ),
        (
            "Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì",
            &["Ủy ban nhân dân tỉnh", "Sở Tài chính"],
        ),
        (
            "Bo Tai chinh va Bo Xay dung phoi hop voi UBND tinh Lao Cai",
            &["Bộ Tài chính", "Bộ Xây dựng", "Ủy ban nhân dân tỉnh Lào Cai"],
        ),
        (
            "Phó Thủ tướng đề nghị các bộ, ngành, các Sở, ngành liên quan và UBND các huyện, thành phố",
            &[],
        ),
        (
            "Tập đoàn Điện lực Việt Nam, Ngân hàng Chính sách xã hội, Hội Nông dân tỉnh và Báo Lào Cai",
            &[],
        ),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", &[]),
        ("Đoàn công tác đã làm việc tại tỉnh Cao Bằng.", &[]),
        (
            "theo Thông báo số 608/TB-VPCP và Nghị quyết số 57/2025/NQ-HĐND",
            &[],
        ),
        (
            "Sở Tài chính, Xây dựng cơ bản và Giao thông là các lĩnh vực",
            &["Sở Tài chính"],
        ),
        (
            "các Ban quản lý dự án sử dụng vốn ODA",
            &[],
        ),
        (
            "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",
            &["Ủy ban nhân dân tỉnh Cao Bằng"],
        ),
        (
            "Văn phòng UBND tỉnh và Thường trực HĐND tỉnh Sơn La",
            &["Văn phòng Ủy ban nhân dân tỉnh", "Thường trực Hội đồng nhân dân tỉnh Sơn La"],
        ),
        (
            "Kho bạc Nhà nước khu vực VII và Thuế tỉnh Tuyên Quang",
            &["Kho bạc Nhà nước Khu vực VII", "Thuế tỉnh Tuyên Quang"],
        ),
        (
            "thu thuế tỉnh đạt khá, bộ máy tinh gọn, sổ tài chính",
            &[],
        ),
    ];

    #[test]
    fn several_or_none() {
        let mut failures = Vec::new();
        for (input, want) in MANY {
            let got = names(input);
            if got != *want {
                failures.push(format!("{input:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
