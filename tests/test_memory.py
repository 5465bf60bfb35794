"""Tests for the translation memory: matching, duplicates, the store, TMX in and out."""

from __future__ import annotations

import itertools
import random
import tempfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pipeline.errors import InputError
from pipeline.memory import (
    CODE_BONUS,
    CODE_PENALTY,
    STORE_FORMAT,
    TMUnit,
    TranslationMemory,
    comparable,
)
from pipeline.memory import index as memory_index

TMX_DATA = Path(__file__).parent / "data" / "tmx"

TITLE_FR = (
    "Du Magnésium Pour Les Rêves : Pourquoi Des Minéraux Spécifiques "
    "Réduisent Les Cauchemars Chroniques"
)
TITLE_NL = (
    "Magnesium voor je dromen: waarom specifieke mineralen chronische nachtmerries verminderen"
)


def ratio(a: str, b: str) -> float:
    return fuzz.ratio(comparable(a), comparable(b))


# -- exact and fuzzy matching -----------------------------------------------------


def test_title_translated_in_one_article_is_offered_to_another() -> None:
    memory = TranslationMemory(
        [TMUnit("fr", "nl", TITLE_FR, TITLE_NL, origin="locales/nl/LC_MESSAGES/magnesium.po")]
    )
    match = memory.exact("fr", "nl", TITLE_FR)
    assert match is not None
    assert (match.score, match.exact, match.codes_fit) == (100.0, True, True)
    assert match.target == TITLE_NL
    assert match.unit.origin == "locales/nl/LC_MESSAGES/magnesium.po"
    assert memory.lookup("fr", "nl", TITLE_FR)[0] == match


def test_exact_needs_the_same_pair_and_the_same_text() -> None:
    memory = TranslationMemory([TMUnit("fr", "nl", "Le sommeil", "De slaap")])
    assert memory.exact("fr", "en", "Le sommeil") is None
    assert memory.exact("nl", "fr", "De slaap") is None
    assert memory.exact("fr", "nl", "le sommeil") is None
    assert memory.exact("fr", "nl", "<g1>Le sommeil</g1>") is None


def test_fuzzy_match_above_the_threshold_only() -> None:
    memory = TranslationMemory(
        [TMUnit("fr", "nl", "Le magnésium aide à dormir.", "Magnesium helpt bij het slapen.")]
    )
    query = "Le magnésium aide à bien dormir."
    [match] = memory.lookup("fr", "nl", query)
    assert not match.exact
    assert match.codes_fit
    assert match.score == pytest.approx(ratio(query, "Le magnésium aide à dormir."))
    assert 75 < match.score < 99
    assert memory.lookup("fr", "nl", query, threshold=match.score + 0.5) == []
    assert memory.lookup("fr", "nl", "Les cauchemars reviennent chaque nuit.") == []


def test_case_and_spacing_alone_are_not_exact_but_score_99() -> None:
    memory = TranslationMemory([TMUnit("fr", "nl", "Le sommeil profond", "De diepe slaap")])
    [match] = memory.lookup("fr", "nl", "le  sommeil  PROFOND")
    assert (match.exact, match.score) == (False, 99.0)


def test_exact_comes_first_then_fuzzy_by_score_and_limit_applies() -> None:
    sources = [
        "Le magnésium réduit les cauchemars chroniques.",
        "Le magnésium réduit les cauchemars.",
        "Le magnésium réduit les cauchemars chroniques chez les adultes.",
        "Le zinc réduit les cauchemars chroniques.",
    ]
    memory = TranslationMemory(TMUnit("fr", "nl", s, f"nl {i}") for i, s in enumerate(sources))
    matches = memory.lookup("fr", "nl", sources[0], limit=10)
    assert matches[0].exact and matches[0].unit.source == sources[0]
    scores = [m.score for m in matches[1:]]
    assert scores == sorted(scores, reverse=True)
    assert all(not m.exact and m.score <= 99 for m in matches[1:])
    assert len(memory.lookup("fr", "nl", sources[0], limit=2)) == 2
    assert memory.lookup("fr", "nl", sources[0], limit=0) == []


