"""The e5-small encoder as an ONNX graph for onnxruntime, serialized here (no `onnx` package).

Every projection (Q/K/V, attention output, FFN in, FFN out) can run as an int8 matmul
(`MatMulIntegerToFloat`): each row (token) of the activations is divided by its own max |value|
(so a row's result never depends on the other rows of the batch) and quantized to 7 bits
(u8 in 0..127), the weights to int8 with one scale per output column. Seven-bit activations
keep every pair of u8 x s8 products within int16 (127 * 127 * 2 = 32258 <= 32767), so the AVX2
kernels (vpmaddubsw, which saturates at int16) compute exactly what the VNNI/AMX ones do: the
same vectors on every x86 CPU. Inputs coming out of a LayerNorm (a few channels much larger than
the rest) are first smoothed: channel k is divided by s_k and weight row k multiplied by s_k,
with s_k from the LayerNorm's own gain and bias and the weights (SmoothQuant, data-free). The
GELU output (never below GELU_MIN) is shifted to be non-negative, which gives its 7 bits one
sign less to spend; the shift comes back as a constant in the next bias. Attention itself
(`MultiHeadAttention`, padded keys masked by the sequence lengths) stays float32.
`int8=False` keeps every matmul float32 (fused `Attention`), for comparison.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

ACT_MAX = 127  # activations quantized to 0..127 (7 bits): no int16 overflow in u8 x s8 pairs
WEIGHT_MAX = 127  # weights quantized to -127..127 per output column
SMOOTH_ALPHA = 0.75  # SmoothQuant migration strength for LayerNorm outputs
LN_SPAN = 3.0  # a LayerNorm output channel reaches about |gain| * 3 + |bias|
GELU_MIN = 0.17  # GELU(x) >= -0.16997 for every x
QK_INT8 = False
V_INT8 = False
GELU_SHIFT = True
QKV_ACT = 127
NORM = "ln"
GELU = "FastGelu"
QKV_W = 127
QKV_SMOOTH = True
_ELEM = {np.dtype(np.int32): 6,
    np.dtype(np.float32): 1, np.dtype(np.uint8): 2, np.dtype(np.int8): 3, np.dtype(np.int64): 7
}


@dataclass
class Layer:
    """One encoder layer's float32 weights, matrices laid out (in, out)."""

    wqkv: np.ndarray  # (H, 3H): query, key, value; the query part pre-scaled by 1/sqrt(head_dim)
    bqkv: np.ndarray
    wo: np.ndarray
    bo: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]  # (gain, bias) after attention
    wi: np.ndarray
    bi: np.ndarray
    wf: np.ndarray
    bf: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]  # (gain, bias) after the FFN


@dataclass
class Encoder:
    """The BERT encoder stack: sizes, the embedding LayerNorm (feeds layer 0) and the layers."""

    H: int
    NH: int
    eps: float
    emb_ln: tuple[np.ndarray, np.ndarray]
    layers: list[Layer]


