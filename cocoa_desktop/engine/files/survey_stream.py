"""A campaign file read survey by survey: each survey parsed, validated (the same :class:`Survey` model) and handed
on alone, so that neither the whole parsed JSON tree nor every survey model is held at once (a 22,000-farm campaign:
about 280 MB of models, 12 kB each).

Only the layout the app writes is streamed (:func:`survey_io.dumps`: the document's head up to ``"surveys": [``, one
survey per line, then ``]}}``), at the current format version. Anything else — an older version, an indented file,
a single survey, a package — and any problem found on the way (invalid JSON, a survey that fails validation, an id
met twice) goes to :func:`survey_io.read` on the whole file, which raises exactly the error it always raised, or
returns the surveys (then handed on from where the stream stopped). A file the stream accepts is one ``read``
accepts, with the same surveys.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from cocoa_desktop.engine.files import survey_io, survey_lines
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign, Survey

_BLANK = b" \t\r\n"  # JSON's whitespace (bytes.strip() would also take \v and \f, which JSON refuses)


class CampaignSurveys:
    """The surveys of a campaign or survey file, in file order. Made, it has read the file and checked its head (or
    read it whole: then ``kept`` holds the surveys); iterated once, it validates each survey as it comes; then
    :meth:`again` gives survey ``index`` anew (validated again from its bytes, or the one kept in memory)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = "Total"
        self.count = 0
        self._spans = array("q")  # each streamed survey's start and end in _data
        self.kept: Sequence[Survey] | None = None  # the surveys read whole (not streamed)
        data = survey_io.read_bytes(self.path)
        survey_io.count_surveys(data, str(self.path))
        self._data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        del data
        self._start = self._head()
        if self._start and self._data.count(b"\n", self._start) > MAX_SURVEYS + 1:
            self._start = 0  # more lines than surveys a campaign may hold and its last line: read whole at once
        if not self._start:
            self._read_whole()

    def __iter__(self) -> Iterator[Survey]:
        done = 0
        if self.kept is None:
            self.count, self._spans = 0, array("q")
            for survey in self._stream(self._start):
                done += 1
                yield survey
            if self.kept is None:  # streamed to the end
                return
        kept = self.kept or ()
        self.count = len(kept)
        yield from kept[done:]

    def again(self, index: int) -> Survey:
        if self.kept is not None:
            return self.kept[index]
        start, end = self._spans[2 * index], self._spans[2 * index + 1]
        found = survey_lines.survey(self._data[start:end])
        if found is None:  # it was read once: only a changed model could refuse it now
            raise ValueError(f"survey {index} of {self.path} no longer reads")
        return found

    def _read_whole(self) -> None:
        item = survey_io.read(self.path)  # raises the reader's own error for a bad file
        self.kept, self._data, self._spans = survey_io.surveys_of(item), b"", array("q")
        self.count = len(self.kept)
        self.name = getattr(item, "name", "Total")

    def _head(self) -> int:
        """Where the first survey's line starts when the file has the app's layout and its head is valid; else 0."""
        found = survey_lines.head(self._data, survey_io.CAMPAIGN_FORMAT, survey_io.FORMAT_VERSION)
        if found is None:
            return 0
        fields, start = found
        try:
            head = Campaign.model_validate(fields)
        except ValueError:
            return 0
        if self._data[start:].lstrip(_BLANK).startswith(b"]"):  # no survey: read whole (the reader says so)
            return 0
        self.name = head.name
        return start

    def _stream(self, start: int) -> Iterator[Survey]:
        """The surveys line by line, each line but the last ending with a comma, then ``]}}``; at the first line
        that is not so, or not one valid survey, or an id met twice, or one survey more than a campaign may hold
        (:data:`MAX_SURVEYS`: ``count_surveys`` misses a ``"general"`` spelt with an escape), the whole file is read
        instead (which raises its error, or keeps the surveys)."""
        data, end = self._data, len(self._data)
        ids: set[str] = set()
        while start < end:
            stop = data.find(b"\n", start)
            stop = end if stop < 0 else stop
            raw = data[start:stop]
            line = raw.strip(_BLANK)
            more = line.endswith(b",")
            if not line or (not more and data[stop:].strip(_BLANK) != b"]}}"):
                break
            first = start + len(raw) - len(raw.lstrip(_BLANK))
            last = first + len(line) - more
            survey = survey_lines.survey(data[first:last])  # as the strict reading validates it, or None
            if survey is None:  # invalid JSON or a survey that fails validation: the whole file's error
                break
            if survey.id in ids or len(ids) == MAX_SURVEYS:  # the campaign's own checks: the whole file's error
                break
            ids.add(survey.id)
            self._spans.extend((first, last))
            self.count += 1
            yield survey
            if not more:
                return
            start = stop + 1
        self._read_whole()
