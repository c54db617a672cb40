package dev.stowage.lsp.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * Reads what the client says about trusting the workspace (see docs/security.md):
 *
 * <ul>
 *   <li>{@code initializationOptions.workspaceTrusted} (boolean): an editor with a notion of
 *       workspace trust (VS Code) says it; when present, it decides;
 *   <li>the setting {@code stowage.project.trusted} (boolean; {@code {"stowage": {"project":
 *       {"trusted": true}}}} or the dotted key {@code "project.trusted"} in the {@code stowage}
 *       section): for clients without workspace trust, from the user's own editor configuration.
 * </ul>
 *
 * <pre>{@code
 * WorkspaceTrust.clientSaid(JsonParser.parseString("{\"workspaceTrusted\": true}"));   // Optional[true]
 * }</pre>
 */
public final class WorkspaceTrust {

    private WorkspaceTrust() {}

    /** {@code workspaceTrusted} at the top level of the options, when it is a boolean. */
    public static Optional<Boolean> clientSaid(JsonElement options) {
        if (options == null || !options.isJsonObject()) return Optional.empty();
        return bool(options.getAsJsonObject().get("workspaceTrusted"));
    }

    /** {@code stowage.project.trusted}, when it is a boolean. */
    public static Optional<Boolean> settingSaid(JsonElement settings) {
        if (settings == null || !settings.isJsonObject()) return Optional.empty();
        JsonObject root = settings.getAsJsonObject();
        JsonObject section = root.has("stowage") && root.get("stowage").isJsonObject() ? root.getAsJsonObject("stowage") : root;
        if (section.has("project.trusted")) return bool(section.get("project.trusted"));
        if (section.has("project") && section.get("project").isJsonObject()) {
            return bool(section.getAsJsonObject("project").get("trusted"));
        }
        return Optional.empty();
    }

    private static Optional<Boolean> bool(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? Optional.of(value.getAsBoolean()) : Optional.empty();
    }
}
