"""Build tiny Argos packages in a test, so the engine runs its real code path offline.

A package here is what the Argos index serves: a zip (``.argosmodel``) with
one folder holding ``metadata.json``, a CTranslate2 model in ``model/`` and a
``sentencepiece.model`` trained on a few sentences. Two kinds of model:

* ``"copy"``: weights set by hand so the model copies its input token by
  token, with a cross-attention that looks exactly at the source token it
  copies. Output is predictable (the input, in the target package's
  tokens), and the attention is a perfect alignment, so tests can check that
  codes land around the very words they wrapped.
* ``"random"``: a small Transformer with random weights. It emits garbage of
  any length, which is what the property tests want: whatever comes out, the
  codes must survive.

``build_tiny_package(tmp_dir, src="nl", tgt="en", version="1.0")`` returns the
path of the ``.argosmodel``; install it with ``pipeline.engines.argos.packages.install_from_files``
(argostranslate's own installer). The bench builds a full-size model with the
same helpers.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

Behaviour = Literal["copy", "random"]

LANGUAGE_NAMES = {"nl": "Dutch", "en": "English", "fr": "French"}

CORPUS = (
    "De kat slaapt op de mat.",
    "Magnesium helpt bij stress en vermoeidheid.",
    "Lees meer over slaap en voeding in ons artikel.",
    "Het verlagen van cortisolpieken kost tijd.",
    "Le chat dort sur le tapis.",
    "Le magnésium aide contre le stress et la fatigue.",
    "Lisez notre article sur le sommeil et l'alimentation.",
    "Abaisser les pics de cortisol prend du temps.",
    "The cat sleeps on the mat.",
    "Magnesium helps against stress and fatigue.",
    "Read more about sleep and nutrition in our article.",
    "Lowering cortisol peaks takes time.",
    "Zeer goed werk vandaag, dank je wel!",
    "Très bon travail aujourd'hui, merci beaucoup !",
    "Very good work today, thank you very much!",
)


def train_sentencepiece(
    sentences: Iterable[str], vocab_size: int = 400, *, byte_fallback: bool = True
) -> bytes:
    """A SentencePiece model trained on ``sentences``, as the bytes of its file.

    Byte fallback (as recent Argos models have) means no character is ever
    unknown; the vocabulary stops where the sentences run out of pieces.
    """
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(list(sentences)),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        byte_fallback=byte_fallback,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def vocabulary(sp_model: bytes) -> list[str]:
    """The CTranslate2 vocabulary for a SentencePiece model, as OpenNMT-py builds it."""
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    return ["<blank>"] + [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _linear(spec: Any, weight: np.ndarray, bias: np.ndarray | None = None) -> None:
    spec.weight = weight.astype(np.float32)
    if bias is not None:
        spec.bias = bias.astype(np.float32)


def _norm(spec: Any, width: int) -> None:
    spec.gamma = np.ones(width, np.float32)
    spec.beta = np.zeros(width, np.float32)


def copy_spec(vocab: Sequence[str], *, positions: int = 1024, position_dims: int = 64) -> Any:
    """A one-layer Transformer that copies its source, attending exactly to what it copies.

    The residual stream is ``[token one-hot | position code]``. Position codes
    are random unit vectors, nearly orthogonal, so the decoder's step ``t``
    cross-attends to source position ``t`` alone; the attended value is that
    source token's one-hot, which the output layer emits. The source gets an
    end token appended (``add_source_eos``), so copying it stops decoding.
    Self-attention and feed-forward layers are zero.
    """
    from ctranslate2.specs import transformer_spec

    size = len(vocab)
    width = size + position_dims
    rng = np.random.default_rng(7)
    codes = rng.standard_normal((positions, position_dims))
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    position_table = np.zeros((positions, width), np.float32)
    position_table[:, size:] = codes

    spec = transformer_spec.TransformerSpec.from_config(1, 1)
    token_table = np.zeros((size, width), np.float32)
    token_table[np.arange(size), np.arange(size)] = 1.0
    spec.encoder.embeddings[0].weight = token_table
    # The decoder sees only positions: its own past tokens do not matter.
    spec.decoder.embeddings.weight = np.zeros((size, width), np.float32)
    for part in (spec.encoder, spec.decoder):
        part.scale_embeddings = False
        part.position_encodings.encodings = position_table
        _norm(part.layer_norm, width)
        for layer in part.layer:
            _norm(layer.self_attention.layer_norm, width)
            _linear(layer.self_attention.linear[0], np.zeros((3 * width, width)))
            _linear(layer.self_attention.linear[1], np.zeros((width, width)))
            _norm(layer.ffn.layer_norm, width)
            _linear(layer.ffn.linear_0, np.zeros((4, width)))
            _linear(layer.ffn.linear_1, np.zeros((width, 4)))

    # Layer norm scales a vector of two unit parts by about sqrt(width / 2).
    gain = float(np.sqrt(width / 2))
    sharpness = 40.0  # attention logit gap between the right position and any other
    cross = spec.decoder.layer[0].attention
    _norm(cross.layer_norm, width)
    query = np.zeros((width, width))
    query[size:, size:] = np.eye(position_dims) * sharpness / gain
    _linear(cross.linear[0], query)
    key_value = np.zeros((2 * width, width))
    key_value[size:width, size:] = np.eye(position_dims)  # keys: source positions
    key_value[width : width + size, :size] = np.eye(size)  # values: source tokens
    _linear(cross.linear[1], key_value)
    out = np.zeros((width, width))
    out[:size, :size] = np.eye(size) / gain
    _linear(cross.linear[2], out)
    projection = np.zeros((size, width))
    projection[:, :size] = np.eye(size) * 4.0
    _linear(spec.decoder.projection, projection)

    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    spec.config.add_source_eos = True
    return spec


def random_spec(
    vocab: Sequence[str],
    *,
    layers: int = 1,
    width: int = 32,
    heads: int = 2,
    ffn: int = 64,
    seed: int = 0,
    scale: float = 0.5,
) -> Any:
    """A Transformer with random weights: it emits whatever it emits.

    With ``layers=6, width=512, heads=8, ffn=2048`` and a 32k vocabulary this
    is the size of an Argos model (Transformer base), which the bench uses.
    """
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)

    size = len(vocab)
    spec.encoder.embeddings[0].weight = rng.normal(0, scale, (size, width)).astype(np.float32)
    spec.decoder.embeddings.weight = rng.normal(0, scale, (size, width)).astype(np.float32)
    for part in (spec.encoder, spec.decoder):
        _norm(part.layer_norm, width)
        for layer in part.layer:
            attentions = [layer.self_attention]
            if hasattr(layer, "attention"):
                attentions.append(layer.attention)
            for att in attentions:
                _norm(att.layer_norm, width)
                fused = 3 if att is layer.self_attention else 1
                _linear(att.linear[0], rng.normal(0, scale, (fused * width, width)))
                if att is layer.self_attention:
                    _linear(att.linear[1], rng.normal(0, scale, (width, width)))
                else:
                    _linear(att.linear[1], rng.normal(0, scale, (2 * width, width)))
                    _linear(att.linear[2], rng.normal(0, scale, (width, width)))
            _norm(layer.ffn.layer_norm, width)
            _linear(layer.ffn.linear_0, rng.normal(0, scale, (ffn, width)), np.zeros(ffn))
            _linear(layer.ffn.linear_1, rng.normal(0, scale, (width, ffn)), np.zeros(width))
    _linear(spec.decoder.projection, rng.normal(0, scale, (size, width)), np.zeros(size))
    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    return spec


BPE_CODES = "#version: 0.2\nd e</w>\nt h\nth e</w>\na t</w>\ne n</w>\n"
"""A few merges in subword-nmt's format, as older Argos packages ship in ``bpe.model``."""


