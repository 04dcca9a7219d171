"""Time and memory to refuse hostile files, each measured in a fresh process.

    .venv/bin/python bench/hostile_inputs.py

- a "billion laughs" YAML (nested aliases, ~340 bytes) through the importer's
  reader, beside an ordinary publiccode.yml;
- a 121-megapixel PNG of ~15 KB through the logo field (safety.images.SafeImageField with
  the site's limits), beside what decoding it would cost (Pillow `load()`);
- a GIF with a script appended, re-encoded by safety.images.

Memory is the growth of the process's peak resident size during the call
(ru_maxrss), so C allocations (Pillow, libyaml) count too. No database needed.
"""

import json
import subprocess
import sys

from common import PYTHON, ROOT

CASE = r"""
import io, json, resource, sys, time, warnings
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "ogpsite.settings.dev"
sys.path.insert(0, ROOT)
django.setup()
warnings.simplefilter("ignore")
from tests.opendata.test_import_limits import billion_laughs
from tests.opendata.test_import_publiccode import PUBLICCODE
from tests.safety.test_images import encoded, huge_png

def yaml_case(text):
    from opendata.harvest.records import ImportFileError, read_records
    try:
        read_records("x.yml", text.encode(), "publiccode")
        return "accepted"
    except ImportFileError as error:
        return str(error)

def image_field(data):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from safety.images import SafeImageField
    try:
        SafeImageField().clean(SimpleUploadedFile("x.png", data))
        return "accepted"
    except ValidationError as error:
        return " ".join(error.messages)

def decode(data):
    from PIL import Image
    Image.MAX_IMAGE_PIXELS = None
    with Image.open(io.BytesIO(data)) as image:
        image.load()
    return "decoded"

def reencode(data):
    from safety.images import reencode
    clean, _name = reencode(io.BytesIO(data), "logo.gif")
    return f"{len(data)} -> {len(clean)} bytes"

name = sys.argv[1]
inputs = {
    "yaml_bomb": (yaml_case, billion_laughs()),
    "yaml_publiccode": (yaml_case, PUBLICCODE),
    "png_121mp_refused": (image_field, huge_png()),
    "png_121mp_decoded": (decode, huge_png()),
    "gif_script_reencoded": (reencode, encoded(kind="GIF") + b"<script>alert(1)</script>"),
}
function, value = inputs[name]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
outcome = function(value)
seconds = time.perf_counter() - started
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"case": name, "input_bytes": len(value), "seconds": seconds,
                  "peak_rss_growth_mb": grown / 1024, "outcome": outcome[:110]}))
"""


def measure(name):
    result = subprocess.run(
        [PYTHON, "-c", CASE.replace("ROOT", repr(str(ROOT))), name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    rows = {name: measure(name) for name in (
        "yaml_bomb", "yaml_publiccode", "png_121mp_refused", "png_121mp_decoded",
        "gif_script_reencoded",
    )}  # fmt: skip
    lines = [
        f"{row['case']:<22} {row['input_bytes']:>8} B  {row['seconds'] * 1000:>9.1f} ms  "
        f"+{row['peak_rss_growth_mb']:>7.1f} MB  {row['outcome']}"
        for row in rows.values()
    ]
    bomb, plain = rows["yaml_bomb"], rows["yaml_publiccode"]
    refused, decoded = rows["png_121mp_refused"], rows["png_121mp_decoded"]
    lines.append(
        f"YAML bomb refused in {bomb['seconds'] / plain['seconds']:.2f}x the time of reading "
        "an ordinary publiccode.yml"
    )
    lines.append(
        f"121-MP PNG refused {decoded['seconds'] / refused['seconds']:.0f}x faster than decoding "
        f"it, with {decoded['peak_rss_growth_mb'] - refused['peak_rss_growth_mb']:.0f} MB less "
        "memory"
    )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
