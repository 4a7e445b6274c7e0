package dev.fnbundle.configaudit.service;

/** No approved baseline of this name (maps to 404). */
public final class BaselineNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public BaselineNotFoundException(String name) {
        super("no baseline " + name, null, false, false);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
