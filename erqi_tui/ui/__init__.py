"""The Textual app: the shell (app.py), its panes, screens, widgets and themes. The only package
that imports Textual."""
