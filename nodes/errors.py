"""Errors with the Azure designer's numbered codes (reference §6)."""
from __future__ import annotations

from dataclasses import dataclass


class Cancelled(Exception):
    """Raised by `RunContext.check_cancelled` when the job was cancelled."""


@dataclass
class ComponentError(Exception):
    """A user-facing error: an Azure error code and a message naming the parameter, port or column."""

    code: int
    name: str
    message: str
    parameter: str | None = None
    port: str | None = None
    column: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"Error {self.code:04d} ({self.name}): {self.message}"

    def to_dict(self) -> dict:
        return {"code": f"{self.code:04d}", "name": self.name, "message": self.message,
                "parameter": self.parameter, "port": self.port, "column": self.column}


def column_not_found(column: str | int, parameter: str | None = None) -> ComponentError:
    return ComponentError(1, "ColumnNotFound", f'Column with name or index "{column}" not found.',
                          parameter=parameter, column=str(column))


def parameter_parsing(parameter: str, value: object, to: str) -> ComponentError:
    return ComponentError(2, "ParameterParsing",
                          f'Failed to convert "{parameter}" parameter from "{value!r}" to "{to}".',
                          parameter=parameter)


def null_or_empty(name: str, *, parameter: str | None = None, port: str | None = None) -> ComponentError:
    return ComponentError(3, "NullOrEmpty", f'Input "{name}" is null or empty.', parameter=parameter, port=port)


def out_of_range(parameter: str, value: object, low: float | None, high: float | None) -> ComponentError:
    if low is not None and high is not None:
        return ComponentError(8, "ParameterNotInRange",
                              f'Parameter "{parameter}" value {value} should be in range [{low}, {high}].',
                              parameter=parameter)
    if low is not None:
        return ComponentError(5, "LessThanLowerBound",
                              f'Parameter "{parameter}" value {value} should be greater than or equal to {low}.',
                              parameter=parameter)
    return ComponentError(7, "GreaterThanUpperBound",
                          f'Parameter "{parameter}" value {value} should be less than or equal to {high}.',
                          parameter=parameter)


def no_columns_selected(parameter: str) -> ComponentError:
    return ComponentError(11, "NoColumnsSelected",
                          f'The column set of "{parameter}" does not match any column of the dataset.',
                          parameter=parameter)


def bad_number_of_columns(parameter: str, count: int, expected: int = 1) -> ComponentError:
    return ComponentError(22, "BadNumberOfSelectedColumns",
                          f'"{parameter}" selects {count} columns; it needs exactly {expected}.',
                          parameter=parameter)


def invalid_learner(port: str, message: str) -> ComponentError:
    return ComponentError(13, "InvalidLearner", message, port=port)


def invalid_column_type(column: str, expected: str, parameter: str | None = None) -> ComponentError:
    return ComponentError(17, "InvalidColumnType", f'Column "{column}" must be of type {expected}.',
                          parameter=parameter, column=column)


def too_few_rows(port: str, rows: int, needed: int) -> ComponentError:
    return ComponentError(21, "TooFewRows",
                          f'Input "{port}" has {rows} rows; at least {needed} are needed.', port=port)


def not_labeled(port: str) -> ComponentError:
    return ComponentError(24, "NotLabeledDataset", f'Input "{port}" has no label column.', port=port)


def not_scored(port: str) -> ComponentError:
    return ComponentError(25, "NotScoredDataset",
                          f'Input "{port}" has no score columns; connect the output of Score Model.', port=port)


def unique_values_exceeded(column: str, count: int, limit: int) -> ComponentError:
    return ComponentError(14, "ColumnUniqueValuesExceeded",
                          f'Number of unique values in column "{column}" ({count}) is greater than allowed ({limit}).',
                          column=column)


def could_not_convert(column: str, to: str) -> ComponentError:
    return ComponentError(42, "CouldNotConvertColumn", f'Could not convert column "{column}" to {to}.',
                          column=column)


def all_missing(column: str) -> ComponentError:
    return ComponentError(80, "ColumnWithAllMissings", f'Column "{column}" has only missing values.',
                          column=column)


def invalid_dataset(message: str, port: str | None = None) -> ComponentError:
    return ComponentError(18, "InvalidDataset", message, port=port)


def library_exception(error: Exception) -> ComponentError:
    return ComponentError(1000, "LibraryException", f"{type(error).__name__}: {error}")
