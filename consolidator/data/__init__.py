"""Data files shipped with the package (no code): ``abbreviations.toml``, the common short
names of laws that ``show``, ``history`` and ``diff`` accept (read by ``store.shortnames``)."""
