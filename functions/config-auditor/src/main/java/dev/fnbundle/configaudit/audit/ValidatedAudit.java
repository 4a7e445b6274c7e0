package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.KeyGlob;
import java.util.List;
import java.util.Optional;

/** An {@link AuditRequest} that passed validation, with defaults applied. */
record ValidatedAudit(String name, String baseline, String current, Optional<ConfigFormat> format,
                      List<KeyGlob> criticalKeys, int context, boolean autojunk) {
}
