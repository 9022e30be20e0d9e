"""Servers (newsrooms) and what each may see: the shared corpora (`corpus.paths`) plus its own folders.

One snapshot holds every corpus; a server's answers come from the scoped view of it (`Scope.roots`, the
corpus-root labels of `bot/ingest/files.py::root_labels`), so memory grows with distinct corpora, not
with servers. A direct message (or the CLI without `--guild`) sees only the shared corpora."""

from __future__ import annotations

from pathlib import Path

from bot.commands.scope import Scope
from bot.config import Config, GuildConfig
from bot.ingest.files import root_labels


def labels(cfg: Config) -> dict[Path, str]:
    """Corpus path -> its root label in release ids (a file path is labelled by its folder)."""
    paths = cfg.corpus_paths
    folders = [p.parent if p.is_file() else p for p in paths]
    by_folder = root_labels(folders)
    return {p: by_folder[f] for p, f in zip(paths, folders, strict=True)}


def shared_roots(cfg: Config) -> frozenset[str]:
    lab = labels(cfg)
    return frozenset(lab[p] for p in cfg.shared_paths)


def guild_roots(cfg: Config, guild_id: int) -> frozenset[str]:
    """The root labels of one server's own folders (none for a server not in config)."""
    g = cfg.guilds.get(guild_id)
    if g is None:
        return frozenset()
    lab = labels(cfg)
    return frozenset(lab[cfg.resolve(f)] for f in g.corpus)


def scope_for(cfg: Config, guild_id: int | None) -> Scope:
    """What a server sees (shared roots + its own); a DM (None) sees the shared roots only. Without any
    server configured every root is shared (no restriction at all)."""
    if not cfg.guilds:
        return Scope(guild=guild_id)
    roots = shared_roots(cfg)
    if guild_id is not None:
        roots |= guild_roots(cfg, guild_id)
    return Scope(roots=roots, guild=guild_id)


def guild(cfg: Config, guild_id: int | None) -> GuildConfig | None:
    return None if guild_id is None else cfg.guilds.get(guild_id)


def is_guild_admin(cfg: Config, guild_id: int | None, user_id: int, role_ids: list[int]) -> bool:
    """Listed as an admin of this server (by user id, or one of its roles), beside the global lists."""
    g = guild(cfg, guild_id)
    if g is None:
        return False
    return user_id in g.admins.user_ids or any(r in g.admins.role_ids for r in role_ids if r != guild_id)


def channel_allowed(cfg: Config, guild_id: int | None, channel_id: int | None) -> bool:
    """A server answers in the channels listed in its `channel_ids` (all when empty)."""
    g = guild(cfg, guild_id)
    return g is None or not g.channel_ids or channel_id in g.channel_ids


def first_folder(cfg: Config, guild_id: int | None) -> Path | None:
    """Where `/add` saves a server's uploads: its first corpus folder."""
    g = guild(cfg, guild_id)
    return cfg.resolve(g.corpus[0]) if g is not None and g.corpus else None


def root_of(cfg: Config, path: Path) -> tuple[Path, str] | None:
    """The corpus folder holding `path`, and its label."""
    for p, label in labels(cfg).items():
        folder = p.parent if p.is_file() else p
        if path == folder or folder in path.parents:
            return folder, label
    return None
