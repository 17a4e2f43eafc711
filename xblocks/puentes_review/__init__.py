"""The `puentes_tutor_review` XBlock: the tutors' queue, claims and rubric review inside courseware."""
