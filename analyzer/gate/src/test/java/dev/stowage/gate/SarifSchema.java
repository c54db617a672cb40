package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Validates SARIF against the official SARIF 2.1.0 JSON schema (OASIS), which the build unpacks from
 * a jar on Maven Central (see the gate's pom); used by the SARIF tests here and over the corpus.
 */
final class SarifSchema {

    private static JsonSchema schema;

    private SarifSchema() {}

    static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            Path file = Path.of(System.getProperty("stowage.sarif.schema", "target/sarif-schema/schema/sarif-schema-2.1.0.json"));
            assertTrue(Files.isRegularFile(file), "the SARIF schema was not unpacked by the build: " + file);
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            }
        }
        return schema;
    }

    /** The schema's complaints about a SARIF text; empty when it is valid. */
    static Set<ValidationMessage> violations(String sarif) throws IOException {
        JsonNode node = new ObjectMapper().readTree(sarif);
        return schema().validate(node);
    }

    static void assertValid(String sarif) throws IOException {
        Set<ValidationMessage> violations = violations(sarif);
        assertEquals(Set.of(), violations, "SARIF 2.1.0 schema violations");
    }

    static void assertSchemaRejectsBrokenSarif() throws IOException {
        assertFalse(violations("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}").isEmpty(),
                "a run without a tool must be rejected, or the validator checks nothing");
    }
}
