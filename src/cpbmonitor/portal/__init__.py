"""The public web portal: server-rendered pages over the plan, the registry and the
indicator engine (through ``results``, the one module that talks to the engine)."""
