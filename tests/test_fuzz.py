"""Generated bad input through every command: no crash, no hang, every error names its file.

Hypothesis builds pages (deep nesting, control characters, huge attributes and
paragraphs, binary, odd encodings, FIFOs and symlink loops) and catalogs and TMX
files (truncated, mangled, binary, odd characters), puts each in a scratch
project and runs every writing and reading command in-process through
``pipeline.cli.main``. A run fails the test when it exits 70 (an uncaught
exception), takes longer than :data:`LIMIT` seconds, or prints an ``error:``
line that names no file. The default run is derandomized and short;
``make fuzz`` sets ``TOLK_FUZZ_PAGES`` and ``TOLK_FUZZ_CATALOGS`` for a longer,
random one.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from pipeline.cli import EXIT_BUG, main

from .conftest import ROOT

#: Seconds one command may take on one generated input.
LIMIT = float(os.environ.get("TOLK_FUZZ_LIMIT", "20"))
PAGES = int(os.environ.get("TOLK_FUZZ_PAGES", "0"))
CATALOGS = int(os.environ.get("TOLK_FUZZ_CATALOGS", "0"))
EXAMPLES = PAGES or CATALOGS
FUZZ = settings(
    max_examples=12,
    derandomize=not EXAMPLES,
    deadline=None,
    database=None,
    # no shrinking: a 12 MB catalog shrinks for many minutes, and the failing
    # example prints short anyway (see Blob)
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # capsys is read after every command
    ],
)
#: Every command, as a user runs it on a project.
COMMANDS = (
    ["extract"],
    ["translate", "--pseudo"],
    ["build"],
    ["stats"],
    ["check", "source_articles", "locales"],
    ["fix", "source_articles"],
    ["report"],
)
SAMPLE = ROOT / "source_articles" / "betaine-lichaamsvet.html"
COUNTS = {"pages": 0, "catalogs": 0, "runs": 0, "bugs": 0, "hangs": 0, "unnamed": 0}
STARTED = time.monotonic()
FAILURES: set[str] = set()  # one line per distinct crash or hang, for the figures


class Hang(BaseException):  # not Exception: main() must not take it for a bug
    """A command ran past :data:`LIMIT`."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_all(
    project: Path, names: tuple[str, ...], capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Every command on ``project``; fail on a crash, a hang, or an error naming no file."""
    COUNTS[kind] += 1
    here = os.getcwd()
    os.chdir(project)
    try:
        for command in COMMANDS:
            COUNTS["runs"] += 1
            start = time.monotonic()
            try:
                with time_limit(LIMIT):
                    code = main(["-q", *command])
            except Hang:
                COUNTS["hangs"] += 1
                FAILURES.add(f"hang: tolk {command[0]}")
                pytest.fail(f"tolk {' '.join(command)} ran past {LIMIT} s on {names}")
            err = capsys.readouterr().err
            if code == EXIT_BUG:
                COUNTS["bugs"] += 1
                FAILURES.add(f"tolk {command[0]}: " + err.strip().splitlines()[-1][:300])
                pytest.fail(f"tolk {' '.join(command)} crashed on {names}: {err}")
            for line in err.splitlines():
                if line.startswith("error:") and not any(
                    n in line for n in (*names, "locales", "source")
                ):
                    COUNTS["unnamed"] += 1
                    FAILURES.add(f"tolk {command[0]}: {line[:300]}")
                    pytest.fail(f"tolk {' '.join(command)} named no file: {line}")
            if time.monotonic() - start >= LIMIT:  # an alarm a library swallowed
                COUNTS["hangs"] += 1
                FAILURES.add(f"hang: tolk {command[0]}")
                pytest.fail(f"tolk {' '.join(command)} ran past {LIMIT} s on {names}")
    finally:
        os.chdir(here)


def new_project(root: Path) -> Path:
    project = root / "p"
    (project / "source_articles").mkdir(parents=True)
    shutil.copy(SAMPLE, project / "source_articles" / SAMPLE.name)
    (project / "tolk.toml").write_text('languages = ["nl", "fr"]\n', encoding="utf-8")
    return project


# -- pages ----------------------------------------------------------------------
class Blob:
    """A generated page or catalog, and a repr that fits on a screen.

    Hypothesis prints a failing example with repr(); a 12 MB bytes repr takes
    ages and, under ``-W error``, turns the real failure into a HypothesisWarning.
    """

    def __init__(self, kind: str, data: bytes) -> None:
        self.kind, self.data = kind, data

    def __repr__(self) -> str:
        return f"Blob({self.kind!r}, {len(self.data)} bytes: {self.data[:300]!r}...)"


CONTROLS = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffe\uffff\ud800"
words = st.text(
    alphabet=st.sampled_from(list("abcdé zijn het <>&\"' \n\t") + list(CONTROLS)), max_size=60
)
scale = 10 if EXAMPLES else 1


@st.composite
def pages(draw: st.DrawFn) -> Blob:
    """Page bytes, or kind ``"fifo"`` / ``"loop"`` for a special file."""
    kind = draw(
        st.sampled_from(
            ["deep", "controls", "attribute", "paragraphs", "long", "binary", "encoding",
             "tags", "fifo", "loop"]
        )
    )  # fmt: skip
    page = draw(page_bytes(kind))
    return Blob(kind, page if isinstance(page, bytes) else page.encode("utf-8", "replace"))


@st.composite
def page_bytes(draw: st.DrawFn, kind: str) -> bytes | str:
    """One page of ``kind``."""
    text = draw(words)
    lang = draw(st.sampled_from(['lang="nl"', 'lang="fr"', 'lang="xx"', "", 'lang="\x01"']))

    def page(body: str) -> str:
        return f"<!doctype html><html {lang}><head><title>{text}</title></head><body>{body}"

    if kind in ("fifo", "loop"):
        return b""
    if kind == "deep":
        depth = draw(st.integers(1, 3000))
        tag = draw(st.sampled_from(["div", "b", "span", "table", "ul", "a"]))
        body = f"<{tag}>" * depth + f"<p>{text}</p>" + f"</{tag}>" * draw(st.integers(0, depth))
    elif kind == "controls":
        body = f"<p title='{text}'>{text}</p>" * draw(st.integers(1, 20))
    elif kind == "attribute":
        size = draw(st.integers(1, 10_000 * scale))
        attr = draw(st.sampled_from(["title", "alt", "content", "aria-label"]))
        body = f'<img {attr}="{"Woord " * size}{text}"><p>Zin.</p>'
    elif kind == "paragraphs":
        body = f"<p>Een zin met {text} erin.</p>\n" * draw(st.integers(1, 2000 * scale))
    elif kind == "long":
        body = "<p>" + "Een lange zin zonder einde " * draw(st.integers(1, 5000 * scale)) + "</p>"
    elif kind == "binary":
        return draw(st.binary(min_size=1, max_size=2000))
    elif kind == "encoding":
        encoding = draw(st.sampled_from(["utf-16", "utf-16-be", "cp1252", "latin-1", "koi8-r"]))
        data = page(f"<p>Café {text}</p>").encode(encoding, errors="replace")
        return data[: draw(st.integers(1, len(data)))] if draw(st.booleans()) else data
    else:
        body = draw(
            st.text(alphabet=st.sampled_from(list("<>/=\"' pdivab!-&;#x0123\n")), max_size=400)
        )
    return page(body)


def _page_of(body: str) -> Blob:
    return Blob("example", f'<html lang="nl"><body>{body}</body></html>'.encode())


# An alarm that lands in a gc callback is swallowed there (the elapsed time is
# still checked): not the product's exception.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(FUZZ, max_examples=PAGES or 12)
@example(page=_page_of("<div>" * 10_000 + "<p>diep</p>"))
@example(page=_page_of("<p>a\x0b\x0c\x1b\x01\ufffe\uffff b</p>"))
@example(page=Blob("fifo", b""))
@example(page=Blob("loop", b""))
@given(page=pages())
def test_generated_pages_through_every_command(
    page: Blob, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = new_project(Path(tmp))
        target = project / "source_articles" / "fuzz.html"
        if page.kind == "fifo":
            os.mkfifo(target)
        elif page.kind == "loop":
            target.symlink_to("fuzz.html")
        else:
            target.write_bytes(page.data)
        run_all(project, ("fuzz.html",), capsys, "pages")


# -- catalogs and TMX -----------------------------------------------------------
@st.composite
def catalogs(draw: st.DrawFn) -> Blob:
    kind = draw(st.sampled_from(["cut", "splice", "chars", "binary", "big", "duplicate"]))
    return Blob(kind, draw(catalog_bytes(kind)))


@st.composite
def catalog_bytes(draw: st.DrawFn, kind: str) -> bytes:
    """A real catalog, mangled: cut, spliced, with odd characters, or binary."""
    base = (ROOT / "locales/fr/LC_MESSAGES/betaine-lichaamsvet.po").read_bytes()
    if kind == "cut":
        return base[: draw(st.integers(0, len(base)))]
    if kind == "splice":
        at = draw(st.integers(0, len(base)))
        return base[:at] + draw(st.binary(max_size=40)) + base[at:]
    if kind == "chars":
        text = draw(words).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return base.replace(b'msgstr ""\n\n', f'msgstr "{text}"\n\n'.encode("utf-8", "replace"))
    if kind == "big":
        return base.replace(b'msgstr ""\n\n', b'msgstr "' + b"x " * (20_000 * scale) + b'"\n\n')
    if kind == "duplicate":
        return base + base[base.index(b"\n#.") :]
    return draw(st.binary(max_size=3000))


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(FUZZ, max_examples=CATALOGS or 12)
@example(data=Blob("chars", b'msgid ""\nmsgstr "\\v\\f\\b\xe2\x80\xa8"\n'), tmx=b"<tmx>")
@given(data=catalogs(), tmx=st.binary(max_size=300) | st.sampled_from([b"", b"<tmx>", b"<?xml"]))
def test_generated_catalogs_and_tmx_through_every_command(
    data: Blob, tmx: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = new_project(Path(tmp))
        target = project / "locales/fr/LC_MESSAGES/betaine-lichaamsvet.po"
        target.parent.mkdir(parents=True)
        target.write_bytes(data.data)
        run_all(project, ("betaine-lichaamsvet.po",), capsys, "catalogs")
        (project / "old.tmx").write_bytes(tmx)
        here = os.getcwd()
        os.chdir(project)
        COUNTS["runs"] += 1
        try:
            with time_limit(LIMIT):
                code = main(["-q", "memory", "import", "old.tmx"])
        finally:
            os.chdir(here)
        assert code != EXIT_BUG, capsys.readouterr().err
        for line in capsys.readouterr().err.splitlines():
            assert not line.startswith("error:") or "old.tmx" in line, line


def test_zz_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the run's figures (``make fuzz`` shows them with -s)."""
    with capsys.disabled():
        print(
            f"\nfuzz: {COUNTS['pages']} pages and {COUNTS['catalogs']} catalogs tried, "
            f"{COUNTS['runs']} command runs, {COUNTS['bugs']} uncaught exceptions, "
            f"{COUNTS['hangs']} hangs (over {LIMIT:g} s), {COUNTS['unnamed']} error lines "
            f"naming no file, {time.monotonic() - STARTED:.0f} s"
        )
        for line in sorted(FAILURES):
            print(f"  {line}")
