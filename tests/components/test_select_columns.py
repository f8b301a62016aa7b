from nodes.columns import ColumnSelection
from nodes.components.transformation.select_columns import COMPONENT
from nodes.context import DesignContext
from nodes.table import Role
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

PICK = "Select Columns"


def test_keeps_dataset_order_and_roles():
    table = gappy_table()
    out = run_checked(COMPONENT, {"Dataset": table}, {PICK: ["label", "city", "num"]})["Results dataset"]
    assert list(out.frame.columns) == ["num", "city", "label"]
    assert out.frame.equals(table.frame[["num", "city", "label"]])
    assert out.roles == {"label": Role.LABEL}


def test_rules_by_type_and_exclusion():
    table = gappy_table()
    out = run_checked(COMPONENT, {"Dataset": table}, {PICK: ColumnSelection.names("kind", "flag", exclude=True)})
    assert list(out["Results dataset"].frame.columns) == ["num", "count", "city", "label"]
    numeric = run_checked(COMPONENT, {"Dataset": table}, {PICK: ColumnSelection.types("Numeric")})
    assert list(numeric["Results dataset"].frame.columns) == ["num", "count", "label"]


def test_errors():
    schema = gappy_table().schema
    unknown = resolved(COMPONENT, {PICK: ["nope"]})
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": schema}, unknown) == 1
    nothing = resolved(COMPONENT, {PICK: ColumnSelection.types("DateTime")})
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": schema}, nothing) == 11
    assert COMPONENT.resolve_params({})[1][0].code == 3


def test_unknown_input_schema():
    assert COMPONENT.configure(DesignContext(), {"Dataset": None}, resolved(COMPONENT, {PICK: ["num"]})) == {
        "Results dataset": None}
