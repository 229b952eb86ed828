//! Whole-word occurrences of the word lists in the folded text, found in one
//! pass.
//!
//! The named and directive rules look up several lists of folded words and
//! phrases: the agency gazetteer, provinces, cue words, titles, the words
//! that may open a list of bodies. Searching each list with its own regex
//! meant one scan of the text per list, each slowed by a prefilter that
//! short, frequent words (`cac`, `tinh`, `bo`) defeat. Here every form of
//! every list is one pattern of a single Aho–Corasick automaton, run once
//! with overlapping matches; each list then reads its own hits.
//!
//! A hit is a whole word or phrase: the same test as the regex `\b` on ASCII
//! (`(?-u:\b)`) at both ends. [`Hits::leftmost_longest`] gives a list's hits
//! as a regex alternation of its forms (longest first) would find them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;

use super::agency::fold_key;

/// A word list searched in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordList {
    /// The fixed names of the agency gazetteer (`body` and `local` entries).
    Agency,
    /// Province names.
    Province,
    /// Words that put a task on the bodies after them (`giao`, `đề nghị`).
    Cue,
    /// Words that may open a list of bodies (`các`, `UBND`, `Giám đốc`).
    ItemStart,
    /// Titles of the people who assign tasks (`Phó Thủ tướng`).
    Title,
    /// Fields of ministries and departments (`Tài chính`, `Xây dựng`).
    Field,
    /// People's committees and councils (`UBND`, `Hội đồng nhân dân`).
    Committee,
    /// Party committees (`Tỉnh ủy`).
    PartyCommittee,
    /// Task forces and inspection teams (`Tổ công tác`).
    TaskForce,
    /// Management boards (`Ban Quản lý`).
    Board,
}

const LISTS: usize = 10;

impl WordList {
    fn index(self) -> usize {
        self as usize
    }
}

/// One whole-word occurrence: folded offsets and the index of the form in
/// its list (as passed to [`Lists::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub form: usize,
}

/// The automaton over every form of every list, and what each pattern is.
struct Lists {
    automaton: AhoCorasick,
    /// For each distinct folded form (pattern id): the lists and form indices it belongs to.
    owners: Vec<Vec<(WordList, usize)>>,
}

impl Lists {
    /// Builds the automaton from `(list, forms)`; a form's index is its
    /// position in its list, forms are folded with [`fold_key`].
    fn new(lists: &[(WordList, Vec<String>)]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(WordList, usize)>> = Vec::new();
        let mut ids = std::collections::HashMap::new();
        for (list, forms) in lists {
            for (i, form) in forms.iter().enumerate() {
                let key = fold_key(form);
                if key.is_empty() {
                    continue;
                }
                let id = *ids.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                owners[id].push((*list, i));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("word lists build an automaton");
        Lists { automaton, owners }
    }
}

static LISTS_BUILT: Lazy<Lists> = Lazy::new(|| {
    use super::{agency, assignment};
    let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    Lists::new(&[
        (WordList::Agency, agency::fixed_forms()),
        (
            WordList::Province,
            crate::lexicon::PROVINCES
                .iter()
                .map(|(f, _)| f.to_string())
                .collect(),
        ),
        (WordList::Cue, words(assignment::CUE_WORDS)),
        (WordList::ItemStart, words(assignment::ITEM_START_WORDS)),
        (WordList::Title, assignment::title_forms()),
        (WordList::Field, agency::field_forms()),
        (WordList::Committee, words(agency::COMMITTEE_WORDS)),
        (WordList::PartyCommittee, words(agency::PARTY_WORDS)),
        (WordList::TaskForce, words(agency::TASK_FORCE_WORDS)),
        (WordList::Board, words(agency::BOARD_WORDS)),
    ])
});

/// The hits of every list in one text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hits {
    lists: [Vec<Hit>; LISTS],
}

/// True for the bytes the regex `(?-u:\b)` counts as word bytes.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Hits {
    /// Every whole-word occurrence of every form in `folded` (a
    /// [`Folded`](super::agency::Folded) text), overlapping ones included.
    pub(crate) fn find(folded: &str) -> Self {
        let lists = &*LISTS_BUILT;
        let bytes = folded.as_bytes();
        let word_at = |i: usize| bytes.get(i).copied().is_some_and(is_word_byte);
        let word_before = |i: usize| i > 0 && word_at(i - 1);
        let mut hits = Hits::default();
        for m in lists.automaton.find_overlapping_iter(folded) {
            let (s, e) = (m.start(), m.end());
            // A word boundary at both ends, as `\b` has it.
            if word_before(s) == word_at(s) || word_at(e) == word_at(e - 1) {
                continue;
            }
            for &(list, form) in &lists.owners[m.pattern().as_usize()] {
                hits.lists[list.index()].push(Hit {
                    start: s,
                    end: e,
                    form,
                });
            }
        }
        for list in &mut hits.lists {
            // Stable: a form listed twice keeps its first index.
            list.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
            list.dedup_by_key(|h| (h.start, h.end));
        }
        hits
    }

