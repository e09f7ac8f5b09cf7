"""A customer's build options: its portfolio.yaml settings first, else the command's; the least
privileged audience by default."""

from __future__ import annotations

from pathlib import Path

from generator.audience import Audience
from generator.portfolio.build import PortfolioOptions, customer_options
from generator.portfolio.customers import Customer


def test_the_command_s_options_by_default():
    options = PortfolioOptions(out=Path("out"), only=("pdf", "data"))
    assert customer_options(Customer("acme", Path("acme")), options) == {"audience": "customer", "lang": None, "all_languages": False, "only": ["data", "pdf"]}


def test_portfolio_yaml_settings_win():
    options = PortfolioOptions(out=Path("out"), audience=Audience.AUDITOR, lang="fr", all_languages=True)
    customer = Customer("acme", Path("acme"), audience=Audience.INTEGRATOR, lang="de", all_languages=False)
    assert customer_options(customer, options) == {"audience": "integrator", "lang": "de", "all_languages": False, "only": []}
