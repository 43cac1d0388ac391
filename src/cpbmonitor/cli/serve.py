"""`cpb serve`: the web portal under gunicorn, static files served by WhiteNoise."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import typer

from cpbmonitor.cli.errors import fail

app = typer.Typer(help="Serve the web portal (gunicorn).")


def bind_address(host: str, port: int) -> str:
    """``host:port`` as gunicorn binds it (IPv6 literals in brackets)."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" pid=%(p)s'
"""Gunicorn's default access line, plus the worker process that answered."""


def control_socket(host: str, port: int) -> Path:
    """This instance's gunicorn control socket: one per address and port in the data
    directory, so that several ``cpb serve`` on one host never share (nor remove) one."""
    from cpbmonitor.web.settings.paths import data_dir

    name = re.sub(r"[^A-Za-z0-9.]+", "_", host.strip("[]"))
    return data_dir() / "run" / f"gunicorn-{name}-{port}.ctl"


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    return {
        "bind": bind_address(host, port),
        "workers": workers,
        "preload_app": True,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "control_socket": str(control_socket(host, port)),
        "errorlog": "-",
        "timeout": 60,
        "graceful_timeout": 10,
        "forwarded_allow_ips": "127.0.0.1",
    }


def _server(wsgi_app: Any, options: dict[str, Any]) -> Any:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return wsgi_app

    return Server()


@app.callback(invoke_without_command=True)
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(min(4, (os.cpu_count() or 1) + 1), min=1, help="Worker processes."),
) -> None:
    """Serve the web portal at http://HOST:PORT/ until stopped (Ctrl+C)."""
    from cpbmonitor.web.bootstrap import SchemaOutOfDate, require_current_schema, setup_django

    setup_django()
    try:
        require_current_schema()
    except SchemaOutOfDate as error:
        fail(str(error))
    from django.conf import settings

    from cpbmonitor.web.wsgi import application

    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    typer.echo(f"CPB Monitor serving at http://{shown}:{port}/ ({workers} workers; Ctrl+C stops)")
    typer.echo(f"gunicorn control socket: {control_socket(host, port)}")
    if settings.DEBUG:
        typer.echo("note: development settings (DEBUG on); set CPB_ENV=prod in production")
    _server(application, gunicorn_options(host, port, workers)).run()
