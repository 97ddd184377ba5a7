//! Training of the entity tagger (cargo feature `train`; used by `newsextract-train`).
//!
//! An averaged perceptron (Collins 2002) learns from its own greedy predictions, token by
//! token, with the very [`features`](super::features::features) and
//! [`decode`](super::tagger::decode) extraction uses. Documents are visited in an order
//! shuffled by a fixed-seed generator, all arithmetic before averaging is on integers, and
//! nothing runs in parallel: the same data and options give byte-identical weights.

use super::features::{may_continue, may_open, History};
use super::features::{Context, Part, Tag, TAG_COUNT, TYPES};
use super::tagger::{
    decode, decode_line, lines, path_features, spans, Frozen, Lattice, Model, Scorer,
};
use crate::text::tokens::Words;

/// A text with its gold entities.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text.
    pub text: String,
    /// The gold entities, as byte spans of `text` with a type: PER, ORG, LOC or MISC.
    pub entities: Vec<GoldEntity>,
}

/// One gold entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub label: String,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// Passes over the training documents; the best on the development set is kept.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Weights smaller than this many 16-bit units (of 32,767 for the largest) are dropped
    /// from the shipped model: a smaller table that stays in the CPU cache.
    pub prune: i16,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bits: 19,
            epochs: 12,
            seed: 0x6e65_7773,
            prune: 0,
        }
    }
}

/// Precision, recall and F1 of exact-match entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Entities found that are right.
    pub correct: usize,
    /// Entities found.
    pub found: usize,
    /// Entities in the gold data.
    pub gold: usize,
}

impl Score {
    /// correct / found.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    /// correct / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per type (in [`TYPES`] order: PER, ORG, LOC, MISC) and over all types.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// (type, score) for PER, ORG, LOC, MISC.
    pub per_type: Vec<(String, Score)>,
    /// All types together (micro average).
    pub overall: Score,
}

/// What one epoch did.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Tokens the tagger got wrong while training.
    pub mistakes: usize,
    /// The averaged model on the development documents.
    pub dev: Scores,
}

/// The result of training.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model file (`data/entity_tagger.bin`).
    pub model: Vec<u8>,
    /// The epoch whose model was kept.
    pub best_epoch: usize,
    /// Every epoch's report.
    pub epochs: Vec<EpochReport>,
    /// The kept model, quantised as shipped, on the development documents.
    pub dev: Scores,
}

struct Prepared<'d> {
    words: Words<'d>,
    gold: Vec<Tag>,
}

fn prepare(doc: &Document) -> Prepared<'_> {
    let words = Words::new(&doc.text);
    let mut gold = vec![Tag::O; words.len()];
    for entity in &doc.entities {
        let Some(ty) = TYPES.iter().position(|t| *t == entity.label) else {
            continue;
        };
        let covered: Vec<usize> = (0..words.len())
            .filter(|&i| words.tokens[i].start < entity.end && words.tokens[i].end > entity.start)
            .collect();
        // An entity the decoder cannot produce (one starting without a capital, one with a
        // word inside that no name has, one across lines) would be learnt again and again in
        // vain; it is left out of the gold tags.
        let representable = covered.first().is_some_and(|&i| may_open(&words, i))
            && covered
                .iter()
                .skip(1)
                .all(|&i| may_continue(&words, i) && !words.tokens[i].line_start);
        if !representable {
            continue;
        }
        match covered.as_slice() {
            [] => {}
            [only] => gold[*only] = Tag::new(Part::Unit, ty),
            [first, .., last] => {
                for &i in &covered {
                    gold[i] = Tag::new(Part::Inside, ty);
                }
                gold[*first] = Tag::new(Part::Begin, ty);
                gold[*last] = Tag::new(Part::Last, ty);
            }
        }
    }
    Prepared { words, gold }
}

/// Weights being learnt, with the sums averaging needs.
struct Perceptron {
    bits: u32,
    weights: Vec<i32>,
    totals: Vec<i64>,
    stamps: Vec<u32>,
    step: u32,
    mistakes: usize,
}

