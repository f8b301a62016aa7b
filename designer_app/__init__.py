"""The desktop app: a thin Qt view over the engine (canvas, palette, properties pane, drafts)."""
