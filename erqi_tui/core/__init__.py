"""Typed, immutable records and pure arithmetic: the model, progress, series, units, how figures
read (fmt) and the words of each language. No Textual, no disk."""
