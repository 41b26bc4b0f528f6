"""A group's sanction periods (ökat fokus): a widget the group profile embeds."""

from desktop.views.sanctions.widget import SanctionPeriodsWidget

__all__ = ["SanctionPeriodsWidget"]
