"""Reusable pieces of the dashboard: cards, bars, figure groups."""
