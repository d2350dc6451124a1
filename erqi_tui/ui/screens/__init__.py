"""Screens over the dashboard: help, project detail."""
