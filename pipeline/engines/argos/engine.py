"""The Argos Translate engine: installed Argos packages run straight through CTranslate2.

argostranslate's own ``translate()`` splits text into sentences again (with a
model it may try to download), translates one text at a time, and its HTML
path translates each text node alone, which is how pages got "abaissantpics de
cortisolqui". Tolk's segments are already sentences, so this engine only
borrows the packages: for each it loads the CTranslate2 model and the
tokenizer (SentencePiece, or BPE for older packages, as argostranslate does),
and translates whole sentences in sorted batches. Inline codes are taken out
before the model sees the words and put back by ``pipeline.engines.argos.placement``, guided
by the model's own cross-attention.

This is the only module that imports ctranslate2 and sentencepiece, always
inside functions: ``import pipeline.engines.argos.engine`` stays cheap, and nothing
here imports argostranslate.translate (which pulls in stanza and PyTorch).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from pipeline.engines import MachineTranslation
from pipeline.engines.argos.packages import (
    ModelInfo,
    list_models,
    missing_pair_error,
    reachable_pairs,
    resolve_packages_dir,
)
from pipeline.engines.argos.placement import Span, ensure_codes, project_codes
from pipeline.engines.cache import TranslationCache
from pipeline.errors import ModelError
from pipeline.text.codes import has_codes, strip_codes

NAME = "argos"

Device = Literal["auto", "cpu", "cuda"]

_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")


def default_threads() -> int:
    """Cores this process may use, which is what CTranslate2 should spread over."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Tokenizer(Protocol):
    """Text to model tokens and back, with where each token sits in the text."""

    def encode(self, texts: list[str]) -> list[list[str]]: ...

    def encode_spans(self, text: str) -> tuple[list[str], list[Span]]: ...

    def decode(self, tokens: Sequence[str]) -> tuple[str, list[Span]]: ...


class _SentencePiece:
    """A package's ``sentencepiece.model``, decoded piece by piece to keep offsets."""

    def __init__(self, path: Path) -> None:
        import sentencepiece

        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(path))
        self.byte_of: dict[str, int] = {}
        self.silent: set[str] = set()
        for i in range(self.sp.get_piece_size()):
            piece = self.sp.id_to_piece(i)
            if self.sp.is_byte(i):
                match = _BYTE_PIECE.fullmatch(piece)
                if match:
                    self.byte_of[piece] = int(match.group(1), 16)
            elif self.sp.is_control(i) or self.sp.is_unknown(i):
                self.silent.add(piece)

    def encode(self, texts: list[str]) -> list[list[str]]:
        pieces: list[list[str]] = self.sp.encode(texts, out_type=str)
        return pieces

    def encode_spans(self, text: str) -> tuple[list[str], list[Span]]:
        proto = self.sp.encode(text, out_type="proto")
        # Offsets come in UTF-8 bytes; the projection works in characters.
        char_at = [0] * (len(text.encode("utf-8")) + 1)
        pos = 0
        for index, ch in enumerate(text):
            width = len(ch.encode("utf-8"))
            for k in range(width):
                char_at[pos + k] = index
            pos += width
        char_at[pos] = len(text)
        pieces = [p.piece for p in proto.pieces]
        spans = [(char_at[p.begin], char_at[p.end]) for p in proto.pieces]
        return pieces, spans

    def decode(self, tokens: Sequence[str]) -> tuple[str, list[Span]]:
        parts: list[str] = []
        pending: list[int] = []  # byte-fallback pieces waiting to form characters
        for token in tokens:
            byte = self.byte_of.get(token)
            if byte is not None:
                pending.append(len(parts))
                parts.append(chr(byte))  # placeholder, replaced when the run ends
                continue
            if pending:
                _flush_bytes(parts, pending)
            parts.append("" if token in self.silent else token.replace("\u2581", " "))
        if pending:
            _flush_bytes(parts, pending)
        return _join(parts)


