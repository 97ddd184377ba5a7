//! The sequence tagger: an averaged perceptron over hashed features, decoded greedily left to
//! right with BILOU constraints. Its weights are compiled in (`data/entity_tagger.bin`, written
//! by `newsextract-train`) and decoded once per process.

use once_cell::sync::Lazy;

use super::features::{
    case_class, context_features, elsewhere_features, may_continue, may_open, token_features,
    transition_features, word_features, written_hash, Context, HashMap64, History, Part, Tag,
    CASE_CLASSES, FEATURE_VERSION, TAG_COUNT,
};

const MODEL_BYTES: &[u8] = include_bytes!("../../../data/entity_tagger.bin");
const MAGIC: &[u8; 8] = b"NXTAGGER";
const FORMAT_VERSION: u32 = 1;

/// The compiled-in model; `None` when the file is missing, damaged or was trained with other
/// features (a unit test makes sure it is not).
pub(crate) static MODEL: Lazy<Option<Model>> = Lazy::new(|| Model::from_bytes(MODEL_BYTES).ok());

/// Weights the decoder reads; training implements it over weights it is still learning.
pub(crate) trait Scorer {
    /// Feature ids are below `2^bits`.
    fn bits(&self) -> u32;
    /// True when the weights never change, so that scores computed once stay valid (the
    /// compiled-in model; not the weights training is still learning).
    const FIXED: bool = true;
    /// An identity of the weights, the same for as long as they stay the same, so that scores
    /// the decoder has computed may serve from one document to the next (the compiled-in
    /// model); `None` when they must not.
    fn weights_id(&self) -> Option<u64> {
        None
    }
    /// Adds feature `feature`'s weight for every tag to `scores`.
    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]);
    /// Adds the weights of all `features` to `scores`; the same as [`Scorer::add`] for each
    /// in turn, which a scorer may do faster.
    fn add_all(&self, features: &[u32], scores: &mut [f32; TAG_COUNT]) {
        for &f in features {
            self.add(f, scores);
        }
    }
}

/// Quantised weights: `2^bits` rows of [`TAG_COUNT`] 16-bit values, almost all zero.
///
/// Only the non-zero rows are kept. Per 64 rows a [`Block`] has the bitmap of the rows that
/// have any non-zero value, the bitmap of the long ones among them, and the count of each
/// kind before the block (rank indices). A row of five values or more (the bias, shapes,
/// frequent words: the rows two thirds of all lookups land on) is kept whole in `dense`,
/// reached from the block directly, where adding it is one vectorised loop. Any other row
/// has an 8-byte [`Slot`] with the mask of its non-zero tags and either the values
/// themselves (one or two, most rows) or their offset in `packed` (three or four). A 2^19-row
/// model then takes about 1 MB (the dense table would take 17 MB), a lookup touches two cache
/// lines of it, and the lookup of a feature never seen in training stops at the block.
#[derive(Debug)]
pub(crate) struct Model {
    /// Unique in the process: see [`Scorer::weights_id`].
    id: u64,
    bits: u32,
    blocks: Vec<Block>,
    slots: Vec<Slot>,
    packed: Vec<i16>,
    dense: Vec<DenseRow>,
    /// The O value of each dense row.
    dense_outside: Vec<i16>,
}

/// 64 rows' presence bits, which of them are dense, and the ranks of the first sparse and
/// the first dense row: one cache line (or two, for a quarter of the blocks) gives all.
/// Aligning blocks to 32 bytes would spare those but cost more second-level misses than it
/// saves first-level ones (callgrind with a 1.25 MB last level).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
struct Block {
    present: u64,
    dense: u64,
    rank: u32,
    dense_rank: u32,
}

/// Rows with at least this many non-zero values are kept in `dense`.
const DENSE_FROM: usize = 5;

/// A dense row's values for tags 1 to 16: 32 bytes on a 32-byte boundary, so one cache line,
/// where a 34-byte row would often straddle two.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct DenseRow([i16; TAG_COUNT - 1]);

/// One sparse row in 64 bits: the mask of its non-zero tags (bits 0 to 16), its kind (bit
/// 17), and by kind its one or two values in tag order or the offset of its values in
/// `packed` (bits 32 to 63). The kind saves counting the mask's bits, which without a
/// `popcnt` instruction (the baseline x86-64 target) costs a dozen instructions.
#[derive(Debug, Clone, Copy, Default)]
struct Slot(u64);

const TAG_MASK: u64 = (1 << TAG_COUNT) - 1;
const KIND_SHIFT: u32 = TAG_COUNT as u32;
const KIND_INLINE: u64 = 0;
const KIND_PACKED: u64 = 1;

impl Slot {
    #[inline]
    fn mask(self) -> u32 {
        (self.0 & TAG_MASK) as u32
    }

    #[inline]
    fn kind(self) -> u64 {
        (self.0 >> KIND_SHIFT) & 1
    }

    /// The upper half: inline values or packed offset.
    #[inline]
    fn high(self) -> u32 {
        (self.0 >> 32) as u32
    }
}

/// Where a non-zero row is.
#[derive(Debug, Clone, Copy)]
enum Found {
    Sparse(Slot),
    /// The index in `dense`.
    Dense(usize),
}

/// Builds a [`Model`] from its non-zero rows, in increasing row order.
struct ModelBuilder {
    model: Model,
}

impl ModelBuilder {
    fn new(bits: u32) -> ModelBuilder {
        let blocks = (1usize << bits).div_ceil(64);
        // Zero is left for "no model yet" in the decoder's caches.
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        ModelBuilder {
            model: Model {
                id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                bits,
                blocks: vec![Block::default(); blocks],
                slots: Vec::new(),
                packed: Vec::new(),
                dense: Vec::new(),
                dense_outside: Vec::new(),
            },
        }
    }

