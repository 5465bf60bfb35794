"""Registration of the subcommands that live beside their stage modules."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Any) -> None:
    """Add check, fix and report to the parser (the other stages are in cli)."""
    from pipeline.checks.command import register as register_checks
    from pipeline.report import register as register_report

    register_checks(sub, add)
    register_report(sub, add)
