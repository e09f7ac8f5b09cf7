"""The template sandbox: values and plain data only; a reach for code fails naming the template."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.templating import TemplateRefused, environment, sandboxed


class Theme(dict):
    """Stands for an application object a tool puts in the context (mkdocs' Theme is a mapping
    whose get_env() returns an environment without a sandbox)."""

    def get_env(self) -> jinja2.Environment:
        return jinja2.Environment()


def render(source: str, **context) -> str:
    env = sandboxed(jinja2.Environment(loader=jinja2.DictLoader({"partials/copyright.html": source})))
    return env.get_template("partials/copyright.html").render(**context)


@pytest.mark.parametrize(
    ("source", "reach"),
    [
        ("{{ lipsum.__globals__['os'].popen('id').read() }}", "__globals__"),
        ("{{ cycler.__init__.__globals__.os.system('id') }}", "__init__"),
        ("{{ theme.get_env().from_string('{{ 1 }}').render() }}", "get_env"),
        ("{{ root.read_text() }}", "read_text"),
        ("{{ root.parent }}", "parent"),
        ("{% set _ = items.append(1) %}", "append"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
    ],
)
def test_a_reach_for_code_fails_naming_the_template(source, reach):
    with pytest.raises(TemplateRefused) as refused:
        render(source, theme=Theme(), root=Path("/"), items=[])
    assert "partials/copyright.html" in str(refused.value)
    assert reach in str(refused.value)


def test_templates_still_read_values_and_use_macros():
    source = (
        "{% macro item(x) %}<li>{{ x|upper }}</li>{% endmacro %}"
        "{% for k, v in config.items() %}{{ item(k ~ '=' ~ v) }}{% endfor %}"
        "{{ config.get('name') }} {{ theme.palette }} {{ 'a,b'.split(',')|join('+') }} {{ loop_free|default('-') }}"
    )
    html = render(source, config={"name": "Rochat"}, theme=Theme(palette="teal"))
    assert html == "<li>NAME=ROCHAT</li>Rochat teal a+b -"


def test_pbxdoc_environment_escapes_and_shows_control_characters():
    env = environment(jinja2.DictLoader({"t.html": "<p>{{ name }}</p>"}))
    assert env.get_template("t.html").render(name="<b>\x1b[31m</b>") == "<p>&lt;b&gt;&lt;U+001B&gt;[31m&lt;/b&gt;</p>"
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("t.html").render()


def test_a_decision_remembered_for_one_value_is_that_of_every_value_of_the_same_classes():
    """The sandbox decides once per (class, attribute, class of value): a refusal stays a refusal
    after a permitted read of the same attribute name on other classes, and the other way round."""
    env = sandboxed(jinja2.Environment(loader=jinja2.DictLoader({"partials/copyright.html": "{{ a.get_env }}"})))
    template = env.get_template("partials/copyright.html")
    assert template.render(a={"get_env": "plain value"}) == "plain value"  # a mapping's key
    with pytest.raises(TemplateRefused):
        template.render(a=Theme())
    with pytest.raises(TemplateRefused):
        template.render(a=Theme())  # the same again, decided from memory
    assert template.render(a={"get_env": "still a value"}) == "still a value"
    assert env.is_safe_attribute("x", "upper", "x".upper) is env.is_safe_attribute("y", "upper", "y".upper) is True
    assert env.is_safe_attribute([], "append", [].append) is env.is_safe_attribute([1], "append", [1].append) is False
