"""The Qt desktop app: a thin view over the engine (canvas, palette, properties pane, drafts, jobs, previews)."""
