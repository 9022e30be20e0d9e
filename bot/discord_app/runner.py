"""`pressbot run`: token from the environment or a file, optional test endpoints, then the bot."""

from __future__ import annotations

import logging
import os
import sys

import discord
import yarl

from bot.commands.engine import Engine
from bot.config import Config
from bot.empty_corpus import empty_corpus_problem
from bot.store import SnapshotStore

log = logging.getLogger("pressbot.discord")
API_ENV, GATEWAY_ENV = "PRESSBOT_DISCORD_API", "PRESSBOT_DISCORD_GATEWAY"


class TokenError(Exception):
    """No usable token; the message says where pressbot looked (never the token itself)."""


def resolve_token(cfg: Config) -> str:
    """DISCORD_TOKEN (or the configured variable), else the token file named in config."""
    d = cfg.discord
    token = os.environ.get(d.token_env, "").strip()
    if token:
        return token
    if d.token_file:
        path = cfg.resolve(d.token_file)
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError as e:
            raise TokenError(f"cannot read the token file {path}: {e.strerror or e}") from None
        if token:
            return token
        raise TokenError(f"the token file {path} is empty")
    raise TokenError(f"no Discord token: set the {d.token_env} environment variable "
                     f"or name a file in config (discord.token_file)")


def apply_test_endpoints() -> None:
    """Test-only: talk to a Discord-compatible fake instead of discord.com when the variables are set."""
    api, gateway = os.environ.get(API_ENV), os.environ.get(GATEWAY_ENV)
    if api:
        discord.http.Route.BASE = api.rstrip("/")
        log.warning("TEST MODE: Discord REST API at %s", api)
    if gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
        log.warning("TEST MODE: Discord gateway at %s", gateway)


def run_bot(cfg: Config, no_cache: bool = False) -> int:
    """Load the snapshot, connect, and serve until stopped. Returns a process exit code."""
    from bot.discord_app.client import make_bot
    from bot.progress import ProgressBar

    try:
        token = resolve_token(cfg)
    except TokenError as e:
        print(f"pressbot run: {e}", file=sys.stderr)
        return 2
    apply_test_endpoints()
    store = SnapshotStore.open(cfg, ProgressBar(enabled=True), use_cache=not no_cache)
    empty = empty_corpus_problem(cfg, store.snapshot)
    if empty and not cfg.corpus.allow_empty:
        print(f"pressbot run: refusing to start: {empty}; fix corpus.paths, or set corpus.allow_empty: true "
              f"to serve an empty corpus", file=sys.stderr)
        return 2
    if empty:
        log.warning("STARTING WITH AN EMPTY CORPUS (corpus.allow_empty: true): %s; every answer will say "
                    "nothing was found until a reload finds releases", empty)
    bot = make_bot(cfg, Engine(store))
    try:
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        print(f"pressbot run: Discord rejected the token (from {cfg.discord.token_env} or "
              f"discord.token_file); get a new one in the Developer Portal.", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print("pressbot run: the Message Content intent is off; enable it for this bot in the Discord "
              "Developer Portal (Bot > Privileged Gateway Intents) so prefix commands work.", file=sys.stderr)
        return 2
    return 0