def _flush_bytes(parts: list[str], pending: list[int]) -> None:
    """Turn a run of byte pieces into text, held by the run's last piece.

    The last, because SentencePiece gives a source character's offsets to the
    last byte piece of it, and alignment compares the two sides.
    """
    data = bytes(ord(parts[i]) for i in pending)
    for i in pending[:-1]:
        parts[i] = ""
    parts[pending[-1]] = data.decode("utf-8", errors="replace")
    pending.clear()


def _join(parts: list[str]) -> tuple[str, list[Span]]:
    """Concatenate token texts, dropping the space SentencePiece puts first."""
    spans: list[Span] = []
    pos = 0
    for part in parts:
        spans.append((pos, pos + len(part)))
        pos += len(part)
    text = "".join(parts)
    if text.startswith(" "):
        text = text[1:]
        spans = [(max(0, s - 1), max(0, e - 1)) for s, e in spans]
    return text, spans


def locate(text: str, surfaces: Sequence[str]) -> list[Span]:
    """Find each token's surface in ``text``, in order; unfound tokens get an empty span.

    For BPE packages, whose Moses tokenizer gives no offsets.

    >>> locate("Le chat, dort", ["Le", "ch", "at", ",", "zz", "dort"])
    [(0, 2), (3, 5), (5, 7), (7, 8), (8, 8), (9, 13)]
    """
    spans: list[Span] = []
    pos = 0
    for surface in surfaces:
        found = text.find(surface, pos, pos + len(surface) + 8) if surface else -1
        if found < 0:
            spans.append((pos, pos))
            continue
        spans.append((found, found + len(surface)))
        pos = found + len(surface)
    return spans


class _Bpe:
    """An older package's ``bpe.model``, through argostranslate's own BPE tokenizer."""

    def __init__(self, path: Path, src: str, tgt: str) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.inner = BPETokenizer(path, src, tgt)

    def encode(self, texts: list[str]) -> list[list[str]]:
        return [list(self.inner.encode(t)) for t in texts]

    def encode_spans(self, text: str) -> tuple[list[str], list[Span]]:
        tokens = list(self.inner.encode(text))
        return tokens, locate(text, [t.replace("@@", "") for t in tokens])

    def decode(self, tokens: Sequence[str]) -> tuple[str, list[Span]]:
        text = str(self.inner.decode(list(tokens)))
        return text, locate(text, [t.replace("@@", "") for t in tokens])


@dataclass(frozen=True)
class _Loaded:
    """A package ready to translate: its model, tokenizer and target prefix."""

    info: ModelInfo
    translator: Any
    tokenizer: _Tokenizer
    prefix: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    """A coded sentence split into what the model sees and what stays around it."""

    text: str
    lead: str
    core: str
    trail: str

    @classmethod
    def of(cls, text: str) -> _Prepared:
        plain = strip_codes(text)
        core = plain.strip()
        lead = plain[: len(plain) - len(plain.lstrip())]
        trail = plain[len(lead) + len(core) :]
        return cls(text, lead, core, trail)

    @property
    def translatable(self) -> bool:
        """Only text with letters goes to the model: "2024" or "—" come back as they are."""
        return any(ch.isalpha() for ch in self.core)


def _argmax(row: Sequence[float], size: int) -> int | None:
    size = min(size, len(row))
    if size <= 0:
        return None
    return max(range(size), key=row.__getitem__)


LENGTH_RATIO, LENGTH_MARGIN = 2, 10  # decoding cap: 2 * source tokens + 10
NO_REPEAT_NGRAM = 0  # 0 = off: a 4-gram guard broke legitimate repeats ("De De De")
LOOP_PERIOD, LOOP_REPEATS = 8, 4  # see trim_loop


