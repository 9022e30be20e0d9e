"""Commands: one declaration per command (registry), the engine that dispatches to them, and their answers."""
