//! [`Extractor`] and its builder: configuration, single and batch extraction.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;

use crate::gazetteer::user::UserGazetteer;
use crate::{extract, Article, Date, Error};

/// Which passes run. The structure and sentence passes always run: the others read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Passes {
    /// Named entities and acronyms.
    pub entities: bool,
    /// Quotes and speakers (uses entities when they run).
    pub quotes: bool,
    /// Time expressions.
    pub times: bool,
    /// Quantities.
    pub quantities: bool,
}

impl Passes {
    /// Every pass.
    pub const ALL: Passes = Passes {
        entities: true,
        quotes: true,
        times: true,
        quantities: true,
    };
    /// Structure and sentences only.
    pub const STRUCTURE_ONLY: Passes = Passes {
        entities: false,
        quotes: false,
        times: false,
        quantities: false,
    };
}

impl Default for Passes {
    fn default() -> Self {
        Passes::ALL
    }
}

/// The settled configuration an [`Extractor`] shares between its clones and threads.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) reference_date: Option<Date>,
    pub(crate) passes: Passes,
    pub(crate) threads: usize,
    pub(crate) max_input_bytes: Option<usize>,
    /// Names the user added, merged with the built-in gazetteers.
    pub(crate) user_gazetteer: Option<Arc<UserGazetteer>>,
}

/// Extracts [`Article`]s. Cheap to clone, `Send + Sync`: share one across threads.
///
/// ```
/// use newsextract::{Date, Extractor};
/// let extractor = Extractor::builder()
///     .reference_date(Date::new(2023, 5, 9).unwrap())
///     .build()
///     .unwrap();
/// let articles = extractor.extract_batch(&["LONDON (Reuters) - Shares rose.", "PARIS — Rain."]);
/// assert_eq!(articles.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    config: Arc<Config>,
}

/// Configures an [`Extractor`]; setters take and return `&mut Self`, [`build`](Self::build)
/// checks the whole configuration.
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    reference_date: Option<Date>,
    reference_date_text: Option<String>,
    passes: Passes,
    threads: usize,
    max_input_bytes: Option<usize>,
    /// User gazetteers as (source name, TSV content), parsed by `build`.
    gazetteers: Vec<(String, String)>,
}

impl ExtractorBuilder {
    /// A builder with every pass on, no reference date and all cores for batches.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The date relative expressions ("yesterday", "on Monday") are read against. Without it,
    /// each article's dateline date is used when it has a year.
    pub fn reference_date(&mut self, date: Date) -> &mut Self {
        self.reference_date = Some(date);
        self.reference_date_text = None;
        self
    }

    /// The reference date as `YYYY-MM-DD` text; a malformed value is reported by
    /// [`build`](Self::build).
    pub fn reference_date_str(&mut self, date: &str) -> &mut Self {
        self.reference_date = None;
        self.reference_date_text = Some(date.to_string());
        self
    }

    /// Which passes run.
    pub fn passes(&mut self, passes: Passes) -> &mut Self {
        self.passes = passes;
        self
    }

    /// Threads for batch extraction; 0 (the default) means one per available core.
    pub fn threads(&mut self, threads: usize) -> &mut Self {
        self.threads = threads;
        self
    }

    /// Rejects inputs longer than `max` bytes in [`Extractor::try_extract`]; `None` (the
    /// default) accepts any size.
    pub fn max_input_bytes(&mut self, max: Option<usize>) -> &mut Self {
        self.max_input_bytes = max;
        self
    }

    /// Adds a user gazetteer: UTF-8 TSV rows `name<TAB>kind[<TAB>canonical name[<TAB>key=value
    /// ...]]`, where kind is `person`, `organization`, `location`, `nationality` or `misc` and
    /// the attributes are `country=PK`, `acronym=TTP`, and `lat=`, `lon=`, `geonames_id=`
    /// together. Blank lines and lines starting with `#` are skipped. User names match as
    /// written or in capitals and win over what the built-in tagger finds; they merge with
    /// the built-in gazetteers. `source_name` (a file name, say) names the source in errors:
    /// [`build`](Self::build) reports the first malformed row as [`Error::Gazetteer`] with its
    /// line number. May be called several times; the gazetteers add up.
    ///
    /// ```
    /// use newsextract::{EntityKind, Extractor};
    /// let extractor = Extractor::builder()
    ///     .gazetteer_tsv("names.tsv", "Gwadar Port Authority\torganization\t\tacronym=GPA\n")
    ///     .build()
    ///     .unwrap();
    /// let article = extractor.extract("The Gwadar Port Authority said on Monday.");
    /// let gpa = &article.entities[0];
    /// assert_eq!((gpa.kind, gpa.acronym.as_deref()), (EntityKind::Organization, Some("GPA")));
    /// ```
    pub fn gazetteer_tsv(&mut self, source_name: &str, content: &str) -> &mut Self {
        self.gazetteers
            .push((source_name.to_string(), content.to_string()));
        self
    }

