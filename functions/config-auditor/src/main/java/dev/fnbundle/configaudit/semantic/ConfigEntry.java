package dev.fnbundle.configaudit.semantic;

/**
 * One leaf of a parsed config.
 *
 * @param path   full key path, e.g. {@code database.host}, {@code servers[0]}, {@code http.server[0].listen}
 * @param name   the last named segment of the path (indices dropped), e.g. {@code password} for
 *               {@code db.password} or {@code servers} for {@code servers[2]}
 * @param value  the value as text, never null ({@code "null"} for a YAML/JSON null, {@code "{}"}/{@code "[]"}
 *               for an empty mapping or list)
 * @param secret whether some named segment of the path is a secret name
 *               ({@link dev.fnbundle.configaudit.secrets.SecretPolicy#isSecretName}): every value below a secret
 *               key is secret, e.g. {@code credentials.user} and {@code api_keys[1]}
 */
public record ConfigEntry(String path, String name, String value, boolean secret) {
    /** Never the value: it may be a secret. */
    @Override
    public String toString() {
        return "ConfigEntry[" + path + (secret ? ", secret]" : "]");
    }
}
