# The seed tutorial's fuzzy_search (python-tutorials.txt, "Real-Life Example: Fuzzy Product Search
# Engine") with `textdistance` replaced by the transcription in textdistance_ref.py; the body of the
# function is unchanged.
import textdistance_ref


class _Textdistance:
    jaro_winkler = textdistance_ref.JaroWinkler()
    jaccard = textdistance_ref.Jaccard()


textdistance = _Textdistance()

CATALOG = [
    "Python Programming Complete Guide",
    "Learning JavaScript for Beginners",
    "Data Science with Pandas and NumPy",
    "Machine Learning Fundamentals",
    "Web Development with Flask",
    "Advanced SQL Database Design",
    "Docker and Kubernetes DevOps",
    "React Frontend Development",
]


def fuzzy_search(query, catalog, threshold=0.4, top_n=3):
    """Find catalog items similar to query using multiple algorithms."""
    results = []
    for item in catalog:
        # Use Jaro-Winkler for word-level matching
        jw_sim = textdistance.jaro_winkler.normalized_similarity(
            query.lower(), item.lower()
        )
        # Use Jaccard for token overlap
        jac_sim = textdistance.jaccard.normalized_similarity(
            query.lower(), item.lower()
        )
        # Average the two scores
        combined = (jw_sim + jac_sim) / 2
        if combined >= threshold:
            results.append((item, combined))

    # Sort by score descending
    results.sort(key=lambda x: x[1], reverse=True)
    return results[:top_n]