    /// All hits of `list`, sorted by start, the longest first at each start.
    pub(crate) fn all(&self, list: WordList) -> &[Hit] {
        &self.lists[list.index()]
    }

    /// The stretches of `text` from `before` bytes before to `after` bytes
    /// after each hit of `list`, merged, widened to char boundaries and to
    /// word ends (so that a pattern's word boundary at a stretch's end is one
    /// in the text): every match of a pattern that contains a hit of `list`
    /// and reaches at most that far around it lies in one.
    pub(crate) fn windows(
        &self,
        list: WordList,
        text: &str,
        before: usize,
        after: usize,
    ) -> Vec<crate::Span> {
        let bytes = text.as_bytes();
        let mut out: Vec<crate::Span> = Vec::new();
        for h in self.all(list) {
            let mut start = h.start.saturating_sub(before);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (h.end + after).min(text.len());
            while end < text.len() && (!text.is_char_boundary(end) || is_word_byte(bytes[end])) {
                end += 1;
            }
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(crate::Span::new(start, end)),
            }
        }
        out
    }

    /// The hits of `list` a regex alternation of its forms, longest first,
    /// finds by searching left to right: at each start the longest, and none
    /// inside an earlier one.
    pub(crate) fn leftmost_longest(&self, list: WordList) -> impl Iterator<Item = Hit> + '_ {
        let mut end = 0;
        self.all(list).iter().copied().filter(move |h| {
            if h.start < end {
                return false;
            }
            end = h.end.max(h.start + 1);
            true
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::agency::Folded;

    fn found(text: &str, list: WordList) -> Vec<String> {
        let folded = Folded::new(&crate::normalize::lower_same_len(text));
        let hits = Hits::find(&folded.text);
        hits.leftmost_longest(list)
            .map(|h| folded.text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            found("Giao Sở; giaothông; giao.", WordList::Cue),
            ["giao", "giao"]
        );
        assert_eq!(found("đề nghị các", WordList::Cue), ["de nghi"]);
        assert!(found("giaoo", WordList::Cue).is_empty());
    }

    #[test]
    fn longest_at_each_start_and_none_inside() {
        // `giao cho` is one cue, not `giao` then nothing.
        assert_eq!(found("giao cho Sở", WordList::Cue), ["giao cho"]);
        // Titles: the longest form, `Phó Thủ tướng` not `Thủ tướng` inside it.
        assert_eq!(
            found("Phó Thủ tướng và Thủ tướng", WordList::Title),
            ["pho thu tuong", "thu tuong"]
        );
    }

    #[test]
    fn one_form_in_several_lists() {
        let text = "Thứ trưởng Bộ Tài chính";
        assert_eq!(found(text, WordList::Title), ["thu truong"]);
        assert_eq!(found(text, WordList::ItemStart), ["thu truong"]);
    }

    #[test]
    fn overlapping_hits_of_a_list_are_all_kept() {
        let folded = Folded::new("chủ tịch ubnd tỉnh");
        let hits = Hits::find(&folded.text);
        let titles: Vec<&str> = hits
            .all(WordList::Title)
            .iter()
            .map(|h| &folded.text[h.start..h.end])
            .collect();
        assert!(titles.contains(&"chu tich ubnd tinh"), "{titles:?}");
        let starts: Vec<&str> = hits
            .all(WordList::ItemStart)
            .iter()
            .map(|h| &folded.text[h.start..h.end])
            .collect();
        assert_eq!(starts, ["chu tich", "ubnd", "tinh"]);
    }
}
