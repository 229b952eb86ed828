//! The facts: one enum, serialised as `../shared/spec/FACTS.md` writes them.
//!
//! Every fact has `type` (the serde tag), `text` (the exact slice of the
//! normalised text it was read from), `span` (`[start, end]` bytes into that
//! text) and `rule` (the id of the rule that found it, e.g. `money.amount`).
//! Decimals are written as strings (`"31307400000000"`), dates as ISO 8601.
//!
//! ```
//! let doc = vanban::extract("Phấn đấu thu ngân sách đạt trên 26.000 tỷ đồng.");
//! let money = doc.facts_of("money").next().unwrap();
//! let json = serde_json::to_value(money).unwrap();
//! assert_eq!(json["type"], "money");
//! assert_eq!(json["value"], "26000000000000");
//! assert_eq!(json["bound"], "over");
//! ```

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Span;

/// The id of the rule that produced a fact (`family.what_it_matches`).
pub type RuleId = Cow<'static, str>;

/// How a stated figure relates to the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As stated (the default).
    #[default]
    Exact,
    /// `khoảng`, `xấp xỉ`, `chừng`.
    Approx,
    /// `gần`.
    Nearly,
    /// `trên`, `hơn`, `vượt`.
    Over,
    /// `dưới`, `chưa đến`.
    Under,
    /// `tối thiểu`, `ít nhất`, `không dưới`, `... trở lên`.
    AtLeast,
    /// `tối đa`, `không quá`, `... trở xuống`.
    AtMost,
    /// `từ ... đến ...`, `10 - 15%`: the fact has `value_max`.
    Range,
}

impl Bound {
    /// True for [`Bound::Exact`] (used to leave it out of short descriptions).
    pub fn is_exact(&self) -> bool {
        *self == Bound::Exact
    }

    /// The snake-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approx => "approx",
            Bound::Nearly => "nearly",
            Bound::Over => "over",
            Bound::Under => "under",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Range => "range",
        }
    }
}

/// The size of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Grain {
    /// One calendar month: `tháng 8/2025`.
    Month,
    /// One quarter: `quý 2/2026`.
    Quarter,
    /// One calendar year: `năm 2025`.
    Year,
    /// Several whole years: `giai đoạn 2026-2030`.
    Years,
    /// Several whole months: `8 tháng đầu năm 2025`.
    Months,
    /// Several days: `từ ngày 1/7 đến ngày 15/7`.
    Days,
}

impl Grain {
    /// The snake-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
            Grain::Years => "years",
            Grain::Months => "months",
            Grain::Days => "days",
        }
    }
}

/// A span of whole days, `start..=end`, with the grain it was written in.
///
/// ```
/// let p = vanban::parse_period("quý II/2026", None)?;
/// assert_eq!(p.to_string(), "2026-04-01..2026-06-30 quarter");
/// # Ok::<(), vanban::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// How it was written.
    pub grain: Grain,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} {}", self.start, self.end, self.grain.as_str())
    }
}

/// An amount of money in a currency's base unit.
///
/// ```
/// let m: vanban::Money = "31.307,4 tỷ đồng".parse()?;
/// assert_eq!(m.to_string(), "31307400000000 VND");
/// # Ok::<(), vanban::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount, in the base unit (đồng for VND).
    pub value: Decimal,
    /// ISO 4217 code: `VND`, `USD`, `EUR`, ...
    pub currency: String,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value.normalize(), self.currency)
    }
}

