//! The sequence tagger: an averaged perceptron over hashed features, decoded greedily left to
//! right with BILOU constraints. Its weights are compiled in (`data/entity_tagger.bin`, written
//! by `newsextract-train`) and decoded once per process.

use once_cell::sync::Lazy;

use super::features::{
    may_continue, may_open, token_features, transition_features, Context, History, Part, Tag,
    FEATURE_VERSION, TAG_COUNT,
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
    /// Adds feature `feature`'s weight for every tag to `scores`.
    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]);
}

/// Quantised weights: `2^bits` rows of [`TAG_COUNT`] 16-bit values, most of them zero, kept
/// as an index of the non-zero rows plus those rows packed: a 2^20-row table then takes
/// 4 MB of index and a few MB of rows instead of 36 MB, and lookups stay in cache more often.
#[derive(Debug)]
pub(crate) struct Model {
    bits: u32,
    /// Per row: 0 for an all-zero row, else 1 + its place in `rows`.
    index: Vec<u32>,
    rows: Vec<[i16; TAG_COUNT]>,
}

impl Model {
    /// A model from dense weights (`2^bits * TAG_COUNT` values, row by row).
    pub(crate) fn new(bits: u32, weights: &[i16]) -> Option<Model> {
        if bits > 24 || weights.len() != (1usize << bits) * TAG_COUNT {
            return None;
        }
        let mut index = vec![0u32; 1 << bits];
        let mut rows = Vec::new();
        for (r, chunk) in weights.chunks_exact(TAG_COUNT).enumerate() {
            if chunk.iter().any(|&w| w != 0) {
                let mut row = [0i16; TAG_COUNT];
                row.copy_from_slice(chunk);
                rows.push(row);
                index[r] = rows.len() as u32;
            }
        }
        Some(Model { bits, index, rows })
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
        if format != FORMAT_VERSION || feature_version != FEATURE_VERSION || tag_count != TAG_COUNT {
            return Err(format!(
                "model format {format}, features {feature_version}, {tag_count} tags; expected \
                 {FORMAT_VERSION}, {FEATURE_VERSION}, {TAG_COUNT}"
            ));
        }
        if !(10..=24).contains(&bits) {
            return Err(format!("bad bucket bits {bits}"));
        }
        let row_count = 1usize << bits;
        let mut index = vec![0u32; row_count];
        let stored = reader.u32()? as usize;
        let mut rows = Vec::with_capacity(stored.min(row_count));
        let mut row = 0usize;
        for n in 0..stored {
            let gap = reader.varint()?;
            row = if n == 0 { gap } else { row.checked_add(gap).ok_or("row overflow")? };
            if row >= row_count || (n > 0 && gap == 0) {
                return Err("row out of range or repeated".into());
            }
            let mask = reader.u24()?;
            let mut values = [0i16; TAG_COUNT];
            for (tag, value) in values.iter_mut().enumerate() {
                if mask & (1 << tag) != 0 {
                    *value = reader.i16()?;
                }
            }
            rows.push(values);
            index[row] = rows.len() as u32;
        }
        if reader.at != bytes.len() {
            return Err("trailing bytes".into());
        }
        Ok(Model { bits, index, rows })
    }

