"""Registration of the subcommands that live beside their stage modules."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Any) -> None:
    """Add translate, check, fix, memory, models and report to the parser."""
    from pipeline.checks.command import register as register_checks

    register_checks(sub, add)
