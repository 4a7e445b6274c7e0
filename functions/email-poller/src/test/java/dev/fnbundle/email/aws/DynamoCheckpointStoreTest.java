package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.poll.Checkpoint;
import dev.fnbundle.embedded.LocalAws;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoCheckpointStoreTest {
    private static DynamoCheckpointStore checkpoints;
    private final String mailbox = "mb-" + UUID.randomUUID();

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        checkpoints = new DynamoCheckpointStore(aws.dynamoDb(), aws.provisionTable("EmailTable"));
    }

    @Test
    void a_checkpoint_only_moves_forward_within_one_uidvalidity() {
        assertThat(checkpoints.get(mailbox)).isEmpty();

        checkpoints.advance(mailbox, new Checkpoint(100, 5));
        checkpoints.advance(mailbox, new Checkpoint(100, 9));
        checkpoints.advance(mailbox, new Checkpoint(100, 7));
        checkpoints.advance(mailbox, new Checkpoint(100, 9));

        assertThat(checkpoints.get(mailbox)).contains(new Checkpoint(100, 9));
    }

    @Test
    void a_new_uidvalidity_replaces_the_checkpoint_even_with_a_lower_uid() {
        checkpoints.advance(mailbox, new Checkpoint(100, 50));

        checkpoints.advance(mailbox, new Checkpoint(200, 3));

        assertThat(checkpoints.get(mailbox)).contains(new Checkpoint(200, 3));
    }
}
