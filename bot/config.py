"""Typed configuration loaded from YAML; fails fast naming the file, the key and the problem."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.extract.lexicon import STATES
from bot.token_guard import REFUSED, token_key, token_line


class ConfigError(Exception):
    """A configuration problem, always naming the file and the key."""

    def __init__(self, file: str | Path, key: str, problem: str) -> None:
        self.file, self.key, self.problem = str(file), key, problem
        super().__init__(f"{file}: {key}: {problem}")


@dataclass
class SourceConfig:
    """How a source (a corpus folder) is shown: its office's display name, and a rule for each release's
    link. `url` is a template over the file name: {stem} (the name without its extension), {path} (the
    stem with '_' read as '/'), {name} (the whole file name); a release's own `url` (front matter, JSONL,
    HTML metadata) wins over it."""

    name: str = ""
    url: str | None = None


@dataclass
class WatchConfig:
    """Watched folders: new, changed and deleted corpus files are applied as they appear on disk."""

    enabled: bool = False
    interval_s: float = 2.0  # seconds between two looks at the folders; a file must be unchanged across two


@dataclass
class CorpusConfig:
    """Where releases come from and how they are cleaned."""

    paths: list[str] = field(default_factory=lambda: ["../corpus"])
    sources: dict[str, SourceConfig] = field(default_factory=dict)  # folder -> name (a string) or {name, url}
    cache_dir: str = "../.pressbot-cache"
    cache_keep: int = 3  # saved snapshots kept per corpus; older ones are pruned
    reload_timeout_s: float = 900.0  # a reload's build taking longer is stopped; the old index keeps serving
    max_file_mb: float = 20.0
    # A line recurring in at least this many files (and this fraction) of one folder is boilerplate.
    boilerplate_min_files: int = 4
    boilerplate_min_fraction: float = 0.004
    max_paragraph_chars: int = 1500
    allow_empty: bool = False  # `pressbot run` starts (with a WARNING) on a corpus with no release
    # Folder (or source) name -> home state code, for an office whose releases never write their state
    # ({riverside_ca: CA}); without it the state is read from the releases' own county and city names.
    home_states: dict[str, str] = field(default_factory=dict)
    watch: WatchConfig = field(default_factory=WatchConfig)


@dataclass
class IndexConfig:
    """BM25 parameters (rank_bm25.BM25Okapi defaults) and the tokenizer."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    stem: bool = True
    workers: str = "auto"  # build processes: "auto" (every core) or a number; results are the same


@dataclass
class AnswersConfig:
    """Limits on what answers contain."""

    max_citations: int = 5
    max_query_chars: int = 300
    search_results: int = 5
    min_relative_score: float = 0.34
    timeout_s: float = 5.0  # Discord: an answer not ready by then gets "This is taking too long"
    workers: int = 2  # Discord: threads answering off the event loop (more only contend for the GIL)


@dataclass
class CooldownConfig:
    rate: int = 5
    per_seconds: float = 10.0


@dataclass
class DiscordConfig:
    """The Discord adapter; the token itself never lives here."""

    prefix: str = "!"
    token_env: str = "DISCORD_TOKEN"
    token_file: str | None = None
    guild_ids: list[int] = field(default_factory=list)
    admin_role_ids: list[int] = field(default_factory=list)
    admin_user_ids: list[int] = field(default_factory=list)
    ephemeral: bool = False
    allow_dms: bool = True
    shards: str | None = None
    log_channel_id: int | None = None  # every reload/add/remove is posted there (one line)
    cooldown: CooldownConfig = field(default_factory=CooldownConfig)


@dataclass
class GuildAdmins:
    """A server's own admins, in addition to the global ones and Manage Server."""

    role_ids: list[int] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)


