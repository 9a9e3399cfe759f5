"""Hugging Face's BertForMaskedLM forward pass written out in plain torch over a state dict with its parameter names.
Shared by make_tiny_bert.py (the tests' logits parity) and bench/cbert/reference.py (the CBERT bench's reference)."""
import math

import torch
import torch.nn.functional as F


def activation(x, act):
    if act == "gelu":
        return F.gelu(x)
    if act in ("gelu_new", "gelu_pytorch_tanh"):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))
    return F.relu(x)


def encode(sd, cfg, ids, types, mask):
    """Hidden states [batch, tokens, hidden] of the encoder (embeddings with token types, then every layer)."""
    H, L, NH, eps = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    act = cfg.get("hidden_act", "gelu")
    b, t = ids.shape
    x = sd["bert.embeddings.word_embeddings.weight"][ids] + sd["bert.embeddings.position_embeddings.weight"][:t][None] \
        + sd["bert.embeddings.token_type_embeddings.weight"][types]
    x = F.layer_norm(x, (H,), sd["bert.embeddings.LayerNorm.weight"], sd["bert.embeddings.LayerNorm.bias"], eps)
    ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    d = H // NH
    for l in range(L):
        p = f"bert.encoder.layer.{l}."
        lin = lambda h, n: F.linear(h, sd[p + n + ".weight"], sd[p + n + ".bias"])
        q = lin(x, "attention.self.query").view(b, t, NH, d).transpose(1, 2)
        k = lin(x, "attention.self.key").view(b, t, NH, d).transpose(1, 2)
        v = lin(x, "attention.self.value").view(b, t, NH, d).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + ext
        c = torch.matmul(s.softmax(-1), v).transpose(1, 2).reshape(b, t, H)
        a = F.layer_norm(lin(c, "attention.output.dense") + x, (H,), sd[p + "attention.output.LayerNorm.weight"],
                         sd[p + "attention.output.LayerNorm.bias"], eps)
        i = activation(lin(a, "intermediate.dense"), act)
        x = F.layer_norm(lin(i, "output.dense") + a, (H,), sd[p + "output.LayerNorm.weight"],
                         sd[p + "output.LayerNorm.bias"], eps)
    return x


def mlm_head(sd, cfg, h):
    """Vocabulary logits of hidden states (transform, LayerNorm, decoder tied to the word embeddings)."""
    H, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
    h = activation(F.linear(h, sd["cls.predictions.transform.dense.weight"], sd["cls.predictions.transform.dense.bias"]),
                   cfg.get("hidden_act", "gelu"))
    h = F.layer_norm(h, (H,), sd["cls.predictions.transform.LayerNorm.weight"], sd["cls.predictions.transform.LayerNorm.bias"], eps)
    return F.linear(h, sd["bert.embeddings.word_embeddings.weight"], sd["cls.predictions.bias"])
