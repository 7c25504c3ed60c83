package netlab.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a library's Java 5 class files as Java 8 ones (same code, with the stack-map frames newer class files
 * carry), into a class directory that comes before the library on the class path. Run by the build for picocli.
 *
 * <p>Why: Java 17's class-data archive verifies classes once, when it is made, but only classes of Java 6 or
 * later; older ones are verified again at every start with the slow type-inferring verifier, about 9 ms of each
 * netlab command for picocli's parser. The method bodies are copied unchanged.
 *
 * <pre>java -cp netlab.jar netlab.build.ModernClassFiles LIBRARY.jar OUTPUT-CLASS-DIR</pre>
 */
public final class ModernClassFiles {
    /** Class file versions before this one (Java 6) have no stack-map frames. */
    static final int FIRST_WITH_FRAMES = Opcodes.V1_6;

    private ModernClassFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ModernClassFiles LIBRARY.jar OUTPUT-CLASS-DIR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]), out = Path.of(args[1]);
        int n = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                // a multi-release jar's versioned entries (module-info) are for newer Javas already
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) continue;
                byte[] original;
                try (InputStream in = zip.getInputStream(entry)) {
                    original = in.readAllBytes();
                }
                if (majorVersion(original) >= FIRST_WITH_FRAMES) continue;
                Path target = out.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, toJava8(original));
                n++;
            }
        }
        System.out.println("rewrote " + n + " Java 5 class files of " + jar.getFileName() + " as Java 8 class files in " + out);
    }

    /** The class file's major version (bytes 6-7 of its header). */
    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The same class as a Java 8 class file: version raised, frames computed; nothing else changes. */
    static byte[] toJava8(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // a writer of its own (not one sharing the reader's constant pool), so every method is written again with
        // its frames rather than copied as it was
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // frames need the common superclass of two types: load them without initialising them
            @Override
            protected ClassLoader getClassLoader() {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                return context != null ? context : ModernClassFiles.class.getClassLoader();
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
