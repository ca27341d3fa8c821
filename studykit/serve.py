"""`studykit serve`: MkDocs' live server with the studykit plugin doing check and generate on every rebuild.

Edits to Markdown and YAML rebuild the preview; problems are printed and never stop it. A busy port is one line,
not a traceback.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from .sources.siteconfig import CONFIG_FILE, load_site_config


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def serve(root: Path, *, port: int = 8000, host: str = "127.0.0.1") -> int:
    config, _ = load_site_config(root)
    if "studykit" not in config.plugins:
        print(
            f"error: {CONFIG_FILE} does not list the studykit plugin; add it: plugins: [search, studykit]",
            file=sys.stderr,
        )
        return 2
    if not port_is_free(host, port):
        print(f"error: port {port} is already in use; stop the other server or pass --port {port + 1}", file=sys.stderr)
        return 2
    from .engine.mkdocs import serve_with_mkdocs

    print(f"Serving the study site at http://{host}:{port}/ (Ctrl+C stops)", file=sys.stderr)
    serve_with_mkdocs(root / CONFIG_FILE, host=host, port=port)
    return 0
