package dev.fnbundle.local;

import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.mail.LocalMailServer;
import dev.fnbundle.local.template.TemplateAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template as this machine runs it: read from disk, given local values for the parameters AWS deployments set,
 * and audited for what does not run here.
 */
final class LocalTemplate {
    /**
     * Local values of template parameters (when the template has them): the JWT parameters have no default,
     * and inline mailbox passwords are for local use only, so AWS deployments keep them off.
     */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "JwtIssuer", "https://fnbundle.local/dev",
            "JwtAudience", "fnbundle-local",
            "AllowInlineMailboxPasswords", "true");

    private LocalTemplate() {
    }

    /** @throws UserFacingException when there is no template at {@code path} or it cannot be read */
    static Template read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UserFacingException("no template at " + path + "; pass --template FILE");
        }
        try {
            return Template.read(path);
        } catch (UnsupportedTemplateException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    /** The {@link #LOCAL_PARAMETERS} this template declares. */
    static Map<String, String> localParameters(Template template) {
        var parameters = new LinkedHashMap<String, String>();
        LOCAL_PARAMETERS.forEach((name, value) -> {
            if (template.parameters().has(name)) {
                parameters.put(name, value);
            }
        });
        return parameters;
    }

    /**
     * Every parameter value of a local run: the local ones, the loopback and mail trust settings the options and
     * the mail server ({@code null} when off) call for, and last the {@code --parameter} values, which win.
     */
    static Map<String, String> parameters(Template template, Options options, LocalMailServer mail) {
        var parameters = localParameters(template);
        if (options.allowLoopbackFetch() && template.parameters().has("AllowLoopbackFetch")) {
            parameters.put("AllowLoopbackFetch", "true");
        }
        if (mail != null && template.parameters().has("ImapTrustStore")) {
            parameters.put("ImapTrustStore", mail.trustStore().toString());
        }
        if (mail != null && template.parameters().has("ImapTrustStorePassword")) {
            parameters.put("ImapTrustStorePassword", LocalMailServer.trustStorePassword());
        }
        parameters.putAll(options.parameters());
        return parameters;
    }

    /**
     * Says what of the template does not run locally, one line each, and what only configures AWS; with
     * {@code --strict} the first kind is fatal.
     */
    static void audit(Template template, StackModel model, boolean strict, Console console) {
        var audit = TemplateAudit.of(template, model);
        if (strict && !audit.notices().isEmpty()) {
            var message = new StringBuilder("--strict: ").append(audit.notices().size())
                    .append(" construct(s) of the template cannot run locally:");
            audit.notices().forEach(notice -> message.append("\n  ").append(notice));
            throw new UserFacingException(message.toString());
        }
        audit.notices().forEach(notice -> console.warning("not run locally: " + notice));
        if (!audit.awsOnly().isEmpty()) {
            console.info("AWS-only settings, no local effect: " + String.join(", ", audit.awsOnly()));
        }
    }
}
