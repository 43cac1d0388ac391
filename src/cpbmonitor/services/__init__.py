"""Services: the operations the CLI and the web views call. Each writes all or nothing."""
