"""Published JSON Schemas of every command's ``--json`` output.

Convention: ``schemas/<command>.py`` defines a pydantic v2 model ``Output`` with
``model_config = ConfigDict(extra="forbid")`` describing the payload exactly;
``saiken schema <command>`` prints ``Output.model_json_schema()``. pydantic is imported
only here, never on a command's hot path.
"""
