package dev.fnbundle.fuzzy;

import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.fuzzy.catalog.BatchTooLargeException;
import dev.fnbundle.fuzzy.catalog.CatalogFullException;
import dev.fnbundle.fuzzy.catalog.CatalogNotFoundException;
import dev.fnbundle.fuzzy.catalog.ConcurrentItemUpdateException;
import dev.fnbundle.fuzzy.catalog.ItemNotFoundException;
import dev.fnbundle.fuzzy.distance.Algorithm;
import java.util.List;

/** How the fuzzy-search exceptions become problem+json answers. */
final class FuzzyProblems {

    private FuzzyProblems() {
    }

    /** @param importQueueUrl named by the 413 of a batch too large for one request */
    static ProblemMapper mapper(String importQueueUrl) {
        return ProblemMapper.builder()
                .map(UnknownAlgorithmException.class, FuzzyProblems::unknownAlgorithm)
                .map(UnsupportedOptionException.class, e -> invalid(e.option(), e.algorithm()
                        + " does not support " + e.option() + ": " + e.reason()).with("algorithm", e.algorithm()))
                .map(InputTooLongException.class, FuzzyProblems::tooLong)
                .map(UndefinedSimilarityException.class, e -> Problem.of(422, "undefined-similarity",
                        "Undefined similarity", e.getMessage()).with("algorithm", e.algorithm()))
                .map(PhoneticInputException.class, e -> Problem.of(422, "phonetic-input", "Cannot encode text",
                        e.getMessage()).with("algorithm", e.algorithm()).with("field", e.field()))
                .map(DuplicateItemIdException.class, e -> Problem.of(409, "duplicate-item-id", "Duplicate item id",
                        e.getMessage()).with("id", e.id()).with("firstIndex", e.firstIndex())
                        .with("secondIndex", e.secondIndex())
                        .with("errors", List.of(new FieldError("items[" + e.secondIndex() + "].id",
                                "repeats the id of items[" + e.firstIndex() + "]"))))
                .map(BatchTooLargeException.class, e -> batchTooLarge(e, importQueueUrl))
                .map(CatalogNotFoundException.class, e -> Problem.notFound("no catalog " + e.name()
                        + "; create it with PUT /catalogs/" + e.name()))
                .map(ItemNotFoundException.class, e -> Problem.notFound("catalog " + e.catalog()
                        + " has no item with that id").with("id", e.id()))
                .map(CatalogFullException.class, e -> Problem.of(422, "catalog-full", "Catalog full",
                        e.getMessage()).with("itemCount", e.itemCount()).with("adding", e.adding())
                        .with("limit", e.limit()))
                .map(ConcurrentItemUpdateException.class, e -> Problem.conflict(e.getMessage()
                        + "; sending the same batch again is safe"))
                .build();
    }

    private static Problem invalid(String field, String detail) {
        return Problem.invalid(field, detail);
    }

    /** 400 listing the valid names; for similarity algorithms also each one's input limit. */
    private static Problem unknownAlgorithm(UnknownAlgorithmException e) {
        Problem problem = invalid(e.field(), "must be one of: " + String.join(", ", e.validNames()))
                .with("validNames", e.validNames());
        return e.validNames().equals(Algorithm.names())
                ? problem.with("maxInputLength", SimilarityRequest.limits()) : problem;
    }

    /** A search query is a parameter (400); a compared text is a payload (413 stating the limit). */
    private static Problem tooLong(InputTooLongException e) {
        if (e.field().equals("q")) {
            return invalid("q", "must be at most " + e.limit() + " characters (code points)");
        }
        return Problem.tooLarge(e.getMessage(), e.limit()).with("field", e.field())
                .with("length", e.length());
    }

    private static Problem batchTooLarge(BatchTooLargeException e, String importQueueUrl) {
        return Problem.tooLarge("the request holds " + e.size() + " items; one request writes at most "
                + e.limit() + ". Import larger batches asynchronously: POST the same body to"
                + " /catalogs/{name}/imports, or send messages {\"catalog\": name, \"items\": [...]} of up to "
                + e.limit() + " items and 256 KiB each to the import queue " + importQueueUrl
                + " (aws sqs send-message --queue-url " + importQueueUrl + " --message-body file://batch.json)",
                e.limit()).with("size", e.size()).with("importQueueUrl", importQueueUrl)
                .with("importEndpoint", "POST /catalogs/{name}/imports");
    }
}
