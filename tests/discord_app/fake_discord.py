"""A small Discord-compatible fake (REST + gateway websocket on 127.0.0.1) for smoke-testing a real
`pressbot run` process. Only what discord.py needs to log in, receive one guild and post replies."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

BOT_ID, APP_ID, GUILD_ID, CHANNEL_ID, USER_ID = 900001, 900001, 900100, 900200, 900300
_ids = itertools.count(910000)


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py only parses bodies whose Content-Type is exactly application/json (no charset)
    return web.Response(body=json.dumps(data).encode(), status=status, content_type="application/json")


def _user(uid: int, name: str, bot: bool = False) -> dict:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
            "bot": bot}


class FakeDiscord:
    """Records identify, posted messages and every REST call; can push MESSAGE_CREATE events. `guilds`: guild
    id -> its text channels (default: one guild with #desk); `files`: attachments served for download."""

    def __init__(self, guilds: dict[int, list[int]] | None = None) -> None:
        self.guilds = guilds or {GUILD_ID: [CHANNEL_ID]}
        self.guild_of = {c: g for g, channels in self.guilds.items() for c in channels}
        self.files: dict[str, bytes] = {}
        self.posted_to: list[int] = []  # the channel of each posted message, beside `posted`
        self.edited: list[dict] = []  # PATCHed messages: {"channel", "id", "body"}
        self.message_edited = asyncio.Event()
        self.port = 0
        self.requests: list[tuple[str, str]] = []
        self.posted: list[dict] = []
        self.sent_at: dict[str, float] = {}  # message id -> when `say` pushed it (time.perf_counter)
        self.replied_at: dict[str, float] = {}  # the message a reply refers to -> when the reply was posted
        self.identified = asyncio.Event()
        self.guild_sent = asyncio.Event()
        self.message_posted = asyncio.Event()
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._runner: web.AppRunner | None = None

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- REST -----------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.Response:
        tail = request.match_info["tail"]
        self.requests.append((request.method, tail))
        if tail == "users/@me":
            return _json(_user(BOT_ID, "pressbot", bot=True))
        if tail == "oauth2/applications/@me":
            return _json({"id": str(APP_ID), "name": "pressbot", "icon": None, "description": "",
                          "bot_public": True, "bot_require_code_grant": False, "verify_key": "0" * 64,
                          "owner": _user(USER_ID, "owner"), "flags": 0})
        if tail in ("gateway", "gateway/bot"):
            return _json({"url": self.gateway, "shards": 1,
                          "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0,
                                                  "max_concurrency": 1}})
        if tail.endswith("/commands") and request.method == "PUT":
            body = await request.json()
            return _json([{**c, "id": str(next(_ids)), "application_id": str(APP_ID), "version": "1"}
                          for c in body])
        parts = tail.split("/")
        channel = int(parts[1]) if len(parts) > 2 and parts[0] == "channels" and parts[1].isdigit() else None
        if channel in self.guild_of and parts[2:] == ["messages"] and request.method == "POST":
            body = await request.json()
            self.posted.append(body)
            self.posted_to.append(channel)
            ref = (body.get("message_reference") or {}).get("message_id")
            if ref is not None:
                self.replied_at.setdefault(str(ref), time.perf_counter())
            self.message_posted.set()
            return _json(self._message(body.get("content") or "", _user(BOT_ID, "pressbot", bot=True),
                                       embeds=body.get("embeds") or [], channel=channel))
        if channel in self.guild_of and len(parts) == 4 and parts[2] == "messages" and request.method == "PATCH":
            body = await request.json()
            self.edited.append({"channel": channel, "id": parts[3], "body": body})
            self.message_edited.set()
            msg = self._message(body.get("content") or "", _user(BOT_ID, "pressbot", bot=True),
                                embeds=body.get("embeds") or [], channel=channel)
            return _json({**msg, "id": parts[3]})
        if channel in self.guild_of and parts[2:] == ["typing"] and request.method == "POST":
            return web.Response(status=204)
        return _json({"message": "Unknown route in fake", "code": 0}, status=404)

    async def _file(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["name"])
        return web.Response(body=data, content_type="application/octet-stream") if data is not None else \
            web.Response(status=404)

    def _message(self, content: str, author: dict, embeds: list | None = None, channel: int = CHANNEL_ID) -> dict:
        return {"id": str(next(_ids)), "channel_id": str(channel), "guild_id": str(self.guild_of[channel]),
                "author": author,
                "content": content, "timestamp": datetime.now(UTC).isoformat(), "edited_timestamp": None,
                "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
                "embeds": embeds or [], "pinned": False, "type": 0, "flags": 0}

    # -- gateway --------------------------------------------------------------------------------
    async def _send(self, op: int, d: Any, t: str | None = None) -> None:
        assert self._ws is not None
        payload: dict[str, Any] = {"op": op, "d": d, "s": None, "t": t}
        if op == 0:
            self._seq += 1
            payload["s"] = self._seq
        await self._ws.send_str(json.dumps(payload))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await self._send(10, {"heartbeat_interval": 40000})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            if data["op"] == 1:
                await self._send(11, None)
            elif data["op"] == 2:
                self.identified.set()
                ready = {"v": 10, "user": _user(BOT_ID, "pressbot", bot=True), "guilds": [
                    {"id": str(g), "unavailable": True} for g in self.guilds], "session_id": "fake-session",
                    "resume_gateway_url": self.gateway, "application": {"id": str(APP_ID), "flags": 0}}
                if data["d"].get("shard"):  # as Discord does: a sharded IDENTIFY gets its shard back
                    ready["shard"] = data["d"]["shard"]
                await self._send(0, ready, "READY")
                for g in self.guilds:
                    await self._send(0, self._guild(g), "GUILD_CREATE")
                self.guild_sent.set()
        return ws

    def _guild(self, gid: int = GUILD_ID) -> dict:
        return {"id": str(gid), "name": f"Newsroom {gid}", "unavailable": False, "owner_id": str(USER_ID),
                "member_count": 2, "large": False, "features": [], "emojis": [], "stickers": [], "threads": [],
                "presences": [], "voice_states": [], "stage_instances": [], "guild_scheduled_events": [],
                "roles": [{"id": str(gid), "name": "@everyone", "permissions": "3263553", "position": 0,
                           "color": 0, "hoist": False, "managed": False, "mentionable": False}],
                "channels": [{"id": str(c), "type": 0, "name": "desk" if n == 0 else f"desk{n}", "position": n,
                              "permission_overwrites": [], "guild_id": str(gid)} for n, c in enumerate(self.guilds[gid])],
                "members": [{"user": _user(BOT_ID, "pressbot", bot=True), "roles": [],
                             "joined_at": datetime.now(UTC).isoformat(), "deaf": False, "mute": False, "flags": 0}],
                "joined_at": datetime.now(UTC).isoformat()}

    async def say(self, content: str, user: int = 0, channel: int = CHANNEL_ID,
                  attachments: dict[str, bytes] | None = None) -> str:
        """A reporter (number `user`, each its own Discord user) types `content` in a channel (#desk), with
        files attached (name -> bytes, served by the fake for download); the message id."""
        msg = self._message(content, _user(USER_ID + user, f"reporter{user or ''}"), channel=channel)
        for name, data in (attachments or {}).items():
            self.files[name] = data
            url = f"http://127.0.0.1:{self.port}/files/{name}"
            msg["attachments"].append({"id": str(next(_ids)), "filename": name, "size": len(data), "url": url,
                                       "proxy_url": url})
        msg["member"] = {"roles": [], "joined_at": datetime.now(UTC).isoformat(), "deaf": False, "mute": False,
                         "flags": 0}
        self.sent_at[msg["id"]] = time.perf_counter()
        await self._send(0, msg, "MESSAGE_CREATE")
        return msg["id"]
