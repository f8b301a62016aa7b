"""Preview data and Evaluate Model visualizations."""