    /// Adds row `r` (greater than every row added before) with `values` for the tags in
    /// `mask`, in tag order.
    fn push(&mut self, r: usize, mask: u32, values: &[i16]) {
        let m = &mut self.model;
        let Some(block) = m.blocks.get_mut(r / 64) else {
            return;
        };
        block.present |= 1 << (r % 64);
        let mask = u64::from(mask) & TAG_MASK;
        if values.len() >= DENSE_FROM {
            block.dense |= 1 << (r % 64);
            let mut row = [0i16; TAG_COUNT];
            let mut bits = mask;
            for &v in values {
                if let Some(cell) = row.get_mut(bits.trailing_zeros() as usize) {
                    *cell = v;
                }
                bits &= bits.wrapping_sub(1);
            }
            let mut rest = DenseRow::default();
            rest.0.copy_from_slice(&row[1..]);
            m.dense.push(rest);
            m.dense_outside.push(row[0]);
            return;
        }
        let slot = if values.len() <= 2 {
            let mut high = 0u64;
            for (k, &v) in values.iter().enumerate() {
                high |= u64::from(v as u16) << (16 * k);
            }
            mask | KIND_INLINE << KIND_SHIFT | high << 32
        } else {
            let offset = m.packed.len() as u64;
            m.packed.extend_from_slice(values);
            mask | KIND_PACKED << KIND_SHIFT | offset << 32
        };
        m.slots.push(Slot(slot));
    }

    fn finish(mut self) -> Model {
        let (mut sparse, mut dense) = (0u32, 0u32);
        for block in &mut self.model.blocks {
            block.rank = sparse;
            block.dense_rank = dense;
            sparse += (block.present & !block.dense).count_ones();
            dense += block.dense.count_ones();
        }
        self.model
    }
}

