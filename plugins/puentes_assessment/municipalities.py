"""Which answers are about the same municipality: one key per (country, name as people write it)."""
import unicodedata


def municipality_key(country, name):
    """'CO', ' Cúcuta ' -> 'CO:cucuta'. Case, accents and repeated spaces do not make another municipality."""
    folded = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode("ascii")
    words = "".join(ch if ch.isalnum() else " " for ch in folded.casefold()).split()
    return f"{str(country or '').upper()}:{' '.join(words)}" if words else ""
