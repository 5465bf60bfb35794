"""Is this text in the page's language? The leftover judge (lingua only here)."""