impl Model {
    /// A model from dense weights (`2^bits * TAG_COUNT` values, row by row).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn new(bits: u32, weights: &[i16]) -> Option<Model> {
        if !(6..=24).contains(&bits) || weights.len() != (1usize << bits) * TAG_COUNT {
            return None;
        }
        let mut builder = ModelBuilder::new(bits);
        let mut values = Vec::with_capacity(TAG_COUNT);
        for (r, chunk) in weights.chunks_exact(TAG_COUNT).enumerate() {
            let mut mask = 0u32;
            values.clear();
            for (tag, &w) in chunk.iter().enumerate() {
                if w != 0 {
                    mask |= 1 << tag;
                    values.push(w);
                }
            }
            if mask != 0 {
                builder.push(r, mask, &values);
            }
        }
        Some(builder.finish())
    }

    /// Decodes the file format (see [`Model::to_bytes`]).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(8)? != MAGIC {
            return Err("not a newsextract tagger model".into());
        }
        let format = reader.u32()?;
        let feature_version = reader.u32()?;
        let tag_count = reader.u32()? as usize;
        let bits = reader.u32()?;
        if format != FORMAT_VERSION || feature_version != FEATURE_VERSION || tag_count != TAG_COUNT
        {
            return Err(format!(
                "model format {format}, features {feature_version}, {tag_count} tags; expected \
                 {FORMAT_VERSION}, {FEATURE_VERSION}, {TAG_COUNT}"
            ));
        }
        if !(10..=24).contains(&bits) {
            return Err(format!("bad bucket bits {bits}"));
        }
        let row_count = 1usize << bits;
        let stored = reader.u32()? as usize;
        if stored > row_count {
            return Err("more rows than the table has".into());
        }
        let mut builder = ModelBuilder::new(bits);
        let mut values = Vec::with_capacity(TAG_COUNT);
        let mut row = 0usize;
        for n in 0..stored {
            let gap = reader.varint()?;
            row = if n == 0 {
                gap
            } else {
                row.checked_add(gap).ok_or("row overflow")?
            };
            if row >= row_count || (n > 0 && gap == 0) {
                return Err("row out of range or repeated".into());
            }
            let mask = reader.u24()?;
            if mask == 0 || mask >> TAG_COUNT != 0 {
                return Err("bad tag mask".into());
            }
            values.clear();
            for _ in 0..mask.count_ones() {
                values.push(reader.i16()?);
            }
            builder.push(row, mask, &values);
        }
        if reader.at != bytes.len() {
            return Err("trailing bytes".into());
        }
        Ok(builder.finish())
    }

    /// Encodes the model: magic, format, feature version, tag count, bits, then the rows that
    /// are not all zero as (gap from the previous row, 24-bit mask of non-zero tags, the
    /// non-zero values), little-endian.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for value in [FORMAT_VERSION, FEATURE_VERSION, TAG_COUNT as u32, self.bits] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&((self.slots.len() + self.dense.len()) as u32).to_le_bytes());
        let mut last = 0;
        let mut n = 0;
        for (b, block) in self.blocks.iter().enumerate() {
            let mut bits = block.present;
            while bits != 0 {
                let r = b * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let mut gap = if n == 0 { r } else { r - last };
                last = r;
                n += 1;
                loop {
                    let byte = (gap & 0x7f) as u8;
                    gap >>= 7;
                    if gap == 0 {
                        out.push(byte);
                        break;
                    }
                    out.push(byte | 0x80);
                }
                if let Some((mask, row)) = self.row(r as u32) {
                    out.extend_from_slice(&mask.to_le_bytes()[..3]);
                    for (tag, &v) in row.iter().enumerate() {
                        if mask & 1 << tag != 0 {
                            out.extend_from_slice(&v.to_le_bytes());
                        }
                    }
                }
            }
        }
        out
    }

    /// Where row `r` is, `None` when it is all zero.
    #[inline]
    fn find(&self, r: u32) -> Option<Found> {
        let r = r as usize;
        let block = self.blocks.get(r / 64)?;
        let bit = 1u64 << (r % 64);
        if block.present & bit == 0 {
            return None;
        }
        if block.dense & bit != 0 {
            // Most blocks have one dense row or none: when it is the only one, the count of
            // those before it is zero, without the dozen instructions of counting bits (no
            // `popcnt` on the baseline target).
            let rank = if block.dense & (block.dense - 1) == 0 {
                0
            } else {
                (block.dense & (bit - 1)).count_ones()
            };
            return Some(Found::Dense(block.dense_rank as usize + rank as usize));
        }
        let sparse = block.present & !block.dense;
        let index = block.rank as usize + (sparse & (bit - 1)).count_ones() as usize;
        self.slots.get(index).copied().map(Found::Sparse)
    }

    /// Adds row `found` to `sums`.
    #[inline]
    fn add_found(&self, found: Found, sums: &mut [i32; TAG_COUNT]) {
        match found {
            Found::Sparse(slot) => self.add_slot(slot, sums),
            Found::Dense(index) => {
                let (outside, rest) = sums.split_at_mut(1);
                if let (Some(row), Some(&o)) =
                    (self.dense.get(index), self.dense_outside.get(index))
                {
                    outside[0] += i32::from(o);
                    for (sum, &w) in rest.iter_mut().zip(&row.0) {
                        *sum += i32::from(w);
                    }
                }
            }
        }
    }

    /// Row `r` as the mask of its stored tags and one value per tag, `None` when it is all
    /// zero.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    fn row(&self, r: u32) -> Option<(u32, [i16; TAG_COUNT])> {
        let found = self.find(r)?;
        let mut sums = [0i32; TAG_COUNT];
        self.add_found(found, &mut sums);
        let mask = match found {
            Found::Sparse(slot) => slot.mask(),
            Found::Dense(_) => (0..TAG_COUNT)
                .filter(|&t| sums[t] != 0)
                .fold(0, |mask, t| mask | 1 << t),
        };
        Some((mask, sums.map(|sum| sum as i16)))
    }

    /// Adds the row of `slot` to `sums`.
    #[inline]
    fn add_slot(&self, slot: Slot, sums: &mut [i32; TAG_COUNT]) {
        let high = slot.high();
        match slot.kind() {
            KIND_INLINE => {
                let mut mask = slot.mask();
                let mut values = high;
                while mask != 0 {
                    if let Some(sum) = sums.get_mut(mask.trailing_zeros() as usize) {
                        *sum += i32::from(values as u16 as i16);
                    }
                    mask &= mask - 1;
                    values >>= 16;
                }
            }
            KIND_PACKED => {
                let mut mask = slot.mask();
                let values = self.packed.get(high as usize..).unwrap_or_default();
                for &v in values {
                    if mask == 0 {
                        break;
                    }
                    if let Some(sum) = sums.get_mut(mask.trailing_zeros() as usize) {
                        *sum += i32::from(v);
                    }
                    mask &= mask - 1;
                }
            }
            _ => {}
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
        let slice = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or("truncated model")?;
        self.at += n;
        Ok(slice)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u24(&mut self) -> Result<u32, String> {
        let b = self.take(3)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], 0]))
    }
    fn i16(&mut self) -> Result<i16, String> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    fn varint(&mut self) -> Result<usize, String> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("varint too long".into())
    }
}

/// The compiled-in model as a [`Scorer`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frozen<'m>(pub(crate) &'m Model);

impl Scorer for Frozen<'_> {
    const FIXED: bool = true;

    fn bits(&self) -> u32 {
        self.0.bits
    }

    fn weights_id(&self) -> Option<u64> {
        Some(self.0.id)
    }

    #[inline]
    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]) {
        if let Some(found) = self.0.find(feature) {
            let mut sums = [0i32; TAG_COUNT];
            self.0.add_found(found, &mut sums);
            add_sums(&sums, scores);
        }
    }

    /// Looks the rows up in two rounds: first every feature's block (and the sparse rows,
    /// a minority), then the dense rows. Most lookups miss the first-level cache; with no
    /// data-dependent branch between the loads of dense rows, those overlap instead of
    /// waiting one after the other, and their sum stays in registers.
    fn add_all(&self, features: &[u32], scores: &mut [f32; TAG_COUNT]) {
        const CHUNK: usize = 32;
        let model = self.0;
        let mut sums = [0i32; TAG_COUNT];
        let mut rest = [0i32; TAG_COUNT - 1];
        // Filled once per call, not per chunk: most calls have a dozen features or two.
        let mut dense = [0u32; CHUNK];
        for chunk in features.chunks(CHUNK) {
            let mut dense_count = 0;
            for &f in chunk {
                match model.find(f) {
                    Some(Found::Dense(index)) => {
                        if let Some(out) = dense.get_mut(dense_count) {
                            *out = index as u32;
                            dense_count += 1;
                        }
                    }
                    Some(Found::Sparse(slot)) => model.add_slot(slot, &mut sums),
                    None => {}
                }
            }
            for &index in dense.iter().take(dense_count) {
                let index = index as usize;
                if let (Some(row), Some(&o)) =
                    (model.dense.get(index), model.dense_outside.get(index))
                {
                    sums[0] += i32::from(o);
                    for (sum, &w) in rest.iter_mut().zip(&row.0) {
                        *sum += i32::from(w);
                    }
                }
            }
        }
        for (sum, value) in sums[1..].iter_mut().zip(rest) {
            *sum += value;
        }
        add_sums(&sums, scores);
    }
}

