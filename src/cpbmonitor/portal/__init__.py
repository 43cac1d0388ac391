"""The public web portal: server-rendered pages over the plan, the national reports and the
indicator engine (through ``results``, the one module that talks to the engine)."""
