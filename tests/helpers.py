"""Small builders shared by the tests."""

from __future__ import annotations

from cocoa_desktop.engine.model.survey import Survey


def farm(**sections: object) -> Survey:
    """A small valid farm survey; keyword arguments replace whole sections (as dicts)."""
    doc: dict[str, object] = {
        "unit": "farm",
        "general": {"organisation": "Cooperativa de prueba", "farm_name": "Finca 1", "campaign_year": 2024,
                    "producers": 1, "productive_area_ha": 2.0, "dry_cocoa_kg": 1000.0},
    }
    doc.update(sections)
    return Survey.model_validate(doc)


def generated_surveys(n: int, seed: int) -> list[Survey]:
    """n valid, varied farm and cooperative surveys touching every input of every section."""
    import random

    rng = random.Random(seed)

    def shares(keys: list[str]) -> dict[str, float]:
        chosen = rng.sample(keys, rng.randint(1, len(keys)))
        weights = [rng.randint(1, 9) for _ in chosen]
        return {k: w / sum(weights) for k, w in zip(chosen, weights, strict=True)}

    def pick(options: list[str], k_max: int) -> list[str]:
        return [rng.choice(options) for _ in range(rng.randint(0, k_max))]

    def leg(vehicle: str) -> dict[str, object]:
        """A leg by distance, by litres (with or without a distance), with a fuel or none."""
        found: dict[str, object] = {"vehicle": vehicle, "trips_per_year": rng.randint(0, 300),
                                    "distance_unit": rng.choice(["km", "mi"])}
        if rng.random() < 0.8:
            found["distance"] = rng.uniform(0, 400)
        if rng.random() < 0.7:
            found["fuel"] = rng.choice(["diesel", "gasoline", "lpg"])
            if "distance" not in found or rng.random() < 0.3:
                found["litres_per_year"] = rng.uniform(0, 5000)
        elif "distance" not in found:
            found["distance"] = 0.0
        return found

    surveys = []
    for i in range(n):
        area = round(rng.uniform(0.5, 400), 2)
        general = {"organisation": f"Cooperativa {i % 7}{' =SUMA(1)' if i == 3 else ''}", "campaign_year": 2024,
                   "farm_name": f"Finca {i}", "producers": rng.randint(1, 300), "productive_area_ha": area,
                   "areas": [{"system": rng.choice(["monoculture", "agroforestry_timber", "agroforestry_fruit"]),
                              "age_class": rng.choice(["0-7", "8-15", "16-29", "30+"]),
                              "hectares": round(rng.uniform(0, area), 2)} for _ in range(rng.randint(0, 3))]}
        if i % 9 == 0:
            general |= {"wet_cocoa_kg": round(rng.uniform(100, 1e6), 1), "wet_to_dry_ratio": 0.38}
        else:
            general["dry_cocoa_kg"] = 0.0 if i == 5 else round(area * rng.uniform(200, 1500), 1)
        fuels = ["diesel", "gasoline", "lpg", "firewood"]
        doc = {
            "unit": rng.choice(["farm", "cooperative"]),
            "general": general,
            "husk": {"shares": shares(["left_on_soil", "heaped", "composted", "burned", "animal_feed",
                                       "biodigester", "other"]),
                     **({"husk_kg_per_kg_cocoa": 9.2} if i % 4 == 0 else {})},
            "fertilisation": {
                "data_collected": i % 6 != 0,
                "products": [{"type": t, "kg_per_year": round(rng.uniform(0, 5000), 1), "n_percent": rng.uniform(0, 46)}
                             if rng.random() < 0.5 else
                             {"type": t, "kg_per_ha": rng.uniform(0, 300), "hectares": rng.uniform(0, 10),
                              "n_percent": rng.uniform(0, 46)}
                             for t in pick(["urea", "npk", "guano", "own_compost", "bought_compost", "biol", "manure",
                                            "lime", "dolomite", "foliar"], 4)],
                "pesticides": [{"type": t, "active_ingredient_kg": rng.uniform(0, 20)}
                               for t in pick(["herbicide", "insecticide", "fungicide"], 2)],
                "fuels": [{"fuel": t, "amount": rng.uniform(0, 300)} for t in pick(fuels, 2)],
            },
            "fermentation": {"method": rng.choice(["box", "sack", "heap"]), "fermented_share": rng.random(),
                             "on_farm_share": rng.random()},
            "drying": {"shares": shares(["sun_tarp", "sun_concrete", "solar_dryer", "mechanical"]),
                       "fuels": [{"fuel": t, "amount": rng.uniform(0, 500)} for t in pick(fuels, 2)],
                       "electricity_kwh": rng.choice([0.0, rng.uniform(0, 3000)])},
            "packaging": [{"type": t, "bags_per_year": rng.randint(0, 2000), "kg_per_bag": rng.uniform(0.05, 1),
                           "reuse_cycles": rng.choice([1, 2, 3.5])} if rng.random() < 0.6 else
                          {"type": t, "material_kg_per_year": rng.uniform(0, 3000)}
                          for t in pick(["polypropylene_sack", "plastic_bag", "jute_sack", "big_bag"], 3)],
            "transport": {"legs": [
                leg(v) for v in pick(["pack_animal", "motorcycle", "pickup", "light_truck", "rigid_truck",
                               "articulated_truck"], 3)]},
            "land_use_change": {"conversions": [
                {"hectares": rng.uniform(0, 50), "year": rng.choice([None, 1990, 2010, 2020]),
                 "previous_use": rng.choice(["primary_forest", "secondary_forest", "pasture", "annual_crops"])}
                for _ in range(rng.randint(0, 2))]},
        }
        surveys.append(Survey.model_validate(doc))
    return surveys
