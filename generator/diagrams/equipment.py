"""How any piece of equipment is shown as a table row (availability and backup views share it)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagrams.labels import Item
from generator.diagrams.network import DEVICE_ICONS
from generator.diagrams.overview import SPECIAL_ICONS
from generator.i18n import Translator
from generator.model.dect import DectBase, DectRepeater, DectSystem
from generator.model.network import Device
from generator.model.operations import Ups
from generator.model.telephony import ApplicationServer, CommunicationServer, SpecialInterface
from generator.words import product


def describe(obj, t: Translator) -> tuple[str, str, str]:
    """Icon, title and one line saying what it is."""
    if isinstance(obj, CommunicationServer):
        return "server", obj.name, f"{obj.model} · {t.label('server_role', obj.role)}"
    if isinstance(obj, Device):
        return DEVICE_ICONS[obj.kind.value], obj.name, f"{t.label('device_kind', obj.kind)} · {product(obj.vendor, obj.model)}"
    if isinstance(obj, DectSystem):
        return "dect_manager", obj.name, obj.manager_model or t.label("dect_kind", obj.kind)
    if isinstance(obj, DectBase):
        return "dect_base", obj.id, f"{obj.model} · {obj.location}"
    if isinstance(obj, DectRepeater):
        return "repeater", obj.id, f"{obj.model} · {obj.location}"
    if isinstance(obj, SpecialInterface):
        return SPECIAL_ICONS[obj.kind.value], obj.name, t.label("special_interface_kind", obj.kind)
    if isinstance(obj, ApplicationServer):
        return "application", obj.name, obj.product
    if isinstance(obj, Ups):
        return "ups", obj.model, obj.id
    return "other_system", getattr(obj, "name", obj.id), ""


def kind_of(obj, t: Translator) -> str:
    """A few words saying what kind of thing it is (for one-line table rows)."""
    if isinstance(obj, Device):
        return f"{t.label('device_kind', obj.kind)} · {obj.model}"
    if isinstance(obj, (DectBase, DectRepeater)):
        return obj.model
    return describe(obj, t)[2]


def item(obj, t: Translator, details: Sequence[str | None | bool] = (), alerts: Sequence[str] = ()) -> Item:
    icon, title, what = describe(obj, t)
    return Item(icon, title, [what, *details], alerts)


def unknown(object_id: str, details: Sequence[str | None | bool] = ()) -> Item:
    """A row for an id the data names but does not describe."""
    return Item("other_system", object_id, ["", *details])