def quantize_weight(weight: np.ndarray, wmax: int) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights (-wmax..wmax) and their float32 scale per output column."""
    col_scale = (np.maximum(np.abs(weight).max(0), 1e-12) / wmax).astype(np.float32)
    return np.round(weight / col_scale).astype(np.int8), col_scale


def smoothing(ln: tuple[np.ndarray, np.ndarray], weight: np.ndarray) -> np.ndarray:
    """SmoothQuant factor per input channel of a matmul fed by a LayerNorm (gain, bias)."""
    span = np.abs(ln[0]) * LN_SPAN + np.abs(ln[1])
    return (span**SMOOTH_ALPHA / np.abs(weight).max(1) ** (1 - SMOOTH_ALPHA)).astype(np.float32)


def encoder_graph(enc: Encoder, int8: bool = True) -> bytes:
    """Serialized ONNX model: input `x` (B, L, H) after the embedding LayerNorm, `len` (B,)
    int32 sequence lengths; output `y` (B, L, H), the last hidden states."""
    H, nodes, inits = enc.H, [], []

    def w(name: str, arr: np.ndarray) -> str:
        inits.append(_tensor(name, np.ascontiguousarray(arr)))
        return name

    def linear(p: str, inp: str, weight: np.ndarray, out: str, ln=None, shift=0.0,
               act_max=None, weight_max=None, quant=None) -> np.ndarray:
        """out = (inp + shift) @ weight, int8 or float32; returns shift @ weight, the part of
        the result the next bias must take back. `ln`, the (gain, bias) of the LayerNorm that
        produced `inp`, turns on smoothing; `shift` >= -min(inp) makes the input non-negative."""
        quant = int8 if quant is None else quant
        if not quant:
            nodes.append(_node("MatMul", [inp, w(p + "w", weight)], out))
            return np.zeros(weight.shape[1], np.float32)
        if ln is not None:
            smooth = smoothing(ln, weight)
            weight = weight * smooth[:, None]
            nodes.append(_node("Mul", [inp, w(p + "unsmooth", 1.0 / smooth)], p + "in"))
            inp = p + "in"
        q, col_scale = quantize_weight(weight, weight_max or WEIGHT_MAX)
        act_max = act_max or ACT_MAX
        half = act_max // 2
        step_s = w(p + "step", np.array(1 / half, np.float32))
        zero_s = w(p + "zero", np.array(half + 1, np.uint8))
        step_p = w(p + "stepp", np.array(1 / act_max, np.float32))
        if shift:
            shift_name = w(p + "shift", np.array(shift, np.float32))
            nodes.append(_node("Add", [inp, shift_name], p + "pos"))
            nodes.append(_node("ReduceMax", [p + "pos"], p + "amax", _ints("axes", [-1])))
            inp, step, zero = p + "pos", step_p, "zero_pos"
        else:
            nodes.append(_node("Abs", [inp], p + "abs"))
            nodes.append(_node("ReduceMax", [p + "abs"], p + "amax", _ints("axes", [-1])))
            step, zero = step_s, zero_s
        nodes.extend([
            _node("Max", [p + "amax", "tiny"], p + "rowscale"),
            _node("Div", [inp, p + "rowscale"], p + "unit"),
            _node("QuantizeLinear", [p + "unit", step, zero], p + "q"),
            _node("MatMulIntegerToFloat", [p + "q", w(p + "wq", q), step,
                  w(p + "ws", col_scale), zero], p + "dot", ms=True),
            _node("Mul", [p + "dot", p + "rowscale"], out),
        ])  # fmt: skip
        return (shift * (q.astype(np.float32) * col_scale).sum(0)).astype(np.float32)

    def add_norm(p: str, inp: str, skip: str, bias: np.ndarray, ln, out: str) -> None:
        """out = LayerNorm(inp + bias + skip)."""
        eps = _attr("epsilon", float(enc.eps))
        gb = [w(p + "g", ln[0]), w(p + "b", ln[1])]
        if NORM == "sln":
            nodes.append(_node("SkipLayerNormalization", [inp, skip, *gb, w(p + "bias", bias)],
                               out, eps, ms=True))  # fmt: skip
            return
        nodes.append(_node("Add", [inp, w(p + "bias", bias)], p + "biased"))
        nodes.append(_node("Add", [p + "biased", skip], p + "sum"))
        nodes.append(_node("LayerNormalization", [p + "sum", *gb], out, eps, _int_attr("axis", -1)))

    w("tiny", np.array(1e-12, np.float32))
    half = ACT_MAX // 2
    w("step", np.array(1 / half, np.float32))  # rows in [-1, 1] -> 1..ACT_MAX around half + 1
    w("zero", np.array(half + 1, np.uint8))
    w("step_pos", np.array(1 / ACT_MAX, np.float32))  # rows in [0, 1] -> 0..ACT_MAX
    w("zero_pos", np.array(0, np.uint8))
    x, prev_ln = "x", enc.emb_ln
    for i, ly in enumerate(enc.layers):
        p = f"l{i}."
        out = "y" if i == len(enc.layers) - 1 else p + "x2"
        qk_int8 = QK_INT8 and int8
        v_int8 = V_INT8 and int8
        if qk_int8 == v_int8:
            linear(p + "qkv.", x, ly.wqkv, p + "qkv", prev_ln, quant=qk_int8)
            split = [p + "qkv", w(p + "sp", np.array([H] * 3, np.int64))]
            nodes.append(_node("Split", split, [p + "q", p + "k", p + "v"], _attr("axis", 2)))
        else:
            linear(p + "qk.", x, ly.wqkv[:, : 2 * H], p + "qk", prev_ln, quant=qk_int8)
            linear(p + "v.", x, ly.wqkv[:, 2 * H :], p + "v", prev_ln if QKV_SMOOTH else None,
                   quant=v_int8)
            split = [p + "qk", w(p + "sp", np.array([H] * 2, np.int64))]
            nodes.append(_node("Split", split, [p + "q", p + "k"], _attr("axis", 2)))
        mha = [p + "q", p + "k", p + "v", w(p + "bqkv", ly.bqkv)]
        nodes.append(_node("MultiHeadAttention", mha, p + "ctx", _attr("num_heads", enc.NH),
                           _attr("scale", 1.0), ms=True))  # fmt: skip
        linear(p + "ao.", p + "ctx", ly.wo, p + "ao")
        add_norm(p + "n1.", p + "ao", x, ly.bo, ly.ln1, p + "x1")
        linear(p + "fi.", p + "x1", ly.wi, p + "h", ly.ln1)
        nodes.append(_node(GELU, [p + "h", w(p + "bi", ly.bi)], p + "g", ms=True))
        taken = linear(p + "fo.", p + "g", ly.wf, p + "f", shift=GELU_MIN if GELU_SHIFT else 0.0)
        add_norm(p + "n2.", p + "f", p + "x1", ly.bf - taken, ly.ln2, out)
        x, prev_ln = out, ly.ln2
    graph = b"".join(
        [_fld(1, n) for n in nodes]
        + [_fld(2, b"e5"), *[_fld(5, t) for t in inits]]
        + [_fld(11, _value("x", 1, ["B", "L", H]))]
        + [_fld(12, _value("y", 1, ["B", "L", H]))]
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


def _int_attr(name: str, v: int) -> bytes:
    return _attr(name, v)


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