/// Adds integer sums of weights to `scores`. Weights are integers and their sums stay far
/// below 2^24, so summing in `i32` and converting once gives the same scores as adding in
/// `f32` one by one.
#[inline]
fn add_sums(sums: &[i32; TAG_COUNT], scores: &mut [f32; TAG_COUNT]) {
    for (score, &sum) in scores.iter_mut().zip(sums) {
        *score += sum as f32;
    }
}

/// The tags that may follow a closed tag (O, L or U), in tag order: O, and B and U of every
/// type. An open tag (B or I) may only be followed by the I or L of its type.
const AFTER_CLOSED: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The closed tags (O, L and U), in tag order: those an entity may end on.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The open tags (B and I).
const OPEN: [usize; 8] = [1, 2, 5, 6, 9, 10, 13, 14];

const IMPOSSIBLE: f32 = f32::NEG_INFINITY;

/// Working space of the decoder, reused from line to line (and, in [`decode`], from
/// document to document).
#[derive(Debug, Default)]
pub(crate) struct Lattice {
    /// The [`Scorer::weights_id`] of the weights `word_scores` and `transitions` hold scores
    /// of; 0 when none.
    weights: u64,
    /// The back pointers of the tokens of the line that took a Viterbi step, in token
    /// order: the scored tokens and the first unscored one after them.
    back: Vec<(usize, [u8; TAG_COUNT])>,
    token_features: Vec<u32>,
    /// For a fixed model, the scores of written words' [`word_features`].
    word_scores: WordScores,
    /// Transition scores per case class, computed on first use.
    transitions: Vec<Option<Transitions>>,
    /// For a fixed model, the context-aggregation scores of each capitalised word, computed
    /// at its first scored occurrence: the word's index in `elsewhere_words`, by word hash.
    elsewhere: HashMap64<u32>,
    elsewhere_words: Vec<Elsewhere>,
    /// The scores of each occurrence of the words, word after word: one vector for all, not
    /// two allocations per word.
    elsewhere_occurrences: Vec<(usize, [f32; TAG_COUNT])>,
    elsewhere_features: Vec<u32>,
}

/// The most capitalised-word occurrences whose working space a thread keeps from one
/// document to the next (76 bytes each: about 5 MB).
const KEPT_OCCURRENCES: usize = 1 << 16;

/// Bits of a [`WordScores`] slot number: 8,192 slots of 80 bytes.
const WORD_SCORE_BITS: u32 = 13;

/// The scores of written words' [`word_features`] by [`written_hash`], in a direct-mapped
/// table: the top bits of a word's hash pick its slot, and a word that is not there takes it
/// over. It serves from one document to the next (while the weights stay the same), so that
/// "The", "Mr" and the names in the news of the day are summed once per thread rather than
/// once per article, in a table whose size never grows.
#[derive(Debug, Default)]
struct WordScores {
    slots: Vec<(u64, [f32; TAG_COUNT])>,
}

impl WordScores {
    /// Forgets every word. An empty slot holds a hash that belongs to another slot, so that
    /// no word finds it.
    fn clear(&mut self) {
        if self.slots.is_empty() {
            self.slots = vec![(0, [0.0; TAG_COUNT]); 1 << WORD_SCORE_BITS];
        }
        for (s, slot) in self.slots.iter_mut().enumerate() {
            slot.0 = ((s ^ 1) as u64) << (64 - WORD_SCORE_BITS);
        }
    }

    /// The scores of the word whose hash is `hash`, from `compute` when they are not kept.
    /// Before the first [`WordScores::clear`] nothing is kept.
    #[inline]
    fn get_or_insert_with(
        &mut self,
        hash: u64,
        compute: impl FnOnce() -> [f32; TAG_COUNT],
    ) -> [f32; TAG_COUNT] {
        let Some(slot) = self
            .slots
            .get_mut((hash >> (64 - WORD_SCORE_BITS)) as usize)
        else {
            return compute();
        };
        if slot.0 != hash {
            *slot = (hash, compute());
        }
        slot.1
    }
}

/// The context-aggregation scores of one word: those of each of its
/// [`Context::occurrences_of`] (a range of `Lattice::elsewhere_occurrences`), and their total.
#[derive(Debug)]
struct Elsewhere {
    occurrences: std::ops::Range<usize>,
    total: [f32; TAG_COUNT],
}

impl Lattice {
    /// Readies the lattice for a new document scored by weights `weights` (a
    /// [`Scorer::weights_id`]): the scores of other weights, and those of the document
    /// before, are forgotten.
    fn start_document(&mut self, weights: Option<u64>) {
        // A huge document leaves huge vectors behind; a thread keeps working space for
        // ordinary articles only, so what it holds between documents stays bounded.
        if self.elsewhere_occurrences.capacity() > KEPT_OCCURRENCES {
            *self = Lattice {
                weights: self.weights,
                word_scores: std::mem::take(&mut self.word_scores),
                transitions: std::mem::take(&mut self.transitions),
                ..Lattice::default()
            };
        }
        self.elsewhere.clear();
        self.elsewhere_words.clear();
        self.elsewhere_occurrences.clear();
        let weights = weights.unwrap_or(0);
        if weights == 0 || weights != self.weights {
            self.word_scores.clear();
            self.transitions.clear();
            self.weights = weights;
        }
    }

