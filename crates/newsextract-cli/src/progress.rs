//! A progress line on stderr: articles done, articles/s, MB/s, and a bar when the total size is
//! known. Drawn by its own thread at most ten times a second, so workers only bump counters.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const REDRAW_EVERY: Duration = Duration::from_millis(100);
const BAR_WIDTH: usize = 24;

/// Progress reporting; a no-op when disabled, except that messages still reach stderr.
#[derive(Debug)]
pub struct Progress {
    shared: Arc<Shared>,
    drawer: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct Shared {
    enabled: bool,
    articles: AtomicU64,
    bytes: AtomicU64,
    total_bytes: Option<u64>,
    started: Instant,
    /// Whether the bar is on screen; held while anything is written to stderr.
    screen: Mutex<Screen>,
    stop: Mutex<bool>,
    wake: Condvar,
}

#[derive(Debug, Default)]
struct Screen {
    bar_shown: bool,
}

impl Progress {
    /// Starts reporting when `enabled`; `total_bytes` adds a bar and a percentage.
    pub fn new(enabled: bool, total_bytes: Option<u64>) -> Progress {
        let shared = Arc::new(Shared {
            enabled,
            articles: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            total_bytes: total_bytes.filter(|&t| t > 0),
            started: Instant::now(),
            screen: Mutex::new(Screen::default()),
            stop: Mutex::new(false),
            wake: Condvar::new(),
        });
        let drawer = enabled.then(|| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.draw_until_stopped())
        });
        Progress { shared, drawer }
    }

    /// Counts `articles` more articles and `bytes` more input bytes.
    pub fn add(&self, articles: u64, bytes: u64) {
        self.shared.articles.fetch_add(articles, Ordering::Relaxed);
        self.shared.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Writes `message` on its own line of stderr, above the bar.
    pub fn message(&self, message: &str) {
        let mut screen = lock(&self.shared.screen);
        let mut stderr = std::io::stderr().lock();
        if screen.bar_shown {
            let _ = stderr.write_all(b"\r\x1b[2K");
            // The drawer puts the bar back on its next tick.
            screen.bar_shown = false;
        }
        let _ = writeln!(stderr, "newsextract: {message}");
    }

    /// Stops the drawer, leaving the final figures on screen when a bar was shown.
    pub fn finish(mut self) {
        self.stop_drawer();
    }

    fn stop_drawer(&mut self) {
        let Some(drawer) = self.drawer.take() else {
            return;
        };
        *lock(&self.shared.stop) = true;
        self.shared.wake.notify_all();
        let _ = drawer.join();
        let mut screen = lock(&self.shared.screen);
        if screen.bar_shown {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "\r\x1b[2K{}", self.shared.status_line());
            screen.bar_shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop_drawer();
    }
}

impl Shared {
    fn draw_until_stopped(&self) {
        let mut stopped = lock(&self.stop);
        loop {
            let (guard, _) = self
                .wake
                .wait_timeout(stopped, REDRAW_EVERY)
                .unwrap_or_else(|e| e.into_inner());
            stopped = guard;
            if *stopped {
                return;
            }
            // Quick runs finish before the first tick and never show a bar.
            if self.enabled {
                let mut screen = lock(&self.screen);
                let mut stderr = std::io::stderr().lock();
                let _ = write!(stderr, "\r\x1b[2K{}", self.status_line());
                let _ = stderr.flush();
                screen.bar_shown = true;
            }
        }
    }

    fn status_line(&self) -> String {
        let articles = self.articles.load(Ordering::Relaxed);
        let bytes = self.bytes.load(Ordering::Relaxed);
        status_line(articles, bytes, self.total_bytes, self.started.elapsed())
    }
}

/// `[#####-----]  45%  1,234 articles  567 articles/s  12.3 MB/s`.
fn status_line(articles: u64, bytes: u64, total_bytes: Option<u64>, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-3);
    let mut line = String::new();
    if let Some(total) = total_bytes {
        let fraction = (bytes as f64 / total as f64).clamp(0.0, 1.0);
        let filled = (fraction * BAR_WIDTH as f64).round() as usize;
        line.push('[');
        line.push_str(&"#".repeat(filled));
        line.push_str(&"-".repeat(BAR_WIDTH - filled.min(BAR_WIDTH)));
        line.push_str(&format!("] {:3.0}%  ", fraction * 100.0));
    }
    line.push_str(&format!(
        "{articles} articles  {:.0} articles/s  {:.1} MB/s  {:.0}s",
        articles as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
        elapsed.as_secs_f64(),
    ));
    line
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_shows_rates_and_bar() {
        let line = status_line(500, 2_000_000, Some(4_000_000), Duration::from_secs(2));
        assert!(
            line.starts_with("[############------------]  50%"),
            "{line}"
        );
        assert!(
            line.contains("500 articles  250 articles/s  1.0 MB/s"),
            "{line}"
        );
        let line = status_line(3, 10, None, Duration::from_secs(1));
        assert!(line.starts_with("3 articles  3 articles/s"), "{line}");
        // More bytes than announced (stdin grew, lossy expansion) must not overflow the bar.
        let line = status_line(1, 9, Some(4), Duration::from_secs(1));
        assert!(
            line.starts_with("[########################] 100%"),
            "{line}"
        );
    }

    #[test]
    fn disabled_progress_starts_no_thread() {
        let progress = Progress::new(false, None);
        progress.add(1, 10);
        assert!(progress.drawer.is_none());
        progress.finish();
    }
}