def trim_loop(output: Sequence[str], source: Sequence[str]) -> list[str]:
    """The output without the loop a degenerate decoder ends in, unless the source loops too.

    A model that loses its way repeats a block of up to :data:`LOOP_PERIOD`
    tokens until the decoding cap; four or more copies of a block at the end
    of an output whose source has no such run are cut to one. CTranslate2's
    ``no_repeat_ngram_size`` would forbid the repeats while decoding, but also
    any text that repeats on purpose ("De De De" copied from its source), so
    the guard is here, after decoding, and looks at the source.

    >>> trim_loop(["▁la", "▁la", "▁la", "▁la", "▁la", "▁la"], ["▁the"])
    ['▁la']
    >>> trim_loop(["▁a", "▁b", "▁c", "▁b", "▁c", "▁b", "▁c", "▁b", "▁c"], ["▁x"])
    ['▁a', '▁b', '▁c']
    >>> trim_loop(["▁De"] * 4, ["▁De"] * 4)  # the source says it four times too
    ['▁De', '▁De', '▁De', '▁De']
    """
    tokens = list(output)
    for period in range(1, LOOP_PERIOD + 1):
        block = tokens[-period:]
        if len(block) < period:
            break
        copies = 1
        while tokens[-period * (copies + 1) : len(tokens) - period * copies] == block:
            copies += 1
        if copies < LOOP_REPEATS:
            continue
        run = block * LOOP_REPEATS
        if any(list(source[i : i + len(run)]) == run for i in range(len(source) - len(run) + 1)):
            return tokens
        return tokens[: len(tokens) - period * (copies - 1)]
    return tokens


