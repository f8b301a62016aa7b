"""The headless core: pipeline model, validation, runner, workspace store, server and command line."""
