//! Word tokens with byte spans (filled by the entity pass work).
