"""One dotted-path helper for survey documents (engine/model/paths.py; issue 21)."""

from __future__ import annotations

from cocoa_desktop.engine.model import paths

DOC = {"husk": {"shares": {"composted": 0.4}}, "transport": {"legs": [{"distance": 12.0}, {"distance": 3.5}]},
       "packaging": [{"peso": 0.1}, {"type": "jute_sack"}]}


def test_get_and_parent_follow_mappings_and_list_indexes():
    assert paths.get(DOC, "husk.shares.composted") == 0.4
    assert paths.get(DOC, "transport.legs.1.distance") == 3.5
    assert paths.parent(DOC, "transport.legs.0") == (DOC["transport"]["legs"], 0)
    for missing in ("husk.shares.burned", "transport.legs.2.distance", "transport.legs.x", "husk.shares.composted.x",
                    "transport.legs.-1"):
        assert paths.get(DOC, missing) is None and paths.parent(DOC, missing) is None, missing


def test_put_makes_the_mappings_on_the_way():
    doc: dict = {"transport": {"legs": [{}]}}
    paths.put(doc, "carbon.price.usd", 12.5)
    paths.put(doc, "transport.legs.0.distance", 4.0)
    assert doc == {"transport": {"legs": [{"distance": 4.0}]}, "carbon": {"price": {"usd": 12.5}}}


def test_places_reach_every_item_of_a_list():
    found = paths.places(DOC, "packaging[].peso")
    assert [(node is DOC["packaging"][i], key) for i, (node, key) in enumerate(found)] == [(True, "peso")] * 2
    assert paths.places(DOC, "husk.shares.composted") == [(DOC["husk"]["shares"], "composted")]
    assert paths.places(DOC, "general.areas[].hectares") == []