def test_fuzzy_units_rank_below_reviewed_ones_of_equal_score() -> None:
    memory = TranslationMemory(
        [
            TMUnit("fr", "nl", "La vitamine D aide. A", "fuzzy", fuzzy=True),
            TMUnit("fr", "nl", "La vitamine D aide. B", "reviewed"),
        ]
    )
    first, second = memory.lookup("fr", "nl", "La vitamine D aide. C")
    assert first.score == second.score
    assert (first.target, second.target) == ("reviewed", "fuzzy")
    assert first.unit.fuzzy is False and second.unit.fuzzy is True


def test_exact_match_of_a_fuzzy_unit_says_so() -> None:
    memory = TranslationMemory([TMUnit("fr", "en", "Bonjour", "Hello", fuzzy=True)])
    match = memory.exact("fr", "en", "Bonjour")
    assert match is not None and match.exact and match.unit.fuzzy


def test_code_only_or_empty_query_gets_no_fuzzy_match() -> None:
    memory = TranslationMemory([TMUnit("fr", "nl", "<x1/>", "<x1/>"), TMUnit("fr", "nl", "a", "b")])
    assert memory.lookup("fr", "nl", "<x2/>") == []
    assert memory.lookup("fr", "nl", "") == []
    assert [m.exact for m in memory.lookup("fr", "nl", "<x1/>")] == [True]


def test_threshold_outside_0_100_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        TranslationMemory().lookup("fr", "nl", "x", threshold=120)


def test_units_without_source_or_target_are_ignored() -> None:
    memory = TranslationMemory([TMUnit("fr", "nl", "", "x"), TMUnit("fr", "nl", "x", "")])
    assert len(memory) == 0


# -- inline codes -----------------------------------------------------------------


def test_codes_of_the_target_are_renumbered_to_fit_the_query() -> None:
    source = "Le <g1>magnésium</g1> aide à dormir.<x2/>"
    memory = TranslationMemory(
        [TMUnit("fr", "nl", source, "<g1>Magnesium</g1> helpt bij het slapen.<x2/>")]
    )
    query = "<x1/>Le <g2>magnésium</g2> aide à bien dormir."
    [match] = memory.lookup("fr", "nl", query)
    assert match.codes_fit
    assert match.target == "<g2>Magnesium</g2> helpt bij het slapen.<x1/>"
    # Fitted but in another order: no bonus.
    assert match.score == pytest.approx(ratio(query, source))


def test_codes_that_agree_earn_the_bonus() -> None:
    source = "Le <g1>magnésium</g1> aide à dormir."
    memory = TranslationMemory([TMUnit("fr", "nl", source, "<g1>Magnesium</g1> helpt.")])
    query = "Le <g1>magnésium</g1> aide à bien dormir."
    [match] = memory.lookup("fr", "nl", query)
    assert match.codes_fit and match.target == "<g1>Magnesium</g1> helpt."
    assert match.score == pytest.approx(ratio(query, source) + CODE_BONUS)


def test_codes_that_cannot_fit_keep_the_match_with_a_lower_score() -> None:
    source = "Le <g1>magnésium</g1> aide à dormir."
    memory = TranslationMemory([TMUnit("fr", "nl", source, "<g1>Magnesium</g1> helpt.")])
    query = "Le magnésium aide à bien dormir."
    [match] = memory.lookup("fr", "nl", query)
    assert not match.codes_fit
    assert match.target == "<g1>Magnesium</g1> helpt."
    assert match.score == pytest.approx(ratio(query, source) - CODE_PENALTY)


def test_the_unit_whose_codes_agree_ranks_first() -> None:
    memory = TranslationMemory(
        [
            TMUnit("fr", "nl", "Le magnésium aide à dormir.", "plain"),
            TMUnit("fr", "nl", "Le <g1>magnésium</g1> aide à dormir.", "<g1>coded</g1>"),
        ]
    )
    matches = memory.lookup("fr", "nl", "Le <g1>magnésium</g1> aide à bien dormir.")
    assert [m.codes_fit for m in matches] == [True, False]
    assert matches[0].target == "<g1>coded</g1>"


# -- duplicates and determinism ---------------------------------------------------


