package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.intake.config.EmbedConfig;

/**
 * The embed widget. Built once at start: the script with this deployment's settings written in, and its gzip
 * form, so a page that embeds it costs a conditional GET and no work here. Compressed here rather than by the
 * HTTP layer, which would compress every API answer too.
 */
@Path("/embed.js")
@Tag(name = "Signing")
public class EmbedScriptResource {

    static final String MEDIA_TYPE = "text/javascript; charset=utf-8";
    private static final String SETTINGS_PLACEHOLDER = "/*SETTINGS*/{}";
    // short: a fixed widget reaches every page within minutes, and the ETag makes a revalidation cheap
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final byte[] plain;
    private final byte[] gzipped;
    private final String plainTag;
    private final String gzippedTag;

    public EmbedScriptResource(EmbedConfig config, ObjectMapper json) {
        this.plain = script(config, json).getBytes(StandardCharsets.UTF_8);
        this.gzipped = gzip(plain);
        String version = sha256(plain).substring(0, 16);
        this.plainTag = "\"" + version + "\"";
        this.gzippedTag = "\"" + version + "-gzip\"";
    }

    @GET
    @Operation(summary = "The embed widget: <script src=\".../embed.js\" data-petition=\"slug\" async></script>")
    public Response script(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean compressed = acceptEncoding != null && acceptEncoding.contains("gzip");
        String tag = compressed ? gzippedTag : plainTag;
        Response.ResponseBuilder answer = tag.equals(ifNoneMatch) ? Response.notModified()
                : Response.ok(compressed ? gzipped : plain, MEDIA_TYPE);
        if (compressed) {
            answer.header("Content-Encoding", "gzip");
        }
        return answer.header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Accept-Encoding")
                // any page may load it: the script itself is public, what it sends is checked per petition (CORS)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }

    private static String script(EmbedConfig config, ObjectMapper json) {
        Map<String, Object> settings = new LinkedHashMap<>();
        config.totalsUrl().ifPresent(url -> settings.put("totals_url", url));
        settings.put("privacy_url", config.privacyUrl());
        settings.put("countries", Stream.of(Locale.getISOCountries()).sorted().toList());
        try (InputStream source = EmbedScriptResource.class.getResourceAsStream("/embed/embed.js")) {
            String text = new String(source.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains(SETTINGS_PLACEHOLDER)) {
                throw new IllegalStateException("embed.js has lost its " + SETTINGS_PLACEHOLDER + " placeholder");
            }
            return text.replace(SETTINGS_PLACEHOLDER, json.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read embed.js", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
