#!/usr/bin/env bash
# Dev figures of `trainer extract`: both dev sets, all files together and each file alone.
# usage: bash bench/dev_scores.sh [SHARED_DIR]   (prints one line per set and mode)
set -euo pipefail
S=${1:-$(dirname "$0")/../../shared}
T=${TRAINER:-trainer}
tmp=$(mktemp -d)
for set in seed ntrex; do
  if [ $set = seed ]; then files=("$S"/articles/*.txt); gold=$S/gold/dev_terms.tsv; else files=("$S"/corpus/ntrex-dev/articles/*.txt); gold=$S/corpus/ntrex-dev/gold.tsv; fi
  $T extract --json "${files[@]}" > "$tmp/all.jsonl"
  echo "$set together: $(python3 "$S/gold/score_terms.py" "$gold" "$tmp/all.jsonl")"
  : > "$tmp/alone.jsonl"
  for f in "${files[@]}"; do $T extract --json "$f" >> "$tmp/alone.jsonl"; done
  echo "$set alone:    $(python3 "$S/gold/score_terms.py" "$gold" "$tmp/alone.jsonl")"
done
rm -r "$tmp"