def test_a_reviewed_unit_beats_a_fuzzy_one_whatever_the_order() -> None:
    fuzzy = TMUnit("fr", "nl", "Le sommeil", "Het slapen", fuzzy=True, origin="a.po")
    reviewed = TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="b.po")
    for units in ([fuzzy, reviewed], [reviewed, fuzzy]):
        assert TranslationMemory(units).units() == [reviewed]


def test_the_most_frequent_target_wins_then_the_smallest() -> None:
    units = [
        TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="c.po"),
        TMUnit("fr", "nl", "Le sommeil", "Slaap", origin="a.po"),
        TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="b.po"),
        TMUnit("fr", "nl", "Le sommeil", "Het slapen", origin="d.po"),
    ]
    for order in itertools.permutations(units):
        assert TranslationMemory(order).units() == [
            TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="b.po")
        ]
    tie = [TMUnit("fr", "nl", "x", "b"), TMUnit("fr", "nl", "x", "a")]
    assert TranslationMemory(tie).units()[0].target == "a"


def tmx_file(path: Path, *pairs: tuple[str, str]) -> Path:
    """A TMX file from another tool (no Tolk origin): one en -> nl unit per pair."""
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>{s}</seg></tuv><tuv xml:lang="nl"><seg>{t}</seg></tuv></tu>'
        for s, t in pairs
    )
    path.write_text(
        f'<tmx version="1.4"><header srclang="en"/><body>{units}</body></tmx>', encoding="utf-8"
    )
    return path


def test_a_later_import_replaces_an_earlier_one(tmp_path: Path) -> None:
    old = tmx_file(tmp_path / "old.tmx", ("Hello", "Hello everybody (old typo)."))
    new = tmx_file(tmp_path / "new.tmx", ("Hello", "Hello everyone."), ("Bye", "Dag"))
    store = tmp_path / "memory.jsonl"
    memory = TranslationMemory()
    memory.import_tmx(old)
    memory.save(store)
    memory = TranslationMemory.load(store)  # as ``tolk memory import`` does, run after run
    assert memory.import_tmx(new).added == 2
    memory.save(store)
    assert [(u.source, u.target, u.origin) for u in TranslationMemory.load(store).units()] == [
        ("Bye", "Dag", "import:new.tmx"),
        ("Hello", "Hello everyone.", "import:new.tmx"),
    ]
    # Whichever came last wins, even when it sorts after the other.
    again = TranslationMemory()
    again.import_tmx(new)
    again.import_tmx(old)
    hit = again.exact("en", "nl", "Hello")
    assert hit is not None and hit.target == "Hello everybody (old typo)."


def test_units_of_one_import_weigh_together(tmp_path: Path) -> None:
    twice = tmx_file(tmp_path / "twice.tmx", ("Hi", "Hoi"), ("Hi", "Dag"), ("Hi", "Hoi"))
    memory = TranslationMemory()
    assert memory.import_tmx(twice).added == 3
    assert [u.target for u in memory.units()] == ["Hoi"]


def test_a_reviewed_catalog_unit_beats_store_units_whatever_the_order(tmp_path: Path) -> None:
    po = "locales/nl/LC_MESSAGES/slaap.po"
    catalog = TMUnit("fr", "nl", "Le sommeil", "Slaap", origin=po)
    other = TMUnit("fr", "nl", "Le sommeil", "Slaap", origin="locales/nl/LC_MESSAGES/a.po")
    stored = TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="import:old.tmx")
    seeded = TMUnit("fr", "nl", "Le sommeil", "De slaap", origin="")
    for order in itertools.permutations([catalog, stored, seeded]):
        assert TranslationMemory(order).units() == [catalog]
    for order in itertools.permutations([other, catalog, stored]):
        assert TranslationMemory(order).units() == [other]  # catalogs: smallest origin
    # Review still comes first: a fuzzy catalog entry does not hide a reviewed import.
    draft = TMUnit("fr", "nl", "Le sommeil", "Slaapje", fuzzy=True, origin=po)
    for order in itertools.permutations([draft, stored]):
        assert TranslationMemory(order).units() == [stored]
    # An import replaces store units, never a catalog's.
    memory = TranslationMemory([catalog, stored])
    path = tmp_path / "new.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="fr"/><body><tu>'
        '<tuv xml:lang="fr"><seg>Le sommeil</seg></tuv><tuv xml:lang="nl"><seg>Aaa</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    memory.import_tmx(path)
    assert memory.units() == [catalog]
    memory = TranslationMemory([stored])
    memory.import_tmx(path)
    assert [u.target for u in memory.units()] == ["Aaa"]


