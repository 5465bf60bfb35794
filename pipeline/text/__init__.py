"""Pure text analysis that checks and fixes share: inline codes, plain <-> coded
offsets, glue and spacing, dates, sentences, word frequencies.

Nothing here knows about checks, fixes, files or HTML; data flows one way:
text -> checks -> fixes -> commands.
"""
