//! The sequence tagger: an averaged perceptron over hashed features, decoded greedily left to
//! right with BILOU constraints. Its weights are compiled in (`data/entity_tagger.bin`, written
//! by `newsextract-train`) and decoded once per process.

use once_cell::sync::Lazy;

use super::features::{features, is_forced_outside, Context, History, Tag, FEATURE_VERSION, TAG_COUNT};

const MODEL_BYTES: &[u8] = include_bytes!("../../../data/entity_tagger.bin");
const MAGIC: &[u8; 8] = b"NXTAGGER";
const FORMAT_VERSION: u32 = 1;

/// The compiled-in model; `None` when the file is missing, damaged or was trained with other
/// features (a unit test makes sure it is not).
pub(crate) static MODEL: Lazy<Option<Model>> = Lazy::new(|| Model::from_bytes(MODEL_BYTES).ok());

/// Scores tokens for the decoder; training implements it to learn as it goes.
pub(crate) trait Scorer {
    /// Feature ids are below `2^bits`.
    fn bits(&self) -> u32;
    /// Adds the score of each tag given `features` to `scores`.
    fn score(&mut self, features: &[u32], scores: &mut [f32; TAG_COUNT]);
    /// Called with each scored token's features and the tag the decoder chose.
    fn observe(&mut self, _token: usize, _features: &[u32], _chosen: Tag) {}
}

/// Quantised weights: `2^bits` rows of [`TAG_COUNT`] 16-bit values.
#[derive(Debug)]
pub(crate) struct Model {
    bits: u32,
    weights: Vec<i16>,
}

impl Model {
    /// A model from dense weights.
    pub(crate) fn new(bits: u32, weights: Vec<i16>) -> Option<Model> {
        (bits <= 24 && weights.len() == (1usize << bits) * TAG_COUNT).then_some(Model { bits, weights })
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
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * TAG_COUNT];
        let stored = reader.u32()? as usize;
        let mut row = 0usize;
        for n in 0..stored {
            let gap = reader.varint()?;
            row = if n == 0 { gap } else { row.checked_add(gap).ok_or("row overflow")? };
            if row >= rows {
                return Err("row out of range".into());
            }
            let mask = reader.u24()?;
            for tag in 0..TAG_COUNT {
                if mask & (1 << tag) != 0 {
                    weights[row * TAG_COUNT + tag] = reader.i16()?;
                }
            }
        }
        if reader.at != bytes.len() {
            return Err("trailing bytes".into());
        }
        Ok(Model { bits, weights })
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
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| self.row(r).iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut last = 0;
        for (n, &r) in rows.iter().enumerate() {
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
            let row = self.row(r);
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

    fn row(&self, r: usize) -> &[i16] {
        self.weights.get(r * TAG_COUNT..(r + 1) * TAG_COUNT).unwrap_or(&[])
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

    fn score(&mut self, features: &[u32], scores: &mut [f32; TAG_COUNT]) {
        let mut sums = [0i32; TAG_COUNT];
        for &f in features {
            let start = f as usize * TAG_COUNT;
            if let Some(row) = self.0.weights.get(start..start + TAG_COUNT) {
                for (sum, &w) in sums.iter_mut().zip(row) {
                    *sum += i32::from(w);
                }
            }
        }
        for (score, sum) in scores.iter_mut().zip(sums) {
            *score += sum as f32;
        }
    }
}

/// Tags every token of the document, line by line, greedily left to right: tokens with no
/// capital letter outside an entity are O without scoring; every other token takes the best
/// tag the previous one allows; an entity still open at a line's end is closed there.
pub(crate) fn decode<S: Scorer>(context: &Context<'_, '_>, scorer: &mut S) -> Vec<Tag> {
    let words = context.words;
    let n = words.len();
    let bits = scorer.bits();
    let mut tags = vec![Tag::O; n];
    let mut history = History::default();
    let mut buffer = Vec::with_capacity(64);
    let (mut previous, mut before_previous) = (Tag::O, Tag::O);
    for i in 0..n {
        if i > 0 && words.tokens[i].line_start {
            tags[i - 1] = tags[i - 1].closed();
            previous = Tag::O;
            before_previous = Tag::O;
        }
        let tag = if is_forced_outside(words, i, previous) {
            Tag::O
        } else {
            buffer.clear();
            features(context, i, previous, before_previous, &history, bits, &mut buffer);
            let mut scores = [0f32; TAG_COUNT];
            scorer.score(&buffer, &mut scores);
            let mut best = None;
            for (t, &score) in scores.iter().enumerate() {
                let tag = Tag(t as u8);
                if previous.allows(tag) && best.is_none_or(|(_, s)| score > s) {
                    best = Some((tag, score));
                }
            }
            let chosen = best.map_or(Tag::O, |(tag, _)| tag);
            scorer.observe(i, &buffer, chosen);
            chosen
        };
        tags[i] = tag;
        history.record(context, i, tag);
        before_previous = previous;
        previous = tag;
    }
    if let Some(last) = tags.last_mut() {
        *last = last.closed();
    }
    tags
}

/// The entities in a tag sequence as (first token, end token exclusive, type index).
pub(crate) fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    use super::features::Part;
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
    use crate::extract::entities::features::Part;

    #[test]
    fn file_format_round_trips() {
        let bits = 10;
        let mut weights = vec![0i16; (1 << bits) * TAG_COUNT];
        weights[3] = 7;
        weights[5 * TAG_COUNT + 16] = -300;
        weights[1023 * TAG_COUNT] = i16::MAX;
        let model = Model::new(bits, weights.clone()).unwrap();
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.weights, weights);
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
