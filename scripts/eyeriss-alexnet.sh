#!/usr/bin/env bash
# Per-layer AlexNet CONV figures on the eyeriss preset (batch 4, 200 MHz, row stationary), for comparison with
# the published Eyeriss measurements. Prints the heuristic mapping and the mapping searched on the same chip.
# Usage: scripts/eyeriss-alexnet.sh [path/to/dna-cli]   (default: build/release/bin/dna-cli)
set -euo pipefail
cli=${1:-build/release/bin/dna-cli}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" evaluate --network alexnet --platform eyeriss --batch 4 --json --out "$tmp/chip.json" >"$tmp/heuristic.json"
"$cli" hwsearch --network alexnet --platform eyeriss --batch 4 --accelerator "$tmp/chip.json" --objective energy \
  --iters 20000 --algo das --seed 1 --json >"$tmp/searched.json"
python3 - "$tmp/heuristic.json" "$tmp/searched.json" <<'PY'
import json, sys
for label, path in (("heuristic mapping", sys.argv[1]), ("searched mapping (das, energy)", sys.argv[2])):
    doc = json.load(open(path))
    print(f"## {label}")
    print("| layer | latency ms | PE util | DRAM MB | GB MB | chip energy mJ | chip power mW | bound |")
    print("|---|---|---|---|---|---|---|---|")
    tot = dict(ms=0, dram=0, gb=0, chip=0, macs=0)
    for l in doc["layers"][:5]:
        e = l["energy_pj"]
        chip = e["mac"] + e["rf"] + e["noc"] + e["gb"]
        dram = sum(l["dram_words"]["reads"].values()) + sum(l["dram_words"]["writes"].values())
        gbw = e["gb"] / 6.0  # GB accesses: energy / 6 pJ per 16-bit access on this preset
        ms = l["latency_ms"]
        tot["ms"] += ms; tot["dram"] += dram; tot["gb"] += gbw; tot["chip"] += chip; tot["macs"] += l["macs"]
        print(f"| {l['name']} | {ms:.1f} | {l['utilization']*100:.0f}% | {dram*2/1e6:.1f} | {gbw*2/1e6:.1f} | "
              f"{chip*1e-9:.2f} | {chip*1e-12/(ms*1e-3)*1e3:.0f} | {l['bound']} |")
    print(f"| CONV1-5 | {tot['ms']:.1f} ({4/(tot['ms']/1e3):.1f} fps) | | {tot['dram']*2/1e6:.1f} "
          f"({tot['dram']/tot['macs']:.4f} accesses/MAC) | {tot['gb']*2/1e6:.1f} | {tot['chip']*1e-9:.2f} | "
          f"{tot['chip']*1e-12/(tot['ms']*1e-3)*1e3:.0f} | |")
    print()
PY
