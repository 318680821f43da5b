"""Build `portal/site/data/country_map.json`, the outlines of the partner-countries map. Run once, commit the result.

    .venv/bin/python scripts/build_country_map.py [--tarball world-atlas-2.0.2.tgz]

Why a committed file: the site draws the map as inline SVG and never fetches anything at run
time (no map tiles, no third-party requests, nothing for the tests to download). This
script is the only thing that touches the network, and only to get the data.

Where the data comes from: Natural Earth's Admin 0 country boundaries, 1:50m (public
domain, https://www.naturalearthdata.com/about/terms-of-use/), as packaged in TopoJSON by
the npm package `world-atlas` (ISC). Without `--tarball` the script runs `npm pack
world-atlas@2.0.2` in a temporary directory and reads `countries-50m.json` from the
tarball; nothing is installed and nothing is left behind.

What it writes, all in the map's own units (an SVG viewBox `0 0 WIDTH HEIGHT`):

- an equirectangular projection with a standard parallel of 25°N, cropped to the region from
  Senegal to Korea and Indonesia (`LON_*`, `LAT_*`);
- `land`: every country's land in the region as one light background path (clipped to the
  frame), and `borders`: the land borders between countries, for orientation;
- `countries`: per ISO 3166-1 alpha-2 code of the partners and the Republic of Korea, the
  outline `path`, a `marker` (x, y: where the link's round target sits, at least 24 CSS px
  across at the map's narrowest width) and a `label` (x, y, text-anchor for its name).

Arcs are simplified once (Douglas-Peucker in map units), so neighbours keep a common border,
and coordinates are whole units, written as relative path steps: the whole map stays a few
kilobytes. Marker and label positions are placed by hand (`PLACES`), checked here to keep
the markers apart.
"""

import argparse
import itertools
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-50m.json"
OUTPUT = Path(__file__).resolve().parent.parent / "portal" / "site" / "data" / "country_map.json"

# The frame: Senegal's coast to Korea and Papua, Indonesia's southern islands to Kazakhstan's north.
LON_MIN, LON_MAX = -18.5, 142.5
LAT_MIN, LAT_MAX = -11.5, 56.5
STANDARD_PARALLEL = 25.0
WIDTH = 1000
KX = WIDTH / (LON_MAX - LON_MIN)
KY = KX / math.cos(math.radians(STANDARD_PARALLEL))
HEIGHT = round((LAT_MAX - LAT_MIN) * KY)

# The map's CSS keeps it at least this many px wide (it scrolls sideways below that), so a
# marker of MARKER_RADIUS units is at least 2 * 12 CSS px across (WCAG 2.2, 2.5.8).
MIN_RENDERED_WIDTH = 600
MARKER_RADIUS = math.ceil(12 * WIDTH / MIN_RENDERED_WIDTH)
TOLERANCE = 1.2  # map units a simplified line may stray from the original
MIN_RING_AREA = 12.0  # square map units: smaller islands are dropped

# ISO 3166-1 numeric (world-atlas ids) to alpha-2, for the countries the map links.
COUNTRIES = {
    "686": "SN",
    "008": "AL",
    "398": "KZ",
    "860": "UZ",
    "795": "TM",
    "762": "TJ",
    "417": "KG",
    "004": "AF",
    "410": "KR",
    "360": "ID",
}

# Marker (lon, lat) and which side of it the name goes. Central Asia is crowded: its markers
# are moved apart (still inside each country) and its names pushed into open ground.
PLACES = {
    "SN": ((-14.6, 14.6), "e"),
    "AL": ((20.1, 41.2), "n"),
    "KZ": ((68.0, 48.3), "n"),
    "UZ": ((64.6, 42.0), "nw"),
    "TM": ((58.4, 39.0), "w"),
    "TJ": ((70.6, 38.6), "se"),
    "KG": ((76.6, 41.8), "e"),
    "AF": ((65.8, 33.6), "s"),
    "KR": ((127.9, 36.4), "w"),
    "ID": ((113.8, -1.0), "s"),
}
LABEL_GAP = 8
LABEL_SIZE = 20  # font size in map units, also in the template's CSS


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - LON_MIN) * KX, (LAT_MAX - lat) * KY


