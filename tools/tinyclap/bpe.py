"""Byte-level BPE for tiny-clap: training, Hugging Face tokenizer.json writer, and an encoder
that reproduces what the Rust `tokenizers` library does with that file.

Pipeline (both here and in HF): Lowercase normaliser → prefix space → GPT-2 split regex →
bytes mapped to printable unicode → BPE merges applied lowest rank first.
"""
import collections
import json
from functools import lru_cache

import regex

SPECIAL_TOKENS = ["<s>", "<pad>", "</s>", "<unk>"]  # ids 0..3, as in the model contract
BOS_ID, PAD_ID, EOS_ID, UNK_ID = 0, 1, 2, 3

GPT2_SPLIT = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


@lru_cache(maxsize=1)
def bytes_to_unicode() -> dict:
    """GPT-2's reversible byte → printable character map (the ByteLevel alphabet)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {b: chr(c) for b, c in zip(printable, chars)}


def pre_tokenize(text: str) -> list:
    """Normalise and split text into byte-level 'words' (strings over the ByteLevel alphabet)."""
    text = text.lower()
    if not text:
        return []  # HF adds no prefix space to an empty string
    if not text.startswith(" "):
        text = " " + text
    byte_map = bytes_to_unicode()
    return ["".join(byte_map[b] for b in piece.encode("utf-8")) for piece in GPT2_SPLIT.findall(text)]


def _count_pairs(words: dict) -> collections.Counter:
    pairs = collections.Counter()
    for symbols, freq in words.items():
        for pair in zip(symbols, symbols[1:]):
            pairs[pair] += freq
    return pairs


def _merge_word(symbols: tuple, pair: tuple) -> tuple:
    merged, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            merged.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return tuple(merged)


def train_bpe(texts, vocab_size: int, min_frequency: int = 1) -> tuple:
    """Returns (vocab: token → id, merges: list of (left, right)) learned from texts.

    Ties between equally frequent pairs are broken lexicographically so training is deterministic.
    min_frequency 1 lets pairs seen once (the extra word list) merge too: the captions alone
    run out of repeated pairs at ~1500 tokens.
    """
    word_freq = collections.Counter()
    for text in texts:
        word_freq.update(pre_tokenize(text))
    words = {tuple(w): f for w, f in word_freq.items()}

    vocab = {tok: i for i, tok in enumerate(SPECIAL_TOKENS)}
    for ch in sorted(bytes_to_unicode().values()):
        vocab[ch] = len(vocab)
    merges = []
    while len(vocab) < vocab_size:
        pairs = _count_pairs(words)
        if not pairs:
            break
        best, freq = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
        if freq < min_frequency:
            break
        merges.append(best)
        vocab[best[0] + best[1]] = len(vocab)
        words = {_merge_word(s, best) if best[0] in s else s: f for s, f in words.items()}
    return vocab, merges


class ByteLevelBPE:
    def __init__(self, vocab: dict, merges: list):
        self.vocab = vocab
        self.merges = merges
        self.ranks = {tuple(pair): rank for rank, pair in enumerate(merges)}
        self._cache = {}

    @classmethod
    def from_tokenizer_json(cls, path) -> "ByteLevelBPE":
        with open(path, encoding="utf-8") as f:
            model = json.load(f)["model"]
        merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
        return cls(model["vocab"], merges)

    def _bpe(self, word: str) -> list:
        """Merge the lowest-ranked adjacent pair until none is mergeable (leftmost on ties)."""
        if word in self._cache:
            return self._cache[word]
        symbols = list(word)
        while len(symbols) > 1:
            ranked = [(self.ranks.get(p, float("inf")), i) for i, p in enumerate(zip(symbols, symbols[1:]))]
            rank, i = min(ranked)
            if rank == float("inf"):
                break
            symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
        self._cache[word] = symbols
        return symbols

    def encode(self, text: str) -> list:
        """Token ids of text without special tokens (HF `encode(text, add_special_tokens=False)`)."""
        return [self.vocab[tok] for word in pre_tokenize(text) for tok in self._bpe(word)]

    def tokens(self, text: str) -> list:
        return [tok for word in pre_tokenize(text) for tok in self._bpe(word)]

    def to_tokenizer_json(self) -> dict:
        """The Hugging Face tokenizers serialisation (tokenizers >= 0.13 schema)."""
        byte_level = {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True}
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [
                {"id": i, "content": tok, "single_word": False, "lstrip": False, "rstrip": False,
                 "normalized": False, "special": True}
                for i, tok in enumerate(SPECIAL_TOKENS)
            ],
            "normalizer": {"type": "Lowercase"},
            "pre_tokenizer": byte_level,
            "post_processor": None,
            "decoder": byte_level,
            "model": {
                "type": "BPE",
                "dropout": None,
                "unk_token": None,
                "continuing_subword_prefix": None,
                "end_of_word_suffix": None,
                "fuse_unk": False,
                "byte_fallback": False,
                "vocab": self.vocab,
                # "left right" strings: byte-level symbols never contain a space, and every
                # tokenizers version parses this form.
                "merges": [f"{a} {b}" for a, b in self.merges],
            },
        }

    def save(self, path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_tokenizer_json(), f, ensure_ascii=False, indent=1)
            f.write("\n")
