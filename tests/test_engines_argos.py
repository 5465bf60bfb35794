"""The Argos engine on tiny packages installed by argostranslate's own installer.

nl->en and en->fr copy their input (see tests/tiny_argos.py), so outputs can be
checked exactly and nl->fr pivots through English; fr->en has random weights,
for "whatever the model emits" properties.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.engines import MachineTranslation, get_engine
from pipeline.engines.argos.engine import ArgosEngine
from pipeline.engines.argos.packages import install_from_files
from pipeline.engines.argos.placement import parse_codes
from pipeline.engines.cache import TranslationCache
from pipeline.errors import ConfigError, ModelError
from pipeline.text.codes import code_problems, codes_of, strip_codes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def engine(tiny_argos_packages: Path) -> ArgosEngine:
    """No disk cache; copy models stop by themselves, well before the cap."""
    return ArgosEngine(tiny_argos_packages, cache=False, threads=1, max_decoding_length=512)


def _spy(engine: ArgosEngine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the size of every batch the engine hands to CTranslate2."""
    sizes: list[int] = []
    run: Callable[..., Any] = engine._run

    def spy(loaded: Any, tokens: list[list[str]], *, attention: bool) -> Any:
        sizes.append(len(tokens))
        return run(loaded, tokens, attention=attention)

    monkeypatch.setattr(engine, "_run", spy)
    return sizes


# --- registry and pairs ---------------------------------------------------------------


def test_registry_builds_the_argos_engine(tiny_argos_packages: Path) -> None:
    engine = get_engine("argos", packages_dir=tiny_argos_packages, cache=False)
    assert isinstance(engine, ArgosEngine)
    assert engine.name == "argos"
    with pytest.raises(ConfigError, match="unknown translation engine"):
        get_engine("babelfish")


def test_pairs_include_pivots_through_english(engine: ArgosEngine) -> None:
    assert engine.pairs() == {
        ("nl", "en"): ("nl_en-1.8",),
        ("en", "fr"): ("en_fr-1.9",),
        ("fr", "en"): ("fr_en-1.0",),
        ("nl", "fr"): ("nl_en-1.8", "en_fr-1.9"),
    }


