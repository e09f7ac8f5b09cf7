"""The integrator's look: logo, colours and footer, taken from `pbxdoc.integrator.branding`.

Colours become material's CSS variables. A colour too light to carry white header text (or to
read as link text on white) is darkened until it reaches WCAG AA contrast, so that a brand colour
never makes the site unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.logo import Logo, logo_of
from generator.model.project import Project

AA_CONTRAST = 4.5


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def _scale(colour: str, factor: float) -> str:
    return "#" + "".join(f"{min(255, max(0, round(c * factor))):02x}" for c in _channels(colour))


def readable_on_white(colour: str) -> str:
    """The colour, darkened in small steps until white text on it (and it on white) reaches AA."""
    colour = colour.lower()
    while contrast_with_white(colour) < AA_CONTRAST:
        colour = _scale(colour, 0.92)
    return colour


def _lighten(colour: str, amount: float) -> str:
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in _channels(colour))


@dataclass(frozen=True)
class Branding:
    primary: str
    accent: str
    footer: str | None
    logo: Logo | None  # published as generator.logo makes it (an SVG as a PNG)

    @property
    def logo_site_path(self) -> str | None:
        return f"assets/pbxdoc/logo{self.logo.suffix}" if self.logo else None

    def css(self) -> str:
        primary, accent = readable_on_white(self.primary), readable_on_white(self.accent)
        return (
            "/* Generated from the integrator's branding (pbxdoc.yaml). */\n"
            ":root, [data-md-color-scheme=\"default\"] {\n"
            f"  --md-primary-fg-color: {primary};\n"
            f"  --md-primary-fg-color--light: {_lighten(primary, 0.25)};\n"
            f"  --md-primary-fg-color--dark: {_scale(primary, 0.8)};\n"
            "  --md-primary-bg-color: #ffffff;\n"
            f"  --md-accent-fg-color: {accent};\n"
            f"  --md-typeset-a-color: {primary};\n"
            f"  --pbxdoc-accent: {accent};\n"
            "}\n"
        )


def branding_of(project: Project) -> Branding:
    b = project.pbxdoc.integrator.branding
    return Branding(primary=b.primary_color, accent=b.accent_color, footer=b.footer, logo=logo_of(project))