def test_units_are_sorted_and_pairs_listed() -> None:
    memory = TranslationMemory(
        [
            TMUnit("nl", "fr", "b", "B"),
            TMUnit("fr", "nl", "b", "B"),
            TMUnit("fr", "nl", "a", "A"),
            TMUnit("fr", "en", "c", "C"),
        ]
    )
    assert [(u.src_lang, u.tgt_lang, u.source) for u in memory.units()] == [
        ("fr", "en", "c"),
        ("fr", "nl", "a"),
        ("fr", "nl", "b"),
        ("nl", "fr", "b"),
    ]
    assert memory.pairs() == [("fr", "en"), ("fr", "nl"), ("nl", "fr")]
    assert len(memory) == 4


WORDS = [
    "magnésium",
    "sommeil",
    "rêve",
    "cauchemar",
    "zinc",
    "fer",
    "stress",
    "soir",
    "nuit",
    "matin",
    "corps",
    "esprit",
    "dose",
    "étude",
    "patient",
    "adulte",
    "fatigue",
    "humeur",
    "calme",
    "repos",
    "bain",
    "lumière",
]


def generated_units(count: int, seed: int) -> list[TMUnit]:
    rng = random.Random(seed)
    units = []
    for i in range(count):
        words = rng.choices(WORDS, k=rng.randint(4, 9))
        source = " ".join(words).capitalize() + f" {i % 7}."
        units.append(TMUnit("fr", "nl", source, f"nl {i}", fuzzy=i % 5 == 0))
    return units


def queries_for(units: list[TMUnit], seed: int) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for unit in rng.sample(units, 40):
        words = unit.source.split()
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        queries.append(" ".join(words))
    return queries


def test_the_index_finds_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    units = generated_units(800, seed=1)
    memory = TranslationMemory(units)
    queries = queries_for(units, seed=2)
    scanned = [memory.lookup("fr", "nl", q, limit=3) for q in queries]
    monkeypatch.setattr(memory_index, "FULL_SCAN_LIMIT", 0)
    indexed = [memory.lookup("fr", "nl", q, limit=3) for q in queries]
    assert indexed == scanned
    assert sum(bool(m) for m in indexed) > 30


def test_answers_do_not_depend_on_insertion_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_index, "FULL_SCAN_LIMIT", 0)
    monkeypatch.setattr(memory_index, "MAX_CANDIDATES", 5)
    units = generated_units(600, seed=3)
    shuffled = units[:]
    random.Random(4).shuffle(shuffled)
    one, two = TranslationMemory(units), TranslationMemory(shuffled)
    assert one.units() == two.units()
    for q in queries_for(units, seed=5):
        assert one.lookup("fr", "nl", q, limit=5) == two.lookup("fr", "nl", q, limit=5)


def test_units_added_after_a_lookup_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_index, "FULL_SCAN_LIMIT", 0)
    memory = TranslationMemory(generated_units(300, seed=6))
    query = "Le cortisol du soir perturbe le sommeil profond."
    assert memory.lookup("fr", "nl", query) == []
    memory.add(TMUnit("fr", "nl", "Le cortisol du soir perturbe le sommeil.", "Cortisol..."))
    assert [m.unit.target for m in memory.lookup("fr", "nl", query)] == ["Cortisol..."]


# -- the store --------------------------------------------------------------------


