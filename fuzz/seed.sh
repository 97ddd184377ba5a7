#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the golden articles, so the
# fuzzers start from real news text instead of discovering it byte by byte.
#
#   fuzz/seed.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
articles=../tests/articles
mkdir -p corpus/extract corpus/extract_dated corpus/jsonl corpus/builder
for file in "$articles"/*.txt; do
  name=$(basename "$file" .txt)
  cp "$file" "corpus/extract/$name"
  # extract_dated: four bytes of date (year 2023 little-endian, month 5, day 9), then the text.
  { printf '\xe7\x07\x05\x09'; cat "$file"; } > "corpus/extract_dated/$name"
done
# jsonl: a flags byte (0: strict UTF-8, no limit, byte offsets), then JSON Lines of the
# articles, a few at a time, with good and bad records mixed in.
python3 - "$articles" <<'PY'
import json, pathlib, sys
articles = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
texts = [p.read_text(encoding="utf-8") for p in articles]
bad = ['not json', '{"id": 2}', '{"id": 3, "text": 5}', '{"text": "x", "date": "2023-02-30"}', '[1]']
out = pathlib.Path("corpus/jsonl")
for i in range(0, len(texts), 3):
    lines = [json.dumps({"id": i + j, "text": t, "date": "2023-05-09"}, ensure_ascii=j % 2 == 0)
             for j, t in enumerate(texts[i:i + 3])]
    lines.insert(1, bad[(i // 3) % len(bad)])
    (out / f"seed{i:03}").write_bytes(bytes([i % 16]) + "\n".join(lines).encode("utf-8") + b"\n")
PY
echo "seeded: $(ls corpus/extract | wc -l) extract, $(ls corpus/jsonl | wc -l) jsonl"
