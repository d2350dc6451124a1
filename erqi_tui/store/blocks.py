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
"""

import re
import tomllib
from typing import NamedTuple

FROM_CHARS = 256 * 1024  # a smaller file is parsed whole: it takes milliseconds, and hashlib is not loaded
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


class Block(NamedTuple):
    """One `[[project]]` block: its digest, its text, its project tables as parsed (None: not parsed,
    its digest is a block read before), and the place of that block's project in the read before."""

    digest: bytes
    text: str
    tables: list | None
    before: int

    def parsed(self) -> list:
        """The block's project tables, parsed now if they were not (a block reused has one)."""
        return self.tables if self.tables is not None else tomllib.loads(self.text)["project"]


def split(text: str, known: dict[bytes, int]) -> tuple[dict, list[Block]] | None:
    """`text` as the head's document with the other tables of the blocks merged in, and its
    `[[project]]` blocks, those whose digest is in `known` (Kept.places of the read before) not
    parsed; None when the file is to be parsed whole (see the module's docstring)."""
    import hashlib

    starts = [match.start() for match in _HEADER.finditer(text)]
    if not starts:
        return None
    doc = _parse(text[:starts[0]])
    if doc is None or "project" in doc:
        return None
    blocks = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        piece = text[start:end]
        digest = hashlib.blake2b(piece.encode(), digest_size=DIGEST).digest()
        if digest in known:
            blocks.append(Block(digest, piece, None, known[digest]))
            continue
        parsed = _parse(piece)
        if parsed is None:
            return None
        tables = parsed.pop("project")
        if parsed:  # tables after the last project: merged, unless the head or a block names them too
            if parsed.keys() & doc.keys():
                return None
            doc.update(parsed)
        blocks.append(Block(digest if not parsed and len(tables) == 1 else NOT_KEPT, piece, tables, -1))
    return doc, blocks


def _parse(text: str) -> dict | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):  # the whole parse names it
        return None
