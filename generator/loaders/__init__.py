"""Loaders: project files into raw records that remember file and line."""
