"""A longest-match index of token phrases, the one matcher behind names, roles and function words."""

from communique.nlp.tokens import phrase_key


class PhraseIndex:
    """Maps token phrases to values; finds the longest phrase starting at each position."""

    def __init__(self):
        self._phrases = {}                   # phrase tuple -> [values]
        self._lengths = {}                   # first token -> its phrase lengths, longest first

    def add(self, phrase, value):
        """Index a phrase (text or token tuple) with a value; a phrase may carry several values."""
        key = phrase_key(phrase) if isinstance(phrase, str) else tuple(phrase)
        if not key:
            return
        self._phrases.setdefault(key, []).append(value)
        self._lengths[key[0]] = tuple(sorted(set(self._lengths.get(key[0], ())) | {len(key)}, reverse=True))

    def first_tokens(self, values=None):
        """The set of tokens some phrase starts with (one carrying one of these values, if given)."""
        if values is None:
            return frozenset(self._lengths)
        return frozenset(key[0] for key, found in self._phrases.items() if any(v in values for v in found))

    def values(self):
        """The value lists of every phrase."""
        return self._phrases.values()

    def tokens(self):
        """Every token of every phrase."""
        return {token for key in self._phrases for token in key}

    def __contains__(self, phrase):
        key = phrase_key(phrase)
        return bool(key) and key in self._phrases

    def match_at(self, lowers, i):
        """(end, values) of the longest phrase starting at token i, or None."""
        if i >= len(lowers):
            return None
        first = lowers[i]
        lengths = self._lengths.get(first)
        if lengths is None:
            return None
        room, phrases = len(lowers) - i, self._phrases
        for length in lengths:
            if length <= room:
                values = phrases.get((first,) if length == 1 else tuple(lowers[i:i + length]))
                if values:
                    return i + length, values
        return None

    def find_all(self, lowers):
        """Non-overlapping (start, end, values) matches, longest first, left to right."""
        found, i = [], 0
        while i < len(lowers):
            hit = self.match_at(lowers, i)
            if hit:
                found.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return found

    def ends_before(self, lowers, end, max_len=6):
        """(start, values) of the longest phrase ending exactly at token index end, or None."""
        for start in range(max(0, end - max_len), end):
            hit = self.match_at(lowers, start)
            if hit and hit[0] == end:
                return start, hit[1]
        return None
