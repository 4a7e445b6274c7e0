# Transcription of the pure-Python algorithms of textdistance 4.6.x
# (https://github.com/life4/textdistance: textdistance/algorithms/base.py, edit_based.py,
# token_based.py, sequence_based.py, utils.py), used only as the reference of differential tests.
# External libraries are never consulted (the `external_answer` path is dropped) and numpy is
# not used, which is what textdistance itself computes when no accelerator is installed.
#
# Original licence of textdistance:
#
# Copyright 2018 @orsinium
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
# OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
from array import array
from collections import Counter
from difflib import SequenceMatcher as _SequenceMatcher
from itertools import islice, repeat, zip_longest
from functools import reduce


def find_ngrams(input_list, n):
    return list(zip(*[input_list[i:] for i in range(n)]))


class Base:
    def __init__(self, qval=1, external=True):
        self.qval = qval
        self.external = external

    def __call__(self, *sequences):
        raise NotImplementedError

    @staticmethod
    def maximum(*sequences):
        return max(map(len, sequences))

    def distance(self, *sequences):
        return self(*sequences)

    def similarity(self, *sequences):
        return self.maximum(*sequences) - self.distance(*sequences)

    def normalized_distance(self, *sequences):
        maximum = self.maximum(*sequences)
        if maximum == 0:
            return 0
        return self.distance(*sequences) / maximum

    def normalized_similarity(self, *sequences):
        return 1 - self.normalized_distance(*sequences)

    def external_answer(self, *sequences):
        return None

    def quick_answer(self, *sequences):
        if not sequences:
            return 0
        if len(sequences) == 1:
            return 0
        if self._ident(*sequences):
            return 0
        if not all(sequences):
            return self.maximum(*sequences)
        return self.external_answer(*sequences)

    @staticmethod
    def _ident(*elements):
        try:
            return len(set(elements)) == 1
        except TypeError:
            for e1, e2 in zip(elements, elements[1:]):
                if e1 != e2:
                    return False
            return True

    def _get_sequences(self, *sequences):
        if not self.qval:
            return [s.split() for s in sequences]
        if self.qval == 1:
            return list(sequences)
        return [find_ngrams(s, self.qval) for s in sequences]

    def _get_counters(self, *sequences):
        if all(isinstance(s, Counter) for s in sequences):
            return list(sequences)
        return [Counter(s) for s in self._get_sequences(*sequences)]

    def _intersect_counters(self, *sequences):
        intersection = sequences[0].copy()
        for s in sequences[1:]:
            intersection &= s
        return intersection

    def _union_counters(self, *sequences):
        union = sequences[0].copy()
        for s in sequences[1:]:
            union |= s
        return union

    def _count_counters(self, counter):
        if getattr(self, 'as_set', False):
            return len(set(counter))
        else:
            return sum(counter.values())


class BaseSimilarity(Base):
    def distance(self, *sequences):
        return self.maximum(*sequences) - self.similarity(*sequences)

    def similarity(self, *sequences):
        return self(*sequences)

    def quick_answer(self, *sequences):
        if not sequences:
            return self.maximum(*sequences)
        if len(sequences) == 1:
            return self.maximum(*sequences)
        if self._ident(*sequences):
            return self.maximum(*sequences)
        if not all(sequences):
            return 0
        return self.external_answer(*sequences)


class Hamming(Base):
    def __init__(self, qval=1, test_func=None, truncate=False, external=True):
        self.qval = qval
        self.test_func = test_func or self._ident
        self.truncate = truncate
        self.external = external

    def __call__(self, *sequences):
        sequences = self._get_sequences(*sequences)
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        _zip = zip if self.truncate else zip_longest
        return sum(not self.test_func(*es) for es in _zip(*sequences))


class Levenshtein(Base):
    def __init__(self, qval=1, test_func=None, external=True):
        self.qval = qval
        self.test_func = test_func or self._ident
        self.external = external

    def _cycled(self, s1, s2):
        rows = len(s1) + 1
        cols = len(s2) + 1
        prev = None
        cur = range(cols)
        for r in range(1, rows):
            prev, cur = cur, [r] + [0] * (cols - 1)
            for c in range(1, cols):
                deletion = prev[c] + 1
                insertion = cur[c - 1] + 1
                dist = self.test_func(s1[r - 1], s2[c - 1])
                edit = prev[c - 1] + (not dist)
                cur[c] = min(edit, deletion, insertion)
        return cur[-1]

    def __call__(self, s1, s2):
        s1, s2 = self._get_sequences(s1, s2)
        result = self.quick_answer(s1, s2)
        if result is not None:
            return result
        return self._cycled(s1, s2)