    /// The scores of every tag at token `i` from the token's own features.
    ///
    /// With a fixed model the context-aggregation features (the neighbours of the word's
    /// other occurrences) are summed once per word and the token's own occurrence taken out
    /// again: a name that occurs eight times would otherwise look up the same 14 features
    /// eight times. Likewise the [`word_features`] are summed once per written word. Weights
    /// are integers and every partial sum stays far below 2^24, so
    /// adding and taking out in `f32` is exact and the scores equal those of summing
    /// [`token_features`] one by one.
    fn emission<S: Scorer>(
        &mut self,
        context: &Context<'_, '_>,
        i: usize,
        history: &History,
        scorer: &S,
    ) -> [f32; TAG_COUNT] {
        let bits = scorer.bits();
        let mut scores = [0f32; TAG_COUNT];
        self.token_features.clear();
        if !S::FIXED {
            token_features(context, i, history, bits, &mut self.token_features);
            scorer.add_all(&self.token_features, &mut scores);
            return scores;
        }
        // The word's own features are summed once per written word: a name or a capitalised
        // word that recurs would look up the same dozen rows (mostly cache misses) each time.
        let buffer = &mut self.token_features;
        scores = self
            .word_scores
            .get_or_insert_with(written_hash(context, i), || {
                let mut word = [0f32; TAG_COUNT];
                buffer.clear();
                word_features(context, i, bits, buffer);
                scorer.add_all(buffer, &mut word);
                word
            });
        self.token_features.clear();
        context_features(context, i, history, bits, &mut self.token_features);
        scorer.add_all(&self.token_features, &mut scores);
        if !context.words.flags(i).has_upper() {
            return scores;
        }
        let words = &mut self.elsewhere_words;
        let occurrences = &mut self.elsewhere_occurrences;
        let buffer = &mut self.elsewhere_features;
        let index = *self
            .elsewhere
            .entry(context.word_hash(i))
            .or_insert_with(|| {
                let start = occurrences.len();
                let mut total = [0f32; TAG_COUNT];
                for j in context.occurrences_of(i) {
                    buffer.clear();
                    elsewhere_features(context, j, bits, buffer);
                    let mut one = [0f32; TAG_COUNT];
                    scorer.add_all(buffer, &mut one);
                    for (total, value) in total.iter_mut().zip(one) {
                        *total += value;
                    }
                    occurrences.push((j, one));
                }
                words.push(Elsewhere {
                    occurrences: start..occurrences.len(),
                    total,
                });
                (words.len() - 1) as u32
            });
        let Some(word) = words.get(index as usize) else {
            return scores;
        };
        let own = occurrences
            .get(word.occurrences.clone())
            .unwrap_or_default()
            .iter()
            .find(|&&(j, _)| j == i)
            .map(|(_, one)| one);
        for (t, score) in scores.iter_mut().enumerate() {
            *score += word.total[t] - own.map_or(0.0, |own| own[t]);
        }
        scores
    }

    /// The transition scores at a token of case class `case`.
    fn transitions<S: Scorer>(&mut self, scorer: &S, case: usize) -> &Transitions {
        if self.transitions.len() != CASE_CLASSES {
            self.transitions = vec![None; CASE_CLASSES];
        }
        let slot = &mut self.transitions[case.min(CASE_CLASSES - 1)];
        slot.get_or_insert_with(|| {
            let from = |previous: usize| {
                let mut scores = [0f32; TAG_COUNT];
                for f in transition_features(case, Tag(previous as u8), scorer.bits()) {
                    scorer.add(f, &mut scores);
                }
                scores
            };
            let mut table = Transitions {
                closed: [[IMPOSSIBLE; LANES]; CLOSED.len()],
                open: [[[0.0; 2]; 2]; TYPE_COUNT],
            };
            debug_assert!(CLOSED.iter().all(|&p| !Tag(p as u8).is_open()
                && AFTER_CLOSED
                    .iter()
                    .all(|&c| Tag(p as u8).allows(Tag(c as u8)))));
            for (row, &previous) in table.closed.iter_mut().zip(&CLOSED) {
                let scores = from(previous);
                for (lane, &next) in row.iter_mut().zip(&AFTER_CLOSED) {
                    *lane = scores[next];
                }
            }
            for (ty, rows) in table.open.iter_mut().enumerate() {
                let begin = 1 + 4 * ty;
                for (row, previous) in rows.iter_mut().zip([begin, begin + 1]) {
                    let scores = from(previous);
                    *row = [scores[begin + 1], scores[begin + 2]];
                }
            }
            table
        })
    }
}

/// Lanes of the closed part of a Viterbi step: the nine successors of a closed tag
/// ([`AFTER_CLOSED`]), padded to three vectors of four.
const LANES: usize = 12;

/// Number of entity types.
const TYPE_COUNT: usize = (TAG_COUNT - 1) / 4;

/// The transition scores at tokens of one case class, in the two shapes a Viterbi step
/// reads. Those from a closed tag go to the nine successors of every closed tag, so a
/// step adds them nine lanes at a time; those from an open tag (B or I) go to the I and L
/// of its type alone.
#[derive(Debug, Clone, Copy)]
struct Transitions {
    /// From each of [`CLOSED`] to each of [`AFTER_CLOSED`], the padding lanes impossible.
    closed: [[f32; LANES]; CLOSED.len()],
    /// Per type, from its B and its I to its I and its L.
    open: [[[f32; 2]; 2]; TYPE_COUNT],
}