def test_save_then_load_gives_the_same_memory(tmp_path: Path) -> None:
    units = [
        TMUnit("fr", "nl", "Le <g1>sommeil</g1>\nprofond", "De <g1>diepe</g1> slaap", origin="a"),
        TMUnit("fr", "en", "Rêves", "Dreams", fuzzy=True, origin="b"),
    ]
    path = tmp_path / "locales" / "memory.jsonl"
    TranslationMemory(units).save(path)
    assert TranslationMemory.load(path).units() == sorted(
        units, key=lambda u: (u.src_lang, u.tgt_lang)
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert STORE_FORMAT in lines[0]
    assert len(lines) == 3  # one line per unit, even with a newline in a text
    assert '"Rêves"' in lines[1]  # readable, not \\u-escaped
    assert [p.name for p in path.parent.iterdir()] == ["memory.jsonl"]  # no temp file left


def test_the_store_is_the_same_bytes_whatever_the_order(tmp_path: Path) -> None:
    units = generated_units(50, seed=7)
    TranslationMemory(units).save(tmp_path / "a.jsonl")
    TranslationMemory(reversed(units)).save(tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("", 1, "not a Tolk memory store"),
        ('{"format": "tolk-memory", "version": 9}\n', 1, "version 9"),
        (
            '{"format": "tolk-memory", "version": 1}\n'
            '{"src": "fr", "tgt": "nl", "source": "a", "target": "b", "fuzzy": false, '
            '"origin": ""}\n'
            '{"src": "fr", "tgt": "nl", "source": "a"\n',
            3,
            "not valid JSON",
        ),
        ('{"format": "tolk-memory", "version": 1}\n["fr"]\n', 2, "a memory unit needs"),
    ],
)
def test_a_broken_store_names_file_and_line(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    path = tmp_path / "memory.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        TranslationMemory.load(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_a_missing_store_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        TranslationMemory.load(tmp_path / "nope.jsonl")


# -- TMX out ----------------------------------------------------------------------

CODED = TMUnit(
    "fr",
    "nl",
    "Le <g1>magnésium</g1> & le zinc<x2/>",
    "<g1>Magnesium</g1> & zink<x2/>",
    origin="locales/nl/LC_MESSAGES/magnesium.po",
)


def test_export_one_pair_or_every_pair(tmp_path: Path) -> None:
    memory = TranslationMemory(
        [CODED, TMUnit("fr", "en", "Rêves", "Dreams"), TMUnit("fr", "nl", "Nuit", "Nacht", True)]
    )
    assert memory.export_tmx(tmp_path / "fr-nl.tmx", pair=("fr", "nl")) == 2
    text = (tmp_path / "fr-nl.tmx").read_text(encoding="utf-8")
    assert 'srclang="fr"' in text and "Dreams" not in text
    assert (
        '<seg>Le <bpt i="1">&lt;g1&gt;</bpt>magnésium<ept i="1">&lt;/g1&gt;</ept>'
        ' &amp; le zinc<ph x="2">&lt;x2/&gt;</ph></seg>'
    ) in text
    assert '<prop type="x-tolk-fuzzy">true</prop>' in text
    assert memory.export_tmx(tmp_path / "reviewed.tmx", pair=("fr", "nl"), include_fuzzy=False) == 1
    assert memory.export_tmx(tmp_path / "all.tmx") == 3
    assert 'srclang="*all*"' in (tmp_path / "all.tmx").read_text(encoding="utf-8")


def test_translate_toolkit_reads_tmx_written_by_tolk(tmp_path: Path) -> None:
    from translate.storage import tmx

    memory = TranslationMemory([CODED, TMUnit("fr", "en", "Rêves", "Dreams")])
    path = tmp_path / "tolk.tmx"
    memory.export_tmx(path)
    with path.open("rb") as handle:
        store = tmx.tmxfile(handle)
    # The code elements hold Tolk's codes, so the plain text is the Tolk sentence.
    assert sorted((u.source, u.target) for u in store.units) == [
        (CODED.source, CODED.target),
        ("Rêves", "Dreams"),
    ]
    assert store.translate(CODED.source, "fr", "nl") == CODED.target  # type: ignore[no-untyped-call]


def test_a_code_used_twice_keeps_tmx_i_unique_and_reads_back(tmp_path: Path) -> None:
    unit = TMUnit("fr", "nl", "<g1>a</g1> <g1>b</g1>", "<g1>c</g1> <g1>d</g1>")
    path = tmp_path / "twice.tmx"
    TranslationMemory([unit]).export_tmx(path)
    text = path.read_text(encoding="utf-8")
    assert '<bpt i="1">' in text and '<bpt i="2">' in text
    memory = TranslationMemory()
    memory.import_tmx(path)
    assert memory.units() == [unit]


# -- TMX in -----------------------------------------------------------------------


def test_import_tmx_written_by_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="fr", targetlanguage="nl")
    store.addtranslation("Le <g1>sommeil</g1> profond", "fr", "De <g1>diepe</g1> slaap", "nl")
    store.addtranslation("Bonne nuit", "fr-FR", "Goedenacht", "nl-BE", comment="a note")
    path = tmp_path / "tt.tmx"
    store.savefile(str(path))
    memory = TranslationMemory()
    assert memory.import_tmx(path).added == 2
    assert memory.units() == [
        TMUnit("fr", "nl", "Bonne nuit", "Goedenacht", origin="import:tt.tmx"),
        TMUnit("fr", "nl", "Le <g1>sommeil</g1> profond", "De <g1>diepe</g1> slaap", False,
               "import:tt.tmx"),
    ]  # fmt: skip


