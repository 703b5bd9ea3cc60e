"""Drives Debian's python3-caldav against a Kalendaryo server, one step per run, printing JSON.

Usage: /usr/bin/python3 caldav_client.py <base-url> <email> <token> <calendar-id> <step> [args...]
Steps: discover | search START END | expand START END | create UID ICS-FILE | update UID SUMMARY |
       delete UID | sync [TOKEN] | freebusy START END | by-uid UID
Dates are YYYY-MM-DD (UTC midnight).
"""
import json
import sys
from datetime import datetime, timezone

import caldav


def day(text):
    return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=timezone.utc)


def main():
    base, email, token, calendar_id, step, *args = sys.argv[1:]
    client = caldav.DAVClient(url=base, username=email, password=token)
    # Discovery from the site's root: current-user-principal, then calendar-home-set.
    principal = client.principal()
    calendars = principal.calendars()
    calendar = next((c for c in calendars if calendar_id in str(c.url)), None)
    out = {}
    if step == "discover":
        out = {"principal": str(principal.url), "calendars": [{"url": str(c.url), "name": c.name} for c in calendars], "found": calendar is not None}
    elif step == "search":
        events = calendar.date_search(day(args[0]), day(args[1]), expand=False)
        out = {"summaries": sorted(str(e.vobject_instance.vevent.summary.value) for e in events)}
    elif step == "expand":
        events = calendar.date_search(day(args[0]), day(args[1]), expand=True)
        instances = []
        for e in events:
            for vevent in e.vobject_instance.vevent_list:
                rid = getattr(vevent, "recurrence_id", None)
                instances.append({"summary": str(vevent.summary.value), "start": vevent.dtstart.value.isoformat(), "recurrenceId": rid.value.isoformat() if rid else None, "rrule": hasattr(vevent, "rrule")})
        out = {"instances": sorted(instances, key=lambda i: i["start"])}
    elif step == "create":
        with open(args[1], encoding="utf-8") as f:
            event = calendar.save_event(f.read())
        out = {"url": str(event.url)}
    elif step == "by-uid":
        event = calendar.event_by_uid(args[0])
        out = {"url": str(event.url), "data": event.data}
    elif step == "update":
        event = calendar.event_by_uid(args[0])
        event.vobject_instance.vevent.summary.value = args[1]
        event.save()
        out = {"url": str(event.url)}
    elif step == "delete":
        calendar.event_by_uid(args[0]).delete()
        out = {"deleted": args[0]}
    elif step == "sync":
        result = calendar.objects_by_sync_token(sync_token=args[0] if args else None, load_objects=True)
        out = {"token": result.sync_token, "objects": sorted((str(o.url), (o.data or "")) for o in result)}
    elif step == "freebusy":
        fb = calendar.freebusy_request(day(args[0]), day(args[1]))
        out = {"data": fb.data}
    print(json.dumps(out))


if __name__ == "__main__":
    try:
        main()
    except caldav.lib.error.DAVError as error:
        print(json.dumps({"error": type(error).__name__, "reason": str(error)}))
        sys.exit(3)
