"""Repairs: pure fixers (text -> text), leftover repairs, and ``tolk fix``'s
planning, change list and replay.

``fixers`` depends only on ``pipeline.text``, so the checks may propose its
output; ``changes`` and ``leftovers`` sit above the checks and use them.
"""
