"""Codes from the reference lists, marked so that the JSON Schema can list their values.

The model checks only a code's form (the semantic rules check it against the
reference data, with "did you mean" and local data of a repository); the
schema (`planas.schema`) replaces each marked code with an enum of the list's
codes and their Lithuanian titles, so that editors complete and explain them.
"""


from typing import Annotated

from pydantic import Field

from planas.model.base import Code

CODE_LIST_KEY = "x-planas-codes"
"""The schema keyword naming the code list a field takes its values from."""

ServiceCode = Annotated[Code, Field(json_schema_extra={CODE_LIST_KEY: "services"})]
"""A service of the social services catalogue (`planas reference services`)."""

GroupCode = Annotated[Code, Field(json_schema_extra={CODE_LIST_KEY: "groups"})]
"""A target group (`planas reference groups`)."""

InstitutionTypeCode = Annotated[Code, Field(json_schema_extra={CODE_LIST_KEY: "institution-types"})]
"""A type of social service institution (`planas reference institution-types`)."""