@dataclass
class GuildConfig:
    """One server (newsroom): its own corpus folders (beside corpus.paths, which every server sees), its
    admins, the channels it answers in (empty: all) and the channel its audit lines go to."""

    name: str = ""
    corpus: list[str] = field(default_factory=list)
    admins: GuildAdmins = field(default_factory=GuildAdmins)
    channel_ids: list[int] = field(default_factory=list)
    log_channel_id: int | None = None


@dataclass
class AuditConfig:
    """Where the audit trail of reloads/adds/removes/watch batches is kept (JSON lines, append-only)."""

    file: str | None = None  # default: audit.jsonl in corpus.cache_dir
    max_mb: float = 5.0  # the file is rotated (one older generation kept, .1) when it reaches this size


@dataclass
class Config:
    """The whole pressbot configuration."""

    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    index: IndexConfig = field(default_factory=IndexConfig)
    answers: AnswersConfig = field(default_factory=AnswersConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    guilds: dict[int, GuildConfig] = field(default_factory=dict)  # server id -> its newsroom
    audit: AuditConfig = field(default_factory=AuditConfig)
    path: Path | None = None  # the file it came from (not a YAML key)

    def resolve(self, p: str | Path) -> Path:
        """Resolve a path from the config relative to the config file's folder."""
        p = Path(os.path.expanduser(str(p)))
        if p.is_absolute() or self.path is None:
            return p.resolve()
        return (self.path.parent / p).resolve()

    @property
    def shared_paths(self) -> list[Path]:
        """The corpora every server (and a DM) sees."""
        return [self.resolve(p) for p in self.corpus.paths]

    @property
    def corpus_paths(self) -> list[Path]:
        """Every corpus the snapshot indexes: the shared ones, then each server's own folders."""
        out = self.shared_paths
        for g in self.guilds.values():
            out += [p for p in (self.resolve(f) for f in g.corpus) if p not in out]
        return out

    @property
    def cache_dir(self) -> Path:
        return self.resolve(self.corpus.cache_dir)

    @property
    def audit_path(self) -> Path:
        """The audit trail's JSON lines file."""
        return self.resolve(self.audit.file) if self.audit.file else self.cache_dir / "audit.jsonl"


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp)).replace("typing.", "")