def test_import_po2tmx_output_of_a_tolk_catalog(tmp_path: Path) -> None:
    from translate.convert.po2tmx import po2tmx
    from translate.storage import tmx

    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Lisez <g1>notre guide</g1>.<x2/>"\nmsgstr "Lees <g1>onze gids</g1>.<x2/>"\n\n'
        '#, fuzzy\nmsgid "Le sommeil"\nmsgstr "De slaap"\n'
    )
    store = tmx.tmxfile()
    po2tmx().convertfiles(BytesIO(po.encode()), store, "fr", "nl")
    path = tmp_path / "po2tmx.tmx"
    store.savefile(str(path))
    memory = TranslationMemory()
    assert memory.import_tmx(path, origin="po2tmx").added == 1
    assert memory.units() == [
        TMUnit("fr", "nl", "Lisez <g1>notre guide</g1>.<x2/>", "Lees <g1>onze gids</g1>.<x2/>",
               origin="po2tmx")
    ]  # fmt: skip


def imported(name: str) -> list[TMUnit]:
    memory = TranslationMemory()
    memory.import_tmx(TMX_DATA / name, origin=name)
    return memory.units()


def test_import_omegat_level2_maps_codes_by_x() -> None:
    o = "omegat-level2.tmx"
    assert imported(o) == [
        TMUnit("fr", "nl", "Le <g1>magnésium</g1> aide à dormir.",
               "<g1>Magnesium</g1> helpt bij het slapen.", False, o),
        TMUnit("fr", "nl", "Lisez <g1>notre guide</g1> sur le <g2>sommeil</g2>.<x3/>",
               "Lees onze <g2>slaap</g2><g1>gids</g1>.<x3/>", False, o),
        TMUnit("fr", "nl", "Sommeil & nutrition", "Slaap & voeding", False, o),
    ]  # fmt: skip


def test_import_omegat_level1_keeps_its_tag_text_as_text() -> None:
    # TMX 1.1 style ``lang`` attribute; OmegaT's own tags are plain text here.
    [unit] = imported("omegat-level1.tmx")
    assert (unit.src_lang, unit.tgt_lang) == ("fr", "en")
    assert unit.source == "Le <f0>magnésium</f0> aide à dormir."


def test_import_trados_studio_empty_markers_and_skips_other_languages() -> None:
    assert imported("trados-studio.tmx") == [
        TMUnit("fr", "nl", "Prenez <g1>deux gélules</g1> le soir.<x2/>",
               "Neem 's avonds <g1>twee capsules</g1>.<x2/>", False, "trados-studio.tmx")
    ]  # fmt: skip


def test_import_trados_2007_utf16_matches_codes_by_content() -> None:
    t = "trados-2007.tmx"
    assert imported(t) == [
        TMUnit("en", "fr", "Sleep better<x1/>tonight<x2/>.", "Dormez mieux<x1/>ce soir<x2/>.",
               False, t),
        TMUnit("en", "nl", "Take <g1>magnesium</g1> with <g2>water</g2>.",
               "Neem <g2>water</g2> bij het <g1>magnesium</g1>.", False, t),
    ]  # fmt: skip


