"""`pbxdoc serve`: mkdocs' live preview of a project's site, rebuilt when a data file changes.

The top-level mkdocs.yml reads the plugin's options from PBXDOC_* environment variables (mkdocs'
`!ENV`), because mkdocs serve reloads the configuration file on every rebuild.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.site.build import MKDOCS_YML


def serve(project: Path, lang: str | None, audience: str, host: str, port: int, open_browser: bool = False) -> None:
    """Serve until interrupted; the plugin watches the project folder (on_serve)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ.update({"PBXDOC_PROJECT": str(project.resolve()), "PBXDOC_LANG": lang or "", "PBXDOC_AUDIENCE": audience})
    mkdocs_serve(config_file=str(MKDOCS_YML), dev_addr=f"{host}:{port}", open_in_browser=open_browser)