/// The best tags for the tokens `line` (one line of text) by Viterbi search over BILOU tags,
/// with what the tagger said on earlier lines in `history`. Tokens that can only be O (no
/// capital, not inside a name) are not scored at all: their transitions count as zero. An
/// entity cannot stay open past the line's end.
pub(crate) fn decode_line<S: Scorer>(
    context: &Context<'_, '_>,
    line: std::ops::Range<usize>,
    history: &History,
    scorer: &S,
    lattice: &mut Lattice,
    tags: &mut [Tag],
) {
    lattice.back.clear();
    if line.is_empty() {
        return;
    }
    if !S::FIXED {
        // The weights may have changed since the last line (training): transition scores
        // are redone.
        lattice.transitions.clear();
    }
    // The best score of each tag at the token before (only the last token's scores are
    // needed: the path is read back from `back`).
    // Two rows that trade places after each step, behind references, so that they stay in
    // memory: copied whole or split into seventeen registers, they cost a hundred moves and
    // shuffles per step.
    let mut rows = [[IMPOSSIBLE; TAG_COUNT]; 2];
    let [previous, best] = &mut rows;
    let (mut previous, mut best) = (previous, best);
    previous[0] = 0.0;
    // Whether O is the only possible tag of the token before; then an unscored token is O
    // after O, and needs no step.
    let mut only_outside = true;
    // Whether some entity may be open before the current token.
    let mut open_before = false;
    let mut i = line.start;
    while i < line.end {
        let opens = may_open(context.words, i);
        if !opens && !open_before {
            // The common case: nothing open, nothing can open; O, unscored.
            if !only_outside {
                let (p, score) = best_closed(previous);
                previous.fill(IMPOSSIBLE);
                previous[0] = score;
                let mut back = [0u8; TAG_COUNT];
                back[0] = p;
                lattice.back.push((i, back));
                only_outside = true;
            }
            // The tokens up to the next that may open are O after O: no step at all.
            i += 1;
            while i < line.end && !may_open(context.words, i) {
                i += 1;
            }
            continue;
        }
        let continues = may_continue(context.words, i);
        best.fill(IMPOSSIBLE);
        let mut back = [0u8; TAG_COUNT];
        // What the token's scores are needed for: a closed tag before it going on to O, B
        // or U (when it opens), an open one going on to I or L (when it continues). An
        // open tag before a token that does not continue goes nowhere: the entity can
        // neither go on nor be closed by O.
        let closed_live = opens && CLOSED.iter().any(|&p| previous[p] != IMPOSSIBLE);
        let open_live = continues && OPEN.iter().any(|&p| previous[p] != IMPOSSIBLE);
        if !opens {
            // Nothing can open: after a closed tag O alone, unscored (see
            // `path_features`).
            let (p, score) = best_closed(previous);
            best[0] = score;
            back[0] = p;
        }
        if closed_live || open_live {
            let emission = lattice.emission(context, i, history, scorer);
            let table = lattice.transitions(scorer, case_class(context.words, i));
            if closed_live {
                // Every candidate adds in the order (previous + transition) + emission,
                // and a later predecessor wins only with a greater score, lane by lane
                // as one tag at a time would.
                let mut lanes_emission = [0f32; LANES];
                for (lane, &next) in lanes_emission.iter_mut().zip(&AFTER_CLOSED) {
                    *lane = emission[next];
                }
                let mut lanes_best = [IMPOSSIBLE; LANES];
                let mut lanes_back = [0u32; LANES];
                for (row, &p) in table.closed.iter().zip(&CLOSED) {
                    let previous_score = previous[p];
                    if previous_score == IMPOSSIBLE {
                        continue;
                    }
                    for lane in 0..LANES {
                        let score = previous_score + row[lane] + lanes_emission[lane];
                        let better = score > lanes_best[lane];
                        lanes_best[lane] = if better { score } else { lanes_best[lane] };
                        lanes_back[lane] = if better { p as u32 } else { lanes_back[lane] };
                    }
                }
                for (lane, &next) in AFTER_CLOSED.iter().enumerate() {
                    best[next] = lanes_best[lane];
                    back[next] = lanes_back[lane] as u8;
                }
            }
            if open_live {
                for (ty, rows) in table.open.iter().enumerate() {
                    let begin = 1 + 4 * ty;
                    for (row, p) in rows.iter().zip([begin, begin + 1]) {
                        let previous_score = previous[p];
                        if previous_score == IMPOSSIBLE {
                            continue;
                        }
                        for (&t, next) in row.iter().zip([begin + 1, begin + 2]) {
                            let score = previous_score + t + emission[next];
                            if score > best[next] {
                                best[next] = score;
                                back[next] = p as u8;
                            }
                        }
                    }
                }
            }
        }
        open_before = OPEN.iter().any(|&c| best[c] > IMPOSSIBLE);
        only_outside = false;
        std::mem::swap(&mut previous, &mut best);
        lattice.back.push((i, back));
        i += 1;
    }
    // The line ends: only closed tags may be last. The path is read back over the tokens
    // that took a step; any other is O after O.
    tags.get_mut(line.clone()).unwrap_or_default().fill(Tag::O);
    let (mut tag, _) = best_closed(previous);
    let mut after = line.end;
    for &(i, back) in lattice.back.iter().rev() {
        if i + 1 != after {
            tag = 0;
        }
        if let Some(out) = tags.get_mut(i) {
            *out = Tag(tag);
        }
        tag = back.get(usize::from(tag)).copied().unwrap_or(0);
        after = i;
    }
}

