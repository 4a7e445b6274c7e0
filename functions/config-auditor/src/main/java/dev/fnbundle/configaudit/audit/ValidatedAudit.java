package dev.fnbundle.configaudit.audit;

import dev.fnbundle.configaudit.difflib.TextLines;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.KeyGlob;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AuditRequest} that passed validation, with defaults applied, and each side already cut into its lines
 * (counting them was part of validation; the diff reuses them).
 */
record ValidatedAudit(String name, TextLines baseline, TextLines current, Optional<ConfigFormat> format,
                      List<KeyGlob> criticalKeys, int context, boolean autojunk) {
}
