"""Every component id of the study page (/study/), in one place. The page is its own Dash app,
so its ids only need to be unique within it."""

# Stores
DRAWING_MARKUP = "study-drawing-markup"  # the diagram's SVG, inlined once by the browser script
HEATMAP_MARKUP = "study-heatmap-markup"  # the heatmap table's markup, inlined once by the browser script
PAINT = "study-paint"  # the classes to put on the diagram now, computed on the server
DIAGRAM_TAP = "study-diagram-tap"  # a muscle or region tapped on the diagram, reported by the script
QUIZ = "study-quiz"  # the quiz: queue, score and question on screen, kept in the browser's storage

# Blocks
WORKSPACE = "study-workspace"
TABS = "study-tabs"  # the tab shown: a store holding TABLE_TAB or QUIZ_TAB
TABLE_TAB_BUTTON = "study-tab-table"
QUIZ_TAB_BUTTON = "study-tab-quiz"
TABLE_SECTION = "study-table-section"
QUIZ_SECTION = "study-quiz-section"
TABLE_TAB = "table"  # tab ids (values of TABS.data)
QUIZ_TAB = "quiz"
HEATMAP = "study-heatmap"
MUSCLE_PICK = "study-muscle"
PICKER = "study-picker"  # the muscle list and its label, shown with the table
DIAGRAM = "study-diagram"
DIAGRAM_CAPTION = "study-diagram-caption"

QUIZ_INTRO = "study-quiz-intro"
QUIZ_START = "study-quiz-start"
QUIZ_PANEL = "study-quiz-panel"
QUIZ_SCORE = "study-quiz-score"
QUIZ_PROMPT = "study-quiz-prompt"
QUIZ_CHOICES = "study-quiz-choices"
QUIZ_PLACES = "study-quiz-places"
QUIZ_FEEDBACK = "study-quiz-feedback"
QUIZ_NEXT = "study-quiz-next"
QUIZ_RESTART = "study-quiz-restart"

# Pattern-matching id types: {"type": CHOICE, "index": muscle_id}, {"type": PLACE, "index": region_id}
CHOICE = "study-quiz-choice"
PLACE = "study-quiz-place"
