"""French social-media language data: plain constants a linguist can edit.

- :mod:`.punctuation`: affix rules, URL/hashtag/mention patterns, elisions, clitics;
- :mod:`.emoji`, :mod:`.emoticons`: emoji code points and text emoticons;
- :mod:`.slang`: SMS and web slang with its meaning;
- :mod:`.words`: words spelt with a double letter (to undo elongations).
"""
