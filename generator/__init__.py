"""pbxdoc: documentation and compliance generator for business telephony installations."""

__version__ = "0.1.0"
