#!/usr/bin/env python3
"""Rebuilds the plain text of one NewsReader MEANTIME article (CAT XML, tokens only) for a
golden test article: the title on the first line, a blank line, the Wikinews date line, then
one body sentence per line (the CAT files keep sentences but not paragraphs).

    python3 scripts/meantime_article.py ../shared/data/meantime_en/intra-doc_annotation/corpus_apple/NAME.xml > tests/articles/NAME.txt

MEANTIME: CC BY 4.0 (FBK, VU Amsterdam, UPV/EHU); the text is from Wikinews, CC BY 2.5.
"""

import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "$", "#"}


def detokenize(tokens):
    out = ""
    quote_open = False
    glue_next = False
    for token in tokens:
        if token == '"':
            if quote_open:
                out += '"'
            else:
                out += ('' if not out else ' ') + '"'
                glue_next = True
            quote_open = not quote_open
            continue
        if out and not glue_next and token not in NO_SPACE_BEFORE:
            out += " "
        out += token
        glue_next = token in NO_SPACE_AFTER
    return out


def main(path):
    root = ET.parse(path).getroot()
    sentences = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    title, date, body = lines[0], lines[1], lines[2:]
    sys.stdout.write(title + "\n\n" + date + "\n\n" + "\n".join(body) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
