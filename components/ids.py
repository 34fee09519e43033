"""Every component id of the page, in one place. Layouts and callbacks import these constants."""

# Stores
PAGE_DATA = "page-data"  # the index and the names, handed to the browser once
ADDRESS = "address"  # the query string the page was opened with
ADDRESS_READING = "address-reading"  # the selection that address asks for, read on the server
SELECTION = "selection"  # what is selected now; written by the browser script

# Inert <template>s in the page's HTML, moved into place by the browser script
DRAWING_TEMPLATE = "drawing-template"
PICKER_TEMPLATE = "picker-template"

# Blocks
DIAGRAM = "diagram"
NOTICE = "notice"
DETAILS = "details"
PICKER = "picker"
PICKER_SEARCH = "picker-search"
PICKER_LIST = "picker-list"
MODE_MUSCLE = "mode-muscle"
MODE_REGION = "mode-region"
CLEAR = "clear"
VIEW_SWITCH = "view-switch"
HANDOUT_LINK = "handout-link"
EVIDENCE_SUMMARY = "evidence-summary"
EVIDENCE_BODY = "evidence-body"
