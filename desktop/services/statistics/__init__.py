"""Statistics and evaluation: figures, definitions, reports and the research export."""

from desktop.services.statistics.definitions import DEFINITIONS, Definition, definition
from desktop.services.statistics.figures import compute_figures, coverage
from desktop.services.statistics.rows import (
    CHANNELS,
    OUTCOMES,
    Figures,
    FilterChoice,
    FilterChoices,
    GroupCoverage,
    MonthFigures,
    Period,
    PersonRef,
    StatisticsResult,
    StatsFilter,
)

__all__ = [
    "CHANNELS",
    "DEFINITIONS",
    "OUTCOMES",
    "Definition",
    "Figures",
    "FilterChoice",
    "FilterChoices",
    "GroupCoverage",
    "MonthFigures",
    "Period",
    "PersonRef",
    "StatisticsResult",
    "StatsFilter",
    "compute_figures",
    "coverage",
    "definition",
]