def test_unreachable_pair_names_what_to_install(engine: ArgosEngine, tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        engine.translate(["Bonjour."], "fr", "nl")
    message = str(caught.value)
    assert "fr -> nl" in message and "en-nl" in message
    assert "tolk models install en-nl" in message
    assert "tolk models install --from FILE.argosmodel" in message

    empty = ArgosEngine(tmp_path / "none", cache=False)
    assert empty.pairs() == {}
    with pytest.raises(ModelError, match="missing nl-en"):
        empty.translate(["Hallo."], "nl", "en")


def test_nothing_to_translate_needs_no_model(tmp_path: Path) -> None:
    assert ArgosEngine(tmp_path, cache=False).translate([], "nl", "en") == []


def test_a_broken_package_is_a_model_error(tiny_argos_packages: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "packages"
    shutil.copytree(tiny_argos_packages / "translate-nl_en-1_8", broken / "translate-nl_en-1_8")
    (broken / "translate-nl_en-1_8" / "model" / "model.bin").write_bytes(b"garbage")
    engine = ArgosEngine(broken, cache=False)
    with pytest.raises(ModelError, match=r"cannot load Argos model nl_en-1\.8") as caught:
        engine.translate(["De kat slaapt."], "nl", "en")
    assert "tolk models install nl-en" in str(caught.value)
    (broken / "translate-nl_en-1_8" / "sentencepiece.model").unlink()
    with pytest.raises(ModelError, match=r"neither sentencepiece\.model nor bpe\.model"):
        ArgosEngine(broken, cache=False).translate(["De kat slaapt."], "nl", "en")


# --- translation through the copy models ----------------------------------------------


COPIES = [
    "De kat slaapt op de mat.",
    "De <g1>kat</g1> slaapt op de <g2>mat</g2>.",
    "<g1>Magnesium helpt</g1> bij <x2/>stress!",
    "<g1>Zeer <g2>goed</g2> werk</g1> vandaag.",
    "Lees meer<x1/>",
    "<g1>Het verlagen van cortisolpieken kost tijd.</g1>",
    # Characters the tiny vocabulary lacks go through byte pieces and back.
    "Prijs: <g1>5 €</g1> — «goed» 😀!",
]


@pytest.mark.parametrize("text", COPIES)
def test_copy_model_puts_codes_back_around_the_same_words(engine: ArgosEngine, text: str) -> None:
    [result] = engine.translate([text], "nl", "en")
    assert result.text == text
    assert result.path == ("nl_en-1.8",)
    assert result.comment == "machine: argos nl_en-1.8"
    assert not result.cached


def test_pivot_goes_through_both_models(engine: ArgosEngine) -> None:
    results = engine.translate(COPIES, "nl", "fr")
    assert [r.text for r in results] == COPIES
    assert {r.path for r in results} == {("nl_en-1.8", "en_fr-1.9")}
    assert results[0].comment == "machine: argos nl_en-1.8 + en_fr-1.9"


def test_outer_spaces_and_wordless_text_stay_as_they_are(
    engine: ArgosEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = _spy(engine, monkeypatch)
    results = engine.translate([" De kat slaapt. ", "2024", "<x1/>", ""], "nl", "en")
    assert [r.text for r in results] == [" De kat slaapt. ", "2024", "<x1/>", ""]
    assert sizes == [1]


def test_batches_are_sorted_deduplicated_and_reported(
    tiny_argos_packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = ArgosEngine(tiny_argos_packages, batch_size=2, cache=False, threads=1)
    sizes = _spy(engine, monkeypatch)
    texts = ["De kat slaapt.", "Lees meer.", "De kat slaapt.", "Magnesium helpt.", "Lees meer."]
    texts += ["De <g1>kat</g1> slaapt op de mat.", "Zeer goed werk vandaag, dank je wel!"]
    done: list[int] = []
    results = engine.translate(texts, "nl", "en", progress=done.append)
    assert [r.text for r in results] == texts
    # 5 distinct texts: coded ones batch apart (they need attention), by length.
    assert sizes == [2, 2, 1]
    assert sum(sizes) == len(set(texts))
    assert done == sorted(done) and done[-1] == len(texts)
    assert engine.translator_calls == 3


def test_identical_texts_across_calls_translate_once(
    engine: ArgosEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = _spy(engine, monkeypatch)
    engine.translate(["De kat slaapt."], "nl", "en")
    [again] = engine.translate(["De kat slaapt."], "nl", "en")
    assert sizes == [1]
    assert again.cached


def test_cache_makes_a_rerun_free(
    tiny_argos_packages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = ["De <g1>kat</g1> slaapt.", "Magnesium helpt bij stress.", "Lees meer."]
    with_cache = TranslationCache(tmp_path / "cache")
    first = ArgosEngine(tiny_argos_packages, cache=with_cache).translate(texts, "nl", "fr")
    with_cache.close()

    rerun = ArgosEngine(tiny_argos_packages, cache=TranslationCache(tmp_path / "cache"))
    sizes = _spy(rerun, monkeypatch)
    done: list[int] = []
    second = rerun.translate(texts, "nl", "fr", progress=done.append)
    assert sizes == []
    assert rerun.translator_calls == 0
    assert [r.text for r in second] == [r.text for r in first]
    assert all(r.cached for r in second) and not any(r.cached for r in first)
    assert done == [3]

    # Each model of the path is cached on its own: nl->en is free after nl->fr.
    assert [r.text for r in rerun.translate(texts, "nl", "en")] == texts
    assert rerun.translator_calls == 0


def test_cache_key_carries_the_model_version(tiny_argos_packages: Path, tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put_many("argos", "nl_en-1.7", "nl", "en", {"De kat slaapt.": "stale"})
    [result] = ArgosEngine(tiny_argos_packages, cache=cache).translate(
        ["De kat slaapt."], "nl", "en"
    )
    assert result.text == "De kat slaapt." and not result.cached
    assert cache.get_many("argos", "nl_en-1.8", "nl", "en", ["De kat slaapt."]) == {
        "De kat slaapt.": "De kat slaapt."
    }
    cache.close()


def test_cached_text_with_broken_codes_is_repaired(
    tiny_argos_packages: Path, tmp_path: Path
) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    source = "De <g1>kat</g1> slaapt."
    cache.put_many("argos", "nl_en-1.8", "nl", "en", {source: "The cat sleeps."})
    [result] = ArgosEngine(tiny_argos_packages, cache=cache).translate([source], "nl", "en")
    assert code_problems(source, result.text) == []
    assert strip_codes(result.text) == "The cat sleeps."
    cache.close()


@pytest.fixture(scope="module")
def bpe_engine(tmp_path_factory: pytest.TempPathFactory) -> ArgosEngine:
    """An older-style package: Moses tokens and BPE (``bpe.model``), copying its input."""
    from tests.tiny_argos import build_tiny_package

    where = tmp_path_factory.mktemp("bpe")
    archive = build_tiny_package(where, "nl", "en", "0.9", tokenizer="bpe")
    install_from_files([archive], where / "packages")
    return ArgosEngine(where / "packages", cache=False, threads=1)


@pytest.mark.parametrize(
    "text",
    [
        "De <g1>kat</g1> slaapt op de mat.",
        "<g1>Lees meer</g1> over slaap en voeding in ons <g2>artikel</g2>.",
        "Zeer goed werk vandaag, <g1>dank je wel</g1>!<x2/>",
    ],
)
def test_bpe_packages_translate_with_codes(bpe_engine: ArgosEngine, text: str) -> None:
    [result] = bpe_engine.translate([text], "nl", "en")
    assert result.text == text
    assert result.path == ("nl_en-0.9",)


# --- whatever the model emits, the codes survive --------------------------------------

WORDS = st.sampled_from(
    ["De", "kat", "slaapt", "op", "de", "mat", "stress", "bij", "helpt", ".", "!"]
)


@st.composite
def coded(draw: st.DrawFn) -> str:
    """Single-spaced words with codes at word boundaries, nested at random."""
    counter = [0]

    def items(depth: int) -> list[str]:
        out: list[str] = []
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(
                st.sampled_from(["word", "word", "pair", "point"] if depth < 2 else ["word"])
            )
            if kind == "word":
                out.append(draw(WORDS))
            elif kind == "point":
                counter[0] += 1
                out.append(f"<x{counter[0]}/>")
            else:
                counter[0] += 1
                n = counter[0]
                out.append(f"<g{n}>" + " ".join(items(depth + 1)) + f"</g{n}>")
        return out

    return " ".join(items(0))


def _inside(text: str) -> dict[str, str]:
    """The words each paired code wraps, spaces ignored."""
    plain, root = parse_codes(text)
    out: dict[str, str] = {}

    def walk(node: Any) -> None:
        for child in node.children:
            if child.kind == "pair":
                out[child.opening] = "".join(plain[child.start : child.end].split())
            walk(child)

    walk(root)
    return out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(coded(), min_size=1, max_size=6))
def test_random_model_output_keeps_every_code(engine: ArgosEngine, texts: list[str]) -> None:
    engine.max_decoding_length = 48  # random weights never stop by themselves
    for source, result in zip(texts, engine.translate(texts, "fr", "en"), strict=True):
        assert Counter(codes_of(result.text)) == Counter(codes_of(source))
        assert code_problems(source, result.text) == []
        assert result.path == ("fr_en-1.0",)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(coded(), min_size=1, max_size=6))
def test_copy_models_keep_codes_around_their_words(engine: ArgosEngine, texts: list[str]) -> None:
    for source, result in zip(texts, engine.translate(texts, "nl", "fr"), strict=True):
        assert code_problems(source, result.text) == []
        assert strip_codes(result.text).split() == strip_codes(source).split()
        assert _inside(result.text) == _inside(source)


# --- the engine stays light -----------------------------------------------------------


def test_engine_never_imports_torch(tiny_argos_packages: Path, tmp_path: Path) -> None:
    script = f"""
import json, sys, time
start = time.perf_counter()
import pipeline.engines.argos.engine as argos
imported = time.perf_counter() - start
heavy = sorted(m for m in ("torch", "ctranslate2", "sentencepiece", "argostranslate")
               if m in sys.modules)
engine = argos.ArgosEngine({str(tiny_argos_packages)!r}, cache=False)
text = engine.translate(["De <g1>kat</g1> slaapt."], "nl", "fr")[0].text
print(json.dumps({{"heavy": heavy, "imported": imported, "text": text,
                  "torch": "torch" in sys.modules,
                  "stanza": "stanza" in sys.modules,
                  "translate": "argostranslate.translate" in sys.modules}}))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    assert report["imported"] < 1.0
    assert report["text"] == "De <g1>kat</g1> slaapt."
    assert not report["torch"] and not report["stanza"] and not report["translate"]


def test_machine_translation_is_a_frozen_record() -> None:
    result = MachineTranslation("x", "argos", ("nl_en-1.8",))
    with pytest.raises(AttributeError):
        result.text = "y"  # type: ignore[misc]
    assert re.fullmatch(r"machine: argos nl_en-1\.8", result.comment)


# --- the cache on disk ----------------------------------------------------------------


def test_cache_location_follows_tolk_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOLK_CACHE_DIR", str(tmp_path / "here"))
    cache = TranslationCache()
    assert cache.path == tmp_path / "here" / "translations.sqlite3"
    assert not cache.path.exists()  # nothing written before the first use
    cache.put_many("argos", "nl_en-1.8", "nl", "en", {"a": "b"})
    assert cache.get_many("argos", "nl_en-1.8", "nl", "en", ["a", "c"]) == {"a": "b"}
    assert cache.get_many("argos", "nl_en-1.8", "nl", "fr", ["a"]) == {}
    assert len(cache) == 1
    cache.close()
    assert TranslationCache(tmp_path / "x.db").path == tmp_path / "x.db"


def test_a_crash_mid_run_leaves_a_valid_cache(tmp_path: Path) -> None:
    script = f"""
import os
from pipeline.engines.cache import TranslationCache
cache = TranslationCache({str(tmp_path)!r})
for batch in range(3):
    cache.put_many("argos", "m-1", "nl", "en", {{f"{{batch}}-{{i}}": "x" for i in range(100)}})
os._exit(1)  # killed before closing anything
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, check=False)
    assert done.returncode == 1
    cache = TranslationCache(tmp_path)
    assert len(cache) == 300
    assert len(cache.get_many("argos", "m-1", "nl", "en", [f"2-{i}" for i in range(100)])) == 100
    cache.close()


def test_random_model_output_stops_well_short_of_the_cap(
    tiny_argos_packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random weights never stop by themselves: the cap follows the inputs' length
    (the longest input of each slice of a batch), not the 256 of the default."""
    engine = ArgosEngine(tiny_argos_packages, cache=False, threads=1)
    assert engine.max_decoding_length == 256
    lengths: list[tuple[int, int]] = []
    real = engine._run_slice

    def spy(loaded: Any, tokens: list[list[str]], attention: bool) -> list[Any]:
        results = real(loaded, tokens, attention)
        longest = max(len(t) for t in tokens)
        for result in results:
            lengths.append((longest, len(result.hypotheses[0]) - len(loaded.prefix)))
        return results

    monkeypatch.setattr(engine, "_run_slice", spy)
    engine.translate(["Une phrase courte.", "Deux mots."], "fr", "en")
    assert len(lengths) == 2
    for longest, produced in lengths:
        assert produced <= 2 * longest + 10 < 256


def test_a_decoder_stuck_in_a_loop_gives_one_copy_of_the_block(
    tiny_argos_packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A degenerate model that repeats a block to the cap: the loop is cut to one
    copy, coded or not; a source that repeats itself keeps its repeats."""
    from types import SimpleNamespace

    engine = ArgosEngine(tiny_argos_packages, cache=False, threads=1)
    real = engine._run

    def looping(loaded: Any, tokens: list[list[str]], *, attention: bool) -> list[Any]:
        results = real(loaded, tokens, attention=attention)
        out = []
        for source, result in zip(tokens, results, strict=True):
            prefix = list(result.hypotheses[0])[: len(loaded.prefix)]
            stuck = prefix + source[:1] + ["▁la", "▁la"] * 20  # to the cap, as a lost model does
            rows = [[1.0] + [0.0] * (len(source) - 1)] * len(stuck) if attention else None
            out.append(SimpleNamespace(hypotheses=[stuck], attention=[rows] if rows else None))
        return out

    monkeypatch.setattr(engine, "_run", looping)
    plain, coded = engine.translate(["Une phrase.", "Une <g1>phrase</g1>."], "fr", "en")
    for result in (plain, coded):
        assert result.text.count("la") == 1, result.text
    assert "<g1>" in coded.text and "</g1>" in coded.text
