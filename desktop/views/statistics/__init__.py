"""The Statistik page: filters, key figure tiles, charts with tables, exports."""
