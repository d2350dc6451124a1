"""What the terminal sends, read whatever it is: bytes that are not UTF-8 (PuTTY, Xshell or
SecureCRT left at GBK, as they often are in Chinese offices) are read as U+FFFD instead of ending the
app with Textual's UnicodeDecodeError. No erqi-tui imported.

Textual's LinuxDriver reads its input with `getincrementaldecoder("utf-8")()`, a name its module
imports from codecs (private_apis.py names it); that name is given a decoder that replaces what it
cannot read."""

from __future__ import annotations

import codecs


def tolerant_decoder(encoding: str):
    """codecs.getincrementaldecoder, the decoder it gives replacing undecodable bytes by default."""
    factory = codecs.getincrementaldecoder(encoding)

    def make(errors: str = "replace"):
        return factory(errors)

    return make


def read_input_tolerantly() -> bool:
    """Make Textual's terminal driver read undecodable input as U+FFFD; False where it reads its
    input otherwise than this was written for (nothing is changed then)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows
        return False
    found = getattr(linux_driver, "getincrementaldecoder", None)
    if found is tolerant_decoder:
        return True
    if found is not codecs.getincrementaldecoder:
        return False
    linux_driver.getincrementaldecoder = tolerant_decoder
    return True
