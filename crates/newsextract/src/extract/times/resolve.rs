//! Turning what a rule recognised into a TIMEX3 value, against the reference date when there
//! is one.
//!
//! Every function here takes `anchor: Option<Date>`. With an anchor the value is fully
//! resolved; without one it keeps what the text fixes and writes `X` for the rest
//! ("XXXX-05-09", "XXXX-WXX-1"), and the value is marked unanchored.

use super::lexicon::{Season, Unit};
use crate::date::{add_months, easter, nth_weekday};
use crate::Date;

/// A TIMEX3 value and whether it needed, and got, a reference date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Value {
    /// The TIMEX3 value.
    pub(crate) text: String,
    /// False when the value depended on a reference date that was missing.
    pub(crate) anchored: bool,
}

impl Value {
    /// A value the text fixes by itself.
    pub(crate) fn fixed(text: impl Into<String>) -> Value {
        Value {
            text: text.into(),
            anchored: true,
        }
    }

    /// A value that could not be resolved for want of a reference date.
    pub(crate) fn unanchored(text: impl Into<String>) -> Value {
        Value {
            text: text.into(),
            anchored: false,
        }
    }

    /// Appends a time-of-day suffix ("TMO", "T15:00") to a day value.
    pub(crate) fn with_time(mut self, suffix: &str) -> Value {
        self.text.push('T');
        self.text.push_str(suffix);
        self
    }
}

/// Which way the clause around an expression points, for dates without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past-tense clause: the date lies on or before the reference date.
    Past,
    /// Future-tense clause: the date lies on or after the reference date.
    Future,
    /// No cue: the date nearest the reference date.
    Unknown,
}

/// Picks among the candidates `(key, item)` for the previous, current and next year the one the
/// tense points at, relative to `anchor_key` (keys are comparable positions in time).
fn choose<T: Copy>(anchor_key: i64, tense: Tense, candidates: &[(i64, T)]) -> Option<T> {
    match tense {
        Tense::Past => candidates
            .iter()
            .filter(|(k, _)| *k <= anchor_key)
            .max_by_key(|(k, _)| *k)
            .map(|(_, t)| *t),
        Tense::Future => candidates
            .iter()
            .filter(|(k, _)| *k >= anchor_key)
            .min_by_key(|(k, _)| *k)
            .map(|(_, t)| *t),
        Tense::Unknown => candidates
            .iter()
            // News reports more than it announces: a later candidate must be clearly nearer
            // (distances after the reference count half as much again), and ties go to the
            // past.
            .min_by_key(|(k, _)| {
                let d = k - anchor_key;
                let cost = if d > 0 { 3 * d } else { -2 * d };
                (cost, d > 0)
            })
            .map(|(_, t)| *t),
    }
}

/// Like [`choose`] for a day and month, where a past-tense cue is weaker evidence: news
/// style writes the year for dates outside the current one, so a day and month without a year
/// is rarely far from the reference date, and clauses that look past ("the dividend, declared
/// Monday, is payable Dec. 15"; "the offer was extended to Nov. 20") often name days to come.
/// In past-tense text a later date is chosen only when it is much nearer than the earlier one
/// (days after count `PAST_TENSE_WEIGHT` times).
fn choose_weighted<T: Copy>(anchor_key: i64, tense: Tense, candidates: &[(i64, T)]) -> Option<T> {
    const PAST_TENSE_WEIGHT: i64 = 3;
    match tense {
        Tense::Future => choose(anchor_key, tense, candidates),
        Tense::Past => candidates
            .iter()
            .min_by_key(|(k, _)| {
                let d = k - anchor_key;
                if d > 0 {
                    d * PAST_TENSE_WEIGHT
                } else {
                    -d
                }
            })
            .map(|(_, t)| *t),
        Tense::Unknown => choose(anchor_key, tense, candidates),
    }
}

fn year_text(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", -i64::from(year))
    } else {
        format!("{year:04}")
    }
}

fn month_text(year: i32, month: u32) -> String {
    format!("{}-{month:02}", year_text(year))
}

fn week_text(year: i32, week: u32) -> String {
    format!("{}-W{week:02}", year_text(year))
}

