from pathlib import Path

import pytest
from pydantic import BaseModel

from cpbmonitor.core.yamlfile import DataFileError, load_model


class Activity(BaseModel):
    code: str
    text: str


class Plan(BaseModel):
    activities: list[Activity]


def test_an_item_of_a_list_is_named_by_the_singular_of_the_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("activities:\n  - {code: '(i)', text: ok}\n  - {code: '(ii)'}\n")
    with pytest.raises(DataFileError) as caught:
        load_model(path, Plan)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 3: ")
    assert "activity (ii)" in message and "'text'" in message
