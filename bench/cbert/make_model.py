"""Writes a random BERT-mini-shaped conditional BERT (4 layers, 256 hidden, 4 heads, 1024 feed-forward, 30522
pieces, 2 labels) in Hugging Face naming plus a synthetic labelled corpus. Usage: make_model.py OUT_DIR [SENTENCES]"""
import json
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tests/Augment.Torch.Tests/Text/CondBert"))
import safetensors_file  # noqa: E402

out = sys.argv[1]
n_sentences = int(sys.argv[2]) if len(sys.argv) > 2 else 512
os.makedirs(out, exist_ok=True)
V, H, L, NH, I, P, T = 30522, 256, 4, 4, 1024, 512, 2
rng = random.Random(0)
specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
words = set()
while len(words) < V - len(specials):
    words.add("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))))
vocab = specials + sorted(words)
with open(os.path.join(out, "vocab.txt"), "w") as f:
    f.write("\n".join(vocab) + "\n")
cfg = dict(architectures=["BertForMaskedLM"], model_type="bert", vocab_size=V, hidden_size=H, num_hidden_layers=L,
           num_attention_heads=NH, intermediate_size=I, hidden_act="gelu", hidden_dropout_prob=0.1,
           attention_probs_dropout_prob=0.1, max_position_embeddings=P, type_vocab_size=T, layer_norm_eps=1e-12,
           pad_token_id=0)
with open(os.path.join(out, "config.json"), "w") as f:
    json.dump(cfg, f, indent=2)
with open(os.path.join(out, "cbert.json"), "w") as f:
    json.dump({"format": 1, "labels": ["neg", "pos"]}, f)

g = np.random.default_rng(0)
shapes = {
    "bert.embeddings.word_embeddings.weight": (V, H), "bert.embeddings.position_embeddings.weight": (P, H),
    "bert.embeddings.token_type_embeddings.weight": (T, H), "bert.embeddings.LayerNorm.weight": (H,),
    "bert.embeddings.LayerNorm.bias": (H,), "cls.predictions.transform.dense.weight": (H, H),
    "cls.predictions.transform.dense.bias": (H,), "cls.predictions.transform.LayerNorm.weight": (H,),
    "cls.predictions.transform.LayerNorm.bias": (H,), "cls.predictions.bias": (V,),
}
for l in range(L):
    p = f"bert.encoder.layer.{l}."
    for n in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"]:
        shapes[p + n + ".weight"] = (H, H)
        shapes[p + n + ".bias"] = (H,)
    shapes[p + "intermediate.dense.weight"] = (I, H)
    shapes[p + "intermediate.dense.bias"] = (I,)
    shapes[p + "output.dense.weight"] = (H, I)
    shapes[p + "output.dense.bias"] = (H,)
    for n in ["attention.output.LayerNorm", "output.LayerNorm"]:
        shapes[p + n + ".weight"] = (H,)
        shapes[p + n + ".bias"] = (H,)
tensors = {}
for k in sorted(shapes):  # name order: the random draws follow it
    a = (np.ones(shapes[k]) if k.endswith("LayerNorm.weight") else g.normal(0, 0.02, shapes[k])).astype("<f4")
    tensors[k] = ("F32", shapes[k], a.tobytes())
safetensors_file.write(os.path.join(out, "model.safetensors"), tensors)

common = sorted(words)[:5000]
with open(os.path.join(out, "corpus.tsv"), "w") as f:
    for i in range(n_sentences):
        n = rng.randint(8, 30)
        f.write(("pos" if i % 2 else "neg") + "\t" + " ".join(rng.choice(common) for _ in range(n)) + "\n")
print(out)
