from typing import Any, Mapping, Optional, Sequence, Union

RESULT_COLUMNS: tuple[str, ...]
INDEX_NAME: str

def lint_dataframe(df: Any, config: Any = ..., *,
                   columns: Union[None, Mapping[str, str], Sequence[str]] = ...,
                   template: Optional[str] = ..., from_: Optional[str] = ...,
                   kind: Optional[str] = ..., first_message: bool = ...,
                   region: Optional[str] = ..., max_field_bytes: int = ...,
                   threads: int = ..., **options: Any) -> Any: ...
