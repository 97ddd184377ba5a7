//! Runs of ASCII letters, or letters and digits, found eight bytes at a time.
//!
//! Words are most of a text, and a byte loop spends a compare and a branch on each of their
//! bytes; these read eight bytes as one little-endian `u64` and test them with bit tricks. The
//! time tokenizer reads letter runs, the quote pass letter-and-digit runs.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `x` (eight bytes of text, little-endian) that is an ASCII
/// letter.
#[inline]
pub(crate) fn letters_mask(x: u64) -> u64 {
    // High bits cleared, every byte is at most 0x7F: the additions below never carry into the
    // next byte. The high bit of each byte then says "at least" or "past" a bound.
    let lower = (x | (ONES * 0x20)) & !HIGH;
    let from_a = lower + ONES * (0x80 - u64::from(b'a'));
    let past_z = lower + ONES * (0x80 - u64::from(b'z') - 1);
    // ASCII (high bit of `x` clear), at least 'a', not past 'z'.
    from_a & !past_z & !x & HIGH
}

/// The high bit of each byte of `x` (eight bytes of text, little-endian) that is an ASCII
/// letter or digit.
#[inline]
pub(crate) fn alphanumeric_mask(x: u64) -> u64 {
    let low = x & !HIGH;
    let from_0 = low + ONES * (0x80 - u64::from(b'0'));
    let past_9 = low + ONES * (0x80 - u64::from(b'9') - 1);
    letters_mask(x) | (from_0 & !past_9 & !x & HIGH)
}

/// The first index from `i` (below `limit`) whose byte `mask` (eight at a time) and `byte`
/// (one at a time, for the tail) do not accept, or `limit`.
#[inline]
fn run_end(
    bytes: &[u8],
    mut i: usize,
    limit: usize,
    mask: impl Fn(u64) -> u64,
    byte: impl Fn(&u8) -> bool,
) -> usize {
    let limit = limit.min(bytes.len());
    while i + 8 <= limit {
        let Some(Ok(chunk)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) else {
            break;
        };
        let accepted = mask(u64::from_le_bytes(chunk));
        if accepted != HIGH {
            // Little-endian: the lowest clear high bit is the first other byte.
            return i + ((!accepted & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < limit && byte(&bytes[i]) {
        i += 1;
    }
    i
}

/// The first index from `i` whose byte is not an ASCII letter, or the length.
pub(crate) fn letters_end(bytes: &[u8], i: usize) -> usize {
    run_end(bytes, i, bytes.len(), letters_mask, u8::is_ascii_alphabetic)
}

/// The first index from `i` (below `limit`) whose byte is not an ASCII letter or digit, or
/// `limit` (at most the length).
pub(crate) fn alphanumeric_end(bytes: &[u8], i: usize, limit: usize) -> usize {
    run_end(
        bytes,
        i,
        limit,
        alphanumeric_mask,
        u8::is_ascii_alphanumeric,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: a byte loop.
    fn slow(bytes: &[u8], mut i: usize, limit: usize, byte: fn(&u8) -> bool) -> usize {
        while i < limit.min(bytes.len()) && byte(&bytes[i]) {
            i += 1;
        }
        i
    }

    #[test]
    fn runs_end_where_a_byte_loop_ends_them() {
        // Every byte value after runs of every length up to 20 (the letters' and digits'
        // neighbours '/', ':', '@', '[', '`', '{' and every non-ASCII byte among them), with
        // limits inside and past the text.
        for len in 0..20 {
            for b in 0..=255u8 {
                let mut bytes: Vec<u8> = (0..len).map(|k| b"aZ09mY"[k % 6]).collect();
                bytes.push(b);
                bytes.extend_from_slice(b"abc123defghijklmnopq");
                for start in 0..bytes.len() {
                    assert_eq!(
                        letters_end(&bytes, start),
                        slow(&bytes, start, bytes.len(), u8::is_ascii_alphabetic),
                        "{bytes:?} from {start}"
                    );
                    for limit in [len, len + 1, len + 9, bytes.len(), bytes.len() + 5] {
                        assert_eq!(
                            alphanumeric_end(&bytes, start, limit),
                            slow(&bytes, start, limit, u8::is_ascii_alphanumeric),
                            "{bytes:?} from {start} to {limit}"
                        );
                    }
                }
            }
        }
        for text in [
            "abc@def",
            "abcdefg[hij",
            "abcdefgh`ij",
            "ABCDEFGH{IJ",
            "Zoë’s",
            "",
        ] {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                assert_eq!(
                    letters_end(bytes, start),
                    slow(bytes, start, bytes.len(), u8::is_ascii_alphabetic),
                    "{text:?} from {start}"
                );
            }
        }
    }
}