def test_import_multilingual_tu_with_hi_it_and_ut() -> None:
    m = "multilingual.tmx"
    assert imported(m) == [
        TMUnit("fr", "en", "Le <g1>magnésium</g1> <x2/>agit<x3/>",
               "<g1>Magnesium</g1> <x2/>works<x3/>", False, m),
        TMUnit("fr", "nl", "Le <g1>magnésium</g1> <x2/>agit<x3/>",
               "<g1>Magnesium</g1> <x2/>werkt<x3/>", False, m),
    ]  # fmt: skip


def test_import_default_origin_and_kept_tolk_origin(tmp_path: Path) -> None:
    memory = TranslationMemory()
    memory.import_tmx(TMX_DATA / "trados-studio.tmx")
    assert memory.units()[0].origin == "import:trados-studio.tmx"
    path = tmp_path / "tolk.tmx"
    TranslationMemory([CODED]).export_tmx(path)
    again = TranslationMemory()
    again.import_tmx(path, origin="ignored when the file says")
    assert again.units() == [CODED]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("bad-unclosed.tmx", 7, "not well-formed XML"),
        ("bad-no-seg.tmx", 11, "without <seg>"),
        ("billion-laughs.tmx", 1, "entity declarations are refused"),
    ],
)
def test_bad_tmx_names_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        TranslationMemory().import_tmx(TMX_DATA / name)
    assert caught.value.path == str(TMX_DATA / name)
    assert caught.value.line == line
    assert f"{name}:{line}: " in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('<?xml version="1.0"?>\n<xliff version="1.2"/>\n', "not <tmx>"),
        ('<?xml version="1.0"?>\n<tmx version="1.4"><header/></tmx>\n', "no <body>"),
        (
            '<tmx version="1.4"><header srclang="fr"/><body>\n<tu>'
            '<tuv><seg>a</seg></tuv><tuv xml:lang="nl"><seg>b</seg></tuv></tu></body></tmx>',
            "without xml:lang",
        ),
    ],
)
def test_other_bad_tmx(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        TranslationMemory().import_tmx(path)
    assert caught.value.path == str(path) and caught.value.line is not None


def test_a_missing_tmx_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        TranslationMemory().import_tmx(tmp_path / "nope.tmx")


# -- round trips (property tests) -------------------------------------------------

LANGS = ("fr", "nl", "en")
xml_char = st.characters(exclude_categories=("Cs", "Cc")).filter(lambda c: c not in "\ufffe\uffff")
plain = st.text(alphabet=st.one_of(xml_char, st.sampled_from("<>&\"'\t\n\r /gx1")), max_size=8)
code = st.sampled_from(["<g1>", "</g1>", "<g2>", "</g2>", "<x1/>", "<x3/>", "<g12>", "</g12>"])
coded_text = st.lists(st.one_of(plain, code), min_size=1, max_size=6).map("".join).filter(bool)


@st.composite
def tm_units(draw: st.DrawFn) -> TMUnit:
    src, tgt = draw(st.permutations(LANGS))[:2]
    return TMUnit(src, tgt, draw(coded_text), draw(coded_text), draw(st.booleans()), draw(plain))


@settings(max_examples=60, deadline=None)
@given(st.lists(tm_units(), max_size=8))
def test_save_load_round_trip(units: list[TMUnit]) -> None:
    memory = TranslationMemory(units)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "memory.jsonl"
        memory.save(path)
        assert TranslationMemory.load(path).units() == memory.units()


@settings(max_examples=60, deadline=None)
@given(st.lists(tm_units(), max_size=8))
def test_export_import_tmx_round_trip(units: list[TMUnit]) -> None:
    memory = TranslationMemory(units)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "memory.tmx"
        assert memory.export_tmx(path) == len(memory)
        again = TranslationMemory()
        assert again.import_tmx(path).added == len(memory)
        assert again.units() == memory.units()


def test_an_unreviewed_note_from_another_tool_reads_as_fuzzy(tmp_path: Path) -> None:
    path = tmp_path / "other.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu><note>unreviewed: draft</note>'
        '<tuv xml:lang="en"><seg>Sleep</seg></tuv><tuv xml:lang="fr"><seg>Sommeil</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    memory = TranslationMemory()
    assert memory.import_tmx(path).added == 1
    assert [u.fuzzy for u in memory.units()] == [True]
