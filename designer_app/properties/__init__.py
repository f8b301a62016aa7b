"""The properties pane: editors built from a component's parameter schema, and the column picker."""
