"""Job history: experiments, jobs and the read-only job view."""