/// The day `offset` days from the reference date ("yesterday" is -1).
pub(crate) fn day_offset(anchor: Option<Date>, offset: i64) -> Value {
    match anchor.and_then(|a| a.add_days(offset)) {
        Some(d) => Value::fixed(d.to_string()),
        None => Value::unanchored("XXXX-XX-XX"),
    }
}

/// A full date written with its year.
pub(crate) fn full_date(year: i32, month: u32, day: u32) -> Option<Value> {
    Date::new(year, month, day).map(|d| Value::fixed(d.to_string()))
}

/// A month and day without a year: the year the tense points at.
pub(crate) fn month_day(anchor: Option<Date>, tense: Tense, month: u32, day: u32) -> Option<Value> {
    // February 29th only exists in some years; accept it and let the candidates sort it out.
    if !(1..=12).contains(&month) || day == 0 || day > crate::date::days_in_month(2000, month) {
        return None;
    }
    let Some(a) = anchor else {
        return Some(Value::unanchored(format!("XXXX-{month:02}-{day:02}")));
    };
    let candidates: Vec<(i64, Date)> = (a.year() - 1..=a.year() + 1)
        .filter_map(|y| Date::new(y, month, day))
        .map(|d| (d.to_days(), d))
        .collect();
    let chosen = choose_weighted(a.to_days(), tense, &candidates)?;
    Some(Value::fixed(chosen.to_string()))
}

/// A month without a year.
pub(crate) fn month(anchor: Option<Date>, tense: Tense, month: u32) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-{month:02}"));
    };
    let key = |y: i32, m: u32| i64::from(y) * 12 + i64::from(m);
    let candidates: Vec<(i64, i32)> = (a.year() - 1..=a.year() + 1)
        .map(|y| (key(y, month), y))
        .collect();
    match choose(key(a.year(), a.month()), tense, &candidates) {
        Some(y) => Value::fixed(month_text(y, month)),
        None => Value::unanchored(format!("XXXX-{month:02}")),
    }
}

/// A month in the year `offset` years from the reference year ("January last year").
pub(crate) fn month_of_relative_year(anchor: Option<Date>, month: u32, offset: i64) -> Value {
    match anchor.and_then(|a| i32::try_from(i64::from(a.year()) + offset).ok()) {
        Some(y) => Value::fixed(month_text(y, month)),
        None => Value::unanchored(format!("XXXX-{month:02}")),
    }
}

/// A named month strictly before (`direction` -1) or after (+1) the reference month
/// ("last April", "next June").
pub(crate) fn month_shifted(anchor: Option<Date>, month: u32, direction: i64) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-{month:02}"));
    };
    let mut year = a.year();
    if direction < 0 && month >= a.month() {
        year -= 1;
    } else if direction > 0 && month <= a.month() {
        year += 1;
    }
    Value::fixed(month_text(year, month))
}

/// How a weekday is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// "Friday": the tense decides, on or before the reference date by default.
    Bare,
    /// "last Friday": strictly before.
    Last,
    /// "next Friday": strictly after.
    Next,
    /// "this Friday": in the reference date's week.
    This,
}

/// A weekday (ISO numbering) relative to the reference date.
pub(crate) fn weekday(anchor: Option<Date>, tense: Tense, weekday: u32, shift: Shift) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-WXX-{weekday}"));
    };
    let back = (i64::from(a.weekday()) - i64::from(weekday)).rem_euclid(7);
    let forward = (i64::from(weekday) - i64::from(a.weekday())).rem_euclid(7);
    let offset = match shift {
        Shift::Bare => match tense {
            Tense::Future => forward,
            Tense::Past | Tense::Unknown => -back,
        },
        Shift::Last => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Shift::Next => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        Shift::This => i64::from(weekday) - i64::from(a.weekday()),
    };
    day_offset(anchor, offset)
}

/// The quarter `q` without a year: the reference year's, unless it is still to come and the
/// clause is in the past tense (then last year's).
///
/// Business news reports and forecasts quarters of the current fiscal year in every tense
/// ("expects to report third-quarter results"), so only a past-tense clause about a quarter
/// that has not begun moves to the previous year.
pub(crate) fn quarter(anchor: Option<Date>, tense: Tense, q: u32) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-Q{q}"));
    };
    let year = if q > a.quarter() && tense == Tense::Past {
        a.year() - 1
    } else {
        a.year()
    };
    Value::fixed(format!("{}-Q{q}", year_text(year)))
}

