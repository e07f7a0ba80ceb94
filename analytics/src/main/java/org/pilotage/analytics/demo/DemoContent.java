package org.pilotage.analytics.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile's rooms, actions, comments and commitment levels ({@code pilotage/demo/rooms.json},
 * fictional): each feature reads its own section of it.
 */
public final class DemoContent {

    static final String RESOURCE = "pilotage/demo/rooms.json";

    private DemoContent() {
    }

    /** One section of the file: {@code rooms}, {@code actions}, {@code comments} or {@code commitments}. */
    public static JsonNode section(String name) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            return JsonMapper.builder().build().readTree(in).get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> strings(JsonNode array) {
        return array == null ? List.of() : array.valueStream().map(JsonNode::asString).toList();
    }

    /** A text field that may be missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
