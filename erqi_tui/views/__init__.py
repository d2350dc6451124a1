"""What the panes and lists say, worked out from a dashboard: drill-downs, listings, 督办, charts
as text, the city compared. No Textual."""
