"""Writes a tiny random BertForMaskedLM in Hugging Face's naming, plus PyTorch's logits on a fixed input.

Used by BertCheckpointTests (python3-torch from Debian; transformers is not needed: the forward pass below is
Hugging Face's BertForMaskedLM written out in plain torch). Usage: make_tiny_bert.py OUT_DIR [ACT]
"""
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert_reference import encode, mlm_head  # noqa: E402
import safetensors_file  # noqa: E402

FORWARD = sys.argv[1] == "--forward"  # --forward DIR: PyTorch logits of DIR's model.safetensors on DIR's input.json
out = sys.argv[2] if FORWARD else sys.argv[1]
act = "gelu" if FORWARD else (sys.argv[2] if len(sys.argv) > 2 else "gelu")
os.makedirs(out, exist_ok=True)
torch.manual_seed(1234)

V, H, L, NH, I, P, T = 40, 16, 2, 4, 24, 32, 2
eps = 1e-12
if FORWARD:
    c = json.load(open(os.path.join(out, "config.json")))
    V, H, L, NH, I, P, T = (c["vocab_size"], c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"],
                            c["intermediate_size"], c["max_position_embeddings"], c["type_vocab_size"])
    act, eps = c["hidden_act"], c["layer_norm_eps"]
cfg = dict(architectures=["BertForMaskedLM"], model_type="bert", vocab_size=V, hidden_size=H, num_hidden_layers=L,
           num_attention_heads=NH, intermediate_size=I, hidden_act=act, hidden_dropout_prob=0.1,
           attention_probs_dropout_prob=0.1, max_position_embeddings=P, type_vocab_size=T, layer_norm_eps=eps,
           pad_token_id=0, position_embedding_type="absolute")
if not FORWARD:
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)

vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + [f"w{i}" for i in range(V - 5)]
if not FORWARD:
    with open(os.path.join(out, "vocab.txt"), "w") as f:
        f.write("\n".join(vocab) + "\n")


def r(*shape, scale=0.5):
    return torch.randn(*shape) * scale


sd = {}
sd["bert.embeddings.word_embeddings.weight"] = r(V, H)
sd["bert.embeddings.position_embeddings.weight"] = r(P, H)
sd["bert.embeddings.token_type_embeddings.weight"] = r(T, H)
sd["bert.embeddings.LayerNorm.weight"] = 1 + r(H, scale=0.1)
sd["bert.embeddings.LayerNorm.bias"] = r(H, scale=0.1)
for l in range(L):
    p = f"bert.encoder.layer.{l}."
    for name in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"]:
        sd[p + name + ".weight"] = r(H, H)
        sd[p + name + ".bias"] = r(H, scale=0.1)
    sd[p + "attention.output.LayerNorm.weight"] = 1 + r(H, scale=0.1)
    sd[p + "attention.output.LayerNorm.bias"] = r(H, scale=0.1)
    sd[p + "intermediate.dense.weight"] = r(I, H)
    sd[p + "intermediate.dense.bias"] = r(I, scale=0.1)
    sd[p + "output.dense.weight"] = r(H, I)
    sd[p + "output.dense.bias"] = r(H, scale=0.1)
    sd[p + "output.LayerNorm.weight"] = 1 + r(H, scale=0.1)
    sd[p + "output.LayerNorm.bias"] = r(H, scale=0.1)
sd["cls.predictions.transform.dense.weight"] = r(H, H)
sd["cls.predictions.transform.dense.bias"] = r(H, scale=0.1)
sd["cls.predictions.transform.LayerNorm.weight"] = 1 + r(H, scale=0.1)
sd["cls.predictions.transform.LayerNorm.bias"] = r(H, scale=0.1)
sd["cls.predictions.bias"] = r(V, scale=0.1)
if FORWARD:
    raw = open(os.path.join(out, "model.safetensors"), "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    sd = {}
    for k, v in header.items():
        if k == "__metadata__" or v["dtype"] != "F32":
            continue
        b0, b1 = v["data_offsets"]
        sd[k] = torch.frombuffer(bytearray(raw[8 + n + b0:8 + n + b1]), dtype=torch.float32).reshape(v["shape"])


def forward(ids, types, mask):
    return mlm_head(sd, cfg, encode(sd, cfg, ids, types, mask))


ids = torch.tensor([[2, 7, 9, 11, 4, 13, 3], [2, 21, 4, 30, 3, 0, 0]])
if FORWARD:
    inp = json.load(open(os.path.join(out, "input.json")))
    ids, types, mask = torch.tensor(inp["ids"]), torch.tensor(inp["types"]), torch.tensor(inp["mask"])
    with torch.no_grad():
        logits = forward(ids, types, mask)
    with open(os.path.join(out, "logits_check.f32"), "wb") as f:
        f.write(logits.contiguous().numpy().astype("<f4").tobytes())
    print("ok")
    sys.exit(0)
types = torch.tensor([[0, 0, 0, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0, 0]])
mask = torch.tensor([[1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0, 0]])
with torch.no_grad():
    logits = forward(ids, types, mask)
with open(os.path.join(out, "input.json"), "w") as f:
    json.dump(dict(ids=ids.tolist(), types=types.tolist(), mask=mask.tolist(), shape=list(logits.shape)), f)
with open(os.path.join(out, "logits.f32"), "wb") as f:
    f.write(logits.contiguous().numpy().astype("<f4").tobytes())

# PyTorch .bin as save_pretrained wrote it (zip format, tied decoder weight and position_ids buffer included).
binsd = dict(sd)
binsd["cls.predictions.decoder.weight"] = sd["bert.embeddings.word_embeddings.weight"]
binsd["cls.predictions.decoder.bias"] = sd["cls.predictions.bias"]
binsd["bert.embeddings.position_ids"] = torch.arange(P)[None]
torch.save(binsd, os.path.join(out, "pytorch_model.bin"))

# safetensors written by hand (the safetensors package is not in Debian 12): tied decoder weight omitted.
stsd = dict(sd)
stsd["bert.embeddings.position_ids"] = torch.arange(P)[None]
safetensors_file.write(os.path.join(out, "model.safetensors"),
                      {k: ("F32" if t.dtype == torch.float32 else "I64", t.shape, t.contiguous().numpy().tobytes())
                       for k, t in stsd.items()}, {"format": "pt"})
print("ok")
