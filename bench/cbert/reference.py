"""PyTorch 1.13 reference for the CBERT bench: the same augmentation forward pass as ours (mask 1/7 of each
sentence's pieces, batched BERT encoder, MLM head on the masked positions, softmax sampling with one seeded
generator per row), on the same model and corpus. Prints sentences/s.
Usage: reference.py MODEL_DIR CORPUS_TSV THREADS NUM_AUG BATCH [multinomial|cdf]"""
import json
import math
import os
import random
import struct
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tests/Augment.Torch.Tests/Text/CondBert"))
import bert_reference  # noqa: E402  (the BertForMaskedLM forward pass the tests check our logits against)

model_dir, corpus_path, threads, num_aug, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(threads)
CDF = len(sys.argv) > 6 and sys.argv[6] == "cdf"
cfg = json.load(open(f"{model_dir}/config.json"))
H, L, NH, eps = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
raw = open(f"{model_dir}/model.safetensors", "rb").read()
n = struct.unpack("<Q", raw[:8])[0]
header = json.loads(raw[8:8 + n])
sd = {k: torch.from_numpy(np.frombuffer(raw, dtype="<f4", count=math.prod(v["shape"]) if v["shape"] else 1,
                                        offset=8 + n + v["data_offsets"][0]).reshape(v["shape"]).copy())
      for k, v in header.items() if k != "__metadata__"}
vocab = {w: i for i, w in enumerate(open(f"{model_dir}/vocab.txt").read().split("\n")) if w}
labels = json.load(open(f"{model_dir}/cbert.json"))["labels"]
special = torch.zeros(len(vocab))
for w, i in vocab.items():
    if w.startswith("[") or w.startswith("##"):
        special[i] = float("-inf")
corpus = [line.rstrip("\n").split("\t", 1) for line in open(corpus_path)]


def encode(ids, types, mask):
    return bert_reference.encode(sd, cfg, ids, types, mask)


def head(h):
    return bert_reference.mlm_head(sd, cfg, h)


def augment(sentences):
    rows = []
    for si, (label, text) in enumerate(sentences):
        pieces = [vocab.get(w, vocab["[UNK]"]) for w in text.split()]
        for v in range(num_aug):
            r = random.Random(si * 1000 + v)
            m = max(1, round(len(pieces) / 7))
            pos = sorted(r.sample(range(len(pieces)), m))
            ids = [vocab["[CLS]"]] + pieces + [vocab["[SEP]"]]
            for p in pos:
                ids[p + 1] = vocab["[MASK]"]
            rows.append((ids, labels.index(label), [p + 1 for p in pos], si * 1000 + v))
    out = []
    with torch.no_grad():
        for s in range(0, len(rows), batch):
            chunk = rows[s:s + batch]
            t = max(len(r[0]) for r in chunk)
            ids = torch.tensor([r[0] + [0] * (t - len(r[0])) for r in chunk])
            types = torch.tensor([[r[1]] * len(r[0]) + [0] * (t - len(r[0])) for r in chunk])
            mask = torch.tensor([[1] * len(r[0]) + [0] * (t - len(r[0])) for r in chunk])
            hidden = encode(ids, types, mask)
            flat = torch.tensor([b * t + p for b, r in enumerate(chunk) for p in r[2]])
            logits = head(hidden.reshape(-1, H).index_select(0, flat)) / 1.0 + special
            probs = logits.softmax(1)
            o = 0
            for r in chunk:
                g = torch.Generator().manual_seed(r[3])
                p = probs[o:o + len(r[2])]
                if CDF:  # one uniform per row, inverse CDF (what ours does)
                    cdf = p.double().cumsum(1)
                    u = torch.rand((p.shape[0], 1), generator=g, dtype=torch.float64) * cdf[:, -1:]
                    out.append(torch.searchsorted(cdf, u, right=True).clamp_max(p.shape[1] - 1).view(-1).tolist())
                else:  # torch.multinomial, as the CBERT reference code samples
                    out.append(torch.multinomial(p, 1, True, generator=g).view(-1).tolist())
                o += len(r[2])
    return out


augment(corpus[:32])
start = time.perf_counter()
res = augment(corpus)
assert len(res) == len(corpus) * num_aug
print(f"{len(corpus) / (time.perf_counter() - start):.2f}")

if __import__("os").environ.get("CBERT_PROFILE") == "1":
    rows_time = {"encode": 0.0, "head": 0.0}
    with torch.no_grad():
        for s in range(0, len(corpus) * num_aug, batch):
            chunk = [corpus[(s + j) // num_aug] for j in range(batch) if s + j < len(corpus) * num_aug]
            t = max(len(c[1].split()) + 2 for c in chunk)
            ids = torch.tensor([[2] + [vocab[w] for w in c[1].split()] + [3] + [0] * (t - len(c[1].split()) - 2) for c in chunk])
            mask = (ids != 0).long()
            t0 = time.perf_counter()
            h = encode(ids, torch.zeros_like(ids), mask)
            rows_time["encode"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            flat = torch.tensor([b * t + 1 + k for b in range(len(chunk)) for k in range(3)])
            head(h.reshape(-1, H).index_select(0, flat)).softmax(1).sum().item()
            rows_time["head"] += time.perf_counter() - t0
    print(f"encode {rows_time['encode']*1000:.0f} ms, head+softmax {rows_time['head']*1000:.0f} ms", file=sys.stderr)
