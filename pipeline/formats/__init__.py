"""Exchange formats with other tools: TMX (and any later one, such as XLIFF)."""
