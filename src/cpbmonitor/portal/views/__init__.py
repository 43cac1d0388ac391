"""The portal's views: parse the request, ask the core or an adapter, render a template."""
