"""Execute Python Script: the user's `azureml_main(dataframe1, dataframe2)` run in a child process."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import Lazy, implemented_in
from nodes.params import Script, String
from nodes.ports import IMAGES_VIEWER, DataFrame

DATASET1, DATASET2 = "Dataset1", "Dataset2"
RESULT, DEVICE, PLOTS = "Result Dataset", "Python Device", "Plots"
SCRIPT, BUNDLE = "Python script", "Script Bundle"
BUNDLE_FOLDER = "Script Bundle"

DEFAULT_SCRIPT = '''\
# The script must define azureml_main, called with the data sets on Dataset1 and Dataset2
# (None where a port is not connected). It returns one or two pandas DataFrames, e.g.
#     return dataframe1,          or          return dataframe1, dataframe2
# The files of a Script Bundle zip are in "./Script Bundle", which is on sys.path.
# Prints and warnings go to the step's log; pictures saved in the working folder
# (e.g. plt.savefig("plot.png")) and open matplotlib figures appear on the Plots output.
import pandas as pd


def azureml_main(dataframe1=None, dataframe2=None):
    print(f"Input pandas.DataFrame #1: {dataframe1}")
    return dataframe1,
'''

COMPONENT = Component(
    id="execute_python_script",
    name="Execute Python Script",
    category="Python Language",
    description="Runs a Python script on up to two data sets in a separate process that Cancel stops at once; "
                "returns up to two data sets and the pictures it saved.",
    inputs=(DataFrame(DATASET1, optional=True), DataFrame(DATASET2, optional=True)),
    outputs=(DataFrame(RESULT, description="The first DataFrame azureml_main returns."),
             DataFrame(DEVICE, description="The second DataFrame azureml_main returns (empty without one)."),
             DataFrame(PLOTS, viewer=IMAGES_VIEWER,
                       description="The PNG and JPEG pictures the script saved and its open matplotlib figures.")),
    params=(Script(SCRIPT, DEFAULT_SCRIPT, description="Defines azureml_main(dataframe1, dataframe2)."),
            String(BUNDLE, "", required=False,
                   description="A zip of Python modules or files, unpacked to ./Script Bundle and put on sys.path.")),
    content_key=Lazy("nodes.components.python_language._execute_python_script", "content_key"),
    maps_to="the script's azureml_main(pandas.DataFrame, pandas.DataFrame), run with exec in a "
            "multiprocessing spawn child process (killed on cancel)",
    **implemented_in("nodes.components.python_language._execute_python_script",
                     run_module="nodes.components.python_language._execute_python_script_run"),
)
