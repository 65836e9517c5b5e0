//! The time as the database keeps it: to the microsecond, PostgreSQL's precision. A value the server
//! returns right after writing then equals what a later read gives, and hashes over it keep holding.

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_time_has_whole_microseconds() {
        assert_eq!(super::now().timestamp_subsec_nanos() % 1_000, 0);
    }
}
