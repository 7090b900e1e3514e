"""Local storage: the embedded SQLite database, backups, single-instance lock and survey packages."""