/// Serde helpers for decimals: always a plain string without trailing zeros.
mod decimal_str {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.normalize().to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        rust_decimal::serde::str::deserialize(d)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_str(&d.normalize().to_string()),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|s| s.parse().map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `money`: an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneyFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The amount in the currency's base unit (the lower end of a range).
    #[serde(with = "decimal_str")]
    pub value: Decimal,
    /// ISO 4217 code.
    pub currency: String,
    /// How the stated amount relates to the true one.
    #[serde(default)]
    pub bound: Bound,
    /// The upper end of a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_str::option"
    )]
    pub value_max: Option<Decimal>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `percent`: a percentage; `value` is the number before `%`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The number before `%` (the lower end of a range).
    #[serde(with = "decimal_str")]
    pub value: Decimal,
    /// How the stated figure relates to the true one.
    #[serde(default)]
    pub bound: Bound,
    /// The upper end of a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_str::option"
    )]
    pub value_max: Option<Decimal>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `quantity`: a count or measure with its unit noun.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The number, scale words applied (`46,543 nghìn km2` → 46543).
    #[serde(with = "decimal_str")]
    pub value: Decimal,
    /// The unit noun as written (`km2`, `xã, phường`, `công trình`).
    pub unit: String,
    /// How the stated figure relates to the true one.
    #[serde(default)]
    pub bound: Bound,
    /// The upper end of a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_str::option"
    )]
    pub value_max: Option<Decimal>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `date`: one calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The day.
    pub value: NaiveDate,
    /// True when the text gave no year and the document date's year was used.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred_year: bool,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `period`: a span of time longer than a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// How it was written.
    pub grain: Grain,
    /// True when the text gave no year and the document date's year was used.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred_year: bool,
    /// The rule that found it.
    pub rule: RuleId,
}

impl PeriodFact {
    /// The period as a value.
    pub fn period(&self) -> Period {
        Period {
            start: self.start,
            end: self.end,
            grain: self.grain,
        }
    }
}

/// A first..=last range of days (a target's or deadline's period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

impl From<Period> for DateRange {
    fn from(p: Period) -> Self {
        DateRange {
            start: p.start,
            end: p.end,
        }
    }
}

/// `reference`: a cited document (`Nghị quyết số 57-NQ/TW ngày 22/12/2024`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The symbol without spaces, letters as written (`57-NQ/TW`,
    /// `154/2025/NĐ-CP`), or kind and number when there is no symbol (`Đề án 06`).
    pub canonical: String,
    /// The number part (`57`, `66.7`).
    pub number: String,
    /// The year part of a state symbol (`154/2025/NĐ-CP` → 2025).
    pub year: Option<i32>,
    /// The document-type letters (`NQ`, `NĐ`, `CT`), if the symbol has them.
    pub code: Option<String>,
    /// The issuer part (`TW`, `CP`, `TTg`, `UBND`, `QH15`).
    pub issuer: Option<String>,
    /// The kind of document (`Nghị quyết`, `Chỉ thị`, ...).
    pub kind: Option<String>,
    /// The issue date the text states for it.
    pub issued: Option<NaiveDate>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `agency`: a named organisation of the state or the Party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The canonical name (`Ủy ban nhân dân tỉnh Lào Cai`).
    pub name: String,
    /// The rule that found it.
    pub rule: RuleId,
}

/// The figure a target aims at, tagged with its `type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TargetValue {
    /// An amount of money.
    Money {
        /// The amount in the currency's base unit.
        #[serde(with = "decimal_str")]
        value: Decimal,
        /// ISO 4217 code.
        currency: String,
    },
    /// A percentage.
    Percent {
        /// The number before `%`.
        #[serde(with = "decimal_str")]
        value: Decimal,
    },
    /// A count or measure.
    Quantity {
        /// The number.
        #[serde(with = "decimal_str")]
        value: Decimal,
        /// The unit noun.
        unit: String,
    },
}

/// `target`: a goal figure, what is to be reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// What is measured (`tăng trưởng kinh tế`, `thu ngân sách`).
    pub metric: String,
    /// The figure.
    pub value: TargetValue,
    /// How the figure bounds the goal.
    #[serde(default)]
    pub bound: Bound,
    /// The period the goal is for, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRange>,
    /// The day by which it is to be reached, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// How a deadline limits an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineBound {
    /// `trước ngày`.
    Before,
    /// `đến hết ngày`, `chậm nhất`, `hoàn thành vào`.
    By,
    /// `vào ngày`.
    On,
    /// `trong tháng/quý/năm`.
    Within,
}

