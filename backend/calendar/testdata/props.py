"""Prints every property of every component of an .ics file as JSON,
read with Debian's python3-icalendar: [[component, property, value], ...].
The calendar tests check these for names and clinical words."""

import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
out = []
for component in cal.walk():
    for name, value in component.property_items(recursive=False):
        if name in ("BEGIN", "END"):
            continue
        text = value.to_ical() if hasattr(value, "to_ical") else str(value)
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        out.append([component.name, name, text])
print(json.dumps(out, ensure_ascii=False))