def npm_tarball(directory: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=directory, check=True, stdout=subprocess.DEVNULL)  # noqa: S603, S607
    return next(directory.glob("world-atlas-*.tgz"))


def read_topology(tarball: Path) -> dict:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{MEMBER} is missing from {tarball}")
        return json.load(member)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as projected points (TopoJSON arcs are delta-encoded and quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(project(x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative; the ends stay, so arcs still meet."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring(arc_indexes: list[int], arcs: list) -> list:
    points: list = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def area(points: list) -> float:
    return abs(sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True))) / 2


def clip(points: list, margin: float = 2.0) -> list:
    """Sutherland-Hodgman against the frame, a little outside it; a filled ring needs no more."""
    edges = [
        (lambda p: p[0] >= -margin, lambda a, b: _cross_x(a, b, -margin)),
        (lambda p: p[0] <= WIDTH + margin, lambda a, b: _cross_x(a, b, WIDTH + margin)),
        (lambda p: p[1] >= -margin, lambda a, b: _cross_y(a, b, -margin)),
        (lambda p: p[1] <= HEIGHT + margin, lambda a, b: _cross_y(a, b, HEIGHT + margin)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        for current, previous in zip(points, points[-1:] + points[:-1], strict=True):
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
    return points


def _cross_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _cross_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def chain(lines: list[list]) -> list[list]:
    """Join lines that meet end to start (or end to end) into longer ones: one `M` each, fewer bytes."""
    lines = [rounded(line) for line in lines]
    joined: list[list] = []
    while lines:
        current = lines.pop()
        extended = True
        while extended:
            extended = False
            for i, line in enumerate(lines):
                if line[0] == current[-1]:
                    current += line[1:]
                elif line[-1] == current[-1]:
                    current += line[::-1][1:]
                elif line[-1] == current[0]:
                    current = line + current[1:]
                elif line[0] == current[0]:
                    current = line[::-1] + current[1:]
                else:
                    continue
                del lines[i]
                extended = True
                break
        joined.append(current)
    return joined


def clip_line(points: list) -> list[list]:
    """The runs of a line inside the frame, each with one point beyond it so it reaches the edge."""
    runs, run = [], []
    for i, point in enumerate(points):
        if in_frame(point):
            if not run and i:
                run.append(points[i - 1])
            run.append(point)
        elif run:
            runs.append([*run, point])
            run = []
    if run:
        runs.append(run)
    return [run for run in runs if len(run) > 1]


def in_frame(point, margin: float = 2.0) -> bool:
    return -margin <= point[0] <= WIDTH + margin and -margin <= point[1] <= HEIGHT + margin


def rounded(points: list) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x), round(y))
        if not result or point != result[-1]:
            result.append(point)
    return result


def _number(value: int, first: bool) -> str:
    return str(value) if first or value < 0 else f" {value}"


def path(rings: list[list], *, closed: bool = True) -> str:
    """SVG path data: an absolute start, then relative steps (`l3-2 4 1`), the shortest text for whole units."""
    parts = []
    for points in rings:
        points = rounded(points)
        if closed and len(points) > 1 and points[0] == points[-1]:
            points = points[:-1]
        if len(points) < (3 if closed else 2):
            continue
        steps = "".join(
            _number(bx - ax, i == 0) + _number(by - ay, False)
            for i, ((ax, ay), (bx, by)) in enumerate(itertools.pairwise(points))
        )
        parts.append(f"M{points[0][0]} {points[0][1]}l{steps}{'z' if closed else ''}")
    return "".join(parts)


def label_position(x: float, y: float, side: str) -> list:
    """Where a name goes beside its marker, and how it is anchored."""
    r, gap, size = MARKER_RADIUS, LABEL_GAP, LABEL_SIZE
    offsets = {
        "n": (0, -r - gap, "middle"),
        "s": (0, r + gap + size * 0.75, "middle"),
        "e": (r + gap, size * 0.35, "start"),
        "w": (-r - gap, size * 0.35, "end"),
        "se": (r * 0.7, r + gap + size * 0.6, "start"),
        "sw": (-r * 0.7, r + gap + size * 0.6, "end"),
        "nw": (-r * 0.7, -r * 0.7 - gap, "end"),
    }
    dx, dy, anchor = offsets[side]
    return [round(x + dx), round(y + dy), anchor]


def build(topology: dict) -> dict:
    arcs = [simplify(points, TOLERANCE) for points in decode_arcs(topology)]
    geometries = topology["objects"]["countries"]["geometries"]

    land = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for arc_indexes in polygon:
                points = clip(ring(arc_indexes, arcs))
                if len(points) >= 3 and area(points) >= MIN_RING_AREA:
                    land.append(points)

    # A border is an arc two countries share. The linked countries draw their own outlines, so
    # the background needs only the borders between the others, and only where they are in frame.
    users: dict[int, set] = {}
    for geometry in geometries:
        for polygon in polygons(geometry):
            for arc_indexes in polygon:
                for index in arc_indexes:
                    users.setdefault(index if index >= 0 else ~index, set()).add(geometry.get("id"))
    borders = chain(
        [
            run
            for index, ids in sorted(users.items())
            if len(ids) > 1 and not ids & COUNTRIES.keys()
            for run in clip_line(arcs[index])
        ]
    )

    countries = {}
    for geometry in geometries:
        code = COUNTRIES.get(geometry.get("id"))
        if code is None:
            continue
        rings = [ring(arc_indexes, arcs) for polygon in polygons(geometry) for arc_indexes in polygon]
        rings = [points for points in rings if area(points) >= MIN_RING_AREA / 2]
        (lon, lat), side = PLACES[code]
        x, y = project(lon, lat)
        countries[code] = {
            "name": geometry["properties"]["name"],
            "path": path(rings),
            "marker": [round(x), round(y)],
            "label": label_position(x, y, side),
        }
    missing = set(COUNTRIES.values()) - set(countries)
    if missing:
        raise SystemExit(f"not in the data: {sorted(missing)}")
    check_markers(countries)
    return {
        "attribution": "Made with Natural Earth (public domain), 1:50m Admin 0 countries, via world-atlas 2.0.2.",
        "projection": f"equirectangular, standard parallel {STANDARD_PARALLEL}°N, lon {LON_MIN}..{LON_MAX}, "
        f"lat {LAT_MIN}..{LAT_MAX}",
        "width": WIDTH,
        "height": HEIGHT,
        "marker_radius": MARKER_RADIUS,
        "min_rendered_width": MIN_RENDERED_WIDTH,
        "land": path(land),
        "borders": path(borders, closed=False),
        "countries": dict(sorted(countries.items())),
    }


def check_markers(countries: dict) -> None:
    """Two markers never overlap: each target keeps its own 24 px."""
    codes = sorted(countries)
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            (ax, ay), (bx, by) = countries[a]["marker"], countries[b]["marker"]
            if math.hypot(ax - bx, ay - by) < 2 * MARKER_RADIUS + 2:
                raise SystemExit(f"the markers of {a} and {b} overlap: move one in PLACES")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a world-atlas tarball already downloaded (npm pack)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        tarball = args.tarball or npm_tarball(Path(directory))
        data = build(read_topology(tarball))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = len(data["land"]) + len(data["borders"]) + sum(len(c["path"]) for c in data["countries"].values())
    sys.stdout.write(f"Wrote {args.output}: {data['width']}x{data['height']}, {size} characters of path data.\n")


if __name__ == "__main__":
    main()
