"""The validated in-memory model of a customer installation."""

from generator.model.project import CONCERNS, Concern, Project

__all__ = ["CONCERNS", "Concern", "Project"]