/// `deadline`: a time limit set for an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// The due day, when the limit is a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The period, when the limit is a month, quarter or year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRange>,
    /// How the limit applies.
    pub bound: DeadlineBound,
    /// The action (short text).
    pub task: String,
    /// The agencies responsible, when stated.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// `assignment`: a task put on named bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentFact {
    /// The text it was read from.
    pub text: String,
    /// Where, in the normalised text.
    pub span: Span,
    /// Who leads (canonical agency names; generic collectives as written).
    pub lead: Vec<String>,
    /// Who supports (`phối hợp`).
    #[serde(default)]
    pub support: Vec<String>,
    /// The task (short text).
    pub task: String,
    /// The due day, when the same clause has one.
    pub deadline: Option<NaiveDate>,
    /// Who assigned it (`Phó Thủ tướng`), when stated.
    pub assigner: Option<String>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// One fact read from a document.
///
/// Match on it, or use the accessors shared by every kind:
///
/// ```
/// use vanban::Fact;
/// let doc = vanban::extract("Đến hết ngày 30/6/2025, giải ngân đạt tối thiểu 50%.");
/// let kinds: Vec<&str> = doc.facts.iter().map(Fact::kind).collect();
/// assert!(kinds.contains(&"date") && kinds.contains(&"percent"));
/// for fact in &doc.facts {
///     assert_eq!(&doc.text[fact.span().range()], fact.text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fact {
    /// An amount of money.
    Money(MoneyFact),
    /// A percentage.
    Percent(PercentFact),
    /// A count or measure with its unit.
    Quantity(QuantityFact),
    /// One calendar day.
    Date(DateFact),
    /// A span of time longer than a day.
    Period(PeriodFact),
    /// A cited document.
    Reference(ReferenceFact),
    /// A named organisation of the state or the Party.
    Agency(AgencyFact),
    /// A goal figure.
    Target(TargetFact),
    /// A time limit set for an action.
    Deadline(DeadlineFact),
    /// A task put on named bodies.
    Assignment(AssignmentFact),
}

/// Applies `$body` to the inner struct of every variant.
macro_rules! each {
    ($fact:expr, $f:ident => $body:expr) => {
        match $fact {
            Fact::Money($f) => $body,
            Fact::Percent($f) => $body,
            Fact::Quantity($f) => $body,
            Fact::Date($f) => $body,
            Fact::Period($f) => $body,
            Fact::Reference($f) => $body,
            Fact::Agency($f) => $body,
            Fact::Target($f) => $body,
            Fact::Deadline($f) => $body,
            Fact::Assignment($f) => $body,
        }
    };
}

impl Fact {
    /// The `type` name used in JSON (`"money"`, `"date"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::Money(_) => "money",
            Fact::Percent(_) => "percent",
            Fact::Quantity(_) => "quantity",
            Fact::Date(_) => "date",
            Fact::Period(_) => "period",
            Fact::Reference(_) => "reference",
            Fact::Agency(_) => "agency",
            Fact::Target(_) => "target",
            Fact::Deadline(_) => "deadline",
            Fact::Assignment(_) => "assignment",
        }
    }

    /// Where the fact was read, in the normalised text.
    pub fn span(&self) -> Span {
        each!(self, f => f.span)
    }

    /// The text it was read from (the slice of the normalised text at `span`).
    pub fn text(&self) -> &str {
        each!(self, f => &f.text)
    }

    /// The id of the rule that found it.
    pub fn rule(&self) -> &str {
        each!(self, f => &f.rule)
    }

    /// Moves the fact `by` bytes to the right (for text embedded in a larger one).
    pub fn shift(&mut self, by: usize) {
        each!(self, f => f.span = f.span.shift(by));
    }
}