/// The half `h` (1 or 2) without a year, chosen as for quarters.
pub(crate) fn half(anchor: Option<Date>, tense: Tense, h: u32) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-H{h}"));
    };
    let current = if a.month() <= 6 { 1 } else { 2 };
    let year = if h > current && tense == Tense::Past {
        a.year() - 1
    } else {
        a.year()
    };
    Value::fixed(format!("{}-H{h}", year_text(year)))
}

/// A season of a year the tense points at, or shifted strictly before/after the current one.
pub(crate) fn season(anchor: Option<Date>, tense: Tense, season: Season, direction: i64) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(format!("XXXX-{}", season.code()));
    };
    let key = |y: i32| i64::from(y) * 12 + i64::from(season.middle_month());
    // The season the reference date is in, as a comparable key: winter spans the new year.
    let anchor_key = {
        let m = a.month();
        let (y, middle) = match m {
            3..=5 => (a.year(), 4),
            6..=8 => (a.year(), 7),
            9..=11 => (a.year(), 10),
            12 => (a.year() + 1, 1),
            _ => (a.year(), 1),
        };
        i64::from(y) * 12 + middle
    };
    let candidates: Vec<(i64, i32)> = (a.year() - 1..=a.year() + 1).map(|y| (key(y), y)).collect();
    let chosen = match direction {
        d if d < 0 => candidates
            .iter()
            .filter(|(k, _)| *k < anchor_key)
            .max_by_key(|(k, _)| *k)
            .map(|(_, y)| *y),
        d if d > 0 => candidates
            .iter()
            .filter(|(k, _)| *k > anchor_key)
            .min_by_key(|(k, _)| *k)
            .map(|(_, y)| *y),
        _ => choose(anchor_key, tense, &candidates),
    };
    // TIMEX3 names a winter by the year it starts in.
    let year = chosen.map(|y| if season == Season::Winter { y - 1 } else { y });
    match year {
        Some(y) => Value::fixed(format!("{}-{}", year_text(y), season.code())),
        None => Value::unanchored(format!("XXXX-{}", season.code())),
    }
}

/// The calendar period (week, month, year, ...) `offset` periods from the one holding the
/// reference date: "last week" is `(Week, -1)`, "this year" `(Year, 0)`.
pub(crate) fn period(anchor: Option<Date>, unit: Unit, offset: i64) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week | Unit::Fortnight => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
            _ => "XXXX",
        });
    };
    let shifted_year = |n: i64| i32::try_from(i64::from(a.year()) + n).ok();
    let text = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            return day_offset(anchor, offset);
        }
        Unit::Week | Unit::Fortnight => match a.add_days(offset * 7) {
            Some(d) => {
                let (y, w) = d.iso_week();
                week_text(y, w)
            }
            None => return Value::unanchored("XXXX-WXX"),
        },
        Unit::Weekend => match a.add_days(offset * 7) {
            Some(d) => {
                let (y, w) = d.iso_week();
                format!("{}-WE", week_text(y, w))
            }
            None => return Value::unanchored("XXXX-WXX-WE"),
        },
        Unit::Month => match add_months(a.year(), a.month(), offset) {
            Some((y, m)) => month_text(y, m),
            None => return Value::unanchored("XXXX-XX"),
        },
        Unit::Quarter => {
            let index = i64::from(a.year()) * 4 + i64::from(a.quarter()) - 1 + offset;
            match i32::try_from(index.div_euclid(4)) {
                Ok(y) => format!("{}-Q{}", year_text(y), index.rem_euclid(4) + 1),
                Err(_) => return Value::unanchored("XXXX-QX"),
            }
        }
        Unit::Year => match shifted_year(offset) {
            Some(y) => year_text(y),
            None => return Value::unanchored("XXXX"),
        },
        Unit::Decade => {
            let decade = i64::from(a.year()).div_euclid(10) + offset;
            format!("{decade:03}")
        }
        Unit::Century => {
            let century = i64::from(a.year()).div_euclid(100) + offset;
            format!("{century:02}")
        }
        Unit::Millennium => {
            let millennium = i64::from(a.year()).div_euclid(1000) + offset;
            format!("{millennium}")
        }
    };
    Value::fixed(text)
}

