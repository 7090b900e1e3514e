"""The training campaign: the ten cooperatives of the 2019 campaign (published in the PROMPERÚ 2020 report),
installed for a workshop, used, and reset to the original in one action.

It is marked as training data everywhere it travels: a flag on the campaign (schema 4), a name that says so (the
list, the workbook and every package carry it), survey ids of its own (so that it never collides with the same
example loaded as real data), a note on every survey, and the package manifest's ``training_campaigns``. A campaign
imported under the training name is flagged again on the laptop that receives it. Resetting deletes every survey and
scenario of the training campaign (those of the workshop too) and writes the originals back, in one transaction.
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.storage.database import StorageError, transaction
from cocoa_desktop.storage.repository import Repository

EXAMPLE = "san-martin-2020-cooperatives.json"
TRAINING_PREFIX = "FORMACIÓN — "
TRAINING_NAME = TRAINING_PREFIX + "San Martín 2019, 10 cooperativas (PROMPERÚ 2020)"
ID_PREFIX = "formacion-"
NOTE = "[Datos de formación / training data] "


def training_campaign() -> Campaign:
    """The shipped ten cooperatives as training data: the name, the ids and the notes say so."""
    original = survey_io.read(example_path(EXAMPLE))
    assert isinstance(original, Campaign)
    surveys = [s.model_copy(update={"id": ID_PREFIX + s.id, "notes": NOTE + s.notes}) for s in original.surveys]
    return original.model_copy(update={"name": TRAINING_NAME, "notes": NOTE + original.notes, "surveys": surveys})


def is_training_name(name: str) -> bool:
    return name.startswith(TRAINING_PREFIX)


def flag_training(repo: Repository, campaign_id: int, name: str) -> None:
    """Inside the caller's transaction: a campaign that its sender's package marks as training data (and whose name
    says so) is training data here too. A name alone is not enough: reset deletes a training campaign's surveys."""
    if is_training_name(name):
        repo.conn.execute("UPDATE campaigns SET training = 1 WHERE id = ?", (campaign_id,))


def is_training(repo: Repository, name: str) -> bool:
    row = repo.conn.execute("SELECT training FROM campaigns WHERE name = ?", (name,)).fetchone()
    return bool(row and row[0])


def training_names(repo: Repository) -> list[str]:
    return [r[0] for r in repo.conn.execute("SELECT name FROM campaigns WHERE training = 1 ORDER BY name")]


def install(repo: Repository) -> str:
    """Install the training campaign, or put it back as it was shipped if it is already there."""
    reset(repo, TRAINING_NAME)
    return TRAINING_NAME


def reset(repo: Repository, name: str = TRAINING_NAME) -> int:
    """Back to the original in one transaction: the workshop's surveys, edits and scenarios are gone. Returns the
    number of surveys written. Only a campaign flagged as training (or not there yet) can be reset."""
    row = repo.conn.execute("SELECT id, training FROM campaigns WHERE name = ?", (name,)).fetchone()
    if row is not None and not row["training"]:
        raise StorageError(f"«{name}» no es una campaña de formación: no se puede restablecer.",
                           f"'{name}' is not a training campaign: it cannot be reset.", "not_training")
    campaign = training_campaign()
    docs: list[dict[str, Any]] = [s.model_dump(mode="json") for s in campaign.surveys]
    with transaction(repo.conn):
        if row is None:
            campaign_id = repo._campaign_id(name, campaign.year, campaign.region, campaign.notes)
        else:
            campaign_id = int(row["id"])
            repo.conn.execute("DELETE FROM surveys WHERE campaign_id = ?", (campaign_id,))
            repo.conn.execute("DELETE FROM scenarios WHERE campaign_id = ?", (campaign_id,))
        repo.conn.execute("UPDATE campaigns SET training = 1, year = ?, region = ?, notes = ? WHERE id = ?",
                          (campaign.year, campaign.region, campaign.notes, campaign_id))
        for doc in docs:
            # only this campaign's surveys go: a survey of another campaign that carries a training id (a workshop
            # workbook reused for real data) is real data and stays; the training copy gets an id of its own
            local_id, _ = repo.local_id(doc["id"], campaign_id)
            repo._insert({**doc, "id": local_id}, campaign_id, completed=True)
            repo.add_alias(local_id, doc["id"], campaign_id)
    return len(docs)


def package_is_training(manifest: dict[str, Any]) -> bool:
    names = manifest.get("training_campaigns")
    return bool(names) or any(is_training_name(str(n)) for n in manifest.get("campaigns", []))