def bpe_vocabulary(codes: str, sentences: Iterable[str], src: str, tgt: str) -> list[str]:
    """The tokens argostranslate's BPE tokenizer makes of ``sentences``, plus specials."""
    import tempfile

    from argostranslate.tokenizer import BPETokenizer

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bpe.model"
        path.write_text(codes, encoding="utf-8")
        tokenizer = BPETokenizer(path, src, tgt)
        tokens = {token for sentence in sentences for token in tokenizer.encode(sentence)}
    return ["<blank>", "<unk>", "<s>", "</s>", *sorted(tokens)]


def write_package(
    directory: Path,
    spec: Any,
    tokenizer_files: dict[str, bytes],
    *,
    src: str,
    tgt: str,
    version: str,
    quantization: str | None = "int8",
    extra_files: dict[str, bytes] | None = None,
    extra_dirs: dict[str, Path] | None = None,
) -> Path:
    """Zip a model spec and its tokenizer as ``translate-SRC_TGT-VERSION.argosmodel``.

    ``tokenizer_files`` maps ``sentencepiece.model`` or ``bpe.model`` to its bytes.
    """
    name = f"translate-{src}_{tgt}-{version.replace('.', '_')}"
    build = directory / f"{name}.build"
    model_dir = build / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(model_dir))
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": src,
        "from_name": LANGUAGE_NAMES.get(src, src),
        "to_code": tgt,
        "to_name": LANGUAGE_NAMES.get(tgt, tgt),
        "type": "translate",
        "links": [],
    }
    files = {
        "metadata.json": json.dumps(metadata, indent=2).encode(),
        **tokenizer_files,
        "README.md": f"Tiny {src}->{tgt} test package built by tests/tiny_argos.py.\n".encode(),
        **(extra_files or {}),
    }
    target = directory / f"{name}.argosmodel"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in files.items():
            archive.writestr(f"{name}/{filename}", data)
        for path in sorted(model_dir.iterdir()):
            archive.write(path, f"{name}/model/{path.name}")
        for folder, source in (extra_dirs or {}).items():
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{name}/{folder}/{path.relative_to(source)}")
    for path in sorted(build.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    build.rmdir()
    return target


def build_tiny_package(
    directory: str | Path,
    src: str = "nl",
    tgt: str = "en",
    version: str = "1.0",
    *,
    behaviour: Behaviour = "copy",
    tokenizer: Literal["sentencepiece", "bpe"] = "sentencepiece",
    sentences: Iterable[str] = CORPUS,
    seed: int = 0,
) -> Path:
    """Build a tiny ``src``->``tgt`` package in ``directory``; return its .argosmodel path.

    ``tokenizer="bpe"`` makes an older-style package (Moses + BPE, ``bpe.model``),
    whose vocabulary covers only the tokens of ``sentences``.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    sentences = list(sentences)
    files: dict[str, bytes]
    if tokenizer == "bpe":
        vocab = bpe_vocabulary(BPE_CODES, sentences, src, tgt)
        files = {"bpe.model": BPE_CODES.encode()}
    else:
        sp_model = train_sentencepiece(sentences)
        vocab = vocabulary(sp_model)
        files = {"sentencepiece.model": sp_model}
    spec = copy_spec(vocab) if behaviour == "copy" else random_spec(vocab, seed=seed)
    return write_package(directory, spec, files, src=src, tgt=tgt, version=version)


TINY_SET: tuple[tuple[str, str, str, Behaviour], ...] = (
    ("nl", "en", "1.8", "copy"),
    ("en", "fr", "1.9", "copy"),
    ("fr", "en", "1.0", "random"),
)
"""The session's packages: two copying models chained make nl->fr through English."""


def install_tiny_set(directory: str | Path) -> Path:
    """Build :data:`TINY_SET` and install it with argostranslate's installer.

    Returns the packages directory (``directory / "packages"``).
    """
    from pipeline.engines.argos.packages import install_from_files

    directory = Path(directory)
    files = [
        build_tiny_package(directory / "dist", src, tgt, version, behaviour=kind)
        for src, tgt, version, kind in TINY_SET
    ]
    packages = directory / "packages"
    install_from_files(files, packages)
    return packages
