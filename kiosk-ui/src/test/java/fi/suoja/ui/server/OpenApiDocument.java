package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * kiosk-server's OpenAPI document, as micronaut-openapi wrote it into the server's jar at build
 * time (the document the server serves at {@code /openapi/suoja-v1.yml}), and the check of this
 * UI's {@link ApiSchema} types against it.
 */
final class OpenApiDocument {

    static final String ENTRY = "META-INF/swagger/suoja-v1.yml";

    private final JsonNode schemas;

    OpenApiDocument(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
        if (!schemas.isObject() || schemas.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document has no components.schemas");
        }
    }

    /** The document inside the server's jar, the one the UI tests start the server from. */
    static OpenApiDocument ofServerJar() {
        File jar = new File(System.getProperty("suoja.test.server-jar", "../kiosk-server/target/kiosk-server.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("kiosk-server's jar is missing at " + jar.getAbsolutePath()
                    + ": build it first (./mvnw -pl kiosk-ui -am verify builds it before these tests).");
        }
        try (JarFile file = new JarFile(jar)) {
            ZipEntry entry = file.getEntry(ENTRY);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + ENTRY + ": is micronaut-openapi still run when it is built?");
            }
            try (InputStream in = file.getInputStream(entry)) {
                return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code type} the document does not back, one sentence each; empty when it all fits. */
    List<String> problems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        ApiSchema annotation = type.getAnnotation(ApiSchema.class);
        if (annotation == null) {
            problems.add(type.getName() + " names no schema (@ApiSchema)");
            return problems;
        }
        List<JsonNode> named = new ArrayList<>();
        for (String name : annotation.value()) {
            JsonNode schema = schemas.get(name);
            if (schema == null) {
                problems.add(type.getName() + ": the document has no schema " + name);
            } else {
                named.add(schema);
            }
        }
        if (named.isEmpty()) {
            return problems;
        }
        if (type.isEnum()) {
            enumProblems(type, annotation, named, problems);
        } else if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                componentProblems(type, component, named, problems);
            }
        } else {
            problems.add(type.getName() + " is neither a record nor an enum");
        }
        return problems;
    }

    private static void enumProblems(Class<?> type, ApiSchema annotation, List<JsonNode> named, List<String> problems) {
        Set<String> documented = new LinkedHashSet<>();
        named.forEach(schema -> schema.path("enum").forEach(constant -> documented.add(constant.asText())));
        if (documented.isEmpty()) {
            problems.add(type.getName() + ": " + String.join(", ", annotation.value()) + " is no enum in the document");
            return;
        }
        Set<String> ours = new LinkedHashSet<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (isFallback(type, name)) {
                if (documented.contains(name)) {
                    problems.add(type.getName() + "." + name + " is the fallback for unknown constants, but the server has one of that name");
                }
                continue;
            }
            ours.add(name);
            if (!documented.contains(name)) {
                problems.add(type.getName() + "." + name + " is not a constant of " + String.join(", ", annotation.value()));
            }
        }
        for (String name : documented) {
            if (!ours.contains(name)) {
                problems.add(type.getName() + " lacks the server's constant " + name);
            }
        }
    }

    private static boolean isFallback(Class<?> type, String constant) {
        try {
            return type.getField(constant).isAnnotationPresent(JsonEnumDefaultValue.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private void componentProblems(Class<?> type, RecordComponent component, List<JsonNode> named, List<String> problems) {
        String where = type.getName() + "." + component.getName();
        Set<String> names = jsonNames(type, component);
        boolean found = false;
        for (JsonNode schema : named) {
            for (String name : names) {
                JsonNode property = schema.path("properties").get(name);
                if (property == null) {
                    continue;
                }
                found = true;
                if (component.getType().isPrimitive() && (!required(schema, name) || property.path("nullable").asBoolean(false))) {
                    problems.add(where + " cannot be null, but the document's " + name + " is optional");
                }
                typeProblems(where, component.getGenericType(), property, problems);
            }
        }
        if (!found) {
            problems.add(where + ": no property " + String.join(" or ", names) + " in the document's schema");
        }
    }

    /** The component's JSON name and aliases; Jackson's annotations land on the record's field, not on the component. */
    private static Set<String> jsonNames(Class<?> type, RecordComponent component) {
        Field field;
        try {
            field = type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new LinkedHashSet<>();
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        names.add(property != null && !property.value().isEmpty() ? property.value() : component.getName());
        JsonAlias alias = field.getAnnotation(JsonAlias.class);
        if (alias != null) {
            names.addAll(List.of(alias.value()));
        }
        return names;
    }

    private static boolean required(JsonNode schema, String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A component of one of our schema types must point at one of that type's schemas; a list at an array of them. */
    private static void typeProblems(String where, Type type, JsonNode property, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            if (!"array".equals(property.path("type").asText())) {
                problems.add(where + " is a list, but the document's property is no array");
                return;
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            typeProblems(where + "[]", element, property.path("items"), problems);
            return;
        }
        ApiSchema target = raw.getAnnotation(ApiSchema.class);
        if (target == null) {
            return;
        }
        String ref = reference(property);
        if (ref == null || !List.of(target.value()).contains(ref)) {
            problems.add(where + " is a " + raw.getSimpleName() + " (" + String.join(", ", target.value())
                    + "), but the document's property is " + (ref == null ? "no reference" : ref));
        }
    }

    /** The schema a property points at: directly, or through the allOf that nullable references use. */
    private static String reference(JsonNode property) {
        String ref = property.path("$ref").asText(null);
        if (ref == null) {
            for (JsonNode part : property.path("allOf")) {
                ref = part.path("$ref").asText(null);
                if (ref != null) {
                    break;
                }
            }
        }
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