def _convert(value: Any, tp: Any, file: Path, key: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(value, inner[0], file, key)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ConfigError(file, key, f"expected a mapping, got {type(value).__name__}")
        return _build(tp, value, file, key + ".")
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(file, key, f"expected a list, got {type(value).__name__}")
        return [_convert(v, item_tp, file, f"{key}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        ktp, vtp = typing.get_args(tp)
        if not isinstance(value, dict):
            raise ConfigError(file, key, f"expected a mapping, got {type(value).__name__}")
        return {_convert(k, ktp, file, key): _convert(v, vtp, file, f"{key}.{k}") for k, v in value.items()}
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is bool and not isinstance(value, bool):
        raise ConfigError(file, key, f"expected true or false, got {value!r}")
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(file, key, f"expected an integer, got {value!r}")
    if not isinstance(value, tp):
        raise ConfigError(file, key, f"expected {_type_name(tp)}, got {type(value).__name__} {value!r}")
    return value


def _build(cls: type, data: dict[str, Any], file: Path, prefix: str = "") -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name != "path"}
    kwargs = {}
    for k, v in data.items():
        if k not in names:
            raise ConfigError(file, f"{prefix}{k}", f"unknown key (known: {', '.join(sorted(names))})")
        kwargs[k] = _convert(v, hints[k], file, f"{prefix}{k}")
    return cls(**kwargs)


# key -> (lowest, highest, lowest excluded); None means unbounded on that side
_RANGES: dict[str, tuple[float | None, float | None, bool]] = {
    "corpus.max_file_mb": (0, None, True), "corpus.cache_keep": (1, 100, False),
    "corpus.reload_timeout_s": (0, None, True), "corpus.boilerplate_min_files": (1, None, False),
    "corpus.boilerplate_min_fraction": (0, 1, False), "corpus.max_paragraph_chars": (100, None, False),
    "index.k1": (0, None, False), "index.b": (0, 1, False), "index.epsilon": (0, None, False),
    "answers.max_citations": (1, 25, False), "answers.max_query_chars": (1, 4000, False),
    "answers.search_results": (1, 25, False), "answers.min_relative_score": (0, 1, False),
    "answers.timeout_s": (0, 120, True), "answers.workers": (1, 64, False),
    "corpus.watch.interval_s": (0.05, 3600, False), "audit.max_mb": (0, None, True),
    "discord.cooldown.rate": (1, None, False), "discord.cooldown.per_seconds": (0, None, True),
}


def _refuse_tokens(data: Any, text: str, file: Path) -> None:
    """A value, key or line shaped like a Discord token is refused by where it is, never echoed."""
    where = token_key(data)
    if where is not None:
        raise ConfigError(file, where, REFUSED)
    line = token_line(text)  # in a comment
    if line is not None:
        raise ConfigError(file, f"(line {line})", REFUSED)


def _expand_sources(data: dict[str, Any]) -> None:
    """`corpus.sources` entries may be a display name alone: read it as {name: ...}."""
    corpus = data.get("corpus")
    if isinstance(corpus, dict) and isinstance(corpus.get("sources"), dict):
        corpus["sources"] = {k: {"name": v} if isinstance(v, str) else v for k, v in corpus["sources"].items()}


_URL_FIELDS = re.compile(r"\{(\w*)\}")


def _check_sources(cfg: Config, file: Path) -> None:
    for key, src in cfg.corpus.sources.items():
        if src.url is None:
            continue
        where = f"corpus.sources.{key}.url"
        if not re.match(r"^https?://", src.url):
            raise ConfigError(file, where, f"must start with http:// or https://, got {src.url[:60]!r}")
        unknown = [f for f in _URL_FIELDS.findall(src.url) if f not in ("stem", "path", "name")]
        if unknown:
            raise ConfigError(file, where, f"unknown placeholder {{{unknown[0]}}} (known: {{stem}}, {{path}}, {{name}})")


def _value(cfg: Config, dotted: str) -> Any:
    obj: Any = cfg
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _check_ranges(cfg: Config, file: Path) -> None:
    for key, (lo, hi, open_lo) in _RANGES.items():
        val = _value(cfg, key)
        if isinstance(val, float) and not math.isfinite(val):
            raise ConfigError(file, key, f"must be a finite number, got {val}")
        low = lo is not None and (val <= lo if open_lo else val < lo)
        if lo is not None and hi is not None and (low or val > hi):
            raise ConfigError(file, key, f"must be between {lo:g} and {hi:g}, got {val}")
        if low:
            raise ConfigError(file, key, f"must be {'>' if open_lo else '>='} {lo:g}, got {val}")
        if hi is not None and val > hi:
            raise ConfigError(file, key, f"must be <= {hi:g}, got {val}")


def _check(cfg: Config, file: Path) -> None:
    if not cfg.corpus.paths:
        raise ConfigError(file, "corpus.paths", "at least one corpus path is required")
    for raw, p in zip(cfg.corpus.paths, cfg.shared_paths, strict=True):
        if not p.exists():
            raise ConfigError(file, "corpus.paths", f"corpus path {raw!r} does not exist (resolved to {p})")
    _check_ranges(cfg, file)
    _check_sources(cfg, file)
    w = cfg.index.workers
    if w != "auto" and not (w.isdigit() and 1 <= int(w) <= 256):
        raise ConfigError(file, "index.workers", f"must be 'auto' or a number of processes from 1 to 256, got {w!r}")
    for src, code in cfg.corpus.home_states.items():
        if code not in STATES.values():
            raise ConfigError(file, f"corpus.home_states.{src}", f"must be a US state code such as 'TX', got {code!r}")
    if not cfg.discord.prefix.strip():
        raise ConfigError(file, "discord.prefix", "must not be empty")
    if cfg.discord.shards not in (None, "auto"):
        raise ConfigError(file, "discord.shards", f"must be null or 'auto', got {cfg.discord.shards!r}")
    everyone = set(cfg.discord.admin_role_ids) & set(cfg.discord.guild_ids)
    if everyone:
        raise ConfigError(file, "discord.admin_role_ids",
                          f"{sorted(everyone)[0]} is a server id, which is also the id of its @everyone role: "
                          "it would make every member an admin; list the admin role's own id")
    _check_guilds(cfg, file)


def _check_guilds(cfg: Config, file: Path) -> None:
    shared = cfg.shared_paths
    for gid, g in cfg.guilds.items():
        where = f"guilds.{gid}"
        if gid <= 0:
            raise ConfigError(file, where, f"a server id must be a positive integer, got {gid}")
        if gid in g.admins.role_ids:
            raise ConfigError(file, f"{where}.admins.role_ids",
                              f"{gid} is this server's id, which is also the id of its @everyone role: it would "
                              "make every member an admin; list the admin role's own id")
        for i, raw in enumerate(g.corpus):
            p = cfg.resolve(raw)
            if not p.is_dir():
                raise ConfigError(file, f"{where}.corpus[{i}]", f"folder {raw!r} does not exist (resolved to {p})")
            for s in shared:
                if p == s or s in p.parents or p in s.parents:
                    raise ConfigError(file, f"{where}.corpus[{i}]", f"folder {raw!r} overlaps corpus.paths "
                                      f"entry {s}: a server's own releases must live outside the shared corpora")
            for other_id, other in cfg.guilds.items():
                nested = [o for o in map(cfg.resolve, other.corpus) if o != p and (o in p.parents or p in o.parents)]
                if nested:
                    raise ConfigError(file, f"{where}.corpus[{i}]", f"folder {raw!r} is nested with {nested[0]} "
                                      f"(guilds.{other_id}): one server's releases would show in the other")


def load_config(path: str | Path | None = None, corpus_override: list[str] | None = None) -> Config:
    """Load and validate a config file; `corpus_override` replaces corpus.paths (resolved from cwd)."""
    file = find_config(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(file, "(file)", f"cannot read: {e.strerror or e}") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        line = token_line(text)  # the parser's message would quote the line it stopped at
        if line is not None:
            raise ConfigError(file, f"(line {line})", REFUSED) from None
        raise ConfigError(file, "(syntax)", f"invalid YAML: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(file, "(top level)", "expected a mapping of sections")
    _refuse_tokens(data, text, file)
    _expand_sources(data)
    index = data.get("index")
    if isinstance(index, dict) and isinstance(index.get("workers"), int) and not isinstance(index["workers"], bool):
        index["workers"] = str(index["workers"])
    if isinstance(data.get("guilds"), dict):  # YAML may quote a server id: '1234' reads as 1234
        data["guilds"] = {int(k) if isinstance(k, str) and k.isdigit() else k: v for k, v in data["guilds"].items()}
    cfg: Config = _build(Config, data, file)
    cfg.path = file.resolve()
    if corpus_override:
        cfg.corpus.paths = [str(Path(p).resolve()) for p in corpus_override]
        for p in cfg.corpus.paths:
            if not Path(p).exists():
                raise ConfigError("--corpus", "corpus.paths", f"corpus path {p!r} does not exist")
    _check(cfg, file)
    return cfg


def find_config(path: str | Path | None) -> Path:
    """--config, else $PRESSBOT_CONFIG, else ./config/pressbot.yaml, else the one beside the package."""
    if path:
        return Path(path)
    if os.environ.get("PRESSBOT_CONFIG"):
        return Path(os.environ["PRESSBOT_CONFIG"])
    local = Path("config/pressbot.yaml")
    if local.exists():
        return local
    return Path(__file__).resolve().parent.parent / "config" / "pressbot.yaml"
