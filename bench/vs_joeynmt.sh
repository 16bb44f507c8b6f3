#!/usr/bin/env bash
# Ours against Joey NMT 2.3.0, side by side on this machine: same data, same model dimensions (bidirectional
# GRU 256 encoder, GRU 512 decoder with Bahdanau attention and input feeding, Joey's own 8k sentencepiece
# model as the vocabulary of both sides, token batches of 4096), alternating runs, several rounds.
#
#   bash bench/vs_joeynmt.sh MODEL_DIR [ROUNDS=3] [TRAIN_STEPS=30]
#
# MODEL_DIR: our trained model of Joey's dimensions (recipes/multi30k_en_de_cpu60.yaml, untied 512-wide
# output layer like Joey's; training also runs that recipe) for the translation rounds; Joey translates with its shipped
# 60-minute model. Both translation commands are timed whole (loading included), on test_2016_flickr.
# Needs ../shared (Multi30k and the Joey peer; run ../shared/peers/joeynmt/setup.sh once).
# Env: THREADS (default 2), WORK (default /tmp/vs_joeynmt), SHARED (default ../shared). Prints each ratio (ours / Joey) with min,
# median and max; the last line of stdout is one JSON object. Never run it next to another busy process.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd); shared=$(cd "${SHARED:-$repo/../shared}" && pwd)
model=${1:?usage: vs_joeynmt.sh MODEL_DIR [ROUNDS] [TRAIN_STEPS]}; rounds=${2:-3}; steps=${3:-30}
threads=${THREADS:-2}; work=${WORK:-/tmp/vs_joeynmt}; joey="$shared/peers/joeynmt"
export OMP_NUM_THREADS=$threads
mkdir -p "$work"; results="$work/results.jsonl"; : > "$results"
cd "$repo"
[ -f data/multi30k/train.en ] || python3 data_scripts/prepare_multi30k.py --out data/multi30k --source "$shared/data/multi30k"
zcat "$shared/data/multi30k/test_2016_flickr.en.gz" > "$work/test.en"
zcat "$shared/data/multi30k/test_2016_flickr.de.gz" > "$work/test.de"
bash "$joey/bench.sh" prepare "$work/joey" > /dev/null

record() { # $1 = system, $2 = measure, $3 = value, $4 = extra JSON fields
  [ -n "$3" ] || { echo "no $2 measured for $1: see the logs in $work" >&2; exit 1; }
  echo "{\"system\": \"$1\", \"measure\": \"$2\", \"value\": $3${4:+, $4}}" >> "$results"; echo "  $1 $2: $3"; }
max_rss() { grep "Maximum resident" "$1" | awk '{print $6 / 1024}'; }
seconds_of() { python3 -c "import sys, time; s = time.perf_counter(); import subprocess; \
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(time.perf_counter() - s)" "$@"; }

for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds"
  # training: Joey's median logged target tokens/s against ours over the same number of updates
  # Joey exits non-zero after training (it tests a best.ckpt that a run without validation never writes),
  # so its own log is read: the median of its logged target tokens/s, the first log point skipped, as bench.sh does
  /usr/bin/time -v bash "$joey/bench.sh" train "$work/joey" "$steps" > "$work/joey_train.out" 2> "$work/joey_train.time" || true
  record joey train_tokens_per_s "$(grep -o 'Tokens per Sec: *[0-9]*' "$work/joey/train.log" | awk '{print $4}' | tail -n +2 \
    | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')" \
    "\"peak_rss_mib\": $(max_rss "$work/joey_train.time"), \"losses\": [$(grep -o 'Batch Loss: *[0-9.]*' "$work/joey/train.log" | awk '{printf "%s%s", s, $3; s=", "}')]"
  /usr/bin/time -v python3 bench/train_speed.py recipes/multi30k_en_de_cpu60.yaml --steps "$steps" --threads "$threads" \
    --work "$work/ours_train" --set "data.sentencepiece.src_model=$joey/model/spm8k.model" \
    > "$work/ours_train.out" 2> "$work/ours_train.time"
  ours=$(tail -n 1 "$work/ours_train.out")
  record ours train_tokens_per_s "$(echo "$ours" | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_tokens_per_s"])')" \
    "\"peak_rss_mib\": $(max_rss "$work/ours_train.time"), \"losses\": $(echo "$ours" | python3 -c 'import json,sys; print(json.load(sys.stdin)["losses"])')"
  # translation of test_2016_flickr: whole commands, beam 5 and greedy
  for beam in 5 1; do
    t=$(seconds_of bash "$joey/bench.sh" translate "$work/joey" "$work/test.en" "$beam")
    record joey "beam${beam}_sentences_per_s" "$(python3 -c "print(round(1000 / $t, 2))")"
    cp "$work/joey/hyp.beam$beam.txt" "$work/joey.beam$beam.de"
    t=$(seconds_of python3 -m seq2seq translate --model "$model" --input "$work/test.en" --output "$work/ours.beam$beam.de" --beam-size "$beam" -q)
    record ours "beam${beam}_sentences_per_s" "$(python3 -c "print(round(1000 / $t, 2))")"
  done
  t=$(seconds_of python3 -m seq2seq translate --model "$model" --input "$work/test.en" --output "$work/ours.beam5.int8.de" --beam-size 5 --int8 -q)
  record ours "beam5_int8_sentences_per_s" "$(python3 -c "print(round(1000 / $t, 2))")"
