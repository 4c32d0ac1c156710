package fi.suoja.bench.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a kiosk's page keeps of Vaadin Flow's client–server protocol, read and written as the
 * Flow client in the browser does: the security key and the message counters each request carries,
 * and from the answers' {@code changes} the state-tree node of each element with an {@code id}
 * and the {@code data-screen} of the kiosk's {@code #screen}, the only two things a tap needs.
 *
 * <p>An answer is {@code for(;;);[{...}]}: {@code syncId} (the server's message number, sent back
 * with the next request), {@code clientId} (the number the next request must carry), and
 * {@code changes}, one entry per node and feature, e.g.
 * {@code {"node":18,"type":"put","key":"id","feat":3,"value":"book"}}. A request is
 * {@code {"csrfToken":…,"rpc":[…],"syncId":…,"clientId":…}} with, for a tap,
 * {@code {"type":"event","node":18,"event":"click","data":{…}}}.
 */
final class Uidl {

    /** What a browser sends with a click on a NativeButton: the event data Flow's ClickEvent asks for. */
    private static final ObjectNode CLICK = SuojaApi.JSON.createObjectNode()
            .put("event.shiftKey", false).put("event.metaKey", false).put("event.detail", 1)
            .put("event.ctrlKey", false).put("event.clientX", 640).put("event.clientY", 480)
            .put("event.altKey", false).put("event.button", 0).put("event.screenY", 480).put("event.screenX", 640);
    /** The UI's own element: the poll and the first navigation are events on it. */
    private static final int UI_NODE = 1;

    private final String csrfToken;
    private int syncId;
    private int clientId;
    private final Map<String, Integer> nodeById = new HashMap<>();
    private int screenNode = -1;
    private String screen = "";

    /** From {@code ?v-r=init}'s {@code appConfig.uidl}, the page's first message. */
    Uidl(JsonNode initial) {
        this.csrfToken = text(initial, "Vaadin-Security-Key");
        this.syncId = initial.path("syncId").asInt(-1);
        this.clientId = initial.path("clientId").asInt(-1);
        if (syncId < 0 || clientId < 0) {
            throw new IllegalStateException("the init answer has no message counters: " + initial);
        }
        apply(initial);
    }

    static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException("no " + field + " in " + abbreviate(node.toString()));
        }
        return value;
    }

    /** The request with the first navigation to the kiosk's route, as Flow's client sends it after init. */
    String navigate() {
        ObjectNode data = SuojaApi.JSON.createObjectNode().put("route", "").put("query", "").put("appShellTitle", "")
                .put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        return request(event(UI_NODE, "ui-navigate", data));
    }

    /** The request of the page's poll (the kiosk's one-second idle timer). */
    String poll() {
        return request(event(UI_NODE, "ui-poll", SuojaApi.JSON.createObjectNode()));
    }

    /** The request of a tap on the element with this id, as it is on the screen now. */
    String click(String elementId) {
        Integer node = nodeById.get(elementId);
        if (node == null) {
            throw new IllegalStateException("no element #" + elementId + " on screen " + screen);
        }
        return request(event(node, "click", CLICK));
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event = SuojaApi.JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    private String request(ObjectNode rpc) {
        ObjectNode request = SuojaApi.JSON.createObjectNode().put("csrfToken", csrfToken);
        request.putArray("rpc").add(rpc);
        request.put("syncId", syncId).put("clientId", clientId);
        return request.toString();
    }

    /**
     * Reads an answer to a request: it must be a normal answer (no error, not an expired session) that takes the client's counter one further; its changes are applied.
     * Answers what it changed, for the caller's checks.
     */
    Answer answer(String body) {
        JsonNode message = message(body);
        JsonNode meta = message.path("meta");
        if (!meta.isMissingNode() && (meta.has("appError") || meta.has("sessionExpired"))
                || message.path("syncId").asInt() < 0) {
            throw new IllegalStateException("kiosk-ui answered with " + meta);
        }
        int nextClientId = message.path("clientId").asInt(-1);
        if (nextClientId != clientId + 1) {
            throw new IllegalStateException("kiosk-ui answered clientId " + nextClientId + " to request " + clientId
                    + ": " + abbreviate(body));
        }
        clientId = nextClientId;
        syncId = message.path("syncId").asInt(syncId);
        return apply(message);
    }

    /** A message the server pushed on its own (none is expected on the kiosk's path): its changes count. */
    void pushed(JsonNode message) {
        syncId = message.path("syncId").asInt(syncId);
        apply(message);
    }

    static JsonNode message(String body) {
        int start = body.indexOf('[');
        if (!body.startsWith("for(;;);") || start < 0) {
            throw new IllegalStateException("not a UIDL answer: " + abbreviate(body));
        }
        try {
            JsonNode array = SuojaApi.JSON.readTree(body.substring(start));
            if (!(array instanceof ArrayNode) || array.size() != 1) {
                throw new IllegalStateException("not one UIDL message: " + abbreviate(body));
            }
            return array.get(0);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable UIDL answer: " + abbreviate(body), e);
        }
    }

    /** Element ids and the screen name that these changes put, and the screen they leave. */
    record Answer(java.util.Set<String> ids, String screen, JsonNode execute) {
        boolean shows(String idOrPrefix) {
            return idOrPrefix.endsWith("*")
                    ? ids.stream().anyMatch(id -> id.startsWith(idOrPrefix.substring(0, idOrPrefix.length() - 1)))
                    : ids.contains(idOrPrefix);
        }
    }

    private Answer apply(JsonNode message) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode change : message.path("changes")) {
            if (!"put".equals(change.path("type").asText()) || !change.path("value").isTextual()) {
                continue;
            }
            int node = change.path("node").asInt();
            String value = change.path("value").asText();
            switch (change.path("key").asText()) {
                case "id" -> {
                    nodeById.put(value, node);
                    ids.add(value);
                    if (value.equals("screen")) {
                        screenNode = node;
                    }
                }
                case "data-screen" -> {
                    if (screenNode < 0 || node == screenNode) {
                        screen = value;
                    }
                }
                default -> {
                    // the rest of the page: what a browser draws, nothing a tap needs
                }
            }
        }
        return new Answer(ids, screen, message.path("execute"));
    }

    String screen() {
        return screen;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
