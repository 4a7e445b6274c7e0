"""Formats each JSON number from stdin with f"{x:.1%}", as the seed's summary does."""
import json
import sys

json.dump([f"{x:.1%}" for x in json.load(sys.stdin)], sys.stdout)
