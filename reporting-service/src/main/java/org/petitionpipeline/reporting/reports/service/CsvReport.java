package org.petitionpipeline.reporting.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.petitionpipeline.reporting.reports.repository.ReportSnapshot;
import org.petitionpipeline.reporting.reports.repository.SignerRow;

/**
 * The signer list as CSV (RFC 4180, UTF-8, CRLF), written row by row as the cursor reads it, and digested on the
 * way out: what it returns is the manifest of exactly the bytes written.
 */
@ApplicationScoped
public class CsvReport {

    static final String HEADER = "signed_at,given_name,family_name,postal_code,region,country,comment,signature_id";
    private static final String LINE_END = "\r\n";
    /*
     * Line breaks inside a cell become spaces: every record is then one CRLF line, which is what lets a target
     * check the hash chain by splitting the file on CRLF. Other control characters go the same way.
     */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /* OWASP's CSV injection list: a spreadsheet would run a cell that starts with one of these as a formula. */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@]");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",]");

    public ReportManifest write(ReportSnapshot snapshot, OutputStream out) throws IOException {
        MessageDigest fileDigest = HashChain.sha256();
        OutputStream digested = new DigestOutputStream(out, fileDigest);
        byte[] header = (HEADER + LINE_END).getBytes(StandardCharsets.UTF_8);
        digested.write(header);
        HashChain chain = new HashChain(header);
        long[] rows = {0};
        snapshot.forEachSigner(signer -> {
            byte[] line = line(signer);
            digested.write(line);
            chain.add(line);
            rows[0]++;
        });
        digested.flush();
        return new ReportManifest(snapshot.scope().slug(), snapshot.scope().region(), snapshot.scope().asOf(),
                rows[0], HexFormat.of().formatHex(fileDigest.digest()), ReportManifest.CHAIN_ALGORITHM, chain.head(),
                snapshot.erasedSinceAsOf());
    }

    private static byte[] line(SignerRow signer) {
        return Stream.of(DateTimeFormatter.ISO_INSTANT.format(signer.signedAt()), signer.givenName(),
                        signer.familyName(), signer.postalCode(), signer.region(), signer.country(), signer.comment(),
                        signer.signatureId().toString())
                .map(CsvReport::cell)
                .collect(Collectors.joining(",", "", LINE_END))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = CONTROL.matcher(value).replaceAll(" ");
        if (FORMULA_START.matcher(text).find()) {
            text = "'" + text;
        }
        return NEEDS_QUOTES.matcher(text).find() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
