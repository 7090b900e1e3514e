"""Versions of the survey model, and the steps that bring a document written by an older one up to date.

A field renamed or moved in the survey model (engine/model/survey.py) would make every stored survey, package and file
that still holds the old name invalid. So each change of the model's shape raises ``MODEL_VERSION`` and adds the
step that rewrites a document from the version before: the data folder rewrites its stored surveys once when it is
opened (storage/model_upgrade.py; every section records the version that wrote it), and whatever reads an older
document passes it through :func:`upgrade` first. Steps are plain functions of the JSON document, never of the
model, so that they keep working after the model moves on (as Vorta's migrations do).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from cocoa_desktop.engine.model import paths

MODEL_VERSION = 1  # 1: the model of the first release; raise it with each step below
Step = Callable[[dict[str, Any]], dict[str, Any]]
# version n → the step that rewrites a document of version n into version n + 1
STEPS: dict[int, Step] = {}


class NewerModel(ValueError):
    """A document written by a newer version of the application than this one."""


def upgrade(doc: dict[str, Any], written_at: int) -> dict[str, Any]:
    """``doc`` (a survey document, as in the JSON format) brought from model version ``written_at`` to the
    current one; the document given is not changed."""
    if written_at > MODEL_VERSION:
        raise NewerModel(written_at)
    for version in range(written_at, MODEL_VERSION):
        doc = STEPS[version](copy.deepcopy(doc))
    return doc


def renamed(old: str, new: str) -> Step:
    """A step that moves the value at dotted path ``old`` to ``new`` (``general.tecnico`` → ``general.technician``;
    ``packaging[].kg`` → ``packaging[].kg_per_bag`` in every item of a list). A document without it is left as it is."""

    if old.rsplit(".", 1)[0] != new.rsplit(".", 1)[0]:
        raise ValueError("a rename keeps the field in its place (the same section or list): use a step of its own")
    new_key = new.rsplit(".", 1)[-1]

    def step(doc: dict[str, Any]) -> dict[str, Any]:
        for node, key in paths.places(doc, old):
            if key in node:
                node[new_key] = node.pop(key)
        return doc

    return step

