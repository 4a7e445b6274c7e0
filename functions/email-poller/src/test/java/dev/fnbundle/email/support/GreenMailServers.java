package dev.fnbundle.email.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail with IMAP and IMAPS on free ports (other test JVMs may run at the same time) and user alice. */
public final class GreenMailServers {
    private GreenMailServers() {
    }

    /**
     * A per-test GreenMail. Installs the test certificate first, so IMAPS uses it.
     *
     * @return never null
     */
    public static GreenMailExtension imapAndImaps() {
        TestTls.install();
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAP, ServerSetupTest.IMAPS});
        return new GreenMailExtension(setups).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(GreenMailBox.EMAIL, GreenMailBox.LOGIN, GreenMailBox.PASSWORD));
    }
}
