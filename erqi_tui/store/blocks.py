"""A large data file read in blocks, so that reading it again after an edit parses only what changed.
No Textual.

The blocks: the text before the first `[[project]]` line (the head), then each `[[project]]` line with
what follows it up to the next. Each is parsed on its own (tomllib); a block whose text is the same as
one read before (its digest) is not parsed again, and its project, checked then against the same
stages, roads and targets, is kept. A city's file of 100,000 projects is parsed in seconds; an edit of
its head or of one project is read again in a fraction of that.

The result is the file parsed whole, or the blocks are not used: whatever they cannot vouch for is
left to the whole parse, which names the problem and its line as it always has. A `[[project]]` line
inside a multi-line string or array leaves the block before it unterminated (a syntax error there); a
table named in two blocks (a `[[task]]` before the projects and another after them) would be merged by
TOML and is not by the blocks; the head holding a `project` key of its own; any syntax error.

A file under datafile.FROM_CHARS is parsed whole and this module (and hashlib) is not imported.
"""

import hashlib
import re
import tomllib
from typing import NamedTuple

_HEADER = re.compile(r"^\[\[project\]\]", re.MULTILINE)
DIGEST = 16  # bytes of a block's digest
NOT_KEPT = bytes(DIGEST)  # the digest of a block no later read reuses: it gave other tables, or several projects


class Kept(NamedTuple):
    """What a read leaves for the next: each project's block digest in the projects' order (DIGEST
    bytes each; NOT_KEPT where its block is not to be reused), and the names its projects were
    checked against (a block is reused only against the same)."""

    digests: bytes
    context: tuple

    def places(self) -> dict[bytes, int]:
        """Each reusable digest with the place of its project."""
        digests = self.digests
        out = {digests[start:start + DIGEST]: i for i, start in enumerate(range(0, len(digests), DIGEST))}
        out.pop(NOT_KEPT, None)
        return out


class Reused(NamedTuple):
    """A `[[project]]` block whose text a read before had: the place of its project then, and its
    text (parsed only if its project is to be checked again: the stages, roads or targets changed)."""

    before: int
    text: str

    def parsed(self) -> dict:
        return tomllib.loads(self.text)["project"][0]


class Split(NamedTuple):
    """A file read in blocks: the head's document with the other tables of the blocks merged in; each
    project as its table parsed, or Reused; and each one's block digest (DIGEST bytes, NOT_KEPT where
    its block held more than the one project)."""

    doc: dict
    projects: list
    digests: bytes


def split(text: str, known: dict[bytes, int]) -> Split | None:
    """`text` read in blocks, those whose digest is in `known` (Kept.places of the read before) not
    parsed; None when the file is to be parsed whole (see the module's docstring)."""
    starts = [match.start() for match in _HEADER.finditer(text)]
    if not starts:
        return None
    doc = _parse(text[:starts[0]])
    if doc is None or "project" in doc:
        return None
    projects: list = []
    digests = bytearray()
    for start, end in zip(starts, starts[1:] + [len(text)]):
        piece = text[start:end]
        digest = hashlib.blake2b(piece.encode(), digest_size=DIGEST).digest()
        if digest in known:
            projects.append(Reused(known[digest], piece))
            digests += digest
            continue
        parsed = _parse(piece)
        if parsed is None:
            return None
        tables = parsed.pop("project")
        if parsed:  # tables after the last project: merged, unless the head or a block names them too
            if parsed.keys() & doc.keys():
                return None
            doc.update(parsed)
        projects.extend(tables)
        digests += digest if not parsed and len(tables) == 1 else NOT_KEPT * len(tables)
    return Split(doc, projects, bytes(digests))


def _parse(text: str) -> dict | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):  # the whole parse names it
        return None
