package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The certificates of a secure local run, made fresh at every start with the JDK's {@code keytool}: a certificate
 * authority of this run, and one server certificate it signed for {@code localhost} and {@code 127.0.0.1}, which
 * the Kafka brokers present. Clients trust the authority's certificate ({@link #authorityPem()}), as they would
 * trust an organization's or cert-manager's in production; nothing is trusted blindly.
 *
 * @param authorityPem   the authority's certificate (PEM), the one thing clients trust
 * @param serverKeystore PKCS12 with the server's key and its chain up to the authority
 * @param password       of {@code serverKeystore}
 */
public record LocalCertificates(Path authorityPem, Path serverKeystore, String password) {

    private static final String VALIDITY_DAYS = "30";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    /** Makes the authority and the server certificate in {@code directory}, replacing what is there. */
    public static LocalCertificates generate(Path directory) {
        String password = Secrets.random();
        Path authorityStore = directory.resolve("ca.p12");
        Path authorityPem = directory.resolve("ca.pem");
        Path serverStore = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path serverPem = directory.resolve("server.pem");
        try {
            Files.createDirectories(directory);
            for (Path old : List.of(authorityStore, authorityPem, serverStore, request, serverPem)) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + directory, e);
        }
        Keytool keytool = new Keytool(directory, password);
        keytool.run("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Petition pipeline local authority", "-ext", "bc:c", "-validity", VALIDITY_DAYS,
                "-keystore", authorityStore.toString());
        keytool.run("-exportcert", "-rfc", "-alias", "ca", "-keystore", authorityStore.toString(),
                "-file", authorityPem.toString());
        keytool.run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", VALIDITY_DAYS, "-keystore", serverStore.toString());
        keytool.run("-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", request.toString());
        keytool.run("-gencert", "-rfc", "-alias", "ca", "-keystore", authorityStore.toString(),
                "-infile", request.toString(), "-outfile", serverPem.toString(), "-validity", VALIDITY_DAYS,
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth");
        keytool.run("-importcert", "-noprompt", "-alias", "ca", "-keystore", serverStore.toString(),
                "-file", authorityPem.toString());
        keytool.run("-importcert", "-alias", "server", "-keystore", serverStore.toString(),
                "-file", serverPem.toString());
        return new LocalCertificates(authorityPem, serverStore, password);
    }

    /** The JDK's keytool, one process per step, failing loudly with its own words. */
    private record Keytool(Path directory, String password) {

        void run(String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
            command.addAll(List.of(args));
            command.addAll(List.of("-storepass", password, "-storetype", "PKCS12"));
            ManagedProcess keytool = ManagedProcess.start("keytool", command, Map.of(),
                    directory.resolve("keytool.log"));
            int exit = keytool.awaitExit(KEYTOOL_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed (exit " + exit + "):"
                        + System.lineSeparator() + keytool.logTail(10));
            }
        }
    }
}
