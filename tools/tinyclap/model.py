"""tiny-clap: a small CLAP-style audio/text dual encoder with ONNX-friendly building blocks."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# Fixed affine normalisation of dB log-mels, baked into the audio graph so that the JVM feeds
# raw contract features. Values are the typical mean/spread of the training features.
FEATURE_MEAN_DB = -45.0
FEATURE_STD_DB = 20.0
MAX_TEXT_POSITIONS = 64


class ConvBlock(nn.Module):
    def __init__(self, c_in: int, c_out: int, pool: tuple, convs: int):
        super().__init__()
        layers = []
        for i in range(convs):
            layers += [nn.Conv2d(c_in if i == 0 else c_out, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()]
        if pool != (1, 1):
            layers.append(nn.AvgPool2d(pool))
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)


class AudioEncoder(nn.Module):
    """[B, 1, T, n_mels] dB → [B, D]. Global pooling over time makes any T ≥ 8 frames valid.

    Narrow channels and single convs at high resolution on purpose: the model trains on a
    shared 2-core CPU, where a 32..256-channel double-conv stack ran ~10x slower.
    """

    def __init__(self, n_mels: int = 64, channels=(16, 32, 64, 128), convs=(1, 1, 1, 2), embed_dim: int = 256):
        super().__init__()
        pools = [(2, 2), (2, 2), (2, 2), (1, 2)]
        c_ins = (1,) + tuple(channels[:-1])
        self.blocks = nn.Sequential(*[ConvBlock(c_in, c_out, pool, n)
                                      for c_in, c_out, pool, n in zip(c_ins, channels, pools, convs)])
        self.proj = nn.Sequential(nn.Linear(2 * channels[-1], embed_dim), nn.GELU(), nn.Linear(embed_dim, embed_dim))

    def forward(self, input_features):
        x = (input_features - FEATURE_MEAN_DB) / FEATURE_STD_DB
        x = self.blocks(x)            # [B, C, T', F']
        x = x.mean(dim=3)             # collapse frequency
        pooled = torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1)
        return self.proj(pooled)


class SelfAttention(nn.Module):
    """Multi-head attention written with plain matmuls (exports to a clean ONNX graph)."""

    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads = heads
        self.head_dim = hidden // heads
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.out = nn.Linear(hidden, hidden)

    def forward(self, x, key_bias):
        b, l, h = x.shape
        q, k, v = self.qkv(x).reshape(b, l, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.head_dim) + key_bias  # [B, heads, L, L]
        context = scores.softmax(dim=-1) @ v                                      # [B, heads, L, hd]
        return self.out(context.transpose(1, 2).reshape(b, l, h))


class TransformerLayer(nn.Module):
    def __init__(self, hidden: int, heads: int, dropout: float, mlp_ratio: int = 2):
        super().__init__()
        self.norm1 = nn.LayerNorm(hidden)
        self.attn = SelfAttention(hidden, heads)
        self.norm2 = nn.LayerNorm(hidden)
        self.mlp = nn.Sequential(nn.Linear(hidden, mlp_ratio * hidden), nn.GELU(), nn.Linear(mlp_ratio * hidden, hidden))
        self.drop = nn.Dropout(dropout)

    def forward(self, x, key_bias):
        x = x + self.drop(self.attn(self.norm1(x), key_bias))
        return x + self.drop(self.mlp(self.norm2(x)))


class TextEncoder(nn.Module):
    """inputs_embeds [B, L, H] + attention_mask [B, L] (int64) → [B, D].

    Token embeddings are looked up outside (they ship as token_embeddings.f32) so that learned
    prompt context vectors can be spliced in between real tokens.
    """

    def __init__(self, hidden: int = 256, layers: int = 4, heads: int = 4, embed_dim: int = 256, dropout: float = 0.1):
        super().__init__()
        self.positions = nn.Parameter(torch.randn(MAX_TEXT_POSITIONS, hidden) * 0.02)
        self.layers = nn.ModuleList([TransformerLayer(hidden, heads, dropout) for _ in range(layers)])
        self.final_norm = nn.LayerNorm(hidden)
        self.proj = nn.Linear(hidden, embed_dim)

    def forward(self, inputs_embeds, attention_mask):
        length = inputs_embeds.shape[1]
        x = inputs_embeds + self.positions[:length].unsqueeze(0)
        mask = attention_mask.to(inputs_embeds.dtype)                        # [B, L]
        key_bias = ((1.0 - mask) * -1e9)[:, None, None, :]                   # [B, 1, 1, L]
        for layer in self.layers:
            x = layer(x, key_bias)
        x = self.final_norm(x)
        pooled = (x * mask.unsqueeze(-1)).sum(dim=1) / mask.sum(dim=1, keepdim=True).clamp(min=1.0)
        return self.proj(pooled)


class TinyClap(nn.Module):
    def __init__(self, vocab_size: int, hidden: int = 256, embed_dim: int = 256, n_mels: int = 64):
        super().__init__()
        self.token_embeddings = nn.Embedding(vocab_size, hidden)
        nn.init.normal_(self.token_embeddings.weight, std=0.02)
        self.audio = AudioEncoder(n_mels=n_mels, embed_dim=embed_dim)
        self.text = TextEncoder(hidden=hidden, embed_dim=embed_dim)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def scale(self):
        """exp(logit_scale), clamped to ≤ 100 like CLIP."""
        return self.logit_scale.exp().clamp(max=100.0)

    def embed_text_ids(self, ids, attention_mask):
        return self.text(self.token_embeddings(ids), attention_mask)
