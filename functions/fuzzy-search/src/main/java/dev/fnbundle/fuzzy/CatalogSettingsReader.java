package dev.fnbundle.fuzzy;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.util.List;

/**
 * The optional body of {@code PUT /catalogs/{name}}: {@code {"settings": {"ranker"?, "threshold"?, "limit"?}}}. A PUT
 * replaces the settings; members left out take the defaults (default ranker, threshold 0.4, limit 3).
 */
final class CatalogSettingsReader {
    private static final List<String> RANKERS = List.of(Ranker.SEED.apiName(), Ranker.DEFAULT.apiName());

    private CatalogSettingsReader() {
    }

    /** @throws dev.fnbundle.common.validation.InvalidFieldsException (400) listing every invalid member */
    static CatalogSettings read(String body) {
        if (body.isBlank()) {
            return CatalogSettings.DEFAULTS;
        }
        var v = Validation.of(Json.parse(body));
        var settings = v.optionalObject("settings");
        if (settings.isEmpty()) {
            v.throwIfInvalid();
            return CatalogSettings.DEFAULTS;
        }
        var s = settings.get();
        var defaults = CatalogSettings.DEFAULTS;
        String ranker = s.optionalText("ranker", 64).orElse(defaults.ranker().apiName());
        if (!RANKERS.contains(ranker)) {
            s.reject("ranker", "must be one of: " + String.join(", ", RANKERS));
        }
        double threshold = s.optionalNumber("threshold", defaults.threshold(), 0, 1);
        int limit = s.optionalInt("limit", defaults.limit(), 1, SearchQuery.MAX_LIMIT);
        v.throwIfInvalid();
        return new CatalogSettings(Ranker.fromName(ranker), threshold, limit);
    }
}
