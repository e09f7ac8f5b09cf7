"""The Jinja environment every template is rendered in: a sandbox, since a project may supply
templates (`templates/site/` overrides the site's theme) and a template is code.

Jinja's immutable sandbox refuses internal attributes (`lipsum.__globals__`) and changes to lists
and dicts. On top of it, a template may read values and call the methods of plain data (a dict's
`get`, a string's `split`) and of Jinja itself (macros, blocks, loops), nothing else: no method of
an application object (mkdocs' `theme.get_env()` would hand out an environment without a
sandbox), no file path, module, file or environment, and nothing of pbxdoc's own objects. A
refused access stops the build with the template's name.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping
from pathlib import PurePath
from types import ModuleType
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from generator.diagnostics import PbxdocError
from generator.escaping import visible

_CAPABILITIES = (PurePath, ModuleType, io.IOBase, jinja2.Environment, jinja2.Template, jinja2.BaseLoader)
_READ_ONLY_MAPPING_METHODS = frozenset({"get", "items", "keys", "values"})


class TemplateRefused(PbxdocError):
    """A template tried to reach beyond the values it was given."""


def _template_name() -> str:
    """The template being rendered, from the stack (Jinja runs a template as code whose globals
    name it)."""
    frame = sys._getframe(1)
    while frame is not None:
        names = frame.f_globals
        env, name = names.get("environment"), names.get("name")
        if isinstance(env, jinja2.Environment) and isinstance(name, str):
            try:  # the file, which says whose template it is (a project's override or the theme's)
                return (env.loader.get_source(env, name)[1] if env.loader else None) or name
            except jinja2.TemplateNotFound:
                return name
        frame = frame.f_back
    return "a template"


def _plain_data(obj: Any) -> bool:
    return type(obj).__module__ == "builtins" or type(obj).__module__.startswith(("jinja2.", "markupsafe"))


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, limited to reading data (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decisions: dict[tuple[type, str, type], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Decided once per (class of obj, attribute, class of value): every test below looks at
        classes only, and a site's theme reads the same few attributes hundreds of thousands of times."""
        key = (type(obj), attr, type(value))
        decision = self._decisions.get(key)
        if decision is None:
            decision = self._decisions[key] = self._is_safe_attribute(obj, attr, value)
        return decision

    def _is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, _CAPABILITIES) or isinstance(value, _CAPABILITIES):
            return False
        if type(value).__module__.startswith("generator.") or type(obj).__module__.startswith("generator."):
            return False
        if callable(value) and not isinstance(value, jinja2.Undefined):
            return _plain_data(obj) or (isinstance(obj, Mapping) and attr in _READ_ONLY_MAPPING_METHODS)
        return True

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise TemplateRefused(
            f"{_template_name()}: the template reads {attribute!r} of a {type(obj).__name__} object, which templates may not "
            "(they run in a sandbox that gives them values only); remove that expression from the template"
        )

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        if not __self.is_safe_callable(__obj):
            raise TemplateRefused(f"{_template_name()}: the template calls {__obj!r}, which templates may not; remove that call")
        return super().call(__context, __obj, *args, **kwargs)


def _visible(value: Any) -> Any:
    """Data printed by a template: control characters shown (markup we made is left alone)."""
    return value if isinstance(value, Markup) or not isinstance(value, str) else visible(value)


def environment(loader: jinja2.BaseLoader, **options: Any) -> Sandbox:
    """A sandboxed environment that escapes what it prints (HTML) and fails on an unknown name."""
    return Sandbox(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, finalize=_visible, **options)


def sandboxed(env: jinja2.Environment) -> Sandbox:
    """The same templates, filters, tests, globals and settings as env, rendered in the sandbox
    (for an environment another tool made, such as mkdocs' theme environment)."""
    sandbox = Sandbox(
        loader=env.loader,
        autoescape=env.autoescape,
        undefined=env.undefined,
        finalize=env.finalize,
        extensions=list(env.extensions),
        trim_blocks=env.trim_blocks,
        lstrip_blocks=env.lstrip_blocks,
        keep_trailing_newline=env.keep_trailing_newline,
        auto_reload=env.auto_reload,
    )
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    sandbox.globals.update(env.globals)
    sandbox.policies.update(env.policies)
    return sandbox
