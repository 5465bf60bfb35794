"""The Argos Translate engine: installed packages, the CTranslate2 engine, and
the placement of inline codes in machine output.

argostranslate and ctranslate2 are imported only here, lazily, so commands
that need no model start fast.
"""
