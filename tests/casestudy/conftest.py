"""A small case with one question of each kind, loaded through the demo's LMS-shaped runtime."""
import pytest

CASE = """<puentes_case_study url_name="case_1" display_name="Test case" weight="2" max_attempts="2">
  <context><p>A border town.</p></context>
  <facts><fact label="Crossings" value="30,000" source="Migración Colombia" href="https://www.migracioncolombia.gov.co/"/></facts>
  <voices><voice name="Luz" role="Coordinator">We need help.</voice></voices>
  <questions>
    <single_choice id="q1" points="1"><prompt>First?</prompt>
      <option id="a" correct="true">Health<feedback>Right because health.</feedback></option>
      <option id="b">Police<feedback>No, because fear.</feedback></option></single_choice>
    <multiple_choice id="q2" points="3"><prompt>Partners?</prompt>
      <option id="a" correct="true">UNHCR<feedback>Yes UNHCR.</feedback></option>
      <option id="b" correct="true">Employers<feedback>Yes employers.</feedback></option>
      <option id="c" correct="true">Churches<feedback>Yes churches.</feedback></option>
      <option id="d">Army<feedback>No army.</feedback></option></multiple_choice>
    <ranking id="q3" points="3"><prompt>Order?</prompt>
      <item id="a">Map</item><item id="b">Instruct</item><item id="c">Agree</item><item id="d">Report</item></ranking>
    <reflection id="q4" points="1" min_words="3" max_words="8"><prompt>Reflect.</prompt>
      <model_answer>A strong answer names a service.</model_answer>
      <rubric><criterion id="a">Names a service</criterion>
        <criterion id="b">Names a partner</criterion></rubric></reflection>
    <decision_path id="q5" start="d1"><prompt>Decide.</prompt>
      <decision id="d1"><situation>600 in the park.</situation>
        <option id="a" next="d2" points="2">Shelter<consequence>Roof tonight.</consequence></option>
        <option id="b" next="d3" points="0">Police<consequence>People scatter.</consequence></option></decision>
      <decision id="d2"><situation>Neighbours complain.</situation>
        <option id="a" points="3">Meet<consequence>Tension falls.</consequence></option></decision>
      <decision id="d3"><situation>Measles.</situation>
        <option id="a" points="1">Vaccinate<consequence>Contained.</consequence></option></decision>
    </decision_path>
  </questions>
</puentes_case_study>"""


@pytest.fixture
def case_id(load_block):
    return load_block.parse(CASE)


@pytest.fixture
def learner(make_user, course_key):
    return make_user("ana", "student", course_key)


@pytest.fixture
def staff(make_user, course_key):
    return make_user("diego", "staff", course_key)
