package dev.fnbundle.orders.packages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause ({@code ~=}, {@code ==}, {@code !=}, {@code <=}, {@code >=}, {@code <}, {@code >},
 * {@code ===}) with the matching rules of the {@code packaging} library (26.x): {@code ==1.2.*} prefix matching,
 * {@code <3} excluding {@code 3.0a1}, {@code >1.0} excluding {@code 1.0.post1}, local labels ignored unless the
 * clause names one. Pre-release policy is the solver's business, not this class's. Immutable.
 */
public final class VersionSpecifier {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+)\\s*");

    private final String operator;
    private final String versionText;
    private final Version version;
    private final boolean wildcard;

    private VersionSpecifier(String operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
    }

    /**
     * Parses one clause such as {@code >=2.28} or {@code ==1.4.*}.
     *
     * @throws VersionSyntaxException when the clause is malformed or combines features PEP 440 forbids
     */
    public static VersionSpecifier parse(String clause) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches()) {
            throw new VersionSyntaxException("is not a version clause such as >=2.28, <3, ~=1.4 or ==1.2.*");
        }
        String operator = m.group(1);
        String text = m.group(2);
        if (operator.equals("===")) {
            return new VersionSpecifier(operator, text, null, false);
        }
        boolean wildcard = text.endsWith(".*");
        Version version = Version.parse(wildcard ? text.substring(0, text.length() - 2) : text);
        if (wildcard && !(operator.equals("==") || operator.equals("!="))) {
            throw new VersionSyntaxException("allows a .* wildcard only after == or !=");
        }
        if (wildcard && (version.isPrerelease() || version.isPostrelease() || version.hasLocal())) {
            throw new VersionSyntaxException("allows a .* wildcard only after a release number such as 1.2.*");
        }
        if (version.hasLocal() && !(operator.equals("==") || operator.equals("!="))) {
            throw new VersionSyntaxException("allows a local version label only after == or !=");
        }
        if (operator.equals("~=") && version.release().length < 2) {
            throw new VersionSyntaxException("needs at least two release numbers after ~=, such as ~=1.4");
        }
        return new VersionSpecifier(operator, text, version, wildcard);
    }

    /** Whether {@code candidate} satisfies this clause. */
    public boolean matches(Version candidate) {
        return switch (operator) {
            case "~=" -> candidate.publicVersion().compareTo(version) >= 0
                    && prefixMatches(candidate, version.epoch(), version.release(), version.release().length - 1);
            case "==" -> equalMatches(candidate);
            case "!=" -> !equalMatches(candidate);
            case "<=" -> candidate.publicVersion().compareTo(version) <= 0;
            case ">=" -> candidate.publicVersion().compareTo(version) >= 0;
            case "<" -> lessMatches(candidate);
            case ">" -> greaterMatches(candidate);
            default -> candidate.normalized().toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
        };
    }

    /** The clause as written, without spaces: {@code >=2.28}. */
    @Override
    public String toString() {
        return operator + versionText;
    }

    private boolean equalMatches(Version candidate) {
        if (wildcard) {
            return prefixMatches(candidate, version.epoch(), version.release(), version.release().length);
        }
        return (version.hasLocal() ? candidate : candidate.publicVersion()).equals(version);
    }

    /** PEP 440: {@code <V} must not allow a pre-release of V unless V itself is one. */
    private boolean lessMatches(Version candidate) {
        if (candidate.compareTo(version) >= 0) {
            return false;
        }
        return version.isPrerelease() || !candidate.isPrerelease()
                || candidate.compareTo(version.earliestPrerelease()) < 0;
    }

    /** PEP 440: {@code >V} must not allow a post-release or a local version of V itself. */
    private boolean greaterMatches(Version candidate) {
        if (candidate.compareTo(version) <= 0) {
            return false;
        }
        if (!version.isPostrelease() && candidate.isPostrelease() && candidate.postBase().equals(version)) {
            return false;
        }
        return !(candidate.hasLocal() && candidate.publicVersion().equals(version));
    }

    /** The candidate's release, padded with zeros, starts with the first {@code length} numbers of the prefix. */
    private static boolean prefixMatches(Version candidate, long epoch, long[] prefix, int length) {
        if (candidate.epoch() != epoch) {
            return false;
        }
        long[] release = candidate.release();
        for (int i = 0; i < length; i++) {
            if ((i < release.length ? release[i] : 0) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
