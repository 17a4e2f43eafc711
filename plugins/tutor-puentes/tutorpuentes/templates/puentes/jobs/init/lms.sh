# Puentes: create or upgrade the plugin apps' tables. The core LMS init migrates every app too;
# naming ours keeps `tutor local do init --limit=puentes` useful after an upgrade.
./manage.py lms migrate puentes_proposals
./manage.py lms migrate puentes_awards
./manage.py lms migrate puentes_assessment