    /// Checks the configuration and builds the extractor.
    pub fn build(&self) -> Result<Extractor, Error> {
        let reference_date = match &self.reference_date_text {
            Some(text) => Some(text.parse::<Date>()?),
            None => self.reference_date,
        };
        let threads = if self.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.threads
        };
        let user_gazetteer = if self.gazetteers.is_empty() {
            None
        } else {
            Some(Arc::new(UserGazetteer::parse(&self.gazetteers)?))
        };
        Ok(Extractor {
            config: Arc::new(Config {
                reference_date,
                passes: self.passes,
                threads,
                max_input_bytes: self.max_input_bytes,
                user_gazetteer,
            }),
        })
    }
}

static DEFAULT_EXTRACTOR: Lazy<Extractor> = Lazy::new(Extractor::new);

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default configuration.
    pub fn new() -> Extractor {
        Extractor {
            config: Arc::new(Config {
                reference_date: None,
                passes: Passes::ALL,
                threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
                max_input_bytes: None,
                user_gazetteer: None,
            }),
        }
    }

    /// A process-wide default extractor, for the free functions.
    pub(crate) fn default_ref() -> &'static Extractor {
        &DEFAULT_EXTRACTOR
    }

    /// A builder to configure an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The configured reference date.
    pub fn reference_date(&self) -> Option<Date> {
        self.config.reference_date
    }

    /// The passes that run.
    pub fn passes(&self) -> Passes {
        self.config.passes
    }

    /// The number of threads batches use.
    pub fn threads(&self) -> usize {
        self.config.threads
    }

    /// The configured maximum input size in bytes.
    pub fn max_input_bytes(&self) -> Option<usize> {
        self.config.max_input_bytes
    }

    /// Extracts one article with the configured reference date.
    pub fn extract(&self, text: &str) -> Article {
        self.extract_with_date(text, None)
    }

    /// Extracts one article; `reference_date` overrides the configured one when given.
    pub fn extract_with_date(&self, text: &str, reference_date: Option<Date>) -> Article {
        extract::run(
            text,
            reference_date.or(self.config.reference_date),
            &self.config,
        )
    }

    /// Like [`extract_with_date`](Self::extract_with_date), but refuses inputs over the
    /// configured maximum size.
    pub fn try_extract(&self, text: &str, reference_date: Option<Date>) -> Result<Article, Error> {
        if let Some(max) = self.config.max_input_bytes {
            if text.len() > max {
                return Err(Error::InputTooLarge {
                    len: text.len(),
                    max,
                });
            }
        }
        Ok(self.extract_with_date(text, reference_date))
    }

    /// Extracts many articles on all configured threads; the output keeps the input order.
    pub fn extract_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Article> {
        self.map_parallel(texts, |text| self.extract(text.as_ref()))
    }

    /// Extracts many articles, each with its own optional reference date.
    pub fn extract_batch_with_dates<T: AsRef<str> + Sync>(
        &self,
        items: &[(T, Option<Date>)],
    ) -> Vec<Article> {
        self.map_parallel(items, |(text, date)| {
            self.extract_with_date(text.as_ref(), *date)
        })
    }

    /// Applies `f` to every item on the configured threads, keeping input order.
    ///
    /// Work is handed out one item at a time through an atomic counter so that one long
    /// article does not leave the other threads idle.
    pub fn map_parallel<I: Sync, O: Send>(
        &self,
        items: &[I],
        f: impl Fn(&I) -> O + Sync,
    ) -> Vec<O> {
        let threads = self.config.threads.min(items.len());
        if threads <= 1 {
            return items.iter().map(f).collect();
        }
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<O>>> = Mutex::new((0..items.len()).map(|_| None).collect());
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    let mut local: Vec<(usize, O)> = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= items.len() {
                            break;
                        }
                        local.push((i, f(&items[i])));
                    }
                    let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                    for (i, out) in local {
                        results[i] = Some(out);
                    }
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .flatten()
            .collect()
    }
}
