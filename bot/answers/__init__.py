"""Answers to each command, computed from a snapshot; nothing here knows about Discord."""
