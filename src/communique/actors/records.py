"""Actors as the coder reports them."""

from dataclasses import dataclass


@dataclass
class Actor:
    """Who did something or had it done to them, as far as the text tells."""

    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0
    cameo: str | None = None
    discovered: bool = False

    def copy(self):
        """A shallow copy (cheaper than dataclasses.replace)."""
        twin = Actor.__new__(Actor)
        twin.__dict__.update(self.__dict__)
        return twin

    @property
    def code(self):
        """The CAMEO actor code: country (or organisation code) followed by the sector."""
        if self.org and self.cameo:
            return self.cameo
        base = self.country or ("---" if not self.org else self.org.upper()[:3])
        return base + (self.sector or "") if self.sector != "IGO" or not self.org else base

    @property
    def key(self):
        """What two actors must share to be the same party: country, else organisation, else None."""
        return self.country if self.country and not self.org else self.org

    @property
    def identity(self):
        """The finest known identity: the person when named, else party and sector."""
        return self.name or (self.key, self.sector)

    def to_json(self):
        """The actor in the event contract's form."""
        return {"code": self.code, "country": self.country, "org": self.org, "sector": self.sector,
                "name": self.name, "role": self.role, "text": self.text,
                "discovered": bool(self.discovered and self.name)}
