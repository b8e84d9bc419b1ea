#!/usr/bin/env bash
# AlexNet CONV1-5 on the eyeriss preset (batch 4, 200 MHz, row stationary) beside the published Eyeriss chip
# measurements, layer by layer: the heuristic mapping and the mapping searched for energy on the same chip.
# The layers carry the chip's measured fractions of zero input activations, so the preset's run-length coding
# of DRAM traffic and zero gating apply; a layer's outputs take the next layer's fraction (CONV5's are not
# published and stay uncoded). The preset's partial double buffering (a second copy only of the tiles the innermost
# DRAM loop changes) is on. The search is regularized evolution, 400k evaluations, for energy (about 4 s).
# Usage: scripts/eyeriss-alexnet.sh [path/to/dna-cli]   (default: build/release/bin/dna-cli)
set -euo pipefail
cli=${1:-build/release/bin/dna-cli}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" evaluate --network alexnet --platform eyeriss --batch 4 --json --out "$tmp/plain.json" >/dev/null
python3 - "$tmp/plain.json" "$tmp/alexnet-zeros.json" <<'PY'
import json, sys
# Zeros in ifmaps, CONV1-5 (Chen et al., JSSC 2017, the AlexNet CONV table), as fractions.
zeros = [0.0001, 0.387, 0.725, 0.793, 0.776]
net = json.load(open(sys.argv[1]))["network"]
net["layers"] = net["layers"][:5]
for i, layer in enumerate(net["layers"]):
    layer["zeros"] = {"inputs": zeros[i], "outputs": zeros[i + 1] if i + 1 < len(zeros) else 0.0}
json.dump(net, open(sys.argv[2], "w"))
PY
"$cli" evaluate --network "$tmp/alexnet-zeros.json" --platform eyeriss --batch 4 --json --out "$tmp/chip.json" \
  >"$tmp/heuristic.json"
"$cli" hwsearch --network "$tmp/alexnet-zeros.json" --platform eyeriss --batch 4 --accelerator "$tmp/chip.json" \
  --objective energy --iters 400000 --algo evolution --seed 1 --json >"$tmp/searched.json"
python3 - "$tmp/heuristic.json" "$tmp/searched.json" <<'PY'
import json, sys
# Chen et al., "Eyeriss: An Energy-Efficient Reconfigurable Accelerator for Deep Convolutional Neural Networks",
# IEEE JSSC 52(1), 2017: AlexNet CONV layers at 1 V, 200 MHz, batch 4 (transcribed in cucapra/fodlam,
# data/eyeriss-alexnet.csv). Processing latency excludes configuration; the table's total of the per-layer
# processing latencies is 103.5 ms, 0.5 ms more than their sum.
chip = {  # power mW, processing latency ms, total latency ms, active PEs, GB MB, DRAM MB
    "CONV1": (332, 16.5, 20.9, 154, 18.5, 5.0),
    "CONV2": (288, 39.2, 41.9, 135, 77.6, 4.0),
    "CONV3": (266, 21.3, 23.6, 156, 50.2, 3.0),
    "CONV4": (235, 16.0, 18.4, 156, 37.4, 2.1),
    "CONV5": (236, 10.0, 10.5, 156, 24.9, 1.3),
}
chip_total = dict(power=278, ms=115.3, gb=208.5, dram=15.4)

def pct(model, published):
    return f"{(model / published - 1) * 100:+.0f}%"

for label, path in (("heuristic mapping", sys.argv[1]), ("searched mapping (evolution, energy, 400k)", sys.argv[2])):
    doc = json.load(open(path))
    print(f"## {label}: model / chip")
    print("| layer | processing latency ms | active PEs | DRAM MB | GB MB | chip power mW | bound |")
    print("|---|---|---|---|---|---|---|")
    tot = dict(ms=0, dram=0, gb=0, chip=0, macs=0)
    for l, (name, pub) in zip(doc["layers"], chip.items()):
        power, proc_ms, _, pes, gb_mb, dram_mb = pub
        e = l["energy_pj"]
        energy = e["mac"] + e["rf"] + e["noc"] + e["gb"]  # on chip: no DRAM
        dram = (sum(l["dram_words"]["reads"].values()) + sum(l["dram_words"]["writes"].values())) * 2 / 1e6
        gb = e["gb"] / 6.0 * 2 / 1e6  # GB accesses: energy / 6 pJ per 16-bit access on this preset
        ms = l["latency_ms"]
        mw = energy * 1e-12 / (ms * 1e-3) * 1e3
        active = l["utilization"] * 168
        tot["ms"] += ms; tot["dram"] += dram; tot["gb"] += gb; tot["chip"] += energy; tot["macs"] += l["macs"]
        print(f"| {name} | {ms:.1f} / {proc_ms} ({pct(ms, proc_ms)}) | {active:.0f} / {pes} | "
              f"{dram:.1f} / {dram_mb} ({pct(dram, dram_mb)}) | {gb:.1f} / {gb_mb} ({pct(gb, gb_mb)}) | "
              f"{mw:.0f} / {power} ({pct(mw, power)}) | {l['bound']} |")
    mw = tot["chip"] * 1e-12 / (tot["ms"] * 1e-3) * 1e3
    accesses = tot["dram"] / 2 * 1e6 / tot["macs"]
    print(f"| CONV1-5 | {tot['ms']:.1f} / 103.5 processing, {chip_total['ms']} in all | | "
          f"{tot['dram']:.1f} / {chip_total['dram']} ({pct(tot['dram'], chip_total['dram'])}; {accesses:.4f} / "
          f"{chip_total['dram'] / 2 * 1e6 / tot['macs']:.4f} accesses per MAC) | {tot['gb']:.0f} / {chip_total['gb']} | "
          f"{mw:.0f} / {chip_total['power']} ({pct(mw, chip_total['power'])}) | |")
    print()
PY
