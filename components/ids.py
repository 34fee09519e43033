"""Every component id of the page, in one place. Layouts and callbacks import these constants."""

# Values held in Dash's state (components/holder.py)
ADDRESS = "address"  # the query string the page was opened with, as the browser script reports it
ADDRESS_READING = "address-reading"  # the selection that address asks for, read on the server
SELECTION = "selection"  # what is selected now; written by the browser script
DETAILS_MARKUP = "details-markup"  # the details panel's markup, put in the page by the browser

# In the page's static HTML
INDEX = "referral-index"  # the index as a JSON data block, read once by the browser script

# Blocks
DIAGRAM = "diagram"
NOTICE = "notice"
DETAILS = "details"
PICKER = "picker"
PICKER_SEARCH = "picker-search"
PICKER_LIST = "picker-list"
CLEAR = "clear"
VIEW_SWITCH = "view-switch"
HANDOUT_LINK = "handout-link"
CHOOSER = "chooser"  # asks which shape a tap meant when a fingertip reached several
ANNOUNCE = "announce"  # the short spoken summary of each selection
EVIDENCE_SUMMARY = "evidence-summary"
EVIDENCE_BODY = "evidence-body"