/// The weekend a clause refers to: the coming one in future-tense text, otherwise the latest
/// one on or before the reference date.
pub(crate) fn weekend(anchor: Option<Date>, tense: Tense, direction: i64) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored("XXXX-WXX-WE");
    };
    let in_weekend = a.weekday() >= 6;
    let offset = match direction {
        d if d < 0 => -1,
        d if d > 0 => {
            if a.weekday() == 7 {
                1
            } else {
                // "next weekend" said on a weekday is the one after the coming one in some
                // usages; the TimeML corpora read it as the coming one.
                i64::from(!in_weekend)
            }
        }
        _ => match tense {
            Tense::Future => i64::from(a.weekday() == 7),
            _ => {
                if in_weekend {
                    0
                } else {
                    -1
                }
            }
        },
    };
    period(anchor, Unit::Weekend, offset)
}

/// The point `n` units before (`sign` -1) or after (+1) the date `base`, at the unit's
/// granularity: "two days ago" is a date, "three years ago" a year.
pub(crate) fn shifted(base: Option<Date>, unit: Unit, n: i64, sign: i64) -> Value {
    let Some(a) = base else {
        return Value::unanchored(match unit {
            Unit::Week | Unit::Fortnight | Unit::Weekend => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => "XXXX",
            _ => "XXXX-XX-XX",
        });
    };
    let n = n.saturating_mul(sign);
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => day_offset(base, 0),
        Unit::Day => day_offset(base, n),
        Unit::Week => period(Some(a), Unit::Week, n),
        Unit::Weekend => period(Some(a), Unit::Weekend, n),
        Unit::Fortnight => period(Some(a), Unit::Week, n.saturating_mul(2)),
        Unit::Month => period(Some(a), Unit::Month, n),
        Unit::Quarter => period(Some(a), Unit::Quarter, n),
        Unit::Year => period(Some(a), Unit::Year, n),
        Unit::Decade => period(Some(a), Unit::Year, n.saturating_mul(10)),
        Unit::Century => period(Some(a), Unit::Year, n.saturating_mul(100)),
        Unit::Millennium => period(Some(a), Unit::Year, n.saturating_mul(1000)),
    }
}

/// A named holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// December 25th.
    Christmas,
    /// December 24th.
    ChristmasEve,
    /// January 1st.
    NewYearsDay,
    /// December 31st.
    NewYearsEve,
    /// Easter Sunday (Western computus).
    Easter,
    /// The fourth Thursday of November (United States).
    Thanksgiving,
    /// October 31st.
    Halloween,
    /// February 14th.
    Valentines,
}

impl Holiday {
    fn date(self, year: i32) -> Option<Date> {
        match self {
            Holiday::Christmas => Date::new(year, 12, 25),
            Holiday::ChristmasEve => Date::new(year, 12, 24),
            Holiday::NewYearsDay => Date::new(year, 1, 1),
            Holiday::NewYearsEve => Date::new(year, 12, 31),
            Holiday::Easter => easter(year),
            Holiday::Thanksgiving => nth_weekday(year, 11, 4, 4),
            Holiday::Halloween => Date::new(year, 10, 31),
            Holiday::Valentines => Date::new(year, 2, 14),
        }
    }

    fn unanchored(self) -> &'static str {
        match self {
            Holiday::Christmas => "XXXX-12-25",
            Holiday::ChristmasEve => "XXXX-12-24",
            Holiday::NewYearsDay => "XXXX-01-01",
            Holiday::NewYearsEve => "XXXX-12-31",
            Holiday::Halloween => "XXXX-10-31",
            Holiday::Valentines => "XXXX-02-14",
            Holiday::Easter | Holiday::Thanksgiving => "XXXX-XX-XX",
        }
    }
}

/// A holiday in a given year.
pub(crate) fn holiday_in(holiday: Holiday, year: i32) -> Value {
    match holiday.date(year) {
        Some(d) => Value::fixed(d.to_string()),
        None => Value::unanchored(holiday.unanchored()),
    }
}

