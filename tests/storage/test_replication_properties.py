"""The package exchange proven as replication (issue 18): three data folders, random sequences of edit, export,
import, resolve, restore and delete, in any order. Two properties hold after every step:

- **never silently differs**: after two folders exchange packages both ways, every survey they both hold is the
  same, or one of them shows a conflict for it;
- **never loses a confirmed edit**: every value ever saved is still somewhere a user can see it (the current data
  of some folder, or the other side of an open conflict), or was overwritten by an edit made after it, or a user
  chose against it (a resolution, a deletion). The history aside.

A third holds after every step: every survey's stamp (storage/stamps.py, schema 7) is exactly what checking it
afresh gives — the digest of what it holds when it passes the survey model (every survey here is complete), none
for a draft — so no export ever trusts a stale one.

The model knows nothing of version vectors: it follows the values typed (unique tokens) and which value each edit
was typed over, as a user would know it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import stamps
from cocoa_desktop.storage.database import transaction
from cocoa_desktop.storage.documents import content_hash
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import (
    export_package,
    import_campaigns,
    open_conflicts,
    read_incoming,
    resolve_conflict,
)

LAPTOPS = ("a", "b", "c")
FIELDS = (("general", "technician"), ("husk", "compost_method"))
COOPS = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
START = COOPS.model_copy(update={"surveys": COOPS.surveys[:2]})
SURVEYS = [s.id for s in START.surveys]

laptops = st.sampled_from(LAPTOPS)
surveys = st.sampled_from(SURVEYS)
fields = st.sampled_from(FIELDS)


class Exchange(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="exchange-"))
        self.stores = {name: open_storage(self.folder / name) for name in LAPTOPS}
        self.packages: list[Path] = []
        self.counter = 0
        # (survey, field, value) → the values it was typed over (its ancestors); decided: chosen against by a user
        self.ancestors: dict[tuple, set[tuple]] = {}
        self.decided: set[tuple] = set()
        import_campaigns(self.repo("a"), [START], "start.json")
        self.export("a")
        for name in ("b", "c"):
            import_campaigns(self.repo(name), read_incoming(self.packages[0]), "p0")
        for survey_id in SURVEYS:
            for section, key in FIELDS:
                self.ancestors.setdefault((survey_id, key, self.value("a", survey_id, section, key)), set())

    def teardown(self) -> None:
        for store in getattr(self, "stores", {}).values():
            store.close()
        shutil.rmtree(getattr(self, "folder", ""), ignore_errors=True)

    # ---- reading the folders as a user would ----
    def repo(self, name: str):
        return self.stores[name].repo

    def here(self, name: str) -> set[str]:
        return {r.id for r in self.repo(name).surveys()}

    def value(self, name: str, survey_id: str, section: str, key: str) -> str:
        return str((self.repo(name).document(survey_id).get(section) or {}).get(key) or "")

    # ---- what users do ----
    @rule(name=laptops, survey_id=surveys, field=fields)
    def edit(self, name: str, survey_id: str, field: tuple[str, str]) -> None:
        if survey_id not in self.here(name):
            return
        section, key = field
        before = (survey_id, key, self.value(name, survey_id, section, key))
        self.counter += 1
        token = f"{name}{self.counter}"
        content = dict(self.repo(name).document(survey_id).get(section) or {})
        self.repo(name).save_section(survey_id, section, {**content, key: token})
        self.ancestors[(survey_id, key, token)] = {before} | self.ancestors.get(before, set())

    @rule(name=laptops)
    def export(self, name: str) -> None:
        path = self.folder / f"p{len(self.packages)}-{name}.cacao.zip"
        try:
            export_package(self.repo(name), path)
        except Exception as exc:  # nothing complete to send: nothing written
            assert getattr(exc, "code", "") == "nothing_to_export", exc
            return
        self.packages.append(path)

    @precondition(lambda self: self.packages)
    @rule(name=laptops, pick=st.integers(min_value=0))
    def import_package(self, name: str, pick: int) -> None:
        package = self.packages[pick % len(self.packages)]
        import_campaigns(self.repo(name), read_incoming(package), package.name)

    @rule(name=laptops, keep=st.sampled_from(["mine", "theirs"]))
    def resolve(self, name: str, keep: str) -> None:
        conflicts = open_conflicts(self.repo(name))
        if not conflicts:
            return
        conflict = conflicts[0]
        survey_id = conflict["survey_id"]
        disputed = {(section, key): ((survey_id, key, self.value(name, survey_id, section, key)),
                                     (survey_id, key, str((conflict["theirs"].get(section) or {}).get(key) or "")))
                    for section, key in FIELDS}
        resolve_conflict(self.repo(name), conflict["id"], keep)
        for (section, key), (ours, theirs) in disputed.items():
            kept = (survey_id, key, self.value(name, survey_id, section, key))
            for other in (ours, theirs):
                if other != kept:  # chosen against: decided by a user; the choice covers it
                    self.decided.add(other)
                    self.ancestors.setdefault(kept, set()).update({other} | self.ancestors.get(other, set()))

    @rule(name=laptops, survey_id=surveys, field=fields)
    def restore(self, name: str, survey_id: str, field: tuple[str, str]) -> None:
        """The history's restore: the value before the last change of the field put back, as a new version."""
        if survey_id not in self.here(name):
            return
        section, key = field
        earlier = [c for c in self.repo(name).history(survey_id) if c.section == section and c.field == key]
        if not earlier:
            return
        current = (survey_id, key, self.value(name, survey_id, section, key))
        old = "" if earlier[-1].old_value is None else str(earlier[-1].old_value)
        content = dict(self.repo(name).document(survey_id).get(section) or {})
        with transaction(self.repo(name).conn):
            doc = self.repo(name).document(survey_id)
            self.repo(name).replace_document(survey_id, {**doc, section: {**content, key: old}}, origin="restore")
        restored = (survey_id, key, old)
        self.ancestors.setdefault(restored, set()).update({current} | self.ancestors.get(current, set()))

    @rule(name=laptops, survey_id=surveys)
    def delete(self, name: str, survey_id: str) -> None:
        if survey_id not in self.here(name):
            return
        for section, key in FIELDS:  # a user's choice: what only this copy held goes with it, history and all
            current = (survey_id, key, self.value(name, survey_id, section, key))
            self.decided |= {current} | self.ancestors.get(current, set())
        self.repo(name).delete_survey(survey_id)

    @rule(pair=st.sampled_from([("a", "b"), ("b", "c"), ("a", "c"), ("b", "a"), ("c", "b"), ("c", "a")]))
    def exchange_both_ways(self, pair: tuple[str, str]) -> None:
        """P sends to Q, Q sends back: then they hold the same data, or one of them shows the conflict."""
        first, second = pair
        for sender, receiver in ((first, second), (second, first)):
            self.export(sender)
            if self.packages and self.packages[-1].name.endswith(f"-{sender}.cacao.zip"):
                self.import_package(receiver, len(self.packages) - 1)
        for survey_id in self.here(first) & self.here(second):
            ours, theirs = (content_hash(self.repo(n).document(survey_id)) for n in (first, second))
            disputed = open_conflicts(self.repo(first), survey_id) or open_conflicts(self.repo(second), survey_id)
            assert ours == theirs or disputed, f"{first} and {second} silently differ on {survey_id}"

    # ---- what must hold after every step ----
    @invariant()
    def every_stamp_is_current(self) -> None:
        for name in getattr(self, "stores", {}):
            repo = self.repo(name)
            stored, foreign = repo.checked_stamps(), repo.foreign_ids()
            for survey_id, sections in repo.stored_sections():
                fresh = stamps.checked(foreign.get(survey_id, survey_id), sections)
                assert stored.get(survey_id) == fresh, f"{name}: the stamp of {survey_id} is not current"

    @invariant()
    def no_confirmed_edit_is_lost(self) -> None:
        if not hasattr(self, "stores"):
            return
        visible: set[tuple] = set()
        for name in LAPTOPS:
            for survey_id in self.here(name):
                for section, key in FIELDS:
                    visible.add((survey_id, key, self.value(name, survey_id, section, key)))
                for conflict in open_conflicts(self.repo(name), survey_id):
                    for section, key in FIELDS:
                        visible.add((survey_id, key, str((conflict["theirs"].get(section) or {}).get(key) or "")))
        covered = set(visible)
        for seen in visible:
            covered |= self.ancestors.get(seen, set())
        lost = set(self.ancestors) - covered - self.decided
        assert not lost, f"values saved and now nowhere: {sorted(lost)}"


Exchange.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
TestExchange = Exchange.TestCase
