"""What goes to the terminal: the lighter wire output, leaner drawn lines (strips.py, on Textual's own
Strip), leaving with the terminal. Nothing of erqi-tui is imported here: it could live in Textual."""