/// A holiday without a year: `direction` -1 for "last Christmas", +1 for "next", else the tense.
pub(crate) fn holiday(
    anchor: Option<Date>,
    tense: Tense,
    holiday: Holiday,
    direction: i64,
) -> Value {
    let Some(a) = anchor else {
        return Value::unanchored(holiday.unanchored());
    };
    let candidates: Vec<(i64, Date)> = (a.year() - 1..=a.year() + 1)
        .filter_map(|y| holiday.date(y))
        .map(|d| (d.to_days(), d))
        .collect();
    let key = a.to_days();
    let chosen = match direction {
        d if d < 0 => choose(key - 1, Tense::Past, &candidates),
        d if d > 0 => choose(key + 1, Tense::Future, &candidates),
        _ => choose(key, tense, &candidates),
    };
    match chosen {
        Some(d) => Value::fixed(d.to_string()),
        None => Value::unanchored(holiday.unanchored()),
    }
}

/// Formats a duration of `amount` units ("P3Y", "PT2H", "P2Y6M"); fractions go to the next
/// smaller unit. `None` amount means an unspecified number ("PXY").
pub(crate) fn duration(amount: Option<f64>, unit: Unit) -> String {
    let (designator, time) = match unit {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day => ("D", false),
        Unit::Week => ("W", false),
        Unit::Weekend => ("WE", false),
        Unit::Fortnight => ("W", false),
        Unit::Month => ("M", false),
        Unit::Quarter => ("Q", false),
        Unit::Year => ("Y", false),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
        Unit::Millennium => ("ML", false),
    };
    let prefix = if time { "PT" } else { "P" };
    let Some(amount) = amount else {
        return format!("{prefix}X{designator}");
    };
    let amount = match unit {
        Unit::Fortnight => amount * 2.0,
        _ => amount,
    };
    // A quarter is three months; TimeML writes spans of quarters in months.
    if unit == Unit::Quarter {
        return duration(Some(amount * 3.0), Unit::Month);
    }
    let whole = amount.trunc();
    let fraction = amount - whole;
    if fraction.abs() < 1e-9 || !amount.is_finite() {
        return format!("{prefix}{}{designator}", whole as i64);
    }
    // The next smaller unit and how many of it make one of this unit.
    let smaller = match unit {
        Unit::Year => Some(("M", 12.0, false)),
        Unit::Month => Some(("D", 30.0, false)),
        Unit::Week | Unit::Fortnight => Some(("D", 7.0, false)),
        Unit::Day => Some(("H", 24.0, true)),
        Unit::Hour => Some(("M", 60.0, true)),
        Unit::Minute => Some(("S", 60.0, true)),
        Unit::Decade => return format!("P{}Y", (amount * 10.0).round() as i64),
        Unit::Century => return format!("P{}Y", (amount * 100.0).round() as i64),
        _ => None,
    };
    match smaller {
        Some((d2, per, t2)) => {
            let rest = (fraction * per).round() as i64;
            let head = if whole >= 1.0 {
                format!("{}{designator}", whole as i64)
            } else {
                String::new()
            };
            match (time, t2) {
                (false, true) => format!("P{head}T{rest}{d2}"),
                _ => format!("{prefix}{head}{rest}{d2}"),
            }
        }
        None => format!("{prefix}{}{designator}", amount.round() as i64),
    }
}

/// The TIMEX3 value of the year `year`.
pub(crate) fn year(year: i32) -> Value {
    Value::fixed(year_text(year))
}

