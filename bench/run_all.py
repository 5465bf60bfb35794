"""Run every benchmark under bench/ in turn (``make bench``).

Each benchmark measures Tolk against a peer in the same run and prints the
ratio; this script only runs them one after another and reports failures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    # issue #16's goals (speed vs the peer, reruns, peak RSS) print beside each figure
    ("tolk extract && tolk build vs html2po + po2html, reruns, RSS", ["bench_commands.py"]),
    ("extract + build in process (no catalog I/O)", ["bench_extract.py"]),
    ("translation memory lookups", ["bench_memory.py"]),
    ("machine translation engine", ["bench_engine.py"]),
    ("tolk check throughput", ["bench_check.py"]),
    ("language detection accuracy", ["eval_language.py"]),
    ("report build", ["bench_report.py"]),
]
# issue #16 point 5 and 7: peak RSS per stage against 150 MiB, check --jobs N vs 1
BENCHES.append(("peak RSS per stage, check --jobs", ["bench_rss.py", "--pages", "200", "2000"]))


def main() -> int:
    failed = []
    for title, argv in BENCHES:
        script = HERE / argv[0]
        if not script.exists():
            print(f"== {title}: {argv[0]} not found, skipped", flush=True)
            continue
        print(f"== {title} ({argv[0]})", flush=True)
        done = subprocess.run([sys.executable, str(script), *argv[1:]], cwd=HERE.parent)
        if done.returncode != 0:
            failed.append(argv[0])
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
