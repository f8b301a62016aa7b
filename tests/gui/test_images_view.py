"""Execute Python Script in a job: its prints in the step's log, and the pictures it saved in the images viewer."""
from __future__ import annotations

from designer_app.preview.images_view import ImagesView
from designer_app.preview.viewers import VIEWERS
from engine.pipeline import Edge, Node, Pipeline
from nodes.components.python_language.execute_python_script import COMPONENT
from tests.gui.run_helpers import run

SCRIPT = ("import matplotlib.pyplot as plt\n"
          "def azureml_main(dataframe1=None, dataframe2=None):\n"
          "    print('plotting', len(dataframe1), 'rows')\n"
          "    dataframe1.plot.scatter(x='x', y='y')\n"
          "    plt.savefig('scatter.png')\n"
          "    return dataframe1,\n")


def test_a_scripts_pictures_show_and_its_prints_are_logged(engine, qtbot):
    data = Node(component="enter_data_manually", params={"Data": "x,y\n1,2\n2,4\n3,5\n"})
    script = Node(component="execute_python_script", params={"Python script": SCRIPT})
    job = run(engine, Pipeline(name="Script", nodes=[data, script], edges=[
        Edge(source=data.id, source_port="Dataset", target=script.id, target_port="Dataset1")]))
    assert "plotting 3 rows" in job.step(script.id).logs
    plots = COMPONENT.output("Plots")
    assert VIEWERS[plots.viewer].label == "Show pictures"
    view = ImagesView(engine, job.id, script.id, "Plots")
    qtbot.addWidget(view)
    assert len(view.pictures) == 2  # the saved file and the figure still open
    assert all(not label.pixmap().isNull() and label.pixmap().width() > 100 for label in view.pictures)
    empty = ImagesView(engine, job.id, data.id, "Dataset")
    qtbot.addWidget(empty)
    assert empty.pictures == []
