package dev.fnbundle.email.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.email.mailbox.MailboxRegistrationValidator;
import dev.fnbundle.email.support.CpuBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patterns that check a registration and a mailbox id read 1 MiB of the input worst for them in well under
 * a second of CPU time (2 s is the generous bound): the API caps a body at 16 KiB, but a path parameter or a
 * bug elsewhere must not turn them into a way to burn the function's time.
 */
class WorstCaseRegistrationTest {
    private static final int MIB = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:";

    private static String repeated(String unit) {
        return unit.repeat(MIB / unit.length() + 1).substring(0, MIB);
    }

    static Stream<String> inputs() {
        return Stream.of(repeated("a"), repeated("a-"), repeated("a."), repeated("a".repeat(62) + "-."),
                repeated("1.1.1."), repeated("1"), ARN + repeated("a"), "arn:" + repeated("a-"),
                "arn:aws:secretsmanager:" + repeated("a-") + ":", ARN.repeat(MIB / ARN.length()), repeated("env:"),
                repeated("fnbundle/mailboxes/"), repeated("mb-"), repeated("\u0301"));
    }

    private static MailboxRegistration registration(String host, String secret) {
        return new MailboxRegistration(host, 993, "ap@example.com", secret, null, null, null,
                new MailboxRegistration.Search("invoice", null, null, null));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void the_host_and_secret_rules_are_linear(String input) {
        var policy = new RegistrationPolicy(false, "fnbundle/mailboxes/");
        var validator = new MailboxRegistrationValidator(false);

        CpuBudget.assertWithin(BOUND, () -> {
            assertThat(policy.check(registration(input, input))).isNotNull();
            assertThatThrownBy(() -> validator.validate("mb-1", registration(input, "fnbundle/mailboxes/x")))
                    .isInstanceOf(InvalidFieldsException.class);
        });
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void a_mailbox_id_that_cannot_be_one_is_refused_in_linear_time(String input) {
        var service = new MailboxService(null, null, new RegistrationPolicy(false, ""), () -> "mb-1",
                Clock.systemUTC());

        CpuBudget.assertWithin(BOUND, () -> assertThatThrownBy(() -> service.get(input))
                .isInstanceOf(MailboxNotFoundException.class));
    }
}
