"""pressbot: cited answers from press releases, for Discord and the terminal."""

__version__ = "0.1.0"
