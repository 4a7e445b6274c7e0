# Differential-test driver: reads one JSON request on stdin, answers one JSON document on stdout.
# Floats travel as repr() strings so that Java parses exactly the same doubles.
import json
import sys

import jellyfish_ref
import seed_search_ref
import textdistance_ref


def _num(x):
    return repr(float(x))


def _similarity(case):
    alg = textdistance_ref.build(case['algorithm'], case.get('options', {}))
    pw = case.get('options', {}).get('prefix_weight')
    if pw is not None:
        # textdistance only takes prefix_weight as an argument of a direct call of the algorithm
        alg = _WithPrefixWeight(alg, pw)
    a, b = case['a'], case['b']
    try:
        return {
            'distance': _num(alg.distance(a, b)),
            'similarity': _num(alg.similarity(a, b)),
            'normalizedDistance': _num(alg.normalized_distance(a, b)),
            'normalizedSimilarity': _num(alg.normalized_similarity(a, b)),
        }
    except ZeroDivisionError:
        return {'error': 'ZeroDivisionError'}


class _WithPrefixWeight(textdistance_ref.BaseSimilarity):
    def __init__(self, inner, pw):
        self.inner, self.pw = inner, pw

    def maximum(self, *sequences):
        return 1

    def __call__(self, a, b):
        return self.inner(a, b, prefix_weight=self.pw)


def _phonetic(case):
    fn = getattr(jellyfish_ref, case['algorithm'])
    try:
        return {'code': fn(case['text'])}
    except ValueError:
        return {'error': 'ValueError'}


def _mra(case):
    result = jellyfish_ref.match_rating_comparison(case['a'], case['b'])
    return {'result': 'None' if result is None else str(result)}


def _seed(case):
    hits = seed_search_ref.fuzzy_search(case['query'], case['catalog'], case['threshold'], case['top_n'])
    return [{'text': text, 'score': _num(score)} for text, score in hits]


def main():
    request = json.load(sys.stdin)
    answer = {
        'similarity': [_similarity(c) for c in request.get('similarity', [])],
        'phonetic': [_phonetic(c) for c in request.get('phonetic', [])],
        'mra': [_mra(c) for c in request.get('mra', [])],
        'seed': [_seed(c) for c in request.get('seed', [])],
    }
    json.dump(answer, sys.stdout)


if __name__ == '__main__':
    main()
