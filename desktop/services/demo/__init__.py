"""Fictitious demo data: ``generate_demo(path, persons, seed, today) -> DemoSummary``."""

from desktop.services.demo.accounts import DEMO_PASSWORD, DemoAccount, demo_accounts
from desktop.services.demo.generate import (
    DEFAULT_PERSONS,
    DEFAULT_SEED,
    DEMO_SETTING,
    DemoSummary,
    generate_demo,
)

__all__ = [
    "DEFAULT_PERSONS",
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "DEMO_SETTING",
    "DemoAccount",
    "DemoSummary",
    "demo_accounts",
    "generate_demo",
]