    /// Encodes the model: magic, format, feature version, tag count, bits, then the rows that
    /// are not all zero as (gap from the previous row, 24-bit mask of non-zero tags, the
    /// non-zero values), little-endian.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for value in [FORMAT_VERSION, FEATURE_VERSION, TAG_COUNT as u32, self.bits] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        let stored: Vec<usize> = (0..self.index.len())
            .filter(|&r| self.row(r).is_some_and(|row| row.iter().any(|&w| w != 0)))
            .collect();
        out.extend_from_slice(&(stored.len() as u32).to_le_bytes());
        let mut last = 0;
        for (n, &r) in stored.iter().enumerate() {
            let mut gap = if n == 0 { r } else { r - last };
            last = r;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            let row = self.row(r).copied().unwrap_or([0; TAG_COUNT]);
            let mask: u32 = row
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0)
                .map(|(t, _)| 1u32 << t)
                .sum();
            out.extend_from_slice(&mask.to_le_bytes()[..3]);
            for &w in row.iter().filter(|&&w| w != 0) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Row `r`, or `None` when it is all zero.
    fn row(&self, r: usize) -> Option<&[i16; TAG_COUNT]> {
        let slot = *self.index.get(r)?;
        if slot == 0 {
            return None;
        }
        self.rows.get(slot as usize - 1)
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("truncated model")?;
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
    fn bits(&self) -> u32 {
        self.0.bits
    }

    fn add(&self, feature: u32, scores: &mut [f32; TAG_COUNT]) {
        if let Some(row) = self.0.row(feature as usize) {
            for (score, &w) in scores.iter_mut().zip(row) {
                *score += f32::from(w);
            }
        }
    }
}

/// What a tag sequence must respect at token `i`: B and U need a capital letter, I and L a
/// capital, a number or a name's small word ([`may_continue`]).
fn allowed(context: &Context<'_, '_>, i: usize, tag: Tag) -> bool {
    match tag.part() {
        Part::Outside => true,
        Part::Begin | Part::Unit => may_open(context.words, i),
        Part::Inside | Part::Last => may_continue(context.words, i),
    }
}

const IMPOSSIBLE: f32 = f32::NEG_INFINITY;

/// Working space of the decoder, reused from line to line.
#[derive(Debug, Default)]
pub(crate) struct Lattice {
    best: Vec<[f32; TAG_COUNT]>,
    back: Vec<[u8; TAG_COUNT]>,
    token_features: Vec<u32>,
    transition_features: Vec<u32>,
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
    let bits = scorer.bits();
    let n = line.len();
    lattice.best.clear();
    lattice.back.clear();
    lattice.best.resize(n, [IMPOSSIBLE; TAG_COUNT]);
    lattice.back.resize(n, [0; TAG_COUNT]);
    let mut start_scores = [IMPOSSIBLE; TAG_COUNT];
    start_scores[0] = 0.0;
    for k in 0..n {
        let i = line.start + k;
        let previous = if k == 0 { start_scores } else { lattice.best[k - 1] };
        let opens = may_open(context.words, i);
        let mut emission: Option<[f32; TAG_COUNT]> = None;
        let mut best = [IMPOSSIBLE; TAG_COUNT];
        let mut back = [0u8; TAG_COUNT];
        for (p, &previous_score) in previous.iter().enumerate() {
            if previous_score == IMPOSSIBLE {
                continue;
            }
            let previous_tag = Tag(p as u8);
            if !opens && !previous_tag.is_open() {
                // Nothing open and nothing can open: O, unscored (see `path_features`).
                if previous_score > best[0] {
                    best[0] = previous_score;
                    back[0] = p as u8;
                }
                continue;
            }
            let emission = *emission.get_or_insert_with(|| {
                lattice.token_features.clear();
                token_features(context, i, history, bits, &mut lattice.token_features);
                let mut scores = [0f32; TAG_COUNT];
                for &f in &lattice.token_features {
                    scorer.add(f, &mut scores);
                }
                scores
            });
            lattice.transition_features.clear();
            transition_features(context, i, previous_tag, bits, &mut lattice.transition_features);
            let mut transition = [0f32; TAG_COUNT];
            for &f in &lattice.transition_features {
                scorer.add(f, &mut transition);
            }
            for c in 0..TAG_COUNT {
                let tag = Tag(c as u8);
                if !previous_tag.allows(tag) || !allowed(context, i, tag) {
                    continue;
                }
                let score = previous_score + transition[c] + emission[c];
                if score > best[c] {
                    best[c] = score;
                    back[c] = p as u8;
                }
            }
        }
        lattice.best[k] = best;
        lattice.back[k] = back;
    }
    if n == 0 {
        return;
    }
    // The line ends: only closed tags may be last.
    let (mut tag, _) = best_closed(&lattice.best[n - 1]);
    for k in (0..n).rev() {
        tags[line.start + k] = Tag(tag);
        tag = lattice.back[k][usize::from(tag)];
    }
}

/// The features a tag sequence scores at token `i` (whose tag is `tag`, after `previous`),
/// appended to `out`: none when nothing is open and the token cannot open anything, else the
/// token's and the transition's. The decoder scores exactly these; training updates them.
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
    transition_features(context, i, previous, bits, out);
}

/// The best state among O, L and U (ties to the lowest tag), and its score.
fn best_closed(scores: &[f32; TAG_COUNT]) -> (u8, f32) {
    let mut best = (0u8, scores[0]);
    for (t, &score) in scores.iter().enumerate() {
        if !Tag(t as u8).is_open() && score > best.1 {
            best = (t as u8, score);
        }
    }
    best
}

/// The lines of the document as token ranges.
pub(crate) fn lines(context: &Context<'_, '_>) -> Vec<std::ops::Range<usize>> {
    let tokens = &context.words.tokens;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].line_start {
            out.push(start..i);
            start = i;
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Tags every token of the document, line by line, each line with what earlier lines said.
pub(crate) fn decode<S: Scorer>(context: &Context<'_, '_>, scorer: &S) -> Vec<Tag> {
    let mut tags = vec![Tag::O; context.words.len()];
    let mut history = History::default();
    let mut lattice = Lattice::default();
    for line in lines(context) {
        decode_line(context, line.clone(), &history, scorer, &mut lattice, &mut tags);
        for i in line {
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
        let model = Model::new(bits, &weights).unwrap();
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.rows.len(), 3);
        for r in 0..1 << bits {
            let expected = &weights[r * TAG_COUNT..(r + 1) * TAG_COUNT];
            let got = back.row(r).map_or([0; TAG_COUNT], |row| *row);
            assert_eq!(got, expected);
        }
        assert_eq!(back.to_bytes(), bytes);
        for cut in [0, 7, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
    }

    #[test]
    fn the_compiled_in_model_loads() {
        assert!(MODEL.is_some(), "data/entity_tagger.bin is missing or stale: run newsextract-train");
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