class ArgosEngine:
    """Translate coded sentences with the installed Argos packages.

    ``packages_dir`` defaults to argostranslate's setting, read at each call.
    ``cache`` defaults to a :class:`TranslationCache` at the default location;
    pass ``False`` for none. ``device="auto"`` takes a GPU (float16) when
    CTranslate2 sees one, else the CPU (int8) with ``threads`` threads (all
    usable cores by default). ``max_decoding_length`` caps output tokens.

    Not thread-safe: give each thread its own engine.
    """

    name = NAME

    def __init__(
        self,
        packages_dir: str | Path | None = None,
        beam_size: int = 2,
        batch_size: int = 32,
        threads: int | None = None,
        device: Device = "auto",
        cache: TranslationCache | Literal[False] | None = None,
        *,
        max_decoding_length: int = 256,
        compute_type: str | None = None,
    ) -> None:
        if beam_size < 1 or batch_size < 1:
            raise ValueError("beam_size and batch_size must be at least 1")
        self.packages_dir = packages_dir
        self.beam_size = beam_size
        self.batch_size = batch_size
        self.threads = threads if threads is not None else default_threads()
        self.device = device
        self.compute_type = compute_type
        self.max_decoding_length = max_decoding_length
        self.cache: TranslationCache | None = (
            None if cache is False else cache if cache is not None else TranslationCache()
        )
        self.translator_calls = 0
        """How many batches went to CTranslate2: what caching saves."""
        self._loaded: dict[tuple[Path, str], _Loaded] = {}
        self._memo: dict[tuple[str, str], str] = {}

    # --- models --------------------------------------------------------------------

    def models(self) -> list[ModelInfo]:
        """The installed packages, as found now."""
        return list_models(resolve_packages_dir(self.packages_dir))

    def pairs(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """Reachable (source, target) pairs and their model paths, pivots included."""
        return {
            pair: tuple(m.code for m in path)
            for pair, path in reachable_pairs(self.models()).items()
        }

    def route(self, src: str, tgt: str) -> tuple[ModelInfo, ...]:
        """The models that take ``src`` to ``tgt``, or a ModelError naming what is missing."""
        models = self.models()
        path = reachable_pairs(models).get((src, tgt))
        if path is None:
            raise missing_pair_error(src, tgt, models)
        return path

    def _device(self) -> tuple[str, str]:
        import ctranslate2

        device = self.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        wanted = self.compute_type or ("float16" if device == "cuda" else "int8")
        supported = ctranslate2.get_supported_compute_types(device)
        return device, wanted if wanted in supported else "default"

    def _load(self, info: ModelInfo) -> _Loaded:
        key = (info.path, info.version)
        if key in self._loaded:
            return self._loaded[key]
        import ctranslate2

        if info.tokenizer == "none":
            raise ModelError(
                "the package has neither sentencepiece.model nor bpe.model",
                path=info.path,
                hint=f"reinstall it: `tolk models install {info.pair}`",
            )
        device, compute_type = self._device()
        try:
            tokenizer: _Tokenizer
            if info.tokenizer == "sentencepiece":
                tokenizer = _SentencePiece(info.path / "sentencepiece.model")
            else:
                tokenizer = _Bpe(info.path / "bpe.model", info.from_code, info.to_code)
            translator = ctranslate2.Translator(
                str(info.path / "model"),
                device=device,
                compute_type=compute_type,
                inter_threads=1,
                intra_threads=self.threads if device == "cpu" else 0,
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                f"cannot load Argos model {info.code}: {exc}",
                path=info.path,
                hint=f"reinstall it: `tolk models install {info.pair}`",
            ) from exc
        prefix = (info.target_prefix,) if info.target_prefix else ()
        loaded = _Loaded(info, translator, tokenizer, prefix)
        self._loaded[key] = loaded
        return loaded

    # --- translation ---------------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[MachineTranslation]:
        """Translate coded sentences; each identical text once, cached ones not at all.

        ``progress`` is called with the number of ``texts`` done so far.
        """
        if src == tgt:
            raise ValueError(f"source and target language are both {src!r}")
        if not texts:
            return []
        hops = self.route(src, tgt)
        path = tuple(m.code for m in hops)
        counts = Counter(texts)
        results: dict[str, tuple[str, bool]] = {
            t: (t, False) for t in counts if not _Prepared.of(t).translatable
        }
        known = [t for t in counts if t not in results]
        for text, out in self._through(hops, known, lookup_only=True).items():
            results[text] = (out, True)
        done = sum(counts[t] for t in results)
        if progress is not None and done:
            progress(done)

        pending = sorted(
            (t for t in counts if t not in results),
            key=lambda t: (has_codes(t), len(strip_codes(t))),
        )
        for start in range(0, len(pending), self.batch_size):
            chunk = pending[start : start + self.batch_size]
            for text, out in self._through(hops, chunk, lookup_only=False).items():
                results[text] = (out, False)
            done += sum(counts[t] for t in chunk)
            if progress is not None:
                progress(done)

        return [
            MachineTranslation(ensure_codes(t, results[t][0]), NAME, path, cached=results[t][1])
            for t in texts
        ]

    def _through(
        self, hops: Sequence[ModelInfo], texts: list[str], *, lookup_only: bool
    ) -> dict[str, str]:
        """Take ``texts`` through every model of the path; with ``lookup_only``, only as
        far as the caches go (texts that fall out on the way are left out)."""
        current = {t: t for t in texts}
        for hop in hops:
            inputs = list(dict.fromkeys(current.values()))
            outputs = self._lookup(hop, inputs)
            missing = [t for t in inputs if t not in outputs]
            if missing and not lookup_only:
                fresh = self._translate_hop(hop, missing)
                self._store(hop, fresh)
                outputs.update(fresh)
            current = {t: outputs[c] for t, c in current.items() if c in outputs}
        return current

    def _lookup(self, hop: ModelInfo, texts: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        misses: list[str] = []
        for text in texts:
            prepared = _Prepared.of(text)
            if not prepared.translatable:
                found[text] = text
            elif (hop.code, text) in self._memo:
                found[text] = self._memo[(hop.code, text)]
            else:
                misses.append(text)
        if misses and self.cache is not None:
            hits = self.cache.get_many(NAME, hop.code, hop.from_code, hop.to_code, misses)
            for text, out in hits.items():
                self._memo[(hop.code, text)] = out
            found.update(hits)
        return found

    def _store(self, hop: ModelInfo, outputs: dict[str, str]) -> None:
        fresh = {s: t for s, t in outputs.items() if _Prepared.of(s).translatable}
        for text, out in fresh.items():
            self._memo[(hop.code, text)] = out
        if self.cache is not None:
            self.cache.put_many(NAME, hop.code, hop.from_code, hop.to_code, fresh)

    def _translate_hop(self, hop: ModelInfo, texts: list[str]) -> dict[str, str]:
        """One model over a batch of coded sentences; codes projected through attention."""
        loaded = self._load(hop)
        out: dict[str, str] = {}
        prepared = [_Prepared.of(t) for t in texts]
        for p in prepared:
            if not p.translatable:
                out[p.text] = p.text
        todo = [p for p in prepared if p.translatable]
        plain = [p for p in todo if not has_codes(p.text)]
        coded = [p for p in todo if has_codes(p.text)]
        if plain:
            batch = loaded.tokenizer.encode([p.core for p in plain])
            results = self._run(loaded, batch, attention=False)
            for p, pieces, result in zip(plain, batch, results, strict=True):
                hypothesis = trim_loop(list(result.hypotheses[0])[len(loaded.prefix) :], pieces)
                text, _ = loaded.tokenizer.decode(hypothesis)
                out[p.text] = p.lead + strip_codes(text) + p.trail
        if coded:
            encoded = [loaded.tokenizer.encode_spans(p.core) for p in coded]
            results = self._run(loaded, [pieces for pieces, _ in encoded], attention=True)
            for p, (pieces, spans), result in zip(coded, encoded, results, strict=True):
                skip = len(loaded.prefix)
                hypothesis = trim_loop(list(result.hypotheses[0])[skip:], pieces)
                text, target_spans = loaded.tokenizer.decode(hypothesis)
                rows = (
                    result.attention[0][skip : skip + len(hypothesis)] if result.attention else []
                )
                alignment = [_argmax(row, len(pieces)) for row in rows] or None
                if has_codes(text):
                    # The model wrote something shaped like a code: it is not one.
                    text, target_spans, alignment = strip_codes(text), [], None
                shift_s, shift_t = len(p.lead), len(p.lead)
                out[p.text] = project_codes(
                    p.text,
                    p.lead + text + p.trail,
                    source_tokens=[(s + shift_s, e + shift_s) for s, e in spans],
                    target_tokens=[(s + shift_t, e + shift_t) for s, e in target_spans],
                    alignment=alignment,
                )
        return out

    def _run(self, loaded: _Loaded, tokens: list[list[str]], *, attention: bool) -> list[Any]:
        """CTranslate2 over a batch (already sorted by length), in slices of
        ``batch_size`` so each slice gets a decoding cap from its own inputs."""
        self.translator_calls += 1
        results: list[Any] = []
        for start in range(0, len(tokens), self.batch_size):
            results.extend(
                self._run_slice(loaded, tokens[start : start + self.batch_size], attention)
            )
        return results

    def decoding_cap(self, tokens: Sequence[Sequence[str]], prefix: int = 0) -> int:
        """Most tokens a batch may produce: twice its longest input plus a margin,
        never more than ``max_decoding_length``.

        A model that does not stop (random weights, a degenerate input) ran to
        256 tokens on every sentence, the bulk of a first translate's time; a
        real translation is rarely over twice as long as its source.

        >>> ArgosEngine(cache=False, threads=1).decoding_cap([["a"] * 5])
        20
        """
        longest = max((len(t) for t in tokens), default=0)
        return min(self.max_decoding_length, LENGTH_RATIO * longest + LENGTH_MARGIN + prefix)

    def _run_slice(self, loaded: _Loaded, tokens: list[list[str]], attention: bool) -> list[Any]:
        prefix = [list(loaded.prefix)] * len(tokens) if loaded.prefix else None
        try:
            results: list[Any] = loaded.translator.translate_batch(
                tokens,
                target_prefix=prefix,
                max_batch_size=self.batch_size,
                beam_size=self.beam_size,
                length_penalty=0.2,
                replace_unknowns=True,
                max_decoding_length=self.decoding_cap(tokens, len(loaded.prefix)),
                no_repeat_ngram_size=NO_REPEAT_NGRAM,
                return_attention=attention,
            )
        except RuntimeError as exc:
            raise ModelError(
                f"Argos model {loaded.info.code} failed: {exc}",
                path=loaded.info.path,
                hint=f"reinstall it: `tolk models install {loaded.info.pair}`",
            ) from exc
        return results
