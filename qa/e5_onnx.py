"""The e5-small encoder as an ONNX graph for onnxruntime, serialized here (no `onnx` package).

Per layer: onnxruntime's fused `Attention` (float32 Q/K/V projection, padded keys masked by the
sequence lengths), then the three other projections (attention output, FFN in, FFN out) as int8
matmuls: each row (token) of the activations is divided by its own max |value|, quantized to u8
with one fixed step (so a row's result never depends on the other rows of the batch), multiplied
by int8 weights with one scale per output column (`MatMulIntegerToFloat`), and scaled back by
its row max. The FFN input (a LayerNorm output with a few large channels) is first smoothed:
channel k is divided by s_k and weight row k multiplied by s_k, with s_k from the LayerNorm's
own gain and bias and the weights (SmoothQuant, alpha 0.75, data-free). On CPUs with AMX or
VNNI these matmuls run several times faster than float32, and vectors stay within cosine 0.9995
of the float32 ones; where the int8 kernels could saturate (x86 without VNNI), all matmuls stay
float32.
"""

from __future__ import annotations

import functools
import platform
import struct
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from qa.fast_e5 import _Model

SMOOTH_ALPHA = 0.75  # SmoothQuant migration strength for the FFN input
LN_SPAN = 3.0  # a LayerNorm output channel reaches about |gain| * 3 + |bias|
_ELEM = {np.dtype(np.float32): 1, np.dtype(np.uint8): 2, np.dtype(np.int8): 3}


@functools.cache
def int8_is_exact() -> bool:
    """True where onnxruntime's u8 x s8 matmul cannot saturate: x86 with VNNI or AMX, or ARM.
    (AVX2 without VNNI adds u8 x s8 pairs in int16 and may clip; there we stay in float32.)"""
    machine = platform.machine().lower()
    if machine in ("aarch64", "arm64"):
        return True
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            flags = next((line for line in fh if line.startswith("flags")), "").split()
    except OSError:
        return False
    return bool({"avx512_vnni", "avx_vnni", "amx_int8"} & set(flags))


def encoder_graph(m: _Model, int8: bool = True) -> bytes:
    """Serialized ONNX model: input `x` (B, L, H) after the embedding LayerNorm, `len` (B,)
    int32 sequence lengths; output `y` (B, L, H), the last hidden states. `int8=False` keeps
    every matmul in float32."""
    H, nodes, inits = m.H, [], []

    def w(name: str, arr: np.ndarray) -> str:
        inits.append(_tensor(name, np.ascontiguousarray(arr)))
        return name

    def linear(p: str, inp: str, weight: np.ndarray, out: str, ln=None) -> None:
        """out = inp @ weight: int8 (per-row activations, per-column weights) or float32.
        `ln`, the (gain, bias) of the LayerNorm that produced `inp`, turns on smoothing."""
        if not int8:
            nodes.append(_node("MatMul", [inp, w(p + "w", weight)], out))
            return
        if ln is not None:
            span = np.abs(ln[0]) * LN_SPAN + np.abs(ln[1])
            smooth = (span**SMOOTH_ALPHA / np.abs(weight).max(1) ** (1 - SMOOTH_ALPHA)).astype(
                np.float32
            )
            weight = weight * smooth[:, None]
            nodes.append(_node("Mul", [inp, w(p + "unsmooth", 1.0 / smooth)], p + "in"))
            inp = p + "in"
        col_scale = np.maximum(np.abs(weight).max(0), 1e-12) / 127.0
        q = np.round(weight / col_scale).astype(np.int8)
        nodes.extend([
            _node("Abs", [inp], p + "abs"),
            _node("ReduceMax", [p + "abs"], p + "amax", _ints("axes", [-1])),
            _node("Max", [p + "amax", "tiny"], p + "rowscale"),
            _node("Div", [inp, p + "rowscale"], p + "unit"),
            _node("QuantizeLinear", [p + "unit", "step", "zero"], p + "q"),
            _node("MatMulIntegerToFloat", [p + "q", w(p + "wq", q), "step",
                  w(p + "ws", col_scale.astype(np.float32)), "zero"], p + "dot", ms=True),
            _node("Mul", [p + "dot", p + "rowscale"], out),
        ])  # fmt: skip

    w("tiny", np.array(1e-12, np.float32))
    w("step", np.array(1 / 127, np.float32))  # rows in [-1, 1] -> u8 1..255 around 128
    w("zero", np.array(128, np.uint8))
    x, unscale = "x", np.float32(np.sqrt(H // m.NH))  # Attention applies 1/sqrt(hd) itself
    for i, ly in enumerate(m.layers):
        p, eps = f"l{i}.", _attr("epsilon", float(m.eps))
        wqkv, bqkv = ly.wqkv.copy(), ly.bqkv.copy()
        wqkv[:, :H] *= unscale
        bqkv[:H] *= unscale
        out = "y" if i == len(m.layers) - 1 else p + "x2"
        gain, bias = ly.ln1
        nodes.append(_node("Attention", [x, w(p + "wqkv", wqkv), w(p + "bqkv", bqkv), "len"],
                           p + "ctx", _attr("num_heads", m.NH), ms=True))  # fmt: skip
        linear(p + "ao.", p + "ctx", ly.wo, p + "ao")
        ln1 = [w(p + "g1", gain), w(p + "b1", bias), w(p + "bo", ly.bo)]
        nodes.append(_node("SkipLayerNormalization", [p + "ao", x, *ln1], p + "x1", eps, ms=True))
        linear(p + "fi.", p + "x1", ly.wi, p + "h", ly.ln1)
        nodes.append(_node("BiasGelu", [p + "h", w(p + "bi", ly.bi)], p + "g", ms=True))
        linear(p + "fo.", p + "g", ly.wf, p + "f")
        ln2 = [w(p + "g2", ly.ln2[0]), w(p + "b2", ly.ln2[1]), w(p + "bf", ly.bf)]
        nodes.append(_node("SkipLayerNormalization", [p + "f", p + "x1", *ln2], out, eps, ms=True))
        x = out
    graph = b"".join(
        [_fld(1, n) for n in nodes]
        + [_fld(2, b"e5"), *[_fld(5, t) for t in inits]]
        + [_fld(11, _value("x", 1, ["B", "L", H])), _fld(11, _value("len", 6, ["B"]))]
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


def _ints(name: str, vals: list[int]) -> bytes:
    """AttributeProto: INTS (type 7)."""
    return _fld(1, name) + b"".join(_int(8, v) for v in vals) + _int(20, 7)


def _node(op: str, inputs: list[str], output: str, *attrs: bytes, ms: bool = False) -> bytes:
    """NodeProto; `ms` puts it in onnxruntime's com.microsoft domain."""
    dom = _fld(7, "com.microsoft") if ms else b""
    body = b"".join(_fld(1, i) for i in inputs) + _fld(2, output) + _fld(4, op) + dom
    return body + b"".join(_fld(5, a) for a in attrs)


def _tensor(name: str, arr: np.ndarray) -> bytes:
    dims = b"".join(_int(1, d) for d in arr.shape)
    return dims + _int(2, _ELEM[arr.dtype]) + _fld(8, name) + _fld(9, arr.tobytes())


def _value(name: str, elem: int, shape: list[int | str]) -> bytes:
    dims = b"".join(_fld(1, _fld(2, d) if isinstance(d, str) else _int(1, d)) for d in shape)
    return _fld(1, name) + _fld(2, _fld(1, _int(1, elem) + _fld(2, dims)))