done

python3 - "$results" "$work" <<'PY'
import json, statistics, sys
import sacrebleu
rows = [json.loads(line) for line in open(sys.argv[1])]
work = sys.argv[2]
def values(system, measure):
    return [r["value"] for r in rows if r["system"] == system and r["measure"] == measure]
summary = {}
print("\nratio ours / Joey NMT (min, median, max over rounds, each round's runs side by side)")
for measure in ("train_tokens_per_s", "beam5_sentences_per_s", "beam1_sentences_per_s"):
    ratios = [o / j for o, j in zip(values("ours", measure), values("joey", measure))]
    summary[measure] = {"ours": values("ours", measure), "joey": values("joey", measure),
                        "ratio_min": round(min(ratios), 2), "ratio_median": round(statistics.median(ratios), 2),
                        "ratio_max": round(max(ratios), 2)}
    print(f"  {measure}: {summary[measure]['ratio_min']}x / {summary[measure]['ratio_median']}x / "
          f"{summary[measure]['ratio_max']}x  (ours median {statistics.median(values('ours', measure))}, "
          f"Joey median {statistics.median(values('joey', measure))})")
int8 = [i / f for i, f in zip(values("ours", "beam5_int8_sentences_per_s"), values("ours", "beam5_sentences_per_s"))]
summary["int8_over_fp32_beam5"] = round(statistics.median(int8), 2)
print(f"  ours int8 / fp32 beam 5: median {summary['int8_over_fp32_beam5']}x")
rss = {s: max(r["peak_rss_mib"] for r in rows if r["system"] == s and "peak_rss_mib" in r) for s in ("ours", "joey")}
summary["train_peak_rss_mib"] = rss
print(f"  training peak RSS: ours {rss['ours']:.0f} MiB, Joey {rss['joey']:.0f} MiB")
losses = {s: next(r["losses"] for r in rows if r["system"] == s and "losses" in r) for s in ("ours", "joey")}
steps = list(range(10, 10 * len(losses["joey"]) + 1, 10))
summary["train_loss_at_steps"] = {"steps": steps, "joey": losses["joey"], "ours": [round(losses["ours"][s - 1], 4) for s in steps]}
print(f"  training loss (label-smoothed, per token) at steps {steps}: Joey {losses['joey']}, "
      f"ours {summary['train_loss_at_steps']['ours']}")
refs = [line.rstrip("\n") for line in open(f"{work}/test.de", encoding="utf-8")]
for name in ("joey.beam5", "joey.beam1", "ours.beam5", "ours.beam1", "ours.beam5.int8"):
    hyps = [line.rstrip("\n") for line in open(f"{work}/{name}.de", encoding="utf-8")]
    summary[f"bleu_{name}"] = round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)
print("  BLEU (test_2016_flickr): " + ", ".join(f"{k[5:]} {v}" for k, v in summary.items() if k.startswith("bleu_")))
print(json.dumps({"bench": "vs_joeynmt", **summary}, sort_keys=True))
PY
