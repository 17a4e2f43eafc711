#!/usr/bin/env python3
"""Stand-in for edx-platform's manage.py in the host-run jobs: records each call as a JSON line.

For `cms import <data_dir> <course_dir>` it checks what the real command needs (a course.xml in
the course folder) and records the course's org and number, read from that file.
"""
import json
import os
import sys
import xml.etree.ElementTree as ElementTree

call = {"service": os.environ.get("PUENTES_JOB_SERVICE"), "argv": sys.argv[1:]}
if sys.argv[1:3] == ["cms", "import"]:
    data_dir, course_dir = sys.argv[3:5]
    course_xml = os.path.join(data_dir, course_dir, "course.xml")
    if not os.path.isfile(course_xml):
        sys.exit(f"no course.xml in {course_dir}")
    course = ElementTree.parse(course_xml).getroot()
    call["course"] = f"{course.get('org')}/{course.get('course')}"
with open(os.environ["PUENTES_MANAGE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(call) + "\n")
