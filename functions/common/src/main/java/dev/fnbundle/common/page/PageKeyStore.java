package dev.fnbundle.common.page;

/**
 * Where a deployment's page-token keys live. {@link PageTokens} calls {@link #load()} rarely (once per cache period,
 * and when a token names a key it does not know yet) and caches the ring in between.
 */
@FunctionalInterface
public interface PageKeyStore {
    /**
     * The current ring, creating the first key or rotating an aged one as the implementation's policy says.
     *
     * @return never null
     */
    PageKeyRing load();
}
