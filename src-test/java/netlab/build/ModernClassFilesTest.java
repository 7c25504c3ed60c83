package netlab.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** picocli's Java 5 class files, rewritten as Java 8 ones by the build, verify and behave as the originals. */
class ModernClassFilesTest {
    @Test
    void theBuildPutPicocliOnTheClassPathAsJava8ClassFiles() throws IOException {
        try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class")) {
            assertThat(ModernClassFiles.majorVersion(in.readAllBytes())).isEqualTo(52);
        }
    }

    @Test
    void rewrittenClassesPassTheVerifierAndParseAsBefore() throws Exception {
        Map<String, byte[]> rewritten = new HashMap<>();
        try (ZipFile jar = new ZipFile(originalPicocliJar().toFile())) {
            jar.stream().filter(e -> e.getName().startsWith("picocli/") && e.getName().endsWith(".class")).forEach(e -> {
                byte[] original = read(jar, e);
                assertThat(ModernClassFiles.majorVersion(original)).as(e.getName()).isLessThan(ModernClassFiles.FIRST_WITH_FRAMES);
                byte[] modern = ModernClassFiles.toJava8(original);
                assertThat(ModernClassFiles.majorVersion(modern)).isEqualTo(52);
                rewritten.put(e.getName().replace('/', '.').replaceAll("\\.class$", ""), modern);
            });
        }
        // A loader of their own, so these bytes (not the build's copies) are defined, verified (the split verifier
        // of Java 6+ class files rejects wrong frames) and run: parse a command line with them.
        ClassLoader loader = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = rewritten.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
        Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
        Object command = spec.getMethod("create").invoke(null);
        Class<?> optionSpec = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
        Object builder = optionSpec.getMethod("builder", String.class, String[].class).invoke(null, "--count", new String[0]);
        java.lang.reflect.Method type = builder.getClass().getMethod("type", Class.class);
        type.setAccessible(true); // declared by a package-private superclass
        type.invoke(builder, int.class);
        spec.getMethod("addOption", optionSpec).invoke(command, builder.getClass().getMethod("build").invoke(builder));
        Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
        Object cl = commandLine.getConstructor(Object.class).newInstance(command);
        Object result = commandLine.getMethod("parseArgs", String[].class).invoke(cl, (Object) new String[] {"--count", "3"});
        Object value = result.getClass().getMethod("matchedOptionValue", String.class, Object.class).invoke(result, "--count", 0);
        assertThat(value).isEqualTo(3);
        assertThat(Class.forName("picocli.CommandLine", false, loader).getClassLoader()).isSameAs(loader);
    }

    /** The picocli jar the build read (the class path holds it after target/classes). */
    private static Path originalPicocliJar() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.matches(".*/picocli-[0-9.]+\\.jar")) return Path.of(entry);
        }
        throw new IllegalStateException("no picocli jar on the class path: " + System.getProperty("java.class.path"));
    }

    private static byte[] read(ZipFile jar, ZipEntry e) {
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
