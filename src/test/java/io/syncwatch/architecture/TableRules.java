package io.syncwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * No module reads or writes another module's tables. Each module's tables are the ones its own
 * Flyway folder creates ({@code <migrations>/<module>/*.sql}, plus the vendor-specific folders);
 * the SQL a module's classes hold (string constants, literals, text blocks and the constant parts of
 * concatenations, read from the compiled classes) may name only those. Another module's data is
 * reached through its published API or its events.
 */
final class TableRules {

    /** Words after which a table name follows in SQL. */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?[`\"]?(?!(?:if|not|exists)\\b)([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?[`\"]?(?!(?:if|not|exists)\\b)([a-z_][a-z0-9_]*)");

    private TableRules() {
    }

    /**
     * @param root the package whose sub-packages are the modules
     * @param modules the modules, each named as its package and its migrations folder, in the order the
     *        application migrates them (dependency order): a table that a later module's folder declares
     *        again belongs to that later module (a module split off with its tables keeps the earlier
     *        module's historical migrations frozen and declares them anew, decision 0016)
     * @param migrations resource patterns of the folders holding one folder per module, e.g.
     *        {@code classpath*:db/migration}
     */
    static List<ArchRule> forModules(String root, List<String> modules, String... migrations) {
        Map<String, String> owners = owners(modules, migrations);
        List<ArchRule> rules = new ArrayList<>();
        for (String module : modules) {
            rules.add(classes().that().resideInAPackage(root + "." + module + "..")
                    .should(nameNoTableOfAnotherModule(module, owners))
                    .as("'" + module + "' reads and writes only the tables its own migrations create")
                    .allowEmptyShould(true));
        }
        return rules;
    }

    /** Table name (lower case) → module whose migrations create it. */
    static Map<String, String> owners(List<String> modules, String... migrations) {
        var resolver = new PathMatchingResourcePatternResolver();
        Map<String, String> owners = new TreeMap<>();
        for (String module : modules) {
            for (String location : migrations) {
                try {
                    for (Resource script : resolver.getResources(location + "/" + module + "/*.sql")) {
                        String sql = script.getContentAsString(StandardCharsets.UTF_8);
                        Matcher created = CREATE_TABLE.matcher(sql);
                        while (created.find()) {
                            owners.put(created.group(1).toLowerCase(Locale.ROOT), module);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (owners.isEmpty()) {
            throw new IllegalStateException("No CREATE TABLE found under " + List.of(migrations));
        }
        return owners;
    }

    private static ArchCondition<JavaClass> nameNoTableOfAnotherModule(String module, Map<String, String> owners) {
        return new ArchCondition<>("name no table another module's migrations create") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String text : strings(javaClass)) {
                    Matcher reference = TABLE_REFERENCE.matcher(text);
                    while (reference.find()) {
                        String table = reference.group(1).toLowerCase(Locale.ROOT);
                        String owner = owners.get(table);
                        if (owner != null && !owner.equals(module)) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " names table '"
                                    + table + "' of module '" + owner + "' in \"" + abbreviate(text) + "\""));
                        }
                    }
                }
            }
        };
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** Every string constant of the class file: field constants, literals and concatenation recipes. */
    static Set<String> strings(JavaClass javaClass) {
        var source = javaClass.getSource().orElseThrow(() -> new IllegalStateException("No class file for " + javaClass));
        try (InputStream in = source.getUri().toURL().openStream()) {
            Set<String> found = new LinkedHashSet<>();
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    if (value instanceof String text) {
                        found.add(text);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String text) {
                                found.add(text);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof String text) {
                                    found.add(text);
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
