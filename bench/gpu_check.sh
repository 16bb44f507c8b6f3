#!/usr/bin/env bash
# The CUDA path in one go, on a machine with a GPU (under 8 minutes on one): the CUDA-marked tests, the
# reference recipe's training speed in fp32 and bf16 (target tokens/s over 200 updates), and beam-5
# translation of test_2016_flickr (sentences/s) with a model trained 200 updates on that GPU.
#
#   bash bench/gpu_check.sh          # needs data/multi30k (python data_scripts/prepare_multi30k.py --out data/multi30k)
#
# Env: THREADS (CPU threads, default 4). Exits at once, saying so, without a CUDA device.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-4}
python3 -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 'no CUDA device: nothing to check here')"
python3 -c "import torch; p = torch.cuda.get_device_properties(0); print(f'{p.name}, {p.total_memory / 2**30:.0f} GiB, torch {torch.__version__}, cuDNN {torch.backends.cudnn.version()}')"
[ -f data/multi30k/train.en ] || { echo "needs data/multi30k: python data_scripts/prepare_multi30k.py --out data/multi30k" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== CUDA tests"
python3 -m pytest -q -m cuda tests/test_cuda.py

echo "== training speed, recipes/multi30k_en_de_gru.yaml, 200 updates after 10 of warm-up"
for precision in fp32 bf16; do
  mkdir -p "$work/speed_$precision"
  python3 bench/train_speed.py recipes/multi30k_en_de_gru.yaml --steps 200 --warmup 10 --threads "$threads" \
      --work "$work/speed_$precision" --set "training.precision=$precision" 2>/dev/null | tail -1 \
    | python3 -c "import json, sys; r = json.loads(sys.stdin.read()); print(f\"$precision: {r['target_tokens_per_s']:.0f} target tokens/s, {r['seconds_per_step']} s per update\")"
done

echo "== beam 5 translation of test_2016_flickr with a model trained 200 updates here"
seq2seq train recipes/multi30k_en_de_gru.yaml --set "model_dir=$work/model" --set training.max_steps=200 \
    --set training.valid_every=200 --set "training.threads=$threads" > "$work/train.log" 2>&1
python3 bench/translate_speed.py "$work/model" --src data/multi30k/test2016.en --ref data/multi30k/test2016.de \
    --beams 5 --precisions fp32 --device cuda --threads "$threads" | grep -v '^{'
