"""erqi-tui: a terminal dashboard of a district's yearly targets, read from a TOML file."""

__version__ = "0.4.0"
