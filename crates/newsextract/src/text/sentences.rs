//! Sentence splitting inside body paragraphs (filled by the structure pass work).
