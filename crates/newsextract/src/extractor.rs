//! [`Extractor`] and its builder: configuration, single and batch extraction.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::{iter, vec};

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

    /// Extracts the texts of any iterator, lazily, on all configured threads; the articles come
    /// out in input order.
    ///
    /// The input is taken in chunks of at most 64 texts per thread or about 4 MiB of text
    /// (always at least one text), each extracted like [`extract_batch`](Self::extract_batch)
    /// when the previous chunk's articles have all been taken. So a stream far larger than
    /// memory (lines of a file, rows of a database cursor) is processed with only one chunk's
    /// texts and articles held at a time, and nothing is read before it is needed.
    ///
    /// ```
    /// use newsextract::Extractor;
    /// let extractor = Extractor::new();
    /// let lines = "PARIS — Rain fell.\nLONDON (Reuters) - Shares rose.".lines();
    /// let headlines: Vec<String> = extractor
    ///     .extract_iter(lines)
    ///     .map(|article| article.headline.map(|h| h.text).unwrap_or_default())
    ///     .collect();
    /// assert_eq!(headlines.len(), 2);
    ///
    /// // An endless source is fine: only what is asked for (and the rest of its chunk) is read.
    /// let endless = std::iter::repeat("KARACHI: Markets closed early.");
    /// assert_eq!(extractor.extract_iter(endless).take(3).count(), 3);
    /// ```
    pub fn extract_iter<I>(&self, texts: I) -> ExtractIter<I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        ExtractIter {
            chunks: Chunks::new(self, texts.into_iter()),
        }
    }

    /// Like [`extract_iter`](Self::extract_iter), with one optional reference date per text
    /// (overriding the configured one when given).
    ///
    /// ```
    /// use newsextract::{Date, Extractor};
    /// let items = vec![
    ///     ("PARIS — It rained yesterday.".to_string(), Date::new(2023, 5, 9)),
    ///     ("PARIS — It rained yesterday.".to_string(), None),
    /// ];
    /// let articles: Vec<_> = Extractor::new().extract_iter_with_dates(items).collect();
    /// assert_eq!(articles.len(), 2);
    /// ```
    pub fn extract_iter_with_dates<I, T>(&self, items: I) -> ExtractIterWithDates<I::IntoIter>
    where
        I: IntoIterator<Item = (T, Option<Date>)>,
        T: AsRef<str> + Sync,
    {
        ExtractIterWithDates {
            chunks: Chunks::new(self, items.into_iter()),
        }
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

/// Texts per thread in one chunk of [`Extractor::extract_iter`].
const CHUNK_TEXTS_PER_THREAD: usize = 64;
/// Bytes of text after which a chunk of [`Extractor::extract_iter`] is closed.
const CHUNK_BYTES: usize = 4 << 20;

/// The iterator of [`Extractor::extract_iter`]: articles in input order, extracted a chunk at a
/// time on the extractor's threads.
#[derive(Debug)]
pub struct ExtractIter<I: Iterator> {
    chunks: Chunks<I>,
}

impl<I> Iterator for ExtractIter<I>
where
    I: Iterator,
    I::Item: AsRef<str> + Sync,
{
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        self.chunks.next(
            |text| text.as_ref().len(),
            |extractor, text| extractor.extract(text.as_ref()),
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.chunks.size_hint()
    }
}

impl<I> iter::FusedIterator for ExtractIter<I>
where
    I: Iterator,
    I::Item: AsRef<str> + Sync,
{
}

/// The iterator of [`Extractor::extract_iter_with_dates`]: articles in input order, extracted
/// a chunk at a time on the extractor's threads.
#[derive(Debug)]
pub struct ExtractIterWithDates<I: Iterator> {
    chunks: Chunks<I>,
}

impl<I, T> Iterator for ExtractIterWithDates<I>
where
    I: Iterator<Item = (T, Option<Date>)>,
    T: AsRef<str> + Sync,
{
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        self.chunks.next(
            |(text, _)| text.as_ref().len(),
            |extractor, (text, date)| extractor.extract_with_date(text.as_ref(), *date),
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.chunks.size_hint()
    }
}

impl<I, T> iter::FusedIterator for ExtractIterWithDates<I>
where
    I: Iterator<Item = (T, Option<Date>)>,
    T: AsRef<str> + Sync,
{
}

/// The machinery both iterators share: pull a chunk, extract it in parallel, hand it out.
#[derive(Debug)]
struct Chunks<I: Iterator> {
    extractor: Extractor,
    input: iter::Fuse<I>,
    ready: vec::IntoIter<Article>,
}

impl<I: Iterator> Chunks<I> {
    fn new(extractor: &Extractor, input: I) -> Chunks<I> {
        Chunks {
            extractor: extractor.clone(),
            input: input.fuse(),
            ready: Vec::new().into_iter(),
        }
    }

    fn next(
        &mut self,
        len: impl Fn(&I::Item) -> usize,
        extract: impl Fn(&Extractor, &I::Item) -> Article + Sync,
    ) -> Option<Article>
    where
        I::Item: Sync,
    {
        if let Some(article) = self.ready.next() {
            return Some(article);
        }
        let most = CHUNK_TEXTS_PER_THREAD.saturating_mul(self.extractor.threads().max(1));
        let mut chunk = Vec::new();
        let mut bytes = 0usize;
        while chunk.len() < most && bytes < CHUNK_BYTES {
            let Some(item) = self.input.next() else {
                break;
            };
            bytes = bytes.saturating_add(len(&item));
            chunk.push(item);
        }
        if chunk.is_empty() {
            return None;
        }
        let extractor = &self.extractor;
        let articles = extractor.map_parallel(&chunk, |item| extract(extractor, item));
        // The texts go before their articles are handed out.
        drop(chunk);
        self.ready = articles.into_iter();
        self.ready.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let ready = self.ready.len();
        let (low, high) = self.input.size_hint();
        (
            ready.saturating_add(low),
            high.and_then(|high| high.checked_add(ready)),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    /// Texts of varied sizes and scripts; more than one chunk's worth on three threads.
    fn texts(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| {
                format!(
                    "KARACHI: Zoë Müller of the UN said on Monday that {i} “people” left. {}\n\n\
                     وزیراعظم نے کہا۔ Prices rose {i}% yesterday.",
                    "Rain fell. ".repeat(i % 17)
                )
            })
            .collect()
    }

    fn extractor(threads: usize, passes: Passes) -> Extractor {
        Extractor::builder()
            .threads(threads)
            .passes(passes)
            .reference_date(Date::new(2023, 5, 9).unwrap())
            .build()
            .unwrap()
    }

    #[test]
    fn extract_iter_equals_extract_batch_in_order() {
        let texts = texts(450);
        for threads in [1, 3] {
            let extractor = extractor(threads, Passes::ALL);
            let batch = extractor.extract_batch(&texts);
            // Borrowed and owned items, from a slice and from a lazy adapter.
            let borrowed: Vec<Article> = extractor.extract_iter(&texts).collect();
            let owned: Vec<Article> = extractor.extract_iter(texts.iter().cloned()).collect();
            assert_eq!(borrowed, batch, "threads {threads}");
            assert_eq!(owned, batch, "threads {threads}");
        }
    }

    #[test]
    fn extract_iter_with_dates_uses_each_date() {
        let text = "PARIS — It rained yesterday and will again on Friday.";
        let may = Date::new(2023, 5, 9).unwrap();
        let june = Date::new(2024, 6, 1).unwrap();
        let items: Vec<(&str, Option<Date>)> = (0..200)
            .map(|i| (text, [Some(june), None][i % 2]))
            .collect();
        let extractor = extractor(2, Passes::ALL);
        let articles: Vec<Article> = extractor.extract_iter_with_dates(items.clone()).collect();
        assert_eq!(articles, extractor.extract_batch_with_dates(&items));
        assert_eq!(articles[0], extractor.extract_with_date(text, Some(june)));
        assert_eq!(articles[1], extractor.extract_with_date(text, Some(may)));
        assert_ne!(articles[0].times, articles[1].times);
    }

    #[test]
    fn extract_iter_reads_one_chunk_at_a_time() {
        let extractor = extractor(2, Passes::STRUCTURE_ONLY);
        let pulled = Cell::new(0usize);
        let counted = std::iter::repeat("PARIS — Rain.").inspect(|_| pulled.set(pulled.get() + 1));
        let mut articles = extractor.extract_iter(counted);
        assert_eq!(pulled.get(), 0, "nothing is read before it is asked for");
        assert!(articles.next().is_some());
        assert_eq!(pulled.get(), 2 * CHUNK_TEXTS_PER_THREAD);
        for _ in 1..2 * CHUNK_TEXTS_PER_THREAD {
            assert!(articles.next().is_some());
        }
        assert_eq!(pulled.get(), 2 * CHUNK_TEXTS_PER_THREAD);
        assert!(articles.next().is_some());
        assert_eq!(pulled.get(), 4 * CHUNK_TEXTS_PER_THREAD);

        // Large texts close a chunk by size: 2 MiB each, so two make a chunk.
        let big = "Rain fell on the city. ".repeat((2 << 20) / 23 + 1);
        let pulled = Cell::new(0usize);
        let counted = std::iter::repeat(big.as_str())
            .take(5)
            .inspect(|_| pulled.set(pulled.get() + 1));
        let mut articles = extractor.extract_iter(counted);
        assert!(articles.next().is_some());
        assert_eq!(pulled.get(), 2);
        assert_eq!(articles.count(), 4);
        assert_eq!(pulled.get(), 5);
    }

    #[test]
    fn extract_iter_ends_cleanly_and_knows_its_length() {
        let extractor = extractor(2, Passes::STRUCTURE_ONLY);
        let mut none = extractor.extract_iter(Vec::<String>::new());
        assert!(none.next().is_none());
        assert!(none.next().is_none());
        let texts = texts(150);
        let mut articles = extractor.extract_iter(texts);
        assert_eq!(articles.size_hint(), (150, Some(150)));
        articles.next();
        assert_eq!(articles.size_hint(), (149, Some(149)));
        assert_eq!(articles.by_ref().count(), 149);
        assert!(articles.next().is_none());
    }

    #[test]
    fn iterators_can_move_to_other_threads() {
        fn check<T: Send>(_: &T) {}
        let extractor = Extractor::new();
        check(&extractor.extract_iter(vec![String::new()]));
        check(&extractor.extract_iter_with_dates(vec![(String::new(), None)]));
    }
}
