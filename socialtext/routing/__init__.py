"""Routing: turn analyses into routes following a company's intervention charter.

- :mod:`.charter`: ``Charter`` (teams, rules, product catalogue) and ``Route``;
- :mod:`.conditions`: what a rule can test, one function per condition;
- :mod:`.conversation`: ``Conversation``, whole threads with an owner team.
"""

from socialtext.routing.charter import PRIORITIES, Charter, Route, Rule, Team
from socialtext.routing.conversation import Conversation, ConversationRoute

__all__ = ["PRIORITIES", "Charter", "Conversation", "ConversationRoute", "Route", "Rule", "Team"]
