"""An import's summary says each count with its noun in the singular for 1: "1 nueva", not "1 nuevas"."""

from __future__ import annotations

from cocoa_desktop.storage.sync import ImportReport


def test_one_is_singular_other_counts_plural():
    report = ImportReport(added=1, identical=0, ours_newer=2, updated=1, conflicts=["x"])
    assert report.summary("es") == ("1 nueva, 1 actualizada, 0 idénticas (omitidas), 2 más antiguas que las nuestras "
                                     "(omitidas), 1 conflicto por resolver")
    assert report.summary("en") == ("1 added, 1 updated, 0 identical (skipped), 2 older than ours (skipped), "
                                    "1 conflict to resolve")
    assert ImportReport(identical=10, conflicts=["a", "b"]).summary("es").endswith(
        "10 idénticas (omitidas), 0 más antiguas que las nuestras (omitidas), 2 conflictos por resolver")
