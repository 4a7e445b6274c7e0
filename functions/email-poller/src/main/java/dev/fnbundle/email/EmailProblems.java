package dev.fnbundle.email;

import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import dev.fnbundle.email.registry.MailboxAlreadyRegisteredException;
import dev.fnbundle.email.registry.MailboxNotFoundException;

/** How the email poller's domain exceptions become problem+json answers. */
final class EmailProblems {
    static final ProblemMapper MAPPER = ProblemMapper.builder()
            .map(MailboxNotFoundException.class, e -> Problem.notFound("no mailbox " + e.mailboxId()))
            .map(MailboxAlreadyRegisteredException.class, e -> Problem.of(409, "mailbox-already-registered",
                    "Mailbox already registered", e.getMessage()).with("mailboxId", e.existingId()))
            .build();

    private EmailProblems() {
    }
}
