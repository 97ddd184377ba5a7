//! Calendar dates: the reference date an article is read against, and date arithmetic the
//! passes need (weekdays, day offsets) without a date crate.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year-month-day`, or `None` when no such day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(-9999..=9999).contains(&year) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, when its year is within -9999..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = y + i64::from(m <= 2);
        Date::new(i32::try_from(year).ok()?, m as u32, d as u32)
    }

    /// The date `n` days later (earlier when `n` is negative).
    pub fn add_days(&self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// ISO weekday: Monday is 1, Sunday is 7.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The quarter of the year the date falls in, 1 to 4.
    pub fn quarter(&self) -> u32 {
        (self.month() - 1) / 3 + 1
    }

    /// The ISO 8601 week: `(week-numbering year, week 1 to 53)`.
    ///
    /// Days early in January can belong to the last week of the previous year and days late in
    /// December to week 1 of the next, as ISO 8601 defines.
    pub fn iso_week(&self) -> (i32, u32) {
        // The Thursday of this date's week decides which year the week belongs to.
        let thursday = self.to_days() - i64::from(self.weekday()) + 4;
        let year = match Date::from_days(thursday) {
            Some(d) => d.year,
            None => return (self.year, 1),
        };
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        };
        let week = (thursday - jan1.to_days()) / 7 + 1;
        (year, week as u32)
    }

    /// The date of ISO weekday `weekday` (1 = Monday) in ISO week `week` of `year`.
    #[cfg(test)]
    pub(crate) fn from_iso_week(year: i32, week: u32, weekday: u32) -> Option<Date> {
        // January 4th is always in week 1.
        let jan4 = Date::new(year, 1, 4)?;
        let monday1 = jan4.to_days() - i64::from(jan4.weekday()) + 1;
        Date::from_days(monday1 + (i64::from(week) - 1) * 7 + i64::from(weekday) - 1)
    }
}

/// `(year, month)` moved by `n` months, when the year stays within -9999..=9999.
pub(crate) fn add_months(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + n;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    if !(-9999..=9999).contains(&year) {
        return None;
    }
    Some((year, index.rem_euclid(12) as u32 + 1))
}

/// Easter Sunday of `year` (Gregorian computus, anonymous algorithm).
pub(crate) fn easter(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// The `n`th (1-based) ISO weekday `weekday` of `month` in `year`.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: u32, n: u32) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    let date = first.add_days(offset + 7 * (i64::from(n) - 1))?;
    (date.month() == month).then_some(date)
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(value: &str) -> Result<Date, Error> {
        let bad = || Error::InvalidDate {
            value: value.to_string(),
        };
        let bytes = value.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let digits = |s: &str| -> Option<u32> {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = digits(&value[0..4]).ok_or_else(bad)?;
        let month = digits(&value[5..7]).ok_or_else(bad)?;
        let day = digits(&value[8..10]).ok_or_else(bad)?;
        Date::new(year as i32, month, day).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-1-01",
            "20230101",
            "",
            "2023-01-0x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn iso_weeks_quarters_and_months() {
        // (date, ISO week-year, week): year boundaries from the ISO 8601 examples.
        for (date, year, week) in [
            ("2023-05-09", 2023, 19),
            ("2005-01-01", 2004, 53),
            ("2007-12-31", 2008, 1),
            ("2008-12-29", 2009, 1),
            ("2010-01-03", 2009, 53),
            ("1989-10-30", 1989, 44),
            ("1990-08-13", 1990, 33),
        ] {
            let d: Date = date.parse().unwrap();
            assert_eq!(d.iso_week(), (year, week), "{date}");
            let back = Date::from_iso_week(year, week, d.weekday()).unwrap();
            assert_eq!(back, d, "{date}");
        }
        let d = Date::new(2023, 5, 9).unwrap();
        assert_eq!(d.quarter(), 2);
        assert_eq!(add_months(2023, 1, -1), Some((2022, 12)));
        assert_eq!(add_months(9999, 12, 1), None);
        assert_eq!(easter(2024).unwrap().to_string(), "2024-03-31");
        assert_eq!(easter(2000).unwrap().to_string(), "2000-04-23");
        assert_eq!(
            nth_weekday(1999, 11, 4, 4).unwrap().to_string(),
            "1999-11-25"
        );
        assert_eq!(nth_weekday(2023, 2, 1, 5), None);
    }

    #[test]
    fn day_arithmetic_and_weekdays() {
        let d = Date::new(1970, 1, 1).unwrap();
        assert_eq!(d.to_days(), 0);
        assert_eq!(d.weekday(), 4);
        let d = Date::new(2023, 5, 9).unwrap();
        assert_eq!(d.weekday(), 2); // a Tuesday
        assert_eq!(Date::from_days(d.to_days()), Some(d));
        assert_eq!(d.add_days(-9).unwrap().to_string(), "2023-04-30");
        assert_eq!(
            Date::new(2000, 3, 1)
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2000-02-29"
        );
        for days in (-800_000..800_000).step_by(997) {
            let date = Date::from_days(days).unwrap();
            assert_eq!(date.to_days(), days);
        }
    }
}
