"""One module per component, grouped by the Azure designer's palette categories."""