class DamerauLevenshtein(Base):
    def __init__(self, qval=1, test_func=None, external=True, restricted=True):
        self.qval = qval
        self.test_func = test_func or self._ident
        self.external = external
        self.restricted = restricted

    def _pure_python_unrestricted(self, s1, s2):
        d = {}
        da = {}
        len1 = len(s1)
        len2 = len(s2)
        maxdist = len1 + len2
        d[-1, -1] = maxdist
        for i in range(len(s1) + 1):
            d[i, -1] = maxdist
            d[i, 0] = i
        for j in range(len(s2) + 1):
            d[-1, j] = maxdist
            d[0, j] = j
        for i, cs1 in enumerate(s1, start=1):
            db = 0
            for j, cs2 in enumerate(s2, start=1):
                i1 = da.get(cs2, 0)
                j1 = db
                if self.test_func(cs1, cs2):
                    cost = 0
                    db = j
                else:
                    cost = 1
                d[i, j] = min(
                    d[i - 1, j - 1] + cost,
                    d[i, j - 1] + 1,
                    d[i - 1, j] + 1,
                    d[i1 - 1, j1 - 1] + (i - i1) - 1 + (j - j1),
                )
            da[cs1] = i
        return d[len1, len2]

    def _pure_python_restricted(self, s1, s2):
        d = {}
        for i in range(-1, len(s1) + 1):
            d[i, -1] = i + 1
        for j in range(-1, len(s2) + 1):
            d[-1, j] = j + 1
        for i, cs1 in enumerate(s1):
            for j, cs2 in enumerate(s2):
                cost = int(not self.test_func(cs1, cs2))
                d[i, j] = min(
                    d[i - 1, j] + 1,
                    d[i, j - 1] + 1,
                    d[i - 1, j - 1] + cost,
                )
                if not i or not j:
                    continue
                if not self.test_func(cs1, s2[j - 1]):
                    continue
                if not self.test_func(s1[i - 1], cs2):
                    continue
                d[i, j] = min(
                    d[i, j],
                    d[i - 2, j - 2] + cost,
                )
        return d[len(s1) - 1, len(s2) - 1]

    def __call__(self, s1, s2):
        s1, s2 = self._get_sequences(s1, s2)
        result = self.quick_answer(s1, s2)
        if result is not None:
            return result
        if self.restricted:
            return self._pure_python_restricted(s1, s2)
        return self._pure_python_unrestricted(s1, s2)


