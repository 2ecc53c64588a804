"""``rasd serve``: the API and the dashboard from one process (uvicorn)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Any, TextIO

from rasd.cli import positive_bytes

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
EXIT_OK, EXIT_RUNTIME, EXIT_USAGE = 0, 1, 2
KEY_ENV = "RASD_API_KEY"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the REST API and the dashboard over a database",
        description="Serve the JSON API (/api/v1, documented at /api/v1/docs) and the dashboard from one "
        "process, fully offline. Writes (POST /api/v1/articles) need the API key when one is given "
        f"(--api-key, or ${KEY_ENV}); on an address other than loopback the server refuses to start with "
        "writes open and no key (give one, or --read-only).",
    )
    p.add_argument("--db", default=None, metavar="URL",
                   help="database URL (default: $RASD_DB, else sqlite:///rasd.db)")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT,
                   help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--api-key", default=None, help=f"the key writes need (default: ${KEY_ENV})")
    p.add_argument("--read-only", action="store_true", help="refuse every write")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow browser requests from ORIGIN (repeatable; none by default)")
    p.add_argument("--max-body", type=positive_bytes, default=5 * 1024 * 1024, metavar="BYTES",
                   help="largest request body accepted (default 5 MB)")
    p.add_argument("--tiles", metavar="URL", type=_tiles,
                   help="an online map tile layer under the offline basemap, e.g. "
                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png (none by default: nothing is fetched from "
                   "elsewhere)")
    p.add_argument("--tiles-attribution", metavar="TEXT", help="the credit the tile provider asks for")
    p.set_defaults(handler=run_serve)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value}: a port is 0 to 65535")
    return value


def _tiles(text: str) -> str:
    if not text.startswith("https://") or not all(part in text for part in ("{z}", "{x}", "{y}")):
        raise argparse.ArgumentTypeError(f"{text!r}: give an https:// URL template with {{z}}, {{x}} and {{y}}")
    return text


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    key = args.api_key or os.environ.get(KEY_ENV) or None
    if not is_loopback(args.host) and not key and not args.read_only:
        print(f"rasd: error: --host {args.host} is reachable from other machines: give an API key for writes "
              f"(--api-key or ${KEY_ENV}) or serve --read-only", file=err)
        return EXIT_USAGE
    import uvicorn

    from rasd.api.app import create_app
    from rasd.store.errors import StoreError
    from rasd.store.store import READ, WRITE, open_store

    url = args.db or os.environ.get("RASD_DB") or "sqlite:///rasd.db"
    try:  # open it once here, so that a bad database is a clear error before the server starts
        open_store(url, READ if args.read_only else WRITE).close()
    except StoreError as exc:
        print(f"rasd: error: {exc}", file=err)
        return exc.exit_code
    app = create_app(url, api_key=key, read_only=args.read_only, max_body=args.max_body,
                     cors_origins=tuple(args.cors_origin), tiles=args.tiles, tiles_attribution=args.tiles_attribution)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    _announce_when_started(server, args.host, err)
    server.run()
    return EXIT_OK


def _announce_when_started(server: Any, host: str, err: TextIO) -> None:
    """Print the address (with the port the system chose for --port 0) once listening."""
    startup = server.startup

    async def announced(sockets: Any = None) -> None:
        await startup(sockets=sockets)
        for bound in server.servers:
            for sock in bound.sockets:
                port = sock.getsockname()[1]
                shown = f"[{host}]" if ":" in host else host
                print(f"rasd serve: http://{shown}:{port}/ (API: http://{shown}:{port}/api/v1/docs); Ctrl-C stops",
                      file=err, flush=True)
                return

    server.startup = announced
