package dev.fnbundle.orders.packages;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 requirement without extras, markers or URLs: a package name and optional version clauses, as in
 * {@code requests}, {@code requests>=2.28,<3} or {@code requests (>=2.28)}.
 *
 * @param name       the name as written
 * @param key        the PEP 503 normalized name ({@code Foo.Bar_baz -> foo-bar-baz}), the identity of a package
 * @param specifiers the version clauses; {@link SpecifierSet#isAny()} when there are none
 */
public record Requirement(String name, String key, SpecifierSet specifiers) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    /**
     * The longest requirement text accepted, surrounding whitespace excluded. Each clause costs a version parse,
     * so a megabyte of {@code >=1,} (a quarter of a million clauses) took seconds of CPU time for one string.
     */
    public static final int MAX_LENGTH = 1000;

    public Requirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(specifiers, "specifiers");
    }

    /**
     * Parses a requirement string.
     *
     * @throws VersionSyntaxException naming what is wrong or unsupported, or when the text is longer than
     *                                {@value #MAX_LENGTH} characters
     */
    public static Requirement parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new VersionSyntaxException("is longer than " + MAX_LENGTH + " characters");
        }
        Matcher name = NAME.matcher(trimmed);
        if (!name.lookingAt()) {
            throw new VersionSyntaxException("must start with a package name such as requests");
        }
        String rest = trimmed.substring(name.end()).strip();
        if (rest.startsWith("[")) {
            throw new VersionSyntaxException("uses extras ([...]), which are not supported");
        }
        if (rest.startsWith("@")) {
            throw new VersionSyntaxException("uses a direct reference (@ URL), which is not supported");
        }
        if (rest.contains(";")) {
            throw new VersionSyntaxException("uses an environment marker (; ...), which is not supported");
        }
        if (rest.startsWith("(") && rest.endsWith(")")) {
            rest = rest.substring(1, rest.length() - 1);
        }
        return new Requirement(name.group(), normalizeName(name.group()), SpecifierSet.parse(rest));
    }

    /**
     * Whether {@code name} is a valid PEP 508 package name.
     */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The PEP 503 form of a name: lower case, each run of {@code - _ .} replaced by one {@code -}. */
    public static String normalizeName(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** Name and clauses as written, without spaces: {@code requests>=2.28,<3}. */
    @Override
    public String toString() {
        return name + specifiers;
    }
}
