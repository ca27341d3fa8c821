"""Scripts that draw the study guide's figures: each `figures/<name>.py` has `draw()`; `python -m figures.build`."""
