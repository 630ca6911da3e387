#!/usr/bin/env python3
# corpus tooling: variants. Checks every variant and its base report with soatxet and prints where their statuses differ.
"""Usage: compare-variants.py [SOATXET]   (default .build/debug/soatxet; run from the package root)

Each pack folder is checked with its own pack; while a pack is not written yet, with
tld-so-ket-dh-ix instead (the comparison is about readers and decoders, which no pack changes).

A variant is Corpus/<pack>/<slug>.<variant>.<ext> (or <slug>.docx); its base is <slug>.txt. Prints one
line per variant: "same" when every requirement (and item) status equals the base report's, else the
requirements that differ, base -> variant, with the variant's detail. Also prints agreement with the
labels in <slug>.expected.json. Exits 1 when any variant differs from its base.
"""
import glob
import json
import os
import re
import subprocess
import sys

VARIANT = re.compile(r"^(?P<slug>[^.]+)\.(?:(?P<variant>[a-z0-9]+)\.txt|docx)$")


FALLBACK_PACK = "tld-so-ket-dh-ix"


def available_packs(soatxet):
    """The pack IDs `soatxet rules list` prints at the start of a line."""
    result = subprocess.run([soatxet, "rules", "list"], capture_output=True, text=True)
    return set(re.findall(r"^([a-z0-9-]+)\s", result.stdout, re.M))


def check(soatxet, pack, paths):
    result = subprocess.run([soatxet, "check", "--pack", pack, "--format", "json"] + paths, capture_output=True, text=True)
    if result.stderr.strip():
        print(result.stderr.strip(), file=sys.stderr)
    return {os.path.basename(doc["path"]): doc for doc in json.loads(result.stdout)["documents"]}


def statuses(document):
    table = {}
    for requirement in document["requirements"]:
        table[requirement["id"]] = requirement["status"]
        for item in requirement.get("items") or []:
            if isinstance(item, dict) and "id" in item:
                table[requirement["id"] + "/" + item["id"]] = item.get("status")
    return table


def main():
    soatxet = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/soatxet"
    differing = 0
    packs = available_packs(soatxet)
    for pack in sorted(os.listdir("Corpus")):
        folder = os.path.join("Corpus", pack)
        if not os.path.isdir(folder) or pack == "tools":
            continue
        variants = sorted(name for name in os.listdir(folder)
                          if VARIANT.match(name) and (name.endswith(".docx") or VARIANT.match(name).group("variant")))
        if not variants:
            continue
        bases = sorted({VARIANT.match(name).group("slug") + ".txt" for name in variants})
        used = pack if pack in packs else FALLBACK_PACK
        if used != pack:
            print(f"{pack}: pack not available, checking with {used}")
        documents = check(soatxet, used, [os.path.join(folder, name) for name in bases + variants])
        for name in variants:
            slug = VARIANT.match(name).group("slug")
            base, variant = documents.get(slug + ".txt"), documents.get(name)
            if base is None or variant is None:
                print(f"{pack}/{name}: not checked (see errors above)")
                differing += 1
                continue
            labels = json.load(open(os.path.join(folder, slug + ".expected.json")))["requirements"]
            agree = sum(labels.get(r["id"], {}).get("status") == r["status"] for r in variant["requirements"])
            left, right = statuses(base), statuses(variant)
            diff = [key for key in sorted(set(left) | set(right)) if left.get(key) != right.get(key)]
            label = f"verdict {variant.get('verdict')}, encoding {variant['encoding']['name']}"
            if used == pack:
                label += f", labels {agree}/{len(variant['requirements'])}"
            notes = [f"{key} {base[key]} -> {variant[key]}" for key in ("score",) if base.get(key) != variant.get(key)]
            notes += [f"{key} {base['statistics'][key]} -> {variant['statistics'][key]}"
                      for key in sorted(variant.get("statistics", {})) if base["statistics"].get(key) != variant["statistics"][key]]
            if notes:
                label += "; " + ", ".join(notes)
            if not diff and base.get("verdict") == variant.get("verdict"):
                print(f"{pack}/{name}: same ({label})")
                continue
            differing += 1
            print(f"{pack}/{name}: DIFFERS ({label}; base verdict {base.get('verdict')})")
            details = {r["id"]: r.get("detail", "") for r in variant["requirements"]}
            base_details = {r["id"]: r.get("detail", "") for r in base["requirements"]}
            for key in diff:
                print(f"    {key}: {left.get(key)} -> {right.get(key)}")
                print(f"        txt:     {base_details.get(key.split('/')[0], '')[:160]}")
                print(f"        variant: {details.get(key.split('/')[0], '')[:160]}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
