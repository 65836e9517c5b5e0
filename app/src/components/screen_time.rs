//! How long a scoring screen (the sift, the interview's scorecard) is in use, for the evaluation's
//! workload figures: a second counts when the page is visible and the scorer pressed a key, clicked,
//! moved the pointer or scrolled in the last two minutes. The seconds are reported a minute at a
//! time, and what is left before the scores are sealed or when the screen goes.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

/// No key, click, pointer or scroll for this long, and the member is taken to be away.
const AWAY_AFTER_MS: f64 = 120_000.0;
/// Seconds counted before they are reported.
const REPORT_EVERY: u32 = 60;

/// The seconds counted and not yet reported.
#[derive(Clone, Copy)]
pub struct ScreenTime {
    counted: StoredValue<u32>,
}

impl ScreenTime {
    /// The seconds counted since the last report; counting starts again from nothing.
    pub fn take(&self) -> u32 {
        let seconds = self.counted.get_value();
        self.counted.set_value(0);
        seconds
    }
}

/// Counts while `counting` holds; `report` gets the seconds every minute, and those left when the
/// screen goes.
pub fn count_screen_time(counting: Signal<bool>, report: impl Fn(u32) + Clone + Send + Sync + 'static) -> ScreenTime {
    let time = ScreenTime { counted: StoredValue::new(0) };
    let last_used = StoredValue::new(js_sys::Date::now());
    let used = move || last_used.set_value(js_sys::Date::now());
    let listeners = [
        window_event_listener(ev::keydown, move |_| used()),
        window_event_listener(ev::pointerdown, move |_| used()),
        window_event_listener(ev::pointermove, move |_| used()),
        window_event_listener(ev::scroll, move |_| used()),
    ];
    let report_now = report.clone();
    let tick = set_interval_with_handle(
        move || {
            let present = !document().hidden() && js_sys::Date::now() - last_used.get_value() < AWAY_AFTER_MS;
            if present && counting.get_untracked() {
                time.counted.update_value(|n| *n += 1);
                if time.counted.get_value() >= REPORT_EVERY {
                    report_now(time.take());
                }
            }
        },
        Duration::from_secs(1),
    );
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        if let Ok(tick) = tick {
            tick.clear();
        }
        let left = time.counted.try_get_value().unwrap_or_default();
        if left > 0 {
            report(left);
        }
    });
    time
}