class JaroWinkler(BaseSimilarity):
    def __init__(self, long_tolerance=False, winklerize=True, qval=1, external=True):
        self.qval = qval
        self.long_tolerance = long_tolerance
        self.winklerize = winklerize
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, s1, s2, prefix_weight=0.1):
        s1, s2 = self._get_sequences(s1, s2)
        result = self.quick_answer(s1, s2)
        if result is not None:
            return result
        s1_len = len(s1)
        s2_len = len(s2)
        if not s1_len or not s2_len:
            return 0.0
        min_len = min(s1_len, s2_len)
        search_range = max(s1_len, s2_len)
        search_range = (search_range // 2) - 1
        if search_range < 0:
            search_range = 0
        s1_flags = [False] * s1_len
        s2_flags = [False] * s2_len
        common_chars = 0
        for i, s1_ch in enumerate(s1):
            low = max(0, i - search_range)
            hi = min(i + search_range, s2_len - 1)
            for j in range(low, hi + 1):
                if not s2_flags[j] and s2[j] == s1_ch:
                    s1_flags[i] = s2_flags[j] = True
                    common_chars += 1
                    break
        if not common_chars:
            return 0.0
        k = trans_count = 0
        for i, s1_f in enumerate(s1_flags):
            if s1_f:
                for j in range(k, s2_len):
                    if s2_flags[j]:
                        k = j + 1
                        break
                if s1[i] != s2[j]:
                    trans_count += 1
        trans_count //= 2
        weight = common_chars / s1_len + common_chars / s2_len
        weight += (common_chars - trans_count) / common_chars
        weight /= 3
        if not self.winklerize:
            return weight
        if weight <= 0.7:
            return weight
        j = min(min_len, 4)
        i = 0
        while i < j and s1[i] == s2[i]:
            i += 1
        if i:
            weight += i * prefix_weight * (1.0 - weight)
        if not self.long_tolerance or min_len <= 4:
            return weight
        if common_chars <= i + 1 or 2 * common_chars < min_len + i:
            return weight
        tmp = (common_chars - i - 1) / (s1_len + s2_len - i * 2 + 2)
        weight += (1.0 - weight) * tmp
        return weight


class Jaro(JaroWinkler):
    def __init__(self, long_tolerance=False, qval=1, external=True):
        super().__init__(long_tolerance=long_tolerance, winklerize=False, qval=qval, external=external)


class Jaccard(BaseSimilarity):
    def __init__(self, qval=1, as_set=False, external=True):
        self.qval = qval
        self.as_set = as_set
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, *sequences):
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        sequences = self._get_counters(*sequences)
        intersection = self._intersect_counters(*sequences)
        intersection = self._count_counters(intersection)
        union = self._union_counters(*sequences)
        union = self._count_counters(union)
        return intersection / union


class Sorensen(BaseSimilarity):
    def __init__(self, qval=1, as_set=False, external=True):
        self.qval = qval
        self.as_set = as_set
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, *sequences):
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        sequences = self._get_counters(*sequences)
        count = sum(self._count_counters(s) for s in sequences)
        intersection = self._intersect_counters(*sequences)
        intersection = self._count_counters(intersection)
        return 2.0 * intersection / count


class Tversky(BaseSimilarity):
    def __init__(self, qval=1, ks=None, bias=None, as_set=False, external=True):
        self.qval = qval
        self.ks = ks or repeat(1)
        self.bias = bias
        self.as_set = as_set
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, *sequences):
        quick_result = self.quick_answer(*sequences)
        if quick_result is not None:
            return quick_result
        sequences = self._get_counters(*sequences)
        intersection = self._intersect_counters(*sequences)
        intersection = self._count_counters(intersection)
        sequences = [self._count_counters(s) for s in sequences]
        ks = list(islice(self.ks, len(sequences)))
        if len(sequences) == 2 or self.bias is None:
            result = intersection
            for k, s in zip(ks, sequences):
                result += k * (s - intersection)
            return intersection / result
        s1, s2 = sequences
        alpha, beta = ks
        a_val = min([s1, s2])
        b_val = max([s1, s2])
        c_val = intersection + self.bias
        result = alpha * beta * (a_val - b_val) + b_val * beta
        return c_val / (result + c_val)


class Overlap(BaseSimilarity):
    def __init__(self, qval=1, as_set=False, external=True):
        self.qval = qval
        self.as_set = as_set
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, *sequences):
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        sequences = self._get_counters(*sequences)
        intersection = self._intersect_counters(*sequences)
        intersection = self._count_counters(intersection)
        sequences = [self._count_counters(s) for s in sequences]
        return intersection / min(sequences)


class Cosine(BaseSimilarity):
    def __init__(self, qval=1, as_set=False, external=True):
        self.qval = qval
        self.as_set = as_set
        self.external = external

    def maximum(self, *sequences):
        return 1

    def __call__(self, *sequences):
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        sequences = self._get_counters(*sequences)
        intersection = self._intersect_counters(*sequences)
        intersection = self._count_counters(intersection)
        sequences = [self._count_counters(s) for s in sequences]
        prod = reduce(lambda x, y: x * y, sequences)
        return intersection / pow(prod, 1.0 / len(sequences))


