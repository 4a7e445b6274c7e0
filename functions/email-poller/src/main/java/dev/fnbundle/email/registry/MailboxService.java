package dev.fnbundle.email.registry;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.email.mailbox.MailboxRegistrationValidator;
import dev.fnbundle.email.poll.PollResult;
import dev.fnbundle.email.poll.PollStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Registers, lists and deletes mailboxes, queues poll tasks for them and records what each poll said. Plain Java
 * over a {@link MailboxRepository} and a {@link PollTaskQueue}. Thread-safe.
 */
public final class MailboxService {
    private static final int ENQUEUE_PAGE = 100;
    /** Ids are "mb-" plus a UUID; anything else cannot be one (and must not reach a DynamoDB key, limited to 2 KB). */
    private static final Pattern MAILBOX_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final MailboxRepository repository;
    private final PollTaskQueue queue;
    private final RegistrationPolicy policy;
    private final MailboxRegistrationValidator validator;
    private final Supplier<String> ids;
    private final Clock clock;

    /**
     * @param ids makes the id of a new mailbox
     */
    public MailboxService(MailboxRepository repository, PollTaskQueue queue, RegistrationPolicy policy,
                          Supplier<String> ids, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.policy = policy;
        this.validator = new MailboxRegistrationValidator(policy.localMode());
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Validates and stores a registration.
     *
     * @return the new mailbox; never null
     * @throws InvalidFieldsException listing every invalid field
     * @throws MailboxAlreadyRegisteredException when the account and folder are registered already
     */
    public StoredMailbox register(MailboxRegistration registration) {
        List<FieldError> errors = new ArrayList<>(policy.check(registration));
        Mailbox mailbox = null;
        try {
            mailbox = validator.validate(ids.get(), registration);
        } catch (InvalidFieldsException e) {
            errors.addAll(0, e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Instant now = clock.instant();
        repository.create(mailbox, now);
        return new StoredMailbox(mailbox.view(), now, MailboxStatus.never());
    }

    /** @throws MailboxNotFoundException when there is no such mailbox */
    public StoredMailbox get(String id) {
        return find(id).orElseThrow(() -> new MailboxNotFoundException(id));
    }

    /**
     * The mailbox with its password reference, for the poller.
     *
     * @return the mailbox, or empty when it was deleted
     */
    public Optional<Mailbox> loadForPoll(String id) {
        return wellFormed(id) ? repository.loadForPoll(id) : Optional.empty();
    }

    public Page<StoredMailbox> list(int limit, String nextToken) {
        return repository.list(limit, nextToken);
    }

    /** @throws MailboxNotFoundException when there is no such mailbox */
    public void delete(String id) {
        if (!wellFormed(id) || !repository.delete(id)) {
            throw new MailboxNotFoundException(id);
        }
    }

    /**
     * Queues a poll of one mailbox now.
     *
     * @return the queued task; never null
     * @throws MailboxNotFoundException when there is no such mailbox
     */
    public PollTask requestPoll(String id) {
        if (find(id).isEmpty()) {
            throw new MailboxNotFoundException(id);
        }
        var task = new PollTask(id, PollTask.MANUAL, clock.instant());
        queue.enqueue(List.of(task));
        return task;
    }

    /**
     * Queues one poll task per registered mailbox (the schedule).
     *
     * @return how many tasks were queued
     */
    public int enqueueAll(String reason) {
        int queued = 0;
        String token = null;
        do {
            Page<StoredMailbox> page = repository.list(ENQUEUE_PAGE, token);
            Instant now = clock.instant();
            var tasks = page.items().stream().map(m -> new PollTask(m.mailbox().id(), reason, now)).toList();
            if (!tasks.isEmpty()) {
                queue.enqueue(tasks);
            }
            queued += tasks.size();
            token = page.nextToken();
        } while (token != null);
        return queued;
    }

    /** Queues a follow-up poll when a poll left candidates for later. */
    public void continueLater(String id) {
        queue.enqueue(List.of(new PollTask(id, PollTask.CONTINUATION, clock.instant())));
    }

    /** Records a poll's outcome on its mailbox (a {@code BUSY} poll says nothing new and is not recorded). */
    public void recordPoll(PollResult result) {
        if (result.status() != PollStatus.BUSY) {
            repository.recordPoll(result, clock.instant());
        }
    }

    /** Records a poll that failed for a reason of our own. */
    public void recordError(String mailboxId, String error) {
        repository.recordError(mailboxId, error, clock.instant());
    }

    private Optional<StoredMailbox> find(String id) {
        return wellFormed(id) ? repository.find(id) : Optional.empty();
    }

    private static boolean wellFormed(String id) {
        return MAILBOX_ID.matcher(id).matches();
    }
}