impl Perceptron {
    fn update(&mut self, feature: u32, tag: Tag, delta: i32) {
        let k = feature as usize * TAG_COUNT + usize::from(tag.0);
        let elapsed = i64::from(self.step - self.stamps[k]);
        self.totals[k] += elapsed * i64::from(self.weights[k]);
        self.stamps[k] = self.step;
        self.weights[k] += delta;
    }

    fn averaged(&self) -> Vec<f32> {
        let step = f64::from(self.step.max(1));
        self.weights
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((&w, &total), &stamp)| {
                let total = total + i64::from(self.step - stamp) * i64::from(w);
                (total as f64 / step) as f32
            })
            .collect()
    }
}

/// The weights being learnt, as the decoder reads them.
struct Current<'p>(&'p Perceptron);

impl Scorer for Current<'_> {
    fn bits(&self) -> u32 {
        self.0.bits
    }

    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]) {
        let start = feature as usize * TAG_COUNT;
        let row = &self.0.weights[start..start + TAG_COUNT];
        for (score, &w) in scores.iter_mut().zip(row) {
            *score += w as f32;
        }
    }
}

impl Perceptron {
    /// One document: each line is decoded with the current weights and, where it differs
    /// from the gold tags, the gold path's features gain 1 and the predicted path's lose 1.
    fn learn(&mut self, context: &Context<'_, '_>, gold: &[Tag], lattice: &mut Lattice) {
        let mut predicted = vec![Tag::O; gold.len()];
        let mut history = History::default();
        let mut buffer = Vec::new();
        for line in lines(context) {
            decode_line(
                context,
                line.clone(),
                &history,
                &Current(self),
                lattice,
                &mut predicted,
            );
            self.step += line.len() as u32;
            for i in line.clone() {
                let previous = |tags: &[Tag]| if i == line.start { Tag::O } else { tags[i - 1] };
                let (gold_pair, predicted_pair) = (
                    (previous(gold), gold[i]),
                    (previous(&predicted), predicted[i]),
                );
                if gold[i] != predicted[i] {
                    self.mistakes += 1;
                }
                if gold_pair == predicted_pair {
                    continue;
                }
                for ((previous, tag), delta) in [(gold_pair, 1), (predicted_pair, -1)] {
                    buffer.clear();
                    path_features(context, i, previous, &history, self.bits, &mut buffer);
                    for &f in &buffer {
                        self.update(f, tag, delta);
                    }
                }
            }
            for i in line {
                history.record(context, i, predicted[i]);
            }
        }
    }
}

/// Float weights, for scoring the averaged model between epochs.
struct Averaged {
    bits: u32,
    weights: Vec<f32>,
}

impl Scorer for Averaged {
    fn bits(&self) -> u32 {
        self.bits
    }

    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]) {
        let start = feature as usize * TAG_COUNT;
        for (score, &w) in scores
            .iter_mut()
            .zip(&self.weights[start..start + TAG_COUNT])
        {
            *score += w;
        }
    }
}

