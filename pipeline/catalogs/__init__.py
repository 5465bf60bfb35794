"""Gettext catalogs: .po read/write/update/stats (polib only here)."""