/// The TIMEX3 value of `month` of `year`.
pub(crate) fn year_month(year: i32, month: u32) -> Value {
    Value::fixed(month_text(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn durations() {
        for (amount, unit, want) in [
            (Some(3.0), Unit::Year, "P3Y"),
            (Some(18.0), Unit::Month, "P18M"),
            (Some(2.0), Unit::Hour, "PT2H"),
            (Some(1.0), Unit::Decade, "P1DE"),
            (Some(2.5), Unit::Year, "P2Y6M"),
            (Some(5.5), Unit::Hour, "PT5H30M"),
            (Some(1.5), Unit::Minute, "PT1M30S"),
            (Some(0.5), Unit::Hour, "PT30M"),
            (Some(1.5), Unit::Day, "P1DT12H"),
            (Some(3.0), Unit::Quarter, "P9M"),
            (None, Unit::Year, "PXY"),
            (None, Unit::Hour, "PTXH"),
        ] {
            assert_eq!(duration(amount, unit), want, "{amount:?} {unit:?}");
        }
    }

    #[test]
    fn years_follow_the_tense() {
        let a = d("2023-05-09");
        assert_eq!(month_day(a, Tense::Past, 12, 1).unwrap().text, "2022-12-01");
        // A date a few weeks ahead in past-tense text is usually a deadline or a payment day.
        assert_eq!(month_day(a, Tense::Past, 6, 1).unwrap().text, "2023-06-01");
        assert_eq!(
            month_day(a, Tense::Future, 6, 1).unwrap().text,
            "2023-06-01"
        );
        assert_eq!(
            month_day(a, Tense::Unknown, 12, 30).unwrap().text,
            "2022-12-30"
        );
        assert_eq!(month(a, Tense::Unknown, 10).text, "2022-10");
        assert_eq!(month(a, Tense::Unknown, 7).text, "2023-07");
        assert_eq!(month(a, Tense::Past, 5).text, "2023-05");
        // 2023-05-09 is a Tuesday.
        assert_eq!(weekday(a, Tense::Past, 1, Shift::Bare).text, "2023-05-08");
        assert_eq!(weekday(a, Tense::Future, 1, Shift::Bare).text, "2023-05-15");
        assert_eq!(weekday(a, Tense::Past, 2, Shift::Bare).text, "2023-05-09");
        assert_eq!(weekday(a, Tense::Past, 2, Shift::Last).text, "2023-05-02");
        assert_eq!(weekday(a, Tense::Past, 5, Shift::Next).text, "2023-05-12");
        assert_eq!(quarter(a, Tense::Past, 3).text, "2022-Q3");
        assert_eq!(quarter(a, Tense::Future, 3).text, "2023-Q3");
        assert_eq!(quarter(a, Tense::Past, 1).text, "2023-Q1");
        assert_eq!(half(a, Tense::Past, 2).text, "2022-H2");
        assert_eq!(season(a, Tense::Unknown, Season::Summer, 0).text, "2023-SU");
        assert_eq!(season(a, Tense::Unknown, Season::Fall, -1).text, "2022-FA");
        assert_eq!(
            season(a, Tense::Unknown, Season::Winter, -1).text,
            "2022-WI"
        );
    }

    #[test]
    fn periods_and_shifts() {
        let a = d("2023-05-09");
        assert_eq!(period(a, Unit::Week, 0).text, "2023-W19");
        assert_eq!(period(a, Unit::Week, -1).text, "2023-W18");
        assert_eq!(period(a, Unit::Month, -5).text, "2022-12");
        assert_eq!(period(a, Unit::Quarter, -2).text, "2022-Q4");
        assert_eq!(period(a, Unit::Decade, 0).text, "202");
        assert_eq!(period(a, Unit::Century, 0).text, "20");
        assert_eq!(weekend(a, Tense::Past, 0).text, "2023-W18-WE");
        assert_eq!(weekend(a, Tense::Future, 0).text, "2023-W19-WE");
        assert_eq!(shifted(a, Unit::Day, 2, -1).text, "2023-05-07");
        assert_eq!(shifted(a, Unit::Year, 3, -1).text, "2020");
        assert_eq!(shifted(a, Unit::Month, 2, 1).text, "2023-07");
        assert_eq!(
            holiday(a, Tense::Unknown, Holiday::Christmas, -1).text,
            "2022-12-25"
        );
        assert_eq!(
            holiday(a, Tense::Future, Holiday::Thanksgiving, 0).text,
            "2023-11-23"
        );
        let none = period(None, Unit::Year, -1);
        assert_eq!(none, Value::unanchored("XXXX"));
        assert_eq!(
            weekday(None, Tense::Past, 1, Shift::Bare).text,
            "XXXX-WXX-1"
        );
    }
}
