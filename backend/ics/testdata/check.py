"""Reads an .ics file with standard Python parsers and reports what they see.

Usage: check.py FILE.ics PROBES.json

Prints one JSON object:
  parser    the versions of icalendar and dateutil, and how icalendar
            resolved each TZID ("pytz" when it took the zone from pytz by
            name, "vtimezone" when it built it from the file)
  calendar  PRODID, VERSION, X-WR-CALNAME
  events    per VEVENT, in file order: UID, SUMMARY, DESCRIPTION, LOCATION,
            STATUS, SEQUENCE, TZID, the local DTSTART as written, and
            DTSTART/DTEND in UTC three ways:
              *_utc        as icalendar.Calendar.from_ical resolves them
              *_utc_tzical with dateutil.tz.tzical reading the file's VTIMEZONE
              *_utc_vtz    with icalendar's Timezone.to_tz() of the VTIMEZONE
            plus its alarms
  offsets   for each TZID in PROBES.json ({"Zone": ["...Z", ...]}), the UTC
            offset in seconds at each instant according to the file's
            VTIMEZONE, read by dateutil (tzical) and by icalendar (to_tz)

The first way shows that a standard parser understands the file; the other
two check the VTIMEZONE itself, which icalendar 4 does not use for a TZID
that pytz knows by name.
"""

import json
import sys
from datetime import datetime, timedelta, timezone

import dateutil
import icalendar
import pytz
from dateutil import tz


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def main():
    path, probes_path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    with open(probes_path) as f:
        probes = json.load(f)

    # Both read the VTIMEZONE components of the file, not the system's zones.
    tzical = tz.tzical(path)
    to_tz = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}

    resolved = {}
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev["DTSTART"]
        s = start.dt
        if "DTEND" in ev:
            e = ev["DTEND"].dt
            end_wall = e.replace(tzinfo=None)
            length = None
        else:
            length = ev["DURATION"].dt
            # A DURATION in hours and minutes is exact time (RFC 5545 3.3.6):
            # add it to the instant, not to the wall clock.
            e = s.astimezone(timezone.utc) + length
            end_wall = None
        tzid = start.params.get("TZID")
        rec = {
            "uid": text(ev, "UID"),
            "summary": text(ev, "SUMMARY"),
            "description": text(ev, "DESCRIPTION"),
            "location": text(ev, "LOCATION"),
            "status": text(ev, "STATUS"),
            "sequence": int(ev["SEQUENCE"]) if "SEQUENCE" in ev else None,
            "tzid": tzid,
            "local": s.strftime("%Y-%m-%dT%H:%M:%S"),
            "start_utc": utc(s),
            "end_utc": utc(e),
            "alarms": [],
        }
        if tzid:
            name = getattr(s.tzinfo, "zone", None)
            by_name = name == tzid and tzid in pytz.all_timezones_set
            resolved[tzid] = "pytz" if by_name else "vtimezone"
            wall = s.replace(tzinfo=None)
            for key, zone in (("tzical", tzical.get(tzid)), ("vtz", to_tz[tzid])):
                if key == "tzical":
                    ls = wall.replace(tzinfo=zone)
                    le = None if end_wall is None else end_wall.replace(tzinfo=zone)
                else:
                    ls = zone.localize(wall)
                    le = None if end_wall is None else zone.localize(end_wall)
                if le is None:
                    le = ls.astimezone(timezone.utc) + length
                rec["start_utc_" + key] = utc(ls)
                rec["end_utc_" + key] = utc(le)
        for alarm in ev.walk("VALARM"):
            trigger = alarm["TRIGGER"].dt
            rec["alarms"].append({
                "action": text(alarm, "ACTION"),
                "description": text(alarm, "DESCRIPTION"),
                "trigger_minutes": int(trigger / timedelta(minutes=1)),
            })
        events.append(rec)

    offsets = {}
    for tzid, instants in sorted(probes.items()):
        rows = []
        for iso in instants:
            at = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            rows.append({
                "at": iso,
                "tzical": int(at.astimezone(tzical.get(tzid)).utcoffset().total_seconds()),
                "vtz": int(at.astimezone(to_tz[tzid]).utcoffset().total_seconds()),
            })
        offsets[tzid] = rows

    json.dump({
        "parser": {
            "icalendar": icalendar.__version__,
            "dateutil": dateutil.__version__,
            "resolved": resolved,
        },
        "calendar": {
            "prodid": text(cal, "PRODID"),
            "version": text(cal, "VERSION"),
            "name": text(cal, "X-WR-CALNAME"),
        },
        "events": events,
        "offsets": offsets,
    }, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
