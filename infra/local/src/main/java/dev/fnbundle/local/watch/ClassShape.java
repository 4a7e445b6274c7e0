package dev.fnbundle.local.watch;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What other classes can see of a compiled class, read from its class file: its name, the source file it was
 * compiled from, and its shape as a dependent compiles against it — the class's modifiers, supertypes, generic
 * signature and permitted subclasses, and every non-private field and method (modifiers, name, descriptor, generic
 * signature, thrown exceptions, and a constant's value, which javac copies into the classes that use it). Two
 * versions with equal shapes can replace each other without recompiling a single dependent; bodies, private
 * members and line numbers are not part of it.
 *
 * @param name       the binary name with slashes, e.g. {@code a/b/Outer$Inner}
 * @param sourceFile the {@code SourceFile} attribute (e.g. {@code Outer.java}), or null when compiled without it
 * @param api        the visible shape, one line per element
 */
record ClassShape(String name, String sourceFile, Set<String> api) {
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_SUPER = 0x0020;

    /**
     * Whether other source files can name this class: false for local and anonymous classes ({@code Outer$1},
     * {@code Outer$1Local}), which only their own file uses.
     */
    boolean nameable() {
        for (String part : name.substring(name.lastIndexOf('/') + 1).split("\\$")) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a class file.
     *
     * @throws IOException when the bytes are not a class file this reader understands
     */
    static ClassShape read(byte[] classFile) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        Object[] pool = constantPool(in);
        var api = new TreeSet<String>();
        int access = in.readUnsignedShort() & ~ACC_SUPER;
        String name = className(pool, in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        var header = new StringBuilder("class ").append(access).append(" extends ")
                .append(superIndex == 0 ? "-" : className(pool, superIndex)).append(" implements");
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            header.append(' ').append(className(pool, in.readUnsignedShort()));
        }
        api.add(header.toString());
        members("field", in, pool, api);
        members("method", in, pool, api);
        String sourceFile = null;
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String attribute = (String) pool[in.readUnsignedShort()];
            byte[] value = in.readNBytes(in.readInt());
            var data = new DataInputStream(new ByteArrayInputStream(value));
            switch (attribute) {
                case "SourceFile" -> sourceFile = (String) pool[data.readUnsignedShort()];
                case "Signature" -> api.add("class signature " + pool[data.readUnsignedShort()]);
                case "PermittedSubclasses" -> {
                    int count = data.readUnsignedShort();
                    for (int k = 0; k < count; k++) {
                        api.add("permits " + className(pool, data.readUnsignedShort()));
                    }
                }
                default -> {
                    // bodies' attributes (inner class table, bootstrap methods, nest) do not change what compiles
                }
            }
        }
        return new ClassShape(name, sourceFile, api);
    }

    private static void members(String kind, DataInputStream in, Object[] pool, Set<String> api) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            int access = in.readUnsignedShort();
            String line = kind + " " + access + " " + pool[in.readUnsignedShort()] + " " + pool[in.readUnsignedShort()];
            List<String> details = new ArrayList<>();
            int attributes = in.readUnsignedShort();
            for (int k = 0; k < attributes; k++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                var data = new DataInputStream(new ByteArrayInputStream(in.readNBytes(in.readInt())));
                switch (attribute) {
                    case "Signature" -> details.add("signature " + pool[data.readUnsignedShort()]);
                    case "ConstantValue" -> details.add("= " + pool[data.readUnsignedShort()]);
                    case "Exceptions" -> {
                        int thrown = data.readUnsignedShort();
                        for (int t = 0; t < thrown; t++) {
                            details.add("throws " + className(pool, data.readUnsignedShort()));
                        }
                    }
                    default -> {
                        // code, line numbers, annotations: not what a dependent compiles against
                    }
                }
            }
            if ((access & ACC_PRIVATE) == 0) {
                api.add(line + (details.isEmpty() ? "" : " " + String.join(" ", details)));
            }
        }
    }

    /** The constant pool: UTF-8 entries as strings, class entries as their name's index, constants as values. */
    private static Object[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = "int " + in.readInt();
                case 4 -> pool[i] = "float " + Float.floatToRawIntBits(in.readFloat());
                case 5 -> pool[i++] = "long " + in.readLong();
                case 6 -> pool[i++] = "double " + Double.doubleToRawLongBits(in.readDouble());
                case 7 -> pool[i] = new ClassRef(in.readUnsignedShort());
                case 8 -> pool[i] = new StringRef(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        // Strings are resolved once the whole pool is read: they may point forwards.
        for (int i = 1; i < count; i++) {
            if (pool[i] instanceof StringRef string) {
                pool[i] = "string " + pool[string.utf8()];
            }
        }
        return pool;
    }

    private static String className(Object[] pool, int index) throws IOException {
        if (pool[index] instanceof ClassRef ref && pool[ref.utf8()] instanceof String name) {
            return name;
        }
        throw new IOException("constant " + index + " is not a class");
    }

    private record ClassRef(int utf8) {
    }

    private record StringRef(int utf8) {
    }
}
