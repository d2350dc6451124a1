"""The baseline: a minimal Textual app (Header, Footer, one Static), started the same way as erqi-tui."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("baseline")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
