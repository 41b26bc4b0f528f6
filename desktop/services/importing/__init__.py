"""Importing mapping lists from CSV and XLSX: reading, template, mapping, validation.

The database step lives in the service layer; it calls :func:`read_table`,
:func:`validate_table` (with its own :class:`ExistingPersonLookup`) and then
saves ``preview.planned()``.
"""

from desktop.services.importing.errors import ImportFileError
from desktop.services.importing.mapping import (
    FIELDS,
    REQUIRED_FIELDS,
    ColumnMapping,
    MappingPreset,
    ResolvedMapping,
    auto_mapping,
    match_header,
    resolve_mapping,
)
from desktop.services.importing.reading import (
    MAX_IMPORT_BYTES,
    Table,
    read_csv,
    read_file_bytes,
    read_path,
    read_table,
    read_xlsx,
)
from desktop.services.importing.rows import ImportRow, Problem, Severity
from desktop.services.importing.template import (
    TEMPLATE_COLUMNS,
    TEMPLATE_HEADERS,
    TemplateColumn,
    template_csv_bytes,
    template_xlsx_bytes,
    write_template,
)
from desktop.services.importing.validate import (
    Decision,
    DuplicateCandidate,
    ExistingMatch,
    ExistingPersonLookup,
    ImportCounts,
    ImportPreview,
    PersonId,
    Resolution,
    validate_table,
)

__all__ = [
    "FIELDS",
    "MAX_IMPORT_BYTES",
    "REQUIRED_FIELDS",
    "TEMPLATE_COLUMNS",
    "TEMPLATE_HEADERS",
    "ColumnMapping",
    "Decision",
    "DuplicateCandidate",
    "ExistingMatch",
    "ExistingPersonLookup",
    "ImportCounts",
    "ImportFileError",
    "ImportPreview",
    "ImportRow",
    "MappingPreset",
    "PersonId",
    "Problem",
    "Resolution",
    "ResolvedMapping",
    "Severity",
    "Table",
    "TemplateColumn",
    "auto_mapping",
    "match_header",
    "read_csv",
    "read_file_bytes",
    "read_path",
    "read_table",
    "read_xlsx",
    "resolve_mapping",
    "template_csv_bytes",
    "template_xlsx_bytes",
    "validate_table",
    "write_template",
]
