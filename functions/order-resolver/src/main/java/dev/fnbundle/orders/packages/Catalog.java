package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The solver's universe: packages numbered in order of first listing, package 0 being the request itself (one
 * pseudo version whose requirements are the roots), each package's candidates in preference order: final releases
 * from highest to lowest, then pre-releases from highest to lowest, so a pre-release is chosen only when no final
 * release fits (pip's rule).
 */
final class Catalog {
    static final int ROOT = 0;
    static final String ROOT_NAME = "the request";

    private final List<String> names = new ArrayList<>();
    private final List<List<Candidate>> candidates = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    Catalog(List<Candidate> listed, List<Requirement> roots) {
        names.add(ROOT_NAME);
        candidates.add(List.of(new Candidate(-1, ROOT_NAME, Version.parse("0"), roots)));
        for (Candidate candidate : listed) {
            String key = Requirement.normalizeName(candidate.name());
            Integer id = index.get(key);
            if (id == null) {
                id = names.size();
                index.put(key, id);
                names.add(candidate.name());
                candidates.add(new ArrayList<>());
            }
            candidates.get(id).add(candidate);
        }
        Comparator<Candidate> preference = Comparator.comparing((Candidate c) -> c.version().isPrerelease())
                .thenComparing(Candidate::version, Comparator.reverseOrder());
        for (int id = 1; id < candidates.size(); id++) {
            candidates.get(id).sort(preference);
        }
    }

    int packageCount() {
        return names.size();
    }

    /** The id of a normalized package name, or -1. */
    int id(String key) {
        return index.getOrDefault(key, -1);
    }

    String name(int id) {
        return names.get(id);
    }

    List<Candidate> candidates(int id) {
        return candidates.get(id);
    }

    /** The number of term states of a package: its candidates plus "not selected". */
    int width(int id) {
        return candidates.get(id).size() + 1;
    }
}
