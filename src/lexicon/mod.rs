//! Embedded word lists: tab-separated, a header line, `#` comments, UTF-8 NFC.
//!
//! | File             | Columns        | Used by            |
//! |------------------|----------------|--------------------|
//! | `currencies.tsv` | `word`, `code` | money              |
//! | `units.tsv`      | `unit`         | quantity           |
//! | `doc_kinds.tsv`  | `kind`, `code`, `from_code`, `bare` | reference |
//! | `issuers.tsv`    | `code`, `name` | reference          |
//! | `tcvn3.tsv`      | `byte`, `char` | input decoding     |
//! | `agencies.tsv`   | `form`, `name`, `kind` | agency     |
//! | `provinces.tsv`  | `form`, `name` | agency (places)    |

use once_cell::sync::Lazy;

/// Parses a lexicon: skips comments, blank lines and the header; splits on tabs.
pub(crate) fn rows(source: &'static str) -> Vec<Vec<&'static str>> {
    source
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect()
}

/// A regex alternation of `words`, longest first, each escaped.
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Currency words and their codes.
pub(crate) static CURRENCIES: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    rows(include_str!("currencies.tsv"))
        .into_iter()
        .map(|r| (r[0], *r.get(1).expect("currencies.tsv: two columns")))
        .collect()
});

/// Unit nouns of quantities.
pub(crate) static UNITS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    rows(include_str!("units.tsv"))
        .into_iter()
        .map(|r| r[0])
        .collect()
});

/// One gazetteer entry of `agencies.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Agency {
    /// A way the name is written.
    pub form: &'static str,
    /// The canonical name.
    pub name: &'static str,
    /// `ministry`, `department`, `body` or `local`.
    pub kind: &'static str,
}

/// Agencies of the state and the Party.
pub(crate) static AGENCIES: Lazy<Vec<Agency>> = Lazy::new(|| {
    rows(include_str!("agencies.tsv"))
        .into_iter()
        .map(|r| Agency {
            form: r[0],
            name: r.get(1).expect("agencies.tsv: three columns"),
            kind: r.get(2).expect("agencies.tsv: three columns"),
        })
        .collect()
});

/// Provinces and their spelling variants: (form, name).
pub(crate) static PROVINCES: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    rows(include_str!("provinces.tsv"))
        .into_iter()
        .map(|r| (r[0], *r.get(1).expect("provinces.tsv: two columns")))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn all_lexicons_load() {
        assert!(CURRENCIES.len() > 10);
        assert!(UNITS.len() > 20);
        for (w, code) in CURRENCIES.iter() {
            assert_eq!(code.len(), 3, "{w}");
            assert_eq!(w.nfc().collect::<String>(), *w, "{w} is not NFC");
            assert_eq!(&w.to_lowercase(), w);
        }
        for u in UNITS.iter() {
            assert_eq!(u.nfc().collect::<String>(), *u, "{u} is not NFC");
            assert_eq!(&u.to_lowercase(), u);
        }
    }

    #[test]
    fn agency_lexicons_load() {
        assert!(AGENCIES.len() > 80);
        assert!(PROVINCES.len() > 60);
        for a in AGENCIES.iter() {
            assert_eq!(
                a.form.nfc().collect::<String>(),
                a.form,
                "{} is not NFC",
                a.form
            );
            assert!(
                matches!(a.kind, "ministry" | "department" | "body" | "local"),
                "{}",
                a.form
            );
            if matches!(a.kind, "ministry" | "department") {
                assert!(
                    a.name.starts_with("Bộ ") || a.name.starts_with("Sở "),
                    "{}",
                    a.name
                );
            }
        }
    }

    #[test]
    fn alternation_is_longest_first() {
        assert_eq!(alternation(["a", "abc", "ab"]), "abc|ab|a");
    }
}
