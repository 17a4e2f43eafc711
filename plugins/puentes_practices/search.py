"""Full-text search over published practices.

Texts and queries are folded alike (lower case, no accents), so "migración" finds "migracion". On
MariaDB/MySQL a FULLTEXT index answers (boolean mode, every word required, as a prefix); elsewhere
(SQLite) each word is a LIKE on the folded column, anchored at a word's start (the column starts with a
space) so it matches what the prefix search matches. Words under three letters and InnoDB's default stop
words are left out of the query on both, so the two databases find the same practices.
"""
import re
import unicodedata

from django.db import models

MIN_WORD = 3  # innodb_ft_min_token_size's default
# InnoDB's default stop word list (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD): never required in a query.
STOP_WORDS = frozenset(("a about an are as at be by com de en for from how i in is it la of on or that the this to "
                        "was what when where who will with und www").split())
MAX_WORDS = 8
_WORD = re.compile(r"[a-z0-9]+")


def fold(text):
    """Lower-case words without accents, each after a space (" migracion en tapachula")."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    words = _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)).lower())
    return "".join(" " + word for word in words)


def query_words(query):
    """The words of a query that search uses; the caller says so when some were left out."""
    words = [word for word in fold(query).split() if len(word) >= MIN_WORD and word not in STOP_WORDS]
    return list(dict.fromkeys(words))[:MAX_WORDS]


class FoldedTextField(models.TextField):
    """The folded search column: `search_text__matches=[words]` is every word, as a word's start."""


@FoldedTextField.register_lookup
class Matches(models.Lookup):
    lookup_name = "matches"
    prepare_rhs = False   # the right-hand side is a list of folded words, not a text value

    def as_mysql(self, compiler, connection):
        # In the WHERE of the practices' own query, so MariaDB answers it from the FULLTEXT index.
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"MATCH ({lhs}) AGAINST (%s IN BOOLEAN MODE)", [*lhs_params, self.rhs_boolean()]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        clauses = " AND ".join(f"{lhs} LIKE %s" for _ in self.rhs)
        return clauses, [param for word in self.rhs for param in (*lhs_params, f"% {word}%")]

    def rhs_boolean(self):
        return " ".join(f"+{word}*" for word in self.rhs)


def matching(queryset, words):
    return queryset.filter(search_text__matches=list(words)) if words else queryset
