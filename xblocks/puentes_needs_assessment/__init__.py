"""The `puentes_needs_assessment` XBlock: a municipality's needs and capacities, answered by its officials."""