class LCSSeq(BaseSimilarity):
    def __init__(self, qval=1, test_func=None, external=True):
        self.qval = qval
        self.test_func = test_func or self._ident
        self.external = external

    def _dynamic(self, seq1, seq2):
        lengths = [array('L', [0] * (len(seq2) + 1)) for _ in range(len(seq1) + 1)]
        for i, char1 in enumerate(seq1):
            for j, char2 in enumerate(seq2):
                if char1 == char2:
                    lengths[i + 1][j + 1] = lengths[i][j] + 1
                else:
                    lengths[i + 1][j + 1] = max(lengths[i + 1][j], lengths[i][j + 1])
        result = ''
        i, j = len(seq1), len(seq2)
        while i != 0 and j != 0:
            if lengths[i][j] == lengths[i - 1][j]:
                i -= 1
            elif lengths[i][j] == lengths[i][j - 1]:
                j -= 1
            else:
                assert seq1[i - 1] == seq2[j - 1]
                result = seq1[i - 1] + result
                i -= 1
                j -= 1
        return result

    def __call__(self, *sequences):
        if not sequences:
            return ''
        sequences = self._get_sequences(*sequences)
        return self._dynamic(*sequences)

    def similarity(self, *sequences):
        return len(self(*sequences))


class LCSStr(BaseSimilarity):
    def _standart(self, s1, s2):
        matcher = _SequenceMatcher(a=s1, b=s2)
        match = matcher.find_longest_match(0, len(s1), 0, len(s2))
        return s1[match.a: match.a + match.size]

    def _custom(self, *sequences):
        short = min(sequences, key=len)
        length = len(short)
        for n in range(length, 0, -1):
            for subseq in find_ngrams(short, n):
                joined = ''.join(subseq)
                for seq in sequences:
                    if joined not in seq:
                        break
                else:
                    return joined
        return type(short)()

    def __call__(self, *sequences):
        if not all(sequences):
            return ''
        length = len(sequences)
        if length == 0:
            return ''
        if length == 1:
            return sequences[0]
        sequences = self._get_sequences(*sequences)
        if length == 2 and max(map(len, sequences)) < 200:
            return self._standart(*sequences)
        return self._custom(*sequences)

    def similarity(self, *sequences):
        return len(self(*sequences))


class RatcliffObershelp(BaseSimilarity):
    def maximum(self, *sequences):
        return 1

    def _find(self, *sequences):
        subseq = LCSStr()(*sequences)
        length = len(subseq)
        if length == 0:
            return 0
        before = [s[:s.find(subseq)] for s in sequences]
        after = [s[s.find(subseq) + length:] for s in sequences]
        return self._find(*before) + length + self._find(*after)

    def __call__(self, *sequences):
        result = self.quick_answer(*sequences)
        if result is not None:
            return result
        scount = len(sequences)
        ecount = sum(map(len, sequences))
        sequences = self._get_sequences(*sequences)
        return scount * self._find(*sequences) / ecount


def build(name, opts):
    """Instance of the algorithm `name` as textdistance would construct it from these options."""
    qval = opts.get('qval', 1)
    if name == 'hamming':
        return Hamming(qval=qval)
    if name == 'levenshtein':
        return Levenshtein(qval=qval)
    if name == 'damerau_levenshtein':
        return DamerauLevenshtein(qval=qval, restricted=opts.get('restricted', True))
    if name == 'jaro':
        return Jaro(qval=qval, long_tolerance=opts.get('long_tolerance', False))
    if name == 'jaro_winkler':
        return JaroWinkler(qval=qval, long_tolerance=opts.get('long_tolerance', False),
                           winklerize=opts.get('winklerize', True))
    if name == 'jaccard':
        return Jaccard(qval=qval, as_set=opts.get('as_set', False))
    if name == 'sorensen_dice':
        return Sorensen(qval=qval, as_set=opts.get('as_set', False))
    if name == 'tversky':
        return Tversky(qval=qval, as_set=opts.get('as_set', False), ks=opts.get('ks'))
    if name == 'overlap':
        return Overlap(qval=qval, as_set=opts.get('as_set', False))
    if name == 'cosine':
        return Cosine(qval=qval, as_set=opts.get('as_set', False))
    if name == 'lcsseq':
        return LCSSeq(qval=qval)
    if name == 'lcsstr':
        return LCSStr(qval=qval)
    if name == 'ratcliff_obershelp':
        return RatcliffObershelp(qval=qval)
    raise KeyError(name)
