"""The `puentes_proposal` XBlock: a municipal team writes, saves, submits and revises its project proposal."""
