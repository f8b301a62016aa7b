"""Components of one palette category."""
