"""The root of a multilingual site opens the reader's language: the first of the browser's
preferred languages that the site has, else the project's (the first built)."""

from __future__ import annotations

import json


def browser_language_script(languages: tuple[str, ...]) -> str:
    """A script for the root page's head; the meta refresh after it stays for browsers without script."""
    return (
        "(function(){var have=" + json.dumps(list(languages)) + ";"
        "var wanted=(navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||'']);"
        "for(var i=0;i<wanted.length;i++){var l=String(wanted[i]).slice(0,2).toLowerCase();"
        "if(have.indexOf(l)>=0){location.replace(l+'/index.html');return;}}"
        "location.replace(have[0]+'/index.html');})();"
    )
