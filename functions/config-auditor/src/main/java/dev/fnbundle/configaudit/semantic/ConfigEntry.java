package dev.fnbundle.configaudit.semantic;

/**
 * One leaf of a parsed config.
 *
 * @param path  full key path, e.g. {@code database.host}, {@code servers[0]}, {@code http.server[0].listen}
 * @param name  the last named segment of the path (indices dropped), e.g. {@code password} for
 *              {@code db.password} or {@code servers} for {@code servers[2]}; used to recognise secrets
 * @param value the value as text, never null ({@code "null"} for a YAML/JSON null, {@code "{}"}/{@code "[]"}
 *              for an empty mapping or list)
 */
public record ConfigEntry(String path, String name, String value) {
}
