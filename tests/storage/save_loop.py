"""Child process for the kill test: saves sections in a loop and acknowledges each save once it returned.

Usage: python save_loop.py SURVEY_ID [SURVEY_ID ...]   (data folder from COCOA_DESKTOP_DATA_DIR)
"""

from __future__ import annotations

import sys

from cocoa_desktop.storage.startup import open_storage


def main(ids: list[str]) -> None:
    storage = open_storage()
    print("READY", flush=True)
    i = 0
    while True:
        survey_id = ids[i % len(ids)]
        storage.repo.save_section(survey_id, "meta", {"unit": "farm", "notes": str(i)}, page=f"p{i}")
        print(f"ACK {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1:])