/// A small fixed-seed generator (xorshift64*) for the shuffle.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains on `train`, keeps the epoch that scores best on `dev`, and returns the model file.
/// `progress` is called after every epoch.
pub fn train(
    train: &[Document],
    dev: &[Document],
    options: &Options,
    progress: &mut dyn FnMut(&EpochReport),
) -> Trained {
    let bits = options.bits.clamp(10, 24);
    let size = (1usize << bits) * TAG_COUNT;
    let prepared: Vec<Prepared<'_>> = train.iter().map(prepare).collect();
    let contexts: Vec<Context<'_, '_>> = prepared.iter().map(|p| Context::new(&p.words)).collect();
    let mut perceptron = Perceptron {
        bits,
        weights: vec![0; size],
        totals: vec![0; size],
        stamps: vec![0; size],
        step: 0,
        mistakes: 0,
    };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut shuffle = Shuffle(options.seed | 1);
    let mut epochs = Vec::new();
    let mut best: Option<(f64, usize, Vec<f32>)> = None;
    for epoch in 1..=options.epochs.max(1) {
        shuffle.shuffle(&mut order);
        perceptron.mistakes = 0;
        let mut lattice = Lattice::default();
        for &d in &order {
            perceptron.learn(&contexts[d], &prepared[d].gold, &mut lattice);
        }
        let averaged = perceptron.averaged();
        let scorer = Averaged {
            bits,
            weights: averaged,
        };
        let scores = evaluate_with(dev, &scorer);
        let report = EpochReport {
            epoch,
            mistakes: perceptron.mistakes,
            dev: scores.clone(),
        };
        progress(&report);
        epochs.push(report);
        let f1 = scores.overall.f1();
        if best.as_ref().map_or(true, |(b, _, _)| f1 > *b) {
            best = Some((f1, epoch, scorer.weights));
        }
    }
    let (_, best_epoch, weights) = best.unwrap_or((0.0, 0, vec![0.0; size]));
    let model = quantise(bits, &weights, options.prune);
    let dev_scores = evaluate_with(dev, &Frozen(&model));
    Trained {
        model: model.to_bytes(),
        best_epoch,
        epochs,
        dev: dev_scores,
    }
}

/// Scales float weights to 16-bit integers, the largest magnitude to 32,767.
fn quantise(bits: u32, weights: &[f32], prune: i16) -> Model {
    let largest = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 {
        32_767.0 / largest
    } else {
        0.0
    };
    let quantised: Vec<i16> = weights
        .iter()
        .map(|w| (w * scale).round().clamp(-32_767.0, 32_767.0) as i16)
        .map(|w| {
            if w.unsigned_abs() < prune.unsigned_abs() {
                0
            } else {
                w
            }
        })
        .collect();
    // `bits` is clamped to 10..=24 and `weights` has 2^bits rows, so this cannot fail.
    Model::new(bits, &quantised).expect("weights of 2^bits rows")
}

/// Scores a model file on documents, with the tagger alone (no gazetteer rules, no merging).
pub fn evaluate(model: &[u8], docs: &[Document]) -> Result<Scores, String> {
    let model = Model::from_bytes(model)?;
    Ok(evaluate_with(docs, &Frozen(&model)))
}

fn evaluate_with<S: Scorer>(docs: &[Document], scorer: &S) -> Scores {
    let mut per_type = vec![Score::default(); TYPES.len()];
    for doc in docs {
        let words = Words::new(&doc.text);
        let context = Context::new(&words);
        let tags = decode(&context, scorer);
        let found: Vec<(usize, usize, usize)> = spans(&tags)
            .into_iter()
            .map(|(a, b, ty)| (words.tokens[a].start, words.tokens[b - 1].end, ty))
            .collect();
        let gold: Vec<(usize, usize, usize)> = doc
            .entities
            .iter()
            .filter_map(|e| Some((e.start, e.end, TYPES.iter().position(|t| *t == e.label)?)))
            .collect();
        for &(_, _, ty) in &found {
            per_type[ty].found += 1;
        }
        for g in &gold {
            per_type[g.2].gold += 1;
            if found.contains(g) {
                per_type[g.2].correct += 1;
            }
        }
    }
    let mut overall = Score::default();
    for s in &per_type {
        overall.correct += s.correct;
        overall.found += s.found;
        overall.gold += s.gold;
    }
    Scores {
        per_type: TYPES.iter().map(|t| t.to_string()).zip(per_type).collect(),
        overall,
    }
}

/// The tagger's entities in `text`, with a model file (for error analysis).
pub fn predict(model: &[u8], text: &str) -> Result<Vec<GoldEntity>, String> {
    let model = Model::from_bytes(model)?;
    let words = Words::new(text);
    let context = Context::new(&words);
    let tags = decode(&context, &Frozen(&model));
    Ok(spans(&tags)
        .into_iter()
        .map(|(a, b, ty)| GoldEntity {
            start: words.tokens[a].start,
            end: words.tokens[b - 1].end,
            label: TYPES[ty].to_string(),
        })
        .collect())
}