/// The features a tag sequence scores at token `i` (whose tag is `tag`, after `previous`),
/// appended to `out`: none when nothing is open and the token cannot open anything, else the
/// token's and the transition's. The decoder scores exactly these; training updates them.
#[cfg(feature = "train")]
pub(crate) fn path_features(
    context: &Context<'_, '_>,
    i: usize,
    previous: Tag,
    history: &History,
    bits: u32,
    out: &mut Vec<u32>,
) {
    if !previous.is_open() && !may_open(context.words, i) {
        return;
    }
    token_features(context, i, history, bits, out);
    out.extend(transition_features(
        case_class(context.words, i),
        previous,
        bits,
    ));
}

/// The best state among O, L and U (ties to the lowest tag), and its score.
fn best_closed(scores: &[f32; TAG_COUNT]) -> (u8, f32) {
    let mut best = (0u8, scores[0]);
    for t in CLOSED {
        if scores[t] > best.1 {
            best = (t as u8, scores[t]);
        }
    }
    best
}

/// The units the tagger decodes one after the other, as token ranges: lines, and sentences
/// inside them.
pub(crate) fn lines(context: &Context<'_, '_>) -> Vec<std::ops::Range<usize>> {
    let n = context.words.len();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..n {
        // Sentences are units too: a paragraph is one line, and what the tagger says about
        // a name in its first sentence helps with the next one. The context marks the first
        // token of every line as opening a sentence, so the one test finds both.
        debug_assert!(!context.words.tokens[i].line_start || context.opens_sentence(i));
        if context.opens_sentence(i) {
            out.push(start..i);
            start = i;
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

thread_local! {
    /// The decoder's working space, kept from document to document: its vectors stay
    /// allocated, and the scores that depend on nothing but the weights stay valid.
    static LATTICE: std::cell::RefCell<Lattice> = std::cell::RefCell::new(Lattice::default());
}

/// Tags every token of the document, unit by unit, each with what earlier units said.
pub(crate) fn decode<S: Scorer>(context: &Context<'_, '_>, scorer: &S) -> Vec<Tag> {
    LATTICE.with(|cell| {
        // Taken out rather than borrowed: a panic while decoding leaves a fresh lattice
        // behind, not a poisoned one.
        let mut lattice = cell.take();
        lattice.start_document(scorer.weights_id());
        let tags = decode_document(context, scorer, &mut lattice);
        cell.replace(lattice);
        tags
    })
}

fn decode_document<S: Scorer>(
    context: &Context<'_, '_>,
    scorer: &S,
    lattice: &mut Lattice,
) -> Vec<Tag> {
    let mut tags = vec![Tag::O; context.words.len()];
    let mut history = History::default();
    for line in lines(context) {
        decode_line(context, line.clone(), &history, scorer, lattice, &mut tags);
        // Only a token that took a step can have a tag other than O, which is all the
        // history records.
        for &(i, _) in &lattice.back {
            history.record(context, i, tags[i]);
        }
    }
    tags
}

/// The entities in a tag sequence as (first token, end token exclusive, type index).
pub(crate) fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        match (tag.part(), tag.ty()) {
            (Part::Unit, Some(ty)) => {
                open = None;
                out.push((i, i + 1, ty));
            }
            (Part::Begin, Some(ty)) => open = Some((i, ty)),
            (Part::Inside, Some(ty)) if open.is_some_and(|(_, t)| t == ty) => {}
            (Part::Last, Some(ty)) => {
                if let Some((start, t)) = open.take() {
                    if t == ty {
                        out.push((start, i + 1, ty));
                    }
                }
            }
            _ => open = None,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_format_round_trips() {
        let bits = 10;
        let mut weights = vec![0i16; (1 << bits) * TAG_COUNT];
        weights[3] = 7;
        weights[5 * TAG_COUNT + 16] = -300;
        weights[1023 * TAG_COUNT] = i16::MAX;
        for tag in 0..TAG_COUNT {
            weights[700 * TAG_COUNT + tag] = tag as i16 - 8;
        }
        // Every kind of slot: one and two values inline, three and four packed, five and
        // more dense, with and without an O value.
        for (row, tags) in [
            (64, &[0, 16][..]),
            (65, &[1, 2, 16]),
            (127, &[0, 5, 9, 13]),
            (128, &[0, 1, 2, 3, 16]),
            (300, &[2, 3, 4, 5, 6, 7]),
        ] {
            for (k, &tag) in tags.iter().enumerate() {
                weights[row * TAG_COUNT + tag] = if k % 2 == 0 { -1 - k as i16 } else { i16::MIN };
            }
        }
        let model = Model::new(bits, &weights).unwrap();
        let mut sums = [0i32; TAG_COUNT];
        for r in [700usize, 65, 128, 300] {
            for (sum, &w) in sums
                .iter_mut()
                .zip(&weights[r * TAG_COUNT..(r + 1) * TAG_COUNT])
            {
                *sum += i32::from(w);
            }
        }
        let mut scores = [0.0; TAG_COUNT];
        Frozen(&model).add_all(&[700, 3, 65, 128, 300], &mut scores);
        assert_eq!(scores, sums.map(|sum| sum as f32));
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.slots.len() + back.dense.len(), 9);
        for r in 0..1u32 << bits {
            let expected = &weights[r as usize * TAG_COUNT..(r as usize + 1) * TAG_COUNT];
            let got = back.row(r).map_or([0; TAG_COUNT], |(_, values)| values);
            assert_eq!(got, expected);
        }
        assert_eq!(back.to_bytes(), bytes);
        for cut in [0, 7, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
    }

    /// Every row, present or not, reads back as it was written, in sparse and crowded
    /// tables.
    #[test]
    fn every_row_reads_back() {
        for (bits, every) in [(10u32, 1usize), (12, 3), (14, 7)] {
            let mut weights = vec![0i16; (1 << bits) * TAG_COUNT];
            let mut state = 0x2545_f491_4f6c_dd1du64;
            for r in (0..1usize << bits).filter(|r| r % every == 0) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let count = 1 + (state >> 59) as usize % TAG_COUNT;
                for k in 0..count {
                    let tag = (state >> (5 * k % 50)) as usize % TAG_COUNT;
                    weights[r * TAG_COUNT + tag] = (state >> 17) as i16 | 1;
                }
            }
            let model = Model::new(bits, &weights).unwrap();
            for r in 0..1u32 << (bits + 1) {
                let start = r as usize * TAG_COUNT;
                let expected = weights.get(start..start + TAG_COUNT);
                let got = model.row(r).map(|(_, values)| values);
                match expected {
                    Some(row) if row.iter().any(|&w| w != 0) => {
                        assert_eq!(
                            got.as_ref().map(|v| &v[..]),
                            Some(row),
                            "bits {bits} row {r}"
                        )
                    }
                    _ => assert_eq!(got, None, "bits {bits} row {r}"),
                }
            }
            let bytes = model.to_bytes();
            assert_eq!(Model::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        }
    }

    #[test]
    fn the_compiled_in_model_loads() {
        assert!(
            MODEL.is_some(),
            "data/entity_tagger.bin is missing or stale: run newsextract-train"
        );
    }

    /// A scorer over the compiled-in weights that does not count as fixed, so the decoder
    /// sums every feature of every token one by one.
    struct Unfixed<'m>(Frozen<'m>);

    impl Scorer for Unfixed<'_> {
        // Every feature summed one by one, nothing kept: the reference for the cached sums.
        const FIXED: bool = false;
        fn bits(&self) -> u32 {
            self.0.bits()
        }
        fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]) {
            self.0.add(feature, scores);
        }
    }

    #[test]
    fn cached_context_scores_equal_feature_by_feature_sums() {
        let model = MODEL.as_ref().expect("model");
        let text = "Miller said. MILLER told Reuters. The State Department's Miller, \
                    Matthew Miller, said Miller and miller met in Washington.\n\
                    Washington Post: Miller (Miller) miller-Miller Miller's";
        let words = crate::text::tokens::Words::new(text);
        let context = Context::new(&words);
        let history = History::default();
        let mut fixed = Lattice::default();
        let mut unfixed = Lattice::default();
        // As `decode` does: before it the word-score table has no slots and caches nothing.
        fixed.start_document(Frozen(model).weights_id());
        unfixed.start_document(Unfixed(Frozen(model)).weights_id());
        for i in 0..words.len() {
            let a = fixed.emission(&context, i, &history, &Frozen(model));
            let b = unfixed.emission(&context, i, &history, &Unfixed(Frozen(model)));
            assert_eq!(a, b, "token {i} {:?}", words.word(i));
        }
        assert_eq!(
            decode(&context, &Frozen(model)),
            decode(&context, &Unfixed(Frozen(model)))
        );
    }

    #[test]
    fn a_thread_drops_a_huge_documents_working_space_but_keeps_word_scores() {
        let mut lattice = Lattice::default();
        lattice.start_document(Some(7));
        let hash = 12345u64 << 40;
        let kept = lattice
            .word_scores
            .get_or_insert_with(hash, || [1.0; TAG_COUNT]);
        lattice.elsewhere_occurrences = Vec::with_capacity(KEPT_OCCURRENCES + 1);
        lattice.start_document(Some(7));
        assert!(lattice.elsewhere_occurrences.capacity() <= KEPT_OCCURRENCES);
        assert_eq!(lattice.weights, 7);
        let again = lattice
            .word_scores
            .get_or_insert_with(hash, || panic!("the word's scores were forgotten"));
        assert_eq!(again, kept);
        // Ordinary working space stays allocated.
        lattice.elsewhere_occurrences = Vec::with_capacity(100);
        lattice.start_document(Some(7));
        assert!(lattice.elsewhere_occurrences.capacity() >= 100);
    }

    #[test]
    fn tag_tables_follow_bilou() {
        let tags = || (0..TAG_COUNT as u8).map(Tag);
        let closed: Vec<usize> = tags()
            .filter(|t| !t.is_open())
            .map(|t| usize::from(t.0))
            .collect();
        let open: Vec<usize> = tags()
            .filter(|t| t.is_open())
            .map(|t| usize::from(t.0))
            .collect();
        assert_eq!(closed, CLOSED);
        assert_eq!(open, OPEN);
        for p in tags() {
            let allowed: Vec<usize> = tags()
                .filter(|&c| p.allows(c))
                .map(|c| usize::from(c.0))
                .collect();
            if p.is_open() {
                let begin = usize::from(p.0) - (usize::from(p.0) + 3) % 4;
                assert_eq!(allowed, [begin + 1, begin + 2], "{p:?}");
            } else {
                assert_eq!(allowed, AFTER_CLOSED, "{p:?}");
            }
        }
    }

    #[test]
    fn spans_from_tags() {
        let t = |part, ty| Tag::new(part, ty);
        let tags = [
            t(Part::Begin, 0),
            t(Part::Last, 0),
            Tag::O,
            t(Part::Unit, 2),
            t(Part::Begin, 1),
            t(Part::Inside, 1),
            t(Part::Last, 1),
        ];
        assert_eq!(spans(&tags), [(0, 2, 0), (3, 4, 2), (4, 7, 1)]);
    }
}
