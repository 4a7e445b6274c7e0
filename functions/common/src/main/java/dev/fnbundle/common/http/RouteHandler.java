package dev.fnbundle.common.http;

/** Answers one route. May throw; the {@link Router} turns exceptions into problem+json. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
