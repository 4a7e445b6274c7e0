package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import org.junit.jupiter.api.Test;

/** The runtime's AOT training asks the real services for what functions ask of them, and leaves nothing behind. */
class ServiceTrainingTest {
    @Test
    void the_calls_go_through_on_dynamodb_local_and_elasticmq_and_leave_no_table_or_queue() {
        var aws = LocalAws.shared();

        ServiceTraining.exercise(aws.dynamoDb(), aws.sqs());
        ServiceTraining.exercise(aws.dynamoDb(), aws.sqs());

        assertThat(aws.dynamoDb().listTables().tableNames()).doesNotContain(ServiceTraining.SCRATCH);
        assertThat(aws.sqs().listQueues(b -> b.queueNamePrefix(ServiceTraining.SCRATCH)).queueUrls()).isEmpty();
    }
}