/// A short, stable description of a fact's value, as the examples files and the
/// corpus snapshots write it: `31307400000000 VND`, `over 90%`, `2025-08-31`,
/// `2026-04-01..2026-06-30 quarter`.
impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn bound(f: &mut fmt::Formatter<'_>, b: Bound) -> fmt::Result {
            if b.is_exact() || b == Bound::Range {
                Ok(())
            } else {
                write!(f, "{} ", b.as_str())
            }
        }
        fn range(f: &mut fmt::Formatter<'_>, v: &Decimal, max: &Option<Decimal>) -> fmt::Result {
            write!(f, "{}", v.normalize())?;
            if let Some(m) = max {
                write!(f, "..{}", m.normalize())?;
            }
            Ok(())
        }
        match self {
            Fact::Money(m) => {
                bound(f, m.bound)?;
                range(f, &m.value, &m.value_max)?;
                write!(f, " {}", m.currency)
            }
            Fact::Percent(p) => {
                bound(f, p.bound)?;
                range(f, &p.value, &p.value_max)?;
                f.write_str("%")
            }
            Fact::Quantity(q) => {
                bound(f, q.bound)?;
                range(f, &q.value, &q.value_max)?;
                write!(f, " {}", q.unit)
            }
            Fact::Date(d) => {
                write!(f, "{}", d.value)?;
                if d.inferred_year {
                    f.write_str(" (inferred year)")?;
                }
                Ok(())
            }
            Fact::Period(p) => {
                write!(f, "{}", p.period())?;
                if p.inferred_year {
                    f.write_str(" (inferred year)")?;
                }
                Ok(())
            }
            Fact::Reference(r) => {
                write!(f, "{}", r.canonical)?;
                if let Some(k) = &r.kind {
                    write!(f, " ({k})")?;
                }
                if let Some(d) = r.issued {
                    write!(f, " issued {d}")?;
                }
                Ok(())
            }
            Fact::Agency(a) => f.write_str(&a.name),
            Fact::Target(t) => {
                if !t.metric.is_empty() {
                    write!(f, "{}: ", t.metric)?;
                }
                bound(f, t.bound)?;
                match &t.value {
                    TargetValue::Money { value, currency } => {
                        write!(f, "{} {currency}", value.normalize())?
                    }
                    TargetValue::Percent { value } => write!(f, "{}%", value.normalize())?,
                    TargetValue::Quantity { value, unit } => {
                        write!(f, "{} {unit}", value.normalize())?
                    }
                }
                if let Some(p) = t.period {
                    write!(f, " in {}..{}", p.start, p.end)?;
                }
                if let Some(d) = t.by {
                    write!(f, " by {d}")?;
                }
                Ok(())
            }
            Fact::Deadline(d) => {
                let b = match d.bound {
                    DeadlineBound::Before => "before",
                    DeadlineBound::By => "by",
                    DeadlineBound::On => "on",
                    DeadlineBound::Within => "within",
                };
                write!(f, "{b} ")?;
                match (d.date, d.period) {
                    (Some(day), _) => write!(f, "{day}")?,
                    (None, Some(p)) => write!(f, "{}..{}", p.start, p.end)?,
                    (None, None) => f.write_str("?")?,
                }
                write!(f, ": {}", d.task)?;
                if !d.agencies.is_empty() {
                    write!(f, " [{}]", d.agencies.join("; "))?;
                }
                Ok(())
            }
            Fact::Assignment(a) => {
                write!(f, "{}", a.lead.join("; "))?;
                if !a.support.is_empty() {
                    write!(f, " + {}", a.support.join("; "))?;
                }
                write!(f, ": {}", a.task)?;
                if let Some(d) = a.deadline {
                    write!(f, " by {d}")?;
                }
                Ok(())
            }
        }
    }
}
